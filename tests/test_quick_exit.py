"""A finished `check` run from the console leaves without freeing what it built
(crosscheck.cli.quick_exit): the same output, files and exit code as the ordinary exit; typer's
test runner and library calls keep the ordinary exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosscheck.cli import quick_exit
from crosscheck.cli.app import app
from crosscheck.store.sqlite_store import ingest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    """A store of generated articles and the fixtures, and a new generated article (conflicts)."""
    from corpus_support import generated_corpus
    from gen_articles import generate

    d = tmp_path_factory.mktemp("quick")
    db = d / "s.db"
    ingest([str(generated_corpus(d, 12, seed=33, name="gen.jsonl")), *map(str, FIXTURES)], db)
    doc = next(iter(generate(1, seed=1234)))
    new = d / "new.md"
    new.write_text(f"---\nid: fresh-0\ndate: {doc['date']}\nsource: {doc['source']}\n---\n{doc['text']}\n",
                   encoding="utf-8")
    return d, db, new


def _console(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`crosscheck ARGS` through the console entry point (crosscheck.cli.main)."""
    code = "import sys; from crosscheck.cli import main; sys.argv = ['crosscheck', *sys.argv[1:]]; main()"
    env = {**os.environ, "CROSSCHECK_CACHE_DIR": "off"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, env=env)


def _traced(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The same, reporting whether the process left through quick_exit (os._exit)."""
    code = ("import os, sys; from crosscheck.cli import main, quick_exit\n"
            "real = os._exit\n"
            "def traced(code):\n"
            "    sys.stderr.write(f'LEFT {code}\\n'); sys.stderr.flush(); real(code)\n"
            "os._exit = traced\n"
            "sys.argv = ['crosscheck', *sys.argv[1:]]; main()\n")
    env = {**os.environ, "CROSSCHECK_CACHE_DIR": "off"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_the_console_check_gives_the_runner_output_and_exit_code(record, fmt, monkeypatch):
    d, db, new = record
    monkeypatch.chdir(d)  # paths are shown relative to the working directory
    args = ["check", str(new), "--store", str(db), "--format", fmt]
    console = _traced(*args, cwd=d)
    assert f"LEFT {console.returncode}" in console.stderr  # it left early
    inproc = CliRunner().invoke(app, args)
    assert console.returncode == inproc.exit_code == 1  # conflicts found
    assert console.stdout == inproc.stdout
    if fmt == "json":
        assert json.loads(console.stdout)["findings"]
    assert not quick_exit.kept()  # the runner never keeps anything


def test_output_files_are_complete_and_the_summary_said(record, tmp_path, monkeypatch):
    d, db, new = record
    monkeypatch.chdir(d)
    out, sarif = tmp_path / "out.json", tmp_path / "out.sarif"
    done = _console("check", str(new), "--store", str(db), "--format", "json", "-o", str(out),
                    "--write", f"sarif:{sarif}", cwd=d)
    assert done.returncode == 1
    want = CliRunner().invoke(app, ["check", str(new), "--store", str(db), "--format", "json"]).stdout
    assert out.read_text(encoding="utf-8") == want
    assert json.loads(sarif.read_text(encoding="utf-8"))["runs"]
    assert "conflict" in done.stderr


def test_errors_and_other_commands_exit_as_usual(record):
    d, db, _new = record
    missing = _traced("check", str(d / "nope.md"), "--store", str(db), cwd=d)
    assert missing.returncode == 2 and "LEFT" not in missing.stderr
    assert "no such file" in missing.stderr
    version = _traced("--version", cwd=d)
    assert version.returncode == 0 and "LEFT" not in version.stderr and version.stdout.startswith("crosscheck ")


def test_leave_does_nothing_unless_something_was_kept(monkeypatch):
    calls = []
    monkeypatch.setattr(os, "_exit", calls.append)
    monkeypatch.setattr(quick_exit, "_kept", [])
    quick_exit.leave(1)
    monkeypatch.setattr(quick_exit, "ENABLED", False)
    quick_exit.keep(object())
    quick_exit.leave(1)
    assert calls == []
    monkeypatch.setattr(quick_exit, "ENABLED", True)
    quick_exit.keep(object())
    quick_exit.leave("a message")  # not a plain code: the ordinary exit prints it
    quick_exit.leave(None)
    quick_exit.leave(1)
    assert calls == [0, 1]


def test_what_is_kept_is_out_of_the_collectors_reach(monkeypatch):
    """keep() moves every live object out of the cyclic collector's reach (gc.freeze): what a
    check built with the collector held off is all in its youngest generation, and the first
    collection after it is back would read all of it again (counted: the objects that
    collection would read, tens of thousands before, next to none after)."""
    import gc

    from crosscheck.util.gc_pause import collector_paused

    monkeypatch.setattr(quick_exit, "ENABLED", True)
    monkeypatch.setattr(quick_exit, "_kept", [])
    try:
        with collector_paused():
            built = [[i] for i in range(20_000)]  # tracked containers, made as a check makes them
            young = len(gc.get_objects(generation=0))
            quick_exit.keep(built)
            left = len(gc.get_objects(generation=0))
    finally:
        gc.unfreeze()
    assert young > 20_000
    assert left < 100


def test_nothing_is_frozen_unless_the_console_leaves_early(monkeypatch):
    import gc

    monkeypatch.setattr(quick_exit, "ENABLED", False)
    before = gc.get_freeze_count()
    quick_exit.keep([[1], [2]])
    assert gc.get_freeze_count() == before
    assert not quick_exit.kept()
