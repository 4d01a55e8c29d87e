"""The O*NET text importer, its command, and the committed AI-careers slice (facts/onet).

The fixture (tests/fixtures/onet_txt) is a tiny distribution in the exact official format: the
same headers, tab-separated, no quoting, CRLF line ends. The real-file tests read the project's copy
of the O*NET 29.2 database; they fail, not skip, when it is missing: it is part of the workplace.
"""

from __future__ import annotations

import shutil
import types
import zipfile
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, SKOS, XSD

from aicareers import cli
from aicareers.errors import InputError
from aicareers.frameworks.distribution import Distribution
from aicareers.iris import (
    onet_education_iri,
    onet_education_share_iri,
    onet_emerging_task_iri,
    onet_iri,
    onet_job_zone_iri,
    onet_related_iri,
    onet_task_iri,
    onet_technology_iri,
)
from aicareers.namespaces import AIC, SRC
from aicareers.onet import extract
from aicareers.onet.text_import import (
    COUNTS,
    FILES,
    ProblemWarning,
    import_onet,
    iter_onet_triples,
    render_onet,
)
from aicareers.paths import FACTS_DIR

FIXTURE = Path(__file__).parent / "fixtures" / "onet_txt"
REFERENCE = extract.REFERENCE
SLICE_DIR = FACTS_DIR / "onet"

DS, ST, SD = onet_iri("15-2051.00"), onet_iri("15-2041.00"), onet_iri("15-1252.00")
PYTHON, SAS, CPP = onet_technology_iri("Python"), onet_technology_iri("SAS"), onet_technology_iri("C++")


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def dec(text: str) -> Literal:
    return Literal(text, datatype=XSD.decimal)


@pytest.fixture(scope="module")
def imported():
    return import_onet(FIXTURE)


def copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "onet"
    shutil.copytree(FIXTURE, target)
    return target


