"""The HTML pages: the whole graph, one page per role, the career paths.

:func:`write_pages` takes the networkx projection (:func:`aicareers.projection.project`) and
writes, all at once and byte-identical from one build to the next:

- ``index.html``: every node and edge of the projection;
- ``role-<id>.html`` for each role: the role, everything one edge away from it (skills,
  missions, trainings, salaries, evolution paths, the ESCO occupations it maps to...) and the
  programmes its training routes go through, with every projection edge among them;
- ``jobs/<id>.html`` for each role and each framework occupation: its job profile as text
  (:mod:`aicareers.html.jobs`);
- ``career-paths.html``: the roles that take part in an evolution move (``aic:canEvolveTo``) and
  the moves; each move's tooltip lists its skill gap (:func:`skill_gap`: the rule of
  :mod:`aicareers.analytics.gap`).

:func:`render_site` adds the pages that answer a question, as the build and ``aicareers html``
write them: ``from-my-job.html``, type a job title and see the AI roles reachable from it
(:mod:`aicareers.html.from_my_job`, the answers of ``aicareers from``).

Each page is a pyvis network rendered (``generate_html``, ``cdn_resources="in_line"``) through
this package's template (:mod:`aicareers.html.controls`) rather than pyvis's own, which loads
Bootstrap from a CDN in every mode: vis-network is included in line from pyvis's copy, so the
page works offline and asks for nothing outside its own file. Layout and size rules: :mod:`aicareers.html.layout`; colours, shapes and
legend: :mod:`aicareers.html.style`.

>>> role_page_name("https://w3id.org/ai-careers/id/role/prompt-engineer")
'role-prompt-engineer.html'
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
from pathlib import Path

import networkx as nx
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

from ..analytics.gap import skill_gap as analytics_gap
from ..atomic import write_set
from ..prefixes import PREFIXES
from . import controls, language, layout, style
from .from_my_job import PAGE_NAME as FROM_MY_JOB, render_from_my_job
from .jobs import FOLDER as JOBS_FOLDER
from .jobs import job_pages, render_jobs
from .search import SEARCH_SCRIPT

EVOLVES = "aic:canEvolveTo"
SKILL_EDGE = "aic:requiresSkill"
MATCHES = ("skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch")
ESCO_SKILL_EDGES = ("aic:relatedSkill", "esco:relatedEssentialSkill", "esco:relatedOptionalSkill")
PYVIS_TEMPLATES = Path(importlib.util.find_spec("pyvis").origin).parent / "templates"
TEMPLATE_NAME = "aicareers-page.html"
#: Node labels longer than this are cut on the canvas (the tooltip shows them whole).
LABEL_MAX = 42
#: Labels of the predicates the ontology reuses without labelling them (schema.org's): a page
#: never shows a prefixed name. Every other predicate's labels are the ontology's rdfs:labels,
#: which the projection puts on each edge.
UNLABELLED_PREDICATES = {"schema:estimatedSalary": ("salaire estimé", "estimated salary")}
#: Up to this many edges, a page draws every edge label; above, an edge's label shows when the
#: edge is hovered or its end is selected (at the opening zoom of a busy page, labels print over
#: each other).
EDGE_LABELS_ALWAYS_MAX = 30


# ------------------------------------------------------------------------------ sub-graphs


def induced(graph: nx.MultiDiGraph, keep) -> nx.MultiDiGraph:
    """The sub-graph of ``graph`` on ``keep``, nodes and edges in ``graph``'s order (deterministic,
    unlike ``graph.subgraph``, whose order can follow a set's)."""
    keep = set(keep)
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((n, graph.nodes[n]) for n in graph if n in keep)
    sub.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep)
    return sub


def role_subgraph(graph: nx.MultiDiGraph, role: str) -> nx.MultiDiGraph:
    """A role's page: the role, its neighbours (both directions), its routes' programmes."""
    keep = {role} | set(graph.successors(role)) | set(graph.predecessors(role))
    for node in list(keep):
        if graph.nodes[node].get("type") == "training":
            keep |= {v for _, v, d in graph.out_edges(node, data=True) if d.get("predicate") == "aic:hasStep"}
    return induced(graph, keep)


