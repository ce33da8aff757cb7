"""The held-out real-news sets (tests/realnews_holdout/, tests/realnews_holdout2/, tests/realnews_f/) and the second
development set (tests/realnews_e/) are well-formed and share no event and no excerpt with the
development corpus (tests/realnews/) or with each other, so the held-out figures stay honest
estimates for unseen news."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from crosscheck.evaluate import SCORED_KINDS

TESTS = Path(__file__).resolve().parent


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# realnews_e is a second development set (tuned on from session 5): checked for form and overlap here too
SETS = ("realnews_holdout", "realnews_holdout2", "realnews_e", "realnews_f")
# realnews_f (session 17) holds 14 events; the others at least 15
MIN_EVENTS = {"realnews_f": 14}


def _recipe(name: str) -> list[dict]:
    return _jsonl(TESTS / name / "recipe.jsonl")


@pytest.mark.parametrize("name", SETS)
def test_holdout_recipe_is_well_formed_and_varied(name):
    recipe = _recipe(name)
    ids = [r["id"] for r in recipe]
    assert len(ids) == len(set(ids)) >= 80
    for r in recipe:
        assert re.fullmatch(r"[0-9a-f]{64}", r["sha256"]) and r["url"].startswith("http"), r["id"]
    assert len({r["event"] for r in recipe}) >= MIN_EVENTS.get(name, 15)
    assert len({r["event_type"] for r in recipe}) == 7


@pytest.mark.parametrize("name,other", [("realnews_holdout", "realnews"),
                                        ("realnews_holdout2", "realnews"),
                                        ("realnews_holdout2", "realnews_holdout"),
                                        ("realnews_holdout", "realnews_e"),
                                        ("realnews_holdout2", "realnews_e"),
                                        ("realnews_e", "realnews"),
                                        ("realnews_f", "realnews"),
                                        ("realnews_f", "realnews_e"),
                                        ("realnews_f", "realnews_holdout"),
                                        ("realnews_f", "realnews_holdout2")])
def test_holdout_shares_no_event_url_or_excerpt_with_another_set(name, other):
    recipe, against = _recipe(name), _recipe(other)
    for key in ("event", "url", "sha256", "id"):
        shared = {r[key] for r in recipe} & {r[key] for r in against}
        assert not shared, (key, sorted(shared)[:5])


@pytest.mark.parametrize("name", SETS)
def test_holdout_gold_and_judgements_name_its_own_items(name):
    ids = {r["id"] for r in _recipe(name)}
    gold = _jsonl(TESTS / name / "gold.jsonl")
    assert len(gold) >= 300
    for g in gold:
        assert g["doc"] in ids and (g["kind"] in SCORED_KINDS or g["kind"] == "other"), g
        assert g["surface"].strip(), g
    keys = {(g["doc"], g["kind"], g["value"]) for g in gold}
    for j in _jsonl(TESTS / name / "judgements.jsonl"):
        assert j["verdict"] in ("conflict", "no_conflict", "agree"), j
        assert all(tuple(c) in keys for c in j["claims"]), j
