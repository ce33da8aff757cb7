"""Copies of the extractor's own claims with some fields changed.

`Claim.model_copy(update=...)` makes, for every copy, a new `__pydantic_fields_set__` (~400
bytes: the claim's record of the fields it was given, plus the updated names).  Nothing in
crosscheck reads that record but `exclude_unset`, which crosscheck never uses (see
`extractor._share_fields_set`), so the copies of one claim record share one: a dense article's
incident or vote event given to its ten thousand claims no longer holds ten thousand sets at
its peak.  Values and field order are model_copy's.

`set_fields` changes the extractor's own claims in place instead (the stages after the
mention merger hold the only reference to them): no second record per claim at all.
"""

from __future__ import annotations

from typing import Any

from crosscheck.models import Claim

_SHARED: dict[tuple[int, frozenset[str]], tuple[set[str], set[str]]] = {}
_SHARED_MAX = 256


def _fields_set(claim: Claim, update: dict[str, Any]) -> set[str]:
    """The shared fields-set record of the claim's copies updated with these names."""
    mine = claim.__pydantic_fields_set__
    key = (id(mine), frozenset(update))
    found = _SHARED.get(key)
    if found is None or found[0] is not mine:
        if len(_SHARED) >= _SHARED_MAX:
            _SHARED.clear()
        found = _SHARED[key] = (mine, set(mine) | set(update))
    return found[1]


def updated(claim: Claim, update: dict[str, Any]) -> Claim:
    """claim.model_copy(update=update) for a claim without extra fields or private attributes
    (every claim: extra="forbid", no private attributes): a shallow copy of its fields, updated,
    and the fields-set record of copies of this record with these names shared."""
    values = claim.__dict__.copy()
    values.update(update)
    new = Claim.__new__(Claim)
    object.__setattr__(new, "__dict__", values)
    object.__setattr__(new, "__pydantic_extra__", None)
    object.__setattr__(new, "__pydantic_private__", None)
    object.__setattr__(new, "__pydantic_fields_set__", _fields_set(claim, update))
    return new


def set_fields(claim: Claim, update: dict[str, Any]) -> Claim:
    """The claim with `update` written into it in place: the values and field order `updated`
    gives its copy (every key is a field the claim has), and the same shared fields-set record;
    for a claim nothing else holds (the extractor's own, before it returns them)."""
    fields_set = _fields_set(claim, update)
    claim.__dict__.update(update)
    object.__setattr__(claim, "__pydantic_fields_set__", fields_set)
    return claim
