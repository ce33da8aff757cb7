"""Output formats of `check`: GitHub escaping and the 10-per-type limit, the PR comment,
text lines; and the textpos helper they rely on."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from crosscheck.ci.check import run_check
from crosscheck.config import Settings
from crosscheck.ci.findings import CheckResult
from crosscheck.ci.markdown import md_escape, render_markdown_comment
from crosscheck.ci.github import MAX_PER_TYPE, annotation, escape_data, escape_property, render_github
from crosscheck.models import Document
from crosscheck.text.textpos import LineIndex, locate_document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def article(prefix: str) -> Path:
    (path,) = FIXTURES.glob(f"{prefix}_*.txt")
    return path


@pytest.fixture(scope="module")
def result() -> CheckResult:
    # 002 against 001: hostages held about 200 vs more than 100 (a judged conflict).
    return run_check([str(article("002"))], [str(article("001"))], settings=Settings(fail_on="soft"))


def test_escaping_follows_githubs_rules():
    assert escape_data("50% of\r\nx: a, b") == "50%25 of%0D%0Ax: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # Escaping % first: an existing '%3A' in the text is not mistaken for an escape.
    assert escape_property("%3A") == "%253A"


def test_annotation_properties_are_escaped_and_message_is_one_line(result):
    f = copy.copy(result.errors[0])
    f.document = f.document.model_copy(update={"path": "dir,with:odd/name.txt"})
    line = annotation(f)
    assert "\n" not in line
    assert line.startswith("::error file=dir%2Cwith%3Aodd/name.txt,line=")
    m = re.match(r"::error ([^:]*)::(.*)$", line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(1).split(","))
    assert set(props) == {"file", "line", "col", "endColumn", "title"}
    assert int(props["endColumn"]) - int(props["col"]) + 1 == len(f.claim.surface)
    assert "%3A" in props["title"]  # "crosscheck: …" keeps its colon escaped


def test_github_shows_ten_annotations_per_type_and_says_how_many_more(result):
    many = copy.copy(result)
    err = result.errors[0]
    warn = copy.copy(err)
    warn.level = "warning"
    many.findings = [err] * (MAX_PER_TYPE + 3) + [warn] * 2
    many.fail_on = "warning"
    out = render_github(many).splitlines()
    assert sum(1 for line in out if line.startswith("::error ")) == MAX_PER_TYPE
    assert sum(1 for line in out if line.startswith("::warning ")) == 2
    overflow = [line for line in out if not line.startswith("::") and ": error: " in line]
    assert len(overflow) == 3
    assert "3 more error(s) not shown as annotations (GitHub shows 10 per type per step)" in out[-1]


def test_markdown_comment_lists_findings_with_escaped_text(result):
    md = render_markdown_comment(result)
    assert md.startswith(f"### crosscheck: {len(result.errors)} new conflict(s) with the record\n")
    rows = [line for line in md.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == len(result.findings)
    for f, row in zip(result.findings, rows):
        assert md_escape(f.claim.surface) in row
        assert row.count(" | ") == 4  # five cells: no stray pipes from article text
    assert md_escape("a|b *c* <script>") == r"a\|b \*c\* \<script\>"
    clean = CheckResult(result.new_documents, result.record_documents, [])
    assert render_markdown_comment(clean).startswith("### crosscheck: no new conflicts with the record\n")


def test_line_index_positions():
    text = "ab\r\ncd\nx"
    idx = LineIndex(text)
    assert idx.line_col(0) == (1, 1)
    assert idx.line_col(4) == (2, 1)
    assert idx.line_col(7) == (3, 1)
    assert idx.line_col(8) == (3, 2)  # the end of the text
    assert idx.line_text(1) == "ab"  # the CR belongs to the line ending
    region = idx.region(4, 6)
    assert (region.line, region.col, region.end_line, region.end_col) == (2, 1, 2, 2)
    with pytest.raises(ValueError):
        idx.line_col(99)


def test_locate_document_adds_front_matter_and_bom(tmp_path):
    body = "سطر أول\nقتل 30 شخصا\n"
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbf" + f"---\nid: a\n---\n{body}".encode("utf-8"))
    doc = Document(id="a", text=body, path=str(path))
    ft = locate_document(doc)
    start = body.index("30")
    pos = ft.position(start, start + 2)
    assert (pos.line, pos.col) == (5, 5)
    assert ft.at(pos) == "30"
    # A file that changed since it was read is not located (no wrong positions).
    path.write_text("something else", encoding="utf-8")
    assert locate_document(doc) is None
    assert locate_document(Document(id="s", text=body, path="-")) is None


def test_jsonl_articles_are_placed_on_their_record_line(tmp_path):
    import json

    text = article("002").read_text(encoding="utf-8")
    other = article("001").read_text(encoding="utf-8")
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "لا أرقام هنا"}, ensure_ascii=False) + "\n\n"
                    + json.dumps({"id": "new", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    rec = tmp_path / "rec.jsonl"
    rec.write_text(json.dumps({"id": "old", "text": other}, ensure_ascii=False) + "\n", encoding="utf-8")
    res = run_check([str(path)], [str(rec)], settings=Settings(fail_on="soft"))
    assert res.errors
    assert {(f.position.line, f.position.col) for f in res.errors} == {(3, 1)}


def test_markdown_comment_rows_say_path_line_and_column(result):
    rows = [line for line in render_markdown_comment(result).splitlines()
            if line.startswith("| ") and "---" not in line][1:]
    placed = [(f, row) for f, row in zip(result.findings, rows) if f.position is not None]
    assert placed
    for f, row in placed:
        assert row.startswith(f"| {md_escape(f.path)}:{f.position.line}:{f.position.col} | ")
