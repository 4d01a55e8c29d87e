"""A job profile page per role and per framework occupation: ``jobs/<id>.html``, like a job sheet.

The graph pages show a job's neighbourhood; a person asking "what is this job, what does it do,
what does it need, how do I get in, what does it pay, where does it lead" wants lines, not a
graph. A page renders :func:`aicareers.analytics.profile.role_profile` (the same answer as
``aicareers profile``): the definition, missions in order, skills essential first then
optional (the articles' human qualities apart), tools and technologies, trainings and
preparation, every salary claim side by side as stated and in annual gross EUR
(:func:`aicareers.annual_gross.normalise`, as ``aicareers salaries --normalise``) with a small
chart (:mod:`aicareers.html.salary_chart`), the moves onward and the jobs that lead here with
the size of each move's skill gap (:func:`aicareers.analytics.gap.gap_sizes`, the rule of
``aicareers gap``; a gap no source lets us measure is said unknown, never 0), other names, and
for every line its sources (the article's quote or the framework's record) in numbered notes.

**Which jobs get a page.** Every role of the graph, and every framework occupation (ESCO, ROME,
O*NET) the graph holds: the committed slice is already the AI-careers slice (the occupations
the roles map to, the AI and data occupations such as ESCO's data scientist or ROME's M1405
Data scientist, and those one framework move from them; ``facts/*/README`` and the README's
frameworks section). A framework occupation is its own occupation, exactly
(:func:`aicareers.analytics.skills.occupations`), so its page follows the very rules a role's does.

French and English are both in the page; the FR/EN buttons (:mod:`aicareers.html.language`,
as on every page of the site) switch between them and the choice travels in the address
(``?lang=en``) to the other pages. No script or style is loaded from outside the file.

>>> from aicareers.analytics._examples import example_graph
>>> g = example_graph()
>>> pages = job_pages(g)
>>> pages["https://example.org/role/translator"], pages["https://example.org/esco-occupation/translator"]
('jobs/translator.html', 'jobs/esco-translator.html')
>>> html = render_job(g, "https://example.org/role/translator", pages)
>>> "translate language concepts" in html, 'href="../index.html?focus=https%3A%2F%2Fexample.org%2Frole%2Ftranslator&amp;lang=fr"' in html
(True, True)
"""

from __future__ import annotations

import re
from urllib.parse import quote as url_quote

import networkx as nx
from jinja2 import Environment
from markupsafe import Markup

from ..analytics.explain import edge_facts, node_facts, ref
from ..analytics.gap import gap_sizes
from ..analytics.profile import STRENGTH_ORDER, role_profile
from ..analytics.skills import FRAMEWORK_SKILL_EDGES, JOB_TYPES, MATCHES, OCCUPATION_TYPES, skill_classes
from ..annual_gross import normalised_text, stated_text
from . import language
from .salary_chart import salary_svg

