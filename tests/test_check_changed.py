"""ci-scripts/check-changed.sh, the logic the GitHub Actions workflow and the composite action
run, on a scratch git repository: Arabic file names (with spaces), a renamed article, a .jsonl
article, the baseline read from the base branch, no baseline yet, a claim store kept between
runs."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "ci-scripts" / "check-changed.sh"
FIXTURES = ROOT / "fixtures"
CROSSCHECK = Path(sys.executable).parent / "crosscheck"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

NEW_TOLL = "قالت وزارة الصحة إن عدد الشهداء في قطاع غزة بلغ 90 ألف شهيد منذ بدء الحرب.\n"
JSONL_TOLL = "أعلنت وزارة الصحة أن حصيلة الشهداء في قطاع غزة بلغت 95 ألف شهيد.\n"
NEW_NAME = "articles/حصيلة جديدة.md"
RENAMED_FROM = "articles/003_5576086d5ce9dbd0.txt"
RENAMED_TO = "articles/مقال قديم باسم جديد.txt"
JSONL_NAME = "articles/دفعة.jsonl"


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_") and k != "CROSSCHECK_RULES"}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", GIT_CONFIG_GLOBAL=str(tmp / "gitconfig"),
               GIT_CONFIG_NOSYSTEM="1")
    (tmp / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    return env


def git(repo: Path, env, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def repo(tmp_path):
    """main: the fixture articles; branch `pr`: a new Arabic-named article, a rename to an
    Arabic name, a .jsonl article and a file outside articles/."""
    env = _env(tmp_path)
    r = tmp_path / "newsroom"
    (r / "articles").mkdir(parents=True)
    for f in FIXTURES.glob("*.txt"):
        shutil.copy(f, r / "articles" / f.name)
    (r / "README.md").write_text("newsroom\n", encoding="utf-8")
    git(r, env, "init", "-q")
    git(r, env, "add", "-A")
    git(r, env, "commit", "-q", "-m", "archive")
    git(r, env, "checkout", "-q", "-b", "pr")
    (r / NEW_NAME).write_text("---\nid: new-toll\ndate: 2024-03-26\n---\n\n" + NEW_TOLL, encoding="utf-8")
    git(r, env, "mv", RENAMED_FROM, RENAMED_TO)
    (r / JSONL_NAME).write_text(json.dumps({"id": "wire-1", "date": "2024-03-26", "text": JSONL_TOLL},
                                           ensure_ascii=False) + "\n", encoding="utf-8")
    (r / "notes.md").write_text("قتل 7 أشخاص.\n", encoding="utf-8")
    git(r, env, "add", "-A")
    git(r, env, "commit", "-q", "-m", "pr")
    return r, env


def script(repo: Path, env, *args: str, github: bool = True):
    env = dict(env)
    if github:
        env["GITHUB_OUTPUT"] = str(repo.parent / "gh_output")
        env["GITHUB_STEP_SUMMARY"] = str(repo.parent / "gh_summary")
    # --fail-on soft: every conflict fails (the default, hard, lets a later, larger toll pass
    # as a soft conflict); these tests are about the script, not the severity rules.
    return subprocess.run(["bash", str(SCRIPT), "--base", "main", "--crosscheck", str(CROSSCHECK),
                           "--fail-on", "soft", *args],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_script_is_executable_bash():
    assert SCRIPT.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    assert os.access(SCRIPT, os.X_OK)
    subprocess.run(["bash", "-n", str(SCRIPT)], check=True)


def test_changed_articles_arabic_names_rename_jsonl(repo):
    r, env = repo
    done = script(r, env)
    assert done.returncode == 1, done.stderr
    changed = (r / "crosscheck-out" / "changed.txt").read_bytes().decode("utf-8").split("\0")
    assert changed[-1] == ""
    assert sorted(changed[:-1]) == sorted([NEW_NAME, RENAMED_TO, JSONL_NAME])
    outputs = (r.parent / "gh_output").read_text(encoding="utf-8")
    assert "count=3\n" in outputs and "sarif=crosscheck-out/crosscheck.sarif" in outputs
    # Annotations name the Arabic files as they are (no octal quoting).
    assert f"file={NEW_NAME}," in done.stdout and "\\3" not in done.stdout
    assert f"file={JSONL_NAME},line=1" in done.stdout
    # SARIF and the Markdown summary come from the same run.
    sarif = json.loads((r / "crosscheck-out" / "crosscheck.sarif").read_text(encoding="utf-8"))
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for res in sarif["runs"][0]["results"] for loc in res["locations"]}
    assert any("new-toll" in u or u.endswith(".md") for u in uris)
    summary = (r / "crosscheck-out" / "summary.md").read_text(encoding="utf-8")
    assert summary and (r.parent / "gh_summary").read_text(encoding="utf-8") == summary
    assert "notes.md" not in done.stdout + summary


def test_renamed_article_alone_is_checked_and_agrees(repo):
    r, env = repo
    git(r, env, "checkout", "-q", "-b", "rename-only", "main")
    # 004 is in no conflict on main (003, renamed in the `pr` branch, is).
    git(r, env, "mv", "articles/004_cc4aa63b7e0e7ea2.txt", RENAMED_TO)
    git(r, env, "commit", "-q", "-m", "rename")
    done = script(r, env, github=False)
    assert done.returncode == 0, done.stdout + done.stderr
    changed = (r / "crosscheck-out" / "changed.txt").read_bytes().decode("utf-8")
    assert changed == RENAMED_TO + "\0"
    assert "0 conflict(s) in 1 new article(s)" in done.stdout


def test_no_changed_article_is_clean(repo):
    r, env = repo
    git(r, env, "checkout", "-q", "main")
    done = script(r, env)
    assert done.returncode == 0
    assert "count=0" in (r.parent / "gh_output").read_text(encoding="utf-8")
    assert "No article" in (r / "crosscheck-out" / "summary.md").read_text(encoding="utf-8")


def _accept_everything(r: Path, env, branch: str) -> None:
    """A baseline accepting every conflict of the PR's tree, committed on `branch`."""
    done = subprocess.run([str(CROSSCHECK), "baseline", "create", "articles/", "-o", str(r.parent / "bl.json")],
                          cwd=r, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    git(r, env, "checkout", "-q", branch)
    shutil.copy(r.parent / "bl.json", r / "crosscheck-baseline.json")
    git(r, env, "add", "crosscheck-baseline.json")
    git(r, env, "commit", "-q", "-m", "baseline")


def test_baseline_is_read_from_the_base_branch(repo):
    r, env = repo
    # No baseline on main yet: works, every conflict is new.
    first = script(r, env, "--baseline", "crosscheck-baseline.json", github=False)
    assert first.returncode == 1 and "no crosscheck-baseline.json on main yet" in first.stderr
    # The pull request accepting its own conflicts changes nothing.
    _accept_everything(r, env, "pr")
    own = script(r, env, "--baseline", "crosscheck-baseline.json", github=False)
    assert own.returncode == 1, own.stdout
    # The same baseline on the base branch does accept them.
    git(r, env, "checkout", "-q", "main")
    git(r, env, "checkout", "-q", "pr", "--", "crosscheck-baseline.json")
    git(r, env, "commit", "-q", "-m", "baseline on main")
    git(r, env, "checkout", "-q", "pr")
    accepted = script(r, env, "--baseline", "crosscheck-baseline.json", github=False)
    assert accepted.returncode == 0, accepted.stdout
    assert "accepted in the baseline" in accepted.stdout


def test_store_is_built_from_the_base_branch_and_kept(repo):
    r, env = repo
    store = r.parent / "cache" / "crosscheck.db"
    store.parent.mkdir()
    first = script(r, env, "--store", str(store), github=False)
    assert first.returncode == 1, first.stderr
    assert "not found: building it" in first.stderr
    with sqlite3.connect(store) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM documents")}
        stamp = dict(conn.execute("SELECT id, sha256 FROM documents"))
    # The record is the base branch: the PR's new articles are not in it.
    assert ids == {p.stem for p in FIXTURES.glob("*.txt")}
    second = script(r, env, "--store", str(store), github=False)
    assert second.returncode == 1 and "building" not in second.stderr
    with sqlite3.connect(store) as conn:
        assert dict(conn.execute("SELECT id, sha256 FROM documents")) == stamp
    # The same places flagged as with the articles folder as the record.  (The messages may
    # differ: the store still holds the renamed article under its old name.)
    folder = script(r, env, github=False)

    def places(out: str) -> list[str]:
        return sorted(line.split("::")[1].split(",title=")[0] for line in out.splitlines() if line.startswith("::error"))

    assert places(first.stdout) and places(first.stdout) == places(folder.stdout)
    assert not any("worktree" in line for line in git(r, env, "worktree", "list").splitlines()[1:])
    assert len(git(r, env, "worktree", "list").splitlines()) == 1


def test_bad_base_is_a_one_line_error(repo):
    r, env = repo
    done = subprocess.run(["bash", str(SCRIPT), "--base", "nope", "--crosscheck", str(CROSSCHECK)],
                          cwd=r, env=env, capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "nope" in done.stderr


# --------------------------------------------------------------------------- the documented files


def _workflow_blocks() -> list[dict]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = []
    for chunk in text.split("```yaml\n")[1:]:
        data = yaml.safe_load(chunk.split("```", 1)[0])
        if isinstance(data, dict) and "jobs" in data:
            blocks.append(data)
    return blocks


def _uses(obj) -> list[str]:
    if isinstance(obj, dict):
        return ([obj["uses"]] if isinstance(obj.get("uses"), str) else []) + [u for v in obj.values() for u in _uses(v)]
    if isinstance(obj, list):
        return [u for v in obj for u in _uses(v)]
    return []


CURRENT = {"actions/checkout": "v7", "actions/setup-python": "v7", "actions/cache": "v6",
           "github/codeql-action/upload-sarif": "v4"}


def test_documented_workflow_runs_the_script_with_current_actions():
    (workflow,) = _workflow_blocks()
    jobs = workflow["jobs"]
    text = json.dumps(workflow, ensure_ascii=False)
    assert "ci-scripts/check-changed.sh" in text or "<org>/crosscheck@" in text
    assert workflow["permissions"] == {"contents": "read"} or "permissions" in workflow
    check_job = next(j for j in jobs.values() if "pull_request" in json.dumps(j.get("if", "pull_request")))
    perms = check_job.get("permissions", workflow.get("permissions"))
    assert perms.get("security-events") == "write" and perms.get("actions") == "read"
    for use in _uses(workflow) + _uses(yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))):
        name, _, ref = use.partition("@")
        if name in CURRENT:
            assert ref == CURRENT[name], use
    # A job on push to main keeps the store up to date.
    assert any("push" in json.dumps(j.get("if", "")) and "ingest" in json.dumps(j) for j in jobs.values())


def test_composite_action_inputs_and_script():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"articles", "store", "baseline", "fail-on"} <= set(action["inputs"])
    steps = json.dumps(action["runs"]["steps"], ensure_ascii=False)
    assert "ci-scripts/check-changed.sh" in steps and "GITHUB_ACTION_PATH" in steps
