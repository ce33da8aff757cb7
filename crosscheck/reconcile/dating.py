"""When each figure stands: document dates and each claim's `as_of`.

A document's date comes from its metadata (front matter, JSONL), else from the dateline near
the top of its text (crosscheck.text.dates).  A claim's `as_of` is the date its own sentence
names - a relative word resolved against the document date ("أمس", "مساء السبت") or an
explicit day ("حتى 9 نوفمبر") - else the document's date; `as_of_from` says which.  Claims that
arrive with an `as_of` (from a JSONL file) keep it.

Copies of one article (a wire story republished) are one source: the group's date is its first
publication, so a copy's claims are dated as the earliest copy (crosscheck.reconcile.sources).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional, Sequence

from crosscheck.errors import InputError
from crosscheck.models import Claim, Document
from crosscheck.ruleset.date_rules import DATES_FILE, date_rules  # noqa: F401 (re-exported)
from crosscheck.text.dates import DateRules, claim_date, header_date

@dataclass
class DocDates:
    """doc id -> (date, where from) for every document."""

    dates: dict[str, Optional[date]] = field(default_factory=dict)
    source: dict[str, Optional[str]] = field(default_factory=dict)  # "metadata" | "text"

    def get(self, doc_id: str) -> Optional[date]:
        return self.dates.get(doc_id)


def parse_iso(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not an ISO date (YYYY-MM-DD); fix or remove it") from None


def document_dates(docs: Sequence[Document], rules: Optional[DateRules] = None) -> DocDates:
    out = DocDates()
    for d in docs:
        if d.date:
            out.dates[d.id] = parse_iso(d.date, d.path or d.id)
            out.source[d.id] = "metadata"
            continue
        if rules is None:
            rules = date_rules()
        found = header_date(d.text, rules)
        out.dates[d.id] = found
        out.source[d.id] = "text" if found else None
    return out


def date_claims(
    claims: Sequence[Claim], dates: DocDates, rules: Optional[DateRules] = None,
    first_published: Optional[dict[str, Optional[date]]] = None,
) -> list[Claim]:
    """Copies of the claims with `as_of` / `as_of_from` set (claims that have them keep them).

    `first_published` maps a doc id to the date of the earliest copy of it; a copy's figures
    are dated then, not on the day it was republished.
    """
    out = []
    for c in claims:
        if c.as_of_from is not None:
            out.append(c)
            continue
        ddate = dates.get(c.doc)
        first = (first_published or {}).get(c.doc)
        if first is not None and (ddate is None or first < ddate):
            ddate = first
        if rules is None:
            rules = date_rules()
        at = figure_offset(c)
        when, how = claim_date(c.sentence or c.surface, at, ddate, rules)
        if how == "document":
            when, how = _mentioned_date(c, ddate, rules) or (when, how)
        if how == "document":
            how = dates.source.get(c.doc) or "metadata"
        out.append(c.model_copy(update={"as_of": when.isoformat() if when else None, "as_of_from": how}))
    return out


def _mentioned_date(c: Claim, ddate: Optional[date], rules: DateRules):
    """The date another place the article states the same figure gives it (a headline's
    "103 وفيات" told again in the body "حتى مساء أمس السبت"), or None."""
    for m in c.mentions:
        if not m.sentence or (m.start, m.end, m.field) == (c.start, c.end, c.field):
            continue
        i = find_whole(m.sentence, m.surface)
        when, how = claim_date(m.sentence, max(i, 0), ddate, rules)
        if how in ("text", "relative"):
            return when, how
    return None


def figure_offset(c: Claim) -> int:
    """Where the claim's figure sits in its sentence (0 when the sentence is not known)."""
    if not c.sentence:
        return 0
    i = find_whole(c.sentence, c.surface)
    if i < 0:
        return 0
    if c.number_start is not None and c.number_start >= c.start:
        return i + (c.number_start - c.start)
    return i


def find_whole(sentence: str, surface: str) -> int:
    """Where `surface` stands in `sentence`, not as the tail or head of a longer run of digits
    (the "9" of "بينها 19 وفاة، بعد أن كانت 9" is the second one); the first place when every
    place is so, -1 when none."""
    first = i = sentence.find(surface)
    while i >= 0:
        before = sentence[i - 1] if i > 0 else ""
        after = sentence[i + len(surface)] if i + len(surface) < len(sentence) else ""
        if not ((surface[:1].isdigit() and before.isdigit()) or (surface[-1:].isdigit() and after.isdigit())):
            return i
        i = sentence.find(surface, i + 1)
    return first


# A day no article is dated: an undated article's figures are read against it only to learn
# whether their own sentence names a day of their own (`own_day_key`), never to date them.
_PROBE_DAY = date(2001, 7, 15)


def own_day_key(c: Claim, rules: Optional[DateRules] = None) -> Optional[str]:
    """For a figure of an undated article: a key for the day its own sentence names ("بعد أن كان
    64 مساء أمس الخميس", "حتى يوم الأحد"), or None when it names none (the article's own,
    unknown, day).  The day cannot be dated without the article's date, but it is another day
    than the article's: figures with different keys stood at different unknown days, and
    figures naming the same day share a key.  One cached scan per sentence (`claim_date`)."""
    if rules is None:
        rules = date_rules()
    when, how = claim_date(c.sentence or c.surface, figure_offset(c), _PROBE_DAY, rules)
    if how not in ("relative", "text") or when is None:
        return None
    return when.isoformat()




