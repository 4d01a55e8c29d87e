"""``aicareers html``: build the graph and write its HTML pages.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="aicareers")
>>> register(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["html", "--lang", "en", "--out", "/tmp/pages"])
>>> args.lang, str(args.out)
('en', '/tmp/pages')
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import paths


def register(subparsers) -> None:
    parser = subparsers.add_parser("html", help="write the interactive HTML pages (whole graph, roles, career paths)")
    parser.add_argument("--out", type=Path, default=paths.GRAPH_DIR / "html", help="output folder (default: %(default)s)")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="language the pages open in (default: %(default)s)")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from ..atomic import check_writable
    from ..build import build
    from ..projection import project
    from .pages import write_pages

    check_writable(args.out)  # before the build, not after it

    from ..salary_claims import read_claims

    built = build(out_dir=None)
    written = write_pages(project(built.graph), args.out, lang=args.lang, site=True, claims=read_claims(built.graph))
    print(f"wrote {len(written)} pages into {args.out}/: {', '.join(p.name for p in written)}")
    return 0
