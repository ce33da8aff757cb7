"""A running total's stale figures: the growth stays consistent, each figure left out of it is
its own `falling_total` (or `same_day_mismatch`) inconsistency (issue 8, item 3: "the conflict
names the stale claim").

A fact-checker reading a toll reported on five days needs to see that 1,040 -> 1,115 -> 1,190
is growth, and, apart from it, that one outlet's 1,172 two days after the 1,190 is stale: the
cluster stays consistent (its trajectory), the stale figure is an outlier of it, and the
inconsistency links the stale figure with the one earlier figure it falls below.
"""

from __future__ import annotations

import hashlib

from test_reconciler_factory import claim

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.ruleset.loader import load_rules


def docs(*pairs):
    # texts that share nothing, so no two documents are copies of each other
    return [Document(id=i, text=" ".join(hashlib.sha1(f"{i}{k}".encode()).hexdigest()[:8] for k in range(30)),
                     date=d) for i, d in pairs]


def report(claims, documents):
    return build_report(documents, reconcile(claims, documents))


def killed(rep):
    (c,) = [c for c in rep.clusters if c.kind == "killed"]
    return c


def falling(rep):
    return [i for i in rep.inconsistencies if i.type == "falling_total"]


DAYS = (("a", "2024-05-01"), ("b", "2024-05-02"), ("c", "2024-05-04"), ("d", "2024-05-06"))


def test_growth_with_one_stale_figure_stays_consistent_and_names_the_stale_one():
    claims = [claim("a", "killed", 1040), claim("b", "killed", 1115), claim("c", "killed", 1190),
              claim("d", "killed", 1172)]
    rep = report(claims, docs(*DAYS))
    c = killed(rep)
    assert c.status == "consistent" and c.cause is None
    assert [x.doc for x in c.claims if x.outlier] == ["d"]
    assert [(p.date, p.low) for p in c.trajectory] == [("2024-05-01", 1040), ("2024-05-02", 1115),
                                                        ("2024-05-04", 1190)]
    (inc,) = falling(rep)
    assert inc.strength == "hard" and inc.clusters == [c.id]
    assert {(x.doc, x.role, x.value) for x in inc.claims} == {("c", "earlier", 1190), ("d", "stale", 1172)}
    assert "1,172" in inc.explanation and "1,190" in inc.explanation and "reported earlier" in inc.explanation


def test_the_stale_figure_is_linked_to_one_earlier_figure_only():
    # 980 falls below 1,000, 1,020 and 1,060: the link names the highest (the level reached),
    # so no pair of the growth 1,000 -> 1,020 -> 1,060 is ever cited together
    claims = [claim("a", "killed", 1000), claim("b", "killed", 1020), claim("c", "killed", 1060),
              claim("d", "killed", 980)]
    (inc,) = falling(report(claims, docs(*DAYS)))
    assert sorted(x.value for x in inc.claims) == [980, 1060]


def test_an_earlier_figure_above_the_later_growth_is_named_too():
    # 2,400 on the second day is above everything reported after it; the rest grow
    claims = [claim("a", "killed", 300), claim("b", "killed", 2400), claim("c", "killed", 520),
              claim("d", "killed", 610)]
    rep = report(claims, docs(*DAYS))
    c = killed(rep)
    assert c.status == "consistent" and [x.doc for x in c.claims if x.outlier] == ["b"]
    (inc,) = falling(rep)
    assert {(x.doc, x.role) for x in inc.claims} == {("b", "too_high"), ("c", "later")}
    assert "reported later" in inc.explanation


def test_a_hedge_that_stretches_to_the_earlier_figure_makes_a_soft_one():
    claims = [claim("a", "killed", 400), claim("b", "killed", 470), claim("c", "killed", 500),
              claim("d", "killed", 450, "approx")]
    rep = report(claims, docs(*DAYS))
    (inc,) = falling(rep)
    assert inc.strength == "soft"


def test_two_reports_and_nothing_else_stay_a_conflict_of_the_cluster():
    # no growth to keep apart from: the falling pair is the cluster's own conflict
    claims = [claim("a", "killed", 1208), claim("b", "killed", 1191)]
    rep = report(claims, docs(*DAYS[:2]))
    c = killed(rep)
    assert c.status == "conflict" and c.cause == "reporting_lag" and not c.outlier_links
    assert not falling(rep)


