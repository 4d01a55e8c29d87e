"""The graph pages as people use them, at a laptop's and a phone's size (issue 13).

Each kind of graph page (the whole graph, the career paths, a role's neighbourhood) is opened in
Debian's Chromium at 1440x900 and 390x844 (``tests/browser.py``): nothing on the console, nothing
asked outside the file, every control reachable, no identifier where a person reads, role labels
legible at the opening zoom, the language kept from page to page, ``?focus=``, and a search that
forgives typos but matches whole words, the frameworks' vocabulary folded into groups on the whole
graph (opened by a click, the legend, the search, ``?focus=``). Screenshots: ``test-artifacts/graph-<page>-<size>.png``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import quote

import pytest

from aicareers.html import write_pages
from aicareers.html.controls import FOLD_NAMES, FOLD_PAGE_MIN, FOLD_TYPE_MIN
from aicareers.html.pages import whole_graph
from aicareers.html.style import DIM_COLOR, type_style
from tests.browser import IDENTIFIER, VIEWPORTS, Opened

ID = "https://w3id.org/ai-careers/id/"
PE = ID + "role/prompt-engineer"
ARCHITECT = ID + "role/ai-architect"
ESCO_DESIGNER = "http://data.europa.eu/esco/occupation/35553663-deab-4d9a-bf22-15c1625d28e8"  # ICT intelligent systems designer
ESCO_DATA_SCIENTIST = "http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30"
ESCO_ALGORITHMS = "http://data.europa.eu/esco/skill/54924a2c-daca-40d3-9716-4b38ceb04f38"
ROME_M1889 = ID + "rome/M1889"
PAGES = {"index": "index.html", "career-paths": "career-paths.html", "role": "role-prompt-engineer.html"}
#: The smallest on-screen size of a role's label at the opening zoom, in CSS pixels.
READABLE_PX = 10


@pytest.fixture(scope="module")
def site(g, tmp_path_factory):
    out = tmp_path_factory.mktemp("graph-pages")
    write_pages(g, out)
    return out


def opened(browser, site, page, size="desktop", query=""):
    return Opened(browser, site / PAGES[page], viewport=VIEWPORTS[size], query=query)


def config(site, page):
    html = (site / PAGES[page]).read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="aic-config">(.*?)</script>', html, re.S).group(1))


def page_nodes(site, page):
    html = (site / PAGES[page]).read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="aic-nodes">(.*?)</script>', html, re.S).group(1))


def type_counts(site, page) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in page_nodes(site, page):
        counts[node["type"]] = counts.get(node["type"], 0) + 1
    return counts


def off_centre(view, node: str) -> list[float]:
    """How far (px) the node is drawn from the centre of the graph's area, across and down."""
    return view.js(
        """id => { const p = network.canvasToDOM(network.getPosition(id)), el = document.getElementById('mynetwork');
            return [p.x - el.clientWidth / 2, p.y - el.clientHeight / 2]; }""",
        node,
    )


def words(text: str) -> str:
    text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower()
    return " " + " ".join(re.split(r"[^a-z0-9+#]+", text)).strip() + " "


# ----------------------------------------------------------------------------- without browser


def test_unlinked_nodes_are_left_off_the_whole_graph(g):
    whole = whole_graph(g)
    unlinked = sorted(n for n in g if not g.degree(n))
    assert unlinked and set(whole) == set(g) - set(unlinked)
    assert {g.nodes[n]["type"] for n in unlinked} <= {"place", "job-zone", "level"}
    assert all(whole.degree(n) for n in whole)


