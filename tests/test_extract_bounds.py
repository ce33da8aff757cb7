"""Bounds on what extraction holds and reads per claim (issue 11, issue 10 item 6), COUNTED, never
timed, and each bounded shortcut checked against its unbounded definition (same claims)."""

from __future__ import annotations

import pytest

from crosscheck.extract import extractor
from crosscheck.extract.extractor import extract_text

_KINDS = ["قتيلا", "جريحا", "مفقودا", "نازحا", "شخصا", "طفلا"]
_PLACES = ["غزة", "رفح", "حلب", "درنة"]
_HEDGES = ["", "نحو ", "أكثر من ", "ما لا يقل عن "]


def _dense(n: int, distinct: int) -> str:
    """One sentence of n figures (lists, hedges, subsets, places) drawn from `distinct` values."""
    parts = []
    for i in range(n):
        v = (i * 37) % distinct + 2
        parts.append(
            f"وقتل {_HEDGES[i % 4]}{v} {_KINDS[i % 6]} في {_PLACES[i % 4]}"
            + ("، بينهم 3 أطفال" if i % 7 == 0 else "")
            + ("،" if i % 3 == 0 else "")
        )
    return " ".join(parts)


def _dump(claims):
    return [c.model_dump() for c in claims]


def _held(text: str) -> tuple[int, list]:
    """(the most claims extraction held at once, claims) of one text."""
    seen = []
    real = extractor.DocContext

    class Recording(real):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            seen.append(self)

    extractor.DocContext = Recording
    try:
        claims = extract_text(text)
    finally:
        extractor.DocContext = real
    return seen[0].claims_held, claims


@pytest.mark.parametrize("pending", [1, 7])
def test_merging_as_claims_are_made_gives_the_claims_of_merging_at_the_end(monkeypatch, pending):
    text = _dense(300, 40) + ". صوت 13 عضوا لصالح القرار رقم 2728 وامتنعت الولايات المتحدة عن التصويت."
    monkeypatch.setattr(extractor, "_PENDING_MAX", 10**9)  # every claim held, merged at the end
    whole = _dump(extract_text(text))
    monkeypatch.setattr(extractor, "_PENDING_MAX", pending)
    assert _dump(extract_text(text)) == whole
    assert len(whole) > 40 and any(len(c["mentions"]) > 3 for c in whole)


def test_claims_held_are_bounded_by_the_distinct_figures():
    held_small, small = _held(_dense(700, 30))
    held_big, big = _held(_dense(2100, 30))
    # three times the figures, the same distinct figures: the held claims do not grow with the text
    assert len(big) < 2 * len(small) + 20
    assert held_big <= len(big) + extractor._PENDING_MAX + 1
    assert held_big < 700  # (it held every figure's claim: ~2,100)
    assert held_small <= len(small) + extractor._PENDING_MAX + 1


def test_the_last_placed_claims_of_a_sentence_suffice(monkeypatch):
    text = (
        _dense(300, 25) + " " + " و".join(f"{i + 2} {_KINDS[i % 6]}" for i in range(200))
        + " " + " ".join(f"وارتفع عدد القتلى في {_PLACES[i % 4]} و{i + 3} قرى إلى {i + 40} شخصا" for i in range(300))
    )
    monkeypatch.setattr(extractor, "_PLACED_MAX", 10**9)
    whole = _dump(extract_text(text))
    monkeypatch.setattr(extractor, "_PLACED_MAX", 0)  # the least the rules' windows need
    assert extractor._placed_max(extractor._default_rules()) < 1000
    assert _dump(extract_text(text)) == whole


def test_claims_held_count_sees_unmerged_claims(monkeypatch):
    # the count the bound above reads: with every claim held to the end it is every figure's
    monkeypatch.setattr(extractor, "_PENDING_MAX", 10**9)
    held, claims = _held(_dense(700, 30))
    assert held > 600 > len(claims)


def _one_line_news(n: int) -> str:
    """n short sentences on one line, figures, votes and places in each."""
    return " ".join(
        f"قتل {i % 40 + 3} أشخاص في {_PLACES[i % 4]} أمس. صوت {i % 13 + 2} عضوا لصالح القرار رقم {2700 + i % 9}. "
        f"وقال المسؤول إن {i % 7 + 2} أطفال بين الجرحى." for i in range(n)
    )


def test_sentences_behind_the_figure_are_forgotten_with_the_same_claims(monkeypatch):
    text = _one_line_news(150)
    monkeypatch.setattr(extractor.DocContext, "keep_sentences", 10**9)
    whole = _dump(extract_text(text))
    monkeypatch.setattr(extractor.DocContext, "keep_sentences", 4)
    seen = []
    real = extractor.DocContext

    class Recording(real):
        def tokens(self, lo, hi):
            toks = super().tokens(lo, hi)
            seen.append(len(self._tokens))
            return toks

    monkeypatch.setattr(extractor, "DocContext", Recording)
    assert _dump(extract_text(text)) == whole
    assert len(whole) > 100
    # 450 sentences tokenised; at most about twice the kept number are held at once
    assert max(seen) <= 2 * 4 + 2, max(seen)


def test_normalising_a_long_text_a_piece_at_a_time_is_normalising_it_whole(monkeypatch):
    from crosscheck.text import normalize as nz

    text = (
        "قُتِلَ ١٢٣ شخصاً في غزّة، وأُصيب إلى ٤٥٠\u200f آخرين ــ حتى مساء أمسِ. " + _one_line_news(3)
    ) * 40
    whole = nz.normalize(text)
    monkeypatch.setattr(nz, "_PIECE", 97)  # pieces cut anywhere, inside words and between marks
    cut = nz.normalize(text)
    assert cut.text == whole.text and cut._deleted_at == whole._deleted_at
    assert len(whole._deleted_at) >= 400
    assert [cut.span(s, s + 9) for s in range(0, len(cut.text) - 9, 31)] == [
        whole.span(s, s + 9) for s in range(0, len(whole.text) - 9, 31)
    ]


def test_word_forms_of_a_long_text_are_read_a_chunk_at_a_time(monkeypatch):
    from crosscheck.text import tokens

    text = _one_line_news(60) + " 30,000 و1.5 " + _dense(40, 9)
    whole = tokens.word_forms_between(text, 3, len(text) - 2)
    monkeypatch.setattr(tokens, "_CHUNK", 50)
    assert tokens.word_forms_between(text, 3, len(text) - 2) == whole
    assert len(whole) > 80 and "30,000" in whole
