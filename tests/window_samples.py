"""Claim windows of random token lists, rewritten as the extractor rewrites a figure's window,
for the tests that compare a window's fast paths with the plain ones (tests/test_extract_fastpaths.py,
tests/test_per_claim_work.py)."""

from __future__ import annotations

import random
from typing import Iterator, Sequence


def rewritten_windows(pieces: Sequence[str], seed: int, count: int, max_words: int, first: int = 0,
                      noun_first: bool = False) -> Iterator:
    """TokenInfo of `count` random texts' windows (texts of 3..max_words pieces, at least three
    tokens): the window of a random token from index `first`, that token rewritten as a dual
    (one token becomes "2" and "قتيل"), or, with `noun_first`, half the time as a noun read
    first (two tokens rewritten in place)."""
    from crosscheck.extract.context import TokenInfo
    from crosscheck.extract.extractor import _window
    from crosscheck.text.normalize import normalize
    from crosscheck.text.tokens import Token, tokenize

    r = random.Random(seed)
    for _ in range(count):
        text = normalize(" ".join(r.choice(pieces) for _ in range(r.randint(3, max_words)))).text
        toks = tokenize(text, 0, len(text))
        if len(toks) < 3:
            continue
        base = TokenInfo(toks)
        i = r.randrange(first, len(toks))
        w, a = _window(toks, i)
        t = w[i - a]
        if not noun_first or r.random() < 0.5:  # a dual: one token becomes two
            w[i - a : i - a + 1] = [Token(t.nstart, t.nend, t.text, frozenset({"2"}), t.brk_before),
                                    Token(t.nstart, t.nend, "قتيل", frozenset({"قتيل"}), False)]
        elif i - a >= 1:  # a noun read first: two tokens rewritten in place
            p = w[i - 1 - a]
            w[i - 1 - a : i + 1 - a] = [Token(p.nstart, t.nend, t.text, frozenset({"1"}), p.brk_before),
                                        Token(p.nstart, t.nend, p.text, p.forms, False)]
        yield TokenInfo(w, base)


def phrase_texts(seed: int, count: int, max_pieces: int, min_pieces: int, words_share: float, max_gap: int,
                 ends: Sequence[str], min_phrases: int = 1) -> tuple[list, list[str]]:
    """(the rules' compiled phrase sets holding at least `min_phrases` phrases, `count` texts
    made of their own words): each piece is one of their words (`words_share` of the time) or
    a whole phrase, its gaps filled with 0..max_gap words, followed by one of `ends`."""
    import gc

    from crosscheck.extract.extractor import extract_text
    from crosscheck.text import lexicon as lx

    extract_text("قتل 3 أشخاص في غزة.")  # the rules' phrase sets compiled
    sets = [o for o in gc.get_objects() if isinstance(o, lx.PhraseSet) and len(o.phrases) >= min_phrases]
    words = sorted({w for s in sets for p in s.phrases for w in p.source.split()} - set(lx.GAP_WORDS))
    sources = sorted({p.source for s in sets for p in s.phrases})
    rng = random.Random(seed)

    def piece() -> str:
        if rng.random() < words_share:
            return rng.choice(words)
        return " ".join(" ".join(rng.choice(words) for _ in range(rng.randint(0, max_gap))) if w in lx.GAP_WORDS else w
                        for w in rng.choice(sources).split())

    texts = [" ".join(piece() + rng.choice(ends) for _ in range(rng.randint(min_pieces, max_pieces)))
             for _ in range(count)]
    return sets, texts


def by_switch(monkeypatch, module, flag: str, counter: list, read, windows) -> dict[bool, tuple[int, list]]:
    """With `module.flag` on and off: (counter[0] once every window of windows() was read,
    read(window) for each), the counter set to 0 before each pass."""
    out: dict[bool, tuple[int, list]] = {}
    for on in (True, False):
        monkeypatch.setattr(module, flag, on)
        counter[0] = 0
        got = [read(info) for info in windows()]
        out[on] = (counter[0], got)
    return out


def claims_both_ways(module, flag: str, text: str) -> tuple[list, list]:
    """The claims (model dumps) of `text` with `module.flag` on, then off; the flag is on again
    after, whatever happens."""
    from crosscheck.extract import extractor

    on = [c.model_dump() for c in extractor.extract_text(text)]
    setattr(module, flag, False)
    try:
        off = [c.model_dump() for c in extractor.extract_text(text)]
    finally:
        setattr(module, flag, True)
    return on, off
