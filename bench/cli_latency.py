#!/usr/bin/env python3
"""How long the ``aicareers`` commands take, whole process, on the default build: run by hand.

    python bench/cli_latency.py                  # 5 runs each -> a section of docs/benchmarks.md
    python bench/cli_latency.py --runs 3 --no-before --out -      # quicker, printed only
    python bench/cli_latency.py --no-before --graph FULL/ai-careers.nq  # a full-framework build: its own section

For each command (``--help``, ``query tools``, ``gap``, ``path``, ``profile``, and ``serve``
start-up: the time until the endpoint answers a query on 127.0.0.1) it measures the wall time of
a fresh process, from its start to its exit, and gives the median of ``--runs`` runs after one
warm-up run (which also makes the cache, :mod:`aicareers.cache`, when it is missing). Beside it:

- **before**: the same command by the code of :data:`BEFORE` (the last commit that parsed the
  graph file on every call), run from a copy of its ``src/`` (``git archive``) on the same graph;
- **floor**: a fresh Python process that imports pyoxigraph, opens the same cached store and
  answers the same SPARQL, each query read in full: the name resolution and the catalogue query
  that ``query`` runs, the closest catalogue question for an analysis (which runs on networkx,
  not SPARQL), a bare ``ASK`` for ``serve``; for ``--help``, Python starting and stopping;
- **networkx floor** (analyses): a fresh process importing networkx and reading the cached
  projection, the least an analysis on networkx can take.

The table, with the machine and the date, replaces the section between the markers
:data:`START` and :data:`END` of ``docs/benchmarks.md`` (``bench/run.py`` keeps that section when
it rewrites the page). Never run by the unit tests: timings belong to a machine, not to a test.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The code "before": the last commit whose commands parsed graph/ai-careers.nq on every call.
BEFORE = "5bbd71bba5dbd11a0a67c82af77c43daace6b779"
START = "<!-- bench/cli_latency.py: start -->"
END = "<!-- bench/cli_latency.py: end -->"
#: The markers of the section on another build (``--graph``: the full frameworks).
START_OTHER = "<!-- bench/cli_latency.py --graph: start -->"
END_OTHER = "<!-- bench/cli_latency.py --graph: end -->"
TARGET_OTHER = 1.0  # the full-framework build's target for a command (issue 14)
TARGET_HELP = 0.2
TARGET_COMMAND = 0.5
TARGET_RATIO = 3.0

#: label, arguments, the catalogue question of the floor and its parameters (None: no SPARQL).
COMMANDS = [
    ("`aicareers --help`", ["--help"], None, {}),
    ("`query tools`", ["query", "tools"], "tools", {}),
    ("`gap \"Prompt Engineer\" \"Architecte d'IA\"`", ["gap", "Prompt Engineer", "Architecte d'IA"],
     "shared-skills", {"role": "Prompt Engineer", "other": "Architecte d'IA"}),
    ("`path \"Prompt Engineer\" \"Chercheur en IA\"`", ["path", "Prompt Engineer", "Chercheur en IA"],
     "evolution-paths", {"role": "Prompt Engineer"}),
    ("`profile \"AI architect\"`", ["profile", "AI architect"], "role-profile", {"role": "AI architect"}),
]

FLOOR = """
import json, sys
import pyoxigraph
store = pyoxigraph.Store.read_only(sys.argv[1])
for text in json.loads(open(sys.argv[2], encoding="utf-8").read()):
    answer = store.query(text)
    list(answer) if isinstance(answer, pyoxigraph.QuerySolutions) else bool(answer)