def test_every_edge_and_legend_entry_has_a_human_label_in_both_languages(site):
    for page in PAGES:
        html = (site / PAGES[page]).read_text(encoding="utf-8")
        edges = json.loads(re.search(r'<script type="application/json" id="aic-edges">(.*?)</script>', html, re.S).group(1))
        for edge in edges:
            for lang in ("fr", "en"):
                label = edge[f"label_{lang}"]
                assert label and not IDENTIFIER.search(label) and label != edge["predicate"], (page, edge["predicate"], lang)
        legend = re.search(r'<details id="aic-legend".*?</details>', html, re.S).group(0)
        names = re.findall(r'<li>.*?<span class="aic-i18n" data-fr="([^"]*)" data-en="([^"]*)">', legend)
        # one name per node type and per kind of link, in both languages, none an identifier
        assert len(names) == legend.count("<li>"), page
        assert names and all(fr and en and not IDENTIFIER.search(fr + " " + en) for fr, en in names), page
        for node_type in re.findall(r'<label data-type="([^"]+)"', html):
            look = type_style(node_type)
            assert look.fr and look.en and look.fr != node_type and look.color != "#999999", (page, node_type)


def test_the_whole_graph_folds_the_frameworks_vocabulary_and_small_pages_nothing(g, tmp_path_factory):
    out = tmp_path_factory.mktemp("every-role-page")
    names = [p.name for p in write_pages(g, out) if p.parent == out]
    folds = {}
    for name in names:
        html = (out / name).read_text(encoding="utf-8")
        cfg = json.loads(re.search(r'<script type="application/json" id="aic-config">(.*?)</script>', html, re.S).group(1))
        nodes = json.loads(re.search(r'<script type="application/json" id="aic-nodes">(.*?)</script>', html, re.S).group(1))
        folds[name] = (len(nodes), [f["type"] for f in cfg["fold"]])
        # one button per folded type in the legend, in the row of its type
        assert re.findall(r'<label data-type="([^"]+)">(?:(?!</li>).)*<button type="button" class="aic-fold"', html) == folds[name][1], name
    # the whole graph of the default build: thousands of framework nodes, folded by type, in the
    # legend's order; the roles, the project's entities and the occupations never
    size, folded = folds.pop("index.html")
    counts: dict[str, int] = {}
    for _, data in whole_graph(g).nodes(data=True):
        counts[data["type"]] = counts.get(data["type"], 0) + 1
    assert size > FOLD_PAGE_MIN
    assert folded == [t for t in FOLD_NAMES if counts.get(t, 0) > FOLD_TYPE_MIN]
    assert {"esco-skill", "rome-skill", "task", "technology", "job-title"} <= set(folded)
    assert not {"role", "skill", "esco-occupation", "rome-occupation", "onet-occupation"} & set(folded)
    # every role page and the career paths: read whole
    assert "career-paths.html" in folds and any(n.startswith("role-") for n in folds)
    assert all(not folded and size <= FOLD_PAGE_MIN for size, folded in folds.values()), folds


# ----------------------------------------------------------------------------- in Chromium


