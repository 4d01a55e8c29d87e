"""``aicareers query`` from the cache without rdflib (:mod:`aicareers.sparql.direct`): the same text
as the catalogue's runner on a Dataset over the same store, byte for byte."""

from __future__ import annotations

import io
import re
import sys

import pytest
from rdflib import Literal

from aicareers import cache
from aicareers.cli import main
from aicareers.sparql import catalog
from aicareers.sparql.catalog import FORMATS, format_result, load_catalog, parse_query_text, run_query
from aicareers.sparql.direct import answer_text, answers_directly

CATALOG = load_catalog()


@pytest.fixture(scope="module")
def nq(built, built_dir):
    return built_dir / "ai-careers.nq"


@pytest.fixture(scope="module")
def dataset(nq):
    return cache.open_dataset(nq)


@pytest.fixture(scope="module")
def store(nq):
    return cache.open_store(nq)


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_every_catalogue_query_prints_as_the_catalogue_runner_prints_it(dataset, store, name):
    query = CATALOG[name]
    assert answers_directly(query)
    for fmt in FORMATS:
        expected = format_result(run_query(dataset, query), fmt)
        assert answer_text(store, query, None, fmt) == expected, fmt


PARAMETERS = [
    ("evolution-paths", {"role": "ingenieur de requete"}),
    ("shared-skills", {"role": "Prompt Engineer", "other": "Architecte d’IA"}),
    ("role-skills", {"role": "AI architect"}),
    ("claims-about-topic", {"topic": "salary"}),
]


@pytest.mark.parametrize("name, params", PARAMETERS, ids=[p[0] for p in PARAMETERS])
def test_parameters_are_bound_alike(dataset, store, name, params):
    query = CATALOG[name]
    assert answer_text(store, query, params, "json") == format_result(run_query(dataset, query, params), "json")


@pytest.mark.parametrize("text, params", [
    ("ASK { ?r a aic:Role }", {}),
    ("# Param: role: role\nASK { ?role a aic:Skill }", {"role": "prompt-engineer"}),
    ("# Param: t: text\nSELECT ?t WHERE { }", {"t": 'dit "oui" \\ {}'}),
])  # fmt: skip
def test_ask_and_text_parameters(dataset, store, text, params):
    query = parse_query_text(text)
    for fmt in ("table", "json"):
        assert answer_text(store, query, params, fmt) == format_result(run_query(dataset, query, params), fmt)


@pytest.mark.parametrize("text, params", [
    ("SELECT ?x WHERE {\n  ?x ?y\n}", {}),
    ("SELECT ?x WHERE { ?x nope:p ?y }", {}),
    ("# Param: role: role\nSELECT ?x WHERE { ?role ?p ?x ) }", {"role": "Prompt Engineer"}),
    ("# Param: role: role\nSELECT ?x WHERE { ?role ?p ?x }", {"role": "promt enginer"}),
    ("# Param: role: role\nSELECT ?x WHERE { ?role ?p ?x }", {"rol": "Prompt Engineer"}),
])  # fmt: skip
def test_errors_say_the_same(dataset, store, text, params):
    query = parse_query_text(text)
    with pytest.raises(catalog.AiCareersError) as expected:
        run_query(dataset, query, params)
    with pytest.raises(type(expected.value)) as caught:
        answer_text(store, query, params)
    assert str(caught.value) == str(expected.value)


def test_construct_goes_the_rdflib_way(nq, capsys, monkeypatch):
    query = "CONSTRUCT { ?r a aic:Role } WHERE { ?r a aic:Role } ORDER BY ?r LIMIT 1"
    assert not answers_directly(parse_query_text(query))
    monkeypatch.setattr(sys, "stdin", io.StringIO(query))
    assert main(["query", "-", "--graph", str(nq)]) == 0
    assert "a aic:Role" in capsys.readouterr().out


def test_the_command_line_answers_directly(nq, capsys, monkeypatch):
    calls = []
    real = cache.open_dataset
    monkeypatch.setattr(cache, "open_dataset", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert main(["query", "evolution-paths", "--graph", str(nq), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("target,targetLabel,")
    assert calls == []  # no rdflib Dataset was made


def test_the_shortened_iris_follow_the_rule_of_a_clean_local_name():
    """:func:`catalog.clean_local` is the regular expression it replaces, for every character
    first, inside and last (the expression took longer to compile than a query takes)."""
    pattern = re.compile(r"[A-Za-z0-9_\u00b7-\uffff](?:[\w.\-\u00b7-\uffff]*[\w\-\u00b7-\uffff])?|")
    characters = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    for shape in ("{}", "a{}b", "a{}", "{}a", "a{}{}"):
        for c in characters:
            text = shape.format(c, c)
            assert catalog.clean_local(text) == bool(pattern.fullmatch(text)), repr(text)


@pytest.mark.parametrize("text", ['plain', 'dit "oui"', "back\\slash", "a\rb", "tab\there", '"} ; DROP ALL #'])
def test_a_text_parameter_is_written_as_rdflib_writes_it(text):
    assert catalog._literal_n3(text) == Literal(text).n3()
