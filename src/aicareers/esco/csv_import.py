r"""Import ESCO as the European Commission distributes it (its CSV zips) into RDF, in ESCO's own terms.

A release of ESCO comes as zips, one per language and one without a language::

    ESCO dataset - v1.1.1 - classification - en - csv.zip   occupations_en.csv, skills_en.csv,
                                                            digitalSkillsCollection_en.csv, ...
    ESCO dataset - v1.1.1 - classification -  - csv.zip     occupationSkillRelations.csv, ...

Give this module those zips, the folders they unpack to, or a folder holding either (they are read
in place, with :class:`~aicareers.frameworks.distribution.Distribution`). Older downloads, with
``occupationSkillRelations_<lang>.csv`` in each language's folder, are read too. Every language
found is merged (or only those of ``langs``):

- an occupation is an ``esco:Occupation`` and a ``skos:Concept``, with its ESCO code as
  ``skos:notation`` ("2511.4") and its ISCO group as ``aic:iscoGroup`` ("2511");
- a skill is an ``esco:Skill`` and a ``skos:Concept``, with ``esco:skillType`` (ESCO's skill-type IRIs);
- ``skos:prefLabel``, ``skos:altLabel`` (one per line of the ``altLabels`` cell, the preferred label
  left out: SKOS keeps the two disjoint) and ``skos:definition`` (the ``description`` cell) in each
  language, from ``occupations_<lang>.csv`` and ``skills_<lang>.csv``;
- for a language that has no skills file (ESCO's French files as far as they could be had, for
  instance) the labels of the skills it does have, from its collections
  (``digitalSkillsCollection_<lang>.csv`` and the other ``*SkillsCollection_<lang>.csv``), for the
  skills a full skills file defines;
- ``esco:relatedEssentialSkill`` / ``esco:relatedOptionalSkill`` from occupation to skill, and
  ``aic:relatedSkill`` (their super-property) when the relation type is not given;
- ``prov:wasDerivedFrom src:esco`` on every imported concept, and the description of that source,
  whose version is the one the files say: ESCO says it only in the names of its zips ("v1.1.1"),
  so the importer reads it there (or in the names of the folders they unpack to); ``version=``
  overrides it, and when neither says it the import stops rather than guess.

Malformed input (a missing file or column, a row with the wrong number of fields, an IRI that is
not http(s), an unknown skill or relation type) raises :class:`~aicareers.errors.InputError`
naming the file, the line and the field. Inconsistent but well-formed data (a relation to a skill or
occupation that the files do not define, a duplicated concept) is not emitted and is reported in
:class:`ImportReport`, with its file and line: nothing is dropped silently.

>>> import tempfile, pathlib
>>> from aicareers.esco.synthetic import write_synthetic_esco
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "ESCO dataset - v1.2.0 - classification - en - csv"
>>> folder = write_synthetic_esco(folder, occupations=2, skills=5, relations=6, langs=("en",))
>>> graph, report = import_esco(folder)
>>> report.version, report.occupations, report.skills, report.relations, report.problems
('1.2.0', 2, 5, 6, [])
>>> len(set(graph.subjects(RDF.type, ESCO.Occupation)))
2
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
import time
import warnings
import zipfile
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from aicareers.atomic import write_atomic
from aicareers.errors import InputError
from aicareers.frameworks.distribution import Distribution, wrong_width
from aicareers.frameworks.report import Problem
from aicareers.frameworks.sources import FRAMEWORKS, framework_source_triples
from aicareers.namespaces import AIC, ESCO, bind_prefixes

__all__ = [
    "ESCO_SOURCE",
    "EscoDownload",
    "ImportReport",
    "OCCUPATION_COLUMNS",
    "Problem",
    "ProblemWarning",
    "RELATIONS_FILE",
    "RELATION_COLUMNS",
    "SKILL_COLUMNS",
    "SKILL_TYPES",
    "download_size",
    "esco_file_names",
    "import_esco",
    "is_language_tag",
    "iter_esco_triples",
    "render_esco_csv",
    "resolve_download",
    "source_triples",
    "version_in_name",
    "write_esco",
]

#: The source node every imported concept is derived from.
ESCO_SOURCE = FRAMEWORKS["esco"].source

#: The full headers of the official download (ESCO v1.1/v1.2 CSV); the importer needs only the
#: ``*_REQUIRED`` columns and ignores the others, wherever they are.
OCCUPATION_COLUMNS = (
    "conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels",
    "status", "modifiedDate", "regulatedProfessionNote", "scopeNote", "definition", "inScheme",
    "description", "code",
)  # fmt: skip
SKILL_COLUMNS = (
    "conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
    "hiddenLabels", "status", "modifiedDate", "scopeNote", "definition", "inScheme", "description",
)  # fmt: skip
RELATION_COLUMNS = ("occupationUri", "relationType", "skillType", "skillUri")
#: The header of the skill collections (``digitalSkillsCollection_<lang>.csv`` ...), as in v1.1.1.
COLLECTION_COLUMNS = (
    "conceptType", "conceptUri", "preferredLabel", "status", "skillType", "reuseLevel", "altLabels",
    "description", "broaderConceptUri", "broaderConceptPT",
)  # fmt: skip

OCCUPATION_REQUIRED = ("conceptType", "conceptUri", "preferredLabel", "altLabels", "description")
SKILL_REQUIRED = ("conceptType", "conceptUri", "skillType", "preferredLabel", "altLabels", "description")
RELATION_REQUIRED = RELATION_COLUMNS
COLLECTION_REQUIRED = ("conceptType", "conceptUri", "preferredLabel", "altLabels", "description")

#: The language-neutral relations file of the official download (no language suffix).
RELATIONS_FILE = "occupationSkillRelations.csv"

OCCUPATION_CONCEPT_TYPE = "Occupation"
SKILL_CONCEPT_TYPE = "KnowledgeSkillCompetence"

#: ``skillType`` cell -> ESCO skill-type IRI (an empty cell: the type is not given).
SKILL_TYPES: dict[str, URIRef] = {
    "skill/competence": URIRef("http://data.europa.eu/esco/skill-type/skill"),
    "knowledge": URIRef("http://data.europa.eu/esco/skill-type/knowledge"),
}
#: ``relationType`` cell -> predicate; an empty cell (type unknown) gives the super-property.
RELATION_PREDICATES: dict[str, URIRef] = {
    "essential": ESCO.relatedEssentialSkill,
    "optional": ESCO.relatedOptionalSkill,
    "": AIC.relatedSkill,
}

#: Rows between two progress lines when ``progress=True``.
PROGRESS_EVERY = 10_000

# Characters that may not appear in an IRI (RFC 3987), compiled once.
_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
_LANG = r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*"
_LANG_TAG = re.compile(_LANG + r"\Z")
_OCCUPATION_FILE = re.compile(rf"occupations_({_LANG})\.csv")
_SKILL_FILE = re.compile(rf"skills_({_LANG})\.csv")
_COLLECTION_FILE = re.compile(rf"[A-Za-z]+SkillsCollection_({_LANG})\.csv")
_OLD_RELATIONS_FILE = re.compile(rf"occupationSkillRelations_({_LANG})\.csv")
# A release number in a name that says ESCO: "ESCO dataset - v1.1.1 - ...", "esco-1.1.1-fr-partial".
_VERSION_IN_NAME = re.compile(r"(?i)(?<![a-z])esco(?![a-z])\D*?(?<![\d.])v?(\d+(?:\.\d+)+)(?![\d.]*\d)")
# Collections separate alternative labels with " | ", the main files with line breaks.
_COLLECTION_ALT_SEPARATOR = re.compile(r"\s*\|\s*|\n")


def esco_file_names(lang: str = "en") -> tuple[str, str, str]:
    """The occupations, skills and relations files of the official download for ``lang``.

    The relations file has no language: it is in the language-neutral zip.

    >>> esco_file_names("fr")
    ('occupations_fr.csv', 'skills_fr.csv', 'occupationSkillRelations.csv')
    """
    return (f"occupations_{lang}.csv", f"skills_{lang}.csv", RELATIONS_FILE)


def is_language_tag(text: str) -> bool:
    """True when ``text`` can be the language suffix of ESCO's file names (a BCP 47 tag).

    >>> is_language_tag("en"), is_language_tag("pt-BR"), is_language_tag("../en"), is_language_tag("")
    (True, True, False, False)
    """
    return bool(_LANG_TAG.match(text))


def version_in_name(name: str) -> str | None:
    """The ESCO release a file or folder name gives, if it gives one.

    >>> version_in_name("ESCO dataset - v1.1.1 - classification - en - csv.zip")
    '1.1.1'
    >>> version_in_name("esco-1.1.1-fr-partial.zip"), version_in_name("ESCO_v1.2.0_en")
    ('1.1.1', '1.2.0')
    >>> version_in_name("occupations_en.csv") is None, version_in_name("python3.12") is None
    (True, True)
    """
    found = _VERSION_IN_NAME.search(name)
    return found.group(1) if found else None


class ProblemWarning(UserWarning):
    """A :class:`Problem` met by :func:`iter_esco_triples` when no report was given to collect it."""


@dataclass
class ImportReport:
    """What an import kept, and what it did not emit and why.

    ``relations`` counts the relation rows emitted, of which ``essential_relations``,
    ``optional_relations`` and ``untyped_relations`` (an empty ``relationType``, emitted as
    ``aic:relatedSkill``); ``filtered_relations`` the rows left out on purpose by the
    ``occupations`` filter. ``rows`` is the number of data rows read per file (by base name);
    ``collection_labels`` the skills labelled from collections, per language. ``version`` is the
    ESCO version recorded, ``version_from`` what said it.

    >>> report = ImportReport()
    >>> report.problem("occupationSkillRelations.csv", 12, "skillUri", "unknown skill")
    >>> report.ok, report.problems[0].line
    (False, 12)
    """

    occupations: int = 0
    skills: int = 0
    relations: int = 0
    untyped_relations: int = 0
    essential_relations: int = 0
    optional_relations: int = 0
    filtered_relations: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    collection_labels: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    version: str = ""
    version_from: str = ""
    langs: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing was reported."""
        return not self.problems

    def problem(self, file: str, line: int | None, field_: str | None, message: str) -> None:
        """Record a problem."""
        self.problems.append(Problem(file, line, field_, message))

    def summary(self) -> str:
        """One line of counts.

        >>> ImportReport(occupations=3007, skills=13896, relations=5, essential_relations=3, optional_relations=2).summary()
        '3,007 occupations, 13,896 skills, 3 essential and 2 optional relations, 0 problems'
        >>> ImportReport(occupations=1, skills=2, relations=3, untyped_relations=1, essential_relations=2).summary()
        '1 occupations, 2 skills, 2 essential, 0 optional and 1 untyped relations, 0 problems'
        """
        if self.untyped_relations:
            relations = (f"{self.essential_relations:,} essential, {self.optional_relations:,} optional and "
                         f"{self.untyped_relations:,} untyped relations")
        else:
            relations = f"{self.essential_relations:,} essential and {self.optional_relations:,} optional relations"
        return f"{self.occupations:,} occupations, {self.skills:,} skills, {relations}, {len(self.problems):,} problems"


