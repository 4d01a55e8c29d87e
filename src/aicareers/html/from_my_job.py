"""``from-my-job.html``: type your job, see the AI roles you can reach, how, and what to learn.

The answers are :func:`aicareers.analytics.from_job_cli.answer`'s (the same as ``aicareers from``),
computed at build time for every job title (:func:`aicareers.analytics.from_job.every_job`) and
shipped in the page as compact JSON (:func:`page_data`): every label once in a shared table, the
answers as indices into it, each gap once, a role's skills once (a gap is its target's skills,
essential first, of which it lists those carried over: the rest are to acquire). The page's
script only looks names up and renders; no server, no network, works from ``file://``.

Suggestions ignore accents and case, match at the start of words (``UX`` finds "UX designer",
not "deux") and forgive small typos (each distinct word of the titles is scored once per query
word, then the titles holding the matches are ranked: the whole frameworks' 125,000 titles
answer as fast as the default build's); arrow keys and Enter pick one. French and English: the FR/EN
buttons switch (:mod:`aicareers.html.language`), and the choice travels in the address
(``?lang=en``) as on the other pages.

>>> from aicareers.analytics._examples import example_graph
>>> data = page_data(example_graph())
>>> [data["L"][i][1] for i in data["J"][data["N"][[n for n, _ in data["N"]].index("Traducteur")][1]][0]]
['Translator']
"""

from __future__ import annotations

import json

import networkx as nx
from markupsafe import Markup, escape

from ..analytics.explain import Fact, ref
from ..analytics.from_job import EVOLVES, every_job, reachable_roles
from ..analytics.from_job_cli import source_text, training_sources
from ..analytics.profile import sort_skills
from . import language

PAGE_NAME = "from-my-job.html"
#: Codes of the page's data: the kinds of links of a route, the strengths of a skill.
HOP_CODES = {"mapping": 0, "mobility": 1, "evolution": 2}
STRENGTH_CODES = {"stated": 0, "essential": 1, "optional": 2, "": 3}
#: Gap flags: no source gives a skill of the target; none gives a skill the start holds.
REQUIRED_UNKNOWN, HELD_UNKNOWN = 1, 2


class _Tables:
    """The shared tables: bilingual labels ``L`` and texts ``S``, each entry once, by first use."""

    def __init__(self):
        self.L: list[list[str]] = []
        self.S: list[str] = []
        self._l: dict[tuple[str, str], int] = {}
        self._s: dict[str, int] = {}

    def label(self, fr: str, en: str) -> int:
        key = (fr or en, en or fr)
        if key not in self._l:
            self._l[key] = len(self.L)
            self.L.append(list(key))
        return self._l[key]

    def ref(self, r) -> int:
        return self.label(r.label_fr, r.label_en)

    def text(self, text: str) -> int:
        if text not in self._s:
            self._s[text] = len(self.S)
            self.S.append(text)
        return self._s[text]

    def sources(self, facts: tuple[Fact, ...]) -> list[int]:
        return [self.text(t) for t in dict.fromkeys(source_text(f) for f in facts)]


def page_data(g: nx.MultiDiGraph, max_moves: int = 2) -> dict:
    """The page's data: every job title and its answer, as indices into shared tables (module docstring).

    ``N``: [title, job]; ``J``: [starts (L), start kinds, reach, 1 when no route is known], a reach being
    [role (L), moves, routes, gap]; a route [start (L), hops...], a hop [kind, target (L), detail
    (S for a mapping's match, L otherwise: a framework's move, an evolution's meaning), sources (S)]; ``G``: [role, start (L), flags,
    carried over: [position in the role's skills, held through (S)]]; ``R``: each role's skills
    [label (L), strength, required through (S), trainings: [route (L), into (L), sources (S)]].
    """
    t = _Tables()
    jobs = every_job(g)
    gaps: dict = {}
    job_index: dict[tuple[str, ...], int] = {}
    J: list = []
    G: list = []
    gap_index: dict[tuple[str, str], int] = {}
    R: dict[str, list] = {}
    role_order: dict[str, list[str]] = {}
    names = []
    for name, job in sorted(jobs.items(), key=lambda item: (item[0].casefold(), item[0])):
        starts = tuple(s.key for s in job.starts)
        if starts not in job_index:
            found = reachable_roles(g, job, max_moves, gaps)
            reach = []
            for r in found.reach:
                pair = (r.routes[0].start.key, r.role.key)
                if pair not in gap_index:
                    gap_index[pair] = len(G)
                    G.append(_gap(g, t, r.gap, R, role_order, gaps["memo"]))
                reach.append([t.ref(r.role), r.moves, [_route(g, t, route) for route in r.routes], gap_index[pair]])
            job_index[starts] = len(J)
            J.append([[t.ref(s) for s in job.starts], [s.type for s in job.starts], reach,
                      1 if found.unknown else 0])
        names.append([name, job_index[starts]])
    roles = {t.ref(ref(g, key)): skills for key, skills in sorted(R.items())}  # keyed as the gaps name them
    return {"L": t.L, "S": t.S, "N": names, "J": J, "G": G, "R": {str(k): v for k, v in sorted(roles.items())}}


