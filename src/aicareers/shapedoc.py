"""The SHACL shapes in words, beside the ontology's page: ``graph/docs/shapes.html``.

pyLODE documents the ontology (:mod:`aicareers.ontodoc`), not the shapes (``shapes.ttl``) the
build enforces. This page does: for each shape its target and each constraint in words (the
property's English label, how many values, of which datatype or class, the message a failure
gives), and, for each class of the ontology, one example from the built graph: the instance
whose IRI sorts first, of the class or else of one of its subclasses, by its English label. The
ontology's page links to it (:func:`link_from_ontology_page`). The page is plain HTML with its
stylesheet inline: it opens offline, and the same shapes and graph give the same bytes.

>>> from rdflib import Graph
>>> shapes = Graph().parse(data='''
... @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
... @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
... ex:RoleShape a sh:NodeShape ; sh:targetClass ex:Role ;
...     sh:property [ sh:path ex:rank ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:integer ;
...                   sh:message "needs one rank" ] .''', format="turtle")
>>> for shape in node_shapes(shapes):
...     print(target_words(shapes, shape, Graph()), "|", constraint_words(shapes, next(iter(shapes.objects(shape, SH.property))), Graph()))
every instance of ex:Role | ex:rank: exactly 1 value; of datatype xsd:integer; message: “needs one rank”
"""

from __future__ import annotations

import html
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from . import paths
from .prefixes import PREFIXES

__all__ = ["SHAPES_DOC_NAME", "SH", "node_shapes", "target_words", "constraint_words", "class_examples",
           "shapes_html", "link_from_ontology_page"]

#: Where the page goes in the build's output folder, beside ``docs/ontology.html``.
SHAPES_DOC_NAME = "docs/shapes.html"
SH = Namespace("http://www.w3.org/ns/shacl#")

#: The project's prefixes (:data:`aicareers.prefixes.PREFIXES`), the shapes' and the examples', longest namespace first.
_PREFIXES = dict(sorted({**PREFIXES, "aics": "https://w3id.org/ai-careers/shapes#", "ex": "https://example.org/"}.items(),
                        key=lambda item: -len(item[1])))


def curie(term) -> str:
    """``term`` as ``prefix:local`` with the project's prefixes, else as ``<IRI>``.

    >>> curie(URIRef("https://w3id.org/ai-careers/ontology#Role")), curie(URIRef("urn:x"))
    ('aic:Role', '<urn:x>')
    >>> curie(URIRef("https://w3id.org/ai-careers/id/role/prompt-engineer"))
    'role:prompt-engineer'
    """
    text = str(term)
    for prefix, namespace in _PREFIXES.items():
        local = text[len(namespace):]
        if text.startswith(namespace) and local and not any(c in local for c in "/#?"):
            return f"{prefix}:{local}"
    return f"<{text}>"


def english_label(graph: Graph, term, predicates=(RDFS.label, SKOS.prefLabel)) -> str | None:
    """The English (else untagged, else any) label of ``term`` in ``graph``; the smallest if several."""
    for predicate in predicates:
        labels = [o for o in graph.objects(term, predicate) if isinstance(o, Literal)]
        for wanted in ("en", None):
            found = sorted(str(o) for o in labels if (o.language or None) == wanted)
            if found:
                return found[0]
        if labels:
            return sorted(str(o) for o in labels)[0]
    return None


def _named(ontology: Graph, term) -> str:
    """A term as people read it: its English label and its CURIE, or the CURIE alone."""
    label = english_label(ontology, term)
    return f"{label} ({curie(term)})" if label else curie(term)


def node_shapes(shapes: Graph) -> list:
    """The shapes of ``shapes`` that have a name (the node shapes), sorted by IRI."""
    return sorted(s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef))


def _items(shapes: Graph, node) -> list:
    return list(Collection(shapes, node)) if node is not None else []


def target_words(shapes: Graph, shape, ontology: Graph) -> str:
    """What ``shape`` applies to, in words."""
    parts = [f"every instance of {_named(ontology, c)}" for c in sorted(shapes.objects(shape, SH.targetClass))]
    parts += [f"the node {curie(n)}" for n in sorted(shapes.objects(shape, SH.targetNode))]
    parts += [f"every subject of {_named(ontology, p)}" for p in sorted(shapes.objects(shape, SH.targetSubjectsOf))]
    parts += [f"every object of {_named(ontology, p)}" for p in sorted(shapes.objects(shape, SH.targetObjectsOf))]
    if any(True for _ in shapes.objects(shape, SH.target)):
        parts.append("the nodes its SPARQL target selects (below)")
    return "; ".join(parts) or "no target of its own"


