"""The first vote of a sentence is dated by a month its sentence names before its figures (issue 8).

"وتعيد الحصيلة الجدل حول الفيتو الذي أسقط في الخامس من تشرين الأول مشروع القرار رغم حصوله على 11
صوتا، بعدما امتنعت أربع دول" in an article of 17 October tells the vote of the 5th, not one of the
week before the article: it meets the report of the 6th (11 for, 3 abstaining), so 4 against 3 is
a conflict.  A month after "منذ" ("المستمرة منذ تشرين الأول") starts a period and dates no vote.
Sentences are our own (crosscheck.extract.vote_events `_month_of`)."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile
from tally_events import tally_events

SIXTH = ("استخدمت الولايات المتحدة أمس حق النقض ضد مشروع قرار عربي في مجلس الأمن يطالب بوقف العملية "
         "العسكرية، بعدما أيده 11 عضوا وامتنعت ثلاث دول عن التصويت.")
SEVENTEENTH = ("وتعيد حصيلة العملية الجدل حول الفيتو الأمريكي الذي أسقط في الخامس من تشرين الأول مشروع القرار "
               "العربي في مجلس الأمن، رغم حصوله على 11 صوتا، بعدما امتنعت أربع دول عن التصويت.")


def _report(*docs):
    documents = [Document(id=i, text=t, date=d) for i, t, d in docs]
    claims = [c for d in documents for c in extract(d)]
    return build_report(documents, reconcile(claims, documents))


def test_a_vote_dated_by_its_month_meets_the_report_of_its_day():
    rep = _report(("a", SIXTH, "2004-10-06"), ("b", SEVENTEENTH, "2004-10-17"))
    abst = [cl for cl in rep.clusters if cl.kind == "abstentions" and {c.value for c in cl.claims} == {3, 4}]
    assert abst and abst[0].status == "conflict"
    fors = [cl for cl in rep.clusters if cl.kind == "votes_for" and {c.doc for c in cl.claims} == {"a", "b"}]
    assert fors


def test_the_month_names_the_vote_in_its_event():
    ev = tally_events(SEVENTEENTH, "2004-10-17")
    assert ev[("votes_for", 11)].get("when") == "m10"


def test_a_month_that_starts_a_period_dates_no_vote():
    text = ("وفي ظل الحرب المستمرة منذ تشرين الأول، أيد 13 عضوا في مجلس الأمن مشروع القرار "
            "وامتنع عضوان عن التصويت.")
    ev = tally_events(text, "2024-02-20")
    assert not ev[("votes_for", 13)].get("when")
