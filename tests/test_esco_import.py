"""The ESCO CSV importer, the synthetic download and the committed ESCO profiles (facts/esco)."""

from __future__ import annotations

import shutil
import types
import uuid
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from aicareers.errors import InputError
from aicareers.esco import extract
from aicareers.esco.csv_import import (
    ESCO_SOURCE,
    ImportReport,
    SKILL_TYPES,
    ProblemWarning,
    import_esco,
    iter_esco_triples,
    write_esco,
)
from aicareers.esco.synthetic import main as synthetic_main
from aicareers.esco.synthetic import write_synthetic_esco
from aicareers.namespaces import AIC, ESCO, SRC
from aicareers.paths import FACTS_DIR

FIXTURE = Path(__file__).parent / "fixtures" / "esco_csv"
OCC = "http://data.europa.eu/esco/occupation/"
SK = "http://data.europa.eu/esco/skill/"

DATA_SCIENTIST = URIRef(OCC + "0f3c1a52-7d2e-4b8a-9c41-5e6f7a8b9c01")
CONVERSATIONAL_DESIGNER = URIRef(OCC + "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c02")
DATA_PROTECTION_ADVISOR = URIRef(OCC + "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d03")
BIG_DATA = URIRef(SK + "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c11")
STATISTICS = URIRef(SK + "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d12")
PYTHON = URIRef(SK + "c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e13")
ENGLISH = URIRef(SK + "d4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f14")
STAKEHOLDERS = URIRef(SK + "e5f6a7b8-c9d0-4e1f-8a2b-4c5d6e7f8a15")
UNKNOWN_SKILL = URIRef(SK + "ffffffff-0000-4000-8000-00000000dead")
RELATIONS = ESCO.relatedEssentialSkill | ESCO.relatedOptionalSkill | AIC.relatedSkill


@pytest.fixture(scope="module")
def imported() -> tuple[Graph, object]:
    return import_esco(FIXTURE)


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "esco"
    shutil.copytree(FIXTURE, target)
    return target


