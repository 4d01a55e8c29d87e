"""The ontology's documentation page (graph/docs/ontology.html) and the shapes' page beside it
(graph/docs/shapes.html): complete, in English, offline, stable."""

from __future__ import annotations

import html
import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from aicareers import paths
from aicareers.namespaces import AIC
from aicareers.ontodoc import DOC_NAME
from aicareers.shapedoc import SH, SHAPES_DOC_NAME, curie, node_shapes, target_words

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


@pytest.mark.browser
def test_the_shapes_page_in_chromium_offline_from_the_ontology_page(browser, built, built_dir, shapes):
    """The ontology's page links to the shapes' page; followed with the network refused, it shows
    every shape and the examples."""
    requests: list[str] = []
    page = browser.new_page()
    try:
        page.on("request", lambda r: requests.append(r.url))
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto((built_dir / DOC_NAME).as_uri())
        page.click("#shapes-link")
        page.wait_for_load_state()
        url, title = page.url, page.title()
        shown = re.sub(r"\s+", " ", page.evaluate("document.body.innerText"))
    finally:
        page.close()
    assert url == (built_dir / SHAPES_DOC_NAME).as_uri()
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert title == "SHACL shapes of the AI-careers graph"
    for shape in node_shapes(shapes):
        assert curie(shape) in shown, shape
    assert "Examples of each class" in shown and "Prompt engineer" in shown


# ------------------------------------------------------------------------------ the shapes' page


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(paths.SHAPES, format="turtle")


@pytest.fixture(scope="module")
def shapes_page(built) -> str:
    return built.files[SHAPES_DOC_NAME].decode("utf-8")


@pytest.fixture(scope="module")
def shapes_text(shapes_page) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", shapes_page)))


def test_the_build_writes_the_shapes_page_beside_the_ontology_page(built, built_dir, page):
    assert (built_dir / SHAPES_DOC_NAME).read_bytes() == built.files[SHAPES_DOC_NAME]
    assert 'href="shapes.html"' in page


def test_every_shape_is_on_the_page_with_its_target_and_messages(shapes, ontology, shapes_page, shapes_text):
    named = node_shapes(shapes)
    assert len(named) == 21
    messages = {str(m) for m in shapes.objects(None, SH.message)}
    assert len(messages) == 14
    for shape in named:
        section = shapes_page.split(f'id="{curie(shape).split(":")[1]}"', 1)[1].split("</section>", 1)[0]
        words = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", section)))
        assert f"Target: {target_words(shapes, shape, ontology)}" in words, shape
        assert "Target: no target" not in words, shape
        inside = {str(m) for node in [shape, *shapes.objects(shape, SH.property), *shapes.objects(shape, SH.sparql)]
                  for m in shapes.objects(node, SH.message)}
        for message in inside:
            assert f"“{message}”" in words, (shape, message)
    assert all(f"“{m}”" in shapes_text for m in messages)


def test_constraints_read_in_words(shapes_text):
    """A sample of shapes.ttl's constraints, as the page says them (label, counts, datatype or class)."""
    for words in (
        "Target: every instance of salary observation (aic:SalaryObservation)",
        "schema:currency: exactly 1 value; of datatype xsd:string; matching the pattern “^[A-Z]{3}$”; "
        "message: “needs exactly one ISO 4217 currency code”",
        "from role (aic:fromRole): exactly 1 value; each an instance of role (aic:Role)",
        "compared role (aic:comparedRole): exactly 2 values; each an instance of role (aic:Role)",
        "skos:prefLabel: exactly 1 value in language “fr”; message: “needs exactly one French skos:prefLabel”",
        "step order (aic:stepOrder): exactly 1 value; of datatype xsd:positiveInteger",
        "Each target node: exactly one of: each an instance of knowledge (aic:Knowledge); "
        "each an instance of know-how (aic:KnowHow); each an instance of human quality (aic:HumanQuality)",
    ):
        assert words in shapes_text, words


def test_each_class_has_an_example_from_the_graph(ontology, graph, shapes_page):
    """One row per class; its example is an instance of the class (or of a subclass) in the built
    graph, shown by one of its labels; 'none' only where the graph has no such instance."""
    from aicareers.shapedoc import _PREFIXES

    rows = [(html.unescape(c), html.unescape(e)) for c, e in re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td></tr>", shapes_page)]
    classes = sorted(c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef))
    assert len(rows) == len(classes) > 60
    by_class = {re.search(r"([A-Za-z-]+:[A-Za-z]+)\)?$", cls).group(1): example for cls, example in rows}
    assert set(by_class) == {curie(c) for c in classes}
    examples = 0
    for cls in classes:
        example = by_class[curie(cls)]
        kinds = set(ontology.transitive_subjects(RDFS.subClassOf, cls))
        if example == "none":
            assert not any(isinstance(s, URIRef) for c in kinds for s in graph.subjects(RDF.type, c)), cls
            continue
        examples += 1
        label, code = re.fullmatch(r"(?:(.*) \()?<code>(.*)</code>\)?", example).groups()
        prefix, _, local = code.partition(":")
        instance = URIRef(code[1:-1]) if code.startswith("<") else URIRef(_PREFIXES[prefix] + local)
        assert any((instance, RDF.type, c) in graph for c in kinds), (cls, instance)
        if label is not None:
            assert label in {str(o) for p in (SKOS.prefLabel, RDFS.label) for o in graph.objects(instance, p)}, (cls, label)
    assert examples > 50
    assert by_class["aic:Role"] == "Advertising specialist (<code>role:advertiser</code>)"


def test_the_shapes_page_fetches_nothing(shapes_page):
    assert not re.search(r"<(?:script|img|link|iframe)\b", shapes_page)
    assert not re.search(r"url\(|@import", shapes_page)
