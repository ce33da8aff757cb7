"""Grouping: same quantity, not just same kind; fuzzy places; context; ambiguity; scale."""

from __future__ import annotations

import random

import pytest
from test_reconciler_factory import claim

from crosscheck.reconcile.grouping import FuzzyMatcher, GroupingStats, PlaceNames, cluster_id, group_claims
from crosscheck.reconcile.settings import default_config
from crosscheck.reconcile.reconciler import reconcile


def sizes(grouping):
    return sorted(len(g.members) for g in grouping.groups)


def group_of(grouping, doc):
    return next(g for g in grouping.groups if any(m.claim.doc == doc for m in g.members))


@pytest.mark.parametrize("pair", default_config().location_examples.get("same", []))
def test_location_examples_that_must_match(pair):
    a, b = pair
    g = group_claims([claim("x", "killed", 10, location=a), claim("y", "killed", 10, location=b)])
    assert sizes(g) == [2], pair


@pytest.mark.parametrize("pair", default_config().location_examples.get("different", []))
def test_location_examples_that_must_not_match(pair):
    a, b = pair
    # different figures: the very same figure at a place and at a place within it may be one
    # quantity named at two granularities (test_same_figure_at_a_coarser_place_joins_it)
    g = group_claims([claim("x", "killed", 10, location=a), claim("y", "killed", 12, location=b)])
    assert sizes(g) == [1, 1], pair


def test_location_examples_exist():
    ex = default_config().location_examples
    assert ex.get("same") and ex.get("different")


def test_fuzzy_spelling_variants_join_and_are_noted():
    g = group_claims([claim("a", "killed", 10, location="بيت حانون"),
                      claim("b", "killed", 10, location="بيتحانون"),
                      claim("c", "killed", 10, location="بيت لاهيا")])
    assert sizes(g) == [1, 2]
    joined = group_of(g, "a")
    assert any("location written differently" in n for n in joined.notes)
    assert g.stats.fuzzy_comparisons >= 1


@pytest.mark.parametrize(
    "a, b",
    [
        (dict(period="last_24h"), dict(period="cumulative")),
        (dict(group="children"), dict(group="all")),
        (dict(event="war", period="event"), dict(event="truce", period="event")),
        (dict(actor="united_states"), dict(actor="russia")),
    ],
)
def test_different_scope_never_shares_a_cluster(a, b):
    g = group_claims([claim("x", "killed", 10, **a), claim("y", "killed", 10, **b)])
    assert sizes(g) == [1, 1]


def test_different_kinds_never_share_a_cluster():
    g = group_claims([claim("x", "hostages_released", 40), claim("y", "hostages_held", 40)])
    assert sizes(g) == [1, 1]


def test_resolution_numbers_are_identities_not_measurements():
    clusters = reconcile([claim("a", "resolution_number", 2728),
                          claim("b", "resolution_number", 2720),
                          claim("c", "resolution_number", 2728)])
    assert sorted((c.status, len(c.claims)) for c in clusters) == [("consistent", 2),
                                                                   ("single", 1)]


def test_a_resolution_number_has_no_period():
    # "أصدر المجلس فجر أمس القرار رقم 612" reads a window beside the number; the text it names is
    # the one another article names with no window
    clusters = reconcile([claim("a", "resolution_number", 612, period="last_24h"),
                          claim("b", "resolution_number", 612, period=None),
                          claim("c", "resolution_number", 613, period="last_24h")])
    assert sorted((c.status, sorted(x.doc for x in c.claims)) for c in clusters) == [
        ("consistent", ["a", "b"]), ("single", ["c"])]


def test_missing_event_comes_from_the_documents_only_resolution():
    claims = [claim("a", "resolution_number", 2728, event=None),
              claim("a", "votes_for", 14, event=None),
              claim("b", "votes_for", 13, event="resolution:2728")]
    clusters = reconcile(claims)
    votes = [c for c in clusters if c.kind == "votes_for"]
    assert len(votes) == 1 and votes[0].status == "conflict"
    filled = next(c for c in votes[0].claims if c.doc == "a")
    assert filled.event == "resolution:2728" and "event" in filled.inferred
    assert votes[0].ambiguous


