"""Copies of the extractor's own claims with some fields changed.

`Claim.model_copy(update=...)` makes, for every copy, a new `__pydantic_fields_set__` (~400
bytes: the claim's record of the fields it was given, plus the updated names).  Nothing in
crosscheck reads that record but `exclude_unset`, which crosscheck never uses (see
`extractor._share_fields_set`), so the copies of one claim record share one: a dense article's
incident or vote event given to its ten thousand claims no longer holds ten thousand sets at
its peak.  Values and field order are model_copy's.

`set_fields` changes the extractor's own claims in place instead (the stages after the
mention merger hold the only reference to them): no second record per claim at all.

`EMPTY`: the one empty list the extractor's claims hold for a list field with nothing in it
(most of a claim's five list fields: `inferred`, `warnings`, `place_path`, `group_path`,
`combines`; a fresh list each was 280 bytes of a dense text's ~2.3 kB claim).  It refuses to be
written (TypeError): a claim's list field is replaced, never changed in place; pickled or
deep-copied it is a plain empty list, and it dumps as `[]`.
"""

from __future__ import annotations

from typing import Any

from crosscheck.models import Claim


class _SharedEmpty(list):
    """An empty list shared by many claims: every way of writing to it raises."""

    __slots__ = ()

    def _refused(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("a claim's empty list field is shared: replace the field, do not change it in place")

    append = extend = insert = remove = pop = clear = sort = reverse = _refused
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refused  # type: ignore[assignment]

    def __reduce__(self) -> tuple:
        return (list, ())

    def __copy__(self) -> list:
        return []

    def __deepcopy__(self, memo: dict) -> list:
        return []


EMPTY: list = _SharedEmpty()
# the list fields EMPTY stands in (not `mentions`: the mention merger gives every claim its own
# list and adds to it)
SHARED_EMPTY_FIELDS = tuple(k for k, f in Claim.model_fields.items() if f.default_factory is list and k != "mentions")


def _shared_empties(update: dict[str, Any]) -> dict[str, Any]:
    """update with every empty list given to a list field replaced by EMPTY."""
    for k in SHARED_EMPTY_FIELDS:
        v = update.get(k)
        if v is not None and not v and type(v) is list:
            update = {**update, k: EMPTY}
    return update


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
    values.update(_shared_empties(update))
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
    claim.__dict__.update(_shared_empties(update))
    object.__setattr__(claim, "__pydantic_fields_set__", fields_set)
    return claim
