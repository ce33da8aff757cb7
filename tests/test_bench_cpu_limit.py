"""bench_pathological stops a child by its CPU time, not by the machine's wall clock.

A wall-clock timeout killed 4 MB dense_votes runs on a loaded machine (session 32) that needed
far less CPU than the limit; the benchmark's figures are CPU seconds, so its limit is too."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_pathological as bp  # noqa: E402


def test_a_child_over_its_cpu_limit_is_reported_as_such():
    r = bp.run("dense_votes", 1_000_000, cpu_limit=1)
    assert r["secs"] is None
    assert r["note"] == "> 1 CPU-s"


def test_a_child_within_its_cpu_limit_reports_its_figures():
    r = bp.run("news", 20_000, cpu_limit=120)
    assert r["secs"] is not None and r["claims"] > 0
    assert r["cpu"] <= 120
