"""Shared set-up for the tests that install crosscheck as a user would (wheel, pre-commit).

`source_tree(dest)` copies the project's files (tracked, plus new ones not ignored: what a
commit of the working tree would hold) without .venv, build output or caches, so a build
never writes into the checkout.  `make_venv(dest)` is a fresh virtual environment; installs
use pip with the machine's configured index (no other network assumption).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
PIP_TIMEOUT = 900


def project_files() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode("utf-8")
    return sorted({f for f in out.split("\0") if f and (ROOT / f).is_file()})


def source_tree(dest: Path) -> Path:
    """A copy of the project at `dest` (created)."""
    for rel in project_files():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    return dest


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without this test run's virtualenv or PYTHONPATH, so that a command
    finds only what the fresh environment holds."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "CROSSCHECK_RULES", "PYTEST_ADDOPTS")}
    venv_bin = str(Path(sys.prefix) / "bin")
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != venv_bin)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    env.update(extra)
    return env


def base_python() -> str:
    """A Python that is not this test run's virtualenv (to make new environments from)."""
    return getattr(sys, "_base_executable", None) or sys.executable


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    kw.setdefault("capture_output", True)
    kw.setdefault("text", True)
    kw.setdefault("timeout", PIP_TIMEOUT)
    kw.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run([str(c) for c in cmd], **kw)


def check(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    done = run(cmd, **kw)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} exited {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done
