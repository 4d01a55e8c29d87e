"""Interactive HTML views of the graph, for a browser, offline.

:func:`write_pages` turns the networkx projection (:func:`aicareers.projection.project`) into
self-contained pages (vis-network in line, through pyvis): the whole graph (``index.html``), one
page per role (``role-<id>.html``) and the career paths (``career-paths.html``), with a legend, a
search box, type filters, a French/English switch and tooltips quoting the sources; and a job
profile page, as text, per role and per framework occupation (``jobs/<id>.html``).

- :mod:`aicareers.html.pages`: which nodes go on which page, the skill gap, rendering, writing;
- :mod:`aicareers.html.style`: colours and shapes by node type, edge styles, the legend;
- :mod:`aicareers.html.controls`: the page template, its style sheet and its script;
- :mod:`aicareers.html.jobs`: the job profile pages; :mod:`aicareers.html.salary_chart` their salary chart;
- :mod:`aicareers.html.search`: the pages' search (whole words, typos forgiven);
- :mod:`aicareers.html.layout`: the size rules and the Python layout of large graphs;
- :mod:`aicareers.html.synthetic`: projection-like graphs of any size, for benchmarks and tests;
- :mod:`aicareers.html.cli`: ``aicareers html``.
"""

from __future__ import annotations

__all__ = ["career_graph", "render_pages", "role_pages", "role_subgraph", "skill_gap", "write_pages"]


def __getattr__(name: str):
    # Loaded on first use: importing aicareers.html.cli (to list the commands) loads no pyvis,
    # networkx or SciPy.
    if name in __all__:
        from . import pages

        return getattr(pages, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
