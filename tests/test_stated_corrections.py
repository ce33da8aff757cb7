"""A count that went down for a stated reason, and a figure told as the story's first one
(issue 8: stated revisions, recalled earlier figures; crosscheck.reconcile.revisions).

"18 قتيلا بعد تبين احتساب جثة مرتين": the article gives the reason its count is lower (one body
counted twice), so the higher figures outlets gave before are what was said then.  "بعد أن
أعلنت الوزارة في البداية 23 قتيلا": the article recalls the story's first figure, a point of the
story's first day, set against that day's figures - not its own disagreement."""

from __future__ import annotations

import re

import pytest
from test_reconciler_factory import claim

from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.reconcile.revisions import tells_fall_reason, tells_first
from crosscheck.ruleset.period_rules import period_rules

RULES = period_rules()


@pytest.mark.parametrize("sentence", RULES.fall_reason_examples.hit)
def test_fall_reason_examples_that_must_match(sentence):
    assert tells_fall_reason(sentence)


@pytest.mark.parametrize("sentence", RULES.fall_reason_examples.miss)
def test_fall_reason_examples_that_must_not_match(sentence):
    assert not tells_fall_reason(sentence)


def _last_figure(sentence):
    return [m.start() for m in re.finditer(r"\d+", sentence)][-1]


@pytest.mark.parametrize("sentence", RULES.first_figure_examples.hit)
def test_first_figure_examples_that_must_match(sentence):
    assert tells_first(sentence, _last_figure(sentence))


@pytest.mark.parametrize("sentence", RULES.first_figure_examples.miss)
def test_first_figure_examples_that_must_not_match(sentence):
    assert not tells_first(sentence, _last_figure(sentence))


def _dated(doc, value, day, **kw):
    return claim(doc, "killed", value, as_of=day, as_of_from="metadata", **kw)


DOUBLE = "وقالت النيابة إن الحصيلة النهائية 27 قتيلا بعد تبين احتساب جثة مرتين"
PLAIN = "وقالت النيابة إن الحصيلة النهائية 27 قتيلا في الحادث"


# the dead listed by mistake, or found alive after being listed: the lower count is a correction
LISTED = "وخفضت البلدية عدد القتلى في الحي القديم للمدينة الساحلية إلى 27 قتيلا، موضحة أن عاملين أدرجا خطأ في القوائم"
FOUND = "وأصبحت الحصيلة 27 قتيلا، بعد أن أعلن موت صيادين ثم عثر عليهما حيين في جزيرة قريبة"
RESCUE = "وأصبحت الحصيلة 27 قتيلا، وعثرت فرق الإنقاذ على اثنين حيين تحت الأنقاض"


@pytest.mark.parametrize("sentence,falls", [(DOUBLE, False), (PLAIN, True), (LISTED, False), (FOUND, False),
                                            (RESCUE, True)])
def test_a_count_lowered_for_a_stated_reason_does_not_fall(sentence, falls):
    clusters = reconcile([_dated("a", 20, "2024-05-01"), _dated("b", 28, "2024-05-02"),
                          _dated("c", 27, "2024-05-03", sentence=sentence)])
    report = build_report([], clusters)
    fell = any(cl.status == "conflict" for cl in clusters) or bool(report.inconsistencies)
    assert fell == falls


def _recalling(first_value):
    sentence = f"وارتفعت الحصيلة إلى 45 شخصا، بعد أن أعلنت الوزارة في البداية {first_value} قتيلا"
    return [_dated("a", 32, "2024-05-01"), _dated("b", 40, "2024-05-02"), _dated("c", 45, "2024-05-03"),
            claim("d", "killed", 45, sentence=sentence),
            claim("d", "killed", first_value, sentence=sentence)]


def test_the_first_figure_recalled_as_reported_is_no_conflict():
    clusters = reconcile(_recalling(32))
    [cl] = [c for c in clusters if c.kind == "killed"]
    assert any("first one" in n for n in cl.notes)
    assert not any(c.doc == "d" and c.outlier for c in cl.claims)


def test_a_first_figure_recalled_differently_is_set_against_the_first_day():
    clusters = reconcile(_recalling(23))
    report = build_report([], clusters)
    found = [{(c.doc, c.value) for c in i.claims} for i in report.inconsistencies]
    found += [{(c.doc, c.value) for c in cl.claims} for cl in clusters if cl.status == "conflict"]
    assert any({("a", 32), ("d", 23)} <= f for f in found)


def test_a_fall_for_a_stated_reason_restarts_the_count_and_keeps_the_growth_before_it():
    # 130,000 -> 176,000 -> 180,000 displaced, then "75 ألفا ما زالوا نازحين بعد أن عاد كثيرون إلى
    # منازلهم": the growth keeps its dates (a slip in it would still show), the fall is no conflict
    home = "وقالت الأمم المتحدة إن 75000 شخص ما زالوا نازحين بعد أن عاد كثيرون إلى منازلهم"
    claims = [claim(d, "displaced", v, as_of=day, as_of_from="metadata")
              for d, v, day in (("a", 130000, "2024-10-13"), ("b", 176000, "2024-10-18"),
                                ("c", 180000, "2024-10-22"))]
    claims.append(claim("d", "displaced", 75000, as_of="2024-11-09", as_of_from="metadata", sentence=home))
    clusters = reconcile(claims)
    [cl] = clusters
    assert cl.status == "consistent" and not any(c.outlier for c in cl.claims)
    assert not build_report([], clusters).inconsistencies
    assert len(cl.trajectory or []) >= 3  # the growth is still a dated trajectory
    # a slip inside the growth still shows
    slip = claims[:2] + [claim("e", "displaced", 150000, as_of="2024-10-22", as_of_from="metadata")] + claims[2:]
    clusters = reconcile(slip)
    assert any(c.status == "conflict" for c in clusters) or build_report([], clusters).inconsistencies


def test_a_first_figure_stands_at_the_first_days_named_moment():
    # "أعلنت الوزارة ظهر اليوم مقتل 32": the story's first figure was given at midday; a figure
    # recalled as the first one ("في البداية 23") is that midday's, not an earlier unknown hour
    first_day = "أعلنت الوزارة ظهر اليوم مقتل 32 شخصا في الحادث"
    sentence = "وارتفعت الحصيلة إلى 45 شخصا، بعد أن أعلنت الوزارة في البداية 23 قتيلا"
    claims = [_dated("a", 32, "2024-05-01", sentence=first_day), _dated("b", 40, "2024-05-02"),
              _dated("c", 45, "2024-05-03"), claim("d", "killed", 45, sentence=sentence),
              claim("d", "killed", 23, sentence=sentence)]
    clusters = reconcile(claims)
    report = build_report([], clusters)
    found = [{(c.doc, c.value) for c in i.claims} for i in report.inconsistencies]
    found += [{(c.doc, c.value) for c in cl.claims} for cl in clusters if cl.status == "conflict"]
    assert any({("a", 32), ("d", 23)} <= f for f in found)
