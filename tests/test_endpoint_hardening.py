"""The endpoint under load and abuse: memory per query, nesting, and what standard clients expect.

Each test talks to a real server on 127.0.0.1 over real sockets (raw ones where the point is the
bytes on the wire: keep-alive, chunked bodies, ``Expect: 100-continue``). No test waits for time
to pass or measures it: they wait for an answer, and assert on what it says.
"""

from __future__ import annotations

import http.client
import io
import json
import socket
import threading
import urllib.parse

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from aicareers.sparql.endpoint import make_server
from aicareers.sparql.limits import MAX_NESTING
from aicareers.store import BACKENDS, open_dataset

pytestmark = pytest.mark.server

EX = Namespace("https://example.org/test#")
G = Namespace("https://example.org/test/graph/")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
#: The issue's query: a cross product, sorted, so that it must be held whole in memory.
HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d"
BULK = 3000
#: Texts whose backslash comes before a u or U: SPARQL expands codepoint escapes before parsing.
BACKSLASH_TEXTS = [r"back\slash \u0022", r"\U0001F600 then \u", r"two \\u0041"]


def dataset(backend: str):
    data = open_dataset(backend)
    bulk = data.graph(G.bulk)
    for i in range(BULK):
        bulk.add((EX[f"n{i}"], EX.value, Literal(f"value number {i}")))
    data.graph(G.roles).add((EX.prompt, RDF.type, EX.Role))
    for i, text in enumerate(BACKSLASH_TEXTS):
        data.graph(G.roles).add((EX[f"t{i}"], EX.text, Literal(text)))
    return data


class Running:
    def __init__(self, data, **options):
        self.log = io.StringIO()
        self.server = make_server(data, "127.0.0.1", 0, log_stream=self.log, **options)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = self.server.endpoint_url
        self.port = self.server.server_port

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture(scope="module", params=BACKENDS)
def endpoint(request):
    """Per backend: an endpoint whose queries may take 64 MB each, with a time limit far away."""
    running = Running(dataset(request.param), timeout=300, max_memory=64 << 20, max_workers=2)
    running.backend = request.param
    yield running
    running.stop()


