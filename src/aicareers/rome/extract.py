r"""Write ``facts/rome/``: the AI-careers slice of ROME 4.0, in the release's own format.

``python -m aicareers.rome.extract [--reference RefRomeCsv-v460.zip] [--out facts/rome]`` reads
the official release and keeps the job sheets of
:data:`~aicareers.frameworks.slices.ROME_SEEDS` and every sheet one mobility link away from a
hub (:data:`~aicareers.frameworks.slices.ROME_HUBS`, the AI and data sheets), in either
direction, with their complete profiles. It writes the same
``unix_<table>_v<version>_utf8.csv`` files as the release (same headers, every field quoted, ``\n``
line ends, rows in the release's order), holding only the rows that concern the slice:

- the sheets (``referentiel_code_rome``), their job titles (``referentiel_appellation``), their
  links (``liens_rome_referentiels``), coherence rows (``coherence_item``) and texts (``texte``);
- the items those links name (``referentiel_competence``, ``referentiel_savoir``,
  ``referentiel_contexte_travail``, and their rows of ``item``);
- the moves whose two ends are in the slice (``rubrique_mobilite``);
- the reference tables ``composition_bloc`` and ``descriptif_rubrique``, whole;

and a ``README.md`` saying what the slice holds. The other files of the release (sectors, themes,
centres of interest, RIASEC, domains) are not carried over: the importer does not read them.
The same release gives the same bytes; the files are all rendered first, then each is written
atomically, and ``unix_*`` files of another release left in the folder are removed.

>>> slice_sheets([("M1889", "M1846"), ("M1873", "M1889"), ("M1846", "K2109")], ["M1889"])
['M1846', 'M1873', 'M1889']
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from aicareers.atomic import write_all_atomic
from aicareers.errors import InputError
from aicareers.frameworks.distribution import Distribution
from aicareers.frameworks.slices import ROME_HUBS, ROME_SEEDS
from aicareers.paths import FACTS_DIR, PROJECT_ROOT
from aicareers.rome.csv_import import (
    BLOCKS,
    COHERENCE,
    COMPETENCES,
    CONTEXTS,
    KNOWLEDGE,
    LINKS,
    MOBILITY,
    REQUIRED_COLUMNS,
    RUBRICS,
    SHEETS,
    TEXTS,
    TITLES,
    file_name,
    release_version,
)

__all__ = ["REFERENCE", "OUT_DIR", "ITEMS", "slice_sheets", "render_table", "build_extract", "write_extract", "main"]

#: The official release (``AICAREERS_ROME_REFERENCE`` points elsewhere).
REFERENCE = Path(os.environ.get("AICAREERS_ROME_REFERENCE",
                                PROJECT_ROOT.parent / "shared/reference/rome-4.0-v460/RefRomeCsv-v460.zip"))  # fmt: skip
#: Where the slice is written.
OUT_DIR = FACTS_DIR / "rome"

#: The table of every item (competences, knowledge, contexts), with its rubric; carried over too.
ITEMS = "item"
_ITEM_COLUMNS = ("code_ogr", "libelle", "code_rubrique")

#: table -> the column whose value decides whether a row belongs to the slice, and against what.
_BY_SHEET = {SHEETS: "code_rome", TITLES: "code_rome", LINKS: "code_rome", COHERENCE: "code_rome", TEXTS: "code_rome"}
_BY_ITEM = {COMPETENCES: "code_ogr", KNOWLEDGE: "code_ogr_savoir", CONTEXTS: "code_ogr", ITEMS: "code_ogr"}
_WHOLE = (BLOCKS, RUBRICS)
#: The blocks of ``liens_rome_referentiels`` whose OGR codes are items (5 competences, 6 contexts).
_ITEM_BLOCKS = {"5", "6"}


def slice_sheets(moves: Iterable[tuple[str, str]], seeds: Iterable[str], hubs: Iterable[str] = ROME_HUBS) -> list[str]:
    """The seeds and every sheet one move away from a hub, either way, sorted.

    >>> slice_sheets([("A1", "B1"), ("C1", "A1"), ("B1", "D1")], ["A1", "B1"], hubs=["A1"])
    ['A1', 'B1', 'C1']
    """
    hubs = set(hubs)
    kept = set(seeds)
    for source, target in moves:
        if source in hubs:
            kept.add(target)
        if target in hubs:
            kept.add(source)
    return sorted(kept)


def render_table(header: list[str], rows: Iterable[list[str]]) -> str:
    r"""CSV text as the release writes it: every field double-quoted, comma-separated, ``\n``.

    >>> print(render_table(["code_rome", "libelle_texte"], [["M1889", "L''Ingénieur, dit « IA »"]]), end="")
    "code_rome","libelle_texte"
    "M1889","L''Ingénieur, dit « IA »"
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


class _Release:
    """The tables of one release, read whole (header and rows as lists, in the file's order)."""

    def __init__(self, reference: str | os.PathLike):
        self.dist = Distribution(reference, what="ROME 4.0 CSV release (the RefRomeCsv zip or its folder)")
        self.version = release_version(self.dist.names(), str(reference))

    def name(self, table: str) -> str:
        return file_name(table, self.version)

    def read(self, table: str) -> tuple[list[str], list[list[str]]]:
        name = self.name(table)
        self.dist.require(re.escape(name), name)
        required = _ITEM_COLUMNS if table == ITEMS else REQUIRED_COLUMNS[table]
        rows = self.dist.table(name, required)
        body = [list(row.values()) for _, row in rows]
        return rows.header, body


def _column(header: list[str], name: str) -> int:
    return header.index(name)


