"""The ``import-esco`` command: ESCO as the European Commission distributes it, turned into RDF.

``aicareers import-esco PATH [PATH ...] --out esco.nt`` reads the official zips (or the folders
they unpack to, or a folder holding them), merges every language found (or those of ``--lang``)
and writes the RDF, optionally of some occupations and their skills only. The version recorded is
the one the zips' names say, or ``--esco-version``. Everything that can be checked before the long
import is checked first: the output's suffix and folder, the language tags, the files and the version.

>>> parser = argparse.ArgumentParser()
>>> register(parser.add_subparsers())
>>> args = parser.parse_args(["import-esco", "a.zip", "b.zip", "--out", "esco.nt", "--lang", "en", "--lang", "fr"])
>>> [str(p) for p in args.paths], args.langs, args.esco_version
(['a.zip', 'b.zip'], ['en', 'fr'], None)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from aicareers.errors import InputError

# The importer (and rdflib) is loaded by the functions that use it, so that listing the commands
# stays fast.

#: Output suffixes and what they are.
OUT_SUFFIXES = {".nt": "N-Triples", ".ttl": "Turtle"}


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", dest="langs", action="append", metavar="L",
        help="import this language only (repeatable; default: every language in the files)",
    )  # fmt: skip
    parser.add_argument(
        "--occupation", dest="occupations", action="append", metavar="IRI",
        help="keep only this occupation and its skills (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--esco-version", default=None, metavar="V",
        help="the ESCO version to record (default: the one the zips' names say, e.g. 'v1.1.1')",
    )  # fmt: skip


def register(subparsers) -> None:
    parser = subparsers.add_parser("import-esco", help="turn ESCO's official CSV download into RDF")
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH",
        help="the official zips ('ESCO dataset - v1.1.1 - classification - en - csv.zip' ...), the folders they "
             "unpack to, or a folder holding them",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, required=True, help="RDF file to write: .nt (N-Triples) or .ttl (Turtle)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    add_selection_arguments(parser)
    parser.set_defaults(handler=_run)


def check_out(out: Path) -> None:
    """Raise :class:`InputError` unless ``out`` has a known suffix and can be written.

    >>> check_out(Path("esco.rdf"))
    Traceback (most recent call last):
    ...
    aicareers.errors.InputError: esco.rdf: field --out: unknown suffix '.rdf': expected .nt (N-Triples) or .ttl (Turtle)
    """
    if out.is_dir():
        raise InputError(str(out), None, "--out", "is a folder: expected a file name")
    if out.suffix.lower() not in OUT_SUFFIXES:
        expected = " or ".join(f"{suffix} ({name})" for suffix, name in OUT_SUFFIXES.items())
        raise InputError(str(out), None, "--out", f"unknown suffix {out.suffix!r}: expected {expected}")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(str(out), None, "--out", f"no such folder: {folder}")
    from aicareers.atomic import cannot_create_in

    reason = cannot_create_in(folder)
    if reason is not None or (out.exists() and not os.access(out, os.W_OK)):
        raise InputError(str(out), None, "--out", f"cannot be written ({reason or 'permission denied'})")


def check_langs(langs: list[str] | None) -> None:
    """Raise :class:`InputError` unless every ``--lang`` is a language tag.

    >>> check_langs(["en", "fr"]); check_langs(None)
    >>> check_langs(["english/"])
    Traceback (most recent call last):
    ...
    aicareers.errors.InputError: english/: field --lang: not a language tag (the suffix of ESCO's file names, e.g. en, fr, pt)
    """
    from .csv_import import is_language_tag

    for lang in langs or ():
        if not is_language_tag(lang):
            raise InputError(lang, None, "--lang", "not a language tag (the suffix of ESCO's file names, e.g. en, fr, pt)")


def _run(args: argparse.Namespace) -> int:
    from .csv_import import ImportReport, iter_esco_triples, resolve_download, write_esco

    check_out(args.out)
    check_langs(args.langs)
    if args.esco_version is not None and not args.esco_version.strip():
        raise InputError(repr(args.esco_version), None, "--esco-version", "empty: expected a version such as 1.1.1")
    # The files and the version, from the names alone: a missing one stops here, not after the import.
    download = resolve_download(args.paths, langs=args.langs, version=args.esco_version)
    said = "given" if download.version_from == "given" else f"from {download.version_from!r}"
    print(f"ESCO {download.version} ({said}), languages {', '.join(download.langs)}: {', '.join(download.files())}",
          file=sys.stderr)
    report = ImportReport()
    started = time.perf_counter()
    triples = iter_esco_triples(
        args.paths, langs=args.langs, version=args.esco_version,
        occupations=set(args.occupations) if args.occupations else None, progress=not args.quiet, report=report,
    )  # fmt: skip
    written = write_esco(triples, args.out)
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(report.summary())
    print(f"wrote {written:,} triples to {args.out} in {time.perf_counter() - started:.1f} s")
    return 0

