"""A resolution's number names one text whenever it is told (issue 8: event identity).  Own
sentences: a 2005 report of resolution 1612 and a 2008 article recalling it (with its year, a
past event for its article, or without) are one cluster of the number; another number stays
apart.  Neither a story gap of years (grouping.split_stories) nor the recall's past year parts
them."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.ruleset.loader import load_rules

REPORT = ("a", "2005-07-27", "تبنى مجلس الأمن الدولي أمس بالإجماع القرار 1612 بشأن حماية الأطفال في النزاعات.")


def _clusters(texts):
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    return {(c.doc, c.kind, c.value): cl for cl in reconcile(claims, documents) for c in cl.claims}


def test_a_number_recalled_years_later_is_one_cluster():
    later = ("b", "2008-03-02", "وطالب التقرير بتطبيق القرار 1612 على جميع أطراف النزاع.")
    of = _clusters([REPORT, later])
    assert of[("a", "resolution_number", 1612)].id == of[("b", "resolution_number", 1612)].id


def test_a_number_recalled_with_its_past_year_is_one_cluster():
    later = ("b", "2008-03-02", "وذكر التقرير بالقرار 1612 الصادر عام 2005 بشأن الأطفال.")
    of = _clusters([REPORT, later])
    assert of[("a", "resolution_number", 1612)].id == of[("b", "resolution_number", 1612)].id


def test_another_number_stays_apart():
    later = ("b", "2008-03-02", "وذكر التقرير بالقرار 1621 الصادر عام 2005.")
    of = _clusters([REPORT, later])
    assert of[("a", "resolution_number", 1612)].id != of[("b", "resolution_number", 1621)].id
