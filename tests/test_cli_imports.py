"""``aicareers`` imports only what the command needs: its help and its argument errors load none of
the heavy libraries, each handler loads its own."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from aicareers import store
from aicareers.analytics import cli as analytics_cli
from aicareers.analytics import export, rank, similarity
from aicareers.sparql import catalog, query_cli, server_cli

HEAVY = ("rdflib", "networkx", "scipy", "pyshacl", "pyoxigraph", "oxrdflib", "numpy", "pandas", "pyvis", "yaml")

#: Runs ``aicareers ARGV`` in a fresh interpreter and prints its status and the heavy modules loaded.
PROBE = """
import json, sys
from aicareers.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as stop:
    status = stop.code
print(json.dumps({"status": status, "loaded": [m for m in %r if m in sys.modules]}), file=sys.stderr)
""" % (HEAVY,)


def probe(*argv: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=60)
    return json.loads(done.stderr.strip().splitlines()[-1])


COMMANDS = ["build", "html", "query", "serve", "push", "import-esco", "import-rome", "import-onet",
            "path", "gap", "profile", "similar", "rank", "export", "salaries"]


@pytest.mark.parametrize("argv", [["--help"], ["--version"]] + [[c, "--help"] for c in COMMANDS],
                         ids=lambda argv: " ".join(argv))
def test_help_imports_no_heavy_module(argv):
    found = probe(*argv)
    assert found == {"status": 0, "loaded": []}


@pytest.mark.parametrize("argv", [[], ["nope"], ["gap", "Prompt Engineer"], ["rank", "roles"],
                                  ["query", "--format", "xml"], ["serve", "--port", "eighty"],
                                  ["salaries", "--format", "xml"]],
                         ids=lambda argv: " ".join(argv) or "no command")
def test_argument_errors_import_no_heavy_module(argv):
    assert probe(*argv) == {"status": 2, "loaded": []}


def test_importtime_of_help_lists_no_heavy_module():
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "aicareers", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    assert "aicareers" in imported and not imported & set(HEAVY)


def test_the_choices_written_for_the_parsers_are_those_of_the_modules():
    assert query_cli.FORMATS == catalog.FORMATS and query_cli.PARAM_KINDS == catalog.PARAM_KINDS
    assert server_cli.BACKENDS == store.BACKENDS
    assert analytics_cli.BY == rank.BY and analytics_cli.METHODS == similarity.METHODS
    assert analytics_cli.EXPORT_FORMATS == tuple(export.FORMATS)


def test_the_command_index_names_the_module_of_every_command():
    import argparse
    import importlib

    from aicareers import cli

    registered = {}
    for name in cli.COMMAND_MODULES:
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(subparsers)
        registered.update(dict.fromkeys(subparsers.choices, name))
    assert registered == cli.COMMANDS


def test_help_lists_every_command_once_under_its_task(capsys):
    from aicareers import cli

    grouped = [name for _, names in cli.COMMAND_GROUPS for name in names]
    assert sorted(grouped) == sorted(cli.COMMANDS)
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    headings = [line for line in out.splitlines() if line and not line.startswith(" ") and line.endswith(":")]
    assert headings == ["build the graph:", "ask the graph:", "career analyses:", "import frameworks:",
                        "export and pages:", "options:"]
    assert ("ask the graph:\n"
            "  query         answer a question of the catalogue (queries/*.rq) or run any\n"
            "                SPARQL query\n"
            "  serve         serve the graph through a read-only SPARQL 1.1 endpoint\n"
            "  push          upload the graph to a SPARQL store (Graph Store HTTP Protocol)\n\n") in out
    assert "positional arguments" not in out


def test_the_prefixes_written_out_are_rdflibs():
    from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, VANN, XSD

    from aicareers.prefixes import PREFIXES

    for prefix, namespace in dict(dcterms=DCTERMS, owl=OWL, prov=PROV, rdf=RDF, rdfs=RDFS, schema=SDO, sh=SH,
                                  skos=SKOS, vann=VANN, xsd=XSD).items():
        assert PREFIXES[prefix] == str(namespace)


def test_query_from_the_cache_loads_no_rdflib(tmp_path):
    """``aicareers query`` answers the catalogue's questions from the cached store with pyoxigraph
    alone; a query someone wrote goes through the guarded evaluator (memory and nesting bounds)."""
    nq = tmp_path / "g.nq"
    nq.write_text('<https://w3id.org/ai-careers/id/role/w> <http://www.w3.org/2004/02/skos/core#prefLabel> "W" '
                  '<urn:x:g> .\n'
                  '<https://w3id.org/ai-careers/id/role/w> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
                  '<https://w3id.org/ai-careers/ontology#Role> <urn:x:g> .\n')
    done = subprocess.run([sys.executable, "-c", PROBE, "query", "frameworks", "--graph", str(nq), "--format", "csv"],
                          capture_output=True, text=True, timeout=60)
    assert json.loads(done.stderr.strip().splitlines()[-1]) == {"status": 0, "loaded": ["pyoxigraph"]}
    code = PROBE.replace("status = main(sys.argv[1:])",
                         "import io; sys.stdin = io.StringIO('SELECT ?l WHERE { ?r skos:prefLabel ?l }'); "
                         "status = main(sys.argv[1:])")
    done = subprocess.run([sys.executable, "-c", code, "query", "-", "--graph", str(nq)],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines()[:3] == ["l", "-", "W"]
    assert "rdflib" in json.loads(done.stderr.strip().splitlines()[-1])["loaded"]
