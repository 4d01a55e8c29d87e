"""The ROME 4.0 importer: a hand-written release (tests/fixtures/rome_csv), the official release v460
(../shared/reference, part of the workplace: those tests fail, not skip, when it is missing), the
committed slice (facts/rome) and the ``import-rome`` command."""

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
from aicareers.frameworks.report import ImportReport
from aicareers.frameworks.slices import ROME_SEEDS
from aicareers.iris import graph_iri, rome_activity_iri, rome_move_iri, rome_ogr_iri, rome_sheet_iri
from aicareers.namespaces import AIC, SRC
from aicareers.paths import FACTS_DIR
from aicareers.rome import extract
from aicareers.rome.csv_import import (
    COUNTS,
    RomeProblemWarning,
    check_output,
    import_rome,
    iter_rome_triples,
    render_rome,
    write_rome,
)

FIXTURE = Path(__file__).parent / "fixtures" / "rome_csv"
REAL = extract.REFERENCE

M1889, M1805, K2402 = rome_sheet_iri("M1889"), rome_sheet_iri("M1805"), rome_sheet_iri("K2402")
PROMPT_ENGINEER = rome_ogr_iri("510533")
ANALYST_PROGRAMMER = rome_ogr_iri("10963")
ALGORITHMS, ETHICS, DATA_SCIENCE = rome_ogr_iri("487086"), rome_ogr_iri("486358"), rome_ogr_iri("300200")
RIGOUR = rome_ogr_iri("300490")
AI, AI_PRODUCTS, DIPLOMA = rome_ogr_iri("109794"), rome_ogr_iri("493946"), rome_ogr_iri("491242")
REMOTE, DESIGN_OFFICE, LAB = rome_ogr_iri("300799"), rome_ogr_iri("403093"), rome_ogr_iri("511069")

LINKS_FILE = "unix_liens_rome_referentiels_v460_utf8.csv"
MOBILITY_FILE = "unix_rubrique_mobilite_v460_utf8.csv"


def fr(text: str) -> Literal:
    return Literal(text, lang="fr")


def integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


@pytest.fixture(scope="module")
def imported() -> tuple[Graph, ImportReport]:
    return import_rome(FIXTURE)


def copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "rome"
    shutil.copytree(FIXTURE, target)
    return target


