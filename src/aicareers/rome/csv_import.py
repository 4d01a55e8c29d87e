r"""Import ROME 4.0 (France Travail) from its official CSV release into RDF.

The release (``RefRomeCsv``, a zip of ``unix_<table>_v<version>_utf8.csv`` files: UTF-8, a header
row, every field double-quoted, comma-separated) is read as users download it, the zip itself or
the folder it unpacks to (:class:`~aicareers.frameworks.distribution.Distribution`). The version
is read from the file names (``_v460_`` gives ``"460"``). What each file becomes:

- ``referentiel_code_rome``: a job sheet, ``rome:M1889`` a ``aic:RomeJobSheet`` and a
  ``skos:Concept``, with ``skos:notation "M1889"`` and ``skos:prefLabel`` (``@fr``);
- ``texte``, block 3 (``definition``): the sentences in ``position_phrase`` order, joined with a
  newline, are the sheet's ``skos:definition``; each sentence is also an activity,
  ``rome:M1889-activity-1`` a ``aic:Task`` with ``skos:prefLabel`` and ``aic:position``, which
  the sheet ``aic:hasTask``. Block 4 (``acces_metier``): the sentences joined by a space are the
  sheet's ``aic:accessConditions``. This file, and no other of the release (checked on v460),
  doubles its apostrophes SQL-style (``L''Ingénieur``): they are undone;
- ``referentiel_appellation``: a job title, ``rome:ogr-510533`` a ``aic:JobTitle`` and a
  ``skos:Concept``, ``skos:prefLabel`` the long label, ``skos:altLabel`` the short one when it
  differs, ``skos:notation`` the OGR code; its sheet (``code_rome``) ``aic:hasJobTitle`` it;
- ``referentiel_competence``: ``cat_comp`` says what an item is: ``Savoir-faire`` gives a
  ``aic:RomeKnowHow``, ``Savoir-être professionnel`` a ``aic:RomeSoftSkill`` (``nature``,
  competence or macro-competence, is a level of detail and ``sous_cat_comp`` a sub-category: in
  v460 the 16 savoir-être items are macro-competences of sub-category ``Transverse``, and they are
  exactly the items linked under rubric 2); ``referentiel_savoir`` (``code_ogr_savoir``): a
  ``aic:RomeKnowledge``; ``referentiel_contexte_travail``: a ``aic:WorkContext`` whose
  ``skos:scopeNote`` is its type (``libelle_type_cont_trav``). Each is a ``skos:Concept`` with
  ``skos:prefLabel``, ``skos:notation`` (the OGR code) and ``skos:definition`` when given;
- ``liens_rome_referentiels`` (which sheet holds which item, by block of
  ``composition_bloc``): block 5 (competences) links a sheet to an item of rubric 1 savoir-faire, 2
  savoir-être professionnels or 3 savoirs (``descriptif_rubrique``), as ``aic:coreSkill``,
  ``aic:emergingSkill`` or ``aic:specificSkill`` according to ``coherence_item.coeur_metier``
  (``Principale``, ``Émergente``, empty or no row); block 6 gives ``aic:workContext``; block 2 must
  list the job titles of the appellation file under the same sheets (the links themselves come
  from the appellation file); block 1 names the sheet's own OGR code. Blocks 7 (sectors of
  activity) and any other block are left out, as are the sector, centre-of-interest, theme, NAF,
  RIASEC and domain files, the macro-competence links (``code_ogr_macro_comp``) and the transition
  and regulation flags;
- ``rubrique_mobilite``: a move, ``rome:move-M1889-M1846`` a ``aic:OccupationMove`` with
  ``aic:fromOccupation``, ``aic:toOccupation`` and ``aic:position`` (``numero_ordre``), and the
  shortcut ``rome:M1889 aic:mobilityTo rome:M1846``.

Every node says ``prov:wasDerivedFrom src:rome`` (described by
:func:`~aicareers.frameworks.sources.framework_source_triples`) and ``aic:sourceRecord``, the file
and the key of its row: ``"unix_referentiel_code_rome_v460_utf8.csv: M1889"``, ``"...: 510533"``
for an item, ``"unix_texte_v460_utf8.csv: M1889 3 1"`` (sheet, block, position) for an activity,
``"unix_rubrique_mobilite_v460_utf8.csv: M1889 M1846"`` for a move.

Malformed input (a missing file or column, a row with the wrong number of fields, a code that is
not a ROME or OGR code, a position that is not a number, an unknown ``cat_comp`` or
``coeur_metier`` value, files of two releases mixed) raises :class:`~aicareers.errors.InputError`
naming the file, the line and the field. Inconsistent but well-formed data (a link to an item or a
sheet that the files do not define, an item filed under the wrong rubric, a duplicate) is not
emitted and is reported in the :class:`~aicareers.frameworks.report.ImportReport` with its file,
line and field.

>>> from aicareers.paths import PROJECT_ROOT
>>> graph, report = import_rome(PROJECT_ROOT / "tests" / "fixtures" / "rome_csv")
>>> report.version, report.counts["job sheets"], report.counts["moves"]
('460', 3, 4)
>>> print(graph.value(rome_sheet_iri("M1889"), SKOS.definition))
L'Ingénieur en Intelligence Artificielle (IA) est spécialisé dans l'innovation technologique relevant de l'Intelligence Artificielle.
Transforme les données complexes en solutions intelligentes
Conçoit et optimise des algorithmes d'apprentissage automatique pour résoudre des problèmes spécifiques
>>> graph.value(rome_sheet_iri("M1889"), AIC.coreSkill) == rome_ogr_iri("487086")
True
>>> for problem in report.problems:
...     print(problem)
unix_liens_rome_referentiels_v460_utf8.csv: record line 17: field code_rubrique: item 491242 is a savoir (unix_referentiel_savoir_v460_utf8.csv line 3), not a savoir-faire (rubric 1); link not imported
unix_liens_rome_referentiels_v460_utf8.csv: record line 18: field code_ogr: unknown item 999999 (not in the competence, savoir or work-context files); link not imported
unix_rubrique_mobilite_v460_utf8.csv: record line 3: field code_rome_cible: move from K2402 to unknown job sheet Z9999; not imported
"""

