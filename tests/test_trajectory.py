"""Running totals over time: exact trajectory fits, falling tolls, undated claims, strength."""

from __future__ import annotations

import hashlib
import itertools
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from test_reconciler_factory import claim

from crosscheck.models import Document
from crosscheck.reconcile.intervals import Span
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.reconcile.trajectory import Item, fit

D0 = date(2024, 3, 1)


def docs(*pairs):
    # texts that share nothing, so no two documents are copies of each other
    return [Document(id=i, text=" ".join(hashlib.sha1(f"{i}{k}".encode()).hexdigest()[:8] for k in range(30)),
                     date=d) for i, d in pairs]


def killed(clusters):
    (c,) = [c for c in clusters if c.kind == "killed"]
    return c


# ---------------------------------------------------------------------- the fit itself


def brute_force(items, tol):
    """The largest feasible subset by trying them all (small inputs only)."""
    best = 0
    for r in range(len(items), 0, -1):
        for subset in itertools.combinations(items, r):
            if feasible(subset, tol):
                return r
    return best


def feasible(subset, tol):
    # undated items: try the one shared unknown date at every place among the dates
    dated = [it for it in subset if it.when is not None]
    undated = [it for it in subset if it.when is None]
    days = sorted({it.when for it in dated})
    places = [None] if not undated else [i - 0.5 for i in range(len(days) + 1)]
    for place in places:
        slots = [[it for it in dated if it.when == d] for d in days]
        if place is not None:
            k = int(place + 0.5)
            slots = slots[:k] + [undated] + slots[k:]
        if _greedy(slots, tol):
            return True
    return False


def _greedy(slots, tol):
    level = None
    for slot in slots:
        lo = max((it.span.low for it in slot if it.span.low is not None), default=None)
        hi = min((it.span.high for it in slot if it.span.high is not None), default=None)
        if lo is not None and hi is not None and lo > hi:
            return False
        sharp = all(it.span.low == it.span.high for it in slot)  # only sharp figures may dip
        floor = None if level is None else (level - abs(level) * tol if sharp else level)
        f = max(x for x in (lo, floor) if x is not None) if (lo is not None or floor is not None) else None
        if f is not None and hi is not None and f > hi:
            return False
        if f is not None:
            level = f if level is None else max(level, f)
    return True


item = st.builds(
    lambda lo, width, day: Item(Span(float(lo), float(lo + width)), None if day < 0 else D0 + timedelta(days=day)),
    st.integers(0, 50), st.integers(0, 20), st.integers(-1, 4),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(item, min_size=1, max_size=7), st.sampled_from([0.0, 0.05]))
def test_fit_is_exact_against_brute_force(items, tol):
    result = fit(items, tol)
    assert len(result.kept) == brute_force(items, tol)
    assert feasible([items[i] for i in result.kept], tol)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 500), min_size=2, max_size=12),
    st.lists(st.tuples(st.integers(0, 11), st.sampled_from(["exact", "approx", "more_than", "at_least",
                                                              "less_than", "at_most"])),
             min_size=2, max_size=12),
)
def test_claims_sampled_from_one_non_decreasing_series_are_consistent(steps, picks):
    """Any claims that truthfully report one growing series, on its days, never conflict."""
    series = list(itertools.accumulate(100 * (s + 1) for s in steps))  # strictly growing, >= 100
    pairs, claims = [], []
    for n, (day, q) in enumerate(picks):
        day = day % len(series)
        v = series[day]
        # a hedge that is true of v: "more than" a lower figure, "less than" a higher one
        # (the factory's intervals: more than s = (s, 1.2s], less than s = [0.8s, s))
        stated = {"exact": v, "approx": v, "more_than": int(v / 1.1), "at_least": v,
                  "less_than": int(v * 1.1) + 1, "at_most": v}[q]
        doc_id = f"s{n}"
        pairs.append((doc_id, (D0 + timedelta(days=day)).isoformat()))
        claims.append(claim(doc_id, "killed", stated, q))
    c = killed(reconcile(claims, docs(*pairs)))
    assert c.status == "consistent", c.notes
    assert c.trajectory and [p.date for p in c.trajectory] == sorted({p.date for p in c.trajectory})


# ---------------------------------------------------------------------- through the reconciler


