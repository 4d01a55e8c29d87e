"""Types of command-line values, shared by the sub-commands: each refuses a bad value on one line.

``argparse`` calls them on the text given; an :class:`argparse.ArgumentTypeError` becomes the
one-line usage error of :func:`aicareers.cli.main` (exit status 2), before any work starts.

>>> positive_seconds("2.5"), port("0"), count("3"), at_least_zero("0")
(2.5, 0, 3, 0)
>>> positive_seconds("0")
Traceback (most recent call last):
...
argparse.ArgumentTypeError: must be a positive number of seconds, not '0'
>>> http_url("http://[::1")
Traceback (most recent call last):
...
argparse.ArgumentTypeError: not a valid URL: 'http://[::1' (Invalid IPv6 URL)
"""

from __future__ import annotations

import argparse
import math
import urllib.parse

__all__ = ["positive_seconds", "port", "count", "at_least_zero", "memory_size", "http_url", "check_url"]


def positive_seconds(text: str) -> float:
    """A time limit: a finite number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text[:40]!r}") from None
    if not (value > 0 and math.isfinite(value)):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text[:40]!r}")
    return value


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]!r}") from None


def count(text: str) -> int:
    """A whole number of at least 1."""
    value = _integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def at_least_zero(text: str) -> int:
    """A whole number of at least 0."""
    value = _integer(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def port(text: str) -> int:
    """A TCP port, 0 (any free port) to 65535."""
    value = _integer(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, not {value}")
    return value


def memory_size(text: str) -> int:
    """Bytes of a size such as ``512M`` or ``2G`` (:func:`aicareers.sparql.limits.parse_size`); ``0``: none."""
    from .errors import AiCareersError
    from .sparql.limits import parse_size

    if text.strip() == "0":
        return 0
    try:
        return parse_size(text)
    except AiCareersError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def check_url(text: str) -> str:
    """``text`` if it is an http(s) URL with a host; else a ValueError saying why."""
    try:
        parts = urllib.parse.urlsplit(text)
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError as error:
        raise ValueError(f"not a valid URL: {text[:80]!r} ({error})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {text[:80]!r}")
    return text


def http_url(text: str) -> str:
    """An http(s) URL (argparse type of ``check_url``)."""
    try:
        return check_url(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
