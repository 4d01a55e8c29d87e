"""The build's fast path: the same graph as :func:`aicareers.build.build`, at ESCO scale.

Step by step (``Build.timings`` has the seconds of each):

1. **import**: the project's own graphs are assembled as on the rdflib path (a few thousand
   triples); each framework is streamed by its importer (the same row checks), in worker
   processes side by side when large, and each triple becomes its N-Quads line at once: no rdflib
   graph is built for the frameworks. On the way, each triple is noted for the validation
   (:class:`~aicareers.fastpath.shacl.BulkFacts`: predicates, classes, the types RDFS entails).
   All lines are sorted once; duplicates go.
2. **load**: the sorted N-Quads go into an in-memory Oxigraph store with its bulk loader (Rust):
   that store is the build's dataset (``Build.store``; ``Build.dataset`` wraps it for rdflib).
3. **validate**: :func:`aicareers.fastpath.shacl.validate_split`: full SHACL (pyshacl, RDFS) for
   every node the project mentions, SHACL compiled to SPARQL on Oxigraph for ESCO's own nodes.
4. **report**, **docs** and **render**: N-Quads are the sorted lines (the same bytes as the rdflib
   path); Turtle and TriG come from Oxigraph's serialisers fed with sorted input; JSON-LD from a
   streaming writer (:mod:`aicareers.fastpath.render`). Nothing is parsed twice by rdflib. On a
   large build the three are rendered in worker processes (:mod:`aicareers.fastpath.parallel`),
   started as soon as the lines are sorted: at a lower priority, they work while this process
   loads the store, validates it and writes the report and the ontology's and the shapes' pages
   (:mod:`aicareers.shapedoc`, as on the rdflib path); ``render`` is what is left of the wait.
5. **write**: every file at once, atomically, as on the rdflib path.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .. import iris, paths
from ..atomic import write_set
from ..namespaces import bind_prefixes
from ..shapedoc import documentation, ontology_documentation
from ..serialize import to_nquads, union_graph
from ..store import dataset_over
from .render import RDF_TYPE, nquads_from_lines, sorted_unique, split_graph, term_nt
from . import parallel
from .shacl import BulkFacts, Schema, validate_full, validate_split

__all__ = ["quad_lines", "start_import", "FrameworkImport", "framework_quad_lines", "report_from_lines", "build_oxigraph"]

_PROV_DERIVATION = "<http://www.w3.org/ns/prov#Derivation>"
_TYPE = f"<{RDF_TYPE}>"


def quad_lines(triples, graph: URIRef, imported: set, occupation_classes: set, facts: BulkFacts | None = None) -> list[str]:
    """``triples`` (rdflib terms, as an importer streams them) as N-Quads lines in ``graph``.

    The subjects typed with one of ``occupation_classes`` are added to ``imported`` (to check that
    every concept the project maps to was imported); every triple is noted in ``facts``, if given,
    for the validation. Returns the lines, unsorted.
    """
    tail = f" {term_nt(graph)} ."
    classes = {str(c) for c in occupation_classes}
    lines: list[str] = []
    append = lines.append
    # IRI -> "<IRI>", written (and checked) once per IRI. Keyed by plain strings: a URIRef key
    # compares through rdflib's __eq__, in Python, which took a quarter of this loop.
    written: dict[str, str] = {}
    for s, p, o in triples:
        if type(s) is URIRef:
            key = str(s)
            subject = written.get(key)
            if subject is None:
                subject = written[key] = term_nt(s)
        else:
            subject = term_nt(s)
        key = str(p)
        predicate = written.get(key)
        if predicate is None:
            predicate = written[key] = term_nt(p)
        if type(o) is URIRef:
            value = str(o)
            obj = written.get(value)
            if obj is None:
                obj = written[value] = term_nt(o)
            if key == RDF_TYPE and value in classes:
                imported.add(s)
        else:
            value, obj = None, term_nt(o)
        if facts is not None:
            facts.add(subject, key, obj, value)
        append(f"{subject} {predicate} {obj}{tail}")
    return lines


#: Frameworks read from more bytes than this (on disk: a zip counts compressed) are imported in
#: worker processes, one per framework. The committed slices are 2.4 MB of CSV; the three
#: official zips 15 MB, which unpack to some 150 MB.
PARALLEL_IMPORT_FROM = 8_000_000

# What the forked import workers read: set just before the fork, cleared after.
_IMPORT: dict = {}


def _input_bytes(paths) -> int:
    total = 0
    for path in map(Path, paths):
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return total


def _import_one(key: str):
    """One framework's sorted, unique N-Quads lines (and what the build needs to know of them)."""
    from ..frameworks.crosswalk import TitleWatch
    from ..frameworks.registry import IMPORTERS, iter_framework_triples
    from ..frameworks.report import ImportReport

    importer = IMPORTERS[key]
    report = ImportReport(key)
    triples = iter_framework_triples(key, _IMPORT["frameworks"][key], report=report, progress=_IMPORT["progress"],
                                     selection=_IMPORT["selections"].get(key), version=_IMPORT["versions"].get(key))
    watch = TitleWatch()
    if key == "onet":  # the crosswalk needs O*NET's titles only; watching every triple costs 0.5 s a million
        triples = watch(triples)
    imported: set = set()
    facts = BulkFacts(_IMPORT["schema"]) if _IMPORT.get("schema") is not None else None
    lines = quad_lines(triples, importer.graph, imported, {URIRef(c) for c in importer.occupation_classes}, facts)
    return sorted_unique(lines), imported, report, watch.titles, facts


