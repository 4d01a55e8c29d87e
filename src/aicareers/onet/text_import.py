r"""Import the O*NET text database (USDOL/ETA, English) into RDF.

O*NET publishes its database as tab-separated text files in one zip (``db_29_2_text.zip``): UTF-8,
a header row, no quoting at all (a cell may hold a double quote, as in the task "Conduct "head
counts" ..."), CRLF line ends. :func:`iter_onet_triples` reads that zip as downloaded, or the folder
it unpacks to (or several of them: :class:`~aicareers.frameworks.distribution.Distribution` finds each
file by its name), and yields triples without a named graph (the build files them in ``graph:onet``).

The model (``aic:`` terms of ``ontology.ttl``, section "official frameworks"; IRIs from
:mod:`aicareers.iris`). Every node below also says ``prov:wasDerivedFrom src:onet`` and
``aic:sourceRecord "<file>: <key>"`` (such as ``"Task Statements.txt: task 8823"``):

- the source node ``src:onet`` (:func:`~aicareers.frameworks.sources.framework_source_triples`),
  whose version is read from ``Read Me.txt`` ("O*NET 29.2 Database") or given by the caller;
- ``Occupation Data.txt``: ``onet:<code>`` a ``aic:OnetOccupation``, a ``skos:Concept``, with
  ``skos:notation`` (the O*NET-SOC code), ``skos:prefLabel`` (Title) and ``skos:definition``
  (Description); ``Alternate Titles.txt`` (Alternate Title, and Short Title when there is one,
  such as "CEO": the abbreviation people search by) and ``Sample of Reported Titles.txt`` give
  ``skos:altLabel``, each once, never the preferred label again;
- ``Task Statements.txt``: ``onet:task-<Task ID>`` a ``aic:Task`` with ``skos:prefLabel`` and
  ``skos:notation`` (the Task ID); the occupation ``aic:coreTask`` / ``aic:supplementalTask`` it,
  or ``aic:hasTask`` when the Task Type is not given (empty or ``n/a``, 1,157 tasks in 29.2);
- ``Emerging Tasks.txt``: a ``aic:Task`` (IRI from occupation and text: these have no Task ID)
  with its label and a ``skos:scopeNote`` saying whether it is new or which task it revises; the
  occupation ``aic:emergingTask`` it;
- ``Technology Skills.txt``: ``onet:technology-<slug of Example>`` a ``aic:Technology``, a
  ``skos:Concept``, ``skos:prefLabel`` (Example), ``aic:commodity`` (Commodity Title: every
  distinct one, since O*NET files the same product under several UNSPSC commodities depending on
  the occupation: 155 Examples in 29.2, such as Microsoft Outlook, "Electronic mail software" and
  "Word processing software"), ``aic:hotTechnology`` (true or false). The Hot Technology flag is
  a property of the product (O*NET's hot technologies are one list), and it is the same on every
  row of an Example in 29.2; should the rows of an Example disagree, the technology is hot when
  any row says so, and each disagreeing row is reported. The occupation ``aic:usesTechnology``
  the technology, and ``aic:inDemandTechnology`` it too when In Demand is Y. Two Examples whose
  names give the same IRI (none in 29.2) are reported: the first one met keeps the IRI, the rows
  of the other are not imported;
- ``Job Zone Reference.txt``: ``onet:job-zone-<n>`` a ``aic:JobZone``, ``skos:notation``,
  ``skos:prefLabel`` (Name) and ``skos:definition`` (its Experience, Education and Job Training
  texts in one); ``Job Zones.txt``: the occupation ``aic:jobZone`` its zone (923 of the 1,016
  occupations of 29.2 have one: O*NET collects data for those only);
- ``Education, Training, and Experience Categories.txt``, scale RL (required level of education,
  element 2.D.1): ``onet:education-<category>`` a ``aic:EducationCategory``, ``skos:notation``,
  ``skos:prefLabel`` (Category Description); ``Education, Training, and Experience.txt``, scale RL,
  each row whose Data Value is above 0: ``onet:<code>-education-<category>`` a
  ``aic:EducationShare`` with ``aic:educationCategory`` and ``aic:percentage`` (``xsd:decimal``,
  canonical form), and the occupation ``aic:educationShare`` it;
- ``Related Occupations.txt``: ``onet:related-<code>-<code>`` a ``aic:OccupationMove`` with
  ``aic:fromOccupation``, ``aic:toOccupation``, ``aic:relatednessTier`` (Primary-Short,
  Primary-Long or Supplemental) and ``aic:position`` (Index, ``xsd:integer``), and the shortcut
  ``<from> aic:mobilityTo <to>``.

Left out, and why:

- Work Styles, Work Values and Interests: scores on O*NET's own scales (importance, extent,
  RIASEC) that the ontology has no terms for, and that say little about AI careers that the tasks
  and technologies do not say better;
- Tools Used: physical tools and machines (calculators, forklifts), not the software the project
  is about (software is in Technology Skills);
- DWAs (``Tasks to DWAs.txt``, ``DWA Reference.txt``, ``IWA Reference.txt``): a classification of
  tasks into work activities, which would need a hierarchy of its own; the tasks themselves are kept;
- the scales RW, PT and OJ of ``Education, Training, and Experience.txt`` (experience and
  training): the ontology only has the required level of education;
- Skills, Knowledge, Abilities, Task Ratings, Work Activities and Work Context: not in the copy
  of the database the project has (``db_29_2_text-partial.zip``, 36 of its 43 files).

Malformed input raises :class:`~aicareers.errors.InputError` naming the file, the line and the
column: a missing file or column, a row with the wrong number of fields (such as a file separated
by commas), a value that is not what the column holds (a Job Zone of 7, a Hot Technology of
"maybe"). Inconsistent but well-formed data (a row naming an occupation that ``Occupation
Data.txt`` does not hold, a duplicate) is not emitted and goes to the
:class:`~aicareers.frameworks.report.ImportReport`, with its file, line and column.

``occupations`` keeps only some occupations (O*NET-SOC codes) and what they hold: their titles,
tasks, technologies, job zone, education shares, and their related occupations when both ends
are kept. The reference nodes (the five job zones, the twelve education categories) are always
emitted whole, so that the committed slice (``facts/onet``) and the same occupations kept from
the whole database give the same graph.

>>> from aicareers.paths import PROJECT_ROOT
>>> graph, report = import_onet(PROJECT_ROOT / "tests" / "fixtures" / "onet_txt")
>>> print(report.summary())
onet: 3 occupations, 5 tasks, 2 emerging tasks, 3 technologies, 4 technology links, 2 job zones, 5 education shares, 3 related occupations, 1 problem
>>> print(report.problems[0])
Related Occupations.txt: record line 5: field Related O*NET-SOC Code: unknown occupation '99-9999.00' (not in Occupation Data.txt); row not imported
>>> scientists = onet_iri("15-2051.00")
>>> str(graph.value(scientists, SKOS.prefLabel)), str(graph.value(scientists, AIC.sourceRecord))
('Data Scientists', 'Occupation Data.txt: 15-2051.00')
>>> python = onet_technology_iri("Python")
>>> graph.value(python, AIC.hotTechnology).toPython(), (scientists, AIC.inDemandTechnology, python) in graph
(True, True)
>>> graph.value(scientists, AIC.jobZone) == onet_job_zone_iri(4)
True
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import os
import re
import warnings
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS, XSD

from aicareers.errors import InputError
from aicareers.literals import decimal_literal  # the project's one canonical xsd:decimal form
from aicareers.frameworks.distribution import Distribution, progress_step
from aicareers.frameworks.report import ImportReport
from aicareers.frameworks.sources import FRAMEWORKS, framework_source_triples
from aicareers.iris import (
    onet_education_iri,
    onet_education_share_iri,
    onet_emerging_task_iri,
    onet_iri,
    onet_job_zone_iri,
    onet_related_iri,
    onet_task_iri,
    onet_technology_iri,
)
from aicareers.namespaces import AIC, bind_prefixes

__all__ = [
    "ALTERNATE_TITLES", "CODE", "COLUMNS", "EDUCATION", "EDUCATION_CATEGORIES", "EMERGING_TASKS",
    "FILES", "JOB_ZONES", "JOB_ZONE_REFERENCE", "OCCUPATION_DATA", "OCCUPATION_FILES", "README",
    "REFERENCE_FILES", "RELATED_OCCUPATIONS", "REPORTED_TITLES", "TASK_STATEMENTS", "TECHNOLOGY_SKILLS",
    "FORMATS", "ProblemWarning", "format_of", "import_onet", "iter_onet_triples", "read_version", "render_onet",
    "write_onet",
]  # fmt: skip

INFO = FRAMEWORKS["onet"]
SOURCE = INFO.source

# ------------------------------------------------------------------ the files and their columns
README = "Read Me.txt"
OCCUPATION_DATA = "Occupation Data.txt"
ALTERNATE_TITLES = "Alternate Titles.txt"
REPORTED_TITLES = "Sample of Reported Titles.txt"
TASK_STATEMENTS = "Task Statements.txt"
EMERGING_TASKS = "Emerging Tasks.txt"
TECHNOLOGY_SKILLS = "Technology Skills.txt"
JOB_ZONE_REFERENCE = "Job Zone Reference.txt"
JOB_ZONES = "Job Zones.txt"
EDUCATION_CATEGORIES = "Education, Training, and Experience Categories.txt"
EDUCATION = "Education, Training, and Experience.txt"
RELATED_OCCUPATIONS = "Related Occupations.txt"

#: The column that names the occupation a row is about.
CODE = "O*NET-SOC Code"
RELATED_CODE = "Related O*NET-SOC Code"

#: File -> the columns the importer reads (the files hold others, which are ignored wherever they are).
COLUMNS: dict[str, tuple[str, ...]] = {
    OCCUPATION_DATA: (CODE, "Title", "Description"),
    ALTERNATE_TITLES: (CODE, "Alternate Title", "Short Title"),
    REPORTED_TITLES: (CODE, "Reported Job Title"),
    TASK_STATEMENTS: (CODE, "Task ID", "Task", "Task Type"),
    EMERGING_TASKS: (CODE, "Task", "Category", "Original Task ID", "Original Task"),
    TECHNOLOGY_SKILLS: (CODE, "Example", "Commodity Title", "Hot Technology", "In Demand"),
    JOB_ZONE_REFERENCE: ("Job Zone", "Name", "Experience", "Education", "Job Training"),
    JOB_ZONES: (CODE, "Job Zone"),
    EDUCATION_CATEGORIES: ("Element ID", "Scale ID", "Category", "Category Description"),
    EDUCATION: (CODE, "Element ID", "Scale ID", "Category", "Data Value"),
    RELATED_OCCUPATIONS: (CODE, RELATED_CODE, "Relatedness Tier", "Index"),
}
#: Every file the importer reads, in the order it reads them.
FILES: tuple[str, ...] = (README, *COLUMNS)
#: The files whose rows are each about one occupation (its code in :data:`CODE`).
OCCUPATION_FILES: tuple[str, ...] = tuple(n for n in COLUMNS if n not in (JOB_ZONE_REFERENCE, EDUCATION_CATEGORIES))
#: The files that describe O*NET's scales, kept whole.
REFERENCE_FILES: tuple[str, ...] = (JOB_ZONE_REFERENCE, EDUCATION_CATEGORIES)

#: Task Type -> predicate; O*NET writes ``n/a`` when a task was not rated.
TASK_PREDICATES: dict[str, URIRef] = {"Core": AIC.coreTask, "Supplemental": AIC.supplementalTask,
                                      "": AIC.hasTask, "n/a": AIC.hasTask}  # fmt: skip
EMERGING_CATEGORIES = ("New", "Revision")
FLAGS = {"Y": True, "N": False}
TIERS = ("Primary-Short", "Primary-Long", "Supplemental")
#: The education scale kept: required level of education.
EDUCATION_SCALE, EDUCATION_ELEMENT = "RL", "2.D.1"
#: The counts of the report, in this order (each present, 0 when nothing was emitted).
COUNTS = ("occupations", "tasks", "emerging tasks", "technologies", "technology links", "job zones",
          "education shares", "related occupations")  # fmt: skip

_VERSION = re.compile(r"\s*O\*NET\s+([0-9]+(?:\.[0-9]+)*)\s+Database\b")
_WHAT = "O*NET text database (the zip db_<version>_text.zip or the folder it unpacks to)"


class ProblemWarning(UserWarning):
    """A problem met by :func:`iter_onet_triples` when no report was given to collect it."""


def read_version(text: str) -> str | None:
    """The version a ``Read Me.txt`` states on its first line, or None.

    >>> read_version("O*NET 29.2 Database\\nFebruary 2025 Release\\n"), read_version("Hello")
    ('29.2', None)
    """
    match = _VERSION.match(text.split("\n", 1)[0])
    return match.group(1) if match else None


# ------------------------------------------------------------------------------ small helpers


def _node(s: URIRef, classes: Iterable[URIRef], record: str) -> Iterator[tuple]:
    """The types of a node, its source and the record it comes from."""
    for cls in classes:
        yield s, RDF.type, cls
    yield s, PROV.wasDerivedFrom, SOURCE
    yield s, AIC.sourceRecord, Literal(record)


def _en(text: str) -> Literal:
    return Literal(text, lang="en")


def _cell(row: dict[str, str], column: str) -> str:
    """A cell without surrounding blanks; O*NET's ``n/a`` reads as empty."""
    value = row[column].strip()
    return "" if value == "n/a" else value


