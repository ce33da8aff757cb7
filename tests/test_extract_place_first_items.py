"""A breakdown whose later items are named by their place only, the place before a bare figure:
"لجأ 52 ألفا إلى أوغندا، وكينيا 31 ألفا" - each later item takes the first item's kind and its
own place (the gazetteer tells the items apart).  Bounded by the tokens between the two claims.
Own sentences."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document


def claims(text):
    return [(c.kind, c.value, c.location, c.group) for c in extract(Document(id="x", text=text))
            if c.kind != "other"]


def test_later_items_named_by_country_take_the_first_items_kind():
    got = claims("وقالت المفوضية إن 52 ألفا لجؤوا إلى أوغندا، وكينيا 31 ألفا، وجنوب السودان 9 آلاف و400.")
    assert ("displaced", 31000, "kenya", "all") in got
    assert ("displaced", 9400, "south_sudan", "all") in got


def test_a_hedged_later_item_keeps_its_hedge_and_place():
    got = [c for c in extract(Document(id="x", text="وذكرت المفوضية أنه استقبلت إثيوبيا 14 ألف لاجئ، والسودان أكثر من 6 آلاف."))
           if c.value == 6000]
    assert [(c.kind, c.location, c.qualifier) for c in got] == [("displaced", "sudan", "more_than")]


def test_figure_then_place_items_still_hold():
    got = claims("وأفاد مصدر طبي بأنه قتل 17 شخصا في درعا، و9 في إدلب، أمس.")
    assert ("killed", 9, "idlib", "all") in got


def test_a_word_that_is_no_place_makes_no_item():
    # "والجيش 5": no place the gazetteer knows, so no item of the breakdown
    got = claims("وقالت المفوضية إن 40 ألفا لجؤوا إلى أوغندا، والجيش 5 كتائب على الحدود.")
    assert [c for c in got if c[1] == 5] == []


def test_a_place_in_another_clause_is_no_item():
    # a full stop ends the list: the next sentence's bare figure is not an item
    got = claims("لجأ 40 ألفا إلى أوغندا. وكينيا 31 عاما على استقلالها.")
    assert [c for c in got if c[1] == 31] == []
