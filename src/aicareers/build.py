"""The build: ontology + hand-kept facts + ESCO profiles, validated, written to ``graph/``.

Outputs (all deterministic, byte-identical from one build to the next):

- ``ai-careers.ttl``: the whole graph in Turtle;
- ``ai-careers.trig`` and ``ai-careers.nq``: the same, each source's statements in its own named
  graph (plus the ontology, the knowledge base and ESCO);
- ``ai-careers.jsonld``: JSON-LD compacted with the project's prefixes;
- ``build-report.json`` and ``build-report.md``: counts per class and per source, and warnings.

Nothing is written until everything is read, checked and rendered: a malformed record or a
graph that breaks a shape stops the build with the file, record and field at fault, and the
previous outputs stay as they were.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import PROV, RDF

from . import iris, paths
from .atomic import write_all_atomic
from .errors import AiCareersError
from .facts import check_quotes, facts_to_rdf, read_facts
from .namespaces import AIC, ESCO, SCHEMA, SKOS, bind_prefixes
from .serialize import canonical_blank_nodes, to_jsonld, to_nquads, to_trig, to_turtle, union_graph
from .validate import check_graph

ESCO_GRAPH = iris.graph_iri("esco")
OUTPUT_NAMES = (
    "ai-careers.ttl",
    "ai-careers.trig",
    "ai-careers.nq",
    "ai-careers.jsonld",
    "build-report.json",
    "build-report.md",
)


#: The storage backends of a build; "auto" picks Oxigraph for a large ESCO download.
BUILD_BACKENDS = ("auto", "rdflib", "oxigraph")
#: With ``backend="auto"``, an ESCO download whose three CSV files weigh at least this many bytes
#: is built with the Oxigraph fast path (the extract in facts/esco weighs a few kilobytes; a full
#: download about 30 MB per language).
AUTO_OXIGRAPH_BYTES = 2_000_000


@dataclass
class Build:
    """What a build made: the dataset, its union graph, the report and the rendered files.

    With the ``rdflib`` backend, ``dataset`` is an in-memory rdflib :class:`~rdflib.Dataset` and
    ``graph`` its union, a plain :class:`~rdflib.Graph`. With the ``oxigraph`` backend (the fast
    path, :mod:`aicareers.fastpath`), ``dataset`` is an rdflib Dataset over an in-memory Oxigraph
    store (``store``, the :class:`pyoxigraph.Store` itself) whose default graph is the union of
    the named graphs, and ``graph`` is that same dataset. :meth:`projection` is the networkx
    projection, computed once.
    """

    dataset: Dataset
    graph: Graph
    report: dict
    files: dict[str, bytes] = field(default_factory=dict)
    backend: str = "rdflib"
    store: object | None = None
    timings: dict[str, float] = field(default_factory=dict)
    _projection: object | None = field(default=None, repr=False)

    def projection(self):
        """The networkx projection of the graph (:func:`aicareers.projection.project`), made once."""
        if self._projection is None:
            if self.store is not None:
                from .fastpath.projection import project_store

                self._projection = project_store(self.store)
            else:
                from .projection import project

                self._projection = project(self.graph)
        return self._projection


def choose_backend(backend: str, esco_dir: str | Path | None, facts_dir: str | Path = paths.FACTS_DIR) -> str:
    """The backend a build uses: ``backend`` itself, or for ``"auto"`` the size rule above.

    >>> choose_backend("auto", None), choose_backend("oxigraph", None)
    ('rdflib', 'oxigraph')
    """
    if backend not in BUILD_BACKENDS:
        raise AiCareersError(f"unknown build backend {backend!r}: choose one of {', '.join(BUILD_BACKENDS)}")
    if backend != "auto":
        return backend
    from .esco.csv_import import esco_file_names

    folder = Path(esco_dir) if esco_dir is not None else Path(facts_dir) / "esco"
    size = sum((folder / name).stat().st_size for name in esco_file_names("en") if (folder / name).is_file())
    return "oxigraph" if size >= AUTO_OXIGRAPH_BYTES else "rdflib"


def assemble_own(
    facts_dir: str | Path = paths.FACTS_DIR,
    ontology: str | Path = paths.ONTOLOGY,
    *,
    seeds_dir: str | Path | None = paths.SEEDS_DIR,
) -> tuple[Dataset, list[str]]:
    """The project's own graphs (ontology, knowledge base, one per source), and the warnings."""
    warnings: list[str] = []
    dataset = bind_prefixes(Dataset())
    ontology_graph = canonical_blank_nodes(Graph().parse(ontology, format="turtle"))
    target = dataset.graph(iris.ONTOLOGY_GRAPH)
    for triple in ontology_graph:
        target.add(triple)

    facts = read_facts(facts_dir)
    _, evidence = facts_to_rdf(facts, dataset)
    if seeds_dir is not None and Path(seeds_dir).is_dir():
        check_quotes(evidence, facts, seeds_dir)
    else:
        warnings.append("source texts not found: evidence quotes were not checked word for word")
    return dataset, warnings