def replace_line(path: Path, number: int, text: str) -> None:
    """Replace physical line ``number`` (1-based) of ``path``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = text
    path.write_text("\n".join(lines), encoding="utf-8")


# ------------------------------------------------------------------------------ exact facts


def test_occupation_labels_and_description(imported):
    g, _ = imported
    assert set(g.objects(DATA_SCIENTIST, SKOS.altLabel)) == {
        en("data science specialist"), en("data scientists"), en("machine learning scientist")
    }
    assert list(g.objects(DATA_SCIENTIST, SKOS.prefLabel)) == [en("data scientist")]
    # quoted cell with commas and doubled quotes
    assert list(g.objects(DATA_SCIENTIST, SKOS.definition)) == [en(
        'Data scientists find and interpret rich data sources, manage large amounts of data and '
        '"tell stories" with data, using models.'
    )]
    # a comma inside a quoted preferred label; the hidden label is not an alt label
    assert list(g.objects(DATA_PROTECTION_ADVISOR, SKOS.prefLabel)) == [en("advisor, data protection")]
    assert set(g.objects(DATA_PROTECTION_ADVISOR, SKOS.altLabel)) == {en("data protection officer"), en("privacy advisor")}
    # empty altLabels and description cells give no triples
    assert list(g.objects(CONVERSATIONAL_DESIGNER, SKOS.altLabel)) == []
    assert list(g.objects(CONVERSATIONAL_DESIGNER, SKOS.definition)) == []
    for occupation in (DATA_SCIENTIST, CONVERSATIONAL_DESIGNER, DATA_PROTECTION_ADVISOR):
        assert set(g.objects(occupation, RDF.type)) == {ESCO.Occupation, SKOS.Concept}
        assert list(g.objects(occupation, PROV.wasDerivedFrom)) == [SRC.esco]


def test_skills_types_and_labels(imported):
    g, _ = imported
    assert g.value(STATISTICS, ESCO.skillType) == URIRef("http://data.europa.eu/esco/skill-type/knowledge")
    assert g.value(PYTHON, ESCO.skillType) == SKILL_TYPES["knowledge"]
    assert g.value(BIG_DATA, ESCO.skillType) == URIRef("http://data.europa.eu/esco/skill-type/skill")
    assert g.value(ENGLISH, ESCO.skillType) is None  # empty skillType: no type asserted
    assert set(g.objects(PYTHON, SKOS.altLabel)) == {en("Python"), en("Python 3, the language"), en("Py3K")}
    assert set(g.objects(STATISTICS, SKOS.definition)) == {en(
        "The study of statistical theory, methods and practices such as collection, organisation, analysis, "
        'interpretation and "presentation" of data.'
    )}
    for skill in (BIG_DATA, STATISTICS, PYTHON, ENGLISH, STAKEHOLDERS):
        assert set(g.objects(skill, RDF.type)) == {ESCO.Skill, SKOS.Concept}
        assert g.value(skill, PROV.wasDerivedFrom) == SRC.esco
    assert (UNKNOWN_SKILL, None, None) not in g


def test_relations(imported):
    g, report = imported
    assert set(g.objects(DATA_SCIENTIST, ESCO.relatedEssentialSkill)) == {BIG_DATA, PYTHON}
    assert set(g.objects(DATA_SCIENTIST, ESCO.relatedOptionalSkill)) == {STATISTICS}
    assert set(g.objects(DATA_PROTECTION_ADVISOR, ESCO.relatedEssentialSkill)) == {ENGLISH}
    # untyped relation: the super-property only
    assert set(g.objects(CONVERSATIONAL_DESIGNER, AIC.relatedSkill)) == {STAKEHOLDERS}
    assert set(g.objects(CONVERSATIONAL_DESIGNER, ESCO.relatedEssentialSkill | ESCO.relatedOptionalSkill)) == set()
    assert (report.occupations, report.skills, report.relations, report.untyped_relations) == (3, 5, 6, 1)
    assert (report.essential_relations, report.optional_relations) == (3, 2)
    assert report.rows == {"occupations_en.csv": 3, "skills_en.csv": 5, "occupationSkillRelations_en.csv": 7}


def test_unknown_skill_is_reported_with_file_and_line(imported):
    g, report = imported
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert Path(problem.file) == FIXTURE / "occupationSkillRelations_en.csv"
    assert problem.line == 6
    assert problem.field == "skillUri"
    assert str(UNKNOWN_SKILL) in problem.message
    assert "occupationSkillRelations_en.csv: record line 6: field skillUri:" in str(problem)
    assert not list(g.triples((None, None, UNKNOWN_SKILL)))


def test_source_node(imported):
    g, _ = imported
    s = ESCO_SOURCE
    assert s == URIRef("https://w3id.org/ai-careers/id/source/esco")
    assert g.value(s, RDF.type) == AIC.ReferenceDataset
    assert g.value(s, DCTERMS.title) == Literal("ESCO")
    assert g.value(s, OWL.versionInfo) == Literal("1.2.0")
    assert g.value(s, DCTERMS.publisher) == Literal("European Commission")
    assert g.value(s, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert g.value(s, DCTERMS.bibliographicCitation) == Literal("ESCO, European Commission", lang="en")
    assert {label.language for label in g.objects(s, RDFS.label)} == {"en", "fr"}
    g2, _ = import_esco(FIXTURE, version="1.1.1")
    assert g2.value(s, OWL.versionInfo) == Literal("1.1.1")


def test_iter_is_a_lazy_generator_and_warns_without_report(tmp_path):
    triples = iter_esco_triples(tmp_path / "nowhere")  # nothing is read before the first triple
    assert isinstance(triples, types.GeneratorType)
    with pytest.raises(InputError):
        next(triples)
    with pytest.warns(ProblemWarning, match="unknown skill"):
        n = sum(1 for _ in iter_esco_triples(FIXTURE))
    assert n == len(import_esco(FIXTURE)[0])


def test_progress_lines_on_stderr(capsys):
    import_esco(FIXTURE, progress=2)
    err = capsys.readouterr().err
    assert "esco: occupationSkillRelations_en.csv: 2 rows read" in err
    assert "esco: occupationSkillRelations_en.csv: 6 rows read" in err
    assert "esco: occupationSkillRelations_en.csv: 7 rows read, done" in err
    assert "esco: occupations_en.csv: 3 rows read, done" in err
    import_esco(FIXTURE)
    assert capsys.readouterr().err == ""


# ------------------------------------------------------------------------------ filter


def test_occupation_filter(tmp_path):
    g, report = import_esco(FIXTURE, occupations={str(DATA_SCIENTIST)})
    assert set(g.subjects(RDF.type, ESCO.Occupation)) == {DATA_SCIENTIST}
    assert set(g.subjects(RDF.type, ESCO.Skill)) == {BIG_DATA, STATISTICS, PYTHON}
    assert set(g.subject_objects(RELATIONS)) == {(DATA_SCIENTIST, BIG_DATA), (DATA_SCIENTIST, STATISTICS),
                                                 (DATA_SCIENTIST, PYTHON)}
    assert set(g.objects(STATISTICS, SKOS.altLabel)) == {en("statistical methods")}
    assert (report.occupations, report.skills, report.relations, report.filtered_relations) == (1, 3, 3, 4)
    assert report.problems == []  # the unknown skill belongs to an occupation left out

    g, report = import_esco(FIXTURE, occupations=[CONVERSATIONAL_DESIGNER, URIRef(OCC + "not-there")])
    assert set(g.subjects(RDF.type, ESCO.Skill)) == {STAKEHOLDERS}
    assert {(p.line, p.field) for p in report.problems} == {(None, "conceptUri"), (6, "skillUri")}
    assert any("not-there" in p.message and "asked for" in p.message for p in report.problems)


# ------------------------------------------------------------------------------ bad input


def test_missing_file(tmp_path):
    folder = copy_fixture(tmp_path)
    (folder / "occupations_en.csv").unlink()
    with pytest.raises(InputError) as err:
        import_esco(folder)
    assert err.value.file == str(folder / "occupations_en.csv")
    assert (err.value.record, err.value.field) == (None, None)
    assert "missing file" in err.value.message and "expected occupations_en.csv" in err.value.message
    with pytest.raises(InputError, match="expected occupations_fr.csv"):
        import_esco(FIXTURE, lang="fr")
    (folder / "occupationSkillRelations_en.csv").unlink()
    shutil.copy(FIXTURE / "occupations_en.csv", folder)
    with pytest.raises(InputError, match="missing file: expected occupationSkillRelations_en.csv"):
        import_esco(folder)


def test_missing_column(tmp_path):
    folder = copy_fixture(tmp_path)
    path = folder / "skills_en.csv"
    replace_line(path, 1, "conceptType,conceptUri,skillType,reuseLevel,prefLabel,altLabels,hiddenLabels,status,"
                          "modifiedDate,scopeNote,definition,inScheme,description")
    with pytest.raises(InputError) as err:
        import_esco(folder)
    assert err.value.file == str(path)
    assert err.value.field == "preferredLabel"
    assert "missing column 'preferredLabel'" in str(err.value)


@pytest.mark.parametrize(
    ("file", "line", "text", "field", "words"),
    [
        # wrong number of fields (after rows with multi-line cells: line numbers are physical lines)
        ("occupations_en.csv", 5, "Occupation,http://data.europa.eu/esco/occupation/x,2619,advisor",
         "altLabels", "4 fields where the header has 14"),
        ("occupationSkillRelations_en.csv", 3, f"{DATA_SCIENTIST},optional,knowledge,{STATISTICS},extra",
         "skillUri", "5 fields where the header has 4"),
        # an IRI that is not http(s)
        ("occupationSkillRelations_en.csv", 4, f"urn:x:1,essential,knowledge,{PYTHON}",
         "occupationUri", "'urn:x:1' is not an http(s) IRI"),
        ("occupationSkillRelations_en.csv", 8, f"{DATA_SCIENTIST},optional,knowledge,{SK}a b",
         "skillUri", "is not an http(s) IRI"),
        ("skills_en.csv", 9, "KnowledgeSkillCompetence,data.europa.eu/esco/skill/1,knowledge,,x,,,,,,,,",
         "conceptUri", "not an http(s) IRI"),
        # unknown skillType and relationType values
        ("skills_en.csv", 9, f"KnowledgeSkillCompetence,{SK}1,competence,,x,,,,,,,,", "skillType", "'competence'"),
        ("occupationSkillRelations_en.csv", 2, f"{DATA_SCIENTIST},mandatory,skill/competence,{BIG_DATA}",
         "relationType", "'mandatory'"),
        ("occupationSkillRelations_en.csv", 2, f"{DATA_SCIENTIST},essential,skill,{BIG_DATA}",
         "skillType", "'skill'"),
        ("occupations_en.csv", 8, "Skill,http://data.europa.eu/esco/occupation/x,,x,,,,,,,,,,", "conceptType", "'Skill'"),
    ],
)
def test_malformed_row(tmp_path, file, line, text, field, words):
    folder = copy_fixture(tmp_path)
    replace_line(folder / file, line, text)
    with pytest.raises(InputError) as err:
        import_esco(folder)
    assert err.value.file == str(folder / file)
    assert err.value.record == f"line {line}"
    assert err.value.field == field
    assert words in err.value.message
    assert str(err.value).startswith(f"{folder / file}: record line {line}: field {field}: malformed row")


def test_duplicate_concept_is_reported(tmp_path):
    folder = copy_fixture(tmp_path)
    replace_line(folder / "skills_en.csv", 10, f"KnowledgeSkillCompetence,{STATISTICS},knowledge,,statistics again,,,,,,,,")
    g, report = import_esco(folder)
    assert [(p.line, p.field) for p in report.problems] == [(10, "conceptUri"), (6, "skillUri")]
    assert "duplicate skill" in report.problems[0].message and "first on line 4" in report.problems[0].message
    assert list(g.objects(STATISTICS, SKOS.prefLabel)) == [en("statistics")]
    assert report.skills == 5


def test_bad_language_tag():
    with pytest.raises(ValueError, match="not a language tag"):
        import_esco(FIXTURE, lang="../en")


def test_malformed_csv_quoting(tmp_path):
    folder = copy_fixture(tmp_path)
    replace_line(folder / "occupationSkillRelations_en.csv", 3, f'{DATA_SCIENTIST},"optional"x,knowledge,{STATISTICS}')
    with pytest.raises(InputError, match=r"record line 3: malformed CSV"):
        import_esco(folder)


def test_write_esco_is_atomic(tmp_path):
    g, _ = import_esco(FIXTURE)
    nt, ttl = tmp_path / "esco.nt", tmp_path / "esco.ttl"
    write_esco(g, nt)
    write_esco(iter_esco_triples(FIXTURE, report=ImportReport()), ttl)  # triples, not a graph
    assert len(Graph().parse(nt, format="nt")) == len(g) == len(Graph().parse(ttl, format="turtle"))
    before = nt.read_bytes()
    write_esco(g, nt)
    assert nt.read_bytes() == before  # sorted: the same graph gives the same bytes
    # an import that fails half-way leaves the previous output as it was, and no temporary file
    folder = copy_fixture(tmp_path)
    replace_line(folder / "occupationSkillRelations_en.csv", 5, "broken,row")
    with pytest.raises(InputError):
        write_esco(iter_esco_triples(folder), nt)
    assert nt.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["esco", "esco.nt", "esco.ttl"]
    with pytest.raises(ValueError):
        write_esco(g, tmp_path / "esco.rdf")


# ------------------------------------------------------------------------------ synthetic


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    return write_synthetic_esco(tmp_path_factory.mktemp("synthetic"), scale=0.01, seed=3)


def test_synthetic_is_deterministic(synthetic, tmp_path):
    again = write_synthetic_esco(tmp_path / "again", scale=0.01, seed=3)
    names = sorted(p.name for p in synthetic.iterdir())
    assert len(names) == 6
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (synthetic / name).read_bytes() == (again / name).read_bytes(), name
    other = write_synthetic_esco(tmp_path / "other", scale=0.01, seed=4, langs=("en",))
    assert (other / "occupations_en.csv").read_bytes() != (synthetic / "occupations_en.csv").read_bytes()


def test_synthetic_imports_cleanly_with_requested_counts(synthetic):
    for lang in ("en", "fr"):
        g, report = import_esco(synthetic, lang=lang)
        assert report.problems == []
        assert (report.occupations, report.skills, report.relations) == (30, 140, 1250)
        assert report.essential_relations + report.optional_relations == 1250
        assert 0.4 < report.essential_relations / 1250 < 0.7
        labels = [o for s, o in g.subject_objects(SKOS.prefLabel) if s != ESCO_SOURCE]
        assert {label.language for label in labels if label.language} == {lang}
    fr, _ = import_esco(synthetic, lang="fr")
    en_graph, _ = import_esco(synthetic, lang="en")
    assert set(fr.subjects(RDF.type, ESCO.Skill)) == set(en_graph.subjects(RDF.type, ESCO.Skill))


def test_synthetic_shapes(synthetic):
    import csv

    with open(synthetic / "skills_en.csv", encoding="utf-8", newline="") as handle:
        skills = list(csv.DictReader(handle))
    with open(synthetic / "occupations_en.csv", encoding="utf-8", newline="") as handle:
        occupations = list(csv.DictReader(handle))
    with open(synthetic / "occupationSkillRelations_en.csv", encoding="utf-8", newline="") as handle:
        relations = list(csv.DictReader(handle))
    types_ = Counter(s["skillType"] for s in skills)
    assert 0.25 < types_["knowledge"] / len(skills) < 0.4
    assert types_["skill/competence"] > types_["knowledge"]
    alt_counts = Counter(len(c["altLabels"].splitlines()) for c in skills + occupations)
    assert set(alt_counts) <= set(range(6)) and alt_counts[0] > 0 and max(alt_counts) >= 4
    assert any("\n" in o["altLabels"] for o in occupations)
    assert any(not c["description"] for c in skills + occupations)
    assert any('"' in c["description"] for c in skills + occupations)
    for concept in skills[:20] + occupations[:20]:
        assert uuid.UUID(concept["conceptUri"].rsplit("/", 1)[1]).version == 4
    # Zipf-like: a few skills in many occupations, most in few
    degree = sorted(Counter(r["skillUri"] for r in relations).values(), reverse=True)
    assert degree[0] >= 4 * degree[len(degree) // 2]
    assert len({(r["occupationUri"], r["skillUri"]) for r in relations}) == len(relations)
    # the raw bytes: official quoting, LF line ends, multi-line quoted cells
    raw = (synthetic / "occupations_en.csv").read_text(encoding="utf-8")
    assert raw.startswith("conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,")
    assert "\r" not in raw and ',"http://data.europa.eu/esco/concept-scheme/occupations, ' in raw


def test_synthetic_command_line(tmp_path, capsys):
    assert synthetic_main([str(tmp_path / "out"), "--scale", "0.005", "--seed", "1", "--langs", "en"]) == 0
    g, report = import_esco(tmp_path / "out")
    assert (report.occupations, report.skills, report.relations, report.problems) == (15, 70, 625, [])


# ------------------------------------------------------------------------------ facts/esco

UX_ANALYST = URIRef(OCC + "faed411a-f920-4100-86a8-b877928b429c")
ICT_PROJECT_MANAGER = URIRef(OCC + "8b6388a4-4904-471b-9331-d3b1211f5525")


def test_facts_esco_imports_without_problems():
    g, report = import_esco(FACTS_DIR / "esco")
    assert report.problems == []
    assert report.occupations == 6
    assert report.relations == report.untyped_relations > 0  # relation types are not known
    assert not list(g.triples((None, ESCO.relatedEssentialSkill | ESCO.relatedOptionalSkill, None)))
    assert g.value(UX_ANALYST, SKOS.prefLabel) == en("user experience analyst")
    assert set(g.objects(UX_ANALYST, SKOS.altLabel)) == {
        en("usability analyst"), en("user experience analysts"), en("user experience officer")
    }
    assert str(g.value(UX_ANALYST, SKOS.definition)).startswith("User experience analysts assess client interaction")
    skills = {str(g.value(s, SKOS.prefLabel)): s for s in g.objects(UX_ANALYST, AIC.relatedSkill)}
    assert {"use experience map", "execute ICT user research activities", "report analysis results",
            "human-computer interaction", "application usability"} <= set(skills)
    assert skills["use experience map"] == URIRef(SK + "0737ad0a-75ac-4696-988b-565820577ac0")
    assert g.value(skills["human-computer interaction"], ESCO.skillType) == SKILL_TYPES["knowledge"]
    # ICT project manager: label and description, no skills
    assert g.value(ICT_PROJECT_MANAGER, SKOS.prefLabel) == en("ICT project manager")
    assert str(g.value(ICT_PROJECT_MANAGER, SKOS.definition)).startswith("ICT project managers schedule, control")
    assert list(g.objects(ICT_PROJECT_MANAGER, RELATIONS)) == []
    assert "relation types are unknown" in (FACTS_DIR / "esco" / "README.md").read_text(encoding="utf-8").lower()


@pytest.mark.skipif(not extract.REFERENCE_DIR.is_dir(), reason="the ESCO reference extracts are not here")
def test_facts_esco_is_what_the_extract_script_writes():
    files, report = extract.build_extract()
    for name, text in files.items():
        assert (FACTS_DIR / "esco" / name).read_text(encoding="utf-8") == text, name
    assert report.unresolved  # reported, not guessed
