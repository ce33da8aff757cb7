"""join_moves' givers of one figure in one cluster: a giver of a single (day, article) answers
`strength` without its dictionaries (most figures of a large unit are given once), exactly as
the dictionaries would."""

from __future__ import annotations

from collections import Counter
from itertools import product

from crosscheck.reconcile.grouping import _Givers

DAYS = (None, "2024-05-01", "2024-05-02", "2024-05-04", "2024-05-01T10:00", "not a day", "2024-04-30")
WINDOWS = (None, -1.0, -0.5, 0, 0.5, 1, 1.5, 2, 3, 7)


def _with_dictionaries(day, doc) -> _Givers:
    g = _Givers()
    g.days, g.total = {day: Counter({doc: 1})}, Counter({doc: 1})
    return g


def test_a_giver_of_one_figure_holds_no_dictionaries_and_answers_as_they_would():
    checked = 0
    for first_day, first_doc in product(DAYS, ("a", "b")):
        one = _Givers()
        one.add(first_day, first_doc)
        assert one.days is None and one.total is None  # no dictionary for a single giving
        full = _with_dictionaries(first_day, first_doc)
        for day, doc, window in product(DAYS, ("a", "b", "c"), WINDOWS):
            assert one.strength(day, doc, window) == full.strength(day, doc, window), (first_day, day, doc, window)
            checked += 1
    assert checked > 1000


def test_a_second_giving_makes_the_dictionaries_with_both():
    g = _Givers()
    g.add("2024-05-01", "a")
    g.add("2024-05-03", "b")
    assert g.one is None and g.days == {"2024-05-01": Counter(a=1), "2024-05-03": Counter(b=1)}
    assert g.total == Counter(a=1, b=1)
    assert g.strength("2024-05-01", "a", 2) == 1 and g.strength("2024-05-01", "a", None) == 0
    assert _Givers().strength("2024-05-01", "a", 3) == 0  # none added
