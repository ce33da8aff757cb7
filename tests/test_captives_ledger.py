"""Captives arithmetic across articles (reconcile.captives): still held at a date + freed by
then <= taken, and still held <= held earlier - one batch freed since.  Own example stories
(workers taken from a building site), not evaluation text."""

import json

import pytest
from typer.testing import CliRunner

from crosscheck import pipeline
from crosscheck.cli import app
from crosscheck.reconcile.captives import role_of
from crosscheck.reconcile.settings import default_config

CFG = default_config()

TAKEN = """---
id: w1
date: 2024-03-04
---
اختطف مسلحون 30 عاملا من موقع بناء في ولاية زمفارا النيجيرية فجر الاثنين.
"""
FIRST = """---
id: w2
date: 2024-03-12
---
أطلق الخاطفون سراح أربعة عمال في ولاية زمفارا، لتبقى 26 رهينة في قبضتهم.
"""
SECOND_OK = """---
id: w3
date: 2024-03-20
---
أطلق الخاطفون في ولاية زمفارا سراح 6 عمال آخرين، ليرتفع عدد المفرج عنهم إلى عشرة.
وقالت الشركة إن العمال الـ20 الباقين بخير.
"""
SECOND_BAD = SECOND_OK.replace("الـ20", "الـ22")


def _write(tmp_path, texts):
    for i, t in enumerate(texts):
        (tmp_path / f"{i}.txt").write_text(t, encoding="utf-8")
    return pipeline.analyse([str(tmp_path)])


def _captives(analysis):
    return [i for i in analysis.report().inconsistencies if i.type == "captives_exceed_taken"]


def test_still_held_above_taken_minus_freed_is_an_inconsistency(tmp_path):
    found = _captives(_write(tmp_path, [TAKEN, FIRST, SECOND_BAD]))
    assert found, "22 still held + 10 freed > 30 taken"
    cited = {(c.doc, c.value) for i in found for c in i.claims}
    assert ("w3", 22) in cited and ("w1", 30) in cited
    # the batch step: 26 held on 12 March, 6 more freed since -> at most 20
    steps = [i for i in found if any(c.role == "held_before" for c in i.claims)]
    assert steps and {(c.doc, c.value) for c in steps[0].claims} == {("w3", 22), ("w3", 6), ("w2", 26)}
    assert all(i.strength == "hard" for i in found)


def test_check_reports_captives_above_taken_as_a_finding_of_its_own_rule(tmp_path):
    # `check` used to drop this inconsistency: its type had no rule of check's (a silent skip)
    rec, new = tmp_path / "rec", tmp_path / "new"
    rec.mkdir(), new.mkdir()
    for name, text in (("0.txt", TAKEN), ("1.txt", FIRST)):
        (rec / name).write_text(text, encoding="utf-8")
    (new / "2.txt").write_text(SECOND_BAD, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["check", str(new / "2.txt"), "--against", str(rec), "--format", "json"])
    assert out.exit_code == 1, out.output
    rules = {f["rule"] for f in json.loads(out.output)["findings"]}
    assert "inconsistency-captives-exceed-taken" in rules, rules
    ok = tmp_path / "ok.txt"
    ok.write_text(SECOND_OK, encoding="utf-8")
    fine = runner.invoke(app, ["check", str(ok), "--against", str(rec), "--format", "json"])
    assert "inconsistency-captives-exceed-taken" not in {f["rule"] for f in json.loads(fine.output)["findings"]}


def test_figures_that_add_up_are_not_flagged(tmp_path):
    assert _captives(_write(tmp_path, [TAKEN, FIRST, SECOND_OK])) == []


def test_batches_are_not_added_up(tmp_path):
    # the same batch of six told twice: 26 - 6 = 20 held, never 26 - 12
    again = SECOND_OK.replace("id: w3", "id: w4").replace("2024-03-20", "2024-03-21")
    assert _captives(_write(tmp_path, [TAKEN, FIRST, SECOND_OK, again])) == []


def test_a_taken_figure_below_a_held_one_gives_no_bound(tmp_path):
    other = """---
id: w5
date: 2024-03-05
---
وتحتجز العصابة في ولاية زمفارا أيضا 3 صحافيين خطفتهم مطلع الشهر.
"""
    bad = SECOND_BAD.replace("عشرة", "ثلاثين")
    # 3 read as taken is another group's (below 26 held): no taken bound from it
    found = _captives(_write(tmp_path, [other, FIRST, bad]))
    assert all(not any(c.role == "taken" for c in i.claims) for i in found)


@pytest.mark.parametrize("role", ["taken", "remaining", "batch", "neither"])
def test_captive_role_examples(role):
    examples = CFG.captive_role_examples[role]
    assert examples
    for sentence, surface in examples:
        got = role_of(sentence, surface, CFG, ("taken", "remaining", "batch"))
        assert got == (None if role == "neither" else role), (sentence, surface, got)


def test_role_words_follow_the_configuration_given():
    """The compiled role words are kept with their configuration: another configuration (here
    one with no "taken" words) is read with its own words, and the cache holds the one it was
    made for, so no later configuration at a reused address is given them."""
    from crosscheck.reconcile import captives

    sentence, surface = CFG.captive_role_examples["taken"][0]
    assert role_of(sentence, surface, CFG) == "taken"
    other = CFG.model_copy(update={"captive_roles": {k: v for k, v in CFG.captive_roles.items() if k != "taken"}})
    assert role_of(sentence, surface, other) is None
    assert captives._PATTERNS[id(other)][0] is other
    assert role_of(sentence, surface, CFG) == "taken"


def test_a_sentence_told_by_many_copies_is_read_once(tmp_path, monkeypatch):
    """Wire copies repeat a sentence and its figure in many articles: the roles are read once per
    sentence and figure (counted); the copies' figures still count (22 held in each copy)."""
    from crosscheck.reconcile import captives

    copies = [SECOND_BAD.replace("id: w3", f"id: w3c{i}") for i in range(4)]
    calls = []
    real = captives._sides
    monkeypatch.setattr(captives, "_sides", lambda s, f: calls.append((s, f)) or real(s, f))
    found = _captives(_write(tmp_path, [TAKEN, FIRST, SECOND_BAD, *copies]))
    assert calls and len(calls) == len(set(calls)), "a sentence and figure read twice"
    cited = {(c.doc, c.value) for i in found for c in i.claims}
    assert ("w1", 30) in cited and any(doc.startswith("w3") and v == 22 for doc, v in cited)
