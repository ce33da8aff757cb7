"""CLI conventions shared by every command: --rules, -q/-v, --version, completion, formats,
file:line:col positions, the configured store, crosscheck.toml forms, `report --out -`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import crosscheck
from crosscheck.cli import app
from crosscheck.cli.app import take_shared_options
from crosscheck.config import load_settings
from crosscheck.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
runner = CliRunner()


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """The fixture articles plus a gold file beside them (skipped as 'not an article')."""
    d = tmp_path_factory.mktemp("arts")
    for f in FIXTURES.glob("*.txt"):
        shutil.copy(f, d / f.name)
    shutil.copy(FIXTURES / "gold.jsonl", d / "gold.jsonl")
    return d


# --------------------------------------------------------------------------- shared options


def test_version_is_the_package_version_and_pyproject_version():
    r = run("--version")
    assert r.exit_code == 0
    assert r.stdout.strip() == f"crosscheck {crosscheck.__version__}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == crosscheck.__version__


COMMANDS = [
    ["extract", "{a}"],
    ["eval", "--gold", "{gold}", "{a}"],
    ["report", "{a}", "--out", "{out}"],
    ["clusters", "{a}"],
    ["show", "killed-x", "{a}"],
    ["ingest", "{a}", "--store", "{out}/s.db"],
    ["check", "{a}/000_4818196588b4c122.txt", "--against", "{a}"],
    ["baseline", "create", "{a}", "-o", "{out}/b.json"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("before", [False, True], ids=["after", "before"])
def test_every_command_takes_rules(argv, before, articles, tmp_path):
    """--rules DIR reaches the rule loaders of every command: a missing directory is named."""
    missing = tmp_path / "no-such-rules"
    args = [x.format(a=articles, gold=FIXTURES / "gold.jsonl", out=tmp_path) for x in argv]
    args = (["--rules", str(missing)] + args) if before else (args + ["--rules", str(missing)])
    r = run(*args)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert str(missing) in r.stderr and "rules" in r.stderr
    assert "Traceback" not in r.stderr


def test_skipped_notes_quiet_by_default_and_with_q_shown_with_v(articles):
    default = run("clusters", articles)
    quiet = run("clusters", articles, "-q")
    verbose = run("-v", "clusters", articles)
    assert default.exit_code == quiet.exit_code == verbose.exit_code == 0
    assert "skipped" not in default.stderr and "skipped" not in quiet.stderr
    assert re.search(r"note: skipped .*gold\.jsonl", verbose.stderr)
    assert default.stdout == quiet.stdout == verbose.stdout  # stderr only
    # Options do not leak into the next run in the same process.
    assert "skipped" not in run("clusters", articles).stderr


def test_vv_names_the_rules_directory_in_force(articles):
    r = run("clusters", articles, "-vv")
    assert r.exit_code == 0
    assert "crosscheck: rules " in r.stderr


def test_q_silences_extract_s_wrote_note(articles, tmp_path):
    loud = run("extract", articles, "-o", tmp_path / "a.txt")
    quiet = run("extract", articles, "-o", tmp_path / "b.txt", "-q")
    assert "wrote" in loud.stderr and quiet.stderr == ""
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == (tmp_path / "a.txt").read_text(encoding="utf-8")


def test_shared_options_after_double_dash_are_left_alone():
    class Cmd:
        params: list = []

    class Group:
        commands = {"extract": Cmd()}

    assert take_shared_options(Group(), ["extract", "--", "-v", "--rules"]) == ["extract", "--", "-v", "--rules"]


def test_shell_completion_is_offered():
    # Typer finds the shell from the process tree, so ask from a real bash that stays the parent
    # (";exit" keeps bash from exec-ing the command; under make or
    # pytest-in-CI the parent may be /bin/sh, which Typer rightly refuses).
    exe = Path(sys.executable).with_name("crosscheck")
    r = subprocess.run(["bash", "-c", f"'{exe}' --show-completion; exit $?"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "complete" in r.stdout and "_CROSSCHECK_COMPLETE" in r.stdout
    assert "--install-completion" in run("--help").stdout


def test_help_of_a_command_names_the_shared_options():
    r = run("clusters", "--help")
    assert r.exit_code == 0 and "--rules" in r.stdout and "--quiet" in r.stdout


# --------------------------------------------------------------------------- formats, positions


def _file_at(position: str) -> tuple[str, int, int]:
    path, line, col = position.rsplit(":", 2)
    return path, int(line), int(col)


def _text_at(position: str) -> str:
    path, line, col = _file_at(position)
    return Path(path).read_text(encoding="utf-8").split("\n")[line - 1][col - 1:]


def test_extract_jsonl_positions_point_at_the_surface_in_the_file(articles):
    r = run("extract", "-f", "jsonl", articles)
    assert r.exit_code == 0
    records = [json.loads(x) for x in r.stdout.splitlines()]
    assert records
    for rec in records:
        assert _text_at(rec["position"]).startswith(rec["surface"]), rec


def test_extract_positions_count_front_matter_lines(tmp_path):
    body = "قُتل 12 شخصا في غارة على رفح."
    (tmp_path / "a.md").write_text(f"---\nid: a\ndate: 2024-03-01\n---\n\n{body}\n", encoding="utf-8")
    r = run("extract", "-f", "jsonl", tmp_path / "a.md")
    rec = json.loads(r.stdout.splitlines()[0])
    path, line, col = _file_at(rec["position"])
    assert line == 6 and _text_at(rec["position"]).startswith(rec["surface"])


def test_extract_table_shows_file_and_line_col(articles):
    r = run("extract", articles / "000_4818196588b4c122.txt", "-o", articles.parent / "t.txt")
    text = (articles.parent / "t.txt").read_text(encoding="utf-8")
    assert "000_4818196588b4c122.txt" in text
    assert re.search(r"\b1:\d+\b", text)


def test_clusters_tsv_when_piped_json_on_request(articles):
    tsv = run("clusters", articles)
    assert tsv.exit_code == 0
    rows = [line.split("\t") for line in tsv.stdout.splitlines()]
    assert rows and all(len(r) == 5 for r in rows)
    js = run("clusters", articles, "--format", "json")
    data = json.loads(js.stdout)
    assert [c["id"] for c in data] == [r[0] for r in rows]
    assert [c["status"] for c in data] == [r[4] for r in rows]
    for cluster in data:
        for claim in cluster["claims"]:
            assert _text_at(claim["position"]).startswith(claim["surface"])
    only = json.loads(run("clusters", articles, "-f", "json", "--status", "conflict").stdout)
    assert only and {c["status"] for c in only} == {"conflict"}


def test_clusters_table_is_aligned(articles):
    from crosscheck import pipeline
    from crosscheck.report.cluster_view import render_cluster_table, scope_text

    r = run("clusters", articles, "--format", "table")
    assert r.exit_code == 0 and "cluster / kind" in r.stdout and "\t" not in r.stdout
    clusters = pipeline.analyse([str(articles)]).clusters
    lines = render_cluster_table(clusters, width=200).splitlines()
    header = next(line for line in lines if "cluster / kind" in line)
    cols = [header.index(h) for h in ("cluster / kind", "scope", "values by source", "status")]
    rows = {line.split()[0]: line for line in lines if line.strip() and line.split()[0] in {c.id for c in clusters}}
    assert len(rows) == len(clusters)
    for c in clusters:  # each cell starts in its column
        row = rows[c.id]
        assert row[cols[0]:].startswith(c.id)
        assert row[cols[1]:].startswith(scope_text(c.key).split(" ")[0])
        assert row[cols[2]:].startswith(f"{c.claims[0].doc}: ")
        assert row[cols[3]:].strip() == c.status


def test_show_text_and_json_give_positions(articles):
    cid = json.loads(run("clusters", articles, "-f", "json", "-s", "conflict").stdout)[0]["id"]
    text = run("show", cid, articles)
    assert text.exit_code == 0
    at = re.findall(r" at (\S+:\d+:\d+) ", text.stdout)
    data = json.loads(run("show", cid, articles, "--format", "json").stdout)
    assert data["id"] == cid
    assert at == [c["position"] for c in data["claims"]]
    for claim in data["claims"]:
        assert _text_at(claim["position"]).startswith(claim["surface"])


def test_report_out_dash_is_an_error(articles, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("report", articles, "--out", "-")
    assert r.exit_code == 2
    assert "--out" in r.stderr and "directory" in r.stderr
    assert not (tmp_path / "-").exists()


# --------------------------------------------------------------------------- configuration


@pytest.fixture(scope="module")
def store(articles, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "record.db"
    r = run("ingest", articles, "--store", db)
    assert r.exit_code == 0, r.stderr
    return db


@pytest.mark.parametrize("form", ["crosscheck.toml", "crosscheck.toml (tool table)", "pyproject.toml"])
def test_configured_store_is_used_by_report_clusters_and_show(form, articles, store, tmp_path, monkeypatch):
    proj = tmp_path / "newsroom"
    (proj / "sub").mkdir(parents=True)
    setting = f'store = "{store}"\n'
    if form == "crosscheck.toml":
        (proj / "crosscheck.toml").write_text(setting, encoding="utf-8")
    elif form == "pyproject.toml":
        (proj / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.crosscheck]\n' + setting, encoding="utf-8")
    else:
        (proj / "crosscheck.toml").write_text("[tool.crosscheck]\n" + setting, encoding="utf-8")
    monkeypatch.chdir(proj / "sub")
    from_paths = run("clusters", articles)
    from_store = run("clusters")
    assert from_store.exit_code == 0, from_store.stderr
    assert from_store.stdout == from_paths.stdout and from_store.stdout
    cid = from_store.stdout.split("\t", 1)[0]
    shown = run("show", cid)
    assert shown.exit_code == 0 and shown.stdout.startswith(f"cluster {cid}\n")
    rep = run("report", "--out", tmp_path / "rep")
    assert rep.exit_code == 0, rep.stderr
    data = json.loads((tmp_path / "rep" / "report.json").read_text(encoding="utf-8"))
    assert len(data["documents"]) == len(list(articles.glob("*.txt")))


def test_no_paths_and_no_store_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("clusters")
    assert r.exit_code == 2
    assert r.stderr.startswith("crosscheck: error: no articles given") and r.stderr.count("\n") == 1


def test_crosscheck_toml_with_both_forms_is_an_error(tmp_path):
    cfg = tmp_path / "crosscheck.toml"
    cfg.write_text('store = "a.db"\n[tool.crosscheck]\nstore = "b.db"\n', encoding="utf-8")
    with pytest.raises(InputError, match="not both"):
        load_settings(start=tmp_path)


def test_crosscheck_toml_forms_give_the_same_settings(tmp_path):
    a, b, c = (tmp_path / n for n in "abc")
    for d in (a, b, c):
        d.mkdir()
    body = 'store = "x.db"\nbaseline = "b.json"\ntolerance = 0.1\nwindow_days = 2\nfail_on = "never"\nformat = "md"\nrules = "r"\n'
    (a / "crosscheck.toml").write_text(body, encoding="utf-8")
    (b / "crosscheck.toml").write_text("[tool.crosscheck]\n" + body, encoding="utf-8")
    (c / "pyproject.toml").write_text("[tool.crosscheck]\n" + body, encoding="utf-8")
    dumps = []
    for d in (a, b, c):
        s = load_settings(start=d).model_dump()
        s.pop("source")
        s = {k: (Path(v).name if k in ("store", "baseline", "rules") else v) for k, v in s.items()}
        dumps.append(s)
    assert dumps[0] == dumps[1] == dumps[2]
    assert dumps[0]["tolerance"] == 0.1 and dumps[0]["fail_on"] == "never"


def test_env_rules_beat_the_configured_rules_for_check(articles, tmp_path, monkeypatch):
    (tmp_path / "crosscheck.toml").write_text('rules = "configured-rules"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CROSSCHECK_RULES", str(tmp_path / "env-rules"))
    r = run("check", articles / "000_4818196588b4c122.txt", "--against", articles)
    assert r.exit_code == 2
    assert "env-rules" in r.stderr and "configured-rules" not in r.stderr


def test_rules_flag_does_not_outlive_the_run(articles, tmp_path):
    """--rules applies to its run only: library calls afterwards use the default rules."""
    from crosscheck.ruleset.resources import rules_dir

    before = rules_dir()
    custom = tmp_path / "custom"
    shutil.copytree(ROOT / "rules", custom)
    r = run("ingest", articles, "--store", tmp_path / "s.db", "--rules", custom)
    assert r.exit_code == 0, r.stderr
    assert rules_dir() == before != custom
