"""A country's figure in a story whose figures of that scope all sit in one region of that
country is the region's figure (issue 8, parts and wholes): "100 dead in Indonesia" and "120
in Aceh" on the same days are one toll told at two granularities.  Beside figures of two of
its regions, or when one article gives both, the country's figure stays the whole.
"""

from __future__ import annotations

from test_reconciler_factory import claim, doc

from crosscheck.reconcile.grouping import group_claims
from crosscheck.reconcile.reconciler import reconcile

DAY = "2004-12-28"


def _where(claims, docs, doc_id, value):
    clusters = reconcile(claims, docs)
    (c,) = [c for c in clusters if any(x.doc == doc_id and x.value == value for x in c.claims)]
    return c.key["location"]


def test_a_country_figure_beside_one_region_joins_the_regions_cluster():
    claims = [claim("a", "killed", 100, location="indonesia", incident="quake"),
              claim("b", "killed", 120, location="aceh", incident="quake")]
    assert _where(claims, [doc("a", date=DAY), doc("b", date=DAY)], "a", 100) == "aceh"


def test_beside_two_of_its_regions_the_country_figure_stays_the_whole():
    claims = [claim("a", "killed", 100, location="indonesia", incident="quake"),
              claim("b", "killed", 60, location="aceh", incident="quake"),
              claim("c", "killed", 30, location="sulawesi", incident="quake")]
    docs = [doc("a", date=DAY), doc("b", date=DAY), doc("c", date=DAY)]
    assert _where(claims, docs, "a", 100) == "indonesia"


def test_an_article_giving_both_tells_the_part_from_the_whole():
    claims = [claim("a", "killed", 100, location="indonesia", incident="quake"),
              claim("a", "killed", 60, location="aceh", incident="quake"),
              claim("b", "killed", 62, location="aceh", incident="quake")]
    docs = [doc("a", date=DAY), doc("b", date=DAY)]
    assert _where(claims, docs, "a", 100) == "indonesia"


def test_a_city_beside_its_country_is_not_a_region():
    claims = [claim("a", "killed", 100, location="iraq", incident="blast"),
              claim("b", "killed", 90, location="baghdad", incident="blast")]
    assert _where(claims, [doc("a", date=DAY), doc("b", date=DAY)], "a", 100) == "iraq"


def test_a_region_figure_of_another_season_is_another_story():
    claims = [claim("a", "killed", 100, location="indonesia", incident="quake"),
              claim("b", "killed", 120, location="aceh", incident="quake")]
    docs = [doc("a", date=DAY), doc("b", date="2005-09-30")]
    assert _where(claims, docs, "a", 100) == "indonesia"


def test_a_country_a_stated_combination_adds_up_stays_the_whole():
    claims = [claim("a", "killed", 100, location="indonesia", incident="quake"),
              claim("b", "killed", 120, location="aceh", incident="quake"),
              claim("c", "killed", 150, location="indonesia+malaysia", incident="quake")]
    docs = [doc("a", date=DAY), doc("b", date=DAY), doc("c", date=DAY)]
    assert _where(claims, docs, "a", 100) == "indonesia"



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
