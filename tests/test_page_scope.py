"""The pages of a build with the whole frameworks show the AI-careers slice (aicareers.html.scope).

The slice is chosen in the merged graph by the extract scripts' own rules: on the default build,
which holds exactly the slice, the scope must therefore keep every occupation and every link;
on a bigger graph it must drop what the rules leave out, and keep what they bring in.
"""

from __future__ import annotations

from aicareers.analytics.skills import OCCUPATION_TYPES
from aicareers.html.scope import page_scope, slice_occupations

ROME = "https://w3id.org/ai-careers/id/rome/"
ONET = "https://w3id.org/ai-careers/id/onet/"


def test_the_default_build_is_its_own_scope(g):
    occupations = {n for n, d in g.nodes(data=True) if d.get("type") in OCCUPATION_TYPES}
    assert slice_occupations(g) == occupations
    scoped = page_scope(g)
    assert set(scoped.edges(keys=True)) == set(g.edges(keys=True))
    # only the two job zones no occupation of the slice has (1 and 2) are left off: nothing links them
    assert {g.nodes[n]["label_en"] for n in set(g) - set(scoped)} == {"Job Zone One: Little or No Preparation Needed",
                                                                        "Job Zone Two: Some Preparation Needed"}


def test_a_sheet_outside_the_slice_goes_and_a_hubs_neighbour_stays(g):
    big = g.copy()
    # a sheet one move away from no hub, with a skill of its own: not in the slice
    big.add_node(ROME + "A1101", type="rome-occupation", notation="A1101", label_en="Tractor driver", label_fr="Conducteur")
    big.add_node(ROME + "skill/plough", type="rome-skill", label_en="Plough", label_fr="Labourer")
    big.add_edge(ROME + "A1101", ROME + "skill/plough", key="aic:coreSkill")
    # a sheet one move from the hub M1889 (Ingénieur IA): in the slice, with its skill
    big.add_node(ROME + "H1206", type="rome-occupation", notation="H1206", label_en="Industrial designer", label_fr="Designer")
    big.add_node(ROME + "skill/sketch", type="rome-skill", label_en="Sketch", label_fr="Esquisser")
    big.add_edge(ROME + "H1206", ROME + "skill/sketch", key="aic:coreSkill")
    big.add_edge(ROME + "H1206", ROME + "M1889", key="aic:mobilityTo")
    # an O*NET occupation related to the hub Data Scientists, but at the Supplemental tier only
    big.add_node(ONET + "17-2051.00", type="onet-occupation", notation="17-2051.00", label_en="Civil Engineers")
    big.add_edge(ONET + "15-2051.00", ONET + "17-2051.00", key="aic:mobilityTo", tier="Supplemental")
    scoped = page_scope(big)
    assert ROME + "H1206" in scoped and ROME + "skill/sketch" in scoped
    assert ROME + "A1101" not in scoped and ROME + "skill/plough" not in scoped
    assert ONET + "17-2051.00" not in scoped
    assert scoped.has_edge(ROME + "H1206", ROME + "M1889", "aic:mobilityTo")


def test_from_my_job_answers_a_title_outside_the_slice_as_aicareers_from_does(g):
    """The graph and job pages draw the slice; "from my job" answers every title of the whole graph."""
    import json
    import re

    from aicareers.analytics.from_job import find_job, reachable_roles
    from aicareers.html.pages import render_site

    big = g.copy()
    # two moves from the hub M1889 (Ingénieur IA), which roles map to: outside the slice, yet a route
    big.add_node(ROME + "A1101", type="rome-occupation", notation="A1101", label_en="Tractor driver", label_fr="Conducteur d'engins agricoles")
    big.add_node(ROME + "H1206", type="rome-occupation", notation="H1206", label_en="Industrial designer", label_fr="Designer industriel")
    big.add_edge(ROME + "A1101", ROME + "H1206", key="aic:mobilityTo")
    big.add_edge(ROME + "H1206", ROME + "M1889", key="aic:mobilityTo")
    scoped = page_scope(big)
    assert ROME + "A1101" not in scoped
    pages = render_site(scoped, whole=big)
    assert not any("Tractor driver" in html for name, html in pages.items() if name != "from-my-job.html")
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', pages["from-my-job.html"], re.S).group(1))
    job = dict(data["N"])["Tractor driver"]
    reached = [data["L"][r[0]][1] for r in data["J"][job][2]]
    expected = reachable_roles(big, find_job(big, "Tractor driver"))
    assert reached == [r.role.label_en for r in expected.reach]
    assert "AI architect" in reached and {r[1] for r in data["J"][job][2]} == {2}  # each two moves away
