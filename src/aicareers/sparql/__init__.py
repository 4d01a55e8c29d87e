"""SPARQL access to the knowledge graph: serve it, or push it to and query any SPARQL store.

- :mod:`aicareers.sparql.endpoint`: a read-only SPARQL 1.1 Protocol endpoint (standard library
  HTTP server) over a dataset of either backend of :mod:`aicareers.store`, with a query time
  limit enforced by killing a forked worker process, and a result-size limit.
- :mod:`aicareers.sparql.remote`: upload every named graph to a SPARQL 1.1 Graph Store
  (Oxigraph, Fuseki, GraphDB...) within a total time limit, all or nothing if asked, and run
  queries against a remote endpoint.
- :mod:`aicareers.sparql.execute`: evaluate a query on either store with the same dataset
  (``FROM``, ``FROM NAMED``, the protocol's dataset) and base IRI.
- :mod:`aicareers.sparql.limits`: what one query may take (memory, nesting) and what a query
  process that died without answering died of.
- :mod:`aicareers.sparql.text`: looking at SPARQL text before any parser (form, escapes,
  ``SERVICE``, ``FROM``).
"""
