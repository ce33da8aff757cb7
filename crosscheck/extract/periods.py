"""The period a figure covers, from rules/periods.yaml: rolling windows (`last_24h`,
`last_48h`, `last_72h`, `last_week`, `last_<n>d`), sub-periods from an anchor (`since:ceasefire`,
`since:saturday`, `since:--06-03`, `since:2016-10`), daily rates (`daily`) and running totals
(`cumulative`).

Every pattern is matched ONCE per sentence (normalised text); a claim then takes the nearest cue:
anywhere before it in its sentence, or at most `after_words` words after it in its own clause
(a rule's `side` may allow only one of the two: "بعد أن كان 61" makes 61 the old figure, not the
new one before it).
A date anchor without a year is written `--MM-DD` (ISO 8601 without the year); the reconciler
(crosscheck.reconcile.periods) gives it its year and decides whether a long-past start is the
story's running total.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Optional

import regex

from crosscheck.ruleset.period_rules import PeriodRules, period_rules, spelled
from crosscheck.text.dates import DateRules, load_date_rules
from crosscheck.text.literals import GateSet, document_gates
from crosscheck.text.normalize import normalize_word
from crosscheck.extract.scope import last_barrier
from crosscheck.util import regex_cache

WEEKDAY_SLUGS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WINDOW_NAMES = {1: "last_24h", 2: "last_48h", 3: "last_72h", 7: "last_week"}
_HOURS = {"24": 1, "48": 2, "72": 3, "اربع وعشرين": 1, "ثمان واربعين": 2}
_MONTH_PART = {"بدايه": 1, "مطلع": 1, "اول": 1, "منتصف": 15, "اواسط": 15, "نهايه": 28, "اواخر": 25, "اخر": 28}


def _alternation(words) -> str:
    return "(?:" + "|".join(regex.escape(w) for w in sorted(set(words), key=regex_cache.longest_first)) + r")(?![\p{L}\p{M}])"


class PeriodFinder:
    """The compiled period rules of one rules directory."""

    def __init__(self, rules: PeriodRules, dates: DateRules) -> None:
        self.rules = rules
        self.after_words = rules.after_words
        months: dict[str, int] = {normalize_word(m): i + 1 for i, m in enumerate(dates.months)}
        for alias, std in dates.month_aliases.items():
            months[normalize_word(alias)] = months[normalize_word(std)]
        self.months = months
        self.weekdays = {normalize_word(k): v for k, v in dates.weekdays.items()}
        self.numbers = {normalize_word(k): v for k, v in rules.number_words.items()}
        self.day_words = {_SPACES.sub(" ", normalize_word(k)): v for k, v in rules.day_ordinals.items()}
        subs = {
            "month": _alternation(months),
            "weekday": _alternation(list(self.weekdays) + [w[2:] for w in self.weekdays if w.startswith("ال")]),
            "num": r"(?:\d{1,2}|" + _alternation(self.numbers) + ")",
            "dayword": _alternation(self.day_words) if self.day_words else r"(?!)",
        }
        self.record_words = frozenset(normalize_word(w) for w in rules.record_since_words)
        self.record_reach = rules.record_since_reach
        self.compiled = []
        for rule in rules.rules:
            for p in rule.patterns:
                for k, v in subs.items():
                    p = p.replace("{" + k + "}", v)
                self.compiled.append((regex_cache.compile(spelled(p)), rule))
        # the words each pattern cannot match without: a sentence holding none is not scanned
        self.gates = GateSet([pat.pattern for pat, _rule in self.compiled])

    def hits(self, text: str, lo: int = 0, hi: Optional[int] = None,
             among: Optional[tuple[int, ...]] = None) -> list[tuple[int, int, str]]:
        """(start, end, period) of every cue in text[lo:hi], sorted by start; at one start the
        longest cue (then the first rule) wins."""
        return [(s, e, p) for s, e, p, _side, _strong, _next, _kinds in self.sided_hits(text, lo, hi, among)]

    def sided_hits(self, text: str, lo: int = 0, hi: Optional[int] = None,
                   among: Optional[tuple[int, ...]] = None) -> list[tuple[int, int, str, str, bool, bool, frozenset]]:
        """`hits` with each cue's rule `side` (before / after / either the figure),
        `overrides_scope`, `next_clause` and `kinds` (empty: every kind).  (`among`: the patterns that can match in a text
        holding text[lo:hi], GateSet.open_in; only their gates are read.)"""
        hi = len(text) if hi is None else hi
        best: dict[int, tuple[int, int, str]] = {}
        compiled = self.compiled
        for order in self.gates.open_indexes(text, lo, hi, among=among):
            pat, rule = compiled[order]
            for m in pat.finditer(text, lo, hi, overlapped=False):
                period = self._period(rule.period, m)
                if period is None or self._after_record(text, lo, m.start()):
                    continue
                s = m.start()
                key = (m.end() - s, -order)
                old = best.get(s)
                if old is None or key > old[0]:
                    best[s] = (key, m.end(), period, rule.side, rule.overrides_scope, rule.next_clause,  # type: ignore[assignment]
                               frozenset(rule.kinds))
        return sorted((s, e, p, side, strong, nxt, kinds) for s, (_, e, p, side, strong, nxt, kinds) in best.items())

    def _after_record(self, text: str, lo: int, s: int) -> bool:
        """Does a "since" cue at `s` follow a record word ("أعنف يوم منذ", "أول عملية تبادل منذ",
        `record_since_words`) within `record_since_reach` words, no figure between?  Then it
        measures the record, not a figure.  Reads at most that many words before the cue."""
        if not self.record_words or not text.startswith(_SINCE, s):
            return False
        words = text[max(lo, s - 16 * (self.record_reach + 1)):s].split()[-self.record_reach:]
        for w in reversed(words):
            if any(ch.isdigit() for ch in w):
                return False
            if w in self.record_words or (w[:1] in "وف" and w[1:] in self.record_words):
                return True
        return False

    def _period(self, template: str, m) -> Optional[str]:
        g = m.groupdict()
        if "{weekday}" in template:
            wd = g.get("wd")
            if wd is None:
                slug = "today"
            elif wd in ("اليوم",):
                slug = "today"
            elif wd in ("امس", "البارحه"):
                slug = "yesterday"
            else:
                n = self.weekdays.get(wd, self.weekdays.get("ال" + wd))
                if n is None:
                    return None
                slug = WEEKDAY_SLUGS[n]
            return template.replace("{weekday}", slug)
        if "{date}" in template:
            y, mo, d = g.get("y"), g.get("m"), g.get("d")
            if d is None and g.get("dw"):
                n = self.day_words.get(_SPACES.sub(" ", g["dw"]))
                d = str(n) if n else None
            month = self.months.get(_SPACES.sub(" ", mo)) if mo else None
            if mo and month is None:
                return None
            part = g.get("part")
            if d is None and part in _MONTH_PART:
                d = str(_MONTH_PART[part])
            if month is None:
                return template.replace("{date}", y) if y else None
            stamp = f"{month:02d}" + (f"-{int(d):02d}" if d else "")
            if d and not 1 <= int(d) <= 31:
                return None
            return template.replace("{date}", f"{y}-{stamp}" if y else f"--{stamp}")
        if "{n}" in template:
            if g.get("h"):
                n = _HOURS.get(_SPACES.sub(" ", g["h"]))
            elif g.get("week"):
                n = 7
            elif g.get("day"):
                n = 1
            elif g.get("month"):
                n = 30
            elif g.get("n") or g.get("wk") or g.get("mo"):
                # days, weeks (x 7) or months (x 30) counted back from the report
                raw = g.get("n") or g.get("wk") or g["mo"]
                n = int(raw) if raw.isdigit() else self.numbers.get(raw)
                if n:
                    n *= 7 if g.get("wk") else 30 if g.get("mo") else 1
            else:
                n = None
            if not n:
                return None
            return _WINDOW_NAMES.get(n) or template.replace("{n}", str(n))
        return template


_SPACES = regex_cache.compile(r"\s+")
_SINCE = normalize_word("منذ")


@lru_cache(maxsize=8)
def finder_for(directory: str) -> PeriodFinder:
    return PeriodFinder(period_rules(directory), load_date_rules(Path(directory) / "dates.yaml"))


@lru_cache(maxsize=8)
def event_clause_for(directory: str) -> tuple[frozenset[str], int, frozenset[str]]:
    """The words opening a relative clause about the event, how many words may follow one
    before a day it holds, and the units that make a number in it a magnitude read as one word
    with it (rules/dates.yaml `event_clause_words`, `event_clause_max_words`,
    `event_clause_units`: the clause crosscheck.text.dates reads)."""
    dates = load_date_rules(Path(directory) / "dates.yaml")
    return (frozenset(normalize_word(w) for w in dates.event_clause_words), dates.event_clause_max_words,
            frozenset(normalize_word(w) for w in dates.event_clause_units))


def period_near(ctx, s_lo: int, s_hi: int, c_lo: int, c_hi: int, clause_only: bool = False,
                kind: Optional[str] = None) -> Optional[str]:
    """The period of the claim at normalised offsets [c_lo, c_hi) of the sentence [s_lo, s_hi):
    the nearest cue before it in the sentence (in its clause when `clause_only`), or within
    `after_words` words after it in its clause; None when there is none.  A cue whose rule names
    `kinds` counts only for a claim of one of them (every cue counts when `kind` is not given)."""
    return period_cue(ctx, s_lo, s_hi, c_lo, c_hi, clause_only, kind)[0]


def period_cue(ctx, s_lo: int, s_hi: int, c_lo: int, c_hi: int,
               clause_only: bool = False, kind: Optional[str] = None) -> tuple[Optional[str], bool]:
    """`period_near` and whether its rule overrides the cues of rules/scope.yaml."""
    finder = finder_for(ctx.rules.directory)
    cache = ctx.__dict__.setdefault("_period_hits", {})
    key = (s_lo, s_hi)
    found = cache.get(key)
    if found is None:
        hits = finder.sided_hits(ctx.text, s_lo, s_hi,
                                 document_gates(ctx.__dict__.setdefault("_open_gates", {}), finder.gates, ctx.text, s_lo, s_hi))
        found = cache[key] = (hits, [h[0] for h in hits], max((h[1] - h[0] for h in hits), default=0))
    hits, starts, longest = found
    if not hits:
        return None, False
    toks = ctx.tokens(s_lo, s_hi)
    info = ctx.info(toks)
    tstarts = info.starts
    first = max(bisect_right(tstarts, c_lo) - 1, 0)  # the claim's first token
    last = max(bisect_left(tstarts, c_hi) - 1, first)  # its last token
    clause_lo = toks[info.clause_start(first)].nstart if toks else s_lo
    end_tok = info.clause_end(last + 1)
    limit_tok = min(end_tok, last + 1 + finder.after_words)
    limit = toks[limit_tok - 1].nend if limit_tok - 1 > last else c_hi
    far_tok = min(len(toks), last + 1 + finder.after_words)  # for cues that may cross a clause
    far = toks[far_tok - 1].nend if far_tok - 1 > last else c_hi
    best: Optional[tuple[int, str, bool]] = None
    k = bisect_left(starts, c_lo)
    wall_tok = last_barrier(ctx.scope, toks, first, info)
    wall = toks[wall_tok].nstart if wall_tok >= 0 else -1
    # before the claim: the nearest ending cue.  The distance only grows as a cue ends earlier,
    # and a cue starting at s ends by s + longest: once even that is farther than the best so
    # far, no earlier cue can beat it (bounded work per claim in a sentence of many cues)
    for idx in range(k - 1, -1, -1):
        s, e, p, side, strong, _nxt, kinds = hits[idx]
        if clause_only and s < clause_lo:
            break  # (every earlier cue starts earlier still)
        if best is not None and max(first - bisect_right(tstarts, s + longest - 1), 0) > best[0]:
            break
        if e > c_lo:
            continue
        if _nxt and e <= c_lo:
            break  # "سجلت 4 وفيات خلال يوم، ليرتفع الإجمالي إلى 81": the cues before it are the increment's
        if side == "after" or (kinds and kind is not None and kind not in kinds):
            continue
        if e <= wall:
            break  # a cue of an earlier reported clause ("…، وأن …"): none further back counts
        dist = max(first - bisect_right(tstarts, e - 1), 0)
        if best is None or dist < best[0]:
            best = (dist, p, strong)
        if dist == 0:
            break
    for idx in range(bisect_left(starts, c_hi), len(hits)):
        s, e, p, side, strong, nxt, kinds = hits[idx]
        if s >= max(limit, far):
            break
        if side == "before" or (s >= limit and not nxt) or (kinds and kind is not None and kind not in kinds):
            continue
        dist = bisect_right(tstarts, s) - 1 - last
        if best is None or dist < best[0]:
            best = (dist, p, strong)
        break
    return (best[1], best[2]) if best else (None, False)