def _path_words(shapes: Graph, path, ontology: Graph) -> str:
    if isinstance(path, URIRef):
        return _named(ontology, path)
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return " or ".join(_named(ontology, p) for p in _items(shapes, alternatives))
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return f"inverse of {_named(ontology, inverse)}"
    return "a sequence of " + " then ".join(_named(ontology, p) for p in _items(shapes, path))


def _count_words(low, high, noun="value") -> str | None:
    low = int(low) if low is not None else None
    high = int(high) if high is not None else None
    plural = lambda n: f"{n} {noun}" + ("" if n == 1 else "s")  # noqa: E731 - one line of grammar
    if low is not None and high is not None:
        return f"exactly {plural(low)}" if low == high else f"{low} to {plural(high)}"
    if low is not None:
        return f"at least {plural(low)}"
    if high is not None:
        return f"at most {plural(high)}"
    return None


def _value_words(shapes: Graph, node, ontology: Graph) -> list[str]:
    """The value constraints of a shape node (property or value shape), in words, in a fixed order."""
    words = []
    value = lambda p: shapes.value(node, p)  # noqa: E731
    if value(SH.datatype) is not None:
        words.append(f"of datatype {curie(value(SH.datatype))}")
    for cls in sorted(shapes.objects(node, SH["class"])):
        words.append(f"each an instance of {_named(ontology, cls)}")
    if value(SH.nodeKind) is not None:
        words.append({SH.IRI: "each an IRI", SH.Literal: "each a literal", SH.BlankNode: "each a blank node"}
                     .get(value(SH.nodeKind), f"of node kind {curie(value(SH.nodeKind))}"))
    if value(SH.languageIn) is not None:
        words.append("in language " + " or ".join(f"“{tag}”" for tag in _items(shapes, value(SH.languageIn))))
    if value(SH["in"]) is not None:
        words.append("one of " + ", ".join(_named(ontology, t) if isinstance(t, URIRef) else f"“{t}”"
                                            for t in _items(shapes, value(SH["in"]))))
    if value(SH.minLength) is not None:
        words.append(f"at least {value(SH.minLength)} characters long")
    if value(SH.pattern) is not None:
        words.append(f"matching the pattern “{value(SH.pattern)}”")
    if value(SH.minInclusive) is not None:
        words.append(f"at least {value(SH.minInclusive)}")
    if value(SH.lessThanOrEquals) is not None:
        words.append(f"no more than the value of {_named(ontology, value(SH.lessThanOrEquals))}")
    for key, joiner in ((SH["or"], "either "), (SH.xone, "exactly one of: ")):
        if value(key) is not None:
            options = [_shape_words(shapes, option, ontology) for option in _items(shapes, value(key))]
            words.append(joiner + (" or " if key == SH["or"] else "; ").join(options))
    return words


def _shape_words(shapes: Graph, node, ontology: Graph) -> str:
    """A small shape (an option of sh:or, a qualified value shape) in words."""
    if shapes.value(node, SH.path) is not None:
        return constraint_words(shapes, node, ontology, with_message=False)
    return ", ".join(_value_words(shapes, node, ontology)) or "any value"


def constraint_words(shapes: Graph, node, ontology: Graph, *, with_message: bool = True) -> str:
    """A property shape in words: its path, how many values, of what kind, and its message."""
    words = []
    count = _count_words(shapes.value(node, SH.minCount), shapes.value(node, SH.maxCount))
    if count:
        words.append(count)
    qualified = shapes.value(node, SH.qualifiedValueShape)
    if qualified is not None:
        how_many = _count_words(shapes.value(node, SH.qualifiedMinCount), shapes.value(node, SH.qualifiedMaxCount))
        words.append(f"{how_many} {_shape_words(shapes, qualified, ontology)}")
    words += _value_words(shapes, node, ontology)
    text = f"{_path_words(shapes, shapes.value(node, SH.path), ontology)}: " + ("; ".join(words) or "any values")
    message = shapes.value(node, SH.message)
    if with_message and message is not None:
        text += f"; message: “{message}”"
    return text


