"""The graph pages' search: typo-tolerant, by whole words, over labels and alternative names.

:data:`SEARCH_SCRIPT` defines ``window.aicSearch``: ``norm(text)`` (accents, case, curly quotes
and spaces ironed out), ``words(text)`` and ``index(nodes)``, which returns ``find(query)``, the
ids of the best 15 nodes. A query is cut into words; each must match a word of the same label,
from the word's start ("UX" finds "UX designer", not "deux"), exactly, as a beginning, or within
a small edit distance (1 for words of 4 to 7 letters, 2 from 8: "promt" finds "Prompt
Engineer"); words of 1 to 3 letters must match exactly or as a beginning. Ranks: a label match
(roles first; then the whole label > the label's start > every word as a beginning) > every word
within the distance > definitions and quotes (whole words as beginnings, no typo); then shorter
labels first, then the page's order (deterministic).

:func:`edit_distance` is the rule the script applies, in Python, for the doctests and the tests.

>>> edit_distance("promt", "prompt"), edit_distance("ux", "deux")
(1, 2)
>>> [allowed_typos(w) for w in ("ux", "promt", "scientist")]
[0, 1, 2]
"""

from __future__ import annotations


def allowed_typos(word: str) -> int:
    """Edits a query word may be away from a label word: none under 4 letters, 1 up to 7, then 2."""
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions), as the script computes it."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


SEARCH_SCRIPT = r"""
(function () {
  "use strict";
  function norm(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2019\u2018\u02bc`\u00b4]/g, "'").replace(/[\u00ab\u00bb\u201c\u201d]/g, '"')
      .toLowerCase().replace(/\s+/g, " ").trim();
  }
  // Words are runs of letters and digits (and + # for C++, C#); œ and æ are spelt out.
  function words(s) {
    return norm(s).replace(/\u0153/g, "oe").replace(/\u00e6/g, "ae").split(/[^a-z0-9+#]+/).filter(Boolean);
  }
  function typos(w) { return w.length < 4 ? 0 : w.length < 8 ? 1 : 2; }
  // Levenshtein distance, given up beyond max (returns max + 1).
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) { prev.push(j); }
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        best = Math.min(best, cur[j]);
      }
      if (best > max) { return max + 1; }
      prev = cur;
    }
    return prev[b.length];
  }
  // 2: every query word begins a label word; 1: every query word is near a label word (or near
  // its beginning, for a word still being typed); 0: no match.
  function wordMatch(qw, lw) {
    var all = 2;
    for (var i = 0; i < qw.length; i++) {
      var q = qw[i], best = 0;
      for (var j = 0; j < lw.length && best < 2; j++) {
        var w = lw[j];
        if (w.lastIndexOf(q, 0) === 0) { best = 2; }
        else if (typos(q) && (distance(q, w, typos(q)) <= typos(q) ||
                 (w.length > q.length && distance(q, w.slice(0, q.length), typos(q)) <= typos(q)))) { best = 1; }
      }
      if (!best) { return 0; }
      all = Math.min(all, best);
    }
    return all;
  }
  function index(nodeList) {
    var entries = nodeList.map(function (n) {
      var labels = [n.label_fr, n.label_en].concat(n.alt || []).filter(Boolean).map(function (l) {
        return {text: words(l).join(" "), words: words(l)};
      });
      var text = [n.definition_fr, n.definition_en].concat((n.sources || []).map(function (s) { return s[1]; }));
      return {id: n.id, type: n.type, labels: labels, text: " " + words(text.join(" ")).join(" ")};
    });
    return function find(query) {
      var qw = words(query), q = qw.join(" ");
      if (!q) { return []; }
      var hits = [];
      entries.forEach(function (entry, i) {
        var score = 0;
        entry.labels.forEach(function (l) {
          if (l.text === q) { score = Math.max(score, 5); }
          else if (l.text.lastIndexOf(q, 0) === 0) { score = Math.max(score, 4); }
          else if (score < 3) { score = Math.max(score, [0, 2, 3][wordMatch(qw, l.words)]); }
        });
        if (!score && qw.every(function (w) { return entry.text.indexOf(" " + w) >= 0; })) { score = 1; }
        if (score) {
          hits.push({score: score, role: entry.type === "role" ? 0 : 1, length: entry.labels.length ? entry.labels[0].text.length : 0, i: i});
        }
      });
      // Among label matches (3 and up), roles come first: they are what the pages are about.
      hits.sort(function (a, b) {
        return Math.min(b.score, 3) - Math.min(a.score, 3) || a.role - b.role || b.score - a.score || a.length - b.length || a.i - b.i;
      });
      return hits.slice(0, 15).map(function (h) { return entries[h.i].id; });
    };
  }
  window.aicSearch = {norm: norm, words: words, distance: distance, index: index};
})();
"""