class FrameworkImport:
    """Frameworks being imported (:func:`start_import`); :meth:`result` waits for them.

    In worker processes, the build's own process is free until it asks for the result: it
    assembles the project's graphs and writes the ontology's page meanwhile.
    """

    def __init__(self, frameworks: dict, keys: list[str], schema: Schema | None, results: list | None = None,
                 pool=None, pending=None):
        self._frameworks, self._keys, self._schema = frameworks, keys, schema
        self._results, self._pool, self._pending = results, pool, pending

    def result(self):
        """``(lines, imported, reports, facts)``, as :func:`framework_quad_lines` returns them."""
        from ..frameworks.crosswalk import INFO as CROSSWALK
        from ..frameworks.crosswalk import iter_crosswalk_triples
        from ..frameworks.report import ImportReport

        if self._pending is not None:
            try:
                self._results = self._pending.get()  # in the order of the keys
            finally:
                self.cancel()
        lines: list[str] = []
        imported: set = set()
        reports = {}
        titles: dict[str, str] = {}
        facts = BulkFacts(self._schema) if self._schema is not None else None
        for key, (framework_lines, occupations, report, seen, noted) in zip(self._keys, self._results):
            lines += framework_lines
            imported |= occupations
            reports[key] = report
            titles.update(seen)
            if facts is not None:
                facts.update(noted)
        self._results = None
        if self._frameworks.get("crosswalk"):
            report = reports["crosswalk"] = ImportReport("nesta-crosswalk")
            esco = {s for s in imported if str(s).startswith("http://data.europa.eu/esco/occupation/")}
            triples = iter_crosswalk_triples(self._frameworks["crosswalk"], titles, report=report, esco_occupations=esco)
            lines += quad_lines(triples, CROSSWALK.graph, set(), set(), facts)
        return lines, imported, reports, facts

    def cancel(self) -> None:
        """Stop the workers, if any are still importing (the build failed on the way)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = self._pending = None


def _in_workers(function, keys: list[str]):
    """``function`` of every key, in forked worker processes: ``(pool, pending [value...])``."""
    # One worker per framework, even on fewer cores: the system shares them, and all finish close
    # together. Two workers on two cores had one idle for the last 2 s while the other imported
    # the third framework (the frameworks take 4, 5 and 7 s).
    pool = multiprocessing.get_context("fork").Pool(len(keys))
    return pool, pool.map_async(function, keys, chunksize=1)


def start_import(frameworks, *, selections=None, versions=None, progress=False, parallel_from: int | None = None,
                 schema: Schema | None = None) -> FrameworkImport:
    """Start importing every framework of ``frameworks`` (key -> paths) as N-Quads lines in its named graph.

    When the inputs are larger than ``parallel_from`` bytes (default :data:`PARALLEL_IMPORT_FROM`,
    read when called), the frameworks are imported side by side in forked worker processes (on the
    full frameworks: 18 s one after the other), and this returns at once; else they are imported
    here and now. The lines are the same. With a ``schema`` (the project's RDFS schema), each
    triple is noted for the validation (:class:`~aicareers.fastpath.shacl.BulkFacts`).
    """
    from ..frameworks.registry import IMPORTERS

    keys = [key for key in IMPORTERS if key in frameworks]
    _IMPORT.update(frameworks=frameworks, selections=selections or {}, versions=versions or {}, progress=progress,
                   schema=schema)
    try:
        forkable = "fork" in multiprocessing.get_all_start_methods()
        threshold = PARALLEL_IMPORT_FROM if parallel_from is None else parallel_from
        if len(keys) > 1 and forkable and sum(_input_bytes(frameworks[k]) for k in keys) >= threshold:
            pool, pending = _in_workers(_import_one, keys)
            return FrameworkImport(frameworks, keys, schema, pool=pool, pending=pending)
        return FrameworkImport(frameworks, keys, schema, results=[_import_one(key) for key in keys])
    finally:
        _IMPORT.clear()  # forked with the pool, the workers have their copy


def framework_quad_lines(frameworks, *, selections=None, versions=None, progress=False,
                         parallel_from: int | None = None, schema: Schema | None = None):
    """Every framework of ``frameworks`` (key -> paths) as N-Quads lines in its named graph
    (:func:`start_import`, then its result).

    Returns ``(lines, imported, reports, facts)``: the lines (sorted by framework, each framework's
    unique), the IRIs of the imported occupations, the import reports, and with a ``schema`` what
    the validation needs to know of the frameworks' graphs (else None).
    """
    imports = start_import(frameworks, selections=selections, versions=versions, progress=progress,
                           parallel_from=parallel_from, schema=schema)
    try:
        return imports.result()
    finally:
        imports.cancel()


def report_from_lines(lines: list[str], warnings: list[str], frameworks: dict | None = None) -> dict:
    """What :func:`aicareers.assembly.make_report` says of the same dataset, read from its N-Quads.

    ``lines`` sorted (:func:`~aicareers.fastpath.render.sorted_unique`): the quads of one triple
    in several graphs are then next to each other (a triple's line goes on with a space and its
    graph, and no other triple's line starts with it), so the union's triples are counted without
    holding a set of them (340 MB on the full frameworks, the build's peak).
    """
    names = bind_prefixes(Graph()).namespace_manager
    triples = 0
    previous = None
    per_graph: Counter = Counter()
    quotes: Counter = Counter()
    typed: list[str] = []
    for line in lines:
        body, graph = split_graph(line)
        per_graph[graph] += 1
        new = body != previous
        previous = body
        triples += new
        if _TYPE in body:
            _, predicate, obj = body.split(" ", 2)
            if predicate == _TYPE:
                if obj == _PROV_DERIVATION:
                    quotes[graph] += 1
                if new:
                    typed.append(obj)
    classes = Counter(obj[1:-1] for obj in typed if obj.startswith("<"))
    from ..assembly import REPORTED_NAMESPACES as namespaces

    per_class = {names.normalizeUri(URIRef(c)): n for c, n in classes.items() if c.startswith(namespaces)}

    def graph_name(term: str) -> str:
        identifier = URIRef(term[1:-1]) if term.startswith("<") else DATASET_DEFAULT_GRAPH_ID
        return names.normalizeUri(identifier)

    graphs = {graph_name(g): {"triples": n, "quotes": quotes[g]} for g, n in per_graph.items()}
    return {
        "triples": triples,
        "classes": dict(sorted(per_class.items())),
        "graphs": dict(sorted(graphs.items())),
        "frameworks": frameworks or {},
        "warnings": warnings,
    }


def build_oxigraph(
    out_dir: str | Path | None = paths.GRAPH_DIR,
    *,
    facts_dir: str | Path = paths.FACTS_DIR,
    ontology: str | Path = paths.ONTOLOGY,
    shapes: str | Path = paths.SHAPES,
    frameworks: dict | None = None,
    selections: dict | None = None,
    versions: dict | None = None,
    progress: bool = False,
    seeds_dir: str | Path | None = paths.SEEDS_DIR,
):
    """:func:`aicareers.build.build` on the fast path; the arguments are those of ``build_rdflib``."""
    from ..assembly import (Build, Stopwatch, assemble_own, framework_summary, framework_warnings, info_of,
                            mapping_targets, report_files)
    from ..frameworks.registry import default_paths

    clock = Stopwatch()
    chosen = default_paths(facts_dir)
    chosen.update({k: list(v) for k, v in (frameworks or {}).items() if v})
    # The workers note the types RDFS entails with the ontology's schema: the project's facts
    # declare no RDFS axioms (tests/test_fastpath.py), and the validation checks it was the same.
    imports = start_import(chosen, selections=selections, versions=versions, progress=progress,
                           schema=Schema.of(Graph().parse(ontology, format="turtle")))
    try:  # while the workers import, the project's graphs and the ontology's page
        own, warnings = assemble_own(facts_dir, ontology, seeds_dir=seeds_dir)
        ontology_page = ontology_documentation(ontology)
        framework_lines, imported, reports, facts = imports.result()
    finally:
        imports.cancel()
    lines = to_nquads(own).decode("utf-8").splitlines()
    own_union = union_graph(own)
    lines += framework_lines
    del framework_lines
    facts.entailed_types()  # made now, the sets they come from let go before the store is loaded
    warnings += framework_warnings(reports, mapping_targets(own), lambda target: target in imported)
    warnings = sorted(set(warnings))
    lines = sorted_unique(lines)
    clock.lap("import")

    # Turtle, TriG and JSON-LD need the lines only: on a large build, worker processes render them
    # while this one loads the store, validates it and writes its report
    renders = parallel.start(lines)
    try:
        nquads = nquads_from_lines(lines)
        store = ox.Store()
        store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        dataset = dataset_over(store)
        clock.lap("load")

        def version_of(source) -> str:
            query = f"SELECT ?v WHERE {{ GRAPH ?g {{ {term_nt(source)} <{OWL.versionInfo}> ?v }} }}"
            return next((row["v"].value for row in store.query(query)), "")

        summary = framework_summary(reports, version_of)

        shapes_graph = Graph().parse(shapes, format="turtle")
        ontology_graph = own.graph(iris.ONTOLOGY_GRAPH)
        bulk = [str(info_of(key).graph) for key in reports]
        split = validate_split(own_union, store, bulk, shapes=shapes_graph, ontology=ontology_graph, facts=facts)
        del facts
        if split.fallback is not None:
            warnings = sorted(set(warnings) | {
                f"SHACL: the whole graph was validated by pyshacl (slow): the fast path cannot compile {split.fallback}"})
            everything = Dataset()
            everything.parse(data=nquads, format="nquads")
            validate_full(union_graph(everything), shapes=shapes_graph, ontology=ontology_graph)
        clock.lap("validate")

        report = report_from_lines(lines, warnings, summary)
        del lines  # the workers have their copy; the rendered files are about to come back
        clock.lap("report")
        docs = documentation(ontology, shapes, dataset, ontology_page=ontology_page)  # as on the rdflib path
        clock.lap("docs")
        rendered = renders.files()
    finally:
        renders.cancel()  # a build that fails on the way leaves no worker behind
    files = {name: rendered[name] for name in ("ai-careers.ttl", "ai-careers.trig")}
    files["ai-careers.nq"] = nquads
    files["ai-careers.jsonld"] = rendered["ai-careers.jsonld"]
    clock.lap("render")
    files.update(report_files(report))
    files.update(docs)
    if out_dir is not None:
        write_set(out_dir, files)
        clock.lap("write")
    return Build(dataset, dataset, report, files, backend="oxigraph", store=store, timings=clock.laps)
