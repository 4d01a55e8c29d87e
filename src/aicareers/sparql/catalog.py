"""The catalogue of questions (``queries/*.rq``): read it, bind its parameters safely, run, print.

Each file of ``queries/`` is one question in SPARQL, without ``PREFIX`` declarations (the project's
prefixes, :data:`aicareers.namespaces.PREFIXES`, are known to every query), and with a header of
comment lines that says what it asks and which parameters it takes::

    # Question: Which skills does a role need?
    # Question (fr): Quelles compétences un rôle demande-t-il ?
    # Param: role: role = prompt-engineer
    SELECT ?skill WHERE { ?role aic:requiresSkill ?skill }

A parameter names a variable of the query (``role`` is ``?role``), a kind (``role``, ``skill``,
``topic``, ``source`` or ``text``) and an optional default. A user gives a name -- an English or
French label, matched without regard to case or accents, the id (``prompt-engineer``) or the IRI
-- and :func:`resolve` turns it into the entity's IRI; a ``text`` parameter is bound to a plain
literal. A parameter left unset takes its default; without a default the variable stays free.

>>> q = parse_query_text(
...     "# Question: Which roles?\\n# Question (fr): Quels rôles ?\\n# Param: role: role\\n"
...     "SELECT ?label WHERE { ?role a aic:Role ; skos:prefLabel ?label }", name="demo")
>>> q.question_fr, q.params
('Quels rôles ?', [Param(var='role', kind='role', default=None)])

Binding never puts user text into the query: the names are resolved to IRIs by comparing them,
in Python, with the labels of the graph, and the resulting terms go in through rdflib's
``initBindings`` (the rdflib store) or as a ``VALUES`` block written from the terms' N-Triples
form (Oxigraph, remote endpoints):

>>> from rdflib import Literal
>>> inject_values("SELECT * WHERE { ?s ?p ?q }", {"q": Literal('"} ; DROP ALL #')})
'SELECT * WHERE { VALUES ?q { "\\\\"} ; DROP ALL #" } ?s ?p ?q }'
"""

from __future__ import annotations

import difflib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from aicareers import names as _names
from aicareers import paths
from aicareers.errors import AiCareersError, InputError
from aicareers.prefixes import PREFIXES, sparql_prologue
from aicareers.readable import XSD_DURATION, duration_text
from aicareers.sparql.limits import (MAX_NESTING, cause_of_death, deep_recursion, limit_memory, memory_message,
                                     nesting_depth)
from aicareers.sparql.results import Parts, csv_text, term_parts, tsv_text

if TYPE_CHECKING:  # rdflib is imported where it is used: reading the catalogue, and answering
    # from the cache (aicareers.sparql.direct), need none of it.
    from rdflib.query import Result
    from rdflib.term import Node, URIRef

__all__ = [
    "PARAM_KINDS",
    "KIND_CLASSES",
    "FORMATS",
    "Param",
    "Query",
    "UnknownNameError",
    "AmbiguousNameError",
    "UnknownQueryError",
    "QueryParameterError",
    "QuerySyntaxError",
    "QueryTimeoutError",
    "QueryMemoryError",
    "QueryTooDeepError",
    "parse_query_text",
    "parse_query_file",
    "load_catalog",
    "find_query",
    "normalize_name",
    "LANGUAGES",
    "in_language",
    "resolve",
    "bind_parameters",
    "inject_values",
    "run_query",
    "format_result",
    "format_rows",
    "format_boolean",
    "shorten_iri",
]

#: The kinds a parameter may have: an entity of a class (see :data:`KIND_CLASSES`) or ``text``.
PARAM_KINDS: tuple[str, ...] = ("role", "skill", "topic", "source", "text")

#: The classes (IRIs) whose instances, or instances of their subclasses, a parameter of each kind names.
KIND_CLASSES: dict[str, tuple[str, ...]] = {
    "role": (PREFIXES["aic"] + "Role",),
    "skill": (PREFIXES["aic"] + "Skill", PREFIXES["esco"] + "Skill"),
    "topic": (PREFIXES["aic"] + "Topic",),
    "source": (PREFIXES["aic"] + "Source",),
}

#: Output formats of :func:`format_result`, the default first.
FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_VARNAME = r"[A-Za-z_][A-Za-z0-9_]*"


# ------------------------------------------------------------------------------------ errors


_echo = _names._echo


# The name errors are the one resolver's (:mod:`aicareers.names`); imported here under their old home.
UnknownNameError = _names.UnknownNameError
AmbiguousNameError = _names.AmbiguousNameError


class UnknownQueryError(AiCareersError):
    """No query of the catalogue has that name; the message suggests close names."""

    exit_status = 2

    def __init__(self, name: str, suggestions: Iterable[str] = ()):
        self.name, self.suggestions = name, list(suggestions)
        message = f"unknown query {_echo(name)}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        message += " (`aicareers query --list` lists them)"
        super().__init__(message)


class QueryParameterError(AiCareersError):
    """A parameter the query does not declare, or one that cannot be bound."""

    exit_status = 2


class QuerySyntaxError(AiCareersError):
    """The SPARQL text is malformed; ``line`` and ``column`` (1-based) count in the query's text."""

    exit_status = 2

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 source_line: str | None = None):
        self.message, self.line, self.column, self.source_line = message, line, column, source_line
        text = "malformed SPARQL query"
        if line is not None:
            text += f" at line {line}, column {column}"
        text += f": {message}"
        if source_line is not None and source_line.strip():
            text += f" (line {line}: {source_line.strip()!r})"
        super().__init__(text)

    def __reduce__(self):
        return (type(self), (self.message, self.line, self.column, self.source_line))


class QueryTimeoutError(AiCareersError):
    """The query ran past its time limit and was stopped."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(
            f"query stopped after {seconds:g} s (its time limit); "
            "make it more selective, add a LIMIT, or allow more time with --timeout"
        )

    def __reduce__(self):
        return (type(self), (self.seconds,))


class QueryMemoryError(AiCareersError):
    """The query needed more memory than its limit (or its process died of another cause)."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(f"{reason}; make it more selective, add a LIMIT, or allow more with --max-memory")

    def __reduce__(self):
        return (type(self), (self.reason,))


# ------------------------------------------------------------------------------ the catalogue


@dataclass(frozen=True)
class Param:
    """A parameter of a query: the variable it binds (without ``?``), its kind, its default."""

    var: str
    kind: str
    default: str | None = None


