"""Integration files: the pre-commit hook and the documented GitHub Actions workflow use
options that exist, and the hook works the way pre-commit calls it."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import pytest
import typer
import yaml

from crosscheck.cli import app
from store_support import private_rules  # noqa: F401  (autouse fixture)
from store_support import run, article, ROOT, runner

HOOKS = ROOT / ".pre-commit-hooks.yaml"
CI_DOC = ROOT / "docs" / "ci.md"


def options_of(*command: str) -> set[str]:
    cmd = typer.main.get_command(app)
    for name in command:
        cmd = cmd.commands[name]
    return {opt for p in cmd.params for opt in (*p.opts, *p.secondary_opts) if opt.startswith("-")}


def test_pre_commit_hook_is_well_formed():
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "crosscheck" and hook["language"] == "python"
    script, *args = shlex.split(hook["entry"])
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert script in scripts
    assert args == ["check"]
    files = re.compile(hook["files"])
    assert files.search("articles/2024/a.md") and files.search("b.txt")
    assert not files.search("gold.jsonl") and not files.search("crosscheck.db")


def test_pre_commit_call_checks_the_staged_files(tmp_path):
    """pre-commit runs `entry + args + staged files`."""
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    _script, *entry_args = shlex.split(hook["entry"])
    db = tmp_path / "crosscheck.db"
    assert runner.invoke(app, ["ingest", str(article("001")), "--store", str(db)]).exit_code == 0
    user_args = ["--store", str(db), "--fail-on", "soft"]  # 100 vs about 200 is a soft conflict
    staged = [str(article("002")), str(article("004"))]
    r = runner.invoke(app, [*entry_args, *user_args, *staged])
    assert r.exit_code == 1, r.output
    assert f"{article('002').name}:" in r.stdout and ": error: hostages_held:" in r.stdout
    assert f"{article('004').name}:" not in r.stdout
    # The one-path --against= form leaves the staged files alone.
    r = runner.invoke(app, [*entry_args, f"--against={article('001')}", "--fail-on", "soft", "--format", "json", *staged])
    assert r.exit_code == 1 and '"record_documents": 1' in r.stdout


def test_documented_workflow_is_valid_yaml_and_uploads_the_sarif_it_writes():
    text = CI_DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    workflow = next(yaml.safe_load(b) for b in blocks if "jobs:" in b)
    job = workflow["jobs"]["check"]
    assert job["permissions"]["security-events"] == "write"
    assert job["permissions"]["actions"] == "read"
    steps = job["steps"]
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif"))
    check = next(s for s in steps if "check-changed.sh" in s.get("run", ""))
    # The SARIF the script reports (its `sarif` output) is the file uploaded.
    assert upload["with"]["sarif_file"] == "${{ steps.%s.outputs.sarif }}" % check["id"]
    assert "always()" in upload["if"]


def test_documented_commands_use_existing_options():
    text = CI_DOC.read_text(encoding="utf-8")
    used = 0
    for line in text.splitlines():
        for m in re.finditer(r"crosscheck (ingest|check|baseline create)\b([^'`#\n]*)", line):
            command = m.group(1).split()
            for opt in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", m.group(2)):
                assert opt.split("=")[0] in options_of(*command), (opt, line)
                used += 1
    assert used >= 10
