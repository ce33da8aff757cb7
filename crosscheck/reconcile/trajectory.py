"""Running totals over time: the largest set of claims one non-decreasing trajectory satisfies.

A cumulative toll only grows.  Its claims are intervals at dates; the truth f(t) is a
non-decreasing function of time (a later figure may fall below an earlier one by at most the
relative `tolerance`, measured from the highest level reached before, and only for a sharp figure:
a hedged one carries its own slack).  `fit()` finds, exactly,
the largest (by weight: one per independent item) set of items that such an f can satisfy:

  * items on one date must share a point (f(t) is one number);
  * undated items all sit at one unknown date, tried at every place in the order of dates
    (before the first, between any two, after the last): they fit anywhere;
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
    memo: dict = {}
    if not undated:
        best = _dp(items, slots, tolerance, memo)
    else:
        best = None
        for k in range(len(slots) + 1):
            trial = _dp(items, slots[:k] + [undated] + slots[k:], tolerance, memo)
            if best is None or trial[0] > best[0]:
                best = trial
    assert best is not None
    score, kept = best
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
