"""A small salary chart drawn as inline SVG: each claim's annual gross EUR range on one line.

No script library: the page stays one offline file. A range is a bar, a single figure a dot, an
"up to" a bar open on the left (dashed), a "beyond" a bar open on the right (dashed). A claim
the normalisation has no rule for (no figure in EUR) is left out of the chart, not drawn at 0.

>>> from aicareers.annual_gross import AnnualGross
>>> svg = salary_svg([("1", AnnualGross(60000, 80000, "range", (), ())), ("2", AnnualGross(None, None, "range", (), ()))], "en", "Salaries")
>>> svg.count("<rect"), "€100,000" in svg, svg.startswith("<svg")
(1, True, True)
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

from ..annual_gross import AnnualGross, money

WIDTH, ROW, LEFT, RIGHT, TOP = 400, 24, 26, 8, 8


def _step(top: float) -> int:
    """A round tick step giving at most five ticks up to ``top``.

    >>> _step(303000), _step(88000)
    (100000, 50000)
    """
    raw = top / 4
    power = 10 ** int(math.floor(math.log10(raw)))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def salary_svg(rows: list[tuple[str, AnnualGross]], lang: str, title: str) -> Markup:
    """The chart of ``rows`` (``(number shown, annual gross)``), in ``lang``; ``title`` names it
    for screen readers (the table beside it says the same in words)."""
    drawn = [(n, p) for n, p in rows if p.low is not None or p.high is not None]
    if not drawn:
        return Markup("")
    top = max(x for _, p in drawn for x in (p.low, p.high) if x is not None) * 1.1
    step = _step(top)
    top = math.ceil(top / step) * step
    inner = WIDTH - LEFT - RIGHT
    height = TOP + ROW * len(drawn) + 24

    def x(v: float) -> float:
        return round(LEFT + inner * v / top, 1)

    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    axis = TOP + ROW * len(drawn)
    for tick in range(0, int(top) + 1, step):
        parts.append(f'<line x1="{x(tick)}" y1="{TOP}" x2="{x(tick)}" y2="{axis}" stroke="#d5dbe3"/>')
        anchor = "start" if tick == 0 else "end" if tick == top else "middle"
        parts.append(f'<text x="{x(tick)}" y="{axis + 16}" font-size="12" text-anchor="{anchor}" fill="#3b4654">'
                     f"{escape(money(tick, 'EUR', lang))}</text>")
    for i, (number, pay) in enumerate(drawn):
        y = TOP + ROW * i + ROW / 2
        parts.append(f'<text x="4" y="{y + 4}" font-size="13" fill="#1d2530">{escape(number)}</text>')
        if pay.shape == "about" or (pay.low is not None and pay.low == pay.high):
            parts.append(f'<circle cx="{x(pay.low)}" cy="{y}" r="6" fill="#1f5f99"/>')
            continue
        low = pay.low if pay.low is not None else 0
        high = pay.high if pay.high is not None else top
        dash = "" if pay.low is not None and pay.high is not None else ' stroke-dasharray="4 3"'
        parts.append(f'<rect x="{x(low)}" y="{y - 7}" width="{round(x(high) - x(low), 1)}" height="14" rx="3" '
                     f'fill="#1f5f99" fill-opacity="{0.85 if not dash else 0.35}" stroke="#1f5f99"{dash}/>')
    parts.append("</svg>")
    return Markup("".join(parts))
