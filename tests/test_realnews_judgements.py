"""Conflict judgements on the real-news development corpora (tests/realnews, tests/realnews_e),
when their git-ignored caches of excerpts are present (.cache/<corpus>/, third-party text not in
the repository): the report crosscheck writes for the cached excerpts passes at least the floor.
Each floor sits at the figure measured; raise it as the reconciler improves, never lower it to
let a regression pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from blind_support import judgements_passed, shared_score

TESTS = Path(__file__).resolve().parent
CACHE = TESTS.parent / ".cache"

JUDGEMENTS_FLOOR = {
    # of 146 (session 17: first figure 92; 94 with votes linked by their figures; 93 once undated
    # figures told as a rising total are stages: three same-article disagreements read as growth,
    # against +3 on realnews_e and +10 on the held-out real-news sets; 92 once the dead of
    # 'ارتفاع حصيلة التفجير إلى N' are extracted, a gold claim: the reconciler then flags that rise
    # against the month-end toll, a growth it does not yet read as successive stages)
    "realnews": 92,
    "realnews_e": 83,  # of 132 (session 17: first figure 69; 80 with votes; 83 with rising totals)
}


@pytest.mark.parametrize("name", sorted(JUDGEMENTS_FLOOR))
def test_realnews_judgements_stay_above_floor(name, tmp_path, capsys):
    cache = CACHE / name
    if not cache.is_dir() or len(list(cache.glob("*.txt"))) < 50:
        pytest.skip(f"real-news cache .cache/{name}/ absent (third-party text, not in the repository)")
    shared_score()
    from crosscheck.pipeline import analyse
    from crosscheck.report.json import render_json

    passed, total = judgements_passed(render_json(analyse([str(cache)]).report()), TESTS / name, tmp_path,
                                      capsys, name)
    assert passed >= JUDGEMENTS_FLOOR[name], f"{name}: judgements passed {passed}/{total} fell below the floor"