from __future__ import annotations

import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS, XSD

from aicareers.atomic import write_atomic
from aicareers.errors import InputError
from aicareers.frameworks.distribution import Distribution, Table, progress_step
from aicareers.frameworks.report import ImportReport
from aicareers.frameworks.sources import FRAMEWORKS, framework_source_triples
from aicareers.iris import rome_activity_iri, rome_move_iri, rome_ogr_iri, rome_sheet_iri
from aicareers.namespaces import AIC, bind_prefixes

__all__ = [
    "COUNTS", "REQUIRED_COLUMNS", "TABLES", "FORMATS", "RomeProblemWarning", "file_name", "release_version",
    "unescape_apostrophes", "iter_rome_triples", "import_rome", "output_format", "check_output", "nt_term",
    "render_rome", "write_rome",
]  # fmt: skip

INFO = FRAMEWORKS["rome"]

# The tables of the release the importer reads (the middle of ``unix_<table>_v<version>_utf8.csv``).
SHEETS = "referentiel_code_rome"
TITLES = "referentiel_appellation"
COMPETENCES = "referentiel_competence"
KNOWLEDGE = "referentiel_savoir"
CONTEXTS = "referentiel_contexte_travail"
LINKS = "liens_rome_referentiels"
COHERENCE = "coherence_item"
TEXTS = "texte"
MOBILITY = "rubrique_mobilite"
BLOCKS = "composition_bloc"
RUBRICS = "descriptif_rubrique"

#: table -> the columns its header must hold (the others are ignored, wherever they are).
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    SHEETS: ("code_rome", "code_ogr", "libelle_rome"),
    TITLES: ("code_ogr", "libelle_appellation_long", "libelle_appellation_court", "code_rome"),
    COMPETENCES: ("code_ogr", "libelle_competence", "definition", "cat_comp"),
    KNOWLEDGE: ("code_ogr_savoir", "libelle_savoir"),
    CONTEXTS: ("code_ogr", "libelle_cont_travail", "libelle_type_cont_trav"),
    LINKS: ("code_rome", "code_compo_bloc", "code_rubrique", "code_ogr"),
    COHERENCE: ("code_rome", "code_ogr", "coeur_metier"),
    TEXTS: ("code_rome", "code_compo_bloc", "libelle_type_texte", "position_phrase", "libelle_texte"),
    MOBILITY: ("code_rome", "code_rome_cible", "numero_ordre"),
    BLOCKS: ("code_compo_bloc", "libelle_bloc"),
    RUBRICS: ("code_rubrique", "code_compo_bloc", "libelle_rubrique"),
}
TABLES: tuple[str, ...] = tuple(REQUIRED_COLUMNS)

#: The kinds the report counts, in this order.
COUNTS = ("job sheets", "job titles", "skills", "knowledge items", "work contexts", "skill links", "activities", "moves")

_FILE_NAME = re.compile(r"unix_(?P<table>[a-z0-9_]+)_v(?P<version>[0-9]+)_utf8\.csv")

# The block and rubric numbers the importer relies on, with the labels v460 gives them: a release
# that renumbers them must not be read with the old meaning.
BLOCK_LABELS = {"1": "Code ROME et intitulé", "2": "Emplois", "3": "Définition", "4": "Accès au métier",
                "5": "Compétences", "6": "Contextes de travail"}  # fmt: skip
RUBRIC_LABELS = {"1": "Savoir-faire", "2": "Savoir-être professionnels", "3": "Savoirs"}
COMPETENCE_BLOCK, CONTEXT_BLOCK, TITLE_BLOCK, CODE_BLOCK = "5", "6", "2", "1"
RUBRIC_CLASSES: dict[str, URIRef] = {"1": AIC.RomeKnowHow, "2": AIC.RomeSoftSkill, "3": AIC.RomeKnowledge}
#: ``cat_comp`` of the competence file -> class.
COMPETENCE_CLASSES: dict[str, URIRef] = {
    "Savoir-faire": AIC.RomeKnowHow,
    "Savoir-être professionnel": AIC.RomeSoftSkill,
}
#: ``coeur_metier`` -> the predicate from sheet to item (no row at all counts as empty).
CORE_PREDICATES: dict[str, URIRef] = {
    "Principale": AIC.coreSkill,
    "Émergente": AIC.emergingSkill,
    "": AIC.specificSkill,
}
#: The texts imported: (block, ``libelle_type_texte``).
DEFINITION, ACCESS = ("3", "definition"), ("4", "acces_metier")

