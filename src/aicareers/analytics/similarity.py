"""How alike two roles are, from their skills (:func:`aicareers.analytics.skills.role_skills`).

A role's skills are the one definition every analysis uses (article skills and every framework
skill, broad matches included, less those a source says the role does not need), keyed by
canonical skill, so an article skill and its ESCO equivalent count once. The shared skills are
exactly what :func:`~aicareers.analytics.gap.skill_gap` carries over from one role to the other.

- ``jaccard``: shared skills / skills of either role.
- ``weighted``: the same ratio with each skill weighted by its rarity among roles,
  ``idf(s) = 1 + ln((1 + N) / (1 + df(s)))`` where ``N`` is the number of roles and ``df(s)``
  the number of roles listing ``s`` (smoothed as in scikit-learn, so every weight is positive): a
  skill shared by every role says less about two roles being alike than a rare one.

Two roles with no skill at all have similarity 0.

>>> from aicareers.analytics._examples import roles_with_skills
>>> g = roles_with_skills({"a": ["x", "y", "z"], "b": ["x", "y", "w"]})
>>> role_similarity(g, "a", "b").score
0.5
>>> round(role_similarity(g, "a", "b", method="weighted").score, 4)
0.4157
>>> [s.label_en for s in role_similarity(g, "a", "b").shared]
['x', 'y']
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from ..errors import AiCareersError
from .explain import Fact, Ref, merge, ref
from .names import as_node
from .skills import SkillEvidence, all_profiles

METHODS = ("jaccard", "weighted")


@dataclass(frozen=True)
class Similarity:
    """The similarity of ``a`` and ``b``; ``shared``, ``only_a``, ``only_b`` are the skills behind it."""

    a: Ref
    b: Ref
    method: str
    score: float
    shared: tuple[Ref, ...]
    only_a: tuple[Ref, ...]
    only_b: tuple[Ref, ...]
    evidence: tuple[Fact, ...] = ()

    def __float__(self) -> float:
        return self.score

    def to_dict(self) -> dict:
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "method": self.method,
            "score": self.score,
            "shared": [s.to_dict() for s in self.shared],
            "only_a": [s.to_dict() for s in self.only_a],
            "only_b": [s.to_dict() for s in self.only_b],
            "evidence": [f.to_dict() for f in self.evidence],
        }


def idf_weights(profiles: dict[str, dict[str, SkillEvidence]]) -> dict[str, float]:
    """``1 + ln((1 + N) / (1 + df))`` for every skill of ``profiles`` (``N`` = number of roles).

    >>> idf_weights({"a": {"x": None, "y": None}, "b": {"x": None}})
    {'x': 1.0, 'y': 1.4054651081081644}
    """
    n = len(profiles)
    df: dict[str, int] = {}
    for profile in profiles.values():
        for key in profile:
            df[key] = df.get(key, 0) + 1
    return {key: 1 + math.log((1 + n) / (1 + d)) for key, d in df.items()}


def _check(method: str) -> None:
    if method not in METHODS:
        raise AiCareersError(f"unknown similarity method {method!r}; use one of: {', '.join(METHODS)}")


def _compare(g, a, b, method, profiles, weights) -> Similarity:
    pa, pb = profiles[a], profiles[b]
    shared = [k for k in pa if k in pb]
    union = set(pa) | set(pb)
    if method == "jaccard":
        score = len(shared) / len(union) if union else 0.0
    else:
        total = sum(weights[k] for k in union)
        score = sum(weights[k] for k in shared) / total if total else 0.0
    facts = merge(*(pa[k].facts for k in shared), *(pb[k].facts for k in shared))
    return Similarity(
        ref(g, a), ref(g, b), method, score,
        tuple(pa[k].skill for k in shared),
        tuple(pa[k].skill for k in pa if k not in pb),
        tuple(pb[k].skill for k in pb if k not in pa),
        facts,
    )  # fmt: skip


def role_similarity(g: nx.MultiDiGraph, a: str, b: str, method: str = "jaccard") -> Similarity:
    """The similarity of roles ``a`` and ``b`` (keys or names) by ``method`` (``jaccard`` or ``weighted``).

    The evidence is the facts behind the shared skills.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> sim = role_similarity(g, "Translator", "Editor in chief")
    >>> round(sim.score, 2), [s.label_en for s in sim.shared], len(sim.evidence)
    (0.25, ['Proofreading'], 5)
    """
    _check(method)
    a, b = as_node(g, a), as_node(g, b)
    profiles = all_profiles(g)
    return _compare(g, a, b, method, profiles, idf_weights(profiles))


def nearest_roles(g: nx.MultiDiGraph, role: str, k: int = 5, method: str = "weighted") -> list[Similarity]:
    """The ``k`` roles most similar to ``role`` (score above 0), best first, ties by label.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> [(s.b.label_en, round(s.score, 3)) for s in nearest_roles(g, "editor", method="jaccard")]
    [('Translator', 0.333), ('Writer', 0.333), ('Editor in chief', 0.25)]
    """
    _check(method)
    role = as_node(g, role)
    profiles = all_profiles(g)
    weights = idf_weights(profiles)
    found = [_compare(g, role, other, method, profiles, weights) for other in profiles if other != role]
    found = [s for s in found if s.score > 0]
    return sorted(found, key=lambda s: (-s.score, s.b.label_en.casefold(), s.b.key))[:k]
