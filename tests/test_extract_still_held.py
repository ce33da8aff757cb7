"""People still held told beside a release are no item of it (issue 8, session 38)."""

from crosscheck.extract.extractor import extract_text


def _values(text, kind):
    return sorted(c.value for c in extract_text(text) if c.kind == kind)


def test_still_held_item_after_a_release_is_no_release():
    # "ما" opens the item's predicate (scope function_words), which the release rule excludes
    assert _values("بعد القمة: الإفراج عن 59 أسيرا ونحو 55 ما زالوا محتجزين", "prisoners_released") == [59]


def test_still_held_with_a_noun_is_no_release():
    assert _values("وطالبت اللجنة بالإفراج عن 150 أسيرا ما زالوا في السجون", "prisoners_released") == []


def test_sheltered_bare_figure_after_still():
    assert _values("وأوضحت السلطات أن قرابة 40 ألفا ما زالوا في الملاجئ", "displaced") == [40000]
