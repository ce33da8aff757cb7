"""The version, its CHANGELOG entry and every documented `rev:` / `@v…` of crosscheck agree."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import crosscheck

ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
DOCS = [ROOT / "README.md", ROOT / "docs" / "ci.md", ROOT / ".pre-commit-hooks.yaml", ROOT / "action.yml"]


def test_package_version_is_the_project_version():
    assert crosscheck.__version__ == VERSION


def test_changelog_has_the_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(VERSION)}$", text, re.M)


def test_documented_references_name_the_current_tag():
    refs = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        refs += [(doc.name, m) for m in re.findall(r"<org>/crosscheck@(v[\w.]+)", text)]
        refs += [(doc.name, m) for m in re.findall(r"^\s*#?\s*(?:rev|ref):\s*(v[\w.]+)", text, re.M)]
    assert len(refs) >= 6
    assert {r for _, r in refs} == {f"v{VERSION}"}, refs
