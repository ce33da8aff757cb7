"""The SQLite claim store: ingest, unchanged/changed documents, rule versions, bad stores,
and `report` / `clusters` / `show` reading from `--store`."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from crosscheck.text.documents import load_documents
from crosscheck.errors import InputError
from crosscheck.extract.extractor import extract
from crosscheck.ruleset.loader import DEFAULT_RULES_DIR, load_rules
from crosscheck.store.sqlite_store import StaleStoreError, analyse_store, ingest, load_from_store, store_stats
from store_support import private_rules  # noqa: F401  (autouse fixture)
from store_support import run, ARTICLES



def expected_claims(paths) -> dict[str, list]:
    """doc id -> the claims extraction gives for it now (what the store must hold)."""
    return {d.id: extract(d) for d in load_documents([str(p) for p in paths])}


def rows(db: Path, sql: str, *params):
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def test_ingest_stores_every_document_with_its_full_claim_set(tmp_path):
    db = tmp_path / "c.db"
    result = ingest([str(p) for p in ARTICLES], db)
    want = expected_claims(ARTICLES)
    assert sorted(result.added) == sorted(want)
    assert result.claims_written == sum(len(v) for v in want.values())
    docs, claims = load_from_store(db)
    assert [d.id for d in docs] == sorted(want)
    for d in docs:
        mine = [c for c in claims if c.doc == d.id]
        assert mine == want[d.id]
        assert all(d.text[c.start:c.end] == c.surface for c in mine)  # stored text keeps offsets valid
    counts = dict(rows(db, "SELECT id, claim_count FROM documents"))
    assert counts == {k: len(v) for k, v in want.items()}
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]


def test_reingesting_unchanged_documents_writes_nothing(tmp_path):
    db = tmp_path / "c.db"
    ingest([str(p) for p in ARTICLES], db)
    before = rows(db, "SELECT id, ingested_at, rowid FROM documents ORDER BY id")
    claims_before = rows(db, "SELECT rowid, data FROM claims ORDER BY rowid")
    again = ingest([str(p) for p in ARTICLES], db)
    assert again.added == [] and again.updated == [] and again.claims_written == 0
    assert sorted(again.unchanged) == sorted(p.stem for p in ARTICLES)
    assert rows(db, "SELECT id, ingested_at, rowid FROM documents ORDER BY id") == before
    assert rows(db, "SELECT rowid, data FROM claims ORDER BY rowid") == claims_before


def test_a_changed_document_replaces_its_claims(tmp_path):
    db = tmp_path / "c.db"
    art = tmp_path / ARTICLES[2].name
    shutil.copy(ARTICLES[2], art)
    ingest([str(art)], db)
    old = expected_claims([art])[art.stem]
    assert old
    # Drop the line holding the first claim: the stored claims must follow the new text.
    text = art.read_text(encoding="utf-8")
    first = old[0]
    line_start = text.rfind("\n", 0, first.start) + 1
    line_end = text.find("\n", first.end)
    art.write_text(text[:line_start] + text[line_end + 1:], encoding="utf-8")
    new = expected_claims([art])[art.stem]
    result = ingest([str(art)], db)
    assert result.updated == [art.stem] and result.added == []
    _docs, claims = load_from_store(db)
    assert claims == new and claims != old
    docs = _docs
    assert all(docs[0].text[c.start:c.end] == c.surface for c in claims)
    assert rows(db, "SELECT claim_count FROM documents") == [(len(new),)]


def test_bad_input_leaves_the_store_untouched(tmp_path):
    db = tmp_path / "c.db"
    r = run("ingest", ARTICLES[0], tmp_path / "missing.txt", "--store", db)
    assert r.exit_code == 2
    assert r.stderr.strip() == f"crosscheck: error: {tmp_path / 'missing.txt'}: no such file or directory"
    assert not db.exists()
    ingest([str(ARTICLES[0])], db)
    before = store_stats(db)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    r = run("ingest", ARTICLES[1], bad, "--store", db)
    assert r.exit_code == 2 and str(bad) in r.stderr
    assert store_stats(db) == before


def test_store_built_with_other_rules_says_so_and_rebuild_fixes_it(tmp_path):
    rules_a = tmp_path / "rules_a"
    rules_b = tmp_path / "rules_b"
    shutil.copytree(DEFAULT_RULES_DIR, rules_a)
    shutil.copytree(DEFAULT_RULES_DIR, rules_b)
    with (rules_b / "hedges.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit: the rule set's version changes\n")
    assert load_rules(rules_a).version != load_rules(rules_b).version
    db = tmp_path / "c.db"
    ingest([str(p) for p in ARTICLES[:2]], db, rules_dir=rules_a)
    with pytest.raises(StaleStoreError) as err:
        load_from_store(db, rules_dir=rules_b)
    msg = str(err.value)
    assert str(db) in msg and load_rules(rules_b).version in msg and "crosscheck ingest --rebuild" in msg
    with pytest.raises(StaleStoreError):  # ingesting more with other rules would mix versions
        ingest([str(ARTICLES[2])], db, rules_dir=rules_b)
    r = run("ingest", "--rebuild", "--store", db, "--rules", rules_b)
    assert r.exit_code == 0, r.output
    assert "2 updated" in r.stdout
    assert store_stats(db)["rules_versions"] == [load_rules(rules_b).version]
    docs, _claims = load_from_store(db, rules_dir=rules_b)
    assert len(docs) == 2


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    not_db = tmp_path / "notes.db"
    not_db.write_text("just some text\n", encoding="utf-8")
    r = run("ingest", ARTICLES[0], "--store", not_db)
    assert r.exit_code == 2
    assert "is not a crosscheck store" in r.stderr and str(not_db) in r.stderr
    assert not_db.read_text(encoding="utf-8") == "just some text\n"
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    with pytest.raises(InputError, match="not a crosscheck store"):
        load_from_store(other)
    with pytest.raises(InputError, match="no claim store there"):
        load_from_store(tmp_path / "absent.db")


def test_ingest_cli_reports_counts_and_needs_paths(tmp_path):
    db = tmp_path / "c.db"
    r = run("ingest", *ARTICLES[:3], "--store", db)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith(f"{db}: 3 added, 0 updated, 0 unchanged")
    r = run("ingest", "--store", db)
    assert r.exit_code == 2 and "no articles given" in r.stderr


def test_analyse_store_matches_analysing_the_files(tmp_path):
    db = tmp_path / "c.db"
    ingest([str(p) for p in ARTICLES], db)
    from crosscheck.pipeline import analyse

    from_files = analyse([str(p) for p in ARTICLES])
    from_store = analyse_store(db)
    assert [c.model_dump() for c in from_store.clusters] == [c.model_dump() for c in from_files.clusters]


def test_report_clusters_and_show_read_the_store(tmp_path):
    db = tmp_path / "c.db"
    ingest([str(p) for p in ARTICLES], db)
    from_files = run("clusters", *ARTICLES)
    from_store = run("clusters", "--store", db)
    assert from_store.exit_code == 0, from_store.output
    assert from_store.stdout == from_files.stdout and from_store.stdout
    conflict = run("clusters", "--store", db, "--status", "conflict").stdout.split()[0]
    shown = run("show", conflict, "--store", db)
    assert shown.exit_code == 0 and shown.stdout == run("show", conflict, *ARTICLES).stdout
    out = tmp_path / "rep"
    r = run("report", "--store", db, "--out", out, "--format", "json")
    assert r.exit_code == 0, r.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted(d["id"] for d in report["documents"]) == sorted(p.stem for p in ARTICLES)
    r = run("clusters", "--store", tmp_path / "absent.db")
    assert r.exit_code == 2 and "no claim store there" in r.stderr


def test_rebuild_of_a_missing_store_is_an_error(tmp_path):
    db = tmp_path / "absent.db"
    r = run("ingest", "--rebuild", "--store", db)
    assert r.exit_code == 2 and "no claim store to rebuild" in r.stderr
    assert not db.exists()
