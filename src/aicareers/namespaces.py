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

The prefix map itself is :data:`aicareers.prefixes.PREFIXES` (plain strings), re-exported here.
"""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, VANN, XSD  # noqa: F401

from .prefixes import BASE, ID_SEGMENTS, PREFIXES, sparql_prologue  # noqa: F401  (re-exported)

#: The ontology's own terms (classes and properties).
AIC = Namespace(PREFIXES["aic"])
#: The ontology document itself (its IRI, without the ``#``).
ONTOLOGY_IRI = BASE + "ontology"
#: Resources of the knowledge base, one namespace per kind so that IRIs say what they name.
ID = Namespace(PREFIXES["aicr"])
ROLE = Namespace(PREFIXES["role"])
SKILL = Namespace(PREFIXES["skill"])
SRC = Namespace(PREFIXES["src"])
GRAPH = Namespace(PREFIXES["graph"])
#: ROME and O*NET have no IRIs of their own: theirs are minted from their codes (see iris.py).
ROME = Namespace(PREFIXES["rome"])
ONET = Namespace(PREFIXES["onet"])
CROSSWALK = Namespace(PREFIXES["crosswalk"])

#: ESCO: the model's terms and its concept IRIs.
ESCO = Namespace(PREFIXES["esco"])
ESCO_OCC = Namespace(PREFIXES["escoocc"])
ESCO_SKILL = Namespace(PREFIXES["escoskill"])

SCHEMA = SDO  # https://schema.org/


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (and only those) on ``graph`` and return it.

    >>> g = bind_prefixes(Graph())
    >>> str(dict(g.namespaces())["aic"]) == PREFIXES["aic"]
    True
    """
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph
