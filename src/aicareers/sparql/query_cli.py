"""``aicareers query``: ask a question of the catalogue (``queries/*.rq``), or any SPARQL query.

Examples::

    aicareers query --list
    aicareers query role-skills --role "ingénieur de requête"
    aicareers query evolution-paths --param role=prompt-engineer --format csv
    aicareers query my-query.rq --backend oxigraph --store-path /tmp/ai-careers-store
    echo 'SELECT ?r WHERE { ?r a aic:Role }' | aicareers query - --format json
    aicareers query role-skills --endpoint http://localhost:7878/query

The data is ``graph/ai-careers.nq`` (``--graph`` for another file): by default its Oxigraph store
in the cache (:mod:`aicareers.cache`, made once per content of the file), or with ``--backend``
the file loaded into that backend; with ``--endpoint``, whatever a SPARQL endpoint serves. Errors
are one line; a malformed query or an unknown name exits with status 2.

Labels are English, or French with ``--lang fr``. A question of the catalogue asked about a name
(``--role``, ``--topic``, ...) that gets no row says so on standard error, and what the sources do
cover (e.g. "No source gives a training for AI project lead; trainings are known for: Prompt
engineer"): the sources say nothing of it, exit status 4. The answer itself (an empty table, or
the standard SPARQL results in csv, tsv and json) is printed as usual.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from aicareers import errors, paths
from aicareers.cliargs import http_url, memory_size, positive_seconds
from aicareers.errors import AiCareersError, InputError

if TYPE_CHECKING:  # the handler imports the catalogue: listing the commands does not
    from aicareers.sparql.catalog import Query

__all__ = ["register", "run", "load_query", "open_data", "list_catalog"]

#: The output formats and parameter kinds of :mod:`aicareers.sparql.catalog` (``FORMATS``,
#: ``PARAM_KINDS``; a test checks they agree), written here so that registering loads nothing more.
FORMATS = ("table", "csv", "tsv", "json")
PARAM_KINDS = ("role", "skill", "topic", "source", "text")

#: The parameters that have a shorthand option (``--role X`` is ``--param role=X``).
SHORTHANDS = tuple(kind for kind in PARAM_KINDS if kind != "text")

DEFAULT_GRAPH_NAME = "ai-careers.nq"


class UsageError(errors.UsageError):
    """The command line asks for something contradictory or incomplete."""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "query",
        help="answer a question of the catalogue (queries/*.rq) or run any SPARQL query",
        description="Answer a question of the catalogue (queries/*.rq), or run any SPARQL query.",
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "query", nargs="?", metavar="NAME|FILE|-",
        help="a query of the catalogue by name, a .rq file, or - to read the query from stdin",
    )
    parser.add_argument("--list", action="store_true", help="list the questions of the catalogue")
    parser.add_argument(
        "--param", "-p", action="append", default=[], metavar="VAR=VALUE",
        help="bind a parameter: an English or French name, an id or an IRI (repeatable)",
    )
    for kind in SHORTHANDS:
        parser.add_argument(f"--{kind}", metavar="NAME", help=f"the same as --param {kind}=NAME")
    parser.add_argument("--lang", choices=("en", "fr"), default="en",
                        help="language of the labels of the catalogue's answers (default: en)")
    parser.add_argument("--format", "-f", choices=FORMATS, default="table",
                        help="output format (default: %(default)s); csv, tsv and json are the "
                             "SPARQL 1.1 results formats")
    parser.add_argument("--wide", action="store_true",
                        help="print the table whole, one line per row (default: wrap long cells to fit the terminal)")
    parser.add_argument("--backend", choices=("rdflib", "oxigraph"), default=None,
                        help="load the graph into this store for this call (default: the graph's "
                             "Oxigraph store in the cache, made once; oxigraph with --store-path)")
    parser.add_argument("--store-path", type=Path, metavar="DIR",
                        help="an on-disk Oxigraph store: loaded from the graph when empty, "
                             "reused as is otherwise (give --graph to load into it again)")
    parser.add_argument("--endpoint", metavar="URL", type=http_url,
                        help="query a remote SPARQL endpoint instead of local data")
    parser.add_argument("--graph", type=Path, metavar="FILE",
                        help=f"the data (default: graph/{DEFAULT_GRAPH_NAME})")
    parser.add_argument("--timeout", type=positive_seconds, metavar="S",
                        help="stop the query after S seconds (default: no limit locally)")
    parser.add_argument("--max-memory", type=memory_size, metavar="SIZE", default=None,
                        help="stop a local query that needs more memory than SIZE beyond the data "
                             "(e.g. 512M, 2G; default: half of this machine's memory; 0: no limit)")
    parser.set_defaults(handler=run)


# ------------------------------------------------------------------------------ the query


def _catalog_names(directory: Path) -> list[str]:
    return sorted(p.name[:-3] for p in directory.glob("*.rq")) if directory.is_dir() else []


def load_query(argument: str, *, stdin=None, directory: Path | None = None) -> Query:
    """The query a command line names: ``-`` (stdin), a ``.rq`` file, or a catalogue name."""
    from aicareers.sparql.catalog import find_query, parse_query_file, parse_query_text

    directory = Path(directory if directory is not None else paths.QUERIES_DIR)
    if argument == "-":
        return parse_query_text((stdin or sys.stdin).read(), name="<stdin>")
    path = Path(argument)
    looks_like_path = argument.endswith(".rq") or "/" in argument or os.sep in argument
    if path.is_file() and (looks_like_path or not (directory / f"{argument}.rq").is_file()):
        return parse_query_file(path, require_question=False)
    name = argument[:-3] if argument.endswith(".rq") and "/" not in argument else argument
    if (directory / f"{name}.rq").is_file():
        return parse_query_file(directory / f"{name}.rq")
    if looks_like_path and "/" in argument:
        raise InputError(argument, None, None, "no such query file")
    return find_query(argument, dict.fromkeys(_catalog_names(directory)))  # raises, with names


def _bindings(args: argparse.Namespace) -> dict[str, str]:
    from aicareers.sparql.catalog import QueryParameterError

    bindings: dict[str, str] = {}
    for item in args.param:
        var, equals, value = item.partition("=")
        var = var.strip().lstrip("?$")
        if not equals or not var:
            raise QueryParameterError(f"--param {item!r}: write --param VAR=VALUE, e.g. role=prompt-engineer")
        if var in bindings:
            raise QueryParameterError(f"parameter {var!r} is given twice")
        bindings[var] = value
    for kind in SHORTHANDS:
        value = getattr(args, kind, None)
        if value is not None:
            if kind in bindings:
                raise QueryParameterError(f"parameter {kind!r} is given twice (--{kind} and --param)")
            bindings[kind] = value
    return bindings


# ------------------------------------------------------------------------------- the data


def open_data(args: argparse.Namespace):
    """The local dataset the command line asks for (see the options); None with --endpoint.

    Without ``--backend`` or ``--store-path``, an N-Quads file is answered from its store in the
    cache (:func:`aicareers.cache.open_dataset`); other files are parsed into rdflib's store.
    """
    if args.endpoint:
        if args.graph or args.backend or args.store_path:
            raise UsageError("--endpoint queries a remote store: --graph, --backend and "
                             "--store-path are for local data")
        return None
    backend = args.backend or ("oxigraph" if args.store_path else "rdflib")
    if args.store_path and backend != "oxigraph":
        raise UsageError("--store-path is an on-disk Oxigraph store: use --backend oxigraph")
    graph_file = args.graph or paths.GRAPH_DIR / DEFAULT_GRAPH_NAME
    cached = args.backend is None and args.store_path is None and graph_file.suffix in (".nq", ".nquads")
    if cached and graph_file.is_file():
        from aicareers.cache import open_dataset as cached_dataset

        return cached_dataset(graph_file)
    from aicareers.store import load_dataset, open_dataset

    if args.store_path and args.graph is None and args.store_path.is_dir() and any(args.store_path.iterdir()):
        dataset = open_dataset("oxigraph", args.store_path)
        if len(dataset):
            return dataset
        dataset.close()
    if not graph_file.is_file():
        if args.graph is not None:
            raise InputError(str(graph_file), None, None, "no such graph file")
        raise UsageError(f"no graph at {graph_file}: run `python build_graph.py` first")
    if graph_file.suffix in (".nq", ".nquads"):
        return load_dataset(graph_file, backend=backend, path=args.store_path)
    from rdflib.util import guess_format

    dataset = open_dataset(backend, args.store_path)
    try:
        dataset.parse(os.fspath(graph_file), format=guess_format(os.fspath(graph_file)) or "turtle")
    except Exception as error:  # noqa: BLE001 - any parser's message, on one line
        raise InputError(str(graph_file), None, None, " ".join(str(error).split())) from None
    return dataset


def _cached_store(args: argparse.Namespace, query: Query):
    """The graph's pyoxigraph store in the cache, when it answers this command line directly
    (:mod:`aicareers.sparql.direct`): a SELECT or an ASK of the catalogue on local N-Quads data,
    no backend, time or memory limit asked for. None otherwise: :func:`open_data` then says what
    to load.

    Only the catalogue's own questions, whose cost is known, skip the guarded evaluator: a query
    someone wrote (a file, stdin) runs in a child process bounded in memory and nesting.
    """
    from aicareers.sparql.direct import answers_directly

    if args.endpoint or args.backend or args.store_path or args.timeout is not None or args.max_memory is not None:
        return None
    if query.path is None or query.path.resolve().parent != Path(paths.QUERIES_DIR).resolve():
        return None
    graph_file = args.graph or paths.GRAPH_DIR / DEFAULT_GRAPH_NAME
    if graph_file.suffix not in (".nq", ".nquads") or not graph_file.is_file() or not answers_directly(query):
        return None
    from aicareers.cache import open_store

    return open_store(graph_file)


# ------------------------------------------------------------------------------- commands


def list_catalog(fmt: str = "table", directory: Path | None = None) -> str:
    """The catalogue: each query's name, parameters and question, in English and French."""
    from aicareers.sparql.catalog import load_catalog

    catalog = load_catalog(directory)
    if fmt == "json":
        return json.dumps([
            {"name": q.name, "question": q.question_en, "question_fr": q.question_fr,
             "params": [{"var": p.var, "kind": p.kind, "default": p.default} for p in q.params]}
            for q in catalog.values()
        ], ensure_ascii=False, indent=1) + "\n"
    lines = []
    for query in catalog.values():
        params = ", ".join(
            f"{p.var}: {p.kind}" + (f" = {p.default}" if p.default is not None else "") for p in query.params
        )
        lines.append(query.name + (f"  [{params}]" if params else ""))
        lines.append(f"    {query.question_en}")
        lines.append(f"    fr: {query.question_fr}")
    return "\n".join(lines) + ("\n" if lines else "")


