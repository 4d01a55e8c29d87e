"""The outputs of a build at scale, rendered from sorted N-Quads lines.

The fast path keeps the whole dataset as N-Quads lines (text), each written exactly as rdflib's
N-Quads serialiser writes it, so that ``ai-careers.nq`` is the same bytes whichever path built it.
Every other format is derived from those lines, without building an rdflib graph:

- ``ai-careers.nq``: the lines, sorted and unique (what :func:`aicareers.serialize.to_nquads` makes);
- ``ai-careers.ttl``: the union graph's triples, sorted, one statement per subject (``;`` between
  its predicates, ``,`` between objects), IRIs as the project's prefixed names where they allow;
  the ``@prefix`` block is the project's, in :data:`PREFIXES` order;
- ``ai-careers.trig``: the quads sorted by graph, one block per graph, each block as above;
- ``ai-careers.jsonld``: written here, streaming over the sorted triples: one node object per
  subject with compact IRIs (the project's prefixes), every property an array, keys sorted.

All are written from the lines' text, never parsed into terms. The Turtle, TriG and JSON-LD
bytes differ from those of the rdflib path (another serialiser), but they hold the same graph and
are byte-identical from one build to the next.

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
import re
from typing import Iterable, Mapping

from rdflib import Literal
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
_RDF_TYPE_NT = f"<{RDF_TYPE}>"


def _quote(text: str) -> str:
    # Exactly what rdflib's N-Triples/N-Quads serialisers escape, in the same order.
    return '"%s"' % text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")


def term_nt(term) -> str:
    """An rdflib term as rdflib's N-Quads serialiser writes it.

    >>> from rdflib import BNode, URIRef
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
    """The union graph's triples (the graph names dropped), as sorted unique N-Triples lines.

    ``lines`` sorted and unique (:func:`sorted_unique`). The quads of one triple are then next to
    each other, and the triples come in their own sorted order: a line is its triple, a space and
    the rest, and no other triple starts with a triple and a space. So one pass drops the graph
    names and the repeats: sorting a set of 1.4 million triples again took 4 s.

    >>> union_lines(['<urn:a> <urn:p> "x y" <urn:g> .', '<urn:a> <urn:p> "x" <urn:g> .',
    ...              '<urn:a> <urn:p> "x" <urn:h> .'])
    ['<urn:a> <urn:p> "x y" .', '<urn:a> <urn:p> "x" .']
    """
    out: list[str] = []
    append = out.append
    previous = None
    for line in lines:
        body = split_graph(line)[0]
        if body != previous:
            append(body + " .")
            previous = body
    return out


def lines_bytes(lines: Iterable[str]) -> bytes:
    """The lines, each ended by a line break, as UTF-8.

    Each line encoded, then the bytes joined: joined first, the text of a few accented lines is
    held two bytes a character (570 MB for the full frameworks' 290 MB) before it is encoded.

    >>> lines_bytes(["a", "é"]), lines_bytes([])
    (b'a\\n\\xc3\\xa9\\n', b'')
    """
    encoded = [line.encode("utf-8") for line in lines]
    if not encoded:
        return b""
    encoded.append(b"")  # the last line's break
    return b"\n".join(encoded)


def nquads_from_lines(lines: list[str]) -> bytes:
    """``ai-careers.nq``: ``lines`` must be sorted and unique (see :func:`sorted_unique`)."""
    return lines_bytes(lines)


def _prefix_block(prefixes: Mapping[str, str]) -> str:
    return "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in prefixes.items())


#: A local name Turtle reads as written after a prefix (a safe part of PN_LOCAL: no escapes, no
#: final dot); an IRI whose rest is not one is written in full.
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_:](?:[A-Za-z0-9_.:-]*[A-Za-z0-9_:-])?\Z")
#: Literals Turtle writes bare: their lexical form is the shorthand's own syntax.
_SHORTHANDS = {
    "http://www.w3.org/2001/XMLSchema#integer": re.compile(r"[+-]?[0-9]+\Z"),
    "http://www.w3.org/2001/XMLSchema#decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+\Z"),
    "http://www.w3.org/2001/XMLSchema#boolean": re.compile(r"(?:true|false)\Z"),
}


