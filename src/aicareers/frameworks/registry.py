"""The three frameworks the build imports, and one way to stream any of them as triples.

Each framework has an importer module with its own options (ESCO's languages, ROME's job
sheets, O*NET's occupations); :func:`iter_framework_triples` calls it in one way for the build,
the fast path and the benchmark. With no download given, the build reads the committed
AI-careers slice, ``facts/<framework>/`` (see :mod:`aicareers.frameworks.slices`).

>>> [f.key for f in IMPORTERS.values()]
['esco', 'rome', 'onet']
>>> IMPORTERS["rome"].info.title
'ROME 4.0'
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from .report import ImportReport
from .sources import FRAMEWORKS, FrameworkInfo


@dataclass(frozen=True)
class Importer:
    """How to call one framework's importer."""

    key: str
    module: str
    function: str
    #: The keyword of the importer's selection (occupations or job sheets to keep).
    selection: str
    #: The classes of its occupations, for "the roles map to something that was imported".
    occupation_classes: tuple[str, ...]

    @property
    def info(self) -> FrameworkInfo:
        return FRAMEWORKS[self.key]

    @property
    def graph(self) -> URIRef:
        return self.info.graph


IMPORTERS: dict[str, Importer] = {
    "esco": Importer("esco", "aicareers.esco.csv_import", "iter_esco_triples", "occupations",
                     ("http://data.europa.eu/esco/model#Occupation", "http://data.europa.eu/esco/model#Skill")),
    "rome": Importer("rome", "aicareers.rome.csv_import", "iter_rome_triples", "sheets",
                     ("https://w3id.org/ai-careers/ontology#RomeJobSheet", "https://w3id.org/ai-careers/ontology#JobTitle")),
    "onet": Importer("onet", "aicareers.onet.text_import", "iter_onet_triples", "occupations",
                     ("https://w3id.org/ai-careers/ontology#OnetOccupation",)),
}  # fmt: skip


#: The folder of each framework's slice under facts/ (the crosswalk's too).
SLICE_FOLDERS = {"esco": "esco", "rome": "rome", "onet": "onet", "crosswalk": "crosswalks"}


def default_paths(facts_dir: str | Path) -> dict[str, list[Path]]:
    """The committed slices under ``facts_dir`` (``facts/esco``, ``facts/rome``, ``facts/onet``,
    ``facts/crosswalks``)."""
    return {key: [Path(facts_dir) / folder] for key, folder in SLICE_FOLDERS.items() if (Path(facts_dir) / folder).is_dir()}


def iter_framework_triples(key: str, paths: list[Path], *, report: ImportReport, selection=None,
                           progress: bool = False, version: str | None = None) -> Iterator[tuple]:
    """The triples of framework ``key`` read from ``paths``; counts, version and problems go to ``report``."""
    importer = IMPORTERS[key]
    function = getattr(importlib.import_module(importer.module), importer.function)
    kwargs = {importer.selection: selection, "progress": progress}
    if version is not None:
        kwargs["version"] = version
    if key == "esco":
        yield from _esco(function, paths, report, kwargs)
        return
    yield from function(paths, report=report, **kwargs)


def _esco(function, paths, report: ImportReport, kwargs) -> Iterator[tuple]:
    """ESCO's importer keeps its own report (with ESCO's counts); copied into the common one."""
    from ..esco.csv_import import ImportReport as EscoReport

    own = EscoReport()
    yield from function(paths, report=own, **kwargs)
    report.version = getattr(own, "version", "") or report.version
    for kind in ("occupations", "skills", "essential_relations", "optional_relations", "untyped_relations"):
        if hasattr(own, kind):
            report.count(kind.replace("_", " "), getattr(own, kind))
    report.problems.extend(own.problems)
