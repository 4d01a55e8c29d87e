"""The page around the network: its HTML skeleton, style sheet, interface texts and script.

The script (:data:`SCRIPT`) builds the vis-network DataSets from JSON blocks of the page and adds:

- **tooltips**: each node's and edge's ``title`` is an HTML element built with DOM calls
  (``textContent`` only, never ``innerHTML``), so quotes with ’ « » < & are shown as they are;
  a node's tooltip has its label in the current language, both labels, its definition and its
  sources (document name and evidence quote); an edge's has the predicate, the two ends, the
  meaning of an evolution move, its sources and, on the career-paths page, the skill gap;
- **French/English switch**: both labels travel in each node's and edge's data
  (``label_fr``/``label_en``); the switch rewrites ``label`` with ``DataSet.update``, the
  interface texts (elements with ``data-fr``/``data-en``) and ``<html lang>``; tooltips hold
  both languages and the style sheet shows the current one, so they need no rebuilding (on
  10,000 nodes, rebuilding them made the switch take 2.7 s);
- **search**: labels (and alternative labels if the projection has them) in both languages,
  then definitions and evidence quotes, compared without accents, case or curly apostrophes;
  exact label > label start > inside a label > other text, roles first; Enter or a click on a
  result selects the node (``network.selectNodes``), highlights it and focuses it
  (``network.focus``);
- **type filter**: the legend's checkboxes set ``hidden`` on the nodes of a type (vis-network
  then draws none of their edges);
- **neighbourhood highlight**: clicking a node dims everything outside it and its neighbours;
  clicking the background restores the colours; double-clicking a role opens its page;
- **settling**: with physics, ``stabilizationIterationsDone`` switches physics off; the page then
  sets ``<body data-settled="1">`` and ``window.aicSettledAt`` (ms since navigation start),
  which tests and the benchmark wait for.

Globals for tests and the console: ``network``, ``nodes``, ``edges`` (as in pyvis pages) and
``aic`` (``find``, ``focusNode``, ``setLang``, ``highlight``, ``clearHighlight``,
``applyFilter``).
"""

from __future__ import annotations

