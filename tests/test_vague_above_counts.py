"""A vague figure an order of size above every count of its cluster ("آلاف" beside a toll of
tens) is no point of the running total's trajectory (issue 8: strength, hedges): set against the
counts it made every later exact count an outlier.  It stays in the cluster, never an outlier,
with a note.  A vague figure within the counts' range is judged as before.  Own sentences."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.ruleset.loader import load_rules


def _clusters(texts):
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    return {(c.doc, c.kind, c.value): (cl, c) for cl in reconcile(claims, documents) for c in cl.claims}


TEXTS = [
    ("a", "2021-03-01", "ارتفعت حصيلة قتلى الانفجار في مدينة حمص السورية إلى 61 قتيلا، وفق وزارة الصحة."),
    ("b", "2021-03-02", "قالت وزارة الصحة السورية إن عدد قتلى انفجار حمص بلغ 68 قتيلا."),
    ("c", "2021-03-03", "أعلنت السلطات أن حصيلة قتلى انفجار حمص بلغت 72 قتيلا، فيما شيع آلاف القتلى في المدينة."),
]


def test_counts_are_not_outliers_of_a_vague_thousands():
    of = _clusters(TEXTS)
    cl, _ = of[("a", "killed", 61)]
    vague = [c for c in cl.claims if c.qualifier == "vague"]
    assert vague, "the vague figure is in the counts' cluster"
    assert cl.status == "consistent"
    assert not any(c.outlier for c in cl.claims)


def test_only_a_vague_figure_above_every_count_is_set_aside():
    from types import SimpleNamespace as NS

    from crosscheck.reconcile.reconciler import _vague_above

    def m(q, low, high):
        return NS(claim=NS(qualifier=q, low=low, high=high))

    counts = [m("exact", 61, 61), m("exact", 72, 72)]
    thousands, dozens = m("vague", 3000, 9999), m("vague", 20, 99)
    assert _vague_above(counts + [thousands, dozens]) == [thousands]
    assert _vague_above([thousands, dozens]) == []  # no count to set them against
