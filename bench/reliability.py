#!/usr/bin/env python3
"""Load and faults, on loopback: what the endpoint and the build survive, and what is lost.

    python bench/reliability.py                 # the full run -> docs/reliability.md
    python bench/reliability.py --quick         # smaller loops, the report printed only
    python bench/reliability.py --out /tmp/r.md --work /tmp/reliability

What it does, on the graph built from the working tree (into a work folder, never ``graph/``):

1. **Concurrent clients**: for each backend, an endpoint (``make_server``, 4 workers) gets N
   threads x M queries (light catalogue-style queries, keep-alive connections); errors, queries
   per second, median and 95th percentile latency; a 503 for a query that found no free worker
   within the time limit (the documented load shedding) is counted apart from errors.
2. **Bursts and slow clients**: 300 connections opened at once (the listen backlog) and held
   open, then a query on each in turn;
   20 clients that send their request one byte at a time, or connect and say nothing, while
   4 clients query as usual: the usual clients' errors and latency.
3. **Hostile requests**: a never-ending query, the issue's memory-hungry query, nesting 20,000
   deep, ``SERVICE`` however escaped, every update form, a body past the limit, malformed and
   non-UTF-8 queries, a 100 KB path, a chunked body, ``Expect: 100-continue``, ``HEAD``, ``FROM``
   an unknown graph: the status each gets against the documented one; then whether the endpoint
   still answers and the data is unchanged.
4. **Kills during the build**: the build's output set (graph files, report, pages) written over a
   previous one by a forked process killed (``os._exit`` from :data:`aicareers.atomic.FAULT`) at
   evenly spread steps of the switch; and real builds (``python -m aicareers build``) killed with
   SIGKILL at moments spread over their run. After each: what a reader sees, what the next build's
   repair leaves; lost = a set that is neither the old nor the new one, or a temporary file left.

Loopback only, bounded loops (every loop has a count), nothing left running. Timings belong to
the machine: never run by the unit tests.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import http.client
import io
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from aicareers import atomic  # noqa: E402
from aicareers.errors import UsageError  # noqa: E402
from aicareers.namespaces import sparql_prologue  # noqa: E402

PROLOGUE = sparql_prologue()
#: CSV for SELECT, JSON for ASK (which has no CSV form)
ACCEPT = {"Accept": "text/csv, application/sparql-results+json;q=0.9"}
LIGHT = [
    "SELECT ?role ?label WHERE { ?role a aic:Role ; rdfs:label ?label }",
    "SELECT ?skill WHERE { VALUES ?role { role:prompt-engineer } ?role aic:requiresSkill ?skill }",
    "ASK { role:prompt-engineer aic:canEvolveTo ?x }",
    "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/ai-careers/id/graph/ontology> WHERE { ?s ?p ?o }",
    "SELECT ?to WHERE { role:prompt-engineer aic:canEvolveTo ?to } ORDER BY ?to",
]


# =============================================================================== HTTP


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
            connection: http.client.HTTPConnection | None = None, timeout: float = 120):
    """(status, headers, body) of one request (on ``connection`` if given, kept open)."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        if own:
            connection.close()