def test_a_dispute_on_one_day_of_a_growth_story_is_its_own_item():
    # 100 -> 150 -> 190 holds; 120 the same day as 190 is another figure of that day, and it
    # also falls below 150 reported two days before: both are named, each its own item
    claims = [claim("a", "killed", 100), claim("b", "killed", 150), claim("c", "killed", 190),
              claim("c2", "killed", 120)]
    documents = docs(*DAYS[:3], ("c2", "2024-05-04"))
    rep = report(claims, documents)
    c = killed(rep)
    assert c.status == "consistent" and [x.doc for x in c.claims if x.outlier] == ["c2"]
    (inc,) = [i for i in rep.inconsistencies if i.type == "same_day_mismatch"]
    assert {(x.doc, x.role) for x in inc.claims} == {("c", "kept"), ("c2", "outlier")}
    assert inc.strength == "hard" and "the same day" in inc.explanation
    (low,) = falling(rep)
    assert {(x.doc, x.role) for x in low.claims} == {("b", "earlier"), ("c2", "stale")}
    assert "reported earlier" in low.explanation


def test_a_same_day_dispute_above_every_earlier_figure_is_only_that():
    claims = [claim("a", "killed", 100), claim("b", "killed", 150), claim("c", "killed", 190),
              claim("c2", "killed", 175)]
    rep = report(claims, docs(*DAYS[:3], ("c2", "2024-05-04")))
    assert [i.type for i in rep.inconsistencies] == ["same_day_mismatch"]


def test_a_dispute_on_the_only_day_stays_a_conflict_of_the_cluster():
    claims = [claim("a", "killed", 100), claim("a2", "killed", 130)]
    c = killed(report(claims, docs(("a", "2024-05-01"), ("a2", "2024-05-01"))))
    assert c.status == "conflict" and not c.outlier_links


def test_an_undated_source_disagreeing_with_itself_is_its_own_mismatch_not_the_clusters():
    # (session 36: it used to turn the whole cluster into the conflict, failing the growth's
    # agreements as collateral) - an undated source sits at one moment: its two figures far
    # apart (beyond rival_counter_ratio) are a same_day_mismatch of that article alone
    claims = [claim("a", "killed", 100), claim("b", "killed", 150), claim("u", "killed", 500),
              claim("u", "killed", 1600)]
    rep = report(claims, docs(*DAYS[:2], ("u", None)))
    c = killed(rep)
    assert c.status == "consistent" and [x.doc for x in c.claims if x.outlier] == ["u"]
    (inc,) = [i for i in rep.inconsistencies if i.type == "same_day_mismatch"]
    assert {(x.doc, x.value) for x in inc.claims} == {("u", 500), ("u", 1600)}
    assert "same undated report" in inc.explanation


def test_story_growth_and_a_stale_outlet():
    # four outlets over five days; the last repeats a figure two days old, lower than the
    # ministry's latest
    texts = [
        ("s1", "2023-10-02", "أعلنت وزارة الصحة أن عدد ضحايا الفيضانات في الإقليم ارتفع إلى 214 قتيلا."),
        ("s2", "2023-10-03", "ارتفعت حصيلة قتلى الفيضانات في الإقليم إلى 263 قتيلا بحسب وزارة الصحة."),
        ("s3", "2023-10-05", "قالت وزارة الصحة إن حصيلة قتلى الفيضانات في الإقليم بلغت 318 قتيلا."),
        ("s4", "2023-10-06", "وبلغت حصيلة قتلى الفيضانات في الإقليم 263 قتيلا، وفق مصادر محلية."),
    ]
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    rep = build_report(documents, reconcile(claims, documents))
    (c,) = [c for c in rep.clusters if c.kind == "killed"]
    assert c.status == "consistent"
    assert [(x.doc, x.outlier) for x in sorted(c.claims, key=lambda x: x.doc)] == [
        ("s1", False), ("s2", False), ("s3", False), ("s4", True)]
    (inc,) = falling(rep)
    assert {(x.doc, x.role) for x in inc.claims} == {("s3", "earlier"), ("s4", "stale")}


def test_an_earlier_figure_recalled_joins_the_running_total_and_never_falls():
    # b recalls the first toll (period "superseded": "وكانت الحصيلة الأولى 1,040") beside its
    # own 1,190; c, two days later, recalls b's first figure 1,115: both are points of the same
    # total at moments of their own before their articles, not stale reports
    claims = [claim("a", "killed", 1040), claim("b", "killed", 1190), claim("b", "killed", 1040, period="superseded"),
              claim("c", "killed", 1250), claim("c", "killed", 1115, period="superseded")]
    rep = report(claims, docs(*DAYS[:3]))
    c = killed(rep)
    assert c.status == "consistent" and not [x for x in c.claims if x.outlier]
    assert {(x.doc, x.value) for x in c.claims} == {("a", 1040), ("b", 1190), ("b", 1040), ("c", 1250), ("c", 1115)}
    assert not rep.inconsistencies


