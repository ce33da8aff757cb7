"""The second blind reconciler set (B): six more stories told by several outlets over days.

`tests/reconcile_blind_b/` was written, like set A (`tests/reconcile_blind/`), by an author who
did not read the code: the Iran-Iraq earthquake (combined totals "في البلدين", a town above the
national toll), cholera in Yemen, Lebanon 2006 (governorate, district and country), UN votes on
Ukraine, a Yemen prisoner swap, and Security Council votes on Syrian cross-border aid.
`gold.jsonl` and `judgements.jsonl` follow the shared formats; never edit them to fit the code.

Measured: judgements 74/143 on main before the parts-and-wholes work (first figure), 81/143 at
commit, 100/143 with periods, basis and vote occurrences.  The floor sits at the measured figure; raise it as the
reconciler improves, never lower it to make a regression pass.
"""

from __future__ import annotations

from pathlib import Path

from blind_support import blind_set_passed, stories

ROOT = Path(__file__).resolve().parent / "reconcile_blind_b"

# 81 at the parts commit included judgement K ("dozens" vs 104), which passed only because the
# extractor then missed the vague claim the judgement names (it wrote "عشرات" as 20, the gold as
# 10).  Extraction now finds it, and K fails on the reconciler's side (its cluster also holds 800
# and 250): 80 is the same reconciler, one vacuous pass fewer.
JUDGEMENTS_FLOOR = 100  # of 143 (first figure 74/143)


def test_every_story_has_several_outlets():
    found = stories(ROOT)
    assert len(found) >= 6
    assert all(len(list(s.glob("*.txt"))) >= 3 for s in found)


def test_judgements_passed_stay_above_floor(tmp_path, capsys):
    passed, total = blind_set_passed(ROOT, tmp_path, capsys)
    assert passed >= JUDGEMENTS_FLOOR, f"judgements passed {passed}/{total} fell below {JUDGEMENTS_FLOOR}"
