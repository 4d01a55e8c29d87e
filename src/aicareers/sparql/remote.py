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
import threading
import time
import urllib.parse
import urllib.request
import uuid

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result

from aicareers.errors import AiCareersError
from aicareers.namespaces import PREFIXES
from aicareers.sparql.text import blank_opaque
from aicareers.store import backend_of

__all__ = [
    "push", "PushError", "query_remote", "with_project_prefixes", "store_url_for", "query_url_for",
    "update_url_for", "DEFAULT_ACCEPT",
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


class _Unanswered(AiCareersError):
    """A request that got no (complete) answer: the server may or may not have applied it."""


class _NotSent(AiCareersError):
    """A request not sent: the time limit was reached before it."""


def _cut(connection: http.client.HTTPConnection, fired: threading.Event) -> None:
    """At the deadline: shut the connection's socket, so that a blocked send or receive ends now."""
    fired.set()
    sock = connection.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _exchange(method: str, url: str, *, body: bytes | None, headers: dict[str, str],
              deadline: float, limit: float) -> tuple[str, bytes]:
    """One HTTP exchange that ends by ``deadline`` (``time.monotonic()``), whatever the server does.

    A socket timeout bounds each send and receive, not their sum: a server sending a byte every
    second would hold the client for ever. So a timer shuts the socket down at the deadline.
    Returns (Content-Type, body) of a 2xx answer; raises a one-line :class:`AiCareersError`
    (:class:`_Unanswered` when the request went out and no complete answer came back).
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise AiCareersError(f"{method} {url}: not an http(s) URL")
    try:
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise AiCareersError(f"{method} {url}: not a valid URL: {error}") from None
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _NotSent(f"{method} {url}: not sent: the time limit of {limit:g} s was reached")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(host, port, timeout=remaining)
    fired = threading.Event()
    timer = threading.Timer(remaining, _cut, args=(connection, fired))
    timer.daemon = True
    target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    sent = False
    try:
        timer.start()
        try:
            connection.connect()
        except OSError as error:
            if fired.is_set() or isinstance(error, (TimeoutError, socket.timeout)):
                raise AiCareersError(f"{method} {url}: cannot reach the server within the time limit of {limit:g} s") from None
            reason = error.strerror or str(error) or type(error).__name__
            raise AiCareersError(f"{method} {url}: cannot reach the server: {_one_line(reason)}") from None
        try:
            connection.request(method, target, body=body, headers=headers)
            sent = True
            response = connection.getresponse()
            if not 200 <= response.status < 300:
                detail = _one_line(response.read(2000).decode("utf-8", "replace"))
                message = f"{method} {url}: HTTP {response.status} {response.reason}"
                if fired.is_set():  # cut at the deadline: the status line alone says nothing sure
                    raise TimeoutError
                raise AiCareersError(message + (f": {detail}" if detail else ""))
            data = response.read()
            if fired.is_set():  # the socket was cut: what was read may be a truncated answer
                raise TimeoutError
            return response.headers.get("Content-Type", ""), data
        except (OSError, http.client.HTTPException) as error:
            if fired.is_set() or isinstance(error, (TimeoutError, socket.timeout)):
                raise _Unanswered(f"{method} {url}: no complete answer within the time limit of {limit:g} s") from None
            reason = _one_line(str(error) or type(error).__name__)
            if not sent:
                raise AiCareersError(f"{method} {url}: cannot reach the server: {reason}") from None
            raise _Unanswered(f"{method} {url}: the connection failed before a complete answer: {reason}") from None
    finally:
        timer.cancel()
        connection.close()


def _request(request: urllib.request.Request, timeout: float) -> tuple[str, bytes]:
    """Send ``request``; (Content-Type, body) of a 2xx answer, else a one-line AiCareersError.

    ``timeout`` bounds the whole exchange, not each socket operation.
    """
    return _exchange(request.get_method(), request.full_url, body=request.data,
                     headers=dict(request.header_items()), deadline=time.monotonic() + timeout, limit=timeout)


class PushError(AiCareersError):
    """A push that stopped part way, saying exactly what the server now holds of it.

    ``replaced``: graphs the server answered 2xx for (they hold the new triples); ``unknown``:
    the graph whose request got no answer (the server may or may not have applied it);
    ``refused``: the graph the server answered an error for (not applied); ``not_sent``: the rest.
    """

    def __init__(self, reason: str, *, replaced=(), unknown=(), refused=(), not_sent=(), atomic=False,
                 leftovers=()):
        self.reason, self.atomic = reason, atomic
        self.replaced, self.unknown, self.refused = list(replaced), list(unknown), list(refused)
        self.not_sent, self.leftovers = list(not_sent), list(leftovers)
        parts = [reason]
        if atomic:
            if self.unknown:
                parts.append(f"the server may have replaced all {len(self.unknown)} graphs or none: "
                             "query it to know (" + ", ".join(self.unknown) + ")")
            else:
                parts.append("nothing was replaced (all-or-nothing push)")
            if self.leftovers:
                parts.append("staging graphs left on the server: " + ", ".join(self.leftovers))
        else:
            parts.append("replaced on the server: " + (", ".join(self.replaced) or "none"))
            if self.unknown:
                parts.append("sent without an answer, maybe replaced: " + ", ".join(self.unknown))
            if self.refused:
                parts.append("refused by the server: " + ", ".join(self.refused))
            if self.not_sent:
                parts.append("not sent: " + ", ".join(self.not_sent))
        super().__init__("; ".join(parts))


def update_url_for(endpoint_url: str) -> str:
    """The SPARQL Update URL of a server: Oxigraph's ``/update`` beside ``/query`` or ``/store``.

    >>> update_url_for("http://h:7878"), update_url_for("http://h:3030/ds/sparql")
    ('http://h:7878/update', 'http://h:3030/ds/update')
    """
    path = urllib.parse.urlsplit(endpoint_url).path.rstrip("/")
    head, _, last = path.rpartition("/")
    if last == "update":
        return _with_path(endpoint_url, path)
    if last in ("query", "sparql", "store", "data"):
        return _with_path(endpoint_url, f"{head}/update")
    return _with_path(endpoint_url, f"{path}/update")


def _graph_request(target: str, key: str) -> str:
    separator = "&" if "?" in target else "?"
    query = "default" if key == DEFAULT_GRAPH_KEY else urllib.parse.urlencode({"graph": key})
    return f"{target}{separator}{query}"


def push(
    dataset: Dataset,
    endpoint_url: str,
    *,
    store_url: str | None = None,
    replace: bool = True,
    timeout: float = 30,
    atomic: bool = False,
    update_url: str | None = None,
) -> dict[str, int]:
    """Upload every non-empty graph of ``dataset`` to a SPARQL 1.1 Graph Store; graph -> triples.

    Each named graph is sent as N-Triples to ``<store_url>?graph=<its IRI>``, with ``PUT`` when
    ``replace`` (the remote graph becomes exactly the local one) or ``POST`` otherwise (the
    triples are added to what the remote graph holds). A non-empty default graph is sent to
    ``<store_url>?default`` and reported under the key ``"default"``. Remote graphs that the
    dataset lacks are left alone. ``store_url`` defaults to :func:`store_url_for` of
    ``endpoint_url``. Blank nodes are not shared between graphs (each graph is its own document).

    ``timeout`` bounds the whole push (seconds), not each request. A push that stops part way
    raises :class:`PushError`, which names the graphs replaced, the one left in doubt and those
    not sent.

    ``atomic`` (for stores that also speak SPARQL 1.1 Update, at ``update_url``, by default
    :func:`update_url_for` of ``endpoint_url``): every graph is first uploaded into a staging
    graph of its own, then one update request moves them all into place (``MOVE``, or ``ADD``
    and ``DROP`` without ``replace``); a store applies an update request as a whole, so either
    every graph is replaced or none. On failure the staging graphs are deleted.
    """
    if not isinstance(dataset, Dataset):
        raise AiCareersError("the dataset to push is not an rdflib Dataset")
    if not timeout > 0:
        raise AiCareersError(f"the push's time limit must be positive, not {timeout}")
    deadline = time.monotonic() + timeout
    target = store_url or store_url_for(endpoint_url)
    serializer = "ox-ntriples" if backend_of(dataset) == "oxigraph" else "nt"
    graphs = []
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        size = len(graph)
        if size:
            key = DEFAULT_GRAPH_KEY if graph.identifier == DATASET_DEFAULT_GRAPH_ID else str(graph.identifier)
            graphs.append((key, graph, size))
    if atomic:
        return _push_atomic(graphs, target, update_url or update_url_for(endpoint_url), replace=replace,
                            deadline=deadline, timeout=timeout, serializer=serializer)
    counts: dict[str, int] = {}
    for index, (key, graph, size) in enumerate(graphs):
        body = graph.serialize(format=serializer, encoding="utf-8")
        try:
            _exchange("PUT" if replace else "POST", _graph_request(target, key), body=body,
                      headers={"Content-Type": "application/n-triples"}, deadline=deadline, limit=timeout)
        except AiCareersError as error:
            later = [k for k, _, _ in graphs[index + 1:]]
            if isinstance(error, _NotSent):
                raise PushError(str(error), replaced=list(counts), not_sent=[key] + later) from None
            if isinstance(error, _Unanswered):
                raise PushError(str(error), replaced=list(counts), unknown=[key], not_sent=later) from None
            raise PushError(str(error), replaced=list(counts), refused=[key], not_sent=later) from None
        counts[key] = size
    return counts


def _push_atomic(graphs, target: str, update_url: str, *, replace: bool, deadline: float, timeout: float,
                 serializer: str) -> dict[str, int]:
    token = uuid.uuid4().hex
    staging = {key: f"urn:aicareers:staging:{token}:{index}" for index, (key, _, _) in enumerate(graphs)}
    staged: list[str] = []

    def clean_up() -> list[str]:
        """Delete the staging graphs (Graph Store DELETE); those that could not be deleted."""
        left = []
        for key in staged:
            try:
                _exchange("DELETE", _graph_request(target, staging[key]), body=None, headers={},
                          deadline=max(deadline, time.monotonic() + 5), limit=5)
            except AiCareersError:
                left.append(staging[key])
        return left

    for key, graph, _ in graphs:
        body = graph.serialize(format=serializer, encoding="utf-8")
        try:
            _exchange("PUT", _graph_request(target, staging[key]), body=body,
                      headers={"Content-Type": "application/n-triples"}, deadline=deadline, limit=timeout)
        except AiCareersError as error:
            staged.append(key)  # maybe created: delete it too
            raise PushError(f"{error} (uploading {key} to its staging graph)", atomic=True,
                            leftovers=clean_up()) from None
        staged.append(key)

    def place(key: str) -> str:
        into = "DEFAULT" if key == DEFAULT_GRAPH_KEY else f"<{key}>"
        # Not SILENT: a store that cannot move a graph must fail the whole request, not answer 2xx
        # for an update that left the graph where it was (or, for ADD then DROP, lost it).
        if replace:
            return f"MOVE <{staging[key]}> TO {into}"
        return f"ADD <{staging[key]}> TO {into} ; DROP GRAPH <{staging[key]}>"

    update = " ;\n".join(place(key) for key, _, _ in graphs)
    try:
        _exchange("POST", update_url, body=update.encode("utf-8"),
                  headers={"Content-Type": "application/sparql-update; charset=utf-8"},
                  deadline=deadline, limit=timeout)
    except _Unanswered as error:
        raise PushError(f"{error} (the update moving the staging graphs into place)", atomic=True,
                        unknown=[key for key, _, _ in graphs], leftovers=list(staging.values())) from None
    except AiCareersError as error:
        raise PushError(f"{error} (the update moving the staging graphs into place)", atomic=True,
                        leftovers=clean_up()) from None
    return {key: size for key, _, size in graphs}


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