@pytest.mark.browser
@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("page", list(PAGES))
def test_page_at_both_sizes(browser, site, page, size):
    view = opened(browser, site, page, size)
    try:
        width, height = VIEWPORTS[size]["width"], VIEWPORTS[size]["height"]
        # The title shows, and the controls a person needs first are on the screen.
        title = view.page.locator("h1").bounding_box()
        assert title["width"] > 100 and title["x"] >= 0 and title["y"] + title["height"] <= height
        for selector in ("#aic-search", "#aic-lang button[data-lang='fr']", "#aic-lang button[data-lang='en']", "#aic-legend summary"):
            box = view.page.locator(selector).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width and 0 <= box["y"] and box["y"] + box["height"] <= height, selector
        # The pressed language button reads white on dark (the bar's smaller buttons once lost the white).
        pressed = "b => { const s = getComputedStyle(b); return [b.textContent, s.color, s.backgroundColor]; }"
        assert view.page.locator("#aic-lang button[aria-pressed='true']").evaluate(pressed) == ["FR", "rgb(255, 255, 255)", "rgb(31, 41, 51)"]
        # The whole graph opens with its framework types gathered into groups; the other pages whole.
        assert view.js("aic.folded()") == [f["type"] for f in config(site, page)["fold"]]
        assert bool(view.js("aic.folded()")) is (page == "index")
        assert view.js("Object.keys(network.body.nodes).filter(id => network.isCluster(id)).length") == len(view.js("aic.folded()"))
        # The legend is folded on a phone (it would hide the graph), open on a laptop.
        assert view.js("document.getElementById('aic-legend').open") is (size == "desktop")
        view.screenshot(f"graph-{page}-{size}")
        # Role labels are legible at the opening zoom: every role in the view is drawn at 10 px or more.
        drawn = view.js(
            """() => { const box = document.getElementById('mynetwork').getBoundingClientRect(), scale = network.getScale();
                return nodes.get({filter: n => n.type === 'role'}).map(n => {
                  const p = network.canvasToDOM(network.getPosition(n.id));
                  return {id: n.id, px: scale * n.font.size, inside: p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height}; }); }"""
        )
        inside = [r for r in drawn if r["inside"]]
        assert inside, "no role in the opening view"
        assert all(r["px"] >= READABLE_PX for r in inside), inside
        if page == "role":
            assert PE in [r["id"] for r in inside]
        # No role's label prints over another's (the layout put some close together: moved apart).
        boxes = view.js(
            """() => nodes.get({filter: n => n.type === 'role' && !n.hidden}).map(n => {
                  const b = network.getBoundingBox(n.id), a = network.canvasToDOM({x: b.left, y: b.top}),
                        c = network.canvasToDOM({x: b.right, y: b.bottom});
                  return [n.label, a.x, a.y, c.x, c.y]; })"""
        )
        assert len(boxes) == len(config(site, page)["roles"]) >= 5
        overlaps = [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                    if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]]
        assert overlaps == []
        # Unfold the legend: everything a person can read, legend included, is free of identifiers.
        if size == "phone":
            view.page.click("#aic-legend summary")
            assert view.js("document.getElementById('aic-legend').open") is True
        assert view.identifiers_in_text() == []
        assert view.controls_outside_viewport() == []
        assert view.accessibility_violations() == []
        assert view.errors == [] and view.foreign_requests() == []
    finally:
        view.close()


@pytest.mark.browser
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_tooltip_has_no_identifier_and_links_to_the_job_profile(browser, site, size):
    view = opened(browser, site, "career-paths", size)
    try:
        view.page.mouse.move(*view.node_point(ARCHITECT))
        tooltip = view.page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5_000)
        text = tooltip.inner_text()
        assert "Architecte d'IA" in text and IDENTIFIER.findall(text) == []
        # the source is named in French on a French page
        assert "ESD : fiche glossaire" in text and "glossary sheet" not in text
        link = tooltip.locator("a:visible")
        assert link.inner_text() == "Fiche métier détaillée"
        assert link.get_attribute("href") == "jobs/ai-architect.html?lang=fr"
        box = tooltip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS[size]["width"] + 1
        assert view.errors == []
    finally:
        view.close()


@pytest.mark.browser
def test_a_framework_occupation_links_to_its_own_job_page_and_a_skill_to_esco(browser, site):
    view = opened(browser, site, "role", query="?lang=en")
    try:
        # hovered, the ESCO occupation the prompt engineer maps to offers its page of this site, in English
        view.js("id => network.focus(id, {scale: 1.2, animation: false})", ESCO_DESIGNER)
        view.page.mouse.move(*view.node_point(ESCO_DESIGNER))
        tooltip = view.page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5_000)
        assert "ICT intelligent systems designer" in tooltip.inner_text()
        link = tooltip.locator("a:visible")
        assert link.inner_text() == "Job profile"
        assert link.get_attribute("href") == "jobs/esco-ict-intelligent-systems-designer.html?lang=en"
        assert link.get_attribute("target") is None
        assert (site / "jobs" / "esco-ict-intelligent-systems-designer.html").is_file()
        # ROME's sheet too (its IRI is the project's, so it had no link at all)
        tip = "id => [...nodes.get(id).title.querySelectorAll('a.aic-only-fr')].map(a => [a.getAttribute('href'), a.textContent])"
        assert view.js(tip, ROME_M1889) == [["jobs/rome-M1889.html?lang=fr", "Fiche métier détaillée"]]
        assert view.errors == []
    finally:
        view.close()
    view = opened(browser, site, "index")
    try:
        # on the whole graph, ESCO's data scientist (no role maps to it) has its page too; a skill
        # of ESCO has none here, so it keeps ESCO's own, opened apart
        assert view.js(tip, ESCO_DATA_SCIENTIST) == [["jobs/esco-data-scientist.html?lang=fr", "Fiche métier détaillée"]]
        assert view.js(tip, ESCO_ALGORITHMS) == [[ESCO_ALGORITHMS, "Fiche dans le référentiel"]]
        assert view.js("id => nodes.get(id).title.querySelector('a.aic-only-fr').target", ESCO_ALGORITHMS) == "_blank"
        assert view.errors == []
    finally:
        view.close()


