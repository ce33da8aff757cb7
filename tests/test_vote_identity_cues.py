"""Which words name a vote's own text and day (issue 8, item 2: event identity of votes): a text
revised before its vote is no amendment, a year of another event or a date recurring each year
is not the vote's, an earlier step counted back from right before the figures dates them, and a
past year's one month named after it picks its vote."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.reconcile.votes import _when_span
from crosscheck.ruleset.loader import load_rules
from crosscheck.ruleset.resources import rules_dir
from crosscheck.text.dates import load_date_rules, lone_month, months_named

RULES = load_date_rules(Path(rules_dir(None)) / "dates.yaml")


def _clusters(texts):
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    return claims, reconcile(claims, documents)


def _of(clusters, kind):
    return {(c.doc, c.value): cl for cl in clusters for c in cl.claims if c.kind == kind}


def test_lone_month_of_a_named_year():
    assert lone_month("أسقط المجلس مشروعين عام 1990، أولهما في 12 مارس", 1990, RULES) == 3
    # written with its year, two months, another year, or the year missing: none
    assert lone_month("في 12 مارس 1990 سقط المشروع", 1990, RULES) is None
    assert lone_month("عام 1990، في مارس ثم في مايو", 1990, RULES) is None
    assert lone_month("عام 1990، في مارس، وعام 1991", 1990, RULES) is None
    assert lone_month("في مارس سقط المشروع", 1990, RULES) is None


def test_a_month_recurring_each_year_is_left_out_when_asked():
    s = "أقرت الجمعية قرارا يجعل 3 مارس/آذار من كل عام يوما دوليا للغابات"
    assert months_named(s, RULES) == {3}
    assert months_named(s, RULES, yearly=("من كل عام",)) == frozenset()


def test_a_month_count_back_is_read_with_a_quarter_of_slack():
    lo, hi = _when_span("d-60", date(2020, 6, 30))
    assert lo <= date(2020, 4, 18) and hi >= date(2020, 5, 14)  # seven to nine weeks back
    lo, hi = _when_span("d-9", date(2020, 6, 30))
    assert hi - lo <= __import__("datetime").timedelta(days=6)  # a count of days stays narrow


def test_a_text_revised_before_its_vote_meets_its_number():
    claims, clusters = _clusters([
        ("x1", "2011-03-02", "مجلس الأمن يقر بالإجماع تمديد البعثة في هايتي بعد تعديل المشروع. "
                             "واعتمد المجلس أمس القرار 1966 بعد أن وافقت الولايات المتحدة على الصيغة الجديدة."),
        ("x2", "2011-03-05", "وكان المجلس قد اعتمد الثلاثاء الماضي القرار 1966 بتأييد 14 صوتا وامتناع روسيا."),
    ])
    events = {c.event for c in claims if c.doc == "x1" and c.kind == "votes_for"}
    assert events and not any("amendment" in (e or "") for e in events), events
    of = _of(clusters, "votes_for")
    assert of[("x1", 15)].id == of[("x2", 14)].id and of[("x1", 15)].status == "conflict"


def test_an_amendment_voted_after_the_text_stays_an_amendment():
    claims, _ = _clusters([
        ("y1", "2019-11-20", "وصوتت الجمعية العامة أمس على التعديل الروسي فأيدته 70 دولة. ثم اعتمدت الجمعية النص بعد تعديله بتأييد 98 دولة."),
    ])
    ev = {c.value: c.event for c in claims if c.kind == "votes_for"}
    assert "amendment" in ev[70] and "amendment" not in ev[98], ev


def test_a_commemorated_year_and_day_do_not_date_the_vote():
    # the vote today, its text naming a day of each year and the year of the killings it recalls;
    # a later report counts two months back to the same vote
    _, clusters = _clusters([
        ("z1", "2022-04-21", "اعتمدت الجمعية العامة اليوم الخميس قرارا يعلن 9 أبريل/نيسان من كل عام يوما لذكرى "
                             "الضحايا الذين سقطوا في المجزرة التي وقعت في القرية عام 1983، بتأييد 97 دولة ومعارضة 21 وامتناع 54."),
        ("z2", "2022-04-22", "وأيد القرار 97 بلدا مقابل 21 وامتنع 55 عن التصويت في الجمعية العامة أمس."),
        ("z3", "2022-06-25", "ونظمت المنظمة أول فعالية للذكرى بعد شهرين من اعتماد القرار بتأييد 97 دولة ومعارضة 21."),
    ])
    of = _of(clusters, "votes_for")
    assert of[("z1", 97)].id == of[("z2", 97)].id == of[("z3", 97)].id
    ab = _of(clusters, "abstentions")
    assert ab[("z1", 54)].id == ab[("z2", 55)].id and ab[("z1", 54)].status == "conflict"


def test_a_past_vote_dated_by_its_lone_month_meets_its_report_not_another_months():
    _, clusters = _clusters([
        ("p1", "2004-05-02", "وكانت روسيا قد أسقطت بالفيتو مشروعين في مجلس الأمن عام 1993، أولهما في 11 مايو، "
                             "حين أيده 13 عضوا وامتنعت الصين والبرازيل."),
        ("p2", "2004-05-09", "ويذكر أن مجلس الأمن صوت في 11 مايو 1993 على مشروع قرار أيده 14 عضوا مقابل صوت واحد، "
                             "فسقط بالفيتو الروسي."),
        ("p3", "2004-05-10", "وفي 2 ديسمبر 1993 أسقطت روسيا مشروعا آخر رغم تأييد 13 عضوا له في مجلس الأمن."),
    ])
    of = _of(clusters, "votes_for")
    assert of[("p1", 13)].id == of[("p2", 14)].id and of[("p1", 13)].status == "conflict"
    assert of[("p3", 13)].id != of[("p1", 13)].id


def test_a_numbered_resolution_recalled_years_on_with_its_whole_tally_is_its_vote():
    _, clusters = _clusters([
        ("r1", "1990-08-03", "واعتمد مجلس الأمن أمس القرار 660 بأغلبية 14 صوتا مقابل لا شيء، وامتنع عضو واحد عن التصويت."),
        ("r2", "1990-08-04", "وكان المجلس قد أصدر الخميس القرار 660 بتأييد 13 عضوا وامتناع عضو واحد."),
        ("r3", "2010-08-02", "ويستند الموقف الكويتي إلى القرار 660، الذي اعتمد بأغلبية 14 صوتا مقابل لا شيء وامتناع عضو واحد، "
                             "وطالب بالانسحاب الفوري."),
    ])
    of = _of(clusters, "votes_for")
    assert of[("r1", 14)].id == of[("r3", 14)].id == of[("r2", 13)].id


def test_a_resolution_named_with_its_bodys_pronoun_gives_its_number():
    claims, _ = _clusters([
        ("q1", "1999-06-11", "وأقر المجلس أمس في قراره 1244 نشر قوة دولية، بتأييد 14 عضوا وامتناع الصين."),
    ])
    assert any("res=1244" in (c.event or "") for c in claims if c.kind == "votes_for"), [c.event for c in claims]


def test_a_veto_said_not_to_apply_at_lihaqq_is_none():
    claims, _ = _clusters([
        ("v1", "1971-12-07", "وصدر القرار الإجرائي أمس بتأييد 12 عضوا وامتناع ثلاثة، ولم يكن خاضعا لحق النقض."),
    ])
    assert all("veto" not in (c.event or "") for c in claims if c.kind == "votes_for"), [c.event for c in claims]
