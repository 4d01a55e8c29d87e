"""The outputs of a build at scale, rendered from sorted N-Quads lines.

The fast path keeps the whole dataset as N-Quads lines (text), each written exactly as rdflib's
N-Quads serialiser writes it, so that ``ai-careers.nq`` is the same bytes whichever path built it.
Every other format is derived from those lines, without building an rdflib graph:

- ``ai-careers.nq``: the lines, sorted and unique (what :func:`aicareers.serialize.to_nquads` makes);
- ``ai-careers.ttl``: the union graph's triples, sorted, through Oxigraph's Turtle serialiser,
  which groups consecutive triples of one subject (and predicate): sorted input gives
  deterministic output; the ``@prefix`` block is the project's, in :data:`PREFIXES` order;
- ``ai-careers.trig``: the quads sorted by graph, then as above, through Oxigraph's TriG serialiser;
- ``ai-careers.jsonld``: written here, streaming over the sorted triples: one node object per
  subject with compact IRIs (the project's prefixes), every property an array, keys sorted.

The Turtle, TriG and JSON-LD bytes differ from those of the rdflib path (another serialiser), but
they hold the same graph and are byte-identical from one build to the next.

>>> from rdflib import Literal, URIRef
>>> quad_line(URIRef("urn:a"), URIRef("urn:p"), Literal('say "hi"\\n', lang="en"), URIRef("urn:g"))
'<urn:a> <urn:p> "say \\\\"hi\\\\"\\\\n"@en <urn:g> .'
>>> lines = sorted_unique([quad_line(URIRef("urn:b"), URIRef("urn:p"), Literal("x"), URIRef("urn:g")),
...                        quad_line(URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b"), URIRef("urn:g"))])
>>> print(turtle_from_lines(lines, {"ex": "urn:x:"}).decode(), end="")
@prefix ex: <urn:x:> .
<BLANKLINE>
<urn:a> <urn:p> <urn:b> .
<urn:b> <urn:p> "x" .
"""

from __future__ import annotations

import json
from typing import Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..namespaces import PREFIXES

__all__ = [
    "term_nt",
    "quad_line",
    "sorted_unique",
    "split_graph",
    "union_lines",
    "lines_bytes",
    "nquads_from_lines",
    "turtle_from_lines",
    "trig_from_lines",
    "jsonld_from_lines",
]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _quote(text: str) -> str:
    # Exactly what rdflib's N-Triples/N-Quads serialisers escape, in the same order.
    return '"%s"' % text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")


def term_nt(term) -> str:
    """An rdflib term as rdflib's N-Quads serialiser writes it.

    >>> term_nt(URIRef("urn:x")), term_nt(Literal("1.50", datatype=URIRef("urn:dt"))), term_nt(BNode("b1"))
    ('<urn:x>', '"1.50"^^<urn:dt>', '_:b1')
    """
    if isinstance(term, Literal):
        if term.language:
            return "%s@%s" % (_quote(str(term)), term.language)
        if term.datatype:
            return "%s^^<%s>" % (_quote(str(term)), term.datatype)
        return _quote(str(term))
    return term.n3()  # URIRef (checked by rdflib) or BNode


def quad_line(s, p, o, g) -> str:
    """One N-Quads line (without its line break), as in rdflib's output."""
    graph = "" if g is None or g == DATASET_DEFAULT_GRAPH_ID else term_nt(g)
    return f"{term_nt(s)} {term_nt(p)} {term_nt(o)} {graph} ."


def sorted_unique(lines: Iterable[str]) -> list[str]:
    """The lines, each once, in code-point order (the order of :func:`aicareers.serialize.to_nquads`).

    Sorted, then repeats dropped: lines made of sorted runs (one per framework) sort in a few
    merges, where a set would scatter them first.

    >>> sorted_unique(["b", "a", "b", "c", "a"])
    ['a', 'b', 'c']
    """
    ordered = sorted(lines)
    return [line for i, line in enumerate(ordered) if i == 0 or line != ordered[i - 1]]


def split_graph(line: str) -> tuple[str, str]:
    """``(triple part, graph term)`` of an N-Quads line; the graph is ``""`` for the default graph.

    >>> split_graph('<urn:a> <urn:p> "x y" <urn:g> .')
    ('<urn:a> <urn:p> "x y"', '<urn:g>')
    """
    body, _, graph = line[:-2].rpartition(" ")  # graph names hold no space; a literal may
    if not graph:  # the default graph: "s p o  ."
        return body.rstrip(), ""
    return body, graph


def union_lines(lines: Iterable[str]) -> list[str]:
    """The union graph's triples (the graph names dropped), as sorted unique N-Triples lines."""
    return sorted({split_graph(line)[0] + " ." for line in lines})


def lines_bytes(lines: Iterable[str]) -> bytes:
    """The lines joined with line breaks, as UTF-8."""
    return "".join(line + "\n" for line in lines).encode("utf-8")


def nquads_from_lines(lines: list[str]) -> bytes:
    """``ai-careers.nq``: ``lines`` must be sorted and unique (see :func:`sorted_unique`)."""
    return lines_bytes(lines)


