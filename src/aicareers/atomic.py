"""Write files so that a reader never sees half of one, nor a set of files half old and half new.

One file (:func:`write_atomic`): written to a temporary file beside it, then renamed over it.

A set of files (:func:`write_set`, the build's graph files, report and pages): a kill between two
renames would leave some files new and others old. So the set is switched in three steps:

1. every file is written to a temporary file beside its target (``.<name>.<token>.tmp``);
2. a journal (``.switch-journal.json``) naming the files and their SHA-256 is written, atomically:
   from then on the switch is decided;
3. each temporary file is renamed over its target, then the journal is removed.

A kill before step 2 leaves the old set and some temporary files; a kill during step 3 leaves
the journal. The next :func:`write_set` (the next build) first :func:`recover`\\ s the folder:
it finishes the renames the journal lists (a rename is never half done) and removes leftover
temporary files. Until then every reader refuses the folder (:func:`check_complete`): it would
otherwise read a mixed set. One build writes a folder at a time.

:data:`FAULT` is the fault-injection hook of the tests: when set, it is called with the step and
the path before every write, rename and removal, and may stop the process right there.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(d / "a.txt", "bonjour\\n")
>>> (d / "a.txt").read_text(encoding="utf-8")
'bonjour\\n'
>>> write_set(d, {"b.txt": b"b", "sub/c.txt": b"c", "sub/deeper/d.txt": b"d"})
>>> sorted(str(p.relative_to(d)) for p in d.rglob("*"))
['a.txt', 'b.txt', 'sub', 'sub/c.txt', 'sub/deeper', 'sub/deeper/d.txt']
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import tempfile
from pathlib import Path
from typing import Callable

from .errors import UsageError

__all__ = ["write_atomic", "write_all_atomic", "write_set", "recover", "check_complete", "check_writable",
           "cannot_create_in", "CannotWriteError",
           "JOURNAL", "FAULT"]

#: The journal of a switch in progress, in the folder written.
JOURNAL = ".switch-journal.json"
#: Fault injection (tests only): ``FAULT(step, path)`` before every write, rename and removal.
FAULT: Callable[[str, Path], None] | None = None
#: Temporary files of this module (and of earlier versions, which used ``mkstemp``'s 8 characters).
_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


def _step(step: str, path: Path) -> None:
    if FAULT is not None:
        FAULT(step, path)


class CannotWriteError(UsageError):
    """A file the system refused to write; ``strerror`` says why (as :class:`OSError`'s does)."""

    def __init__(self, path: Path, error: OSError):
        self.strerror = error.strerror or str(error)
        super().__init__(f"cannot write {path}: {self.strerror}")


def _cannot_write(path: Path, error: OSError) -> UsageError:
    return CannotWriteError(path, error)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_temporary(path: Path, payload: bytes, token: str | None = None) -> Path:
    """``payload`` in a new temporary file beside ``path`` (flushed to disk); its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if token is None:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
    else:
        tmp = path.parent / f".{path.name}.{token}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        _step("write", tmp)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: str | os.PathLike, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    Text is written as UTF-8 with ``\\n`` line endings on every platform. A folder or file the
    system refuses is a :class:`~aicareers.errors.UsageError` naming ``path``.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        tmp = _write_temporary(path, payload)
        try:
            _step("rename", path)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as error:
        raise _cannot_write(path, error) from None


def write_all_atomic(files: dict[str | os.PathLike, str | bytes]) -> None:
    """Write several files, each atomically (for sets that must switch together, :func:`write_set`)."""
    for path, data in files.items():
        write_atomic(path, data)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_set(out_dir: str | os.PathLike, files: dict[str, str | bytes]) -> None:
    """Write ``files`` (names relative to ``out_dir`` -> content) so that they switch together.

    See the module's text. A folder or file the system refuses is a
    :class:`~aicareers.errors.UsageError`; nothing of the new set is then visible.
    """
    out_dir = Path(out_dir)
    payloads = {name: data.encode("utf-8") if isinstance(data, str) else data for name, data in files.items()}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        recover(out_dir)
        token = secrets.token_hex(4)
        staged: dict[str, Path] = {}
        try:
            for name, payload in payloads.items():
                staged[name] = _write_temporary(out_dir / name, payload, token)
            journal = {"token": token, "files": {name: _digest(payload) for name, payload in payloads.items()}}
            write_atomic(out_dir / JOURNAL, json.dumps(journal, indent=1, sort_keys=True) + "\n")
        except BaseException:
            for tmp in staged.values():
                tmp.unlink(missing_ok=True)
            raise
        _finish(out_dir, journal)
    except OSError as error:
        raise _cannot_write(Path(getattr(error, "filename", None) or out_dir), error) from None


def _finish(out_dir: Path, journal: dict) -> None:
    """Rename what the journal lists into place (those not renamed yet), then drop the journal."""
    token = journal["token"]
    for name, digest in sorted(journal["files"].items()):
        target = out_dir / name
        tmp = target.parent / f".{target.name}.{token}.tmp"
        if tmp.exists():
            _step("rename", target)
            os.replace(tmp, target)
        elif not target.is_file() or _digest(target.read_bytes()) != digest:
            raise UsageError(f"{out_dir}: {name} is neither the old nor the new file of an interrupted build "
                             f"({JOURNAL}); delete the folder and build again")
    for folder in {(out_dir / name).parent for name in journal["files"]}:
        _fsync_folder(folder)
    _step("commit", out_dir / JOURNAL)
    (out_dir / JOURNAL).unlink()
    _fsync_folder(out_dir)


def recover(out_dir: str | os.PathLike) -> list[Path]:
    """Finish a switch a kill interrupted, and remove leftover temporary files; what was removed.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / ".ai-careers.nq.abcd1234.tmp").write_bytes(b"half a file")
    >>> [p.name for p in recover(d)], list(d.iterdir())
    (['.ai-careers.nq.abcd1234.tmp'], [])
    """
    out_dir = Path(out_dir)
    journal_path = out_dir / JOURNAL
    if journal_path.is_file():
        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
            journal["token"], journal["files"].items()  # noqa: B018 - its shape
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise UsageError(f"{journal_path}: unreadable journal of an interrupted build ({error}); "
                             "delete the folder and build again") from None
        _finish(out_dir, journal)
    removed = []
    if out_dir.is_dir():
        # the folder, its sub-folders (html/) and theirs (html/jobs/), not deeper: `--out .` must
        # not sweep a whole tree
        def subfolders(folder: Path) -> list[Path]:
            return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))

        folders = [out_dir] + [f for sub in subfolders(out_dir) for f in (sub, *subfolders(sub))]
        for folder in folders:
            for leftover in sorted(folder.glob(".*.tmp")):
                if leftover.is_file() and _TEMPORARY.match(leftover.name):
                    _step("remove", leftover)
                    leftover.unlink(missing_ok=True)
                    removed.append(leftover)
    return removed


def check_complete(folder: str | os.PathLike) -> None:
    """Refuse to read ``folder`` while it holds an interrupted (or running) switch of a build.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> check_complete(d)
    >>> _ = (d / JOURNAL).write_text("{}")
    >>> check_complete(d)
    Traceback (most recent call last):
    ...
    aicareers.errors.UsageError: ... holds a build whose files were not all switched (.switch-journal.json): run `aicareers build` to complete it (or wait for the running build)
    """
    if (Path(folder) / JOURNAL).exists():
        raise UsageError(f"{folder} holds a build whose files were not all switched ({JOURNAL}): run "
                         "`aicareers build` to complete it (or wait for the running build)")


def cannot_create_in(folder: str | os.PathLike) -> str | None:
    """Why no file can be created in the existing ``folder`` (by trying), or None if one can.

    ``os.access`` says yes to root everywhere, even where the system then refuses (``/proc``).

    >>> cannot_create_in(tempfile.gettempdir()) is None, cannot_create_in("/proc") is not None
    (True, True)
    """
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-probe.", suffix=".tmp", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        return error.strerror or str(error)
    return None


def check_writable(folder: str | os.PathLike) -> None:
    """Refuse, before any work, an output folder that cannot be created or written.

    >>> check_writable("/proc/no-such-folder")
    Traceback (most recent call last):
    ...
    aicareers.errors.UsageError: cannot write /proc/no-such-folder: ...
    """
    folder = Path(folder)
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"cannot write {folder}: {existing} is not a folder")
    reason = cannot_create_in(existing)
    if reason is not None:
        raise UsageError(f"cannot write {folder}: {reason}")
