"""A sentence is scanned for a fall's reason (rules/periods.yaml `fall_reason_patterns`) only
when it holds one of the words every match holds (crosscheck.text.literals): a check reads
each new sentence of a running total's members once (7,000 at 10k articles), nearly none of
them a reason, so the alternation is not tried at every position of each (issue 10).  The
answers are the pattern's: the rules' hit and miss examples, and sentences of our own."""

from __future__ import annotations

from counting_support import CountingPattern

from crosscheck.reconcile import revisions
from crosscheck.ruleset.period_rules import period_rules
from crosscheck.text.normalize import normalize

PLAIN = [  # running-total sentences with no reason for a fall: never scanned
    "ارتفعت حصيلة ضحايا الزلزال إلى 412 قتيلا بحسب وزارة الصحة",
    "وأعلن الدفاع المدني مساء الأحد أن عدد المصابين بلغ 1200 مصاب",
    "وقال المتحدث إن فرق الإنقاذ ما زالت تبحث عن 37 مفقودا تحت الأنقاض",
]
REASONS = [  # our own: a fall's reason, each found
    "وتراجعت الحصيلة إلى 58 بعد أن تبين أن جثثا احتسبت مرتين",
    "وأوضح المكتب أن 3 أسماء مكررة حذفت من القائمة",
]


def _fresh(monkeypatch):
    key = revisions._rules_key()
    revisions._tells_fall_reason.cache_clear()
    gate_of = getattr(revisions, "_reason_gate", None)
    if gate_of is not None:  # the real gate, read before the pattern is replaced by a counting one
        real_gate = gate_of(key)
        monkeypatch.setattr(revisions, "_reason_gate", lambda directory: real_gate)
    counting = CountingPattern(revisions._reason_pattern(key))
    monkeypatch.setattr(revisions, "_reason_pattern", lambda directory: counting)
    return key, counting


def test_the_built_in_reasons_have_a_gate():
    assert revisions._reason_gate(revisions._rules_key()) is not None


def test_a_sentence_without_the_reasons_words_is_not_scanned(monkeypatch):
    key, counting = _fresh(monkeypatch)
    assert not any(revisions.tells_fall_reason(s, key) for s in PLAIN)
    assert counting.read == 0  # (the ungated code read every character of each)
    assert all(revisions.tells_fall_reason(s, key) for s in REASONS)
    assert counting.read > 0
    revisions._tells_fall_reason.cache_clear()


def test_the_gated_answers_are_the_patterns():
    key = revisions._rules_key()
    revisions._tells_fall_reason.cache_clear()
    pat = revisions._reason_pattern(key)
    ex = period_rules(key).fall_reason_examples
    sentences = PLAIN + REASONS + list(ex.hit) + list(ex.miss)
    for s in sentences:
        assert revisions.tells_fall_reason(s, key) == (pat.search(normalize(s).text) is not None), s
    assert all(revisions.tells_fall_reason(s, key) for s in ex.hit)
    revisions._tells_fall_reason.cache_clear()
