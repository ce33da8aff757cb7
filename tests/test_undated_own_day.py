"""An undated article's figure whose own sentence names another day stood at a day of its own
(issue 8, item 3: undated claims fit any date; crosscheck.reconcile.dating.own_day_key).

"ارتفع عدد القتلى إلى 31" and "وبلغ عدد القتلى 22 حتى يوم الأحد" in an article with no date:
neither day is known, but they are two days, not one moment at which the article gives two
figures.  Figures of an undated article that name no day of their own still sit at one moment.
"""

from __future__ import annotations

from test_reconciler_factory import claim
from test_trajectory import docs, killed

from crosscheck.reconcile.dating import own_day_key
from crosscheck.reconcile.reconciler import reconcile


def _said(c, sentence: str, surface: str):
    return c.model_copy(update={"sentence": sentence, "surface": surface})


def test_an_undated_figure_naming_its_own_day_is_not_the_articles_moment():
    now = _said(claim("u", "killed", 31), "ارتفع عدد القتلى في الفيضانات إلى 31 شخصا", "31 شخصا")
    then = _said(claim("u", "killed", 22), "وبلغ عدد القتلى 22 شخصا حتى يوم الأحد", "22 شخصا")
    dated = claim("d", "killed", 27)
    assert own_day_key(now) is None and own_day_key(then) is not None
    c = killed(reconcile([now, then, dated], docs(("u", None), ("d", "2024-05-02"))))
    assert c.status == "consistent"
    assert not any(x.outlier for x in c.claims)


def test_two_figures_of_an_undated_article_at_its_own_moment_still_disagree():
    a = _said(claim("u", "killed", 31), "ارتفع عدد القتلى في الفيضانات إلى 31 شخصا", "31 شخصا")
    b = _said(claim("u", "killed", 22), "وقال المحافظ إن عدد القتلى 22 شخصا", "22 شخصا")
    dated = claim("d", "killed", 27)
    c = killed(reconcile([a, b, dated], docs(("u", None), ("d", "2024-05-02"))))
    # (session 36) still a disagreement, now the article's own: one figure left out, linked to
    # its other one, instead of the whole cluster's conflict
    assert {x.doc for x in c.claims if x.outlier} == {"u"}
    assert [(x.claim.doc, x.reference.doc) for x in c.outlier_links] == [("u", "u")]
