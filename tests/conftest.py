"""Shared fixtures: the graph is built once per test session, in a temporary folder."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from aicareers import paths
from aicareers.build import build
from aicareers.namespaces import ID, bind_prefixes, sparql_prologue

PROJECT = paths.PROJECT_ROOT

# The commands open a cache (aicareers.cache); the tests, and the commands they start in other
# processes, keep theirs apart from the project's, and it goes when the session ends.
os.environ["AICAREERS_CACHE"] = tempfile.mkdtemp(prefix="aicareers-test-cache-")
atexit.register(shutil.rmtree, os.environ["AICAREERS_CACHE"], True)


@pytest.fixture(scope="session")
def built_dir(tmp_path_factory) -> Path:
    """The folder a fresh build of the real graph is written to."""
    return tmp_path_factory.mktemp("graph")


@pytest.fixture(scope="session")
def built(built_dir):
    """A fresh build of the real graph (its files are in ``built_dir``)."""
    return build(built_dir)


@pytest.fixture(scope="session")
def graph(built) -> Graph:
    return built.graph


@pytest.fixture(scope="module")
def g(built):
    """The networkx projection of the session's build (one per test module: some tests edit it)."""
    from aicareers.projection import project

    return project(built.graph)


@pytest.fixture
def cli(g, monkeypatch):
    """``aicareers.cli.main`` with the analyses on ``g`` (not on whatever graph/ holds)."""
    from aicareers.analytics import cli as analytics_cli
    from aicareers.cli import main

    monkeypatch.setattr(analytics_cli, "load_graph", lambda path=None: g)
    monkeypatch.setenv("COLUMNS", "160")  # tables fit the terminal: fix its width, as CI has none
    return main


def short(term) -> str | None:
    """A result term as test-friendly text: CURIE for IRIs, lexical form for literals."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return bind_prefixes(Graph()).namespace_manager.normalizeUri(term)
    if isinstance(term, Literal):
        return str(term)
    return str(term)


@pytest.fixture(scope="session")
def ask(graph):
    """Run a catalogue query by name with entity parameters given by id; rows as tuples of text."""

    def run(name: str, **params: str) -> list[tuple]:
        text = (paths.QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
        kinds = {"role": "role", "other": "role", "topic": "topic"}
        bindings = {var: ID[f"{kinds[var]}/{value}"] for var, value in params.items()}
        result = graph.query(sparql_prologue() + text, initBindings=bindings)
        return [tuple(short(term) for term in row) for row in result]

    return run


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium (tests/browser.py), launched once per session."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
