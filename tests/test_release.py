"""The release's numbers and citation agree: pyproject, the package, the ontology, the CHANGELOG,
CITATION.cff (valid Citation File Format 1.2.0) and the README's "How to cite".

``tests/fixtures/cff-1.2.0.schema.json`` is the CFF 1.2.0 JSON schema (CC BY 4.0, the Citation
File Format project, https://citation-file-format.github.io/1.2.0/schema.json), as cffconvert 2.0.0
ships it: kept here so that the check needs no network.
"""

from __future__ import annotations

import json
import re
import tomllib

import jsonschema
import pytest
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

import aicareers
from aicareers import paths
from aicareers.namespaces import AIC

ROOT = paths.PROJECT_ROOT
ONTOLOGY_IRI = URIRef(str(AIC).rstrip("#"))


@pytest.fixture(scope="module")
def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.fixture(scope="module")
def citation() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def how_to_cite() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme[readme.index("## How to cite"):readme.index("\n## ", readme.index("## How to cite") + 1)]


def test_citation_cff_is_valid_cff_1_2_0(citation):
    schema = json.loads((ROOT / "tests" / "fixtures" / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "https://citation-file-format.github.io/1.2.0/schema.json"
    assert citation["cff-version"] == "1.2.0"
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(citation)


def test_the_schema_catches_a_broken_citation(citation):
    """The check is not vacuous: a citation without authors, or with a date that is no date, fails."""
    schema = json.loads((ROOT / "tests" / "fixtures" / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    assert not validator.is_valid({k: v for k, v in citation.items() if k != "authors"})
    assert not validator.is_valid({**citation, "date-released": "30/11/2026"})


def test_one_version_everywhere(version, citation):
    ontology = Graph().parse(paths.ONTOLOGY, format="turtle")
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert aicareers.__version__ == version
    assert set(ontology.objects(ONTOLOGY_IRI, OWL.versionInfo)) == {Literal(version)}
    version_iri = f"https://w3id.org/ai-careers/ontology/{version}"
    assert set(ontology.objects(ONTOLOGY_IRI, OWL.versionIRI)) == {URIRef(version_iri)}
    assert citation["version"] == version
    assert citation["url"] == version_iri
    assert {i["value"] for i in citation["identifiers"]} == {version_iri}


def test_the_changelog_releases_this_version(version, citation):
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", changelog, re.M)
    assert released[0] == (version, citation["date-released"])
    assert f"[{version}]: https://w3id.org/ai-careers/ontology/{version}" in changelog


def test_the_readme_cites_as_citation_cff_does(version, citation, how_to_cite):
    author = citation["authors"][0]["name"]
    quoted = " ".join(line.lstrip("> ").strip() for line in how_to_cite.splitlines() if line.startswith(">"))
    assert quoted.startswith(f"{author}. *{citation['title']}*, version {version}, {citation['date-released']}.")
    assert f"Ontology `{citation['url']}`" in quoted
    bibtex = dict(re.findall(r"^\s*(\w+)\s*=\s*\{(.*)\},?$", how_to_cite.split("```bibtex")[1].split("```")[0], re.M))
    assert bibtex["author"] == "{" + author + "}"
    assert bibtex["title"].replace("{", "").replace("}", "") == citation["title"]
    assert bibtex["version"] == version
    assert bibtex["year"] == citation["date-released"][:4]
    assert bibtex["url"] == citation["url"]
    assert "CITATION.cff" in how_to_cite
    # the licences the citation names, in the words of the README
    assert set(citation["license"]) == {"CC-BY-4.0", "MIT"}
    assert "CC BY 4.0" in quoted and "MIT" in quoted
