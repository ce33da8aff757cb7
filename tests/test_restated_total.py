"""Issue 8: a figure right after "، أي" that is bare or counts people restates the people counted
before it as their total (rules/scope.yaml restated_total_not_after, extractor._restated_total):
the same kind as the claim before "أي", no part of it.  Own example sentences."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract_text


def _claims(text: str) -> list[tuple[str, float, str]]:
    return [(c.kind, c.value, c.group) for c in extract_text(text)]


@pytest.mark.parametrize("text,kind,value", [
    ("وقالت المفوضية إن 20 ألف لاجئ فروا إلى تشاد، ونحو 100 ألف إلى النيجر وأكثر من 40 ألفا إلى الكاميرون، "
     "أي ما يزيد على 160 ألفا في الدول الثلاث.", "displaced", 160000),
    ("وتجاوز عدد اللاجئين في دول الجوار 150 ألفا، يضاف إليهم 230 ألف نازح داخل البلاد، أي نحو 380 ألف شخص في المجموع.",
     "displaced", 380000),
    ("وقتل في المعارك 300 مسلح و50 جنديا، أي 350 في المجموع.", "killed", 350),
], ids=str)
def test_hit_total_after_ay(text, kind, value):
    got = _claims(text)
    assert any(k == kind and v == value for k, v, _g in got), got


@pytest.mark.parametrize("text,value", [
    # a rate, no total
    ("ونزح 1200 شخص من البلدة خلال الشهر الماضي، أي نحو 40 يوميا.", 40),
    # a share of the people, no total
    ("ونزح 1200 شخص من البلدة، أي 12 في المئة من سكانها.", 12),
    # money, no people
    ("وطالب الخاطفون بفدية عن 17 رهينة، أي 17 مليون دولار في المجموع.", 17000000),
], ids=str)
def test_miss_rate_share_or_money(text, value):
    got = _claims(text)
    assert not any(v == value and k not in ("other",) for k, v, _g in got), got
