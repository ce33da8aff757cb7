"""`check --format sarif`: SARIF 2.1.0 structure, regions on the claim, content fingerprints."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import pytest

from crosscheck.ci.findings import RULES
from crosscheck.cli import app
from store_support import private_rules  # noqa: F401  (autouse fixture)
from store_support import run, article, ROOT, runner



def sarif(new: Path, *record: Path, extra=()) -> dict:
    r = runner.invoke(app, ["check", str(new), "--against", *map(str, record), "--format", "sarif", "--fail-on", "soft", *extra])
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def log() -> dict:
    return sarif(article("002"), article("000"), article("001"), article("003"))


def test_sarif_log_structure(log):
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "crosscheck"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == list(RULES) and len(set(ids)) == len(ids)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    assert run["results"], "002 holds two judged conflicts (killed, hostages held)"
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] == "error"
        assert res["message"]["text"]
        assert set(res["partialFingerprints"]) == {"crosscheckFinding/v1"}


def test_rule_ids_are_one_per_cause(log):
    for res in log["runs"][0]["results"]:
        cause = res["properties"]["cause"] or "disagreement"
        assert res["ruleId"] == "conflict-" + cause.replace("_", "-")


def test_regions_point_at_the_claim_surface(log):
    for res in log["runs"][0]["results"]:
        loc = res["locations"][0]["physicalLocation"]
        path = ROOT / unquote(loc["artifactLocation"]["uri"])
        assert path.resolve() == article("002").resolve()
        region = loc["region"]
        line = path.read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
        assert region["endLine"] == region["startLine"]
        # SARIF's endColumn is the column after the region.
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == res["properties"]["surface"]
        assert region["snippet"]["text"] == res["properties"]["surface"]


def test_fingerprints_survive_moved_text_and_change_with_content(tmp_path):
    new = article("002")
    text = new.read_text(encoding="utf-8")
    moved = tmp_path / new.name
    moved.write_text("سطر مضاف في الأعلى.\n\nوسطر آخر.\n" + text, encoding="utf-8")
    before = sarif(new, article("001"))["runs"][0]["results"]
    after = sarif(moved, article("001"))["runs"][0]["results"]
    assert before and len(before) == len(after)
    for b, a in zip(before, after):
        assert a["partialFingerprints"] == b["partialFingerprints"]
        ra = a["locations"][0]["physicalLocation"]["region"]
        rb = b["locations"][0]["physicalLocation"]["region"]
        assert ra["startLine"] == rb["startLine"] + 3
    # Another surface for the same claim is another finding: the fingerprint changes.
    surface = before[0]["properties"]["surface"]
    reworded = tmp_path / "reworded" / new.name
    reworded.parent.mkdir()
    reworded.write_text(text.replace(surface, surface.replace("200", "250")), encoding="utf-8")
    changed = sarif(reworded, article("001"))["runs"][0]["results"]
    assert changed
    assert {r["partialFingerprints"]["crosscheckFinding/v1"] for r in changed}.isdisjoint(
        {r["partialFingerprints"]["crosscheckFinding/v1"] for r in before})


def test_non_ascii_paths_are_percent_encoded(tmp_path):
    named = tmp_path / "مقال جديد.txt"
    named.write_bytes(article("002").read_bytes())
    res = sarif(named, article("001"))["runs"][0]["results"]
    assert res
    uri = res[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.isascii() and " " not in uri
    assert unquote(uri).endswith("مقال جديد.txt")


def test_baseline_suppressed_results_are_kept_with_a_suppression(tmp_path):
    base = tmp_path / "baseline.json"
    r = runner.invoke(app, ["baseline", "create", str(article("001")), str(article("002")), "-o", str(base)])
    assert r.exit_code == 0, r.output
    log = sarif(article("002"), article("001"), extra=["--baseline", str(base)])
    results = log["runs"][0]["results"]
    assert results and all(res["suppressions"][0]["kind"] == "external" for res in results)
