"""Words read before a figure in the running totals' revision checks are bounded by the rules'
reach, not by the sentence: a sentence of a million characters holding ten thousand figures
used to be split from its start for every figure (crosscheck.reconcile.revisions.words_before)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.reconcile import revisions as rv

_WORDS = ["قتل", "وأصيب", "12", "شخصا،", "بعد", "أن", "كانت", "الحصيلة", "تراجع", "عدد", "إلى", "x" * 40]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=0, max_size=60), st.sampled_from([" ", "  ", "\n"]),
       st.integers(0, 12), st.data())
def test_the_last_words_before_a_figure_are_those_of_the_whole_prefix(words, sep, reach, data):
    sentence = sep.join(words)
    at = data.draw(st.integers(0, len(sentence)))
    want = sentence[:at].split()[-reach:] if reach > 0 and at > 0 else []
    assert rv.words_before(sentence, at, reach) == want


class _Counted(str):
    """A sentence that counts the characters its slices copy."""

    read = 0

    def __getitem__(self, key):
        got = str.__getitem__(self, key)
        if isinstance(key, slice):
            _Counted.read += len(got)
        return got


def test_the_words_read_before_each_figure_are_bounded_by_the_reach():
    r = random.Random(7)
    sentence = _Counted(" ".join(r.choice(_WORDS[:-1]) for _ in range(250_000)))
    _Counted.read = 0
    for at in range(1000, len(sentence), len(sentence) // 100):
        rv.words_before(sentence, at, 6)
    assert _Counted.read <= 100 * 6 * rv._WORD_CHARS  # not the sentence's length per figure
    assert len(sentence) > 1_000_000


def test_a_sentence_is_read_once_for_its_revision_words():
    sentence = "وخفضت السلطات الحصيلة إلى 97 بعد أن كانت 115، " + "وأصيب 12 شخصا " * 50
    before = rv._tells_revision.cache_info()
    for _ in range(20):
        rv.tells_revision(sentence)
    after = rv._tells_revision.cache_info()
    assert after.misses - before.misses <= 1
    assert after.hits - before.hits >= 19


def test_a_sentence_is_read_once_for_its_fall_reason():
    sentence = "وتراجعت الحصيلة إلى 18 بعد أن تبين أن جثة واحدة احتسبت مرتين، " + "وأصيب 12 شخصا " * 50
    assert rv.tells_fall_reason(sentence)
    before = rv._tells_fall_reason.cache_info()
    for _ in range(20):
        assert rv.tells_fall_reason(sentence)
    after = rv._tells_fall_reason.cache_info()
    assert after.misses == before.misses and after.hits - before.hits == 20
