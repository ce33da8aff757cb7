"""Issue 8: a singular nationality joined by "و" as the last item of a list of people counted by
nationality is one more person of the list's kind (rules/scope.yaml list_end_nationals): "تسعة
ألمان وأربعة سويسريين وهولندي" counts a Dutchman. Own example sentences."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract_text

# the article speaks of an abduction, as the hostage rules require
LEAD = "خطف مسلحون مجموعة من السياح الأوروبيين في الصحراء قبل أشهر. "


def _claims(text: str) -> list[tuple[str, float, str]]:
    return [(c.kind, c.value, c.surface) for c in extract_text(LEAD + text)]


@pytest.mark.parametrize("sentence,kind,surface", [
    ("وأفرج الخاطفون عن تسعة ألمان وأربعة سويسريين وهولندي، ونقلوا إلى العاصمة.", "hostages_released", "وهولندي"),
    ("وأفرج الخاطفون عن ستة ألمان وسويدي، وهم بصحة جيدة.", "hostages_released", "وسويدي"),
    ("وحررت القوات الخاصة تسعة ألمان وهولنديا، فيما عاد الآخرون لاحقا.", "hostages_released", "وهولنديا"),
    ("وأوضحت الشرطة أن المفقودين هم 15 ألمانيا و4 سويسريين وهولندي، كانوا في سيارات.", "missing", "وهولندي"),
], ids=str)
def test_hit_singular_nationality_ends_the_list(sentence, kind, surface):
    got = _claims(sentence)
    assert (kind, 1, surface) in got, got


@pytest.mark.parametrize("sentence", [
    # no count right before: an adjective or a name, not an item of a list
    "وأفرج الخاطفون عن الصحفي والمترجم وهولندي الجنسية كان معهما.",
    # a country's name of the same shape as the accusative ("ألمانيا", "رومانيا") is a place
    "وقتل 12 شخصا في فرنسا و7 في إيطاليا وألمانيا، ونقلوا إلى العاصمة.",
    # "واحد" after it: read as a number already, once
    "وأفرج الخاطفون عن تسعة ألمان وهولندي واحد، ونقلوا إلى العاصمة.",
], ids=str)
def test_miss_not_an_item_of_a_counted_list(sentence):
    ones = [c for c in _claims(sentence) if c[1] == 1]
    assert len(ones) <= 1 and all(s not in ("وهولندي", "وألمانيا") for _k, _v, s in ones), ones


def test_first_of_two_items_and_chain():
    got = _claims("وأوضحت الشرطة أن المفقودين هم 15 ألمانيا و10 نمساويين وهولندي وسويدي، كانوا في سيارات.")
    assert ("missing", 1, "وهولندي") in got, got
    assert any(v == 1 and s == "وسويدي" for _k, v, s in got), got  # the second singular item is read too