def lines_of(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8").split("\r\n")


def replace_line(path: Path, number: int, text: str) -> None:
    """Replace physical line ``number`` (1-based) of a CRLF file."""
    lines = lines_of(path)
    lines[number - 1] = text
    path.write_bytes("\r\n".join(lines).encode("utf-8"))


def append_line(path: Path, text: str) -> int:
    """Add a row at the end of a CRLF file; return its line number."""
    lines = lines_of(path)
    assert lines[-1] == ""
    lines[-1:] = [text, ""]
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    return len(lines) - 1


# ------------------------------------------------------------------------------ the fixture


def test_fixture_is_in_the_official_format():
    for path in FIXTURE.iterdir():
        data = path.read_bytes()
        if path.name != "Read Me.txt":
            assert data.endswith(b"\r\n") and data.count(b"\r\n") == data.count(b"\n"), path.name
            assert b"\t" in data.split(b"\r\n")[0], path.name
    assert sorted(p.name for p in FIXTURE.iterdir()) == sorted(FILES)


def test_occupations(imported):
    g, report = imported
    assert set(g.subjects(RDF.type, AIC.OnetOccupation)) == {DS, ST, SD}
    assert set(g.objects(DS, RDF.type)) == {AIC.OnetOccupation, SKOS.Concept}
    assert list(g.objects(DS, SKOS.prefLabel)) == [en("Data Scientists")]
    assert list(g.objects(DS, SKOS.notation)) == [Literal("15-2051.00")]
    assert str(g.value(ST, SKOS.definition)).startswith("Develop or apply mathematical or statistical theory")
    # Alternate and reported titles, once each; the preferred label is not repeated; the short title is kept
    assert set(g.objects(DS, SKOS.altLabel)) == {
        en("Data Analytics Scientist"), en("Machine Learning Scientist (ML Scientist)"), en("ML Scientist"),
        en("Data Scientist"),
    }
    assert set(g.objects(ST, SKOS.altLabel)) == {en("Biostatistician"), en("Statistician")}
    assert g.value(DS, AIC.sourceRecord) == Literal("Occupation Data.txt: 15-2051.00")


def test_tasks(imported):
    g, _ = imported
    quoted = onet_task_iri("8970")
    assert list(g.objects(quoted, SKOS.prefLabel)) == [
        en('Flag "outliers" in survey data and decide, with the data owners, how to treat them.')]
    assert g.value(quoted, SKOS.notation) == Literal("8970")
    assert set(g.objects(quoted, RDF.type)) == {AIC.Task}
    assert g.value(quoted, AIC.sourceRecord) == Literal("Task Statements.txt: task 8970")
    assert set(g.objects(ST, AIC.coreTask)) == {onet_task_iri("8956")}
    assert set(g.objects(ST, AIC.supplementalTask)) == {quoted}
    assert set(g.objects(DS, AIC.coreTask)) == {onet_task_iri("21824")}
    # Task Type n/a: the super-property only
    assert set(g.objects(DS, AIC.hasTask)) == {onet_task_iri("21823")}
    assert set(g.objects(DS, AIC.supplementalTask)) == set()


def test_emerging_tasks(imported):
    g, _ = imported
    new_text = "Evaluate large language models for accuracy, bias, and fitness for a business question."
    new = onet_emerging_task_iri("15-2051.00", new_text)
    assert set(g.objects(DS, AIC.emergingTask)) == {new}
    assert g.value(new, SKOS.prefLabel) == en(new_text)
    assert g.value(new, SKOS.scopeNote) == en("New task, not yet among the task statements of the occupation.")
    assert g.value(new, RDF.type) == AIC.Task
    assert g.value(new, AIC.sourceRecord) == Literal(f"Emerging Tasks.txt: 15-2051.00: {new_text}")
    (revised,) = g.objects(ST, AIC.emergingTask)
    assert str(g.value(revised, SKOS.scopeNote)) == ("Revision of task 8956: Analyze and interpret statistical data to "
                                                     "identify significant differences in relationships among sources of information.")


def test_technologies(imported):
    g, _ = imported
    assert set(g.subjects(RDF.type, AIC.Technology)) == {PYTHON, SAS, CPP}
    assert CPP == URIRef("https://w3id.org/ai-careers/id/onet/technology-c-plus-plus")
    assert set(g.objects(PYTHON, RDF.type)) == {AIC.Technology, SKOS.Concept}
    assert g.value(PYTHON, SKOS.prefLabel) == en("Python")
    assert g.value(PYTHON, AIC.hotTechnology) == Literal(True)
    assert g.value(CPP, AIC.hotTechnology) == Literal(False)
    # the commodities of every row of the Example
    assert set(g.objects(PYTHON, AIC.commodity)) == {Literal("Analytical or scientific software"),
                                                     Literal("Object or component oriented development software")}
    assert set(g.objects(DS, AIC.usesTechnology)) == {PYTHON, SAS}
    assert set(g.objects(DS, AIC.inDemandTechnology)) == {PYTHON}
    assert set(g.objects(ST, AIC.usesTechnology)) == {PYTHON}
    assert set(g.objects(ST, AIC.inDemandTechnology)) == set()
    assert g.value(PYTHON, AIC.sourceRecord) == Literal("Technology Skills.txt: Python")


def test_job_zones(imported):
    g, _ = imported
    assert g.value(DS, AIC.jobZone) == onet_job_zone_iri(4)
    assert g.value(ST, AIC.jobZone) == onet_job_zone_iri(5)
    assert g.value(SD, AIC.jobZone) is None  # no row in Job Zones.txt
    zones = set(g.subjects(RDF.type, AIC.JobZone))
    assert zones == {onet_job_zone_iri(n) for n in range(1, 6)}  # the reference, whole
    four = onet_job_zone_iri(4)
    assert g.value(four, SKOS.prefLabel) == en("Job Zone Four: Considerable Preparation Needed")
    assert g.value(four, SKOS.notation) == Literal("4")
    definition = str(g.value(four, SKOS.definition))
    assert definition.startswith("Experience: A considerable amount of work-related skill")
    assert "Education: Most of these occupations require a four-year bachelor's degree" in definition
    assert "Job training: Employees in these occupations usually need several years" in definition
    assert g.value(four, AIC.sourceRecord) == Literal("Job Zone Reference.txt: 4")


def test_education(imported):
    g, _ = imported
    shares = {g.value(s, AIC.educationCategory): g.value(s, AIC.percentage) for s in g.objects(ST, AIC.educationShare)}
    # 0.00 left out, the RW scale left out; canonical decimals
    assert shares == {onet_education_iri(6): dec("14.29"), onet_education_iri(8): dec("61.9"),
                      onet_education_iri(11): dec("9.52"), onet_education_iri(12): dec("14.29")}
    share = onet_education_share_iri("15-1252.00", 6)
    assert g.value(SD, AIC.educationShare) == share
    assert g.value(share, RDF.type) == AIC.EducationShare
    assert g.value(share, AIC.percentage) == dec("71.43")
    assert g.value(share, AIC.sourceRecord) == Literal("Education, Training, and Experience.txt: 15-1252.00 RL 6")
    categories = set(g.subjects(RDF.type, AIC.EducationCategory))
    assert categories == {onet_education_iri(n) for n in range(1, 13)}  # RL only, whole
    assert g.value(onet_education_iri(6), SKOS.prefLabel) == en("Bachelor's Degree")
    assert g.value(onet_education_iri(6), SKOS.notation) == Literal("6")


def test_related_occupations_and_the_unknown_one(imported):
    g, report = imported
    move = onet_related_iri("15-2051.00", "15-1252.00")
    assert g.value(move, RDF.type) == AIC.OccupationMove
    assert (g.value(move, AIC.fromOccupation), g.value(move, AIC.toOccupation)) == (DS, SD)
    assert g.value(move, AIC.relatednessTier) == Literal("Primary-Long")
    assert g.value(move, AIC.position) == Literal(2, datatype=XSD.integer)
    assert set(g.objects(DS, AIC.mobilityTo)) == {ST, SD}
    assert set(g.objects(ST, AIC.mobilityTo)) == {DS}
    assert len(set(g.subjects(RDF.type, AIC.OccupationMove))) == 3
    (problem,) = report.problems
    assert (problem.file, problem.line, problem.field) == ("Related Occupations.txt", 5, "Related O*NET-SOC Code")
    assert "99-9999.00" in problem.message
    assert not any("99-9999" in str(term) for triple in g for term in triple)


def test_source_and_provenance_of_every_node(imported):
    g, report = imported
    assert g.value(SRC.onet, OWL.versionInfo) == Literal("29.2")
    assert g.value(SRC.onet, RDF.type) == AIC.ReferenceDataset
    publisher = g.value(SRC.onet, DCTERMS.publisher)  # an organisation node, described with the source node
    assert {label.language for label in g.objects(publisher, SKOS.prefLabel)} == {"en", "fr"}
    assert any(str(label).startswith("U.S. Department of Labor") for label in g.objects(publisher, SKOS.prefLabel))
    assert report.version == "29.2"
    for s in set(g.subjects()) - {SRC.onet, publisher}:
        assert list(g.objects(s, PROV.wasDerivedFrom)) == [SRC.onet], s
        (record,) = g.objects(s, AIC.sourceRecord)
        assert record.datatype is None and record.language is None


def test_report_counts(imported):
    _, report = imported
    assert report.counts == {"occupations": 3, "tasks": 5, "emerging tasks": 2, "technologies": 3,
                             "technology links": 4, "job zones": 2, "education shares": 5, "related occupations": 3}
    assert tuple(report.counts) == COUNTS


# ------------------------------------------------------------------------------ options


def test_zip_and_folder_give_the_same_graph(tmp_path, imported):
    archive = tmp_path / "db_29_2_text.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(FIXTURE.iterdir()):
            z.write(path, f"db_29_2_text/{path.name}")
    g, report = import_onet(archive)
    assert set(g) == set(imported[0])
    assert [str(p) for p in report.problems] == [str(p) for p in imported[1].problems]
    g, _ = import_onet([archive])  # a list of paths too
    assert len(g) == len(imported[0])


def test_version(tmp_path, imported):
    folder = copy_fixture(tmp_path)
    g, report = import_onet(folder, version="29.2")
    assert report.problems == imported[1].problems
    g, report = import_onet(folder, version="30.0")  # the caller wins; the disagreement is reported
    assert g.value(SRC.onet, OWL.versionInfo) == Literal("30.0")
    assert any(p.file == "Read Me.txt" and "29.2" in p.message for p in report.problems)
    (folder / "Read Me.txt").unlink()
    with pytest.raises(InputError, match="unknown O\\*NET version.*give it"):
        import_onet(folder)
    g, report = import_onet(folder, version="29.2")
    assert report.version == "29.2" and g.value(SRC.onet, OWL.versionInfo) == Literal("29.2")
    (folder / "Read Me.txt").write_text("The O*NET database\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        import_onet(folder)
    assert err.value.file == "Read Me.txt" and "first line" in err.value.message


def test_occupation_restriction():
    g, report = import_onet(FIXTURE, occupations={"15-2051.00", "15-2041.00"})
    assert set(g.subjects(RDF.type, AIC.OnetOccupation)) == {DS, ST}
    assert set(g.subjects(RDF.type, AIC.Technology)) == {PYTHON, SAS}
    assert set(g.subjects(RDF.type, AIC.OccupationMove)) == {onet_related_iri("15-2051.00", "15-2041.00"),
                                                             onet_related_iri("15-2041.00", "15-2051.00")}
    assert not any(SD in triple for triple in g)
    assert len(set(g.subjects(RDF.type, AIC.JobZone))) == 5  # reference nodes stay whole
    assert report.counts["technology links"] == 3 and report.counts["tasks"] == 4
    assert [p.line for p in report.problems] == [5]  # the kept occupation's link to the unknown one

    g, report = import_onet(FIXTURE, occupations=["15-1252.00", "11-1011.00"])
    assert set(g.subjects(RDF.type, AIC.OnetOccupation)) == {SD}
    assert set(g.subjects(RDF.type, AIC.OccupationMove)) == set()
    assert [(p.file, p.field) for p in report.problems] == [("Occupation Data.txt", "O*NET-SOC Code")]
    assert "11-1011.00" in report.problems[0].message and "asked for" in report.problems[0].message


def test_iter_is_lazy_and_warns_without_report(tmp_path, imported):
    triples = iter_onet_triples(tmp_path / "nowhere")
    assert isinstance(triples, types.GeneratorType)
    with pytest.raises(InputError, match="no such file or folder"):
        next(triples)
    with pytest.warns(ProblemWarning, match="99-9999.00"):
        n = sum(1 for _ in iter_onet_triples(FIXTURE))
    assert n == len(imported[0])


def test_progress_lines_on_stderr(capsys):
    import_onet(FIXTURE, progress=2)
    err = capsys.readouterr().err
    assert "onet: Technology Skills.txt: 2 rows read" in err
    assert "onet: Technology Skills.txt: 4 rows read, done" in err
    import_onet(FIXTURE)
    assert capsys.readouterr().err == ""


def test_hot_flag_disagreement_and_iri_collision(tmp_path):
    folder = copy_fixture(tmp_path)
    path = folder / "Technology Skills.txt"
    cold = append_line(path, "15-1252.00\tPython\t43232405\tObject or component oriented development software\tN\tN")
    clash = append_line(path, "15-1252.00\tPYTHON\t43232405\tObject or component oriented development software\tY\tY")
    g, report = import_onet(folder)
    assert g.value(PYTHON, AIC.hotTechnology) == Literal(True)  # hot when any row says so
    assert list(g.objects(PYTHON, SKOS.prefLabel)) == [en("Python")]  # the first name met keeps the IRI
    assert (SD, AIC.usesTechnology, PYTHON) in g  # the disagreeing row is still a link
    assert (SD, AIC.inDemandTechnology, PYTHON) not in g  # the clashing row is not imported
    found = {(p.line, p.field): p.message for p in report.problems if p.file == "Technology Skills.txt"}
    assert set(found) == {(cold, "Hot Technology"), (clash, "Example")}
    assert "'PYTHON' and 'Python'" in found[clash, "Example"]


# ------------------------------------------------------------------------------ bad input


def test_missing_file(tmp_path):
    folder = copy_fixture(tmp_path)
    (folder / "Job Zones.txt").unlink()
    with pytest.raises(InputError) as err:
        import_onet(folder)
    assert err.value.file == str(folder)
    assert "missing file: expected Job Zones.txt" in err.value.message


def test_missing_column(tmp_path):
    folder = copy_fixture(tmp_path)
    replace_line(folder / "Technology Skills.txt", 1,
                 "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Tech\tIn Demand")
    with pytest.raises(InputError) as err:
        import_onet(folder)
    assert (err.value.file, err.value.record, err.value.field) == ("Technology Skills.txt", "line 1", "Hot Technology")
    assert "missing column 'Hot Technology'" in err.value.message


def test_comma_separated_file(tmp_path):
    folder = copy_fixture(tmp_path)
    path = folder / "Job Zones.txt"
    path.write_bytes(path.read_bytes().replace(b"\t", b","))
    with pytest.raises(InputError) as err:
        import_onet(folder)
    assert (err.value.file, err.value.record, err.value.field) == ("Job Zones.txt", "line 1", "O*NET-SOC Code")
    assert "split by commas" in err.value.message and "tab-separated" in err.value.message


@pytest.mark.parametrize(
    ("file", "line", "text", "field", "words"),
    [
        # wrong number of fields
        ("Task Statements.txt", 3, "15-2041.00\t8956\tAnalyze data.", "Task Type", "3 fields where the header has 7"),
        ("Related Occupations.txt", 2, "15-2041.00\t15-2051.00\tPrimary-Short\t1\t9", "Index", "5 fields where the header has 4"),
        # values that are not what the column holds
        ("Technology Skills.txt", 3, "15-2041.00\tPython\t43232605\tAnalytical or scientific software\tmaybe\tN",
         "Hot Technology", "'maybe'"),
        ("Job Zones.txt", 2, "15-2041.00\t7\t08/2024\tAnalyst", "Job Zone", "'7' is not a whole number from 1 to 5"),
        ("Education, Training, and Experience.txt", 3,
         "15-2041.00\t2.D.1\tRequired Level of Education\tRL\t1\tabc\t21\tn/a\tn/a\tn/a\tn/a\t08/2024\tOccupational Expert",
         "Data Value", "'abc' is not a percentage"),
        ("Related Occupations.txt", 2, "15-2041.00\t15-2051.00\tClose\t1", "Relatedness Tier", "'Close'"),
        ("Related Occupations.txt", 2, "15-2041.00\t15-2051.00\tPrimary-Short\tfirst", "Index", "'first' is not a whole number of 1 or more"),
        ("Task Statements.txt", 2, "15-1252.00\t21667\tDesign software.\tMain\t31\t08/2023\tIncumbent", "Task Type", "'Main'"),
        ("Emerging Tasks.txt", 2, "15-2041.00\tDo things.\tOld\tn/a\tn/a\t08/2024\tIncumbent", "Category", "'Old'"),
        ("Occupation Data.txt", 2, "15-1252\tSoftware Developers\tWrite software.", "O*NET-SOC Code",
         "'15-1252' is not an O*NET-SOC code"),
    ],
)
def test_malformed_row(tmp_path, file, line, text, field, words):
    folder = copy_fixture(tmp_path)
    replace_line(folder / file, line, text)
    with pytest.raises(InputError) as err:
        import_onet(folder)
    assert (err.value.file, err.value.record, err.value.field) == (file, f"line {line}", field)
    assert words in err.value.message
    assert str(err.value).startswith(f"{file}: record line {line}: field {field}: ")


# ------------------------------------------------------------------------------ output


def test_output_is_deterministic(imported):
    g, _ = imported
    again, _ = import_onet(FIXTURE)
    for fmt in ("nt", "nq", "ttl"):
        assert render_onet(g, fmt) == render_onet(again, fmt)
    nt = render_onet(g, "nt").decode("utf-8")
    assert nt.splitlines() == sorted(nt.splitlines())
    assert set(Graph().parse(data=nt, format="nt")) == set(g)
    assert set(Graph().parse(data=render_onet(g, "ttl"), format="turtle")) == set(g)
    nq = render_onet(g, "nq").decode("utf-8")
    assert all(line.endswith(" <https://w3id.org/ai-careers/id/graph/onet> .") for line in nq.splitlines())


# ------------------------------------------------------------------------------ the command


@pytest.fixture
def run(monkeypatch, capsys):
    """Run ``aicareers ARGS`` in-process (with import-onet registered); (status, stdout, stderr)."""
    if "aicareers.onet.cli" not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", [*cli.COMMAND_MODULES, "aicareers.onet.cli"])

    def go(*args) -> tuple[int, str, str]:
        status = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return status, out, err

    return go


def test_cli_writes_the_file(run, tmp_path, imported):
    out = tmp_path / "sub" / "onet.ttl"
    status, stdout, stderr = run("import-onet", FIXTURE, "--out", out)
    assert status == 0
    assert set(Graph().parse(out, format="turtle")) == set(imported[0])
    assert imported[1].summary() in stdout and "wrote" in stdout
    assert "warning: Related Occupations.txt: record line 5: field Related O*NET-SOC Code" in stderr
    assert "onet: Occupation Data.txt: 3 rows read, done" in stderr  # progress
    out = tmp_path / "onet.txt"
    status, _, stderr = run("import-onet", FIXTURE, "--out", out, "--format", "nq", "--quiet",
                            "--occupation", "15-2041.00", "--onet-version", "29.2")
    assert status == 0 and "rows read" not in stderr
    assert all(line.endswith("<https://w3id.org/ai-careers/id/graph/onet> .") for line in out.read_text().splitlines())
    assert "<https://w3id.org/ai-careers/id/onet/15-2051.00> <http://www.w3.org/2004/02/skos/core#prefLabel>" not in out.read_text()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("nowhere.zip", "--out", "{tmp}/o.nt"), "no such file or folder"),
        # the suffix is checked before anything is read
        (("nowhere.zip", "--out", "{tmp}/o.rdf"), "unknown suffix '.rdf'"),
        ((FIXTURE, "--out", "{tmp}/folder.nt"), "is a folder"),
        ((FIXTURE, "--out", "{tmp}/o.nt", "--occupation", "15-2051"), "'15-2051' is not an O*NET-SOC code"),
    ],
)
def test_cli_bad_input_exits_2_with_one_line(run, tmp_path, args, words):
    (tmp_path / "folder.nt").mkdir()
    status, stdout, stderr = run("import-onet", *(str(a).format(tmp=tmp_path) for a in args))
    assert status == 2
    assert stderr.startswith("aicareers import-onet: error: ") and stderr.count("\n") == 1
    assert words in stderr
    assert not (tmp_path / "o.nt").exists()


