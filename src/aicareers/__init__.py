"""The AI-careers knowledge graph.

An RDF knowledge graph of AI roles, the skills they need, their missions, trainings, salaries and
evolution paths, built from three French articles about the Prompt Engineer profession and linked to
ESCO. Every fact carries its source and a verbatim evidence quote.

The package is split by concern:

- :mod:`aicareers.namespaces`: the one prefix map;
- :mod:`aicareers.iris`: the one place that mints IRIs;
- :mod:`aicareers.facts`: the hand-kept facts (YAML) turned into RDF;
- :mod:`aicareers.validate`: SHACL validation;
- :mod:`aicareers.build`: the build and its deterministic outputs;
- :mod:`aicareers.cli`: the ``aicareers`` command.
"""

__version__ = "0.2.0"