def _route(g: nx.MultiDiGraph, t: _Tables, route) -> list:
    hops = []
    for h in route.hops:
        if h.kind == "evolution":  # the article's meaning of the move, in both languages
            data = g.edges[h.source.key, h.target.key, EVOLVES]
            detail = t.label(data.get("meaning_fr", ""), data.get("meaning_en", ""))
        elif h.kind == "mobility":  # the framework's move, in both languages
            detail = t.label(h.detail_fr, h.detail)
        else:
            detail = t.text(h.detail)
        hops.append([HOP_CODES[h.kind], t.ref(h.target), detail, t.sources(h.facts)])
    return [t.ref(route.start), *hops]


def _gap(g, t: _Tables, gap, R: dict, role_order: dict, memo: dict) -> list:
    """A gap as the page keeps it: the target's skills once (in ``R``), the carried-over positions here."""
    role = gap.to_role.key
    if role not in R:
        order = sort_skills(memo[("skills", role)].values())  # the gap's own order: essential first
        role_order[role] = [s.key for s in order]
        R[role] = [[t.label(s.label_fr, s.label_en), STRENGTH_CODES.get(s.strength, 3), t.text("; ".join(s.describe_origins())), None]
                   for s in order]
    order = role_order[role]
    carried = {s.key: s for s in gap.carried_over}
    # the page lists the target's skills less those carried over as to acquire: check it is the gap's list
    if [k for k in order if k not in carried] != [s.key for s in gap.to_acquire] or [k for k in order if k in carried] != list(carried):
        raise AssertionError(f"the gap from {gap.from_role.key} to {role} is not its target's skills split in two")
    for key, covers in gap.trainings.covered.items():
        entry = [[t.ref(c.route), t.ref(c.role), [t.text(training_sources(c))]] for c in covers]
        row = R[role][order.index(key)]
        if row[3] is not None and row[3] != entry:
            raise AssertionError(f"two gaps into {role} give {key} different trainings")
        row[3] = entry
    flags = (REQUIRED_UNKNOWN if gap.required_unknown else 0) | (HELD_UNKNOWN if gap.held_unknown else 0)
    return [t.ref(gap.to_role), t.ref(gap.from_role), flags,
            [[order.index(s.key), t.text("; ".join(s.held.describe_origins()))] for s in gap.carried_over]]


#: Words of the page, in both languages.
TEXT = {
    "fr": {
        "title": "Depuis mon métier", "lead": "Tapez votre métier (français ou anglais) : voici les rôles de l’IA que vous pouvez rejoindre, par quels chemins, ce que vous savez déjà faire et ce qu’il vous reste à apprendre.",
        "label": "Votre métier", "placeholder": "ex. journaliste, data scientist, comptable", "graph": "Le graphe des métiers",
        "none": "Aucun métier ne correspond ; essayez un autre intitulé.",
    },
    "en": {
        "title": "From my job", "lead": "Type your job (French or English): here are the AI roles you can reach, by which routes, what you can already do and what is left to learn.",
        "label": "Your job", "placeholder": "e.g. journalist, data scientist, accountant", "graph": "The careers graph",
        "none": "No job matches; try another title.",
    },
}  # fmt: skip

