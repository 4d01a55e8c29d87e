"""From my job: ``aicareers from`` and ``from-my-job.html`` on the real graph (issue 13, item 2).

The facts asserted here were derived from the answers, then checked against the graph's own
edges (the routes' records, the skills' links): a change in the data or the rules shows here.
"""

from __future__ import annotations

import json
import re

import pytest

from aicareers.errors import NOT_KNOWN

ROLE = "https://w3id.org/ai-careers/id/role/"
ONET = "https://w3id.org/ai-careers/id/onet/"
ROME = "https://w3id.org/ai-careers/id/rome/"
ESCO_JOURNALIST = "http://data.europa.eu/esco/occupation/a47f82d3-4cf7-4abf-bb36-2c8cbad28234"

#: From the journalist: every role reachable, its moves, how many skills to acquire, those carried over.
JOURNALIST = [
    ("seo-consultant", 2, 25, ["provide written content"]),
    ("ai-consultant", 2, 79, ["copyright legislation", "Faire preuve de rigueur et de précision"]),
    ("system-engineer", 2, 136, ["Etre force de proposition", "Faire preuve de rigueur et de précision"]),
    ("developer", 2, 161, ["Faire preuve de rigueur et de précision"]),
    ("ai-architect", 2, 165, ["Faire preuve de rigueur et de précision"]),
]
#: From "data scientist" (ESCO, O*NET and ROME): the start of each role's first route, and None
#: for carried over when that start is O*NET's (no skills in its partial database: unknown, not 0).
DATA_SCIENTIST = [
    ("ai-researcher", 1, "M1405", 131, ["Analyse de données expérimentales", "Structurer, synthétiser des informations",
                                         "Animer, coordonner une équipe", "Avoir l'esprit d'équipe",
                                         "Concevoir des modèles théoriques (calcul, simulation, modélisation)",
                                         "Conduire des travaux d'études et de recherche", "Faire preuve de rigueur et de précision",
                                         "Gestion budgétaire", "Langages de programmation informatique", "Modélisation et simulation"]),
    ("ai-consultant", 1, "15-2051.00", 81, None),
    ("prompt-engineer", 1, "15-2051.00", 144, None),
    ("developer", 2, "M1405", 158, ["Faire preuve de rigueur et de précision", "Java", "Langages de programmation informatique",
                                     "Programmation en Python"]),
    ("journalist", 2, "M1405", 167, ["Etre force de proposition", "Faire preuve de curiosité, d'ouverture d'esprit",
                                      "Faire preuve de rigueur et de précision", "Structurer, synthétiser des informations"]),
    ("seo-consultant", 2, "15-2051.00", 26, None),
    ("ux-expert", 2, "15-2051.00", 110, None),
    ("ai-project-lead", 2, "15-2051.00", 138, None),
    ("system-engineer", 2, "15-2051.00", 138, None),
    ("ai-architect", 2, "15-2051.00", 166, None),
]


def facts_of(found):
    return [(r.role.id, r.moves, len(r.gap.to_acquire), [s.label_en for s in r.gap.carried_over]) for r in found.reach]


@pytest.fixture(scope="module")
def answer(g):
    from aicareers.analytics.from_job_cli import answer as run

    memo: dict = {}
    return lambda name: run(g, name, gaps=memo)


def test_journaliste_reaches_five_roles_through_onet_with_these_gaps(answer):
    found = answer("journaliste")
    assert [s.key for s in found.job.starts] == [ROLE + "journalist"]
    assert facts_of(found) == [(r, m, n, c) for r, m, n, c in JOURNALIST]
    seo = found.reach[0]
    assert seo.routes[0].describe() == (
        "Journalist = News Analysts, Reporters, and Journalists (close match) → Business Intelligence Analysts "
        "(O*NET related occupation, Supplemental) → Search Marketing Strategists (O*NET related occupation, Primary-Long) "
        "= SEO consultant (close match)")
    assert [s.label_en for s in seo.gap.to_acquire[:3]] == ["apply social media marketing", "conduct search engine optimisation",
                                                           "content marketing strategy"]
    assert all(s.required.essential for s in seo.gap.to_acquire[:3])  # essential first
    covered = {r.role.id: sorted(k.rsplit("/", 1)[-1] for k in r.gap.trainings.covered) for r in found.reach}
    assert covered == {"seo-consultant": [], "ai-consultant": [], "system-engineer": [], "developer": ["creativity"],
                       "ai-architect": ["creativity", "generative-ai-understanding"]}


