"""crosscheck as a user installs it: the wheel, a fresh virtual environment, a working
directory outside the checkout, the packaged rules, and a custom rules directory.

One wheel and one environment per test session (the `installed` fixture); the install uses
pip with the machine's configured package index.
"""

from __future__ import annotations

import json
import shutil
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from packaging_support import FIXTURES, ROOT, base_python, check, clean_env, run, source_tree

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- the package list


def test_package_list_matches_the_subpackages():
    """pyproject lists packages explicitly: every package under crosscheck/ and nothing else."""
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    on_disk = {"crosscheck"} | {
        "crosscheck." + ".".join(p.parent.relative_to(ROOT / "crosscheck").parts)
        for p in (ROOT / "crosscheck").rglob("__init__.py")
        if p.parent != ROOT / "crosscheck" and "__pycache__" not in p.parts
    }
    assert listed - {"crosscheck.rules_data"} == on_disk
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"crosscheck.rules_data": "rules"}


def test_every_rule_file_is_package_data():
    globs = PYPROJECT["tool"]["setuptools"]["package-data"]["crosscheck.rules_data"]
    files = [p.relative_to(ROOT / "rules") for p in (ROOT / "rules").rglob("*") if p.is_file()]
    assert files
    for f in files:
        assert any(f.match(g) or (g.startswith("**/") and f.match(g[3:])) for g in globs), f


# --------------------------------------------------------------------------- the wheel


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    src = source_tree(work / "src")
    check([base_python(), "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "dist", src],
          env=clean_env(), cwd=work)
    (built,) = (work / "dist").glob("crosscheck-*.whl")
    return built


@pytest.fixture(scope="session")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed; returns its bin/ directory."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    # No pip of its own (ensurepip is the slow part); this run's pip installs into it.
    check([base_python(), "-m", "venv", "--without-pip", venv], env=clean_env())
    check([sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q",
           "--no-compile", wheel], env=clean_env())
    return venv / "bin"


@pytest.fixture
def outside(tmp_path) -> Path:
    """A working directory outside the checkout with a copy of the fixture articles."""
    arts = tmp_path / "articles"
    arts.mkdir()
    for f in FIXTURES.glob("*.txt"):
        shutil.copy(f, arts / f.name)
    shutil.copy(FIXTURES / "gold.jsonl", arts / "gold.jsonl")
    assert ROOT not in tmp_path.parents
    return tmp_path


def test_wheel_holds_the_rules_and_no_repository_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = {f"crosscheck/rules_data/{p.relative_to(ROOT / 'rules').as_posix()}"
                  for p in (ROOT / "rules").rglob("*.yaml")}
    assert rule_files and rule_files <= names
    assert not any(n.startswith(("tests/", "fixtures/", "rules/", "benchmarks/", "tools/")) for n in names)
    assert "crosscheck/cli/app.py" in names
    version = PYPROJECT["project"]["version"]
    assert wheel.name.startswith(f"crosscheck-{version}-")


def test_installed_report_runs_outside_the_checkout(installed, outside):
    env = clean_env()
    where = check([installed / "python", "-c",
                   "import crosscheck, crosscheck.ruleset.resources as r; print(crosscheck.__file__); print(r.rules_dir())"],
                  cwd=outside, env=env).stdout.splitlines()
    venv = installed.parent
    assert Path(where[0]).is_relative_to(venv) and Path(where[1]).is_relative_to(venv), where
    done = check([installed / "crosscheck", "report", "articles", "--out", "out"], cwd=outside, env=env)
    assert "skipped" not in done.stderr  # notes are quiet by default
    report = json.loads((outside / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(report["documents"]) == 5
    conflicts = {c["kind"] for c in report["clusters"] if c["status"] == "conflict"}
    assert "killed" in conflicts
    assert (outside / "out" / "report.html").stat().st_size > 0
    # The same claims as the checkout's own code gives.
    from crosscheck import pipeline

    here = pipeline.analyse([str(outside / "articles")])
    assert len(report["clusters"]) == len(here.clusters)


def test_installed_version_module_and_completion(installed, outside):
    env = clean_env()
    version = PYPROJECT["project"]["version"]
    assert check([installed / "crosscheck", "--version"], cwd=outside, env=env).stdout.strip() == f"crosscheck {version}"
    assert check([installed / "python", "-m", "crosscheck", "--version"], cwd=outside, env=env).stdout.strip() == f"crosscheck {version}"
    # Typer finds the shell from the process tree: ask from a bash that stays the parent.
    comp = check(["bash", "-c", f"'{installed / 'crosscheck'}' --show-completion; exit $?"], cwd=outside, env=env).stdout
    assert "_CROSSCHECK_COMPLETE" in comp


def _custom_rules(dest: Path) -> Path:
    """The packaged rules with ألف worth 10,000 (number lexicon) and killed never clustered
    (reconcile settings): both changes show in the output."""
    shutil.copytree(ROOT / "rules", dest)
    lexicon = dest / "numbers" / "ar.yaml"
    text = lexicon.read_text(encoding="utf-8")
    assert "  - value: 1000\n    singular: [ألف]" in text
    lexicon.write_text(text.replace("  - value: 1000\n    singular: [ألف]", "  - value: 10000\n    singular: [ألف]", 1), encoding="utf-8")
    settings = dest / "reconcile.yaml"
    text = settings.read_text(encoding="utf-8")
    assert "unclustered_kinds: [other]" in text
    settings.write_text(text.replace("unclustered_kinds: [other]", "unclustered_kinds: [other, killed]", 1), encoding="utf-8")
    return dest


def _killed(report_dir: Path) -> tuple[set, set]:
    report = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    values = {c["value"] for cl in report["clusters"] if cl["kind"] == "killed" for c in cl["claims"]}
    statuses = {cl["status"] for cl in report["clusters"] if cl["kind"] == "killed"}
    return values, statuses


@pytest.mark.parametrize("how", ["flag", "env", "config"])
def test_installed_custom_rules_directory(installed, outside, how):
    custom = _custom_rules(outside / "my-rules")
    env = clean_env()
    cmd = [installed / "crosscheck", "report", "articles", "--out", "custom", "--format", "json"]
    if how == "flag":
        cmd += ["--rules", custom]
    elif how == "env":
        env["CROSSCHECK_RULES"] = str(custom)
    else:
        (outside / "crosscheck.toml").write_text('rules = "my-rules"\n', encoding="utf-8")
    check(cmd, cwd=outside, env=env)
    values, statuses = _killed(outside / "custom")
    assert 330000 in values and 33000 not in values  # the custom number lexicon
    assert statuses == {"single"}  # the custom reconcile settings
    # Without it: the packaged rules.
    if how == "config":
        (outside / "crosscheck.toml").unlink()
    check([installed / "crosscheck", "report", "articles", "--out", "default", "--format", "json"],
          cwd=outside, env=clean_env())
    values, statuses = _killed(outside / "default")
    assert 33000 in values and "conflict" in statuses


def test_installed_bad_rules_directory_is_one_line(installed, outside):
    done = run([installed / "crosscheck", "clusters", "articles", "--rules", "nowhere"], cwd=outside, env=clean_env())
    assert done.returncode == 2
    assert done.stderr.startswith("crosscheck: error: ") and done.stderr.count("\n") == 1
    assert "nowhere: rules directory not found" in done.stderr
