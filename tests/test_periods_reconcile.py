"""Periods, basis, events and undated clusters in the reconciler (issue 8, item 2 and the
undated case): each test builds its own small articles, extracts and reconciles them."""

from __future__ import annotations

from datetime import date

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Claim, Document
from crosscheck.reconcile.periods import anchor_date, resolve_periods
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.ruleset.loader import load_rules


def _docs(*specs):
    return [Document(id=i, text=t, date=d) for i, d, t in specs]


def _run(docs):
    claims = [c for d in docs for c in extract(d, load_rules())]
    return claims, reconcile(claims, docs)


def _cluster_of(clusters, doc, value):
    for cl in clusters:
        for c in cl.claims:
            if c.doc == doc and float(c.value) == value:
                return cl
    raise AssertionError(f"no claim {value} of {doc}")


def _together(clusters, a, b):
    return _cluster_of(clusters, *a).id == _cluster_of(clusters, *b).id


def test_window_and_since_figures_never_join_the_running_total():
    docs = _docs(
        ("a", "2024-05-10", "قتل 1200 شخص منذ بدء الحرب في الإقليم. وقتل 40 شخصا خلال الـ24 ساعة الماضية في الإقليم."),
        ("b", "2024-05-10", "ارتفع عدد القتلى منذ بدء الحرب إلى 1200 قتيل في الإقليم، بينهم 75 قتيلا منذ وقف إطلاق النار."),
        ("c", "2024-05-11", "وقتل 260 شخصا في الإقليم خلال الأسبوع الماضي وحده."),
    )
    claims, clusters = _run(docs)
    periods = {(c.doc, float(c.value)): c.period for c in claims if c.kind == "killed"}
    assert periods[("a", 40)] == "last_24h"
    assert periods[("b", 75)] == "since:ceasefire"
    assert periods[("c", 260)] == "last_week"
    assert _together(clusters, ("a", 1200), ("b", 1200))
    for doc, v in (("a", 40), ("b", 75), ("c", 260)):
        assert not _together(clusters, ("a", 1200), (doc, v))
    assert not any(cl.status == "conflict" for cl in clusters)


def _claim(doc, period, as_of, start=0, kind="killed", value=10):
    return Claim(doc=doc, kind=kind, value=value, low=value, high=value, start=start, end=start + 2,
                 surface="xx", period=period, as_of=as_of, as_of_from="metadata")


def test_since_anchor_gets_its_year_and_a_long_past_start_is_the_running_total():
    assert anchor_date("since:--06-03", date(2024, 6, 20)) == date(2024, 6, 3)
    assert anchor_date("since:--12-20", date(2024, 1, 5)) == date(2023, 12, 20)  # last year's
    assert anchor_date("since:2016-10", None) == date(2016, 10, 1)
    assert anchor_date("since:ceasefire", date(2024, 1, 5)) is None
    out = resolve_periods([
        _claim("a", "since:--06-14", "2022-08-29", start=0),  # 76 days: the season's total
        _claim("a", "since:--08-25", "2022-08-29", start=10),  # 4 days: a sub-period
        _claim("b", "since:--04-27", "2017-07-03", start=0),  # the document's first long start
        _claim("b", "since:2016-10", "2017-07-03", start=10),  # another, earlier, long start
        _claim("c", "since:--06-14", None),  # undated: kept as written
    ], min_days=30)
    assert [c.period for c in out] == [
        "cumulative", "since:2022-08-25", "cumulative", "since:2016-10-01", "since:--06-14"]


def test_the_start_of_the_year_is_a_window_not_the_storys_start():
    # "منذ مطلع العام" months into the year: this year's arrivals of an ongoing crisis, not its
    # running total, however long ago January was
    out = resolve_periods([_claim("a", "since:--01-01", "2023-07-08"), _claim("b", "since:--01-05", "2023-07-08")],
                          min_days=30)
    assert [c.period for c in out] == ["since:2023-01-01", "cumulative"]
    docs = _docs(
        ("a", "2023-07-08", "يؤوي المخيم الآن أكثر من 310 آلاف لاجئ. وقالت المفوضية إن أكثر من 92 ألف لاجئ وصلوا إلى المخيم منذ مطلع العام."),
        ("b", "2023-07-09", "وبلغ عدد اللاجئين في المخيم 315 ألف لاجئ."),
    )
    claims, clusters = _run(docs)
    assert not _together(clusters, ("a", 92000), ("b", 315000))
    assert _together(clusters, ("a", 310000), ("b", 315000))


