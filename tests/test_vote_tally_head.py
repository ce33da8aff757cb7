"""The first figure of a UN tally formula is the votes for when the tally's joiner stands right
after its counted votes, with no voting verb near ("جاء التجديد بعشرة أصوات وامتناع خمسة أعضاء"),
and the joiner stays the cue of the figure after it (rules/kinds/votes_tally_head.yaml
`tally_joiners`, crosscheck.extract.extractor._tally_joiner).  Sentences are our own."""

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