_CLASS_NAMES = {AIC.RomeKnowHow: "savoir-faire", AIC.RomeSoftSkill: "savoir-être professionnel",
                AIC.RomeKnowledge: "savoir", AIC.WorkContext: "work context"}  # fmt: skip
_COUNTED = {AIC.RomeKnowHow: "skills", AIC.RomeSoftSkill: "skills", AIC.RomeKnowledge: "knowledge items",
            AIC.WorkContext: "work contexts"}  # fmt: skip


class RomeProblemWarning(UserWarning):
    """A problem met by :func:`iter_rome_triples` when no report was given to collect it."""


def file_name(table: str, version: str) -> str:
    """The name of a table's file in release ``version``.

    >>> file_name("referentiel_code_rome", "460")
    'unix_referentiel_code_rome_v460_utf8.csv'
    """
    return f"unix_{table}_v{version}_utf8.csv"


def release_version(names: Iterable[str], where: str = "the ROME release") -> str:
    """The version of the release whose files are ``names`` (others, like a README, are ignored).

    >>> release_version(["unix_texte_v460_utf8.csv", "unix_item_v460_utf8.csv", "README.md"])
    '460'
    >>> release_version(["unix_texte_v460_utf8.csv", "unix_item_v459_utf8.csv"])
    Traceback (most recent call last):
    aicareers.errors.InputError: the ROME release: files of two releases: v459 (unix_item_v459_utf8.csv) and v460 (unix_texte_v460_utf8.csv); give the files of one release
    """
    versions: dict[str, str] = {}
    for name in sorted(names):
        match = _FILE_NAME.fullmatch(name)
        if match:
            versions.setdefault(match["version"], name)
    if not versions:
        raise InputError(where, None, None, "missing file: expected the ROME CSV files "
                         f"({file_name(SHEETS, '<version>')}, ...)")
    if len(versions) > 1:
        found = " and ".join(f"v{v} ({n})" for v, n in sorted(versions.items(), key=lambda vn: int(vn[0])))
        raise InputError(where, None, None, f"files of two releases: {found}; give the files of one release")
    return next(iter(versions))


def unescape_apostrophes(text: str) -> str:
    """Undo the SQL-style doubled apostrophes of the ``texte`` file.

    >>> unescape_apostrophes("L''Ingénieur conçoit des modèles d''IA")
    "L'Ingénieur conçoit des modèles d'IA"
    """
    return text.replace("''", "'")


def _norm(cell: str) -> str:
    """A cell compared with a known value: trimmed, and in NFC (``É`` as one character)."""
    return unicodedata.normalize("NFC", cell.strip())


def _paths(paths) -> list:
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    return list(paths)


@dataclass(frozen=True)
class _Item:
    """An item of a referential file, kept until the links say whether it is emitted."""

    cls: URIRef
    table: str
    line: int
    code: str
    label: str
    definition: str = ""
    scope: str = ""


