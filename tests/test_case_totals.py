"""The cases a toll is drawn from ("57 وفاة من بين 684 حالة") are no toll (rules/scope.yaml
case_totals_before, case_nouns); a count of deaths said as cases ("من بين 60 حالة وفاة") still is."""

from crosscheck.extract.extractor import extract_text


def _kinds(text: str) -> dict[float, str]:
    return {c.value: c.kind for c in extract_text(text)}


def test_cases_after_a_toll_are_not_dead():
    got = _kinds("ارتفع عدد الوفيات بالحمى في الإقليم إلى 41 وفاة من بين 530 حالة مؤكدة أو مشتبه بها")
    assert got[41] == "killed"
    assert got.get(530) != "killed"


def test_infections_after_from_total_are_not_dead():
    got = _kinds("وأودى الوباء بحياة 118 شخصا من أصل 960 إصابة سجلت منذ الربيع")
    assert got[118] == "killed"
    assert got.get(960) not in ("killed", "injured")


def test_cases_of_death_stay_a_toll():
    got = _kinds("وتوفي 9 أطفال من بين 33 حالة وفاة سجلتها المستشفيات")
    assert got[33] == "killed"
