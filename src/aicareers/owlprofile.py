"""A partial OWL 2 DL check of an RDF graph, in Python and offline: what tools would otherwise guess.

The OWL API (Java) checks the whole OWL 2 DL profile; it is not run here (it would have to be
fetched, and the tests run offline). This module checks the rules the ontology broke before
(issue 16), on the RDF graph itself:

- every IRI used as a property (or named in a property axiom) is declared with one kind: object, datatype or annotation property
  (OWL's built-in annotation properties excepted), and no IRI has two kinds;
- every IRI used as a class (the object of ``rdf:type``, ``rdfs:subClassOf``, a domain or a
  range) is declared ``owl:Class``;
- a datatype property's range and values are in OWL 2's datatype map (no ``rdf:langString``,
  ``xsd:gYear`` or ``xsd:duration``), an object property's values are nodes, a datatype
  property's values are literals;
- the reserved vocabulary (``rdf:``, ``rdfs:``, ``owl:``, ``xsd:``) is not used as a property
  or class of the data, beyond what OWL's mapping to RDF uses.

:func:`violations` returns the broken rules as sorted lines; an empty list is a pass.

>>> from rdflib import Graph
>>> g = Graph().parse(data='''
... @prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix ex: <https://example.org/> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
... ex:name a owl:DatatypeProperty ; rdfs:range rdf:langString .
... ex:Role a owl:Class . ex:r a ex:Role ; ex:name "x"@en ; ex:knows ex:s .
... ''', format="turtle")
>>> for line in violations(g):
...     print(line)
datatype property outside OWL 2's datatype map: <https://example.org/name> rdfs:range <http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>
undeclared property: <https://example.org/knows>
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

__all__ = ["DATATYPE_MAP", "violations"]

_XSD = ("anyURI base64Binary boolean byte dateTime dateTimeStamp decimal double float hexBinary int integer "
        "language long Name NCName negativeInteger NMTOKEN nonNegativeInteger nonPositiveInteger "
        "normalizedString positiveInteger short string token unsignedByte unsignedInt unsignedLong "
        "unsignedShort").split()
#: OWL 2's datatype map (OWL 2 Structural Specification, section 4): what every reasoner reads.
DATATYPE_MAP = frozenset({XSD[name] for name in _XSD} | {RDF.PlainLiteral, RDF.XMLLiteral, RDFS.Literal,
                                                         OWL.real, OWL.rational})
#: Annotation properties OWL 2 declares itself.
BUILT_IN_ANNOTATIONS = frozenset({RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, OWL.versionInfo,
                                  OWL.deprecated, OWL.backwardCompatibleWith, OWL.incompatibleWith,
                                  OWL.priorVersion})
_KINDS = {OWL.ObjectProperty: "object", OWL.DatatypeProperty: "datatype", OWL.AnnotationProperty: "annotation"}
_RESERVED = (str(RDF), str(RDFS), str(OWL), str(XSD))


def _is_reserved(term) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(_RESERVED)


def violations(graph: Graph, *, allowed_reserved: frozenset = frozenset()) -> list[str]:
    """The broken rules of the module's list, one line each, sorted (empty: the graph passes).

    ``allowed_reserved``: reserved-vocabulary terms the caller knows it uses outside OWL (the
    built graph's reified statements: ``rdf:subject``, ``rdf:predicate``, ``rdf:object``,
    ``rdf:Statement``), reported elsewhere rather than here.
    """
    found: set[str] = set()
    kinds: dict[URIRef, set[str]] = {}
    for kind, name in _KINDS.items():
        for prop in graph.subjects(RDF.type, kind):
            kinds.setdefault(prop, set()).add(name)
    classes = set(graph.subjects(RDF.type, OWL.Class)) | {OWL.Thing, OWL.Nothing, RDFS.Literal}
    for prop, names in kinds.items():
        if len(names) > 1:
            found.add(f"property with two kinds ({', '.join(sorted(names))}): {prop.n3()}")

    def check_class(term, where: str) -> None:
        if isinstance(term, URIRef) and term not in classes and term not in allowed_reserved and term not in DATATYPE_MAP:
            found.add(f"undeclared class: {term.n3()} ({where})")

    for s, p, o in graph:
        if _is_reserved(p):
            if p == RDF.type and not _is_reserved(o):
                check_class(o, "rdf:type")
            elif p in (RDFS.subClassOf, OWL.equivalentClass, OWL.disjointWith):
                check_class(s, "axiom")
                check_class(o, "axiom")
            elif p in (RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentProperty):
                for term in (s, o):
                    if isinstance(term, URIRef) and term not in kinds and term not in BUILT_IN_ANNOTATIONS:
                        found.add(f"undeclared property: {term.n3()} (axiom)")
            elif p == RDFS.domain or (p == RDFS.range and "datatype" not in kinds.get(s, ())):
                check_class(o, "domain or range")  # a datatype property's range is checked below
            elif p in allowed_reserved:
                pass
            elif p not in BUILT_IN_ANNOTATIONS and not str(p).startswith(str(OWL)) and p not in (
                    RDF.type, RDF.first, RDF.rest, RDFS.subPropertyOf, RDFS.domain, RDFS.range):
                found.add(f"reserved vocabulary used as a property: {p.n3()}")
            if p == RDF.type and _is_reserved(o) and o not in allowed_reserved and not str(o).startswith(str(OWL)) \
                    and o != RDFS.Datatype:
                found.add(f"reserved vocabulary used as a class: {o.n3()}")
            continue
        declared = kinds.get(p)
        if not declared:
            found.add(f"undeclared property: {p.n3()}")
        elif declared == {"object"} and isinstance(o, Literal):
            found.add(f"object property with a literal value: {p.n3()}")
        elif declared == {"datatype"}:
            if not isinstance(o, Literal):
                found.add(f"datatype property with a node value: {p.n3()}")
            elif o.datatype is not None and o.datatype not in DATATYPE_MAP:
                found.add(f"datatype outside OWL 2's datatype map: {p.n3()} {o.datatype.n3()}")
    for prop in (p for p, names in kinds.items() if names == {"datatype"}):
        for datatype in graph.objects(prop, RDFS.range):
            if isinstance(datatype, URIRef) and datatype not in DATATYPE_MAP:
                found.add(f"datatype property outside OWL 2's datatype map: {prop.n3()} rdfs:range {datatype.n3()}")
    return sorted(found)
