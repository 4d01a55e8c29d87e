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

**One rule for every analysis: a role's skills** (:func:`role_skills`). A role's skills are the
skills of its profile that no source says it does not need, whatever the match that reaches
them: ``gap`` (both what the target requires and what the start role already has), ``similar``,
``rank``, ``path --cheapest`` and ``profile`` all call :func:`role_skills` (through
:func:`held_skills` and :func:`all_profiles`), so a skill counts on both sides or on neither.
A *broad* match (the framework occupation is wider than the role) contributes its skills like
any other match, because for most roles the frameworks are all the graph knows, and counting
them as required but never as held made a role lack its own skills; the answers mark such a
skill as reached "only through a broad match" (:attr:`SkillEvidence.broad_only`) so the reader
sees the weaker evidence.

**A source saying a skill is not needed overrides the frameworks.** A requirement claim with
``aic:isRequired false`` about a skill (projected as ``role -aic:notRequired-> skill``, e.g. the
news article saying a prompt engineer need not code) stays in :func:`skill_profile`, with both
sides (:meth:`SkillEvidence.override_text`), but takes the skill out of :func:`role_skills`: the
role neither requires it nor is counted as having it.

>>> from aicareers.analytics._examples import example_graph
>>> g = example_graph()
>>> profile = skill_profile(g, "Editor in chief")
>>> for skill in profile.values():
...     print(skill.label_en, "|", skill.node_type, "|", "; ".join(skill.describe_origins()), "|", skill.broad_only)
Creativity | skill | ESCO via publishing director (broad match) | True
manage budgets | esco-skill | ESCO via publishing director (broad match) | True
Proofreading | skill | ESCO via publishing director (broad match) | True
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
#: Edge key of a source's claim that a role does *not* need a skill (see :mod:`aicareers.projection`).
NOT_REQUIRED = "aic:notRequired"
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
#: What a job page can be about: a role of the articles, or a framework occupation itself.
JOB_TYPES = ("role", *OCCUPATION_TYPES)
#: The "predicate" by which a framework occupation is its own occupation (no edge: nothing to cite).
ITSELF = "itself"


