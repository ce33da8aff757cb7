"""A breakdown by the section each item is taken from: "اقتادوا 187 تلميذا من القسم الثانوي و125
من القسم الابتدائي" - the item without a noun of its own has the list's kind, and every item is a
part named by its section (never compared with the total as a rival).  Own sentences."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document


def claims(text):
    return [(c.kind, c.value, c.group) for c in extract(Document(id="x", text=text)) if c.kind != "other"]


def test_the_second_item_takes_the_lists_kind_and_both_are_parts():
    got = claims("وقالت الشرطة إن الخاطفين اقتادوا 60 عاملا من الوردية الليلية، و22 من الوردية الصباحية، ليبقى 82 في قبضة الخاطفين")
    assert ("hostages_held", 60, "part:ليليه") in got
    assert ("hostages_held", 22, "part:صباحيه") in got
    # the total left held is the general group, not a part: "all", or None from the still-held rule
    # (hostages_still_held, which has no group of its own; the two are one general group, mentions._GENERAL)
    assert [g for k, v, g in got if v == 82] in (["all"], [None])


def test_a_group_named_after_min_keeps_its_group():
    assert claims("وقتل 12 جنديا من الكتيبة الأولى و3 من المدنيين") == [
        ("killed", 12, "soldiers"), ("killed", 3, "civilians")]


def test_one_figure_from_a_place_is_no_breakdown():
    assert claims("وخطف المسلحون 50 شخصا من القرية") == [("hostages_held", 50, "all")]


def test_a_figure_of_a_figure_is_no_item():
    # "و4 من 10 مسعفين": "من" before a number is no section
    assert [c for c in claims("وأصيب 30 شخصا من سكان الحي و4 من 10 مسعفين") if c[1] == 4] == []
