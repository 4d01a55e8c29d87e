r"""Write ``facts/esco/``: the AI-careers slice of ESCO, cut from the official v1.1.1 files.

Run by hand (``python -m aicareers.esco.extract``); the files it writes are committed and the build
imports them with :mod:`aicareers.esco.csv_import`, which reads them exactly as it reads the full
download. It reads the three zips of ``../shared/reference/esco-1.1.1`` (the European
Commission's English classification and language-neutral relations, and the French files of the
same release) and keeps:

- the occupations of the slice: every ESCO occupation a role maps to in ``facts/roles.yaml``, and
  those of :data:`SLICE` (the AI and data occupations, and the ICT occupations a career changer
  into AI passes through), their rows verbatim in English and French;
- every relation of those occupations, essential or optional as ESCO says, verbatim;
- every skill those relations name, its ``skills_en.csv`` row verbatim (type, description, ...);
- the rows of the French skill collections for those skills: the French labels ESCO's French
  files hold (there is no ``skills_fr.csv`` to take them from).

Each file keeps its name and goes into a folder named like the zip it comes from: ESCO gives its
version only in the names of its zips ("ESCO dataset - v1.1.1 - classification - en - csv.zip"),
and a folder with that name (what unzipping gives) carries it to the importer as the zip did,
while the files stay text that a diff can read. Rows keep their order in the official files;
records end with ``\n`` (the publisher's with ``\r\n``); cells are unchanged.

"data engineer" is not an occupation of v1.1.1 (ESCO added it later): the script says so, and
maps it to nothing.

>>> [label for _, label, _ in SLICE][:2]
['data scientist', 'computer vision engineer']
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from aicareers.atomic import write_all_atomic
from aicareers.yamlsafe import load_yaml_file
from aicareers.errors import InputError
from aicareers.esco.csv_import import RELATIONS_FILE, render_esco_csv, resolve_download
from aicareers.frameworks.distribution import Distribution
from aicareers.paths import FACTS_DIR, PROJECT_ROOT

__all__ = ["SLICE", "ABSENT", "REFERENCE_DIR", "OUT_DIR", "ROLES_FILE", "ExtractReport", "role_occupations",
           "build_extract", "write_extract", "main"]  # fmt: skip

#: Where the official v1.1.1 zips are (``AICAREERS_ESCO_REFERENCE`` points elsewhere).
REFERENCE_DIR = Path(os.environ.get("AICAREERS_ESCO_REFERENCE", PROJECT_ROOT.parent / "shared" / "reference" / "esco-1.1.1"))
#: Where the slice is written.
OUT_DIR = FACTS_DIR / "esco"
#: The roles and their ESCO mappings.
ROLES_FILE = FACTS_DIR / "roles.yaml"

_OCC = "http://data.europa.eu/esco/occupation/"

#: The occupations of the slice besides the roles' own: (IRI, preferred label in v1.1.1, why).
SLICE: list[tuple[str, str, str]] = [
    # The AI and data occupations of ESCO.
    (_OCC + "258e46f9-0075-4a2e-adae-1ff0477e0f30", "data scientist", "the data occupation AI work grows from"),
    (_OCC + "1c5a45b9-440e-4726-b565-16a952abd341", "computer vision engineer",
     "designs and trains machine-learning models: an AI occupation of ESCO itself"),
    (_OCC + "812c217d-32b7-4f6a-9faf-993d3577ac7f", "knowledge engineer",
     "builds knowledge bases and AI reasoning systems"),
    (_OCC + "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2", "data analyst", "the usual first step towards data science"),
    (_OCC + "9db7d74c-b46d-45c0-b611-6bcb7456ecc6", "ICT research manager",
     "leads ICT research and watches emerging technologies, AI among them"),
    (_OCC + "fe0fa514-b48d-4a53-9757-a283c0baacf0", "ICT business analyst",
     "turns business needs into systems: where AI projects start"),
    (_OCC + "d0aa0792-4345-474b-9365-686cf4869d2e", "software architect",
     "designs the software that AI components live in"),
    (_OCC + "8d9ec84d-cf2d-4179-87bc-335cda54a427", "database designer", "designs the data that models learn from"),
    # The ICT occupations a career changer into AI passes through.
    (_OCC + "ac8b3cd1-a127-4e6a-8208-5cfcf7111955", "statistician",
     "from quantitative analysis into data science and machine learning"),
    (_OCC + "207d7b18-6540-432e-8aa6-785ed434572f", "business intelligence manager",
     "from reporting and business analysis into data analysis"),
    (_OCC + "7086d0ca-1e77-4690-89c9-7ed1a0478fa3", "data quality specialist",
     "an entry into data work: the quality of the data models are trained on"),
    (_OCC + "1562c7a3-c7d9-419d-b9b6-db26610bcf84", "data warehouse designer",
     "ETL and data warehouses: the data-pipeline side of data work"),
    (_OCC + "a6a0b60f-08da-4faa-bf54-942987efb471", "ICT system analyst",
     "from analysing systems into designing intelligent ones"),
    (_OCC + "6e92d4b5-3167-4166-802f-da7753951a31", "ICT research consultant",
     "surveys and analyses data for clients; shares much of the data scientist's profile"),
    (_OCC + "c40a2919-48a9-40ea-b506-1f34f693496d", "web developer",
     "a frequent first ICT job of career changers, before AI engineering"),
    (_OCC + "106f79e4-6264-45f1-9e7a-297435cd684b", "software tester",
     "testing and quality assurance, a way into ICT; shares much of the AI designer's profile"),
    (_OCC + "349ee6f6-c295-4c38-9b98-48765b55280e", "cloud engineer",
     "runs the cloud platforms AI systems are deployed on"),
    (_OCC + "96e20037-0a25-4bf6-a25e-808d1605d890", "user interface designer",
     "from interface design towards the design of conversations with AI"),
    (_OCC + "e297ec12-4712-40a4-ad98-ba004cacb205", "chief data officer",
     "where data careers lead: data strategy, governance and data mining"),
]  # fmt: skip

#: Occupations the project looks for that v1.1.1 does not have: label -> what to say.
ABSENT: dict[str, str] = {
    "data engineer": "is not an occupation of ESCO v1.1.1 (ESCO added it in a later release), and the slice maps it "
                     "to no other occupation",
}


@dataclass
class ExtractReport:
    """What the slice holds, and the notes the script prints."""

    version: str = ""
    occupations: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # IRI, code, en, fr, why
    skills: int = 0
    essential: int = 0
    optional: int = 0
    french_skills: int = 0
    per_occupation: dict[str, Counter] = field(default_factory=dict)
    untyped_skills: list[str] = field(default_factory=list)  # the skills whose type ESCO leaves empty
    notes: list[str] = field(default_factory=list)
    files: dict[str, int] = field(default_factory=dict)  # relative path -> rows


def role_occupations(roles_file: str | os.PathLike = ROLES_FILE) -> dict[str, list[str]]:
    """The ESCO occupations the roles map to: IRI -> ["<role id> (<match>)", ...], sorted by IRI.

    >>> any(iri.endswith("35553663-deab-4d9a-bf22-15c1625d28e8") for iri in role_occupations())
    True
    """
    path = Path(roles_file)
    try:
        data = load_yaml_file(path)
    except (OSError, yaml.YAMLError) as err:
        raise InputError(str(path), None, None, f"cannot read the roles: {err}") from None
    found: dict[str, list[str]] = {}
    for role in (data or {}).get("roles") or []:
        for mapping in role.get("esco") or []:
            iri = str(mapping.get("iri", "")).strip()
            if not iri.startswith(_OCC):
                raise InputError(str(path), role.get("id"), "esco", f"{iri!r} is not an ESCO occupation IRI")
            found.setdefault(iri, []).append(f"{role.get('id')} ({mapping.get('match')})")
    return dict(sorted(found.items()))


def mapped_skills(facts_dir: str | os.PathLike = FACTS_DIR) -> set[str]:
    """The ESCO skills the hand-kept facts map their own skills and missions to (``esco:`` entries).

    They join the slice even when no occupation of the slice relates to them, so that every
    mapping the project draws lands on a concept of the graph.

    >>> any(iri.endswith("14832d87-2f2f-4895-b290-e4760ebae42a") for iri in mapped_skills())
    True
    """
    found = set()
    for path in sorted(Path(facts_dir).glob("*.yaml")):
        for iri in re.findall(r"https?://data\.europa\.eu/esco/skill/[0-9a-f-]{36}", path.read_text(encoding="utf-8")):
            found.add(iri)
    return found


def _zips(reference: Path) -> list[Path]:
    zips = sorted(p for p in reference.glob("*.zip") if not p.name.startswith("."))
    if not zips:
        raise InputError(str(reference), None, None, "missing files: expected the ESCO v1.1.1 zips "
                         "('ESCO dataset - v1.1.1 - classification - en - csv.zip', ...)")
    return zips


def build_extract(reference: str | os.PathLike = REFERENCE_DIR, roles_file: str | os.PathLike = ROLES_FILE,
                  ) -> tuple[dict[str, str], ExtractReport]:
    """Render the slice: (relative path -> text, with ``README.md``) and the report."""
    reference = Path(reference)
    zips = _zips(reference)
    download = resolve_download(zips, langs=("en", "fr"))  # the file names and the version, checked
    report = ExtractReport(version=download.version)
    home = {}  # base name -> the folder it goes into: the name of its zip
    for path in zips:
        for name in Distribution(path).names():
            home.setdefault(name, path.name[: -len(".zip")] if path.name.endswith(".zip") else path.name)
    dist = download.dist

    def rows(name: str, required: tuple[str, ...]):
        table = dist.table(name, required)
        out = [(line, row) for line, row in table]
        return table.header, out

    roles = role_occupations(roles_file)
    reasons: dict[str, str] = {iri: "role " + ", ".join(maps) for iri, maps in roles.items()}
    labels: dict[str, str] = {}
    for iri, label, why in SLICE:
        if iri in reasons:
            reasons[iri] += f"; {why}"
        else:
            reasons[iri] = why
        labels[iri] = label
    wanted = set(reasons)

    occ_header, occ_rows = rows("occupations_en.csv", ("conceptUri", "preferredLabel", "altLabels", "code"))
    fr_header, fr_rows = rows("occupations_fr.csv", ("conceptUri", "preferredLabel"))
    by_iri = {row["conceptUri"]: row for _, row in occ_rows}
    fr_by_iri = {row["conceptUri"]: row for _, row in fr_rows}
    for iri in sorted(wanted):
        if iri not in by_iri:
            where = str(roles_file) if iri in roles else "aicareers.esco.extract.SLICE"
            raise InputError(where, iri, "esco", f"not an occupation of ESCO {download.version} (occupations_en.csv)")
        if iri in labels and by_iri[iri]["preferredLabel"] != labels[iri]:
            raise InputError("aicareers.esco.extract.SLICE", iri, "label",
                             f"{labels[iri]!r}, but ESCO {download.version} calls it {by_iri[iri]['preferredLabel']!r}")
    for label, what in ABSENT.items():
        exact = [row for _, row in occ_rows if row["preferredLabel"].strip().lower() == label]
        if exact:
            report.notes.append(f"note: {label!r} IS an occupation of ESCO {download.version} "
                                f"({exact[0]['conceptUri']}): add it to the slice and to ABSENT's notes")
            continue
        as_alt = sorted(row["preferredLabel"] for _, row in occ_rows
                        if label in (alt.strip().lower() for alt in row["altLabels"].splitlines()))
        extra = (f"; v{download.version} has the words only among the alternative labels of "
                 f"{', '.join(as_alt)}, whose own profile is the one ESCO gives") if as_alt else ""
        report.notes.append(f"note: {label!r} {what}{extra}")

    rel_header, rel_rows = rows(RELATIONS_FILE, ("occupationUri", "relationType", "skillType", "skillUri"))
    kept_relations = [row for _, row in rel_rows if row["occupationUri"] in wanted]
    related = {row["skillUri"] for row in kept_relations} | mapped_skills(Path(roles_file).parent)
    skill_header, skill_rows = rows("skills_en.csv", ("conceptUri", "skillType", "preferredLabel", "description"))
    kept_skills = [row for _, row in skill_rows if row["conceptUri"] in related]
    missing = related - {row["conceptUri"] for row in kept_skills}
    if missing:  # v1.1.1 has none: a related skill outside skills_en.csv would make the profile incomplete
        raise InputError("skills_en.csv", None, "conceptUri", f"related skills not in the file: {sorted(missing)}")

    files: dict[str, str] = {}

    def put(name: str, header: list[str], kept: list[dict[str, str]]) -> None:
        path = f"{home[name]}/{name}"
        files[path] = render_esco_csv(header, ([row[c] for c in header] for row in kept))
        report.files[path] = len(kept)

    order = [row["conceptUri"] for _, row in occ_rows]
    put("occupations_en.csv", occ_header, [by_iri[iri] for iri in order if iri in wanted])
    put("occupations_fr.csv", fr_header, [fr_by_iri[iri] for iri in [r["conceptUri"] for _, r in fr_rows] if iri in wanted])
    put("skills_en.csv", skill_header, kept_skills)
    put(RELATIONS_FILE, rel_header, kept_relations)
    french: set[str] = set()
    for lang, name in download.collection_files:
        if lang != "fr":
            continue
        header, collection = rows(name, ("conceptUri", "preferredLabel", "altLabels", "description"))
        kept = [row for _, row in collection if row["conceptUri"] in related]
        if kept:
            put(name, header, kept)
            french |= {row["conceptUri"] for row in kept}

    report.skills, report.french_skills = len(kept_skills), len(french)
    report.untyped_skills = sorted(row["preferredLabel"].strip() for row in kept_skills if not row["skillType"].strip())
    for row in kept_relations:
        counts = report.per_occupation.setdefault(row["occupationUri"], Counter())
        counts[row["relationType"] or "untyped"] += 1
    report.essential = sum(c["essential"] for c in report.per_occupation.values())
    report.optional = sum(c["optional"] for c in report.per_occupation.values())
    for iri in order:
        if iri in wanted:
            row = by_iri[iri]
            report.occupations.append((iri, row["code"], row["preferredLabel"],
                                       fr_by_iri.get(iri, {}).get("preferredLabel", ""), reasons[iri]))
    report.occupations.sort(key=lambda o: _code_key(o[1]))
    files["README.md"] = _readme(report, zips, download.version)
    return files, report


def _code_key(code: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in code.split("."))


def _readme(report: ExtractReport, zips: list[Path], version: str) -> str:
    occupations = "\n".join(
        f"| {code} | {en} | {fr} | {report.per_occupation.get(iri, Counter())['essential']} | "
        f"{report.per_occupation.get(iri, Counter())['optional']} | {why} |"
        for iri, code, en, fr, why in report.occupations
    )  # fmt: skip
    files = "\n".join(f"- `{path}`: {n:,} row{'' if n == 1 else 's'}" for path, n in sorted(report.files.items()))
    sources = "\n".join(f"- `{path.name}`" for path in zips)
    notes = "\n".join(f"- {note.removeprefix('note: ')}" for note in report.notes)
    if report.untyped_skills:
        untyped = (f"ESCO leaves the type of {len(report.untyped_skills)} empty: "
                   + ", ".join(f'"{label}"' for label in report.untyped_skills))
    else:
        untyped = "ESCO types them all"
    return f"""# ESCO {version}: the AI-careers slice