@dataclass(frozen=True, order=True)
class Origin:
    """How one role reaches one skill: stated by an article, or through an ESCO occupation."""

    kind: str  # "article", "claim" (a source says it is not needed), or the framework: "ESCO", "ROME"
    node: str  # the skill node reached (an article skill or a framework skill), before canonicalising
    via: str = ""  # the framework occupation, for a framework kind
    via_label: str = ""
    match: str = ""  # how the role maps to `via`: exact, close or broad
    relation: str = ""  # the predicate that reached `node`
    sources: tuple[str, ...] = ()  # the source documents of the link
    quote: str = ""  # for a claim: the source's words

    @property
    def strength(self) -> str:
        """``essential``, ``optional`` or ``""`` (the framework does not say), from the relation."""
        return FRAMEWORK_SKILL_EDGES.get(self.relation, ("", ""))[0]

    @property
    def held(self) -> bool:
        """Whether this origin is firm: an article, or an exact/close match (not only a broad one)."""
        return self.kind == "article" or self.match in (*HELD_MATCHES, ITSELF)

    def describe(self) -> str:
        """``article: <sources>``, ``not needed according to <sources> («quote»)`` or
        ``<framework> via <occupation> (<match> match)[, <strength>]``.

        >>> Origin("ESCO", "s", "o", "ICT consultant", "broad").describe()
        'ESCO via ICT consultant (broad match)'
        >>> Origin("ROME", "s", "o", "Data scientist", "close", "aic:coreSkill").describe()
        'ROME via Data scientist (close match), core'
        >>> Origin("claim", "s", relation=NOT_REQUIRED, sources=("News",), quote="no need to code").describe()
        'not needed according to News («no need to code»)'
        """
        if self.kind == "article":
            return "article: " + "; ".join(self.sources)
        if self.kind == "claim":
            return "not needed according to " + "; ".join(self.sources) + (f" («{self.quote}»)" if self.quote else "")
        word = FRAMEWORK_SKILL_EDGES.get(self.relation, ("", ""))[1]
        if self.match == ITSELF:
            return f"{self.kind}: {self.via_label}" + (f", {word}" if word else "")
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
        """Whether firm evidence gives it: an article states it, or an exact/close framework match."""
        return any(o.held for o in self.origins if o.kind != "claim")

    @property
    def broad_only(self) -> bool:
        """Whether only a broad framework match gives it (weaker evidence, shown as such)."""
        return self.needed and not self.held

    @property
    def needed(self) -> bool:
        """False when a source says the role does not need it: then it is not one of :func:`role_skills`."""
        return not any(o.kind == "claim" for o in self.origins)

    @property
    def essential(self) -> bool:
        """Whether an article states it or a framework counts it essential (ESCO essential, ROME core)."""
        return any(o.kind == "article" or o.strength == "essential" for o in self.origins)

    def override_text(self) -> str:
        """For a skill a source says the role does not need: both sides, in words (else ``""``).

        >>> from aicareers.analytics._examples import example_graph, node
        >>> g = example_graph()
        >>> _ = g.add_edge(node("role", "chief-editor"), node("esco-skill", "manage-budgets"), key=NOT_REQUIRED,
        ...            predicate="aic:isRequired", sources=[{"source": "s", "source_label": "Guide", "quote": "no budgets"}])
        >>> print(skill_profile(g, "Editor in chief")[node("esco-skill", "manage-budgets")].override_text())
        manage budgets: not needed according to Guide («no budgets»), although ESCO lists it for publishing director (broad match)
        """
        claims = [o.describe() for o in self.origins if o.kind == "claim"]
        if not claims:
            return ""
        listed = [f"{o.kind} lists it" + (f" as {o.strength}" if o.strength else "") + f" for {o.via_label} ({o.match} match)"
                  for o in self.origins if o.kind not in ("claim", "article")]
        stated = ["an article states it"] if any(o.kind == "article" for o in self.origins) else []
        although = "; ".join(stated + listed)
        return f"{self.label_en}: {'; '.join(claims)}" + (f", although {although}" if although else "")

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
            "broad_only": self.broad_only,
            "needed": self.needed,
            "not_needed": self.override_text(),
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

    A framework occupation is its own occupation, exactly (predicate :data:`ITSELF`): so its
    skills, profile and gaps are those of a role mapped to it exactly, by the same rules.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> occupations(example_graph(), node("role", "chief-editor"))
    [('https://example.org/esco-occupation/publishing-director', 'broad', 'skos:broadMatch')]
    >>> occupations(example_graph(), node("esco-occupation", "translator"))
    [('https://example.org/esco-occupation/translator', 'exact', 'itself')]
    """
    matches = tuple(matches)
    if g.nodes[role].get("type") in OCCUPATION_TYPES:
        return [(role, "exact", ITSELF)] if "exact" in matches else []
    return sorted(
        (v, MATCHES[k], k)
        for _, v, k in g.out_edges(role, keys=True)
        if k in MATCHES and MATCHES[k] in matches and g.nodes[v].get("type") in OCCUPATION_TYPES
    )


def as_job(g: nx.MultiDiGraph, name_or_key: str) -> str:
    """A role or a framework occupation given by its key, else the role ``name_or_key`` names.

    Names resolve to roles only (:func:`~aicareers.analytics.names.as_node`): a framework
    occupation is reached by its key (the job pages do), so no command's names change meaning.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> g = example_graph()
    >>> as_job(g, node("esco-occupation", "translator")) == node("esco-occupation", "translator")
    True
    >>> as_job(g, "Translator") == node("role", "translator")
    True
    """
    if name_or_key in g and g.nodes[name_or_key].get("type") in JOB_TYPES:
        return name_or_key
    return as_node(g, name_or_key)


def mapping_facts(g: nx.MultiDiGraph, role: str, occupation: str, predicate: str) -> list[Fact]:
    """The facts of the mapping ``role -predicate-> occupation`` (none when the occupation is itself)."""
    return [] if predicate == ITSELF else edge_facts(g, role, occupation, predicate)


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

    A framework occupation (by key) has its own skills, as a person holding that job does:

    >>> [(s.label_en, s.describe_origins()) for s in skill_profile(g, node("esco-occupation", "translator")).values()]
    [('Proofreading', ['ESCO: translator']), ('translate language concepts', ['ESCO: translator'])]
    """
    role = as_job(g, role)
    classes = classes or skill_classes(g)
    found: dict[str, list[tuple[Origin, list[Fact]]]] = {}
    for _, skill, k in g.out_edges(role, keys=True):
        if k == ARTICLE_SKILL and g.nodes[skill].get("type") in SKILL_TYPES:
            facts = edge_facts(g, role, skill, k)
            origin = Origin("article", skill, relation=k, sources=tuple(sources_of(facts)))
            found.setdefault(classes.canonical(skill), []).append((origin, facts))
        elif k == NOT_REQUIRED and g.nodes[skill].get("type") in SKILL_TYPES:
            facts = edge_facts(g, role, skill, k)
            quote = "; ".join(dict.fromkeys(f.quote for f in facts if f.quote))
            origin = Origin("claim", skill, relation=k, sources=tuple(sources_of(facts)), quote=quote)
            found.setdefault(classes.canonical(skill), []).append((origin, facts))
    for occupation, match, predicate in occupations(g, role, matches):
        via = mapping_facts(g, role, occupation, predicate)
        label = ref(g, occupation).label_en
        framework = OCCUPATION_TYPES[g.nodes[occupation]["type"]]
        for _, skill, k in g.out_edges(occupation, keys=True):
            if k in FRAMEWORK_SKILL_EDGES and g.nodes[skill].get("type") in SKILL_TYPES:
                facts = via + edge_facts(g, occupation, skill, k)
                # the occupation itself: said "ESCO: translator", not as a match to itself
                how = ITSELF if predicate == ITSELF else match
                origin = Origin(framework, skill, occupation, label, how, k, tuple(sources_of(facts)))
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


