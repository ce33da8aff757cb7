"""A cluster whose members name its place in several forms says how they came together:
spellings a fuzzy match joins are "written differently (fuzzy match)"; different places that
a join brought into one cluster (a city into its country's cluster, the same figure at two
places) are not called a fuzzy match."""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile.grouping import Member, finish_groups
from crosscheck.reconcile.settings import ReconcileConfig


def _notes(places: list[str]) -> list[str]:
    cfg = ReconcileConfig()
    members = [Member(i, claim(f"d{i}", "killed", 40, location=p, period=None)) for i, p in enumerate(places)]
    key = ("killed", None) + tuple("x" if a == "location" else None for a in cfg.scope_attributes)
    (group,) = finish_groups({key: members}, cfg)  # one cluster, as a join leaves it
    return [n for n in group.notes if n.startswith("location")]


def test_spellings_of_one_name_are_a_fuzzy_match():
    (note,) = _notes(["مدينة خان يونس", "مدينة خانيونس"])
    assert note.endswith("(fuzzy match)") and "خانيونس" in note


def test_different_places_joined_are_not_called_a_fuzzy_match():
    notes = _notes(["واشنطن", "نيودلهي"])
    assert notes and not any("fuzzy match)" in n for n in notes)
    assert any(n.startswith("location differs:") and "clusters joined" in n for n in notes)


def test_both_when_a_joined_place_is_also_spelled_two_ways():
    notes = _notes(["مدينة خان يونس", "مدينة خانيونس", "نيودلهي"])
    fuzzy = [n for n in notes if n.endswith("(fuzzy match)")]
    assert len(fuzzy) == 1 and "نيودلهي" not in fuzzy[0]
    assert any("clusters joined" in n and "نيودلهي" in n for n in notes)
