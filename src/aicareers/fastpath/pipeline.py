"""The build's fast path: the same graph as :func:`aicareers.build.build`, at ESCO scale.

Step by step (``Build.timings`` has the seconds of each):

1. **import**: the project's own graphs are assembled as on the rdflib path (a few thousand
   triples); the ESCO CSV files are streamed by :func:`~aicareers.esco.csv_import.iter_esco_triples`
   (the same row checks) and each triple becomes its N-Quads line at once: no rdflib graph is
   built for ESCO. All lines are sorted once; duplicates go.
2. **load**: the sorted N-Quads go into an in-memory Oxigraph store with its bulk loader (Rust):
   that store is the build's dataset (``Build.store``; ``Build.dataset`` wraps it for rdflib).
3. **validate**: :func:`aicareers.fastpath.shacl.validate_split`: full SHACL (pyshacl, RDFS) for
   every node the project mentions, SHACL compiled to SPARQL on Oxigraph for ESCO's own nodes.
4. **report**, then **render**: N-Quads are the sorted lines (the same bytes as the rdflib path);
   Turtle and TriG come from Oxigraph's serialisers fed with sorted input; JSON-LD from a
   streaming writer (:mod:`aicareers.fastpath.render`). Nothing is parsed twice by rdflib.
5. **write**: every file at once, atomically, as on the rdflib path.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .. import iris, paths
from ..atomic import write_all_atomic
from ..namespaces import AIC, ESCO, SCHEMA, bind_prefixes
from ..serialize import to_nquads, union_graph
from ..store import dataset_over
from .render import (
    RDF_TYPE,
    jsonld_from_lines,
    nquads_from_lines,
    sorted_unique,
    split_graph,
    term_nt,
    trig_from_lines,
    turtle_from_lines,
    union_lines,
)
from .shacl import validate_full, validate_split

__all__ = ["esco_quad_lines", "report_from_lines", "build_oxigraph"]

_PROV_DERIVATION = "<http://www.w3.org/ns/prov#Derivation>"
_TYPE = f"<{RDF_TYPE}>"


def esco_quad_lines(directory, graph: URIRef, *, occupations=None, progress=None):
    """The ESCO download in ``directory`` as N-Quads lines in ``graph``.

    Returns ``(lines, imported, report)``: the lines (unsorted, as streamed), the IRIs of the
    imported occupations and skills, and the :class:`~aicareers.esco.csv_import.ImportReport`.
    """
    from ..esco.csv_import import ImportReport, iter_esco_triples

    report = ImportReport()
    tail = f" {term_nt(graph)} ."
    occupation, skill = ESCO.Occupation, ESCO.Skill
    rdf_type = URIRef(RDF_TYPE)
    imported: set = set()
    lines: list[str] = []
    append = lines.append
    iris_seen: dict = {}  # IRI -> "<IRI>", built once per IRI
    for s, p, o in iter_esco_triples(directory, occupations=occupations, progress=progress, report=report):
        subject = iris_seen.get(s)
        if subject is None:
            subject = iris_seen[s] = term_nt(s)
        predicate = iris_seen.get(p)
        if predicate is None:
            predicate = iris_seen[p] = term_nt(p)
        if isinstance(o, URIRef):
            obj = iris_seen.get(o)
            if obj is None:
                obj = iris_seen[o] = term_nt(o)
            if p == rdf_type and (o == occupation or o == skill):
                imported.add(s)
        else:
            obj = term_nt(o)
        append(f"{subject} {predicate} {obj}{tail}")
    return lines, imported, report


def report_from_lines(lines: list[str], warnings: list[str]) -> dict:
    """What :func:`aicareers.build.make_report` says of the same dataset, read from its N-Quads."""
    names = bind_prefixes(Graph()).namespace_manager
    union: set[str] = set()
    per_graph: Counter = Counter()
    quotes: Counter = Counter()
    typed: list[str] = []
    for line in lines:
        body, graph = split_graph(line)
        per_graph[graph] += 1
        if _TYPE in body:
            _, predicate, obj = body.split(" ", 2)
            if predicate == _TYPE:
                if obj == _PROV_DERIVATION:
                    quotes[graph] += 1
                if body not in union:
                    typed.append(obj)
        union.add(body)
    classes = Counter(obj[1:-1] for obj in typed if obj.startswith("<"))
    namespaces = (str(AIC), str(ESCO), str(SCHEMA))
    per_class = {names.normalizeUri(URIRef(c)): n for c, n in classes.items() if c.startswith(namespaces)}

    def graph_name(term: str) -> str:
        identifier = URIRef(term[1:-1]) if term.startswith("<") else DATASET_DEFAULT_GRAPH_ID
        return names.normalizeUri(identifier)

    graphs = {graph_name(g): {"triples": n, "quotes": quotes[g]} for g, n in per_graph.items()}
    return {
        "triples": len(union),
        "classes": dict(sorted(per_class.items())),
        "graphs": dict(sorted(graphs.items())),
        "warnings": warnings,
    }


def build_oxigraph(
    out_dir: str | Path | None = paths.GRAPH_DIR,
    *,
    facts_dir: str | Path = paths.FACTS_DIR,
    ontology: str | Path = paths.ONTOLOGY,
    shapes: str | Path = paths.SHAPES,
    esco_dir: str | Path | None = None,
    esco_occupations: set[str] | None = None,
    esco_progress: bool = False,
    seeds_dir: str | Path | None = paths.SEEDS_DIR,
):
    """:func:`aicareers.build.build` on the fast path; the arguments are the same."""
    from ..build import ESCO_GRAPH, Build, Stopwatch, assemble_own, esco_warnings, report_files

    clock = Stopwatch()
    own, warnings = assemble_own(facts_dir, ontology, seeds_dir=seeds_dir)
    esco_dir = Path(esco_dir) if esco_dir is not None else Path(facts_dir) / "esco"
    lines = to_nquads(own).decode("utf-8").splitlines()
    if esco_dir.is_dir():
        esco_lines, imported, esco_report = esco_quad_lines(
            esco_dir, ESCO_GRAPH, occupations=esco_occupations, progress=esco_progress
        )
        lines += esco_lines
        del esco_lines
        warnings += esco_warnings(own, esco_report.problems, imported)
    warnings = sorted(set(warnings))
    lines = sorted_unique(lines)
    clock.lap("import")

    nquads = nquads_from_lines(lines)
    store = ox.Store()
    store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
    dataset = dataset_over(store)
    clock.lap("load")

    shapes_graph = Graph().parse(shapes, format="turtle")
    ontology_graph = own.graph(iris.ONTOLOGY_GRAPH)
    split = validate_split(union_graph(own), store, str(ESCO_GRAPH), shapes=shapes_graph, ontology=ontology_graph)
    if split.fallback is not None:
        warnings = sorted(set(warnings) | {
            f"SHACL: the whole graph was validated by pyshacl (slow): the fast path cannot compile {split.fallback}"})
        everything = Dataset()
        everything.parse(data=nquads, format="nquads")
        validate_full(union_graph(everything), shapes=shapes_graph, ontology=ontology_graph)
    clock.lap("validate")

    report = report_from_lines(lines, warnings)
    clock.lap("report")
    union = union_lines(lines)  # the union graph's triples, for Turtle and JSON-LD
    clock.lap("union")
    files = {}
    for name, render in (
        ("ai-careers.ttl", lambda: turtle_from_lines(lines, union=union)),
        ("ai-careers.trig", lambda: trig_from_lines(lines)),
        ("ai-careers.nq", lambda: nquads),
        ("ai-careers.jsonld", lambda: jsonld_from_lines(lines, union=union)),
    ):
        files[name] = render()
        clock.lap(name)
    del union
    files.update(report_files(report))
    if out_dir is not None:
        write_all_atomic({Path(out_dir) / name: data for name, data in files.items()})
        clock.lap("write")
    return Build(dataset, dataset, report, files, backend="oxigraph", store=store, timings=clock.laps)
