"""The period, basis, event and vote-cue finders loop over the patterns a sentence's gates open
(GateSet.open_indexes), not over every pattern: the same hits and claims, fewer patterns read
(counted, not timed); and the kinds with cues are listed once per rule set (Compiled.cued)."""

from __future__ import annotations

from pathlib import Path

from crosscheck.extract import extractor
from crosscheck.text.literals import GateSet

ROOT = Path(__file__).resolve().parents[1]


def _every_pattern(self, text, lo=0, hi=None, among=None):
    """open_indexes without its gates: every pattern (of `among` when given) is read."""
    return list(range(len(self._gates)) if among is None else among)


def _article(sentences: int) -> str:
    rows = ["قتل 12 شخصا في غارة على مدينة غزة يوم الاثنين بحسب وزارة الصحة.",
            "وأصيب نحو 40 آخرون، وفق الدفاع المدني، منذ بدء الهجوم قبل ثلاثة أيام.",
            "ونزح أكثر من 300 شخص من منازلهم خلال الأسبوع الماضي.",
            "وصوت 13 عضوا لصالح القرار 2728 وامتنعت دولتان عن التصويت.",
            "ويتوقع أن يرتفع عدد القتلى إلى 50 شخصا بحسب تقديرات أولية."]
    return "\n".join(rows[k % len(rows)] for k in range(sentences))


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "devset").glob("*.txt"))[:10]]
    texts.append(_article(25))
    return texts


def test_the_claims_are_the_same_when_every_pattern_is_read(monkeypatch):
    texts = _texts()
    gated = [[c.model_dump() for c in extractor.extract_text(t)] for t in texts]
    monkeypatch.setattr(GateSet, "open_indexes", _every_pattern)
    plain = [[c.model_dump() for c in extractor.extract_text(t)] for t in texts]
    assert gated == plain
    assert sum(map(len, gated)) > 100  # the texts hold claims: the comparison can fail


def _patterns_read(monkeypatch, text: str, opener) -> int:
    """Patterns the finders loop over while `text` is extracted, with `opener` as open_indexes."""
    read = [0]

    def counting(self, *args, **kwargs):
        found = opener(self, *args, **kwargs)
        read[0] += len(found)
        return found

    monkeypatch.setattr(GateSet, "open_indexes", counting)
    extractor.extract_text(text)
    return read[0]


def test_a_sentence_reads_only_the_patterns_its_gates_open(monkeypatch):
    text = _article(40)
    gated = _patterns_read(monkeypatch, text, GateSet.open_indexes)
    every = _patterns_read(monkeypatch, text, _every_pattern)
    # 40 sentences of tolls, hedges, votes and dates open a few of the finders' dozens of patterns
    assert 0 < gated < every / 3, (gated, every)


def test_cued_lists_the_kinds_with_cues_in_order():
    comp = extractor.compile_rules(extractor._default_rules())
    assert [ck for _rid, ck in comp.cued] == [ck for ck in comp.kinds if ck.cues]
    assert [rid for rid, ck in comp.cued] == [ck.rule.id for _r, ck in comp.cued]
    assert 0 < len(comp.cued) <= len(comp.kinds)
