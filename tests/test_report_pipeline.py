"""`crosscheck.pipeline`: analyse (with progress), report rendering and writing."""

from __future__ import annotations

import sys
import types

import pytest

import report_samples as samples
from crosscheck import pipeline
from crosscheck.errors import CrosscheckError
from crosscheck.models import Claim, Cluster, Report, ReportDocument


def _fake_extract(document):
    at = document.text.index("ا")
    return [Claim(doc=document.id, kind="other", value=1, start=at, end=at + 1, surface="ا", rule="fake")]


def _fake_reconcile(claims, documents):
    return [
        Cluster(id=f"c{i}", kind=c.kind, key={}, status="single", claims=[c.model_dump()])
        for i, c in enumerate(claims)
    ]


def _fake_build_report(documents, clusters):
    docs = [ReportDocument(id=d.id, path=d.path, sha256=d.sha256) for d in documents]
    return Report(documents=docs, clusters=clusters)


@pytest.fixture
def fake_stages(monkeypatch):
    ext = types.ModuleType("crosscheck.extract.extractor")
    ext.extract = _fake_extract
    rec = types.ModuleType("crosscheck.reconcile.reconciler")
    rec.reconcile = _fake_reconcile
    rec.build_report = _fake_build_report
    monkeypatch.setitem(sys.modules, "crosscheck.extract.extractor", ext)
    monkeypatch.setitem(sys.modules, "crosscheck.reconcile.reconciler", rec)


def _articles(tmp_path, n):
    for i in range(n):
        (tmp_path / f"{i:02d}.txt").write_text(f"مقال رقم {i}\n", encoding="utf-8")
    return tmp_path


def test_analyse_runs_every_stage_and_reports_progress(fake_stages, tmp_path):
    seen = []
    analysis = pipeline.analyse([str(_articles(tmp_path, 3))], progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert [d.id for d in analysis.documents] == ["00", "01", "02"]
    assert [c.doc for c in analysis.claims] == ["00", "01", "02"]
    assert [c.id for c in analysis.clusters] == ["c0", "c1", "c2"]
    assert analysis.texts["01"] == "مقال رقم 1\n"
    report = analysis.report()
    assert report is analysis.report()  # built once
    assert [d.id for d in report.documents] == ["00", "01", "02"]


def test_write_reports_writes_each_requested_file(fake_stages, tmp_path):
    (tmp_path / "in").mkdir()
    analysis = pipeline.analyse([str(_articles(tmp_path / "in", 2))])
    written = pipeline.write_reports(analysis, tmp_path / "out", ("json", "md"))
    assert [p.name for p in written] == ["report.md", "report.json"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.json", "report.md"]


def test_write_reports_renders_everything_before_writing(monkeypatch, tmp_path):
    import crosscheck.report.html as report_html

    def broken(*args, **kwargs):
        raise CrosscheckError("html renderer failed")

    monkeypatch.setattr(report_html, "render_html_pages", broken)  # what the pipeline renders pages with
    analysis = pipeline.Analysis(samples.DOCS, [], samples.CLUSTERS, _report=samples.report())
    with pytest.raises(CrosscheckError, match="html renderer failed"):
        pipeline.write_reports(analysis, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # not even report.md was written


def test_render_reports_names_and_content():
    files = pipeline.render_reports(samples.report(), ("html", "json", "md"), samples.texts())
    assert list(files) == ["report.md", "report.html", "report.json"]
    assert files["report.md"].startswith("# تقرير crosscheck")  # the default language, as the HTML
    assert files["report.html"].startswith("<!DOCTYPE html>")
    assert '"version": 2' in files["report.json"]