@dataclass(frozen=True)
class Query:
    """One question of the catalogue (or any query text with the same header)."""

    name: str
    path: Path | None
    question_en: str | None
    question_fr: str | None
    params: list[Param] = field(default_factory=list)
    text: str = ""
    #: What an answer without rows says, by language (``# Empty:``, ``# Empty (fr):``): a template
    #: with ``{<var>}`` for each parameter's label and ``{known}`` for what the sources do cover.
    empty: dict[str, str] = field(default_factory=dict)

    def param(self, var: str) -> Param | None:
        """The parameter of variable ``var`` (``?`` or ``$`` allowed), or None."""
        var = var.lstrip("?$")
        return next((p for p in self.params if p.var == var), None)


_HEADER_QUESTION = re.compile(r"#\s*question\s*(?:\((?P<lang>[^)]*)\))?\s*:(?P<text>.*)$", re.I)
_HEADER_PARAM = re.compile(r"#\s*param\s*:(?P<spec>.*)$", re.I)
_HEADER_EMPTY = re.compile(r"#\s*empty\s*(?:\((?P<lang>[^)]*)\))?\s*:(?P<text>.*)$", re.I)
_HEADER_DIRECTIVE = re.compile(r"#\s*(question|param|empty)\b", re.I)
_PARAM_SPEC = re.compile(
    rf"\s*[?$]?(?P<var>{_VARNAME})\s*:\s*(?P<kind>[A-Za-z]+)\s*(?:=\s*(?P<default>.*?))?\s*$"
)

#: Strings, IRIs and comments of SPARQL text: blanked out before looking at its syntax.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|$)'
    r"|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)"
    r'|"(?:[^"\\\n\r]|\\.)*"?'
    r"|'(?:[^'\\\n\r]|\\.)*'?"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n\r]*",
    re.S,
)


def _mask(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked out (same length, same line breaks).

    >>> _mask('SELECT ?x { ?x <urn:x> "a { b" } # }')
    'SELECT ?x { ?x         "     " }    '
    """

    def blank(match: re.Match) -> str:
        body = match.group(0)
        if body[0] in "\"'":  # keep the quotes, so that the masked text still reads as a term
            quote = body[0]
            width = 3 if body.startswith(quote * 3) else 1
            closed = len(body) >= 2 * width and body.endswith(quote * width)
            inner = body[1:-1] if closed else body[1:]
            return quote + re.sub(r"[^\n\r]", " ", inner) + (quote if closed else "")
        return re.sub(r"[^\n\r]", " ", body)

    return _OPAQUE.sub(blank, text)


def parse_query_text(
    text: str,
    *,
    name: str = "<stdin>",
    path: Path | str | None = None,
    require_question: bool = False,
) -> Query:
    """A :class:`Query` from SPARQL text with an optional header; InputError names the bad line.

    With ``require_question`` (catalogue files), both ``# Question:`` and ``# Question (fr):``
    must be there.

    >>> parse_query_text("# Param: role: job\\nSELECT * { ?role ?p ?o }", name="x")
    Traceback (most recent call last):
    ...
    aicareers.errors.InputError: x: line 1: unknown parameter kind 'job' (kinds: role, skill, topic, source, text)
    """
    where = str(path) if path is not None else name
    question_en = question_fr = None
    params: list[Param] = []
    empty: dict[str, str] = {}
    body_start = None
    lines = text.splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()

        def fail(message: str) -> InputError:
            return InputError(where, None, None, f"line {number}: {message}")  # noqa: B023

        if not line:
            continue
        if not line.startswith("#"):
            body_start = number
            break
        if not _HEADER_DIRECTIVE.match(line):
            continue  # a free comment
        question = _HEADER_QUESTION.match(line)
        param = _HEADER_PARAM.match(line)
        empty_line = _HEADER_EMPTY.match(line)
        if empty_line:
            lang = (empty_line.group("lang") or "en").strip().lower()
            if lang not in ("en", "fr"):
                raise fail(f"empty-answer notes are in English ('# Empty:') or French ('# Empty (fr):'), not {lang!r}")
            if lang in empty:
                raise fail(f"a second '# Empty{' (fr)' if lang == 'fr' else ''}:' line")
            if not empty_line.group("text").strip():
                raise fail("the empty-answer note is empty")
            empty[lang] = empty_line.group("text").strip()
        elif question:
            lang = (question.group("lang") or "").strip().lower()
            words = question.group("text").strip()
            if lang not in ("", "en", "fr"):
                raise fail(f"questions are in English ('# Question:') or French "
                           f"('# Question (fr):'), not {lang!r}")
            if not words:
                raise fail("the question is empty")
            if lang == "fr":
                if question_fr is not None:
                    raise fail("a second '# Question (fr):' line")
                question_fr = words
            else:
                if question_en is not None:
                    raise fail("a second '# Question:' line")
                question_en = words
        elif param:
            spec = _PARAM_SPEC.match(param.group("spec"))
            if not spec:
                raise fail("malformed parameter: write '# Param: <var>: <kind> = <default>' "
                           "(the '= <default>' is optional)")
            var, kind, default = spec.group("var"), spec.group("kind"), spec.group("default")
            if kind not in PARAM_KINDS:
                raise fail(f"unknown parameter kind {kind!r} (kinds: {', '.join(PARAM_KINDS)})")
            if any(p.var == var for p in params):
                raise fail(f"a second parameter {var!r}")
            if default is not None and not default:
                raise fail(f"parameter {var!r}: '=' without a default")
            params.append(Param(var, kind, default))
        else:
            raise fail(f"malformed header line {line!r}: write '# Question: ...', "
                       "'# Question (fr): ...' or '# Param: <var>: <kind> = <default>'")
    if body_start is None:
        raise InputError(where, None, None, f"line {len(lines) or 1}: no SPARQL query after the header")
    if require_question:
        if question_en is None:
            raise InputError(where, None, None, "line 1: missing '# Question: ...' header line")
        if question_fr is None:
            raise InputError(where, None, None, "line 1: missing '# Question (fr): ...' header line")
    body = _mask("\n".join(lines[body_start - 1:]))
    for param in params:
        if not re.search(rf"[?$]{param.var}(?![A-Za-z0-9_])", body):
            number = next(
                n for n, raw in enumerate(lines, 1)
                if _HEADER_PARAM.match(raw.strip()) and re.search(rf"\b{param.var}\b", raw)
            )
            raise InputError(where, None, None,
                             f"line {number}: parameter {param.var!r}: the query has no ?{param.var}")
    return Query(name, Path(path) if path is not None else None, question_en, question_fr, params, text, empty)


def parse_query_file(path: str | Path, *, require_question: bool = True) -> Query:
    """The :class:`Query` of a ``.rq`` file, named after the file (without ``.rq``)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), None, None, "no such query file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), None, None, f"cannot read the query: {error}") from None
    name = path.name[:-3] if path.name.endswith(".rq") else path.name
    return parse_query_text(text, name=name, path=path, require_question=require_question)


