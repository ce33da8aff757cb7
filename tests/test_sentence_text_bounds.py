"""context.sentence_text finds a sentence's stripped bounds in the document and cuts a long
sentence's excerpts from it (issue 11, memory): a long sentence after a short one ("تفشي
الكوليرا في المخيمات. " + 4 MB of figures) was copied whole twice (original() and strip()),
~9 MB of RSS at 4 MB.  The same (start, end, text) as copying and stripping, and the
characters copied counted (no timing)."""

from __future__ import annotations

import random

from crosscheck.extract import context as cx
from crosscheck.extract.context import DocContext
from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules
from counting_support import count_calls

_WORDS = ["قتل", "3", "أشخاص", "في", "غزة", "،", " ", "  ", "\u00a0", "\t", "وأصيب 12 شخصا"]


def _texts(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        body = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 1800)))
        out.append(rng.choice(["", " ", "\u00a0 ", "تفشي الكوليرا. ", "قتل 3. \n  "]) + body
                   + rng.choice(["", " ", ". وقتل 4.", "  \n", "\t"]))
    return out


def _answers(text: str, rules) -> list:
    ctx = DocContext(Document(id="d", text=text), rules)
    out = []
    for pos in range(0, len(ctx.text) + 1, 89):
        lo, hi = ctx.sentence_at(pos)
        for at in range(lo - 700, hi + 700, 173):  # (before and past the sentence too)
            out.append(ctx.sentence_text(lo, hi, at))
    return out


def test_bounds_in_the_document_are_those_of_the_stripped_copy(monkeypatch):
    rules = load_rules()
    checked = 0
    for text in _texts(random.Random(24), 150):
        fast = _answers(text, rules)
        monkeypatch.setattr(cx, "_SENTENCE_BOUNDS", False)
        plain = _answers(text, rules)
        monkeypatch.setattr(cx, "_SENTENCE_BOUNDS", True)
        assert fast == plain
        assert all(text[s:e] == t for s, e, t in fast)
        checked += sum(1 for s, e, _ in fast if e - s > 600)  # excerpts of long sentences among them
    assert checked > 500


def test_a_long_sentence_after_a_short_one_is_not_copied_whole(monkeypatch):
    """Counted: the characters `original` copies for spans of 256 characters or more (cx._cut)
    while a document of a short sentence and a long one of figures is extracted; its claims the
    same either way."""
    rng = random.Random(7)
    long_part = " ".join(f"وقتل {rng.randint(11, 9999)} شخصا في غزة" for _ in range(3000))
    text = "تفشي الكوليرا في المخيمات. " + long_part
    cut = count_calls(monkeypatch, cx, "_cut", weigh=lambda t, s, e: e - s)
    fast = [c.model_dump() for c in extract(Document(id="d", text=text))]
    fast_cut = cut[0]
    monkeypatch.setattr(cx, "_SENTENCE_BOUNDS", False)
    cut[0] = 0
    plain = [c.model_dump() for c in extract(Document(id="d", text=text))]
    assert fast == plain
    assert cut[0] >= len(long_part)  # (copying the sentence shows in the count)
    assert fast_cut < len(long_part) / 10, fast_cut
