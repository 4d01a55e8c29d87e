"""Tables and paragraphs for people, fitted to the terminal: the one table of the command line.

``aicareers query`` and the analyses (``gap``, ``path``, ``profile``, ``similar``, ``rank``,
``salaries``) print their tables with :func:`table`; ``--wide`` prints them unwrapped
(:func:`set_wide`). Only the standard library is imported, so that ``aicareers --help`` stays light.
"""

from __future__ import annotations

import shutil
import textwrap

__all__ = ["table", "paragraph", "set_wide"]

#: Whether tables are printed whole, one line per row, however wide (``--wide``).
_WIDE = False


def set_wide(wide: bool) -> None:
    """Print every later table unwrapped (``True``: ``--wide``) or fitted to the terminal."""
    global _WIDE
    _WIDE = bool(wide)


def terminal_width() -> int:
    """The terminal's width in characters (100 when there is no terminal)."""
    return shutil.get_terminal_size((100, 24)).columns


def table(headers: list[str], rows: list[list], indent: str = "  ", width: int | None = None,
          *, rule: bool = False, wide: bool | None = None) -> str:
    """Rows aligned in columns under ``headers``, fitted to ``width`` (default: the terminal's).

    When the table is wider, the widest columns are narrowed and their long cells wrap onto the
    next lines, so that nothing is cut (a name or a job zone read in half misleads). ``wide``
    (default: :func:`set_wide`'s choice) prints every cell on one line, however wide; ``rule``
    underlines the headers with dashes.

    >>> print(table(["a", "bb"], [[1, "x"], [22, "yyy"]]))
      a   bb
      1   x
      22  yyy
    >>> print(table(["name", "note"], [["Prompt engineer", "a very long note indeed"]], width=30))
      name           note
      Prompt         a very long
      engineer       note indeed
    >>> print(table(["name", "note"], [["Prompt engineer", "a very long note indeed"]], "", 30, rule=True, wide=True))
    name             note
    ---------------  -----------------------
    Prompt engineer  a very long note indeed
    """
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    if not (_WIDE if wide is None else wide):
        room = (width or terminal_width()) - len(indent) - 2 * (len(headers) - 1)
        while sum(widths) > room and max(widths) > 12:  # narrow the widest column, one character at a time
            widths[widths.index(max(widths))] -= 1

    lines = []
    for n, row in enumerate(cells):
        wrapped = [textwrap.wrap(c, w, break_on_hyphens=False) or [""] for c, w in zip(row, widths)]
        for i in range(max(len(parts) for parts in wrapped)):
            parts = [p[i] if i < len(p) else "" for p in wrapped]
            lines.append(indent + "  ".join(p.ljust(w) for p, w in zip(parts, widths)).rstrip())
        if n == 0 and rule:
            lines.append(indent + "  ".join("-" * w for w in widths).rstrip())
    return "\n".join(lines)


def paragraph(text: str, first: str = "", rest: str = "", width: int | None = None) -> str:
    """``text`` wrapped to ``width`` (default: the terminal's; never with ``--wide``), lines after
    the first indented by ``rest``.

    >>> print(paragraph("routes are linked to roles, never to skills", "  - ", "    ", width=24))
      - routes are linked to
        roles, never to
        skills
    """
    if _WIDE and width is None:
        return first + text
    return textwrap.fill(text, width or terminal_width(), initial_indent=first, subsequent_indent=rest,
                         break_on_hyphens=False)
