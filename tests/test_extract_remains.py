"""Remains and bodies counted twice are no toll (issue 8).

- Body parts ("الأشلاء") are no count of the dead, whether the rule reads them, a list joins
  them to a toll's figure ("221 جثة و180 من الأشلاء") or a toll's part would take them
  ("أودت بحياة 231 شخصا، إضافة إلى 212 من الأشلاء"): the list's and the total's rule refuse
  what they never count (rules/kinds/killed.yaml not_nouns, extractor._not_noun_of).
- Bodies counted twice are a correction taken off a toll ("تبين أن 12 جثة أحصيت مرتين"),
  not a toll of their own (killed exclude)."""

import pytest

from crosscheck.extract.extractor import extract_text


def _killed(text):
    return sorted(c.value for c in extract_text(text) if c.kind == "killed")


@pytest.mark.parametrize("text,toll,parts", [
    ("وقال المسؤول إن الفرق انتشلت 140 جثة و95 من الأشلاء حتى مساء الأحد", 140, 95),
    ("وأودت السيول بحياة 118 شخصا، بينهم 20 طفلا، إضافة إلى 64 من الأشلاء البشرية", 118, 64),
    ("حصيلة الانهيار: 87 جثة و40 من الأشلاء", 87, 40),
])
def test_remains_are_no_toll(text, toll, parts):
    values = _killed(text)
    assert toll in values and parts not in values


def test_a_list_of_the_dead_still_joins():
    # the same list with people after "من" stays a list of the dead
    assert _killed("وقتل 40 شخصا و12 من رجال الشرطة في الهجوم") == [12, 40]


@pytest.mark.parametrize("text,toll,twice", [
    ("وخفضت الوزارة الحصيلة إلى 300 قتيل بعد أن تبين أن 12 جثة أحصيت مرتين", 300, 12),
    ("وعدل خفر السواحل حصيلة الجثث المنتشلة إلى 78 بعد أن تبين أن ثلاث جثث سجلت أكثر من مرة", 78, 3),
])
def test_bodies_counted_twice_are_no_toll(text, toll, twice):
    assert _killed(text) == [toll]


def test_bodies_not_found_are_no_toll():
    # "لم يعثر على جثث خمسة منهم": the part not found is no part of the dead (killed exclude_before)
    text = "وتذكر السكان انهيارا أودى بحياة 17 شخصا، لم يعثر على جثث خمسة منهم حتى اليوم"
    assert _killed(text) == [17]
    assert _killed("وانتشلت الفرق جثث 12 بحارا من قاع البحيرة") == [12]
