"""The scratch files of `report --store` (crosscheck.store.streamed): a run killed before it
could clean up (SIGKILL) leaves its scratch directory; the next run removes it, and never one
of a process that still runs."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from crosscheck.store import streamed


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_scratch_left_by_a_killed_run_is_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = tmp_path / f"{streamed.SCRATCH_PREFIX}{_dead_pid()}-abc"
    dead.mkdir()
    (dead / "scratch.db").write_bytes(b"x" * 1000)
    live = tmp_path / f"{streamed.SCRATCH_PREFIX}{os.getppid()}-def"  # our parent still runs
    live.mkdir()
    older = tmp_path / f"{streamed.SCRATCH_PREFIX}q1w2e3"  # an older name without a process id
    older.mkdir()
    other = tmp_path / "something-else-1"
    other.mkdir()
    mine = streamed.scratch_directory()
    assert os.path.basename(mine).startswith(f"{streamed.SCRATCH_PREFIX}{os.getpid()}-")
    assert not dead.exists()
    assert live.exists() and older.exists() and other.exists()


def test_a_store_report_cleans_its_scratch(tmp_path, monkeypatch):
    from crosscheck.store.sqlite_store import ingest

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    art = tmp_path / "a.md"
    art.write_text("---\nid: a\ndate: 2024-03-01\n---\nقتل 12 شخصا في غزة أمس.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    ingest([str(art)], db)
    with streamed.reconcile_store(db) as record:
        assert list(record.clusters())
        assert len(os.listdir(tmp_path / "tmp")) == 1
    assert os.listdir(tmp_path / "tmp") == []
