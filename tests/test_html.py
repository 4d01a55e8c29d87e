"""The HTML pages: written deterministically, self-contained, and working in a real browser.

Browser tests (``-m browser``) drive the Debian Chromium at /usr/bin/chromium through Playwright;
they fail, not skip, when it is missing. Screenshots go to ``test-artifacts/`` at the repository
root.
"""

from __future__ import annotations

import json
import re

import pytest

from aicareers.build import build
from aicareers.html import career_graph, role_pages, role_subgraph, skill_gap, write_pages
from aicareers.html.pages import render_page, whole_graph
from aicareers.html.style import DIM_COLOR
from aicareers.html.synthetic import synthetic_projection
from aicareers.projection import project
from tests.browser import ARTIFACTS, Opened

ID = "https://w3id.org/ai-careers/id/"
PE = ID + "role/prompt-engineer"
ARCHITECT = ID + "role/ai-architect"
PROJECT_LEAD = ID + "role/ai-project-lead"
ESD_ARCHITECT_QUOTE = "Architecte d’IA : conception et mise en place d’architectures de modèles d’IA générative."


@pytest.fixture(scope="module")
def graph():
    return project(build(out_dir=None).graph)


@pytest.fixture(scope="module")
def site(graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    written = write_pages(graph, out)
    return out, written


def expected_graph(graph, name):
    """The graph a page should draw."""
    if name == "index.html":
        return whole_graph(graph)
    if name == "career-paths.html":
        return career_graph(graph)
    role = {page: iri for iri, page in role_pages(graph).items()}[name]
    return role_subgraph(graph, role)


def graph_pages(written):
    """The pages that draw a graph (the job pages, jobs/*.html, are text: tests/test_job_pages.py)."""
    return [p for p in written if p.parent.name != "jobs"]


def json_block(html: str, block: str):
    match = re.search(rf'<script type="application/json" id="{block}">(.*?)</script>', html, re.S)
    assert match, block
    return json.loads(match.group(1))


# ----------------------------------------------------------------------------- without browser


def test_pages_written(graph, site):
    out, written = site
    roles = [n for n, d in graph.nodes(data=True) if d["type"] == "role"]
    names = [p.name for p in written]
    assert names[:2] == ["index.html", "career-paths.html"]
    graphs = [p.name for p in graph_pages(written)]
    assert sorted(graphs[2:]) == sorted(f"role-{r.rsplit('/', 1)[-1]}.html" for r in roles)
    assert all(p.parent == out and p.is_file() for p in graph_pages(written))
    assert "role-prompt-engineer.html" in names and (out / "jobs" / "prompt-engineer.html") in written


def test_same_build_same_bytes(graph, site, tmp_path):
    out, written = site
    again = write_pages(graph, tmp_path)
    assert [p.name for p in again] == [p.name for p in written]
    for first, second in zip(written, again):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_nothing_remote(site):
    _, written = site
    for path in written:
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]*\ssrc\s*=", html, re.I), path.name
        assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I), path.name
        assert not re.search(r"<link[^>]*>", html, re.I) or path.name.startswith("role-") or path.name in (
            "index.html", "career-paths.html"), path.name
    for path in graph_pages(written):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]*\ssrc\s*=", html, re.I), path.name
        for link in re.findall(r"<link[^>]*>", html, re.I):
            assert re.search(r'href="data:', link), (path.name, link)
        assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I), path.name
        assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", html, re.I), path.name
        assert not re.search(r"@import", html, re.I), path.name
        assert "vis.Network" in html  # vis-network is in the page itself


def test_legend_lists_every_type(graph, site):
    _, written = site
    for path in graph_pages(written):
        html = path.read_text(encoding="utf-8")
        legend = re.search(r'<ul id="aic-types">(.*?)</ul>', html, re.S).group(1)
        listed = re.findall(r'<label data-type="([^"]+)"', legend)
        present = {d["type"] for _, d in expected_graph(graph, path.name).nodes(data=True)}
        assert sorted(listed) == sorted(present), path.name
    index = (site[0] / "index.html").read_text(encoding="utf-8")
    assert {"role", "skill", "mission", "training", "salary", "esco-occupation", "esco-skill"} <= set(re.findall(r'data-type="([^"]+)"', index))


