"""Times elapsed so far ("محتجزة منذ 55 يوما"), told on different days, grow one day a day: they
are compared as of one day (crosscheck.reconcile.elapsed, rules/reconcile.yaml `elapsed_rules`),
and a rolling window of weeks or months ("خلال الأسبوعين الأخيرين") is not the running total
(rules/periods.yaml `window_days`).  Each test writes its own small articles."""

from __future__ import annotations

from datetime import date

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.elapsed import carry_elapsed
from crosscheck.reconcile.intervals import Span
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.ruleset.loader import load_rules


def _run(*specs):
    docs = [Document(id=i, text=t, date=d) for i, d, t in specs]
    claims = [c for d in docs for c in extract(d, load_rules())]
    return claims, reconcile(claims, docs)


def _clusters_with(clusters, kind, doc_values):
    return [cl for cl in clusters if cl.kind == kind
            and any((c.doc, float(c.value)) in doc_values for c in cl.claims)]


def test_carry_elapsed_moves_only_dated_elapsed_lengths_to_the_latest_day():
    spans = [Span(17, 17), Span(55, 55), Span(3, 3), Span(9, 9)]
    rules = ["elapsed", "elapsed", "truce", "elapsed"]
    days = [date(2008, 10, 12), date(2008, 11, 19), date(2008, 10, 1), None]
    out, at = carry_elapsed(["elapsed"], rules, spans, days)
    assert at == date(2008, 11, 19)
    assert (out[0].low, out[0].high) == (55, 55)  # 17 + 38 days
    assert out[1] == spans[1] and out[2] == spans[2] and out[3] == spans[3]
    # one day only: nothing to carry
    same, none = carry_elapsed(["elapsed"], rules, spans, [date(2008, 10, 12)] * 4)
    assert none is None and same == spans


def test_a_ship_held_for_days_told_weeks_apart_is_one_captivity():
    claims, clusters = _run(
        ("a", "2011-03-02", "ولا تزال ناقلة النفط المخطوفة راسية قبالة الساحل منذ 20 يوما، بحسب مالكها."),
        ("b", "2011-04-05", "وما زالت الناقلة المخطوفة محتجزة قبالة الساحل منذ 54 يوما، وسط مفاوضات على الفدية."),
        ("c", "2011-04-05", "وقال المالك إن الناقلة المخطوفة محتجزة قبالة الساحل منذ 60 يوما."),
    )
    lengths = {(c.doc, float(c.value)) for c in claims if c.kind == "duration_days"}
    assert {("a", 20.0), ("b", 54.0), ("c", 60.0)} <= lengths
    held = _clusters_with(clusters, "duration_days", {("a", 20.0), ("b", 54.0), ("c", 60.0)})
    assert len(held) == 1, "the three lengths of one captivity share a cluster"
    (cl,) = held
    # 20 days on 2 March and 54 on 5 April start on the same day; 60 on 5 April does not
    assert cl.status == "conflict"
    assert {(c.doc, float(c.value)) for c in cl.claims if c.outlier} == {("c", 60.0)}


def test_the_last_two_weeks_is_not_the_running_total():
    claims, clusters = _run(
        ("a", "2019-08-28", "وقالت المنظمة إن الحمى قتلت 2300 شخص في الإقليم منذ بدء التفشي، وإن 290 وفاة سجلت في الإقليم خلال الأسبوعين الأخيرين."),
        ("b", "2019-08-29", "وبلغ عدد وفيات الحمى في الإقليم منذ بدء التفشي 2310 وفيات."),
    )
    periods = {(c.doc, float(c.value)): c.period for c in claims if c.kind == "killed"}
    assert periods[("a", 290.0)] == "last_14d"
    assert not any(cl.status == "conflict" for cl in clusters if cl.kind == "killed")
