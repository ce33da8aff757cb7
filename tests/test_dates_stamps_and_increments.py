"""Session 44 (recon3) dating: a stamp at a page's foot or with dashes, an increment written in
words before the running total, a recalled act's tally after a comma, and days looked forward to
after two joined days (rules/dates.yaml `footer_labels`, `act_tally_words`, `future_after_words`;
crosscheck.text.dates)."""

from __future__ import annotations

import datetime as dt

from crosscheck.ruleset.date_rules import date_rules
from crosscheck.text.dates import claim_date, header_date

R = date_rules()
D = dt.date

# a body long enough that its foot lies past the header's reach
BODY = "وقال المسؤول في المحافظة إن فرق الإنقاذ تواصل عملها في المناطق المتضررة. " * 8


def _as_of(sentence: str, figure: str, doc: dt.date):
    return claim_date(sentence, sentence.index(figure), doc, R)


# ---------------------------------------------------------------- document dates


def test_dashed_stamp_in_the_header():
    assert header_date("عمّان - «الغد»: نُشر في 14 - أيلول - 2019\nأعلنت الوزارة مقتل 4", R) == D(2019, 9, 14)
    assert header_date("نشر في 3 - مارس - 2021\nقتل 7", R) == D(2021, 3, 3)


def test_a_range_of_days_is_no_dashed_stamp():
    # "من 3 - 5 مارس" names days of an event inside a sentence, not a stamp with a year
    assert header_date("قتل 12 شخصا في المعارك التي دارت من 3 - 5 مارس في البلدة", R) is None


def test_labelled_stamp_at_the_foot():
    assert header_date(BODY + "\nتاريخ النشر 07.05.2018", R) == D(2018, 5, 7)
    assert header_date(BODY + "\nنُشرت في: الثلاثاء 9 مايو 2017 - 10:20\n", R) == D(2017, 5, 9)
    assert header_date(BODY + "\nآخر تحديث 2016-04-18 11:05 | مشاركة", R) == D(2016, 4, 18)


def test_unlabelled_dates_at_the_foot_are_not_the_articles():
    # a list of related stories with their times: none is this article's date
    assert header_date(BODY + "\nاقرأ أيضا\nخبر آخر عن الطقس\n12 أبريل 2024 09:15 م\n", R) is None


def test_a_dateline_at_the_top_wins_over_a_stamp_at_the_foot():
    text = "بيروت - الأحد 5 مايو 2019\n" + BODY + "\nآخر تحديث: 7 مايو 2019"
    assert header_date(text, R) == D(2019, 5, 5)


def test_a_labelled_date_deep_in_the_foot_text_is_not_read():
    # the label must be followed by the date (a weekday at most): a sentence after the label is no stamp
    assert header_date(BODY + "\nتاريخ النشر لم يحدد بعد، وقالت الوزارة إن اجتماع 4 يونيو 2020 أرجئ", R) is None


# ---------------------------------------------------------------- claims


def test_an_increment_in_words_keeps_its_day_and_the_total_stands_at_the_report():
    s = ("أطلق الخاطفون، الأربعاء، سراح أربعة رهائن آخرين، بعد سبعة أفرجوا عنهم يوم الأحد الماضي، "
         "ليرتفع عدد المحررين إلى 19 رهينة")
    doc = D(2022, 3, 10)  # a Thursday
    assert _as_of(s, "سبعة", doc) == (D(2022, 3, 6), "relative")
    assert _as_of(s, "19", doc) == (D(2022, 3, 9), "relative")  # Wednesday's report, not Sunday's
    # the same with the increment in digits (unchanged behaviour)
    s2 = s.replace("سبعة", "7")
    assert _as_of(s2, "19", doc) == (D(2022, 3, 9), "relative")


def test_a_day_before_an_increment_in_words_is_both_figures_day():
    s = "وأعلنت الوزارة أمس وفاة ثلاثة مصابين، ليرتفع عدد القتلى إلى 42"
    doc = D(2022, 3, 10)
    assert _as_of(s, "42", doc) == (D(2022, 3, 9), "relative")


def test_a_recalled_acts_tally_after_a_comma_keeps_the_acts_day():
    s = ("وكانت اللجنة قد صادقت في 14 نوفمبر الماضي على المشروع، بأغلبية 96 صوتا مقابل 12 وامتناع 60، "
         "بعد أن رفضت في القراءة الأولى نصا مماثلا أيده 80")
    doc = D(2021, 12, 20)
    for figure in ("96", "12", "60"):
        assert _as_of(s, figure, doc) == (D(2021, 11, 14), "text"), figure
    # a clause of its own after it ("، بعد أن ...") leaves the act
    assert _as_of(s, "80", doc) == (doc, "document")


def test_a_consequence_after_a_comma_still_leaves_the_act():
    s = "وكانت المدفعية قد قصفت في 4 آذار البلدة، ما أسفر عن مقتل 23 مدنيا"
    assert _as_of(s, "23", D(2016, 3, 20)) == (D(2016, 3, 20), "document")


def test_days_joined_before_a_future_word_are_looked_forward_to():
    s = "وينتظر أن تفرج السلطات عن 150 معتقلا على دفعتين يومي السبت والأحد المقبلين"
    doc = D(2023, 5, 3)
    assert _as_of(s, "150", doc) == (doc, "document")
    # one day with the future word right after it, and a past pair, as before
    assert _as_of("ستفرج السلطات عن 150 معتقلا يوم السبت المقبل", "150", doc) == (doc, "document")
    got = _as_of("أفرجت السلطات عن 150 معتقلا يومي السبت والأحد الماضيين", "150", doc)
    assert got[1] == "relative" and got[0] < doc