#: Interface texts, by language.
UI_TEXT = {
    "fr": {
        "search": "Rechercher un nœud (fr ou en)…",
        "noResult": "Aucun nœud trouvé",
        "types": "Types de nœuds",
        "all": "tous",
        "none": "aucun",
        "nodes": "nœuds",
        "edges": "liens",
        "shown": "affichés",
        "hint": "Clic : voisinage · double-clic sur un rôle : sa page · survol : définition et sources",
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
        "lang": "Langue",
    },
    "en": {
        "search": "Search a node (French or English)…",
        "noResult": "No node found",
        "types": "Node types",
        "all": "all",
        "none": "none",
        "nodes": "nodes",
        "edges": "edges",
        "shown": "shown",
        "hint": "Click: neighbourhood · double-click a role: its page · hover: definition and sources",
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
        "lang": "Language",
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
<style>{{ aic.css }}</style>
</head>
<body data-settled="0" data-page="{{ aic.page }}">
<header id="aic-bar">
<h1 class="aic-i18n" data-fr="{{ aic.title_fr }}" data-en="{{ aic.title_en }}">{{ aic.title }}</h1>
<nav id="aic-nav">
{%- for link in aic.nav %}
<a href="{{ link.href }}" class="aic-i18n{% if link.current %} aic-current{% endif %}" data-fr="{{ link.fr }}" data-en="{{ link.en }}">{{ link.text }}</a>
{%- endfor %}
{%- if aic.role_links %}
<details id="aic-roles"><summary class="aic-i18n" data-fr="{{ aic.text.fr.roles }}" data-en="{{ aic.text.en.roles }}">{{ aic.ui.roles }}</summary>
<ul>
{%- for link in aic.role_links %}
<li><a href="{{ link.href }}" class="aic-i18n{% if link.current %} aic-current{% endif %}" data-fr="{{ link.fr }}" data-en="{{ link.en }}">{{ link.text }}</a></li>
{%- endfor %}
</ul></details>
{%- endif %}
</nav>
<div id="aic-search-box">
<input id="aic-search" type="search" autocomplete="off" spellcheck="false" placeholder="{{ aic.ui.search }}" aria-label="{{ aic.ui.search }}">
<ul id="aic-results" hidden></ul>
</div>
<div id="aic-lang" role="group" aria-label="{{ aic.ui.lang }}">
<button type="button" data-lang="fr" aria-pressed="{{ 'true' if aic.lang == 'fr' else 'false' }}">FR</button>
<button type="button" data-lang="en" aria-pressed="{{ 'true' if aic.lang == 'en' else 'false' }}">EN</button>
</div>
</header>
<main>
<div id="mynetwork"></div>
<div id="aic-loading">{{ aic.ui.loading }}</div>
<aside id="aic-legend">
<h2 class="aic-i18n" data-fr="{{ aic.text.fr.types }}" data-en="{{ aic.text.en.types }}">{{ aic.ui.types }}</h2>
<div class="aic-legend-buttons"><button type="button" id="aic-all" class="aic-i18n" data-fr="{{ aic.text.fr.all }}" data-en="{{ aic.text.en.all }}">{{ aic.ui.all }}</button>
<button type="button" id="aic-none" class="aic-i18n" data-fr="{{ aic.text.fr.none }}" data-en="{{ aic.text.en.none }}">{{ aic.ui.none }}</button></div>
<ul id="aic-types">
{{ aic.legend }}
</ul>
<p class="aic-hint aic-i18n" data-fr="{{ aic.text.fr.hint }}" data-en="{{ aic.text.en.hint }}">{{ aic.ui.hint }}</p>
</aside>
<div id="aic-status"></div>
</main>
<script type="application/json" id="aic-nodes">{{ nodes|tojson }}</script>
<script type="application/json" id="aic-edges">{{ edges|tojson }}</script>
<script type="application/json" id="aic-options">{{ options|safe }}</script>
<script type="application/json" id="aic-config">{{ aic.config|tojson }}</script>
<script>{{ aic.js }}</script>
</body>
</html>
"""

STYLE = """
html, body { margin: 0; height: 100%; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2933; }
#aic-bar { position: fixed; top: 0; left: 0; right: 0; height: 52px; display: flex; align-items: center; gap: 14px;
  padding: 0 14px; background: #f7f8fa; border-bottom: 1px solid #d9dee4; z-index: 10; box-sizing: border-box; }
#aic-bar h1 { font-size: 17px; margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 32vw; }
#aic-nav { display: flex; align-items: center; gap: 10px; font-size: 14px; }
#aic-nav a { color: #1c5d99; text-decoration: none; }
#aic-nav a.aic-current { font-weight: 600; color: #1f2933; }
#aic-roles { position: relative; cursor: pointer; }
#aic-roles ul { position: absolute; top: 24px; left: 0; background: #fff; border: 1px solid #d9dee4; list-style: none;
  margin: 0; padding: 6px 10px; min-width: 260px; box-shadow: 0 4px 12px rgba(0,0,0,.12); z-index: 20; }
#aic-roles li { padding: 3px 0; }
#aic-search-box { position: relative; margin-left: auto; }
#aic-search { width: 270px; padding: 6px 8px; font-size: 14px; border: 1px solid #b8c0ca; border-radius: 4px; }
#aic-results { position: absolute; top: 34px; right: 0; width: 340px; max-height: 60vh; overflow-y: auto; margin: 0; padding: 0;
  list-style: none; background: #fff; border: 1px solid #d9dee4; box-shadow: 0 4px 12px rgba(0,0,0,.12); z-index: 20; }
#aic-results li { padding: 5px 8px; cursor: pointer; font-size: 13px; display: flex; gap: 6px; align-items: center; }
#aic-results li:hover, #aic-results li.aic-active { background: #eef3f8; }
#aic-results .aic-result-type { color: #6b7785; font-size: 11px; margin-left: auto; white-space: nowrap; }
#aic-lang button { border: 1px solid #b8c0ca; background: #fff; padding: 5px 9px; cursor: pointer; font-size: 13px; }
#aic-lang button[aria-pressed="true"] { background: #1f2933; color: #fff; border-color: #1f2933; }
main { position: absolute; top: 52px; left: 0; right: 0; bottom: 0; }
#mynetwork { position: absolute; inset: 0; background: #ffffff; }
#aic-loading { position: absolute; top: 45%; left: 0; right: 0; text-align: center; font-size: 18px; color: #6b7785; pointer-events: none; }
body[data-settled="1"] #aic-loading { display: none; }
#aic-legend { position: absolute; top: 10px; right: 10px; max-height: calc(100% - 60px); overflow-y: auto; width: 230px;
  background: rgba(255,255,255,.93); border: 1px solid #d9dee4; border-radius: 6px; padding: 8px 10px; font-size: 13px;
  box-shadow: 0 2px 8px rgba(0,0,0,.08); }
