"""The W3C SPARQL 1.1 Protocol tests (``tests/fixtures/w3c_protocol/manifest.ttl``), run on both backends.

The manifest describes HTTP requests and the answers they must get. Its data (``data1.nt`` ..
``data3.nt``: one ``foaf:Document`` per graph, named after the graph) is adapted to this graph,
the protocol aspect kept: ``data1``, ``data2`` and ``data3`` become the named graphs of ESCO,
ROME and O*NET, and the document each one holds becomes that framework's source node (an
``aic:Source`` stated in its own graph only); ``data0`` (no such graph) stays a graph the store
lacks. Each request is then replayed, byte for byte otherwise, to the endpoint of each backend
over the built graph.

Query tests must get the manifest's status, format and boolean. Update tests get 403: the
endpoint is read-only by design (the manifest's bad update requests get 4xx as it asks). Because
the adapted ASK queries would also be true over the union of every graph, each dataset test is
replayed a second time with the dataset narrowed so that the answer must be false.
"""

from __future__ import annotations

import http.client
import io
import json
import re
import threading
import urllib.parse
from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF

from aicareers.sparql.endpoint import make_server
from aicareers.store import BACKENDS, load_dataset

pytestmark = pytest.mark.server

MANIFEST = Path(__file__).parent / "fixtures" / "w3c_protocol" / "manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
KASEI = "http://kasei.us/2009/09/sparql/data/data{}.rdf"
ID = "https://w3id.org/ai-careers/id/"
#: data N -> (the named graph, the node it alone says is an aic:Source)
ADAPTED = {
    "0": (ID + "graph/no-such-graph", ID + "source/no-such-source"),
    "1": (ID + "graph/esco", ID + "source/esco"),
    "2": (ID + "graph/rome", ID + "source/rome"),
    "3": (ID + "graph/onet", ID + "source/onet"),
}
DATASET_PARAMS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")
RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
TABULAR_TYPES = RESULT_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
             "application/ld+json": "json-ld"}


# --------------------------------------------------------------------------- reading the manifest


def _requests(manifest: Graph, test) -> list[dict]:
    action = manifest.value(test, MF.action)
    out = []
    for request in Collection(manifest, manifest.value(action, HT.requests)):
        body = manifest.value(request, HT.body)
        headers = {}
        listed = manifest.value(request, HT.headers)
        for header in (Collection(manifest, listed) if listed is not None else []):
            headers[str(manifest.value(header, HT.fieldName))] = str(manifest.value(header, HT.fieldValue))
        response = manifest.value(request, HT.resp)
        boolean = manifest.value(response, MF.expectedBoolean)
        out.append({
            "method": str(manifest.value(request, HT.methodName)),
            "path": str(manifest.value(request, HT.absolutePath)),
            "body": None if body is None else str(manifest.value(body, CNT.chars)),
            "encoding": None if body is None else str(manifest.value(body, CNT.characterEncoding) or "UTF-8"),
            "headers": headers,
            "status": sorted(str(s).rsplit("StatusCode", 1)[1][0] for s in manifest.objects(response, MF.expectedStatus)),
            "format": None if manifest.value(response, MF.expectedFormat) is None
            else str(manifest.value(response, MF.expectedFormat)),
            "boolean": None if boolean is None else boolean.toPython(),
        })
    return out


def load_manifest() -> dict[str, list[dict]]:
    manifest = Graph().parse(MANIFEST, format="turtle")
    root = next(manifest.subjects(RDF.type, MF.Manifest))
    tests = {}
    for test in Collection(manifest, manifest.value(root, MF.entries)):
        tests[str(test).rsplit("#", 1)[1]] = _requests(manifest, test)
    return tests


TESTS = load_manifest()
UPDATE_TESTS = sorted(name for name in TESTS if "update" in name)
QUERY_TESTS = sorted(name for name in TESTS if name not in UPDATE_TESTS)


# --------------------------------------------------------------------------- adapting the data


def adapt_query(text: str, swap: dict[str, str] | None = None) -> str:
    """The query with each data N graph in a FROM as its adapted graph, else as its adapted node.

    ``swap`` (data N -> data M) changes the graphs the dataset names, never the nodes asked about.
    """
    def graph(match):
        n = (swap or {}).get(match.group(2), match.group(2))
        return f"{match.group(1)}<{ADAPTED[n][0]}>"

    def node(match):  # the nodes asked about stay: only the dataset is swapped
        return f"<{ADAPTED[match.group(1)][1]}>"

    pattern = re.escape(KASEI).replace(r"\{\}", r"(\d)")
    text = re.sub(r"(FROM\s+(?:NAMED\s+)?)<" + pattern + ">", graph, text, flags=re.I)
    return re.sub("<" + pattern + ">", node, text)