#: Folder of the job pages, under the folder of the graph pages.
FOLDER = "jobs"
#: Words of the page, in both languages.
TEXT = {
    "fr": {
        "role": "Métier décrit par les articles", "occupation": "Métier du référentiel {fw}",
        "alt": "Autres noms", "definition": "Définition", "frameworks": "Dans les référentiels",
        "mapped_roles": "Rôles du graphe qui y correspondent",
        "essential": "Compétences essentielles", "optional": "Compétences optionnelles",
        "qualities": "Qualités humaines (selon les articles)",
        "missions": "Missions (selon les articles)", "tasks": "Tâches (selon les référentiels)",
        "tools": "Outils et technologies", "trainings": "Formations et accès au métier",
        "salaries": "Salaires", "onward": "Évolutions possibles", "into": "Métiers qui mènent ici",
        "sources": "Sources", "graph": "Voir dans le graphe", "none": "aucune dans le graphe",
        "unknown": "inconnu : aucune source ne le dit", "match": "correspondance", "skill": "compétence",
        "from": "d'où", "what": "quoi", "says": "selon la source", "job": "métier", "gap": "écart de compétences",
        "no_salary": "Aucune source ne donne de salaire pour {job}.",
        "salary_intro": "Chaque salaire tel que sa source l'écrit, puis en brut annuel en euros (mêmes règles que « aicareers salaries --normalise ») :",
        "stated": "tel qu'écrit", "annual": "brut annuel (EUR)", "seniority": "expérience", "place": "pays",
        "source": "source", "not_stated": "non précisé", "assumed": "supposé", "assumptions": "Hypothèses de conversion",
        "chart": "Salaires en brut annuel, en euros", "no_rule": "pas de règle de conversion", "not_computed": "non calculé ici",
        "to_acquire": "{n} compétence(s) à acquérir", "gap_unknown": "écart inconnu : aucune compétence connue pour {job}",
        "articles": "selon les articles", "reason_lang": "(raison en anglais)", "steps": "étapes", "level": "niveau",
        "kind_access conditions": "conditions d'accès", "kind_job zone": "zone d'emploi O*NET", "kind_education": "formation des titulaires",
        "via": "via", "code": "code", "colon": "\u00a0:",
    },
    "en": {
        "role": "Role described by the articles", "occupation": "{fw} occupation",
        "alt": "Other names", "definition": "Definition", "frameworks": "In the frameworks",
        "mapped_roles": "Roles of the graph that map to it",
        "essential": "Essential skills", "optional": "Optional skills",
        "qualities": "Human qualities (according to the articles)",
        "missions": "Missions (according to the articles)", "tasks": "Tasks (according to the frameworks)",
        "tools": "Tools and technologies", "trainings": "Trainings and getting in",
        "salaries": "Salaries", "onward": "Moves onward", "into": "Jobs that lead here",
        "sources": "Sources", "graph": "See it in the graph", "none": "none in the graph",
        "unknown": "unknown: no source says", "match": "match", "skill": "skill",
        "from": "from", "what": "what", "says": "says", "job": "job", "gap": "skill gap",
        "no_salary": "No source gives a salary for {job}.",
        "salary_intro": "Each salary as its source writes it, then in annual gross euros (the rules of “aicareers salaries --normalise”):",
        "stated": "as stated", "annual": "annual gross (EUR)", "seniority": "seniority", "place": "country",
        "source": "source", "not_stated": "not stated", "assumed": "assumed", "assumptions": "Conversion assumptions",
        "chart": "Salaries in annual gross euros", "no_rule": "no conversion rule", "not_computed": "not computed here",
        "to_acquire": "{n} skill(s) to acquire", "gap_unknown": "gap unknown: no known skill for {job}",
        "articles": "according to the articles", "reason_lang": "", "steps": "steps", "level": "level",
        "kind_access conditions": "access conditions", "kind_job zone": "O*NET job zone", "kind_education": "education of job holders",
        "via": "via", "code": "code", "colon": ":",
    },
}  # fmt: skip
MATCH_WORDS = {"fr": {"exact": "exacte", "close": "proche", "broad": "large"}, "en": {}}
STRENGTH_WORDS = {"fr": {"essential": "essentielle", "optional": "optionnelle", "core": "cœur de métier",
                         "specific": "spécifique", "emerging": "émergente"}, "en": {}}  # fmt: skip
FRAMEWORK_ORDER = {"esco-occupation": 0, "rome-occupation": 1, "onet-occupation": 2}
TECHNOLOGIES_SHOWN = 25
#: A CURIE in a framework's record (``M1889 aic:coreSkill 100541``): shown as the predicate's label.
_CURIE = re.compile(r"\b(?:aic|esco|skos|schema):[A-Za-z]+\b")

