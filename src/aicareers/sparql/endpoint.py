"""A read-only SPARQL 1.1 Protocol endpoint over a dataset, with the standard library only.

:func:`make_server` returns a :class:`SparqlServer` (a ``ThreadingHTTPServer``); :func:`serve`
runs one until Ctrl-C. The server only calls ``dataset.query(...)`` and serialises rdflib results,
so it serves both backends of :mod:`aicareers.store` (rdflib's memory store and Oxigraph).

The protocol, at ``/sparql`` (and ``/query``):

- ``GET /sparql?query=...``; ``POST`` of ``application/x-www-form-urlencoded`` (``query=...``) or of
  ``application/sparql-query`` (the query as the body). Other parameters (such as ``format``) are
  ignored. ``default-graph-uri`` and ``named-graph-uri`` are **not supported** and answered with
  400: without ``GRAPH`` a query sees the union of every named graph; use ``GRAPH <iri>`` (or
  ``FROM <iri>``, which names a graph of the dataset: nothing is ever fetched from the web).
- Read-only: an ``update`` parameter, an ``application/sparql-update`` body or a query that is an
  update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ``DROP``, ``CREATE``, ``ADD``, ``MOVE``,
  ``COPY``, ``WITH``) gets **403**. So does a federated query (``SERVICE``): the endpoint makes no
  outgoing request.
- A malformed query gets **400** with the parser's message, its line and column, and the line
  with a caret under the column.
- Content negotiation on ``Accept`` (q-values honoured, ties go to the first listed here):
  SELECT: ``application/sparql-results+json`` (default), ``application/sparql-results+xml``,
  ``text/csv``, ``text/tab-separated-values``; ASK: the JSON and XML results formats;
  CONSTRUCT and DESCRIBE: ``text/turtle`` (default), ``application/ld+json``,
  ``application/n-triples``, ``application/rdf+xml``. ``application/json`` and
  ``application/xml`` are read as the SPARQL results formats. Nothing acceptable: **406**.
- Every answer has ``Access-Control-Allow-Origin: *``; ``OPTIONS`` answers CORS preflights.
- One line per request is logged to stderr (or ``log_stream``): client, method, path (not the
  query string), status, size, duration and what was answered.
- ``GET /`` (and ``GET /sparql`` without a query) is a small HTML page (no script) with a form.

**Time limit** (``timeout`` seconds, 503 when exceeded). rdflib's evaluation is pure Python and
cannot be interrupted from another thread, and Oxigraph's cannot be cancelled either, so queries
are not evaluated in the server's process. :func:`make_server` forks, once, a single-threaded
*zygote* process holding the dataset; for each query the zygote forks a *worker* that evaluates
and serialises it and sends the response back over a socket pair. The request thread waits for
that response until the deadline and otherwise kills the worker (``SIGKILL``) and answers 503:
the evaluation really stops and its memory is freed. Workers start from a copy-on-write snapshot
of the dataset as it was when :func:`make_server` was called: later changes to ``dataset`` in
this process are not seen (do not write to an on-disk store while it is served). At most
``max_workers`` queries are evaluated at once; a query waiting longer than the time limit for a
free worker also gets 503. On platforms without ``os.fork`` (Windows) queries run in a thread and
the limit only bounds the wait: the evaluation goes on in the background.

**Result-size limit** (``max_results``): a SELECT answers at most ``max_results`` rows and a
CONSTRUCT or DESCRIBE at most ``max_results`` triples. A larger result is *truncated* (not
refused), and said so with the header ``X-Result-Truncated: true`` (``false`` otherwise, with
``X-Result-Limit`` giving the limit). Rows are pulled lazily from the engine, so a huge result is
cut without being computed in full when the engine streams it. Which triples a truncated graph
keeps is unspecified.

>>> import threading, urllib.request, urllib.parse
>>> from rdflib import Literal, URIRef
>>> from aicareers.store import open_dataset
>>> ds = open_dataset("rdflib")
>>> _ = ds.graph(URIRef("urn:x:g")).add((URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("été")))
>>> server = make_server(ds, log_stream=io.StringIO())
>>> threading.Thread(target=server.serve_forever, daemon=True).start()
>>> url = server.endpoint_url + "?" + urllib.parse.urlencode({"query": "SELECT ?o { ?s ?p ?o }"})
>>> request = urllib.request.Request(url, headers={"Accept": "text/csv"})
>>> with urllib.request.urlopen(request) as response:
...     print(response.headers["Content-Type"], response.read())
text/csv; charset=utf-8 b'o\\r\\n\\xc3\\xa9t\\xc3\\xa9\\r\\n'
>>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

import html
import io
import itertools
import json
import os
import re
import select
import signal
import socket
import struct
import sys
import threading
import time
import warnings
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import IO, Sequence
from urllib.parse import parse_qs, urlsplit

from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.query import Result

from aicareers.errors import AiCareersError
from aicareers.namespaces import bind_prefixes
from aicareers.store import backend_of, normalize_term
from aicareers.sparql.results import csv_text, tsv_text

__all__ = [
    "SparqlServer", "make_server", "serve", "negotiate", "query_form", "uses_service",
    "blank_opaque", "evaluate", "Outcome",
]

QUERY_PATHS = ("/sparql", "/query")
#: Largest POST body accepted (bytes); a bigger one gets 413.
MAX_BODY_BYTES = 1 << 20


#: Offers per result kind: (media type a client may ask for, format key). The first is the default.
RESULTS_OFFERS: tuple[tuple[str, str], ...] = (
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("application/json", "json"),
    ("application/xml", "xml"),
)
BOOLEAN_OFFERS: tuple[tuple[str, str], ...] = (
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/json", "json"),
    ("application/xml", "xml"),
)
GRAPH_OFFERS: tuple[tuple[str, str], ...] = (
    ("text/turtle", "turtle"),
    ("application/ld+json", "json-ld"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "rdfxml"),
    ("application/turtle", "turtle"),
    ("application/x-turtle", "turtle"),
    ("application/x-json+ld", "json-ld"),
)
#: format key -> Content-Type of the answer.
CONTENT_TYPES = {
    "json": "application/sparql-results+json; charset=utf-8",
    "xml": "application/sparql-results+xml; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples; charset=utf-8",
    "rdfxml": "application/rdf+xml; charset=utf-8",
}
#: rdflib serializer name of each graph format key.
_GRAPH_SERIALIZERS = {"turtle": "turtle", "json-ld": "json-ld", "nt": "nt", "rdfxml": "xml"}

QUERY_FORMS = {"SELECT": RESULTS_OFFERS, "ASK": BOOLEAN_OFFERS, "CONSTRUCT": GRAPH_OFFERS, "DESCRIBE": GRAPH_OFFERS}
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)

_HTTP_REASONS = {
    200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 406: "Not Acceptable", 411: "Length Required",
    413: "Content Too Large", 415: "Unsupported Media Type", 500: "Internal Server Error",
    503: "Service Unavailable",
}


# --------------------------------------------------------------------------- content negotiation


def _parse_accept(header: str) -> list[tuple[str, float]]:
    ranges = []
    for part in header.split(","):
        media, *params = [piece.strip() for piece in part.split(";")]
        media = media.lower()
        if media == "*":
            media = "*/*"
        if media.count("/") != 1:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def negotiate(accept: str | None, offers: Sequence[tuple[str, str]]) -> tuple[str, str] | None:
    """The offer ``(media type, format)`` a client's ``Accept`` header prefers, or ``None``.

    Each offer gets the q-value of the most specific range that matches it (``type/subtype``,
    then ``type/*``, then ``*/*``); the highest q wins, ties going to the earlier offer. No (or an
    empty) ``Accept`` means the first offer.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULTS_OFFERS)
    ('application/sparql-results+xml', 'xml')
    >>> negotiate("text/*", RESULTS_OFFERS)
    ('text/csv', 'csv')
    >>> negotiate("*/*;q=0.1, text/tab-separated-values", RESULTS_OFFERS)[1]
    'tsv'
    >>> negotiate("application/json, text/javascript", BOOLEAN_OFFERS)
    ('application/json', 'json')
    >>> negotiate("text/*, text/turtle;q=0", GRAPH_OFFERS) is None
    True
    >>> negotiate(None, GRAPH_OFFERS)
    ('text/turtle', 'turtle')
    """
    if accept is None or not accept.strip():
        return offers[0]
    ranges = _parse_accept(accept)
    best, best_q = None, 0.0
    for offer in offers:
        media = offer[0]
        kind = media.split("/")[0] + "/*"
        specificity, q = 0, 0.0
        for pattern, pattern_q in ranges:
            rank = 3 if pattern == media else 2 if pattern == kind else 1 if pattern == "*/*" else 0
            if rank > specificity:
                specificity, q = rank, pattern_q
        if q > best_q:
            best, best_q = offer, q
    return best


# --------------------------------------------------------------------------- looking at query text

_IGNORABLE = re.compile(r"(?:\s+|#[^\n\r]*)+")
_PREFIX_DECL = re.compile(r"(?i:PREFIX)\s*[^\s:<]*:\s*<[^>]*>")
_BASE_DECL = re.compile(r"(?i:BASE)\s*<[^>]*>")
_KEYWORD = re.compile(r"[A-Za-z]+")
#: Strings, IRIs and comments: blanked out before looking for keywords.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n\r]*",
    re.S,
)
_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.I)


def query_form(text: str) -> str | None:
    """The first keyword after the prologue (``PREFIX``/``BASE`` and comments), upper-cased.

    >>> query_form("# roles\\nPREFIX aic: <https://w3id.org/ai-careers/ontology#>\\nselect * {}")
    'SELECT'
    >>> query_form("BASE <http://x/> PREFIX : <#> INSERT DATA { <a> <b> <c> }")
    'INSERT'
    >>> query_form("{ nothing }") is None
    True
    """
    position = 0
    while True:
        for pattern in (_IGNORABLE, _PREFIX_DECL, _BASE_DECL):
            match = pattern.match(text, position)
            if match and match.end() > position:
                position = match.end()
                break
        else:
            match = _KEYWORD.match(text, position)
            return match.group(0).upper() if match else None


def blank_opaque(text: str) -> str:
    """``text`` with its strings, IRIs and comments replaced by a space: what is left is syntax.

    >>> blank_opaque('SELECT ?x { ?x <http://x/#y> "a # b" } # done')
    'SELECT ?x { ?x     }  '
    """
    return _OPAQUE.sub(" ", text)


def uses_service(text: str) -> bool:
    """Whether a query has a ``SERVICE`` clause (outside strings, IRIs and comments).

    >>> uses_service("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service <http://x/SERVICE> "SERVICE" } # SERVICE')
    False
    """
    return bool(_SERVICE.search(blank_opaque(text)))


# --------------------------------------------------------------------------- evaluation


@dataclass
class Outcome:
    """An HTTP answer: status, headers, body, and a few words for the log line."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    note: str = ""

    @classmethod
    def error(cls, status: int, message: str, note: str = "") -> "Outcome":
        reason = _HTTP_REASONS.get(status, "Error")
        body = f"{status} {reason}: {message}\n".encode("utf-8")
        return cls(status, body, {"Content-Type": "text/plain; charset=utf-8"}, note or reason.lower())


def _malformed(error: Exception, query: str) -> Outcome:
    """400 naming the line and column the parser stopped at, with that line and a caret."""
    line = column = None
    message = str(error)
    lineno = getattr(error, "lineno", None)
    if type(error).__module__.startswith("pyparsing") and lineno:
        line, column = error.lineno, error.col  # type: ignore[attr-defined]
        message = re.sub(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)\s*$", "", message)
    else:
        found = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)  # Oxigraph's SyntaxError
        if found:
            line, column, message = int(found.group(1)), int(found.group(2)), found.group(3)
    if line is None:
        return Outcome.error(400, f"malformed SPARQL query: {message}", "malformed query")
    text = f"malformed SPARQL query at line {line}, column {column}: {message}"
    lines = query.split("\n")  # as the parsers count lines
    if 0 < line <= len(lines):
        text += "\n" + lines[line - 1].rstrip("\r") + "\n" + " " * max(column - 1, 0) + "^"
    return Outcome.error(400, text, f"malformed query at {line}:{column}")


