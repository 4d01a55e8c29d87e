r"""A deterministic synthetic ESCO download, in the official CSV format, of any size.

Real-shaped data for tests and benchmarks without the real download: for each language,
``occupations_<lang>.csv`` and ``skills_<lang>.csv``, and the language-neutral
``occupationSkillRelations.csv``, with the official columns and quoting, multi-line ``altLabels`` cells and some empty cells. The shapes
follow ESCO's: about 1/3 of the skills are knowledge and 2/3 skill/competence; skill popularity is
skewed (Zipf-like: a few skills are related to many occupations, most to few); each concept has 0 to
5 alternative labels; relations mix essential and optional. Concept IRIs are version-4 UUIDs drawn
from the seed. The same arguments always give byte-identical files.

A synthetic download is no ESCO release: its files say no version (ESCO says it in the names of
its zips), so an import needs ``version=`` (``--esco-version``), or a folder named like a release.

Run it: ``python -m aicareers.esco.synthetic OUT_DIR [--scale 0.1] [--seed 0] [--langs en,fr]``.

>>> import tempfile, pathlib
>>> out = write_synthetic_esco(tempfile.mkdtemp(), scale=0.01, langs=("en",))
>>> sorted(p.name for p in out.iterdir())
['occupationSkillRelations.csv', 'occupations_en.csv', 'skills_en.csv']
>>> (out / "occupationSkillRelations.csv").read_text(encoding="utf-8").count("\n")  # header + 1,250 rows
1251
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import random
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from aicareers.atomic import write_atomic
from aicareers.esco.csv_import import (
    OCCUPATION_COLUMNS,
    RELATION_COLUMNS,
    RELATIONS_FILE,
    SKILL_COLUMNS,
    esco_file_names,
    render_esco_csv,
)
from aicareers.namespaces import ESCO_OCC, ESCO_SKILL

__all__ = ["write_synthetic_esco", "main"]

# ------------------------------------------------------------------------------ vocabulary
# Each entry is (English, French). Labels are built from these, the same way in every language,
# so that a concept's French labels translate its English ones.

#: (en, fr): the field of an occupation; French job titles put it after the role.
FIELDS = [
    ("data", "données"), ("software", "logiciel"), ("network", "réseau"), ("cloud", "cloud"),
    ("security", "sécurité"), ("machine learning", "apprentissage automatique"), ("web", "web"),
    ("mobile application", "applications mobiles"), ("database", "bases de données"),
    ("robotics", "robotique"), ("logistics", "logistique"), ("marketing", "marketing"),
    ("finance", "finance"), ("healthcare", "santé"), ("energy", "énergie"),
    ("construction", "construction"), ("agriculture", "agriculture"), ("retail", "commerce de détail"),
    ("quality", "qualité"), ("customer service", "service client"), ("human resources", "ressources humaines"),
    ("legal", "juridique"), ("education", "éducation"), ("media", "médias"),
    ("manufacturing", "fabrication"), ("transport", "transport"), ("insurance", "assurance"),
    ("telecommunications", "télécommunications"), ("tourism", "tourisme"), ("research", "recherche"),
    ("environment", "environnement"), ("procurement", "achats"), ("food production", "production alimentaire"),
    ("textile", "textile"), ("chemical process", "procédés chimiques"), ("mining", "exploitation minière"),
    ("aviation", "aviation"), ("maritime", "maritime"), ("sports", "sport"), ("performing arts", "arts du spectacle"),
    ("publishing", "édition"), ("banking", "banque"), ("real estate", "immobilier"), ("water supply", "eau potable"),
    ("waste management", "gestion des déchets"), ("railway", "ferroviaire"), ("automotive", "automobile"),
    ("pharmaceutical", "pharmaceutique"), ("laboratory", "laboratoire"), ("user experience", "expérience utilisateur"),
    ("game", "jeu vidéo"), ("audio", "audio"), ("video", "vidéo"), ("print", "impression"),
    ("furniture", "ameublement"), ("electrical", "électricité"), ("mechanical", "mécanique"),
    ("civil engineering", "génie civil"), ("social work", "travail social"), ("public administration", "administration publique"),
]  # fmt: skip

#: (en, fr, en synonym, fr synonym): the role of an occupation.
ROLES = [
    ("analyst", "analyste", "analysis specialist", "spécialiste de l'analyse"),
    ("engineer", "ingénieur", "engineering specialist", "spécialiste en ingénierie"),
    ("technician", "technicien", "technical officer", "agent technique"),
    ("manager", "responsable", "head", "chef"),
    ("consultant", "consultant", "advisor", "conseiller"),
    ("designer", "concepteur", "design specialist", "spécialiste de la conception"),
    ("developer", "développeur", "programmer", "programmeur"),
    ("architect", "architecte", "solution designer", "concepteur de solutions"),
    ("specialist", "spécialiste", "expert", "expert"),
    ("coordinator", "coordinateur", "organiser", "organisateur"),
    ("administrator", "administrateur", "system keeper", "gestionnaire"),
    ("inspector", "inspecteur", "examiner", "examinateur"),
    ("trainer", "formateur", "instructor", "instructeur"),
    ("researcher", "chercheur", "research officer", "chargé de recherche"),
    ("operator", "opérateur", "operative", "agent d'exploitation"),
    ("supervisor", "superviseur", "team leader", "chef d'équipe"),
    ("planner", "planificateur", "scheduler", "ordonnanceur"),
    ("auditor", "auditeur", "reviewer", "contrôleur"),
    ("tester", "testeur", "quality checker", "vérificateur"),
    ("scientist", "scientifique", "research scientist", "chercheur scientifique"),
    ("strategist", "stratège", "strategy officer", "chargé de stratégie"),
    ("assistant", "assistant", "aide", "aide"),
    ("director", "directeur", "executive", "dirigeant"),
    ("controller", "contrôleur", "monitor", "surveillant"),
    ("buyer", "acheteur", "purchaser", "responsable des achats"),
    ("broker", "courtier", "intermediary", "intermédiaire"),
    ("curator", "conservateur", "collection keeper", "gardien des collections"),
    ("editor", "rédacteur", "copy editor", "correcteur"),
    ("producer", "producteur", "production lead", "chef de production"),
    ("installer", "installateur", "fitter", "monteur"),
    ("mechanic", "mécanicien", "repairer", "réparateur"),
    ("officer", "chargé", "agent", "agent"),
    ("modeller", "modélisateur", "modelling specialist", "spécialiste de la modélisation"),
    ("steward", "gestionnaire", "custodian", "dépositaire"),
    ("evaluator", "évaluateur", "assessor", "appréciateur"),
    ("integrator", "intégrateur", "integration specialist", "spécialiste de l'intégration"),
]  # fmt: skip

#: (en prefix, fr suffix) of an occupation label.
QUALIFIERS = [("", ""), ("senior ", " senior"), ("lead ", " principal"), ("assistant ", " adjoint"), ("chief ", " en chef")]

#: (en, fr infinitive, fr 3rd person plural, en noun, fr noun): the verb of a skill.
VERBS = [
    ("analyse", "analyser", "analysent", "analysis", "analyse"),
    ("design", "concevoir", "conçoivent", "design", "conception"),
    ("maintain", "maintenir", "maintiennent", "maintenance", "maintenance"),
    ("monitor", "surveiller", "surveillent", "monitoring", "surveillance"),
    ("manage", "gérer", "gèrent", "management", "gestion"),
    ("apply", "appliquer", "appliquent", "application", "application"),
    ("develop", "développer", "développent", "development", "développement"),
    ("test", "tester", "testent", "testing", "test"),
    ("document", "documenter", "documentent", "documentation", "documentation"),
    ("evaluate", "évaluer", "évaluent", "evaluation", "évaluation"),
    ("plan", "planifier", "planifient", "planning", "planification"),
    ("install", "installer", "installent", "installation", "installation"),
    ("configure", "configurer", "configurent", "configuration", "configuration"),
    ("inspect", "inspecter", "inspectent", "inspection", "inspection"),
    ("optimise", "optimiser", "optimisent", "optimisation", "optimisation"),
    ("prepare", "préparer", "préparent", "preparation", "préparation"),
    ("review", "réviser", "révisent", "review", "révision"),
    ("coordinate", "coordonner", "coordonnent", "coordination", "coordination"),
    ("validate", "valider", "valident", "validation", "validation"),
    ("organise", "organiser", "organisent", "organisation", "organisation"),
    ("present", "présenter", "présentent", "presentation", "présentation"),
    ("interpret", "interpréter", "interprètent", "interpretation", "interprétation"),
    ("assess", "évaluer", "évaluent", "assessment", "appréciation"),
    ("implement", "mettre en œuvre", "mettent en œuvre", "implementation", "mise en œuvre"),
    ("supervise", "superviser", "supervisent", "supervision", "supervision"),
    ("repair", "réparer", "réparent", "repair", "réparation"),
    ("calibrate", "étalonner", "étalonnent", "calibration", "étalonnage"),
    ("audit", "auditer", "auditent", "audit", "audit"),
    ("model", "modéliser", "modélisent", "modelling", "modélisation"),
    ("secure", "sécuriser", "sécurisent", "securing", "sécurisation"),
    ("train staff on", "former le personnel à", "forment le personnel à", "staff training on", "formation du personnel à"),
    ("communicate", "communiquer", "communiquent", "communication", "communication"),
    ("negotiate", "négocier", "négocient", "negotiation", "négociation"),
    ("integrate", "intégrer", "intègrent", "integration", "intégration"),
    ("automate", "automatiser", "automatisent", "automation", "automatisation"),
    ("visualise", "visualiser", "visualisent", "visualisation", "visualisation"),
    ("forecast", "prévoir", "prévoient", "forecasting", "prévision"),
    ("procure", "acheter", "achètent", "procurement", "achat"),
    ("schedule", "planifier dans le temps", "planifient dans le temps", "scheduling", "ordonnancement"),
    ("label", "étiqueter", "étiquettent", "labelling", "étiquetage"),
]  # fmt: skip

#: (en, fr with article, fr without article): what a skill acts on, or a knowledge topic.
OBJECTS = [
    ("customer data", "les données client", "données client"), ("big data", "les mégadonnées", "mégadonnées"),
    ("software specifications", "les spécifications logicielles", "spécifications logicielles"),
    ("test plans", "les plans de test", "plans de test"), ("budgets", "les budgets", "budgets"),
    ("supply chains", "les chaînes d'approvisionnement", "chaînes d'approvisionnement"),
    ("network equipment", "les équipements réseau", "équipements réseau"),
    ("databases", "les bases de données", "bases de données"), ("user interfaces", "les interfaces utilisateur", "interfaces utilisateur"),
    ("machine learning models", "les modèles d'apprentissage automatique", "modèles d'apprentissage automatique"),
    ("training data sets", "les jeux de données d'entraînement", "jeux de données d'entraînement"),
    ("production schedules", "les calendriers de production", "calendriers de production"),
    ("safety procedures", "les procédures de sécurité", "procédures de sécurité"),
    ("quality standards", "les normes de qualité", "normes de qualité"), ("contracts", "les contrats", "contrats"),
    ("marketing campaigns", "les campagnes marketing", "campagnes marketing"),
    ("financial reports", "les rapports financiers", "rapports financiers"),
    ("technical documentation", "la documentation technique", "documentation technique"),
    ("cloud infrastructure", "l'infrastructure cloud", "infrastructure cloud"),
    ("security policies", "les politiques de sécurité", "politiques de sécurité"),
    ("research projects", "les projets de recherche", "projets de recherche"),
    ("statistical analyses", "les analyses statistiques", "analyses statistiques"),
    ("prototypes", "les prototypes", "prototypes"), ("work processes", "les processus de travail", "processus de travail"),
    ("inventory", "les stocks", "stocks"), ("client relationships", "les relations client", "relations client"),
    ("maintenance operations", "les opérations de maintenance", "opérations de maintenance"),
    ("electrical systems", "les systèmes électriques", "systèmes électriques"),
    ("mechanical components", "les composants mécaniques", "composants mécaniques"),
    ("laboratory samples", "les échantillons de laboratoire", "échantillons de laboratoire"),
    ("patient records", "les dossiers patients", "dossiers patients"), ("learning materials", "les supports pédagogiques", "supports pédagogiques"),
    ("legal documents", "les documents juridiques", "documents juridiques"), ("risk assessments", "les évaluations des risques", "évaluations des risques"),
    ("energy consumption", "la consommation d'énergie", "consommation d'énergie"),
    ("waste streams", "les flux de déchets", "flux de déchets"), ("sales forecasts", "les prévisions de ventes", "prévisions de ventes"),
    ("project resources", "les ressources du projet", "ressources du projet"), ("teams", "les équipes", "équipes"),
    ("software releases", "les versions logicielles", "versions logicielles"), ("APIs", "les API", "API"),
    ("data pipelines", "les chaînes de traitement de données", "chaînes de traitement de données"),
    ("dashboards", "les tableaux de bord", "tableaux de bord"), ("experiments", "les expériences", "expériences"),
    ("product requirements", "les exigences produit", "exigences produit"), ("prompts", "les requêtes", "requêtes"),
    ("language models", "les modèles de langage", "modèles de langage"), ("ontologies", "les ontologies", "ontologies"),
    ("knowledge bases", "les bases de connaissances", "bases de connaissances"), ("user research", "la recherche utilisateur", "recherche utilisateur"),
    ("accessibility requirements", "les exigences d'accessibilité", "exigences d'accessibilité"),
    ("audio recordings", "les enregistrements audio", "enregistrements audio"), ("video content", "les contenus vidéo", "contenus vidéo"),
    ("printing equipment", "les équipements d'impression", "équipements d'impression"),
    ("vehicle fleets", "les flottes de véhicules", "flottes de véhicules"), ("building plans", "les plans de bâtiment", "plans de bâtiment"),
    ("crop yields", "les rendements agricoles", "rendements agricoles"), ("food safety", "la sécurité alimentaire", "sécurité alimentaire"),
    ("chemical products", "les produits chimiques", "produits chimiques"), ("textile materials", "les matières textiles", "matières textiles"),
    ("insurance claims", "les déclarations de sinistre", "déclarations de sinistre"), ("loan applications", "les demandes de prêt", "demandes de prêt"),
    ("tenders", "les appels d'offres", "appels d'offres"), ("events", "les événements", "événements"),
    ("customer complaints", "les réclamations client", "réclamations client"), ("IT incidents", "les incidents informatiques", "incidents informatiques"),
    ("backup systems", "les systèmes de sauvegarde", "systèmes de sauvegarde"), ("sensor data", "les données de capteurs", "données de capteurs"),
    ("robotic systems", "les systèmes robotiques", "systèmes robotiques"), ("translations", "les traductions", "traductions"),
    ("open data", "les données ouvertes", "données ouvertes"), ("source code", "le code source", "code source"),
    ("server rooms", "les salles serveurs", "salles serveurs"), ("pricing", "la tarification", "tarification"),
    ("store layouts", "l'agencement des magasins", "agencement des magasins"), ("stage equipment", "le matériel de scène", "matériel de scène"),
    ("water quality", "la qualité de l'eau", "qualité de l'eau"), ("railway signals", "la signalisation ferroviaire", "signalisation ferroviaire"),
    ("aircraft parts", "les pièces d'aéronefs", "pièces d'aéronefs"), ("ship cargo", "la cargaison des navires", "cargaison des navires"),
    ("sports programmes", "les programmes sportifs", "programmes sportifs"), ("manuscripts", "les manuscrits", "manuscrits"),
    ("archives", "les archives", "archives"), ("survey results", "les résultats d'enquête", "résultats d'enquête"),
    ("public services", "les services publics", "services publics"), ("social cases", "les dossiers sociaux", "dossiers sociaux"),
]  # fmt: skip

#: (en, fr): how a skill is exercised; the first is none.
CONTEXTS = [("", ""), (" in a team", " en équipe"), (" for clients", " pour les clients"),
            (" safely", " en toute sécurité"), (" under supervision", " sous supervision"), (" remotely", " à distance")]  # fmt: skip

#: (en, fr): the heading of a knowledge concept, put before its topic; the first is none.
KNOWLEDGE_HEADS = [("", ""), ("principles of ", "principes de "), ("methods of ", "méthodes de "),
                   ("standards for ", "normes de "), ("theory of ", "théorie de "), ("tools for ", "outils de ")]  # fmt: skip

#: (en, fr): the closing sentence of some descriptions; quotes and commas on purpose.
CLOSINGS = [
    ("They follow the \"{x}\" approach, where it applies.", "Ils suivent l'approche « {x} », lorsqu'elle s'applique."),
    ("They work alone, in teams or with external partners.", "Ils travaillent seuls, en équipe ou avec des partenaires externes."),
    ("They report to management, clients and, where needed, authorities.", "Ils rendent compte à la direction, aux clients et, si besoin, aux autorités."),
    ("They may also \"coach\" junior staff.", "Ils peuvent aussi « accompagner » le personnel débutant."),
]  # fmt: skip

#: (en, fr): the closing sentence of some skill descriptions.
SKILL_CLOSINGS = [
    ("This includes \"{x}\", where relevant.", "Cela inclut « {x} », le cas échéant."),
    ("It applies to small, medium and large organisations.", "Cela s'applique aux petites, moyennes et grandes organisations."),
]

ISCO_GROUPS = [
    "1213", "1219", "1221", "1330", "2120", "2131", "2141", "2144", "2151", "2152", "2161", "2166", "2211",
    "2310", "2356", "2411", "2421", "2431", "2511", "2512", "2513", "2514", "2519", "2521", "2522", "2523",
    "2529", "2611", "2642", "3112", "3113", "3115", "3119", "3511", "3512", "3513", "3514", "3521", "3522",
    "4110", "4311", "5223", "7126", "7223", "7412", "7421", "8131", "8189", "9329",
]  # fmt: skip
REUSE_LEVELS = ["sector-specific", "occupation-specific", "cross-sector", "transversal"]
OCCUPATION_SCHEMES = "http://data.europa.eu/esco/concept-scheme/occupations, http://data.europa.eu/esco/concept-scheme/member-occupations"
SKILL_SCHEMES = "http://data.europa.eu/esco/concept-scheme/skills, http://data.europa.eu/esco/concept-scheme/member-skills"
REGULATED = "http://data.europa.eu/esco/regulated-professions/unregulated"
_EPOCH = _dt.datetime(2016, 1, 1, tzinfo=_dt.timezone.utc)

# ------------------------------------------------------------------------------ the concepts


@dataclass
class _Occupation:
    uri: str
    qualifier: int
    field: int
    role: int
    suffix: int  # >0 when the combinations ran out: a number appended to the label
    alts: list[int]  # indices into the candidate alternative labels
    hidden: bool
    description: tuple[int, ...] | None  # (verb, object, object, object, closing, topic) or None
    isco: str
    code: str
    modified: str


@dataclass
class _Skill:
    uri: str
    knowledge: bool
    skill_type: str  # "skill/competence", "knowledge" or "" (not given)
    a: int  # verb (skill) or heading (knowledge)
    obj: int
    b: int  # context (skill) or field + 1, 0 for none (knowledge)
    suffix: int
    alts: list[int]
    hidden: bool
    description: tuple[int, ...] | None
    reuse: str
    modified: str


def _iri(rng: random.Random, namespace) -> str:
    return str(namespace) + str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _modified(rng: random.Random) -> str:
    moment = _EPOCH + _dt.timedelta(seconds=rng.randrange(8 * 365 * 86400))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _distinct(rng: random.Random, size: int, count: int) -> list[tuple[int, int]]:
    """``count`` distinct (combination, suffix) pairs; the suffix numbers the combinations reused."""
    first = rng.sample(range(size), min(size, count))
    extra = [(rng.randrange(size), 1 + i // size) for i in range(count - len(first))]
    return [(c, 0) for c in first] + extra


def _alt_count(rng: random.Random) -> int:
    return rng.choices(range(6), weights=(20, 25, 22, 15, 10, 8))[0]


def _occupations(rng: random.Random, count: int) -> list[_Occupation]:
    size = len(QUALIFIERS) * len(FIELDS) * len(ROLES)
    result = []
    for combo, suffix in _distinct(rng, size, count):
        qualifier, rest = divmod(combo, len(FIELDS) * len(ROLES))
        fld, role = divmod(rest, len(ROLES))
        n_candidates = len(_occupation_alt_candidates(qualifier, fld, role, "en"))
        alts = rng.sample(range(n_candidates), min(_alt_count(rng), n_candidates))
        description = None
        if rng.random() > 0.04:
            description = (rng.randrange(len(VERBS)), *rng.sample(range(len(OBJECTS)), 3),
                           rng.randrange(len(CLOSINGS) + 2), rng.randrange(len(OBJECTS)))  # fmt: skip
        isco = rng.choice(ISCO_GROUPS)
        result.append(_Occupation(_iri(rng, ESCO_OCC), qualifier, fld, role, suffix, alts, rng.random() < 0.1,
                                  description, isco, "", _modified(rng)))  # fmt: skip
    per_group: dict[str, int] = {}
    for occ in sorted(result, key=lambda o: o.uri):
        per_group[occ.isco] = per_group.get(occ.isco, 0) + 1
        occ.code = f"{occ.isco}.{per_group[occ.isco]}"
    return result


def _skills(rng: random.Random, count: int) -> list[_Skill]:
    n_knowledge = round(count / 3)
    kinds = [True] * n_knowledge + [False] * (count - n_knowledge)
    rng.shuffle(kinds)
    skill_size = len(VERBS) * len(OBJECTS) * len(CONTEXTS)
    knowledge_size = len(KNOWLEDGE_HEADS) * len(OBJECTS) * (len(FIELDS) + 1)
    skill_combos = iter(_distinct(rng, skill_size, count - n_knowledge))
    knowledge_combos = iter(_distinct(rng, knowledge_size, n_knowledge))
    result = []
    for knowledge in kinds:
        if knowledge:
            combo, suffix = next(knowledge_combos)
            a, rest = divmod(combo, len(OBJECTS) * (len(FIELDS) + 1))
            obj, b = divmod(rest, len(FIELDS) + 1)
        else:
            combo, suffix = next(skill_combos)
            a, rest = divmod(combo, len(OBJECTS) * len(CONTEXTS))
            obj, b = divmod(rest, len(CONTEXTS))
        n_candidates = len(_skill_alt_candidates(knowledge, a, obj, b, "en"))
        alts = rng.sample(range(n_candidates), min(_alt_count(rng), n_candidates))
        skill_type = "knowledge" if knowledge else "skill/competence"
        if rng.random() < 0.005:
            skill_type = ""  # ESCO leaves a few skills untyped
        description = None
        if rng.random() > 0.03:
            description = (*rng.sample(range(len(OBJECTS)), 3), rng.randrange(len(SKILL_CLOSINGS) + 2))
        reuse = rng.choices(REUSE_LEVELS, weights=(45, 40, 12, 3))[0]
        result.append(_Skill(_iri(rng, ESCO_SKILL), knowledge, skill_type, a, obj, b, suffix, alts,
                             rng.random() < 0.08, description, reuse, _modified(rng)))  # fmt: skip
    return result


def _relations(rng: random.Random, n_occ: int, n_skill: int, count: int) -> list[list[tuple[int, bool]]]:
    """For each occupation, its (skill index, essential) pairs: distinct skills, Zipf-like popularity."""
    if count > n_occ * n_skill:
        raise ValueError(f"{count} relations cannot link {n_occ} occupations to {n_skill} skills without repeats")
    # How many skills each occupation has: log-normal around the mean, capped at the number of skills.
    weights = [rng.lognormvariate(0.0, 0.45) for _ in range(n_occ)]
    total = sum(weights)
    sizes = [min(n_skill, int(count * w / total)) for w in weights]
    order = sorted(range(n_occ), key=lambda i: -weights[i])
    missing = count - sum(sizes)
    while missing > 0:
        for i in order:
            if missing and sizes[i] < n_skill:
                sizes[i] += 1
                missing -= 1
    # Popularity: a random permutation of the skills by rank, weight 1 / (rank + c) ** 0.95 with c = 20
    # at full size (14,000 skills): the top skills go to ~1/5 of the occupations, the median skill to
    # ~4, a few % to none. c shrinks with the number of skills, so that small downloads stay skewed.
    ranks = list(range(n_skill))
    rng.shuffle(ranks)
    cumulative, acc, offset = [], 0.0, max(1.0, 20.0 * n_skill / 14000)
    for rank in ranks:
        acc += 1.0 / (rank + offset) ** 0.95
        cumulative.append(acc)
    result = []
    for size in sizes:
        chosen: dict[int, None] = {}
        attempts = 0
        while len(chosen) < size and attempts < 30 * size + 100:
            for skill in rng.choices(range(n_skill), cum_weights=cumulative, k=size - len(chosen)):
                chosen.setdefault(skill, None)
            attempts += size
        if len(chosen) < size:  # nearly every skill taken: fill up uniformly
            rest = [s for s in range(n_skill) if s not in chosen]
            for skill in rng.sample(rest, size - len(chosen)):
                chosen[skill] = None
        result.append([(skill, rng.random() < 0.55) for skill in list(chosen)[:size]])
    return result


# ------------------------------------------------------------------------------ rendering


def _fr_de(noun: str) -> str:
    return ("d'" if noun[:1].lower() in "aeiouyéèêh" else "de ") + noun


def _occupation_label(q: int, f: int, r: int, lang: str, *, plural: bool = False, synonym: bool = False) -> str:
    role = ROLES[r]
    if lang == "fr":
        word = role[3] if synonym else role[1]
        if plural:
            first, _, rest = word.partition(" ")
            word = first + ("" if first.endswith("s") else "s") + (" " + rest if rest else "")
        return f"{word} {FIELDS[f][1]}{QUALIFIERS[q][1]}"
    word = role[2] if synonym else role[0]
    if plural:
        word += "s"
    return f"{QUALIFIERS[q][0]}{FIELDS[f][0]} {word}"


def _occupation_alt_candidates(q: int, f: int, r: int, lang: str) -> list[str]:
    others = [i for i in range(len(QUALIFIERS)) if i != q]
    candidates = [
        _occupation_label(q, f, r, lang, plural=True),
        _occupation_label(q, f, r, lang, synonym=True),
        _occupation_label(q, f, r, lang, synonym=True, plural=True),
        (f"{ROLES[r][0]} in {FIELDS[f][0]}" if lang == "en" else f"{ROLES[r][1]} en {FIELDS[f][1]}"),
    ]
    candidates += [_occupation_label(o, f, r, lang) for o in others[:2]]
    return candidates


def _skill_label(knowledge: bool, a: int, obj: int, b: int, lang: str) -> str:
    if knowledge:
        head, topic = KNOWLEDGE_HEADS[a], OBJECTS[obj]
        where = "" if b == 0 else (f" in {FIELDS[b - 1][0]}" if lang == "en" else f" en {FIELDS[b - 1][1]}")
        if lang == "en":
            return f"{head[0]}{topic[0]}{where}"
        return (f"{head[1][:-4]} {_fr_de(topic[2])}" if head[1] else topic[2]) + where
    verb, thing, context = VERBS[a], OBJECTS[obj], CONTEXTS[b]
    if lang == "en":
        return f"{verb[0]} {thing[0]}{context[0]}"
    return f"{verb[1]} {thing[1]}{context[1]}"


def _skill_alt_candidates(knowledge: bool, a: int, obj: int, b: int, lang: str) -> list[str]:
    if knowledge:
        heads = [h for h in range(len(KNOWLEDGE_HEADS)) if h != a][:4]
        candidates = [_skill_label(True, h, obj, b, lang) for h in heads]
        candidates.append(_skill_label(True, a, obj, 0, lang) if b else _skill_label(True, a, obj, 1 + obj % len(FIELDS), lang))
        return candidates
    verb, thing = VERBS[a], OBJECTS[obj]
    contexts = [c for c in range(len(CONTEXTS)) if c != b][:3]
    candidates = [
        f"{thing[0]} {verb[3]}" if lang == "en" else f"{verb[4]} {_fr_de(thing[2])}",
        f"{verb[3]} of {thing[0]}" if lang == "en" else f"{verb[4]} {_fr_de(thing[2])}{CONTEXTS[b][1]}",
    ]
    candidates += [_skill_label(False, a, obj, c, lang) for c in contexts]
    return candidates


def _pick(candidates: list[str], indices: list[int], exclude: str) -> list[str]:
    picked: list[str] = []
    for i in indices:
        label = candidates[i]
        if label != exclude and label not in picked:
            picked.append(label)
    return picked


def _occupation_row(o: _Occupation, lang: str) -> list[str]:
    label = _occupation_label(o.qualifier, o.field, o.role, lang)
    if o.suffix:
        label += f" {o.suffix + 1}"
    candidates = _occupation_alt_candidates(o.qualifier, o.field, o.role, lang)
    if o.suffix:
        candidates = [c + f" {o.suffix + 1}" for c in candidates]
    alts = _pick(candidates, o.alts, label)
    hidden = alts.pop() if o.hidden and alts else ""
    description = ""
    if o.description is not None:
        v, x, y, z, closing, topic = o.description
        plural = _occupation_label(o.qualifier, o.field, o.role, lang, plural=True)
        if lang == "en":
            description = f"{plural[:1].upper()}{plural[1:]} {VERBS[v][0]} {OBJECTS[x][0]}, {OBJECTS[y][0]} and {OBJECTS[z][0]}."
        else:
            description = (f"Les {plural} {VERBS[v][2]} {OBJECTS[x][1]}, {OBJECTS[y][1]} et {OBJECTS[z][1]}.")
        if closing < len(CLOSINGS):
            description += " " + CLOSINGS[closing][0 if lang == "en" else 1].format(x=OBJECTS[topic][0 if lang == "en" else 2])
    return [
        "Occupation", o.uri, o.isco, label, "\n".join(alts), hidden, "released", o.modified, REGULATED,
        "", "", OCCUPATION_SCHEMES, description, o.code,
    ]  # fmt: skip


def _skill_row(s: _Skill, lang: str) -> list[str]:
    label = _skill_label(s.knowledge, s.a, s.obj, s.b, lang)
    candidates = _skill_alt_candidates(s.knowledge, s.a, s.obj, s.b, lang)
    if s.suffix:
        label += f" {s.suffix + 1}"
        candidates = [c + f" {s.suffix + 1}" for c in candidates]
    alts = _pick(candidates, s.alts, label)
    hidden = alts.pop() if s.hidden and alts else ""
    description = ""
    if s.description is not None:
        x, y, z, closing = s.description
        en = lang == "en"
        if s.knowledge:
            description = (f"The field of {label}, including {OBJECTS[x][0]}, {OBJECTS[y][0]} and {OBJECTS[z][0]}." if en else
                           f"Le domaine « {label} », dont {OBJECTS[x][1]}, {OBJECTS[y][1]} et {OBJECTS[z][1]}.")  # fmt: skip
        else:
            description = (f"{label[:1].upper()}{label[1:]}, taking into account {OBJECTS[x][0]} and {OBJECTS[y][0]}." if en else
                           f"{label[:1].upper()}{label[1:]}, en tenant compte {_fr_de(OBJECTS[x][2])} et {_fr_de(OBJECTS[y][2])}.")  # fmt: skip
        if closing < len(SKILL_CLOSINGS):
            description += " " + SKILL_CLOSINGS[closing][0 if en else 1].format(x=OBJECTS[z][0 if en else 2])
    return [
        "KnowledgeSkillCompetence", s.uri, s.skill_type, s.reuse, label, "\n".join(alts), hidden, "released",
        s.modified, "", "", SKILL_SCHEMES, description,
    ]  # fmt: skip


# ------------------------------------------------------------------------------ writing


def _scaled(count: int, scale: float) -> int:
    return max(1, round(count * scale))


def write_synthetic_esco(
    out_dir: str | os.PathLike,
    *,
    occupations: int = 3000,
    skills: int = 14000,
    relations: int = 125000,
    langs: tuple[str, ...] | list[str] = ("en", "fr"),
    seed: int = 0,
    scale: float = 1.0,
) -> Path:
    """Write a synthetic ESCO download into ``out_dir`` and return its path.

    ``scale`` multiplies the three counts (rounded, at least 1 each). The labels exist in English
    and French; another language gets the English labels. Each file is written atomically.

    >>> import tempfile
    >>> a = write_synthetic_esco(tempfile.mkdtemp(), occupations=4, skills=9, relations=12, seed=7)
    >>> b = write_synthetic_esco(tempfile.mkdtemp(), occupations=4, skills=9, relations=12, seed=7)
    >>> all((a / n).read_bytes() == (b / n).read_bytes() for n in esco_file_names("fr"))
    True
    >>> print((a / "occupationSkillRelations.csv").read_text(encoding="utf-8").splitlines()[0])
    occupationUri,relationType,skillType,skillUri
    """
    n_occ, n_skill, n_rel = _scaled(occupations, scale), _scaled(skills, scale), _scaled(relations, scale)
    rng = random.Random(seed)
    occ = sorted(_occupations(rng, n_occ), key=lambda o: o.uri)
    sk = _skills(rng, n_skill)
    links = _relations(rng, n_occ, n_skill, n_rel)
    sorted_skills = sorted(sk, key=lambda s: s.uri)
    relation_rows = [
        [o.uri, "essential" if essential else "optional", sk[s].skill_type, sk[s].uri]
        for o, pairs in zip(occ, links)
        for s, essential in pairs
    ]
    out = Path(out_dir)
    for lang in langs:
        render = "fr" if lang == "fr" else "en"
        occ_name, skill_name, _ = esco_file_names(lang)
        write_atomic(out / occ_name, render_esco_csv(OCCUPATION_COLUMNS, (_occupation_row(o, render) for o in occ)))
        write_atomic(out / skill_name, render_esco_csv(SKILL_COLUMNS, (_skill_row(s, render) for s in sorted_skills)))
    write_atomic(out / RELATIONS_FILE, render_esco_csv(RELATION_COLUMNS, relation_rows))
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m aicareers.esco.synthetic OUT_DIR [--scale S] [--seed N] [--langs en,fr]``."""
    parser = argparse.ArgumentParser(prog="python -m aicareers.esco.synthetic", description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", help="the folder to write the CSV files into")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the counts (3,000 / 14,000 / 125,000)")
    parser.add_argument("--seed", type=int, default=0, help="the random seed (default 0)")
    parser.add_argument("--langs", default="en,fr", help="comma-separated languages (default en,fr)")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    langs = tuple(lang.strip() for lang in args.langs.split(",") if lang.strip())
    out = write_synthetic_esco(args.out_dir, scale=args.scale, seed=args.seed, langs=langs)
    print(f"wrote a synthetic ESCO download (scale {args.scale}, seed {args.seed}, {', '.join(langs)}) to {out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
