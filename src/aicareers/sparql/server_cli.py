"""The ``serve`` and ``push`` commands: the graph behind a SPARQL endpoint, or in any SPARQL store.

``aicareers serve`` starts the read-only SPARQL 1.1 Protocol endpoint of
:mod:`aicareers.sparql.endpoint` on 127.0.0.1 over the built graph; ``aicareers push`` uploads
the built graph, one named graph per source plus the ontology, to a store that speaks the
SPARQL 1.1 Graph Store HTTP Protocol (Oxigraph, Fuseki, GraphDB, Virtuoso, ...).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import paths
from ..cliargs import count, http_url, memory_size, port, positive_seconds
from ..errors import UsageError

DEFAULT_GRAPH_FILE = paths.GRAPH_DIR / "ai-careers.nq"
#: :data:`aicareers.store.BACKENDS` (a test checks they agree), written here so that registering
#: the commands loads no rdflib.
BACKENDS = ("rdflib", "oxigraph")


def load_built_graph(graph_file: Path = DEFAULT_GRAPH_FILE, backend: str | None = "rdflib", store_path: Path | None = None):
    """The built graph (N-Quads) in a dataset of ``backend``; a clear error if it was not built.

    ``backend=None`` (and no ``store_path``): the graph's Oxigraph store in the cache
    (:func:`aicareers.cache.open_dataset`, made once per content of the file).
    """
    if not Path(graph_file).is_file():
        raise UsageError(f"{graph_file} not found: run `python build_graph.py` first")
    if backend is None and store_path is None:
        from ..cache import open_dataset

        return open_dataset(graph_file)
    from ..store import load_dataset

    return load_dataset(graph_file, backend=backend or "oxigraph", path=store_path)


def add_store_arguments(parser: argparse.ArgumentParser, cached: bool = False) -> None:
    parser.add_argument("--graph", type=Path, default=DEFAULT_GRAPH_FILE, help="the built graph, N-Quads (default: %(default)s)")
    if cached:
        parser.add_argument("--backend", choices=BACKENDS, default=None,
                            help="load the graph into this embedded store at start-up (default: its "
                                 "Oxigraph store in the cache, made once; oxigraph with --store-path)")
    else:
        parser.add_argument("--backend", choices=BACKENDS, default="rdflib", help="embedded store (default: %(default)s)")
    parser.add_argument("--store-path", type=Path, help="on-disk Oxigraph store folder (with --backend oxigraph)")


def register(subparsers) -> None:
    serve = subparsers.add_parser("serve", help="serve the graph through a read-only SPARQL 1.1 endpoint")
    add_store_arguments(serve, cached=True)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    serve.add_argument("--port", type=port, default=8000, help="port (default: %(default)s; 0 picks a free one)")
    serve.add_argument("--timeout", type=positive_seconds, default=10.0, help="query time limit in seconds (default: %(default)s)")
    serve.add_argument("--max-results", type=count, default=10000, help="result rows at most (default: %(default)s)")
    serve.add_argument("--max-workers", type=count, default=4, help="queries evaluated at once (default: %(default)s)")
    serve.add_argument("--max-memory", metavar="SIZE", type=memory_size,
                       help="memory one query may take beyond the data, e.g. 512M or 2G; 503 past it "
                            "(default: half of this machine's memory shared among the workers; 0: no limit)")
    # Serving defaults to the cache's Oxigraph store: with the frameworks in the graph, rdflib's
    # engine takes over ten seconds on some catalogue queries sent with their parameters bound by VALUES.
    serve.set_defaults(handler=_serve)

    push = subparsers.add_parser("push", help="upload the graph to a SPARQL store (Graph Store HTTP Protocol)")
    add_store_arguments(push)
    push.add_argument("--endpoint", required=True, type=http_url, help="the store's base or query URL, e.g. http://127.0.0.1:7878")
    push.add_argument("--store", type=http_url, help="its Graph Store Protocol URL, when not <endpoint>/store (Oxigraph's)")
    push.add_argument("--append", action="store_true", help="add to the remote graphs instead of replacing them")
    push.add_argument("--timeout", type=positive_seconds, default=60.0,
                      help="time limit of the whole push in seconds (default: %(default)s)")
    push.add_argument("--atomic", action="store_true",
                      help="all or nothing: upload into staging graphs, then move them into place in one "
                           "SPARQL Update request (for stores that speak SPARQL Update)")
    push.add_argument("--update", type=http_url, metavar="URL",
                      help="with --atomic: the store's SPARQL Update URL, when not <endpoint>/update (Oxigraph's)")
    push.set_defaults(handler=_push)


def _serve(args: argparse.Namespace) -> int:
    from .endpoint import serve

    dataset = load_built_graph(args.graph, args.backend, args.store_path)
    serve(dataset, args.host, args.port, timeout=args.timeout, max_results=args.max_results,
          max_workers=args.max_workers, max_memory=args.max_memory)
    return 0


def _push(args: argparse.Namespace) -> int:
    from .remote import push

    if args.update and not args.atomic:
        raise UsageError("--update is the SPARQL Update URL of an --atomic push: give --atomic too")
    dataset = load_built_graph(args.graph, args.backend, args.store_path)
    counts = push(dataset, args.endpoint, store_url=args.store, replace=not args.append, timeout=args.timeout,
                  atomic=args.atomic, update_url=args.update)
    width = max(len(graph) for graph in counts) if counts else 0
    for graph, triples in sorted(counts.items()):
        print(f"{graph:<{width}}  {triples:>8} triples")
    print(f"pushed {sum(counts.values())} triples in {len(counts)} graphs")
    return 0
