"""Export the projection for other tools: GraphML, GEXF (Gephi) and node-link JSON.

- **Deterministic**: nodes sorted by key, edges by ``(source, target, key)``, attributes by name;
  the same graph gives the same bytes every time (GEXF's ``lastmodifieddate``, which networkx
  sets to today's date, is left out).
- **GraphML and GEXF** only hold scalar attribute values: lists and dicts (``sources``) become JSON
  strings (``json.loads`` them back). GraphML edges get the ids ``e0``, ``e1``, ... (unique, as
  Gephi and yEd expect) and keep the multigraph key in an attribute ``key``; GEXF keeps it in
  ``networkx_key``. GEXF nodes also get a ``label`` (the English label) for Gephi to show.
- **JSON** is networkx's node-link format (``edges="edges"``), attributes as they are.

Files are written through :func:`aicareers.atomic.write_atomic`.

>>> import tempfile, pathlib
>>> from aicareers.analytics._examples import example_graph, node
>>> g = example_graph()
>>> path = export(g, pathlib.Path(tempfile.mkdtemp()) / "g.graphml")
>>> back = nx.read_graphml(path)
>>> back.number_of_nodes(), back.number_of_edges(), back.nodes[node("role", "writer")]["label_fr"]
(16, 20, 'Rédacteur')
>>> json.loads(back.nodes[node("role", "writer")]["sources"])[0]["quote"]
'Le rédacteur écrit des articles.'
>>> render(g, "gexf") == render(example_graph(), "gexf")
True
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import networkx as nx

from ..atomic import write_atomic
from ..errors import AiCareersError

FORMATS = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json"}


def _scalar(value):
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if value is None:
        return ""
    return value


def sorted_copy(g: nx.MultiDiGraph, scalar: bool = False) -> nx.MultiDiGraph:
    """A copy of ``g`` with nodes, edges and attributes in sorted order (values made scalar if asked).

    >>> from aicareers.analytics._examples import example_graph, node
    >>> h = sorted_copy(example_graph(), scalar=True)
    >>> list(h)[0], type(h.nodes[node("role", "writer")]["sources"]).__name__
    ('https://example.org/esco-occupation/publishing-director', 'str')
    """
    fix = _scalar if scalar else (lambda v: v)
    out = nx.MultiDiGraph()
    out.graph.update({k: fix(v) for k, v in sorted(g.graph.items())})
    for n in sorted(g.nodes):
        out.add_node(n, **{k: fix(v) for k, v in sorted(g.nodes[n].items())})
    for u, v, k in sorted(g.edges(keys=True)):
        out.add_edge(u, v, key=k, **{a: fix(x) for a, x in sorted(g.edges[u, v, k].items())})
    return out


def render(g: nx.MultiDiGraph, format: str = "graphml") -> bytes:
    """The bytes of ``g`` in ``format`` (``graphml``, ``gexf`` or ``json``).

    >>> from aicareers.analytics._examples import example_graph
    >>> data = json.loads(render(example_graph(), "json"))
    >>> data["directed"], data["multigraph"], len(data["nodes"]), len(data["edges"])
    (True, True, 16, 20)
    """
    if format == "json":
        data = nx.node_link_data(sorted_copy(g), edges="edges")
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    h = sorted_copy(g, scalar=True)
    if format == "graphml":
        for i, (u, v, k) in enumerate(h.edges(keys=True)):
            h.edges[u, v, k]["key"] = k
            h.edges[u, v, k]["id"] = f"e{i}"
        text = "\n".join(nx.generate_graphml(h, edge_id_from_attribute="id"))
    elif format == "gexf":
        for n, data in h.nodes(data=True):
            data["label"] = data.get("label_en") or n
        text = "\n".join(nx.generate_gexf(h))
        text = re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)
    else:
        raise AiCareersError(f"unknown export format {format!r}; use one of: {', '.join(FORMATS)}")
    return (text + "\n").encode("utf-8")


def export(g: nx.MultiDiGraph, path: str | os.PathLike, format: str | None = None) -> Path:
    """Write ``g`` to ``path`` in ``format`` (default: from the file's extension, else GraphML).

    >>> import tempfile, pathlib
    >>> from aicareers.analytics._examples import example_graph
    >>> path = export(example_graph(), pathlib.Path(tempfile.mkdtemp()) / "g.gexf")
    >>> nx.read_gexf(path).number_of_edges()
    20
    """
    path = Path(path)
    if format is None:
        format = next((f for f, ext in FORMATS.items() if path.suffix == ext), "graphml")
    write_atomic(path, render(g, format))
    return path


def read(path: str | os.PathLike, format: str | None = None) -> nx.MultiDiGraph:
    """Read back an export (for checks): GraphML and GEXF attributes stay JSON strings.

    >>> import tempfile, pathlib
    >>> from aicareers.analytics._examples import example_graph
    >>> g = example_graph()
    >>> back = read(export(g, pathlib.Path(tempfile.mkdtemp()) / "g.json"))
    >>> sorted(back.edges(keys=True)) == sorted(g.edges(keys=True))
    True
    """
    path = Path(path)
    format = format or next((f for f, ext in FORMATS.items() if path.suffix == ext), "graphml")
    if format == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    if format == "gexf":
        return nx.read_gexf(path)
    return nx.read_graphml(path, force_multigraph=True)