class _Import:
    """One import: the release's files, what has been read so far, and the report."""

    def __init__(self, paths, sheets, report: ImportReport, progress):
        self.dist = Distribution(*_paths(paths), what="ROME 4.0 CSV release (the RefRomeCsv zip or its folder)")
        where = ", ".join(str(p) for p in self.dist.paths)
        self.version = release_version(self.dist.names(), where)
        # Every file is looked for before any is read: a missing one fails at once.
        self.names = {t: self.dist.require(re.escape(file_name(t, self.version)), file_name(t, self.version))
                      for t in TABLES}  # fmt: skip
        self.report, self.step = report, progress_step(progress)
        report.version = self.version
        for kind in COUNTS:
            report.count(kind, 0)
        self.wanted = None if sheets is None else {str(code).strip() for code in sheets}
        self.blocks: set[str] = set()  # the block numbers of composition_bloc
        self.known_sheets: dict[str, int] = {}  # every sheet of the file -> its line
        self.sheets: dict[str, str] = {}  # the sheets kept -> their own OGR code
        self.titles: dict[str, tuple[str, int]] = {}  # the titles emitted: OGR code -> (sheet, line)
        self.filed: dict[str, tuple[str, int]] = {}  # every title of the file -> (sheet, line)
        self.items: dict[str, _Item] = {}
        self.owners: dict[str, tuple[str, int]] = {}  # OGR code -> (table, line): one IRI, one record
        self.coherence: dict[tuple[str, str], tuple[str, int]] = {}
        self.coherence_used: set[tuple[str, str]] = set()
        self.listed_titles: set[str] = set()
        self.held: set[str] = set()  # items some kept sheet holds

    # ------------------------------------------------------------------------------ helpers

    def rows(self, table: str) -> Table:
        name = self.names[table]
        self.check_separator(table)
        return self.dist.table(name, REQUIRED_COLUMNS[table], progress=self.step, label=f"rome: {name}")

    def check_separator(self, table: str) -> None:
        """Refuse a file split by semicolons or tabs (a re-saved release) with a message that says so.

        Every field of the release is quoted, so such a header is not one odd column but a quoting
        error the CSV reader would report without naming a column."""
        name = self.names[table]
        with self.dist.open_text(name) as handle:
            header = handle.readline()
        for separator, what in ((";", "semicolons"), ("\t", "tabs")):
            if separator in header and header.count(separator) >= header.count(","):
                column = REQUIRED_COLUMNS[table][0]
                raise InputError(name, "line 1", column, f"missing column {column!r} (the header is split by {what}; "
                                 "this file must be comma-separated, as the release gives it)")

    def kept(self, sheet: str) -> bool:
        """Whether rows about ``sheet`` are read at all (with a restriction, others are skipped unchecked)."""
        return self.wanted is None or sheet in self.wanted

    def problem(self, table: str, line: int | None, column: str | None, message: str) -> None:
        self.report.problem(self.names[table], line, column, message)

    def malformed(self, table: str, line: int, column: str, message: str) -> InputError:
        return InputError(self.names[table], f"line {line}", column, f"malformed row: {message}")

    def node(self, s: URIRef, table: str, key: str) -> Iterator[tuple]:
        yield s, PROV.wasDerivedFrom, INFO.source
        yield s, AIC.sourceRecord, Literal(f"{self.names[table]}: {key}")

    def integer(self, row: dict, column: str, table: str, line: int) -> int:
        cell = row[column].strip()
        if not cell.isdigit() or int(cell) < 1:
            raise self.malformed(table, line, column, f"{cell!r} is not a position (a whole number from 1)")
        return int(cell)

    def own(self, code: str, table: str, line: int, column: str) -> bool:
        """Claim an OGR code (its IRI) for a row; a code already claimed is reported."""
        if code in self.owners:
            first, first_line = self.owners[code]
            self.problem(table, line, column, f"OGR code {code} is already used by {self.names[first]} line "
                         f"{first_line}; row not imported")
            return False
        self.owners[code] = (table, line)
        return True

    # ------------------------------------------------------------------------------ the import

    def triples(self) -> Iterator[tuple]:
        yield from framework_source_triples(INFO, self.version)
        self.check_blocks()
        self.check_rubrics()
        yield from self.job_sheets()
        yield from self.texts()
        yield from self.job_titles()
        self.read_items()
        self.read_coherence()
        yield from self.links()
        self.check_unlinked()
        yield from self.emit_items()
        yield from self.moves()

    def check_blocks(self) -> None:
        found = {row["code_compo_bloc"].strip(): (line, _norm(row["libelle_bloc"])) for line, row in self.rows(BLOCKS)}
        self.blocks = set(found)
        for code, label in BLOCK_LABELS.items():
            line, actual = found.get(code, (None, None))
            if actual is None or actual.casefold() != label.casefold():
                what = f"is {actual!r}" if actual is not None else "is missing"
                raise InputError(self.names[BLOCKS], None if line is None else f"line {line}", "libelle_bloc",
                                 f"block {code} {what}, expected {label!r}: the block numbers this importer "
                                 "relies on do not fit this release")

    def check_rubrics(self) -> None:
        found = {row["code_rubrique"].strip(): (line, row["code_compo_bloc"].strip(), _norm(row["libelle_rubrique"]))
                 for line, row in self.rows(RUBRICS)}  # fmt: skip
        for code, label in RUBRIC_LABELS.items():
            line, block, actual = found.get(code, (None, None, None))
            if actual is None or block != COMPETENCE_BLOCK or actual.casefold() != label.casefold():
                what = f"is {actual!r} in block {block}" if actual is not None else "is missing"
                raise InputError(self.names[RUBRICS], None if line is None else f"line {line}", "libelle_rubrique",
                                 f"rubric {code} {what}, expected {label!r} in block {COMPETENCE_BLOCK}: the "
                                 "rubric numbers this importer relies on do not fit this release")

    def job_sheets(self) -> Iterator[tuple]:
        first = self.known_sheets
        for line, row in self.rows(SHEETS):
            code = row["code_rome"].strip()
            try:
                s = rome_sheet_iri(code)
            except ValueError:
                raise self.malformed(SHEETS, line, "code_rome",
                                     f"{code!r} is not a ROME code (a letter A-N and 4 digits)") from None
            if code in first:
                self.problem(SHEETS, line, "code_rome",
                             f"duplicate job sheet {code} (first on line {first[code]}); row not imported")
                continue
            first[code] = line
            if not self.kept(code):
                continue
            self.sheets[code] = row["code_ogr"].strip()
            yield from self.sheet(s, code, row, line)
        for code in sorted((self.wanted or set()) - first.keys()):
            self.problem(SHEETS, None, "code_rome", f"job sheet {code} was asked for but is not in the file")

    def sheet(self, s: URIRef, code: str, row: dict, line: int) -> Iterator[tuple]:
        self.report.count("job sheets")
        yield s, RDF.type, AIC.RomeJobSheet
        yield s, RDF.type, SKOS.Concept
        yield s, SKOS.notation, Literal(code)
        label = row["libelle_rome"].strip()
        if label:
            yield s, SKOS.prefLabel, Literal(label, lang="fr")
        else:
            self.problem(SHEETS, line, "libelle_rome", f"job sheet {code} has no label")
        yield from self.node(s, SHEETS, code)

    def texts(self) -> Iterator[tuple]:
        found: dict[tuple[str, tuple[str, str]], dict[int, tuple[str, int]]] = {}
        for line, row in self.rows(TEXTS):
            sheet = row["code_rome"].strip()
            if not self.kept(sheet):
                continue
            kind = (row["code_compo_bloc"].strip(), row["libelle_type_texte"].strip())
            if sheet not in self.sheets:
                self.problem(TEXTS, line, "code_rome", f"text of unknown job sheet {sheet}; not imported")
            elif kind not in (DEFINITION, ACCESS):
                column = "libelle_type_texte" if kind[0] in (DEFINITION[0], ACCESS[0]) else "code_compo_bloc"
                self.problem(TEXTS, line, column, f"text of block {kind[0]} of type {kind[1]!r}: only block 3 "
                             "'definition' and block 4 'acces_metier' are imported; not imported")
            else:
                position = self.integer(row, "position_phrase", TEXTS, line)
                text = unescape_apostrophes(row["libelle_texte"]).strip()
                sentences = found.setdefault((sheet, kind), {})
                if not text:
                    self.problem(TEXTS, line, "libelle_texte", f"empty sentence {position} of {sheet}; not imported")
                elif position in sentences:
                    self.problem(TEXTS, line, "position_phrase", f"{sheet} has two sentences at position {position} "
                                 f"of block {kind[0]} (first on line {sentences[position][1]}); not imported")
                else:
                    sentences[position] = (text, line)
        for (sheet, kind), sentences in found.items():
            ordered = sorted(sentences.items())
            if kind == DEFINITION:
                yield from self.definition(sheet, ordered)
            elif ordered:
                yield rome_sheet_iri(sheet), AIC.accessConditions, Literal(" ".join(t for _, (t, _) in ordered), lang="fr")

    def definition(self, sheet: str, ordered: list[tuple[int, tuple[str, int]]]) -> Iterator[tuple]:
        s = rome_sheet_iri(sheet)
        if ordered:
            yield s, SKOS.definition, Literal("\n".join(text for _, (text, _) in ordered), lang="fr")
        for position, (text, _) in ordered:
            activity = rome_activity_iri(sheet, position)
            self.report.count("activities")
            yield activity, RDF.type, AIC.Task
            yield activity, SKOS.prefLabel, Literal(text, lang="fr")
            yield activity, AIC.position, Literal(position, datatype=XSD.integer)
            yield s, AIC.hasTask, activity
            yield from self.node(activity, TEXTS, f"{sheet} {DEFINITION[0]} {position}")

    def ogr_code(self, row: dict, column: str, table: str, line: int) -> str:
        code = row[column].strip()
        try:
            rome_ogr_iri(code)
        except ValueError:
            raise self.malformed(table, line, column, f"{code!r} is not an OGR code (digits)") from None
        return code

    def job_titles(self) -> Iterator[tuple]:
        for line, row in self.rows(TITLES):
            sheet = row["code_rome"].strip()
            code = self.ogr_code(row, "code_ogr", TITLES, line)
            self.filed.setdefault(code, (sheet, line))  # to check block 2, restriction or not
            if not self.kept(sheet):
                continue
            if sheet not in self.sheets:
                self.problem(TITLES, line, "code_rome", f"job title {code} of unknown job sheet {sheet}; not imported")
                continue
            if not self.own(code, TITLES, line, "code_ogr"):
                continue
            self.titles[code] = (sheet, line)
            yield from self.job_title(code, sheet, row, line)

    def job_title(self, code: str, sheet: str, row: dict, line: int) -> Iterator[tuple]:
        s = rome_ogr_iri(code)
        self.report.count("job titles")
        yield s, RDF.type, AIC.JobTitle
        yield s, RDF.type, SKOS.Concept
        long, short = row["libelle_appellation_long"].strip(), row["libelle_appellation_court"].strip()
        if long:
            yield s, SKOS.prefLabel, Literal(long, lang="fr")
        else:
            self.problem(TITLES, line, "libelle_appellation_long", f"job title {code} has no label")
        if short and short != long:
            yield s, SKOS.altLabel, Literal(short, lang="fr")
        yield s, SKOS.notation, Literal(code)
        yield rome_sheet_iri(sheet), AIC.hasJobTitle, s
        yield from self.node(s, TITLES, code)

    def read_items(self) -> None:
        for line, row in self.rows(COMPETENCES):
            category = _norm(row["cat_comp"])
            cls = COMPETENCE_CLASSES.get(category)
            if cls is None:
                raise self.malformed(COMPETENCES, line, "cat_comp", f"cat_comp {category!r}, expected "
                                     + " or ".join(repr(c) for c in COMPETENCE_CLASSES))
            self.item(COMPETENCES, line, row, "code_ogr", cls, "libelle_competence", row["definition"].strip())
        for line, row in self.rows(KNOWLEDGE):
            self.item(KNOWLEDGE, line, row, "code_ogr_savoir", AIC.RomeKnowledge, "libelle_savoir")
        for line, row in self.rows(CONTEXTS):
            self.item(CONTEXTS, line, row, "code_ogr", AIC.WorkContext, "libelle_cont_travail",
                      scope=row["libelle_type_cont_trav"].strip())

    def item(self, table: str, line: int, row: dict, column: str, cls: URIRef, label_column: str,
             definition: str = "", scope: str = "") -> None:
        code = self.ogr_code(row, column, table, line)
        if not self.own(code, table, line, column):
            return
        label = row[label_column].strip()
        if not label:
            self.problem(table, line, label_column, f"item {code} has no label")
        self.items[code] = _Item(cls, table, line, code, label, definition, scope)

    def read_coherence(self) -> None:
        for line, row in self.rows(COHERENCE):
            sheet, code = row["code_rome"].strip(), row["code_ogr"].strip()
            if not self.kept(sheet):
                continue
            value = _norm(row["coeur_metier"])
            if value not in CORE_PREDICATES:
                raise self.malformed(COHERENCE, line, "coeur_metier", f"coeur_metier {value!r}, expected "
                                     "'Principale', 'Émergente' or empty")
            key = (sheet, code)
            if key in self.coherence:
                self.problem(COHERENCE, line, "code_ogr", f"second row for {sheet} and item {code} (first on line "
                             f"{self.coherence[key][1]}); ignored")
                continue
            self.coherence[key] = (value, line)

    def links(self) -> Iterator[tuple]:
        seen: set[tuple[str, ...]] = set()
        for line, row in self.rows(LINKS):
            sheet, block = row["code_rome"].strip(), row["code_compo_bloc"].strip()
            rubric, code = row["code_rubrique"].strip(), row["code_ogr"].strip()
            if not self.kept(sheet):
                continue
            if sheet not in self.sheets:
                self.problem(LINKS, line, "code_rome", f"link of unknown job sheet {sheet} to item {code}; not imported")
                continue
            if block not in self.blocks:
                self.problem(LINKS, line, "code_compo_bloc", f"unknown block {block!r} (not in {self.names[BLOCKS]}); "
                             "not imported")
                continue
            key = (sheet, block, rubric, code)
            if key in seen:
                self.problem(LINKS, line, "code_ogr", f"duplicate link of {sheet} to {code} in block {block}; ignored")
                continue
            seen.add(key)
            if block == COMPETENCE_BLOCK:
                yield from self.skill_link(sheet, rubric, code, line)
            elif block == CONTEXT_BLOCK:
                yield from self.context_link(sheet, code, line)
            elif block == TITLE_BLOCK:
                self.title_link(sheet, code, line)
            elif block == CODE_BLOCK and code != self.sheets[sheet]:
                self.problem(LINKS, line, "code_ogr", f"block 1 of {sheet} names OGR code {code}, but "
                             f"{self.names[SHEETS]} gives {self.sheets[sheet]}")
            # Other blocks (7, sectors of activity) are left out on purpose: see the module docstring.

    def linked_item(self, sheet: str, code: str, line: int) -> _Item | None:
        """The item a link of ``sheet`` names, or None (reported) when the files do not define it."""
        self.coherence_used.add((sheet, code))
        item = self.items.get(code)
        if item is None:
            what = (f"job title {code}, not an item" if code in self.filed or code in self.owners
                    else f"unknown item {code} (not in the competence, savoir or work-context files)")
            self.problem(LINKS, line, "code_ogr", f"{what}; link not imported")
        return item

    def skill_link(self, sheet: str, rubric: str, code: str, line: int) -> Iterator[tuple]:
        expected = RUBRIC_CLASSES.get(rubric)
        if expected is None:
            self.coherence_used.add((sheet, code))
            self.problem(LINKS, line, "code_rubrique", f"rubric {rubric!r} of block 5: expected 1 savoir-faire, "
                         "2 savoir-être professionnels or 3 savoirs; link not imported")
            return
        item = self.linked_item(sheet, code, line)
        if item is None:
            return
        if item.cls != expected:
            self.problem(LINKS, line, "code_rubrique", f"item {code} is a {_CLASS_NAMES[item.cls]} "
                         f"({self.names[item.table]} line {item.line}), not a {_CLASS_NAMES[expected]} "
                         f"(rubric {rubric}); link not imported")
            return
        value = self.coherence.get((sheet, code), ("", None))[0]
        self.held.add(code)
        self.report.count("skill links")
        yield rome_sheet_iri(sheet), CORE_PREDICATES[value], rome_ogr_iri(code)

    def context_link(self, sheet: str, code: str, line: int) -> Iterator[tuple]:
        item = self.linked_item(sheet, code, line)
        if item is None:
            return
        if item.cls != AIC.WorkContext:
            self.problem(LINKS, line, "code_ogr", f"item {code} is a {_CLASS_NAMES[item.cls]} "
                         f"({self.names[item.table]} line {item.line}), not a work context (block 6); link not imported")
            return
        self.held.add(code)
        yield rome_sheet_iri(sheet), AIC.workContext, rome_ogr_iri(code)

    def title_link(self, sheet: str, code: str, line: int) -> None:
        filed = self.filed.get(code)
        if filed is None:
            self.problem(LINKS, line, "code_ogr", f"block 2 of {sheet} lists job title {code}, which "
                         f"{self.names[TITLES]} does not hold")
        elif filed[0] != sheet:
            self.problem(LINKS, line, "code_rome", f"block 2 of {sheet} lists job title {code}, which "
                         f"{self.names[TITLES]} files under {filed[0]} (line {filed[1]})")
        else:
            self.listed_titles.add(code)

    def check_unlinked(self) -> None:
        """Report the job titles block 2 does not list, and coherence rows for links that do not exist."""
        for code, (sheet, line) in self.titles.items():
            if code not in self.listed_titles:
                self.problem(TITLES, line, "code_rome", f"job title {code} is filed under {sheet}, but block 2 of "
                             f"{self.names[LINKS]} does not list it there (imported all the same)")
        for (sheet, code), (_, line) in self.coherence.items():
            if (sheet, code) not in self.coherence_used:
                self.problem(COHERENCE, line, "code_ogr", f"no link of block 5 or 6 gives {sheet} the item {code}; "
                             "row ignored")

    def emit_items(self) -> Iterator[tuple]:
        for code, item in self.items.items():
            if self.wanted is not None and code not in self.held:
                continue
            yield from self.item_triples(item)

    def item_triples(self, item: _Item) -> Iterator[tuple]:
        s = rome_ogr_iri(item.code)
        self.report.count(_COUNTED[item.cls])
        yield s, RDF.type, item.cls
        yield s, RDF.type, SKOS.Concept
        if item.label:
            yield s, SKOS.prefLabel, Literal(item.label, lang="fr")
        yield s, SKOS.notation, Literal(item.code)
        if item.definition:
            yield s, SKOS.definition, Literal(item.definition, lang="fr")
        if item.scope:
            yield s, SKOS.scopeNote, Literal(item.scope, lang="fr")
        yield from self.node(s, item.table, item.code)

    def moves(self) -> Iterator[tuple]:
        pairs: dict[tuple[str, str], int] = {}
        positions: dict[tuple[str, int], int] = {}
        for line, row in self.rows(MOBILITY):
            source, target = row["code_rome"].strip(), row["code_rome_cible"].strip()
            if not (self.kept(source) or self.kept(target)):
                continue
            if source not in self.known_sheets:
                self.problem(MOBILITY, line, "code_rome",
                             f"move from unknown job sheet {source} to {target}; not imported")
                continue
            if target not in self.known_sheets:
                self.problem(MOBILITY, line, "code_rome_cible",
                             f"move from {source} to unknown job sheet {target}; not imported")
                continue
            if source not in self.sheets or target not in self.sheets:
                continue  # one end is a sheet the restriction leaves out
            position = self.integer(row, "numero_ordre", MOBILITY, line)
            if source == target:
                self.problem(MOBILITY, line, "code_rome_cible", f"move from {source} to itself; not imported")
            elif (source, target) in pairs:
                self.problem(MOBILITY, line, "code_rome_cible", f"second move from {source} to {target} (first on "
                             f"line {pairs[source, target]}); not imported")
            elif (source, position) in positions:
                self.problem(MOBILITY, line, "numero_ordre", f"two moves from {source} at position {position} "
                             f"(first on line {positions[source, position]}); not imported")
            else:
                pairs[source, target] = positions[source, position] = line
                yield from self.move(source, target, position)

    def move(self, source: str, target: str, position: int) -> Iterator[tuple]:
        s, a, b = rome_move_iri(source, target), rome_sheet_iri(source), rome_sheet_iri(target)
        self.report.count("moves")
        yield s, RDF.type, AIC.OccupationMove
        yield s, AIC.fromOccupation, a
        yield s, AIC.toOccupation, b
        yield s, AIC.position, Literal(position, datatype=XSD.integer)
        yield a, AIC.mobilityTo, b
        yield from self.node(s, MOBILITY, f"{source} {target}")


