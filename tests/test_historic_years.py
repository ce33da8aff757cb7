"""A year of a disaster told for context is no count (rules/numbers/ar.yaml year_range,
year_before): the great hurricane "عام 1780" and an eruption named for its year ("ثوران 1930")
are years, so neither becomes a toll beside the toll they are told with."""

import pytest

from crosscheck.extract.extractor import extract_text


@pytest.mark.parametrize("text,year,toll", [
    ("وتعد العاصفة الأعنف منذ الإعصار الكبير عام 1780 الذي أودى بحياة نحو 22 ألف شخص", 1780, 22000),
    ("وتعد العاصفة الأعنف منذ الإعصار الكبير عام ١٧٨٠ الذي أودى بحياة نحو ٢٢ ألف شخص", 1780, 22000),
    ("وذكّر الخبراء بأن ثوران 1930 حصد أرواح أكثر من ألف شخص في القرى المحيطة", 1930, 1000),
])
def test_year_no_count(text, year, toll):
    values = [c.value for c in extract_text(text)]
    assert year not in values and toll in values


def test_a_count_after_a_year_is_no_span_of_years():
    # two years joined as a span run forward: a count after "2016 إلى" is a count
    text = "وبإضافة الموجة الأولى يصل عدد من توفوا بالمرض منذ أكتوبر 2016 إلى 1750 شخصا"
    assert [c.value for c in extract_text(text) if c.kind == "killed"] == [1750]
