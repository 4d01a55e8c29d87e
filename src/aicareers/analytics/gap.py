"""The skill gap between two roles, the missions the skills serve, and the trainings that cover them.

**Gap rule** (:func:`skill_gap`). Both roles' skills are their
:func:`~aicareers.analytics.skills.role_skills`, the one definition every analysis uses (article
skills and every framework skill of the occupations the role matches, ESCO and ROME, broad
matches included; less the skills a source says the role does not need). A skill of the target
is *carried over* when it is also one of the starting role's skills (an equivalent counts:
Creativity covers ESCO's "develop creative ideas"), else *to acquire*; the skills to acquire
are listed essential first (stated by an article, ESCO essential or ROME core, then the others).
So the skills carried over are exactly the skills :func:`~aicareers.analytics.similarity.role_similarity`
calls shared, a role moving to itself has nothing to acquire, and the first step of
``path --cheapest`` costs the number of skills to acquire. Skills of the starting role the
target does not list are reported as *not listed* (they may still help). A skill reached only
through a broad match is marked so. A skill a source says the target does not need is listed
apart, *not needed*, with both sources (the claim and the framework that lists it).

**Missions served.** The graph links missions to roles, not to skills. A skill *serves* a mission
of either role when the mission is matched (``skos:exactMatch``/``closeMatch``/``broadMatch``) to
that skill or one of its equivalents; no label guessing. In the AI-careers graph only the
prompt engineer has missions, and the lists are empty unless a mission's ESCO match is in the
graph; the gap says so in its notes.

**Training coverage** (:func:`trainings_for`). The graph links learning routes to roles
(``aic:learningRoute``), never to skills, and no source says which programme teaches which skill.
A route therefore *covers* a skill when it is a route into a role whose article skills
(``aic:requiresSkill``) include that skill or an equivalent: it prepares for a job that needs
the skill, which is all the sources support. A skill known only from a framework, or only from roles no
route leads to, is reported as not covered, never given an invented training.

>>> from aicareers.analytics._examples import example_graph
>>> g = example_graph()
>>> gap = skill_gap(g, "Writer", "Editor in chief")
>>> [s.label_en for s in gap.to_acquire], [s.label_en for s in gap.carried_over]
(['manage budgets', 'Proofreading'], ['Creativity'])
>>> [m.label_en for m in gap.to_acquire[1].missions], [s.label_en for s in gap.not_listed]
(['Check copy'], ['Writing'])
>>> cover = trainings_for(g, ["Writing", "manage budgets"])
>>> {g.nodes[k]["label_en"]: [c.route.label_en for c in routes] for k, routes in cover.covered.items()}
{'Writing': ['Journalism school']}
>>> [s.label_en for s in cover.uncovered]
['manage budgets']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import networkx as nx

from .explain import Fact, Ref, edge_facts, merge, ref
from .names import as_node
from .profile import role_profile, sort_skills
from .skills import ARTICLE_SKILL, MATCHES, SKILL_TYPES, as_job, SkillClasses, SkillEvidence, occupations, needed_only, role_skills, skill_classes, skill_profile

LEARNING_ROUTE = "aic:learningRoute"
HAS_MISSION = "aic:hasMission"

COVERAGE_RULE = (
    "a route covers a skill when the sources give it as a learning route into a role whose article "
    "skills include that skill (or an equivalent framework skill); routes are linked to roles, never to "
    "skills, so a skill known only from a framework is never covered"
)
MISSIONS_RULE = (
    "a skill serves a mission of either role when the mission is matched (skos) to that skill or an "
    "equivalent; missions are linked to roles, not to skills"
)


@dataclass(frozen=True)
class GapSkill:
    """A skill of the target role: as the target lists it, as the start role holds it (if it does)."""

    required: SkillEvidence
    held: SkillEvidence | None = None
    missions: tuple[Ref, ...] = ()
    mission_facts: tuple[Fact, ...] = field(repr=False, default=())

    key = property(lambda self: self.required.key)
    label_en = property(lambda self: self.required.label_en)
    label_fr = property(lambda self: self.required.label_fr)
    node_type = property(lambda self: self.required.node_type)
    skill_type = property(lambda self: self.required.skill_type)

    def label(self, lang: str = "en") -> str:
        return self.required.label(lang)

    @property
    def facts(self) -> tuple[Fact, ...]:
        return merge(self.required.facts, self.held.facts if self.held else (), self.mission_facts)

    @property
    def sources(self) -> list[str]:
        return sorted(set(self.required.sources) | set(self.held.sources if self.held else ()))

    def to_dict(self) -> dict:
        return {
            **self.required.to_dict(),
            "required_by": self.required.describe_origins(),
            "held_through": self.held.describe_origins() if self.held else [],
            "sources": self.sources,
            "missions": [m.to_dict() for m in self.missions],
        }


@dataclass(frozen=True)
class RouteCover:
    """A learning route that covers a skill: it leads into ``role``, which requires the skill."""

    route: Ref
    role: Ref
    programmes: tuple[Ref, ...] = ()
    facts: tuple[Fact, ...] = field(repr=False, default=())

    def to_dict(self) -> dict:
        return {"route": self.route.to_dict(), "role": self.role.to_dict(), "programmes": [p.to_dict() for p in self.programmes]}


@dataclass(frozen=True)
class TrainingCoverage:
    """Which of ``skills`` a learning route covers (by skill key), and which none does."""

    skills: tuple[Ref, ...]
    covered: dict[str, tuple[RouteCover, ...]]
    uncovered: tuple[Ref, ...]
    rule: str = COVERAGE_RULE

    @property
    def evidence(self) -> tuple[Fact, ...]:
        return merge(*(c.facts for covers in self.covered.values() for c in covers))

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "covered": [
                {"skill": next(s.to_dict() for s in self.skills if s.key == key), "routes": [c.to_dict() for c in covers]}
                for key, covers in self.covered.items()
            ],
            "uncovered": [s.to_dict() for s in self.uncovered],
        }


@dataclass(frozen=True)
class Gap:
    """What moving from ``from_role`` to ``to_role`` asks: skills to acquire, skills carried over."""

    from_role: Ref
    to_role: Ref
    to_acquire: tuple[GapSkill, ...]
    carried_over: tuple[GapSkill, ...]
    not_listed: tuple[SkillEvidence, ...]
    trainings: TrainingCoverage
    notes: tuple[str, ...] = ()
    preparation: tuple = ()  # what the frameworks say it takes to enter the target's occupations
    not_needed: tuple[SkillEvidence, ...] = ()  # a source says the target does not need them

    @property
    def required_unknown(self) -> bool:
        """No source gives a skill of the target role: the gap is unknown, not empty."""
        return not self.to_acquire and not self.carried_over

    @property
    def held_unknown(self) -> bool:
        """No source gives a skill the starting role holds: what carries over is unknown, not 0."""
        return not self.carried_over and not self.not_listed

    @property
    def evidence(self) -> tuple[Fact, ...]:
        """Every fact used: the skills' links, their equivalences, the missions and the routes."""
        return merge(
            *(s.facts for s in self.to_acquire + self.carried_over),
            *(s.facts for s in self.not_listed),
            *(s.facts for s in self.not_needed),
            self.trainings.evidence,
            *(p.facts for p in self.preparation),
        )

    def to_dict(self) -> dict:
        return {
            "from": self.from_role.to_dict(),
            "to": self.to_role.to_dict(),
            "to_acquire": [s.to_dict() for s in self.to_acquire],
            "carried_over": [s.to_dict() for s in self.carried_over],
            "not_listed": [s.to_dict() for s in self.not_listed],
            "not_needed": [s.to_dict() for s in self.not_needed],
            "trainings": self.trainings.to_dict(),
            "required_unknown": self.required_unknown,
            "held_unknown": self.held_unknown,
            "notes": list(self.notes),
            "preparation": [p.to_dict() for p in self.preparation],
            "evidence": [f.to_dict() for f in self.evidence],
        }


