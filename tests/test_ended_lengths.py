"""An ended war's or battle's length is settled (issue 8: periods and events).

"بعد معارك استمرت 140 يوما" on the day a battle ended and "المعركة التي استمرت 128 يوما" in an
undated article a year later tell one final length: they disagree (undated, the 128 would
otherwise fit any earlier day of the running total).  A running length of the
same war ("قبل 79 يوما", told while it lasted) stays a running total and meets neither.
rules/reconcile.yaml `ended_length_leads`, `ended_length_examples`.
"""

from __future__ import annotations

import pytest
from test_dated_earlier_figure import disputed, docs
from test_reconciler_factory import claim

from crosscheck.reconcile.ended import is_ended_length
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.reconcile.settings import default_config

CFG = default_config()

ENDED_DAY = "أعلنت القوات السيطرة الكاملة على المدينة بعد معارك استمرت 140 يوما"
ENDED_LATER = "وخلفت المعركة التي استمرت 128 يوما دمارا في معظم الأحياء"
RUNNING = "قتل ألف مدني منذ بدء الهجوم على المدينة قبل 79 يوما"


def _length(doc, value, sentence, day):
    c = claim(doc, "duration_days", value, period="event", event="war", location="mosul",
              as_of=day, as_of_from="metadata" if day else None)
    surface = f"{value} يوما"
    return c.model_copy(update={"sentence": sentence, "surface": surface, "end": c.start + len(surface)})


def _report(*figures):
    documents = docs(*[(d, day) for d, _, _, day in figures])
    claims = [_length(d, v, s, day) for d, v, s, day in figures]
    return build_report(documents, reconcile(claims, documents))


def test_an_ended_battle_told_again_undated_must_agree():
    # undated, the 128 would fit any day before the 140 of a running total
    rep = _report(("a", 140, ENDED_DAY, "2017-10-17"), ("b", 128, ENDED_LATER, None))
    assert disputed(rep, 140, 128)


def test_a_running_length_may_be_told_undated():
    rep = _report(("a", 140, ENDED_DAY, "2017-10-17"), ("b", 128, RUNNING.replace("79", "128"), None))
    assert not disputed(rep, 140, 128)


def test_a_running_length_meets_the_final_one():
    rep = _report(("a", 79, RUNNING, "2017-08-24"), ("b", 140, ENDED_DAY, "2017-10-17"))
    assert not disputed(rep, 79, 140)


def test_one_ended_length_told_twice_agrees():
    rep = _report(("a", 140, ENDED_DAY, "2017-10-17"),
                  ("b", 140, ENDED_LATER.replace("128", "140"), "2018-10-17"))
    assert not disputed(rep, 140)
    assert any(cl.status == "consistent" and len(cl.claims) == 2 for cl in rep.clusters)


@pytest.mark.parametrize("pair", CFG.ended_length_examples.get("hit", []))
def test_ended_length_examples_that_must_match(pair):
    sentence, surface = pair
    assert is_ended_length(sentence, surface, CFG)


@pytest.mark.parametrize("pair", CFG.ended_length_examples.get("miss", []))
def test_ended_length_examples_that_must_not_match(pair):
    sentence, surface = pair
    assert not is_ended_length(sentence, surface, CFG)


def test_examples_exist():
    assert CFG.ended_length_examples.get("hit") and CFG.ended_length_examples.get("miss")


def test_the_figure_is_read_at_its_own_place_not_inside_a_longer_number():
    # "33 يوما" also stands inside "133 يوما": the lead read is the one before the figure itself
    sentence = "بعد 133 يوما من القتال أعلنت هدنة استمرت 33 يوما"
    assert is_ended_length(sentence, "33 يوما", CFG)
    assert not is_ended_length(sentence, "133 يوما", CFG)


def test_a_lead_with_a_clitic_prefix():
    assert is_ended_length("انتهت المعركة واستمرت 40 يوما", "40 يوما", CFG)
