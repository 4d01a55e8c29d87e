"""Career moves over ``aic:canEvolveTo``: every path from a role, the shortest, the cheapest.

All three work on a role-only view of the projection (:func:`evolution_view`): role nodes and
their ``aic:canEvolveTo`` edges, nothing else.

**What a step costs** (:func:`cheapest_path`): moving from ``u`` to ``v`` costs the number of
skills of ``v`` (its :func:`~aicareers.analytics.skills.role_skills`, the one definition
:func:`~aicareers.analytics.gap.skill_gap` also uses, so the first step of a path costs exactly
the gap's skills to acquire) that you lack when you stand in ``u``. At the start you have the
start role's skills; after a step you have the skills of the role you reached (you acquired
them to get there). Skills of earlier roles that the current one does not list are not carried further (a
deliberately simple "use it or lose it" assumption that keeps the weight a function of the step).
Missions do not count: they are tasks of a role, not something to acquire, and only the prompt
engineer has any in the graph, so counting them would only penalise moves *into* that role.
A move into a role whose skills no source gives has an *unknown* cost (``cost`` is ``None``,
``unknown`` true), not a cost of 0: the cheapest path takes such a move only when no way of known
cost exists (see :mod:`aicareers.analytics.unknown`).

>>> from aicareers.analytics._examples import example_graph
>>> g = example_graph()
>>> [p.labels() for p in evolution_paths(g, "writer")]
[['Writer', 'Editor'], ['Writer', 'Translator'], ['Writer', 'Editor', 'Editor in chief']]
>>> path = cheapest_path(g, "Rédacteur", "Rédacteur en chef")
>>> path.labels(), [s.cost for s in path.steps], path.cost
(['Writer', 'Editor', 'Editor in chief'], [1, 2], 3)
>>> [s.label_en for s in path.steps[1].to_acquire]
['Creativity', 'manage budgets']
>>> print(path_between(g, "Translator", "Writer"))
None
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from .explain import Fact, Ref, edge_facts, merge, ref
from .names import as_node
from .skills import SkillEvidence, all_profiles

EVOLVES = "aic:canEvolveTo"


@dataclass(frozen=True)
class Step:
    """One move ``source → target``: what the sources say it means, and (for costed paths) its cost."""

    source: Ref
    target: Ref
    meaning_en: str = ""
    meaning_fr: str = ""
    cost: int | None = None
    to_acquire: tuple[Ref, ...] = ()  # the skills of `target` lacking in `source` (costed paths)
    facts: tuple[Fact, ...] = field(repr=False, default=())
    unknown: bool = False  # costed, but no source gives a skill of `target`: the cost is unknown

    def meaning(self, lang: str = "en") -> str:
        return self.meaning_fr if lang == "fr" else self.meaning_en

    def to_dict(self) -> dict:
        return {
            "from": self.source.to_dict(),
            "to": self.target.to_dict(),
            "meaning_en": self.meaning_en,
            "meaning_fr": self.meaning_fr,
            "cost": self.cost,
            "cost_unknown": self.unknown,
            "to_acquire": [s.to_dict() for s in self.to_acquire],
        }


@dataclass(frozen=True)
class EvolutionPath:
    """A sequence of moves; ``cost`` is the sum of the steps' costs (``None`` when not costed)."""

    roles: tuple[Ref, ...]
    steps: tuple[Step, ...]

    @property
    def cost(self) -> int | None:
        costs = [s.cost for s in self.steps]
        return None if any(c is None for c in costs) else sum(costs)

    @property
    def unknown_steps(self) -> tuple[Step, ...]:
        """The costed steps whose cost no source gives (into a role with no known skill)."""
        return tuple(s for s in self.steps if s.unknown)

    @property
    def evidence(self) -> tuple[Fact, ...]:
        """The ``aic:canEvolveTo`` facts of the steps and, for costed steps, those of the skills to acquire."""
        return merge(*(s.facts for s in self.steps))

    def labels(self, lang: str = "en") -> list[str]:
        return [r.label(lang) for r in self.roles]

    def to_dict(self) -> dict:
        return {
            "roles": [r.to_dict() for r in self.roles],
            "steps": [s.to_dict() for s in self.steps],
            "cost": self.cost,
            "cost_unknown": bool(self.unknown_steps),
            "evidence": [f.to_dict() for f in self.evidence],
        }


