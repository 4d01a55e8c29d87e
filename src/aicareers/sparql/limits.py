"""What one query may take: memory, nesting, and what a query process that died without answering died of.

Queries are evaluated in forked processes (the endpoint's workers, ``aicareers query``'s child),
so that a query past its limits can be stopped without harming the process that serves or asks.

- **Memory**: :func:`limit_memory` sets, in that process, an address-space limit
  (``RLIMIT_AS``) of what the process already holds (the served data, copy-on-write) plus the
  query's allowance. Past it, rdflib (Python) raises ``MemoryError`` and Oxigraph (Rust) aborts
  with "memory allocation of N bytes failed": either way the process ends, not the machine.
  :func:`default_max_memory` sizes the allowance to the machine: half its physical memory,
  shared among the processes that may run at once.
- **Nesting**: both engines' parsers recurse once per bracket level: rdflib's (pyparsing) runs
  out of Python recursion and Oxigraph's out of stack (a segmentation fault). A query nesting
  brackets deeper than :data:`MAX_NESTING` is refused up front with that reason
  (:func:`nesting_depth`), and :func:`deep_recursion` gives rdflib's parser room for it.
- **Diagnosis**: :func:`cause_of_death` turns the exit status of a process that ended without an
  answer, and the end of what it wrote on its standard error, into a one-line reason.

>>> nesting_depth("SELECT * { { ?s ?p ?o FILTER((1)) } }  # ((((((")
4
>>> parse_size("512M"), parse_size("2g"), parse_size("1024")
(536870912, 2147483648, 1073741824)
>>> cause_of_death(-6, "memory allocation of 50331648 bytes failed", 256 << 20)[0]
'the query needed more memory than its limit of 256 MB and was stopped'
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys

from aicareers.errors import AiCareersError

__all__ = [
    "MAX_NESTING", "nesting_depth", "deep_recursion", "default_max_memory", "parse_size",
    "limit_memory", "cause_of_death", "describe_size",
]

#: The deepest bracket nesting (``(``, ``{``, ``[``) a query may have. Both parsers manage more
#: (rdflib's about 400 levels of parentheses with :func:`deep_recursion`, Oxigraph's some
#: thousands before its stack overflows); no real query comes near.
MAX_NESTING = 256
#: Python's recursion limit while rdflib parses and evaluates a query (its default, 1000, is
#: reached at about 25 nested parentheses).
RECURSION_LIMIT = 20_000
#: The least memory :func:`default_max_memory` gives a query.
MIN_MEMORY = 256 << 20

_UNITS = {"": 1 << 20, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def nesting_depth(text: str) -> int:
    """The deepest nesting of brackets in SPARQL text, outside strings, IRIs and comments."""
    from aicareers.sparql.text import blank_opaque, decode_escapes

    deepest = depth = 0
    for char in blank_opaque(decode_escapes(text)):
        if char in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")}]":
            depth = max(depth - 1, 0)
    return deepest


@contextlib.contextmanager
def deep_recursion(limit: int = RECURSION_LIMIT):
    """Raise Python's recursion limit for the block (rdflib's parser recurses per bracket)."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def _physical_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # pragma: no cover - not POSIX
        return 8 << 30


def default_max_memory(processes: int = 1) -> int:
    """Bytes one query may take: half the machine's memory shared among ``processes``.

    >>> default_max_memory(4) >= MIN_MEMORY
    True
    """
    return max(MIN_MEMORY, _physical_memory() // (2 * max(processes, 1)))


def parse_size(text: str) -> int:
    """Bytes of a size written ``N`` (megabytes) or ``N`` followed by K, M, G or T."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*", str(text), re.I)
    if not found or len(text) > 40:
        raise AiCareersError(f"not a memory size: {text[:40]!r} (write 512M, 2G, or a number of megabytes)")
    size = int(float(found.group(1)) * _UNITS[found.group(2).upper()])
    if size < 16 << 20:
        raise AiCareersError(f"a memory limit of {describe_size(size)} is too small: give at least 16M")
    return size


def describe_size(size: int) -> str:
    """``size`` bytes in MB (or GB past 10 GB), for messages.

    >>> describe_size(3 << 30), describe_size(300 << 20), describe_size(20 << 30)
    ('3072 MB', '300 MB', '20 GB')
    """
    return f"{size >> 30} GB" if size >= 10 << 30 else f"{size >> 20} MB"


def _address_space() -> int:
    """Bytes of address space this process holds now (Linux's /proc; 0 where unknown)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def limit_memory(allowance: int) -> bool:
    """Let this process grow by at most ``allowance`` bytes from now on; whether a limit was set.

    Call it in the forked process that evaluates a query, never in a server or a shell's process.
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return False
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space() + allowance
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY:
        limit = min(limit, soft)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return False
    return True


def memory_message(allowance: int | None) -> str:
    """Why a query that hit the memory limit was stopped."""
    limit = f"its limit of {describe_size(allowance)}" if allowance else "the memory available"
    return f"the query needed more memory than {limit} and was stopped"


def cause_of_death(status: int | None, stderr_tail: str, allowance: int | None) -> tuple[str, bool]:
    """(reason in a few words, whether it is a resource limit) of a query process that gave no answer.

    ``status`` is as :mod:`subprocess` and :mod:`multiprocessing` give it (negative: the signal
    that ended the process).

    >>> cause_of_death(-11, "", None)
    ('the query engine overflowed its stack: the query is nested too deeply', True)
    >>> cause_of_death(1, "Fatal Python error: oops", None)
    ('the query process ended with exit status 1: Fatal Python error: oops', False)
    """
    tail = " ".join(stderr_tail.split())[-300:]
    if "memory allocation of" in tail or "MemoryError" in tail or "Cannot allocate memory" in tail:
        return memory_message(allowance), True
    if status is not None and status < 0:
        number = -status
        if number == signal.SIGSEGV or "overflowed its stack" in tail:
            return "the query engine overflowed its stack: the query is nested too deeply", True
        if number == signal.SIGABRT and allowance:  # an allocation refused with nothing said
            return memory_message(allowance), True
        if number == signal.SIGKILL:
            return "the query process was killed (by the system's out-of-memory killer?)", True
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        return f"the query process was ended by {name}" + (f": {tail}" if tail else ""), False
    return f"the query process ended with exit status {status}" + (f": {tail}" if tail else ""), False
