"""The one prefix map of the project.

Every module that needs a namespace imports it from here, and every serialisation binds exactly
these prefixes, so that Turtle, TriG and JSON-LD outputs read the same everywhere.

>>> from aicareers.namespaces import AIC, ROLE
>>> AIC.Role
rdflib.term.URIRef('https://w3id.org/ai-careers/ontology#Role')
>>> ROLE["prompt-engineer"]
rdflib.term.URIRef('https://w3id.org/ai-careers/id/role/prompt-engineer')
>>> PREFIXES["aic"] == str(AIC)
True
"""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, VANN, XSD

BASE = "https://w3id.org/ai-careers/"

#: The ontology's own terms (classes and properties).
AIC = Namespace(BASE + "ontology#")
#: The ontology document itself (its IRI, without the ``#``).
ONTOLOGY_IRI = BASE + "ontology"
#: Resources of the knowledge base, one namespace per kind so that IRIs say what they name.
ID = Namespace(BASE + "id/")
ROLE = Namespace(BASE + "id/role/")
SKILL = Namespace(BASE + "id/skill/")
SRC = Namespace(BASE + "id/source/")
GRAPH = Namespace(BASE + "id/graph/")
#: ROME and O*NET have no IRIs of their own: theirs are minted from their codes (see iris.py).
ROME = Namespace(BASE + "id/rome/")
ONET = Namespace(BASE + "id/onet/")
CROSSWALK = Namespace(BASE + "id/crosswalk/")

#: ESCO: the model's terms and its concept IRIs.
ESCO = Namespace("http://data.europa.eu/esco/model#")
ESCO_OCC = Namespace("http://data.europa.eu/esco/occupation/")
ESCO_SKILL = Namespace("http://data.europa.eu/esco/skill/")

SCHEMA = SDO  # https://schema.org/

#: Path segments of resource IRIs (``id/<segment>/<name>``); each is also a prefix, so that
#: Turtle reads ``mission:technology-watch`` rather than a full IRI.
ID_SEGMENTS = (
    "source", "organisation", "place", "topic", "role", "skill", "mission", "objective", "domain",
    "department", "team", "tool", "employer-type", "salary-factor", "contract-type", "arrangement",
    "seniority", "level", "program", "route", "transition", "salary", "requirement", "claim",
    "comparison", "statement", "derivation", "graph", "rome", "onet", "crosswalk", "mapping",
)  # fmt: skip

#: prefix -> namespace IRI; the single source of truth for every serialisation and SPARQL query.
PREFIXES: dict[str, str] = {
    "aic": str(AIC),
    "aicr": str(ID),
    **{("src" if segment == "source" else segment): f"{ID}{segment}/" for segment in ID_SEGMENTS},
    "esco": str(ESCO),
    "escoocc": str(ESCO_OCC),
    "escoskill": str(ESCO_SKILL),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "sh": str(SH),
    "vann": str(VANN),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (and only those) on ``graph`` and return it.

    >>> g = bind_prefixes(Graph())
    >>> str(dict(g.namespaces())["aic"]) == PREFIXES["aic"]
    True
    """
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


def sparql_prologue() -> str:
    """The ``PREFIX`` lines of every prefix, for SPARQL text.

    >>> "PREFIX aic: <https://w3id.org/ai-careers/ontology#>" in sparql_prologue()
    True
    """
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
