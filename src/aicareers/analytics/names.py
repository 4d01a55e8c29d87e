"""Find a node of the projection by name: French or English label, id, or IRI.

Names are compared after :func:`normalise`: Unicode NFKD, combining marks (accents) stripped,
casefolded, and every run of characters other than letters and digits read as one space. So
``"Architecte d’IA"``, ``"architecte d'ia"`` and ``"ARCHITECTE D IA"`` are one name, and the id
``prompt-engineer`` is also the label ``Prompt engineer``. An unknown name raises
:class:`UnknownNameError` (exit status 2) with the closest names (:mod:`difflib`, plus the names
that contain the words asked for).

>>> from aicareers.analytics._examples import example_graph
>>> g = example_graph()
>>> find_node(g, "rédacteur en chef")
'https://example.org/role/chief-editor'
>>> find_node(g, "REDACTEUR EN CHEF") == find_node(g, "Editor in chief") == find_node(g, "chief-editor")
True
>>> find_node(g, "proofreading", types=("skill",))
'https://example.org/skill/proofreading'
>>> find_node(g, "Editr")
Traceback (most recent call last):
...
aicareers.analytics.names.UnknownNameError: unknown role 'Editr'; did you mean: Editor?
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Iterable

import networkx as nx

from ..errors import AiCareersError

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


class UnknownNameError(AiCareersError):
    """No node has this name; carries the suggestions (``did you mean``)."""

    exit_status = 2

    def __init__(self, name: str, kinds: Iterable[str], suggestions: list[str], known: list[str] | None = None):
        self.name, self.kinds, self.suggestions = name, tuple(kinds), suggestions
        what = " or ".join(self.kinds) or "node"
        message = f"unknown {what} {name!r}"
        if suggestions:
            message += f"; did you mean: {', '.join(suggestions)}?"
        elif known:
            message += f"; known: {', '.join(known)}"
        super().__init__(message)


class AmbiguousNameError(AiCareersError):
    """Several nodes have this name; carries them."""

    exit_status = 2

    def __init__(self, name: str, candidates: list[str]):
        self.name, self.candidates = name, candidates
        super().__init__(f"{name!r} names several nodes: {', '.join(candidates)}; give the id or the IRI")


def normalise(text: str) -> str:
    """Compare names this way: NFKD, accents stripped, casefolded, punctuation read as spaces.

    >>> normalise("  Expert en expérience utilisateur (UX) ")
    'expert en experience utilisateur ux'
    >>> normalise("Architecte d’IA") == normalise("architecte d'ia")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).split())


def node_names(g: nx.MultiDiGraph, key: str) -> list[str]:
    """The names a node answers to: its labels, alternative labels, id (the IRI's last segment) and IRI.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> node_names(example_graph(), node("role", "writer"))
    ['Writer', 'Rédacteur', 'writer', 'https://example.org/role/writer']
    """
    data = g.nodes[key]
    names = [data.get("label_en", ""), data.get("label_fr", "")]
    names += [*data.get("alt_labels_en", ()), *data.get("alt_labels_fr", ())]
    names += [key.rstrip("/").rsplit("/", 1)[-1], key]
    return [n for n in dict.fromkeys(names) if n]


def _display(g: nx.MultiDiGraph, key: str) -> str:
    return g.nodes[key].get("label_en") or key


def find_node(g: nx.MultiDiGraph, name: str, types: Iterable[str] | None = ("role",)) -> str:
    """The key of the node of one of ``types`` (``None``: any type) that ``name`` names.

    Raises :class:`UnknownNameError` (with suggestions) when no node has that name, and
    :class:`AmbiguousNameError` when several have it and none is named by its exact IRI.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> find_node(g, "TRADUCTEUR"), find_node(g, "publishing director", types=("esco-occupation",))
    ('https://example.org/role/translator', 'https://example.org/esco-occupation/publishing-director')
    >>> find_node(g, "Writing")  # a skill, not a role
    Traceback (most recent call last):
    ...
    aicareers.analytics.names.UnknownNameError: unknown role 'Writing'; did you mean: Writer?
    """
    types = tuple(types) if types is not None else None
    candidates = [n for n, d in g.nodes(data=True) if types is None or d.get("type") in types]
    if name in candidates:  # an IRI, exactly
        return name
    wanted = normalise(name)
    index: dict[str, set[str]] = {}
    for key in candidates:
        for n in node_names(g, key):
            index.setdefault(normalise(n), set()).add(key)
    found = sorted(index.get(wanted, ()))
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousNameError(name, [f"{_display(g, k)} ({k})" for k in found])
    raise UnknownNameError(name, types or (), suggest(g, name, candidates), sorted({_display(g, k) for k in candidates})[:20])


def suggest(g: nx.MultiDiGraph, name: str, candidates: list[str], n: int = 5) -> list[str]:
    """Up to ``n`` names close to ``name``, one per node, as the node's label that matched.

    difflib's closest names come first, then the labels that hold all the words of ``name``.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> roles = [k for k, d in g.nodes(data=True) if d["type"] == "role"]
    >>> suggest(g, "chief", roles), suggest(g, "redacteur en chf", roles)
    (['Editor in chief'], ['Rédacteur en chef', 'Rédacteur'])
    """
    wanted = normalise(name)
    by_name: dict[str, tuple[str, str]] = {}
    for key in sorted(candidates):
        data = g.nodes[key]
        for label in (data.get("label_en", ""), data.get("label_fr", "")):
            if label:
                by_name.setdefault(normalise(label), (key, label))
        by_name.setdefault(normalise(key.rstrip("/").rsplit("/", 1)[-1]), (key, _display(g, key)))
    found: list[tuple[str, str]] = []
    for close in difflib.get_close_matches(wanted, list(by_name), n=n, cutoff=0.6):
        found.append(by_name[close])
    words = set(wanted.split())
    if words:
        for normalised, match in sorted(by_name.items()):
            if words <= set(normalised.split()):
                found.append(match)
    labels: dict[str, str] = {}
    for key, label in found:
        labels.setdefault(key, label)
    return list(labels.values())[:n]


def as_node(g: nx.MultiDiGraph, name_or_key: str, types: Iterable[str] | None = ("role",)) -> str:
    """``name_or_key`` if it is a key of one of ``types``, else :func:`find_node` of it.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> g = example_graph()
    >>> as_node(g, node("role", "editor")) == as_node(g, "Éditeur") == node("role", "editor")
    True
    """
    if name_or_key in g and (types is None or g.nodes[name_or_key].get("type") in tuple(types)):
        return name_or_key
    return find_node(g, name_or_key, types)
