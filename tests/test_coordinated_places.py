"""A figure stated for two places joined by "و" ("نحو 90 قتيلا في تشاد والنيجر") is a combined
figure of those places, like one "في البلدين", and the same figure told again at no place in
the body is the same combination (crosscheck/reconcile/coordinated.py, rules/hierarchy.yaml
`coordinated_place_openers`)."""

from __future__ import annotations

import pytest

from crosscheck.models import Claim, Document
from crosscheck.reconcile.coordinated import coordinated_places
from crosscheck.reconcile.hierarchy import load_hierarchy
from crosscheck.reconcile.story_places import _gazetteer
from crosscheck.ruleset.loader import load_rules
from crosscheck.ruleset.resources import rules_dir

RULES = load_rules(str(rules_dir())).hierarchy
H = load_hierarchy()


@pytest.mark.parametrize("after", RULES.coordinated_place_examples.hit)
def test_coordinated_hits(after):
    assert coordinated_places(after, H.coordination, _gazetteer(), H.root)


@pytest.mark.parametrize("after", RULES.coordinated_place_examples.miss)
def test_coordinated_misses(after):
    assert coordinated_places(after, H.coordination, _gazetteer(), H.root) is None


HEAD = "السيول تقتل نحو 90 شخصا في تشاد والنيجر"
BODY = "وارتفعت حصيلة السيول إلى نحو 90 شخصا، بحسب أحدث الأرقام"
ONE = "وقالت السلطات في تشاد إن 61 شخصا لقوا حتفهم"


def _claim(text, sentence, surface, value, location):
    start = text.index(surface)
    return Claim(doc="d", kind="killed", value=value, start=start, end=start + len(surface),
                 surface=surface, sentence=sentence, location=location, group="all", period="cumulative")


def test_a_headline_figure_for_two_countries_and_its_body_repeat_are_combined():
    text = "\n".join([HEAD, BODY, ONE])
    claims = [_claim(text, HEAD, "نحو 90 شخصا", 90, "chad"),
              _claim(text, BODY, "نحو 90 شخصا،"[:-1], 90, None),
              _claim(text, ONE, "61 شخصا", 61, "chad")]
    # the body's repeat: its own place in the text
    claims[1] = claims[1].model_copy(update={"start": text.index(BODY) + BODY.index("نحو 90"),
                                             "end": text.index(BODY) + BODY.index("نحو 90") + len("نحو 90 شخصا")})
    out = H.annotate(claims, [Document(id="d", text=text)])
    assert [c.location for c in out] == ["chad+niger", "chad+niger", "chad"]
    assert out[0].combines == ["chad", "niger"]


def test_one_country_after_the_figure_is_not_a_combination():
    text = "قتل 61 شخصا في تشاد والسلطات تحذر"
    c = _claim(text, text, "61 شخصا", 61, "chad")
    assert H.annotate([c], [Document(id="d", text=text)])[0].location == "chad"
