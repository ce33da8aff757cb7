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
    candidate levels are the items' lower ends.  A slot costs the levels its figures can reach
    plus a pass over the levels (`_dp`), not levels x points: a running total of 2,000
    distinct claims over 500 dates fits in about a second.

The items not kept are outliers; the fitted trajectory is, for each date, the band
[highest lower end kept up to that date, lowest upper end kept from that date on].
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from datetime import date
from typing import Optional, Sequence

from crosscheck.reconcile.intervals import Span

_NEG = -math.inf
_INF = math.inf


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


def fits_all(items: Sequence[Item], tolerance: float = 0.0) -> bool:
    """Whether one trajectory keeps every item: `not fit(items, tolerance).outliers`, decided
    in one pass over the dates instead of by the max-weight DP (weights are positive, so the
    fit keeps every item exactly when some trajectory does).

    The level reached only ever needs to be the lowest one that keeps every item so far (a
    lower level keeps whatever a higher one keeps).  A date's items must share a point f among
    the DP's candidates: the highest of their lowest points (`_first_point`) when it is at or
    above the level (the level becomes f), else the level itself (it stays); below the level
    only sharp figures within the tolerance are kept (f is then their one value).  Each undated
    source's items only have to share a point (`fit`)."""
    dated: dict[date, list[int]] = {}
    undated: dict[Optional[str], list[int]] = {}
    for i, it in enumerate(items):
        if it.span.is_empty():
            return False  # never kept
        if it.when is None:
            undated.setdefault(it.source, []).append(i)
        else:
            dated.setdefault(it.when, []).append(i)

    def share(slot: list[int], level: float) -> Optional[float]:
        """The level after the slot, or None when no candidate point keeps all of it."""
        spans = [items[i].span for i in slot]
        f = max(_first_point(s) for s in spans)
        if f >= level:
            return f if all(s.contains(f) for s in spans) else None
        if all(s.contains(level) for s in spans):
            return level
        floor = level - abs(level) * tolerance
        if f >= floor and all(_sharp(s) and s.contains(f) for s in spans):
            return level  # sharp figures within the tolerance below the level reached
        return None

    level = _NEG
    for d in sorted(dated):
        level = share(dated[d], level)
        if level is None:
            return False
    return all(share(idx, _NEG) is not None for idx in undated.values())


