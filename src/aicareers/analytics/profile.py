"""A role's whole profile: what the articles say, and what the frameworks say of its occupations.

:func:`role_profile` is the one answer to "what is this job": its skills
(:func:`~aicareers.analytics.skills.role_skills`, essential first, the skills every analysis
counts; those a source says the role does not need apart, in ``not_needed``, with both sources), its missions (the articles')
and tasks (ROME's activities in their order, O*NET's core then supplemental and emerging tasks),
the technologies it uses (O*NET, hot technologies first), its preparation (ROME's access
conditions, O*NET's job zone and required education), and the moves the frameworks give from its
occupations onward and into them, each resolved to the roles that map to the other end. Every
line carries the facts it rests on: an article's quote, or the framework's record.

A role reaches a framework occupation through the project's own mapping (exact, close or broad,
with its reason): everything below an occupation is said "through" it, so that a broad match
reads as what it is, a wider occupation.

>>> from aicareers.analytics._examples import example_graph
>>> p = role_profile(example_graph(), "Translator")
>>> [s.label_en for s in p.skills], [o.label_en for o, _ in p.occupations]
(['Proofreading', 'translate language concepts'], ['translator'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from .explain import Fact, Ref, edge_facts, merge, ref
from .skills import MATCHES, OCCUPATION_TYPES, SkillEvidence, as_job, mapping_facts, occupations, skill_profile

#: Task predicates in the order a profile lists them.
TASK_EDGES = ("aic:hasTask", "aic:coreTask", "aic:supplementalTask", "aic:emergingTask")
TASK_WORDS = {"aic:hasTask": "", "aic:coreTask": "core", "aic:supplementalTask": "supplemental",
              "aic:emergingTask": "emerging"}  # fmt: skip
TECHNOLOGY_EDGES = ("aic:usesTechnology", "aic:inDemandTechnology")
MOVE_EDGE = "aic:mobilityTo"
#: Order of strengths in a profile: what a source states, then essential, optional, unsaid.
STRENGTH_ORDER = {"stated": 0, "essential": 1, "optional": 2, "": 3}


@dataclass(frozen=True)
class Item:
    """A task, technology or preparation line of an occupation the role maps to."""

    item: Ref
    via: Ref  # the framework occupation
    match: str  # how the role maps to it
    note: str = ""  # core, supplemental, hot, in demand, 45% of respondents...
    rank: int | None = None
    facts: tuple[Fact, ...] = field(repr=False, default=())

    @property
    def framework(self) -> str:
        return OCCUPATION_TYPES.get(self.via.type, "")

    def label(self, lang: str = "en") -> str:
        return self.item.label(lang)

    def describe(self) -> str:
        """Where it comes from, in words: ``ROME via <sheet> (close match)[, note]``."""
        return f"{self.framework} via {self.via.label_en} ({self.match} match)" + (f", {self.note}" if self.note else "")

    def to_dict(self) -> dict:
        return {**self.item.to_dict(), "via": self.via.to_dict(), "framework": self.framework, "match": self.match,
                "note": self.note, "rank": self.rank, "facts": [f.to_dict() for f in self.facts]}  # fmt: skip


@dataclass(frozen=True)
class Preparation:
    """What a framework says it takes to enter an occupation the role maps to."""

    kind: str  # "access conditions", "job zone", "education"
    text: str
    via: Ref
    match: str
    facts: tuple[Fact, ...] = field(repr=False, default=())

    @property
    def framework(self) -> str:
        return OCCUPATION_TYPES.get(self.via.type, "")

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "via": self.via.to_dict(), "framework": self.framework,
                "match": self.match, "facts": [f.to_dict() for f in self.facts]}  # fmt: skip


@dataclass(frozen=True)
class Move:
    """A framework's move between one of the role's occupations and another occupation."""

    direction: str  # "onward" (from the role's occupation) or "into" (towards it)
    via: Ref  # the role's occupation
    other: Ref  # the occupation at the other end
    roles: tuple[Ref, ...]  # the roles of the graph that map to ``other``
    position: int | None = None  # ROME's order, O*NET's index
    tier: str = ""  # O*NET's relatedness tier
    facts: tuple[Fact, ...] = field(repr=False, default=())

    @property
    def framework(self) -> str:
        return OCCUPATION_TYPES.get(self.via.type, "")

    def to_dict(self) -> dict:
        return {"direction": self.direction, "via": self.via.to_dict(), "other": self.other.to_dict(),
                "roles": [r.to_dict() for r in self.roles], "framework": self.framework, "position": self.position,
                "tier": self.tier, "facts": [f.to_dict() for f in self.facts]}  # fmt: skip


@dataclass(frozen=True)
class RoleProfile:
    """Everything the graph says a role needs and does (see the module docstring)."""

    role: Ref
    occupations: tuple[tuple[Ref, str], ...]  # (occupation, match)
    skills: tuple[SkillEvidence, ...]  # stated, essential, optional, then unsaid; by label within
    missions: tuple[Item, ...]  # the articles' missions (via = the role itself)
    tasks: tuple[Item, ...]
    technologies: tuple[Item, ...]
    preparation: tuple[Preparation, ...]
    moves: tuple[Move, ...]
    not_needed: tuple[SkillEvidence, ...] = ()  # a source says the role does not need them (override)

    @property
    def essential(self) -> tuple[SkillEvidence, ...]:
        return tuple(s for s in self.skills if s.strength in ("stated", "essential"))

    @property
    def optional(self) -> tuple[SkillEvidence, ...]:
        return tuple(s for s in self.skills if s.strength not in ("stated", "essential"))

    def onward(self) -> tuple[Move, ...]:
        return tuple(m for m in self.moves if m.direction == "onward")

    def into(self) -> tuple[Move, ...]:
        return tuple(m for m in self.moves if m.direction == "into")

    @property
    def evidence(self) -> tuple[Fact, ...]:
        return merge(*(s.facts for s in self.skills + self.not_needed), *(i.facts for i in self.missions + self.tasks + self.technologies),
                     *(p.facts for p in self.preparation), *(m.facts for m in self.moves))  # fmt: skip

    def silences(self) -> tuple[dict[str, str], dict[str, str]]:
        """The parts of the profile with nothing to list, and why: ``(unknown, none)``.

        *Unknown*: no source says (an empty list there is silence, see
        :mod:`aicareers.analytics.unknown`). *None*: the sources say none (the skills are known,
        and they mark none of them essential; no source says the role does not need a skill).

        >>> from aicareers.analytics._examples import example_graph
        >>> unknown, none = role_profile(example_graph(), "Translator").silences()
        >>> sorted(unknown), sorted(none)
        (['missions', 'moves_into', 'moves_onward', 'preparation', 'tasks', 'technologies'], ['essential', 'not_needed'])
        >>> unknown["missions"]
        'no article gives a mission of Translator'
        """
        from .unknown import no_skills

        name = self.role.label_en
        unknown, none = {}, {}
        if not self.occupations:
            unknown["occupations"] = "no occupation of a framework is mapped to this role"
        if not self.skills:
            unknown["skills"] = no_skills(name)
        else:
            for kind, found in (("essential", self.essential), ("optional", self.optional)):
                if not found:
                    none[kind] = f"the sources mark none of the {len(self.skills)} skills of {name} {kind}"
        if not self.not_needed:
            none["not_needed"] = f"no source says {name} does not need a skill"
        if not self.missions:
            unknown["missions"] = f"no article gives a mission of {name}"
        for part, found, what in (("tasks", self.tasks, "tasks"), ("technologies", self.technologies, "technologies")):
            if not found:
                unknown[part] = f"no framework occupation of this role lists {what}"
        if not self.preparation:
            unknown["preparation"] = "no framework says"
        if not self.onward():
            unknown["moves_onward"] = "no framework gives a move onward from its occupations"
        if not self.into():
            unknown["moves_into"] = "no framework gives a move into its occupations"
        return unknown, none

    def to_dict(self) -> dict:
        unknown, none = self.silences()
        return {
            "role": self.role.to_dict(),
            "unknown": unknown,  # part -> why no source says
            "none": none,  # part -> why the sources say none
            "occupations": [{**o.to_dict(), "match": m, "framework": OCCUPATION_TYPES.get(o.type, "")}
                            for o, m in self.occupations],
            "skills": [s.to_dict() for s in self.skills],
            "not_needed": [s.to_dict() for s in self.not_needed],
            "missions": [i.to_dict() for i in self.missions],
            "tasks": [i.to_dict() for i in self.tasks],
            "technologies": [i.to_dict() for i in self.technologies],
            "preparation": [p.to_dict() for p in self.preparation],
            "moves": [m.to_dict() for m in self.moves],
        }


def sort_skills(skills) -> tuple[SkillEvidence, ...]:
    """Skills stated by an article first, then essential, optional and unsaid; by label within."""
    return tuple(sorted(skills, key=lambda s: (STRENGTH_ORDER.get(s.strength, 9), s.label_en.casefold(), s.key)))


def _roles_mapping_to(g: nx.MultiDiGraph, occupation: str) -> tuple[Ref, ...]:
    return tuple(sorted({ref(g, u) for u, _, k in g.in_edges(occupation, keys=True)
                         if k in MATCHES and g.nodes[u].get("type") == "role"}, key=lambda r: r.label_en))


def role_profile(g: nx.MultiDiGraph, role: str, classes=None) -> RoleProfile:
    """The profile of ``role`` (a key or a name; or a framework occupation's key, which is its own
    occupation): see the module docstring. ``classes`` (:func:`~aicareers.analytics.skills.skill_classes`)
    saves recomputing them when profiling many jobs."""
    role = as_job(g, role)
    me = ref(g, role)
    occs = occupations(g, role)
    missions = []
    for _, mission, k in g.out_edges(role, keys=True):
        if k == "aic:hasMission":
            data = g.nodes[mission]
            missions.append(Item(ref(g, mission), me, "", "", data.get("rank"), tuple(edge_facts(g, role, mission, k))))
    tasks, technologies, preparation, moves = [], [], [], []
    for occupation, match, predicate in occs:
        via = ref(g, occupation)
        mapping = tuple(mapping_facts(g, role, occupation, predicate))
        data = g.nodes[occupation]
        for _, item, k in g.out_edges(occupation, keys=True):
            if k in TASK_EDGES:
                facts = merge(mapping, edge_facts(g, occupation, item, k))
                tasks.append(Item(ref(g, item), via, match, TASK_WORDS[k], g.nodes[item].get("rank"), facts))
            elif k == "aic:usesTechnology":
                flags = [w for w, on in (("hot technology", g.nodes[item].get("hot")),
                                         ("in demand", g.has_edge(occupation, item, "aic:inDemandTechnology"))) if on]
                facts = merge(mapping, edge_facts(g, occupation, item, k))
                technologies.append(Item(ref(g, item), via, match, ", ".join(flags), None, facts))
            elif k == "aic:jobZone":
                facts = merge(mapping, edge_facts(g, occupation, item, k))
                preparation.append(Preparation("job zone", ref(g, item).label_en, via, match, facts))
            elif k == MOVE_EDGE:
                moves.append(_move(g, "onward", occupation, item, k, mapping))
        for other, _, k in g.in_edges(occupation, keys=True):
            if k == MOVE_EDGE:
                moves.append(_move(g, "into", occupation, other, k, mapping, reverse=True))
        own = tuple(merge(mapping, [Fact(via, "aic:sourceRecord", via, "record", "enregistrement", s.get("source", ""),
                                         s.get("source_label", ""), "", s.get("record", "")) for s in data.get("sources", [])]))
        if data.get("access_fr"):
            preparation.append(Preparation("access conditions", data["access_fr"], via, match, own))
        education = data.get("education") or []
        if education:
            text = "; ".join(f"{e['label_en']}: {e['percent']:g}%" for e in education[:3])
            preparation.append(Preparation("education", text, via, match, own))
    technologies.sort(key=lambda i: ("hot" not in i.note, "in demand" not in i.note, i.item.label_en.casefold()))
    tasks.sort(key=lambda i: (i.framework, i.via.label_en, ("core", "", "supplemental", "emerging").index(i.note),
                              i.rank if i.rank is not None else 10**6, i.item.label_en.casefold()))
    missions.sort(key=lambda i: (i.rank if i.rank is not None else 10**6, i.item.label_en.casefold()))
    moves.sort(key=lambda m: (m.direction != "onward", m.framework, m.via.label_en,
                              m.position if m.position is not None else 10**6, m.other.label_en))
    # The skills are role_skills' (the definition every analysis counts by); those a source says
    # the role does not need are kept apart, with both sides, rather than dropped.
    every = skill_profile(g, role, classes=classes).values()
    return RoleProfile(me, tuple((ref(g, o), m) for o, m, _ in occs), sort_skills(s for s in every if s.needed),
                       tuple(missions), tuple(tasks), tuple(technologies), tuple(preparation), tuple(moves),
                       sort_skills(s for s in every if not s.needed))


def _move(g, direction, occupation, other, key, mapping, reverse=False) -> Move:
    u, v = (other, occupation) if reverse else (occupation, other)
    data = g.edges[u, v, key]
    return Move(direction, ref(g, occupation), ref(g, other), _roles_mapping_to(g, other), data.get("position"),
                data.get("tier", ""), merge(mapping, edge_facts(g, u, v, key)))
