"""Lengths in months and years are claims of their own kind, `duration_months` (issue 8, extract2).

A truce of two months, a war of fifteen months, a mandate extended for a year: a fact-checker
checks them ("a 9-month mandate" against "a 12-month mandate").  They are not duration_days (the
real-news gold of sets T-Y gives them as `other`, and a rounded month is no day count), so they
are a kind the evaluation scorer does not know and the tool still clusters, reconciles and
reports.  An extension ("لشهرين إضافيين") is not the whole length.
"""

from __future__ import annotations

import hashlib

from crosscheck.evaluate import evaluate
from crosscheck.extract.extractor import extract, extract_text
from crosscheck.models import CLAIM_KINDS, Document
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.report.labels import load_labels
from crosscheck.report.markdown import render_markdown


def months(text):
    return [(c.value, c.qualifier, c.event) for c in extract_text(text) if c.kind == "duration_months"]


def test_month_and_year_lengths_are_duration_months_in_months():
    assert months("واتفق الجانبان على هدنة إنسانية لمدة شهرين في الشمال") == [(2, "exact", "truce")]
    assert months("وخلفت الحرب التي استمرت 15 شهرا آلاف الضحايا") == [(15, "exact", "war")]
    assert months("وقرر المجلس تمديد الولاية لمدة عام واحد") == [(12, "exact", "mandate")]
    assert months("وأفرج عن الصحفي المحتجز منذ عامين") == [(24, "exact", "captivity")]
    # no day count any more, at 30 or 365 days
    for text in ("واتفق الجانبان على هدنة إنسانية لمدة شهرين في الشمال", "وخلفت الحرب التي استمرت 15 شهرا آلاف الضحايا"):
        assert "duration_days" not in {c.kind for c in extract_text(text)}


def test_a_half_after_a_month_or_a_year_adds_half_a_unit():
    assert months("وتوصل الطرفان إلى هدنة لمدة عام ونصف") == [(18, "exact", "truce")]
    assert months("بعد سبعة أشهر ونصف من الحرب على الإقليم") == [(7.5, "exact", "war")]


def test_hedges_are_kept_as_for_other_kinds():
    assert months("وانتهت الحرب التي استمرت أكثر من عامين بين الجارتين") == [(24, "more_than", "war")]
    assert months("بعد نحو أربعة أشهر من الحرب على البلدة") == [(4, "approx", "war")]


def test_an_extension_is_its_own_quantity_not_the_whole_length():
    assert months("ووافق الطرفان على تمديد الهدنة لشهرين إضافيين") == [(2, "exact", "truce:extension")]
    assert months("وقرر المجلس تمديد التفويض ثلاثة أشهر أخرى") == [(3, "exact", "mandate:extension")]
    # days keep their old reading (the extension of a day count is left as it was)
    assert ("duration_days", 3) in {(c.kind, c.value) for c in extract_text("ووافق الطرفان على تمديد الهدنة ثلاثة أيام")}


def test_a_figure_that_is_no_length_of_an_event_stays_untyped():
    assert months("وارتفعت أسعار الخبز خلال ستة أشهر بنسبة كبيرة") == []
    assert months("وقال الأسير المحرر (22 عاما) إنه عاد إلى أسرته") == []


def _docs(texts):
    # bodies with a unique tail each, so no two documents are copies
    return [Document(id=i, text=t + " " + hashlib.sha1(i.encode()).hexdigest(), date=d) for i, (t, d) in texts.items()]


def _cluster_of(documents, event):
    claims = [c for d in documents for c in extract(d)]
    clusters = reconcile(claims, documents)
    found = [c for c in clusters if c.kind == "duration_months" and c.key["event"] == event]
    return found, clusters


def test_two_month_lengths_of_one_truce_that_cannot_both_be_true_are_a_conflict():
    documents = _docs({
        "a": ("وأعلن الوسطاء أن الهدنة في المدينة الساحلية تستمر لمدة شهرين", "2025-03-01"),
        "b": ("وقالت مصادر إن الهدنة في المدينة الساحلية تستمر لمدة ثلاثة أشهر", "2025-03-01"),
    })
    (cluster,), _ = _cluster_of(documents, "truce")
    assert sorted(c.value for c in cluster.claims) == [2, 3]
    assert cluster.status == "conflict"


def test_an_extension_and_the_whole_length_are_not_compared():
    documents = _docs({
        "a": ("وأعلن الوسطاء تمديد الهدنة في المدينة الساحلية لشهرين إضافيين", "2025-03-01"),
        "b": ("وقالت مصادر إن الهدنة في المدينة الساحلية تستمر لمدة ثلاثة أشهر", "2025-03-01"),
    })
    whole, clusters = _cluster_of(documents, "truce")
    extension, _ = _cluster_of(documents, "truce:extension")
    assert [c.value for c in whole[0].claims] == [3] and [c.value for c in extension[0].claims] == [2]
    assert not any(c.status == "conflict" for c in clusters)


