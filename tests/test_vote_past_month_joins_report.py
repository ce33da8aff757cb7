"""A past vote recalled with its month may be the vote a report of that month tells (issue 8:
event identity of votes, recalled figures).

An article of 2004 reports a Council vote on resolution 1633; one of 2006 recalls it ("القرار
1633، الذي تبناه المجلس في آذار/مارس 2004 بأغلبية 11 صوتا وامتناع 3 أعضاء"), and one of the
day after the vote tells it without its number ("وكان مجلس الأمن قد تبنى القرار بأغلبية 11 صوتا
وامتناع أربع دول").  The recall joins the report by the number; the third, of the same days,
used to be kept from the vote because a past vote and a present one were never one
(votes.compatible) - but a past vote named with its month spans the days of the reports that
told it.  A bare past year still parts them (a body votes many times a year).  Own sentences."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.ruleset.loader import load_rules

REPORT = ("a", "2004-03-12", "تبنى مجلس الأمن الدولي مساء أمس الخميس القرار 1633 الذي يطالب بانسحاب القوات "
                              "الأجنبية، بأغلبية 11 صوتا، فيما امتنعت أربع دول عن التصويت.")
UNNUMBERED = ("b", "2004-03-13", "وكان مجلس الأمن قد تبنى القرار بأغلبية 11 صوتا وامتناع أربع دول عن التصويت، "
                                 "في واحدة من أضيق الأغلبيات.")


def _recall(when):
    return ("c", "2006-05-19", "ويأتي القرار الجديد بعد عامين على صدور القرار 1633، الذي تبناه المجلس "
                               f"{when} بأغلبية 11 صوتا وامتناع 3 أعضاء.")


def _clusters(texts):
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    return {(c.doc, c.kind, c.value): cl for cl in reconcile(claims, documents) for c in cl.claims}


def test_a_report_without_the_number_joins_the_vote_a_month_named_recall_joined():
    of = _clusters([REPORT, UNNUMBERED, _recall("في آذار/مارس 2004")])
    assert of[("a", "abstentions", 4)].id == of[("b", "abstentions", 4)].id
    assert of[("a", "abstentions", 4)].id == of[("c", "abstentions", 3)].id
    assert of[("c", "abstentions", 3)].status == "conflict"