def replace_line(path: Path, number: int, text: str) -> None:
    """Replace physical line ``number`` (1-based) of ``path``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = text
    path.write_text("\n".join(lines), encoding="utf-8")


def append_line(path: Path, text: str) -> int:
    """Add a line at the end of ``path``; return its number."""
    content = path.read_text(encoding="utf-8")
    path.write_text(content + text + "\n", encoding="utf-8")
    return content.count("\n") + 1


def fixture_file(folder: Path, table: str) -> Path:
    return folder / f"unix_{table}_v460_utf8.csv"


# ------------------------------------------------------------------------------ the model, on the fixture


def test_job_sheet(imported):
    g, _ = imported
    assert set(g.objects(M1889, RDF.type)) == {AIC.RomeJobSheet, SKOS.Concept}
    assert list(g.objects(M1889, SKOS.notation)) == [Literal("M1889")]
    assert list(g.objects(M1889, SKOS.prefLabel)) == [fr("Ingénieur / Ingénieure en Intelligence Artificielle (IA)")]
    # the sentences in position order, joined with a newline, doubled apostrophes undone
    assert list(g.objects(M1889, SKOS.definition)) == [fr(
        "L'Ingénieur en Intelligence Artificielle (IA) est spécialisé dans l'innovation technologique relevant de "
        "l'Intelligence Artificielle.\nTransforme les données complexes en solutions intelligentes\nConçoit et "
        "optimise des algorithmes d'apprentissage automatique pour résoudre des problèmes spécifiques"
    )]  # fmt: skip
    # M1805's sentences come in the file in the wrong order
    assert str(g.value(M1805, SKOS.definition)).split("\n") == [
        "Le / La Développeur(se) informatique conçoit et améliore des systèmes informatiques.",
        "Conçoit et développe des applications informatiques selon les besoins des utilisateurs",
    ]
    # access: the sentences joined by a space
    assert list(g.objects(K2402, AIC.accessConditions)) == [fr(
        "Ce métier est accessible avec un Master (Master Recherche, Diplôme d'ingénieur, ...) complété par un Doctorat "
        "dans un secteur scientifique (physique, chimie, médecine, géologie, ...). La pratique d'une langue étrangère, "
        "en particulier l'anglais, est requise."
    )]  # fmt: skip
    assert "Bac + 5 Master, Diplôme d'ingénieur" in g.value(M1889, AIC.accessConditions)


def test_activities(imported):
    g, _ = imported
    tasks = sorted(g.objects(M1889, AIC.hasTask), key=lambda t: int(g.value(t, AIC.position)))
    assert tasks == [rome_activity_iri("M1889", n) for n in (1, 2, 3)]
    assert tasks[2] == URIRef("https://w3id.org/ai-careers/id/rome/M1889-activity-3")
    assert list(g.objects(tasks[1], SKOS.prefLabel)) == [fr("Transforme les données complexes en solutions intelligentes")]
    assert list(g.objects(tasks[2], AIC.position)) == [integer(3)]
    assert set(g.objects(tasks[0], RDF.type)) == {AIC.Task}
    assert g.value(tasks[0], AIC.sourceRecord) == Literal("unix_texte_v460_utf8.csv: M1889 3 1")
    assert g.value(rome_activity_iri("M1805", 1), SKOS.prefLabel).startswith("Le / La Développeur(se)")
    # access sentences are not activities
    assert len(set(g.subjects(RDF.type, AIC.Task))) == 7


def test_job_titles(imported):
    g, _ = imported
    assert set(g.objects(M1889, AIC.hasJobTitle)) == {PROMPT_ENGINEER, rome_ogr_iri("510530")}
    assert set(g.objects(PROMPT_ENGINEER, RDF.type)) == {AIC.JobTitle, SKOS.Concept}
    assert list(g.objects(PROMPT_ENGINEER, SKOS.prefLabel)) == [fr("Prompt engineer")]
    assert list(g.objects(PROMPT_ENGINEER, SKOS.altLabel)) == []  # the short label is the same
    assert list(g.objects(PROMPT_ENGINEER, SKOS.notation)) == [Literal("510533")]
    assert g.value(ANALYST_PROGRAMMER, SKOS.prefLabel) == fr("Analyste-programmeur / Analyste-programmeuse gestion informatique")
    assert list(g.objects(ANALYST_PROGRAMMER, SKOS.altLabel)) == [fr("Analyste-programmeur(se) gestion informatique")]
    assert set(g.subjects(AIC.hasJobTitle, ANALYST_PROGRAMMER)) == {M1805}


def test_items(imported):
    g, _ = imported
    classes = {AIC.RomeKnowHow: {ALGORITHMS, ETHICS, DATA_SCIENCE}, AIC.RomeSoftSkill: {RIGOUR},
               AIC.RomeKnowledge: {AI, AI_PRODUCTS, DIPLOMA}, AIC.WorkContext: {REMOTE, DESIGN_OFFICE, LAB}}  # fmt: skip
    for cls, items in classes.items():
        assert set(g.subjects(RDF.type, cls)) == items
        for item in items:
            assert set(g.objects(item, RDF.type)) == {cls, SKOS.Concept}
            assert g.value(item, SKOS.notation) == Literal(str(item).rsplit("-", 1)[1])
    assert g.value(AI_PRODUCTS, SKOS.prefLabel) == fr("Développement de produits basés sur l'IA")
    assert str(g.value(RIGOUR, SKOS.definition)).startswith("Capacité à réaliser des tâches en suivant avec exactitude")
    assert g.value(ALGORITHMS, SKOS.definition) is None  # empty definition cell
    assert list(g.objects(LAB, SKOS.scopeNote)) == [fr("Types de structures")]
    assert g.value(LAB, SKOS.prefLabel) == fr("Laboratoire de recherche et développement")
    assert (rome_ogr_iri("999999"), None, None) not in g


def test_skill_links_by_coherence(imported):
    g, _ = imported
    assert set(g.objects(M1889, AIC.coreSkill)) == {ALGORITHMS, AI_PRODUCTS}  # "Principale"
    assert set(g.objects(M1889, AIC.emergingSkill)) == {DATA_SCIENCE, AI}  # "Émergente"
    # empty coeur_metier (486358, 300490) or no coherence row at all (491242 in rubric 3)
    assert set(g.objects(M1889, AIC.specificSkill)) == {ETHICS, RIGOUR, DIPLOMA}
    assert set(g.objects(M1889, AIC.workContext)) == {REMOTE, DESIGN_OFFICE}
    assert set(g.objects(M1805, AIC.coreSkill)) == {ALGORITHMS}
    assert set(g.objects(K2402, AIC.coreSkill)) == {AI}
    assert set(g.objects(K2402, AIC.workContext)) == {LAB}


def test_moves(imported):
    g, _ = imported
    first, second = rome_move_iri("M1889", "M1805"), rome_move_iri("M1889", "K2402")
    assert first == URIRef("https://w3id.org/ai-careers/id/rome/move-M1889-M1805")
    assert set(g.subjects(AIC.fromOccupation, M1889)) == {first, second}
    assert (g.value(first, AIC.toOccupation), g.value(first, AIC.position)) == (M1805, integer(1))
    assert (g.value(second, AIC.toOccupation), g.value(second, AIC.position)) == (K2402, integer(2))
    assert list(g.objects(first, RDF.type)) == [AIC.OccupationMove]
    assert set(g.objects(M1889, AIC.mobilityTo)) == {M1805, K2402}
    assert set(g.objects(K2402, AIC.mobilityTo)) == {M1889}  # not the unknown Z9999
    assert g.value(first, AIC.sourceRecord) == Literal(f"{MOBILITY_FILE}: M1889 M1805")
    assert len(set(g.subjects(RDF.type, AIC.OccupationMove))) == 4


def test_provenance_of_every_node(imported):
    g, _ = imported
    # the source node and its publisher describe the release; every other node comes from a record
    nodes = {s for s in g.subjects() if s not in (SRC.rome, g.value(SRC.rome, DCTERMS.publisher))}
    assert nodes
    for node in nodes:
        if (node, RDF.type, None) not in g:
            continue
        assert list(g.objects(node, PROV.wasDerivedFrom)) == [SRC.rome], node
        records = list(g.objects(node, AIC.sourceRecord))
        assert len(records) == 1 and records[0].datatype is None and records[0].language is None, node
    assert g.value(M1889, AIC.sourceRecord) == Literal("unix_referentiel_code_rome_v460_utf8.csv: M1889")
    assert g.value(PROMPT_ENGINEER, AIC.sourceRecord) == Literal("unix_referentiel_appellation_v460_utf8.csv: 510533")
    assert g.value(AI, AIC.sourceRecord) == Literal("unix_referentiel_savoir_v460_utf8.csv: 109794")
    assert g.value(LAB, AIC.sourceRecord) == Literal("unix_referentiel_contexte_travail_v460_utf8.csv: 511069")
    # the source node, with the version read from the file names
    assert g.value(SRC.rome, OWL.versionInfo) == Literal("460")
    assert (SRC.rome, RDF.type, AIC.ReferenceDataset) in g


def test_no_doubled_apostrophe_left(imported):
    g, _ = imported
    assert not [o for o in g.objects() if isinstance(o, Literal) and "''" in o]


def test_report_counts_and_problems(imported):
    _, report = imported
    assert report.version == "460"
    assert report.counts == {"job sheets": 3, "job titles": 4, "skills": 4, "knowledge items": 3, "work contexts": 3,
                             "skill links": 10, "activities": 7, "moves": 4}  # fmt: skip
    assert list(report.counts) == list(COUNTS)
    assert [(p.file, p.line, p.field) for p in report.problems] == [
        (LINKS_FILE, 17, "code_rubrique"),  # a savoir filed under rubric 1 savoir-faire
        (LINKS_FILE, 18, "code_ogr"),  # an OGR code no file defines
        (MOBILITY_FILE, 3, "code_rome_cible"),  # a move to an unknown sheet
    ]
    assert "491242 is a savoir" in report.problems[0].message and "not a savoir-faire" in report.problems[0].message
    assert "unknown item 999999" in report.problems[1].message
    assert "unknown job sheet Z9999" in report.problems[2].message
    assert report.summary() == ("rome: 3 job sheets, 4 job titles, 4 skills, 3 knowledge items, 3 work contexts, "
                                "10 skill links, 7 activities, 4 moves, 3 problems")  # fmt: skip


# ------------------------------------------------------------------------------ restriction, zip, determinism


def test_restriction_to_some_sheets():
    g, report = import_rome(FIXTURE, sheets={"M1889"})
    assert set(g.subjects(RDF.type, AIC.RomeJobSheet)) == {M1889}
    assert set(g.subjects(RDF.type, AIC.JobTitle)) == {PROMPT_ENGINEER, rome_ogr_iri("510530")}
    assert set(g.subjects(RDF.type, AIC.RomeKnowHow)) == {ALGORITHMS, ETHICS, DATA_SCIENCE}
    assert set(g.subjects(RDF.type, AIC.WorkContext)) == {REMOTE, DESIGN_OFFICE}  # not K2402's laboratory
    assert list(g.subjects(RDF.type, AIC.OccupationMove)) == []  # no neighbour is kept
    assert (K2402, None, None) not in g and (None, None, K2402) not in g
    # problems about M1889 only: the move of K2402 to Z9999 is left out, not reported
    assert [(p.line, p.field) for p in report.problems] == [(17, "code_rubrique"), (18, "code_ogr")]
    g, report = import_rome(FIXTURE, sheets=["M1889", "M1805", "X1234"])
    assert set(g.objects(M1889, AIC.mobilityTo)) == {M1805}
    assert set(g.objects(M1805, AIC.mobilityTo)) == {M1889}
    assert report.counts["moves"] == 2
    assert [(p.file, p.line, p.field) for p in report.problems][0] == (
        "unix_referentiel_code_rome_v460_utf8.csv", None, "code_rome")
    assert "X1234 was asked for but is not in the file" in report.problems[0].message


def test_zip_folder_and_list_of_paths_agree(tmp_path, imported):
    archive = tmp_path / "RefRomeCsv-v460.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in sorted(FIXTURE.iterdir()):
            z.write(file, f"RefRomeCsv/{file.name}")
    g, report = import_rome(archive)
    assert set(g) == set(imported[0])
    assert report.counts == imported[1].counts
    # a release split over two folders
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir(), two.mkdir()
    for i, file in enumerate(sorted(FIXTURE.iterdir())):
        shutil.copy(file, one if i % 2 else two)
    g2, _ = import_rome([one, two])
    assert set(g2) == set(imported[0])


def test_deterministic():
    first = list(iter_rome_triples(FIXTURE, report=ImportReport("rome")))
    again = list(iter_rome_triples(FIXTURE, report=ImportReport("rome")))
    assert first == again
    assert render_rome(first, "nt") == render_rome(reversed(again), "nt")


def test_iter_is_lazy_and_warns_without_report(tmp_path):
    triples = iter_rome_triples(tmp_path / "nowhere")
    assert isinstance(triples, types.GeneratorType)  # nothing is read before the first triple
    with pytest.raises(InputError, match="no such file or folder"):
        next(triples)
    with pytest.warns(RomeProblemWarning) as caught:
        n = len(set(iter_rome_triples(FIXTURE)))
    assert [str(w.message).split(": ")[0] for w in caught] == [LINKS_FILE, LINKS_FILE, MOBILITY_FILE]
    assert "unknown item 999999" in str(caught[1].message)
    assert n == len(import_rome(FIXTURE)[0])


def test_progress_lines_on_stderr(capsys):
    import_rome(FIXTURE, progress=2)
    err = capsys.readouterr().err
    assert f"rome: {LINKS_FILE}: 2 rows read" in err
    assert f"rome: {LINKS_FILE}: 23 rows read, done" in err
    import_rome(FIXTURE)
    assert capsys.readouterr().err == ""


# ------------------------------------------------------------------------------ bad input: InputError


def test_missing_file(tmp_path):
    folder = copy_fixture(tmp_path)
    fixture_file(folder, "texte").unlink()
    with pytest.raises(InputError) as err:
        import_rome(folder)
    assert err.value.file == str(folder)
    assert "missing file: expected unix_texte_v460_utf8.csv" in err.value.message
    with pytest.raises(InputError, match="not a zip file nor a folder: expected the ROME 4.0 CSV release"):
        import_rome(folder / "unix_referentiel_code_rome_v460_utf8.csv")  # a CSV file, not a zip or folder
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="missing file: expected the ROME CSV files"):
        import_rome(empty)


def test_files_of_two_releases(tmp_path):
    folder = copy_fixture(tmp_path)
    fixture_file(folder, "texte").rename(folder / "unix_texte_v459_utf8.csv")
    with pytest.raises(InputError, match=r"files of two releases: v459 \(unix_texte_v459_utf8.csv\) and v460"):
        import_rome(folder)


def test_missing_column(tmp_path):
    folder = copy_fixture(tmp_path)
    path = fixture_file(folder, "referentiel_savoir")
    replace_line(path, 1, '"code_ogr","libelle_savoir","categorie_savoir","sous_categorie_savoir","transition_eco","transition_num"')
    with pytest.raises(InputError) as err:
        import_rome(folder)
    assert (err.value.file, err.value.record, err.value.field) == (path.name, "line 1", "code_ogr_savoir")
    assert "missing column 'code_ogr_savoir'" in err.value.message


def test_semicolon_separated_file(tmp_path):
    folder = copy_fixture(tmp_path)
    path = fixture_file(folder, "rubrique_mobilite")
    path.write_text(path.read_text(encoding="utf-8").replace('","', '";"'), encoding="utf-8")
    with pytest.raises(InputError) as err:
        import_rome(folder)
    assert (err.value.file, err.value.record, err.value.field) == (path.name, "line 1", "code_rome")
    assert "semicolons" in err.value.message and "comma-separated" in err.value.message


@pytest.mark.parametrize(
    ("table", "line", "text", "field", "words"),
    [
        # a row with a field missing, and one with a field too many
        ("liens_rome_referentiels", 5, '"M1805","1","494"', "code_ogr", "3 fields where the header has 4"),
        ("rubrique_mobilite", 4, '"M1805","M1889","1","x"', "numero_ordre", "4 fields where the header has 3"),
        # codes and numbers that are not what they should be
        ("referentiel_code_rome", 3, '"M18O5","567","494","Développeur","","","","","","M1805"', "code_rome",
         "'M18O5' is not a ROME code"),
        ("referentiel_appellation", 5, '"51O533","Prompt engineer","Prompt engineer","M1889","","","","","","","","",""',
         "code_ogr", "'51O533' is not an OGR code"),
        ("texte", 3, '"K2402","3","definition","deux","Valorise."', "position_phrase", "'deux' is not a position"),
        ("rubrique_mobilite", 2, '"K2402","M1889","0"', "numero_ordre", "'0' is not a position"),
        # values outside the release's vocabularies
        ("referentiel_competence", 2, '"300200","Macro-compétence","Exploiter","","","","Savoir","Technique","","","",""',
         "cat_comp", "cat_comp 'Savoir'"),
        ("coherence_item", 2, '"K2402","109794","Secondaire"', "coeur_metier", "coeur_metier 'Secondaire'"),
    ],
)  # fmt: skip
def test_malformed_row(tmp_path, table, line, text, field, words):
    folder = copy_fixture(tmp_path)
    path = fixture_file(folder, table)
    replace_line(path, line, text)
    with pytest.raises(InputError) as err:
        import_rome(folder)
    assert (err.value.file, err.value.record, err.value.field) == (path.name, f"line {line}", field)
    assert words in err.value.message
    assert str(err.value).startswith(f"{path.name}: record line {line}: field {field}: malformed row")


def test_malformed_quoting(tmp_path):
    folder = copy_fixture(tmp_path)
    path = fixture_file(folder, "texte")
    replace_line(path, 3, '"K2402","3","definition","2","Valorise "et" diffuse"')
    with pytest.raises(InputError, match=r"record line 3: malformed table"):
        import_rome(folder)


def test_renumbered_block_is_refused(tmp_path):
    folder = copy_fixture(tmp_path)
    path = fixture_file(folder, "composition_bloc")
    replace_line(path, 6, '"5","Secteurs d\'activité"')
    with pytest.raises(InputError) as err:
        import_rome(folder)
    assert (err.value.file, err.value.record, err.value.field) == (path.name, "line 6", "libelle_bloc")
    assert "block 5 is \"Secteurs d'activité\", expected 'Compétences'" in err.value.message
    path = fixture_file(folder, "descriptif_rubrique")
    shutil.copy(fixture_file(FIXTURE, "composition_bloc"), folder)
    replace_line(path, 2, '"1","5","1","Savoirs"')
    with pytest.raises(InputError, match="rubric 1 is 'Savoirs' in block 5, expected 'Savoir-faire'"):
        import_rome(folder)


# ------------------------------------------------------------------------------ well-formed but inconsistent: reported


def test_inconsistencies_are_reported_not_emitted(tmp_path):
    folder = copy_fixture(tmp_path)
    links, titles = fixture_file(folder, "liens_rome_referentiels"), fixture_file(folder, "referentiel_appellation")
    texts, coherence = fixture_file(folder, "texte"), fixture_file(folder, "coherence_item")
    sheets, mobility = fixture_file(folder, "referentiel_code_rome"), fixture_file(folder, "rubrique_mobilite")
    added = {
        "dup_sheet": append_line(sheets, '"M1889","1","2","Autre fiche","","","","","","M1889"'),
        "block2_elsewhere": append_line(links, '"K2402","2","","510533"'),  # 510533 is M1889's
        "block2_unknown": append_line(links, '"K2402","2","","777777"'),
        "context_as_skill": append_line(links, '"K2402","6","","109794"'),  # a savoir in block 6
        "link_unknown_sheet": append_line(links, '"Z9999","5","1","487086"'),
        "bad_rubric": append_line(links, '"K2402","5","4","487086"'),
        "duplicate_link": append_line(links, '"M1889","5","1","486358"'),
        "coherence_unlinked": append_line(coherence, '"K2402","300490","Principale"'),
        "text_unknown_sheet": append_line(texts, '"Z9999","3","definition","1","Fait."'),
        "text_block7": append_line(texts, '"K2402","7","secteur","1","Recherche."'),
        "text_same_position": append_line(texts, '"K2402","3","definition","2","Autre phrase."'),
        "move_unknown_source": append_line(mobility, '"Z9999","M1889","1"'),
        "move_duplicate": append_line(mobility, '"M1889","M1805","3"'),
        "move_same_position": append_line(mobility, '"M1805","K2402","1"'),
        "move_to_itself": append_line(mobility, '"M1805","M1805","2"'),
    }
    replace_line(links, 3, '"K2402","2","","15848"')  # K2402's own title 11362 is no longer listed in block 2
    g, report = import_rome(folder)
    found = {(Path(p.file).stem.split("_v460")[0][5:], p.line, p.field) for p in report.problems}
    expected = {
        ("referentiel_code_rome", added["dup_sheet"], "code_rome"),
        ("liens_rome_referentiels", 3, "code_ogr"),
        ("referentiel_appellation", 3, "code_rome"),  # 11362, not listed by block 2
        ("liens_rome_referentiels", added["block2_elsewhere"], "code_rome"),
        ("liens_rome_referentiels", added["block2_unknown"], "code_ogr"),
        ("liens_rome_referentiels", added["context_as_skill"], "code_ogr"),
        ("liens_rome_referentiels", added["link_unknown_sheet"], "code_rome"),
        ("liens_rome_referentiels", added["bad_rubric"], "code_rubrique"),
        ("liens_rome_referentiels", added["duplicate_link"], "code_ogr"),
        ("coherence_item", added["coherence_unlinked"], "code_ogr"),
        ("texte", added["text_unknown_sheet"], "code_rome"),
        ("texte", added["text_block7"], "code_compo_bloc"),
        ("texte", added["text_same_position"], "position_phrase"),
        ("rubrique_mobilite", added["move_unknown_source"], "code_rome"),
        ("rubrique_mobilite", added["move_duplicate"], "code_rome_cible"),
        ("rubrique_mobilite", added["move_same_position"], "numero_ordre"),
        ("rubrique_mobilite", added["move_to_itself"], "code_rome_cible"),
        # the three of the fixture
        ("liens_rome_referentiels", 17, "code_rubrique"),
        ("liens_rome_referentiels", 18, "code_ogr"),
        ("rubrique_mobilite", 3, "code_rome_cible"),
    }
    assert found == expected
    # none of it was emitted; what was already there stays as it was
    assert g.value(M1889, SKOS.prefLabel) == fr("Ingénieur / Ingénieure en Intelligence Artificielle (IA)")
    assert set(g.objects(K2402, AIC.hasJobTitle)) == {rome_ogr_iri("11362")}  # from the appellation file
    assert set(g.objects(K2402, AIC.workContext)) == {LAB}
    assert set(g.objects(K2402, AIC.coreSkill | AIC.specificSkill | AIC.emergingSkill)) == {AI}
    assert str(g.value(K2402, SKOS.definition)).endswith("d'institutionnels ou d'entreprises.")
    assert set(g.objects(M1805, AIC.mobilityTo)) == {M1889}
    assert g.value(rome_move_iri("M1889", "M1805"), AIC.position) == integer(1)
    assert report.counts["moves"] == 4 and report.counts["job sheets"] == 3


# ------------------------------------------------------------------------------ output


def test_write_formats_and_atomicity(tmp_path, imported):
    g, _ = imported
    for fmt, parse in (("nt", "nt"), ("ttl", "turtle")):
        out = tmp_path / f"rome.{fmt}"
        assert write_rome(iter_rome_triples(FIXTURE, report=ImportReport("rome")), out) == len(g)
        assert set(Graph().parse(out, format=parse)) == set(g)
    from rdflib import Dataset

    nq = tmp_path / "rome.nq"
    write_rome(g, nq)
    ds = Dataset()
    ds.parse(nq, format="nquads")
    assert set(ds.graph(graph_iri("rome"))) == set(g)
    # the same triples give the same bytes; a failed import leaves the previous file as it was
    nt = tmp_path / "rome.nt"
    before = nt.read_bytes()
    write_rome(g, nt)
    assert nt.read_bytes() == before
    folder = copy_fixture(tmp_path)
    replace_line(fixture_file(folder, "rubrique_mobilite"), 3, '"broken"')
    with pytest.raises(InputError):
        write_rome(iter_rome_triples(folder, report=ImportReport("rome")), nt)
    assert nt.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rome", "rome.nq", "rome.nt", "rome.ttl"]


def test_check_output(tmp_path):
    assert check_output(tmp_path / "a" / "b" / "rome.nq") == "nq"
    assert check_output(tmp_path / "rome.data", "ttl") == "ttl"
    with pytest.raises(InputError, match="unknown suffix '.rdf'"):
        check_output(tmp_path / "rome.rdf")
    with pytest.raises(InputError, match="is a folder"):
        check_output(tmp_path, "nt")
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="is not a folder"):
        check_output(tmp_path / "file" / "rome.nt")


# ------------------------------------------------------------------------------ the command


@pytest.fixture
def run(monkeypatch, capsys):
    """Run ``aicareers`` with the import-rome command registered; return (status, stdout, stderr)."""
    if "aicareers.rome.cli" not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", [*cli.COMMAND_MODULES, "aicareers.rome.cli"])

    def go(*argv: str) -> tuple[int, str, str]:
        status = cli.main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return go


def test_command_writes_the_file(run, tmp_path, imported):
    out = tmp_path / "out" / "rome.ttl"
    status, stdout, stderr = run("import-rome", str(FIXTURE), "--out", str(out))
    assert status == 0
    assert set(Graph().parse(out, format="turtle")) == set(imported[0])
    assert imported[1].summary() in stdout and f"wrote {len(imported[0])} triples to {out}" in stdout
    assert f"problem: {MOBILITY_FILE}: record line 3: field code_rome_cible:" in stderr
    assert f"rome: {LINKS_FILE}: 23 rows read, done" in stderr  # progress
    status, stdout, stderr = run("import-rome", str(FIXTURE), "--out", str(tmp_path / "m.data"), "--format", "nq",
                                 "--sheet", "M1889", "M1805", "--quiet")  # fmt: skip
    assert status == 0 and "2 job sheets" in stdout and "rows read" not in stderr
    assert all(line.endswith(f" <{graph_iri('rome')}> .") for line in (tmp_path / "m.data").read_text().splitlines())


def test_command_bad_input_is_one_line_and_status_2(run, tmp_path):
    status, stdout, stderr = run("import-rome", str(tmp_path / "missing.zip"), "--out", str(tmp_path / "rome.nt"))
    assert status == 2
    assert stderr.count("\n") == 1 and stderr.startswith("aicareers import-rome: error: ")
    assert "no such file or folder" in stderr
    assert not (tmp_path / "rome.nt").exists()
    # a bad --out is refused before the release is read (the release here does not even exist)
    status, _, stderr = run("import-rome", str(tmp_path / "missing.zip"), "--out", str(tmp_path / "rome.rdf"))
    assert status == 2 and "unknown suffix '.rdf'" in stderr and stderr.count("\n") == 1


# ------------------------------------------------------------------------------ the official release v460


@pytest.fixture(scope="module")
def real() -> tuple[Graph, ImportReport]:
    if not REAL.is_file():  # the reference data is part of the workplace: its absence is a failure
        pytest.fail(f"the ROME 4.0 release is missing: {REAL}")
    return import_rome(REAL)


def test_real_counts(real):
    _, report = real
    assert report.version == "460"
    assert report.counts == {"job sheets": 1_584, "job titles": 13_120, "skills": 18_317, "knowledge items": 15_354,
                             "work contexts": 179, "skill links": 90_556, "activities": 9_602, "moves": 14_912}  # fmt: skip
    assert report.problems == []


def test_real_m1889(real):
    g, _ = real
    assert g.value(M1889, SKOS.prefLabel) == fr("Ingénieur / Ingénieure en Intelligence Artificielle (IA)")
    assert (M1889, AIC.hasJobTitle, PROMPT_ENGINEER) in g
    assert g.value(PROMPT_ENGINEER, SKOS.prefLabel) == fr("Prompt engineer")
    assert len(set(g.objects(M1889, AIC.hasJobTitle))) == 8
    moves = sorted(g.subjects(AIC.fromOccupation, M1889), key=lambda m: int(g.value(m, AIC.position)))
    targets = [str(g.value(m, AIC.toOccupation)).rsplit("/", 1)[1] for m in moves]
    assert targets == ["M1846", "M1414", "M1865", "M1879", "M1892", "K2109", "M1853"]
    assert {str(o).rsplit("/", 1)[1] for o in g.objects(M1889, AIC.mobilityTo)} == set(targets)
    assert {str(s).rsplit("/", 1)[1] for s in g.subjects(AIC.mobilityTo, M1889)} == {"M1873", "M1892"}
    access = str(g.value(M1889, AIC.accessConditions))
    assert "Bac + 5" in access and "Diplôme d'ingénieur" in access
    assert str(g.value(M1889, SKOS.definition)).startswith("L'Ingénieur en Intelligence Artificielle (IA)")
    assert len(list(g.objects(M1889, AIC.hasTask))) == 8
    assert (M1889, AIC.coreSkill, ALGORITHMS) in g and (M1889, AIC.emergingSkill, DATA_SCIENCE) in g
    assert (M1889, AIC.coreSkill, AI_PRODUCTS) in g and (M1889, AIC.emergingSkill, AI) in g
    assert len(list(g.objects(M1889, AIC.workContext))) == 9
    assert g.value(REMOTE, SKOS.prefLabel) == fr("Possibilité de télétravail")


def test_real_classes_and_text(real):
    g, _ = real
    assert len(set(g.subjects(RDF.type, AIC.RomeSoftSkill))) == 16  # the savoir-être macro-competences
    assert len(set(g.subjects(RDF.type, AIC.RomeKnowHow))) == 18_317 - 16
    assert len(set(g.objects(None, AIC.emergingSkill))) > 0
    assert not [o for o in g.objects(None, SKOS.definition) if "''" in o]
    assert not [o for o in g.objects(None, AIC.accessConditions) if "''" in o]


@pytest.fixture(scope="module")
def extracted(real, tmp_path_factory) -> tuple[Path, list[str]]:
    """What the extract script writes now, from the official release, in a temporary folder."""
    out = tmp_path_factory.mktemp("facts") / "rome"
    return out, extract.write_extract(out, REAL)


def test_facts_rome_is_what_the_extract_script_writes(extracted):
    out, sheets = extracted
    committed = FACTS_DIR / "rome"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in committed.iterdir())
    for file in sorted(out.iterdir()):
        assert file.read_bytes() == (committed / file.name).read_bytes(), file.name
    assert set(ROME_SEEDS) <= set(sheets) and len(sheets) == 56
    # the neighbours of M1889 (a hub), both ways, are in the slice...
    assert {"M1846", "M1414", "M1865", "M1879", "M1892", "K2109", "M1853", "M1873"} <= set(sheets)
    # ...not those of the journalist's sheet (a seed, not a hub): E1106 -> E1103 (relations publiques)
    assert "E1103" not in sheets
    readme = (committed / "README.md").read_text(encoding="utf-8")
    assert "Licence Ouverte / Open Licence 2.0 (Etalab)" in readme and '"France Travail, ROME 4.0"' in readme
    assert "python -m aicareers.rome.extract" in readme and "- M1889 Ingénieur / Ingénieure en Intelligence" in readme


def test_facts_rome_is_a_complete_part_of_the_release(real, extracted):
    full, _ = real
    _, sheets = extracted
    g, report = import_rome(FACTS_DIR / "rome")
    assert report.problems == []
    assert {str(s).rsplit("/", 1)[1] for s in g.subjects(RDF.type, AIC.RomeJobSheet)} == set(sheets)
    assert set(g) <= set(full)
    kept = {rome_sheet_iri(code) for code in sheets}
    for sheet in (M1889, rome_sheet_iri("M1405"), rome_sheet_iri("M1873")):  # complete profiles
        for p in (AIC.hasJobTitle, AIC.hasTask, AIC.coreSkill, AIC.specificSkill, AIC.emergingSkill, AIC.workContext,
                  SKOS.definition, AIC.accessConditions):
            assert set(g.objects(sheet, p)) == set(full.objects(sheet, p)), (sheet, p)
    # every move of the release between two sheets of the slice, and no other
    moves = {(a, b) for a, b in full.subject_objects(AIC.mobilityTo) if a in kept and b in kept}
    assert set(g.subject_objects(AIC.mobilityTo)) == moves and len(moves) == report.counts["moves"] == 251
    assert (M1889, AIC.hasJobTitle, PROMPT_ENGINEER) in g