def test_projection_and_estimate_are_not_compared_as_counts():
    docs = _docs(
        ("a", "2015-04-28", "أعلنت السلطات ارتفاع عدد قتلى الزلزال إلى 4310 أشخاص. وقال رئيس الوزراء إن عدد القتلى قد يرتفع إلى 10 آلاف."),
        ("b", "2015-04-28", "ارتفع عدد قتلى الزلزال إلى 4310 قتيلا، فيما تقدر منظمات الإغاثة عدد القتلى بنحو 6 آلاف شخص."),
    )
    claims, clusters = _run(docs)
    basis = {(c.doc, float(c.value)): c.basis for c in claims if c.kind == "killed"}
    assert basis == {("a", 4310): "count", ("a", 10000): "projection", ("b", 4310): "count", ("b", 6000): "estimate"}
    assert not _together(clusters, ("a", 4310), ("a", 10000))
    # the estimate shares the count's cluster (same quantity) but never makes it a conflict
    cl = _cluster_of(clusters, "b", 6000)
    assert cl.id == _cluster_of(clusters, "a", 4310).id and cl.status == "consistent"
    assert any("not with counts" in n for n in cl.notes)


def test_counts_beside_an_estimate_still_conflict():
    docs = _docs(
        ("a", "2015-04-28", "ارتفع عدد قتلى الزلزال إلى 4310 قتيلا، فيما تقدر منظمات الإغاثة عدد القتلى بنحو 6 آلاف شخص."),
        ("b", "2015-04-28", "ارتفع عدد قتلى الزلزال إلى 3100 قتيل."),
    )
    _, clusters = _run(docs)
    cl = _cluster_of(clusters, "a", 4310)
    assert cl.status == "conflict" and _together(clusters, ("a", 4310), ("b", 3100))
    assert not next(c for c in cl.claims if float(c.value) == 6000).outlier


def test_past_event_and_amendment_are_their_own_quantities():
    docs = _docs(
        ("a", "2023-09-10", "ارتفع عدد قتلى الزلزال إلى 45 قتيلا. وذكّر الزلزال بزلزال عام 2004 الذي أودى بحياة 600 شخص."),
        ("b", "2023-09-11", "ارتفع عدد قتلى الزلزال إلى 52 قتيلا في الإقليم."),
        ("c", "2025-02-24", "اعتمد مجلس الأمن القرار 2774 بتأييد 10 أعضاء. وسقط تعديل روسي على النص بعد أن حصل على 4 أصوات فقط."),
    )
    claims, clusters = _run(docs)
    events = {(c.doc, float(c.value)): c.event for c in claims}
    assert events[("a", 600)] == "past:2004" and events[("a", 45)] is None
    assert events[("c", 4)] != events[("c", 10)]  # the amendment is its own vote (extract/vote_events)
    assert not _together(clusters, ("a", 600), ("b", 52))
    assert not _together(clusters, ("c", 10), ("c", 4))
    assert not any(cl.status == "conflict" for cl in clusters)


def test_undated_sources_differing_by_plausible_growth_are_soft():
    docs = _docs(
        ("a", None, "قال مسؤولون إن عدد قتلى الفيضانات في الإقليم بلغ 1100 قتيل. وتواصل فرق الإنقاذ البحث عن ناجين تحت الأنقاض في القرى الجبلية."),
        ("b", None, "قالت السلطات المحلية إن حصيلة قتلى الفيضانات في الإقليم بلغت 1300 قتيل، مع تضرر آلاف المنازل وانقطاع الطرق."),
    )
    _, clusters = _run(docs)
    cl = _cluster_of(clusters, "a", 1100)
    assert cl.status == "conflict" and cl.strength == "soft"
    assert any("no claim is dated" in n for n in cl.notes)
    assert _together(clusters, ("a", 1100), ("b", 1300))


