"""The graph files of a large build, rendered side by side in worker processes.

Turtle, TriG and JSON-LD are each rendered from the same sorted N-Quads lines
(:mod:`aicareers.fastpath.render`) and from nothing else, so they can be rendered at once: on the
full frameworks (1.4 million quads) they took 24 s one after the other, on one core. Workers are
forked, so they read the lines the build already holds without copying or pickling them; each
sends back its file's bytes. While they work, the build goes on with its report and its pages of
documentation (:func:`start`, then :meth:`Renders.files`).

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

from .render import jsonld_from_lines, trig_from_lines, turtle_from_lines, union_lines

__all__ = ["PARALLEL_FROM", "NAMES", "start", "Renders"]

#: Below this many quads, forking costs more than it saves.
PARALLEL_FROM = 200_000
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


class Renders:
    """The files being rendered; :meth:`files` waits for them."""

    def __init__(self, pool, pending, done: dict[str, bytes]):
        self._pool, self._pending, self._done = pool, pending, done

    def files(self) -> dict[str, bytes]:
        """``{name: bytes}`` for every name of :data:`NAMES`, in that order."""
        if self._pending is not None:
            try:
                self._done.update(zip(NAMES, self._pending.get()))
            finally:
                self._pool.close()
                self._pool.join()
                _INPUT.clear()
                self._pending = None
        return {name: self._done[name] for name in NAMES}


def start(lines: list[str], *, parallel_from: int = PARALLEL_FROM, workers: int | None = None) -> Renders:
    """Start rendering :data:`NAMES` from the sorted, unique N-Quads ``lines``."""
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if len(lines) < parallel_from or not forkable:
        _INPUT.update(lines=lines)
        try:
            return Renders(None, None, {name: _render(name) for name in NAMES})
        finally:
            _INPUT.clear()
    _INPUT.update(lines=lines)
    workers = workers or max(1, min(len(NAMES), os.cpu_count() or 1))
    pool = multiprocessing.get_context("fork").Pool(workers)
    # the longest first, so that two workers finish close together
    order = sorted(NAMES, key=lambda n: n != "ai-careers.jsonld")
    pending = pool.map_async(_render, order, chunksize=1)
    _INPUT.clear()  # the workers, forked with the pool, have their copy: the build may let go of the lines

    class _Ordered:
        def get(self):
            by_name = dict(zip(order, pending.get()))
            return [by_name[name] for name in NAMES]

    return Renders(pool, _Ordered(), {})
