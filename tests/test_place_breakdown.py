"""A breakdown by places written after each figure ("توزعت الوفيات بين 12 في بلدة ألف و5 في
بلدة باء"): when the gazetteer does not know the places, each item is a part named by its own
place (not the whole toll, nor a part named by the previous item's place); known places are the
items' locations as before, and a list with no opener keeps its reading."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules


def _killed(text):
    claims = extract(Document(id="d", text=text, date="2024-05-14"), load_rules())
    return {c.value: c for c in claims if c.kind == "killed"}


def test_items_of_unknown_places_are_parts_named_by_their_own_place():
    k = _killed("وأودت السيول بحياة 40 شخصا في سوريا، وتوزعت الوفيات بين 25 في كفرنبودة و15 في معرشمارين.")
    assert k[40].group == "all"
    assert k[25].group == "part:كفرنبوده"
    assert k[15].group == "part:معرشمارين"


def test_an_item_with_its_noun_and_a_place_of_two_words():
    k = _killed("وتوزعت الحصيلة بين 31 قتيلا في جزيرة سانت مارتن و6 في قرية بوزاري، وفق البيان.")
    assert k[31].group == "part:مارتن"  # the place's last word, up to the next item
    assert k[6].group == "part:بوزاري"  # not the previous item's place ("مارتن")


@pytest.mark.parametrize("text", [
    # known places: the location tells the items apart, the group stays the toll's
    "وتوزعت الوفيات بين 25 في حلب و15 في إدلب.",
])
def test_known_places_keep_their_locations(text):
    k = _killed(text)
    assert (k[25].location, k[25].group) == ("aleppo", "all")
    assert (k[15].location, k[15].group) == ("idlib", "all")


def test_a_single_figure_after_the_opener_is_no_item():
    # no next item after its place: "بين" is not a breakdown here
    k = _killed("وكان بين 9 قتلى في بلدة كفرنبودة أطفال ونساء.")
    assert all(not (c.group or "").startswith("part:") for c in k.values())


def _displaced(text):
    claims = extract(Document(id="d", text=text, date="2024-05-14"), load_rules())
    return {c.value: c for c in claims if c.kind == "displaced"}


def test_a_ranked_list_names_each_item_by_its_own_word():
    # a ranking of host countries, unknown and known places mixed, the last items joined by "و"
    d = _displaced(
        "ويستضيف البلد الأول العدد الأكبر من اللاجئين بنحو 900 ألف شخص، تليه بنما بـ410 آلاف، "
        "ثم بوليفيا بـ95 ألفا، والإكوادور بـ70 ألفا، والبرازيل بـ40 ألفا."
    )
    assert d[410000].group == "part:بنما"  # its first letter is no clitic: not "part:نما"
    assert d[95000].group == "part:بوليفيا"
    assert d[70000].group == "part:اكوادور"  # conjunction and article off
    assert d[40000].group == "part:برازيل"  # not the item before's ("part:اكوادور")
    assert (d[40000].location, d[70000].location) == ("brazil", "ecuador")


@pytest.mark.parametrize("text", [
    # the subset's first item names a long place (more than the five words the list's items
    # usually stand apart): the next item, with its own place, is a part of the same total
    "وأعلنت الوزارة وفاة 52 شخصا، بينهم 30 في بلدة الحمراء شرق الإقليم الجبلي و9 في بلدة الوادي.",
    "وقتل 52 شخصا، سقط 30 منهم في مخيم النور على أطراف المدينة القديمة و9 في مخيم الأمل.",
])
def test_the_next_subset_item_after_a_long_place_is_a_part_of_the_total(text):
    k = _killed(text)
    assert set(k) >= {52, 30, 9}
    assert k[52].group == "all"
    assert k[30].group != "all" and k[9].group != "all"


def test_a_figure_after_a_long_place_with_no_place_of_its_own_is_no_item():
    # "و9 أيام" has no place after it: not the list's next item
    k = _killed("وقتل 52 شخصا، بينهم 30 في بلدة الحمراء شرق الإقليم الجبلي و9 أيام من القصف.")
    assert 9 not in k