STYLE = """
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d2530;background:#fff;overflow-wrap:break-word}
header,main{max-width:60rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;justify-content:space-between;padding-top:1rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .4rem;border-bottom:1px solid #d5dbe3}
.kind{margin:0;color:#3b4654}
table{border-collapse:collapse;width:100%}td,th{text-align:left;vertical-align:top;padding:.25rem .4rem;border-bottom:1px solid #eef1f5}
th{font-weight:600;color:#3b4654}.note{color:#4a5563;font-size:.9rem}sup a{text-decoration:none;padding:0 .1rem}
a{color:#1f5f99}a:focus-visible,button:focus-visible{outline:3px solid #e08a00;outline-offset:2px}
.graph{display:inline-block;padding:.4rem 0}
ol.sources{font-size:.85rem;color:#3b4654;padding-left:1.6rem}ol.sources li{margin:.2rem 0;overflow-wrap:anywhere}
.chart{width:100%;max-width:32rem;height:auto;display:block;margin:.6rem 0}
.unknown{font-style:italic}
@media (max-width:40rem){td,th{display:block;border:0;padding:.1rem .2rem}tr{display:block;border-bottom:1px solid #d5dbe3;padding:.3rem 0}thead{display:none}
td[data-th]::before{content:attr(data-th) " — ";font-weight:600;color:#3b4654}}
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ label.fr }} / {{ label.en }}</title>
<style>{{ lang_style }}</style>
<style>{{ style }}</style>
</head>
<body>
<header>
  <div>
    <h1><span data-lang="fr">{{ label.fr }}</span><span data-lang="en">{{ label.en }}</span></h1>
    <p class="kind"><span data-lang="fr">{{ kind.fr }}</span><span data-lang="en">{{ kind.en }}</span></p>
    <a class="graph" data-keep-lang href="{{ graph_link }}"><span data-lang="fr">{{ t.fr.graph }}</span><span data-lang="en">{{ t.en.graph }}</span></a>
  </div>
  {{ lang_switch }}
</header>
<main>
{% for l in ('fr', 'en') %}<div data-lang="{{ l }}" lang="{{ l }}">
  {% if alt %}<p><strong>{{ t[l].alt }}</strong>{{ t[l].colon }} {{ alt|join(', ') }}</p>{% endif %}
  <h2>{{ t[l].definition }}</h2>
  {% if definition[l].text %}<p{% if definition[l].lang != l %} lang="{{ definition[l].lang }}"{% endif %}>{{ definition[l].text }}{{ definition_notes[l] }}</p>{% else %}<p class="unknown">{{ t[l].unknown }}</p>{% endif %}
  {% if occupations %}<h2>{{ t[l].frameworks }}</h2>
  <ul>{% for o in occupations %}<li>{{ o.framework }}{{ t[l].colon }} <a data-keep-lang href="{{ o.page }}">{{ o.label[l] }}</a> ({{ o.match[l] }}){% if o.reason %} <span class="note">— <span{% if o.reason[l].lang != l %} lang="{{ o.reason[l].lang }}"{% endif %}>{{ o.reason[l].text }}</span>{% if o.reason[l].lang != l %} {{ t[l].reason_lang }}{% endif %}</span>{% endif %}</li>{% endfor %}</ul>{% endif %}
  {% if mapped_roles is not none %}<h2>{{ t[l].mapped_roles }} ({{ mapped_roles|length }})</h2>
  {% if mapped_roles %}<ul>{% for o in mapped_roles %}<li><a data-keep-lang href="{{ o.page }}">{{ o.label[l] }}</a> ({{ o.match[l] }}){% if o.reason %} <span class="note">— <span{% if o.reason[l].lang != l %} lang="{{ o.reason[l].lang }}"{% endif %}>{{ o.reason[l].text }}</span>{% if o.reason[l].lang != l %} {{ t[l].reason_lang }}{% endif %}</span>{% endif %}</li>{% endfor %}</ul>{% else %}<p>{{ t[l].none }}</p>{% endif %}{% endif %}
  <h2>{{ t[l].missions }} ({{ missions|length }})</h2>
  {% if missions %}<ol>{% for m in missions %}<li>{{ m.label[l] }}{{ m.notes[l] }}</li>{% endfor %}</ol>{% else %}<p>{{ t[l].none }}</p>{% endif %}
  {% for section in ('essential', 'optional', 'qualities') %}
  {% if section != 'qualities' or skills[l][section] %}<h2>{{ t[l][section] }} ({{ skills[l][section]|length }})</h2>
  {% if skills[l][section] %}<table><thead><tr><th>{{ t[l].skill }}</th><th>{{ t[l].from }}</th></tr></thead><tbody>
  {% for s in skills[l][section] %}<tr><td>{{ s.label[l] }}</td><td data-th="{{ t[l].from }}">{{ s.origin[l] }}{{ s.notes[l] }}</td></tr>{% endfor %}
  </tbody></table>{% else %}<p>{{ t[l].none }}</p>{% endif %}{% endif %}
  {% endfor %}
  <h2>{{ t[l].tasks }} ({{ tasks|length }})</h2>
  {% if tasks %}<ul>{% for m in tasks %}<li>{{ m.label[l] }} <span class="note">— {{ m.origin[l] }}</span>{{ m.notes[l] }}</li>{% endfor %}</ul>{% else %}<p>{{ t[l].none }}</p>{% endif %}
  <h2>{{ t[l].tools }} ({{ tools|length + technologies_total }})</h2>
  {% if tools or technologies %}<ul>{% for m in tools + technologies %}<li>{{ m.label[l] }}{% if m.origin[l] %} <span class="note">— {{ m.origin[l] }}</span>{% endif %}{{ m.notes[l] }}</li>{% endfor %}</ul>{% else %}<p>{{ t[l].none }}</p>{% endif %}
  <h2>{{ t[l].trainings }}</h2>
  {% if trainings or preparation %}<table><thead><tr><th>{{ t[l].what }}</th><th>{{ t[l].says }}</th></tr></thead><tbody>
  {% for r in trainings %}<tr><td>{{ r.label[l] }}</td><td data-th="{{ t[l].says }}">{% if r.steps %}{{ t[l].steps }}{{ t[l].colon }} {{ r.steps[l]|join(' → ') }}{% endif %}{% if r.level %}{% if r.steps %} ; {% endif %}{{ t[l].level }}{{ t[l].colon }} {{ r.level[l] }}{% endif %}{{ r.notes[l] }}</td></tr>{% endfor %}
  {% for p in preparation %}<tr><td>{{ t[l]['kind_' + p.kind] }}</td><td data-th="{{ t[l].says }}"><span lang="{{ p.lang }}">{{ p.text }}</span> <span class="note">— {{ p.origin[l] }}</span>{{ p.notes[l] }}</td></tr>{% endfor %}
  </tbody></table>{% else %}<p class="unknown">{{ t[l].unknown }}</p>{% endif %}
  <h2>{{ t[l].salaries }} ({{ salaries|length }})</h2>
  {% if salaries %}<p>{{ t[l].salary_intro }}</p>
  {{ chart[l] }}
  <table><thead><tr><th>#</th><th>{{ t[l].stated }}</th><th>{{ t[l].annual }}</th><th>{{ t[l].seniority }}</th><th>{{ t[l].place }}</th><th>{{ t[l].source }}</th></tr></thead><tbody>
  {% for s in salaries %}<tr><td>{{ s.number }}</td><td data-th="{{ t[l].stated }}">{{ s.stated[l] }}</td><td data-th="{{ t[l].annual }}">{{ s.annual[l] }}</td><td data-th="{{ t[l].seniority }}">{{ s.seniority[l] }}</td><td data-th="{{ t[l].place }}">{{ s.place[l] }}</td><td data-th="{{ t[l].source }}">{{ s.source[l] }}{{ s.notes[l] }}</td></tr>{% endfor %}
  </tbody></table>
  {% if assumptions[l] %}<p><strong>{{ t[l].assumptions }}</strong></p><ul>{% for a in assumptions[l] %}<li>{{ a }}</li>{% endfor %}</ul>{% endif %}
  {% else %}<p class="unknown">{{ no_salary[l] }}</p>{% endif %}
  {% for direction in ('onward', 'into') %}
  <h2>{{ t[l][direction] }} ({{ moves[direction]|length }})</h2>
  {% if moves[direction] %}<table><thead><tr><th>{{ t[l].job }}</th><th>{{ t[l].gap }}</th><th>{{ t[l].from }}</th></tr></thead><tbody>
  {% for m in moves[direction] %}<tr><td>{% if m.page %}<a data-keep-lang href="{{ m.page }}">{{ m.label[l] }}</a>{% else %}{{ m.label[l] }}{% endif %}</td><td data-th="{{ t[l].gap }}">{{ m.gap[l] }}</td><td data-th="{{ t[l].from }}">{{ m.origin[l] }}{{ m.notes[l] }}</td></tr>{% endfor %}
  </tbody></table>{% else %}<p>{{ t[l].none }}</p>{% endif %}
  {% endfor %}
  <h2>{{ t[l].sources }}</h2>
  <ol class="sources">{% for n in notes %}<li id="n{{ loop.index }}-{{ l }}">{{ n[l] }}</li>{% endfor %}</ol>
</div>{% endfor %}
</main>
<script>{{ lang_script }}</script>
</body>
</html>
"""


