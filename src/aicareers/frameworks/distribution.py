r"""A framework as its publisher distributes it: a zip, or the folder it unpacks to.

A :class:`Distribution` is one or more such zips or folders; it finds its files by base name
(wherever they sit inside) and reads each delimited table row by row, checking the header and
naming the file, the line and the column when something is wrong. Nothing is unpacked to disk.

>>> import tempfile, zipfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with zipfile.ZipFile(folder / "data.zip", "w") as z:
...     z.writestr("db/Occupation Data.txt", "O*NET-SOC Code\tTitle\n15-2051.00\tData Scientists\n")
>>> dist = Distribution(folder / "data.zip")
>>> dist.names()
['Occupation Data.txt']
>>> [(line, row["Title"]) for line, row in dist.table("Occupation Data.txt", ("O*NET-SOC Code", "Title"), delimiter="\t")]
[(2, 'Data Scientists')]
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError

# Some framework cells (ESCO descriptions, O*NET task texts) are longer than csv's default limit.
csv.field_size_limit(2**24)


class Distribution:
    """One or more zips or folders of a framework's files, looked up by base name."""

    def __init__(self, *paths: str | os.PathLike, what: str = "framework download"):
        if not paths:
            raise InputError("(no path)", None, None, f"no {what} given")
        self.what = what
        self._members: dict[str, tuple[Path, str | None]] = {}  # base name -> (zip or file, member)
        self._roots: dict[str, Path] = {}  # base name -> the path given that holds it
        for path in map(Path, paths):
            if path.is_dir():
                for file in sorted(path.rglob("*")):
                    if file.is_file() and not file.name.startswith("."):
                        self._members.setdefault(file.name, (file, None))
                        self._roots.setdefault(file.name, path)
            elif path.is_file() and zipfile.is_zipfile(path):
                with zipfile.ZipFile(path) as archive:
                    for member in sorted(archive.namelist()):
                        name = member.rsplit("/", 1)[-1]
                        if name and not member.endswith("/") and not name.startswith("."):
                            self._members.setdefault(name, (path, member))
            elif path.exists():
                raise InputError(str(path), None, None, f"not a zip file nor a folder: expected the {what}")
            else:
                raise InputError(str(path), None, None, f"no such file or folder: expected the {what}")
        self.paths = tuple(Path(p) for p in paths)

    def names(self) -> list[str]:
        """The base names of every file, sorted."""
        return sorted(self._members)

    def find(self, pattern: str) -> str | None:
        """The first file (in name order) whose base name matches ``pattern`` (a regex, whole name)."""
        regex = re.compile(pattern)
        return next((n for n in self.names() if regex.fullmatch(n)), None)

    def require(self, pattern: str, expected: str) -> str:
        """Like :meth:`find`, but a missing file raises :class:`InputError` saying what was expected."""
        name = self.find(pattern)
        if name is None:
            where = ", ".join(str(p) for p in self.paths)
            raise InputError(where, None, None, f"missing file: expected {expected} in the {self.what}")
        return name

    def location(self, name: str) -> str:
        """Where a file is, for messages: ``archive.zip!member`` or the file's path."""
        path, member = self._members[name]
        return f"{path.name}!{member}" if member is not None else str(path)

    def containers(self, name: str) -> list[str]:
        """The names of the zip and folders that hold a file, outermost first (a release often
        says its version only there: ``ESCO dataset - v1.1.1 - classification - en - csv.zip``).

        >>> import tempfile, zipfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> with zipfile.ZipFile(folder / "release-v2.zip", "w") as z:
        ...     z.writestr("data/a.csv", "x")
        >>> Distribution(folder / "release-v2.zip").containers("a.csv")
        ['release-v2.zip', 'data']
        """
        path, member = self._members[name]
        if member is not None:
            return [path.name, *Path(member).parent.parts]
        root = self._roots[name]
        return [root.resolve().name, *path.relative_to(root).parent.parts]

    def open_text(self, name: str) -> io.TextIOBase:
        path, member = self._members[name]
        if member is None:
            return open(path, encoding="utf-8-sig", newline="")
        archive = zipfile.ZipFile(path)
        return io.TextIOWrapper(archive.open(member), encoding="utf-8-sig", newline="")

    def read_text(self, name: str) -> str:
        with self.open_text(name) as handle:
            return handle.read()

    def table(self, name: str, required: tuple[str, ...], *, delimiter: str = ",", quoted: bool = True,
              progress: int = 0, label: str = "") -> "Table":
        """The rows of ``name``, a delimited table whose header must hold ``required``."""
        return Table(self, name, required, delimiter=delimiter, quoted=quoted, progress=progress, label=label)


