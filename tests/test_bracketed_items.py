"""A breakdown by places with each figure in brackets ("المدينة (120) والريف (45)"): a closing
bracket ends the figure (the next place is no counted noun) and every item keeps the list's kind."""

from crosscheck.extract.extractor import extract_text


def _kinds(text):
    return [(c.kind, c.value) for c in extract_text(text)]


def test_every_bracketed_item_is_the_lists_kind():
    text = "وتوزعت الوفيات بين العاصمة (512) والمدن الساحلية (87) والجنوب (19) والشمال (6)."
    assert _kinds(text) == [("killed", 512), ("killed", 87), ("killed", 19), ("killed", 6)]


def test_the_word_after_a_closing_bracket_is_no_counted_noun():
    # before: "512) والمدن" read "والمدن" as the counted noun, a figure of no kind
    assert _kinds("وتوزعت الإصابات بين العاصمة (512) والمدن الساحلية (87)") == [("injured", 512), ("injured", 87)]


def test_offsets_point_at_the_figure():
    text = "وتوزعت الوفيات بين العاصمة (512) والجنوب (19)"
    for c in extract_text(text):
        assert text[c.start:c.end] == c.surface and ")" not in c.surface


def test_an_unbracketed_figure_after_a_bracketed_one_is_no_item():
    # the item before is in brackets, this one is not: nothing joins it to the list
    assert ("killed", 45) not in _kinds("قتل 12 شخصا في المدينة (الجنوب) والريف 45 مبنى")


def test_a_list_of_things_stays_no_toll():
    assert all(k == "other" for k, _ in _kinds("وتوزعت المساعدات على العاصمة (212) والمدن الساحلية (87)"))


def test_each_bracketed_item_is_its_own_places_figure():
    # a country named as an item's label needs no locative word before it
    text = "وتوزعت الوفيات بين الصين (512) وكندا (87) وسنغافورة (19)."
    got = [(c.value, c.location, c.group) for c in extract_text(text)]
    assert got == [(512, "china", "all"), (87, "canada", "all"), (19, "singapore", "all")]