# ---------------------------------------------------------------------------------- the API


def iter_rome_triples(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    sheets: Iterable[str] | None = None,
    report: ImportReport | None = None,
    progress: bool | int | None = False,
) -> Iterator[tuple]:
    """Stream the triples of the ROME release at ``paths`` (a zip or folder, or a list of them).

    ``sheets``: if given, the codes of the job sheets to keep: only those sheets, their job titles,
    activities and the items they hold, and the moves whose two ends are kept (a sheet asked for
    but absent is reported). ``report``: an :class:`ImportReport` to fill in; without one, each
    problem is issued as a :class:`RomeProblemWarning` at the end. ``progress``: ``True`` prints
    a line to stderr every 10,000 rows and at the end of each file; a number sets the rows between
    lines. Nothing is read before the first triple is asked for.

    >>> from aicareers.paths import PROJECT_ROOT
    >>> triples = iter_rome_triples(PROJECT_ROOT / "tests" / "fixtures" / "rome_csv", sheets={"M1805"},
    ...                             report=ImportReport("rome"))
    >>> sorted(str(o) for s, p, o in triples if p == AIC.hasJobTitle)
    ['https://w3id.org/ai-careers/id/rome/ogr-10963']
    """
    own_report = report is None
    if own_report:
        report = ImportReport("rome")
    run = _Import(paths, sheets, report, progress)
    yield from run.triples()
    if own_report:
        for problem in report.problems:
            warnings.warn(str(problem), RomeProblemWarning, stacklevel=2)