def load_catalog(directory: str | Path | None = None) -> dict[str, Query]:
    """Every query of ``directory`` (default :data:`aicareers.paths.QUERIES_DIR`), by name.

    >>> catalog = load_catalog()
    >>> all(q.question_en and q.question_fr for q in catalog.values())
    True
    """
    directory = Path(directory if directory is not None else paths.QUERIES_DIR)
    if not directory.is_dir():
        raise AiCareersError(f"no query catalogue at {directory}")
    return {p.name[:-3]: parse_query_file(p) for p in sorted(directory.glob("*.rq"))}


def find_query(name: str, catalog: Mapping[str, Query]) -> Query:
    """The query of the catalogue called ``name``, or UnknownQueryError with close names.

    >>> find_query("role-skill", {"role-skills": None, "salary-claims": None})
    Traceback (most recent call last):
    ...
    aicareers.sparql.catalog.UnknownQueryError: unknown query 'role-skill'; did you mean 'role-skills'? (`aicareers query --list` lists them)
    """
    if name in catalog:
        return catalog[name]
    if name.endswith(".rq") and name[:-3] in catalog:
        return catalog[name[:-3]]
    close = difflib.get_close_matches(name, list(catalog), n=3, cutoff=0.5)
    if not close:  # a word of the name: "salary" -> salary-claims
        close = [q for q in catalog if name and name.lower() in q.lower()][:3]
    raise UnknownQueryError(name, close)


# ------------------------------------------------------------------------------ languages

#: The languages of the catalogue's labels (``aicareers query --lang``), the default first.
LANGUAGES: tuple[str, ...] = ("en", "fr")

#: A catalogue query's choice of an English label: ``lang(?label) = "en"``.
_ENGLISH_FILTER = re.compile(r'(lang\(\s*[?$](?P<var>\w+)\s*\)\s*=\s*)"en"')


def in_language(query: Query, lang: str) -> Query:
    """``query`` with its labels, definitions and statements in ``lang`` (``en`` or ``fr``).

    The catalogue's queries pick their English labels with ``lang(?x) = "en"``; for ``fr`` those
    tests ask for French. A variable whose name ends in ``En`` is English on purpose (a column
    beside its French one) and is left alone, as are the queries' other language tests.

    >>> q = parse_query_text('SELECT * { ?a ?b ?label , ?labelEn FILTER (lang(?label) = "en" && lang(?labelEn) = "en") }')
    >>> in_language(q, "fr").text
    'SELECT * { ?a ?b ?label , ?labelEn FILTER (lang(?label) = "fr" && lang(?labelEn) = "en") }'
    """
    if lang not in LANGUAGES:
        raise QueryParameterError(f"unknown language {lang!r} (languages: {', '.join(LANGUAGES)})")
    if lang == "en":
        return query

    def swap(match: re.Match) -> str:
        return match.group(0) if match.group("var").endswith("En") else f'{match.group(1)}"{lang}"'

    from dataclasses import replace

    return replace(query, text=_ENGLISH_FILTER.sub(swap, query.text))


# --------------------------------------------------------------------------------- names


normalize_name = _names.normalize_name


_local_name = _names.local_name


def _entity_query(kind: str) -> str:
    classes = " ".join(f"<{c}>" for c in KIND_CLASSES[kind])
    return f"""SELECT DISTINCT ?entity ?label ?rank WHERE {{
  VALUES ?class {{ {classes} }}
  ?entity a ?type . ?type rdfs:subClassOf* ?class .
  FILTER (isIRI(?entity))
  OPTIONAL {{
    VALUES (?property ?order) {{ (skos:prefLabel 0) (rdfs:label 2) (skos:altLabel 4) }}
    ?entity ?property ?label .
    FILTER (isLiteral(?label) && (lang(?label) = "" || langMatches(lang(?label), "en")
                                  || langMatches(lang(?label), "fr")))
    BIND (?order + IF(langMatches(lang(?label), "fr"), 1, 0) AS ?rank)
  }}
}}"""


def _check_kind(kind: str) -> None:
    if kind not in KIND_CLASSES:
        raise QueryParameterError(
            f"parameters of kind {kind!r} are not entities (kinds: {', '.join(KIND_CLASSES)})"
        )


def collect_entities(rows: Iterable[tuple]) -> dict[str, list[str]]:
    """Entity IRI -> its labels, from the rows (entity, label[, rank]) of :func:`_entity_query`, each
    term an rdflib or a pyoxigraph one; an entity that is no IRI is left out. The labels come in the
    order of their rank (preferred labels, English first, then ``rdfs:label``, then alternative
    labels), the order in which the analytics give theirs, so that both show the same names."""
    ranked: dict[str, dict[str, tuple[int, str]]] = {}
    for row in rows:
        entity, label = term_parts(row[0]), term_parts(row[1])
        rank = term_parts(row[2]) if len(row) > 2 else None
        if entity is None or entity.kind != "uri":
            continue
        labels = ranked.setdefault(entity.text, {})
        if label is not None:
            key = (int(rank.text) if rank is not None else 9, label.text)
            labels[label.text] = min(labels.get(label.text, key), key)
    return {entity: sorted(labels, key=labels.__getitem__) for entity, labels in ranked.items()}


def _entities(graph, kind: str, endpoint: str | None = None) -> dict[str, list[str]]:
    """Every entity of ``kind`` (by IRI) with its English, French and untagged labels."""
    _check_kind(kind)
    query = _entity_query(kind)
    if endpoint is not None:
        from aicareers.sparql.remote import query_remote

        result = query_remote(endpoint, sparql_prologue() + query)
    elif graph is None:
        raise AiCareersError("no data to resolve names in: give a dataset or an endpoint")
    else:
        result = graph.query(query, initNs=PREFIXES)
    return collect_entities(tuple(row) for row in result)


