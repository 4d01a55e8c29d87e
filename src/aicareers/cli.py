"""The ``aicareers`` command: one sub-command per task, each defined next to the code it runs.

Each module listed in :data:`COMMAND_MODULES` has a ``register(subparsers)`` function that adds its
sub-commands; a sub-command's handler takes the parsed arguments and returns an exit status.
Errors of the project (:class:`aicareers.errors.AiCareersError`) are printed on one line, with no
traceback, and give their own exit status.

>>> parser = make_parser()
>>> "build" in parser.format_help() and "serve" in parser.format_help()
True
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .errors import AiCareersError

#: Modules that contribute sub-commands, in the order ``--help`` lists them.
COMMAND_MODULES = [
    "aicareers.build",
    "aicareers.html.cli",
    "aicareers.sparql.query_cli",
    "aicareers.sparql.server_cli",
    "aicareers.esco.cli",
    "aicareers.rome.cli",
    "aicareers.onet.cli",
    "aicareers.analytics.cli",
]


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aicareers",
        description="The AI-careers knowledge graph: build it, query it, analyse it.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except AiCareersError as error:
        print(f"aicareers {args.command}: error: {error}", file=sys.stderr)
        return error.exit_status
    except BrokenPipeError:  # e.g. `aicareers query ... | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
