"""Run a SPARQL query on either store with the same RDF dataset and base IRI.

Both stores of :mod:`aicareers.store` answer a query without a dataset clause over the union of
their named graphs. What a query (or a protocol request) says about its dataset must give the
same answer on both:

- ``FROM <g>`` makes ``<g>`` the default graph (several ``FROM`` merge); a graph the store lacks
  is empty. ``FROM NAMED <g>`` makes ``<g>`` one of the graphs ``GRAPH`` sees. A query with
  ``FROM NAMED`` and no ``FROM`` has an empty default graph (SPARQL 1.1, section 13.2).
- The protocol's ``default-graph-uri`` and ``named-graph-uri`` (a :class:`ProtocolDataset`)
  replace the query's dataset clause altogether (SPARQL 1.1 Protocol, section 2.1.4).
- Nothing is ever fetched from the web: a ``FROM`` IRI names a graph of the store.
- ``base`` resolves the relative IRIs of a query without ``BASE``.

>>> from rdflib import URIRef
>>> from aicareers.store import BACKENDS, open_dataset
>>> nq = '<urn:x:a> <urn:x:p> "1" <urn:x:g1> .\\n<urn:x:b> <urn:x:p> "2" <urn:x:g2> .\\n'
>>> for backend in BACKENDS:
...     ds = open_dataset(backend)
...     _ = ds.parse(data=nq, format="nquads")
...     count = "SELECT (COUNT(*) AS ?n) {}WHERE {{ ?s ?p ?o }}"
...     print(backend, [int(next(iter(execute(ds, count.format(clause))))[0])
...                     for clause in ("", "FROM <urn:x:g1> ", "FROM <urn:x:nowhere> ", "FROM NAMED <urn:x:g1> ")],
...           int(next(iter(execute(ds, count.format(""), dataset=ProtocolDataset(named=(URIRef("urn:x:g2"),)))))[0]))
rdflib [2, 1, 0, 0] 0
oxigraph [2, 1, 0, 0] 0
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from rdflib import URIRef
from rdflib.query import Result
from rdflib.term import Node

from aicareers.store import backend_of

__all__ = ["ProtocolDataset", "execute", "prepare_rdflib"]


@dataclass(frozen=True)
class ProtocolDataset:
    """The dataset a protocol request names: its default graphs and its named graphs.

    Either may be empty: ``named-graph-uri`` alone gives an empty default graph, and
    ``default-graph-uri`` alone no named graphs.
    """

    default: tuple[URIRef, ...] = ()
    named: tuple[URIRef, ...] = ()


def _no_downloads() -> None:
    import rdflib.plugins.sparql

    # rdflib fetches a FROM IRI from the web when the store has no such graph; never do that.
    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


def prepare_rdflib(text: str, init_ns: Mapping[str, str] | None = None, base: str | None = None):
    """rdflib's parsed and translated query (its parser's exceptions propagate)."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text, initNs=dict(init_ns or {}), base=base)


def _with_dataset(prepared, dataset: ProtocolDataset):
    """``prepared`` with its dataset clause replaced by the protocol's (rdflib's algebra)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    clauses = [CompValue("DatasetClause", default=iri) for iri in dataset.default]
    clauses += [CompValue("DatasetClause", named=iri) for iri in dataset.named]
    if not clauses:  # neither default nor named graphs: an empty dataset, and rdflib needs one clause
        clauses = [CompValue("DatasetClause", named=URIRef("urn:aicareers:no-graph"))]
    prepared.algebra["datasetClause"] = clauses
    return prepared


def execute(
    store_dataset,
    query,
    *,
    init_ns: Mapping[str, str] | None = None,
    init_bindings: Mapping[str, Node] | None = None,
    dataset: ProtocolDataset | None = None,
    base: str | None = None,
) -> Result:
    """Evaluate ``query`` (text, or an rdflib prepared query on the rdflib store) on ``store_dataset``.

    ``init_ns``: prefixes the query may use undeclared (default: those the dataset binds).
    ``init_bindings``: variables bound to terms (never pasted into the text). ``dataset``: the
    protocol's dataset, replacing the query's ``FROM``. ``base``: the base IRI. Errors of the
    query text propagate as each engine raises them (pyparsing's or Oxigraph's ``SyntaxError``).
    """
    prefixes = dict(init_ns) if init_ns is not None else {p: str(n) for p, n in store_dataset.namespaces()}
    bindings = dict(init_bindings or {})
    if backend_of(store_dataset) == "oxigraph":
        if not isinstance(query, str):
            raise TypeError("Oxigraph evaluates SPARQL text, not an rdflib prepared query")
        return _execute_oxigraph(store_dataset, query, prefixes, bindings, dataset, base)
    _no_downloads()
    prepared = prepare_rdflib(query, prefixes, base) if isinstance(query, str) else query
    if dataset is not None:
        prepared = _with_dataset(prepared, dataset)
    return store_dataset.query(prepared, initBindings=bindings)


def _execute_oxigraph(store_dataset, text, prefixes, bindings, dataset, base) -> Result:
    import pyoxigraph as ox

    from aicareers.sparql.text import has_dataset_clause

    store = store_dataset.store
    if dataset is not None:
        return store.run(text, prefixes, bindings, default_graph=[ox.NamedNode(str(g)) for g in dataset.default],
                         named_graphs=[ox.NamedNode(str(g)) for g in dataset.named], base=base)
    # without a dataset clause, the union of the named graphs, as on the rdflib store (a cache
    # store already holds that union, as a set, in its default graph)
    union = not has_dataset_clause(text) and not store.union_in_default_graph
    return store.run(text, prefixes, bindings, union=union, base=base)
