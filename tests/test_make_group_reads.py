"""grouping._make_group (every re-made cluster of a `check`, running totals of thousands of
members) reads the members' values of the scope attributes the cluster's key gives a value,
not of those it leaves empty; the group is the same either way."""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile import grouping
from crosscheck.reconcile.grouping import Member, finish_groups, pre_join_clusters
from crosscheck.reconcile.settings import ReconcileConfig


def _members(n: int) -> list[Member]:
    # scope: a place and a group; no period, event, actor or incident
    return [Member(i, claim(f"d{i}", "killed", 40 + i % 5, location="غزة" if i % 2 else "قطاع غزة",
                            group="الأطفال", period=None)) for i in range(n)]


def _group(n: int, monkeypatch=None, calls=None):
    cfg = ReconcileConfig()
    clusters, _singles = pre_join_clusters(_members(n), cfg)
    if monkeypatch is not None:
        real = grouping.scope_value

        def counted(c, a):
            calls.append(a)
            return real(c, a)

        monkeypatch.setattr(grouping, "scope_value", counted)
    return finish_groups(clusters, cfg), cfg


def test_values_read_only_for_the_attributes_the_key_gives(monkeypatch):
    calls: list = []
    groups, cfg = _group(300, monkeypatch, calls)
    given = {a for g in groups for a, v in g.key.items() if v is not None and a != "value"}
    members = sum(len(g.members) for g in groups)
    assert members == 300 and given and len(given) < len(cfg.scope_attributes)
    assert set(calls) <= given
    assert len(calls) == members * len(given)  # not members x every scope attribute


def test_the_groups_are_those_of_reading_every_attribute():
    groups, cfg = _group(40)
    assert groups
    for g in groups:
        for a in cfg.scope_attributes:
            if g.key.get(a) is None:  # an empty attribute: no display, no forms
                assert a not in g.variants and all(a not in m.forms for m in g.members)
            elif a in cfg.fuzzy_attributes:  # a given fuzzy one: every member's form
                assert g.variants[a] and all(m.forms[a] for m in g.members)
        assert g.key["location"] and g.key["group"] and g.key["period"] is None
