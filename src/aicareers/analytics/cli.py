"""Sub-commands of the analyses: ``path``, ``gap``, ``similar``, ``rank`` and ``export``.

Roles are named in French or English, by id or by IRI (:func:`aicareers.analytics.names.find_node`);
an unknown name prints the closest names and exits with status 2. Answers are readable tables,
or JSON with ``--format json``; ``--explain`` lists the facts used, each with its source.

Unknown is not zero (:mod:`aicareers.analytics.unknown`): an answer the sources do not give (a
gap to a role whose skills no source gives, the roles similar to it, a path no source gives, the
cheapest path through a move of unknown cost) says so in its headline and exits with status
:data:`~aicareers.errors.NOT_KNOWN` (4); a partly known answer (a start role whose held skills no
source gives) gives what is known, with the caveat in its headline, and exits 0, like a true
"none".

The projection (:func:`aicareers.projection.project`) of ``graph/ai-careers.nq`` (or ``--graph
FILE``, N-Quads) is read from the cache (:mod:`aicareers.cache`: made once per content of the
file); without the file, the graph is built in memory from the hand-kept facts and projected.

>>> parser = argparse.ArgumentParser(prog="aicareers")
>>> register(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["path", "Prompt Engineer", "Chercheur en IA", "--cheapest"])
>>> args.source, args.target, args.cheapest, args.format
('Prompt Engineer', 'Chercheur en IA', True, 'table')
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths as project_paths
from ..cliargs import at_least_zero, count
from ..errors import NOT_KNOWN, InputError
from ..tables import paragraph, set_wide, table

if TYPE_CHECKING:  # the handlers import what they use: listing the commands loads no networkx
    import networkx as nx

    from .gap import Gap
    from .paths import EvolutionPath

DEFAULT_GRAPH = project_paths.GRAPH_DIR / "ai-careers.nq"

#: The choices of ``rank --by``, ``similar --method`` and ``export --format``: those of
#: :data:`.rank.BY`, :data:`.similarity.METHODS` and :data:`.export.FORMATS` (a test checks
#: they agree), written here so that registering the commands imports no analysis.
BY = ("degree", "betweenness", "pagerank")
METHODS = ("jaccard", "weighted")
EXPORT_FORMATS = ("graphml", "gexf", "json")


def tr(lang: str, en: str, fr: str) -> str:
    """The English or the French of a headline or a note, for ``--lang``.

    >>> tr("fr", "to acquire", "à acquérir")
    'à acquérir'
    """
    return fr if lang == "fr" else en


def _plural(n: int, word: str) -> str:
    return word + "s" * (n != 1)


def _fit(args: argparse.Namespace) -> None:
    """Fit the tables to the terminal, or print them whole with ``--wide``."""
    set_wide(getattr(args, "wide", False))


def load_graph(path: str | Path | None = None) -> nx.MultiDiGraph:
    """The projection of ``path`` (N-Quads; default ``graph/ai-careers.nq``), or of an in-memory build.

    The projection of a file comes from the cache (:func:`aicareers.cache.load_projection`), which
    makes it once per content of the file. An explicit ``path`` that does not exist is an error; a
    missing default means "not built yet": the graph is then built in memory from the hand-kept
    facts (nothing is written).

    >>> load_graph("no/such/file.nq")
    Traceback (most recent call last):
    ...
    aicareers.errors.InputError: no/such/file.nq: no such N-Quads file
    """
    if path is not None and not Path(path).is_file():
        raise InputError(str(path), None, None, "no such N-Quads file")
    path = Path(path) if path is not None else DEFAULT_GRAPH
    if path.is_file():
        from ..cache import load_projection

        return load_projection(path)  # refuses a folder an interrupted build left half switched
    from ..build import build
    from ..projection import project

    print(f"note: {path} not found: building the graph in memory", file=sys.stderr)
    return project(build(out_dir=None).graph)


# ------------------------------------------------------------------------------- registration


def _common(parser: argparse.ArgumentParser, output: bool = True) -> None:
    if output:
        parser.add_argument("--format", choices=("table", "json"), default="table", help="output: readable table (default) or JSON")
        parser.add_argument("--lang", choices=("en", "fr"), default="en", help="language of labels (default: en)")
        parser.add_argument("--explain", action="store_true", help="list the facts used, each with its source")
        parser.add_argument("--wide", action="store_true", help="print tables whole, unwrapped (default: fit the terminal)")
    parser.add_argument("--graph", type=Path, default=None, help=f"N-Quads file to read (default: {DEFAULT_GRAPH}, else build in memory)")


def register(subparsers) -> None:
    p = subparsers.add_parser("path", help="evolution paths from a role, or the path between two roles")
    p.add_argument("source", metavar="FROM", help="role (French or English label, id or IRI)")
    p.add_argument("target", metavar="TO", nargs="?", help="target role; without it, every path from FROM")
    p.add_argument("--max-steps", type=count, default=3, help="longest path listed without TO (default: %(default)s)")
    p.add_argument("--cheapest", action="store_true", help="with TO: the path needing the fewest skills acquired, not the fewest steps")
    _common(p)
    p.set_defaults(handler=run_path)

    p = subparsers.add_parser("gap", help="skills to acquire and carried over from one role to another")
    p.add_argument("source", metavar="FROM", help="current role")
    p.add_argument("target", metavar="TO", help="target role")
    _common(p)
    p.set_defaults(handler=run_gap)

    p = subparsers.add_parser("profile", help="a role's skills (essential first), tasks, technologies, preparation and moves")
    p.add_argument("role", metavar="ROLE", help="role (French or English label, id or IRI)")
    p.add_argument("--top", type=at_least_zero, default=15, help="technologies to show (default: %(default)s)")
    _common(p)
    p.set_defaults(handler=run_profile)

    p = subparsers.add_parser("similar", help="roles most similar to a role (skill profiles), or the similarity of two")
    p.add_argument("role", metavar="ROLE")
    p.add_argument("other", metavar="OTHER", nargs="?", help="compare with this role only")
    p.add_argument("--method", choices=METHODS, default="weighted", help="jaccard or IDF-weighted Jaccard (default: %(default)s)")
    p.add_argument("-k", type=count, default=5, help="how many roles (default: %(default)s)")
    _common(p)
    p.set_defaults(handler=run_similar)

    p = subparsers.add_parser("rank", help="rank skills, or find communities of roles and skills")
    p.add_argument("what", choices=("skills", "communities"))
    p.add_argument("--by", choices=BY, default="degree", help="skills: ranking measure (default: %(default)s)")
    p.add_argument("--top", type=at_least_zero, default=10, help="skills: how many to show (default: %(default)s; 0: all)")
    p.add_argument("--seed", type=int, default=42, help="communities: Louvain seed (default: %(default)s)")
    _common(p)
    p.set_defaults(handler=run_rank)

    p = subparsers.add_parser("export", help="export the networkx projection (GraphML, GEXF for Gephi, node-link JSON)")
    p.add_argument("--format", choices=tuple(EXPORT_FORMATS), default="graphml", help="file format (default: %(default)s)")
    p.add_argument("--out", type=Path, default=None, help="file to write (default: standard output)")
    _common(p, output=False)
    p.set_defaults(handler=run_export)


# ------------------------------------------------------------------------------- output


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _explain(facts, lang: str) -> None:
    from .explain import format_facts

    facts = list(facts)
    print(tr(lang, f"\nFacts used ({len(facts)}):", f"\nFaits utilisés ({len(facts)}) :"))
    print(format_facts(facts, lang))


def _skill_type(skill) -> str:
    kind = skill.skill_type or "?"
    framework = {"esco-skill": "ESCO", "rome-skill": "ROME"}.get(skill.node_type)
    return f"{kind} ({framework})" if framework else kind


def _skill_name(skill, lang: str) -> str:
    name = skill.label(lang)
    if getattr(skill, "required", skill).equivalents:
        name += " (= " + ", ".join(e.label(lang) for e in getattr(skill, "required", skill).equivalents) + ")"
    return name


# ------------------------------------------------------------------------------- handlers


def run_path(args: argparse.Namespace) -> int:
    _fit(args)
    from .names import find_node
    from .paths import cheapest_path, costed, evolution_paths, path_between
    from .unknown import moves_known_from, no_moves

    g = load_graph(args.graph)
    source = find_node(g, args.source)
    if args.target is None:
        found = evolution_paths(g, source, args.max_steps)
        name = g.nodes[source][f"label_{args.lang}"]
        # A role has no path only when no source gives a move from it: silence, not "no move".
        unknown = None if found else no_moves(g, name, args.lang)
        head = tr(args.lang, f"Evolution paths from {name} (at most {args.max_steps} steps)",
                  f"Évolutions depuis {name} (au plus {args.max_steps} étapes)")
        if args.format == "json":
            _print_json({"from": source, "max_steps": args.max_steps, "paths": [p.to_dict() for p in found], "unknown": unknown})
            return NOT_KNOWN if unknown else 0
        if unknown:
            print(f"{head}{tr(args.lang, ': unknown: ', ' : inconnu : ')}{unknown}")
            return NOT_KNOWN
        print(f"{head}{tr(args.lang, ': ', ' : ')}{len(found)}")
        if found:
            rows = [[i, len(p.steps), " → ".join(p.labels(args.lang)), p.steps[-1].meaning(args.lang)] for i, p in enumerate(found, 1)]
            print()
            print(table(["#", tr(args.lang, "steps", "étapes"), tr(args.lang, "path", "parcours"),
                         tr(args.lang, "last move means", "la dernière évolution signifie")], rows))
        if args.explain:
            _explain(sorted({f for p in found for f in p.evidence}), args.lang)
        return 0
    target = find_node(g, args.target)
    path = cheapest_path(g, source, target) if args.cheapest else path_between(g, source, target)
    path = costed(g, path) if path is not None else None
    a, b = g.nodes[source][f"label_{args.lang}"], g.nodes[target][f"label_{args.lang}"]
    # No path is unknown, not "impossible": no source says a move cannot be made. The cheapest
    # path is unknown when one of its moves has a cost no source gives.
    status = NOT_KNOWN if path is None or (args.cheapest and path.unknown_steps) else 0
    if args.format == "json":
        unknown = f"no source gives a way from {a} to {b}; {moves_known_from(g, args.lang)}" if path is None else None
        _print_json({"from": source, "to": target, "by": "skills" if args.cheapest else "steps",
                     "path": path.to_dict() if path else None, "unknown": unknown})
        return status
    if path is None:
        print(tr(args.lang, f"Evolution path from {a} to {b}: unknown: no source gives a way from {a} to {b}; {moves_known_from(g, args.lang)}",
                 f"Parcours de {a} à {b} : inconnu : aucune source ne donne de chemin de {a} à {b} ; {moves_known_from(g, args.lang)}"))
        return status
    _print_path(g, path, a, b, args)
    return status


def _print_path(g: nx.MultiDiGraph, path: EvolutionPath, a: str, b: str, args) -> None:
    from .unknown import holdings_unknown, no_holdings, no_skills

    lang = args.lang
    if not path.steps:  # a true "none": no move, nothing to acquire (an empty table would say less)
        print(tr(lang, f"Path from {a} to {b}: none needed, {a} is where you start",
                 f"Parcours de {a} à {b} : aucun n'est nécessaire, {a} est le point de départ"))
        return
    how = (tr(lang, "fewest skills to acquire", "le moins de compétences à acquérir") if args.cheapest
           else tr(lang, "fewest steps", "le moins d'étapes"))
    n = len(path.steps)
    # Without a known held skill, the first move counts the whole target profile: an upper bound.
    bound = holdings_unknown(g, path.roles[0].key)
    print(tr(lang, f"Path from {a} to {b} ({how}): ", f"Parcours de {a} à {b} ({how}) : ") + " → ".join(path.labels(lang)))
    steps = f"{n} {tr(lang, _plural(n, 'step'), _plural(n, 'étape'))}"
    if path.unknown_steps:
        names = ", ".join(s.target.label(lang) for s in path.unknown_steps)
        print(tr(lang, f"{steps}, skills to acquire on the way: unknown: {no_skills(names)}",
                 f"{steps}, compétences à acquérir en chemin : inconnu : {no_skills(names, lang)}"))
    elif bound:
        print(tr(lang, f"{steps}, at most {path.cost} {_plural(path.cost, 'skill')} to acquire on the way: "
                       f"{no_holdings(a)}, so none is counted as held",
                 f"{steps}, au plus {path.cost} {_plural(path.cost, 'compétence')} à acquérir en chemin : "
                 f"{no_holdings(a, lang)}, aucune n'est donc comptée comme acquise"))
    else:
        print(tr(lang, f"{steps}, {path.cost} {_plural(path.cost, 'skill')} to acquire on the way",
                 f"{steps}, {path.cost} {_plural(path.cost, 'compétence')} à acquérir en chemin"))
    print()

    def cost(i: int, step) -> str:
        if step.unknown:
            return tr(lang, "unknown", "inconnu")
        return tr(lang, "at most ", "au plus ") + str(step.cost) if bound and i == 1 else str(step.cost)

    rows = [[i, s.source.label(lang), s.target.label(lang), cost(i, s), s.meaning(lang)] for i, s in enumerate(path.steps, 1)]
    print(table(tr(lang, "step|from|to|to acquire|the move means", "étape|de|vers|à acquérir|l'évolution signifie").split("|"), rows))
    for i, step in enumerate(path.steps, 1):
        if step.to_acquire:
            print(tr(lang, f"\nStep {i}, skills of {step.target.label(lang)} to acquire ({len(step.to_acquire)}): ",
                     f"\nÉtape {i}, compétences de {step.target.label(lang)} à acquérir ({len(step.to_acquire)}) : ")
                  + "; ".join(s.label(lang) for s in step.to_acquire))
    if args.explain:
        _explain(path.evidence, lang)


def run_gap(args: argparse.Namespace) -> int:
    _fit(args)
    from .gap import skill_gap
    from .names import find_node

    g = load_graph(args.graph)
    gap = skill_gap(g, find_node(g, args.source), find_node(g, args.target))
    status = NOT_KNOWN if gap.required_unknown else 0  # what the held skills leave unknown is said, not fatal
    if args.format == "json":
        _print_json(gap.to_dict())
        return status
    _print_gap(gap, args.lang)
    if args.explain:
        _explain(gap.evidence, args.lang)
    return status


def _print_gap(gap: Gap, lang: str) -> None:
    from .unknown import no_holdings, no_skills

    a, b = gap.from_role.label(lang), gap.to_role.label(lang)
    head = tr(lang, f"Skill gap from {a} to {b}: ", f"Écart de compétences de {a} à {b} : ")
    if gap.required_unknown:
        print(head + tr(lang, "unknown: ", "inconnu : ") + no_skills(b, lang))
    elif gap.held_unknown:
        print(head + tr(lang, f"at most {len(gap.to_acquire)} to acquire, carried over unknown: ",
                        f"au plus {len(gap.to_acquire)} à acquérir, acquises inconnues : ") + no_holdings(a, lang))
    else:
        print(head + tr(lang, f"{len(gap.to_acquire)} to acquire, {len(gap.carried_over)} carried over",
                        f"{len(gap.to_acquire)} à acquérir, {len(gap.carried_over)} déjà acquises"))
    skill, kind, through = tr(lang, "skill", "compétence"), "type", tr(lang, "required through", "exigée par")
    if gap.to_acquire:
        print(tr(lang, f"\nTo acquire ({len(gap.to_acquire)}):", f"\nÀ acquérir ({len(gap.to_acquire)}) :"))
        rows = [[_skill_name(s, lang), _skill_type(s), "; ".join(s.required.describe_origins())] for s in gap.to_acquire]
        print(table([skill, kind, through], rows))
    if gap.carried_over:
        print(tr(lang, f"\nCarried over ({len(gap.carried_over)}):", f"\nDéjà acquises ({len(gap.carried_over)}) :"))
        rows = [[_skill_name(s, lang), _skill_type(s), "; ".join(s.required.describe_origins()), "; ".join(s.held.describe_origins())] for s in gap.carried_over]
        print(table([skill, kind, through, tr(lang, f"held by {a} through", f"acquise par {a} via")], rows))
    if gap.not_needed:
        # A source overrides a framework here: show both sides rather than silently drop the skill.
        print(tr(lang, f"\nNot needed for {b}, according to a source ({len(gap.not_needed)}):",
                 f"\nInutiles pour {b}, selon une source ({len(gap.not_needed)}) :"))
        for s in gap.not_needed:
            print(paragraph(s.override_text()))
    if gap.not_listed:
        print()
        print(paragraph(tr(lang, f"Held by {a}, not listed for {b} ({len(gap.not_listed)}): ",
                           f"Acquises par {a}, non demandées pour {b} ({len(gap.not_listed)}) : ")
                        + ", ".join(s.label(lang) for s in gap.not_listed)))
    served = [(s, m) for s in gap.to_acquire + gap.carried_over for m in s.missions]
    if served:
        print(tr(lang, "\nMissions served:", "\nMissions servies :"))
        print(table([skill, "mission"], [[s.label(lang), m.label(lang)] for s, m in served]))
    if gap.trainings.covered:
        print(tr(lang, "\nTrainings (routes into a role that requires the skill):",
                 "\nFormations (voies d'accès à un rôle qui exige la compétence) :"))
        rows = []
        for key, covers in gap.trainings.covered.items():
            skill = next(s for s in gap.trainings.skills if s.key == key)
            for c in covers:
                rows.append([skill.label(lang), c.route.label(lang), c.role.label(lang)])
        print(table([skill, tr(lang, "route", "voie"), tr(lang, "into", "vers")], rows))
    if gap.preparation:
        print(tr(lang, f"\nPreparation for {b}, according to the frameworks:", f"\nPréparation pour {b}, selon les référentiels :"))
        _print_preparation(gap.preparation, lang)
    if gap.notes:
        print(tr(lang, "\nNotes:", "\nRemarques :"))
        for note in gap.notes:
            print(paragraph(note, "  - ", "    "))


def _print_preparation(preparation, lang: str = "en") -> None:
    rows = [[p.kind, p.text, f"{p.framework} via {p.via.label_en} ({p.match} match)"] for p in preparation]
    print(table(tr(lang, "what|says|through", "quoi|dit|via").split("|"), rows))


def run_profile(args: argparse.Namespace) -> int:
    _fit(args)
    from .names import find_node
    from .profile import STRENGTH_ORDER, role_profile
    from .unknown import no_skills

    g = load_graph(args.graph)
    profile = role_profile(g, find_node(g, args.role))
    status = 0 if profile.skills else NOT_KNOWN  # "what is this job" rests on its skills first
    if args.format == "json":
        _print_json(profile.to_dict())
        return status
    lang = args.lang
    name = profile.role.label(lang)
    unknown = tr(lang, ": unknown: ", " : inconnu : ")
    print(tr(lang, f"Profile of {name}", f"Profil de {name}")
          + ("" if profile.skills else tr(lang, ": skills unknown: ", " : compétences inconnues : ") + no_skills(name, lang)))
    if profile.occupations:
        print(tr(lang, "\nIn the frameworks: ", "\nDans les référentiels : ")
              + "; ".join(f"{o.label(lang)} ({OCCUPATION_WORD.get(o.type, o.type)}, {m} match)" for o, m in profile.occupations))
    else:
        print(tr(lang, "\nIn the frameworks: no occupation mapped (unknown, not none).",
                 "\nDans les référentiels : aucune occupation en correspondance (inconnu, pas aucun)."))
    if not profile.skills:
        print(tr(lang, "\nSkills", "\nCompétences") + unknown + no_skills(name, lang))
    words = {"essential": tr(lang, "Essential skills", "Compétences essentielles"),
             "optional": tr(lang, "Optional skills", "Compétences facultatives")}
    for kind, skills in (("essential", profile.essential), ("optional", profile.optional)):
        if not profile.skills:
            break
        if not skills:  # the others are known: the sources mark none of them so
            print(tr(lang, f"\n{words[kind]}: none: the sources mark none of the {len(profile.skills)} skills of {name} {kind}",
                     f"\n{words[kind]} : aucune : les sources ne marquent aucune des {len(profile.skills)} compétences de {name} "
                     + ("essentielle" if kind == "essential" else "facultative")))
            continue
        print(f"\n{words[kind]} ({len(skills)}){tr(lang, ':', ' :')}")
        skills = sorted(skills, key=lambda s: (STRENGTH_ORDER.get(s.strength, 9), s.label(lang).casefold()))
        print(table([tr(lang, "skill", "compétence"), "type", tr(lang, "from", "source")],
                    [[_skill_name(s, lang), _skill_type(s), "; ".join(s.describe_origins())] for s in skills]))
    if profile.not_needed:
        print(tr(lang, f"\nNot needed, according to a source ({len(profile.not_needed)}):",
                 f"\nInutiles, selon une source ({len(profile.not_needed)}) :"))
        for s in profile.not_needed:
            print(paragraph(s.override_text()))
    missions = tr(lang, "\nMissions stated by the articles", "\nMissions données par les articles")
    if profile.missions:
        print(f"{missions} ({len(profile.missions)}){tr(lang, ':', ' :')}")
        print(table(["#", "mission"], [[m.rank or tr(lang, "not given", "non donné"), m.label(lang)] for m in profile.missions]))
    else:
        print(missions + unknown + tr(lang, f"no article gives a mission of {name}", f"aucun article ne donne de mission de {name}"))
    tasks = tr(lang, "\nTasks according to the frameworks", "\nTâches selon les référentiels")
    if profile.tasks:
        print(f"{tasks} ({len(profile.tasks)}){tr(lang, ':', ' :')}")
        print(table([tr(lang, "task", "tâche"), tr(lang, "from", "source")], [[t.label(lang), t.describe()] for t in profile.tasks]))
    else:
        print(tasks + unknown + tr(lang, "no framework occupation of this role lists tasks",
                                   "aucune occupation de référentiel de ce rôle ne donne de tâche"))
    technologies = tr(lang, "\nTechnologies", "\nTechnologies")
    if profile.technologies:
        print(f"{technologies} ({len(profile.technologies)}){tr(lang, ':', ' :')}")
        print(table([tr(lang, "technology", "technologie"), tr(lang, "from", "source")],
                    [[t.label(lang), t.describe()] for t in profile.technologies[: args.top]]))
    else:
        print(technologies + unknown + tr(lang, "no framework occupation of this role lists technologies",
                                          "aucune occupation de référentiel de ce rôle ne donne de technologie"))
    if len(profile.technologies) > args.top:
        more = len(profile.technologies) - args.top
        print(tr(lang, f"  ... and {more} more (--top N, or --format json)", f"  ... et {more} de plus (--top N, ou --format json)"))
    preparation = tr(lang, "\nPreparation", "\nPréparation")
    print(preparation + tr(lang, ":", " :") if profile.preparation
          else preparation + unknown + tr(lang, "no framework says", "aucun référentiel ne le dit"))
    if profile.preparation:
        _print_preparation(profile.preparation, lang)
    for direction, moves in (("onward", profile.onward()), ("into", profile.into())):
        head = (tr(lang, "\nMoves onward, according to the frameworks", "\nÉvolutions depuis ce rôle, selon les référentiels")
                if direction == "onward" else
                tr(lang, "\nMoves leading here, according to the frameworks", "\nÉvolutions menant ici, selon les référentiels"))
        if not moves:
            where = (tr(lang, "onward from", "depuis") if direction == "onward" else tr(lang, "into", "vers"))
            print(head + unknown + tr(lang, f"no framework gives a move {where} its occupations",
                                      f"aucun référentiel ne donne d'évolution {where} ses occupations"))
            continue
        print(f"{head} ({len(moves)}){tr(lang, ':', ' :')}")
        rows = [[m.other.label(lang), ", ".join(r.label(lang) for r in m.roles) or tr(lang, "none", "aucun"),
                 m.framework + " via " + m.via.label(lang), m.tier or (f"#{m.position}" if m.position else tr(lang, "not given", "non donné"))]
                for m in moves]
        print(table(tr(lang, "occupation|roles of the graph|through|order", "occupation|rôles du graphe|via|ordre").split("|"), rows))
    if args.explain:
        _explain(profile.evidence, lang)
    return status


#: What each ``rank --by`` measure says of a skill, for the headline (see :mod:`.rank`).
RANKED_BY = {
    "degree": "the number of roles that list it",
    "betweenness": "how much it bridges otherwise distant roles and skills",
    "pagerank": "its PageRank in the graph of roles and their skills",
}

RANKED_BY_FR = {
    "degree": "le nombre de rôles qui la demandent",
    "betweenness": "combien elle relie des rôles et des compétences autrement éloignés",
    "pagerank": "son PageRank dans le graphe des rôles et de leurs compétences",
}

OCCUPATION_WORD = {"esco-occupation": "ESCO", "rome-occupation": "ROME", "onet-occupation": "O*NET"}


def run_similar(args: argparse.Namespace) -> int:
    _fit(args)
    from .names import find_node
    from .similarity import nearest_roles, role_similarity
    from .skills import all_profiles
    from .unknown import no_skills

    g = load_graph(args.graph)
    role = find_node(g, args.role)
    lang = args.lang
    # A role with no known skill has no known similarity: its score would read 0, "nothing alike".
    unknown = sorted((r for r, p in all_profiles(g).items() if not p), key=lambda r: g.nodes[r][f"label_{lang}"].casefold())
    if args.other is not None:
        sim = role_similarity(g, role, find_node(g, args.other), args.method)
        silent = [r for r in (sim.a, sim.b) if r.key in unknown]
        reason = no_skills(tr(lang, " or ", " ou ").join(dict.fromkeys(r.label(lang) for r in silent)), lang) if silent else None
        if args.format == "json":
            _print_json({**sim.to_dict(), "score": None if reason else sim.score, "unknown": reason})
            return NOT_KNOWN if reason else 0
        head = tr(lang, f"Similarity of {sim.a.label(lang)} and {sim.b.label(lang)} ({args.method}): ",
                  f"Similarité de {sim.a.label(lang)} et {sim.b.label(lang)} ({args.method}) : ")
        if reason:
            print(head + tr(lang, "unknown: ", "inconnue : ") + reason)
            return NOT_KNOWN
        print(head + f"{sim.score:.4f}")
        print(tr(lang, f"  shared ({len(sim.shared)}): ", f"  communes ({len(sim.shared)}) : ")
              + (", ".join(s.label(lang) for s in sim.shared) or tr(lang, "none", "aucune")))
        print(tr(lang, f"  only {sim.a.label(lang)}: {len(sim.only_a)}; only {sim.b.label(lang)}: {len(sim.only_b)}",
                 f"  seulement {sim.a.label(lang)} : {len(sim.only_a)} ; seulement {sim.b.label(lang)} : {len(sim.only_b)}"))
        if args.explain:
            _explain(sim.evidence, lang)
        return 0
    found = nearest_roles(g, role, args.k, args.method)
    name = g.nodes[role]["label_" + lang]
    reason = no_skills(name, lang) if role in unknown else None
    others = [g.nodes[r]["label_" + lang] for r in unknown if r != role]
    if args.format == "json":
        _print_json({"role": role, "method": args.method, "nearest": [s.to_dict() for s in found], "unknown": reason,
                     "not_compared": [r for r in unknown if r != role]})
        return NOT_KNOWN if reason else 0
    head = tr(lang, f"Roles most similar to {name} ({args.method}, skill profiles)",
              f"Rôles les plus proches de {name} ({args.method}, profils de compétences)")
    colon = tr(lang, ": ", " : ")
    if reason:
        print(head + colon + tr(lang, "unknown: ", "inconnu : ") + reason)
        return NOT_KNOWN
    if not found:  # the sources give its skills and the others': they share none
        print(head + colon + tr(lang, f"none: no other role shares a skill with {name}",
                                f"aucun : aucun autre rôle ne partage de compétence avec {name}"))
    else:
        print(f"{head}{colon}{len(found)}")
        rows = [[i, s.b.label(lang), f"{s.score:.4f}", len(s.shared)] for i, s in enumerate(found, 1)]
        print()
        print(table(tr(lang, "#|role|score|shared skills", "#|rôle|score|compétences communes").split("|"), rows))
    if others:
        print()
        print(paragraph(tr(lang, f"Not compared, as no source gives their skills: {', '.join(others)}.",
                           f"Non comparés, car aucune source ne donne leurs compétences : {', '.join(others)}.")))
    if args.explain:
        _explain(sorted({f for s in found for f in s.evidence}), lang)
    return 0


def run_rank(args: argparse.Namespace) -> int:
    _fit(args)
    from .rank import communities, rank_skills

    g = load_graph(args.graph)
    lang = args.lang
    if args.what == "communities":
        found = communities(g, seed=args.seed)
        if args.format == "json":
            _print_json({"seed": args.seed, "communities": [c.to_dict() for c in found]})
            return 0
        print(tr(lang, f"Communities of roles and skills (Louvain, seed {args.seed}): {len(found)}",
                 f"Communautés de rôles et de compétences (Louvain, graine {args.seed}) : {len(found)}"))
        for i, c in enumerate(found, 1):
            roles = ", ".join(r.label(lang) for r in c.roles) or tr(lang, "(no role)", "(aucun rôle)")
            n = len(c.skills)
            print(f"\n{i}. {roles}{tr(lang, ':', ' :')} {n} {tr(lang, _plural(n, 'skill'), _plural(n, 'compétence'))}")
            if c.skills:
                print("   " + "; ".join(s.label(lang) for s in c.skills))
        if args.explain:
            _explain(sorted({f for c in found for f in c.evidence}), lang)
        return 0
    ranked = rank_skills(g, args.by)
    shown = ranked[: args.top] if args.top > 0 else ranked
    if args.format == "json":
        _print_json({"by": args.by, "skills": [r.to_dict() for r in shown], "total": len(ranked)})
        return 0
    print(tr(lang, f"Skills ranked by {args.by}, {RANKED_BY[args.by]} (top {len(shown)} of {len(ranked)})",
             f"Compétences classées par {args.by}, {RANKED_BY_FR[args.by]} (les {len(shown)} premières sur {len(ranked)})"))
    print()
    score = (lambda x: f"{x:g}") if args.by == "degree" else (lambda x: f"{x:.4f}")
    rows = [[i, r.skill.label(lang), score(r.score), len(r.roles), len(r.opens), ", ".join(x.label(lang) for x in r.roles)] for i, r in enumerate(shown, 1)]
    print(table(tr(lang, "#|skill|score|roles|moves opened|listed by", "#|compétence|score|rôles|évolutions ouvertes|demandée par").split("|"), rows))
    # "0 moves opened" counts the moves the sources give, not every move there is: say which.
    from .unknown import moves_known_from

    print()
    print(paragraph(tr(lang, "Moves opened: the moves the sources give into a role that lists the skill, from a role that "
                             f"does not (the gap's skills to acquire); {moves_known_from(g, lang)} only, so a 0 says nothing of moves from other roles.",
                       "Évolutions ouvertes : les évolutions que donnent les sources vers un rôle qui demande la compétence, depuis un rôle "
                       f"qui ne la demande pas (les compétences à acquérir de l'écart) ; {moves_known_from(g, lang)} seulement, "
                       "un 0 ne dit donc rien des évolutions depuis les autres rôles.")))
    if args.explain:
        _explain(sorted({f for r in shown for f in r.evidence}), lang)
    return 0


def run_export(args: argparse.Namespace) -> int:
    from .export import export, render

    g = load_graph(args.graph)
    if args.out is None:
        sys.stdout.buffer.write(render(g, args.format))
        sys.stdout.flush()
        return 0
    export(g, args.out, args.format)
    print(f"wrote {g.number_of_nodes()} nodes and {g.number_of_edges()} edges to {args.out} ({args.format})", file=sys.stderr)
    return 0


__all__ = ["load_graph", "register", "table"]