def _sparql_parts(shapes: Graph, shape) -> list[tuple[str, str]]:
    """The SPARQL target and constraints of ``shape``: (what it does, the query)."""
    parts = []
    for target in shapes.objects(shape, SH.target):
        parts.append(("Target: the nodes this query selects", str(shapes.value(target, SH.select)).strip()))
    for constraint in shapes.objects(shape, SH.sparql):
        message = shapes.value(constraint, SH.message)
        parts.append((f"A node fails when this query selects it; message: “{message}”",
                      str(shapes.value(constraint, SH.select)).strip()))
    return sorted(parts)


def class_examples(graph, ontology: Graph) -> dict:
    """For each class of ``ontology``, one instance in ``graph`` (or ``None``): the IRI that sorts
    first among its instances, else among the instances of its subclasses (asserted types only).

    ``graph`` is the build's union graph, or its dataset over Oxigraph (whose default graph is the union).

    >>> onto = Graph().parse(data='''@prefix owl: <http://www.w3.org/2002/07/owl#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix ex: <https://example.org/> .
    ... ex:Skill a owl:Class . ex:Knowledge a owl:Class ; rdfs:subClassOf ex:Skill . ex:Tool a owl:Class .''')
    >>> data = Graph().parse(data='''@prefix ex: <https://example.org/> .
    ... ex:b a ex:Knowledge . ex:a a ex:Knowledge .''')
    >>> {curie(c): e and curie(e) for c, e in class_examples(data, onto).items()}
    {'ex:Knowledge': 'ex:a', 'ex:Skill': 'ex:a', 'ex:Tool': None}
    """
    classes = sorted(c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef))
    direct: dict = {}
    from .store import backend_of

    if backend_of(graph) == "oxigraph":
        # Oxigraph answers the GROUP BY in its engine: reading every rdf:type triple out through
        # rdflib took 4 s on the full frameworks (the same choice: the IRI that sorts first)
        query = "SELECT ?c (MIN(STR(?s)) AS ?first) WHERE { ?s a ?c FILTER (isIRI(?s) && isIRI(?c)) } GROUP BY ?c"
        direct = {URIRef(str(c)): URIRef(str(first)) for c, first in graph.query(query)}
    else:
        # one pass over the rdf:type triples (a SPARQL GROUP BY takes seconds on rdflib's store)
        for instance, cls in graph.subject_objects(RDF.type):
            if isinstance(instance, URIRef) and (cls not in direct or str(instance) < str(direct[cls])):
                direct[cls] = instance
    examples = {}
    for cls in classes:
        candidates = [direct[c] for c in ontology.transitive_subjects(RDFS.subClassOf, cls) if c in direct]
        examples[cls] = min(candidates, key=str) if candidates else None
    return examples


_STYLE = """
body { font-family: sans-serif; max-width: 70em; margin: 1em auto; padding: 0 1em; line-height: 1.45; color: #222; }
code, pre { font-family: monospace; background: #f3f3f3; }
pre { padding: .5em; overflow-x: auto; white-space: pre-wrap; }
section.shape { border-top: 1px solid #bbb; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }
a { color: #0645ad; }
"""