def test_undated_figures_told_as_a_rising_total_are_stages_not_a_conflict():
    """The lower figure is told as a rise ("ارتفع … إلى 1100"), the higher one plainly: the
    story is a count still moving, and undated outlets within growth of each other give two
    stages of it.  Without that word the same figures stay a soft conflict (above)."""
    docs = _docs(
        ("a", None, "ارتفع عدد قتلى الفيضانات في الإقليم إلى 1100 قتيل. وتواصل فرق الإنقاذ البحث عن ناجين تحت الأنقاض في القرى الجبلية."),
        ("b", None, "قالت السلطات المحلية إن حصيلة قتلى الفيضانات في الإقليم بلغت 1300 قتيل، مع تضرر آلاف المنازل وانقطاع الطرق."),
    )
    _, clusters = _run(docs)
    cl = _cluster_of(clusters, "a", 1100)
    assert _together(clusters, ("a", 1100), ("b", 1300))
    assert cl.status == "consistent" and any("rising total" in n for n in cl.notes)
    # the higher figure told plainly and the lower one plainly, but a third outlet telling a
    # rise to a figure above both: each lower figure came before it
    docs = _docs(
        ("a", None, "قال مسؤولون إن عدد قتلى الفيضانات في الإقليم بلغ 1100 قتيل وفق الدفاع المدني."),
        ("b", None, "قالت السلطات المحلية إن حصيلة قتلى الفيضانات في الإقليم بلغت 1200 قتيل."),
        ("c", None, "وارتفعت حصيلة قتلى الفيضانات في الإقليم إلى 1300 قتيل مع انتشال جثث جديدة."),
    )
    _, clusters = _run(docs)
    assert _cluster_of(clusters, "a", 1100).status == "consistent"


def test_an_article_telling_an_earlier_stage_does_not_disagree_with_itself():
    """One article gives its latest figure and an earlier one it calls earlier ("حصيلة
    سابقة"): it tells a count still rising, so another outlet's higher undated figure is a later
    stage.  Two figures side by side with no such word ("41 according to one group, 150
    according to another") stay a conflict of the article with itself."""
    docs = _docs(
        ("a", None, "قالت السلطات إن عدد قتلى الانهيار في المدينة بلغ 70 قتيلا. وكانت حصيلة سابقة قد أشارت إلى 40 قتيلا."),
        ("b", None, "أعلن الدفاع المدني أن عدد قتلى الانهيار في المدينة بلغ 90 قتيلا."),
    )
    _, clusters = _run(docs)
    assert _cluster_of(clusters, "a", 70).status == "consistent"
    side = _docs(
        ("a", None, "قالت جمعية طبية إن عدد قتلى الانهيار في المدينة بلغ 40 قتيلا، فيما قال الدفاع المدني إن عدد القتلى بلغ 90 قتيلا."),
        ("b", None, "أعلن الدفاع المدني أن عدد قتلى الانهيار في المدينة بلغ 60 قتيلا."),
    )
    _, clusters = _run(side)
    assert _cluster_of(clusters, "a", 90).status == "conflict"


def test_undated_stages_are_apart_also_when_the_outlier_took_its_place_from_context():
    """An early toll whose place the article gave a sentence before (scope inferred) against a
    final one twenty times higher, all undated: two stages of one story, as when every scope is
    stated (the cause `different_scope` does not keep it a hard conflict)."""
    docs = _docs(
        ("a", None, "ضرب زلزال قوي إقليم هرات غربي البلاد فجر السبت. وقال مسؤول محلي إن عدد القتلى ارتفع إلى 120 قتيلا."),
        ("b", None, "أعلنت السلطات في إقليم هرات أن حصيلة قتلى الزلزال بلغت 2445 قتيلا، مع انهيار مئات المنازل في القرى."),
        ("c", None, "قالت السلطات إن حصيلة قتلى الزلزال في إقليم هرات بلغت 2445 قتيلا وإن فرق الإنقاذ تواصل البحث."),
    )
    _, clusters = _run(docs)
    cl = _cluster_of(clusters, "a", 120)
    assert "location" in next(c for c in cl.claims if c.doc == "a").inferred
    assert _together(clusters, ("a", 120), ("b", 2445))
    assert cl.status == "consistent" and any("different stages" in n for n in cl.notes)
    # dated the same day, the same figures stay a conflict
    dated = [d.model_copy(update={"date": "2024-01-02"}) for d in docs]
    _, clusters = _run(dated)
    assert _cluster_of(clusters, "a", 120).status == "conflict"