@pytest.mark.browser
def test_edge_labels_show_on_a_small_page_and_on_hover_or_selection_on_a_busy_one(browser, site):
    assert config(site, "career-paths")["edgeLabels"] == "always"
    assert config(site, "role")["edgeLabels"] == "hover" and config(site, "index")["edgeLabels"] == "hover"
    view = opened(browser, site, "career-paths")
    try:
        labels = view.js("edges.get().map(e => e.label)")
        assert labels and all(label.startswith("peut évoluer vers\n+") for label in labels)
        # the gap's line is whole (it was cut at the page's edge before: "+6 compétences à acque…")
        assert all(label.endswith("compétences à acquérir") for label in labels)
    finally:
        view.close()
    view = opened(browser, site, "role")
    try:
        assert view.js("edges.get().filter(e => e.label).length") == 0
        view.page.mouse.click(*view.node_point(PE))
        mine = view.js("id => edges.get({filter: e => e.from === id || e.to === id}).map(e => e.label)", PE)
        assert mine and all(mine), "the selected node's edges are labelled"
        assert "a pour mission" in mine
        others = view.js("id => edges.get({filter: e => e.from !== id && e.to !== id}).filter(e => e.label).length", PE)
        assert others == 0
    finally:
        view.close()


@pytest.mark.browser
def test_the_language_is_kept_across_pages(browser, site):
    # A double-click on a role opens its page in the language one reads.
    view = opened(browser, site, "career-paths", query="?lang=en")
    try:
        assert view.page.inner_text("h1") == "Career paths" and view.js("document.documentElement.lang") == "en"
        with view.page.expect_navigation():
            view.page.mouse.dblclick(*view.node_point(ARCHITECT))
        assert view.page.url.endswith("role-ai-architect.html?lang=en")
        view.page.wait_for_selector("body[data-settled='1']", state="attached")
        assert view.page.inner_text("h1") == "AI architect: neighbourhood"
        assert view.js("id => nodes.get(id).label", ARCHITECT) == "AI architect"
        # ... and a link keeps it too.
        with view.page.expect_navigation():
            view.page.click("#aic-nav > a[data-page='index.html']")
        assert view.page.url.endswith("index.html?lang=en")
        view.page.wait_for_selector("body[data-settled='1']", state="attached")
        assert view.page.inner_text("h1") == "AI careers graph"
        # Switching language rewrites the links, and is remembered for a page opened without ?lang=
        # (the pages are built in French).
        view.page.click("#aic-lang button[data-lang='fr']")
        assert view.page.get_attribute("#aic-nav > a[data-page='career-paths.html']", "href") == "career-paths.html?lang=fr"
        view.page.click("#aic-lang button[data-lang='en']")
        view.page.goto((site / "career-paths.html").as_uri())
        view.page.wait_for_selector("body[data-settled='1']", state="attached")
        assert view.page.inner_text("h1") == "Career paths"
        # the pages navigated to are the site's own; nothing else was asked for
        assert view.errors == []
        assert [u for u in view.requests if not u.startswith((site.as_uri() + "/", "data:", "blob:", "about:"))] == []
    finally:
        view.close()


@pytest.mark.browser
@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("page", list(PAGES))
def test_focus_selects_and_centres_the_node(browser, site, g, page, size):
    # a role on the whole graph, a salary (not a role) on the role's page, the role on the paths
    node = {"index": ARCHITECT, "role": sorted(n for n in g.neighbors(PE) if g.nodes[n]["type"] == "salary")[0], "career-paths": PE}[page]
    view = opened(browser, site, page, size, query="?focus=" + quote(node, safe=""))
    try:
        assert view.js("network.getSelectedNodes()") == [node]
        centre = off_centre(view, node)
        assert abs(centre[0]) < 2 and abs(centre[1]) < 2, centre
        assert view.errors == []
    finally:
        view.close()


