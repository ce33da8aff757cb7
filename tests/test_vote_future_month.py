"""A month written with a later year than its article's is a deadline, not the vote's month
(issue 8: event identity of votes, dates).

"مددت الجمعية العامة اليوم الجمعة تفويض الوكالة حتى 30 حزيران/يونيو 2028 بأغلبية 160 صوتا": the
June is when the mandate ends, four years on.  Read as the month of the vote, it put the
plenary's own tally in June of the article's year, so another outlet's report of the same
plenary (the next day, "أمس الجمعة") never met it: 160 for in both was no agreement and 9
against 7 abstaining no conflict.  Sentences are our own."""

from __future__ import annotations

from pathlib import Path

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.ruleset.loader import load_rules
from crosscheck.ruleset.resources import rules_dir
from crosscheck.text.dates import load_date_rules, months_named

RULES = load_date_rules(Path(rules_dir(None)) / "dates.yaml")


def test_a_month_of_a_later_year_is_left_out():
    s = "مددت الجمعية العامة التفويض حتى 30 حزيران/يونيو 2028 بأغلبية 160 صوتا"
    assert months_named(s, RULES) == {6}
    assert months_named(s, RULES, not_after=2024) == frozenset()
    assert months_named("وصوتت الجمعية في 14 نيسان/أبريل 2024 بأغلبية 120 دولة", RULES, not_after=2024) == {4}
    assert months_named("وصوتت الجمعية في نيسان بأغلبية 120 دولة", RULES, not_after=2024) == {4}


def test_two_reports_of_one_plenary_meet_despite_the_mandates_end():
    texts = [
        ("a", "2024-12-13", "مددت الجمعية العامة للأمم المتحدة، اليوم الجمعة، تفويض الوكالة حتى 30 حزيران/يونيو "
                            "2028، بأغلبية 160 صوتا مقابل 4 أصوات وامتناع 9 دول عن التصويت."),
        ("b", "2024-12-14", "رحبت الحكومة بتصويت الجمعية العامة، أمس الجمعة، على تمديد تفويض الوكالة، بأغلبية "
                            "160 صوتا مقابل 4 أصوات وامتناع 7 دول عن التصويت."),
    ]
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    clusters = reconcile(claims, documents)
    of = {(c.doc, c.kind, c.value): cl for cl in clusters for c in cl.claims}
    assert of[("a", "votes_for", 160)].id == of[("b", "votes_for", 160)].id
    abst = of[("a", "abstentions", 9)]
    assert abst.id == of[("b", "abstentions", 7)].id and abst.status == "conflict"
