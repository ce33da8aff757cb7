"""Four digits after a day and month: the date's year, or the figure the sentence goes on with
(rules/dates.yaml `years_ahead`, read from the rules, not a constant in code)."""

import datetime as dt
from pathlib import Path

from crosscheck.text.dates import _cues, _patterns, load_date_rules

RULES = Path(__file__).resolve().parents[1] / "rules" / "dates.yaml"
DOC = dt.date(2021, 8, 20)
SENTENCE = "وكانت الحصيلة يوم الأربعاء 18 أغسطس 2189 قتيلا"


def _dates(rules):
    _, cues, _, _, _ = _cues(SENTENCE, DOC, _patterns(rules))
    return [c[2] for c in cues]


def test_the_rules_name_how_far_ahead_news_looks():
    assert load_date_rules(RULES).years_ahead == 60


def test_digits_past_the_bound_are_the_figure_and_the_date_is_of_the_documents_year():
    assert dt.date(2021, 8, 18) in _dates(load_date_rules(RULES))


def test_a_wider_bound_from_the_rules_reads_them_as_the_year():
    wide = load_date_rules(RULES).model_copy(update={"years_ahead": 200})
    got = _dates(wide)
    assert dt.date(2189, 8, 18) in got and dt.date(2021, 8, 18) not in got