def build_extract(reference: str | os.PathLike = REFERENCE,
                  seeds: Iterable[str] = ROME_SEEDS) -> tuple[dict[str, str], list[str]]:
    """Render the slice's files (name -> text, the README included) and return them with the sheets."""
    release = _Release(reference)
    tables = {t: release.read(t) for t in (*_BY_SHEET, *_BY_ITEM, *_WHOLE, MOBILITY)}
    header, rows = tables[MOBILITY]
    a, b = _column(header, "code_rome"), _column(header, "code_rome_cible")
    seeds = tuple(seeds)
    sheet_header, sheet_rows = tables[SHEETS]
    known = {row[_column(sheet_header, "code_rome")] for row in sheet_rows}
    missing = sorted(set(seeds) - known)
    if missing:
        raise InputError(release.name(SHEETS), None, "code_rome", f"the seed job sheets {', '.join(missing)} are not "
                         "in this release: update aicareers.frameworks.slices.ROME_SEEDS")
    sheets = set(slice_sheets(((row[a], row[b]) for row in rows), seeds))

    link_header, link_rows = tables[LINKS]
    s, block, ogr = (_column(link_header, c) for c in ("code_rome", "code_compo_bloc", "code_ogr"))
    items = {row[ogr] for row in link_rows if row[s] in sheets and row[block] in _ITEM_BLOCKS}

    files: dict[str, str] = {}
    for table, (header, body) in tables.items():
        if table in _BY_SHEET:
            i = _column(header, _BY_SHEET[table])
            body = [row for row in body if row[i] in sheets]
        elif table in _BY_ITEM:
            i = _column(header, _BY_ITEM[table])
            body = [row for row in body if row[i] in items]
        elif table == MOBILITY:
            body = [row for row in body if row[a] in sheets and row[b] in sheets]
        files[release.name(table)] = render_table(header, body)
    ordered = sorted(sheets)
    files["README.md"] = _readme(release.version, seeds, ordered, tables, files, release)
    return dict(sorted(files.items())), ordered


def _readme(version: str, seeds: tuple[str, ...], sheets: list[str], tables, files: dict[str, str], release) -> str:
    header, body = tables[SHEETS]
    code, label = _column(header, "code_rome"), _column(header, "libelle_rome")
    labels = {row[code]: row[label] for row in body}
    listed = "\n".join(f"- {s} {labels[s]}" + (" (seed)" if s in seeds else "") for s in sheets)
    counts = "\n".join(f"| `{name}` | {sum(1 for _ in csv.reader(io.StringIO(text, newline=''))) - 1:,} |"
                       for name, text in sorted(files.items()))  # fmt: skip
    return f"""# ROME 4.0: the AI-careers slice

Written by `python -m aicareers.rome.extract` (do not edit by hand: change the script or
`aicareers.frameworks.slices.ROME_SEEDS` and run it again); imported by
`aicareers.rome.csv_import` like the whole release.

The files are those of the official ROME 4.0 CSV release v{version} (`RefRomeCsv-v{version}.zip`,
France Travail), in its own format (same names, same headers, every field double-quoted, rows in
the release's order), holding only the rows that concern the slice: the {len(seeds)} seed job
sheets of `ROME_SEEDS` and every job sheet one mobility link away from a hub of `ROME_HUBS`
({", ".join(ROME_HUBS)}), in either direction ({len(sheets)} job sheets in all), with their
complete profiles:

- the sheets, their job titles, their links to items (`liens_rome_referentiels`), their
  coherence rows (core / emerging items) and their texts (definition, access to the job);
- the competences, knowledge items and work contexts those links name, and their rows of `item`;
- the moves (`rubrique_mobilite`) whose two ends are both in the slice: a move from a
  neighbour to a sheet outside the slice is left out;
- `composition_bloc` and `descriptif_rubrique`, whole.

The release's other files (sectors of activity, themes, centres of interest, RIASEC, domains) are
not carried over: the importer does not read them.

## The job sheets

{listed}

## Rows per file

| file | rows |
| --- | ---: |
{counts}

## Regenerate

    python -m aicareers.rome.extract --reference ../shared/reference/rome-4.0-v{version}/RefRomeCsv-v{version}.zip --out facts/rome

The same release gives the same bytes (the tests check that these files are what the script
writes).

## Licence and attribution

ROME 4.0 is open reference data of the French public data service, published by France Travail
under the Licence Ouverte / Open Licence 2.0 (Etalab),
<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>. Attribution: "France Travail, ROME 4.0"
(release v{version}). The rows are the publisher's, unchanged (the `texte` file's doubled apostrophes
included: the importer undoes them).
"""


def write_extract(out_dir: str | os.PathLike = OUT_DIR, reference: str | os.PathLike = REFERENCE,
                  seeds: Iterable[str] = ROME_SEEDS) -> list[str]:
    """Write the files of :func:`build_extract` into ``out_dir``; return the slice's sheets."""
    files, sheets = build_extract(reference, seeds)
    out_dir = Path(out_dir)
    write_all_atomic({out_dir / name: text for name, text in files.items()})
    for stale in sorted(out_dir.glob("unix_*_utf8.csv")):
        if stale.name not in files:  # a file of another release: the folder must hold one release
            stale.unlink()
    return sheets


def main(argv: list[str] | None = None) -> int:
    """``python -m aicareers.rome.extract [--reference ZIP] [--out DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m aicareers.rome.extract", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE,
                        help="the ROME CSV release, zip or folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="the folder to write into (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        sheets = write_extract(args.out, args.reference)
    except InputError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return error.exit_status
    print(f"wrote {args.out}: {len(sheets)} job sheets ({len(ROME_SEEDS)} seeds and the sheets one move away from a hub)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
