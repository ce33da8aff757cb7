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
