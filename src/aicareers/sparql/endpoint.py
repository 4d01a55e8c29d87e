"""A read-only SPARQL 1.1 Protocol endpoint over a dataset, with the standard library only.

:func:`make_server` returns a :class:`SparqlServer` (a ``ThreadingHTTPServer``); :func:`serve`
runs one until Ctrl-C. The server only calls ``dataset.query(...)`` and serialises rdflib results,
so it serves both backends of :mod:`aicareers.store` (rdflib's memory store and Oxigraph).

The protocol, at ``/sparql`` (and ``/query``):

- ``GET /sparql?query=...``; ``POST`` of ``application/x-www-form-urlencoded`` (``query=...``) or of
  ``application/sparql-query`` (the query as the body, UTF-8). Other parameters (such as
  ``format``) are ignored. ``HEAD`` answers as ``GET`` without the body.
- The dataset: without ``FROM`` a query sees the union of every named graph; ``FROM <iri>`` and
  ``FROM NAMED <iri>`` name graphs of the dataset (nothing is ever fetched from the web; an
  unknown graph is empty), and the protocol's ``default-graph-uri`` / ``named-graph-uri``
  replace them (an empty value, as HTML forms send, counts as absent). Both stores answer alike
  (:mod:`aicareers.sparql.execute`). Relative IRIs resolve against the endpoint's URL.
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
- ``GET /`` (and ``GET /sparql`` without a query) is a small HTML page (no script) with a form;
  ``GET /sparql`` asked for RDF (``Accept: text/turtle``, ...) is the SPARQL 1.1 Service
  Description of the endpoint (its result formats and named graphs, with their sizes).
- HTTP/1.1: connections are kept alive, bodies may be chunked, ``Expect: 100-continue`` is
  honoured; the listen backlog (128) absorbs bursts of connections. A query nesting brackets
  deeper than :data:`aicareers.sparql.limits.MAX_NESTING` gets 400 with that reason.

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

**Memory limit** (``max_memory`` bytes, 503 when exceeded): each worker may grow by at most that
much beyond the served data (an address-space limit set in the worker, see
:mod:`aicareers.sparql.limits`); the default shares half the machine's memory among the workers.
A worker that ends without answering (out of memory, a stack overflow) is reported with its cause
by the zygote, which keeps each worker's standard error until it has reaped it.

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

import faulthandler
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

from aicareers.errors import AiCareersError, UsageError
from aicareers.namespaces import bind_prefixes
from aicareers.sparql import limits
from aicareers.sparql.execute import ProtocolDataset, execute
from aicareers.sparql.results import csv_text, tsv_text
from aicareers.sparql.text import blank_opaque, query_form, shorten, uses_service  # noqa: F401 (re-exported)
from aicareers.store import backend_of, normalize_term

__all__ = [
    "SparqlServer", "make_server", "serve", "negotiate", "query_form", "uses_service",
    "blank_opaque", "evaluate", "Outcome",
]

QUERY_PATHS = ("/sparql", "/query")
#: Largest POST body accepted (bytes); a bigger one gets 413.
MAX_BODY_BYTES = 1 << 20
#: A body too large but no larger than this is read and dropped before the 413 is sent.
DRAIN_BYTES = 16 << 20


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
# (in aicareers.sparql.text; query_form, blank_opaque and uses_service are re-exported here)


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
        return Outcome.error(400, f"malformed SPARQL query: {shorten(message, 500)}", "malformed query")
    text = f"malformed SPARQL query at line {line}, column {column}: {shorten(message, 500)}"
    lines = query.split("\n")  # as the parsers count lines
    if 0 < line <= len(lines):
        source, caret = lines[line - 1].rstrip("\r"), max(column - 1, 0)
        start = max(caret - 60, 0)  # a window around the column, not a whole 100 KB line
        window = source[start:caret + 60]
        text += "\n" + window + "\n" + " " * (caret - start) + "^"
    return Outcome.error(400, text, f"malformed query at {line}:{column}")


def _run_query(dataset, query: str, protocol_dataset: ProtocolDataset | None = None,
               base: str | None = None) -> Result:
    """Evaluate; raises ``_BadQuery`` for errors in the query text itself."""
    if backend_of(dataset) == "oxigraph":
        try:
            return execute(dataset, query, dataset=protocol_dataset, base=base)
        except SyntaxError as error:
            raise _BadQuery(error) from None
    from rdflib.plugins.sparql import prepareQuery

    try:  # parse and translate first, so that errors of the query are told from failures
        prepared = prepareQuery(query, initNs=dict(dataset.namespaces()), base=base)
    except RecursionError:
        raise _TooDeep() from None
    except Exception as error:  # pyparsing's ParseException, or "Unknown namespace prefix"
        raise _BadQuery(error) from None
    return execute(dataset, prepared, dataset=protocol_dataset)


class _TooDeep(Exception):
    """rdflib's parser ran out of Python recursion (it recurses once per bracket level)."""


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


