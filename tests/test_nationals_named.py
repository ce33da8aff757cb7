"""Issue 8: nationals named otherwise than by the counted noun (rules/scope.yaml
nationals_side_words, own_nationals_words) are a nationality group at the event's place, never
a place of their own; at home, or with no place, the figure keeps its rule's group."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract_text

# own example sentences: a border clash told from one country, the other's toll in it
LEAD = "تواصلت الاشتباكات في قرغيزستان لليوم الثالث. "


def _groups(text: str) -> dict[tuple[str, float], tuple[str | None, str | None]]:
    return {(c.kind, c.value): (c.location, c.group) for c in extract_text(text)}


@pytest.mark.parametrize("sentence,value,country", [
    ("وقتل 41 شخصا على الجانب الطاجيكي من الحدود.", 41, "tajikistan"),
    ("وقال مسؤولون إن 17 شخصا قتلوا في الجانب الطاجيكي.", 17, "tajikistan"),
    ("وكانت طاجيكستان أعلنت يوم الأحد مقتل 35 شخصا من مواطنيها.", 35, "tajikistan"),
    ("وقالت طاجيكستان إن 12 من رعاياها قتلوا.", 12, "tajikistan"),
], ids=str)
def test_hit_nationals_at_the_events_place(sentence, value, country):
    got = _groups(LEAD + sentence)
    loc, group = next(v for (k, n), v in got.items() if n == value)
    assert loc == "kyrgyzstan"  # the place stays the event's
    assert group == f"nationals:{country}"


@pytest.mark.parametrize("sentence,value", [
    # the side of the country where the event is: its own toll
    ("وقتل 41 شخصا على الجانب القرغيزي من الحدود.", 41),
    # the country's own nationals at home
    ("وأعلنت قرغيزستان مقتل 35 شخصا من مواطنيها.", 35),
    # a side word in another clause names nothing of the figure
    ("وقتل 20 شخصا، فيما اتهم الجانب الطاجيكي خصمه بخرق الهدنة.", 20),
    # "من" and a word other than the nationals' ("من العمال")
    ("وكانت طاجيكستان أعلنت مقتل 9 أشخاص من العمال.", 9),
], ids=str)
def test_miss_no_nationals(sentence, value):
    got = _groups(LEAD + sentence)
    _loc, group = next(v for (k, n), v in got.items() if n == value)
    assert not (group or "").startswith("nationals:")


def test_no_place_no_nationals():
    # with no place at all, home or abroad is unknown: the rule's group stays
    got = _groups("وكانت طاجيكستان أعلنت مقتل 35 شخصا من مواطنيها")
    assert not any((g or "").startswith("nationals:") for _l, g in got.values())


def test_a_casualty_part_named_by_a_nationality_is_those_nationals():
    # rules/scope.yaml nationals_parts: "بينهم 31 بريطانيا" is the group "31 بريطانيا بين القتلى"
    # is, with or without a place; at the nationals' home it stays a part named by its noun
    def group_of(text, value):
        return next(c.group for c in extract_text(text) if c.value == value and c.kind == "killed")

    told_apart = "قتل المسلح 38 سائحا في سوسة، بينهم 31 بريطانيا"
    told_among = "31 بريطانيا بين القتلى الـ38 في سوسة"
    assert group_of(told_apart, 31) == group_of(told_among, 31) == "nationals:united_kingdom"
    assert group_of("لقي 60 راكبا حتفهم في تحطم الطائرة، بينهم 14 كنديا", 14) == "nationals:canada"
    assert group_of("قتل 30 شخصا في القصف على حلب، بينهم 20 سوريا", 20) == "subset:سوريا"
    # a part named by another noun keeps its noun; captives are not casualties (nationals_kinds)
    assert group_of("قتل 40 شخصا بينهم 15 عاملا", 15) == "subset:عاملا"
    freed = [c for c in extract_text("أفرج الخاطفون عن 40 رهينة بينهم 12 كينيا") if c.value == 12]
    assert freed and freed[0].group == "subset:كينيا"


def _killed(text):
    return sorted((c.value, c.group, c.surface) for c in extract_text(text) if c.kind == "killed")


def test_a_nationals_part_is_no_mention_of_another_nouns_figure():
    # "بينهم 4 إيرانيين" is a part of the 30 foreigners, not the 4 fishermen of the sentence before
    # (own sentences: a part named by a nationality merges only with its own group's figure, a
    # bare figure or the same noun)
    got = _killed("قتل 4 من الصيادين في القصف على الميناء. وكان بين القتلى 30 أجنبيا، بينهم 4 إيرانيين.")
    assert [v for v, g, s in got if v == 4 and g == "nationals:iran"], got
    assert [v for v, g, s in got if v == 4 and g != "nationals:iran"], got
    # the same part named again by its own nationality stays one claim
    again = _killed("قتل 30 شخصا في الهجوم، بينهم 4 إيرانيين. وقالت طهران إن 4 إيرانيين قتلوا.")
    assert len([1 for v, _g, _s in again if v == 4]) == 1, again


def test_a_nationals_figure_of_the_counted_noun_still_restates_the_toll():
    # no part: "73 سعوديا" is the toll its headline gave as "73 قتيلا" (one figure)
    got = _killed("73 قتيلا في مواجهات الحدود\nأسفرت المواجهات على الحدود في اليمن عن مقتل 73 سعوديا.")
    assert len([1 for v, _g, _s in got if v == 73]) == 1, got
