"""An earlier figure recalled with its own day is a point of that day (issue 8, item 3).

"وكانت الوزارة قد أعلنت الخميس أن عدد الجرحى بلغ 44" in an article of Friday: the 44 is what
the ministry said on Thursday.  When another outlet gives the ministry's Thursday figure as 47,
the two cannot both be right; when an article of Monday gives 163 below the 168 another recalls
for Sunday, the toll fell.  A figure recalled with no day of its own ("بعد أن كانت 49") stays
at an unknown moment before its article, and one its sentence says was revised down
("خفضت ... بعد أن كانت") is explained by the article itself.
"""

from __future__ import annotations

import hashlib

from test_reconciler_factory import claim

from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile


def docs(*pairs):
    return [Document(id=i, text=" ".join(hashlib.sha1(f"{i}{k}".encode()).hexdigest()[:8] for k in range(30)),
                     date=d) for i, d in pairs]


def disputed(rep, *values):
    """Are the values together in a conflict cluster or in one inconsistency?"""
    want = set(values)
    groups = [{c.value for c in cl.claims} for cl in rep.clusters if cl.status == "conflict"]
    groups += [{c.value for c in inc.claims} for inc in rep.inconsistencies]
    return any(want <= g for g in groups)


def fire_story(recalled: int, sentence: str, days=("2009-08-17", "2009-08-18", "2009-08-20")):
    """Three dated reports of a fire's toll (40, 44, 50) and an undated article recalling
    `recalled` in `sentence` (a format string): the documents and the claims."""
    documents = docs(("a", days[0]), ("b", days[1]), ("c", days[2]), ("u", None))
    claims = [claim(d, "killed", v, as_of=day, as_of_from="metadata", sentence=f"ارتفعت حصيلة الحريق إلى {v} قتيلا")
              for d, v, day in (("a", 40, days[0]), ("b", 44, days[1]), ("c", 50, days[2]))]
    claims.append(claim("u", "killed", recalled, as_of=None, as_of_from="none", sentence=sentence.format(recalled)))
    return documents, claims


RECALL_THURSDAY = "وكانت الوزارة قد أعلنت الخميس أن عدد الجرحى بلغ 44"


def _thursday(recalled_as_of, how, sentence=RECALL_THURSDAY):
    documents = docs(("a", "2025-03-13"), ("b", "2025-03-14"), ("c", "2025-03-12"), ("e", "2025-03-16"))
    claims = [claim("c", "injured", 30, as_of="2025-03-12", as_of_from="metadata"),
              claim("a", "injured", 47, as_of="2025-03-13", as_of_from="metadata"),
              claim("b", "injured", 44, period="superseded", as_of=recalled_as_of, as_of_from=how,
                    sentence=sentence),
              claim("e", "injured", 52, as_of="2025-03-16", as_of_from="metadata")]
    return build_report(documents, reconcile(claims, documents))


def test_a_recalled_figure_of_a_named_day_meets_that_days_other_figure():
    assert disputed(_thursday("2025-03-13", "relative"), 44, 47)


def test_a_recalled_figure_with_no_day_of_its_own_is_not_compared():
    # dated only by its article (Friday): the 44 stood at some moment before Friday
    assert not disputed(_thursday("2025-03-14", "metadata", "وكانت الحصيلة قد بلغت 44"), 44, 47)


def test_a_figure_its_sentence_says_was_revised_down_is_not_a_dispute():
    lowered = "خفضت الوزارة عدد الجرحى بعد أن كانت قد أعلنت الخميس أنه بلغ 44"
    assert not disputed(_thursday("2025-03-13", "relative", lowered), 44, 47)


def test_a_later_figure_below_a_recalled_one_of_an_earlier_named_day_falls():
    # Sunday's statement recalled (168) by a Tuesday article; Monday's article gives 163
    documents = docs(("a", "2024-09-01"), ("b", "2024-09-03"), ("c", "2024-09-04"))
    claims = [claim("a", "killed", 150, as_of="2024-09-01", as_of_from="metadata"),
              claim("b", "killed", 163, as_of="2024-09-03", as_of_from="metadata"),
              claim("c", "killed", 168, period="superseded", as_of="2024-09-02", as_of_from="relative",
                    sentence="وكان الجيش قد أعلن في بيانه الأحد أن 168 عسكريا قتلوا")]
    assert disputed(build_report(documents, reconcile(claims, documents)), 163, 168)