def adapt_pairs(pairs: list[tuple[str, str]], swap: dict[str, str] | None = None) -> list[tuple[str, str]]:
    out = []
    for name, value in pairs:
        found = re.fullmatch(re.escape(KASEI).replace(r"\{\}", r"(\d)"), value)
        if name in DATASET_PARAMS and found:
            value = ADAPTED[(swap or {}).get(found.group(1), found.group(1))][0]
        elif name in ("query", "update"):
            value = adapt_query(value, swap)
        out.append((name, value))
    return out


def adapt(request: dict, swap: dict[str, str] | None = None) -> tuple[str, str, bytes | None, dict]:
    """(method, path, body, headers) of the request, on the adapted data."""
    path, _, query = request["path"].partition("?")
    if query:
        path += "?" + urllib.parse.urlencode(adapt_pairs(urllib.parse.parse_qsl(query, keep_blank_values=True), swap))
    body = request["body"]
    content_type = request["headers"].get("content-type", "").split(";")[0].strip()
    if body is not None:
        if content_type == "application/x-www-form-urlencoded":
            body = urllib.parse.urlencode(adapt_pairs(urllib.parse.parse_qsl(body, keep_blank_values=True), swap))
        else:
            body = adapt_query(body, swap)
        body = body.encode(request["encoding"].lower())
    return request["method"], path, body, dict(request["headers"])


# --------------------------------------------------------------------------- the endpoints


@pytest.fixture(scope="module")
def endpoints(built, built_dir):
    running = {}
    for backend in BACKENDS:
        server = make_server(load_dataset(built_dir / "ai-careers.nq", backend=backend),
                             log_stream=io.StringIO(), timeout=120)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        running[backend] = (server, thread)
    yield {backend: server.server_port for backend, (server, _) in running.items()}
    for server, thread in running.values():
        server.shutdown()
        server.server_close()
        thread.join(5)


def send(port: int, method: str, path: str, body: bytes | None, headers: dict) -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        headers = {"Host": "www.example", **headers}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, (response.getheader("Content-Type") or "").split(";")[0].strip(), response.read()
    finally:
        connection.close()


def boolean_of(content_type: str, body: bytes) -> bool:
    if content_type.endswith("json"):
        return json.loads(body)["boolean"]
    return re.search(rb"<boolean>\s*(true|false)\s*</boolean>", body).group(1) == b"true"


def check(answer: tuple[int, str, bytes], expected: dict) -> None:
    status, content_type, body = answer
    assert str(status)[0] in expected["status"], (status, body[:300])
    if expected["format"] == "boolean":
        assert content_type in RESULT_TYPES, content_type
        if expected["boolean"] is not None:
            assert boolean_of(content_type, body) is expected["boolean"], body[:300]
    elif expected["format"] == "tabular":
        assert content_type in TABULAR_TYPES, content_type
        if content_type.endswith("json"):
            assert "bindings" in json.loads(body)["results"]
    elif expected["format"] == "RDF":
        assert content_type in RDF_TYPES, content_type
        Graph().parse(data=body, format=RDF_TYPES[content_type])  # well-formed, absolute IRIs


# --------------------------------------------------------------------------- the tests


def test_the_manifest_has_its_tests():
    assert len(QUERY_TESTS) == 20 and len(UPDATE_TESTS) == 14


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", QUERY_TESTS)
def test_query(endpoints, backend, name):
    for request in TESTS[name]:
        check(send(endpoints[backend], *adapt(request)), request)


#: Dataset tests replayed with one graph swapped for another that lacks the node asked about:
#: over the dataset the protocol names (not the union of every graph) the answer must be false.
NARROWED = {
    "query_dataset_default_graphs_get": {"2": "3"},
    "query_dataset_default_graphs_post": {"2": "3"},
    "query_dataset_named_graphs_get": {"2": "3"},
    "query_dataset_named_graphs_post": {"2": "3"},
    "query_dataset_full": {"3": "1"},
    "query_multiple_dataset": {"2": "3"},
}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", sorted(NARROWED))
def test_the_dataset_is_the_one_the_request_names(endpoints, backend, name):
    (request,) = TESTS[name]
    method, path, body, headers = adapt(request)
    narrowed = adapt(request, swap=NARROWED[name])
    status, content_type, answer = send(endpoints[backend], *narrowed)
    assert status == 200 and boolean_of(content_type, answer) is False, (name, narrowed[1], narrowed[2])
    status, content_type, answer = send(endpoints[backend], method, path, body, headers)
    assert status == 200 and boolean_of(content_type, answer) is True


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", UPDATE_TESTS)
def test_updates_are_refused(endpoints, backend, name):
    """Read-only by design: an update gets 403 (the bad ones, 4xx as the manifest asks)."""
    request = TESTS[name][0]
    status, _, body = send(endpoints[backend], *adapt(request))
    if name.startswith("update_"):
        assert status == 403, body[:300]
    else:
        assert 400 <= status < 500, body[:300]
