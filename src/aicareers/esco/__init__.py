"""ESCO, the European Commission's classification of occupations and skills, in the graph.

- :mod:`aicareers.esco.csv_import`: the importer of ESCO as the Commission distributes it (the CSV
  zips of a release, or the folders they unpack to), every language merged, the version read from
  the zips' names;
- :mod:`aicareers.esco.cli`: the ``aicareers import-esco`` command;
- :mod:`aicareers.esco.synthetic`: a deterministic synthetic download of any size, for tests and benchmarks;
- :mod:`aicareers.esco.extract`: writes ``facts/esco/``, the AI-careers slice cut from the official
  v1.1.1 files.
"""
