"""One claim per figure: a figure a document repeats is one claim with every mention."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from crosscheck.cli import app
from crosscheck.extract.extractor import extract_text

TEXT = (
    "مقتل 27 شخصا في انهيار مبنى سكني\n"
    "أعلن الدفاع المدني مقتل 27 شخصا وإصابة 40 آخرين في انهيار مبنى سكني. "
    "وقال مسؤول إن بين القتلى 9 أطفال، مضيفا أن 27 شخصا قتلوا حتى الآن."
)


def _killed(claims):
    return [c for c in claims if c.kind == "killed"]


def test_a_repeated_figure_is_one_claim_with_every_mention():
    claims = extract_text(TEXT)
    total = [c for c in _killed(claims) if c.value == 27]
    assert len(total) == 1
    c = total[0]
    assert len(c.mentions) == 3
    first = c.mentions[0]
    assert (first.start, first.end, first.surface, first.sentence) == (c.start, c.end, c.surface, c.sentence)
    assert [m.start for m in c.mentions] == sorted(m.start for m in c.mentions)
    for m in c.mentions:
        assert TEXT[m.start:m.end] == m.surface and "27" in m.surface
        assert m.surface in m.sentence


def test_different_values_and_scopes_stay_separate_claims():
    claims = _killed(extract_text(TEXT))
    assert sorted((c.value, c.group) for c in claims) == [(9, "children"), (27, "all")]
    changed = extract_text("ارتفع عدد القتلى من 27 إلى 31 قتيلا. وكان عدد القتلى 27 قتيلا صباحا.")
    periods = sorted((c.value, c.period) for c in _killed(changed))
    assert (27, "superseded") in periods and (31, "cumulative") in periods


def test_a_single_figure_has_its_one_mention():
    (c,) = _killed(extract_text("قتل 12 شخصا في الهجوم."))
    assert [(m.start, m.end, m.surface) for m in c.mentions] == [(c.start, c.end, c.surface)]


def test_extract_prints_one_record_per_claim_with_its_mentions(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", "--kind", "killed", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert sorted(r["value"] for r in records) == [9, 27]
    (total,) = [r for r in records if r["value"] == 27]
    assert len(total["mentions"]) == 3
    assert all(set(m) == {"start", "end", "surface", "sentence"} for m in total["mentions"])


def test_show_points_at_every_mention(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    listed = runner.invoke(app, ["clusters", "--kind", "killed", "--format", "json", str(path)])
    assert listed.exit_code == 0, listed.output
    ids = [c["id"] for c in json.loads(listed.stdout) if c["kind"] == "killed"]
    shown = "".join(runner.invoke(app, ["show", i, str(path)]).stdout for i in ids)
    (total,) = [c for c in extract_text(TEXT) if c.kind == "killed" and c.value == 27]
    assert shown.count("also stated") == len(total.mentions) - 1 == 2
    for m in total.mentions[1:]:
        assert f"[{m.start}:{m.end}]" in shown