def _out(graph, node, predicates) -> set:
    return {v for _, v, k in graph.out_edges(node, keys=True) if k in predicates}


def skill_gap(graph: nx.MultiDiGraph, source: str, target: str) -> list[str] | None:
    """The skills to acquire to move from ``source`` to ``target``, as node IRIs, by the rule of
    :func:`aicareers.analytics.gap.skill_gap`; ``None`` when the target has no known skill at all
    (the gap is unknown, not empty)."""
    gap = analytics_gap(graph, source, target)
    if not gap.to_acquire and not gap.carried_over:
        return None
    return [skill.key for skill in gap.to_acquire]


def career_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Roles and the evolution moves between them; each move carries ``gap`` (skills to acquire).

    Roles with no move are left out (all roles are kept if there is no move at all).
    """
    moves = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if k == EVOLVES]
    involved = {u for u, *_ in moves} | {v for _, v, *_ in moves}
    roles = [n for n, d in graph.nodes(data=True) if d.get("type") == "role" and (n in involved or not moves)]
    paths = nx.MultiDiGraph()
    paths.add_nodes_from((n, graph.nodes[n]) for n in roles)
    for u, v, k, d in moves:
        skills = skill_gap(graph, u, v)
        gap = [{"iri": s, "label_fr": graph.nodes[s].get("label_fr", s), "label_en": graph.nodes[s].get("label_en", s)} for s in skills or []]
        paths.add_edge(u, v, key=k, **{**d, "gap": gap, "gap_unknown": skills is None})
    return paths


def role_slug(iri: str) -> str:
    """The last segment of the IRI, reduced to letters, digits, ``-``, ``_``.

    >>> role_slug("https://w3id.org/ai-careers/id/role/prompt-engineer")
    'prompt-engineer'
    """
    return re.sub(r"[^A-Za-z0-9_-]+", "-", iri.rstrip("/").rsplit("/", 1)[-1]).strip("-") or "role"


def role_page_name(iri: str) -> str:
    """``role-<slug>.html`` (:func:`role_slug`)."""
    return f"role-{role_slug(iri)}.html"


def whole_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The whole graph's page: every node that has a link.

    The few nodes without any are left off: places a salary claim is about (``schema:about`` of
    a claim), framework vocabulary no AI occupation uses (O*NET job zones 1 and 2) and the Bac, a
    training's prerequisite; those links are not projection edges. On the canvas these nodes
    would float alone, far from everything, and pull the opening view apart; the graph files and
    the SPARQL endpoint still have them.
    """
    return induced(graph, [n for n in graph if graph.degree(n)])


def predicate_labels(predicate: str, data: dict) -> tuple[str, str]:
    """The (French, English) labels of an edge's predicate: the ontology's (on the edge), else
    :data:`UNLABELLED_PREDICATES`, else the local name in words; never the prefixed name.

    >>> predicate_labels("aic:hasMission", {"label_fr": "a pour mission", "label_en": "has mission"})
    ('a pour mission', 'has mission')
    >>> predicate_labels("schema:estimatedSalary", {"label_fr": "schema:estimatedSalary"})
    ('salaire estimé', 'estimated salary')
    >>> predicate_labels("ex:worksWithTeam", {})
    ('works with team', 'works with team')
    """
    fr, en = data.get("label_fr", ""), data.get("label_en", "")
    if fr and en and predicate not in (fr, en):
        return fr, en
    if predicate in UNLABELLED_PREDICATES:
        return UNLABELLED_PREDICATES[predicate]
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", predicate.rsplit(":", 1)[-1].rsplit("/", 1)[0]).lower()
    return (fr if fr and fr != predicate else words), (en if en and en != predicate else words)


