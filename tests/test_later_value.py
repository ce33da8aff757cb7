"""A toll's later value after the toll ("قدرت حصيلته الأولى بنحو 900 قتيل قبل أن تخفض لاحقا
إلى نحو 300", scope later_value_markers): the bare later figure is the same quantity, of the
toll's kind; a figure with a noun of its own keeps its own reading."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules


def _claims(text):
    return {c.value: c for c in extract(Document(id="d", text=text, date="2024-05-14"), load_rules())}


@pytest.mark.parametrize("text, value", [
    ("وقدرت حصيلة الانهيار الأولى بنحو 900 قتيل قبل أن تخفض لاحقا إلى نحو 300.", 300),
    ("وبلغت حصيلة الحريق 40 قتيلا، قبل أن ترتفع إلى 52 مساء.", 52),
])
def test_a_later_value_takes_the_tolls_kind(text, value):
    assert _claims(text)[value].kind == "killed"


def test_a_later_figure_with_a_noun_of_its_own_is_not_the_toll():
    c = _claims("وبلغت حصيلة الحريق 40 قتيلا، قبل أن ترتفع إلى 52 مستشفى.")
    assert c[52].kind != "killed"
