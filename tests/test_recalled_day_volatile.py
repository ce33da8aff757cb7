"""A quantity that rises and falls (the missing, the displaced) recalled with its own day
(issue 8, dating): "وكان عدد المفقودين قد بلغ 23 مساء الأربعاء" in a later article is what was
reported that Wednesday, set against the figures another outlet gave that day.  Disagreeing,
it is a same-day mismatch of its own (the quantity's other reports stand); agreeing, or with no
day of its own (an earlier figure at an unknown moment), it is no finding.
"""

from __future__ import annotations

from test_reconciler_factory import claim, doc

from crosscheck.reconcile.reconciler import build_report, reconcile

WED = "2012-01-18"
LATER = "2012-01-31"


def _report(recalled: int, as_of_from: str = "text"):
    claims = [
        claim("a", "missing", 29, as_of="2012-01-16", as_of_from="metadata", location="italy"),
        claim("b", "missing", 21, as_of=WED, as_of_from="metadata", location="italy"),
        claim("c", "missing", 15, as_of=LATER, as_of_from="metadata", location="italy"),
        claim("c", "missing", recalled, period="superseded", location="italy",
              as_of=WED if as_of_from != "metadata" else LATER, as_of_from=as_of_from),
    ]
    docs = [doc("a", date="2012-01-16"), doc("b", date=WED), doc("c", date=LATER)]
    return build_report(docs, reconcile(claims, docs))


def test_a_recalled_figure_of_a_named_day_that_disagrees_is_a_same_day_mismatch():
    rep = _report(23)
    (cl,) = [c for c in rep.clusters if c.kind == "missing"]
    assert cl.status == "consistent"  # 29 -> 21 -> 15: the count's own reports stand
    (inc,) = [i for i in rep.inconsistencies if i.type == "same_day_mismatch"]
    assert sorted((c.doc, c.value) for c in inc.claims) == [("b", 21), ("c", 23)]
    assert "count of that day" in inc.explanation


def test_a_recalled_figure_that_agrees_with_its_day_is_no_finding():
    rep = _report(21)
    assert [c.status for c in rep.clusters if c.kind == "missing"] == ["consistent"]
    assert not rep.inconsistencies


def test_an_earlier_figure_without_a_day_of_its_own_is_not_compared():
    rep = _report(23, as_of_from="metadata")
    assert [c.status for c in rep.clusters if c.kind == "missing"] == ["consistent"]
    assert not rep.inconsistencies
