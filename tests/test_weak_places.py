"""A place an article only lends its figures is a default, weaker than a place the figure's own
clause states (issue 8; crosscheck.reconcile.weak_places).

The extractor marks a figure placed only by its article (`PLACE_FROM_ARTICLE` beside "location"
in `inferred`); grouping lets a cluster of such figures join its story's cluster on its place's
gazetteer chain (a city within its country) instead of splitting the story: "the toll rose to
105" in an article about Iraq and "115 dead in Baghdad" on the same day are read against each
other.  Figures whose own clauses name places stay at them; a fork of places, an article telling
the part from the whole, or another story's days keep the default apart.
"""

from __future__ import annotations

from test_reconciler_factory import claim
from test_trajectory import docs

from crosscheck.models import PLACE_FROM_ARTICLE, Document
from crosscheck.pipeline import extract_one
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.reconcile.settings import ReconcileConfig, config_or_default


def _toll(doc, value, place, lent=False):
    return claim(doc, "killed", value, location=place,
                 inferred=["location", PLACE_FROM_ARTICLE] if lent else [])


def _cluster_of(clusters, doc, value):
    (cid,) = {c.id for c in clusters if c.kind == "killed" for x in c.claims if (x.doc, x.value) == (doc, value)}
    return cid


# (these pin `weak_place_join_fits` off: they test the joins themselves, not that filter)
def _coarser() -> ReconcileConfig:
    return config_or_default(None).model_copy(update={"weak_place_join": ["coarser"], "weak_place_join_fits": False})


def _finer() -> ReconcileConfig:
    return config_or_default(None).model_copy(update={"weak_place_join": ["finer", "coarser"],
                                                      "weak_place_join_fits": False})


def _off() -> ReconcileConfig:
    return config_or_default(None).model_copy(update={"weak_place_join": []})


def _shipped() -> ReconcileConfig:
    return config_or_default(None)


DAYS = docs(("a", "2024-05-01"), ("b", "2024-05-01"), ("c", "2024-05-01"))


def test_a_dateline_city_joins_the_country_its_story_states():
    claims = [_toll("a", 300, "syria"), _toll("b", 280, "homs", lent=True)]
    clusters = reconcile(claims, DAYS, config=_coarser())
    assert _cluster_of(clusters, "a", 300) == _cluster_of(clusters, "b", 280)
    (c,) = [c for c in clusters if c.id == _cluster_of(clusters, "a", 300)]
    assert c.status == "conflict"  # one day, one story: 280 and 300 cannot both be its toll
    # turned off, the default place splits the story
    off = reconcile(claims, DAYS, config=_off())
    assert _cluster_of(off, "a", 300) != _cluster_of(off, "b", 280)


def test_a_default_country_joins_a_stated_city_only_when_the_setting_says_finer():
    claims = [_toll("a", 115, "baghdad"), _toll("b", 105, "iraq", lent=True)]
    clusters = reconcile(claims, DAYS, config=_coarser())  # the country may be the city's whole
    assert _cluster_of(clusters, "a", 115) != _cluster_of(clusters, "b", 105)
    finer = config_or_default(None).model_copy(update={"weak_place_join": ["finer"], "weak_place_join_fits": False})
    clusters = reconcile(claims, DAYS, config=finer)
    assert _cluster_of(clusters, "a", 115) == _cluster_of(clusters, "b", 105)


def test_two_defaults_on_one_chain_meet_at_the_coarser_only_when_the_setting_says_so():
    claims = [_toll("a", 25, "baghdad", lent=True), _toll("b", 27, "iraq", lent=True)]
    meet = _coarser().model_copy(update={"weak_place_join_defaults": True})
    clusters = reconcile(claims, DAYS, config=meet)
    assert _cluster_of(clusters, "a", 25) == _cluster_of(clusters, "b", 27)
    # two places that are both only lent say nothing of each other: "5 trucks" in an article
    # datelined Homs and "8 trucks" in one about Syria may be one convoy or two
    apart = _coarser().model_copy(update={"weak_place_join_defaults": False})
    clusters = reconcile(claims, DAYS, config=apart)
    assert _cluster_of(clusters, "a", 25) != _cluster_of(clusters, "b", 27)


def test_shipped_a_default_country_joins_a_stated_region_only_with_its_figures():
    cfg = _shipped()
    assert cfg.weak_place_join == ["finer"] and cfg.weak_place_join_fits
    # the same figure: the country's default copy is the region's toll
    same = [_toll("a", 49, "mosul"), _toll("b", 49, "iraq", lent=True)]
    clusters = reconcile(same, DAYS, config=cfg)
    assert _cluster_of(clusters, "a", 49) == _cluster_of(clusters, "b", 49)
    # another figure: the country's count may be another one (an estimate of the missing over a
    # whole country, a province's list): apart, so no false conflict
    other = [_toll("a", 295, "mosul"), _toll("b", 3000, "iraq", lent=True)]
    clusters = reconcile(other, DAYS, config=cfg)
    assert _cluster_of(clusters, "a", 295) != _cluster_of(clusters, "b", 3000)
    # the filter off: they join (and conflict)
    loose = cfg.model_copy(update={"weak_place_join_fits": False})
    clusters = reconcile(other, DAYS, config=loose)
    assert _cluster_of(clusters, "a", 295) == _cluster_of(clusters, "b", 3000)


