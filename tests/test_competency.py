"""Competency questions: the questions the graph is built to answer, with their exact answers.

Each test runs a query of the catalogue (queries/*.rq) on a fresh build and compares the rows
with the answer read from the three sources by hand.
"""

from __future__ import annotations

ESD, ABC, NEWS = "src:esd-sheet", "src:abc-article", "src:news-article"


def test_the_prompt_engineer_has_exactly_five_evolution_paths_with_their_meaning_and_quote(ask):
    rows = ask("evolution-paths", role="prompt-engineer")
    assert [(target, meaning, source) for target, _, meaning, source, _ in rows] == [
        ("role:ai-architect", "Designing and setting up generative AI model architectures.", ESD),
        ("role:ai-consultant", "Specialising in developing and optimising AI models.", ESD),
        ("role:ai-project-lead", "Managing generative AI projects.", ESD),
        ("role:ai-researcher", "Contributing to research and development of new methods in generative AI.", ESD),
        ("role:ux-expert", "Optimising the interaction between users and generative AIs.", ESD),
    ]
    quotes = {target: quote for target, _, _, _, quote in rows}
    assert quotes["role:ai-architect"] == "Architecte d’IA : conception et mise en place d’architectures de modèles d’IA générative."
    assert quotes["role:ai-researcher"].startswith("Chercheur en IA : contribution à la recherche")


def test_roles_other_than_the_prompt_engineer_have_no_evolution_path_in_the_sources(ask):
    assert ask("evolution-paths", role="ai-architect") == []


def test_the_seven_missions_come_in_the_order_of_the_school_sheet(ask):
    rows = ask("missions-in-order", role="prompt-engineer")
    assert [(rank, mission, source) for rank, mission, _, source, _ in rows] == [
        ("1", "mission:create-scenario-prompts", ESD),
        ("2", "mission:analyse-and-adjust-prompts", ESD),
        ("3", "mission:improve-models-with-developers", ESD),
        ("4", "mission:technology-watch", ESD),
        ("5", "mission:design-model-architectures", ESD),
        ("6", "mission:evaluate-ai-performance", ESD),
        ("7", "mission:research-interaction-methods", ESD),
    ]
    assert rows[0][4] == "Créer des prompts pour des scénarios spécifiques afin d’obtenir des réponses précises et pertinentes."


def test_every_salary_claim_with_its_source_amount_currency_period_and_basis(ask):
    rows = ask("salary-claims")
    found = {
        (salary, _num(low), _num(high), _num(value), currency, period, basis, seniority, place, date, reporter, relay, source)
        for salary, _, low, high, value, currency, period, basis, seniority, place, date, reporter, relay, source, _, *labels in rows
    }
    bloomberg = ("place:united-states", "2023-03", "organisation:bloomberg", "organisation:presse-citron", NEWS)
    assert found == {
        ("salary:abc-beginner-annual", 60000, 80000, None, "EUR", "aic:PerYear", "aic:BasisNotStated", "seniority:beginner", None, None, None, None, ABC),
        ("salary:abc-experienced-annual", None, 120000, None, "EUR", "aic:PerYear", "aic:BasisNotStated", "seniority:experienced", None, None, None, None, ABC),
        ("salary:abc-renowned-annual", 120000, None, None, "EUR", "aic:PerYear", "aic:BasisNotStated", "seniority:renowned", None, None, None, None, ABC),
        ("salary:esd-range-annual-gross", 25000, 60000, None, "EUR", "aic:PerYear", "aic:Gross", None, None, "2024", None, None, ESD),
        ("salary:news-headline-monthly", None, 20000, None, "EUR", "aic:PerMonth", "aic:BasisNotStated", None, None, None, None, None, NEWS),
        ("salary:news-bloomberg-us-annual-usd", None, 335000, None, "USD", "aic:PerYear", "aic:BasisNotStated", None, *bloomberg),
        ("salary:news-bloomberg-us-annual-eur", None, 303000, None, "EUR", "aic:PerYear", "aic:BasisNotStated", None, *bloomberg),
        ("salary:news-bloomberg-us-monthly-eur", None, None, 25000, "EUR", "aic:PerMonth", "aic:BasisNotStated", None, *bloomberg),
        ("salary:news-france-beginner-monthly-net", None, None, 3000, "EUR", "aic:PerMonth", "aic:Net", "seniority:beginner", "place:france", None, None, None, NEWS),
    }  # fmt: skip
    quotes = {row[0]: row[14] for row in rows}  # ?quote, before the labels
    assert quotes["salary:esd-range-annual-gross"] == (
        "Les salaires des Prompt Engineers peuvent varier entre 25 000 € et 60 000 € bruts par an, selon ces facteurs."
    )