def role_skills(g: nx.MultiDiGraph, role: str, classes: SkillClasses | None = None) -> dict[str, SkillEvidence]:
    """The role's skills, as every analysis counts them (the rule is in the module docstring).

    Its :func:`skill_profile` (every match, broad ones included) less the skills a source says it
    does not need.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> g = example_graph()
    >>> [s.label_en for s in role_skills(g, "Editor in chief").values()]
    ['Creativity', 'manage budgets', 'Proofreading']
    >>> _ = g.add_edge(node("role", "chief-editor"), node("esco-skill", "manage-budgets"), key=NOT_REQUIRED, sources=[])
    >>> [s.label_en for s in role_skills(g, "Editor in chief").values()]
    ['Creativity', 'Proofreading']
    """
    return needed_only(skill_profile(g, role, ALL_MATCHES, classes))


def needed_only(profile: dict[str, SkillEvidence]) -> dict[str, SkillEvidence]:
    """The skills of a :func:`skill_profile` that no source says the job does not need: the rule of
    :func:`role_skills`, for a caller that has the profile already.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> needed_only(skill_profile(g, "Translator")) == role_skills(g, "Translator")
    True
    """
    return {k: s for k, s in profile.items() if s.needed}


def held_skills(g: nx.MultiDiGraph, role: str, classes: SkillClasses | None = None) -> dict[str, SkillEvidence]:
    """What a role already has when it moves: its :func:`role_skills`, the same set it requires.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> [s.label_en for s in held_skills(g, "Translator").values()]
    ['Proofreading', 'translate language concepts']
    >>> [s.label_en for s in held_skills(g, "Editor in chief").values()]
    ['Creativity', 'manage budgets', 'Proofreading']
    """
    return role_skills(g, role, classes)


def roles(g: nx.MultiDiGraph) -> list[str]:
    """Every role node, sorted by key.

    >>> from aicareers.analytics._examples import example_graph
    >>> [r.rsplit("/", 1)[-1] for r in roles(example_graph())]
    ['chief-editor', 'editor', 'translator', 'writer']
    """
    return sorted(n for n, d in g.nodes(data=True) if d.get("type") == "role")


def all_profiles(g: nx.MultiDiGraph) -> dict[str, dict[str, SkillEvidence]]:
    """:func:`role_skills` of every role, by role key.

    >>> from aicareers.analytics._examples import example_graph
    >>> {r.rsplit("/", 1)[-1]: len(p) for r, p in all_profiles(example_graph()).items()}
    {'chief-editor': 3, 'editor': 2, 'translator': 2, 'writer': 2}
    """
    classes = skill_classes(g)
    return {r: role_skills(g, r, classes) for r in roles(g)}