def test_growing_total_on_three_days_is_consistent_with_a_trajectory():
    claims = [claim("a", "killed", 27019), claim("b", "killed", 27240), claim("c", "killed", 27365)]
    c = killed(reconcile(claims, docs(("a", "2024-02-01"), ("b", "2024-02-04"), ("c", "2024-02-05"))))
    assert c.status == "consistent"
    assert [(p.date, p.low) for p in c.trajectory] == [
        ("2024-02-01", 27019), ("2024-02-04", 27240), ("2024-02-05", 27365)]


def test_falling_dated_toll_is_a_conflict_naming_the_stale_claim():
    claims = [claim("early", "killed", 33000, "more_than"), claim("late", "killed", 30000, "approx")]
    c = killed(reconcile(claims, docs(("early", "2024-03-01"), ("late", "2024-03-20"))))
    assert c.status == "conflict" and c.cause == "reporting_lag"
    (stale,) = [x for x in c.claims if x.outlier]
    assert stale.doc == "late"


def test_falling_dated_toll_is_a_hard_conflict_naming_the_stale_claim():
    claims = [claim("early", "killed", 33000, "more_than"), claim("late", "killed", 30000)]
    c = killed(reconcile(claims, docs(("early", "2024-03-01"), ("late", "2024-03-20"))))
    assert c.status == "conflict" and c.strength == "hard" and c.cause == "reporting_lag"
    (stale,) = [x for x in c.claims if x.outlier]
    assert stale.doc == "late"
    assert any("stale figure" in n and "late" in n for n in c.notes)


def test_a_later_figure_within_the_tolerance_is_not_a_conflict():
    claims = [claim("a", "killed", 1000), claim("b", "killed", 995)]
    assert killed(reconcile(claims, docs(("a", "2024-03-01"), ("b", "2024-03-02")))).status == "consistent"


def test_the_largest_set_of_sources_wins_and_the_odd_one_is_the_outlier():
    claims = [claim("a", "killed", 100), claim("b", "killed", 120), claim("c", "killed", 90),
              claim("d", "killed", 130)]
    d = docs(("a", "2024-03-01"), ("b", "2024-03-02"), ("c", "2024-03-03"), ("d", "2024-03-04"))
    c = killed(reconcile(claims, d))
    # the growth 100 -> 120 -> 130 holds; 90 falls out of it (tests/test_falling_total.py)
    assert c.status == "consistent"
    assert [x.doc for x in c.claims if x.outlier] == ["c"]
    assert [(f.claim.doc, f.reference.doc, f.direction) for f in c.outlier_links] == [("c", "b", "below_earlier")]


def test_undated_claims_fit_anywhere_in_a_dated_series():
    claims = [claim("a", "killed", 100), claim("b", "killed", 200), claim("u", "killed", 150)]
    d = docs(("a", "2024-03-01"), ("b", "2024-03-05"), ("u", None))
    assert killed(reconcile(claims, d)).status == "consistent"


def test_undated_sources_each_sit_at_a_date_of_their_own():
    """Undated figures of different outlets (an early 14, a later 2445) beside one dated report
    are reports of different days, not a conflict; one undated article giving two figures for
    the same total still disagrees with itself - its own mismatch, one of its figures left out
    and linked to the other (session 36: no longer the whole cluster's conflict)."""
    claims = [claim("dated", "killed", 120), claim("early", "killed", 14), claim("late", "killed", 2445)]
    d = docs(("dated", "2023-10-07"), ("early", None), ("late", None))
    assert killed(reconcile(claims, d)).status == "consistent"
    claims += [claim("self", "killed", 300), claim("self", "killed", 900)]
    c = killed(reconcile(claims, d + docs(("self", None))))
    assert c.status == "consistent"
    assert {x.doc for x in c.claims if x.outlier} == {"self"}
    assert [(x.claim.doc, x.reference.doc, x.direction) for x in c.outlier_links] == [("self", "self", "same_day")]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(item, st.sampled_from(["s1", "s2", "s3"])), min_size=1, max_size=7))
def test_fit_with_sources_is_exact_against_brute_force(tagged):
    """Undated items of different sources are placed independently: the kept set is the best
    dated fit plus, for each source, the largest set of its undated items sharing one point."""
    items = [Item(it.span, it.when, source=src) for it, src in tagged]
    result = fit(items, 0.0)
    dated = [it for it in items if it.when is not None]
    want = brute_force(dated, 0.0) if dated else 0
    for src in {"s1", "s2", "s3"}:
        own = [Item(it.span, None) for it in items if it.when is None and it.source == src]
        want += brute_force(own, 0.0) if own else 0
    assert len(result.kept) == want


