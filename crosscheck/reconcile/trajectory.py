"""Running totals over time: the largest set of claims one non-decreasing trajectory satisfies.

A cumulative toll only grows.  Its claims are intervals at dates; the truth f(t) is a
non-decreasing function of time (a later figure may fall below an earlier one by at most the
relative `tolerance`, measured from the highest level reached before, and only for a sharp figure:
a hedged one carries its own slack).  `fit()` finds, exactly,
the largest (by weight: one per independent item) set of items that such an f can satisfy:

  * items on one date must share a point (f(t) is one number);
  * undated items of one source (an article and its copies) sit at one unknown date; those of
    different sources at dates of their own.  A date can be found for any figure (before the
    first report, between two, after the last), so an undated source only has to agree with
    itself: its largest self-consistent set is kept, and it never makes another source an
    outlier.  (Items without a source all count as one source.)
  * dynamic programming over the dates in order, the state being the highest level reached so
    far.  The level only ever needs to be the lowest value that keeps the chosen items, so the
    candidate levels are the items' lower ends: O(dates x levels x items-per-date), near-linear
    for the few dozen distinct claims a cluster holds once copies are merged.

The items not kept are outliers; the fitted trajectory is, for each date, the band
[highest lower end kept up to that date, lowest upper end kept from that date on].
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Optional, Sequence

from crosscheck.reconcile.intervals import Span

_NEG = -math.inf


@dataclass(frozen=True)
class Item:
    span: Span
    when: Optional[date]
    weight: float = 1.0
    source: Optional[str] = None  # undated items of different sources may sit at different dates


@dataclass
class Fit:
    kept: list[int]  # item indices
    outliers: list[int]
    points: list[tuple[date, Optional[float], Optional[float]]]  # (date, low, high)
    weight: float


def _first_point(s: Span) -> float:
    """The smallest value the span allows (closed ends after integral(); open ends nudged)."""
    if s.low is None:
        return _NEG
    if s.low_open:
        return s.low + max(1e-9, abs(s.low) * 1e-12)
    return s.low


def _sharp(s: Span) -> bool:
    return s.low is not None and s.low == s.high


def fit(items: Sequence[Item], tolerance: float = 0.0) -> Fit:
    """The largest consistent set of `items` under one non-decreasing trajectory (exact)."""
    dated: dict[date, list[int]] = {}
    undated: list[int] = []
    for i, it in enumerate(items):
        if it.span.is_empty():
            continue
        if it.when is None:
            undated.append(i)
        else:
            dated.setdefault(it.when, []).append(i)
    days = sorted(dated)
    slots = [dated[d] for d in days]
    score, kept = _dp(items, slots, tolerance, {})
    kept = list(kept)
    weight = score[0]
    by_source: dict[Optional[str], list[int]] = {}
    for i in undated:
        by_source.setdefault(items[i].source, []).append(i)
    for _src, idx in sorted(by_source.items(), key=lambda kv: str(kv[0])):
        own, own_kept = _dp(items, [idx], tolerance, {})  # one date: the items must share a point
        kept.extend(own_kept)
        weight += own[0]
    score = (weight, score[1])
    kept_set = set(kept)
    outliers = [i for i in range(len(items)) if i not in kept_set]
    return Fit(sorted(kept), outliers, _points(items, kept, days), score[0])


def _dp(items: Sequence[Item], slots: list[list[int]], tol: float, memo: Optional[dict] = None):
    """Max-weight selection; returns ((weight, earliness), kept indices).  `memo`: what a
    point keeps in a slot, shared between calls on the same slot lists."""
    memo = {} if memo is None else memo
    n_slots = len(slots)
    # state: level M (highest value reached) -> (score, back pointer)
    states: dict[float, tuple[tuple[float, float], Optional[tuple]]] = {_NEG: ((0.0, 0.0), None)}
    for k, slot in enumerate(slots):
        firsts = sorted({_first_point(items[i].span) for i in slot})
        bonus = float(n_slots - k)  # ties go to keeping earlier claims: a later, lower one is stale
        # what a candidate point f keeps depends on the level only through "f >= level":
        # each answer is worked out once per slot and point (`memo`, shared by the trials
        # of one fit, which place the undated slot at every position), not per level
        sid = id(slot)
        new: dict[float, tuple[tuple[float, float], Optional[tuple]]] = {}
        for level, (score, back) in states.items():
            floor = level if level == _NEG else level - abs(level) * tol
            cands = {floor, level} | {f for f in firsts if f >= floor}
            for f in cands:
                # below the level reached, only sharp figures (a count revised down a little)
                # are tolerated: a hedged figure already carries its own slack
                key = (sid, f, f < level)
                known = memo.get(key)
                if known is None:
                    known = memo[key] = _choose(items, slot, f, f < level)
                chosen, w = known
                s2 = (score[0] + w, score[1] + bonus * w)
                m2 = max(level, f)
                cur = new.get(m2)
                if cur is None or s2 > cur[0]:
                    new[m2] = (s2, (back, chosen))
        states = new
    best_score, back = max(states.values(), key=lambda v: (v[0], ))
    kept: list[int] = []
    while back is not None:
        back, chosen = back
        kept.extend(chosen)
    return best_score, kept


def _choose(items: Sequence[Item], slot: list[int], f: float, sharp_only: bool) -> tuple[tuple[int, ...], float]:
    """The items of `slot` a trajectory passing through f keeps (only sharp ones when f is
    below the level reached), and their weight."""
    chosen = tuple(i for i in slot if items[i].span.contains(f) and (not sharp_only or _sharp(items[i].span)))
    return chosen, sum(items[i].weight for i in chosen)


def _points(items: Sequence[Item], kept: Sequence[int], days: list[date]):
    by_day: dict[date, list[int]] = {}
    for i in kept:
        w = items[i].when
        if w is not None:
            by_day.setdefault(w, []).append(i)
    used = [d for d in days if d in by_day]
    pts = []
    level: Optional[float] = None
    for d in used:
        for i in by_day[d]:
            lo = items[i].span.low
            if lo is not None and (level is None or lo > level):
                level = lo
        cap: Optional[float] = None
        for d2 in used:
            if d2 < d:
                continue
            for i in by_day[d2]:
                hi = items[i].span.high
                if hi is not None and (cap is None or hi < cap):
                    cap = hi
        if level is not None and cap is not None and cap < level:
            cap = level  # within the tolerance: the band is the level itself
        pts.append((d, level, cap))
    return pts