def _missions(g: nx.MultiDiGraph, *roles: str) -> list[str]:
    return sorted({v for r in roles for _, v, k in g.out_edges(r, keys=True) if k == HAS_MISSION})


def missions_served(g: nx.MultiDiGraph, skill: SkillEvidence, missions: Iterable[str]) -> tuple[tuple[Ref, ...], tuple[Fact, ...]]:
    """The missions among ``missions`` that ``skill`` serves (see the module docstring), with the facts.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> g = example_graph()
    >>> proofreading = skill_profile(g, "editor")[node("skill", "proofreading")]
    >>> served, facts = missions_served(g, proofreading, [node("mission", "check-copy"), node("mission", "write-articles")])
    >>> [m.label_en for m in served], [str(f) for f in facts]
    (['Check copy'], ["Check copy —skos:closeMatch→ proofread text [the project's own mapping (no source quote)]"])
    """
    members = {skill.key} | {e.key for e in skill.equivalents}
    served, facts = [], []
    for mission in missions:
        links = [(mission, s, k) for _, s, k in g.out_edges(mission, keys=True) if k in MATCHES and s in members]
        links += [(s, mission, k) for s, _, k in g.in_edges(mission, keys=True) if k in MATCHES and s in members]
        if links:
            served.append(ref(g, mission))
            for u, v, k in links:
                facts.extend(edge_facts(g, u, v, k))
    return tuple(served), merge(facts)


