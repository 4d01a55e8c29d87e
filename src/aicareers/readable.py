"""Values as people write them, for tables and pages: durations (``P3Y`` -> "3 years", "3 ans").

Amounts are :func:`aicareers.annual_gross.money`'s (the project's one way to write money); this
module writes the ISO 8601 durations the facts give (``schema:timeToComplete``, ``xsd:duration``).
csv, tsv and json answers keep the lexical form: only what people read is rewritten.
"""

from __future__ import annotations

import re

__all__ = ["duration_text", "XSD_DURATION"]

XSD_DURATION = "http://www.w3.org/2001/XMLSchema#duration"

_ISO = re.compile(r"^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?"
                  r"(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?"
                  r"(?:(\d+(?:[.,]\d+)?)S)?)?$")
_UNITS = {
    "en": [("year", "years"), ("month", "months"), ("week", "weeks"), ("day", "days"),
           ("hour", "hours"), ("minute", "minutes"), ("second", "seconds")],
    "fr": [("an", "ans"), ("mois", "mois"), ("semaine", "semaines"), ("jour", "jours"),
           ("heure", "heures"), ("minute", "minutes"), ("seconde", "secondes")],
}
_AND = {"en": " and ", "fr": " et "}


def duration_text(iso: str, lang: str = "en") -> str:
    """An ISO 8601 duration in words; text that is no such duration comes back as it is.

    >>> duration_text("P3Y"), duration_text("P3Y", "fr")
    ('3 years', '3 ans')
    >>> duration_text("P1Y6M"), duration_text("P1Y6M", "fr"), duration_text("PT1H30M")
    ('1 year and 6 months', '1 an et 6 mois', '1 hour and 30 minutes')
    >>> duration_text("P1,5Y", "fr"), duration_text("P0.5Y"), duration_text("three years")
    ('1,5 an', '0.5 year', 'three years')
    """
    found = _ISO.match(iso.strip())
    if not found:
        return iso
    units = _UNITS.get(lang, _UNITS["en"])
    words = []
    for number, (one, many) in zip(found.groups(), units):
        if number is None:
            continue
        value = float(number.replace(",", "."))
        shown = number.replace(".", ",") if lang == "fr" else number.replace(",", ".")
        words.append(f"{shown} {one if value <= 1 or (lang == 'fr' and value < 2) else many}")
    if not words:
        return iso
    joiner = _AND.get(lang, _AND["en"])
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + joiner + words[-1]
