"""Which occurrence a figure belongs to, from rules/events.yaml: an amendment, a failed draft,
the General Assembly or the Security Council, a phase of a deal, or a past event ("past:2004":
a year before the document's own in the figure's clause).

Patterns are matched ONCE per sentence (normalised text); a claim then looks at the cues of its
sentence before it (or its whole sentence, per rule) and up to `after_words` words after it in
its clause.  `refine_event` combines the answer with the event the extractor already found
(a resolution number, a draft's sponsor, a war or truce).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Optional

from crosscheck.extract.basis import clause_window, sentence_hits
from crosscheck.ruleset.period_rules import EventRules, event_rules, spelled
from crosscheck.text.literals import GateSet
from crosscheck.util import regex_cache

_YEAR_IN_HEADER = regex_cache.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DIGIT = regex_cache.compile(r"\d")
_NAME_LOOKBACK = 40  # characters before a figure read for a rule's not_right_after


# How far before a year its "منذ …" (rules/events.yaml past_not_before) is looked for.
PAST_HEAD_CHARS = 60


# A "last year" hit's value among the year hits: the document's year minus one (_split_hits).
LAST_YEAR = -1


class ForwardYear(int):
    """A past year that names its event for the figures after it only (rules/events.yaml
    past_since_named: "منذ صفقة تشرين الثاني 1983، التي أفرج فيها عن 4500"): a figure before it
    is counted since that event."""


class EventFinder:
    def __init__(self, rules: EventRules) -> None:
        self.rules = rules
        self.after_words = rules.after_words
        self.compiled = [(regex_cache.compile(spelled(p)), r) for r in rules.rules for p in r.patterns]
        self.gates = GateSet([pat.pattern for pat, _r in self.compiled])
        self.year = regex_cache.compile(rules.past_year)
        self.not_before = [regex_cache.compile(spelled(p)) for p in rules.past_not_before]
        self.when_after = [regex_cache.compile(spelled(p)) for p in rules.past_when_after]
        self.recalled_after = [regex_cache.compile(spelled(p)) for p in rules.past_recalled_after]
        self.part_before = regex_cache.compile(spelled(rules.past_part_before)) if rules.past_part_before else None
        self.since_named = regex_cache.compile(spelled(rules.past_since_named)) if rules.past_since_named else None
        self.blocked = regex_cache.compile(spelled(rules.past_blocked_by))
        self.last_year = regex_cache.compile(spelled(rules.past_last_year)) if rules.past_last_year else None
        self.year_before = regex_cache.compile(spelled(rules.past_year_before)) if rules.past_year_before else None
        self.count_before = regex_cache.compile(spelled(rules.past_count_before)) if rules.past_count_before else None
        self.count_after = regex_cache.compile(spelled(rules.past_count_after)) if rules.past_count_after else None
        # the most characters one match attempt of the blocking pattern reads from where it
        # starts (None: unbounded or not known): what _past_year needs to answer from a
        # sentence's list of blocking words instead of a search per claim
        self.blocked_reach = attempt_reach(spelled(rules.past_blocked_by))
        self.ordinals = {spelled(k): v for k, v in rules.ordinals.items()}
        self.not_in_periods = {r.id: regex_cache.compile("|".join(f"(?:{p})" for p in r.not_in_periods))
                               for r in rules.rules if r.not_in_periods}
        self.blocked_by = {r.id: regex_cache.compile("|".join(f"(?:{spelled(p)})" for p in r.blocked_by))
                           for r in rules.rules if r.blocked_by}
        self.not_right_after = {
            r.id: regex_cache.compile("(?:" + "|".join(f"(?:{spelled(p)})" for p in r.not_right_after) + r")\s*\Z")
            for r in rules.rules if r.not_right_after}

    def is_count(self, text: str, start: int, end: int) -> bool:
        """Is the bare four-digit figure at [start, end) a quantity, not a year (rules/events.yaml
        past_count_before / past_count_after: "أكثر من 1900 آخرين", "2010 قتيلا")?  A figure after a
        year word or a month ("عام 1900", "يونيو 2024", past_year_before) is a year whatever follows.  Bounded look-around."""
        head = text[max(0, start - PAST_HEAD_CHARS):start]
        if self.year_before is not None and self.year_before.search(head):
            return False
        if self.count_before is not None and self.count_before.search(head):
            return True
        return self.count_after is not None and self.count_after.match(text, end, min(len(text), end + 30)) is not None

    def hits(self, text: str, lo: int, hi: int, among: Optional[tuple[int, ...]] = None) -> list[tuple[int, int, object]]:
        out: list[tuple[int, int, object]] = []
        compiled = self.compiled
        for order in self.gates.open_indexes(text, lo, hi, among=among):
            pat, rule = compiled[order]
            for m in pat.finditer(text, lo, hi):
                ev = rule.event
                if "{n}" in ev:
                    n = self.ordinals.get(m.group("n"))
                    if n is None:
                        continue
                    ev = ev.replace("{n}", str(n))
                out.append((m.start(), m.end(), (order, rule, ev)))
        for m in self.year.finditer(text, lo, hi):
            if m.start("y") == m.start() and self.is_count(text, m.start(), m.end()):
                continue  # a count in the range of years ("أكثر من 1900 آخرين")
            head = text[max(lo, m.start() - PAST_HEAD_CHARS) : m.start()]
            if any(p.search(head) for p in self.not_before) and \
                    not any(p.match(text, m.end(), min(hi, m.end() + 20)) for p in self.when_after):
                if self.since_named is not None and self.since_named.search(head) and \
                        any(p.match(text, m.end(), min(hi, m.end() + 20)) for p in self.recalled_after):
                    out.append((m.start(), m.end(), ForwardYear(int(m.group("y")))))
                continue
            if self.part_before is not None and self.part_before.search(head) and \
                    not any(p.match(text, m.end(), min(hi, m.end() + 40)) for p in self.recalled_after):
                continue  # "مطلع عام 2020": a point of a running count (past_part_before)
            out.append((m.start(), m.end(), int(m.group("y"))))
        if self.last_year is not None:
            for m in self.last_year.finditer(text, lo, hi):
                head = text[max(lo, m.start() - PAST_HEAD_CHARS) : m.start()]
                if not any(p.search(head) for p in self.not_before):
                    out.append((m.start(), m.end(), LAST_YEAR))
        return sorted(out, key=lambda h: (h[0], h[1]))


def attempt_reach(pattern: str) -> Optional[int]:
    """The most characters one match attempt of `pattern` can read from the position it starts
    at: its longest match, or further where a look-ahead or an anchor reads past what it
    consumed (look-behinds read before the start: not counted).  None when a repeat is
    unbounded, or the pattern is not one the standard library parses (`regex`-only syntax):
    the caller then searches as before."""
    import re._constants as c
    import re._parser as parser

    try:
        tree = parser.parse(pattern)
    except Exception:  # noqa: BLE001 - any pattern the stdlib cannot read: unknown reach
        return None

    def widths(items) -> Optional[tuple[int, int]]:  # (most consumed, most read from the start)
        pos = reach = 0
        for op, av in items:
            if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
                w, r = 1, 1
            elif op is c.SUBPATTERN:
                sub = widths(av[-1])
                if sub is None:
                    return None
                w, r = sub
            elif op is c.ATOMIC_GROUP:
                sub = widths(av)
                if sub is None:
                    return None
                w, r = sub
            elif op is c.BRANCH:
                subs = [widths(b) for b in av[1]]
                if any(x is None for x in subs):
                    return None
                w, r = max(x[0] for x in subs), max(x[1] for x in subs)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                _lo, hi, sub_items = av
                sub = widths(sub_items)
                if sub is None or hi is c.MAXREPEAT or hi == c.MAXREPEAT:
                    return None
                w, r = hi * sub[0], ((hi - 1) * sub[0] + sub[1]) if hi else 0
            elif op in (c.ASSERT, c.ASSERT_NOT):
                direction, sub_items = av
                if direction < 0:
                    w, r = 0, 0  # a look-behind reads before the attempt's start
                else:
                    sub = widths(sub_items)
                    if sub is None:
                        return None
                    w, r = 0, sub[1]
            elif op is c.AT:
                w, r = 0, 1  # (\b, $ look at the next character)
            else:
                return None  # a back-reference, a conditional: not bounded here
            reach = max(reach, pos + r)
            pos += w
        return pos, reach

    found = widths(tree)
    return None if found is None else max(found[1], 1)


@lru_cache(maxsize=8)
def finder_for(directory: str) -> EventFinder:
    return EventFinder(event_rules(directory))


def document_year(ctx, finder: EventFinder) -> Optional[int]:
    """The document's own year: its date, else the latest year its header (dateline) names,
    else the latest year named anywhere in it - unless those years are all recalled ones, then
    the year after them (`_text_year`; one pass, kept per document)."""
    if "_doc_year" in ctx.__dict__:
        return ctx.__dict__["_doc_year"]
    year = None
    if ctx.doc.date:
        try:
            year = int(str(ctx.doc.date)[:4])
        except ValueError:
            year = None
    if year is None:
        # the header's years (a dateline), else the whole text's; a header naming only recalled
        # years ("فيضانات عام 1987 التي …" in the lead) leaves it to the whole text
        year, recalled = _text_year(ctx.text, finder, finder.rules.header_chars)
        if year is None or recalled:
            year = _text_year(ctx.text, finder, len(ctx.text))[0]
    ctx.__dict__["_doc_year"] = year
    return year


def _text_year(text: str, finder: EventFinder, hi: int) -> tuple[Optional[int], bool]:
    """(the year the first `hi` characters give the article, whether every year they name is a
    recalled one): the latest year named, unless every year named is recalled - a span ("بين
    عامي 1993 و2005"), a year whose event a relative clause tells (`past_recalled_after`) - then
    the year after the latest (that event was over when the article was written).  One pass."""
    # (a count in the range of years, "أكثر من 1900 آخرين", is no year: finder.is_count)
    every = [int(m[0]) for m in _YEAR_IN_HEADER.finditer(text, 0, hi) if not finder.is_count(text, m.start(), m.end())]
    if not every:
        return None, False
    recalled, covered = [], 0  # (years named elsewhere, in a dateline "22/5/2015", are not)
    for m in finder.year.finditer(text, 0, hi):
        if int(m.group("y")) < 1900:
            continue  # (a nineteenth-century year after a year word: never the article's)
        if m.start("y") == m.start() and finder.is_count(text, m.start(), m.end()):
            continue
        span = m.start("y") > m.start()  # "1993 و2005", "2009-2010"
        if span or any(p.match(text, m.end()) for p in finder.recalled_after):
            recalled.append(int(m.group("y")))
            covered += 2 if span else 1
        else:
            return max(every), False
    if recalled and covered == len(every):
        return max(recalled) + 1, True
    return max(every), False


def event_near(ctx, kind: str, s_lo: int, s_hi: int, c_lo: int, c_hi: int, current: Optional[str],
               period: Optional[str] = None) -> Optional[str]:
    """The event of the claim at [c_lo, c_hi): a rule's event, a past year, or `current`
    (a rule whose `not_in_periods` matches the claim's `period` is passed over)."""
    finder = finder_for(ctx.rules.directory)
    hits = sentence_hits(ctx, "_event_hits", finder, s_lo, s_hi)
    if not hits:
        return current
    clause_lo, sent_lo, limit = clause_window(ctx, s_lo, s_hi, c_lo, c_hi, finder.after_words)
    text = ctx.text
    # a past year: before the figure in its sentence with no "إلى"/"اليوم" between, or after it
    # in its clause with none between
    year = document_year(ctx, finder)
    years, rules = _split_hits(ctx, s_lo, s_hi, hits, year)
    if years:
        best = _past_year(finder, text, years, c_lo, c_hi, limit, _blocked_in(ctx, finder, s_lo, s_hi), clause_lo, sent_lo)
        if best == LAST_YEAR:  # "العام الماضي": the year before the document's
            best = year - 1 if kind not in finder.rules.vote_kinds else None
        if best is not None:
            return f"past:{best}"
    found = None  # the first rule (in file order) with a cue where the rule looks
    for order, rule, starts, ends, evs in _by_pattern(ctx, s_lo, s_hi, rules):
        # (patterns in file order; one pattern's cues never overlap, so ends rise with starts
        # and the first cue in text order where the rule looks is found by bisection: bounded
        # work per claim in a sentence of many cues)
        if rule.kinds and kind not in rule.kinds:
            continue
        if rule.when_no_event and current is not None:
            continue
        if period and finder.not_in_periods.get(rule.id) and finder.not_in_periods[rule.id].match(period):
            continue
        named = finder.not_right_after.get(rule.id)
        if named is not None and named.search(text, max(s_lo, c_lo - _NAME_LOOKBACK), c_lo):
            continue  # the figure of a deal's name ("من صفقة \"500 مقابل 500\""): bounded look-back
        if rule.scope == "sentence":
            found = (order, evs[0])
            break
        blockers = finder.blocked_by.get(rule.id)
        if rule.scope == "after":
            # the first cue after the figure, near enough, no other figure nor blocking word
            # between (a slice of at most after_chars characters: bounded work per claim)
            j = bisect_left(starts, c_hi)
            if j < len(starts) and starts[j] - c_hi <= rule.after_chars and not _DIGIT.search(text, c_hi, starts[j]) and not (
                    blockers is not None and _cut_off(ctx, s_lo, s_hi, rule.id, blockers, c_hi, starts[j])):
                found = (order, evs[j])
                break
            continue
        if blockers is not None:
            # the last cue before the claim, unless a blocking word stands between them
            k = bisect_right(ends, c_lo) - 1
            if k >= 0 and starts[k] >= sent_lo and not _cut_off(ctx, s_lo, s_hi, rule.id, blockers, ends[k], c_lo):
                found = (order, evs[k])
                break
        else:
            i = bisect_left(starts, sent_lo)  # the first cue in the sentence: before the claim?
            if i < len(starts) and ends[i] <= c_lo:
                found = (order, evs[i])
                break
        if rule.scope == "before":
            continue
        j = bisect_left(starts, c_hi)  # else the first after it, within its window
        if j < len(starts) and starts[j] < limit and not (
                blockers is not None and _cut_off(ctx, s_lo, s_hi, rule.id, blockers, c_hi, starts[j])):
            found = (order, evs[j])
            break
    if found is None:
        return current
    if found[1] == "draft" and current and current.startswith("draft:"):
        return current  # a sponsored draft already names itself
    return found[1]


def _cut_off(ctx, s_lo: int, s_hi: int, rule_id: str, blockers, a: int, c: int) -> bool:
    """Does a blocking word of the rule start in [a, c)?  Its starts are found once per sentence
    and rule, then looked up by bisection (bounded work per claim)."""
    cache = ctx.__dict__.setdefault("_event_cut", {})
    got = cache.get((s_lo, s_hi, rule_id))
    if got is None:
        got = cache[(s_lo, s_hi, rule_id)] = [m.start() for m in blockers.finditer(ctx.text, s_lo, s_hi)]
    i = bisect_left(got, a)
    return i < len(got) and got[i] < c


def _split_hits(ctx, s_lo: int, s_hi: int, hits, year: Optional[int]):
    """The sentence's hits, once per sentence: (past years as (starts, ends, years), in text
    order, only those before the document's year; the rule hits)."""
    cache = ctx.__dict__.setdefault("_event_split", {})
    found = cache.get((s_lo, s_hi))
    if found is None:
        past = [(s, e, w) for s, e, w in hits if isinstance(w, int) and year is not None and w < year]
        # (a "last year" hit keeps its marker: tally kinds leave it to their own reader)
        years = ([h[0] for h in past], [h[1] for h in past], [h[2] for h in past]) if past else None
        found = cache[(s_lo, s_hi)] = (years, [h for h in hits if not isinstance(h[2], int)])
    return found


def _by_pattern(ctx, s_lo: int, s_hi: int, rules):
    """The sentence's rule hits grouped by pattern, in file order, once per sentence:
    (order, rule, starts, ends, events), each list in text order."""
    cache = ctx.__dict__.setdefault("_event_patterns", {})
    found = cache.get((s_lo, s_hi))
    if found is None:
        groups: dict[int, list] = {}
        for s, e, what in rules:
            groups.setdefault(what[0], []).append((s, e, what))
        found = cache[(s_lo, s_hi)] = [
            (order, hs[0][2][1], [h[0] for h in hs], [h[1] for h in hs], [h[2][2] for h in hs])
            for order, hs in sorted(groups.items())
        ]
    return found


def _blocked_in(ctx, finder: EventFinder, s_lo: int, s_hi: int):
    """(s_hi, the starts of the blocking pattern's matches in the sentence, every start where an
    attempt succeeds: overlapped), once per sentence; None when the pattern's reach is unknown."""
    if finder.blocked_reach is None:
        return None
    cache = ctx.__dict__.setdefault("_event_blocked", {})
    found = cache.get((s_lo, s_hi))
    if found is None:
        found = cache[(s_lo, s_hi)] = (
            s_hi, [m.start() for m in finder.blocked.finditer(ctx.text, s_lo, s_hi, overlapped=True)]
        )
    return found


def _is_blocked(finder: EventFinder, text: str, a: int, c: int, blocked) -> bool:
    """finder.blocked.search(text, a, c) is not None, answered from the sentence's blocking
    starts (`blocked`, see _blocked_in) and a search of the last `blocked_reach` characters only:
    an attempt starting at p with p + reach <= c reads nothing at or past c, so it succeeds
    with the search's end at c exactly as with the sentence's end (look-behinds read the text
    before p alike); the attempts from c - reach on are searched as before."""
    if blocked is None or c > blocked[0]:
        return finder.blocked.search(text, a, c) is not None
    lim = c - finder.blocked_reach
    if lim <= a:
        return finder.blocked.search(text, a, c) is not None
    starts = blocked[1]
    i = bisect_left(starts, a)
    if i < len(starts) and starts[i] < lim:
        return True
    return finder.blocked.search(text, lim, c) is not None


# A year with at most this many words before it in its sentence opens it ("وفي عام 2010،", "خلال
# مارس 2011،"): it dates every clause after it (_past_year).
FRONTED_WORDS = 3


def _fronted(text: str, sent_lo: Optional[int], at: int) -> bool:
    """Does the year at `at` open its sentence (at most FRONTED_WORDS words before it)?  Bounded:
    reads at most a few dozen characters."""
    if sent_lo is None:
        return False
    lo = max(sent_lo, at - 40)
    return lo == sent_lo and len(text[lo:at].split()) <= FRONTED_WORDS


def _past_year(
    finder: EventFinder, text: str, years, c_lo: int, c_hi: int, limit: int, blocked=None,
    clause_lo: Optional[int] = None, sent_lo: Optional[int] = None,
) -> Optional[int]:
    """The nearest past year to the claim [c_lo, c_hi): ending before it with no blocking word
    ("إلى", "حتى") between, or starting in [c_hi, limit) with none between; on equal distance
    the one before.  Bounded work per claim: the year matches never overlap, so the nearest
    before is the one ending last by c_lo, and if a blocking word stands between it and the
    claim it stands between every earlier year and the claim too (the search from an earlier
    start reaches it: matching at a position does not depend on where the search began); after
    the claim only the years inside the claim's window of `after_words` words are tried.
    A year in the figure's own clause wins over a nearer one before the clause's start ("خطفوا
    سبعة في سبتمبر 2010، ثم أفرجوا عن ثلاثة منهم في فبراير 2011": the three are of 2011) - unless
    the year before opens the sentence, a fronted adverbial of every clause after it ("وفي عام 2010،
    قتل 40 في الهجوم الذي تبنته الجماعة عام 2012": 2010; at most FRONTED_WORDS words before it)."""
    starts, ends, values = years
    best = None
    k = bisect_right(ends, c_lo) - 1
    if k >= 0 and not _is_blocked(finder, text, ends[k], c_lo, blocked):
        best = (c_lo - ends[k], values[k])
    for j in range(bisect_left(starts, c_hi), len(starts)):
        s = starts[j]
        if s >= limit:
            break
        if ends[j] <= c_lo:
            continue  # (a year ending before the claim is no year after it)
        if isinstance(values[j], ForwardYear):
            continue  # (its event's figures follow it)
        if not finder.blocked.search(text, c_hi, s):
            outside = (best is not None and clause_lo is not None and ends[k] <= clause_lo
                       and not _fronted(text, sent_lo, starts[k]))
            if best is None or s - c_hi < best[0] or outside:
                best = (s - c_hi, values[j])
            break
    return None if best is None else best[1]
