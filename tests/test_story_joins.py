"""Which story a figure belongs to: a figure at no place joins the placed cluster of its days,
an event's own toll is its story's running total, a day's count meets only its own day."""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile.grouping import event_totals, group_claims
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.reconcile.settings import default_config


def members(grouping, doc):
    g = next(g for g in grouping.groups if any(m.claim.doc == doc for m in g.members))
    return sorted(m.claim.doc for m in g.members)


def test_a_figure_at_no_place_joins_the_placed_cluster_of_its_days():
    """Two stories of one scope in a corpus (a storm in one town in 2020, a storm in another in
    2022): an article naming no place, dated in the first story's days, speaks of it."""
    claims = [claim("a", "killed", 100, location="khan_younis", as_of="2020-01-05", as_of_from="metadata"),
              claim("b", "killed", 40, location="rafah", as_of="2022-06-01", as_of_from="metadata"),
              claim("c", "killed", 90, location=None, as_of="2020-01-06", as_of_from="metadata")]
    g = group_claims(claims)
    assert members(g, "c") == ["a", "c"]
    joined = next(m for gr in g.groups for m in gr.members if m.claim.doc == "c")
    assert "location" in joined.uncertain
    [cl] = [cl for cl in reconcile(claims) if any(c.doc == "c" for c in cl.claims)]
    assert cl.status == "conflict"  # 100 and 90 on consecutive days of one running total


def test_a_figure_far_from_every_story_stays_apart():
    claims = [claim("a", "killed", 100, location="khan_younis", as_of="2020-01-05", as_of_from="metadata"),
              claim("b", "killed", 40, location="rafah", as_of="2022-06-01", as_of_from="metadata"),
              claim("c", "killed", 90, location=None, as_of="2021-03-01", as_of_from="metadata")]
    assert members(group_claims(claims), "c") == ["c"]


def test_two_stories_in_its_days_leave_it_apart_unless_they_nest():
    both = [claim("a", "killed", 100, location="khan_younis", as_of="2020-01-05", as_of_from="metadata"),
            claim("b", "killed", 40, location="rafah", as_of="2020-01-06", as_of_from="metadata"),
            claim("c", "killed", 90, location=None, as_of="2020-01-06", as_of_from="metadata")]
    assert members(group_claims(both), "c") == ["c"]
    nested = [claim("a", "killed", 100, location="gaza", as_of="2020-01-05", as_of_from="metadata"),
              claim("b", "killed", 40, location="rafah", as_of="2020-01-06", as_of_from="metadata"),
              claim("c", "killed", 90, location=None, as_of="2020-01-06", as_of_from="metadata")]
    assert members(group_claims(nested), "c") == ["a", "c"]  # the whole the towns are in


def test_a_figure_naming_no_incident_may_join_any_incidents_story_but_not_another_incident():
    open_incident = [claim("a", "injured", 184, location="karachi", incident="flood_storm", as_of="2015-09-11", as_of_from="metadata"),
                     claim("b", "injured", 15, location="lahore", incident="fire", as_of="2018-02-01", as_of_from="metadata"),
                     claim("c", "injured", 201, location=None, incident=None, as_of="2015-09-12", as_of_from="metadata")]
    assert members(group_claims(open_incident), "c") == ["a", "c"]
    other = [claim("a", "injured", 184, location="karachi", incident="flood_storm", as_of="2015-09-11", as_of_from="metadata"),
             claim("c", "injured", 201, location=None, incident="fire", as_of="2015-09-12", as_of_from="metadata")]
    assert members(group_claims(other), "c") == ["c"]


def test_an_undated_figure_or_a_combined_place_takes_no_story_by_days():
    undated = [claim("a", "killed", 100, location="khan_younis", as_of="2020-01-05", as_of_from="metadata"),
               claim("b", "killed", 40, location="rafah", as_of="2022-06-01", as_of_from="metadata"),
               claim("c", "killed", 90, location=None)]
    assert members(group_claims(undated), "c") == ["c"]
    combined = [claim("a", "killed", 300, location="iran+iraq", as_of="2017-11-13", as_of_from="metadata"),
                claim("b", "killed", 40, location="rafah", as_of="2022-06-01", as_of_from="metadata"),
                claim("d", "killed", 30, location="khan_younis", as_of="2022-06-01", as_of_from="metadata"),
                claim("c", "killed", 290, location=None, as_of="2017-11-13", as_of_from="metadata")]
    assert members(group_claims(combined), "c") == ["c"]


