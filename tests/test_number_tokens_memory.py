"""The number parser's candidate tokens of a text of number words are all held until read
(issue 11, memory: "ألف ألف …" at 4 MB): a word without a clitic prefix shares one int object
for its start and its prefix start.  Counted: distinct int objects per token (no timing)."""

from __future__ import annotations

from crosscheck.numbers.lexicon import load_lexicon
from crosscheck.numbers.parser import _word_tokens, find_numbers
from crosscheck.text.normalize import normalize


def test_a_word_without_a_prefix_shares_its_start():
    text = normalize(" ".join(["ألف", "وألف", "ثلاثة", "والثلاثة", "مئة", "بألف"] * 500)).text
    toks = _word_tokens(text, load_lexicon())
    plain = [t for t in toks if t.start == t.pstart]
    prefixed = [t for t in toks if t.start != t.pstart]
    assert len(plain) >= 1500 and len(prefixed) >= 1000
    assert all(t.start is t.pstart for t in plain)
    # two int objects per plain token where there were three (start, end, pstart)
    ints = {id(x) for t in plain for x in (t.start, t.end, t.pstart)}
    assert len(ints) <= 2 * len(plain)


def test_the_numbers_read_are_unchanged():
    found = [(m.start, m.end, m.value, m.form) for m in find_numbers("قتل ثلاثة وألف شخص، وأصيب مئة وعشرون بألف جريح")]
    # (as the parser read them before the change, e97d729)
    assert found == [(4, 9, 3, "cardinal"), (11, 14, 1000, "cardinal"), (26, 41, 120000, "cardinal")], found
