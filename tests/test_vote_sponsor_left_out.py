"""A report naming the text's sponsor and one leaving it out, of one Assembly vote on the same
days, giving one large figure alike, are one vote: their other figures meet, and differing
ones are a conflict to show (reconcile.votes `_one_large_figure`; session 46, recon3)."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile

TALLY = {"votes_for", "votes_against", "abstentions"}


def _clusters(*docs: Document) -> dict[str, list]:
    claims = [c for d in docs for c in extract(d)]
    out: dict[str, list] = {}
    for cl in reconcile(claims, list(docs)):
        if cl.kind in TALLY:
            out.setdefault(cl.kind, []).append(cl)
    return out


A = Document(id="a", date="2021-06-10", text=(
    "اعتمدت الجمعية العامة للأمم المتحدة أمس قرارا بتأييد 131 دولة مقابل معارضة 9 دول وامتناع 37 دولة عن التصويت."))


def test_the_sponsors_text_told_without_its_sponsor_is_one_vote():
    # (published two days on, naming no day: only the figures tell it is that vote)
    b = Document(id="b", date="2021-06-12", text=(
        "وكانت الجمعية العامة قد أقرت مشروع القرار الذي قدمته البرازيل بتأييد 131 دولة مقابل معارضة 9 وامتناع 33 دولة."))
    got = _clusters(A, b)
    assert len(got["votes_for"]) == 1 and {c.doc for c in got["votes_for"][0].claims} == {"a", "b"}
    assert len(got["abstentions"]) == 1 and got["abstentions"][0].status == "conflict"


def test_figures_far_apart_stay_two_votes():
    a = Document(id="a", date="2021-06-10", text=(
        "اعتمدت الجمعية العامة للأمم المتحدة أمس قرارا بتأييد 131 دولة مقابل معارضة 25 دولة وامتناع 37 دولة عن التصويت."))
    b = Document(id="b", date="2021-06-12", text=(
        "وكانت الجمعية العامة قد أقرت مشروع القرار الذي قدمته البرازيل بتأييد 131 دولة مقابل معارضة 60 وامتناع 12 دولة."))
    got = _clusters(a, b)
    assert len(got["abstentions"]) == 2 and len(got["votes_for"]) == 2


def test_small_council_figures_alone_link_nothing():
    a = Document(id="a", date="2021-06-10", text="واعتمد مجلس الأمن أمس قرارا أيده 13 عضوا وامتنع عضوان عن التصويت.")
    b = Document(id="b", date="2021-06-12", text="وأيد 13 عضوا في مجلس الأمن مشروع القرار الذي قدمته البرازيل وامتنع عضوان.")
    got = _clusters(a, b)
    assert len(got["votes_for"]) == 2


def test_an_undated_report_is_not_joined_by_one_figure():
    # (no date in the article: its vote could be any year's; one figure alike tells nothing)
    b = Document(id="b", text=(
        "وكانت الجمعية العامة قد أقرت مشروع القرار الذي قدمته البرازيل بتأييد 131 دولة مقابل معارضة 9 وامتناع 33 دولة."))
    got = _clusters(A, b)
    assert len(got["abstentions"]) == 2
