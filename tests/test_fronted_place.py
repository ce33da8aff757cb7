"""A place an article fronts as a side topic ("وفي تشاد المجاورة، …", "أما في لبنان ف…") lends its
place to none of the article's figures at no place (crosscheck/reconcile/fronted.py,
rules/hierarchy.yaml `fronted_place_openers`)."""

from __future__ import annotations

import pytest
from test_reconciler_factory import claim

from crosscheck.reconcile.fronted import fronted_place
from crosscheck.reconcile.grouping import fill_context
from crosscheck.ruleset.loader import load_rules
from crosscheck.ruleset.resources import rules_dir

RULES = load_rules(str(rules_dir())).hierarchy


@pytest.mark.parametrize("text", RULES.fronted_place_examples.hit)
def test_fronted_place_hits(text):
    assert fronted_place(text) is not None


@pytest.mark.parametrize("text", RULES.fronted_place_examples.miss)
def test_fronted_place_misses(text):
    assert fronted_place(text) is None


ASIDE = "وفي تشاد المجاورة، قالت السلطات إن تسعة أشخاص لقوا حتفهم في السيول"
MAIN = "ارتفعت حصيلة قتلى الفيضانات في غرب البلاد إلى 120 شخصا"


def _filled(aside_sentence):
    claims = [claim("a", "killed", 120, location=None, sentence=MAIN),
              claim("a", "killed", 9, location="chad", sentence=aside_sentence)]
    return {m.claim.value: m.claim.location for m in fill_context(claims)}


def test_a_fronted_aside_lends_its_place_to_no_other_figure():
    assert _filled(ASIDE) == {120: None, 9: "chad"}


def test_a_place_stated_in_the_body_of_a_sentence_is_still_lent():
    assert _filled("وقالت السلطات إن تسعة أشخاص لقوا حتفهم في تشاد") == {120: "chad", 9: "chad"}
