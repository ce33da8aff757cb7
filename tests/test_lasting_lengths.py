"""A length said with a lasting word, whatever lasted (rules/kinds/duration_lasting.yaml): "إضراب
عن الطعام استمر 62 يوما", "تنكيس الأعلام لمدة خمسة أيام", "نقاش استمر أربعة أيام".  What lasted is
not one of duration_span's events, so the figure's own length is its event ("length:62"), and a
later mention of the same length under a named event is one figure with that event
(crosscheck.extract.mentions: a length-only event gives way to a named one)."""

import pytest

from crosscheck.extract.extractor import extract_text


def _days(text: str):
    return [c for c in extract_text(text) if c.kind == "duration_days"]


@pytest.mark.parametrize("text,value", [
    ("وتوفي المعارض في السجن إثر إضراب عن الطعام استمر 62 يوما", 62),
    ("وقرر المجلس البلدي تنكيس الأعلام لمدة خمسة أيام", 5),
    ("وصادقت الجمعية على النص بعد نقاش استمر أربعة أيام", 4),
    ("ويحتفل أهالي المدينة بالموسم على مدى ستة أيام كل عام", 6),
    ("ويبدأ الرئيس غدا زيارة رسمية تستمر يومين", 2),
    ("وأعلن الصحفي إنهاء إضراب خاضه طوال 41 يوما", 41),
])
def test_a_length_with_its_lasting_word(text, value):
    got = _days(text)
    assert [(c.value, c.event) for c in got] == [(value, f"length:{value}")]


@pytest.mark.parametrize("text", [
    "واستمر الاجتماع أربع ساعات قبل أن يعلن الوزير موقفه",  # hours that make no whole day
    "وتستغرق الرحلة بالقطار ثلاثة أيام",  # a journey's time
    "وأقام الفنان معارضه في العاصمة على مدى خمس سنوات",  # years: no duration_days
])
def test_no_lasting_length(text):
    assert _days(text) == []


def test_two_lengths_of_one_story_are_two_events():
    # two hunger strikes of one article: two lengths, never one event that conflicts
    got = _days("وتوفي ناشط إثر إضراب عن الطعام استمر 70 يوما. وأنهى ناشط آخر إضرابا دام 110 أيام")
    assert sorted(c.event for c in got) == ["length:110", "length:70"]


@pytest.mark.parametrize("text", [
    # the named event first, the bare length after it
    "وطالب المجلس بهدنة إنسانية لثلاثين يوما. ويدعو النص إلى وقف الأعمال القتالية لمدة 30 يوما متتالية.",
    # the bare length first, the named event after it
    "وقال الوسطاء إن الاتفاق يسري لمدة 30 يوما. وتبدأ الهدنة التي تمتد ثلاثين يوما صباح الأحد.",
])
def test_a_length_restated_with_its_event_is_one_figure(text):
    got = _days(text)
    assert [(c.value, c.event, len(c.mentions)) for c in got] == [(30, "truce", 2)]
