"""People who left a besieged or evacuated place, counted by the verb of leaving, are displaced
in an article about an evacuation (rules/kinds/displaced_evacuees_left.yaml, session 44)."""
from crosscheck.extract.extractor import extract_text


def _kinds(text: str) -> dict[float, str]:
    return {c.value: c.kind for c in extract_text(text)}


def test_people_who_left_in_an_evacuation_are_displaced():
    text = "واستكملت المرحلة الأولى من إجلاء سكان البلدتين، بخروج نحو 4 آلاف شخص منهما باتجاه المدينة"
    assert _kinds(text)[4000] == "displaced"


def test_leaving_without_an_evacuation_is_no_displacement():
    assert _kinds("وخرج 650 شخصا من القاعة بعد انتهاء الحفل")[650] != "displaced"


def test_a_march_after_a_siege_is_no_displacement():
    got = _kinds("وبعد رفع الحصار عن المدينة خرج 800 شخص إلى الشوارع احتفالا")
    assert got.get(800) != "displaced"


def test_fighters_who_left_are_no_displaced():
    assert _kinds("وبموجب اتفاق الإجلاء خرج 350 مقاتلا من البلدة المحاصرة")[350] != "displaced"