def test_the_journalist_route_and_carried_skill_are_the_graphs_own_records(g):
    """Checked on the graph's edges, not through the analysis: the route and the skill carried over."""
    bi, seo_onet = ONET + "15-2051.01", ONET + "13-1161.01"
    assert g.has_edge(ROLE + "journalist", ONET + "27-3023.00", "skos:closeMatch")
    assert g.has_edge(ONET + "27-3023.00", bi, "aic:mobilityTo") and g.has_edge(bi, seo_onet, "aic:mobilityTo")
    assert g.has_edge(ROLE + "seo-consultant", seo_onet, "skos:closeMatch")
    # ROME's and ESCO's journalist give no move onward: the routes go through O*NET
    assert not [v for _, v, k in g.out_edges(ROME + "E1106", keys=True) if k == "aic:mobilityTo"]
    assert not [v for _, v, k in g.out_edges(ESCO_JOURNALIST, keys=True) if k == "aic:mobilityTo"]
    written = [v for _, v, k in g.out_edges(ESCO_JOURNALIST, keys=True)
               if k.startswith("esco:related") and g.nodes[v]["label_en"] == "provide written content"]
    assert len(written) == 1
    seo_esco = [v for _, v, k in g.out_edges(ROLE + "seo-consultant", keys=True) if k == "skos:closeMatch"
                and g.nodes[v]["type"] == "esco-occupation"]
    assert g.has_edge(seo_esco[0], written[0], "esco:relatedEssentialSkill")


def test_data_scientist_is_three_records_and_an_onet_start_leaves_carried_over_unknown(answer):
    found = answer("data scientist")
    assert [s.type for s in found.job.starts] == ["esco-occupation", "onet-occupation", "rome-occupation"]
    got = [(r.role.id, r.moves, r.routes[0].start.id, len(r.gap.to_acquire),
            None if r.gap.held_unknown else [s.label_en for s in r.gap.carried_over]) for r in found.reach]
    assert got == DATA_SCIENTIST
    assert found.reach[0].routes[0].describe() == (
        "Data scientist → Ingénieur / Ingénieure de recherche scientifique (ROME mobility) = AI researcher (broad match)")


@pytest.mark.parametrize("typed", ["journalist", "jornaliste", "JOURNALISTE", "Journaliste"])
def test_a_typo_or_the_other_language_resolves(answer, typed):
    assert facts_of(answer(typed)) == [(r, m, n, c) for r, m, n, c in JOURNALIST]


def test_a_rome_title_in_one_gender_is_its_sheet(answer):
    found = answer("Journaliste sportive")
    assert [s.key for s in found.job.starts] == [ROME + "E1106"]


