r"""Import the official ESCO CSV download into RDF, with the ESCO model's own terms.

The ESCO portal's download holds, for each language, ``occupations_<lang>.csv``,
``skills_<lang>.csv`` and ``occupationSkillRelations_<lang>.csv`` (UTF-8, comma-separated,
RFC 4180 quoting, a header row). This module streams them with :mod:`csv` and yields triples:

- an occupation is an ``esco:Occupation`` and a ``skos:Concept``; a skill an ``esco:Skill`` and a
  ``skos:Concept``, with ``esco:skillType`` (the ESCO skill-type IRIs);
- ``skos:prefLabel``, ``skos:altLabel`` (one per line of the ``altLabels`` cell) and
  ``skos:definition`` (the ``description`` cell), tagged with the language of the files;
- ``esco:relatedEssentialSkill`` / ``esco:relatedOptionalSkill`` from occupation to skill, and
  ``aic:relatedSkill`` (their super-property) when the relation type is not given;
- ``prov:wasDerivedFrom src:esco`` on every imported concept, and the description of that source.

Malformed input (a missing file or column, a row with the wrong number of fields, an IRI that is
not http(s), an unknown skill or relation type) raises :class:`~aicareers.errors.InputError`
naming the file, the line and the field. Inconsistent but well-formed data (a relation to a skill or
occupation that the files do not define, a duplicated concept) is not emitted and is reported in
:class:`ImportReport`, with its file and line: nothing is dropped silently.

>>> import tempfile
>>> from aicareers.esco.synthetic import write_synthetic_esco
>>> folder = write_synthetic_esco(tempfile.mkdtemp(), occupations=2, skills=5, relations=6, langs=("en",))
>>> graph, report = import_esco(folder)
>>> report.occupations, report.skills, report.relations, report.problems
(2, 5, 6, [])
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
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from aicareers.atomic import write_atomic
from aicareers.errors import InputError
from aicareers.namespaces import AIC, ESCO, SRC, bind_prefixes

__all__ = [
    "DEFAULT_VERSION",
    "ESCO_SOURCE",
    "ImportReport",
    "OCCUPATION_COLUMNS",
    "Problem",
    "ProblemWarning",
    "RELATION_COLUMNS",
    "SKILL_COLUMNS",
    "SKILL_TYPES",
    "esco_file_names",
    "import_esco",
    "iter_esco_triples",
    "render_esco_csv",
    "source_triples",
    "write_esco",
]

#: The ESCO version described on the source node unless told otherwise.
DEFAULT_VERSION = "1.2.0"
#: The source node every imported concept is derived from.
ESCO_SOURCE = SRC.esco

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

OCCUPATION_REQUIRED = ("conceptType", "conceptUri", "preferredLabel", "altLabels", "description")
SKILL_REQUIRED = ("conceptType", "conceptUri", "skillType", "preferredLabel", "altLabels", "description")
RELATION_REQUIRED = RELATION_COLUMNS

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
_LANG_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z")


def esco_file_names(lang: str = "en") -> tuple[str, str, str]:
    """The names of the three files of the download for ``lang``.

    >>> esco_file_names("fr")
    ('occupations_fr.csv', 'skills_fr.csv', 'occupationSkillRelations_fr.csv')
    """
    return (f"occupations_{lang}.csv", f"skills_{lang}.csv", f"occupationSkillRelations_{lang}.csv")


@dataclass(frozen=True)
class Problem:
    """Something wrong in well-formed input, reported instead of emitted.

    >>> str(Problem("skills_en.csv", 7, "conceptUri", "duplicate concept"))
    'skills_en.csv: record line 7: field conceptUri: duplicate concept'
    """

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(f"record line {self.line}")
        if self.field is not None:
            parts.append(f"field {self.field}")
        return ": ".join(parts + [self.message])


class ProblemWarning(UserWarning):
    """A :class:`Problem` met by :func:`iter_esco_triples` when no report was given to collect it."""


@dataclass
class ImportReport:
    """What an import kept, and what it did not emit and why.

    ``relations`` counts the relation rows emitted, ``untyped_relations`` those of them with an
    empty ``relationType`` (emitted as ``aic:relatedSkill``); ``filtered_relations`` the rows left
    out on purpose by the ``occupations`` filter. ``rows`` is the number of data rows read per file.

    >>> report = ImportReport()
    >>> report.problem("occupationSkillRelations_en.csv", 12, "skillUri", "unknown skill")
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
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing was reported."""
        return not self.problems

    def problem(self, file: str, line: int | None, field_: str | None, message: str) -> None:
        """Record a problem."""
        self.problems.append(Problem(file, line, field_, message))

    def summary(self) -> str:
        """One line of counts.

        >>> ImportReport(occupations=1, skills=2, relations=3, untyped_relations=1).summary()
        '1 occupations, 2 skills, 3 relations (1 untyped), 0 problems'
        """
        return (
            f"{self.occupations} occupations, {self.skills} skills, {self.relations} relations "
            f"({self.untyped_relations} untyped), {len(self.problems)} problems"
        )


def source_triples(version: str = DEFAULT_VERSION) -> list[tuple[URIRef, URIRef, URIRef | Literal]]:
    """The description of the ESCO source node (``src:esco``), for ``version``.

    >>> g = Graph()
    >>> g += source_triples("1.1.1")
    >>> str(g.value(ESCO_SOURCE, OWL.versionInfo)), str(g.value(ESCO_SOURCE, DCTERMS.title))
    ('1.1.1', 'ESCO')
    """
    s = ESCO_SOURCE
    en = Literal("ESCO (European Skills, Competences, Qualifications and Occupations)", lang="en")
    fr = Literal("ESCO (classification européenne des aptitudes, compétences, certifications et professions)", lang="fr")
    return [
        (s, RDF.type, AIC.ReferenceDataset),
        (s, RDF.type, AIC.Source),
        (s, DCTERMS.title, Literal("ESCO")),
        (s, RDFS.label, en),
        (s, RDFS.label, fr),
        (s, SKOS.prefLabel, en),
        (s, SKOS.prefLabel, fr),
        (s, OWL.versionInfo, Literal(version)),
        (s, DCTERMS.publisher, Literal("European Commission")),
        (s, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")),
        (s, DCTERMS.bibliographicCitation, Literal("ESCO, European Commission", lang="en")),
    ]  # fmt: skip


# ------------------------------------------------------------------------------------ reading


class _Reader:
    """One CSV file of the download: its header checked, its rows with their starting line."""

    def __init__(self, path: Path, required: tuple[str, ...], step: int, note: str = ""):
        self.path, self.name, self.required, self.step, self.note = path, str(path), required, step, note
        self.rows = 0

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        name = self.name
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as handle:
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
                        raise InputError(name, "line 1", column, f"missing column {column!r}: expected the columns "
                                         f"{', '.join(self.required)} in the header")
                    positions[column] = header.index(column)
                self.positions, self.header, width = positions, header, len(header)
                start, step, mark, t0 = reader.line_num + 1, self.step, self.step, time.perf_counter()
                for row in reader:
                    line, start = start, reader.line_num + 1
                    if len(row) != width:
                        if not row:
                            continue  # a blank line, e.g. at the end of the file
                        _wrong_width(name, line, header, row)
                    self.rows += 1
                    yield line, row
                    if self.rows == mark:
                        mark += step
                        print(f"esco: {self.path.name}: {self.rows:,} rows read{self.note}", file=sys.stderr, flush=True)
                if step:
                    print(f"esco: {self.path.name}: {self.rows:,} rows read{self.note}, done in "
                          f"{time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
        except csv.Error as err:
            raise InputError(name, f"line {reader.line_num}", None, f"malformed CSV: {err}") from None
        except UnicodeDecodeError as err:
            raise InputError(name, None, None, f"not UTF-8 text: {err}") from None


def _wrong_width(name: str, line: int, header: list[str], row: list[str]) -> None:
    if len(row) < len(header):
        column = header[len(row)]
        message = (f"malformed row: {len(row)} fields where the header has {len(header)}; "
                   f"the fields from {column!r} on are missing")
    else:
        column = header[-1]
        message = (f"malformed row: {len(row)} fields where the header has {len(header)}; "
                   f"extra fields after {column!r} (a comma in an unquoted cell?)")
    raise InputError(name, f"line {line}", column, message)


def _iri(value: str, name: str, line: int, column: str) -> str:
    value = value.strip()
    if not (value.startswith("http://") or value.startswith("https://")) or len(value) < 9 or _BAD_IRI_CHARS.search(value):
        raise InputError(name, f"line {line}", column, f"malformed row: {value!r} is not an http(s) IRI")
    return value


def _description(s: URIRef, row: list[str], pos: dict[str, int], lang: str, report, file: str, line: int, kind: str):
    """The labels, definition and source of a concept's row; a missing preferred label is reported."""
    label = row[pos["preferredLabel"]].strip()
    if label:
        yield s, SKOS.prefLabel, Literal(label, lang=lang)
    else:
        report.problem(file, line, "preferredLabel", f"{kind} {s} has no preferred label")
    for label in _labels(row[pos["altLabels"]]):
        yield s, SKOS.altLabel, Literal(label, lang=lang)
    text = row[pos["description"]].strip()
    if text:
        yield s, SKOS.definition, Literal(text, lang=lang)
    yield s, PROV.wasDerivedFrom, ESCO_SOURCE