#: The words the script shows, in both languages (kinds, headings, unknowns).
SCRIPT_TEXT = {
    "fr": {"role": "rôle du graphe", "esco-occupation": "métier ESCO", "rome-occupation": "fiche ROME", "onet-occupation": "métier O*NET",
           "reach": "Rôles de l’IA accessibles", "moves": "mouvements", "move": "mouvement", "route": "Chemin", "sources": "sources",
           "carried": "Compétences qui vous suivent", "acquire": "Compétences à acquérir, essentielles d’abord",
           "trainings": "Formations qui couvrent des compétences à acquérir", "into": "vers", "more": "de plus",
           "unknownRequired": "inconnu : aucune source ne donne de compétence pour ce rôle",
           "unknownHeld": "inconnu : aucune source ne donne de compétence de ce point de départ",
           "noneCarried": "aucune : ce point de départ n’a aucune des compétences du rôle", "noneAcquire": "aucune",
           "noTraining": "aucune formation du graphe ne les couvre (les formations sont liées aux rôles, pas aux compétences)",
           "atMost": "au plus", "noRoute": "inconnu : aucune source ne donne de chemin depuis ce métier vers un rôle du graphe",
           "heldThrough": "acquise via", "from": "depuis", "unknown": "inconnu", "colon": " : ",
           "match": {"exact": "correspondance exacte", "close": "correspondance proche", "broad": "correspondance large", "itself": "lui-même"},
           "hop": ["correspondance", "mobilité du référentiel", "évolution citée par un article"],
           "strength": ["citée par un article", "essentielle", "optionnelle", "non précisée"]},
    "en": {"role": "role of the graph", "esco-occupation": "ESCO occupation", "rome-occupation": "ROME sheet", "onet-occupation": "O*NET occupation",
           "reach": "AI roles reachable", "moves": "moves", "move": "move", "route": "Route", "sources": "sources",
           "carried": "Skills that carry over", "acquire": "Skills to acquire, essential first",
           "trainings": "Trainings that cover skills to acquire", "into": "into", "more": "more",
           "unknownRequired": "unknown: no source gives a skill of this role",
           "unknownHeld": "unknown: no source gives a skill of this starting point",
           "noneCarried": "none: this starting point has none of the role's skills", "noneAcquire": "none",
           "noTraining": "no training in the graph covers them (trainings are linked to roles, not skills)",
           "atMost": "at most", "noRoute": "unknown: no source gives a route from this job to a role of the graph",
           "heldThrough": "held through", "from": "from", "unknown": "unknown", "colon": ": ",
           "match": {"exact": "exact match", "close": "close match", "broad": "broad match", "itself": "itself"},
           "hop": ["mapping", "framework mobility", "evolution stated by an article"],
           "strength": ["stated by an article", "essential", "optional", "not said"]},
}  # fmt: skip

#: Skills listed before "n more" folds the rest.
SHOWN = 10

STYLE = """
*{box-sizing:border-box}
body{font:17px/1.5 system-ui,sans-serif;margin:0;color:#1d2530;background:#fff}
header,main{max-width:62rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;justify-content:space-between;padding-top:1rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin:1.4rem 0 .4rem;border-bottom:1px solid #d5dbe3}
h3{font-size:1.05rem;margin:1rem 0 .3rem}
label{display:block;font-weight:600;margin:.8rem 0 .3rem}
.box{position:relative;max-width:36rem}
#job{width:100%;font:inherit;padding:.5rem .6rem;border:2px solid #5d6b79;border-radius:.3rem}
#job:focus{outline:3px solid #2b6cb0;outline-offset:1px}
#suggestions{list-style:none;margin:0;padding:0;border:1px solid #5d6b79;border-top:0;max-height:18rem;overflow:auto;background:#fff;position:absolute;left:0;right:0;z-index:2}
#suggestions:empty{display:none}
#suggestions li{padding:.45rem .6rem;cursor:pointer;border-bottom:1px solid #eef1f5}
#suggestions li[aria-selected=true]{background:#1d2530;color:#fff}
.note{color:#4a5563;font-size:.92rem}.route{margin:.3rem 0}.hops{margin:.2rem 0 .2rem 1.2rem;padding:0}.hops li{margin:.15rem 0}
.src{color:#4a5563;font-size:.88rem;overflow-wrap:anywhere}
ul.skills{margin:.2rem 0;padding-left:1.3rem}ul.skills li{margin:.1rem 0}
section.reach{border-top:2px solid #d5dbe3;margin-top:1.2rem}
summary{cursor:pointer;min-height:2rem}
#status{min-height:1.5rem}
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Depuis mon métier / From my job</title>
<style>{lang_style}</style>
<style>{style}</style>
</head>
<body>
<header>
  <div>
    <h1><span data-lang="fr">{fr[title]}</span><span data-lang="en">{en[title]}</span></h1>
    <p><a data-keep-lang href="index.html"><span data-lang="fr">{fr[graph]}</span><span data-lang="en">{en[graph]}</span></a></p>
  </div>
  {lang_switch}
</header>
<main>
  <p><span data-lang="fr">{fr[lead]}</span><span data-lang="en">{en[lead]}</span></p>
  <div class="box">
    <label for="job"><span data-lang="fr">{fr[label]}</span><span data-lang="en">{en[label]}</span></label>
    <input id="job" type="text" autocomplete="off" spellcheck="false" role="combobox" aria-autocomplete="list"
      aria-expanded="false" aria-controls="suggestions" placeholder="{placeholder}">
    <ul id="suggestions" role="listbox" aria-label="Suggestions"></ul>
  </div>
  <p id="status" class="note" role="status" aria-live="polite"></p>
  <div id="answer"></div>
</main>
<script type="application/json" id="data">{data}</script>
<script>{lang_script}</script>
<script>var WORDS={words},NO_MATCH={no_match},PLACEHOLDER={placeholders},SHOWN={shown};{script}</script>
</body>
</html>
"""

