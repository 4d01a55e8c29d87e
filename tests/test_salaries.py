"""Salaries a person can compare: every claim as stated and in annual gross EUR, the disagreements
like with like, and "no source says" kept apart from zero; exact answers on the real graph."""

from __future__ import annotations

import json
import math

import pytest

from aicareers import salaries_cli
from aicareers.annual_gross import StatedSalary, normalise, plain
from aicareers.build import build
from aicareers.cli import main
from aicareers.errors import NOT_KNOWN
from aicareers.salary_claims import compare, read_claims

#: Every salary claim of the real graph: as stated (in English words) and in annual gross EUR.
EXPECTED = {
    "abc-beginner-annual": ("€60,000 – €80,000 a year (gross or net not stated)", 60_000, 80_000),
    "abc-experienced-annual": ("up to €120,000 a year (gross or net not stated)", None, 120_000),
    "abc-renowned-annual": ("beyond €120,000 a year (gross or net not stated)", 120_000, None),
    "esd-range-annual-gross": ("€25,000 – €60,000 gross a year", 25_000, 60_000),
    "news-bloomberg-us-annual-eur": ("up to about €303,000 a year (gross or net not stated)", None, 303_000),
    "news-bloomberg-us-annual-usd": ("up to $335,000 a year (gross or net not stated)", None, 303_000),
    "news-bloomberg-us-monthly-eur": ("about €25,000 a month (gross or net not stated)", 300_000, 300_000),
    "news-france-beginner-monthly-net": ("about €3,000 net a month", 46_154, 46_154),
    "news-headline-monthly": ("up to €20,000 a month (gross or net not stated)", None, 240_000),
}


@pytest.fixture(scope="module")
def dataset():
    return build(out_dir=None).graph


@pytest.fixture(scope="module")
def claims(dataset):
    return read_claims(dataset)


@pytest.fixture
def cli(dataset, monkeypatch):
    """``aicareers.cli.main`` on the in-memory build (not on whatever graph/ holds)."""
    monkeypatch.setattr(salaries_cli, "load_dataset", lambda path=None: dataset)
    monkeypatch.setenv("COLUMNS", "400")  # tables fit the terminal: fix its width (wide: no quote wraps), as CI has none
    return main


def _round(x):
    return None if x is None else round(x)


def test_every_claim_as_stated_and_in_annual_gross_eur(claims):
    from aicareers.annual_gross import stated_text

    found = {c.id: (plain(stated_text(c.stated)), _round(c.annual_gross().low), _round(c.annual_gross().high)) for c in claims}
    assert found == EXPECTED
    assert {c.id: (c.place, c.place_assumed, c.seniority) for c in claims if c.seniority or not c.place_assumed} == {
        "abc-beginner-annual": ("france", True, "beginner"),
        "abc-experienced-annual": ("france", True, "experienced"),
        "abc-renowned-annual": ("france", True, "renowned"),
        "news-bloomberg-us-annual-eur": ("united-states", False, None),
        "news-bloomberg-us-annual-usd": ("united-states", False, None),
        "news-bloomberg-us-monthly-eur": ("united-states", False, None),
        "news-france-beginner-monthly-net": ("france", False, "beginner"),
        "news-headline-monthly": (None, False, None),
    }


def test_the_notebook_table_uses_the_same_normalisation(dataset):
    from aicareers.salaries import salary_table

    table = salary_table(dataset).set_index("id")
    for key, (_, low, high) in EXPECTED.items():
        row = table.loc[key]
        assert (None if math.isnan(row.annual_gross_eur_low) else round(row.annual_gross_eur_low)) == low
        assert (None if math.isnan(row.annual_gross_eur_high) else round(row.annual_gross_eur_high)) == high
    assert table.loc["news-france-beginner-monthly-net", "rule"] == "monthly → annual: × 12; net → gross: ÷ 0.78"


def test_normalise_writes_out_its_assumptions():
    pay = normalise(StatedSalary("EUR", "month", "net", value=3000, approximate=True, place="France"))
    assert pay.assumptions == (
        "Monthly → annual: × 12 (twelve monthly payments, no 13th month assumed).",
        "Net → gross: ÷ 0.78 (France, private-sector employee: employee contributions ≈ 22 % of gross; "
        "net before income tax; an assumption).",
    )
    assert plain(pay.said("fr")[1]) == ("Net → brut : ÷ 0,78 (France, salarié du privé : cotisations salariales "
                                        "≈ 22 % du brut ; net avant impôt ; une hypothèse).")
    usd = normalise(StatedSalary("USD", "year", high=335_000))
    assert usd.assumptions[0] == ("USD → EUR: × 303,000 / 335,000 ≈ 0.904 (the news article's own conversion of "
                                  "Bloomberg's figure, September 2024).")
    with pytest.raises(ValueError, match="per week"):
        normalise(StatedSalary("EUR", "week", value=1))