class _Notes:
    """Numbered source notes: the same source line gets the same number everywhere on the page.

    A framework's record names its relation by a CURIE (``M1889 aic:coreSkill 100541``): the
    note says the relation's label instead, in the note's language. A source is named in the
    note's language too (``titles``, :func:`source_titles`): a fact carries its English title only.
    """

    def __init__(self, titles: dict[str, dict] | None = None):
        self.lines: list[dict] = []
        self._index: dict[tuple, int] = {}
        self.titles = dict(titles or {})

    def title(self, fact, lang: str) -> str:
        return self.titles.get(fact.source, {}).get(lang) or fact.source_label

    def refs(self, facts) -> dict:
        numbers = []
        for fact in facts:
            if fact.quote:
                line = {l: f"{self.title(fact, l)}{TEXT[l]['colon']} « {fact.quote} »" for l in ("fr", "en")}
            elif fact.record:
                line = {l: f"{self.title(fact, l)}{TEXT[l]['colon']} " + _CURIE.sub(
                    lambda m: "— " + (fact.predicate_label_fr if l == "fr" else fact.predicate_label_en) + " —", fact.record)
                        for l in ("fr", "en")}  # fmt: skip
            else:
                continue
            key = (line["fr"], line["en"])
            if key not in self._index:
                self.lines.append(line)
                self._index[key] = len(self.lines)
            numbers.append(self._index[key])
        numbers = sorted(set(numbers))
        return {l: Markup("".join(f' <sup><a href="#n{n}-{l}" aria-label="source {n}">[{n}]</a></sup>' for n in numbers))
                for l in ("fr", "en")}


