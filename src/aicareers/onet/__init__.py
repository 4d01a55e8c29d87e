"""O*NET, the occupational database of USDOL/ETA (English), in the graph.

- :mod:`aicareers.onet.text_import`: the importer of the official O*NET text database (the zip
  ``db_<version>_text.zip`` as downloaded, or the folder it unpacks to);
- :mod:`aicareers.onet.cli`: the ``aicareers import-onet`` command;
- :mod:`aicareers.onet.extract`: writes ``facts/onet/``, the AI-careers slice of the database.

Nothing is imported here, so that the command line can list its commands without loading rdflib.
"""
