"""The ``import-rome`` command: the official ROME 4.0 CSV release turned into RDF.

``aicareers import-rome RefRomeCsv-v460.zip --out rome.nt`` writes the RDF of the whole release
(the zip, or the folder it unpacks to); ``--sheet M1889 --sheet M1405`` keeps only those job
sheets, what they hold and the moves between them. The format comes from the suffix of ``--out``
(``.nt``, ``.ttl``, ``.nq``: N-Quads in the named graph of ROME) unless ``--format`` says it.
The output is checked (suffix, writable folder) before the release is read, progress goes to
stderr, the summary to stdout and every problem of the import to stderr. Bad input is an
:class:`~aicareers.errors.InputError`, which ``aicareers`` prints on one line (exit status 2).

rdflib is imported by the handler only, so that ``aicareers --help`` stays quick.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> register(parser.add_subparsers())
>>> args = parser.parse_args(["import-rome", "rome.zip", "--out", "rome.nt", "--sheet", "M1889", "M1405"])
>>> args.path, args.out, args.sheets, args.format
(PosixPath('rome.zip'), PosixPath('rome.nt'), ['M1889', 'M1405'], None)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import-rome", help="turn the ROME 4.0 CSV release (France Travail) into RDF",
        description="Turn the official ROME 4.0 CSV release (the RefRomeCsv zip, or the folder it unpacks to) into RDF.",
    )  # fmt: skip
    parser.add_argument("path", type=Path, metavar="ZIP_OR_DIR", help="the release: RefRomeCsv-v<version>.zip or its folder")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="RDF file to write: .nt, .ttl or .nq")
    parser.add_argument(
        "--sheet", dest="sheets", action="extend", nargs="+", metavar="CODE",
        help="keep only this job sheet (e.g. M1889), what it holds and the moves between kept sheets (repeatable)",
    )  # fmt: skip
    parser.add_argument("--format", choices=("nt", "ttl", "nq"), help="output format (default: from the suffix of --out)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from aicareers.frameworks.report import ImportReport

    from .csv_import import check_output, iter_rome_triples, write_rome

    fmt = check_output(args.out, args.format)  # before the long import, not after it
    report = ImportReport("rome")
    sheets = set(args.sheets) if args.sheets else None
    # N-Triples and N-Quads are written from the stream of triples, with no graph in memory.
    triples = iter_rome_triples(args.path, sheets=sheets, report=report, progress=not args.quiet)
    n = write_rome(triples, args.out, fmt)
    print(report.summary())
    for problem in report.problems:
        print(f"problem: {problem}", file=sys.stderr)
    print(f"wrote {n:,} triples to {args.out} (ROME v{report.version}, {fmt})")
    return 0
