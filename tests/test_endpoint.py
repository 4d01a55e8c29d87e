"""The SPARQL 1.1 Protocol endpoint, queried with SPARQLWrapper over real HTTP, on both backends."""

from __future__ import annotations

import io
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from aicareers.sparql.endpoint import make_server
from aicareers.store import BACKENDS, open_dataset

pytestmark = pytest.mark.server

EX = Namespace("https://example.org/test#")
G = Namespace("https://example.org/test/graph/")
TRICKY = 'Ingénieur « prompt » "IA" à Genève'
BULK = 2000

FRENCH = """PREFIX ex: <https://example.org/test#>
SELECT ?role ?label WHERE {
  GRAPH <https://example.org/test/graph/roles> { ?role rdfs:label ?label }
  FILTER(lang(?label) = "fr")
} ORDER BY ?label"""
ROLES_GRAPH = """CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://example.org/test/graph/roles> { ?s ?p ?o } }"""
SLOW = """SELECT (COUNT(*) AS ?n) WHERE {
  GRAPH <https://example.org/test/graph/bulk> { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }
}"""
BULK_VALUES = """SELECT ?v WHERE { GRAPH <https://example.org/test/graph/bulk> { ?n <https://example.org/test#value> ?v } } ORDER BY ?v"""


def build(dataset):
    roles = dataset.graph(G.roles)
    roles.add((EX.prompt, RDF.type, EX.Role))
    roles.add((EX.prompt, RDFS.label, Literal("Prompt engineer", lang="en")))
    roles.add((EX.prompt, RDFS.label, Literal(TRICKY, lang="fr")))
    roles.add((EX.mlops, RDF.type, EX.Role))
    roles.add((EX.mlops, RDFS.label, Literal("Ingénieur MLOps", lang="fr")))
    skills = dataset.graph(G.skills)
    skills.add((EX.python, RDFS.label, Literal("Python")))
    skills.add((EX.mlops, EX.requires, EX.python))
    bulk = dataset.graph(G.bulk)  # generated: the slow query's cross product, the size limit
    for i in range(BULK):
        bulk.add((EX[f"n{i}"], EX.value, Literal(i)))
    return dataset


def expected_roles_graph() -> Graph:
    graph = Graph()
    for triple in [
        (EX.prompt, RDF.type, EX.Role),
        (EX.prompt, RDFS.label, Literal("Prompt engineer", lang="en")),
        (EX.prompt, RDFS.label, Literal(TRICKY, lang="fr")),
        (EX.mlops, RDF.type, EX.Role),
        (EX.mlops, RDFS.label, Literal("Ingénieur MLOps", lang="fr")),
    ]:
        graph.add(triple)
    return graph


class Running:
    def __init__(self, dataset, **options):
        self.log = io.StringIO()
        self.server = make_server(dataset, "127.0.0.1", 0, log_stream=self.log, **options)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = self.server.endpoint_url

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture(scope="module", params=BACKENDS)
def servers(request):
    """Per backend: a normal endpoint, a strict one (1 s time limit) and a small one (3 results).

    The size limit has its own server with a generous time limit: on a busy machine a bulk
    CONSTRUCT can take more than a second, and the test is about size, not speed.
    """
    dataset = build(open_dataset(request.param))
    running = (Running(dataset, timeout=10.0, max_results=10000), Running(dataset, timeout=1.0, max_results=10000),
               Running(dataset, timeout=30.0, max_results=3))
    yield running
    for server in running:
        server.stop()


@pytest.fixture
def endpoint(servers):
    return servers[0]


@pytest.fixture
def strict(servers):
    return servers[1]


@pytest.fixture
def small(servers):
    return servers[2]


def wrapper(url: str, query: str, fmt, method=None) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method == POSTDIRECTLY:
        sparql.setMethod(POST)
        sparql.setRequestMethod(POSTDIRECTLY)
    elif method is not None:
        sparql.setMethod(method)
    return sparql


def http(url, *, query=None, data=None, accept=None, method=None, content_type=None, params=None):
    """(status, headers, body) of a raw request; HTTP errors are answers too."""
    if query is not None:
        params = {"query": query, **(params or {})}
    if params is not None:
        url += "?" + urllib.parse.urlencode(params)
    headers = {}
    if accept:
        headers["Accept"] = accept
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


# --------------------------------------------------------------------------- SELECT, every format

FRENCH_JSON = [
    {"label": {"type": "literal", "value": "Ingénieur MLOps", "xml:lang": "fr"},
     "role": {"type": "uri", "value": str(EX.mlops)}},
    {"label": {"type": "literal", "value": TRICKY, "xml:lang": "fr"},
     "role": {"type": "uri", "value": str(EX.prompt)}},
]