@pytest.fixture(scope="module")
def index(browser, site):
    view = opened(browser, site, "index", "phone")
    yield view
    view.close()


def listed(view, query):
    view.page.fill("#aic-search", "")
    view.page.fill("#aic-search", query)
    view.page.locator("#aic-results").wait_for(state="visible")
    return view.js("[...document.querySelectorAll('#aic-results li[role=option]')].map(li => li.getAttribute('data-id'))")


@pytest.mark.browser
def test_search_forgives_a_typo(index):
    found = listed(index, "promt")
    assert found[0] == PE
    box = index.page.locator("#aic-results").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] + box["height"] <= 844  # not clipped on a phone


@pytest.mark.browser
def test_search_finds_the_esco_occupation(index, g):
    esco = [n for n, d in g.nodes(data=True) if d["type"] == "esco-occupation" and d["label_en"] == "data scientist"]
    assert len(esco) == 1
    assert esco[0] in listed(index, "data scientist")
    assert esco[0] in listed(index, "Scientifique des donnees")


@pytest.mark.browser
def test_search_matches_whole_words(index, g):
    found = listed(index, "UX")
    assert found and ID + "role/ux-expert" in found
    for node in found:
        data = g.nodes[node]
        text = [data["label_fr"], data["label_en"], *data.get("alt_labels_fr", []), *data.get("alt_labels_en", []),
                data.get("definition_fr", ""), data.get("definition_en", ""), *(s["quote"] for s in data.get("sources", []))]
        assert any(" ux" in words(t) for t in text), (node, data["label_fr"])
    # a node whose only "ux" is inside "deux" exists, and is not listed
    deux = [n for n, d in g.nodes(data=True) if "deux" in words(d["label_fr"]) and " ux" not in words(d["label_fr"] + " " + d["label_en"])]
    assert deux and not set(deux) & set(found)


@pytest.mark.browser
def test_search_results_by_keyboard(index):
    found = listed(index, "prompt")
    assert len(found) >= 2
    index.page.keyboard.press("ArrowDown")
    active = index.js("document.getElementById('aic-search').getAttribute('aria-activedescendant')")
    assert active == "aic-result-1"
    assert index.js("id => document.getElementById(id).getAttribute('aria-selected')", active) == "true"
    index.page.keyboard.press("Enter")
    assert index.js("network.getSelectedNodes()") == [found[1]]
    assert index.page.locator("#aic-results").is_hidden()
    assert index.page.get_attribute("#aic-search", "aria-expanded") == "false"


# ----------------------------------------------------------------------------- folded types

ESCO_SKILL_GROUP = "aic-fold-esco-skill"


def group_label(type_, count, lang):
    fr, en = FOLD_NAMES[type_]
    return f"{fr} ({count})\ncliquer pour ouvrir" if lang == "fr" else f"{en} ({count})\nclick to open"