class _TurtleTerms:
    """Terms of N-Quads lines as Turtle writes them: an IRI as a prefixed name when one of the
    prefixes gives it a plain local name (the longest prefix), ``a`` for ``rdf:type`` as a
    predicate, integers, decimals and booleans bare; the rest as N-Quads writes it (its escapes
    are Turtle's too).

    >>> terms = _TurtleTerms({"ex": "urn:x:", "xsd": "http://www.w3.org/2001/XMLSchema#"})
    >>> terms("<urn:x:a-b>"), terms("<urn:x:a.>"), terms("<urn:y:a>"), terms("_:b1")
    ('ex:a-b', '<urn:x:a.>', '<urn:y:a>', '_:b1')
    >>> terms('"1"^^<http://www.w3.org/2001/XMLSchema#integer>'), terms('"1.5e3"^^<http://www.w3.org/2001/XMLSchema#double>')
    ('1', '"1.5e3"^^xsd:double')
    >>> terms('"a \\\\"b\\\\""@fr'), terms.predicate("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>")
    ('"a \\\\"b\\\\""@fr', 'a')
    """

    def __init__(self, prefixes: Mapping[str, str]):
        self.by_length = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))
        self.iris: dict[str, str] = {}
        self.predicates: dict[str, str] = {f"<{RDF_TYPE}>": "a"}

    def iri(self, term: str) -> str:
        """``term`` (``<iri>``) as a prefixed name, or as it is."""
        found = self.iris.get(term)
        if found is None:
            found = term
            iri = term[1:-1]
            for prefix, namespace in self.by_length:
                if iri.startswith(namespace):
                    local = iri[len(namespace):]
                    if _LOCAL_NAME.match(local):
                        found = f"{prefix}:{local}"
                    break
            if len(self.iris) < 200_000:
                self.iris[term] = found
        return found

    def predicate(self, term: str) -> str:
        found = self.predicates.get(term)
        if found is None:
            found = self.predicates[term] = self.iri(term)
        return found

    def __call__(self, term: str) -> str:
        first = term[0]
        if first == "<":
            return self.iris.get(term) or self.iri(term)
        if first != '"':
            return term  # a blank node
        end = term.rindex('"')
        if term[end + 1:end + 3] != "^^":
            return term  # plain or language-tagged: as in N-Quads
        datatype = term[end + 3:]
        shorthand = _SHORTHANDS.get(datatype[1:-1])
        lexical = term[1:end]
        if shorthand is not None and shorthand.match(lexical):
            return lexical
        return f"{term[:end + 1]}^^{self.iri(datatype)}"


def _statements(bodies: Iterable[str], terms: _TurtleTerms, indent: str, out: list[str]) -> None:
    """Append to ``out`` the triples ``bodies`` (``s p o``, sorted) in Turtle: one statement per
    subject, ``;`` between its predicates and ``,`` between the objects of one, each statement
    and each further predicate on its own line, indented by ``indent`` (and a tab)."""
    subject = predicate = None
    more = " ;\n" + indent + "\t"
    append = out.append
    for body in bodies:
        s, p, o = body.split(" ", 2)
        if s != subject:
            if subject is not None:
                append(" .\n")
            append(f"{indent}{terms(s)} {terms.predicate(p)} {terms(o)}")
            subject, predicate = s, p
        elif p != predicate:
            append(f"{more}{terms.predicate(p)} {terms(o)}")
            predicate = p
        else:
            append(f" , {terms(o)}")
    if subject is not None:
        append(" .\n")


def turtle_from_lines(lines: list[str], prefixes: Mapping[str, str] = PREFIXES, *, union: list[str] | None = None) -> bytes:
    """``ai-careers.ttl``: the union graph of the (sorted) N-Quads ``lines``, in Turtle.

    Written from the lines' text (:class:`_TurtleTerms`): through Oxigraph's parser and
    serialiser, each triple made Python objects on its way, 5 s on the full frameworks.
    ``union``: :func:`union_lines` of ``lines``, if the caller has it already.
    """
    out = [_prefix_block(prefixes), "\n"]
    triples = union if union is not None else union_lines(lines)
    _statements((line[:-2] for line in triples), _TurtleTerms(prefixes), "", out)
    return "".join(out).encode("utf-8")


def trig_from_lines(lines: list[str], prefixes: Mapping[str, str] = PREFIXES) -> bytes:
    """``ai-careers.trig``: the quads of the sorted ``lines``, one block per named graph, graphs in
    sorted order (the default graph's triples first, outside any block), written as in
    :func:`turtle_from_lines`.

    >>> trig = trig_from_lines(['<urn:x:a> <urn:x:p> "v" <urn:x:g> .', '<urn:x:a> <urn:x:p> <urn:x:b>  .'],
    ...                        {"ex": "urn:x:"})
    >>> print(trig.decode().replace("\\t", "<tab>"), end="")
    @prefix ex: <urn:x:> .
    <BLANKLINE>
    ex:a ex:p ex:b .
    ex:g {
    <tab>ex:a ex:p "v" .
    }
    """
    graphs: dict[str, list[str]] = {}
    for line in lines:  # sorted already: each graph's lines stay in order
        body, graph = split_graph(line)
        found = graphs.get(graph)
        if found is None:
            found = graphs[graph] = []
        found.append(body)
    terms = _TurtleTerms(prefixes)
    out = [_prefix_block(prefixes), "\n"]
    for graph in sorted(graphs):
        if not graph:
            _statements(graphs[graph], terms, "", out)
            continue
        out.append(f"{terms(graph)} {{\n")
        _statements(graphs[graph], terms, "\t", out)
        out.append("}\n")
    return "".join(out).encode("utf-8")


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


