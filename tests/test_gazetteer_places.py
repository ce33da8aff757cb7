"""Gazetteer data (rules/gazetteer.yaml): a place name never reads inside a common word with a
clitic in front, and the parts of the countries news covers sit under their country (issue 8:
a figure placed in a place no article named; a district and its state invisible as part and
whole)."""

from __future__ import annotations

import pytest

from crosscheck.extract.scope import gazetteer_for
from crosscheck.ruleset.loader import load_rules
from crosscheck.text.normalize import normalize


def gaz():
    return gazetteer_for(load_rules().gazetteer)


# Common words that are a clitic (ك ل ب و ف) plus a short place name: "كبيرا" is ك + "بيرا"
# (Beira).  My own sentences; none names a place.
@pytest.mark.parametrize("text", [
    "قالت الشرطة إنها حققت تقدما كبيرا في التحقيق",
    "شهدت المدينة دمارا كبيرا بعد العاصفة",
    "خلف الانفجار ضررا كبيرا في المباني المجاورة",
])
def test_a_clitic_and_a_short_name_forming_a_common_word_is_no_place(text):
    counts, _ = gaz().counts_and_adjectives(normalize(text).text)
    assert not counts
    assert not gaz().mentions(normalize(text).text)


def test_a_qualified_short_name_still_reads():
    counts, _ = gaz().counts_and_adjectives(normalize("ضرب الإعصار مدينة بيرا الساحلية").text)
    assert counts["beira"] == 1


def test_a_short_name_after_in_still_reads():
    counts, _ = gaz().counts_and_adjectives(normalize("وارتفع عدد القتلى في بيرا إلى 12").text)
    assert counts["beira"] == 1