def test_undated_gap_beyond_growth_is_two_stages_but_within_one_source_stays_hard():
    far = _docs(
        ("a", None, "ارتفع عدد قتلى الفيضانات في الإقليم إلى 300 قتيل. وتواصل فرق الإنقاذ البحث عن ناجين تحت الأنقاض في القرى الجبلية."),
        ("b", None, "قالت السلطات المحلية إن حصيلة قتلى الفيضانات في الإقليم بلغت 2450 قتيلا، مع تضرر آلاف المنازل وانقطاع الطرق."),
    )
    _, clusters = _run(far)
    cl = _cluster_of(clusters, "a", 300)
    assert _together(clusters, ("a", 300), ("b", 2450))
    assert cl.status == "consistent" and any("different stages" in n for n in cl.notes)
    # one article (one day) giving both figures contradicts itself
    same = _docs(
        ("a", None, "ارتفع عدد قتلى الفيضانات في الإقليم إلى 1100 قتيل. وقالت السلطات إن عدد قتلى الفيضانات في الإقليم بلغ 1300 قتيل."),
        ("b", None, "قالت السلطات المحلية إن حصيلة قتلى الفيضانات في الإقليم بلغت 1200 قتيل، مع تضرر آلاف المنازل وانقطاع الطرق."),
    )
    _, clusters = _run(same)
    assert _cluster_of(clusters, "a", 1100).strength == "hard"
    # dated the same day, the same gap is hard
    dated = _docs(
        ("a", "2024-01-02", "ارتفع عدد قتلى الفيضانات في الإقليم إلى 1100 قتيل. وتواصل فرق الإنقاذ البحث عن ناجين تحت الأنقاض في القرى الجبلية."),
        ("b", "2024-01-02", "قالت السلطات المحلية إن حصيلة قتلى الفيضانات في الإقليم بلغت 1300 قتيل، مع تضرر آلاف المنازل وانقطاع الطرق."),
    )
    _, clusters = _run(dated)
    assert _cluster_of(clusters, "a", 1100).strength == "hard"


def test_two_estimates_that_cannot_both_hold_conflict_beside_a_count():
    docs = _docs(
        ("a", "2024-11-18", "أسفرت الحرب عن مقتل أكثر من 20 ألف شخص في البلاد."),
        ("b", "2024-11-18", "يقدر الباحثون عدد القتلى في البلاد بنحو 24 ألف شخص منذ بدء الحرب."),
        ("c", "2024-11-18", "وقال المبعوث إن التقديرات تشير إلى مقتل نحو 150 ألف شخص في البلاد."),
    )
    _, clusters = _run(docs)
    cl = _cluster_of(clusters, "b", 24000)
    assert cl.status == "conflict" and _together(clusters, ("b", 24000), ("c", 150000))
    assert not next(c for c in cl.claims if float(c.value) == 20000).outlier


def test_a_relative_day_in_a_relative_clause_dates_the_event_not_the_figure():
    import datetime as dt
    from pathlib import Path

    from crosscheck.ruleset.resources import rules_dir
    from crosscheck.text.dates import claim_date, load_date_rules

    rules = load_date_rules(Path(rules_dir(None)) / "dates.yaml")
    doc = dt.date(2020, 8, 6)  # a Thursday
    s = "قالت الوزارة إن عدد قتلى الانفجار الذي وقع في المرفأ يوم الثلاثاء ارتفع إلى 137"
    assert claim_date(s, s.find("137"), doc, rules) == (doc, "document")
    s = "ارتفع عدد قتلى الانفجار يوم الثلاثاء إلى 137"
    assert claim_date(s, s.find("137"), doc, rules) == (dt.date(2020, 8, 4), "relative")


def _figure(doc, kind, value, low, high, as_of, start=0):
    return Claim(doc=doc, kind=kind, value=value, low=low, high=high, start=start, end=start + 2,
                 surface="xx", period="cumulative", as_of=as_of, as_of_from="metadata" if as_of else "none")