class _Refs(dict):
    """The notes of one line, shown in the language block being rendered (``{{ x.notes[l] }}``)."""


def _both(ref_) -> dict:
    return {"fr": ref_.label_fr or ref_.label_en, "en": ref_.label_en or ref_.label_fr}


def _match(m: str) -> dict:
    """How a role maps to an occupation, in words: ``correspondance large``, ``broad match``."""
    return {"fr": f"correspondance {MATCH_WORDS['fr'].get(m, m)}", "en": f"{m} match"}


def _via(g, framework: str, via, match: str, word: str = "") -> dict:
    """``ROME via <sheet> (close match), core`` in both languages (nothing but the framework when
    the job is that occupation itself)."""
    out = {}
    for l in ("fr", "en"):
        text = framework if via is None else f"{framework} {TEXT[l]['via']} {_both(via)[l]} ({_match(match)[l]})"
        if word:
            text += ", " + STRENGTH_WORDS[l].get(word, word)
        out[l] = text
    return out


def job_page_name(g: nx.MultiDiGraph, iri: str) -> str:
    """``<id>.html``: a role's last IRI segment; a framework occupation's framework and code
    (ESCO's codes are UUIDs, so its English label stands in).

    >>> from aicareers.analytics._examples import example_graph
    >>> job_page_name(example_graph(), "https://example.org/esco-occupation/publishing-director")
    'esco-publishing-director.html'
    """
    data = g.nodes[iri]
    kind = data.get("type", "")
    last = iri.rstrip("/").rsplit("/", 1)[-1]
    if kind == "esco-occupation":
        stem = "esco-" + (data.get("label_en") or last).lower()
    elif kind in OCCUPATION_TYPES:
        stem = OCCUPATION_TYPES[kind].replace("*", "").lower() + "-" + (data.get("notation") or last)
    else:
        stem = last
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-") or "job"
    return f"{slug}.html"


def job_pages(g: nx.MultiDiGraph) -> dict[str, str]:
    """``{job IRI: "jobs/<id>.html"}``: the roles in the projection's order, then the framework
    occupations (ESCO, ROME, O*NET, by label); clashing names get ``-2``, ``-3``..."""
    roles = [n for n, d in g.nodes(data=True) if d.get("type") == "role"]
    occs = sorted((n for n, d in g.nodes(data=True) if d.get("type") in OCCUPATION_TYPES),
                  key=lambda n: (FRAMEWORK_ORDER[g.nodes[n]["type"]], ref(g, n).label_en.casefold(), n))
    pages, used = {}, set()
    for node in roles + occs:
        name = job_page_name(g, node)
        stem, n = name[: -len(".html")], 2
        while name in used:
            name, n = f"{stem}-{n}.html", n + 1
        used.add(name)
        pages[node] = f"{FOLDER}/{name}"
    return pages


def _local(pages: dict[str, str], key: str) -> str | None:
    """The link from one job page to another's (same folder)."""
    page = pages.get(key)
    return page.split("/", 1)[1] if page else None


def mapping_reasons(g: nx.MultiDiGraph) -> dict[tuple[str, str], dict]:
    """The project's reason for each role -> occupation mapping, per page language:
    ``{"fr": {"text", "lang"}, "en": ...}`` (``reason_fr``, else the English one, said to be English).

    >>> from aicareers.analytics._examples import example_graph
    >>> reasons = mapping_reasons(example_graph())
    >>> sorted({r["fr"]["lang"] for r in reasons.values()}) in ([], ["en"], ["en", "fr"], ["fr"])
    True
    """
    reasons = {}
    for u, v, d in g.edges(data=True):
        if d.get("reason_en"):
            fr = d.get("reason_fr", "")
            reasons[(u, v)] = {"en": {"text": d["reason_en"], "lang": "en"},
                               "fr": {"text": fr or d["reason_en"], "lang": "fr" if fr else "en"}}
    return reasons


def move_pairs(g: nx.MultiDiGraph, profiles: dict) -> list[tuple[str, str]]:
    """Every move the job pages show, ``(from, to)``: the articles' evolutions between roles and the
    frameworks' moves from or to the job's occupations (for :func:`aicareers.analytics.gap.gap_sizes`);
    ``profiles``: ``{job: its role_profile}``."""
    return sorted({pair for job, profile in profiles.items() for _, pair in _moves(g, job, profile)})


def _moves(g, job, profile):
    """``(direction, (from, to))`` of every move of ``job``'s page, with the move's key facts."""
    out = []
    for _, other, k in g.out_edges(job, keys=True):
        if k == "aic:canEvolveTo":
            out.append(("onward", (job, other)))
    for other, _, k in g.in_edges(job, keys=True):
        if k == "aic:canEvolveTo":
            out.append(("into", (other, job)))
    for m in profile.moves:
        out.append((m.direction, (job, m.other.key) if m.direction == "onward" else (m.other.key, job)))
    return out


def source_titles(g: nx.MultiDiGraph) -> dict[str, dict]:
    """``{source IRI: {"fr": title, "en": title}}``, from the sources of the graph's nodes and edges
    (the French title when the source has one, else the English one).

    >>> from aicareers.analytics._examples import example_graph
    >>> all(set(t) == {"fr", "en"} and t["en"] for t in source_titles(example_graph()).values())
    True
    """
    titles: dict[str, dict] = {}
    for data in [d for _, d in g.nodes(data=True)] + [d for *_, d in g.edges(data=True)]:
        for s in data.get("sources", []):
            if s.get("source") and s.get("source_label") and s["source"] not in titles:
                titles[s["source"]] = {"en": s["source_label"], "fr": s.get("source_label_fr") or s["source_label"]}
    return titles


def job_context(g: nx.MultiDiGraph, job: str, pages: dict[str, str], *, claims=None, reasons=None, sizes=None,
                profile=None, titles: dict[str, dict] | None = None) -> dict:
    """What the template shows of ``job`` (a role or a framework occupation), every source a numbered
    note (``titles``: :func:`source_titles`, computed here when not given)."""
    notes = _Notes(source_titles(g) if titles is None else titles)
    profile = profile or role_profile(g, job)
    data = g.nodes[job]
    kind = data.get("type", "")
    me = ref(g, job)
    reasons = mapping_reasons(g) if reasons is None else reasons
    sizes = sizes if sizes is not None else gap_sizes(g, [p for _, p in _moves(g, job, profile)])
    is_role = kind == "role"
    framework = OCCUPATION_TYPES.get(kind, "")

    def origin_of(o) -> dict:
        if o.kind == "article":
            return {l: TEXT[l]["articles"] for l in ("fr", "en")}
        word = FRAMEWORK_SKILL_EDGES.get(o.relation, ("", ""))[1]
        return _via(g, o.kind, None if o.via == job else ref(g, o.via), o.match, word)

    def skill_row(s):
        origins = [origin_of(o) for o in s.origins if o.kind != "claim"]
        return {"label": _both(s.skill), "notes": notes.refs(s.facts), "strength": STRENGTH_ORDER.get(s.strength, 9),
                "origin": {l: "; ".join(dict.fromkeys(o[l] for o in origins)) for l in ("fr", "en")},
                "quality": s.skill_type == "human-quality"}

    def item_row(i, word=""):
        via = None if i.via.key == job else i.via
        return {"label": _both(i.item), "origin": _via(g, i.framework, via, i.match, word or i.note), "notes": notes.refs(i.facts)}

    definition_notes = notes.refs(node_facts(g, job))
    occupations = [{"framework": OCCUPATION_TYPES.get(o.type, ""), "label": _both(o), "match": _match(m),
                    "page": _local(pages, o.key), "reason": reasons.get((job, o.key))}
                   for o, m in profile.occupations if o.key != job]
    mapped_roles = None
    if not is_role:
        mapped_roles = sorted(({"label": _both(ref(g, u)), "match": _match(MATCHES[k]), "page": _local(pages, u),
                                "reason": reasons.get((u, job))}
                               for u, _, k in g.in_edges(job, keys=True)
                               if k in MATCHES and g.nodes[u].get("type") == "role"), key=lambda r: r["label"]["en"])
    # In page order, so that notes are numbered as a reader meets them.
    missions = [{"label": _both(i.item), "notes": notes.refs(i.facts)} for i in profile.missions]
    rows = [skill_row(s) for s in profile.essential] + [skill_row(s) for s in profile.optional]
    split = {"qualities": [r for r in rows if r["quality"]],
             "essential": [r for r in rows if not r["quality"] and r["strength"] <= 1],
             "optional": [r for r in rows if not r["quality"] and r["strength"] > 1]}
    tasks = [item_row(i) for i in profile.tasks]
    tools = [{"label": _both(ref(g, v)), "origin": {"fr": "", "en": ""}, "notes": notes.refs(edge_facts(g, job, v, k))}
             for _, v, k in sorted(g.out_edges(job, keys=True), key=lambda e: ref(g, e[1]).label_en.casefold())
             if k == "aic:usesTool"]
    technologies = [item_row(i) for i in profile.technologies[:TECHNOLOGIES_SHOWN]]
    trainings = []
    for _, route, k in sorted(g.out_edges(job, keys=True), key=lambda e: ref(g, e[1]).label_en.casefold()):
        if k != "aic:learningRoute":
            continue
        steps = sorted(((d.get("order", 0), v) for _, v, sk, d in g.out_edges(route, keys=True, data=True)
                        if d.get("predicate") == "aic:hasStep"))
        levels = [v for _, v, sk in g.out_edges(route, keys=True) if sk == "aic:educationLevel"]
        trainings.append({"label": _both(ref(g, route)),
                          "steps": {l: [_both(ref(g, v))[l] for _, v in steps] for l in ("fr", "en")} if steps else None,
                          "level": _both(ref(g, levels[0])) if levels else None,
                          "notes": notes.refs(edge_facts(g, job, route, k))})
    preparation = [{"kind": p.kind, "text": p.text, "lang": "fr" if p.kind == "access conditions" else "en",
                    "origin": _via(g, p.framework, None if p.via.key == job else p.via, p.match),
                    "notes": notes.refs(p.facts)} for p in profile.preparation]
    salaries, chart, assumptions = _salaries(g, job, claims, notes)
    moves = {"onward": [], "into": []}
    profile_moves = {(m.direction, m.other.key): m for m in profile.moves}
    for direction, (a, b) in _moves(g, job, profile):
        other = b if direction == "onward" else a
        m = profile_moves.get((direction, other))
        if m is None:  # an evolution the articles give between two roles
            facts, origin = edge_facts(g, a, b, "aic:canEvolveTo"), {l: TEXT[l]["articles"] for l in ("fr", "en")}
        else:
            facts = m.facts
            origin = {l: m.framework + ("" if m.via.key == job else f" {TEXT[l]['via']} {_both(m.via)[l]}") for l in ("fr", "en")}
        size = sizes.get((a, b))
        target = _both(ref(g, b))
        gap = ({l: TEXT[l]["gap_unknown"].format(job=target[l]) for l in ("fr", "en")} if size is None
               else {l: TEXT[l]["to_acquire"].format(n=size) for l in ("fr", "en")})
        moves[direction].append({"label": _both(ref(g, other)), "page": _local(pages, other), "gap": gap,
                                 "origin": origin, "notes": notes.refs(facts), "size": size})
    alt = list(dict.fromkeys([*data.get("alt_labels_fr", []), *data.get("alt_labels_en", [])]))
    definition = {}
    for l, other in (("fr", "en"), ("en", "fr")):
        own = data.get(f"definition_{l}", "")
        definition[l] = {"text": own or data.get(f"definition_{other}", ""), "lang": l if own else other}
    code = data.get("notation", "")
    return {
        "label": _both(me),
        "kind": ({l: TEXT[l]["role"] for l in ("fr", "en")} if is_role else
                 {l: TEXT[l]["occupation"].format(fw=framework) + (f" ({TEXT[l]['code']} {code})" if code else "") for l in ("fr", "en")}),
        "alt": alt,
        "definition": definition,
        "definition_notes": definition_notes,
        "occupations": occupations,
        "mapped_roles": mapped_roles,
        "missions": missions,
        # each language's list in the order of its own labels, within each strength
        "skills": {l: {section: sorted(found, key=lambda r: (r["strength"], r["label"][l].casefold()))
                       for section, found in split.items()} for l in ("fr", "en")},
        "tasks": tasks,
        "tools": tools,
        "technologies": technologies,
        "technologies_total": len(profile.technologies),
        "trainings": trainings,
        "preparation": preparation,
        "salaries": salaries,
        "chart": chart,
        "assumptions": assumptions,
        "no_salary": {l: TEXT[l]["no_salary"].format(job=_both(me)[l]) for l in ("fr", "en")},
        "moves": moves,
        "notes": notes.lines,
    }


