"""Period anchors resolved once claims are dated (crosscheck.reconcile.dating).

The extractor writes a sub-period's start as it reads it: `since:--06-03` (no year),
`since:2016-10` (a month), `since:2014` (a year), `since:2022-08-25`.  With the claim's `as_of`:
  * the anchor gets its year (the latest such day on or before the figure's date) and becomes a
    full ISO date, so "منذ 3 يونيو" and "منذ 3 حزيران 2024" meet;
  * a start at least `since_total_min_days` (rules/periods.yaml) before the figure (but the
    start of the year, "منذ مطلع العام": a calendar window of an ongoing situation) is the start
    of the whole story ("1061 قتيلا منذ 14 يونيو" at the end of August): the figure is the
    running total, `cumulative` - unless its document gives an earlier long-past start for the
    same kind first ("1610 منذ 27 أبريل ... 1790 منذ أكتوبر 2016"): the first start a document
    gives for a kind is its running total, a different long-past start another quantity.
A day of the week, "today" or "yesterday" ("منذ الجمعة", "منذ صباح اليوم") gets its date too: the
latest such day on or before the figure's date, so "since Friday" in Saturday's and Sunday's
articles is one start; "since the start of this month" the first day of the figure's month.
A one-day count named by its weekday ("day:saturday") becomes that day's date the same way
("day:2012-10-27").  Undated claims keep their anchor as written.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional, Sequence

from crosscheck.extract.periods import WEEKDAY_SLUGS
from crosscheck.reconcile.day_counts import DAY_PREFIX
from crosscheck.models import Claim

_ANCHOR = re.compile(r"^since:(?:(?P<y>\d{4})|--)(?:-?(?P<m>\d\d))?(?:-(?P<d>\d\d))?$")
# "منذ مطلع العام" (the start of the current year, written without a year): a calendar window,
# this year's count of an ongoing situation, never the story's own start
YEAR_START = "since:--01-01"
# a day named by the week or by "today"/"yesterday" (crosscheck.extract.periods): the weekday's
# number (Monday 0), or -1 today, -2 yesterday (days back: -day - 1)
_DAY_ANCHORS = {**{f"since:{w}": i for i, w in enumerate(WEEKDAY_SLUGS)}, "since:today": -1, "since:yesterday": -2}
# "منذ مطلع الشهر الجاري": the first day of the figure's month
MONTH_START = "since:month_start"
# anchors of one running total may differ by this much ("27 أبريل" / "أواخر أبريل")
SAME_START_DAYS = 31


def anchor_date(period: Optional[str], as_of: Optional[date]) -> Optional[date]:
    """The start a `since:` period names, as a date (None when it names no date or has no year
    and the figure is undated)."""
    if not period:
        return None
    if period == MONTH_START:
        return as_of.replace(day=1) if as_of is not None else None
    day = _DAY_ANCHORS.get(period)
    if day is not None:
        if as_of is None:
            return None
        return as_of - timedelta(days=-day - 1 if day < 0 else (as_of.weekday() - day) % 7)
    m = _ANCHOR.match(period)
    if not m:
        return None
    month, day = int(m.group("m") or 1), int(m.group("d") or 1)
    try:
        if m.group("y"):
            return date(int(m.group("y")), month, day)
        if as_of is None:
            return None
        d = date(as_of.year, month, day)
        return d if d <= as_of else date(as_of.year - 1, month, day)
    except ValueError:
        return None


def named_day(period: Optional[str], as_of: Optional[date]) -> Optional[date]:
    """The date of a one-day count named by its weekday ("day:saturday", rules/periods.yaml
    `named_days`): the latest such day on or before the figure's date (None when undated)."""
    if not period or not period.startswith(DAY_PREFIX) or as_of is None:
        return None
    day = _DAY_ANCHORS.get("since:" + period[len(DAY_PREFIX):])
    if day is None or day < 0:
        return None
    return as_of - timedelta(days=(as_of.weekday() - day) % 7)


def resolve_periods(claims: Sequence[Claim], min_days: int) -> list[Claim]:
    """Copies of the dated claims with their `since:` anchors resolved (see the module doc)."""
    first_long: dict[tuple[str, str], date] = {}
    out: list[Claim] = []
    order = sorted(range(len(claims)), key=lambda i: (claims[i].doc, claims[i].start))
    resolved: dict[int, Claim] = {}
    for i in order:
        c = claims[i]
        as_of = _iso(c.as_of)
        day = named_day(c.period, as_of)
        if day is not None:
            resolved[i] = c.model_copy(update={"period": f"day:{day.isoformat()}"})
            continue
        start = anchor_date(c.period, as_of)
        if start is None or as_of is None:
            continue
        if (as_of - start).days >= min_days and c.period != YEAR_START:
            key = (c.doc, c.kind)
            first = first_long.setdefault(key, start)
            if abs((start - first).days) <= SAME_START_DAYS:
                resolved[i] = c.model_copy(update={"period": "cumulative"})
                continue
        resolved[i] = c.model_copy(update={"period": f"since:{start.isoformat()}"})
    for i, c in enumerate(claims):
        out.append(resolved.get(i, c))
    return out


def _iso(v: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(v[:10]) if v else None
    except ValueError:
        return None


# a part of a total an article names with "منهم"/"بينهم" and no noun of its own
BARE_SUBSET = "subset"
SUB_PERIODS = ("since:", "last_")


def time_parts(claims: Sequence[Claim]) -> list[Claim]:
    """Copies of the claims where a bare part ("منهم 164", group `subset`) is a part in time, not
    in people: its own period is a sub-period (`since:<day>`, a rolling window) and its article
    gives a figure of the same kind and a whole group for another period ("324 لقوا حتفهم منذ 29
    مايو، منهم 164 منذ الثامن من أغسطس").  Its group becomes `all` (marked inferred): it is the
    sub-period's count of everyone, compared with the other counts of that sub-period.  Cost:
    one pass to index each article's (kind, period) of its whole-group figures, one to mark."""
    wholes: dict[tuple[str, str], set[Optional[str]]] = {}
    for c in claims:
        if c.group in (None, "all"):
            wholes.setdefault((c.doc, c.kind), set()).add(c.period)
    out: list[Claim] = []
    for c in claims:
        if (c.group == BARE_SUBSET and c.period and c.period.startswith(SUB_PERIODS)
                and any(p != c.period for p in wholes.get((c.doc, c.kind), ()))):
            inferred = list(c.inferred) + ([] if "group" in c.inferred else ["group"])
            c = c.model_copy(update={"group": "all", "inferred": inferred})
        out.append(c)
    return out

