"""The ``import-onet`` command: the O*NET text database turned into RDF.

``aicareers import-onet db_29_2_text.zip --out onet.nt`` writes the RDF of the whole database;
``--occupation 15-2051.00`` (repeatable) keeps only some occupations and what they hold. The
output is checked (its suffix names a format, its folder can be written) before the import starts,
and written only once complete. The importer (and rdflib) is loaded by the handler, so that
listing the commands stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from ..errors import InputError

#: ``--format`` values (the suffix of ``--out`` gives the format when none is named); the same as
#: :data:`aicareers.onet.text_import.FORMATS`, kept here so that registering loads no rdflib.
FORMATS = ("nt", "ttl", "nq")


def register(subparsers) -> None:
    parser = subparsers.add_parser("import-onet", help="turn the O*NET text database (zip or folder) into RDF")
    parser.add_argument("paths", type=Path, nargs="+", metavar="ZIP_OR_DIR",
                        help="the O*NET text database: db_29_2_text.zip as downloaded, or the folder it unpacks to")
    parser.add_argument("--out", type=Path, required=True, help="RDF file to write: .nt, .ttl or .nq")
    parser.add_argument("--occupation", dest="occupations", action="append", metavar="CODE",
                        help="keep only this occupation (an O*NET-SOC code such as 15-2051.00) and what it holds (repeatable)")
    parser.add_argument("--onet-version", metavar="V", help="the O*NET version, when Read Me.txt does not say it")
    parser.add_argument("--format", choices=FORMATS, help="output format (default: from the suffix of --out)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    parser.set_defaults(handler=_run)


def check_writable(out: Path) -> None:
    """Fail now, not after a long import, if ``out`` cannot be written: it must not be a folder,
    and the nearest existing folder on its way must be writable (missing folders are made later).

    >>> import tempfile
    >>> check_writable(Path(tempfile.mkdtemp()) / "new" / "onet.nt")
    """
    if out.is_dir():
        raise InputError(str(out), None, "--out", "is a folder: expected the name of the file to write")
    folder = out.parent.resolve()
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        raise InputError(str(out), None, "--out", f"{folder} is not a folder")
    from aicareers.atomic import cannot_create_in

    reason = cannot_create_in(folder)
    if reason is not None:
        raise InputError(str(out), None, "--out", f"cannot write in {folder}: {reason}")
    if out.exists() and not os.access(out, os.W_OK):
        raise InputError(str(out), None, "--out", "the file exists and cannot be replaced")


def _check_codes(codes: list[str] | None) -> set[str] | None:
    from ..iris import onet_iri

    if not codes:
        return None
    for code in codes:
        try:
            onet_iri(code.strip())
        except ValueError:
            raise InputError("--occupation", None, None, f"{code!r} is not an O*NET-SOC code (such as 15-2051.00)") from None
    return {code.strip() for code in codes}


def _run(args: argparse.Namespace) -> int:
    from .text_import import format_of, import_onet, write_onet

    fmt = format_of(args.out, args.format)
    check_writable(args.out)
    occupations = _check_codes(args.occupations)

    t0 = time.perf_counter()
    graph, report = import_onet(args.paths, occupations=occupations, version=args.onet_version, progress=not args.quiet)
    t1 = time.perf_counter()
    write_onet(graph, args.out, fmt)
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(report.summary())
    print(f"wrote {len(graph):,} triples (O*NET {report.version}) to {args.out} "
          f"(read in {t1 - t0:.1f} s, written in {time.perf_counter() - t1:.1f} s)")
    return 0
