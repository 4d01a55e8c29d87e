"""The page around the network: its HTML skeleton, style sheet, interface texts and script.

The script (:data:`SCRIPT`) builds the vis-network DataSets from JSON blocks of the page and adds:

- **opening view**: the view is fitted on the roles (the whole page when it is small), with the
  groups of folded types on a wide screen (below), left of the open legend; a role's label (and a
  group's) never prints smaller than :data:`ROLE_LABEL_MIN_PX` on the screen (its font grows as
  the view zooms out), and roles whose labels would print over each other at that zoom are moved
  apart, just enough (:data:`ROLE_LABEL_GAP_PX` between them); other labels are not drawn under
  8 px (``scaling.label.drawThreshold``), so a busy page opens on legible role names rather than a
  tangle of 5 px text;
- **folded types**: on a page of more than :data:`FOLD_PAGE_MIN` nodes, each type of
  :data:`FOLD_NAMES` (the frameworks' skills, job titles, work contexts, tasks, technologies)
  with more than :data:`FOLD_TYPE_MIN` nodes opens gathered into one node, a vis-network cluster
  (``network.cluster``, id ``aic-fold-<type>``, never shown): :func:`folded_types` decides, in
  Python, and the page's ``cfg.fold`` lists them. The default build's whole graph folds six
  types (5,308 of its 5,535 nodes); the role pages and the career paths fold nothing. A group
  has its type's shape and colour, larger; its label says what it holds and how to open it, in
  the current language ("Compétences ESCO (715) / cliquer pour ouvrir", "ESCO skills (715) /
  click to open"); its tooltip, in both languages, what it is; it sits at its nodes' mean
  position (moved down clear of another group there). A **single click** on a group opens it
  (``network.openCluster``): its nodes come back where the layout put them. The legend's row of
  each folded type has a button, "ouvrir"/"open" or "regrouper"/"gather", that opens or gathers
  the type again (a button: Tab and Enter reach it). Picking a search result inside a group, or
  ``?focus=`` on such a node, opens the group first. Hiding a type hides its group; a highlight
  dims the groups and their links outside the neighbourhood. The status line counts the nodes
  gathered;
- **edge labels**: drawn always on a page of up to 30 edges; on busier ones, an edge's label
  shows while it is hovered and on the edges of the selected node (``cfg.edgeLabels``);
- **tooltips**: each node's and edge's ``title`` is an HTML element built with DOM calls
  (``textContent`` only, never ``innerHTML``), so quotes with ’ « » < & are shown as they are;
  a node's tooltip has its label in the current language, both labels, its definition, its
  sources (the document's name in the reader's language, the evidence quote) and a link for
  details (the job profile of a role or of a framework occupation, ``jobs/<id>.html?lang=..``;
  another ESCO concept's own page); an edge's has its label, the two ends, the meaning of an
  evolution move, its sources and, on the career-paths page, the skill gap. No identifier is shown;
- **French/English switch** (:mod:`aicareers.html.language`, as on the site's other pages): both
  labels travel in each node's and edge's data (``label_fr``/``label_en``); on the switch's
  ``aic-lang-change`` event this script rewrites ``label`` with ``DataSet.update``, the search
  box's texts and the status line (the language module itself rewrites the texts with
  ``data-fr``/``data-en``, ``<html lang>`` and the links to the other pages); tooltips hold both
  languages and the style sheet shows the current one, so they need no rebuilding (on 10,000
  nodes, rebuilding them made the switch take 2.7 s). Links and double-click navigation carry
  the language (``?lang=``);
- **search** (:mod:`aicareers.html.search`): typo-tolerant, by whole words, over every node of
  the page (those inside a group too); the results are a listbox the arrow keys walk and Enter
  picks; picking opens the node's group if it is folded, selects the node, highlights it and
  focuses it (``network.focus``);
- **focus**: ``?focus=<url-encoded node IRI>`` opens the page centred on that node, selected
  (its group opened);
- **type filter**: the legend's checkboxes set ``hidden`` on the nodes of a type, and on its
  group while it is folded (vis-network then draws none of their edges); the legend folds, and
  starts folded on a narrow screen;
- **neighbourhood highlight**: clicking a node dims everything outside it and its neighbours and
  labels its edges; clicking the background restores the colours; double-clicking a role opens
  its page (a click on a group opens the group instead);
- **narrow screens** (under :data:`NARROW_PX`): the bar stacks title and FR/EN, the links, the
  search box; the graph starts below it, whatever its height;
- **settling**: with physics, ``stabilizationIterationsDone`` switches physics off; the page then
  sets the opening view, focuses ``?focus=``, and sets ``<body data-settled="1">`` and
  ``window.aicSettledAt`` (ms since navigation start), which tests and the benchmark wait for.

Globals for tests and the console: ``network``, ``nodes``, ``edges`` (as in pyvis pages) and
``aic`` (``find``, ``focusNode``, ``setLang``, ``highlight``, ``clearHighlight``,
``applyFilter``, ``openingView``, ``lang``; ``folded()``, the types gathered now in the legend's
order; ``openType(type)`` and ``foldType(type)``, true when they changed something).

>>> ROLE_LABEL_MIN_PX >= 10 and "__ROLE_PX__" not in SCRIPT and "__ROLE_GAP__" not in SCRIPT
True
"""

from __future__ import annotations

from html import escape

from .language import CHANGE_EVENT
from .layout import PHYSICS_MAX_NODES

#: The smallest on-screen size (px) of a role's label, whatever the zoom.
ROLE_LABEL_MIN_PX = 13
#: The space (px, on the screen) the opening view leaves between two roles' labels.
ROLE_LABEL_GAP_PX = 4
#: Below this width (px), the legend starts folded and the bar stacks its controls.
NARROW_PX = 700

#: The node types a busy page folds into one node each (a vis-network cluster) until the reader
#: opens it, with their names in the plural (French, English). They are the frameworks'
#: vocabulary: skills, job titles, work contexts, tasks, technologies, thousands of nodes that
#: hang off a few occupations and, drawn one by one, bury the roles (on the default build's
#: whole graph, 5,303 of its 5,535 nodes). Roles, the project's own entities and the framework
#: occupations the roles map to are never listed: they are what the pages are about. Listed in
#: the legend's order (:data:`aicareers.html.style.TYPE_STYLES`).
FOLD_NAMES = {
    "esco-skill": ("Compétences ESCO", "ESCO skills"),
    "rome-skill": ("Compétences ROME", "ROME skills"),
    "job-title": ("Appellations d’emploi", "Job titles"),
    "work-context": ("Contextes de travail", "Work contexts"),
    "task": ("Tâches (O*NET)", "Tasks (O*NET)"),
    "technology": ("Technologies (O*NET)", "Technologies (O*NET)"),
}
#: A page folds only when it holds more than this many nodes: when its positions are computed
#: in Python (:data:`aicareers.html.layout.PHYSICS_MAX_NODES`), so that an opened group's nodes go
#: back to the places the layout gave them; on a page laid out by in-page physics, nodes folded
#: before the layout ran would have no place of their own. The default build's pages: the whole
#: graph 5,535 nodes; a role's page at most 101 (the Prompt Engineer's), the others 5 or 6; the
#: career paths 6. The small pages are read whole: they fold nothing.
FOLD_PAGE_MIN = PHYSICS_MAX_NODES
#: ... and, on such a page, only a type of more than this many nodes: a few dozen labels read
#: once zoomed in; the whole graph's smallest foldable type, work contexts, has 55.
FOLD_TYPE_MIN = 40


