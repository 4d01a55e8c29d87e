"""One definition of a role's skills, used everywhere (issue 12, item 1).

``gap``, ``similar``, ``path --cheapest``, ``rank`` and ``profile`` all count a role's skills by
:func:`aicareers.analytics.skills.role_skills`; these tests run them on every pair of roles of
the built graph and check that they agree, then check the exact facts of the prompt engineer →
AI architect move (what carries over, and the news article's "no need to code").
"""

from __future__ import annotations

import itertools

import pytest

from aicareers.analytics import cheapest_path, rank_skills, role_similarity, skill_gap, skill_profile
from aicareers.analytics import cli as analytics_cli
from aicareers.analytics.paths import EVOLVES, step_costs
from aicareers.analytics.profile import role_profile
from aicareers.analytics.skills import role_skills, roles, skill_classes
from aicareers.cli import main

ROLE = "https://w3id.org/ai-careers/id/role/"
PE, ARCHITECT = ROLE + "prompt-engineer", ROLE + "ai-architect"
CODING = "https://w3id.org/ai-careers/id/skill/coding"
NEWS = "News article (September 2024): an AI job paid up to 20,000 euros a month"
NO_CODING = "Contrairement à ce que son titre pourrait suggérer, un prompt engineer n’a pas nécessairement besoin de savoir coder."


@pytest.fixture(scope="module")
def skills(g):
    """Each role's skills by the one definition."""
    classes = skill_classes(g)
    return {r: role_skills(g, r, classes) for r in roles(g)}


@pytest.fixture(scope="module")
def gaps(g):
    """The gap of every ordered pair of roles (a role to itself included)."""
    return {(a, b): skill_gap(g, a, b) for a, b in itertools.product(roles(g), repeat=2)}


def keys(items) -> set[str]:
    return {s.key for s in items}


def test_gap_and_similar_agree_on_every_pair(g, gaps, skills):
    for (a, b), gap in gaps.items():
        sim = role_similarity(g, a, b)
        assert keys(gap.carried_over) == keys(sim.shared), (a, b)
        assert keys(gap.to_acquire) == keys(sim.only_b), (a, b)
        assert keys(gap.not_listed) == keys(sim.only_a), (a, b)
        assert keys(gap.to_acquire) | keys(gap.carried_over) == set(skills[b]), (a, b)
        assert not keys(gap.to_acquire) & set(skills[a]), (a, b)


def test_a_role_lacks_none_of_its_own_skills(gaps, skills):
    for r, profile in skills.items():
        gap = gaps[(r, r)]
        assert not gap.to_acquire and not gap.not_listed, r
        assert keys(gap.carried_over) == set(profile), r


def test_the_gap_is_symmetric_in_what_carries_over(gaps):
    for a, b in gaps:
        assert keys(gaps[(a, b)].carried_over) == keys(gaps[(b, a)].carried_over), (a, b)


def test_a_step_of_path_cheapest_costs_the_gap(g, gaps):
    required, have = step_costs(g, PE)
    for (a, b), gap in gaps.items():  # the weight of every move cheapest_path could take
        assert {k for k in required[b] if k not in have[a]} == keys(gap.to_acquire), (a, b)
    moves = sorted((u, v) for u, v, k in g.edges(keys=True) if k == EVOLVES)
    assert moves
    for a, b in moves:
        path = cheapest_path(g, a, b)
        if len(path.steps) == 1:  # the direct move is the cheapest: its cost is the gap's
            step = path.steps[0]
            assert (step.cost, {s.key for s in step.to_acquire}) == (len(gaps[(a, b)].to_acquire), keys(gaps[(a, b)].to_acquire))
        else:  # a way round is cheaper than the gap of the direct move
            assert path.cost < len(gaps[(a, b)].to_acquire), (a, b)


def test_rank_counts_a_roles_skills_by_the_same_definition(g, gaps, skills):
    ranked = rank_skills(g)
    listing = {s.skill.key: {r.key for r in s.roles} for s in ranked}
    for r, profile in skills.items():
        assert {k for k, rs in listing.items() if r in rs} == set(profile) == keys(gaps[(r, r)].carried_over), r
    for s in ranked:  # a move opened by a skill is a move for which the gap lists it to acquire
        for u, v in s.opens:
            assert s.skill.key in keys(gaps[(u.key, v.key)].to_acquire)
    moves = {(u, v) for u, v, k in g.edges(keys=True) if k == EVOLVES}
    assert sum(len(s.opens) for s in ranked) == sum(len(gaps[m].to_acquire) for m in moves)


def test_the_profile_lists_the_same_skills(g, skills):
    for r, profile in skills.items():
        assert [s.key for s in role_profile(g, r).skills] and {s.key for s in role_profile(g, r).skills} == set(profile), r


# --------------------------------------------------------------------------- exact facts