def _run_query(dataset, query: str) -> Result:
    """Evaluate; raises ``_BadQuery`` for errors in the query text itself."""
    if backend_of(dataset) == "oxigraph":
        try:
            return dataset.query(query)
        except SyntaxError as error:
            raise _BadQuery(error) from None
    from rdflib.plugins.sparql import prepareQuery

    try:  # parse and translate first, so that errors of the query are told from failures
        prepared = prepareQuery(query, initNs=dict(dataset.namespaces()))
    except Exception as error:  # pyparsing's ParseException, or "Unknown namespace prefix"
        raise _BadQuery(error) from None
    return dataset.query(prepared)


class _BadQuery(Exception):
    def __init__(self, error: Exception):
        super().__init__(str(error))
        self.error = error


def _select_body(variables: list[Variable], rows: list[dict], fmt: str) -> bytes:
    if fmt in ("json", "xml"):
        result = Result("SELECT")
        result.vars = variables
        result.bindings = rows
        return result.serialize(format=fmt)
    if fmt == "csv":
        return csv_text(variables, rows).encode("utf-8")
    return tsv_text(variables, rows).encode("utf-8")


def evaluate(dataset, query: str, *, accept: str | None = None, max_results: int = 10000) -> Outcome:
    """Evaluate ``query`` on ``dataset`` and serialise the answer as ``accept`` prefers.

    This is what a worker process runs (no time limit here); it never raises.

    >>> from aicareers.store import open_dataset
    >>> answer = evaluate(open_dataset(), "ASK { }")
    >>> answer.status, answer.body
    (200, b'{"head": {}, "boolean": true}')
    >>> evaluate(open_dataset(), "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }", accept="text/csv",
    ...          max_results=2).headers["X-Result-Truncated"]
    'true'
    """
    try:
        result = _run_query(dataset, query)
    except _BadQuery as bad:
        return _malformed(bad.error, query)
    except Exception as error:  # noqa: BLE001 - reported to the client
        return Outcome.error(500, f"query evaluation failed: {type(error).__name__}: {error}")
    try:
        kind = result.type
        offers = QUERY_FORMS.get(kind, RESULTS_OFFERS)
        chosen = negotiate(accept, offers)
        if chosen is None:
            return _not_acceptable(kind, offers)
        fmt = chosen[1]
        headers = {"Content-Type": CONTENT_TYPES[fmt]}
        if kind == "ASK":
            answer = Result("ASK")
            answer.askAnswer = bool(result.askAnswer)
            return Outcome(200, answer.serialize(format=fmt), headers, f"ASK {fmt}")
        if kind == "SELECT":
            variables = [Variable(v) for v in (result.vars or [])]
            rows: list[dict] = []
            truncated = False
            for row in result:  # lazily: stop pulling once past the limit
                if len(rows) == max_results:
                    truncated = True
                    break
                rows.append(
                    {Variable(k): normalize_term(v) for k, v in row.asdict().items()}
                )
            body = _select_body(variables, rows, fmt)
            count = f"{len(rows)} rows"
        else:  # CONSTRUCT, DESCRIBE
            graph = bind_prefixes(Graph(bind_namespaces="none"))
            triples = list(itertools.islice(iter(result.graph), max_results + 1))
            truncated = len(triples) > max_results
            for s, p, o in triples[:max_results]:
                graph.add((s, p, normalize_term(o)))
            body = graph.serialize(format=_GRAPH_SERIALIZERS[fmt], encoding="utf-8")
            count = f"{len(graph)} triples"
        headers["X-Result-Truncated"] = "true" if truncated else "false"
        headers["X-Result-Limit"] = str(max_results)
        return Outcome(200, body, headers, f"{kind} {fmt} {count}" + (" TRUNCATED" if truncated else ""))
    except Exception as error:  # noqa: BLE001 - reported to the client
        return Outcome.error(500, f"query evaluation failed: {type(error).__name__}: {error}")


