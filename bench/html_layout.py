"""Benchmark of the whole-graph page by graph size (run by hand, never by the tests).

    /tmp/venv/bin/python bench/html_layout.py [--sizes 200 2000 10000] [--compare]

For each size, a synthetic projection (:mod:`aicareers.html.synthetic`, same attribute schema as
the real one) is rendered with the size rules of :mod:`aicareers.html.layout`, written to a
temporary folder and opened from ``file://`` in headless Chromium (/usr/bin/chromium, through
Playwright). Measured:

- **generate**: seconds to render the page in Python (Python layout included when precomputed);
- **settled**: milliseconds from navigation start to a settled drawing, i.e. the page's
  ``window.aicSettledAt`` (stabilisation done and physics off, or the first drawing with
  precomputed positions);
- **switch FR→EN**: milliseconds for the language switch (every label and tooltip rewritten and
  the network redrawn), a measure of how the page answers once open;
- **MB**: size of the page.

``--from-my-job`` measures instead ``from-my-job.html`` of the committed build, or with
``--graph NQ`` of another build (one with the whole frameworks: every title of them answered in
the page): its size, the milliseconds to an interactive page (the search box ready), to the
suggestions for three typed names (a beginning, a typo, a word thousands of titles start with),
and to the answer for "data scientist" once picked. ``--out docs/benchmarks.md`` writes the
run's section of that page (one for each build).

``--compare`` also runs each size in the other mode (in-page physics for large graphs,
precomputed positions for small ones), with a time limit, to show where the threshold lies.

One run (``--sizes 200 1000 2000 10000 --compare``; 2 cores, software rendering, other jobs
running, so ±20 %)::

    nodes | edges | mode                                  | generate (s) | settled (ms) | switch FR→EN (ms) | MB
    200   | 254   | physics (950 it.)                     | 0.10         | 2746         | 55                | 1.0
    200   | 254   | precomputed (Python layout) [compare] | 0.12         | 312          | 67                | 1.0
    1000  | 1289  | physics (190 it.)                     | 0.13         | 3293         | 183               | 2.1
    1000  | 1289  | precomputed (Python layout) [compare] | 0.22         | 568          | 159               | 2.1
    2000  | 2668  | precomputed (Python layout)           | 0.46         | 1000         | 218               | 3.6
    2000  | 2668  | physics (150 it.) [compare]           | 0.25         | 6186         | 177               | 3.6
    10000 | 13395 | precomputed (Python layout)           | 2.94         | 2576         | 989               | 15.4
    10000 | 13395 | physics (150 it.) [compare]           | 2.23         | 48334        | 1269              | 15.3
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from aicareers.atomic import write_atomic
from aicareers.html import layout
from aicareers.html.pages import render_page
from aicareers.html.synthetic import synthetic_projection
from cli_latency import write_section  # bench/ is the script's folder: one way to rewrite a section of the page

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def measure(browser, path: Path, limit_s: float) -> tuple[str, str]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(path.as_uri(), timeout=limit_s * 1000)
        try:
            page.wait_for_selector("body[data-settled='1']", state="attached", timeout=limit_s * 1000)
        except Exception:
            return f"> {limit_s * 1000:.0f}", "-"
        settled = page.evaluate("window.aicSettledAt")
        switch = page.evaluate(
            """() => new Promise(done => {
                 const t = performance.now();
                 aic.setLang(aic.lang() === 'fr' ? 'en' : 'fr');
                 network.once('afterDrawing', () => done(performance.now() - t));
                 network.redraw();
               })"""
        )
        if errors:
            print(f"  page errors: {errors[:3]}", file=sys.stderr)
        return f"{settled:.0f}", f"{switch:.0f}"
    finally:
        page.close()


#: What the benchmark types: a beginning, a typo, and a word thousands of titles start with.
TYPED = ("data scien", "jornaliste", "ingénieur")


def from_my_job(browser, tmp: str, nquads: str | None = None) -> list[tuple]:
    """``from-my-job.html`` of a build (``nquads``, default the committed one): size, time to
    interactive, to suggestions, to an answer."""
    from aicareers.analytics.cli import load_graph
    from aicareers.html.from_my_job import PAGE_NAME, render_from_my_job

    graph = load_graph(nquads)
    started = time.perf_counter()
    html = render_from_my_job(graph)
    generated = time.perf_counter() - started
    path = Path(tmp) / PAGE_NAME
    write_atomic(path, html)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-settled='1']", state="attached")
        ready = page.evaluate("performance.now()")
        titles = page.evaluate("JSON.parse(document.getElementById('data').textContent).N.length")
        suggest = {typed: page.evaluate(
            """(typed) => { const box = document.getElementById('job'), t = performance.now();
                 box.value = typed; box.dispatchEvent(new Event('input'));
                 return performance.now() - t; }""", typed) for typed in TYPED}  # the last one stays typed
        page.evaluate("""() => { const box = document.getElementById('job');
                 box.value = 'data scien'; box.dispatchEvent(new Event('input')); }""")
        answer = page.evaluate(
            """() => { const box = document.getElementById('job'), t = performance.now();
                 box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
                 return [performance.now() - t, document.querySelectorAll('section.reach').length]; }"""
        )
    finally:
        page.close()
    return [("page", f"{len(html.encode()) / 1e3:,.0f} kB", f"{titles:,} titles, generated in {generated:.1f} s"),
            ("interactive", f"{ready:.0f} ms", "from navigation start"),
            *(("suggestions", f"{ms:.0f} ms", f"for '{typed}'") for typed, ms in suggest.items()),
            ("answer", f"{answer[0]:.0f} ms", f"{answer[1]} roles rendered for 'data scien'")]


def markers(graph: str | None) -> tuple[str, str]:
    """The markers of the page's section for this build (one for the committed build, one for another)."""
    name = "bench/html_layout.py --from-my-job" + (" --graph" if graph else "")
    return f"<!-- {name}: start -->", f"<!-- {name}: end -->"


