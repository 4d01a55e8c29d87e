"""Deterministic serialisations: the same graph gives the same bytes, build after build.

No blank node is minted by the project (see :mod:`aicareers.iris`); the few the ontology holds
(OWL lists and axioms) are relabelled canonically by :func:`canonical_blank_nodes`, so N-Quads
lines can simply be sorted, and Turtle and JSON-LD come out in a stable order.

>>> from rdflib import Dataset, URIRef, Literal
>>> ds = Dataset()
>>> g = ds.graph(URIRef("urn:g"))
>>> _ = g.add((URIRef("urn:b"), URIRef("urn:p"), Literal("é")))
>>> _ = g.add((URIRef("urn:a"), URIRef("urn:p"), Literal("x")))
>>> print(to_nquads(ds).decode(), end="")
<urn:a> <urn:p> "x" <urn:g> .
<urn:b> <urn:p> "é" <urn:g> .
"""

from __future__ import annotations

import json

from rdflib import BNode, Dataset, Graph
from rdflib.compare import to_canonical_graph

from .namespaces import PREFIXES, bind_prefixes


def canonical_blank_nodes(graph: Graph) -> Graph:
    """A copy of ``graph`` whose blank nodes have labels derived from their content."""
    if not any(isinstance(term, BNode) for triple in graph for term in triple):
        return graph
    return bind_prefixes(Graph()) + to_canonical_graph(graph)


def union_graph(dataset: Dataset) -> Graph:
    """Every triple of every named graph, once, in one graph with the project's prefixes."""
    union = bind_prefixes(Graph())
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def to_nquads(dataset: Dataset) -> bytes:
    """N-Quads, one line per quad, sorted: each source's statements stay in its own graph."""
    text = dataset.serialize(format="nquads", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "".join(line + "\n" for line in lines).encode("utf-8")


def to_turtle(graph: Graph) -> bytes:
    """Turtle with the project's prefixes, subjects and predicates in sorted order."""
    return bind_prefixes(graph).serialize(format="turtle", encoding="utf-8")


def to_trig(dataset: Dataset) -> bytes:
    """TriG: one block per named graph, graphs in sorted order, each as canonical Turtle."""
    chunks = ["".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())]
    for context in sorted(dataset.graphs(), key=lambda c: str(c.identifier)):
        if len(context) == 0:
            continue
        body = to_turtle(bind_prefixes(Graph()) + context).decode("utf-8")
        body = "\n".join(line for line in body.splitlines() if not line.startswith("@prefix")).strip()
        indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
        chunks.append(f"\n{context.identifier.n3()} {{\n{indented}\n}}\n")
    return "".join(chunks).encode("utf-8")


def to_jsonld(graph: Graph) -> bytes:
    """JSON-LD compacted with the project's prefixes, nodes sorted by ``@id``, keys sorted."""
    text = graph.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    return (json.dumps(_canonical_json(json.loads(text)), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode(
        "utf-8"
    )


def _canonical_json(value, key: str | None = None):
    if isinstance(value, dict):
        return {k: _canonical_json(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical_json(v) for v in value]
        if key == "@list":  # RDF lists are ordered: keep their order
            return items
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value