def node_link(node: str, node_type: str) -> str | None:
    """Where a node's "details" lead: a role's job profile (``jobs/<id>.html``); a node of an
    outside framework whose IRI is a web page (ESCO's), that page; the project's other nodes have
    no page of their own. A framework occupation with a job page of this site
    (:func:`aicareers.html.jobs.job_pages`) links to that page instead (``render_page``'s ``jobpages``).

    >>> node_link("https://w3id.org/ai-careers/id/role/prompt-engineer", "role")
    'jobs/prompt-engineer.html'
    >>> node_link("http://data.europa.eu/esco/occupation/abc", "esco-occupation")
    'http://data.europa.eu/esco/occupation/abc'
    >>> node_link("https://w3id.org/ai-careers/id/skill/x", "skill") is None
    True
    """
    if node_type == "role":
        return f"{JOBS_FOLDER}/{role_slug(node)}.html"
    if node.startswith(("http://", "https://")) and not node.startswith(PREFIXES["aicr"]):
        return node
    return None


def role_pages(graph: nx.MultiDiGraph) -> dict[str, str]:
    """``{role IRI: page file name}``, in the projection's order; clashing names get ``-2``, ``-3``..."""
    pages, used = {}, set()
    for node, data in graph.nodes(data=True):
        if data.get("type") != "role":
            continue
        name = role_page_name(node)
        stem, n = name[: -len(".html")], 2
        while name in used:
            name, n = f"{stem}-{n}.html", n + 1
        used.add(name)
        pages[node] = name
    return pages


# ------------------------------------------------------------------------------ rendering


def _vis_options(mode: dict) -> dict:
    options = {
        "autoResize": True,
        "layout": {"randomSeed": layout.SEED, "improvedLayout": mode["improved_layout"]},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": mode["precomputed"],
            "hideEdgesOnZoom": mode["precomputed"],
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 1.5,
            "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            # labels smaller than 8 px on the screen are not drawn: a tangle of them reads as noise
            # (roles' labels never get that small: controls.ROLE_LABEL_MIN_PX)
            "scaling": {"label": {"enabled": False, "drawThreshold": 9, "maxVisible": 40}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "font": {"size": 10, "align": "middle", "color": "#55606e", "strokeWidth": 3, "strokeColor": "#ffffff", "face": "system-ui, sans-serif"},
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.4} if mode["smooth_edges"] else False,
            "selectionWidth": 1.5,
            "scaling": {"label": {"drawThreshold": 8}},
        },
    }
    if mode["physics"]:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "centralGravity": 0.008, "springLength": 110, "springConstant": 0.06, "avoidOverlap": 0.5},
            "stabilization": {"enabled": True, "iterations": mode["iterations"], "updateInterval": 50, "fit": True},
            "minVelocity": 0.75,
        }
    else:
        options["physics"] = {"enabled": False}
    return options


def _node_data(node: str, data: dict, lang: str, position=None, job_page: str | None = None) -> dict:
    node_type = data.get("type", "")
    look = style.type_style(node_type)
    font = {"color": look.font_color}
    if node_type == "role":
        font.update({"size": 15, "strokeWidth": 0, "bold": {"color": look.font_color}})
    label = data.get(f"label_{lang}") or data.get("label_fr") or node
    item = {
        "label": label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…",
        "shape": look.shape,
        "color": style.node_color(node_type),
        "size": look.size,
        "font": font,
        "type": node_type,
        "label_fr": data.get("label_fr", ""),
        "label_en": data.get("label_en", ""),
        "definition_fr": data.get("definition_fr", ""),
        "definition_en": data.get("definition_en", ""),
        "sources": _sources(data),
    }
    # a job with its own page on this site (a framework occupation too) links there, not to the framework
    link = job_page or node_link(node, node_type)
    if link:
        item["link"] = link
    if node_type == "role":
        item["emerging"] = bool(data.get("emerging"))
        item["margin"] = 8
    alt = [a for key in ("alt_labels_fr", "alt_labels_en") for a in data.get(key, [])]
    if alt:
        item["alt"] = alt
    if position is not None:
        item["x"], item["y"] = position
    return item


def edge_length(degree_u: int, degree_v: int, label_chars: int = 0, box_chars: int = 0) -> int:
    """Spring length (px) of an edge in the page's physics.

    Longer around hubs, so that a role's many neighbours get room for their labels (60 px + 22 px
    × √degree of the busier end, at most 320); long enough for the edge's own label
    (``label_chars``, its longest line) and for the boxes at its ends, whose label is inside
    (``box_chars``, the characters of both box labels).
    """
    hub = min(320, 60 + 22 * math.sqrt(max(degree_u, degree_v)))
    return int(max(hub, 30 + 6.5 * label_chars) + 4 * box_chars)