def evaluate(dataset, query: str, *, accept: str | None = None, max_results: int = 10000,
             protocol_dataset: ProtocolDataset | None = None, base: str | None = None,
             max_memory: int | None = None) -> Outcome:
    """Evaluate ``query`` on ``dataset`` and serialise the answer as ``accept`` prefers.

    This is what a worker process runs (no time limit here); it never raises.
    ``protocol_dataset`` replaces the query's ``FROM`` (see :mod:`aicareers.sparql.execute`),
    ``base`` resolves its relative IRIs, ``max_memory`` is only named in the answer when
    memory runs out (the limit itself is set on the worker process).

    >>> from aicareers.store import open_dataset
    >>> answer = evaluate(open_dataset(), "ASK { }")
    >>> answer.status, answer.body
    (200, b'{"head": {}, "boolean": true}')
    >>> evaluate(open_dataset(), "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }", accept="text/csv",
    ...          max_results=2).headers["X-Result-Truncated"]
    'true'
    >>> evaluate(open_dataset(), "CONSTRUCT { <s> <p> 1 } WHERE {}", accept="application/n-triples",
    ...          base="http://127.0.0.1:8000/sparql").body
    b'<http://127.0.0.1:8000/s> <http://127.0.0.1:8000/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\\n'
    """
    try:
        with limits.deep_recursion():
            return _evaluate(dataset, query, accept, max_results, protocol_dataset, base)
    except MemoryError:
        return Outcome.error(503, limits.memory_message(max_memory) + "; make it more selective",
                             "out of memory")


def _evaluate(dataset, query, accept, max_results, protocol_dataset, base) -> Outcome:
    try:
        result = _run_query(dataset, query, protocol_dataset, base)
    except _BadQuery as bad:
        return _malformed(bad.error, query)
    except _TooDeep:
        return _too_deep(query)
    except MemoryError:
        raise
    except RecursionError:
        return _too_deep(query)
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
    except MemoryError:
        raise
    except RecursionError:
        return _too_deep(query)
    except Exception as error:  # noqa: BLE001 - reported to the client
        return Outcome.error(500, f"query evaluation failed: {type(error).__name__}: {error}")


def _too_deep(query: str) -> Outcome:
    return Outcome.error(
        400, f"the query nests brackets {limits.nesting_depth(query)} deep, more than the query engine "
        "can parse; write it with less nesting", "too deeply nested",
    )


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


def _frames(*payloads: bytes) -> bytes:
    return b"".join(struct.pack("!Q", len(p)) + p for p in payloads)


def _outcome_frames(outcome: Outcome) -> bytes:
    header = {"status": outcome.status, "headers": outcome.headers, "note": outcome.note}
    return _frames(json.dumps(header).encode("utf-8"), outcome.body)


def _request_outcome(dataset, request: dict) -> Outcome:
    protocol = request.get("dataset")
    return evaluate(
        dataset, request["query"], accept=request["accept"], max_results=request["max_results"],
        protocol_dataset=ProtocolDataset(tuple(URIRef(g) for g in protocol[0]), tuple(URIRef(g) for g in protocol[1]))
        if protocol is not None else None,
        base=request.get("base"), max_memory=request.get("max_memory"),
    )


def _worker_main(conn: socket.socket, dataset) -> None:
    conn.sendall(struct.pack("!I", os.getpid()))
    request = json.loads(_recv_frame(conn))
    if request.get("max_memory"):
        limits.limit_memory(request["max_memory"])
    outcome = _request_outcome(dataset, request)
    # header and body in one write: if the worker dies, the zygote's report is never interleaved
    conn.sendall(_outcome_frames(outcome))
    conn.close()


