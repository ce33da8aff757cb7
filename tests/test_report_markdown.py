"""The Markdown report: conflicts first, compact, escaped."""

from __future__ import annotations

import report_samples as samples
from crosscheck.models import Report
from crosscheck.report.markdown import md_escape, render_markdown


def test_layout_conflicts_first_then_consistent():
    md = render_markdown(samples.report())
    lines = md.splitlines()
    assert lines[0] == "# crosscheck report"
    assert "3 documents · 7 claims · 4 clusters: **2 conflicts**, 1 consistent, 1 single-source" in md
    conflicts, consistent = lines.index("## Conflicts"), lines.index("## Consistent")
    assert conflicts < consistent
    # most severe conflict first, each with its own table
    h1 = lines.index("### 1. hostages\\_held: location=gaza period=cumulative")
    h2 = lines.index("### 2. killed: group=all location=gaza period=cumulative")
    assert conflicts < h1 < h2 < consistent
    header = "| source | date | value | qualifier | bounds | outlier | as written | file:line:col |"
    assert lines.count(header) == 2
    assert lines[h1 + 4] == header and lines[h1 + 5] == "|---|---|---|---|---|---|---|---|"


def test_conflict_table_rows():
    md = render_markdown(samples.report())
    assert "| a-news (وكالة أ) | 2024-03-25 | &gt; 33,000 | more\\_than | (33,000, ∞) | no | أكثر من 33 ألف شخص |" in md
    row = next(line for line in md.splitlines() if line.startswith("| b-hostile"))
    assert "| ≈ 30,000 | approx | \\[27,000, 33,000\\] | **yes** | نحو 30 ألف شخص |" in row
    assert "`killed-gaza-cumulative` · severity 10% · cause reporting\\_lag · consensus 33,000" in md


def test_consistent_clusters_are_one_line_each_and_singles_only_counted():
    md = render_markdown(samples.report())
    section = md.split("## Consistent", 1)[1]
    items = [line for line in section.splitlines() if line.startswith("- ")]
    assert items == [
        "- `displaced-gaza` displaced (location=gaza): &gt; 1,000,000 · consensus \\[1,000,000, ∞) · 2 sources"
    ]
    assert "killed-earlier" not in md
    assert "1 single-source cluster is listed in the JSON and HTML reports." in md


def test_hostile_text_is_escaped():
    md = render_markdown(samples.report())
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;" in md
    assert "\u202e" not in md and "&lt;U+202E&gt;" in md
    # every table row keeps its 8 cells: no stray pipe from article text
    for line in md.splitlines():
        if line.startswith("| ") and not line.startswith("|---"):
            assert line.replace("\\|", "").count("|") == 9, line


def test_md_escape():
    assert md_escape("a|b *c* [d](e) `f`") == "a\\|b \\*c\\* \\[d\\](e) \\`f\\`"
    assert md_escape("سطر\nثان") == "سطر ثان"


def test_empty_report_says_so():
    md = render_markdown(Report(documents=[], clusters=[]))
    assert "No conflicting figures found." in md
    assert "0 documents · 0 claims · 0 clusters: **0 conflicts**" in md


def test_is_short_enough_for_a_comment():
    md = render_markdown(samples.report())
    assert len(md) < 65536  # GitHub's comment limit
    assert "قالت وزارة الصحة" not in md  # whole sentences stay in the HTML report


def test_big_runs_stay_comment_sized():
    base = samples.report()
    many = [c.model_copy(update={"id": f"{c.id}-{i}"}) for i in range(300) for c in base.clusters]
    big = base.model_copy(update={"clusters": many})
    md = render_markdown(big, max_tables=3, max_lines=4)
    lines = md.splitlines()
    assert sum(1 for line in lines if line.startswith("### ")) == 3
    rest = lines[lines.index("Less severe conflicts (597; * = outlier):") + 2 :]
    assert [line.startswith("- `") for line in rest[:4]] == [True] * 4
    assert rest[4] == "- … and 593 more in the JSON and HTML reports"
    assert "- … and 296 more in the JSON and HTML reports" in md  # consistent clusters
    assert len(render_markdown(big)) < 65536  # GitHub's comment limit, with the defaults
