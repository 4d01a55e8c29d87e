r"""Write ``facts/onet/``: the AI-careers slice of the O*NET text database, as the same ``.txt`` files.

``python -m aicareers.onet.extract [--reference ZIP_OR_DIR] [--out DIR]`` reads the O*NET text
database (by default the project's copy, ``../shared/reference/onet-29.2/db_29_2_text-partial.zip``)
and writes the slice the default build imports:

- the occupations: :data:`~aicareers.frameworks.slices.ONET_SEEDS`, and every occupation related
  to a hub (:data:`~aicareers.frameworks.slices.ONET_HUBS`) at the tier Primary-Short, either way
  (``Related Occupations.txt``);
- every file the importer reads (:data:`~aicareers.onet.text_import.FILES`), with the same header
  and the same tab-separated, CRLF-ended lines: the rows about the slice's occupations (all of
  them: complete profiles), the related-occupation rows whose two ends are in the slice, the
  reference files (Job Zone Reference, the education categories) whole, ``Read Me.txt`` as it is;
- a ``README.md`` saying what the slice holds, where it comes from and under which licence.

The files the importer leaves out (Tools Used, Work Styles, ...) are not carried over. Rows keep
the order of the database: the same database always gives the same bytes.

>>> "15-2051.00" in ONET_SEEDS and OUT_DIR.name
'onet'
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from aicareers import paths
from aicareers.atomic import write_all_atomic
from aicareers.errors import InputError
from aicareers.frameworks.distribution import Distribution
from aicareers.frameworks.slices import ONET_HUBS, ONET_SEEDS
from aicareers.onet.text_import import (
    CODE,
    COLUMNS,
    FILES,
    OCCUPATION_DATA,
    README,
    REFERENCE_FILES,
    RELATED_CODE,
    RELATED_OCCUPATIONS,
    read_version,
)

__all__ = ["REFERENCE", "OUT_DIR", "TIER", "slice_codes", "build_extract", "write_extract", "main"]

#: The project's copy of the O*NET 29.2 text database.
REFERENCE = paths.PROJECT_ROOT.parent / "shared" / "reference" / "onet-29.2" / "db_29_2_text-partial.zip"
#: Where the slice is written.
OUT_DIR = paths.FACTS_DIR / "onet"
#: The relatedness tier that brings an occupation into the slice.
TIER = "Primary-Short"
#: O*NET's files end their lines so; the slice keeps it.
NEWLINE = "\r\n"


def _table(dist: Distribution, name: str):
    return dist.table(name, COLUMNS[name], delimiter="\t", quoted=False)


def slice_codes(dist: Distribution, seeds: tuple[str, ...] = ONET_SEEDS) -> dict[str, tuple[str, set[str]]]:
    """The slice: code -> (title, the seeds it is related to at :data:`TIER`; empty for a seed), by code."""
    titles = {row[CODE].strip(): row["Title"].strip() for _, row in _table(dist, OCCUPATION_DATA)}
    missing = [code for code in seeds if code not in titles]
    if missing:
        raise InputError(OCCUPATION_DATA, None, CODE, f"seed occupations not in the file: {', '.join(missing)}")
    pairs = ((row[CODE].strip(), row[RELATED_CODE].strip()) for _, row in _table(dist, RELATED_OCCUPATIONS)
             if row["Relatedness Tier"].strip() == TIER)
    related = related_slice(pairs, titles, seeds)
    return {code: (titles[code], related[code]) for code in sorted(related)}


def related_slice(pairs, known, seeds=ONET_SEEDS, hubs=ONET_HUBS) -> dict[str, set[str]]:
    """The slice's rule: the seeds, and every occupation related to a hub at :data:`TIER` (``pairs``,
    either way) that ``known`` holds; code -> the hubs it is related to (empty for a seed).

    >>> related_slice([("A", "B"), ("C", "A"), ("B", "D")], {"A", "B", "C", "D"}, seeds=("A", "B"), hubs=("A",))
    {'A': set(), 'B': set(), 'C': {'A'}}
    """
    related: dict[str, set[str]] = {code: set() for code in seeds}
    for a, b in pairs:
        for seed, other in ((a, b), (b, a)):
            if seed in hubs and other not in seeds and other in known:
                related.setdefault(other, set()).add(seed)
    return related


def _rows(dist: Distribution, name: str, keep) -> str:
    """The text of file ``name`` holding its header and the rows ``keep(row)`` accepts."""
    table = _table(dist, name)
    lines = ["\t".join(row.values()) for _, row in table if keep(row)]
    return "".join(line + NEWLINE for line in ["\t".join(table.header), *lines])


def build_extract(reference: str | os.PathLike = REFERENCE) -> dict[str, bytes]:
    """Render the slice: file name -> bytes (the ``.txt`` files and ``README.md``)."""
    dist = Distribution(reference, what="O*NET text database (zip or folder)")
    for name in FILES:
        dist.require(re.escape(name), name)
    occupations = slice_codes(dist)
    files: dict[str, bytes] = {README: dist.read_text(README).encode("utf-8")}
    counts: dict[str, int] = {}
    for name in COLUMNS:
        if name in REFERENCE_FILES:
            keep = lambda row: True  # noqa: E731
        elif name == RELATED_OCCUPATIONS:
            keep = lambda row: row[CODE].strip() in occupations and row[RELATED_CODE].strip() in occupations  # noqa: E731
        else:
            keep = lambda row: row[CODE].strip() in occupations  # noqa: E731
        text = _rows(dist, name, keep)
        files[name] = text.encode("utf-8")
        counts[name] = text.count(NEWLINE) - 1
    version = read_version(dist.read_text(README)) or "(version not stated)"
    files["README.md"] = _readme(occupations, counts, version).encode("utf-8")
    return files


def _readme(occupations: dict[str, tuple[str, set[str]]], counts: dict[str, int], version: str) -> str:
    seeds = "\n".join(f"- {code} {title}" for code, (title, related) in occupations.items() if not related)
    others = "\n".join(f"- {code} {title} (related to {', '.join(sorted(related))})"
                       for code, (title, related) in occupations.items() if related)  # fmt: skip
    files = "\n".join(f"| `{name}` | {counts[name]:,} |" for name in COLUMNS)
    return f"""# The AI-careers slice of O*NET {version}

