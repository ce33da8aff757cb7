"""A past event named for context is one event whoever recalls it (issue 8, event identity):
its figures form their own cluster, apart from today's, and agree or conflict among themselves -
whether its outlets name its place at the town or the country, and whichever other story of the
corpus recalls another event of the same year."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile


def _clusters(docs, kind="killed"):
    claims = [c for d in docs for c in extract(d)]
    return [cl for cl in reconcile(claims, docs) if cl.kind == kind]


def _with(clusters, doc, value):
    return [cl for cl in clusters if any(c.doc == doc and float(c.value) == value for c in cl.claims)]


def test_a_past_event_named_at_its_town_and_at_its_country_is_one_event():
    a = Document(id="a", date="2005-07-08", text=(
        "قتل 37 شخصا في تفجيرات لندن أمس. وتعد هذه الاعتداءات الأشد دموية منذ تفجير سيارة مفخخة في "
        "بلدة أوماه بإيرلندا الشمالية عام 1998، أسفر عن مقتل 29 شخصا."))
    for text in ("وتعد الاعتداءات الأكثر دموية في بريطانيا منذ تفجير أوماه عام 1998 الذي قتل 29 شخصا.",
                 "وكان تفجير أوماه في بريطانيا عام 1998 قد أودى بحياة 31 شخصا."):
        b = Document(id="b", date="2006-07-07", text="قتل 52 شخصا في تفجيرات لندن قبل عام. " + text)
        cls = _clusters([a, b])
        past = _with(cls, "a", 29)
        assert len(past) == 1 and {c.doc for c in past[0].claims} == {"a", "b"}, text
        assert all(c.event == "past:1998" for c in past[0].claims)
        assert past[0].status == ("consistent" if "29" in text else "conflict")
        assert not any(float(c.value) in (37, 52) for c in past[0].claims)


def test_a_past_event_joins_the_one_of_its_year_that_shares_its_name():
    flood = Document(id="flood", date="2014-05-20", text=(
        "قتل 40 شخصا في فيضانات البلقان. وهي الأسوأ منذ فيضانات عام 1992 التي أودت بحياة 1800 شخص."))
    mine = Document(id="mine", date="2014-05-15", text=(
        "قتل 301 عامل في منجم سوما. ويعد الحادث الأسوأ منذ انفجار منجم زونغولداك عام 1992 الذي راح "
        "ضحيته 263 عاملا."))
    other = Document(id="other", date="2014-05-17", text=(
        "انتشلت فرق الإنقاذ آخر الجثث في سوما. وهي أسوأ كارثة صناعية في تاريخ البلاد، متجاوزة كارثة "
        "زونغولداك 1992 التي أودت بحياة 263 عاملا."))
    cls = _clusters([flood, mine, other])
    past = _with(cls, "mine", 263)
    assert len(past) == 1 and {c.doc for c in past[0].claims} == {"mine", "other"}
    assert not _with(past, "flood", 1800)