def test_an_undated_figure_of_a_rising_and_falling_quantity_fits_a_reported_day():
    # refugees abroad (a count that rises and falls; the displaced are counted up like a
    # toll) on three reported days (9th, 14th, 23rd: each day alone, more than window_days
    # apart) and "more than 600,000" with no date: it fits the 9th's 750,000, so nothing
    # refutes it and the cluster is consistent
    dated = [_figure("a", "displaced_abroad", 750000, 712500, 787500, "2013-11-09"),
             _figure("c", "displaced_abroad", 920000, 920000, 920000, "2013-11-14"),
             _figure("d", "displaced_abroad", 4100000, 4100000, 4100000, "2013-11-23")]
    undated = _figure("b", "displaced_abroad", 600000, 600001, 900000, None)
    (cl,) = reconcile(dated + [undated])
    assert cl.status == "consistent"
    assert any("undated figure(s) fit" in n for n in cl.notes)
    # an undated figure no reported day accepts is compared as before
    stray = _figure("e", "displaced_abroad", 50000, 50000, 50000, None)
    (cl,) = reconcile(dated + [stray])
    assert cl.status == "conflict" and not any("fit the figures" in n for n in cl.notes)


def test_an_undated_missing_count_fits_the_day_whose_figures_agree_with_it():
    # missing (volatile: compared the same day only): 42 and 43 on the 29th agree on 42-43;
    # an undated count's day is unknown: it is compared with none of them
    dated = [_figure("a", "missing", 42, 42, 42, "2024-09-29"), _figure("b", "missing", 43, 42, 44, "2024-09-29"),
             _figure("c", "missing", 24, 24, 24, "2024-10-02")]
    (cl,) = reconcile(dated + [_figure("d", "missing", 42, 42, 42, None)])
    assert cl.status == "consistent"
    (cl,) = reconcile(dated + [_figure("d", "missing", 69, 69, 69, None)])
    assert cl.status == "consistent"  # of an unknown day: compared with no dated count
    (cl,) = reconcile(dated + [_figure("d", "missing", 69, 69, 69, "2024-09-29")])
    assert cl.status == "conflict"


def test_a_rolling_windows_count_meets_only_counts_of_its_own_day():
    def week(doc, value, as_of):
        return Claim(doc=doc, kind="displaced", value=value, low=value, high=value, start=0, end=2,
                     surface="xx", period="last_week", as_of=as_of, as_of_from="metadata" if as_of else "none")

    assert reconcile([week("a", 1800, "2021-11-10"), week("b", 3200, "2021-11-12")])[0].status == "consistent"
    assert reconcile([week("a", 1800, "2021-11-12"), week("b", 3200, "2021-11-12")])[0].status == "conflict"
    assert reconcile([week("a", 1800, None), week("b", 3200, "2021-11-12")])[0].status == "consistent"


def test_a_day_of_the_week_or_today_anchors_a_since_period_at_its_date():
    saturday = date(2023, 4, 15)
    assert anchor_date("since:friday", saturday) == date(2023, 4, 14)
    assert anchor_date("since:saturday", saturday) == saturday
    assert anchor_date("since:sunday", saturday) == date(2023, 4, 9)
    assert anchor_date("since:today", saturday) == saturday
    assert anchor_date("since:yesterday", saturday) == date(2023, 4, 14)
    assert anchor_date("since:friday", None) is None
    out = resolve_periods([_claim("a", "since:friday", "2023-04-15"), _claim("b", "since:friday", "2023-04-16")],
                          min_days=30)
    assert [c.period for c in out] == ["since:2023-04-14", "since:2023-04-14"]


def _since(doc, period, as_of, value, start=0, location="yemen", kind="prisoners_released"):
    return Claim(doc=doc, kind=kind, value=value, low=value, high=value, start=start, end=start + 2,
                 surface="xx", period=period, as_of=as_of, as_of_from="metadata", location=location)


def _cluster_with(clusters, doc, value):
    return next(cl for cl in clusters for c in cl.claims if c.doc == doc and float(c.value) == value)


