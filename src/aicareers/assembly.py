"""The parts of a build that both paths share: what is read, what is reported, what is made.

:func:`aicareers.build.build` (rdflib) and :func:`aicareers.fastpath.pipeline.build_oxigraph`
(Oxigraph, at framework scale) both read the project's own graphs with :func:`assemble_own`,
import the frameworks with :mod:`aicareers.frameworks.registry`, and report with
:func:`make_report` / :func:`report_files`; they return a :class:`Build`. Keeping these here, not
in either path, is what lets the two import each other's nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from . import iris, paths
from .facts import check_quotes, facts_to_rdf, read_facts
from .frameworks.crosswalk import INFO as CROSSWALK
from .frameworks.crosswalk import TitleWatch, iter_crosswalk_triples
from .frameworks.registry import IMPORTERS, iter_framework_triples
from .frameworks.report import ImportReport
from .namespaces import AIC, ESCO, SCHEMA, bind_prefixes
from .serialize import canonical_blank_nodes

OUTPUT_NAMES = (
    "ai-careers.ttl",
    "ai-careers.trig",
    "ai-careers.nq",
    "ai-careers.jsonld",
    "build-report.json",
    "build-report.md",
    "docs/ontology.html",  # aicareers.ontodoc.DOC_NAME
    "docs/shapes.html",  # aicareers.shapedoc.SHAPES_DOC_NAME
)
#: Namespaces whose classes the report counts.
REPORTED_NAMESPACES = (str(AIC), str(ESCO), str(SCHEMA))


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


def import_frameworks(dataset: Dataset, frameworks: dict[str, list[Path]], *, selections: dict | None = None,
                      progress: bool = False, versions: dict | None = None) -> dict[str, ImportReport]:
    """Import each framework of ``frameworks`` (key -> its paths) into its own named graph, then the
    crosswalk (``frameworks["crosswalk"]``) between those imported."""
    reports = {}
    watch = TitleWatch()
    for key in IMPORTERS:
        if key not in frameworks:
            continue
        report = reports[key] = ImportReport(key)
        target = dataset.graph(IMPORTERS[key].graph)
        add = target.add
        for triple in watch(iter_framework_triples(key, frameworks[key], report=report, progress=progress,
                                                   selection=(selections or {}).get(key),
                                                   version=(versions or {}).get(key))):
            add(triple)
    if frameworks.get("crosswalk"):
        esco = set(dataset.graph(IMPORTERS["esco"].graph).subjects(RDF.type, ESCO.Occupation))
        report = reports["crosswalk"] = ImportReport("nesta-crosswalk")
        target = dataset.graph(CROSSWALK.graph)
        for triple in iter_crosswalk_triples(frameworks["crosswalk"], watch.titles, report=report, esco_occupations=esco):
            target.add(triple)
    return reports


def mapping_targets(dataset: Dataset) -> list[tuple[URIRef, URIRef]]:
    """The project's own links to framework concepts: (role or skill, target), sorted."""
    kb = dataset.graph(iris.KNOWLEDGE_BASE_GRAPH)
    return sorted({(s, o) for match in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch)
                   for s, o in kb.subject_objects(match)})


def framework_warnings(reports: dict[str, ImportReport], mappings, is_imported) -> list[str]:
    """The imports' problems, and the project's mappings to concepts that no import brought in."""
    warnings = []
    for key, report in reports.items():
        label = info_of(key).title
        warnings += [f"{label} import: {problem}" for problem in report.problems]
    for subject, target in mappings:
        if not is_imported(target):
            warnings.append(f"{short(subject)} maps to {target}, which no framework import holds")
    return warnings


def framework_summary(reports: dict[str, ImportReport], version_of) -> dict:
    """For the build report: each framework's title, version (as its source node says), counts."""
    out = {}
    for key, report in reports.items():
        info = info_of(key)
        out[key] = {"title": info.title, "version": version_of(info.source) or report.version,
                    "publisher": info.publisher, "counts": dict(report.counts), "problems": len(report.problems)}
    return out


def info_of(key: str):
    """What is known of framework ``key`` (``esco``, ``rome``, ``onet``, ``crosswalk``)."""
    return CROSSWALK if key == "crosswalk" else IMPORTERS[key].info


def short(iri) -> str:
    return bind_prefixes(Graph()).namespace_manager.normalizeUri(iri)


def make_report(dataset: Dataset, graph: Graph, warnings: list[str], frameworks: dict | None = None) -> dict:
    """Counts per class (asserted types) and per named graph, the frameworks, and the warnings."""
    classes = Counter(o for o in graph.objects(None, RDF.type))
    per_class = {graph.namespace_manager.normalizeUri(c): n for c, n in classes.items()
                 if str(c).startswith(REPORTED_NAMESPACES)}
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
        "frameworks": frameworks or {},
        "warnings": warnings,
    }


def report_markdown(report: dict) -> str:
    lines = ["# Build report", "", f"{report['triples']} triples in the whole graph.", ""]
    if report.get("frameworks"):
        lines += ["## Official frameworks", "", "| framework | version | publisher | imported | problems |",
                  "| --- | --- | --- | --- | ---: |"]
        for fw in report["frameworks"].values():
            counts = ", ".join(f"{n:,} {kind}" for kind, n in fw["counts"].items())
            lines.append(f"| {fw['title']} | {fw['version']} | {fw['publisher']} | {counts} | {fw['problems']} |")
        lines.append("")
    lines += ["## Instances per class", "", "| class | instances |", "| --- | ---: |"]
    lines += [f"| {c} | {n} |" for c, n in report["classes"].items()]
    lines += ["", "## Named graphs (one per source and framework, plus the ontology and the knowledge base)", ""]
    lines += ["| graph | triples | evidence quotes |", "| --- | ---: | ---: |"]
    lines += [f"| {g} | {v['triples']} | {v['quotes']} |" for g, v in report["graphs"].items()]
    lines += ["", "## Warnings", ""]
    lines += [f"- {w}" for w in report["warnings"]] or ["None."]
    return "\n".join(lines) + "\n"


def report_files(report: dict) -> dict[str, bytes]:
    """``build-report.json`` and ``build-report.md``."""
    return {
        "build-report.json": (json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8"),
        "build-report.md": report_markdown(report).encode("utf-8"),
    }