@pytest.mark.parametrize("method", [None, POST, POSTDIRECTLY], ids=["GET", "POST-form", "POST-direct"])
def test_select_json(endpoint, method):
    results = wrapper(endpoint.url, FRENCH, JSON, method).queryAndConvert()
    assert results["head"]["vars"] == ["role", "label"]
    assert results["results"]["bindings"] == FRENCH_JSON


def test_select_xml(endpoint):
    document = wrapper(endpoint.url, FRENCH, XML).queryAndConvert()
    literals = [
        (node.getAttribute("xml:lang"), node.firstChild.data)
        for node in document.getElementsByTagName("literal")
    ]
    uris = [node.firstChild.data for node in document.getElementsByTagName("uri")]
    assert literals == [("fr", "Ingénieur MLOps"), ("fr", TRICKY)]
    assert uris == [str(EX.mlops), str(EX.prompt)]


def test_select_csv(endpoint):
    body = wrapper(endpoint.url, FRENCH, CSV).queryAndConvert()
    expected = (
        "role,label\r\n"
        f"{EX.mlops},Ingénieur MLOps\r\n"
        f'{EX.prompt},"Ingénieur « prompt » ""IA"" à Genève"\r\n'
    )
    assert body.decode("utf-8") == expected


def test_select_tsv(endpoint):
    body = wrapper(endpoint.url, FRENCH, TSV).queryAndConvert()
    expected = (
        "?role\t?label\n"
        f'<{EX.mlops}>\t"Ingénieur MLOps"@fr\n'
        f'<{EX.prompt}>\t"Ingénieur « prompt » \\"IA\\" à Genève"@fr\n'
    )
    assert body.decode("utf-8") == expected


def test_simple_and_typed_literals_look_the_same_on_both_backends(endpoint):
    query = """SELECT ?label ?n WHERE {
      <https://example.org/test#python> rdfs:label ?label .
      <https://example.org/test#n7> <https://example.org/test#value> ?n }"""
    bindings = wrapper(endpoint.url, query, JSON).queryAndConvert()["results"]["bindings"]
    assert bindings == [{
        "label": {"type": "literal", "value": "Python"},
        "n": {"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
    }]


# --------------------------------------------------------------------------- ASK, CONSTRUCT


def test_ask(endpoint):
    yes = "ASK { GRAPH <https://example.org/test/graph/skills> { ?s rdfs:label \"Python\" } }"
    no = "ASK { GRAPH <https://example.org/test/graph/roles> { ?s rdfs:label \"Python\" } }"
    assert wrapper(endpoint.url, yes, JSON).queryAndConvert() == {"head": {}, "boolean": True}
    assert wrapper(endpoint.url, no, JSON, POST).queryAndConvert()["boolean"] is False
    document = wrapper(endpoint.url, yes, XML).queryAndConvert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "true"


def test_construct_turtle(endpoint):
    body = wrapper(endpoint.url, ROLES_GRAPH, TURTLE).queryAndConvert()
    graph = Graph().parse(data=body, format="turtle")
    assert isomorphic(graph, expected_roles_graph())
    assert len(graph) == 5


def test_construct_jsonld(endpoint):
    graph = wrapper(endpoint.url, ROLES_GRAPH, JSONLD, POST).queryAndConvert()
    assert set(graph.triples((None, None, None))) == set(expected_roles_graph())


@pytest.mark.parametrize(
    ("accept", "content_type", "fmt"),
    [
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("text/csv, */*;q=0.1", "text/turtle", "turtle"),  # CSV is no graph format: the default
    ],
)
def test_construct_other_formats(endpoint, accept, content_type, fmt):
    status, headers, body = http(endpoint.url, query=ROLES_GRAPH, accept=accept)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == content_type
    assert isomorphic(Graph().parse(data=body, format=fmt), expected_roles_graph())


def test_describe(endpoint):
    status, headers, body = http(endpoint.url, query=f"DESCRIBE <{EX.mlops}>", accept="text/turtle")
    assert status == 200
    graph = Graph().parse(data=body, format="turtle")
    assert (EX.mlops, RDFS.label, Literal("Ingénieur MLOps", lang="fr")) in graph


# --------------------------------------------------------------------------- negotiation, 406


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        (None, "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        ("text/csv;q=0.2, application/sparql-results+xml;q=0.8", "application/sparql-results+xml"),
        ("text/*;q=0.5, text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", "application/sparql-results+json"),
    ],
)
def test_accept_with_q_values(endpoint, accept, content_type):
    status, headers, _ = http(endpoint.url, query=FRENCH, accept=accept)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == content_type


