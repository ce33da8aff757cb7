"""A country's figure in a story whose figures of that scope all sit in one region of that
country is the region's figure (issue 8, parts and wholes): "100 dead in Indonesia" and "120
in Aceh" on the same days are one toll told at two granularities.  Beside figures of two of
its regions, or when one article gives both, the country's figure stays the whole.
"""

from __future__ import annotations

import pytest
from test_reconciler_factory import claim, doc

from crosscheck.reconcile.grouping import group_claims
from crosscheck.reconcile.reconciler import reconcile

DAY = "2004-12-28"


OTHER_SEASON = "2005-09-30"

# (claims as (article, value, place, incident), each article's date, where article a's 100 goes)
CASES = {
    "a country figure beside one region joins the region's cluster": (
        [("a", 100, "indonesia", "quake"), ("b", 120, "aceh", "quake")], {}, "aceh"),
    "beside two of its regions the country figure stays the whole": (
        [("a", 100, "indonesia", "quake"), ("b", 60, "aceh", "quake"), ("c", 30, "sulawesi", "quake")],
        {}, "indonesia"),
    "an article giving both tells the part from the whole": (
        [("a", 100, "indonesia", "quake"), ("a", 60, "aceh", "quake"), ("b", 62, "aceh", "quake")],
        {}, "indonesia"),
    "a city beside its country is not a region": (
        [("a", 100, "iraq", "blast"), ("b", 90, "baghdad", "blast")], {}, "iraq"),
    "a region figure of another season is another story": (
        [("a", 100, "indonesia", "quake"), ("b", 120, "aceh", "quake")], {"b": OTHER_SEASON}, "indonesia"),
    # a story told over months (an attack's toll given near the region's figures and recalled
    # months later): one country figure near the region's makes it the region's story
    "a country figure recalled months later keeps its story's region": (
        [("a", 100, "indonesia", "quake"), ("b", 120, "aceh", "quake"), ("c", 100, "indonesia", "quake")],
        {"c": OTHER_SEASON}, "aceh"),
    "a country a stated combination adds up stays the whole": (
        [("a", 100, "indonesia", "quake"), ("b", 120, "aceh", "quake"),
         ("c", 150, "indonesia+malaysia", "quake")], {}, "indonesia"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_where_the_countrys_figure_goes(case):
    told, dates, expected = CASES[case]
    claims = [claim(d, "killed", v, location=place, incident=inc) for d, v, place, inc in told]
    docs = [doc(d, date=dates.get(d, DAY)) for d in dict.fromkeys(d for d, *_ in told)]
    (c,) = [c for c in reconcile(claims, docs) if any(x.doc == "a" and x.value == 100 for x in c.claims)]
    assert c.key["location"] == expected


def test_an_article_giving_the_region_then_the_country_on_later_days_tells_growth():
    """The same article on two days (a region's 56, then the country's 75) tells the toll's
    growth, not a part and its whole; on one day it tells them apart."""
    def grouped(later):
        g = group_claims([claim("a", "killed", 56, location="aceh", incident="quake", as_of="2004-12-27"),
                          claim("a", "killed", 75, location="indonesia", incident="quake", as_of=later),
                          claim("b", "killed", 80, location="aceh", incident="quake", as_of="2004-12-28")])
        (grp,) = [x for x in g.groups if any(m.claim.value == 75 for m in x.members)]
        return grp.key["location"]

    assert grouped("2004-12-28") == "aceh"
    assert grouped("2004-12-27") == "indonesia"


def test_an_articles_country_and_region_figures_that_can_be_one_number_are_one_toll():
    """A headline's "more than ninety dead" in the country over its lead's "92 at least" in the
    region is one toll told twice, not a whole and its part: the country's figure is the
    region's.  Figures that cannot be one number (100 and 60) still tell them apart."""
    def place_of_country_figure(country_value, qualifier, region_value):
        claims = [claim("a", "killed", country_value, qualifier, location="indonesia", incident="quake"),
                  claim("a", "killed", region_value, "at_least", location="aceh", incident="quake"),
                  claim("b", "killed", 95, location="aceh", incident="quake")]
        docs = [doc("a", date=DAY), doc("b", date=DAY)]
        (c,) = [c for c in reconcile(claims, docs)
                if any(x.doc == "a" and x.value == country_value for x in c.claims)]
        return c.key["location"]

    assert place_of_country_figure(90, "more_than", 92) == "aceh"
    assert place_of_country_figure(100, "exact", 60) == "indonesia"