def _death_report(status: int, stderr_tail: str, max_memory: int | None) -> bytes:
    """What the zygote tells the server when a worker ended without answering."""
    if os.WIFSIGNALED(status):
        code = -os.WTERMSIG(status)
    else:
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else status
    reason, is_limit = limits.cause_of_death(code, stderr_tail, max_memory)
    if is_limit:
        advice = "write it with less nesting" if "nested" in reason else "make it more selective (or add a LIMIT)"
        outcome = Outcome.error(503, f"{reason}; {advice}", reason.split(":")[0][:60])
    else:
        outcome = Outcome.error(500, f"the query worker stopped without answering: {reason}", "worker died")
    return _outcome_frames(outcome)


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


@dataclass
class _Worker:
    """What the zygote keeps of a worker: its socket to the server and its standard error."""

    conn: socket.socket
    stderr: object
    max_memory: int | None


def _zygote_main(control: socket.socket, dataset, parent_pid: int, max_memory: int | None) -> None:
    """Fork one worker per socket the server process sends; stop when told or orphaned.

    The zygote keeps each worker's socket and standard error (a temporary file) until it has
    reaped the worker: a worker that ended without answering (killed by an allocation Oxigraph
    could not make, a stack overflow...) is reported to the server with its real cause.
    """
    import tempfile

    import rdflib.plugins.sparql

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # FROM <iri> names a graph, never a download
    warnings.simplefilter("ignore")  # nobody reads a worker's stderr
    _warm_up()
    sys.addaudithook(_forbid_network)
    children: dict[int, _Worker] = {}

    def reap(pid: int, status: int) -> None:
        worker = children.pop(pid)
        try:
            if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
                worker.stderr.seek(0, os.SEEK_END)
                worker.stderr.seek(max(worker.stderr.tell() - 2000, 0))
                tail = worker.stderr.read().decode("utf-8", "replace")
                worker.conn.setblocking(False)  # the report is small; never wait for the server
                try:
                    worker.conn.send(_death_report(status, tail, worker.max_memory))
                except OSError:
                    pass  # the server stopped waiting (time limit): nobody to tell
        finally:
            worker.conn.close()
            worker.stderr.close()

    try:
        while os.getppid() == parent_pid:
            for pid in list(children):
                try:
                    done, status = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    done, status = pid, 0
                if done:
                    reap(pid, status)
            ready, _, _ = select.select([control], [], [], 0.05)
            if not ready:
                continue
            message, fds, _flags, _address = socket.recv_fds(control, 1, 1)
            if message != b"r" or not fds:
                for fd in fds:
                    os.close(fd)
                break  # b"q", or the server process is gone (end of file)
            conn = socket.socket(fileno=fds[0])
            stderr = tempfile.TemporaryFile()
            pid = os.fork()
            if pid == 0:  # the worker
                status = 0
                try:
                    control.close()
                    # A worker past its memory limit may abort (Oxigraph's allocator does): the
                    # zygote reports it; a fault handler inherited from the parent (pytest's) would
                    # only print a Python stack on the parent's terminal.
                    faulthandler.disable()
                    os.dup2(stderr.fileno(), 2)
                    _worker_main(conn, dataset)
                except BaseException:  # noqa: BLE001 - the zygote reports the exit status
                    status = 1
                    try:
                        import traceback

                        traceback.print_exc()
                        sys.stderr.flush()
                    except BaseException:  # noqa: BLE001
                        pass
                finally:
                    os._exit(status)
            children[pid] = _Worker(conn, stderr, max_memory)
    finally:
        for pid, worker in children.items():
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            worker.conn.close()
            worker.stderr.close()


class _ForkingEvaluator:
    """Evaluates each query in a worker forked by a zygote process; kills it at the deadline."""

    enforced = True

    def __init__(self, dataset, max_workers: int, max_memory: int | None = None):
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
                _zygote_main(zygote_end, dataset, parent_pid, max_memory)
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
        except (EOFError, OSError, ValueError):
            return Outcome.error(500, "the query worker process stopped without a report", "worker died")
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
                box.append(_request_outcome(self._dataset, request))
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