# ------------------------------------------------------------------------------ the real database


@pytest.fixture(scope="module")
def real():
    assert REFERENCE.is_file(), f"the O*NET 29.2 database is part of the workplace: {REFERENCE} is missing"
    return import_onet(REFERENCE)


def test_real_counts(real):
    g, report = real
    assert report.version == "29.2"
    assert report.counts == {"occupations": 1016, "tasks": 18796, "emerging tasks": 240, "technologies": 8768,
                             "technology links": 32627, "job zones": 923, "education shares": 4121,
                             "related occupations": 18460}
    assert report.problems == []
    assert len(g) == 451243  # with the publisher node: its labels in two languages and its source (issue 16)


def test_real_data_scientists(real):
    g, _ = real
    assert g.value(DS, SKOS.prefLabel) == en("Data Scientists")
    assert g.value(DS, AIC.jobZone) == onet_job_zone_iri(4)
    assert g.value(PYTHON, AIC.hotTechnology) == Literal(True)
    assert (DS, AIC.inDemandTechnology, PYTHON) in g
    assert g.value(PYTHON, SKOS.prefLabel) == en("Python")
    short = sorted((int(g.value(m, AIC.position)), str(g.value(m, AIC.toOccupation))[-10:])
                   for m in g.subjects(AIC.fromOccupation, DS)
                   if g.value(m, AIC.relatednessTier) == Literal("Primary-Short"))
    assert [code for _, code in short] == ["15-2041.00", "13-2099.01", "43-9111.00", "15-2031.00", "15-2099.01"]
    assert len(set(g.objects(DS, AIC.hasTask))) == 16  # Task Type n/a for every task of this occupation
    assert (onet_iri("11-1031.00"), AIC.hasTask, onet_task_iri("15287")) in g
    assert g.value(onet_task_iri("15287"), SKOS.prefLabel) == en(
        'Conduct "head counts" to help predict the outcome of upcoming votes.')


