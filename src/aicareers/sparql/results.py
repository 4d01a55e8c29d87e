r'''SPARQL 1.1 Query Results in CSV and TSV, which rdflib does not write (TSV) or writes its own way.

Shared by the ``query`` command and the endpoint, so both answer byte for byte alike. A term is
an rdflib term or a pyoxigraph one (the command line answers from the cache with pyoxigraph
alone), read through :func:`term_parts`; this module imports neither library.

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

from typing import NamedTuple

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class Parts(NamedTuple):
    """What the results formats need of a term: its kind (``uri``, ``bnode`` or ``literal``), its
    text (the IRI, the blank node's label, the lexical form), and a literal's language, or its
    datatype when it is neither language-tagged nor ``xsd:string`` (else None)."""

    kind: str
    text: str
    language: str | None = None
    datatype: str | None = None


def term_parts(term) -> Parts | None:
    """The :class:`Parts` of an rdflib or a pyoxigraph term (None stays None).

    >>> from rdflib import Literal
    >>> from rdflib.namespace import XSD
    >>> term_parts(Literal("7", datatype=XSD.integer))
    Parts(kind='literal', text='7', language=None, datatype='http://www.w3.org/2001/XMLSchema#integer')
    >>> import pyoxigraph
    >>> term_parts(pyoxigraph.Literal("Patience", language="en")) == term_parts(Literal("Patience", lang="en"))
    True
    """
    if term is None or isinstance(term, Parts):
        return term
    kind = type(term).__name__
    if type(term).__module__.startswith("pyoxigraph"):
        if kind == "NamedNode":
            return Parts("uri", term.value)
        if kind == "BlankNode":
            return Parts("bnode", term.value)
        datatype = term.datatype.value
        return Parts("literal", term.value, term.language,
                     None if term.language or datatype in (XSD_STRING, RDF_LANG_STRING) else datatype)
    from rdflib import BNode, URIRef  # loaded already: the term is rdflib's

    if isinstance(term, URIRef):
        return Parts("uri", str(term))
    if isinstance(term, BNode):
        return Parts("bnode", str(term))
    language = getattr(term, "language", None) or None
    datatype = getattr(term, "datatype", None)
    return Parts("literal", str(term), language,
                 None if language or datatype is None or str(datatype) == XSD_STRING else str(datatype))


def csv_term(term) -> str:
    """A term as in SPARQL CSV results: its lexical form (blank nodes as ``_:label``)."""
    parts = term_parts(term)
    if parts is None:
        return ""
    return f"_:{parts.text}" if parts.kind == "bnode" else parts.text


def tsv_term(term) -> str:
    """A term as in SPARQL TSV results: IRIs in ``<>``, literals in Turtle syntax."""
    parts = term_parts(term)
    if parts is None:
        return ""
    if parts.kind == "uri":
        return f"<{parts.text}>"
    if parts.kind == "bnode":
        return f"_:{parts.text}"
    lexical = (
        parts.text.replace("\\", "\\\\").replace('"', '\\"')
        .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )  # fmt: skip
    if parts.language:
        return f'"{lexical}"@{parts.language}'
    if parts.datatype is not None:
        return f'"{lexical}"^^<{parts.datatype}>'
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
