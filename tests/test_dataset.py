"""FROM, FROM NAMED and the protocol's dataset parameters: the same answers on both stores.

The issue: on Oxigraph, ``FROM <ontology graph>`` counted the whole union and an unknown graph
counted it too, where rdflib counted that graph (and 0). Here every named graph of the built
graph is counted through ``FROM``, ``default-graph-uri``, ``FROM NAMED`` and ``named-graph-uri``
on the endpoint of each store and through ``aicareers query``, against rdflib's own count of
that graph's triples.
"""

from __future__ import annotations

import io
import json
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import URIRef

from aicareers import iris
from aicareers.cli import main
from aicareers.sparql.endpoint import make_server
from aicareers.store import BACKENDS, load_dataset

pytestmark = pytest.mark.server

ONTOLOGY = str(iris.ONTOLOGY_GRAPH)
UNKNOWN = "https://w3id.org/ai-careers/id/graph/no-such-graph"
COUNT = "SELECT (COUNT(*) AS ?n) {clause}WHERE {{ ?s ?p ?o }}"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) {clause}WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g ORDER BY ?g"


@pytest.fixture(scope="module")
def nq(built, built_dir):
    return built_dir / "ai-careers.nq"


@pytest.fixture(scope="module")
def stores(nq):
    return {backend: load_dataset(nq, backend=backend) for backend in BACKENDS}


@pytest.fixture(scope="module")
def sizes(stores) -> dict[str, int]:
    """Each named graph and its triples, as rdflib counts them."""
    found = {str(g.identifier): len(g) for g in stores["rdflib"].graphs() if isinstance(g.identifier, URIRef)}
    return {g: n for g, n in found.items() if n and not g.startswith("urn:x-rdflib:")}


@pytest.fixture(scope="module")
def endpoints(stores):
    running = {}
    for backend, dataset in stores.items():
        server = make_server(dataset, log_stream=io.StringIO(), timeout=60)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        running[backend] = (server, thread)
    yield {backend: server.endpoint_url for backend, (server, _) in running.items()}
    for server, thread in running.values():
        server.shutdown()
        server.server_close()
        thread.join(5)


def ask(url: str, query: str, **params) -> list[dict]:
    """The JSON bindings of a SELECT sent by GET with ``params`` (lists for repeated ones)."""
    pairs = [("query", query)] + [(k.replace("_", "-"), v) for k, vs in params.items()
                                  for v in (vs if isinstance(vs, list) else [vs])]
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode(pairs),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.loads(answer.read())["results"]["bindings"]


def number(url: str, query: str, **params) -> int:
    (row,) = ask(url, query, **params)
    return int(row["n"]["value"])


def per_graph(url: str, query: str, **params) -> dict[str, int]:
    return {row["g"]["value"]: int(row["n"]["value"]) for row in ask(url, query, **params)}


def test_the_built_graph_has_the_named_graphs_the_issue_speaks_of(sizes):
    assert ONTOLOGY in sizes and len(sizes) >= 6
    assert sum(sizes.values()) > 50_000  # the three framework slices


