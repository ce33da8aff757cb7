"""The claim store in Datasette: the views database, and `crosscheck serve` on loopback.

The views database is checked directly (tables, foreign keys, views, full-text search); the
server is started once on a free loopback port, and its cluster page is read over HTTP and
in Chromium.  Needs Datasette (the test and serve extras); CI installs the test extra.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from crosscheck.store.views_db import build_views_db, views_metadata

ROOT = Path(__file__).resolve().parents[1]

try:
    import datasette  # noqa: F401
except ImportError:  # pragma: no cover - the test extra has it
    datasette = None


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "store.db"
    from crosscheck.store.sqlite_store import ingest

    ingest([str(ROOT / "tests" / "multisource")], path)
    return path


@pytest.fixture(scope="module")
def views(store, tmp_path_factory):
    out = tmp_path_factory.mktemp("views") / "crosscheck.db"
    counts = build_views_db(store, out)
    return out, counts


def _q(db, sql, *args):
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, args).fetchall()


def test_views_database_holds_the_analysis(store, views):
    db, counts = views
    from crosscheck.store.sqlite_store import analyse_store

    analysis = analyse_store(store)
    assert counts["documents"] == len(analysis.documents) == 20
    assert counts["clusters"] == len(analysis.clusters)
    assert counts["claims"] == sum(len(c.claims) for c in analysis.clusters)
    conflicts = [c for c in analysis.clusters if c.status == "conflict"]
    rows = _q(db, "SELECT id, severity FROM conflicts")
    assert sorted(r[0] for r in rows) == sorted(c.id for c in conflicts)
    severities = [r[1] for r in rows if r[1] is not None]
    assert severities == sorted(severities, reverse=True)  # worst first


def test_foreign_keys_are_declared_and_hold(views):
    db, _ = views
    fks = {(r[2], r[3], r[4]) for r in _q(db, "PRAGMA foreign_key_list(claims)")}
    assert ("documents", "doc_id", "id") in fks and ("clusters", "cluster_id", "id") in fks
    links = {(r[2], r[3]) for r in _q(db, "PRAGMA foreign_key_list(inconsistency_clusters)")}
    assert links == {("inconsistencies", "inconsistency_id"), ("clusters", "cluster_id")}
    assert _q(db, "PRAGMA foreign_key_check") == []


def test_claim_sources_view_has_document_date_source_url_sentence(views):
    db, _ = views
    cols = [r[1] for r in _q(db, "PRAGMA table_info(claim_sources)")]
    for col in ("document", "date", "source", "url", "sentence", "cluster_id", "value", "low", "high"):
        assert col in cols
    row = _q(db, "SELECT document, date, source, sentence, surface FROM claim_sources WHERE document = 'c01_alwasat' LIMIT 1")[0]
    assert row[1] == "2023-09-12" and row[2] == "بوابة الوسط" and row[4] in row[3]


def test_full_text_search_finds_sentences_with_or_without_hamza(views):
    db, _ = views
    plain = _q(db, "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", "درنة")
    assert plain
    folded = _q(db, "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", 'sentence_folded: "الاسعاف"')
    written = _q(db, "SELECT id FROM claims WHERE sentence LIKE '%الإسعاف%'")
    assert written and {r[0] for r in folded} == {r[0] for r in written}


def test_metadata_describes_tables_units_and_search(views):
    meta = views_metadata()
    tables = meta["databases"]["crosscheck"]["tables"]
    db, _ = views
    names = {r[0] for r in _q(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    for table, info in tables.items():
        assert table in names and info["description"]
        for column in info.get("columns", {}):
            assert column in [r[1] for r in _q(db, f'PRAGMA table_info("{table}")')], (table, column)
    assert tables["claims"]["fts_table"] == "claims_fts"
    units = {r[0] for r in _q(db, "SELECT DISTINCT unit FROM claims")}
    assert "people" in units


def test_a_bad_store_is_one_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not sqlite")
    result = subprocess.run([sys.executable, "-m", "crosscheck", "serve", "--store", str(bad), "--port", "1"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(bad) in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(datasette is None, reason="Datasette is not installed (pip install 'crosscheck[serve]')")
def test_serve_answers_with_the_cluster_page(tmp_path):
    from serve_support import get, running_server

    with running_server(tmp_path, "tests/multisource") as (base, cluster_id):
        assert base.startswith("http://127.0.0.1:")
        status, page = get(f"{base}/-/crosscheck/cluster/{cluster_id}")
        assert status == 200 and '<html dir="rtl" lang="ar">' in page
        # every claim of the cluster is on the page: its document and its sentence's number
        _, claims = get(f"{base}/crosscheck/claim_sources.json?_shape=array&cluster_id={cluster_id}")
        claims = json.loads(claims)
        assert len(claims) >= 2
        for claim in claims:
            assert f'>{claim["document"]}</bdi>' in page
            assert claim["date"] is None or claim["date"] in page
        assert page.count("<tr") == len(claims) + 1  # header + one row per claim
        assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in page
        # the English page, and a missing cluster
        assert 'lang="en"' in get(f"{base}/-/crosscheck/cluster/{cluster_id}?lang=en")[1]
        assert get(f"{base}/-/crosscheck/cluster/no-such-cluster")[0] == 404
        # Datasette's own pages: metadata, search, the cluster id linked to its page
        _, meta = get(f"{base}/-/metadata.json")
        assert "claims_fts" in meta
        _, table = get(f"{base}/crosscheck/clusters")
        assert f'href="/-/crosscheck/cluster/{cluster_id}"' in table
        _, found = get(f"{base}/crosscheck/claims.json?_search=%D8%AF%D8%B1%D9%86%D8%A9&_shape=array")  # درنة
        assert json.loads(found)
        # the page in a real browser: it renders its claims, and fits a phone
        from cdp import Browser, find_chromium

        chromium = find_chromium()
        if chromium is None:
            if os.environ.get("CI"):
                pytest.fail("Chromium is not installed, and CI is set")
            return
        with Browser(chromium, tmp_path / "profile") as browser:
            view = browser.open(f"{base}/-/crosscheck/cluster/{cluster_id}", width=390, height=844, mobile=True)
            assert view.eval("document.querySelectorAll('table.claims tbody tr').length") == len(claims)
            assert view.eval("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("missing", ["datasette", "uvicorn"])
def test_serve_without_the_extra_is_one_line_naming_it(tmp_path, monkeypatch, missing):
    """Without crosscheck[serve] (its import simulated to fail): one line naming the extra,
    exit 2, before anything else (even with no store there), no traceback."""
    from typer.testing import CliRunner

    from crosscheck.cli import app

    monkeypatch.setitem(sys.modules, missing, None)  # `import missing` now raises ImportError
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["serve", "--store", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "crosscheck[serve]" in lines[0] and "Traceback" not in result.stderr
    assert lines[0].startswith("crosscheck: error:") and "not installed" in lines[0]
