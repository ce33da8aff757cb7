"""The JSON report: the machine contract (keys, schema, determinism)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import report_samples as samples
from crosscheck.errors import InputError
from crosscheck.models import Report
from crosscheck.report.json import SCHEMA_PATH, main, parse_report, render_json, schema_json

ROOT = Path(__file__).resolve().parents[1]

EXTRACT_CLAIM_KEYS = {
    "doc", "kind", "value", "low", "high", "qualifier", "group", "location", "period", "event",
    "attribution", "start", "end", "surface", "sentence", "rule",
}


def test_top_level_document_and_cluster_keys():
    data = json.loads(render_json(samples.report()))
    assert data["version"] == 2
    assert list(data) == ["version", "documents", "clusters", "inconsistencies"]
    for doc in data["documents"]:
        assert {"id", "path", "date", "source", "url", "sha256"} <= set(doc)
    assert [c["id"] for c in data["clusters"]] == [c.id for c in samples.CLUSTERS]
    for cluster in data["clusters"]:
        assert {"id", "kind", "key", "status", "severity", "cause", "consensus", "claims",
                "strength", "trajectory"} <= set(cluster)
        assert cluster["status"] in ("conflict", "consistent", "single")


def test_every_claim_has_all_extract_keys_plus_outlier():
    data = json.loads(render_json(samples.report()))
    claims = [c for cl in data["clusters"] for c in cl["claims"]]
    assert len(claims) == 7
    for c in claims:
        missing = (EXTRACT_CLAIM_KEYS | {"outlier"}) - set(c)
        assert not missing, missing
        assert isinstance(c["outlier"], bool)
    outliers = [(c["doc"], c["value"]) for c in claims if c["outlier"]]
    assert outliers == [("b-hostile", 30000)]


def test_consensus_is_interval_or_null():
    data = json.loads(render_json(samples.report()))
    by_id = {c["id"]: c for c in data["clusters"]}
    assert by_id["killed-gaza-cumulative"]["consensus"] == {"low": 33000.0, "high": 33000.0}
    assert by_id["hostages_held-gaza"]["consensus"] is None
    assert by_id["displaced-gaza"]["consensus"] == {"low": 1000000.0, "high": None}


def test_offsets_survive_into_json():
    data = json.loads(render_json(samples.report()))
    texts = samples.texts()
    for cl in data["clusters"]:
        for c in cl["claims"]:
            assert texts[c["doc"]][c["start"] : c["end"]] == c["surface"]


def test_arabic_is_written_as_utf8_not_escapes():
    text = render_json(samples.report())
    assert "أكثر من 33 ألف شخص" in text
    assert "\\u0623" not in text
    assert text.endswith("\n")


def test_render_is_deterministic_and_round_trips():
    first = render_json(samples.report())
    assert render_json(samples.report()) == first
    again = parse_report(first)
    assert isinstance(again, Report)
    assert render_json(again) == first


def test_produced_report_validates_against_the_model():
    Report.model_validate_json(render_json(samples.report()))  # raises if invalid
    bad = json.loads(render_json(samples.report()))
    bad["clusters"][0]["status"] = "maybe"
    with pytest.raises(InputError, match="not a valid crosscheck report"):
        parse_report(json.dumps(bad), name="x.json")


def test_parse_report_names_the_file_on_garbage():
    with pytest.raises(InputError, match=r"^broken\.json: not a valid crosscheck report"):
        parse_report("{not json", name="broken.json")


def test_published_schema_is_current():
    path = ROOT / SCHEMA_PATH
    assert path.exists(), f"missing {SCHEMA_PATH}; run: python -m crosscheck.report.json"
    assert path.read_text(encoding="utf-8") == schema_json(), (
        f"{SCHEMA_PATH} is stale; regenerate with: python -m crosscheck.report.json"
    )


def test_schema_describes_the_contract():
    schema = json.loads(schema_json())
    assert set(schema["required"]) >= {"documents", "clusters"}
    cluster_claim = schema["$defs"]["ClusterClaim"]["properties"]
    assert (EXTRACT_CLAIM_KEYS | {"outlier"}) <= set(cluster_claim)
    status = schema["$defs"]["Cluster"]["properties"]["status"]
    assert set(status["enum"]) == {"conflict", "consistent", "single"}


def test_schema_script_writes_the_file(tmp_path, capsys):
    target = tmp_path / "schema.json"
    assert main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema_json()
    assert str(target) in capsys.readouterr().out


def test_committed_fixture_report_validates():
    path = ROOT / "reports" / "report.json"
    if not path.exists():
        pytest.skip("reports/report.json not generated yet")
    report = parse_report(path.read_text(encoding="utf-8"), name=str(path))
    assert {d.id for d in report.documents} == {p.stem for p in (ROOT / "fixtures").glob("*.txt")}


def test_shared_scorer_reads_our_report(tmp_path):
    import subprocess
    import sys

    scorer = ROOT.parent / "shared" / "eval" / "score.py"
    if not scorer.exists():
        pytest.skip("../shared is not beside the checkout")
    report = tmp_path / "report.json"
    report.write_text(render_json(samples.report()), encoding="utf-8")
    judgements = tmp_path / "j.jsonl"
    judgements.write_text(
        json.dumps({"claims": [["a-news", "killed", 33000], ["b-hostile", "killed", 30000]], "verdict": "conflict", "why": "w"}) + "\n"
        + json.dumps({"claims": [["b-hostile", "displaced", 1000000], ["c-wire", "displaced", 1000000]], "verdict": "agree", "why": "w"}) + "\n",
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, str(scorer), "report", str(report), str(judgements)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "judgements passed 2/2" in run.stdout
