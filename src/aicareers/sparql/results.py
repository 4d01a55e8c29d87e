r'''SPARQL 1.1 Query Results in CSV and TSV, which rdflib does not write (TSV) or writes its own way.

Shared by the ``query`` command and the endpoint, so both answer byte for byte alike.

>>> from rdflib import Literal, URIRef, Variable
>>> rows = [{Variable("x"): URIRef("urn:a"), Variable("y"): Literal('dit "oui"', lang="fr")}]
>>> print(tsv_text([Variable("x"), Variable("y")], rows).replace("\t", " | "), end="")
?x | ?y
<urn:a> | "dit \"oui\""@fr
>>> csv_text([Variable("x"), Variable("y")], rows)
'x,y\r\nurn:a,"dit ""oui"""\r\n'
'''

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from rdflib import BNode, URIRef
from rdflib.namespace import XSD


def csv_term(term) -> str:
    """A term as in SPARQL CSV results: its lexical form (blank nodes as ``_:label``)."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def tsv_term(term) -> str:
    """A term as in SPARQL TSV results: IRIs in ``<>``, literals in Turtle syntax."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    lexical = (
        str(term).replace("\\", "\\\\").replace('"', '\\"')
        .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )  # fmt: skip
    if getattr(term, "language", None):
        return f'"{lexical}"@{term.language}'
    datatype = getattr(term, "datatype", None)
    if datatype is not None and datatype != XSD.string:
        return f'"{lexical}"^^<{datatype}>'
    return f'"{lexical}"'


def csv_text(variables: Sequence, rows: Sequence[Mapping]) -> str:
    """SPARQL 1.1 CSV results: a header of variable names, RFC 4180 quoting, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([str(v) for v in variables])
    for row in rows:
        writer.writerow([csv_term(row.get(v)) for v in variables])
    return out.getvalue()


def tsv_text(variables: Sequence, rows: Sequence[Mapping]) -> str:
    """SPARQL 1.1 TSV results: a header of ``?var``, terms in SPARQL syntax, LF line ends."""
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join(tsv_term(row.get(v)) for v in variables) for row in rows]
    return "\n".join(lines) + "\n"