def source_triples(version: str) -> list[tuple]:
    """The description of the ESCO source node (``src:esco``) for ``version``; a thin wrapper of
    :func:`~aicareers.frameworks.sources.framework_source_triples`.

    >>> from rdflib.namespace import DCTERMS, OWL
    >>> g = Graph()
    >>> g += source_triples("1.1.1")
    >>> str(g.value(ESCO_SOURCE, OWL.versionInfo)), str(g.value(ESCO_SOURCE, DCTERMS.title))
    ('1.1.1', 'ESCO')
    """
    return framework_source_triples(FRAMEWORKS["esco"], version)


# ------------------------------------------------------------------------------ the download


@dataclass(frozen=True)
class EscoDownload:
    """The files of an ESCO download an import reads, and its version (nothing read yet but names).

    ``occupation_files`` and ``skill_files`` are ``(lang, base name)`` pairs; ``collection_files``
    the skill collections of the languages that have no skills file.
    """

    dist: Distribution
    langs: tuple[str, ...]
    occupation_files: tuple[tuple[str, str], ...]
    skill_files: tuple[tuple[str, str], ...]
    collection_files: tuple[tuple[str, str], ...]
    relation_file: str
    version: str
    version_from: str

    def files(self) -> list[str]:
        """The base names of every file the import reads, in reading order."""
        names = [n for _, n in self.occupation_files] + [n for _, n in self.skill_files] + [self.relation_file]
        return names + [n for _, n in self.collection_files]