def _sources(data: dict) -> list[list[str]]:
    """``[[English title, quote, French title], ...]``: the tooltip names each source in the
    reader's language."""
    return [[s.get("source_label", ""), s.get("quote", ""), s.get("source_label_fr") or s.get("source_label", "")]
            for s in data.get("sources", [])]


def _edge_data(index: int, predicate: str, data: dict, lang: str) -> dict:
    fr, en = predicate_labels(predicate, data)
    item = {
        "id": f"e{index}",
        "predicate": predicate,
        "label": fr if lang == "fr" else en,
        "label_fr": fr,
        "label_en": en,
        "sources": _sources(data),
        **style.edge_style(predicate),
    }
    for key in ("meaning_fr", "meaning_en"):
        if data.get(key):
            item[key] = data[key]
    if "gap" in data:
        item["gap"] = [{"label_fr": s["label_fr"], "label_en": s["label_en"]} for s in data["gap"]]
        item["gapUnknown"] = bool(data.get("gap_unknown"))
    return item


def pyvis_node(node_id: str, item: dict) -> dict:
    """The dict pyvis 0.3.2's ``Network.add_node(node_id, **item)`` appends to ``net.nodes``, key
    for key (``color`` first, the other options, then ``id``, ``label``, ``shape``), on a network
    with pyvis's default font colour.

    >>> pyvis_node("n1", {"label": "", "shape": "box", "size": 3})
    {'color': '#97c2fc', 'size': 3, 'id': 'n1', 'label': 'n1', 'shape': 'box'}
    """
    options = dict(item)
    label = options.pop("label", None)
    shape = options.pop("shape", "dot")
    color = options.pop("color", "#97c2fc")
    node = dict(options) if "group" in options else {"color": color, **options}
    node["id"] = node_id
    node["label"] = label if label else node_id
    node["shape"] = shape
    return node


def pyvis_edge(source: str, target: str, item: dict) -> dict:
    """The dict pyvis 0.3.2's ``Network.add_edge(source, target, **item)`` appends to ``net.edges``
    on a directed network, key for key.

    >>> pyvis_edge("a", "b", {"id": "e0"})
    {'id': 'e0', 'from': 'a', 'to': 'b', 'arrows': 'to'}
    """
    edge = dict(item)
    edge["from"] = source
    edge["to"] = target
    edge.setdefault("arrows", "to")
    return edge