Written by `python -m aicareers.esco.extract` (do not edit by hand: change the script and run it
again); committed, and imported by the build with `aicareers.esco.csv_import`, which reads these
folders exactly as it reads the official zips.

## Source, version, licence

ESCO (European Skills, Competences, Qualifications and Occupations), **version {version}**, published
by the European Commission.

- Licence: Creative Commons Attribution 4.0 International (CC BY 4.0,
  https://creativecommons.org/licenses/by/4.0/).
- Attribution: "ESCO, European Commission".

Cut from the official files kept in `../shared/reference/esco-1.1.1/`:

{sources}

The rows are ESCO's, unchanged; only the rows outside the slice are left out. Each file keeps its
official name and sits in a folder named like the zip it comes from: ESCO gives its version only
in the names of its zips, and the importer reads it from there ({version}), as it does from the zips
themselves (the language-neutral zip's name has two spaces where a language would be: so has its
folder's). Records end with `\\n` where the publisher's end with `\\r\\n`.

## How to regenerate

    python -m aicareers.esco.extract            # reads ../shared/reference/esco-1.1.1, writes facts/esco
    python -m aicareers.esco.extract --reference DIR --out DIR

The slice is every ESCO occupation a role maps to in `facts/roles.yaml` (the `esco:` entries) and
the occupations listed in `aicareers.esco.extract.SLICE`; `tests/test_esco_import.py` checks that
these files are what the script writes.

## What it holds

{len(report.occupations)} occupations, with every skill ESCO relates to them, and the skills the hand-kept
facts map their own skills and missions to (`esco:` entries of `facts/*.yaml`): {report.skills:,} skills
and knowledge items (with their type and description; {untyped}), {report.essential:,}
essential and {report.optional:,} optional relations. English labels, alternative labels and descriptions for
all; French ones for every occupation, and for the {report.french_skills:,} of the skills that are in ESCO's
French skill collections (the French files of v{version} that could be had hold no `skills_fr.csv`:
the other skills have no French label here).

{files}

| ESCO code | occupation | en français | essential | optional | why it is in the slice |
| --- | --- | --- | ---: | ---: | --- |
{occupations}

## Not in ESCO {version}

{notes}
"""


def write_extract(out_dir: str | os.PathLike = OUT_DIR, reference: str | os.PathLike = REFERENCE_DIR,
                  roles_file: str | os.PathLike = ROLES_FILE) -> ExtractReport:
    """Write the files of :func:`build_extract` into ``out_dir`` (all rendered first, each atomically),
    then remove the CSV files of an earlier slice that the new one does not hold."""
    files, report = build_extract(reference, roles_file)
    out_dir = Path(out_dir)
    write_all_atomic({out_dir / name: text for name, text in files.items()})
    kept = {(out_dir / name).resolve() for name in files}
    for stale in sorted(out_dir.rglob("*.csv")):
        if stale.resolve() not in kept:
            stale.unlink()
    for folder in sorted((p for p in out_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return report


def main(argv: list[str] | None = None) -> int:
    """``python -m aicareers.esco.extract [--reference DIR] [--out DIR] [--roles FILE]``."""
    parser = argparse.ArgumentParser(prog="python -m aicareers.esco.extract", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", default=str(REFERENCE_DIR), help="the folder of the official ESCO zips")
    parser.add_argument("--out", default=str(OUT_DIR), help="the folder to write into (default facts/esco)")
    parser.add_argument("--roles", default=str(ROLES_FILE), help="the roles and their ESCO mappings")
    args = parser.parse_args(argv)
    try:
        report = write_extract(args.out, args.reference, args.roles)
    except InputError as error:
        print(f"python -m aicareers.esco.extract: error: {error}", file=sys.stderr)
        return error.exit_status
    for line in report.notes:
        print(line, file=sys.stderr)
    print(f"wrote {args.out}: ESCO {report.version}, {len(report.occupations)} occupations, {report.skills:,} skills, "
          f"{report.essential:,} essential and {report.optional:,} optional relations, French labels for "
          f"{report.french_skills:,} skills", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
