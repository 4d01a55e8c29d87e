"""The one resolver of names: roles, skills, topics, job titles, places... for every command.

The catalogue (:mod:`aicareers.sparql.catalog`, whose candidates come from SPARQL on rdflib,
Oxigraph or the cached pyoxigraph store) and the analytics (:mod:`aicareers.analytics.names`,
whose candidates come from the networkx projection) both hand :func:`resolve_name` their
candidates -- each entity's key (its IRI) with its labels -- and get the same answer, the same
suggestions and the same error. This module imports neither rdflib nor networkx.

The rules, in order:

1. the key itself (an IRI, possibly in ``<...>``) or a prefixed name (``role:prompt-engineer``);
2. a label or the id (the IRI's last segment, ``prompt-engineer`` or ``prompt engineer``), compared
   after :func:`normalize_name` (accents, case, typographic quotes and dashes, spaces);
3. otherwise :class:`UnknownNameError` (exit status 2) with up to five close names ("did you mean",
   each as ``label (id)``, compared after :func:`normalise`, which reads every run of punctuation as
   one space): :mod:`difflib`'s closest names, then the names each of whose words is
   close to a word asked for (``Promt`` -> ``Prompt engineer``), then the names that contain what
   was asked; with none, the message lists the names that exist.

Several entities with the name raise :class:`AmbiguousNameError`, unless exactly one has the
preferred namespace (the project's own skill before an ESCO one of the same name).
:func:`resolve_names` gives them all instead (a job title that ROME, ESCO and O*NET share), and
with ``typos`` reads a name close to one spelling only as that spelling; :func:`named_index`
applies rules 1 and 2 to every label at once (a page that answers every name in advance).

>>> roles = {"https://w3id.org/ai-careers/id/role/prompt-engineer": ["Prompt engineer", "Ingénieur de requête"],
...          "https://w3id.org/ai-careers/id/role/system-engineer": ["System engineer"]}
>>> resolve_name(roles, "role", "INGENIEUR DE REQUETE")
'https://w3id.org/ai-careers/id/role/prompt-engineer'
>>> resolve_name(roles, "role", "role:system-engineer")
'https://w3id.org/ai-careers/id/role/system-engineer'
>>> resolve_name(roles, "role", "Promt")
Traceback (most recent call last):
...
aicareers.names.UnknownNameError: unknown role 'Promt'; did you mean: Prompt engineer (prompt-engineer)?
>>> resolve_name(roles, "role", "zzzz")
Traceback (most recent call last):
...
aicareers.names.UnknownNameError: unknown role 'zzzz'; no role has a close name; the roles are: Prompt engineer (prompt-engineer), System engineer (system-engineer)
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Iterable, Mapping

from .errors import AiCareersError
from .prefixes import PREFIXES

__all__ = ["UnknownNameError", "AmbiguousNameError", "normalize_name", "normalise", "local_name",
           "resolve_name", "resolve_names", "named_index", "suggest_names", "KNOWN_SHOWN", "TYPO_RATIO"]

#: How many existing names an unknown name's message lists at most.
KNOWN_SHOWN = 12
#: How many close names an unknown name's message suggests at most.
SUGGESTED = 5

_PUNCTUATION = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def _echo(name: str) -> str:
    """A user's name as an error message quotes it: ``repr``, cut past 80 characters.

    >>> _echo("poet"), _echo("x" * 100_000)[-28:]
    ("'poet'", "xxxxxx'… (100000 characters)")
    """
    return repr(name) if len(name) <= 80 else f"{name[:80]!r}… ({len(name)} characters)"


class UnknownNameError(AiCareersError):
    """No entity of the kind has that name; the message suggests close names, or lists the names."""

    exit_status = 2

    def __init__(self, kind: str, name: str, suggestions: Iterable[str] = (), known: Iterable[str] = (),
                 total: int | None = None):
        self.kind, self.name, self.suggestions = kind, name, list(suggestions)
        self.known, self.total = list(known), total
        message = f"unknown {kind} {_echo(name)}"
        if self.suggestions:
            message += "; did you mean: " + ", ".join(self.suggestions) + "?"
        else:
            message += f"; no {kind} has a close name"
            if self.known:  # a name that matches nothing lists what exists (the first ones, if many)
                more = total is not None and total > len(self.known)
                message += (f"; the {kind}s {'include' if more else 'are'}: " + ", ".join(self.known)
                            + (f" (… {total} in all)" if more else ""))
        super().__init__(message)

    def __reduce__(self):
        return (type(self), (self.kind, self.name, self.suggestions, self.known, self.total))


class AmbiguousNameError(AiCareersError):
    """Several entities of the kind have that name; the message lists their ids."""

    exit_status = 2

    def __init__(self, kind: str, name: str, candidates: Iterable[str]):
        self.kind, self.name, self.candidates = kind, name, list(candidates)
        super().__init__(f"{kind} {_echo(name)} is ambiguous: it names {', '.join(self.candidates)}; give the id")

    def __reduce__(self):
        return (type(self), (self.kind, self.name, self.candidates))


def normalize_name(text: str) -> str:
    """``text`` without accents, case, typographic quotes or extra spaces: for comparing names.

    >>> normalize_name("  Ingénieur   de  REQUÊTE ")
    'ingenieur de requete'
    >>> normalize_name("Architecte d’IA") == normalize_name("architecte d'ia")
    True
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.translate(_PUNCTUATION).casefold().split())


