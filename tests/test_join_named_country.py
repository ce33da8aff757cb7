"""A figure at no place whose sentence names a country joins that country's cluster when
several places' clusters could take it (issue 8: a claim joins the clusters its story
supports): the same toll told for two places on its days ("147" given for Kenya by one
article, for Peru by another), or two stories of the same days near it.
"""

from __future__ import annotations

import pytest
from test_reconciler_factory import claim, doc

from crosscheck.reconcile.reconciler import reconcile

DAY = "2015-04-03"


def _with(clusters, doc_id):
    (c,) = [c for c in clusters if c.kind == "killed" and any(x.doc == doc_id for x in c.claims)]
    return c


@pytest.mark.parametrize(
    ("sentence", "location"),
    [
        # the sentence names Kenya: the figure joins Kenya's cluster
        ("توعدت الحركة كينيا بحرب طويلة بعد الهجوم الذي أودى بحياة 147 شخصا", "kenya"),
        # without a country named the figure stays apart
        ("قالت الحركة إن الهجوم أودى بحياة 147 شخصا", None),
    ],
)
def test_the_same_figure_at_two_places_goes_to_the_country_its_sentence_names(sentence, location):
    claims = [
        claim("ke", "killed", 147, location="kenya", incident="war"),
        claim("pe", "killed", 147, location="peru", incident="war"),
        claim("x", "killed", 147, location=None, incident="war", sentence=sentence),
    ]
    clusters = reconcile(claims, [doc("ke", date=DAY), doc("pe", date=DAY), doc("x", date=DAY)])
    assert _with(clusters, "x").key["location"] == location


def test_of_two_stories_on_its_days_an_unplaced_figure_joins_the_named_countrys():
    claims = [
        claim("ke", "killed", 147, location="kenya", incident="war"),
        claim("pe", "killed", 30, location="peru", incident="war"),
        claim("x", "killed", 148, location=None, incident="war",
              sentence="كينيا: ارتفاع حصيلة ضحايا الهجوم إلى 148"),
    ]
    clusters = reconcile(claims, [doc("ke", date=DAY), doc("pe", date=DAY), doc("x", date="2015-04-05")])
    assert _with(clusters, "x").key["location"] == "kenya"
