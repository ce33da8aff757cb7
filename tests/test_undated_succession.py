"""An undated article that recaps a succession of one count's figures in one sentence gives
figures of several moments (issue 8, item 3; crosscheck.reconcile.running.stage_groups).

"ذكّرت اللجنة بأن الحصيلة التي أعلنها الوزير صباح الأحد كانت 212 قتيلا، قبل أن ترتفع إلى 240
ثم تعدل إلى 229" in an article with no date: the 212 and the 240 are earlier moments of the
count, not two figures the article gives at its own (unknown) moment beside its final 229.
Figures of an undated article with no such recap (two counters side by side) still share its moment.
"""

from __future__ import annotations

from test_reconciler_factory import claim
from test_trajectory import docs, killed

from crosscheck.reconcile.reconciler import reconcile

RECAP = "وذكّرت اللجنة بأن الحصيلة التي أعلنها الوزير صباح الأحد كانت 212 قتيلا، قبل أن ترتفع إلى 240 ثم تعدل نزولا"


def _said(c, sentence: str, surface: str):
    return c.model_copy(update={"sentence": sentence, "surface": surface})


def _story(recap: str):
    final = _said(claim("u", "killed", 229), "وأعلنت اللجنة أن الحصيلة النهائية للانهيار بلغت 229 قتيلا", "229 قتيلا")
    first = _said(claim("u", "killed", 212), recap, "212 قتيلا")
    peak = _said(claim("u", "killed", 240), recap, "240")
    dated = [claim("d1", "killed", 205), claim("d2", "killed", 240)]
    # the dated reports stand on Saturday and Monday: a report on the recap's own Sunday would
    # anchor its "صباح الأحد" 212 to that day (dating.weekday_days), a same-day mismatch with it
    return reconcile([final, first, peak, *dated], docs(("u", None), ("d1", "2024-03-02"), ("d2", "2024-03-04")))


def test_a_recapped_succession_in_an_undated_article_is_several_moments():
    c = killed(_story(RECAP))
    assert c.status == "consistent"
    assert not any(x.outlier for x in c.claims)


def test_two_figures_of_a_sentence_with_no_succession_word_still_share_the_articles_moment():
    # two counters side by side, no rise or earlier stage: 212, 240 and 229 are figures of one moment
    c = killed(_story("وقال الوزير إن عدد القتلى 212 قتيلا، وقال الدفاع المدني إن العدد 240"))
    assert c.status == "conflict" or any(x.outlier for x in c.claims)
