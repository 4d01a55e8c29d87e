"""The ``from`` sub-command: the AI roles reachable from a job title, by which moves, with which gap.

``aicareers from "journaliste"`` resolves the title (:func:`aicareers.analytics.from_job.find_job`:
any role, ESCO, ROME or O*NET title, French or English, typos forgiven) and prints, for each role
reachable (:func:`~aicareers.analytics.from_job.reachable_roles`), its routes with the source of
each link, the skills carried over, the skills to acquire (essential first) and the trainings
that cover them: the answer of ``aicareers gap`` from where the route starts. ``--format json``
or ``csv`` gives the identifiers; the table gives labels only.

Unknown is not zero: a job no source gives a route from exits with
:data:`~aicareers.errors.NOT_KNOWN`; a gap whose start's skills no source gives says "unknown".

>>> parser = argparse.ArgumentParser(prog="aicareers")
>>> register(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["from", "journaliste", "--lang", "fr", "--top", "3"])
>>> args.job, args.lang, args.top, args.format, args.max_moves
('journaliste', 'fr', 3, 'table', 2)
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

from ..cliargs import at_least_zero, count
from ..errors import NOT_KNOWN

#: What a record is, in words, by node type (the table names the framework, not the type).
KIND_WORDS = {
    "role": ("role of the graph", "rôle du graphe"),
    "esco-occupation": ("ESCO occupation", "métier ESCO"),
    "rome-occupation": ("ROME sheet", "fiche ROME"),
    "onet-occupation": ("O*NET occupation", "métier O*NET"),
    "job-title": ("ROME job title", "appellation ROME"),
}
#: The kinds of link of a route, in words.
HOP_WORDS = {
    "mapping": ("mapping", "correspondance"),
    "mobility": ("framework mobility", "mobilité du référentiel"),
    "evolution": ("evolution stated by an article", "évolution citée par un article"),
}


def register(subparsers) -> None:
    p = subparsers.add_parser("from", help="the AI roles reachable from any job title, the routes, skills to acquire and trainings")
    p.add_argument("job", metavar="JOB", help="a job title, French or English (ROME, ESCO, O*NET or a role of the graph)")
    p.add_argument("--max-moves", type=count, default=2, help="moves (framework mobility, article evolutions) followed at most (default: %(default)s)")
    p.add_argument("--top", type=at_least_zero, default=10, help="skills listed per role and list (default: %(default)s; 0: all)")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output: readable table (default), JSON or CSV")
    p.add_argument("--lang", choices=("en", "fr"), default="en", help="language of labels (default: en)")
    p.add_argument("--wide", action="store_true", help="print tables whole, not wrapped to the terminal")
    p.add_argument("--graph", type=Path, default=None, help="N-Quads file to read (default: graph/ai-careers.nq, else build in memory)")
    p.set_defaults(handler=run_from)


def source_text(fact) -> str:
    """Where a fact comes from, in words: ``source: « quote »``, ``framework: record`` or the mapping.

    >>> from aicareers.analytics.explain import Fact, Ref
    >>> r = Ref("k", "A", "A", "role")
    >>> source_text(Fact(r, "p", r, source="s", source_label="Le Monde", quote="il peut devenir"))
    'Le Monde: « il peut devenir »'
    """
    if fact.quote:
        return f"{fact.source_label}: « {fact.quote} »"
    return f"{fact.source_label}: {fact.record}" if fact.record else fact.source_label


def hop_sources(hop) -> str:
    """Every source of a link of a route, once, in words."""
    return "; ".join(dict.fromkeys(source_text(f) for f in hop.facts))


def training_sources(cover) -> str:
    """Where a training is said to lead into its role: the sources of the route itself (the role's
    need of the skill is said where the skill is listed)."""
    return "; ".join(dict.fromkeys(source_text(f) for f in cover.facts if f.predicate == "aic:learningRoute"))


def answer(g, name: str, max_moves: int = 2, gaps: dict | None = None):
    """The answer of ``aicareers from NAME``: the one function the command and the page both call."""
    from .from_job import find_job, reachable_roles

    return reachable_roles(g, find_job(g, name), max_moves, gaps)


def run_from(args: argparse.Namespace) -> int:
    from ..tables import set_wide
    from .cli import load_graph

    set_wide(args.wide)  # as every command with tables: wrapped to the terminal unless --wide
    g = load_graph(args.graph)
    found = answer(g, args.job, args.max_moves)
    status = NOT_KNOWN if found.unknown else 0
    if args.format == "json":
        print(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(to_csv(found), end="")
    else:
        print_answer(found, args.lang, args.top)
    return status


def to_csv(found) -> str:
    """One row per skill of each role reached (with identifiers): to acquire, carried over."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["job", "start", "role", "role_id", "moves", "route", "list", "skill", "skill_id", "strength", "through"])
    for r in found.reach:
        route = r.routes[0]
        rows = [("to acquire", s) for s in r.gap.to_acquire] + [("carried over", s) for s in r.gap.carried_over]
        if r.gap.required_unknown:
            rows = [("unknown", None)]
        for kind, s in rows:
            w.writerow([found.job.asked, route.start.key, r.role.label_en, r.role.key, r.moves, route.describe(), kind,
                        s.label_en if s else "", s.key if s else "", s.required.strength if s else "",
                        "; ".join(s.required.describe_origins()) if s else "no source gives a skill of the role"])
    return out.getvalue()


