"""Which skills open the most roles and moves, and which roles and skills go together.

Both work on the *role–skill graph* (:func:`role_skill_graph`): an undirected graph with a node
per role and per canonical skill, and an edge ``role — skill`` for every skill of the role's
:func:`~aicareers.analytics.skills.role_skills` (article skills and framework skills, broad
matches included, less those a source says the role does not need; equivalent skills merged),
the same definition ``gap``, ``similar`` and ``path --cheapest`` count by.

:func:`rank_skills` scores each skill ``by``

- ``degree``: the number of roles that list it (ties broken by the number of moves it opens);
- ``betweenness``: its betweenness centrality in the role–skill graph, i.e. how many shortest
  links between roles (and skills) pass through it, so how much it bridges otherwise distant roles;
- ``pagerank``: its PageRank in the role–skill graph.

Each ranked skill also lists the *moves it opens*: the ``aic:canEvolveTo`` steps ``u → v`` for
which it is a skill to acquire (one of ``v``'s skills and not one of ``u``'s, as in the gap).

:func:`communities` splits the role–skill graph with Louvain (:func:`networkx.community.louvain_communities`,
fixed seed, so the answer is the same on every run). Roles without any skill are communities of
their own.

>>> from aicareers.analytics._examples import roles_with_skills
>>> star = roles_with_skills({"a": ["hub", "a1"], "b": ["hub", "b1"], "c": ["hub", "c1"]})
>>> [s.skill.label_en for s in rank_skills(star)][:1], rank_skills(star)[0].score
(['hub'], 3.0)
>>> [s.skill.label_en for s in rank_skills(star, by="pagerank")][:1]
['hub']
>>> [s.skill.label_en for s in rank_skills(star, by="betweenness")][:1]
['hub']
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..errors import AiCareersError
from .explain import Fact, Ref, merge, ref
from .paths import EVOLVES
from .skills import all_profiles

BY = ("degree", "betweenness", "pagerank")


@dataclass(frozen=True)
class RankedSkill:
    """A skill, its score, the roles that list it and the moves it opens."""

    skill: Ref
    score: float
    roles: tuple[Ref, ...]
    opens: tuple[tuple[Ref, Ref], ...]
    evidence: tuple[Fact, ...] = ()

    def to_dict(self) -> dict:
        return {
            **self.skill.to_dict(),
            "score": self.score,
            "roles": [r.to_dict() for r in self.roles],
            "opens": [{"from": u.to_dict(), "to": v.to_dict()} for u, v in self.opens],
            "evidence": [f.to_dict() for f in self.evidence],
        }


@dataclass(frozen=True)
class Community:
    """A group of roles and skills more linked to each other than to the rest."""

    roles: tuple[Ref, ...]
    skills: tuple[Ref, ...]
    evidence: tuple[Fact, ...] = ()  # the facts linking the community's roles to its skills

    def to_dict(self) -> dict:
        return {
            "roles": [r.to_dict() for r in self.roles],
            "skills": [s.to_dict() for s in self.skills],
            "evidence": [f.to_dict() for f in self.evidence],
        }


def role_skill_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """The undirected role–skill graph (nodes have ``kind`` ``role`` or ``skill``), nodes sorted.

    >>> from aicareers.analytics._examples import example_graph
    >>> h = role_skill_graph(example_graph())
    >>> h.number_of_nodes(), h.number_of_edges()
    (9, 9)
    """
    return _role_skill_graph(all_profiles(g))


def _role_skill_graph(profiles: dict) -> nx.Graph:
    h = nx.Graph()
    for role in profiles:
        h.add_node(role, kind="role")
    for key in sorted({k for p in profiles.values() for k in p}):
        h.add_node(key, kind="skill")
    for role, profile in profiles.items():
        for key in profile:
            h.add_edge(role, key)
    return h


def rank_skills(g: nx.MultiDiGraph, by: str = "degree") -> list[RankedSkill]:
    """Skills ranked by ``by`` (``degree``, ``betweenness`` or ``pagerank``), best first.

    >>> from aicareers.analytics._examples import example_graph
    >>> top = rank_skills(example_graph())[0]
    >>> top.skill.label_en, top.score, [r.label_en for r in top.roles], [(u.label_en, v.label_en) for u, v in top.opens]
    ('Proofreading', 3.0, ['Editor', 'Editor in chief', 'Translator'], [('Writer', 'Editor'), ('Writer', 'Translator')])
    """
    if by not in BY:
        raise AiCareersError(f"unknown ranking {by!r}; use one of: {', '.join(BY)}")
    profiles = all_profiles(g)
    h = _role_skill_graph(profiles)
    skills = [n for n, d in h.nodes(data=True) if d["kind"] == "skill"]
    if by == "degree":
        scores = {s: float(h.degree(s)) for s in skills}
    elif by == "betweenness":
        scores = nx.betweenness_centrality(h)
    else:
        scores = nx.pagerank(h) if h.number_of_edges() else {n: 0.0 for n in h}
    opens: dict[str, list[tuple[Ref, Ref]]] = {}
    for u, v, k in sorted(g.edges(keys=True)):
        if k == EVOLVES and u in profiles and v in profiles:
            for key in profiles[v]:
                if key not in profiles[u]:  # the gap's "to acquire" (same definition on both sides)
                    opens.setdefault(key, []).append((ref(g, u), ref(g, v)))
    ranked = []
    for s in skills:
        listing = sorted((r for r in profiles if s in profiles[r]), key=lambda r: (ref(g, r).label_en.casefold(), r))
        any_profile = profiles[listing[0]][s] if listing else None
        facts = merge(*(profiles[r][s].facts for r in listing))
        ranked.append(RankedSkill(any_profile.skill if any_profile else ref(g, s), scores[s], tuple(ref(g, r) for r in listing), tuple(opens.get(s, ())), facts))
    return sorted(ranked, key=lambda r: (-round(r.score, 12), -len(r.roles), -len(r.opens), r.skill.label_en.casefold(), r.skill.key))


def _profile_ref(profiles: dict, key: str) -> Ref | None:
    """The :class:`Ref` of skill ``key`` as a profile gives it (``None`` if no role lists it)."""
    return next((p[key].skill for p in profiles.values() if key in p), None)


def communities(g: nx.MultiDiGraph, seed: int = 42, resolution: float = 1.0) -> list[Community]:
    """Louvain communities of the role–skill graph, largest first (ties: by first role's label).

    >>> from aicareers.analytics._examples import roles_with_skills
    >>> two = roles_with_skills({"a": ["x", "y"], "b": ["x", "y"], "c": ["z"], "d": ["z"]})
    >>> [[r.label_en for r in c.roles] for c in communities(two)]
    [['A', 'B'], ['C', 'D']]
    """
    profiles = all_profiles(g)
    h = _role_skill_graph(profiles)
    groups = nx.community.louvain_communities(h, seed=seed, resolution=resolution)
    out = []
    for group in groups:
        order = lambda r: (r.label_en.casefold(), r.key)  # noqa: E731
        role_refs = sorted((ref(g, n) for n in group if h.nodes[n]["kind"] == "role"), key=order)
        skill_refs = sorted((_profile_ref(profiles, n) or ref(g, n) for n in group if h.nodes[n]["kind"] == "skill"), key=order)
        facts = merge(*(profiles[r.key][s.key].facts for r in role_refs for s in skill_refs if s.key in profiles[r.key]))
        out.append(Community(tuple(role_refs), tuple(skill_refs), facts))
    return sorted(out, key=lambda c: (-(len(c.roles) + len(c.skills)), [r.label_en.casefold() for r in c.roles + c.skills]))