def evolution_view(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A read-only view of ``g``: role nodes and their ``aic:canEvolveTo`` edges.

    >>> from aicareers.analytics._examples import example_graph
    >>> view = evolution_view(example_graph())
    >>> view.number_of_nodes(), view.number_of_edges()
    (4, 3)
    """
    return nx.subgraph_view(
        g,
        filter_node=lambda n: g.nodes[n].get("type") == "role",
        filter_edge=lambda u, v, k: k == EVOLVES,
    )


def _step(g: nx.MultiDiGraph, u: str, v: str, lacking: list[SkillEvidence] | None = None, unknown: bool = False) -> Step:
    """The step ``u → v``; with ``lacking`` (the skills to acquire), costed, its facts included;
    ``unknown``: costed, but no source gives a skill of ``v`` (the cost is unknown, not 0)."""
    data = g.edges[u, v, EVOLVES]
    facts = merge(edge_facts(g, u, v, EVOLVES), *(s.facts for s in lacking or ()))
    cost = None if lacking is None or unknown else len(lacking)
    to_acquire = tuple(s.skill for s in lacking or ())
    return Step(ref(g, u), ref(g, v), data.get("meaning_en", ""), data.get("meaning_fr", ""), cost, to_acquire, facts, unknown)


def _path(g: nx.MultiDiGraph, nodes: list[str]) -> EvolutionPath:
    return EvolutionPath(tuple(ref(g, n) for n in nodes), tuple(_step(g, u, v) for u, v in zip(nodes, nodes[1:])))


def evolution_paths(g: nx.MultiDiGraph, role: str, max_steps: int = 3) -> list[EvolutionPath]:
    """Every simple path of 1 to ``max_steps`` moves from ``role``, shortest first, then by labels.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> [p.labels("fr") for p in evolution_paths(g, "writer", max_steps=2)][-1]
    ['Rédacteur', 'Éditeur', 'Rédacteur en chef']
    >>> evolution_paths(g, "Editor in chief")
    []
    """
    role = as_node(g, role)
    view = evolution_view(g)
    targets = [n for n in view if n != role]
    found = {tuple(p) for p in nx.all_simple_paths(view, role, targets, cutoff=max_steps)} if targets else set()
    paths = [_path(g, list(p)) for p in found]
    return sorted(paths, key=lambda p: (len(p.steps), [r.label_en.casefold() for r in p.roles], [r.key for r in p.roles]))


def path_between(g: nx.MultiDiGraph, a: str, b: str) -> EvolutionPath | None:
    """The path with the fewest moves from ``a`` to ``b``, or ``None`` if there is none.

    >>> from aicareers.analytics._examples import example_graph
    >>> path = path_between(example_graph(), "writer", "chief-editor")
    >>> path.labels(), path.steps[0].meaning_en, path.cost is None
    (['Writer', 'Editor', 'Editor in chief'], "Editing others' texts.", True)
    """
    a, b = as_node(g, a), as_node(g, b)
    try:
        nodes = nx.shortest_path(evolution_view(g), a, b)
    except nx.NetworkXNoPath:
        return None
    return _path(g, nodes)


def step_costs(g: nx.MultiDiGraph, start: str) -> tuple[dict[str, dict[str, SkillEvidence]], dict[str, set[str]]]:
    """Each role's skills (what a move into it requires) and what you have when standing in it.

    Both are the roles' :func:`~aicareers.analytics.skills.role_skills`: you have a role's
    skills when you start from it and when you have moved into it (``start`` is kept for callers).

    >>> from aicareers.analytics._examples import example_graph, node
    >>> required, have = step_costs(example_graph(), node("role", "chief-editor"))
    >>> len(required[node("role", "chief-editor")]), len(have[node("role", "chief-editor")])
    (3, 3)
    """
    required = all_profiles(g)
    return required, {r: set(p) for r, p in required.items()}


def cheapest_path(g: nx.MultiDiGraph, a: str, b: str) -> EvolutionPath | None:
    """The path from ``a`` to ``b`` that needs the fewest skills acquired (see the module docstring).

    The weight of ``u → v`` is ``len(profile(v) - have(u))``; :func:`networkx.shortest_path`
    (Dijkstra) finds the path. Ties go to the path Dijkstra meets first. Returns ``None`` when
    ``b`` cannot be reached.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> path = cheapest_path(g, "writer", "translator")
    >>> path.cost, [s.label_en for s in path.steps[0].to_acquire]
    (2, ['Proofreading', 'translate language concepts'])
    >>> print(cheapest_path(g, "translator", "writer"))
    None

    A move into a role with no known skill is unknown, not free: it is taken only when no way of
    known cost exists, and its cost stays unknown.

    >>> from aicareers.analytics._examples import roles_with_skills
    >>> g = roles_with_skills({"a": ["x"], "b": [], "c": ["y", "z"], "d": ["y"]}, [("a", "b"), ("b", "d"), ("a", "c"), ("c", "d")])
    >>> path = cheapest_path(g, "a", "d")
    >>> path.labels(), path.cost, path.unknown_steps
    (['A', 'C', 'D'], 2, ())
    >>> path = cheapest_path(g, "a", "b")
    >>> path.cost, [s.target.label_en for s in path.unknown_steps]
    (None, ['B'])
    """
    a, b = as_node(g, a), as_node(g, b)
    required, have = step_costs(g, a)
    # Heavier than any simple path of known cost (each role is entered once, costing at most its
    # profile), so a move of unknown cost is taken only when no way avoids one.
    unknown_weight = 1 + sum(len(p) for p in required.values())

    def missing(u: str, v: str) -> list[SkillEvidence]:
        return [s for k, s in required[v].items() if k not in have[u]]

    def weight(u: str, v: str, d) -> int:
        return len(missing(u, v)) if required[v] else unknown_weight

    try:
        nodes = nx.shortest_path(evolution_view(g), a, b, weight=weight)
    except nx.NetworkXNoPath:
        return None
    steps = tuple(_step(g, u, v, missing(u, v), not required[v]) for u, v in zip(nodes, nodes[1:]))
    return EvolutionPath(tuple(ref(g, n) for n in nodes), steps)


def costed(g: nx.MultiDiGraph, path: EvolutionPath) -> EvolutionPath:
    """``path`` with each step's cost and skills to acquire (same rule as :func:`cheapest_path`).

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> costed(g, path_between(g, "writer", "translator")).cost
    2
    """
    if not path.steps:
        return path
    required, have = step_costs(g, path.roles[0].key)
    steps = []
    for step in path.steps:
        u, v = step.source.key, step.target.key
        steps.append(_step(g, u, v, [s for k, s in required[v].items() if k not in have[u]], not required[v]))
    return EvolutionPath(path.roles, tuple(steps))


__all__ = [
    "EvolutionPath",
    "Step",
    "cheapest_path",
    "costed",
    "evolution_paths",
    "evolution_view",
    "path_between",
    "step_costs",
]
