"""Reports give `file:line:col` for every claim and mention (JSON, Markdown, HTML), as `check`,
`extract` and `show` do; line starts are computed once per file, not once per claim."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosscheck import pipeline
from crosscheck.cli import app
from crosscheck.report import positions
from crosscheck.text import textpos

FRONT = "---\nid: a\ndate: 2024-03-01\nsource: وكالة أ\n---\n\n"
BODY_A = ("قُتل 120 شخصا في غارات على رفح يوم الجمعة.\n\n"
          "وقال الدفاع المدني إن المستشفيات استقبلت الجرحى، وأكد أن 120 شخصا قُتلوا في غارات على رفح.\n")
RECORD_B = {"id": "b", "date": "2024-03-01", "source": "وكالة ب", "text": "قُتل 90 شخصا في غارات على رفح يوم الجمعة."}


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    d = tmp_path / "arts"
    d.mkdir()
    (d / "a.md").write_text(FRONT + BODY_A, encoding="utf-8")
    other = {"id": "c", "date": "2024-03-01", "text": "لا أرقام هنا."}
    (d / "b.jsonl").write_text(json.dumps(other, ensure_ascii=False) + "\n"
                               + json.dumps(RECORD_B, ensure_ascii=False) + "\n", encoding="utf-8")
    return d


def _split(position: str) -> tuple[str, int, int]:
    path, line, col = position.rsplit(":", 2)
    return path, int(line), int(col)


def _text_at(position: str) -> str:
    path, line, col = _split(position)
    return Path(path).read_text(encoding="utf-8").split("\n")[line - 1][col - 1:]


def _report(articles: Path, out: Path, *extra: str) -> dict:
    r = CliRunner().invoke(app, ["report", str(articles), "--out", str(out), *extra])
    assert r.exit_code == 0, r.output
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_json_report_positions_point_at_claims_and_mentions(articles, tmp_path):
    data = _report(articles, tmp_path / "out")
    claims = [c for cl in data["clusters"] for c in cl["claims"]]
    by_doc = {c["doc"]: c for c in claims}
    assert set(by_doc) == {"a", "b"}
    a = by_doc["a"]
    # front matter counted: the body's first line is line 7 of the file
    assert _split(a["position"])[0] == str(articles / "a.md")
    assert _split(a["position"])[1] == 7
    assert len(a["mentions"]) == 2  # the figure is stated twice: two places
    assert a["mentions"][0]["position"] == a["position"]
    assert _split(a["mentions"][1]["position"])[1] == 9
    for m in a["mentions"]:
        assert _text_at(m["position"]).startswith(m["surface"]), m
    # a JSONL article: its record's line, column 1
    assert by_doc["b"]["position"] == f"{articles / 'b.jsonl'}:2:1"
    assert by_doc["b"]["mentions"][0]["position"] == by_doc["b"]["position"]


def test_markdown_and_html_show_the_positions(articles, tmp_path):
    data = _report(articles, tmp_path / "out", "--format", "md,html,json")
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    claims = {c["doc"]: c for cl in data["clusters"] for c in cl["claims"]}
    a_pos, b_pos = claims["a"]["position"], claims["b"]["position"]
    second = ":".join(claims["a"]["mentions"][1]["position"].rsplit(":", 2)[1:])
    row_a = next(line for line in md.splitlines() if line.startswith("| a "))
    assert row_a.endswith(f"| `{a_pos}` (+ {second}) |")
    assert any(line.startswith("| b ") and line.endswith(f"| `{b_pos}` |") for line in md.splitlines())
    assert f">{html.escape(a_pos)}</bdi>" in page and f">{html.escape(b_pos)}</bdi>" in page
    assert f'<bdi class="num" dir="ltr">{second}</bdi>' in page


def test_no_file_no_position(articles, tmp_path):
    """A document whose file changed since it was read (or stdin) has no position: null, '-'."""
    analysis = pipeline.analyse([str(articles)])
    (articles / "a.md").write_text(FRONT + BODY_A.replace("120", "130"), encoding="utf-8")
    report = analysis.report()
    claims = {c.doc: c for cl in report.clusters for c in cl.claims}
    assert claims["a"].position is None
    assert [m.position for m in claims["a"].mentions] == [None, None]
    assert claims["b"].position is not None
    from crosscheck.report.markdown import render_markdown

    row = next(line for line in render_markdown(report).splitlines() if line.startswith("| a "))
    assert row.endswith("| - |")


def test_line_starts_are_computed_once_per_file(tmp_path, monkeypatch):
    """Many claims in one article: the file is read and indexed once, not once per claim."""
    lines = [f"قُتل {n} شخصا في غارة على مدينة رقم {n}.\nوأصيب {n + 1} آخرون." for n in range(100, 160)]
    (tmp_path / "long.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "short.txt").write_text("قُتل 12 شخصا في غارة على رفح.\n", encoding="utf-8")
    analysis = pipeline.analyse([str(tmp_path)])
    assert len(analysis.claims) > 60
    built = []
    real_init = textpos.LineIndex.__init__

    def counting_init(self, text):
        built.append(len(text))
        real_init(self, text)

    monkeypatch.setattr(textpos.LineIndex, "__init__", counting_init)
    report = analysis.report()
    assert len(built) == 2  # one index per file
    located = [c for cl in report.clusters for c in cl.claims if c.position]
    assert len(located) == len(analysis.claims)
    for c in located:
        assert _text_at(c.position).startswith(c.surface)


def test_other_mentions_lists_the_further_places_line_col():
    from crosscheck.models import ClusterClaim

    c = ClusterClaim(doc="d", kind="killed", value=5, start=0, end=1, surface="5",
                     mentions=[{"start": 0, "end": 1, "surface": "5", "position": "x:y.txt:1:1"},
                               {"start": 9, "end": 10, "surface": "5", "position": "x:y.txt:3:4"},
                               {"start": 20, "end": 21, "surface": "5"}])
    assert positions.other_mentions(c) == ["3:4"]


def test_markdown_position_cell_keeps_the_table_whole():
    """A file name with a pipe or a backtick cannot add a cell or end the code span early."""
    from crosscheck.models import ClusterClaim
    from crosscheck.report.markdown import _position

    def cell(pos):
        return _position(ClusterClaim(doc="d", kind="killed", value=5, start=0, end=1, surface="5", position=pos))

    assert cell("a|b.txt:1:2") == "`a\\|b.txt:1:2`"
    assert cell("a`b.txt:1:2") == "a\\`b.txt:1:2"
    assert cell(None) == "-"
