#!/usr/bin/env python3
"""The benchmark of the pipeline at ESCO scale: one table, both stores, one run, one machine.

    python bench/run.py                      # full ESCO scale, 5 repetitions -> docs/benchmarks.md
    python bench/run.py --scale 0.05         # smoke run (half a minute), table printed only
    python bench/run.py --repeat 9 --out /tmp/bench.md --work /tmp/bench --keep

What it does:

1. writes a synthetic ESCO download (:func:`aicareers.esco.synthetic.write_synthetic_esco`: 3,000
   occupations, 14,000 skills, 125,000 relations at scale 1, deterministic) into a work folder;
2. runs each stage in its own Python process, so that the peak memory (``ru_maxrss``) of a stage is
   its own: the build on the rdflib path and on the Oxigraph fast path (import, SHACL, each output
   format, write); the baselines (raw pyoxigraph loading the N-Quads; plain rdflib loading,
   validating with pyshacl and serialising them); the catalogue queries on each store (median and
   95th percentile of at least ``--repeat`` runs after one warm-up run, more for a fast query: runs
   go on for a quarter of a second) and on raw pyoxigraph; the
   networkx projection and analyses (path, gap, similarity, rank) and the HTML pages from each store;
3. prints the table and writes it, with the machine, the date and which targets are met, to
   ``--out`` (default: ``docs/benchmarks.md`` at scale 1; at another scale, only printed).

Baselines, measured in the same run on the same data: **raw pyoxigraph** (its bulk loader and
``Store.query``, results read in full: the fastest engine here) for the store figures (import,
load, peak memory, queries); **plain rdflib** (``Dataset.parse``, ``Graph.serialize``,
``pyshacl.validate``, :func:`aicareers.projection.project` on a plain rdflib graph) for the rest.

Never run by the unit tests: timings belong to a machine, not to a test.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROLE = "https://w3id.org/ai-careers/id/role/prompt-engineer"
OTHER = "https://w3id.org/ai-careers/id/role/ai-architect"
FORMATS = ("ai-careers.ttl", "ai-careers.trig", "ai-careers.nq", "ai-careers.jsonld")
FORMAT_NAMES = {"ai-careers.ttl": "Turtle", "ai-careers.trig": "TriG", "ai-careers.nq": "N-Quads",
                "ai-careers.jsonld": "JSON-LD"}
PLAIN_FORMATS = {"ai-careers.ttl": "turtle", "ai-careers.trig": "trig", "ai-careers.nq": "nquads",
                 "ai-careers.jsonld": "json-ld"}
AGGREGATE = re.compile(r"GROUP\s+BY|(?<![?$\w])(COUNT|SUM|AVG|MIN|MAX|GROUP_CONCAT|SAMPLE)\s*\(", re.I)


# =============================================================================== the stages
# Each stage runs in a fresh process (``--stage NAME``) and writes its figures as JSON.


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _clock():
    return time.perf_counter()


def _stats(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]  # nearest rank
    return {"median": statistics.median(ordered), "p95": p95, "runs": len(ordered)}


#: A query runs at least ``--repeat`` times and until this many seconds have passed (at most
#: MAX_RUNS times): sub-millisecond queries get enough runs for a stable median on a shared machine.
MIN_SECONDS = 0.25
MAX_RUNS = 200


def _repeat(fn, repeat: int) -> dict:
    fn()  # warm-up: caches, lazy imports, query parsing
    samples: list[float] = []
    start = _clock()
    while len(samples) < repeat or (_clock() - start < MIN_SECONDS and len(samples) < MAX_RUNS):
        t0 = _clock()
        fn()
        samples.append(_clock() - t0)
    return _stats(samples)


def stage_build(work: Path, backend: str, repeat: int) -> dict:
    from aicareers.build import build

    t0 = _clock()
    result = build(work / f"out-{backend}", backend=backend, esco_dir=work / "esco", versions={"esco": "synthetic"})
    total = _clock() - t0
    return {"total": total, "timings": result.timings, "triples": result.report["triples"],
            "classes": result.report["classes"], "peak_mb": _peak_mb()}


def stage_raw_load(work: Path, repeat: int) -> dict:
    import pyoxigraph as ox

    data = (work / "out-oxigraph" / "ai-careers.nq").read_bytes()
    t0 = _clock()
    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    load = _clock() - t0
    return {"load": load, "quads": len(store), "peak_mb": _peak_mb()}


def stage_plain_rdflib(work: Path, repeat: int) -> dict:
    import pyshacl
    from rdflib import Dataset, Graph

    from aicareers import iris, paths

    nq = work / "out-oxigraph" / "ai-careers.nq"
    t0 = _clock()
    dataset = Dataset()
    dataset.parse(nq, format="nquads")
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    load = _clock() - t0
    out = {"load": load, "serialise": {}}
    for name in FORMATS:
        fmt = PLAIN_FORMATS[name]
        t0 = _clock()
        (dataset if fmt in ("trig", "nquads") else union).serialize(format=fmt, encoding="utf-8")
        out["serialise"][name] = _clock() - t0
    shapes = Graph().parse(paths.SHAPES, format="turtle")
    ontology = dataset.graph(iris.ONTOLOGY_GRAPH)
    t0 = _clock()
    conforms, _, _ = pyshacl.validate(union, shacl_graph=shapes, ont_graph=ontology, inference="rdfs",
                                      advanced=True, allow_warnings=True)
    out["validate"] = _clock() - t0
    out["conforms"] = bool(conforms)
    out["peak_mb"] = _peak_mb()
    return out


def _body(text: str) -> str:
    """A query's text without its comment lines (the header)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _bound_queries(dataset) -> list:
    """Each catalogue query with its parameters (defaults) bound: (name, Query without params, text)."""
    from aicareers.sparql.catalog import Query, bind_parameters, inject_values, load_catalog

    out = []
    for name, query in sorted(load_catalog().items()):
        terms = bind_parameters(dataset, query)
        body = _body(inject_values(query.text, terms))
        out.append((name, Query(name, None, query.question_en, query.question_fr, [], body), body))
    return out


