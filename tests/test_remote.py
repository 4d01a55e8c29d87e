"""Push to and query a real Oxigraph server (started as a subprocess), and our own endpoint."""

from __future__ import annotations

import io
import threading

import pytest
from rdflib import Literal, Namespace
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from aicareers.errors import AiCareersError
from aicareers.sparql.endpoint import make_server
from aicareers.sparql.remote import push, query_remote, store_url_for
from aicareers.store import BACKENDS, open_dataset, result_rows

from .servers import free_port, oxigraph_server

EX = Namespace("https://example.org/test#")
G = Namespace("https://example.org/test/graph/")
TRICKY = 'Ingénieur « prompt » "IA" à Genève'

QUERIES = [
    """SELECT ?role ?label WHERE {
         GRAPH <https://example.org/test/graph/roles> { ?role rdfs:label ?label }
       } ORDER BY ?role STR(?label)""",
    """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g""",
    """PREFIX ex: <https://example.org/test#>
       SELECT ?label ?salary WHERE {
         ?role ex:salary ?salary ; rdfs:label ?label FILTER(lang(?label) = "fr")
       } ORDER BY ?label""",
    """SELECT ?o WHERE { <https://example.org/test#python> ?p ?o } ORDER BY ?o""",
]
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://example.org/test/graph/roles> { ?s ?p ?o } }"


def build(dataset):
    roles = dataset.graph(G.roles)
    roles.add((EX.prompt, RDF.type, EX.Role))
    roles.add((EX.prompt, RDFS.label, Literal("Prompt engineer", lang="en")))
    roles.add((EX.prompt, RDFS.label, Literal(TRICKY, lang="fr")))
    roles.add((EX.mlops, RDF.type, EX.Role))
    roles.add((EX.mlops, RDFS.label, Literal("Ingénieur MLOps", lang="fr")))
    skills = dataset.graph(G.skills)
    skills.add((EX.python, RDFS.label, Literal("Python")))
    skills.add((EX.python, RDFS.comment, Literal('a "language"\nover two lines')))
    skills.add((EX.mlops, EX.requires, EX.python))
    skills.add((EX.mlops, EX.salary, Literal(65000)))
    skills.add((EX.prompt, EX.salary, Literal("58000.5", datatype="http://www.w3.org/2001/XMLSchema#decimal")))
    return dataset


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """A real Oxigraph server on 127.0.0.1:<free port>, stopped when the module is done."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        yield base


def graph_counts(base: str) -> dict[str, int]:
    rows = result_rows(query_remote(base, QUERIES[1]))
    return {str(g): int(n) for g, n in rows}


@pytest.mark.server
@pytest.mark.parametrize("backend", BACKENDS)
def test_push_then_query_gives_the_embedded_answers(oxigraph, backend):
    dataset = build(open_dataset(backend))
    counts = push(dataset, oxigraph)
    assert counts == {str(G.roles): 5, str(G.skills): 5}
    for query in QUERIES:
        remote = result_rows(query_remote(oxigraph, query))
        local = result_rows(dataset.query(query))
        assert remote == local, query
        assert remote  # no vacuous agreement
    assert result_rows(query_remote(oxigraph + "/query", QUERIES[2])) == [
        (Literal("Ingénieur MLOps", lang="fr"), Literal(65000)),
        (Literal(TRICKY, lang="fr"), Literal("58000.5", datatype="http://www.w3.org/2001/XMLSchema#decimal")),
    ]
    remote_graph = query_remote(oxigraph, CONSTRUCT).graph
    assert isomorphic(remote_graph, dataset.query(CONSTRUCT).graph)
    assert len(remote_graph) == 5
    assert query_remote(oxigraph, "ASK { ?s rdfs:label \"Python\" }").askAnswer is True


@pytest.mark.server
def test_put_replaces_and_post_appends(oxigraph):
    dataset = build(open_dataset())
    push(dataset, oxigraph, store_url=store_url_for(oxigraph))
    dataset.graph(G.roles).remove((EX.mlops, None, None))
    assert push(dataset, oxigraph, replace=True)[str(G.roles)] == 3
    assert graph_counts(oxigraph)[str(G.roles)] == 3  # PUT: exactly the local graph

    extra = open_dataset()
    extra.graph(G.roles).add((EX.new, RDFS.label, Literal("Nouveau métier", lang="fr")))
    assert push(extra, oxigraph, replace=False) == {str(G.roles): 1}
    assert graph_counts(oxigraph)[str(G.roles)] == 4  # POST: added to what was there


@pytest.mark.server
def test_default_graph_is_pushed_too(oxigraph):
    dataset = open_dataset("oxigraph")
    dataset.add((EX.kg, RDFS.comment, Literal("dans le graphe par défaut")))
    assert push(dataset, oxigraph + "/update") == {"default": 1}
    rows = result_rows(query_remote(oxigraph, "SELECT ?c WHERE { <https://example.org/test#kg> rdfs:comment ?c }"))
    assert rows == [(Literal("dans le graphe par défaut"),)]


@pytest.mark.server
def test_failing_endpoint_is_a_one_line_error(oxigraph):
    with pytest.raises(AiCareersError) as caught:
        query_remote(oxigraph, "SELECT ?s WHERE {\n ?s ?p")
    message = str(caught.value)
    assert message.startswith(f"POST {oxigraph}/query: HTTP 400 Bad Request: error at 2:")
    assert "\n" not in message

    with pytest.raises(AiCareersError) as caught:
        push(build(open_dataset()), oxigraph, store_url=oxigraph + "/no-such-store")
    message = str(caught.value)
    assert message.startswith(f"PUT {oxigraph}/no-such-store?graph=")
    assert "HTTP 404 Not Found" in message
    assert "\n" not in message


def test_unreachable_endpoint_is_a_one_line_error():
    url = f"http://127.0.0.1:{free_port()}"  # closed again: nothing listens there
    for action in (lambda: query_remote(url, "ASK {}"), lambda: push(build(open_dataset()), url)):
        with pytest.raises(AiCareersError) as caught:
            action()
        message = str(caught.value)
        assert url in message
        assert "cannot reach the server" in message
        assert "\n" not in message


@pytest.mark.server
def test_query_remote_against_our_own_endpoint(oxigraph):
    """The embedded endpoint and Oxigraph's server give query_remote the same answers."""
    dataset = build(open_dataset())
    push(dataset, oxigraph)
    server = make_server(dataset, log_stream=io.StringIO())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for query in (QUERIES[0], QUERIES[2], QUERIES[3]):
            ours = result_rows(query_remote(server.endpoint_url, query))
            theirs = result_rows(query_remote(oxigraph, query))
            assert ours == theirs, query
        assert isomorphic(query_remote(server.endpoint_url, CONSTRUCT).graph,
                          query_remote(oxigraph, CONSTRUCT).graph)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