def render_page(
    graph: nx.MultiDiGraph,
    *,
    page: str,
    title_fr: str,
    title_en: str,
    lang: str = "fr",
    rolepages: dict[str, str] | None = None,
    labels: dict[str, tuple[str, str]] | None = None,
    mode: dict | None = None,
    jobpages: dict[str, str] | None = None,
) -> str:
    """One page of ``graph``; ``rolepages`` maps role IRIs to their pages (for links),
    ``labels`` maps the same IRIs to their (French, English) labels; ``mode`` overrides the size
    rules (:func:`aicareers.html.layout.page_mode`), for benchmarks; ``jobpages`` maps jobs to
    their ``jobs/<id>.html`` (:func:`aicareers.html.jobs.job_pages`), where tooltips link them."""
    rolepages = rolepages or {}
    jobpages = jobpages or {}
    labels = labels or {}
    mode = mode or layout.page_mode(graph.number_of_nodes(), graph.number_of_edges())
    positions = layout.compute_positions(graph) if mode["precomputed"] else {}

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    nodes = {node: pyvis_node(node, _node_data(node, data, lang, positions.get(node), jobpages.get(node)))
             for node, data in graph.nodes(data=True)}
    edges = []
    for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        item = _edge_data(i, data.get("predicate", key), data, lang)
        if mode["physics"]:
            drawn = [item["label_fr"], item["label_en"]] if mode["edge_labels"] else []
            if "gap" in item:
                drawn += [f"+{len(item['gap'])} {controls.UI_TEXT[lg]['gapNote']}" for lg in controls.UI_TEXT]
                drawn += [controls.UI_TEXT[lg]["gapUnknown"] for lg in controls.UI_TEXT]
            boxes = sum(len(nodes[n]["label"]) for n in (u, v) if nodes[n]["shape"] == "box")
            item["length"] = edge_length(graph.degree(u), graph.degree(v), max(map(len, drawn), default=0), boxes)
        edges.append(pyvis_edge(u, v, item))
    # pyvis's add_edge looks both ends up with `source in self.get_nodes()`, a scan of a Python
    # list of every node id: nodes x edges on a large page. The lists pyvis renders are filled
    # here instead, with the very items add_node and add_edge would append.
    net.nodes, net.node_ids, net.node_map, net.edges = list(nodes.values()), list(nodes), nodes, edges
    net.options = _vis_options(mode)
    edge_labels = "always" if mode["edge_labels"] and len(edges) <= EDGE_LABELS_ALWAYS_MAX else "hover"
    if edge_labels == "always":
        # few labels, each always shown: level, so that a two-line label reads whole (along a
        # curve, its end slid under the box at the edge's end)
        net.options["edges"]["font"]["align"] = "horizontal"

    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        counts[data.get("type", "")] = counts.get(data.get("type", ""), 0) + 1
    types = style.ordered_types(counts)
    # the types folded into one node each when the page opens (none on a small page)
    fold = controls.folded_types(counts)
    links: dict[str, list] = {}
    for edge in edges:
        # per-edge labels ("étape 2") name the predicate in the legend without their number
        row = links.setdefault(edge["predicate"], [edge["predicate"], *(re.sub(r"\s+\d+$", "", edge[f"label_{lg}"]) for lg in ("fr", "en")), 0])
        row[3] += 1
    text = controls.UI_TEXT
    nav = [
        {"href": "index.html", "fr": text["fr"]["whole"], "en": text["en"]["whole"], "current": page == "index.html"},
        {"href": "career-paths.html", "fr": text["fr"]["paths"], "en": text["en"]["paths"], "current": page == "career-paths.html"},
    ]
    role_links = [
        {"href": name, "fr": labels.get(iri, (iri, iri))[0], "en": labels.get(iri, (iri, iri))[1], "current": page == name}
        for iri, name in rolepages.items()
    ]
    for link in nav + role_links:
        link["text"] = link[lang]
    page_data = {
        "page": page,
        "lang": lang,
        "title": title_fr if lang == "fr" else title_en,
        "title_fr": title_fr,
        "title_en": title_en,
        "nav": nav,
        "role_links": role_links,
        "text": text,
        "ui": text[lang],
        "legend": Markup(style.legend_html(types, lang, counts, {t: controls.fold_button_html(t, lang) for t in fold})),
        "fold": fold,
        "edge_legend": Markup(style.edge_legend_html(list(links.values()), lang)),
        "css": Markup(controls.STYLE),
        "lang_css": Markup(language.STYLE),
        "lang_js": Markup(language.SCRIPT),
        "lang_switch": language.switch_html(lang),
        "js": Markup(controls.SCRIPT),
        "search_js": Markup(SEARCH_SCRIPT),
        "config": {
            "page": page,
            "lang": lang,
            "title": {"fr": title_fr, "en": title_en},
            "text": text,
            "types": {t: {"fr": style.type_style(t).fr, "en": style.type_style(t).en} for t in types},
            "physics": mode["physics"],
            # "always", or "hover": the hovered edge's label and the selected node's edges' (cheap
            # at any size: a handful of edges at a time)
            "edgeLabels": edge_labels,
            "roles": [n for n, d in graph.nodes(data=True) if d.get("type") == "role"],
            # a page with positions from Python is large: it opens on the roles, the others'
            # labels too small to draw (under 8 px) until one zooms in
            "openingScaleMax": 0.55 if mode["precomputed"] else 1.2,
            "edgeFontColor": "#55606e",
            "dim": style.DIM_COLOR,
            "dimFont": style.DIM_FONT_COLOR,
            "labelMax": LABEL_MAX,
            "rolePages": {iri: name for iri, name in rolepages.items() if iri in graph},
            # a list, not a mapping: tojson sorts a mapping's keys, and the legend's order is kept
            "fold": [{"type": t, "fr": controls.FOLD_NAMES[t][0], "en": controls.FOLD_NAMES[t][1]} for t in fold],
        },
    }
    env = Environment(
        loader=ChoiceLoader([DictLoader({TEMPLATE_NAME: controls.PAGE_TEMPLATE}), FileSystemLoader(str(PYVIS_TEMPLATES))]),
        autoescape=True,
        keep_trailing_newline=True,
    )
    env.globals["aic"] = page_data
    net.templateEnv = env
    net.path = TEMPLATE_NAME
    return net.generate_html()


