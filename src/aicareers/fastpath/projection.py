"""The networkx projection of a graph held in Oxigraph, read from the store in one pass.

:func:`aicareers.projection.project` walks an rdflib graph with many small lookups: fine on rdflib's
in-memory store, slow through oxrdflib, where each lookup crosses into Rust and back (and literals
come back typed ``xsd:string``). Here the union graph is read out of the store once into
:class:`IndexStore`, a read-only rdflib store of plain dictionaries that loads several times
faster than rdflib's memory store, and :func:`~aicareers.projection.project` runs on an rdflib
:class:`~rdflib.Graph` over it: the same code, so the same projection (``tests/test_fastpath.py``
compares them). The build computes it once (:meth:`aicareers.build.Build.projection`).
"""

from __future__ import annotations

from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.store import Store

from ..projection import project

__all__ = ["IndexStore", "union_graph_of", "project_store"]

_XSD_STRING = str(XSD.string)
_NO_CONTEXT: tuple = ()


class IndexStore(Store):
    """A read-only triple store of three dictionary indexes (subject, predicate, object first).

    >>> from rdflib import Graph, Literal, URIRef
    >>> a, p = URIRef("urn:x:a"), URIRef("urn:x:p")
    >>> store = IndexStore()
    >>> store.add_triples([(a, p, Literal("v")), (a, p, Literal("v"))])
    >>> g = Graph(store=store)
    >>> len(g), str(g.value(a, p)), list(g.subjects(p, Literal("v")))
    (1, 'v', [rdflib.term.URIRef('urn:x:a')])
    """

    context_aware = False
    formula_aware = False
    transaction_aware = False
    graph_aware = False

    def __init__(self, configuration=None, identifier=None):
        super().__init__(configuration, identifier)
        self._spo: dict = {}
        self._pos: dict = {}
        self._osp: dict = {}
        self._size = 0

    def add_triples(self, triples: Iterable[tuple]) -> None:
        """Add triples (each once): the only way in; the graph is then read-only.

        Every index keeps the order the triples came in (dictionaries, not sets), so that what
        reads the graph meets them in that order, in every process.
        """
        spo, pos, osp = self._spo, self._pos, self._osp
        for s, p, o in triples:
            objects = spo.setdefault(s, {}).setdefault(p, {})
            if o in objects:
                continue
            objects[o] = None
            pos.setdefault(p, {}).setdefault(o, {})[s] = None
            osp.setdefault(o, {}).setdefault(s, {})[p] = None
            self._size += 1

    def add(self, triple, context, quoted=False):  # pragma: no cover - read-only
        raise TypeError("IndexStore is read-only: fill it with add_triples()")

    def remove(self, triple, context=None):  # pragma: no cover - read-only
        raise TypeError("IndexStore is read-only")

    def __len__(self, context=None) -> int:
        return self._size

    def contexts(self, triple=None):
        return iter(())

    def triples(self, pattern, context=None) -> Iterator:
        s, p, o = pattern
        none = _NO_CONTEXT
        if s is not None:
            by_predicate = self._spo.get(s)
            if not by_predicate:
                return
            if p is not None:
                objects = by_predicate.get(p, ())
                if o is not None:
                    if o in objects:
                        yield (s, p, o), iter(none)
                    return
                for x in list(objects):
                    yield (s, p, x), iter(none)
                return
            for pp, objects in list(by_predicate.items()):
                for x in list(objects):
                    if o is None or x == o:
                        yield (s, pp, x), iter(none)
            return
        if p is not None:
            by_object = self._pos.get(p)
            if not by_object:
                return
            if o is not None:
                for x in list(by_object.get(o, ())):
                    yield (x, p, o), iter(none)
                return
            for oo, subjects in list(by_object.items()):
                for x in list(subjects):
                    yield (x, p, oo), iter(none)
            return
        if o is not None:
            for ss, predicates in list(self._osp.get(o, {}).items()):
                for pp in list(predicates):
                    yield (ss, pp, o), iter(none)
            return
        for ss, by_predicate in list(self._spo.items()):
            for pp, objects in list(by_predicate.items()):
                for x in list(objects):
                    yield (ss, pp, x), iter(none)


def _terms():
    iris: dict[str, URIRef] = {}

    def term(t):
        if isinstance(t, ox.NamedNode):
            value = t.value
            found = iris.get(value)
            if found is None:
                found = iris[value] = URIRef(value)
            return found
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        if t.datatype.value == _XSD_STRING:
            return Literal(t.value)
        return Literal(t.value, datatype=URIRef(t.datatype.value))

    return term


def union_graph_of(store: ox.Store) -> Graph:
    """The union graph of ``store`` as a read-only rdflib graph (over :class:`IndexStore`).

    The triples go in sorted by their N-Triples text (Oxigraph's own order follows its internal
    term ids): a graph read from the same data lists them in the same order, in any process.
    """
    term = _terms()
    quads = sorted(store, key=lambda q: f"{q.subject} {q.predicate} {q.object}")
    index = IndexStore()
    index.add_triples((term(q.subject), term(q.predicate), term(q.object)) for q in quads)
    del quads
    return Graph(store=index)


def project_store(store: ox.Store):
    """:func:`aicareers.projection.project` of the union graph of ``store``."""
    return project(union_graph_of(store))
