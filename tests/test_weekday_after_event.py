"""A weekday named as the one that followed the story's event ("يوم السبت الذي تلا الانفجار") is
that week's, not the last one before a later article (issue 8: time classes).  Sentences are our own."""

from __future__ import annotations

import datetime as dt

from test_dated_earlier_figure import disputed, docs
from test_reconciler_factory import claim

from crosscheck.reconcile.dating import after_event_days, date_rules
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.text.dates import weekday_after_event

RULES = date_rules()
AFTER = "وكانت الشرطة قد أعلنت يوم السبت الذي تلا الحريق حصيلة بلغت {} قتيلا"


def _at(s: str, figure: str) -> int:
    return s.index(figure)


def test_the_weekday_that_followed_the_event_is_read():
    s = AFTER.format(46)
    assert weekday_after_event(s, _at(s, "46"), RULES) == 5  # Saturday
    s = "وأعلنت الوزارة يوم الاثنين التالي للهجوم مقتل 12 شخصا"
    assert weekday_after_event(s, _at(s, "12"), RULES) == 0
    # a weekday alone, or one past
    s = "وكانت الشرطة قد أعلنت يوم السبت حصيلة بلغت 46 قتيلا"
    assert weekday_after_event(s, _at(s, "46"), RULES) is None
    s = "وكانت الحصيلة 46 قتيلا يوم السبت الماضي"
    assert weekday_after_event(s, _at(s, "46"), RULES) is None


def _story(recalled: int):
    # the fire on Thursday 2019-03-21; a Saturday-dated report of 64; the later article is of
    # Friday 2019-04-05, whose last Saturday (2019-03-30) is not the one that followed the fire
    documents = docs(("a", "2019-03-21"), ("b", "2019-03-23"), ("c", "2019-03-25"), ("d", "2019-04-05"))
    claims = [claim("a", "killed", 23, as_of="2019-03-21", as_of_from="metadata", sentence="قتل 23 شخصا في الحريق"),
              claim("b", "killed", 64, as_of="2019-03-23", as_of_from="metadata",
                    sentence="ارتفعت حصيلة الحريق إلى 64 قتيلا"),
              claim("c", "killed", 78, as_of="2019-03-25", as_of_from="metadata",
                    sentence="ارتفعت حصيلة الحريق إلى 78 قتيلا"),
              claim("d", "killed", recalled, as_of="2019-03-30", as_of_from="relative",
                    sentence=AFTER.format(recalled))]
    return documents, claims


def test_it_stands_at_the_first_such_weekday_after_the_clusters_first_day():
    documents, claims = _story(46)
    assert after_event_days(claims, RULES) == {3: dt.date(2019, 3, 23)}
    assert disputed(build_report(documents, reconcile(claims, documents)), 46, 64)
    documents, claims = _story(64)
    assert not disputed(build_report(documents, reconcile(claims, documents)), 64, 78)


def test_a_figure_already_at_or_before_that_day_is_not_moved():
    documents, claims = _story(46)
    early = claims[3].model_copy(update={"as_of": "2019-03-23"})
    assert after_event_days(claims[:3] + [early], RULES) == {}
