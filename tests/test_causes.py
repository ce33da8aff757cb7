"""Cause classification (every class) and severity."""

from __future__ import annotations

import pytest
from test_reconciler_factory import claim, doc

from crosscheck.reconcile.causes import digit_typo
from crosscheck.reconcile.settings import default_config
from crosscheck.reconcile.reconciler import reconcile

CFG = default_config()


def conflict(claims, docs=None, config=None):
    found = [c for c in reconcile(claims, docs, config) if c.status == "conflict"]
    assert len(found) == 1, [(c.id, c.status) for c in reconcile(claims, docs, config)]
    return found[0]


@pytest.mark.parametrize("pair", CFG.typo_examples.get("match", []))
def test_typo_examples_that_must_match(pair):
    a, b = pair
    assert digit_typo(a, b, CFG) and digit_typo(b, a, CFG)


@pytest.mark.parametrize("pair", CFG.typo_examples.get("no_match", []))
def test_typo_examples_that_must_not_match(pair):
    a, b = pair
    assert digit_typo(a, b, CFG) is None and digit_typo(b, a, CFG) is None


def test_typo_examples_exist():
    assert CFG.typo_examples.get("match") and CFG.typo_examples.get("no_match")


def test_digit_typo_names_the_pattern():
    assert digit_typo(32417, 32471, CFG) == "adjacent digits swapped"
    assert digit_typo(3000, 30000, CFG) == "a zero dropped or added"
    assert digit_typo(32417, 32917, CFG) == "one digit off"


def test_likely_typo_transposition():
    c = conflict([claim("a", "killed", 32417), claim("b", "killed", 32417),
                  claim("c", "killed", 32471)])
    assert c.cause == "likely_typo"
    assert [x.value for x in c.claims if x.outlier] == [32471]
    assert any("adjacent digits swapped" in n for n in c.notes)


def test_likely_typo_extra_zero():
    c = conflict([claim("a", "injured", 3000), claim("b", "injured", 3000),
                  claim("c", "injured", 30000)])
    assert c.cause == "likely_typo"
    assert c.severity == pytest.approx(0.9)


def test_hedge_rounding():
    # "more than 33000" vs "about 30000": a 5% wider hedge would let them meet
    c = conflict([claim("a", "killed", 33000, "more_than"), claim("b", "killed", 30000, "approx")])
    assert c.cause == "hedge_rounding"
    assert c.severity < 0.1


def test_reporting_lag():
    docs = [doc("a", date="2024-03-01"), doc("b", date="2024-03-02")]
    # a later article quoting a lower (stale) total
    c = conflict([claim("a", "killed", 31977), claim("b", "killed", 30412)], docs)
    assert c.cause == "reporting_lag"


def test_different_scope_from_inferred_location():
    # dated the same day: undated figures this far apart would be two stages of a story
    # (reconciler._undated_growth), whatever the cause
    same_day = [doc(d, date="2024-03-01") for d in "abc"]
    c = conflict([claim("a", "killed", 30412), claim("b", "killed", 30412),
                  claim("c", "killed", 1200).model_copy(update={"inferred": ["location"]})], same_day)
    assert c.cause == "different_scope" and c.ambiguous
    assert [x.value for x in c.claims if x.outlier] == [1200]


def test_different_scope_from_fuzzy_matched_place():
    c = conflict([claim("a", "killed", 312, location="بيت حانون"),
                  claim("b", "killed", 312, location="بيت حانون"),
                  claim("c", "killed", 45, location="بيتحانون")], [doc(d, date="2024-03-01") for d in "abc"])
    assert c.cause == "different_scope"


def test_different_scope_when_one_article_gives_both_figures():
    # (a figure far below its own article's other one, 57 beside 30412, is a part of it and
    # not compared at all: reconciler._own_parts; one within own_part_ratio is compared)
    c = conflict([claim("a", "killed", 30412), claim("b", "killed", 30412),
                  claim("a", "killed", 12000)])
    assert c.cause == "different_scope"
    assert any("a itself gives both figures" in n for n in c.notes)