def test_cli_table_labels_not_identifiers(cli, capsys):
    assert cli(["from", "journaliste", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "From 'journaliste': Journalist (role of the graph)"
    assert "AI roles reachable within 2 moves: 5" in out
    assert re.search(r"1\s+SEO consultant\s+2\s+25\s+1\s+Journalist", out)
    assert "... and 22 more (--top 0, or --format json)" in out
    assert "O*NET 29.2" in out and "Related Occupations.txt: 27-3023.00 -> 15-2051.01" in out  # the record of a move
    assert "http" not in out and "aic:" not in out and "skos:" not in out


def test_cli_french_labels_and_unknown_held_skills(cli, capsys):
    assert cli(["from", "data scientist", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Chercheur en IA" in out and "fiche ROME" in out
    assert "Skills carried over: unknown: no source gives a skill Data Scientists holds" in out
    assert re.search(r"Consultant en IA\s+1\s+at most 81\s+unknown", out)
    assert " 0 " not in out.split("Skills carried over")[0].split("from\n")[-1]  # no "0" stands for unknown


def test_cli_json_and_csv_carry_the_identifiers(cli, capsys):
    assert cli(["from", "journaliste", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["role"]["id"] for r in data["reach"]] == [r for r, *_ in JOURNALIST]
    assert data["reach"][0]["routes"][0]["hops"][1]["facts"][0]["record"] == "Related Occupations.txt: 27-3023.00 -> 15-2051.01"
    assert cli(["from", "journaliste", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "job,start,role,role_id,moves,route,list,skill,skill_id,strength,through"
    assert sum(",to acquire," in r for r in rows) == sum(n for _, _, n, _ in JOURNALIST)


def test_cli_unknown_name_one_line_with_close_names(cli, capsys):
    assert cli(["from", "zzzqqq"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("aicareers from: error: unknown job title 'zzzqqq'")
    assert cli(["from", "journo"]) == 2
    err = capsys.readouterr().err
    assert "did you mean: journalist" in err and err.count("\n") == 1


def test_a_job_no_route_is_given_from_is_unknown_not_none(cli, capsys, g):
    """ROME's M1810 gives moves, but none reaches a role of the graph within 2: unknown (status 4), never "0 roles"."""
    assert not any(k in ("skos:exactMatch", "skos:closeMatch", "skos:broadMatch") for *_, k in g.in_edges(ROME + "M1810", keys=True))
    assert cli(["from", "Adjoint d'exploitation informatique"]) == NOT_KNOWN
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "From \"Adjoint d'exploitation informatique\": Technicien / Technicienne d'exploitation informatique (ROME sheet)",
        "AI roles reachable: unknown: no source gives a route from Technicien / Technicienne d'exploitation informatique "
        "to a role of the graph within 2 moves"]


# ------------------------------------------------------------------------------ the page


@pytest.fixture(scope="module")
def page(g, tmp_path_factory):
    from aicareers.html.from_my_job import PAGE_NAME, render_from_my_job

    folder = tmp_path_factory.mktemp("html")
    (folder / PAGE_NAME).write_text(render_from_my_job(g, lang="fr"), encoding="utf-8")
    (folder / "index.html").write_text("<!DOCTYPE html><html lang='fr'><title>index</title><body data-settled='1'>index</body></html>",
                                       encoding="utf-8")
    return folder / PAGE_NAME


def test_page_is_compact_and_byte_identical(g, page):
    from aicareers.html.from_my_job import render_from_my_job

    html = page.read_text(encoding="utf-8")
    assert len(html.encode()) < 1_000_000  # 437 kB for 2604 titles when written
    assert render_from_my_job(g, lang="fr") == html
    assert "cdn" not in html.lower() and "<script src" not in html


def test_the_build_writes_the_page_byte_identical_whatever_the_hash_seed(built, built_dir, tmp_path):
    """Written with the other pages (render_site, as the build does), the same bytes under two hash seeds."""
    import hashlib
    import os
    import subprocess
    import sys

    script = ("import sys; from aicareers.analytics.cli import load_graph; from aicareers.html.pages import write_pages; "
              "print([p.name for p in write_pages(load_graph(sys.argv[1]), sys.argv[2], site=True)][-1])")
    digests = []
    for seed in ("1", "4242"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, str(built_dir / "ai-careers.nq"), str(out)], env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip() == "from-my-job.html"
        digests.append(hashlib.sha256((out / "from-my-job.html").read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def choose(opened, typed: str, arrows: int = 0):
    box = opened.page.locator("#job")
    box.fill("")
    box.type(typed)
    for _ in range(arrows):
        box.press("ArrowDown")
    box.press("Enter")
    opened.page.wait_for_selector("#answer h2")


def page_answer(opened) -> list:
    """What the page shows for each role: its name, the skills carried over and to acquire (all)."""
    return opened.js("""() => Array.from(document.querySelectorAll('section.reach')).map(s => [
        s.querySelector('h3').textContent,
        Array.from(s.querySelectorAll('.carried li')).map(li => li.firstChild.textContent),
        s.querySelector('p.carried') ? s.querySelector('p.carried').textContent : null,
        Array.from(s.querySelectorAll('.acquire li')).map(li => li.firstChild.textContent)])""")


def expected(found, lang: str) -> list:
    words = {"en": ("move", "moves"), "fr": ("mouvement", "mouvements")}[lang]
    rows = []
    for r in found.reach:
        held = None if r.gap.held_unknown else [s.label(lang) for s in r.gap.carried_over]
        rows.append([f"{r.role.label(lang)} ({r.moves} {words[r.moves != 1]})", held or [],
                     None if held else "x", [s.label(lang) for s in r.gap.to_acquire]])
    return rows


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_page_in_a_browser(browser, page, answer, size):
    from tests.browser import VIEWPORTS, Opened

    opened = Opened(browser, page, viewport=VIEWPORTS[size], query="?lang=en")
    try:
        assert opened.js("document.documentElement.lang") == "en"
        choose(opened, "journaliste")
        got = page_answer(opened)
        want = expected(answer("journaliste"), "en")
        assert [[g_[0], g_[1], g_[3]] for g_ in got] == [[w[0], w[1], w[3]] for w in want]
        choose(opened, "data scientist")
        got = page_answer(opened)
        want = expected(answer("data scientist"), "en")
        assert [[g_[0], g_[1], g_[3]] for g_ in got] == [[w[0], w[1], w[3]] for w in want]
        assert [bool(g_[2]) for g_ in got] == [w[2] is not None for w in want]  # "unknown" said, never "0"
        headings = opened.js("Array.from(document.querySelectorAll('section.reach h4')).map(h => h.textContent).filter(t => t.startsWith('Skills'))")
        assert headings[:4] == ["Skills that carry over (10)", "Skills to acquire, essential first (131)",
                                "Skills that carry over", "Skills to acquire, essential first (at most 81)"]
        assert opened.controls_outside_viewport() == []
        assert opened.identifiers_in_text() == []
        assert opened.errors == [] and opened.foreign_requests() == []
        if size == "phone":  # text readable without zoom
            assert opened.js("parseFloat(getComputedStyle(document.querySelector('section.reach li')).fontSize)") >= 14
        choose(opened, "journaliste")  # the shorter answer in the picture
        opened.screenshot(f"from-my-job-{size}")
        assert opened.accessibility_violations() == []
    finally:
        opened.close()


def test_page_suggestions_keyboard_and_language(browser, page, answer):
    from tests.browser import Opened

    opened = Opened(browser, page)
    try:
        box = opened.page.locator("#job")
        box.type("UX")  # word starts only: "deux" is no match
        names = opened.js("Array.from(document.querySelectorAll('#suggestions li')).map(li => li.textContent)")
        assert names and all(re.search(r"(^|[^a-z])ux", n.lower()) for n in names)
        box.fill("")
        box.type("jornaliste")  # a typo still suggests the journalist
        first = opened.js("document.querySelector('#suggestions li').textContent")
        assert first.lower() == "journaliste"
        box.press("ArrowDown")
        assert opened.js("document.querySelector('#suggestions li[aria-selected=true]').id") == "opt1"
        box.press("ArrowUp")
        box.press("Enter")
        opened.page.wait_for_selector("#answer h2")
        assert page_answer(opened)[0][0] == "Consultant SEO (2 mouvements)"  # French by default
        hops = "Array.from(document.querySelectorAll('#answer .hops li')).map(li => li.textContent).join('\\n')"
        assert "(mobilité du référentiel, métier voisin selon O*NET, Primary-Short)" in opened.js(hops)  # the framework's move in French
        opened.page.click(".lang button[value=en]")
        assert page_answer(opened)[0][0] == "SEO consultant (2 moves)"
        assert "(framework mobility, O*NET related occupation, Primary-Short)" in opened.js(hops)
        choose(opened, "Adjoint d'exploitation informatique")  # no route known: unknown, not "0"
        assert opened.js("document.querySelector('#answer p.unknown').textContent") == (
            "AI roles reachable: unknown: no source gives a route from this job to a role of the graph")
        assert opened.page.get_attribute("a[data-keep-lang]", "href").endswith("index.html?lang=en")
        assert "lang=en" in opened.page.url
        opened.page.click("a[data-keep-lang]")
        opened.page.wait_for_load_state()
        assert opened.page.url.endswith("index.html?lang=en")
        assert opened.errors == []
    finally:
        opened.close()
