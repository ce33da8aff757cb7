"""benchmarks/bench_scale.py's `rereport` step compares the report read from the judged state
with the first report's files (`same_files`)."""

from pathlib import Path

import corpus_support  # noqa: F401  (puts benchmarks/ on the path)

import bench_scale  # noqa: E402


def _dir(path: Path, files: dict[str, bytes]) -> Path:
    path.mkdir()
    for name, data in files.items():
        (path / name).write_bytes(data)
    return path


def test_same_files_says_which_files_differ(tmp_path):
    big = b"x" * (3 << 20)  # more than one block compared
    a = _dir(tmp_path / "a", {"report.json": big, "report.md": b"# r\n", "report.html": b"<p>"})
    assert bench_scale.same_files(a, _dir(tmp_path / "b", {"report.json": big, "report.md": b"# r\n",
                                                           "report.html": b"<p>"})) == "same bytes as report"
    late = big[:-1] + b"y"  # same size, the last block differs
    c = _dir(tmp_path / "c", {"report.json": late, "report.md": b"# s\n", "report-2.html": b"<p>"})
    assert bench_scale.same_files(a, c) == ("differs from report: report-2.html, report.html, report.json, "
                                            "report.md")


def test_rereport_is_a_step_after_the_check():
    steps = bench_scale.STEPS
    assert steps.index("rereport") > steps.index("check") > steps.index("report")