def normalise(text: str) -> str:
    """:func:`normalize_name`, and every run of characters other than letters and digits as one space.

    >>> normalise("  Expert en expérience utilisateur (UX) ")
    'expert en experience utilisateur ux'
    >>> normalise("prompt-engineer") == normalise("Prompt engineer")
    True
    """
    return " ".join(_NON_WORD.sub(" ", normalize_name(text)).split())


def local_name(key: str) -> str:
    """The id of an entity: its IRI's last segment.

    >>> local_name("https://w3id.org/ai-careers/id/role/prompt-engineer")
    'prompt-engineer'
    """
    return re.split(r"[/#]", str(key).rstrip("/#"))[-1]


def _shown(texts: list[str], key: str) -> str:
    """Of several spellings of one name, the one shown: the first label (callers give the preferred
    labels first, English first), else the id."""
    local = local_name(key)
    return next((t for t in texts if t != local), local)


def _display(key: str, labels: list[str]) -> str:
    return labels[0] if labels else local_name(key)


def _with_id(text: str, key: str) -> str:
    """A name as a message shows it: ``label (id)``, or the label alone when it is the id but for case.

    >>> _with_id("Prompt engineer", "https://x.org/role/prompt-engineer"), _with_id("France", "https://x.org/place/france")
    ('Prompt engineer (prompt-engineer)', 'France')
    """
    local = local_name(key)
    return text if text.casefold() == local.casefold() else f"{text} ({local})"


def resolve_name(candidates: Mapping[str, Iterable[str]], kind: str, name: str, *,
                 prefer: str | None = PREFIXES["aicr"]) -> str:
    """The key, among ``candidates`` (key -> labels), that ``name`` names: the rules of this module.

    >>> resolve_name({"https://x.org/role/x": ["Écrivain"]}, "role", "ecrivain")
    'https://x.org/role/x'
    >>> resolve_name({"https://x.org/a/x": ["X"], "https://x.org/b/x": ["X"]}, "skill", "x")
    Traceback (most recent call last):
    ...
    aicareers.names.AmbiguousNameError: skill 'x' is ambiguous: it names x, x; give the id
    """
    entities = _entities(candidates)
    matches = _named(entities, name)
    own = [m for m in matches if prefer and m.startswith(prefer)]
    if len(matches) > 1 and len(own) == 1:  # the project's skill before an ESCO one of that name
        matches = own
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AmbiguousNameError(kind, name, [local_name(e) for e in matches])
    raise _unknown(entities, kind, name)


#: How close (difflib's ratio, after :func:`normalise`) a typed name must be to one spelling, and
#: closer than to any other, for :func:`resolve_names` to read it as that spelling.
TYPO_RATIO = 0.85