def month_part_window_of(c: Claim, doc_dates: dict, rules: Optional[DateRules] = None):
    """The days of the part of a month ("منتصف سبتمبر") the claim's date was read from, up to its
    article's own day (text.dates.month_part_window), when its as_of lies in it; else None."""
    from crosscheck.text.dates import month_part_window

    if not c.as_of or c.as_of_from != "relative" or not c.sentence:
        return None
    own = doc_dates.get(c.doc)
    if not own:
        return None
    own_day = own if isinstance(own, date) else date.fromisoformat(str(own)[:10])
    w = month_part_window(c.sentence, figure_offset(c), own_day, rules or date_rules())
    d = date.fromisoformat(c.as_of[:10])
    if w is None or not w[0] <= d <= w[1]:
        return None
    return w[0], min(w[1], own_day)


def month_part_days(claims: Sequence[Claim], doc_dates: dict,
                    rules: Optional[DateRules] = None) -> dict[int, date]:
    """The days some of `claims` (one cluster's) stand at instead of their `as_of`: a figure an
    article recalls for a part of a month ("بعد أن كانت الوفيات قد بلغت 286 في منتصف سبتمبر",
    "وكانت الحصيلة 310 في أواخر مايو") names the report of some day of that part
    (text.dates.month_part_window: days 1-10, 11-20, 21-end), not its nominal 15th or last day:
    it stands at the day in that span, up to its article's own day, on which another article of
    the cluster gives a figure - the one nearest the nominal day (the earlier on a tie); with
    none, at the nominal day as before.  So the recalled "286 in mid-September" meets the 268
    another outlet gave on 14 September, instead of passing for growth a day later.  Returns
    {position: day} for the figures moved.  Cost: one cached sentence scan per figure dated by
    a relative cue, a sort of the cluster's days and a bisection per figure of a month's part."""
    from bisect import bisect_left, bisect_right

    windows: dict[int, tuple[date, date]] = {}
    for i, c in enumerate(claims):
        w = month_part_window_of(c, doc_dates, rules)
        if w is not None:
            windows[i] = w
    if not windows:
        return {}
    days: dict[date, set[str]] = {}
    for i, c in enumerate(claims):
        if c.as_of and i not in windows:
            days.setdefault(date.fromisoformat(c.as_of[:10]), set()).add(c.doc)
    order = sorted(days)
    moved: dict[int, date] = {}
    for i, (lo, hi) in windows.items():
        nominal, doc = date.fromisoformat(claims[i].as_of[:10]), claims[i].doc
        best = None
        for d in order[bisect_left(order, lo):bisect_right(order, hi)]:
            if days[d] - {doc}:
                key = (abs((d - nominal).days), d)
                best = key if best is None or key < best else best
        if best is not None and best[1] != nominal:
            moved[i] = best[1]
    return moved


# Two more days no article is dated, on other weekdays and in another month than _PROBE_DAY: a
# cue read as the same weekday against all three is a weekday named ("يوم الثلاثاء"), not a day
# counted back ("أمس") nor a day of the month ("منتصف الشهر").
_WEEKDAY_PROBES = (_PROBE_DAY, date(2001, 7, 18), date(2001, 8, 23))


def named_weekday(c: Claim, rules: Optional[DateRules] = None) -> Optional[int]:
    """The weekday (0 = Monday) an undated article's figure's own sentence names as its day
    ("بعد أن كانت 46 يوم الثلاثاء"), else the first another place of the article stating the
    same figure names (a headline's figure told again in the body), or None (no day named, or
    one counted from the article's unknown day: "أمس" alone, "قبل يومين")."""
    if rules is None:
        rules = date_rules()
    wd = _weekday_in(c.sentence or c.surface, figure_offset(c), rules)
    if wd is not None or c.sentence is None:
        return wd
    # a headline's figure names no day; the body telling it again may ("ارتفاع الوفيات إلى 9"
    # over "قالت اللجنة في بيانها الصادر صباح الثلاثاء إن عدد الوفيات ارتفع إلى 9 حالات")
    for m in c.mentions:
        if m.sentence and (m.start, m.end, m.field) != (c.start, c.end, c.field):
            wd = _weekday_in(m.sentence, max(find_whole(m.sentence, m.surface), 0), rules)
            if wd is not None:
                return wd
    return None


def _weekday_in(s: str, at: int, rules: DateRules) -> Optional[int]:
    """The weekday the figure at `at` of `s` is dated by (`named_weekday`), or None."""
    seen = set()
    for probe in _WEEKDAY_PROBES:
        when, how = claim_date(s, at, probe, rules)
        if how != "relative" or when is None:
            return None
        seen.add(when.weekday())
    return seen.pop() if len(seen) == 1 else None


