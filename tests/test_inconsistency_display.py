"""Inconsistencies between clusters as users see them: report Markdown and HTML (escaped),
`crosscheck show`, and `crosscheck check` (text, GitHub annotations, SARIF, JSON, Markdown;
hard ones fail by default, --fail-on never/soft)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from crosscheck.cli import app
from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.report.html import render_html
from crosscheck.report.markdown import render_markdown

HOSTILE = '<img src=x onerror="alert(1)">|*'
CITY = "قتل 520 شخصا في حلب جراء الزلزال."
COUNTRY = "ارتفع عدد قتلى الزلزال في سوريا إلى 410 أشخاص."


def _write(path: Path, doc_id: str, text: str, date: str = "2024-01-05") -> Path:
    path.write_text(f"---\nid: '{doc_id}'\ndate: {date}\n---\n{text}\n", encoding="utf-8")
    return path


def _report(city_id: str = "city"):
    docs = [Document(id=city_id, text=CITY, date="2024-01-05"),
            Document(id="country", text=COUNTRY, date="2024-01-05")]
    claims = [c for d in docs for c in extract(d)]
    return build_report(docs, reconcile(claims, docs))


def test_markdown_report_lists_the_inconsistency_with_its_arithmetic():
    md = render_markdown(_report())
    assert "## Inconsistencies between clusters" in md
    assert "**1 Inconsistencies between clusters**" in md
    section = md.split("## Inconsistencies between clusters", 1)[1].split("## Consistent", 1)[0]
    assert "520" in section and "410" in section and "### I1. part exceeds the whole (Hard)" in section
    assert "| part |" in section and "| whole |" in section
    # in Arabic, with the labels of rules/labels.yaml
    ar = render_markdown(_report(), lang="ar")
    assert "## تناقضات بين المجموعات" in ar and "### I1. الجزء أكبر من الكل (تعارض قاطع)" in ar
    assert "| جزء |" in ar and "| الكل |" in ar


def test_markdown_and_html_escape_untrusted_ids_in_inconsistencies():
    rep = _report(HOSTILE)
    assert rep.inconsistencies, "the hostile article still makes its inconsistency"
    md = render_markdown(rep)
    assert "<img" not in md
    page = render_html(rep)
    assert "<img src=x" not in page
    assert "inconsistency-" + rep.inconsistencies[0].id in page


def test_show_an_inconsistency_and_a_cluster_naming_it(tmp_path):
    _write(tmp_path / "a.txt", "city", CITY)
    _write(tmp_path / "b.txt", "country", COUNTRY)
    runner = CliRunner()
    rep = json.loads(_report_json(runner, tmp_path))
    inc = rep["inconsistencies"][0]
    shown = runner.invoke(app, ["show", inc["id"], str(tmp_path)])
    assert shown.exit_code == 0, shown.output
    assert f"inconsistency {inc['id']}" in shown.output
    assert "part_exceeds_whole" in shown.output and "a.txt:5:5" in shown.output
    as_json = json.loads(runner.invoke(app, ["show", inc["id"], str(tmp_path), "--format", "json"]).output)
    assert {c["role"] for c in as_json["claims"]} == {"part", "whole"}
    assert all(c["position"] for c in as_json["claims"])
    cluster = inc["clusters"][0]
    text = runner.invoke(app, ["show", cluster, str(tmp_path)]).output
    assert "inconsistencies with other clusters" in text and inc["id"] in text
    cj = json.loads(runner.invoke(app, ["show", cluster, str(tmp_path), "--format", "json"]).output)
    assert [i["id"] for i in cj["inconsistencies"]] == [inc["id"]]


def _report_json(runner, folder: Path) -> str:
    out = folder / "out"
    result = runner.invoke(app, ["report", str(folder / "a.txt"), str(folder / "b.txt"), "--out", str(out),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    return (out / "report.json").read_text(encoding="utf-8")


def test_check_reports_an_inconsistency_in_every_format(tmp_path):
    new = _write(tmp_path / "new.txt", "new", CITY)
    rec = _write(tmp_path / "rec.txt", "rec", COUNTRY)
    runner = CliRunner()
    base = ["check", str(new), "--against", str(rec)]
    text = runner.invoke(app, base)
    assert text.exit_code == 1, text.output
    assert "[inconsistency-part-exceeds-whole]" in text.output and "520" in text.output and "410" in text.output
    gh = runner.invoke(app, base + ["--format", "github"]).output
    assert gh.startswith("::error ") and "PartExceedsWhole" in gh
    sarif = json.loads(runner.invoke(app, base + ["--format", "sarif"]).output)
    run = sarif["runs"][0]
    [result] = run["results"]
    assert result["ruleId"] == "inconsistency-part-exceeds-whole" and result["level"] == "error"
    assert result["properties"]["inconsistency"].startswith("part-exceeds-whole-")
    assert "inconsistency-part-exceeds-whole" in {r["id"] for r in run["tool"]["driver"]["rules"]}
    data = json.loads(runner.invoke(app, base + ["--format", "json"]).output)
    assert [f["rule"] for f in data["findings"]] == ["inconsistency-part-exceeds-whole"]
    md = runner.invoke(app, base + ["--format", "md"]).output
    assert "part exceeds whole \\(hard\\)" in md
    assert runner.invoke(app, base + ["--fail-on", "never"]).exit_code == 0


def test_check_soft_inconsistency_warns_unless_fail_on_soft(tmp_path):
    new = _write(tmp_path / "new.txt", "new", "قتل أكثر من 480 شخصا في حلب جراء الزلزال.")
    rec = _write(tmp_path / "rec.txt", "rec", "ارتفع عدد قتلى الزلزال في سوريا إلى نحو 450 شخصا.")
    runner = CliRunner()
    base = ["check", str(new), "--against", str(rec)]
    soft = runner.invoke(app, base)
    assert soft.exit_code == 0, soft.output
    assert ": warning:" in soft.output and "inconsistency" in soft.output
    assert runner.invoke(app, base + ["--fail-on", "soft"]).exit_code == 1


def test_baseline_accepts_an_inconsistency(tmp_path):
    new = _write(tmp_path / "new.txt", "new", CITY)
    rec = _write(tmp_path / "rec.txt", "rec", COUNTRY)
    runner = CliRunner()
    bl = tmp_path / "baseline.json"
    made = runner.invoke(app, ["baseline", "create", str(new), str(rec), "--output", str(bl)])
    assert made.exit_code == 0, made.output
    assert any(e["cluster"].startswith("part-exceeds-whole-") for e in json.loads(bl.read_text())["entries"])
    again = runner.invoke(app, ["check", str(new), "--against", str(rec), "--baseline", str(bl)])
    assert again.exit_code == 0, again.output


def test_check_reports_the_reconciler_v2_inconsistencies_with_their_rules(tmp_path):
    """Tallies above the council's size, a sub-period above the running total, a resolution
    number given two ways: each is a finding of its own rule in `check` and in SARIF."""
    new = _write(tmp_path / "new.txt", "new",
                 "اعتمد مجلس الأمن القرار 2774 بأغلبية 13 صوتا مقابل اعتراض 2 وامتناع 3 أعضاء عن التصويت. "
                 "وقتل 520 شخصا في حلب منذ وقف إطلاق النار.")
    rec = _write(tmp_path / "rec.txt", "rec",
                 "تبنى مجلس الأمن القرار 2747 بتأييد 13 عضوا واعتراض 2 وامتناع 3 أعضاء. "
                 "وارتفع عدد القتلى في حلب إلى 410 أشخاص.")
    runner = CliRunner()
    data = json.loads(runner.invoke(app, ["check", str(new), "--against", str(rec), "--format", "json"]).output)
    rules = {f["rule"] for f in data["findings"]}
    assert {"inconsistency-tally-exceeds-body", "inconsistency-subperiod-exceeds-total",
            "inconsistency-number-typo"} <= rules, rules
    sarif = json.loads(runner.invoke(app, ["check", str(new), "--against", str(rec), "--format", "sarif"]).output)
    names = {r["id"]: r["name"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert names.get("inconsistency-tally-exceeds-body") == "TallyExceedsBody"


def test_every_inconsistency_type_is_a_rule_of_check():
    """check turns an inconsistency into a finding only when its type has a rule (SARIF id, name,
    help); a type without one would be dropped from `check` silently, as captives_exceed_taken and
    unit_mismatch once were."""
    from crosscheck.ci.findings import RULES
    from crosscheck.report.inconsistency_view import TITLES

    missing = [t for t in TITLES if "inconsistency-" + t.replace("_", "-") not in RULES]
    assert not missing, missing
