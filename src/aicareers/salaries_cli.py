"""The ``salaries`` command: every salary claim as its source states it, beside its annual gross EUR.

``aicareers salaries [ROLE] [--country C] [--seniority S] [--normalise] [--disagreements]``
lists the claims of the sources (:mod:`aicareers.salary_claims`), each as stated ("60 000 –
80 000 € par an"), with ``--normalise`` beside the same claim in annual gross EUR
(:func:`aicareers.annual_gross.normalise`, the project's one definition) and the assumptions
applied printed under the table; the source and its quote on every row. ``--disagreements``
pairs the claims about the same role, country and seniority, from two sources, and says which
disagree after normalisation.

Names (role, country, seniority) are resolved as the analytics resolve them
(:func:`aicareers.analytics.names.find_node`: French or English, any case or accents, "did you
mean" on a typo, exit status 2). Unknown is not zero: when no source gives a salary for what is
asked, the command says so, says what is known, and exits with status 4
(:data:`aicareers.errors.NOT_KNOWN`).

>>> parser = argparse.ArgumentParser(prog="aicareers")
>>> register(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["salaries", "Prompt Engineer", "--country", "France", "--normalise"])
>>> args.role, args.country, args.normalise, args.disagreements, args.format
('Prompt Engineer', 'France', True, False, 'table')
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import paths as project_paths
from .errors import NOT_KNOWN, InputError

DEFAULT_GRAPH = project_paths.GRAPH_DIR / "ai-careers.nq"

#: The words of the output, in English and French.
WORDS = {
    "en": {
        "as stated": "as stated", "annual": "annual gross EUR", "place": "country", "seniority": "seniority",
        "source": "source", "quote": "quote", "role": "role", "not stated": "not stated", "assumed": "assumed",
        "head": "Salaries of {role} as the sources state them: {n} claim{s}",
        "head all": "Salary claims of the sources: {n} claim{s}",
        "normalised": ", each beside its annual gross EUR",
        "assumptions": "Assumptions of the annual gross EUR figures:",
        "none for": "No source gives a salary for {what}; salaries are known for: {known}.",
        "none in": "No source gives a salary for {what}; the claims on {role} are about (country, seniority): {known}.",
        "any role": "any role",
        "none at all": "No source gives a salary.",
        "in": " in {place}", "at": " at seniority {seniority}",
        "pairs head": "Salaries compared like with like for {role}: same role, country and seniority, two sources, "
                      "in annual gross EUR: {n} pair{s}, {d} disagree{v}",
        "pairs none": "No two sources give comparable salaries for {role} (same role, country and seniority, "
                      "both stated or known); claims by country and seniority: {known}.",
        "claim a": "claim A", "claim b": "claim B", "verdict": "verdict",
        "agree": "agree (the ranges overlap)", "disagree": "disagree: {higher} is {gap} a year above {lower}",
        "not compared": "Not compared (seniority or country not known):",
        "quotes": "Quotes:",
    },
    "fr": {
        "as stated": "tel qu'énoncé", "annual": "brut annuel EUR", "place": "pays", "seniority": "séniorité",
        "source": "source", "quote": "citation", "role": "rôle", "not stated": "non précisé", "assumed": "supposé",
        "head": "Salaires de {role} tels que les sources les énoncent : {n} affirmation{s}",
        "head all": "Affirmations de salaire des sources : {n} affirmation{s}",
        "normalised": ", chacune à côté de son brut annuel en euros",
        "assumptions": "Hypothèses des montants bruts annuels en euros :",
        "none for": "Aucune source ne donne de salaire pour {what} ; des salaires sont connus pour : {known}.",
        "none in": "Aucune source ne donne de salaire pour {what} ; les affirmations sur {role} portent sur (pays, séniorité) : {known}.",
        "any role": "un rôle quelconque",
        "none at all": "Aucune source ne donne de salaire.",
        "in": " (pays : {place})", "at": " (séniorité : {seniority})",
        "pairs head": "Salaires comparés à l'identique pour {role} (même rôle, pays et séniorité, deux sources, "
                      "en brut annuel EUR) : {n} paire{s}, {d} en désaccord",
        "pairs none": "Aucune paire de sources ne donne de salaires comparables pour {role} (même rôle, pays et "
                      "séniorité, connus des deux côtés) ; affirmations par pays et séniorité : {known}.",
        "claim a": "affirmation A", "claim b": "affirmation B", "verdict": "verdict",
        "agree": "accord (les fourchettes se recoupent)", "disagree": "désaccord : {higher} dépasse {lower} de {gap} par an",
        "not compared": "Non comparées (séniorité ou pays inconnus) :",
        "quotes": "Citations :",
    },
}


def load_dataset(path: str | Path | None = None):
    """The dataset of ``path`` (N-Quads; default ``graph/ai-careers.nq``) from the command cache,
    or of an in-memory build when the default file is missing (nothing is written)."""
    if path is not None and not Path(path).is_file():
        raise InputError(str(path), None, None, "no such N-Quads file")
    file = Path(path) if path is not None else DEFAULT_GRAPH
    if file.is_file():
        from .cache import open_dataset

        return open_dataset(file)
    from .frames import load_graph

    print(f"note: {file} not found: building the graph in memory", file=sys.stderr)
    return load_graph()


def register(subparsers) -> None:
    p = subparsers.add_parser("salaries", help="salary claims as stated, beside their annual gross EUR; "
                                               "where the sources disagree, like with like")
    p.add_argument("role", metavar="ROLE", nargs="?", help="role (French or English label, id or IRI); without it, every role")
    p.add_argument("--country", help="only the claims about this country (French or English name)")
    p.add_argument("--seniority", help="only the claims about this seniority (e.g. beginner, débutant)")
    p.add_argument("--normalise", action="store_true", help="show each claim in annual gross EUR, with the assumptions")
    p.add_argument("--disagreements", action="store_true",
                   help="pair the claims about the same role, country and seniority and compare them after normalisation")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output: readable table (default) or JSON")
    p.add_argument("--lang", choices=("en", "fr"), default="en", help="language of labels (default: en)")
    p.add_argument("--wide", action="store_true", help="print tables whole, unwrapped (default: fit the terminal)")
    p.add_argument("--graph", type=Path, default=None, help=f"N-Quads file to read (default: {DEFAULT_GRAPH}, else build in memory)")
    p.set_defaults(handler=run_salaries)


# ------------------------------------------------------------------------------- handler


def run_salaries(args: argparse.Namespace) -> int:
    from .analytics.names import find_node
    from .salary_claims import names_graph, read_claims
    from .tables import set_wide

    set_wide(getattr(args, "wide", False))
    dataset = load_dataset(args.graph)
    claims, names = read_claims(dataset), names_graph(dataset)
    lang, w = args.lang, WORDS[args.lang]
    role = find_node(names, args.role) if args.role else None
    place = _id(find_node(names, args.country, types=("place",))) if args.country else None
    seniority = _id(find_node(names, args.seniority, types=("seniority",))) if args.seniority else None
    chosen = [c for c in claims if (role is None or c.role == role) and (place is None or c.place == place)
              and (seniority is None or c.seniority == seniority)]
    role_name = names.nodes[role][f"label_{lang}"] if role else None
    if not chosen:
        return _unknown(claims, names, role, role_name, place, seniority, args)
    if args.disagreements:
        return _disagreements(chosen, role_name, args)
    _listing(chosen, role_name, args)
    return 0


def _id(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _label(labels: dict, lang: str) -> str:
    return labels.get(lang) or labels.get("en", "")


def _place(claim, lang: str) -> str:
    w = WORDS[lang]
    if claim.place is None:
        return w["not stated"]
    return _label(claim.place_label, lang) + (f" ({w['assumed']})" if claim.place_assumed else "")


def _claim_dict(claim, lang: str, normalised: bool) -> dict:
    from .annual_gross import stated_text

    s = claim.stated
    data = {
        "id": claim.id, "role": claim.role, "role_label": _label(claim.role_label, lang),
        "stated": {"min": s.low, "max": s.high, "value": s.value, "approximate": s.approximate,
                   "currency": s.currency, "period": s.period, "basis": s.basis},
        "stated_text": stated_text(s, lang),
        "place": claim.place, "place_label": _label(claim.place_label, lang) or None, "place_assumed": claim.place_assumed,
        "seniority": claim.seniority, "seniority_label": _label(claim.seniority_label, lang) or None,
        "source": claim.source, "source_label": _label(claim.source_label, lang), "quote": claim.quote,
    }
    if normalised:
        from .annual_gross import normalised_text

        pay = claim.annual_gross()
        data["annual_gross_eur"] = {"low": pay.low, "high": pay.high, "shape": pay.shape,
                                    "text": normalised_text(pay, lang), "rule": pay.rule,
                                    "assumptions": list(pay.said(lang)) + _place_assumption(claim, lang)}
    return data


def _place_assumption(claim, lang: str = "en") -> list[str]:
    return [claim.place_assumption(lang)] if claim.place_assumed else []


def _listing(chosen, role_name: str | None, args) -> None:
    from .tables import paragraph, table
    from .annual_gross import normalised_text, stated_text

    lang, w = args.lang, WORDS[args.lang]
    if args.format == "json":
        assumptions = _assumptions(chosen, lang) if args.normalise else []
        _print_json({"role": role_name, "claims": [_claim_dict(c, lang, args.normalise) for c in chosen],
                     "assumptions": assumptions})
        return
    n = len(chosen)
    head = (w["head"].format(role=role_name, n=n, s="s" * (n != 1)) if role_name
            else w["head all"].format(n=n, s="s" * (n != 1)))
    print(paragraph(head + (w["normalised"] if args.normalise else "")))
    print()
    several_roles = len({c.role for c in chosen}) > 1
    # the quotes go under the table, by number: beside the figures they would squeeze the
    # columns until an amount is cut in two
    headers = ["#"] + ([w["role"]] if several_roles else []) + [w["as stated"]] \
        + ([w["annual"]] if args.normalise else []) + [w["place"], w["seniority"], w["source"]]
    rows = []
    for i, c in enumerate(chosen, 1):
        row = [i] + ([_label(c.role_label, lang)] if several_roles else [])
        row.append(stated_text(c.stated, lang))
        if args.normalise:
            row.append(normalised_text(c.annual_gross(), lang))
        row += [_place(c, lang), _label(c.seniority_label, lang) or w["not stated"], _label(c.source_label, lang)]
        rows.append(row)
    print(table(headers, rows))
    print()
    print(w["quotes"])
    for i, c in enumerate(chosen, 1):
        print(paragraph(f"« {c.quote} »", f"  {i}. ", " " * (len(str(i)) + 4)))
    if args.normalise:
        print()
        print(w["assumptions"])
        for line in _assumptions(chosen, lang):
            print(paragraph(line, "  - ", "    "))


def _assumptions(claims, lang: str) -> list[str]:
    """The assumptions of the claims' normalisation, each once, in the order met."""
    said: dict[str, None] = {}
    for c in claims:
        said.update(dict.fromkeys(c.annual_gross().said(lang)))
        said.update(dict.fromkeys(_place_assumption(c, lang)))
    return list(said)


