"""A figure's own predicate after the people it counts (rules/kinds own_predicate, session 44):
missing whatever cue came before, however many words name the people, and not past a clause
of its own."""
from crosscheck.extract.extractor import extract_text


def _kinds(text: str) -> dict[float, str]:
    return {c.value: c.kind for c in extract_text(text)}


def test_own_predicate_beats_a_toll_before():
    got = _kinds("وقال المتحدث إن عدد قتلى الجيش بلغ 915، إضافة إلى نحو 130 جنديا ما زالوا مفقودين")
    assert got[915] == "killed"
    assert got[130] == "missing"


def test_own_predicate_far_after_the_noun():
    got = _kinds("وقالت السلطات إن 210 أشخاص من سكان الحي الشرقي للمدينة لا يزالون في عداد المفقودين")
    assert got[210] == "missing"


def test_fate_unknown_after_a_list_item():
    got = _kinds("وقال المسؤول إن الحصيلة بلغت 19 قتيلا و7 أشخاص مصيرهم مجهول")
    assert got[19] == "killed"
    assert got[7] == "missing"


def test_a_singular_verb_or_a_comma_ends_the_search():
    assert _kinds("وقتل 41 شخصا في البلدة ولا يزال البحث جاريا عن آخرين مصيرهم مجهول")[41] == "killed"
    assert _kinds("وقتل 41 شخصا في البلدة، وآخرون ما زالوا مفقودين")[41] == "killed"


def test_another_kinds_noun_keeps_its_kind():
    assert _kinds("وقالت الفرق إن نحو 70 قتيلا ما زالوا في عداد المفقودين")[70] != "missing"
