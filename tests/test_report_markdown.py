"""The Markdown report: conflicts first, compact, escaped, in the report's language."""

from __future__ import annotations

import report_samples as samples
from crosscheck.models import Report
from crosscheck.report.markdown import md_escape, render_markdown


def test_layout_conflicts_first_then_consistent():
    md = render_markdown(samples.report())
    lines = md.splitlines()
    assert lines[0] == "# crosscheck report: conflicting figures in the news"
    assert "3 articles · 7 claims · 4 clusters: **2 Conflict**, 1 Consistent, 1 Single source" in md
    conflicts, consistent = lines.index("## Conflicts"), lines.index("## Consistent clusters")
    assert conflicts < consistent
    # most severe conflict first, each with its own table
    h1 = lines.index("### 1. Hostages held: place: Gaza, period: cumulative")
    h2 = lines.index("### 2. Killed: group: everyone, place: Gaza, period: cumulative")
    assert conflicts < h1 < h2 < consistent
    header = "| Source | Date | Value | Qualifier | Bounds | Outlier | As written | file:line:col |"
    assert lines.count(header) == 2
    assert lines[h1 + 4] == header and lines[h1 + 5] == "|---|---|---|---|---|---|---|---|"


def test_conflict_table_rows():
    md = render_markdown(samples.report())
    assert "| a-news (وكالة أ) | 2024-03-25 | &gt; 33,000 | more than | (33,000, ∞) | no | أكثر من 33 ألف شخص |" in md
    row = next(line for line in md.splitlines() if line.startswith("| b-hostile"))
    assert "| ≈ 30,000 | approximate | \\[27,000, 33,000\\] | **yes** | نحو 30 ألف شخص |" in row
    assert "`killed-gaza-cumulative` · Severity 10% · Likely cause Reporting lag · Consensus 33,000" in md
    assert "`hostages_held-gaza` · Severity 50% · Likely cause Disagreement · Consensus —" in md


def test_consistent_clusters_are_one_line_each_and_singles_only_counted():
    md = render_markdown(samples.report())
    section = md.split("## Consistent clusters", 1)[1]
    items = [line for line in section.splitlines() if line.startswith("- ")]
    assert items == [
        "- `displaced-gaza` Displaced (place: Gaza): &gt; 1,000,000 · Consensus \\[1,000,000, ∞) · sources: 2"
    ]
    assert "killed-earlier" not in md
    assert "Single-source clusters (1) are listed in the JSON and HTML reports." in md


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
    assert "No conflicting figures were found." in md
    assert "0 articles · 0 claims · 0 clusters: **0 Conflict**" in md


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
    rest = lines[lines.index("Less severe conflicts (597; \\* = outlier):") + 2 :]
    assert [line.startswith("- `") for line in rest[:4]] == [True] * 4
    assert rest[4] == "- … and 593 more in the JSON and HTML reports"
    assert "- … and 296 more in the JSON and HTML reports" in md  # consistent clusters
    assert len(render_markdown(big)) < 65536  # GitHub's comment limit, with the defaults


def test_arabic_page_takes_its_words_from_the_labels():
    from crosscheck.report.labels import load_labels

    labels = load_labels()
    md = render_markdown(samples.report(), lang="ar")
    lines = md.splitlines()
    assert lines[0] == "# " + md_escape(labels.ui("title", "ar"))
    assert f"## {labels.ui('conflicts', 'ar')}" in lines
    assert f"### 2. {labels.kind('killed', 'ar')}: " in md
    head = next(line for line in lines if line.startswith("| ") and labels.ui("source", "ar") in line)
    assert head == "| " + " | ".join(md_escape(labels.ui(k, "ar")) for k in (
        "source", "date", "value", "qualifier", "bounds", "outlier", "as_written", "position")) + " |"
    assert f"**{labels.ui('yes', 'ar')}**" in md and labels.cause("reporting_lag", "ar") in md
    # ids, values and hostile text are as in the English page
    for same in ("`killed-gaza-cumulative`", "\\[27,000, 33,000\\]", "&lt;script&gt;"):
        assert same in md
    # no English label is left on the Arabic page
    for word in ("Conflicts", "Severity", "Consensus", "Source", "Killed", "approximate"):
        assert word not in md, word


def test_labels_of_a_rules_directory_change_the_page(tmp_path, monkeypatch):
    import shutil

    from crosscheck.ruleset.loader import DEFAULT_RULES_DIR

    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules)
    path = rules / "labels.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("en: Killed}", "en: Fatalities}"), encoding="utf-8")
    monkeypatch.setenv("CROSSCHECK_RULES", str(rules))
    assert "### 2. Fatalities: " in render_markdown(samples.report())


def test_report_lang_sets_the_markdown_language(tmp_path):
    from typer.testing import CliRunner

    from crosscheck.cli import app

    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    for lang, heading in (("ar", "## التعارضات"), ("en", "## Conflicts")):
        out = tmp_path / lang
        r = CliRunner().invoke(app, ["report", str(root / "fixtures"), "--out", str(out), "--format", "md", "--lang", lang])
        assert r.exit_code == 0, r.output
        assert heading in (out / "report.md").read_text(encoding="utf-8").splitlines()
