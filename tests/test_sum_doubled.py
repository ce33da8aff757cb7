"""A figure stated twice in one sentence is two equal parts of a total twice as large (issue 8:
stated combinations; crosscheck.reconcile.sums).

"تبادل الطرفان الأسرى بصيغة 40 مقابل 40 ... ليبلغ عدد المشمولين بالصفقة 80 أسيرا": the 40 is
each side's share, the 80 both; one article does not contradict itself.  A figure stated once
beside a total twice as large is compared as before.  Sentences are our own."""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.models import Mention
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.reconcile.sums import is_sum_part, mark_sum_parts

SWAP = "وأطلقت الحكومة 40 أسيرا من المتمردين، فيما أفرج المتمردون عن 40 جنديا"
TOTAL = "وبذلك بلغ عدد المشمولين بالصفقة 80 أسيرا"


def _claims(twice: bool):
    starts = [SWAP.index("40"), SWAP.rindex("40")] if twice else [SWAP.index("40")]
    mentions = [Mention(start=s, end=s + 2, surface="40", sentence=SWAP, field="text") for s in starts]
    day = dict(as_of="2024-05-04", as_of_from="metadata", period="event")
    return [claim("a", "prisoners_released", 40, sentence=SWAP, mentions=mentions, **day),
            claim("a", "prisoners_released", 80, sentence=TOTAL, **day)]


def test_a_figure_stated_twice_is_two_parts_of_its_double():
    marked = mark_sum_parts(_claims(True))
    assert [is_sum_part(c) for c in marked] == [True, False]


def test_a_figure_stated_once_is_no_part():
    assert not any(is_sum_part(c) for c in mark_sum_parts(_claims(False)))


def test_the_two_shares_and_their_total_are_no_conflict():
    # stated twice: a part, never compared; stated once: compared - left out of the day's kept
    # figure and linked to it (session 35: one article alone on its day no longer makes its
    # cluster a conflict; the rival-counter rule reads the link, `inconsistencies._rival_counters`)
    for twice, compared in ((True, False), (False, True)):
        claims = _claims(twice)
        clusters = reconcile(claims)
        assert not any(cl.status == "conflict" for cl in clusters), twice
        linked = any(cl.outlier_links for cl in clusters)
        assert linked == compared, twice
