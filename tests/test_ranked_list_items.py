"""A ranking list's bare items take the kind of the item before them written the same way
(crosscheck.extract.extractor._ranked_item): "تليها إندونيسيا بـ165 وفاة، ثم الأردن بـ99، وتونس بـ49"."""

from crosscheck.extract.extractor import extract_text


def _values(text, kind):
    return sorted(c.value for c in extract_text(text) if c.kind == kind)


def test_bare_items_of_a_ranking_take_the_kind_of_the_first():
    text = "وتصدرت باكستان القائمة بـ310 وفيات، تليها الهند بـ120 وفاة، ثم نيبال بـ45، وبنغلاديش بـ12."
    assert _values(text, "killed") == [12, 45, 120, 310]


def test_an_item_without_the_clitic_is_not_an_item():
    text = "وتصدرت باكستان القائمة بـ310 وفيات، تليها الهند بـ120 وفاة، ثم نيبال 45."
    assert _values(text, "killed") == [120, 310]


def test_a_list_of_things_stays_untyped():
    assert _values("وفاز الفريق الأول بـ12 نقطة، والثاني بـ9", "killed") == []
