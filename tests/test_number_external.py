"""The number parser on peer test suites in ../shared/external (skipped when absent).

* Duckling, numeral dimension, locale AR: one match covering the whole (stripped) text with
  the expected value; the bar is 98%.
* Recognizers-Text Arabic NumberModel: the count-like matches must equal the expected
  (surface, value) list.  Some expectations are wrong for Arabic or contradict a documented
  rule of this project; they are listed with reasons in tests/number_corpus/
  recognizers_rejected.yaml (kind: wrong), next to the math-notation cases that news never
  uses (kind: out_of_scope).  The figures are printed; the asserted floors are the measured
  ones rounded down, so a regression fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.numbers.evaluate import (
    duckling_cases,
    load_rejections,
    recognizers_cases,
    score_duckling,
    score_recognizers,
)

HERE = Path(__file__).resolve().parent
EXTERNAL = HERE.parent.parent / "shared" / "external"
DUCKLING = EXTERNAL / "duckling_ar_numerals.jsonl"
RECOGNIZERS = EXTERNAL / "recognizers_ar_number.jsonl"
REJECTED = HERE / "number_corpus" / "recognizers_rejected.yaml"


@pytest.mark.skipif(not DUCKLING.exists(), reason="../shared/external not present")
def test_duckling_ar_numerals_full_span_at_least_98_percent():
    cases = duckling_cases(DUCKLING)
    assert len(cases) >= 150, "the AR numeral corpus looks truncated"
    ok, total, fails = score_duckling(cases)
    rate = ok / total
    print(f"\nduckling AR numerals: {ok}/{total} = {rate:.1%}")
    assert rate >= 0.98, "\n".join(fails)


@pytest.mark.skipif(not DUCKLING.exists(), reason="../shared/external not present")
def test_duckling_egyptian_numerals_are_mostly_read_too():
    # Not a requirement (dialect); a floor so that a regression shows.
    ok, total, fails = score_duckling(duckling_cases(DUCKLING, "AR_EG"))
    print(f"\nduckling AR_EG numerals: {ok}/{total} = {ok / total:.1%}")
    assert ok / total >= 0.80, "\n".join(fails)


def test_rejection_list_is_well_formed():
    rejected = load_rejections(REJECTED)
    assert rejected, "the rejection list is missing"
    for idx, (kind, reason) in rejected.items():
        assert kind in ("wrong", "out_of_scope") and len(reason) >= 5, idx


@pytest.mark.skipif(not RECOGNIZERS.exists(), reason="../shared/external not present")
def test_recognizers_number_model_figure():
    cases = recognizers_cases(RECOGNIZERS)
    rejected = load_rejections(REJECTED)
    known = {c.index for c in cases}
    assert set(rejected) <= known, "rejections name cases that do not exist"
    ok_all, n_all, _ = score_recognizers(cases, rejected, ("wrong",))
    ok_in, n_in, fails = score_recognizers(cases, rejected, ("wrong", "out_of_scope"))
    print(
        f"\nrecognizers NumberModel: {ok_all}/{n_all} = {ok_all / n_all:.1%} of usable cases, "
        f"{ok_in}/{n_in} = {ok_in / n_in:.1%} of in-scope cases"
    )
    # Measured 54% / 82%; the remaining in-scope failures are mostly "خمس" read as five
    # (it is a fifth only before a definite noun here), "ثمن"/"أثمان" (eighth, also "price")
    # left out on purpose, and dialect or glued forms.
    assert ok_in / n_in >= 0.78, "\n".join(fails)
    assert ok_all / n_all >= 0.50
