"""SHACL at scale: the project's facts with full SHACL, the bulk of ESCO with compiled SHACL.

The rdflib path validates the whole graph with pyshacl after RDFS inference. That is exact, and
fine for the project's own graph (a few thousand triples, ~2 s), but it takes about a minute and
most of a gigabyte on a full ESCO download (250,000 triples): pyshacl materialises the RDFS
closure of everything in Python. The fast path splits the same validation in two parts, which
together give the same verdict on the same graph (see the conditions below):

1. **The project's nodes, with full SHACL.** Every node that the project's own graphs mention
   (ontology, knowledge base, the sources' graphs: the set ``F``) is validated by pyshacl with RDFS
   inference, exactly as on the rdflib path, on the project's graphs plus the ESCO triples these
   nodes can see: the ESCO triples about them, the ESCO triples pointing at them through a
   property that has an ``rdfs:range`` (or all of those if a shape uses an inverse path), and the
   whole description of the ESCO nodes they point to. Only results whose focus node is in ``F``
   are counted; the others are ESCO nodes, validated by part 2.
2. **ESCO-only nodes, with SHACL compiled to SPARQL on Oxigraph.** For every other node (ESCO
   concepts that the project does not mention, i.e. nearly all of ESCO):

   - the RDFS closure of the ESCO graph is materialised in Oxigraph, in a temporary named graph
     (super-properties; types from ``rdfs:domain``, ``rdfs:range`` and ``rdfs:subClassOf``), with
     a few SPARQL updates;
   - the shapes that can target such a node are found from the classes an ESCO node can have
     after inference (its asserted classes, the domains and ranges of the ESCO predicates, their
     super-classes) and the ESCO predicates: a shape targeting anything else cannot apply;
   - each of those shapes is compiled to SPARQL queries that return the failing focus nodes:
     ``sh:minCount``, ``sh:maxCount``, qualified value shapes with their counts, ``sh:languageIn``,
     ``sh:datatype`` (``rdf:langString``, ``xsd:string``), ``sh:nodeKind``, ``sh:pattern``,
     ``sh:minLength``/``sh:maxLength``, ``sh:in``, ``sh:hasValue``, ``sh:uniqueLang`` on IRI or
     alternative paths, SPARQL-based targets and SPARQL-based constraints (run with ``$this``
     pre-bound). A filter that raises an error counts as a failure, as in SHACL.

   The importer's own row checks (well-formed IRIs, known skill and relation types, known
   endpoints of every relation) come first, at import time.

Why the split is exact: a shape's verdict on a node depends on the node's triples, its types after
RDFS inference, and the types of its values (``sh:class``); RDFS types of a node come from the
triples about it and pointing at it. Part 1 gives pyshacl all of those for every node of ``F``
(SPARQL constraints may look two hops away from a node of ``F``, no further). An ESCO-only node has
no triple outside the ESCO graph, so part 2 sees all of its data. The fast path checks, at every
build, the conditions this rests on: the ESCO graph declares no schema (no ``rdfs:subClassOf``,
``rdfs:subPropertyOf``, ``rdfs:domain``, ``rdfs:range``); no shape that can reach an ESCO-only node
targets an RDFS vocabulary class or uses a feature the compiler does not know. When one fails, the
whole graph is validated by pyshacl, as on the rdflib path (slow, exact), and the report says why.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

import pyoxigraph as ox
import pyshacl
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from ..errors import ValidationError

SH = Namespace("http://www.w3.org/ns/shacl#")
#: The temporary named graph of the RDFS closure of the ESCO graph (removed after validation).
INFERENCE_GRAPH = "urn:x-aicareers:rdfs-inference"

#: Predicates that change RDFS inference: the ESCO graph may not use them.
SCHEMA_PREDICATES = {str(RDFS.subClassOf), str(RDFS.subPropertyOf), str(RDFS.domain), str(RDFS.range)}
#: RDFS vocabulary classes (every node is an rdfs:Resource, every predicate an rdf:Property, every
#: object of rdf:type an rdfs:Class...): the RDFS closure is not materialised for them, so a shape
#: targeting one of them is not compiled.
RDFS_CLASSES = {str(RDFS.Resource), str(RDFS.Class), str(RDF.Property), str(RDFS.Literal), str(RDFS.Datatype),
                str(RDFS.ContainerMembershipProperty)}
#: The domains and ranges the RDF and RDFS vocabularies give themselves (RDF 1.1 Semantics).
AXIOMATIC_DOMAINS = {RDF.subject: RDF.Statement, RDF.predicate: RDF.Statement, RDF.object: RDF.Statement,
                     RDF.first: RDF.List, RDF.rest: RDF.List, RDFS.domain: RDF.Property, RDFS.range: RDF.Property,
                     RDFS.subPropertyOf: RDF.Property, RDFS.subClassOf: RDFS.Class}
AXIOMATIC_RANGES = {RDF.type: RDFS.Class, RDF.rest: RDF.List, RDFS.domain: RDFS.Class, RDFS.range: RDFS.Class,
                    RDFS.subPropertyOf: RDF.Property, RDFS.subClassOf: RDFS.Class, RDFS.comment: RDFS.Literal,
                    RDFS.label: RDFS.Literal}

#: Shape keys that describe rather than constrain.
_METADATA = {SH.message, SH.severity, SH.name, SH.description, SH.deactivated, SH.order, SH.group, RDFS.comment,
             RDFS.label, RDF.type, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target}
_VALUE_KEYS = {SH.languageIn, SH.datatype, SH.nodeKind, SH.pattern, SH.flags, SH.minLength, SH.maxLength, SH["in"]}
_PROPERTY_KEYS = _METADATA | _VALUE_KEYS | {SH.path, SH.minCount, SH.maxCount, SH.qualifiedValueShape,
                                             SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.hasValue, SH.uniqueLang}
_NODE_KINDS = {
    SH.IRI: "isIRI(?v)",
    SH.Literal: "isLiteral(?v)",
    SH.BlankNode: "isBlank(?v)",
    SH.BlankNodeOrIRI: "(isBlank(?v) || isIRI(?v))",
    SH.IRIOrLiteral: "(isIRI(?v) || isLiteral(?v))",
    SH.BlankNodeOrLiteral: "(isBlank(?v) || isLiteral(?v))",
}
_SIMPLE_DATATYPES = {RDF.langString, XSD.string}
#: Where the focus pattern goes in a compiled query.
_FOCUS = "%FOCUS%"


class Unsupported(Exception):
    """A shape that the compiler cannot check: the whole graph is then validated by pyshacl."""


# ------------------------------------------------------------------------------------ schema


@dataclass
class Schema:
    """The RDFS schema the inference uses: sub-class, sub-property, domain and range axioms."""

    sub_class: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    sub_property: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    domains: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    ranges: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def of(cls, graph: Graph) -> "Schema":
        schema = cls()
        for key, table in ((RDFS.subClassOf, schema.sub_class), (RDFS.subPropertyOf, schema.sub_property),
                           (RDFS.domain, schema.domains), (RDFS.range, schema.ranges)):
            for s, o in graph.subject_objects(key):
                if isinstance(s, URIRef) and isinstance(o, URIRef):
                    table[str(s)].add(str(o))
        for axioms, table in ((AXIOMATIC_DOMAINS, schema.domains), (AXIOMATIC_RANGES, schema.ranges)):
            for prop, cls in axioms.items():
                table[str(prop)].add(str(cls))
        return schema

    @staticmethod
    def _closure(table: dict[str, set[str]], start: str) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for parent in table.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def superclasses(self, cls: str) -> set[str]:
        """``cls`` and every class above it."""
        return self._closure(self.sub_class, cls)

    def superproperties(self, prop: str) -> set[str]:
        """``prop`` and every property above it."""
        return self._closure(self.sub_property, prop)

    def types_from(self, predicate: str, table: dict[str, set[str]]) -> set[str]:
        """The classes (closed upwards) a triple with ``predicate`` gives its subject (``domains``)
        or object (``ranges``)."""
        out: set[str] = set()
        for prop in self.superproperties(predicate):
            for cls in table.get(prop, ()):
                out |= self.superclasses(cls)
        return out


# ------------------------------------------------------------------------------ compiling


def _iri(term) -> str:
    return f"<{term}>"


def _sparql_string(text: str) -> str:
    escaped = (str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


def _sparql_term(term) -> str:
    if isinstance(term, URIRef):
        return _iri(term)
    if isinstance(term, Literal):
        text = _sparql_string(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype:
            return f"{text}^^<{term.datatype}>"
        return text
    raise Unsupported(f"a blank node {term} as a constant")


def _list(shapes: Graph, head) -> list:
    return list(Collection(shapes, head))


def _path(shapes: Graph, path) -> tuple[str, str]:
    """SPARQL property path and its readable form; only IRIs and alternatives of IRIs."""
    if isinstance(path, URIRef):
        return _iri(path), shapes.namespace_manager.normalizeUri(path)
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        members = _list(shapes, alternatives)
        if members and all(isinstance(m, URIRef) for m in members):
            return ("(" + "|".join(_iri(m) for m in members) + ")",
                    " | ".join(shapes.namespace_manager.normalizeUri(m) for m in members))
    raise Unsupported(f"the path {path} (only IRIs and sh:alternativePath of IRIs are compiled)")


def _value_conditions(shapes: Graph, node) -> list[tuple[str, str]]:
    """(component, SPARQL condition on ?v) for each value constraint of ``node``."""
    out = []
    languages = shapes.value(node, SH.languageIn)
    if languages is not None:
        tags = [str(t) for t in _list(shapes, languages)]
        test = " || ".join(f"langMatches(lang(?v), {_sparql_string(t)})" for t in tags) or "false"
        out.append(("LanguageInConstraintComponent", f"(isLiteral(?v) && ({test}))"))
    for datatype in shapes.objects(node, SH.datatype):
        if datatype not in _SIMPLE_DATATYPES:
            raise Unsupported(f"sh:datatype {datatype} (well-formedness is left to pyshacl)")
        out.append(("DatatypeConstraintComponent", f"(isLiteral(?v) && datatype(?v) = {_iri(datatype)})"))
    for kind in shapes.objects(node, SH.nodeKind):
        if kind not in _NODE_KINDS:
            raise Unsupported(f"sh:nodeKind {kind}")
        out.append(("NodeKindConstraintComponent", _NODE_KINDS[kind]))
    for pattern in shapes.objects(node, SH.pattern):
        flags = shapes.value(node, SH.flags)
        args = _sparql_string(pattern) + (", " + _sparql_string(flags) if flags is not None else "")
        out.append(("PatternConstraintComponent", f"(!isBlank(?v) && REGEX(STR(?v), {args}))"))
    for key, op, name in ((SH.minLength, ">=", "MinLength"), (SH.maxLength, "<=", "MaxLength")):
        for bound in shapes.objects(node, key):
            out.append((f"{name}ConstraintComponent", f"(!isBlank(?v) && STRLEN(STR(?v)) {op} {int(bound)})"))
    members = shapes.value(node, SH["in"])
    if members is not None:
        terms = ", ".join(_sparql_term(t) for t in _list(shapes, members))
        out.append(("InConstraintComponent", f"(?v IN ({terms}))"))
    return out


@dataclass
class Check:
    """One compiled constraint: a query selecting ``?this`` (and maybe ``?v``) where it fails."""

    shape: str
    component: str
    path: str | None
    message: str
    query: str
    per_focus: bool = False  # a SPARQL constraint: run once per focus node, $this pre-bound


@dataclass
class CompiledShape:
    """A node shape as queries: how to find its focus nodes, and its checks."""

    shape: str
    focus: str | None  # a SPARQL group pattern binding ?this, or None with ``focus_query``
    focus_query: str | None  # a SPARQL-based target's SELECT
    checks: list[Check]


def _message(shapes: Graph, *nodes, default: str) -> str:
    for node in nodes:
        messages = sorted(shapes.objects(node, SH.message), key=lambda m: (getattr(m, "language", None) != "en", str(m)))
        if messages:
            return str(messages[0])
    return default


def _is_violation(shapes: Graph, node) -> bool:
    severity = shapes.value(node, SH.severity)
    return severity is None or severity == SH.Violation


def _prologue(shapes: Graph, node) -> str:
    """The PREFIX declarations a SPARQL-based constraint or target declares (``sh:prefixes``)."""
    lines = []
    for owner in shapes.objects(node, SH.prefixes):
        for declaration in shapes.objects(owner, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(set(lines))) + "\n"


def _sparql_select(shapes: Graph, node) -> str:
    select = shapes.value(node, SH.select)
    if select is None:
        raise Unsupported(f"a SPARQL-based constraint or target without sh:select ({node})")
    text = str(select)
    for reserved in ("$shapesGraph", "?shapesGraph", "$currentShape", "?currentShape", "$PATH"):
        if reserved in text:
            raise Unsupported(f"{reserved} in a SPARQL-based constraint")
    return _prologue(shapes, node) + text


def _property_checks(shapes: Graph, prop, label: str, focus: str) -> list[Check]:
    if shapes.value(prop, SH.deactivated) == Literal(True) or not _is_violation(shapes, prop):
        return []
    keys = set(shapes.predicates(prop, None))
    if keys - _PROPERTY_KEYS:
        raise Unsupported(f"{', '.join(sorted(shapes.namespace_manager.normalizeUri(k) for k in keys - _PROPERTY_KEYS))} "
                          f"in a property shape of {label}")
    path, shown = _path(shapes, shapes.value(prop, SH.path))
    checks = []

    def add(component: str, query: str) -> None:
        message = _message(shapes, prop, default=f"{component} on {shown}")
        checks.append(Check(label, component, shown, message, query))

    for bound in shapes.objects(prop, SH.minCount):
        add("MinCountConstraintComponent", f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {path} ?v }} }} "
                                           f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(bound)})")
    for bound in shapes.objects(prop, SH.maxCount):
        add("MaxCountConstraintComponent", f"SELECT ?this WHERE {{ {focus} ?this {path} ?v }} "
                                           f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(bound)})")
    for component, condition in _value_conditions(shapes, prop):
        add(component, f"SELECT DISTINCT ?this ?v WHERE {{ {focus} ?this {path} ?v "
                       f"FILTER (!COALESCE({condition}, false)) }}")
    for value in shapes.objects(prop, SH.hasValue):
        add("HasValueConstraintComponent", f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {path} "
                                           f"{_sparql_term(value)} }} }}")
    if shapes.value(prop, SH.uniqueLang) == Literal(True):
        add("UniqueLangConstraintComponent", f"SELECT DISTINCT ?this WHERE {{ {focus} ?this {path} ?v . ?this {path} ?w "
                                             f"FILTER (?v != ?w && lang(?v) != \"\" && LCASE(lang(?v)) = LCASE(lang(?w))) }}")
    qualified = shapes.value(prop, SH.qualifiedValueShape)
    if qualified is not None:
        if shapes.value(prop, SH.qualifiedValueShapesDisjoint) == Literal(True):
            raise Unsupported("sh:qualifiedValueShapesDisjoint")
        extra = set(shapes.predicates(qualified, None)) - _VALUE_KEYS - {RDF.type}
        if extra:
            raise Unsupported(f"a qualified value shape with {', '.join(sorted(map(str, extra)))}")
        condition = " && ".join(c for _, c in _value_conditions(shapes, qualified)) or "true"

        def counted(op: str, bound) -> str:
            return (f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {path} ?v FILTER (COALESCE({condition}, false)) }} }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) {op} {int(bound)})")

        for bound in shapes.objects(prop, SH.qualifiedMinCount):
            add("QualifiedMinCountConstraintComponent", counted("<", bound))
        for bound in shapes.objects(prop, SH.qualifiedMaxCount):
            add("QualifiedMaxCountConstraintComponent", counted(">", bound))
    return checks


def compile_shape(shapes: Graph, shape) -> CompiledShape:
    """``shape`` as SPARQL: its focus nodes and the queries that find where it fails."""
    label = shapes.namespace_manager.normalizeUri(shape) if isinstance(shape, URIRef) else str(shape)
    patterns = []
    for cls in shapes.objects(shape, SH.targetClass):
        patterns.append(f"{{ ?this a {_iri(cls)} }}")
    for kind in (RDFS.Class, OWL.Class):
        if (shape, RDF.type, kind) in shapes:
            patterns.append(f"{{ ?this a {_iri(shape)} }}")
    for node in shapes.objects(shape, SH.targetNode):
        patterns.append(f"{{ BIND ({_sparql_term(node)} AS ?this) }}")
    for prop in shapes.objects(shape, SH.targetSubjectsOf):
        patterns.append(f"{{ ?this {_iri(prop)} ?any }}")
    for prop in shapes.objects(shape, SH.targetObjectsOf):
        patterns.append(f"{{ ?any {_iri(prop)} ?this }}")
    focus_query = None
    targets = list(shapes.objects(shape, SH.target))
    if targets:
        if len(targets) > 1 or patterns or (targets[0], RDF.type, SH.SPARQLTarget) not in shapes:
            raise Unsupported(f"the targets of {label} (one SPARQL-based target alone is compiled)")
        focus_query = _sparql_select(shapes, targets[0])
    focus = " UNION ".join(patterns) if patterns else None

    keys = set(shapes.predicates(shape, None))
    unknown = keys - _METADATA - {SH.property, SH.sparql, SH.path} - _PROPERTY_KEYS
    if unknown:
        raise Unsupported(f"{', '.join(sorted(shapes.namespace_manager.normalizeUri(k) for k in unknown))} on {label}")
    if SH.path in keys:  # a property shape with targets of its own
        props = [shape]
    else:
        if keys & (_PROPERTY_KEYS - _METADATA):
            raise Unsupported(f"node-level value constraints on {label}")
        props = list(shapes.objects(shape, SH.property))
    checks: list[Check] = []
    focus_pattern = _FOCUS
    for prop in props:
        checks += _property_checks(shapes, prop, label, focus_pattern)
    for constraint in shapes.objects(shape, SH.sparql):
        if shapes.value(constraint, SH.deactivated) == Literal(True) or not _is_violation(shapes, constraint):
            continue
        message = _message(shapes, constraint, shape, default="SPARQL constraint")
        checks.append(Check(label, "SPARQLConstraintComponent", None, message, _sparql_select(shapes, constraint),
                            per_focus=True))
    return CompiledShape(label, focus, focus_query, checks)


# ------------------------------------------------------------------------------ running


@dataclass
class Violation:
    shape: str
    component: str
    focus: str
    path: str | None
    value: str | None
    message: str

    def text(self) -> str:
        lines = [f"Constraint Violation in {self.component} (http://www.w3.org/ns/shacl#{self.component}):",
                 "\tSeverity: sh:Violation", f"\tSource Shape: {self.shape}", f"\tFocus Node: <{self.focus}>"]
        if self.value is not None:
            lines.append(f"\tValue Node: {self.value}")
        if self.path is not None:
            lines.append(f"\tResult Path: {self.path}")
        lines.append(f"\tMessage: {self.message}")
        return "\n".join(lines)


def _term_text(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def _node_key(term) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def _in_graphs(graphs: list[str], pattern: str) -> str:
    """``pattern`` matched in any of ``graphs`` (a SPARQL group pattern)."""
    return f"GRAPH ?g {{ {pattern} }} VALUES ?g {{ {' '.join(_iri(g) for g in graphs)} }}"


def entailed(triples, schema: Schema, term, is_literal, properties: set[str] | None = None, *,
             types: bool = True) -> set[tuple]:
    """The triples RDFS entails from ``triples`` that matter to SHACL, in one pass.

    For a triple ``s p o``: ``s q o`` for every super-property ``q`` of ``p`` (rule rdfs7); ``s a C``
    for every domain of ``p`` or of its super-properties, and ``o a C`` for their ranges when ``o``
    is not a literal (rdfs2, rdfs3); for ``s a C``, ``s a D`` for every super-class ``D`` (rdfs9).
    Each class comes closed upwards, so one pass is the closure. Left out: the RDFS vocabulary's
    own entailments (``rdfs:Resource``, ``rdf:Property``, axiomatic triples, the transitive
    ``rdfs:subClassOf``), which SHACL reads through ``rdfs:subClassOf*`` anyway; a shape that
    would need them is validated with OWL-RL's closure instead (:func:`_needs_full_rdfs`).

    One rule set for both parts of the split: rdflib terms (``term=URIRef``) and Oxigraph terms
    (``term=ox.NamedNode``). With ``properties``, super-property triples are made for those
    properties only (what the queries read); without ``types``, no type triples (:class:`BulkFacts`
    made them already). Returns the entailed triples, some maybe asserted.

    >>> schema = Schema()
    >>> schema.domains["urn:x:knows"].add("urn:x:Person")
    >>> schema.sub_class["urn:x:Person"].add("urn:x:Agent")
    >>> schema.sub_property["urn:x:knows"].add("urn:x:meets")
    >>> sorted(entailed([(URIRef("urn:x:a"), URIRef("urn:x:knows"), URIRef("urn:x:b"))], schema, URIRef,
    ...                 lambda o: isinstance(o, Literal)))  # doctest: +NORMALIZE_WHITESPACE
    [(rdflib.term.URIRef('urn:x:a'), rdflib.term.URIRef('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'),
      rdflib.term.URIRef('urn:x:Agent')),
     (rdflib.term.URIRef('urn:x:a'), rdflib.term.URIRef('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'),
      rdflib.term.URIRef('urn:x:Person')),
     (rdflib.term.URIRef('urn:x:a'), rdflib.term.URIRef('urn:x:meets'), rdflib.term.URIRef('urn:x:b'))]
    """
    rdf_type = term(str(RDF.type))
    rules: dict = {}  # predicate -> (super-properties, domain classes, range classes), made once per predicate
    supers_of: dict = {}  # class -> its super-classes
    out: set[tuple] = set()
    add = out.add
    for s, p, o in triples:
        rule = rules.get(p)
        if rule is None:
            supers, domain, range_ = _rule(schema, str(p.value) if hasattr(p, "value") else str(p))
            rule = rules[p] = (tuple(term(q) for q in supers if properties is None or q in properties),
                               tuple(map(term, domain)) if types else (), tuple(map(term, range_)) if types else ())
        supers, domain, range_ = rule
        for q in supers:
            add((s, q, o))
        for c in domain:
            add((s, rdf_type, c))
        if range_ and not is_literal(o):
            for c in range_:
                add((o, rdf_type, c))
        if types and p == rdf_type and not is_literal(o):
            up = supers_of.get(o)
            if up is None:
                up = supers_of[o] = tuple(map(term, _superclasses(schema, str(o.value) if hasattr(o, "value") else str(o))))
            for c in up:
                add((s, rdf_type, c))
    return out


def _rule(schema: Schema, predicate: str) -> tuple[list[str], list[str], list[str]]:
    """What a triple of ``predicate`` entails: its super-properties (rdfs7), the classes of its
    subject (rdfs2) and of its object (rdfs3), each class closed upwards (rdfs9); sorted."""
    return (sorted(schema.superproperties(predicate) - {predicate}),
            sorted(schema.types_from(predicate, schema.domains)), sorted(schema.types_from(predicate, schema.ranges)))


def _superclasses(schema: Schema, cls: str) -> list[str]:
    """The classes above ``cls`` (rdfs9), sorted."""
    return sorted(schema.superclasses(cls) - {cls})


_RDF_TYPE = str(RDF.type)
_TYPE_NT = f"<{RDF.type}>"


class BulkFacts:
    """What the validation of the frameworks' graphs needs to know of them, gathered as their lines
    are written: their predicates, their classes, and the types RDFS entails for their nodes.

    The fast path's import workers see every triple as they write its N-Quads line; noting these
    there spares the build's own process two scans of the store (1.8 s on the full frameworks) and
    reading back the 700,000 triples that entail types (5 s). The types are those of
    :func:`entailed` (the same rules: :func:`_rule`); the super-property triples, which depend on
    the shapes, are still made from the store (:func:`materialise_rdfs`). Terms are written as in
    N-Quads (``<iri>``, ``_:b``, a literal), predicates and classes as IRIs.

    >>> schema = Schema()
    >>> schema.domains["urn:x:knows"].add("urn:x:Person")
    >>> schema.sub_class["urn:x:Person"].add("urn:x:Agent")
    >>> facts = BulkFacts(schema)
    >>> facts.add("<urn:x:a>", "urn:x:knows", "<urn:x:b>", "urn:x:b")
    >>> facts.add("<urn:x:b>", str(RDF.type), "<urn:x:Agent>", "urn:x:Agent")
    >>> [line.replace(str(RDF), "rdf:") for line in facts.entailed_types()]
    ['<urn:x:a> <rdf:type> <urn:x:Agent>', '<urn:x:a> <rdf:type> <urn:x:Person>']
    >>> sorted(facts.predicates), sorted(facts.classes)
    (['http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'urn:x:knows'], ['urn:x:Agent'])
    """

    def __init__(self, schema: Schema):
        self.schema = schema
        self.predicates: set[str] = set()
        # Nodes, not triples: per triple, a node goes into a set (no string is made); the type
        # triples are written once, at the end. By the classes RDFS gives them (a domain's or a
        # range's, closed upwards), the nodes:
        self._entailed: dict[tuple[str, ...], set[str]] = {}
        self._members: dict[str, set[str]] = {}  # class IRI -> the nodes a triple says are of it
        self._rules: dict[str, tuple[set[str] | None, set[str] | None]] = {}  # predicate -> where its nodes go
        self._types: list[str] | None = None

    @property
    def classes(self) -> set[str]:
        """The classes (IRIs) the frameworks' nodes are said to be of."""
        return set(self._members)

    def _nodes_of(self, classes: list[str]) -> set[str] | None:
        if not classes:
            return None
        return self._entailed.setdefault(tuple(classes), set())

    def add(self, subject: str, predicate: str, obj: str, value: str | None) -> None:
        """Note the triple ``subject predicate obj``; ``value``: the object's IRI, or None."""
        rule = self._rules.get(predicate)
        if rule is None:
            self.predicates.add(predicate)
            _, domain, range_ = _rule(self.schema, predicate)
            rule = self._rules[predicate] = (self._nodes_of(domain), self._nodes_of(range_))
        of_domain, of_range = rule
        if of_domain is not None:
            of_domain.add(subject)
        if of_range is not None and obj[0] != '"':
            of_range.add(obj)
        if value is not None and predicate == _RDF_TYPE:
            members = self._members.get(value)
            if members is None:
                members = self._members[value] = set()
            members.add(subject)

    def update(self, other: "BulkFacts") -> None:
        """Add what ``other`` noted (another framework's graph)."""
        if self._types is not None:
            raise ValueError("the entailed types were made already")
        self.predicates |= other.predicates
        for mine, theirs in ((self._entailed, other._entailed), (self._members, other._members)):
            for key, nodes in theirs.items():
                mine.setdefault(key, set()).update(nodes)

    def __getstate__(self):  # sent back from a worker: the rules are remade where needed
        return {key: value for key, value in self.__dict__.items() if key != "_rules"}

    def __setstate__(self, state):
        self.__dict__.update(state, _rules={})

    def entailed_types(self) -> list[str]:
        """The entailed type triples (``<s> <rdf:type> <C>``) that no graph of the frameworks
        asserts, sorted: for the domains and ranges of the triples' predicates (rdfs2, rdfs3) and
        the classes above the classes asserted (rdfs9).

        Made once, when everything is noted: the sets they come from are then let go, before the
        build loads its store.
        """
        if self._types is None:
            none: frozenset[str] = frozenset()
            found: set[str] = set()
            by_class = list(self._entailed.items())
            by_class += [(tuple(_superclasses(self.schema, cls)), nodes) for cls, nodes in self._members.items()]
            for classes, nodes in by_class:
                for cls in classes:
                    typed = f" {_TYPE_NT} <{cls}>"
                    found.update(node + typed for node in nodes - self._members.get(cls, none))
            self._types = sorted(found)
            self._entailed, self._members = {}, dict.fromkeys(self._members, none)
        return self._types


def _needs_full_rdfs(shapes: Graph) -> str | None:
    """Why the shapes need OWL-RL's whole RDFS closure rather than :func:`entailed`, or None.

    They do when they mention an RDFS vocabulary class (every node is an ``rdfs:Resource``...) or,
    in a SPARQL constraint or target, the RDFS schema properties (read as asserted there).
    """
    vocabulary = {URIRef(c) for c in RDFS_CLASSES}
    for _, _, o in shapes:
        if o in vocabulary:
            return f"a shape mentions {o}"
    for key in (SH.select, SH.ask):
        for text in shapes.objects(None, key):
            for word in ("Resource", "subClassOf", "subPropertyOf", "rdf-schema#", "rdfs:Class", "rdf:Property"):
                if word in str(text):
                    return f"a SPARQL constraint or target reads {word}"
    return None


def _properties_read(queries: Iterable[str]) -> set[str] | None:
    """The properties the SPARQL ``queries`` match triples of, or None when one has a variable there.

    >>> sorted(_properties_read(["SELECT ?x WHERE { ?x a ?c ; <urn:p>/<urn:q>* ?y }"]))
    ['http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'urn:p', 'urn:q']
    >>> _properties_read(["SELECT ?x WHERE { ?x ?p ?y }"]) is None
    True
    """
    from rdflib.paths import Path as PropertyPath
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.term import Variable

    found: set[str] = set()

    def path_iris(path) -> bool:
        if isinstance(path, URIRef):
            found.add(str(path))
            return True
        if isinstance(path, PropertyPath):
            parts = [getattr(path, name) for name in ("args", "path", "arg") if hasattr(path, name)]
            flat = [x for part in parts for x in (part if isinstance(part, (list, tuple)) else [part])]
            return all(path_iris(x) for x in flat)
        return False  # a variable: any property

    def walk(node) -> bool:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "triples":
                    if not all(path_iris(t[1]) for t in value if isinstance(t, tuple) and len(t) == 3):
                        return False
                elif not walk(value):
                    return False
        elif isinstance(node, (list, tuple)) and not isinstance(node, (str, Variable)):
            return all(walk(x) for x in node)
        return True

    for text in queries:
        if not walk(prepareQuery(text.replace(_FOCUS, "{ }")).algebra):
            return None
    return found


def materialise_rdfs(store: ox.Store, bulk_graphs: list[str], schema: Schema, predicates: set[str],
                     compiled: list[CompiledShape], types: list[str] | None = None) -> None:
    """Write the RDFS closure of the ``bulk_graphs`` (what it adds to them) into :data:`INFERENCE_GRAPH`.

    Only what the ``compiled`` shapes' queries can read: the types, and super-property triples of
    the properties they match (all of them if one matches a variable property). Entailed in Python
    (:func:`entailed`) from the triples of the predicates that entail something, less the types
    already asserted, then bulk-loaded: a SPARQL update per rule took 17 s on the full frameworks.
    ``types``: the entailed types, if made already (:meth:`BulkFacts.entailed_types`); then only
    the super-property triples are read from the store.
    """
    texts = [q for shape in compiled for q in ([shape.focus_query] if shape.focus_query else [])
             + [c.query.replace(_FOCUS, "{ " + (shape.focus or "") + " }") for c in shape.checks]]
    read = _properties_read(texts)
    rdf_type = str(RDF.type)

    def entails(p: str) -> bool:
        supers = schema.superproperties(p) - {p}
        return ((types is None and (p == rdf_type or bool(schema.types_from(p, schema.domains)
                                                          | schema.types_from(p, schema.ranges))))
                or bool(supers if read is None else supers & read))

    graphs = [ox.NamedNode(g) for g in bulk_graphs]
    chosen = [ox.NamedNode(p) for p in sorted(predicates) if entails(p)]
    asserted: set[tuple] = set()
    type_node = ox.NamedNode(rdf_type)

    def triples():
        for graph in graphs:
            for p in chosen:
                for quad in store.quads_for_pattern(None, p, None, graph):
                    if p == type_node:
                        asserted.add((quad.subject, type_node, quad.object))
                    yield quad.subject, p, quad.object

    found = entailed(triples(), schema, ox.NamedNode, lambda o: isinstance(o, ox.Literal), read,
                     types=types is None)
    found -= asserted
    inferred = ox.NamedNode(INFERENCE_GRAPH)
    store.bulk_extend(ox.Quad(s, p, o, inferred) for s, p, o in found)
    if types:
        tail = f" <{INFERENCE_GRAPH}> .\n"
        store.bulk_load("".join(line + tail for line in types).encode("utf-8"), format=ox.RdfFormat.N_QUADS)


def run_compiled(store: ox.Store, compiled: CompiledShape, exclude: set[str], limit: int = 1000) -> list[Violation]:
    """The violations of ``compiled`` whose focus node is not in ``exclude``."""
    out: list[Violation] = []
    focus = compiled.focus
    focus_nodes = None
    if compiled.focus_query is not None:
        focus_nodes = [row["this"] for row in store.query(compiled.focus_query, use_default_graph_as_union=True)
                       if row["this"] is not None and _node_key(row["this"]) not in exclude]
        if not focus_nodes:
            return []
        focus = "VALUES ?this { " + " ".join(_term_text(n) for n in focus_nodes) + " }"
    for check in compiled.checks:
        if check.per_focus:
            if focus_nodes is None:
                query = f"SELECT DISTINCT ?this WHERE {{ {focus} }}"
                focus_nodes = [row["this"] for row in store.query(query, use_default_graph_as_union=True)
                               if _node_key(row["this"]) not in exclude]
            for node in focus_nodes:
                for row in store.query(check.query, use_default_graph_as_union=True,
                                       substitutions={ox.Variable("this"): node}):
                    out.append(Violation(check.shape, check.component, _node_key(node), None, None,
                                         _fill(check.message, row)))
                    if len(out) >= limit:
                        return out
            continue
        query = check.query.replace(_FOCUS, "{ " + focus + " }")
        for row in store.query(query, use_default_graph_as_union=True):
            node = row["this"]
            if node is None or _node_key(node) in exclude:
                continue
            value = None
            try:
                value = row["v"]
            except (KeyError, IndexError, ValueError):
                pass
            out.append(Violation(check.shape, check.component, _node_key(node), check.path,
                                 None if value is None else _term_text(value), check.message))
            if len(out) >= limit:
                return out
    return out


def _fill(message: str, row) -> str:
    """A SPARQL constraint's message with its ``{?var}`` / ``{$var}`` holes filled from the row."""

    def value(match):
        try:
            term = row[match.group(1)]
        except (KeyError, IndexError, ValueError):
            return match.group(0)
        return match.group(0) if term is None else _term_text(term)

    return re.sub(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}", value, message)


# ------------------------------------------------------------------------------ the split


@dataclass
class SplitReport:
    """What the split validation did (for the build report and the benchmark)."""

    project_focus_nodes: int = 0
    esco_triples_seen_by_pyshacl: int = 0
    compiled_shapes: list[str] = field(default_factory=list)
    fallback: str | None = None


def _rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _nodes(graph: Graph) -> set[str]:
    out = set()
    for s, _, o in graph:
        out.add(str(s) if isinstance(s, URIRef) else f"_:{s}")
        if isinstance(o, URIRef):
            out.add(str(o))
        elif isinstance(o, BNode):
            out.add(f"_:{o}")
    return out


def _uses_inverse_paths(shapes: Graph) -> bool:
    return any(True for _ in shapes.subject_objects(SH.inversePath))


def _bulk_context(store: ox.Store, bulk: list[ox.NamedNode], nodes: set[str], schema: Schema, predicates: set[str],
                  all_incoming: bool) -> list[tuple]:
    """The ESCO triples (rdflib terms) the project's nodes can see (see the module's documentation).

    The triples about each node of ``nodes``, then the whole description of the ESCO nodes they
    point to; of the ESCO triples pointing at a node, only what RDFS infers from them (the
    ``rdfs:range`` types) unless ``all_incoming`` (a shape follows an inverse path).
    """
    out, second = [], set()
    ranged = {p: sorted(schema.types_from(p, schema.ranges)) for p in sorted(predicates)}
    ranged = {p: classes for p, classes in ranged.items() if classes}
    rdf_type = URIRef(str(RDF.type))
    for key in nodes:
        if key.startswith("_:"):
            continue
        node = ox.NamedNode(key)
        for graph in bulk:
            for quad in store.quads_for_pattern(node, None, None, graph):
                out.append(quad)
                if not isinstance(quad.object, ox.Literal) and _node_key(quad.object) not in nodes:
                    second.add(quad.object)
        if all_incoming:
            for graph in bulk:
                out.extend(store.quads_for_pattern(None, None, node, graph))
            continue
        # the predicates pointing at the node, read once: asking for each ranged predicate in
        # turn made 400,000 calls on the full frameworks, nearly all of them answered "none"
        incoming = {quad.predicate.value for graph in bulk for quad in store.quads_for_pattern(None, None, node, graph)}
        for predicate in sorted(incoming & ranged.keys()):
            out.extend((URIRef(key), rdf_type, URIRef(cls)) for cls in ranged[predicate])
    for node in second:
        for graph in bulk:
            out.extend(store.quads_for_pattern(node, None, None, graph))
    return [item if isinstance(item, tuple) else
            (_rdflib_term(item.subject), _rdflib_term(item.predicate), _rdflib_term(item.object)) for item in out]


def validate_split(
    own: Graph,
    store: ox.Store,
    bulk_graphs: str | list[str],
    *,
    shapes: Graph,
    ontology: Graph,
    facts: BulkFacts | None = None,
) -> SplitReport:
    """Validate the union of ``own`` (the project's graphs, rdflib) and the bulk graphs of ``store``.

    ``store`` holds every graph (the project's too); ``bulk_graphs`` names the frameworks' graphs
    (ESCO, ROME, O*NET: what the module's documentation calls "ESCO"). ``facts``: what the import
    noted of every triple of the bulk graphs with the schema of ``own`` (:class:`BulkFacts`), if
    it did; else it is read from the store. Raises :class:`~aicareers.errors.ValidationError`
    with the report when the graph does not conform.
    """
    split = SplitReport()
    bulk_graphs = [bulk_graphs] if isinstance(bulk_graphs, str) else sorted(bulk_graphs)
    bulk = [ox.NamedNode(g) for g in bulk_graphs]
    nodes = _nodes(own)
    schema = Schema.of(own)
    if facts is not None and facts.schema != schema:
        facts = None  # noted with another ontology: its types are not this one's
    if facts is not None:
        predicates, classes = facts.predicates, facts.classes
    else:
        predicates = {row["p"].value for row in store.query(
            f"SELECT DISTINCT ?p WHERE {{ {_in_graphs(bulk_graphs, '?s ?p ?o')} }}")}
        classes = {row["c"].value for row in store.query(
            f"SELECT DISTINCT ?c WHERE {{ {_in_graphs(bulk_graphs, '?s a ?c')} FILTER (isIRI(?c)) }}")}

    # ------------------------------------------------------------ 1. the project's nodes
    context = _bulk_context(store, bulk, nodes, schema, predicates, _uses_inverse_paths(shapes))
    data = Graph()
    for triple in own:
        data.add(triple)
    for triple in context:
        data.add(triple)
    split.esco_triples_seen_by_pyshacl = len(context)
    full_rdfs = _needs_full_rdfs(shapes)
    if full_rdfs is None:
        # The same RDFS entailments as part 2, made in one pass: OWL-RL's closure took 17 s here.
        for triple in entailed(list(data) + list(ontology), schema, URIRef, lambda o: isinstance(o, Literal)):
            data.add(triple)
    _, results, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs" if full_rdfs else "none", advanced=True,
        allow_warnings=True, inplace=True,
    )  # fmt: skip
    failing = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus = results.value(result, SH.focusNode)
        key = str(focus) if isinstance(focus, URIRef) else f"_:{focus}"
        if isinstance(focus, BNode) or key in nodes:
            failing.add(key)
    split.project_focus_nodes = len(nodes)
    if failing:
        raise ValidationError(str(text))

    # ------------------------------------------------------------ 2. ESCO-only nodes
    try:
        if predicates & SCHEMA_PREDICATES:
            raise Unsupported("the ESCO graph declares RDFS schema triples")
        # After RDFS inference every node is an rdfs:Resource and every predicate an rdf:Property.
        reachable = {str(RDFS.Resource), str(RDF.Property)}
        for cls in classes:
            reachable |= schema.superclasses(cls)
        for p in predicates:
            reachable |= schema.types_from(p, schema.domains) | schema.types_from(p, schema.ranges)
        super_predicates = set()
        for p in predicates:
            super_predicates |= schema.superproperties(p)
        compiled = []
        for shape in sorted(_shapes_reaching(shapes, reachable, super_predicates), key=str):
            compiled.append(compile_shape(shapes, shape))
    except Unsupported as reason:
        split.fallback = str(reason)
        return split
    try:
        materialise_rdfs(store, bulk_graphs, schema, predicates, compiled,
                         None if facts is None else facts.entailed_types())
        violations: list[Violation] = []
        for shape in compiled:
            violations += run_compiled(store, shape, nodes)
            split.compiled_shapes.append(shape.shape)
    finally:
        store.remove_graph(ox.NamedNode(INFERENCE_GRAPH))
    if violations:
        shown = violations[:200]
        lines = ["Validation Report", "Conforms: False", f"Results ({len(violations)}{'+' if len(violations) >= 1000 else ''}):"]
        lines += [v.text() for v in shown]
        if len(violations) > len(shown):
            lines.append(f"... and {len(violations) - len(shown)} more")
        raise ValidationError("\n".join(lines))
    return split


def _shapes_reaching(shapes: Graph, classes: set[str], predicates: set[str]) -> Iterable:
    """The shapes (not deactivated) that can have a focus node with these classes and predicates."""
    found = set()
    for shape, cls in shapes.subject_objects(SH.targetClass):
        if str(cls) in classes:
            if str(cls) in RDFS_CLASSES:
                raise Unsupported(f"a shape targets {cls}")
            found.add(shape)
    for kind in (RDFS.Class, OWL.Class):
        for shape in shapes.subjects(RDF.type, kind):
            if str(shape) in classes and (set(shapes.predicates(shape, None)) & {SH.property, SH.sparql, SH.path}):
                found.add(shape)
    for key in (SH.targetSubjectsOf, SH.targetObjectsOf):
        for shape, prop in shapes.subject_objects(key):
            if str(prop) in predicates:
                found.add(shape)
    for shape, _ in shapes.subject_objects(SH.targetNode):
        found.add(shape)  # the node may be an ESCO one: compiled, the query tells
    for shape, _ in shapes.subject_objects(SH.target):
        found.add(shape)
    return [s for s in found if shapes.value(s, SH.deactivated) != Literal(True)]


def validate_full(graph: Graph, *, shapes: Graph, ontology: Graph) -> None:
    """The exact, slow path: pyshacl with RDFS inference on the whole graph."""
    from ..validate import check_graph

    check_graph(graph, shapes=shapes, ontology=ontology)
