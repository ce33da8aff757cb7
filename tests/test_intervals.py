"""Interval arithmetic: open/closed ends, integer tightening, Helly agreement, the sweep."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crosscheck.reconcile.intervals import Span, agree, categorical_consensus, claim_span, common, gap, sweep
from test_reconciler_factory import claim


def test_integer_tightening_honours_open_ends():
    assert Span(100, 150, True, False).integral() == Span(101, 150)
    assert Span(80, 100, False, True).integral() == Span(80, 99)
    assert Span(27000.000000000004, 33000).integral() == Span(27000, 33000)
    assert Span(1.2, 3.7).integral() == Span(2, 3)
    # no whole number inside: keep the real interval rather than an empty one
    assert Span(1.5, 1.5).integral() == Span(1.5, 1.5)
    assert Span(None, 5, False, True).integral() == Span(None, 4)


def test_emptiness_and_membership_at_the_ends():
    assert Span(1, 1).contains(1) and not Span(1, 1).is_empty()
    assert Span(1, 1, True).is_empty() and Span(1, 1, False, True).is_empty()
    assert not Span(1, 2, True).contains(1) and Span(1, 2, True).contains(2)
    assert Span(2, 1).is_empty()
    assert Span().contains(-10**9) and Span().width() == float("inf")


def test_touching_intervals_agree_only_if_both_ends_are_closed():
    assert agree([Span(0, 10), Span(10, 20)])
    assert not agree([Span(0, 10, False, True), Span(10, 20)])
    assert not agree([Span(0, 10), Span(10, 20, True)])
    assert common([Span(0, 10), Span(5, None)]) == Span(5, 10)


def test_claim_span_for_hedges():
    assert claim_span(claim("a", "killed", 33000, "more_than")) == Span(33001, 39600)
    assert claim_span(claim("a", "killed", 33000, "more_than"), integral=False) == Span(
        33000, 39600, True, False)
    bare = claim("a", "killed", 42).model_copy(update={"low": None, "high": None})
    assert claim_span(bare) == Span(42, 42)  # an exact claim without bounds means its value
    vague = bare.model_copy(update={"qualifier": "vague"})
    assert claim_span(vague) == Span()


def test_gap():
    assert gap(Span(0, 10), Span(15, 20)) == 5 == gap(Span(15, 20), Span(0, 10))
    assert gap(Span(0, 10), Span(5, None)) == 0


def test_sweep_counts_groups_not_claims():
    items = [(Span(10, 10), "copy"), (Span(10, 10), "copy"), (Span(10, 10), "copy"),
             (Span(20, 20), "x"), (Span(20, 20), "y")]
    result = sweep(items)
    assert result.span == Span(20, 20) and result.support == 2 and result.members == (3, 4)
    assert not result.tied


def test_sweep_open_ends_do_not_overlap_a_closed_point():
    items = [(Span(0, 5, False, True), "a"), (Span(5, 9), "b"), (Span(5, 9), "c")]
    result = sweep(items)
    assert result.members == (1, 2) and result.span == Span(5, 9)


def test_sweep_ties_prefer_more_claims_then_precision_and_say_tied():
    items = [(Span(0, 10), "a"), (Span(20, 21), "b")]
    result = sweep(items)
    assert result.members == (1,) and result.tied  # the narrower claim, but no majority
    assert sweep([(Span(), "a")]).span == Span()
    assert sweep([(Span(2, 1), "a")]) is None


@given(st.lists(st.tuples(st.integers(-50, 50), st.integers(0, 30), st.sampled_from("abcd")),
                min_size=1, max_size=12))
def test_sweep_support_is_the_best_any_point_gets(raw):
    items = [(Span(lo, lo + w), g) for lo, w, g in raw]
    result = sweep(items)
    best = max(len({g for s, g in items if s.contains(x)}) for x in range(-50, 81))
    assert result.support == best
    # the consensus span lies inside every member and the members are exactly those covering it
    x = result.span.low
    assert all(items[i][0].contains(x) for i in result.members)
    assert len({items[i][1] for i in result.members}) == best
    assert agree([s for s, _ in items]) == (len(result.members) == len(items))


def test_categorical_consensus():
    value, support, members = categorical_consensus(
        [(frozenset({"for"}), "a"), (frozenset({"for"}), "a"), (frozenset({"against"}), "b"),
         (frozenset({"against", "veto"}), "c")])
    assert (value, support, members) == ("against", 2, (2, 3))
    assert categorical_consensus([]) is None


@given(st.lists(st.tuples(st.integers(-50, 50), st.integers(0, 30), st.booleans()),
                min_size=1, max_size=10),
       st.integers(0, 9), st.integers(1, 3))
def test_copies_of_a_source_never_change_the_consensus(raw, which, copies):
    items = [(Span(lo, lo + w, opened, False), f"g{i}") for i, (lo, w, opened) in enumerate(raw)]
    which %= len(items)
    before = sweep(items)
    after = sweep(items + [items[which]] * copies)
    if before is None:  # every span empty (e.g. the open interval (0, 0]): no consensus either way
        assert after is None
        return
    assert (after.span, after.support, after.tied) == (before.span, before.support, before.tied)