def skill_gap(g: nx.MultiDiGraph, from_role: str, to_role: str, memo: dict | None = None) -> Gap:
    """The skills ``to_role`` requires that ``from_role`` lacks or holds (rules in the module docstring).

    >>> from aicareers.analytics._examples import example_graph
    >>> gap = skill_gap(example_graph(), "Translator", "Editor")
    >>> [s.label_en for s in gap.to_acquire], [(s.label_en, s.held.describe_origins()) for s in gap.carried_over]
    (['Writing'], [('Proofreading', ['ESCO via translator (close match)'])])
    >>> [s.label_en for s in gap.not_listed], gap.trainings.covered.keys()
    (['translate language concepts'], dict_keys(['https://example.org/skill/writing']))
    >>> from aicareers.analytics._examples import roles_with_skills
    >>> gap.required_unknown, gap.held_unknown, skill_gap(roles_with_skills({"a": [], "b": ["x"]}), "a", "b").held_unknown
    (False, False, True)

    A person may start from a framework occupation (by key): its skills are what they hold.

    >>> from aicareers.analytics._examples import node
    >>> gap = skill_gap(example_graph(), node("esco-occupation", "translator"), "Editor")
    >>> [s.label_en for s in gap.to_acquire], [s.held.describe_origins() for s in gap.carried_over]
    (['Writing'], [['ESCO: translator']])

    ``memo``, a dict kept across calls on one graph that does not change, computes what gaps
    share once (the skill classes, each role's skills, the target's preparation).

    One definition on both sides: a role moving to itself carries everything over, even the
    skills it has only through a broad match.

    >>> gap = skill_gap(example_graph(), "Editor in chief", "Editor in chief")
    >>> len(gap.to_acquire), [(s.label_en, s.required.broad_only) for s in gap.carried_over][:1]
    (0, [('Creativity', True)])
    """
    a, b = as_job(g, from_role), as_job(g, to_role)  # a person may start from an occupation
    memo = {} if memo is None else memo

    def once(key, make):  # what many gaps on one unchanged graph share (a page answers them all)
        if key not in memo:
            memo[key] = make()
        return memo[key]

    classes = once("classes", lambda: skill_classes(g))
    profile_b = once(("profile", b), lambda: skill_profile(g, b, classes=classes))
    profile_a = once(("profile", a), lambda: skill_profile(g, a, classes=classes))
    # role_skills' rule, on the profiles already made (each made once: they are most of a gap's time)
    required = once(("skills", b), lambda: needed_only(profile_b))
    held = once(("skills", a), lambda: needed_only(profile_a))  # the same definition on both sides: see the module docstring
    not_needed = tuple(s for s in profile_b.values() if not s.needed)
    missions = _missions(g, a, b)

    def gap_skill(key: str) -> GapSkill:
        served, facts = missions_served(g, required[key], missions)
        return GapSkill(required[key], held.get(key), served, facts)

    acquire, carry = split_required(required, held)
    to_acquire = tuple(gap_skill(k) for k in acquire)
    carried = tuple(gap_skill(k) for k in carry)
    not_listed = tuple(s for k, s in held.items() if k not in required)
    trainings = trainings_for(g, [s.key for s in to_acquire], classes, once("learning routes", lambda: learning_routes(g)))
    notes = tuple(_notes(g, a, b, required, to_acquire, carried, missions, trainings, classes, profile_a))
    preparation = once(("preparation", b), lambda: role_profile(g, b, classes).preparation)
    return Gap(ref(g, a), ref(g, b), to_acquire, carried, not_listed, trainings, notes, preparation, not_needed)