_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_VOID_TRIPLES = URIRef("http://rdfs.org/ns/void#triples")
#: What GET /sparql without a query can answer: the page, or the service description in RDF.
DESCRIPTION_OFFERS: tuple[tuple[str, str], ...] = (("text/html", "html"),) + GRAPH_OFFERS
#: Most default-graph-uri and named-graph-uri values a request may give.
MAX_DATASET_GRAPHS = 100
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")
_HOST = re.compile(r"[A-Za-z0-9.\-]+(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?")


def service_description(endpoint: str, graphs: Sequence[tuple[str, int]]) -> Graph:
    """The SPARQL 1.1 Service Description of the endpoint at ``endpoint`` serving ``graphs``.

    >>> sd = service_description("http://127.0.0.1:8000/sparql", [("urn:x:g", 3)])
    >>> print(sd.serialize(format="nt", encoding="utf-8").decode().count("sparql-service-description#NamedGraph"))
    1
    """
    from rdflib.namespace import RDF

    sd = lambda name: URIRef(_SD + name)  # noqa: E731
    graph = Graph(bind_namespaces="none")
    graph.bind("sd", _SD)
    graph.bind("void", "http://rdfs.org/ns/void#")
    graph.bind("formats", _FORMATS)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, sd("Service")))
    graph.add((service, sd("endpoint"), service))
    graph.add((service, sd("supportedLanguage"), sd("SPARQL11Query")))
    graph.add((service, sd("feature"), sd("UnionDefaultGraph")))
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "JSON-LD", "N-Triples", "RDF_XML"):
        graph.add((service, sd("resultFormat"), URIRef(_FORMATS + fmt)))
    dataset = BNode("dataset")
    graph.add((service, sd("defaultDataset"), dataset))
    graph.add((dataset, RDF.type, sd("Dataset")))
    default = BNode("default")
    graph.add((dataset, sd("defaultGraph"), default))
    graph.add((default, RDF.type, sd("Graph")))
    for index, (name, triples) in enumerate(graphs):
        named, described = BNode(f"named{index}"), BNode(f"graph{index}")
        graph.add((dataset, sd("namedGraph"), named))
        graph.add((named, RDF.type, sd("NamedGraph")))
        graph.add((named, sd("name"), URIRef(name)))
        graph.add((named, sd("graph"), described))
        graph.add((described, RDF.type, sd("Graph")))
        graph.add((described, _VOID_TRIPLES, Literal(triples)))
    return graph


class _BodyError(_HttpError):
    """The request body cannot be read: answered, then the connection is closed."""


