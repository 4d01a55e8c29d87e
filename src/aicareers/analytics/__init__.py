"""Career analytics on the networkx projection of the graph (:func:`aicareers.projection.project`).

Every function takes the projection (a :class:`networkx.MultiDiGraph`) and never reads RDF; roles
may be given by key (IRI) or by name (French or English label, id), resolved by
:func:`~aicareers.analytics.names.find_node`. Every answer carries the facts it used, each with
its source document (``evidence``, or ``facts`` on a skill).

What is where:

- :mod:`~aicareers.analytics.names`: :func:`find_node` (accent- and case-insensitive names;
  :class:`UnknownNameError`, exit status 2, with "did you mean").
- :mod:`~aicareers.analytics.skills`: :func:`skill_profile`, a role's skills from the articles and
  from ESCO, equivalent skills merged under one key; :func:`held_skills`.
- :mod:`~aicareers.analytics.paths`: :func:`evolution_paths`, :func:`path_between`,
  :func:`cheapest_path` over ``aic:canEvolveTo`` (a step costs the skills to acquire).
- :mod:`~aicareers.analytics.gap`: :func:`skill_gap` (to acquire, carried over, missions served)
  and :func:`trainings_for` (learning routes that cover skills).
- :mod:`~aicareers.analytics.similarity`: :func:`role_similarity` (Jaccard, IDF-weighted) and
  :func:`nearest_roles`.
- :mod:`~aicareers.analytics.rank`: :func:`rank_skills` (degree, betweenness, PageRank) and
  :func:`communities` (Louvain, fixed seed).
- :mod:`~aicareers.analytics.explain`: :class:`Fact` and :class:`Ref`, the evidence of answers.
- :mod:`~aicareers.analytics.export`: ``export.export(g, path, format)`` to GraphML, GEXF (Gephi)
  or node-link JSON (the package's ``export`` is the module, not the function).
- :mod:`~aicareers.analytics.cli`: the ``path``, ``gap``, ``similar``, ``rank`` and ``export``
  sub-commands; :mod:`~aicareers.analytics._examples`: the small graphs of the doctests.

>>> from aicareers.analytics._examples import example_graph
>>> g = example_graph()
>>> [p.labels() for p in evolution_paths(g, "Rédacteur", max_steps=1)]
[['Writer', 'Editor'], ['Writer', 'Translator']]
>>> [s.label_en for s in skill_gap(g, "Writer", "Editor").to_acquire]
['Proofreading']
"""

from .explain import Fact, Ref
from . import export  # the module: export.export(g, path, format)
from .gap import Gap, GapSkill, TrainingCoverage, skill_gap, trainings_for
from .names import AmbiguousNameError, UnknownNameError, find_node, normalise
from .paths import EvolutionPath, Step, cheapest_path, evolution_paths, path_between
from .rank import Community, RankedSkill, communities, rank_skills
from .similarity import Similarity, nearest_roles, role_similarity
from .skills import SkillEvidence, held_skills, skill_classes, skill_profile

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
    "find_node",
    "held_skills",
    "nearest_roles",
    "normalise",
    "path_between",
    "rank_skills",
    "role_similarity",
    "skill_classes",
    "skill_gap",
    "skill_profile",
    "trainings_for",
]
