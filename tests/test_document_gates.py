"""A sentence's literal gates read only for the patterns its document can match
(crosscheck.text.literals.document_gates): the same answers and claims, less work counted."""

from __future__ import annotations

import random
from pathlib import Path

from counting_support import count_calls

from crosscheck.extract import extractor
from crosscheck.text import literals
from crosscheck.text.literals import GateSet
from test_literal_gates import _rule_patterns, _texts

ROOT = Path(__file__).resolve().parents[1]


def test_select_among_the_document_open_gates_answers_as_select():
    gates = GateSet(_rule_patterns())
    rng = random.Random(3)
    spans = narrowed = 0
    for text in _texts():
        among = gates.open_in(text)
        assert among == tuple(k for k, ok in enumerate(gates.select(text)) if ok)
        narrowed += len(among) < len(gates._gates)
        cuts = sorted({0, len(text), *(rng.randrange(len(text) + 1) for _ in range(5))})
        for lo, hi in zip(cuts, cuts[1:]):
            assert gates.select(text, lo, hi, among=among) == gates.select(text, lo, hi)
            # the open indexes, ascending, are the ones select answers True for
            plain = [k for k, ok in enumerate(gates.select(text, lo, hi)) if ok]
            assert gates.open_indexes(text, lo, hi, among=among) == plain
            assert gates.open_indexes(text, lo, hi) == plain
            spans += 1
    assert spans > 300 and narrowed > 10


def _article(sentences: int) -> str:
    rows = ["قتل 12 شخصا في غارة على مدينة غزة يوم الاثنين بحسب وزارة الصحة.",
            "وأصيب نحو 40 آخرون، وفق الدفاع المدني.",
            "ونزح أكثر من 300 شخص من منازلهم خلال الأسبوع الماضي.",
            "وقالت مصادر محلية إن 5 أطفال بين القتلى."]
    return "\n".join(rows[k % len(rows)] for k in range(sentences))


def _gate_reads(monkeypatch, text: str) -> int:
    """Gates read by GateSet.select and GateSet.open_indexes while `text` is extracted (a
    sentence's call reads its `among` patterns only, else all of the set's)."""
    reads = count_calls(
        monkeypatch, GateSet, "select",
        lambda self, text, lo=0, hi=None, within=None, among=None: len(self._gates) if among is None else len(among),
    )
    indexed = count_calls(
        monkeypatch, GateSet, "open_indexes",
        lambda self, text, lo=0, hi=None, among=None: len(self._gates) if among is None else len(among),
    )
    extractor.extract_text(text)
    return reads[0] + indexed[0]


def test_sentences_read_only_the_gates_their_document_can_open(monkeypatch):
    text = _article(40)
    with_doc = _gate_reads(monkeypatch, text)
    monkeypatch.setattr(literals, "_DOC_GATES", False)
    every = _gate_reads(monkeypatch, text)
    monkeypatch.setattr(literals, "_DOC_GATES", True)
    # the period, basis and event cues of 40 sentences: most of their gates are closed in a
    # document that names no month, no projection, no war
    assert with_doc < every / 2, (with_doc, every)


def test_the_claims_are_the_same_with_and_without_document_gates(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "devset").glob("*.txt"))[:8]]
    texts.append(_article(12))
    for text in texts:
        fast = [c.model_dump() for c in extractor.extract_text(text)]
        monkeypatch.setattr(literals, "_DOC_GATES", False)
        plain = [c.model_dump() for c in extractor.extract_text(text)]
        monkeypatch.setattr(literals, "_DOC_GATES", True)
        assert fast == plain


def test_a_text_of_one_long_sentence_reads_its_gates_once(monkeypatch):
    # (a sentence longer than a quarter of its text reads every gate itself: the document's
    # pass would read the same strings again)
    text = " ".join(f"قتل {k + 2} أشخاص في غزة يوم الاثنين منذ بدء الحرب بحسب تقديرات أولية و" for k in range(60))
    with_doc = _gate_reads(monkeypatch, text)
    monkeypatch.setattr(literals, "_DOC_GATES", False)
    every = _gate_reads(monkeypatch, text)
    monkeypatch.setattr(literals, "_DOC_GATES", True)
    assert with_doc == every, (with_doc, every)
