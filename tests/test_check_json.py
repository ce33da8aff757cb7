"""`check --format json` lists a bounded number of the record's claims per finding: a running
total of a large archive holds thousands, and one article's JSON must not grow with the archive."""

from __future__ import annotations

from types import SimpleNamespace

from crosscheck.ci.check import OTHERS_SHOWN, shown_others


def _claims(n: int, outliers: set[int]) -> list:
    return [SimpleNamespace(i=i, outlier=i in outliers) for i in range(n)]


def test_a_few_others_are_all_listed_in_the_clusters_order():
    others = _claims(OTHERS_SHOWN, {3, 7})
    assert shown_others(others) == others


def test_many_others_list_the_outliers_first_then_the_rest_in_the_clusters_order():
    others = _claims(1800, {5, 900, 1799})
    shown = shown_others(others)
    assert len(shown) == OTHERS_SHOWN
    assert [c.i for c in shown] == sorted(c.i for c in shown)  # the cluster's order
    assert {5, 900, 1799} <= {c.i for c in shown}
    assert [c.i for c in shown if not c.outlier] == [i for i in range(OTHERS_SHOWN) if i != 5][:OTHERS_SHOWN - 3]


def test_more_outliers_than_shown_are_the_first_outliers():
    outliers = set(range(10, 1000, 10))  # 99 outliers
    shown = shown_others(_claims(1000, outliers))
    assert [c.i for c in shown] == sorted(outliers)[:OTHERS_SHOWN] and all(c.outlier for c in shown)
