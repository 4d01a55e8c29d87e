"""A role's skills: those the articles state, and those the frameworks give the occupations it maps to.

**Where a role's skills come from.** :func:`skill_profile` gathers

1. its *article skills*: ``role -aic:requiresSkill-> skill``, with the sources' quotes;
2. its *framework skills*: ``role -skos:exactMatch|closeMatch|broadMatch-> occupation -> skill``
   for the occupations of ESCO (``esco:relatedEssentialSkill``, ``esco:relatedOptionalSkill``,
   ``aic:relatedSkill``) and ROME (``aic:coreSkill``, ``aic:specificSkill``, ``aic:emergingSkill``),
   each noted "ESCO via <occupation> (<match> match), essential" or "ROME via <sheet> (<match>
   match), core". Each origin has a *strength*: ``essential`` (ESCO essential, ROME core),
   ``optional`` (ESCO optional, ROME specific or emerging) or empty (not said). O*NET's partial
   database has no skills (its Skills file is missing): it gives tasks, technologies,
   preparation and moves, not skills.

**One skill, one key (equivalence rule).** An article skill and an ESCO skill joined by
``skos:exactMatch``, ``skos:closeMatch`` or ``skos:broadMatch`` (in either direction) are the same
skill. The rule is transitive (connected components of those edges among skill nodes, so two
article skills matched to one ESCO skill become one skill too), and a component's key is its
article skill (the smallest IRI if several), else its smallest IRI. ``skos:narrowMatch`` is not
followed: an ESCO skill narrower than an article skill is only part of it. Matches of missions
are not skill equivalences (see :mod:`aicareers.analytics.gap`).

**Held or only listed.** A role *holds* a skill when an article states it, or ESCO relates it to
an occupation the role matches *exactly* or *closely*; a *broad* match (the ESCO occupation is
wider than the role) lists skills the role may need but is not known to hold.
:attr:`SkillEvidence.held` says which; the gap analysis counts only held skills as already there.

>>> from aicareers.analytics._examples import example_graph
>>> g = example_graph()
>>> profile = skill_profile(g, "Editor in chief")
>>> for skill in profile.values():
...     print(skill.label_en, "|", skill.node_type, "|", "; ".join(skill.describe_origins()), "|", skill.held)
Creativity | skill | ESCO via publishing director (broad match) | False
manage budgets | esco-skill | ESCO via publishing director (broad match) | False
Proofreading | skill | ESCO via publishing director (broad match) | False
>>> [s.label_en for s in skill_profile(g, "writer").values()]
['Creativity', 'Writing']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import networkx as nx

from .explain import Fact, Ref, edge_facts, merge, ref, sources_of
from .names import as_node

#: Predicate of the skills the articles state.
ARTICLE_SKILL = "aic:requiresSkill"
#: Match predicates followed (role -> ESCO occupation; article skill <-> ESCO skill) and their name.
MATCHES = {"skos:exactMatch": "exact", "skos:closeMatch": "close", "skos:broadMatch": "broad"}
#: Predicates from a framework occupation to its skills -> (strength, the framework's own word).
FRAMEWORK_SKILL_EDGES: dict[str, tuple[str, str]] = {
    "aic:relatedSkill": ("", ""),
    "esco:relatedEssentialSkill": ("essential", "essential"),
    "esco:relatedOptionalSkill": ("optional", "optional"),
    "aic:coreSkill": ("essential", "core"),
    "aic:specificSkill": ("optional", "specific"),
    "aic:emergingSkill": ("optional", "emerging"),
}
ESCO_SKILL_EDGES = tuple(FRAMEWORK_SKILL_EDGES)  # the older name
#: Node types that are skills.
SKILL_TYPES = ("skill", "esco-skill", "rome-skill")
#: Node types of framework occupations -> the framework's name in words.
OCCUPATION_TYPES = {"esco-occupation": "ESCO", "rome-occupation": "ROME", "onet-occupation": "O*NET"}
#: Every occupation match kind, and those under which a role holds the occupation's skills.
ALL_MATCHES = ("exact", "close", "broad")
HELD_MATCHES = ("exact", "close")


@dataclass(frozen=True, order=True)
class Origin:
    """How one role reaches one skill: stated by an article, or through an ESCO occupation."""

    kind: str  # "article", or the framework: "ESCO", "ROME"
    node: str  # the skill node reached (an article skill or a framework skill), before canonicalising
    via: str = ""  # the framework occupation, for a framework kind
    via_label: str = ""
    match: str = ""  # how the role maps to `via`: exact, close or broad
    relation: str = ""  # the predicate that reached `node`
    sources: tuple[str, ...] = ()  # the source documents of the link

    @property
    def strength(self) -> str:
        """``essential``, ``optional`` or ``""`` (the framework does not say), from the relation."""
        return FRAMEWORK_SKILL_EDGES.get(self.relation, ("", ""))[0]

    @property
    def held(self) -> bool:
        """Whether this origin makes the role hold the skill (article, or exact/close match)."""
        return self.kind == "article" or self.match in HELD_MATCHES

    def describe(self) -> str:
        """``article: <sources>`` or ``<framework> via <occupation> (<match> match)[, <strength>]``.

        >>> Origin("ESCO", "s", "o", "ICT consultant", "broad").describe()
        'ESCO via ICT consultant (broad match)'
        >>> Origin("ROME", "s", "o", "Data scientist", "close", "aic:coreSkill").describe()
        'ROME via Data scientist (close match), core'
        """
        if self.kind == "article":
            return "article: " + "; ".join(self.sources)
        word = FRAMEWORK_SKILL_EDGES.get(self.relation, ("", ""))[1]
        return f"{self.kind} via {self.via_label} ({self.match} match)" + (f", {word}" if word else "")

    def to_dict(self) -> dict:
        return {"kind": self.kind, "node": self.node, "via": self.via, "via_label": self.via_label,
                "match": self.match, "relation": self.relation, "strength": self.strength,
                "sources": list(self.sources), "text": self.describe()}  # fmt: skip


@dataclass(frozen=True)
class SkillEvidence:
    """One skill of a role (canonical key), where it comes from and the facts that say so."""

    skill: Ref  # the canonical node
    skill_type: str  # knowledge, know-how, human-quality (articles); skill, knowledge (ESCO)
    equivalents: tuple[Ref, ...]  # the other nodes that are the same skill (ESCO matches)
    origins: tuple[Origin, ...]
    facts: tuple[Fact, ...] = field(repr=False, default=())

    @property
    def key(self) -> str:
        return self.skill.key

    @property
    def label_en(self) -> str:
        return self.skill.label_en

    @property
    def label_fr(self) -> str:
        return self.skill.label_fr

    @property
    def node_type(self) -> str:
        """``skill`` (named by the articles) or ``esco-skill`` (ESCO only)."""
        return self.skill.type

    @property
    def held(self) -> bool:
        """Whether the role holds it: an article states it, or an exact/close ESCO match gives it."""
        return any(o.held for o in self.origins)

    @property
    def essential(self) -> bool:
        """Whether an article states it or a framework counts it essential (ESCO essential, ROME core)."""
        return any(o.kind == "article" or o.strength == "essential" for o in self.origins)

    @property
    def strength(self) -> str:
        """``stated`` (by an article), ``essential``, ``optional`` or ``""``: the strongest origin."""
        if any(o.kind == "article" for o in self.origins):
            return "stated"
        strengths = {o.strength for o in self.origins}
        return next((s for s in ("essential", "optional") if s in strengths), "")

    @property
    def sources(self) -> list[str]:
        """The source documents of the facts (article titles, frameworks)."""
        return sources_of(self.facts)

    def label(self, lang: str = "en") -> str:
        return self.skill.label(lang)

    def describe_origins(self) -> list[str]:
        """Each origin in words, once."""
        return list(dict.fromkeys(o.describe() for o in self.origins))

    def to_dict(self) -> dict:
        return {
            **self.skill.to_dict(),
            "skill_type": self.skill_type,
            "equivalents": [e.to_dict() for e in self.equivalents],
            "held": self.held,
            "strength": self.strength,
            "origins": [o.to_dict() for o in self.origins],
            "sources": self.sources,
        }


@dataclass(frozen=True)
class SkillClasses:
    """The equivalence classes of skills: each skill node's canonical key, each key's members."""

    key_of: dict[str, str]
    members: dict[str, tuple[str, ...]]
    facts: dict[str, tuple[Fact, ...]]  # key -> the match edges that join its members

    def canonical(self, node: str) -> str:
        return self.key_of.get(node, node)


def skill_classes(g: nx.MultiDiGraph) -> SkillClasses:
    """Group skill nodes joined by exact/close/broad matches; key each group (see module docstring).

    >>> from aicareers.analytics._examples import example_graph, node
    >>> classes = skill_classes(example_graph())
    >>> classes.canonical(node("esco-skill", "proofread-text")).rsplit("/", 2)[-2:]
    ['skill', 'proofreading']
    """
    uf = nx.utils.UnionFind()
    skills = sorted(n for n, d in g.nodes(data=True) if d.get("type") in SKILL_TYPES)
    for n in skills:
        uf[n]
    joins = []
    for u, v, k in g.edges(keys=True):
        if k in MATCHES and g.nodes[u].get("type") in SKILL_TYPES and g.nodes[v].get("type") in SKILL_TYPES:
            uf.union(u, v)
            joins.append((u, v, k))
    key_of, members = {}, {}
    for group in uf.to_sets():
        group = sorted(group)
        articles = [n for n in group if g.nodes[n].get("type") == "skill"]
        key = (articles or group)[0]
        members[key] = tuple(group)
        for n in group:
            key_of[n] = key
    facts: dict[str, list[Fact]] = {}
    for u, v, k in joins:
        facts.setdefault(key_of[u], []).extend(edge_facts(g, u, v, k))
    return SkillClasses(key_of, members, {k: merge(f) for k, f in facts.items()})


def occupations(g: nx.MultiDiGraph, role: str, matches: Iterable[str] = ALL_MATCHES) -> list[tuple[str, str, str]]:
    """The framework occupations ``role`` maps to: ``(occupation, match, predicate)``, sorted.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> occupations(example_graph(), node("role", "chief-editor"))
    [('https://example.org/esco-occupation/publishing-director', 'broad', 'skos:broadMatch')]
    """
    matches = tuple(matches)
    return sorted(
        (v, MATCHES[k], k)
        for _, v, k in g.out_edges(role, keys=True)
        if k in MATCHES and MATCHES[k] in matches and g.nodes[v].get("type") in OCCUPATION_TYPES
    )


def skill_profile(
    g: nx.MultiDiGraph, role: str, matches: Iterable[str] = ALL_MATCHES, classes: SkillClasses | None = None
) -> dict[str, SkillEvidence]:
    """The skills of ``role`` (a key or a name), by canonical key, sorted by English label.

    ``matches`` chooses which ESCO occupation matches to follow (all by default; ``HELD_MATCHES``
    for only the skills the role is known to hold). ``classes`` may be passed to save recomputing
    :func:`skill_classes` when profiling many roles.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> g = example_graph()
    >>> proofreading = skill_profile(g, "Translator")[node("skill", "proofreading")]
    >>> proofreading.describe_origins(), [e.label_en for e in proofreading.equivalents], proofreading.sources
    (['ESCO via translator (close match)'], ['proofread text'], ['ESCO, European Commission'])
    >>> [s.label_en for s in skill_profile(g, "Editor in chief", matches=("exact", "close")).values()]
    []
    """
    role = as_node(g, role)
    classes = classes or skill_classes(g)
    found: dict[str, list[tuple[Origin, list[Fact]]]] = {}
    for _, skill, k in g.out_edges(role, keys=True):
        if k == ARTICLE_SKILL and g.nodes[skill].get("type") in SKILL_TYPES:
            facts = edge_facts(g, role, skill, k)
            origin = Origin("article", skill, relation=k, sources=tuple(sources_of(facts)))
            found.setdefault(classes.canonical(skill), []).append((origin, facts))
    for occupation, match, predicate in occupations(g, role, matches):
        via = edge_facts(g, role, occupation, predicate)
        label = ref(g, occupation).label_en
        framework = OCCUPATION_TYPES[g.nodes[occupation]["type"]]
        for _, skill, k in g.out_edges(occupation, keys=True):
            if k in FRAMEWORK_SKILL_EDGES and g.nodes[skill].get("type") in SKILL_TYPES:
                facts = via + edge_facts(g, occupation, skill, k)
                origin = Origin(framework, skill, occupation, label, match, k, tuple(sources_of(facts)))
                found.setdefault(classes.canonical(skill), []).append((origin, facts))
    profile = {}
    for key, items in found.items():
        node = g.nodes[key]
        equivalents = tuple(ref(g, m) for m in classes.members.get(key, (key,)) if m != key)
        profile[key] = SkillEvidence(
            skill=ref(g, key),
            skill_type=node.get("skill_type", ""),
            equivalents=equivalents,
            origins=tuple(sorted({o for o, _ in items})),
            facts=merge(*(f for _, f in items), classes.facts.get(key, ()) if equivalents else ()),
        )
    return dict(sorted(profile.items(), key=lambda item: (item[1].label_en.casefold(), item[0])))


def held_skills(g: nx.MultiDiGraph, role: str, classes: SkillClasses | None = None) -> dict[str, SkillEvidence]:
    """The skills ``role`` is known to hold: article skills and exact/close ESCO matches.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> [s.label_en for s in held_skills(g, "Translator").values()]
    ['Proofreading', 'translate language concepts']
    >>> held_skills(g, "Editor in chief")
    {}
    """
    return skill_profile(g, role, HELD_MATCHES, classes)


def roles(g: nx.MultiDiGraph) -> list[str]:
    """Every role node, sorted by key.

    >>> from aicareers.analytics._examples import example_graph
    >>> [r.rsplit("/", 1)[-1] for r in roles(example_graph())]
    ['chief-editor', 'editor', 'translator', 'writer']
    """
    return sorted(n for n, d in g.nodes(data=True) if d.get("type") == "role")


def all_profiles(g: nx.MultiDiGraph, matches: Iterable[str] = ALL_MATCHES) -> dict[str, dict[str, SkillEvidence]]:
    """:func:`skill_profile` of every role, by role key.

    >>> from aicareers.analytics._examples import example_graph
    >>> {r.rsplit("/", 1)[-1]: len(p) for r, p in all_profiles(example_graph()).items()}
    {'chief-editor': 3, 'editor': 2, 'translator': 2, 'writer': 2}
    """
    classes = skill_classes(g)
    return {r: skill_profile(g, r, matches, classes) for r in roles(g)}