def import_rome(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    sheets: Iterable[str] | None = None,
    graph: Graph | None = None,
    progress: bool | int | None = False,
) -> tuple[Graph, ImportReport]:
    """Import the ROME release at ``paths`` into ``graph`` (by default a new graph with the
    project's prefixes); return the graph and the report. The arguments are those of
    :func:`iter_rome_triples`.

    >>> from aicareers.paths import PROJECT_ROOT
    >>> graph, report = import_rome(PROJECT_ROOT / "tests" / "fixtures" / "rome_csv", sheets=["M1889", "M1805"])
    >>> sorted(str(o)[-5:] for o in graph.objects(rome_sheet_iri("M1889"), AIC.mobilityTo))
    ['M1805']
    """
    report = ImportReport("rome")
    if graph is None:
        graph = bind_prefixes(Graph())
    add = graph.add
    for triple in iter_rome_triples(paths, sheets=sheets, report=report, progress=progress):
        add(triple)
    return graph, report


#: Output suffix -> format: N-Triples, Turtle, N-Quads (in the named graph of ROME).
FORMATS: dict[str, str] = {".nt": "nt", ".ttl": "ttl", ".nq": "nq"}


def output_format(path: str | os.PathLike, fmt: str | None = None) -> str:
    """The format to write ``path`` in: ``fmt`` if given, else the one its suffix names.

    >>> output_format("rome.ttl"), output_format("rome.out", "nq")
    ('ttl', 'nq')
    >>> output_format("rome.rdf")
    Traceback (most recent call last):
    aicareers.errors.InputError: rome.rdf: unknown suffix '.rdf': expected .nt, .ttl or .nq, or give the format
    """
    if fmt is not None:
        if fmt not in FORMATS.values():
            raise InputError(str(path), None, None, f"unknown format {fmt!r}: expected nt, ttl or nq")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(str(path), None, None, f"unknown suffix {suffix!r}: expected .nt, .ttl or .nq, or give the format")
    return FORMATS[suffix]


