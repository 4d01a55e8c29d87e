"""Storage backends: one :class:`rdflib.Dataset` API over rdflib's memory store or Oxigraph.

``open_dataset("rdflib")`` is rdflib's pure-Python in-memory store: nothing to install or start.
``open_dataset("oxigraph")`` puts the same :class:`~rdflib.Dataset` API on top of Oxigraph (through
``oxrdflib``): SPARQL is then evaluated by Oxigraph's Rust engine, which is much faster, in memory
or, with ``path``, in a RocksDB directory that persists between runs.

Both datasets have ``default_union=True``: a query without ``GRAPH`` sees the triples of every named
graph, and both bind the project's prefixes (:data:`aicareers.namespaces.PREFIXES`), which a query
may use without declaring them.

>>> from rdflib import Literal
>>> from rdflib.namespace import RDFS
>>> from aicareers.namespaces import GRAPH, ROLE
>>> ds = open_dataset("rdflib")
>>> g = ds.graph(GRAPH.demo)
>>> _ = g.add((ROLE["prompt-engineer"], RDFS.label, Literal("Ingénieur « prompt »", lang="fr")))
>>> [str(row.label) for row in ds.query("SELECT ?label WHERE { ?r rdfs:label ?label }")]
['Ingénieur « prompt »']

The backends differ in a few visible ways; write data and queries so that they do not matter:

- Oxigraph returns a literal without language as typed ``xsd:string`` where rdflib returns a
  simple literal (the same RDF 1.1 term, but not ``==`` in rdflib): :func:`normalize_term` and
  :func:`result_rows` even this out (and the SPARQL endpoint always answers the simple form).
- Oxigraph stores typed literals in their canonical form (``"58000.50"^^xsd:decimal`` comes
  back as ``"58000.5"``, ``"1"^^xsd:boolean`` as ``"true"``), integers of a derived type as
  ``xsd:integer`` (``"1"^^xsd:positiveInteger`` comes back as ``"1"^^xsd:integer``) and language
  tags in lower case; rdflib keeps the lexical form and datatype it was given. Canonical lexical
  forms avoid the first difference; compare numbers by value for the second. (The build's output
  files are written from the parsed terms, never read back from Oxigraph, so they keep them.)
- ``ORDER BY`` on literals of different languages or datatypes (an order SPARQL leaves to the
  engine) differs: order on ``STR(?label)`` or on one language at a time.
- oxrdflib hands SPARQL text to Oxigraph, which parses it with its own parser (SPARQL 1.1 with
  RDF 1.2 additions) and its own error messages; an rdflib ``prepareQuery`` object is refused.

>>> ox = open_dataset("oxigraph")
>>> _ = ox.graph(GRAPH.demo).add((ROLE["prompt-engineer"], RDFS.label, Literal("Prompt engineer")))
>>> q = "SELECT ?label WHERE { ?r rdfs:label ?label }"
>>> [row.label.datatype for row in ox.query(q)]
[rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#string')]
>>> result_rows(ox.query(q))
[(rdflib.term.Literal('Prompt engineer'),)]
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from rdflib import Dataset, Literal
from rdflib.namespace import NamespaceManager
from rdflib.query import Result
from rdflib.term import Node, URIRef

from aicareers.errors import AiCareersError, InputError, UsageError
from aicareers.namespaces import bind_prefixes

__all__ = [
    "BACKENDS",
    "open_dataset",
    "dataset_over",
    "load_dataset",
    "backend_of",
    "normalize_term",
    "result_rows",
]

#: The backend names :func:`open_dataset` accepts, the default first.
BACKENDS: tuple[str, ...] = ("rdflib", "oxigraph")

_XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
#: rdflib's name of a dataset's default graph (``rdflib.graph.DATASET_DEFAULT_GRAPH_ID``).
_DEFAULT_GRAPH_ID = "urn:x-rdflib:default"

#: The fastest N-Quads parser of each backend (oxrdflib's loads straight into Oxigraph).
_NQUADS_FORMAT = {"rdflib": "nquads", "oxigraph": "ox-nquads"}


_CACHING_STORE = None


def _oxigraph_store_class():
    """oxrdflib's store, whose SELECT answers reuse the rdflib term of each Oxigraph term.

    oxrdflib makes a new rdflib term for every value of every solution, and making rdflib
    literals costs more than Oxigraph takes to answer a small query. The same terms come back
    again and again (labels, IRIs), so this store converts each Oxigraph term once and reuses the
    (immutable) rdflib term. The answers are exactly oxrdflib's. Defined on first use, so that
    oxrdflib is only imported when the Oxigraph backend is.
    """
    global _CACHING_STORE
    if _CACHING_STORE is not None:
        return _CACHING_STORE
    import pyoxigraph as ox
    from oxrdflib import OxigraphStore
    from oxrdflib._converter import from_ox, to_ox
    from rdflib.query import Result
    from rdflib.term import Variable

    class CachingOxigraphStore(OxigraphStore):
        cache_limit = 200_000
        #: True for a store whose default graph holds the distinct triples of its named graphs
        #: (:data:`aicareers.cache.UNION_AS_SET`): queries without GRAPH read that graph, and
        #: iterating the union leaves its copies out.
        union_in_default_graph = False

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._terms: dict = {}

        def triples(self, triple_pattern, context=None):
            found = super().triples(triple_pattern, context)
            if context is not None or not self.union_in_default_graph:
                return found
            return self._named_triples(found)

        @staticmethod
        def _named_triples(found):
            for triple, contexts in found:
                graph = next(contexts)
                if not isinstance(graph.identifier, URIRef) or str(graph.identifier) != _DEFAULT_GRAPH_ID:
                    yield triple, iter((graph,))

        def _convert(self, term):
            if term is None:
                return None
            found = self._terms.get(term)
            if found is None:
                if len(self._terms) >= self.cache_limit:
                    self._terms.clear()
                found = self._terms[term] = from_ox(term)
            return found

        def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: N803
            if not isinstance(query, str) or kwargs:  # oxrdflib's own refusals and messages
                return super().query(query, initNs, initBindings, queryGraph, **kwargs)
            from aicareers.sparql.text import has_dataset_clause

            # A query's FROM / FROM NAMED name its dataset: the union flag would override them.
            union = queryGraph == "__UNION__" and not has_dataset_clause(query) and not self.union_in_default_graph
            default = to_ox(queryGraph) if isinstance(queryGraph, Node) and not has_dataset_clause(query) else None
            return self.run(query, initNs, initBindings, union=union, default_graph=default)

        def run(self, query: str, initNs, initBindings, *, union=False, default_graph=None,  # noqa: N803
                named_graphs=None, base=None):
            """Evaluate ``query`` on Oxigraph with an explicit dataset; an rdflib Result."""
            answer = self._inner.query(
                query,
                base_iri=base,
                use_default_graph_as_union=union,
                default_graph=default_graph,
                named_graphs=named_graphs,
                prefixes=dict(self._namespace_for_prefix, **initNs),
                substitutions={ox.Variable(k): to_ox(v) for k, v in initBindings.items()},
            )
            if isinstance(answer, ox.QuerySolutions):
                out = Result("SELECT")
                out.vars = variables = [Variable(v.value) for v in answer.variables]
                convert = self._convert
                # a generator: rdflib's Result pulls it lazily, so a reader that stops early (the
                # endpoint's result-size limit) does not make Oxigraph compute every solution
                out.bindings = ({var: convert(value) for var, value in zip(variables, solution)} for solution in answer)
            elif isinstance(answer, ox.QueryBoolean):
                out = Result("ASK")
                out.askAnswer = bool(answer)
            else:
                from rdflib import Graph

                out = Result("CONSTRUCT")
                out.graph = Graph()
                out.graph += (from_ox(t) for t in answer)
            return out

    _CACHING_STORE = CachingOxigraphStore
    return _CACHING_STORE


def _new_store(backend: str):
    return "default" if backend == "rdflib" else _oxigraph_store_class()()


def _check_backend(backend: str) -> str:
    if backend not in BACKENDS:
        raise AiCareersError(
            f"unknown storage backend {backend!r}: choose one of {', '.join(BACKENDS)}"
        )
    return backend


def open_dataset(backend: str = "rdflib", path: str | os.PathLike | None = None) -> Dataset:
    """An empty (or, for an on-disk Oxigraph store, the stored) dataset of ``backend``.

    ``path`` is only for ``"oxigraph"``: the RocksDB directory, created if missing and reopened
    with its content otherwise. Only one process may hold it open at a time; call
    ``dataset.close()`` to release it. The ``"rdflib"`` backend is in memory only.

    >>> open_dataset("rdflib").default_union
    True
    >>> open_dataset("oracle")
    Traceback (most recent call last):
    ...
    aicareers.errors.AiCareersError: unknown storage backend 'oracle': choose one of rdflib, oxigraph
    """
    _check_backend(backend)
    if path is not None and backend != "oxigraph":
        raise AiCareersError(
            f"the {backend} backend keeps its data in memory only; "
            f"a store path ({path}) needs the oxigraph backend"
        )
    dataset = Dataset(store=_new_store(backend), default_union=True)
    if path is not None:
        try:
            # oxrdflib's ``open`` creates the RocksDB directory when missing and reopens it
            # otherwise (``create=True`` would refuse an existing directory).
            dataset.open(os.fspath(path), create=False)
        except OSError as error:  # locked by another process, not a store, unreadable...
            message = " ".join(str(error).split())
            raise UsageError(f"cannot open the Oxigraph store at {path}: {message}") from None
    # Only the project's prefixes (no rdflib defaults such as brick: or dcat:).
    dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="none")
    bind_prefixes(dataset)
    return dataset


def dataset_over(store, *, union_in_default_graph: bool = False) -> Dataset:
    """An rdflib :class:`~rdflib.Dataset` over an existing :class:`pyoxigraph.Store` (no copy).

    The dataset is that of ``open_dataset("oxigraph")``: default graph as the union, the project's
    prefixes. Loading a store with pyoxigraph's own bulk loader, then wrapping it, is the fastest
    way to an rdflib Dataset holding a large graph (see :mod:`aicareers.fastpath`).

    ``union_in_default_graph``: the store's default graph holds the distinct triples of its named
    graphs (the cache's stores, :data:`aicareers.cache.UNION_AS_SET`); queries without ``GRAPH``
    read it, so that each triple counts once, as in rdflib's union graph.

    >>> import pyoxigraph
    >>> store = pyoxigraph.Store()
    >>> store.load(b'<urn:x:a> <urn:x:p> "v" <urn:x:g> .', format=pyoxigraph.RdfFormat.N_QUADS)
    >>> ds = dataset_over(store)
    >>> backend_of(ds), len(ds)
    ('oxigraph', 1)
    >>> store.load(b'<urn:x:a> <urn:x:p> "v" <urn:x:h> .', format=pyoxigraph.RdfFormat.N_QUADS)
    >>> count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    >>> [int(row.n) for row in ds.query(count)]  # pyoxigraph 0.5: once per named graph
    [2]
    >>> store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    >>> ds = dataset_over(store, union_in_default_graph=True)
    >>> [int(row.n) for row in ds.query(count)], len(list(ds.quads()))
    ([1], 2)
    """
    backing = _oxigraph_store_class()(store=store)
    backing.union_in_default_graph = union_in_default_graph
    dataset = Dataset(store=backing, default_union=True)
    dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="none")
    bind_prefixes(dataset)
    return dataset


def load_dataset(
    nquads_path: str | os.PathLike,
    backend: str = "rdflib",
    path: str | os.PathLike | None = None,
) -> Dataset:
    """Open a dataset of ``backend`` (see :func:`open_dataset`) and load an N-Quads file into it.

    Quads of a named graph go to that graph, triples without a graph to the default graph. With
    an on-disk Oxigraph store, what the store already held stays (RDF has set semantics: a quad
    loaded twice is there once).

    >>> import tempfile
    >>> nq = Path(tempfile.mkdtemp()) / "demo.nq"
    >>> _ = nq.write_text('<urn:x:a> <urn:x:p> "café" <urn:x:g> .\\n', encoding="utf-8")
    >>> [len(load_dataset(nq, backend=b)) for b in BACKENDS]
    [1, 1]
    """
    _check_backend(backend)
    nquads_path = Path(nquads_path)
    if not nquads_path.is_file():
        raise InputError(str(nquads_path), None, None, "no such N-Quads file")
    from aicareers.atomic import check_complete

    check_complete(nquads_path.parent)  # never half of an interrupted build's files
    dataset = open_dataset(backend, path)
    try:
        if backend == "oxigraph":
            # Straight into Oxigraph's bulk loader: no rdflib term is built per quad.
            dataset.parse(os.fspath(nquads_path), format=_NQUADS_FORMAT[backend], transactional=False)
        else:
            dataset.parse(os.fspath(nquads_path), format=_NQUADS_FORMAT[backend])
    except Exception as error:  # both parsers' messages name the line at fault
        message = " ".join(str(error).split()) or type(error).__name__
        raise InputError(str(nquads_path), None, None, f"invalid N-Quads: {message}") from None
    return dataset


def backend_of(dataset: Dataset) -> str:
    """The backend name of a dataset made by :func:`open_dataset` (by its store's class).

    >>> backend_of(open_dataset("oxigraph")), backend_of(open_dataset())
    ('oxigraph', 'rdflib')
    """
    return "oxigraph" if any(c.__name__ == "OxigraphStore" for c in type(dataset.store).__mro__) else "rdflib"


def normalize_term(term: Node | None) -> Node | None:
    """A literal typed ``xsd:string`` as the equal simple literal; any other term unchanged.

    >>> from rdflib.namespace import XSD
    >>> normalize_term(Literal("x", datatype=XSD.string)) == Literal("x")
    True
    >>> normalize_term(Literal("3", datatype=XSD.integer)).datatype == XSD.integer
    True
    """
    if isinstance(term, Literal) and term.datatype == _XSD_STRING and term.language is None:
        return Literal(str(term))
    return term


def result_rows(result: Result | Iterable) -> list[tuple]:
    """The rows of a SELECT result as tuples of normalised terms, in the result's order.

    >>> result_rows(open_dataset().query("SELECT ?x WHERE { VALUES ?x { 1 'a' } }"))
    [(rdflib.term.Literal('1', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')),), (rdflib.term.Literal('a'),)]
    """
    return [tuple(normalize_term(term) for term in row) for row in result]
