"""A place an article only lends its figures joins its story's place (crosscheck.reconcile.
weak_places) in `check --store` as in a check of the whole record: the judged state keeps each
member's family (its key without place) and key after the joins by figures, and a check decides
the weak places' joins again for the families the new article's figures fall in (counted), with
the findings of the whole record (my own sentences: a city lends a running toll its place, a
ministry states the country's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from store_support import both_ways, private_rules  # noqa: F401  (autouse: a private copy of rules/)
from store_support import dated_article as _article, finding_key as _finding, together as _together
from crosscheck.ci.check import reconcile_config
from crosscheck.config import Settings

# the city's toll: its clause names no place, the article's first sentence names the city
WEAK = "قال مسؤولون في حمص إن القصف تواصل على الأحياء القديمة طوال الليل.\nوارتفعت حصيلة القتلى إلى {n} قتيلا."
# the country's toll, stated in its own clause
STATED = "وقالت وزارة الصحة إن حصيلة قتلى القصف في سوريا ارتفعت إلى {n} قتيلا."
# another quantity of another place: no family of the story's
OTHER = "أصيب 14 شخصا في حادث سير على طريق سريع في الأردن."


@pytest.fixture(autouse=True, scope="module")
def weak_on(private_rules):  # noqa: F811
    """The private rules with weak places joining coarser places, whatever the default, and
    without the filter of figures (`weak_place_join_fits`: these joins bring different tolls)."""
    path = private_rules / "reconcile.yaml"
    text = path.read_text(encoding="utf-8")
    swap = {"weak_place_join:": "weak_place_join: [coarser]", "weak_place_join_fits:": "weak_place_join_fits: false"}
    lines = [next((v for k, v in swap.items() if line.startswith(k)), line) for line in text.splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cfg = reconcile_config(Settings())
    assert cfg.weak_place_join == ["coarser"] and not cfg.weak_place_join_fits


@pytest.mark.parametrize("shape", ["new stated place", "new weak place", "new weak place months later",
                                   "another quantity"])
def test_weak_places_join_as_in_the_whole_record(tmp_path, shape):
    stored = [_article(tmp_path, "x-other", "موقع", OTHER)]
    if shape == "new stated place":  # the stored city's cluster moves into the new country's
        stored.append(_article(tmp_path, "a-weak", "وكالة", WEAK.format(n=45)))
        new = _article(tmp_path, "n-new", "إذاعة", STATED.format(n=52))
    elif shape == "new weak place":  # the new city's figure ends in the stored country's cluster
        stored.append(_article(tmp_path, "b-stated", "إذاعة", STATED.format(n=52)))
        new = _article(tmp_path, "n-new", "وكالة", WEAK.format(n=45))
    elif shape == "new weak place months later":
        # the city's cluster now holds a figure months from every figure of the country's:
        # another story's, so the whole city cluster stays apart (its stored 45 leaves)
        stored += [_article(tmp_path, "a-weak", "وكالة", WEAK.format(n=45)),
                   _article(tmp_path, "b-stated", "إذاعة", STATED.format(n=52))]
        new = _article(tmp_path, "n-new", "قناة", WEAK.format(n=9), "2024-09-01")
    else:  # nothing of the story's families: no weak place decided again, nothing read
        stored += [_article(tmp_path, "a-weak", "وكالة", WEAK.format(n=45)),
                   _article(tmp_path, "b-stated", "إذاعة", STATED.format(n=52))]
        new = _article(tmp_path, "n-new", "قناة", "أصيب 17 عاملا في انهيار جدار بمصنع في تونس.")
    fast, whole, stats = both_ways(tmp_path, stored, new)
    assert not stats.fallback, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    if shape == "new stated place":
        assert stats.weak_families >= 1 and stats.join_changed == 1, stats
        assert _together(fast.findings, {"a-weak", "n-new"})
    elif shape == "new weak place":
        assert stats.weak_families >= 1 and stats.join_changed == 0, stats
        assert _together(fast.findings, {"b-stated", "n-new"})
    elif shape == "new weak place months later":
        assert stats.join_changed == 1, stats  # the stored 45 goes back to its city
        assert _together(fast.findings, {"a-weak", "n-new"})
        assert not _together(fast.findings, {"a-weak", "b-stated"})
    else:
        assert stats.weak_read == 0, stats
        assert not _together(fast.findings, {"x-other", "a-weak"})


@pytest.mark.parametrize("into", ["the destination", "another place of the family"])
def test_a_weak_join_is_read_again_only_where_new_figures_fall(tmp_path, into):
    """A weak city's join is decided again from its members and its destination's when a new
    figure falls in either; a new figure elsewhere in the family (another country) leaves it as
    stored, read from the family index alone (no member read)."""
    stored = [_article(tmp_path, f"c-city-{i}", f"موقع {i}", WEAK.format(n=40 + i)) for i in range(6)]
    stored.append(_article(tmp_path, "b-stated", "إذاعة", STATED.format(n=52)))
    body = STATED.format(n=53) if into == "the destination" else STATED.format(n=7).replace("سوريا", "الأردن")
    new = _article(tmp_path, "n-new", "قناة", body)
    fast, whole, stats = both_ways(tmp_path, stored, new)
    assert not stats.fallback, stats
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    assert stats.weak_families == 1, stats
    if into == "the destination":
        assert stats.weak_read == 7, stats  # the six city figures and the country's
        assert _together(fast.findings, {"c-city-0", "b-stated", "n-new"})
    else:
        assert stats.weak_read == 0, stats
        assert not _together(fast.findings, {"b-stated", "n-new"})
