"""An earlier figure a dated article gives for its own day at a part of the day it names
("وكان الوزير قد أعلن صباح اليوم أن 47 شخصا قتلوا") is what was reported at that part of the
day: a point of the day set against another outlet's figure of the same part, not a figure
at some unknown moment before the article (issue 8: time classes).  Sentences are our own."""

from __future__ import annotations

from test_dated_earlier_figure import disputed, docs
from test_reconciler_factory import claim

from crosscheck.reconcile.reconciler import build_report, reconcile

DAY = "2024-03-06"  # a Wednesday


def _story(earlier_sentence: str, morning: int, earlier: int = 47):
    documents = docs(("a", DAY), ("b", DAY), ("c", "2024-03-07"))
    claims = [claim("a", "killed", 52, as_of=None, sentence="ارتفع عدد قتلى الانهيار إلى 52 قتيلا"),
              claim("a", "killed", earlier, as_of=None, period="superseded",
                    sentence=earlier_sentence.format(earlier)),
              claim("b", "killed", morning, as_of=DAY, as_of_from="text",
                    sentence=f"أعلن المتحدث صباح الأربعاء أن {morning} شخصا قتلوا في الانهيار"),
              claim("c", "killed", 60, as_of=None, sentence="ارتفع عدد قتلى الانهيار إلى 60 قتيلا")]
    return documents, claims


MORNING = "وكان الوزير قد أعلن صباح اليوم أن {} شخصا قتلوا"


def test_an_earlier_figure_of_this_morning_meets_the_mornings_report():
    documents, claims = _story(MORNING, 41)
    assert disputed(build_report(documents, reconcile(claims, documents)), 41, 47)


def test_the_same_figure_that_morning_is_no_dispute():
    documents, claims = _story(MORNING, 47)
    assert not disputed(build_report(documents, reconcile(claims, documents)), 47, 52)
    assert not disputed(build_report(documents, reconcile(claims, documents)), 47, 60)


def test_an_earlier_figure_naming_no_part_stays_before_the_article():
    documents, claims = _story("وكان الوزير قد أعلن أن {} شخصا قتلوا", 41)
    assert not disputed(build_report(documents, reconcile(claims, documents)), 41, 47)


def test_an_earlier_figure_of_this_evening_stays_before_the_article():
    # the article's own figure names no part: an earlier one of the evening is not ordered
    # before it, so it stays at an unknown moment (no false fall against the 52)
    documents, claims = _story("وكان الوزير قد أعلن مساء اليوم أن {} شخصا قتلوا", 41, earlier=55)
    rep = build_report(documents, reconcile(claims, documents))
    assert not disputed(rep, 52, 55)