def stage_queries(work: Path, backend: str, repeat: int) -> dict:
    from aicareers.sparql.catalog import bind_parameters, load_catalog, run_query
    from aicareers.store import load_dataset

    nq = work / "out-oxigraph" / "ai-careers.nq"
    t0 = _clock()
    dataset = load_dataset(nq, backend)
    load = _clock() - t0
    out = {"load": load, "queries": {}}
    role_skills = load_catalog()["role-skills"]
    out["resolve"] = _repeat(lambda: bind_parameters(dataset, role_skills), repeat)
    for name, query, _ in _bound_queries(dataset):
        rows = len(list(run_query(dataset, query)))
        figures = _repeat(lambda q=query: list(run_query(dataset, q)), repeat)
        figures["rows"] = rows
        out["queries"][name] = figures
    out["peak_mb"] = _peak_mb()
    return out


def stage_queries_raw(work: Path, repeat: int) -> dict:
    import pyoxigraph as ox

    from aicareers.namespaces import sparql_prologue
    from aicareers.store import dataset_over

    data = (work / "out-oxigraph" / "ai-careers.nq").read_bytes()
    t0 = _clock()
    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    load = _clock() - t0
    out = {"load": load, "queries": {}}
    prologue = sparql_prologue()

    def run(text: str) -> list:
        result = store.query(prologue + text, use_default_graph_as_union=True)
        return [tuple(solution) for solution in result]

    try:  # the catalogue's own name-resolution query, if it still has one
        from aicareers.sparql.catalog import _entity_query

        entity_query = _entity_query("role")
        out["resolve"] = _repeat(lambda: run(entity_query), repeat)
    except Exception:  # noqa: BLE001 - the baseline is then left out
        pass
    for name, _, text in _bound_queries(dataset_over(store)):  # binding is not timed
        figures = _repeat(lambda t=text: run(t), repeat)
        figures["rows"] = len(run(text))
        out["queries"][name] = figures
    out["peak_mb"] = _peak_mb()
    return out


