"""The build: validation, determinism, bad input, and the ontology's own metadata."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, VANN

from aicareers import paths
from aicareers.build import OUTPUT_NAMES
from aicareers.facts import check_quotes, facts_to_rdf, read_facts
from aicareers.errors import InputError
from aicareers.namespaces import AIC
from aicareers.validate import validate_graph

PROJECT = paths.PROJECT_ROOT
FIXTURES = Path(__file__).parent / "fixtures" / "shapes"


def run_build(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(PROJECT / "build_graph.py"), *args],
        capture_output=True, text=True, cwd=PROJECT, env={**os.environ, **(env or {})},
    )  # fmt: skip


# ------------------------------------------------------------------------------ determinism


def test_two_builds_in_fresh_processes_give_byte_identical_files(tmp_path):
    """Two processes with different hash seeds (a set's order differs between them) write the
    same bytes, in every file: the graph, the report and every page under html/."""
    for seed, out in (("1", tmp_path / "a"), ("2", tmp_path / "b")):
        done = run_build("--out", str(out), env={"PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
    files = {folder: sorted(p.relative_to(tmp_path / folder).as_posix() for p in (tmp_path / folder).rglob("*") if p.is_file())
             for folder in ("a", "b")}
    assert files["a"] == files["b"]
    assert set(OUTPUT_NAMES) <= set(files["a"]) and "html/index.html" in files["a"]
    assert "html/role-prompt-engineer.html" in files["a"] and "html/jobs/prompt-engineer.html" in files["a"]
    differ = [name for name in files["a"] if (tmp_path / "a" / name).read_bytes() != (tmp_path / "b" / name).read_bytes()]
    assert not differ, f"differ between hash seeds 1 and 2: {differ}"


def test_the_committed_graph_is_what_the_build_makes(built):
    """graph/ is committed so that diffs of the graph are readable: it must be up to date."""
    for name in ("ai-careers.ttl", "ai-careers.nq", "build-report.json"):
        assert (paths.GRAPH_DIR / name).read_bytes() == built.files[name], f"graph/{name} is stale: run build_graph.py"


def test_the_outputs_parse_back_to_the_same_graph(built, tmp_path):
    from rdflib.compare import isomorphic

    for name, fmt in (("ai-careers.ttl", "turtle"), ("ai-careers.jsonld", "json-ld")):
        path = tmp_path / name
        path.write_bytes(built.files[name])
        parsed = Graph().parse(path, format=fmt)
        assert isomorphic(parsed, built.graph), name
    from rdflib import Dataset

    quads = Dataset()
    (tmp_path / "g.nq").write_bytes(built.files["ai-careers.nq"])
    quads.parse(tmp_path / "g.nq", format="nquads")
    graphs = {str(g.identifier).rsplit("/", 1)[-1] for g in quads.graphs() if len(g)}
    assert graphs == {"ontology", "knowledge-base", "abc-article", "esd-sheet", "news-article", "esco", "rome", "onet",
                      "nesta-crosswalk"}


def test_each_sources_statements_stay_in_its_own_named_graph(built):
    esd = built.dataset.graph(URIRef("https://w3id.org/ai-careers/id/graph/esd-sheet"))
    news = built.dataset.graph(URIRef("https://w3id.org/ai-careers/id/graph/news-article"))
    pe = URIRef("https://w3id.org/ai-careers/id/role/prompt-engineer")
    chatgpt = URIRef("https://w3id.org/ai-careers/id/tool/chatgpt")
    architect = URIRef("https://w3id.org/ai-careers/id/role/ai-architect")
    assert (pe, AIC.canEvolveTo, architect) in esd and (pe, AIC.canEvolveTo, architect) not in news
    assert (pe, AIC.usesTool, chatgpt) in news and (pe, AIC.usesTool, chatgpt) not in esd


def test_the_report_counts_classes_and_sources(built):
    report = built.report
    assert report["classes"]["aic:CareerTransition"] == 5
    assert report["classes"]["aic:SalaryObservation"] == 9
    assert report["classes"]["aic:EmergingRole"] == 1
    assert report["graphs"]["graph:esd-sheet"]["quotes"] > 0
    assert not any("quotes were not checked" in w for w in report["warnings"])


# ------------------------------------------------------------------------------ SHACL


def _fixture_graph(name: str) -> Graph:
    return Graph().parse(FIXTURES / name, format="turtle")


def test_the_valid_fixture_conforms():
    conforms, report = validate_graph(_fixture_graph("valid.ttl"))
    assert conforms, report


@pytest.mark.parametrize(
    "focus, expected",
    [
        ("role-without-english", "needs exactly one English skos:prefLabel"),
        ("emerging-unmapped", "an emerging role needs a broad or close match to an ESCO occupation"),
        ("unsourced-skill", "has no source"),
        ("bad-salary", "needs exactly one ISO 4217 currency code"),
        ("bad-salary", "LessThanOrEquals"),
        ("two-source-claim", "a claim is made by one source"),
        ("quoteless", "a derivation needs exactly one French evidence quote"),
        ("role-as-mission", "which the ontology declares disjoint"),
    ],
)
def test_the_invalid_fixture_breaks_each_rule(focus, expected):
    conforms, report = validate_graph(_fixture_graph("invalid.ttl"))
    assert not conforms
    blocks = report.split("Constraint Violation")[1:]
    assert any(f"Focus Node: ex:{focus}\n" in b and expected in b for b in blocks), report


def test_the_built_graph_conforms(built):
    conforms, report = validate_graph(built.graph)
    assert conforms, report


# ------------------------------------------------------------------------------ quotes


def test_every_evidence_quote_stands_word_for_word_in_its_source():
    if not paths.SEEDS_DIR.is_dir():
        pytest.skip(f"source texts not present at {paths.SEEDS_DIR} (they are in CI)")
    facts = read_facts(paths.FACTS_DIR)
    _, evidence = facts_to_rdf(facts)
    assert len(evidence) > 150
    check_quotes(evidence, facts, paths.SEEDS_DIR)  # raises on the first quote not found


def test_a_quote_not_in_the_source_is_reported_with_its_record(tmp_path):
    if not paths.SEEDS_DIR.is_dir():
        pytest.skip(f"source texts not present at {paths.SEEDS_DIR} (they are in CI)")
    facts_dir = _copy_facts(tmp_path)
    _edit(facts_dir / "skills.yaml", lambda d: d["skills"][0]["of"][0].update(quote="une phrase inventée"))
    facts = read_facts(facts_dir)
    _, evidence = facts_to_rdf(facts)
    with pytest.raises(InputError, match=r"skills.yaml: record generative-ai-understanding: field of.quote: quote not found"):
        check_quotes(evidence, facts, paths.SEEDS_DIR)


# ------------------------------------------------------------------------------ bad input


def _copy_facts(tmp_path: Path) -> Path:
    target = tmp_path / "facts"
    shutil.copytree(paths.FACTS_DIR, target)
    return target


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


BAD_INPUTS = {
    "missing field": (
        "roles.yaml", lambda d: d["roles"][0]["label"].pop("en"),
        "roles.yaml: record prompt-engineer: field label.en: missing text in this language",
    ),
    "unknown reference": (
        "skills.yaml", lambda d: d["skills"][1]["of"][0].update(role="poet"),
        "skills.yaml: record ai-ethics: field of.role: unknown reference 'poet'",
    ),
    "bad number": (
        "salaries.yaml", lambda d: d["salaries"][0].update(min="soixante mille"),
        "salaries.yaml: record abc-beginner-annual: field min: not a number: 'soixante mille'",
    ),
    "bad currency": (
        "salaries.yaml", lambda d: d["salaries"][3].update(currency="EURO"),
        "salaries.yaml: record esd-range-annual-gross: field currency: unknown currency 'EURO'",
    ),
    "duplicate id": (
        "roles.yaml", lambda d: d["roles"].append(dict(d["roles"][1])),
        "roles.yaml: record ai-consultant: field id: duplicate id",
    ),
    "unknown field": (
        "roles.yaml", lambda d: d["roles"][0].update(salary=1),
        "roles.yaml: record prompt-engineer: field salary: unknown field for roles",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_a_malformed_record_stops_the_build_and_leaves_previous_outputs_untouched(case, tmp_path):
    file, change, message = BAD_INPUTS[case]
    facts_dir = _copy_facts(tmp_path)
    _edit(facts_dir / file, change)
    out = tmp_path / "graph"
    out.mkdir()
    previous = {name: f"previous {name}\n".encode() for name in OUTPUT_NAMES}
    for name, data in previous.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)  # docs/ontology.html is in a sub-folder
        (out / name).write_bytes(data)

    done = run_build("--facts", str(facts_dir), "--out", str(out))

    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    # untouched, no temporary file left (in the sub-folders either)
    assert {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()} == previous


def test_malformed_yaml_names_the_file_and_line(tmp_path):
    facts_dir = _copy_facts(tmp_path)
    (facts_dir / "roles.yaml").write_text("roles:\n  - id: x\n    label: {fr: a, en: b\n", encoding="utf-8")
    done = run_build("--facts", str(facts_dir), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "roles.yaml: record line 4: not valid YAML" in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_graph_that_breaks_a_shape_stops_the_build(tmp_path):
    facts_dir = _copy_facts(tmp_path)
    # A mission rank of a mission that two sources state breaks the loader's own rule first;
    # an ESCO-less emerging role passes the loader and is caught by the shapes.
    _edit(facts_dir / "roles.yaml", lambda d: d["roles"][0].pop("esco"))
    done = run_build("--facts", str(facts_dir), "--out", str(tmp_path / "out"))
    assert done.returncode == 3
    assert "an emerging role needs a broad or close match to an ESCO occupation" in done.stderr
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------------------ the ontology


ONTOLOGY_IRI = URIRef("https://w3id.org/ai-careers/ontology")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(paths.ONTOLOGY, format="turtle")


def test_the_ontology_header_carries_what_pylode_renders(ontology):
    header = {p: set(ontology.objects(ONTOLOGY_IRI, p)) for p in (
        DCTERMS.title, DCTERMS.description, DCTERMS.license, DCTERMS.creator, DCTERMS.created,
        DCTERMS.modified, OWL.versionIRI, OWL.versionInfo, VANN.preferredNamespacePrefix, VANN.preferredNamespaceUri,
    )}  # fmt: skip
    assert all(header.values()), [p for p, v in header.items() if not v]
    assert header[VANN.preferredNamespacePrefix] == {Literal("aic")}
    assert header[VANN.preferredNamespaceUri] == {Literal(str(AIC))}
    assert header[OWL.versionIRI] == {URIRef("https://w3id.org/ai-careers/ontology/0.2.0")}
    assert {t.language for t in header[DCTERMS.title]} == {"fr", "en"}


def test_every_term_has_french_and_english_labels_a_definition_and_is_defined_by(ontology):
    terms = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(AIC))}
    assert len(terms) > 60
    for term in sorted(terms):
        languages = sorted(l.language or "" for l in ontology.objects(term, RDFS.label))
        if languages == [""]:  # the same word in both languages: one label, and a note that says so
            assert (term, SKOS.editorialNote, None) in ontology, term
        else:
            assert languages == ["en", "fr"], term
        assert {d.language for d in ontology.objects(term, SKOS.definition)} == {"fr", "en"}, term
        assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology, term


def test_every_aic_term_the_graph_uses_is_declared_in_the_ontology(built, ontology):
    used = {p for _, p, _ in built.graph if str(p).startswith(str(AIC))}
    used |= {o for o in built.graph.objects(None, RDF.type) if str(o).startswith(str(AIC))}
    declared = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(AIC))}
    assert used - declared == set()