def _unknown(claims, names, role, role_name, place, seniority, args) -> int:
    """No claim answers: say so, say what is known, exit :data:`NOT_KNOWN`."""
    lang, w = args.lang, WORDS[args.lang]
    what = role_name or ""
    if place:
        what += w["in"].format(place=names.nodes[_full(names, place)][f"label_{lang}"])
    if seniority:
        what += w["at"].format(seniority=names.nodes[_full(names, seniority)][f"label_{lang}"])
    what = what if role_name else w["any role"] + what
    mine = [c for c in claims if c.role == role]
    known = _known(claims, role, lang)
    if not claims:
        message = w["none at all"]
    elif mine:
        message = w["none in"].format(what=what.strip(), role=role_name, known=known)
    else:
        message = w["none for"].format(what=what.strip(), known=known)
    if args.format == "json":
        _print_json({"role": role_name, "role_iri": role, "claims": [], "unknown": True, "message": message})
    else:
        from .analytics.cli import paragraph

        print(paragraph(message))
    return NOT_KNOWN


def _full(names, short_id: str) -> str:
    return next(n for n in names if _id(n) == short_id)


def _known(claims, role, lang: str) -> str:
    """What is known instead: the roles with salaries, or (for a role that has some) their
    country and seniority."""
    w = WORDS[lang]
    mine = [c for c in claims if c.role == role]
    if not mine:
        return ", ".join(sorted({_label(c.role_label, lang) for c in claims}, key=str.casefold))
    pairs = {(_place(c, lang), _label(c.seniority_label, lang) or w["not stated"]) for c in mine}
    return "; ".join(f"{p}, {s}" for p, s in sorted(pairs, key=lambda t: tuple(x.casefold() for x in t)))


