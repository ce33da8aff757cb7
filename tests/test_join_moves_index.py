"""grouping.join_moves finds a member's best corroboration from the days that can give it
(`_Givers`), not by scanning every other article giving the same figure: the same answers as the
plain scan, at a cost that follows days, not articles squared (a story a newsroom's archive
repeats in hundreds of articles)."""

from __future__ import annotations

import random

from test_reconciler_factory import claim

from crosscheck.reconcile import grouping
from crosscheck.reconcile.grouping import _Givers, corroborating_days, group_claims
from crosscheck.reconcile.settings import default_config

DAYS = [None, "2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05", "2024-03-09",
        "2024-03-02T18:00:00", "2024-02-30", "not a day"]


def plain_strength(entries, day, doc, key, attrs, cfg) -> int:
    """The plain scan join_moves did: every (article, day) entry of the figure in one cluster."""
    best = 0
    for d, when in entries:
        if d == doc or not corroborating_days(when, day, key, attrs, cfg):
            continue
        best = max(best, 2 if when is not None and when == day else 1)
    return best


def test_givers_give_the_plain_scans_strength_on_random_entries():
    cfg = default_config()
    attrs = list(cfg.scope_attributes)
    pi = 2 + attrs.index("period")
    rng = random.Random(11)
    checked = {0: 0, 1: 0, 2: 0}
    for _ in range(3000):
        period = rng.choice(["cumulative", "last_24h"])
        key = [None] * (2 + len(attrs))
        key[pi] = period
        key = tuple(key)
        entries = [(rng.choice("abcd"), rng.choice(DAYS)) for _ in range(rng.randint(0, 6))]
        givers = _Givers()
        for d, when in entries:
            givers.add(when, d)
        day, doc = rng.choice(DAYS), rng.choice("abcde")
        window = cfg.window_days if period == "cumulative" else None
        got = givers.strength(day, doc, window)
        assert got == plain_strength(entries, day, doc, key, attrs, cfg), (entries, day, doc, period)
        checked[got] += 1
    assert min(checked.values()) > 100  # every answer was met many times


def test_a_wide_window_reads_every_day_of_the_cluster():
    givers = _Givers()
    givers.add("2024-01-01", "a")
    givers.add("2024-06-01", "b")
    assert givers.strength("2024-03-01", "c", 1000.0) == 1
    assert givers.strength("2024-03-01", "c", 3.0) == 0
    assert givers.strength("2024-03-01", "b", 1000.0) == 1  # a's day
    assert givers.strength("2024-01-01", "a", 1000.0) == 1  # b's, not a's own


def test_a_figure_repeated_by_many_articles_costs_their_days_not_their_pairs(monkeypatch):
    """300 articles give a place's running total on ten days; one gives it for no place.
    The plain scan read every other article's entry for each article (about 90,000); the
    lookups now follow the members and days."""
    n = 300
    claims = [claim(f"d{i:03d}", "killed", 500, location="gaza", as_of=f"2024-03-{1 + i % 10:02d}")
              for i in range(n)]
    claims.append(claim("x", "killed", 500, location=None, as_of="2024-03-04"))
    calls = 0
    plain = _Givers._other

    def counted(self, day, doc):
        nonlocal calls
        calls += 1
        return plain(self, day, doc)

    monkeypatch.setattr(grouping._Givers, "_other", counted)
    g = group_claims(claims)
    assert len(g.groups) == 1  # the unplaced figure joined the place's cluster
    assert calls <= 3 * (n + 1)
