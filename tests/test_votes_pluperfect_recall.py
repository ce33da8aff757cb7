"""A vote recalled in the pluperfect weeks after it (rules/vote_events.yaml `pluperfect`,
`recalled_window_days`; crosscheck.reconcile.votes._dates): "وكانت الجمعية العامة قد أدانت ...
بأغلبية 118 صوتا" in an article six weeks on is that vote, so its figures meet the report of the
day (a conflict shows); told as the article's own news, the vote stays within its last days."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile

DAY = Document(id="day", date="1990-03-02", text=(
    "أقرت الجمعية العامة للأمم المتحدة أمس قرارا يدين الهجوم على الجزيرة، بأغلبية 118 صوتا مقابل 7 "
    "وامتناع 31 دولة عن التصويت."))


def _later(text: str) -> Document:
    return Document(id="later", date="1990-04-14", text=text)


def _abstentions(docs):
    claims = [c for d in docs for c in extract(d)]
    out = {}
    for cl in reconcile(claims, list(docs)):
        for m in cl.claims:
            if m.kind == "abstentions":
                out[m.doc] = cl
    return out


def test_a_pluperfect_recall_weeks_on_meets_the_vote_of_the_day():
    later = _later("وكانت الجمعية العامة قد أدانت الهجوم بأغلبية 118 صوتا مقابل 7 وامتناع 26 دولة، "
                   "لكن الحكومة تجاهلت القرار.")
    cl = _abstentions([DAY, later])
    assert cl["day"] is cl["later"]
    assert cl["day"].status == "conflict"  # 31 against 26 abstaining


def test_the_same_tally_told_as_news_stays_within_its_days():
    later = _later("أدانت الجمعية العامة الهجوم بأغلبية 118 صوتا مقابل 7 وامتناع 26 دولة.")
    cl = _abstentions([DAY, later])
    assert cl["day"] is not cl["later"]
