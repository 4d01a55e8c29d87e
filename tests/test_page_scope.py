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
