"""A headline's hedged figure is shorthand for its article's exact one.

"حادث قطارات الهند: نحو 300 قتيل" over a lead that gives "288 قتيلا" in the state of Odisha;
"وفيات حمى الضنك تتجاوز 600" over "620 حالة منذ بداية العام": the headline rounds the body's
figure and drops part of its scope (the state, the period).  The body's figure may be a floor
("قتل 92 شخصا على الأقل" in a region under "زلزال ... يقتل أكثر من تسعين" in the country, "ما لا
يقل عن 63" under "عشرات القتلى"): a lead's "at least" is its count so far, the figure the headline
rounds.  A hedged figure of the headline
(the title, or a short first line of the text with no full stop) whose interval holds the value of the article's one
figure, exact or "at least", of the same kind at another scope - and of no figure at its own scope - takes
that figure's scope, so the two are one quantity and agree.  Cost: one pass over each
article's claims.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Optional, Sequence

from crosscheck.models import Claim, Document

# the scope a headline's figure takes from the body's
SCOPE = ("location", "period", "group", "event", "incident", "actor", "combines")
# a recalled earlier figure is no current figure of the body
_EARLIER = "superseded"
# the body figures a headline may round: a count, or a count given as a floor ("على الأقل") when
# the headline's figure is a round one below it ("أكثر من تسعين" over "92 على الأقل"): a headline
# floor of the same figure ("مقتل 58 على الأقل في ...") names its own count, not the body's
_BODY_QUALIFIERS = frozenset({"exact", "at_least"})
_ROUND = 10


# a headline is short and ends with no full stop; a longer first line is the lead itself
HEADLINE_MAX_CHARS = 160
_FULL_STOPS = ".!؟?:"


def _headline_end(d: Document) -> int:
    """Where the headline at the top of the text ends: its first non-empty line when the
    document has no title of its own and that line reads as a headline (short, no full stop
    at its end); else 0 (only claims of the title are the headline's)."""
    if d.title:
        return 0
    text = d.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if not line or len(line) > HEADLINE_MAX_CHARS or line[-1] in _FULL_STOPS or end == len(text):
        return 0
    return end


def _scope(c: Claim) -> tuple:
    return tuple(str(getattr(c, a)) for a in SCOPE)


def _rounds(h: Claim, b: Claim) -> bool:
    """May the headline's figure `h` round the body's `b`?  Any exact one; a floor only from a
    round figure below it."""
    if b.qualifier == "exact":
        return True
    v = h.value
    return (isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v < b.value
            and v % _ROUND == 0)


def _inside(v, c: Claim) -> bool:
    return c.low is not None and c.high is not None and c.low <= v <= c.high


def headline_shorthand(claims: Sequence[Claim], documents: Iterable[Document]) -> list[Claim]:
    """The claims, a headline's hedged figure given the scope of the one exact figure of the same
    kind its article's body gives inside its interval at another scope (see the module
    docstring)."""
    ends = {d.id: _headline_end(d) for d in documents}
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_doc[c.doc].append(i)
    out = list(claims)
    for doc, idx in by_doc.items():
        end = ends.get(doc)
        if end is None:
            continue
        heads = [i for i in idx if _is_head(claims[i], end)]
        if not heads:
            continue
        body = [claims[i] for i in idx if not _is_head(claims[i], end) and claims[i].period != _EARLIER]
        for i in heads:
            scope = _body_scope(claims[i], body)
            if scope is not None:
                out[i] = claims[i].model_copy(update=scope)
    return out


def _is_head(c: Claim, end: int) -> bool:
    return c.field == "title" or (c.field == "text" and c.start < end)


def _body_scope(h: Claim, body: list[Claim]) -> Optional[dict]:
    if h.qualifier == "exact" or h.period == _EARLIER or h.low is None or h.high is None:
        return None
    inside = [b for b in body if b.kind == h.kind and b.qualifier in _BODY_QUALIFIERS
              and isinstance(b.value, (int, float)) and not isinstance(b.value, bool) and _inside(b.value, h)
              and _rounds(h, b)]
    if any(_scope(b) == _scope(h) for b in inside):
        return None  # the body gives it at the headline's own scope: nothing to borrow
    scopes = {_scope(b): b for b in inside}
    if len(scopes) != 1:
        return None
    b = next(iter(scopes.values()))
    update = {a: getattr(b, a) for a in SCOPE}
    update["inferred"] = sorted(set(h.inferred) | {a for a in SCOPE if a != "combines" and getattr(h, a) != getattr(b, a)})
    return update
