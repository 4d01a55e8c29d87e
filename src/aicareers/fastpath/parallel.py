"""The graph files of a large build, rendered side by side in worker processes.

Turtle, TriG and JSON-LD are each rendered from the same sorted N-Quads lines
(:mod:`aicareers.fastpath.render`) and from nothing else, so they can be rendered at once: on the
full frameworks (1.4 million quads) they took 24 s one after the other, on one core. Workers are
forked, so they read the lines the build already holds without copying or pickling them; each
writes its file into a temporary folder, which :meth:`Renders.files` reads. While they work, at a
lower priority, the build goes on: it loads the store, validates it, writes its report and its
pages of documentation (:func:`start`, then :meth:`Renders.files`; :meth:`Renders.cancel` when
the build fails on the way).

The bytes are those of the renderers called in turn (the same functions, on the same lines): the
output does not depend on how many workers ran, which ``tests/test_fastpath.py`` checks. Small
builds (under :data:`PARALLEL_FROM` quads), and systems without ``fork``, render in the process.

>>> lines = ['<urn:x:a> <urn:x:p> "v" <urn:x:g> .']
>>> renders = start(lines, parallel_from=0)
>>> sorted(renders.files())
['ai-careers.jsonld', 'ai-careers.trig', 'ai-careers.ttl']
>>> renders.files() == start(lines, parallel_from=10).files()
True
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

from .render import jsonld_from_lines, trig_from_lines, turtle_from_lines, union_lines

__all__ = ["PARALLEL_FROM", "NAMES", "start", "Renders"]

#: Below this many quads, forking costs more than it saves.
PARALLEL_FROM = 200_000
#: How much lower the workers' priority is than the build's (see :func:`_yield_to_the_build`).
RENDER_NICENESS = 10
#: The files rendered here, in the order of the build's output set.
NAMES = ("ai-careers.ttl", "ai-careers.trig", "ai-careers.jsonld")

# What the forked workers read: set just before the fork, cleared after.
_INPUT: dict = {}


def _render(name: str) -> bytes:
    lines = _INPUT["lines"]
    if name == "ai-careers.trig":
        return trig_from_lines(lines)
    union = _INPUT.get("union")
    if union is None:
        union = _INPUT["union"] = union_lines(lines)
    if name == "ai-careers.ttl":
        return turtle_from_lines(lines, union=union)
    return jsonld_from_lines(lines, union=union)


def _render_to_file(name: str) -> str:
    """Render ``name`` into the folder the build made for the workers' files.

    Sent back through the pool, a file's bytes would land in the build's memory as soon as they
    are ready, while it still holds the lines and the store (+250 MB at its peak on the full
    frameworks); in a file, they wait until :meth:`Renders.files` reads them.
    """
    (Path(_INPUT["folder"]) / name).write_bytes(_render(name))
    return name


def _yield_to_the_build() -> None:
    """Lower a worker's priority: the build's own steps (load, validate, report) are what it waits
    for, and the files are not needed before them. On two cores, three processes shared alike made
    the load and the validation half as slow again as alone."""
    os.nice(RENDER_NICENESS)


class Renders:
    """The files being rendered; :meth:`files` waits for them."""

    def __init__(self, done: dict[str, bytes], pool=None, pending=None, folder: str | None = None):
        self._done, self._pool, self._pending, self._folder = done, pool, pending, folder

    def files(self) -> dict[str, bytes]:
        """``{name: bytes}`` for every name of :data:`NAMES`, in that order."""
        if self._pending is not None:
            try:
                for name in self._pending.get():
                    self._done[name] = (Path(self._folder) / name).read_bytes()
            finally:
                self._pool.close()
                self._pool.join()
                self._pending = None
                shutil.rmtree(self._folder, ignore_errors=True)
        return {name: self._done[name] for name in NAMES}

    def cancel(self) -> None:
        """Stop the workers if they are still rendering (the build failed: their files are not wanted)."""
        if self._pending is not None:
            self._pool.terminate()
            self._pool.join()
            self._pending = None
            shutil.rmtree(self._folder, ignore_errors=True)


def start(lines: list[str], *, parallel_from: int | None = None, workers: int | None = None) -> Renders:
    """Start rendering :data:`NAMES` from the sorted, unique N-Quads ``lines`` (in worker
    processes from ``parallel_from`` lines, default :data:`PARALLEL_FROM`, read when called)."""
    threshold = PARALLEL_FROM if parallel_from is None else parallel_from
    _INPUT.update(lines=lines)
    try:
        if len(lines) < threshold or "fork" not in multiprocessing.get_all_start_methods():
            return Renders({name: _render(name) for name in NAMES})
        folder = _INPUT["folder"] = tempfile.mkdtemp(prefix="aicareers-render-")
        pool = multiprocessing.get_context("fork").Pool(workers or max(1, min(len(NAMES), os.cpu_count() or 1)),
                                                        initializer=_yield_to_the_build)
        # the longest first, so that two workers finish close together
        order = tuple(sorted(NAMES, key=lambda n: n != "ai-careers.jsonld"))
        return Renders({}, pool, pool.map_async(_render_to_file, order, chunksize=1), folder)
    finally:
        _INPUT.clear()  # forked with the pool, the workers have their copy: the build may let go of the lines
