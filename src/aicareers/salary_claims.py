"""The salary claims of the graph, read for comparison: each as stated, normalised, with its evidence.

:func:`read_claims` reads every ``aic:SalaryObservation`` of a dataset (one SPARQL query, French
and English labels) as :class:`SalaryClaim` records: the claim as stated
(:class:`aicareers.annual_gross.StatedSalary`), the role, place and seniority it is about, the
source and its quote. :func:`compare` pairs the claims that can be compared, like with like:

- the same role, the same seniority and the same country, both *known*: a claim that does not
  say its seniority is not compared (a range for every level is not a beginner's pay), and a
  claim that does not say its country is compared only when its source is about one country
  (:data:`PLACE_OF_SOURCE`, an assumption written out with the pair);
- two different sources (one source that converts its own figure does not disagree with itself);
- after normalisation (:func:`aicareers.annual_gross.normalise`, the project's one definition):
  two claims *disagree* when their annual gross EUR ranges do not overlap (an *up to* is open
  below, a *beyond* open above).

>>> from aicareers.annual_gross import StatedSalary
>>> a = SalaryClaim("a", "role:x", {"en": "X"}, StatedSalary("EUR", "year", "not stated", 60000, 80000),
...                 "France", {"en": "France"}, False, "beginner", {"en": "Beginner"}, "src-a", {"en": "A"}, "« … »")
>>> b = SalaryClaim("b", "role:x", {"en": "X"}, StatedSalary("EUR", "month", "net", value=3000, approximate=True),
...                 "France", {"en": "France"}, False, "beginner", {"en": "Beginner"}, "src-b", {"en": "B"}, "« … »")
>>> [(p.a.id, p.b.id, p.agree, round(p.gap)) for p in compare([a, b])]
[('a', 'b', False, 13846)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from .annual_gross import AnnualGross, NormalisationAssumptions, StatedSalary, normalise

__all__ = ["SalaryClaim", "Comparison", "PLACE_OF_SOURCE", "read_claims", "compare", "names_graph"]

#: Sources that write about one country only: a claim of theirs that names no place is taken to
#: be about that country when claims are compared (source id → (place id, place label, why, why in French)).
#: The news article speaks of several countries: its claims without a place stay unplaced.
PLACE_OF_SOURCE: dict[str, tuple[str, str, str, str]] = {
    "abc-article": ("france", "France", "ABC Portage, a French portage salarial company, writes for people working in France",
                    "ABC Portage, société française de portage salarial, écrit pour qui travaille en France"),
    "esd-sheet": ("france", "France", "ESD, a French digital school, writes for its French students",
                  "ESD, école du numérique française, écrit pour ses étudiants français"),
}

_PERIODS = {"PerYear": "year", "PerMonth": "month"}
_BASES = {"Gross": "gross", "Net": "net", "BasisNotStated": "not stated"}

_QUERY = """
SELECT ?salary ?role ?roleEn ?roleFr ?min ?max ?value ?currency ?period ?basis ?approximate
       ?seniority ?seniorityEn ?seniorityFr ?place ?placeEn ?placeFr ?source ?sourceEn ?sourceFr ?quote
