""""أحد"/"إحدى" before a definite plural counts one of them (rules/scope.yaml one_of_words), for
the rules with `counts_one_of` only (a captive's fate); a lone "أحد" (anyone) and one of some
people no rule counts stay no claim."""

import pytest

from crosscheck.extract.extractor import extract_text


def _pairs(text: str) -> list[tuple[str, float]]:
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


@pytest.mark.parametrize("text,expected", [
    ("وأعلن الخاطفون أنهم قتلوا أحد الرهائن الأجانب", [("killed", 1)]),
    ("وبقيت إحدى الرهائن لدى المسلحين بعد الإفراج عن الباقين", [("hostages_held", 1)]),
])
def test_one_of_counts(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text", [
    "وقال أحد المسؤولين إن المفاوضات مستمرة",
    "ولم يصب أحد بأذى في الحادث",
    "ووصل أحد الوزراء إلى المدينة صباح اليوم",
])
def test_no_count(text):
    assert _pairs(text) == []


def test_injured_man_dying_is_not_a_new_count():
    # his death is part of the toll given beside it
    assert _pairs("وارتفع عدد القتلى إلى 41، بعد وفاة أحد المصابين في المستشفى") == [("killed", 41)]
