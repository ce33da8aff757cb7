"""Captives typed by their own clause (issue 8).

- A part of a total ("… منهن") is typed by its own clause's verb before its total's kind
  (rules/scope.yaml `subset_verbs`): released, returned or still held, whatever the figure before;
  a part with no verb of its own keeps its total's kind.
- A kind rule's `exclude` words (right after its counted noun) veto the rule only inside the
  figure's clause: words after clause punctuation ("، وما زال …") open the next clause and tell
  of another figure, not of this one.
"""

import pytest
from pydantic import ValidationError

from crosscheck.extract.extractor import extract_text
from crosscheck.ruleset.loader import ScopeRules, load_rules

HELD, RELEASED = "hostages_held", "hostages_released"

# text -> the kind each of its figures must get
CASES = {
    # a part's own verb
    "واختطف مسلحون 90 طالبة من المدرسة، ثم أفرجوا عن 45 منهن": {90: HELD, 45: RELEASED},
    "وخطفت الجماعة 70 صيادا من القرية، ثم أفرجت عن 28 منهم بعد مفاوضات": {28: RELEASED},
    "واختطف مسلحون 80 فتاة، و30 منهن عدن إلى منازلهن": {80: HELD, 30: RELEASED},
    "وخطف مسلحون تلميذات المدرسة الشهر الماضي. وأفرج الجيش عن 25 منهن، وما زالت 48 منهن في الأسر":
        {25: RELEASED, 48: HELD},
    # a part without a verb of its own keeps the total's kind
    "واختطف مسلحون 33 عاملا من الحقل، ونقل 6 منهم إلى المستشفى": {6: HELD},
    "وأطلق الخاطفون سراح 40 رهينة، ونقل 7 منهم إلى المستشفى": {7: RELEASED},
    # the verb needs its rule to hold in the article: "في الأسر" alone makes no dead a count held
    "قتل 40 شخصا في الهجوم، وما زال 10 منهم في الأسر": {10: "killed"},
    # still-held words in the next clause leave the release
    "وأطلقت الحركة سراح 45 رهينة، وما زالت 15 منهن في الأسر": {45: RELEASED},
    "وأفرج المسلحون عن 26 مختطفا، ولا يزال 9 منهم محتجزين": {26: RELEASED},
    # ... and right after the noun, no comma, they still veto: the hostages are held
    "وتطالب الأسر بالإفراج عن 45 رهينة لا يزالون في الأسر": {45: HELD},
}


def _kinds(text: str) -> dict[float, str]:
    return {c.value: c.kind for c in extract_text(text)}


@pytest.mark.parametrize("text", list(CASES))
def test_each_figure_takes_its_own_clauses_kind(text):
    got = _kinds(text)
    assert {v: got.get(v) for v in CASES[text]} == CASES[text]


def test_the_release_alone_and_before_a_clause_agree():
    alone = _kinds("وأطلقت الحركة سراح 45 رهينة")[45]
    assert alone == RELEASED
    assert _kinds("وأطلقت الحركة سراح 45 رهينة، لا يزالون في المستشفى")[45] == alone


def test_subset_verbs_name_kind_rules_and_one_figure():
    rules = load_rules()
    assert rules.scope.subset_verbs and set(rules.scope.subset_verbs) <= {r.id for r in rules.kinds}
    data = rules.scope.model_dump()
    data["subset_verbs"] = {"hostages_released": ["افرج عن"]}
    with pytest.raises(ValidationError, match="needs one '#'"):
        ScopeRules(**data)
