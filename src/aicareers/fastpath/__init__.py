"""The fast path of the pipeline, for the graph a full ESCO download makes (~250,000 triples).

The rdflib path (:func:`aicareers.build.build` with ``backend="rdflib"``) is exact and simple, and
for the project's own graph (4,500 triples) it takes three seconds. With a full ESCO download merged
it takes a minute and a half: every triple becomes rdflib terms in rdflib's Python store (twice,
for the dataset and its union), pyshacl materialises the RDFS closure of everything in Python,
and each output format walks the graph again. The fast path (``backend="oxigraph"``, chosen by
``"auto"`` for a large download) makes the same graph, an order of magnitude faster:

- :mod:`~aicareers.fastpath.pipeline`: ESCO rows become N-Quads lines as they are read, sorted once,
  bulk-loaded into Oxigraph (the build's store); outputs are rendered from the sorted lines;
- :mod:`~aicareers.fastpath.shacl`: the validation, split between pyshacl (the project's nodes)
  and SHACL compiled to SPARQL on Oxigraph (ESCO's nodes), with the same verdict;
- :mod:`~aicareers.fastpath.render`: N-Quads (byte-identical to the rdflib path), Turtle and TriG
  (Oxigraph's serialisers over sorted input), JSON-LD (a streaming writer); all deterministic;
- :mod:`~aicareers.fastpath.projection`: the networkx projection read from Oxigraph in bulk.
"""

from .pipeline import build_oxigraph

__all__ = ["build_oxigraph"]
