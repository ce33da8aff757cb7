"""Attackers counted (issue 8): suicide bombers are dead by what they did (rules/kinds/
killed_bombers.yaml), other attackers when a word of death types their figure; both are group
`attackers`, a part of all the dead, never the toll itself.  And a cue of death joined by "و"
right before a figure types it, not the cue of the figure before ("تحرير 126 رهينة ومقتل 3")."""

from __future__ import annotations

from crosscheck.extract.extractor import extract_text


def claims(text, kind="killed"):
    return sorted((c.value, c.group) for c in extract_text(text) if c.kind == kind)


def test_suicide_bombers_are_dead_without_a_cue():
    assert claims("وقال المحققون إن خمسة انتحاريين شاركوا في الهجمات المتزامنة") == [(5, "attackers")]
    assert claims("وأكدت الشرطة أن التفجير نفذه انتحاريان") == [(2, "attackers")]
    # ... but not the would-be bombers caught before they struck
    assert claims("وأعلنت الشرطة اعتقال أربعة انتحاريين قبل وصولهم إلى الملعب") == []


def test_attackers_killed_are_a_part_not_the_toll():
    got = claims("وقتل 19 شخصا في الهجوم على الفندق، بينهم المهاجمان")
    assert (19, "all") in got and (2, "attackers") in got
    assert claims("وقالت الشرطة إنها قتلت ستة مهاجمين في تبادل لإطلاق النار") == [(6, "attackers")]
    # attackers named with no word of death are no toll
    assert claims("وهاجم أربعة مهاجمين مركز الشرطة فجرا") == []


def test_a_cue_joined_by_waw_types_its_own_figure():
    text = "وأسفرت العملية عن تحرير 80 رهينة ومقتل 4 مهاجمين"
    assert claims(text, "hostages_released") == [(80, "all")]
    assert claims(text) == [(4, "attackers")]