def stage_analytics(work: Path, backend: str, repeat: int) -> dict:
    from aicareers import analytics

    nq = work / "out-oxigraph" / "ai-careers.nq"
    out: dict = {"analyses": {}}
    if backend == "oxigraph":
        import pyoxigraph as ox

        from aicareers.fastpath.projection import union_graph_of
        from aicareers.projection import project

        t0 = _clock()  # what Build.projection() does on the fast path: the store, read once
        store = ox.Store()
        store.bulk_load(nq.read_bytes(), format=ox.RdfFormat.N_QUADS)
        graph = union_graph_of(store)
        out["load"] = _clock() - t0
        t0 = _clock()
        g = project(graph)
        out["projection"] = _clock() - t0
        del store, graph
    else:
        from rdflib import Dataset, Graph

        from aicareers.projection import project

        t0 = _clock()
        dataset = Dataset()
        dataset.parse(nq, format="nquads")
        union = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        out["load"] = _clock() - t0
        t0 = _clock()
        g = project(union)
        out["projection"] = _clock() - t0
        del dataset, union
    out["nodes"], out["edges"] = g.number_of_nodes(), g.number_of_edges()
    # The analyses and pages read the projection only: the RDF graphs are dropped on both sides
    # (above), so that neither pays for live leftovers (Python's collector walks every object).
    gc.collect()
    runs = max(1, min(repeat, 3))
    analyses = {
        "path (cheapest_path)": lambda: analytics.cheapest_path(g, ROLE, OTHER),
        "gap (skill_gap)": lambda: analytics.skill_gap(g, ROLE, OTHER),
        "similarity (nearest_roles)": lambda: analytics.nearest_roles(g, ROLE),
        "rank (rank_skills, pagerank)": lambda: analytics.rank_skills(g, by="pagerank"),
    }
    for name, fn in analyses.items():
        samples = []
        for _ in range(runs):
            t0 = _clock()
            fn()
            samples.append(_clock() - t0)
        out["analyses"][name] = statistics.median(samples)
    try:
        from aicareers.html import write_pages
    except ImportError:
        out["html"] = None
    else:
        t0 = _clock()
        pages = write_pages(g, work / f"html-{backend}")
        out["html"] = _clock() - t0
        out["html_pages"] = len(pages)
    out["peak_mb"] = _peak_mb()
    return out


STAGES = {
    "build-rdflib": lambda w, r: stage_build(w, "rdflib", r),
    "build-oxigraph": lambda w, r: stage_build(w, "oxigraph", r),
    "raw-load": stage_raw_load,
    "plain-rdflib": stage_plain_rdflib,
    "queries-rdflib": lambda w, r: stage_queries(w, "rdflib", r),
    "queries-oxigraph": lambda w, r: stage_queries(w, "oxigraph", r),
    "queries-raw": stage_queries_raw,
    "analytics-rdflib": lambda w, r: stage_analytics(w, "rdflib", r),
    "analytics-oxigraph": lambda w, r: stage_analytics(w, "oxigraph", r),
}


# =============================================================================== the driver


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    import pyoxigraph
    import pyshacl
    import rdflib

    try:
        load = os.getloadavg()[0]
    except OSError:
        load = None
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gb": memory, "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}", "rdflib": rdflib.__version__,
        "pyoxigraph": pyoxigraph.__version__, "pyshacl": pyshacl.__version__, "load_average": load,
    }  # fmt: skip


def run_stage(name: str, work: Path, repeat: int) -> dict:
    print(f"bench: {name} ...", file=sys.stderr, flush=True)
    t0 = _clock()
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--stage", name, "--work", str(work), "--repeat", str(repeat)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"bench: stage {name} failed (exit status {done.returncode})")
    figures = json.loads((work / f"stage-{name}.json").read_text(encoding="utf-8"))
    print(f"bench: {name} done in {_clock() - t0:.1f} s (peak {figures['peak_mb']:.0f} MB)", file=sys.stderr, flush=True)
    return figures


# ------------------------------------------------------------------------------- formatting


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.01:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds * 1000:.2f} ms"


def fmt_mb(mb: float | None) -> str:
    return "—" if mb is None else f"{mb:,.0f} MB"


def fmt_ratio(value: float | None, base: float | None) -> str:
    if value is None or not base:
        return "—"
    ratio = value / base
    return f"{ratio:.2f}×" if ratio < 10 else f"{ratio:.0f}×"


