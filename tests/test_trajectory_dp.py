"""reconcile.trajectory's DP works out what a candidate point keeps once per slot and point
(shared by the trials that place the undated claims), not once per (level, point): the same fit
as the plain definition below on random running totals (hedged, open and sharp figures,
undated ones, with and without tolerance), with far fewer interval tests (counted)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from crosscheck.reconcile import trajectory
from crosscheck.reconcile.intervals import Span
from crosscheck.reconcile.trajectory import _NEG, Item, _first_point, _sharp, fit


def plain_dp(items, slots, tol, memo=None):
    """trajectory._dp as first written: every (level, point) pair tests every item of the slot."""
    n_slots = len(slots)
    states = {_NEG: ((0.0, 0.0), None)}
    for k, slot in enumerate(slots):
        firsts = sorted({_first_point(items[i].span) for i in slot})
        bonus = float(n_slots - k)
        new = {}
        for level, (score, back) in states.items():
            floor = level if level == _NEG else level - abs(level) * tol
            cands = {floor, level} | {f for f in firsts if f >= floor}
            for f in cands:
                chosen = [i for i in slot if items[i].span.contains(f) and (f >= level or _sharp(items[i].span))]
                w = sum(items[i].weight for i in chosen)
                s2 = (score[0] + w, score[1] + bonus * w)
                m2 = max(level, f)
                cur = new.get(m2)
                if cur is None or s2 > cur[0]:
                    new[m2] = (s2, (back, tuple(chosen)))
        states = new
    best_score, back = max(states.values(), key=lambda v: (v[0],))
    kept = []
    while back is not None:
        back, chosen = back
        kept.extend(chosen)
    return best_score, kept


def _random_items(rng: random.Random, n: int) -> list[Item]:
    day0 = date(2024, 1, 1)
    out = []
    for _ in range(n):
        v = float(rng.choice([rng.randint(10, 60) * 10, rng.randint(100, 600)]))
        shape = rng.random()
        if shape < 0.5:
            span = Span(v, v)  # sharp
        elif shape < 0.7:
            span = Span(v * 0.9, v * 1.1)  # about
        elif shape < 0.85:
            span = Span(v, None, True)  # more than
        else:
            span = Span(None, v, False, rng.random() < 0.5)  # less than / at most
        when = None if rng.random() < 0.15 else day0 + timedelta(days=rng.randint(0, 12))
        out.append(Item(span, when, rng.choice([1.0, 1.0, 0.5])))
    return out


def _fit_with(dp, items, tol):
    real = trajectory._dp
    trajectory._dp = dp
    try:
        r = fit(items, tol)
    finally:
        trajectory._dp = real
    return (r.kept, r.outliers, r.points, r.weight)


def test_dp_fits_what_the_plain_definition_fits():
    rng = random.Random(11)
    for trial in range(120):
        items = _random_items(rng, rng.randint(1, 40))
        tol = rng.choice([0.0, 0.0, 0.02, 0.1])
        r = fit(items, tol)
        assert (r.kept, r.outliers, r.points, r.weight) == _fit_with(plain_dp, items, tol), trial


def test_dp_tests_each_item_once_per_point_and_slot(monkeypatch):
    calls = []
    real = Span.contains
    monkeypatch.setattr(Span, "contains", lambda self, x: calls.append(1) or real(self, x))
    items = _random_items(random.Random(3), 300)
    fast = fit(items, 0.02)
    n_fast = len(calls)
    calls.clear()
    plain = _fit_with(plain_dp, items, 0.02)
    assert (fast.kept, fast.outliers, fast.points, fast.weight) == plain
    # 49,192 against 218,202 (78,544 against 4,559,721 while the undated claims were tried at
    # every position among the dates; each undated source now sits at a date of its own)
    assert n_fast * 4 < len(calls), (n_fast, len(calls))


def _tied_items(rng: random.Random, n: int, days: int) -> list[Item]:
    """Figures from a few values (many equal scores: the ties the plain DP's order breaks),
    sharp, ranged, open above or below, with open or closed ends, some undated."""
    day0 = date(2024, 1, 1)
    values = rng.choice([[1, 2, 3], list(range(12)), [100, 99, 101, 98, 102, 200, 198], [0, 1000, 990, 995, 1010]])
    out = []
    for _ in range(n):
        v = float(rng.choice(values))
        shape = rng.random()
        if shape < 0.5:
            span = Span(v, v)
        elif shape < 0.65:
            span = Span(v, v + rng.choice([1, 5, 10]))
        elif shape < 0.75:
            span = Span(v, None, True)
        elif shape < 0.8:
            span = Span(None, v, False, True)
        elif shape < 0.9:
            span = Span(v * 0.9, v * 1.1).integral()
        else:
            span = Span(v, v + 3, rng.random() < 0.5, rng.random() < 0.5)
        when = None if rng.random() < 0.1 else day0 + timedelta(days=rng.randint(0, days))
        out.append(Item(span, when, source=f"s{rng.randint(0, 5)}"))
    return out


def _slots(items: list[Item]) -> list[list[int]]:
    dated: dict = {}
    for i, it in enumerate(items):
        if it.when is not None and not it.span.is_empty():
            dated.setdefault(it.when, []).append(i)
    return [dated[d] for d in sorted(dated)]


def test_dp_breaks_ties_as_the_plain_definition():
    """The DP passes unreached states on and tries a point from the best state below it only:
    the same weight, earliness and kept claims, in the same order, as the plain DP on figures
    full of ties, and the same fit."""
    rng = random.Random(29)
    for trial in range(150):
        items = _tied_items(rng, rng.randint(1, 40), rng.randint(0, 8))
        tol = rng.choice([0.0, 0.01, 0.02, 0.1])
        slots = _slots(items)
        assert trajectory._dp(items, slots, tol) == plain_dp(items, slots, tol), trial
        r = fit(items, tol)
        assert (r.kept, r.outliers, r.points, r.weight) == _fit_with(plain_dp, items, tol), trial


def test_dp_work_follows_the_levels_a_figure_reaches(monkeypatch):
    """A running total of 600 figures over 150 dates: the plain DP works out what
    every (level, point) pair keeps; this one only the states a slot's figures reach (counted
    as what-a-point-keeps look-ups)."""
    rng = random.Random(8)
    day0 = date(2024, 1, 1)
    items = []
    for _ in range(600):
        day = rng.randint(0, 150)
        v = float(int((100 + 20 * day) * rng.uniform(0.7, 1.3)))
        span = Span(v, v) if rng.random() < 0.7 else Span(v, v * 1.2).integral()
        items.append(Item(span, day0 + timedelta(days=day), source=f"s{rng.randint(0, 100)}"))
    slots = _slots(items)
    looked: list[int] = []
    real = trajectory._Keeps.at
    monkeypatch.setattr(trajectory._Keeps, "at", lambda self, f, s: looked.append(1) or real(self, f, s))
    got = trajectory._dp(items, slots, 0.01)
    pairs = 0  # what the plain DP tries: every candidate point of every state
    states = {_NEG}
    for slot in slots:
        firsts = {_first_point(items[i].span) for i in slot}
        pairs += sum(2 + sum(f >= lv - abs(lv) * 0.01 for f in firsts) for lv in states)
        states |= firsts
    assert got[0][0] > 0
    assert len(looked) * 20 < pairs, (len(looked), pairs)


def _on_a_trajectory(rng: random.Random, n: int) -> list[Item]:
    """Figures read off one growing total (so that most sets fit whole), some hedged, some
    open, some a little below the level reached, some undated, a few moved off it."""
    day0 = date(2024, 1, 1)
    level, out = float(rng.choice([0, 5, 100, -20])), []
    for d in range(rng.randint(1, 10)):
        level += rng.choice([0, 0, 1, 3, 10])
        for _ in range(rng.randint(1, max(1, n // 4))):
            v = level - rng.choice([0, 0, 0, 1, 2]) if rng.random() < 0.2 else level
            shape = rng.random()
            if shape < 0.5:
                span = Span(v, v)
            elif shape < 0.65:
                span = Span(v - rng.choice([0, 1, 5]), v + rng.choice([0, 1, 5]))
            elif shape < 0.75:
                span = Span(v - rng.choice([0, 1]), None, rng.random() < 0.5)
            elif shape < 0.85:
                span = Span(None, v + rng.choice([0, 1]), False, rng.random() < 0.5)
            else:
                span = Span(v, v + 3, rng.random() < 0.5, rng.random() < 0.5)
            if rng.random() < 0.05:
                span = Span(v + rng.choice([-50, 50]), v + rng.choice([-50, 50, 60]))
            when = None if rng.random() < 0.1 else day0 + timedelta(days=d)
            out.append(Item(span, when, rng.choice([1.0, 0.5]), source=f"s{rng.randint(0, 3)}"))
    return out


def test_fits_all_says_whether_the_fit_keeps_every_item():
    """fits_all decides in one pass what `fit` leaves no outlier for, on random figures, figures
    full of ties and figures read off one growing total (both answers are common there)."""
    rng = random.Random(41)
    answers = {True: 0, False: 0}
    for trial in range(3000):
        make = rng.choice([_random_items, _tied_items, _on_a_trajectory])
        items = _tied_items(rng, rng.randint(1, 30), rng.randint(0, 6)) if make is _tied_items \
            else make(rng, rng.randint(1, 30))
        tol = rng.choice([0.0, 0.01, 0.02, 0.1])
        whole = not fit(items, tol).outliers
        assert trajectory.fits_all(items, tol) == whole, (trial, items, tol)
        answers[whole] += 1
    assert min(answers.values()) > 300, answers  # both answers tested often


def _long_story(rng: random.Random, n: int, days: int) -> list[Item]:
    """A running total told over many days: growing figures, stale and hedged ones, repeats
    (ties), sharp dips within the tolerance, a few undated."""
    day0 = date(2024, 1, 1)
    out = []
    for _ in range(n):
        d = rng.randint(0, days)
        v = float(int(50 + 7 * d * rng.choice([1, 1, 1, 0.9, 0.5, 1.2])))
        v = rng.choice([v, v, float(rng.randint(1, 8) * 50)])
        shape = rng.random()
        if shape < 0.6:
            span = Span(v, v)
        elif shape < 0.75:
            span = Span(v * 0.9, v * 1.1).integral()
        elif shape < 0.85:
            span = Span(v, None, rng.random() < 0.5)
        else:
            span = Span(None, v, False, rng.random() < 0.5)
        when = None if rng.random() < 0.05 else day0 + timedelta(days=d)
        out.append(Item(span, when, rng.choice([1.0, 1.0, 0.5]), source=f"s{rng.randint(0, 30)}"))
    return out


def test_dp_keeps_the_plain_order_over_long_stories(monkeypatch):
    """Many dates and levels (the dict order kept as ranks, the prefix minima walked until the
    slot's points are placed, the best state below a point from a max-tree): the plain DP's
    weight, earliness and kept claims, in its order; also when every slot ranks every level
    again (no room between float ranks), and a slot moves no level but its own points."""
    rng = random.Random(2026)
    moved_ok = True
    real_apply = trajectory._Order.apply

    def apply(self, moves):
        nonlocal moved_ok
        real_apply(self, moves)
        points = {m for _lv, group in moves for m in group}
        moved_ok &= set(self.last_moved) <= points
    monkeypatch.setattr(trajectory._Order, "apply", apply)
    for trial in range(60):
        items = _long_story(rng, rng.randint(20, 160), rng.randint(5, 80))
        tol = rng.choice([0.0, 0.01, 0.05])
        slots = _slots(items)
        want = plain_dp(items, slots, tol)
        assert trajectory._dp(items, slots, tol) == want, trial
        with monkeypatch.context() as m:
            m.setattr(trajectory._Order, "_room", staticmethod(lambda lo, got, hi: False))
            assert trajectory._dp(items, slots, tol) == want, trial
    assert moved_ok
