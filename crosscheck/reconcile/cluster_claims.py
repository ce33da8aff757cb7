"""A cluster's claims built from claims without pydantic's field-by-field validation.

    cc = cluster_claim(claim, outlier=False, date="2024-05-01", source_group="g-1")

is `ClusterClaim(**claim.model_dump(), outlier=..., date=..., source_group=...)`: the same
fields in the same order, the same types and values, fresh lists and fresh `ReportMention`s
(a report's positions are set on them later), the same JSON.  Judging builds one for every
member of every cluster it judges (a check at 10k articles: ~21,000), and the dump-and-validate
round trip costs about twice the copy.  A claim whose values validation would convert or refuse
(an int where a float is declared, say, after a `model_copy(update=...)`, which does not
validate) takes the validated path, so the result is the validated one either way
(tests/test_cluster_claims.py compares both on the fixtures' and random claims).
"""

from __future__ import annotations

import os
import types
import typing
from typing import Any, Optional, Union

from crosscheck.models import Claim, ClusterClaim, Mention, ReportMention
from crosscheck.extract.claim_copy import EMPTY

# set CROSSCHECK_VALIDATE_CLUSTER_CLAIMS=1 to build every one through pydantic (the reference)
_VALIDATE = bool(os.environ.get("CROSSCHECK_VALIDATE_CLUSTER_CLAIMS"))
_NONE = type(None)


def _allowed(annotation: Any) -> Optional[tuple]:
    """(types a value may have as it is, literal values or None) for a scalar field, or None
    for a field this module copies itself (lists)."""
    origin = typing.get_origin(annotation)
    if origin is list:
        return None
    if origin is typing.Literal:
        return (str,), frozenset(typing.get_args(annotation))
    if origin in (Union, types.UnionType):
        kinds: list = []
        literals: set = set()
        for arg in typing.get_args(annotation):
            if typing.get_origin(arg) is typing.Literal:
                kinds.append(str)
                literals.update(typing.get_args(arg))
            else:
                kinds.append(arg)
        return tuple(kinds), (frozenset(literals) if literals else None)
    return (annotation,), None


# the scalar fields of a claim and what each may hold unconverted (an int where a float is
# declared is converted by validation; a bool is no int here: validation keeps it a bool in a
# bool field only)
_SCALARS = {name: _allowed(f.annotation) for name, f in Claim.model_fields.items()}
_LISTS = tuple(name for name, a in _SCALARS.items() if a is None)
_SCALARS = {name: a for name, a in _SCALARS.items() if a is not None}
_STR_LISTS = tuple(name for name in _LISTS if name != "mentions")
_FIELDS_SET = frozenset(Claim.model_fields) | {"outlier", "date", "source_group"}
_MENTION_FIELDS = tuple(Mention.model_fields)
_MENTION_SET = frozenset(_MENTION_FIELDS)
_MENTION_TYPES = {"start": int, "end": int, "surface": str, "sentence": str, "field": str}
assert set(_MENTION_TYPES) == _MENTION_SET and set(ReportMention.model_fields) == _MENTION_SET | {"position"}
assert list(ClusterClaim.model_fields) == [*Claim.model_fields, "outlier", "date", "source_group", "position"]


_NAMES = tuple(Claim.model_fields)
_LITERALS = tuple((name, literals) for name, (_kinds, literals) in _SCALARS.items() if literals is not None)
_MENTION_SIG = tuple(_MENTION_TYPES[name] for name in _MENTION_FIELDS)
_MENTION_FIELD_VALUES = frozenset(typing.get_args(Mention.model_fields["field"].annotation))
_SHARED_EMPTY = type(EMPTY)  # the extractor's one empty list of a claim's list field
_SIGS: dict[tuple, bool] = {}  # the types of a claim's values, in field order -> all allowed


def _allowed_types(sig: tuple) -> bool:
    for name, kind in zip(_NAMES, sig):
        allowed = _SCALARS.get(name)
        if allowed is None:
            if kind is not list and kind is not _SHARED_EMPTY:  # (copied into a list below)
                return False
        elif kind not in allowed[0]:
            return False
    return True


def _plain(c: Claim) -> bool:
    """Whether every value of `c` is as validation would leave it, its fields in their order."""
    if type(c) is not Claim:
        return False
    values = c.__dict__
    if tuple(values) != _NAMES:
        return False
    sig = tuple(map(type, values.values()))
    ok = _SIGS.get(sig)
    if ok is None:
        ok = _SIGS[sig] = _allowed_types(sig)
    if not ok:
        return False
    for name, literals in _LITERALS:
        v = values[name]
        if type(v) is str and v not in literals:
            return False
    for name in _STR_LISTS:
        for x in values[name]:
            if type(x) is not str:
                return False
    for m in values["mentions"]:
        if type(m) is not Mention or tuple(m.__dict__) != _MENTION_FIELDS:
            return False
        if tuple(map(type, m.__dict__.values())) != _MENTION_SIG or m.field not in _MENTION_FIELD_VALUES:
            return False
    return True


def _mention(m: Mention) -> ReportMention:
    out = ReportMention.__new__(ReportMention)
    values = {name: m.__dict__[name] for name in _MENTION_FIELDS}
    values["position"] = None
    object.__setattr__(out, "__dict__", values)
    object.__setattr__(out, "__pydantic_extra__", None)
    object.__setattr__(out, "__pydantic_private__", None)
    object.__setattr__(out, "__pydantic_fields_set__", set(_MENTION_SET))
    return out


def cluster_claim(c: Claim, outlier: bool, date: Optional[str], source_group: Optional[str]) -> ClusterClaim:
    """`ClusterClaim(**c.model_dump(), outlier=outlier, date=date, source_group=source_group)`."""
    if _VALIDATE or not _plain(c) or type(outlier) is not bool \
            or type(date) not in (str, _NONE) or type(source_group) not in (str, _NONE):
        return ClusterClaim(**c.model_dump(), outlier=outlier, date=date, source_group=source_group)
    values = dict(c.__dict__)  # the fields in their order (a model's __dict__ holds nothing else)
    for name in _STR_LISTS:
        values[name] = list(values[name])
    values["mentions"] = [_mention(m) for m in values["mentions"]]
    values["outlier"] = outlier
    values["date"] = date
    values["source_group"] = source_group
    values["position"] = None
    out = ClusterClaim.__new__(ClusterClaim)
    object.__setattr__(out, "__dict__", values)
    object.__setattr__(out, "__pydantic_extra__", None)
    object.__setattr__(out, "__pydantic_private__", None)
    object.__setattr__(out, "__pydantic_fields_set__", set(_FIELDS_SET))
    return out
