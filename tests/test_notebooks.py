"""The notebooks and what they stand on: no outputs in git, the salary table, the query helper.

The notebooks themselves run top to bottom under nbmake (``pytest --nbmake notebooks/``, part of
the default configuration); these tests check what nbmake does not: that they are saved without
outputs, and that the numbers they show are the right ones.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
import yaml

from aicareers import frames, paths
from aicareers.frames import catalogue_frame, load_graph, query_frame
from aicareers.salaries import SALARY_COLUMNS, NormalisationAssumptions, plot_salaries, salary_table
from aicareers.sparql.catalog import QueryParameterError, UnknownNameError

NOTEBOOK_DIR = paths.PROJECT_ROOT / "notebooks"
NOTEBOOKS = sorted(p for p in NOTEBOOK_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
TOUR = NOTEBOOK_DIR / "explore_ai_careers.ipynb"
STRIP_HINT = ("save notebooks without outputs: in Jupyter, Edit → Clear Outputs of All Cells, then save "
              "(or run `nbstripout notebooks/*.ipynb`)")


# ------------------------------------------------------------------------- notebooks in git


def test_the_tour_is_there():
    assert TOUR in NOTEBOOKS


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.relative_to(NOTEBOOK_DIR).as_posix())
def test_notebook_is_saved_without_outputs(notebook):
    text = notebook.read_text(encoding="utf-8")
    document = json.loads(text)
    assert document.get("nbformat") == 4, f"{notebook.name}: not an nbformat 4 notebook"
    nbformat = pytest.importorskip("nbformat")
    nbformat.validate(nbformat.reads(text, as_version=4))
    problems = []
    for number, cell in enumerate(document["cells"], start=1):
        if cell["cell_type"] == "code":
            if cell.get("outputs"):
                problems.append(f"cell {number} has {len(cell['outputs'])} output(s)")
            if cell.get("execution_count") is not None:
                problems.append(f"cell {number} has execution count {cell['execution_count']}")
        if "execution" in cell.get("metadata", {}):
            problems.append(f"cell {number} has execution timings in its metadata")
    if "widgets" in document.get("metadata", {}):
        problems.append("the notebook metadata holds widget state")
    assert not problems, f"{notebook.name}: " + "; ".join(problems) + f" -- {STRIP_HINT}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.relative_to(NOTEBOOK_DIR).as_posix())
def test_notebook_runs_on_the_project_kernel(notebook):
    """nbmake starts the kernel the notebook names: the standard ``python3`` one, which is the
    Python that runs the tests (the project's own environment), not some other installed kernel."""
    document = json.loads(notebook.read_text(encoding="utf-8"))
    assert document["metadata"]["kernelspec"]["name"] == "python3"


def test_the_tour_writes_the_salary_chart():
    sources = "".join("".join(c["source"]) for c in json.loads(TOUR.read_text(encoding="utf-8"))["cells"])
    assert '"test-artifacts" / "salary-chart.png"' in sources
    assert "plot_salaries(" in sources and "write_pages(" in sources


# -------------------------------------------------------------------------- salary table


@pytest.fixture(scope="module")
def table(graph) -> pd.DataFrame:
    return salary_table(graph)


@pytest.fixture(scope="module")
def by_id(table) -> pd.DataFrame:
    return table.set_index("id")


def test_one_row_per_salary_claim_of_the_facts(table):
    facts = yaml.safe_load((paths.FACTS_DIR / "salaries.yaml").read_text(encoding="utf-8"))["salaries"]
    assert sorted(table["id"]) == sorted(record["id"] for record in facts)
    assert list(table.columns) == list(SALARY_COLUMNS)
    assert table["id"].is_unique


def test_default_assumptions():
    a = NormalisationAssumptions()
    assert (a.net_per_gross, a.months_per_year, a.usd_amount, a.eur_amount) == (0.78, 12, 335_000, 303_000)
    assert a.basis_not_stated == "gross"


def test_france_beginner_net_monthly_becomes_annual_gross(graph, by_id):
    row = by_id.loc["news-france-beginner-monthly-net"]
    expected = 3000 * 12 / 0.78
    assert row["annual_gross_eur_low"] == expected and row["annual_gross_eur_high"] == expected
    assert round(expected) == 46154
    assert (row["original_value"], row["currency"], row["period"], row["basis"]) == (3000, "EUR", "month", "net")
    assert row["shape"] == "about" and row["approximate"]
    assert row["rule"] == "monthly → annual: × 12; net → gross: ÷ 0.78"
    assert (row["place"], row["seniority"], row["basis_assumed"]) == ("France", "Beginner", False)
    # Another ratio changes that claim, and only the net claims.
    cadre = salary_table(graph, NormalisationAssumptions(net_per_gross=0.75)).set_index("id")
    assert cadre.loc["news-france-beginner-monthly-net", "annual_gross_eur_low"] == 3000 * 12 / 0.75 == 48000
    others = by_id.index[by_id["basis"] != "net"]
    pd.testing.assert_frame_equal(
        cadre.loc[others, ["annual_gross_eur_low", "annual_gross_eur_high"]],
        by_id.loc[others, ["annual_gross_eur_low", "annual_gross_eur_high"]],
    )


def test_bloomberg_dollars_become_euros_at_the_sources_own_rate(by_id):
    usd = by_id.loc["news-bloomberg-us-annual-usd"]
    assert (usd["original_max"], usd["currency"], usd["period"]) == (335_000, "USD", "year")
    assert usd["annual_gross_eur_high"] == 303_000
    assert math.isnan(usd["annual_gross_eur_low"]) and usd["shape"] == "up to"
    assert usd["rule"].startswith("USD → EUR: × 303,000 / 335,000 (the source's own rate)")
    assert (usd["reported_by"], usd["relayed_by"], usd["date"], usd["place"]) == (
        "Bloomberg", "Presse Citron", "2023-03", "United States")
    # The rate is the one the source gives: its EUR claim is converted from the USD claim.
    eur = by_id.loc["news-bloomberg-us-annual-eur"]
    assert eur["converted_from"] == "news-bloomberg-us-annual-usd"
    a = NormalisationAssumptions()
    assert eur["original_max"] / usd["original_max"] == a.eur_amount / a.usd_amount
    assert eur["annual_gross_eur_high"] == eur["original_max"] == 303_000


def test_esd_gross_annual_range_is_unchanged(by_id):
    row = by_id.loc["esd-range-annual-gross"]
    assert (row["original_min"], row["original_max"]) == (25_000, 60_000)
    assert (row["annual_gross_eur_low"], row["annual_gross_eur_high"]) == (25_000, 60_000)
    assert (row["basis"], row["shape"], row["basis_assumed"]) == ("gross", "range", False)
    assert row["rule"] == "unchanged (annual, gross, EUR as stated)"
    assert row["label"] == "ESD · place not stated · seniority not stated · 2024"


def test_open_ranges_and_monthly_amounts(by_id):
    up_to = by_id.loc["abc-experienced-annual"]
    assert up_to["shape"] == "up to" and math.isnan(up_to["annual_gross_eur_low"])
    assert up_to["annual_gross_eur_high"] == 120_000
    beyond = by_id.loc["abc-renowned-annual"]
    assert beyond["shape"] == "beyond" and math.isnan(beyond["annual_gross_eur_high"])
    assert beyond["annual_gross_eur_low"] == 120_000 and beyond["original"].startswith("beyond 120,000 EUR")
    headline = by_id.loc["news-headline-monthly"]
    assert headline["annual_gross_eur_high"] == 20_000 * 12
    assert headline["rule"] == "monthly → annual: × 12; basis not stated: taken as gross"
    assert by_id.loc["news-bloomberg-us-monthly-eur", "annual_gross_eur_low"] == 25_000 * 12


def test_original_figures_are_kept_next_to_the_normalised_ones(graph, table):
    claims = query_frame("salary-claims", graph).drop_duplicates("salary").set_index("salary")
    for row in table.itertuples():
        stated = claims.loc[row.claim]
        for ours, theirs in (("original_min", "min"), ("original_max", "max"), ("original_value", "value")):
            mine, source = getattr(row, ours), stated[theirs]
            assert (math.isnan(mine) and pd.isna(source)) or mine == source, (row.id, ours)
        assert row.currency == stated["currency"]
        assert row.quote == stated["quote"]
    assert not table["quote"].isna().any()


def test_every_claim_is_labelled_source_place_seniority_date(table):
    for label in table["label"]:
        assert len(label.split(" · ")) == 4, label
    assert set(table["source_short"]) == {"ABC Portage", "ESD", "News article"}


def test_assumptions_are_checked():
    with pytest.raises(ValueError, match="net_per_gross"):
        NormalisationAssumptions(net_per_gross=1.3)
    with pytest.raises(ValueError, match="basis_not_stated"):
        NormalisationAssumptions(basis_not_stated="unknown")


# ---------------------------------------------------------------------------------- chart


def test_chart_states_its_assumptions_and_is_byte_stable(table, tmp_path):
    png, svg = tmp_path / "salaries.png", tmp_path / "out" / "salaries.svg"
    fig = plot_salaries(table, path=png)
    plot_salaries(table, path=svg)
    texts = "\n".join(t.get_text() for t in fig.texts)
    assert "÷ 0.78" in texts and "× 303,000 / 335,000" in texts and "× 12" in texts
    labels = [t.get_text().replace(" ·\n", " · ") for t in fig.axes[0].get_yticklabels()]
    assert sorted(labels) == sorted(table["label"])
    first_png, first_svg = png.read_bytes(), svg.read_bytes()
    assert first_png.startswith(b"\x89PNG") and b"<dc:date>" not in first_svg
    plot_salaries(table, path=png)
    plot_salaries(table, path=svg)
    assert png.read_bytes() == first_png and svg.read_bytes() == first_svg


# ---------------------------------------------------------------------------- query_frame


EVOLUTION_TARGETS = [
    ("role:ai-architect", "AI architect"),
    ("role:ai-consultant", "AI consultant"),
    ("role:ai-project-lead", "AI project lead"),
    ("role:ai-researcher", "AI researcher"),
    ("role:ux-expert", "User experience (UX) expert"),
]


def test_query_frame_gives_the_five_evolution_paths(graph):
    df = query_frame("evolution-paths", graph)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == ["target", "targetLabel", "meaning", "source", "quote"]
    assert list(df[["target", "targetLabel"]].itertuples(index=False, name=None)) == EVOLUTION_TARGETS
    assert set(df["source"]) == {"src:esd-sheet"}
    assert df.attrs["name"] == "evolution-paths" and df.attrs["question_fr"].startswith("Vers quels rôles")


@pytest.mark.parametrize("name", ["Prompt Engineer", "ingénieur de requête", "INGENIEUR DE REQUETE", "prompt-engineer",
                                  "role:prompt-engineer"])
def test_query_frame_parameters_by_name_in_french_or_english(graph, name):
    df = query_frame("evolution-paths", graph, role=name)
    assert list(df["targetLabel"]) == [label for _, label in EVOLUTION_TARGETS]


def test_query_frame_on_sparql_text_with_full_iris_and_python_values(graph):
    df = query_frame("""
        # Param: role: role
        SELECT ?salary ?max ?date WHERE {
          ?salary a aic:SalaryObservation ; schema:about ?role ; schema:maxValue ?max ; dcterms:date ?date
        } ORDER BY ?salary""", graph, curies=False, role="Prompt Engineer")
    assert df["salary"].str.startswith("https://w3id.org/ai-careers/id/salary/").all()
    assert df["max"].tolist() == [60_000, 303_000, 335_000]
    assert df["date"].tolist() == ["2024", "2023-03", "2023-03"]  # partial dates as the source gives them


def test_query_frame_errors_name_what_is_wrong(graph):
    with pytest.raises(QueryParameterError, match="no parameter 'skill'"):
        query_frame("evolution-paths", graph, skill="Patience")
    with pytest.raises(UnknownNameError, match="unknown role"):
        query_frame("evolution-paths", graph, role="astronaut")


def test_catalogue_frame_lists_every_query():
    cat = catalogue_frame()
    assert sorted(cat["name"]) == sorted(p.stem for p in paths.QUERIES_DIR.glob("*.rq"))
    assert cat["question_en"].notna().all() and cat["question_fr"].notna().all()


def test_load_graph_builds_in_memory_when_the_graph_folder_is_missing(monkeypatch, tmp_path, built):
    monkeypatch.setattr(frames, "GRAPH_FILE", tmp_path / "graph" / "ai-careers.nq")
    dataset = load_graph()
    assert not (tmp_path / "graph").exists()
    written = tmp_path / "built.nq"
    written.write_bytes(built.files["ai-careers.nq"])
    expected = load_graph(written)
    quads = lambda ds: list(ds.quads((None, None, None, None)))  # noqa: E731
    assert len(quads(dataset)) == len(quads(expected)) == built.files["ai-careers.nq"].count(b"\n")
    assert {q[3] for q in quads(dataset)} == {q[3] for q in quads(expected)}
    assert len(query_frame("evolution-paths", dataset)) == 5
