"""Read the hand-kept facts (``facts/*.yaml``) and turn them into RDF, one named graph per source.

Reading checks every record before a single triple is made: a malformed record (missing field,
unknown field or reference, bad number, date or currency, duplicate id) raises
:class:`~aicareers.errors.InputError` naming the file, the record and the field.

>>> import tempfile, pathlib, textwrap
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "roles.yaml").write_text(textwrap.dedent('''
...     roles:
...       - id: poet
...         label: {fr: poète, en: poet}
...         evidence: [{source: nowhere, quote: "un poète"}]
... '''), encoding="utf-8")
>>> read_facts(d)
Traceback (most recent call last):
...
aicareers.errors.InputError: ...roles.yaml: record poet: field evidence.source: unknown source 'nowhere'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from . import iris
from .errors import InputError
from .literals import decimal_literal
from .namespaces import AIC, ESCO_OCC, ESCO_SKILL, SCHEMA, bind_prefixes
from .records import CURRENCIES, KINDS, Field, Kind
from .yamlsafe import load_yaml_file

LANGS = ("fr", "en")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DURATION_PATTERN = re.compile(r"^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?$")
ESCO_IRI = re.compile(r"^http://data\.europa\.eu/esco/(occupation|skill)/[0-9a-f-]{36}$")
#: Framework -> the keys that name a mapping's target, and how each becomes an IRI.
MAPPING_TARGETS: dict[str, dict[str, object]] = {
    "esco": {"iri": lambda v: URIRef(v) if ESCO_IRI.match(v) else None},
    "rome": {"sheet": lambda v: _or_none(iris.rome_sheet_iri, v), "title": lambda v: _or_none(iris.rome_ogr_iri, v)},
    "onet": {"code": lambda v: _or_none(iris.onet_iri, v)},
}
MAPPING_WHAT = {"esco": "an ESCO occupation or skill IRI", "rome": "a ROME code (sheet) or OGR code (title)",
                "onet": "an O*NET-SOC code such as 15-2051.00"}

MATCHES = {"exact": SKOS.exactMatch, "close": SKOS.closeMatch, "broad": SKOS.broadMatch, "narrow": SKOS.narrowMatch}


@dataclass(frozen=True)
class Record:
    """One record as read: where it stands, its kind, and its raw fields."""

    file: str
    kind: Kind
    data: dict

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def iri(self) -> URIRef:
        return iris.entity_iri(self.kind.name, self.id)


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote that a record's fact rests on, and where it was given."""

    file: str
    record: str
    field: str
    source: str
    quote: str


@dataclass
class Facts:
    """Every record of the facts files, indexed by id."""

    records: dict[str, Record] = field(default_factory=dict)
    #: record id -> field name -> the field's RDF value(s), converted once when checked.
    values: dict[str, dict[str, object]] = field(default_factory=dict)


# --------------------------------------------------------------------------------- reading


def read_facts(directory: str | Path) -> Facts:
    """Read and check every ``*.yaml`` file of ``directory`` (in name order)."""
    directory = Path(directory)
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise InputError(str(directory), None, None, "no facts files (*.yaml) found")
    facts = Facts()
    for path in files:
        for record in _read_file(path):
            if record.id in facts.records:
                first = facts.records[record.id]
                raise InputError(
                    record.file, record.id, "id", f"duplicate id (first defined in {first.file}, {first.kind.name})"
                )
            facts.records[record.id] = record
    for record in facts.records.values():
        facts.values[record.id] = _check_record(record, facts)
    return facts


