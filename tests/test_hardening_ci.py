"""Hostile paths and ids through `check --format github|sarif|md` (issue 11, item 4), and the bidi
spoofing warning (item 8)."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from crosscheck.cli import app
from crosscheck.extract.extractor import extract_text

runner = CliRunner()

HOSTILE_IDS = [
    "x\n::error title=pwned::owned",
    "y\r\n::add-mask::secret",
    "::set-output name=a::b",
    "##[error]legacy",
    "z%0A::warning::encoded",
    "w,title=t:colon",
    "  ::notice::indented",
    "@someone <img src=x onerror=alert(1)> [link](http://evil) `code` |pipe|",
    "\u202eevil\u202c",
]
OURS = ("::error ", "::warning ", "::notice ")
PROPS = {"file", "line", "endLine", "col", "endColumn", "title"}


def _corpus(tmp_path, hostile_dir: bool = True):
    d = tmp_path / ("evil\n::error::dir," if hostile_dir else "d")
    d.mkdir()
    record = tmp_path / "record.txt"
    # one day for every article: their different tolls cannot all be true (undated, figures this
    # far apart could be different stages of a story)
    record.write_text("---\ndate: 2024-03-01\n---\nقتل 30 شخصا في غزة.\n", encoding="utf-8")
    lines = [json.dumps({"id": hid + str(i // len(HOSTILE_IDS) or ""), "date": "2024-03-01",
                         "text": f"قتل {40 + i} شخصا في غزة."}, ensure_ascii=False)
             for i, hid in enumerate(HOSTILE_IDS * 2)]  # 18 findings: past GitHub's 10 per type
    new = d / "new\n::error title=x::y.jsonl"
    new.write_text("\n".join(lines) + "\n", encoding="utf-8")
    front = d / "front.md"
    front.write_text("---\nid: \"fm\\n::error title=fm::owned\"\ndate: 2024-03-01\n---\nقتل 99 شخصا في غزة.\n", encoding="utf-8")
    return [str(new), str(front)], str(record)


def _check(fmt, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    new, record = _corpus(tmp_path)
    r = runner.invoke(app, ["check", *new, "--against", record, "--format", fmt])
    assert r.exit_code == 1, r.output  # conflicts found, nothing else went wrong
    return r.stdout


def test_github_output_issues_no_command_but_crosscheck_s(tmp_path, monkeypatch):
    out = _check("github", tmp_path, monkeypatch)
    lines = re.split(r"\r\n|\r|\n", out.rstrip("\n"))
    assert len(lines) > 18
    commands = 0
    for line in lines:
        bare = line.lstrip()  # the runner trims leading white space before looking for '::'
        assert not bare.startswith("##["), line
        if bare.startswith("::"):
            assert line.startswith(OURS), line
            commands += 1
            head, sep, message = line[2:].partition("::")
            assert sep, line
            cmd, _, props = head.partition(" ")
            assert cmd in ("error", "warning", "notice")
            for prop in props.split(","):
                key, eq, value = prop.partition("=")
                assert eq and key in PROPS, (prop, line)
                assert not re.search(r"[:,\r\n]", value), (prop, line)
            assert "\r" not in message and "\n" not in message
        else:
            assert line.startswith("crosscheck: "), line
    assert commands == 10  # GitHub's cap per type; the other findings are plain lines


def test_sarif_keeps_hostile_paths_inert(tmp_path, monkeypatch):
    sarif = json.loads(_check("sarif", tmp_path, monkeypatch))
    results = sarif["runs"][0]["results"]
    assert len(results) >= 18
    for res in results:
        for loc in res["locations"]:
            uri = loc["physicalLocation"]["artifactLocation"]["uri"]
            assert not re.search(r"[\s\x00-\x1f]", uri), uri  # percent-encoded


def test_markdown_rows_are_single_lines_without_live_markup(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    new, record = _corpus(tmp_path)
    r = runner.invoke(app, ["check", *new, "--against", record, "--format", "md"])
    assert r.exit_code == 1
    rows = [l for l in r.stdout.splitlines() if l.startswith("| ") and "---" not in l][1:]
    assert len(rows) >= 18
    body = "\n".join(rows)
    for row in rows:
        for cell in re.split(r"(?<!\\) \| ", row[2:-2]):
            assert not re.search(r"(?<!\\)[<>\[\]()`|*_]", cell), (cell, row)  # every special escaped
    assert "@someone" not in body and "&#64;someone" in body  # no @mention
    assert "\u202e" not in r.stdout
    for row in rows:
        assert row.endswith(" |")


def test_bidi_override_is_flagged_on_the_claim_and_in_check(tmp_path, monkeypatch):
    (c,) = extract_text("قتل \u202e03\u202c شخصا")
    assert c.value == 3 and c.warnings == ["bidi_override"]
    (c,) = extract_text("قتل \u202e0021\u202c شخصا")
    assert c.value == 21 and c.warnings == ["bidi_override"]
    (c,) = extract_text("قتل 12\u200f34 شخصا")
    assert c.warnings == ["bidi_control_in_number"]
    (c,) = extract_text("قتل 30 شخصا")
    assert c.warnings == []
    # an isolate inside the override resets it: the digits are not reordered
    (c,) = extract_text("قتل \u202e\u2066 30 \u2069 شخصا\u202c")
    assert c.warnings == []
    monkeypatch.chdir(tmp_path)
    (tmp_path / "new.txt").write_text("قتل \u202e03\u202c شخصا في غزة.\n", encoding="utf-8")
    (tmp_path / "rec.txt").write_text("قتل 3 أشخاص في غزة.\n", encoding="utf-8")
    r = runner.invoke(app, ["check", "new.txt", "--against", "rec.txt", "--format", "github"])
    assert r.exit_code == 0, r.output  # no conflict: only the warning
    warn = [l for l in r.stdout.splitlines() if l.startswith("::warning ")]
    assert len(warn) == 1 and "BidiSpoofing" in warn[0] and "bidi_override" in warn[0]
    assert "\u202e" not in r.stdout and "\u202c" not in r.stdout


def test_input_errors_with_hostile_names_stay_on_one_line(tmp_path):
    d = tmp_path / "a\n::error::b"
    d.mkdir()
    (d / "x.jsonl").write_text('{"id": "i\\n::error::j", "text": "قتل 3"}\n{"id": "i\\n::error::j", "text": "قتل 4"}\n',
                               encoding="utf-8")
    r = runner.invoke(app, ["extract", str(d)])
    assert r.exit_code == 2
    lines = [l for l in r.output.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("crosscheck: error: duplicate document id"), r.output
