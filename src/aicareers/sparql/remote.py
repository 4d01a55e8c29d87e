"""Any SPARQL store: push the dataset through the Graph Store Protocol, query it through the Protocol.

Standard library HTTP (``urllib``) only. Every failure (unreachable host, HTTP error status,
time-out, unreadable answer) raises :class:`~aicareers.errors.AiCareersError` with a one-line
message naming the URL and the status or reason.

URLs: ``endpoint_url`` may be a server's base URL or one of its service URLs. The defaults follow
Oxigraph's layout (``/query``, ``/update``, ``/store``):

>>> store_url_for("http://localhost:7878")
'http://localhost:7878/store'
>>> store_url_for("http://localhost:7878/query")
'http://localhost:7878/store'
>>> query_url_for("http://localhost:7878/")
'http://localhost:7878/query'

Other stores have other layouts (Fuseki: ``/dataset/sparql`` and ``/dataset/data``): give their
Graph Store URL as ``store_url`` (the CLI's ``--store URL``) and their query URL as is.

>>> query_remote("http://127.0.0.1:9", "ASK {}")  # nothing listens on the discard port
Traceback (most recent call last):
...
aicareers.errors.AiCareersError: POST http://127.0.0.1:9/query: cannot reach the server: Connection refused
"""

from __future__ import annotations

import http.client
import io
import re
import socket
import urllib.error
import urllib.parse
import urllib.request

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result

from aicareers.errors import AiCareersError
from aicareers.namespaces import PREFIXES
from aicareers.sparql.text import blank_opaque
from aicareers.store import backend_of

__all__ = [
    "push", "query_remote", "with_project_prefixes", "store_url_for", "query_url_for", "DEFAULT_ACCEPT",
]

#: What :func:`query_remote` asks for: JSON results for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE.
DEFAULT_ACCEPT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "text/turtle;q=0.8, application/n-triples;q=0.7, application/rdf+xml;q=0.5"
)
#: Key of the default graph in :func:`push`'s answer (it is sent with ``?default``).
DEFAULT_GRAPH_KEY = "default"