def split_required(required: dict[str, SkillEvidence], held: dict[str, SkillEvidence]) -> tuple[list[str], list[str]]:
    """The keys of the target's skills to acquire and carried over, each stated, essential,
    optional then unsaid (the gap rule, once: :func:`skill_gap` and :func:`gap_sizes` split so)."""
    order = [s.key for s in sort_skills(required.values())]
    return [k for k in order if k not in held], [k for k in order if k in held]


def gap_sizes(g: nx.MultiDiGraph, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int | None]:
    """``{(from, to): number of skills to acquire}`` for many moves at once, as :func:`skill_gap`
    counts them; ``None`` when the target has no known skill (the gap is unknown, not 0).

    Each job's skills are gathered once, where :func:`skill_gap` would gather them per move.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> sizes = gap_sizes(g, [("Writer", "Editor in chief"), ("Translator", "Editor")])
    >>> list(sizes.values()) == [len(skill_gap(g, a, b).to_acquire) for a, b in sizes] == [2, 1]
    True
    >>> from aicareers.analytics._examples import roles_with_skills
    >>> gap_sizes(roles_with_skills({"a": ["x"], "b": []}), [("a", "b")])
    {('a', 'b'): None}
    """
    classes = skill_classes(g)
    skills: dict[str, dict[str, SkillEvidence]] = {}
    sizes = {}
    for a, b in pairs:
        for x in (a, b):
            if x not in skills:
                skills[x] = role_skills(g, as_job(g, x), classes)
        held, required = skills[a], skills[b]
        acquire, carry = split_required(required, held)
        sizes[(a, b)] = None if not acquire and not carry else len(acquire)
    return sizes


