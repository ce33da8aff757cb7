"""Remains and bodies not found are no toll (issue 8).

- Body parts ("الأشلاء") are no count of the dead, whether the rule reads them, a list joins
  them to a toll's figure ("221 جثة و180 من الأشلاء") or a toll's part would take them
  ("أودت بحياة 231 شخصا، إضافة إلى 212 من الأشلاء"): the list's and the total's rule refuse
  what they never count (rules/kinds/killed.yaml not_nouns, extractor._not_noun_of).
- Bodies not found are no part of a toll of the dead ("لم يعثر على جثث خمسة منهم": killed
  exclude_before)."""

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


def test_bodies_not_found_are_no_toll():
    # "لم يعثر على جثث خمسة منهم": the part not found is no part of the dead (killed exclude_before)
    text = "وتذكر السكان انهيارا أودى بحياة 17 شخصا، لم يعثر على جثث خمسة منهم حتى اليوم"
    assert _killed(text) == [17]
    assert _killed("وانتشلت الفرق جثث 12 بحارا من قاع البحيرة") == [12]


def test_captives_named_as_a_part_of_the_dead_are_dead():
    # "هم 20 رهينة" after a toll: the captive noun yields to the toll's kind (hostages_held
    # yield_to), the part is of the dead, not captives held
    claims = extract_text("وأودى الهجوم على الفندق بحياة 26 شخصا، هم 21 رهينة وخمسة من رجال الأمن")
    assert ("killed", 21) in [(c.kind, c.value) for c in claims]
    assert "hostages_held" not in [c.kind for c in claims]


def test_captives_executed_are_dead():
    text = "وخطف المسلحون 30 طالبا من السكن الجامعي، قبل أن يعدموا ثلاثة من المخطوفين بعد أيام"
    kinds = {c.value: c.kind for c in extract_text(text)}
    assert kinds[3] == "killed"