def resolve(graph, kind: str, name: str, *, endpoint: str | None = None) -> URIRef:
    """The IRI of the entity of ``kind`` that ``name`` names.

    ``name`` is compared, without regard to case, accents or extra spaces, with the entity's
    ``skos:prefLabel``, ``skos:altLabel`` and ``rdfs:label`` (English, French or untagged) and its
    id (the IRI's last segment, e.g. ``prompt-engineer``); a full IRI or a prefixed name
    (``role:prompt-engineer``) is accepted too. The entity is one of ``graph`` (a Dataset or
    Graph of either backend) or, with ``endpoint``, of a remote SPARQL endpoint.

    Raises :class:`UnknownNameError` (with close names) or :class:`AmbiguousNameError`.
    """
    from rdflib import URIRef

    return URIRef(choose_entity(_entities(graph, kind, endpoint), kind, name))


def choose_entity(entities: Mapping[str, list[str]], kind: str, name: str) -> str:
    """The IRI, among ``entities`` (IRI -> labels), that ``name`` names: the one resolver's rules
    (:func:`aicareers.names.resolve_name`), the same as the analytics'.

    >>> choose_entity({"https://w3id.org/ai-careers/id/role/x": ["Écrivain"]}, "role", "ecrivain")
    'https://w3id.org/ai-careers/id/role/x'
    """
    return _names.resolve_name(entities, kind, name)


# ------------------------------------------------------------------------------- binding


def bind_parameters(
    graph,
    query: Query,
    bindings: Mapping[str, str] | None = None,
    *,
    endpoint: str | None = None,
) -> dict[str, Node]:
    """The RDF term of each parameter of ``query``: given (``bindings``: var -> name) or default.

    Entity names go through :func:`resolve`; ``text`` values become plain literals. A parameter
    neither given nor defaulted is left out (its variable stays free).
    """
    from rdflib import Literal

    terms: dict[str, Node] = {}
    for param, value in parameter_values(query, bindings):
        if param.kind == "text":
            terms[param.var] = Literal(value)
        else:
            terms[param.var] = resolve(graph, param.kind, value, endpoint=endpoint)
    return terms


def parameter_values(query: Query, bindings: Mapping[str, str] | None = None) -> list[tuple[Param, str]]:
    """Each parameter of ``query`` with its value: given (``bindings``: var -> name) or its default.

    >>> q = parse_query_text("# Param: role: role = writer\\nSELECT * { ?role ?p ?o }")
    >>> parameter_values(q), parameter_values(q, {"?role": "editor"})
    ([(Param(var='role', kind='role', default='writer'), 'writer')], [(Param(var='role', kind='role', default='writer'), 'editor')])
    """
    bindings = dict(bindings or {})
    for var in bindings:
        if query.param(var) is None:
            declared = ", ".join(p.var for p in query.params) or "none"
            raise QueryParameterError(
                f"query {query.name!r} has no parameter {var.lstrip('?$')!r} (its parameters: {declared})"
            )
    given = {k.lstrip("?$"): v for k, v in bindings.items()}
    values = []
    for param in query.params:
        value = given.get(param.var, param.default)
        if value is not None:
            values.append((param, str(value)))
    return values


def _literal_n3(text: str) -> str:
    """A plain literal in SPARQL, quotes, backslashes and line breaks escaped."""
    escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return _no_codepoint_escape(f'"{escaped}"')


#: An escaped backslash followed by ``u`` or ``U`` in a literal's SPARQL form.
_BACKSLASH_U = re.compile(r"(?<=\\\\)([uU])")


def _no_codepoint_escape(n3: str) -> str:
    r"""``n3`` (a literal's SPARQL form) with the ``u`` or ``U`` after an escaped backslash written
    as a codepoint escape itself.

    SPARQL expands codepoint escapes (\uXXXX) before it parses, wherever they stand (rdflib
    does), so the text \u0022 sent as "\\u0022" came back as a quote; Oxigraph reads that
    literal as the text. Written "\\\U000000750022", both read the text (the eight-digit form:
    rdflib reads up to eight hex digits after \u, which the text's own digits would extend).

    >>> print(_no_codepoint_escape(r'"back\\slash \\u0022"'))
    "back\\slash \\\U000000750022"
    """
    return _BACKSLASH_U.sub(lambda m: "\\U00000075" if m.group(1) == "u" else "\\U00000055", n3)


def _term_n3(term) -> str:
    """The SPARQL form of a bound term (rdflib's, or :class:`Parts`); refuses anything that could
    not be one term.

    >>> print(_term_n3(Parts("literal", 'dit "oui"')), _term_n3(Parts("uri", "urn:x:a")))
    "dit \\"oui\\"" <urn:x:a>
    """
    parts = term_parts(term)
    if parts is not None and parts.kind == "uri":
        if re.search(r"[<>\"{}|^`\\\x00-\x20]", parts.text):
            raise QueryParameterError(f"cannot bind the IRI {parts.text!r}: it has forbidden characters")
        return f"<{parts.text}>"
    if parts is not None and parts.kind == "literal":
        if parts.language is not None and not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", parts.language):
            raise QueryParameterError(f"cannot bind a literal of language tag {parts.language!r}")
        if parts.datatype is not None:
            _term_n3(Parts("uri", parts.datatype))
        if isinstance(term, Parts):
            if parts.language or parts.datatype:
                raise QueryParameterError("only plain literals are bound from text")
            return _literal_n3(parts.text)
        return _no_codepoint_escape(term.n3())  # rdflib's form: quotes, backslashes, line breaks escaped
    raise QueryParameterError(f"cannot bind {term!r}: only IRIs and literals")


_FORM = re.compile(r"(?<![\w?$:])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:])", re.I)
_WHERE = re.compile(r"(?<![\w?$:])WHERE(?![\w:])", re.I)
#: What comes before the ``{`` of a VALUES data block (which is no group pattern).
_VALUES_HEAD = re.compile(r"(?<![\w?$:])VALUES\s*(?:[?$]\w+|\((?:\s*[?$]\w+)*\s*\))\s*$", re.I)
_SUBSELECT = re.compile(r"\s*SELECT(?![\w:])", re.I)


def _closing(masked: str, index: int) -> int:
    """The index of the ``}`` that closes the ``{`` at ``index`` (or the end of the text)."""
    depth = 0
    for position in range(index, len(masked)):
        if masked[position] == "{":
            depth += 1
        elif masked[position] == "}":
            depth -= 1
            if depth == 0:
                return position
    return len(masked)


