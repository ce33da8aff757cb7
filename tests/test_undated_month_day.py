"""An undated article's figure that names a day and month without a year stands at the one day
of its cluster's dated figures that falls on it (issue 8: time classes, kept_undated).

An article without a date fits any day, so "حتى 18 أغسطس" in it names no year and could never
meet the 44 another outlet gave on 18 August.  When exactly one of the cluster's dated days is
that day of that month, the undated figure stands there; with two (two years' 18 Augusts) or
none, it stays undated as before.  Sentences are our own."""

from __future__ import annotations

import datetime as dt

from test_dated_earlier_figure import disputed, fire_story

from crosscheck.reconcile.dating import month_day_days, named_month_day
from crosscheck.reconcile.reconciler import build_report, reconcile

NAMED = "وقالت السلطات المحلية إن {} شخصا لقوا حتفهم في الحريق حتى 18 أغسطس"
NAMED_WORDS = "وكان عدد قتلى الحريق قد بلغ {} شخصا حتى الثامن عشر من أغسطس"
WEEKDAY = "ارتفعت حصيلة الحريق إلى 48 قتيلا، بعد أن كانت {} يوم الثلاثاء"


def _story(recalled: int, sentence: str = NAMED, days=("2009-08-17", "2009-08-18", "2009-08-20")):
    return fire_story(recalled, sentence, days)


def test_an_undated_figure_naming_a_day_and_month_meets_that_days_report():
    documents, claims = _story(46)
    assert disputed(build_report(documents, reconcile(claims, documents)), 44, 46)
    documents, claims = _story(44)
    assert not disputed(build_report(documents, reconcile(claims, documents)), 44, 50)


def test_the_day_and_month_named_and_the_day_it_anchors_to():
    for sentence in (NAMED, NAMED_WORDS):
        documents, claims = _story(46, sentence)
        assert named_month_day(claims[3]) == (8, 18)
        assert month_day_days(claims, {d.id: d.date for d in documents}) == {3: dt.date(2009, 8, 18)}
    # a weekday, or no day at all, names no day of a month
    assert named_month_day(_story(46, WEEKDAY)[1][3]) is None
    assert named_month_day(_story(46, "وقالت السلطات إن {} شخصا لقوا حتفهم")[1][3]) is None


def test_it_stays_undated_when_no_single_day_of_the_cluster_is_that_one():
    # no 18 August among the cluster's days
    documents, claims = _story(46, days=("2009-08-16", "2009-08-17", "2009-08-20"))
    assert month_day_days(claims, {d.id: d.date for d in documents}) == {}
    assert not disputed(build_report(documents, reconcile(claims, documents)), 44, 46)
    # two years' 18 August: which one is not known
    documents, claims = _story(46, days=("2008-08-18", "2009-08-18", "2009-08-20"))
    assert month_day_days(claims, {d.id: d.date for d in documents}) == {}
    # a dated article's figure is never moved
    documents, claims = _story(46)
    assert month_day_days(claims[:3], {d.id: d.date for d in documents}) == {}