class SparqlRequestHandler(BaseHTTPRequestHandler):
    """Answers the SPARQL 1.1 Protocol on ``/sparql`` and ``/query`` (see the module's text).

    HTTP/1.1: connections are kept alive between requests (each answer has its length), request
    bodies may be sent in chunks, and ``Expect: 100-continue`` is answered at once.
    """

    server: "SparqlServer"
    server_version = "aicareers-sparql/1.0"
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds for a client to send its request (and idle time of a kept connection)

    # -- entry points
    def do_GET(self) -> None:  # noqa: N802
        self._answer(self._handle_get)

    def do_HEAD(self) -> None:  # noqa: N802 - the GET answer without its body
        self._answer(self._handle_get, head=True)

    def do_POST(self) -> None:  # noqa: N802
        self._answer(self._handle_post)

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._answer(lambda: Outcome(204, b"", {
            "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Accept, Content-Type",
            "Access-Control-Max-Age": "86400",
        }, "preflight"))

    def _method_not_allowed(self) -> None:
        def refuse() -> Outcome:
            raise _HttpError(405, f"{self.command} is not allowed: this endpoint is read-only",
                             {"Allow": "GET, HEAD, POST, OPTIONS"})

        self._answer(refuse)

    do_PUT = do_DELETE = do_PATCH = _method_not_allowed  # noqa: N815

    def handle_expect_100(self) -> bool:
        """``Expect: 100-continue``: go on at once, unless the body announced is too large."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            self._send(Outcome.error(413, f"the request body is larger than {MAX_BODY_BYTES} bytes"))
            return False
        return super().handle_expect_100()

    # -- plumbing
    def _answer(self, handler, head: bool = False) -> None:
        started = time.monotonic()
        self._body_read = False
        try:
            outcome = handler()
        except _HttpError as error:
            outcome = error.outcome
        except Exception as error:  # noqa: BLE001 - never leave a client without an answer
            outcome = Outcome.error(500, f"{type(error).__name__}: {shorten(str(error), 300)}")
        if not self._body_read and self._has_body():
            self.close_connection = True  # an unread body would be taken for the next request
        elapsed = (time.monotonic() - started) * 1000
        path = urlsplit(self.path).path
        # logged before the answer is sent: once a client has its answer, the line is there
        self.server.log(
            f'{self.client_address[0]} "{self.command} {shorten(path, 100)}" {outcome.status} '
            f"{len(outcome.body)}B {elapsed:.0f}ms {outcome.note}".rstrip()
        )
        self._send(outcome, head=head)

    def _has_body(self) -> bool:
        return bool(self.headers.get("Transfer-Encoding")) or (self.headers.get("Content-Length") or "0").strip() != "0"

    def _send(self, outcome: Outcome, head: bool = False) -> None:
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
            if self.close_connection:
                headers["Connection"] = "close"
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if outcome.body and not head:
                self.wfile.write(outcome.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def log_request(self, code="-", size="-") -> None:  # one line per request, from _answer
        pass

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        self.server.log(f"{self.client_address[0]} {shorten(format % args, 300)}")

    # -- the request body
    def _read_body(self) -> bytes:
        """The body, of ``Content-Length`` bytes or in chunks; at most :data:`MAX_BODY_BYTES`."""
        encoding = (self.headers.get("Transfer-Encoding") or "").strip().lower()
        if encoding:
            if encoding != "chunked":
                raise _BodyError(501, f"unsupported Transfer-Encoding {shorten(encoding, 40)!r}: send chunked or a Content-Length")
            return self._read_chunks()
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            raise _BodyError(411, "a POST needs a Content-Length (or a chunked body)")
        try:
            length = int(length_header)
            if length < 0:
                raise ValueError
        except ValueError:
            raise _BodyError(400, f"invalid Content-Length {shorten(length_header, 40)!r}") from None
        if length > MAX_BODY_BYTES:
            if length <= DRAIN_BYTES:
                # read it (and drop it) first: a client still sending when the connection closes
                # gets a broken pipe instead of the 413
                left = length
                while left > 0:
                    chunk = self.rfile.read(min(1 << 16, left))
                    if not chunk:
                        break
                    left -= len(chunk)
            raise _BodyError(413, f"the request body is larger than {MAX_BODY_BYTES} bytes")
        body = self.rfile.read(length) if length > 0 else b""
        if len(body) < length:
            raise _BodyError(400, "the request body ended before its Content-Length")
        self._body_read = True
        return body

    def _read_chunks(self) -> bytes:
        chunks, total = [], 0
        while True:
            line = self.rfile.readline(1026)
            try:
                size = int(line.split(b";")[0].strip(), 16)
                if size < 0:
                    raise ValueError
            except ValueError:
                raise _BodyError(400, "malformed chunked body") from None
            if size == 0:
                for _ in range(100):  # the trailer, up to its empty line
                    if self.rfile.readline(8194) in (b"\r\n", b"\n", b""):
                        break
                self._body_read = True
                return b"".join(chunks)
            total += size
            if total > MAX_BODY_BYTES:
                raise _BodyError(413, f"the request body is larger than {MAX_BODY_BYTES} bytes")
            chunk = self.rfile.read(size)
            if len(chunk) < size or self.rfile.readline(3) not in (b"\r\n", b"\n"):
                raise _BodyError(400, "malformed chunked body")
            chunks.append(chunk)

    # -- handlers
    def _host(self) -> str:
        host = (self.headers.get("Host") or "").strip()
        if _HOST.fullmatch(host):
            return host
        return urlsplit(self.server.url).netloc

    def _page(self) -> Outcome:
        body = _PAGE.format(
            endpoint=html.escape(f"http://{self._host()}/sparql"),
            timeout=f"{self.server.query_timeout:g}",
            max_results=self.server.max_results,
            example=html.escape(_EXAMPLE),
        ).encode("utf-8")
        return Outcome(200, body, {"Content-Type": "text/html; charset=utf-8"}, "page")

    def _description(self, route: str) -> Outcome:
        chosen = negotiate(self.headers.get("Accept"), DESCRIPTION_OFFERS)
        if chosen is None:
            return _not_acceptable("service description", DESCRIPTION_OFFERS)
        if chosen[1] == "html":
            outcome = self._page()
        else:
            graph = service_description(f"http://{self._host()}{route}", self.server.graphs)
            body = graph.serialize(format=_GRAPH_SERIALIZERS[chosen[1]], encoding="utf-8")
            outcome = Outcome(200, body, {"Content-Type": CONTENT_TYPES[chosen[1]]}, f"service description {chosen[1]}")
        outcome.headers["Vary"] = "Accept"
        return outcome

    def _params(self, text: str) -> dict[str, list[str]]:
        try:
            return parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict")
        except (UnicodeDecodeError, ValueError) as error:
            raise _HttpError(400, f"the parameters are not valid UTF-8 form data: {shorten(str(error), 200)}") from None

    def _route(self) -> str:
        path = urlsplit(self.path).path
        if path in ("", "/"):
            return "/"
        path = path.rstrip("/")
        if path not in QUERY_PATHS:
            raise _HttpError(404, f"no such resource {shorten(path)}: the SPARQL endpoint is at /sparql")
        return path

    def _handle_get(self) -> Outcome:
        route = self._route()
        if route == "/":
            return self._page()
        params = self._params(urlsplit(self.path).query)
        if "query" not in params and "update" not in params:
            return self._description(route)
        return self._sparql(params, route)

    def _handle_post(self) -> Outcome:
        route = self._route()
        try:
            body = self._read_body()
        except _BodyError:
            self.close_connection = True
            raise
        if route == "/":
            raise _HttpError(404, "POST SPARQL requests to /sparql")
        params = self._params(urlsplit(self.path).query)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            raise _HttpError(403, "SPARQL Update is refused: this endpoint is read-only")
        if content_type == "application/x-www-form-urlencoded":
            try:
                form = body.decode("utf-8")
            except UnicodeDecodeError:
                raise _HttpError(400, "the form is not valid UTF-8") from None
            for name, values in self._params(form).items():
                params.setdefault(name, []).extend(values)
        elif content_type == "application/sparql-query":
            charset = re.search(r";\s*charset\s*=\s*\"?([^\s;\"]+)", self.headers.get("Content-Type") or "", re.I)
            if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
                raise _HttpError(400, f"the query must be UTF-8, not {shorten(charset.group(1), 40)}")
            if "query" in params:
                raise _HttpError(400, "a query both in the URL and in the body")
            try:
                params["query"] = [body.decode("utf-8")]
            except UnicodeDecodeError:
                raise _HttpError(400, "the query is not valid UTF-8") from None
        else:
            raise _HttpError(
                415,
                f"unsupported Content-Type {shorten(content_type, 60) or '(none)'}: POST "
                "application/x-www-form-urlencoded or application/sparql-query",
            )
        return self._sparql(params, route)

    def _dataset(self, params: dict[str, list[str]]) -> list[list[str]] | None:
        """The protocol's dataset (default graphs, named graphs), or None when not given.

        An empty value (as an HTML form sends for an empty field) counts as absent.
        """
        given = [[v.strip() for v in params.get(name, []) if v.strip()]
                 for name in ("default-graph-uri", "named-graph-uri")]
        if not given[0] and not given[1]:
            return None
        if len(given[0]) + len(given[1]) > MAX_DATASET_GRAPHS:
            raise _HttpError(400, f"more than {MAX_DATASET_GRAPHS} default-graph-uri and named-graph-uri values")
        for iri in given[0] + given[1]:
            if not _ABSOLUTE_IRI.fullmatch(iri):
                raise _HttpError(400, f"default-graph-uri and named-graph-uri take absolute IRIs, not {shorten(iri)!r}")
        return given

    def _sparql(self, params: dict[str, list[str]], route: str) -> Outcome:
        if "update" in params:
            raise _HttpError(403, "SPARQL Update is refused: this endpoint is read-only")
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
        depth = limits.nesting_depth(query)
        if depth > limits.MAX_NESTING:
            raise _HttpError(400, f"the query nests brackets {depth} deep; this endpoint accepts at most "
                                  f"{limits.MAX_NESTING} (its parsers recurse once per level)")
        dataset = self._dataset(params)
        accept = self.headers.get("Accept")
        if form in QUERY_FORMS and negotiate(accept, QUERY_FORMS[form]) is None:
            return _not_acceptable(form, QUERY_FORMS[form])
        request = {
            "query": query, "accept": accept, "max_results": self.server.max_results,
            "dataset": dataset, "base": f"http://{self._host()}{route}", "max_memory": self.server.max_memory,
        }
        return self.server.evaluator.run(request, self.server.query_timeout)


class SparqlServer(ThreadingHTTPServer):
    """A threaded HTTP server answering the SPARQL 1.1 Protocol; see :func:`make_server`."""

    daemon_threads = True
    #: Connections waiting to be accepted: a burst of clients is queued, not refused or delayed
    #: (the standard library's 5 made every sixth connect of a burst wait a second).
    request_queue_size = 128

    def __init__(self, address, evaluator, *, timeout: float, max_results: int,
                 log_stream: IO[str] | None = None, max_memory: int | None = None,
                 graphs: Sequence[tuple[str, int]] = ()):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.evaluator = evaluator
        self.query_timeout = timeout
        self.max_results = max_results
        self.max_memory = max_memory
        self.graphs = list(graphs)
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


def _graph_sizes(dataset) -> list[tuple[str, int]]:
    """Each non-empty named graph of ``dataset`` and its triples, for the service description."""
    # One COUNT per graph, in the store's engine: len() of each graph counted distinct triples
    # through rdflib and took 17 s at start-up with the whole frameworks (0.9 s this way).
    sizes = []
    for graph in dataset.graphs():
        name = graph.identifier
        if isinstance(name, URIRef) and not str(name).startswith("urn:x-rdflib:"):
            count = int(next(iter(graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0])
            if count:
                sizes.append((str(name), count))
    return sorted(sizes)


def make_server(
    dataset,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    timeout: float = 10.0,
    max_results: int = 10000,
    max_workers: int = 4,
    max_memory: int | None = None,
    log_stream: IO[str] | None = None,
) -> SparqlServer:
    """A SPARQL endpoint over ``dataset``, bound to ``host:port`` (0: a free port) but not serving.

    Call ``serve_forever()`` (in a thread, for tests), then ``shutdown()`` and ``server_close()``
    (which also stops the worker processes). ``server.endpoint_url`` is its URL. ``timeout`` is
    the query time limit in seconds, ``max_results`` the most rows (or triples) of an answer,
    ``max_workers`` the most queries evaluated at once, ``max_memory`` the bytes one query may
    take on top of the served data (default: :func:`aicareers.sparql.limits.default_max_memory`
    for ``max_workers``; 0: no limit). The worker processes start from a snapshot of ``dataset``
    taken now.
    """
    if not timeout > 0:
        raise AiCareersError(f"the query time limit must be positive, not {timeout}")
    if max_results < 1 or max_workers < 1:
        raise AiCareersError("max_results and max_workers must be at least 1")
    if max_memory is None:
        max_memory = limits.default_max_memory(max_workers)
    elif max_memory < 0:
        raise AiCareersError(f"the memory limit must be positive (or 0 for none), not {max_memory}")
    graphs = _graph_sizes(dataset)
    if hasattr(os, "fork"):
        evaluator = _ForkingEvaluator(dataset, max_workers, max_memory or None)
    else:  # pragma: no cover - Windows
        evaluator = _ThreadEvaluator(dataset, max_workers)
    try:
        return SparqlServer(
            (host, port), evaluator, timeout=timeout, max_results=max_results, log_stream=log_stream,
            max_memory=max_memory or None, graphs=graphs,
        )
    except OSError as error:
        evaluator.close()
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def serve(
    dataset,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    timeout: float = 10.0,
    max_results: int = 10000,
    max_workers: int = 4,
    max_memory: int | None = None,
    log_stream: IO[str] | None = None,
) -> None:
    """Serve ``dataset`` at ``http://host:port/sparql`` until interrupted (Ctrl-C)."""
    server = make_server(
        dataset, host, port, timeout=timeout, max_results=max_results,
        max_workers=max_workers, max_memory=max_memory, log_stream=log_stream,
    )
    memory = f"{limits.describe_size(server.max_memory)} per query" if server.max_memory else "no memory limit"
    server.log(
        f"SPARQL endpoint at {server.endpoint_url} (read-only; time limit {timeout:g} s, "
        f"{memory}, at most {max_results} results); Ctrl-C stops it"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.log("stopping")
    finally:
        server.server_close()
