"""The ESCO importer (official zips, older folders), its command, the synthetic download, and the
committed slice (facts/esco) with the official v1.1.1 files it is cut from."""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
import types
import uuid
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from aicareers.cli import main as aicareers_main
from aicareers.errors import InputError
from aicareers.esco import extract
from aicareers.esco.csv_import import (
    ESCO_SOURCE,
    SKILL_TYPES,
    ImportReport,
    ProblemWarning,
    download_size,
    import_esco,
    iter_esco_triples,
    resolve_download,
    write_esco,
)
from aicareers.esco.synthetic import main as synthetic_main
from aicareers.esco.synthetic import write_synthetic_esco
from aicareers.namespaces import AIC, ESCO, SRC
from aicareers.paths import FACTS_DIR, PROJECT_ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "esco_csv"  # an older download: one folder, _en files
OFFICIAL = Path(__file__).parent / "fixtures" / "esco_official"  # the official layout, one folder per zip
REAL = PROJECT_ROOT.parent / "shared" / "reference" / "esco-1.1.1"  # the official ESCO 1.1.1 zips
OCC = "http://data.europa.eu/esco/occupation/"
SK = "http://data.europa.eu/esco/skill/"

DATA_SCIENTIST = URIRef(OCC + "0f3c1a52-7d2e-4b8a-9c41-5e6f7a8b9c01")
CONVERSATIONAL_DESIGNER = URIRef(OCC + "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c02")
DATA_PROTECTION_ADVISOR = URIRef(OCC + "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d03")
GONE = URIRef(OCC + "a9e54177-0000-4000-8000-00000000dead")
BIG_DATA = URIRef(SK + "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c11")
STATISTICS = URIRef(SK + "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d12")
PYTHON = URIRef(SK + "c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e13")
ENGLISH = URIRef(SK + "d4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f14")
STAKEHOLDERS = URIRef(SK + "e5f6a7b8-c9d0-4e1f-8a2b-4c5d6e7f8a15")
STRAY = URIRef(SK + "f6a7b8c9-d0e1-4f2a-9b3c-5d6e7f8a9b16")
UNKNOWN_SKILL = URIRef(SK + "ffffffff-0000-4000-8000-00000000dead")
RELATIONS = ESCO.relatedEssentialSkill | ESCO.relatedOptionalSkill | AIC.relatedSkill
#: The version given to downloads whose names say none (the older fixture, the synthetic ones).
OLD = "1.0.8"


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def fr(text: str) -> Literal:
    return Literal(text, lang="fr")


def copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "esco"
    shutil.copytree(FIXTURE, target)
    return target