def folded_types(counts: dict[str, int]) -> list[str]:
    """The types a page holding ``counts`` nodes of each type folds when it opens, in the
    legend's order: the :data:`FOLD_NAMES` types of more than :data:`FOLD_TYPE_MIN` nodes, on a
    page of more than :data:`FOLD_PAGE_MIN` nodes.

    >>> folded_types({"role": 11, "esco-skill": 715, "task": 1006, "work-context": 12, "esco-occupation": 400})
    ['esco-skill', 'task']
    >>> folded_types({"role": 2, "esco-skill": 900})
    []
    """
    if sum(counts.values()) <= FOLD_PAGE_MIN:
        return []
    return [t for t in FOLD_NAMES if counts.get(t, 0) > FOLD_TYPE_MIN]


def fold_button_html(node_type: str, lang: str) -> str:
    """The legend's button that opens (or folds again) ``node_type``'s cluster; the page's
    script keeps its text and its accessible name in the current language and state.

    >>> fold_button_html("esco-skill", "en")
    '<button type="button" class="aic-fold" data-type="esco-skill" aria-label="Open: ESCO skills">open</button>'
    """
    name = FOLD_NAMES[node_type][0 if lang == "fr" else 1]
    text = UI_TEXT[lang]
    return (f'<button type="button" class="aic-fold" data-type="{escape(node_type)}" '
            f'aria-label="{escape(text["openAria"].replace("{name}", name))}">{escape(text["open"])}</button>')


#: Interface texts, by language.
UI_TEXT = {
    "fr": {
        "search": "Rechercher (fr ou en)…",
        "noResult": "Aucun nœud trouvé",
        "types": "Types de nœuds",
        "all": "tous",
        "none": "aucun",
        "nodes": "nœuds",
        "edges": "liens",
        "shown": "affichés",
        "hint": "Clic : voisinage et libellés des liens · double-clic sur un rôle : sa page · survol : définition et sources",
        "sources": "Sources",
        "gap": "Compétences à acquérir",
        "noGap": "aucune (d’après les correspondances ESCO)",
        "gapUnknown": "compétences requises inconnues",
        "gapNote": "compétences à acquérir",
        "emerging": "métier émergent",
        "loading": "Mise en page…",
        "whole": "Graphe complet",
        "paths": "Évolutions de carrière",
        "roles": "Rôles",
        "details": "Fiche métier détaillée",
        "framework": "Fiche dans le référentiel",
        "links": "Liens",
        "legend": "Légende",
        "results": "Résultats de la recherche",
        "foldLabel": "{name} ({n})\ncliquer pour ouvrir",
        "foldTip": "{n} nœuds de ce type, regroupés en un seul pour alléger la page. Un clic les affiche ; la légende les regroupe de nouveau.",
        "foldEdge": "Liens vers : {name} (regroupés)",
        "open": "ouvrir",
        "fold": "regrouper",
        "openAria": "Ouvrir : {name}",
        "foldAria": "Regrouper : {name}",
        "folded": "regroupés",
        "hintFold": "Clic sur un groupe (nœud au nombre entre parenthèses) : ses nœuds · la légende les ouvre et les regroupe",
    },
    "en": {
        "search": "Search (French or English)…",
        "noResult": "No node found",
        "types": "Node types",
        "all": "all",
        "none": "none",
        "nodes": "nodes",
        "edges": "edges",
        "shown": "shown",
        "hint": "Click: neighbourhood and link labels · double-click a role: its page · hover: definition and sources",
        "sources": "Sources",
        "gap": "Skills to acquire",
        "noGap": "none (according to the ESCO mappings)",
        "gapUnknown": "required skills unknown",
        "gapNote": "skills to acquire",
        "emerging": "emerging occupation",
        "loading": "Laying out…",
        "whole": "Whole graph",
        "paths": "Career paths",
        "roles": "Roles",
        "details": "Job profile",
        "framework": "Page in the framework",
        "links": "Links",
        "legend": "Legend",
        "results": "Search results",
        "foldLabel": "{name} ({n})\nclick to open",
        "foldTip": "{n} nodes of this type, gathered into one to lighten the page. A click shows them; the legend gathers them again.",
        "foldEdge": "Links to: {name} (gathered)",
        "open": "open",
        "fold": "gather",
        "openAria": "Open: {name}",
        "foldAria": "Gather: {name}",
        "folded": "gathered",
        "hintFold": "Click a group (a node with a count in brackets): its nodes · the legend opens and gathers them",
    },
}

