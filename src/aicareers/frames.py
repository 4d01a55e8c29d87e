"""Query results as pandas DataFrames, for notebooks and analysts: no plumbing in the notebook.

:func:`load_graph` opens the built graph (``graph/ai-careers.nq``; built in memory when the
folder is missing), :func:`query_frame` runs a question of the catalogue (``queries/*.rq``, by
name) or any SPARQL text on it and returns a :class:`pandas.DataFrame`, and
:func:`catalogue_frame` lists the catalogue's questions.

>>> df = query_frame("evolution-paths", role="Prompt Engineer")
>>> df[["target", "targetLabel"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['role:ai-architect', 'AI architect'], ['role:ai-consultant', 'AI consultant'],
 ['role:ai-project-lead', 'AI project lead'], ['role:ai-researcher', 'AI researcher'],
 ['role:ux-expert', 'User experience (UX) expert']]
>>> df.attrs["question_fr"]
'Vers quels rôles un rôle peut-il évoluer, que signifie chaque évolution, et qui le dit ?'

Parameters are given by name, as the catalogue's ``# Param:`` lines declare them (``role``,
``other``, ``topic``...), and their values are names as a person writes them: an English or
French label (without regard to case or accents), the id, a CURIE or the IRI. SPARQL text may
use the project's prefixes without declaring them, and a parameter of SPARQL text is one of its
``# Param:`` header lines (see :mod:`aicareers.sparql.catalog`):

>>> query_frame('''
...     # Param: role: role
...     SELECT ?label WHERE { ?role skos:prefLabel ?label } ORDER BY ?label''',
...     role="architecte d'IA")["label"].tolist()
['AI architect', "Architecte d'IA"]

**Cells.** IRIs are shortened to CURIEs with the project's prefixes (``role:ai-architect``;
``curies=False`` keeps the full IRI, and an IRI no prefix covers stays whole); literals become
Python values: ``xsd:integer`` an ``int``, ``xsd:decimal`` an ``int`` when whole, else a
``float``, ``xsd:boolean`` a ``bool``, ``xsd:date`` a :class:`datetime.date`; a language-tagged
or plain literal its text. Partial dates (``xsd:gYear`` "2024", ``xsd:gYearMonth`` "2023-03")
and durations (``xsd:duration`` "P2Y") keep their lexical form, which says exactly what the
source says (a ``date(2024, 1, 1)`` would claim a precision the source does not have). A variable
left unbound is ``None`` (``NaN`` in a numeric column).

>>> from aicareers.store import open_dataset
>>> df = query_frame(
...     "SELECT ?n ?d ?y ?b ?r WHERE { VALUES (?n ?d ?y ?b ?r) "
...     "{ (1 120000.0 '2023-03'^^xsd:gYearMonth true role:x) } }", open_dataset(), curies=False)
>>> df.to_dict("records")
[{'n': 1, 'd': 120000, 'y': '2023-03', 'b': True, 'r': 'https://w3id.org/ai-careers/id/role/x'}]
"""

from __future__ import annotations

import decimal
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd
from rdflib import BNode, Dataset, Literal, URIRef

from . import paths
from .errors import InputError
from .sparql.catalog import Query, find_query, load_catalog, parse_query_text, run_query, shorten_iri
from .store import load_dataset

__all__ = ["GRAPH_FILE", "load_graph", "query_frame", "catalogue_frame", "term_value"]

#: The N-Quads file of the build, which :func:`load_graph` reads by default.
GRAPH_FILE: Path = paths.GRAPH_DIR / "ai-careers.nq"

#: Literal datatypes kept as their lexical form: partial dates and durations.
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = URIRef(_XSD + "string")
_LEXICAL_TYPES = frozenset(URIRef(_XSD + name) for name in (
    "gYear", "gYearMonth", "gMonth", "gMonthDay", "gDay", "duration", "dayTimeDuration", "yearMonthDuration"))


def load_graph(path: str | os.PathLike | None = None, backend: str | None = None) -> Dataset:
    """The dataset of the built graph, every source in its own named graph.

    ``path`` is an N-Quads file (default :data:`GRAPH_FILE`, ``graph/ai-careers.nq``). By default
    (``backend=None``) the dataset is the file's Oxigraph store in the cache
    (:func:`aicareers.cache.open_dataset`: made once per content of the file, then opened in
    milliseconds); ``backend`` ``"rdflib"`` (pure Python, the whole rdflib API) or ``"oxigraph"``
    loads the file into that store instead, see :mod:`aicareers.store`. When the default file is
    missing (a fresh checkout where ``python build_graph.py`` was not run), the graph is built in
    memory (:func:`aicareers.build.build` with ``out_dir=None``: nothing is written) and loaded from
    its N-Quads. Queries without ``GRAPH`` see every named graph (the dataset's default graph is
    their union).

    >>> ds = load_graph()
    >>> len(ds) > 1000, ds.default_union
    (True, True)
    >>> load_graph("no/such/file.nq")
    Traceback (most recent call last):
    ...
    aicareers.errors.InputError: no/such/file.nq: no such N-Quads file
    """
    if path is not None or GRAPH_FILE.is_file():
        file = Path(path) if path is not None else GRAPH_FILE
        if backend is not None:
            return load_dataset(file, backend=backend)
        if not file.is_file():
            raise InputError(str(path), None, None, "no such N-Quads file")
        from .cache import open_dataset

        return open_dataset(file)
    from .build import build

    nquads = build(out_dir=None).files["ai-careers.nq"]
    with tempfile.TemporaryDirectory(prefix="aicareers-") as folder:
        file = Path(folder) / "ai-careers.nq"
        file.write_bytes(nquads)
        return load_dataset(file, backend=backend or "rdflib")


