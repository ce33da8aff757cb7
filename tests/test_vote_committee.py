"""Vote identity (issue 8): a General Assembly committee's vote and the plenary's, an earlier
step recalled beside a tally, a tally repeated for another vote, an earlier event named after
a tally.  Sentences are our own."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.extract.vote_events import parse_event
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile

TALLY = {"votes_for", "votes_against", "abstentions"}


def _tallies(doc_id: str, text: str, day: str = "2023-12-15"):
    return [c for c in extract(Document(id=doc_id, text=text, date=day)) if c.kind in TALLY]


def _events(claims):
    return {(c.kind, c.value): parse_event(c.event) for c in claims}


COMMITTEE = ("أقرت اللجنة الرابعة التابعة للجمعية العامة اليوم مشروع قرار بشأن اللاجئين بأغلبية "
             "140 صوتا مقابل 9 وامتناع 20.")
PLENARY_RECALL = ("اعتمدت الجمعية العامة اليوم في جلستها العامة القرار بأغلبية 150 صوتا مقابل 8 "
                  "وامتناع 22، بعد أن أيده 140 عضوا في اللجنة الرابعة.")


def test_committee_is_its_own_body():
    ev = _events(_tallies("c", COMMITTEE))
    assert ev[("votes_for", 140)]["body"] == "ga4"
    assert ev[("abstentions", 20)]["body"] == "ga4"


def test_committee_figure_recalled_after_the_plenary_tally_is_another_vote():
    ev = _events(_tallies("p", PLENARY_RECALL))
    plenary, committee = ev[("votes_for", 150)], ev[("votes_for", 140)]
    assert plenary["n"] != committee["n"]
    assert plenary["body"] == "ga" and committee["body"] == "ga4"
    assert ev[("abstentions", 22)]["n"] == plenary["n"]


def test_committee_and_plenary_votes_never_meet_across_articles():
    a = Document(id="a", text=COMMITTEE, date="2023-11-10")
    b = Document(id="b", text=("أقرت الجمعية العامة في جلستها العامة مشروع القرار بشأن اللاجئين "
                               "بأغلبية 141 صوتا مقابل 9 وامتناع 20."), date="2023-11-10")
    report = reconcile(extract(a) + extract(b))
    for cl in report:
        docs = {c.doc for c in cl.claims}
        if cl.kind in TALLY:
            assert docs != {"a", "b"}, cl.key


REPEATED = ("اعتمدت الجمعية العامة اليوم القرار بأغلبية 120 صوتا مقابل 4 وامتناع 40 عضوا.\n\n"
            "وكانت الجمعية قد اعتمدت القرار نفسه العام الماضي بأغلبية 120 صوتا مقابل 4 وامتناع 45 عضوا.")


def test_a_tally_repeated_for_another_vote_is_a_claim_of_that_vote():
    claims = _tallies("r", REPEATED)
    fors = [c for c in claims if c.kind == "votes_for"]
    assert len(fors) == 2
    assert len({parse_event(c.event)["n"] for c in fors}) == 2
    for c in fors:
        assert c.surface == "120 صوتا"
        assert any(m.start == c.start for m in c.mentions)


HEADLINE = ("121 صوتا لصالح القرار الكندي بشأن حقوق الإنسان\n\n"
            "صوتت الجمعية العامة اليوم لصالح مشروع القرار الكندي، بأغلبية 121 صوتا مقابل 12 وامتناع 50.")


def test_headline_and_body_tally_are_one_vote_and_one_claim():
    claims = _tallies("h", HEADLINE)
    fors = [c for c in claims if c.kind == "votes_for"]
    assert len(fors) == 1 and len(fors[0].mentions) == 2
    assert len({c.event for c in claims}) == 1


AFTER_EVENT = ("مجلس الأمن يمدد مهمة البعثة بالإجماع بعد فشل مشروع فرنسي بسبب الفيتو الروسي\n\n"
               "اعتمد مجلس الأمن اليوم القرار 2811 الذي يمدد مهمة البعثة بإجماع أعضائه، بعد ساعات "
               "من فشل مشروع قرار فرنسي. وحصل المشروع الفرنسي على 10 أصوات مقابل صوتين وامتناع 3.")


def test_an_earlier_event_named_after_a_tally_lends_it_no_subject_nor_veto():
    ev = _events(_tallies("e", AFTER_EVENT))
    adopted = ev[("votes_for", 15)]
    assert adopted.get("res") == "2811"
    assert "veto" not in adopted and adopted.get("by", "") == ""
    draft = ev[("votes_for", 10)]
    assert draft["by"] == "france" and draft["n"] != adopted["n"]


def test_committee_vote_recalled_by_a_later_article_links_to_its_report():
    a = Document(id="a", text=("أقرت اللجنة الرابعة التابعة للجمعية العامة اليوم الجمعة مشروع قرار "
                               "بأغلبية 98 صوتا مقابل 17 وامتناع 52."), date="2023-11-10")
    b = Document(id="b", text=("اعتمدت الجمعية العامة مساء أمس الجمعة القرار بأغلبية 87 صوتا مقابل 26 "
                               "وامتناع 53، بعد أن كانت اللجنة الرابعة قد أقرت المشروع في نوفمبر بـ98 صوتا."),
                 date="2023-12-30")
    report = reconcile(extract(a) + extract(b))
    ninety_eight = [cl for cl in report if cl.kind == "votes_for" and any(c.value == 98 for c in cl.claims)]
    assert len(ninety_eight) == 1 and {c.doc for c in ninety_eight[0].claims} == {"a", "b"}


TWO_DRAFTS_ONE_SENTENCE = ("وصوت مجلس الأمن على مشروع قرار قدمته فرنسا. وأيد المشروع 10 أعضاء، فيما امتنعت 5 دول "
                           "عن التصويت على المشروع الروسي.")


def test_a_figure_naming_another_draft_right_after_it_is_that_drafts_vote():
    ev = _events(_tallies("t", TWO_DRAFTS_ONE_SENTENCE))
    first, second = ev[("votes_for", 10)], ev[("abstentions", 5)]
    assert first["n"] != second["n"]
    assert first["by"] == "france" and second["by"] == "russia"


def test_the_same_draft_named_again_after_a_figure_keeps_one_vote():
    ev = _events(_tallies("u", "وصوت مجلس الأمن على مشروع قرار قدمته فرنسا. وأيد المشروع 10 أعضاء، "
                               "فيما امتنعت 5 دول عن التصويت على المشروع الفرنسي."))
    assert ev[("votes_for", 10)]["n"] == ev[("abstentions", 5)]["n"]


def test_a_later_vote_of_a_sentence_is_dated_by_its_own_words():
    ev = _events(_tallies("w", "اعتمدت الجمعية العامة اليوم القرار بأغلبية 116 صوتا مقابل 20، بعد أن أيده 111 "
                               "عضوا في اللجنة الثالثة الشهر الماضي."))
    assert ev[("votes_for", 111)].get("when") == "m-1"
    assert "when" not in ev[("votes_for", 116)]
    ev = _events(_tallies("x", "اعتمدت الجمعية العامة مساء أمس القرار بأغلبية 87 صوتا مقابل 24، بعد أن كانت "
                               "اللجنة الرابعة قد أقرت المشروع في نوفمبر بـ98 صوتا."))
    assert ev[("votes_for", 98)].get("when") == "m11"


def test_when_spans():
    from datetime import date

    from crosscheck.reconcile.votes import _when_span

    pub = date(2014, 12, 18)
    assert _when_span("m-1", pub) == (date(2014, 11, 1), date(2014, 11, 30))
    assert _when_span("m11", pub) == (date(2014, 11, 1), date(2014, 11, 30))
    assert _when_span("m12", pub) == (date(2014, 12, 1), pub)
    assert _when_span("y-1", pub) == (date(2013, 1, 1), date(2013, 12, 31))
    assert _when_span("m-1", date(2015, 1, 5)) == (date(2014, 12, 1), date(2014, 12, 31))


def test_committee_vote_recalled_last_month_links_to_its_report():
    a = Document(id="a", text=("أقرت اللجنة الثالثة التابعة للجمعية العامة اليوم الثلاثاء مشروع قرار "
                               "بأغلبية 111 صوتا مقابل 19 وامتناع 55."), date="2014-11-18")
    b = Document(id="b", text=("اعتمدت الجمعية العامة اليوم الخميس القرار بأغلبية 116 صوتا مقابل 20 وامتناع "
                               "53، بعد أن أيده 111 عضوا في اللجنة الثالثة الشهر الماضي."), date="2014-12-18")
    report = reconcile(extract(a) + extract(b), [a, b])
    fors = [cl for cl in report if cl.kind == "votes_for" and any(c.value == 111 for c in cl.claims)]
    assert len(fors) == 1 and {c.doc for c in fors[0].claims} == {"a", "b"}


def test_a_vote_of_an_event_counted_back_in_days_is_dated_that_many_days_before():
    from datetime import date

    from crosscheck.reconcile.votes import _when_span

    ev = _events(_tallies("d", "ويأتي التصويت بعد ستة أيام من إسقاط الصين مشروع قرار حول المياه رغم تأييد 13 "
                               "عضوا له."))
    assert ev[("votes_for", 13)].get("when") == "d-6"
    assert _when_span("d-6", date(2024, 3, 10), 2) == (date(2024, 3, 2), date(2024, 3, 6))
    ev = _events(_tallies("e", "ويأتي التصويت بعد إسقاط الصين مشروع قرار حول المياه رغم تأييد 13 عضوا له."))
    assert "when" not in ev[("votes_for", 13)]


def test_an_event_counted_back_with_a_hedge_dates_its_vote_too():
    # "بعد أقل من ثلاثة أسابيع على رفض …": the recalled vote about three weeks before the
    # article, not one of its own week (its count is hedged, the slack of `_when_span` covers it)
    ev = _events(_tallies("h", "وجاء البيان بعد أقل من ثلاثة أسابيع على رفض مجلس حقوق الإنسان مشروع قرار "
                               "غربيا رغم تأييد 17 دولة له."))
    assert ev[("votes_for", 17)].get("when") == "d-21"
    ev = _events(_tallies("g", "وجاء البيان بعد نحو أسبوعين من سقوط مشروع قرار حصل على تأييد 8 أعضاء فقط."))
    assert ev[("votes_for", 8)].get("when") == "d-14"


STEP_BEFORE_TALLY = ("اعتمدت الجمعية العامة اليوم القرار بأغلبية 150 صوتا مقابل 8 وامتناع 22. "
                     "وجرى التصويت في الجمعية العامة بعد خمسة أسابيع من إقرار النص في اللجنة الرابعة "
                     "بأغلبية 140 صوتا مقابل 9 وامتناع 20.")
NO_STEP = ("وجرى التصويت في الجمعية العامة على النص الذي أعدته اللجنة الرابعة "
           "بأغلبية 140 صوتا مقابل 9 وامتناع 20.")


def test_tally_after_an_earlier_step_is_that_steps_body():
    # both bodies named before the figures: the clause holding them (the committee's step) wins
    ev = _events(_tallies("s", STEP_BEFORE_TALLY))
    assert ev[("votes_for", 140)]["body"] == "ga4"
    assert ev[("abstentions", 20)]["body"] == "ga4"
    assert ev[("votes_for", 150)]["body"] == "ga"


def test_without_an_earlier_step_the_first_body_of_the_sentence_keeps_the_tally():
    ev = _events(_tallies("n", NO_STEP))
    assert ev[("votes_for", 140)]["body"] == "ga"


def test_earlier_step_counts_its_time_back():
    # "بعد خمسة أسابيع من إقرار …": the committee's vote five weeks before the article's
    ev = _events(_tallies("w", STEP_BEFORE_TALLY))
    assert ev[("votes_for", 140)].get("when") == "d-35"
    months = STEP_BEFORE_TALLY.replace("بعد خمسة أسابيع من", "بعد نحو شهرين من")
    assert _events(_tallies("m", months))[("votes_for", 140)].get("when") == "d-60"