def test_document_speaking_of_two_resolutions_leaves_event_open():
    claims = [claim("a", "resolution_number", 2728, event=None),
              claim("a", "resolution_number", 2720, event=None),
              claim("a", "votes_for", 14, event=None),
              claim("b", "votes_for", 13, event="resolution:2728")]
    g = group_claims(claims)
    votes = [x for x in g.groups if x.kind == "votes_for"]
    assert sorted(len(x.members) for x in votes) == [1, 1]
    open_one = next(x for x in votes if x.key["event"] is None)
    assert any("event unknown" in n for m in open_one.members for n in m.notes)


def test_missing_location_taken_from_the_documents_claims_of_that_kind():
    claims = [claim("a", "killed", 100, location="rafah"),
              claim("a", "killed", 120, location="rafah"),
              claim("a", "killed", 900, location=None),
              claim("b", "killed", 900, location="rafah")]
    g = group_claims(claims)
    assert sizes(g) == [4]
    m = next(m for m in g.groups[0].members if m.claim.value == 900 and m.claim.doc == "a")
    assert m.claim.location == "rafah" and "location" in m.uncertain


def test_open_scope_joins_the_only_matching_cluster_and_says_so():
    claims = [claim("a", "killed", 100, location="gaza"),
              claim("b", "killed", 100, location=None)]
    g = group_claims(claims)
    assert sizes(g) == [2]
    assert g.groups[0].ambiguous and g.stats.attached == 1
    [c] = reconcile(claims)
    assert c.ambiguous and any("joined the only matching cluster" in n for n in c.notes)


def test_open_scope_with_two_candidates_stays_apart():
    """Two places neither of which contains the other (two towns): the figure stays alone."""
    claims = [claim("a", "killed", 100, location="khan_younis"),
              claim("b", "killed", 40, location="rafah"),
              claim("c", "killed", 70, location=None)]
    g = group_claims(claims)
    assert sizes(g) == [1, 1, 1]
    alone = group_of(g, "c")
    assert any("2 clusters could match" in n for m in alone.members for n in m.notes)


def test_open_scope_joins_the_whole_when_the_candidates_nest():
    """A figure whose article names no place, in a story told for the region and two of its
    towns: the region's figure (the one whole the others are parts of)."""
    claims = [claim("a", "killed", 100, location="gaza"),
              claim("b", "killed", 40, location="rafah"),
              claim("d", "killed", 25, location="khan_younis"),
              claim("c", "killed", 90, location=None)]
    g = group_claims(claims)
    assert sorted(m.claim.doc for m in group_of(g, "c").members) == ["a", "c"]
    assert any("joined the only matching cluster" in n for m in group_of(g, "c").members for n in m.notes)


def test_open_scope_ignores_combined_places_when_finding_the_whole():
    claims = [claim("a", "killed", 300, location="iran"),
              claim("b", "killed", 310, location="iran+iraq"),
              claim("c", "killed", 290, location=None)]
    g = group_claims(claims)
    assert sorted(m.claim.doc for m in group_of(g, "c").members) == ["a", "c"]


def test_open_scope_two_countries_do_not_nest():
    claims = [claim("a", "killed", 300, location="iran"),
              claim("b", "killed", 7, location="iraq"),
              claim("c", "killed", 290, location=None)]
    g = group_claims(claims)
    assert sizes(g) == [1, 1, 1]


def test_a_past_events_figure_lends_no_place_to_its_articles_other_figures():
    """"ويعيد الحادث إلى الأذهان تصادم قطارين قرب الإسكندرية عام 2017 أسفر عن مقتل 43": the
    article's own toll without a place is not Alexandria's."""
    claims = [claim("a", "killed", 43, location="alexandria", event="past:2017"),
              claim("a", "killed", 22, location=None)]
    g = group_claims(claims)
    today = next(m for gr in g.groups for m in gr.members if m.claim.value == 22)
    assert today.claim.location is None
    claims = [claim("a", "killed", 43, location="alexandria"), claim("a", "killed", 22, location=None)]
    today = next(m for gr in group_claims(claims).groups for m in gr.members if m.claim.value == 22)
    assert today.claim.location == "alexandria"


