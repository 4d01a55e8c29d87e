"""Comparable answers: equal RDF terms compare equal whatever engine wrote them."""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Literal

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {XSD + t for t in (
    "integer", "positiveInteger", "nonNegativeInteger", "negativeInteger", "nonPositiveInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
)}


def _canonical(term, separator: str | None = None):
    """A comparable, hashable form of a term: equal terms (58000.50 and 58000.5) compare equal."""
    if term is None:
        return ("unbound",)
    if isinstance(term, Literal):
        datatype = str(term.datatype or "")
        if datatype in INTEGER_TYPES:
            datatype = XSD + "integer"
        value = term.value
        if isinstance(value, Decimal):
            lexical = format(value.normalize(), "f")
        elif value is not None and term.datatype is not None and not isinstance(value, str):
            lexical = repr(value)
        else:
            lexical = str(term)
        if separator is not None:  # GROUP_CONCAT: the order of the parts is the engine's
            lexical = separator.join(sorted(lexical.split(separator)))
        return ("literal", lexical, datatype, (term.language or "").lower())
    return (type(term).__name__, str(term))


def _group_concat_separators(text: str) -> dict[str, str]:
    """Variables bound to a GROUP_CONCAT (``(GROUP_CONCAT(...) AS ?v)``), with each separator."""
    found = {}
    for match in re.finditer(r"GROUP_CONCAT\s*\(", text, re.I):
        depth, end = 0, match.end() - 1
        for end in range(match.end() - 1, len(text)):
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            if depth == 0:
                break
        inside = text[match.end():end]
        alias = re.match(r"\s*\)?\s*AS\s*[?$](\w+)", text[end + 1:], re.I)
        if alias:
            separator = re.search(r"separator\s*=\s*(['\"])(.*?)\1", inside, re.I)
            found[alias.group(1)] = separator.group(2) if separator else " "
    return found


def answers(result, query_text: str) -> list[tuple]:
    separators = _group_concat_separators(query_text)
    names = [str(v) for v in result.vars]
    return [
        tuple(_canonical(term, separators.get(name)) for name, term in zip(names, row))
        for row in result
    ]
