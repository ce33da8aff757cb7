"""Counts "since <day>" beside a running total (crosscheck.reconcile.grouping, story starts):
a season's count since the start of the year, first reported that same year, is the running
total; a later start an article gives beside its own earlier one is a sub-period of it."""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile.reconciler import reconcile


def _kill(doc, value, day, period="cumulative"):
    return claim(doc, "killed", value, period=period, location="bangladesh", as_of=day, as_of_from="metadata")


def _cluster_of(clusters, doc, value):
    return next(cl for cl in clusters if any(c.doc == doc and c.value == value for c in cl.claims))


def test_a_seasons_count_since_the_start_of_the_year_is_its_running_total():
    # 147 deaths "منذ بداية العام" on 20 July, the outbreak's first report; 303 on 6 August
    clusters = reconcile([_kill("a", 147, "2023-07-20", "since:--01-01"), _kill("b", 303, "2023-08-06")])
    assert _cluster_of(clusters, "a", 147) is _cluster_of(clusters, "b", 303)


def test_a_year_to_date_count_of_a_story_reported_the_year_before_stays_apart():
    # a war reported since the previous year: this year's count is a calendar window of it
    clusters = reconcile([_kill("z", 9000, "2022-11-02"), _kill("a", 1470, "2023-07-20", "since:--01-01"),
                          _kill("b", 12000, "2023-08-06")])
    assert _cluster_of(clusters, "a", 1470) is not _cluster_of(clusters, "b", 12000)


def test_a_later_start_beside_the_articles_own_earlier_one_is_a_sub_period():
    # "100 منذ مطلع يوليو" beside "147 منذ بداية العام" in one article: July's count, not the total
    clusters = reconcile([_kill("a", 147, "2023-07-20", "since:--01-01"),
                          _kill("a", 100, "2023-07-20", "since:--07-01"), _kill("b", 303, "2023-08-06")])
    total = _cluster_of(clusters, "b", 303)
    assert _cluster_of(clusters, "a", 100) is not total
    assert _cluster_of(clusters, "a", 147) is total