WHERE {
  ?salary a aic:SalaryObservation ; schema:about ?role ; schema:currency ?currency ;
          aic:period ?period ; aic:payBasis ?basis ;
          prov:qualifiedDerivation [ prov:entity ?source ; aic:evidenceQuote ?quote ] .
  OPTIONAL { ?salary schema:minValue ?min }
  OPTIONAL { ?salary schema:maxValue ?max }
  OPTIONAL { ?salary schema:value ?value }
  OPTIONAL { ?salary aic:approximate ?approximate }
  OPTIONAL { ?salary aic:seniority ?seniority
             OPTIONAL { ?seniority skos:prefLabel ?seniorityEn FILTER (lang(?seniorityEn) = "en") }
             OPTIONAL { ?seniority skos:prefLabel ?seniorityFr FILTER (lang(?seniorityFr) = "fr") } }
  OPTIONAL { ?salary aic:place ?place
             OPTIONAL { ?place skos:prefLabel ?placeEn FILTER (lang(?placeEn) = "en") }
             OPTIONAL { ?place skos:prefLabel ?placeFr FILTER (lang(?placeFr) = "fr") } }
  OPTIONAL { ?role skos:prefLabel ?roleEn FILTER (lang(?roleEn) = "en") }
  OPTIONAL { ?role skos:prefLabel ?roleFr FILTER (lang(?roleFr) = "fr") }
  OPTIONAL { ?source skos:prefLabel ?sourceEn FILTER (lang(?sourceEn) = "en") }
  OPTIONAL { ?source skos:prefLabel ?sourceFr FILTER (lang(?sourceFr) = "fr") }
}
"""

#: Every role, place and seniority with its names, for the resolver of names.
_NAMES = """
SELECT ?node ?type ?labelEn ?labelFr ?alt ?altLang WHERE {
  VALUES (?class ?type) { (aic:Role "role") (aic:Place "place") (aic:Seniority "seniority") }
  ?node a ?class .
  OPTIONAL { ?node skos:prefLabel ?labelEn FILTER (lang(?labelEn) = "en") }
  OPTIONAL { ?node skos:prefLabel ?labelFr FILTER (lang(?labelFr) = "fr") }
  OPTIONAL { ?node skos:altLabel ?alt BIND (lang(?alt) AS ?altLang) }
}
"""


@dataclass(frozen=True)
class SalaryClaim:
    """One salary claim of a source, with what it is about and its evidence.

    ``place`` and ``seniority`` are ids (``france``, ``beginner``), ``None`` when the source does
    not say; ``place_assumed`` is True when the place is :data:`PLACE_OF_SOURCE`'s, not the
    claim's. Labels are ``{"en": ..., "fr": ...}``.
    """

    id: str
    role: str
    role_label: dict
    stated: StatedSalary
    place: str | None
    place_label: dict
    place_assumed: bool
    seniority: str | None
    seniority_label: dict
    source: str
    source_label: dict
    quote: str

    def annual_gross(self, assumptions: NormalisationAssumptions | None = None) -> AnnualGross:
        return normalise(self.stated, assumptions)

    def place_assumption(self, lang: str = "en") -> str | None:
        """The assumption on the place, in words (None when the claim states its place, or has none).

        >>> from aicareers.annual_gross import StatedSalary
        >>> c = SalaryClaim("a", "role:x", {}, StatedSalary("EUR", "year"), "france", {"en": "France"}, True,
        ...                 None, {}, "esd-sheet", {"en": "ESD"}, "« … »")
        >>> c.place_assumption()
        'Country not stated by ESD: taken as France (ESD, a French digital school, writes for its French students; an assumption).'
        """
        if not self.place_assumed:
            return None
        _place, _label, why, why_fr = PLACE_OF_SOURCE[self.source]
        if lang == "fr":
            return (f"Pays non précisé par {self.source_label.get('fr', self.source_label['en'])} : pris pour "
                    f"{self.place_label.get('fr', self.place_label['en'])} ({why_fr} ; une hypothèse).")
        return f"Country not stated by {self.source_label['en']}: taken as {self.place_label['en']} ({why}; an assumption)."


@dataclass(frozen=True)
class Comparison:
    """Two claims about the same role, place and seniority, in annual gross EUR.

    ``agree`` is True when the ranges overlap; ``gap`` is the distance between them (0 when they
    overlap); ``higher`` the id of the claim that says more.
    """

    a: SalaryClaim
    b: SalaryClaim
    pay_a: AnnualGross
    pay_b: AnnualGross
    agree: bool
    gap: float
    higher: str | None
    assumptions: tuple[str, ...] = field(default=())


def _id(iri) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _num(term):
    return None if term is None else float(term.toPython())


def read_claims(dataset) -> list[SalaryClaim]:
    """Every salary claim of ``dataset``, ordered by role, source and claim id (one per claim:
    a claim several quotes support has them joined by `` / ``)."""
    from .sparql.catalog import run_query

    rows: dict[str, dict] = {}
    for r in run_query(dataset, _QUERY):
        key = _id(r.salary)
        row = rows.setdefault(key, {"r": r, "quotes": []})
        if str(r.quote) not in row["quotes"]:
            row["quotes"].append(str(r.quote))
    claims = []
    for key, row in rows.items():
        r = row["r"]
        source, place = _id(r.source), _id(r.place) if r.place is not None else None
        place_label = {"en": str(r.placeEn or place or ""), "fr": str(r.placeFr or r.placeEn or place or "")}
        assumed = place is None and source in PLACE_OF_SOURCE
        if assumed:
            place, label = PLACE_OF_SOURCE[source][:2]
            place_label = {"en": label, "fr": label}
        seniority = _id(r.seniority) if r.seniority is not None else None
        stated = StatedSalary(
            currency=str(r.currency), period=_PERIODS[_id(r.period)], basis=_BASES[_id(r.basis)],
            low=_num(r.min), high=_num(r.max), value=_num(r.value),
            approximate=bool(r.approximate is not None and r.approximate.toPython()),
            place=place_label["en"] if place else None,
            seniority=str(r.seniorityEn) if seniority else None)
        claims.append(SalaryClaim(
            id=key, role=str(r.role), role_label={"en": str(r.roleEn or _id(r.role)), "fr": str(r.roleFr or r.roleEn or _id(r.role))},
            stated=stated, place=place, place_label=place_label if place else {}, place_assumed=assumed,
            seniority=seniority,
            seniority_label={"en": str(r.seniorityEn or seniority), "fr": str(r.seniorityFr or r.seniorityEn or seniority)} if seniority else {},
            source=source, source_label={"en": str(r.sourceEn or source), "fr": str(r.sourceFr or r.sourceEn or source)},
            quote=" / ".join(row["quotes"])))
    return sorted(claims, key=lambda c: (c.role, c.source, c.id))


def names_graph(dataset):
    """A networkx graph of the roles, places and seniorities of ``dataset`` with their names, for
    :func:`aicareers.analytics.names.find_node` (the analytics' resolver, typos included)."""
    import networkx as nx

    from .sparql.catalog import run_query

    g = nx.MultiDiGraph()
    for r in run_query(dataset, _NAMES):
        key = str(r.node)
        if key not in g:
            g.add_node(key, type=str(r.type), label_en=str(r.labelEn or r.labelFr or _id(key)),
                       label_fr=str(r.labelFr or r.labelEn or _id(key)), alt_labels_en=[], alt_labels_fr=[])
        if r.alt is not None:
            alts = g.nodes[key]["alt_labels_fr" if str(r.altLang) == "fr" else "alt_labels_en"]
            if str(r.alt) not in alts:
                alts.append(str(r.alt))
    return g


def _bounds(pay: AnnualGross) -> tuple[float, float]:
    """The range as numbers: *up to* is open below (0), *beyond* open above (infinity)."""
    return (pay.low if pay.low is not None else 0.0, pay.high if pay.high is not None else float("inf"))


def comparable(a: SalaryClaim, b: SalaryClaim) -> bool:
    """Like with like: same role, known and equal seniority and place, two different sources."""
    return (a.role == b.role and a.source != b.source and a.seniority is not None
            and a.seniority == b.seniority and a.place is not None and a.place == b.place)


def compare(claims, assumptions: NormalisationAssumptions | None = None) -> list[Comparison]:
    """Every pair of :func:`comparable` claims, normalised, ordered by role then claim ids."""
    found = []
    for a, b in combinations(sorted(claims, key=lambda c: (c.role, c.id)), 2):
        if not comparable(a, b):
            continue
        pa, pb = a.annual_gross(assumptions), b.annual_gross(assumptions)
        (la, ha), (lb, hb) = _bounds(pa), _bounds(pb)
        gap = max(la, lb) - min(ha, hb)
        higher = None if gap <= 0 else (a.id if la > hb else b.id)
        said = list(dict.fromkeys(pa.assumptions + pb.assumptions))
        said += [c.place_assumption() for c in (a, b) if c.place_assumed]
        found.append(Comparison(a, b, pa, pb, agree=gap <= 0, gap=max(gap, 0.0), higher=higher, assumptions=tuple(said)))
    return found
