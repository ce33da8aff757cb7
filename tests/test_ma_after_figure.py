""""ما" right after a bare figure opens its predicate ("ما زالوا", "ما يزال", "ما بين"), never
its counted noun (rules/scope.yaml function_words): the figure keeps the kind its clause gives it
and its surface stops before "ما"."""

import pytest

from crosscheck.extract.extractor import extract_text


@pytest.mark.parametrize("text,kind,value,surface", [
    ("وقالت البلدية إن نحو 12 ألفا ما زالوا في الملاجئ بعد الفيضان", "displaced", 12000, "نحو 12 ألفا"),
    ("وقتل في المعارك 3 آلاف ما بين مقاتلين ومدنيين", "killed", 3000, "3 آلاف"),
    ("وأصيب 85 ما يزال تسعة منهم في العناية المركزة", "injured", 85, "85"),
])
def test_ma_opens_the_predicate(text, kind, value, surface):
    got = [(c.kind, c.value, c.surface) for c in extract_text(text) if c.value == value]
    assert got == [(kind, value, surface)]
    for c in extract_text(text):
        assert text[c.start:c.end] == c.surface
