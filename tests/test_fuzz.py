"""The fuzz campaign's bounded run (a few thousand inputs): no exception, text[start:end] ==
surface, the number span inside the claim span, and extraction work per character bounded
(counted, not timed).  The long run is tools/fuzz.py."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings

from crosscheck.extract.extractor import extract_text
from fuzz_inputs import check_invariants, counted_extract, random_text, texts


@settings(max_examples=1500, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(texts())
def test_fuzz_invariants(text):
    claims = extract_text(text)
    assert check_invariants(text, claims) == []


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(texts())
def test_fuzz_work_per_character_is_bounded(text):
    claims, work = counted_extract(text)
    assert check_invariants(text, claims, work) == []


def test_fuzz_random_generator():
    rng = random.Random(11)
    for _ in range(1500):
        text = random_text(rng)
        assert check_invariants(text, extract_text(text)) == []
