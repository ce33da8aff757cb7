"""Compact claim rows: what vote linking and grouping read of a claim, for `report --store`.

The second pass of crosscheck.store.streamed groups whole units, and at scale the largest unit
(one running toll of the whole archive) is most of a batch: holding its members as parsed
claims (~2.4 KB each, 32 fields, a sentence and a surface) makes the pass's memory grow with
the record.  Linking votes and grouping read only a few attributes of a claim (its document,
kind, figure and its interval, offsets, field, dates, inferred attributes and scope attributes; a tally's and an
unplaced figure's sentence), so a batch is grouped on `ClaimRow`s holding those in slots
(~0.2 KB, their texts shared), and each group's claims are read back whole from the scratch
database just before it is judged (`restore`), with the updates grouping made to its rows
(`model_copy(update=...)`: a tally's vote, an earlier figure's running period) applied to them.

A row reads its sentence from the scratch database each time it is asked (vote linking asks
for every tally's, grouping for a few unplaced figures'), and does not keep it.  Any other attribute a row does not hold
is read from its whole claim (`RowSource.fallbacks` counts them: none in the code as it is;
the report stays the same either way).
"""

from __future__ import annotations

from typing import Optional, Sequence

# Read by crosscheck.reconcile.votes.link_votes and crosscheck.reconcile.grouping.group_members
# (besides the scope attributes of the configuration and the sentence, read on demand).
# The interval (low, high, their openness, the qualifier): grouping asks whether an article's
# country and region figures can be one number (grouping._tells_part_from_whole).
BASE_FIELDS = ("doc", "kind", "value", "start", "end", "field", "inferred", "as_of", "as_of_from",
               "low", "high", "low_open", "high_open", "qualifier")


def row_fields(scope_attributes: Sequence[str]) -> tuple[str, ...]:
    """The attributes a row holds for a configuration's scope attributes (in this order)."""
    return BASE_FIELDS + tuple(a for a in dict.fromkeys(scope_attributes)
                               if a not in BASE_FIELDS and a != "sentence")


class RowSource:
    """Where a batch's rows read what they do not hold: the scratch database's `members`
    (sentence) and `claims` (the whole claim) tables."""

    def __init__(self, conn) -> None:
        self._conn = conn
        self.fallbacks = 0  # attributes read from a whole claim (none expected)
        self.sentences = 0  # sentences read on demand

    def sentence(self, idx: int) -> Optional[str]:
        self.sentences += 1
        row = self._conn.execute("SELECT sentence FROM members WHERE idx = ?", (idx,)).fetchone()
        return row[0]

    def claim(self, idx: int):
        import pickle

        self.fallbacks += 1
        (data,) = self._conn.execute("SELECT data FROM claims WHERE idx = ?", (idx,)).fetchone()
        return pickle.loads(data)[0]


class _RowBase:
    """A claim's attributes for grouping (see the module docstring)."""

    __slots__ = ("_idx", "_src", "_updates")
    FIELDS: tuple[str, ...] = ()

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("_idx", "_src", "_updates"):
            raise AttributeError(name)
        if name == "sentence":  # read each time, not kept: the batch's rows stay compact
            return self._src.sentence(self._idx)
        from crosscheck.models import Claim

        if name not in Claim.model_fields:
            raise AttributeError(name)
        claim = self._src.claim(self._idx)
        updates = self._updates or {}
        return updates[name] if name in updates else getattr(claim, name)

    def model_copy(self, *, update: Optional[dict] = None, deep: bool = False):
        """A copy with `update` applied, as pydantic's (the updates are kept for `restore`)."""
        if deep:
            raise NotImplementedError("a claim row is copied shallowly")
        cls = type(self)
        out = cls.__new__(cls)
        for name in cls.FIELDS:
            object.__setattr__(out, name, getattr(self, name))
        object.__setattr__(out, "_idx", self._idx)
        object.__setattr__(out, "_src", self._src)
        updates = dict(self._updates or {})
        for name, value in (update or {}).items():
            updates[name] = value
            object.__setattr__(out, name, value)
        object.__setattr__(out, "_updates", updates)
        return out

    @property
    def updates(self) -> dict:
        return self._updates or {}


_CLASSES: dict[tuple[str, ...], type] = {}


def row_class(fields: tuple[str, ...]) -> type:
    """The row class of these fields (a slot for each)."""
    cls = _CLASSES.get(fields)
    if cls is None:
        cls = _CLASSES[fields] = type("ClaimRow", (_RowBase,), {"__slots__": fields,
                                                               "FIELDS": fields})
    return cls


def row_values(claim, fields: tuple[str, ...]) -> tuple:
    """What a row of `claim` holds (pass 1 writes it; `make_row` builds the row again)."""
    return tuple(tuple(v) if isinstance(v, list) else v for v in (getattr(claim, f) for f in fields))


def make_row(cls: type, idx: int, values: tuple, src: RowSource, shared: dict):
    """A row of `cls` from `row_values`, its texts and tuples the batch's one copy (`shared`)."""
    row = cls.__new__(cls)
    setattr_ = object.__setattr__
    setattr_(row, "_idx", idx)
    setattr_(row, "_src", src)
    setattr_(row, "_updates", None)
    for name, v in zip(cls.FIELDS, values):
        t = type(v)
        if t is str or t is tuple:
            v = shared.setdefault(v, v)
        setattr_(row, name, v)
    return row