def _dp(items: Sequence[Item], slots: list[list[int]], tol: float, memo: Optional[dict] = None):
    """Max-weight selection; returns ((weight, earliness), kept indices).

    The DP over dates: a state per level reached (the highest value so far), each slot's
    candidate points tried from every state.  This is the plain DP (tests/test_trajectory_dp.py
    `plain_dp`: every state tries every candidate point, states kept in a dict whose order
    breaks ties) computed without trying every pair:

    * a point f above a state's level lands on level f with what f keeps whatever the state,
      so the entry of f is the best state below f (the earliest in the plain dict's order on
      ties) plus what f keeps;
    * a state's own level changes only if a figure of the slot can be kept at it (a span
      holding it, or a sharp figure within the tolerance below it): other states pass on as
      they are;
    * the plain DP's dict order, which breaks ties, is followed: each state emits its own
      level, and a state below every earlier one also emits the slot's points above it in the
      order of its candidate set (built as the plain DP builds it); a tie between points of
      one state is broken in that set's order too.

    So a slot costs the states a figure can reach plus a pass over the levels, not
    states x points.  `memo` is unused (kept for callers)."""
    n_slots = len(slots)
    order = [_NEG]  # the levels, in the order the plain DP's dict holds them
    val: dict[float, tuple] = {_NEG: ((0.0, 0.0), None)}  # level -> (score, back pointer)
    levels = [_NEG]  # ascending
    for k, slot in enumerate(slots):
        firsts = sorted({_first_point(items[i].span) for i in slot})
        fset = set(firsts)
        bonus = float(n_slots - k)  # ties go to keeping earlier claims: a later, lower one is stale
        keeps = _Keeps(items, slot)
        best_of: dict[tuple, tuple] = {}  # a class of levels -> (best point's keep, tied)
        pos = dict(zip(order, range(len(order))))
        # the new dict's order: past _NEG, the lowest level, every level passes on in its place
        # (each of the slot's points is emitted by _NEG at the latest)
        new_order: list[float] = []
        emitted: set[float] = set()
        lowest = _INF
        cut = pos[_NEG] + 1
        for lv in order[:cut]:
            if lv < lowest:
                lowest = lv
                floor = lv if lv == _NEG else lv - abs(lv) * tol
                for f in {floor, lv} | {f for f in firsts if f >= floor}:
                    m2 = lv if f <= lv else f
                    if m2 not in emitted:
                        emitted.add(m2)
                        new_order.append(m2)
            elif lv not in emitted:
                emitted.add(lv)
                new_order.append(lv)
        new_order += [lv for lv in order[cut:] if lv not in emitted]
        # the best state below each point (the earliest in order on ties)
        below: dict[float, tuple] = {}
        j, best, n_levels = 0, None, len(levels)
        for f in firsts:
            while j < n_levels and levels[j] < f:
                lv = levels[j]
                sc, p = val[lv][0], pos[lv]
                if best is None or sc > best[0] or (sc == best[0] and p < best[1]):
                    best = (sc, p, lv)
                j += 1
            below[f] = best

        def own(lv: float) -> tuple:
            """The new entry of an existing level: its state's best point at or under it (and
            the best state below it, when it is one of the slot's points)."""
            score, back = val[lv]
            floor = lv if lv == _NEG else lv - abs(lv) * tol
            lo, hi = bisect_left(firsts, floor), bisect_right(firsts, lv)
            # what the candidates keep depends only on where floor and lv fall among the
            # slot's ends and points: levels of one class share their best (`_Keeps.at`)
            cls = (keeps.where(floor), keeps.where(lv), lo, hi, floor < lv, hi > 0 and firsts[hi - 1] == lv)
            got = best_of.get(cls)
            if got is None:
                top, tied = None, False
                cands = {floor, lv}
                cands.update(firsts[lo:hi])
                for f in cands:
                    chosen, w = keeps.at(f, f < lv)
                    if top is None or w > top[1]:
                        top, tied = (chosen, w), False
                    elif w == top[1] and chosen != top[0]:
                        tied = True
                got = best_of[cls] = (top, tied)
            top, tied = got
            if tied:  # the first of the best in the plain DP's candidate order
                top = None
                for f in {floor, lv} | {f for f in firsts if f >= floor}:
                    if f <= lv:
                        chosen, w = keeps.at(f, f < lv)
                        if top is None or w > top[1]:
                            top = (chosen, w)
            chosen, w = top
            entry = (score, back) if not chosen else ((score[0] + w, score[1] + bonus * w), (back, chosen))
            b = below.get(lv) if lv in fset else None
            if b is not None:
                kc, kw = keeps.at(lv, False)
                s2 = (b[0][0] + kw, b[0][1] + bonus * kw)
                if s2 > entry[0] or (s2 == entry[0] and b[1] < pos[lv]):
                    entry = (s2, (val[b[2]][1], kc))
            return entry

        # the levels a figure of the slot can be kept at
        reach = []
        everywhere = False
        for i in slot:
            sp = items[i].span
            reach.append((_NEG if sp.low is None else sp.low, _INF if sp.high is None else sp.high))
            if _sharp(sp):  # kept below a level within the tolerance
                if sp.low < 0:
                    everywhere = True
                else:
                    reach.append((sp.low, sp.low / (1 - tol) * (1 + 1e-9) + 1e-9))
        new_val = dict(val)
        done: set[float] = set()
        for a, b in ([(0, n_levels)] if everywhere else
                     [(bisect_left(levels, lo), bisect_right(levels, hi)) for lo, hi in reach]):
            for lv in levels[a:b]:
                if lv not in done:
                    done.add(lv)
                    new_val[lv] = own(lv)
        for f in firsts:
            if f in val:
                if f not in done:
                    new_val[f] = own(f)
            else:
                b = below[f]
                kc, kw = keeps.at(f, False)
                new_val[f] = ((b[0][0] + kw, b[0][1] + bonus * kw), (val[b[2]][1], kc))
        for f in firsts:
            if f not in val:
                insort(levels, f)
        order, val = new_order, new_val
    best_score, back = max((val[lv] for lv in order), key=lambda v: (v[0],))
    kept: list[int] = []
    while back is not None:
        back, chosen = back
        kept.extend(chosen)
    return best_score, kept


class _Keeps:
    """What a trajectory through f keeps of one slot (`_choose`), worked out once per class of
    f: whether f is below, at or above each end of the slot's spans decides every
    `Span.contains(f)` of the slot."""

    __slots__ = ("items", "slot", "ends", "memo")

    def __init__(self, items: Sequence[Item], slot: list[int]) -> None:
        self.items, self.slot = items, slot
        self.ends = sorted({e for i in slot for e in (items[i].span.low, items[i].span.high) if e is not None})
        self.memo: dict[tuple, tuple] = {}

    def where(self, f: float) -> tuple[int, bool]:
        """f's class among the ends: every span of the slot contains all of a class or none."""
        ends = self.ends
        p = bisect_left(ends, f)
        return p, p < len(ends) and ends[p] == f

    def at(self, f: float, sharp_only: bool) -> tuple[tuple[int, ...], float]:
        ends = self.ends
        p = bisect_left(ends, f)
        key = (p, p < len(ends) and ends[p] == f, sharp_only)
        got = self.memo.get(key)
        if got is None:
            got = self.memo[key] = _choose(self.items, self.slot, f, sharp_only)
        return got


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
    caps: list[Optional[float]] = []  # the lowest upper end kept from each used date on
    cap: Optional[float] = None
    for d in reversed(used):
        for i in by_day[d]:
            hi = items[i].span.high
            if hi is not None and (cap is None or hi < cap):
                cap = hi
        caps.append(cap)
    caps.reverse()
    pts = []
    level: Optional[float] = None
    for d, cap in zip(used, caps):
        for i in by_day[d]:
            lo = items[i].span.low
            if lo is not None and (level is None or lo > level):
                level = lo
        if level is not None and cap is not None and cap < level:
            cap = level  # within the tolerance: the band is the level itself
        pts.append((d, level, cap))
    return pts
