"""The one prefix map of the project, as plain strings: readable without loading rdflib.

:mod:`aicareers.namespaces` makes rdflib namespaces of these IRIs for the code that builds RDF;
the command line reads them from here, so that answering a query from the cache needs no rdflib.

>>> PREFIXES["role"]
'https://w3id.org/ai-careers/id/role/'
>>> "PREFIX aic: <https://w3id.org/ai-careers/ontology#>" in sparql_prologue()
True
"""

from __future__ import annotations

BASE = "https://w3id.org/ai-careers/"

#: Path segments of resource IRIs (``id/<segment>/<name>``); each is also a prefix, so that
#: Turtle reads ``mission:technology-watch`` rather than a full IRI.
ID_SEGMENTS = (
    "source", "organisation", "place", "topic", "role", "skill", "mission", "objective", "domain",
    "department", "team", "tool", "employer-type", "salary-factor", "contract-type", "arrangement",
    "seniority", "level", "program", "route", "transition", "salary", "requirement", "claim",
    "comparison", "statement", "derivation", "graph", "rome", "onet", "crosswalk", "mapping",
)  # fmt: skip

#: prefix -> namespace IRI; the single source of truth for every serialisation and SPARQL query.
#: (The vocabularies the project reuses are written out; a test checks them against rdflib's.)
PREFIXES: dict[str, str] = {
    "aic": BASE + "ontology#",
    "aicr": BASE + "id/",
    **{("src" if segment == "source" else segment): f"{BASE}id/{segment}/" for segment in ID_SEGMENTS},
    "esco": "http://data.europa.eu/esco/model#",
    "escoocc": "http://data.europa.eu/esco/occupation/",
    "escoskill": "http://data.europa.eu/esco/skill/",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
    "vann": "http://purl.org/vocab/vann/",
}


def sparql_prologue() -> str:
    """The ``PREFIX`` lines of every prefix, for SPARQL text."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