def test_the_report_labels_the_kind_in_both_languages():
    labels = load_labels()
    assert "duration_months" in CLAIM_KINDS
    assert labels.kind("duration_months", "en") == "Duration (months)"
    assert labels.kind("duration_months", "ar") == "المدة بالأشهر"
    documents = _docs({
        "a": ("وأعلن الوسطاء أن الهدنة في المدينة الساحلية تستمر لمدة شهرين", "2025-03-01"),
        "b": ("وقالت مصادر إن الهدنة في المدينة الساحلية تستمر لمدة ثلاثة أشهر", "2025-03-01"),
    })
    claims = [c for d in documents for c in extract(d)]
    report = build_report(documents, reconcile(claims, documents))
    assert "Duration (months)" in render_markdown(report, lang="en")
    assert "المدة بالأشهر" in render_markdown(report, lang="ar")


def test_the_scorer_does_not_count_a_month_length_as_a_false_positive():
    claims = extract_text("واتفق الجانبان على هدنة إنسانية لمدة شهرين في الشمال")
    assert [c.kind for c in claims] == ["duration_months"]
    gold = [{"doc": "text", "kind": "other", "value": 2}]
    result = evaluate(claims, gold)
    assert result.overall.fp == 0


def _report(texts):
    documents = _docs(texts)
    claims = [c for d in documents for c in extract(d)]
    return build_report(documents, reconcile(claims, documents))


def test_a_length_in_days_and_in_months_that_agree_is_no_inconsistency():
    report = _report({
        "a": ("وأعلن الوسطاء أن الهدنة في المدينة الساحلية تستمر لمدة 60 يوما", "2025-03-01"),
        "b": ("وقالت مصادر إن الهدنة في المدينة الساحلية تستمر لمدة شهرين", "2025-03-01"),
    })
    assert {c.kind for c in report.clusters} >= {"duration_days", "duration_months"}
    assert not [i for i in report.inconsistencies if i.type == "unit_mismatch"]


def test_a_length_in_days_and_in_months_that_cannot_both_be_true_is_an_inconsistency():
    report = _report({
        "a": ("وأعلن الوسطاء أن الهدنة في المدينة الساحلية تستمر لمدة 90 يوما", "2025-03-01"),
        "b": ("وقالت مصادر إن الهدنة في المدينة الساحلية تستمر لمدة شهرين", "2025-03-01"),
    })
    (inc,) = [i for i in report.inconsistencies if i.type == "unit_mismatch"]
    assert inc.strength == "hard"
    assert sorted((c.kind, c.value) for c in inc.claims) == [("duration_days", 90), ("duration_months", 2)]
    assert "56-62" in inc.explanation


def test_a_war_told_in_days_and_months_on_different_days_is_not_compared():
    report = _report({
        "a": ("وقتل المئات في الحرب التي استمرت 90 يوما على الإقليم", "2025-03-01"),
        "b": ("وقتل المئات في الحرب التي استمرت شهرين على الإقليم", "2025-01-20"),
    })
    assert not [i for i in report.inconsistencies if i.type == "unit_mismatch"]


def test_the_lengths_of_an_extended_truce_in_days_and_months_are_not_compared():
    report = _report({
        "a": ("وأعلن الوسطاء أن الهدنة في المدينة الساحلية تستمر لمدة شهرين", "2025-03-01"),
        "b": ("ووافق الطرفان على تمديد الهدنة في المدينة الساحلية لشهرين إضافيين", "2025-04-28"),
        "c": ("وقال السكان إن الهدنة في المدينة الساحلية تستمر لمدة 90 يوما", "2025-05-30"),
    })
    assert not [i for i in report.inconsistencies if i.type == "unit_mismatch"]


def test_check_fails_a_new_length_the_record_gives_in_the_other_unit(tmp_path):
    from crosscheck.ci.check import run_check
    from crosscheck.config import Settings

    def article(name, body, date):
        p = tmp_path / f"{name}.md"
        p.write_text(f"---\nid: {name}\ndate: {date}\n---\n{body}\n", encoding="utf-8")
        return str(p)

    old = article("old", "وقالت مصادر إن الهدنة في إدلب تستمر لمدة شهرين.", "2025-03-01")
    new = article("new", "وأعلن الوسطاء أن الهدنة في إدلب تستمر لمدة 90 يوما.", "2025-03-03")
    result = run_check([new], against=[old])
    found = [(f.level, f.claim.doc, f.claim.value) for f in result.findings
             if f.rule_id == "inconsistency-unit-mismatch"]
    assert found == [("error", "new", 90)]