def test_prompt_engineer_to_ai_architect(g, gaps):
    gap = gaps[(PE, ARCHITECT)]
    sim = role_similarity(g, "Prompt Engineer", "Architecte d'IA")
    assert (len(gap.to_acquire), len(gap.carried_over), len(sim.shared)) == (40, 126, 126)
    carried = {s.label_en for s in gap.carried_over}
    # the article skills that are also ESCO's for the designer carry over, and so do the
    # designer's skills the prompt engineer reaches through its broad match, Python among them
    assert {"Creativity", "Understanding of generative AI", "Python (computer programming)", "algorithms"} <= carried
    assert {s.label_en for s in gap.carried_over if not s.held.broad_only} == {"Creativity", "Understanding of generative AI"}
    python = next(s for s in gap.carried_over if s.label_en == "Python (computer programming)")
    assert python.held.describe_origins() == ["ESCO via ICT intelligent systems designer (broad match), essential"]
    # coding: the news article says the prompt engineer need not code, so it is not carried over
    # although ESCO lists computer programming for the designer; the architect needs it
    acquire = {s.key: s for s in gap.to_acquire}
    assert CODING in acquire and CODING not in {s.key for s in sim.shared}
    assert "ESCO via ICT intelligent systems designer (close match), essential" in acquire[CODING].required.describe_origins()
    assert any(n.startswith("Prompt engineer: Coding: not needed according to " + NEWS) and NO_CODING in n for n in gap.notes)


def test_the_coding_override_is_visible_with_both_sources(g, gaps, skills):
    coding = skill_profile(g, PE)[CODING]
    assert not coding.needed and CODING not in skills[PE]
    assert coding.override_text() == (
        f"Coding: not needed according to {NEWS} («{NO_CODING}»), although ESCO lists it as essential for "
        "ICT intelligent systems designer (broad match)")
    assert {f.source_label for f in coding.facts} >= {NEWS}
    assert [s.key for s in role_profile(g, PE).not_needed] == [CODING]
    gap = gaps[(ROLE + "developer", PE)]
    assert [s.key for s in gap.not_needed] == [CODING] and CODING not in keys(gap.to_acquire + gap.carried_over)


def test_gap_of_the_prompt_engineer_to_itself_on_the_command_line(g, monkeypatch, capsys):
    monkeypatch.setattr(analytics_cli, "load_graph", lambda path=None: g)
    monkeypatch.setenv("COLUMNS", "160")
    assert main(["gap", "Prompt Engineer", "Prompt Engineer"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Skill gap from Prompt engineer to Prompt engineer: 0 to acquire, 144 carried over"
    assert "Not needed for Prompt engineer, according to a source (1):" in out


# --------------------------------------------------------------------------- the catalogue


@pytest.fixture(scope="module")
def answer(built, built_dir):
    """Rows of a catalogue query (by variable name, as text) on the session's build, through the
    commands' own direct pyoxigraph path."""
    from aicareers import cache
    from aicareers.sparql.catalog import load_catalog
    from aicareers.sparql.direct import answer_rows
    from aicareers.sparql.results import term_parts

    store, catalog = cache.open_store(built_dir / "ai-careers.nq"), load_catalog()

    def run(name: str, **params: str) -> list[dict]:
        variables, rows = answer_rows(store, catalog[name], params)
        return [{v: (term_parts(t).text if t is not None else None) for v, t in zip(variables, row)} for row in rows]

    return run


def test_the_catalogues_role_skills_are_role_skills(g, answer, skills):
    classes = skill_classes(g)
    for r, profile in skills.items():
        rows = answer("role-skills", role=r)
        needed = {classes.canonical(row["skill"]) for row in rows if row["needed"] == "true"}
        not_needed = {classes.canonical(row["skill"]) for row in rows if row["needed"] == "false"}
        assert needed == set(profile), r
        assert not_needed == {k for k, s in skill_profile(g, r).items() if not s.needed}, r


def test_role_skills_shows_the_coding_override_with_both_sources(answer):
    rows = [row for row in answer("role-skills", role=PE) if row["needed"] == "false"]
    assert {(row["skillLabel"], row["through"], row["sourceLabel"]) for row in rows} == {
        ("computer programming", "ESCO via ICT intelligent systems designer (broad match), essential", None),
        ("Coding", "not needed according to the source", NEWS),
    }
    assert next(row["quote"] for row in rows if row["skillLabel"] == "Coding") == NO_CODING


def test_the_catalogues_shared_skills_are_role_skills(g, answer, skills, gaps):
    for r in skills:  # every role, beside the prompt engineer (whose coding a source overrides)
        rows = answer("shared-skills", role=r, other=PE)
        assert {row["skill"] for row in rows if row["firstNeedsIt"] == "true"} == set(skills[r]), r
        assert {row["skill"] for row in rows if row["secondNeedsIt"] == "true"} == set(skills[PE]), r
        both = {row["skill"] for row in rows if row["firstNeedsIt"] == row["secondNeedsIt"] == "true"}
        assert both == keys(gaps[(r, PE)].carried_over), r


def test_the_catalogues_role_profile_states_the_article_skills_and_the_override(g, answer, skills):
    for r in skills:
        rows = answer("role-profile", role=r)
        stated = {row["what"] for row in rows if row["relation"] == "https://w3id.org/ai-careers/ontology#requiresSkill"}
        not_needed = {row["what"] for row in rows if row["relation"] == "https://w3id.org/ai-careers/ontology#isRequired"}
        profile = skill_profile(g, r)
        assert stated == {o.node for s in skills[r].values() for o in s.origins if o.kind == "article"}, r
        assert not_needed == {o.node for s in profile.values() for o in s.origins if o.kind == "claim"}, r
    assert [(row["relationLabel"], row["label"], row["sourceLabel"]) for row in answer("role-profile", role=PE)
            if row["what"] == CODING] == [("is not needed", "Coding", NEWS)]