SCRIPT = r"""
(function(){
var D=JSON.parse(document.getElementById('data').textContent),L=D.L,S=D.S;
var input=document.getElementById('job'),list=document.getElementById('suggestions'),answer=document.getElementById('answer'),status=document.getElementById('status');
var lang=aicLang.get(),current=-1,shown=[],picked=null;
function norm(s){return s.normalize('NFD').replace(/[\u0300-\u036f]/g,'').toLowerCase().replace(/[^a-z0-9]+/g,' ').trim()}
var names=D.N.map(function(n){var k=norm(n[0]);return {name:n[0],job:n[1],key:k,words:k.split(' ')}});
function lev(a,b){var m=a.length,n=b.length,d=[],i,j;for(i=0;i<=m;i++){d[i]=[i]}for(j=0;j<=n;j++){d[0][j]=j}
  for(i=1;i<=m;i++)for(j=1;j<=n;j++){d[i][j]=Math.min(d[i-1][j]+1,d[i][j-1]+1,d[i-1][j-1]+(a[i-1]===b[j-1]?0:1))}return d[m][n]}
// a word typed matches a word of a name at its start (word boundary), or with a small typo
function wordScore(w,v){if(v.indexOf(w)===0)return 0;if(w.length<4)return -1;
  var allowed=w.length>=8?2:1,best=lev(w,v.slice(0,w.length));
  if(v.length>w.length)best=Math.min(best,lev(w,v.slice(0,w.length+1)),lev(w,v.slice(0,w.length-1)));
  return best<=allowed?best:-1}
// every distinct word once, with the names that hold it: a query word is scored against the
// words (28,000 on the whole frameworks), not against the words of every name (125,000 names)
var holders=new Map();names.forEach(function(n,i){n.words.forEach(function(w){var h=holders.get(w);
  if(!h){h=[];holders.set(w,h)}if(h[h.length-1]!==i)h.push(i)})});
function search(q){var k=norm(q);if(!k)return [];var ws=k.split(' '),found=[];
  var costs=ws.map(function(w){var m=new Map();holders.forEach(function(h,v){var c=wordScore(w,v);if(c>=0)m.set(v,c)});return m});
  var seen=new Set();costs[0].forEach(function(c,v){holders.get(v).forEach(function(i){seen.add(i)})});
  Array.from(seen).sort(function(a,b){return a-b}).forEach(function(i){var n=names[i],cost=0;
    for(var q=0;q<ws.length;q++){var best=-1;
      for(var j=0;j<n.words.length;j++){var c=costs[q].get(n.words[j]);if(c!==undefined&&(best<0||c<best))best=c}
      if(best<0)return;cost+=best}
    found.push([n.key===k?0:1,cost,n.key.indexOf(k)===0?0:1,n.name.length,n.name,n])});
  found.sort(function(a,b){for(var i=0;i<4;i++){if(a[i]!==b[i])return a[i]-b[i]}return a[4]<b[4]?-1:a[4]>b[4]?1:0});
  return found.slice(0,12).map(function(f){return f[5]})}
function el(tag,attrs,kids){var e=document.createElement(tag);for(var a in attrs||{}){e.setAttribute(a,attrs[a])}
  (kids||[]).forEach(function(k){e.appendChild(typeof k==='string'?document.createTextNode(k):k)});return e}
function lab(i){return L[i][lang==='fr'?0:1]}
function W(){return WORDS[lang]}
function showList(){list.innerHTML='';shown.forEach(function(n,i){var li=el('li',{role:'option',id:'opt'+i,'aria-selected':i===current?'true':'false'},[n.name]);
    li.addEventListener('mousedown',function(e){e.preventDefault();pick(n)});list.appendChild(li)});
  input.setAttribute('aria-expanded',shown.length?'true':'false');
  if(current>=0){input.setAttribute('aria-activedescendant','opt'+current);var o=document.getElementById('opt'+current);if(o&&o.scrollIntoView)o.scrollIntoView({block:'nearest'})}
  else input.removeAttribute('aria-activedescendant')}
input.addEventListener('input',function(){shown=search(input.value);current=shown.length?0:-1;showList();
  status.textContent=input.value.trim()&&!shown.length?NO_MATCH[lang]:''});
input.addEventListener('keydown',function(e){
  if(e.key==='ArrowDown'){if(!shown.length){shown=search(input.value)}current=Math.min(current+1,shown.length-1);showList();e.preventDefault()}
  else if(e.key==='ArrowUp'){current=Math.max(current-1,0);showList();e.preventDefault()}
  else if(e.key==='Enter'){if(current>=0&&shown[current]){pick(shown[current])}e.preventDefault()}
  else if(e.key==='Escape'){shown=[];current=-1;showList()}});
input.addEventListener('blur',function(){setTimeout(function(){shown=[];current=-1;showList()},150)});
function sources(ids){return el('span',{'class':'src'},[' — '+W().sources+W().colon+ids.map(function(i){return S[i]}).join(' ; ')])}
function skillItem(row,extra){var kids=[lab(row[0]),el('span',{'class':'note'},[' ('+W().strength[row[1]]+')'])];
  kids.push(el('span',{'class':'src'},[' — '+S[row[2]]+(extra||'')]));return el('li',{},kids)}
function skillList(items){var ul=el('ul',{'class':'skills'});items.slice(0,SHOWN).forEach(function(li){ul.appendChild(li)});
  if(items.length<=SHOWN)return ul;var more=el('ul',{'class':'skills'});items.slice(SHOWN).forEach(function(li){more.appendChild(li)});
  return el('div',{},[ul,el('details',{},[el('summary',{},[(items.length-SHOWN)+' '+W().more]),more])])}
function render(job,name){var J=D.J[job],w=W();answer.innerHTML='';
  answer.appendChild(el('h2',{},[name+W().colon+J[0].map(function(s,i){return lab(s)+' ('+w[J[1][i]]+')'}).join(', ')]));
  if(J[3]){answer.appendChild(el('p',{'class':'unknown'},[w.reach+W().colon+w.noRoute]));return}
  answer.appendChild(el('p',{},[w.reach+W().colon+J[2].length]));
  J[2].forEach(function(r){var G=D.G[r[3]],skills=D.R[String(G[0])]||[],sec=el('section',{'class':'reach'});
    sec.appendChild(el('h3',{},[lab(r[0])+' ('+r[1]+' '+(r[1]===1?w.move:w.moves)+')']));
    r[2].forEach(function(route){var p=el('div',{'class':'route'},[el('strong',{},[w.route+W().colon]),lab(route[0])]),ol=el('ol',{'class':'hops'}),prev=route[0];
      route.slice(1).forEach(function(h){var detail=h[0]===0?(w.match[S[h[2]]]||S[h[2]]):lab(h[2]);
        ol.appendChild(el('li',{},[lab(prev)+(h[0]===0?' = ':' → ')+lab(h[1])+' ('+w.hop[h[0]]+(detail?', '+detail:'')+')',sources(h[3])]));prev=h[1]});
      p.appendChild(ol);sec.appendChild(p)});
    var from=lab(G[1]),carried={};G[3].forEach(function(c){carried[c[0]]=c[1]});
    sec.appendChild(el('h4',{},[w.carried+(G[2]?'':' ('+G[3].length+')')]));
    if(G[2]&1){sec.appendChild(el('p',{'class':'carried'},[w.unknownRequired]))}
    else if(G[2]&2){sec.appendChild(el('p',{'class':'carried'},[w.unknownHeld+' ('+from+')']))}
    else if(!G[3].length){sec.appendChild(el('p',{'class':'carried'},[w.noneCarried]))}
    else{var c=skillList(G[3].map(function(x){return skillItem(skills[x[0]],' ; '+w.heldThrough+' '+S[x[1]])}));c.classList.add('carried');sec.appendChild(c)}
    var todo=[];skills.forEach(function(s,i){if(!(i in carried))todo.push(s)});
    sec.appendChild(el('h4',{},[w.acquire+(G[2]&1?'':' ('+(G[2]&2?w.atMost+' ':'')+todo.length+')')]));
    if(G[2]&1){sec.appendChild(el('p',{'class':'acquire'},[w.unknownRequired]))}
    else if(!todo.length){sec.appendChild(el('p',{'class':'acquire'},[w.noneAcquire]))}
    else{var a=skillList(todo.map(function(s){return skillItem(s)}));a.classList.add('acquire');sec.appendChild(a)}
    if(todo.length){sec.appendChild(el('h4',{},[w.trainings]));var tl=[];
      todo.forEach(function(s){(s[3]||[]).forEach(function(c){tl.push(el('li',{},[lab(s[0])+W().colon+lab(c[0])+' ('+w.into+' '+lab(c[1])+')',sources(c[2])]))})});
      if(tl.length){var tr=skillList(tl);tr.classList.add('trainings');sec.appendChild(tr)}else{sec.appendChild(el('p',{'class':'note'},[w.noTraining]))}}
    answer.appendChild(sec)})}
function pick(n){picked=n;input.value=n.name;shown=[];current=-1;showList();render(n.job,n.name);
  try{history.replaceState(null,'','?lang='+lang+'#'+encodeURIComponent(n.name))}catch(e){}}
// aicareers.html.language switches <html lang>, the buttons, the links and the address; the answer is redrawn here
function relabel(){lang=aicLang.get();input.placeholder=PLACEHOLDER[lang];if(picked)render(picked.job,picked.name)}
document.addEventListener('__EVENT__',relabel);relabel();
var h=decodeURIComponent(location.hash.slice(1));if(h){var n=names.filter(function(x){return x.name===h})[0];if(n)pick(n)}
document.body.setAttribute('data-settled','1');
})();
"""