def _expand(paths) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[Path] = []
    for path in map(Path, paths):
        out.append(path)
        if path.is_dir():
            # A folder of downloaded zips is read like the zips themselves (its own files first).
            out += [z for z in sorted(path.rglob("*.zip")) if not z.name.startswith(".") and zipfile.is_zipfile(z)]
    return out


def resolve_download(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    langs: str | Iterable[str] | None = None,
    version: str | None = None,
) -> EscoDownload:
    """Find the files of an ESCO download in ``paths`` (zips and/or folders) and its version.

    Only names are read (the lists of the zips): a wrong path, a missing file, a language with no
    files or an unknown version are reported before any long import starts.

    >>> import tempfile, pathlib
    >>> from aicareers.esco.synthetic import write_synthetic_esco
    >>> folder = write_synthetic_esco(pathlib.Path(tempfile.mkdtemp()) / "esco-1.1.1", occupations=2, skills=3, relations=3)
    >>> found = resolve_download(folder)
    >>> found.langs, found.relation_file, found.version, found.version_from
    (('en', 'fr'), 'occupationSkillRelations.csv', '1.1.1', 'esco-1.1.1')
    >>> resolve_download(folder, langs="fr", version="1.0.9").files()
    ['occupations_fr.csv', 'skills_fr.csv', 'occupationSkillRelations.csv']
    """
    if isinstance(langs, str):
        langs = (langs,)
    if langs is not None:
        langs = tuple(dict.fromkeys(langs))
        for lang in langs:
            if not isinstance(lang, str) or not is_language_tag(lang):
                raise ValueError(f"{lang!r} is not a language tag (the suffix of the file names, e.g. 'en')")
    if version is not None and (not isinstance(version, str) or not version.strip()):
        raise ValueError(f"version must be a non-empty string, not {version!r}")
    expanded = _expand(paths)
    dist = Distribution(*expanded, what="ESCO download")
    where = ", ".join(str(p) for p in dist.paths)
    names = dist.names()

    def by_lang(pattern: re.Pattern) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for name in names:
            match = pattern.fullmatch(name)
            if match:
                found.setdefault(match.group(1), []).append(name)
        return found

    occupation_names, skill_names = by_lang(_OCCUPATION_FILE), by_lang(_SKILL_FILE)
    collection_names, old_relations = by_lang(_COLLECTION_FILE), by_lang(_OLD_RELATIONS_FILE)
    if langs is None:
        chosen = tuple(sorted(occupation_names.keys() | skill_names.keys() | collection_names.keys()))
    else:
        chosen = langs
        for lang in chosen:
            if lang not in occupation_names and lang not in skill_names and lang not in collection_names:
                raise InputError(where, None, None, f"missing file: no file of language {lang!r} in the ESCO download "
                                 f"(expected occupations_{lang}.csv, skills_{lang}.csv or *SkillsCollection_{lang}.csv)")
    occupation_files = tuple((lang, occupation_names[lang][0]) for lang in chosen if lang in occupation_names)
    skill_files = tuple((lang, skill_names[lang][0]) for lang in chosen if lang in skill_names)
    if not occupation_files:
        wanted = " or ".join(f"occupations_{lang}.csv" for lang in chosen) or "occupations_<lang>.csv"
        raise InputError(where, None, None, f"missing file: expected {wanted} in the ESCO download")
    if not skill_files:
        wanted = " or ".join(f"skills_{lang}.csv" for lang in chosen) or "skills_<lang>.csv"
        raise InputError(where, None, None, f"missing file: expected {wanted} in the ESCO download (a language's "
                         "skill collections only label the skills a full skills file defines)")
    # A language without a skills file has its skills' labels in its collections, if anywhere.
    collection_files = tuple((lang, name) for lang in chosen if lang not in skill_names
                             for name in collection_names.get(lang, ()))  # fmt: skip
    if RELATIONS_FILE in names:
        relation_file = RELATIONS_FILE
    else:
        # Older downloads: one copy of the (language-neutral) relations per language; one is read.
        older = [old_relations[lang][0] for lang in chosen if lang in old_relations] + sorted(
            n for lang, ns in old_relations.items() if lang not in chosen for n in ns)
        if not older:
            raise InputError(where, None, None, f"missing file: expected {RELATIONS_FILE} (the language-neutral zip "
                             "'ESCO dataset - v<version> - classification -  - csv.zip'; older downloads: "
                             "occupationSkillRelations_<lang>.csv) in the ESCO download")
        relation_file = older[0]

    found = EscoDownload(dist, chosen, occupation_files, skill_files, collection_files, relation_file, "", "")
    if version is not None:
        return _replace_version(found, version.strip(), "given")
    said: dict[str, str] = {}
    for name in found.files():
        for container in dist.containers(name):
            number = version_in_name(container)
            if number is not None:
                said.setdefault(number, container)
    if not said:
        raise InputError(where, None, None, "the ESCO version is not in these files: give --esco-version "
                         "(version= in Python); ESCO gives it only in the names of its zips, e.g. "
                         "'ESCO dataset - v1.1.1 - classification - en - csv.zip'")
    if len(said) > 1:
        which = "; ".join(f"{number} ({container})" for number, container in sorted(said.items()))
        raise InputError(where, None, None, f"files of different ESCO versions: {which}; import one release at a "
                         "time (or give --esco-version if the names are wrong)")
    (number, container), = said.items()
    return _replace_version(found, number, container)


