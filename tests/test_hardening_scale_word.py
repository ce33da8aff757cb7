"""A singular scale word that no "و" continues ("ألف", "مليون") is read by parse_at without the
number grammar (issue 11 / issue 10 item 6: "ألف ألف ألف …" ran the whole grammar for every
word).  The shortcut (grammar._FAST_SCALE) against the plain grammar on random texts of number
words, and the grammar work it saves, counted (no timing)."""

from __future__ import annotations

import random

import pytest

from crosscheck.numbers import grammar, parser
from crosscheck.numbers.lexicon import load_lexicon
from crosscheck.numbers.parser import _tokens, iter_scan
from crosscheck.text.normalize import normalize

# scale words of every number (singular, dual, plural, accusative), the units, tens, hundreds,
# fractions, "نيف" and "فاصلة" they combine with, their و and other clitics, digits, and words
# that are no number; separators of every kind
_WORDS = [
    "ألف", "مليون", "مليار", "آلاف", "ملايين", "ألفين", "ألفا", "ألفًا", "مليونا", "الألف", "المليون",
    "وألف", "ومليون", "بألف", "لألف", "مئة", "مائة", "مئتين", "ثلاث", "ثلاثة", "خمسة", "عشرة", "عشر",
    "أحد", "إحدى", "واحد", "اثنين", "عشرين", "العشرين", "وعشرين", "وخمسة", "ونصف", "نصف", "ربع", "أرباع",
    "ثلاثة أرباع", "نيف", "ونيف", "فاصلة", "عدة", "بضعة", "عشرات", "مئات", "و", "12", "٣", "1.5", "1,000",
    "شخص", "قتيلا", "بالمئة", "سالب", "أمس", "في",
]
_SEPS = [" ", " ", " ", "  ", "، ", ". ", "\n", " و", "-", "/"]


def _text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(1, 14)):
        out.append(rng.choice(_WORDS))
        out.append(rng.choice(_SEPS))
    return "".join(out)


def _scan(text: str) -> list:
    return [(m.start, m.end, m.value, m.low, m.high, m.form) for m in iter_scan(normalize(text))]


def _phrases(text: str) -> list:
    """parse_at at every candidate token (not only where the scan starts a phrase)."""
    toks = _tokens(normalize(text).text, load_lexicon())
    out = []
    for i in range(len(toks)):
        ph = grammar.parse_at(toks, i)
        out.append(None if ph is None else (ph.j, ph.low, ph.high, ph.kind, ph.start, ph.end))
    return out


@pytest.fixture
def plain(monkeypatch):
    def both(f, text):
        monkeypatch.setattr(grammar, "_FAST_SCALE", True)
        fast = f(text)
        monkeypatch.setattr(grammar, "_FAST_SCALE", False)
        slow = f(text)
        monkeypatch.setattr(grammar, "_FAST_SCALE", True)
        return fast, slow
    return both


def test_the_shortcut_reads_what_the_grammar_reads(plain):
    rng = random.Random(4311)
    for _ in range(1500):
        text = _text(rng)
        for f in (_scan, _phrases):
            fast, slow = plain(f, text)
            assert fast == slow, (text, f.__name__)


def test_the_shortcut_is_taken_and_left_where_it_should(plain):
    # taken: a lone scale word, before a noun, before another number word (no و)
    for text, value in [("قتل ألف شخص", 1000), ("مليون", 1_000_000), ("ألف ألف", 1000)]:
        fast, slow = plain(_scan, text)
        assert fast == slow and fast[0][2] == value, text
    # left to the grammar: a "و" continues the number, a dual, a plural
    for text, value in [("ألف ومئتين", 1200), ("مليون ونصف", 1_500_000), ("ألفين", 2000), ("ألف و500", 1500)]:
        fast, slow = plain(_scan, text)
        assert fast == slow and fast[0][2] == value, (text, fast)


def test_a_text_of_scale_words_does_not_run_the_grammar(monkeypatch):
    calls = {"number": 0, "get": 0}
    real_number, real_get = grammar._Parser.number, grammar.TokenWindow.get

    def number(self, i):
        calls["number"] += 1
        return real_number(self, i)

    def get(self, k):
        calls["get"] += 1
        return real_get(self, k)

    monkeypatch.setattr(grammar._Parser, "number", number)
    monkeypatch.setattr(grammar.TokenWindow, "get", get)
    words = 2000
    found = _scan(" ".join(["ألف"] * words))
    assert len(found) == words
    assert calls["number"] == 0  # was one parse per word
    # tokens asked for: the word, the word after it (does a "و" continue?), and the scan's next
    # start; 8 per word before
    assert calls["get"] <= 3 * words + 2, calls["get"] / words