def resolve_names(candidates: Mapping[str, Iterable[str]], kind: str, name: str, *, typos: bool = False) -> list[str]:
    """Every key, among ``candidates``, that ``name`` names (the rules of :func:`resolve_name`), sorted.

    For names several records share on purpose: a job title is a ROME sheet, an ESCO occupation
    and an O*NET title at once, and the person asking means all of them. No match raises the same
    :class:`UnknownNameError`, with the same suggestions, as :func:`resolve_name`.

    >>> jobs = {"https://x.org/esco/1": ["journalist", "reporter"], "https://x.org/rome/E1106": ["Journaliste"],
    ...         "https://x.org/onet/2": ["Reporters"]}
    >>> resolve_names(jobs, "job title", "JOURNALISTE"), resolve_names(jobs, "job title", "reporter")
    (['https://x.org/rome/E1106'], ['https://x.org/esco/1'])

    With ``typos``, a name that names nothing but is close to one spelling only (at least
    :data:`TYPO_RATIO`, and closer than to any other) is read as that spelling:

    >>> resolve_names(jobs, "job title", "jornaliste", typos=True)
    ['https://x.org/rome/E1106']
    >>> resolve_names(jobs, "job title", "jornalist")
    Traceback (most recent call last):
    ...
    aicareers.names.UnknownNameError: unknown job title 'jornalist'; did you mean: journalist (1), Journaliste (E1106)?
    """
    entities = _entities(candidates)
    matches = _named(entities, name)
    if not matches and typos:
        matches = _typo(entities, name)
    if matches:
        return matches
    raise _unknown(entities, kind, name)


def _typo(entities: dict[str, list[str]], name: str) -> list[str]:
    """The keys of the one spelling ``name`` is a small typo of (see :data:`TYPO_RATIO`), else none."""
    wanted = normalise(name)
    spellings: dict[str, set[str]] = {}
    for key, labels in entities.items():
        for text in labels:
            spellings.setdefault(normalise(text), set()).add(key)
    close = difflib.get_close_matches(wanted, sorted(spellings), n=2, cutoff=TYPO_RATIO)
    if not close:
        return []
    ratios = [difflib.SequenceMatcher(None, wanted, c).ratio() for c in close]
    if len(close) > 1 and ratios[1] == ratios[0]:
        return []  # two spellings as close: not a typo of one of them
    return sorted(spellings[close[0]])


