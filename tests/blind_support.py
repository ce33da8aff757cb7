"""Shared by the blind-set tests: the project's scorer (../shared/eval/score.py, loaded once) and
a set's judgements scored on the report crosscheck writes for it."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SCORE_PY = TESTS.parents[1] / "shared" / "eval" / "score.py"


@lru_cache(maxsize=1)
def _load_score():
    spec = importlib.util.spec_from_file_location("score", SCORE_PY)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score


def shared_score():
    """The shared scorer module; the calling test is skipped when ../shared is not beside us."""
    if not SCORE_PY.is_file():
        pytest.skip("../shared/eval/score.py not present")
    return _load_score()


def stories(root: Path) -> list[Path]:
    """A blind set's story folders (hidden build folders left out)."""
    return [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]


def judgements_passed(report_json: str, root: Path, tmp_path: Path, capsys, name: str) -> tuple[int, int]:
    """(passed, total) of root/judgements.jsonl on this report JSON, printed under `name`."""
    score = shared_score()
    path = tmp_path / "report.json"
    path.write_text(report_json, encoding="utf-8")
    passed, total = score.score_report(str(path), str(root / "judgements.jsonl"))
    with capsys.disabled():
        print(f"\n{name} judgements passed {passed}/{total}")
    return passed, total


def blind_set_passed(root: Path, tmp_path: Path, capsys) -> tuple[int, int]:
    """(passed, total) of a blind set's judgements on crosscheck's report of the set."""
    from crosscheck.pipeline import analyse
    from crosscheck.report.json import render_json

    shared_score()  # skip before the costly analysis when ../shared is missing
    return judgements_passed(render_json(analyse([str(root)]).report()), root, tmp_path, capsys, root.name)
