"""`report --store` from a store without a current judged state keeps the judgement it makes
as the state (crosscheck.store.from_state.write_reports, judged.build_state with `use`), in
one transaction: the next report reads it, judging nothing, with the same bytes; a check
finds it current; a read-only store, a store another process is writing, or a report that
fails leave the store as it was (counted, not timed)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

import pytest

from crosscheck.ci.check import reconcile_config
from crosscheck.config import Settings
from crosscheck.store import from_state, judged
from crosscheck.store.from_state import write_reports
from store_support import judging, report_files, FORMATS, ingest_named, ARTICLES, generated_corpus, private_rules  # noqa: F401


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """Freshly ingested stores (no judged state): generated articles and the fixtures."""
    root = tmp_path_factory.mktemp("keeps")
    corpus = generated_corpus(root, 14)
    return ingest_named(root, (("generated", [str(corpus)]), ("fixtures", [str(p) for p in ARTICLES])))


def _copy(db, tmp_path, name="copy.db"):
    dest = tmp_path / name
    shutil.copyfile(db, dest)
    return dest


def _tables(db) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


@pytest.mark.parametrize("name", ["generated", "fixtures"])
def test_the_first_report_keeps_the_state_and_the_next_reads_it_with_the_same_bytes(fresh, tmp_path, monkeypatch,
                                                                                    name):
    db = _copy(fresh[name], tmp_path)
    count = judging(monkeypatch)
    first = write_reports(db, tmp_path / "first", FORMATS)
    assert first.judged_again == "no judged state" and first.stats.kept_state and count[0] > 0
    count[0] = 0
    second = write_reports(db, tmp_path / "second", FORMATS)
    assert second.judged_again == "" and count[0] == 0 and not second.stats.kept_state
    plain = write_reports(fresh[name], tmp_path / "plain", FORMATS, judged=False)  # judged, nothing kept
    assert plain.judged_again == "not asked" and not plain.stats.kept_state
    assert report_files(tmp_path / "first") == report_files(tmp_path / "second") == report_files(tmp_path / "plain")
    assert not any(t.startswith("judged_") for t in _tables(fresh[name]))


def test_a_check_after_the_report_finds_the_state_current(fresh, tmp_path):
    db = _copy(fresh["generated"], tmp_path)
    write_reports(db, tmp_path / "out", FORMATS)
    assert judged.ensure_state(db, reconcile_config(Settings())) is False  # nothing built again


def test_the_kept_state_is_the_one_a_check_builds(fresh, tmp_path):
    by_report, by_check = _copy(fresh["generated"], tmp_path, "r.db"), _copy(fresh["generated"], tmp_path, "c.db")
    write_reports(by_report, tmp_path / "out", FORMATS)
    judged.ensure_state(by_check, reconcile_config(Settings()))
    rows = []
    for db in (by_report, by_check):
        with closing(sqlite3.connect(db)) as conn:
            rows.append({t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                         for t in sorted(_tables(db)) if t.startswith("judged_")}
                        | {"meta": conn.execute("SELECT * FROM meta WHERE key LIKE 'judged%' ORDER BY key").fetchall()})
    assert rows[0] == rows[1] and rows[0]["judged_clusters"]


def test_a_read_only_store_is_judged_without_keeping(fresh, tmp_path, monkeypatch):
    from pathlib import Path

    from crosscheck.store import sqlite_store

    db = _copy(fresh["fixtures"], tmp_path, "ro.db")
    before = db.read_bytes()
    real = sqlite_store.writable  # as tests/test_store_readonly.py: opened read-only, even as root
    monkeypatch.setattr(sqlite_store, "writable", lambda p: False if Path(p) == db else real(p))
    done = write_reports(db, tmp_path / "out", FORMATS)
    assert not done.stats.kept_state and done.judged_again == "no judged state"
    assert db.read_bytes() == before
    plain = write_reports(fresh["fixtures"], tmp_path / "plain", FORMATS, judged=False)
    assert report_files(tmp_path / "out") == report_files(tmp_path / "plain") and plain.stats.clusters == done.stats.clusters


def test_a_store_another_process_is_writing_is_judged_without_keeping(fresh, tmp_path, monkeypatch):
    db = _copy(fresh["fixtures"], tmp_path)
    monkeypatch.setattr(from_state, "KEEP_WAIT_MS", 20)
    with closing(sqlite3.connect(db, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # an ingest holding the store
        done = write_reports(db, tmp_path / "out", FORMATS)
        other.execute("ROLLBACK")
    assert not done.stats.kept_state
    assert not any(t.startswith("judged_") for t in _tables(db))
    plain = write_reports(fresh["fixtures"], tmp_path / "plain", FORMATS, judged=False)
    assert report_files(tmp_path / "out") == report_files(tmp_path / "plain") and plain.stats.clusters == done.stats.clusters


def test_a_report_that_fails_leaves_no_state(fresh, tmp_path, monkeypatch):
    db = _copy(fresh["fixtures"], tmp_path)
    with closing(sqlite3.connect(db)) as conn:
        gen = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()

    def broken(*a, **k):
        raise OSError("disk full while writing the report")

    monkeypatch.setattr(from_state, "write_record_reports", broken)
    with pytest.raises(OSError):
        write_reports(db, tmp_path / "out", FORMATS)
    assert not any(t.startswith("judged_") for t in _tables(db))
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone() == gen


def test_report_command_keeps_the_state(fresh, tmp_path):
    from store_support import run

    db = _copy(fresh["fixtures"], tmp_path)
    result = run("report", "--store", db, "--out", tmp_path / "cli", "--no-progress")
    assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(db)) as conn:
        from crosscheck.ruleset.loader import load_rules
        from crosscheck.reconcile.settings import default_config

        assert from_state.stale_reason(conn, default_config(), load_rules().version) == ""


def _writer_during_judging(monkeypatch, act) -> None:
    """Call `act()` once the record is judged and the report written from it, before the state
    is installed in the store (what an `ingest` running beside the report would do then)."""
    real = from_state.write_record_reports

    def writing(*a, **k):
        done = real(*a, **k)
        act()
        return done

    monkeypatch.setattr(from_state, "write_record_reports", writing)


def test_the_store_is_not_locked_while_the_record_is_judged(fresh, tmp_path, monkeypatch):
    db = _copy(fresh["fixtures"], tmp_path)
    took = []

    def ingest_beside():  # takes the write lock at once (no waiting) and lets it go
        with closing(sqlite3.connect(db, timeout=0, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            took.append(True)
            other.execute("ROLLBACK")

    _writer_during_judging(monkeypatch, ingest_beside)
    done = write_reports(db, tmp_path / "out", FORMATS)
    assert took == [True] and done.stats.kept_state
    assert write_reports(db, tmp_path / "again", FORMATS).judged_again == ""


def test_a_record_written_while_it_was_judged_keeps_no_state(fresh, tmp_path, monkeypatch):
    from crosscheck.store.sqlite_store import bump_generation

    db = _copy(fresh["fixtures"], tmp_path)

    def ingest_beside():  # an ingest's commit: the record changes (its generation)
        with closing(sqlite3.connect(db, timeout=0, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            bump_generation(other)
            other.execute("COMMIT")

    _writer_during_judging(monkeypatch, ingest_beside)
    done = write_reports(db, tmp_path / "out", FORMATS)
    assert not done.stats.kept_state and done.judged_again == "no judged state"
    assert not any(t.startswith("judged_") for t in _tables(db))
    plain = write_reports(fresh["fixtures"], tmp_path / "plain", FORMATS, judged=False)
    assert report_files(tmp_path / "out") == report_files(tmp_path / "plain")


def test_a_state_judged_by_other_code_is_not_current(fresh, tmp_path, monkeypatch):
    from crosscheck.store import prepared

    db = _copy(fresh["fixtures"], tmp_path)
    assert write_reports(db, tmp_path / "out", FORMATS).stats.kept_state
    monkeypatch.setattr(prepared, "code_digest", lambda: "another-code")
    again = write_reports(db, tmp_path / "again", FORMATS, keep=False)
    assert again.judged_again == "the judged state is of another generation or version"
    assert report_files(tmp_path / "out") == report_files(tmp_path / "again")
