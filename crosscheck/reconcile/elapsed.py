"""Time elapsed so far ("محتجزة منذ 55 يوما", "بعد 12 يوما على الفيضانات"): a length that grows by
one day every day.

Told on different days, such lengths agree when they count from the same start: 17 days on
12 October, 55 on 19 November and 107 on 10 January are one captivity that began on 25
September.  The reconciler compares them as of one day: each dated elapsed length is carried to
the latest such report's date (its interval moved by the days between), so only lengths whose
starts differ disagree.  Which claims are elapsed times is data: the extraction rules that read
them (rules/reconcile.yaml `elapsed_rules`).  Undated ones stay as told; other lengths (a
truce's, a finished war's) are never moved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Optional, Sequence

from crosscheck.reconcile.intervals import Span


def carry_elapsed(
    rules: Sequence[str], claim_rules: Sequence[Optional[str]], spans: Sequence[Span], cdates: Sequence[Optional[date]]
) -> tuple[list[Span], Optional[date]]:
    """The spans with every dated elapsed length carried to the latest elapsed report's day, and
    that day (None when fewer than two elapsed lengths are dated on different days: nothing
    moves)."""
    wanted = frozenset(rules)
    elapsed = [i for i, (r, d) in enumerate(zip(claim_rules, cdates)) if r in wanted and d is not None]
    if len({cdates[i] for i in elapsed}) < 2:
        return list(spans), None
    latest = max(cdates[i] for i in elapsed)  # type: ignore[type-var]
    out = list(spans)
    for i in elapsed:
        days = (latest - cdates[i]).days  # type: ignore[operator]
        s = spans[i]
        out[i] = replace(s, low=None if s.low is None else s.low + days, high=None if s.high is None else s.high + days)
    return out, latest
