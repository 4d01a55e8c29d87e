"""ROME 4.0, France Travail's occupational framework (French), from its official CSV release.

- :mod:`.csv_import`: the release (the ``RefRomeCsv`` zip, or the folder it unpacks to) turned
  into RDF: job sheets, job titles, skills, knowledge, work contexts, activities, moves;
- :mod:`.cli`: the ``aicareers import-rome`` command;
- :mod:`.extract`: ``python -m aicareers.rome.extract`` writes ``facts/rome/``, the AI-careers
  slice of the release, in the release's own format.
"""
