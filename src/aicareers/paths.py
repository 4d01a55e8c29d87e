"""Where the project's files are: the model, the hand-kept facts, the queries and the outputs.

Two ways to run the package, two places:

- **from a clone** (``pip install -e .``, or ``PYTHONPATH=src``): the repository's own files, the
  ones a build reads and writes: ``ontology.ttl``, ``facts/``, ``queries/``, ``graph/``;
- **from the wheel** (``pip install aicareers-<version>.whl``, no clone): the copy the wheel
  carries in ``aicareers/data/`` (``setup.py`` puts the built graph, the queries, the ontology and
  the shapes there when the wheel is made). It is enough to ask the graph (``query``, ``serve``,
  the analyses); building needs a clone (the facts are not in the wheel). The command cache then
  goes to the user's cache folder (``$XDG_CACHE_HOME/aicareers``, else ``~/.cache/aicareers``),
  since the installed package's folder may not be writable.

A clone is recognised by its ``pyproject.toml`` and ``queries/`` two levels above the package.
``AICAREERS_HOME`` names a project folder, whichever it is.

>>> (PROJECT_ROOT / "ontology.ttl").name
'ontology.ttl'
>>> is_clone(Path(__file__).resolve().parents[2]) == (DATA_ROOT == PROJECT_ROOT)
True
"""

from __future__ import annotations

import os
from pathlib import Path

#: The folder the wheel's copy of the graph, queries, ontology and shapes is in (``setup.py``).
PACKAGED_DATA = Path(__file__).resolve().parent / "data"


def is_clone(folder: Path) -> bool:
    """Whether ``folder`` is a checkout of the project (its ``pyproject.toml`` and ``queries/``).

    >>> is_clone(Path(__file__).resolve().parent)
    False
    """
    return (folder / "pyproject.toml").is_file() and (folder / "queries").is_dir()


def _data_root() -> Path:
    """The project folder when there is one (``AICAREERS_HOME``, or the clone this package is in),
    else the wheel's copy."""
    if os.environ.get("AICAREERS_HOME"):
        return Path(os.environ["AICAREERS_HOME"])
    clone = Path(__file__).resolve().parents[2]
    return clone if is_clone(clone) or not PACKAGED_DATA.is_dir() else PACKAGED_DATA


PROJECT_ROOT = Path(os.environ.get("AICAREERS_HOME", Path(__file__).resolve().parents[2]))
#: Where the model, the queries and the graph are read from: :data:`PROJECT_ROOT` in a clone, the
#: wheel's copy (:data:`PACKAGED_DATA`) in an installed wheel.
DATA_ROOT = _data_root()
ONTOLOGY = DATA_ROOT / "ontology.ttl"
SHAPES = DATA_ROOT / "shapes.ttl"
FACTS_DIR = PROJECT_ROOT / "facts"
QUERIES_DIR = DATA_ROOT / "queries"
GRAPH_DIR = DATA_ROOT / "graph"
#: The command cache's default folder (``AICAREERS_CACHE`` overrides it, see :mod:`aicareers.cache`).
CACHE_DIR = (
    PROJECT_ROOT / ".aicareers-cache"
    if DATA_ROOT != PACKAGED_DATA
    else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "aicareers"
)
#: The source articles, kept outside the repository (``../shared/seeds``); optional at run time.
SEEDS_DIR = Path(os.environ.get("AICAREERS_SEEDS", PROJECT_ROOT.parent / "shared" / "seeds"))
