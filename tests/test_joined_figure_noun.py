"""The counted noun of a figure joined by "و" after a bare toll is that figure's, not a cue of
the toll ("إلى 43 ومئات المفقودين")."""

from crosscheck.extract.extractor import extract_text


def _kv(text):
    return sorted((c.kind, c.value) for c in extract_text(text))


def test_vague_figure_keeps_its_noun():
    kv = _kv("ارتفاع حصيلة ضحايا العاصفة إلى 57 ومئات المفقودين")
    assert ("killed", 57) in kv and ("missing", 100) in kv, kv
    assert ("missing", 57) not in kv, kv


def test_tens_of_wounded_after_a_bare_toll():
    kv = _kv("ارتفاع حصيلة ضحايا الانفجار إلى 18 وعشرات الجرحى")
    assert ("killed", 18) in kv and ("injured", 18) not in kv, kv


def test_a_noun_after_two_figures_still_types_a_list_with_nouns():
    kv = _kv("قتل 20 مدنيا و15 جنديا في الهجوم")
    assert ("killed", 20) in kv and ("killed", 15) in kv, kv
