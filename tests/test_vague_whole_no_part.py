"""A vague plural is no whole an exact figure of its own article is a part of (issue 8: parts and
wholes, recalled figures).

"ارتفعت حصيلة القتلى إلى 58 ... وشارك آلاف الأشخاص في تشييع الضحايا": when the vague plural
lands in the toll's cluster, its low bound (3,000) made the article's 58 "far below a larger
figure of its own article and day" (intervals.own_parts), so the 58 was set aside and never
compared with another outlet's figure for the same day.  A vague plural says an order of
magnitude, not a count that others are parts of: it is no article's top for `own_part_ratio`.
An exact larger figure still is.  Sentences are our own."""

from __future__ import annotations

from test_dated_earlier_figure import disputed, docs
from test_reconciler_factory import claim

from crosscheck.reconcile.intervals import own_parts
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.reconcile.settings import config_or_default

CFG = config_or_default(None)
DAY = dict(as_of="2024-04-22", as_of_from="relative")


def _vague_thousands(doc):
    c = claim(doc, "killed", 1000, "range", low=3000, high=9999, **DAY)
    return c.model_copy(update={"qualifier": "vague"})


def test_a_vague_plural_is_no_top():
    claims = [claim("a", "killed", 58, **DAY), _vague_thousands("a")]
    assert own_parts(claims, CFG.own_part_ratio, CFG.continuous_kinds) == []


def test_an_exact_larger_figure_still_is():
    claims = [claim("a", "killed", 58, **DAY), claim("a", "killed", 3000, **DAY)]
    assert own_parts(claims, CFG.own_part_ratio, CFG.continuous_kinds) == [0]


def test_the_days_figure_is_compared_with_the_same_day_recalled():
    # a (Monday): 58 beside a vague "thousands"; b (Wednesday) recalls Monday's figure as 61
    documents = docs(("a", "2024-04-22"), ("b", "2024-04-24"))
    claims = [claim("a", "killed", 58, **DAY), _vague_thousands("a"),
              claim("b", "killed", 70, as_of="2024-04-24", as_of_from="relative"),
              claim("b", "killed", 61, period="superseded", sentence="بعد أن كانت 61 يوم الاثنين", **DAY)]
    assert disputed(build_report(documents, reconcile(claims, documents)), 58, 61)