def _whole(name: str, line: int, column: str, value: str, low: int = 1, high: int | None = None) -> int:
    """A whole number between ``low`` and ``high``, or an InputError naming the cell."""
    value = value.strip()
    if re.fullmatch(r"[0-9]+", value) and int(value) >= low and (high is None or int(value) <= high):
        return int(value)
    bounds = f"from {low} to {high}" if high is not None else f"of {low} or more"
    raise InputError(name, f"line {line}", column, f"malformed row: {value!r} is not a whole number {bounds}")


def _choice(name: str, line: int, column: str, value: str, choices: Collection[str]) -> str:
    value = value.strip()
    if value not in choices:
        expected = ", ".join(repr(c) for c in choices)
        raise InputError(name, f"line {line}", column, f"malformed row: {column} {value!r}, expected one of {expected}")
    return value


def _percentage(name: str, line: int, column: str, value: str) -> Literal:
    """The xsd:decimal of a percentage cell, in the project's canonical form (``"53.60"`` -> ``53.6``)."""
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or not 0 <= number <= 100:
        raise InputError(name, f"line {line}", column, f"malformed row: {value!r} is not a percentage (0 to 100)")
    return decimal_literal(number)


# ------------------------------------------------------------------------------ the import


@dataclass
class _Import:
    """One import: the download, what is kept, and the report."""

    dist: Distribution
    report: ImportReport
    step: int
    wanted: set[str] | None
    #: code -> title of every occupation of Occupation Data.txt; code -> IRI of those kept.
    known: dict[str, str] = field(default_factory=dict)
    kept: dict[str, URIRef] = field(default_factory=dict)
    #: the job zones and education categories of the reference files
    zones: set[int] = field(default_factory=set)
    categories: set[int] = field(default_factory=set)

    def rows(self, name: str) -> Iterator[tuple[int, dict[str, str]]]:
        return iter(self.dist.table(name, COLUMNS[name], delimiter="\t", quoted=False,
                                    progress=self.step, label=f"onet: {name}"))  # fmt: skip

    def owner(self, name: str, line: int, code: str, column: str = CODE, target: bool = False) -> URIRef | None:
        """The IRI of the kept occupation ``code``; None when it is left out (on purpose, or
        because Occupation Data.txt does not hold it: that is reported when the row is about a
        kept occupation, or is the ``target`` of a link from one)."""
        code = code.strip()
        if code in self.kept:
            return self.kept[code]
        if code in self.known or (self.wanted is not None and code not in self.wanted and not target):
            return None
        self.report.problem(name, line, column, f"unknown occupation {code!r} (not in {OCCUPATION_DATA}); row not imported")
        return None

    # -------------------------------------------------------------------------- version
    def version(self, given: str | None) -> str:
        """The version given, else the one Read Me.txt states; a disagreement is reported."""
        name = self.dist.find(re.escape(README))
        stated = read_version(self.dist.read_text(name)) if name else None
        if given:
            if stated and stated != given:
                self.report.problem(README, 1, None, f"the files say O*NET {stated}; the version given, {given}, is used")
            return given
        if stated:
            return stated
        where = README if name else ", ".join(str(p) for p in self.dist.paths)
        why = "its first line does not say 'O*NET <version> Database'" if name else f"there is no {README}"
        raise InputError(where, None, None, f"unknown O*NET version: {why}; give it (version=..., or --onet-version)")

    # -------------------------------------------------------------------------- occupations
    def occupations(self) -> Iterator[tuple]:
        name, first = OCCUPATION_DATA, {}
        for line, row in self.rows(name):
            code = row[CODE].strip()
            try:
                s = onet_iri(code)
            except ValueError:
                raise InputError(name, f"line {line}", CODE, f"malformed row: {code!r} is not an O*NET-SOC code") from None
            if code in first:
                self.report.problem(name, line, CODE, f"duplicate occupation {code} (first on line {first[code]}); row not imported")
                continue
            first[code] = line
            self.known[code] = title = _cell(row, "Title")
            if self.wanted is not None and code not in self.wanted:
                continue
            self.kept[code] = s
            self.report.count("occupations")
            yield from _node(s, (AIC.OnetOccupation, SKOS.Concept), f"{name}: {code}")
            yield s, SKOS.notation, Literal(code)
            if title:
                yield s, SKOS.prefLabel, _en(title)
            else:
                self.report.problem(name, line, "Title", f"occupation {code} has no title")
            description = _cell(row, "Description")
            if description:
                yield s, SKOS.definition, _en(description)
        for code in sorted((self.wanted or set()) - self.known.keys()):
            self.report.problem(name, None, CODE, f"occupation {code!r} was asked for but is not in the file")

    def titles(self) -> Iterator[tuple]:
        """Alternative labels: each once per occupation, never its preferred label."""
        seen: set[tuple[str, str]] = {(code, self.known[code]) for code in self.kept}
        for name, columns in ((ALTERNATE_TITLES, ("Alternate Title", "Short Title")), (REPORTED_TITLES, ("Reported Job Title",))):
            for line, row in self.rows(name):
                s = self.owner(name, line, row[CODE])
                if s is None:
                    continue
                code = row[CODE].strip()
                for column in columns:
                    label = _cell(row, column)
                    if label and (code, label) not in seen:
                        seen.add((code, label))
                        yield s, SKOS.altLabel, _en(label)

    # -------------------------------------------------------------------------- tasks
    def tasks(self) -> Iterator[tuple]:
        name, first = TASK_STATEMENTS, {}
        for line, row in self.rows(name):
            predicate = TASK_PREDICATES.get(row["Task Type"].strip())
            if predicate is None:
                _choice(name, line, "Task Type", row["Task Type"], ("Core", "Supplemental", "n/a", ""))
            task_id = str(_whole(name, line, "Task ID", row["Task ID"]))
            s = self.owner(name, line, row[CODE])
            if s is None:
                continue
            if task_id in first:
                self.report.problem(name, line, "Task ID", f"duplicate task {task_id} (first on line {first[task_id]}); row not imported")
                continue
            first[task_id] = line
            task = onet_task_iri(task_id)
            self.report.count("tasks")
            yield from _node(task, (AIC.Task,), f"{name}: task {task_id}")
            yield task, SKOS.notation, Literal(task_id)
            yield from self._task_label(name, line, task, _cell(row, "Task"))
            yield s, predicate, task

    def _task_label(self, name: str, line: int, task: URIRef, text: str) -> Iterator[tuple]:
        if text:
            yield task, SKOS.prefLabel, _en(text)
        else:
            self.report.problem(name, line, "Task", f"task {task} has no text")

    def emerging_tasks(self) -> Iterator[tuple]:
        name, first = EMERGING_TASKS, {}
        for line, row in self.rows(name):
            category = _choice(name, line, "Category", row["Category"], EMERGING_CATEGORIES)
            s = self.owner(name, line, row[CODE])
            if s is None:
                continue
            code, text = row[CODE].strip(), _cell(row, "Task")
            if not text:
                self.report.problem(name, line, "Task", f"emerging task of {code} has no text; row not imported")
                continue
            if (code, text) in first:
                self.report.problem(name, line, "Task", f"duplicate emerging task of {code} (first on line {first[code, text]}); row not imported")
                continue
            first[code, text] = line
            task = onet_emerging_task_iri(code, text)
            self.report.count("emerging tasks")
            yield from _node(task, (AIC.Task,), f"{name}: {code}: {text}")
            yield task, SKOS.prefLabel, _en(text)
            yield task, SKOS.scopeNote, _en(_emerging_note(category, _cell(row, "Original Task ID"), _cell(row, "Original Task")))
            yield s, AIC.emergingTask, task

    # -------------------------------------------------------------------------- technologies
    def technologies(self) -> Iterator[tuple]:
        """Read every kept row first (a technology's commodities and flag come from all its rows),
        then emit the technologies in the order first met, then the links in the order of the rows."""
        name = TECHNOLOGY_SKILLS
        techs: dict[str, _Technology] = {}
        by_iri: dict[URIRef, str] = {}
        links: dict[tuple[URIRef, URIRef], bool] = {}
        for line, row in self.rows(name):
            hot = FLAGS[_choice(name, line, "Hot Technology", row["Hot Technology"], FLAGS)]
            in_demand = FLAGS[_choice(name, line, "In Demand", row["In Demand"], FLAGS)]
            s = self.owner(name, line, row[CODE])
            if s is None:
                continue
            example = _cell(row, "Example")
            if not example:
                self.report.problem(name, line, "Example", "technology with no name; row not imported")
                continue
            iri = onet_technology_iri(example)
            holder = by_iri.setdefault(iri, example)
            if holder != example:
                self.report.problem(name, line, "Example", f"{example!r} and {holder!r} (line {techs[holder].line}) "
                                    f"would have the same IRI {iri}; the first keeps it, this row is not imported")
                continue
            tech = techs.setdefault(example, _Technology(iri, line))
            tech.add(self.report, name, line, _cell(row, "Commodity Title"), hot)
            if (s, iri) in links:
                self.report.problem(name, line, "Example", f"{example!r} listed twice for {row[CODE].strip()}; row not imported")
                continue
            links[s, iri] = in_demand
        for example, tech in techs.items():
            self.report.count("technologies")
            yield from tech.triples(example)
        for (s, iri), in_demand in links.items():
            self.report.count("technology links")
            yield s, AIC.usesTechnology, iri
            if in_demand:
                yield s, AIC.inDemandTechnology, iri

    # -------------------------------------------------------------------------- preparation
    def zone_reference(self) -> Iterator[tuple]:
        """The job zones, whole (Job Zone Reference.txt)."""
        name = JOB_ZONE_REFERENCE
        for line, row in self.rows(name):
            zone = _whole(name, line, "Job Zone", row["Job Zone"], 1, 5)
            if zone in self.zones:
                self.report.problem(name, line, "Job Zone", f"duplicate job zone {zone}; row not imported")
                continue
            self.zones.add(zone)
            s = onet_job_zone_iri(zone)
            yield from _node(s, (AIC.JobZone,), f"{name}: {zone}")
            yield s, SKOS.notation, Literal(str(zone))
            yield s, SKOS.prefLabel, _en(_cell(row, "Name"))
            parts = [(label, _cell(row, column)) for label, column in
                     (("Experience", "Experience"), ("Education", "Education"), ("Job training", "Job Training"))]
            yield s, SKOS.definition, _en(" ".join(f"{label}: {text}" for label, text in parts if text))

    def job_zones(self) -> Iterator[tuple]:
        """The job zone of each kept occupation: one, and one of the reference."""
        name, first = JOB_ZONES, {}
        for line, row in self.rows(name):
            zone = _whole(name, line, "Job Zone", row["Job Zone"], 1, 5)
            s = self.owner(name, line, row[CODE])
            if s is None:
                continue
            code = row[CODE].strip()
            if zone not in self.zones:
                self.report.problem(name, line, "Job Zone", f"job zone {zone} of {code} is not in {JOB_ZONE_REFERENCE}; row not imported")
            elif code in first:
                self.report.problem(name, line, CODE, f"second job zone for {code} (first on line {first[code]}); row not imported")
            else:
                first[code] = line
                self.report.count("job zones")
                yield s, AIC.jobZone, onet_job_zone_iri(zone)

    def education_categories(self) -> Iterator[tuple]:
        """The categories of the RL scale, whole."""
        name = EDUCATION_CATEGORIES
        for line, row in self._education_rows(name):
            category = _whole(name, line, "Category", row["Category"])
            if category in self.categories:
                self.report.problem(name, line, "Category", f"duplicate category {category}; row not imported")
                continue
            self.categories.add(category)
            s = onet_education_iri(category)
            yield from _node(s, (AIC.EducationCategory,), f"{name}: {EDUCATION_SCALE} {category}")
            yield s, SKOS.notation, Literal(str(category))
            yield s, SKOS.prefLabel, _en(_cell(row, "Category Description"))

    def education_shares(self) -> Iterator[tuple]:
        """The shares of the RL scale above 0 of each kept occupation."""
        name, first = EDUCATION, {}
        for line, row in self._education_rows(name):
            category = _whole(name, line, "Category", row["Category"])
            share = _percentage(name, line, "Data Value", row["Data Value"])
            s = self.owner(name, line, row[CODE])
            if s is None or share.value <= 0:
                continue
            code = row[CODE].strip()
            if category not in self.categories:
                self.report.problem(name, line, "Category", f"category {category} is not in {EDUCATION_CATEGORIES}; row not imported")
                continue
            if (code, category) in first:
                self.report.problem(name, line, "Category", f"second share for {code}, category {category} "
                                    f"(first on line {first[code, category]}); row not imported")
                continue
            first[code, category] = line
            node = onet_education_share_iri(code, category)
            self.report.count("education shares")
            yield from _node(node, (AIC.EducationShare,), f"{name}: {code} {EDUCATION_SCALE} {category}")
            yield node, AIC.educationCategory, onet_education_iri(category)
            yield node, AIC.percentage, share
            yield s, AIC.educationShare, node

    def _education_rows(self, name: str) -> Iterator[tuple[int, dict[str, str]]]:
        """The rows of the RL scale, whose element must be the required level of education."""
        for line, row in self.rows(name):
            if row["Scale ID"].strip() == EDUCATION_SCALE:
                _choice(name, line, "Element ID", row["Element ID"], (EDUCATION_ELEMENT,))
                yield line, row

    # -------------------------------------------------------------------------- moves
    def related(self) -> Iterator[tuple]:
        name, first = RELATED_OCCUPATIONS, {}
        for line, row in self.rows(name):
            tier = _choice(name, line, "Relatedness Tier", row["Relatedness Tier"], TIERS)
            index = _whole(name, line, "Index", row["Index"])
            a = self.owner(name, line, row[CODE])
            if a is None:
                continue
            b = self.owner(name, line, row[RELATED_CODE], RELATED_CODE, target=True)
            if b is None:
                continue
            key = row[CODE].strip(), row[RELATED_CODE].strip()
            if key in first:
                self.report.problem(name, line, RELATED_CODE, f"{key[0]} -> {key[1]} again (first on line {first[key]}); row not imported")
                continue
            first[key] = line
            move = onet_related_iri(*key)
            self.report.count("related occupations")
            yield from _node(move, (AIC.OccupationMove,), f"{name}: {key[0]} -> {key[1]}")
            yield move, AIC.fromOccupation, a
            yield move, AIC.toOccupation, b
            yield move, AIC.relatednessTier, Literal(tier)
            yield move, AIC.position, Literal(index, datatype=XSD.integer)
            yield a, AIC.mobilityTo, b


@dataclass
class _Technology:
    """What the kept rows of one Example say: its commodities and its Hot Technology flags."""

    iri: URIRef
    line: int
    commodities: list[str] = field(default_factory=list)
    #: flag -> the first line that gives it
    flags: dict[bool, int] = field(default_factory=dict)

    @property
    def hot(self) -> bool:
        return True in self.flags

    def add(self, report: ImportReport, name: str, line: int, commodity: str, hot: bool) -> None:
        if commodity and commodity not in self.commodities:
            self.commodities.append(commodity)
        other = self.flags.get(not hot)
        if other is not None:
            said, earlier = ("Y", "N") if hot else ("N", "Y")
            report.problem(name, line, "Hot Technology", f"{said} here but {earlier} on line {other} for the same "
                           "Example; the technology is marked hot")
        self.flags.setdefault(hot, line)

    def triples(self, example: str) -> Iterator[tuple]:
        s = self.iri
        yield from _node(s, (AIC.Technology, SKOS.Concept), f"{TECHNOLOGY_SKILLS}: {example}")
        yield s, SKOS.prefLabel, _en(example)
        for commodity in self.commodities:
            yield s, AIC.commodity, Literal(commodity)
        yield s, AIC.hotTechnology, Literal(self.hot)


def _emerging_note(category: str, original_id: str, original: str) -> str:
    """The scope note of an emerging task.

    >>> _emerging_note("Revision", "21280", "Plan budgets.")
    'Revision of task 21280: Plan budgets.'
    >>> _emerging_note("New", "", "")
    'New task, not yet among the task statements of the occupation.'
    """
    if category == "New":
        return "New task, not yet among the task statements of the occupation."
    which = f"task {original_id}" if original_id else "a task"
    return f"Revision of {which}: {original}" if original else f"Revision of {which}."


