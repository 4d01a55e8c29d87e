"""What a hand-kept record may hold: the record kinds of the ``facts/`` files and their fields.

A facts file is a YAML mapping from a kind (``roles``, ``skills``, ``salaries``, ...) to a list of
records. Each record has an ``id`` unique across all files, and the fields its kind declares
here. :mod:`aicareers.facts` reads the files and turns each field into triples as declared.

Two families of kinds:

- *entities* (roles, skills, missions, ...) are named things. Their description (type, labels,
  definition) is curated and goes into the knowledge-base graph; what a source says of them
  comes as evidence (``evidence`` for the entity itself, ``of`` for the roles it belongs to,
  each with a source and a verbatim quote).
- *claims* (salaries, transitions, requirements, comparisons, claims) are statements that one
  source makes. All their triples go into that source's graph.

>>> KINDS["skills"].rdf_class
rdflib.term.URIRef('https://w3id.org/ai-careers/ontology#Skill')
>>> KINDS["skills"].field("of").predicate
rdflib.term.URIRef('https://w3id.org/ai-careers/ontology#requiresSkill')
>>> sorted(k for k, kind in KINDS.items() if kind.claim)
['claims', 'comparisons', 'requirements', 'salaries', 'transitions']
"""

from __future__ import annotations

from dataclasses import dataclass, field as dataclass_field

from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from .namespaces import AIC, SCHEMA


@dataclass(frozen=True)
class Field:
    """One field of a record.

    ``type`` says how the YAML value is read:

    - ``text``: a string; ``lang``: ``{fr: ..., en: ...}``; ``langlist``: ``{fr: [...], en: [...]}``;
    - ``int``, ``decimal``, ``bool``, ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``),
      ``duration`` (ISO 8601, e.g. ``P3Y``), ``currency`` (ISO 4217 code);
    - ``enum``: one key of ``choices`` (mapped to an IRI);
    - ``ref`` / ``refs``: the id (or ids) of records of the kinds in ``target`` (any kind if empty);
    - ``evidence``: a list of ``{source, quote}``; ``of``: a list of ``{role, source, quote}``;
    - ``mapping`` (fields ``esco``, ``rome``, ``onet``): the project's own links to a framework,
      a list of ``{match: exact|close|broad|narrow, <target>, why[, why_fr]}``, the target being ``iri``
      (ESCO), ``sheet`` or ``title`` (a ROME code or OGR code), ``code`` (O*NET-SOC), and ``why``
      the one-line reason for that kind of match;
    - ``steps``: a list of ``{program, part}`` (training paths).
    """

    name: str
    type: str
    predicate: URIRef | None = None
    required: bool = False
    target: tuple[str, ...] = ()
    choices: dict[str, URIRef] = dataclass_field(default_factory=dict)


@dataclass(frozen=True)
class Kind:
    """A kind of record: its class, its fields, and whether it is a one-source claim."""

    name: str
    rdf_class: URIRef
    fields: tuple[Field, ...]
    claim: bool = False
    #: Claims whose labels are written by the build from their fields.
    generated_label: bool = False
    #: The topic every claim of this kind is about (claims of kind ``claims`` name theirs).
    topic: str | None = None

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


LABEL = Field("label", "lang", SKOS.prefLabel, required=True)
COMMON = (
    LABEL,
    Field("alt", "langlist", SKOS.altLabel),
    Field("definition", "lang", SKOS.definition),
    Field("note", "lang", SKOS.scopeNote),
    Field("evidence", "evidence"),
    Field("esco", "mapping"),
    Field("rome", "mapping"),
    Field("onet", "mapping"),
)
ROLE = ("roles",)


def _entity(name: str, rdf_class: URIRef, *extra: Field, of: URIRef | None = None) -> Kind:
    fields = COMMON + extra
    if of is not None:
        fields += (Field("of", "of", of),)
    return Kind(name, rdf_class, fields)


def _claim(name: str, rdf_class: URIRef, *extra: Field, label: bool = False, topic: str | None = None) -> Kind:
    fields = (
        Field("label", "lang", SKOS.prefLabel, required=not label),
        Field("evidence", "evidence", required=True),
        Field("note", "lang", SKOS.scopeNote),
    ) + extra
    return Kind(name, rdf_class, fields, claim=True, generated_label=label, topic=topic)


