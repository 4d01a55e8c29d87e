"""Layout rules by graph size, and node positions computed in Python for large graphs.

Size rules, from ``bench/html_layout.py`` (synthetic projections, headless Chromium with
software rendering on 2 CPU cores; "settled" is the time from navigation to a still drawing):

======  ==================================  ===================================
nodes   in-page physics (seeded)            positions computed here
======  ==================================  ===================================
200     2.7 s (950 steps)                   0.3 s
1,000   3.3 s (190 steps)                   0.6 s
2,000   6.2 s (150 steps, not settled)      1.0 s (+0.5 s in Python)
10,000  48 s (150 steps, not settled)       2.6 s (+2.9 s in Python)
======  ==================================  ===================================

- **up to** :data:`PHYSICS_MAX_NODES` **(1,000) nodes**: vis-network lays the graph out in the
  page with its forceAtlas2 physics, seeded (``layout.randomSeed``) so that every opening draws
  the same picture; the stabilisation runs hidden, then physics is switched off
  (``stabilizationIterationsDone`` → ``setOptions({physics: false})``), so the graph settles and
  stays put. The steps shrink as the graph grows (:func:`stabilization_iterations`) to keep the
  wait near 3 s. vis-network's Kamada-Kawai start (``improvedLayout``) is used only up to
  :data:`IMPROVED_LAYOUT_MAX_NODES` (100) nodes: beyond, vis-network clusters first and gives up
  on graphs with several components (it says so on the console), so it only costs time.
- **above 1,000 nodes**: in-page physics takes more than 5 s before the page settles, and
  ``networkx.spring_layout`` is quadratic (13 s for 2,000 nodes, 209 s for 10,000 on the same
  machine; ``spectral_layout`` 139 s for 10,000), so :func:`compute_positions` places the nodes
  in Python in a few seconds and the page opens with physics off and fixed coordinates:
  straight edges, edges hidden while dragging or zooming, an edge's label drawn only while it is
  hovered or its end selected (as on every page of more than 30 edges). Spring lengths leave
  room for edge labels up to :data:`EDGE_LABELS_MAX_EDGES` edges.

:func:`compute_positions` is a pivot-MDS start refined by a local force model:

1. each connected component is laid out on its own; leaves (degree-1 nodes) are set aside;
2. the rest is placed by *pivot MDS*: breadth-first distances from a few pivots picked far apart,
   double-centred and reduced to two dimensions by SVD (linear in the graph's size);
3. the leaves are put on a ring around the node they hang from;
4. a few force steps clear crowded spots: edges pull when longer than the ideal length, nodes
   closer than :data:`REACH` push apart (pairs found with a k-d tree), so each step is
   near-linear and the spread given by MDS holds;
5. the components are packed in rows, largest first, and coordinates rounded to whole pixels.

Everything is seeded: the same graph gives the same positions.

>>> import networkx as nx
>>> pos = compute_positions(nx.path_graph(5))
>>> sorted(pos) == list(range(5)) and pos == compute_positions(nx.path_graph(5))
True
>>> page_mode(200, 250)["physics"], page_mode(2000, 2500)["physics"]
(True, False)
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
from scipy.sparse.csgraph import shortest_path
from scipy.spatial import cKDTree

#: Above this many nodes, positions are computed in Python and the page has no physics.
PHYSICS_MAX_NODES = 1000
#: Up to this many nodes, vis-network seeds its layout with Kamada-Kawai (``improvedLayout``).
IMPROVED_LAYOUT_MAX_NODES = 100
#: Up to this many edges, edge labels (the predicate) are drawn on the canvas.
EDGE_LABELS_MAX_EDGES = 1500
#: The seed of every layout, in the page (``layout.randomSeed``) and in Python.
SEED = 7
#: Pixels per unit of ideal edge length in computed layouts.
SPACING = 70
#: Pivots of the pivot-MDS start.
PIVOTS = 40
#: Room given to each node (square units of ideal edge length) before refinement.
AREA_PER_NODE = 2.0
#: Refinement steps of the force model.
REFINE_ITERATIONS = 40
#: Nodes closer than this (units) push each other apart, the closer the harder.
REACH = 2.0
REPULSION = 1.0
SPRING = 0.3


def stabilization_iterations(n_nodes: int) -> int:
    """In-page stabilisation steps, for about 3 s of physics in the benchmark's browser.

    A forceAtlas2 step cost about 0.016 ms per node there (3 ms at 200 nodes, 17 ms at 1,000), so
    190,000 / n steps, kept between 150 (below, the layout is not settled) and 1,000.
    """
    return max(150, min(1000, 190_000 // max(n_nodes, 1)))


def page_mode(n_nodes: int, n_edges: int) -> dict:
    """The size rules applied to a graph of ``n_nodes`` nodes and ``n_edges`` edges."""
    physics = n_nodes <= PHYSICS_MAX_NODES
    return {
        "physics": physics,
        "precomputed": not physics,
        "improved_layout": n_nodes <= IMPROVED_LAYOUT_MAX_NODES,
        "iterations": stabilization_iterations(n_nodes) if physics else 0,
        "edge_labels": n_edges <= EDGE_LABELS_MAX_EDGES and physics,
        "smooth_edges": physics,
    }


def compute_positions(graph: nx.Graph, seed: int = SEED, spacing: float = SPACING) -> dict:
    """Positions ``{node: (x, y)}`` in whole pixels for every node of ``graph`` (any networkx graph)."""
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    order = {node: i for i, node in enumerate(simple)}
    rng = np.random.default_rng(seed)
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(order[n] for n in c)))
    placed = []
    for component in components:
        nodes = sorted(component, key=order.__getitem__)
        placed.append((nodes, _layout_component(simple, nodes, rng)))
    positions = {}
    for nodes, xy in _pack(placed):
        for node, (x, y) in zip(nodes, xy):
            positions[node] = (int(round(x * spacing)), int(round(y * spacing)))
    return {node: positions[node] for node in simple}


def _layout_component(graph: nx.Graph, nodes: list, rng: np.random.Generator) -> np.ndarray:
    """Coordinates (unit edge length, centred) of one connected component."""
    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in graph.subgraph(nodes).edges()], dtype=np.int64)
    degree = np.bincount(edges.ravel(), minlength=n)

    # Leaves hang from their only neighbour; the others (the "core") go through pivot MDS.
    anchor = np.full(n, -1)
    for a, b in edges:
        if degree[a] == 1 and degree[b] > 1:
            anchor[a] = b
        elif degree[b] == 1 and degree[a] > 1:
            anchor[b] = a
    core = np.flatnonzero(anchor < 0)
    pos = np.zeros((n, 2))
    xy = _pivot_mds(core, edges, anchor, rng)
    # Small-world graphs come out of MDS crowded (a few hops across): spread the core so that
    # the whole component gets about AREA_PER_NODE square units per node.
    spread = math.sqrt(float(np.mean(np.sum((xy - xy.mean(axis=0)) ** 2, axis=1)))) if len(xy) > 1 else 0.0
    wanted = 0.6 * math.sqrt(n * AREA_PER_NODE / math.pi)
    if 0 < spread < wanted:
        xy = xy * (wanted / spread)
    pos[core] = xy

    # Leaves on a ring around their anchor, wide enough for them all.
    leaves_of: dict[int, list[int]] = {}
    for leaf in np.flatnonzero(anchor >= 0):
        leaves_of.setdefault(int(anchor[leaf]), []).append(int(leaf))
    for hub, leaves in leaves_of.items():
        radius = max(1.0, len(leaves) / (2 * math.pi) * 0.9)
        angles = rng.uniform(0, 2 * math.pi) + np.arange(len(leaves)) * 2 * math.pi / len(leaves)
        pos[leaves] = pos[hub] + radius * np.column_stack((np.cos(angles), np.sin(angles)))

    pos += rng.normal(scale=0.05, size=pos.shape)
    pos = _refine(pos, edges, rng)
    return pos - pos.mean(axis=0)


def _pivot_mds(core: np.ndarray, edges: np.ndarray, anchor: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Pivot MDS of the core nodes, scaled so that core edges are about one unit long."""
    m = len(core)
    if m == 1:
        return np.zeros((1, 2))
    local = {int(node): i for i, node in enumerate(core)}
    core_edges = np.array([(local[a], local[b]) for a, b in edges if a in local and b in local], dtype=np.int64)
    from scipy.sparse import coo_matrix

    adjacency = coo_matrix((np.ones(len(core_edges)), (core_edges[:, 0], core_edges[:, 1])), shape=(m, m)).tocsr()
    k = min(PIVOTS, m)
    distances = np.empty((m, k))
    nearest = np.full(m, np.inf)
    pivot = int(np.argmax(np.bincount(core_edges.ravel(), minlength=m)))  # the best-connected node
    for j in range(k):
        d = shortest_path(adjacency, directed=False, unweighted=True, indices=pivot)
        distances[:, j] = d
        nearest = np.minimum(nearest, d)
        pivot = int(np.argmax(nearest))
    squared = distances**2
    centred = -0.5 * (squared - squared.mean(axis=0) - squared.mean(axis=1, keepdims=True) + squared.mean())
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    xy = u[:, :2] * s[:2]
    if xy.shape[1] < 2:
        xy = np.column_stack((xy, np.zeros(m)))
    if len(core_edges):
        lengths = np.linalg.norm(xy[core_edges[:, 0]] - xy[core_edges[:, 1]], axis=1)
        typical = np.median(lengths[lengths > 0]) if np.any(lengths > 0) else 1.0
        xy = xy / typical
    # Nodes MDS puts on the same spot (same distances to every pivot) are spread a little.
    return xy + rng.normal(scale=0.3, size=xy.shape)


