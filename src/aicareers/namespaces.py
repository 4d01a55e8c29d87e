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

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, VANN, XSD  # noqa: F401

from .prefixes import BASE, ID_SEGMENTS, PREFIXES, sparql_prologue  # noqa: F401  (re-exported)

class _Namespace(Namespace):
    """rdflib's :class:`~rdflib.Namespace`, each of its terms made once.

    rdflib makes a new URIRef, and checks it, at every ``AIC.sourceRecord`` (3 µs): an import
    asks for a few terms a million times. The first use of a name keeps its term on the namespace,
    where the next ones find it without calling ``__getattr__`` at all.

    >>> ns = _Namespace("urn:x:")
    >>> ns.a is ns.a, ns.a == URIRef("urn:x:a"), ns["b"] == ns.b
    (True, True, True)
    """

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


#: The ontology's own terms (classes and properties).
AIC = _Namespace(PREFIXES["aic"])
#: The ontology document itself (its IRI, without the ``#``).
ONTOLOGY_IRI = BASE + "ontology"
#: Resources of the knowledge base, one namespace per kind so that IRIs say what they name.
ID = _Namespace(PREFIXES["aicr"])
ROLE = _Namespace(PREFIXES["role"])
SKILL = _Namespace(PREFIXES["skill"])
SRC = _Namespace(PREFIXES["src"])
GRAPH = _Namespace(PREFIXES["graph"])
#: ROME and O*NET have no IRIs of their own: theirs are minted from their codes (see iris.py).
ROME = _Namespace(PREFIXES["rome"])
ONET = _Namespace(PREFIXES["onet"])
CROSSWALK = _Namespace(PREFIXES["crosswalk"])

#: ESCO: the model's terms and its concept IRIs.
ESCO = _Namespace(PREFIXES["esco"])
ESCO_OCC = _Namespace(PREFIXES["escoocc"])
ESCO_SKILL = _Namespace(PREFIXES["escoskill"])

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
