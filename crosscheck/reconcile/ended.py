"""The final length of an ended growing event (issue 8: trajectories).

A war's or a battle's length only grows while it lasts ("قبل 79 يوما" on one day, "منذ 100
يوم" later): `growing_events` judges such lengths as a running total.  A length told with a
verb of a finished span right before its figure (`ended_length_leads`: استمرت، دامت ...) is the
ended event's final length: "بعد معارك استمرت 133 يوما" on the day the battle ended and
"المعركة التي استمرت 123 يوما" in an undated article a year later tell ONE length, and they
disagree (undated, the 123 would fit any earlier day of the trajectory).  In the trajectory
such a length stands at the cluster's latest day: the final lengths meet one another there and
every running length must be at most them.  Cost: at most 40 characters read before each
length figure of a growing event.
"""

from __future__ import annotations

from datetime import date
from typing import Optional, Sequence

from crosscheck.models import Claim
from crosscheck.reconcile.dating import find_whole
from crosscheck.text.normalize import normalize
from crosscheck.text.tokens import bare_forms


def _leads(cfg) -> frozenset[str]:
    return frozenset(normalize(w).text for w in cfg.ended_length_leads)


def _ended_lead(sentence: str, surface: str, leads: frozenset[str]) -> bool:
    """Does one of `leads` (normalised words, a clitic prefix allowed: "واستمرت") stand right
    before `surface` in `sentence` (the figure's own place: `find_whole`)?"""
    i = find_whole(sentence, surface)
    if i <= 0:
        return False
    before = normalize(sentence[max(0, i - 40):i]).text.split()
    return bool(before) and not leads.isdisjoint(bare_forms(before[-1]))


def is_ended_length(sentence: str, surface: str, cfg) -> bool:
    """Is the figure `surface` of `sentence` a finished span (`ended_length_leads`)?"""
    return _ended_lead(sentence, surface, _leads(cfg))


def final_length_dates(claims: Sequence[Claim], cdates: list[Optional[date]], cfg) -> list[Optional[date]]:
    """`cdates` with each ended length of a growing event's running total (a claim of
    `length_kinds` whose figure follows a lead of `ended_length_leads`) moved to the latest day
    of `cdates`; the others unchanged.  The caller passes one cluster of a growing event."""
    dated = [d for d in cdates if d is not None]
    leads = _leads(cfg)
    if not dated or not leads:
        return cdates
    last = max(dated)
    kinds = frozenset(cfg.length_kinds)
    return [last if c.kind in kinds and c.sentence and _ended_lead(c.sentence, c.surface, leads) else d
            for c, d in zip(claims, cdates)]
