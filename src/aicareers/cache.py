"""The cache every command opens: the built dataset in an Oxigraph store, and its networkx projection.

Parsing ``graph/ai-careers.nq`` with rdflib and projecting it into networkx takes seconds; a
command that did it on every call would spend them before answering. The build therefore leaves,
and the first command that finds nothing builds once, a cache in a folder git ignores
(``$AICAREERS_CACHE``, else ``.aicareers-cache/`` at the project's root)::

    .aicareers-cache/
      hashes.json                          sha256 of the graph files, by path, size and times
      <sha256 of the N-Quads file>/
        store/manifest.json                what the store is (format, sha256, versions, counts)
        store/oxigraph/                    the on-disk Oxigraph store (RocksDB)
        projection.pickle                  a header line, then the pickled networkx projection

Everything is keyed by the content of the N-Quads file (its sha256), so a changed graph file
names another entry, and the old one is never read. What is read is checked before it is
trusted: the store's manifest and the projection's header must carry this format version, this
file's sha256 and the versions of the libraries that wrote them, and the projection its length
and checksum. Anything that does not match (a foreign, truncated or corrupt file, an older
format) is rebuilt, with a note on stderr, never used and never a crash. A cache that cannot be
written (a read-only folder) is worked around: the data is made in memory for this call.

The store's default graph holds every distinct triple of the named graphs (see
:data:`UNION_AS_SET`), and the catalogue queries it: counts agree with rdflib's union graph.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> nq = folder / "g.nq"
>>> _ = nq.write_text('<urn:x:a> <urn:x:p> "v" <urn:x:g1> .\\n<urn:x:a> <urn:x:p> "v" <urn:x:g2> .\\n')
>>> cache = folder / "cache"
>>> store = open_store(nq, folder=cache)  # the first use builds the store, and says so on stderr
>>> [str(row[0].value) for row in store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")]
['1']
>>> sorted(p.name for p in (cache / content_hash(nq, folder=cache)).iterdir())
['store']
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import re
import shutil
import sys
import tempfile
import time
import zlib
from pathlib import Path

from . import paths
from .atomic import CannotWriteError, check_complete, write_atomic
from .errors import AiCareersError, InputError

__all__ = [
    "FORMAT_VERSION",
    "UNION_AS_SET",
    "cache_dir",
    "content_hash",
    "store_folder",
    "open_store",
    "open_dataset",
    "load_projection",
    "write_cache",
]

#: The layout of the cache: a store or a projection written with another version is rebuilt.
FORMAT_VERSION = 1

#: pyoxigraph 0.5's union default graph is a bag: a triple that several named graphs hold comes
#: back once per graph (oxigraph#1919, fixed upstream by #1920, not released in 0.5.13). Until
#: it is, the cached store keeps the distinct triples of every named graph in its default graph
#: as well, and queries without ``GRAPH`` read that graph instead of the union. Set this to False
#: once pyoxigraph's release has the fix: stores are then rebuilt without the copy (the manifest
#: records it) and queries go back to the union default graph.
UNION_AS_SET = True

#: The environment variable that names the cache folder.
ENV = "AICAREERS_CACHE"

_MAGIC = b"aicareers-projection\n"
_HEX64 = re.compile(r"[0-9a-f]{64}")
#: A file changed less than this long before it was hashed may change again within the same
#: timestamp: its hash is not remembered ("racy" files, as git calls them).
_RACY_NS = 2_000_000_000
_MEMO_SIZE = 64


def cache_dir() -> Path:
    """The cache folder: ``$AICAREERS_CACHE``, else :data:`aicareers.paths.CACHE_DIR`
    (``.aicareers-cache`` at the project's root in a clone, the user's cache folder for a wheel).

    >>> cache_dir() == Path(os.environ.get(ENV) or paths.CACHE_DIR)
    True
    """
    configured = os.environ.get(ENV)
    return Path(configured) if configured else paths.CACHE_DIR


def _note(message: str) -> None:
    print(f"aicareers: {message}", file=sys.stderr)


def _shown(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it (shorter notes)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# ------------------------------------------------------------------------------- the key


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with open(file, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stamp(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def content_hash(file: str | os.PathLike, *, folder: Path | None = None) -> str:
    """The sha256 of ``file``'s content, the key of its cache entry.

    Hashing a large graph file on every call would cost more than answering, so the hash is
    remembered in ``hashes.json`` with the file's size, modification and change times, inode and
    device: while all five are the same, the content is. Any write changes the change time,
    which no program can set back; a file written less than two seconds before it was hashed is
    hashed again next time (its times could still match a later write in the same tick).

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "x.nq"
    >>> _ = f.write_bytes(b"")
    >>> content_hash(f, folder=f.parent)
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    """
    file = Path(file).resolve()
    folder = cache_dir() if folder is None else Path(folder)
    try:
        before = file.stat()
    except FileNotFoundError:
        raise InputError(str(file), None, None, "no such N-Quads file") from None
    check_complete(file.parent)  # never key (nor read) half of an interrupted build's files
    memo_file = folder / "hashes.json"
    memo = _read_json(memo_file)
    memo = memo if isinstance(memo, dict) else {}
    known = memo.get(str(file))
    if (isinstance(known, dict) and known.get("stat") == _stamp(before)
            and isinstance(known.get("sha256"), str) and _HEX64.fullmatch(known["sha256"])):
        return known["sha256"]
    digest = _sha256(file)
    after = file.stat()
    settled = time.time_ns() - max(after.st_mtime_ns, after.st_ctime_ns) > _RACY_NS
    if _stamp(after) == _stamp(before) and settled:
        memo.pop(str(file), None)
        memo[str(file)] = {"stat": _stamp(after), "sha256": digest}
        # Keep the most recent entries of files that still exist.
        kept = [(k, v) for k, v in memo.items() if Path(k).exists()][-_MEMO_SIZE:]
        try:
            write_atomic(memo_file, json.dumps(dict(kept), indent=1) + "\n")
        except (OSError, CannotWriteError):
            pass  # a read-only cache folder: hash again next time
    return digest


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# ------------------------------------------------------------------------------- the store


def store_folder(digest: str, *, folder: Path | None = None) -> Path:
    """The folder of the Oxigraph store of the dataset whose sha256 is ``digest``.

    >>> store_folder("ab" * 32, folder=Path("/c")).as_posix()
    '/c/abababababababababababababababababababababababababababababababab/store/oxigraph'
    """
    return (cache_dir() if folder is None else Path(folder)) / digest / "store" / "oxigraph"


def _pyoxigraph_version() -> str:
    import pyoxigraph

    return pyoxigraph.__version__


def _store_manifest(digest: str) -> dict:
    return {"format": FORMAT_VERSION, "sha256": digest, "pyoxigraph": _pyoxigraph_version(),
            "union_in_default_graph": UNION_AS_SET}


def _store_problem(entry: Path, digest: str) -> str | None:
    """Why the store of ``entry`` cannot be used (None: it can); "missing" when there is none."""
    if not (entry / "store").exists():
        return "missing"
    manifest = _read_json(entry / "store" / "manifest.json")
    if not isinstance(manifest, dict):
        return "its manifest is missing or unreadable"
    expected = _store_manifest(digest)
    for key, value in expected.items():
        if manifest.get(key) != value:
            return f"it was made with {key} {manifest.get(key)!r}, not {value!r}"
    if not (entry / "store" / "oxigraph").is_dir():
        return "its store folder is missing"
    return None


def _bulk_load(store, nquads: Path) -> dict[str, int]:
    """Load ``nquads`` into ``store`` (and the union's copy, see :data:`UNION_AS_SET`); the counts."""
    import pyoxigraph as ox

    try:
        store.bulk_load(path=os.fspath(nquads), format=ox.RdfFormat.N_QUADS)
    except (SyntaxError, ValueError) as error:
        message = " ".join(str(error).split()) or type(error).__name__
        raise InputError(str(nquads), None, None, f"invalid N-Quads: {message}") from None
    quads = len(store)
    if UNION_AS_SET:
        # The distinct triples of every named graph, once, in the default graph (see UNION_AS_SET).
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {"quads": quads, "copied_to_default_graph": len(store) - quads}


def _replace_folder(made: Path, target: Path) -> None:
    """Put the folder ``made`` at ``target`` in one rename (an old ``target`` is moved away first)."""
    if target.exists():
        trash = Path(tempfile.mkdtemp(prefix=".old-", dir=target.parent))
        os.replace(target, trash / target.name)
        shutil.rmtree(trash, ignore_errors=True)
    os.replace(made, target)


def _build_store(nquads: Path, digest: str, entry: Path) -> None:
    import pyoxigraph as ox

    entry.mkdir(parents=True, exist_ok=True)
    made = Path(tempfile.mkdtemp(prefix=".store-", dir=entry))
    try:
        store = ox.Store(os.fspath(made / "oxigraph"))
        counts = _bulk_load(store, nquads)
        store.optimize()
        del store  # closes the RocksDB store before it moves
        gc.collect()
        manifest = dict(_store_manifest(digest), source=str(nquads.resolve()), **counts)
        write_atomic(made / "manifest.json", json.dumps(manifest, indent=1) + "\n")
        _replace_folder(made, entry / "store")
    finally:
        shutil.rmtree(made, ignore_errors=True)
    _prune(entry.parent, digest, str(nquads.resolve()))


def _source_of(entry: Path) -> str | None:
    """The graph file an entry was made from, as its store's manifest or its projection's header says."""
    manifest = _read_json(entry / "store" / "manifest.json")
    if isinstance(manifest, dict) and isinstance(manifest.get("source"), str):
        return manifest["source"]
    try:
        with open(entry / "projection.pickle", "rb") as handle:
            head = handle.read(len(_MAGIC) + 4096)
        header = json.loads(head[len(_MAGIC):head.index(b"\n", len(_MAGIC))])
    except (OSError, ValueError):
        return None
    return header.get("source") if isinstance(header, dict) else None


def _prune(folder: Path, digest: str, source: str) -> None:
    """Remove the entries of older contents of the same graph file: they can never match again."""
    for other in folder.iterdir():
        if other.name != digest and _HEX64.fullmatch(other.name) and _source_of(other) == source:
            shutil.rmtree(other, ignore_errors=True)


def _memory_store(nquads: Path):
    import pyoxigraph as ox

    store = ox.Store()
    _bulk_load(store, nquads)
    return store


def open_store(nquads: str | os.PathLike, *, folder: Path | None = None):
    """The :class:`pyoxigraph.Store` of ``nquads`` (N-Quads), read-only, from the cache.

    Built (once) when the cache has none for this content, rebuilt when the one there does not
    match; the default graph holds the distinct triples of the named graphs (:data:`UNION_AS_SET`).
    Several processes may hold it open at once.
    """
    import pyoxigraph as ox

    nquads = Path(nquads)
    folder = cache_dir() if folder is None else Path(folder)
    digest = content_hash(nquads, folder=folder)
    entry = folder / digest
    problem = _store_problem(entry, digest)
    if problem is None:
        try:
            return ox.Store.read_only(os.fspath(entry / "store" / "oxigraph"))
        except (OSError, RuntimeError, ValueError) as error:  # RocksDB says "Corruption: ..." so
            problem = "it cannot be opened (" + " ".join(str(error).split())[:200] + ")"
    if problem == "missing":
        _note(f"no cache of {_shown(nquads)} yet: building its Oxigraph store in {_shown(folder)}/ "
              "(once: the next commands open it)")
    else:
        _note(f"the cached store of {_shown(nquads)} is not usable: {problem}; rebuilding it")
    try:
        _build_store(nquads, digest, entry)
    except (OSError, CannotWriteError) as error:
        _note(f"cannot write the cache ({error.strerror or error}): loading {_shown(nquads)} in memory")
        return _memory_store(nquads)
    try:
        return ox.Store.read_only(os.fspath(entry / "store" / "oxigraph"))
    except (OSError, RuntimeError, ValueError) as error:
        raise AiCareersError(f"cannot open the cached store in {entry}: {' '.join(str(error).split())}") from None


def open_dataset(nquads: str | os.PathLike, *, folder: Path | None = None):
    """An rdflib :class:`~rdflib.Dataset` over :func:`open_store` (no copy): what the catalogue runs on.

    Queries without ``GRAPH`` see every named graph, each triple once; iterating the dataset
    gives the quads of the named graphs, as the N-Quads file has them.
    """
    from .store import dataset_over

    return dataset_over(open_store(nquads, folder=folder), union_in_default_graph=UNION_AS_SET)


# ------------------------------------------------------------------------------- the projection


#: What :func:`aicareers.projection.project` returns, by version: a cached projection made by
#: another version is remade, since the graph file it comes from has not changed (2: requirement
#: claims that a role does not need a skill became ``aic:notRequired`` edges; 3: mappings carry
#: their French reason, sources their French title).
PROJECTION_VERSION = 3


def _versions() -> dict:
    import networkx

    return {"python": "%d.%d" % sys.version_info[:2], "networkx": networkx.__version__, "projection": PROJECTION_VERSION}


def encode_projection(graph, digest: str, source: str = "") -> bytes:
    """The bytes of ``projection.pickle``: a magic line, a JSON header line, the pickle.

    The header holds the format, the graph file's sha256 (and path, ``source``), the Python and
    networkx versions, the projection's version, and the pickle's length and CRC-32.

    >>> import networkx as nx
    >>> data = encode_projection(nx.MultiDiGraph([("a", "b")]), "0" * 64)
    >>> data.splitlines()[0]
    b'aicareers-projection'
    >>> sorted(decode_projection(data, "0" * 64).edges())
    [('a', 'b')]
    >>> decode_projection(data[:-3], "0" * 64)
    Traceback (most recent call last):
    ...
    aicareers.cache.CacheMismatch: it is truncated or corrupt (length differs)
    >>> decode_projection(data, "1" * 64)
    Traceback (most recent call last):
    ...
    aicareers.cache.CacheMismatch: it was made from another graph file (sha256 differs)
    """
    payload = pickle.dumps(graph, protocol=pickle.HIGHEST_PROTOCOL)
    header = dict(format=FORMAT_VERSION, sha256=digest, **_versions(), length=len(payload),
                  crc32=zlib.crc32(payload), source=source)
    return _MAGIC + json.dumps(header, sort_keys=True).encode("ascii") + b"\n" + payload


class CacheMismatch(AiCareersError):
    """A cache file that is not what it must be; the message says why (it is then rebuilt)."""


def decode_projection(data: bytes, digest: str):
    """The projection in ``data`` (see :func:`encode_projection`); :class:`CacheMismatch` if not trusted."""
    if not data.startswith(_MAGIC):
        raise CacheMismatch("it is not a projection file of aicareers")
    line_end = data.find(b"\n", len(_MAGIC))
    try:
        header = json.loads(data[len(_MAGIC):line_end]) if line_end > 0 else None
    except ValueError:
        header = None
    if not isinstance(header, dict):
        raise CacheMismatch("its header is unreadable")
    if header.get("format") != FORMAT_VERSION:
        raise CacheMismatch(f"it has format {header.get('format')!r}, not {FORMAT_VERSION}")
    if header.get("sha256") != digest:
        raise CacheMismatch("it was made from another graph file (sha256 differs)")
    for key, value in _versions().items():
        if header.get(key) != value:
            raise CacheMismatch(f"it was made with {key} {header.get(key)!r}, not {value!r}")
    payload = memoryview(data)[line_end + 1:]
    if header.get("length") != len(payload):
        raise CacheMismatch("it is truncated or corrupt (length differs)")
    if header.get("crc32") != zlib.crc32(payload):
        raise CacheMismatch("it is corrupt (checksum differs)")
    enabled = gc.isenabled()
    gc.disable()  # unpickling makes many small containers: no collection is needed meanwhile
    try:
        graph = pickle.loads(payload)
    except Exception as error:  # noqa: BLE001 - whatever a damaged pickle raises
        raise CacheMismatch(f"it cannot be read ({type(error).__name__})") from None
    finally:
        if enabled:
            gc.enable()
    import networkx as nx

    if not isinstance(graph, nx.MultiDiGraph):
        raise CacheMismatch(f"it holds a {type(graph).__name__}, not a projection")
    return graph


def project_file(nquads: str | os.PathLike):
    """The projection of an N-Quads file, parsed with rdflib: what the cache keeps (slow path)."""
    from rdflib import Dataset

    from .projection import project

    dataset = Dataset(default_union=True)
    try:
        dataset.parse(os.fspath(nquads), format="nquads")
    except Exception as error:  # noqa: BLE001 - the parser's message, on one line
        message = " ".join(str(error).split()) or type(error).__name__
        raise InputError(str(nquads), None, None, f"invalid N-Quads: {message}") from None
    return project(dataset)


def load_projection(nquads: str | os.PathLike, *, folder: Path | None = None):
    """The networkx projection (:func:`aicareers.projection.project`) of ``nquads``, from the cache.

    Made (once) when the cache has none for this content, remade when the one there is not
    trusted (see :func:`decode_projection`).
    """
    nquads = Path(nquads)
    folder = cache_dir() if folder is None else Path(folder)
    digest = content_hash(nquads, folder=folder)
    file = folder / digest / "projection.pickle"
    try:
        return decode_projection(file.read_bytes(), digest)
    except FileNotFoundError:
        _note(f"no cached projection of {_shown(nquads)} yet: making it in {_shown(folder)}/ "
              "(once: the next commands read it)")
    except OSError as error:
        _note(f"the cached projection of {_shown(nquads)} cannot be read: {error.strerror or error}; remaking it")
    except CacheMismatch as error:
        _note(f"the cached projection of {_shown(nquads)} is not used: {error}; remaking it")
    graph = project_file(nquads)
    _write_projection(graph, digest, nquads, file)
    return graph


def _write_projection(graph, digest: str, nquads: Path, file: Path) -> None:
    try:
        write_atomic(file, encode_projection(graph, digest, str(nquads.resolve())))
    except (OSError, CannotWriteError) as error:
        _note(f"cannot write the cache ({error.strerror or error}): the projection is not kept")
        return
    _prune(file.parent.parent, digest, str(nquads.resolve()))


def write_cache(nquads: str | os.PathLike, projection=None, *, folder: Path | None = None) -> Path:
    """Make the cache entry of ``nquads`` (the store, and the projection: ``projection`` when the
    caller has it, else made from the file) unless a matching one is there; its folder.

    The build calls this after writing the graph files, so that the first command is fast too.
    """
    nquads = Path(nquads)
    folder = cache_dir() if folder is None else Path(folder)
    digest = content_hash(nquads, folder=folder)
    entry = folder / digest
    if _store_problem(entry, digest) is not None:
        _build_store(nquads, digest, entry)
    file = entry / "projection.pickle"
    try:
        decode_projection(file.read_bytes(), digest)
    except (OSError, CacheMismatch):
        graph = projection if projection is not None else project_file(nquads)
        write_atomic(file, encode_projection(graph, digest, str(nquads.resolve())))
    return entry