def _labels(cell: str) -> list[str]:
    """The alternative labels of a cell: one per line, blank lines and duplicates left out."""
    seen: list[str] = []
    for label in cell.splitlines():
        label = label.strip()
        if label and label not in seen:
            seen.append(label)
    return seen


def _progress_step(progress: bool | int | None) -> int:
    if progress is None or progress is False:
        return 0
    if progress is True:
        return PROGRESS_EVERY
    if isinstance(progress, int) and progress > 0:
        return progress
    raise ValueError(f"progress must be a boolean or a positive number of rows, not {progress!r}")


def _files(directory: str | os.PathLike, lang: str) -> tuple[Path, Path, Path]:
    directory = Path(directory)
    paths = tuple(directory / name for name in esco_file_names(lang))
    for path in paths:
        if not path.is_file():
            raise InputError(str(path), None, None,
                             f"missing file: expected {path.name} in {directory} (the ESCO CSV download, language {lang!r})")
    return paths  # type: ignore[return-value]


def iter_esco_triples(
    directory: str | os.PathLike,
    *,
    lang: str = "en",
    occupations: Collection[str] | None = None,
    progress: bool | int | None = None,
    version: str = DEFAULT_VERSION,
    report: ImportReport | None = None,
) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    r"""Stream the triples of the ESCO CSV download in ``directory`` for the language ``lang``.

    ``occupations``: if given, a collection of occupation IRIs: only those occupations, their
    relations and the skills they relate to are kept. ``progress``: ``True`` prints a line to
    stderr every 10,000 rows and at the end of each file; a number sets the rows between lines.
    ``report``: an :class:`ImportReport` to fill in; without one, each problem is issued as a
    :class:`ProblemWarning`.

    The files are read one row at a time: only the IRIs of the occupations and the IRIs and types
    of the skills are kept in memory, to check the relations. With an ``occupations`` filter the
    skills file is read twice (the skills to keep are known once the relations are read).

    >>> import tempfile
    >>> from aicareers.esco.synthetic import write_synthetic_esco
    >>> folder = write_synthetic_esco(tempfile.mkdtemp(), occupations=2, skills=4, relations=5, langs=("en",))
    >>> triples = iter_esco_triples(folder)
    >>> next(triples)
    (rdflib.term.URIRef('https://w3id.org/ai-careers/id/source/esco'), rdflib.term.URIRef('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), rdflib.term.URIRef('https://w3id.org/ai-careers/ontology#ReferenceDataset'))
    >>> sum(1 for s, p, o in triples if p == SKOS.prefLabel and s != ESCO_SOURCE)
    6
    """
    if report is None:
        report = ImportReport()
        warn = True
    else:
        warn = False
    if not _LANG_TAG.match(lang):
        raise ValueError(f"{lang!r} is not a language tag (the suffix of the file names, e.g. 'en')")
    step = _progress_step(progress)
    occ_path, skill_path, rel_path = _files(directory, lang)
    wanted = None if occupations is None else {str(o).strip() for o in occupations}
    problems_before = len(report.problems)

    def flush_warnings() -> None:
        nonlocal problems_before
        if warn:
            for problem in report.problems[problems_before:]:
                warnings.warn(str(problem), ProblemWarning, stacklevel=3)
        problems_before = len(report.problems)

    yield from source_triples(version)
    a, concept = RDF.type, SKOS.Concept

    # -------------------------------------------------------------------------- occupations
    known_occupations: dict[str, URIRef] = {}
    first_line: dict[str, int] = {}
    rows = _Reader(occ_path, OCCUPATION_REQUIRED, step)
    name = rows.name
    for line, row in rows:
        pos = rows.positions
        kind = row[pos["conceptType"]].strip()
        if kind != OCCUPATION_CONCEPT_TYPE:
            raise InputError(name, f"line {line}", "conceptType",
                             f"malformed row: conceptType {kind!r}, expected {OCCUPATION_CONCEPT_TYPE!r}")
        uri = _iri(row[pos["conceptUri"]], name, line, "conceptUri")
        if uri in first_line:
            report.problem(name, line, "conceptUri", f"duplicate occupation {uri} (first on line {first_line[uri]}); row not imported")
            continue
        first_line[uri] = line
        if wanted is not None and uri not in wanted:
            continue
        s = known_occupations[uri] = URIRef(uri)
        report.occupations += 1
        yield s, a, ESCO.Occupation
        yield s, a, concept
        yield from _description(s, row, pos, lang, report, name, line, "occupation")
    report.rows[occ_path.name] = rows.rows
    if wanted is not None:
        for uri in sorted(wanted - first_line.keys()):
            report.problem(name, None, "conceptUri", f"occupation {uri} was asked for but is not in the file")
    del first_line
    flush_warnings()

    # -------------------------------------------------------------------------- skills
    # uri -> (IRI, skillType cell); emitted now, or after the relations when filtering.
    known_skills: dict[str, tuple[URIRef, str]] = {}
    skill_lines: dict[str, int] = {}

    def skill_rows(reader: _Reader, emit: Collection[str] | None, first_pass: bool):
        pos, name = None, reader.name
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
                if uri in skill_lines:
                    report.problem(name, line, "conceptUri", f"duplicate skill {uri} (first on line {skill_lines[uri]}); row not imported")
                    continue
                skill_lines[uri] = line
                known_skills[uri] = (URIRef(uri), stype)
            elif skill_lines.get(uri) != line:
                continue  # the duplicate, reported in the first pass
            if emit is not None and uri not in emit:
                continue
            s = known_skills[uri][0]
            report.skills += 1
            yield s, a, ESCO.Skill
            yield s, a, concept
            if stype:
                yield s, ESCO.skillType, SKILL_TYPES[stype]
            yield from _description(s, row, pos, lang, report, name, line, "skill")
        report.rows[reader.path.name] = reader.rows

    if wanted is None:
        yield from skill_rows(_Reader(skill_path, SKILL_REQUIRED, step), None, True)
    else:
        for _ in skill_rows(_Reader(skill_path, SKILL_REQUIRED, step, " (reading the skill IRIs)"), (), True):
            pass
    flush_warnings()

    # -------------------------------------------------------------------------- relations
    used_skills: set[str] | None = None if wanted is None else set()
    rows = _Reader(rel_path, RELATION_REQUIRED, step)
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
            report.problem(name, line, "occupationUri",
                           f"relation to skill {skill_uri} from unknown occupation {occ_uri} (not in {occ_path.name}); not imported")
            continue
        skill = known_skills.get(skill_uri)
        if skill is None:
            report.problem(name, line, "skillUri",
                           f"relation from occupation {occ_uri} to unknown skill {skill_uri} (not in {skill_path.name}); not imported")
            continue
        if stype and skill[1] and stype != skill[1]:
            report.problem(name, line, "skillType",
                           f"skillType {stype!r} but {skill_path.name} says {skill[1]!r} for {skill_uri}; relation imported, "
                           f"the skill keeps the type of {skill_path.name}")
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
    report.rows[rel_path.name] = rows.rows
    flush_warnings()

    if used_skills is not None:
        yield from skill_rows(_Reader(skill_path, SKILL_REQUIRED, step, " (the skills of the kept occupations)"), used_skills, False)
        flush_warnings()


