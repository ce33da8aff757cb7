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


def test_the_rules_directory_is_resolved_once_not_per_sentence(monkeypatch):
    # a check judges thousands of distinct sentences: each new one used to resolve the rules
    # directory's path again (Path.resolve: system calls) before reading its words
    from pathlib import Path

    from counting_support import count_calls

    from crosscheck.reconcile import running
    from crosscheck.ruleset import resources

    resources._resolved_abs.cache_clear()
    running._tells.cache_clear()
    resolves = count_calls(monkeypatch, Path, "resolve")
    told = [tells_running(f"وارتفعت الحصيلة في اليوم {k} إلى {k + 40} قتيلا") for k in range(60)]
    assert all(told)
    assert resolves[0] <= 1


def test_another_rules_directory_reads_the_sentence_again(tmp_path, monkeypatch):
    # the answer is kept per rules directory: a copy whose rise words lack "قفزت" says no
    import shutil

    import yaml

    from crosscheck.ruleset.resources import rules_dir

    sentence = "وقفزت الحصيلة إلى 52 قتيلا"
    monkeypatch.delenv("CROSSCHECK_RULES", raising=False)
    assert tells_running(sentence, "rise_words")
    private = tmp_path / "rules"
    shutil.copytree(rules_dir(), private)
    path = private / "periods.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["rise_words"] = [w for w in data["rise_words"] if w not in ("قفز", "قفزت")]
    data["running_examples"]["hit"] = [s for s in data["running_examples"]["hit"] if "قفز" not in s]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("CROSSCHECK_RULES", str(private))
    assert not tells_running(sentence, "rise_words")