def run(args: argparse.Namespace) -> int:
    if args.list:
        if args.query:
            raise UsageError("give either --list or a query, not both")
        sys.stdout.write(list_catalog(args.format))
        return 0
    if not args.query:
        raise UsageError("give a query NAME, a .rq FILE or - (stdin); `aicareers query --list` lists them")
    query = load_query(args.query)
    catalogued = _catalogued(query)
    if catalogued:  # a query someone wrote says its own languages
        from aicareers.sparql.catalog import in_language

        query = in_language(query, getattr(args, "lang", "en"))
    bindings = _bindings(args)
    store = _cached_store(args, query)
    if store is not None:  # the common case, answered without loading rdflib
        from aicareers.cache import UNION_AS_SET
        from aicareers.sparql.catalog import format_boolean, format_rows
        from aicareers.sparql.direct import answer_rows

        union = not UNION_AS_SET
        answer = answer_rows(store, query, bindings, union=union)
        if isinstance(answer, bool):
            sys.stdout.write(format_boolean(answer, args.format))
            return 0
        sys.stdout.write(format_rows(*answer, args.format, lang=getattr(args, "lang", "en"), wide=args.wide))
        if answer[1] or not catalogued:
            return 0

        def count(given: dict[str, str]) -> int:
            found = answer_rows(store, query, given, union=union)
            return len(found[1]) if not isinstance(found, bool) else 1

        def select(text: str) -> list[list]:
            from aicareers.prefixes import PREFIXES

            return [list(row) for row in store.query(text, prefixes=PREFIXES, use_default_graph_as_union=union)]

        return _say_empty(query, bindings, args.lang, count, select)
    from aicareers.sparql.catalog import format_result, run_query

    dataset = open_data(args)
    try:
        from aicareers.sparql.limits import default_max_memory

        max_memory = default_max_memory() if args.max_memory is None else args.max_memory or None
        if dataset is None:  # a remote endpoint: its own limits apply
            max_memory = None
        result = run_query(dataset, query, bindings, endpoint=args.endpoint, timeout=args.timeout,
                           max_memory=max_memory)
        sys.stdout.write(format_result(result, args.format, lang=getattr(args, "lang", "en"), wide=args.wide))
        if result.type != "SELECT" or len(result.bindings) or not catalogued or dataset is None:
            return 0

        def count(given: dict[str, str]) -> int:
            return len(run_query(dataset, query, given, timeout=args.timeout, max_memory=max_memory).bindings)

        def select(text: str) -> list[list]:
            from aicareers.prefixes import PREFIXES

            return [list(row) for row in dataset.query(text, initNs=PREFIXES)]

        return _say_empty(query, bindings, args.lang, count, select)
    finally:
        if dataset is not None and args.store_path:
            dataset.close()  # releases the on-disk store's lock


