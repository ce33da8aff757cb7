"""A part of a stated whole named by its place right after the figure ("منهم 118 في ولاية …")
is that place's figure of the whole's group - also when the gazetteer's name of the place is
several words ("في بوركينا فاسو", "في شمال كيفو", "في ولاية راينلاند بفالتس"), read from the
sentence's place mentions.  Before, only a one-word name was looked up, and such a part stayed
a bare "subset" at the whole's place, apart from the same place's figure told by another outlet."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules


def _claims(text, kind):
    claims = extract(Document(id="d", text=text, date="2019-07-18"), load_rules())
    return {c.value: c for c in claims if c.kind == kind}


@pytest.mark.parametrize("text, kind, value, place", [
    ("وبلغ عدد اللاجئين في الخارج نحو 150 ألفا، بينهم 54100 في موريتانيا و38800 في بوركينا فاسو.",
     "displaced", 38800, "burkina_faso"),
    ("وارتفع عدد الوفيات في الكونغو الديمقراطية إلى 1705، منها 1598 في شمال كيفو و107 في إيتوري.",
     "killed", 1598, "north_kivu"),
    ("وقالت الشرطة إن عدد القتلى في ألمانيا بلغ 165 شخصا، منهم 118 في ولاية راينلاند بفالتس.",
     "killed", 118, "rhineland_palatinate"),
])
def test_a_part_named_by_a_place_of_several_words_is_that_places(text, kind, value, place):
    c = _claims(text, kind)[value]
    assert (c.location, c.group) == (place, "all")


def test_one_word_places_and_unknown_places_as_before():
    k = _claims("وقتل 40 شخصا في سوريا، بينهم 25 في حلب و15 في إدلب.", "killed")
    assert (k[25].location, k[25].group) == ("aleppo", "all")
    # a place the gazetteer does not know: still a part of the whole, at the whole's place
    k = _claims("وقتل 30 شخصا في سوريا، بينهم 12 في المدينة.", "killed")
    assert k[12].group == "subset"


def test_a_nationality_after_the_part_is_no_place():
    # "من" + a country's people is no place of the part (only the displaced count an origin)
    k = _claims("وقتل 30 شخصا في سوريا، بينهم 12 من جنوب أفريقيا.", "killed")
    assert k[12].location != "south_africa" or k[12].group != "all"
