"""The build: ontology + hand-kept facts + the official frameworks, validated, written to ``graph/``.

Outputs (all deterministic, byte-identical from one build to the next):

- ``ai-careers.ttl``: the whole graph in Turtle;
- ``ai-careers.trig`` and ``ai-careers.nq``: the same, each source's statements in its own named
  graph (plus the ontology, the knowledge base, and one graph per framework: ESCO, ROME, O*NET);
- ``ai-careers.jsonld``: JSON-LD compacted with the project's prefixes;
- ``build-report.json`` and ``build-report.md``: each framework's version and counts, counts per
  class and per source, and warnings;
- ``docs/ontology.html``: the ontology's documentation, every class and property with its label
  and definition, in English (:mod:`aicareers.ontodoc`, pyLODE), linked to
- ``docs/shapes.html``: the SHACL shapes in words, and an example of each class from the graph
  (:mod:`aicareers.shapedoc`).

With no download given, the frameworks come from their committed AI-careers slices
(``facts/esco``, ``facts/rome``, ``facts/onet``); ``--esco``, ``--rome`` and ``--onet`` merge whole
downloads instead (any subset), on the fast path when they are large.

Nothing is written until everything is read, checked and rendered: a malformed record or a
graph that breaks a shape stops the build with the file, record and field at fault, and the
previous outputs stay as they were.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths
from .errors import AiCareersError

#: The storage backends of a build; "auto" picks Oxigraph for large framework downloads.
BUILD_BACKENDS = ("auto", "rdflib", "oxigraph")
#: With ``backend="auto"``, framework files weighing at least this many bytes in all are built
#: with the Oxigraph fast path (the committed slices weigh a few hundred kilobytes; a full ESCO
#: download about 50 MB).
AUTO_OXIGRAPH_BYTES = 2_000_000
FRAMEWORK_KEYS = ("esco", "rome", "onet", "crosswalk")


def __getattr__(name: str):
    # OUTPUT_NAMES and Build are re-exported from aicareers.assembly, which imports rdflib: loaded
    # on first use, so that `aicareers --help` (which registers this module's command) stays light.
    if name in ("OUTPUT_NAMES", "Build", "Stopwatch"):
        from . import assembly

        return getattr(assembly, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def framework_paths(facts_dir: str | Path, given: dict[str, list] | None) -> dict[str, list[Path]]:
    """Each framework's paths: the download given for it, else its committed slice in ``facts_dir``."""
    from .frameworks.registry import default_paths

    chosen = default_paths(facts_dir)
    for key, value in (given or {}).items():
        if value:
            chosen[key] = [Path(p) for p in value]
    return chosen


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


def choose_backend(backend: str, frameworks: dict[str, list] | str | Path | None,
                   facts_dir: str | Path = paths.FACTS_DIR) -> str:
    """The backend a build uses: ``backend`` itself, or for ``"auto"`` the size rule above.

    ``frameworks``: the downloads given (key -> paths), or one ESCO folder as before. The committed
    slices alone are built on rdflib's store (the reference path); given downloads weighing
    :data:`AUTO_OXIGRAPH_BYTES` or more, on the fast path.

    >>> choose_backend("auto", None), choose_backend("oxigraph", None)
    ('rdflib', 'oxigraph')
    """
    if backend not in BUILD_BACKENDS:
        raise AiCareersError(f"unknown build backend {backend!r}: choose one of {', '.join(BUILD_BACKENDS)}")
    if backend != "auto":
        return backend
    if frameworks is not None and not isinstance(frameworks, dict):
        frameworks = {"esco": [frameworks]}
    size = sum(_size(Path(p)) for paths_ in (frameworks or {}).values() for p in paths_ or ())
    return "oxigraph" if size >= AUTO_OXIGRAPH_BYTES else "rdflib"


def assemble(
    facts_dir: str | Path = paths.FACTS_DIR,
    ontology: str | Path = paths.ONTOLOGY,
    *,
    frameworks: dict[str, list] | None = None,
    selections: dict | None = None,
    versions: dict | None = None,
    progress: bool = False,
    seeds_dir: str | Path | None = paths.SEEDS_DIR,
):
    """Read everything into one rdflib dataset; returns it, the warnings and the frameworks' summary."""
    from rdflib import URIRef
    from rdflib.namespace import OWL, RDF

    from .assembly import (assemble_own, framework_summary, framework_warnings, import_frameworks, info_of,
                           mapping_targets)

    dataset, warnings = assemble_own(facts_dir, ontology, seeds_dir=seeds_dir)
    reports = import_frameworks(dataset, framework_paths(facts_dir, frameworks), selections=selections,
                                progress=progress, versions=versions)
    graphs = [dataset.graph(info_of(key).graph) for key in reports]

    def is_imported(target) -> bool:
        return any(next(g.objects(target, RDF.type), None) is not None for g in graphs)

    def version_of(source: URIRef) -> str:
        return next((str(v) for g in graphs for v in g.objects(source, OWL.versionInfo)), "")

    warnings += framework_warnings(reports, mapping_targets(dataset), is_imported)
    return dataset, sorted(set(warnings)), framework_summary(reports, version_of)