def print_answer(found, lang: str = "en", top: int = 10) -> None:
    """The readable answer: a summary table, then each role with its routes, skills and trainings."""
    from .cli import paragraph, table
    from .unknown import no_holdings, no_skills

    fr = lang == "fr"
    job = found.job
    starts = ", ".join(f"{s.label(lang)} ({KIND_WORDS.get(s.type, ('', ''))[fr]})" for s in job.starts)
    print(paragraph(f"From {job.asked!r}: {starts}"))
    if found.unknown:
        print(f"AI roles reachable: unknown: {found.unknown}")
        return
    print(f"AI roles reachable within {found.max_moves} moves: {len(found.reach)}")
    print()

    def counts(gap):
        if gap.required_unknown:
            return "unknown", "unknown"
        if gap.held_unknown:  # nothing counted as held: every skill of the role, an upper bound
            return f"at most {len(gap.to_acquire)}", "unknown"
        return str(len(gap.to_acquire)), str(len(gap.carried_over))

    rows = [[i, r.role.label(lang), r.moves, *counts(r.gap), r.routes[0].start.label(lang)] for i, r in enumerate(found.reach, 1)]
    print(table(["#", "role", "moves", "to acquire", "carried over", "from"], rows))

    def cut(items):
        return items if top == 0 else items[:top]

    for i, r in enumerate(found.reach, 1):
        gap, role, start = r.gap, r.role.label(lang), r.routes[0].start.label(lang)
        print(f"\n{i}. {role} ({r.moves} move{'s' * (r.moves != 1)})")
        for route in r.routes:
            print(paragraph(route.describe(lang), "  route: ", "    "))
            for hop in route.hops:
                word = HOP_WORDS[hop.kind][fr]
                print(paragraph(f"{hop.source.label(lang)} {hop.describe(lang)}: {word}; {hop_sources(hop)}", "    - ", "      "))
        if gap.required_unknown:
            print(f"  Skills to acquire: unknown: {no_skills(role)}")
            continue
        if gap.held_unknown:
            print(f"  Skills carried over: unknown: {no_holdings(start)}")
        elif gap.carried_over:
            print(f"  Skills carried over ({len(gap.carried_over)}):")
            print(table(["skill", "required through", f"held by {start} through"],
                        [[s.label(lang), "; ".join(s.required.describe_origins()), "; ".join(s.held.describe_origins())]
                         for s in cut(gap.carried_over)], indent="    "))
        else:
            print(f"  Skills carried over: none: {start} holds none of the skills of {role}")
        if gap.to_acquire:
            bound = "at most " if gap.held_unknown else ""
            print(f"  Skills to acquire, essential first ({bound}{len(gap.to_acquire)}):")
            print(table(["skill", "strength", "required through"],
                        [[s.label(lang), s.required.strength or "not said", "; ".join(s.required.describe_origins())]
                         for s in cut(gap.to_acquire)], indent="    "))
            if top and len(gap.to_acquire) > top:
                print(f"    ... and {len(gap.to_acquire) - top} more (--top 0, or --format json)")
        else:
            print(f"  Skills to acquire: none: {start} holds every skill of {role}")
        cover = gap.trainings
        if cover.covered:
            print("  Trainings that cover skills to acquire (routes into a role that requires the skill):")
            rows = []
            for key, covers in cover.covered.items():
                skill = next(s for s in cover.skills if s.key == key)
                for c in covers:
                    rows.append([skill.label(lang), c.route.label(lang), c.role.label(lang), training_sources(c)])
            print(table(["skill", "training", "into", "source"], rows, indent="    "))
        elif gap.to_acquire:
            print("  Trainings: none in the graph covers these skills (routes are linked to roles, never to skills)")


__all__ = ["training_sources", "answer", "print_answer", "register", "run_from", "source_text", "to_csv"]
