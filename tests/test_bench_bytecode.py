"""The scale benchmark byte-compiles the package's stale modules before timing
(benchmarks/bench_scale.py): with PYTHONDONTWRITEBYTECODE=1 an editable checkout compiles every
module whose cached bytecode is missing or older than its source in every process again, which
an installed package (compiled by pip) never does.  Counted here on a package of our own."""

from __future__ import annotations

import os

import corpus_support  # noqa: F401  (puts benchmarks/ on the path)

import bench_scale  # noqa: E402


def _package(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    for rel in ("__init__.py", "a.py", "sub/__init__.py", "sub/b.py"):
        (pkg / rel).write_text("X = 1\n", encoding="utf-8")
    return pkg


def test_missing_bytecode_is_stale_then_compiled(tmp_path):
    pkg = _package(tmp_path)
    assert len(bench_scale.stale_bytecode(pkg)) == 4
    assert bench_scale.compile_package(pkg) == 4
    assert bench_scale.stale_bytecode(pkg) == []
    assert bench_scale.compile_package(pkg) == 0  # nothing left to do


def test_a_source_newer_than_its_bytecode_is_stale_again(tmp_path):
    pkg = _package(tmp_path)
    bench_scale.compile_package(pkg)
    src = pkg / "sub" / "b.py"
    later = os.stat(src).st_mtime + 10
    os.utime(src, (later, later))  # edited after it was compiled
    assert bench_scale.stale_bytecode(pkg) == [src]
    assert bench_scale.compile_package(pkg) == 1
    assert bench_scale.stale_bytecode(pkg) == []


def test_compiles_whatever_the_environment_says(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    pkg = _package(tmp_path)
    assert bench_scale.compile_package(pkg) == 4
    assert bench_scale.stale_bytecode(pkg) == []