def _replace_version(found: EscoDownload, version: str, origin: str) -> EscoDownload:
    return replace(found, version=version, version_from=origin)


def download_size(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> int:
    """The bytes of the occupations, skills and relations files of a download (unpacked), 0 if none.

    For choosing a backend before reading: never raises on a missing or incomplete download.

    >>> import tempfile
    >>> from aicareers.esco.synthetic import write_synthetic_esco
    >>> download_size(write_synthetic_esco(tempfile.mkdtemp(), occupations=2, skills=3, relations=3)) > 1000
    True
    >>> download_size("/nowhere")
    0
    """
    try:
        expanded = _expand(paths)
        dist = Distribution(*expanded, what="ESCO download")
    except InputError:
        return 0
    total = 0
    for name in dist.names():
        if not (_OCCUPATION_FILE.fullmatch(name) or _SKILL_FILE.fullmatch(name) or name == RELATIONS_FILE
                or _OLD_RELATIONS_FILE.fullmatch(name)):  # fmt: skip
            continue
        location = dist.location(name)
        for path in expanded:
            if path.is_file() and location.startswith(path.name + "!"):
                with zipfile.ZipFile(path) as archive:
                    total += archive.getinfo(location[len(path.name) + 1:]).file_size
                break
        else:
            total += Path(location).stat().st_size
    return total


# ------------------------------------------------------------------------------------ reading


class _Reader:
    """One CSV file of the download: its header checked, its rows with the line they start on.

    The rows are lists (not dicts): at ESCO's 124,000 relations a plain list with known positions
    reads about a fifth faster than a dict per row. Messages name the file by its location
    (``archive.zip!member`` or its path).
    """

    def __init__(self, dist: Distribution, base: str, required: tuple[str, ...], step: int, note: str = "",
                 optional: tuple[str, ...] = ()):
        self.dist, self.base, self.name = dist, base, dist.location(base)
        self.required, self.optional, self.step, self.note = required, optional, step, note
        self.rows = 0
        self.positions: dict[str, int] = {}

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        name = self.name
        reader = None
        try:
            with self.dist.open_text(self.base) as handle:
                reader = csv.reader(handle, strict=True)
                try:
                    header = next(reader)
                except StopIteration:
                    raise InputError(name, None, None, "empty file: expected a header row naming the columns "
                                     + ", ".join(self.required)) from None
                header = [h.strip() for h in header]
                positions = {}
                for column in self.required:
                    if column not in header:
                        from aicareers.frameworks.distribution import delimiter_hint

                        raise InputError(name, "line 1", column, f"missing column {column!r}{delimiter_hint(header)}: "
                                         f"expected the columns {', '.join(self.required)} in the header")
                    positions[column] = header.index(column)
                for column in self.optional:
                    if column in header:
                        positions[column] = header.index(column)
                self.positions, self.header, width = positions, header, len(header)
                start, step, mark, t0 = reader.line_num + 1, self.step, self.step, time.perf_counter()
                for row in reader:
                    line, start = start, reader.line_num + 1
                    if len(row) != width:
                        if not row:
                            continue  # a blank line, e.g. at the end of the file
                        wrong_width(name, line, header, row, " (a comma in an unquoted cell?)")
                    self.rows += 1
                    yield line, row
                    if self.rows == mark:
                        mark += step
                        print(f"esco: {self.base}: {self.rows:,} rows read{self.note}", file=sys.stderr, flush=True)
                if step:
                    print(f"esco: {self.base}: {self.rows:,} rows read{self.note}, done in "
                          f"{time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
        except csv.Error as err:
            where = f"line {reader.line_num}" if reader is not None else None
            raise InputError(name, where, None, f"malformed CSV: {err}") from None
        except UnicodeDecodeError as err:
            raise InputError(name, None, None, f"not UTF-8 text: {err}") from None


def _iri(value: str, name: str, line: int, column: str) -> str:
    value = value.strip()
    if not (value.startswith("http://") or value.startswith("https://")) or len(value) < 9 or _BAD_IRI_CHARS.search(value):
        raise InputError(name, f"line {line}", column, f"malformed row: {value!r} is not an http(s) IRI")
    return value


def _labels(cell: str, preferred: str, separator: re.Pattern | None = None) -> list[str]:
    """The alternative labels of a cell: one per line (or per separator), blanks, duplicates and the
    preferred label left out (SKOS: a concept's preferred and alternative labels are disjoint).

    >>> _labels("data scientist\\ndata expert\\n\\ndata expert", "data scientist")
    ['data expert']
    >>> _labels("a | b", "x", _COLLECTION_ALT_SEPARATOR)
    ['a', 'b']
    """
    parts = separator.split(cell) if separator is not None else cell.splitlines()
    seen: list[str] = []
    for label in parts:
        label = label.strip()
        if label and label != preferred and label not in seen:
            seen.append(label)
    return seen


def _description(s: URIRef, row: list[str], pos: dict[str, int], lang: str, report: ImportReport, file: str,
                 line: int, kind: str, separator: re.Pattern | None = None):
    """The labels and definition of a concept's row in ``lang``; a missing preferred label is reported."""
    label = row[pos["preferredLabel"]].strip()
    if label:
        yield s, SKOS.prefLabel, Literal(label, lang=lang)
    else:
        report.problem(file, line, "preferredLabel", f"{kind} {s} has no preferred label")
    for alt in _labels(row[pos["altLabels"]], label, separator):
        yield s, SKOS.altLabel, Literal(alt, lang=lang)
    text = row[pos["description"]].strip()
    if text:
        yield s, SKOS.definition, Literal(text, lang=lang)


def _progress_step(progress: bool | int | None) -> int:
    if progress is None or progress is False:
        return 0
    if progress is True:
        return PROGRESS_EVERY
    if isinstance(progress, int) and progress > 0:
        return progress
    raise ValueError(f"progress must be a boolean or a positive number of rows, not {progress!r}")


def iter_esco_triples(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    langs: str | Iterable[str] | None = None,
    version: str | None = None,
    occupations: Collection[str] | None = None,
    progress: bool | int | None = None,
    report: ImportReport | None = None,
) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    r"""Stream the triples of the ESCO download in ``paths`` (one path, or a list of zips and folders).

    ``langs``: the languages to import (default: every language found). ``version``: the ESCO
    version to record, instead of the one the names of the files say. ``occupations``: if given, a
    collection of occupation IRIs: only those occupations, their relations and the skills they
    relate to are kept. ``progress``: ``True`` prints a line to stderr every 10,000 rows and at the
    end of each file; a number sets the rows between lines. ``report``: an :class:`ImportReport` to
    fill in; without one, each problem is issued as a :class:`ProblemWarning`.

    Nothing is read before the first triple is asked for. The files are read one row at a time:
    only the IRIs of the occupations and the IRIs and types of the skills are kept in memory, to
    check the relations. With an ``occupations`` filter the skills files are read twice (the skills
    to keep are known once the relations are read).

    >>> import tempfile
    >>> from aicareers.esco.synthetic import write_synthetic_esco
    >>> folder = write_synthetic_esco(tempfile.mkdtemp(), occupations=2, skills=4, relations=5, langs=("en",))
    >>> triples = iter_esco_triples(folder, version="1.1.1")
    >>> next(triples)
    (rdflib.term.URIRef('https://w3id.org/ai-careers/id/source/esco'), rdflib.term.URIRef('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), rdflib.term.URIRef('https://w3id.org/ai-careers/ontology#ReferenceDataset'))
    >>> sum(1 for s, p, o in triples if p == SKOS.prefLabel and "/esco/" in s)  # 2 occupations, 4 skills
    6
    """
    if report is None:
        report = ImportReport()
        warn = True
    else:
        warn = False
    step = _progress_step(progress)
    download = resolve_download(paths, langs=langs, version=version)
    dist = download.dist
    report.version, report.version_from, report.langs = download.version, download.version_from, download.langs
    wanted = None if occupations is None else {str(o).strip() for o in occupations}
    problems_before = len(report.problems)

    def flush_warnings() -> None:
        nonlocal problems_before
        if warn:
            for problem in report.problems[problems_before:]:
                warnings.warn(str(problem), ProblemWarning, stacklevel=3)
        problems_before = len(report.problems)

    yield from source_triples(download.version)
    a, concept, derived, source = RDF.type, SKOS.Concept, PROV.wasDerivedFrom, ESCO_SOURCE

    # -------------------------------------------------------------------------- occupations
    # Each language's file adds its labels; the concept itself (types, code, ISCO group, source)
    # is emitted the first time its IRI is met.
    known_occupations: dict[str, URIRef] = {}
    seen_occupations: set[str] = set()
    for lang, base in download.occupation_files:
        rows = _Reader(dist, base, OCCUPATION_REQUIRED, step, optional=("code", "iscoGroup"))
        name, first_line = rows.name, {}
        for line, row in rows:
            pos = rows.positions
            kind = row[pos["conceptType"]].strip()
            if kind != OCCUPATION_CONCEPT_TYPE:
                raise InputError(name, f"line {line}", "conceptType",
                                 f"malformed row: conceptType {kind!r}, expected {OCCUPATION_CONCEPT_TYPE!r}")
            uri = _iri(row[pos["conceptUri"]], name, line, "conceptUri")
            if uri in first_line:
                report.problem(name, line, "conceptUri",
                               f"duplicate occupation {uri} (first on line {first_line[uri]}); row not imported")
                continue
            first_line[uri] = line
            seen_occupations.add(uri)
            if wanted is not None and uri not in wanted:
                continue
            s = known_occupations.get(uri)
            if s is None:
                s = known_occupations[uri] = URIRef(uri)
                report.occupations += 1
                yield s, a, ESCO.Occupation
                yield s, a, concept
                for column, predicate in (("code", SKOS.notation), ("iscoGroup", AIC.iscoGroup)):
                    value = row[pos[column]].strip() if column in pos else ""
                    if value:
                        yield s, predicate, Literal(value)
                yield s, derived, source
            yield from _description(s, row, pos, lang, report, name, line, "occupation")
        report.rows[base] = rows.rows
        flush_warnings()
    occupation_files = ", ".join(base for _, base in download.occupation_files)
    if wanted is not None:
        first = dist.location(download.occupation_files[0][1])
        for uri in sorted(wanted - seen_occupations):
            report.problem(first, None, "conceptUri", f"occupation {uri} was asked for but is not in {occupation_files}")
    del seen_occupations

    # -------------------------------------------------------------------------- skills
    # uri -> (IRI, skillType cell); emitted now, or after the relations when filtering.
    known_skills: dict[str, tuple[URIRef, str]] = {}
    skill_lines: dict[str, dict[str, int]] = {}  # file -> uri -> the line kept
    emitted_skills: set[str] = set()

    def skill_rows(lang: str, reader: _Reader, emit: Collection[str] | None, first_pass: bool):
        pos, name = None, reader.name
        lines = skill_lines.setdefault(reader.base, {})
        for line, row in reader:
            if pos is None:
                pos = reader.positions
            kind = row[pos["conceptType"]].strip()
            if kind != SKILL_CONCEPT_TYPE:
                raise InputError(name, f"line {line}", "conceptType",
                                 f"malformed row: conceptType {kind!r}, expected {SKILL_CONCEPT_TYPE!r}")
            uri = _iri(row[pos["conceptUri"]], name, line, "conceptUri")
            stype = row[pos["skillType"]].strip()
            if stype and stype not in SKILL_TYPES:
                raise InputError(name, f"line {line}", "skillType",
                                 f"malformed row: skillType {stype!r}, expected 'skill/competence', 'knowledge' or empty")
            if first_pass:
                if uri in lines:
                    report.problem(name, line, "conceptUri",
                                   f"duplicate skill {uri} (first on line {lines[uri]}); row not imported")
                    continue
                lines[uri] = line
                if uri not in known_skills:
                    known_skills[uri] = (URIRef(uri), stype)
            elif lines.get(uri) != line:
                continue  # the duplicate, reported in the first pass
            if emit is not None and uri not in emit:
                continue
            s, known_type = known_skills[uri]
            if uri not in emitted_skills:
                emitted_skills.add(uri)
                report.skills += 1
                yield s, a, ESCO.Skill
                yield s, a, concept
                if known_type:
                    yield s, ESCO.skillType, SKILL_TYPES[known_type]
                yield s, derived, source
            yield from _description(s, row, pos, lang, report, name, line, "skill")
        report.rows[reader.base] = reader.rows

    for lang, base in download.skill_files:
        if wanted is None:
            yield from skill_rows(lang, _Reader(dist, base, SKILL_REQUIRED, step), None, True)
        else:
            for _ in skill_rows(lang, _Reader(dist, base, SKILL_REQUIRED, step, " (reading the skill IRIs)"), (), True):
                pass
        flush_warnings()
    skill_files = ", ".join(base for _, base in download.skill_files)

    # -------------------------------------------------------------------------- relations
    used_skills: set[str] | None = None if wanted is None else set()
    rows = _Reader(dist, download.relation_file, RELATION_REQUIRED, step)
    name = rows.name
    predicates = RELATION_PREDICATES
    for line, row in rows:
        pos = rows.positions
        rtype = row[pos["relationType"]].strip()
        predicate = predicates.get(rtype)
        if predicate is None:
            raise InputError(name, f"line {line}", "relationType",
                             f"malformed row: relationType {rtype!r}, expected 'essential', 'optional' or empty")
        stype = row[pos["skillType"]].strip()
        if stype and stype not in SKILL_TYPES:
            raise InputError(name, f"line {line}", "skillType",
                             f"malformed row: skillType {stype!r}, expected 'skill/competence', 'knowledge' or empty")
        occ_uri = _iri(row[pos["occupationUri"]], name, line, "occupationUri")
        skill_uri = _iri(row[pos["skillUri"]], name, line, "skillUri")
        if wanted is not None and occ_uri not in wanted:
            report.filtered_relations += 1
            continue
        occupation = known_occupations.get(occ_uri)
        if occupation is None:
            report.problem(name, line, "occupationUri", f"relation to skill {skill_uri} from unknown occupation "
                           f"{occ_uri} (not in {occupation_files}); not imported")
            continue
        skill = known_skills.get(skill_uri)
        if skill is None:
            report.problem(name, line, "skillUri", f"relation from occupation {occ_uri} to unknown skill "
                           f"{skill_uri} (not in {skill_files}); not imported")
            continue
        if stype and skill[1] and stype != skill[1]:
            report.problem(name, line, "skillType", f"skillType {stype!r} but {skill_files} says {skill[1]!r} for "
                           f"{skill_uri}; relation imported, the skill keeps the type of {skill_files}")
        if used_skills is not None:
            used_skills.add(skill_uri)
        report.relations += 1
        if rtype == "essential":
            report.essential_relations += 1
        elif rtype == "optional":
            report.optional_relations += 1
        else:
            report.untyped_relations += 1
        yield occupation, predicate, skill[0]
    report.rows[download.relation_file] = rows.rows
    flush_warnings()

    if used_skills is not None:
        for lang, base in download.skill_files:
            reader = _Reader(dist, base, SKILL_REQUIRED, step, " (the skills of the kept occupations)")
            yield from skill_rows(lang, reader, used_skills, False)
            flush_warnings()

    # -------------------------------------------------------------------------- collections
    # A language with no skills file: the labels of its collections' skills. A skill may be in
    # several collections (digital and DigComp, say): the first labels it, the others must agree.
    labelled: dict[tuple[str, str], tuple[str, str, str, str, int]] = {}  # (lang, uri) -> cells, file, line
    for lang, base in download.collection_files:
        rows = _Reader(dist, base, COLLECTION_REQUIRED, step)
        name = rows.name
        for line, row in rows:
            pos = rows.positions
            kind = row[pos["conceptType"]].strip()
            if kind != SKILL_CONCEPT_TYPE:
                raise InputError(name, f"line {line}", "conceptType",
                                 f"malformed row: conceptType {kind!r}, expected {SKILL_CONCEPT_TYPE!r}")
            uri = _iri(row[pos["conceptUri"]], name, line, "conceptUri")
            if uri not in known_skills:
                report.problem(name, line, "conceptUri", f"skill {uri} is not in {skill_files}; its {lang} labels "
                               "are not imported")
                continue
            if uri not in emitted_skills:
                continue  # left out by the occupations filter
            cells = (row[pos["preferredLabel"]].strip(), row[pos["altLabels"]].strip(), row[pos["description"]].strip())
            earlier = labelled.get((lang, uri))
            if earlier is not None:
                if earlier[:3] != cells:
                    report.problem(name, line, "conceptUri", f"skill {uri} has other {lang} labels or description "
                                   f"in {earlier[3]} (line {earlier[4]}); those are kept")
                continue
            labelled[(lang, uri)] = (*cells, name, line)
            report.collection_labels[lang] = report.collection_labels.get(lang, 0) + 1
            yield from _description(known_skills[uri][0], row, pos, lang, report, name, line, "skill",
                                    _COLLECTION_ALT_SEPARATOR)
        report.rows[base] = rows.rows
        flush_warnings()


def import_esco(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    langs: str | Iterable[str] | None = None,
    version: str | None = None,
    occupations: Collection[str] | None = None,
    progress: bool | int | None = None,
    graph: Graph | None = None,
) -> tuple[Graph, ImportReport]:
    """Import the ESCO download in ``paths`` into a graph; return it with the report.

    The arguments are those of :func:`iter_esco_triples`; ``graph``, if given, receives the
    triples (otherwise a new graph with the project's prefixes).

    >>> import tempfile
    >>> from aicareers.esco.synthetic import write_synthetic_esco
    >>> folder = write_synthetic_esco(tempfile.mkdtemp(), occupations=3, skills=6, relations=9, langs=("en",))
    >>> one = sorted(import_esco(folder, version="1.1.1")[0].subjects(RDF.type, ESCO.Occupation))[0]
    >>> graph, report = import_esco(folder, version="1.1.1", occupations={one})
    >>> report.occupations, len(list(graph.objects(one, ESCO.relatedEssentialSkill | ESCO.relatedOptionalSkill)))
    (1, 4)
    """
    report = ImportReport()
    if graph is None:
        graph = bind_prefixes(Graph())
    add = graph.add
    for triple in iter_esco_triples(paths, langs=langs, version=version, occupations=occupations,
                                    progress=progress, report=report):
        add(triple)
    return graph, report


_FORMATS = {".nt": "nt", ".ttl": "turtle"}


def _nt_term(term) -> str:
    # What rdflib's N-Triples serialiser writes, escapes in the same order: the same bytes whether
    # a graph or a stream of triples is written.
    if isinstance(term, Literal):
        quoted = '"%s"' % str(term).replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype:
            return f"{quoted}^^<{term.datatype}>"
        return quoted
    return term.n3()


def write_esco(graph_or_triples: Graph | Iterable[tuple], out_path: str | os.PathLike) -> int:
    """Write a graph, or triples, to ``out_path`` as N-Triples (``.nt``) or Turtle (``.ttl``);
    return the number of triples written (each once).

    The output is rendered in memory first, then written with :func:`~aicareers.atomic.write_atomic`:
    an error while reading the input leaves any previous file untouched. N-Triples lines are sorted
    and unique, so the same graph always gives the same bytes; triples are written to N-Triples as
    they come, without building a graph (at ESCO's full size, a third of the time and the memory).

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "esco.nt"
    >>> write_esco(source_triples("1.1.1"), out)  # the source node and its publisher's
    17
    >>> out.read_text(encoding="utf-8").splitlines()[0]
    '<https://w3id.org/ai-careers/id/organisation/european-commission> <http://www.w3.org/2000/01/rdf-schema#label> "Commission européenne"@fr .'
    """
    out_path = Path(out_path)
    fmt = _FORMATS.get(out_path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{out_path}: unknown suffix {out_path.suffix!r}, expected .nt or .ttl")
    if fmt == "nt":
        nt = _nt_term
        # Lines as UTF-8 bytes: half the memory of text holding French (non-Latin-1) characters,
        # and UTF-8 sorts bytewise in code-point order, the order of the text lines.
        lines = sorted({f"{nt(s)} {nt(p)} {nt(o)} .".encode("utf-8") for s, p, o in graph_or_triples})
        data, count = b"\n".join(lines) + (b"\n" if lines else b""), len(lines)
        del lines
    else:
        if isinstance(graph_or_triples, Graph):
            graph = graph_or_triples
        else:
            graph = bind_prefixes(Graph())
            add = graph.add
            for triple in graph_or_triples:
                add(triple)
        data, count = graph.serialize(format="turtle"), len(graph)
    write_atomic(out_path, data)
    return count


def render_esco_csv(columns: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    r"""CSV text in the format of the official download: a header, minimal RFC 4180 quoting, ``\n``.

    >>> print(render_esco_csv(["a", "b"], [["x, y", 'say "hi"\nbye']]), end="")
    a,b
    "x, y","say ""hi""
    bye"
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(list(columns))
    writer.writerows(rows)
    return buffer.getvalue()
