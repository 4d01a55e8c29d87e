"""The ontology's documentation page (``graph/docs/ontology.html``), made with pyLODE 3.3.4.

pyLODE renders one page per vocabulary: every class and property with its label, definition,
domain, range and super-classes. Four things are done around it:

- **one language**: pyLODE 3.3.4 runs the French and English labels of a term together ("rôlerole")
  and builds its anchors from the French ones (``#rle`` for ``aic:Role``). It is given an
  English-only copy of the ontology (:func:`english_only`): English and untagged literals, so
  that the anchors come from the English labels (``#role``).
- **the same bytes from one build to the next**: pyLODE lists the members of a union
  (``owl:unionOf``) from a Python set of HTML elements, whose order changes from one process to the
  next; the union's members are sorted (:func:`_sorted_intersperse`), and blank nodes get labels
  derived from their content.
- **words as they are**: pyLODE renders definitions as Markdown ("O*NET ... O*NET" would turn to
  emphasis): their Markdown characters are escaped (:func:`escape_markdown`).
- **offline**: pyLODE inlines its stylesheet and its icons (``data:`` URIs) and writes schema.org
  JSON-LD inline; :func:`strip_remote_assets` removes any script, stylesheet or image that would
  still be fetched from the network, so that the page opens as it is, from a file.

pyLODE 3.4.1 fails on import and 3.6 needs Python 3.12: the version is pinned in pyproject.toml.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDFS, SKOS

from . import paths

__all__ = ["DOC_NAME", "english_only", "escape_markdown", "strip_remote_assets", "ontology_html"]

#: Where the page goes in the build's output folder.
DOC_NAME = "docs/ontology.html"

# a <script src=...>, <link ... href=...> or <img src=...> whose address is remote (http, https or
# protocol-relative): the page must not fetch anything to display
_REMOTE_ASSET = re.compile(
    r"""<script\b[^>]*\bsrc\s*=\s*["'](?:https?:)?//[^"']*["'][^>]*>\s*</script>"""
    r"""|<link\b(?=[^>]*\brel\s*=\s*["'](?:stylesheet|preload|modulepreload)["'])[^>]*\bhref\s*=\s*["'](?:https?:)?//[^>]*>"""
    r"""|<img\b[^>]*\bsrc\s*=\s*["'](?:https?:)?//[^"']*["'][^>]*>""",
    re.IGNORECASE,
)


def english_only(graph: Graph) -> Graph:
    """A copy of ``graph`` without its literals in languages other than English (untagged ones stay).

    >>> from rdflib import URIRef
    >>> g = Graph()
    >>> role, label = URIRef("urn:x:Role"), URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    >>> for text, lang in (("rôle", "fr"), ("role", "en"), ("role", None)):
    ...     _ = g.add((role, label, Literal(text, lang=lang)))
    >>> sorted((str(o), o.language or "") for o in english_only(g).objects(role, label))
    [('role', ''), ('role', 'en')]
    """
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=True)
    for s, p, o in graph:
        if isinstance(o, Literal) and o.language is not None and not o.language.lower().startswith("en"):
            continue
        copy.add((s, p, o))
    return copy


def _for_pylode(graph: Graph) -> Graph:
    """``graph`` with the literals pyLODE reads as Markdown escaped (see :func:`escape_markdown`)."""
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=True)
    for s, p, o in graph:
        if isinstance(o, Literal) and p not in _PLAIN_PREDICATES and o.datatype is None and not str(o).startswith("http"):
            o = Literal(escape_markdown(str(o)), lang=o.language)
        copy.add((s, p, o))
    return copy


