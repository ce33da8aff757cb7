"""Two figures of one day both left out of a running total's growth (issue 8, session 42):
"185" and "158" the same day from two articles, beside the kept 150 two outlets gave.  Each
is named against the kept figure; their own mismatch - one day's count cannot be both - is a
`same_day_mismatch` too (it used to be hidden: each finding held one of them and the kept
figure).  Figures left out on different days are not paired (a later, lower one may be a
revision its article explains)."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile

ROSE = "أعلنت وزارة الصحة في الإقليم أن عدد قتلى الفيضانات ارتفع إلى {n} قتيلا."
REACHED = "قالت وزارة الصحة في الإقليم إن عدد قتلى الفيضانات بلغ {n} قتيلا."
PER = "وبحسب الوزارة بلغ عدد قتلى الفيضانات في الإقليم {n} قتيلا."
SAID = "وأفادت الوزارة بأن قتلى الفيضانات في الإقليم بلغ عددهم {n} قتيلا."


def findings(d_day: str, d_n: int = 158) -> set:
    docs = [Document(id="a", text=ROSE.format(n=100), date="2024-03-01"),
            Document(id="b", text=ROSE.format(n=150), date="2024-03-03"),
            Document(id="e", text=REACHED.format(n=150), date="2024-03-03"),
            Document(id="c", text=PER.format(n=185), date="2024-03-03"),
            Document(id="d", text=SAID.format(n=d_n), date=d_day)]
    claims = [c for d in docs for c in extract(d)]
    rep = build_report(docs, reconcile(claims, docs))
    outs = {(c.doc, c.value) for cl in rep.clusters for c in cl.claims if c.outlier}
    assert {("c", 185), ("d", d_n)} <= outs
    return {(i.type, frozenset((c.doc, c.value, c.role) for c in i.claims)) for i in rep.inconsistencies}


def test_two_left_out_figures_of_one_day_are_set_against_each_other():
    found = findings("2024-03-03")
    assert ("same_day_mismatch", frozenset({("c", 185, "outlier"), ("d", 158, "outlier")})) in found
    # each is still named against the kept figure
    assert any(t == "same_day_mismatch" and ("b", 150, "kept") in p and ("c", 185, "outlier") in p for t, p in found)


def test_left_out_figures_of_different_days_are_not_paired():
    # 140 the day after 185 and 150: below both, named against the kept 150 alone
    found = findings("2024-03-04", 140)
    assert not any({("c", 185), ("d", 140)} <= {(d, v) for d, v, _r in p} for _t, p in found)
    assert any(t == "falling_total" and ("d", 140, "stale") in p for t, p in found)
