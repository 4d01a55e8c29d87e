"""The strict YAML loader of the facts files: hostile or mistaken YAML stops the build on one line, exit 2.

``RECORD`` is appended to the list of ``facts/salaries.yaml`` (its only key is ``salaries:``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from aicareers import paths
from aicareers.cli import main
from aicareers.errors import InputError
from aicareers.facts import read_facts
from aicareers.yamlsafe import MAX_BYTES, MAX_DIGITS, load_yaml

RECORD = """
  - id: hostile-salary
    role: prompt-engineer
    min: {min}
    currency: EUR
    period: year
    basis: not-stated
    evidence:
      - {{source: abc-article, quote: "un salaire"}}
"""


@pytest.fixture
def facts(tmp_path):
    """A copy of the hand-kept facts (the YAML files only) that a test may spoil."""
    folder = tmp_path / "facts"
    folder.mkdir()
    for path in paths.FACTS_DIR.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    return folder


def build_fails(facts, tmp_path, capsys) -> str:
    """Build from ``facts``: it must stop with exit status 2 and one line on stderr; that line."""
    out = tmp_path / "out"
    status = main(["build", "--facts", str(facts), "--out", str(out), "--no-html"])
    err = capsys.readouterr().err
    assert status == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert not out.exists() or not any(out.iterdir())  # nothing written
    return err.strip()


def test_a_duplicate_key_is_refused_with_file_line_and_field(facts, tmp_path, capsys):
    with open(facts / "salaries.yaml", "a", encoding="utf-8") as handle:
        handle.write(RECORD.format(min=50000).replace("    currency: EUR\n", "    currency: EUR\n    currency: USD\n"))
    line = build_fails(facts, tmp_path, capsys)
    assert "salaries.yaml" in line
    assert "duplicate key (first at line" in line
    assert "field salaries[" in line and "].currency" in line
    number = sum(1 for _ in open(facts / "salaries.yaml", encoding="utf-8"))
    assert f"record line {number - 4}" in line  # the second `currency:`


def test_the_silently_overridden_currency_of_the_issue(facts):
    """The issue's case: `currency: USD` under `currency: EUR` used to build a USD salary."""
    with open(facts / "salaries.yaml", "a", encoding="utf-8") as handle:
        handle.write(RECORD.format(min=50000).replace("    currency: EUR\n", "    currency: EUR\n    currency: USD\n"))
    with pytest.raises(InputError, match="duplicate key"):
        read_facts(facts)


@pytest.mark.parametrize("value, words", [
    ("1" * 5000, f"a number of 5,000 digits: at most {MAX_DIGITS}"),
    ('"' + "9" * 5000 + '"', f"a number of 5,000 digits: at most {MAX_DIGITS}"),
    ("1e400000", f"a number of 400,001 digits: at most {MAX_DIGITS}"),
])
def test_a_salary_of_5000_digits_is_one_line(facts, tmp_path, capsys, value, words):
    with open(facts / "salaries.yaml", "a", encoding="utf-8") as handle:
        handle.write(RECORD.format(min=value))
    line = build_fails(facts, tmp_path, capsys)
    assert "salaries.yaml" in line
    if words:
        assert words in line and "field salaries[" in line and ".min" in line
    else:
        assert "hostile-salary" in line and "field min" in line


def test_yaml_nested_20000_deep_is_one_line(facts, tmp_path, capsys):
    (facts / "deep.yaml").write_text("roles: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    line = build_fails(facts, tmp_path, capsys)
    assert "deep.yaml: record line 1: field roles[1][1]...: nested more than 50 levels deep" in line


def test_an_alias_bomb_is_refused_before_it_expands(facts, tmp_path, capsys):
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        levels.append(f"a{level}: &a{level} [{refs}]")
    (facts / "bomb.yaml").write_text(
        "x:\n" + "\n".join(f"  {line}" for line in levels) + "\nroles:\n  - id: bomb\n    skills: *a9\n",
        encoding="utf-8",
    )
    line = build_fails(facts, tmp_path, capsys)
    assert "bomb.yaml" in line and "expands to more than" in line


def test_a_huge_file_is_refused_before_it_is_read(facts, tmp_path, capsys):
    with open(facts / "huge.yaml", "w", encoding="utf-8") as handle:
        handle.write("# padding\n" * (MAX_BYTES // 10 + 1))
    line = build_fails(facts, tmp_path, capsys)
    assert "huge.yaml" in line and "bytes: a facts file holds at most" in line


def test_the_real_facts_load_as_before():
    """The strict loader reads what safe_load read (anchors and aliases of the facts included)."""
    import yaml

    for path in sorted(paths.FACTS_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text, str(path)) == yaml.safe_load(text), path.name


def test_the_real_entry_point_prints_no_traceback(facts, tmp_path):
    """Through `python -m aicareers` in its own process: the RecursionError of the issue is gone."""
    (facts / "deep.yaml").write_text("roles: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "aicareers", "build", "--facts", str(facts), "--out", str(tmp_path / "o"), "--no-html"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr
