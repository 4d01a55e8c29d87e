"""A readable profile page per role: ``profile-<id>.html``, the role's whole profile as text.

The graph pages show a role's neighbourhood; a person asking "what does this job need, what does
it do, how do I get in, where does it lead" wants lines, not a graph. This page renders
:func:`aicareers.analytics.profile.role_profile` (the same answer as ``aicareers profile``):
skills essential first, missions and tasks in order, technologies, preparation, moves onward and
into the role, and for every line its sources (the article's quote or the framework's record) in
numbered notes. French and English are both in the page; the FR/EN buttons switch between them
and the choice travels in the address (``?lang=en``) to the other pages. No script or style is
loaded from outside the file.

>>> from aicareers.analytics._examples import example_graph
>>> html = render_profile(example_graph(), "https://example.org/role/translator", {})
>>> "translate language concepts" in html and "http" not in html.split("<body", 1)[1].replace("https://example.org", "")
True
"""

from __future__ import annotations

import re

import networkx as nx
from jinja2 import Environment
from markupsafe import Markup

from ..analytics.profile import STRENGTH_ORDER, RoleProfile, role_profile

#: Words of the page, in both languages.
TEXT = {
    "fr": {
        "frameworks": "Dans les référentiels", "essential": "Compétences essentielles", "optional": "Compétences optionnelles",
        "missions": "Missions (selon les articles)", "tasks": "Tâches (selon les référentiels)",
        "technologies": "Technologies", "preparation": "Accès au métier", "onward": "Évolutions possibles (référentiels)",
        "into": "Métiers qui mènent ici (référentiels)", "sources": "Sources", "graph": "Voir dans le graphe",
        "none": "aucune dans le graphe", "unknown": "inconnu : aucune source ne le dit", "match": "correspondance",
        "through": "via", "skill": "compétence", "from": "d'où", "roles": "rôles du graphe", "order": "ordre",
        "what": "quoi", "says": "selon la source", "mapped": "Correspondances tracées par le projet",
    },
    "en": {
        "frameworks": "In the frameworks", "essential": "Essential skills", "optional": "Optional skills",
        "missions": "Missions (according to the articles)", "tasks": "Tasks (according to the frameworks)",
        "technologies": "Technologies", "preparation": "Getting in", "onward": "Moves onward (frameworks)",
        "into": "Occupations that lead here (frameworks)", "sources": "Sources", "graph": "See it in the graph",
        "none": "none in the graph", "unknown": "unknown: no source says", "match": "match",
        "through": "through", "skill": "skill", "from": "from", "roles": "roles of the graph", "order": "order",
        "what": "what", "says": "says", "mapped": "Mappings drawn by the project",
    },
}  # fmt: skip
MATCH_WORDS = {"fr": {"exact": "exacte", "close": "proche", "broad": "large"}, "en": {}}
TECHNOLOGIES_SHOWN = 25

STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d2530;background:#fff}
header,main{max-width:60rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;justify-content:space-between;padding-top:1rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .4rem;border-bottom:1px solid #d5dbe3}
table{border-collapse:collapse;width:100%}td,th{text-align:left;vertical-align:top;padding:.25rem .4rem;border-bottom:1px solid #eef1f5}
th{font-weight:600;color:#3b4654}.note{color:#4a5563;font-size:.9rem}sup a{text-decoration:none}
.lang button{font:inherit;padding:.3rem .7rem;border:1px solid #7a8794;background:#fff;border-radius:.3rem;cursor:pointer}
.lang button[aria-pressed=true]{background:#1d2530;color:#fff}
[data-lang]{display:none}html[lang=fr] [data-lang=fr],html[lang=en] [data-lang=en]{display:revert}
ol.sources{font-size:.85rem;color:#3b4654;padding-left:1.6rem}ol.sources li{margin:.2rem 0;overflow-wrap:anywhere}
@media (max-width:40rem){td,th{display:block;border:0;padding:.1rem .2rem}tr{display:block;border-bottom:1px solid #d5dbe3;padding:.3rem 0}thead{display:none}}
"""

SCRIPT = """
(function(){
  var q=new URLSearchParams(location.search).get('lang');
  function set(l){document.documentElement.lang=l;
    document.querySelectorAll('.lang button').forEach(function(b){b.setAttribute('aria-pressed',b.value===l)});
    document.querySelectorAll('a[data-keep-lang]').forEach(function(a){a.search='?lang='+l});
    try{history.replaceState(null,'','?lang='+l)}catch(e){}}
  document.querySelectorAll('.lang button').forEach(function(b){b.addEventListener('click',function(){set(b.value)})});
  if(q==='fr'||q==='en'){set(q)}else{set(document.documentElement.lang)}
})();
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ role.label_fr }} / {{ role.label_en }}</title>
<style>{{ style }}</style>
</head>
<body>
<header>
  <div>
    <h1><span data-lang="fr">{{ role.label_fr }}</span><span data-lang="en">{{ role.label_en }}</span></h1>
    <p><a data-keep-lang href="{{ graph_page }}"><span data-lang="fr">{{ t.fr.graph }}</span><span data-lang="en">{{ t.en.graph }}</span></a></p>
  </div>
  <div class="lang" role="group" aria-label="Langue / Language">
    <button type="button" value="fr" lang="fr" aria-pressed="{{ 'true' if lang == 'fr' else 'false' }}">FR</button>
    <button type="button" value="en" lang="en" aria-pressed="{{ 'true' if lang == 'en' else 'false' }}">EN</button>
  </div>
</header>
<main>
{% for l in ('fr', 'en') %}<div data-lang="{{ l }}" lang="{{ l }}">
  {% if definition[l] %}<p>{{ definition[l] }}</p>{% endif %}
  <h2>{{ t[l].frameworks }}</h2>
  {% if occupations %}<ul>{% for o in occupations %}<li>{{ o.framework }} : {{ o.label[l] }} ({{ t[l].match }} {{ o.match[l] }}){% if o.reason %} <span class="note">— {{ o.reason }}</span>{% endif %}</li>{% endfor %}</ul>
  {% else %}<p>{{ t[l].unknown }}</p>{% endif %}
  {% for section in ('essential', 'optional') %}
  <h2>{{ t[l][section] }} ({{ skills[l][section]|length }})</h2>
  {% if skills[l][section] %}<table><thead><tr><th>{{ t[l].skill }}</th><th>{{ t[l].from }}</th></tr></thead><tbody>
  {% for s in skills[l][section] %}<tr><td>{{ s.label[l] }}</td><td>{{ s.origin }}{{ s.notes }}</td></tr>{% endfor %}
  </tbody></table>{% else %}<p>{{ t[l].none }}</p>{% endif %}
  {% endfor %}
  <h2>{{ t[l].missions }} ({{ missions|length }})</h2>
  {% if missions %}<ol>{% for m in missions %}<li>{{ m.label[l] }}{{ m.notes }}</li>{% endfor %}</ol>{% else %}<p>{{ t[l].none }}</p>{% endif %}
  <h2>{{ t[l].tasks }} ({{ tasks|length }})</h2>
  {% if tasks %}<ul>{% for m in tasks %}<li>{{ m.label[l] }} <span class="note">— {{ m.origin }}</span>{{ m.notes }}</li>{% endfor %}</ul>{% else %}<p>{{ t[l].none }}</p>{% endif %}
  <h2>{{ t[l].technologies }} ({{ technologies_total }})</h2>
  {% if technologies %}<ul>{% for m in technologies %}<li>{{ m.label[l] }} <span class="note">— {{ m.origin }}</span>{{ m.notes }}</li>{% endfor %}</ul>{% else %}<p>{{ t[l].none }}</p>{% endif %}
  <h2>{{ t[l].preparation }}</h2>
  {% if preparation %}<table><thead><tr><th>{{ t[l].what }}</th><th>{{ t[l].says }}</th></tr></thead><tbody>
  {% for p in preparation %}<tr><td>{{ p.kind }}</td><td>{{ p.text }} <span class="note">— {{ p.origin }}</span>{{ p.notes }}</td></tr>{% endfor %}
  </tbody></table>{% else %}<p>{{ t[l].unknown }}</p>{% endif %}
  {% for direction in ('onward', 'into') %}
  <h2>{{ t[l][direction] }} ({{ moves[direction]|length }})</h2>
  {% if moves[direction] %}<table><thead><tr><th>{{ t[l].through }}</th><th></th><th>{{ t[l].roles }}</th><th>{{ t[l].order }}</th></tr></thead><tbody>
  {% for m in moves[direction] %}<tr><td>{{ m.via[l] }}</td><td>{{ m.other[l] }}{{ m.notes }}</td><td>{% for r in m.roles %}{% if r.page %}<a data-keep-lang href="{{ r.page }}">{{ r.label[l] }}</a>{% else %}{{ r.label[l] }}{% endif %}{% if not loop.last %}, {% endif %}{% endfor %}</td><td>{{ m.order }}</td></tr>{% endfor %}
  </tbody></table>{% else %}<p>{{ t[l].none }}</p>{% endif %}
  {% endfor %}
</div>{% endfor %}
  <h2><span data-lang="fr">{{ t.fr.sources }}</span><span data-lang="en">{{ t.en.sources }}</span></h2>
  <ol class="sources">{% for n in notes %}<li id="n{{ loop.index }}">{{ n }}</li>{% endfor %}</ol>
</main>
<script>{{ script }}</script>
</body>
</html>
"""


class _Notes:
    """Numbered source notes: the same source line gets the same number everywhere on the page."""

    def __init__(self):
        self.lines: list[str] = []
        self._index: dict[str, int] = {}

    def refs(self, facts) -> Markup:
        numbers = []
        for fact in facts:
            if fact.quote:
                line = f"{fact.source_label}: « {fact.quote} »"
            elif fact.record:
                line = f"{fact.source_label}: {fact.record}"
            else:
                continue
            if line not in self._index:
                self.lines.append(line)
                self._index[line] = len(self.lines)
            numbers.append(self._index[line])
        numbers = sorted(set(numbers))
        return Markup("".join(f' <sup><a href="#n{n}">[{n}]</a></sup>' for n in numbers))


def _both(ref_) -> dict:
    return {"fr": ref_.label_fr or ref_.label_en, "en": ref_.label_en or ref_.label_fr}


def profile_context(g: nx.MultiDiGraph, profile: RoleProfile, pages: dict[str, str], reasons: dict) -> dict:
    """What the template shows, every source turned into a numbered note."""
    notes = _Notes()
    data = g.nodes[profile.role.key]

    def skill_row(s):
        return {"label": _both(s.skill), "origin": "; ".join(s.describe_origins()), "notes": notes.refs(s.facts),
                "strength": STRENGTH_ORDER.get(s.strength, 9)}

    def item_row(i):
        return {"label": _both(i.item), "origin": i.describe(), "notes": notes.refs(i.facts)}

    occupations = [{"framework": {"esco-occupation": "ESCO", "rome-occupation": "ROME", "onet-occupation": "O*NET"}.get(o.type, ""),
                    "label": _both(o), "match": {"fr": MATCH_WORDS["fr"].get(m, m), "en": m},
                    "reason": reasons.get((profile.role.key, o.key), "")} for o, m in profile.occupations]
    # In page order, so that notes are numbered as a reader meets them.
    skills = {section: [skill_row(s) for s in found] for section, found in
              (("essential", profile.essential), ("optional", profile.optional))}
    missions = [item_row(i) for i in profile.missions]
    tasks = [item_row(i) for i in profile.tasks]
    technologies = [item_row(i) for i in profile.technologies[:TECHNOLOGIES_SHOWN]]
    preparation = [{"kind": p.kind, "text": p.text, "origin": f"{p.framework} via {p.via.label_en} ({p.match} match)",
                    "notes": notes.refs(p.facts)} for p in profile.preparation]
    moves = {}
    for direction, found in (("onward", profile.onward()), ("into", profile.into())):
        moves[direction] = [{"via": _both(m.via), "other": _both(m.other), "notes": notes.refs(m.facts),
                             "roles": [{"label": _both(r), "page": pages.get(r.key)} for r in m.roles],
                             "order": m.tier or (m.position if m.position is not None else "")} for m in found]
    return {
        "role": profile.role,
        "definition": {"fr": data.get("definition_fr", ""), "en": data.get("definition_en", "")},
        "occupations": occupations,
        # each language's list in the order of its own labels, within each strength
        "skills": {l: {section: sorted(rows, key=lambda r: (r["strength"], r["label"][l].casefold()))
                       for section, rows in skills.items()} for l in ("fr", "en")},
        "missions": missions,
        "tasks": tasks,
        "technologies": technologies,
        "technologies_total": len(profile.technologies),
        "preparation": preparation,
        "moves": moves,
        "notes": notes.lines,
    }


def mapping_reasons(g: nx.MultiDiGraph) -> dict[tuple[str, str], str]:
    """The project's reason for each role -> occupation mapping (projection edges' ``reason_en``)."""
    return {(u, v): d["reason_en"] for u, v, d in g.edges(data=True) if d.get("reason_en")}


def render_profile(g: nx.MultiDiGraph, role: str, pages: dict[str, str], *, lang: str = "fr",
                   graph_page: str = "index.html", reasons: dict | None = None) -> str:
    """The profile page of ``role`` (``pages``: role IRI -> its profile page, for links)."""
    context = profile_context(g, role_profile(g, role), pages, reasons if reasons is not None else mapping_reasons(g))
    env = Environment(autoescape=True, keep_trailing_newline=True)
    html = env.from_string(TEMPLATE).render(lang=lang, t=TEXT, graph_page=graph_page, style=Markup(STYLE),
                                            script=Markup(SCRIPT), **context)
    return re.sub(r"\n\s*\n", "\n", html)


def profile_page_name(iri: str) -> str:
    """``profile-<last segment of the IRI>.html``.

    >>> profile_page_name("https://w3id.org/ai-careers/id/role/ai-architect")
    'profile-ai-architect.html'
    """
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", iri.rstrip("/").rsplit("/", 1)[-1]).strip("-") or "role"
    return f"profile-{slug}.html"
