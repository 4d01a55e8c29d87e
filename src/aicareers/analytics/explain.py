"""Evidence: the facts an answer rests on, each with the source document that states it.

Every result of :mod:`aicareers.analytics` carries the facts it used (an ``evidence`` property,
or ``facts`` on a skill). A :class:`Fact` is one edge of the projection and one of its sources:
an edge stated by two sources gives two facts. Edges no source states (the project's own ESCO
mappings, ``skos:*Match``) give one fact whose source is :data:`NO_SOURCE`; ESCO's own edges
name ESCO as their source, with no quote.

>>> from aicareers.analytics._examples import example_graph, node
>>> g = example_graph()
>>> for fact in edge_facts(g, node("role", "writer"), node("skill", "writing"), "aic:requiresSkill"):
...     print(fact)
Writer —requires skill→ Writing [Careers guide: « Un rédacteur doit savoir écrire. »]
>>> [f.source_label for f in edge_facts(g, node("skill", "creativity"), node("esco-skill", "develop-creative-ideas"), "skos:closeMatch")]
["the project's own mapping (no source quote)"]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import networkx as nx

#: ``source_label`` of a fact that no source states (the project's own mappings to the frameworks).
NO_SOURCE = "the project's own mapping (no source quote)"


@dataclass(frozen=True, order=True)
class Ref:
    """A node of the projection as answers show it: its key (IRI), labels and type.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> r = ref(example_graph(), node("role", "writer"))
    >>> r.label("en"), r.label("fr"), r.id
    ('Writer', 'Rédacteur', 'writer')
    """

    key: str
    label_en: str
    label_fr: str
    type: str

    @property
    def id(self) -> str:
        """The last segment of the IRI (``prompt-engineer``)."""
        return self.key.rstrip("/").rsplit("/", 1)[-1]

    def label(self, lang: str = "en") -> str:
        """The label in ``lang`` (``en`` or ``fr``)."""
        return self.label_fr if lang == "fr" else self.label_en

    def __str__(self) -> str:
        return self.label_en

    def to_dict(self) -> dict:
        return {"key": self.key, "id": self.id, "label_en": self.label_en, "label_fr": self.label_fr, "type": self.type}


def ref(g: nx.MultiDiGraph, node: str) -> Ref:
    """The :class:`Ref` of ``node`` (labels fall back to the IRI's last segment)."""
    data = g.nodes[node]
    fallback = node.rstrip("/").rsplit("/", 1)[-1]
    return Ref(node, data.get("label_en") or fallback, data.get("label_fr") or data.get("label_en") or fallback, data.get("type", ""))


@dataclass(frozen=True, order=True)
class Fact:
    """One edge (``subject —predicate→ object``) and one source that states it, with its quote.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> g = example_graph()
    >>> fact = edge_facts(g, node("role", "writer"), node("role", "editor"), "aic:canEvolveTo")[0]
    >>> fact.describe("fr")
    'Rédacteur —peut évoluer vers→ Éditeur [Careers guide: « Un rédacteur peut devenir éditeur. »]'
    >>> sorted(fact.to_dict())[:4]
    ['object', 'object_label_en', 'object_label_fr', 'predicate']
    """

    subject: Ref
    predicate: str
    object: Ref
    predicate_label_en: str = ""
    predicate_label_fr: str = ""
    source: str = ""
    source_label: str = NO_SOURCE
    quote: str = ""
    record: str = ""  # for a framework's fact: the record it comes from (file and codes)

    def describe(self, lang: str = "en") -> str:
        """One line: the statement, then ``[source: « quote »]`` or ``[framework: record]``."""
        predicate = (self.predicate_label_fr if lang == "fr" else self.predicate_label_en) or self.predicate
        if self.quote:
            where = f"{self.source_label}: « {self.quote} »"
        elif self.record:
            where = f"{self.source_label}: {self.record}"
        else:
            where = self.source_label
        return f"{self.subject.label(lang)} —{predicate}→ {self.object.label(lang)} [{where}]"

    def __str__(self) -> str:
        return self.describe("en")

    def to_dict(self) -> dict:
        return {
            "subject": self.subject.key,
            "subject_label_en": self.subject.label_en,
            "subject_label_fr": self.subject.label_fr,
            "predicate": self.predicate,
            "object": self.object.key,
            "object_label_en": self.object.label_en,
            "object_label_fr": self.object.label_fr,
            "source": self.source,
            "source_label": self.source_label,
            "quote": self.quote,
            "record": self.record,
        }


def edge_facts(g: nx.MultiDiGraph, u: str, v: str, key: str) -> list[Fact]:
    """The facts of edge ``(u, v, key)``: one per source, or one with :data:`NO_SOURCE`.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> g = example_graph()
    >>> [f.source_label for f in edge_facts(g, node("esco-occupation", "translator"), node("esco-skill", "proofread-text"), "aic:relatedSkill")]
    ['ESCO, European Commission']
    """
    data = g.edges[u, v, key]
    base = dict(
        subject=ref(g, u),
        predicate=data.get("predicate", key),
        object=ref(g, v),
        predicate_label_en=data.get("label_en", key),
        predicate_label_fr=data.get("label_fr", key),
    )
    sources = data.get("sources") or []
    if not sources:  # the project's own mapping: its reason, when it gives one
        return [Fact(**base, record=data.get("reason_en", ""))]
    return sorted(Fact(**base, source=s.get("source", ""), source_label=s.get("source_label", ""), quote=s.get("quote", ""),
                       record=s.get("record", "")) for s in sources)


def node_facts(g: nx.MultiDiGraph, node: str) -> list[Fact]:
    """What the sources say of ``node`` itself, as facts ``node —is a→ <type>``.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> [f.quote for f in node_facts(example_graph(), node("role", "writer"))]
    ['Le rédacteur écrit des articles.']
    """
    subject = ref(g, node)
    kind = Ref(subject.type, subject.type, subject.type, "")
    return sorted(
        Fact(subject, "rdf:type", kind, "is a", "est un", s.get("source", ""), s.get("source_label", ""), s.get("quote", ""),
             s.get("record", ""))
        for s in g.nodes[node].get("sources") or []
    )


def merge(*groups: Iterable[Fact]) -> tuple[Fact, ...]:
    """The facts of every group, each once, sorted.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> g = example_graph()
    >>> facts = edge_facts(g, node("role", "writer"), node("skill", "writing"), "aic:requiresSkill")
    >>> len(merge(facts, facts))
    1
    """
    return tuple(sorted({fact for group in groups for fact in group}))


def sources_of(facts: Iterable[Fact]) -> list[str]:
    """The distinct source documents of ``facts``, sorted (facts with no source left out).

    >>> from aicareers.analytics._examples import example_graph, node
    >>> g = example_graph()
    >>> sources_of(edge_facts(g, node("role", "translator"), node("esco-occupation", "translator"), "skos:closeMatch"))
    []
    >>> sources_of(edge_facts(g, node("role", "writer"), node("skill", "writing"), "aic:requiresSkill"))
    ['Careers guide']
    """
    return sorted({f.source_label for f in facts if f.source})


def format_facts(facts: Iterable[Fact], lang: str = "en", indent: str = "  ") -> str:
    """The facts, one a line, grouped by nothing: for ``--explain``.

    >>> from aicareers.analytics._examples import example_graph, node
    >>> g = example_graph()
    >>> print(format_facts(edge_facts(g, node("role", "editor"), node("skill", "proofreading"), "aic:requiresSkill")))
      Editor —requires skill→ Proofreading [Careers guide: « Un éditeur relit les textes. »]
    """
    return "\n".join(indent + fact.describe(lang) for fact in facts)