def test_a_figure_since_the_storys_first_day_is_its_running_total():
    # a swap's running total first reported on Friday the 14th; "675 since Friday" on Saturday
    # counts from the story's own start: it joins the running total (and disagrees with it)
    total = [_since("a", "cumulative", "2023-04-14", 318), _since("b", "cumulative", "2023-04-15", 600)]
    since = _since("c", "since:friday", "2023-04-15", 675)
    clusters = reconcile(total + [since])
    cl = _cluster_with(clusters, "c", 675)
    assert cl.key["period"] == "cumulative" and {c.doc for c in cl.claims} == {"a", "b", "c"}
    assert any("no later than the first report of its running total" in n for n in cl.notes)
    # at no place, it finds the running total at the one place of its scope
    clusters = reconcile(total + [_since("c", "since:friday", "2023-04-15", 675, location=None)])
    assert {c.doc for c in _cluster_with(clusters, "c", 675).claims} == {"a", "b", "c"}


def test_a_figure_since_a_later_day_or_beside_its_articles_total_stays_apart():
    total = [_since("a", "cumulative", "2023-04-10", 100), _since("b", "cumulative", "2023-04-15", 600)]
    # the running total was reported before Friday the 14th: "since Friday" is a sub-period
    clusters = reconcile(total + [_since("c", "since:friday", "2023-04-15", 275)])
    assert _cluster_with(clusters, "c", 275).key["period"] == "since:2023-04-14"
    # its own article gives the running total a larger figure: it tells the two apart
    late = [_since("a", "cumulative", "2023-04-14", 318), _since("b", "cumulative", "2023-04-15", 600),
            _since("c", "cumulative", "2023-04-15", 600, start=10)]
    clusters = reconcile(late + [_since("c", "since:friday", "2023-04-15", 275)])
    assert _cluster_with(clusters, "c", 275).key["period"] == "since:2023-04-14"
    # a running total with no dated figure shows no start
    undated = [Claim(doc="a", kind="prisoners_released", value=600, low=600, high=600, start=0, end=2,
                     surface="xx", period="cumulative", location="yemen")]
    clusters = reconcile(undated + [_since("c", "since:friday", "2023-04-15", 275)])
    assert _cluster_with(clusters, "c", 275).key["period"] == "since:2023-04-14"


def test_a_members_vetoes_over_a_conflict_only_grow():
    def veto(doc, value, as_of):
        return Claim(doc=doc, kind="vetoes", value=value, low=value, high=value, start=0, end=2, surface="xx",
                     period="cumulative", actor="russia", as_of=as_of, as_of_from="metadata")

    (cl,) = reconcile([veto("a", 10, "2017-11-16"), veto("b", 11, "2017-11-17")])
    assert cl.status == "consistent"  # the eleventh veto cast the next day
    (cl,) = reconcile([veto("a", 11, "2017-11-16"), veto("b", 10, "2017-11-17")])
    assert cl.status == "conflict"  # a later count below an earlier one


@pytest.mark.parametrize("grow, fall", [
    # the same anchor ("منذ 5 مارس") on two days, then a lower figure a week later
    ([("a", "2024-03-20", "وقالت السلطات إن 210 أشخاص قتلوا في الإقليم منذ 5 مارس."),
      ("b", "2024-03-26", "وارتفع عدد القتلى في الإقليم منذ 5 مارس إلى 290 قتيلا.")],
     ("c", "2024-04-02", "وقالت السلطات إن 240 شخصا قتلوا في الإقليم منذ 5 مارس.")),
    # "since the start of the year" and "since 1 January" are one start, reported weeks apart
    ([("a", "2024-01-26", "وقالت الوزارة إن 18 شخصا توفوا بالحمى منذ مطلع العام."),
      ("b", "2024-02-16", "ارتفع عدد الوفيات بالحمى منذ الأول من يناير إلى 75 حالة."),
      ("c", "2024-03-08", "بلغ عدد الوفيات بالحمى منذ مطلع العام الجاري 112 حالة.")],
     ("d", "2024-03-15", "وقالت الوزارة إن 60 شخصا توفوا بالحمى منذ مطلع العام.")),
])
def test_a_total_since_a_named_day_only_grows(grow, fall):
    # a higher later figure is growth (it was compared only within the window before), a lower
    # one a week after the highest is stale
    docs = _docs(*grow)
    claims, clusters = _run(docs)
    figures = [(c.doc, float(c.value)) for c in sorted(claims, key=lambda c: c.doc) if c.kind == "killed"]
    assert len(figures) == len(grow)
    assert all(_together(clusters, x, y) for x, y in zip(figures, figures[1:]))
    assert _cluster_of(clusters, *figures[0]).status != "conflict"
    _claims, clusters = _run(docs + _docs(fall))
    cl = _cluster_of(clusters, *figures[-1])
    assert any(c.doc == fall[0] for c in cl.claims)
    # left out of the growth: a conflict, or an outlier named as a falling total
    assert cl.status == "conflict" or any(c.doc == fall[0] and c.outlier for c in cl.claims)