def test_an_article_place_taken_from_a_past_event_tells_only_the_country():
    """The extractor gave the article's figures the place it names most, Alexandria - named only
    for a crash of 2017 the article recalls: the figures are Egypt's story, not Alexandria's."""
    inferred = {"inferred": ["location"]}
    claims = [claim("a", "killed", 43, location="alexandria", event="past:2017"),
              claim("a", "killed", 22, location="alexandria").model_copy(update=inferred),
              claim("b", "killed", 25, location="egypt")]
    g = group_claims(claims)
    assert sorted(m.claim.doc for m in group_of(g, "b").members) == ["a", "b"]
    # a place the article also states for one of its own figures stays
    claims.append(claim("a", "injured", 40, location="alexandria"))
    g = group_claims(claims)
    today = next(m for gr in g.groups for m in gr.members if m.claim.value == 22)
    assert today.claim.location == "alexandria"
    # and a country named for the past event stays the country
    claims = [claim("a", "killed", 17000, location="turkey", event="past:1999"),
              claim("a", "killed", 570, location="turkey").model_copy(update=inferred)]
    today = next(m for gr in group_claims(claims).groups for m in gr.members if m.claim.value == 570)
    assert today.claim.location == "turkey"


def test_extractor_inferred_scope_marks_the_cluster_ambiguous():
    claims = [claim("a", "killed", 100), claim("b", "killed", 100).model_copy(
        update={"inferred": ["location"]})]
    [c] = reconcile(claims)
    assert c.ambiguous and c.status == "consistent"
    [c] = reconcile([claim("a", "killed", 100), claim("b", "killed", 100)])
    assert not c.ambiguous


def test_cluster_id_is_readable_hashed_and_scope_derived():
    a = cluster_id("killed", {"location": "gaza", "period": "cumulative"})
    b = cluster_id("killed", {"period": "cumulative", "location": "gaza"})
    c = cluster_id("killed", {"location": "rafah", "period": "cumulative"})
    assert a == b != c
    assert a.startswith("killed-gaza-") and len(a.split("-")[-1]) == 6


def test_arabic_names_and_ids_give_one_cluster_and_one_id():
    one = group_claims([claim("a", "killed", 1, location="قطاع غزة"),
                        claim("b", "killed", 1, location="gaza")])
    two = group_claims([claim("b", "killed", 1, location="gaza"),
                        claim("a", "killed", 1, location="قطاع غزة")])
    assert [g.id for g in one.groups] == [g.id for g in two.groups]
    assert one.groups[0].key["location"] == "gaza"


# ------------------------------------------------------------------ scale


def _synthetic(n, seed=7):
    rnd = random.Random(seed)
    places = [f"مكان{i}" for i in range(300)] + ["gaza", "rafah", "قطاع غزة", "خان يونس"]
    kinds = ["killed", "injured", "displaced", "missing", "hostages_held"]
    periods = ["cumulative", "last_24h", None]
    out = []
    for i in range(n):
        place = rnd.choice(places)
        if rnd.random() < 0.1:
            place = place + "ه"  # a spelling variant to fuzzy-match
        out.append(claim(f"d{i % 5000}", rnd.choice(kinds), rnd.randrange(1, 50000),
                         location=place, period=rnd.choice(periods)))
    return out


def test_fuzzy_comparisons_stay_bounded_on_50k_claims():
    claims = _synthetic(50_000)
    g = group_claims(claims)
    assert sum(len(x.members) for x in g.groups) == len(claims)
    # blocking: comparisons grow with distinct place names per block, not with claim pairs
    assert g.stats.fuzzy_comparisons < 2 * len(claims)
    assert g.stats.fuzzy_comparisons < len(claims) * (len(claims) - 1) / 2 / 10_000


def test_fuzzy_matcher_only_compares_plausible_pairs():
    stats = GroupingStats()
    values = [f"قرية{i:03d}" for i in range(300)] + [f"z{'x' * i}" for i in range(1, 200)]
    FuzzyMatcher(88, stats).components(values)
    # only names one edit apart are compared: each numbered village meets ~27 neighbours,
    # each run of x's only the next shorter and longer one
    assert 0 < stats.fuzzy_comparisons < (300 * 299 / 2) / 5 + 199 * 2


def test_place_names_canonical_forms():
    p = PlaceNames(default_config())
    assert p.canonical("قطاع غزة") == p.canonical("غزه") == "gaza"
    assert p.canonical("مدينة رفح") == "rafah"
    assert p.canonical("مدينة غزة") == "gaza_city"
    assert p.canonical("مخيم البريج") == "مخيم البريج"
    assert p.canonical("ديرالبلح") == "deir_al_balah"  # a spelling variant of a known name