SKILL_TYPES = {"knowledge": AIC.Knowledge, "know-how": AIC.KnowHow, "human-quality": AIC.HumanQuality}
ROUTE_TYPES = {"training-path": AIC.TrainingPath, "self-teaching": AIC.SelfTeaching}
PERIODS = {"year": AIC.PerYear, "month": AIC.PerMonth}
BASES = {"gross": AIC.Gross, "net": AIC.Net, "not-stated": AIC.BasisNotStated}
CLAIM_TYPES = {"market": AIC.MarketClaim, "general": AIC.Claim}
#: Currencies the sources use; extend when a source names another.
CURRENCIES = frozenset({"EUR", "USD"})

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "sources",
            AIC.SourceDocument,
            (
                LABEL,
                Field("file", "text", AIC.fileName, required=True),
                Field("title", "text", DCTERMS.title),
                Field("publisher", "ref", DCTERMS.publisher, target=("organisations",)),
                Field("date", "date", DCTERMS.date),
                Field("genre", "lang", AIC.genre, required=True),
                Field("description", "lang", DCTERMS.description, required=True),
                Field("note", "lang", SKOS.scopeNote),
            ),
        ),
        _entity("organisations", SCHEMA.Organization),
        _entity("places", AIC.Place),
        _entity("topics", AIC.Topic),
        _entity("roles", AIC.Role, Field("emerging", "bool")),
        _entity(
            "skills",
            AIC.Skill,
            Field("type", "enum", RDF.type, required=True, choices=SKILL_TYPES),
            of=AIC.requiresSkill,
        ),
        _entity("missions", AIC.Mission, Field("rank", "int", AIC.rank), of=AIC.hasMission),
        _entity("objectives", AIC.Objective, of=AIC.hasObjective),
        _entity("domains", AIC.ApplicationDomain, of=AIC.appliesIn),
        _entity("departments", AIC.Department, of=AIC.worksInDepartment),
        _entity("teams", AIC.Team, of=AIC.collaboratesWith),
        _entity("tools", AIC.GenerativeAITool, of=AIC.usesTool),
        _entity("employer_types", AIC.EmployerType, of=AIC.employedBy),
        _entity("salary_factors", AIC.SalaryFactor, of=AIC.salaryFactor),
        _entity("contract_types", AIC.ContractType, of=AIC.contractType),
        _entity(
            "arrangements", AIC.WorkArrangement, Field("condition", "lang", AIC.condition), of=AIC.workArrangement
        ),
        _entity("seniorities", AIC.Seniority),
        _entity("levels", AIC.EducationLevel, Field("notation", "text", SKOS.notation, required=True)),
        _entity(
            "programs",
            AIC.TrainingProgram,
            Field("level", "ref", AIC.educationLevel, target=("levels",)),
            Field("duration", "duration", SCHEMA.timeToComplete),
            Field("prerequisite", "ref", AIC.prerequisite, target=("levels",)),
            Field("specialisation", "lang", AIC.specialisation),
        ),
        _entity(
            "routes",
            AIC.LearningRoute,
            Field("type", "enum", RDF.type, required=True, choices=ROUTE_TYPES),
            Field("level", "ref", AIC.educationLevel, target=("levels",)),
            Field("steps", "steps", AIC.hasStep),
            of=AIC.learningRoute,
        ),
        _claim(
            "transitions",
            AIC.CareerTransition,
            Field("from", "ref", AIC.fromRole, required=True, target=ROLE),
            Field("to", "ref", AIC.toRole, required=True, target=ROLE),
            Field("meaning", "lang", AIC.meaning, required=True),
            Field("condition", "lang", AIC.condition),
            label=True,
            topic="career-evolution",
        ),
        _claim(
            "salaries",
            AIC.SalaryObservation,
            Field("role", "ref", SCHEMA.about, required=True, target=ROLE),
            Field("min", "decimal", SCHEMA.minValue),
            Field("max", "decimal", SCHEMA.maxValue),
            Field("value", "decimal", SCHEMA.value),
            Field("currency", "currency", SCHEMA.currency, required=True),
            Field("period", "enum", AIC.period, required=True, choices=PERIODS),
            Field("basis", "enum", AIC.payBasis, required=True, choices=BASES),
            Field("seniority", "ref", AIC.seniority, target=("seniorities",)),
            Field("place", "ref", AIC.place, target=("places",)),
            Field("date", "date", DCTERMS.date),
            Field("reported_by", "ref", AIC.reportedBy, target=("organisations",)),
            Field("relayed_by", "ref", AIC.relayedBy, target=("organisations",)),
            Field("approximate", "bool", AIC.approximate),
            Field("converted_from", "ref", AIC.convertedFrom, target=("salaries",)),
            label=True,
            topic="salary",
        ),
        _claim(
            "requirements",
            AIC.RequirementClaim,
            Field("role", "ref", SCHEMA.about, required=True, target=ROLE),
            Field("requirement", "ref", AIC.requirement, required=True),
            Field("required", "bool", AIC.isRequired, required=True),
            Field("statement", "lang", AIC.statement, required=True),
            Field("topic", "ref", AIC.topic, required=True, target=("topics",)),
        ),
        _claim(
            "comparisons",
            AIC.RoleComparison,
            Field("roles", "refs", AIC.comparedRole, required=True, target=ROLE),
            Field("statement", "lang", AIC.statement, required=True),
            Field("complementary", "bool"),
            label=True,
            topic="role-comparison",
        ),
        _claim(
            "claims",
            AIC.Claim,
            Field("type", "enum", RDF.type, required=True, choices=CLAIM_TYPES),
            Field("statement", "lang", AIC.statement, required=True),
            Field("topic", "ref", AIC.topic, required=True, target=("topics",)),
            Field("about", "refs", SCHEMA.about),
            Field("reported_by", "ref", AIC.reportedBy, target=("organisations",)),
            Field("quantity", "decimal", AIC.quantity),
        ),
    )
}