#: The page (Jinja, autoescaped). ``nodes``, ``edges`` and ``options`` come from pyvis's
#: ``generate_html``; ``aic`` is this project's page data; vis-network is included in line from
#: pyvis's own copy, so the page asks for nothing outside itself.
PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ aic.lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ aic.title }}</title>
<link rel="icon" href="data:,">
<style>{% include 'lib/vis-9.1.2/vis-network.css' %}</style>
<script>{% include 'lib/vis-9.1.2/vis-network.min.js' %}</script>
<style>{{ aic.lang_css }}</style>
<style>{{ aic.css }}</style>
</head>
<body data-settled="0" data-page="{{ aic.page }}">
<header id="aic-bar">
<h1 class="aic-i18n" data-fr="{{ aic.title_fr }}" data-en="{{ aic.title_en }}">{{ aic.title }}</h1>
<nav id="aic-nav">
{%- for link in aic.nav %}
<a href="{{ link.href }}?lang={{ aic.lang }}" data-page="{{ link.href }}" data-keep-lang class="aic-i18n{% if link.current %} aic-current{% endif %}"{% if link.current %} aria-current="page"{% endif %} data-fr="{{ link.fr }}" data-en="{{ link.en }}">{{ link.text }}</a>
{%- endfor %}
{%- if aic.role_links %}
<details id="aic-roles"><summary class="aic-i18n" data-fr="{{ aic.text.fr.roles }}" data-en="{{ aic.text.en.roles }}">{{ aic.ui.roles }}</summary>
<ul>
{%- for link in aic.role_links %}
<li><a href="{{ link.href }}?lang={{ aic.lang }}" data-page="{{ link.href }}" data-keep-lang class="aic-i18n{% if link.current %} aic-current{% endif %}"{% if link.current %} aria-current="page"{% endif %} data-fr="{{ link.fr }}" data-en="{{ link.en }}">{{ link.text }}</a></li>
{%- endfor %}
</ul></details>
{%- endif %}
</nav>
<div id="aic-search-box" role="search">
<input id="aic-search" type="search" autocomplete="off" spellcheck="false" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="aic-results" placeholder="{{ aic.ui.search }}" aria-label="{{ aic.ui.search }}">
<ul id="aic-results" role="listbox" aria-label="{{ aic.ui.results }}" hidden></ul>
</div>
{{ aic.lang_switch }}
</header>
<main>
<div id="mynetwork" role="img" class="aic-i18n-label" data-i18n-attr="aria-label" aria-label="{{ aic.title }}" data-fr="{{ aic.title_fr }}" data-en="{{ aic.title_en }}"></div>
<div id="aic-loading">{{ aic.ui.loading }}</div>
<details id="aic-legend" open>
<summary><h2 class="aic-i18n" data-fr="{{ aic.text.fr.legend }}" data-en="{{ aic.text.en.legend }}">{{ aic.ui.legend }}</h2></summary>
<h3 class="aic-i18n" data-fr="{{ aic.text.fr.types }}" data-en="{{ aic.text.en.types }}">{{ aic.ui.types }}</h3>
<div class="aic-legend-buttons"><button type="button" id="aic-all" class="aic-i18n" data-fr="{{ aic.text.fr.all }}" data-en="{{ aic.text.en.all }}">{{ aic.ui.all }}</button>
<button type="button" id="aic-none" class="aic-i18n" data-fr="{{ aic.text.fr.none }}" data-en="{{ aic.text.en.none }}">{{ aic.ui.none }}</button></div>
<ul id="aic-types">
{{ aic.legend }}
</ul>
<h3 class="aic-i18n" data-fr="{{ aic.text.fr.links }}" data-en="{{ aic.text.en.links }}">{{ aic.ui.links }}</h3>
<ul id="aic-links">
{{ aic.edge_legend }}
</ul>
<p class="aic-hint aic-i18n" data-fr="{{ aic.text.fr.hint }}" data-en="{{ aic.text.en.hint }}">{{ aic.ui.hint }}</p>
{%- if aic.fold %}
<p class="aic-hint aic-i18n" data-fr="{{ aic.text.fr.hintFold }}" data-en="{{ aic.text.en.hintFold }}">{{ aic.ui.hintFold }}</p>
{%- endif %}
</details>
<div id="aic-status" aria-live="polite"></div>
</main>
<script type="application/json" id="aic-nodes">{{ nodes|tojson }}</script>
<script type="application/json" id="aic-edges">{{ edges|tojson }}</script>
<script type="application/json" id="aic-options">{{ options|safe }}</script>
<script type="application/json" id="aic-config">{{ aic.config|tojson }}</script>
<script>{{ aic.lang_js }}</script>
<script>{{ aic.search_js }}</script>
<script>{{ aic.js }}</script>
</body>
</html>
"""

STYLE = """
html, body { margin: 0; height: 100%; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2933; }
#aic-bar { position: fixed; top: 0; left: 0; right: 0; min-height: 52px; display: flex; align-items: center; gap: 8px 14px;
  padding: 6px 14px; background: #f7f8fa; border-bottom: 1px solid #d9dee4; z-index: 10; box-sizing: border-box; }
#aic-bar h1 { font-size: 17px; margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 8em; flex: 0 1 auto; }
#aic-nav { display: flex; align-items: center; gap: 10px; font-size: 14px; flex-wrap: wrap; }
#aic-nav a { color: #1c5d99; text-decoration: none; }
#aic-nav a:hover, #aic-nav a:focus { text-decoration: underline; }
#aic-nav a.aic-current { font-weight: 600; color: #1f2933; }
#aic-roles { position: relative; cursor: pointer; }
#aic-roles summary { color: #1c5d99; }
#aic-roles ul { position: absolute; top: 24px; left: 0; background: #fff; border: 1px solid #d9dee4; list-style: none;
  margin: 0; padding: 6px 10px; width: max-content; max-width: calc(100vw - 40px); box-shadow: 0 4px 12px rgba(0,0,0,.12); z-index: 20; }
#aic-roles li { padding: 3px 0; }
#aic-roles:not([open]) ul { display: none; }
#aic-search-box { position: relative; margin-left: auto; }
#aic-search { width: 270px; padding: 6px 8px; font-size: 14px; border: 1px solid #7b8794; border-radius: 4px; box-sizing: border-box; }
#aic-results { position: fixed; top: var(--aic-results-top, 52px); right: var(--aic-results-right, 14px); width: 360px;
  max-width: calc(100vw - 16px); max-height: calc(100vh - var(--aic-results-top, 52px) - 12px); overflow-y: auto; margin: 0; padding: 0;
  list-style: none; background: #fff; border: 1px solid #d9dee4; box-shadow: 0 4px 12px rgba(0,0,0,.12); z-index: 30; box-sizing: border-box; }
#aic-results li { padding: 6px 8px; cursor: pointer; font-size: 13px; display: flex; gap: 6px; align-items: center; }
#aic-results li:hover, #aic-results li.aic-active { background: #e3ecf5; }
#aic-results .aic-result-type { color: #52606d; font-size: 11px; margin-left: auto; white-space: nowrap; }
/* the switch's own look is aicareers.html.language's; the bar wants it smaller */
#aic-lang { gap: 0; }
#aic-lang button { border-color: #7b8794; color: #1f2933; padding: 5px 9px; font-size: 13px; min-width: 0; min-height: 30px; border-radius: 0; }
#aic-lang button[aria-pressed="true"] { background: #1f2933; color: #fff; border-color: #1f2933; }
main { position: absolute; top: var(--aic-bar-height, 52px); left: 0; right: 0; bottom: 0; }
#mynetwork { position: absolute; inset: 0; background: #ffffff; }
#aic-loading { position: absolute; top: 45%; left: 0; right: 0; text-align: center; font-size: 18px; color: #52606d; pointer-events: none; }
body[data-settled="1"] #aic-loading { display: none; }
#aic-legend { position: absolute; top: 10px; right: 10px; max-height: calc(100% - 60px); overflow-y: auto; width: 250px;
  background: rgba(255,255,255,.95); border: 1px solid #d9dee4; border-radius: 6px; padding: 6px 10px; font-size: 13px;
  box-shadow: 0 2px 8px rgba(0,0,0,.08); box-sizing: border-box; }
