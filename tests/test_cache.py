"""The command cache (:mod:`aicareers.cache`): built once, never trusted when it does not match,
and giving the same answers as a fresh parse of the graph file."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from aicareers import cache
from aicareers.analytics import cli as analytics_cli
from aicareers.build import _write_cache
from aicareers.cli import main
from aicareers.sparql.catalog import format_result, load_catalog, run_query
from aicareers.store import load_dataset

from .answers import answers

ROLE = "https://w3id.org/ai-careers/id/role/"
#: A tiny graph: one role in two named graphs (its label is stated twice), one skill.
SMALL = (
    f'<{ROLE}writer> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/ai-careers/ontology#Role> <urn:x:g1> .\n'
    f'<{ROLE}writer> <http://www.w3.org/2004/02/skos/core#prefLabel> "Writer"@en <urn:x:g1> .\n'
    f'<{ROLE}writer> <http://www.w3.org/2004/02/skos/core#prefLabel> "Writer"@en <urn:x:g2> .\n'
)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CATALOG = load_catalog()


@pytest.fixture
def small(tmp_path) -> Path:
    file = tmp_path / "small.nq"
    file.write_text(SMALL, encoding="utf-8")
    return file


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def builds(monkeypatch) -> Counter:
    """How many times a store was built, a projection made and a file hashed (by spying)."""
    calls: Counter = Counter()
    for name, key in (("_build_store", "store"), ("project_file", "projection"), ("_sha256", "hash")):
        real = getattr(cache, name)

        def spy(*args, _real=real, _key=key, **kwargs):
            calls[_key] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(cache, name, spy)
    return calls


def count(store) -> int:
    return int(next(iter(store.query(COUNT)))[0].value)


def label(graph) -> str:
    return graph.nodes[ROLE + "writer"]["label_en"]


# ------------------------------------------------------------------------------ built once


def test_a_missing_cache_is_built_once_then_opened(small, folder, builds, capsys):
    assert count(cache.open_store(small, folder=folder)) == 2  # the label stated twice counts once
    assert "no cache of" in capsys.readouterr().err
    assert count(cache.open_store(small, folder=folder)) == 2
    assert builds["store"] == 1 and capsys.readouterr().err == ""

    assert label(cache.load_projection(small, folder=folder)) == "Writer"
    assert "no cached projection" in capsys.readouterr().err
    pickle_file = folder / cache.content_hash(small, folder=folder) / "projection.pickle"
    made = pickle_file.stat().st_mtime_ns
    for _ in range(2):
        assert label(cache.load_projection(small, folder=folder)) == "Writer"
    assert builds["projection"] == 1 and pickle_file.stat().st_mtime_ns == made
    assert capsys.readouterr().err == ""


def test_the_build_leaves_the_cache_so_the_first_command_makes_nothing(built, built_dir, folder, builds, capsys,
                                                                      monkeypatch):
    monkeypatch.setenv(cache.ENV, str(folder))
    nq = built_dir / "ai-careers.nq"
    _write_cache(nq, built)
    assert "cached the Oxigraph store and the networkx projection" in capsys.readouterr().out
    assert builds["projection"] == 0  # the build's own projection was kept
    assert cache.load_projection(nq).number_of_nodes() == built.projection().number_of_nodes()
    assert count(cache.open_store(nq)) == built.report["triples"]
    assert builds["store"] == 1 and builds["projection"] == 0 and capsys.readouterr().err == ""


# ------------------------------------------------------------------------------ never stale


def test_a_changed_graph_file_is_never_answered_from_the_old_cache(small, folder, capsys):
    old = cache.content_hash(small, folder=folder)
    assert label(cache.load_projection(small, folder=folder)) == "Writer"
    assert count(cache.open_store(small, folder=folder)) == 2
    # The same size, at once (within the same timestamp tick, perhaps): only the content differs.
    small.write_text(SMALL.replace("Writer", "Editor").replace("<urn:x:g2>", "<urn:x:g1>"), encoding="utf-8")
    assert label(cache.load_projection(small, folder=folder)) == "Editor"
    assert count(cache.open_store(small, folder=folder)) == 2
    assert cache.content_hash(small, folder=folder) != old
    assert not (folder / old).exists()  # the entry of the old content is gone


def test_an_entry_with_a_projection_only_goes_when_its_file_changes(small, folder):
    old = cache.content_hash(small, folder=folder)
    cache.load_projection(small, folder=folder)
    assert sorted(p.name for p in (folder / old).iterdir()) == ["projection.pickle"]
    small.write_text(SMALL.replace("Writer", "Editor"), encoding="utf-8")
    assert label(cache.load_projection(small, folder=folder)) == "Editor"
    assert not (folder / old).exists()


def test_the_hash_is_remembered_only_while_the_file_is_unchanged(small, folder, builds, monkeypatch):
    # A file written just now may be written again within the same timestamp: never remembered.
    cache.content_hash(small, folder=folder)
    cache.content_hash(small, folder=folder)
    assert builds["hash"] == 2 and not (folder / "hashes.json").exists()
    monkeypatch.setattr(cache, "_RACY_NS", -(10**18))  # as if the file had been written long ago
    first = cache.content_hash(small, folder=folder)
    assert cache.content_hash(small, folder=folder) == first and builds["hash"] == 3
    assert str(small.resolve()) in json.loads((folder / "hashes.json").read_text())
    stat = small.stat()
    small.write_text(SMALL.replace("Writer", "Editor"), encoding="utf-8")
    os.utime(small, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert cache.content_hash(small, folder=folder) != first and builds["hash"] == 4


# ------------------------------------------------------------------------------ never trusted when foreign or corrupt


def _other_projection(tmp_path, folder) -> bytes:
    other = tmp_path / "other.nq"
    other.write_text(SMALL.replace("Writer", "Author"), encoding="utf-8")
    cache.load_projection(other, folder=folder)
    return (folder / cache.content_hash(other, folder=folder) / "projection.pickle").read_bytes()


DAMAGES = {
    "truncated": lambda data, other, digest: data[: len(data) // 2],
    "a byte changed": lambda data, other, digest: data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:],
    "another graph's": lambda data, other, digest: other,
    "not a projection file": lambda data, other, digest: b"\x80\x05not a pickle",
    "an older format": lambda data, other, digest: data.replace(b'"format": 1', b'"format": 0', 1),
    "not a graph": lambda data, other, digest: cache.encode_projection(["a list"], digest),
    "empty": lambda data, other, digest: b"",
}
REASONS = {
    "truncated": "truncated", "a byte changed": "checksum differs", "another graph's": "another graph file",
    "not a projection file": "not a projection file", "an older format": "format 0",
    "not a graph": "holds a list", "empty": "not a projection file",
}  # fmt: skip


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_foreign_or_corrupt_projection_is_rejected_and_remade(small, folder, tmp_path, builds, capsys, damage):
    cache.load_projection(small, folder=folder)
    other = _other_projection(tmp_path, folder)
    digest = cache.content_hash(small, folder=folder)
    file = folder / digest / "projection.pickle"
    file.write_bytes(DAMAGES[damage](file.read_bytes(), other, digest))
    capsys.readouterr()
    assert label(cache.load_projection(small, folder=folder)) == "Writer"
    err = capsys.readouterr().err
    assert "is not used" in err and REASONS[damage] in err and "remaking it" in err
    assert len(err.strip().splitlines()) == 1
    assert label(cache.decode_projection(file.read_bytes(), digest)) == "Writer"  # written again, whole
    assert builds["projection"] == 3  # small, other, and small again


def _break_manifest(entry: Path) -> None:
    manifest = json.loads((entry / "store" / "manifest.json").read_text())
    manifest["sha256"] = "0" * 64
    (entry / "store" / "manifest.json").write_text(json.dumps(manifest))


def _break_rocksdb(entry: Path) -> None:
    for file in (entry / "store" / "oxigraph").iterdir():
        if file.is_file():
            file.write_bytes(b"garbage")


STORE_DAMAGES = {
    "a foreign manifest": (_break_manifest, "sha256"),
    "no manifest": (lambda entry: (entry / "store" / "manifest.json").unlink(), "manifest is missing"),
    "an unreadable store": (_break_rocksdb, "cannot be opened"),
    "no store folder": (lambda entry: __import__("shutil").rmtree(entry / "store" / "oxigraph"), "store folder"),
}


@pytest.mark.parametrize("damage", sorted(STORE_DAMAGES))
def test_a_foreign_or_corrupt_store_is_rejected_and_rebuilt(small, folder, builds, capsys, damage):
    store = cache.open_store(small, folder=folder)
    del store  # released before it is damaged
    breaks, reason = STORE_DAMAGES[damage]
    breaks(folder / cache.content_hash(small, folder=folder))
    capsys.readouterr()
    assert count(cache.open_store(small, folder=folder)) == 2
    err = capsys.readouterr().err
    assert "is not usable" in err and reason in err and "rebuilding it" in err
    assert builds["store"] == 2
    assert count(cache.open_store(small, folder=folder)) == 2 and builds["store"] == 2


def test_a_cache_that_cannot_be_written_is_worked_around(small, tmp_path, capsys):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert count(cache.open_store(small, folder=blocked)) == 2
    assert label(cache.load_projection(small, folder=blocked)) == "Writer"
    assert capsys.readouterr().err.count("cannot write the cache") == 2


def test_an_invalid_graph_file_is_an_input_error(tmp_path, folder):
    bad = tmp_path / "bad.nq"
    bad.write_text("<urn:x:a> <urn:x:p> .\n")
    with pytest.raises(cache.InputError, match="invalid N-Quads"):
        cache.open_store(bad, folder=folder)
    assert main(["gap", "a", "b", "--graph", str(bad)]) == 2


# ------------------------------------------------------------------------------ same answers


@pytest.fixture(scope="module")
def nq(built, built_dir) -> Path:
    return built_dir / "ai-careers.nq"


@pytest.fixture
def run(capsys):
    def go(*argv) -> str:
        status = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        assert status in (0, 1), err
        return out

    return go


@pytest.fixture(scope="module")
def fresh_dataset(nq):
    """The graph file parsed into Oxigraph for this call: the engine of the cache, without it."""
    return load_dataset(nq, "oxigraph")


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_every_catalogue_query_answers_alike_from_the_cache_and_from_a_fresh_parse(nq, fresh_dataset, run, name):
    """The same rows, as many times each; the order SPARQL leaves to the engine (ties of ORDER
    BY, the parts of a GROUP_CONCAT) may differ, as between any two stores (tests/answers.py)."""
    query = CATALOG[name]
    fresh = Counter(answers(run_query(fresh_dataset, query), query.text))
    assert fresh, f"{name} has no answer on the built graph"
    assert Counter(answers(run_query(cache.open_dataset(nq), query), query.text)) == fresh
    # and the command line answers from the cache, row for row
    table = run("query", name, "--graph", nq, "--format", "tsv")
    assert table.count("\n") == sum(fresh.values()) + 1


def test_counts_agree_with_rdflibs_union_graph(nq, built):
    """The union default graph is a set (the cached store's default graph), as in rdflib."""
    expected = f"n\r\n{built.report['triples']}\r\n"
    assert format_result(run_query(cache.open_dataset(nq), COUNT), "csv") == expected
    assert format_result(run_query(load_dataset(nq, "rdflib"), COUNT), "csv") == expected
    in_memory = format_result(run_query(load_dataset(nq, "oxigraph"), COUNT), "csv")
    assert in_memory != expected  # pyoxigraph 0.5's union default graph: once per named graph


@pytest.fixture(scope="module")
def fresh_projection(nq):
    return cache.project_file(nq)


COMMANDS = [
    ["gap", "Prompt Engineer", "Architecte d'IA"],
    ["gap", "Prompt Engineer", "Chercheur en IA", "--explain", "--lang", "fr"],
    ["gap", "AI consultant", "AI project lead", "--format", "json"],
    ["path", "Prompt Engineer", "Chercheur en IA", "--explain"],
    ["path", "Prompt Engineer", "AI architect", "--cheapest"],
    ["path", "Prompt Engineer", "--format", "json"],
    ["profile", "AI architect", "--explain"],
    ["profile", "Prompt Engineer", "--format", "json"],
    ["similar", "Chercheur en IA"],
    ["rank", "skills", "--by", "pagerank"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(c[:3]) for c in COMMANDS])
def test_analyses_answer_alike_from_the_cache_and_from_a_fresh_parse(nq, built, fresh_projection, run, monkeypatch,
                                                                    argv):
    cache.write_cache(nq, built.projection())  # as the build leaves it
    from_cache = run(*argv, "--graph", nq)
    monkeypatch.setattr(analytics_cli, "load_graph", lambda path=None: fresh_projection)
    assert run(*argv, "--graph", nq) == from_cache