def test_page_data_matches_projection(graph, site):
    for path in graph_pages(site[1]):
        html = path.read_text(encoding="utf-8")
        nodes, edges = json_block(html, "aic-nodes"), json_block(html, "aic-edges")
        expected = expected_graph(graph, path.name)
        assert [n["id"] for n in nodes] == list(expected), path.name
        assert len(edges) == expected.number_of_edges(), path.name
    nodes = {n["id"]: n for n in json_block((site[0] / "index.html").read_text(encoding="utf-8"), "aic-nodes")}
    assert nodes[PE]["label_fr"] == "Prompt Engineer" and nodes[PE]["label_en"] == "Prompt engineer"
    assert [ESD_ARCHITECT_QUOTE] == [q for _, q, _ in nodes[ARCHITECT]["sources"]]
    # each source with its English and French titles
    assert [(en[:4], fr[:6]) for en, _, fr in nodes[ARCHITECT]["sources"]] == [("ESD:", "ESD : ")]


def test_role_page_is_the_neighbourhood(graph):
    sub = role_subgraph(graph, PE)
    kinds = {d["type"] for _, d in sub.nodes(data=True)}
    assert {"skill", "mission", "training", "salary", "esco-occupation", "role"} <= kinds
    moves = {v for _, v, k in sub.out_edges(PE, keys=True) if k == "aic:canEvolveTo"}
    assert len(moves) == 5 and ARCHITECT in moves
    neighbours = set(graph.successors(PE)) | set(graph.predecessors(PE))
    extra = set(sub) - neighbours - {PE}
    assert all(d["type"] == "training" for n, d in sub.nodes(data=True) if n in extra)  # route programmes


def test_skill_gap_is_the_analytics_rule_and_unknown_when_the_target_has_no_skill(graph):
    from aicareers.analytics.gap import skill_gap as analytics_gap

    gap = skill_gap(graph, PE, ARCHITECT)
    assert gap == [s.key for s in analytics_gap(graph, PE, ARCHITECT).to_acquire]
    # 40, not 164: the prompt engineer has the designer's skills it reaches through its broad
    # match (one definition of a role's skills on both sides of the gap, analytics/skills.py)
    assert len(gap) == 40 and all(graph.nodes[s]["type"] in ("skill", "esco-skill", "rome-skill") for s in gap)
    paths = career_graph(graph)
    assert {d["type"] for _, d in paths.nodes(data=True)} == {"role"}
    assert paths.number_of_edges() == 5
    assert [s["iri"] for s in paths.edges[PE, ARCHITECT, "aic:canEvolveTo"]["gap"]] == gap
    # the frameworks give every destination role skills: no gap is unknown in the real graph
    assert all(d["gap_unknown"] is False for *_, d in paths.edges(keys=True, data=True))
    # a target with no skill at all has an unknown gap, not an empty one
    from aicareers.analytics._examples import node, roles_with_skills

    small = roles_with_skills({"a": ["x"], "b": []}, [("a", "b")])
    assert skill_gap(small, node("role", "a"), node("role", "b")) is None


def test_text_is_escaped():
    g = synthetic_projection(40)
    first = next(iter(g))
    tricky = "</script><b onclick='x'>« l’IA » & \"co\"</b>"
    g.nodes[first]["label_fr"] = tricky
    g.nodes[first]["sources"] = [{"source": "s", "source_label": "<i>doc</i>", "quote": tricky}]
    html = render_page(g, page="index.html", title_fr="« Test » </title>", title_en="Test")
    assert "</script><b" not in html and "<i>doc</i>" not in html
    assert "<title>« Test » &lt;/title&gt;</title>" in html and html.count("</title>") == 1
    node = next(n for n in json_block(html, "aic-nodes") if n["id"] == first)
    assert node["label_fr"] == tricky and node["sources"] == [["<i>doc</i>", tricky, "<i>doc</i>"]]


def test_large_graph_has_fixed_positions():
    g = synthetic_projection(2000)
    html = render_page(g, page="index.html", title_fr="Grand", title_en="Big")
    options = json_block(html, "aic-options")
    assert options["physics"] == {"enabled": False}
    nodes = json_block(html, "aic-nodes")
    assert len(nodes) == 2000 and all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == 2000
    # too many edges to label them all: an edge's label shows on hover or with its selected end
    assert json_block(html, "aic-config")["edgeLabels"] == "hover"