def _num(text):
    return None if text is None else int(float(text))


def test_trainings_with_their_levels_and_ordered_steps(ask):
    rows = ask("trainings", role="prompt-engineer")
    steps = {(route, step, program, part, level) for route, _, _, _, step, program, _, part, level, *_ in rows if step}
    assert steps == {
        ("route:web-developer-bachelor-path", "1", "program:bachelor-web-developer", None, "Bac+3"),
        ("route:digital-project-then-web-path", "1", "program:bachelor-digital-project-manager", "the first two years", "Bac+3"),
        ("route:digital-project-then-web-path", "2", "program:bachelor-web-developer", "the third year", "Bac+3"),
        ("route:ai-mastere-path", "1", "program:bachelor-web-developer", None, "Bac+3"),
        ("route:ai-mastere-path", "2", "program:ai-specialised-mastere", None, "Bac+5"),
    }
    routes = {(route, kind, level, source) for route, _, kind, level, *_, source, _, _ in rows}
    assert routes == {
        ("route:web-developer-bachelor-path", "aic:TrainingPath", "Bac+3", ESD),
        ("route:digital-project-then-web-path", "aic:TrainingPath", "Bac+3", ESD),
        ("route:ai-mastere-path", "aic:TrainingPath", "Bac+5", ESD),
        ("route:domain-trainings", "aic:TrainingPath", None, ABC),
        ("route:practice-with-ai", "aic:SelfTeaching", None, ABC),
        ("route:learning-on-the-job", "aic:SelfTeaching", None, NEWS),
    }
    durations = {program: duration for _, _, _, _, _, program, _, _, _, duration, *_ in rows if program}
    assert durations == {
        "program:bachelor-web-developer": "P3Y",
        "program:bachelor-digital-project-manager": None,
        "program:ai-specialised-mastere": None,
    }


def test_the_sources_disagree_on_whether_a_diploma_is_needed(ask):
    rows = ask("diploma-claims", role="prompt-engineer")
    assert all(says and not says.startswith(("requirement:", "claim:")) for says, *_ in rows)  # words, not ids
    assert {(claim, required, requirement, source) for _, required, _, _, _, claim, requirement, source in rows} == {
        ("requirement:esd-bac-plus-5-required", "true", "level:bac-plus-5", ESD),
        ("requirement:esd-mastere-prerequisite", "true", "program:ai-specialised-mastere", ESD),
        ("requirement:news-no-diploma-required", "false", "topic:education", NEWS),
        ("claim:abc-no-official-training", None, None, ABC),
    }
    disagreements = {(a, sa, b, sb) for topic, a, sa, _, b, sb, _ in ask("disagreements") if topic == "topic:education"}
    assert disagreements == {
        ("requirement:esd-bac-plus-5-required", ESD, "requirement:news-no-diploma-required", NEWS),
        ("requirement:esd-mastere-prerequisite", ESD, "requirement:news-no-diploma-required", NEWS),
    }


def test_the_disagreements_query_pairs_no_salaries_unlike_claims_are_not_compared_in_sparql(ask):
    # salaries are compared after normalisation, like with like: tests/test_salaries.py
    assert {topic for topic, *_ in ask("disagreements")} == {"topic:education"}


def test_the_generative_ai_tools_named(ask):
    assert {(tool, source) for tool, _, source, _ in ask("tools", role="prompt-engineer")} == {
        ("tool:chatgpt", ABC),
        ("tool:chatgpt", NEWS),
        ("tool:mistral-ai", NEWS),
        ("tool:midjourney", NEWS),
    }


def test_the_departments_and_teams(ask):
    assert [(relation, what) for relation, what, *_ in ask("departments", role="prompt-engineer")] == [
        ("aic:collaboratesWith", "team:development-teams"),
        ("aic:collaboratesWith", "team:strategy-leads"),
        ("aic:collaboratesWith", "team:technical-teams"),
        ("aic:worksInDepartment", "department:innovation"),
        ("aic:worksInDepartment", "department:marketing"),
        ("aic:worksInDepartment", "department:research-and-development"),
    ]