_RESULT_FORMATS = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
_GRAPH_FORMATS = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _with_path(url: str, path: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def store_url_for(endpoint_url: str) -> str:
    """The Graph Store Protocol URL of a server, Oxigraph's ``/store`` unless already a store URL.

    >>> store_url_for("http://h:3030/ds/data")
    'http://h:3030/ds/data'
    >>> store_url_for("http://h/sparql")
    'http://h/store'
    """
    path = urllib.parse.urlsplit(endpoint_url).path.rstrip("/")
    head, _, last = path.rpartition("/")
    if last in ("store", "data"):
        return _with_path(endpoint_url, path)
    if last in ("query", "sparql", "update"):
        return _with_path(endpoint_url, f"{head}/store")
    return _with_path(endpoint_url, f"{path}/store")


def query_url_for(endpoint_url: str) -> str:
    """The query URL of a server: ``/query`` for a bare base URL or a ``/store`` URL, else as is.

    >>> query_url_for("http://h:7878/sparql")
    'http://h:7878/sparql'
    >>> query_url_for("http://h:7878/store")
    'http://h:7878/query'
    """
    path = urllib.parse.urlsplit(endpoint_url).path.rstrip("/")
    head, _, last = path.rpartition("/")
    if not path:
        return _with_path(endpoint_url, "/query")
    if last == "store":
        return _with_path(endpoint_url, f"{head}/query")
    return endpoint_url


def _request(request: urllib.request.Request, timeout: float) -> tuple[str, bytes]:
    """Send ``request``; (Content-Type, body) of a 2xx answer, else a one-line AiCareersError."""
    url = request.full_url
    method = request.get_method()
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise AiCareersError(f"{method} {url}: not an http(s) URL")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        try:
            detail = _one_line(error.read(2000).decode("utf-8", "replace"))
        except (OSError, http.client.HTTPException):
            detail = ""
        message = f"{method} {url}: HTTP {error.code} {error.reason}"
        raise AiCareersError(message + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, OSError) and reason.strerror:
            reason = reason.strerror
        raise AiCareersError(f"{method} {url}: cannot reach the server: {_one_line(str(reason))}") from None
    except (TimeoutError, socket.timeout):
        raise AiCareersError(f"{method} {url}: no answer within {timeout:g} s") from None
    except (OSError, http.client.HTTPException) as error:  # reset connection, bad status line...
        raise AiCareersError(f"{method} {url}: {_one_line(str(error) or type(error).__name__)}") from None


def push(
    dataset: Dataset,
    endpoint_url: str,
    *,
    store_url: str | None = None,
    replace: bool = True,
    timeout: float = 30,
) -> dict[str, int]:
    """Upload every non-empty graph of ``dataset`` to a SPARQL 1.1 Graph Store; graph -> triples.

    Each named graph is sent as N-Triples to ``<store_url>?graph=<its IRI>``, with ``PUT`` when
    ``replace`` (the remote graph becomes exactly the local one) or ``POST`` otherwise (the
    triples are added to what the remote graph holds). A non-empty default graph is sent to
    ``<store_url>?default`` and reported under the key ``"default"``. Remote graphs that the
    dataset lacks are left alone. ``store_url`` defaults to :func:`store_url_for` of
    ``endpoint_url``. Blank nodes are not shared between graphs (each graph is its own document).
    """
    if not isinstance(dataset, Dataset):
        raise AiCareersError("the dataset to push is not an rdflib Dataset")
    target = store_url or store_url_for(endpoint_url)
    separator = "&" if "?" in target else "?"
    serializer = "ox-ntriples" if backend_of(dataset) == "oxigraph" else "nt"
    counts: dict[str, int] = {}
    graphs = sorted(dataset.graphs(), key=lambda g: str(g.identifier))
    for graph in graphs:
        size = len(graph)
        if size == 0:
            continue
        if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
            key, query = DEFAULT_GRAPH_KEY, "default"
        else:
            key = str(graph.identifier)
            query = urllib.parse.urlencode({"graph": key})
        body = graph.serialize(format=serializer, encoding="utf-8")
        request = urllib.request.Request(
            f"{target}{separator}{query}",
            data=body,
            method="PUT" if replace else "POST",
            headers={"Content-Type": "application/n-triples"},
        )
        _request(request, timeout)
        counts[key] = size
    return counts


def with_project_prefixes(sparql: str) -> str:
    """``sparql`` preceded by the ``PREFIX`` declarations of the project's prefixes it uses
    without declaring them, all on its first line (so that error line numbers do not move).

    A local dataset binds the project's prefixes (:mod:`aicareers.store`); a remote store knows
    none, so this makes the same query text run on both.

    >>> with_project_prefixes("SELECT ?r { ?r a aic:Role }")
    'PREFIX aic: <https://w3id.org/ai-careers/ontology#> SELECT ?r { ?r a aic:Role }'
    >>> with_project_prefixes('PREFIX aic: <urn:x#> SELECT ?r { ?r a aic:Role ; rdfs:label "aic:" }')
    'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX aic: <urn:x#> SELECT ?r { ?r a aic:Role ; rdfs:label "aic:" }'
    """
    syntax = blank_opaque(sparql)
    used = set(re.findall(r"(?<![\w?$:.\-])([A-Za-z][\w.\-]*):", syntax))
    declared = set(re.findall(r"(?i:PREFIX)\s*([A-Za-z][\w.\-]*)?:", syntax))
    missing = [p for p in PREFIXES if p in used and p not in declared]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}> " for p in missing) + sparql


def query_remote(
    endpoint_url: str,
    sparql: str,
    *,
    accept: str = DEFAULT_ACCEPT,
    timeout: float = 30,
    prefixes: bool = True,
) -> Result:
    """Run ``sparql`` at a SPARQL 1.1 Protocol endpoint (POST form); an rdflib :class:`Result`.

    SELECT and ASK answers are parsed with rdflib's result parsers (JSON, XML, CSV, TSV),
    CONSTRUCT and DESCRIBE answers into ``result.graph``: the same code prints them as the
    answers of a local ``dataset.query``. ``endpoint_url`` goes through :func:`query_url_for`.
    With ``prefixes``, the project's prefixes the query uses undeclared are declared
    (:func:`with_project_prefixes`), as a local dataset would know them.
    """
    url = query_url_for(endpoint_url)
    if prefixes:
        sparql = with_project_prefixes(sparql)
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"query": sparql}).encode("utf-8"),
        method="POST",
        headers={
            "Accept": accept,
            "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        },
    )
    content_type, body = _request(request, timeout)
    media = content_type.split(";")[0].strip().lower()
    try:
        if media in _RESULT_FORMATS:
            return Result.parse(io.BytesIO(body), format=_RESULT_FORMATS[media])
        if media in _GRAPH_FORMATS:
            graph = Graph()
            graph.parse(data=body, format=_GRAPH_FORMATS[media])
            result = Result("CONSTRUCT")
            result.graph = graph
            return result
    except Exception as error:  # noqa: BLE001 - any parser's failure, on one line
        raise AiCareersError(
            f"POST {url}: unreadable {media} answer: {_one_line(str(error) or type(error).__name__)}"
        ) from None
    raise AiCareersError(f"POST {url}: unexpected answer type {content_type or '(none)'}")
