"""Synthetic projections of any size, with the attribute schema of :func:`aicareers.projection.project`.

For benchmarks and tests of the pages' size rules: roles with skills, missions, trainings,
salaries and the like, ESCO occupations with their skills, evolution moves between roles. Labels,
definitions and quotes carry the characters the real graph has (’ « » and apostrophes).

>>> g = synthetic_projection(200)
>>> g.number_of_nodes(), sorted({d["type"] for _, d in g.nodes(data=True)})[:3]
(200, ['domain', 'esco-occupation', 'esco-skill'])
>>> synthetic_projection(200).edges(keys=True) == g.edges(keys=True)
True
"""

from __future__ import annotations

import random

import networkx as nx

BASE = "https://example.org/synthetic/"

#: Share of each node type in a synthetic graph (roughly that of a graph grown from many articles).
SHARES = {
    "role": 0.02,
    "skill": 0.15,
    "mission": 0.12,
    "training": 0.06,
    "salary": 0.05,
    "factor": 0.03,
    "objective": 0.03,
    "tool": 0.02,
    "domain": 0.02,
    "esco-occupation": 0.05,
    "esco-skill": 0.45,
}
#: The predicate linking a role to each type of node.
ROLE_PREDICATES = {
    "skill": ("aic:requiresSkill", "requiert la compétence", "requires skill"),
    "mission": ("aic:hasMission", "a pour mission", "has mission"),
    "training": ("aic:learningRoute", "voie de formation", "learning route"),
    "salary": ("schema:estimatedSalary", "salaire estimé", "estimated salary"),
    "factor": ("aic:salaryFactor", "facteur de salaire", "salary factor"),
    "objective": ("aic:hasObjective", "a pour objectif", "has objective"),
    "tool": ("aic:usesTool", "utilise l’outil", "uses tool"),
    "domain": ("aic:appliesIn", "s’applique dans", "applies in"),
    "esco-occupation": ("skos:broadMatch", "skos:broadMatch", "skos:broadMatch"),
}
SOURCES = [
    ("https://example.org/synthetic/source/article", "Article: “Devenir prompt engineer”"),
    ("https://example.org/synthetic/source/sheet", "Fiche métier « IA »"),
]


def synthetic_projection(n_nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """A projection-like graph of exactly ``n_nodes`` nodes (at least 20), the same for the same seed."""
    if n_nodes < 20:
        raise ValueError("a synthetic projection needs at least 20 nodes")
    rng = random.Random(seed)
    counts = {t: max(1, int(n_nodes * share)) for t, share in SHARES.items()}
    counts["esco-skill"] += n_nodes - sum(counts.values())
    g = nx.MultiDiGraph()
    ids: dict[str, list[str]] = {}
    for node_type, count in counts.items():
        ids[node_type] = []
        for i in range(count):
            iri = f"{BASE}{node_type}/{i}"
            ids[node_type].append(iri)
            quote = f"L’{node_type} n° {i} est « essentiel » d'après l'article."
            source, source_label = SOURCES[i % len(SOURCES)]
            attrs = {
                "iri": iri,
                "type": node_type,
                "label_fr": f"{_fr(node_type)} {i}",
                "label_en": f"{node_type.replace('-', ' ').capitalize()} {i}",
                "definition_fr": f"Définition de l’élément {i} (« {node_type} »).",
                "definition_en": f"Definition of item {i} ('{node_type}').",
                "sources": [{"source": source, "source_label": source_label, "quote": quote}],
            }
            if node_type in ("skill", "esco-skill"):
                attrs["skill_type"] = rng.choice(["knowledge", "know-how", "human-quality"])
            if node_type == "role":
                attrs["emerging"] = i % 3 == 0
            g.add_node(iri, **attrs)

    roles = ids["role"]
    made = [0]

    def link(s, o, predicate, fr, en, **extra):
        source, source_label = SOURCES[made[0] % len(SOURCES)]
        made[0] += 1
        g.add_edge(s, o, key=predicate, predicate=predicate, label_fr=fr, label_en=en,
                   sources=[{"source": source, "source_label": source_label, "quote": f"« {fr} » d’après l'article."}], **extra)  # fmt: skip

    for node_type, (predicate, fr, en) in ROLE_PREDICATES.items():
        for i, target in enumerate(ids[node_type]):
            link(roles[i % len(roles)], target, predicate, fr, en)
            if node_type in ("skill", "training", "factor", "tool", "domain") and rng.random() < 0.5:
                other = rng.choice(roles)
                if not g.has_edge(other, target, predicate):
                    link(other, target, predicate, fr, en)
    occupations = ids["esco-occupation"]
    for i, skill in enumerate(ids["esco-skill"]):
        link(occupations[i % len(occupations)], skill, "aic:relatedSkill", "compétence associée", "related skill")
        if rng.random() < 0.3:
            other = rng.choice(occupations)
            if not g.has_edge(other, skill, "aic:relatedSkill"):
                link(other, skill, "aic:relatedSkill", "compétence associée", "related skill")
    for skill in ids["skill"]:
        if rng.random() < 0.3:
            link(skill, rng.choice(ids["esco-skill"]), "skos:closeMatch", "skos:closeMatch", "skos:closeMatch")
    for role in roles:
        for target in rng.sample(roles, min(2, len(roles))):
            if target != role and not g.has_edge(role, target, "aic:canEvolveTo"):
                link(role, target, "aic:canEvolveTo", "peut évoluer vers", "can evolve to",
                     meaning_fr="Évolution « naturelle » vers l’autre rôle.", meaning_en="A 'natural' move to the other role.")  # fmt: skip
    return g


def _fr(node_type: str) -> str:
    return {
        "role": "Rôle",
        "skill": "Compétence",
        "mission": "Mission",
        "training": "Formation",
        "salary": "Salaire",
        "factor": "Facteur",
        "objective": "Objectif",
        "tool": "Outil",
        "domain": "Domaine",
        "esco-occupation": "Profession ESCO",
        "esco-skill": "Compétence ESCO",
    }[node_type]