def _refine(pos: np.ndarray, edges: np.ndarray, rng: np.random.Generator, iterations: int = REFINE_ITERATIONS) -> np.ndarray:
    """Local force steps: edges pull when longer than one unit, nodes closer than REACH push apart.

    Unlike Fruchterman-Reingold's quadratic springs and global repulsion, both forces are local,
    so the spread set by pivot MDS holds while crowded spots clear.
    """
    n = len(pos)
    u, v = edges[:, 0], edges[:, 1]
    for step in range(iterations):
        temperature = 1.5 * (1 - step / iterations) + 0.05
        disp = np.zeros_like(pos)
        pairs = cKDTree(pos).query_pairs(REACH, output_type="ndarray")
        if len(pairs):
            i, j = pairs[:, 0], pairs[:, 1]
            delta = pos[i] - pos[j]
            dist = np.linalg.norm(delta, axis=1)
            tiny = dist < 1e-6
            if np.any(tiny):  # same spot: push apart in a random direction
                delta[tiny] = rng.normal(size=(int(tiny.sum()), 2))
                dist[tiny] = np.linalg.norm(delta[tiny], axis=1)
            strength = REPULSION * (1.0 / np.maximum(dist, 0.05) - 1.0 / REACH)
            push = delta / dist[:, None] * strength[:, None]
            disp += _scatter(i, push, n) - _scatter(j, push, n)
        delta = pos[u] - pos[v]
        dist = np.maximum(np.linalg.norm(delta, axis=1), 1e-6)
        pull = delta / dist[:, None] * np.maximum(dist - 1.0, 0.0)[:, None] * SPRING
        disp += _scatter(v, pull, n) - _scatter(u, pull, n)
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos = pos + disp / length[:, None] * np.minimum(length, temperature)[:, None]
    return pos


def _scatter(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Sum the rows of ``values`` into ``n`` rows by ``index`` (a fast ``np.add.at``)."""
    return np.column_stack((np.bincount(index, values[:, 0], n), np.bincount(index, values[:, 1], n)))


def _pack(placed: list) -> list:
    """Shelf-pack the components (largest first) in rows about as wide as the whole is tall."""
    boxes = []
    for nodes, xy in placed:
        low, high = xy.min(axis=0), xy.max(axis=0)
        boxes.append((nodes, xy - low, high - low + 2.0))  # 2 units of margin
    total_area = sum(float(w * h) for _, _, (w, h) in boxes)
    row_width = max(max(float(size[0]) for _, _, size in boxes), math.sqrt(total_area) * 1.2)
    out, x, y, row_height = [], 0.0, 0.0, 0.0
    for nodes, xy, (w, h) in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        out.append((nodes, xy + np.array([x, y])))
        x += float(w)
        row_height = max(row_height, float(h))
    return out
