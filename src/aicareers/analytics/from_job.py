"""From my job: the AI roles a person can reach from any job title, by which moves, with which gap.

**A job** (:func:`find_job`) is any title a person types: a role of the graph or one of its
alternative names, an ESCO occupation or one of its alternative labels, an O*NET title or
alternate title, a ROME sheet or one of its job titles (appellations), in French or English.
Names are resolved by the one resolver (:func:`aicareers.names.resolve_names`): accents, case
and typos forgiven, close names suggested. A title names every record that carries it
(``data scientist`` is an ESCO occupation, a ROME sheet and an O*NET title); a ROME job title
stands for its sheet. When one of them is a role of the graph, the job is that role (its skills
already include those of the occupations it maps to).

**Routes** (:func:`reachable_roles`). From where the person starts (the role, or each record of
the job), a route is a chain of moves, each stated by a source:

- *mapping*: a role of the graph and a framework occupation it maps to (the project's own
  ``skos`` mapping, exact, close or broad), in either direction;
- *ROME mobility* or *O*NET related occupation* (``aic:mobilityTo``): the framework's record;
- *evolution* (``aic:canEvolveTo``): an article's quote, from a role reached to another role.

Moves are counted, framework moves and evolutions alike (``max_moves``, 2 by default: past that,
the moves say little of a person's job); mappings are not moves but identities. Each role reached keeps its routes with
the fewest moves (at most :data:`ROUTES_KEPT`), and one gap: :func:`~aicareers.analytics.gap.skill_gap`
from the start of its first route, the same code as ``aicareers gap``. So the skills carried
over, to acquire (essential first) and the trainings are exactly the gap's; a start whose skills
no source gives (an O*NET occupation: the partial O*NET database has no skills) leaves what
carries over unknown, not zero.

>>> from aicareers.analytics._examples import example_graph, add_edge, node
>>> g = example_graph()
>>> add_edge(g, node("esco-occupation", "translator"), node("esco-occupation", "publishing-director"), "aic:mobilityTo")
>>> answer = reachable_roles(g, find_job(g, "TRADUCTEUR"))
>>> [(r.role.label_en, r.moves, [s.label_en for s in r.gap.to_acquire]) for r in answer.reach]
[('Editor in chief', 1, ['Creativity', 'manage budgets'])]
>>> print(answer.reach[0].routes[0].describe())
Translator = translator (close match) → publishing director (ESCO mobility) = Editor in chief (broad match)
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import networkx as nx

from ..names import AmbiguousNameError, named_index, normalize_name, resolve_names
from .explain import Fact, Ref, edge_facts, merge, ref
from .gap import Gap, skill_gap
from .skills import MATCHES, OCCUPATION_TYPES, role_skills, skill_classes

#: The kind of name a person types here, as the error messages say it.
JOB_KIND = "job title"
#: The predicates of the moves, and the framework each names.
MOBILITY = "aic:mobilityTo"
EVOLVES = "aic:canEvolveTo"
HAS_JOB_TITLE = "aic:hasJobTitle"
#: How many routes of the fewest moves a role reached keeps (the rest say the same, longer).
ROUTES_KEPT = 3
#: What each framework calls its moves between occupations (English, French).
MOBILITY_WORDS = {"ROME": ("ROME mobility", "mobilité ROME"), "O*NET": ("O*NET related occupation", "métier voisin selon O*NET")}
#: Moves followed by default.
MAX_MOVES = 2


@dataclass(frozen=True)
class Job:
    """What a person typed, the records it names, and where the person starts from."""

    asked: str
    named: tuple[Ref, ...]  # every record the name names (job titles included)
    starts: tuple[Ref, ...]  # the role, else the framework occupations (a job title's sheet)

    def to_dict(self) -> dict:
        return {"asked": self.asked, "named": [r.to_dict() for r in self.named], "starts": [r.to_dict() for r in self.starts]}


@dataclass(frozen=True)
class Hop:
    """One link of a route: a mapping, a framework's mobility, or an article's evolution."""

    kind: str  # "mapping", "mobility", "evolution"
    source: Ref
    target: Ref
    detail: str = ""  # the match (exact, close, broad), the O*NET tier, the meaning of an evolution
    facts: tuple[Fact, ...] = field(repr=False, default=())
    detail_fr: str = ""  # a framework move's words in French, for the page (the command's --lang is its labels')

    @property
    def is_move(self) -> bool:
        return self.kind != "mapping"

    def describe(self, lang: str = "en") -> str:
        """The link as a route shows it after its source: ``= target (close match)``, ``→ target (mobility)``."""
        if self.kind == "mapping":
            return f"= {self.target.label(lang)} ({self.detail} match)"
        if self.kind == "mobility":
            return f"→ {self.target.label(lang)} ({self.detail})"
        return f"→ {self.target.label(lang)} ({self.kind}{': ' + self.detail if self.detail else ''})"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "from": self.source.to_dict(), "to": self.target.to_dict(), "detail": self.detail,
                "facts": [f.to_dict() for f in self.facts]}


@dataclass(frozen=True)
class Route:
    """A chain of hops from where the person starts to a role of the graph."""

    start: Ref
    hops: tuple[Hop, ...]

    @property
    def moves(self) -> int:
        return sum(h.is_move for h in self.hops)

    @property
    def evidence(self) -> tuple[Fact, ...]:
        return merge(*(h.facts for h in self.hops))

    def describe(self, lang: str = "en") -> str:
        return " ".join([self.start.label(lang), *(h.describe(lang) for h in self.hops)])

    def to_dict(self) -> dict:
        return {"start": self.start.to_dict(), "moves": self.moves, "hops": [h.to_dict() for h in self.hops],
                "text_en": self.describe("en"), "text_fr": self.describe("fr")}


@dataclass(frozen=True)
class Reach:
    """A role reached: its routes of the fewest moves, and the gap from the first route's start."""

    role: Ref
    routes: tuple[Route, ...]
    gap: Gap

    @property
    def moves(self) -> int:
        return self.routes[0].moves

    @property
    def evidence(self) -> tuple[Fact, ...]:
        return merge(*(r.evidence for r in self.routes), self.gap.evidence)

    def to_dict(self) -> dict:
        return {"role": self.role.to_dict(), "moves": self.moves, "routes": [r.to_dict() for r in self.routes],
                "gap": self.gap.to_dict()}