def _catalogued(query: Query) -> bool:
    """Whether ``query`` is a question of the catalogue (whose languages and empty answers the
    command knows), not a file or text someone wrote."""
    return query.path is not None and query.path.resolve().parent == Path(paths.QUERIES_DIR).resolve()


#: What an answer without rows says when its query has no ``# Empty:`` line.
_DEFAULT_EMPTY = {
    "en": "No source answers this question for {name}; it has answers for: {known}.",
    "fr": "Aucune source ne répond à cette question pour {name} ; elle a des réponses pour : {known}.",
}
_NOTHING = {"en": "nothing", "fr": "rien"}
#: The kinds whose every entity is tried to say what the sources cover (skills are too many).
_LISTED_KINDS = ("role", "topic", "source")


def _labels(select, named, lang: str) -> dict[str, str]:
    """The label in ``lang`` (else the name given) of each entity parameter's value, by variable."""
    from aicareers.sparql.catalog import _entity_query, choose_entity, collect_entities
    from aicareers.sparql.results import term_parts

    labels: dict[str, str] = {}
    for param, value in named:
        iri = choose_entity(collect_entities(select(_entity_query(param.kind))), param.kind, value)
        rows = select(f'SELECT ?label WHERE {{ <{iri}> skos:prefLabel ?label FILTER (lang(?label) = "{lang}") }}')
        texts = sorted(term_parts(row[0]).text for row in rows)
        labels[param.var] = texts[0] if texts else value
    return labels