#: Literals pyLODE shows as they are (headings, titles); every other literal it reads as Markdown.
_PLAIN_PREDICATES = {RDFS.label, SKOS.prefLabel, DCTERMS.title}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def escape_markdown(text: str) -> str:
    """``text`` with Markdown's special characters escaped, so that Markdown shows it as it is.

    pyLODE renders definitions as Markdown: "O*NET ... O*NET" would become emphasis.

    >>> escape_markdown("the O*NET-SOC code, as O*NET gives it")
    'the O\\\\*NET-SOC code, as O\\\\*NET gives it'
    >>> import markdown
    >>> markdown.markdown(escape_markdown("the O*NET-SOC code of O*NET, <b>not bold</b>"))
    '<p>the O*NET-SOC code of O*NET, &lt;b&gt;not bold&lt;/b&gt;</p>'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def strip_remote_assets(html: str) -> str:
    """``html`` without the scripts, stylesheets and images it would fetch from elsewhere.

    Links a reader follows (``<a href="https://...">``) stay: they fetch nothing by themselves.

    >>> strip_remote_assets('<link rel="stylesheet" href="https://cdn.example/x.css"><p>ok</p>'
    ...                     '<script src="//cdn.example/x.js"></script><a href="https://w3id.org/">w3id</a>')
    '<p>ok</p><a href="https://w3id.org/">w3id</a>'
    >>> strip_remote_assets('<style>p {}</style><img src="data:image/png;base64,AA==">')
    '<style>p {}</style><img src="data:image/png;base64,AA==">'
    """
    return _REMOTE_ASSET.sub("", html)


def _sorted_intersperse(items, separator):
    """pyLODE's ``intersperse``, with the members of a set in a stable order (their HTML).

    >>> _ = _pylode()
    >>> _sorted_intersperse({"b", "a", "c"}, "or")
    ['a', 'or', 'b', 'or', 'c']
    """
    if isinstance(items, (set, frozenset)):
        items = sorted(items, key=lambda item: item.render() if hasattr(item, "render") else str(item))
    return _ORIGINAL_INTERSPERSE(items, separator)


_ORIGINAL_INTERSPERSE = None


def _pylode():
    """pyLODE's ``OntPub``, imported without its side effects on logging, its union order made stable.

    Importing pyLODE 3.3.4 runs ``logging.basicConfig(level=DEBUG)`` (in its supermodel profile):
    the root logger would then print every library's debug messages during the build. Its handlers
    and level are put back as they were.
    """
    global _ORIGINAL_INTERSPERSE
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        from pylode import OntPub
        from pylode import utils as pylode_utils
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
    if _ORIGINAL_INTERSPERSE is None:
        # pyLODE looks the function up in its own module when it renders a union: patched there
        _ORIGINAL_INTERSPERSE = pylode_utils.intersperse
        pylode_utils.intersperse = _sorted_intersperse
    return OntPub


def ontology_html(ontology: str | Path | Graph = paths.ONTOLOGY) -> bytes:
    """The documentation page of ``ontology`` (a Turtle file or a graph), in English, as UTF-8.

    >>> from rdflib import URIRef
    >>> from rdflib.namespace import OWL, RDF, RDFS, SKOS, DCTERMS
    >>> g = Graph()
    >>> onto, term = URIRef("https://example.org/o"), URIRef("https://example.org/o#Role")
    >>> _ = g.add((onto, RDF.type, OWL.Ontology)); _ = g.add((onto, DCTERMS.title, Literal("O", lang="en")))
    >>> _ = g.add((term, RDF.type, OWL.Class)); _ = g.add((term, RDFS.label, Literal("role", lang="en")))
    >>> _ = g.add((term, RDFS.label, Literal("rôle", lang="fr")))
    >>> _ = g.add((term, SKOS.definition, Literal("An occupation.", lang="en")))
    >>> page = ontology_html(g).decode("utf-8")
    >>> 'id="role"' in page, ">role<" in page, "An occupation." in page, "rôle" in page
    (True, True, True, False)
    """
    from .serialize import canonical_blank_nodes

    OntPub = _pylode()
    graph = ontology if isinstance(ontology, Graph) else Graph().parse(ontology, format="turtle")
    html = OntPub(canonical_blank_nodes(_for_pylode(english_only(graph))), sort_subjects=True).make_html()
    return (strip_remote_assets(html).rstrip("\n") + "\n").encode("utf-8")
