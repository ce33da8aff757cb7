"""report --store reconciles unit by unit from the store: the same bytes as the in-memory path,
with a bounded number of claims in memory (counted, not timed)."""

from __future__ import annotations

import sys

import pytest

from crosscheck.pipeline import write_reports
from crosscheck.store.sqlite_store import analyse_store, ingest
from crosscheck.store.streamed import reconcile_store, write_store_reports
from store_support import ARTICLES, ROOT, private_rules, runner  # noqa: F401

sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_articles import write_jsonl  # noqa: E402

FORMATS = ("md", "html", "json", "jsonl")
FILES = ("report.md", "report.html", "report.json", "report.jsonl")


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """A store of the fixtures and one of 8 generated articles (many units, real conflicts)."""
    root = tmp_path_factory.mktemp("streamed")
    fixtures = root / "fixtures.db"
    ingest([str(p) for p in ARTICLES], fixtures)
    corpus = root / "gen.jsonl"
    write_jsonl(corpus, 8, 3)
    generated = root / "gen.db"
    ingest([str(corpus)], generated)
    return {"fixtures": fixtures, "generated": generated}


def _in_memory(db, out):
    write_reports(analyse_store(db), out, FORMATS)
    return {f: (out / f).read_bytes() for f in FILES}


@pytest.mark.parametrize("name", ["fixtures", "generated"])
def test_streamed_report_is_byte_identical_to_the_in_memory_report(stores, tmp_path, name):
    db = stores[name]
    expected = _in_memory(db, tmp_path / "memory")
    # a tiny batch: many batches of units, each grouped and judged on its own
    done = write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=5)
    assert done.stats.batches > 3
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f


def test_claims_in_memory_are_bounded_by_the_batch_not_the_record(stores):
    db = stores["generated"]
    with reconcile_store(db, batch_claims=20, doc_chunk=2) as record:
        st = record.stats
        assert st.claims > 150 and st.documents == 8
        with __import__("sqlite3").connect(db) as conn:
            largest_unit = conn.execute(
                "SELECT MAX(n) FROM (SELECT COUNT(*) n FROM claims GROUP BY unit_key)").fetchone()[0]
            two_docs = conn.execute(
                "SELECT MAX(n) FROM (SELECT a.claim_count + b.claim_count n FROM documents a, documents b)"
            ).fetchone()[0]
        # one chunk of two documents in pass 1, one batch of units (or one unit) in pass 2
        assert st.peak_claims_held <= max(20 + largest_unit, two_docs)
        assert st.peak_claims_held < st.claims / 2
        assert sum(1 for _ in record.cluster_texts()) == st.clusters


def test_equal_ids_get_the_suffixes_the_in_memory_path_gives(stores, tmp_path, monkeypatch):
    # ids made to collide: one per kind, so many clusters share one and need -2, -3 ...
    from crosscheck.reconcile import grouping

    monkeypatch.setattr(grouping, "cluster_id", lambda kind, canon: kind.replace("_", "-"))
    db = stores["generated"]
    expected = _in_memory(db, tmp_path / "memory")
    assert b'-3",' in expected["report.json"]
    write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=7)
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f


def test_report_store_command_streams_from_the_store(stores, tmp_path):
    db = stores["fixtures"]
    expected = _in_memory(db, tmp_path / "memory")
    out = tmp_path / "cli"
    result = runner.invoke(__import__("crosscheck.cli", fromlist=["app"]).app,
                           ["report", "--store", str(db), "--out", str(out), "--format", "md,html,json,jsonl"])
    assert result.exit_code == 0, result.output
    assert "documents 5  claims 24" in result.output
    for f in FILES:
        assert (out / f).read_bytes() == expected[f], f


def test_large_pages_are_the_same_from_the_store(stores, tmp_path, monkeypatch):
    from crosscheck.report import large

    monkeypatch.setattr(large, "LARGE_CLUSTERS", 5)
    monkeypatch.setattr(large, "DETAILED", 2)  # the rest of the conflicts as one line each
    db = stores["generated"]
    expected = _in_memory(db, tmp_path / "memory")
    page = expected["report.html"].decode()
    assert 'id="large-archive"' in page and 'id="list-conflicts-more"' in page
    write_store_reports(db, tmp_path / "streamed", FORMATS, batch_claims=9)
    for f in FILES:
        assert (tmp_path / "streamed" / f).read_bytes() == expected[f], f
