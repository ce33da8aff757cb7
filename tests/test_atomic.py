"""Atomic writes: the destination holds the old content or the whole new one, never a part."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crosscheck.util.atomic import atomic_open, write_bytes_atomic, write_text_atomic
from crosscheck.errors import CrosscheckError


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_writes_new_file_and_creates_parents(tmp_path):
    dest = tmp_path / "out" / "deep" / "claims.jsonl"
    write_text_atomic(dest, "سطر 1\n")
    assert dest.read_text(encoding="utf-8") == "سطر 1\n"
    assert leftovers(dest.parent) == []


def test_replaces_existing_content(tmp_path):
    dest = tmp_path / "r.json"
    dest.write_text("old", encoding="utf-8")
    write_text_atomic(dest, "new")
    assert dest.read_text(encoding="utf-8") == "new"


def test_bytes(tmp_path):
    dest = tmp_path / "b.bin"
    write_bytes_atomic(dest, b"\x00\x01")
    assert dest.read_bytes() == b"\x00\x01"


def test_newlines_written_as_given(tmp_path):
    dest = tmp_path / "n.txt"
    write_text_atomic(dest, "a\r\nb\n")
    assert dest.read_bytes() == b"a\r\nb\n"


def test_failure_midway_keeps_old_file_and_leaves_no_temp(tmp_path):
    dest = tmp_path / "report.json"
    dest.write_text("complete old report", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_open(dest) as fh:
            fh.write("half of a new rep")
            raise RuntimeError("crash while writing")
    assert dest.read_text(encoding="utf-8") == "complete old report"
    assert leftovers(tmp_path) == []


def test_partial_content_is_invisible_until_done(tmp_path):
    dest = tmp_path / "x.txt"
    with atomic_open(dest) as fh:
        fh.write("part")
        fh.flush()
        assert not dest.exists()
    assert dest.read_text(encoding="utf-8") == "part"


def test_permissions_follow_umask(tmp_path):
    old = os.umask(0o022)
    try:
        dest = tmp_path / "perm.txt"
        write_text_atomic(dest, "x")
    finally:
        os.umask(old)
    assert (dest.stat().st_mode & 0o777) == 0o644


def test_unwritable_location_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("I am a file, not a directory", encoding="utf-8")
    with pytest.raises(CrosscheckError) as info:
        write_text_atomic(blocker / "sub" / "out.txt", "x")
    assert str(blocker / "sub" / "out.txt") in str(info.value)


def test_bad_mode_rejected(tmp_path):
    with pytest.raises(ValueError):
        with atomic_open(tmp_path / "a", "a"):
            pass
