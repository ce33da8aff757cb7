"""Past votes recalled for context: a year holds many votes of one body, but a named month
("في مارس/آذار 2022") picks one (issue 8, item 2: event identity of past votes)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.votes import Occ, _minimum, compatible
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.ruleset.loader import load_rules
from crosscheck.ruleset.resources import rules_dir
from crosscheck.text.dates import load_date_rules, month_of_year

RULES = load_date_rules(Path(rules_dir(None)) / "dates.yaml")


def test_month_of_a_year_in_a_sentence():
    assert month_of_year("وصوتت الجمعية في 14 نيسان/أبريل 2021 بأغلبية 120 دولة", 2021, RULES) == 4
    assert month_of_year("في تصويت تشرين الثاني 2019 أيدت القرار 130 دولة", 2019, RULES) == 11
    assert month_of_year("اعتمد القرار في سبتمبر من عام 2018", 2018, RULES) == 9
    # no month, another year's month, or two months: unknown
    assert month_of_year("أيدت القرار 120 دولة في عام 2021", 2021, RULES) is None
    assert month_of_year("في مايو 2020 ثم في يونيو 2021", 2021, RULES) == 6
    assert month_of_year("صوتت في مايو 2021 ثم في يونيو 2021", 2021, RULES) is None


def _past(doc, month=None, body="ga"):
    o = Occ(doc, {"body": body, "past": "2021", "n": "1"})
    o.lo, o.hi = (date(2021, month, 1), date(2021, month, 28)) if month else (date(2021, 1, 1), date(2021, 12, 31))
    return o


def test_past_votes_of_one_body_meet_only_in_a_named_month():
    assert _minimum(_past("a", 4), _past("b", 4)) and compatible(_past("a", 4), _past("b", 4))
    assert not compatible(_past("a", 4), _past("b", 11))  # two votes of one year
    assert not _minimum(_past("a"), _past("b"))  # a bare year: many votes
    assert not _minimum(_past("a", 4), _past("b"))
    assert not _minimum(_past("a", 4), _past("b", 4, body="sc"))


def test_story_two_outlets_recall_the_same_past_vote_and_a_third_another():
    texts = [
        ("u1", "2024-06-10", "وصوتت الجمعية العامة أمس على القرار الجديد. ويذكّر دبلوماسيون بأن الجمعية العامة "
                             "اعتمدت في نيسان/أبريل 2021 قرارا مماثلا بأغلبية 118 دولة."),
        ("u2", "2024-06-11", "ويعيد التصويت إلى الأذهان قرار الجمعية العامة في أبريل 2021 الذي أيدته 118 دولة."),
        ("u3", "2024-06-11", "وكانت الجمعية العامة قد دانت في تشرين الثاني/نوفمبر 2021 الخطوة بأغلبية 124 دولة."),
    ]
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    votes = {(c.doc, c.value): c.event for c in claims if c.kind == "votes_for"}
    assert {("u1", 118), ("u2", 118), ("u3", 124)} <= set(votes), votes
    clusters = reconcile(claims, documents)
    of = {(c.doc, c.value): cl for cl in clusters for c in cl.claims if c.kind == "votes_for"}
    assert of[("u1", 118)].id == of[("u2", 118)].id and of[("u1", 118)].status == "consistent"
    assert of[("u3", 124)].id != of[("u1", 118)].id


def test_months_a_sentence_names_with_or_without_a_year():
    from crosscheck.text.dates import months_named

    assert months_named("حين صوتت 137 دولة لصالح القرار في شباط/فبراير", RULES) == {2}
    assert months_named("وافقت اللجنة على النص في منتصف تشرين الثاني/نوفمبر", RULES) == {11}
    assert months_named("أيدت القرار 120 دولة", RULES) == frozenset()


def test_an_article_recalling_an_earlier_vote_speaks_of_that_vote():
    # the news of the day in the first article is this year's vote; its "last year" tally and
    # a tally of February told in an August article are the votes other outlets reported then
    texts = [
        ("old", "2018-11-02", "ثم اعتمدت الجمعية العامة القرار بتأييد 189 دولة ومعارضة دولتين."),
        ("new", "2019-11-07", "اعتمدت الجمعية العامة القرار بتأييد 187 دولة ومعارضة 3 دول. "
                              "وفي العام الماضي، أيد القرار 189 بلدا ولم يعارضه سوى بلدين."),
        ("feb", "2012-02-16", "اعتمدت الجمعية العامة مساء الخميس قرارا بشأن سوريا أيده 137 بلدا وعارضه 12."),
        ("aug", "2012-08-04", "اعتمدت الجمعية العامة أمس قرارا جديدا بتأييد 133 دولة ومعارضة 12. "
                              "ويبدو التأييد أضعف مما كان عليه في شباط/فبراير، حين صوتت 137 دولة لصالح القرار الأول."),
    ]
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    clusters = reconcile(claims, documents)
    of = {(c.doc, c.value): cl.id for cl in clusters for c in cl.claims if c.kind == "votes_for"}
    assert of[("old", 189)] == of[("new", 189)] != of[("new", 187)]
    assert of[("feb", 137)] == of[("aug", 137)] != of[("aug", 133)]


def test_last_year_is_read_from_the_date_rules():
    from crosscheck.text.dates import names_last_year

    assert names_last_year("وفي العام الماضي، أيد القرار 189 بلدا", RULES)
    assert names_last_year("صوتت 140 دولة في السنة المنصرمة", RULES)
    # the preposition written onto the word: "compared with last year, when ..."
    assert names_last_year("وارتفع عدد المؤيدين مقارنة بالعام الماضي حين نال النص 64 صوتا", RULES)
    assert not names_last_year("وارتفع عدد المؤيدين مقارنة بالعام 2019 حين نال النص 64 صوتا", RULES)
    # another year, or "last year" only as part of a longer word: no
    assert not names_last_year("وفي العام 2019 أيد القرار 189 بلدا", RULES)
    assert not names_last_year("أيد القرار 189 بلدا في العام الماضيين", RULES)


def _tallied(doc, tally, past=None, body="ga", day=None):
    fields = {"body": body, "n": "1", "tally": tally}
    if past:
        fields["past"] = past
    o = Occ(doc, fields)
    if past:
        o.lo, o.hi = date(int(past), 1, 1), date(int(past), 12, 31)
    else:
        o.hi = day or date(2019, 9, 26)
        o.lo = o.hi - timedelta(days=7)
    return o


def test_a_vote_recalled_with_its_year_meets_that_years_report_by_a_large_figure():
    report = _tallied("live", "abstentions:11,votes_against:12,votes_for:22")
    recall = _tallied("later", "abstentions:12,votes_against:11,votes_for:22", past="2019")
    assert compatible(recall, report) and _minimum(recall, report)
    # no large figure alike, another year, another body, or figures far apart: two votes
    assert not _minimum(_tallied("later", "votes_for:35,votes_against:11", past="2019"), report)
    assert not compatible(_tallied("later", "votes_for:22", past="2018"), report)
    assert not _minimum(_tallied("later", "votes_for:22", past="2019", body="ga3"), report)
    assert not compatible(_tallied("later", "votes_for:22,votes_against:40,abstentions:30", past="2019"),
                          _tallied("live", "votes_for:22,votes_against:12,abstentions:11"))
    # a Council's figures (15 seats at most) repeat within a year: they link nothing
    assert not _minimum(_tallied("later", "votes_for:13,abstentions:2", past="2019", body="sc"),
                        _tallied("live", "votes_for:13,abstentions:2", body="sc"))


def test_story_a_renewal_recalled_a_year_on_with_its_year_is_that_years_vote():
    texts = [
        ("r1", "2019-09-26", "مدد مجلس حقوق الإنسان أمس ولاية اللجنة بأغلبية 27 صوتا مقابل 14 وامتناع 6 دول."),
        ("r2", "2020-10-06", "مدد المجلس أمس ولاية اللجنة بتأييد 25 دولة. وكان التمديد قد أقر في 2019 "
                             "بأغلبية 27 صوتا مقابل 15 وامتناع 5 دول."),
    ]
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    clusters = reconcile(claims, documents)
    of = {(c.doc, c.kind, c.value): cl for cl in clusters for c in cl.claims}
    assert of[("r1", "votes_for", 27)].id == of[("r2", "votes_for", 27)].id
    assert of[("r1", "votes_against", 14)].id == of[("r2", "votes_against", 15)].id
    assert of[("r1", "votes_against", 14)].status == "conflict"
    assert of[("r2", "votes_for", 25)].id != of[("r1", "votes_for", 27)].id


def test_last_year_of_a_sentence_whose_last_month_is_another_tallys():
    # "last year ... 81 in the plenary, while in the committee last month no more than 76"
    texts = [
        ("p1", "2009-12-18", "اعتمدت الجمعية العامة أمس القرار بأغلبية 80 صوتا مقابل 61 وامتناع 42."),
        ("p2", "2010-12-21", "وكان النص قد نال في العام الماضي تأييد 80 دولة في الجلسة العامة مقابل 61 "
                             "معارضا، بينما لم يتجاوز عدد مؤيديه في اللجنة الثالثة الشهر الماضي 76 دولة."),
    ]
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    clusters = reconcile(claims, documents)
    of = {(c.doc, c.kind, c.value): cl for cl in clusters for c in cl.claims}
    assert of[("p1", "votes_for", 80)].id == of[("p2", "votes_for", 80)].id
    assert of[("p2", "votes_for", 76)].id != of[("p1", "votes_for", 80)].id


def test_the_year_recall_threshold_is_the_rules():
    from crosscheck.reconcile.votes import YEAR_RECALL_MIN_VALUE
    from crosscheck.ruleset.vote_rules import vote_rules

    assert vote_rules().year_recall_min_value == YEAR_RECALL_MIN_VALUE


def test_the_same_small_tally_breaks_a_tie_between_two_drafts_of_one_sponsor():
    from crosscheck.reconcile.votes import link, same_tally

    def occ(doc, tally, hi=10, **extra):
        o = Occ(doc, {"body": "sc", "subj": "draft", "by": "russia", "n": "1", "tally": tally, **extra})
        o.hi = date(2018, 4, hi)
        o.lo = o.hi - timedelta(days=4 if hi > 12 else 7)
        return o

    # two Russian drafts a few days apart (their days do not overlap), an article whose days
    # overlap both tells one of them with its figures
    first = occ("a", "abstentions:2,votes_against:7,votes_for:6")
    second = occ("b", "abstentions:4,votes_against:8,votes_for:3", hi=15)
    told = occ("c", "abstentions:2,votes_against:7,votes_for:6", hi=11, ord="1")
    assert same_tally(first, told) and not same_tally(second, told)
    votes = link([first, second, told])
    assert [o.doc for v in votes for o in v if told in v] == ["a", "c"]
    # without the figures alike the two drafts tie: the occurrence stays apart
    other = occ("c", "abstentions:5,votes_against:5,votes_for:5", hi=11, ord="1")
    assert len(link([occ("a", "abstentions:2,votes_against:7,votes_for:6"),
                     occ("b", "abstentions:4,votes_against:8,votes_for:3", hi=15), other])) == 3


def test_a_vote_recalled_with_its_month_meets_the_report_of_its_day():
    # hit: a veto of March recalled in October with "في آذار الماضي" and another tally (12)
    # meets the March report of that veto (11): one vote told two ways, a conflict.  Before, a
    # past vote was looked up only among past votes and stayed alone.
    docs = [
        Document(id="m1", date="2009-03-13", text=(
            "أسقطت الصين مساء الخميس بحق النقض مشروع قرار قدمته كندا في مجلس الأمن رغم تأييد 11 "
            "عضوا له وامتناع ثلاثة أعضاء.")),
        Document(id="m2", date="2009-10-20", text=(
            "استخدمت الصين أمس حق النقض ضد مشروع قرار في مجلس الأمن حظي بتأييد 13 عضوا. "
            "وكانت الصين قد أسقطت في آذار الماضي بالفيتو مشروعا يدين التجارب الصاروخية رغم حصوله على 12 صوتا.")),
    ]
    claims = [c for d in docs for c in extract(d)]
    clusters = reconcile(claims, docs)
    of = {(c.doc, c.value): cl for cl in clusters for c in cl.claims if c.kind == "votes_for"}
    assert of[("m1", 11)].id == of[("m2", 12)].id and of[("m1", 11)].status == "conflict"
    assert of[("m2", 13)].id != of[("m1", 11)].id