# ------------------------------------------------ one quantity named at two granularities


def test_same_figure_at_a_coarser_place_joins_it():
    """97 dead "in the Karachi crash" and 97 dead "in Pakistan" from another outlet: one toll."""
    g = group_claims([claim("a", "killed", 97, location="karachi"),
                      claim("b", "killed", 97, location="pakistan")])
    assert sizes(g) == [2]
    joined = group_of(g, "a")
    assert joined.key["location"] == "pakistan"
    assert any("karachi" in n and "joined that cluster" in n for m in joined.members for n in m.notes)
    assert joined.ambiguous  # the place it joined is not the one its article named


def test_same_figure_with_no_place_joins_the_placed_cluster_on_the_same_day():
    g = group_claims([claim("a", "killed", 1136, location=None, as_of="2022-08-30"),
                      claim("b", "killed", 1136, location="pakistan", as_of="2022-08-30"),
                      claim("c", "killed", 1136, location="nepal", as_of="2022-07-01")])
    assert sorted(m.claim.doc for m in group_of(g, "a").members) == ["a", "b"]


@pytest.mark.parametrize("part, whole", [(97, 120), (5, 5)])
def test_a_different_or_small_figure_at_a_finer_place_stays_apart(part, whole):
    """A part's own figure is another quantity; a small figure matches by chance."""
    g = group_claims([claim("a", "killed", part, location="karachi"),
                      claim("b", "killed", whole, location="pakistan")])
    assert sizes(g) == [1, 1]


def test_figure_never_moves_to_a_finer_or_unrelated_place():
    # Punjab's figure makes Pakistan's the whole of two regions (beside one region alone the
    # country's figure is that region's: tests/test_country_lone_region.py)
    g = group_claims([claim("a", "killed", 97, location="pakistan"),
                      claim("b", "killed", 97, location="sindh"),
                      claim("c", "killed", 97, location="nepal"),
                      claim("d", "killed", 40, location="punjab_pakistan")])
    assert group_of(g, "a") is not group_of(g, "c")
    assert group_of(g, "b") is group_of(g, "a")  # sindh's figure joins pakistan, not the reverse
    assert group_of(g, "a").key["location"] == "pakistan"


def test_article_that_tells_part_from_whole_keeps_them_apart():
    """An article giving Sindh 600 and Pakistan 1,300 speaks of two quantities: its Sindh figure
    stays with Sindh even when another outlet gives 600 for Pakistan."""
    g = group_claims([claim("a", "killed", 600, location="sindh"),
                      claim("a", "killed", 1300, location="pakistan"),
                      claim("b", "killed", 600, location="pakistan")])
    sindh = next(gr for gr in g.groups if gr.key["location"] == "sindh")
    assert [m.claim.doc for m in sindh.members] == ["a"]


def test_articles_figures_of_one_place_move_together_or_not_at_all():
    """An article's two figures for its place (a circulated 4,000 and an official 2,750) are
    compared with each other: they do not split when each matches a different cluster."""
    g = group_claims([claim("a", "injured", 4000, location=None),
                      claim("a", "injured", 2750, location=None),
                      claim("b", "injured", 4000, location="lebanon"),
                      claim("c", "injured", 2750, location="dahieh")])
    # (with no place, they join the whole the candidate places nest in: lebanon)
    home = group_of(g, "a")
    assert sorted(m.claim.value for m in home.members if m.claim.doc == "a") == [2750, 4000]
    assert home.key["location"] == "lebanon"


def test_a_dated_disagreement_at_the_finer_place_is_not_hidden():
    g = group_claims([claim("a", "killed", 40, location="karachi", as_of="2020-05-23"),
                      claim("b", "killed", 45, location="karachi", as_of="2020-05-23"),
                      claim("c", "killed", 40, location="pakistan", as_of="2020-05-23")])
    assert group_of(g, "a") is group_of(g, "b")


def test_corroboration_can_be_turned_off():
    cfg = default_config().model_copy(update={"corroborate_min_value": None})
    g = group_claims([claim("a", "killed", 97, location="karachi"),
                      claim("b", "killed", 97, location="pakistan")], cfg)
    assert sizes(g) == [1, 1]


