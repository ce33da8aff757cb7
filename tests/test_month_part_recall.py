"""A figure recalled for a part of a month names the report of a day of that part (issue 8:
figures recalled for an earlier moment).

"بعد أن كانت الوفيات قد بلغت 286 في منتصف سبتمبر" in January's article names a report of some day
of mid-September (the 11th to the 20th), not the 15th itself: when another article of the
cluster reports on a day of that span (268 on the 14th), the recall is that day's report, so the
two are one day's figures and cannot both be (before, 286 on the 15th passed for growth a day
after 268).  With no report inside the span, or a part of a month outside the figure's own
clause, the nominal day stands.  Sentences are our own."""

from __future__ import annotations

import datetime as dt

from test_dated_earlier_figure import disputed, docs
from test_reconciler_factory import claim

from crosscheck.reconcile.dating import date_rules, month_part_days
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.text.dates import month_part_window

RECALL = "وقالت الوزارة إن البلاد سجلت 392 وفاة، بعد أن كانت الوفيات قد بلغت {} في منتصف سبتمبر"


def _story(recalled: int, reported_on: str):
    documents = docs(("a", "2012-09-05"), ("b", reported_on), ("c", "2013-01-10"))
    claims = [claim("a", "killed", 255, as_of="2012-09-05", as_of_from="metadata",
                    sentence="ارتفعت حصيلة الكوليرا إلى 255 وفاة"),
              claim("b", "killed", 268, as_of=reported_on, as_of_from="metadata",
                    sentence="ارتفعت حصيلة الكوليرا إلى 268 وفاة"),
              claim("c", "killed", 392, as_of="2013-01-10", as_of_from="metadata",
                    sentence=RECALL.format(recalled)),
              claim("c", "killed", recalled, as_of="2012-09-15", as_of_from="relative",
                    sentence=RECALL.format(recalled))]
    return documents, claims


def test_a_recall_of_mid_month_meets_the_report_of_a_day_of_it():
    documents, claims = _story(286, "2012-09-14")
    assert disputed(build_report(documents, reconcile(claims, documents)), 268, 286)


def test_the_same_recall_stays_growth_when_no_report_lies_in_the_span():
    # 268 on the 8th: before mid-September, so 286 on the 15th is growth after it
    documents, claims = _story(286, "2012-09-08")
    assert not disputed(build_report(documents, reconcile(claims, documents)), 268, 286)


def test_the_day_chosen_is_the_nearest_report_of_another_article():
    documents, claims = _story(286, "2012-09-14")
    claims.append(claim("a", "killed", 262, as_of="2012-09-12", as_of_from="metadata",
                        sentence="ارتفعت حصيلة الكوليرا إلى 262 وفاة"))
    doc_dates = {d.id: d.date for d in documents}
    assert month_part_days(claims, doc_dates) == {3: dt.date(2012, 9, 14)}
    # its own article's days never count: the recall is of another report
    assert month_part_days([claims[3]], doc_dates) == {}


def test_the_part_of_a_month_spans_ten_days_and_only_in_the_figures_clause():
    rules = date_rules()
    s = "بعد أن كانت الوفيات قد بلغت 286 في منتصف سبتمبر"
    assert month_part_window(s, s.find("286"), dt.date(2013, 1, 10), rules) == (
        dt.date(2012, 9, 11), dt.date(2012, 9, 20))
    s = "وكانت الحصيلة 310 وفيات في أواخر مايو"
    assert month_part_window(s, s.find("310"), dt.date(2016, 8, 20), rules) == (
        dt.date(2016, 5, 21), dt.date(2016, 5, 31))
    # a day, not a part of a month
    s = "وكانت الحصيلة 310 وفيات يوم الخميس"
    assert month_part_window(s, s.find("310"), dt.date(2016, 8, 20), rules) is None
    # the part stands in another clause than the figure's
    s = "وكانت المنظمة قد أعلنت أواخر مايو ارتفاع العدد إلى 35، بينما يقول المجلس إن العدد وصل إلى 65"
    assert month_part_window(s, s.find("65"), dt.date(2016, 8, 20), rules) is None
    assert month_part_window(s, s.find("35"), dt.date(2016, 8, 20), rules) is not None