_CONTROL = re.compile(r"[\x00-\x1f]")
_UNESCAPE = re.compile(r'\\([\\n"r])')
_UNESCAPED = {"\\": "\\", "n": "\n", '"': '"', "r": "\r"}


def _json_string(escaped: str, dumps) -> str:
    """The JSON string of an N-Quads literal's content, as the line writes it (quotes excluded).

    The lines escape exactly ``\\``, ``\n``, ``"`` and ``\r`` (:func:`term_nt`), as JSON does: the
    content is its JSON string as it stands, unless it holds another control character, which
    JSON escapes and N-Quads need not.

    >>> import json
    >>> dumps = json.JSONEncoder(ensure_ascii=False).encode
    >>> _json_string('say \\\\"hi\\\\"\\\\n', dumps), _json_string("tab\\there", dumps)
    ('"say \\\\"hi\\\\"\\\\n"', '"tab\\\\there"')
    """
    if _CONTROL.search(escaped) is None:
        return f'"{escaped}"'
    return dumps(_UNESCAPE.sub(lambda m: _UNESCAPED[m.group(1)], escaped))


def jsonld_from_lines(lines: list[str], prefixes: Mapping[str, str] = PREFIXES, *, union: list[str] | None = None) -> bytes:
    """``ai-careers.jsonld``: the union graph of ``lines`` as JSON-LD with the project's prefixes.

    One node object per subject, in the order of the sorted triples, each on one line (keys
    sorted); ``@type`` and every property an array of values in that order; literals as
    ``@value`` objects (with ``@language`` or a compact ``@type``; none for ``xsd:string``).
    Written node by node, from the lines' text: no line is parsed into terms (Oxigraph's parser
    and the objects it made took 9 s on the full frameworks), and the whole document is never held
    as Python objects.

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
    ids: dict[str, str] = {}  # an IRI or blank node as written in a line -> its JSON string

    def node_id(term: str) -> str:
        found = ids.get(term)
        if found is None:
            found = dumps(term if term.startswith("_:") else compact(term[1:-1]))
            if len(ids) < 200_000:
                ids[term] = found
        return found

    chunks = ["{\n", ' "@context": ', dumps(dict(prefixes)), ",\n", ' "@graph": [']
    node: dict[str, list[str]] = {}
    current = None
    separator = "\n  "

    def flush() -> None:
        nonlocal separator
        types = node.pop("@type", None)
        parts = ['{"@id": ' + node_id(current)]
        if types is not None:
            parts.append('"@type": [' + ", ".join(types) + "]")
        parts += (f"{dumps(key)}: [{', '.join(node[key])}]" for key in sorted(node))
        chunks.extend((separator, ", ".join(parts), "}"))
        separator = ",\n  "

    keys: dict[str, str] = {_RDF_TYPE_NT: "@type"}  # a predicate as written -> its key
    for line in union if union is not None else union_lines(lines):
        subject, predicate, obj = line[:-2].split(" ", 2)
        if subject != current:
            if current is not None:
                flush()
            current, node = subject, {}
        key = keys.get(predicate)
        if key is None:
            key = keys[predicate] = compact(predicate[1:-1])
        if obj[0] == '"':
            if key == "@type":  # a literal is no node's type: a plain property, as JSON-LD reads it
                key = compact(RDF_TYPE)
            end = obj.rindex('"')
            value = _json_string(obj[1:end], dumps)
            suffix = obj[end + 1:]
            if suffix.startswith("@"):
                value = f'{{"@language": {dumps(suffix[1:])}, "@value": {value}}}'
            elif suffix and suffix[3:-1] != XSD_STRING:
                value = f'{{"@type": {node_id(suffix[2:])}, "@value": {value}}}'
            else:
                value = f'{{"@value": {value}}}'
        elif key == "@type":
            value = ids.get(obj) or node_id(obj)
        else:
            value = '{"@id": ' + (ids.get(obj) or node_id(obj)) + "}"
        found = node.get(key)
        if found is None:
            node[key] = [value]
        else:
            found.append(value)
    if current is not None:
        flush()
    chunks.append("\n ]\n}\n")
    return "".join(chunks).encode("utf-8")