def from_my_job_section(rows: list[tuple], graph: str | None) -> str:
    """The Markdown section of a ``--from-my-job`` run (targets: interactive < 2 s, a result < 200 ms)."""
    start, end = markers(graph)
    built = (f"`{graph}`, a build with the whole frameworks (`build_graph.py --esco --rome --onet`)" if graph
             else "`graph/ai-careers.nq`, the default build")
    command = ".venv/bin/python bench/html_layout.py --from-my-job" + (" --graph NQ" if graph else "")
    lines = [start, f"## From my job in the browser{' (whole frameworks)' if graph else ''}", "",
             f"Written by `{command}` (run by hand; do not edit by hand) on "
             f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} (UTC): {built}; headless Chromium at 390x844, "
             f"2 shared cores, load average {os.getloadavg()[0]:.2f}.", "",
             "| measure | value | what |", "| --- | ---: | --- |",
             *(f"| {a} | {b} | {c} |" for a, b, c in rows), "",
             "Targets: interactive under 2 s, a result (suggestions, an answer) under 200 ms.", "", end, ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    parser.add_argument("--compare", action="store_true", help="also run each size in the other mode")
    parser.add_argument("--limit", type=float, default=90.0, help="seconds to wait for a page to settle")
    parser.add_argument("--from-my-job", action="store_true", help="measure from-my-job.html of the build instead")
    parser.add_argument("--out", type=Path, help="with --from-my-job: the Markdown page whose section to rewrite "
                        "(docs/benchmarks.md)")
    parser.add_argument("--graph", metavar="NQ", help="with --from-my-job: the N-Quads of another build "
                        "(one built with --esco/--rome/--onet: every title of the whole frameworks)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    if args.from_my_job:
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            rows = from_my_job(browser, tmp, args.graph)
            browser.close()
        for row in rows:
            print(" | ".join(row))
        if args.out:
            write_section(args.out, from_my_job_section(rows, args.graph), *markers(args.graph))
            print(f"wrote {args.out}")
        return 0

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in args.sizes:
            graph = synthetic_projection(n)
            rule = layout.page_mode(graph.number_of_nodes(), graph.number_of_edges())
            modes = [("rule", rule)]
            if args.compare:
                forced = layout.page_mode(1 if rule["precomputed"] else 10**9, graph.number_of_edges())
                forced["iterations"] = layout.stabilization_iterations(n) if forced["physics"] else 0
                forced["improved_layout"] = False
                modes.append(("other", forced))
            for which, mode in modes:
                started = time.perf_counter()
                html = render_page(graph, page="index.html", title_fr="Banc d’essai", title_en="Benchmark", mode=mode)
                generated = time.perf_counter() - started
                path = Path(tmp) / f"bench-{n}-{which}.html"
                write_atomic(path, html)
                settled, switch = measure(browser, path, args.limit)
                label = f"physics ({mode['iterations']} it.)" if mode["physics"] else "precomputed (Python layout)"
                rows.append((n, graph.number_of_edges(), label + ("" if which == "rule" else " [compare]"), f"{generated:.2f}", settled, switch, f"{len(html.encode()) / 1e6:.1f}"))
                print(f"  done: {rows[-1]}", file=sys.stderr)
        browser.close()

    head = ("nodes", "edges", "mode", "generate (s)", "settled (ms)", "switch FR→EN (ms)", "MB")
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    print(" | ".join(h.ljust(w) for h, w in zip(head, widths)))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