def import_esco(
    directory: str | os.PathLike,
    *,
    lang: str = "en",
    occupations: Collection[str] | None = None,
    progress: bool | int | None = None,
    version: str = DEFAULT_VERSION,
    graph: Graph | None = None,
) -> tuple[Graph, ImportReport]:
    """Import the ESCO CSV download in ``directory`` into a graph; return it with the report.

    The arguments are those of :func:`iter_esco_triples`; ``graph``, if given, receives the
    triples (otherwise a new graph with the project's prefixes).

    >>> import tempfile
    >>> from aicareers.esco.synthetic import write_synthetic_esco
    >>> folder = write_synthetic_esco(tempfile.mkdtemp(), occupations=3, skills=6, relations=9, langs=("en",))
    >>> one = sorted(import_esco(folder)[0].subjects(RDF.type, ESCO.Occupation))[0]
    >>> graph, report = import_esco(folder, occupations={one})
    >>> report.occupations, len(list(graph.objects(one, ESCO.relatedEssentialSkill | ESCO.relatedOptionalSkill)))
    (1, 4)
    """
    report = ImportReport()
    if graph is None:
        graph = bind_prefixes(Graph())
    add = graph.add
    for triple in iter_esco_triples(directory, lang=lang, occupations=occupations, progress=progress,
                                    version=version, report=report):
        add(triple)
    return graph, report


