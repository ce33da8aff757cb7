"""Two days of one month ("يومي 5 و6 ديسمبر", "بين 3 و5 مارس"): the first day is a date like the
second, whose month follows it (crosscheck.numbers.context), never a count of the sentence."""

import pytest

from crosscheck.extract.extractor import extract_text


@pytest.mark.parametrize("text,day,toll", [
    ("وقدرت منظمة حقوقية أن نحو 800 شخص قتلوا في المدينة خلال يومي 7 و8 كانون الثاني/يناير", 7, 800),
    ("وقتل 12 شخصا بين 3 و5 مارس في البلدة الحدودية", 3, 12),
    ("وقتل 25 شخصا في الاشتباكات يومي ١٢ و١٣ أكتوبر", 12, 25),
])
def test_first_day_is_a_date(text, day, toll):
    values = [c.value for c in extract_text(text)]
    assert day not in values and toll in values


def test_two_counts_stay_counts():
    # no month after the second number: two figures of people
    assert sorted(c.value for c in extract_text("وقتل 5 و6 أشخاص في البلدتين") if c.kind == "killed") == [5, 6]
