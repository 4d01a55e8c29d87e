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
  back as ``"58000.5"``, ``"1"^^xsd:boolean`` as ``"true"``) and language tags in lower case;
  rdflib keeps the lexical form it was given. Canonical lexical forms avoid the difference.
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

from aicareers.errors import AiCareersError, InputError
from aicareers.namespaces import bind_prefixes

__all__ = [
    "BACKENDS",
    "open_dataset",
    "load_dataset",
    "backend_of",
    "normalize_term",
    "result_rows",
]

#: The backend names :func:`open_dataset` accepts, the default first.
BACKENDS: tuple[str, ...] = ("rdflib", "oxigraph")

_XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")

#: rdflib's store plugin name for each backend.
_STORE_PLUGIN = {"rdflib": "default", "oxigraph": "Oxigraph"}
#: The fastest N-Quads parser of each backend (oxrdflib's loads straight into Oxigraph).
_NQUADS_FORMAT = {"rdflib": "nquads", "oxigraph": "ox-nquads"}


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
    dataset = Dataset(store=_STORE_PLUGIN[backend], default_union=True)
    if path is not None:
        try:
            # oxrdflib's ``open`` creates the RocksDB directory when missing and reopens it
            # otherwise (``create=True`` would refuse an existing directory).
            dataset.open(os.fspath(path), create=False)
        except OSError as error:  # locked by another process, not a store, unreadable...
            message = " ".join(str(error).split())
            raise AiCareersError(f"cannot open the Oxigraph store at {path}: {message}") from None
    # Only the project's prefixes (no rdflib defaults such as brick: or dcat:).
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
    return "oxigraph" if type(dataset.store).__name__ == "OxigraphStore" else "rdflib"


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