#aic-legend h2 { font-size: 13px; margin: 0 0 4px; text-transform: uppercase; letter-spacing: .04em; color: #52606d; }
.aic-legend-buttons { display: flex; gap: 6px; margin-bottom: 4px; }
.aic-legend-buttons button { font-size: 11px; padding: 1px 6px; border: 1px solid #b8c0ca; background: #fff; cursor: pointer; }
#aic-types { list-style: none; margin: 0; padding: 0; }
#aic-types li label { display: flex; align-items: center; gap: 5px; padding: 1px 0; cursor: pointer; }
#aic-types .aic-count { margin-left: auto; color: #6b7785; font-size: 11px; }
.aic-swatch { flex: none; }
.aic-hint { color: #6b7785; font-size: 11px; margin: 6px 0 0; }
#aic-status { position: absolute; left: 10px; bottom: 8px; font-size: 12px; color: #52606d; background: rgba(255,255,255,.85); padding: 2px 6px; }
div.vis-tooltip { max-width: 440px; white-space: normal; font-family: inherit; font-size: 12.5px; line-height: 1.35; padding: 8px 10px;
  background: #fffdf7; border: 1px solid #c9c2a8; border-radius: 4px; box-shadow: 2px 3px 10px rgba(0,0,0,.15); color: #1f2933; }
.aic-tip-head { display: flex; gap: 8px; align-items: baseline; }
.aic-tip-head strong { font-size: 14px; }
.aic-tip-type { color: #6b7785; font-size: 11px; margin-left: auto; white-space: nowrap; }
.aic-tip-labels { color: #52606d; font-size: 11.5px; margin-top: 2px; }
.aic-tip p { margin: 5px 0; }
.aic-tip-sub { font-weight: 600; margin-top: 6px; font-size: 11.5px; color: #52606d; }
.aic-tip ul { margin: 2px 0 0; padding-left: 16px; }
.aic-tip li { margin: 2px 0; }
.aic-tip ul.aic-columns { columns: 2; column-gap: 22px; }
.aic-tip ul.aic-columns li { break-inside: avoid; }
.aic-src { font-weight: 600; }
.aic-quote { font-style: italic; }
html[lang="fr"] .aic-only-en, html[lang="en"] .aic-only-fr { display: none; }
.aic-tip-iri { color: #8a96a3; font-size: 10.5px; margin-top: 5px; word-break: break-all; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  var cfg = json("aic-config");
  var nodeList = json("aic-nodes");
  var edgeList = json("aic-edges");
  var options = json("aic-options");
  var lang = cfg.lang;
  var other = function (l) { return l === "fr" ? "en" : "fr"; };

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
  var LANGS = ["fr", "en"];
  // Tooltips hold both languages; the style sheet shows the one of <html lang>, so switching
  // language never rebuilds them.
  function both(parent, tag, cls, textOf) {
    LANGS.forEach(function (l) {
      var text = textOf(l);
      if (text) { parent.appendChild(el(tag, (cls ? cls + " " : "") + "aic-only-" + l, text)); }
    });
  }
  function norm(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2019\u2018\u02bc`\u00b4]/g, "'").replace(/[\u00ab\u00bb\u201c\u201d]/g, '"')
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  var byId = {};
  nodeList.forEach(function (n) { byId[n.id] = n; });

  function sourceList(box, sources) {
    if (!sources || !sources.length) { return; }
    both(box, "div", "aic-tip-sub", function (l) { return tr("sources", l); });
    var ul = el("ul");
    sources.forEach(function (s) {
      var li = el("li");
      li.appendChild(el("span", "aic-src", s[0]));
      if (s[1]) {
        li.appendChild(document.createTextNode(" : "));
        li.appendChild(el("span", "aic-quote", "« " + s[1] + " »"));
      }
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  function nodeTitle(n) {
    var box = el("div", "aic-tip");
    var head = el("div", "aic-tip-head");
    both(head, "strong", null, function (l) { return pick(n, "label", l); });
    both(head, "span", "aic-tip-type", function (l) { return typeName(n.type, l) + (n.emerging ? " · " + tr("emerging", l) : ""); });
    box.appendChild(head);
    box.appendChild(el("div", "aic-tip-labels", "FR : " + n.label_fr + "  ·  EN : " + n.label_en));
    both(box, "p", "aic-tip-def", function (l) { return pick(n, "definition", l); });
    sourceList(box, n.sources);
    box.appendChild(el("div", "aic-tip-iri", n.id));
    return box;
  }

  function edgeTitle(e) {
    var box = el("div", "aic-tip");
    var head = el("div", "aic-tip-head");
    both(head, "strong", null, function (l) { return pick(e, "label", l); });
    head.appendChild(el("span", "aic-tip-type", e.predicate));
    box.appendChild(head);
    var from = byId[e.from], to = byId[e.to];
    both(box, "div", "aic-tip-labels", function (l) {
      return (from ? pick(from, "label", l) : e.from) + " \u2192 " + (to ? pick(to, "label", l) : e.to);
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
    if (!cfg.edgeLabels) { return undefined; }
    var label = pick(e, "label");
    if (e.gap) { label += "\n" + (e.gapUnknown ? tr("gapUnknown") : "+" + e.gap.length + " " + tr("gapNote")); }
    return label;
  }

  nodeList.forEach(function (n) { n.label = short(pick(n, "label")); n.title = nodeTitle(n); });
  edgeList.forEach(function (e) {
    var label = edgeLabel(e);
    if (label !== undefined) { e.label = label; } else { delete e.label; }
    e.title = edgeTitle(e);
  });

  var original = {}, originalEdges = {};
  nodeList.forEach(function (n) { original[n.id] = {color: n.color, font: n.font}; });
  edgeList.forEach(function (e) { originalEdges[e.id] = {color: e.color, font: e.font || {color: cfg.edgeFontColor}}; });

  var nodes = new vis.DataSet(nodeList);
  var edges = new vis.DataSet(edgeList);
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, {}, options);
  window.network = network; window.nodes = nodes; window.edges = edges;

  // ---------------------------------------------------------------- settling
  var loading = document.getElementById("aic-loading");
  function settled() {
    window.aicSettledAt = performance.now();
    document.body.setAttribute("data-settled", "1");
    status();
  }
  if (cfg.physics) {
    network.on("stabilizationProgress", function (p) {
      loading.textContent = tr("loading") + " " + Math.round(100 * p.iterations / p.total) + " %";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      network.once("afterDrawing", settled);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", settled);
  }

  // ---------------------------------------------------------------- highlight
  var highlighted = null;
  var DIM = {background: cfg.dim, border: cfg.dim, highlight: {background: cfg.dim, border: "#9aa4b1"}, hover: {background: cfg.dim, border: "#9aa4b1"}};
  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (k) { keep[k] = true; });
    nodes.update(nodes.getIds().map(function (k) {
      return keep[k] ? {id: k, color: original[k].color, font: original[k].font}
                     : {id: k, color: DIM, font: {color: cfg.dimFont}};
    }));
    edges.update(edges.get({fields: ["id", "from", "to"]}).map(function (e) {
      var on = e.from === id || e.to === id;
      return on ? {id: e.id, color: originalEdges[e.id].color, font: originalEdges[e.id].font}
                : {id: e.id, color: {color: cfg.dim, inherit: false}, font: {color: cfg.dimFont}};
    }));
    highlighted = id;
  }
  function clearHighlight() {
    if (highlighted === null) { return; }
    nodes.update(nodes.getIds().map(function (k) { return {id: k, color: original[k].color, font: original[k].font}; }));
    edges.update(edges.getIds().map(function (k) { return {id: k, color: originalEdges[k].color, font: originalEdges[k].font}; }));
    highlighted = null;
  }
  network.on("click", function (p) {
    if (p.nodes.length) { highlight(p.nodes[0]); }
    else if (!p.edges.length) { clearHighlight(); }
  });
  network.on("doubleClick", function (p) {
    var page = p.nodes.length ? cfg.rolePages[p.nodes[0]] : null;
    if (page && page !== cfg.page) { window.location.href = page; }
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
    if (highlighted !== null && hidden[byId[highlighted].type]) { clearHighlight(); }
    status();
  }
  boxes.forEach(function (b) { b.addEventListener("change", applyFilter); });
  document.getElementById("aic-all").addEventListener("click", function () { boxes.forEach(function (b) { b.checked = true; }); applyFilter(); });
  document.getElementById("aic-none").addEventListener("click", function () { boxes.forEach(function (b) { b.checked = false; }); applyFilter(); });

  // ---------------------------------------------------------------- search
  var index = nodeList.map(function (n) {
    var labels = [n.label_fr, n.label_en].concat(n.alt || []).map(norm);
    var text = [n.definition_fr, n.definition_en].concat((n.sources || []).map(function (s) { return s[1]; }));
    return {id: n.id, type: n.type, labels: labels, text: norm(text.join(" \u0001 "))};
  });
  function find(query) {
    var q = norm(query);
    if (!q) { return []; }
    var hits = [];
    index.forEach(function (entry, i) {
      var score = 0;
      entry.labels.forEach(function (l) {
        if (l === q) { score = Math.max(score, 4); }
        else if (l.indexOf(q) === 0) { score = Math.max(score, 3); }
        else if (l.indexOf(q) > 0) { score = Math.max(score, 2); }
      });
      if (!score && entry.text.indexOf(q) >= 0) { score = 1; }
      if (score) { hits.push({score: score, role: entry.type === "role" ? 0 : 1, length: entry.labels[0].length, i: i}); }
    });
    hits.sort(function (a, b) { return b.score - a.score || a.role - b.role || a.length - b.length || a.i - b.i; });
    return hits.slice(0, 15).map(function (h) { return index[h.i].id; });
  }
  function focusNode(id) {
    var n = nodes.get(id);
    if (!n) { return false; }
    if (n.hidden) {
      boxes.forEach(function (b) { if (b.value === n.type) { b.checked = true; } });
      applyFilter();
    }
    highlight(id);
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    return true;
  }
  var search = document.getElementById("aic-search");
  var results = document.getElementById("aic-results");
  var current = [];
  function showResults() {
    current = find(search.value);
    results.textContent = "";
    if (!search.value.trim()) { results.hidden = true; return; }
    if (!current.length) { results.appendChild(el("li", null, tr("noResult"))); }
    current.forEach(function (id, i) {
      var n = byId[id];
      var li = el("li", i === 0 ? "aic-active" : null);
      li.appendChild(el("span", null, pick(n, "label")));
      li.appendChild(el("span", "aic-result-type", typeName(n.type)));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); focusNode(id); results.hidden = true; });
      results.appendChild(li);
    });
    results.hidden = false;
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var found = find(search.value);
      if (found.length) { focusNode(found[0]); }
      results.hidden = true;
    } else if (ev.key === "Escape") { results.hidden = true; }
  });
  search.addEventListener("blur", function () { results.hidden = true; });

  // ---------------------------------------------------------------- language
  function setLang(l) {
    if (!cfg.text[l]) { return; }
    lang = l;
    document.documentElement.lang = l;
    document.querySelectorAll(".aic-i18n").forEach(function (e) { e.textContent = e.getAttribute("data-" + l); });
    search.placeholder = tr("search");
    search.setAttribute("aria-label", tr("search"));
    document.querySelectorAll("#aic-lang button").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-lang") === l ? "true" : "false");
    });
    document.title = cfg.title[l];
    nodes.update(nodeList.map(function (n) { return {id: n.id, label: short(pick(n, "label"))}; }));
    if (cfg.edgeLabels) { edges.update(edgeList.map(function (e) { return {id: e.id, label: edgeLabel(e)}; })); }
    if (!results.hidden) { showResults(); }
    status();
  }
  document.querySelectorAll("#aic-lang button").forEach(function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-lang")); });
  });

  // ---------------------------------------------------------------- status line
  function status() {
    var shown = nodes.get({filter: function (n) { return !n.hidden; }}).length;
    document.getElementById("aic-status").textContent =
      nodes.length + " " + tr("nodes") + " (" + shown + " " + tr("shown") + ") · " + edges.length + " " + tr("edges");
  }

  window.aic = {find: find, focusNode: focusNode, setLang: setLang, highlight: highlight,
                clearHighlight: clearHighlight, applyFilter: applyFilter, lang: function () { return lang; }};
  network.setData({nodes: nodes, edges: edges});
  status();
})();
"""
