"""What the pages show of a build with the whole frameworks merged: the AI-careers slice.

The default build holds the frameworks' AI-careers slice (:mod:`aicareers.frameworks.slices`),
and its pages show all of it. A build with the whole of ESCO, ROME and O*NET merged holds 5,600
occupations and 400,000 nodes: drawn whole, the graph page is a cloud nobody can read, and a
job page per occupation is 5,600 pages nobody asked for. So the graph and job pages of such a
build show the slice, chosen in the merged graph by the rules the extract scripts use (one
definition: :func:`aicareers.rome.extract.slice_sheets`, :func:`aicareers.onet.extract.related_slice`,
:data:`aicareers.esco.extract.SLICE` and the occupations the roles map to), each occupation with
everything the whole frameworks say of it. The graph files, the SPARQL endpoint, the command
line (``aicareers from``, ``gap``...) and the "from my job" page, which answers every title of
the whole frameworks (``render_site(..., whole=)``), keep everything.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("role", type="role"); g.add_node("r:M1889", type="rome-occupation", notation="M1889")
>>> g.add_node("r:X0001", type="rome-occupation", notation="X0001"); g.add_node("s", type="rome-skill")
>>> _ = g.add_edge("role", "r:M1889", key="skos:exactMatch"); _ = g.add_edge("r:X0001", "s", key="aic:coreSkill")
>>> sorted(page_scope(g))  # a sheet neither a seed nor a hub's neighbour goes, with its skills
['r:M1889', 'role']
"""

from __future__ import annotations

import networkx as nx

from ..analytics.skills import MATCHES, OCCUPATION_TYPES

__all__ = ["FRAMEWORK_TYPES", "slice_occupations", "page_scope"]

#: The node types the frameworks bring (besides their occupations): kept on the pages when they
#: hang off a kept occupation or a node of the project's own.
FRAMEWORK_TYPES = frozenset({"esco-skill", "rome-skill", "technology", "task", "job-title", "work-context", "job-zone"})
MOVE = "aic:mobilityTo"


def slice_occupations(g: nx.MultiDiGraph) -> set[str]:
    """The occupations of ``g`` that the AI-careers slice holds (the module's rules)."""
    from ..esco.extract import SLICE
    from ..frameworks.slices import ONET_SEEDS, ROME_SEEDS
    from ..onet.extract import TIER, related_slice
    from ..rome.extract import slice_sheets

    occupations = {n: d for n, d in g.nodes(data=True) if d.get("type") in OCCUPATION_TYPES}
    kept = {v for u, v, k in g.edges(keys=True)
            if k in MATCHES and v in occupations and g.nodes[u].get("type") == "role"}  # what the roles map to
    kept |= {iri for iri, _label, _why in SLICE if iri in occupations}
    codes = {kind: {d.get("notation"): n for n, d in occupations.items() if d["type"] == kind}
             for kind in ("rome-occupation", "onet-occupation")}
    rome, onet = codes["rome-occupation"], codes["onet-occupation"]
    moves = [(u, v, d) for u, v, k, d in g.edges(keys=True, data=True) if k == MOVE]
    rome_moves = [(occupations[u]["notation"], occupations[v]["notation"]) for u, v, _ in moves
                  if u in occupations and v in occupations and occupations[u]["type"] == occupations[v]["type"] == "rome-occupation"]
    kept |= {rome[code] for code in slice_sheets(rome_moves, [c for c in ROME_SEEDS if c in rome]) if code in rome}
    onet_pairs = [(occupations[u]["notation"], occupations[v]["notation"]) for u, v, d in moves
                  if u in occupations and v in occupations and occupations[u]["type"] == "onet-occupation"
                  and occupations[v]["type"] == "onet-occupation" and d.get("tier") == TIER]
    kept |= {onet[code] for code in related_slice(onet_pairs, onet, [c for c in ONET_SEEDS if c in onet]) if code in onet}
    return kept


def page_scope(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The part of ``g`` the pages show: every node of the project's own, the slice's occupations,
    and the framework nodes (skills, tasks, titles...) hanging off either (a copy)."""
    kept_occupations = slice_occupations(g)
    anchors = {n for n, d in g.nodes(data=True)
               if d.get("type") not in OCCUPATION_TYPES and d.get("type") not in FRAMEWORK_TYPES} | kept_occupations
    keep = set(anchors)
    for node in anchors:
        for other in (*g.successors(node), *g.predecessors(node)):
            if g.nodes[other].get("type") in FRAMEWORK_TYPES:
                keep.add(other)
    return g.subgraph(n for n in g if n in keep).copy()  # in g's node order: pages are built in that order
