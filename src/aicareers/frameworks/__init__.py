"""What the three official frameworks' importers share.

- :mod:`.distribution`: a framework as its publisher distributes it (a zip, or the folder it
  unpacks to), and the delimited tables inside, read row by row with their line numbers;
- :mod:`.report`: what an import kept and the problems it reported instead of emitting;
- :mod:`.sources`: the source node that says what a framework is (version, publisher, licence).

The importers themselves: :mod:`aicareers.esco`, :mod:`aicareers.rome`, :mod:`aicareers.onet`.
"""
