"""Two articles placing one figure only by their defaults, one at a city and one at its country
("37 injured" under a Kunduz dateline, "37 injured" in an article about Afghanistan): each is
corroborated by the other's figure, and joined both ways they would swap places and stay apart
(grouping._uncross).  Of two defaults the move into the coarser place stands, a stated place
stands against a default, and two unrelated places are left to their moves."""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile.grouping import group_claims

_LENT = ["location", "location:article"]


def _together(claims, a, b) -> bool:
    g = group_claims(claims)
    return any({a, b} <= {(m.claim.doc, m.claim.value) for m in gr.members} for gr in g.groups)


def _place_of(claims, doc, value):
    g = group_claims(claims)
    return next(gr.key.get("location") for gr in g.groups
                if any(m.claim.doc == doc and m.claim.value == value for m in gr.members))


def _crossed(city_value=37, country_value=37, city_lent=True):
    return [
        claim("city_a", "injured", city_value, location="kunduz", inferred=list(_LENT) if city_lent else [],
              as_of="2015-10-03", as_of_from="metadata"),
        claim("country_b", "injured", country_value, location="afghanistan", inferred=list(_LENT),
              as_of="2015-10-03", as_of_from="metadata"),
    ]


def test_two_defaults_of_one_figure_at_a_city_and_its_country_end_together_in_the_country():
    claims = _crossed()
    assert _together(claims, ("city_a", 37), ("country_b", 37))
    assert _place_of(claims, "city_a", 37) == "afghanistan"


def test_two_unrelated_defaults_are_left_to_their_moves():
    claims = _crossed()
    claims[1] = claim("country_b", "injured", 37, location="pakistan", inferred=list(_LENT),
                      as_of="2015-10-03", as_of_from="metadata")
    assert not _together(claims, ("city_a", 37), ("country_b", 37))


def test_different_figures_do_not_cross():
    assert not _together(_crossed(country_value=52), ("city_a", 37), ("country_b", 52))


def test_a_default_crossing_a_stated_place_joins_the_stated_place():
    # (the city its own clause names stands; the country only the article lent gives way)
    claims = _crossed(city_lent=False)
    assert _together(claims, ("city_a", 37), ("country_b", 37))
    assert _place_of(claims, "city_a", 37) == "kunduz"


# An article that recalls the count's earlier value at its default place ("خفضت السلطات الحصيلة
# إلى 112 بعد أن كانت 121") does not tell that place's figure apart from its city's: the 121 is
# the same quantity's past.  Its 112 in the capital joins the 112 another outlet gives the country.
def _revised(earlier_period="superseded", country_lent=True):
    return [
        claim("city_a", "killed", 112, location="dhaka", as_of="2012-11-24", as_of_from="metadata"),
        claim("city_a", "killed", 121, location="bangladesh", period=earlier_period, inferred=list(_LENT),
              as_of="2012-11-24", as_of_from="metadata"),
        claim("country_b", "killed", 112, location="bangladesh", inferred=list(_LENT) if country_lent else [],
              as_of="2012-11-25", as_of_from="metadata"),
    ]


def test_a_recalled_earlier_figure_at_the_country_does_not_keep_the_citys_figure_apart():
    assert _together(_revised(country_lent=False), ("city_a", 112), ("country_b", 112))
    assert _together(_revised(), ("city_a", 112), ("country_b", 112))


def test_a_current_other_figure_at_the_country_still_keeps_it_apart():
    # (the article gives the country 121 and the city 112 as current figures: part and whole)
    assert not _together(_revised("cumulative", country_lent=False), ("city_a", 112), ("country_b", 112))
