"""One resolver of names (aicareers.names): the catalogue and the analytics answer a typo alike."""

from __future__ import annotations

import pytest

from aicareers import names
from aicareers.analytics import cli as analytics_cli
from aicareers.analytics import names as analytics_names
from aicareers.cli import main
from aicareers.projection import project
from aicareers.sparql import catalog

#: A typo, and the one message every command gives for it.
TYPOS = {
    "Promt": "unknown role 'Promt'; did you mean: Prompt engineer (prompt-engineer)?",
    "Chercheur IA": "unknown role 'Chercheur IA'; did you mean: Chercheur en IA (ai-researcher)?",
    "architecte ia": "unknown role 'architecte ia'; did you mean: Architecte d'IA (ai-architect)?",
}


@pytest.fixture
def run(built, built_dir, monkeypatch, capsys):
    g = project(built.graph)
    monkeypatch.setattr(analytics_cli, "load_graph", lambda path=None: g)

    def run(*argv: str) -> tuple[int, str]:
        if argv[0] == "query":
            argv = (*argv, "--graph", str(built_dir / "ai-careers.nq"))
        status = main(list(argv))
        err = capsys.readouterr().err  # the last line: the first query may say it builds its cache
        return status, err.splitlines(keepends=True)[-1]

    return run


@pytest.mark.parametrize("typo", TYPOS)
def test_the_same_typo_gets_the_same_suggestion_from_every_command(run, typo):
    expected = TYPOS[typo]
    assert run("query", "role-skills", "--role", typo) == (2, f"aicareers query: error: {expected}\n")
    assert run("path", typo) == (2, f"aicareers path: error: {expected}\n")
    assert run("gap", typo, "Prompt engineer") == (2, f"aicareers gap: error: {expected}\n")


def test_one_error_class():
    assert catalog.UnknownNameError is analytics_names.UnknownNameError is names.UnknownNameError
    assert catalog.AmbiguousNameError is analytics_names.AmbiguousNameError is names.AmbiguousNameError


def test_a_name_with_braces_is_no_name():
    roles = {"https://w3id.org/ai-careers/id/role/prompt-engineer": ["Prompt engineer"]}
    with pytest.raises(names.UnknownNameError):
        names.resolve_name(roles, "role", "prompt-engineer> } #")
