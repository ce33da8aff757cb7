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