@pytest.mark.parametrize("size", [60, 1200])
def test_the_page_holds_the_items_pyvis_would_make_without_its_list_scans(size, monkeypatch):
    """render_page fills pyvis's lists itself: the items are those of ``Network.add_node`` and
    ``add_edge`` key for key (so the page is byte-identical), and add_edge, which looks each end
    up in a list of every node id, is never called."""
    from pyvis.network import Network

    from aicareers.html import pages

    g = synthetic_projection(size)
    reference = Network(directed=True)
    for node, data in g.nodes(data=True):
        item = pages._node_data(node, data, "fr", (1, 2))
        reference.add_node(node, **item)
        assert json.dumps(reference.node_map[node]) == json.dumps(pages.pyvis_node(node, item))
    for i, (u, v, key, data) in enumerate(list(g.edges(keys=True, data=True))[:300]):
        item = pages._edge_data(i, data.get("predicate", key), data, "en")
        reference.add_edge(u, v, **item)
        assert json.dumps(reference.edges[-1]) == json.dumps(pages.pyvis_edge(u, v, item))

    def refuse(*args, **kwargs):
        raise AssertionError("Network.add_node/add_edge called")

    monkeypatch.setattr(Network, "add_edge", refuse)
    monkeypatch.setattr(Network, "add_node", refuse)
    nodes = json_block(render_page(g, page="index.html", title_fr="T", title_en="T"), "aic-nodes")
    assert [n["id"] for n in nodes] == list(g)


def test_small_graph_is_laid_out_by_seeded_physics(site):
    # the whole graph is large now (precomputed positions); a role's page is small
    options = json_block((site[0] / "role-prompt-engineer.html").read_text(encoding="utf-8"), "aic-options")
    assert options["physics"]["enabled"] is True and options["physics"]["stabilization"]["enabled"] is True
    assert isinstance(options["layout"]["randomSeed"], int)


def test_cli(tmp_path, capsys):
    from aicareers.cli import main

    assert main(["html", "--out", str(tmp_path), "--lang", "en"]) == 0
    assert "wrote 141 pages" in capsys.readouterr().out  # index, career paths, 11 roles, 127 jobs (11 roles, 116 occupations), from-my-job
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and json_block(html, "aic-config")["lang"] == "en"


# ----------------------------------------------------------------------------- in Chromium


@pytest.fixture(scope="module")
def index(browser, site):
    opened = Opened(browser, site[0] / "index.html")
    yield opened
    opened.page.close()


PAGE_NAMES = ["index.html", "career-paths.html"] + [
    f"role-{r}.html"
    for r in (
        "advertiser ai-architect ai-consultant ai-project-lead ai-researcher developer journalist "
        "prompt-engineer seo-consultant system-engineer ux-expert"
    ).split()
]


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_in_chromium(browser, graph, site, name):
    path = site[0] / name
    assert path.is_file(), f"{name} was not written"
    opened = Opened(browser, path)
    try:
        expected = expected_graph(graph, name)
        # the whole graph opens with the frameworks' vocabulary folded into one group per type
        # (aicareers.html.controls.folded_types): each group is drawn in place of its nodes
        folded = opened.js("aic.folded()")
        inside = opened.js("ts => ts.map(t => network.clustering.getNodesInCluster('aic-fold-' + t).length)", folded)
        assert bool(folded) is (name == "index.html")
        assert opened.js("network.body.nodeIndices.length") == expected.number_of_nodes() - sum(inside) + len(folded)
        # ... and once they are open, every node and edge of the page is drawn
        opened.js("aic.folded().forEach(t => aic.openType(t))")
        drawn = opened.js("[network.body.data.nodes.length, network.body.data.edges.length, network.body.nodeIndices.length, network.body.edgeIndices.length]")
        assert drawn == [expected.number_of_nodes(), expected.number_of_edges()] * 2
        # Physics is off once settled: nothing moves any more.
        assert opened.js("network.physics.options.enabled") is False
        before = opened.js("network.getPositions()")
        opened.page.wait_for_timeout(500)
        assert opened.js("network.getPositions()") == before
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / name.replace(".html", ".png")
        opened.page.screenshot(path=str(shot))
        print(f"screenshot: {shot}")
        assert opened.errors == [], opened.errors
        assert opened.foreign_requests() == []
    finally:
        opened.page.close()


