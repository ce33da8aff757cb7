"""The real-news development corpus (tests/realnews/): recipe and gold are well-formed, and,
when the git-ignored cache of excerpts is present, extraction stays above its floor.

The excerpts are third-party text and are not in the repository (see tools/realnews.py); the
tests that need them skip when `.cache/realnews/` is absent, so a fresh clone stays green.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from crosscheck.evaluate import SCORED_KINDS

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
CORPUS = TESTS / "realnews"
QUALIFIERS = {"exact", "approx", "more_than", "at_least", "less_than", "at_most", "range", "vague"}
EVENT_TYPES = {"war_attack", "disaster", "epidemic", "displacement", "un_vote", "exchange", "accident"}
# F1 floor on the cached corpus: a few points under the figure measured (see the closing note
# of issue 9); raise it as extraction improves, never lower it to let a regression pass.
F1_FLOOR = 0.88


def _tool():
    spec = importlib.util.spec_from_file_location("realnews_tool", ROOT / "tools" / "realnews.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def _jsonl(name: str) -> list[dict]:
    with (CORPUS / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module")
def recipe():
    return _jsonl("recipe.jsonl")


@pytest.fixture(scope="module")
def gold():
    return _jsonl("gold.jsonl")


def test_recipe_items_have_unique_ids_hashes_and_sources(recipe):
    ids = [r["id"] for r in recipe]
    assert len(recipe) >= 200 and len(set(ids)) == len(ids)
    for r in recipe:
        assert re.fullmatch(r"[A-Za-z0-9_\-]+", r["id"]), r["id"]
        assert re.fullmatch(r"[0-9a-f]{64}", r["sha256"]), r["id"]
        assert r["url"].startswith(("http://", "https://")) and r["query"].strip(), r["id"]
        assert r["event_type"] in EVENT_TYPES and r["event"], r["id"]
    # the corpus spans many events of several types, as the issue asks
    assert len({r["event"] for r in recipe}) >= 20
    assert len({r["event_type"] for r in recipe}) >= 6


def test_gold_lines_name_recipe_items_and_quote_a_short_surface(recipe, gold):
    ids = {r["id"] for r in recipe}
    assert len(gold) >= 500
    for g in gold:
        where = f"{g['doc']} {g['kind']} {g['value']}"
        assert g["doc"] in ids, where
        assert g["kind"] in SCORED_KINDS or g["kind"] == "other", where
        assert g["qualifier"] in QUALIFIERS, where
        assert isinstance(g["value"], (int, float)) and g["value"] >= 0, where
        assert isinstance(g["surface"], str) and g["surface"].strip(), where
        assert len(g["surface"]) <= 120, where


def test_gold_ranges_come_as_pairs_of_ends(gold):
    ranges = Counter((g["doc"], g["kind"], g["surface"]) for g in gold if g["qualifier"] == "range")
    assert all(n == 2 for n in ranges.values()), ranges


def test_tool_says_when_the_cache_is_missing_and_exits_0(tmp_path, capsys):
    rc = _tool().main(["--cache", str(tmp_path / "absent")])
    out = capsys.readouterr().out
    assert rc == 0 and "cache not found" in out and "nothing scored" in out


def test_tool_leaves_out_an_excerpt_whose_hash_differs(recipe, tmp_path):
    tool = _tool()
    item = recipe[0]
    (tmp_path / f"{item['id']}.txt").write_text(f"---\nid: {item['id']}\n---\nنص آخر تماما\n", encoding="utf-8")
    checked = tool.check_cache(recipe[:2], tmp_path)
    assert checked.altered == [item["id"]] and checked.missing == [recipe[1]["id"]] and not checked.ok


def test_excerpt_body_is_the_text_after_the_front_matter():
    tool = _tool()
    assert tool.excerpt_body("---\nid: x\nurl: u\n---\nنص\n---\nبقية") == "نص\n---\nبقية"
    assert tool.excerpt_body("بلا ترويسة") == "بلا ترويسة"


@pytest.fixture(scope="module")
def cached():
    tool = _tool()
    if not tool.CACHE.is_dir() or not any(tool.CACHE.glob("*.txt")):
        pytest.skip("real-news cache .cache/realnews/ absent (third-party text, not in the repository)")
    return tool, tool.check_cache(_jsonl("recipe.jsonl"), tool.CACHE)


def test_cached_gold_surfaces_are_in_their_excerpts(cached, gold):
    tool, checked = cached
    texts = {p.stem: tool.excerpt_body(p.read_text(encoding="utf-8")) for p in checked.ok}
    for g in gold:
        if g["doc"] in texts:
            assert g["surface"] in texts[g["doc"]], f"{g['doc']}: {g['surface']}"


def test_extraction_f1_on_cached_corpus_stays_above_floor(cached, gold):
    from crosscheck.evaluate import evaluate
    from crosscheck.extract.extractor import extract
    from crosscheck.text.documents import load_documents

    _tool_mod, checked = cached
    if len(checked.ok) < 200:
        pytest.skip(f"only {len(checked.ok)} cached excerpts match the recipe")
    documents = load_documents([str(p) for p in checked.ok])
    ids = {d.id for d in documents}
    claims = [c for d in documents for c in extract(d)]
    result = evaluate(claims, [g for g in gold if g["doc"] in ids])
    print(f"\nrealnews P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f}")
    assert result.f1 >= F1_FLOOR