def test_a_recalled_figure_of_a_named_day_that_fits_the_growth_is_no_dispute():
    # "ارتفع إلى 822 بعد أن كانت 680 يوم الثلاثاء": Tuesday's 680, Wednesday's 700, Thursday's 822
    documents = docs(("a", "2024-06-26"), ("b", "2024-06-27"), ("c", "2024-06-25"))
    claims = [claim("c", "killed", 680, as_of="2024-06-25", as_of_from="metadata"),
              claim("a", "killed", 700, as_of="2024-06-26", as_of_from="metadata"),
              claim("b", "killed", 822, as_of="2024-06-27", as_of_from="metadata"),
              claim("b", "killed", 680, period="superseded", as_of="2024-06-25", as_of_from="relative",
                    sentence="ارتفع عدد القتلى إلى 822 بعد أن كانت الحصيلة 680 يوم الثلاثاء")]
    rep = build_report(documents, reconcile(claims, documents))
    assert not rep.inconsistencies and all(cl.status != "conflict" for cl in rep.clusters)


def test_an_article_is_not_cited_against_its_own_smaller_figure_of_the_day():
    # one article gives 276 dead and "111 of the dead identified" (the group not typed); another
    # recalls 276 for that day: the 111 is set against the other article's 276, never its own
    documents = docs(("a", "2024-10-15"), ("b", "2024-10-16"), ("c", "2024-10-20"))
    claims = [claim("a", "killed", 231, as_of="2024-10-15", as_of_from="metadata"),
              claim("b", "killed", 276, as_of="2024-10-16", as_of_from="metadata"),
              claim("b", "killed", 111, as_of="2024-10-16", as_of_from="metadata"),
              claim("c", "killed", 358, as_of="2024-10-20", as_of_from="metadata"),
              claim("c", "killed", 276, period="superseded", as_of="2024-10-16", as_of_from="relative",
                    sentence="ارتفع عدد القتلى إلى 358 بعد أن كان 276 الاثنين")]
    rep = build_report(documents, reconcile(claims, documents))
    for inc in rep.inconsistencies:
        if inc.type == "same_day_mismatch":
            docs_values = {(c.doc, c.value) for c in inc.claims}
            assert not {("b", 276), ("b", 111)} <= docs_values


SAME_DAY = "وكانت حصيلة القتلى قد استقرت عند 64 مساء الجمعة، بعد أن كانت 57 صباح اليوم نفسه"


def _friday_morning(other_value, other_sentence="أعلنت الوزارة صباح الجمعة أن عدد القتلى بلغ"):
    # a Sunday article recalls Friday evening's 64 and Friday morning's 57; another outlet gave
    # Friday morning's figure itself
    documents = docs(("m", "2024-04-12"), ("s", "2024-04-14"), ("t", "2024-04-15"))
    claims = [claim("m", "killed", other_value, as_of="2024-04-12", as_of_from="relative",
                    sentence=f"{other_sentence} {other_value}"),
              claim("s", "killed", 64, as_of="2024-04-12", as_of_from="relative", sentence=SAME_DAY),
              claim("s", "killed", 57, period="superseded", as_of="2024-04-12", as_of_from="relative",
                    sentence=SAME_DAY),
              claim("t", "killed", 70, as_of="2024-04-15", as_of_from="metadata")]
    return build_report(documents, reconcile(claims, documents))


def test_an_earlier_figure_of_an_earlier_part_of_the_same_day_meets_that_moments_figure():
    assert disputed(_friday_morning(55), 55, 57)


def test_an_earlier_figure_of_an_earlier_part_of_the_same_day_agreeing_is_no_dispute():
    rep = _friday_morning(57)
    assert not rep.inconsistencies and all(cl.status != "conflict" for cl in rep.clusters)


def test_an_earlier_figure_of_the_same_day_naming_no_part_stays_before_its_article():
    # "بعد أن كانت 57 في اليوم نفسه" names no part of the day: it stood at some moment before 64
    documents = docs(("m", "2024-04-12"), ("s", "2024-04-14"))
    same = "وكانت حصيلة القتلى قد استقرت عند 64 مساء الجمعة، بعد أن كانت 57 في اليوم نفسه"
    claims = [claim("m", "killed", 55, as_of="2024-04-12", as_of_from="relative",
                    sentence="أعلنت الوزارة صباح الجمعة أن عدد القتلى بلغ 55"),
              claim("s", "killed", 64, as_of="2024-04-12", as_of_from="relative", sentence=same),
              claim("s", "killed", 57, period="superseded", as_of="2024-04-12", as_of_from="relative",
                    sentence=same)]
    assert not disputed(build_report(documents, reconcile(claims, documents)), 55, 57)