def esco_warnings(dataset: Dataset, problems, imported: set) -> list[str]:
    """The import's problems, and the project's ESCO mappings to concepts that were not imported."""
    warnings = [f"ESCO import: {problem}" for problem in problems]
    for match in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch):
        for s, o in dataset.graph(iris.KNOWLEDGE_BASE_GRAPH).subject_objects(match):
            if o not in imported:
                warnings.append(f"{_short(s)} maps to {o}, whose ESCO profile is not in the ESCO extract")
    return warnings


def assemble(
    facts_dir: str | Path = paths.FACTS_DIR,
    ontology: str | Path = paths.ONTOLOGY,
    *,
    esco_dir: str | Path | None = None,
    esco_occupations: set[str] | None = None,
    esco_progress: bool = False,
    seeds_dir: str | Path | None = paths.SEEDS_DIR,
) -> tuple[Dataset, list[str]]:
    """Read everything into one dataset; returns it with the warnings met on the way.

    ``esco_dir`` is an ESCO CSV download (default: the extract in ``facts/esco``), optionally
    restricted to ``esco_occupations`` and their skills.
    """
    dataset, warnings = assemble_own(facts_dir, ontology, seeds_dir=seeds_dir)
    esco_dir = Path(esco_dir) if esco_dir is not None else Path(facts_dir) / "esco"
    if esco_dir.is_dir():
        from .esco.csv_import import import_esco

        # Straight into the ESCO named graph: no intermediate graph to copy.
        target = dataset.graph(ESCO_GRAPH)
        _, esco_report = import_esco(esco_dir, occupations=esco_occupations, progress=esco_progress, graph=target)
        imported = set(target.subjects(RDF.type, ESCO.Occupation)) | set(target.subjects(RDF.type, ESCO.Skill))
        warnings.extend(esco_warnings(dataset, esco_report.problems, imported))
    return dataset, sorted(set(warnings))


def _short(iri) -> str:
    return bind_prefixes(Graph()).namespace_manager.normalizeUri(iri)


def make_report(dataset: Dataset, graph: Graph, warnings: list[str]) -> dict:
    """Counts per class (asserted types) and per named graph, and the warnings."""
    classes = Counter(o for o in graph.objects(None, RDF.type))
    per_class = {graph.namespace_manager.normalizeUri(c): n for c, n in classes.items() if str(c).startswith((str(AIC), str(ESCO), str(SCHEMA)))}
    per_graph = {}
    for context in dataset.graphs():
        if len(context):
            per_graph[context.namespace_manager.normalizeUri(context.identifier)] = {
                "triples": len(context),
                "quotes": sum(1 for _ in context.subjects(RDF.type, PROV.Derivation)),
            }
    return {
        "triples": len(graph),
        "classes": dict(sorted(per_class.items())),
        "graphs": dict(sorted(per_graph.items())),
        "warnings": warnings,
    }


def report_markdown(report: dict) -> str:
    lines = ["# Build report", "", f"{report['triples']} triples in the whole graph.", "", "## Instances per class", ""]
    lines += ["| class | instances |", "| --- | ---: |"]
    lines += [f"| {c} | {n} |" for c, n in report["classes"].items()]
    lines += ["", "## Named graphs (one per source, plus the ontology, the knowledge base and ESCO)", ""]
    lines += ["| graph | triples | evidence quotes |", "| --- | ---: | ---: |"]
    lines += [f"| {g} | {v['triples']} | {v['quotes']} |" for g, v in report["graphs"].items()]
    lines += ["", "## Warnings", ""]
    lines += [f"- {w}" for w in report["warnings"]] or ["None."]
    return "\n".join(lines) + "\n"


