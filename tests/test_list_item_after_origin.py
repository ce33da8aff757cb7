"""Session 45 (issue 8): a bare figure joined by "و" to a list item whose noun has an adjective
of origin after it ("12 جنديا أذربيجانيا و18 من قوات الإقليم") is the next item of the list, of
its kind, also when the list's cue stands too far back to type the figure itself."""

from crosscheck.extract.extractor import extract_text


def _claims(text):
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


def test_the_item_after_an_adjective_of_origin_takes_the_list_kind():
    text = "وأصيب 15 عاملا باكستانيا و9 من سكان القرية"
    assert ("injured", 9) in _claims(text)


def test_the_item_after_an_adjective_of_origin_in_a_toll_of_the_dead():
    text = "وأوضح أن القتلى العسكريين في المعارك هم 20 جنديا سوريا و11 من عناصر الفصائل"
    assert ("killed", 11) in _claims(text)


def test_the_item_after_an_adjective_of_origin_in_a_copular_list():
    text = "وأكد أن المصابين في القصف هم 15 جريحا باكستانيا و9 من سكان القرية"
    assert ("injured", 9) in _claims(text)