def weekday_days(claims: Sequence[Claim], doc_dates: dict,
                 rules: Optional[DateRules] = None) -> dict[int, date]:
    """The days some undated figures of one cluster stand at: a figure of an undated article
    whose own sentence names a weekday ("46 يوم الثلاثاء") stands at the one day of the
    cluster's dated figures that falls on that weekday - when exactly one does (so the weekday
    cannot name another week's day the cluster reports) and another of the cluster's days lies
    within six days of it (the story is reported that week, so its weekday is likely the one
    meant; a lone dated day a week before the undated article proves nothing).  With none, or
    two or more, it stays undated, fitting any day, as before.  So
    the undated "46 on Tuesday" meets the 44 another outlet gave that Tuesday.  Returns
    {position: day}.  Cost: three cached sentence scans per undated figure and a pass over the
    cluster's days."""
    from bisect import bisect_left

    undated = [i for i, c in enumerate(claims) if not c.as_of and not doc_dates.get(c.doc)]
    if not undated:
        return {}
    days = sorted({date.fromisoformat(c.as_of[:10]) for c in claims if c.as_of})
    if not days:
        return {}
    by_weekday: dict[int, list[date]] = {}
    for d in days:
        by_weekday.setdefault(d.weekday(), []).append(d)
    out: dict[int, date] = {}
    for i in undated:
        wd = named_weekday(claims[i], rules)
        if wd is None:
            continue
        match = by_weekday.get(wd, [])
        if len(match) != 1:
            continue
        day = match[0]
        k = bisect_left(days, day)
        near = [d for d in days[max(0, k - 1):k + 2] if d != day and abs((d - day).days) < 7]
        if near:
            out[i] = day
    return out


# A second day no article is dated, in another year than _PROBE_DAY: a cue read as the same day
# of the same month against both, in two years, is a day and month named without a year
# ("في الخامس من مايو"), which an undated article cannot date.
_YEAR_PROBES = (_PROBE_DAY, date(2003, 12, 30))


def named_month_day(c: Claim, rules: Optional[DateRules] = None) -> Optional[tuple[int, int]]:
    """(month, day) an undated article's figure's own sentence names as its day without a year
    ("تحرير 29 طالبا في الخامس من مايو"), or None."""
    if rules is None:
        rules = date_rules()
    s, at = c.sentence or c.surface, figure_offset(c)
    seen = set()
    for probe in _YEAR_PROBES:
        when, how = claim_date(s, at, probe, rules)
        if how != "text" or when is None:
            return None
        seen.add((when.month, when.day))
    return seen.pop() if len(seen) == 1 else None


def month_day_days(claims: Sequence[Claim], doc_dates: dict,
                   rules: Optional[DateRules] = None) -> dict[int, date]:
    """The days some undated figures of one cluster stand at: a figure of an undated article
    whose own sentence names a day and month without a year ("في الخامس من مايو") stands at the
    one day of the cluster's dated figures that falls on that day of that month - when exactly
    one does (a year apart, the day could be either).  With none, or two, it stays undated,
    fitting any day, as before.  So the undated "29 freed on 5 May" meets the 27 another outlet
    gave on 5 May.  Returns {position: day}.  Cost: two cached sentence scans per undated
    figure and a pass over the cluster's days."""
    undated = [i for i, c in enumerate(claims) if not c.as_of and not doc_dates.get(c.doc)]
    if not undated:
        return {}
    by_day: dict[tuple[int, int], set[date]] = {}
    for c in claims:
        if c.as_of:
            d = date.fromisoformat(c.as_of[:10])
            by_day.setdefault((d.month, d.day), set()).add(d)
    if not by_day:
        return {}
    out: dict[int, date] = {}
    for i in undated:
        md = named_month_day(claims[i], rules)
        match = by_day.get(md, set()) if md is not None else set()
        if len(match) == 1:
            out[i] = next(iter(match))
    return out


def after_event_days(claims: Sequence[Claim], rules: Optional[DateRules] = None) -> dict[int, date]:
    """The days some figures of one cluster stand at instead of their `as_of`: a figure a later
    article dates by the weekday that followed the story's event ("وكانت السلطات قد أعلنت يوم
    السبت الذي تلا الانفجار حصيلة بلغت 46", text.dates.weekday_after_event) was read at the
    last such weekday before the article, perhaps weeks after; it stands at the first day of
    that weekday after the cluster's first reported day (the story's first day, the event's or
    the next), when that is earlier.  Returns {position: day}.  Cost: one cached sentence scan
    per figure dated by a relative cue."""
    from datetime import timedelta

    from crosscheck.text.dates import weekday_after_event

    days = [date.fromisoformat(c.as_of[:10]) for c in claims if c.as_of]
    if not days:
        return {}
    first = min(days)
    if rules is None:
        rules = date_rules()
    out: dict[int, date] = {}
    for i, c in enumerate(claims):
        if c.as_of_from != "relative" or not c.as_of or not c.sentence:
            continue
        wd = weekday_after_event(c.sentence, figure_offset(c), rules)
        if wd is None:
            continue
        day = first + timedelta(days=(wd - first.weekday()) % 7 or 7)
        if day < date.fromisoformat(c.as_of[:10]):
            out[i] = day
    return out
