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
from datetime import date, datetime
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


def fit_in_stretches(items: Sequence[Item], tolerance: float = 0.0, restarts: Sequence[date] = ()) -> Fit:
    """`fit`, with the trajectory starting again on each day of `restarts` (an official downward
    revision, crosscheck.reconcile.revisions.revision_days): the items dated before the first
    restart are fitted apart from those dated from it on, and so on.  Undated items are fitted
    with the first stretch (they fit any date there).  Without restarts, `fit` itself."""
    if not restarts:
        return fit(items, tolerance)
    bounds = sorted(set(restarts))
    parts: list[list[int]] = [[] for _ in range(len(bounds) + 1)]
    for i, it in enumerate(items):
        k = 0 if it.when is None else bisect_right(bounds, _day_of(it.when))
        parts[k].append(i)
    kept: list[int] = []
    outliers: list[int] = []
    points: list = []
    weight = 0.0
    for idx in parts:
        if not idx:
            continue
        got = fit([items[i] for i in idx], tolerance)
        kept += [idx[j] for j in got.kept]
        outliers += [idx[j] for j in got.outliers]
        points += got.points
        weight += got.weight
    return Fit(sorted(kept), sorted(outliers), points, weight)


def _day_of(when) -> date:
    """The day of a date or of a moment within a day (crosscheck.reconcile.within_day)."""
    return when.date() if isinstance(when, datetime) else when


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

    So a slot costs the states a figure can reach, not states x points; and the dict order is
    kept as ranks that change only for the points a slot moves (`_Order`), the best state below
    a point read from a max-tree (`_Best`), so a slot makes no pass over every level either.
    `memo` is unused (kept for callers)."""
    n_slots = len(slots)
    val: dict[float, tuple] = {_NEG: ((0.0, 0.0), None)}  # level -> (score, back pointer)
    levels = [_NEG]  # ascending
    # the plain DP's dict order of the levels, which breaks ties, as a rank per level (`_Order`);
    # the best state below a point from a max-tree over every level a slot can make (`_Best`)
    order = _Order()
    best_tree = _Best(sorted({_NEG} | {_first_point(items[i].span) for slot in slots for i in slot}))
    best_tree.set(_NEG, (val[_NEG][0], -order.rank[_NEG]))
    for k, slot in enumerate(slots):
        firsts = sorted({_first_point(items[i].span) for i in slot})
        fset = set(firsts)
        bonus = float(n_slots - k)  # ties go to keeping earlier claims: a later, lower one is stale
        keeps = _Keeps(items, slot)
        best_of: dict[tuple, tuple] = {}  # a class of levels -> (best point's keep, tied)
        pos = order.rank  # as before the slot (the new order is made after the slot's states)
        moves = order.moves(firsts, tol)
        n_levels = len(levels)
        # the best state below each point (the earliest in order on ties)
        below: dict[float, tuple] = {}
        for f in firsts:
            got = best_tree.below(f)
            below[f] = None if got is None else (got[0][0], -got[0][1], got[1])

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
        new_val: dict[float, tuple] = {}  # the states this slot changes (`val` is read as before it)
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
        val.update(new_val)
        order.apply(moves)
        for lv in set(new_val) | set(order.last_moved):
            best_tree.set(lv, (val[lv][0], -order.rank[lv]))
        if order.renumbered:
            for lv in val:
                best_tree.set(lv, (val[lv][0], -order.rank[lv]))
    best_score, back = max((val[lv] for lv in sorted(val, key=order.rank.__getitem__)), key=lambda v: (v[0],))
    kept: list[int] = []
    while back is not None:
        back, chosen = back
        kept.extend(chosen)
    return best_score, kept


class _Order:
    """The plain DP's dict order of the levels (which breaks its ties), as a rank per level.

    A slot rebuilds the dict: walking it from the start, each level below every earlier one (a
    prefix minimum) emits its own level and the slot's points it can reach (in the order of its
    candidate set), any other level emits itself; a level already emitted is skipped.  Only the
    slot's points can move (a prefix minimum never does: the points an earlier, higher minimum
    reaches lie above it), so the walk visits the prefix minima only until every point is
    placed, and the moved points get ranks between their new neighbours; the other levels keep
    theirs.  The prefix minima are kept in order (`minima`)."""

    __slots__ = ("rank", "minima", "_sorted", "last_moved", "renumbered")

    def __init__(self) -> None:
        self.rank: dict[float, float] = {_NEG: 0.0}
        self.minima: list[float] = [_NEG]  # the prefix minima, in order (the last is _NEG)
        self._sorted: list[float] = [0.0]  # every rank, ascending
        self.last_moved: list[float] = []
        self.renumbered = False

    def moves(self, firsts: list[float], tol: float) -> list[tuple[float, list[float]]]:
        """For each prefix minimum that emits points it moves: (the minimum, what it emits in
        order, itself included); worked out on the order as it is before the slot."""
        rank = self.rank
        fset = set(firsts)
        # points already in the dict, by rank: each is emitted where it stands unless a minimum
        # before it emits it first
        standing = sorted((rank[f], f) for f in firsts if f in rank)
        si = 0
        emitted: set[float] = set()
        out = []
        for lv in self.minima:
            r = rank[lv]
            while si < len(standing) and standing[si][0] < r:
                emitted.add(standing[si][1])
                si += 1
            if fset <= emitted:
                break
            floor = lv if lv == _NEG else lv - abs(lv) * tol
            group = []
            for f in {floor, lv} | {f for f in firsts if f >= floor}:  # the plain DP's set, its order
                m2 = lv if f <= lv else f
                if m2 not in emitted:
                    emitted.add(m2)
                    group.append(m2)
            if len(group) > 1:
                out.append((lv, group))
        return out

    def apply(self, moves: list[tuple[float, list[float]]]) -> None:
        """Give the moved points their places: around the minimum that emits them, between
        the levels that stay."""
        rank, srt = self.rank, self._sorted
        self.renumbered = False
        moved = [m for lv, group in moves for m in group if m != lv]
        self.last_moved = moved
        if not moved:
            return
        for m in moved:  # out of their old places
            r = rank.pop(m, None)
            if r is not None:
                del srt[bisect_left(srt, r)]
        # the new order around each minimum: the points before it in its group go right before
        # it, those after it right after it (before the next level that stays, and before the
        # points a next minimum emits ahead of itself)
        runs: dict[Optional[float], list[float]] = {}  # rank of the level a run follows -> the run
        new_minima = []
        prev_min = _INF
        mi = 0
        minima = self.minima
        for lv, group in moves:
            at = group.index(lv)
            r = rank[lv]
            p = bisect_left(srt, r)
            before = srt[p - 1] if p else None
            runs.setdefault(before, []).extend(group[:at])
            runs.setdefault(r, []).extend(group[at + 1:])
            # prefix minima: the points placed ahead of the minimum that are below every
            # earlier level (the minimum before it is the lowest of those)
            while minima[mi] != lv:
                new_minima.append(minima[mi])
                prev_min = minima[mi]
                mi += 1
            low = prev_min
            for m in group[:at]:
                if m < low:
                    new_minima.append(m)
                    low = m
        new_minima.extend(minima[mi:])
        self.minima = new_minima
        # ranks between the neighbours (a run after a level precedes the run before the next
        # one); when floats leave no room, every level is ranked again in the new order
        placed = []
        for after in sorted(runs, key=lambda x: -_INF if x is None else x):
            run = runs[after]
            if not run:
                continue
            p = 0 if after is None else bisect_right(srt, after)
            nxt = srt[p] if p < len(srt) else None
            lo = after if after is not None else nxt - len(run) - 1.0
            hi = nxt if nxt is not None else lo + len(run) + 1.0
            step = (hi - lo) / (len(run) + 1)
            got = [lo + step * (i + 1) for i in range(len(run))]
            if not self._room(lo, got, hi):
                self._renumber(runs)
                return
            placed.append((run, got))
        for run, got in placed:
            for m, r in zip(run, got):
                rank[m] = r
                insort(srt, r)

    @staticmethod
    def _room(lo: float, got: list[float], hi: float) -> bool:
        """Whether the new ranks lie strictly between their neighbours and apart."""
        return all(x < y for x, y in zip([lo, *got], [*got, hi]))

    def _renumber(self, runs: dict) -> None:
        """Every level ranked 0, 1, 2, ... in the new order (the levels that stay, each
        followed by the run placed after it; the run placed first before them all)."""
        rank = self.rank
        level_at = {r: lv for lv, r in rank.items()}
        new_order = list(runs.get(None, []))
        for r in self._sorted:
            new_order.append(level_at[r])
            new_order.extend(runs.get(r, []))
        self.rank = {lv: float(i) for i, lv in enumerate(new_order)}
        self._sorted = [float(i) for i in range(len(new_order))]
        self.renumbered = True


class _Best:
    """The best state (score, then the earliest in the dict's order: -rank) among the levels
    below a value: a max-tree over every level the fit can make."""

    __slots__ = ("keys", "size", "tree", "where")

    def __init__(self, keys: list[float]) -> None:
        self.keys = keys
        size = 1
        while size < len(keys):
            size *= 2
        self.size = size
        self.tree: list = [None] * (2 * size)
        self.where = {k: i for i, k in enumerate(keys)}

    def set(self, level: float, key: tuple) -> None:
        i = self.where[level] + self.size
        tree = self.tree
        tree[i] = (key, level)
        i //= 2
        while i:
            a, b = tree[2 * i], tree[2 * i + 1]
            tree[i] = a if b is None or (a is not None and a[0] >= b[0]) else b
            i //= 2

    def below(self, f: float) -> Optional[tuple]:
        """((score, -rank), level) of the best level below f, or None."""
        n = bisect_left(self.keys, f)
        lo, hi = self.size, self.size + n
        best = None
        tree = self.tree
        while lo < hi:
            if lo & 1:
                x = tree[lo]
                if x is not None and (best is None or x[0] > best[0]):
                    best = x
                lo += 1
            if hi & 1:
                hi -= 1
                x = tree[hi]
                if x is not None and (best is None or x[0] > best[0]):
                    best = x
            lo //= 2
            hi //= 2
        return best


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
