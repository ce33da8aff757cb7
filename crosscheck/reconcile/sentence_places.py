"""A figure placed only by its article takes the one place its own sentence names (issue 8:
parts and wholes).

"أعلنت دائرة الصحة ارتفاع حصيلة حريق المستشفى في الناصرية إلى 92 قتيلا، بعد أن كانت 66 قتيلا
ظهرا، إضافة إلى 67 مصابا": the extractor places the 92 in Nasiriyah (the place stands by it) and
the 66 and the 67 only by their article (the country, `inferred`).  The three figures of one
sentence speak of one place: a figure whose place was inferred, in a sentence where the
article's figures name one place and that place lies inside the inferred one, is that place's
(it stays marked inferred).  The placed figure must stand before it in the sentence: a figure
before the placed one may be told of a place the gazetteer does not know ("في محافظة ميياغي
1064 قتيلا، بينما سجل في إيواتي 502").  A sentence naming two places, or a place outside the
inferred one, changes nothing.  Per article, so a stored check that prepares one article at a time reads the
same.  Cost: one pass over the claims and a gazetteer walk per changed figure.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from crosscheck.models import PLACE_FROM_ARTICLE, Claim

_COMBINED = "+"


def place_by_sentence(claims: Sequence[Claim]) -> list[Claim]:
    """`claims` with each figure placed only by its article moved to the one place its sentence's
    other figures name, when that place lies inside the inferred one; the others unchanged."""
    # (article, sentence) -> [(where the placed figure stands in the sentence, its place)]
    named: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for c in claims:
        if c.location and "location" not in c.inferred:
            stated = [(c.sentence, c.surface)] + [(m.sentence, m.surface) for m in c.mentions]
            for s, surface in stated:
                if s:
                    named[(c.doc, s)].append((s.find(surface), c.location))
    if not named:
        return list(claims)
    from crosscheck.reconcile.grouping import _ancestors, place_parents

    parents = place_parents()
    out = []
    for c in claims:
        if c.location and "location" in c.inferred and c.sentence:
            given = named.get((c.doc, c.sentence), [])
            places = {p for _at, p in given}
            at = c.sentence.find(c.surface)
            # one place in the sentence, named with a figure before this one ("في الناصرية إلى
            # 92 قتيلا، بعد أن كانت 66"): a figure before the placed one may be of a place the
            # gazetteer does not know ("في ميياغي 1064، بينما سجل في إيواتي 502")
            if len(places) == 1 and at > 0 and any(0 <= pos < at for pos, _p in given):
                (place,) = places
                if _COMBINED not in place and place != c.location and c.location in _ancestors(place, parents):
                    c = c.model_copy(update={"location": place, "inferred": [
                        a for a in c.inferred if a != PLACE_FROM_ARTICLE]})  # its sentence's place
        out.append(c)
    return out
