"""Literals written one way everywhere, so that every output holds the same term.

>>> decimal_literal(Decimal("80000.00")), decimal_literal(Decimal("2"))
(rdflib.term.Literal('80000.0', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal')), rdflib.term.Literal('2.0', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal')))
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Literal
from rdflib.namespace import XSD

__all__ = ["Decimal", "decimal_literal"]


def decimal_literal(number: Decimal) -> Literal:
    """An ``xsd:decimal`` in its canonical lexical form ("80000.0"), which Turtle writes too."""
    text = format(number.normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)