def table(rows: list[tuple]) -> list[str]:
    lines = ["| measure | rdflib store | Oxigraph store (fast path) | baseline | rdflib ÷ baseline | Oxigraph ÷ baseline |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for label, a, b, base, kind in rows:
        show = fmt_mb if kind == "mb" else fmt_time
        lines.append(f"| {label} | {show(a)} | {show(b)} | {show(base)} | {fmt_ratio(a, base)} | {fmt_ratio(b, base)} |")
    return lines


def report(args, info: dict, data: dict, esco_counts: dict, started: str) -> tuple[str, dict]:
    R, O = data["build-rdflib"], data["build-oxigraph"]
    raw, plain = data["raw-load"], data["plain-rdflib"]
    qr, qo, qx = data["queries-rdflib"], data["queries-oxigraph"], data["queries-raw"]
    ar, ao = data["analytics-rdflib"], data["analytics-oxigraph"]
    rt, ot = R["timings"], O["timings"]

    rows: list[tuple] = []
    rows.append(("**Build** (`build_graph.py --esco`)", None, None, None, "s"))
    rows.append(("import: CSV → store (raw: bulk-load the N-Quads)", rt["import"], ot["import"] + ot.get("load", 0),
                 raw["load"], "s"))
    rows.append(("SHACL validation (plain: pyshacl + RDFS on the union)", rt["validate"], ot["validate"], plain["validate"], "s"))
    for name in FORMATS:
        rows.append((f"serialise {FORMAT_NAMES[name]} (plain: rdflib `serialize`)", rt[name], ot[name],
                     plain["serialise"][name], "s"))
    rows.append(("union graph, report, write", sum(rt.get(k, 0) for k in ("union", "report", "write")),
                 sum(ot.get(k, 0) for k in ("union", "report", "write")), None, "s"))
    rows.append(("**whole build, import included**", R["total"], O["total"], None, "s"))
    rows.append(("peak memory of the build (raw: bulk-load)", R["peak_mb"], O["peak_mb"], raw["peak_mb"], "mb"))
    rows.append(("**Queries** (catalogue runner `run_query`, parameters bound; baseline: raw `Store.query`)", None, None, None, "s"))
    rows.append(("load the N-Quads into the store", qr["load"], qo["load"], qx["load"], "s"))
    rows.append(("resolve a role name (`bind_parameters`), median", qr["resolve"]["median"], qo["resolve"]["median"],
                 qx.get("resolve", {}).get("median"), "s"))
    for name in sorted(qx["queries"]):
        a, b, base = qr["queries"][name], qo["queries"][name], qx["queries"][name]
        tag = " (aggregate)" if name in data["aggregates"] else ""
        rows.append((f"`{name}`{tag}, {base['rows']} rows: median", a["median"], b["median"], base["median"], "s"))
        rows.append((f"`{name}`: p95", a["p95"], b["p95"], base["p95"], "s"))
    rows.append(("peak memory, query stage", qr["peak_mb"], qo["peak_mb"], qx["peak_mb"], "mb"))
    rows.append(("**networkx and HTML** (baseline: plain rdflib graph)", None, None, None, "s"))
    rows.append(("load the N-Quads into the graph the projection reads", ar["load"], ao["load"], ar["load"], "s"))
    rows.append((f"projection ({ar['nodes']:,} nodes, {ar['edges']:,} edges)", ar["projection"], ao["projection"],
                 ar["projection"], "s"))
    for name in ar["analyses"]:
        rows.append((name, ar["analyses"][name], ao["analyses"][name], ar["analyses"][name], "s"))
    if ar.get("html") is not None:
        rows.append((f"HTML pages ({ar.get('html_pages')} pages, `write_pages`)", ar["html"], ao["html"], ar["html"], "s"))
    rows.append(("peak memory, analytics stage", ar["peak_mb"], ao["peak_mb"], ar["peak_mb"], "mb"))

    # ------------------------------------------------------------------------ targets
    targets = {}
    targets["build"] = (O["total"] < 30, f"import plus build under 30 s: {fmt_time(O['total'])} on the fast path "
                                         f"({fmt_time(R['total'])} on the rdflib path)")
    targets["memory"] = (O["peak_mb"] < 1536, f"peak memory under 1.5 GB: {fmt_mb(O['peak_mb'])} for the fast-path build "
                                               f"({fmt_mb(R['peak_mb'])} on the rdflib path; query stage "
                                               f"{fmt_mb(qo['peak_mb'])}, analytics stage {fmt_mb(ao['peak_mb'])})")
    slow = {n: qo["queries"][n]["median"] / qx["queries"][n]["median"] for n in qx["queries"]}
    over = {n: r for n, r in slow.items() if r > 2}
    worst = max(slow, key=slow.get)
    targets["queries"] = (not over, "every catalogue query within 2× raw pyoxigraph (median): "
                          + (f"worst `{worst}` at {slow[worst]:.2f}×" if not over else
                             "over for " + ", ".join(f"`{n}` ({r:.2f}×)" for n, r in sorted(over.items()))))
    speedups = {n: qr["queries"][n]["median"] / qo["queries"][n]["median"] for n in data["aggregates"]}
    under = {n: s for n, s in speedups.items() if s < 10}
    targets["aggregates"] = (not under, "at least 10× faster than rdflib's store on the aggregate queries ("
                             + ", ".join(f"`{n}` {s:.0f}×" for n, s in sorted(speedups.items())) + ")")

    lines = [
        "# Benchmarks: the pipeline at ESCO scale",
        "",
        "Written by `bench/run.py` (do not edit by hand); rerun it to refresh this page:",
        "",
        "```sh",
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/python bench/run.py",
        "```",
        "",
        f"- **Date**: {started} (UTC), {data['duration']:.0f} s for the whole run.",
        f"- **Machine**: {info['cpu']}, {info['cores']} cores, {info['memory_gb']:.1f} GB of memory; {info['os']}; "
        f"load average {info['load_average']:.2f} when the run started (other processes share the cores).",
        f"- **Software**: Python {info['python']}, rdflib {info['rdflib']}, pyoxigraph {info['pyoxigraph']}, "
        f"pyshacl {info['pyshacl']}.",
        f"- **Data**: a synthetic ESCO download at scale {args.scale:g} (`aicareers.esco.synthetic`, seed 0): "
        f"{esco_counts['occupations']:,} occupations, {esco_counts['skills']:,} skills, "
        f"{esco_counts['relations']:,} relations (English), merged with the project's own graph: "
        f"**{O['triples']:,} triples** in the union graph.",
        f"- **Method**: each stage in a fresh process (peak memory = that process's `ru_maxrss`, interpreter and "
        f"libraries included); query figures are the median and 95th percentile (nearest rank) of at least {args.repeat} "
        f"runs, after one warm-up run (more for fast queries: runs go on for {MIN_SECONDS} s, up to {MAX_RUNS}); analyses are the median of {max(1, min(args.repeat, 3))} runs; build and "
        f"baseline stages run once. Store figures are compared with **raw pyoxigraph** (bulk loader, "
        f"`Store.query` with the same bound query text, every solution read); the others with **plain rdflib** "
        f"(`Dataset.parse`, `serialize` without sorting, `pyshacl.validate` with RDFS inference, the projection "
        f"of a plain rdflib graph).",
        "",
        *table(rows),
        "",
        "## Targets",
        "",
    ]
    for ok, text in targets.values():
        lines.append(f"- {'**met**' if ok else '**not met**'}: {text}.")
    lines += [
        "",
        "## Reading the table",
        "",
        "- The two builds make the same graph: the same `ai-careers.nq` and build report, byte for byte "
        "(`tests/test_fastpath.py` checks it on the real graph and on a small synthetic download); Turtle, TriG "
        "and JSON-LD hold the same triples in another layout. The fast path is chosen by `--backend auto` "
        "(the default) when the ESCO download weighs 2 MB or more, and by `--backend oxigraph`.",
        "- *Import* is the ESCO CSV read into the store: on the rdflib path, into rdflib's store and then its "
        "union graph; on the fast path, N-Quads lines sorted and bulk-loaded into Oxigraph. Its baseline is "
        "raw pyoxigraph bulk-loading the finished N-Quads, which does not read CSV: a floor, not a rival.",
        "- *SHACL*: the rdflib path runs pyshacl with RDFS inference on the whole graph (exactly the plain "
        "baseline); the fast path runs it on the project's nodes and what they see, and checks the ESCO-only "
        "nodes with the shapes compiled to SPARQL on Oxigraph (`aicareers.fastpath.shacl`, same verdict).",
        "- *Queries* go through the catalogue runner: on the Oxigraph store, the engine is the same as raw "
        "pyoxigraph, and the difference is the runner's own work (oxrdflib turning each solution into rdflib "
        "terms, evening out `xsd:string`): a fixed cost of a few tenths of a millisecond per call, so the "
        "sub-millisecond queries are the ones closest to 2×. Name resolution (a role's name → its IRI) is one "
        "more query per call, timed on its own.",
        "- *Aggregates*: rdflib's union graph is a set; the union default graph of Oxigraph 0.5 is a bag "
        "(a triple that several sources state comes back once per source graph: oxigraph issue #1919, fixed "
        "upstream by pull request #1920). `role-skills` joins six patterns over such triples, so Oxigraph "
        "(raw as well as through the runner) builds hundreds of duplicate solutions before "
        "`GROUP_CONCAT(DISTINCT ...)` folds them: it is the one aggregate where Oxigraph's lead over rdflib stays "
        "under 10×. The answers are the same (`tests/test_fastpath.py` compares every catalogue query).",
        "- *networkx*: the projection is the same code on both stores (`aicareers.projection.project`); the fast "
        "path reads the Oxigraph store once into a dictionary-indexed rdflib graph. The analyses run on the "
        "projection, which is the same whichever store it came from (same nodes, edges, attributes and "
        "order: `tests/test_fastpath.py`), so their times differ by noise only. The HTML pages no longer go "
        "through pyvis's `Network.add_node` and `add_edge`: `add_edge` looked both ends of every edge up with "
        "`source in self.get_nodes()`, a scan of a Python list of every node id of the page, so a page cost "
        "its nodes times its edges (pyvis compares a new edge with the edges already added only for undirected "
        "networks; the pages are directed). `aicareers.html.pages.render_page` fills pyvis's node and edge lists "
        "itself, with the same items, and the page is the same byte for byte: the step grows linearly.",
        "- `build_graph.py` writes the HTML pages after the build unless given `--no-html`; they are not in "
        "*whole build* above: at this scale they add the projection and the pages (the rows above) to it.",
        "",
    ]
    return "\n".join(lines), targets


#: Sections of the page that other scripts write, between their markers (bench/cli_latency.py,
#: bench/html_layout.py) or under their heading (bench/frameworks.py): kept when it is rewritten.
KEPT_SECTION = re.compile(r"<!-- (?P<g>bench/[^:]+): start -->.*?"
                          r"<!-- (?P=g): end -->\n?"
                          r"|## Real frameworks\n.*?(?=\n## |\n<!-- |\Z)", re.S)


def _kept_sections(out: Path) -> str:
    old = out.read_text(encoding="utf-8") if out.is_file() else ""
    return "".join("\n" + match.group(0) for match in KEPT_SECTION.finditer(old))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="size of the synthetic ESCO download (1 = full)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query (after a warm-up)")
    parser.add_argument("--out", type=Path, help="the Markdown file to write (default: docs/benchmarks.md at scale 1, "
                                                 "none at another scale)")
    parser.add_argument("--work", type=Path, help="work folder (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.stage:  # a child process: one stage, its figures as JSON in the work folder
        figures = STAGES[args.stage](args.work, args.repeat)
        (args.work / f"stage-{args.stage}.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
        return 0

    if args.scale <= 0 or args.repeat < 1:
        parser.error("--scale must be positive and --repeat at least 1")
    started = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M")
    info = machine()
    work = args.work or Path(tempfile.mkdtemp(prefix="aicareers-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    out = args.out or (ROOT / "docs" / "benchmarks.md" if args.scale == 1.0 else None)
    t_start = _clock()
    try:
        from aicareers.esco.csv_import import ImportReport, iter_esco_triples
        from aicareers.esco.synthetic import write_synthetic_esco
        from aicareers.sparql.catalog import load_catalog

        print(f"bench: writing a synthetic ESCO download at scale {args.scale:g} into {work / 'esco'}", file=sys.stderr)
        write_synthetic_esco(work / "esco", scale=args.scale)
        counts = ImportReport()
        for _ in iter_esco_triples(work / "esco", version="synthetic", report=counts):
            pass
        esco_counts = {"occupations": counts.occupations, "skills": counts.skills, "relations": counts.relations}
        data = {name: run_stage(name, work, args.repeat) for name in STAGES}
        data["aggregates"] = sorted(n for n, q in load_catalog().items() if AGGREGATE.search(_body(q.text)))
        data["duration"] = _clock() - t_start
        text, targets = report(args, info, data, esco_counts, started)
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(text)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + _kept_sections(out), encoding="utf-8")
        print(f"bench: written to {out}", file=sys.stderr)
    else:
        print("bench: not written (a smoke run: give --out to keep the table)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
