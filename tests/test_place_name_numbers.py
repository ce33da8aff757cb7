"""A number word inside a gazetteer place name ("السبع" of "بئر السبع") counts nothing; a part
of a total with its own verb of dying ("بينهم أربعة قتلوا") is killed (scope subset_verbs)."""

from crosscheck.extract.extractor import extract_text


def _pairs(text: str) -> list[tuple[str, float]]:
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


def test_number_word_in_a_place_name_is_no_count():
    assert _pairs("وقال المسعفون إن شخصين قتلوا في بئر السبع") == [("killed", 2)]


def test_same_word_outside_a_name_still_counts():
    assert _pairs("وقتل سبعة أشخاص في القصف على البلدة") == [("killed", 7)]


def test_part_with_its_own_dying_verb():
    pairs = _pairs("وأصيب 120 شخصا في الانفجار، بينهم خمسة توفوا لاحقا في المستشفى")
    assert ("injured", 120) in pairs and ("killed", 5) in pairs and ("injured", 5) not in pairs


def test_part_without_a_verb_keeps_the_total_kind():
    assert ("injured", 5) in _pairs("وأصيب 120 شخصا في الانفجار، بينهم خمسة أطفال")