def _prefix_block(prefixes: Mapping[str, str]) -> str:
    return "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in prefixes.items())


def _without_prefixes(text: str) -> str:
    """Oxigraph's output without its ``@prefix`` lines (their order is Oxigraph's, not ours)."""
    kept = [line for line in text.split("\n") if not line.startswith("@prefix ")]
    return "\n".join(kept).lstrip("\n")


def turtle_from_lines(lines: list[str], prefixes: Mapping[str, str] = PREFIXES, *, union: list[str] | None = None) -> bytes:
    """``ai-careers.ttl``: the union graph of the (sorted) N-Quads ``lines``, in Turtle.

    ``union``: :func:`union_lines` of ``lines``, if the caller has it already.
    """
    triples = lines_bytes(union if union is not None else union_lines(lines))
    parsed = (quad.triple for quad in ox.parse(triples, format=ox.RdfFormat.N_TRIPLES))
    body = ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=dict(prefixes)).decode("utf-8")
    return (_prefix_block(prefixes) + "\n" + _without_prefixes(body)).encode("utf-8")


def trig_from_lines(lines: list[str], prefixes: Mapping[str, str] = PREFIXES) -> bytes:
    """``ai-careers.trig``: the quads of ``lines``, one block per named graph, graphs in sorted order."""
    by_graph = sorted(lines, key=lambda line: (split_graph(line)[1], line))
    parsed = ox.parse(lines_bytes(by_graph), format=ox.RdfFormat.N_QUADS)
    body = ox.serialize(parsed, format=ox.RdfFormat.TRIG, prefixes=dict(prefixes)).decode("utf-8")
    return (_prefix_block(prefixes) + "\n" + _without_prefixes(body)).encode("utf-8")


class _Compactor:
    """IRI -> compact IRI with the longest matching prefix (JSON-LD 1.1 rules kept)."""

    def __init__(self, prefixes: Mapping[str, str]):
        self.by_length = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        found = self.cache.get(iri)
        if found is None:
            found = iri
            for prefix, namespace in self.by_length:
                if iri.startswith(namespace):
                    local = iri[len(namespace):]
                    # "p:" alone, or "p://x", would not expand back to this IRI.
                    if local and not local.startswith("//"):
                        found = f"{prefix}:{local}"
                        break
            if len(self.cache) < 200_000:
                self.cache[iri] = found
        return found


def _node_id(term, compact: _Compactor) -> str:
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return compact(term.value)


def jsonld_from_lines(lines: list[str], prefixes: Mapping[str, str] = PREFIXES, *, union: list[str] | None = None) -> bytes:
    """``ai-careers.jsonld``: the union graph of ``lines`` as JSON-LD with the project's prefixes.

    One node object per subject, in the order of the sorted triples, each on one line (keys
    sorted); ``@type`` and every property an array of values in that order; literals as
    ``@value`` objects (with ``@language`` or a compact ``@type``; none for ``xsd:string``).
    Written node by node: the whole document is never held as Python objects.

    >>> from rdflib import Literal, URIRef
    >>> a = [quad_line(URIRef("urn:x:a"), URIRef(RDF_TYPE), URIRef("urn:x:C"), URIRef("urn:g")),
    ...      quad_line(URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("é", lang="fr"), URIRef("urn:g")),
    ...      quad_line(URIRef("urn:x:b"), URIRef("urn:x:p"), URIRef("urn:x:a"), URIRef("urn:g"))]
    >>> print(jsonld_from_lines(sorted(a), {"ex": "urn:x:"}).decode(), end="")
    {
     "@context": {"ex": "urn:x:"},
     "@graph": [
      {"@id": "ex:a", "@type": ["ex:C"], "ex:p": [{"@language": "fr", "@value": "é"}]},
      {"@id": "ex:b", "ex:p": [{"@id": "ex:a"}]}
     ]
    }
    """
    compact = _Compactor(prefixes)
    dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    chunks = ["{\n", ' "@context": ', dumps(dict(prefixes)), ",\n", ' "@graph": [']
    node: dict | None = None
    current = None
    separator = "\n  "
    triples = lines_bytes(union if union is not None else union_lines(lines))
    for quad in ox.parse(triples, format=ox.RdfFormat.N_TRIPLES):
        subject, predicate, obj = quad.subject, quad.predicate.value, quad.object
        if subject != current:
            if node is not None:
                chunks += (separator, dumps(node))
                separator = ",\n  "
            current = subject
            node = {"@id": _node_id(subject, compact)}
        if isinstance(obj, ox.Literal):
            value: dict = {"@value": obj.value}
            if obj.language:
                value["@language"] = obj.language
            elif obj.datatype.value != XSD_STRING:
                value["@type"] = compact(obj.datatype.value)
            node.setdefault(compact(predicate), []).append(value)
        elif predicate == RDF_TYPE:
            node.setdefault("@type", []).append(_node_id(obj, compact))
        else:
            node.setdefault(compact(predicate), []).append({"@id": _node_id(obj, compact)})
    if node is not None:
        chunks += (separator, dumps(node))
    chunks.append("\n ]\n}\n")
    return "".join(chunks).encode("utf-8")