def check_output(path: str | os.PathLike, fmt: str | None = None) -> str:
    """Check, before a long import, that ``path`` can be written; return its format.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> check_output(folder / "new" / "rome.nt")
    'nt'
    >>> check_output(folder)
    Traceback (most recent call last):
    aicareers.errors.InputError: ...: unknown suffix '': expected .nt, .ttl or .nq, or give the format
    """
    fmt = output_format(path, fmt)
    path = Path(path)
    if path.is_dir():
        raise InputError(str(path), None, None, "is a folder: expected the file to write")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # write_atomic creates the missing folders
    if not folder.is_dir():
        raise InputError(str(path), None, None, f"cannot write here: {folder} is not a folder")
    from aicareers.atomic import cannot_create_in

    reason = cannot_create_in(folder)
    if reason is not None:
        raise InputError(str(path), None, None, f"cannot write here: {folder}: {reason}")
    return fmt


def nt_term(term) -> str:
    r"""A term in N-Triples: an IRI in angle brackets, a literal quoted and escaped.

    >>> nt_term(rome_sheet_iri("M1889"))
    '<https://w3id.org/ai-careers/id/rome/M1889>'
    >>> print(nt_term(Literal('Définit "la" tâche\nsuivante', lang="fr")), nt_term(Literal(3, datatype=XSD.integer)))
    "Définit \"la\" tâche\nsuivante"@fr "3"^^<http://www.w3.org/2001/XMLSchema#integer>
    """
    if isinstance(term, Literal):
        text = str(term)
        for char, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r")):
            text = text.replace(char, escaped)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None and term.datatype != XSD.string:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    if isinstance(term, URIRef):
        return f"<{term}>"
    raise ValueError(f"the ROME import mints no blank node: {term!r}")