@pytest.mark.browser
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_whole_graph_opens_with_its_groups_folded(browser, site, size):
    counts = type_counts(site, "index")
    folded = [f["type"] for f in config(site, "index")["fold"]]
    esco_skills = sorted(n["id"] for n in page_nodes(site, "index") if n["type"] == "esco-skill")
    assert "esco-skill" in folded and counts["esco-skill"] == len(esco_skills) > FOLD_TYPE_MIN
    view = opened(browser, site, "index", size)
    try:
        group = "id => { const n = network.body.nodes[id]; return [n.options.label, network.body.nodeIndices.includes(id)]; }"
        # every folded type is one group drawn in place of its nodes: all of them, none else
        assert view.js("aic.folded()") == folded
        for type_ in folded:
            inside = view.js("id => network.clustering.getNodesInCluster(id)", f"aic-fold-{type_}")
            assert len(inside) == counts[type_]
            assert view.js(group, f"aic-fold-{type_}") == [group_label(type_, counts[type_], "fr"), True]
        assert sorted(view.js("id => network.clustering.getNodesInCluster(id)", ESCO_SKILL_GROUP)) == esco_skills
        drawn = set(view.js("network.body.nodeIndices"))
        assert not drawn & set(esco_skills)
        assert len(drawn) == len(page_nodes(site, "index")) - sum(counts[t] for t in folded) + len(folded)
        # its look is its type's; its tooltip says what it holds, in both languages, no identifier
        look = view.js("id => { const o = network.body.nodes[id].options; return [o.shape, o.color.background]; }", ESCO_SKILL_GROUP)
        assert look == [type_style("esco-skill").shape, type_style("esco-skill").color]
        tip = view.js("id => network.body.nodes[id].options.title.textContent", ESCO_SKILL_GROUP)
        assert f"Compétences ESCO ({counts['esco-skill']})" in tip and f"ESCO skills ({counts['esco-skill']})" in tip
        assert f"{counts['esco-skill']} nœuds de ce type" in tip and not IDENTIFIER.search(tip)
        # the status line counts them
        gathered = sum(counts[t] for t in folded)
        assert f"{gathered} regroupés" in view.page.inner_text("#aic-status")
        # the legend's buttons: one per folded type, inside the screen once the legend is open
        if size == "phone":
            view.page.click("#aic-legend summary")
        buttons = view.page.locator("button.aic-fold")
        assert buttons.count() == len(folded)
        assert [b.get_attribute("data-type") for b in buttons.all()] == folded
        assert all(b.inner_text() == "ouvrir" for b in buttons.all())
        assert view.controls_outside_viewport() == []
        # FR/EN: the groups' labels and the buttons follow
        view.page.click("#aic-lang button[data-lang='en']")
        assert view.js(group, ESCO_SKILL_GROUP) == [group_label("esco-skill", counts["esco-skill"], "en"), True]
        button = view.page.locator("button.aic-fold[data-type='esco-skill']")
        assert button.inner_text() == "open" and button.get_attribute("aria-label") == "Open: ESCO skills"
        assert view.identifiers_in_text() == []
        # by the keyboard: the legend's button opens the group; its nodes are drawn where the
        # layout put them; pressed again, it gathers them
        button.focus()
        view.page.keyboard.press("Enter")
        assert view.js("aic.folded()") == [t for t in folded if t != "esco-skill"]
        assert view.js("id => id in network.body.nodes", ESCO_SKILL_GROUP) is False  # the group is gone
        assert set(esco_skills) <= set(view.js("network.body.nodeIndices"))
        laid = {n["id"]: [n["x"], n["y"]] for n in page_nodes(site, "index") if n["type"] == "esco-skill"}
        placed = view.js("ids => Object.entries(network.getPositions(ids)).map(([k, p]) => [k, [p.x, p.y]])", esco_skills)
        assert dict((k, v) for k, v in placed) == laid
        assert button.inner_text() == "gather" and button.get_attribute("aria-label") == "Gather: ESCO skills"
        assert "gathered" in view.page.inner_text("#aic-status")
        view.page.keyboard.press("Enter")
        assert view.js("aic.folded()") == folded
        assert view.js(group, ESCO_SKILL_GROUP) == [group_label("esco-skill", counts["esco-skill"], "en"), True]
        assert view.accessibility_violations() == []
        assert view.errors == [] and view.foreign_requests() == []
    finally:
        view.close()


@pytest.mark.browser
def test_a_click_on_a_group_opens_it(browser, site):
    view = opened(browser, site, "index")
    try:
        # on a laptop the opening view shows the groups beside the roles, clear of the legend
        box = view.page.locator("#mynetwork").bounding_box()
        legend = view.page.locator("#aic-legend").bounding_box()
        for type_ in view.js("aic.folded()"):
            x, y = view.node_point(f"aic-fold-{type_}")
            assert box["x"] <= x <= legend["x"] and box["y"] <= y <= box["y"] + box["height"], type_
        x, y = view.node_point(ESCO_SKILL_GROUP)
        view.page.mouse.click(x, y)
        view.page.wait_for_function("() => !aic.folded().includes('esco-skill')", timeout=5_000)
        assert view.js("network.getSelectedNodes()") == []
        assert view.js("id => id in network.body.nodes", ESCO_SKILL_GROUP) is False
        assert view.errors == []
    finally:
        view.close()