def test_an_earlier_figure_does_not_hide_a_same_day_disagreement():
    # the recalled 1,040 agrees with a's figure, but b's own 1,300 of the same day still
    # contradicts c's 1,190 of that day
    claims = [claim("a", "killed", 1040), claim("b", "killed", 1300), claim("b", "killed", 1040, period="superseded"),
              claim("c", "killed", 1190)]
    rep = report(claims, docs(("a", "2024-05-01"), ("b", "2024-05-02"), ("c", "2024-05-02")))
    c = killed(rep)
    flagged = c.status == "conflict" or any(i.type == "same_day_mismatch" for i in rep.inconsistencies)
    assert flagged
    assert not [x for x in c.claims if x.outlier and x.period == "superseded"]


def test_a_same_day_outlier_names_every_outlet_that_gave_the_kept_figure():
    # a wire's 2,310 reprinted by a second outlet the same day, and a third outlet's 2,120 of
    # that day: the finding cites the wire and its reprint alike (its id from the first pair)
    claims = [claim("a", "killed", 1500), claim("w", "killed", 2310), claim("r", "killed", 2310),
              claim("x", "killed", 2120)]
    rep = report(claims, docs(("a", "2024-05-01"), ("w", "2024-05-04"), ("r", "2024-05-04"), ("x", "2024-05-04")))
    c = killed(rep)
    assert c.status == "consistent" and [x.doc for x in c.claims if x.outlier] == ["x"]
    (inc,) = rep.inconsistencies
    assert inc.type == "same_day_mismatch"
    assert sorted((x.doc, x.role, x.value) for x in inc.claims) == [
        ("r", "kept", 2310), ("w", "kept", 2310), ("x", "outlier", 2120)]
    assert inc.claims[1].role == "outlier"  # the pair first, then the other outlets
    assert "also " in inc.explanation


def test_a_same_day_outlier_names_no_other_figure_of_that_day():
    # another kept figure of the day that agrees with the cited one ("more than 2,300") but is
    # not the same figure is no copy of it
    claims = [claim("a", "killed", 1500), claim("w", "killed", 2310), claim("v", "killed", 2300, "more_than"),
              claim("x", "killed", 2120)]
    rep = report(claims, docs(("a", "2024-05-01"), ("w", "2024-05-04"), ("v", "2024-05-04"), ("x", "2024-05-04")))
    assert [x.doc for x in killed(rep).claims if x.outlier] == ["x"]
    (inc,) = rep.inconsistencies
    assert len(inc.claims) == 2 and "x" in {c.doc for c in inc.claims} and "also " not in inc.explanation


def test_a_source_whose_own_figure_is_kept_does_not_dispute_its_day():
    # b gives 10 and, in the same article, 4 (a part it counts, read as a toll of its own); c
    # recalls 9 for b's day. The day's kept figure is b's 10: b does not dispute its own day, so
    # only c does (one source against one): the growth 1 -> 10 -> 19 stands and c's 9 is a
    # same-day mismatch of its own.
    claims = [claim("a", "killed", 1), claim("b", "killed", 10), claim("b", "killed", 4),
              claim("c", "killed", 9, as_of="2024-05-02", as_of_from="text"), claim("c", "killed", 19)]
    rep = report(claims, docs(("a", "2024-05-01"), ("b", "2024-05-02"), ("c", "2024-05-04")))
    c = killed(rep)
    assert c.status == "consistent"
    assert {(x.doc, x.value) for x in c.claims if x.outlier} == {("b", 4), ("c", 9)}
    mism = [i for i in rep.inconsistencies if i.type == "same_day_mismatch"]
    assert {("b", 10), ("c", 9)} in [{(x.doc, x.value) for x in i.claims} for i in mism]


def test_two_other_sources_against_the_days_kept_figure_still_dispute_it():
    claims = [claim("a", "killed", 1), claim("b", "killed", 10), claim("b", "killed", 4),
              claim("c", "killed", 9, as_of="2024-05-02", as_of_from="text"),
              claim("d", "killed", 8, as_of="2024-05-02", as_of_from="text"),
              claim("c", "killed", 19), claim("d", "killed", 21)]
    rep = report(claims, docs(("a", "2024-05-01"), ("b", "2024-05-02"), ("c", "2024-05-04"), ("d", "2024-05-05")))
    assert killed(rep).status == "conflict"


def test_the_earlier_figure_as_each_outlet_gave_it_is_named():
    # an attack's toll: "at least 8" on the first day, "eight" the next, a stale 6 later, then
    # 10; the stale 6 falls below the 8 as both outlets gave it, whatever their hedge
    claims = [claim("a", "killed", 8, "at_least"), claim("b", "killed", 8), claim("c", "killed", 6),
              claim("d", "killed", 10)]
    (inc,) = falling(report(claims, docs(*DAYS)))
    assert {x.doc for x in inc.claims} == {"a", "b", "c"}
    assert "also" in inc.explanation


