"""A killed ingest never leaves the store half-written.

A subprocess ingests many articles (one transaction per document); once some documents are
in, it is SIGKILLed.  The store must then open, pass `PRAGMA integrity_check`, and every stored
document must hold exactly the full claim set extraction gives for its text.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.ruleset.loader import DEFAULT_RULES_DIR, load_rules
from crosscheck.store.sqlite_store import ingest, load_from_store

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "fixtures").glob("*.txt"))
N_DOCS = 200

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def make_corpus(folder: Path) -> None:
    """N_DOCS distinct articles: the seeds with an id and a numbered line of their own."""
    bodies = [p.read_text(encoding="utf-8") for p in ARTICLES]
    for i in range(N_DOCS):
        body = bodies[i % len(bodies)]
        text = f"---\nid: doc-{i:04d}\n---\nتحديث رقم {i}.\n{body}"
        (folder / f"doc-{i:04d}.md").write_text(text, encoding="utf-8")


def stored_count(db: Path) -> int:
    try:
        with closing(sqlite3.connect(db, timeout=5)) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def test_sigkill_mid_ingest_leaves_a_consistent_store(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_corpus(corpus)
    db = tmp_path / "c.db"
    # A private copy of the rules: the subprocess and this test must extract with the same ones.
    rules_dir = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules_dir)
    rules = load_rules(rules_dir)
    code = "import sys; from crosscheck.store.sqlite_store import ingest; ingest([sys.argv[1]], sys.argv[2])"
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "CROSSCHECK_RULES": str(rules_dir)}
    proc = subprocess.Popen([sys.executable, "-c", code, str(corpus), str(db)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while stored_count(db) < 20:
            assert proc.poll() is None, f"ingest ended early: {proc.stderr.read().decode()}"
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        counts = dict(conn.execute("SELECT id, claim_count FROM documents"))
        rows = dict(conn.execute("SELECT doc_id, COUNT(*) FROM claims GROUP BY doc_id"))
        # each document's prepared claims (crosscheck.store.prepared) in its own transaction
        prepared = {r[0] for r in conn.execute("SELECT doc_id FROM prepared")}
    assert 20 <= len(counts) < N_DOCS, "the kill must land mid-run"
    assert prepared == set(counts)
    docs, claims = load_from_store(db, rules_dir=rules_dir)
    by_doc: dict[str, list] = {}
    for c in claims:
        by_doc.setdefault(c.doc, []).append(c)
    for doc in docs:
        want = extract(doc, rules)
        assert by_doc.get(doc.id, []) == want, doc.id
        assert counts[doc.id] == len(want) == rows.get(doc.id, 0)

    # The store stays usable: ingesting again completes it without redoing stored documents.
    result = ingest([str(corpus)], db, rules_dir=rules_dir)
    assert len(result.unchanged) == len(counts)
    assert len(result.added) == N_DOCS - len(counts)
