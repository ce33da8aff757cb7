"""A sentence is searched for a part of the day (crosscheck.text.dates._part_cues, the
alternation of rules/dates.yaml `parts_of_day`, tried at every position of the normalised
sentence) only when it holds one of the words every match holds (`_Patterns.part_gate`, a
LiteralGate of the pattern): most sentences a check reads name none.  Counted, not timed; the
answers are the pattern's own."""

from __future__ import annotations

import pytest

from crosscheck.reconcile.dating import date_rules
from crosscheck.text import dates
from crosscheck.text.literals import LiteralGate

RULES = date_rules()
EX = RULES.examples


class _Counting:
    """A compiled pattern that counts the characters its finditer is asked to read."""

    def __init__(self, pat) -> None:
        self.pat, self.read = pat, 0

    def finditer(self, text, *args):
        self.read += len(text)
        return self.pat.finditer(text, *args)

    def __getattr__(self, name):
        return getattr(self.pat, name)


def _own(gate: bool, monkeypatch) -> dates._Patterns:
    monkeypatch.setattr(dates, "_PART_GATE", gate)
    p = dates._Patterns(RULES)
    p.part_re = _Counting(p.part_re)
    return p


# our own sentences: running totals without a part of the day, and with one
WITHOUT = [
    "وقالت وزارة الصحة إن 45 شخصا قتلوا في القصف الذي استهدف أحياء المدينة.",
    "وارتفعت حصيلة ضحايا الفيضانات إلى 120 قتيلا بحسب الدفاع المدني.",
    "وأفادت مصادر طبية بإصابة 30 شخصا بجروح متفاوتة.",
]
WITH = [
    "وأعلن الوزير مساء الأربعاء أن الحصيلة بلغت 40 قتيلا.",
    "وقالت الوزارة في بيانها الصباحي إن 12 شخصا أصيبوا.",
    "وارتفع العدد إلى 82 بعد أن كان 27 صباح اليوم.",
]


def test_sentences_without_a_part_of_the_day_are_not_scanned(monkeypatch):
    p = _own(True, monkeypatch)
    for s in WITHOUT:
        assert dates._part_cues.__wrapped__(s, p)[1] == ()
    assert p.part_re.read == 0  # the gate said no (the plain search read all of them)
    plain = _own(False, monkeypatch)
    for s in WITHOUT:
        dates._part_cues.__wrapped__(s, plain)
    assert plain.part_re.read == sum(len(dates.normalize_sentence(s).text) for s in WITHOUT)


def test_sentences_with_one_are_scanned_and_read_alike(monkeypatch):
    p = _own(True, monkeypatch)
    for s in WITH:
        assert dates._part_cues.__wrapped__(s, p)[1]
    assert p.part_re.read > 0


def _examples():
    return ([e["text"] for e in EX["part_of_day"]] + [e["text"] for e in EX["no_part_of_day"]]
            + [e["text"] for e in EX["as_of"]] + WITHOUT + WITH)


@pytest.mark.parametrize("sentence", _examples(), ids=lambda s: s[:30])
def test_the_gate_never_hides_a_part_of_the_day(sentence, monkeypatch):
    gated, plain = _own(True, monkeypatch), _own(False, monkeypatch)
    a = dates._part_cues.__wrapped__(sentence, gated)
    b = dates._part_cues.__wrapped__(sentence, plain)
    assert a[0].text == b[0].text and a[1:] == b[1:]


def test_the_built_in_rules_have_a_gate():
    p = dates._patterns(RULES)
    assert isinstance(p.part_gate, LiteralGate)


def test_a_gate_over_a_slice_answers_as_find_does():
    gate = LiteralGate.of("(?:مساء|صباح)\\s+اليوم")
    text = "قال صباح اليوم ثم مساء"
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 2):
            want = all(any(text.find(s, lo, hi) >= 0 for s in f) for f in gate.factors)
            assert gate.open(text, lo, hi) == want