Written by `python -m aicareers.onet.extract` (do not edit by hand: change the script and run it
again); committed so that the build needs no download, and imported by `aicareers.onet.text_import`
as it would import the whole database (`aicareers build --onet db_29_2_text.zip` does that).

To regenerate it from the project's copy of the database
(`../shared/reference/onet-29.2/db_29_2_text-partial.zip`):

    python -m aicareers.onet.extract [--reference ZIP_OR_DIR] [--out facts/onet]

## What it holds

{len(occupations)} occupations: the seeds of `aicareers.frameworks.slices.ONET_SEEDS` (the AI and
data occupations, and those the project's roles map to) and every occupation O*NET relates to a
hub of `ONET_HUBS` ({", ".join(ONET_HUBS)}) at the tier {TIER}, either way. Each comes with its complete profile in the files the
importer reads: every row about it. Related-occupation rows are kept when both of their ends are
in the slice (at any tier); the reference files (job zones, education categories) are whole;
`Read Me.txt` is as published. The files keep O*NET's format: the same headers, tab-separated, no
quoting, CRLF line ends, rows in the database's order. The other files of the database (Tools
Used, Work Styles, Work Values, Interests, the DWAs, ...) are not here: the importer does not
read them.

Seeds ({sum(1 for _, r in occupations.values() if not r)}):

{seeds}

Related to a seed at the tier {TIER} ({sum(1 for _, r in occupations.values() if r)}):

{others}

| file | rows |
| --- | ---: |
{files}

## Licence

The O*NET database is published by the U.S. Department of Labor, Employment and Training
Administration (USDOL/ETA) under the Creative Commons Attribution 4.0 International licence
(CC BY 4.0, <https://creativecommons.org/licenses/by/4.0/>). Attribution: "O*NET {version} Database
by USDOL/ETA, used under CC BY 4.0". These files are an unmodified selection of its rows; USDOL/ETA
has not approved, endorsed or tested this selection. See <https://www.onetcenter.org/license_db.html>.
"""


def write_extract(out_dir: str | os.PathLike = OUT_DIR, reference: str | os.PathLike = REFERENCE) -> dict[str, bytes]:
    """Write the files of :func:`build_extract` into ``out_dir`` (all rendered first, each atomically)."""
    files = build_extract(reference)
    write_all_atomic({Path(out_dir) / name: data for name, data in files.items()})
    return files


def main(argv: list[str] | None = None) -> int:
    """``python -m aicareers.onet.extract [--reference ZIP_OR_DIR] [--out DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m aicareers.onet.extract", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", default=str(REFERENCE), help="the O*NET text database, zip or folder (default: %(default)s)")
    parser.add_argument("--out", default=str(OUT_DIR), help="the folder to write into (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        files = write_extract(args.out, args.reference)
    except InputError as error:
        print(f"python -m aicareers.onet.extract: error: {error}", file=sys.stderr)
        return error.exit_status
    print(f"wrote {len(files)} files to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
