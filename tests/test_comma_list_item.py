"""A later item of a list of people opening its clause with "، و" takes the kind of the item
before it (extractor._comma_item, session 44)."""
from crosscheck.extract.extractor import extract_text


def _kinds(text: str) -> dict[float, str]:
    return {c.value: c.kind for c in extract_text(text)}


def test_breakdown_item_after_comma_keeps_the_list_kind():
    got = _kinds("وكان بين القتلى 46 شخصا من أهالي الوادي، وسبعة جنود")
    assert got[46] == "killed" and got[7] == "killed"


def test_item_after_a_wounded_list():
    got = _kinds("وأصيب في الحريق 13 عاملا من عمال المستودع، و6 مسعفين")
    assert got[13] == "injured" and got[6] == "injured"


def test_no_people_named_no_item():
    # a thing counted after the comma is no item of the list of people
    assert _kinds("وقتل 46 شخصا في القصف، و70 منزلا في البلدة")[70] == "other"


def test_no_item_far_from_the_claim_before():
    text = "وقتل 46 شخصا في القرية التي شهدت منذ بداية الشهر الماضي معارك عنيفة بين الجيش والمسلحين المتحصنين في جبالها، وسبعة جنود"
    assert _kinds(text)[7] != "killed"