def _as_paths(paths) -> list:
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    return list(paths)


def iter_onet_triples(
    paths,
    *,
    occupations: Collection[str] | None = None,
    version: str | None = None,
    report: ImportReport | None = None,
    progress: bool | int = False,
) -> Iterator[tuple]:
    """Stream the triples of the O*NET text database at ``paths`` (one zip or folder, or a list).

    ``occupations``: O*NET-SOC codes to keep (with what they hold; see the module docstring).
    ``version``: the O*NET version, when ``Read Me.txt`` does not say it (it wins when both do,
    and a disagreement is reported). ``report``: an :class:`ImportReport` to fill in (counts,
    version, problems); without one, each problem is issued as a :class:`ProblemWarning`.
    ``progress``: True prints a line to stderr every 10,000 rows and at the end of each file; a
    number sets the rows between lines. Nothing is read before the first triple is asked for;
    every file is looked for before any is read.

    >>> from aicareers.paths import PROJECT_ROOT
    >>> triples = iter_onet_triples(PROJECT_ROOT / "tests" / "fixtures" / "onet_txt", occupations={"15-2041.00"})
    >>> next(triples)[0] == SOURCE
    True
    >>> sorted({str(o) for s, p, o in triples if p == SKOS.prefLabel and s == onet_iri("15-2041.00")})
    ['Statisticians']
    """
    own = report is None
    report = ImportReport("onet") if own else report
    before = len(report.problems)
    wanted = None if occupations is None else {str(code).strip() for code in occupations}
    dist = Distribution(*_as_paths(paths), what=_WHAT)
    for name in COLUMNS:
        dist.require(re.escape(name), name)
    run = _Import(dist, report, progress_step(progress), wanted)
    report.version = run.version(version)
    for kind in COUNTS:
        report.count(kind, 0)
    yield from framework_source_triples(INFO, report.version)
    for part in (run.occupations, run.titles, run.tasks, run.emerging_tasks, run.technologies, run.zone_reference,
                 run.job_zones, run.education_categories, run.education_shares, run.related):  # fmt: skip
        yield from part()
    if own:
        for problem in report.problems[before:]:
            warnings.warn(str(problem), ProblemWarning, stacklevel=2)


