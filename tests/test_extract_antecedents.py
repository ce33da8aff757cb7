"""Counts named by a pronoun ("…، وعددهم 14 شخصا") take the kind of what befell their
antecedent in the clause before (issue 8); sentences written for these tests."""

from crosscheck.extract.extractor import extract_text


def _kv(text):
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


def test_captives_freed_counted_by_their_pronoun():
    got = _kv("وأطلق المسلحون سراح الموظفين المخطوفين منذ الشهر الماضي، وعددهم 14 شخصا، بينهم 3 أجانب")
    assert ("hostages_released", 14) in got and ("hostages_released", 3) in got


def test_the_verb_before_a_bridge_word_across_commas():
    got = _kv("وأفرجت الجماعة، مساء أمس، عن عمال الإغاثة المخطوفين في الجبال منذ أشهر، وعددهم 11 شخصا")
    assert got == [("hostages_released", 11)]


def test_the_rest_of_the_captives_whose_release_is_sought_are_held():
    got = _kv("وقال الوسيط إن المفاوضات جارية لإطلاق سراح بقية المخطوفين، وعددهم 30 شخصا")
    assert got == [("hostages_held", 30)]


def test_seized_counted_by_their_pronoun():
    assert _kv("وخطف مسلحون العمال من مواقع البناء في المدينة، وعددهم 12 شخصا") == [("hostages_held", 12)]


def test_a_verb_of_firing_frees_no_one():
    assert _kv("وأطلق المسلحون النار على الموظفين المخطوفين منذ الشهر الماضي، وعددهم 14 شخصا") == []


def test_an_abducted_group_named_by_its_adjective():
    assert _kv("وتحدثت مصادر عن الإفراج عن 30 عاملا مخطوفا في الصحراء") == [("hostages_released", 30)]