def test_disagreements_compare_like_with_like_after_normalisation(claims):
    pairs = compare(claims)
    # the only pair about the same role, country and seniority from two sources: a beginner in France
    assert [(p.a.id, p.b.id, p.agree, round(p.gap), p.higher) for p in pairs] == [
        ("abc-beginner-annual", "news-france-beginner-monthly-net", False, 13_846, "abc-beginner-annual"),
    ]
    assert not any(c.place == "united-states" for p in pairs for c in (p.a, p.b))  # no US maximum against France
    assert pairs[0].assumptions[-1] == (
        "Country not stated by ABC Portage: “How to become a prompt engineer?”: taken as France (ABC Portage, a "
        "French portage salarial company, writes for people working in France; an assumption).")


def test_the_command_lists_each_claim_with_its_annual_gross_source_and_quote(cli, capsys):
    assert cli(["salaries", "Prompt Engineer", "--normalise"]) == 0
    out = plain(capsys.readouterr().out)
    lines = out.splitlines()
    assert lines[0] == "Salaries of Prompt engineer as the sources state them: 9 claims, each beside its annual gross EUR"
    row = next(line for line in lines if line.startswith("  8  about €3,000 net a month"))
    assert "≈ €46,154" in row and "France " in row and "Beginner" in row and "News article (September 2024)" in row
    assert "  8. « En comparaison, en France, un débutant dans ce domaine toucherait environ 3 000 euros nets par mois. »" in lines
    assert "Assumptions of the annual gross EUR figures:" in out
    assert "  - Monthly → annual: × 12 (twelve monthly payments, no 13th month assumed)." in lines
    assert "60000.0" not in out and "https://" not in out


def test_the_command_in_french(cli, capsys):
    assert cli(["salaries", "ingénieur de requête", "--seniority", "débutant", "--normalise", "--lang", "fr"]) == 0
    out = plain(capsys.readouterr().out)
    assert out.splitlines()[0] == ("Salaires de Prompt Engineer tels que les sources les énoncent : 2 affirmations, "
                                   "chacune à côté de son brut annuel en euros")
    assert "60 000 – 80 000 € par an (brut ou net non précisé)  60 000 – 80 000 €" in out
    assert "environ 3 000 € net par mois" in out and "≈ 46 154 €" in out


def test_the_command_json_pairs_the_disagreement(cli, capsys):
    assert cli(["salaries", "prompt-engineer", "--disagreements", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(p["a"]["id"], p["b"]["id"], p["agree"], p["gap_eur_per_year"]) for p in data["pairs"]] == [
        ("abc-beginner-annual", "news-france-beginner-monthly-net", False, 13846.15)]
    assert data["pairs"][0]["b"]["annual_gross_eur"]["rule"] == "monthly → annual: × 12; net → gross: ÷ 0.78"
    assert data["not_compared"] == ["esd-range-annual-gross", "news-bloomberg-us-annual-eur",
                                    "news-bloomberg-us-annual-usd", "news-bloomberg-us-monthly-eur",
                                    "news-headline-monthly"]


def test_the_disagreement_table(cli, capsys):
    assert cli(["salaries", "Prompt Engineer", "--disagreements"]) == 0
    out = plain(capsys.readouterr().out)
    assert out.splitlines()[0] == (
        "Salaries compared like with like for Prompt engineer: same role, country and seniority, two sources, "
        "in annual gross EUR: 1 pair, 1 disagrees")
    assert "disagree: claim A is €13,846 a year above claim B" in out


def test_no_source_is_not_zero(cli, capsys):
    assert cli(["salaries", "AI consultant"]) == NOT_KNOWN == 4
    captured = capsys.readouterr()
    assert captured.out == "No source gives a salary for AI consultant; salaries are known for: Prompt engineer.\n"
    assert captured.err == ""
    assert cli(["salaries", "Consultant en IA", "--lang", "fr"]) == NOT_KNOWN
    assert capsys.readouterr().out == ("Aucune source ne donne de salaire pour Consultant en IA ; des salaires sont "
                                       "connus pour : Prompt Engineer.\n")
    assert cli(["salaries", "Prompt Engineer", "--country", "Europe"]) == NOT_KNOWN
    assert capsys.readouterr().out.startswith("No source gives a salary for Prompt engineer in Europe; the claims on "
                                              "Prompt engineer are about (country, seniority): France, Beginner; ")
    assert cli(["salaries", "AI consultant", "--format", "json"]) == NOT_KNOWN
    assert json.loads(capsys.readouterr().out)["claims"] == []


def test_a_typo_gets_did_you_mean_on_one_line(cli, capsys):
    assert cli(["salaries", "Promt Enginer"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("aicareers salaries: error: unknown role 'Promt Enginer'; "
                            "did you mean: Prompt engineer (prompt-engineer), System engineer (system-engineer)?\n")
    assert cli(["salaries", "--country", "Frnace"]) == 2
    assert "did you mean: France?" in capsys.readouterr().err