#aic-legend:not([open]) { width: auto; }
#aic-legend summary { cursor: pointer; }
#aic-legend summary h2 { display: inline; font-size: 13px; margin: 0; text-transform: uppercase; letter-spacing: .04em; color: #3e4c59; }
#aic-legend h3 { font-size: 12px; margin: 8px 0 3px; color: #3e4c59; }
.aic-legend-buttons { display: flex; gap: 6px; margin-bottom: 4px; }
.aic-legend-buttons button { font-size: 12px; padding: 2px 8px; border: 1px solid #7b8794; background: #fff; color: #1f2933; cursor: pointer; }
#aic-types, #aic-links { list-style: none; margin: 0; padding: 0; }
#aic-types li { display: flex; align-items: center; gap: 6px; }
#aic-types li label { display: flex; align-items: center; gap: 5px; padding: 1px 0; cursor: pointer; flex: 1 1 auto; min-width: 0; }
.aic-fold { flex: none; font-size: 11px; padding: 1px 6px; border: 1px solid #7b8794; border-radius: 3px; background: #fff; color: #1f2933; cursor: pointer; }
.aic-fold[data-folded="1"] { background: #1f2933; color: #fff; border-color: #1f2933; }
#aic-links li { display: flex; align-items: center; gap: 5px; padding: 1px 0; }
#aic-types .aic-count, #aic-links .aic-count { margin-left: auto; color: #52606d; font-size: 11px; }
.aic-swatch { flex: none; }
.aic-hint { color: #52606d; font-size: 11px; margin: 6px 0 0; }
#aic-status { position: absolute; left: 10px; bottom: 8px; font-size: 12px; color: #3e4c59; background: rgba(255,255,255,.85); padding: 2px 6px; }
div.vis-tooltip { max-width: min(440px, calc(100vw - 24px)); white-space: normal; font-family: inherit; font-size: 12.5px; line-height: 1.35; padding: 8px 10px;
  background: #fffdf7; border: 1px solid #c9c2a8; border-radius: 4px; box-shadow: 2px 3px 10px rgba(0,0,0,.15); color: #1f2933; }
.aic-tip-head { display: flex; gap: 8px; align-items: baseline; }
.aic-tip-head strong { font-size: 14px; }
.aic-tip-type { color: #52606d; font-size: 11px; margin-left: auto; white-space: nowrap; }
.aic-tip-labels { color: #52606d; font-size: 11.5px; margin-top: 2px; }
.aic-tip p { margin: 5px 0; }
.aic-tip-sub { font-weight: 600; margin-top: 6px; font-size: 11.5px; color: #52606d; }
.aic-tip ul { margin: 2px 0 0; padding-left: 16px; }
.aic-tip li { margin: 2px 0; }
.aic-tip ul.aic-columns { columns: 2; column-gap: 22px; }
.aic-tip ul.aic-columns li { break-inside: avoid; }
.aic-src { font-weight: 600; }
.aic-quote { font-style: italic; }
.aic-tip-link { display: block; margin-top: 6px; color: #1c5d99; font-weight: 600; }
@media (max-width: 700px) {
  #aic-bar { flex-wrap: wrap; padding: 6px 8px; gap: 6px 10px; }
  #aic-bar h1 { font-size: 15px; flex: 1 1 0; min-width: 0; order: 1; }
  #aic-lang { order: 2; }
  #aic-nav { order: 3; flex: 1 1 100%; gap: 6px 12px; }
  #aic-search-box { order: 4; flex: 1 1 100%; margin-left: 0; }
  #aic-search { width: 100%; }
  #aic-results { left: 8px; right: 8px; width: auto; }
  #aic-legend { width: auto; max-width: calc(100% - 20px); max-height: calc(100% - 50px); }
  #aic-legend[open] { left: 10px; }
}
"""

SCRIPT = r"""
(function () {
  "use strict";
  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  var cfg = json("aic-config");
  var nodeList = json("aic-nodes");
  var edgeList = json("aic-edges");
  var options = json("aic-options");
  var params = new URLSearchParams(window.location.search);
  // The language: aicareers.html.language's choice (?lang=, else the reader's last choice, else the build's).
  var lang = window.aicLang.get();
  var other = function (l) { return l === "fr" ? "en" : "fr"; };
  var LANGS = ["fr", "en"];
  var ROLE_PX = __ROLE_PX__, ROLE_GAP_PX = __ROLE_GAP__;

  function tr(key, l) { return cfg.text[l || lang][key]; }
  function pick(item, base, l) { l = l || lang; return item[base + "_" + l] || item[base + "_" + other(l)] || ""; }
  function short(label) {
    // Canvas labels stop at cfg.labelMax characters (the tooltip has the whole label).
    return label.length > cfg.labelMax ? label.slice(0, cfg.labelMax - 1).replace(/\s+\S*$/, "") + "\u2026" : label;
  }
  function typeName(type, l) { var t = cfg.types[type]; return t ? (t[l || lang] || type) : type; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function withLang(href, l) { return window.aicLang.link(href, l || lang); }
  // Tooltips hold both languages; the style sheet shows the one of <html lang>, so switching
  // language never rebuilds them.
  function both(parent, tag, cls, textOf) {
    LANGS.forEach(function (l) {
      var text = textOf(l);
      if (text) { parent.appendChild(el(tag, (cls ? cls + " " : "") + "aic-only-" + l, text)); }
    });
  }

  var byId = {};
  nodeList.forEach(function (n) { byId[n.id] = n; });

  function sourceList(box, sources) {
    if (!sources || !sources.length) { return; }
    both(box, "div", "aic-tip-sub", function (l) { return tr("sources", l); });
    LANGS.forEach(function (l) {
      var ul = el("ul", "aic-only-" + l);
      sources.forEach(function (s) {
        var li = el("li");
        li.appendChild(el("span", "aic-src", l === "fr" ? (s[2] || s[0]) : s[0]));
        if (s[1]) {
          li.appendChild(document.createTextNode(l === "fr" ? " : " : ": "));
          li.appendChild(el("span", "aic-quote", "« " + s[1] + " »"));
        }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
  }

  function nodeTitle(n) {
    var box = el("div", "aic-tip");
    var head = el("div", "aic-tip-head");
    both(head, "strong", null, function (l) { return pick(n, "label", l); });
    both(head, "span", "aic-tip-type", function (l) { return typeName(n.type, l) + (n.emerging ? " · " + tr("emerging", l) : ""); });
    box.appendChild(head);
    if (n.label_fr !== n.label_en) { box.appendChild(el("div", "aic-tip-labels", "FR : " + n.label_fr + "  ·  EN : " + n.label_en)); }
    both(box, "p", "aic-tip-def", function (l) { return pick(n, "definition", l); });
    sourceList(box, n.sources);
    if (n.link) {
      // A job with a page of this site (a role, a framework occupation: jobs/<id>.html) links to it
      // in the reader's language; another framework's concept, to that framework's own page.
      var local = !/^https?:/.test(n.link);
      LANGS.forEach(function (l) {
        var a = el("a", "aic-tip-link aic-only-" + l, tr(local ? "details" : "framework", l));
        a.href = local ? withLang(n.link, l) : n.link;
        if (!local) { a.target = "_blank"; a.rel = "noopener"; }
        box.appendChild(a);
      });
    }
    return box;
  }

  function edgeTitle(e) {
    var box = el("div", "aic-tip");
    var head = el("div", "aic-tip-head");
    both(head, "strong", null, function (l) { return pick(e, "label", l); });
    box.appendChild(head);
    var from = byId[e.from], to = byId[e.to];
    both(box, "div", "aic-tip-labels", function (l) {
      return (from ? pick(from, "label", l) : "") + " \u2192 " + (to ? pick(to, "label", l) : "");
    });
    both(box, "p", "aic-tip-def", function (l) { return pick(e, "meaning", l); });
    sourceList(box, e.sources);
    if (e.gap) {
      both(box, "div", "aic-tip-sub", function (l) { return tr("gap", l) + " (" + e.gap.length + ")"; });
      if (!e.gap.length) { both(box, "p", null, function (l) { return tr(e.gapUnknown ? "gapUnknown" : "noGap", l); }); }
      LANGS.forEach(function (l) {
        if (!e.gap.length) { return; }
        var ul = el("ul", "aic-only-" + l + (e.gap.length > 10 ? " aic-columns" : ""));
        e.gap.forEach(function (skill) { ul.appendChild(el("li", null, pick(skill, "label", l))); });
        box.appendChild(ul);
      });
    }
    return box;
  }

  function edgeLabel(e) {
    var label = pick(e, "label");
    if (e.gap) { label += "\n" + (e.gapUnknown ? tr("gapUnknown") : "+" + e.gap.length + " " + tr("gapNote")); }
    return label;
  }
  // Which edges show their label now (besides every edge when cfg.edgeLabels is "always").
  var labelled = {};
  // null, not "": vis-network measures an empty label on every frame (11,977 edges on the whole
  // graph made each frame of an animation take half a second)
  function edgeLabelNow(e) { return cfg.edgeLabels === "always" || labelled[e.id] ? edgeLabel(e) : null; }

  nodeList.forEach(function (n) { n.label = short(pick(n, "label")); n.title = nodeTitle(n); });
  edgeList.forEach(function (e) {
    var label = edgeLabelNow(e);
    if (label === null) { delete e.label; } else { e.label = label; }
    e.title = edgeTitle(e);
  });

  var original = {}, originalEdges = {};
  nodeList.forEach(function (n) { original[n.id] = {color: n.color, font: n.font}; });
  edgeList.forEach(function (e) { originalEdges[e.id] = {color: e.color, font: e.font || {color: cfg.edgeFontColor}}; });
  var edgeById = {};
  edgeList.forEach(function (e) { edgeById[e.id] = e; });

  // The bar wraps on a narrow screen: the graph starts below it, whatever its height.
  var bar = document.getElementById("aic-bar");
  var searchBox = document.getElementById("aic-search-box");
  function placeBelowBar() {
    var root = document.documentElement.style;
    root.setProperty("--aic-bar-height", bar.offsetHeight + "px");
    var box = searchBox.getBoundingClientRect();
    root.setProperty("--aic-results-top", Math.round(box.bottom + 2) + "px");
    root.setProperty("--aic-results-right", Math.max(8, Math.round(document.documentElement.clientWidth - box.right)) + "px");
  }
  placeBelowBar();
  window.addEventListener("resize", placeBelowBar);
  var legend = document.getElementById("aic-legend");
  if (window.matchMedia("(max-width: __NARROW__px)").matches) { legend.open = false; }

  // vis-network draws nodes in the DataSet's order: roles last, so that no node covers their labels.
  var nodes = new vis.DataSet(nodeList.filter(function (n) { return n.type !== "role"; })
                                      .concat(nodeList.filter(function (n) { return n.type === "role"; })));
  var edges = new vis.DataSet(edgeList);
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, {}, options);
  window.network = network; window.nodes = nodes; window.edges = edges;

  // ---------------------------------------------------------------- role labels
  // A role's label is drawn at ROLE_PX on the screen at least: its font grows as the view zooms
  // out (other labels fade out below 8 px: options.nodes.scaling.label.drawThreshold).
  var roleFont = {}, roleBase = {};
  cfg.roles.forEach(function (id) { roleBase[id] = (original[id].font && original[id].font.size) || 15; });
  function roleFonts() {
    var scale = network.getScale(), updates = [];
    cfg.roles.forEach(function (id) {
      var size = Math.max(roleBase[id], Math.ceil(ROLE_PX / scale));
      if (roleFont[id] !== size) {
        roleFont[id] = size;
        original[id].font = Object.assign({}, original[id].font, {size: size});
        updates.push({id: id, font: highlighted === null || keep[id] ? original[id].font : {color: cfg.dimFont, size: size}});
      }
    });
    if (updates.length) { nodes.update(updates); }
    // a group's label (folded types, below) too: it says what the group holds and how to open it
    var px = Math.max(16, Math.ceil(ROLE_PX / scale));
    if (px !== groupPx) { groupPx = px; paintGroups(); }
  }
  // On a page that labels every edge, edge labels keep a readable size the same way.
  var edgeFont = 0;
  function edgeFonts() {
    if (cfg.edgeLabels !== "always") { return; }
    var size = Math.max(10, Math.ceil(ROLE_PX * 0.85 / network.getScale()));
    if (size === edgeFont) { return; }
    edgeFont = size;
    edges.update(edgeList.map(function (e) {
      originalEdges[e.id].font = Object.assign({}, originalEdges[e.id].font, {size: size});
      return {id: e.id, font: highlighted === null || e.from === highlighted || e.to === highlighted ? originalEdges[e.id].font : {color: cfg.dimFont, size: size}};
    }));
  }
  network.on("zoom", function () { roleFonts(); edgeFonts(); });

  // ---------------------------------------------------------------- opening view
  // Fitted on the roles (a page's main subject), unless the page is small enough to fit whole.
  function openingView() {
    var roles = cfg.roles.filter(function (id) { var n = nodes.get(id); return n && !n.hidden; });
    var narrow = window.innerWidth < __NARROW__;
    // On a wide screen, the groups of folded types are in the view too, so that one sees what
    // the page holds besides the roles; a phone's screen is too small for both (it opens closer
    // on the roles; the legend lists the groups).
    var groups = narrow ? [] : Object.keys(folded).map(function (t) { return folded[t]; })
      .filter(function (id) { return network.body.nodes[id] && !network.body.nodes[id].options.hidden; });
    if (nodes.length <= 40 || !roles.length) { network.fit({animation: false}); }
    else { network.fit({nodes: roles.concat(groups), animation: false}); }
    // Room for the labels of the nodes on the rim (the fit counts their centres only); on a large
    // page, the others' labels stay under the drawing threshold until one zooms in.
    var scale = Math.min(network.getScale() * (narrow ? 0.8 : 0.9), cfg.openingScaleMax);
    // On a wide screen, what was fitted goes left of the open legend, which would cover its right.
    var room = !narrow && legend.open ? legend.offsetWidth + 20 : 0, width = container.clientWidth;
    if (room && width > 2 * room) {
      scale = Math.min(scale, network.getScale() * (width - room) / width);
      var centre = network.getViewPosition();
      network.moveTo({position: {x: centre.x + room / 2 / scale, y: centre.y}, scale: scale, animation: false});
    } else { network.moveTo({scale: scale, animation: false}); }
    roleFonts();
    edgeFonts();
    spreadRoles();
  }

  // Role labels keep their size on the screen (roleFonts), so roles the layout put close together
  // print their names over each other at the opening zoom: move them apart, just enough for their
  // labels' boxes not to overlap at this zoom on this screen (the same moves at every opening).
  function spreadRoles() {
    var ids = cfg.roles.filter(function (id) { var n = network.body.nodes[id]; return n && !n.options.hidden; });
    if (ids.length < 2) { return; }
    network.redraw();  // the boxes of the labels at the sizes just set
    var gap = ROLE_GAP_PX / network.getScale();
    var box = ids.map(function (id) {
      var b = network.getBoundingBox(id), p = network.getPosition(id);
      return {id: id, x: p.x, y: p.y, w: b.right - b.left + gap, h: b.bottom - b.top + gap};
    });
    for (var round = 0; round < 200; round++) {
      var moved = false;
      for (var i = 0; i < box.length; i++) {
        for (var j = i + 1; j < box.length; j++) {
          var a = box[i], c = box[j], dx = c.x - a.x, dy = c.y - a.y;
          var ox = (a.w + c.w) / 2 - Math.abs(dx), oy = (a.h + c.h) / 2 - Math.abs(dy);
          if (ox <= 0 || oy <= 0) { continue; }
          moved = true;  // apart along the axis that needs the shorter move, each half of it
          var sign = (oy <= ox ? dy : dx) < 0 ? -1 : 1;
          if (oy <= ox) { a.y -= sign * oy / 2; c.y += sign * oy / 2; } else { a.x -= sign * ox / 2; c.x += sign * ox / 2; }
        }
      }
      if (!moved) { break; }
    }
    nodes.update(box.map(function (b) { return {id: b.id, x: b.x, y: b.y}; }));
  }

  // ---------------------------------------------------------------- settling
  var loading = document.getElementById("aic-loading");
  function settled() {
    window.aicSettledAt = performance.now();
    document.body.setAttribute("data-settled", "1");
    status();
  }
  function ready() {
    openingView();
    var focus = params.get("focus");
    if (focus && nodes.get(focus)) { focusNode(focus, false); }
    network.once("afterDrawing", settled);
    network.redraw();
  }
  if (cfg.physics) {
    network.on("stabilizationProgress", function (p) {
      loading.textContent = tr("loading") + " " + Math.round(100 * p.iterations / p.total) + " %";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      ready();
    });
  }

  // ---------------------------------------------------------------- highlight
  var highlighted = null, keep = {};
  var DIM = {background: cfg.dim, border: cfg.dim, highlight: {background: cfg.dim, border: "#9aa4b1"}, hover: {background: cfg.dim, border: "#9aa4b1"}};
  function setLabelled(ids, on) {
    if (cfg.edgeLabels === "always") { return; }
    var updates = [];
    ids.forEach(function (k) {
      if (Boolean(labelled[k]) !== on) {
        if (on) { labelled[k] = true; } else { delete labelled[k]; }
        updates.push({id: k, label: edgeLabelNow(edgeById[k])});
      }
    });
    if (updates.length) { edges.update(updates); }
  }
  function highlight(id) {
    clearHighlight();
    keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (k) { keep[k] = true; });
    nodes.update(nodes.getIds().map(function (k) {
      return keep[k] ? {id: k, color: original[k].color, font: original[k].font}
                     : {id: k, color: DIM, font: original[k].font && original[k].font.size ? {color: cfg.dimFont, size: original[k].font.size} : {color: cfg.dimFont}};
    }));
    var mine = [];
    edges.update(edges.get({fields: ["id", "from", "to"]}).map(function (e) {
      var on = e.from === id || e.to === id;
      if (on) { mine.push(e.id); }
      return on ? {id: e.id, color: originalEdges[e.id].color, font: originalEdges[e.id].font}
                : {id: e.id, color: {color: cfg.dim, inherit: false}, font: {color: cfg.dimFont}};
    }));
    highlighted = id;
    setLabelled(mine, true);
    paintGroups();
    paintGroupEdges();
  }
  function clearHighlight() {
    if (highlighted === null) { return; }
    nodes.update(nodes.getIds().map(function (k) { return {id: k, color: original[k].color, font: original[k].font}; }));
    edges.update(edges.getIds().map(function (k) { return {id: k, color: originalEdges[k].color, font: originalEdges[k].font}; }));
    setLabelled(Object.keys(labelled), false);
    highlighted = null;
    keep = {};
    paintGroups();
    paintGroupEdges();
  }
  network.on("click", function (p) {
    // a click on a group opens it (a double-click would first highlight it, then open it)
    if (p.nodes.length && groupType[p.nodes[0]]) { openType(groupType[p.nodes[0]]); network.unselectAll(); return; }
    if (p.nodes.length) { highlight(p.nodes[0]); }
    else if (!p.edges.length) { clearHighlight(); }
  });
  // (a link to a group is vis-network's, not the page's: it keeps its tooltip and no label)
  network.on("hoverEdge", function (p) { if (edgeById[p.edge] && !labelled[p.edge]) { labelled[p.edge] = "hover"; edges.update({id: p.edge, label: edgeLabelNow(edgeById[p.edge])}); } });
  network.on("blurEdge", function (p) { if (labelled[p.edge] === "hover") { delete labelled[p.edge]; edges.update({id: p.edge, label: edgeLabelNow(edgeById[p.edge])}); } });
  function go(page) { window.location.href = withLang(page); }
  network.on("doubleClick", function (p) {
    var page = p.nodes.length ? cfg.rolePages[p.nodes[0]] : null;
    if (page && page !== cfg.page) { go(page); }
  });

  // ---------------------------------------------------------------- type filter
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input.aic-type"));
  function applyFilter() {
    var hidden = {};
    boxes.forEach(function (b) { hidden[b.value] = !b.checked; });
    var updates = [];
    nodes.forEach(function (n) {
      var h = hidden[n.type] === true;
      if (Boolean(n.hidden) !== h) { updates.push({id: n.id, hidden: h}); }
    });
    nodes.update(updates);
    // a folded type's nodes are inside its group: the group goes and comes back with them
    Object.keys(folded).forEach(function (type) {
      var group = network.body.nodes[folded[type]];
      if (group && Boolean(group.options.hidden) !== (hidden[type] === true)) {
        network.clustering.updateClusteredNode(folded[type], {hidden: hidden[type] === true});
      }
    });
    if (highlighted !== null && hidden[byId[highlighted].type]) { clearHighlight(); }
    status();
  }
  boxes.forEach(function (b) { b.addEventListener("change", applyFilter); });
  document.getElementById("aic-all").addEventListener("click", function () { boxes.forEach(function (b) { b.checked = true; }); applyFilter(); });
  document.getElementById("aic-none").addEventListener("click", function () { boxes.forEach(function (b) { b.checked = false; }); applyFilter(); });

  // ---------------------------------------------------------------- folded types
  // cfg.fold lists the types this page gathers into one node each when it opens
  // (controls.folded_types): vis-network clusters ("aic-fold-<type>", an id never shown), opened
  // by a click on them, by the legend's buttons or by picking one of their nodes (search,
  // ?focus=); the legend's buttons gather them again.
  var folded = {}, groupType = {}, members = {}, foldNames = {}, foldLook = {}, groupPx = 16;
  // the room (canvas px) a group's two-line label takes, at least, below another's
  var GROUP_GAP = 260;
  (cfg.fold || []).forEach(function (f) { foldNames[f.type] = f; members[f.type] = 0; groupType["aic-fold-" + f.type] = f.type; });
  nodeList.forEach(function (n) {
    if (!(n.type in members)) { return; }
    members[n.type] += 1;
    if (!foldLook[n.type]) { foldLook[n.type] = {shape: n.shape, color: original[n.id].color}; }
  });
  function fill(text, type, l) { return text.replace("{name}", foldNames[type][l || lang]).replace("{n}", members[type]); }
  function typeHidden(type) { return boxes.some(function (b) { return b.value === type && !b.checked; }); }
  function groupTitle(type) {
    var box = el("div", "aic-tip");
    var head = el("div", "aic-tip-head");
    both(head, "strong", null, function (l) { return foldNames[type][l] + " (" + members[type] + ")"; });
    box.appendChild(head);
    both(box, "p", "aic-tip-def", function (l) { return fill(tr("foldTip", l), type, l); });
    return box;
  }
  function groupEdgeTitle(type) {
    var box = el("div", "aic-tip");
    both(box, "strong", null, function (l) { return fill(tr("foldEdge", l), type, l); });
    return box;
  }
  // A group's look: its type's shape and colour, larger; dimmed outside a highlight.
  function paintGroups() {
    Object.keys(folded).forEach(function (type) {
      var group = network.body.nodes[folded[type]];
      if (!group) { return; }
      var on = highlighted === null || keep[folded[type]];
      group.setOptions({color: on ? foldLook[type].color : DIM,
                        font: {size: groupPx, color: on ? "#1f2933" : cfg.dimFont, strokeWidth: 4, strokeColor: "#ffffff"}});
    });
  }
  // The links drawn to a group are vis-network's own copies of a base link: dimmed like the others.
  function paintGroupEdges() {
    Object.keys(network.body.edges).forEach(function (k) {
      var e = network.body.edges[k];
      if (e.clusteringEdgeReplacingIds === undefined) { return; }
      var on = highlighted === null || e.fromId === highlighted || e.toId === highlighted;
      var base = originalEdges[network.clustering.getBaseEdge(k)];
      e.setOptions({color: on && base ? base.color : {color: cfg.dim, inherit: false}});
    });
  }
  // batch: at opening, the groups are made one after the other and vis-network refreshes its
  // indices once, after the last (each refresh walks the 11,977 edges of the whole graph).
  function foldType(type, batch) {
    if (folded[type] || !members[type]) { return false; }
    var id = "aic-fold-" + type;
    if (highlighted !== null && byId[highlighted].type === type) { clearHighlight(); }
    if (network.getSelectedNodes().some(function (k) { return byId[k] && byId[k].type === type; })) { network.unselectAll(); }
    // The group sits where its nodes are (their mean position), moved down clear of the groups
    // already there: ROME's skills, job titles and work contexts hang off the same occupations.
    var at = {x: 0, y: 0}, ids = nodes.getIds({filter: function (n) { return n.type === type; }}), placed = network.getPositions(ids);
    ids.forEach(function (k) { at.x += placed[k].x / ids.length; at.y += placed[k].y / ids.length; });
    at = {x: Math.round(at.x), y: Math.round(at.y)};
    var others = Object.keys(folded).map(function (t) { return network.getPosition(folded[t]); });
    while (others.some(function (o) { return Math.abs(o.x - at.x) < GROUP_GAP * 2 && Math.abs(o.y - at.y) < GROUP_GAP; })) { at.y += GROUP_GAP; }
    network.cluster({
      joinCondition: function (o) { return o.type === type; },
      clusterNodeProperties: {id: id, x: at.x, y: at.y, label: fill(tr("foldLabel"), type), title: groupTitle(type), shape: foldLook[type].shape,
                              color: foldLook[type].color, size: 28, borderWidth: 3, hidden: typeHidden(type),
                              font: {size: groupPx, color: "#1f2933", strokeWidth: 4, strokeColor: "#ffffff"}},
      clusterEdgeProperties: {title: groupEdgeTitle(type)}
    }, !batch);
    folded[type] = id;
    // a new group and its links copy their nodes' and links' looks: dimmed ones during a highlight
    if (highlighted !== null) { paintGroups(); paintGroupEdges(); }
    if (!batch) { foldState(); }
    return true;
  }
  function openType(type) {
    var id = folded[type];
    if (!id) { return false; }
    // each node goes back where the layout put it (vis-network would pile them on the group's spot)
    if (network.isCluster(id)) { network.openCluster(id, {releaseFunction: function (at, positions) { return positions; }}); }
    delete folded[type];
    foldState();
    return true;
  }
  // The legend's button of each folded type: "open" while folded, "gather" once open.
  var foldButtons = Array.prototype.slice.call(document.querySelectorAll("button.aic-fold"));
  function foldState() {
    foldButtons.forEach(function (b) {
      var type = b.getAttribute("data-type"), f = Boolean(folded[type]);
      b.textContent = tr(f ? "open" : "fold");
      b.setAttribute("aria-label", fill(tr(f ? "openAria" : "foldAria"), type));
      b.setAttribute("data-folded", f ? "1" : "0");
    });
    status();
  }
  foldButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      var type = b.getAttribute("data-type");
      if (folded[type]) { openType(type); } else { foldType(type); }
    });
  });
  function foldedTypes() { return (cfg.fold || []).map(function (f) { return f.type; }).filter(function (t) { return Boolean(folded[t]); }); }

  // ---------------------------------------------------------------- search
  var find = window.aicSearch.index(nodeList);
  function focusNode(id, animate) {
    var n = nodes.get(id);
    if (!n) { return false; }
    if (n.hidden) {
      boxes.forEach(function (b) { if (b.value === n.type) { b.checked = true; } });
      applyFilter();
    }
    // a node gathered into its type's group: the group opens first
    openType(n.type);
    highlight(id);
    network.selectNodes([id]);
    var scale = Math.max(network.getScale(), 1.1);
    // vis-network's animations advance by frames, not by time: on a large page (positions from
    // Python), where a frame of a slow machine takes half a second, a 0.4 s move took 4 s. Jump.
    if (!cfg.physics) { animate = false; }
    if (animate !== false) { network.once("animationFinished", function () { roleFonts(); edgeFonts(); }); }
    network.focus(id, animate === false ? {scale: scale, animation: false}
                                         : {scale: scale, animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    if (animate === false) { roleFonts(); edgeFonts(); }
    return true;
  }
  var search = document.getElementById("aic-search");
  var results = document.getElementById("aic-results");
  var current = [], active = -1;
  function setActive(i) {
    var items = results.querySelectorAll("li[role=option]");
    if (!items.length) { active = -1; search.removeAttribute("aria-activedescendant"); return; }
    active = (i + items.length) % items.length;
    items.forEach(function (li, k) {
      li.classList.toggle("aic-active", k === active);
      li.setAttribute("aria-selected", k === active ? "true" : "false");
    });
    search.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({block: "nearest"});
  }
  function hideResults() {
    results.hidden = true;
    search.setAttribute("aria-expanded", "false");
    search.removeAttribute("aria-activedescendant");
  }
  function pickResult(id) { focusNode(id); hideResults(); }
  function showResults() {
    current = find(search.value);
    results.textContent = "";
    if (!search.value.trim()) { hideResults(); return; }
    placeBelowBar();
    if (!current.length) { results.appendChild(el("li", "aic-none", tr("noResult"))); }
    current.forEach(function (id, i) {
      var n = byId[id];
      var li = el("li");
      li.id = "aic-result-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("data-id", id);
      li.appendChild(el("span", null, pick(n, "label")));
      li.appendChild(el("span", "aic-result-type", typeName(n.type)));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pickResult(id); });
      results.appendChild(li);
    });
    results.hidden = false;
    search.setAttribute("aria-expanded", "true");
    setActive(0);
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (results.hidden) { showResults(); } else { setActive(active + (ev.key === "ArrowDown" ? 1 : -1)); }
    } else if (ev.key === "Enter") {
      if (results.hidden || active < 0) { current = find(search.value); active = current.length ? 0 : -1; }
      if (active >= 0 && current[active]) { pickResult(current[active]); } else { hideResults(); }
    } else if (ev.key === "Escape") { hideResults(); }
  });
  search.addEventListener("blur", hideResults);

  // ---------------------------------------------------------------- language
  // aicareers.html.language switches <html lang>, the texts with data-fr/data-en (bar, legend),
  // the buttons and the links; what this script drew itself is redrawn here.
  function relabel() {
    lang = window.aicLang.get();
    search.placeholder = tr("search");
    search.setAttribute("aria-label", tr("search"));
    results.setAttribute("aria-label", tr("results"));
    document.title = cfg.title[lang];
    nodes.update(nodeList.map(function (n) { return {id: n.id, label: short(pick(n, "label"))}; }));
    var shown = edgeList.filter(function (e) { return cfg.edgeLabels === "always" || labelled[e.id]; });
    if (shown.length) { edges.update(shown.map(function (e) { return {id: e.id, label: edgeLabel(e)}; })); }
    if (!results.hidden) { showResults(); }
    Object.keys(folded).forEach(function (type) {
      var group = network.body.nodes[folded[type]];
      if (group) { group.setOptions({label: fill(tr("foldLabel"), type)}); }
    });
    foldState();
    placeBelowBar();
  }
  document.addEventListener("__EVENT__", relabel);
  function setLang(l, remember) { window.aicLang.set(l, remember); }

  // ---------------------------------------------------------------- status line
  function status() {
    var shown = 0, gathered = 0;
    nodes.forEach(function (n) { if (!n.hidden) { if (folded[n.type]) { gathered += 1; } else { shown += 1; } } });
    document.getElementById("aic-status").textContent =
      nodes.length + " " + tr("nodes") + " (" + shown + " " + tr("shown") + (gathered ? ", " + gathered + " " + tr("folded") : "") + ") · " +
      edges.length + " " + tr("edges");
  }

  window.aic = {find: find, focusNode: focusNode, setLang: setLang, highlight: highlight, openingView: openingView,
                clearHighlight: clearHighlight, applyFilter: applyFilter, lang: function () { return lang; },
                folded: foldedTypes, openType: openType, foldType: function (type) { return foldType(type); }};
  if (lang !== cfg.lang) { relabel(); }  // the page was written in cfg.lang
  network.setData({nodes: nodes, edges: edges});
  (cfg.fold || []).forEach(function (f, i) { foldType(f.type, i < cfg.fold.length - 1); });
  if (!cfg.physics) { ready(); }
  status();
})();
""".replace("__ROLE_PX__", str(ROLE_LABEL_MIN_PX)).replace("__ROLE_GAP__", str(ROLE_LABEL_GAP_PX)).replace("__NARROW__", str(NARROW_PX)).replace("__EVENT__", CHANGE_EVENT)
