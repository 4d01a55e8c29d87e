"""ESCO, the European Commission's classification of occupations and skills, in the graph.

- :mod:`aicareers.esco.csv_import`: the importer of the official ESCO CSV download;
- :mod:`aicareers.esco.synthetic`: a deterministic synthetic download of any size, for tests and benchmarks;
- :mod:`aicareers.esco.extract`: writes ``facts/esco/``, the ESCO profiles of the project's occupations.
"""
