"""The one place that mints IRIs.

Every node of the knowledge base gets an IRI that says what it names and that does not change
from one build to the next: hand-kept records by their ``id``, provenance nodes by a digest of
what they stand for. No blank nodes are minted, so every output is canonical as written.

>>> entity_iri("roles", "prompt-engineer")
rdflib.term.URIRef('https://w3id.org/ai-careers/id/role/prompt-engineer')
>>> graph_iri("esd")
rdflib.term.URIRef('https://w3id.org/ai-careers/id/graph/esd')
>>> statement_iri(entity_iri("roles", "a"), entity_iri("roles", "b"), entity_iri("roles", "c")) == \\
...     statement_iri(entity_iri("roles", "a"), entity_iri("roles", "b"), entity_iri("roles", "c"))
True
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef
from rdflib.term import Node

import re

from .namespaces import CROSSWALK, GRAPH, ID, ONET, ROME

#: Record kind (the key in the facts files) -> path segment of its IRIs.
SEGMENTS: dict[str, str] = {
    "sources": "source",
    "organisations": "organisation",
    "places": "place",
    "topics": "topic",
    "roles": "role",
    "skills": "skill",
    "missions": "mission",
    "objectives": "objective",
    "domains": "domain",
    "departments": "department",
    "teams": "team",
    "tools": "tool",
    "employer_types": "employer-type",
    "salary_factors": "salary-factor",
    "contract_types": "contract-type",
    "arrangements": "arrangement",
    "seniorities": "seniority",
    "levels": "level",
    "programs": "program",
    "routes": "route",
    "transitions": "transition",
    "salaries": "salary",
    "requirements": "requirement",
    "claims": "claim",
    "comparisons": "comparison",
}

#: Named graphs that are not a source's.
ONTOLOGY_GRAPH = GRAPH["ontology"]
KNOWLEDGE_BASE_GRAPH = GRAPH["knowledge-base"]


def entity_iri(kind: str, record_id: str) -> URIRef:
    """The IRI of a hand-kept record of ``kind`` with identifier ``record_id``."""
    return ID[f"{SEGMENTS[kind]}/{record_id}"]


def _digest(*parts: Node | str) -> str:
    text = "\x1f".join(p.n3() if isinstance(p, Node) else p for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def statement_iri(subject: Node, predicate: Node, obj: Node) -> URIRef:
    """The IRI of the reified statement of the triple (``rdf:Statement``)."""
    return ID[f"statement/{_digest(subject, predicate, obj)}"]


def derivation_iri(node: Node, source: Node, quote: str) -> URIRef:
    """The IRI of the ``prov:Derivation`` that ties ``node`` to ``source`` through ``quote``."""
    return ID[f"derivation/{_digest(node, source, quote)}"]


def mapping_iri(subject: Node, match: Node, target: Node) -> URIRef:
    """The IRI of the project's own mapping of ``subject`` to a framework concept ``target``."""
    return ID[f"mapping/{_digest(subject, match, target)}"]


def step_iri(route: URIRef, order: int) -> URIRef:
    """The IRI of step ``order`` of a training path."""
    return URIRef(f"{route}/step-{order}")


def graph_iri(source_id: str) -> URIRef:
    """The named graph that holds what the source ``source_id`` states."""
    return GRAPH[source_id]


# ------------------------------------------------------------------ official frameworks
# ESCO keeps its own IRIs. ROME and O*NET have none: theirs are minted here from the framework's
# own codes, so that they stay the same from one release to the next as long as the codes do.

_ROME_CODE = re.compile(r"[A-N][0-9]{4}\Z")
_OGR_CODE = re.compile(r"[0-9]{1,9}\Z")
_ONET_CODE = re.compile(r"[0-9]{2}-[0-9]{4}\.[0-9]{2}\Z")


def rome_sheet_iri(code: str) -> URIRef:
    """The IRI of a ROME job sheet, from its code.

    >>> rome_sheet_iri("M1889")
    rdflib.term.URIRef('https://w3id.org/ai-careers/id/rome/M1889')
    """
    if not _ROME_CODE.match(code):
        raise ValueError(f"not a ROME code: {code!r}")
    return ROME[code]


def rome_ogr_iri(code: str) -> URIRef:
    """The IRI of a ROME item with an OGR code: a job title, a skill, a knowledge item, a context.

    >>> rome_ogr_iri("510533")
    rdflib.term.URIRef('https://w3id.org/ai-careers/id/rome/ogr-510533')
    """
    if not _OGR_CODE.match(code):
        raise ValueError(f"not an OGR code: {code!r}")
    return ROME[f"ogr-{code}"]


def rome_move_iri(source: str, target: str) -> URIRef:
    """The IRI of the ROME mobility from one job sheet to another."""
    return ROME[f"move-{rome_sheet_iri(source)[-5:]}-{rome_sheet_iri(target)[-5:]}"]


def rome_activity_iri(code: str, position: int) -> URIRef:
    """The IRI of the activity at ``position`` in a ROME sheet's definition."""
    return ROME[f"{rome_sheet_iri(code)[-5:]}-activity-{int(position)}"]


def onet_iri(code: str) -> URIRef:
    """The IRI of an O*NET occupation, from its O*NET-SOC code.

    >>> onet_iri("15-2051.00")
    rdflib.term.URIRef('https://w3id.org/ai-careers/id/onet/15-2051.00')
    """
    if not _ONET_CODE.match(code):
        raise ValueError(f"not an O*NET-SOC code: {code!r}")
    return ONET[code]


def onet_task_iri(task_id: str) -> URIRef:
    """The IRI of an O*NET task statement, from its Task ID (an emerging task: a digest of its text)."""
    return ONET[f"task-{task_id}"]


def onet_emerging_task_iri(code: str, text: str) -> URIRef:
    """The IRI of an O*NET emerging task, which has no Task ID: a digest of occupation and text."""
    return ONET[f"emerging-task-{_digest(code, text)}"]


def slug(text: str) -> str:
    """A readable, stable IRI segment for a name.

    >>> slug("Microsoft Excel"), slug("C++"), slug("Amazon Web Services AWS")
    ('microsoft-excel', 'c-plus-plus', 'amazon-web-services-aws')
    """
    text = text.lower().replace("++", "-plus-plus").replace("#", "-sharp").replace("+", "-plus")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or _digest(text)


def onet_technology_iri(name: str) -> URIRef:
    """The IRI of a technology of O*NET's technology skills, from its name."""
    return ONET[f"technology-{slug(name)}"]


def onet_job_zone_iri(zone: int) -> URIRef:
    """The IRI of an O*NET job zone (1 to 5)."""
    return ONET[f"job-zone-{int(zone)}"]


def onet_education_iri(category: int) -> URIRef:
    """The IRI of a category of O*NET's required level of education (RL) scale."""
    return ONET[f"education-{int(category)}"]


def onet_education_share_iri(code: str, category: int) -> URIRef:
    """The IRI of the share of respondents of an occupation for one education category."""
    return ONET[f"{onet_iri(code)[len(ONET):]}-education-{int(category)}"]


def onet_related_iri(source: str, target: str) -> URIRef:
    """The IRI of O*NET's related-occupation link from one occupation to another."""
    return ONET[f"related-{onet_iri(source)[len(ONET):]}-{onet_iri(target)[len(ONET):]}"]


def crosswalk_iri(crosswalk: str, record: str) -> URIRef:
    """The IRI of one link of a published crosswalk, from the crosswalk's name and its record id."""
    return CROSSWALK[f"{crosswalk}-{record}"]