def _not_acceptable(kind: str, offers: Sequence[tuple[str, str]]) -> Outcome:
    types = ", ".join(dict.fromkeys(media for media, _ in offers))
    return Outcome.error(406, f"no acceptable format for {kind} results; available: {types}")


# --------------------------------------------------------------------------- workers


def _send_frame(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(struct.pack("!Q", len(payload)) + payload)


def _recv_exact(sock: socket.socket, size: int, deadline: float | None) -> bytes:
    chunks, received = [], 0
    while received < size:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            sock.settimeout(remaining)
        chunk = sock.recv(min(size - received, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        received += len(chunk)
    return b"".join(chunks)


def _recv_frame(sock: socket.socket, deadline: float | None = None) -> bytes:
    (size,) = struct.unpack("!Q", _recv_exact(sock, 8, deadline))
    return _recv_exact(sock, size, deadline)


def _forbid_network(event: str, args) -> None:
    """Audit hook of the worker processes: a query never opens a network connection."""
    if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        raise PermissionError("the SPARQL endpoint makes no outgoing request")


def _worker_main(conn: socket.socket, dataset) -> None:
    conn.sendall(struct.pack("!I", os.getpid()))
    request = json.loads(_recv_frame(conn))
    outcome = evaluate(
        dataset, request["query"], accept=request["accept"], max_results=request["max_results"]
    )
    header = {"status": outcome.status, "headers": outcome.headers, "note": outcome.note}
    _send_frame(conn, json.dumps(header).encode("utf-8"))
    _send_frame(conn, outcome.body)
    conn.close()


def _warm_up() -> None:
    """Import, once in the zygote, what every worker needs (rdflib loads its plugins lazily)."""
    from rdflib.plugins.sparql import prepareQuery

    list(Dataset().query(prepareQuery("SELECT ?x WHERE { ?x ?y ?z } ORDER BY ?x")))
    graph = Graph()
    graph.add((URIRef("urn:x:s"), URIRef("urn:x:p"), Literal("o")))
    for fmt in _GRAPH_SERIALIZERS.values():
        graph.serialize(format=fmt)
    result = Result("ASK")
    result.askAnswer = True
    for fmt in ("json", "xml"):
        result.serialize(format=fmt)


def _zygote_main(control: socket.socket, dataset, parent_pid: int) -> None:
    """Fork one worker per socket the server process sends; stop when told or orphaned."""
    import rdflib.plugins.sparql

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # FROM <iri> names a graph, never a download
    warnings.simplefilter("ignore")  # nobody reads a worker's stderr
    _warm_up()
    sys.addaudithook(_forbid_network)
    children: set[int] = set()
    try:
        while os.getppid() == parent_pid:
            for pid in list(children):
                try:
                    if os.waitpid(pid, os.WNOHANG)[0]:
                        children.discard(pid)
                except ChildProcessError:
                    children.discard(pid)
            ready, _, _ = select.select([control], [], [], 0.2)
            if not ready:
                continue
            message, fds, _flags, _address = socket.recv_fds(control, 1, 1)
            if message != b"r" or not fds:
                for fd in fds:
                    os.close(fd)
                break  # b"q", or the server process is gone (end of file)
            conn = socket.socket(fileno=fds[0])
            pid = os.fork()
            if pid == 0:  # the worker
                status = 0
                try:
                    control.close()
                    _worker_main(conn, dataset)
                except BaseException:  # noqa: BLE001 - the server sees the socket close
                    status = 1
                finally:
                    os._exit(status)
            conn.close()
            children.add(pid)
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass


class _ForkingEvaluator:
    """Evaluates each query in a worker forked by a zygote process; kills it at the deadline."""

    enforced = True

    def __init__(self, dataset, max_workers: int):
        parent_end, zygote_end = socket.socketpair()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        parent_pid = os.getpid()
        pid = os.fork()
        if pid == 0:  # the zygote: never returns into the caller's code
            status = 0
            try:
                parent_end.close()
                _zygote_main(zygote_end, dataset, parent_pid)
            except BaseException:  # noqa: BLE001
                status = 1
            finally:
                os._exit(status)
        zygote_end.close()
        self.pid = pid
        self._control = parent_end
        self._control_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max_workers)
        self._closed = False

    def run(self, request: dict, timeout: float) -> Outcome:
        deadline = time.monotonic() + timeout
        if not self._slots.acquire(timeout=timeout):
            return Outcome.error(
                503, f"too many queries at once: none could start within {timeout:g} s", "busy"
            )
        try:
            return self._run(request, timeout, deadline)
        finally:
            self._slots.release()

    def _run(self, request: dict, timeout: float, deadline: float) -> Outcome:
        ours, theirs = socket.socketpair()
        worker = None
        try:
            try:
                with self._control_lock:
                    socket.send_fds(self._control, [b"r"], [theirs.fileno()])
            except OSError:
                return Outcome.error(500, "the query worker process is not running", "no worker")
            finally:
                theirs.close()
            (worker,) = struct.unpack("!I", _recv_exact(ours, 4, deadline))
            ours.settimeout(max(deadline - time.monotonic(), 0.001))
            _send_frame(ours, json.dumps(request).encode("utf-8"))
            header = json.loads(_recv_frame(ours, deadline))
            body = _recv_frame(ours, deadline)
            return Outcome(header["status"], body, header["headers"], header["note"])
        except (TimeoutError, socket.timeout):
            if worker is not None:
                try:
                    os.kill(worker, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            return Outcome.error(
                503,
                f"the query ran past the time limit of {timeout:g} s and was stopped; "
                "make it more selective (or add a LIMIT)",
                f"timeout after {timeout:g} s",
            )
        except (EOFError, OSError):
            return Outcome.error(500, "the query worker process died (out of memory?)", "worker died")
        finally:
            ours.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            with self._control_lock:
                self._control.sendall(b"q")
        except OSError:
            pass
        self._control.close()
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            try:
                if os.waitpid(self.pid, os.WNOHANG)[0]:
                    return
            except ChildProcessError:
                return
            time.sleep(0.02)
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


class _ThreadEvaluator:
    """Fallback without ``os.fork``: the limit bounds the wait, not the evaluation."""

    enforced = False
    pid = None

    def __init__(self, dataset, max_workers: int):
        self._dataset = dataset
        self._slots = threading.BoundedSemaphore(max_workers)

    def run(self, request: dict, timeout: float) -> Outcome:
        if not self._slots.acquire(timeout=timeout):
            return Outcome.error(503, f"too many queries at once for {timeout:g} s", "busy")
        box: list[Outcome] = []

        def work():
            try:
                box.append(evaluate(self._dataset, request["query"], accept=request["accept"],
                                    max_results=request["max_results"]))
            finally:
                self._slots.release()

        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        thread.join(timeout)
        if box:
            return box[0]
        return Outcome.error(
            503, f"the query ran past the time limit of {timeout:g} s", f"timeout after {timeout:g} s"
        )

    def close(self) -> None:
        pass


# --------------------------------------------------------------------------- HTTP


class _HttpError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.outcome = Outcome.error(status, message)
        self.outcome.headers.update(headers or {})


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>AI careers knowledge graph: SPARQL endpoint</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; }}
textarea {{ width: 100%; font-family: monospace; }}
code {{ background: #f3f3f3; padding: 0 .2em; }}
</style>
</head>
<body>
<h1>AI careers knowledge graph: SPARQL endpoint</h1>
<p>The SPARQL 1.1 Protocol endpoint is <a href="/sparql"><code>{endpoint}</code></a>
(also <code>/query</code>): <code>GET ?query=</code>, or <code>POST</code> a form
(<code>query=</code>) or an <code>application/sparql-query</code> body.</p>
<p>It is read-only: updates are refused (403). A query is stopped after {timeout} s (503);
a result is cut at {max_results} rows or triples (header <code>X-Result-Truncated: true</code>).
Without <code>GRAPH</code>, a query sees every named graph.</p>
<p>SELECT and ASK: <code>application/sparql-results+json</code> (default),
<code>application/sparql-results+xml</code>, <code>text/csv</code>,
<code>text/tab-separated-values</code>. CONSTRUCT and DESCRIBE: <code>text/turtle</code>
(default), <code>application/ld+json</code>, <code>application/n-triples</code>,
<code>application/rdf+xml</code>.</p>
<form action="/sparql" method="get">
<p><textarea name="query" rows="9">{example}</textarea></p>
<p><button type="submit">Run</button></p>
</form>
</body>
</html>
"""

_EXAMPLE = """PREFIX aic: <https://w3id.org/ai-careers/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?role ?label WHERE {
  ?role a aic:Role ; rdfs:label ?label .
  FILTER(lang(?label) = "en")
} ORDER BY ?label LIMIT 50"""


class SparqlRequestHandler(BaseHTTPRequestHandler):
    """Answers the SPARQL 1.1 Protocol on ``/sparql`` and ``/query`` (see the module's text)."""

    server: "SparqlServer"
    server_version = "aicareers-sparql/1.0"
    protocol_version = "HTTP/1.0"
    timeout = 60  # seconds for a client to send its request

    # -- entry points
    def do_GET(self) -> None:  # noqa: N802
        self._answer(self._handle_get)

    def do_POST(self) -> None:  # noqa: N802
        self._answer(self._handle_post)

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._answer(lambda: Outcome(204, b"", {
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Accept, Content-Type",
            "Access-Control-Max-Age": "86400",
        }, "preflight"))

    def _method_not_allowed(self) -> None:
        def refuse() -> Outcome:
            raise _HttpError(405, f"{self.command} is not allowed: this endpoint is read-only",
                             {"Allow": "GET, POST, OPTIONS"})

        self._answer(refuse)

    do_PUT = do_DELETE = do_PATCH = do_HEAD = _method_not_allowed  # noqa: N815

    # -- plumbing
    def _answer(self, handler) -> None:
        started = time.monotonic()
        try:
            outcome = handler()
        except _HttpError as error:
            outcome = error.outcome
        except Exception as error:  # noqa: BLE001 - never leave a client without an answer
            outcome = Outcome.error(500, f"{type(error).__name__}: {error}")
        elapsed = (time.monotonic() - started) * 1000
        path = urlsplit(self.path).path
        # logged before the answer is sent: once a client has its answer, the line is there
        self.server.log(
            f'{self.client_address[0]} "{self.command} {path}" {outcome.status} '
            f"{len(outcome.body)}B {elapsed:.0f}ms {outcome.note}".rstrip()
        )
        self._send(outcome)

    def _send(self, outcome: Outcome) -> None:
        try:
            self.send_response(outcome.status, _HTTP_REASONS.get(outcome.status))
            headers = {
                "Access-Control-Allow-Origin": "*",
                "Access-Control-Expose-Headers": "X-Result-Truncated, X-Result-Limit",
                "Content-Length": str(len(outcome.body)),
                **outcome.headers,
            }
            if outcome.status in (200, 406):
                headers["Vary"] = "Accept"
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if outcome.body:
                self.wfile.write(outcome.body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_request(self, code="-", size="-") -> None:  # one line per request, from _answer
        pass

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        self.server.log(f"{self.client_address[0]} {format % args}")

    # -- handlers
    def _page(self) -> Outcome:
        host = self.headers.get("Host") or f"{self.server.server_address[0]}:{self.server.server_port}"
        body = _PAGE.format(
            endpoint=html.escape(f"http://{host}/sparql"),
            timeout=f"{self.server.query_timeout:g}",
            max_results=self.server.max_results,
            example=html.escape(_EXAMPLE),
        ).encode("utf-8")
        return Outcome(200, body, {"Content-Type": "text/html; charset=utf-8"}, "page")

    def _params(self, text: str) -> dict[str, list[str]]:
        try:
            return parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict")
        except (UnicodeDecodeError, ValueError) as error:
            raise _HttpError(400, f"the parameters are not valid UTF-8 form data: {error}") from None

    def _route(self) -> str:
        path = urlsplit(self.path).path
        if path in ("", "/"):
            return "/"
        path = path.rstrip("/")
        if path not in QUERY_PATHS:
            raise _HttpError(404, f"no such resource {path}: the SPARQL endpoint is at /sparql")
        return path

    def _handle_get(self) -> Outcome:
        if self._route() == "/":
            return self._page()
        params = self._params(urlsplit(self.path).query)
        if "query" not in params and "update" not in params:
            return self._page()
        return self._sparql(params)

    def _handle_post(self) -> Outcome:
        if self._route() == "/":
            raise _HttpError(404, "POST SPARQL requests to /sparql")
        params = self._params(urlsplit(self.path).query)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            raise _HttpError(403, "SPARQL Update is refused: this endpoint is read-only")
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            raise _HttpError(411, "a POST needs a Content-Length")
        try:
            length = int(length_header)
        except ValueError:
            raise _HttpError(400, f"invalid Content-Length {length_header!r}") from None
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            raise _HttpError(413, f"the request body is larger than {MAX_BODY_BYTES} bytes")
        body = self.rfile.read(length) if length > 0 else b""
        if content_type == "application/x-www-form-urlencoded":
            try:
                form = body.decode("utf-8")
            except UnicodeDecodeError:
                raise _HttpError(400, "the form is not valid UTF-8") from None
            for name, values in self._params(form).items():
                params.setdefault(name, []).extend(values)
        elif content_type == "application/sparql-query":
            if "query" in params:
                raise _HttpError(400, "a query both in the URL and in the body")
            try:
                params["query"] = [body.decode("utf-8")]
            except UnicodeDecodeError:
                raise _HttpError(400, "the query is not valid UTF-8") from None
        else:
            raise _HttpError(
                415,
                f"unsupported Content-Type {content_type or '(none)'}: POST "
                "application/x-www-form-urlencoded or application/sparql-query",
            )
        return self._sparql(params)

    def _sparql(self, params: dict[str, list[str]]) -> Outcome:
        if "update" in params:
            raise _HttpError(403, "SPARQL Update is refused: this endpoint is read-only")
        for unsupported in ("default-graph-uri", "named-graph-uri"):
            if unsupported in params:
                raise _HttpError(
                    400,
                    f"the {unsupported} parameter is not supported: a query sees the union of all "
                    "named graphs; use GRAPH <iri> { ... } in the query instead",
                )
        queries = params.get("query", [])
        if not queries:
            raise _HttpError(400, "missing query parameter")
        if len(queries) > 1:
            raise _HttpError(400, "more than one query parameter")
        query = queries[0]
        form = query_form(query)
        if form in UPDATE_KEYWORDS:
            raise _HttpError(403, f"SPARQL Update ({form}) is refused: this endpoint is read-only")
        if uses_service(query):
            raise _HttpError(403, "federated queries (SERVICE) are disabled on this endpoint")
        accept = self.headers.get("Accept")
        if form in QUERY_FORMS and negotiate(accept, QUERY_FORMS[form]) is None:
            return _not_acceptable(form, QUERY_FORMS[form])
        request = {"query": query, "accept": accept, "max_results": self.server.max_results}
        return self.server.evaluator.run(request, self.server.query_timeout)


class SparqlServer(ThreadingHTTPServer):
    """A threaded HTTP server answering the SPARQL 1.1 Protocol; see :func:`make_server`."""

    daemon_threads = True

    def __init__(self, address, evaluator, *, timeout: float, max_results: int,
                 log_stream: IO[str] | None = None):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.evaluator = evaluator
        self.query_timeout = timeout
        self.max_results = max_results
        self.log_stream = log_stream
        self._log_lock = threading.Lock()
        super().__init__(address, SparqlRequestHandler)

    @property
    def url(self) -> str:
        """The server's base URL, e.g. ``http://127.0.0.1:8000``."""
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    @property
    def endpoint_url(self) -> str:
        """The SPARQL endpoint's URL (``<url>/sparql``)."""
        return self.url + "/sparql"

    @property
    def worker_pid(self) -> int | None:
        """The zygote process that forks the query workers (``None`` without ``os.fork``)."""
        return self.evaluator.pid

    def log(self, line: str) -> None:
        stream = self.log_stream if self.log_stream is not None else sys.stderr
        with self._log_lock:
            try:
                stream.write(line + "\n")
                stream.flush()
            except (OSError, ValueError):
                pass

    def server_close(self) -> None:
        super().server_close()
        self.evaluator.close()


def make_server(
    dataset,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    timeout: float = 10.0,
    max_results: int = 10000,
    max_workers: int = 4,
    log_stream: IO[str] | None = None,
) -> SparqlServer:
    """A SPARQL endpoint over ``dataset``, bound to ``host:port`` (0: a free port) but not serving.

    Call ``serve_forever()`` (in a thread, for tests), then ``shutdown()`` and ``server_close()``
    (which also stops the worker processes). ``server.endpoint_url`` is its URL. ``timeout`` is
    the query time limit in seconds, ``max_results`` the most rows (or triples) of an answer,
    ``max_workers`` the most queries evaluated at once. The worker processes start from a
    snapshot of ``dataset`` taken now.
    """
    if not timeout > 0:
        raise AiCareersError(f"the query time limit must be positive, not {timeout}")
    if max_results < 1 or max_workers < 1:
        raise AiCareersError("max_results and max_workers must be at least 1")
    if hasattr(os, "fork"):
        evaluator = _ForkingEvaluator(dataset, max_workers)
    else:  # pragma: no cover - Windows
        evaluator = _ThreadEvaluator(dataset, max_workers)
    try:
        return SparqlServer(
            (host, port), evaluator, timeout=timeout, max_results=max_results, log_stream=log_stream
        )
    except OSError as error:
        evaluator.close()
        raise AiCareersError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def serve(
    dataset,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    timeout: float = 10.0,
    max_results: int = 10000,
    max_workers: int = 4,
    log_stream: IO[str] | None = None,
) -> None:
    """Serve ``dataset`` at ``http://host:port/sparql`` until interrupted (Ctrl-C)."""
    server = make_server(
        dataset, host, port, timeout=timeout, max_results=max_results,
        max_workers=max_workers, log_stream=log_stream,
    )
    server.log(
        f"SPARQL endpoint at {server.endpoint_url} (read-only; time limit {timeout:g} s, "
        f"at most {max_results} results); Ctrl-C stops it"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.log("stopping")
    finally:
        server.server_close()
