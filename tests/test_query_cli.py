"""The query catalogue and ``aicareers query``: names, safe binding, formats, errors, backends."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from decimal import Decimal

import pytest
from rdflib import Literal
from rdflib.query import Result

from aicareers import paths
from aicareers.build import build
from aicareers.cli import main
from aicareers.errors import NOT_KNOWN, InputError
from aicareers.namespaces import PREFIXES, ROLE
from aicareers.sparql.catalog import (
    QuerySyntaxError,
    QueryTimeoutError,
    UnknownNameError,
    inject_values,
    load_catalog,
    parse_query_file,
    parse_query_text,
    resolve,
    run_query,
)
from aicareers.store import BACKENDS, load_dataset

from .answers import answers

CATALOG = load_catalog()
PROMPT_ENGINEER = ROLE["prompt-engineer"]
INJECTION = '"} ; DROP ALL #'
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="session")
def graph_nq(tmp_path_factory):
    """The graph built from the facts of the working tree, once per session."""
    out = tmp_path_factory.mktemp("graph")
    build(out_dir=out)
    return out / "ai-careers.nq"


@pytest.fixture(scope="session")
def datasets(graph_nq):
    return {backend: load_dataset(graph_nq, backend=backend) for backend in BACKENDS}


@pytest.fixture
def cli(capsys, monkeypatch, graph_nq):
    """Run ``aicareers query ...`` in-process on the session's graph: (status, stdout, stderr)."""

    monkeypatch.setenv("COLUMNS", "160")  # tables fit the terminal: fix its width, as CI has none

    def run(*argv, stdin=None, graph=True):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        args = ["query", *argv] + (["--graph", str(graph_nq)] if graph else [])
        status = main(args)
        out, err = capsys.readouterr()
        return status, out, err

    return run


# ------------------------------------------------------------------------------ catalogue


def test_list_shows_every_query_with_its_questions(cli):
    status, out, err = cli("--list", graph=False)
    assert status == 0 and not err
    for name, query in CATALOG.items():
        assert re.search(rf"^{re.escape(name)}\b", out, re.M), name
        assert query.question_en in out and query.question_fr in out
        for param in query.params:
            assert f"{param.var}: {param.kind}" in out


def test_list_as_json(cli):
    status, out, _ = cli("--list", "--format", "json", graph=False)
    listed = {item["name"]: item for item in json.loads(out)}
    assert status == 0 and set(listed) == set(CATALOG)
    assert all(listed[n]["question_fr"] == q.question_fr for n, q in CATALOG.items())


