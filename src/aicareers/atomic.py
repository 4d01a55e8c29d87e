"""Write files so that a reader never sees half of one: write a temporary file, then rename.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(d / "a.txt", "bonjour\\n")
>>> (d / "a.txt").read_text(encoding="utf-8")
'bonjour\\n'
>>> sorted(p.name for p in d.iterdir())
['a.txt']
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    Text is written as UTF-8 with ``\\n`` line endings on every platform.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_all_atomic(files: dict[str | os.PathLike, str | bytes]) -> None:
    """Write several files, none of them before all are ready in memory.

    Every payload is rendered by the caller first; a failure while rendering therefore leaves the
    previous files untouched, and each file is then replaced atomically.
    """
    for path, data in files.items():
        write_atomic(path, data)
