"""The ontology's documentation page (graph/docs/ontology.html): complete, in English, offline, stable."""

from __future__ import annotations

import html
import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from aicareers import paths
from aicareers.namespaces import AIC
from aicareers.ontodoc import DOC_NAME

KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(paths.ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def page(built) -> str:
    return built.files[DOC_NAME].decode("utf-8")


@pytest.fixture(scope="module")
def text(page) -> str:
    """The page's words, tags removed and entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def english(graph: Graph, term, predicate) -> str:
    values = [o for o in graph.objects(term, predicate) if isinstance(o, Literal) and o.language in ("en", None)]
    assert len(values) == 1, (term, predicate, values)
    return str(values[0])


def terms(ontology: Graph) -> list[URIRef]:
    return sorted({s for kind in KINDS for s in ontology.subjects(RDF.type, kind) if isinstance(s, URIRef)})


def test_the_build_writes_the_page_with_the_graph(built, built_dir):
    assert (built_dir / DOC_NAME).read_bytes() == built.files[DOC_NAME]


def test_every_class_and_property_is_on_the_page(ontology, page):
    assert len(terms(ontology)) > 150
    for term in terms(ontology):
        assert f'"{term}"' in page or f">{term}<" in page, term


def test_every_term_of_the_ontology_has_its_english_label_and_definition(ontology, page, text):
    own = [t for t in terms(ontology) if str(t).startswith(str(AIC))]
    assert len(own) > 100
    for term in own:
        label, definition = english(ontology, term, RDFS.label), english(ontology, term, SKOS.definition)
        assert f" {label} " in text, (term, label)
        assert re.sub(r"\s+", " ", definition) in text, (term, definition)
        # the term's anchor comes from its English label (pyLODE's rule: the label without spaces
        # or non-ASCII characters), so that #role, not #rle, is aic:Role's
        anchor = "".join(c for c in label.replace(" ", "") if ord(c) < 128).replace("&", "")
        assert f'id="{anchor}"' in page or re.search(rf'id="{re.escape(term.fragment)}\d*"', page), (term, anchor)


def test_one_language_at_a_time(ontology, text):
    french = {str(o) for _, _, o in ontology.triples((None, RDFS.label, None)) if getattr(o, "language", None) == "fr"}
    english_words = {str(o) for _, _, o in ontology.triples((None, RDFS.label, None)) if o.language in ("en", None)}
    accented = sorted(label for label in french - english_words if any(ord(c) > 127 for c in label))
    assert "rôle" in accented and len(accented) > 50
    # French words with accents cannot be English ones ("citation" and "position" can)
    for label in accented:
        assert label not in text, label
    assert "rôlerole" not in text


def test_the_page_fetches_nothing(page):
    """It opens from a file, offline: no remote script, stylesheet, font or image."""
    assert not re.search(r"""<script\b[^>]*\bsrc=""", page)
    assert not re.search(r"""<link\b[^>]*rel="stylesheet""", page)
    assert not re.search(r"""<img\b[^>]*\bsrc="(?:https?:)?//""", page)
    assert not re.search(r"""@import|url\(\s*["']?(?:https?:)?//""", page)
    assert "<style>" in page  # pyLODE's stylesheet, inline


@pytest.mark.browser
def test_the_page_in_chromium_offline(browser, built, built_dir, ontology):
    """Opened from the file with every network request refused: it shows every term of the ontology."""
    path = built_dir / DOC_NAME
    requests: list[str] = []
    page = browser.new_page()
    try:
        page.on("request", lambda r: requests.append(r.url))
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(path.as_uri())
        shown = page.evaluate("document.body.innerText")
        title = page.title()
    finally:
        page.close()
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert title == "AI careers ontology"
    shown = re.sub(r"\s+", " ", shown)
    for term in (t for t in terms(ontology) if str(t).startswith(str(AIC))):
        assert english(ontology, term, RDFS.label) in shown, term
