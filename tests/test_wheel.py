"""The wheel carries the built graph: built, installed into a fresh venv, it answers with no clone.

The wheel is made from a copy of the project's files (nothing is written into the clone) with
``python -m build --wheel --no-isolation`` (the test extras install ``build`` and a setuptools
that makes wheels by itself), or ``pip wheel --no-deps --no-build-isolation`` where ``build`` is
not installed. The fresh venv gets the running interpreter's packages without any network: a
``.pth`` file lists their site-packages folder, whose own ``.pth`` files are not processed (a plain
path line is added to ``sys.path`` as it is), so that an editable install of ``aicareers`` there
stays invisible. The wheel goes in with ``--no-deps --no-index``, and ``aicareers query tools``
runs from a folder outside the repository.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from aicareers import paths

ROOT = paths.PROJECT_ROOT
pytestmark = pytest.mark.wheel

#: What making the wheel reads: the packaging files, the package, and what setup.py copies into it.
SOURCES = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "ontology.ttl", "shapes.ttl", "src", "queries", "graph")


def _copy_project(target: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "html", "docs", ".*")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment of the installed command: nothing that points back at the clone."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "AICAREERS_HOME", "AICAREERS_CACHE", "VIRTUAL_ENV", "PYTHONHOME")}
    return {**env, **extra}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    project = _copy_project(tmp_path_factory.mktemp("project"))
    out = tmp_path_factory.mktemp("dist")
    if importlib.util.find_spec("build") is not None:
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(project)]
    else:
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                   "-w", str(out), str(project)]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600, env=_clean_env())
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    wheels = list(out.glob("aicareers-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed and this interpreter's packages on its path; its bin/."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(home)
    python = home / "bin" / "python"
    done = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                          capture_output=True, text=True, timeout=600, env=_clean_env())
    assert done.returncode == 0, done.stderr[-3000:]
    # after the install, so that pip does not see the clone's editable aicareers
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True, env=_clean_env()).stdout.strip()
    # this interpreter's site-packages, and any other one its own site machinery put on sys.path
    # (an environment may reach its packages through a .pth file, which the new venv would not read)
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
                         + [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages")])
    (Path(site) / "aicareers-test-dependencies.pth").write_text("".join(f"{p}\n" for p in ours), encoding="utf-8")
    return home / "bin"


def test_the_wheel_carries_the_graph_and_the_catalogue(wheel):
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    graph = {f"aicareers/data/graph/{n}" for n in ("ai-careers.ttl", "ai-careers.trig", "ai-careers.nq",
                                                   "ai-careers.jsonld", "build-report.json", "build-report.md")}
    queries = {f"aicareers/data/queries/{p.name}" for p in (ROOT / "queries").glob("*.rq")}
    assert graph | queries | {"aicareers/data/ontology.ttl", "aicareers/data/shapes.ttl"} <= names
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("aicareers/data/graph/ai-careers.nq") == (ROOT / "graph" / "ai-careers.nq").read_bytes()
    assert not any(name.startswith(("graph/", "queries/", "facts/")) for name in names)


def test_the_installed_command_answers_without_a_clone(installed, tmp_path):
    cwd, cache = tmp_path / "elsewhere", tmp_path / "xdg-cache"
    cwd.mkdir()
    env = _clean_env(XDG_CACHE_HOME=str(cache), HOME=str(tmp_path))
    done = subprocess.run([str(installed / "aicareers"), "query", "tools", "--format", "json"], cwd=cwd,
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["results"]["bindings"]
    assert sorted({row["label"]["value"] for row in rows}) == ["ChatGPT", "Midjourney", "Mistral AI"]
    assert len(rows) == 4  # ChatGPT is named by two sources
    # the cache went to the user's cache folder, not into the installed package
    assert any((cache / "aicareers").iterdir())

    where = subprocess.run(
        [str(installed / "python"), "-c",
         "import aicareers, aicareers.paths as p; print(aicareers.__file__); print(p.GRAPH_DIR); print(p.QUERIES_DIR)"],
        cwd=cwd, capture_output=True, text=True, timeout=120, env=env, check=True).stdout.split("\n")
    venv_root = installed.parent.resolve()
    module, graph_dir, queries_dir = (Path(line).resolve() for line in where[:3])
    assert module.is_relative_to(venv_root), module
    assert not module.is_relative_to(ROOT.resolve())
    assert graph_dir == module.parent / "data" / "graph" and queries_dir == module.parent / "data" / "queries"