@dataclass(frozen=True)
class JobAnswer:
    """Every role reachable from a job (see the module docstring)."""

    job: Job
    reach: tuple[Reach, ...]
    max_moves: int

    @property
    def unknown(self) -> str | None:
        """Why nothing is listed, when nothing is: no source gives a route (unknown, not "none")."""
        if self.reach:
            return None
        names = ", ".join(s.label_en for s in self.job.starts)
        return f"no source gives a route from {names} to a role of the graph within {self.max_moves} moves"

    def to_dict(self) -> dict:
        return {"job": self.job.to_dict(), "max_moves": self.max_moves, "reach": [r.to_dict() for r in self.reach],
                "unknown": self.unknown}


def genders(title: str) -> list[str]:
    """The two titles a ROME title in both genders stands for (none if it is not one).

    ROME writes both whole (``Journaliste sportif / Journaliste sportive``) or the first words
    only, the rest shared (``Ingénieur / Ingénieure de recherche scientifique``).

    >>> genders("Ingénieur / Ingénieure de recherche scientifique")
    ['Ingénieur de recherche scientifique', 'Ingénieure de recherche scientifique']
    >>> genders("Journaliste sportif / Journaliste sportive"), genders("UX - UI Designer")
    (['Journaliste sportif', 'Journaliste sportive'], [])
    """
    parts = title.split(" / ")
    if len(parts) != 2:
        return []
    left, right = parts[0].split(), parts[1].split()
    if not left or len(right) < len(left):
        return []
    return [" ".join(left + right[len(left):]), " ".join(right)]


