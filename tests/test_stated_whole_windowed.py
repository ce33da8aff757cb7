"""Parts of one stated whole in a scope that rises and falls (issue 8, session 42): "خطف 23
سائحا، بينهم 18 امرأة" in a dated article and "احتجزوا 23 سائحا، بينهم 16 امرأة" in an undated
one count the women among the same 23.  The undated figure used to be set aside as one that
"fits a reported day" (it may be of any day); read at the dated part's moment, as the running
total's fit does (crosscheck.reconcile.stated_whole), the two disagree.  A part of another
whole (31) stays free."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile

DATED = "خطف مسلحون أمس الخميس 23 سائحا أجنبيا، بينهم 18 امرأة، على الطريق السريع جنوب العاصمة."


def undated(whole: int) -> str:
    return (f"وعاد الرهائن إلى بلادهم بعد أسابيع من الاحتجاز، وكان الخاطفون قد احتجزوا {whole} سائحا، "
            "بينهم 16 امرأة، في منطقة جبلية نائية.")


def women_cluster(whole: int):
    documents = [Document(id="a", text=DATED, date="2024-03-08"), Document(id="b", text=undated(whole))]
    claims = [c for d in documents for c in extract(d)]
    rep = build_report(documents, reconcile(claims, documents))
    found = [cl for cl in rep.clusters if {(c.doc, c.value) for c in cl.claims} == {("a", 18), ("b", 16)}]
    assert len(found) == 1
    return found[0]


def test_parts_of_one_stated_whole_disagree_in_a_windowed_scope():
    cl = women_cluster(23)
    assert cl.kind == "hostages_held"
    assert cl.status == "conflict"
    assert any("stated whole" in n for n in cl.notes)


@pytest.mark.parametrize("whole", [31])
def test_a_part_of_another_whole_still_fits_any_day(whole):
    cl = women_cluster(whole)
    assert cl.status == "consistent"