@pytest.mark.browser
@pytest.mark.parametrize("query", ["ingénieur de requête", "Prompt Engineer", "INGENIEUR DE REQUETE"])
def test_search_focuses_the_node(index, query):
    index.js("aic.clearHighlight(); network.unselectAll(); network.moveTo({position: {x: 5000, y: 5000}, scale: 1})")
    index.page.fill("#aic-search", query)
    assert index.page.locator("#aic-results li").first.is_visible()
    index.page.press("#aic-search", "Enter")
    assert index.js("network.getSelectedNodes()") == [PE]
    # network.focus animates the view to the node (0.4 s; slower in a software-rendered browser).
    # vis-network's animation stops on its last drawn frame, a few pixels short of the target
    # when frames are slow: the node is in the middle of the canvas, within 20 px, and stays there.
    index.page.wait_for_function(
        """id => { const c = network.canvasToDOM(network.getPosition(id)), el = document.querySelector("#mynetwork");
                   return Math.abs(c.x - el.clientWidth / 2) < 20 && Math.abs(c.y - el.clientHeight / 2) < 20; }""",
        arg=PE,
        timeout=5_000,
    )


@pytest.mark.browser
def test_tooltip_quotes_the_sources(index, browser, site):
    title = index.js("id => nodes.get(id).title.textContent", ARCHITECT)
    assert ESD_ARCHITECT_QUOTE in title
    assert "Architecte d'IA" in title and "AI architect" in title  # both labels
    assert "ESD" in title  # the document's name
    # On the career paths, hovering the node shows it; the move's tooltip has its skill gap.
    opened = Opened(browser, site[0] / "career-paths.html")
    try:
        opened.page.mouse.move(*opened.node_point(ARCHITECT))
        tooltip = opened.page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5_000)
        assert ESD_ARCHITECT_QUOTE in tooltip.inner_text()
        edge = opened.js("e => edges.get({filter: x => x.from === e[0] && x.to === e[1]})[0].title.textContent", [PE, ARCHITECT])
        assert "Compétences à acquérir (" in edge and ESD_ARCHITECT_QUOTE in edge
        assert opened.errors == [] and opened.foreign_requests() == []
    finally:
        opened.page.close()


@pytest.mark.browser
def test_language_switch(index):
    assert index.js("id => nodes.get(id).label", ARCHITECT) == "Architecte d'IA"
    index.page.click("#aic-lang button[data-lang='en']")
    assert index.js("id => nodes.get(id).label", ARCHITECT) == "AI architect"
    assert index.page.inner_text("h1") == "AI careers graph"
    assert "AI architect" in index.js("id => nodes.get(id).title.textContent", ARCHITECT)
    # edges are labelled on hover in a graph this large; the label switches language all the same
    assert index.js("edges.get().find(e => e.predicate === 'aic:canEvolveTo').label_en") == "can evolve to"
    index.page.click("#aic-lang button[data-lang='fr']")
    assert index.js("id => nodes.get(id).label", ARCHITECT) == "Architecte d'IA"
    assert index.page.inner_text("h1") == "Graphe des métiers de l’IA"


@pytest.mark.browser
def test_type_filter_hides_nodes(index, graph):
    skills = sorted(n for n, d in graph.nodes(data=True) if d["type"] == "skill")
    # the nodes drawn before: the page's, but for the types folded into groups (test_graph_pages.py)
    drawn = len(index.js("network.body.nodeIndices"))
    index.page.uncheck("input.aic-type[value='skill']")
    hidden = index.js("nodes.get({filter: n => n.type === 'skill'}).map(n => n.hidden === true)")
    assert hidden and all(hidden)
    visible = set(index.js("network.body.nodeIndices"))
    assert not visible & set(skills)
    assert len(visible) == drawn - len(skills)
    index.page.check("input.aic-type[value='skill']")
    assert len(index.js("network.body.nodeIndices")) == drawn


@pytest.mark.browser
def test_click_highlights_the_neighbourhood(index, graph):
    index.js("aic.clearHighlight(); network.unselectAll(); network.fit({animation: false})")
    index.js("id => network.focus(id, {scale: 1.0, animation: false})", PE)
    index.page.mouse.click(*index.node_point(PE))
    neighbour = next(v for _, v, k in graph.out_edges(PE, keys=True) if k == "aic:canEvolveTo")
    stranger = next(n for n, d in graph.nodes(data=True) if d["type"] == "esco-skill" and not graph.has_edge(PE, n) and not graph.has_edge(n, PE))
    colour = "id => nodes.get(id).color.background"
    assert index.js(colour, stranger) == DIM_COLOR
    assert index.js(colour, neighbour) == "#c0392b"
    assert index.js(colour, PE) == "#c0392b"
    index.js("aic.clearHighlight()")
    assert index.js(colour, stranger) != index.js(colour, PE) and index.js(colour, stranger).startswith("#9ecae1")

