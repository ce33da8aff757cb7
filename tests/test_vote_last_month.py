"""A vote an article recalls as held "last month" is that month's vote (issue 8: events).

An article of late December: "وكان المشروع قد حصل في اللجنة الثالثة الشهر الماضي على تأييد 118
عضوا" - the committee's November vote, recalled.  Another outlet told that vote in November as
121 in favour: the same vote, two figures - a dispute.  When "الشهر الماضي" belongs to a step
recalled after the article's own vote ("اعتمدته الجمعية بأغلبية 109 أصوات، بعد أن كانت اللجنة
قد أوصت به الشهر الماضي"), the vote told stays the article's own.  Sentences are our own
(crosscheck.reconcile.votes `_says_last_month`)."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile


def _report(*docs):
    documents = [Document(id=i, text=t, date=d) for i, t, d in docs]
    claims = [c for d in documents for c in extract(d)]
    return build_report(documents, reconcile(claims, documents))


NOVEMBER = ("صوتت اللجنة الثالثة للجمعية العامة للأمم المتحدة أمس على مشروع قرار بشأن حقوق الإنسان "
            "في البلاد، وأيدته 121 دولة مقابل معارضة 12 دولة وامتناع 30 عن التصويت.")
DECEMBER = ("اعتمدت الجمعية العامة للأمم المتحدة في جلسة عامة أمس قرارا بشأن حقوق الإنسان في البلاد "
            "بأغلبية 109 أصوات. وكان المشروع قد حصل في اللجنة الثالثة الشهر الماضي على تأييد 118 عضوا.")


def _together_in_conflict(rep, a, b) -> bool:
    for cl in rep.clusters:
        values = {c.value for c in cl.claims}
        if cl.status == "conflict" and {a, b} <= values:
            return True
    return any({a, b} <= {c.value for c in inc.claims} for inc in rep.inconsistencies)


def _cluster_of(rep, doc, value):
    return next(cl for cl in rep.clusters for c in cl.claims if c.doc == doc and c.value == value)


def test_a_committee_vote_recalled_as_last_months_meets_its_own_report():
    rep = _report(("n", NOVEMBER, "2023-11-17"), ("d", DECEMBER, "2023-12-22"))
    assert _together_in_conflict(rep, 121, 118)


def test_last_month_of_a_step_recalled_after_the_figures_leaves_the_vote_its_own():
    plenary = ("اعتمدت الجمعية العامة للأمم المتحدة في جلسة عامة قرارا بشأن حقوق الإنسان في البلاد "
               "بأغلبية 109 أصوات، بعد أن كانت اللجنة الثالثة قد أوصت باعتماده الشهر الماضي.")
    other = ("اعتمدت الجمعية العامة للأمم المتحدة قرارا بشأن حقوق الإنسان في البلاد "
             "بأغلبية 109 أصوات.")
    rep = _report(("n", NOVEMBER, "2023-11-17"), ("p", plenary, "2023-12-22"), ("q", other, "2023-12-22"))
    assert _cluster_of(rep, "p", 109) is _cluster_of(rep, "q", 109)
    assert not _together_in_conflict(rep, 121, 109)
