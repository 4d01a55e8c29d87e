"""``push`` that finishes or says what it left: a total deadline, a report of the graphs replaced,
and an all-or-nothing mode, against the real ``oxigraph serve`` and small fake servers.

The fake servers are real socket servers on 127.0.0.1, written here: one answers some requests
and then fails, one sends a byte every so often and never finishes its answer. Tests assert on
what ``push`` says and what the server holds, never on how long anything took.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time

import pytest
from rdflib import Literal, Namespace
from rdflib.namespace import RDFS

from aicareers.sparql.remote import PushError, push, query_remote
from aicareers.store import open_dataset, result_rows

from .servers import oxigraph_server

EX = Namespace("https://example.org/push#")
G = Namespace("https://example.org/push/graph/")
NAMES = ["a", "b", "c", "d", "e"]


def dataset(label: str = "v1"):
    data = open_dataset()
    for name in NAMES:
        data.graph(G[name]).add((EX[name], RDFS.label, Literal(f"{name} {label}")))
    return data


class FakeStore:
    """A Graph Store that answers ``ok`` requests with 204, then each later one as ``then`` says:
    ``"500"`` (an error status), ``"trickle"`` (a byte every 50 ms, never a whole answer) or
    ``"close"`` (the connection closed without an answer). Records each request line."""

    def __init__(self, ok: int, then: str):
        self.ok, self.then = ok, then
        self.requests: list[str] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            with conn:
                self._answer(conn)

    def _answer(self, conn: socket.socket):
        conn.settimeout(10)
        stream = conn.makefile("rb")
        line = stream.readline().decode("latin-1").strip()
        length = 0
        while True:
            header = stream.readline().decode("latin-1")
            if header in ("\r\n", "\n", ""):
                break
            name, _, value = header.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        stream.read(length)
        self.requests.append(line)
        if len(self.requests) <= self.ok:
            conn.sendall(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        elif self.then == "500":
            conn.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\nConnection: close\r\n\r\ndisk")
        elif self.then == "trickle":
            # "a byte every so often": each socket operation of the client succeeds, the answer never ends
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"x" * 10_000:
                if self.stop.is_set():
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return  # the client gave up
                time.sleep(0.05)

    def close(self):
        self.stop.set()
        self.listener.close()
        self.thread.join(5)


@contextlib.contextmanager
def fake_store(ok: int, then: str):
    store = FakeStore(ok, then)
    try:
        yield store
    finally:
        store.close()


def graph_iri(name: str) -> str:
    return str(G[name])


def test_a_server_that_trickles_bytes_cannot_hold_the_push_past_its_time_limit():
    with fake_store(ok=2, then="trickle") as store:
        with pytest.raises(PushError) as caught:
            push(dataset(), store.url, timeout=2)
    error = caught.value
    assert "no complete answer within the time limit of 2 s" in str(error)
    assert error.replaced == [graph_iri("a"), graph_iri("b")]
    assert error.unknown == [graph_iri("c")]
    assert error.not_sent == [graph_iri("d"), graph_iri("e")]
    assert "\n" not in str(error)
    assert f"replaced on the server: {graph_iri('a')}, {graph_iri('b')}" in str(error)


def test_a_failure_at_the_third_graph_says_exactly_which_graphs_were_replaced():
    with fake_store(ok=2, then="500") as store:
        with pytest.raises(PushError) as caught:
            push(dataset(), store.url, timeout=30)
    error = caught.value
    assert str(error).startswith(f"PUT {store.url}/store?graph=")
    assert "HTTP 500 Internal Server Error: disk" in str(error)
    assert (error.replaced, error.refused) == ([graph_iri("a"), graph_iri("b")], [graph_iri("c")])
    assert error.not_sent == [graph_iri("d"), graph_iri("e")]
    assert len(store.requests) == 3  # nothing sent after the failure


def test_an_atomic_push_that_fails_replaces_nothing_and_cleans_up():
    with fake_store(ok=2, then="500") as store:
        with pytest.raises(PushError) as caught:
            push(dataset(), store.url, timeout=30, atomic=True)
    error = caught.value
    assert "nothing was replaced (all-or-nothing push)" in str(error)
    staging = [line for line in store.requests if line.startswith("PUT ")]
    assert len(staging) == 3 and all("urn%3Aaicareers%3Astaging%3A" in line for line in staging)
    assert all(graph_iri("a").replace(":", "%3A") not in line for line in store.requests)
    deletes = [line for line in store.requests if line.startswith("DELETE ")]
    assert len(deletes) == 3  # the two staged graphs and the one that failed, deleted (or tried)
    assert not any(line.startswith("POST ") for line in store.requests)  # never moved into place


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-push")) as base:
        yield base


def labels(base: str) -> dict[str, str]:
    rows = result_rows(query_remote(base, "SELECT ?g ?l WHERE { GRAPH ?g { ?s rdfs:label ?l } }"))
    return {str(g): str(label) for g, label in rows}


def graphs(base: str) -> list[str]:
    return sorted(str(g) for (g,) in result_rows(query_remote(base, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")))


@pytest.mark.server
def test_an_atomic_push_to_oxigraph_moves_every_graph_into_place(oxigraph):
    assert push(dataset("v1"), oxigraph, atomic=True) == {graph_iri(n): 1 for n in NAMES}
    assert labels(oxigraph) == {graph_iri(n): f"{n} v1" for n in NAMES}
    assert push(dataset("v2"), oxigraph, atomic=True) == {graph_iri(n): 1 for n in NAMES}
    assert labels(oxigraph) == {graph_iri(n): f"{n} v2" for n in NAMES}  # replaced, not added
    assert graphs(oxigraph) == sorted(graph_iri(n) for n in NAMES)  # no staging graph left


@pytest.mark.server
def test_an_atomic_append_to_oxigraph(oxigraph):
    push(dataset("v1"), oxigraph, atomic=True)
    push(dataset("v3"), oxigraph, atomic=True, replace=False)
    rows = result_rows(query_remote(oxigraph, f"SELECT ?l WHERE {{ GRAPH <{graph_iri('a')}> {{ ?s rdfs:label ?l }} }} ORDER BY ?l"))
    assert [str(label) for (label,) in rows] == ["a v1", "a v3"]
    assert graphs(oxigraph) == sorted(graph_iri(n) for n in NAMES)


@pytest.mark.server
def test_an_atomic_push_whose_update_is_refused_leaves_oxigraph_as_it_was(oxigraph):
    push(dataset("v1"), oxigraph, atomic=True)
    with pytest.raises(PushError) as caught:
        push(dataset("v2"), oxigraph, atomic=True, update_url=oxigraph + "/no-such-update")
    assert "HTTP 404" in str(caught.value) and "nothing was replaced" in str(caught.value)
    assert labels(oxigraph) == {graph_iri(n): f"{n} v1" for n in NAMES}
    assert graphs(oxigraph) == sorted(graph_iri(n) for n in NAMES)  # staging graphs deleted


@pytest.mark.server
@pytest.mark.parametrize("replace", [True, False])
def test_an_atomic_push_whose_staging_graph_vanished_replaces_nothing(oxigraph, monkeypatch, replace):
    """A staging graph gone before the move (another client, a store's clean-up): the update must
    fail as a whole, not move the others and answer 2xx."""
    import aicareers.sparql.remote as remote

    push(dataset("v1"), oxigraph, atomic=True)
    exchange = remote._exchange

    def delete_one_staging_graph_first(method, url, **kwargs):
        if method == "POST" and url.endswith("/update"):
            staged = graphs(oxigraph)
            victim = next(g for g in staged if g.startswith("urn:aicareers:staging:"))
            exchange("DELETE", f"{oxigraph}/store?graph={victim}", body=None, headers={},
                     deadline=time.monotonic() + 10, limit=10)
        return exchange(method, url, **kwargs)

    monkeypatch.setattr(remote, "_exchange", delete_one_staging_graph_first)
    with pytest.raises(PushError) as caught:
        push(dataset("v2"), oxigraph, atomic=True, replace=replace)
    assert "nothing was replaced" in str(caught.value)
    monkeypatch.undo()
    assert labels(oxigraph) == {graph_iri(n): f"{n} v1" for n in NAMES}
    assert graphs(oxigraph) == sorted(graph_iri(n) for n in NAMES)  # staging graphs deleted


def test_the_push_command_reports_on_one_line(capsys):
    from aicareers.cli import main

    with fake_store(ok=1, then="500") as store:
        status = main(["push", "--endpoint", store.url, "--timeout", "30",
                       "--graph", str(_tiny_nquads())])
    err = capsys.readouterr().err
    assert status == 1
    assert len(err.strip().splitlines()) == 1
    assert re.search(r"replaced on the server: \S+; refused by the server: \S+", err), err


def _tiny_nquads():
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    path = folder / "ai-careers.nq"
    path.write_text("".join(f'<{EX[n]}> <{RDFS.label}> "{n}" <{G[n]}> .\n' for n in NAMES[:3]), encoding="utf-8")
    return path