def _salaries(g, job, claims, notes):
    """The job's salary claims as table rows, the chart per language, the assumptions per language."""
    if claims is None:  # no dataset given: the projection's salary nodes, as stated (their labels)
        rows = []
        for i, (_, v, k) in enumerate(sorted(e for e in g.out_edges(job, keys=True) if e[2] == "schema:estimatedSalary"), 1):
            facts = edge_facts(g, job, v, k)
            # the source column, in each language as the claims' rows have it (it was left empty,
            # and the row's note named the source in English on the French page)
            source = {l: "; ".join(dict.fromkeys(notes.title(f, l) for f in facts)) for l in ("fr", "en")}
            rows.append({"number": str(i), "stated": _both(ref(g, v)), "annual": {l: TEXT[l]["not_computed"] for l in ("fr", "en")},
                         "seniority": {"fr": "", "en": ""}, "place": {"fr": "", "en": ""}, "source": source,
                         "notes": notes.refs(facts)})
        return rows, {"fr": "", "en": ""}, {"fr": [], "en": []}
    from ..analytics.explain import Fact

    mine = [c for c in claims if c.role == job]
    rows, pays, assumptions = [], [], {"fr": [], "en": []}
    for i, c in enumerate(mine, 1):
        pay = c.annual_gross()
        pays.append((str(i), pay))
        fact = Fact(ref(g, job), "schema:estimatedSalary", ref(g, job), source=c.source, source_label=c.source_label["en"], quote=c.quote)
        notes.titles.setdefault(c.source, {l: c.source_label.get(l) or c.source_label["en"] for l in ("fr", "en")})
        known = pay.low is not None or pay.high is not None

        def said(labels, l):
            return labels.get(l) or labels.get("en") or TEXT[l]["not_stated"]

        rows.append({
            "number": str(i),
            "stated": {l: stated_text(c.stated, l) for l in ("fr", "en")},
            "annual": {l: normalised_text(pay, l) if known else TEXT[l]["no_rule"] for l in ("fr", "en")},
            "seniority": {l: said(c.seniority_label, l) for l in ("fr", "en")},
            "place": {l: said(c.place_label, l) + (f" ({TEXT[l]['assumed']})" if c.place_assumed else "") for l in ("fr", "en")},
            "source": {l: c.source_label.get(l) or c.source_label["en"] for l in ("fr", "en")},
            "notes": notes.refs([fact]),
        })
        for l in ("fr", "en"):
            for line in [*pay.said(l), *([c.place_assumption(l)] if c.place_assumed else [])]:
                if line not in assumptions[l]:
                    assumptions[l].append(line)
    chart = {l: salary_svg(pays, l, TEXT[l]["chart"]) for l in ("fr", "en")}
    return rows, chart, assumptions


def graph_link(g: nx.MultiDiGraph, job: str, graph_page: str, lang: str) -> str:
    """The graph view of ``job``, centred on it: ``../<graph page>?focus=<IRI>&lang=<lang>``.

    >>> graph_link(None, "https://w3id.org/ai-careers/id/role/ai-architect", "role-ai-architect.html", "fr")
    '../role-ai-architect.html?focus=https%3A%2F%2Fw3id.org%2Fai-careers%2Fid%2Frole%2Fai-architect&lang=fr'
    """
    return f"../{graph_page}?focus={url_quote(job, safe='')}&lang={lang}"


def _template():
    global _TEMPLATE
    if _TEMPLATE is None:  # compiled once: compiling is most of a page's rendering time
        _TEMPLATE = Environment(autoescape=True, keep_trailing_newline=True).from_string(TEMPLATE)
    return _TEMPLATE


_TEMPLATE = None


def render_job(g: nx.MultiDiGraph, job: str, pages: dict[str, str], *, lang: str = "fr", graph_page: str = "index.html",
               claims=None, reasons: dict | None = None, sizes: dict | None = None, profile=None,
               titles: dict | None = None) -> str:
    """The page of ``job`` (``pages``: job IRI -> its page, for links; ``claims``: the salary claims,
    :func:`aicareers.salary_claims.read_claims`; ``sizes``: :func:`aicareers.analytics.gap.gap_sizes`
    of the page's moves, computed here when not given)."""
    context = job_context(g, job, pages, claims=claims, reasons=reasons, sizes=sizes, profile=profile, titles=titles)
    html = _template().render(lang=lang, t=TEXT, graph_link=graph_link(g, job, graph_page, lang),
                                style=Markup(STYLE), lang_style=Markup(language.STYLE), lang_script=Markup(language.SCRIPT),
                                lang_switch=language.switch_html(lang), **context)
    return re.sub(r"\n\s*\n", "\n", html)


def render_jobs(g: nx.MultiDiGraph, graph_pages: dict[str, str], *, lang: str = "fr", claims=None) -> dict[str, str]:
    """Every job page, ``{"jobs/<id>.html": HTML}``; ``graph_pages`` maps roles to their graph
    page (a job without one is shown centred in ``index.html``)."""
    pages = job_pages(g)
    reasons = mapping_reasons(g)
    classes = skill_classes(g)
    profiles = {job: role_profile(g, job, classes) for job in pages}
    sizes = gap_sizes(g, move_pairs(g, profiles))
    titles = source_titles(g)
    return {name: render_job(g, job, pages, lang=lang, graph_page=graph_pages.get(job, "index.html"), claims=claims,
                             reasons=reasons, sizes=sizes, profile=profiles[job], titles=titles) for job, name in pages.items()}


__all__ = ["JOB_TYPES", "job_pages", "render_job", "render_jobs", "graph_link"]
