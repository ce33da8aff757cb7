"""Places (session 41, recon): an area named by its country's adjective, a lone tatweel as a
dash, a capital after a word naming an area, and the dateline's country breaking a tie."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract_text
from crosscheck.ruleset.loader import load_rules
from crosscheck.text.normalize import normalize

RULES = load_rules()
AREA = RULES.gazetteer.area_examples


def _places(text: str) -> dict:
    return {c.value: c.location for c in extract_text(text)}


def test_area_examples_are_given():
    assert RULES.gazetteer.area_heads and AREA.hit and AREA.miss


@pytest.mark.parametrize("ex", AREA.hit, ids=lambda e: e.text[:24])
def test_an_area_named_by_its_countrys_adjective_is_in_that_country(ex):
    assert _places(ex.text).get(ex.value) == ex.location


@pytest.mark.parametrize("text", AREA.miss, ids=lambda t: t[:24])
def test_an_adjective_with_no_area_or_a_border_area_places_nothing(text):
    assert all(loc is None for loc in _places(text).values()), _places(text)


def test_a_lone_tatweel_is_a_dash_and_keeps_offsets():
    text = "باريس ـ «القدس العربي»: توفي بـ12 شخصا ـــ وجرح 3 ـ 4"
    norm = normalize(text)
    assert norm.text.startswith("باريس - «القدس العربي»:")
    assert "ب12" in norm.text  # a tatweel joined to a letter is still dropped
    assert " --- " in norm.text and "3 - 4" in norm.text
    i = norm.text.index("«")
    assert text[slice(*norm.span(i, i + 1))] == "«"


def test_the_dateline_country_breaks_a_tie_between_unrelated_places():
    # France named once (its capital after "منطقة"), Italy once: the article filed from Paris
    # is France's; with no dateline the tie leaves no default
    body = ("أعلنت وزارة الصحة أن موجة الحر خلفت 11435 وفاة إضافية.\n\n"
            "وتركزت الوفيات في منطقة باريس.\n\n"
            "وفي إيطاليا، قدرت السلطات عدد الوفيات بنحو 4200.")
    assert _places("باريس ـ «القدس العربي»: " + body)[11435] == "france"
    assert _places(body)[11435] is None
    assert _places("باريس ـ «القدس العربي»: " + body)[4200] == "italy"


def test_a_capital_after_a_word_naming_an_area_counts_and_a_bare_one_does_not():
    assert _places("توفي 8500 شخص في منطقة باريس خلال موجة الحر")[8500] == "france"
    assert _places("وأعلنت باريس أن 12 من رعاياها قتلوا")[12] is None


OUTLETS = RULES.gazetteer.outlet_examples


def test_outlet_examples_are_given():
    assert RULES.gazetteer.outlet_names and RULES.gazetteer.outlet_heads and OUTLETS.hit and OUTLETS.miss


@pytest.mark.parametrize("ex", OUTLETS.hit, ids=lambda e: e.text[:24])
def test_a_place_inside_an_outlets_name_is_no_place(ex):
    assert _places(ex.text).get(ex.value) == ex.location


@pytest.mark.parametrize("text", OUTLETS.miss, ids=lambda t: t[:24])
def test_the_same_words_outside_an_outlets_name_are_a_place(text):
    assert any(loc is not None for loc in _places(text).values()), _places(text)