_FORMATS = {".nt": "nt", ".ttl": "turtle"}


def write_esco(graph_or_triples: Graph | Iterable[tuple], out_path: str | os.PathLike) -> None:
    """Write a graph, or triples, to ``out_path`` as N-Triples (``.nt``) or Turtle (``.ttl``).

    The output is rendered in memory first, then written with :func:`~aicareers.atomic.write_atomic`:
    an error while reading the input leaves any previous file untouched. N-Triples lines are sorted,
    so the same graph always gives the same bytes.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "esco.nt"
    >>> write_esco(source_triples(), out)
    >>> out.read_text(encoding="utf-8").splitlines()[0]
    '<https://w3id.org/ai-careers/id/source/esco> <http://purl.org/dc/terms/bibliographicCitation> "ESCO, European Commission"@en .'
    """
    out_path = Path(out_path)
    fmt = _FORMATS.get(out_path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{out_path}: unknown suffix {out_path.suffix!r}, expected .nt or .ttl")
    if isinstance(graph_or_triples, Graph):
        graph = graph_or_triples
    else:
        graph = bind_prefixes(Graph())
        add = graph.add
        for triple in graph_or_triples:
            add(triple)
    if fmt == "nt":
        text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        lines = sorted(line for line in text.splitlines() if line.strip())
        data = "\n".join(lines) + ("\n" if lines else "")
    else:
        data = graph.serialize(format="turtle")
    write_atomic(out_path, data)


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