def render_pages(graph: nx.MultiDiGraph, *, lang: str = "fr", claims=None) -> dict[str, str]:
    """Every page, ``{file name: HTML}``: index, career paths, the roles in the projection's order,
    then the job pages (``jobs/<id>.html``; ``claims``: the salary claims they show,
    :func:`aicareers.salary_claims.read_claims` of the build's dataset)."""
    if lang not in controls.UI_TEXT:
        raise ValueError(f"unknown language {lang!r} (fr or en)")
    rolepages = role_pages(graph)
    labels = {iri: (graph.nodes[iri].get("label_fr", iri), graph.nodes[iri].get("label_en", iri)) for iri in rolepages}
    common = {"lang": lang, "rolepages": rolepages, "labels": labels, "jobpages": job_pages(graph)}
    pages = {
        "index.html": render_page(whole_graph(graph), page="index.html", title_fr="Graphe des métiers de l’IA", title_en="AI careers graph", **common),
        "career-paths.html": render_page(
            career_graph(graph), page="career-paths.html", title_fr="Évolutions de carrière", title_en="Career paths", **common
        ),
    }
    for iri, name in rolepages.items():
        fr, en = labels[iri]
        pages[name] = render_page(role_subgraph(graph, iri), page=name, title_fr=f"{fr} : voisinage", title_en=f"{en}: neighbourhood", **common)
    pages.update(render_jobs(graph, rolepages, lang=lang, claims=claims))
    return pages


def render_site(graph: nx.MultiDiGraph, *, lang: str = "fr", claims=None, whole: nx.MultiDiGraph | None = None) -> dict[str, str]:
    """Every page of ``graph/html/``: :func:`render_pages` (the graph and job pages), then the
    pages that answer a question, ``from-my-job.html`` (:mod:`aicareers.html.from_my_job`).

    ``whole``: the whole projection when ``graph`` is the part the pages draw
    (:func:`aicareers.html.scope.page_scope`): "from my job" answers every title of it, as
    ``aicareers from`` does on the same build.
    """
    answers = render_from_my_job(graph if whole is None else whole, lang=lang)
    return {**render_pages(graph, lang=lang, claims=claims), FROM_MY_JOB: answers}


def write_pages(nx_graph: nx.MultiDiGraph, out_dir: str | os.PathLike, *, lang: str = "fr", site: bool = False, claims=None) -> list[Path]:
    """Render every page, then write them into ``out_dir``; returns their paths.

    With ``site``, the pages that answer a question too (:func:`render_site`), as the build writes them.

    Nothing is written until every page is rendered; role pages left by an earlier build for a
    role that is gone are removed.
    """
    out_dir = Path(out_dir)
    pages = (render_site if site else render_pages)(nx_graph, lang=lang, claims=claims)
    write_set(out_dir, pages)
    remove_stale_pages(out_dir, pages)
    return [out_dir / name for name in pages]


def remove_stale_pages(out_dir: str | os.PathLike, pages) -> None:
    """Remove the role and job pages of ``out_dir`` that ``pages`` (names) no longer has, and the
    profile pages of earlier builds (``profile-<id>.html``, now ``jobs/<id>.html``)."""
    out_dir = Path(out_dir)
    found = [*out_dir.glob("role-*.html"), *out_dir.glob("profile-*.html"), *out_dir.glob(f"{JOBS_FOLDER}/*.html")]
    for stale in sorted(found):
        if stale.relative_to(out_dir).as_posix() not in pages:
            stale.unlink()
