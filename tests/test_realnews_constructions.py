"""Constructions ranked by how often they occur in real news (session 43, extract, round 2):
own sentences written after the families found in real Arabic news excerpts (kept outside the
repository).  Each case fails on the code before its fix."""

from __future__ import annotations

from crosscheck.extract.extractor import extract_text


def _claims(text: str):
    return [(c.kind, c.value) for c in extract_text(text)]


def test_year_after_current_year_is_no_toll():
    # "منذ مطلع العام الجاري 2024": the year in apposition, a clause ending after it
    got = _claims("ارتفع عدد ضحايا الحمى في المحافظة إلى 40 وفاة منذ مطلع العام الجاري 2021.")
    assert ("killed", 40) in got
    assert all(v != 2021 for _, v in got)
    got = _claims("سجلت الوزارة 300 إصابة منذ بداية العام الحالي 2023، بينها 12 وفاة.")
    assert all(v != 2023 for _, v in got)


def test_count_after_last_year_stays_a_count():
    got = _claims("سجلت الوزارة العام الماضي 2100 إصابة بالمرض.")
    assert any(v == 2100 for _, v in got)


def test_survival_noun_is_not_a_toll():
    got = _claims("مصرع 43 شخصا ونجاة 80 في غرق مركب قبالة الساحل.")
    assert ("killed", 43) in got
    assert ("killed", 80) not in got
    got = _claims("لقي 20 شخصا مصرعهم ونجاة 35 آخرين في غرق العبارة.")
    assert ("killed", 20) in got
    assert ("killed", 35) not in got


def test_lost_their_lives_verb_first_is_killed():
    got = _claims("وفقد حوالي مئتي مهاجر حياتهم غرقا قبالة السواحل.")
    assert ("killed", 200) in got and ("missing", 200) not in got
    got = _claims("فقد 12 شخصا في البحر ولا يزال البحث جاريا.")
    assert ("missing", 12) in got
