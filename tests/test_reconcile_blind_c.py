"""The third blind reconciler set (C): six more stories, kept as an independent check.

`tests/reconcile_blind_c/` was written by an author who did not read the code, after the first
two sets, in the style of real outlets (datelines, a headline figure repeated in the lead,
officials quoted, running totals, a city's toll beside the country's, tallies written in varied
ways): the Herat earthquake 2023, the Sulawesi tsunami 2018, the Rohingya exodus with UN votes,
Cyclone Freddy in Malawi and Mozambique, COVID-19 in Iraq, and Libya 2011 (resolutions 1970 and
1973).  No developer tuned rules or code on it: its figure estimates how the reconciler does on
stories it has not seen.  `gold.jsonl` and `judgements.jsonl` follow the shared formats; never
edit them to fit the code.

Measured: judgements 58/113 on main when the set was written (first figure), 71/113 with
periods, basis, parts and wholes and vote occurrences.  The floor sits at the measured figure;
raise it as the reconciler improves, never lower it to make a regression pass.
"""

from __future__ import annotations

from pathlib import Path

from blind_support import blind_set_passed, stories

ROOT = Path(__file__).resolve().parent / "reconcile_blind_c"

JUDGEMENTS_FLOOR = 71  # of 113 (first figure 58/113)


def test_every_story_has_several_outlets():
    found = stories(ROOT)
    assert len(found) >= 6
    assert all(len(list(s.glob("*.txt"))) >= 3 for s in found)


def test_judgements_passed_stay_above_floor(tmp_path, capsys):
    passed, total = blind_set_passed(ROOT, tmp_path, capsys)
    assert passed >= JUDGEMENTS_FLOOR, f"judgements passed {passed}/{total} fell below {JUDGEMENTS_FLOOR}"
