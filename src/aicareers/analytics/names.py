"""Find a node of the projection by name: French or English label, alternative label, id, or IRI.

The rules are the one resolver's, :mod:`aicareers.names` (the catalogue uses the same): names are
compared after :func:`aicareers.names.normalize_name` (Unicode NFKD, accents stripped, casefolded,
typographic quotes and dashes read as plain ones), so ``"Architecte d’IA"`` and
``"ARCHITECTE D'IA"`` are one name, and the id ``prompt-engineer`` is also ``prompt engineer``. An unknown name raises
:class:`UnknownNameError` (exit status 2) with the closest names, typos in a word included.

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
aicareers.names.UnknownNameError: unknown role 'Editr'; did you mean: Editor, Editor in chief (chief-editor)?
"""

from __future__ import annotations

from typing import Iterable

import networkx as nx

from ..names import AmbiguousNameError, UnknownNameError, normalise, resolve_name, suggest_names

__all__ = ["AmbiguousNameError", "UnknownNameError", "normalise", "node_names", "find_node", "suggest", "as_node"]


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


def _labels(g: nx.MultiDiGraph, key: str) -> list[str]:
    """A node's labels, English first: the candidates the resolver compares a name with."""
    data = g.nodes[key]
    labels = [data.get("label_en", ""), data.get("label_fr", "")]
    labels += [*data.get("alt_labels_en", ()), *data.get("alt_labels_fr", ())]
    return [text for text in dict.fromkeys(labels) if text]


def _candidates(g: nx.MultiDiGraph, types: tuple[str, ...] | None) -> dict[str, list[str]]:
    return {key: _labels(g, key) for key, d in g.nodes(data=True) if types is None or d.get("type") in types}


def find_node(g: nx.MultiDiGraph, name: str, types: Iterable[str] | None = ("role",)) -> str:
    """The key of the node of one of ``types`` (``None``: any type) that ``name`` names.

    Raises :class:`UnknownNameError` (with suggestions) when no node has that name, and
    :class:`AmbiguousNameError` when several have it and none is named by its exact IRI
    (:func:`aicareers.names.resolve_name`).

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> find_node(g, "TRADUCTEUR"), find_node(g, "publishing director", types=("esco-occupation",))
    ('https://example.org/role/translator', 'https://example.org/esco-occupation/publishing-director')
    >>> find_node(g, "Writing")  # a skill, not a role
    Traceback (most recent call last):
    ...
    aicareers.names.UnknownNameError: unknown role 'Writing'; did you mean: Writer?
    """
    types = tuple(types) if types is not None else None
    return resolve_name(_candidates(g, types), " or ".join(types or ()) or "node", name)


def suggest(g: nx.MultiDiGraph, name: str, candidates: list[str], n: int = 5) -> list[str]:
    """Up to ``n`` names of ``candidates`` (keys) close to ``name``: :func:`aicareers.names.suggest_names`.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> roles = [k for k, d in g.nodes(data=True) if d["type"] == "role"]
    >>> suggest(g, "chief", roles), suggest(g, "redacteur en chf", roles)
    (['Editor in chief (chief-editor)'], ['Rédacteur en chef (chief-editor)', 'Rédacteur (writer)'])
    """
    return suggest_names({key: _labels(g, key) for key in candidates}, name, n)


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
