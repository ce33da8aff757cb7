"""tools/conflict_failures.py: failing judgements get one cause each (conflict and, with --agree, agree)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "conflict_failures", Path(__file__).resolve().parents[1] / "tools" / "conflict_failures.py")
cf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cf)


def _m(doc, kind, value, surface="", outlier=False, as_of="2024-01-01"):
    return {"doc": doc, "kind": kind, "value": value, "surface": surface, "outlier": outlier, "as_of": as_of}


def _cl(kind, status, claims, location="gaza"):
    return {"kind": kind, "status": status, "claims": claims,
            "key": {"group": "all", "location": location, "period": "cumulative", "event": None}}


REPORT = {"clusters": [
    _cl("killed", "consistent", [_m("d1", "killed", 10, "عشرة قتلى"), _m("d2", "killed", 10, "10 قتلى")]),
    _cl("killed", "conflict", [_m("d1", "killed", 40, "40 قتيلا"), _m("d3", "killed", 41, "41 قتيلا"),
                               _m("d4", "killed", 90, "90 قتيلا", outlier=True)]),
    _cl("injured", "consistent", [_m("d5", "injured", 7, "سبعة جرحى")], location="rafah"),
    _cl("injured", "consistent", [_m("d6", "injured", 7, "7 جرحى")], location=None),
    _cl("missing", "consistent", [_m("d7", "missing", 12, "12 مفقودا")]),
    _cl("killed", "consistent", [_m("d8", "killed", 300, "300 قتيل")]),
]}
GOLD = [{"doc": "d8", "kind": "killed", "value": 350, "surface": "نحو 300 قتيل"},
        {"doc": "d7", "kind": "killed", "value": 12, "surface": "12 قتيلا"},
        {"doc": "d9", "kind": "killed", "value": 5, "surface": "خمسة قتلى"}]


def _j(a, b, verdict="agree", why=""):
    return {"claims": [list(a), list(b)], "verdict": verdict, "why": why}


def test_agree_causes():
    js = [
        _j(("d1", "killed", 10), ("d2", "killed", 10), why="pass: one consistent cluster"),
        _j(("d1", "killed", 40), ("d3", "killed", 41), why="pass: both kept in a conflict"),
        _j(("d1", "killed", 40), ("d4", "killed", 90), why="outlier"),
        _j(("d5", "injured", 7), ("d6", "injured", 7), why="split"),
        _j(("d1", "killed", 10), ("d7", "killed", 12), why="kind"),
        _j(("d1", "killed", 10), ("d8", "killed", 350), why="value"),
        _j(("d1", "killed", 10), ("d9", "killed", 5), why="missed"),
        _j(("d1", "killed", 40), ("d3", "killed", 99), verdict="conflict", why="not an agreement"),
    ]
    got = {j["why"]: cause for cause, j in cf.classify(REPORT, js, "agree", GOLD)}
    assert got == {"outlier": "same:one_outlier", "split": "split:location(unplaced)",
                   "kind": "not_extracted(other_kind)", "value": "not_extracted(other_value)",
                   "missed": "not_extracted(missed)"}


def test_conflict_causes_unchanged_without_gold():
    js = [_j(("d1", "killed", 40), ("d3", "killed", 41), verdict="conflict", why="pass"),
          _j(("d1", "killed", 10), ("d9", "killed", 5), verdict="conflict", why="missed"),
          _j(("d1", "killed", 10), ("d2", "killed", 10), verdict="conflict", why="same")]
    got = {j["why"]: cause for cause, j in cf.classify(REPORT, js)}
    assert got == {"missed": "not_extracted", "same": "same:kept_same_day"}


def test_cli_reads_gold_beside_judgements(tmp_path, capsys):
    (tmp_path / "report.json").write_text(json.dumps(REPORT), encoding="utf-8")
    (tmp_path / "judgements.jsonl").write_text(
        json.dumps(_j(("d1", "killed", 10), ("d8", "killed", 350))) + "\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(g) for g in GOLD), encoding="utf-8")
    assert cf.main([str(tmp_path / "report.json"), str(tmp_path / "judgements.jsonl"), "--agree"]) == 0
    out = capsys.readouterr().out
    assert "1 not_extracted(other_value)" in out and "1 failing agree judgements" in out
    assert cf.main([str(tmp_path / "nope.json"), str(tmp_path / "judgements.jsonl")]) == 2


def test_ancestors_walk_the_whole_chain():
    # a city's grandparent is within reach: Sinjar -> Nineveh -> Iraq is region-country, not unrelated
    parents = {"sinjar": "nineveh", "nineveh": "iraq"}
    assert cf._ancestors("sinjar", parents) == {"nineveh", "iraq"}
    assert cf._ancestors("iraq", parents) == set()
