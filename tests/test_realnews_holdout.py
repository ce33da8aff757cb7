"""The held-out real-news set (tests/realnews_holdout/) is well-formed and shares no event and
no excerpt with the development corpus (tests/realnews/), so its figure stays an honest
estimate for unseen news."""

from __future__ import annotations

import json
import re
from pathlib import Path

from crosscheck.evaluate import SCORED_KINDS

TESTS = Path(__file__).resolve().parent


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


HOLDOUT = _jsonl(TESTS / "realnews_holdout" / "recipe.jsonl")
DEV = _jsonl(TESTS / "realnews" / "recipe.jsonl")


def test_holdout_recipe_is_well_formed_and_varied():
    ids = [r["id"] for r in HOLDOUT]
    assert len(ids) == len(set(ids)) >= 80
    for r in HOLDOUT:
        assert re.fullmatch(r"[0-9a-f]{64}", r["sha256"]) and r["url"].startswith("http"), r["id"]
    assert len({r["event"] for r in HOLDOUT}) >= 15
    assert len({r["event_type"] for r in HOLDOUT}) == 7


def test_holdout_shares_no_event_url_or_excerpt_with_the_development_corpus():
    for key in ("event", "url", "sha256", "id"):
        shared = {r[key] for r in HOLDOUT} & {r[key] for r in DEV}
        assert not shared, (key, sorted(shared)[:5])


def test_holdout_gold_and_judgements_name_its_own_items():
    ids = {r["id"] for r in HOLDOUT}
    gold = _jsonl(TESTS / "realnews_holdout" / "gold.jsonl")
    assert len(gold) >= 300
    for g in gold:
        assert g["doc"] in ids and (g["kind"] in SCORED_KINDS or g["kind"] == "other"), g
        assert g["surface"].strip(), g
    keys = {(g["doc"], g["kind"], g["value"]) for g in gold}
    for j in _jsonl(TESTS / "realnews_holdout" / "judgements.jsonl"):
        assert j["verdict"] in ("conflict", "no_conflict", "agree"), j
        assert all(tuple(c) in keys for c in j["claims"]), j