def test_an_earlier_figure_that_meets_the_stale_one_is_not_named():
    # "more than 5" the first day does not stand above the stale 6
    claims = [claim("a", "killed", 5, "more_than"), claim("b", "killed", 8), claim("c", "killed", 6),
              claim("d", "killed", 10)]
    (inc,) = falling(report(claims, docs(*DAYS)))
    assert {x.doc for x in inc.claims} == {"b", "c"}


def test_one_kept_day_backed_by_more_sources_names_the_later_stale_figure():
    # session 35: two outlets give 1,208 on the first day, a third 1,191 two days later, and
    # the second outlet's own next figure 1,230 fits: the growth holds on its kept figures; the
    # stale one is its own falling_total item, not a conflict of every figure of the cluster
    claims = [claim("a", "killed", 1208), claim("b", "killed", 1208), claim("c", "killed", 1191)]
    rep = report(claims, docs(("a", "2024-05-01"), ("b", "2024-05-01"), ("c", "2024-05-03")))
    c = killed(rep)
    assert c.status == "consistent" and [x.doc for x in c.claims if x.outlier] == ["c"]
    (inc,) = falling(rep)
    assert {(x.doc, x.role) for x in inc.claims} >= {("c", "stale")}
    assert {x.value for x in inc.claims} == {1208, 1191}


def test_one_kept_day_against_as_many_other_sources_stays_the_clusters_conflict():
    # one source kept on its day, two other sources left out: the story itself is disputed
    claims = [claim("a", "killed", 1208), claim("b", "killed", 1191), claim("c", "killed", 1150)]
    rep = report(claims, docs(("a", "2024-05-01"), ("b", "2024-05-03"), ("c", "2024-05-04")))
    c = killed(rep)
    assert c.status == "conflict" and not c.outlier_links and not falling(rep)


def test_estimates_left_out_of_their_growth_are_named_too():
    # counts agree; two estimates of the same day that cannot both hold, beside a third source's
    # estimate the day before: what the estimates' own judgement names is kept (not dropped
    # because their cluster is no longer a conflict as a whole)
    claims = [claim("a", "killed", 20000), claim("b", "killed", 24000, "approx", basis="estimate"),
              claim("c", "killed", 24000, "approx", basis="estimate"),
              claim("d", "killed", 150000, "approx", basis="estimate")]
    rep = report(claims, docs(("a", "2024-11-18"), ("b", "2024-11-18"), ("c", "2024-11-19"),
                              ("d", "2024-11-19")))
    c = killed(rep)
    hit = [i for i in rep.inconsistencies if {x.doc for x in i.claims} >= {"d"}]
    assert c.status == "conflict" or hit


def test_one_kept_day_disputed_that_day_by_another_source_stays_the_clusters_conflict():
    # two outlets' 1,208 and a third outlet's 1,150 of the same day: the day itself is disputed
    # (the cause classes read it: different_scope, a digit typo, ...), not a stale figure
    claims = [claim("a", "killed", 1208), claim("b", "killed", 1208), claim("c", "killed", 1150)]
    rep = report(claims, docs(("a", "2024-05-01"), ("b", "2024-05-01"), ("c", "2024-05-01")))
    c = killed(rep)
    assert c.status == "conflict" and not c.outlier_links and not rep.inconsistencies


def test_an_undated_article_disagreeing_with_itself_does_not_make_the_growth_a_conflict():
    # a and b grow (1,040 -> 1,115); the undated c gives 1,190 and, in another sentence, 900 -
    # an undated source sits at one unknown moment, so one of its two figures is left out: its
    # own mismatch, named against its own kept figure, not a dispute of the whole story
    claims = [claim("a", "killed", 1040), claim("b", "killed", 1115), claim("c", "killed", 1190),
              claim("c", "killed", 900)]
    rep = report(claims, docs(("a", "2024-05-01"), ("b", "2024-05-02"), ("c", None)))
    c = killed(rep)
    assert c.status == "consistent" and c.cause is None
    assert [x.doc for x in c.claims if x.outlier] == ["c"]
    (link,) = c.outlier_links
    assert link.direction == "same_day" and link.claim.doc == link.reference.doc == "c"
    # one article's two figures within the rival-counter ratio: no inconsistency either
    assert not [i for i in rep.inconsistencies if i.type in ("falling_total", "same_day_mismatch")]


def test_an_undated_outlier_with_no_figure_of_its_own_kept_keeps_the_cluster_a_conflict():
    # the dated figures of one day disagree (no growth), and the undated article agrees with
    # itself: nothing links the day's outlier to a growth, so the cluster stays the conflict
    claims = [claim("a", "killed", 1040), claim("b", "killed", 1300), claim("c", "killed", 1190)]
    rep = report(claims, docs(("a", "2024-05-01"), ("b", "2024-05-01"), ("c", None)))
    assert killed(rep).status == "conflict"