SCRIPT = SCRIPT.replace("__EVENT__", language.CHANGE_EVENT)


def _json(value) -> str:
    """JSON safe inside a ``<script>`` element (no ``</`` can close it)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).replace("</", "<\\/")


def render_from_my_job(g: nx.MultiDiGraph, *, lang: str = "fr", data: dict | None = None) -> str:
    """The page, with :func:`page_data` of ``g`` in it (see the module docstring).

    >>> from aicareers.analytics._examples import example_graph
    >>> html = render_from_my_job(example_graph(), lang="en")
    >>> '<label for="job">' in html and "https://" not in html.split('id="data"')[0]
    True
    """
    data = page_data(g) if data is None else data
    fr, en = TEXT["fr"], TEXT["en"]
    return TEMPLATE.format(
        lang=lang, style=STYLE, lang_style=language.STYLE, lang_script=language.SCRIPT, lang_switch=language.switch_html(lang),
        fr={k: escape(v) for k, v in fr.items()}, en={k: escape(v) for k, v in en.items()},
        placeholder=escape(TEXT[lang]["placeholder"]), data=Markup(_json(data)), words=_json(SCRIPT_TEXT),
        no_match=_json({k: v["none"] for k, v in TEXT.items()}), placeholders=_json({k: v["placeholder"] for k, v in TEXT.items()}),
        shown=SHOWN, script=SCRIPT,
    )


__all__ = ["PAGE_NAME", "page_data", "render_from_my_job"]
