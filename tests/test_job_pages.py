"""The job profile pages (``graph/html/jobs/<id>.html``): one per role and per framework occupation.

Facts first (what a page says, against the analyses and ``aicareers salaries``), then the pages
in Chromium at a laptop's and a phone's size (tests/browser.py).
"""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from aicareers.analytics.gap import skill_gap
from aicareers.html.jobs import job_pages, render_jobs
from aicareers.html.pages import remove_stale_pages, role_pages, write_pages
from aicareers.salary_claims import read_claims

ROLE = "https://w3id.org/ai-careers/id/role/"
ESCO_DATA_SCIENTIST = "http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30"


@pytest.fixture(scope="module")
def claims(built):
    return read_claims(built.graph)


@pytest.fixture(scope="module")
def site(g, claims, tmp_path_factory):
    """Every page of the session's build, written once: (folder, written paths)."""
    out = tmp_path_factory.mktemp("site")
    return out, write_pages(g, out, claims=claims)


def page(site, name: str) -> str:
    return (site[0] / "jobs" / name).read_text(encoding="utf-8")


def block(html: str, lang: str) -> str:
    """The page's text in one language (its ``<div data-lang=...>`` block)."""
    return re.search(rf'<div data-lang="{lang}" lang="{lang}">(.*?)\n</div>', html, re.S).group(1)


def section(html: str, lang: str, title: str) -> str:
    """One language's section, from its ``<h2>`` starting with ``title`` to the next ``<h2>``."""
    return re.search(rf"<h2>{re.escape(title)}.*?</h2>(.*?)(?=<h2>)", block(html, lang), re.S).group(1)


