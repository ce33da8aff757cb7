"""A store this process cannot write (a shared archive, a read-only mount) is read as it is:
`check --store` uses a judged state already kept in it, or judges the touched units without
writing one; `ingest` into it stops with a one-line error naming the file."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from store_support import ARTICLES, private_rules, runner  # noqa: F401  (autouse: private rules)
from crosscheck.ci.check import _extract, reconcile_config, run_check
from crosscheck.cli import app
from crosscheck.config import Settings
from crosscheck.store import judged, sqlite_store
from crosscheck.store.sqlite_store import ingest
from crosscheck.text.documents import load_documents


def _new(tmp_path: Path) -> Path:
    p = tmp_path / "new.md"
    p.write_text("---\nid: new-one\ndate: 2024-03-26\n---\n" + ARTICLES[0].read_text(encoding="utf-8")
                 .replace("32", "41"), encoding="utf-8")
    return p


def _digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def _read_only(monkeypatch, db: Path) -> None:
    """This process may not write `db` (as root a mode bit would not stop it: the check is
    the one `connect` makes)."""
    real = sqlite_store.writable
    monkeypatch.setattr(sqlite_store, "writable", lambda p: False if Path(p) == db else real(p))


def _settle(db: Path) -> None:
    """Checkpoint the journal into the file, so that its bytes say whether anything was written."""
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@pytest.mark.parametrize("state", [True, False])
def test_check_reads_a_read_only_store(tmp_path, monkeypatch, state):
    db = tmp_path / "s.db"
    ingest([str(a) for a in ARTICLES], db)
    cfg = reconcile_config(Settings())
    if state:
        judged.ensure_state(db, cfg)
    _settle(db)
    before = _digest(db)
    _read_only(monkeypatch, db)
    new = _new(tmp_path)
    docs = load_documents([str(new)])
    found, stats = judged.check_against_state(db, docs, _extract(docs, Settings()), cfg)
    if state:  # the kept state is read, nothing added
        assert found is not None and not stats.built, stats
    else:  # no state can be kept: the touched units are judged instead
        assert found is None and "readonly" in stats.fallback, stats
    settings = Settings(fail_on="warning")
    fast = run_check([str(new)], store=str(db), settings=settings)
    whole = run_check([str(new)], against=[str(a) for a in ARTICLES], settings=settings)
    key = lambda f: (f.level, f.rule_id, f.cluster.id, f.claim.doc, f.claim.start)  # noqa: E731
    assert [key(f) for f in fast.findings] == [key(f) for f in whole.findings]
    assert fast.findings  # the changed toll conflicts with the record
    assert _digest(db) == before


def test_ingest_into_a_read_only_store_is_a_clear_error(tmp_path, monkeypatch):
    db = tmp_path / "s.db"
    ingest([str(ARTICLES[0])], db)
    _settle(db)
    before = _digest(db)
    _read_only(monkeypatch, db)
    result = runner.invoke(app, ["ingest", str(ARTICLES[1]), "--store", str(db)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and str(db) in lines[0] and "read-only" in lines[0], result.output
    assert _digest(db) == before
