"""Every salary claim of the sources, side by side: as stated, and normalised to annual gross EUR.

The sources give the Prompt Engineer's pay in different units: a range of gross euros a year
(ESD), euros a year with no word on gross or net (ABC Portage), euros a month, net euros a month,
US dollars a year (the news article, relaying Bloomberg). :func:`salary_table` puts every claim
of the graph (``aic:SalaryObservation``) in one row: the figures *as the source states them*
(``original_min``, ``original_max``, ``original_value``, ``currency``, ``period``, ``basis``) next
to the same claim *normalised* to one unit, annual gross EUR (``annual_gross_eur_low`` and
``annual_gross_eur_high``), with the rule applied written out in ``rule``. Nothing is averaged or
merged: two sources that disagree stay two rows.

**The normalisation** is :func:`aicareers.annual_gross.normalise`'s, the project's one definition
(:class:`NormalisationAssumptions`, re-exported here; every figure can be changed):

- *monthly → annual*: × 12 (twelve monthly payments; no 13th month is assumed);
- *net → gross*: gross = net ÷ 0.78. In France an employee's own social contributions
  (*cotisations salariales*, CSG and CRDS included) take about 22 % of the gross pay of a
  private-sector employee, so the net pay before income tax (*net avant impôt*) is about 78 % of
  the gross; this is the ratio French pay converters use for a private-sector non-cadre employee
  (a *cadre* is nearer 75 %, a civil servant 85 %). The only net claim is French (the news
  article's beginner in France), so the French convention applies;
- *USD → EUR*: × 303,000 / 335,000, the conversion the news article itself gives for Bloomberg's
  figure (« 335 000 dollars par an, soit environ 303 000 euros »), not a market rate of another
  date;
- *basis not stated*: taken as gross (French pay is usually quoted gross, *brut*) and left
  unchanged, flagged in ``basis_assumed`` (the chart draws those claims hollow).

A claim with only a maximum (« jusqu'à », *up to*) has no low end, one with only a minimum
(« au-delà », *beyond*) no high end: the missing side is ``NaN`` and ``shape`` says which.

>>> table = salary_table()
>>> for r in table.itertuples():
...     print(f"{r.id:33} {r.shape:6} {r.annual_gross_eur_low:9,.0f} {r.annual_gross_eur_high:9,.0f}")
abc-beginner-annual               range     60,000    80,000
abc-experienced-annual            up to        nan   120,000
abc-renowned-annual               beyond   120,000       nan
esd-range-annual-gross            range     25,000    60,000
news-bloomberg-us-annual-eur      up to        nan   303,000
news-bloomberg-us-annual-usd      up to        nan   303,000
news-bloomberg-us-monthly-eur     about    300,000   300,000
news-france-beginner-monthly-net  about     46,154    46,154
news-headline-monthly             up to        nan   240,000
>>> print(table.set_index("id").loc["news-france-beginner-monthly-net", "rule"])
monthly → annual: × 12; net → gross: ÷ 0.78

:func:`plot_salaries` draws the table: one line per claim, labelled *source · place · seniority ·
date*, coloured by source, the stated figure written above the normalised one, the assumptions
written on the chart.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pandas as pd

from .annual_gross import NormalisationAssumptions, StatedSalary, normalise
from .frames import _default_graph, query_frame

__all__ = ["NormalisationAssumptions", "salary_table", "plot_salaries", "SALARY_COLUMNS"]

#: The columns of :func:`salary_table`, in order.
SALARY_COLUMNS: tuple[str, ...] = (
    "id", "claim", "role", "source", "source_label", "source_short", "place", "seniority", "date",
    "source_date", "reported_by", "relayed_by", "original_min", "original_max", "original_value",
    "currency", "period", "basis", "approximate", "converted_from", "original", "shape",
    "annual_gross_eur_low", "annual_gross_eur_high", "basis_assumed", "rule", "label", "quote", "note",
)  # fmt: skip

_PERIODS = {"aic:PerYear": "year", "aic:PerMonth": "month"}
_BASES = {"aic:Gross": "gross", "aic:Net": "net", "aic:BasisNotStated": "not stated"}


# --------------------------------------------------------------------------------- the table

_EXTRAS = """
SELECT ?salary ?approximate ?convertedFrom ?note ?sourceLabel ?publisherLabel ?sourceDate
       ?placeLabel ?seniorityLabel ?reportedByLabel ?relayedByLabel
