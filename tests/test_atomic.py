"""An output set a kill cannot split: the build killed at every write, through aicareers.atomic's hook.

:data:`aicareers.atomic.FAULT` is called before every write, rename and removal. A forked child
writes the build's output set with the hook set to end the process (``os._exit``: no cleanup
runs, as with SIGKILL) at the k-th step, for every k. After each kill, every reader either reads
a whole set or refuses, and the next build (:func:`aicareers.atomic.recover`, which it runs
first) leaves the whole old set or the whole new one, with no temporary file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from aicareers import atomic
from aicareers.assembly import OUTPUT_NAMES
from aicareers.errors import UsageError
from aicareers.store import load_dataset

#: The names of the build's output set: the graph files, the report and (some of) the pages.
NAMES = list(OUTPUT_NAMES) + ["html/index.html", "html/career-paths.html", "html/role-prompt-engineer.html",
                              "html/jobs/prompt-engineer.html"]
OLD = {name: f"old {name}\n".encode() for name in NAMES}
NEW = {name: f"new {name}\n".encode() for name in NAMES}
KILLED = 137


def steps_of_a_write(folder: Path) -> list[tuple[str, str]]:
    """The steps (hook calls) of writing the new set over the old one, in order."""
    atomic.write_set(folder, OLD)
    seen: list[tuple[str, str]] = []
    atomic.FAULT = lambda step, path: seen.append((step, path.name))
    try:
        atomic.write_set(folder, NEW)
    finally:
        atomic.FAULT = None
    return seen


def killed_at(folder: Path, k: int, files: dict, action=None) -> int:
    """Write ``files`` (or run ``action``) in a forked child that dies at step ``k``; its exit status."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 0
        try:
            count = [0]

            def fault(step, path):
                count[0] += 1
                if count[0] == k:
                    os._exit(KILLED)  # like a kill: no finally, no cleanup

            atomic.FAULT = fault
            if action is None:
                atomic.write_set(folder, files)
            else:
                action()
        except BaseException:  # noqa: BLE001
            status = 1
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_kill_at_any_write_leaves_the_old_set_or_the_new_one(tmp_path):
    steps = steps_of_a_write(tmp_path / "dry-run")
    kinds = {step for step, _ in steps}
    assert {"write", "rename", "commit"} <= kinds
    assert len(steps) >= 2 * len(NAMES) + 1
    outcomes = {"old": 0, "new": 0}
    for k in range(1, len(steps) + 1):
        folder = tmp_path / f"kill-{k}"
        atomic.write_set(folder, OLD)
        assert killed_at(folder, k, NEW) == KILLED, steps[k - 1]
        # a reader: the whole old set, or a refusal while the journal says a switch is unfinished
        if (folder / atomic.JOURNAL).exists():
            with pytest.raises(UsageError, match="not all switched"):
                atomic.check_complete(folder)
        else:
            visible = {name: data for name, data in contents(folder).items() if not name.split("/")[-1].startswith(".")}
            assert visible == OLD, steps[k - 1]
        # the next build repairs first: then exactly one whole set, and nothing else
        atomic.recover(folder)
        after = contents(folder)
        assert after in (OLD, NEW), (steps[k - 1], sorted(after))
        outcomes["old" if after == OLD else "new"] += 1
        # and a new build over it works
        atomic.write_set(folder, NEW)
        assert contents(folder) == NEW
    assert outcomes["old"] and outcomes["new"]  # kills before and after the point of no return


def test_a_kill_during_the_repair_is_repaired_too(tmp_path):
    steps = steps_of_a_write(tmp_path / "dry-run")
    renames = [i for i, (step, _) in enumerate(steps, 1) if step == "rename" and i > steps.index(("rename", atomic.JOURNAL)) + 1]
    folder = tmp_path / "twice"
    atomic.write_set(folder, OLD)
    assert killed_at(folder, renames[2], NEW) == KILLED  # three files switched, the others not
    assert (folder / atomic.JOURNAL).exists()
    assert killed_at(folder, 2, {}, action=lambda: atomic.recover(folder)) == KILLED  # the repair, killed
    atomic.recover(folder)
    assert contents(folder) == NEW


def test_readers_refuse_a_folder_left_mid_switch(tmp_path):
    folder = tmp_path / "graph"
    nquads = b'<urn:x:a> <urn:x:p> "o" <urn:x:g> .\n'
    atomic.write_set(folder, {"ai-careers.nq": nquads, "ai-careers.ttl": b""})
    # steps: the two files written (1, 2), the journal written (3) and renamed (4), the first file
    # renamed (5): killed before the second rename (6)
    assert killed_at(folder, 6, {"ai-careers.nq": nquads.replace(b'"o"', b'"p"'), "ai-careers.ttl": b"x"}) == KILLED
    with pytest.raises(UsageError, match="not all switched"):
        load_dataset(folder / "ai-careers.nq")
    atomic.recover(folder)
    assert len(load_dataset(folder / "ai-careers.nq")) == 1


def test_the_real_build_killed_between_two_renames(built, built_dir, tmp_path):
    """The issue's case: a kill between two renames left .ttl and .trig new, .nq and .jsonld old."""
    from aicareers.cli import main

    out = tmp_path / "graph"
    atomic.write_set(out, {name: b"previous\n" for name in OUTPUT_NAMES})
    # the steps of a build's write: 7 files written, the journal written and renamed, then renames
    k = len(OUTPUT_NAMES) + 2 + 2
    status = killed_at(out, k, {}, action=lambda: main(["build", "--out", str(out), "--no-html"]))
    assert status == KILLED
    assert (out / atomic.JOURNAL).exists()
    names = {p.name for p in out.iterdir()}
    assert any(name.endswith(".tmp") for name in names)  # the files not switched yet
    with pytest.raises(UsageError):
        load_dataset(out / "ai-careers.nq")
    atomic.recover(out)  # what the next build does first
    # the documentation page is in a sub-folder (docs/): the files, not the folder's entries
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == sorted(OUTPUT_NAMES)
    for name in OUTPUT_NAMES:  # builds are byte-identical: the switched set is the session's build
        assert (out / name).read_bytes() == (built_dir / name).read_bytes(), name


def test_leftovers_are_ignored_by_git(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = Path(__file__).parent.parent
    for name in ("graph/.ai-careers.nq.a1b2c3d4.tmp", "graph/html/.index.html.a1b2c3d4.tmp",
                 "graph/.switch-journal.json", "graph/.ai-careers.nq.k3_x9qzp.tmp"):
        done = subprocess.run(["git", "-C", str(root), "check-ignore", "-q", name], capture_output=True)
        assert done.returncode == 0, name