_DELIMITERS = {",": "comma", "\t": "tab", ";": "semicolon"}


def delimiter_hint(header: list[str], delimiter: str = ",") -> str:
    """A hint when a header read with ``delimiter`` is one field holding another delimiter.

    >>> delimiter_hint(["conceptType;conceptUri;preferredLabel"])
    ' (the header is split by semicolons; this file must be comma-separated)'
    >>> delimiter_hint(["conceptType", "conceptUri"])
    ''
    """
    joined = delimiter.join(header)
    for sep, sep_name in _DELIMITERS.items():
        if sep != delimiter and len(header) == 1 and sep in joined:
            want = _DELIMITERS.get(delimiter, repr(delimiter))
            return f" (the header is split by {sep_name}s; this file must be {want}-separated)"
    return ""


class Table:
    """The rows of one delimited file: ``(line, {column: cell})``, ``line`` the physical line where
    the record starts (right after cells that span several lines)."""

    def __init__(self, dist: Distribution, name: str, required: tuple[str, ...], *, delimiter: str,
                 quoted: bool, progress: int, label: str):
        self.dist, self.name, self.required = dist, name, required
        self.delimiter, self.quoted, self.progress, self.label = delimiter, quoted, progress, label or name
        self.rows = 0
        self.header: list[str] = []

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        name = self.name
        try:
            with self.dist.open_text(name) as handle:
                reader = csv.reader(handle, delimiter=self.delimiter, strict=self.quoted,
                                    quoting=csv.QUOTE_MINIMAL if self.quoted else csv.QUOTE_NONE)
                try:
                    header = [h.strip() for h in next(reader)]
                except StopIteration:
                    raise InputError(name, None, None, "empty file: expected a header row naming the columns "
                                     + ", ".join(self.required)) from None
                self._check_header(header)
                self.header, width = header, len(header)
                start, mark, t0 = reader.line_num + 1, self.progress, time.perf_counter()
                for row in reader:
                    line, start = start, reader.line_num + 1
                    if len(row) != width:
                        if not row or row == [""]:
                            continue  # a blank line, e.g. at the end of the file
                        wrong_width(self.name, line, header, row)
                    self.rows += 1
                    yield line, dict(zip(header, row))
                    if mark and self.rows == mark:
                        mark += self.progress
                        print(f"{self.label}: {self.rows:,} rows read", file=sys.stderr, flush=True)
                if self.progress:
                    print(f"{self.label}: {self.rows:,} rows read, done in {time.perf_counter() - t0:.1f} s",
                          file=sys.stderr, flush=True)
        except csv.Error as err:
            raise InputError(name, f"line {reader.line_num}", None, f"malformed table: {err}") from None
        except UnicodeDecodeError as err:
            raise InputError(name, None, None, f"not UTF-8 text: {err}") from None

    def _check_header(self, header: list[str]) -> None:
        for column in self.required:
            if column not in header:
                hint = delimiter_hint(header, self.delimiter)
                raise InputError(self.name, "line 1", column, f"missing column {column!r}{hint}: expected the "
                                 f"columns {', '.join(self.required)} in the header")



def wrong_width(name: str, line: int, header: list[str], row: list[str], hint: str = "") -> None:
    """Raise the error of a row whose field count is not the header's, naming the column at fault.

    >>> wrong_width("a.csv", 3, ["x", "y"], ["1"])
    Traceback (most recent call last):
    ...
    aicareers.errors.InputError: a.csv: record line 3: field y: malformed row: 1 fields where the header has 2; the fields from 'y' on are missing
    """
    if len(row) < len(header):
        column = header[len(row)]
        message = (f"malformed row: {len(row)} fields where the header has {len(header)}; "
                   f"the fields from {column!r} on are missing")
    else:
        column = header[-1]
        message = (f"malformed row: {len(row)} fields where the header has {len(header)}; "
                   f"extra fields after {column!r}{hint}")
    raise InputError(name, f"line {line}", column, message)


def progress_step(progress: bool | int | None, default: int = 10_000) -> int:
    """Rows between two progress lines: 0 for none.

    >>> progress_step(True), progress_step(False), progress_step(500)
    (10000, 0, 500)
    """
    if progress is None or progress is False:
        return 0
    if progress is True:
        return default
    if isinstance(progress, int) and progress > 0:
        return progress
    raise ValueError(f"progress must be a boolean or a positive number of rows, not {progress!r}")
