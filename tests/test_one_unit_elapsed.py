"""A unit of time alone after the event it counts from ("بعد الهجوم بأسبوع", "قبل الهدنة بيوم";
rules/scope.yaml `one_unit_after_event`, rules/kinds/duration_since_before.yaml): one unit, an
elapsed time, never the length of what the sentence names next; a unit alone is no count for
any other rule."""

import pytest

from crosscheck.extract.extractor import extract_text


def _durations(text: str) -> list[tuple[float, str | None, str]]:
    return [(c.value, c.event, c.surface) for c in extract_text(text) if c.kind == "duration_days"]


def test_week_after_the_event_is_elapsed_not_the_emergency():
    got = _durations("وأعلنت الحكومة بعد الانفجار بأسبوع حالة الطوارئ لمدة 20 يوما في المدينة")
    assert (7, "since", "بأسبوع") in got
    assert (20, "emergency", "20 يوما") in got


@pytest.mark.parametrize("text,value", [
    ("وقبل الهدنة بيوم قصفت الطائرات السوق", 1),
    ("وبعد الحريق بأسبوع عاد السكان إلى الحي", 7),
    ("وبعد الزلزال بأسبوعين انتشل المنقذون آخر الجثث", 14),
])
def test_unit_after_the_event(text, value):
    assert [v for v, ev, _ in _durations(text)] == [value]


def test_unit_after_the_event_before_the_clause_figure():
    # the clause's own figure right after the unit ("قبل الهدنة بأسبوع 40 مدنيا") is no year
    text = "وكانت البلدة قد فقدت قبل الهدنة بأسبوع 40 مدنيا في غارة واحدة"
    assert _durations(text) == [(7, "since", "بأسبوع")]
    assert [c.value for c in extract_text(text) if c.surface == "40 مدنيا"] == [40]


@pytest.mark.parametrize("text", [
    "وعاد الاستقرار بعد عام 2010 إلى الإقليم",
])
def test_bare_unit_before_a_year_is_no_elapsed_time(text):
    assert _durations(text) == []


@pytest.mark.parametrize("text", [
    "ووصل الوزير بعد يوم الجمعة إلى المدينة",
    "وقال إن الفريق سيصل بعد أسبوع إلى المنطقة",
    "وأفرج عن السائقين بعد يوم من احتجازهم",
    "وتحسن الطقس بعد الظهر بشكل ملحوظ",
])
def test_no_elapsed_time(text):
    assert _durations(text) == []


def test_surface_is_the_text():
    text = "وأعلنت الشرطة بعد الهجوم بيوم اعتقال مشتبه به"
    for c in extract_text(text):
        assert text[c.start:c.end] == c.surface
