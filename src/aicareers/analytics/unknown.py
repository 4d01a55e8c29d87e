"""What the sources do not say about a role, and the words the answers use for it.

An answer with nothing to list means one of two things: *the sources say none* (an answer,
exit status 0), or *no source says* (unknown, exit status :data:`aicareers.errors.NOT_KNOWN`).
The analyses read the second from the same definitions they answer with, never from a list of
their own: a role's skills are its :func:`~aicareers.analytics.skills.role_skills`, what it
holds the same set (:func:`~aicareers.analytics.skills.held_skills`), its moves the ``aic:canEvolveTo``
edges. An empty list there is silence, not a fact: the graph has no statement that a role needs
no skill, holds none, or cannot move.

>>> from aicareers.analytics._examples import example_graph, roles_with_skills
>>> g = example_graph()
>>> skills_unknown(g, "Editor in chief"), holdings_unknown(g, "Editor in chief")
(False, False)
>>> print(no_holdings("Editor in chief"))
no source gives a skill Editor in chief holds (no article skill, and no framework skill through its matches)
>>> skills_unknown(roles_with_skills({"a": ["x"], "b": []}), "b")
True
>>> [r.label_en for r in movers(g)]
['Editor', 'Writer']
"""

from __future__ import annotations

import networkx as nx

from .explain import Ref, ref
from .names import as_node, normalise
from .skills import held_skills, role_skills

EVOLVES = "aic:canEvolveTo"


def skills_unknown(g: nx.MultiDiGraph, role: str) -> bool:
    """True when no source gives a skill of ``role``: its whole profile is empty."""
    return not role_skills(g, as_node(g, role))


def holdings_unknown(g: nx.MultiDiGraph, role: str) -> bool:
    """True when no source gives a skill ``role`` holds: since it holds its own skills, as :func:`skills_unknown`."""
    return not held_skills(g, as_node(g, role))


def movers(g: nx.MultiDiGraph) -> list[Ref]:
    """The roles the sources give a move from, by English label."""
    found = {u for u, _, k in g.edges(keys=True) if k == EVOLVES}
    return sorted((ref(g, r) for r in found), key=lambda r: (normalise(r.label_en), r.key))


def no_skills(name: str, lang: str = "en") -> str:
    """The caveat for a role whose skills no source gives, in ``lang``.

    >>> no_skills("Consultant en IA", "fr")
    'aucune source ne donne de compétence de Consultant en IA'
    """
    if lang == "fr":
        return f"aucune source ne donne de compétence de {name}"
    return f"no source gives a skill of {name}"


def no_holdings(name: str, lang: str = "en") -> str:
    """The caveat for a role whose held skills no source gives (see :func:`holdings_unknown`)."""
    if lang == "fr":
        return (f"aucune source ne donne de compétence que {name} possède (aucune compétence d'article, et aucune "
                "compétence de référentiel par ses correspondances)")
    return f"no source gives a skill {name} holds (no article skill, and no framework skill through its matches)"


def no_moves(g: nx.MultiDiGraph, name: str, lang: str = "en") -> str:
    """The caveat for a role no move is given from, naming the roles moves are known from.

    >>> from aicareers.analytics._examples import example_graph
    >>> print(no_moves(example_graph(), "Traducteur", "fr"))
    aucune source ne donne d'évolution depuis Traducteur ; des évolutions sont connues depuis : Éditeur, Rédacteur
    """
    if lang == "fr":
        return f"aucune source ne donne d'évolution depuis {name} ; {moves_known_from(g, lang)}"
    return f"no source gives a move from {name}; {moves_known_from(g, lang)}"


def moves_known_from(g: nx.MultiDiGraph, lang: str = "en") -> str:
    """``moves are known from: <roles>``, what a user can ask about instead.

    >>> from aicareers.analytics._examples import roles_with_skills
    >>> moves_known_from(roles_with_skills({"a": []}))
    'moves are known from: no role'
    """
    known = ", ".join(sorted((r.label(lang) for r in movers(g)), key=normalise))  # É with E
    if lang == "fr":
        return f"des évolutions sont connues depuis : {known or 'aucun rôle'}"
    return f"moves are known from: {known or 'no role'}"


__all__ = ["holdings_unknown", "movers", "moves_known_from", "no_holdings", "no_moves", "no_skills", "skills_unknown"]
