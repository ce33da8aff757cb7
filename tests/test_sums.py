"""An article does not disagree with itself: its parts of its own total (crosscheck.reconcile.sums:
"706 + 181 = 887"), its two counts of one tally (two votes)."""

from __future__ import annotations

import random

from test_reconciler_factory import claim

from crosscheck.reconcile.inconsistencies import find_inconsistencies
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.reconcile.settings import default_config
from crosscheck.reconcile.sums import PAIRS_MAX, is_sum_part, mark_sum_parts


def _marked(claims):
    return sorted(c.value for c in mark_sum_parts(claims) if is_sum_part(c))


def test_two_parts_of_a_stated_total_are_marked():
    claims = [claim("a", "prisoners_released", 900), claim("a", "prisoners_released", 700),
              claim("a", "prisoners_released", 200)]
    assert _marked(claims) == [200, 700]


def test_three_parts_and_a_hedged_total():
    # "قتل 610 مسلحين و130 جنديا و25 مدنيا، أي أكثر من 750 قتيلا"
    claims = [claim("a", "killed", 750, "more_than"), claim("a", "killed", 610),
              claim("a", "killed", 130), claim("a", "killed", 25)]
    assert _marked(claims) == [25, 130, 610]


def _round(c, slack):
    # a round figure stated without a hedge reads as an interval (it may be rounded)
    return c.model_copy(update={"low": c.value - slack, "high": c.value + slack})


def test_a_round_part_adds_its_stated_value_to_an_exact_total():
    # "أفرجت الجبهة اليوم عن 300 أسير ... بعد أن أطلقت في سبتمبر سراح 243، ليرتفع العدد إلى 543"
    claims = [_round(claim("a", "prisoners_released", 300), 15), claim("a", "prisoners_released", 243),
              claim("a", "prisoners_released", 543)]
    assert _marked(claims) == [243, 300]


def test_round_parts_never_make_a_round_total_by_coincidence():
    # 100 + 200 "= 300": all three round, none a stated exact total
    claims = [_round(claim("a", "killed", 100), 5), _round(claim("a", "killed", 200), 10),
              _round(claim("a", "killed", 300), 15)]
    assert _marked(claims) == []


def test_figures_that_add_up_to_nothing_stated_are_not_marked():
    claims = [claim("a", "killed", 900), claim("a", "killed", 700), claim("a", "killed", 150)]
    assert _marked(claims) == []


def test_parts_must_come_from_the_same_article_and_kind():
    claims = [claim("a", "killed", 900), claim("b", "killed", 700), claim("a", "killed", 200)]
    assert _marked(claims) == []
    claims = [claim("a", "killed", 900), claim("a", "injured", 700), claim("a", "killed", 200)]
    assert _marked(claims) == []


def test_votes_and_projections_are_not_read():
    claims = [claim("a", "votes_for", 93), claim("a", "votes_for", 60), claim("a", "votes_for", 33)]
    assert _marked(claims) == []
    proj = [claim("a", "killed", 900, basis="projection"), claim("a", "killed", 700),
            claim("a", "killed", 200)]
    assert _marked(proj) == []


def test_an_article_of_too_many_figures_is_not_read():
    claims = [claim("a", "killed", v) for v in range(1, PAIRS_MAX + 2)]
    assert _marked(claims) == []


def test_a_part_beside_its_total_is_no_conflict_and_no_same_day_mismatch():
    """One article gives the total and its two parts, all landing in one cluster; another gives
    the total.  Without the marking the 700 contradicts the 900 of its own article."""
    claims = [claim("a", "prisoners_released", 900, location="yemen"),
              claim("a", "prisoners_released", 700, location="yemen"),
              claim("a", "prisoners_released", 200, location="yemen"),
              claim("b", "prisoners_released", 900, location="yemen")]
    cfg = default_config()
    clusters = reconcile(claims, config=cfg)
    (cl,) = [c for c in clusters if c.kind == "prisoners_released"]
    assert cl.status == "consistent"
    assert not [c for c in cl.claims if c.outlier]
    assert not find_inconsistencies(clusters, cfg)
    # the same figures with no total stated: the article disagrees with the other
    plain = [c for c in claims if not (c.doc == "a" and c.value == 900)]
    (cl2,) = [c for c in reconcile(plain, config=cfg) if c.kind == "prisoners_released"]
    assert cl2.status == "conflict"


def test_the_largest_part_stands_for_its_article_in_its_cluster():
    """Two parts of a combined total that grouping put in one place's cluster: the smaller is
    set aside, the larger is still compared with other articles."""
    claims = [claim("a", "killed", 380, location="mozambique+zimbabwe"),
              claim("a", "killed", 240, location="mozambique"),
              claim("a", "killed", 140, location="mozambique"),
              claim("b", "killed", 300, location="mozambique")]
    cfg = default_config()
    cl = [c for c in reconcile(claims, config=cfg) if c.key.get("location") == "mozambique"][0]
    assert cl.status == "conflict"
    assert {(c.doc, c.value) for c in cl.claims if c.outlier} <= {("a", 240), ("b", 300)}
    assert ("a", 140) not in {(c.doc, c.value) for c in cl.claims if c.outlier}


def test_marking_is_linear_in_an_articles_figures_and_keeps_order():
    rng = random.Random(5)
    claims = [claim(f"d{rng.randrange(50)}", "killed", rng.randrange(1, 500)) for _ in range(2000)]
    out = mark_sum_parts(claims)
    assert [(c.doc, c.start) for c in out] == [(c.doc, c.start) for c in claims]
    assert all(c.value == o.value for c, o in zip(claims, out))


def test_an_article_giving_two_counts_of_one_tally_tells_two_votes():
    """"أيده 151 بلدا ... وهي نتيجة قريبة من تصويت العام الماضي حين نال النص 153 صوتا": when
    grouping puts both figures in one vote's cluster, the article's first figure stands for it
    and the later one is set aside, never an outlier (reconciler._later_tallies); a real
    disagreement between two articles is still one."""
    ev = "vote:body=ga;subj=draft"
    claims = [claim("a", "votes_for", 151, event=ev), claim("a", "votes_for", 153, event=ev),
              claim("b", "votes_for", 151, event=ev)]
    (cl,) = reconcile(claims)
    assert cl.status == "consistent" and not [c for c in cl.claims if c.outlier]
    assert any("two votes" in n for n in cl.notes)
    (cl2,) = reconcile(claims + [claim("c", "votes_for", 149, event=ev)])
    assert cl2.status == "conflict"
    assert {(c.doc, c.value) for c in cl2.claims if c.outlier} == {("c", 149)}