def _groups(text: str) -> list[tuple[int, int]]:
    """(open, close) of every group graph pattern of the query's WHERE clause, outermost first.

    The CONSTRUCT template, VALUES data blocks and the braces around a sub-query are left out.

    >>> t = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o OPTIONAL { VALUES ?x { 1 } } }"
    >>> [t[a:b + 1] for a, b in _groups(t)]
    ['{ ?s ?p ?o OPTIONAL { VALUES ?x { 1 } } }', '{ VALUES ?x { 1 } }']
    """
    masked = _mask(text)
    form = _FORM.search(masked)
    if not form:
        return []
    index = masked.find("{", form.end())
    if form.group(1).upper() == "CONSTRUCT" and index >= 0 and not _WHERE.search(masked, form.end(), index):
        index = masked.find("{", _closing(masked, index) + 1)  # past the template
    if index < 0:
        return []
    end = _closing(masked, index)
    groups = []
    for position in range(index, end):
        if masked[position] != "{":
            continue
        if _VALUES_HEAD.search(masked, max(0, position - 300), position):
            continue
        if _SUBSELECT.match(masked, position + 1):
            continue
        groups.append((position, _closing(masked, position)))
    return groups


def _injections(text: str, terms: Mapping[str, Node]) -> list[tuple[int, str]]:
    """(index after a group's ``{``, VALUES block) for each group where a bound variable occurs."""
    if not terms:
        return []
    groups = _groups(text)
    if not groups:
        raise QueryParameterError("cannot bind parameters: the query has no WHERE pattern")
    masked = _mask(text)
    values = {var: f" VALUES ?{var} {{ {_term_n3(term)} }}" for var, term in terms.items()}
    found = []
    for number, (start, end) in enumerate(groups):
        block = "".join(
            values[var] for var in terms
            if number == 0 or re.search(rf"[?$]{re.escape(var)}(?![A-Za-z0-9_])", masked[start:end])
        )
        if block:
            found.append((start + 1, block))
    return found


def inject_values(text: str, terms: Mapping[str, Node]) -> str:
    """``text`` with each parameter bound by ``VALUES ?var { term }`` blocks.

    A block opens the WHERE pattern, and every group inside it where the variable occurs (a
    ``UNION`` branch, an ``OPTIONAL``...), so that the variable has its value everywhere, as if
    substituted (which is what rdflib's ``initBindings`` does): ``{ BIND (?role AS ?x) }`` sees it.
    Blocks are written on the line of their ``{``, so that line numbers do not move; each term is
    written from its ``.n3()`` form, which escapes what a literal holds.

    >>> from aicareers.namespaces import ROLE
    >>> print(inject_values("CONSTRUCT { ?r a ?c }\\nWHERE { ?r a ?c { BIND (?r AS ?x) } }",
    ...                     {"r": ROLE["x"]}))
    CONSTRUCT { ?r a ?c }
    WHERE { VALUES ?r { <https://w3id.org/ai-careers/id/role/x> } ?r a ?c { VALUES ?r { <https://w3id.org/ai-careers/id/role/x> } BIND (?r AS ?x) } }
    """
    for index, block in reversed(_injections(text, terms)):
        text = text[:index] + block + text[index:]
    return text


# ------------------------------------------------------------------------------- running


def _syntax_error_at(text: str, message: str, line: int | None, column: int | None,
                     shifts: Iterable[tuple[int, int, int]] = ()) -> QuerySyntaxError:
    """A QuerySyntaxError at a position of ``text``.

    The position may be one of ``text`` with VALUES blocks injected (:func:`_injected`): the
    ``shifts`` (line, column, length of each block, in the order of the text) move it back.

    >>> text = "SELECT * WHERE { ?s ?p ?o ) }"
    >>> bound, shifts = _injected(text, {"s": Parts("literal", "x")})
    >>> bound.index(")") + 1, shifts
    (45, [(1, 17, 18)])
    >>> _syntax_error_at(text, "unexpected )", 1, 45, shifts).column, text.index(")") + 1
    (27, 27)
    """
    if line is not None and column is not None:
        before = 0  # length of the blocks before the column, on that line
        for at_line, at_column, length in shifts:
            if at_line != line:
                continue
            start = at_column + before  # where the block begins in the injected text
            if column >= start + length:
                before += length
            elif column > start:  # inside a block: report its place
                column = start + length
                break
        column -= before
    lines = text.splitlines()
    if line is not None and column is not None and text.strip():
        # Past the last character (Oxigraph reports an early end there): the end of the text.
        last = len(text.rstrip().splitlines())
        if line > last or (line == last and column > len(lines[last - 1].rstrip())):
            line, column = last, len(lines[last - 1].rstrip()) + 1
    source = lines[line - 1] if line is not None and 0 < line <= len(lines) else None
    return QuerySyntaxError(" ".join(message.split()), line, column, source)


def _rdflib_syntax_error(text: str) -> QuerySyntaxError | None:
    """rdflib's parser's error on ``text`` (with line and column), or None if it parses."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(text)
    except ParseBaseException as error:
        message = re.sub(r"\s*\(at char \d+\),\s*\(line:\d+, col:\d+\)\s*$", "", str(error))
        return _syntax_error_at(text, message, error.lineno, error.col)
    except Exception:  # noqa: BLE001 - not a syntax error rdflib can place
        return None
    return None


def _prepare_rdflib(text: str):
    """rdflib's parsed and translated query; QuerySyntaxError with line and column if malformed."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        with deep_recursion():
            return prepareQuery(text, initNs=PREFIXES)
    except RecursionError:
        raise _too_deep(text) from None
    except ParseBaseException as error:
        message = re.sub(r"\s*\(at char \d+\),\s*\(line:\d+, col:\d+\)\s*$", "", str(error))
        raise _syntax_error_at(text, message, error.lineno, error.col) from None
    except Exception as error:  # noqa: BLE001 - translation errors: unknown prefix, bad projection
        message = str(error) or type(error).__name__
        unknown = re.match(r"Unknown namespace prefix\s*:\s*(\S+)", message)
        line = column = None
        if unknown:
            prefix = unknown.group(1)
            message = f"unknown prefix {prefix!r} (the project's prefixes: {', '.join(PREFIXES)})"
            found = re.search(rf"(?<![\w?$:.\-]){re.escape(prefix)}:", _mask(text))
            if found:
                line = text.count("\n", 0, found.start()) + 1
                column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise _syntax_error_at(text, message, line, column) from None


