"""When within its day a running total's figure stood: parts of the day order one day's reports.

    moments(claims, spans, dates) -> dates, or Moments when some figure names its part of day

A toll given "صباح الأربعاء" (113) and a higher one "مساء الأربعاء" (135) is growth, not two
figures of one moment.  A claim whose sentence names the part of the day it was given at
(crosscheck.text.dates.part_of_day: dawn < morning < midday < evening) stands at that part of
its day.  Figures of the same part of the same day must still agree.

A figure of the same day whose part of the day is unknown was given at some hour before the
day's evening (a day's report that names no hour is not later than what the day came to by
its evening): the day's unknown-hour figures (together, as one report of that day would be)
are placed at the latest point before the evening where they fit between the figures of known
parts (none higher before them, none lower after them); where they fit nowhere they stand
right before the evening, and the trajectory judges them there.  Days where no figure names its part are one
moment, as before.  A part of the day named only by a figure a later article recalls for that day, mistyped from
the day's own figure, does not order the day's own reports (`_recalled_untimed`).

Only the sentence is read (no dateline or document), so claims read back from a store give the
same moments.  Cost: one cached scan per sentence, then linear in the claims.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional, Sequence

from crosscheck.models import Claim
from crosscheck.reconcile.intervals import Span

# a part of the day's rank (rules/dates.yaml parts_of_day) -> the words a report shows
_NAMES = {1: "dawn", 2: "morning", 3: "midday", 4: "evening", 5: "late night"}
_STEP = 4  # slots per part of the day
_AFTER = 2  # a figure told as coming after an earlier one's part of the day
_DAY_END = _STEP * 5 + _STEP - 1  # the last slot of a day (after its late night)
# the latest slot a figure of unknown hour takes: the gap before the evening.  A day's report
# that names no hour came out before that day's evening figure (a later article's "مساء الأحد
# 149" is what the day came to; the day's own "163" cannot top it), so it is judged there
# whether or not it fits.
_LATEST_LOOSE = _STEP * 4 - 1
LATEST_LOOSE = _LATEST_LOOSE  # (read by revisions: an earlier figure of the day before it)


class Moment(datetime):
    """A day and a place within it; shown as the day and its part ("2020-08-05 evening").  Its
    hour is four times the part's rank for the part itself, two more for a moment later than
    the part and before the next (`_AFTER`), odd for the gaps unknown-hour figures go to."""

    def isoformat(self, sep: str = "T", timespec: str = "auto") -> str:  # noqa: ARG002
        part = _NAMES.get(self.hour // _STEP) if self.hour % _STEP == 0 else None
        return self.date().isoformat() + (f" {part}" if part else "")

    def __str__(self) -> str:
        return self.isoformat()


def _at(d: date, slot: int) -> Moment:
    """`slot`: `_STEP` times a part's rank (the part itself), + `_AFTER` (later than the part),
    or odd (a gap between those)."""
    return Moment(d.year, d.month, d.day, slot)


def moments(claims: Sequence[Claim], spans: Sequence[Span], dates: Sequence[Optional[date]],
            rules=None, recalled: frozenset[int] = frozenset(),
            closing: frozenset[int] = frozenset()) -> list[Optional[date]]:
    """`dates` with the part of the day of each claim, when any claim of a dated day names one
    (see the module docstring); else `dates` unchanged.  `recalled`: the positions of figures a
    later article gives for an earlier day (see `_recalled_untimed`).  `closing`: the positions
    of figures a later article recalls for an earlier day it names ("وكانت الحصيلة يوم الخميس
    56"): naming no part of that day, such a figure is what the day closed at (a later article
    sums a past day up by its last report), so it stands at the day's end, not in a gap before
    the day's own reports."""
    from crosscheck.reconcile.dating import date_rules, figure_offset
    from crosscheck.text.dates import part_of_day

    rules = rules or date_rules()
    if not rules.parts_of_day:
        return list(dates)
    parts = [_part(c, rules, part_of_day, figure_offset) if d is not None else None
             for c, d in zip(claims, dates)]
    parts = _rivals_at_their_moment(claims, dates, parts)
    if recalled:
        parts = _recalled_untimed(dates, parts, recalled)
    timed_days = {d for d, p in zip(dates, parts) if p is not None}
    if not timed_days:
        return list(dates)
    by_day: dict[date, list[int]] = {}
    for i, d in enumerate(dates):
        if d in timed_days:
            by_day.setdefault(d, []).append(i)
    out: list[Optional[date]] = []
    placed: dict[date, int] = {d: _place([spans[i] for i in idx if i not in closing or parts[i] is not None],
                                         [parts[i] for i in idx if i not in closing or parts[i] is not None])
                               for d, idx in by_day.items()}
    for i, (d, p) in enumerate(zip(dates, parts)):
        if d is None:
            out.append(None)
        elif p is not None:
            out.append(_at(d, p))
        elif i in closing and d in placed:
            out.append(_at(d, _DAY_END))
        elif d in placed:
            out.append(_at(d, placed[d]))
        else:
            out.append(_at(d, _STEP * max(_NAMES) + _STEP - 1))  # a day of one moment
    return out


