"""The wheel carries the built graph: a setuptools hook, the rest of the configuration is pyproject.toml.

When a wheel is made (``python -m build --wheel`` or ``pip wheel .``), ``build_py`` copies the
built graph (the files of ``graph/`` that are committed, which ``python build_graph.py`` makes),
the query catalogue, the ontology and the shapes into ``aicareers/data/`` of the wheel, so that
``pip install aicareers-<version>.whl`` then ``aicareers query tools`` works with no clone
(:mod:`aicareers.paths` finds the copy). The hand-kept sources and the generated files stay where
they are in the repository: nothing is copied into ``src/``. An editable install copies nothing:
it reads the clone itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent

#: What the wheel carries, by folder of the repository: the graph as the build writes it (its
#: pages, cache and documentation are not committed and not carried), the catalogue, the model.
PACKAGED = {
    "graph": ("ai-careers.ttl", "ai-careers.trig", "ai-careers.nq", "ai-careers.jsonld",
              "build-report.json", "build-report.md"),
    "queries": tuple(sorted(path.name for path in (ROOT / "queries").glob("*.rq"))),
    ".": ("ontology.ttl", "shapes.ttl"),
}


class build_py_with_graph(build_py):
    """``build_py``, then the graph, queries, ontology and shapes copied into ``aicareers/data/``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        data = Path(self.build_lib) / "aicareers" / "data"
        for folder, names in PACKAGED.items():
            for name in names:
                source = ROOT / folder / name
                if not source.is_file():
                    raise SystemExit(f"{source} is missing: run `python build_graph.py` before making the wheel")
                target = data / folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)


setup(cmdclass={"build_py": build_py_with_graph})