def _entities(candidates: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    return {str(key): [str(label) for label in labels if label] for key, labels in candidates.items()}


def _named(entities: dict[str, list[str]], name: str) -> list[str]:
    """The keys ``name`` names exactly: rules 1 and 2 of the module docstring (an id that names one
    entity only wins over labels), sorted."""
    wanted = name.strip()
    if wanted.startswith("<") and wanted.endswith(">"):
        wanted = wanted[1:-1]
    if wanted in entities:
        return [wanted]
    prefix, colon, local = wanted.partition(":")
    if colon and prefix in PREFIXES and PREFIXES[prefix] + local in entities:
        return [PREFIXES[prefix] + local]
    key = normalize_name(wanted)  # a name is matched on its letters, digits and punctuation
    if not key:
        return []
    ids = [e for e in entities
           if key in (normalize_name(local_name(e)), normalize_name(re.sub(r"[-_]", " ", local_name(e))))]
    if len(ids) == 1:
        return ids
    labelled = [e for e, labels in entities.items() if any(normalize_name(text) == key for text in labels)]
    return sorted(set(ids) | set(labelled))


def named_index(candidates: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """What every label of ``candidates`` names, at once: :func:`normalize_name` of the label -> the
    keys :func:`resolve_names` gives for it (the same rules, without a call per name).

    >>> jobs = {"https://x.org/role/journalist": ["Journalist"], "https://x.org/esco/1": ["journalist"],
    ...         "https://x.org/esco/2": ["editor"], "https://x.org/rome/3": ["Editor"]}
    >>> index = named_index(jobs)
    >>> index["journalist"] == resolve_names(jobs, "job", "journalist"), index["editor"]
    (True, ['https://x.org/esco/2', 'https://x.org/rome/3'])
    """
    entities = _entities(candidates)
    ids: dict[str, set[str]] = {}
    labels: dict[str, set[str]] = {}
    for key, texts in entities.items():
        local = local_name(key)
        for text in {normalize_name(local), normalize_name(re.sub(r"[-_]", " ", local))}:
            ids.setdefault(text, set()).add(key)
        for text in texts:
            labels.setdefault(normalize_name(text), set()).add(key)
    return {name: sorted(ids[name]) if len(ids.get(name, ())) == 1 else sorted(ids.get(name, set()) | keys)
            for name, keys in sorted(labels.items()) if name}


def _unknown(entities: dict[str, list[str]], kind: str, name: str) -> UnknownNameError:
    """The error for a name that names nothing: close names, else the names that exist."""
    suggestions = suggest_names(entities, name)
    known: list[str] = []
    if not suggestions:
        for key, labels in sorted(entities.items(), key=lambda item: normalize_name(_display(*item))):
            known.append(_with_id(_display(key, labels), key))
    return UnknownNameError(kind, name, suggestions, known[:KNOWN_SHOWN], len(known))


def _close_words(asked: list[str], vocabulary: set[str], cutoff: float = 0.8) -> list[dict[str, float]]:
    """For each asked word, the words of ``vocabulary`` close to it (difflib ratio >= ``cutoff``)."""
    found = []
    for word in asked:
        matcher, close = difflib.SequenceMatcher(), {}
        matcher.set_seq2(word)
        for other in vocabulary:
            matcher.set_seq1(other)
            if (matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff
                    and (ratio := matcher.ratio()) >= cutoff):
                close[other] = ratio
        found.append(close)
    return found


def _word_score(close: list[dict[str, float]], words: list[str]) -> float:
    """How close the asked words are to the words of a name (0 when one of them is far from all)."""
    if not close:
        return 0.0
    best = [max((near.get(w, 0.0) for w in words), default=0.0) for near in close]
    return sum(best) / len(best) if min(best) > 0 else 0.0


def suggest_names(candidates: Mapping[str, Iterable[str]], name: str, n: int = SUGGESTED) -> list[str]:
    """Up to ``n`` names close to ``name``, each entity once, as ``label (id)``.

    >>> roles = {"https://x.org/role/chief-editor": ["Editor in chief", "Rédacteur en chef"],
    ...          "https://x.org/role/writer": ["Writer", "Rédacteur"]}
    >>> suggest_names(roles, "redacteur en chf"), suggest_names(roles, "Chif")
    (['Rédacteur en chef (chief-editor)', 'Rédacteur (writer)'], ['Editor in chief (chief-editor)'])
    """
    spellings: dict[str, dict[str, list[str]]] = {}  # normalised name -> entity -> its texts
    labels_of = {str(k): [str(text) for text in v if text] for k, v in candidates.items()}
    for key, labels in sorted(labels_of.items()):
        for text in [*labels, local_name(key)]:
            if text:
                spellings.setdefault(normalise(text), {}).setdefault(key, []).append(text)
    wanted = normalise(name)
    close = difflib.get_close_matches(wanted, list(spellings), n=10, cutoff=0.6)
    near = _close_words(wanted.split(), {w for found in spellings for w in found.split()})
    scored = sorted((-score, found) for found in spellings
                    if (score := _word_score(near, found.split())) and found not in close)
    close += [found for _, found in scored]
    if not close and wanted:  # a part of a name: "engineer" -> "Prompt engineer", ...
        close = sorted(found for found in spellings if wanted in found)
    suggestions: dict[str, str] = {}
    for found in close:
        for key, texts in spellings[found].items():
            if key not in suggestions:
                text = _shown(texts, key)  # the id matched: show the entity's first label
                suggestions[key] = _with_id(_display(key, labels_of[key]) if text == local_name(key) else text, key)
    return list(suggestions.values())[:n]
