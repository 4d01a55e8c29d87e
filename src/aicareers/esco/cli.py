"""The ``import-esco`` command: an official ESCO CSV download turned into RDF.

``aicareers import-esco DIR --out esco.nt`` writes the RDF of the download (optionally only some
occupations and their skills); ``aicareers build --esco DIR`` merges a download into the build, in
place of the extract kept in ``facts/esco/``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .csv_import import DEFAULT_VERSION, import_esco, write_esco


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default="en", help="language of the files (occupations_<lang>.csv ...; default: %(default)s)")
    parser.add_argument(
        "--occupation", dest="occupations", action="append", metavar="IRI",
        help="keep only this occupation and its skills (repeatable)",
    )  # fmt: skip
    parser.add_argument("--esco-version", default=DEFAULT_VERSION, help="ESCO version recorded as the source's (default: %(default)s)")


def register(subparsers) -> None:
    parser = subparsers.add_parser("import-esco", help="turn an ESCO CSV download into RDF")
    parser.add_argument("directory", type=Path, help="folder of the download (occupations_en.csv, skills_en.csv, ...)")
    parser.add_argument("--out", type=Path, required=True, help="RDF file to write: .nt (N-Triples) or .ttl (Turtle)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    add_selection_arguments(parser)
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    graph, report = import_esco(
        args.directory, lang=args.lang, occupations=set(args.occupations) if args.occupations else None,
        progress=not args.quiet, version=args.esco_version,
    )  # fmt: skip
    write_esco(graph, args.out)
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(report.summary())
    print(f"wrote {len(graph)} triples to {args.out}")
    return 0
