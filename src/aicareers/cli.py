"""The ``aicareers`` command: one sub-command per task, each defined next to the code it runs.

Each module listed in :data:`COMMAND_MODULES` has a ``register(subparsers)`` function that adds its
sub-commands; a sub-command's handler takes the parsed arguments and returns an exit status.
Errors of the project (:class:`aicareers.errors.AiCareersError`) are printed on one line, with no
traceback, and give their own exit status; so are usage errors (status 2), files the system
refuses (status 2) and, as a last resort, errors nobody foresaw (status 70, "please report it").

Registering imports no heavy library (rdflib, networkx, SciPy, pySHACL, pyoxigraph): the modules
import them in their handlers, so ``--help`` and argument errors are quick. A command line that
names a command registers the module of that command only (:data:`COMMANDS`).

>>> parser = make_parser()
>>> "build" in parser.format_help() and "serve" in parser.format_help()
True
>>> sorted(make_parser("gap")._subparsers._group_actions[0].choices)
['export', 'gap', 'path', 'profile', 'rank', 'similar']
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .errors import AiCareersError, ValidationError

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
    "aicareers.analytics.from_job_cli",
    "aicareers.salaries_cli",
]


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (the message, and where help is)."""

    def error(self, message: str):
        from .sparql.text import shorten

        message = shorten(" ".join(message.split()), 300)
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


#: The commands by task, as ``aicareers --help`` lists them (a test checks every command is in one).
COMMAND_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("build the graph", ("build",)),
    ("ask the graph", ("query", "serve", "push")),
    ("career analyses", ("from", "path", "gap", "profile", "similar", "rank", "salaries")),
    ("import frameworks", ("import-esco", "import-rome", "import-onet")),
    ("export and pages", ("export", "html")),
]

#: The module that registers each command (a test checks it against the modules themselves).
COMMANDS = {
    "build": "aicareers.build",
    "html": "aicareers.html.cli",
    "query": "aicareers.sparql.query_cli",
    "serve": "aicareers.sparql.server_cli", "push": "aicareers.sparql.server_cli",
    "import-esco": "aicareers.esco.cli",
    "import-rome": "aicareers.rome.cli",
    "import-onet": "aicareers.onet.cli",
    **dict.fromkeys(("path", "gap", "profile", "similar", "rank", "export"), "aicareers.analytics.cli"),
    "from": "aicareers.analytics.from_job_cli",
    "salaries": "aicareers.salaries_cli",
}  # fmt: skip


_DESCRIPTION = "The AI-careers knowledge graph: build it, query it, analyse it."


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with ``command``, of the module that registers it only.

    The parser of every command lists them by task (:data:`COMMAND_GROUPS`), not in one flat list.
    """
    parser = OneLineParser(prog="aicareers", description=_DESCRIPTION, usage="%(prog)s [-h] [--version] COMMAND ...",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # prog given: argparse would otherwise name each command after the usage line above
    # ("aicareers [-h] [--version] COMMAND ... path: error: …")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, prog="aicareers")
    modules = [COMMANDS[command]] if command in COMMANDS else COMMAND_MODULES
    for name in modules:
        importlib.import_module(name).register(subparsers)
    if modules == COMMAND_MODULES:
        parser.description = _DESCRIPTION + "\n\n" + grouped_commands(subparsers)
        subparsers.help = argparse.SUPPRESS  # listed by task in the description, not flat
    return parser


def grouped_commands(subparsers, width: int = 79) -> str:
    """The commands of ``subparsers`` under the headings of :data:`COMMAND_GROUPS`, with their help.

    >>> print(grouped_commands(make_parser("build")._subparsers._group_actions[0]))
    build the graph:
      build         build the graph into graph/ (validated, deterministic)
    """
    import textwrap

    helps = {action.dest: action.help or "" for action in subparsers._choices_actions}
    blocks = []
    for title, names in COMMAND_GROUPS:
        lines = [f"{title}:"]
        for name in (n for n in names if n in helps):
            lines += textwrap.wrap(helps[name], width, initial_indent=f"  {name:<13} ", subsequent_indent=" " * 16,
                                   break_on_hyphens=False)
        if len(lines) > 1:
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = make_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except AiCareersError as error:
        # the SHACL report (exit 3) is read as a report, one violation per line; the rest is one line
        text = str(error) if isinstance(error, ValidationError) else _one_line(str(error))
        print(f"aicareers {args.command}: error: {text}", file=sys.stderr)
        return error.exit_status
    except BrokenPipeError:  # e.g. `aicareers query ... | head`
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as error:  # the system refused a file or folder the user named
        where = f"{error.filename}: " if getattr(error, "filename", None) else ""
        print(f"aicareers {args.command}: error: {where}{error.strerror or error}", file=sys.stderr)
        return 2
    except MemoryError:
        print(f"aicareers {args.command}: error: out of memory", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a bug: still one line, never a traceback
        print(f"aicareers {args.command}: internal error ({type(error).__name__}): {_one_line(str(error))}; "
              "please report it", file=sys.stderr)
        return INTERNAL_ERROR


#: Exit status of an error the code did not foresee (a bug), as sysexits' EX_SOFTWARE.
INTERNAL_ERROR = 70


def _one_line(text: str) -> str:
    """An error message on one line: multi-line reports (SHACL, the parser's caret) are joined."""
    from .sparql.text import shorten

    return shorten(" | ".join(line.strip() for line in text.splitlines() if line.strip()), 2000)


if __name__ == "__main__":
    sys.exit(main())
