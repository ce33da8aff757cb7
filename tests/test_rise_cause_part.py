"""A figure told as what made a larger figure of its sentence rise is a part of it (issue 8: parts
and wholes).

"ارتفع عدد الوفيات في المدينة إلى 7 حالات، بعد وفاة 5 عمال": the five are the newly counted dead
of the seven, not a rival toll of the same article (rules/reconcile.yaml `own_part_leads`;
crosscheck.reconcile.intervals.own_parts).  Another figure of the sentence with no such lead
("وأحصت السلطات 5 وفيات") is compared as before.  Sentences are our own."""

from __future__ import annotations

import pytest
from test_reconciler_factory import claim

from crosscheck.reconcile.intervals import own_parts
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.reconcile.settings import config_or_default

CFG = config_or_default(None)
RISE = "ارتفع عدد الوفيات في المدينة إلى 7 حالات، بعد وفاة 5 عمال من الجنسية الهندية"
KILLED = "ارتفع عدد القتلى في البلدة إلى 7 أشخاص إثر مقتل 5 مزارعين في قصف جديد"
OTHER = "ارتفع عدد الوفيات في المدينة إلى 7 حالات، وأحصت السلطات 5 وفيات في المستشفى"


def _pair(sentence):
    return [claim("a", "killed", 7, sentence=sentence, as_of="2024-04-20", as_of_from="metadata"),
            claim("a", "killed", 5, sentence=sentence, as_of="2024-04-20", as_of_from="metadata")]


@pytest.mark.parametrize("sentence,aside", [(RISE, [1]), (KILLED, [1]), (OTHER, [])])
def test_the_cause_of_a_rise_is_set_aside(sentence, aside):
    assert CFG.own_part_leads
    assert own_parts(_pair(sentence), CFG.own_part_ratio, CFG.continuous_kinds, CFG.own_part_leads) == aside


@pytest.mark.parametrize("sentence,compared", [(RISE, False), (OTHER, True)])
def test_the_cause_of_a_rise_is_no_rival_toll(sentence, compared):
    # the cause of a rise is set aside, never compared; another figure of the sentence is
    # compared: left out of the day's kept figure and linked to it.  (Session 35: one article
    # alone on its day no longer makes its cluster a conflict; the link is read by the
    # rival-counter rule - two figures of one article's day side by side, not both one
    # counter's, are no mismatch - `inconsistencies._rival_counters`.)
    clusters = reconcile(_pair(sentence))
    report = build_report([], clusters)
    links = [(link.claim.doc, link.direction) for cl in clusters for link in cl.outlier_links]
    assert not any(cl.status == "conflict" for cl in clusters)
    assert (links == [("a", "same_day")]) == compared
    assert not report.inconsistencies


def test_a_lead_before_a_figure_larger_than_the_sentences_other_is_no_part():
    # "بعد مقتل 9" above the sentence's 7: not what made the 7 rise
    sentence = "ارتفع عدد القتلى في البلدة إلى 7 أشخاص بعد مقتل 9 مزارعين"
    claims = [claim("a", "killed", 7, sentence=sentence, as_of="2024-04-20", as_of_from="metadata"),
              claim("a", "killed", 9, sentence=sentence, as_of="2024-04-20", as_of_from="metadata")]
    assert own_parts(claims, CFG.own_part_ratio, CFG.continuous_kinds, CFG.own_part_leads) == []