def test_the_salary_factors_of_each_source(ask):
    found = {(factor.split(":")[1], source) for factor, _, source, _ in ask("salary-factors", role="prompt-engineer")}
    assert found == {
        ("nature-of-activity", ABC), ("client-organisation", ABC), ("experience", ABC), ("reputation", ABC),
        ("responsibilities", ESD), ("experience", ESD), ("diplomas", ESD), ("company-size", ESD),
        ("type-of-contract", ESD), ("location", ESD),
        ("location", NEWS), ("demand", NEWS),
    }  # fmt: skip


def test_the_human_qualities_with_their_french_labels(ask):
    rows = ask("human-qualities", role="prompt-engineer")
    assert {(fr, source) for _, fr, _, source, _ in rows} == {
        ("Capacité d'apprentissage", ESD),
        ("Créativité", NEWS),
        ("Curiosité", ESD),
        ("Esprit d'équipe", ABC),
        ("Esprit d'équipe", ESD),
        ("Persévérance", ABC),
        ("Patience", ABC),
        ("Polyvalence", ABC),
        ("Rigueur", ABC),
        ("Éloquence", ABC),
    }


def test_skills_are_typed_knowledge_know_how_or_human_quality(ask):
    types = {}
    sources = set()
    for _, _, _, through, _, quote, skill, skill_type, source in ask("role-skills", role="prompt-engineer"):
        if through != "article":  # the frameworks' skills and the claims are tested in test_one_definition
            continue
        types.setdefault(skill_type, set()).add(skill.split(":")[1])
        assert quote  # every row with the source's words
        if skill == "skill:prompt-formulation":
            sources.add(source)
    assert sources == {ESD, ABC, NEWS}
    assert types == {
        "aic:Knowledge": {"generative-ai-understanding", "ai-ethics"},
        "aic:KnowHow": {
            "technical-skills", "communication", "writing", "language-mastery", "prompt-formulation",
            "user-needs-understanding", "analytical-thinking", "problem-solving", "hacker-approach",
        },
        "aic:HumanQuality": {
            "versatility", "patience", "rigour", "perseverance", "eloquence", "teamwork", "curiosity",
            "learning-ability", "creativity",
        },
    }  # fmt: skip


def test_each_role_maps_to_esco_and_only_the_prompt_engineer_is_emerging(ask):
    roles = {(entity, match, esco_label, emerging) for entity, _, match, _, esco_label, emerging in ask("esco-mappings") if entity.startswith("role:")}
    assert {r for r in roles if r[2] is not None} == {
        ("role:prompt-engineer", "skos:broadMatch", "ICT intelligent systems designer", "true"),
        ("role:ai-consultant", "skos:broadMatch", "ICT consultant", "false"),
        ("role:ai-project-lead", "skos:broadMatch", "ICT project manager", "false"),
        ("role:ai-architect", "skos:closeMatch", "ICT intelligent systems designer", "false"),
        ("role:ai-architect", "skos:broadMatch", "ICT system architect", "false"),
        ("role:ux-expert", "skos:closeMatch", "user experience analyst", "false"),
        ("role:ai-researcher", "skos:broadMatch", "computer scientist", "false"),
        ("role:system-engineer", "skos:closeMatch", "ICT system architect", "false"),
        ("role:journalist", "skos:exactMatch", "journalist", "false"),
        ("role:advertiser", "skos:closeMatch", "advertising specialist", "false"),
        ("role:developer", "skos:closeMatch", "software developer", "false"),
        ("role:seo-consultant", "skos:closeMatch", "search engine optimisation expert", "false"),
    }


def test_every_role_maps_to_rome_esco_and_onet_with_a_reason(ask):
    rows = ask("framework-mappings")
    found = {(role, framework, match, code) for role, framework, match, _, code, why, *_ in rows}
    assert all(len(why) > 20 for *_, why, _, _ in rows)
    assert {(r, f, m, c) for r, f, m, c in found if r in ("Prompt engineer", "AI researcher", "AI architect")} == {
        ("Prompt engineer", "ESCO", "broad", "2511.11"),
        ("Prompt engineer", "ROME 4.0", "exact", "510533"),
        ("Prompt engineer", "ROME 4.0", "broad", "M1889"),
        ("Prompt engineer", "O*NET", "broad", "15-1221.00"),
        ("AI researcher", "ESCO", "broad", "2511.1"),
        ("AI researcher", "ROME 4.0", "broad", "K2402"),
        ("AI researcher", "O*NET", "close", "15-1221.00"),
        ("AI architect", "ESCO", "close", "2511.11"),
        ("AI architect", "ESCO", "broad", "2511.14"),
        ("AI architect", "ROME 4.0", "close", "M1889"),
        ("AI architect", "O*NET", "broad", "15-1299.08"),
    }
    # every role reaches all three frameworks
    frameworks = {}
    for role, framework, *_ in found:
        frameworks.setdefault(role, set()).add(framework)
    assert len(frameworks) == 11 and all(f == {"ESCO", "ROME 4.0", "O*NET"} for f in frameworks.values())