def test_a_day_of_the_month_in_words_starts_a_period():
    docs = _docs(("a", "2024-08-16", "ارتفع عدد ضحايا السيول إلى 106 قتلى منذ الثامن من أغسطس الجاري، ليصل إجمالي ضحايا الموسم منذ 29 مايو إلى 273 قتيلا."))
    claims, clusters = _run(docs)
    periods = {float(c.value): c.period for c in claims if c.kind == "killed"}
    assert periods[106] == "since:--08-08"
    assert not _together(clusters, ("a", 106), ("a", 273))


def test_a_bare_part_for_a_sub_period_is_a_part_in_time():
    # "منهم 150 منذ 2 مارس": the part is the count since that day, of everyone; it meets the
    # other outlets' counts since that day, not the whole-season total's cluster
    docs = _docs(
        ("a", "2024-03-20", "قالت السلطات إن 420 شخصا قتلوا في الإقليم منذ بدء موسم الأمطار في 3 يناير، منهم 150 منذ 2 مارس."),
        ("b", "2024-03-20", "ارتفع عدد القتلى في الإقليم منذ 2 مارس إلى 150 قتيلا."),
    )
    claims, clusters = _run(docs)
    part = next(c for c in claims if c.doc == "a" and float(c.value) == 150)
    assert part.group == "subset"  # as extracted
    assert _together(clusters, ("a", 150), ("b", 150))
    assert not _together(clusters, ("a", 150), ("a", 420))


def test_since_the_start_of_this_month_is_a_sub_period_that_grows():
    docs = _docs(
        ("a", "2024-08-12", "وقتل 46 شخصا في الإقليم منذ مطلع الشهر الجاري، ليرتفع عدد القتلى منذ بدء الحرب إلى 900."),
        ("b", "2024-08-20", "ارتفع عدد القتلى في الإقليم منذ بداية هذا الشهر إلى 73 قتيلا."),
    )
    claims, clusters = _run(docs)
    periods = {(c.doc, float(c.value)): c.period for c in claims if c.kind == "killed"}
    assert periods[("a", 46)] == periods[("b", 73)] == "since:month_start"
    assert anchor_date("since:month_start", date(2024, 8, 20)) == date(2024, 8, 1)
    assert _together(clusters, ("a", 46), ("b", 73))
    assert not _together(clusters, ("a", 46), ("a", 900))
    assert _cluster_of(clusters, "a", 46).status != "conflict"


def test_two_named_days_are_two_day_counts_not_one_total():
    """"قتل 80 يوم الخميس و65 يوم الجمعة": each figure is its day's count (rules/periods.yaml
    `named_days`), dated to that day; the lower second figure is no fall of a running total, and
    another outlet's Thursday figure meets the first one."""
    docs = _docs(
        ("a", "2021-03-07", "وقال المرصد إن 80 شخصا قتلوا يوم الخميس و65 يوم الجمعة في المحافظة."),
        ("b", "2021-03-05", "وأحصت الشبكة 80 قتيلا أمس الخميس، و65 قتيلا اليوم الجمعة في المحافظة."),
    )
    claims, clusters = _run(docs)
    by_value = {(c.doc, float(c.value)): c.period for c in claims}
    assert by_value[("a", 80.0)] == "day:thursday" and by_value[("a", 65.0)] == "day:friday"
    assert not _together(clusters, ("a", 80), ("a", 65))
    assert _together(clusters, ("a", 80), ("b", 80))
    assert _cluster_of(clusters, "a", 80).key["period"] == "day:2021-03-04"
    assert all(cl.status != "conflict" for cl in clusters)


def test_one_named_day_alone_keeps_its_other_cues():
    claims = [c for c in extract(Document(id="a", text="قتل 60 شخصا يوم الجمعة في الإقليم.", date="2021-03-07"), load_rules())]
    assert [c.period for c in claims if float(c.value) == 60] != ["day:friday"]