def _disagreements(chosen, role_name: str | None, args) -> int:
    from .tables import paragraph, table
    from .annual_gross import money, normalised_text, stated_text
    from .salary_claims import compare

    lang, w = args.lang, WORDS[args.lang]
    found = compare(chosen)
    who = role_name or ", ".join(sorted({_label(c.role_label, lang) for c in chosen}, key=str.casefold))
    compared = {c.id for p in found for c in (p.a, p.b)}
    left = [c for c in chosen if c.id not in compared and (c.seniority is None or c.place is None)]
    if args.format == "json":
        _print_json({"role": role_name, "pairs": [{
            "a": _claim_dict(p.a, lang, True), "b": _claim_dict(p.b, lang, True), "agree": p.agree,
            "gap_eur_per_year": round(p.gap, 2), "higher": p.higher, "assumptions": _pair_assumptions(p, lang),
        } for p in found], "not_compared": [c.id for c in left]})
        return 0 if found else NOT_KNOWN
    if not found:
        print(paragraph(w["pairs none"].format(role=who, known=_known(chosen, chosen[0].role, lang))))
        return NOT_KNOWN
    n, d = len(found), sum(not p.agree for p in found)
    print(paragraph(w["pairs head"].format(role=who, n=n, s="s" * (n != 1), d=d, v="s" * (d == 1))))
    print()

    def side(claim, pay):
        return (f"{stated_text(claim.stated, lang)} → {normalised_text(pay, lang)} "
                f"({_label(claim.source_label, lang)})")

    rows = []
    for p in found:
        higher, lower = (w["claim a"], w["claim b"]) if p.higher == p.a.id else (w["claim b"], w["claim a"])
        verdict = w["agree"] if p.agree else w["disagree"].format(higher=higher, lower=lower, gap=money(p.gap, "EUR", lang))
        rows.append([_place(p.a, lang), _label(p.a.seniority_label, lang), side(p.a, p.pay_a), side(p.b, p.pay_b), verdict])
    print(table([w["place"], w["seniority"], w["claim a"], w["claim b"], w["verdict"]], rows))
    print()
    print(w["quotes"])
    for c in {c.id: c for p in found for c in (p.a, p.b)}.values():
        print(paragraph(f"« {c.quote} » ({_label(c.source_label, lang)})", "  - ", "    "))
    print()
    print(w["assumptions"])
    for line in dict.fromkeys(a for p in found for a in _pair_assumptions(p, lang)):
        print(paragraph(line, "  - ", "    "))
    if left:
        print()
        print(w["not compared"])
        for c in left:
            print(paragraph(f"{stated_text(c.stated, lang)} ({_label(c.source_label, lang)})", "  - ", "    "))
    return 0


def _pair_assumptions(pair, lang: str) -> list[str]:
    said = pair.pay_a.said(lang) + pair.pay_b.said(lang)
    return list(dict.fromkeys(said + tuple(_place_assumption(pair.a, lang) + _place_assumption(pair.b, lang))))


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


__all__ = ["register", "run_salaries", "load_dataset", "WORDS"]