def _names(data: dict) -> list[str]:
    """A record's names; a ROME title in both genders also answers to each (:func:`genders`)."""
    names = [data.get("label_en", ""), data.get("label_fr", "")]
    names += [*data.get("alt_labels_en", ()), *data.get("alt_labels_fr", ())]
    names += [one for n in list(names) for one in genders(n)]
    return [n for n in dict.fromkeys(names) if n]


def job_titles(g: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Every title a person can start from, by record: roles, framework occupations, ROME job titles.

    >>> from aicareers.analytics._examples import example_graph
    >>> titles = job_titles(example_graph())
    >>> titles["https://example.org/role/writer"], titles["https://example.org/esco-occupation/translator"]
    (['Writer', 'Rédacteur'], ['translator'])
    """
    kinds = ("role", "job-title", *OCCUPATION_TYPES)
    return {key: _names(d) for key, d in sorted(g.nodes(data=True)) if d.get("type") in kinds}


def _start_of(g: nx.MultiDiGraph, key: str) -> list[str]:
    """Where a record puts a person: a ROME job title its sheet(s), anything else itself."""
    if g.nodes[key].get("type") == "job-title":
        return sorted(u for u, _, k in g.in_edges(key, keys=True) if k == HAS_JOB_TITLE)
    return [key]


def find_job(g: nx.MultiDiGraph, name: str) -> Job:
    """The job ``name`` names (rules in the module docstring); :class:`UnknownNameError` if none.

    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> [s.id for s in find_job(g, "traducteur").starts], [s.type for s in find_job(g, "translator").named]
    (['translator'], ['esco-occupation', 'role'])
    >>> [s.id for s in find_job(g, "tradcteur").starts]  # a small typo of one name only
    ['translator']
    >>> find_job(g, "traduc")
    Traceback (most recent call last):
    ...
    aicareers.names.UnknownNameError: unknown job title 'traduc'; did you mean: Traducteur (translator)?
    """
    return job_of(g, name, resolve_names(job_titles(g), JOB_KIND, name, typos=True))


def job_of(g: nx.MultiDiGraph, name: str, named) -> Job:
    """The job of the records ``named`` (keys) that ``name`` names: where the person starts from.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> g = example_graph()
    >>> job_of(g, "translator", [node("role", "translator"), node("esco-occupation", "translator")]).starts[0].id
    'translator'
    """
    starts = sorted({s for key in named for s in _start_of(g, key)})
    roles = [s for s in starts if g.nodes[s].get("type") == "role"]
    if len(roles) > 1:
        raise AmbiguousNameError(JOB_KIND, name, [r.rsplit("/", 1)[-1] for r in roles])
    starts = roles or starts  # a role's skills already include those of the occupations it maps to
    return Job(name, tuple(ref(g, k) for k in named), tuple(ref(g, s) for s in starts))


def _mapping(g: nx.MultiDiGraph, role: str, occupation: str, reverse: bool) -> list[Hop]:
    """The hops between ``role`` and ``occupation`` (one per match predicate), either way."""
    hops = []
    for _, v, k in g.out_edges(role, keys=True):
        if v == occupation and k in MATCHES:
            facts = tuple(edge_facts(g, role, occupation, k))
            a, b = (occupation, role) if reverse else (role, occupation)
            hops.append(Hop("mapping", ref(g, a), ref(g, b), MATCHES[k], facts))
    return hops


def _roles_of(g: nx.MultiDiGraph, occupation: str) -> list[str]:
    return sorted({u for u, _, k in g.in_edges(occupation, keys=True) if k in MATCHES and g.nodes[u].get("type") == "role"})


def _routes_from(g: nx.MultiDiGraph, start: str, max_moves: int, near: dict[str, int]) -> dict[str, list[Route]]:
    """Every role reachable from ``start``, with its routes of the fewest moves (breadth first),
    following only the links that can still arrive (``near``: :func:`near_roles`)."""
    me = ref(g, start)
    # (occupation, hops so far): a role starts from each occupation it maps to; an occupation from itself
    if g.nodes[start].get("type") == "role":
        frontier = [(o, (h,)) for _, o, k in sorted(g.out_edges(start, keys=True)) if k in MATCHES
                    and g.nodes[o].get("type") in OCCUPATION_TYPES for h in _mapping(g, start, o, False)]
    else:
        frontier = [(start, ())]
    found: dict[str, list[tuple[Hop, ...]]] = {}

    def arrive(role: str, hops: tuple[Hop, ...]) -> None:
        if role != start:
            found.setdefault(role, []).append(hops)

    seen = {o for o, _ in frontier}
    for moves in range(max_moves + 1):
        for occupation, hops in frontier:
            for role in _roles_of(g, occupation) if near.get(occupation) == 0 else ():
                for h in _mapping(g, role, occupation, True):
                    arrive(role, hops + (h,))
        if moves == max_moves:
            break
        following = []
        for occupation, hops in frontier:
            moving = (e for e in g.out_edges(occupation, keys=True, data=True) if e[2] == MOBILITY)
            for _, other, k, d in sorted(moving, key=lambda e: e[:3]):
                if other not in seen and near.get(other, max_moves + 1) < max_moves - moves:
                    framework = OCCUPATION_TYPES[g.nodes[occupation]["type"]]
                    words = MOBILITY_WORDS.get(framework, (f"{framework} mobility", f"mobilité {framework}"))
                    detail, detail_fr = (", ".join(filter(None, [w, d.get("tier", "")])) for w in words)
                    hop = Hop("mobility", ref(g, occupation), ref(g, other), detail, tuple(edge_facts(g, occupation, other, k)), detail_fr)
                    following.append((other, hops + (hop,)))
        seen |= {o for o, _ in following}
        frontier = following
    # an article's evolution from the start role, or from a role reached, to another role
    reached = [(start, ())] if me.type == "role" else []
    reached += [(role, hops) for role, routes in sorted(found.items()) for hops in routes]
    for role, hops in reached:
        if sum(h.is_move for h in hops) >= max_moves:  # an evolution is a move too
            continue
        for _, other, k, d in sorted(g.out_edges(role, keys=True, data=True), key=lambda e: e[:3]):
            if k == EVOLVES:
                hop = Hop("evolution", ref(g, role), ref(g, other), d.get("meaning_en", ""), tuple(edge_facts(g, role, other, k)))
                arrive(other, hops + (hop,))
    routes = {}
    for role, chains in found.items():
        fewest = min(sum(h.is_move for h in c) for c in chains)
        kept = sorted({c for c in chains if sum(h.is_move for h in c) == fewest},
                      key=lambda c: (len(c), [(h.target.label_en.casefold(), h.target.key, h.detail) for h in c]))
        routes[role] = [Route(me, c) for c in kept[:ROUTES_KEPT]]
    return routes


def near_roles(g: nx.MultiDiGraph, max_moves: int = MAX_MOVES) -> dict[str, int]:
    """The occupations a role of the graph can be reached from within ``max_moves`` framework moves,
    each with the fewest moves it takes.

    Those a role maps to (0), and those with a chain of at most ``max_moves`` mobility links to
    one (read backwards, once for every start). A route is looked for only through these: on the
    whole frameworks, following every link out of 5,600 occupations took most of the "from my
    job" page's time, for routes that could arrive nowhere.

    >>> from aicareers.analytics._examples import example_graph, add_edge, add_node, node
    >>> g = example_graph()
    >>> clerk = add_node(g, "esco-occupation", "clerk", "clerk")
    >>> add_edge(g, clerk, node("esco-occupation", "translator"), "aic:mobilityTo")
    >>> sorted((o.rsplit("/", 1)[-1], n) for o, n in near_roles(g, 1).items())
    [('clerk', 1), ('publishing-director', 0), ('translator', 0)]
    >>> sorted(near_roles(g, 0).values())
    [0, 0]
    """
    roles = [n for n, d in g.nodes(data=True) if d.get("type") == "role"]
    frontier = {v for r in roles for _, v, k in g.out_edges(r, keys=True)
                if k in MATCHES and g.nodes[v].get("type") in OCCUPATION_TYPES}
    near = dict.fromkeys(frontier, 0)
    for moves in range(1, max_moves + 1):
        frontier = {u for v in frontier for u, _, k in g.in_edges(v, keys=True) if k == MOBILITY and u not in near}
        near.update(dict.fromkeys(frontier, moves))
    return near


def reachable_roles(g: nx.MultiDiGraph, job: Job, max_moves: int = MAX_MOVES, gaps: dict | None = None) -> JobAnswer:
    """The roles reachable from ``job``: routes of the fewest moves and the gap (module docstring).

    Sorted by moves, then by skills to acquire (a gap unknown, or counted from unknown held skills, last),
    then by English label.
    ``gaps`` may be a dict kept across calls on one unchanged graph, to compute each (start, role)
    gap once and what gaps share once (:func:`~aicareers.analytics.gap.skill_gap`'s ``memo``).
    """
    gaps = {} if gaps is None else gaps
    memo = gaps.setdefault("memo", {})
    if ("near", max_moves) not in memo:
        memo[("near", max_moves)] = near_roles(g, max_moves)
    near = memo[("near", max_moves)]
    best: dict[str, list[Route]] = {}
    for start in job.starts:
        if start.type == "role" or start.key in near:  # elsewhere no route can arrive: no need to look
            for role, routes in _routes_from(g, start.key, max_moves, near).items():
                best.setdefault(role, []).extend(routes)
    if not best:
        return JobAnswer(job, (), max_moves)
    if "classes" not in memo:
        memo["classes"] = skill_classes(g)
    # a route from a record whose skills no source gives (an O*NET title) comes after one that does
    for s in job.starts:
        if ("skills", s.key) not in memo:
            memo[("skills", s.key)] = role_skills(g, s.key, memo["classes"])
    silent = {s.key for s in job.starts if not memo[("skills", s.key)]}
    reach = []
    for role, routes in best.items():
        fewest = min(r.moves for r in routes)
        routes = sorted((r for r in routes if r.moves == fewest), key=lambda r: (
            r.start.key in silent, len(r.hops), r.describe().casefold(), [h.target.key for h in r.hops]))[:ROUTES_KEPT]
        pair = (routes[0].start.key, role)
        if pair not in gaps:
            gaps[pair] = skill_gap(g, *pair, memo=memo)
        reach.append(Reach(ref(g, role), tuple(routes), gaps[pair]))
    reach.sort(key=lambda r: (r.moves, r.gap.required_unknown, r.gap.held_unknown, len(r.gap.to_acquire),
                              r.role.label_en.casefold(), r.role.key))
    return JobAnswer(job, tuple(reach), max_moves)


def every_job(g: nx.MultiDiGraph) -> dict[str, Job]:
    """The job of every title of :func:`job_titles` (by the title as written, first spelling of a
    name kept), as :func:`find_job` gives it: for pages that answer every title in advance.

    >>> from aicareers.analytics._examples import example_graph
    >>> jobs = every_job(example_graph())
    >>> [s.id for s in jobs["Traducteur"].starts], len(jobs)
    (['translator'], 9)
    """
    titles = job_titles(g)
    index = named_index(titles)
    written: dict[str, str] = {}
    for _, texts in sorted(titles.items()):
        for text in texts:
            written.setdefault(normalize_name(text), text)
    jobs = {}
    for name, keys in sorted(index.items()):
        try:
            jobs[written[name]] = job_of(g, written[name], keys)
        except AmbiguousNameError:  # two roles of one name: the command asks for the id, the page lists neither
            continue
    return jobs


__all__ = ["genders", "every_job", "job_of", "Hop", "Job", "JobAnswer", "Reach", "Route", "find_job", "job_titles", "near_roles", "reachable_roles"]
