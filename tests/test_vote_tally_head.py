"""The first figure of a UN tally formula is the votes for when the tally's joiner stands right
after its counted votes, with no voting verb near ("جاء التجديد بعشرة أصوات وامتناع خمسة أعضاء"),
and the joiner stays the cue of the figure after it (rules/kinds/votes_tally_head.yaml
`tally_joiners`, crosscheck.extract.extractor._tally_joiner).  A majority whose side the voting
verb's complement names after the tally is the votes against ("بأغلبية 30 صوتا مقابل 12 ضد
مشروع القرار": rules/kinds/votes_for.yaml reversed_after `against`).  Sentences are our own."""

from __future__ import annotations

from crosscheck.extract.extractor import extract_text


def _tally(text: str) -> dict[str, set[float]]:
    out: dict[str, set[float]] = {}
    for c in extract_text(text, doc_id="t"):
        out.setdefault(c.kind, set()).add(c.value)
    return out


def test_votes_heading_a_tally_with_no_voting_verb():
    t = _tally("وجاء تمديد البعثة في العام التالي بالقرار 1999 بأحد عشر صوتا وامتناع أربعة أعضاء.")
    assert t.get("votes_for") == {11}, t
    assert t.get("abstentions") == {4}, t


def test_the_joiner_still_types_the_figure_after_it():
    # the joiner is read at the votes for, never indexed as their cue: the figures after it keep
    # their own kinds (a cue of the votes for right before them would take them)
    t = _tally("واعتمد مؤتمر أممي المعاهدة بموافقة 100 دولة ومعارضة دولة واحدة وامتناع دولتين، "
               "بعد أن دعت إليها الجمعية العامة بأغلبية 90 صوتا، مقابل 40.")
    assert t.get("votes_against") == {1, 40}, t
    assert t.get("abstentions") == {2}, t
    assert t.get("votes_for") == {100, 90}, t


def test_a_margin_of_votes_is_no_tally():
    t = _tally("وأقر البرلمان القانون بفارق 12 صوتا مقابل تنازلات قدمتها الحكومة.")
    assert "votes_for" not in t, t


def test_a_majority_against_the_text_named_after_the_tally():
    t = _tally("وصوتت الدول الأعضاء في اللجنة بأغلبية 30 صوتا مقابل 12 ضد مشروع القرار، مع امتناع 5 دول.")
    assert t.get("votes_against") == {30}, t
    assert t.get("votes_for") == {12}, t
    assert t.get("abstentions") == {5}, t


def test_the_minoritys_side_said_with_a_pronoun_keeps_the_majority_for():
    t = _tally("وصوتت الجمعية العامة بأغلبية 130 صوتا مقابل 6 أصوات ضده، وامتناع 30 دولة عن التصويت.")
    assert t.get("votes_for") == {130}, t
    assert t.get("votes_against") == {6}, t