def query_path(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": PROLOGUE + query})


def raw(port: int, data: bytes, *, read_interim: bool = False, then: bytes = b"") -> int:
    """Send raw bytes; the status of the (final) answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=120) as sock:
        stream = sock.makefile("rb")
        sock.sendall(data)
        line = stream.readline()
        if read_interim and line.startswith(b"HTTP/1.1 100"):
            stream.readline()
            sock.sendall(then)
            line = stream.readline()
        return int(line.split()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


# =============================================================================== 1. and 2. load


def concurrent(port: int, threads: int, per_thread: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    busy: list[int] = []  # 503: no worker free within the time limit (documented, not an error)
    lock = threading.Lock()

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            for i in range(per_thread):
                query = LIGHT[(index + i) % len(LIGHT)]
                started = time.perf_counter()
                try:
                    status, _, _ = request(port, "GET", query_path(query), headers=ACCEPT, connection=connection)
                except (OSError, http.client.HTTPException) as error:
                    status = type(error).__name__
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if status == 503:
                        busy.append(status)
                    elif status != 200:
                        errors.append(str(status))
        finally:
            connection.close()

    started = time.perf_counter()
    workers = [threading.Thread(target=client, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    wall = time.perf_counter() - started
    return {"clients": threads, "queries": threads * per_thread, "errors": len(errors), "busy": len(busy),
            "qps": threads * per_thread / wall, "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * percentile(latencies, 0.95)}


def burst(port: int, connections: int) -> dict:
    """``connections`` connections opened at once (what the listen backlog is for), all held open,
    then a query on each in turn."""
    started = time.perf_counter()
    sockets, errors = [], 0
    for _ in range(connections):
        try:
            sockets.append(socket.create_connection(("127.0.0.1", port), timeout=120))
        except OSError:
            errors += 1
    connected = time.perf_counter() - started
    request_bytes = f"GET {query_path('ASK {}')} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
    for sock in sockets:
        try:
            with sock, sock.makefile("rb") as stream:
                sock.sendall(request_bytes)
                errors += not stream.readline().startswith(b"HTTP/1.1 200")
        except OSError:
            errors += 1
    return {"connections": connections, "errors": errors, "connect_seconds": connected,
            "seconds": time.perf_counter() - started}


def slow_clients(port: int, slow: int, fast_threads: int, per_thread: int) -> dict:
    """``slow`` clients trickle their request or say nothing while ``fast_threads`` clients query."""
    stop = threading.Event()
    sockets: list[socket.socket] = []

    def trickler(index: int) -> None:
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=120)
        except OSError:
            return
        sockets.append(sock)
        if index % 2:  # idle: connected, silent
            stop.wait(300)
            return
        data = f"GET {query_path('ASK {}')} HTTP/1.1\r\nHost: x\r\n".encode()
        for byte in data[:400]:  # bounded: at most 400 bytes, one every 50 ms
            if stop.is_set():
                return
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                return
            stop.wait(0.05)

    tricklers = [threading.Thread(target=trickler, args=(i,), daemon=True) for i in range(slow)]
    for thread in tricklers:
        thread.start()
    try:
        result = concurrent(port, fast_threads, per_thread)
    finally:
        stop.set()
        for sock in sockets:
            sock.close()
        for thread in tricklers:
            thread.join(5)
    result["slow_clients"] = slow
    return result


# =============================================================================== 3. hostile requests


def hostile(port: int) -> list[dict]:
    """Each hostile request, the status it got and the status documented."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    direct = {"Content-Type": "application/sparql-query"}
    deep = "SELECT * WHERE " + "{" * 20_000 + " ?s ?p ?o " + "}" * 20_000
    nested = "SELECT ?x WHERE { BIND(" + "(" * 100 + "1" + ")" * 100 + " AS ?x) }"
    cases = [
        ("a never-ending query (cross product of the union, 3 times)", 503,
         lambda: request(port, "GET", query_path("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"))[0]),
        ("the issue's memory-hungry query (ORDER BY over a cross product)", 503,
         lambda: request(port, "GET", query_path("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d"))[0]),
        ("brackets nested 20,000 deep", 400, lambda: request(port, "POST", "/sparql", deep.encode(), direct)[0]),
        ("100 nested parentheses (valid)", 200, lambda: request(port, "GET", query_path(nested))[0]),
        ("SERVICE", 403, lambda: request(port, "GET", query_path("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"))[0]),
        ("\\u0053ERVICE (escaped)", 403,
         lambda: request(port, "GET", query_path("SELECT * { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"))[0]),
        ("INSERT DATA as a query", 403, lambda: request(port, "GET", query_path("INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"))[0]),
        ("\\u0049NSERT DATA (escaped)", 403,
         lambda: request(port, "GET", "/sparql?" + urllib.parse.urlencode({"query": "\\u0049NSERT DATA { <urn:x:a> <urn:x:b> 1 }"}))[0]),
        ("update= parameter (DROP ALL)", 403, lambda: request(port, "POST", "/sparql", b"update=DROP%20ALL", form)[0]),
        ("application/sparql-update body", 403,
         lambda: request(port, "POST", "/sparql", b"CLEAR ALL", {"Content-Type": "application/sparql-update"})[0]),
        ("PUT, DELETE (Graph Store)", 405, lambda: max(request(port, m, "/sparql", b"x", {"Content-Type": "text/turtle"})[0]
                                                       for m in ("PUT", "DELETE"))),
        ("a 2 MB body", 413, lambda: request(port, "POST", "/sparql", b"query=" + b"x" * (2 << 20), form)[0]),
        ("malformed SPARQL", 400, lambda: request(port, "GET", query_path("SELECT ?x WHERE { ?x"))[0]),
        ("a non-UTF-8 query (UTF-16)", 400,
         lambda: request(port, "POST", "/sparql", "ASK {}".encode("utf-16"), {"Content-Type": "application/sparql-query; charset=UTF-16"})[0]),
        ("a 100 KB one-line malformed query (echo < 2 KB)", 400,
         lambda: (lambda a: a[0] if len(a[2]) < 2000 else -1)(
             request(port, "POST", "/sparql", ("SELECT * { ?s ?p " + "x" * 100_000).encode(), direct))),
        ("a 30 KB path (echo < 500 B)", 404, lambda: (lambda a: a[0] if len(a[2]) < 500 else -1)(request(port, "GET", "/" + "y" * 30_000))),
        ("FROM an unknown graph (counts 0)", 200,
         lambda: (lambda a: a[0] if a[2].endswith(b"\r\n0\r\n") else -1)(
             request(port, "GET", query_path("SELECT (COUNT(*) AS ?n) FROM <urn:x:nowhere> WHERE { ?s ?p ?o }"),
                     headers={"Accept": "text/csv"}))),
        ("default-graph-uri= empty (as a form sends it)", 200,
         lambda: request(port, "GET", "/sparql?" + urllib.parse.urlencode({"query": "ASK {}", "default-graph-uri": ""}))[0]),
        ("a chunked body", 200, lambda: raw(port, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                                                  b"Transfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n")),
        ("Expect: 100-continue", 200, lambda: raw(port, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                                                        b"Expect: 100-continue\r\nContent-Length: 6\r\n\r\n", read_interim=True, then=b"ASK {}")),
        ("HEAD", 200, lambda: request(port, "HEAD", query_path("ASK {}"))[0]),
        ("service description (Accept: text/turtle)", 200, lambda: request(port, "GET", "/sparql", headers={"Accept": "text/turtle"})[0]),
    ]
    out = []
    for name, documented, action in cases:
        try:
            got = action()
        except (OSError, http.client.HTTPException) as error:
            got = type(error).__name__
        out.append({"request": name, "documented": documented, "got": got})
    return out


# =============================================================================== 4. kills


def digest_set(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def kill_at(folder: Path, k: int, files: dict) -> int:
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            count = [0]

            def fault(step, path):
                count[0] += 1
                if count[0] == k:
                    os._exit(137)

            atomic.FAULT = fault
            atomic.write_set(folder, files)
        except BaseException:  # noqa: BLE001
            status = 1
        finally:
            os._exit(status)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def judge(folder: Path, old: dict, new: dict) -> dict:
    """What a reader sees after a kill, and what the next build's repair leaves."""
    try:
        atomic.check_complete(folder)
        visible = {k: v for k, v in digest_set(folder).items() if not Path(k).name.startswith(".")}
        reader = "old set" if visible == old else "new set" if visible == new else "MIXED"
    except UsageError:
        reader = "refused"
    atomic.recover(folder)
    after = digest_set(folder)
    repaired = "old" if after == old else "new" if after == new else "LOST"
    return {"reader": reader, "after repair": repaired}


def hook_kills(work: Path, files: dict, kills: int) -> list[dict]:
    old_files = {name: b"previous build: " + name.encode() for name in files}
    scratch = work / "dry-run"
    atomic.write_set(scratch, old_files)
    steps: list[tuple[str, str]] = []
    atomic.FAULT = lambda step, path: steps.append((step, path.name))
    try:
        atomic.write_set(scratch, files)
    finally:
        atomic.FAULT = None
    shutil.rmtree(scratch)
    chosen = sorted({max(1, round(i * len(steps) / kills)) for i in range(1, kills + 1)})
    old = {name: hashlib.sha256(data).hexdigest() for name, data in old_files.items()}
    new = {name: hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest() for name, data in files.items()}
    out = []
    for k in chosen:
        folder = work / f"kill-{k}"
        atomic.write_set(folder, old_files)
        status = kill_at(folder, k, files)
        verdict = judge(folder, old, new)
        out.append({"step": f"{k}/{len(steps)} ({steps[k - 1][0]} {steps[k - 1][1]})", "exit": status, **verdict})
        shutil.rmtree(folder)
    return out


def _temporaries(folder: Path) -> int:
    return sum(1 for p in folder.rglob(".*.tmp")) if folder.is_dir() else 0


#: When a real build is killed: the moment its output folder first shows each of these.
TRIGGERS = [
    ("its first temporary file", lambda folder, total: _temporaries(folder) >= 1),
    ("half its temporary files", lambda folder, total: _temporaries(folder) >= total // 2),
    ("its journal", lambda folder, total: (folder / atomic.JOURNAL).exists()),
    ("its journal and a first rename", lambda folder, total: (folder / atomic.JOURNAL).exists()
     and _temporaries(folder) < total),
]


def sigkill_builds(work: Path) -> list[dict]:
    """Real builds (with pages) killed with SIGKILL when their output folder shows each trigger."""
    command = [sys.executable, "-m", "aicareers", "build"]
    first = work / "reference"
    subprocess.run(command + ["--out", str(first)], check=True, capture_output=True)
    reference = digest_set(first)
    total = len(reference)
    out = []
    for name, trigger in TRIGGERS:
        folder = work / "sigkill"
        shutil.copytree(first, folder)
        for path in folder.rglob("*.nq"):  # an "old" set that differs from the new one
            path.write_bytes(b"# previous build\n" + path.read_bytes())
        old = digest_set(folder)
        process = subprocess.Popen(command + ["--out", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        killed = False
        for _ in range(600_000):  # at most ten minutes of 1 ms polls
            if process.poll() is not None:
                break
            if trigger(folder, total):
                process.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.001)
        process.wait()
        verdict = judge(folder, old, reference)
        out.append({"killed at": name, "killed": killed, **verdict})
        shutil.rmtree(folder)
    return out


# =============================================================================== the run


def machine() -> dict:
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        memory = float("nan")
    return {"cores": os.cpu_count(), "memory_gb": round(memory, 1), "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()}", "date": _dt.date.today().isoformat()}


def run(args) -> str:
    from aicareers.build import build
    from aicareers.html.pages import render_pages
    from aicareers.sparql.endpoint import make_server
    from aicareers.store import BACKENDS, load_dataset

    work = Path(args.work or tempfile.mkdtemp(prefix="aicareers-reliability-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"building the graph into {work / 'graph'} ...", file=sys.stderr)
    built = build(work / "graph")
    nquads = work / "graph" / "ai-careers.nq"
    load = (8, 25) if args.quick else (8, 200)
    many = (32, 10) if args.quick else (32, 100)
    sections = {"machine": machine(), "triples": built.report["triples"], "backends": {}}
    for backend in BACKENDS:
        print(f"{backend}: load ...", file=sys.stderr)
        dataset = load_dataset(nquads, backend=backend)
        before = len(dataset)
        server = make_server(dataset, log_stream=io.StringIO(), timeout=10, max_workers=4, max_memory=512 << 20)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        port = server.server_port
        try:
            result = {
                "concurrent": [concurrent(port, *load), concurrent(port, *many)],
                "burst": burst(port, 100 if args.quick else 300),
                "slow": slow_clients(port, 20, 4, 10 if args.quick else 50),
            }
            print(f"{backend}: hostile requests ...", file=sys.stderr)
            result["hostile"] = hostile(port)
            status, _, body = request(port, "GET", query_path("ASK {}"))
            result["healthy after"] = status == 200 and b"true" in body
            result["data unchanged"] = len(dataset) == before
        finally:
            server.shutdown()
            server.server_close()
            thread.join(5)
        sections["backends"][backend] = result
    print("kills during the build ...", file=sys.stderr)
    pages = render_pages(built.projection())
    files = {**built.files, **{f"html/{name}": page for name, page in pages.items()}}
    sections["hook kills"] = hook_kills(work / "kills", files, 8 if args.quick else 24)
    sections["sigkill builds"] = sigkill_builds(work / "sigkills")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return report(sections)


def report(s: dict) -> str:
    m = s["machine"]
    lines = [
        "# Reliability: load and faults",
        "",
        f"Run of `python bench/reliability.py` on {m['date']}: {m['cores']} cores, {m['memory_gb']} GB, "
        f"Python {m['python']}, {m['os']}. The graph built from the working tree ({s['triples']:,} triples), "
        "served on 127.0.0.1 by `make_server` (4 workers, 10 s time limit, 512 MB per query). Timings belong "
        "to this machine (shared with other work while it ran); the counts of errors and losses are the result.",
        "",
        "## Concurrent clients (keep-alive connections, light queries)",
        "",
        "\"busy\" counts the 503 answers to queries that found no free worker within the time limit "
        "(documented: the endpoint sheds load rather than queue it for ever); errors are any other failure.",
        "",
        "| backend | clients | queries | errors | busy (503) | queries/s | median | p95 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for backend, r in s["backends"].items():
        for c in r["concurrent"]:
            lines.append(f"| {backend} | {c['clients']} | {c['queries']:,} | {c['errors']} | {c['busy']} | {c['qps']:.0f} | "
                         f"{c['p50_ms']:.0f} ms | {c['p95_ms']:.0f} ms |")
    lines += ["", "## Bursts and slow clients", "",
              "| backend | connections at once | all connected in | all answered in | errors | slow or idle clients | "
              "usual clients' queries | errors | busy (503) | p95 |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for backend, r in s["backends"].items():
        b, w = r["burst"], r["slow"]
        lines.append(f"| {backend} | {b['connections']} | {b['connect_seconds']:.2f} s | {b['seconds']:.1f} s | {b['errors']} | "
                     f"{w['slow_clients']} | {w['queries']} | {w['errors']} | {w['busy']} | {w['p95_ms']:.0f} ms |")
    lines += ["", "## Hostile requests", "", "| request | documented | " + " | ".join(s["backends"]) + " |",
              "| --- | ---: | " + " | ".join("---:" for _ in s["backends"]) + " |"]
    names = [h["request"] for h in next(iter(s["backends"].values()))["hostile"]]
    for i, name in enumerate(names):
        documented = next(iter(s["backends"].values()))["hostile"][i]["documented"]
        got = [r["hostile"][i]["got"] for r in s["backends"].values()]
        lines.append(f"| {name} | {documented} | " + " | ".join(
            str(g) if g == documented else f"**{g}**" for g in got) + " |")
    for backend, r in s["backends"].items():
        lines.append("")
        lines.append(f"{backend}: after all of it the endpoint {'answers' if r['healthy after'] else 'DOES NOT answer'}, "
                     f"and the data is {'unchanged' if r['data unchanged'] else 'CHANGED'}.")
    lines += ["", "## Kills during the build", "",
              "The output set (graph files, report and every page) written over a previous build by a process "
              "killed at the step named (fault injection through `aicareers.atomic.FAULT`, `os._exit`: no "
              "clean-up runs); \"reader\" is what `query`, `serve`, `push` and the analyses see before the next "
              "build, \"after repair\" what the next build's first step leaves.", "",
              "| killed at step | reader | after repair |", "| --- | --- | --- |"]
    for k in s["hook kills"]:
        lines.append(f"| {k['step']} | {k['reader']} | {k['after repair']} |")
    lines += ["", "Real builds (`python -m aicareers build`, with the pages) killed with SIGKILL as soon as their "
              "output folder showed:", "",
              "| killed at | killed | reader | after repair |", "| --- | --- | --- | --- |"]
    for k in s["sigkill builds"]:
        lines.append(f"| {k['killed at']} | {k['killed']} | {k['reader']} | {k['after repair']} |")
    errors = sum(c["errors"] for r in s["backends"].values() for c in r["concurrent"]) + sum(
        r["burst"]["errors"] + r["slow"]["errors"] for r in s["backends"].values())
    busy = sum(c["busy"] for r in s["backends"].values() for c in r["concurrent"] + [r["slow"]])
    wrong = sum(h["got"] != h["documented"] for r in s["backends"].values() for h in r["hostile"])
    kills = s["hook kills"] + s["sigkill builds"]
    lost = sum(k["after repair"] == "LOST" or k["reader"] == "MIXED" for k in kills)
    lines += ["", "## Summary", "",
              f"- {errors} errors under load (concurrent, bursts, beside slow clients), and {busy} queries shed "
              "as busy (503) when more clients waited than the workers could serve within the time limit;",
              f"- {wrong} hostile requests answered otherwise than documented;",
              f"- {len(kills)} builds killed, {lost} output sets lost or seen mixed.", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller loops; the report is printed, not written")
    parser.add_argument("--out", type=Path, help="the Markdown file to write (default: docs/reliability.md, not with --quick)")
    parser.add_argument("--work", type=Path, help="work folder (kept); default: a temporary one, removed")
    args = parser.parse_args()
    text = run(args)
    out = args.out or (None if args.quick else ROOT / "docs" / "reliability.md")
    if out is not None:
        atomic.write_atomic(out, text)
        print(f"wrote {out}", file=sys.stderr)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
