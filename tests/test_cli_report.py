"""`crosscheck report`, `clusters` and `show` through the CLI: output, files, exit codes.

Most tests replace `pipeline.analyse` with the hand-built sample analysis (so they test the
commands, not extraction); the bad-input tests use the real document loader.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import report_samples as samples
from crosscheck import pipeline
from crosscheck.cli import app
from crosscheck.report.json import parse_report

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


@pytest.fixture
def sample_analysis(monkeypatch):
    calls = []

    def fake_analyse(paths, progress=None, **_engine):
        calls.append(list(paths))
        for i in range(len(samples.DOCS)):
            if progress is not None:
                progress(i + 1, len(samples.DOCS))
        claims = [c for cl in samples.CLUSTERS for c in cl.claims]
        return pipeline.Analysis(samples.DOCS, claims, samples.CLUSTERS, _report=samples.report())

    monkeypatch.setattr(pipeline, "analyse", fake_analyse)
    return calls


# --------------------------------------------------------------------------- report


def test_report_writes_all_formats_and_prints_summary(sample_analysis, tmp_path):
    out = tmp_path / "rep"
    r = run("report", "docs/", "--out", out)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json", "report.md"]
    assert r.stdout.startswith("documents 3  claims 7  clusters 4 (conflict 2, consistent 1, single 1)\n")
    assert "top conflicts:\n  hostages_held-gaza" in r.stdout
    assert f"wrote {out / 'report.md'}, {out / 'report.html'}, {out / 'report.json'}" in r.stdout
    report = parse_report((out / "report.json").read_text(encoding="utf-8"))
    assert [c.id for c in report.clusters] == [c.id for c in samples.CLUSTERS]
    assert sample_analysis == [["docs/"]]


def test_report_single_format(sample_analysis, tmp_path):
    r = run("report", "x", "--out", tmp_path, "--format", "json")
    assert r.exit_code == 0, r.output
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_report_unknown_format_is_exit_2_and_writes_nothing(sample_analysis, tmp_path):
    out = tmp_path / "rep"
    r = run("report", "x", "--out", out, "--format", "md,pdf")
    assert r.exit_code == 2
    assert r.stderr.strip() == "crosscheck: error: --format: unknown format 'pdf'; use a comma-separated list of md, html, json, jsonl"
    assert not out.exists()
    assert sample_analysis == []  # rejected before any analysis


def test_report_out_is_a_file(sample_analysis, tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("keep me", encoding="utf-8")
    r = run("report", "x", "--out", target)
    assert r.exit_code == 2
    assert "--out must be a directory" in r.stderr and str(target) in r.stderr
    assert target.read_text(encoding="utf-8") == "keep me"


def test_report_progress_bar_on_stderr_when_asked(sample_analysis, tmp_path):
    r = run("report", "x", "--out", tmp_path, "--progress")
    assert r.exit_code == 0, r.output
    assert "extracting claims" in r.stderr
    quiet = run("report", "x", "--out", tmp_path / "q")
    assert quiet.exit_code == 0 and quiet.stderr == ""  # not a terminal, few documents


def test_report_bad_input_one_line_exit_2_nothing_written(tmp_path):
    out = tmp_path / "rep"
    missing = tmp_path / "nope.txt"
    r = run("report", missing, "--out", out)
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crosscheck: error:") and "nope.txt" in lines[0]
    assert "Traceback" not in r.output
    assert not out.exists()


def test_report_binary_input_keeps_previous_report(tmp_path):
    out = tmp_path / "rep"
    out.mkdir()
    (out / "report.md").write_text("previous", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\xff\xfe binary")
    r = run("report", bad, "--out", out)
    assert r.exit_code == 2
    assert "bad.txt" in r.stderr
    assert (out / "report.md").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in out.iterdir()) == ["report.md"]  # no temp files left


# --------------------------------------------------------------------------- clusters


def test_clusters_lists_one_line_per_cluster(sample_analysis):
    r = run("clusters", "x")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == [c.id for c in samples.CLUSTERS]
    assert lines[0].split("\t")[1:] == [
        "killed", "group=all location=gaza period=cumulative", "a-news: > 33,000 | b-hostile: ≈ 30,000*", "conflict",
    ]


def test_clusters_filters(sample_analysis):
    r = run("clusters", "x", "--status", "conflict")
    assert [line.split("\t")[0] for line in r.stdout.splitlines()] == ["killed-gaza-cumulative", "hostages_held-gaza"]
    r = run("clusters", "x", "--kind", "killed", "--status", "single")
    assert r.stdout.splitlines() == ["killed-earlier\tkilled\tperiod=earlier\ta-news: 33,000\tsingle"]


def test_clusters_bad_filters_exit_2(sample_analysis):
    r = run("clusters", "x", "--kind", "kiled")
    assert r.exit_code == 2 and "did you mean 'killed'?" in r.stderr
    r = run("clusters", "x", "--status", "wrong")
    assert r.exit_code == 2 and "use one of conflict, consistent, single" in r.stderr
    assert r.stdout == ""


# --------------------------------------------------------------------------- show


def test_show_prints_the_cluster(sample_analysis):
    r = run("show", "killed-gaza-cumulative", "x")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("cluster killed-gaza-cumulative\n")
    assert "consensus 33,000" in r.stdout
    assert "إن أكثر من ⟦33 ألف⟧ شخص" in r.stdout
    assert "[2] b-hostile  date 2024-03-22  OUTLIER" in r.stdout
    assert "bounds (33,000, ∞)" in r.stdout


def test_show_typo_did_you_mean_exit_2(sample_analysis):
    r = run("show", "hostage_held-gaza", "x")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.strip() == (
        "crosscheck: error: no cluster 'hostage_held-gaza' in these documents; did you mean 'hostages_held-gaza'?"
    )


def test_show_needs_paths():
    r = run("show", "some-id")
    assert r.exit_code == 2


# --------------------------------------------------------------------------- real pipeline

HAVE_PIPELINE = all(importlib.util.find_spec(m) for m in ("crosscheck.extract.extractor", "crosscheck.reconcile.reconciler"))


@pytest.mark.skipif(not HAVE_PIPELINE, reason="extractor/reconciler not in this checkout yet")
def test_real_pipeline_ids_are_stable_and_show_works(tmp_path):
    first = run("clusters", ROOT / "fixtures")
    assert first.exit_code == 0, first.output
    second = run("clusters", ROOT / "fixtures")
    assert first.stdout == second.stdout and first.stdout
    cid = first.stdout.splitlines()[0].split("\t")[0]
    shown = run("show", cid, ROOT / "fixtures")
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith(f"cluster {cid}\n")
    assert "⟦" in shown.stdout
    r = run("report", ROOT / "fixtures", "--out", tmp_path, "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert cid in [c["id"] for c in data["clusters"]]
