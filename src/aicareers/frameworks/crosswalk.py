r"""Links between frameworks as their publishers give them: Nesta's ESCO -> O*NET crosswalk.

Nesta's crosswalk (Mapping Career Causeways, 2020-11, MIT) links each top-level ESCO occupation
to an O*NET occupation, with a confidence (0.5, 1 or 2). Its O*NET codes are **O*NET-SOC 2010**
codes; O*NET 29.2 uses the 2019 taxonomy, where many codes changed (15-1111.00 "computer and
information research scientists" is 15-1221.00 now). A 2010 code is carried over to a 29.2
occupation only where the mapping is known: the same title (the 2019 taxonomy kept the title and
changed the code, or kept both). A row whose title no 29.2 occupation has is reported, not linked.

Each link is a node ``crosswalk:nesta-<id>`` a ``aic:Crosswalk``: ``aic:crosswalkFrom`` the ESCO
occupation, ``aic:crosswalkTo`` the O*NET occupation, ``aic:confidence``, ``skos:scopeNote`` how
the code was carried over, ``aic:sourceRecord`` the row, ``prov:wasDerivedFrom src:nesta-crosswalk``.

ROME's files carry no ISCO code (ESCO's do: ``aic:iscoGroup``), so no ROME link is drawn here; the
project's own role mappings (``facts/roles.yaml``) say where a role meets each framework.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / CROSSWALK_FILE).write_text(
...     "id,esco_occupation,isco_code,onet_code,onet_occupation,matching_job_titles,semantic_similarity,confidence,concept_uri\n"
...     "460,data scientist,2511,15-1111.00,computer and information research scientists,na,0.86,2.0,"
...     "http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30\n", encoding="utf-8")
>>> report = ImportReport("nesta-crosswalk")
>>> triples = list(iter_crosswalk_triples([folder], {"15-1221.00": "Computer and Information Research Scientists"},
...                                       report=report))
>>> report.counts, [str(o) for _, p, o in triples if p == SKOS.scopeNote]
({'links': 1}, ['O*NET-SOC 2010 code 15-1111.00 carried over to 15-1221.00 (same title)'])
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from .. import iris
from ..errors import InputError
from ..literals import decimal_literal
from ..namespaces import AIC, ONET
from ..paths import FACTS_DIR, PROJECT_ROOT
from .distribution import Distribution
from .report import ImportReport
from .sources import FRAMEWORKS, framework_source_triples

CROSSWALK_FILE = "esco_onet_crosswalk_Nov2020.csv"
COLUMNS = ("id", "esco_occupation", "onet_code", "onet_occupation", "confidence", "concept_uri")
#: The crosswalk's release, as its README gives it (the file carries no version of its own).
VERSION = "2020-11"
INFO = FRAMEWORKS["nesta-crosswalk"]


def iter_crosswalk_triples(paths: Iterable[Path], onet_titles: dict[str, str], *, report: ImportReport,
                           esco_occupations: set | None = None) -> Iterator[tuple]:
    """The crosswalk's links whose O*NET end is in ``onet_titles`` (29.2 code -> title).

    ``esco_occupations``: when given, a row whose ESCO occupation is not among them is left out
    (counted as "outside the graph"), as is a row whose O*NET occupation is not in the graph.
    """
    dist = Distribution(*paths, what="crosswalk folder")
    name = dist.require(CROSSWALK_FILE.replace(".", r"\."), CROSSWALK_FILE)
    by_title = {title.casefold(): code for code, title in onet_titles.items()}
    report.version = VERSION
    yield from framework_source_triples(INFO, VERSION)
    for line, row in dist.table(name, COLUMNS):
        esco = row["concept_uri"].strip()
        if not esco.startswith("http://data.europa.eu/esco/occupation/"):
            raise InputError(name, f"line {line}", "concept_uri", f"not an ESCO occupation IRI: {esco!r}")
        try:
            confidence = Decimal(row["confidence"])
        except InvalidOperation:
            raise InputError(name, f"line {line}", "confidence", f"not a number: {row['confidence']!r}") from None
        if esco_occupations is not None and URIRef(esco) not in esco_occupations:
            report.count("rows outside the graph")
            continue
        old, title = row["onet_code"].strip(), row["onet_occupation"].strip()
        code = by_title.get(title.casefold())
        if code is None:
            if old in onet_titles:
                report.problem(name, line, "onet_occupation", f"O*NET-SOC 2010 {old} {title!r} is {onet_titles[old]!r} "
                               "in O*NET 29.2: not the same occupation, not linked")
            else:
                report.count("rows outside the graph")
            continue
        how = (f"O*NET-SOC 2010 code {old} kept in O*NET 29.2 (same title)" if code == old
               else f"O*NET-SOC 2010 code {old} carried over to {code} (same title)")
        link = iris.crosswalk_iri("nesta", row["id"].strip())
        report.count("links")
        yield from (
            (link, RDF.type, AIC.Crosswalk),
            (link, AIC.crosswalkFrom, URIRef(esco)),
            (link, AIC.crosswalkTo, iris.onet_iri(code)),
            (link, AIC.confidence, decimal_literal(confidence)),
            (link, SKOS.scopeNote, Literal(how, lang="en")),
            (link, AIC.sourceRecord, Literal(f"{CROSSWALK_FILE}: id {row['id'].strip()}")),
            (link, PROV.wasDerivedFrom, INFO.source),
        )  # fmt: skip


class TitleWatch:
    """Passes an importer's triples through, noting O*NET occupations' English titles (code -> title).

    The crosswalk needs the titles of the O*NET release in the graph; both build paths stream the
    O*NET triples through this on their way into the graph, so nothing is read twice.

    >>> from rdflib import Literal
    >>> watch = TitleWatch()
    >>> _ = list(watch([(iris.onet_iri("15-2051.00"), SKOS.prefLabel, Literal("Data Scientists", lang="en"))]))
    >>> watch.titles
    {'15-2051.00': 'Data Scientists'}
    """

    _CODE = re.compile(r"[0-9]{2}-[0-9]{4}\.[0-9]{2}\Z")

    def __init__(self):
        self.titles: dict[str, str] = {}

    def __call__(self, triples):
        prefix, label = str(ONET), SKOS.prefLabel
        for triple in triples:
            s, p, o = triple
            if p == label and getattr(o, "language", None) == "en" and str(s).startswith(prefix):
                code = str(s)[len(prefix):]
                if self._CODE.match(code):
                    self.titles[code] = str(o)
            yield triple


# ------------------------------------------------------------------------------- the slice

REFERENCE = PROJECT_ROOT.parent / "shared" / "reference" / "crosswalks" / CROSSWALK_FILE


def write_extract(out_dir: Path, reference: Path = REFERENCE, esco_dir: Path | None = None) -> int:
    """Keep the crosswalk's rows of the ESCO occupations in the ESCO slice; returns how many."""
    from ..atomic import write_atomic

    esco_dir = esco_dir or FACTS_DIR / "esco"
    slice_occupations = set()
    for occupations in sorted(esco_dir.rglob("occupations_en.csv")):
        slice_occupations |= set(re.findall(r"http://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}",
                                            occupations.read_text(encoding="utf-8")))
    if not Path(reference).is_file():
        raise InputError(str(reference), None, None, "no such file: expected Nesta's ESCO to O*NET crosswalk")
    lines = Path(reference).read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [lines[0]] + [line for line in lines[1:] if any(iri in line for iri in slice_occupations)]
    write_atomic(Path(out_dir) / CROSSWALK_FILE, "".join(kept).encode("utf-8"))
    readme = f"""# Nesta's ESCO to O*NET crosswalk: the AI-careers slice

`{CROSSWALK_FILE}` is Nesta's crosswalk from ESCO occupations to O*NET occupations (Mapping Career
Causeways, released 2020-11; MIT licence, "Nesta, Mapping Career Causeways"), in its own format,
holding only the rows of the ESCO occupations of the slice in `facts/esco/` ({len(kept) - 1} rows).
Its O*NET codes are O*NET-SOC 2010 codes: the build links a row to an O*NET 29.2 occupation only
where the title is the same (`aicareers.frameworks.crosswalk`).

Regenerate with `python -m aicareers.frameworks.crosswalk` (reads
`../shared/reference/crosswalks/{CROSSWALK_FILE}`).
"""
    write_atomic(Path(out_dir) / "README.md", readme.encode("utf-8"))
    return len(kept) - 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aicareers.frameworks.crosswalk",
                                     description="Write the crosswalk's rows of the ESCO slice into facts/crosswalks.")
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--out", type=Path, default=FACTS_DIR / "crosswalks")
    args = parser.parse_args(argv)
    try:
        n = write_extract(args.out, args.reference)
    except InputError as error:
        print(f"crosswalk: error: {error}", file=sys.stderr)
        return error.exit_status
    print(f"wrote {args.out}: {n} rows of {CROSSWALK_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
