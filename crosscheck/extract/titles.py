"""Claims of a document's headline (front matter / JSONL `title`).

A headline states the article's main figure, verb-less and often rounded ("نحو 15 ألف قتيل في
زلزال الصين" over a body that gives 14866).  The title is read as a text of its own with the same
rules; each of its claims carries `field="title"` and offsets into the title
(`title[start:end] == surface`).  Then, against the body's claims (one dict lookup each):

- the same figure (kind and value, or an end of a body range; a title figure of no recognised
  kind takes any body kind) is ONE claim: the title's place becomes a mention (`field="title"`) of the body claim;
- a hedged title figure whose interval holds a body figure of its kind is a ROUNDING of it
  ("أكثر من 550" over 556): its own claim, with the body figure's scope (place, group, period,
  event, incident, actor), so the two are compared as one quantity of one article;
- any other title figure stays as read, unless it has no kind ("other") or is a vague plural
  ("عشرات القتلى") the body does not say: a headline's word for the scale adds nothing to check.
"""

from __future__ import annotations

import re
from typing import Sequence

from crosscheck.models import Claim, Mention

TITLE = "title"
_SCOPE = ("group", "location", "period", "event", "incident", "actor")
_HEDGED = frozenset({"approx", "more_than", "at_least", "less_than", "at_most"})
# title claims looked up among the body's figures as roundings: a headline states a few figures;
# past this many (a "title" that is a text of figures) they stay as read, so the work is linear
_ROUNDING_LOOKUPS = 8


def _value(c: Claim) -> float | None:
    try:
        return float(c.value)
    except (TypeError, ValueError):
        return None


def _holds(t: Claim, v: float) -> bool:
    """Does the title claim's interval hold the body value v?"""
    if t.low is not None and (v < t.low or (t.low_open and v == t.low)):
        return False
    if t.high is not None and (v > t.high or (t.high_open and v == t.high)):
        return False
    return t.low is not None or t.high is not None


_DIGIT_RUN = re.compile(r"(?<![\d.,٫])[0-9]+(?![\d]|[.,٫]\d)")


def digit_runs(text: str) -> set[int]:
    """The values `text` writes as runs of ASCII digits of their own (not inside a longer or a
    decimal number): one scan of the body per document, however many figures its headline has."""
    return {int(m.group()) for m in _DIGIT_RUN.finditer(text)}


def as_title(c: Claim) -> Claim:
    c.field = TITLE
    for m in c.mentions:
        m.field = TITLE
    if not c.mentions:
        c.mentions = [Mention(start=c.start, end=c.end, surface=c.surface, sentence=c.sentence, field=TITLE)]
    return c


def fold_title(body: Sequence[Claim], title: Sequence[Claim], text: str = "") -> list[Claim]:
    """The body claims, with the title claims folded in or added after them (see the module).
    `text` is the body: a headline figure of its own written in digits there, where the body
    reads it as no claim ("العبارة السلام 98": a ship's name), is no claim either."""
    out = list(body)
    written: set[int] | None = None  # the body's digit runs, read at the first figure that asks
    by_value: dict[tuple, Claim] = {}
    by_kind: dict[str, list[tuple[float, Claim]]] = {}
    for b in body:
        if b.kind == "vote_position":
            continue
        v = _value(b)
        by_value.setdefault((b.kind, v), b)
        by_value.setdefault(("*", v), b)
        if b.qualifier == "range" and b.high is not None:
            # "قد يصل إلى 20 ألفا" over "بين 18 و20 ألف": the headline gives the range's end
            by_value.setdefault((b.kind, b.high), b)
            by_value.setdefault(("*", b.high), b)
        if v is not None and b.kind != "other":
            by_kind.setdefault(b.kind, []).append((v, b))
    lookups = 0
    for t in title:
        as_title(t)
        if t.kind == "vote_position":
            continue  # a position named in the headline is named again in the body
        tv = _value(t)
        if t.qualifier == "vague":
            # "مئات القتلى" over a body that counts them: a headline's word for the scale, not
            # a figure of its own; folded when the body says the same word, else left out
            same = by_value.get((t.kind, tv))
            if same is not None and same.qualifier == "vague":
                same.mentions.extend(t.mentions)
            continue
        same = by_value.get((t.kind, tv)) or by_value.get(("*", tv))
        if same is not None:
            same.mentions.extend(t.mentions)
            continue
        rounds = False
        if tv is not None and t.qualifier in _HEDGED and lookups < _ROUNDING_LOOKUPS:
            lookups += 1
            kinds = [t.kind] if t.kind != "other" else list(by_kind)
            best = None
            for k in kinds:
                for v, b in by_kind.get(k, ()):
                    if _holds(t, v):
                        d = abs(v - tv)
                        if best is None or d < best[0]:
                            best = (d, b)
            if best is not None:
                b = best[1]
                t.kind = b.kind
                for f in _SCOPE:
                    setattr(t, f, getattr(b, f))
                rounds = True
        if t.kind == "other":
            continue  # a headline figure of no kind the body does not state: nothing to check
        if not rounds and tv is not None and tv == int(tv):
            if written is None:
                written = digit_runs(text)
            if int(tv) in written:
                continue  # the body, with its context, reads the same digits as no count
        out.append(t)
    return out
