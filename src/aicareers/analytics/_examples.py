"""Small hand-made graphs shaped like :func:`aicareers.projection.project`'s output, for doctests and tests.

:func:`example_graph` is a tiny publishing world where every answer can be checked by hand:

- roles: Writer (Rédacteur) → Editor (Éditeur) → Editor in chief (Rédacteur en chef), and
  Writer → Translator (Traducteur), over ``aic:canEvolveTo``;
- article skills: the writer requires Writing and Creativity, the editor Writing and Proofreading;
- ESCO: the editor in chief is a *broad* match of the occupation "publishing director" (manage
  budgets, develop creative ideas, proofread text); the translator a *close* match of
  "translator" (translate language concepts, proofread text); the article skills Creativity and
  Proofreading are close matches of "develop creative ideas" and "proofread text";
- missions: the writer writes articles; the editor in chief checks copy, a close match of
  "proofread text"; a training route, Journalism school, leads into the writer's role.

>>> g = example_graph()
>>> sorted(d["label_en"] for _, d in g.nodes(data=True) if d["type"] == "role")
['Editor', 'Editor in chief', 'Translator', 'Writer']
>>> g.number_of_nodes(), g.number_of_edges()
(16, 20)
"""

from __future__ import annotations

import networkx as nx

BASE = "https://example.org/"
SOURCE = BASE + "source/guide"
SOURCE_LABEL = "Careers guide"

#: Labels of the predicates, as the ontology gives them (SKOS terms are labelled by their name).
PREDICATE_LABELS = {
    "aic:requiresSkill": ("requires skill", "requiert la compétence"),
    "aic:hasMission": ("has mission", "a pour mission"),
    "aic:canEvolveTo": ("can evolve to", "peut évoluer vers"),
    "aic:learningRoute": ("learning route", "voie d'accès"),
    "aic:relatedSkill": ("related skill", "compétence liée"),
}
ESCO_SOURCE = {"source": BASE + "source/esco", "source_label": "ESCO, European Commission", "quote": ""}


def node(kind: str, name: str) -> str:
    """The key (IRI) of an example node: ``https://example.org/<kind>/<name>``."""
    return f"{BASE}{kind}/{name}"


def add_node(g: nx.MultiDiGraph, kind: str, name: str, en: str, fr: str | None = None, quote: str | None = None, **attrs) -> str:
    """Add a node of type ``kind`` with the projection's attributes; returns its key."""
    key = node(kind, name)
    sources = [{"source": SOURCE, "source_label": SOURCE_LABEL, "quote": quote}] if quote else []
    if kind.startswith("esco-"):
        sources = [dict(ESCO_SOURCE)]
    g.add_node(
        key, iri=key, type=kind, label_en=en, label_fr=fr or en, definition_en="", definition_fr="", sources=sources, **attrs
    )
    return key


def add_edge(g: nx.MultiDiGraph, u: str, v: str, predicate: str, quote: str | None = None, **attrs) -> None:
    """Add edge ``u -predicate-> v`` with the projection's attributes (a quote of the guide, if given)."""
    en, fr = PREDICATE_LABELS.get(predicate, (predicate, predicate))
    sources = [{"source": SOURCE, "source_label": SOURCE_LABEL, "quote": quote}] if quote else []
    if predicate in ("aic:relatedSkill", "esco:relatedEssentialSkill", "esco:relatedOptionalSkill"):
        sources = [dict(ESCO_SOURCE)]
    g.add_edge(u, v, key=predicate, predicate=predicate, label_en=en, label_fr=fr, sources=sources, **attrs)


def roles_with_skills(roles: dict[str, list[str]], moves: list[tuple[str, str]] = ()) -> nx.MultiDiGraph:
    """A graph of roles that require article skills (``{role: [skill, ...]}``) and evolve (``moves``).

    >>> g = roles_with_skills({"a": ["x", "y"], "b": ["y"]}, [("a", "b")])
    >>> sorted(k for _, _, k in g.edges(keys=True))
    ['aic:canEvolveTo', 'aic:requiresSkill', 'aic:requiresSkill', 'aic:requiresSkill']
    """
    g = nx.MultiDiGraph()
    for role, skills in roles.items():
        add_node(g, "role", role, role.upper(), role.upper(), emerging=False)
        for skill in skills:
            if node("skill", skill) not in g:
                add_node(g, "skill", skill, skill, skill, skill_type="know-how")
            add_edge(g, node("role", role), node("skill", skill), "aic:requiresSkill", quote=f"{role} needs {skill}")
    for a, b in moves:
        add_edge(g, node("role", a), node("role", b), "aic:canEvolveTo", quote=f"{a} can become {b}", meaning_en="", meaning_fr="")
    return g


