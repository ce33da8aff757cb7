"""Cues of a vote occurrence that belong to another text: a text named for comparison ("بعد
قرار مماثل … عام 2016") owns its year and is not the tally's subject; states after a word that
is no sponsor verb are the text's topic or its voters, not its authors."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.extract.vote_events import parse_event
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile

TALLY = {"votes_for", "votes_against", "abstentions"}


def _events(text: str, day: str = "2024-05-14", doc: str = "a") -> dict:
    d = Document(id=doc, text=text, date=day)
    return {c.value: parse_event(c.event) for c in extract(d) if c.kind in TALLY}


def test_a_year_of_a_text_named_for_comparison_is_no_past_year_of_the_vote():
    text = ("وأيدت 120 دولة في الجمعية العامة تجميد عضوية الدولة، وهو الإجراء الثاني من نوعه بعد "
            "قرار مماثل عام 2016، فيما عارضته 30 دولة.")
    ev = _events(text)
    assert ev[120].get("past") is None and ev[30].get("past") is None
    # a year said of the vote itself still marks a past vote
    own = "وكانت الجمعية العامة قد أيدت في عام 2019 قرارا مماثلا بأغلبية 120 دولة."
    assert _events(own)[120].get("past") == "2019"


def test_states_after_a_word_that_is_no_sponsor_verb_are_not_the_authors():
    for text in ("اعتمدت الجمعية العامة قرارا يدين كوبا بأغلبية 110 أصوات.",
                 "صوتت الجمعية العامة على قرار حول فنزويلا بأغلبية 110 أصوات.",
                 "أيدت 110 دول القرار، كما رفض القرار أيضا كوبا وفنزويلا."):
        assert all(not ev.get("by") for ev in _events(text).values()), text
    # a sponsor verb, or the state right after the text, still names its author
    assert _events("نال مشروع قرار أعدته كندا تأييد 110 دول.")[110]["by"] == "canada"
    assert _events("نال مشروع القرار الكندي تأييد 110 دول.")[110]["by"] == "canada"


def test_two_outlets_giving_the_same_assembly_tally_meet_whatever_cues_they_misread():
    a = Document(id="a", text=("صوتت الجمعية العامة على القرار بتأييد 120 دولة ومعارضة 30 دولة وامتناع "
                               "40 دولة، كما رفض القرار أيضا كوبا وفنزويلا."))
    b = Document(id="b", text=("أقرت الجمعية العامة مشروع قرار قدمته كندا بتأييد 120 دولة فيما عارضته "
                               "30 دولة وامتنعت 40 دولة، وهو الثاني بعد قرار مماثل عام 2011."))
    claims = [c for d in (a, b) for c in extract(d)]
    by_kind = {}
    for cl in reconcile(claims, [a, b]):
        if cl.kind in TALLY:
            by_kind.setdefault(cl.kind, []).append(cl)
    for kind in TALLY:
        assert len(by_kind[kind]) == 1 and {c.doc for c in by_kind[kind][0].claims} == {"a", "b"}, kind
        assert by_kind[kind][0].status == "consistent"


def test_a_text_cited_by_a_relative_clause_is_not_the_tally_subject_nor_its_date():
    # the draft voted on refers to an older resolution as the agent of a relative clause: the
    # resolution's number, year and month are that text's, never the draft's vote
    for text in (
        "فشل مجلس الأمن أمس في تبني مشروع قرار يرفع الحظر الذي فرضه القرار 713 على البلاد في أيلول 1991، "
        "إذ لم يحصل إلا على تأييد 6 أعضاء وامتنع 9 أعضاء.",
        "ولم ينل مشروع القرار، الذي يوسع المناطق الآمنة التي حددها القرار 824 عام 1993، سوى 7 أصوات "
        "فيما امتنع 8 أعضاء.",
        "وسقط في المجلس مشروع يعدل البعثة التي أنشأها القرار 1701 في آب 2006، بعدما أيده 5 أعضاء "
        "وامتنع 10.",
    ):
        ev = _events(text, day="2011-06-30")
        for v in ev.values():
            assert v.get("subj") == "draft" and not v.get("res"), (text, v)
            assert not v.get("past") and not v.get("when"), (text, v)
    # the text voted on, named with its number, keeps it
    ev = _events("واعتمد مجلس الأمن أمس القرار 836 بأغلبية 13 صوتا وامتناع عضوين.", day="1993-06-05")
    assert ev[13].get("res") == "836"


def test_a_numbered_texts_own_year_is_no_past_year_of_a_vote_on_a_new_text():
    # the text repealed is named with its number and year; the vote is on the new text named after
    text = ("ألغت الجمعية العامة أمس القرار 3379 الصادر عام 1975، وذلك بقرار جديد اعتمد بأغلبية "
            "110 أصوات مقابل 20 وامتناع 12.")
    ev = _events(text, day="1991-12-17")
    assert all(e.get("past") is None for e in ev.values()), ev
    # the numbered text's own tally, told right after its year, is still that year's vote
    own = "وكان القرار 3379 الصادر عام 1975 قد اعتمد بأغلبية 72 صوتا مقابل 35 وامتناع 32."
    assert _events(own, day="1991-12-17")[72].get("past") == "1975"


def test_a_veto_read_around_a_tally_above_the_councils_seats_is_another_votes():
    # the veto of the sentence before is the Council's; the Assembly's tally of 104 is no vetoed draft
    text = ("وهو أول قرار يتبناه المجلس منذ أسبوعين، بعد أن أسقط الفيتو السوفيتي ثلاثة مشاريع قرارات. "
            "وكانت الجمعية العامة قد تبنت قرارا مماثلا بأغلبية 104 أصوات مقابل 16.")
    ev = _events(text, day="1971-12-22")
    assert ev[104].get("veto") is None and ev[104]["body"] == "ga"
    # a Council tally keeps its veto
    sc = "وسقط مشروع القرار في مجلس الأمن بسبب الفيتو الروسي رغم تأييد 13 عضوا."
    assert _events(sc)[13].get("veto")


def test_a_text_counted_back_from_by_months_without_their_number_is_a_past_vote():
    text = ("ويأتي القرار بعد أقل من شهر على قرار الجمعية العامة الثاني، الذي حظي بتأييد 98 دولة ومعارضة 7، "
            "وبعد أشهر من قرارها الأول الذي تبنته بـ114 صوتا مقابل 18 وامتناع 45 دولة.")
    ev = _events(text, day="2010-03-25")
    assert ev[114].get("past") == "yes"
    assert ev[98].get("past") is None  # counted back with its number: dated by `after_event`
