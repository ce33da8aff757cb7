"""A figure's own-day clause is found by bisecting the sentence's clause breaks, read once per
sentence, and each clause is searched for a day once, whatever the number of its figures
(counted with the caches' statistics, not timed)."""

from __future__ import annotations

from crosscheck.extract.context import head_before
from crosscheck.reconcile.dating import date_rules
from crosscheck.text import dates
from crosscheck.text.dates import part_of_day

RULES = date_rules()


def test_many_figures_read_each_clause_once():
    clauses = [f"وبلغت حصيلة الخميس {i} قتيلا مساء" for i in range(10, 130)]
    sentence = "، ".join(clauses) + "."
    figures = [sentence.index(f" {i} ") + 1 for i in range(10, 130)]
    dates._clause_breaks.cache_clear()
    dates._day_clause.cache_clear()
    got = [part_of_day(sentence, at, RULES) for at in figures]
    assert len(set(got)) == 1 and got[0] is not None  # every figure's own clause names its evening
    assert dates._clause_breaks.cache_info().misses == 1  # the breaks found once for the sentence
    # one search per clause at most (a figure of a clause already read reuses its answer)
    assert dates._day_clause.cache_info().misses <= len(clauses)


def test_clause_bisect_same_as_scan():
    # a figure in the second clause: its own day (Thursday) keeps the first clause's night from it
    s = "قتل 5 خلال الليل، في حين كانت حصيلة الخميس 71 قتيلا"
    assert part_of_day(s, s.index("71"), RULES) is None
    assert part_of_day(s, s.index("5"), RULES) is not None


def test_head_before_reads_a_bounded_stretch():
    text = "قالت السلطات التنزانية"
    at = text.index("تنزانية")  # the mention found after its article "ال"
    assert head_before(text, at) == "السلطات"
    long_word = "ب" * 10_000 + "تنزانية"
    assert head_before(long_word, 10_000) == ""  # deep inside a word: no clitics, no head