def _notes(g, a, b, required, to_acquire, carried, missions, trainings, classes, start_profile) -> list[str]:
    A, B = ref(g, a), ref(g, b)

    def occs(role, kinds):
        return ", ".join(f"{ref(g, o).label_en} ({m} match)" for o, m, _ in occupations(g, role, kinds))

    notes = []
    if not required:
        notes.append(f"{B} has no skill in the graph (no article skill, and its framework occupations list none): the gap is unknown, not empty.")
    elif not any(k == ARTICLE_SKILL for _, _, k in g.out_edges(b, keys=True)):
        notes.append(f"{B} has no skill stated by the articles: its skills are the frameworks', through {occs(b, ('exact', 'close', 'broad'))}.")
    skills = to_acquire + carried
    broad = sum(s.required.broad_only or bool(s.held and s.held.broad_only) for s in skills)
    if broad:
        notes.append(f"{broad} of these skills come, on one side or both, only through a broad framework match "
                     "(an occupation wider than the role): counted alike for both roles, marked 'broad match'.")
    # A role a source says does not need a skill is not counted as having it either: say so,
    # with both sources, for the start role (the target's own are listed as "not needed").
    for s in start_profile.values():
        if not s.needed and s.key in required:
            notes.append(f"{A}: {s.override_text()}; so it is not counted as carried over.")
    if not any(s.missions for s in skills):
        counts = f"{A} has {len(_missions(g, a))} missions, {B} {len(_missions(g, b))}"
        notes.append(f"No skill is shown serving a mission: {MISSIONS_RULE}; no such match is in the graph here ({counts}).")
    if trainings.skills and not trainings.covered:
        notes.append(f"No training in the graph covers a skill to acquire: {COVERAGE_RULE}.")
    return notes


def learning_routes(g: nx.MultiDiGraph) -> tuple[tuple[str, str, str, tuple[Ref, ...]], ...]:
    """Every learning route of a role: (role, route, predicate, its programmes in order), sorted.

    Read from the roles (a few nodes) rather than from every edge: on a build with the whole
    frameworks merged, scanning 1.4 million edges per gap was most of the "from my job" page's time.

    >>> from aicareers.analytics._examples import example_graph
    >>> [(role.rsplit("/", 1)[-1], route.rsplit("/", 1)[-1]) for role, route, _, _ in learning_routes(example_graph())]
    [('writer', 'journalism-school')]
    """
    found = []
    for role in sorted(n for n, d in g.nodes(data=True) if d.get("type") == "role"):
        for _, route, k in g.out_edges(role, keys=True):
            if k == LEARNING_ROUTE:
                steps = sorted((d.get("order", 0), v) for _, v, key, d in g.out_edges(route, keys=True, data=True) if key.startswith("aic:hasStep"))
                found.append((role, route, k, tuple(ref(g, v) for _, v in steps)))
    return tuple(sorted(found, key=lambda r: r[:3]))


def trainings_for(g: nx.MultiDiGraph, skills: Iterable, classes: SkillClasses | None = None,
                  routes: tuple | None = None) -> TrainingCoverage:
    """The learning routes that cover each of ``skills`` (keys, names or objects with a ``key``).

    The coverage rule is in the module docstring and in :attr:`TrainingCoverage.rule`. ``routes``:
    :func:`learning_routes` of ``g``, when the caller has them already.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> cover = trainings_for(g, ["develop creative ideas", "proofread text"])
    >>> [(g.nodes[k]["label_en"], [c.role.label_en for c in v]) for k, v in cover.covered.items()]
    [('Creativity', ['Writer'])]
    >>> [s.label_en for s in cover.uncovered]
    ['Proofreading']
    """
    classes = classes or skill_classes(g)
    keys = []
    for skill in skills:
        key = getattr(skill, "key", skill)
        key = as_node(g, key, SKILL_TYPES)
        keys.append(classes.canonical(key))
    keys = list(dict.fromkeys(keys))
    wanted = set(keys)
    covered: dict[str, list[RouteCover]] = {}
    for role, route, k, programmes in learning_routes(g) if routes is None else routes:
        for _, skill, key in g.out_edges(role, keys=True):
            if key == ARTICLE_SKILL and classes.canonical(skill) in wanted:
                facts = merge(edge_facts(g, role, route, k), edge_facts(g, role, skill, key))
                covered.setdefault(classes.canonical(skill), []).append(RouteCover(ref(g, route), ref(g, role), programmes, facts))
    return TrainingCoverage(
        skills=tuple(ref(g, k) for k in keys),
        covered={k: tuple(sorted(covered[k], key=lambda c: (c.route.label_en.casefold(), c.route.key))) for k in keys if k in covered},
        uncovered=tuple(ref(g, k) for k in keys if k not in covered),
    )
