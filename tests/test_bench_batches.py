"""benchmarks/bench_batches.py checks batches of new articles against a store's judged state:
one line per batch (the shortcut taken, or why not, and its counted work), the store unchanged."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import corpus_support  # noqa: F401  (puts benchmarks/ on the path)
from corpus_support import generated_corpus

import bench_batches  # noqa: E402
from crosscheck.ci.check import reconcile_config
from crosscheck.config import Settings
from crosscheck.store import judged
from crosscheck.store.sqlite_store import ingest
from store_support import private_rules  # noqa: F401


def _snapshot(db) -> list:
    with closing(sqlite3.connect(db)) as conn:
        return [conn.execute("SELECT key, value FROM meta ORDER BY key").fetchall(),
                conn.execute("SELECT COUNT(*) FROM documents").fetchall(),
                conn.execute("SELECT COUNT(*), SUM(LENGTH(data)) FROM judged_members").fetchall()]


def test_one_line_per_batch_and_the_store_untouched(tmp_path, capsys):
    corpus = generated_corpus(tmp_path, 13, seed=5)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    stored, new = tmp_path / "stored.jsonl", tmp_path / "new.jsonl"
    stored.write_text("".join(lines[:10]), encoding="utf-8")
    new.write_text("".join(lines[10:]), encoding="utf-8")
    db = tmp_path / "s.db"
    ingest([str(stored)], db)
    assert judged.build_state(db, reconcile_config(Settings())).kept_state
    before = _snapshot(db)
    assert bench_batches.main([str(db), str(new), "--sizes", "1,2", "--batches", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("record: 10 articles, ")
    rows = [line for line in out if line.startswith("| 1#") or line.startswith("| 2#")]
    # three new articles: two batches of one, one batch of two (the second pair is short)
    assert [r.split("|")[1].strip() for r in rows] == ["1#1", "1#2", "2#1"]
    for r in rows:
        cells = [c.strip() for c in r.split("|")[1:-1]]
        assert cells[3] == "yes" or cells[3].startswith("no: ")
        assert int(cells[2]) > 0  # the batch's claims
    assert _snapshot(db) == before
