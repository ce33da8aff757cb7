"""Tally sides that the words around the figures turn round (rules/kinds/votes_for.yaml
`reversed_after`, rules/kinds/vetoes.yaml `joint_occasions`, rules/scope.yaml `cue_time_asides`):

- a majority told after a rejection is the votes against, the figure after "مقابل" the votes for;
- "N مرات" after two members joined by "و" counts the times they vetoed together, not vetoes;
- a day set off by commas between the verb of the vote and the figure does not hide the verb."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract_text

TALLY = ("votes_for", "votes_against", "abstentions")


def _tally(text: str) -> list[tuple[str, float]]:
    return [(c.kind, c.value) for c in extract_text(text) if c.kind in TALLY]


@pytest.mark.parametrize("text,expected", [
    ("ورُفض التعديل الثالث بأغلبية 101 صوت مقابل 6", [("votes_against", 101), ("votes_for", 6)]),
    ("وأسقطت الجمعية العامة المقترح بأغلبية 64 صوتا مقابل 40 وامتناع 33",
     [("votes_against", 64), ("votes_for", 40), ("abstentions", 33)]),
    ("وتم رفض الطلب بغالبية 75 صوتا مقابل 58", [("votes_against", 75), ("votes_for", 58)]),
])
def test_a_majority_after_a_rejection_is_against(text, expected):
    assert _tally(text) == expected


@pytest.mark.parametrize("text,expected", [
    # an adoption: the majority is for
    ("وتبنت الجمعية العامة القرار بأغلبية 120 صوتا مقابل 9", [("votes_for", 120), ("votes_against", 9)]),
    # a text that rejects something was adopted
    ("واعتمدت الجمعية قرارا يرفض الضم بأغلبية 140 صوتا مقابل 8", [("votes_for", 140), ("votes_against", 8)]),
    # the rejection belongs to another clause
    ("ورفضت واشنطن النص، واعتمدته الجمعية بأغلبية 99 صوتا مقابل 11", [("votes_for", 99), ("votes_against", 11)]),
    # "despite the opposition's refusal": the law passed by that majority
    ("وأقر المجلس التعديل رغم رفض المعارضة بأغلبية 70 صوتا مقابل 30", [("votes_for", 70), ("votes_against", 30)]),
    # the figure after the joiner is typed by its own word
    ("ورُفض الاقتراح بأغلبية 80 صوتا مقابل اعتراض 5", [("votes_against", 80), ("votes_against", 5)]),
])
def test_no_rejection_of_the_voted_text_keeps_the_sides(text, expected):
    assert _tally(text) == expected


def test_joint_casters_times_are_occasions_not_vetoes():
    claims = extract_text("وأسقطت فرنسا وبريطانيا بالفيتو مشاريع قرارات خمس مرات خلال الأزمة")
    assert not [c for c in claims if c.kind == "vetoes"]


def test_one_casters_times_are_its_vetoes():
    claims = extract_text("واستخدمت الصين الفيتو خمس مرات خلال الأزمة في مجلس الأمن")
    assert [(c.kind, c.value) for c in claims if c.kind == "vetoes"] == [("vetoes", 5)]


def test_casters_of_another_clause_do_not_count():
    # the pair is in an earlier clause; the times are one member's
    claims = extract_text("وانتقدت روسيا والصين القرار، واستخدمت الولايات المتحدة الفيتو أربع مرات منذ بدء الأزمة")
    assert [(c.kind, c.value) for c in claims if c.kind == "vetoes"] == [("vetoes", 4)]


@pytest.mark.parametrize("text,kind,value", [
    ("وأيد القرار، الأربعاء، 151 بلدا في الجمعية العامة", "votes_for", 151),
    ("وعارض النص، يوم الجمعة، 3 أعضاء في المجلس", "votes_against", 3),
])
def test_a_day_between_commas_does_not_hide_the_verb(text, kind, value):
    assert (kind, value) in _tally(text)


def test_an_aside_longer_than_a_day_is_not_crossed():
    # only a day (cue_time_asides) or a source (cue_asides) may stand between the verb and its figure
    assert _tally("وأيد القرار، الأربعاء في أجواء من التوتر الشديد، 151 بلدا") == []