@pytest.mark.browser
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_focus_opens_the_group_of_the_node(browser, site, size):
    view = opened(browser, site, "index", size, query="?focus=" + quote(ESCO_ALGORITHMS, safe=""))
    try:
        assert view.js("network.getSelectedNodes()") == [ESCO_ALGORITHMS]
        folded = [f["type"] for f in config(site, "index")["fold"]]
        assert view.js("aic.folded()") == [t for t in folded if t != "esco-skill"]
        centre = off_centre(view, ESCO_ALGORITHMS)
        assert abs(centre[0]) < 2 and abs(centre[1]) < 2, centre
        assert view.errors == []
    finally:
        view.close()


@pytest.mark.browser
def test_search_finds_a_node_inside_a_group_and_opens_it(index):
    index.js("aic.clearHighlight(); network.unselectAll(); aic.foldType('esco-skill')")
    assert "esco-skill" in index.js("aic.folded()")
    found = listed(index, "algorithmes")
    assert ESCO_ALGORITHMS in found
    for _ in range(found.index(ESCO_ALGORITHMS)):
        index.page.keyboard.press("ArrowDown")
    index.page.keyboard.press("Enter")
    assert index.js("network.getSelectedNodes()") == [ESCO_ALGORITHMS]
    assert "esco-skill" not in index.js("aic.folded()")
    assert ESCO_ALGORITHMS in index.js("network.body.nodeIndices")
    # picked with the mouse as well, from a group folded again
    index.js("aic.clearHighlight(); network.unselectAll(); aic.foldType('esco-skill')")
    listed(index, "algorithmes")
    index.page.locator(f"#aic-results li[data-id='{ESCO_ALGORITHMS}']").dispatch_event("mousedown")
    assert index.js("network.getSelectedNodes()") == [ESCO_ALGORITHMS] and "esco-skill" not in index.js("aic.folded()")
    assert index.errors == []


@pytest.mark.browser
def test_type_filter_and_highlight_reach_the_groups(index):
    index.js("aic.clearHighlight(); network.unselectAll(); aic.foldType('esco-skill'); aic.foldType('task')")
    index.page.evaluate("document.getElementById('aic-legend').open = true")
    drawn = lambda id: index.js("id => network.body.nodeIndices.includes(id)", id)  # noqa: E731
    # a hidden type's group goes with its nodes, and comes back still folded
    index.page.uncheck("input.aic-type[value='task']")
    assert drawn("aic-fold-task") is False
    assert all(index.js("nodes.get({filter: n => n.type === 'task'}).map(n => n.hidden === true)"))
    index.page.check("input.aic-type[value='task']")
    assert drawn("aic-fold-task") is True and "task" in index.js("aic.folded()")
    # a highlight dims the groups outside the neighbourhood, as it dims nodes; clearing restores them
    colour = "id => network.body.nodes[id].options.color.background"
    index.js("id => aic.highlight(id)", PE)
    assert index.js(colour, ESCO_SKILL_GROUP) == DIM_COLOR
    index.js("aic.clearHighlight()")
    assert index.js(colour, ESCO_SKILL_GROUP) == type_style("esco-skill").color
    # hovering a link to a group (vis-network's own edge) shows its tooltip and adds nothing to the page's links
    link = index.js("id => network.body.nodes[id].edges[0].id", ESCO_SKILL_GROUP)
    assert index.js("id => edges.get(id)", link) is None
    total = index.js("edges.length")
    index.js("id => { network.emit('hoverEdge', {edge: id}); network.emit('blurEdge', {edge: id}); }", link)
    assert index.js("edges.length") == total
    assert "(regroupés)" in index.js("id => network.body.edges[id].options.title.textContent", link)
    assert index.errors == []
