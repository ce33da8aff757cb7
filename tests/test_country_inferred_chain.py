"""Figures placed only by their article's country join the story's place when every figure of
their scope placed inside that country lies on one chain of places below a region (issue 8,
item 4: place splits across gazetteer levels; crosscheck.reconcile.grouping._one_chain).

A quake in a district of a province: two outlets name the district ("كويتا"), a third only the
country (its figures' place `inferred`).  The three tell one toll; the country's figure is no
stated whole.  A fork (two districts), a single article naming the place, or a place right below
its country leave the country's figures apart.
"""

from __future__ import annotations

from test_reconciler_factory import claim
from test_trajectory import docs

from crosscheck.reconcile.reconciler import reconcile


def _toll(doc, value, place, inferred=False):
    return claim(doc, "killed", value, location=place, inferred=["location"] if inferred else [])


def _clusters_of(clusters, doc):
    return {c.id for c in clusters if c.kind == "killed" for x in c.claims if x.doc == doc}


def test_country_figures_of_a_story_told_at_a_district_join_it():
    claims = [_toll("a", 40, "quetta"), _toll("b", 52, "quetta"), _toll("c", 47, "pakistan", inferred=True),
              _toll("c", 61, "pakistan", inferred=True)]
    clusters = reconcile(claims, docs(("a", "2024-05-01"), ("b", "2024-05-02"), ("c", "2024-05-03")))
    assert _clusters_of(clusters, "c") == _clusters_of(clusters, "a")


def test_a_stated_country_or_a_fork_or_one_article_leaves_them_apart():
    days = docs(("a", "2024-05-01"), ("b", "2024-05-02"), ("c", "2024-05-03"))
    stated = [_toll("a", 40, "quetta"), _toll("b", 52, "quetta"), _toll("c", 47, "pakistan")]
    assert _clusters_of(reconcile(stated, days), "c") != _clusters_of(reconcile(stated, days), "a")
    # two districts of two regions: the country's figure may be their whole
    fork = [_toll("a", 40, "quetta"), _toll("b", 52, "karachi"), _toll("c", 97, "pakistan", inferred=True)]
    clusters = reconcile(fork, days)
    assert _clusters_of(clusters, "c").isdisjoint(_clusters_of(clusters, "a") | _clusters_of(clusters, "b"))
    one = [_toll("a", 40, "quetta"), _toll("c", 47, "pakistan", inferred=True)]
    clusters = reconcile(one, days)
    assert _clusters_of(clusters, "c") != _clusters_of(clusters, "a")
