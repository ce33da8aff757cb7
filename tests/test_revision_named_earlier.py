"""A downward revision told twice: once with the figure it replaced ("خفضت الحصيلة إلى 275 بعد
أن كانت 288"), once without ("وكانت الحكومة قد خفضت الحصيلة إلى 275").  Only the figure named
as replaced was said before the revision; another, higher figure of the revision's day
("278") is not read as an earlier figure (crosscheck.reconcile.revisions)."""

from __future__ import annotations

import datetime as dt

from test_reconciler_factory import claim

from crosscheck.reconcile.grouping import EARLIER_PERIOD
from crosscheck.reconcile.revisions import revised_away

SUN, MON = dt.date(2024, 6, 2), dt.date(2024, 6, 3)


def _s(c, sentence):
    return c.model_copy(update={"sentence": sentence})


def test_a_revision_that_names_its_earlier_figure_is_the_one_that_counts():
    claims = [
        claim("x", "killed", 288),
        _s(claim("a", "killed", 275), "خفضت الحكومة الحصيلة إلى 275 بعد أن كانت أعلنت 288"),
        _s(claim("a", "killed", 288, period=EARLIER_PERIOD), "خفضت الحكومة الحصيلة إلى 275 بعد أن كانت أعلنت 288"),
        _s(claim("b", "killed", 275), "وكانت الحكومة قد خفضت الحصيلة إلى 275"),
        claim("c", "killed", 278),
    ]
    dates = [SUN - dt.timedelta(days=1), SUN, None, SUN, SUN]
    before, after = revised_away(claims, dates)
    assert before == {0} and after == set()  # the 288 only; the 278 of the same day disputes


def test_a_fall_told_alone_still_reads_the_days_higher_figures_as_earlier():
    claims = [
        claim("x", "killed", 288),
        _s(claim("b", "killed", 275), "وكانت الحكومة قد خفضت الحصيلة إلى 275"),
        claim("c", "killed", 278),
    ]
    before, _after = revised_away(claims, [SUN - dt.timedelta(days=1), SUN, SUN])
    assert before == {0, 2}