@lru_cache(maxsize=4)
def _cached_graph(path: str, mtime: float | None) -> Dataset:
    return load_graph(None if mtime is None else path)


def _default_graph() -> Dataset:
    """:func:`load_graph` of the default file, loaded once per version of the file."""
    mtime = GRAPH_FILE.stat().st_mtime if GRAPH_FILE.is_file() else None
    return _cached_graph(str(GRAPH_FILE), mtime)


def term_value(term, *, curies: bool = True):
    """The Python value of a result cell (rules in the module docstring).

    >>> term_value(URIRef("https://w3id.org/ai-careers/id/skill/patience"))
    'skill:patience'
    >>> from rdflib.namespace import XSD
    >>> term_value(Literal("2024", datatype=XSD.gYear)), term_value(Literal("0.78", datatype=XSD.decimal))
    ('2024', 0.78)
    >>> term_value(Literal("Débutant", lang="fr")), term_value(None)
    ('Débutant', None)
    """
    if term is None:
        return None
    if isinstance(term, URIRef):
        if not curies:
            return str(term)
        short = shorten_iri(str(term))
        return str(term) if short.startswith("<") else short
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        if term.language is not None or term.datatype is None or term.datatype == _XSD_STRING:
            return str(term)
        if term.datatype in _LEXICAL_TYPES or term.ill_typed:
            return str(term)
        value = term.toPython()
        if isinstance(value, Literal):  # a datatype rdflib does not map to Python
            return str(term)
        if isinstance(value, decimal.Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        return value
    return str(term)


def _query(name_or_sparql: str | Query) -> Query:
    if isinstance(name_or_sparql, Query):
        return name_or_sparql
    text = str(name_or_sparql).strip()
    if text and not any(c.isspace() or c in "{}?$#" for c in text):
        return find_query(text, load_catalog())  # a name: UnknownQueryError says which are close
    return parse_query_text(str(name_or_sparql), name="<sparql>")


def query_frame(
    name_or_sparql: str | Query,
    graph=None,
    *,
    curies: bool = True,
    timeout: float | None = None,
    **params: str,
) -> pd.DataFrame:
    """The answer of a catalogue query (by name, e.g. ``"salary-claims"``) or of SPARQL text.

    ``graph`` is a dataset or graph of :mod:`aicareers.store` (default: :func:`load_graph`'s,
    loaded once); ``params`` bind the query's parameters by their names (values are names in
    French or English, ids or IRIs: see the module docstring); a parameter left out takes its
    default. ``curies`` shortens IRIs to CURIEs; ``timeout`` (seconds) stops a long query.

    A SELECT gives one column per variable, in the query's order; an ASK a one-cell frame
    (column ``ask``); a CONSTRUCT or DESCRIBE one row per triple (``subject``, ``predicate``,
    ``object``). ``df.attrs`` holds the query's ``name``, ``question_en``, ``question_fr`` and
    the ``params`` given.

    >>> query_frame("evolution-path")
    Traceback (most recent call last):
    ...
    aicareers.sparql.catalog.UnknownQueryError: unknown query 'evolution-path'; did you mean 'evolution-paths'? (`aicareers query --list` lists them)
    >>> query_frame("evolution-paths", role="query engineer").shape
    (5, 5)
    """
    query = _query(name_or_sparql)
    if graph is None:
        graph = _default_graph()
    result = run_query(graph, query, params or None, timeout=timeout)
    if result.type == "ASK":
        frame = pd.DataFrame({"ask": [bool(result.askAnswer)]})
    elif result.type in ("CONSTRUCT", "DESCRIBE"):
        rows = sorted(result.graph, key=lambda t: tuple(x.n3() for x in t))
        frame = pd.DataFrame(
            [[term_value(t, curies=curies) for t in triple] for triple in rows],
            columns=["subject", "predicate", "object"],
        )
    else:
        columns = [str(v) for v in result.vars or []]
        records = [[term_value(row.get(v), curies=curies) for v in (result.vars or [])]
                   for row in result.bindings]
        frame = pd.DataFrame.from_records(records, columns=columns) if records else pd.DataFrame(columns=columns)
    frame.attrs.update({
        "name": query.name,
        "question_en": query.question_en,
        "question_fr": query.question_fr,
        "params": dict(params),
    })
    return frame


def catalogue_frame(directory: str | os.PathLike | None = None) -> pd.DataFrame:
    """The catalogue's questions: ``name``, ``question_en``, ``question_fr`` and ``params``
    (``var: kind = default`` for each parameter), one row per query, by name.

    >>> cat = catalogue_frame()
    >>> cat.set_index("name").loc["evolution-paths", "params"]
    'role: role = prompt-engineer'
    """
    rows = []
    for name, query in load_catalog(directory).items():
        params = ", ".join(
            f"{p.var}: {p.kind}" + (f" = {p.default}" if p.default is not None else "") for p in query.params
        )
        rows.append({"name": name, "question_en": query.question_en, "question_fr": query.question_fr,
                     "params": params})
    return pd.DataFrame(rows, columns=["name", "question_en", "question_fr", "params"])

