"""`Normalized.to_normalized`: an original offset's normalised offset in one bisection over the
deleted characters, where the vote stage bisected over `to_original` (about 20 of its
bisections for each of a tally's offsets in a 400 kB paragraph).  Equal to that bisection for
every offset of random texts of letters, marks, tatweel, spaces and digits, and counted."""

from __future__ import annotations

import random
from bisect import bisect_left

from crosscheck.text.normalize import normalize

_ALPHABET = "قتل شخصا في غزة 0123456789٠١٢" + "\u064b\u064c\u064e\u0650\u0651\u0652\u0640" * 3 + "ﻻ"


def _by_bisection(norm, orig: int) -> int:
    return bisect_left(range(len(norm.text) + 1), orig, key=norm.to_original)


def test_equals_the_bisection_over_to_original():
    rng = random.Random(5)
    deleted = general = 0
    for _ in range(600):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60)))
        norm = normalize(text)
        deleted += len(norm.text) < len(text)
        general += norm._deleted_at is None
        for orig in range(-2, len(text) + 3):
            assert norm.to_normalized(orig) == _by_bisection(norm, orig), (text, orig)
    assert deleted > 300 and general > 10  # (texts with deleted marks, and on the general path)


def test_one_bisection_over_the_deleted_characters():
    text = ("قُتِلَ 30 شخصاً " * 2000)
    norm = normalize(text)
    calls = [0]
    real = type(norm).to_original

    def counting(self, i):
        calls[0] += 1
        return real(self, i)

    type(norm).to_original = counting
    try:
        for orig in range(0, len(text), 997):
            norm.to_normalized(orig)
    finally:
        type(norm).to_original = real
    assert calls[0] == 0  # (the bisection over to_original made ~18 calls for each)
