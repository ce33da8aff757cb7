"""A past event named by its year meets the live reports of that year.

An article of 2013 recalls "ثم أفرجوا عن ثلاثة منهم في فبراير 2011": the extractor labels the
figure a past event, `past:2011` (crosscheck.extract.events), so that it never joins the article's
own story.  The outlets that told that release in February 2011 gave it no event: for them it
was the news.  Both speak of one quantity.  Here, before open scopes attach, a cluster whose
event is `past:<year>` joins the one cluster of the same scope with no event (same kind, group,
period - a running total, `cumulative` - actor and incident, both open or the same; the past
event's place open, or the live total's place that place or within it) whose story was first reported in that year by other articles: its
earliest dated figure from an article other than the recalling ones falls in that year.  The
figures joining are recalled ones: they lose their article's date (`as_of` None, fitting any
day of the running total, as an undated figure does), so a batch recalled years later is never
read as a fall of the total.  With no such cluster, or more than one, the past event stays
apart as before.

Units: the unit key of a `past:<year>` claim leaves its event open (grouping.unit_tuple), so the
claims this may join are grouped and judged together, in a whole report and in a store check
alike.  Cost: one pass over the cluster keys, and over the members of the live clusters of the
scopes a past event names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Optional

from crosscheck.reconcile.weak_places import merge_into

PAST_YEAR = re.compile(r"^past:(\d{4})$")


def past_year(event: Optional[str]) -> Optional[int]:
    """The year of a `past:<year>` event, else None."""
    m = PAST_YEAR.match(event or "")
    return int(m.group(1)) if m else None


def _first_year(members, besides: set[str]) -> Optional[int]:
    """The year of the earliest dated figure of the members from articles not in `besides`."""
    years = [int(m.claim.as_of[:4]) for m in members
             if m.claim.as_of and m.claim.doc not in besides and m.claim.as_of[:4].isdigit()]
    return min(years) if years else None


def join_past_years(clusters: dict, attrs: list[str], running: str,
                    country: Callable[[str], str], stats=None) -> dict:
    """`clusters` (key -> members, keys (kind, ident, *attrs)) with each past event named by its
    year joined to the one live running total of its scope first reported that year."""
    if not all(a in attrs for a in ("event", "location", "period")):
        return clusters
    head = 2
    ei, li, pi = (head + attrs.index(a) for a in ("event", "location", "period"))
    ii = head + attrs.index("incident") if "incident" in attrs else None
    loose = {ei, li} | ({ii} if ii is not None else set())

    def rest(key: tuple) -> tuple:
        return tuple(v for j, v in enumerate(key) if j not in loose)

    past = {key: y for key in clusters if key[pi] == running and (y := past_year(key[ei])) is not None}
    if not past:
        return clusters
    wanted = {rest(key) for key in past}
    live: dict[tuple, list[tuple]] = defaultdict(list)
    for key in clusters:
        if key[ei] is None and key[pi] == running and rest(key) in wanted:
            live[rest(key)].append(key)
    target: dict[tuple, tuple] = {}
    for key, year in sorted(past.items(), key=lambda e: repr(e[0])):
        docs = {m.claim.doc for m in clusters[key]}
        found = []
        for cand in live.get(rest(key), ()):
            if key[li] is not None and (cand[li] is None or key[li] not in (cand[li], country(cand[li]))):
                continue
            if ii is not None and key[ii] != cand[ii]:
                continue
            if _first_year(clusters[cand], docs) == year:
                found.append(cand)
        if len(found) > 1:
            # a total at the past event's own place (or at none, as it is told) and totals of
            # places within it: the recalled figure is the whole event's, the one at its place
            found = [cand for cand in found if cand[li] == key[li]]
        if len(found) == 1:
            target[key] = found[0]
    if not target:
        return clusters
    def moved(key: tuple, dest: tuple, ms: list) -> None:
        for m in ms:
            m.notes.append(f"a figure of {m.claim.event}, recalled: the running total first reported "
                           f"that year (undated in it)")
            m.claim = m.claim.model_copy(update={"event": None, "as_of": None, "as_of_from": "none"})
            if "event" not in m.uncertain:
                m.uncertain.append("event")
        if stats is not None:
            stats.past_years += 1

    return merge_into(clusters, target, moved)
