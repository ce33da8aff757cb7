"""The vote unit's signatures read through their event index (store.judged `judged_sig_events`):
a check reads the signatures of the new tallies' events and the named ones, not every signature
of the unit (counted: `CheckStats.signature_rows`), with the same result as reading all of them;
a state kept before the index gets it on its next check, without being judged again."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

import pytest

from corpus_support import generated_corpus
from store_support import private_rules  # noqa: F401  (autouse: a private copy of rules/)
from crosscheck.ci.check import _extract, reconcile_config
from crosscheck.config import Settings
from crosscheck.store import judged
from crosscheck.store.sqlite_store import ingest
from crosscheck.text.documents import load_documents

N = 30


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    d = tmp_path_factory.mktemp("sig-events")
    db = d / "s.db"
    ingest([str(generated_corpus(d, N, seed=77, name="gen.jsonl"))], db)
    judged.ensure_state(db, reconcile_config(Settings()))
    return d, db


def _articles(d):
    """New articles with tallies: generated ones, and one vote told with its tallies only."""
    from gen_articles import generate

    texts = [(f"votes-{i}", doc["date"], doc["text"]) for i, doc in enumerate(generate(4, seed=2468))]
    texts.append(("tallies-only", "2024-06-12", "وافقت الجمعية العامة للأمم المتحدة يوم الأربعاء على مشروع "
                  "قرار يدعو إلى وقف إطلاق النار، إذ صوتت 141 دولة لصالحه وعارضته 7 دول وامتنعت 25 "
                  "دولة عن التصويت."))
    out = []
    for name, date, text in texts:
        p = d / f"{name}.md"
        p.write_text(f"---\nid: {name}\ndate: {date}\n---\n{text}\n", encoding="utf-8")
        docs = load_documents([str(p)])
        claims = _extract(docs, Settings())
        if any((c.event or "").startswith("vote:") for c in claims):
            out.append((docs, claims))
    return out


def _vote_sigs(conn) -> int:
    return conn.execute("SELECT COUNT(*) FROM judged_sigs WHERE substr(unit, 1, ?) = ?",
                        (len(judged.VOTE_UNIT_PREFIX), judged.VOTE_UNIT_PREFIX)).fetchone()[0]


def _same(a, b) -> None:
    assert (a is None) == (b is None)
    if a is not None:
        assert [c.model_dump_json() for c in a.clusters] == [c.model_dump_json() for c in b.clusters]
        assert a.tallies == b.tallies


def test_vote_signatures_are_read_by_event(record, tmp_path):
    d, db = record
    cfg = reconcile_config(Settings())
    plain = tmp_path / "plain.db"  # the same state without the index: every signature scanned
    shutil.copyfile(db, plain)
    with closing(sqlite3.connect(plain)) as conn:
        conn.execute("DROP TABLE judged_sig_events")
        conn.commit()
        total = _vote_sigs(conn)
    assert total > 20
    taken = 0
    for docs, claims in _articles(tmp_path):
        fast, fs = judged.check_against_state(db, docs, claims, cfg)
        slow, ss = judged.check_against_state(plain, docs, claims, cfg, build=False)
        assert not fs.built and fs.fallback == ss.fallback
        _same(fast, slow)
        if fast is None or fs.link_fallback:
            continue
        taken += 1
        assert fs.signatures == ss.signatures
        assert ss.signature_rows == total  # without the index: the whole unit
        # with it: the rows of the stored events the new tallies' events are (each new event, or
        # the stored event renamed to it) and the named ones (none in generated news)
        with closing(sqlite3.connect(db)) as conn:
            per_event = conn.execute("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM judged_sig_events "
                                     "GROUP BY event)").fetchone()[0]
            named = conn.execute("SELECT COUNT(*) FROM judged_sig_events WHERE named = 1").fetchone()[0]
        events = {c.event for c in claims if (c.event or "").startswith("vote:")}
        assert fs.signature_rows <= 2 * len(events) * per_event + named < total, (fs, per_event, total)
    assert taken >= 2


def test_an_older_state_gets_the_event_index_on_its_next_check(record, tmp_path):
    _d, db = record
    cfg = reconcile_config(Settings())
    old = tmp_path / "old.db"
    shutil.copyfile(db, old)
    with closing(sqlite3.connect(db)) as conn:
        want = sorted(conn.execute("SELECT unit, event, named, sig, pre FROM judged_sig_events"))
    with closing(sqlite3.connect(old)) as conn:
        conn.execute("DROP TABLE judged_sig_events")
        conn.commit()
    assert judged.ensure_state(old, cfg) is False  # not judged again: the index is added
    with closing(sqlite3.connect(old)) as conn:
        got = sorted(conn.execute("SELECT unit, event, named, sig, pre FROM judged_sig_events"))
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert got == want and len(want) == _vote_sigs(sqlite3.connect(old))


def test_a_check_reads_the_state_through_indexes_only(record, tmp_path, monkeypatch):
    """Every query a check makes of the store is a search through an index (SQLite's plan names
    no SCAN of a table but its catalogue): what it reads follows the new article, never the
    record's size.  (A family of cluster ids was looked up by id with no index on it: a scan of
    every cluster, 41 ms at 10k generated articles; a day's members with an empty list of
    clusters: a scan.)"""
    import re

    from crosscheck.store import sqlite_store

    _d, db = record
    cfg = reconcile_config(Settings())
    older = tmp_path / "older.db"  # a state kept before the id index: it gets it on its next check
    shutil.copyfile(db, older)
    with closing(sqlite3.connect(older)) as conn:
        conn.execute("DROP INDEX IF EXISTS judged_clusters_id")
        conn.commit()
    statements: list[str] = []
    real = sqlite_store.connect

    def traced(path, *args, **kwargs):
        conn = real(path, *args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(sqlite_store, "connect", traced)
    checked = 0
    for docs, claims in _articles(tmp_path):
        for store in (db, older):
            statements.clear()
            found, stats = judged.check_against_state(store, docs, claims, cfg)
            assert not stats.built
            if found is None:
                continue
            checked += 1
            with closing(sqlite3.connect(store)) as conn:
                for sql in statements:
                    if not re.match(r"\s*SELECT", sql, re.I):
                        continue
                    plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
                    scans = [p for p in plan if p.startswith("SCAN") and "sqlite_master" not in p]
                    assert not scans, (sql[:200], plan)
    assert checked >= 4
