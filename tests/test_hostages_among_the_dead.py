"""Hostages named as a part of a toll are of the toll's kind (issue 8, session 35; rules/scope.yaml
status_part_of): "أودى الهجوم بحياة 22 شخصا، هم 20 رهينة وشرطيان" says 20 of the dead were
hostages, not that 20 are held.  A part of captives stays captives.  Sentences are our own."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract_text


def _claims(text: str) -> list[tuple[str, float]]:
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


@pytest.mark.parametrize("text, want", [
    ("وأودى الهجوم على الفندق بحياة 17 شخصا، هم 15 رهينة وحارسان", [("killed", 17), ("killed", 15), ("killed", 2)]),
    ("وأودى الهجوم على الفندق بحياة 17 شخصا، بينهم 15 رهينة", [("killed", 17), ("killed", 15)]),
    ("وأصيب في الاقتحام 9 أشخاص، بينهم 6 رهائن", [("injured", 9), ("injured", 6)]),
])
def test_hostages_among_a_toll_are_of_its_kind(text, want):
    assert _claims(text) == want


def test_a_part_of_captives_stays_captives():
    assert _claims("وخطف المسلحون 30 شخصا، بينهم 8 رهائن أجانب") == [("hostages_held", 30), ("hostages_held", 8)]


def test_hostages_held_beside_a_toll_of_their_own_stay_held():
    claims = _claims("وقتل المسلحون 5 حراس، في حين لا يزالون يحتجزون 12 رهينة داخل المبنى")
    assert ("hostages_held", 12) in claims
