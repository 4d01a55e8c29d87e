"""SHACL validation of the graph against ``shapes.ttl``, after RDFS inference with the ontology.

RDFS inference adds value here: a property used on the wrong kind of node (a role given as a
mission, say) makes that node an instance of the property's domain or range, which the ontology
declares disjoint from its real class; the shapes report it.

>>> from rdflib import Graph
>>> conforms, report = validate_graph(Graph())
>>> conforms
True
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
from rdflib import Graph

from .errors import ValidationError
from .paths import ONTOLOGY, SHAPES


def load_shapes(path: str | Path = SHAPES) -> Graph:
    return Graph().parse(path, format="turtle")


def validate_graph(
    data: Graph, *, shapes: Graph | None = None, ontology: Graph | None = None
) -> tuple[bool, str]:
    """Validate ``data``; returns whether it conforms and the readable report."""
    shapes = shapes if shapes is not None else load_shapes()
    ontology = ontology if ontology is not None else Graph().parse(ONTOLOGY, format="turtle")
    conforms, _, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="rdfs",
        advanced=True,  # SPARQL-based targets and constraints
        allow_warnings=True,
        inplace=False,
    )
    return bool(conforms), str(text)


def check_graph(data: Graph, **kwargs) -> None:
    """Raise :class:`ValidationError` with the report when ``data`` does not conform."""
    conforms, text = validate_graph(data, **kwargs)
    if not conforms:
        raise ValidationError(text)
