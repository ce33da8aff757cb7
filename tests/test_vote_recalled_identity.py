"""A vote recalled later for context joins the vote it recalls (issue 8, event identity):
the text of the sentence before recalled in the pluperfect ("وكان القرار قد حظي بتأييد …") is
that text's vote, held when that sentence says; a vote counted back in years ("بعد نحو عام على
اعتماد …") is the vote of about a year before; a tally whose own sentence names its body only by
its short name ("الذي اعتمدته الجمعية") is that body's, not the committee the sentence before
names in full."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.extract.vote_events import parse_event
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile

TALLY = {"votes_for", "votes_against", "abstentions"}


def _events(text: str, day: str) -> dict:
    d = Document(id="a", text=text, date=day)
    return {c.value: parse_event(c.event) for c in extract(d) if c.kind in TALLY}


def _clusters(docs):
    claims = [c for d in docs for c in extract(d)]
    return [cl for cl in reconcile(claims, docs) if cl.kind in TALLY]


PLENARY = Document(id="live", date="2024-12-03", text=(
    "اعتمدت الجمعية العامة للأمم المتحدة أمس بأغلبية 166 صوتا مقابل 3 أصوات وامتناع 15 دولة قرارا "
    "بشأن الأسلحة ذاتية التشغيل."))


def test_a_text_recalled_in_the_pluperfect_takes_the_month_of_the_sentence_before():
    for prev in ("وبدأت المشاورات أمس تنفيذا لقرار الجمعية العامة الصادر في ديسمبر الماضي.",
                 "وتنعقد الجولة بموجب القرار الذي اعتمدته الجمعية العامة في كانون الأول الماضي."):
        for own in ("وكان القرار قد حظي بتأييد 166 دولة، وامتنعت 13 دولة عن التصويت.",
                    "وكان النص قد نال 166 صوتا مقابل امتناع 13 دولة."):
            ev = _events(prev + " " + own, "2025-05-13")
            assert ev[166].get("when") == "m12", (prev, own, ev)
            later = Document(id="later", date="2025-05-13", text=prev + " " + own)
            for_ = [cl for cl in _clusters([PLENARY, later]) if cl.kind == "votes_for"]
            assert len(for_) == 1 and {c.doc for c in for_[0].claims} == {"live", "later"}
            abst = [cl for cl in _clusters([PLENARY, later]) if cl.kind == "abstentions"]
            assert len(abst) == 1 and abst[0].status == "conflict"  # 15 vs 13


def test_the_sentence_before_must_name_a_text():
    # "وكان القرار قد" after a sentence that names no text points further back: no month lent
    text = ("وزار المبعوث العاصمة في ديسمبر الماضي. وكان القرار قد حظي بتأييد 166 دولة، وامتنعت 13 دولة.")
    assert not _events(text, "2025-05-13")[166].get("when")
    # a sentence that opens with the body, not the text, is no recall of the text before
    text = ("وبدأت المشاورات تنفيذا لقرار الجمعية العامة الصادر في ديسمبر الماضي. وكانت الجمعية قد "
            "صوتت أمس على نص آخر بتأييد 120 دولة.")
    assert _events(text, "2025-05-13")[120].get("when") != "m12"


def test_a_vote_counted_back_in_years_is_the_vote_of_about_a_year_before():
    first = Document(id="first", date="2023-12-23", text=(
        "تبنت الجمعية العامة للأمم المتحدة أمس قرارا بأغلبية 152 صوتا مقابل 4 وامتناع 11 دولة."))
    for lead in ("وجاء التصويت بعد نحو عام على اعتماد الجمعية العامة أول قرار في هذا الشأن، بأغلبية 153 صوتا مقابل 5 أصوات.",
                 "ويأتي ذلك بعد عام من إقرار الجمعية العامة القرار الأول بأغلبية 153 صوتا ومعارضة 5 دول."):
        later = Document(id="later", date="2024-11-06", text=lead)
        assert _events(lead, "2024-11-06")[153]["when"] == "d-365"
        for_ = [cl for cl in _clusters([first, later]) if cl.kind == "votes_for"]
        assert len(for_) == 1 and for_[0].status == "conflict", lead  # 152 vs 153


def test_a_short_body_name_in_the_tally_sentence_wins_over_a_committee_named_before():
    text = ("وكانت اللجنة الأولى قد أقرت المشروع الشهر الماضي. "
            "ويمثل ذلك ارتفاعا مقارنة بالقرار الأول الذي اعتمدته الجمعية في ديسمبر 2023 بأغلبية 153 صوتا. "
            "واعتمدت الجمعية العامة القرار الجديد أمس بأغلبية 166 صوتا.")
    ev = _events(text, "2024-12-03")
    assert ev[153]["body"] == "ga" and ev[153].get("past") == "2023"
    # with no short name in its sentence, the body named before still serves
    text = ("وصوتت اللجنة الأولى على المشروع الشهر الماضي. وحصل المشروع على 161 صوتا.")
    assert _events(text, "2024-12-03")[161]["body"] == "ga1"


def test_a_tally_said_of_last_year_is_last_years_vote():
    first = Document(id="first", date="2018-11-02", text=(
        "اعتمدت الجمعية العامة أمس قرارا يطالب بإنهاء الحصار بتأييد 189 دولة ومعارضة دولتين."))
    for own in ("وتراجع عدد المؤيدين هذا العام مقارنة بـ188 صوتا في العام الماضي.",
                "وكان النص قد نال 188 صوتا العام المنصرم، بحسب الأمانة العامة.",
                "بينما أيدته 188 دولة خلال السنة الماضية."):
        later = Document(id="later", date="2019-11-08", text=(
            "اعتمدت الجمعية العامة أمس القرار بتأييد 187 دولة ومعارضة 3 دول. " + own))
        assert _events(later.text, "2019-11-08")[188]["when"] == "y-1", own
        for_ = [cl for cl in _clusters([first, later]) if cl.kind == "votes_for" and
                any(c.value == 188 for c in cl.claims)]
        assert len(for_) == 1 and {c.value for c in for_[0].claims} == {188, 189}, own
        assert for_[0].status == "conflict"
    # "this year" is no past vote
    assert not _events("وارتفع التأييد إلى 188 صوتا هذا العام.", "2019-11-08")[188].get("when")