def get(endpoint, path: str, headers: dict | None = None, method: str = "GET"):
    connection = http.client.HTTPConnection("127.0.0.1", endpoint.port, timeout=300)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def query_path(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


# --------------------------------------------------------------------------- memory and nesting


def test_a_query_past_the_memory_limit_gets_503_and_the_server_goes_on(endpoint):
    status, _, body = get(endpoint, query_path(HUNGRY), {"Accept": "text/csv"})
    assert status == 503, body[:300]
    assert b"needed more memory than its limit of 64 MB" in body
    # the worker is gone, the endpoint answers the next query
    status, _, body = get(endpoint, query_path("ASK { ?s a <https://example.org/test#Role> }"))
    assert (status, json.loads(body)["boolean"]) == (200, True)
    assert "out of memory" in endpoint.log.getvalue() or "more memory" in endpoint.log.getvalue()


def test_deep_but_valid_nesting_is_answered(endpoint):
    """rdflib used to call 25 nested parentheses "malformed" (its parser's recursion limit)."""
    depth = 100
    query = "SELECT ?x WHERE { BIND(" + "(" * depth + "1" + ")" * depth + " AS ?x) }"
    status, _, body = get(endpoint, query_path(query), {"Accept": "text/csv"})
    assert (status, body) == (200, b"x\r\n1\r\n")


def test_nesting_past_the_bound_is_refused_with_its_cause(endpoint):
    depth = 20_000
    query = "SELECT * WHERE " + "{" * depth + " ?s ?p ?o " + "}" * depth
    connection = http.client.HTTPConnection("127.0.0.1", endpoint.port, timeout=300)
    connection.request("POST", "/sparql", body=query.encode(), headers={"Content-Type": "application/sparql-query"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 400
    assert f"nests brackets {depth} deep".encode() in body and f"at most {MAX_NESTING}".encode() in body


# --------------------------------------------------------------------------- standard clients


def test_head_is_answered_like_get_without_a_body(endpoint):
    path = query_path("ASK {}")
    status, headers, body = get(endpoint, path)
    head_status, head_headers, head_body = get(endpoint, path, method="HEAD")
    assert (head_status, head_body) == (status, b"")
    assert head_headers["Content-Length"] == str(len(body))
    assert head_headers["Content-Type"] == headers["Content-Type"]


def test_a_service_description_for_rdf_clients(endpoint):
    status, headers, body = get(endpoint, "/sparql", {"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    description = Graph().parse(data=body, format="turtle")
    service = URIRef(f"http://127.0.0.1:{endpoint.port}/sparql")
    assert (service, RDF.type, SD.Service) in description
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in description
    names = set(description.objects(None, SD.name))
    assert names == {G.bulk, G.roles}
    status, headers, body = get(endpoint, "/sparql", {"Accept": "text/html,application/xhtml+xml"})
    assert status == 200 and headers["Content-Type"].startswith("text/html")


def _read_response(stream) -> tuple[int, dict, bytes]:
    status_line = stream.readline().decode("latin-1")
    status = int(status_line.split()[1])
    headers = {}
    while True:
        line = stream.readline().decode("latin-1")
        if line in ("\r\n", "\n", ""):
            break
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    body = stream.read(int(headers.get("content-length", 0)))
    return status, headers, body


def test_http_11_keeps_the_connection_alive(endpoint):
    with socket.create_connection(("127.0.0.1", endpoint.port), timeout=300) as sock:
        stream = sock.makefile("rb")
        request = (f"GET {query_path('ASK {}')} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                   "Accept: application/sparql-results+json\r\n\r\n").encode()
        sock.sendall(request * 3)  # pipelined: three requests on one connection
        answers = [_read_response(stream) for _ in range(3)]
    assert [a[0] for a in answers] == [200, 200, 200]
    assert all(json.loads(a[2])["boolean"] is True for a in answers)
    assert all(a[1].get("connection") != "close" for a in answers)


def test_a_chunked_request_body(endpoint):
    query = b"SELECT ?x WHERE { VALUES ?x { 1 2 } }"
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (query[:10], query[10:]))
    with socket.create_connection(("127.0.0.1", endpoint.port), timeout=300) as sock:
        stream = sock.makefile("rb")
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Accept: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n")
        status, _, body = _read_response(stream)
        # the connection is still usable after a chunked body
        sock.sendall(f"GET {query_path('ASK {}')} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        again, _, _ = _read_response(stream)
    assert (status, body, again) == (200, b"x\r\n1\r\n2\r\n", 200)


def test_expect_100_continue_is_answered_before_the_body(endpoint):
    body = urllib.parse.urlencode({"query": "ASK {}"}).encode()
    with socket.create_connection(("127.0.0.1", endpoint.port), timeout=300) as sock:
        stream = sock.makefile("rb")
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     b"Expect: 100-continue\r\nContent-Length: %d\r\n\r\n" % len(body))
        interim = stream.readline()  # the body is not sent until the server says to go on
        assert interim.startswith(b"HTTP/1.1 100")
        assert stream.readline() == b"\r\n"
        sock.sendall(body)
        status, _, answer = _read_response(stream)
    assert (status, json.loads(answer)["boolean"]) == (200, True)


def test_a_burst_of_connections_is_queued_not_dropped():
    """The listen backlog is 128: 120 connections are all established while the server is busy
    (with the standard library's 5, all but 6 would wait for the client's SYN retries)."""
    server = make_server(dataset("rdflib"), "127.0.0.1", 0, log_stream=io.StringIO())
    try:  # not serving yet: nothing accepts, everything waits in the backlog
        sockets = [socket.create_connection(("127.0.0.1", server.server_port), timeout=30) for _ in range(120)]
        for sock in sockets:
            sock.close()
        assert len(sockets) == 120
    finally:
        server.server_close()


def test_escaped_service_is_refused_like_service(endpoint):
    for spelled in ("SERVICE", "\\u0053ERVICE", "\\U00000053ERVICE", "SERV\\u0049CE"):
        query = f"SELECT * {{ {spelled} <http://127.0.0.1:9/sparql> {{ ?s ?p ?o }} }}"
        status, _, body = get(endpoint, query_path(query))
        assert (status, b"SERVICE" in body) == (403, True), spelled
    status, _, _ = get(endpoint, query_path("\\u0049NSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"))
    assert status == 403


def test_a_long_malformed_query_is_not_echoed_in_full(endpoint):
    query = "SELECT * WHERE { ?s ?p ?o " + "x" * 100_000
    connection = http.client.HTTPConnection("127.0.0.1", endpoint.port, timeout=300)
    connection.request("POST", "/sparql", body=query.encode(), headers={"Content-Type": "application/sparql-query"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 400
    assert len(body) < 2000 and b"malformed SPARQL query" in body


def test_a_long_path_is_not_echoed_in_full(endpoint):
    status, _, body = get(endpoint, "/" + "y" * 30_000)
    assert status == 404 and len(body) < 500


def test_a_body_past_the_limit_gets_413_not_a_broken_pipe(endpoint):
    """The body is read (and dropped) before the answer, so the client, still sending, reads it."""
    for _ in range(3):
        body = b"query=" + b"x" * (2 << 20)
        status, _, answer = get_with_body(endpoint, body)
        assert status == 413 and b"larger than" in answer


def get_with_body(endpoint, body: bytes):
    connection = http.client.HTTPConnection("127.0.0.1", endpoint.port, timeout=300)
    try:
        connection.request("POST", "/sparql", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def test_a_text_parameter_with_a_backslash_u_is_the_text_on_both_stores(endpoint):
    """A text bound with --endpoint reaches the store as the text itself, on both backends: the
    rdflib-backed endpoint once read backslash-u0022 as a quote."""
    from aicareers.sparql.catalog import run_query

    query = "# Param: q: text\nSELECT ?s WHERE { GRAPH ?g { ?s <https://example.org/test#text> ?q } }"
    for i, text in enumerate(BACKSLASH_TEXTS):
        found = [row.s for row in run_query(None, query, {"q": text}, endpoint=endpoint.url)]
        assert found == [EX[f"t{i}"]], (endpoint.backend, text)
