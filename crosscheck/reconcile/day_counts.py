"""One day's count ("قتل 146 في اليوم الأول للهدنة", "114 يوم السبت و103 يوم الأحد"; period
`day:first` or `day:<date>`, rules/periods.yaml `first_day` / `named_days`).

While its day lasts the count grows like a running total ("47 حتى بعد ظهر الجمعة" then 146); once
the day is over it is settled, and every later report of it must give the same figure (146 told
on Saturday against 164 told on Tuesday is a disagreement, not growth).  The reconciler judges such
a scope as a running total whose reports after the day all stand on the day after it: reports of
one day must agree outright.  The day is the named date (`day:2012-10-27`), else the earliest
date a report of the scope was given (no article tells a first day's toll before that day).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional, Sequence

DAY_PREFIX = "day:"


def is_day_count(period: Optional[str]) -> bool:
    return bool(period) and period.startswith(DAY_PREFIX)  # type: ignore[union-attr]


def settled_dates(period: str, cdates: Sequence[Optional[date]]) -> list[Optional[date]]:
    """The claims' dates with every report after the counted day moved to the day after it
    (undated claims stay undated)."""
    try:
        day: Optional[date] = date.fromisoformat(period[len(DAY_PREFIX):])
    except ValueError:
        day = min((d for d in cdates if d is not None), default=None)
    if day is None:
        return list(cdates)
    after = day + timedelta(days=1)
    return [d if d is None or d <= day else after for d in cdates]