def replace_line(path: Path, number: int, text: str) -> None:
    """Replace physical line ``number`` (1-based) of ``path``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = text
    path.write_text("\n".join(lines), encoding="utf-8")


def zip_official(target: Path, names: dict[str, str] | None = None) -> list[Path]:
    """The official fixture as ESCO ships it: each folder zipped as ``<folder>.zip``, files at the root.

    ``names`` renames some zips (folder name -> zip name).
    """
    target.mkdir(parents=True, exist_ok=True)
    zips = []
    for folder in sorted(p for p in OFFICIAL.iterdir() if p.is_dir()):
        path = target / (names or {}).get(folder.name, folder.name + ".zip")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(folder.iterdir()):
                archive.write(file, file.name)
        zips.append(path)
    return zips


# ------------------------------------------------------------------------------ the official layout


@pytest.fixture(scope="module")
def official_zips(tmp_path_factory) -> list[Path]:
    return zip_official(tmp_path_factory.mktemp("official"))


@pytest.fixture(scope="module")
def official(official_zips) -> tuple[Graph, ImportReport]:
    return import_esco(official_zips)


def test_official_zips_merge_the_languages(official):
    g, report = official
    assert report.version == "1.2.0" and report.version_from == "ESCO dataset - v1.2.0 - classification - en - csv.zip"
    assert report.langs == ("en", "fr")
    # an occupation in both languages, with its code and ISCO group as plain literals
    assert set(g.objects(DATA_SCIENTIST, SKOS.prefLabel)) == {en("data scientist"), fr("scientifique des données")}
    # ESCO repeats the preferred label among the alternative ones: SKOS keeps them disjoint
    assert set(g.objects(DATA_SCIENTIST, SKOS.altLabel)) == {
        en("data research scientist"), en("data expert"), fr("data scientist"),
        fr("experte en analyse des données"), fr("expert en analyse des données"),
    }  # fmt: skip
    assert {d.language for d in g.objects(DATA_SCIENTIST, SKOS.definition)} == {"en", "fr"}
    assert list(g.objects(DATA_SCIENTIST, SKOS.notation)) == [Literal("2511.4")]
    assert list(g.objects(DATA_SCIENTIST, AIC.iscoGroup)) == [Literal("2511")]
    assert set(g.objects(DATA_SCIENTIST, RDF.type)) == {ESCO.Occupation, SKOS.Concept}
    assert list(g.objects(DATA_SCIENTIST, PROV.wasDerivedFrom)) == [SRC.esco]
    assert set(g.objects(CONVERSATIONAL_DESIGNER, SKOS.prefLabel)) == {
        en("conversational designer"), fr("concepteur conversationnel/conceptrice conversationnelle")}
    # the relations, typed
    assert set(g.objects(DATA_SCIENTIST, ESCO.relatedEssentialSkill)) == {BIG_DATA, PYTHON}
    assert set(g.objects(DATA_SCIENTIST, ESCO.relatedOptionalSkill)) == {STATISTICS}
    assert set(g.objects(CONVERSATIONAL_DESIGNER, ESCO.relatedOptionalSkill)) == {STAKEHOLDERS}
    assert (report.occupations, report.skills, report.essential_relations, report.optional_relations,
            report.untyped_relations) == (2, 4, 2, 2, 0)  # fmt: skip
    assert report.rows["occupationSkillRelations.csv"] == 5
    assert report.summary() == "2 occupations, 4 skills, 2 essential and 2 optional relations, 2 problems"


def test_french_skill_labels_come_from_the_collections(official):
    g, report = official
    assert set(g.objects(PYTHON, SKOS.prefLabel)) == {en("Python (computer programming)"),
                                                      fr("Python (programmation informatique)")}
    # the collections separate alternative labels with " | "
    assert set(g.objects(BIG_DATA, SKOS.altLabel)) == {
        en("analyse large data sets"), en("big data analysis"),
        fr("analyser de grands ensembles de données"), fr("analyse des mégadonnées"),
    }  # fmt: skip
    assert fr("Recueillir et évaluer des données numériques en grande quantité.") in set(g.objects(BIG_DATA, SKOS.definition))
    assert fr("assurer la liaison avec les parties prenantes") in set(g.objects(STAKEHOLDERS, SKOS.prefLabel))
    # a skill in no French collection keeps its English labels only
    assert {label.language for label in g.objects(STATISTICS, SKOS.prefLabel)} == {"en"}
    # English has a full skills file: its collection is not read
    assert not list(g.triples((None, None, en("Python (programming, from the collection)"))))
    assert report.collection_labels == {"fr": 3}  # big data (in two collections, the same), Python, stakeholders
    assert g.value(PYTHON, ESCO.skillType) == SKILL_TYPES["knowledge"]


def test_official_problems_name_the_zip_member_and_line(official):
    g, report = official
    where = {(p.file, p.line, p.field) for p in report.problems}
    assert where == {
        ("ESCO dataset - v1.2.0 - classification -  - csv.zip!occupationSkillRelations.csv", 5, "occupationUri"),
        ("ESCO dataset - v1.2.0 - classification - fr - csv.zip!digitalSkillsCollection_fr.csv", 4, "conceptUri"),
    }
    gone = next(p for p in report.problems if p.field == "occupationUri")
    assert str(GONE) in gone.message and "occupations_en.csv, occupations_fr.csv" in gone.message
    stray = next(p for p in report.problems if p.field == "conceptUri")
    assert str(STRAY) in stray.message and "not in skills_en.csv" in stray.message
    assert (GONE, None, None) not in g and (STRAY, None, None) not in g


def test_the_official_folders_and_a_folder_of_zips_read_alike(official, official_zips, tmp_path):
    g, report = official
    for paths in (OFFICIAL, official_zips[0].parent, [str(p) for p in official_zips]):
        g2, report2 = import_esco(paths)
        assert report2.version == "1.2.0"
        assert set(g2) == set(g), paths
    assert resolve_download(OFFICIAL).version_from.startswith("ESCO dataset - v1.2.0 - classification")
    # the download's size, for choosing a backend, from the zips' lists
    assert download_size(official_zips) == download_size(OFFICIAL) > 1000


def described(g: Graph) -> set:
    """The source node and its publisher: labelled in both languages whatever languages are imported."""
    return {ESCO_SOURCE, g.value(ESCO_SOURCE, DCTERMS.publisher)}


def test_languages_can_be_chosen(official_zips):
    g, report = import_esco(official_zips, langs=["en"])
    labels = {o.language for s, p, o in g.triples((None, SKOS.prefLabel, None)) if s not in described(g)}
    assert labels == {"en"} and report.langs == ("en",) and report.collection_labels == {}
    with pytest.raises(InputError, match=r"missing file: expected skills_fr\.csv in the ESCO download"):
        import_esco(official_zips, langs="fr")
    with pytest.raises(InputError, match="no file of language 'de'"):
        import_esco(official_zips, langs=["en", "de"])
    with pytest.raises(ValueError, match="not a language tag"):
        import_esco(official_zips, langs=["../en"])


def test_occupation_filter_on_the_official_layout(official_zips):
    g, report = import_esco(official_zips, occupations={str(CONVERSATIONAL_DESIGNER)})
    assert set(g.subjects(RDF.type, ESCO.Skill)) == {STAKEHOLDERS}
    assert fr("assurer la liaison avec les parties prenantes") in set(g.objects(STAKEHOLDERS, SKOS.prefLabel))
    assert not list(g.triples((BIG_DATA, None, None)))  # its French labels are filtered out too
    assert report.collection_labels == {"fr": 1}
    assert report.filtered_relations == 4


def test_the_version_is_read_from_the_names_or_given(official_zips, tmp_path):
    g, _ = import_esco(official_zips, version="1.1.1")  # given: it wins over the names
    assert g.value(ESCO_SOURCE, OWL.versionInfo) == Literal("1.1.1")
    plain = zip_official(tmp_path / "plain", {name: f"{i}.zip" for i, name in enumerate(sorted(
        p.name for p in OFFICIAL.iterdir() if p.is_dir()))})  # fmt: skip
    with pytest.raises(InputError) as err:
        import_esco(plain)
    assert "the ESCO version is not in these files: give --esco-version" in str(err.value)
    assert str(plain[0]) in err.value.file
    g, report = import_esco(plain, version="1.2.0")
    assert (report.version, report.version_from) == ("1.2.0", "given")
    assert g.value(ESCO_SOURCE, OWL.versionInfo) == Literal("1.2.0")
    # two releases mixed: refused
    mixed = zip_official(tmp_path / "mixed", {"ESCO dataset - v1.2.0 - classification -  - csv":
                                              "ESCO dataset - v1.1.1 - classification -  - csv.zip"})
    with pytest.raises(InputError, match=r"different ESCO versions: 1\.1\.1 \(ESCO dataset - v1\.1\.1 .*; 1\.2\.0"):
        import_esco(mixed)


def test_source_node(official):
    g, _ = official
    s = ESCO_SOURCE
    assert s == URIRef("https://w3id.org/ai-careers/id/source/esco")
    assert g.value(s, RDF.type) == AIC.ReferenceDataset
    assert g.value(s, DCTERMS.title) == Literal("ESCO")
    assert g.value(s, OWL.versionInfo) == Literal("1.2.0")
    publisher = g.value(s, DCTERMS.publisher)  # an organisation node, as a source document's publisher
    assert Literal("European Commission", lang="en") in set(g.objects(publisher, SKOS.prefLabel))
    assert g.value(s, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert g.value(s, DCTERMS.bibliographicCitation) == Literal("ESCO, European Commission", lang="en")
    assert {label.language for label in g.objects(s, RDFS.label)} == {"en", "fr"}


# ------------------------------------------------------------------------------ the command


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = aicareers_main(["import-esco", *args])
    return status, out.getvalue(), err.getvalue()


def test_command_line(official_zips, tmp_path):
    out = tmp_path / "esco.nt"
    status, stdout, stderr = run_cli(*map(str, official_zips), "--out", str(out), "--quiet")
    assert status == 0, stderr
    assert "2 occupations, 4 skills, 2 essential and 2 optional relations, 2 problems" in stdout
    assert "ESCO 1.2.0 (from 'ESCO dataset - v1.2.0 - classification - en - csv.zip'), languages en, fr" in stderr
    assert stderr.count("warning: ") == 2
    assert set(Graph().parse(out, format="nt")) == set(import_esco(official_zips)[0])
    status, stdout, _ = run_cli(*map(str, official_zips), "--out", str(tmp_path / "one.ttl"), "--lang", "en",
                                "--occupation", str(DATA_SCIENTIST), "--esco-version", "9.9", "--quiet")
    assert status == 0 and "1 occupations, 3 skills, 2 essential and 1 optional relations, 0 problems" in stdout
    assert Graph().parse(tmp_path / "one.ttl").value(ESCO_SOURCE, OWL.versionInfo) == Literal("9.9")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--out", "{tmp}/esco.rdf"], "field --out: unknown suffix '.rdf': expected .nt (N-Triples) or .ttl (Turtle)"),
        (["--out", "{tmp}/no/such/folder/esco.nt"], "field --out: no such folder"),
        (["--out", "{tmp}"], "field --out: is a folder"),
        (["--out", "{tmp}/esco.nt", "--lang", "en/"], "en/: field --lang: not a language tag"),
        (["--out", "{tmp}/esco.nt", "--esco-version", " "], "field --esco-version: empty"),
    ],
)
def test_command_line_checks_before_importing(tmp_path, args, words):
    # The download does not exist: each error must come from the check made before reading it.
    args = [a.format(tmp=tmp_path) for a in args]
    status, stdout, stderr = run_cli(str(tmp_path / "missing.zip"), *args)
    assert status == 2 and stdout == ""
    assert stderr.startswith("aicareers import-esco: error: ") and words in stderr and stderr.count("\n") == 1


def test_command_line_reports_bad_input_on_one_line(tmp_path):
    plain = zip_official(tmp_path / "plain", {name: f"{i}.zip" for i, name in enumerate(sorted(
        p.name for p in OFFICIAL.iterdir() if p.is_dir()))})  # fmt: skip
    status, _, stderr = run_cli(*map(str, plain), "--out", str(tmp_path / "x.nt"))
    assert status == 2 and "the ESCO version is not in these files: give --esco-version" in stderr
    assert stderr.count("\n") == 1 and not (tmp_path / "x.nt").exists()
    status, _, stderr = run_cli(str(tmp_path / "nowhere"), "--out", str(tmp_path / "x.nt"))
    assert status == 2 and "no such file or folder" in stderr


def test_command_line_checks_the_output_can_be_written(official_zips):
    # The check creates a file (chmod does not stop root, who runs some CI); no one, root
    # included, creates a file in /proc.
    status, _, stderr = run_cli(*map(str, official_zips), "--out", "/proc/esco.nt")
    assert status == 2 and "/proc/esco.nt: field --out: cannot be written" in stderr
    assert not Path("/proc/esco.nt").exists()


# ------------------------------------------------------------------------------ an older download


@pytest.fixture(scope="module")
def imported() -> tuple[Graph, ImportReport]:
    return import_esco(FIXTURE, version=OLD)


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
    assert g.value(DATA_SCIENTIST, SKOS.notation) == Literal("2511.4")
    assert g.value(CONVERSATIONAL_DESIGNER, AIC.iscoGroup) == Literal("2513")


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
    assert report.summary() == "3 occupations, 5 skills, 3 essential, 2 optional and 1 untyped relations, 1 problems"


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


def test_an_older_download_needs_its_version(tmp_path):
    # Its folder's name says no version, so neither does the data: the import stops, never guesses.
    with pytest.raises(InputError, match="the ESCO version is not in these files: give --esco-version"):
        import_esco(FIXTURE)
    # unpacked into a folder named like ESCO's zip, it says it
    folder = tmp_path / "ESCO dataset - v1.0.8 - classification - en - csv"
    shutil.copytree(FIXTURE, folder)
    assert import_esco(folder)[1].version == "1.0.8"


def test_iter_is_a_lazy_generator_and_warns_without_report(tmp_path):
    triples = iter_esco_triples(tmp_path / "nowhere", version=OLD)  # nothing is read before the first triple
    assert isinstance(triples, types.GeneratorType)
    with pytest.raises(InputError, match="no such file or folder"):
        next(triples)
    with pytest.warns(ProblemWarning, match="unknown skill"):
        n = sum(1 for _ in iter_esco_triples(FIXTURE, version=OLD))
    assert n == len(import_esco(FIXTURE, version=OLD)[0])


def test_progress_lines_on_stderr(capsys):
    import_esco(FIXTURE, version=OLD, progress=2)
    err = capsys.readouterr().err
    assert "esco: occupationSkillRelations_en.csv: 2 rows read" in err
    assert "esco: occupationSkillRelations_en.csv: 6 rows read" in err
    assert "esco: occupationSkillRelations_en.csv: 7 rows read, done" in err
    assert "esco: occupations_en.csv: 3 rows read, done" in err
    import_esco(FIXTURE, version=OLD)
    assert capsys.readouterr().err == ""


def test_occupation_filter(tmp_path):
    g, report = import_esco(FIXTURE, version=OLD, occupations={str(DATA_SCIENTIST)})
    assert set(g.subjects(RDF.type, ESCO.Occupation)) == {DATA_SCIENTIST}
    assert set(g.subjects(RDF.type, ESCO.Skill)) == {BIG_DATA, STATISTICS, PYTHON}
    assert set(g.subject_objects(RELATIONS)) == {(DATA_SCIENTIST, BIG_DATA), (DATA_SCIENTIST, STATISTICS),
                                                 (DATA_SCIENTIST, PYTHON)}
    assert set(g.objects(STATISTICS, SKOS.altLabel)) == {en("statistical methods")}
    assert (report.occupations, report.skills, report.relations, report.filtered_relations) == (1, 3, 3, 4)
    assert report.problems == []  # the unknown skill belongs to an occupation left out

    g, report = import_esco(FIXTURE, version=OLD, occupations=[CONVERSATIONAL_DESIGNER, URIRef(OCC + "not-there")])
    assert set(g.subjects(RDF.type, ESCO.Skill)) == {STAKEHOLDERS}
    assert {(p.line, p.field) for p in report.problems} == {(None, "conceptUri"), (6, "skillUri")}
    assert any("not-there" in p.message and "asked for" in p.message for p in report.problems)


# ------------------------------------------------------------------------------ bad input


def test_missing_file(tmp_path):
    folder = copy_fixture(tmp_path)
    (folder / "occupations_en.csv").unlink()
    with pytest.raises(InputError) as err:
        import_esco(folder, version=OLD)
    assert err.value.file == str(folder)
    assert (err.value.record, err.value.field) == (None, None)
    assert "missing file" in err.value.message and "expected occupations_en.csv" in err.value.message
    with pytest.raises(InputError, match="no file of language 'fr'"):
        import_esco(FIXTURE, version=OLD, langs="fr")
    (folder / "occupationSkillRelations_en.csv").unlink()
    shutil.copy(FIXTURE / "occupations_en.csv", folder)
    with pytest.raises(InputError, match="missing file: expected occupationSkillRelations.csv"):
        import_esco(folder, version=OLD)


def test_missing_column(tmp_path):
    folder = copy_fixture(tmp_path)
    path = folder / "skills_en.csv"
    replace_line(path, 1, "conceptType,conceptUri,skillType,reuseLevel,prefLabel,altLabels,hiddenLabels,status,"
                          "modifiedDate,scopeNote,definition,inScheme,description")
    with pytest.raises(InputError) as err:
        import_esco(folder, version=OLD)
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
        import_esco(folder, version=OLD)
    assert err.value.file == str(folder / file)
    assert err.value.record == f"line {line}"
    assert err.value.field == field
    assert words in err.value.message
    assert str(err.value).startswith(f"{folder / file}: record line {line}: field {field}: malformed row")


def test_malformed_row_in_a_zip_names_the_member(tmp_path):
    folder = tmp_path / "ESCO dataset - v1.2.0 - classification -  - csv"
    shutil.copytree(OFFICIAL / folder.name, folder)
    replace_line(folder / "occupationSkillRelations.csv", 3, f"{DATA_SCIENTIST},sometimes,knowledge,{STATISTICS}")
    zips = zip_official(tmp_path / "zips")
    broken = next(z for z in zips if z.name == folder.name + ".zip")
    with zipfile.ZipFile(broken, "w") as archive:
        archive.write(folder / "occupationSkillRelations.csv", "occupationSkillRelations.csv")
    with pytest.raises(InputError) as err:
        import_esco(zips)
    assert str(err.value).startswith(f"{broken.name}!occupationSkillRelations.csv: record line 3: field relationType: "
                                     "malformed row: relationType 'sometimes'")


def test_duplicate_concept_is_reported(tmp_path):
    folder = copy_fixture(tmp_path)
    replace_line(folder / "skills_en.csv", 10, f"KnowledgeSkillCompetence,{STATISTICS},knowledge,,statistics again,,,,,,,,")
    g, report = import_esco(folder, version=OLD)
    assert [(p.line, p.field) for p in report.problems] == [(10, "conceptUri"), (6, "skillUri")]
    assert "duplicate skill" in report.problems[0].message and "first on line 4" in report.problems[0].message
    assert list(g.objects(STATISTICS, SKOS.prefLabel)) == [en("statistics")]
    assert report.skills == 5


def test_bad_arguments():
    with pytest.raises(ValueError, match="not a language tag"):
        import_esco(FIXTURE, langs="../en")
    with pytest.raises(ValueError, match="version must be a non-empty string"):
        import_esco(FIXTURE, version="")


def test_malformed_csv_quoting(tmp_path):
    folder = copy_fixture(tmp_path)
    replace_line(folder / "occupationSkillRelations_en.csv", 3, f'{DATA_SCIENTIST},"optional"x,knowledge,{STATISTICS}')
    with pytest.raises(InputError, match=r"record line 3: malformed CSV"):
        import_esco(folder, version=OLD)


def test_write_esco_is_atomic(tmp_path):
    g, _ = import_esco(FIXTURE, version=OLD)
    nt, ttl = tmp_path / "esco.nt", tmp_path / "esco.ttl"
    assert write_esco(g, nt) == len(g)
    assert write_esco(iter_esco_triples(FIXTURE, version=OLD, report=ImportReport()), ttl) == len(g)  # triples
    assert len(Graph().parse(nt, format="nt")) == len(g) == len(Graph().parse(ttl, format="turtle"))
    before = nt.read_bytes()
    # the same bytes as rdflib's own N-Triples serialiser, sorted
    assert before.decode("utf-8").splitlines() == sorted(
        line for line in g.serialize(format="nt").splitlines() if line.strip())
    write_esco(iter_esco_triples(FIXTURE, version=OLD, report=ImportReport()), nt)
    assert nt.read_bytes() == before  # sorted: a graph and its stream of triples give the same bytes
    # an import that fails half-way leaves the previous output as it was, and no temporary file
    folder = copy_fixture(tmp_path)
    replace_line(folder / "occupationSkillRelations_en.csv", 5, "broken,row")
    with pytest.raises(InputError):
        write_esco(iter_esco_triples(folder, version=OLD), nt)
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
    assert names == ["occupationSkillRelations.csv", "occupations_en.csv", "occupations_fr.csv", "skills_en.csv",
                     "skills_fr.csv"]
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (synthetic / name).read_bytes() == (again / name).read_bytes(), name
    other = write_synthetic_esco(tmp_path / "other", scale=0.01, seed=4, langs=("en",))
    assert (other / "occupations_en.csv").read_bytes() != (synthetic / "occupations_en.csv").read_bytes()


def test_synthetic_imports_cleanly_with_requested_counts(synthetic):
    for lang in ("en", "fr"):
        g, report = import_esco(synthetic, langs=lang, version=OLD)
        assert report.problems == []
        assert (report.occupations, report.skills, report.relations) == (30, 140, 1250)
        assert report.essential_relations + report.optional_relations == 1250
        assert 0.4 < report.essential_relations / 1250 < 0.7
        labels = [o for s, o in g.subject_objects(SKOS.prefLabel) if s not in described(g)]
        assert {label.language for label in labels if label.language} == {lang}
    both, report = import_esco(synthetic, version=OLD)  # both languages merged
    assert report.langs == ("en", "fr") and (report.occupations, report.skills, report.relations) == (30, 140, 1250)
    fr_graph, _ = import_esco(synthetic, langs="fr", version=OLD)
    en_graph, _ = import_esco(synthetic, langs="en", version=OLD)
    assert set(fr_graph.subjects(RDF.type, ESCO.Skill)) == set(en_graph.subjects(RDF.type, ESCO.Skill))
    assert set(both) == set(fr_graph) | set(en_graph)


def test_synthetic_shapes(synthetic):
    with open(synthetic / "skills_en.csv", encoding="utf-8", newline="") as handle:
        skills = list(csv.DictReader(handle))
    with open(synthetic / "occupations_en.csv", encoding="utf-8", newline="") as handle:
        occupations = list(csv.DictReader(handle))
    with open(synthetic / "occupationSkillRelations.csv", encoding="utf-8", newline="") as handle:
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
    g, report = import_esco(tmp_path / "out", version=OLD)
    assert (report.occupations, report.skills, report.relations, report.problems) == (15, 70, 625, [])


# ------------------------------------------------------------------------------ ESCO 1.1.1 itself

REAL_DATA_SCIENTIST = URIRef(OCC + "258e46f9-0075-4a2e-adae-1ff0477e0f30")
THERAPEUTIC_RADIOGRAPHER = OCC + "a9e54177-a185-404d-b6e6-15663d31137e"  # related, but not in occupations_en.csv
RELATIONS_ZIP = "ESCO dataset - v1.1.1 - classification -  - csv.zip"


@pytest.fixture(scope="module")
def real():
    """One streaming import of the three official zips: the report, every preferred label, and the
    triples of data scientist (the whole graph is not kept: 367,000 triples in rdflib take 0.4 GB)."""
    zips = sorted(REAL.glob("*.zip"))
    # No skip: without the official files these tests must fail, and say why.
    assert len(zips) == 3, f"expected the three official ESCO 1.1.1 zips in {REAL}, found {[z.name for z in zips]}"
    report = ImportReport()
    labels: dict[tuple, str] = {}
    data_scientist = Graph()
    for s, p, o in iter_esco_triples(zips, report=report):
        if p == SKOS.prefLabel:
            labels[(s, o.language)] = str(o)
        if s == REAL_DATA_SCIENTIST:
            data_scientist.add((s, p, o))
    return report, labels, data_scientist


def test_real_counts(real):
    report, _, _ = real
    assert (report.version, report.version_from) == ("1.1.1", "ESCO dataset - v1.1.1 - classification - en - csv.zip")
    assert report.langs == ("en", "fr")
    assert (report.occupations, report.skills) == (3007, 13896)
    assert report.rows["occupationSkillRelations.csv"] == 123855
    # 64,946 essential and 58,909 optional rows, less the 67 (55 + 12) to an occupation ESCO dropped
    assert (report.essential_relations, report.optional_relations, report.untyped_relations) == (64891, 58897, 0)
    assert report.relations == 123855 - 67
    assert report.rows["occupations_fr.csv"] == 3007 and "skills_fr.csv" not in report.rows
    assert report.collection_labels == {"fr": 2218}
    assert report.summary() == "3,007 occupations, 13,896 skills, 64,891 essential and 58,897 optional relations, 67 problems"


def test_real_problems_are_the_67_relations_to_a_dropped_occupation(real):
    report, _, _ = real
    assert len(report.problems) == 67
    assert {(p.file, p.field) for p in report.problems} == {(f"{RELATIONS_ZIP}!occupationSkillRelations.csv", "occupationUri")}
    assert all(THERAPEUTIC_RADIOGRAPHER in p.message for p in report.problems)
    lines = [p.line for p in report.problems]
    assert len(set(lines)) == 67 and all(isinstance(line, int) and line > 1 for line in lines)


def test_real_data_scientist(real):
    _, labels, g = real
    assert labels[(REAL_DATA_SCIENTIST, "en")] == "data scientist"
    assert labels[(REAL_DATA_SCIENTIST, "fr")] == "scientifique des données"
    assert g.value(REAL_DATA_SCIENTIST, SKOS.notation) == Literal("2511.4")
    assert g.value(REAL_DATA_SCIENTIST, AIC.iscoGroup) == Literal("2511")
    assert en("data scientist") not in set(g.objects(REAL_DATA_SCIENTIST, SKOS.altLabel))  # ESCO repeats it there
    essential = {labels[(s, "en")]: s for s in g.objects(REAL_DATA_SCIENTIST, ESCO.relatedEssentialSkill)}
    optional = {labels[(s, "en")] for s in g.objects(REAL_DATA_SCIENTIST, ESCO.relatedOptionalSkill)}
    assert len(essential) == 54 and len(optional) == 21
    assert {"data mining", "build recommender systems", "statistics", "perform data cleansing"} <= set(essential)
    # a French skill label, from ESCO's French digital skills collection
    assert labels[(essential["data mining"], "fr")] == "exploration de données"
    assert (essential["statistics"], "fr") not in labels  # in no French collection


# ------------------------------------------------------------------------------ facts/esco

SLICE_DIR = FACTS_DIR / "esco"
UX_ANALYST = URIRef(OCC + "faed411a-f920-4100-86a8-b877928b429c")
ICT_PROJECT_MANAGER = URIRef(OCC + "8b6388a4-4904-471b-9331-d3b1211f5525")


@pytest.fixture(scope="module")
def committed() -> tuple[Graph, ImportReport]:
    return import_esco(SLICE_DIR)


def test_facts_esco_imports_without_problems(committed):
    g, report = committed
    assert report.problems == []
    assert (report.version, report.langs) == ("1.1.1", ("en", "fr"))  # read from the folders' names
    occupations = set(g.subjects(RDF.type, ESCO.Occupation))
    wanted = set(extract.role_occupations()) | {iri for iri, _, _ in extract.SLICE}
    assert {str(o) for o in occupations} == wanted and len(wanted) <= 30
    assert report.untyped_relations == 0 and report.essential_relations > 0 and report.optional_relations > 0
    for occupation in occupations:  # complete profiles: two languages, code, typed skills
        assert {label.language for label in g.objects(occupation, SKOS.prefLabel)} == {"en", "fr"}
        assert g.value(occupation, SKOS.notation) is not None
        assert list(g.objects(occupation, ESCO.relatedEssentialSkill))
    untyped = set()
    for skill in g.subjects(RDF.type, ESCO.Skill):
        if g.value(skill, ESCO.skillType) is None:
            untyped.add(skill)
        assert any(d.language == "en" for d in g.objects(skill, SKOS.definition))
    # typed as ESCO types them: v1.1.1 leaves the type of 6 skills empty, one of them here
    assert untyped == {URIRef(SK + "c13fb093-5ffb-491a-b8b7-fa2d42a57e2e")}  # implement cloud security and compliance
    assert report.collection_labels["fr"] > 300
    assert set(g.objects(UX_ANALYST, SKOS.prefLabel)) == {en("user experience analyst"), fr("analyste d’expérience utilisateur")}
    assert str(next(d for d in g.objects(UX_ANALYST, SKOS.definition) if d.language == "en")).startswith(
        "User experience analysts assess client interaction")
    # ICT project manager: its profile now, from the official files
    assert len(list(g.objects(ICT_PROJECT_MANAGER, RELATIONS))) == 67
    # "data engineer" is not an occupation of v1.1.1, and nothing stands in for it
    assert en("data engineer") not in set(g.objects(None, SKOS.prefLabel))
    readme = (SLICE_DIR / "README.md").read_text(encoding="utf-8")
    assert "'data engineer' is not an occupation of ESCO v1.1.1" in readme
    assert 'CC BY 4.0' in readme and '"ESCO, European Commission"' in readme


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """``python -m aicareers.esco.extract`` run into a folder holding an earlier slice's file."""
    out = tmp_path_factory.mktemp("slice")
    (out / "occupations_en.csv").write_text("an earlier slice\n", encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = extract.main(["--out", str(out)])
    return status, out, err.getvalue()


def test_facts_esco_is_what_the_extract_script_writes(regenerated):
    status, out, stderr = regenerated
    assert status == 0, stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    committed_files = sorted(str(p.relative_to(SLICE_DIR)) for p in SLICE_DIR.rglob("*") if p.is_file())
    assert written == committed_files  # the earlier slice's file is gone
    for name in written:
        assert (SLICE_DIR / name).read_bytes() == (out / name).read_bytes(), name
    assert "note: 'data engineer' is not an occupation of ESCO v1.1.1" in stderr
    assert "wrote " in stderr and "29 occupations" in stderr