@pytest.mark.parametrize(
    ("query", "accept"),
    [(FRENCH, "image/png"), (FRENCH, "text/turtle"), (ROLES_GRAPH, "text/csv"),
     ("ASK {}", "text/csv"), (FRENCH, "application/sparql-results+json;q=0")],
)
def test_not_acceptable(endpoint, query, accept):
    status, _, body = http(endpoint.url, query=query, accept=accept)
    assert status == 406
    assert b"no acceptable format" in body


# --------------------------------------------------------------------------- refusals and errors


def test_updates_are_refused_with_403(endpoint):
    insert = 'INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> "c" } }'
    sparql = wrapper(endpoint.url, insert, JSON, POST)  # SPARQLWrapper sends it as update=
    with pytest.raises(urllib.error.HTTPError) as caught:
        sparql.query()
    caught.value.close()
    assert caught.value.code == 403
    for answer in [
        http(endpoint.url, params={"update": insert}),
        http(endpoint.url, query=insert),  # an update disguised as a query
        http(endpoint.url, query="PREFIX : <urn:x:> # comment\nDROP ALL"),
        http(endpoint.url, data=insert.encode(), content_type="application/sparql-update"),
        http(endpoint.url, data=urllib.parse.urlencode({"update": insert}).encode(),
             content_type="application/x-www-form-urlencoded"),
    ]:
        assert answer[0] == 403
        assert b"read-only" in answer[2]
    assert wrapper(endpoint.url, "ASK { GRAPH <urn:x:g> { ?s ?p ?o } }", JSON).queryAndConvert()["boolean"] is False


def test_malformed_query_gives_400_with_line_and_column(endpoint):
    query = "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER( }"
    with pytest.raises(QueryBadFormed) as caught:
        wrapper(endpoint.url, query, JSON).query()
    text = str(caught.value)
    assert re.search(r"malformed SPARQL query at line 3, column \d+: ", text), text
    status, headers, body = http(endpoint.url, query=query)
    assert status == 400
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    lines = body.decode().splitlines()
    column = int(re.search(r"column (\d+)", lines[0]).group(1))
    assert lines[1] == "  FILTER( }"
    assert lines[2] == " " * (column - 1) + "^"


def test_unknown_prefix_is_a_bad_query(endpoint):
    status, _, body = http(endpoint.url, query="SELECT ?s WHERE { ?s nope:p ?o }")
    assert status == 400
    assert b"nope" in body


COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(endpoint, query=COUNT_ALL, **params) -> int:
    status, _, body = http(endpoint.url, query=query, params=params, accept="text/csv")
    assert status == 200, body
    return int(body.split(b"\r\n")[1])


def test_dataset_parameters_are_honoured_and_service_refused(endpoint):
    assert count(endpoint, **{"default-graph-uri": str(G.roles)}) == 5
    assert count(endpoint, **{"default-graph-uri": ""}) == 5 + 2 + BULK  # as a form sends it: absent
    assert count(endpoint, **{"named-graph-uri": str(G.roles)}) == 0  # named graphs only: empty default
    assert count(endpoint, "SELECT (COUNT(*) AS ?n) FROM <https://example.org/test/graph/skills> { ?s ?p ?o }") == 2
    status, _, body = http(endpoint.url, query=COUNT_ALL, params={"default-graph-uri": "not an iri"})
    assert (status, b"absolute IRIs" in body) == (400, True)
    for service in ("SERVICE", "\\u0053ERVICE", "serv\\u0069ce"):
        status, _, body = http(endpoint.url, query=f"SELECT * {{ {service} <http://127.0.0.1:9/sparql> {{ ?s ?p ?o }} }}")
        assert (status, b"SERVICE" in body) == (403, True), service


def test_other_requests(endpoint):
    base = endpoint.server.url
    assert http(base + "/nothing-here")[0] == 404
    assert http(endpoint.url, data=b"x", method="PUT", content_type="text/plain")[0] == 405
    assert http(endpoint.url, data=b"query=ASK{}", content_type="text/plain")[0] == 415
    assert http(endpoint.url, data=b"", content_type="application/x-www-form-urlencoded")[0] == 400
    assert http(endpoint.server.url + "/query", query="ASK {}")[0] == 200  # /query too
    status, headers, _ = http(endpoint.url, method="OPTIONS")
    assert status == 204
    assert "POST" in headers["Access-Control-Allow-Methods"]


