"""A part of a total ("… منهن") is typed by its own clause's verb before its total's kind
(rules/scope.yaml `subset_verbs`): released, returned or still held, whatever the figure before."""

from crosscheck.extract.extractor import extract_text


def _kinds(text: str) -> dict[float, str]:
    return {c.value: c.kind for c in extract_text(text)}


def test_release_verb_before_the_part():
    k = _kinds("واختطف مسلحون 90 طالبة من المدرسة، ثم أفرجوا عن 45 منهن")
    assert k[90] == "hostages_held"
    assert k[45] == "hostages_released"


def test_release_verb_with_its_subject_between():
    k = _kinds("وخطفت الجماعة 70 صيادا من القرية، ثم أفرجت عن 28 منهم بعد مفاوضات")
    assert k[28] == "hostages_released"


def test_return_verb_after_the_part():
    k = _kinds("واختطف مسلحون 80 فتاة، و30 منهن عدن إلى منازلهن")
    assert k[80] == "hostages_held"
    assert k[30] == "hostages_released"


def test_still_in_captivity_after_a_release():
    k = _kinds("وخطف مسلحون تلميذات المدرسة الشهر الماضي. وأفرج الجيش عن 25 منهن، وما زالت 48 منهن في الأسر")
    assert k[25] == "hostages_released"
    assert k[48] == "hostages_held"


def test_a_part_without_a_verb_of_its_own_keeps_the_total_kind():
    assert _kinds("واختطف مسلحون 33 عاملا من الحقل، ونقل 6 منهم إلى المستشفى")[6] == "hostages_held"
    assert _kinds("وأطلق الخاطفون سراح 40 رهينة، ونقل 7 منهم إلى المستشفى")[7] == "hostages_released"


def test_the_verb_needs_its_rule_to_hold_in_the_article():
    # no captives in the article: "في الأسر" alone does not make the dead a count held
    assert _kinds("قتل 40 شخصا في الهجوم، وما زال 10 منهم في الأسر")[10] == "killed"


def test_subset_verbs_name_kind_rules_and_one_figure():
    import pytest
    from pydantic import ValidationError

    from crosscheck.ruleset.loader import ScopeRules
    from crosscheck.ruleset.loader import load_rules

    RULES = load_rules()

    ids = {r.id for r in RULES.kinds}
    assert RULES.scope.subset_verbs and set(RULES.scope.subset_verbs) <= ids
    data = RULES.scope.model_dump()
    data["subset_verbs"] = {"hostages_released": ["افرج عن"]}
    with pytest.raises(ValidationError, match="needs one '#'"):
        ScopeRules(**data)
