"""A vote told again later, and the texts of one sitting told apart by their ordinals (issue 8:
event identity of votes).  Own sentences.

- A numbered resolution is adopted once: an article of a year on that recalls its tally ("وكان
  القرار 2411، الذي صدر قبل عام، قد نال 13 صوتا") names no past year, yet it is that vote, and so
  is a report of the vote's day that gives no number.
- A past vote recalled with its month ("في تشرين الثاني الماضي", "في نوفمبر 2019") is the vote
  a report of that month tells, even when neither names sponsors or a number.
- "التعديل الأول" and "التعديل الثاني" of one sitting are two votes; told by two articles, each
  meets the one with its ordinal, not the one at its place in the text.
"""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.ruleset.loader import load_rules


def _clusters(texts):
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    return {(c.doc, c.kind, c.value): cl for cl in reconcile(claims, documents) for c in cl.claims}


NUMBERED = ("a", "2021-06-10", "اعتمد مجلس الأمن الدولي أمس الأربعاء القرار 2411 بتأييد 13 عضوا وامتناع "
                               "عضوين عن التصويت.")
UNNUMBERED = ("b", "2021-06-10", "صوت مجلس الأمن مساء أمس على تمديد عمل البعثة، فأيده 13 عضوا وامتنع "
                                 "عضوان عن التصويت.")
A_YEAR_ON = ("c", "2022-06-12", "مدد مجلس الأمن أمس ولاية البعثة بالإجماع بتأييد 15 عضوا في القرار 2520. "
                                "وكان القرار 2411، الذي صدر قبل عام، قد نال تأييد 13 عضوا مع امتناع "
                                "ثلاثة أعضاء عن التصويت.")


def test_a_numbered_resolution_recalled_a_year_on_is_its_vote():
    of = _clusters([NUMBERED, UNNUMBERED, A_YEAR_ON])
    assert of[("c", "abstentions", 3)].id == of[("a", "abstentions", 2)].id
    assert of[("c", "abstentions", 3)].status == "conflict"
    # the report of the day without the number stays with the vote
    assert of[("b", "abstentions", 2)].id == of[("a", "abstentions", 2)].id


def test_another_number_recalled_a_year_on_stays_apart():
    other = ("c", "2022-06-12", A_YEAR_ON[2].replace("2411", "2412"))
    of = _clusters([NUMBERED, other])
    assert of[("c", "abstentions", 3)].id != of[("a", "abstentions", 2)].id


def test_an_articles_own_vote_beside_an_older_number_is_not_pinned_to_it():
    # the article's first vote is its news: the number named beside it may be an older text's
    today = ("c", "2022-06-12", "اعتمد مجلس الأمن أمس بتأييد 13 عضوا وامتناع ثلاثة أعضاء قرارا جديدا "
                                "استنادا إلى القرار 2411.")
    of = _clusters([NUMBERED, today])
    assert of[("c", "abstentions", 3)].id != of[("a", "abstentions", 2)].id


PLENARY = ("p", "2019-11-23", "أقرت الجمعية العامة للأمم المتحدة مساء الجمعة قرارا يدعو إلى مؤتمر دولي "
                              "للمياه، بأغلبية 141 صوتا مقابل 27 صوتا.")


def test_a_vote_recalled_with_last_month_is_that_months_report():
    recall = ("q", "2020-03-02", "وكانت الجمعية العامة قد أقرت في تشرين الثاني الماضي، بأغلبية 141 صوتا، "
                                 "القرار الذي دعا إلى المؤتمر.")
    of = _clusters([PLENARY, recall])
    assert of[("q", "votes_for", 141)].id == of[("p", "votes_for", 141)].id


def test_a_vote_recalled_with_its_month_and_year_is_that_months_report():
    recall = ("r", "2021-01-15", "وكانت الجمعية العامة قد دعت إلى المؤتمر في تشرين الثاني/نوفمبر 2019 "
                                 "بأغلبية 141 صوتا مقابل 72.")
    of = _clusters([PLENARY, recall])
    assert of[("r", "votes_against", 72)].id == of[("p", "votes_against", 27)].id
    assert of[("r", "votes_against", 72)].status == "conflict"


def test_a_vote_recalled_with_another_month_stays_apart():
    recall = ("r", "2021-01-15", "وكانت الجمعية العامة قد دعت إلى المؤتمر في آذار/مارس 2019 "
                                 "بأغلبية 141 صوتا مقابل 72.")
    of = _clusters([PLENARY, recall])
    assert of[("r", "votes_against", 72)].id != of[("p", "votes_against", 27)].id


FIRST_THEN_SECOND = ("x", "2023-03-09", "رفض مجلس الأمن أمس تعديلين على مشروع القرار. ولم يحصل التعديل الأول "
                                        "إلا على صوتين وامتنع 13 عضوا عن التصويت. أما التعديل الثاني فأيده "
                                        "ثلاثة أعضاء وعارضه عضو واحد وامتنع 11 عضوا.")
ONLY_SECOND = ("y", "2023-03-09", "وفي جلسة مجلس الأمن أمس حصل التعديل الثاني على أربعة أصوات مؤيدة وامتناع "
                                  "10 أعضاء، بعد أن سقط التعديل الأول بتأييد صوتين وامتناع 13 عضوا.")


def test_amendments_meet_by_their_ordinals():
    of = _clusters([FIRST_THEN_SECOND, ONLY_SECOND])
    assert of[("x", "abstentions", 11)].id == of[("y", "abstentions", 10)].id  # both second
    assert of[("x", "abstentions", 11)].status == "conflict"
    assert of[("x", "abstentions", 13)].id == of[("y", "abstentions", 13)].id  # both first
    assert of[("x", "abstentions", 13)].id != of[("x", "abstentions", 11)].id


def test_the_ordinal_after_an_amendment_cue():
    from crosscheck.extract.vote_events import cues_for, text_ordinal
    from crosscheck.ruleset.resources import resolved, rules_dir
    from crosscheck.text.normalize import normalize

    vc = cues_for(resolved(rules_dir()))
    for sentence, want in (("التعديل الثاني حصل على 4 أصوات", "2"), ("التعديل الجزائري الأول سقط", "1"),
                           ("التعديل الدستوري أقر", ""), ("التعديل، الثاني في الجلسة", "")):
        text = normalize(sentence).text
        cue_end = len(text.split()[0].rstrip("،"))  # the cue is the first word
        assert text_ordinal(text, cue_end, vc) == want, sentence


TWO_VOTES = ("g", "2020-12-12", "صوتت الجمعية العامة للأمم المتحدة أمس على قرارين، فنال الأول تأييد 151 صوتا "
                                "مقابل 3 أصوات وامتناع 8 دول. وفي تصويت آخر اعتمدت الجمعية قرارا ثانيا بأغلبية "
                                "144 صوتا مقابل 6 أصوات وامتناع 12 دولة.")


def test_an_undated_tally_joins_the_vote_sharing_its_distinctive_figure():
    # one figure of 10 or more alike ("151") says more than the subject word both name ("القرار")
    undated = ("h", None, "وأقرت الجمعية العامة القرار بتأييد 151 دولة مقابل 4 أصوات.")
    of = _clusters([TWO_VOTES, undated])
    assert of[("h", "votes_for", 151)].id == of[("g", "votes_for", 151)].id
    assert of[("h", "votes_against", 4)].id == of[("g", "votes_against", 3)].id
