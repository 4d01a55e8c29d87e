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

from .namespaces import GRAPH, ID

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


def step_iri(route: URIRef, order: int) -> URIRef:
    """The IRI of step ``order`` of a training path."""
    return URIRef(f"{route}/step-{order}")


def graph_iri(source_id: str) -> URIRef:
    """The named graph that holds what the source ``source_id`` states."""
    return GRAPH[source_id]
