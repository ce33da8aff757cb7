"""A kind rule's `exclude` words (right after its counted noun) veto the rule only inside the
figure's clause: words after clause punctuation ("، وما زال …") open the next clause and tell
of another figure, not of this one (issue 8)."""

from crosscheck.extract.extractor import extract_text


def _kinds(text: str) -> dict[float, str]:
    return {c.value: c.kind for c in extract_text(text)}


def test_still_held_in_the_next_clause_leaves_the_release():
    assert _kinds("وأطلقت الحركة سراح 45 رهينة، وما زالت 15 منهن في الأسر")[45] == "hostages_released"
    assert _kinds("وأفرج المسلحون عن 26 مختطفا، ولا يزال 9 منهم محتجزين")[26] == "hostages_released"


def test_the_same_words_in_the_figure_clause_still_veto():
    # "لا يزالون في الأسر" right after the noun, no comma: the hostages are held
    assert _kinds("وتطالب الأسر بالإفراج عن 45 رهينة لا يزالون في الأسر")[45] == "hostages_held"


def test_the_release_alone_and_before_a_clause_agree():
    alone = _kinds("وأطلقت الحركة سراح 45 رهينة")[45]
    assert alone == "hostages_released"
    assert _kinds("وأطلقت الحركة سراح 45 رهينة، لا يزالون في المستشفى")[45] == alone