def test_plain_disagreement():
    c = conflict([claim("a", "killed", 30412), claim("b", "killed", 30412),
                  claim("c", "killed", 45000)])
    assert c.cause == "disagreement"
    assert c.severity == pytest.approx((45000 - 30412) / 45000, abs=1e-4)


def test_cause_order_is_data():
    docs = [doc("a", date="2024-03-01"), doc("b", date="2024-03-02")]
    claims = [claim("a", "displaced_abroad", 32471), claim("b", "displaced_abroad", 32417)]
    assert conflict(claims, docs).cause == "reporting_lag"
    typo_first = CFG.model_copy(update={"cause_order": ["likely_typo", "reporting_lag"]})
    assert conflict(claims, docs, typo_first).cause == "likely_typo"


@pytest.mark.parametrize("pair", CFG.unit_slack_examples.get("hit", []))
def test_unit_slack_examples_that_must_match(pair):
    from crosscheck.reconcile.causes import unit_slack

    kind, surface = pair
    assert unit_slack(kind, surface, CFG) >= 7


@pytest.mark.parametrize("pair", CFG.unit_slack_examples.get("miss", []))
def test_unit_slack_examples_that_must_not_match(pair):
    from crosscheck.reconcile.causes import unit_slack

    kind, surface = pair
    assert unit_slack(kind, surface, CFG) == 0


def test_about_six_weeks_against_47_days_is_soft_and_six_weeks_exact_hard():
    """"About six weeks" (42 days, precise to the week) against 47 days agree once the hedge is
    stretched by a week: a soft conflict.  Without the hedge, or 60 days against it, hard."""
    def clash(value, qualifier, surface, other):
        a = claim("a", "duration_days", value, qualifier, period="event", event="truce", location=None)
        a = a.model_copy(update={"surface": surface, "end": a.start + len(surface)})
        b = claim("b", "duration_days", other, period="event", event="truce", location=None)
        return conflict([a, b])

    assert clash(42, "approx", "نحو ستة أسابيع", 47).strength == "soft"
    assert clash(42, "exact", "ستة أسابيع", 47).strength == "hard"
    assert clash(42, "approx", "نحو ستة أسابيع", 60).strength == "hard"


def _plain_likely_typo(j, cfg):
    """The definition: the first (outlier, supporter) pair, in order, that looks mistyped."""
    from crosscheck.reconcile.causes import _as_int

    for o in j.outliers:
        a = _as_int(j.claims[o])
        if a is None:
            continue
        for s in j.supporters:
            b = _as_int(j.claims[s])
            if b is not None and digit_typo(a, b, cfg):
                return f"{a} vs {b}: {digit_typo(a, b, cfg)}"
    return None


def test_likely_typo_tries_each_pair_of_figures_once_and_answers_as_every_pair(monkeypatch):
    """A running total of many claims repeats its figures: each distinct (outlier, supporter)
    pair of figures is tried once, with the answer (and the pair named) of trying every pair."""
    import random

    from crosscheck.reconcile import causes

    rng = random.Random(5)
    calls = []
    real = causes.digit_typo
    monkeypatch.setattr(causes, "digit_typo", lambda a, b, cfg: calls.append((a, b)) or real(a, b, cfg))
    found = 0
    for trial in range(400):
        values = rng.choice([[1200, 1250, 1300, 2100, 120, 1210], [3456, 3465, 3500, 34560, 3400, "several"],
                             [77, 88, 99, 707]])
        claims = [claim(f"d{i}", "killed", rng.choice(values)) for i in range(rng.randint(2, 60))]
        idx = list(range(len(claims)))
        rng.shuffle(idx)
        cut = rng.randint(1, len(idx) - 1)
        j = causes.Judged(claims=claims, spans=[None] * len(claims), dates=[None] * len(claims),
                          outliers=idx[:cut], supporters=idx[cut:])
        calls.clear()
        got = causes._likely_typo(j, CFG)
        assert got == _plain_likely_typo(j, CFG), trial
        assert len(calls) == len(set(calls)), trial  # no pair of figures tried twice
        found += got is not None
    assert 50 < found < 350, found  # both answers common