def test_a_running_totals_figure_repeated_a_day_later_at_a_coarser_place_joins_it():
    """"141 dead" in Peshawar on Tuesday evening and "141 dead" given for the whole country the
    next day: a final toll repeated, one quantity.  A day's count repeated another day is not
    (two days with the same count), nor a running total's figure a week apart."""
    g = group_claims([claim("a", "killed", 141, location="peshawar", as_of="2014-12-16"),
                      claim("b", "killed", 141, location="pakistan", as_of="2014-12-17")])
    assert sizes(g) == [2]
    daily = group_claims([claim("a", "killed", 75, location="karachi", period="last_24h", as_of="2022-08-30"),
                          claim("b", "killed", 75, location="pakistan", period="last_24h", as_of="2022-08-31")])
    assert sizes(daily) == [1, 1]
    far = group_claims([claim("a", "killed", 141, location="peshawar", as_of="2014-12-16"),
                        claim("b", "killed", 141, location="pakistan", as_of="2014-12-23")])
    assert sizes(far) == [1, 1]


def test_a_running_totals_final_figure_recalled_weeks_later_joins_the_earlier_report():
    """A follow-up ("the fire that killed 60", an inquiry two weeks on) recalls a running
    total's final figure placed only by its article at the country; the first reports gave it at
    the city.  The later report's figure joins the earlier one within `corroborate_running_days`
    (rules/reconcile.yaml); an earlier report never follows a later one's place beyond
    `window_days` (that would be the later report's own count), nor does a day's count, nor a
    figure recalled after more than those days.  Weak place joins are off here (they join a
    country's repeat of a region's day's count: asserted at the end)."""
    cfg = default_config().model_copy(update={"weak_place_join": []})
    city = claim("a", "killed", 60, location="nasiriyah", as_of="2021-07-14")
    recap = claim("b", "killed", 60, location="iraq", inferred=["location", "location:article"],
                  as_of="2021-08-01")
    g = group_claims([city, recap], cfg)
    assert sizes(g) == [2] and group_of(g, "b").key["location"] == "nasiriyah"
    # the finer place given later, the country (the article's default) earlier: it joins the country
    early = claim("c", "prisoners_released", 488, location="afghanistan",
                  inferred=["location", "location:article"], as_of="2011-04-28")
    later = claim("d", "prisoners_released", 488, location="kandahar", as_of="2011-05-02")
    assert sizes(group_claims([early, later], cfg)) == [2]
    # an earlier figure does not move to the place of a report given later than `window_days`
    # (the later one's place is stated: it moves nowhere)
    first = claim("e", "killed", 60, location="nasiriyah", as_of="2021-07-01")
    stated = claim("f", "killed", 60, location="iraq", as_of="2021-07-20")
    assert sizes(group_claims([first, stated], cfg)) == [1, 1]
    assert sizes(group_claims([first, stated.model_copy(update={"as_of": "2021-07-03"})], cfg)) == [2]
    # more than the setting's days later, or a day's count: apart
    far = recap.model_copy(update={"as_of": "2021-09-30"})
    assert sizes(group_claims([city, far], cfg)) == [1, 1]
    daily = [c.model_copy(update={"period": "last_24h"}) for c in (city, recap)]
    assert sizes(group_claims(daily, cfg)) == [1, 1]
    # the setting unset: `window_days` only, as before
    off = cfg.model_copy(update={"corroborate_running_days": None})
    assert sizes(group_claims([city, recap], off)) == [1, 1]
    # the shipped settings: a day's count at the country repeating the region's same day's count
    # joins it by the weak join that fits (weak_place_join [finer] + weak_place_join_fits)
    assert sizes(group_claims(daily)) == [2]


def test_an_open_scope_given_far_from_its_one_match_s_days_stays_apart():
    """The only placed toll of the corpus may be another story's: a figure at no place given
    years (or more than `attach_gap_days`) away from every figure of that cluster keeps apart;
    within the story's weeks, or undated, it joins as before."""
    far = [claim("a", "killed", 100, location="gaza", as_of="2020-01-05"),
           claim("a", "killed", 120, location="gaza", as_of="2020-01-09"),
           claim("b", "killed", 70, location=None, as_of="2023-06-01")]
    g = group_claims(far)
    assert sizes(g) == [1, 2] and g.stats.date_gated == 1 and g.stats.attached == 0
    alone = group_of(g, "b")
    assert any("holds figures of other days" in n for m in alone.members for n in m.notes)
    near = far[:2] + [claim("b", "killed", 70, location=None, as_of="2020-02-01")]
    assert sizes(group_claims(near)) == [3]
    undated = far[:2] + [claim("b", "killed", 70, location=None)]
    assert sizes(group_claims(undated)) == [3]
    off = default_config().model_copy(update={"attach_gap_days": None})
    assert sizes(group_claims(far, off)) == [3]


