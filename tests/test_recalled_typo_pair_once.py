"""Two articles that each recall the same earlier day, one digit slip apart and filed under
linked places, make one same_day_mismatch, not one per side (review, session 37:
inconsistencies._recalled_typos met the pair from both recalls).  Sentences are our own."""

from __future__ import annotations

from test_dated_earlier_figure import disputed, docs
from test_reconciler_factory import claim

from crosscheck.reconcile.inconsistencies import find_inconsistencies
from crosscheck.reconcile.reconciler import build_report, reconcile


def test_two_recalls_of_one_day_are_one_finding():
    da, db = docs(("a", "2009-04-10")), docs(("b", "2009-04-11"))
    country = build_report(da, reconcile([
        claim("a", "killed", 290, as_of="2009-04-10", as_of_from="metadata", location="italy",
              sentence="ارتفعت حصيلة الزلزال في إيطاليا إلى 290 قتيلا"),
        claim("a", "killed", 260, as_of="2009-04-08", as_of_from="relative", location="italy",
              period="superseded", sentence="وكانت الحصيلة مساء الأربعاء 260 قتيلا")], da))
    province = build_report(db, reconcile([
        claim("b", "killed", 295, as_of="2009-04-11", as_of_from="metadata", location="abruzzo",
              sentence="ارتفعت حصيلة الزلزال إلى 295 قتيلا"),
        claim("b", "killed", 250, as_of="2009-04-08", as_of_from="relative", location="abruzzo",
              period="superseded", sentence="وكانت الحصيلة مساء الأربعاء 250 قتيلا")], db))
    found = find_inconsistencies(country.clusters + province.clusters)
    rep = country.model_copy(update={"clusters": [], "inconsistencies": found})
    assert disputed(rep, 250, 260)
    assert [i.type for i in found] == ["same_day_mismatch"]
