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

import importlib.util
from pathlib import Path

import pytest

from crosscheck.pipeline import analyse
from crosscheck.report.json import render_json

TESTS = Path(__file__).resolve().parent
ROOT = TESTS / "reconcile_blind_b"
SCORE_PY = TESTS.parents[1] / "shared" / "eval" / "score.py"

# 81 at the parts commit included judgement K ("dozens" vs 104), which passed only because the
# extractor then missed the vague claim the judgement names (it wrote "عشرات" as 20, the gold as
# 10).  Extraction now finds it, and K fails on the reconciler's side (its cluster also holds 800
# and 250): 80 is the same reconciler, one vacuous pass fewer.
JUDGEMENTS_FLOOR = 100  # of 143 (first figure 74/143)


def test_every_story_has_several_outlets():
    stories = [p for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert len(stories) >= 6
    assert all(len(list(s.glob("*.txt"))) >= 3 for s in stories)


def test_judgements_passed_stay_above_floor(tmp_path, capsys):
    if not SCORE_PY.exists():
        pytest.skip("../shared/eval/score.py not present")
    spec = importlib.util.spec_from_file_location("score", SCORE_PY)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    path = tmp_path / "report.json"
    path.write_text(render_json(analyse([str(ROOT)]).report()), encoding="utf-8")
    passed, total = score.score_report(str(path), str(ROOT / "judgements.jsonl"))
    with capsys.disabled():
        print(f"\nreconcile_blind_b judgements passed {passed}/{total}")
    assert passed >= JUDGEMENTS_FLOOR, f"judgements passed {passed}/{total} fell below {JUDGEMENTS_FLOOR}"