def shapes_html(shapes: str | Path | Graph = paths.SHAPES, ontology: str | Path | Graph = paths.ONTOLOGY,
                graph=None) -> bytes:
    """The page of the shapes, with an example of each class of ``ontology`` from ``graph``, as UTF-8.

    >>> page = shapes_html(graph=Graph()).decode("utf-8")
    >>> "aics:Labelled" in page and "needs exactly one French skos:prefLabel" in page
    True
    """
    shapes = shapes if isinstance(shapes, Graph) else Graph().parse(shapes, format="turtle")
    ontology = ontology if isinstance(ontology, Graph) else Graph().parse(ontology, format="turtle")
    esc = html.escape
    out = ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
           '<title>SHACL shapes of the AI-careers graph</title>', f'<style>{_STYLE}</style>', '</head>', '<body>',
           '<header><p><a href="ontology.html">← the AI careers ontology</a></p>',
           '<h1>SHACL shapes of the AI-careers graph</h1>',
           '<p>What a well-formed graph is: the shapes of <code>shapes.ttl</code>, which the build checks after '
           'RDFS inference with the ontology. A graph that breaks one stops the build with the message given '
           'here. Below the shapes, an <a href="#examples">example of each class</a> from the built graph.</p>',
           '<nav aria-label="Shapes"><ul>']
    shape_list = node_shapes(shapes)
    out += [f'<li><a href="#{esc(curie(s).split(":", 1)[1])}">{esc(curie(s))}</a></li>' for s in shape_list]
    out += ['<li><a href="#examples">Examples of each class</a></li>', '</ul></nav></header>', '<main>']
    for shape in shape_list:
        name = curie(shape)
        out.append(f'<section class="shape" id="{esc(name.split(":", 1)[1])}">')
        out.append(f'<h2><code>{esc(name)}</code></h2>')
        comment = english_label(shapes, shape, (RDFS.comment,))
        if comment:
            out.append(f'<p>{esc(comment)}</p>')
        out.append(f'<p><strong>Target:</strong> {esc(target_words(shapes, shape, ontology))}</p>')
        node_words = _value_words(shapes, shape, ontology)
        if node_words:
            out.append(f'<p><strong>Each target node:</strong> {esc("; ".join(node_words))}</p>')
        rows = sorted(constraint_words(shapes, p, ontology) for p in shapes.objects(shape, SH.property))
        if rows:
            out.append('<p><strong>Constraints on its properties:</strong></p><ul>')
            out += [f'<li>{esc(row)}</li>' for row in rows]
            out.append('</ul>')
        for what, query in _sparql_parts(shapes, shape):
            out.append(f'<p><strong>{esc(what)}</strong></p><pre>{esc(query)}</pre>')
        out.append('</section>')
    out += ['<section id="examples"><h2>Examples of each class</h2>',
            '<p>For each class of the ontology, the instance in the built graph whose IRI sorts first (of the '
            'class itself, else of one of its subclasses), by its English label; “none” when the graph has no '
            'instance of it.</p>',
            '<table><thead><tr><th scope="col">class</th><th scope="col">example</th></tr></thead><tbody>']
    if graph is not None:
        examples = class_examples(graph, ontology)
        for cls in sorted(examples, key=curie):
            example = examples[cls]
            if example is None:
                cell = "none"
            else:
                label = english_label(graph, example, (SKOS.prefLabel, RDFS.label))
                cell = f"{esc(label)} (<code>{esc(curie(example))}</code>)" if label else f"<code>{esc(curie(example))}</code>"
            out.append(f'<tr><td>{esc(_named(ontology, cls))}</td><td>{cell}</td></tr>')
    out += ['</tbody></table></section>', '</main>', '</body>', '</html>']
    return ("\n".join(out) + "\n").encode("utf-8")


_LINK = ('<p>The graph\'s SHACL shapes in words, with an example of each class: '
         '<a href="shapes.html" id="shapes-link">SHACL shapes and examples</a>.</p>')


def link_from_ontology_page(page: bytes) -> bytes:
    """The ontology's page (pyLODE's) with a link to the shapes' page under its "Metadata" heading.

    >>> link_from_ontology_page(b'<h2>Metadata</h2><dl></dl>').decode()
    '<h2>Metadata</h2><p>The graph\\'s SHACL shapes in words, with an example of each class: <a href="shapes.html" id="shapes-link">SHACL shapes and examples</a>.</p><dl></dl>'
    """
    text = page.decode("utf-8")
    anchor = "<h2>Metadata</h2>"
    if anchor not in text:
        raise ValueError("the ontology's page has no Metadata heading to link the shapes from")
    return text.replace(anchor, anchor + _LINK, 1).encode("utf-8")


def ontology_documentation(ontology: str | Path) -> bytes:
    """The ontology's page (pyLODE's), linked to the shapes' page: it needs nothing of the data."""
    from .ontodoc import ontology_html

    return link_from_ontology_page(ontology_html(ontology))


def documentation(ontology: str | Path, shapes: str | Path, graph, *, ontology_page: bytes | None = None) -> dict[str, bytes]:
    """The build's documentation pages, by name in the output folder: the ontology's (pyLODE's,
    linked to the shapes') and the shapes' with the examples from ``graph``. ``ontology_page``:
    :func:`ontology_documentation` of ``ontology``, if made already."""
    from .ontodoc import DOC_NAME

    page = ontology_documentation(ontology) if ontology_page is None else ontology_page
    return {DOC_NAME: page, SHAPES_DOC_NAME: shapes_html(shapes, ontology, graph)}