def build(
    out_dir: str | Path | None = paths.GRAPH_DIR,
    *,
    facts_dir: str | Path = paths.FACTS_DIR,
    ontology: str | Path = paths.ONTOLOGY,
    shapes: str | Path = paths.SHAPES,
    frameworks: dict[str, list] | None = None,
    selections: dict | None = None,
    versions: dict | None = None,
    progress: bool = False,
    esco_dir: str | Path | None = None,
    esco_occupations: set[str] | None = None,
    esco_progress: bool = False,
    seeds_dir: str | Path | None = paths.SEEDS_DIR,
    backend: str = "auto",
) -> Build:
    """Assemble, validate, render and (when ``out_dir`` is given) write the graph.

    ``frameworks``: downloads to merge, framework key (``esco``, ``rome``, ``onet``) -> paths
    (zips or folders); a framework not given comes from its slice in ``facts_dir``.
    ``selections``: key -> the occupations (or ROME job sheets) to keep. ``esco_dir``,
    ``esco_occupations`` and ``esco_progress`` are the older spelling for ESCO alone.

    ``backend``: ``"rdflib"`` (everything in rdflib's memory store, validated by pyshacl on the
    whole graph), ``"oxigraph"`` (the fast path, :mod:`aicareers.fastpath`: the same graph and
    N-Quads, for whole frameworks) or ``"auto"`` (the default: Oxigraph when the framework files
    are large, see :data:`AUTO_OXIGRAPH_BYTES`).
    """
    frameworks = dict(frameworks or {})
    selections = dict(selections or {})
    if esco_dir is not None:
        frameworks["esco"] = [esco_dir]
    if esco_occupations:
        selections["esco"] = set(esco_occupations)
    progress = progress or esco_progress
    options = dict(facts_dir=facts_dir, ontology=ontology, shapes=shapes, frameworks=frameworks,
                   selections=selections, versions=versions, progress=progress, seeds_dir=seeds_dir)
    if choose_backend(backend, frameworks, facts_dir) == "oxigraph":
        from .fastpath.pipeline import build_oxigraph

        return build_oxigraph(out_dir, **options)
    return build_rdflib(out_dir, **options)


def build_rdflib(out_dir, *, facts_dir, ontology, shapes, frameworks, selections, versions, progress, seeds_dir) -> Build:
    """The rdflib path of :func:`build` (same arguments)."""
    from rdflib import Graph

    from . import iris
    from .assembly import Build, Stopwatch, make_report, report_files
    from .atomic import write_set
    from .shapedoc import documentation
    from .serialize import to_jsonld, to_nquads, to_trig, to_turtle, union_graph
    from .validate import check_graph

    clock = Stopwatch()
    dataset, warnings, summary = assemble(
        facts_dir, ontology, frameworks=frameworks, selections=selections, versions=versions,
        progress=progress, seeds_dir=seeds_dir,
    )  # fmt: skip
    clock.lap("import")
    graph = union_graph(dataset)
    clock.lap("union")
    check_graph(graph, shapes=Graph().parse(shapes, format="turtle"), ontology=dataset.graph(iris.ONTOLOGY_GRAPH))
    clock.lap("validate")
    report = make_report(dataset, graph, warnings, summary)
    clock.lap("report")
    files = {}
    for name, render in (
        ("ai-careers.ttl", lambda: to_turtle(graph)),
        ("ai-careers.trig", lambda: to_trig(dataset)),
        ("ai-careers.nq", lambda: to_nquads(dataset)),
        ("ai-careers.jsonld", lambda: to_jsonld(graph)),
    ):
        files[name] = render()
        clock.lap(name)
    files.update(report_files(report))
    # in the output set: the pages switch with the graph they document
    files.update(documentation(ontology, shapes, graph))
    clock.lap("docs")
    if out_dir is not None:
        write_set(out_dir, files)
        clock.lap("write")
    return Build(dataset, graph, report, files, backend="rdflib", timings=clock.laps)


# ------------------------------------------------------------------------------- command line