@pytest.mark.parametrize("backend", BACKENDS)
def test_from_counts_exactly_the_triples_of_that_graph(endpoints, sizes, backend):
    url = endpoints[backend]
    for graph, triples in sizes.items():
        assert number(url, COUNT.format(clause=f"FROM <{graph}> ")) == triples, graph
        assert number(url, COUNT.format(clause=""), default_graph_uri=graph) == triples, graph
    assert number(url, COUNT.format(clause=f"FROM <{UNKNOWN}> ")) == 0
    assert number(url, COUNT.format(clause=""), default_graph_uri=UNKNOWN) == 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_from_named_gives_graph_those_graphs_and_an_empty_default(endpoints, sizes, backend):
    url = endpoints[backend]
    chosen = sorted(sizes)[:2]
    clause = "".join(f"FROM NAMED <{g}> " for g in chosen + [UNKNOWN])
    expected = {g: sizes[g] for g in chosen}
    assert per_graph(url, PER_GRAPH.format(clause=clause)) == expected
    assert per_graph(url, PER_GRAPH.format(clause=""), named_graph_uri=chosen + [UNKNOWN]) == expected
    assert number(url, COUNT.format(clause=clause)) == 0  # FROM NAMED alone: the default graph is empty
    assert number(url, COUNT.format(clause=""), named_graph_uri=chosen) == 0
    # FROM alone: no named graph is visible to GRAPH
    assert per_graph(url, PER_GRAPH.format(clause=f"FROM <{ONTOLOGY}> ")) == {}


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_protocol_dataset_replaces_the_querys(endpoints, sizes, backend):
    url = endpoints[backend]
    other = next(g for g in sorted(sizes) if g != ONTOLOGY)
    query = COUNT.format(clause=f"FROM <{ONTOLOGY}> ")
    assert number(url, query, default_graph_uri=other) == sizes[other]
    assert number(url, query, default_graph_uri="") == sizes[ONTOLOGY]  # empty (a form's field): absent


def test_both_stores_give_the_same_answers_to_dataset_queries(endpoints, stores, sizes):
    graphs = sorted(sizes)
    merged = ("SELECT (COUNT(*) AS ?n) " + "".join(f"FROM <{g}> " for g in graphs[:3])
              + "WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    cases = [
        (COUNT.format(clause=""), {}),
        (merged, {}),
        (PER_GRAPH.format(clause=""), {}),
        (PER_GRAPH.format(clause=""), {"named_graph_uri": graphs[1:4]}),
        ("SELECT DISTINCT ?type WHERE { ?s a ?type } ORDER BY ?type", {"default_graph_uri": [ONTOLOGY, graphs[0]]}),
    ]
    for query, params in cases:
        answers = {b: ask(endpoints[b], query, **params) for b in BACKENDS}
        if query == COUNT.format(clause=""):  # the union: Oxigraph 0.5 counts a triple once per graph
            continue
        assert answers["rdflib"] == answers["oxigraph"], query
        assert answers["rdflib"], query
    # FROM several graphs merges them: their set union, as rdflib's own graphs hold it
    union = set()
    for graph in graphs[:3]:
        union |= set(stores["rdflib"].graph(URIRef(graph)))
    assert number(endpoints["oxigraph"], merged) == number(endpoints["rdflib"], merged) == len(union)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_query_command_honours_from(monkeypatch, capsys, nq, sizes, backend):
    """``aicareers query --backend oxigraph`` counted the union for FROM <ontology>: no more."""
    for clause, expected in ((f"FROM <{ONTOLOGY}> ", sizes[ONTOLOGY]), (f"FROM <{UNKNOWN}> ", 0)):
        monkeypatch.setattr(sys, "stdin", io.StringIO(COUNT.format(clause=clause)))
        status = main(["query", "-", "--graph", str(nq), "--backend", backend, "--format", "csv"])
        out, err = capsys.readouterr()
        assert (status, err) == (0, "")
        assert out.splitlines() == ["n", str(expected)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_relative_iris_resolve_against_the_endpoint_url(endpoints, backend):
    url = endpoints[backend]
    request = urllib.request.Request(
        url + "?" + urllib.parse.urlencode({"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"}),
        headers={"Accept": "application/n-triples"},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        body = answer.read().decode("utf-8")
    base = url.rsplit("/", 1)[0]
    assert body.startswith(f"<{base}/s> <{base}/p> ")
    (row,) = ask(url, "SELECT (<x/y> AS ?iri) WHERE {}")
    assert row["iri"] == {"type": "uri", "value": f"{base}/x/y"}
    (row,) = ask(url, "BASE <http://example.org/a/> SELECT (<b> AS ?iri) WHERE {}")
    assert row["iri"]["value"] == "http://example.org/a/b"  # the query's own BASE wins
