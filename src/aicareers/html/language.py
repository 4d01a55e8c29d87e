"""The French/English switch of every page: its buttons, their style and the script that picks the language.

The graph pages (:mod:`aicareers.html.controls`), the job pages (:mod:`aicareers.html.jobs`) and
``from-my-job.html`` (:mod:`aicareers.html.from_my_job`) all switch language the same way, so the
rule lives here once:

- **which language**: the address's ``?lang=``, else the reader's last choice (``localStorage``
  key :data:`STORAGE_KEY`), else the language the page was built in (``<html lang>``);
- **what the switch does** (:data:`SCRIPT`): sets ``<html lang>``, so that the style sheet
  (:data:`STYLE`) shows the blocks of that language (``data-lang="fr"`` / ``data-lang="en"``,
  classes ``aic-only-fr`` / ``aic-only-en``); puts the text of ``data-fr`` / ``data-en`` into
  each element that carries both (into its attribute named by ``data-i18n-attr`` instead, such
  as an ``aria-label``); marks the pressed button (``aria-pressed``); writes ``?lang=`` into
  the links marked ``data-keep-lang`` (keeping their other parameters, such as ``?focus=``,
  and their relative form) and into the page's own address; remembers a choice made with the
  buttons; then fires :data:`CHANGE_EVENT` on ``document`` (``event.detail.lang``), to which
  each page's own script listens to redraw what it built (graph labels, an answer);
- ``window.aicLang``: ``get()``, ``set(lang, remember)``, ``link(href, lang)`` for the page's scripts.

The buttons (:func:`switch_html`) keep what tests and readers rely on: the group's id
``aic-lang`` and class ``lang``, and each button's ``value`` and ``data-lang``.

>>> html = switch_html("en")
>>> 'id="aic-lang"' in html, 'value="en" data-lang="en" lang="en" title="English" aria-pressed="true"' in html
(True, True)
>>> CHANGE_EVENT in SCRIPT and STORAGE_KEY in SCRIPT and "__" not in SCRIPT
True
"""

from __future__ import annotations

from markupsafe import Markup

#: The languages of the pages, the build's default first.
LANGS = ("fr", "en")
#: Where the reader's last choice is kept (shared by every page of the site).
STORAGE_KEY = "aic-lang"
#: The event fired on ``document`` once the language has been applied.
CHANGE_EVENT = "aic-lang-change"
#: Each button's name, in its own language.
NAMES = {"fr": "Français", "en": "English"}

#: The buttons' look and the rules that show one language's blocks. The buttons also carry
#: ``data-lang`` (the graph pages' tests select them by it): ``:not(button)`` keeps them shown.
STYLE = """
.lang{display:flex;flex:none;gap:.25rem}
.lang button{font:inherit;min-width:2.75rem;min-height:2.75rem;padding:.3rem .7rem;border:1px solid #5d6b79;background:#fff;color:#1d2530;border-radius:.3rem;cursor:pointer}
.lang button[aria-pressed=true]{background:#1d2530;color:#fff;border-color:#1d2530}
[data-lang]:not(button){display:none}
html[lang=fr] [data-lang=fr]:not(button),html[lang=en] [data-lang=en]:not(button){display:revert}
html[lang=fr] .aic-only-en,html[lang=en] .aic-only-fr{display:none}
"""

SCRIPT = (
    r"""
(function () {
  "use strict";
  var LANGS = __LANGS__, KEY = "__KEY__", EVENT = "__EVENT__";
  function known(l) { return LANGS.indexOf(l) >= 0; }
  function stored() { try { return window.localStorage.getItem(KEY); } catch (e) { return null; } }
  // ?lang= of the address, else the reader's last choice, else the language the page was built in.
  var lang = [new URLSearchParams(window.location.search).get("lang"), stored(), document.documentElement.lang]
    .filter(known)[0] || LANGS[0];
  // href with ?lang=l, its other parameters and its #fragment kept; a relative href stays relative.
  function link(href, l) {
    var hash = "", i = href.indexOf("#");
    if (i >= 0) { hash = href.slice(i); href = href.slice(0, i); }
    var query = "", j = href.indexOf("?");
    if (j >= 0) { query = href.slice(j + 1); href = href.slice(0, j); }
    var params = new URLSearchParams(query);
    params.set("lang", l || lang);
    return href + "?" + params.toString() + hash;
  }
  function apply() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-fr][data-en]").forEach(function (e) {
      var text = e.getAttribute("data-" + lang), attr = e.getAttribute("data-i18n-attr");
      if (attr) { e.setAttribute(attr, text); } else { e.textContent = text; }
    });
    document.querySelectorAll("#aic-lang button").forEach(function (b) {
      b.setAttribute("aria-pressed", b.value === lang ? "true" : "false");
    });
    document.querySelectorAll("a[data-keep-lang]").forEach(function (a) { a.setAttribute("href", link(a.getAttribute("href"))); });
    // the address says the language too: a reload, a bookmark or a shared link keep it
    try { window.history.replaceState(window.history.state, "", link(window.location.href)); } catch (e) { /* file:// in some browsers */ }
  }
  function set(l, remember) {
    if (!known(l)) { return; }
    lang = l;
    if (remember) { try { window.localStorage.setItem(KEY, l); } catch (e) { /* private mode: the links still carry it */ } }
    apply();
    document.dispatchEvent(new CustomEvent(EVENT, {detail: {lang: l}}));
  }
  document.querySelectorAll("#aic-lang button").forEach(function (b) {
    b.addEventListener("click", function () { set(b.value, true); });
  });
  window.aicLang = {get: function () { return lang; }, set: set, link: link, langs: LANGS.slice()};
  apply();
})();
"""
    .replace("__LANGS__", "[" + ", ".join(f'"{l}"' for l in LANGS) + "]")
    .replace("__KEY__", STORAGE_KEY)
    .replace("__EVENT__", CHANGE_EVENT)
)


def switch_html(lang: str) -> Markup:
    """The FR/EN buttons, ``lang``'s pressed (the script presses the reader's choice on load).

    The group's name is in both languages: it is read before any choice is made.
    """
    buttons = "".join(
        f'<button type="button" value="{l}" data-lang="{l}" lang="{l}" title="{NAMES[l]}" '
        f'aria-pressed="{"true" if l == lang else "false"}">{l.upper()}</button>'
        for l in LANGS
    )
    return Markup(f'<div id="aic-lang" class="lang" role="group" aria-label="Langue / Language">{buttons}</div>')


__all__ = ["CHANGE_EVENT", "LANGS", "SCRIPT", "STORAGE_KEY", "STYLE", "switch_html"]
