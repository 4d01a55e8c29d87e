"""Career analytics on the networkx projection of the graph (:func:`aicareers.projection.project`).

Every function takes the projection (a :class:`networkx.MultiDiGraph`) and never reads RDF; roles
may be given by key (IRI) or by name (French or English label, id), resolved by
:func:`~aicareers.analytics.names.find_node`. Every answer carries the facts it used, each with
its source document (``evidence``, or ``facts`` on a skill).

What is where:

- :mod:`~aicareers.analytics.names`: :func:`find_node` (accent- and case-insensitive names;
  :class:`UnknownNameError`, exit status 2, with "did you mean").
- :mod:`~aicareers.analytics.skills`: :func:`skill_profile`, a role's skills from the articles and
  from ESCO and ROME, equivalent skills merged under one key, each with why the role has it;
  :func:`role_skills`, the skills every analysis counts (the one definition: broad matches
  included, less those a source says the role does not need); :func:`held_skills`, the same.
- :mod:`~aicareers.analytics.paths`: :func:`evolution_paths`, :func:`path_between`,
  :func:`cheapest_path` over ``aic:canEvolveTo`` (a step costs the skills to acquire).
- :mod:`~aicareers.analytics.gap`: :func:`skill_gap` (to acquire, carried over, missions served)
  and :func:`trainings_for` (learning routes that cover skills).
- :mod:`~aicareers.analytics.from_job`: :func:`find_job` (any job title: a role, an ESCO, ROME or
  O*NET title) and :func:`reachable_roles` (the roles reachable from it, by which moves, each with
  its :func:`skill_gap`), the answer of ``aicareers from``.
- :mod:`~aicareers.analytics.similarity`: :func:`role_similarity` (Jaccard, IDF-weighted) and
  :func:`nearest_roles`.
- :mod:`~aicareers.analytics.rank`: :func:`rank_skills` (degree, betweenness, PageRank) and
  :func:`communities` (Louvain, fixed seed).
- :mod:`~aicareers.analytics.explain`: :class:`Fact` and :class:`Ref`, the evidence of answers.
- :mod:`~aicareers.analytics.export`: ``export.export(g, path, format)`` to GraphML, GEXF (Gephi)
  or node-link JSON (the package's ``export`` is the module, not the function).
- :mod:`~aicareers.analytics.cli`: the ``path``, ``gap``, ``similar``, ``rank`` and ``export``
  sub-commands; :mod:`~aicareers.analytics._examples`: the small graphs of the doctests.

>>> from aicareers.analytics import evolution_paths, skill_gap
>>> from aicareers.analytics._examples import example_graph
>>> g = example_graph()
>>> [p.labels() for p in evolution_paths(g, "Rédacteur", max_steps=1)]
[['Writer', 'Editor'], ['Writer', 'Translator']]
>>> [s.label_en for s in skill_gap(g, "Writer", "Editor").to_acquire]
['Proofreading']

The names below are loaded from their modules on first use, so that importing
:mod:`aicareers.analytics.cli` (to list the commands) does not import networkx.
"""

import importlib

#: Each public name and the module that defines it.
_NAMES = {
    "Fact": "explain", "Ref": "explain",
    "Gap": "gap", "GapSkill": "gap", "TrainingCoverage": "gap", "skill_gap": "gap", "trainings_for": "gap", "learning_routes": "gap",
    "AmbiguousNameError": "names", "UnknownNameError": "names", "find_node": "names", "normalise": "names",
    "find_job": "from_job", "reachable_roles": "from_job",
    "EvolutionPath": "paths", "Step": "paths", "cheapest_path": "paths", "evolution_paths": "paths",
    "path_between": "paths",
    "Community": "rank", "RankedSkill": "rank", "communities": "rank", "rank_skills": "rank",
    "Similarity": "similarity", "nearest_roles": "similarity", "role_similarity": "similarity",
    "SkillEvidence": "skills", "held_skills": "skills", "role_skills": "skills", "skill_classes": "skills", "skill_profile": "skills",
}  # fmt: skip


def __getattr__(name: str):
    if name == "export":  # the module: export.export(g, path, format)
        return importlib.import_module(".export", __name__)
    if name in _NAMES:
        value = getattr(importlib.import_module(f".{_NAMES[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "AmbiguousNameError",
    "Community",
    "EvolutionPath",
    "Fact",
    "Gap",
    "GapSkill",
    "RankedSkill",
    "Ref",
    "Similarity",
    "SkillEvidence",
    "Step",
    "TrainingCoverage",
    "UnknownNameError",
    "cheapest_path",
    "communities",
    "evolution_paths",
    "export",
    "find_job",
    "find_node",
    "held_skills",
    "learning_routes",
    "nearest_roles",
    "normalise",
    "path_between",
    "rank_skills",
    "reachable_roles",
    "role_similarity",
    "role_skills",
    "skill_classes",
    "skill_gap",
    "skill_profile",
    "trainings_for",
]