"""

NETWORKX_FLOOR = """
import sys
from aicareers.cache import decode_projection
decode_projection(open(sys.argv[1], "rb").read(), sys.argv[2])
"""


# ------------------------------------------------------------------------------- timing


#: The environment of every measured process: Python's bytecode caches on, as an installed
#: package has them (PYTHONDONTWRITEBYTECODE would make every run compile the project's modules).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(command: list[str], env: dict | None = None) -> float:
    """Seconds from the start of ``command`` to its exit (which must be a success)."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed: {done.stderr.decode(errors='replace').strip()[-500:]}")
    return elapsed


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_startup(prefix: list[str], env: dict | None = None, limit: float = 300.0, data: list[str] = ()) -> float:
    """Seconds from starting ``aicareers serve`` to its first answer to a query; then it is stopped."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D"
    started = time.perf_counter()
    server = subprocess.Popen([*prefix, "serve", "--port", str(port), *data], cwd=ROOT, env=env or ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as answer:
                    if answer.status == 200:
                        return time.perf_counter() - started
            except OSError:
                pass
            if server.poll() is not None:
                raise SystemExit(f"bench: serve stopped with status {server.returncode}")
            if time.perf_counter() - started > limit:
                raise SystemExit("bench: serve did not answer in time")
            time.sleep(0.005)  # polling the port: a few milliseconds of resolution
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def median(measure, runs: int) -> float:
    measure()  # warm-up: files in the page cache, the command cache made
    return statistics.median(measure() for _ in range(runs))


# ------------------------------------------------------------------------------- set-up


def before_tree(work: Path) -> Path:
    """``src/`` of :data:`BEFORE`, unpacked into ``work`` (the repository is not touched)."""
    archive = work / "before.tar"
    with open(archive, "wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", BEFORE, "src"], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(work / "before", filter="data")
    return work / "before" / "src"


def floor_queries(graph: Path) -> dict[str, list[str]]:
    """For each catalogue question of :data:`COMMANDS`, the SPARQL the command line runs on the
    cached store: the resolution of each name, then the question with its parameters bound."""
    from aicareers.cache import open_dataset
    from aicareers.namespaces import sparql_prologue
    from aicareers.sparql.catalog import _entity_query, bind_parameters, inject_values, load_catalog

    dataset = open_dataset(graph)
    catalog = load_catalog()
    out = {}
    for _label, _argv, name, params in COMMANDS:
        if name is None:
            continue
        query = catalog[name]
        terms = bind_parameters(dataset, query, params)
        kinds = {p.var: p.kind for p in query.params}
        resolutions = [sparql_prologue() + _entity_query(kinds[var]) for var in terms if kinds[var] != "text"]
        out[name] = resolutions + [sparql_prologue() + inject_values(query.text, terms)]
    return out


def machine() -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import machine as run_machine  # bench/run.py: the same description of the machine

    return run_machine()


# ------------------------------------------------------------------------------- the table


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"


def ratio(value: float | None, base: float | None) -> str:
    return "—" if value is None or not base else f"{value / base:.1f}×"


def report(rows: list[dict], info: dict, started: str, runs: int, graph: Path, triples: int,
           other: bool = False) -> str:
    load = f"; load average {info['load_average']:.2f} when the run started (other processes share the cores)" \
        if info.get("load_average") is not None else ""
    target_command = TARGET_OTHER if other else TARGET_COMMAND
    lines = [
        START_OTHER if other else START,
        "## Command-line latency on the full-framework build" if other else "## Command-line latency on the default build",
        "",
        "Written by `bench/cli_latency.py` (run by hand; do not edit by hand):",
        "",
        "```sh",
        ".venv/bin/python build_graph.py --out FULL --esco ... --rome ... --onet ... && "
        ".venv/bin/python bench/cli_latency.py --no-before --graph FULL/ai-careers.nq" if other else
        ".venv/bin/python build_graph.py && .venv/bin/python bench/cli_latency.py",
        "```",
        "",
        f"- **Date**: {started} (UTC).",
        f"- **Machine**: {info['cpu']}, {info['cores']} cores, {info['memory_gb']:.1f} GB of memory; {info['os']}{load}.",
        f"- **Software**: Python {info['python']}, rdflib {info['rdflib']}, pyoxigraph {info['pyoxigraph']}.",
        f"- **Data**: `{graph.relative_to(ROOT) if graph.is_relative_to(ROOT) else graph}`, "
        + ("a build with the whole of ESCO 1.1.1, ROME 4.0 and O*NET 29.2 merged" if other else
           "the default build (the articles and the ESCO, ROME and O*NET slices)") + f": {triples:,} triples.",
        f"- **Method**: wall time of a whole process, from its start to its exit, median of {runs} runs after one "
        "warm-up run (which makes the cache when it is missing, and Python's bytecode caches). *Before*: the same command by the code of "
        f"commit {BEFORE[:7]}, which parsed the graph file with rdflib and projected it on every call. *Now*: "
        "from the cache (`aicareers.cache`). *Floor*: a fresh Python process that imports pyoxigraph, opens the "
        "same cached store and answers the same SPARQL (for `query`: its name resolution and the question, "
        "bound; for an analysis, which runs on networkx and not in SPARQL: the catalogue question closest to it, "
        "named in the table; for `serve`: a bare `ASK`; for `--help`: Python starting and stopping). "
        "*networkx floor*: a fresh process importing networkx and reading the cached projection.",
        "",
        "| command | before | now | floor | now ÷ floor | networkx floor | targets |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    notes = []
    for row in rows:
        target = TARGET_HELP if row["help"] else target_command
        verdicts = []
        if row.get("serve"):  # a start-up, not a query: reported, no target
            lines.append(f"| {row['label']} | {fmt(row.get('before'))} | {fmt(row['now'])} | {fmt(row['floor'])} | "
                         f"{ratio(row['now'], row['floor'])} | — | — |")
            continue
        verdicts.append(("met" if row["now"] < target else "**missed**") + f" < {target:g} s")
        if not row["help"]:
            within = row["now"] / row["floor"]
            verdicts.append(("met" if within <= TARGET_RATIO else "**missed**") + f" ≤ {TARGET_RATIO:g}× floor")
            if row["now"] >= target:
                notes.append(f"{row['label']}: {fmt(row['now'])}, {fmt(row['now'] - target)} over {target:g} s.")
            if within > TARGET_RATIO:
                why = ""
                if row.get("networkx"):
                    why = (f" (the networkx floor alone, importing networkx and reading the projection, is "
                           f"{row['networkx'] / row['floor']:.1f}× the floor: an analysis on networkx cannot come "
                           "within 3× of a SPARQL query on Oxigraph)")
                notes.append(f"{row['label']}: {within:.1f}× the floor, {within / TARGET_RATIO:.1f} times the "
                             f"{TARGET_RATIO:g}× allowed{why}.")
        floor = fmt(row["floor"]) + (f" (`{row['question']}`)" if row.get("question") else "")
        lines.append(f"| {row['label']} | {fmt(row.get('before'))} | {fmt(row['now'])} | {floor} | "
                     f"{ratio(row['now'], row['floor'])} | {fmt(row.get('networkx'))} | {'; '.join(verdicts)} |")
    lines.append("")
    if notes:
        lines.append("Targets missed:")
        lines.append("")
        lines += [f"- {note}" for note in notes]
    else:
        lines.append("Every target is met.")
    lines += ["", END_OTHER if other else END, ""]
    return "\n".join(lines)


def write_section(out: Path, section: str, start: str = START, end: str = END) -> None:
    """Put ``section`` in place of the one between the markers of ``out`` (or at its end)."""
    text = out.read_text(encoding="utf-8") if out.is_file() else ""
    if start in text and end in text:
        head, rest = text.split(start, 1)
        tail = rest.split(end, 1)[1].lstrip("\n")
        text = head + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    out.write_text(text, encoding="utf-8")


# ------------------------------------------------------------------------------- the driver


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each measure (default: %(default)s)")
    parser.add_argument("--no-before", dest="before", action="store_false", help="skip the code before the cache")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"),
                        help="the Markdown page whose section to replace (default: %(default)s; - to print only)")
    parser.add_argument("--graph", type=Path, default=None,
                        help="the N-Quads file of another build (the full frameworks), measured in its own section")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    from aicareers import paths
    from aicareers.cache import cache_dir, content_hash, store_folder, write_cache

    other = args.graph is not None
    graph = args.graph.resolve() if other else paths.GRAPH_DIR / "ai-careers.nq"
    if not graph.is_file():
        raise SystemExit(f"bench: no {graph}: run `python build_graph.py` first")
    started = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M")
    info = machine()
    write_cache(graph)  # what the build leaves
    digest = content_hash(graph)
    store = store_folder(digest)
    pickle_file = cache_dir() / digest / "projection.pickle"
    triples = json.loads((graph.parent / "build-report.json").read_text(encoding="utf-8"))["triples"]
    queries = floor_queries(graph)
    now = [sys.executable, "-m", "aicareers"]
    data = ["--graph", str(graph)] if other else []  # after the command's own arguments
    work = Path(tempfile.mkdtemp(prefix="aicareers-latency-"))
    try:
        env_before = None
        if args.before:
            env_before = dict(ENV, PYTHONPATH=str(before_tree(work)), AICAREERS_HOME=str(ROOT))
        rows = []
        for label, command, question, _params in COMMANDS:
            print(f"bench: {label} ...", file=sys.stderr, flush=True)
            row = {"label": label, "help": question is None and command == ["--help"], "question": question
                   if command[0] != "query" else None}
            argv = command if command == ["--help"] else [*command, *data]
            row["now"] = median(lambda: wall([*now, *argv]), args.runs)  # noqa: B023
            if args.before:
                row["before"] = median(lambda: wall([*now, *argv], env_before), args.runs)  # noqa: B023
            if question is None:
                row["floor"] = median(lambda: wall([sys.executable, "-c", "pass"]), args.runs)
            else:
                texts = work / f"{question}.json"
                texts.write_text(json.dumps(queries[question]), encoding="utf-8")
                row["floor"] = median(lambda: wall([sys.executable, "-c", FLOOR, str(store), str(texts)]), args.runs)  # noqa: B023
            if command[0] in ("gap", "path", "profile"):
                row["networkx"] = median(lambda: wall([sys.executable, "-c", NETWORKX_FLOOR, str(pickle_file), digest]),
                                         args.runs)
            rows.append(row)
        print("bench: serve start-up ...", file=sys.stderr, flush=True)
        ask = work / "ask.json"
        ask.write_text(json.dumps(["ASK {}"]), encoding="utf-8")
        row = {"label": "`serve` start-up (until it answers)", "help": False, "serve": True}
        row["now"] = median(lambda: serve_startup(now, data=data), args.runs)
        if args.before:
            row["before"] = median(lambda: serve_startup(now, env_before, data=data), args.runs)
        row["floor"] = median(lambda: wall([sys.executable, "-c", FLOOR, str(store), str(ask)]), args.runs)
        rows.append(row)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    section = report(rows, info, started, args.runs, graph, triples, other)
    print(section)
    if args.out != "-":
        write_section(Path(args.out), section, *((START_OTHER, END_OTHER) if other else (START, END)))
        print(f"bench: written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
