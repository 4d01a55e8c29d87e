"""The notebooks, run by nbmake, must leave ``graph/`` as the build made it.

A notebook is a tour of the built graph: a cell that writes into ``graph/`` (pages in another
language, say) would silently change what the next reader, or the next commit, takes for the
build's output. Each notebook item therefore notes every file under ``graph/`` (size and time of
last change) before it runs, and fails if anything was written, added or removed.

>>> snapshot(Path("no/such/folder"))
{}
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aicareers import paths


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """``{path under folder: (size, mtime in ns)}`` of every file under ``folder``: a rewrite with
    the same bytes changes the time, and writing the same bytes is still writing."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def changes(before: dict, after: dict) -> list[str]:
    """The files written, added or removed between two snapshots, sorted.

    >>> changes({"a": (1, 1), "b": (1, 1)}, {"a": (1, 2), "c": (1, 1)})
    ['a (rewritten)', 'b (removed)', 'c (added)']
    """
    out = [f"{name} (rewritten)" for name in before.keys() & after.keys() if before[name] != after[name]]
    out += [f"{name} (removed)" for name in before.keys() - after.keys()]
    out += [f"{name} (added)" for name in after.keys() - before.keys()]
    return sorted(out)


WRITTEN = pytest.StashKey[list]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    if item.path.suffix != ".ipynb":  # nbmake's items only; doctests of this file run as usual
        return (yield)
    before = snapshot(paths.GRAPH_DIR)
    try:
        return (yield)
    finally:
        item.stash[WRITTEN] = changes(before, snapshot(paths.GRAPH_DIR))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # The verdict goes into the report, not through an exception in the run: nbmake shows any
    # exception that is not a failing cell as its own "internal error", with a traceback.
    report = yield
    written = item.stash.get(WRITTEN, None) if call.when == "call" else None
    if written:
        shown = ", ".join(written[:5]) + (f" and {len(written) - 5} more" if len(written) > 5 else "")
        message = (f"{item.name} wrote into graph/ ({len(written)} file(s): {shown}); "
                   "notebooks write into test-artifacts/ instead")
        report.outcome = "failed"
        report.longrepr = message if report.longrepr is None else f"{report.longrepr}\n{message}"
    return report
