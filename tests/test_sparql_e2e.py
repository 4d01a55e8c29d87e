"""Every catalogue query, end to end: through `aicareers serve` and through a real Oxigraph server
after `aicareers push`, with the same answers as the embedded store."""

from __future__ import annotations

import sys
from collections import Counter

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from aicareers.cli import main
from aicareers.sparql.catalog import load_catalog, run_query
from aicareers.store import load_dataset

from .answers import answers

from .servers import free_port, oxigraph_server, running

CATALOGUE = load_catalog()


@pytest.fixture(scope="module")
def embedded(built, built_dir):
    return load_dataset(built_dir / "ai-careers.nq")


@pytest.fixture(scope="module")
def served(built, built_dir, tmp_path_factory):
    """`aicareers serve` over the built graph (Oxigraph, its default store), on a free loopback port."""
    port = free_port()
    command = [sys.executable, "-m", "aicareers", "serve", "--graph", str(built_dir / "ai-careers.nq"), "--port", str(port)]
    with running(command, f"http://127.0.0.1:{port}/", tmp_path_factory.mktemp("serve") / "serve.log"):
        yield f"http://127.0.0.1:{port}/sparql"


@pytest.fixture(scope="module")
def oxigraph_pushed(built, built_dir, tmp_path_factory):
    """A real Oxigraph server that `aicareers push` filled with the built graph."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        status = main(["push", "--graph", str(built_dir / "ai-careers.nq"), "--endpoint", base])
        assert status == 0
        yield base


@pytest.mark.server
@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_catalogue_query_through_our_endpoint(name, embedded, served):
    query = CATALOGUE[name]
    assert Counter(answers(run_query(None, query, endpoint=served), query.text)) == Counter(answers(run_query(embedded, query), query.text))


@pytest.mark.server
@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_catalogue_query_on_oxigraph_after_push(name, embedded, oxigraph_pushed):
    query = CATALOGUE[name]
    assert Counter(answers(run_query(None, query, endpoint=oxigraph_pushed), query.text)) == Counter(
        answers(run_query(embedded, query), query.text)
    )


@pytest.mark.server
def test_push_puts_each_source_in_its_own_named_graph(oxigraph_pushed):
    rows = run_query(None, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", endpoint=oxigraph_pushed)
    graphs = {str(g).rsplit("/", 1)[-1] for g, _ in rows}
    assert graphs == {"ontology", "knowledge-base", "abc-article", "esd-sheet", "news-article", "esco", "rome", "onet",
                      "nesta-crosswalk"}


@pytest.mark.server
def test_sparqlwrapper_reads_the_evolution_paths_from_our_endpoint(served):
    client = SPARQLWrapper(served)
    client.setQuery(
        """PREFIX aic: <https://w3id.org/ai-careers/ontology#>
           SELECT ?to WHERE { <https://w3id.org/ai-careers/id/role/prompt-engineer> aic:canEvolveTo ?to }"""
    )
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    assert sorted(b["to"]["value"].rsplit("/", 1)[-1] for b in bindings) == [
        "ai-architect", "ai-consultant", "ai-project-lead", "ai-researcher", "ux-expert",
    ]  # fmt: skip


@pytest.mark.server
def test_the_query_command_against_a_remote_endpoint(oxigraph_pushed, capsys):
    assert main(["query", "tools", "--endpoint", oxigraph_pushed, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "tool,label,source,quote"
    assert sum("tool/chatgpt" in line for line in lines) == 2


def test_an_unreachable_endpoint_is_a_one_line_error(capsys):
    url = f"http://127.0.0.1:{free_port()}"
    assert main(["query", "tools", "--endpoint", url]) != 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and url in err
