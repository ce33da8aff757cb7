"""A figure an article recalls for an earlier day, one digit slip away from the figure another
article gave that day for the same quantity filed under a linked place, is one report of that
day told two ways (issue 8: figures recalled for an earlier day; inconsistencies._recalled_typos).

Wednesday's article: "ارتفعت حصيلة الزلزال في إيطاليا إلى 260 قتيلا" (the country).  Friday's
article: "وكانت الحصيلة مساء الأربعاء 250 قتيلا في أبروتسو" (the province).  The two sit in
clusters of their own places; 250 and 260 are one digit off, told for the same day: a
same_day_mismatch.  Far apart figures (a province's part of the country's toll), figures of
other days, and places not within one another are left alone.  Sentences are our own."""

from __future__ import annotations

from test_dated_earlier_figure import disputed, docs
from test_reconciler_factory import claim

from crosscheck.reconcile.inconsistencies import find_inconsistencies
from crosscheck.reconcile.reconciler import build_report, reconcile


def _story(recalled: int, place: str = "abruzzo", day: str = "2009-04-08"):
    """Wednesday's article (the country) and Friday's (the province) reconciled apart - in a
    larger corpus their clusters stay apart, each with its place - then checked together."""
    da, db = docs(("a", "2009-04-08")), docs(("b", "2009-04-10"))
    country = build_report(da, reconcile([claim("a", "killed", 260, as_of="2009-04-08", as_of_from="metadata",
                                                location="italy",
                                                sentence="ارتفعت حصيلة الزلزال في إيطاليا إلى 260 قتيلا")], da))
    province = build_report(db, reconcile([
        claim("b", "killed", 290, as_of="2009-04-10", as_of_from="metadata", location=place,
              sentence="ارتفعت حصيلة الزلزال إلى 290 قتيلا"),
        claim("b", "killed", recalled, as_of=day, as_of_from="relative", location=place, period="superseded",
              sentence=f"وكانت الحصيلة مساء الأربعاء {recalled} قتيلا")], db))
    found = find_inconsistencies(country.clusters + province.clusters)
    return country.model_copy(update={"clusters": [], "inconsistencies": found})


def test_a_recalled_figure_a_digit_off_the_days_figure_in_the_whole_is_disputed():
    rep = _story(250)
    assert disputed(rep, 250, 260)
    assert [i.type for i in rep.inconsistencies] == ["same_day_mismatch"]


def test_swapped_digits_too():
    assert disputed(_story(206), 206, 260)


def test_a_recall_above_the_days_figure_is_disputed_too():
    assert disputed(_story(270), 260, 270)


def test_a_part_far_below_the_whole_is_not_disputed():
    assert not disputed(_story(190), 190, 260)


def test_a_figure_recalled_for_another_day_is_not_compared():
    assert not disputed(_story(250, day="2009-04-07"), 250, 260)


def test_places_not_within_one_another_are_not_compared():
    assert not disputed(_story(250, place="france"), 250, 260)