def _injected(text: str, terms: Mapping[str, Node]) -> tuple[str, list[tuple[int, int, int]]]:
    """The text with its VALUES blocks, and (line, column, length) of each block, for errors."""
    shifts = []
    for index, block in _injections(text, terms):
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        shifts.append((line, column, len(block)))
    return inject_values(text, terms), shifts


def _norm(term):
    from rdflib import Literal

    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype) == _XSD_STRING \
            and term.language is None:
        return Literal(str(term))
    return term


def _answer(result) -> tuple:
    """A picklable, complete form of a result: ("SELECT", vars, rows) / ("ASK", bool) / graph."""
    if result.type == "ASK":
        return ("ASK", bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return (result.type, [tuple(_norm(t) for t in triple) for triple in result.graph])
    from rdflib import Variable

    variables = list(result.vars or [])
    rows = []
    for binding in result.bindings:
        row = {}
        for var in variables:
            term = binding.get(var)
            if term is not None:
                row[Variable(str(var))] = _norm(term)
        rows.append(row)
    return ("SELECT", variables, rows)


def _result(answer: tuple) -> Result:
    """An rdflib :class:`Result` of an answer of :func:`_answer` (iterable more than once)."""
    from rdflib import Graph
    from rdflib.query import Result

    from aicareers.namespaces import bind_prefixes

    result = Result(answer[0])
    if answer[0] == "ASK":
        result.askAnswer = answer[1]
    elif answer[0] == "SELECT":
        result.vars = answer[1]
        result.bindings = answer[2]
    else:
        graph = bind_prefixes(Graph())
        for triple in answer[1]:
            graph.add(triple)
        result.graph = graph
    return result


@dataclass
class _Plan:
    """What to evaluate: rdflib's prepared query and its initBindings, or Oxigraph's text."""

    prepared: object | None
    terms: Mapping[str, Node]
    original: str
    text: str
    shifts: list[tuple[int, int, int]]


class QueryTooDeepError(AiCareersError):
    """A query nesting brackets deeper than the parsers can follow (valid SPARQL, refused)."""

    exit_status = 2


def _too_deep(text: str) -> QueryTooDeepError:
    return QueryTooDeepError(
        f"the query nests brackets {nesting_depth(text)} deep; at most {MAX_NESTING} are accepted "
        "(the parsers recurse once per level): write it with less nesting"
    )


def _evaluate(graph, plan: _Plan) -> tuple:
    """Run on the local store and read every answer (where the time goes).

    :func:`aicareers.sparql.execute.execute` gives both stores the same dataset (``FROM`` and
    ``FROM NAMED`` honoured, nothing downloaded).
    """
    from aicareers.sparql.execute import execute

    if plan.prepared is not None:  # rdflib: the terms as initBindings, never as text
        with deep_recursion():
            return _answer(execute(graph, plan.prepared, init_bindings=dict(plan.terms)))
    try:  # Oxigraph: the text has its VALUES blocks already
        return _answer(execute(graph, plan.text, init_ns=PREFIXES))
    except SyntaxError as error:  # Oxigraph's parser: "error at LINE:COLUMN: message"
        raise oxigraph_syntax_error(error, plan.original, plan.shifts) from None


def oxigraph_syntax_error(error: SyntaxError, original: str,
                          shifts: Iterable[tuple[int, int, int]] = ()) -> QuerySyntaxError:
    """The :class:`QuerySyntaxError` of Oxigraph's ``error`` on ``original`` (whose VALUES blocks,
    ``shifts``, were injected before Oxigraph read it)."""
    # Oxigraph often reports the end of the text as the place; rdflib's parser, when it fails
    # too, points at the term at fault.
    located = _rdflib_syntax_error(original)
    if located is not None:
        return located
    found = re.match(r"error at (\d+):(\d+):\s*(.*)", str(error), re.S)
    if not found:
        return QuerySyntaxError(" ".join(str(error).split()))
    message = " ".join(found.group(3).split())
    if len(message) > 200:
        message = message[:199] + "…"
    line, column = int(found.group(1)), int(found.group(2))
    return _syntax_error_at(original, message, line, column, shifts)


def _child(conn, graph, plan: _Plan, max_memory: int | None, stderr_fd: int | None = None) -> None:
    """The forked evaluator: sends ("ok", answer) or ("error", exception), then exits."""
    import faulthandler

    # Past its memory limit the child may abort (Oxigraph's allocator does): the parent says why;
    # a fault handler inherited from the parent (pytest's) would only print a Python stack.
    faulthandler.disable()
    try:
        if stderr_fd is not None:
            import os

            os.dup2(stderr_fd, 2)
        if max_memory:
            limit_memory(max_memory)
        try:
            payload = ("ok", _evaluate(graph, plan))
        except AiCareersError as error:
            payload = ("error", error)
        except MemoryError:
            payload = ("error", QueryMemoryError(memory_message(max_memory)))
        except Exception as error:  # noqa: BLE001 - carried to the parent on one line
            message = " ".join(str(error).split()) or type(error).__name__
            payload = ("error", AiCareersError(f"the query failed: {message}"))
        conn.send(payload)
    finally:
        conn.close()


def _evaluate_with_limit(graph, plan: _Plan, timeout: float | None, max_memory: int | None = None) -> tuple:
    """:func:`_evaluate` in a forked child process, killed when ``timeout`` seconds have passed.

    rdflib's evaluation (pure Python) cannot be interrupted from another thread, so the query
    runs in a child forked from this process -- it has the dataset already, nothing is copied or
    pickled up front -- which sends the complete answer back through a pipe. At the limit the
    child is killed (SIGKILL) and reaped. Oxigraph's queries go the same way. ``max_memory``
    bytes is what the child may take beyond the data (:func:`aicareers.sparql.limits.limit_memory`);
    the child's standard error goes to a temporary file, read only to say why it died (Oxigraph
    prints "memory allocation of N bytes failed" before aborting), so nothing else reaches the user.
    """
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():  # pragma: no cover - Windows
        return _evaluate_in_thread(graph, plan, timeout if timeout is not None else 1e9)
    import os
    import sys
    import tempfile

    context = multiprocessing.get_context("fork")
    parent_end, child_end = context.Pipe(duplex=False)
    with tempfile.TemporaryFile() as stderr:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        process = context.Process(target=_child, args=(child_end, graph, plan, max_memory, stderr.fileno()),
                                  daemon=True)
        process.start()
        child_end.close()
        try:
            if not parent_end.poll(timeout):
                raise QueryTimeoutError(timeout)
            try:
                status, payload = parent_end.recv()
            except (EOFError, OSError):
                process.join(5)
                stderr.seek(0, os.SEEK_END)
                stderr.seek(max(stderr.tell() - 2000, 0))
                reason, is_limit = cause_of_death(process.exitcode, stderr.read().decode("utf-8", "replace"),
                                                  max_memory)
                if is_limit:
                    raise QueryMemoryError(reason) from None
                raise AiCareersError(reason) from None
        finally:
            parent_end.close()
            if process.is_alive():
                process.kill()
            process.join()
    if status == "error":
        raise payload
    return payload


def _evaluate_in_thread(graph, plan: _Plan, timeout: float) -> tuple:  # pragma: no cover
    """Without ``fork``: wait for a daemon thread; at the limit, stop waiting (it runs on)."""
    import threading

    box: list = []

    def work() -> None:
        try:
            box.append(("ok", _evaluate(graph, plan)))
        except Exception as error:  # noqa: BLE001
            box.append(("error", error))

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(timeout)
    if not box:
        raise QueryTimeoutError(timeout)
    status, payload = box[0]
    if status == "error":
        raise payload
    return payload


def run_query(
    dataset_or_graph,
    query_or_text: Query | str,
    bindings: Mapping[str, str] | None = None,
    *,
    endpoint: str | None = None,
    timeout: float | None = None,
    max_memory: int | None = None,
) -> Result:
    """Run a query with its parameters bound; a complete rdflib :class:`Result`.

    ``query_or_text`` is a :class:`Query` or SPARQL text (which may have a ``# Param:`` header).
    ``bindings`` maps parameter names to user names (see :func:`bind_parameters`). The query runs
    on ``dataset_or_graph`` (a Dataset or Graph of :mod:`aicareers.store`'s backends) or, with
    ``endpoint``, at a remote SPARQL endpoint. ``timeout`` (seconds) stops a local query that runs
    longer (:class:`QueryTimeoutError`); for an endpoint it bounds the wait for the answer.
    ``max_memory`` (bytes) stops a local query that needs more memory than that beyond the data
    (:class:`QueryMemoryError`). With either, the query runs in a forked child process.
    Literals typed ``xsd:string`` come back as the equal simple literals, whatever the backend.

    >>> from aicareers.store import open_dataset
    >>> [str(row.x) for row in run_query(open_dataset(), "SELECT ?x WHERE { VALUES ?x { 'a' } }")]
    ['a']
    >>> run_query(open_dataset(), "SELECT ?x WHERE {\\n  ?x ?y\\n}")
    Traceback (most recent call last):
    ...
    aicareers.sparql.catalog.QuerySyntaxError: malformed SPARQL query at line 2, column 3: Expected ...
    """
    query = query_or_text if isinstance(query_or_text, Query) else parse_query_text(query_or_text)
    if timeout is not None and not timeout > 0:
        raise QueryParameterError(f"the time limit must be a positive number of seconds, not {timeout}")
    terms = bind_parameters(dataset_or_graph, query, bindings, endpoint=endpoint)
    if endpoint is not None:
        from aicareers.sparql.remote import query_remote

        text = inject_values(query.text, terms)
        kwargs = {"timeout": timeout} if timeout is not None else {}
        return _result(_answer(query_remote(endpoint, text, **kwargs)))
    if dataset_or_graph is None:
        raise AiCareersError("no data to query: give a dataset or an endpoint")
    from aicareers.store import backend_of

    if nesting_depth(query.text) > MAX_NESTING:
        raise _too_deep(query.text)
    if backend_of(dataset_or_graph) == "oxigraph":
        text, shifts = _injected(query.text, terms)
        plan = _Plan(None, terms, query.text, text, shifts)
    else:
        plan = _Plan(_prepare_rdflib(query.text), terms, query.text, query.text, [])
    if timeout is None and not max_memory:
        answer = _evaluate(dataset_or_graph, plan)
    else:
        answer = _evaluate_with_limit(dataset_or_graph, plan, timeout, max_memory)
    return _result(answer)


# ------------------------------------------------------------------------------- output


def _in_local(char: str) -> bool:
    """A character of a clean local name other than its first (``.`` aside): ``[\\w\\-\\u00b7-\\uffff]``."""
    return char.isalnum() or char in "_-" or "\u00b7" <= char <= "\uffff"


def clean_local(local: str) -> bool:
    """Whether ``prefix:local`` reads as it is: ``local`` is empty, or an ASCII letter, digit or
    ``_`` (or a character from U+00B7 to U+FFFF), then word characters, ``-``, ``.`` and those
    characters, not ending with ``.``. (The regular expression of this rule takes 20 ms to
    compile: more than answering a query from the cache.)

    >>> [clean_local(x) for x in ("prompt-engineer", "", "a.b", "a.", "x y", "-a", "é")]
    [True, True, True, False, False, False, True]
    """
    if not local:
        return True
    first = local[0]
    if not ((first.isascii() and (first.isalnum() or first == "_")) or "\u00b7" <= first <= "\uffff"):
        return False
    return all(_in_local(c) or c == "." for c in local[1:-1]) and (len(local) == 1 or _in_local(local[-1]))


def shorten_iri(iri: str) -> str:
    """``prefix:local`` with the longest project namespace that gives a clean name, else ``<iri>``.

    >>> shorten_iri("https://w3id.org/ai-careers/id/role/prompt-engineer")
    'role:prompt-engineer'
    >>> shorten_iri("https://example.org/x y")
    '<https://example.org/x y>'
    """
    best = None
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and clean_local(iri[len(namespace):]):
            if best is None or len(namespace) > len(PREFIXES[best]):
                best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else f"<{iri}>"


#: Columns whose numbers are amounts in the row's ``currency``: a table writes them as money.
AMOUNT_COLUMNS = ("min", "max", "value", "amount")
_NUMBERS = tuple(PREFIXES["xsd"] + t for t in ("integer", "decimal", "double", "float", "int", "long"))


def _cell(term, max_width: int, lang: str = "en", currency: str | None = None) -> str:
    """A term as a table shows it: a CURIE for an IRI, a duration in words, an amount in the row's
    ``currency`` as :func:`aicareers.annual_gross.money` writes it, a literal by its text.

    >>> import pyoxigraph as ox
    >>> _cell(ox.Literal("P3Y", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#duration")), 80, "fr")
    '3 ans'
    >>> _cell(ox.Literal("60000", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), 80, "fr", "EUR")
    '60 000 €'
    """
    parts = term_parts(term)
    if parts is None:
        return ""
    if parts.kind == "uri":
        text = shorten_iri(parts.text)
    elif parts.kind == "bnode":
        text = f"_:{parts.text}"
    elif parts.datatype == XSD_DURATION:
        text = duration_text(parts.text, lang)
    elif currency and parts.datatype in _NUMBERS:
        from aicareers.annual_gross import money, plain

        try:
            text = plain(money(float(parts.text), currency, lang))
        except ValueError:
            text = parts.text
    else:
        text = parts.text
    text = " ".join(text.split())
    if max_width and len(text) > max_width:
        text = text[: max_width - 1] + "…"
    return text


def format_result(result: Result, fmt: str = "table", *, max_width: int = 0, lang: str = "en",
                  width: int | None = None, wide: bool | None = None) -> str:
    """The text of ``result`` in ``fmt``: ``table`` (for reading), ``csv``, ``tsv`` or ``json``.

    ``csv``, ``tsv`` and ``json`` are the SPARQL 1.1 Query Results formats. ``table`` aligns the
    columns, shortens IRIs with the project's prefixes, shows literals by their text (no
    datatype), shows labels beside identifiers, wraps long cells to fit the terminal (``width``,
    ``wide``: see :func:`format_rows`) and cuts cells at ``max_width`` characters (0: never). An ASK answer is ``true`` or
    ``false`` (standard JSON with ``json``); a CONSTRUCT or DESCRIBE answer is Turtle.

    >>> from aicareers.store import open_dataset
    >>> r = run_query(open_dataset(), "SELECT ?n ?r WHERE { VALUES (?n ?r) { (1 role:x) } }")
    >>> print(format_result(r), end="")
    n  r
    -  ------
    1  role:x
    (1 row)
    >>> format_result(r, "tsv")
    '?n\\t?r\\n"1"^^<http://www.w3.org/2001/XMLSchema#integer>\\t<https://w3id.org/ai-careers/id/role/x>\\n'
    """
    _check_format(fmt)
    if result.type == "ASK":
        return format_boolean(bool(result.askAnswer), fmt)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        from rdflib import Graph

        from aicareers.namespaces import bind_prefixes

        graph = bind_prefixes(Graph())
        for triple in result.graph:
            graph.add(triple)
        return graph.serialize(format="turtle")
    variables = list(result.vars or [])
    rows = [[b.get(v) for v in variables] for b in result.bindings]
    return format_rows([str(v) for v in variables], rows, fmt, max_width=max_width, lang=lang, width=width, wide=wide)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise AiCareersError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def format_boolean(value: bool, fmt: str = "table") -> str:
    """An ASK answer in ``fmt``: ``true`` or ``false``, or the SPARQL 1.1 JSON document.

    >>> format_boolean(True), format_boolean(False, "json")
    ('true\\n', '{"head": {}, "boolean": false}\\n')
    """
    _check_format(fmt)
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": bool(value)}) + "\n"
    return ("true" if value else "false") + "\n"


def format_rows(variables: list[str], rows: Iterable[list], fmt: str = "table", *, max_width: int = 0,
                lang: str = "en", width: int | None = None, wide: bool | None = None) -> str:
    """SELECT answers in ``fmt`` (see :func:`format_result`): ``rows`` are lists of terms, one per
    variable, rdflib's or pyoxigraph's (None: unbound). A table writes durations in words and the
    amounts of :data:`AMOUNT_COLUMNS` in the row's ``currency``, in ``lang`` (csv, tsv and json keep
    the lexical forms), shows a column's label instead of its identifier (:func:`labelled_columns`)
    and wraps its long cells to fit ``width`` (default: the terminal's; ``wide``: never, see
    :func:`aicareers.tables.table`).

    >>> import pyoxigraph
    >>> print(format_rows(["r"], [[pyoxigraph.NamedNode("https://w3id.org/ai-careers/id/role/x")]]), end="")
    r
    ------
    role:x
    (1 row)
    """
    _check_format(fmt)
    rows = [list(row) for row in rows]
    if fmt == "json":
        document = {
            "head": {"vars": list(variables)},
            "results": {"bindings": [
                {v: _json_term(term) for v, term in zip(variables, row) if term is not None}
                for row in rows
            ]},
        }
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        mappings = [dict(zip(variables, row)) for row in rows]
        return (csv_text if fmt == "csv" else tsv_text)(variables, mappings)
    from aicareers.tables import table

    cells = [[_cell(term, max_width, lang, _currency(variables, row) if v in AMOUNT_COLUMNS else None)
              for v, term in zip(variables, row)] for row in rows]
    headers, cells = labelled_columns(list(variables), cells)
    out = table(headers, cells, "", width, rule=True, wide=wide) if headers else ""
    return out + ("\n" if out else "") + f"({len(rows)} row{'' if len(rows) == 1 else 's'})\n"


def labelled_columns(variables: list[str], cells: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A table's columns for people: a column ``?x`` beside a ``?xLabel`` shows the label (its
    identifier where it has none), under the name ``x``, at the first of the two places; csv, tsv
    and json keep both.

    >>> labelled_columns(["period", "min", "periodLabel"], [["aic:PerYear", "1", "per year"], ["aic:X", "2", ""]])
    (['period', 'min'], [['per year', '1'], ['aic:X', '2']])
    """
    pairs = {v: f"{v}Label" for v in variables if f"{v}Label" in variables}
    labels = set(pairs.values())
    keep, headers = [], []
    for i, v in enumerate(variables):
        base = v[: -len("Label")] if v in labels else v
        if base in headers:
            continue
        headers.append(base)
        keep.append((variables.index(base), variables.index(pairs[base])) if base in pairs else (i, None))
    return headers, [[(row[j] or row[i]) if j is not None else row[i] for i, j in keep] for row in cells]


def _currency(variables: list[str], row: list) -> str | None:
    """The row's ``currency`` (an ISO 4217 code), if it has one."""
    if "currency" not in variables:
        return None
    parts = term_parts(row[variables.index("currency")])
    return parts.text if parts is not None and parts.kind == "literal" else None


def _json_term(term) -> dict:
    """A term as in SPARQL 1.1 Query Results JSON."""
    parts = term_parts(term)
    out = {"type": parts.kind, "value": parts.text}
    if parts.language:
        out["xml:lang"] = parts.language
    elif parts.datatype is not None:
        out["datatype"] = parts.datatype
    return out