def test_list_in_a_real_process():
    done = subprocess.run(
        [sys.executable, "-m", "aicareers", "query", "--list"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    for name, query in CATALOG.items():
        assert name in done.stdout and query.question_en in done.stdout


def test_every_catalogue_query_has_a_complete_header():
    for query in CATALOG.values():
        assert query.question_en and query.question_fr and query.text.strip()
        assert all(p.kind in ("role", "skill", "topic", "source", "text") for p in query.params)


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("# Param: role role", "line 3"),
        ("# Param: role: job = x", "line 3"),
        ("# Question (de): Welche?", "line 3"),
        ("# Param: nowhere: role", "line 3"),
    ],
)
def test_a_malformed_header_names_file_and_line(tmp_path, line, where):
    path = tmp_path / "bad.rq"
    path.write_text(f"# Question: Which?\n# Question (fr): Lesquels ?\n{line}\nSELECT * {{ ?role ?p ?o }}\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_query_file(path)
    assert str(path) in str(caught.value) and where in str(caught.value)
    with pytest.raises(InputError):
        load_catalog(tmp_path)


def test_a_catalogue_query_needs_both_questions(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("# Question: Which?\nSELECT * { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(InputError, match="Question \\(fr\\)"):
        parse_query_file(path)
    assert parse_query_file(path, require_question=False).question_en == "Which?"


# ------------------------------------------------------------------------------ names


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "name",
    ["prompt engineer", "PROMPT ENGINEER", "ingénieur de requête", "ingenieur de requete",
     "  Ingénieur   DE requête ", "Prompt Engineer", "query engineer", "prompt-engineer",
     "role:prompt-engineer", str(PROMPT_ENGINEER), f"<{PROMPT_ENGINEER}>"],
)
def test_names_resolve_whatever_their_case_accents_or_language(datasets, backend, name):
    assert resolve(datasets[backend], "role", name) == PROMPT_ENGINEER


def test_other_kinds_resolve(datasets):
    graph = datasets["rdflib"]
    assert str(resolve(graph, "skill", "savoir coder")).endswith("/skill/coding")
    assert str(resolve(graph, "topic", "MARCHE DU TRAVAIL")).endswith("/topic/job-market")
    assert str(resolve(graph, "source", "esd-sheet")).endswith("/source/esd-sheet")
    with pytest.raises(UnknownNameError):  # a role is not a skill
        resolve(graph, "skill", "prompt engineer")


def test_the_same_answers_for_every_spelling_of_a_name(cli):
    outputs = set()
    for name in ("prompt engineer", "PROMPT ENGINEER", "ingénieur de requête", "ingenieur de requete"):
        status, out, err = cli("role-skills", "--role", name, "--format", "tsv")
        assert status == 0, err
        outputs.add(out)
    (out,) = outputs
    assert len(out.splitlines()) > 2
    status, by_param, _ = cli("role-skills", "--param", "role=Prompt Engineer", "--format", "tsv")
    assert status == 0 and by_param == out
    status, by_default, _ = cli("role-skills", "--format", "tsv")  # the default is prompt-engineer
    assert by_default == out
    status, other, err = cli("role-skills", "--role", "Développeur", "--format", "tsv")
    # No article gives the developer's skills, its framework occupations do (role_skills)
    assert status == 0 and other != out and "ESCO via " in other


def test_an_unknown_name_suggests_close_ones(cli, datasets):
    status, out, err = cli("role-skills", "--role", "prompt enginer")
    assert status == 2 and not out
    assert "unknown role 'prompt enginer'" in err and "did you mean" in err
    assert "(prompt-engineer)" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    with pytest.raises(UnknownNameError) as caught:
        resolve(datasets["oxigraph"], "role", "ingenieur systeme x")
    assert "ingénieur système (system-engineer)" in caught.value.suggestions


def test_an_unknown_query_suggests_close_names(cli):
    status, _, err = cli("role-skils")
    assert status == 2 and "unknown query 'role-skils'" in err and "did you mean" in err
    assert "'role-skills'" in err


def test_a_parameter_the_query_lacks_is_refused(cli):
    status, _, err = cli("salary-claims", "--role", "prompt-engineer")
    assert status == 2 and "no parameter 'role'" in err


# ------------------------------------------------------------------------------ injection


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "name", ['prompt engineer"} ; DROP ALL #', 'x" } UNION { ?s ?p ?o } #', "prompt-engineer> } #"]
)
def test_a_name_with_quotes_and_braces_cannot_inject(datasets, backend, name):
    size = len(datasets[backend])
    with pytest.raises(UnknownNameError):
        run_query(datasets[backend], CATALOG["evolution-paths"], {"role": name})
    assert len(datasets[backend]) == size


def test_an_injected_name_on_the_command_line_is_an_unknown_name(cli):
    status, out, err = cli("evolution-paths", "--role", 'x"} UNION { ?s ?p ?o } #')
    assert status == 2 and not out and "unknown role" in err


TEXT_QUERY = """# Param: q: text
SELECT ?role WHERE {
  ?role a aic:Role ; skos:prefLabel ?label .
  FILTER (STR(?label) = ?q)
}"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_text_parameter_is_one_literal(datasets, backend):
    dataset = datasets[backend]
    found = run_query(dataset, TEXT_QUERY, {"q": "Prompt engineer"})
    assert [row.role for row in found] == [PROMPT_ENGINEER]  # the control: binding works
    for text in (INJECTION, 'Prompt engineer" || true || "', "x\"}\n} #", "back\\slash \\u0022"):
        assert list(run_query(dataset, TEXT_QUERY, {"q": text})) == []
    free = "# Param: q: text\nSELECT ?role WHERE { ?role a aic:Role ; skos:prefLabel ?q }"
    assert len(list(run_query(dataset, free))) > 1  # unset, no default: ?q stays free
    assert list(run_query(dataset, free, {"q": INJECTION})) == []


def test_the_values_block_holds_the_literal_as_one_term():
    bound = inject_values(parse_query_text(TEXT_QUERY).text, {"q": Literal(INJECTION)})
    assert bound.count("VALUES ?q") == 1
    assert bound.replace(' VALUES ?q { "\\"} ; DROP ALL #" }', "", 1) == TEXT_QUERY
    from rdflib.plugins.sparql import prepareQuery

    prepared = prepareQuery(bound, initNs=PREFIXES)  # still one SELECT with one VALUES row
    assert [str(v) for v in prepared.algebra.PV] == ["role"]


def test_a_text_parameter_from_the_command_line(cli):
    query = TEXT_QUERY
    status, out, err = cli("-", "--param", f"q={INJECTION}", "--format", "csv", stdin=query)
    assert status == 0, err
    assert list(csv.reader(io.StringIO(out))) == [["role"]]


# ------------------------------------------------------------------------------ formats


@pytest.mark.parametrize("backend", BACKENDS)
def test_csv_is_the_sparql_csv_format(cli, datasets, backend):
    status, out, err = cli("salary-claims", "--format", "csv", "--backend", backend)
    assert status == 0, err
    assert out.endswith("\r\n")
    table = list(csv.reader(io.StringIO(out, newline="")))
    expected = run_query(datasets[backend], CATALOG["salary-claims"])
    assert table[0] == [str(v) for v in expected.vars]
    assert len(table) - 1 == len(expected) > 0
    assert table[1:] == [
        [str(row[i]) if row[i] is not None else "" for i in range(len(expected.vars))] for row in expected
    ]
    assert any("" in row for row in table[1:])  # unbound OPTIONAL values are empty fields


@pytest.mark.parametrize("backend", BACKENDS)
def test_json_is_the_sparql_json_format(cli, datasets, backend):
    status, out, err = cli("salary-claims", "--format", "json", "--backend", backend)
    assert status == 0, err
    document = json.loads(out)
    expected = run_query(datasets[backend], CATALOG["salary-claims"])
    assert document["head"]["vars"] == [str(v) for v in expected.vars]
    bindings = document["results"]["bindings"]
    assert len(bindings) == len(expected)
    for binding in bindings:
        for term in binding.values():
            assert term["type"] in ("uri", "literal", "bnode") and isinstance(term["value"], str)
            assert not ("xml:lang" in term and "datatype" in term)
    parsed = Result.parse(io.BytesIO(out.encode("utf-8")), format="json")
    assert [tuple(r) for r in parsed] == [tuple(r) for r in expected]


@pytest.mark.parametrize("backend", BACKENDS)
def test_tsv_is_the_sparql_tsv_format(cli, datasets, backend):
    status, out, err = cli("salary-claims", "--format", "tsv", "--backend", backend)
    assert status == 0, err
    lines = out.split("\n")
    assert lines[-1] == "" and all("\r" not in line for line in lines)
    expected = run_query(datasets[backend], CATALOG["salary-claims"])
    assert lines[0].split("\t") == [f"?{v}" for v in expected.vars]
    assert all(line.count("\t") == len(expected.vars) - 1 for line in lines[:-1])
    for line in lines[1:-1]:
        for field in line.split("\t"):
            assert field == "" or re.match(r'^(<[^>]*>|"(?:[^"\\]|\\.)*"(@[\w-]+|\^\^<[^>]*>)?|_:\S+)$', field)
    parsed = Result.parse(io.BytesIO(out.encode("utf-8")), format="tsv")
    assert [tuple(r) for r in parsed] == [tuple(r) for r in expected]


def test_table_is_aligned_with_short_iris(cli):
    status, out, _ = cli("evolution-paths")
    lines = out.splitlines()
    assert status == 0 and lines[0].split() == ["target", "meaning", "source", "quote"]  # the label, in place of the id
    assert "AI architect" in out and "src:esd-sheet" in out and "^^" not in out and "@en" not in out
    assert re.fullmatch(r"\(\d+ rows?\)", lines[-1])
    starts = [m.start() for m in re.finditer(r"\S+", lines[1])]
    assert all(line[s - 2:s] in ("  ", "") or s == 0 for line in lines[2:-1] for s in starts[1:]), out


def test_ask_and_construct(cli):
    status, out, _ = cli("-", stdin="ASK { ?r a aic:Role }")
    assert status == 0 and out == "true\n"
    status, out, _ = cli("-", "--format", "json", stdin="ASK { ?r a aic:Nothing }")
    assert json.loads(out) == {"head": {}, "boolean": False}
    status, out, _ = cli("-", "--backend", "oxigraph",
                         stdin="CONSTRUCT { ?r a aic:Role } WHERE { ?r a aic:Role }")
    assert status == 0 and "@prefix aic:" in out and "role:prompt-engineer a aic:Role" in out


# ------------------------------------------------------------------------------ errors


@pytest.mark.parametrize("backend", BACKENDS)
def test_malformed_sparql_from_stdin_names_line_and_column(cli, backend):
    text = "# a comment\nSELECT ?x\nWHERE {\n  ?x ?y\n}\n"
    status, out, err = cli("-", "--backend", backend, stdin=text)
    assert status == 2 and not out
    assert "line" in err and "column" in err and "Traceback" not in err
    assert re.search(r"at line [45], column \d+", err), err


@pytest.mark.parametrize("backend", BACKENDS)
def test_syntax_error_positions_ignore_the_bound_values(datasets, backend):
    query = parse_query_text("# Param: role: role = prompt-engineer\nSELECT ?x WHERE { ?role ?p ?x ) }")
    with pytest.raises(QuerySyntaxError) as caught:
        run_query(datasets[backend], query)
    assert caught.value.line == 2
    assert 30 <= caught.value.column <= 34  # the ")" is column 32 of the file's line 2


def test_an_unknown_prefix_is_located(datasets):
    with pytest.raises(QuerySyntaxError) as caught:
        run_query(datasets["rdflib"], "SELECT ?x WHERE {\n  ?x nope:p ?y }")
    assert (caught.value.line, caught.value.column) == (2, 6)


def test_a_missing_graph_says_how_to_build_it(cli, monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "GRAPH_DIR", tmp_path / "graph")
    status, out, err = cli("role-skills", graph=False)
    assert status == 2 and not out and "python build_graph.py" in err  # as serve and push say it


def test_an_unreachable_endpoint_is_one_line(cli):
    status, out, err = cli("role-skills", "--endpoint", "http://127.0.0.1:9/query", graph=False)
    assert status != 0 and not out
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and "127.0.0.1:9" in err


def test_an_on_disk_oxigraph_store_is_loaded_once_then_reused(cli, tmp_path):
    store = tmp_path / "store"
    status, first, err = cli("evolution-paths", "--store-path", str(store), "--format", "tsv")
    assert status == 0, err
    assert any(store.iterdir())
    status, again, err = cli("evolution-paths", "--store-path", str(store), "--format", "tsv", graph=False)
    assert status == 0 and again == first, err
    _, in_memory, _ = cli("evolution-paths", "--format", "tsv")
    assert sorted(first.splitlines()) == sorted(in_memory.splitlines())


def test_usage_errors(cli):
    assert cli(graph=False)[0] == 2
    assert cli("role-skills", "--list", graph=False)[0] == 2
    assert cli("role-skills", "--endpoint", "http://127.0.0.1:9/query", "--backend", "oxigraph",
               graph=False)[0] == 2


# ------------------------------------------------------------------------------ backends


#: Oxigraph (0.5) stores a literal of an integer-derived type (xsd:positiveInteger...) as an
#: xsd:integer; the value is the same, so the comparison treats them as one datatype.
@pytest.mark.parametrize("name", sorted(CATALOG))
def test_both_backends_give_the_same_answers(datasets, name):
    query = CATALOG[name]
    by_backend = {b: answers(run_query(datasets[b], query), query.text) for b in BACKENDS}
    assert by_backend["rdflib"], f"{name} has no answer on the built graph"
    # Catalogue queries say DISTINCT (or aggregate), so Oxigraph 0.5's union default graph,
    # which matches a triple once per named graph holding it (oxigraph/oxigraph#1919), gives
    # the same rows, the same number of times.
    assert Counter(by_backend["rdflib"]) == Counter(by_backend["oxigraph"])


@pytest.fixture(scope="session")
def oxigraph_one_graph(datasets):
    """Oxigraph with each triple of the graph once, in a single named graph: no union bug."""
    from rdflib import URIRef

    from aicareers.store import open_dataset

    dataset = open_dataset("oxigraph")
    graph = dataset.graph(URIRef("urn:x-test:all"))
    graph.addN((s, p, o, graph) for s, p, o in set(datasets["rdflib"].triples((None, None, None))))
    return dataset


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_both_backends_agree_exactly_on_the_same_triples(datasets, oxigraph_one_graph, name):
    """Where each triple is in one graph, the answers are the same multisets: the VALUES blocks
    (Oxigraph) bind the parameters as rdflib's initBindings do."""
    query = CATALOG[name]
    rdflib_answers = answers(run_query(datasets["rdflib"], query), query.text)
    oxigraph_answers = answers(run_query(oxigraph_one_graph, query), query.text)
    assert Counter(rdflib_answers) == Counter(oxigraph_answers)


def test_the_union_graph_difference_is_oxigraphs(datasets):
    """Why the catalogue says DISTINCT: a triple stated in two named graphs may match twice on Oxigraph."""
    from rdflib import URIRef

    uses_tool = URIRef(PREFIXES["aic"] + "usesTool")
    quads = list(datasets["rdflib"].quads((None, uses_tool, None, None)))
    triples = {quad[:3] for quad in quads}
    assert len(quads) > len(triples)  # some tool use is stated by several sources
    text = "SELECT ?s ?tool WHERE { ?s aic:usesTool ?tool }"
    assert len(run_query(datasets["rdflib"], text)) == len(triples)
    assert len(run_query(datasets["oxigraph"], text)) in (len(triples), len(quads))


@pytest.mark.server
def test_a_remote_endpoint_gives_the_same_answers(datasets):
    from aicareers.sparql.endpoint import make_server

    server = make_server(datasets["rdflib"], "127.0.0.1", 0, timeout=20)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for name in ("who-says-so", "evolution-paths", "role-skills"):
            query = CATALOG[name]
            local = answers(run_query(datasets["rdflib"], query, {"role": "ingénieur de requête"}), query.text)
            remote = run_query(None, query, {"role": "ingénieur de requête"}, endpoint=server.endpoint_url)
            assert sorted(answers(remote, query.text)) == sorted(local), name
        with pytest.raises(UnknownNameError):
            run_query(None, CATALOG["tools"], {"role": INJECTION}, endpoint=server.endpoint_url)
    finally:
        server.shutdown()
        server.server_close()


# ------------------------------------------------------------------------------ time limit


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_time_limit_stops_a_slow_query(datasets, backend):
    started = time.monotonic()
    with pytest.raises(QueryTimeoutError, match=r"query stopped after 0\.5 s"):
        run_query(datasets[backend], SLOW, timeout=0.5)
    assert time.monotonic() - started < 5
    assert multiprocessing.active_children() == []  # the evaluating process is gone


def test_the_time_limit_on_the_command_line(cli):
    started = time.monotonic()
    status, out, err = cli("-", "--timeout", "1", stdin=SLOW)
    assert status == 1 and not out and "query stopped after 1 s" in err
    assert time.monotonic() - started < 8


def test_a_query_within_the_limit_answers_as_without_it(datasets):
    query = CATALOG["role-skills"]
    for backend in BACKENDS:
        limited = run_query(datasets[backend], query, {"role": "prompt engineer"}, timeout=20)
        assert [tuple(r) for r in limited] == [tuple(r) for r in run_query(datasets[backend], query)]
    with pytest.raises(QuerySyntaxError):
        run_query(datasets["oxigraph"], "SELECT ?x WHERE { ?x }", timeout=20)


# ------------------------------------------------------------------------- output for people


def test_a_table_writes_amounts_and_durations_as_people_do(cli):
    status, out, _ = cli("salary-claims", "--lang", "fr", "--wide")
    assert status == 0
    beginner = next(line for line in out.splitlines() if line.startswith("salary:abc-beginner-annual "))
    # labels for people, not identifiers (aic:PerYear, seniority:beginner)
    assert re.split(r"\s{2,}", beginner)[:8] == [
        "salary:abc-beginner-annual", "Prompt Engineer", "60 000 €", "80 000 €", "EUR", "par an", "non précisé", "Débutant"]
    status, out, _ = cli("salary-claims", "--wide")
    assert "  €60,000   €80,000   " in out and "60000" not in out
    assert "  per year  " in out and "aic:PerYear" not in out and "seniority:" not in out and "role:" not in out
    status, out, _ = cli("salary-claims", "--format", "csv")  # the data formats keep the identifiers
    assert "https://w3id.org/ai-careers/ontology#PerYear" in out and "https://w3id.org/ai-careers/id/seniority/beginner" in out
    for lang, words in (("en", "3 years"), ("fr", "3 ans")):
        status, out, _ = cli("trainings", "--lang", lang, "--role", "prompt-engineer")
        assert out.count(f"  {words}  ") == 3 and "P3Y" not in out
    status, out, _ = cli("trainings", "--format", "tsv")  # the data formats keep the lexical form
    assert out.count('"P3Y"^^<http://www.w3.org/2001/XMLSchema#duration>') == 3


def test_a_table_fits_the_terminal_and_wide_prints_it_whole(cli):
    status, out, _ = cli("role-skills", "--role", "Prompt Engineer")  # the fixture's terminal: 160 columns
    assert status == 0 and max(len(line) for line in out.splitlines()) <= 160
    status, wide, _ = cli("role-skills", "--role", "Prompt Engineer", "--wide")
    assert status == 0 and max(len(line) for line in wide.splitlines()) > 160
    coding = next(line for line in wide.splitlines() if line.startswith("Coding "))
    assert "not needed according to the source" in coding and coding.rstrip().endswith("savoir coder.")
    assert out.splitlines()[-1] == wide.splitlines()[-1]  # the same rows, wrapped or not
