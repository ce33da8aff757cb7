"""The README's set-up commands, the Makefile and .ci/run agree, and CI fails on 'no tests'."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"
MAKEFILE = ROOT / "Makefile"


def setup_commands() -> list[str]:
    """The commands in the first fenced block of the README's 'Set-up' section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Set-up", 1)[1]
    block = re.search(r"```\w*\n(.*?)```", section, re.S)
    assert block, "the Set-up section has a code block"
    return [line.split("#", 1)[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_gives_two_setup_commands():
    assert setup_commands() == ["make report", "make test"]


def test_ci_runs_exactly_the_readme_test_command():
    test_cmd = setup_commands()[1]
    code = [ln.strip() for ln in CI.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.strip().startswith("#")]
    runs = [ln for ln in code if re.match(r"make\b", ln)]
    assert len(runs) == 1, runs
    # The one make invocation is exactly the README's command (stdin closed, status kept).
    assert re.match(re.escape(test_cmd) + r"(\s*<\s*/dev/null)?\s*(\|\||$)", runs[0]), runs[0]
    assert "set -euo pipefail" in code


def test_ci_script_is_executable_bash_and_parses():
    assert CI.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    assert os.access(CI, os.X_OK)
    subprocess.run(["bash", "-n", str(CI)], check=True)


def test_makefile_targets_run_what_the_readme_says():
    text = MAKEFILE.read_text(encoding="utf-8")
    report = re.search(r"^report:.*\n\t(.*)", text, re.M)
    test = re.search(r"^test:.*\n\t(.*)", text, re.M)
    assert report and "crosscheck report fixtures/ --out reports/" in report.group(1)
    assert test and "$(BIN)/pytest" in test.group(1)
    assert "pip install --quiet -e '.[test]'" in text


def _fake_project(tmp_path: Path, pytest_exit: int) -> Path:
    """A copy of the Makefile whose .venv is already 'installed' and whose pytest exits as told."""
    proj = tmp_path / f"proj{pytest_exit}"
    (proj / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(MAKEFILE, proj / "Makefile")
    (proj / "pyproject.toml").write_text("", encoding="utf-8")
    for name in ("python", "pytest"):
        tool = proj / ".venv" / "bin" / name
        tool.write_text(f"#!/bin/sh\nexit {pytest_exit}\n", encoding="utf-8")
        tool.chmod(0o755)
    stamp = proj / ".venv" / ".installed"
    stamp.write_text("", encoding="utf-8")
    os.utime(stamp, (os.path.getmtime(proj / "pyproject.toml") + 10,) * 2)
    return proj


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("pytest_exit, ok", [(0, True), (1, False), (5, False)])
def test_make_test_fails_when_pytest_fails_or_collects_nothing(tmp_path, pytest_exit, ok):
    proj = _fake_project(tmp_path, pytest_exit)
    done = subprocess.run(["make", "-s", "test"], cwd=proj, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    assert (done.returncode == 0) == ok, done.stderr
    if pytest_exit == 5:
        assert "collected no tests" in done.stderr
