"""Hand-built claims for the reconciler tests (the extractor is not needed to test grouping).

`claim(doc, kind, value, qualifier, **scope)` computes the interval the way the extractor does:
approx +-10%, more_than (v, 1.2v], at_least [v, 1.2v], less_than [0.8v, v), at_most [0.8v, v],
exact [v, v], range (low, high) given explicitly.
"""

from __future__ import annotations

import itertools

from crosscheck.models import Claim, Document

_offsets = itertools.count(0, 10)


def bounds(value, qualifier):
    """(low, high, low_open, high_open) for a hedged figure."""
    if qualifier == "exact":
        return value, value, False, False
    if qualifier == "approx":
        return value * 0.9, value * 1.1, False, False
    if qualifier == "more_than":
        return value, value * 1.2, True, False
    if qualifier == "at_least":
        return value, value * 1.2, False, False
    if qualifier == "less_than":
        return value * 0.8, value, False, True
    if qualifier == "at_most":
        return value * 0.8, value, False, False
    raise ValueError(qualifier)


def claim(doc, kind, value, qualifier="exact", *, low=None, high=None, **scope) -> Claim:
    if isinstance(value, str):
        lo = hi = None
        lo_o = hi_o = False
    elif qualifier == "range":
        lo, hi, lo_o, hi_o = low, high, False, False
    else:
        lo, hi, lo_o, hi_o = bounds(value, qualifier)
    start = next(_offsets)
    surface = f"{value}"
    base = dict(group="all", location="gaza", period="cumulative")
    if kind in ("votes_for", "votes_against", "abstentions", "vote_position", "vetoes",
                "resolution_number"):
        base = dict(period="event")
    base.update(scope)
    return Claim(
        doc=doc, kind=kind, value=value, low=lo, high=hi, low_open=lo_o, high_open=hi_o,
        qualifier=qualifier, start=start, end=start + len(surface), surface=surface, **base,
    )


def story_draws(rnd, n: int, docs: int, month: str, last_day: int, values: list):
    """n random figures of a made-up story: (article id among `docs`, a day of `month` before
    `last_day`, a value from `values`), drawn from `rnd` in that order."""
    for _ in range(n):
        doc_id = f"d{rnd.randrange(docs)}"
        day = f"{month}-{rnd.randrange(1, last_day):02d}"
        yield doc_id, day, rnd.choice(values)


def doc(doc_id, text=None, date=None) -> Document:
    body = text if text is not None else f"مقال رقم {doc_id} عن أحداث مختلفة تماما {doc_id}"
    return Document(id=doc_id, text=body, date=date)


# --------------------------------------------------------------------- the factory itself


def test_factory_intervals_follow_the_extractor_contract():
    c = claim("d", "killed", 33000, "more_than")
    assert (c.low, c.high, c.low_open, c.high_open) == (33000, 39600, True, False)
    c = claim("d", "killed", 30000, "approx")
    assert (c.low, c.high) == (27000, 33000)
    c = claim("d", "votes_for", 14, event="resolution:2728")
    assert (c.low, c.high, c.period, c.location) == (14, 14, "event", None)
