"""Hierarchy.with_paths gives every member of a judged cluster its place and group paths (a
`check` re-judging running totals of thousands of claims copies each one): the copy is made
without pydantic's generic `model_copy`, with the same values and field order, the original
left as it was."""

from __future__ import annotations

from pydantic import BaseModel
from test_reconciler_factory import claim

from crosscheck.models import Claim
from crosscheck.reconcile.hierarchy import load_hierarchy
from crosscheck.reconcile.reconciler import reconcile


def _samples() -> list[Claim]:
    out = [claim("a", "killed", 40, location="gaza"), claim("b", "killed", 41, location="khan younis", group="children"),
           claim("c", "injured", 7, location=None, group=None), claim("d", "killed", 3, location="غزة", group="الأطفال")]
    # a claim read back from its JSON (as the store's members are) and one copied before
    out.append(Claim.model_validate_json(out[1].model_dump_json()))
    out.append(out[0].model_copy(update={"period": "event"}))
    return out


def test_the_copy_is_model_copys():
    hier = load_hierarchy()
    for c in _samples():
        before = c.model_dump()
        got = hier.with_paths(c)
        want = c.model_copy(update={"place_path": hier.place_path(c.location), "group_path": hier.group_path(c.group)})
        assert type(got) is Claim and got is not c
        assert list(got.__dict__) == list(want.__dict__)
        assert got.model_dump() == want.model_dump()
        assert got.model_dump_json() == want.model_dump_json()
        assert got.model_fields_set == want.model_fields_set
        assert c.model_dump() == before  # the original unchanged


def test_judging_copies_no_claim_through_model_copy(monkeypatch):
    calls = []
    real = BaseModel.model_copy

    def counted(self, *a, **k):
        if type(self) is Claim and "place_path" in (k.get("update") or (a[0] if a else {}) or {}):
            calls.append(self)
        return real(self, *a, **k)

    monkeypatch.setattr(BaseModel, "model_copy", counted)
    claims = [claim(f"d{i}", "killed", 40 + i % 3, as_of=f"2024-03-{1 + i % 9:02d}", as_of_from="metadata")
              for i in range(50)]
    clusters = reconcile(claims)
    assert sum(len(cl.claims) for cl in clusters) == 50
    assert all(c.place_path for cl in clusters for c in cl.claims)
    assert calls == []  # every member's paths given without model_copy