def test_first_day_count_grows_during_the_day_then_is_settled():
    """"اليوم الأول للتهدئة" makes a toll that day's count (rules/periods.yaml `first_day`): told
    during the day it may grow (30 by the afternoon, 70 the next day), but once the day is over
    every later report must give the same figure (70 against 85 is a conflict); the truce's length
    told beside it is no day's count."""
    docs = _docs(
        ("a", "2021-06-04", "وقال المرصد إن 30 شخصا قتلوا حتى ظهر اليوم في اليوم الأول للتهدئة في المحافظة."),
        ("b", "2021-06-05", "وأحصى المرصد مقتل 70 شخصا في اليوم الأول للتهدئة في المحافظة."),
        ("c", "2021-06-08", "وكان يومها الأول الأكثر دموية بـ85 قتيلا في المحافظة، وتبدأ التهدئة في أول أيام العيد وتستمر ثلاثة أيام."),
    )
    claims, clusters = _run(docs)
    periods = {(c.doc, float(c.value)): c.period for c in claims}
    assert periods[("a", 30.0)] == periods[("b", 70.0)] == periods[("c", 85.0)] == "day:first"
    assert periods.get(("c", 3.0)) != "day:first"
    cl = _cluster_of(clusters, "b", 70)
    assert _together(clusters, ("a", 30), ("c", 85)) and cl.id == _cluster_of(clusters, "a", 30).id
    # the late 85 is left out of the settled day's trajectory (a conflict or an inconsistency),
    # while the afternoon's 30 is an earlier stage of the same day
    assert cl.status == "conflict" or any(
        {("b", 70.0), ("c", 85.0)} <= {(c.doc, float(c.value)) for c in inc.claims}
        for inc in build_report(docs, clusters).inconsistencies)
    assert not any(("a", 30.0) in {(c.doc, float(c.value)) for c in inc.claims}
                   for inc in build_report(docs, clusters).inconsistencies)


def test_a_count_since_a_named_event_only_grows():
    """Prisoners freed "منذ توقيع الاتفاق": 730 one day, 898 the next is growth (rules/reconcile.yaml
    `cumulative_periods`), while 650 two days later is a count that cannot fall."""
    docs = _docs(
        ("a", "1996-01-27", "وارتفع عدد الأسرى المفرج عنهم منذ توقيع الاتفاق إلى 730 أسيرا في البوسنة."),
        ("b", "1996-01-28", "وبلغ عدد المفرج عنهم منذ توقيع الاتفاق 898 أسيرا في البوسنة."),
    )
    _claims, clusters = _run(docs)
    assert _together(clusters, ("a", 730), ("b", 898))
    assert _cluster_of(clusters, "a", 730).status != "conflict"
    docs.append(_docs(("c", "1996-01-30", "وقالت اللجنة إن 650 أسيرا أفرج عنهم منذ توقيع الاتفاق في البوسنة."))[0])
    claims, clusters = _run(docs)
    falls = [inc for inc in build_report(docs, clusters).inconsistencies
             if ("c", 650.0) in {(c.doc, float(c.value)) for c in inc.claims}]
    assert _cluster_of(clusters, "c", 650).status == "conflict" or falls


def test_a_fall_from_one_figure_to_another_is_a_change_not_two_totals():
    """"خفضت الوزارة عدد الوفيات المشتبه بها من 140 إلى 95": 140 is the figure before the change
    (superseded), 95 the count now; a rise "من 30 إلى 45" reads the same way."""
    for text, old, new in (("وفي مراجعة، خفضت الوزارة عدد الوفيات المشتبه بها من 140 إلى 95 في الإقليم.", 140, 95),
                           ("وتراجع عدد النازحين في المخيمات من 9000 إلى 6500 شخص.", 9000, 6500),
                           ("وارتفع عدد القتلى من 30 إلى 45 شخصا في المدينة.", 30, 45)):
        periods = {float(c.value): c.period for c in extract(Document(id="a", text=text, date="2021-03-07"), load_rules())}
        assert periods.get(float(old)) == "superseded" and periods.get(float(new)) != "superseded", (text, periods)