def test_shipped_a_default_bound_the_region_meets_joins_it():
    cfg = _shipped()
    met = [_toll("a", 130, "mosul"), claim("b", "killed", 120, "more_than", location="iraq",
                                           inferred=["location", PLACE_FROM_ARTICLE])]
    clusters = reconcile(met, DAYS, config=cfg)
    assert _cluster_of(clusters, "a", 130) == _cluster_of(clusters, "b", 120)
    unmet = [_toll("a", 110, "mosul"), claim("b", "killed", 120, "more_than", location="iraq",
                                             inferred=["location", PLACE_FROM_ARTICLE])]
    clusters = reconcile(unmet, DAYS, config=cfg)
    assert _cluster_of(clusters, "a", 110) != _cluster_of(clusters, "b", 120)


def test_places_stated_in_the_figures_own_clauses_stay_apart():
    # an inferred place that some clause names, ambiguously, is stated too
    ambiguous = claim("b", "killed", 105, location="iraq", inferred=["location"])
    for claims in ([_toll("a", 115, "baghdad"), _toll("b", 105, "iraq")],
                   [_toll("a", 115, "baghdad"), ambiguous]):
        clusters = reconcile(claims, DAYS, config=_finer())
        assert _cluster_of(clusters, "a", 115) != _cluster_of(clusters, "b", 105)


def test_a_fork_of_cities_leaves_the_default_country_as_their_possible_whole():
    claims = [_toll("a", 40, "baghdad"), _toll("b", 30, "basra"), _toll("c", 90, "iraq", lent=True)]
    clusters = reconcile(claims, DAYS, config=_finer())
    assert _cluster_of(clusters, "c", 90) not in {_cluster_of(clusters, "a", 40), _cluster_of(clusters, "b", 30)}


def test_an_article_stating_the_city_for_another_figure_tells_part_from_whole():
    # article c: "40 dead in Baghdad" stated, and its national figure 90 at its default place
    days = docs(("a", "2024-05-01"), ("c", "2024-05-03"))
    claims = [_toll("a", 38, "baghdad"), _toll("c", 40, "baghdad"), _toll("c", 90, "iraq", lent=True)]
    clusters = reconcile(claims, days, config=_finer())
    assert _cluster_of(clusters, "c", 90) != _cluster_of(clusters, "a", 38)


def test_another_storys_days_keep_the_default_apart():
    days = docs(("a", "2019-10-06"), ("b", "2024-05-01"))
    claims = [_toll("a", 300, "iraq"), _toll("b", 105, "baghdad", lent=True)]
    clusters = reconcile(claims, days, config=_coarser())
    assert _cluster_of(clusters, "a", 300) != _cluster_of(clusters, "b", 105)


def test_the_extractor_marks_only_the_place_an_article_lends():
    # (my own sentences) the first figure's clause names no place: the article's city is lent;
    # the second names its city in its own clause
    text = ("قال مسؤولون في حمص إن القصف تواصل على الأحياء القديمة.\n"
            "وارتفعت حصيلة القتلى إلى 45 قتيلا حتى مساء الأحد.\n"
            "وفي حلب قتل 12 شخصا في غارة على سوق شعبي.\n")
    claims = [c for c in extract_one(Document(id="x", text=text)) if c.kind == "killed"]
    by_value = {c.value: c for c in claims}
    assert "location" in by_value[45].inferred and PLACE_FROM_ARTICLE in by_value[45].inferred
    assert by_value[12].location == "aleppo" and PLACE_FROM_ARTICLE not in by_value[12].inferred


def test_shipped_a_default_countrys_figures_that_are_the_citys_join_it_alone():
    """Of a default country's figures, those the stated city's cluster holds (its figure, a bound
    one of its figures meets) join it; a country-wide count beside them stays (weak_place_join_by_figure)."""
    cfg = _shipped()
    assert cfg.weak_place_join_by_figure
    lent = ["location", PLACE_FROM_ARTICLE]
    toll = [_toll("a", 49, "baghdad"), claim("b", "killed", 45, "more_than", location="iraq", inferred=lent),
            _toll("c", 3000, "iraq", lent=True)]
    clusters = reconcile(toll, DAYS, config=cfg)
    assert _cluster_of(clusters, "a", 49) == _cluster_of(clusters, "b", 45)
    assert _cluster_of(clusters, "c", 3000) != _cluster_of(clusters, "a", 49)
    # whole or not at all: the 3000 keeps the bound with it, apart from the city
    whole = cfg.model_copy(update={"weak_place_join_by_figure": False})
    clusters = reconcile(toll, DAYS, config=whole)
    assert _cluster_of(clusters, "a", 49) != _cluster_of(clusters, "b", 45)
    assert _cluster_of(clusters, "c", 3000) == _cluster_of(clusters, "b", 45)
