"""Dates and years that stand beside a toll are no counts.

- Two days of one month ("يومي 5 و6 ديسمبر", "بين 3 و5 مارس", a night "ليل 15 إلى 16 مارس"): the first day is a date like the
  second, whose month follows it (crosscheck.numbers.context), never a count of the sentence.
- A year of a disaster told for context (rules/numbers/ar.yaml year_range, year_before): the
  great hurricane "عام 1780" and an eruption named for its year ("ثوران 1930") are years, so
  neither becomes a toll beside the toll they are told with."""

import pytest

from crosscheck.extract.extractor import extract_text


@pytest.mark.parametrize("text,number,toll", [
    ("وقدرت منظمة حقوقية أن نحو 800 شخص قتلوا في المدينة خلال يومي 7 و8 كانون الثاني/يناير", 7, 800),
    ("وقتل 12 شخصا بين 3 و5 مارس في البلدة الحدودية", 3, 12),
    ("وقتل 25 شخصا في الاشتباكات يومي ١٢ و١٣ أكتوبر", 12, 25),
    # a night that spans two days, "إلى" or "حتى" between them (normalized "الي", "حتي")
    ("وكان المسلحون قد خطفوا تسعة عمال من الموقع ليل 21 إلى 22 مارس 2012", 21, 9),
    ("وخطف مسلحون تسعة عمال من الموقع ليل 3 حتى 4 شباط/فبراير", 3, 9),
    ("وتعد العاصفة الأعنف منذ الإعصار الكبير عام 1780 الذي أودى بحياة نحو 22 ألف شخص", 1780, 22000),
    ("وتعد العاصفة الأعنف منذ الإعصار الكبير عام ١٧٨٠ الذي أودى بحياة نحو ٢٢ ألف شخص", 1780, 22000),
    ("وذكّر الخبراء بأن ثوران 1930 حصد أرواح أكثر من ألف شخص في القرى المحيطة", 1930, 1000),
])
def test_a_day_or_year_is_no_count(text, number, toll):
    values = [c.value for c in extract_text(text)]
    assert number not in values and toll in values


def test_two_counts_stay_counts():
    # no month after the second number: two figures of people
    assert sorted(c.value for c in extract_text("وقتل 5 و6 أشخاص في البلدتين") if c.kind == "killed") == [5, 6]
    # ... nor after a range of people: "من 15 إلى 20 شخصا" is a count
    assert [c.value for c in extract_text("وقتل ما بين 15 إلى 20 شخصا في البلدة") if c.kind == "killed"] == [15]


def test_a_count_after_a_year_is_no_span_of_years():
    # two years joined as a span run forward: a count after "2016 إلى" is a count
    text = "وبإضافة الموجة الأولى يصل عدد من توفوا بالمرض منذ أكتوبر 2016 إلى 1750 شخصا"
    assert [c.value for c in extract_text(text) if c.kind == "killed"] == [1750]
