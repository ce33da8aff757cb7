"""One claim per figure: the same figure stated again in one document is a mention, not a claim.

An article gives its toll in the headline, the lead, a quote and a caption; it states one claim.
Claims of one document with the same kind, value and scope (group, location, period, event,
actor) and the same kind of qualifier (a point figure, a range, a vague "hundreds") merge into
the first one, which keeps its own fields and gains the other places in `mentions`.  Different
values, scopes or periods stay separate claims.  One pass over the claims of a document.
"""

from __future__ import annotations

from typing import Hashable, Sequence

from crosscheck.models import Claim, Mention


def _key(c: Claim) -> Hashable:
    shape = c.qualifier if c.qualifier in ("range", "vague") else "point"
    high = c.high if shape == "range" else None  # a range is its two ends
    return (c.kind, c.value, high, shape, c.group, c.location, c.period, c.event, c.actor)


_FIELDS_SET = {"start", "end", "surface", "sentence"}  # what mention_of sets, shared by every Mention


def mention_of(c: Claim) -> Mention:
    m = Mention(start=c.start, end=c.end, surface=c.surface, sentence=c.sentence)
    object.__setattr__(m, "__pydantic_fields_set__", _FIELDS_SET)  # not a 216-byte set per mention
    return m


def merge_mentions(claims: Sequence[Claim]) -> list[Claim]:
    """The claims of ONE document (in text order), repeated figures folded into their first."""
    first: dict[Hashable, tuple[Claim, set[int]]] = {}
    out: list[Claim] = []
    for c in claims:
        here = list(c.mentions) or [mention_of(c)]
        k = _key(c)
        kept = first.get(k)
        if kept is None:
            c.mentions = here
            first[k] = (c, {m.start for m in here})
            out.append(c)
        else:
            claim, starts = kept  # the starts it has, as a set: a figure repeated 10,000 times stays linear
            for m in here:
                if m.start not in starts:
                    starts.add(m.start)
                    claim.mentions.append(m)
    return out
