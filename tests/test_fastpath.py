"""The fast path (Oxigraph) makes the same graph as the rdflib path, and the two agree on queries.

No timing here: the speed is measured by ``bench/run.py``, by hand.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic

from aicareers import build as build_module
from aicareers import paths
from aicareers.build import OUTPUT_NAMES, build, choose_backend
from aicareers.errors import ValidationError
from aicareers.esco.csv_import import esco_file_names
from aicareers.esco.synthetic import write_synthetic_esco
from aicareers.fastpath.projection import project_store
from aicareers.fastpath.render import (
    jsonld_from_lines,
    lines_bytes,
    quad_line,
    sorted_unique,
    split_graph,
    trig_from_lines,
    turtle_from_lines,
    union_lines,
)
from aicareers.projection import project
from aicareers.sparql.catalog import load_catalog, run_query
from aicareers.store import backend_of, load_dataset

PROJECT = paths.PROJECT_ROOT
PROMPT_ENGINEER_OCCUPATION = "http://data.europa.eu/esco/occupation/35553663-deab-4d9a-bf22-15c1625d28e8"
#: A synthetic download names no ESCO release: its version is given, as a user would with --esco-version.
SYNTHETIC = {"esco": "synthetic"}


# ------------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def esco_dir(tmp_path_factory) -> Path:
    """A small synthetic ESCO download (scale 0.01: 30 occupations, 140 skills, 1,250 relations)."""
    return write_synthetic_esco(tmp_path_factory.mktemp("esco"), scale=0.01)


@pytest.fixture(scope="module")
def fast_small():
    return build(None, backend="oxigraph")


@pytest.fixture(scope="module")
def pair(esco_dir):
    """The same synthetic download built by both paths."""
    return (build(None, backend="rdflib", esco_dir=esco_dir, versions=SYNTHETIC),
            build(None, backend="oxigraph", esco_dir=esco_dir, versions=SYNTHETIC))


def _graphs(data: bytes, fmt: str) -> dict:
    """Each named graph of a serialisation (the union for triple formats), xsd:string evened out."""
    if fmt in ("nquads", "trig"):
        dataset = Dataset()
        dataset.parse(data=data, format=fmt)
        quads = dataset.quads((None, None, None, None))
    else:
        quads = ((s, p, o, None) for s, p, o in Graph().parse(data=data, format=fmt))
    out: dict = {}
    for s, p, o, g in quads:
        if isinstance(o, Literal) and o.datatype == ns.XSD.string:
            o = Literal(str(o))
        key = g.identifier if isinstance(g, Graph) else g
        out.setdefault(key, Graph()).add((s, p, o))
    return out


def _union(graphs: dict) -> Graph:
    union = Graph()
    for graph in graphs.values():
        union += graph
    return union


def _same_graphs(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(isomorphic(a[k], b[k]) for k in a)


def _same_outputs(rdflib_build, fast_build) -> None:
    assert fast_build.backend == "oxigraph" and rdflib_build.backend == "rdflib"
    # N-Quads and the report: the same bytes.
    assert fast_build.files["ai-careers.nq"] == rdflib_build.files["ai-careers.nq"]
    assert fast_build.files["build-report.json"] == rdflib_build.files["build-report.json"]
    assert fast_build.files["build-report.md"] == rdflib_build.files["build-report.md"]
    # the documentation pages, the shapes' examples included: the same bytes from either store
    assert fast_build.files["docs/ontology.html"] == rdflib_build.files["docs/ontology.html"]
    assert fast_build.files["docs/shapes.html"] == rdflib_build.files["docs/shapes.html"]
    # Turtle, TriG, JSON-LD: other bytes, the same graph (blank nodes: the ontology's lists).
    expected = _graphs(rdflib_build.files["ai-careers.nq"], "nquads")
    assert _same_graphs(_graphs(fast_build.files["ai-careers.trig"], "trig"), expected)
    union = _union(expected)
    for name, fmt in (("ai-careers.ttl", "turtle"), ("ai-careers.jsonld", "json-ld")):
        assert isomorphic(_union(_graphs(fast_build.files[name], fmt)), union), name
    assert len(fast_build.graph) == len(rdflib_build.graph) == rdflib_build.report["triples"]


# ------------------------------------------------------------------------------ same graph


def test_fast_path_on_the_real_graph_makes_the_same_graph(built, fast_small):
    _same_outputs(built, fast_small)
    assert backend_of(fast_small.dataset) == "oxigraph"


def test_fast_path_on_a_synthetic_esco_download_makes_the_same_graph(pair):
    rdflib_build, fast_build = pair
    assert rdflib_build.report["classes"]["esco:Skill"] == 140
    _same_outputs(rdflib_build, fast_build)


def test_fast_builds_are_byte_identical_in_fresh_processes(esco_dir, tmp_path):
    for seed, out in (("1", tmp_path / "a"), ("2", tmp_path / "b")):
        done = subprocess.run(
            [sys.executable, str(PROJECT / "build_graph.py"), "--backend", "oxigraph", "--esco", str(esco_dir),
             "--esco-version", "synthetic", "--out", str(out)],
            capture_output=True, text=True, cwd=PROJECT, env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
    for name in OUTPUT_NAMES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_workers_make_the_same_files_as_one_process(fast_small, monkeypatch):
    """A large build imports and renders in worker processes: the files are the same bytes."""
    from aicareers.fastpath import parallel, pipeline

    renders_class = parallel.Renders
    monkeypatch.setattr(pipeline, "PARALLEL_IMPORT_FROM", 0)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)
    calls = []
    in_workers_of = pipeline._in_workers
    monkeypatch.setattr(parallel, "Renders", lambda done, pool=None, *rest: calls.append("render" if pool else "in process")
                        or renders_class(done, pool, *rest))
    monkeypatch.setattr(pipeline, "_in_workers", lambda f, keys: calls.append(tuple(keys)) or in_workers_of(f, keys))
    in_workers = build(None, backend="oxigraph")
    assert calls == [("esco", "rome", "onet"), "render"]  # both ran in worker processes
    assert list(in_workers.files) == list(fast_small.files)
    for name, data in fast_small.files.items():
        assert in_workers.files[name] == data, name
    assert in_workers.report == fast_small.report


def test_a_bad_framework_file_in_a_worker_is_reported_as_in_one_process(tmp_path, monkeypatch):
    from aicareers.errors import InputError
    from aicareers.fastpath import pipeline

    facts = tmp_path / "facts"
    shutil.copytree(paths.FACTS_DIR, facts)
    sheets = facts / "rome" / "unix_referentiel_code_rome_v460_utf8.csv"
    header, rest = sheets.read_text(encoding="utf-8").split("\n", 1)
    sheets.write_text(header.replace("code_rome", "code_romme", 1) + "\n" + rest, encoding="utf-8")
    out = tmp_path / "out"
    messages = []
    in_workers_of, calls = pipeline._in_workers, []
    monkeypatch.setattr(pipeline, "_in_workers", lambda f, keys: calls.append(tuple(keys)) or in_workers_of(f, keys))
    for threshold in (0, 10**12):  # in worker processes, then in this one
        monkeypatch.setattr(pipeline, "PARALLEL_IMPORT_FROM", threshold)
        with pytest.raises(InputError) as raised:
            build(out, backend="oxigraph", facts_dir=facts)
        assert raised.value.file.endswith("unix_referentiel_code_rome_v460_utf8.csv")
        assert raised.value.record == "line 1" and raised.value.field == "code_rome"
        messages.append(str(raised.value))
    assert calls == [("esco", "rome", "onet")]  # in workers the first time only
    assert messages[0] == messages[1]
    assert not out.exists()  # nothing written


def test_auto_picks_oxigraph_for_a_large_download_only(esco_dir, monkeypatch):
    assert choose_backend("auto", None) == "rdflib"  # the extract in facts/esco
    assert choose_backend("auto", esco_dir) == "rdflib"  # 0.01 of ESCO: a few hundred kB
    monkeypatch.setattr(build_module, "AUTO_OXIGRAPH_BYTES", 1000)
    assert choose_backend("auto", esco_dir) == "oxigraph"
    assert choose_backend("rdflib", esco_dir) == "rdflib"


# ------------------------------------------------------------------------------ queries


def _comparable(term):
    if isinstance(term, Literal) and term.datatype is not None and term.datatype != ns.XSD.string:
        value = term.toPython()
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            # Oxigraph keeps canonical forms, and stores xsd:positiveInteger as xsd:integer
            return ("number", str(Decimal(value).normalize()))
        return ("typed", str(term.datatype), str(value))
    if isinstance(term, Literal) and term.language is None:
        # GROUP_CONCAT's order is the engine's: compare the set of words
        return ("plain", " ".join(sorted(str(term).split())))
    return ("term", type(term).__name__, str(term), getattr(term, "language", None))


def _answers(dataset, query) -> list:
    rows = [tuple(_comparable(t) for t in row) for row in run_query(dataset, query)]
    return sorted(rows, key=repr)  # ORDER BY on mixed languages is left to each engine


def test_both_backends_answer_the_catalogue_alike(pair, tmp_path):
    rdflib_build, fast_build = pair
    nquads = tmp_path / "kg.nq"
    nquads.write_bytes(rdflib_build.files["ai-careers.nq"])
    stores = {
        "rdflib": load_dataset(nquads, "rdflib"),
        "oxigraph": load_dataset(nquads, "oxigraph"),
        "fast build": fast_build.dataset,
    }
    catalog = load_catalog()
    assert len(catalog) >= 18
    answered = 0
    for name, query in sorted(catalog.items()):
        answers = {backend: _answers(dataset, query) for backend, dataset in stores.items()}
        assert answers["oxigraph"] == answers["rdflib"], name
        assert answers["fast build"] == answers["rdflib"], name
        answered += bool(answers["rdflib"])
    assert answered >= 15  # most questions have answers on this graph


# ------------------------------------------------------------------------------ projection


def _projection(g) -> tuple:
    nodes = sorted((n, repr(sorted(a.items()))) for n, a in g.nodes(data=True))
    edges = sorted((u, v, k, repr(sorted(a.items()))) for u, v, k, a in g.edges(keys=True, data=True))
    return nodes, edges


def test_projection_from_oxigraph_is_the_projection(built, fast_small, pair):
    assert _projection(fast_small.projection()) == _projection(project(built.graph))
    rdflib_build, fast_build = pair
    from_store = project_store(fast_build.store)
    assert _projection(from_store) == _projection(rdflib_build.projection())
    assert fast_build.projection() is fast_build.projection()  # made once
    # Same order too (what the HTML pages and exports follow): that of the sorted triples, in
    # any process (rdflib's store keeps the order triples were added in).
    lines = fast_build.files["ai-careers.nq"].decode("utf-8").splitlines()
    in_order = project(Graph().parse(data=lines_bytes(union_lines(lines)), format="nt"))
    assert list(from_store.nodes) == list(in_order.nodes)
    assert list(from_store.edges(keys=True)) == list(in_order.edges(keys=True))


# ------------------------------------------------------------------------------ SHACL


def _edit_csv(path: Path, change) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _both_fail(esco, **kwargs) -> tuple[str, str]:
    reports = []
    for backend in ("rdflib", "oxigraph"):
        with pytest.raises(ValidationError) as caught:
            build(None, backend=backend, esco_dir=esco, versions=SYNTHETIC, **kwargs)
        reports.append(str(caught.value))
    return reports[0], reports[1]


def test_an_esco_skill_without_english_label_fails_on_both_paths(esco_dir, tmp_path):
    broken = Path(shutil.copytree(esco_dir, tmp_path / "esco"))
    skills = broken / esco_file_names("en")[1]
    unlabelled = []

    def drop_label(rows):
        label = rows[0].index("preferredLabel")
        rows[5][label] = ""
        unlabelled.append(rows[5][rows[0].index("conceptUri")])

    _edit_csv(skills, drop_label)
    full, fast = _both_fail(broken)
    assert f"Focus Node: <{unlabelled[0]}>" in fast  # found by the SPARQL-compiled ESCO shape
    assert unlabelled[0].rsplit("/", 1)[1] in full  # pyshacl writes escoskill:<uuid>
    assert "QualifiedMinCount" in fast and "QualifiedMinCount" in full


def test_a_build_that_fails_validation_stops_its_render_workers(esco_dir, tmp_path, monkeypatch):
    """The graph files are rendered in workers while the store is validated: a failure stops them."""
    import multiprocessing
    import tempfile

    from aicareers.fastpath import parallel

    broken = Path(shutil.copytree(esco_dir, tmp_path / "esco"))
    _edit_csv(broken / esco_file_names("en")[1], lambda rows: rows[5].__setitem__(rows[0].index("preferredLabel"), ""))
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)
    started = []
    start = parallel.start
    monkeypatch.setattr(parallel, "start", lambda lines: (renders := start(lines), started.append(len(multiprocessing.active_children())))[0])
    out = tmp_path / "out"
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the workers put their files
    with pytest.raises(ValidationError):
        build(out, backend="oxigraph", esco_dir=broken, versions=SYNTHETIC)
    assert len(started) == 1 and started[0] >= 1  # the render workers ran during the validation...
    assert multiprocessing.active_children() == []  # ...and their workers are gone, with their files
    assert sorted(p.name for p in tmp_path.iterdir()) == ["esco"]
    assert not out.exists()


def test_an_esco_occupation_the_project_maps_to_is_validated_with_full_shacl(esco_dir, tmp_path):
    broken = Path(shutil.copytree(esco_dir, tmp_path / "esco"))

    def add_unlabelled(rows):
        row = list(rows[1])
        row[rows[0].index("conceptUri")] = PROMPT_ENGINEER_OCCUPATION
        row[rows[0].index("preferredLabel")] = ""
        rows.append(row)

    _edit_csv(broken / esco_file_names("en")[0], add_unlabelled)
    full, fast = _both_fail(broken)
    # pyshacl's own report on both paths: the node is one the project mentions
    for report in (full, fast):
        assert "Validation Report" in report and PROMPT_ENGINEER_OCCUPATION.rsplit("/", 1)[1] in report
    assert "Constraint Violation in" in fast and "Focus Node: <" not in fast  # not the compiled part


def test_types_rdfs_gives_a_framework_node_are_validated_on_the_fast_path(esco_dir, tmp_path):
    # An ontology under which an ESCO skill that some occupation needs is a topic (the range of
    # esco:relatedEssentialSkill) and a skill with a type is a source (the domain of
    # esco:skillType): two classes the ontology declares disjoint. On the fast path, those types
    # are noted by the import workers (BulkFacts) and checked by the compiled shapes.
    ontology = tmp_path / "ontology.ttl"
    ontology.write_text(
        paths.ONTOLOGY.read_text(encoding="utf-8")
        + "\n<http://data.europa.eu/esco/model#relatedEssentialSkill> rdfs:range aic:Topic ."
        + "\n<http://data.europa.eu/esco/model#skillType> rdfs:domain aic:Source .\n",
        encoding="utf-8",
    )
    with open(esco_dir / esco_file_names("en")[2], encoding="utf-8", newline="") as handle:
        essential = {row["skillUri"] for row in csv.DictReader(handle) if row["relationType"] == "essential"}
    with open(esco_dir / esco_file_names("en")[1], encoding="utf-8", newline="") as handle:
        typed = {row["conceptUri"] for row in csv.DictReader(handle) if row["skillType"]}
    full, fast = _both_fail(esco_dir, ontology=ontology)
    both = re.compile(r"Message: <?(\S+?)>? is both <?https://w3id.org/ai-careers/ontology#Source>? and "
                      r"<?https://w3id.org/ai-careers/ontology#Topic>?")
    assert set(both.findall(fast)) == set(both.findall(full)) == essential & typed != set()
    assert "Focus Node: <" in fast  # the compiled shapes found them: no fallback to pyshacl


def test_the_types_noted_at_import_are_those_the_store_entails():
    # The import workers note the types RDFS entails while they write the lines (BulkFacts); the
    # validation used to read them back from the store (materialise_rdfs): the same triples.
    import pyoxigraph as ox

    from aicareers.assembly import assemble_own, info_of
    from aicareers.fastpath.pipeline import framework_quad_lines
    from aicareers.fastpath.shacl import INFERENCE_GRAPH, Schema, materialise_rdfs
    from aicareers.frameworks.registry import default_paths
    from aicareers.serialize import union_graph

    own, _ = assemble_own(paths.FACTS_DIR, paths.ONTOLOGY, seeds_dir=paths.SEEDS_DIR)
    schema = Schema.of(union_graph(own))
    lines, _, reports, facts = framework_quad_lines(default_paths(paths.FACTS_DIR), schema=schema)
    store = ox.Store()
    store.bulk_load(lines_bytes(sorted_unique(lines)), format=ox.RdfFormat.N_QUADS)
    quads = list(store.quads_for_pattern(None, None, None))  # the frameworks' graphs only
    assert facts.predicates == {q.predicate.value for q in quads}
    assert facts.classes == {q.object.value for q in quads
                             if q.predicate.value == str(ns.RDF.type) and isinstance(q.object, ox.NamedNode)}
    materialise_rdfs(store, sorted(str(info_of(key).graph) for key in reports), schema, facts.predicates, [])
    inferred = sorted(f"{q.subject} {q.predicate} {q.object}"
                      for q in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERENCE_GRAPH)))
    assert inferred == facts.entailed_types()
    data_scientist = "<https://w3id.org/ai-careers/id/onet/15-2051.00>"  # an O*NET occupation: a schema:Occupation
    assert f"{data_scientist} <{ns.RDF.type}> <https://schema.org/Occupation>" in inferred
    assert f"{data_scientist} <{ns.RDF.type}> <https://w3id.org/ai-careers/ontology#OnetOccupation>" not in inferred


def test_the_import_workers_schema_is_the_whole_project_s():
    # The import workers start before the project's facts are read: they note the types RDFS
    # entails with the ontology's schema alone. The facts add no RDFS axiom; if they did, the
    # validation would see another schema and read the types from the store instead.
    from aicareers.assembly import assemble_own
    from aicareers.fastpath.shacl import Schema
    from aicareers.serialize import union_graph

    own, _ = assemble_own(paths.FACTS_DIR, paths.ONTOLOGY, seeds_dir=paths.SEEDS_DIR)
    assert Schema.of(Graph().parse(paths.ONTOLOGY, format="turtle")) == Schema.of(union_graph(own))


def test_a_shape_the_compiler_does_not_know_falls_back_to_full_shacl(esco_dir, tmp_path):
    # An ontology that makes ESCO skills article skills: aics:SkillType (sh:xone) then reaches
    # them, and the fast path validates the whole graph with pyshacl instead.
    ontology = tmp_path / "ontology.ttl"
    ontology.write_text(
        paths.ONTOLOGY.read_text(encoding="utf-8")
        + "\n<http://data.europa.eu/esco/model#Skill> rdfs:subClassOf aic:Skill .\n",
        encoding="utf-8",
    )
    full, fast = _both_fail(esco_dir, ontology=ontology)
    for report in (full, fast):  # an ESCO skill is none of the article skills' three types
        assert "conform to exactly one shape in [ sh:class aic:Knowledge ]" in report


# ------------------------------------------------------------------------------ rendering


def test_rendering_escapes_like_rdflib_and_parses_back():
    g = URIRef("https://w3id.org/ai-careers/id/graph/x")
    quads = [
        (URIRef("https://w3id.org/ai-careers/id/role/a"), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
         Literal('a "quoted"\\ line\nbreak\r\tand é', lang="fr"), g),
        (URIRef("https://w3id.org/ai-careers/id/role/a"), URIRef("https://schema.org/value"),
         Literal("1.50", datatype=ns.XSD.decimal), g),
        (URIRef("https://w3id.org/ai-careers/id/role/a"), URIRef("urn:x:p"), Literal("plain"), g),
        (BNode("b0"), URIRef("urn:x:p"), URIRef("https://w3id.org/ai-careers/id/role//odd"), g),
        # what JSON escapes and N-Quads need not; a backslash before an n; an explicit xsd:string
        (URIRef("urn:x:b"), URIRef("urn:x:p"), Literal("bell\x07 tab\t back\\n"), g),
        (URIRef("urn:x:b"), URIRef("urn:x:p"), Literal("typed", datatype=ns.XSD.string), g),
        # what Turtle writes bare, and what it may not: a local name ending with a dot
        (URIRef("urn:x:b"), URIRef("urn:x:n"), Literal("-7", datatype=ns.XSD.integer), g),
        (URIRef("urn:x:b"), URIRef("urn:x:n"), Literal("true", datatype=ns.XSD.boolean), g),
        (URIRef("urn:x:b"), URIRef("urn:x:n"), Literal("1e3", datatype=ns.XSD.double), g),
        (URIRef("urn:x:b"), URIRef("urn:x:n"), Literal("1.", datatype=ns.XSD.decimal), g),  # rdflib keeps "1"
        (URIRef("urn:x:b"), URIRef("urn:x:n"), URIRef("https://w3id.org/ai-careers/id/role/odd."), g),
        # a literal where a type goes: a plain property in JSON-LD
        (URIRef("urn:x:b"), ns.RDF.type, Literal("not a class"), g),
        # one triple in two graphs; a literal that another one starts with
        (URIRef("urn:x:b"), URIRef("urn:x:q"), Literal("x"), g),
        (URIRef("urn:x:b"), URIRef("urn:x:q"), Literal("x"), URIRef("urn:x:other")),
        (URIRef("urn:x:b"), URIRef("urn:x:q"), Literal("x y"), g),
    ]
    reference = Dataset()
    for s, p, o, graph in quads:
        reference.graph(graph).add((s, p, o))
    rendered = reference.serialize(format="nquads", encoding="utf-8").decode("utf-8")
    lines = sorted_unique(quad_line(*q) for q in quads)
    assert sorted(filter(None, rendered.splitlines())) == lines
    assert union_lines(lines) == sorted({split_graph(line)[0] + " ." for line in lines})  # in one pass
    expected = _union(_graphs(rendered.encode("utf-8"), "nquads"))
    turtle = turtle_from_lines(lines).decode("utf-8")
    # bare where the lexical form is the shorthand's ("1" is no decimal's), in full where a name may not end so
    assert '<urn:x:n> -7 , "1"^^xsd:decimal , "1000.0"^^xsd:double , true ,' in turtle
    assert "<https://w3id.org/ai-careers/id/role/odd.>" in turtle
    assert isomorphic(_union(_graphs(turtle.encode("utf-8"), "turtle")), expected)
    assert _same_graphs(_graphs(trig_from_lines(lines), "trig"), _graphs(rendered.encode("utf-8"), "nquads"))
    assert isomorphic(_union(_graphs(jsonld_from_lines(lines), "json-ld")), expected)