def render_rome(data: Graph | Iterable[tuple], fmt: str) -> tuple[bytes, int]:
    """``data`` (a graph or triples) as N-Triples or N-Quads, one sorted line per distinct triple
    (the same triples give the same bytes, and no graph is built), or Turtle; with the number of
    distinct triples.

    >>> data, n = render_rome([(rome_sheet_iri("M1889"), SKOS.notation, Literal("M1889"))] * 2, "nq")
    >>> print(data.decode(), end="")
    <https://w3id.org/ai-careers/id/rome/M1889> <http://www.w3.org/2004/02/skos/core#notation> "M1889" <https://w3id.org/ai-careers/id/graph/rome> .
    >>> n
    1
    """
    if fmt == "ttl":
        from aicareers.serialize import to_turtle

        graph = data if isinstance(data, Graph) else bind_prefixes(Graph())
        if graph is not data:
            for triple in data:
                graph.add(triple)
        return to_turtle(graph), len(graph)
    if fmt not in ("nt", "nq"):
        raise ValueError(f"unknown format {fmt!r}: expected nt, ttl or nq")
    end = f" <{INFO.graph}> .\n" if fmt == "nq" else " .\n"
    lines = sorted({f"{nt_term(s)} {nt_term(p)} {nt_term(o)}{end}" for s, p, o in data})
    return "".join(lines).encode("utf-8"), len(lines)


def write_rome(data: Graph | Iterable[tuple], path: str | os.PathLike, fmt: str | None = None) -> int:
    """Write ``data`` (a graph or triples) to ``path`` (format from the suffix unless ``fmt`` is
    given), all rendered first, then atomically: a failed import leaves the previous file as it
    was. Return the number of triples written."""
    payload, n = render_rome(data, output_format(path, fmt))
    write_atomic(path, payload)
    return n