def import_onet(
    paths,
    *,
    occupations: Collection[str] | None = None,
    version: str | None = None,
    graph: Graph | None = None,
    progress: bool | int = False,
) -> tuple[Graph, ImportReport]:
    """Import the O*NET text database at ``paths`` into a graph; return it with the report.

    The arguments are those of :func:`iter_onet_triples`; ``graph``, if given, receives the
    triples (otherwise a new graph with the project's prefixes).

    >>> from aicareers.paths import PROJECT_ROOT
    >>> graph, report = import_onet(PROJECT_ROOT / "tests" / "fixtures" / "onet_txt", version="29.2")
    >>> report.version, report.counts["occupations"]
    ('29.2', 3)
    """
    report = ImportReport("onet")
    if graph is None:
        graph = bind_prefixes(Graph())
    add = graph.add
    for triple in iter_onet_triples(paths, occupations=occupations, version=version, report=report, progress=progress):
        add(triple)
    return graph, report


# ------------------------------------------------------------------------------ writing

#: ``--format`` -> file suffix; the suffix gives the format when none is named.
FORMATS = {"nt": ".nt", "ttl": ".ttl", "nq": ".nq"}


def render_onet(graph: Graph, fmt: str) -> bytes:
    """The bytes of ``graph`` as N-Triples (``nt``, sorted lines), Turtle (``ttl``, the project's
    prefixes) or N-Quads (``nq``, sorted lines, every triple in ``graph:onet``): the same graph
    always gives the same bytes.

    >>> from aicareers.iris import onet_iri
    >>> g = Graph()
    >>> g.add((onet_iri("15-2051.00"), SKOS.notation, Literal("15-2051.00")))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> print(render_onet(g, "nq").decode(), end="")
    <https://w3id.org/ai-careers/id/onet/15-2051.00> <http://www.w3.org/2004/02/skos/core#notation> "15-2051.00" <https://w3id.org/ai-careers/id/graph/onet> .
    """
    if fmt == "ttl":
        from aicareers.serialize import to_turtle

        return to_turtle(graph)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}, expected one of {', '.join(FORMATS)}")
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    if fmt == "nq":
        # An N-Triples line ends with " ."; the graph's IRI goes in between.
        suffix = f" {INFO.graph.n3()} ."
        lines = [line[: -len(" .")] + suffix for line in lines]
    lines.sort()
    return "".join(line + "\n" for line in lines).encode("utf-8")


def write_onet(graph: Graph, out: str | os.PathLike, fmt: str | None = None) -> None:
    """Write ``graph`` to ``out`` (format from the suffix unless ``fmt`` is given), all rendered
    in memory first, then written atomically: a failure leaves any previous file as it was."""
    from aicareers.atomic import write_atomic

    write_atomic(out, render_onet(graph, format_of(out, fmt)))


def format_of(out: str | os.PathLike, fmt: str | None = None) -> str:
    """The format to write ``out`` in: ``fmt`` if given, else the one its suffix names.

    >>> format_of("onet.nt"), format_of("x/onet.TTL"), format_of("onet.rdf", "nq")
    ('nt', 'ttl', 'nq')
    >>> format_of("onet.rdf")
    Traceback (most recent call last):
    ...
    aicareers.errors.InputError: onet.rdf: field --out: unknown suffix '.rdf': expected .nt, .ttl or .nq (or give --format)
    """
    if fmt is not None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}, expected one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(out).suffix.lower()
    for name, known in FORMATS.items():
        if suffix == known:
            return name
    raise InputError(str(out), None, "--out", f"unknown suffix {suffix!r}: expected .nt, .ttl or .nq (or give --format)")
