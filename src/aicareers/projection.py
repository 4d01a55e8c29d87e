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
  A requirement claim saying a skill is *not* required of a role is the edge
  ``role -aic:notRequired-> skill`` (with the claim's ``statement_fr``/``statement_en`` and quote).

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
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from .namespaces import AIC, ESCO, SCHEMA, SRC, bind_prefixes

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
    (AIC.RomeJobSheet, "rome-occupation"),
    (AIC.OnetOccupation, "onet-occupation"),
    (AIC.JobTitle, "job-title"),
    (AIC.RomeKnowHow, "rome-skill"),
    (AIC.RomeSoftSkill, "rome-skill"),
    (AIC.RomeKnowledge, "rome-skill"),
    (AIC.Technology, "technology"),
    (AIC.Task, "task"),
    (AIC.WorkContext, "work-context"),
    (AIC.JobZone, "job-zone"),
)

#: Node types of the frameworks' occupations, and the framework (source key) of each.
FRAMEWORK_NODE_SOURCES = {
    "esco-occupation": "esco", "esco-skill": "esco",
    "rome-occupation": "rome", "job-title": "rome", "rome-skill": "rome", "work-context": "rome",
    "onet-occupation": "onet", "technology": "onet", "job-zone": "onet",
}  # fmt: skip

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
    AIC.coreSkill,
    AIC.specificSkill,
    AIC.emergingSkill,
    AIC.hasJobTitle,
    AIC.hasTask,
    AIC.coreTask,
    AIC.supplementalTask,
    AIC.emergingTask,
    AIC.usesTechnology,
    AIC.inDemandTechnology,
    AIC.workContext,
    AIC.jobZone,
    AIC.mobilityTo,
)
#: Framework predicates whose edges rest on the framework's record, not on an article's quote.
FRAMEWORK_PREDICATES = frozenset({
    ESCO.relatedEssentialSkill, ESCO.relatedOptionalSkill, AIC.relatedSkill, AIC.coreSkill, AIC.specificSkill,
    AIC.emergingSkill, AIC.hasJobTitle, AIC.hasTask, AIC.coreTask, AIC.supplementalTask, AIC.emergingTask,
    AIC.usesTechnology, AIC.inDemandTechnology, AIC.workContext, AIC.jobZone, AIC.mobilityTo,
})  # fmt: skip

