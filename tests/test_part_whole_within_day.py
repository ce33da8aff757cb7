"""A part given later in the day than its whole's figure is no inconsistency (issue 8, item 4).

"قتل المسلحون 84 طالبا على الأقل" told in the morning and "أسفر الهجوم عن مقتل 132 طفلا" told
in the evening of the same day: the toll grew in between, so the evening's part does not exceed
the morning's whole.  Told at the same part of the day (or with no part named), it still does.
"""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile.reconciler import build_report, reconcile

DAY = "2024-12-16"


def _incs(whole_sentence, part_sentence):
    claims = [claim("a", "killed", 84, "at_least", location="peshawar", as_of=DAY, as_of_from="metadata",
                    sentence=whole_sentence),
              claim("b", "killed", 132, group="children", location="peshawar", as_of=DAY, as_of_from="metadata",
                    sentence=part_sentence)]
    return [i for i in build_report([], reconcile(claims)).inconsistencies if i.type == "part_exceeds_whole"]


def test_a_whole_of_the_morning_does_not_cap_a_part_of_the_evening():
    assert not _incs("اقتحم مسلحون المدرسة صباح اليوم وقتلوا 84 طالبا على الأقل",
                     "أعلن الجيش مساء اليوم أن الهجوم أسفر عن مقتل 132 طفلا")


def test_a_whole_of_the_same_part_of_the_day_still_caps_it():
    assert _incs("أعلن الجيش مساء اليوم مقتل 84 شخصا على الأقل",
                 "وقال مسؤول مساء اليوم إن 132 طفلا قتلوا")


def test_a_whole_given_after_the_part_still_caps_it():
    assert _incs("أعلن الجيش مساء اليوم مقتل 84 شخصا على الأقل",
                 "قال مسؤول صباح اليوم إن 132 طفلا قتلوا")
