"""Looking at SPARQL text without parsing it: its form, its opaque parts, escapes, SERVICE, FROM.

The endpoint decides a few things before any parser sees a query (refuse an update or a
federated query, honour a dataset clause on both stores), so these checks read the text itself.
SPARQL processes *codepoint escapes* (``\\u0053`` is ``S``) before its grammar (SPARQL 1.1,
section 19.2), anywhere in a query: every check here looks at the text with its escapes
decoded as well as at the text as sent, so that ``\\u0053ERVICE`` is seen as ``SERVICE``.

>>> uses_service("SELECT * { \\\\u0053ERVICE <http://x/> { ?s ?p ?o } }")
True
>>> has_dataset_clause("SELECT * FROM <urn:x:g> { ?s ?p ?o }"), has_dataset_clause("ASK { }")
(True, False)
"""

from __future__ import annotations

import re

__all__ = [
    "query_form", "blank_opaque", "decode_escapes", "uses_service", "has_dataset_clause", "shorten",
]

_IGNORABLE = re.compile(r"(?:\s+|#[^\n\r]*)+")
_PREFIX_DECL = re.compile(r"(?i:PREFIX)\s*[^\s:<]*:\s*<[^>]*>")
_BASE_DECL = re.compile(r"(?i:BASE)\s*<[^>]*>")
_KEYWORD = re.compile(r"[A-Za-z]+")
#: Strings, IRIs and comments: blanked out before looking for keywords.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n\r]*",
    re.S,
)
_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.I)
_FROM = re.compile(r"(?<![\w?$:.\-])FROM(?![\w:\-])", re.I)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def query_form(text: str) -> str | None:
    """The first keyword after the prologue (``PREFIX``/``BASE`` and comments), upper-cased.

    >>> query_form("# roles\\nPREFIX aic: <https://w3id.org/ai-careers/ontology#>\\nselect * {}")
    'SELECT'
    >>> query_form("BASE <http://x/> PREFIX : <#> INSERT DATA { <a> <b> <c> }")
    'INSERT'
    >>> query_form("\\\\u0049NSERT DATA { <a> <b> <c> }")
    'INSERT'
    >>> query_form("{ nothing }") is None
    True
    """
    text = decode_escapes(text)
    position = 0
    while True:
        for pattern in (_IGNORABLE, _PREFIX_DECL, _BASE_DECL):
            match = pattern.match(text, position)
            if match and match.end() > position:
                position = match.end()
                break
        else:
            match = _KEYWORD.match(text, position)
            return match.group(0).upper() if match else None


def blank_opaque(text: str) -> str:
    """``text`` with its strings, IRIs and comments replaced by a space: what is left is syntax.

    >>> blank_opaque('SELECT ?x { ?x <http://x/#y> "a # b" } # done')
    'SELECT ?x { ?x     }  '
    """
    return _OPAQUE.sub(" ", text)


def decode_escapes(text: str) -> str:
    """``text`` with SPARQL's codepoint escapes (``\\uXXXX``, ``\\UXXXXXXXX``) decoded.

    An escape that names no character (a surrogate, past U+10FFFF) is left as written.

    >>> decode_escapes("\\\\u0053ERVICE \\\\U0001F600 \\\\uD800")
    'SERVICE 😀 \\\\uD800'
    """

    def char(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return match.group(0)
        return chr(code)

    return _ESCAPE.sub(char, text) if "\\" in text else text


def _keyword_in(pattern: re.Pattern, text: str) -> bool:
    # the text as sent and as SPARQL reads it (escapes decoded): a keyword hidden in either counts
    return any(pattern.search(blank_opaque(variant)) for variant in {text, decode_escapes(text)})


def uses_service(text: str) -> bool:
    """Whether a query has a ``SERVICE`` clause (outside strings, IRIs and comments).

    >>> uses_service("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service <http://x/SERVICE> "SERVICE" } # SERVICE')
    False
    """
    return _keyword_in(_SERVICE, text)


def has_dataset_clause(text: str) -> bool:
    """Whether a query names its dataset (``FROM`` or ``FROM NAMED``, outside strings and IRIs).

    ``FROM`` is a keyword of dataset clauses only, so finding it in the syntax is enough.

    >>> has_dataset_clause('SELECT * FROM NAMED <urn:x:g> { GRAPH ?g { ?s ?p "FROM" } }')
    True
    >>> has_dataset_clause("SELECT ?from { ?from <urn:x:FROM> ?o } # FROM <urn:x:g>")
    False
    """
    return _keyword_in(_FROM, text)


def shorten(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters (with how much was left out), for echoing user input.

    >>> shorten("x" * 1000, 10)
    'xxxxxxxxxx… (1000 characters)'
    >>> shorten("short")
    'short'
    """
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"