def cells(table_html: str) -> list[list[str]]:
    """A table's body rows as plain text cells (notes' numbers dropped)."""
    body = re.search(r"<tbody>(.*?)</tbody>", table_html, re.S).group(1)
    return [[htmllib.unescape(re.sub(r"<sup>.*?</sup>|<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


# ------------------------------------------------------------------------------ which pages


def test_one_page_per_role_and_per_framework_occupation(g, site):
    out, written = site
    jobs = [p.relative_to(out).as_posix() for p in written if p.parent.name == "jobs"]
    roles = [n for n, d in g.nodes(data=True) if d["type"] == "role"]
    occupations = [n for n, d in g.nodes(data=True) if d["type"] in ("esco-occupation", "rome-occupation", "onet-occupation")]
    assert len(jobs) == len(roles) + len(occupations) == 11 + 29 + 56 + 31
    assert sorted(jobs) == sorted(job_pages(g).values())
    assert {"jobs/ai-architect.html", "jobs/prompt-engineer.html", "jobs/esco-data-scientist.html",
            "jobs/rome-M1405.html", "jobs/onet-15-2051-00.html"} <= set(jobs)
    assert not list(out.glob("profile-*.html"))


def test_stale_profile_and_job_pages_are_removed(tmp_path):
    (tmp_path / "jobs").mkdir()
    for name in ("profile-ai-architect.html", "jobs/gone.html", "jobs/kept.html", "role-kept.html", "index.html"):
        (tmp_path / name).write_text("old", encoding="utf-8")
    remove_stale_pages(tmp_path, {"jobs/kept.html": "", "role-kept.html": "", "index.html": ""})
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html")) == [
        "index.html", "jobs/kept.html", "role-kept.html"]


def test_every_link_of_a_job_page_leads_to_a_page_of_the_site(site):
    out, written = site
    for path in (p for p in written if p.parent.name == "jobs"):
        for href in re.findall(r'href="([^"#][^"]*)"', path.read_text(encoding="utf-8")):
            target = (path.parent / unquote(urlsplit(htmllib.unescape(href)).path)).resolve()
            assert target.is_file(), (path.name, href)


def test_the_graph_view_is_one_click_away_centred_on_the_job(site):
    assert ('href="../role-ai-architect.html?focus=https%3A%2F%2Fw3id.org%2Fai-careers%2Fid%2Frole%2Fai-architect&amp;lang=fr"'
            in page(site, "ai-architect.html"))
    assert ('href="../index.html?focus=http%3A%2F%2Fdata.europa.eu%2Fesco%2Foccupation%2F258e46f9-0075-4a2e-adae-1ff0477e0f30'
            '&amp;lang=fr"' in page(site, "esco-data-scientist.html"))


def test_two_renders_give_the_same_bytes(g, claims):
    rolepages = role_pages(g)
    assert render_jobs(g, rolepages, claims=claims) == render_jobs(g, rolepages, claims=claims)


# ------------------------------------------------------------------------------ what a page says


def test_the_ai_architects_page_lists_its_essential_skills_with_their_sources(site):
    html = page(site, "ai-architect.html")
    essential = section(html, "fr", "Compétences essentielles (53)")
    rows = {r[0]: r[1] for r in cells(essential)}
    assert rows["Optimiser les performances des systèmes d'IA"] == (
        "ROME via Ingénieur / Ingénieure en Intelligence Artificielle (IA) (correspondance proche), cœur de métier")
    assert rows["algorithmes"] == (
        "ESCO via concepteur de systèmes intelligents/conceptrice de systèmes intelligents (correspondance proche), essentielle")
    english = {r[0]: r[1] for r in cells(section(html, "en", "Essential skills (53)"))}
    assert english["algorithms"] == "ESCO via ICT intelligent systems designer (close match), essential"
    # the skill's notes point at the framework's record, its relation in words (no CURIE)
    row = re.search(r"<td>Optimiser les performances des systèmes d&#39;IA</td>.*?</tr>", block(html, "fr")).group(0)
    numbers = re.findall(r'href="#n(\d+)-fr"', row)
    notes = {n: re.search(rf'<li id="n{n}-fr">(.*?)</li>', html).group(1) for n in numbers}
    assert any(n.startswith("ROME 4.0 460 (France Travail, ROME 4.0)\u00a0: M1889 — compétence cœur de métier — ")
               for n in notes.values()), notes
    assert "aic:coreSkill" not in html
    # the articles' human qualities are apart from the skills
    qualities = [r[0] for r in cells(section(html, "en", "Human qualities (according to the articles) (4)"))]
    assert "Creativity" in qualities and "Creativity" not in [r[0] for r in cells(section(html, "en", "Essential skills"))]


def test_the_prompt_engineers_salary_claims_side_by_side_as_aicareers_salaries_normalises_them(site, built_dir, capsys):
    from aicareers.cli import main

    assert main(["salaries", "Prompt Engineer", "--normalise", "--format", "json", "--graph", str(built_dir / "ai-careers.nq")]) == 0
    expected = json.loads(capsys.readouterr().out)["claims"]
    assert len(expected) == 9
    html = page(site, "prompt-engineer.html")
    rows = cells(section(html, "en", "Salaries (9)"))
    assert [(r[1], r[2]) for r in rows] == [(c["stated_text"], c["annual_gross_eur"]["text"]) for c in expected]
    assert rows[0][1:] == ["€60,000\u00a0–\u00a0€80,000 a year (gross or net not stated)", "€60,000\u00a0–\u00a0€80,000",
                           "Beginner", "France (assumed)", "ABC Portage: “How to become a prompt engineer?”"]
    french = cells(section(html, "fr", "Salaires (9)"))
    assert french[0][1:3] == ["60\u202f000\u00a0–\u00a080\u202f000\u00a0€ par an (brut ou net non précisé)",
                              "60\u202f000\u00a0–\u00a080\u202f000\u00a0€"]
    # one chart per language, a mark for each claim that has a figure in euros
    charts = re.findall(r'<svg class="chart".*?</svg>', html, re.S)
    assert len(charts) == 2 and all(c.count("<rect") + c.count("<circle") == 9 for c in charts)


def test_the_ai_consultants_salary_is_said_unknown(site):
    html = page(site, "ai-consultant.html")
    assert "No source gives a salary for AI consultant." in block(html, "en")
    assert "Aucune source ne donne de salaire pour Consultant en IA." in block(html, "fr")
    assert "<svg" not in html


def test_each_move_carries_the_size_of_its_skill_gap_and_an_unknown_gap_is_not_zero(g, site):
    html = page(site, "prompt-engineer.html")
    onward = {r[0]: r[1] for r in cells(section(html, "en", "Moves onward"))}
    for role in ("ai-architect", "ai-consultant", "ux-expert"):
        gap = skill_gap(g, ROLE + "prompt-engineer", ROLE + role)
        assert onward[g.nodes[ROLE + role]["label_en"]] == f"{len(gap.to_acquire)} skill(s) to acquire"
    assert skill_gap(g, ROLE + "prompt-engineer", "https://w3id.org/ai-careers/id/onet/15-2051.00").required_unknown
    assert onward["Data Scientists"] == "gap unknown: no known skill for Data Scientists"
    into = {r[0]: r[1] for r in cells(section(page(site, "ai-architect.html"), "fr", "Métiers qui mènent ici"))}
    gap = skill_gap(g, ROLE + "prompt-engineer", ROLE + "ai-architect")
    assert into["Prompt Engineer"] == f"{len(gap.to_acquire)} compétence(s) à acquérir"


def test_the_esco_data_scientist_has_a_page_with_its_essential_skills(g, site):
    html = page(site, "esco-data-scientist.html")
    assert "<h1><span data-lang=\"fr\">scientifique des données</span><span data-lang=\"en\">data scientist</span></h1>" in html
    essential = {r[0]: r[1] for r in cells(section(html, "en", "Essential skills"))}
    assert essential["build recommender systems"] == "ESCO, essential"
    assert len(essential) == sum(1 for _, _, k in g.out_edges(ESCO_DATA_SCIENTIST, keys=True) if k == "esco:relatedEssentialSkill")
    assert "Roles of the graph that map to it (0)" in block(html, "en")
    assert "No source gives a salary for data scientist." in block(html, "en")


def test_mapping_reasons_are_in_the_pages_language(site):
    html = page(site, "ai-architect.html")
    assert ("(correspondance proche) <span class=\"note\">— <span>Le concepteur de systèmes intelligents TIC (ingénieur ou "
            "concepteur en IA) conçoit des systèmes d&#39;IA : c&#39;est ce que fait l&#39;architecte d&#39;IA.</span>") in block(html, "fr")
    assert "ICT intelligent systems designer (AI engineer/designer) designs AI systems" in block(html, "en")
    designer = block(page(site, "esco-ict-intelligent-systems-designer.html"), "fr")  # the roles mapped to it, and why
    assert "ESCO 1.1.1 n&#39;a pas de prompt engineer ; concepteur de systèmes intelligents TIC" in designer
    assert "raison en anglais" not in designer


def test_other_names_and_the_definition_with_its_sources(site):
    html = page(site, "prompt-engineer.html")
    assert "<strong>Other names</strong>: ingénieur de requête, prompt engineer, query engineer" in block(html, "en")
    definition = section(html, "fr", "Définition")
    assert "en créant des prompts (requêtes) pertinents et adaptés." in definition and 'href="#n1-fr"' in definition


# ------------------------------------------------------------------------------ in Chromium


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_ai_architects_page_in_a_browser(browser, site, size):
    from tests.browser import VIEWPORTS, Opened

    opened = Opened(browser, site[0] / "jobs" / "ai-architect.html", viewport=VIEWPORTS[size], ready=None, query="?lang=en")
    try:
        assert opened.js("() => document.documentElement.lang") == "en"
        assert opened.js("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        assert opened.controls_outside_viewport() == []
        assert opened.identifiers_in_text() == []
        assert opened.accessibility_violations() == []
        # every control is reachable by the keyboard: Tab reaches the language buttons and the links
        reached = set()
        for _ in range(6):
            opened.page.keyboard.press("Tab")
            reached.add(opened.js("() => document.activeElement.innerText.trim()"))
        assert {"See it in the graph", "FR", "EN"} <= reached
        opened.screenshot(f"job-ai-architect-{size}")
        assert opened.errors == [] and opened.foreign_requests() == []
        # the language travels: to the graph view, and to the next job page
        assert "lang=en" in opened.js("() => document.querySelector('a.graph').href")
        opened.page.get_by_role("link", name="ICT intelligent systems designer").first.click()
        opened.page.wait_for_load_state()
        assert opened.page.url.endswith("/jobs/esco-ict-intelligent-systems-designer.html?lang=en")
        assert opened.js("() => document.documentElement.lang") == "en"
        assert "Essential skills" in opened.page.inner_text("main")
        assert opened.errors == [] and all(u.startswith(site[0].as_uri()) for u in opened.requests)
    finally:
        opened.close()


def test_switching_language_changes_the_visible_text(browser, site):
    from tests.browser import VIEWPORTS, Opened

    opened = Opened(browser, site[0] / "jobs" / "prompt-engineer.html", viewport=VIEWPORTS["phone"], ready=None)
    try:
        assert "Salaires (9)" in opened.page.inner_text("main")
        opened.page.get_by_role("button", name="EN").click()
        text = opened.page.inner_text("main")
        assert "Salaries (9)" in text and "Salaires (9)" not in text
        assert opened.page.url.endswith("?lang=en")
        assert opened.controls_outside_viewport() == [] and opened.accessibility_violations() == []
        # the choice is remembered (aicareers.html.language): a page opened without ?lang= is in English too
        opened.page.goto((site[0] / "jobs" / "ai-architect.html").as_uri())
        assert opened.js("() => document.documentElement.lang") == "en"
        assert opened.page.url.endswith("/jobs/ai-architect.html?lang=en")
        assert opened.page.get_by_role("button", name="EN").get_attribute("aria-pressed") == "true"
        assert opened.errors == []
    finally:
        opened.close()


def test_a_page_rendered_without_claims_names_each_salarys_source_in_the_language_shown(browser, g, tmp_path):
    """Without the dataset's claims, a page lists the projection's salary nodes as stated; each
    row's source (its column and its numbered note) follows the FR/EN switch like the rest."""
    from tests.browser import Opened

    from aicareers.html.jobs import render_job

    pages = job_pages(g)
    path = tmp_path / pages[ROLE + "prompt-engineer"]
    path.parent.mkdir()
    path.write_text(render_job(g, ROLE + "prompt-engineer", pages), encoding="utf-8")
    first_row = """() => { const h = [...document.querySelectorAll('main h2')].find(h => h.offsetParent && /^Salai?r/.test(h.textContent));
        let t = h.nextElementSibling; while (t.tagName !== 'TABLE') t = t.nextElementSibling;
        const row = t.tBodies[0].rows[0], note = row.querySelector('sup a').getAttribute('href');
        return [h.textContent, row.cells[1].innerText, row.cells[5].innerText, document.querySelector(note).innerText]; }"""
    french = ["Salaires (9)", "Prompt Engineer : 60\u202f000–80\u202f000 EUR par an (Débutant) — ABC Portage : « Comment devenir Prompt Engineer ? »",
              "ABC Portage : « Comment devenir Prompt Engineer ? »", "ABC Portage : « Comment devenir Prompt Engineer ? »\u00a0: « un ingénieur débutant"]
    english = ["Salaries (9)", "Prompt engineer: 60,000–80,000 EUR per year (Beginner) — ABC Portage: “How to become a prompt engineer?”",
               "ABC Portage: “How to become a prompt engineer?”", "ABC Portage: “How to become a prompt engineer?”: « un ingénieur débutant"]

    def shown(expected):
        heading, stated, source, note = opened.js(first_row)
        return [heading, stated, re.sub(r"\s*\[\d+\]$", "", source), note[: len(expected[3])]]

    opened = Opened(browser, path, ready=None)
    try:
        assert shown(french) == french
        opened.page.get_by_role("button", name="EN").click()
        assert shown(english) == english
        opened.page.get_by_role("button", name="FR").click()
        assert shown(french) == french
        assert opened.errors == []
    finally:
        opened.close()
