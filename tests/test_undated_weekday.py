"""An undated article's figure that names a weekday stands at the one day of that weekday its
cluster reports (issue 8: time classes, kept_undated).

An article without a date fits any day, so "بعد أن كانت 46 يوم الثلاثاء" in it could never
meet the 44 another outlet gave that Tuesday.  When exactly one day of the cluster's dated
figures falls on the weekday named, the undated figure stands there; with two such days (two
weeks' Tuesdays), none, a lone Tuesday with no other report within six days of it, or a day
counted from the article's unknown day ("أمس" alone), it stays undated as before.  Sentences are our own."""

from __future__ import annotations

import datetime as dt

from test_dated_earlier_figure import disputed, fire_story

from crosscheck.reconcile.dating import named_weekday, weekday_days
from crosscheck.reconcile.reconciler import build_report, reconcile

NAMED = "ارتفعت حصيلة الحريق إلى 48 قتيلا، بعد أن كانت {} يوم الثلاثاء"
YESTERDAY = "ارتفعت حصيلة الحريق إلى 48 قتيلا، بعد أن كانت {} أمس"


def _story(recalled: int, sentence: str = NAMED, days=("2009-08-17", "2009-08-18", "2009-08-20")):
    # 2009-08-18 is a Tuesday
    return fire_story(recalled, sentence, days)


def test_an_undated_figure_naming_a_weekday_meets_that_days_report():
    documents, claims = _story(46)
    assert disputed(build_report(documents, reconcile(claims, documents)), 44, 46)


def test_it_stays_undated_when_the_weekday_matches_no_single_day():
    # no Tuesday among the cluster's days
    documents, claims = _story(46, days=("2009-08-16", "2009-08-17", "2009-08-20"))
    assert not disputed(build_report(documents, reconcile(claims, documents)), 44, 46)
    # two Tuesdays a week apart: which one is not known
    documents, claims = _story(46, days=("2009-08-11", "2009-08-18", "2009-08-20"))
    doc_dates = {d.id: d.date for d in documents}
    assert weekday_days(claims, doc_dates) == {}


def test_a_lone_dated_day_of_that_weekday_anchors_nothing():
    # the cluster's only Tuesday has no other report within six days of it: the undated
    # article's Tuesday may be a later week's
    documents, claims = _story(46, days=("2009-08-01", "2009-08-18", "2009-08-30"))
    doc_dates = {d.id: d.date for d in documents}
    assert weekday_days(claims, doc_dates) == {}
    assert weekday_days(claims[1:2] + claims[3:], doc_dates) == {}
    # with a report two days after it, the Tuesday is the story's week's
    documents, claims = _story(46, days=("2009-08-01", "2009-08-18", "2009-08-20"))
    assert weekday_days(claims, {d.id: d.date for d in documents}) == {3: dt.date(2009, 8, 18)}


def test_a_day_counted_from_the_articles_unknown_day_anchors_nothing():
    documents, claims = _story(46, YESTERDAY)
    assert named_weekday(claims[3]) is None
    assert not disputed(build_report(documents, reconcile(claims, documents)), 44, 46)


def test_the_weekday_named_and_the_day_it_anchors_to():
    documents, claims = _story(46)
    assert named_weekday(claims[3]) == 1  # Tuesday
    doc_dates = {d.id: d.date for d in documents}
    assert weekday_days(claims, doc_dates) == {3: dt.date(2009, 8, 18)}
    # a dated article's figure is never moved
    assert weekday_days(claims[:3], doc_dates) == {}


def test_an_undated_articles_earlier_figure_naming_a_weekday_is_that_days_point():
    # read as an earlier figure ("بعد أن كانت 46 يوم الثلاثاء", period superseded), the
    # recalled figure of the undated article still stands at the cluster's Tuesday, against
    # the 44 given that day, not at an unknown moment before the article (session 45)
    documents, claims = _story(46)
    claims[-1] = claims[-1].model_copy(update={"period": "superseded"})
    assert disputed(build_report(documents, reconcile(claims, documents)), 44, 46)
    # the same figure agreeing with the day's report is no dispute
    documents, claims = _story(44)
    claims[-1] = claims[-1].model_copy(update={"period": "superseded"})
    assert not disputed(build_report(documents, reconcile(claims, documents)), 44, 44)


def test_a_headline_figure_takes_the_weekday_its_body_names():
    # the undated article's headline gives the figure with no day; its body tells it again
    # "يوم الثلاثاء": the figure stands at the cluster's Tuesday, against that day's 44
    from crosscheck.models import Mention

    documents, claims = _story(46)
    head = "ارتفاع حصيلة الحريق إلى 46 قتيلا"
    body = "قالت الوزارة في بيانها الصادر يوم الثلاثاء إن حصيلة الحريق ارتفعت إلى 46 قتيلا"
    c = claims[-1]
    claims[-1] = c.model_copy(update={"sentence": head, "mentions": [
        Mention(start=c.start, end=c.end, surface=c.surface, sentence=head),
        Mention(start=c.start + 500, end=c.end + 500, surface=c.surface, sentence=body)]})
    assert named_weekday(claims[-1]) == 1
    assert disputed(build_report(documents, reconcile(claims, documents)), 44, 46)
    # a body naming no day anchors nothing
    claims[-1] = c.model_copy(update={"sentence": head, "mentions": [
        Mention(start=c.start, end=c.end, surface=c.surface, sentence=head)]})
    assert named_weekday(claims[-1]) is None

