"""A figure an article recalls as an earlier one ("بعد أن كانت الحصيلة 245 قتيلا") corroborates
like an undated figure (issue 8, grouping): its day is unknown, but the same figure given by
another outlet, placed, tells which story it is.  An article whose figures have no place (or
only its own guess of one) joins the placed cluster that gives its recalled figure, or whose
recalled figure it gives, however many days apart; a small figure, or one several clusters give,
decides nothing.
"""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile.grouping import group_claims

FIRE = dict(incident="fire")


def _group_of(g, doc, value):
    return next(gr for gr in g.groups if any(m.claim.doc == doc and m.claim.value == value for m in gr.members))


def test_a_recalled_figure_given_placed_by_another_outlet_brings_its_article():
    g = group_claims([
        claim("a", "killed", 231, location=None, as_of="2013-04-20", **FIRE),
        claim("a", "killed", 245, location=None, period="superseded", as_of="2013-04-20", **FIRE),
        claim("b", "killed", 245, location="brazil", as_of="2013-01-27", **FIRE),
    ])
    home = _group_of(g, "b", 245)
    assert sorted((m.claim.doc, m.claim.value) for m in home.members) == [("a", 231), ("a", 245), ("b", 245)]


def test_a_figure_another_outlet_recalls_placed_brings_its_article():
    g = group_claims([
        claim("a", "killed", 245, location=None, as_of="2013-01-27", **FIRE),
        claim("b", "killed", 231, location="brazil", as_of="2013-04-20", **FIRE),
        claim("b", "killed", 245, location="brazil", period="superseded", as_of="2013-04-20", **FIRE),
    ])
    assert _group_of(g, "a", 245) is _group_of(g, "b", 231)


def test_a_small_recalled_figure_decides_nothing():
    g = group_claims([
        claim("a", "killed", 6, location=None, period="superseded", as_of="2013-04-20", **FIRE),
        claim("b", "killed", 6, location="brazil", as_of="2013-01-27", **FIRE),
    ])
    assert _group_of(g, "a", 6) is not _group_of(g, "b", 6)


def test_a_recalled_figure_two_placed_clusters_give_decides_nothing():
    g = group_claims([
        claim("a", "killed", 245, location=None, period="superseded", as_of="2013-04-20", **FIRE),
        claim("b", "killed", 245, location="brazil", as_of="2013-01-27", **FIRE),
        claim("c", "killed", 245, location="kenya", as_of="2013-01-27", **FIRE),
    ])
    assert _group_of(g, "a", 245) is not _group_of(g, "b", 245)
    assert _group_of(g, "a", 245) is not _group_of(g, "c", 245)
