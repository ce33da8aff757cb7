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