def test_the_prompt_engineer_and_the_system_engineer_are_compared_as_complementary(ask):
    rows = ask("role-comparisons")
    assert {row[:4] + row[5:9] for row in rows} == {(
        "comparison:prompt-engineer-vs-system-engineer", "role:prompt-engineer", "role:system-engineer", "true", ESD,
        "Prompt engineer", "System engineer", "ESD: “Prompt Engineer” glossary sheet",
    )}  # fmt: skip
    assert {row[9] for row in rows} == {
        "En revanche, le System Engineer est responsable de la conception, du déploiement et de la gestion de systèmes "
        "informatiques complexes, en s’assurant qu’ils fonctionnent de manière efficace et sécurisée.",
        "Le Prompt Engineer est spécifiquement formé pour travailler avec le modèle de langage d’intelligence artificielle "
        "et créer des réponses cohérentes et précises à partir de prompts donnés.",
        "Les deux rôles ont des compétences distinctes et complémentaires dans le domaine de l’ingénierie informatique.",
        "Prompt Engineer et System Engineer sont deux rôles différents dans le domaine de l’informatique.",
    }


def test_the_goldman_sachs_estimate_with_its_figure_and_quote(ask):
    rows = [r for r in ask("job-market") if r[0] == "claim:goldman-sachs-300-million-jobs"]
    assert [(int(float(q)), reporter, source, quote) for _, _, q, reporter, source, quote in rows] == [
        (300_000_000, "organisation:goldman-sachs", NEWS,
         "Selon un rapport publié par Goldman Sachs, environ 300 millions d’emplois pourraient être remplacés par l’IA."),
    ]  # fmt: skip


def test_every_claim_about_a_topic_comes_with_its_source_and_quote(ask):
    rows = ask("claims-about-topic", topic="education")
    assert all(says and not says.startswith(("requirement:", "claim:")) for says, *_ in rows)  # words, not ids
    assert {(claim, source) for *_, claim, source in rows} == {
        ("claim:abc-no-official-training", ABC),
        ("requirement:esd-bac-plus-5-required", ESD),
        ("requirement:esd-mastere-prerequisite", ESD),
        ("requirement:news-no-diploma-required", NEWS),
    }
    assert all(quote for _, _, quote, *_ in rows)


def test_who_says_so_answers_with_source_publisher_date_and_words(ask):
    rows = ask("who-says-so", role="prompt-engineer")
    patience = [r for r in rows if r[6] == "aic:requiresSkill" and r[7] == "skill:patience"]
    assert [(says, source, publisher, date, quote) for says, _, publisher, date, quote, _, _, _, source in patience] == [
        ("Prompt engineer — requires skill — Patience", ABC, "ABC Portage", None, "la patience,")
    ]
    esd_dates = {date for _, _, _, date, *_, source in rows if source == ESD}
    assert esd_dates == {"2024"}
    assert {source for *_, source in rows} == {ABC, ESD, NEWS}
    assert all(says and not says.startswith(("statement:", "claim:")) for says, *_ in rows)  # words, not ids


def test_shared_skills_between_the_prompt_engineer_and_the_ai_architect(ask):
    rows = ask("shared-skills", role="prompt-engineer", other="ai-architect")
    both = {label for _, label, first, second in rows if first == "true" and second == "true"}
    only_first = {label for _, label, first, second in rows if first == "true" and second == "false"}
    # Both map to ESCO's "ICT intelligent systems designer" (broad for the prompt engineer, close
    # for the AI architect), so they share its profile; the article skills are the prompt engineer's own.
    # ESCO's "principles of artificial intelligence" is the article skill it matches: one skill, one row
    assert "Understanding of generative AI" in both and "principles of artificial intelligence" not in both
    assert {"Patience", "Prompt formulation", "Teamwork"} <= only_first
    assert not any(label == "Patience" for _, label, first, second in rows if second == "true")
