"""A figure a later article recalls for an earlier day it names, with no part of that day, is
what the day closed at (issue 8: figures recalled for an earlier day).

Thursday's own article: "ارتفع عدد الجثث إلى 65 حتى صباح اليوم الخميس".  Sunday's article:
"وكانت الحصيلة يوم الخميس 56 قتيلا".  The recall names no hour; a later article sums a past day
up by its last report, so the 56 stands at Thursday's end, after the morning's 65: a same-day
mismatch, not a figure of Thursday's small hours that fits before the morning.  A recalled
figure that is higher (growth through the day) and one naming its own part of the day (the
dawn, before the morning) stay consistent.  Sentences are our own."""

from __future__ import annotations

from test_dated_earlier_figure import disputed, docs
from test_reconciler_factory import claim

from crosscheck.reconcile.reconciler import build_report, reconcile


def _story(recalled: int, recall_sentence: str):
    documents = docs(("a", "2015-06-03"), ("b", "2015-06-04"), ("c", "2015-06-07"))
    claims = [claim("a", "killed", 26, as_of="2015-06-03", as_of_from="metadata",
                    sentence="ارتفع عدد الجثث المنتشلة إلى 26 جثة"),
              claim("b", "killed", 65, as_of="2015-06-04", as_of_from="relative",
                    sentence="ارتفع عدد الجثث إلى 65 جثة حتى صباح اليوم الخميس"),
              claim("c", "killed", 396, as_of="2015-06-07", as_of_from="metadata",
                    sentence="ارتفعت حصيلة الغرق إلى 396 قتيلا"),
              claim("c", "killed", recalled, as_of="2015-06-04", as_of_from="relative",
                    sentence=recall_sentence.format(recalled))]
    return build_report(documents, reconcile(claims, documents))


def test_a_recalled_days_figure_below_that_days_morning_report_is_disputed():
    assert disputed(_story(56, "وكانت الحصيلة يوم الخميس {} قتيلا"), 56, 65)


def test_a_recalled_days_figure_in_other_words_is_disputed_too():
    assert disputed(_story(51, "وقال المتحدث إن الفرق انتشلت {} جثة حتى مساء الخميس"), 51, 65)


def test_a_recalled_days_figure_above_the_morning_one_is_growth_within_the_day():
    assert not disputed(_story(78, "وكانت الحصيلة يوم الخميس {} قتيلا"), 65, 78)


def test_a_recalled_figure_naming_the_dawn_stands_before_the_morning():
    assert not disputed(_story(56, "وكانت الحصيلة فجر الخميس {} قتيلا"), 56, 65)
