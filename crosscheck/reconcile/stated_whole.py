"""Parts of one stated whole: "أفرج عن 35 أوكرانيا، بينهم 24 بحارا".

    stated_whole(claim, pattern) -> the whole's value, or None
    one_moment_dates(claims, cdates, pattern) -> cdates with parts of one stated whole at one date

A part stated right after its whole (the whole's figure, a few words, a subset word from
rules/hierarchy.yaml `stated_whole_markers`, then the part) counts the members of a set fixed by
that whole: another article giving the same part group of the same whole (35 freed, "بينهم 22
بحارا") gives the same moment's figure even when it is undated.  The reconciler's running-total
fit then reads the undated one at the dated one's date (not at whatever date suits it), and two
different figures of one date cannot both be kept.  Dated figures keep their days (their growth
is judged as told).  Bounded work: the few characters before each figure's surface.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from typing import Iterable, Optional, Sequence

import regex

from crosscheck.models import Claim
from crosscheck.text.normalize import normalize
from crosscheck.util import regex_cache

WINDOW = 64  # characters before the part's figure read for its whole


def _alternation(phrases: Iterable[str]) -> Optional[str]:
    """The normalised phrases, longest first, any space inside one matching one or more."""
    words = sorted({normalize(m).text.strip() for m in phrases if m.strip()}, key=regex_cache.longest_first)
    return "|".join(r"\s+".join(regex.escape(x) for x in w.split()) for w in words) or None


def stated_whole_pattern(markers: Iterable[str], year_words: Iterable[str] = ()) -> Optional[regex.Pattern]:
    """The whole's digits, up to five words (a noun, "من أصل 27 صيادا"), a comma, then a
    subset word, a word of its own (not the tail of "أنهم"), ending right before the part
    (normalised text).  Four digits right after one
    of `year_words` (a month name, "عام": "في نوفمبر 2018، بينهم") are a year, not a whole."""
    alts = _alternation(markers)
    if alts is None:
        return None
    years = _alternation(year_words)
    not_year = ("" if years is None else
                r"(?!(?<=(?:^|[^\w])[وفبل]?(?:" + years + r")[\s/()\-]*)\d{4}(?!\d))")
    return regex_cache.compile(r"(?<![\d.,])" + not_year + r"(\d+)(?:\s+[^\s\d،,.؛;:]+){0,5}\s*[،,]?\s*"
                         r"(?:[وف]?كان(?:ت|وا)?\s+)?(?<![^\s،,و])(?:" + alts + r")\s+$")


def whole_before(text: str, pattern: Optional[regex.Pattern]) -> Optional[int]:
    """The stated whole at the end of `text` (the text before a part's figure), else None."""
    if pattern is None:
        return None
    m = pattern.search(normalize(text[-WINDOW:]).text)
    return int(m.group(1)) if m else None


def stated_whole(c: Claim, pattern: Optional[regex.Pattern]) -> Optional[int]:
    """The whole a part figure is stated right after in its sentence (a part group only)."""
    if pattern is None or not c.sentence or not c.surface or (c.group or "all") == "all":
        return None
    from crosscheck.reconcile.dating import find_whole

    i = find_whole(c.sentence, c.surface)
    if i <= 0:
        return None
    return whole_before(c.sentence[max(0, i - WINDOW):i], pattern)


def one_moment_dates(claims: Sequence[Claim], cdates: Sequence[Optional[date]],
                     pattern: Optional[regex.Pattern], skip: Iterable[int] = ()) -> tuple[list, int]:
    """`cdates` with the undated figures of one part of one stated whole (same group, same
    whole value) at the earliest date another figure of it has (the whole was told then: the
    undated one is of that moment too, not free to fit any date), and how many were dated.  `skip`: figures already
    read as earlier ones (their own moment)."""
    out = list(cdates)
    skipped = set(skip)
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if i in skipped:
            continue
        w = stated_whole(c, pattern)
        if w is not None:
            buckets[(c.group, w)].append(i)
    moved = 0
    for idx in buckets.values():
        days = [out[i] for i in idx if out[i] is not None]
        if len(idx) < 2 or not days:
            continue
        first = min(days, key=_day_then_moment)
        for i in idx:
            # a dated figure keeps its own day (its growth is read as told), not its part of it
            at = first if out[i] is None else _same_day_moment(out[i], idx, out)
            if at is not None and at != out[i]:
                out[i] = at
                moved += 1
    return out, moved


def _day(d) -> date:
    return d.date() if isinstance(d, datetime) else d


def _same_day_moment(d, idx, out):
    """The earliest moment of `d`'s day among the figures `idx` of one part of one whole."""
    same = [out[j] for j in idx if out[j] is not None and _day(out[j]) == _day(d)]
    return min(same, key=_day_then_moment)


def _day_then_moment(d) -> tuple:
    """Order dates and moments within a day (crosscheck.reconcile.within_day.Moment) alike."""
    return (d.date(), d.time()) if isinstance(d, datetime) else (d, time.min)