def _recalled_untimed(dates, parts: list[Optional[int]], recalled: frozenset[int]) -> list[Optional[int]]:
    """A day whose only named parts are those of `recalled` figures - figures later articles
    recall for it that the day's own articles give mistyped ("وكانت الحصيلة قد بلغت 1491 مساء
    أمس الاثنين" in Tuesday's article, 1419 in Monday's: reconciler._recalled_days) - stays one
    moment: one report of that day told twice, so the recall's part of the day does not make
    them two stages.  A day where a figure of its own day names a part keeps every part.  Cost:
    two passes."""
    own_timed = {d for i, (d, p) in enumerate(zip(dates, parts)) if p is not None and i not in recalled}
    return [None if (i in recalled and p is not None and dates[i] not in own_timed) else p
            for i, p in enumerate(parts)]


def _rivals_at_their_moment(claims: Sequence[Claim], dates, parts: list[Optional[int]]) -> list[Optional[int]]:
    """A count set against the official one (rules/periods.yaml `rival_count_words`: "وقالوا إن
    العدد الحقيقي يتجاوز ألف قتيل"), naming no part of the day, stands at the latest moment its
    article names that day ("أعلنت الوزارة صباح اليوم ارتفاع العدد إلى 361"): a rival figure of
    that moment, not a later stage of the count.  Cost: one pass to index each article's day's
    latest named part, one to place."""
    from crosscheck.reconcile.running import tells_running

    latest: dict[tuple[str, object], int] = {}
    for c, d, p in zip(claims, dates, parts):
        if p is not None:
            key = (c.doc, d)
            latest[key] = max(latest.get(key, p), p)
    if not latest:
        return parts
    out = list(parts)
    for i, (c, d, p) in enumerate(zip(claims, dates, parts)):
        if (p is None and (c.doc, d) in latest
                and tells_running(c.sentence or "", "rival_count_words")):
            out[i] = latest[(c.doc, d)]
    return out


def part_slot(c: Claim, rules, part_of_day, figure_offset) -> Optional[int]:
    """The slot of the part of the day the claim names (see `_part`), or None."""
    return _part(c, rules, part_of_day, figure_offset) if rules.parts_of_day else None


def _part(c: Claim, rules, part_of_day, figure_offset) -> Optional[int]:
    """The slot (`_at`) of the part of the day the claim's sentence names, else of the first
    another place its article states the same figure names (a headline's figure, told again in
    the body "مساء اليوم"); else later than the part of an earlier figure its sentence brings in
    after it ("ارتفع إلى 82، بعد أن كان 27 صباح اليوم": after the morning)."""
    from crosscheck.reconcile.dating import find_whole
    from crosscheck.text.dates import part_before

    at = figure_offset(c) if c.sentence else 0  # (found once: read again below)
    if c.sentence:
        got = part_of_day(c.sentence, at, rules)
        if got is not None:
            return _STEP * got
    for m in c.mentions:
        if m.sentence and (m.start, m.end, m.field) != (c.start, c.end, c.field):
            i = find_whole(m.sentence, m.surface)
            got = part_of_day(m.sentence, max(i, 0), rules)
            if got is not None:
                return _STEP * got
    if c.sentence:
        got = part_before(c.sentence, at, rules)
        if got is not None:
            return _STEP * got + _AFTER
    return None


def _place(spans, parts) -> int:
    """Where one day's figures of unknown part go (`spans`, `parts`: the day's claims): the
    latest gap between slots (odd) where every earlier figure of the day can stay at or
    below them and every later one at or above; the day's end when there is none."""
    timed = [(p, s) for p, s in zip(parts, spans) if p is not None]
    loose = [s for p, s in zip(parts, spans) if p is None]
    end = _STEP * max(_NAMES) + _STEP - 1
    if not loose:
        return end
    lows = [s.low for s in loose if s.low is not None]
    highs = [s.high for s in loose if s.high is not None]
    lo = max(lows) if lows else None
    hi = min(highs) if highs else None
    if lo is not None and hi is not None and lo > hi:
        return end  # they disagree among themselves: judged at the day's end
    for gap in range(_LATEST_LOOSE, 0, -2):
        before = [s.low for r, s in timed if r < gap and s.low is not None]
        after = [s.high for r, s in timed if r > gap and s.high is not None]
        if (hi is None or not before or max(before) <= hi) and (lo is None or not after or min(after) >= lo):
            return gap
    return _LATEST_LOOSE