def build(
    out_dir: str | Path | None = paths.GRAPH_DIR,
    *,
    facts_dir: str | Path = paths.FACTS_DIR,
    ontology: str | Path = paths.ONTOLOGY,
    shapes: str | Path = paths.SHAPES,
    esco_dir: str | Path | None = None,
    esco_occupations: set[str] | None = None,
    esco_progress: bool = False,
    seeds_dir: str | Path | None = paths.SEEDS_DIR,
    backend: str = "auto",
) -> Build:
    """Assemble, validate, render and (when ``out_dir`` is given) write the graph.

    ``backend``: ``"rdflib"`` (everything in rdflib's memory store, validated by pyshacl on the
    whole graph), ``"oxigraph"`` (the fast path, :mod:`aicareers.fastpath`: the same graph and
    N-Quads, for large ESCO downloads) or ``"auto"`` (the default: Oxigraph when the ESCO download
    is large, see :data:`AUTO_OXIGRAPH_BYTES`).
    """
    if choose_backend(backend, esco_dir, facts_dir) == "oxigraph":
        from .fastpath.pipeline import build_oxigraph

        return build_oxigraph(
            out_dir, facts_dir=facts_dir, ontology=ontology, shapes=shapes, esco_dir=esco_dir,
            esco_occupations=esco_occupations, esco_progress=esco_progress, seeds_dir=seeds_dir,
        )  # fmt: skip
    clock = Stopwatch()
    dataset, warnings = assemble(
        facts_dir, ontology, esco_dir=esco_dir, esco_occupations=esco_occupations,
        esco_progress=esco_progress, seeds_dir=seeds_dir,
    )  # fmt: skip
    clock.lap("import")
    graph = union_graph(dataset)
    clock.lap("union")
    check_graph(
        graph,
        shapes=Graph().parse(shapes, format="turtle"),
        ontology=dataset.graph(iris.ONTOLOGY_GRAPH),
    )
    clock.lap("validate")
    report = make_report(dataset, graph, warnings)
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
    if out_dir is not None:
        write_all_atomic({Path(out_dir) / name: data for name, data in files.items()})
        clock.lap("write")
    return Build(dataset, graph, report, files, backend="rdflib", timings=clock.laps)


def report_files(report: dict) -> dict[str, bytes]:
    """``build-report.json`` and ``build-report.md``."""
    return {
        "build-report.json": (json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8"),
        "build-report.md": report_markdown(report).encode("utf-8"),
    }


class Stopwatch:
    """Seconds spent in each stage of a build (``Build.timings``), for the benchmark."""

    def __init__(self):
        import time

        self._now = time.perf_counter
        self._last = self._now()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = self._now()
        self.laps[name] = self.laps.get(name, 0.0) + now - self._last
        self._last = now


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
        "--esco", type=Path, metavar="DIR",
        help="an ESCO CSV download to merge, in place of the extract in facts/esco (see import-esco)",
    )  # fmt: skip
    parser.add_argument(
        "--esco-occupation", dest="esco_occupations", action="append", metavar="IRI",
        help="with --esco: keep only this occupation and its skills (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--backend", choices=BUILD_BACKENDS, default="auto",
        help="store and engines: rdflib (embedded, pure Python), oxigraph (the fast path for a full ESCO "
             "download) or auto (oxigraph for a large --esco download; default)",
    )  # fmt: skip
    parser.add_argument("--no-html", dest="html", action="store_false", help="do not write the interactive pages (html/)")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="first language of the pages (default: %(default)s)")


def _run(args: argparse.Namespace) -> int:
    result = build(
        args.out, facts_dir=args.facts, seeds_dir=args.seeds, esco_dir=args.esco,
        esco_occupations=set(args.esco_occupations) if args.esco_occupations else None,
        esco_progress=args.esco is not None, backend=getattr(args, "backend", "auto"),
    )  # fmt: skip
    for warning in result.report["warnings"]:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"built {result.report['triples']} triples into {args.out}/: {', '.join(result.files)}")
    if getattr(args, "html", True):
        from .html import write_pages

        pages = write_pages(result.projection(), Path(args.out) / "html", lang=getattr(args, "lang", "fr"))
        print(f"wrote {len(pages)} interactive pages into {Path(args.out) / 'html'}/: open {Path(args.out) / 'html' / 'index.html'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``build_graph.py``: same options as ``aicareers build``."""
    parser = argparse.ArgumentParser(prog="build_graph.py", description="Build the AI-careers graph into graph/.")
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except AiCareersError as error:
        print(f"build_graph.py: error: {error}", file=sys.stderr)
        return error.exit_status
