"""Every catalogue query on a second, independent SPARQL engine: Apache Jena ARQ (Debian's 4.5.0).

Each query gets the parameters the other catalogue tests give it (its defaults, resolved to IRIs
and written into the text as a ``VALUES`` block, as for any remote endpoint) and runs with Jena ARQ
over the built ``ai-careers.trig``, the union of the named graphs as its default graph (what the
README asks of an endpoint). Its answers must be those of the embedded store: the same rows as
multisets of plain values, in the same order where the query says ORDER BY.
"""

from __future__ import annotations

import io
from collections import Counter

import pytest
from rdflib.query import Result

from aicareers.sparql.catalog import bind_parameters, inject_values, load_catalog, run_query
from aicareers.sparql.remote import with_project_prefixes
from aicareers.store import load_dataset

from .answers import answers
from .jena_arq import compile_runner, run_queries

CATALOGUE = load_catalog()


@pytest.fixture(scope="module")
def embedded(built, built_dir):
    return load_dataset(built_dir / "ai-careers.nq")


def final_text(query, dataset) -> str:
    """The text an endpoint receives for ``query``: its parameters bound, the project's prefixes declared."""
    return with_project_prefixes(inject_values(query.text, bind_parameters(dataset, query)))


GRAPH = "https://w3id.org/ai-careers/id/graph/"

#: Queries outside the catalogue that show where Jena ARQ and the embedded stores agree or differ
#: (the README's section on endpoints says what they show).
PROBES = {
    "union-count": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "quad-count": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    # ARQ's name for the graph stored as default, whatever the union setting: the build puts nothing there
    "stored-default-graph": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:x-arq:DefaultGraph> { ?s ?p ?o } }",
    "from": f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}rome> FROM <{GRAPH}esco> WHERE {{ ?s ?p ?o }}",
    "from-unknown": "SELECT (COUNT(*) AS ?n) FROM <https://example.org/no-such-graph> WHERE { ?s ?p ?o }",
    "from-named": f"SELECT ?g (COUNT(*) AS ?n) FROM NAMED <{GRAPH}rome> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g",
    "literal-forms": 'SELECT ?v WHERE { VALUES ?v { "007"^^xsd:integer 60000.0 "60000.50"^^xsd:decimal "a"@EN-GB } }',
    # queries/preparation.rq before aa08265: an outer variable (?occupationRecord) inside a BIND
    # of a UNION branch, which SPARQL evaluates apart from the outer pattern, so it is unbound there
    "outer-variable-in-union": """SELECT ?occupation ?record WHERE {
        role:ai-researcher skos:broadMatch ?occupation .
        OPTIONAL { ?occupation aic:sourceRecord ?occupationRecord }
        { ?occupation aic:accessConditions ?says . BIND (?occupationRecord AS ?record) }
        UNION { ?occupation aic:jobZone ?zone . BIND ("zone" AS ?record) }
    }""",
}


@pytest.fixture(scope="module")
def jena(built, built_dir, embedded, tmp_path_factory):
    """Every catalogue query's and probe's answer from Jena ARQ, by name (one JVM for all of them)."""
    work = tmp_path_factory.mktemp("jena")
    texts = {name: final_text(query, embedded) for name, query in CATALOGUE.items()}
    texts.update({f"probe-{name}": with_project_prefixes(text) for name, text in PROBES.items()})
    raw = run_queries(compile_runner(work), built_dir / "ai-careers.trig", texts, work)
    return {name: Result.parse(io.BytesIO(body), format="json") for name, body in raw.items()}


def ordered(text: str) -> bool:
    """Whether the query's outermost SELECT orders its rows."""
    return "ORDER BY" in text.upper().rsplit("}", 1)[-1]


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_catalogue_query_on_jena_arq(name, embedded, jena):
    query = CATALOGUE[name]
    ours = answers(run_query(embedded, query), query.text)
    theirs = answers(jena[name], query.text)
    assert ours, f"{name} has no answer on the built graph"
    assert [str(v) for v in jena[name].vars] == [str(v) for v in run_query(embedded, query).vars]
    assert Counter(theirs) == Counter(ours)
    if ordered(query.text):
        assert theirs == ours


def values(result) -> list[tuple]:
    """Rows as (lexical form, datatype, language) of each term, as the engine wrote them."""
    return [tuple(None if t is None else (str(t), str(getattr(t, "datatype", None) or ""), getattr(t, "language", None))
                  for t in row) for row in result]


def probe(name, embedded, jena):
    """A probe's rows from Jena ARQ and from the embedded store, as written."""
    return values(jena[f"probe-{name}"]), values(run_query(embedded, PROBES[name]))


INTEGER = ("http://www.w3.org/2001/XMLSchema#integer",)


def test_the_union_default_graph_counts_each_triple_once_like_the_embedded_store(embedded, jena):
    assert probe("union-count", embedded, jena)[0] == probe("union-count", embedded, jena)[1]
    jena_quads, our_quads = probe("quad-count", embedded, jena)
    assert jena_quads == our_quads
    assert int(jena_quads[0][0][0]) > int(probe("union-count", embedded, jena)[0][0][0][0])  # some triples are in two graphs


def test_every_triple_is_in_a_named_graph(jena):
    """So an endpoint without the union default graph answers every catalogue query with nothing."""
    assert values(jena["probe-stored-default-graph"]) == [(("0",) + INTEGER + (None,),)]


@pytest.mark.parametrize("name", ["from", "from-unknown", "from-named"])
def test_from_and_from_named_pick_graphs_of_the_dataset(name, embedded, jena):
    theirs, ours = probe(name, embedded, jena)
    assert theirs == ours
    assert (theirs[0][-1][0] == "0") == (name == "from-unknown")


def test_literal_forms(embedded, jena):
    """Jena writes an integer of a query in canonical form ("007" is 7) and keeps a decimal's and a
    language tag's as written; rdflib keeps them all as written."""
    theirs, ours = probe("literal-forms", embedded, jena)
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert sorted(theirs, key=str) == sorted([
        (("7", xsd + "integer", None),), (("60000.0", xsd + "decimal", None),),
        (("60000.50", xsd + "decimal", None),), (("a", "", "EN-GB"),),
    ], key=str)
    assert (("007", xsd + "integer", None),) in ours and (("a", "", "EN-GB"),) in ours


def test_jena_binds_an_outer_variable_inside_a_union_branch(embedded, jena):
    """SPARQL evaluates a UNION branch apart from the pattern before it: rdflib leaves ?record
    unbound there; Jena ARQ 4.5 binds it (why queries/preparation.rq no longer does this)."""
    theirs, ours = probe("outer-variable-in-union", embedded, jena)
    def records(rows):
        return sorted(str(row[1]) for row in rows if row[1] is None or row[1][0] != "zone")
    assert records(ours) == ["None"]
    assert len(records(theirs)) == 1 and records(theirs)[0] != "None"
