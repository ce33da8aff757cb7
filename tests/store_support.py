"""Shared set-up for the claim-store and check tests (imported by their modules).

`private_rules` is an autouse, module-scoped fixture once a test module imports it: each module
works on a private copy of rules/, so that editing the rules elsewhere cannot make a store built
in the module stale halfway through it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosscheck.cli import app
from crosscheck.ruleset.loader import DEFAULT_RULES_DIR

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
ARTICLES = sorted(FIXTURES.glob("*.txt"))
runner = CliRunner()


@pytest.fixture(autouse=True, scope="module")
def private_rules(tmp_path_factory):
    """A private copy of rules/ for the whole test module (see the module docstring)."""
    private = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, private)
    patch = pytest.MonkeyPatch()
    patch.setenv("CROSSCHECK_RULES", str(private))
    yield private
    patch.undo()


# The fixtures' conflicts are soft ("more than 100" against "about 200"): the check tests that
# exercise failing runs ask for every conflict to fail.
SOFT = ("--fail-on", "soft")


def run(*args):
    """Invoke the CLI with every argument as a string."""
    return runner.invoke(app, [str(a) for a in args])


def article(prefix: str) -> Path:
    """The fixture article whose file name starts with `prefix` (e.g. "003")."""
    (path,) = FIXTURES.glob(f"{prefix}_*.txt")
    return path
