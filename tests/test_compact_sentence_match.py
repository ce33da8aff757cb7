"""The judged state's sentence references (crosscheck.store.compact): the "sentence" value is
found by runs of plain characters between escapes, the same matches as the plain definition."""

from __future__ import annotations

import json
import random
import sqlite3

from crosscheck.store import compact


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = ['"', "\\", '\\"', "\\\\", "\\u0001", "\n", "قتل ", "12", " ", "،", '"sentence":', "x"]
    out = []
    for _ in range(n):
        value = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        other = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        claim = {"sentence": value, "surface": other, "mentions": [{"sentence": other + value}]}
        text = json.dumps(claim, ensure_ascii=rng.random() < 0.5)
        out.append(text)
        # raw text too: unbalanced quotes and stray escapes (the definition decides what matches)
        out.append('{"sentence":"' + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))))
    return out


def test_value_pattern_matches_as_the_definition():
    for t in _texts(3000, 3402):
        fast = [(m.span(), m.group(1)) for m in compact._VALUE.finditer(t)]
        plain = [(m.span(), m.group(1)) for m in compact._VALUE_PLAIN.finditer(t)]
        assert fast == plain, t


def test_encode_same_text_as_the_definition():
    conn = sqlite3.connect(":memory:")
    compact.create(conn)
    w = compact.Writer(conn)
    for t in _texts(500, 3403):
        if not t.endswith("}"):
            continue  # encode is given JSON
        assert w.encode(t) == compact._VALUE_PLAIN.sub(w._ref, t)