def test_story_joins_can_be_turned_off():
    cfg = default_config().model_copy(update={"story_window_days": None})
    claims = [claim("a", "killed", 100, location="khan_younis", as_of="2020-01-05", as_of_from="metadata"),
              claim("b", "killed", 40, location="rafah", as_of="2022-06-01", as_of_from="metadata"),
              claim("c", "killed", 90, location=None, as_of="2020-01-06", as_of_from="metadata")]
    assert members(group_claims(claims, cfg), "c") == ["c"]


def test_an_events_own_toll_is_its_storys_running_total_except_in_a_war():
    """"40 dead in the quake" and "the toll rose to 40" are one quantity; "40 dead in the raid"
    during a war is one event of many."""
    quake = [claim("a", "killed", 40, period="event", incident="quake", as_of="2021-05-02", as_of_from="metadata"),
             claim("b", "killed", 46, period="cumulative", incident="quake", as_of="2021-05-02", as_of_from="metadata")]
    [cl] = reconcile(quake)
    assert cl.status == "conflict" and cl.key["period"] == "cumulative"
    war = [claim("a", "killed", 40, period="event", incident="war", as_of="2021-05-02", as_of_from="metadata"),
           claim("b", "killed", 4600, period="cumulative", incident="war", as_of="2021-05-02", as_of_from="metadata")]
    assert sorted(cl.key["period"] for cl in reconcile(war)) == ["cumulative", "event"]
    swap = event_totals([claim("a", "prisoners_released", 300, period="event", incident=None),
                         claim("a", "votes_for", 13, period="event")])
    assert [c.period for c in swap] == ["cumulative", "event"]  # a vote stays one event


def test_a_days_count_meets_only_its_own_day():
    """Deaths "in the last 24 hours" on two days are two quantities; on one day, one."""
    two_days = [claim("a", "killed", 75, period="last_24h", as_of="2022-08-30", as_of_from="metadata"),
                claim("b", "killed", 57, period="last_24h", as_of="2022-09-01", as_of_from="metadata")]
    [cl] = reconcile(two_days)
    assert cl.status == "consistent"
    one_day = [claim("a", "killed", 75, period="last_24h", as_of="2022-08-30", as_of_from="metadata"),
               claim("b", "killed", 57, period="last_24h", as_of="2022-08-30", as_of_from="metadata")]
    [cl] = reconcile(one_day)
    assert cl.status == "conflict"


def test_a_figure_whose_sentence_names_another_country_takes_no_story_of_its_days():
    """Floods in two neighbouring countries the same week: "about 90,000 displaced, the Kenyan
    government said" names its own country, so it does not join the Somali cluster of its days;
    a sentence naming the cluster's country (or none) does."""
    def corpus(sentence):
        return [claim("a", "displaced", 120000, location="somalia", as_of="2023-05-02", as_of_from="metadata"),
                claim("b", "displaced", 40, location="rafah", as_of="2020-06-01", as_of_from="metadata"),
                claim("c", "displaced", 90000, location=None, as_of="2023-05-03", as_of_from="metadata",
                      sentence=sentence)]
    other = "وقالت حكومة كينيا إن نحو 90 ألف شخص نزحوا"
    assert members(group_claims(corpus(other)), "c") == ["c"]
    same = "وقالت حكومة الصومال إن نحو 90 ألف شخص نزحوا"
    assert members(group_claims(corpus(same)), "c") == ["a", "c"]
    assert members(group_claims(corpus("ونزح نحو 90 ألف شخص")), "c") == ["a", "c"]


def test_a_crowd_of_clusters_in_its_days_gives_no_story(monkeypatch):
    """The look for a story stops after MAX_STORY_SCAN entries of its days: bounded work, and
    no guess."""
    from crosscheck.reconcile import grouping

    claims = [claim("a", "killed", 100, location="khan_younis", as_of="2020-01-05", as_of_from="metadata"),
              claim("b", "killed", 40, location="rafah", as_of="2022-06-01", as_of_from="metadata"),
              claim("c", "killed", 90, location=None, as_of="2020-01-06", as_of_from="metadata")]
    assert members(group_claims(claims), "c") == ["a", "c"]
    monkeypatch.setattr(grouping, "MAX_STORY_SCAN", 0)
    assert members(group_claims(claims), "c") == ["c"]


