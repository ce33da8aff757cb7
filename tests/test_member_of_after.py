"""A figure whose people are said to be among the dead ("50 طفلا هم بين القتلى", scope
`member_of_after`): the pronoun "هم" there opens no subset, so the cue after it types the figure.
A pronoun opening a breakdown ("قتل 40 شخصا، هم 30 مدنيا …") keeps its old reading."""

import pytest

from crosscheck.extract.extractor import extract_text


def _kinds(text: str) -> dict[float, str]:
    return {c.value: c.kind for c in extract_text(text)}


@pytest.mark.parametrize("text,value,kind", [
    ("وأوضحت المدرسة أن 14 تلميذا هم بين القتلى", 14, "killed"),
    ("وقالت الوزارة إن أكثر من ثلاثين امرأة هن من بين القتلى", 30, "killed"),
    ("وقالت السفارة إن 6 إيطاليين على الأقل هم بين الضحايا", 6, "killed"),
    ("وأعلنت الشرطة أن تسعة أطفال هم ضمن المصابين", 9, "injured"),
])
def test_member_of_typed_by_the_cue_after(text, value, kind):
    assert _kinds(text).get(value) == kind


def test_breakdown_after_pronoun_unchanged():
    kinds = _kinds("وقتل 40 شخصا في الهجوم، هم 30 مدنيا و10 جنود")
    assert kinds == {40: "killed", 30: "killed", 10: "killed"}


def test_pronoun_without_among_opens_no_cue():
    # "هم" followed by no "among" still stops a cue further on from typing the figure
    assert _kinds("وصل 25 زائرا هم القتلى المحتملون").get(25) != "killed"
