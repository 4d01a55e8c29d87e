"""Where the project's files are: the model, the hand-kept facts, the queries and the outputs.

The package works from a checkout of the repository (``pip install -e .``): the hand-kept
sources are data of the project, not of the package. ``AICAREERS_HOME`` points elsewhere.

>>> (PROJECT_ROOT / "ontology.ttl").name
'ontology.ttl'
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("AICAREERS_HOME", Path(__file__).resolve().parents[2]))
ONTOLOGY = PROJECT_ROOT / "ontology.ttl"
SHAPES = PROJECT_ROOT / "shapes.ttl"
FACTS_DIR = PROJECT_ROOT / "facts"
QUERIES_DIR = PROJECT_ROOT / "queries"
GRAPH_DIR = PROJECT_ROOT / "graph"
#: The source articles, kept outside the repository (``../shared/seeds``); optional at run time.
SEEDS_DIR = Path(os.environ.get("AICAREERS_SEEDS", PROJECT_ROOT.parent / "shared" / "seeds"))
