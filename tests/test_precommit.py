"""The pre-commit hook as a newsroom uses it: the real `pre-commit` installs crosscheck from a
git repository (`repo:` a local path, `rev:` a tag) into its own environment and runs the hook
on a scratch newsroom repository.

Offline apart from what pip itself does here (the machine's configured package index).  The
hook environment is built once per session (PRE_COMMIT_HOME is shared by the tests below).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from packaging_support import FIXTURES, ROOT, check, clean_env, run, source_tree

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

TAG = "v0.0.1"
KILLED_NEW = "---\nid: new-toll\ndate: 2024-03-26\nsource: Test Wire\n---\n\nقالت وزارة الصحة إن عدد الشهداء في قطاع غزة بلغ 90 ألف شهيد منذ بدء الحرب.\n"


def _git(repo: Path, *args: str, env=None) -> str:
    return check(["git", "-C", repo, *args], env=env).stdout


def _git_env(home: Path) -> dict[str, str]:
    return clean_env(
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid",
        GIT_CONFIG_GLOBAL=str(home / "gitconfig"), GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(home / "pre-commit-home"),
        # pre-commit's `python` must be this interpreter's version (3.11+), not whatever
        # `python3` on PATH happens to be.
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    )


@pytest.fixture(scope="session")
def hook_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("precommit")
    (home / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n", encoding="utf-8")
    env = _git_env(home)
    src = source_tree(home / "crosscheck-src")
    _git(src, "init", "-q", env=env)
    _git(src, "add", "-A", env=env)
    _git(src, "commit", "-q", "-m", "crosscheck", env=env)
    _git(src, "tag", TAG, env=env)
    return home


def _newsroom(home: Path, name: str, args: str) -> Path:
    env = _git_env(home)
    repo = home / name
    (repo / "articles").mkdir(parents=True)
    (repo / "notes").mkdir()
    for f in FIXTURES.glob("*.txt"):
        shutil.copy(f, repo / "articles" / f.name)
    # Outside the articles folder: must not be checked (the documented `files:` pattern).
    (repo / "notes" / "draft.txt").write_text("ملاحظة: قتل 5 أشخاص في مكان ما.\n", encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {home / 'crosscheck-src'}\n"
        f"    rev: {TAG}\n"
        "    hooks:\n"
        "      - id: crosscheck\n"
        "        files: ^articles/.*\\.(txt|md|jsonl)$\n"
        f"        args: {args}\n",
        encoding="utf-8",
    )
    _git(repo, "init", "-q", env=env)
    _git(repo, "add", "-A", env=env)
    _git(repo, "commit", "-q", "-m", "archive", env=env)
    return repo


def _pre_commit(repo: Path, home: Path, *args: str):
    return run([sys.executable, "-m", "pre_commit", "run", "--verbose", *args], cwd=repo, env=_git_env(home))


def test_hook_installs_from_git_and_flags_a_contradicting_article(hook_home):
    repo = _newsroom(hook_home, "newsroom", "[--against=articles/, --fail-on=soft]")
    env = _git_env(hook_home)
    (repo / "articles" / "new-toll.md").write_text(KILLED_NEW, encoding="utf-8")
    (repo / "notes" / "draft.txt").write_text("قتل 500 ألف شخص في غزة.\n", encoding="utf-8")
    _git(repo, "add", "-A", env=env)
    done = _pre_commit(repo, hook_home)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "articles/new-toll.md:" in out and "error" in out
    assert "notes/draft.txt" not in out  # outside the files: pattern
    assert "1 new article(s)" in out
    # The commit itself is refused by the installed git hook.
    check([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env)
    commit = run(["git", "-C", repo, "commit", "-q", "-m", "add"], env=env)
    assert commit.returncode != 0
    assert "new-toll" in commit.stdout + commit.stderr


def test_hook_passes_an_agreeing_article_and_counts_all_files(hook_home):
    repo = _newsroom(hook_home, "newsroom2", "[--against=articles/, --fail-on=never]")
    env = _git_env(hook_home)
    agreeing = KILLED_NEW.replace("new-toll", "agree").replace("90 ألف", "نحو 32 ألف")
    (repo / "articles" / "agree.md").write_text(agreeing, encoding="utf-8")
    _git(repo, "add", "-A", env=env)
    staged = _pre_commit(repo, hook_home)
    assert staged.returncode == 0, staged.stdout + staged.stderr
    assert "1 new article(s)" in staged.stdout
    every = _pre_commit(repo, hook_home, "--all-files")
    out = every.stdout + every.stderr
    assert every.returncode == 0, out
    # --all-files hands over every article (and only articles): 6 of them, in one run.
    n = len(list((repo / "articles").glob("*")))
    assert n == 6
    assert f"in {n} new article(s)" in out
    assert out.count("crosscheck: ") >= 1 and out.count("new article(s)") == 1