WHERE {
  ?salary a aic:SalaryObservation ; prov:wasDerivedFrom ?source .
  OPTIONAL { ?salary aic:approximate ?approximate }
  OPTIONAL { ?salary aic:convertedFrom ?convertedFrom }
  OPTIONAL { ?salary skos:scopeNote ?note FILTER (lang(?note) = "en") }
  OPTIONAL { ?source skos:prefLabel ?sourceLabel FILTER (lang(?sourceLabel) = "en") }
  OPTIONAL { ?source dcterms:publisher/skos:prefLabel ?publisherLabel FILTER (lang(?publisherLabel) = "en") }
  OPTIONAL { ?source dcterms:date ?sourceDate }
  OPTIONAL { ?salary aic:place/skos:prefLabel ?placeLabel FILTER (lang(?placeLabel) = "en") }
  OPTIONAL { ?salary aic:seniority/skos:prefLabel ?seniorityLabel FILTER (lang(?seniorityLabel) = "en") }
  OPTIONAL { ?salary aic:reportedBy/skos:prefLabel ?reportedByLabel FILTER (lang(?reportedByLabel) = "en") }
  OPTIONAL { ?salary aic:relayedBy/skos:prefLabel ?relayedByLabel FILTER (lang(?relayedByLabel) = "en") }
}
ORDER BY ?salary
"""


def _id(curie) -> str | None:
    """``salary:abc-beginner-annual`` → ``abc-beginner-annual`` (None stays None)."""
    if curie is None or (isinstance(curie, float) and math.isnan(curie)):
        return None
    return str(curie).rstrip("/").rsplit("/", 1)[-1].split(":", 1)[-1]


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _money(amount: float, currency: str) -> str:
    return f"{amount:,.0f} {currency}"


def _original_text(row: dict) -> str:
    """The claim in words, as stated: ``up to 335,000 USD per year, basis not stated``."""
    cur = row["currency"]
    if _present(row["original_value"]):
        figure = ("about " if row["approximate"] else "") + _money(row["original_value"], cur)
    elif _present(row["original_min"]) and _present(row["original_max"]):
        figure = f"{row['original_min']:,.0f}–{_money(row['original_max'], cur)}"
    elif _present(row["original_max"]):
        figure = ("up to about " if row["approximate"] else "up to ") + _money(row["original_max"], cur)
    else:
        figure = "beyond " + _money(row["original_min"], cur)
    basis = "basis not stated" if row["basis"] == "not stated" else row["basis"]
    return f"{figure} per {row['period']}, {basis}"


def salary_table(graph=None, assumptions: NormalisationAssumptions | None = None) -> pd.DataFrame:
    """One row per salary claim of ``graph``, as stated and normalised (see the module docstring).

    ``graph`` is a dataset or graph (default: :func:`aicareers.frames.load_graph`'s). Columns
    (:data:`SALARY_COLUMNS`): ``id`` (the claim's id), ``claim`` (its CURIE), ``role``;
    ``source`` (id), ``source_label``, ``source_short`` (the publisher, else the source's label
    up to its first parenthesis or colon); ``place``, ``seniority`` (English labels), ``date``
    (the claim's own, as stated: ``"2023-03"``), ``source_date`` (the source's publication date),
    ``reported_by``, ``relayed_by``; the figures as stated: ``original_min``, ``original_max``,
    ``original_value``, ``currency``, ``period`` (``year``/``month``), ``basis``
    (``gross``/``net``/``not stated``), ``approximate``, ``converted_from`` (the claim id the
    source converted it from), ``original`` (in words); then ``shape`` (``range``, ``about``,
    ``up to``, ``beyond``), ``annual_gross_eur_low`` and ``annual_gross_eur_high`` (``NaN`` on an
    open side), ``basis_assumed``, ``rule`` (the steps applied, or ``unchanged``); ``label``
    (*source · place · seniority · date*), ``quote`` (the source's words, in French) and ``note``.
    Rows are ordered by source, then claim id. ``table.attrs["assumptions"]`` holds the
    :class:`NormalisationAssumptions` used.

    >>> t = salary_table().set_index("id")
    >>> t.loc["esd-range-annual-gross", ["original", "rule"]].tolist()
    ['25,000–60,000 EUR per year, gross', 'unchanged (annual, gross, EUR as stated)']
    >>> print(t.loc["news-bloomberg-us-annual-usd", "label"])
    News article · United States · seniority not stated · 2023-03
    """
    assumptions = assumptions or NormalisationAssumptions()
    graph = _default_graph() if graph is None else graph
    claims = query_frame("salary-claims", graph)
    extras = query_frame(_EXTRAS, graph).drop_duplicates("salary").set_index("salary")
    rows = []
    for claim, group in claims.groupby("salary", sort=False):
        first = group.iloc[0]
        extra = extras.loc[claim] if claim in extras.index else pd.Series(dtype=object)

        def get(key, default=None, _extra=extra):
            value = _extra.get(key, default)
            return value if _present(value) else default

        row = {
            "id": _id(claim),
            "claim": claim,
            "role": first["role"],
            "source": _id(first["source"]),
            "source_label": get("sourceLabel", _id(first["source"])),
            "place": get("placeLabel", _id(first["place"])) if _present(first["place"]) else None,
            "seniority": None if not _present(first["seniority"]) else get("seniorityLabel", _id(first["seniority"])),
            "date": str(first["date"]) if _present(first["date"]) else None,
            "source_date": str(get("sourceDate")) if _present(get("sourceDate")) else None,
            "reported_by": None if not _present(first["reportedBy"]) else get("reportedByLabel", _id(first["reportedBy"])),
            "relayed_by": None if not _present(first["relayedBy"]) else get("relayedByLabel", _id(first["relayedBy"])),
            "original_min": first["min"] if _present(first["min"]) else math.nan,
            "original_max": first["max"] if _present(first["max"]) else math.nan,
            "original_value": first["value"] if _present(first["value"]) else math.nan,
            "currency": first["currency"],
            "period": _PERIODS.get(first["period"], _id(first["period"])),
            "basis": _BASES.get(first["basis"], _id(first["basis"])),
            "approximate": bool(get("approximate", False)),
            "converted_from": _id(get("convertedFrom")),
            "quote": " / ".join(dict.fromkeys(str(q) for q in group["quote"])),
            "note": get("note"),
        }
        publisher = get("publisherLabel")
        label = str(row["source_label"])
        row["source_short"] = publisher or label.split(" (")[0].split(":")[0].strip()
        row["original"] = _original_text(row)
        pay = normalise(_stated_salary(row), assumptions)
        row["shape"] = pay.shape
        row["annual_gross_eur_low"] = math.nan if pay.low is None else pay.low
        row["annual_gross_eur_high"] = math.nan if pay.high is None else pay.high
        row["basis_assumed"] = row["basis"] == "not stated"
        row["rule"] = pay.rule
        row["label"] = _label(row)
        rows.append(row)
    table = pd.DataFrame(rows, columns=list(SALARY_COLUMNS))
    table = table.sort_values(["source", "id"], kind="stable").reset_index(drop=True)
    for column in ("original_min", "original_max", "original_value", "annual_gross_eur_low", "annual_gross_eur_high"):
        table[column] = table[column].astype(float)
    table.attrs["assumptions"] = assumptions
    return table


def _stated_salary(row: dict) -> StatedSalary:
    """The row's claim as :func:`aicareers.annual_gross.normalise` takes it (one definition)."""

    def figure(key):
        return float(row[key]) if _present(row[key]) else None

    return StatedSalary(currency=row["currency"], period=row["period"], basis=row["basis"],
                        low=figure("original_min"), high=figure("original_max"), value=figure("original_value"),
                        approximate=row["approximate"], place=row["place"], seniority=row["seniority"])


def _label(row: dict) -> str:
    """*source · place · seniority · date*, saying what the source leaves out."""
    if row["date"]:
        date = row["date"]
    elif row["source_date"]:
        date = f"published {row['source_date']}"
    else:
        date = "undated"
    return " · ".join([
        row["source_short"],
        row["place"] or "place not stated",
        row["seniority"] or "seniority not stated",
        date,
    ])


# --------------------------------------------------------------------------------- the chart

#: Saved-file metadata that would change from one run to the next, removed (per format).
_STABLE_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}


def _euros(x, _pos=None) -> str:
    return "0" if x == 0 else f"{x / 1000:,.0f}k €"


def _two_lines(label: str) -> str:
    """A chart label on two lines: *source · place ·* / *seniority · date*."""
    parts = label.split(" · ")
    if len(parts) < 3:
        return label
    return " · ".join(parts[:2]) + " ·\n" + " · ".join(parts[2:])


def _stated(row, table: pd.DataFrame) -> str:
    """The grey line above a claim: who reported it, the figure as stated, any conversion."""
    via = ""
    if _present(row.reported_by):
        via = f" by {row.reported_by}" + (f" via {row.relayed_by}" if _present(row.relayed_by) else "")
    text = f"stated{via}: {row.original}"
    if _present(row.converted_from):
        origin = table.loc[table["id"] == row.converted_from, "original"]
        stated = origin.iloc[0].rsplit(", ", 1)[0] if len(origin) else row.converted_from
        text += f" (the source's own conversion of {stated})"
    return text


def plot_salaries(table: pd.DataFrame, assumptions: NormalisationAssumptions | None = None,
                  path: str | os.PathLike | None = None):
    """A chart of :func:`salary_table`'s claims side by side, in annual gross EUR.

    One horizontal line per claim, top to bottom in the table's order, labelled *source ·
    place · seniority · date* and coloured by source: a range is a bar between two caps, a single
    figure a dot, *up to* a cap with a dotted arrow towards lower pay, *beyond* a cap with a
    dotted arrow towards higher pay (open ends reach the edge of the chart: the source gives no
    bound there). Claims whose basis the source does not state are hollow (lighter for a range).
    Above each line, in grey, the figure as the source states it (and who reported it); next to
    it, in colour, the normalised figure. The assumptions (default: ``table.attrs["assumptions"]``)
    are written under the chart.

    With ``path``, the chart is also saved there (format from the suffix: ``.png``, ``.svg``,
    ``.pdf``; folders created), without dates or versions in the file, so that the same table
    gives the same bytes. Returns the :class:`matplotlib.figure.Figure`, made without pyplot
    (nothing to close; in a notebook, ``display(fig)``).

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "chart" / "salaries.svg"
    >>> fig = plot_salaries(salary_table(), path=out)
    >>> first = out.read_bytes()
    >>> _ = plot_salaries(salary_table(), path=out)
    >>> len(fig.axes[0].get_yticklabels()), out.read_bytes() == first, b"<dc:date>" in first
    (9, True, False)
    """
    from matplotlib import colormaps, rc_context
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, MultipleLocator

    assumptions = assumptions or table.attrs.get("assumptions") or NormalisationAssumptions()
    n = len(table)
    sources = list(dict.fromkeys(table["source"]))
    palette = colormaps["tab10"]
    colours = {s: palette(i % 10) for i, s in enumerate(sources)}
    finite = pd.concat([table["annual_gross_eur_low"], table["annual_gross_eur_high"]]).dropna()
    top = float(finite.max()) if len(finite) else 1.0
    x_max = max(50_000, math.ceil(top * 1.2 / 50_000) * 50_000)

    # Layout in inches: title, one 0.78" row per claim, then the axis, the legend and the notes.
    width, row_height, head, foot = 14.0, 0.78, 0.75, 2.35
    height = head + row_height * max(n, 1) + foot
    left, right = 0.25, 0.975
    axes_points = (right - left) * width * 72
    with rc_context({"svg.hashsalt": "aicareers-salaries", "font.size": 9, "font.family": "DejaVu Sans"}):
        fig = Figure(figsize=(width, height), dpi=100)
        ax = fig.add_axes((left, foot / height, right - left, row_height * max(n, 1) / height))
        for i, row in enumerate(table.itertuples(index=False)):
            y = n - 1 - i
            colour = colours[row.source]
            face = "white" if row.basis_assumed else colour
            low, high = row.annual_gross_eur_low, row.annual_gross_eur_high
            dotted = dict(arrowstyle="-|>", linestyle=(0, (2, 2)), color=colour, lw=1.6, mutation_scale=12)
            cap = dict(marker="|", markersize=16, markeredgewidth=2.4, color=colour, linestyle="none")
            if row.shape == "about":
                ax.plot([low], [y], marker="o", markersize=10, markerfacecolor=face, markeredgecolor=colour,
                        markeredgewidth=2.2, linestyle="none")
                figure, at = f"≈ {_euros(low)}", low
            elif row.shape == "range":
                ax.plot([low, high], [y, y], color=colour, lw=7, solid_capstyle="butt",
                        alpha=0.3 if row.basis_assumed else 0.9)
                ax.plot([low, high], [y, y], **cap)
                figure, at = f"{_euros(low)} – {_euros(high)}", high
            elif row.shape == "up to":
                ax.annotate("", xy=(0, y), xytext=(high, y), arrowprops=dotted)
                ax.plot([high], [y], **cap)
                figure, at = f"up to {_euros(high)}", high
            else:  # beyond
                ax.annotate("", xy=(x_max, y), xytext=(low, y), arrowprops=dotted)
                ax.plot([low], [y], **cap)
                figure, at = f"beyond {_euros(low)}", low
            ax.text(at + x_max * 0.01, y, figure, fontsize=9, color=colour, va="center", ha="left",
                    fontweight="bold", bbox=dict(boxstyle="square,pad=0.15", facecolor="white", edgecolor="none"))
            start = 0.0 if row.shape == "up to" else low
            stated = _stated(row, table)
            # About 0.55 em per character: a line that would run past the right edge ends there.
            if start + len(stated) * 7.8 * 0.55 / axes_points * x_max > x_max:
                ax.text(x_max, y + 0.24, stated, fontsize=7.8, color="#555555", va="bottom", ha="right")
            else:
                ax.text(start, y + 0.24, stated, fontsize=7.8, color="#555555", va="bottom", ha="left")
        ax.set_yticks(range(n), [_two_lines(table["label"].iloc[n - 1 - y]) for y in range(n)], fontsize=9)
        for tick, y in zip(ax.get_yticklabels(), range(n)):
            tick.set_color(colours[table["source"].iloc[n - 1 - y]])
        ax.set_ylim(-0.6, n - 0.1)
        ax.set_xlim(0, x_max)
        ax.xaxis.set_major_locator(MultipleLocator(50_000))
        ax.xaxis.set_major_formatter(FuncFormatter(_euros))
        ax.set_xlabel("annual gross pay, EUR (normalised)")
        ax.grid(axis="x", color="#e3e3e3", lw=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        roles = table["role"].dropna().unique()
        role = "Prompt Engineer" if len(roles) == 1 and str(roles[0]).endswith("prompt-engineer") else "AI careers"
        fig.text(0.01, 1 - 0.2 / height, f"{role}: every salary claim of the sources, side by side, "
                 "normalised to annual gross EUR", fontsize=13, fontweight="bold", va="top")
        fig.text(0.01, 1 - 0.48 / height, "Colour: the source. Grey: the figure as the source states it. "
                 "Bold: the same figure in annual gross EUR. Nothing is averaged: sources that disagree "
                 "stay side by side.", fontsize=9, color="#444444", va="top")
        grey = "#444444"
        handles = [Line2D([], [], color=colours[s], lw=7,
                          label=table.loc[table["source"] == s, "source_label"].iloc[0]) for s in sources]
        handles += [
            Line2D([], [], color=grey, lw=5, marker="|", markersize=12, markeredgewidth=2, label="range (min – max)"),
            Line2D([], [], color=grey, marker="o", markersize=8, linestyle="none", label="single figure (« environ »)"),
            Line2D([], [], color=grey, marker="|", markersize=12, markeredgewidth=2, linestyle=(0, (2, 2)),
                   label="up to / beyond: dotted towards the open side"),
            Line2D([], [], color=grey, marker="o", markersize=8, markerfacecolor="white", linestyle="none",
                   label="hollow or light: gross/net not stated"),
        ]
        fig.legend(handles=handles, loc="lower right", bbox_to_anchor=(right, 0.08 / height), fontsize=8,
                   ncol=1, frameon=True, framealpha=1, edgecolor="#cccccc")
        fig.text(0.01, 0.08 / height, "Assumptions\n" + "\n".join(assumptions.lines()), fontsize=8,
                 color="#333333", ha="left", va="bottom", linespacing=1.5,
                 bbox=dict(boxstyle="round,pad=0.5", facecolor="#f5f5f5", edgecolor="#cccccc"))
        if path is not None:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fmt = path.suffix.lstrip(".").lower() or "png"
            fig.savefig(path, format=fmt, dpi=150, metadata=_STABLE_METADATA.get(fmt))
    return fig
