"""rules/periods.yaml `rise_words` / `earlier_stage_words`: the sentences that must and must
not tell a figure as a stage of a rising total (crosscheck.reconcile.running)."""

from __future__ import annotations

import pytest

from crosscheck.reconcile.running import tells_running
from crosscheck.ruleset.period_rules import period_rules

EX = period_rules().running_examples


@pytest.mark.parametrize("sentence", EX.hit)
def test_running_examples_that_must_match(sentence):
    assert tells_running(sentence)


@pytest.mark.parametrize("sentence", EX.miss)
def test_running_examples_that_must_not_match(sentence):
    assert not tells_running(sentence)


def test_rise_and_earlier_stage_are_told_apart():
    assert tells_running("وارتفعت الحصيلة إلى 52 قتيلا", "rise_words")
    assert not tells_running("وارتفعت الحصيلة إلى 52 قتيلا", "earlier_stage_words")
    assert tells_running("وكانت حصيلة أولية قد أشارت إلى 20 قتيلا", "earlier_stage_words")
    assert not tells_running("", "rise_words")


RIVAL = period_rules().rival_count_examples


@pytest.mark.parametrize("sentence", RIVAL.hit)
def test_rival_count_examples_that_must_match(sentence):
    assert tells_running(sentence, "rival_count_words")


@pytest.mark.parametrize("sentence", RIVAL.miss)
def test_rival_count_examples_that_must_not_match(sentence):
    assert not tells_running(sentence, "rival_count_words")


def test_a_figure_level_with_the_highest_is_no_earlier_stage():
    """An article's "1" beside its "more than 1" tells no growth (no figure of it is below its
    highest, so none can be an earlier stage), while "70" recalled as an earlier toll beside
    "147" does; the hypothesis invariants of test_reconciler found the first case read as a growth."""
    from test_reconciler_factory import claim

    from crosscheck.reconcile.intervals import claim_span
    from crosscheck.reconcile.running import tells_growth

    level = [claim("a", "injured", 1), claim("a", "injured", 1, "more_than")]
    assert not tells_growth([(claim_span(c), c) for c in level])
    earlier = claim("a", "killed", 70, sentence="وكانت حصيلة سابقة قد أشارت إلى 70 قتيلا")
    latest = claim("a", "killed", 147, sentence="قتل 147 شخصا")
    assert tells_growth([(claim_span(c), c) for c in (earlier, latest)])
