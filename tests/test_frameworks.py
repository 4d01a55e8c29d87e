"""The official frameworks in the default build: what each destination role gets from ROME, ESCO and O*NET."""

from __future__ import annotations

import json

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, SKOS

from aicareers.analytics.profile import role_profile
from aicareers.namespaces import AIC, SRC

DESTINATIONS = ("AI consultant", "AI project lead", "AI architect", "User experience (UX) expert", "AI researcher")


def test_the_build_report_names_each_framework_with_its_version(built):
    frameworks = built.report["frameworks"]
    assert {k: (v["title"], v["version"]) for k, v in frameworks.items()} == {
        "esco": ("ESCO", "1.1.1"), "rome": ("ROME 4.0", "460"), "onet": ("O*NET", "29.2"),
        "crosswalk": ("ESCO to O*NET crosswalk (Mapping Career Causeways)", "2020-11"),
    }
    assert frameworks["rome"]["counts"]["job sheets"] == 56 and frameworks["onet"]["counts"]["occupations"] == 31
    assert all(v["problems"] == 0 for v in frameworks.values())
    report = built.files["build-report.md"].decode("utf-8")
    assert "| ROME 4.0 | 460 | France Travail | 56 job sheets," in report


def test_each_framework_has_a_source_node_with_its_licence_in_its_own_graph(built):
    for key, licence in (("esco", "https://creativecommons.org/licenses/by/4.0/"),
                         ("rome", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
                         ("onet", "https://creativecommons.org/licenses/by/4.0/")):
        graph = built.dataset.graph(URIRef(f"https://w3id.org/ai-careers/id/graph/{key}"))
        assert (SRC[key], URIRef("http://purl.org/dc/terms/license"), URIRef(licence)) in graph
        assert graph.value(SRC[key], OWL.versionInfo) is not None


@pytest.mark.parametrize("role", DESTINATIONS)
def test_each_destination_role_gets_a_whole_profile_from_the_frameworks(g, role):
    profile = role_profile(g, role)
    french = [s for s in profile.skills if s.label_fr and s.label_fr != s.label_en]
    assert len(french) >= 10
    assert profile.essential and profile.optional
    assert all(s.strength in ("stated", "essential") for s in profile.essential)
    assert len(profile.tasks) >= 5 and profile.technologies
    assert {p.kind for p in profile.preparation} >= {"job zone", "access conditions"}
    assert profile.onward() and profile.into()
    # every line carries its evidence: a quote, or the framework's record
    for line in (*profile.skills, *profile.tasks, *profile.technologies, *profile.preparation, *profile.moves):
        assert any(f.quote or f.record for f in line.facts), line


def test_the_ai_architects_essential_skills_with_their_records(g):
    profile = role_profile(g, "AI architect")
    by_label = {s.label_fr: s for s in profile.essential}
    optimise = by_label["Optimiser les performances des systèmes d'IA"]
    assert optimise.describe_origins() == ["ROME via Ingénieur / Ingénieure en Intelligence Artificielle (IA) (close match), core"]
    [record] = [f for f in optimise.facts if f.record and f.source_label.startswith("ROME")]
    assert record.source_label == "ROME 4.0 460 (France Travail, ROME 4.0)" and record.record.startswith("M1889 aic:coreSkill ")
    assert by_label["algorithmes"].describe_origins() == ["ESCO via ICT intelligent systems designer (close match), essential"]


def test_the_prompt_engineers_rome_moves_in_roms_order(g):
    profile = role_profile(g, "Prompt engineer")
    onward = [(m.other.key.rsplit("/", 1)[1], m.position, [r.label_en for r in m.roles]) for m in profile.onward()
              if m.framework == "ROME"]
    assert onward == [("M1846", 1, []), ("M1414", 2, []), ("M1865", 3, []), ("M1879", 4, []), ("M1892", 5, []),
                      ("K2109", 6, []), ("M1853", 7, ["AI project lead"])]
    into = [(m.other.key.rsplit("/", 1)[1], m.position) for m in profile.into() if m.framework == "ROME"]
    assert into == [("M1873", 1), ("M1892", 4)]
    first = next(m for m in profile.onward() if m.framework == "ROME")
    assert {f.record for f in first.facts} == {
        "unix_rubrique_mobilite_v460_utf8.csv: M1889 M1846",  # the framework's record of the move
        "ROME files the Prompt engineer title under M1889, AI engineer, whose sheet is wider than prompt engineering.",
    }


def test_the_ai_researchers_preparation(g):
    prep = {(p.kind, p.via.label_en): p.text for p in role_profile(g, "AI researcher").preparation}
    assert prep[("job zone", "Computer and Information Research Scientists")] == "Job Zone Five: Extensive Preparation Needed"
    assert prep[("education", "Computer and Information Research Scientists")].startswith(
        "Bachelor's Degree: 36.22%; Doctoral Degree: 28.42%")
    assert prep[("access conditions", "Ingénieur / Ingénieure de recherche scientifique")].startswith(
        "Ce métier est accessible avec un Master")


def test_the_prompt_engineer_is_a_rome_job_title(built):
    title = URIRef("https://w3id.org/ai-careers/id/rome/ogr-510533")
    pe = URIRef("https://w3id.org/ai-careers/id/role/prompt-engineer")
    assert (pe, SKOS.exactMatch, title) in built.graph
    assert (URIRef("https://w3id.org/ai-careers/id/rome/M1889"), AIC.hasJobTitle, title) in built.graph
    assert built.graph.value(title, SKOS.prefLabel) == Literal("Prompt engineer", lang="fr")


def test_the_crosswalk_carries_a_2010_code_over_only_by_its_title(built):
    graph = built.dataset.graph(URIRef("https://w3id.org/ai-careers/id/graph/nesta-crosswalk"))
    scientist = URIRef("http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30")
    [link] = graph.subjects(AIC.crosswalkFrom, scientist)
    assert graph.value(link, AIC.crosswalkTo) == URIRef("https://w3id.org/ai-careers/id/onet/15-1221.00")
    assert str(graph.value(link, SKOS.scopeNote)) == "O*NET-SOC 2010 code 15-1111.00 carried over to 15-1221.00 (same title)"
    assert str(graph.value(link, AIC.sourceRecord)) == "esco_onet_crosswalk_Nov2020.csv: id 460"


def test_the_profile_command(cli, capsys):
    assert cli(["profile", "Chercheur en IA", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Profil de Chercheur en IA")  # --lang fr: the headings are French too
    assert "Job Zone Five: Extensive Preparation Needed" in out and "Compétences essentielles (61) :" in out
    assert cli(["profile", "AI researcher", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {o["framework"] for o in data["occupations"]} == {"ESCO", "ROME", "O*NET"}
    assert data["skills"][0]["strength"] == "essential"
