"""A salary claim as its source states it → annual gross EUR, with every assumption written out.

This is the one definition of salary normalisation of the project: the notebook's table and
chart (:func:`aicareers.salaries.salary_table`), the ``aicareers salaries`` command and its
``--disagreements`` all call :func:`normalise`. It needs no library (no pandas, no rdflib).

A claim (:class:`StatedSalary`) is what the source says: an amount (``value``, « environ »
with ``approximate``), a range (``low`` and ``high``), or one bound only (« jusqu'à »: ``high``
alone; « au-delà »: ``low`` alone); a ``currency`` (``EUR``, ``USD``), a ``period`` (``year``,
``month``), a ``basis`` (``gross``, ``net``, ``not stated``), and the ``place`` and
``seniority`` it is about when the source says. :func:`normalise` gives the same claim in annual
gross euros (an open side stays ``None``: the source gives no bound there) and the assumptions
it applied, in words (:class:`NormalisationAssumptions` says why each figure):

>>> beginner = StatedSalary(value=3000, approximate=True, currency="EUR", period="month",
...                         basis="net", place="France", seniority="Beginner")
>>> pay = normalise(beginner)
>>> round(pay.low), round(pay.high), pay.shape, pay.rule
(46154, 46154, 'about', 'monthly → annual: × 12; net → gross: ÷ 0.78')
>>> print("\\n".join(pay.assumptions))
Monthly → annual: × 12 (twelve monthly payments, no 13th month assumed).
Net → gross: ÷ 0.78 (France, private-sector employee: employee contributions ≈ 22 % of gross; net before income tax; an assumption).
>>> print(plain(stated_text(beginner, "fr")), "|", stated_text(beginner, "en"))
environ 3 000 € net par mois | about €3,000 net a month
>>> print(plain(normalised_text(pay, "fr")), "|", normalised_text(pay, "en"))
≈ 46 154 € | ≈ €46,154

An *up to* claim in dollars, with no word on gross or net:

>>> bloomberg = StatedSalary(high=335_000, currency="USD", period="year", basis="not stated",
...                          place="United States")
>>> pay = normalise(bloomberg)
>>> pay.low, round(pay.high), normalised_text(pay, "en")
(None, 303000, 'up to €303,000')
>>> print("\\n".join(pay.assumptions))
USD → EUR: × 303,000 / 335,000 ≈ 0.904 (the news article's own conversion of Bloomberg's figure, September 2024).
Gross or net not stated: taken as gross, left unchanged (French pay is usually quoted gross, «\u00a0brut\u00a0»; an assumption).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["StatedSalary", "NormalisationAssumptions", "AnnualGross", "normalise", "money", "stated_text",
           "normalised_text", "plain"]

#: The spaces amounts are written with: a narrow no-break space groups French thousands (as the
#: graph's French labels do) and never lets a table wrap "60 000" into "60" and "000".
_THIN = "\u202f"


@dataclass(frozen=True)
class StatedSalary:
    """A salary claim as its source states it (see the module docstring)."""

    currency: str
    period: str  # "year" or "month"
    basis: str = "not stated"  # "gross", "net" or "not stated"
    low: float | None = None
    high: float | None = None
    value: float | None = None
    approximate: bool = False
    place: str | None = None
    seniority: str | None = None

    @property
    def shape(self) -> str:
        """``about`` (one figure), ``range``, ``up to`` (a maximum only) or ``beyond`` (a minimum only)."""
        if self.value is not None:
            return "about"
        if self.low is not None and self.high is not None:
            return "range"
        return "up to" if self.high is not None else "beyond"


_NET_REASON = "France, private-sector employee: employee contributions ≈ 22 % of gross; net before income tax"
_RATE_REASON = "the news article's own conversion of Bloomberg's figure"


@dataclass(frozen=True)
class NormalisationAssumptions:
    """How a claim becomes annual gross EUR; every figure can be changed.

    - *monthly → annual*: × 12 (twelve monthly payments; no 13th month is assumed);
    - *net → gross*: gross = net ÷ 0.78. In France an employee's own social contributions
      (*cotisations salariales*, CSG and CRDS included) take about 22 % of a private-sector
      employee's gross pay, so the net pay before income tax is about 78 % of the gross (the
      ratio French pay converters use for a non-cadre employee; a *cadre* is nearer 75 %). The
      only net claim of the sources is French, so the French convention applies;
    - *USD → EUR*: × 303,000 / 335,000, the conversion the news article itself gives for
      Bloomberg's figure (« 335 000 dollars par an, soit environ 303 000 euros »), not a market
      rate of another date;
    - *gross or net not stated*: taken as gross (French pay is usually quoted *brut*), unchanged.

    >>> a = NormalisationAssumptions()
    >>> a.net_per_gross, a.months_per_year, round(a.usd_to_eur, 4)
    (0.78, 12, 0.9045)
    >>> print("\\n".join(a.lines()))  # doctest: +NORMALIZE_WHITESPACE
    Normalised to annual, gross, EUR; the figure as the source states it is kept (grey text).
    Monthly → annual: × 12 (twelve payments, no 13th month assumed).
    Net → gross: gross = net ÷ 0.78 (France, private-sector employee: employee contributions ≈ 22 % of gross; net before income tax).
    USD → EUR: × 303,000 / 335,000 ≈ 0.904, the news article's own conversion of Bloomberg's figure.
    Basis not stated (hollow or light markers): taken as gross, left unchanged.
    """

    #: Net pay as a share of gross pay (net before income tax): gross = net ÷ this.
    net_per_gross: float = 0.78
    #: Why that share.
    net_per_gross_reason: str = _NET_REASON
    #: The source's own conversion: ``usd_amount`` US dollars are ``eur_amount`` euros.
    usd_amount: float = 335_000
    eur_amount: float = 303_000
    rate_reason: str = _RATE_REASON
    #: When the rate was given: the date of the news article that gives it, in English and French.
    rate_date: str = "September 2024"
    rate_date_fr: str = "septembre 2024"
    #: Monthly pay → annual pay.
    months_per_year: int = 12
    #: What a claim whose basis the source does not state is taken as (``"gross"`` leaves it as it is).
    basis_not_stated: str = "gross"

    def __post_init__(self):
        if not 0 < self.net_per_gross <= 1:
            raise ValueError(f"net_per_gross must be in (0, 1], not {self.net_per_gross}")
        if not (self.usd_amount > 0 and self.eur_amount > 0 and self.months_per_year > 0):
            raise ValueError("the conversion amounts and months_per_year must be positive")
        if self.basis_not_stated not in ("gross", "net"):
            raise ValueError(f"basis_not_stated is 'gross' or 'net', not {self.basis_not_stated!r}")

    @property
    def usd_to_eur(self) -> float:
        """Euros per US dollar: ``eur_amount / usd_amount``."""
        return self.eur_amount / self.usd_amount

    def lines(self) -> list[str]:
        """The assumptions in words, one per line (as written on the notebook's chart)."""
        taken = "taken as gross, left unchanged" if self.basis_not_stated == "gross" else \
            f"taken as net, ÷ {self.net_per_gross:g}"
        return [
            "Normalised to annual, gross, EUR; the figure as the source states it is kept (grey text).",
            f"Monthly → annual: × {self.months_per_year} (twelve payments, no 13th month assumed)."
            if self.months_per_year == 12 else f"Monthly → annual: × {self.months_per_year}.",
            f"Net → gross: gross = net ÷ {self.net_per_gross:g} ({self.net_per_gross_reason}).",
            f"USD → EUR: × {self.eur_amount:,.0f} / {self.usd_amount:,.0f} ≈ {self.usd_to_eur:.3f}, "
            f"{self.rate_reason}.",
            f"Basis not stated (hollow or light markers): {taken}.",
        ]


@dataclass(frozen=True)
class AnnualGross:
    """A claim in annual gross EUR: ``low`` and ``high`` (``None`` on an open side), the short
    ``steps`` applied (``rule`` joins them) and the ``assumptions`` in sentences."""

    low: float | None
    high: float | None
    shape: str
    steps: tuple[str, ...]
    assumptions: tuple[str, ...]
    #: The same assumptions in French.
    assumptions_fr: tuple[str, ...] = ()

    def said(self, lang: str = "en") -> tuple[str, ...]:
        """The assumptions in ``lang`` (``en`` or ``fr``)."""
        return self.assumptions_fr if lang == "fr" else self.assumptions

    @property
    def rule(self) -> str:
        return "; ".join(self.steps) if self.steps else "unchanged (annual, gross, EUR as stated)"


def normalise(claim: StatedSalary, assumptions: NormalisationAssumptions | None = None) -> AnnualGross:
    """``claim`` in annual gross EUR, with the steps and assumptions applied (module docstring).

    A currency other than EUR and USD, or a period other than year and month, has no rule:
    :class:`ValueError` (the sources have none; a new one needs its own, stated, rule).

    >>> pay = normalise(StatedSalary(low=25_000, high=60_000, currency="EUR", period="year", basis="gross"))
    >>> pay.low, pay.high, pay.rule, pay.assumptions
    (25000.0, 60000.0, 'unchanged (annual, gross, EUR as stated)', ())
    >>> normalise(StatedSalary(value=1, currency="GBP", period="year"))
    Traceback (most recent call last):
    ...
    ValueError: no rule converts GBP to EUR
    """
    a = assumptions or NormalisationAssumptions()
    factor, steps, said, dit = 1.0, [], [], []
    if claim.currency == "USD":
        factor *= a.usd_to_eur
        steps.append(f"USD → EUR: × {a.eur_amount:,.0f} / {a.usd_amount:,.0f} (the source's own rate)")
        said.append(f"USD → EUR: × {a.eur_amount:,.0f} / {a.usd_amount:,.0f} ≈ {a.usd_to_eur:.3f} "
                    f"({a.rate_reason}, {a.rate_date}).")
        dit.append(f"USD → EUR : × {_fr(a.eur_amount)} / {_fr(a.usd_amount)} ≈ {_fr(a.usd_to_eur, 3)} "
                   + ("(la conversion que l'article d'actualité donne lui-même du chiffre de Bloomberg, "
                      if a.rate_reason == _RATE_REASON else f"({a.rate_reason}, ") + f"{a.rate_date_fr}).")
    elif claim.currency != "EUR":
        raise ValueError(f"no rule converts {claim.currency} to EUR")
    if claim.period == "month":
        factor *= a.months_per_year
        steps.append(f"monthly → annual: × {a.months_per_year}")
        said.append(f"Monthly → annual: × {a.months_per_year} (twelve monthly payments, no 13th month assumed)."
                    if a.months_per_year == 12 else f"Monthly → annual: × {a.months_per_year} (an assumption).")
        dit.append(f"Mensuel → annuel : × {a.months_per_year} (douze mois payés, pas de 13e mois supposé)."
                   if a.months_per_year == 12 else f"Mensuel → annuel : × {a.months_per_year} (une hypothèse).")
    elif claim.period != "year":
        raise ValueError(f"no rule turns a salary per {claim.period} into a salary per year")
    basis = claim.basis if claim.basis != "not stated" else a.basis_not_stated
    if basis == "net":
        factor /= a.net_per_gross
        steps.append(f"net → gross: ÷ {a.net_per_gross:g}")
        # the ratio is a French convention: say so when the claim is about another place
        where = "" if claim.place in (None, "France") else f"; applied to a claim about {claim.place}"
        said.append(f"Net → gross: ÷ {a.net_per_gross:g} ({a.net_per_gross_reason}; an assumption{where}).")
        ou = "" if claim.place in (None, "France") else f" ; appliquée à une affirmation sur : {claim.place}"
        dit.append(f"Net → brut : ÷ {_fr(a.net_per_gross, 2)} ("
                   + ("France, salarié du privé : cotisations salariales ≈ 22 % du brut ; net avant impôt"
                      if a.net_per_gross_reason == _NET_REASON else a.net_per_gross_reason) + f" ; une hypothèse{ou}).")
    if claim.basis == "not stated":
        steps.append(f"basis not stated: taken as {a.basis_not_stated}")
        said.append(f"Gross or net not stated: taken as {a.basis_not_stated}"
                    + (", left unchanged (French pay is usually quoted gross, «\u00a0brut\u00a0»; an assumption)."
                       if a.basis_not_stated == "gross" else " (an assumption)."))
        dit.append("Brut ou net non précisé : pris pour du brut, inchangé (en France, un salaire s'annonce "
                   "d'ordinaire en brut ; une hypothèse)." if a.basis_not_stated == "gross"
                   else "Brut ou net non précisé : pris pour du net (une hypothèse).")

    def scaled(x):
        return None if x is None else float(x) * factor

    if claim.value is not None:
        low = high = scaled(claim.value)
    else:
        low, high = scaled(claim.low), scaled(claim.high)
    return AnnualGross(low, high, claim.shape, tuple(steps), tuple(said), tuple(dit))


# ------------------------------------------------------------------------------ in words


_SYMBOLS = {"EUR": "€", "USD": "$"}


def money(amount: float, currency: str = "EUR", lang: str = "en") -> str:
    """An amount as people write it: ``60 000 €`` in French, ``€60,000`` in English (to the unit).

    >>> money(60000.0, "EUR", "fr"), money(60000.0, "EUR", "en"), plain(money(335000, "USD", "fr"))
    ('60\\u202f000\\xa0€', '€60,000', '335 000 $')
    """
    symbol = _SYMBOLS.get(currency)
    if lang == "fr":
        return f"{amount:,.0f}".replace(",", _THIN) + "\u00a0" + (symbol or currency)
    return f"{symbol}{amount:,.0f}" if symbol else f"{amount:,.0f} {currency}"


def _fr(x: float, decimals: int = 0) -> str:
    """A number as French writes it: ``303 000``, ``0,904``."""
    return f"{x:,.{decimals}f}".replace(",", _THIN).replace(".", ",")


def plain(text: str) -> str:
    """``text`` with its no-break spaces made ordinary spaces (for comparisons and plain text).

    >>> plain(money(60000, "EUR", "fr"))
    '60 000 €'
    """
    return text.replace(_THIN, " ").replace("\u00a0", " ")


def _span(low, high, currency: str, lang: str, shape: str, approximate: bool = False) -> str:
    fr = lang == "fr"
    if shape == "about":
        return ("environ " if fr else "about ") + money(low, currency, lang) if approximate else money(low, currency, lang)
    if shape == "range":  # no-break spaces round the dash: a table never wraps a range in two
        if fr:  # « 60 000 – 80 000 € »: the unit once, at the end, as French writes ranges
            return f"{low:,.0f}".replace(",", _THIN) + "\u00a0–\u00a0" + money(high, currency, lang)
        return f"{money(low, currency, lang)}\u00a0–\u00a0{money(high, currency, lang)}"
    if shape == "up to":
        return ("jusqu'à " if fr else "up to ") + ("environ " if fr and approximate else "about " if approximate else "") \
            + money(high, currency, lang)
    return ("au-delà de " if fr else "beyond ") + money(low, currency, lang)


def stated_text(claim: StatedSalary, lang: str = "en") -> str:
    """The claim in words, as its source states it: ``60 000 – 80 000 € par an (brut ou net non précisé)``.

    >>> range_ = StatedSalary(low=25000, high=60000, currency="EUR", period="year", basis="gross")
    >>> print(plain(stated_text(range_, "fr")), "|", plain(stated_text(range_, "en")))
    25 000 – 60 000 € brut par an | €25,000 – €60,000 gross a year
    >>> print(plain(stated_text(StatedSalary(low=120000, currency="EUR", period="year"), "fr")))
    au-delà de 120 000 € par an (brut ou net non précisé)
    """
    low, high = (claim.value, claim.value) if claim.value is not None else (claim.low, claim.high)
    figure = _span(low, high, claim.currency, lang, claim.shape, claim.approximate)
    if lang == "fr":
        period = {"year": "par an", "month": "par mois"}.get(claim.period, f"par {claim.period}")
        if claim.basis == "not stated":
            return f"{figure} {period} (brut ou net non précisé)"
        return f"{figure} {'brut' if claim.basis == 'gross' else 'net'} {period}"
    period = {"year": "a year", "month": "a month"}.get(claim.period, f"per {claim.period}")
    if claim.basis == "not stated":
        return f"{figure} {period} (gross or net not stated)"
    return f"{figure} {claim.basis} {period}"


def normalised_text(pay: AnnualGross, lang: str = "en") -> str:
    """A normalised claim in words: ``60 000 – 80 000 €``, ``≈ €46,154``, ``up to €303,000``."""
    if pay.shape == "about":
        return "≈ " + money(pay.low, "EUR", lang)
    return _span(pay.low, pay.high, "EUR", lang, pay.shape)
