"""The committed report in reports/ is what `crosscheck report fixtures/ --out reports/` writes now.

Regenerates into a temporary directory (from the repository root, so document paths read
'fixtures/…' as in the committed files) and compares byte for byte.  If this fails after a
change to rules or code, look at the diff and then run `make report` (or the command above)
and commit reports/.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosscheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
FILES = ("report.md", "report.html", "report.json")

pytestmark = pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("crosscheck.extract.extractor", "crosscheck.reconcile.reconciler")),
    reason="extractor/reconciler not in this checkout yet",
)


def test_committed_report_is_current(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["report", "fixtures/", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    stale = []
    for name in FILES:
        committed = ROOT / "reports" / name
        assert committed.exists(), f"reports/{name} is missing; run: crosscheck report fixtures/ --out reports/"
        if committed.read_bytes() != (tmp_path / name).read_bytes():
            stale.append(name)
    assert not stale, f"reports/ is stale ({', '.join(stale)}); run: crosscheck report fixtures/ --out reports/"


def test_report_is_deterministic(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    for out in ("a", "b"):
        result = CliRunner().invoke(app, ["report", "fixtures/", "--out", str(tmp_path / out)])
        assert result.exit_code == 0, result.output
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