def test_same_day_claims_must_agree():
    claims = [claim("a", "killed", 100), claim("b", "killed", 200)]
    c = killed(reconcile(claims, docs(("a", "2024-03-01"), ("b", "2024-03-01"))))
    assert c.status == "conflict" and c.strength == "hard"


def test_more_than_against_about_twice_is_soft_and_disjoint_exact_figures_hard():
    soft = [claim("a", "killed", 100, "more_than"), claim("b", "killed", 200, "approx")]
    c = killed(reconcile(soft, docs(("a", "2024-03-01"), ("b", "2024-03-01"))))
    assert c.status == "conflict" and c.strength == "soft"
    hard = [claim("a", "killed", 100, "less_than"), claim("b", "killed", 200, "approx")]
    c = killed(reconcile(hard, docs(("a", "2024-03-01"), ("b", "2024-03-01"))))
    assert c.status == "conflict" and c.strength == "hard"


def test_undated_soft_and_hard_outside_trajectories():
    soft = [claim("a", "injured", 100, "more_than"), claim("b", "injured", 200, "approx")]
    assert [c.strength for c in reconcile(soft, docs(("a", None), ("b", None)))] == ["soft"]
    # undated and x2 apart: two stages of the story, not a contradiction
    apart = [claim("a", "injured", 100), claim("b", "injured", 200)]
    (c,) = reconcile(apart, docs(("a", None), ("b", None)))
    assert c.status == "consistent" and any("different stages" in n for n in c.notes)
    # the same figures on one day cannot both be true
    (c,) = reconcile(apart, docs(("a", "2024-03-01"), ("b", "2024-03-01")))
    assert c.status == "conflict" and c.strength == "hard"
    # one undated article giving both
    (c,) = reconcile(apart + [claim("b", "injured", 100)], docs(("a", None), ("b", None)))
    assert c.status == "conflict" and c.strength == "hard"


def test_undated_sources_close_together_stay_a_soft_conflict_beside_a_dated_report():
    """Adding a dated report never hides the soft conflict two undated outlets make."""
    claims = [claim("a", "killed", 33000, "more_than"), claim("b", "killed", 30000, "approx")]
    (c,) = reconcile(claims, docs(("a", None), ("b", None)))
    assert c.status == "conflict" and c.strength == "soft"
    c = killed(reconcile(claims + [claim("d", "killed", 90000)],
                         docs(("a", None), ("b", None), ("d", "2024-03-26"))))
    assert c.status == "conflict" and c.strength == "soft"
    assert {x.doc for x in c.claims if x.outlier} <= {"a", "b"}


def test_a_duration_one_day_apart_is_soft_and_two_days_apart_hard():
    # "the fighting lasted 27 days" vs "28 days": the same span counted with or without its
    # first day (counting_slack), worth a look, never a hard contradiction
    def durations(a, b):
        claims = [claim("a", "duration_days", a, period="event", event="war"),
                  claim("b", "duration_days", b, period="event", event="war")]
        (c,) = reconcile(claims, docs(("a", "2024-03-01"), ("b", "2024-03-04")))
        return c
    one = durations(28, 27)
    assert one.status == "conflict" and one.strength == "soft"
    two = durations(29, 27)
    assert two.status == "conflict" and two.strength == "hard"


def test_a_conflicting_running_total_is_fitted_once_and_its_strength_decided_without_a_fit(monkeypatch):
    """Whether the figures fit once hedges are read loosely (soft or hard) is a yes/no
    (`fits_all`), not a second max-weight fit: one fit per running total judged."""
    from crosscheck.reconcile import reconciler

    calls = []
    real = reconciler.fit
    monkeypatch.setattr(reconciler, "fit", lambda items, tol=0.0: calls.append(len(items)) or real(items, tol))
    hard = [claim("early", "killed", 33000, "more_than"), claim("late", "killed", 30000)]
    c = killed(reconcile(hard, docs(("early", "2024-03-01"), ("late", "2024-03-20"))))
    assert c.status == "conflict" and c.strength == "hard" and calls == [2], (c.strength, calls)
    calls.clear()
    soft = [claim("a", "killed", 100, "more_than"), claim("b", "killed", 200, "approx")]
    c = killed(reconcile(soft, docs(("a", "2024-03-01"), ("b", "2024-03-01"))))
    assert c.status == "conflict" and c.strength == "soft" and calls == [2], (c.strength, calls)
