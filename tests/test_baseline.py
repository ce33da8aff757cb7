"""Baselines: accept known conflicts by content, report stale entries, survive moved text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.ci.baseline import load_baseline
from crosscheck.errors import InputError
from store_support import private_rules  # noqa: F401  (autouse fixture)
from store_support import SOFT, run, article, ARTICLES



@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("bl") / "all.db"
    assert run("ingest", *ARTICLES, "--store", db).exit_code == 0
    return db


@pytest.fixture(scope="module")
def baseline(store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("blf") / "crosscheck-baseline.json"
    r = run("baseline", "create", "--store", store, "-o", out)
    assert r.exit_code == 0, r.output
    n = len(json.loads(out.read_text(encoding="utf-8"))["entries"])
    assert r.stdout.strip() == f"wrote {n} accepted discrepancies to {out}"
    return out


def findings(*args) -> tuple[int, dict]:
    r = run("check", *SOFT, *args, "--format", "json")
    assert r.exit_code in (0, 1), r.output
    return r.exit_code, json.loads(r.stdout)


def test_baseline_records_current_conflicts_by_content(store, baseline):
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["version"] == 1
    for e in data["entries"]:
        assert set(e) == {"cluster", "doc", "surface", "kind", "level"}  # no line numbers
    # Every conflict a check of each stored article reports is in the baseline.
    for a in ARTICLES:
        _code, res = findings(a, "--store", store)
        for f in res["findings"]:
            assert {"cluster": f["cluster"], "doc": f["doc"], "surface": f["surface"]} in [
                {k: e[k] for k in ("cluster", "doc", "surface")} for e in data["entries"]]


def test_baseline_silences_known_conflicts(store, baseline):
    code, res = findings(article("002"), "--store", store)
    assert code == 1 and res["findings"]
    code, res = findings(article("002"), "--store", store, "--baseline", baseline)
    assert code == 0
    assert res["findings"] == [] and res["suppressed"] and res["stale_baseline"] == []


def test_baseline_survives_moved_text(store, baseline, tmp_path):
    moved = tmp_path / article("002").name
    moved.write_text("\n\nسطر جديد في أعلى المقال.\n" + article("002").read_text(encoding="utf-8"), encoding="utf-8")
    code, res = findings(moved, "--store", store, "--baseline", baseline)
    assert code == 0 and res["findings"] == [] and res["suppressed"]


def test_a_new_conflicting_figure_is_not_silenced(store, baseline, tmp_path):
    """Changing the figure changes the surface: the baseline no longer covers it, and the old
    entry for that claim is reported as stale."""
    text = article("001").read_text(encoding="utf-8")
    data = json.loads(baseline.read_text(encoding="utf-8"))
    (entry,) = [e for e in data["entries"] if e["doc"] == article("001").stem and e["kind"] == "hostages_held"]
    assert entry["surface"] in text
    edited = tmp_path / article("001").name
    edited.write_text(text.replace(entry["surface"], entry["surface"].replace("100", "90")), encoding="utf-8")
    code, res = findings(edited, "--store", store, "--baseline", baseline)
    assert code == 1
    assert [f["kind"] for f in res["findings"]] == ["hostages_held"]
    assert {"cluster": entry["cluster"], "doc": entry["doc"], "surface": entry["surface"]} in res["stale_baseline"]
    text_out = run("check", *SOFT, edited, "--store", store, "--baseline", baseline).stdout
    assert f"{baseline}: stale baseline entry: cluster {entry['cluster']}" in text_out


def test_bad_baseline_files_are_clear_errors(tmp_path, store):
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    r = run("check", *SOFT, article("002"), "--store", store, "--baseline", bad)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith(f"crosscheck: error: {bad}: not valid JSON (line 1")
    bad.write_text(json.dumps({"version": 1, "entries": [{"cluster": "x"}]}), encoding="utf-8")
    with pytest.raises(InputError, match="entry 1 needs string fields"):
        load_baseline(bad)
    with pytest.raises(InputError, match="baseline file not found"):
        load_baseline(tmp_path / "missing.json")


def test_baseline_create_from_paths_needs_a_record(tmp_path):
    r = run("baseline", "create", "-o", tmp_path / "b.json")
    assert r.exit_code == 2 and "nothing to check against" in r.stderr
    assert not (tmp_path / "b.json").exists()