def test_home_page_and_cors(endpoint):
    status, headers, body = http(endpoint.server.url + "/")
    page = body.decode("utf-8")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert f"{endpoint.url}" in page
    assert "<script" not in page.lower()
    _, headers, _ = http(endpoint.url, query="ASK {}")
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_one_log_line_per_request(endpoint):
    before = endpoint.log.getvalue().count("\n")
    http(endpoint.url, query="ASK {}")
    http(endpoint.url + "/missing")
    lines = endpoint.log.getvalue().splitlines()[before:]
    assert len(lines) == 2
    assert re.match(r'127\.0\.0\.1 "GET /sparql" 200 \d+B \d+ms ASK json$', lines[0]), lines[0]
    assert '"GET /sparql/missing" 404' in lines[1]


# --------------------------------------------------------------------------- limits


def _children(pid: int) -> list[int]:
    """Live (not zombie) child processes of ``pid``, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rpartition(")")[2].split()[:2]
        if int(ppid) == pid and state != "Z":
            found.append(int(entry.name))
    return found


def test_time_limit_stops_the_query(strict):
    started = time.monotonic()
    status, _, body = http(strict.url, data=urllib.parse.urlencode({"query": SLOW}).encode(),
                           content_type="application/x-www-form-urlencoded")
    elapsed = time.monotonic() - started
    assert status == 503
    assert b"time limit of 1 s" in body
    assert 0.9 < elapsed < 4.0
    # the worker evaluating the query was killed, not left running
    zygote = strict.server.worker_pid
    if zygote is not None and Path("/proc").is_dir():
        deadline = time.monotonic() + 3
        while _children(zygote) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _children(zygote) == []
    # and the endpoint still answers
    assert wrapper(strict.url, "ASK {}", JSON).queryAndConvert()["boolean"] is True
    assert "503" in strict.log.getvalue() and "timeout after 1 s" in strict.log.getvalue()


def test_result_size_limit_truncates_select(small):
    status, headers, body = http(small.url, query=BULK_VALUES, accept="application/sparql-results+json")
    assert status == 200
    assert headers["X-Result-Truncated"] == "true"
    assert headers["X-Result-Limit"] == "3"
    values = [b["v"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert values == ["0", "1", "2"]
    status, headers, body = http(small.url, query=FRENCH, accept="text/csv")
    assert (status, headers["X-Result-Truncated"]) == (200, "false")
    assert body.count(b"\r\n") == 3


def test_result_size_limit_truncates_construct(small, endpoint):
    query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://example.org/test/graph/bulk> { ?s ?p ?o } }"
    status, headers, body = http(small.url, query=query, accept="application/n-triples")
    assert (status, headers["X-Result-Truncated"]) == (200, "true")
    assert len(Graph().parse(data=body, format="nt")) == 3
    status, headers, body = http(endpoint.url, query=query, accept="application/n-triples")
    assert (status, headers["X-Result-Truncated"]) == (200, "false")
    assert len(Graph().parse(data=body, format="nt")) == BULK


def test_make_server_checks_its_options():
    from aicareers.errors import AiCareersError

    dataset = open_dataset()
    with pytest.raises(AiCareersError, match="time limit"):
        make_server(dataset, timeout=0)
    with pytest.raises(AiCareersError, match="at least 1"):
        make_server(dataset, max_results=0)


def test_busy_port_is_a_one_line_error(endpoint):
    from aicareers.errors import AiCareersError

    port = endpoint.server.server_port
    with pytest.raises(AiCareersError, match=f"cannot listen on 127.0.0.1:{port}: ") as caught:
        make_server(open_dataset(), "127.0.0.1", port, log_stream=io.StringIO())
    assert "\n" not in str(caught.value)


def test_a_slow_query_does_not_hold_up_the_others(strict):
    slow = threading.Thread(target=http, args=(strict.url,), kwargs={"query": SLOW})
    slow.start()
    time.sleep(0.2)  # the slow query is being evaluated
    started = time.monotonic()
    assert wrapper(strict.url, FRENCH, JSON).queryAndConvert()["results"]["bindings"] == FRENCH_JSON
    assert time.monotonic() - started < 0.8
    slow.join(5)


def test_on_disk_oxigraph_store_is_served(tmp_path):
    dataset = build(open_dataset("oxigraph", path=tmp_path / "store"))
    running = Running(dataset)
    try:
        assert wrapper(running.url, FRENCH, JSON).queryAndConvert()["results"]["bindings"] == FRENCH_JSON
    finally:
        running.stop()
