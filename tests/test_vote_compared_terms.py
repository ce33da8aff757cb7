"""Vote identity (issue 8, session 36): what a tally is only compared with.  "Last year" named as
the term this year's figure is compared with ("مقارنة بالعام الماضي", "أقل بست دول من العام
الماضي") does not date the figure to last year; a body named only in a later clause that compares
the vote with another ("وهو تأييد أعلى مما سجله في اللجنة الثالثة") is not the body of the figures,
which their own clause names by its short name ("اعتمدت الجمعية").  Sentences are our own."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.extract.vote_events import parse_event
from crosscheck.models import Document
from crosscheck.reconcile.dating import date_rules
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.text.dates import names_last_year

TALLY = {"votes_for", "votes_against", "abstentions"}


@pytest.mark.parametrize("sentence, recalled", [
    ("وفي العام الماضي، أيد القرار 170 بلدا", True),
    ("وكان المجلس قد مدد الولاية في مارس من العام الماضي", True),
    ("وهو أقل مما ناله نص مماثل العام الماضي، حين أيدته 140 دولة", True),
    # compared with last year, then last year's vote told right after it: last year's all the same
    ("ارتفع التأييد مقارنة بالعام الماضي، حين نال النص 130 صوتا", True),
    ("وتراجع التأييد هذا العام مقارنة بـ150 صوتا في العام الماضي", True),
    # only the term compared with
    ("وأشار إلى أن عدد المؤيدين انخفض بوضوح مقارنة بالعام الماضي", False),
    ("وصوتت لصالحه 140 دولة، أي أقل بأربع دول من العام الماضي", False),
    ("وارتفع عدد الممتنعين قياسا بالعام الماضي", False),
    ("وتراجع التأييد مقارنة مع العام الماضي", False),
])
def test_last_year_as_the_term_compared_with_dates_nothing(sentence, recalled):
    assert names_last_year(sentence, date_rules()) is recalled


def _events(doc_id: str, text: str, day: str):
    return {(c.kind, c.value): parse_event(c.event)
            for c in extract(Document(id=doc_id, text=text, date=day)) if c.kind in TALLY}


COMPARED_BODY = ("وفي الجلسة نفسها، اعتمدت الجمعية قرارا بشأن حقوق الإنسان في بلد آخر بأغلبية 88 صوتا "
                 "مقابل 35 وامتناع 60، وهو تأييد أعلى بقليل مما سجله في اللجنة الثالثة.")


def test_a_body_named_only_in_a_comparison_after_the_figures_is_not_theirs():
    text = "اعتمدت الجمعية العامة للأمم المتحدة أمس قرارها السنوي.\n\n" + COMPARED_BODY
    ev = _events("p", text, "2023-12-19")
    assert ev[("votes_for", 88)]["body"] == "ga"
    assert ev[("abstentions", 60)]["body"] == "ga"


def test_a_committee_named_before_the_figures_in_their_sentence_is_still_theirs():
    text = ("اعتمدت الجمعية العامة للأمم المتحدة أمس قرارها السنوي.\n\n"
            "وأقرت الجمعية في لجنتها الثالثة مشروعا آخر بأغلبية 88 صوتا مقابل 35 وامتناع 60.")
    ev = _events("q", text, "2023-11-19")
    assert ev[("votes_for", 88)]["body"] == "ga3"


# An earlier resolution counted back from ("ويأتي القرار بعد أقل من شهر على قرار الجمعية العامة
# السابق، الذي حظي بتأييد ..."): its tally is that text's, held about that long before the article,
# and meets the report of that vote.
EARLIER_TEXT = ("تبنى مجلس حقوق الإنسان في جنيف اليوم قرارا بتأييد 30 دولة ومعارضة 5 وامتناع 12. "
                "ويأتي القرار بعد أقل من شهر على قرار الجمعية العامة السابق، الذي حظي بتأييد 97 دولة "
                "ومعارضة 8 وامتناع 33.")
EARLIER_REPORT = ("اعتمدت الجمعية العامة للأمم المتحدة أمس قرارا جديدا بأغلبية 97 صوتا مقابل 8 أصوات "
                  "وامتناع 33 دولة عن التصويت.")


def test_the_tally_of_an_earlier_text_counted_back_from_meets_its_report():
    a = Document(id="a", text=EARLIER_TEXT, date="2010-03-25")
    b = Document(id="b", text=EARLIER_REPORT, date="2010-02-27")
    clusters = reconcile(extract(a) + extract(b))
    fors = [cl for cl in clusters if cl.kind == "votes_for" and {c.doc for c in cl.claims} == {"a", "b"}]
    assert fors and all(cl.status != "conflict" for cl in fors)
    ev = {(c.kind, c.value): parse_event(c.event) for c in extract(a) if c.kind in TALLY}
    assert ev[("votes_for", 97)].get("when", "").startswith("d-")
    assert ev[("votes_for", 30)]["n"] != ev[("votes_for", 97)]["n"]
