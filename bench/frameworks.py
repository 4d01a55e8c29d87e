#!/usr/bin/env python3
"""The benchmark on the real frameworks: full ESCO 1.1.1 + ROME 4.0 + O*NET 29.2 on the fast path.

    python bench/frameworks.py                 # -> the "Real frameworks" section of docs/benchmarks.md
    python bench/frameworks.py --out /tmp/b.md # elsewhere
    python bench/frameworks.py --reference DIR # another copy of ../shared/reference

Each stage runs in its own Python process, so that its peak memory (``ru_maxrss``) is its own:

1. each importer alone, streaming the official distribution (``iter_*_triples``: what the build
   reads), counting triples;
2. the whole build, ``build_graph.py --esco ... --rome ... --onet ... --no-html`` on the fast path
   (:mod:`aicareers.fastpath`), with the seconds of each stage (``Build.timings``): ``--runs``
   times (3 by default), each in a fresh process; the median run is shown, with every run's time;
3. every catalogue query on the built dataset in Oxigraph (median of 5 runs after a warm-up), and
   raw pyoxigraph loading the N-Quads (the floor).

Targets from issue 11: the whole build under 30 s and 1.5 GB on this machine. Never run by the
unit tests: timings belong to a machine, not to a test.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"
SECTION = "## Real frameworks"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def downloads(reference: Path) -> dict[str, list[Path]]:
    return {
        "esco": sorted((reference / "esco-1.1.1").glob("*.zip")),
        "rome": [reference / "rome-4.0-v460" / "RefRomeCsv-v460.zip"],
        "onet": [reference / "onet-29.2" / "db_29_2_text-partial.zip"],
    }


# ------------------------------------------------------------------------------- stages


def stage_import(key: str, reference: Path, work: Path) -> dict:
    from aicareers.frameworks.registry import iter_framework_triples
    from aicareers.frameworks.report import ImportReport

    report = ImportReport(key)
    t0 = time.perf_counter()
    n = sum(1 for _ in iter_framework_triples(key, downloads(reference)[key], report=report))
    return {"seconds": time.perf_counter() - t0, "triples": n, "peak_mb": _peak_mb(), "counts": report.counts,
            "problems": len(report.problems)}


def stage_build(reference: Path, work: Path) -> dict:
    from aicareers.build import build

    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    result = build(work / "out", frameworks=downloads(reference), backend="oxigraph")
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": time.perf_counter() - t0, "timings": result.timings, "triples": result.report["triples"],
            "peak_mb": _peak_mb(), "workers_peak_mb": workers, "load": load,
            "cpu_seconds": sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
                               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))}


def stage_queries(reference: Path, work: Path) -> dict:
    import pyoxigraph as ox

    from aicareers.sparql.catalog import load_catalog, run_query
    from aicareers.store import load_dataset

    data = (work / "out" / "ai-careers.nq").read_bytes()
    t0 = time.perf_counter()
    raw = ox.Store()
    raw.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    raw_load = time.perf_counter() - t0
    del raw
    t0 = time.perf_counter()
    store = load_dataset(work / "out" / "ai-careers.nq", backend="oxigraph")
    load = time.perf_counter() - t0
    out = {"raw_load": raw_load, "load": load, "queries": {}}
    for query in load_catalog().values():
        if query.params and any(p.default is None for p in query.params):
            continue
        run_query(store, query)  # warm-up
        samples = []
        for _ in range(5):
            t0 = time.perf_counter()
            rows = run_query(store, query)
            samples.append(time.perf_counter() - t0)
        out["queries"][query.name] = {"median": statistics.median(samples), "rows": len(list(rows))}
    out["peak_mb"] = _peak_mb()
    return out


STAGES = {"import": stage_import, "build": stage_build, "queries": stage_queries}


def run_stage(name: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--stage", name, *args], capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"stage {name} {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------- report


#: What the build's stages are (``Build.timings``), written under the table.
STAGES_TEXT = """\
The build's stages (`aicareers.fastpath.pipeline`): *import* is the three importers side by side
in worker processes, each writing its triples as N-Quads lines and noting on the way what the
validation needs (`BulkFacts`: predicates, classes, the types RDFS entails), while the build's own
process assembles the project's graphs and the ontology's page; then every line is sorted once.
*load* is Oxigraph's bulk loader; *validate* is SHACL, split between pyshacl for the nodes the
project mentions and SPARQL-compiled shapes for the frameworks' own nodes; *report* counts from
the lines; *docs* is the shapes' page. Turtle, TriG and JSON-LD are written from the lines' text
by worker processes at a lower priority, from the moment the lines are sorted, while the build
loads, validates and reports: *render* is what is left to wait for them. This machine's timings
vary by ±20 % from run to run, hence the median of several runs, each in a fresh process."""


def table(results: dict) -> str:
    build = results["build"]
    lines = [SECTION, "",
             f"Measured {results['date']} on {results['machine']} (`python bench/frameworks.py`): the official "
             "distributions in `../shared/reference/` read straight from their zips. Load average when the build "
             f"started: {build.get('load', 0):.2f} (other processes share the cores when it is above 0).", "",
             "| stage | seconds | peak memory (MB) | triples | note |", "| --- | ---: | ---: | ---: | --- |"]
    for key, title in (("esco", "ESCO 1.1.1 import (3 zips)"), ("rome", "ROME 4.0 v460 import"),
                       ("onet", "O*NET 29.2 import")):
        r = results["import"][key]
        counts = ", ".join(f"{n:,} {kind}" for kind, n in r["counts"].items())
        lines.append(f"| {title} | {r['seconds']:.1f} | {r['peak_mb']:.0f} | {r['triples']:,} | {counts}; "
                     f"{r['problems']} problems |")
    runs = results.get("builds", [build])
    seconds = ", ".join(f"{run['seconds']:.1f}" for run in runs)
    peak = max(run["peak_mb"] for run in runs)
    met = "met" if build["seconds"] < 30 and peak < 1536 else "missed"
    lines.append(f"| **Whole build** (fast path, no pages; the median of {len(runs)} runs) | **{build['seconds']:.1f}** | "
                 f"**{peak:.0f}** | {build['triples']:,} | target under 30 s and 1.5 GB: {met}; runs: {seconds} s; "
                 f"{build.get('cpu_seconds', 0):.0f} s of CPU in all; the largest worker process peaked at "
                 f"{build.get('workers_peak_mb', 0):.0f} MB (pages it shares with the build, forked, counted) |")
    for stage, seconds in build["timings"].items():
        lines.append(f"| build: {stage} | {seconds:.1f} | | | |")
    lines += ["", STAGES_TEXT]
    q = results["queries"]
    lines += ["", f"Catalogue queries on the built dataset (Oxigraph, median of 5 after a warm-up); loading it: "
              f"{q['load']:.1f} s through the project's store, {q['raw_load']:.1f} s raw pyoxigraph (the floor).", "",
              "| query | median (ms) | rows |", "| --- | ---: | ---: |"]
    for name, r in sorted(q["queries"].items()):
        lines.append(f"| {name} | {r['median'] * 1000:.1f} | {r['rows']:,} |")
    return "\n".join(lines) + "\n"


def write_section(out: Path, text: str) -> None:
    """Replace the section in ``out`` (or add it at the end), leaving the rest of the page as it is."""
    old = out.read_text(encoding="utf-8") if out.is_file() else "# Benchmarks\n"
    # the section ends at the next heading or at another script's marker (which must stay)
    pattern = re.compile(re.escape(SECTION) + r"\n.*?(?=\n## |\n<!-- |\Z)", re.S)
    new = pattern.sub(lambda _: text.rstrip("\n"), old) if SECTION in old else old.rstrip("\n") + "\n\n" + text
    out.write_text(new if new.endswith("\n") else new + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3, help="whole builds to run, each in a fresh process (the median is shown)")
    parser.add_argument("--stage", choices=tuple(STAGES), help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="aicareers-frameworks-"))
    if args.stage:
        result = STAGES[args.stage](*args.args, args.reference, work) if args.stage == "import" else \
            STAGES[args.stage](args.reference, work)
        print(json.dumps(result))
        return 0
    common = ["--reference", str(args.reference), "--work", str(work)]
    results = {"date": _dt.date.today().isoformat(),
               "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
               "import": {key: run_stage("import", *common, key) for key in ("esco", "rome", "onet")}}
    builds = [run_stage("build", *common) for _ in range(args.runs)]
    results["builds"] = builds
    results["build"] = sorted(builds, key=lambda run: run["seconds"])[len(builds) // 2]  # the median run
    results["queries"] = run_stage("queries", *common)
    text = table(results)
    print(text)
    write_section(args.out, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