def _read_file(path: Path) -> Iterable[Record]:
    name = str(path)
    try:
        content = load_yaml_file(path)  # strict: duplicate keys, depth, aliases, size, long numbers
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        raise InputError(name, where, None, f"not valid YAML: {getattr(error, 'problem', error)}") from None
    except UnicodeDecodeError as error:
        raise InputError(name, None, None, f"not UTF-8: {error}") from None
    if content is None:
        return
    if not isinstance(content, dict):
        raise InputError(name, None, None, "expected a mapping from record kinds to lists of records")
    for kind_name, items in content.items():
        if kind_name not in KINDS:
            raise InputError(name, None, str(kind_name), f"unknown record kind; expected one of {', '.join(sorted(KINDS))}")
        if not isinstance(items, list):
            raise InputError(name, None, kind_name, "expected a list of records")
        kind = KINDS[kind_name]
        for index, data in enumerate(items, start=1):
            if not isinstance(data, dict):
                raise InputError(name, f"{kind_name}[{index}]", None, "expected a mapping")
            record_id = data.get("id")
            if not isinstance(record_id, str) or not ID_PATTERN.match(record_id):
                raise InputError(
                    name, f"{kind_name}[{index}]", "id", f"missing or malformed id {record_id!r} (lower-case, digits, '-')"
                )
            allowed = {"id"} | {f.name for f in kind.fields}
            for key in data:
                if key not in allowed:
                    raise InputError(
                        name, record_id, str(key), f"unknown field for {kind_name}; expected one of {', '.join(sorted(allowed))}"
                    )
            yield Record(name, kind, data)


def _fail(record: Record, field_name: str, message: str) -> InputError:
    return InputError(record.file, record.id, field_name, message)


def _check_record(record: Record, facts: Facts) -> dict[str, object]:
    """Check every field of ``record`` by converting it (conversion raises on the first fault);
    returns the converted values."""
    values = {}
    for f in record.kind.fields:
        value = record.data.get(f.name)
        if value is None:
            if f.required:
                raise _fail(record, f.name, "missing required field")
            continue
        values[f.name] = _convert(record, f, value, facts)
    if not record.kind.claim and record.kind.name not in ("sources", "topics"):
        if not record.data.get("evidence") and not record.data.get("of"):
            raise _fail(record, "evidence", "no provenance: give `evidence` or `of` (source and quote)")
    if record.kind.claim:
        sources = {item["source"] for item in record.data["evidence"]}
        if len(sources) != 1:
            raise _fail(record, "evidence", f"a claim is made by one source; found {', '.join(sorted(sources))}")
    if record.kind.name == "salaries" and not any(record.data.get(k) is not None for k in ("min", "max", "value")):
        raise _fail(record, "value", "a salary needs an amount: `value`, or `min` and/or `max`")
    if record.kind.name == "comparisons" and len(record.data["roles"]) != 2:
        raise _fail(record, "roles", "a comparison compares exactly two roles")
    if record.kind.name == "missions" and record.data.get("rank") is not None:
        sources = {item["source"] for item in record.data.get("of", [])}
        if len(sources) != 1:
            raise _fail(record, "rank", "a rank is the position in one source's list; the mission needs exactly one source")
    return values


# --------------------------------------------------------------------------------- values


def _lang(record: Record, f: Field, value, *, required_langs=LANGS) -> list[Literal]:
    if not isinstance(value, dict):
        raise _fail(record, f.name, "expected a mapping {fr: ..., en: ...}")
    for lang in value:
        if lang not in LANGS:
            raise _fail(record, f"{f.name}.{lang}", f"unknown language; expected {' or '.join(LANGS)}")
    out = []
    for lang in required_langs:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise _fail(record, f"{f.name}.{lang}", "missing text in this language")
    for lang in LANGS:
        if isinstance(value.get(lang), str):
            out.append(Literal(value[lang].strip(), lang=lang))
    return out


def _ref(record: Record, f: Field, value, facts: Facts, label: str | None = None) -> URIRef:
    label = label or f.name
    if not isinstance(value, str) or value not in facts.records:
        raise _fail(record, label, f"unknown reference {value!r}")
    target = facts.records[value]
    if f.target and target.kind.name not in f.target:
        raise _fail(record, label, f"{value!r} is a {target.kind.name} record; expected {' or '.join(f.target)}")
    return target.iri


