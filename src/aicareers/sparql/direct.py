"""Questions of the catalogue answered straight from a pyoxigraph store, without rdflib.

``aicareers query`` answers from the graph's store in the cache (:mod:`aicareers.cache`). Going
through rdflib would cost more than the answer: importing rdflib and its SPARQL machinery (which
oxrdflib loads) takes about a third of a second, Oxigraph a few milliseconds. This module does
what :func:`aicareers.sparql.catalog.run_query` and :func:`~aicareers.sparql.catalog.format_result`
do on a Dataset over the same store, with the catalogue's own pieces (names resolved by
:func:`~aicareers.sparql.catalog.choose_entity`, parameters bound by ``VALUES`` blocks, the same
formats), so the text printed is the same, byte for byte (tested on every catalogue query).

CONSTRUCT and DESCRIBE queries (printed as Turtle by rdflib's serialiser) and queries with a time
limit (evaluated in a forked process by the catalogue's runner) take the rdflib way:
:func:`answers_directly` says which.

>>> import pyoxigraph
>>> store = pyoxigraph.Store()
>>> store.load(b'<https://w3id.org/ai-careers/id/role/writer> a <https://w3id.org/ai-careers/ontology#Role> ; '
...            b'<http://www.w3.org/2004/02/skos/core#prefLabel> "R\\xc3\\xa9dacteur"@fr .',
...            format=pyoxigraph.RdfFormat.TURTLE)
>>> q = parse_query_text("# Param: role: role\\nSELECT ?label WHERE { ?role skos:prefLabel ?label }")
>>> print(answer_text(store, q, {"role": "redacteur"}, "tsv"), end="")
?label
"Rédacteur"@fr
"""

from __future__ import annotations

from collections.abc import Mapping

from aicareers.prefixes import PREFIXES, sparql_prologue  # noqa: F401  (sparql_prologue: for callers)
from aicareers.sparql.catalog import (
    _FORM,
    Parts,
    Query,
    _check_kind,
    _entity_query,
    _injected,
    _mask,
    choose_entity,
    collect_entities,
    format_boolean,
    format_rows,
    oxigraph_syntax_error,
    parameter_values,
    parse_query_text,  # noqa: F401  (the doctest's)
)

__all__ = ["answers_directly", "answer_text", "answer_rows"]


def answers_directly(query: Query) -> bool:
    """Whether :func:`answer_text` answers ``query``: a SELECT or an ASK.

    >>> answers_directly(parse_query_text("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"))
    False
    """
    form = _FORM.search(_mask(query.text))
    return form is not None and form.group(1).upper() in ("SELECT", "ASK")


def _run(store, text: str, union: bool):
    return store.query(text, prefixes=PREFIXES, use_default_graph_as_union=union)


def _terms(store, query: Query, bindings: Mapping[str, str] | None, union: bool) -> dict[str, Parts]:
    """The term of each parameter, as :func:`~aicareers.sparql.catalog.bind_parameters` makes it."""
    terms: dict[str, Parts] = {}
    for param, value in parameter_values(query, bindings):
        if param.kind == "text":
            terms[param.var] = Parts("literal", value)
            continue
        _check_kind(param.kind)
        rows = ((solution[0], solution[1], solution[2]) for solution in _run(store, _entity_query(param.kind), union))
        terms[param.var] = Parts("uri", choose_entity(collect_entities(rows), param.kind, value))
    return terms


def answer_text(store, query: Query, bindings: Mapping[str, str] | None = None, fmt: str = "table", *,
                union: bool = False) -> str:
    """The answer of ``query`` (a SELECT or an ASK) on a :class:`pyoxigraph.Store`, in ``fmt``.

    ``bindings`` name the parameters' values as :func:`~aicareers.sparql.catalog.run_query` takes
    them; ``union``: the store's default graph is not the union of its named graphs, ask Oxigraph
    for that union (the cache's stores hold it in their default graph: False).
    """
    answer = answer_rows(store, query, bindings, union=union)
    if isinstance(answer, bool):
        return format_boolean(answer, fmt)
    return format_rows(*answer, fmt)


def answer_rows(store, query: Query, bindings: Mapping[str, str] | None = None, *,
                union: bool = False) -> bool | tuple[list[str], list[list]]:
    """The answer of ``query`` on a :class:`pyoxigraph.Store`: an ASK's boolean, or a SELECT's
    variables and rows (lists of pyoxigraph terms, None where unbound); see :func:`answer_text`."""
    import pyoxigraph

    terms = _terms(store, query, bindings, union)
    text, shifts = _injected(query.text, terms)
    try:
        answer = _run(store, text, union)
    except SyntaxError as error:  # Oxigraph's parser: the catalogue's message and place
        raise oxigraph_syntax_error(error, query.text, shifts) from None
    if isinstance(answer, pyoxigraph.QueryBoolean):
        return bool(answer)
    variables = [variable.value for variable in answer.variables]
    return variables, [list(solution) for solution in answer]