def test_committed_slice_is_what_the_script_writes_now(tmp_path):
    assert REFERENCE.is_file(), f"the O*NET 29.2 database is part of the workplace: {REFERENCE} is missing"
    written = extract.write_extract(tmp_path / "onet", REFERENCE)
    assert sorted(p.name for p in SLICE_DIR.iterdir()) == sorted(written)
    for name in written:
        assert (SLICE_DIR / name).read_bytes() == (tmp_path / "onet" / name).read_bytes(), name


def test_slice_is_the_seeds_and_the_hubs_primary_short_neighbours():
    assert REFERENCE.is_file(), f"the O*NET 29.2 database is part of the workplace: {REFERENCE} is missing"
    codes = extract.slice_codes(Distribution(REFERENCE))
    assert len(codes) == 31
    assert all(not related for code, (_, related) in codes.items() if code in extract.ONET_SEEDS)
    # a neighbour of a hub (data scientists) is in, with the hubs it is related to...
    assert codes["43-9111.00"] == ("Statistical Assistants", {"15-2051.00"})
    assert codes["15-2031.00"] == ("Operations Research Analysts", {"15-1221.00", "15-2051.00"})
    # ...a neighbour of a seed that is not a hub (journalists: 27-3043.00 writers and authors) is not
    assert "27-3043.00" not in codes
    # imported, the slice is the same graph as these occupations kept from the whole database
    g_slice, r_slice = import_onet(SLICE_DIR)
    g_kept, r_kept = import_onet(REFERENCE, occupations=set(codes))
    assert set(g_slice) == set(g_kept)
    assert r_slice.counts == r_kept.counts and r_slice.problems == r_kept.problems == []
    assert r_slice.counts["occupations"] == 31 and len(g_slice) == 21659


def test_extract_command_reports_a_bad_reference(tmp_path, capsys):
    assert extract.main(["--reference", str(tmp_path / "nowhere.zip"), "--out", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
