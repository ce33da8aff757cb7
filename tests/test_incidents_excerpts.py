"""A long sentence's excerpts (each stretch of it quoted by three, context.sentence_text) are
looked at for incidents only for the categories its document can hold (IncidentFinder.may_match,
once per document): the same incidents as looking at every excerpt for every category, and the
gate strings read over about the document's length instead of three times it."""

from __future__ import annotations

import random

from crosscheck.extract import extractor, incidents
from crosscheck.models import Document

_PARTS = ["وقتل نحو {} شخصا في غزة", "وأصيب {} طفلا في حلب،", "وسقط {} قتيلا في درنة", "ونزح {} شخصا في رفح،",
          "وفقد {} شخصا في جنين"]
# incident words (some only a clitic or a phrase away from a match, some cut by an excerpt's edge)
_INCIDENTS = ["في الزلزال", "بسبب الفيضانات", "جراء الكوليرا", "في الغارات", "في حريق", "بعد غرق العبارة",
              "في تحطم الطائرة", "في التدافع", "بسبب موجة الحر", "زلزال", "الكوليرا،", "والحرائق"]


def _long_sentence(rng: random.Random, words: int, incident_rate: float) -> str:
    out = []
    while len(out) < words:
        out.append(rng.choice(_PARTS).format(rng.randint(11, 9999)))
        if rng.random() < incident_rate:
            out.append(rng.choice(_INCIDENTS))
    return " ".join(out)


def _texts() -> list[tuple[str, str | None]]:
    rng = random.Random(5)
    texts: list[tuple[str, str | None]] = []
    for rate in (0.0, 0.0, 0.002, 0.01, 0.05, 0.3):
        texts.append((_long_sentence(rng, 900, rate), None))
    texts.append((_long_sentence(rng, 600, 0.0), "زلزال يضرب المنطقة"))  # the title names one
    texts.append(("تفشي الكوليرا في المخيمات. " + _long_sentence(rng, 700, 0.0), None))
    texts.append(("قتل 3 أشخاص في الزلزال. " + _long_sentence(rng, 500, 0.0) + ". وأصيب 4 في حريق.", None))
    # short news: the excerpts hold less text than the document (no gate of the document)
    texts.append(("ارتفع عدد قتلى الزلزال في إيران إلى 430 شخصا. وقتل 5 في حريق.", None))
    return texts


def _dump(text: str, title: str | None) -> list[dict]:
    return [c.model_dump() for c in extractor.extract(Document(id="d", text=text, title=title))]


def test_incidents_of_excerpts_gated_by_the_document_are_those_of_every_excerpt(monkeypatch):
    seen = set()
    for text, title in _texts():
        fast = _dump(text, title)
        monkeypatch.setattr(incidents, "_DOC_GATE", False)
        plain = _dump(text, title)
        monkeypatch.setattr(incidents, "_DOC_GATE", True)
        assert fast == plain, text[:200]
        seen |= {c["incident"] for c in fast}
    # the texts exercise no incident, one, and several (the clause's own in a long sentence)
    assert {None, "quake", "cholera", "fire"} <= seen and len(seen) >= 6, seen


class _CountingGates:
    """A finder's GateSet that adds up the characters whose strings it looks for."""

    def __init__(self, real) -> None:
        self.real, self.read = real, 0

    def select(self, text, lo=0, hi=None, within=None):
        if within is None or any(within):
            self.read += len(text[lo:hi])
        return self.real.select(text, lo, hi, within)


def test_a_long_sentence_without_incident_words_is_read_once_for_them(monkeypatch):
    finder = incidents.finder_for(extractor._default_rules().directory)
    text = _long_sentence(random.Random(6), 3000, 0.0)
    assert len(text) > 20 * 2000  # many excerpts
    reads = {}
    for on in (True, False):
        gates = _CountingGates(finder._gates)
        monkeypatch.setattr(finder, "_gates", gates)
        monkeypatch.setattr(incidents, "_DOC_GATE", on)
        claims = extractor.extract(Document(id="d", text=text))
        assert len(claims) > 500 and all(c.incident is None for c in claims)
        reads[on] = gates.read
    # gated: the document once (and its lead); every excerpt: each stretch three times, and
    # the document once more for the fallback
    assert reads[True] <= 1.1 * len(text) < 3 * len(text) <= reads[False], (reads, len(text))