def register(subparsers) -> None:
    parser = subparsers.add_parser("build", help="build the graph into graph/ (validated, deterministic)")
    add_arguments(parser)
    parser.set_defaults(handler=_run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=paths.GRAPH_DIR, help="output folder (default: %(default)s)")
    parser.add_argument("--facts", type=Path, default=paths.FACTS_DIR, help="hand-kept facts folder")
    parser.add_argument("--seeds", type=Path, default=paths.SEEDS_DIR, help="source texts, to check quotes")
    parser.add_argument(
        "--esco", type=Path, nargs="+", action="extend", metavar="ZIP_OR_DIR",
        help="ESCO as the European Commission distributes it (the classification zip(s) and the relations "
             "zip, or their folders), merged in place of the slice in facts/esco",
    )  # fmt: skip
    parser.add_argument("--esco-version", metavar="V", help="with --esco: the ESCO version, when the files do not say it")
    parser.add_argument("--rome", type=Path, nargs="+", action="extend", metavar="ZIP_OR_DIR",
                        help="ROME 4.0 as France Travail distributes it (RefRomeCsv zip or folder), in place of facts/rome")
    parser.add_argument("--onet", type=Path, nargs="+", action="extend", metavar="ZIP_OR_DIR",
                        help="the O*NET text database (zip or folder), in place of facts/onet")
    parser.add_argument("--onet-version", metavar="V", help="with --onet: the O*NET version, when the files do not say it")
    parser.add_argument("--crosswalk", type=Path, nargs="+", action="extend", metavar="FILE_OR_DIR",
                        help="Nesta's ESCO to O*NET crosswalk (the folder holding esco_onet_crosswalk_Nov2020.csv), "
                             "in place of facts/crosswalks")
    parser.add_argument(
        "--esco-occupation", dest="esco_occupations", action="append", metavar="IRI",
        help="with --esco: keep only this occupation and its skills (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--backend", choices=BUILD_BACKENDS, default="auto",
        help="store and engines: rdflib (embedded, pure Python), oxigraph (the fast path for whole frameworks) "
             "or auto (oxigraph for large downloads; default)",
    )  # fmt: skip
    parser.add_argument("--no-html", dest="html", action="store_false", help="do not write the interactive pages (html/)")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="first language of the pages (default: %(default)s)")


def _run(args: argparse.Namespace) -> int:
    from .atomic import check_writable, write_set

    check_writable(args.out)  # before the work, not after it
    frameworks = {key: getattr(args, key) for key in FRAMEWORK_KEYS if getattr(args, key, None)}
    versions = {k: v for k, v in (("esco", getattr(args, "esco_version", None)),
                                  ("onet", getattr(args, "onet_version", None))) if v}
    html = getattr(args, "html", True)
    result = build(
        None if html else args.out, facts_dir=args.facts, seeds_dir=args.seeds, frameworks=frameworks, versions=versions,
        selections={"esco": set(args.esco_occupations)} if args.esco_occupations else None,
        progress=bool(frameworks), backend=getattr(args, "backend", "auto"),
    )  # fmt: skip
    for warning in result.report["warnings"]:
        print(f"warning: {warning}", file=sys.stderr)
    for fw in result.report.get("frameworks", {}).values():
        counts = ", ".join(f"{n:,} {kind}" for kind, n in fw["counts"].items())
        print(f"{fw['title']} {fw['version']}: {counts}")
    if html:
        from .html.pages import remove_stale_pages, render_site

        # the graph files, the report and the pages switch together (aicareers.atomic.write_set):
        # a kill cannot leave a new graph beside old pages
        from .salary_claims import read_claims

        whole = drawn = result.projection()
        if frameworks:  # whole frameworks merged: the pages draw the AI-careers slice of them (html.scope);
            from .html.scope import page_scope  # "from my job" still answers every title

            drawn = page_scope(whole)
        pages = render_site(drawn, lang=getattr(args, "lang", "fr"), claims=read_claims(result.graph), whole=whole)
        write_set(args.out, {**result.files, **{f"html/{name}": page for name, page in pages.items()}})
        remove_stale_pages(Path(args.out) / "html", pages)
    print(f"built {result.report['triples']} triples into {args.out}/: {', '.join(result.files)}")
    _write_cache(Path(args.out) / "ai-careers.nq", result)  # once the whole output set is in place
    if html:
        print(f"wrote {len(pages)} interactive pages into {Path(args.out) / 'html'}/: open {Path(args.out) / 'html' / 'index.html'}")
    return 0


def _write_cache(nquads: Path, result) -> None:
    """Leave the store and the projection the commands open (:mod:`aicareers.cache`).

    The graph files are written already: a cache that cannot be written is a warning, and the
    first command will make it.
    """
    from .cache import write_cache

    try:
        entry = write_cache(nquads, result.projection())
    except (OSError, AiCareersError) as error:
        print(f"warning: the command cache was not written ({error}); the first command will make it", file=sys.stderr)
        return
    print(f"cached the Oxigraph store and the networkx projection in {entry}/")


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``build_graph.py``: same options as ``aicareers build``."""
    from .cli import OneLineParser

    parser = OneLineParser(prog="build_graph.py", description="Build the AI-careers graph into graph/.")
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except AiCareersError as error:
        print(f"build_graph.py: error: {error}", file=sys.stderr)
        return error.exit_status
