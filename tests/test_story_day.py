"""An undated article's figure whose sentence names a weekday or a day and month is dated by the
one day of its story that fits (issue 8, session 39; crosscheck.reconcile.dating.story_day)."""

from __future__ import annotations

from datetime import date

from test_reconciler_factory import claim
from test_trajectory import docs, killed

from crosscheck.reconcile.dating import story_day
from crosscheck.reconcile.reconciler import reconcile


def _said(c, sentence: str, surface: str):
    return c.model_copy(update={"sentence": sentence, "surface": surface})


TUESDAY = "وذكّرت اللجنة بأن الحصيلة التي أعلنها الوزير صباح الثلاثاء كانت 131 قتيلا، قبل أن ترتفع إلى 160"
STORY = [date(2024, 3, 4), date(2024, 3, 5), date(2024, 3, 7)]  # Monday, Tuesday, Thursday


def test_a_weekday_is_the_one_story_day_of_that_weekday():
    c = _said(claim("u", "killed", 131), TUESDAY, "131 قتيلا")
    assert story_day(c, STORY) == date(2024, 3, 5)


def test_no_day_for_a_figure_after_another_figure_of_the_named_day():
    # the 160 rose after the Tuesday's 131: Tuesday is the 131's day, not its own
    assert story_day(_said(claim("u", "killed", 160), TUESDAY, "160"), STORY) is None


def test_no_day_when_the_story_spans_more_than_a_week_or_counts_back():
    c = _said(claim("u", "killed", 131), TUESDAY, "131 قتيلا")
    assert story_day(c, [date(2024, 3, 4), date(2024, 3, 20)]) is None
    back = _said(claim("u", "killed", 131), "وكانت الحصيلة أمس 131 قتيلا", "131 قتيلا")
    assert story_day(back, STORY) is None  # "yesterday" of an unknown day


def test_a_day_and_month_take_the_story_year():
    c = _said(claim("u", "killed", 90), "وكانت الحصيلة حتى 6 مارس 90 قتيلا", "90 قتيلا")
    assert story_day(c, STORY) == date(2024, 3, 6)


def test_the_dated_recall_meets_that_days_report():
    told = _said(claim("u", "killed", 131), TUESDAY, "131 قتيلا")
    # that Tuesday's own report (no hour named): one figure of the day, not two
    day = _said(claim("d2", "killed", 113), "وقال الوزير إن عدد القتلى بلغ 113 قتيلا", "113 قتيلا")
    out = reconcile([told, claim("d1", "killed", 90), day, claim("d3", "killed", 170)],
                    docs(("u", None), ("d1", "2024-03-04"), ("d2", "2024-03-05"), ("d3", "2024-03-07")))
    c = killed(out)
    assert any(x.outlier for x in c.claims) or c.status == "conflict"
    # undated, it sat at a moment of its own and met nothing
    alone = reconcile([told, claim("d1", "killed", 90), day, claim("d3", "killed", 170)],
                      docs(("u", None), ("d1", "2024-03-04"), ("d2", "2024-03-06"), ("d3", "2024-03-17")))
    assert not any(x.outlier for x in killed(alone).claims)