def _say_empty(query: Query, bindings: dict[str, str], lang: str, count, select) -> int:
    """A catalogue question that got no row: say on standard error whether that is because the
    sources say nothing of the name asked about (exit status :data:`errors.NOT_KNOWN`, with what
    they do cover) or a true empty answer (no name asked about: status 0).

    ``count(bindings)`` is how many rows the query answers with those bindings; ``select(text)``
    the rows (terms) of a SPARQL SELECT on the same data.
    """
    from aicareers.sparql.catalog import KIND_CLASSES, parameter_values
    from aicareers.sparql.results import term_parts

    named = [(param, value) for param, value in parameter_values(query, bindings) if param.kind != "text"]
    if not named:  # a question about everything: no row is the sources' answer
        return 0
    labels = _labels(select, named, lang)
    param = next((p for p, _ in named if p.kind in _LISTED_KINDS), named[0][0])
    known: list[str] = []
    if param.kind in _LISTED_KINDS:
        classes = " ".join(f"<{c}>" for c in KIND_CLASSES[param.kind])
        rows = select(f"""SELECT DISTINCT ?entity ?label WHERE {{
  VALUES ?class {{ {classes} }} ?entity a/rdfs:subClassOf* ?class ; skos:prefLabel ?label .
  FILTER (isIRI(?entity) && lang(?label) = "{lang}") }}""")
        others = sorted({(term_parts(label).text, term_parts(entity).text) for entity, label in rows})
        for label, iri in others:
            if count({**bindings, param.var: iri}):
                known.append(label)
    template = query.empty.get(lang) or query.empty.get("en") or _DEFAULT_EMPTY[lang]
    values = {p.var: labels.get(p.var, v) for p, v in named}
    values.setdefault("name", labels.get(param.var, ""))
    values["known"] = ", ".join(known) or _NOTHING[lang]
    try:
        message = template.format(**values)
    except (KeyError, IndexError, ValueError):  # a template that names no parameter of its query
        message = _DEFAULT_EMPTY[lang].format(name=values["name"], known=values["known"])
    sys.stderr.write(message + "\n")
    return errors.NOT_KNOWN