SKILL_TYPES = {
    AIC.Knowledge: "knowledge",
    AIC.KnowHow: "know-how",
    AIC.HumanQuality: "human-quality",
    AIC.RomeKnowledge: "knowledge",
    AIC.RomeKnowHow: "know-how",
    AIC.RomeSoftSkill: "human-quality",
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
    if not label:  # many framework concepts have one language only (ROME French, O*NET English)
        label = _text(graph, node, SKOS.prefLabel, "en" if lang != "en" else "fr")
    return label or str(node).rsplit("/", 1)[-1]


def framework_sources(graph: Graph) -> dict[str, dict]:
    """Each framework's source node, as edges and nodes cite it: ``{"source", "source_label"}``.

    The label names the framework, its version (as its source node states it) and its publisher's
    attribution, e.g. "ROME 4.0 460, France Travail, ROME 4.0".
    """
    out = {}
    for key in ("esco", "rome", "onet"):
        source = SRC[key]
        version = graph.value(source, OWL.versionInfo)
        if version is None:
            continue
        title = graph.value(source, DCTERMS.title) or key
        citation = graph.value(source, DCTERMS.bibliographicCitation) or ""
        out[key] = {"source": str(source), "source_label": f"{title} {version} ({citation})", "quote": ""}
    return out


def _record(graph: Graph, node, source: dict) -> list[dict]:
    record = graph.value(node, AIC.sourceRecord)
    return [dict(source, record=str(record) if record is not None else str(node))]


def _notation(graph: Graph, node) -> str:
    value = graph.value(node, SKOS.notation)
    return str(value) if value is not None else str(node).rsplit("/", 1)[-1]


def _derivations(graph: Graph, node, source_labels: dict) -> list[dict]:
    """``source_labels`` maps each source to its English title, and under ``None`` to the map of
    its French titles (the pages show the source in the reader's language)."""
    out = []
    for derivation in graph.objects(node, PROV.qualifiedDerivation):
        source = graph.value(derivation, PROV.entity)
        quote = graph.value(derivation, AIC.evidenceQuote)
        item = {"source": str(source), "source_label": source_labels.get(source, str(source)), "quote": str(quote)}
        if source in source_labels.get(None, {}):
            item["source_label_fr"] = source_labels[None][source]
        out.append(item)
    return sorted(out, key=lambda d: (d["source"], d["quote"]))


def _task_framework(graph: Graph, node) -> str:
    source = graph.value(node, PROV.wasDerivedFrom)
    return str(source).rsplit("/", 1)[-1] if source is not None else ""


def _education(graph: Graph, occupation) -> list[dict]:
    """O*NET's shares of respondents by required level of education, largest first."""
    out = []
    for share in graph.objects(occupation, AIC.educationShare):
        category = graph.value(share, AIC.educationCategory)
        percent = graph.value(share, AIC.percentage)
        if category is None or percent is None:
            continue
        out.append({"label_en": _label(graph, category, "en"), "notation": _notation(graph, category),
                    "percent": float(percent.toPython())})
    return sorted(out, key=lambda e: (-e["percent"], e["label_en"]))


def project(graph: Graph) -> nx.MultiDiGraph:
    """Project ``graph`` (the union graph of a build) into a typed, labelled networkx multigraph."""
    prefixes = bind_prefixes(Graph()).namespace_manager
    g = nx.MultiDiGraph()
    source_labels = {s: _label(graph, s, "en") for s in graph.subjects(RDF.type, AIC.Source)}
    source_labels.update({s: _label(graph, s, "en") for s in graph.subjects(RDF.type, AIC.SourceDocument)})
    source_labels[None] = {s: _label(graph, s, "fr") for s in list(source_labels)}
    frameworks = framework_sources(graph)

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
                attrs["skill_type"] = next((SKILL_TYPES[t] for t in sorted(graph.objects(node, RDF.type)) if t in SKILL_TYPES), "")
            elif node_type == "esco-skill":
                attrs["skill_type"] = SKILL_TYPES.get(graph.value(node, ESCO.skillType), "")
            elif node_type == "mission" and graph.value(node, AIC.rank) is not None:
                attrs["rank"] = int(graph.value(node, AIC.rank))
            elif node_type == "role":
                attrs["emerging"] = (node, RDF.type, AIC.EmergingRole) in graph
            elif node_type == "rome-skill":
                attrs["skill_type"] = next((SKILL_TYPES[t] for t in sorted(graph.objects(node, RDF.type)) if t in SKILL_TYPES), "")
            elif node_type == "task" and graph.value(node, AIC.position) is not None:
                attrs["rank"] = int(graph.value(node, AIC.position))
            elif node_type == "technology":
                attrs["hot"] = graph.value(node, AIC.hotTechnology) == Literal(True)
            if node_type in FRAMEWORK_NODE_SOURCES or node_type == "task":
                framework = FRAMEWORK_NODE_SOURCES.get(node_type) or _task_framework(graph, node)
                attrs["notation"] = _notation(graph, node)
                if framework in frameworks:
                    attrs["sources"] = _record(graph, node, frameworks[framework])
                if node_type.endswith("-occupation"):
                    attrs["access_fr"] = _text(graph, node, AIC.accessConditions, "fr")
                    attrs["education"] = _education(graph, node)
            g.add_node(key, **attrs)

    # Which sources state each triple: reified statements carry their quotes.
    stated = defaultdict(list)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        triple = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate), graph.value(statement, RDF.object))
        stated[triple].extend(_derivations(graph, statement, source_labels))
    meanings = {}
    for move in graph.subjects(RDF.type, AIC.CareerTransition):
        meanings[(graph.value(move, AIC.fromRole), graph.value(move, AIC.toRole))] = move
    reasons = {}
    for mapping in graph.subjects(RDF.type, AIC.Mapping):
        triple = (graph.value(mapping, AIC.mappingSubject), graph.value(mapping, AIC.matchProperty),
                  graph.value(mapping, AIC.mappingTarget))
        reasons[triple] = {lang: _text(graph, mapping, AIC.mappingReason, lang) for lang in ("en", "fr")}
    framework_moves = {}
    for move in graph.subjects(RDF.type, AIC.OccupationMove):
        framework_moves[(graph.value(move, AIC.fromOccupation), graph.value(move, AIC.toOccupation))] = move

    for predicate in EDGE_PREDICATES:
        key = prefixes.normalizeUri(predicate)
        # Ontology terms are labelled with rdfs:label (the reused SKOS and ESCO ones too, in ontology.ttl).
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
            if predicate in FRAMEWORK_PREDICATES:
                framework = FRAMEWORK_NODE_SOURCES.get(g.nodes[str(s)]["type"])
                if framework in frameworks:
                    link = f"{_notation(graph, s)} {key} {_notation(graph, o)}"
                    edge["sources"] = [dict(frameworks[framework], record=link)]
            if predicate == AIC.mobilityTo and (s, o) in framework_moves and edge["sources"]:
                move = framework_moves[(s, o)]
                position, tier = graph.value(move, AIC.position), graph.value(move, AIC.relatednessTier)
                edge["position"] = int(position) if position is not None else None
                edge["tier"] = str(tier) if tier is not None else ""
                edge["sources"] = [dict(edge["sources"][0], record=str(graph.value(move, AIC.sourceRecord) or move))]
            if (s, predicate, o) in reasons:
                edge["reason_en"] = reasons[(s, predicate, o)]["en"]
                if reasons[(s, predicate, o)]["fr"]:
                    edge["reason_fr"] = reasons[(s, predicate, o)]["fr"]
            if predicate == AIC.canEvolveTo and (s, o) in meanings:
                move = meanings[(s, o)]
                edge["meaning_fr"] = _text(graph, move, AIC.meaning, "fr")
                edge["meaning_en"] = _text(graph, move, AIC.meaning, "en")
            g.add_edge(str(s), str(o), key=key, **edge)

    # A source saying a skill is *not* required of a role (RequirementClaim, aic:isRequired false)
    # becomes an edge role -aic:notRequired-> skill, so that a role's skill profile can let the
    # claim override a framework's generic requirement (analytics/skills.py) with its quote. Only
    # claims about skills: one about a diploma or education level is not a skill of the profile.
    for claim in sorted(graph.subjects(RDF.type, AIC.RequirementClaim)):
        role, requirement = graph.value(claim, SCHEMA.about), graph.value(claim, AIC.requirement)
        if graph.value(claim, AIC.isRequired) != Literal(False) or str(role) not in g or str(requirement) not in g:
            continue
        if g.nodes[str(role)]["type"] != "role" or g.nodes[str(requirement)]["type"] not in ("skill", "esco-skill", "rome-skill"):
            continue
        g.add_edge(
            str(role), str(requirement), key="aic:notRequired", predicate="aic:isRequired",
            label_fr="n'est pas exigé", label_en="is not required", claim=str(claim),
            statement_fr=_text(graph, claim, AIC.statement, "fr"), statement_en=_text(graph, claim, AIC.statement, "en"),
            sources=_derivations(graph, claim, source_labels),
        )  # fmt: skip

    # Training paths: a route leads through its programmes, in order. The steps are blank nodes,
    # which the store yields in hash order: sorted by their order, so pages are byte-identical.
    for route in sorted(set(graph.subjects(AIC.hasStep, None))):
        steps = [(graph.value(step, AIC.stepOrder), graph.value(step, AIC.program)) for step in graph.objects(route, AIC.hasStep)]
        for order, program in sorted(steps, key=lambda s: (int(s[0]), str(s[1]))):
            if str(route) in g and str(program) in g:
                g.add_edge(
                    str(route), str(program), key=f"aic:hasStep/{int(order)}", predicate="aic:hasStep",
                    label_fr=f"étape {int(order)}", label_en=f"step {int(order)}", order=int(order),
                    sources=g.nodes[str(route)]["sources"],
                )  # fmt: skip
    return g