def _source(record: Record, label: str, value, facts: Facts) -> Record:
    target = facts.records.get(value) if isinstance(value, str) else None
    if target is None or target.kind.name != "sources":
        raise _fail(record, label, f"unknown source {value!r}")
    return target


def _quote(record: Record, label: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(record, label, "missing quote")
    return value.strip()


def _decimal(record: Record, f: Field, value) -> Literal:
    if isinstance(value, bool):
        raise _fail(record, f.name, f"not a number: {value!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise _fail(record, f.name, f"not a number: {value!r}") from None
    if not number.is_finite() or number < 0:
        raise _fail(record, f.name, f"not a non-negative number: {value!r}")
    return decimal_literal(number)


def _date(record: Record, f: Field, value) -> Literal:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    for pattern, datatype in (
        (r"^\d{4}$", XSD.gYear),
        (r"^\d{4}-(0[1-9]|1[0-2])$", XSD.gYearMonth),
        (r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$", XSD.date),
    ):
        if re.match(pattern, text):
            return Literal(text, datatype=datatype)
    raise _fail(record, f.name, f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")


def _convert(record: Record, f: Field, value, facts: Facts):
    """The RDF value(s) of one field; raises InputError on a malformed value."""
    t = f.type
    if t == "text":
        if not isinstance(value, (str, int)) or not str(value).strip():
            raise _fail(record, f.name, "expected text")
        return Literal(str(value).strip())
    if t == "lang":
        return _lang(record, f, value)
    if t == "langlist":
        if not isinstance(value, dict) or any(k not in LANGS or not isinstance(v, list) for k, v in value.items()):
            raise _fail(record, f.name, "expected {fr: [...], en: [...]}")
        return [Literal(str(x).strip(), lang=k) for k in LANGS for x in value.get(k, [])]
    if t == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise _fail(record, f.name, f"not a positive whole number: {value!r}")
        return Literal(value, datatype=XSD.positiveInteger)
    if t == "decimal":
        return _decimal(record, f, value)
    if t == "bool":
        if not isinstance(value, bool):
            raise _fail(record, f.name, f"expected true or false, not {value!r}")
        return Literal(value)
    if t == "date":
        return _date(record, f, value)
    if t == "duration":
        if not isinstance(value, str) or not DURATION_PATTERN.match(value) or value == "P":
            raise _fail(record, f.name, f"not an ISO 8601 duration (e.g. P3Y): {value!r}")
        return Literal(value, datatype=XSD.duration)
    if t == "currency":
        if value not in CURRENCIES:
            raise _fail(record, f.name, f"unknown currency {value!r}; expected one of {', '.join(sorted(CURRENCIES))}")
        return Literal(value)
    if t == "enum":
        if value not in f.choices:
            raise _fail(record, f.name, f"unknown value {value!r}; expected one of {', '.join(f.choices)}")
        return f.choices[value]
    if t == "ref":
        return _ref(record, f, value, facts)
    if t == "refs":
        if not isinstance(value, list) or not value:
            raise _fail(record, f.name, "expected a non-empty list of ids")
        return [_ref(record, f, v, facts) for v in value]
    if t == "evidence":
        if not isinstance(value, list) or not value:
            raise _fail(record, f.name, "expected a list of {source, quote}")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, dict) or set(item) != {"source", "quote"}:
                raise _fail(record, f"{f.name}[{i}]", "expected {source, quote}")
            src = _source(record, f"{f.name}.source", item["source"], facts)
            out.append((src, _quote(record, f"{f.name}.quote", item["quote"])))
        return out
    if t == "of":
        if not isinstance(value, list) or not value:
            raise _fail(record, f.name, "expected a list of {role, source, quote}")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, dict) or set(item) != {"role", "source", "quote"}:
                raise _fail(record, f"{f.name}[{i}]", "expected {role, source, quote}")
            role = _ref(record, Field(f.name, "ref", target=("roles",)), item["role"], facts, f"{f.name}.role")
            src = _source(record, f"{f.name}.source", item["source"], facts)
            out.append((role, src, _quote(record, f"{f.name}.quote", item["quote"])))
        return out
    if t == "mapping":
        if not isinstance(value, list):
            raise _fail(record, f.name, "expected a list of {match, " + "|".join(MAPPING_TARGETS[f.name]) + ", why}")
        return [_mapping(record, f.name, i, item) for i, item in enumerate(value)]
    if t == "steps":
        if not isinstance(value, list) or not value:
            raise _fail(record, f.name, "expected a list of {program, part}")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, dict) or "program" not in item or set(item) - {"program", "part"}:
                raise _fail(record, f"{f.name}[{i}]", "expected {program, part}")
            program = _ref(record, Field(f.name, "ref", target=("programs",)), item["program"], facts, f"{f.name}.program")
            part = _lang(record, Field(f"{f.name}.part", "lang"), item["part"]) if "part" in item else []
            out.append((program, part))
        return out
    raise AssertionError(f"field type {t!r} of {record.kind.name}.{f.name} has no reader")


def _or_none(mint, value):
    try:
        return mint(value)
    except ValueError:
        return None


def _mapping(record: "Record", name: str, i: int, item) -> tuple[URIRef, URIRef, Literal]:
    """One ``{match, <target>, why[, why_fr]}`` of a mapping field: (match predicate, target IRI,
    the reasons: English, then French when given)."""
    targets = MAPPING_TARGETS[name]
    keys = set(item) if isinstance(item, dict) else set()
    given = keys & set(targets)
    if not isinstance(item, dict) or len(given) != 1 or keys - {"why_fr"} != {"match", "why"} | given:
        raise _fail(record, f"{name}[{i}]", "expected {match, " + "|".join(targets) + ", why}")
    if item["match"] not in MATCHES:
        raise _fail(record, f"{name}[{i}].match", f"unknown match {item['match']!r}; expected one of {', '.join(MATCHES)}")
    (key,) = given
    value = item[key]
    target = targets[key](str(value)) if isinstance(value, (str, int)) else None
    if target is None:
        raise _fail(record, f"{name}[{i}].{key}", f"not {MAPPING_WHAT[name]}: {value!r}")
    whys = []
    for field, lang in (("why", "en"), ("why_fr", "fr")):  # the reason in English, and in French if given
        if field not in item:
            continue
        why = item[field]
        if not isinstance(why, str) or len(why.strip()) < 10:
            raise _fail(record, f"{name}[{i}].{field}", "expected a one-line reason for the kind of match")
        whys.append(Literal(" ".join(why.split()), lang=lang))
    return MATCHES[item["match"]], target, tuple(whys)


# --------------------------------------------------------------------------------- to RDF


class _Writer:
    """Adds triples to the right named graph of a dataset."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset

    def add(self, graph: URIRef, s, p, o) -> None:
        self.dataset.graph(graph).add((s, p, o))

    def derive(self, node: URIRef, source: Record, quote: str) -> None:
        g = iris.graph_iri(source.id)
        derivation = iris.derivation_iri(node, source.iri, quote)
        self.add(g, node, PROV.wasDerivedFrom, source.iri)
        self.add(g, node, PROV.qualifiedDerivation, derivation)
        self.add(g, derivation, RDF.type, PROV.Derivation)
        self.add(g, derivation, PROV.entity, source.iri)
        self.add(g, derivation, AIC.evidenceQuote, Literal(quote, lang="fr"))

    def state(self, s: URIRef, p: URIRef, o: URIRef, source: Record, quote: str) -> None:
        """Assert ``s p o`` in the source's graph, with a reified statement carrying the quote."""
        g = iris.graph_iri(source.id)
        statement = iris.statement_iri(s, p, o)
        self.add(g, s, p, o)
        for prop, value in ((RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o)):
            self.add(g, statement, prop, value)
        self.add(g, statement, SCHEMA.about, s)
        self.add(g, statement, SCHEMA.about, o)
        self.derive(statement, source, quote)
        self.add(g, s, PROV.wasDerivedFrom, source.iri)
        self.add(g, o, PROV.wasDerivedFrom, source.iri)


def facts_to_rdf(facts: Facts, dataset: Dataset | None = None) -> tuple[Dataset, list[Evidence]]:
    """Add the triples of every record to ``dataset`` (a new one by default).

    Returns the dataset and every evidence quote with where it was given, so that quotes can be
    checked against the source texts.
    """
    dataset = dataset if dataset is not None else bind_prefixes(Dataset())
    out = _Writer(dataset)
    evidence: list[Evidence] = []
    for record in facts.records.values():
        evidence.extend(_record_to_rdf(record, facts, out))
    return dataset, evidence


def _record_to_rdf(record: Record, facts: Facts, out: _Writer) -> list[Evidence]:
    kind, node, data = record.kind, record.iri, record.data
    quotes: list[Evidence] = []
    if kind.claim:
        source = facts.records[data["evidence"][0]["source"]]
        graph = iris.graph_iri(source.id)
    else:
        graph = iris.KNOWLEDGE_BASE_GRAPH

    types = {kind.rdf_class}
    if kind.claim:
        types.add(AIC.Claim)
        out.add(graph, node, AIC.topic, iris.entity_iri("topics", data.get("topic") or kind.topic))
    if data.get("emerging"):
        types.add(AIC.EmergingRole)
    for t in types:
        out.add(graph, node, RDF.type, t)

    values = facts.values[record.id]
    for f in kind.fields:
        if f.name not in values:
            continue
        converted = values[f.name]
        if f.type == "evidence":
            for source, quote in converted:
                out.derive(node, source, quote)
                quotes.append(Evidence(record.file, record.id, f.name, source.id, quote))
        elif f.type == "of":
            for role, source, quote in converted:
                out.state(role, f.predicate, node, source, quote)
                quotes.append(Evidence(record.file, record.id, f.name, source.id, quote))
        elif f.type == "mapping":
            for match, target, whys in converted:
                out.add(graph, node, match, target)
                mapping = iris.mapping_iri(node, match, target)
                out.add(graph, mapping, RDF.type, AIC.Mapping)
                out.add(graph, mapping, AIC.mappingSubject, node)
                out.add(graph, mapping, AIC.matchProperty, match)
                out.add(graph, mapping, AIC.mappingTarget, target)
                for why in whys:
                    out.add(graph, mapping, AIC.mappingReason, why)
        elif f.type == "steps":
            for order, (program, part) in enumerate(converted, start=1):
                step = iris.step_iri(node, order)
                out.add(graph, node, AIC.hasStep, step)
                out.add(graph, step, RDF.type, AIC.TrainingStep)
                out.add(graph, step, AIC.stepOrder, Literal(order, datatype=XSD.positiveInteger))
                out.add(graph, step, AIC.program, program)
                for literal in part:
                    out.add(graph, step, AIC.programPart, literal)
                program_record = facts.records[data["steps"][order - 1]["program"]]
                for literal in _step_labels(order, program_record):
                    out.add(graph, step, SKOS.prefLabel, literal)
                    out.add(graph, step, RDFS.label, literal)
        elif f.predicate is None:
            continue  # read above or below (emerging, complementary)
        else:
            for literal_or_iri in converted if isinstance(converted, list) else [converted]:
                out.add(graph, node, f.predicate, literal_or_iri)
                if f.predicate == SKOS.prefLabel:
                    out.add(graph, node, RDFS.label, literal_or_iri)

    if kind.generated_label:
        for literal in _generated_labels(record, facts):
            out.add(graph, node, SKOS.prefLabel, literal)
            out.add(graph, node, RDFS.label, literal)
    _claim_links(record, facts, out)
    return quotes


def _claim_links(record: Record, facts: Facts, out: _Writer) -> None:
    """The role-level shortcuts a claim implies, each stated with the claim's own evidence."""
    data = record.data
    if record.kind.name not in ("transitions", "salaries", "comparisons"):
        return
    source = facts.records[data["evidence"][0]["source"]]
    quote = data["evidence"][0]["quote"].strip()
    if record.kind.name == "transitions":
        out.state(facts.records[data["from"]].iri, AIC.canEvolveTo, facts.records[data["to"]].iri, source, quote)
    elif record.kind.name == "salaries":
        out.state(facts.records[data["role"]].iri, SCHEMA.estimatedSalary, record.iri, source, quote)
    elif data.get("complementary"):
        first, second = (facts.records[r].iri for r in data["roles"])
        out.state(first, AIC.complementaryTo, second, source, quote)
        out.state(second, AIC.complementaryTo, first, source, quote)


def _label(record: Record, lang: str) -> str:
    return str(record.data["label"][lang]).strip()


def _step_labels(order: int, program: Record) -> list[Literal]:
    return [
        Literal(f"Étape {order} : {_label(program, 'fr')}", lang="fr"),
        Literal(f"Step {order}: {_label(program, 'en')}", lang="en"),
    ]


def _amount(number, lang: str) -> str:
    text = f"{Decimal(str(number)):,f}".rstrip("0").rstrip(".") if "." in str(number) else f"{int(number):,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def _generated_labels(record: Record, facts: Facts) -> list[Literal]:
    data = record.data
    name = record.kind.name
    labels = []
    for lang in LANGS:
        if name == "transitions":
            text = f"{_label(facts.records[data['from']], lang)} → {_label(facts.records[data['to']], lang)}"
        elif name == "comparisons":
            text = " / ".join(_label(facts.records[r], lang) for r in data["roles"])
        else:  # salaries
            fr = lang == "fr"
            about = "environ " if fr else "about "
            if data.get("value") is not None:
                amount = (about if data.get("approximate") else "") + _amount(data["value"], lang)
            elif data.get("min") is not None and data.get("max") is not None:
                amount = f"{_amount(data['min'], lang)}–{_amount(data['max'], lang)}"
            elif data.get("max") is not None:
                amount = ("jusqu'à " if fr else "up to ") + _amount(data["max"], lang)
            else:
                amount = ("au-delà de " if fr else "above ") + _amount(data["min"], lang)
            period = {"year": ("par an", "per year"), "month": ("par mois", "per month")}[data["period"]][0 if fr else 1]
            basis = {"gross": (" brut", " gross"), "net": (" net", " net"), "not-stated": ("", "")}[data["basis"]]
            text = f"{_label(facts.records[data['role']], lang)} : " if fr else f"{_label(facts.records[data['role']], lang)}: "
            text += f"{amount} {data['currency']}{basis[0 if fr else 1]} {period}"
            details = [_label(facts.records[data[k]], lang) for k in ("seniority", "place") if data.get(k)]
            if details:
                text += f" ({', '.join(details)})"
            source = facts.records[data["evidence"][0]["source"]]
            text += f" — {_label(source, lang)}"
        labels.append(Literal(text, lang=lang))
    return labels


def check_quotes(evidence: Iterable[Evidence], facts: Facts, seeds_dir: str | Path) -> None:
    """Check that every quote stands word for word in its source's text (white space folded).

    Raises :class:`InputError` naming the record and field of the first quote not found.
    """
    texts: dict[str, str] = {}
    for item in evidence:
        source = facts.records[item.source]
        if item.source not in texts:
            path = Path(seeds_dir) / source.data["file"]
            texts[item.source] = _fold(path.read_text(encoding="utf-8"))
        if _fold(item.quote) not in texts[item.source]:
            raise InputError(
                item.file, item.record, f"{item.field}.quote", f"quote not found word for word in {source.data['file']}: {item.quote!r}"
            )


def _fold(text: str) -> str:
    return " ".join(text.split())