def example_graph() -> nx.MultiDiGraph:
    """The publishing example described in the module docstring."""
    g = nx.MultiDiGraph()
    writer = add_node(g, "role", "writer", "Writer", "Rédacteur", quote="Le rédacteur écrit des articles.", emerging=False)
    editor = add_node(g, "role", "editor", "Editor", "Éditeur", emerging=False)
    chief = add_node(g, "role", "chief-editor", "Editor in chief", "Rédacteur en chef", emerging=False)
    translator = add_node(g, "role", "translator", "Translator", "Traducteur", emerging=False)

    writing = add_node(g, "skill", "writing", "Writing", "Rédaction", skill_type="know-how")
    creativity = add_node(g, "skill", "creativity", "Creativity", "Créativité", skill_type="human-quality")
    proofreading = add_node(g, "skill", "proofreading", "Proofreading", "Relecture", skill_type="know-how")

    director = add_node(g, "esco-occupation", "publishing-director", "publishing director")
    esco_translator = add_node(g, "esco-occupation", "translator", "translator")
    ideas = add_node(g, "esco-skill", "develop-creative-ideas", "develop creative ideas", skill_type="skill")
    proofread = add_node(g, "esco-skill", "proofread-text", "proofread text", skill_type="skill")
    budgets = add_node(g, "esco-skill", "manage-budgets", "manage budgets", skill_type="skill")
    translate = add_node(g, "esco-skill", "translate-concepts", "translate language concepts", skill_type="skill")

    articles = add_node(g, "mission", "write-articles", "Write articles", "Écrire des articles")
    copy = add_node(g, "mission", "check-copy", "Check copy", "Vérifier la copie")
    school = add_node(g, "training", "journalism-school", "Journalism school", "École de journalisme")

    add_edge(g, writer, editor, "aic:canEvolveTo", "Un rédacteur peut devenir éditeur.", meaning_en="Editing others' texts.", meaning_fr="Éditer les textes des autres.")
    add_edge(g, editor, chief, "aic:canEvolveTo", "Un éditeur peut devenir rédacteur en chef.", meaning_en="Leading the newsroom.", meaning_fr="Diriger la rédaction.")
    add_edge(g, writer, translator, "aic:canEvolveTo", "Un rédacteur peut devenir traducteur.", meaning_en="Translating texts.", meaning_fr="Traduire des textes.")
    add_edge(g, writer, writing, "aic:requiresSkill", "Un rédacteur doit savoir écrire.")
    add_edge(g, writer, creativity, "aic:requiresSkill", "Il faut de la créativité.")
    add_edge(g, editor, writing, "aic:requiresSkill", "Un éditeur écrit aussi.")
    add_edge(g, editor, proofreading, "aic:requiresSkill", "Un éditeur relit les textes.")
    add_edge(g, writer, articles, "aic:hasMission", "Il écrit des articles.")
    add_edge(g, chief, copy, "aic:hasMission", "Il vérifie la copie.")
    add_edge(g, writer, school, "aic:learningRoute", "Une école de journalisme y prépare.")
    add_edge(g, chief, director, "skos:broadMatch")
    add_edge(g, translator, esco_translator, "skos:closeMatch")
    add_edge(g, creativity, ideas, "skos:closeMatch")
    add_edge(g, proofreading, proofread, "skos:closeMatch")
    add_edge(g, copy, proofread, "skos:closeMatch")
    for skill in (budgets, ideas, proofread):
        add_edge(g, director, skill, "aic:relatedSkill")
    for skill in (translate, proofread):
        add_edge(g, esco_translator, skill, "aic:relatedSkill")
    return g