def test_an_articles_figures_of_other_groups_follow_its_moved_figure():
    """"151 dead, 118 of them children", the place only taken from the article, while the
    other outlets give the city: when the 151 joins the city's toll, the children are the
    city's children and meet the other outlets' figure for them."""
    claims = [claim("a", "killed", 151, location="pakistan", inferred=["location"]),
              claim("a", "killed", 118, location="pakistan", group="children", inferred=["location"]),
              claim("b", "killed", 151, location="karachi"),
              claim("c", "killed", 126, location="karachi", group="children")]
    g = group_claims(claims)
    kids = group_of(g, "c")
    assert sorted(m.claim.doc for m in kids.members) == ["a", "c"]
    assert kids.key["location"] == "karachi" and kids.key["group"] == "children"
    # no children's cluster at the city: the article's children stay where they were
    g = group_claims(claims[:3])
    [kids] = [gr for gr in g.groups if gr.key["group"] == "children"]
    assert [m.claim.doc for m in kids.members] == ["a"] and kids.key["location"] == "pakistan"


def test_open_scope_joins_the_place_its_article_gives_its_other_figures():
    """Two candidate towns; the unplaced figure's article places its other figures (of another
    kind) at one of them: it joins that town's cluster."""
    claims = [claim("a", "killed", 100, location="khan_younis"),
              claim("b", "killed", 40, location="rafah"),
              claim("c", "injured", 90, location="rafah"),
              claim("c", "killed", 45, location=None)]
    g = group_claims(claims)
    assert group_of(g, "b") is not None
    rafah = [gr for gr in g.groups if gr.kind == "killed" and any(m.claim.doc == "b" for m in gr.members)][0]
    assert sorted(m.claim.doc for m in rafah.members) == ["b", "c"]


def test_open_scope_stays_apart_when_its_article_names_two_places():
    claims = [claim("a", "killed", 100, location="khan_younis"),
              claim("b", "killed", 40, location="rafah"),
              claim("c", "injured", 90, location="rafah"),
              claim("c", "injured", 30, location="khan_younis"),
              claim("c", "killed", 45, location=None)]
    g = group_claims(claims)
    alone = [gr for gr in g.groups if gr.kind == "killed" and any(m.claim.doc == "c" for m in gr.members)][0]
    assert [m.claim.doc for m in alone.members] == ["c"]


def test_the_only_batch_of_a_release_joins_its_live_cluster():
    """A release told with its batch ("أفرج عن سبعة في الدفعة الأولى": phase:1) and without it
    ("أفرج عن ستة") is one release: the only batch of a scope joins the cluster of that scope with
    no event (`batch_events`, `batch_kinds`), and its unit leaves the event open.  Two batches of
    one scope stay apart, and so does a batch of a kind that is no release (a toll)."""
    from crosscheck.reconcile.grouping import claim_keys

    live = claim("a", "hostages_released", 6, location="sweida")
    first = claim("b", "hostages_released", 7, location="sweida", event="phase:1")
    g = group_claims([live, first])
    assert sizes(g) == [2]
    assert any("the only batch" in n for m in group_of(g, "b").members for n in m.notes)
    assert claim_keys([live])[0][1] == claim_keys([first])[0][1]  # one unit
    second = claim("c", "hostages_released", 12, location="sweida", event="phase:2")
    assert sizes(group_claims([live, first, second])) == [1, 1, 1]
    deal = claim("d", "prisoners_released", 48, location="homs", event="deal")
    assert sizes(group_claims([claim("e", "prisoners_released", 48, location="homs"), deal])) == [2]
    toll = [claim("a", "killed", 6, location="sweida"),
            claim("b", "killed", 7, location="sweida", event="phase:1")]
    assert sizes(group_claims(toll)) == [1, 1]
    off = default_config().model_copy(update={"batch_events": []})
    assert sizes(group_claims([live, first], off)) == [1, 1]
