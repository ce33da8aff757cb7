"""An earlier value that carries a generic noun ("بعد أن كانت الحصيلة 9 حالات مساء الجمعة") is the
toll's earlier value, as a bare one is (rules/scope.yaml earlier_value_nouns); a noun of its own
("بعد أن كانت 4 مستشفيات") is not."""

from crosscheck.extract.extractor import extract_text


def _by_value(text: str) -> dict[float, object]:
    return {c.value: c for c in extract_text(text)}


def test_generic_case_noun_takes_the_toll_kind():
    got = _by_value("ارتفع عدد وفيات الحمى في الإقليم إلى 15 وفاة، بعد أن كانت الحصيلة 9 حالات مساء الجمعة")
    assert got[15].kind == "killed"
    assert got[9].kind == "killed"
    assert got[9].period == "superseded"


def test_generic_person_noun_at_clause_end():
    got = _by_value("وقال المستشفى إن عدد الجرحى ارتفع إلى 230 جريحا، بعد أن كان 180 شخصا")
    assert got[180].kind == "injured"


def test_noun_of_its_own_is_not_an_earlier_value():
    got = _by_value("ارتفع عدد الجرحى إلى 230 جريحا، بعد أن كانت 4 مستشفيات تستقبلهم")
    assert got[4].kind == "other"
