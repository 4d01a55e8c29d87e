"""The analyses of :mod:`aicareers.analytics`: exact answers on the real graph and on hand-made ones."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from aicareers.analytics import (
    UnknownNameError,
    cheapest_path,
    communities,
    evolution_paths,
    find_node,
    nearest_roles,
    path_between,
    rank_skills,
    role_similarity,
    skill_gap,
    skill_profile,
    trainings_for,
)
from aicareers.analytics import cli as analytics_cli
from aicareers.analytics._examples import example_graph, node, roles_with_skills
from aicareers.analytics.export import export, read, render
from aicareers.analytics.names import AmbiguousNameError, normalise
from aicareers.analytics.skills import role_skills
from aicareers.errors import NOT_KNOWN, InputError

ROLE = "https://w3id.org/ai-careers/id/role/"
SKILL = "https://w3id.org/ai-careers/id/skill/"
PE = ROLE + "prompt-engineer"

#: ESCO's skills of "ICT intelligent systems designer" (facts/esco), less the two the prompt
#: engineer states through equivalent article skills (develop creative ideas = Creativity,
#: principles of artificial intelligence = Understanding of generative AI). The prompt engineer
#: reaches the designer through a broad match, so it has them too (one definition on both sides):
#: they carry over to the AI architect, except computer programming, shown under its equivalent
#: article skill, Coding, which the news article says the prompt engineer does not need.
DESIGNER_SKILLS = {
    "algorithms", "analyse big data", "apply ICT systems theory", "Coding", "create data sets",
    "creatively use digital technologies", "data mining", "data models", "develop statistical software",
    "information architecture", "information extraction", "information structure",
    "Python (computer programming)", "resource description framework query language",
    "systems development life-cycle", "task algorithmisation", "unstructured data",
    "use data processing techniques",
}  # fmt: skip
#: ESCO's skills of "ICT system architect" (broad match of the AI architect) not already above,
#: nor optional for the designer (as "database development tools" is: it carries over).
SYSTEM_ARCHITECT_TO_ACQUIRE = {
    "acquire system component", "align software with system architectures",
    "design enterprise architecture", "design information system", "hardware platforms",
    "implement ICT safety policies", "integrate system components", "systems theory",
    "use an application-specific interface", "use markup languages", "web programming",
}  # fmt: skip
#: The frameworks the AI researcher's skills come from: ESCO's computer scientist and ROME's
#: K2402 (research engineer), both broad matches; O*NET's partial database has no skills.
RESEARCHER_ORIGINS = {
    "ESCO via computer scientist (broad match)",
    "ROME via Ingénieur / Ingénieure de recherche scientifique (broad match)",
}


def labels(g, nodes):
    return {g.nodes[n]["label_en"] for n in nodes}


# ------------------------------------------------------------------------------- names


def test_find_node_by_label_id_iri_any_case_and_accents(g):
    for name in ("Prompt Engineer", "prompt engineer", "PROMPT-ENGINEER", "prompt-engineer", "  Prompt   Engineer ", PE):
        assert find_node(g, name) == PE
    assert find_node(g, "chercheur en ia") == ROLE + "ai-researcher"
    assert find_node(g, "Architecte d’IA") == find_node(g, "ARCHITECTE D'IA") == ROLE + "ai-architect"
    assert find_node(g, "expert en experience utilisateur (ux)") == ROLE + "ux-expert"
    assert find_node(g, "Créativité", types=("skill",)) == SKILL + "creativity"
    assert normalise("Éloquence") == "eloquence"


def test_unknown_name_suggests(g):
    with pytest.raises(UnknownNameError) as caught:
        find_node(g, "promt enginer")
    assert caught.value.exit_status == 2
    assert caught.value.suggestions == ["Prompt engineer (prompt-engineer)", "System engineer (system-engineer)"]
    with pytest.raises(UnknownNameError, match="did you mean: Architecte d'IA"):
        find_node(g, "Architecte IA")


def test_ambiguous_name():
    h = roles_with_skills({"a": []})
    h.add_node(node("role", "b"), type="role", label_en="Twin", label_fr="Jumeau")
    h.add_node(node("role", "c"), type="role", label_en="Twin", label_fr="Jumelle")
    with pytest.raises(AmbiguousNameError, match="^role 'twin' is ambiguous: it names b, c; give the id$"):
        find_node(h, "twin")
    assert find_node(h, "b") == node("role", "b")  # an id names one node


def test_cli_bad_name_exits_2_with_suggestion(cli, capsys):
    assert cli(["path", "promt enginer"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("aicareers path: error: unknown role 'promt enginer'; did you mean: Prompt engineer")
    assert cli(["gap", "Prompt Engineer", "Chercheur IA"]) == 2
    assert "did you mean: Chercheur en IA" in capsys.readouterr().err
    assert cli(["similar", "nobody at all"]) == 2
    assert "unknown role 'nobody at all'" in capsys.readouterr().err


# ------------------------------------------------------------------------------- skills


def test_prompt_engineer_profile(g):
    profile = skill_profile(g, PE)
    article = {k for k, s in profile.items() if any(o.kind == "article" for o in s.origins)}
    assert len(article) == 20  # the 20 skills of the articles
    creativity = profile[SKILL + "creativity"]
    assert [e.label_en for e in creativity.equivalents] == ["develop creative ideas"]
    assert creativity.describe_origins() == [
        "ESCO via ICT intelligent systems designer (broad match), essential",
        "article: News article (September 2024): an AI job paid up to 20,000 euros a month",
    ]
    assert creativity.strength == "stated"  # an article states it: stronger than a framework's essential
    assert "http://data.europa.eu/esco/skill/8c4c49d4-9708-433f-8ca7-bf2c5211ee49" not in profile  # merged
    # every skill the role reaches only through broad matches (ESCO, ROME M1889) counts, marked as such
    assert {k for k, s in profile.items() if s.held} == article
    assert {k for k, s in profile.items() if s.broad_only} == set(profile) - article - {SKILL + "coding"}
    rome = [s for s in profile.values() if any(o.kind == "ROME" for o in s.origins)]
    assert "Optimiser les performances des systèmes d'IA" in {s.label_fr for s in rome}
    assert {o.describe() for s in rome for o in s.origins if o.kind == "ROME"} >= {
        "ROME via Ingénieur / Ingénieure en Intelligence Artificielle (IA) (broad match), core"}


def test_profile_of_a_role_the_articles_give_no_skill(g):
    profile = skill_profile(g, "AI researcher")
    assert {d.split(",")[0] for s in profile.values() for d in s.describe_origins()} == RESEARCHER_ORIGINS
    assert {x for s in profile.values() for x in s.sources} == {
        "ESCO 1.1.1 (ESCO, European Commission)", "ROME 4.0 460 (France Travail, ROME 4.0)"}
    by_label = {s.label_en: s for s in profile.values()}
    assert by_label["apply reverse engineering"].strength == "essential"  # ESCO essential
    assert by_label["Analyse de données expérimentales"].describe_origins() == [
        "ROME via Ingénieur / Ingénieure de recherche scientifique (broad match), core"]
    facts = {f.source_label: f.record for f in by_label["Analyse de données expérimentales"].facts}
    # the ROME record (sheet, link, item code), and the project's mapping with its reason
    assert set(facts) == {"ROME 4.0 460 (France Travail, ROME 4.0)", "the project's own mapping (no source quote)"}
    assert facts["ROME 4.0 460 (France Travail, ROME 4.0)"].startswith("K2402 aic:coreSkill ")
    assert facts["the project's own mapping (no source quote)"].startswith("ROME has no AI researcher; K2402")


# ------------------------------------------------------------------------------- paths


def test_five_evolution_paths_of_the_prompt_engineer(g):
    paths = evolution_paths(g, "Prompt Engineer")
    assert {p.labels()[-1] for p in paths} == {"AI consultant", "AI project lead", "AI architect", "User experience (UX) expert", "AI researcher"}
    assert {len(p.steps) for p in paths} == {1}
    assert all(f.source_label == "ESD: “Prompt Engineer” glossary sheet" for p in paths for f in p.evidence)


def test_path_to_ai_researcher(g):
    path = path_between(g, "Prompt Engineer", "Chercheur en IA")
    assert path.labels() == ["Prompt engineer", "AI researcher"]
    assert path.steps[0].meaning_en == "Contributing to research and development of new methods in generative AI."
    cheapest = cheapest_path(g, PE, ROLE + "ai-researcher")
    assert cheapest.labels() == path.labels()
    # the researcher's skills the prompt engineer does not have (the gap's "to acquire")
    assert {s.key for s in cheapest.steps[0].to_acquire} == set(role_skills(g, ROLE + "ai-researcher")) - set(role_skills(g, PE))
    assert cheapest.cost == len(cheapest.steps[0].to_acquire) == len(skill_gap(g, PE, ROLE + "ai-researcher").to_acquire) == 130
    assert path_between(g, "AI researcher", "Prompt Engineer") is None


def chain_with_shortcut():
    """A → B → C → D, each role adding one skill; and A → E → D, E sharing nothing."""
    return roles_with_skills(
        {
            "a": ["s1"],
            "b": ["s1", "s2"],
            "c": ["s1", "s2", "s3"],
            "d": ["s1", "s2", "s3", "s4"],
            "e": ["e1", "e2", "e3", "e4", "e5"],
        },
        [("a", "b"), ("b", "c"), ("c", "d"), ("a", "e"), ("e", "d")],
    )


def test_multi_step_paths_on_a_chain():
    g = roles_with_skills({"a": ["x"], "b": ["x"], "c": ["x"], "d": ["x"]}, [("a", "b"), ("b", "c"), ("c", "d")])
    assert [p.labels() for p in evolution_paths(g, "a")] == [["A", "B"], ["A", "B", "C"], ["A", "B", "C", "D"]]
    assert len(evolution_paths(g, "a", max_steps=2)) == 2
    assert path_between(g, "a", "d").labels() == ["A", "B", "C", "D"]
    assert cheapest_path(g, "a", "d").cost == 0


def test_cheapest_path_takes_the_longer_road_when_it_needs_fewer_skills():
    g = chain_with_shortcut()
    assert path_between(g, "a", "d").labels() == ["A", "E", "D"]
    cheapest = cheapest_path(g, "a", "d")
    assert cheapest.labels() == ["A", "B", "C", "D"]
    assert [s.cost for s in cheapest.steps] == [1, 1, 1]
    assert [[r.label_en for r in s.to_acquire] for s in cheapest.steps] == [["s2"], ["s3"], ["s4"]]


# ------------------------------------------------------------------------------- gap


def test_gap_prompt_engineer_to_ai_architect(g):
    gap = skill_gap(g, "Prompt Engineer", "Architecte d'IA")
    assert {s.label_en for s in gap.to_acquire} >= SYSTEM_ARCHITECT_TO_ACQUIRE | {"Coding"}
    assert {s.label_en for s in gap.carried_over} >= DESIGNER_SKILLS - {"Coding"}
    # essential first: 15 essential skills (ESCO essential, ROME core), then the optional ones
    strengths = [s.required.strength for s in gap.to_acquire]
    assert strengths == ["essential"] * 15 + ["optional"] * (len(strengths) - 15) and len(strengths) == 40
    # ROME's M1889 is the AI architect's close match and the prompt engineer's broad one: carried over
    assert "Optimiser les performances des systèmes d'IA" in {s.label_fr for s in gap.carried_over}
    carried = {s.label_en: [e.label_en for e in s.required.equivalents] for s in gap.carried_over if not s.held.broad_only}
    assert carried == {
        "Creativity": ["develop creative ideas"],
        "Understanding of generative AI": ["principles of artificial intelligence"],
    }
    creativity = next(s for s in gap.carried_over if s.label_en == "Creativity")
    assert creativity.skill_type == "human-quality"
    assert creativity.held.describe_origins() == ["ESCO via ICT intelligent systems designer (broad match), essential",
                                                  "article: News article (September 2024): an AI job paid up to 20,000 euros a month"]
    assert creativity.required.describe_origins() == ["ESCO via ICT intelligent systems designer (close match), essential"]
    assert len(gap.not_listed) == 18
    assert all(not s.missions for s in gap.to_acquire + gap.carried_over)
    assert any("No skill is shown serving a mission" in n for n in gap.notes)
    assert not gap.trainings.covered and any("No training in the graph covers" in n for n in gap.notes)
    assert "ESCO 1.1.1 (ESCO, European Commission)" in {f.source_label for f in gap.evidence}
    # what the frameworks say it takes to become an AI architect, each through the mapped occupation
    assert [(p.kind, p.via.label_en) for p in gap.preparation] == [
        ("job zone", "Computer Systems Engineers/Architects"), ("education", "Computer Systems Engineers/Architects"),
        ("access conditions", "Ingénieur / Ingénieure en Intelligence Artificielle (IA)")]
    assert gap.preparation[2].text.startswith("Cet emploi est accessible avec un Bac + 5 Master")


def test_gap_to_a_role_without_skills_is_unknown_not_empty():
    g = roles_with_skills({"a": ["x"], "b": []}, [("a", "b")])  # every real role has skills now
    gap = skill_gap(g, "a", "b")
    assert not gap.to_acquire and not gap.carried_over
    assert "the gap is unknown, not empty" in gap.notes[0]


def test_gap_to_the_ai_project_lead_comes_from_its_three_frameworks(g):
    gap = skill_gap(g, PE, "AI project lead")
    assert gap.notes[0] == (
        "AI project lead has no skill stated by the articles: its skills are the frameworks', through "
        "ICT project manager (broad match), Information Technology Project Managers (broad match), "
        "Chef / Cheffe de projet étude et développement informatique (broad match).")
    assert gap.preparation[0].text == "Job Zone Four: Considerable Preparation Needed"


def test_trainings_cover_only_skills_of_roles_they_lead_into(g):
    principles = "http://data.europa.eu/esco/skill/e465a154-93f7-4973-9ce1-31659fe16dd2"
    cover = trainings_for(g, [principles, "systems theory"])
    # principles of AI = Understanding of generative AI, an article skill of the prompt engineer,
    # whom six routes lead into; systems theory is ESCO's only: nothing covers it.
    assert list(cover.covered) == [SKILL + "generative-ai-understanding"]
    assert len(cover.covered[SKILL + "generative-ai-understanding"]) == 6
    mastere = next(c for c in cover.covered[SKILL + "generative-ai-understanding"] if c.route.id == "ai-mastere-path")
    assert [p.label_en for p in mastere.programmes] == ["Web Developer Bachelor", "Specialised Mastère in artificial intelligence"]
    assert [s.label_en for s in cover.uncovered] == ["systems theory"]


def test_missions_served_on_the_example():
    g = example_graph()
    gap = skill_gap(g, "writer", "chief-editor")
    proofreading = next(s for s in gap.to_acquire if s.label_en == "Proofreading")
    assert [m.label_en for m in proofreading.missions] == ["Check copy"]
    assert [c.route.label_en for c in trainings_for(g, ["Writing"]).covered[node("skill", "writing")]] == ["Journalism school"]


# ------------------------------------------------------------------------------- similarity


def test_similarity_on_the_real_graph(g):
    # both map to ESCO's ICT intelligent systems designer and ROME's M1889: 126 shared of 184 (not
    # Coding: the news article says the prompt engineer does not need it), the gap's 126 carried over
    assert role_similarity(g, "Prompt Engineer", "AI architect").score == pytest.approx(126 / 184)
    assert role_similarity(g, PE, "System engineer").score == pytest.approx(54 / 228)
    assert role_similarity(g, PE, "AI architect", method="weighted").score == pytest.approx(0.6454554, abs=1e-6)
    assert [s.b.label_en for s in nearest_roles(g, PE)] == [
        "AI architect", "AI consultant", "System engineer", "Developer", "User experience (UX) expert"]


def test_jaccard_two_of_three_shared():
    g = roles_with_skills({"a": ["x", "y", "z"], "b": ["x", "y", "w"]})
    sim = role_similarity(g, "a", "b")
    assert sim.score == 0.5
    assert [s.label_en for s in sim.shared] == ["x", "y"]
    assert [s.label_en for s in sim.only_a] == ["z"] and [s.label_en for s in sim.only_b] == ["w"]


def test_weighted_similarity_discounts_common_skills():
    # x is listed by every role, y only by a and b: sharing y says more than sharing x.
    g = roles_with_skills({"a": ["x", "y"], "b": ["x", "y"], "c": ["x", "q"], "d": ["x", "r"]})
    assert role_similarity(g, "a", "c").score == pytest.approx(1 / 3)
    assert role_similarity(g, "a", "c", method="weighted").score < 1 / 3
    assert [s.b.label_en for s in nearest_roles(g, "a", k=1)] == ["B"]


# ------------------------------------------------------------------------------- ranking


@pytest.mark.parametrize("by", ["degree", "betweenness", "pagerank"])
def test_star_centre_ranks_first(by):
    star = roles_with_skills({r: ["hub", f"{r}1"] for r in "abcd"})
    ranked = rank_skills(star, by)
    assert ranked[0].skill.label_en == "hub"
    assert ranked[0].score > ranked[1].score


def test_rank_on_the_real_graph(g):
    top = rank_skills(g, "degree")[0]
    assert top.skill.label_fr == "Faire preuve de rigueur et de précision"  # a ROME soft skill of 8 roles' sheets
    assert {r.label_en for r in top.roles} == {"AI architect", "AI consultant", "AI project lead", "AI researcher",
                                               "Developer", "Journalist", "Prompt engineer", "System engineer"}
    # every move the sources give starts from the prompt engineer, which has it: it opens none of them
    assert top.opens == ()


def test_communities_are_deterministic(g):
    first, second = communities(g), communities(g)
    assert first == second
    assert {r.label_en for c in first for r in c.roles} == labels(g, [n for n, d in g.nodes(data=True) if d["type"] == "role"])
    together = next(c for c in first if any(r.label_en == "AI architect" for r in c.roles))
    assert "System engineer" in {r.label_en for r in together.roles}


# ------------------------------------------------------------------------------- export


@pytest.mark.parametrize("format", ["graphml", "gexf"])
def test_xml_exports_read_back(g, tmp_path, format):
    path = export(g, tmp_path / f"graph.{format}", format)
    back = nx.read_graphml(path) if format == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert back.nodes[PE]["label_fr"] == "Prompt Engineer"
    assert back.nodes[ROLE + "ai-architect"]["label_fr"] == "Architecte d'IA"
    assert json.loads(back.nodes[PE]["sources"]) == g.nodes[PE]["sources"]
    if format == "gexf":
        assert back.nodes[PE]["label"] == "Prompt engineer"
        assert "lastmodifieddate" not in path.read_text(encoding="utf-8")


def test_json_export_round_trips(g, tmp_path):
    back = read(export(g, tmp_path / "graph.json"))
    assert sorted(back.edges(keys=True)) == sorted(g.edges(keys=True))
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    edge = (PE, SKILL + "patience", "aic:requiresSkill")
    assert back.edges[edge] == g.edges[edge]


@pytest.mark.parametrize("format", ["graphml", "gexf", "json"])
def test_exports_are_deterministic(g, tmp_path, format):
    first = export(g, tmp_path / "a", format).read_bytes()
    second = export(g, tmp_path / "b", format).read_bytes()
    assert first == second
    assert render(nx.MultiDiGraph(g), format) == first  # a copy gives the same bytes too


# ------------------------------------------------------------------------------- command line


def test_cli_path_lists_the_five_moves(cli, capsys):
    assert cli(["path", "Prompt Engineer"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Evolution paths from Prompt engineer (at most 3 steps): 5")
    assert "Prompt engineer → AI researcher" in out


def test_cli_path_between_with_explain(cli, capsys):
    assert cli(["path", "prompt-engineer", "Chercheur en IA", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "Path from Prompt engineer to AI researcher (fewest steps): Prompt engineer → AI researcher" in out
    assert "1 step, 130 skills to acquire on the way" in out
    assert "[ROME 4.0 460 (France Travail, ROME 4.0): K2402 aic:coreSkill " in out
    assert "[ESD: “Prompt Engineer” glossary sheet: « Chercheur en IA :" in out
    assert cli(["path", "AI researcher", "Prompt engineer"]) == NOT_KNOWN  # no source gives a way: unknown


def test_cli_gap_json(cli, capsys):
    assert cli(["gap", "Prompt Engineer", "Architecte d'IA", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (len(data["to_acquire"]), len(data["carried_over"])) == (40, 126)
    assert data["to_acquire"][0]["strength"] == "essential" and data["preparation"][0]["kind"] == "job zone"
    assert {s["label_en"] for s in data["carried_over"] if not s["broad_only"]} >= {"Creativity", "Understanding of generative AI"}
    assert data["evidence"] and all("source_label" in f for f in data["evidence"])


def test_cli_gap_table_in_french(cli, capsys):
    assert cli(["gap", "Prompt Engineer", "Chercheur en IA", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Écart de compétences de Prompt Engineer à Chercheur en IA : 130 à acquérir, 11 déjà acquises")
    assert "Job Zone Five: Extensive Preparation Needed" in out


def test_cli_headlines_in_french(cli, capsys):
    pe, architect = "Prompt Engineer", "Architecte d'IA"
    expected = {
        ("gap", pe, architect): ["Écart de compétences de Prompt Engineer à Architecte d'IA : 40 à acquérir, 126 déjà acquises",
                                 "À acquérir (40) :", "Déjà acquises (126) :",
                                 "Préparation pour Architecte d'IA, selon les référentiels :", "Remarques :"],
        ("path", pe, architect): ["Parcours de Prompt Engineer à Architecte d'IA (le moins d'étapes) : Prompt Engineer → Architecte d'IA",
                                  "1 étape, 40 compétences à acquérir en chemin"],
        ("similar", pe, architect): ["Similarité de Prompt Engineer et Architecte d'IA (weighted) : 0.6455"],
        ("profile", pe): ["Profil de Prompt Engineer", "Compétences essentielles (55) :", "Inutiles, selon une source (1) :",
                          "Missions données par les articles (15) :"],
        ("rank", "skills", "--top", "1"): ["Compétences classées par degree, le nombre de rôles qui la demandent (les 1 premières sur 855)"],
    }
    for argv, headlines in expected.items():
        assert cli([*argv, "--lang", "fr"]) == 0, argv
        lines = capsys.readouterr().out.splitlines()
        for headline in headlines:
            assert headline in lines, (argv, headline)
        assert not any(line.startswith(("Skill gap", "Path from", "Similarity", "Profile of", "Skills ranked", "To acquire",
                                        "Carried over", "Notes:", "Missions stated")) for line in lines), argv


def test_cli_wide_prints_tables_whole(cli, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    assert cli(["gap", "Prompt Engineer", "Chercheur en IA", "--wide"]) == 0
    lines = capsys.readouterr().out.splitlines()
    zone = next(line for line in lines if "Job Zone Five:" in line)
    assert "Job Zone Five: Extensive Preparation Needed" in zone and len(zone) > 60


def test_cli_tables_wrap_to_a_narrow_terminal_and_cut_nothing(cli, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    assert cli(["gap", "Prompt Engineer", "Chercheur en IA", "--lang", "fr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    zone = next(i for i, line in enumerate(lines) if "Job Zone Five:" in line)
    assert lines[zone + 1].split() == ["Extensive", "and", "Information"]
    assert lines[zone + 2].split()[:2] == ["Preparation", "Needed"]
    rows = [line for line in lines if line.startswith("  ")]  # table rows; headlines and notes are prose
    assert max(len(line) for line in rows) <= 60 and not any("…" in line for line in rows)


def test_cli_similar_and_rank(cli, capsys):
    assert cli(["similar", "Prompt Engineer", "--method", "jaccard"]) == 0
    out = capsys.readouterr().out
    assert "1  AI architect                 0.6848  126" in out
    assert cli(["similar", "Prompt Engineer", "AI architect", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["method"] == "weighted"
    assert cli(["rank", "skills", "--by", "pagerank", "--top", "3", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["label_fr"] for s in data["skills"]][0] == "Faire preuve de rigueur et de précision"
    assert cli(["rank", "communities"]) == 0
    assert "Communities of roles and skills (Louvain, seed 42)" in capsys.readouterr().out


def test_cli_export(cli, g, capsys, tmp_path):
    out = tmp_path / "g.gexf"
    nodes, edges = g.number_of_nodes(), g.number_of_edges()
    assert cli(["export", "--format", "gexf", "--out", str(out)]) == 0
    assert f"wrote {nodes} nodes and {edges} edges" in capsys.readouterr().err
    assert nx.read_gexf(out).number_of_edges() == edges
    assert cli(["export", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (len(data["nodes"]), len(data["edges"])) == (nodes, edges)


def test_load_graph_reads_n_quads(built, g, tmp_path):
    nq = tmp_path / "ai-careers.nq"
    nq.write_bytes(built.files["ai-careers.nq"])
    loaded = analytics_cli.load_graph(nq)
    assert sorted(loaded.nodes) == sorted(g.nodes)
    assert sorted(loaded.edges(keys=True)) == sorted(g.edges(keys=True))
    with pytest.raises(InputError) as caught:
        analytics_cli.load_graph(tmp_path / "missing.nq")
    assert caught.value.exit_status == 2
