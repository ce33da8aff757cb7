"""A default country's figures that are its city's join the city's cluster alone
(crosscheck.reconcile.weak_places.fitting_figures; rules/reconcile.yaml
`weak_place_join_by_figure`), in `check --store` as in a check of the whole record: the stored
members of one weak key may end in two clusters, and a check decides each article again (my own
sentences: a ministry states the city's toll; two articles lend their country, one giving the
city's toll, one a country-wide count)."""

from __future__ import annotations

from pathlib import Path

import pytest

from store_support import both_ways, private_rules  # noqa: F401  (autouse: a private copy of rules/)
from store_support import dated_article as _article, finding_key as _finding, together as _together
from crosscheck.ci.check import reconcile_config
from crosscheck.config import Settings

# the city's toll stated in its own clause, and as another outlet tells it
CITY = "وقالت وزارة الصحة إن حصيلة قتلى القصف في بغداد ارتفعت إلى {n} قتيلا."
CITY2 = "وبلغ عدد قتلى التفجيرات في بغداد {n} قتيلا بحسب مصادر طبية."
# a toll whose clause names no place: the article's first sentence names the country
COUNTRY = "أعلنت السلطات في العراق الحداد العام بعد موجة العنف.\nوقال مسؤولون إن القصف تواصل على الأحياء القديمة طوال الليل.\nوارتفعت حصيلة القتلى إلى {n} قتيلا."
# the same, a bound the city's figures meet
BOUND = "قال مسؤولون في العراق إن القصف تواصل على الأحياء القديمة طوال الليل.\nوارتفعت حصيلة القتلى إلى أكثر من 40 قتيلا."
OTHER = "أصيب 14 شخصا في حادث سير على طريق سريع في الأردن."


def test_the_shipped_rules_join_by_article():
    cfg = reconcile_config(Settings())
    assert cfg.weak_place_join == ["finer"] and cfg.weak_place_join_fits and cfg.weak_place_join_by_figure


@pytest.mark.parametrize("shape", ["new stated city", "new fitting article", "new count of the country",
                                   "new figure of the city", "another quantity"])
def test_articles_join_the_city_as_in_the_whole_record(tmp_path, shape):
    stored = [_article(tmp_path, "x-other", "موقع", OTHER),
              _article(tmp_path, "a-city2", "تلفزيون", CITY2.format(n=52))]  # the city's two tolls
    city = _article(tmp_path, "a-city", "إذاعة", CITY.format(n=49))
    fits = _article(tmp_path, "b-fits", "وكالة", BOUND)
    count = _article(tmp_path, "c-count", "قناة", COUNTRY.format(n=3000))
    if shape == "new stated city":  # the stored b's bound leaves the country's cluster, c's 3000 stays
        stored += [fits, count]
        new = city
    elif shape == "new fitting article":  # the new bound joins the city, the stored 3000 stays
        stored += [city, count]
        new = fits
    elif shape == "new count of the country":  # b joined the city whole; now by its article
        stored += [city, fits]
        new = count
    elif shape == "new figure of the city":  # stored by article; the city's cluster read again
        stored += [city, fits, count]
        new = _article(tmp_path, "n-new", "صحيفة", CITY.format(n=55))
    else:  # nothing of the story's families: stored as decided
        stored += [city, fits, count]
        new = _article(tmp_path, "n-new", "صحيفة", "أصيب 17 عاملا في انهيار جدار بمصنع في تونس.")
    fast, whole, stats = both_ways(tmp_path, stored, new)
    assert not stats.fallback, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    assert not _together(fast.findings, {"a-city", "c-count"})
    if shape in ("new stated city", "new fitting article", "new figure of the city"):
        assert _together(fast.findings, {"a-city", "a-city2", "b-fits"})
    if shape == "another quantity":
        assert stats.weak_read == 0, stats