def test_figures_at_no_place_years_apart_are_two_stories():
    """A 2017 bombing's toll and a 2022 clash's, neither place known to the gazetteer, share
    a scope: the runs of days more than `story_gap_days` apart are two clusters.  The run with
    the most articles keeps the undated one; within one run, or with the setting off, one
    cluster as before."""
    claims = [claim("a", "killed", 40, location=None, as_of="2017-10-14", as_of_from="metadata"),
              claim("b", "killed", 60, location=None, as_of="2017-10-15", as_of_from="metadata"),
              claim("c", "killed", 12, location=None, as_of="2022-08-27", as_of_from="metadata"),
              claim("d", "killed", 30, location=None, as_of="2022-08-28", as_of_from="metadata"),
              claim("e", "killed", 31, location=None, as_of="2022-08-29", as_of_from="metadata"),
              claim("f", "killed", 32, location=None)]
    g = group_claims(claims)
    assert members(g, "a") == ["a", "b"] and members(g, "c") == ["c", "d", "e", "f"]
    assert g.stats.stories_split == 1
    old = next(gr for gr in g.groups if any(m.claim.doc == "a" for m in gr.members))
    assert any("another story" in n for m in old.members for n in m.notes)
    assert old.id != next(gr for gr in g.groups if any(m.claim.doc == "c" for m in gr.members)).id
    # 60 in 2017 above 12 in 2022 is no falling total: two stories, no conflict between them
    assert all(cl.status != "conflict" for cl in reconcile(claims))
    near = [claims[0], claim("c", "killed", 70, location=None, as_of="2018-01-20", as_of_from="metadata")]
    assert members(group_claims(near), "a") == ["a", "c"]  # 98 days: one story
    off = default_config().model_copy(update={"story_gap_days": None})
    assert members(group_claims(claims, off), "a") == ["a", "b", "c", "d", "e", "f"]
    # placed clusters are not split: a country's toll may be told over years
    placed = [c.model_copy(update={"location": "yemen"}) for c in claims[:4]]
    assert members(group_claims(placed), "a") == ["a", "b", "c", "d"]


def test_an_undated_account_goes_with_the_story_that_gives_its_figure():
    """An undated article telling the same figure as a dated one (the same briefing told twice:
    323 wounded) belongs to that article's story, not to the run with the most articles."""
    claims = [claim("a", "injured", 323, location=None, as_of="2008-08-15", as_of_from="relative"),
              claim("c", "injured", 290, location=None, as_of="2023-09-26", as_of_from="metadata"),
              claim("d", "injured", 300, location=None, as_of="2023-09-27", as_of_from="metadata"),
              claim("u", "injured", 323, location=None)]
    g = group_claims(claims)
    assert members(g, "a") == ["a", "u"] and members(g, "c") == ["c", "d"]
    # an undated figure no run gives stays with the main run, as before
    other = claims[:3] + [claim("u", "injured", 150, location=None)]
    assert members(group_claims(other), "c") == ["c", "d", "u"]


def test_a_recalled_earlier_figure_does_not_carry_its_article_into_a_story_by_its_day():
    """"A toll of 120 today, after it was 90 on Saturday": the article's unit at no place is
    looked up by the day of the figure it gives now; its recalled 90, told on a day near another
    placed story's figures, does not take it there unless another article gives that 90 on that
    day.  A unit of recalled figures alone still goes by their days."""
    def corpus(recalled_day):
        return [claim("a", "killed", 8, location="khan_younis", as_of="2020-01-05", as_of_from="metadata"),
                claim("b", "killed", 40, location="rafah", as_of="2022-06-01", as_of_from="metadata"),
                claim("c", "killed", 120, location=None, as_of="2020-01-10", as_of_from="metadata"),
                claim("c", "killed", 90, location=None, period="superseded", as_of=recalled_day,
                      as_of_from="text")]
    assert members(group_claims(corpus("2020-01-08")), "c") == ["c", "c"]
    assert members(group_claims(corpus("2020-01-10")), "c") == ["c", "c"]
    # another outlet gives the recalled 90 as its own figure of that day: the recall is borne
    # out, its day is the story's (that outlet's unit joins by its own day as well)
    told = corpus("2020-01-07") + [claim("d", "killed", 90, location=None, as_of="2020-01-07",
                                         as_of_from="metadata")]
    assert members(group_claims(told), "c") == ["a", "c", "c", "d"]
    alone = [claim("a", "killed", 8, location="khan_younis", as_of="2020-01-05", as_of_from="metadata"),
             claim("b", "killed", 40, location="rafah", as_of="2022-06-01", as_of_from="metadata"),
             claim("c", "killed", 90, location=None, period="superseded", as_of="2020-01-06", as_of_from="text")]
    assert members(group_claims(alone), "c") == ["a", "c"]
