"""The ontology and the built graph under the reasoners people use, and the OWL 2 DL rules tools rely on.

- HermiT (owlready2's jar) on Java 17: the ontology alone is classified (consistent, no
  unsatisfiable class); the ontology with the built graph is checked for consistency and
  unsatisfiable classes.
- Pellet 2.3.1 (owlready2's jars) on Java 25 (Pellet fails on Java 17's module rules): the same.
  Pellet is the reasoner that called the graph inconsistent when texts had the range
  ``rdf:langString`` (issue 16).
- :mod:`aicareers.owlprofile`: a partial OWL 2 DL check in Python (the OWL API's full check is
  Java and would have to be fetched).

A missing Java fails these tests with the reason: a skip would read as a pass.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

import owlready2  # the test extra: a missing owlready2 is an error, not a skip
import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from aicareers import paths
from aicareers.owlprofile import violations

#: The reified statements of the graph (who says so, in which words) use RDF's reification
#: vocabulary, which OWL 2 DL reserves: they are RDF for the provenance queries, not OWL axioms.
REIFICATION = frozenset({RDF.subject, RDF.predicate, RDF.object, RDF.Statement})
TIMEOUT = 900  # seconds: HermiT and Pellet take 15 to 30 s each on the graph on a quiet machine


def java(major: int) -> str:
    """The ``java`` of JDK ``major``: ``$AICAREERS_JAVA<major>``, else under /usr/lib/jvm, else on PATH."""
    candidates = [os.environ.get(f"AICAREERS_JAVA{major}", "")]
    candidates += sorted(glob.glob(f"/usr/lib/jvm/*-{major}-*/bin/java") + glob.glob(f"/usr/lib/jvm/*{major}*/bin/java"))
    candidates.append(shutil.which("java") or "")
    for candidate in filter(None, candidates):
        try:
            version = subprocess.run([candidate, "-version"], capture_output=True, text=True, timeout=60).stderr
        except OSError:
            continue
        first = version.splitlines()[0] if version else ""
        if f'version "{major}.' in first or f'version "{major}"' in first:
            return candidate
    pytest.fail(f"Java {major} is needed for this reasoner test and was not found: install a JDK {major} "
                f"(e.g. under /usr/lib/jvm) or set AICAREERS_JAVA{major} to its bin/java", pytrace=False)


def ntriples(graph: Graph, path: Path) -> Path:
    graph.serialize(path, format="nt", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(paths.ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def graph_file(built, tmp_path_factory) -> Path:
    """The built graph (it holds the ontology) as N-Triples, the format both reasoners read."""
    return ntriples(built.graph, tmp_path_factory.mktemp("owl") / "ai-careers.nt")


def classify(ontology: Graph, tmp_path: Path, reasoner: str, java_exe: str) -> list[str]:
    """Classify ``ontology`` with owlready2's ``reasoner``; returns the unsatisfiable classes."""
    owlready2.JAVA_EXE = java_exe
    world = owlready2.World()
    onto = world.get_ontology(ntriples(ontology, tmp_path / "ontology.nt").as_uri()).load(format="ntriples")
    with onto:
        if reasoner == "hermit":
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        else:
            owlready2.sync_reasoner_pellet(world, infer_property_values=False, infer_data_property_values=False, debug=0)
    return sorted(str(c.iri) for c in world.inconsistent_classes())


def test_hermit_classifies_the_ontology(ontology, tmp_path):
    assert classify(ontology, tmp_path, "hermit", java(17)) == []  # raises if inconsistent


def test_pellet_classifies_the_ontology(ontology, tmp_path):
    assert classify(ontology, tmp_path, "pellet", java(25)) == []


def test_hermit_finds_the_graph_consistent_with_no_unsatisfiable_class(graph_file):
    from owlready2.reasoning import _HERMIT_CLASSPATH

    # -U: the classes equivalent to owl:Nothing; on an inconsistent graph HermiT stops with an error
    done = subprocess.run([java(17), "-Xmx2000M", "-cp", _HERMIT_CLASSPATH, "org.semanticweb.HermiT.cli.CommandLine",
                           "-U", graph_file.as_uri()], capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line.strip() for line in done.stdout.splitlines() if line.strip()]
    assert lines == ["Classes equivalent to 'owl:Nothing':", "owl:Nothing"], done.stdout[-3000:]


def test_pellet_finds_the_graph_consistent(graph_file):
    from owlready2.reasoning import _PELLET_CLASSPATH

    done = subprocess.run([java(25), "-Xmx2000M", "-cp", _PELLET_CLASSPATH, "pellet.Pellet", "consistency",
                           "--loader", "Jena", "--input-format", "N-Triples", "--ignore-imports", str(graph_file)],
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert "Consistent: Yes" in done.stdout, (done.stdout + done.stderr)[-3000:]


def test_pellet_accepts_language_tagged_texts(ontology, tmp_path):
    """The case Pellet refused: a text in French and English on a property with a text range."""
    from owlready2.reasoning import _PELLET_CLASSPATH

    data = Graph().parse(data="""
        @prefix aic: <https://w3id.org/ai-careers/ontology#> .
        <urn:x:move> a aic:CareerTransition ; aic:meaning "une spécialisation"@fr , "a specialisation"@en .
    """, format="turtle")
    path = ntriples(ontology + data, tmp_path / "small.nt")
    done = subprocess.run([java(25), "-cp", _PELLET_CLASSPATH, "pellet.Pellet", "consistency", "--loader", "Jena",
                           "--input-format", "N-Triples", "--ignore-imports", str(path)],
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert "Consistent: Yes" in done.stdout, (done.stdout + done.stderr)[-3000:]


def test_the_ontology_keeps_the_owl2_dl_rules(ontology):
    assert violations(ontology) == []


def test_the_graph_keeps_the_owl2_dl_rules_but_for_its_reified_statements(built):
    assert violations(built.graph, allowed_reserved=REIFICATION) == []
    # and the exception is only that: without it, the reification vocabulary is all that is reported
    reported = violations(built.graph)
    assert reported and all(any(term.n3() in line for term in REIFICATION) for line in reported), reported
