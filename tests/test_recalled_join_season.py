"""A figure an article recalls as the count's earlier value ("بعد أن كانت 21 قتيلا يوم الجمعة
الماضي") is dated only roughly: it corroborates the same figure told in its own season, never one
told years apart (grouping.join_moves, `story_gap_days`).  A war of 1999 and mass graves of
2020 in one corpus: the 1999 article's units stay with their own story."""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile.grouping import EARLIER_PERIOD, group_claims


def _group_of(claims, doc, value):
    g = group_claims(claims)
    return next(sorted((m.claim.doc, m.claim.value) for m in gr.members) for gr in g.groups
                if any(m.claim.doc == doc and m.claim.value == value for m in gr.members))


def _corpus(recalled_on: str):
    return [
        # the older article: its current toll and the earlier figure it recalls, place unknown
        claim("war", "killed", 46, location=None, as_of="1999-06-05", as_of_from="metadata"),
        claim("war", "killed", 21, location=None, period=EARLIER_PERIOD, as_of=recalled_on, as_of_from="relative"),
        # another story told elsewhere: 21 bodies found, placed
        claim("graves", "killed", 21, location="libya", as_of="2020-07-15", as_of_from="metadata"),
    ]


def test_a_recalled_figure_does_not_carry_its_article_into_a_story_years_apart():
    assert ("graves", 21) not in _group_of(_corpus("1999-06-04"), "war", 46)


def test_a_recalled_figure_still_corroborates_within_its_season():
    near = _corpus("2020-07-10")
    near[0] = claim("war", "killed", 46, location=None, as_of="2020-07-16", as_of_from="metadata")
    assert ("graves", 21) in _group_of(near, "war", 46)


def test_a_recalled_figure_without_a_day_corroborates_as_before():
    undated = _corpus("1999-06-04")
    undated[1] = claim("war", "killed", 21, location=None, period=EARLIER_PERIOD)
    undated[0] = claim("war", "killed", 46, location=None)
    assert ("graves", 21) in _group_of(undated, "war", 46)


# ... and the other way round: another article's recalled figure, in the cluster a figure would
# join, is dated to its own article's season too.  A battle's toll told in 2016 in a city of one
# country (placed only by its article) is not carried into another country's war of 2015 because
# an article there recalled the same figure as an earlier count.
_LENT = ["location", "location:article"]


def _two_wars(told_on: str):
    return [
        claim("kunduz_a", "killed", 60, location="kunduz", as_of="2015-10-03", as_of_from="metadata"),
        claim("kunduz_a", "killed", 320, location="kunduz", period=EARLIER_PERIOD, as_of="2015-10-02",
              as_of_from="relative"),
        claim("kunduz_b", "killed", 60, location="kunduz", as_of="2015-10-03", as_of_from="metadata"),
        claim("sirte_a", "killed", 450, location="sirte", inferred=list(_LENT), as_of=told_on, as_of_from="metadata"),
        claim("sirte_a", "killed", 320, location="sirte", inferred=list(_LENT), as_of=told_on, as_of_from="metadata"),
    ]


def test_another_articles_recalled_figure_does_not_draw_a_figure_told_a_year_later():
    assert ("kunduz_a", 60) not in _group_of(_two_wars("2016-09-22"), "sirte_a", 450)


def test_another_articles_recalled_figure_still_draws_one_of_its_season():
    assert ("kunduz_a", 60) in _group_of(_two_wars("2015-10-05"), "sirte_a", 450)


def test_another_articles_undated_recalled_figure_draws_as_before():
    undated = _two_wars("2016-09-22")
    undated[1] = claim("kunduz_a", "killed", 320, location="kunduz", period=EARLIER_PERIOD)
    assert ("kunduz_a", 60) in _group_of(undated, "sirte_a", 450)
