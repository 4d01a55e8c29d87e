"""Storage backends: the same answers from rdflib's memory store and Oxigraph, on disk too."""

from __future__ import annotations

import gc

import pytest
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from aicareers.errors import AiCareersError, InputError
from aicareers.store import (
    BACKENDS,
    backend_of,
    load_dataset,
    normalize_term,
    open_dataset,
    result_rows,
)

EX = Namespace("https://example.org/test#")
G = Namespace("https://example.org/test/graph/")
TRICKY = 'Ingénieur « prompt » "IA" à Genève'


def build(dataset):
    """Two small named graphs, one literal with quotes and French accents, and a default triple."""
    roles = dataset.graph(G.roles)
    roles.add((EX.prompt, RDF.type, EX.Role))
    roles.add((EX.prompt, RDFS.label, Literal("Prompt engineer", lang="en")))
    roles.add((EX.prompt, RDFS.label, Literal(TRICKY, lang="fr")))
    roles.add((EX.mlops, RDF.type, EX.Role))
    roles.add((EX.mlops, RDFS.label, Literal("MLOps engineer", lang="en")))
    roles.add((EX.mlops, RDFS.label, Literal("Ingénieur MLOps", lang="fr")))
    skills = dataset.graph(G.skills)
    skills.add((EX.python, RDFS.label, Literal("Python")))
    skills.add((EX.prompt, EX.requires, EX.python))
    skills.add((EX.mlops, EX.requires, EX.python))
    skills.add((EX.mlops, EX.salary, Literal(65000)))
    dataset.add((EX.kg, RDFS.comment, Literal("default graph")))
    return dataset


QUERIES = {
    "french labels": """
        SELECT ?role ?label WHERE {
          GRAPH <https://example.org/test/graph/roles> { ?role rdfs:label ?label }
          FILTER(lang(?label) = "fr")
        } ORDER BY ?label""",
    "union of graphs": """
        PREFIX ex: <https://example.org/test#>
        SELECT ?label (COUNT(?skill) AS ?skills) WHERE {
          ?role a ex:Role ; rdfs:label ?label ; ex:requires ?skill .
          FILTER(lang(?label) = "en")
        } GROUP BY ?label ORDER BY ?label""",
    "per graph": """
        SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g""",
    "simple literal": "SELECT ?l WHERE { <https://example.org/test#python> rdfs:label ?l }",
    "typed": "SELECT ?v WHERE { ?r <https://example.org/test#salary> ?v }",
}

EXPECTED = {
    "french labels": [
        (EX.mlops, Literal("Ingénieur MLOps", lang="fr")),
        (EX.prompt, Literal(TRICKY, lang="fr")),
    ],
    "union of graphs": [
        (Literal("MLOps engineer", lang="en"), Literal(1)),
        (Literal("Prompt engineer", lang="en"), Literal(1)),
    ],
    "per graph": [(G.roles, Literal(6)), (G.skills, Literal(4))],
    "simple literal": [(Literal("Python"),)],
    "typed": [(Literal(65000),)],
}


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_same_answers_on_both_backends(backend, name):
    dataset = build(open_dataset(backend))
    assert backend_of(dataset) == backend
    assert result_rows(dataset.query(QUERIES[name])) == EXPECTED[name]


def test_default_union_sees_every_graph(backend):
    dataset = build(open_dataset(backend))
    assert dataset.default_union is True
    assert result_rows(dataset.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")) == [(Literal(11),)]
    assert len(dataset) == 11


def test_project_prefixes_are_bound(backend):
    dataset = open_dataset(backend)
    dataset.graph(G.roles).add((EX.a, RDFS.label, Literal("a")))
    # aic: is never declared in the query: the dataset binds the project's prefixes
    rows = result_rows(dataset.query("SELECT (aic:x AS ?x) WHERE {}"))
    assert rows == [(URIRef("https://w3id.org/ai-careers/ontology#x"),)]
    assert "brick" not in dict(dataset.namespaces())


def test_load_nquads_gives_the_same_answers(tmp_path, backend):
    nquads = tmp_path / "kg.nq"
    build(open_dataset("rdflib")).serialize(nquads, format="nquads", encoding="utf-8")
    dataset = load_dataset(nquads, backend=backend)
    for name, query in QUERIES.items():
        assert result_rows(dataset.query(query)) == EXPECTED[name], name


def test_oxigraph_store_on_disk_persists(tmp_path):
    nquads = tmp_path / "kg.nq"
    build(open_dataset("rdflib")).serialize(nquads, format="nquads", encoding="utf-8")
    location = tmp_path / "store"
    dataset = load_dataset(nquads, backend="oxigraph", path=location)
    assert len(dataset) == 11
    assert (location / "CURRENT").is_file()  # a RocksDB directory
    dataset.close()
    del dataset
    gc.collect()  # the store's lock goes with the last reference

    reopened = open_dataset("oxigraph", path=location)
    assert len(reopened) == 11
    for name, query in QUERIES.items():
        assert result_rows(reopened.query(query)) == EXPECTED[name], name


def test_locked_store_is_a_one_line_error(tmp_path):
    holder = open_dataset("oxigraph", path=tmp_path / "store")
    holder.graph(G.roles).add((EX.a, RDFS.label, Literal("a")))
    with pytest.raises(AiCareersError) as caught:
        open_dataset("oxigraph", path=tmp_path / "store")
    message = str(caught.value)
    assert message.startswith(f"cannot open the Oxigraph store at {tmp_path / 'store'}: ")
    assert "\n" not in message


def test_unknown_backend_lists_the_choices():
    with pytest.raises(AiCareersError, match=r"unknown storage backend 'jena': choose one of rdflib, oxigraph"):
        open_dataset("jena")
    with pytest.raises(AiCareersError, match="choose one of rdflib, oxigraph"):
        load_dataset("whatever.nq", backend="jena")


def test_rdflib_backend_has_no_path(tmp_path):
    with pytest.raises(AiCareersError, match="needs the oxigraph backend"):
        open_dataset("rdflib", path=tmp_path / "store")


def test_bad_nquads_names_the_file(tmp_path, backend):
    missing = tmp_path / "missing.nq"
    with pytest.raises(InputError, match="missing.nq: no such N-Quads file"):
        load_dataset(missing, backend=backend)
    broken = tmp_path / "broken.nq"
    broken.write_text("<urn:x:a> <urn:x:b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.nq: invalid N-Quads: "):
        load_dataset(broken, backend=backend)


def test_oxigraph_types_simple_literals_and_normalize_term_evens_it():
    dataset = build(open_dataset("oxigraph"))
    (raw,) = [row[0] for row in dataset.query(QUERIES["simple literal"])]
    assert raw.datatype == XSD.string  # what oxrdflib hands back
    assert raw != Literal("Python")  # ... which rdflib does not take as equal
    assert normalize_term(raw) == Literal("Python")
    assert normalize_term(Literal("x", lang="fr")) == Literal("x", lang="fr")
    assert normalize_term(EX.a) == EX.a
