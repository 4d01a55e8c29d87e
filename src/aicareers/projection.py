"""The one projection of the RDF graph into networkx, shared by every analysis and the HTML view.

:func:`project` reads the graph once and returns a :class:`networkx.MultiDiGraph`:

- **nodes** are the graph's entities, keyed by IRI, with attributes ``type`` (``role``,
  ``skill``, ``mission``, ``objective``, ``domain``, ``department``, ``team``, ``employer``,
  ``tool``, ``training``, ``level``, ``salary``, ``factor``, ``contract``, ``arrangement``,
  ``seniority``, ``place``, ``esco-occupation``, ``esco-skill``), ``label_fr``, ``label_en``,
  ``definition_fr``, ``definition_en`` (empty strings when absent), ``alt_labels_fr`` and
  ``alt_labels_en`` (sorted lists of ``skos:altLabel``), and ``sources``: a list of
  ``{"source", "source_label", "quote"}`` for what the sources say of the node itself. Skills
  have ``skill_type`` (``knowledge``, ``know-how``, ``human-quality``; ESCO's ``skill`` or
  ``knowledge``); missions may have ``rank``; roles have ``emerging``.
- **edges** go from a role to what it relates to (and from ESCO occupations to their skills,
  from article skills to the ESCO skills they match, from routes to their programmes), keyed by
  the predicate's prefixed name, with ``predicate``, ``label_fr``, ``label_en`` (the
  predicate's labels in the ontology) and ``sources``, the quotes the edge rests on (ESCO edges
  name ESCO). Evolution edges (``aic:canEvolveTo``) also carry ``meaning_fr``/``meaning_en``.

>>> from aicareers.build import build
>>> g = project(build(out_dir=None).graph)
>>> pe = "https://w3id.org/ai-careers/id/role/prompt-engineer"
>>> g.nodes[pe]["label_fr"], g.nodes[pe]["type"]
('Prompt Engineer', 'role')
>>> sorted(g.nodes[v]["label_en"] for _, v, k in g.out_edges(pe, keys=True) if k == "aic:canEvolveTo")
['AI architect', 'AI consultant', 'AI project lead', 'AI researcher', 'User experience (UX) expert']
>>> edge = g.edges[pe, "https://w3id.org/ai-careers/id/skill/patience", "aic:requiresSkill"]
>>> [(s["source_label"][:11], s["quote"]) for s in edge["sources"]]
[('ABC Portage', 'la patience,')]
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from .namespaces import AIC, ESCO, SCHEMA, bind_prefixes

#: rdf:type -> node type, most specific first (a node takes the first that applies).
NODE_TYPES: tuple[tuple[URIRef, str], ...] = (
    (AIC.Role, "role"),
    (AIC.Skill, "skill"),
    (AIC.Mission, "mission"),
    (AIC.Objective, "objective"),
    (AIC.ApplicationDomain, "domain"),
    (AIC.Department, "department"),
    (AIC.Team, "team"),
    (AIC.EmployerType, "employer"),
    (AIC.GenerativeAITool, "tool"),
    (AIC.TrainingProgram, "training"),
    (AIC.LearningRoute, "training"),
    (AIC.EducationLevel, "level"),
    (AIC.SalaryObservation, "salary"),
    (AIC.SalaryFactor, "factor"),
    (AIC.ContractType, "contract"),
    (AIC.WorkArrangement, "arrangement"),
    (AIC.Seniority, "seniority"),
    (AIC.Place, "place"),
    (ESCO.Occupation, "esco-occupation"),
    (ESCO.Skill, "esco-skill"),
)

#: Predicates projected as edges (subject -> object).
EDGE_PREDICATES: tuple[URIRef, ...] = (
    AIC.requiresSkill,
    AIC.hasMission,
    AIC.hasObjective,
    AIC.appliesIn,
    AIC.worksInDepartment,
    AIC.collaboratesWith,
    AIC.usesTool,
    AIC.employedBy,
    AIC.salaryFactor,
    AIC.contractType,
    AIC.workArrangement,
    AIC.learningRoute,
    AIC.canEvolveTo,
    AIC.complementaryTo,
    SCHEMA.estimatedSalary,
    AIC.educationLevel,
    AIC.seniority,
    AIC.place,
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
    ESCO.relatedEssentialSkill,
    ESCO.relatedOptionalSkill,
    AIC.relatedSkill,
)

SKILL_TYPES = {
    AIC.Knowledge: "knowledge",
    AIC.KnowHow: "know-how",
    AIC.HumanQuality: "human-quality",
    URIRef("http://data.europa.eu/esco/skill-type/skill"): "skill",
    URIRef("http://data.europa.eu/esco/skill-type/knowledge"): "knowledge",
}


def _texts(graph: Graph, node, predicate, lang: str) -> list[str]:
    return sorted(str(o) for o in graph.objects(node, predicate) if isinstance(o, Literal) and o.language == lang)


def _text(graph: Graph, node, predicate, lang: str) -> str:
    values = _texts(graph, node, predicate, lang)
    return values[0] if values else ""


def _label(graph: Graph, node, lang: str) -> str:
    label = _text(graph, node, SKOS.prefLabel, lang)
    if not label and lang != "en":  # ESCO concepts have English labels only
        label = _text(graph, node, SKOS.prefLabel, "en")
    return label or str(node).rsplit("/", 1)[-1]


def _derivations(graph: Graph, node, source_labels: dict) -> list[dict]:
    out = []
    for derivation in graph.objects(node, PROV.qualifiedDerivation):
        source = graph.value(derivation, PROV.entity)
        quote = graph.value(derivation, AIC.evidenceQuote)
        out.append({"source": str(source), "source_label": source_labels.get(source, str(source)), "quote": str(quote)})
    return sorted(out, key=lambda d: (d["source"], d["quote"]))


def project(graph: Graph) -> nx.MultiDiGraph:
    """Project ``graph`` (the union graph of a build) into a typed, labelled networkx multigraph."""
    prefixes = bind_prefixes(Graph()).namespace_manager
    g = nx.MultiDiGraph()
    source_labels = {s: _label(graph, s, "en") for s in graph.subjects(RDF.type, AIC.Source)}
    source_labels.update({s: _label(graph, s, "en") for s in graph.subjects(RDF.type, AIC.SourceDocument)})
    esco_source = {"source": "https://w3id.org/ai-careers/id/source/esco", "source_label": "ESCO, European Commission", "quote": ""}

    for rdf_class, node_type in NODE_TYPES:
        for node in sorted(graph.subjects(RDF.type, rdf_class)):
            key = str(node)
            if key in g:
                continue
            attrs = {
                "iri": key,
                "type": node_type,
                "label_fr": _label(graph, node, "fr"),
                "label_en": _label(graph, node, "en"),
                "definition_fr": _text(graph, node, SKOS.definition, "fr"),
                "definition_en": _text(graph, node, SKOS.definition, "en"),
                "alt_labels_fr": _texts(graph, node, SKOS.altLabel, "fr"),
                "alt_labels_en": _texts(graph, node, SKOS.altLabel, "en"),
                "sources": _derivations(graph, node, source_labels),
            }
            if node_type == "skill":
                attrs["skill_type"] = next((SKILL_TYPES[t] for t in graph.objects(node, RDF.type) if t in SKILL_TYPES), "")
            elif node_type == "esco-skill":
                attrs["skill_type"] = SKILL_TYPES.get(graph.value(node, ESCO.skillType), "")
            elif node_type == "mission" and graph.value(node, AIC.rank) is not None:
                attrs["rank"] = int(graph.value(node, AIC.rank))
            elif node_type == "role":
                attrs["emerging"] = (node, RDF.type, AIC.EmergingRole) in graph
            if node_type.startswith("esco-"):
                attrs["sources"] = [esco_source]
            g.add_node(key, **attrs)

    # Which sources state each triple: reified statements carry their quotes.
    stated = defaultdict(list)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        triple = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate), graph.value(statement, RDF.object))
        stated[triple].extend(_derivations(graph, statement, source_labels))
    meanings = {}
    for move in graph.subjects(RDF.type, AIC.CareerTransition):
        meanings[(graph.value(move, AIC.fromRole), graph.value(move, AIC.toRole))] = move

    for predicate in EDGE_PREDICATES:
        key = prefixes.normalizeUri(predicate)
        # Ontology terms are labelled with rdfs:label; SKOS and ESCO terms are not in the graph.
        attrs = {
            "predicate": key,
            "label_fr": _text(graph, predicate, RDFS.label, "fr") or key,
            "label_en": _text(graph, predicate, RDFS.label, "en") or key,
        }
        for s, o in sorted(graph.subject_objects(predicate)):
            if str(s) not in g or str(o) not in g:
                continue
            edge = dict(attrs)
            edge["sources"] = sorted(stated.get((s, predicate, o), []), key=lambda d: (d["source"], d["quote"]))
            if str(o).startswith("http://data.europa.eu/esco/") and predicate in (ESCO.relatedEssentialSkill, ESCO.relatedOptionalSkill, AIC.relatedSkill):
                edge["sources"] = [esco_source]
            if predicate == AIC.canEvolveTo and (s, o) in meanings:
                move = meanings[(s, o)]
                edge["meaning_fr"] = _text(graph, move, AIC.meaning, "fr")
                edge["meaning_en"] = _text(graph, move, AIC.meaning, "en")
            g.add_edge(str(s), str(o), key=key, **edge)

    # Training paths: a route leads through its programmes, in order.
    for route in sorted(graph.subjects(AIC.hasStep, None)):
        for step in graph.objects(route, AIC.hasStep):
            program, order = graph.value(step, AIC.program), graph.value(step, AIC.stepOrder)
            if str(route) in g and str(program) in g:
                g.add_edge(
                    str(route), str(program), key=f"aic:hasStep/{int(order)}", predicate="aic:hasStep",
                    label_fr=f"étape {int(order)}", label_en=f"step {int(order)}", order=int(order),
                    sources=g.nodes[str(route)]["sources"],
                )  # fmt: skip
    return g
