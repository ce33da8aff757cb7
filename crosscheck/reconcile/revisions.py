"""Figures an article says were revised downward (crosscheck.reconcile.reconciler).

"خفضت السلطات الحصيلة إلى 84 بعد أن كانت 103": the article gives its current figure and the
earlier one (period `superseded`) above it, in a sentence that lowers the figure (rules/periods.yaml
`revision_words`) - an official downward revision, told as such.  Other
articles that gave the earlier figure on or before the revising article's day reported what
officials said then: within a running total's cluster such a figure is read like the earlier
figure itself (a point at an unknown moment before the revision), so it neither makes the
revised figure an outlier nor is one.  The same figure given AFTER the revision is stale: an
outlier, although a growing total could reach it again.  Cost: one pass over a cluster's claims.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from typing import Optional, Sequence

from crosscheck.models import Claim
from crosscheck.reconcile.grouping import EARLIER_PERIOD
from crosscheck.reconcile.intervals import numeric_value
from crosscheck.text.normalize import normalize, normalize_sentence, normalize_word


@lru_cache(maxsize=8)
def _words(directory: str) -> frozenset[str]:
    from crosscheck.ruleset.period_rules import period_rules

    return frozenset(normalize_word(w) for w in period_rules(directory).revision_words)


# A word's matching form, kept: `tells_fall` reads up to `fall_reach_words` words before every
# current figure of a running total (thousands of claims of one cluster at 10k articles, in every
# `check` that re-judges it), and news repeats its words.
_word_form = lru_cache(maxsize=1 << 15)(normalize_word)


def _rules_key() -> str:
    """The rules directory in force, absolute (resolved once per process when it is absolute:
    `Path.resolve` was a third of `tells_fall`'s cost, asked for every figure)."""
    from crosscheck.ruleset.resources import resolved, rules_dir

    return resolved(rules_dir())


def tells_revision(sentence: str, key: Optional[str] = None) -> bool:
    """Does the sentence lower a figure (a word of `revision_words`, with و/ف in front)?
    Cached per sentence: a sentence holding many figures is read once, not once per figure.
    `key`: the rules directory's `_rules_key()`, when the caller asked it once for many figures."""
    return bool(sentence) and _tells_revision(sentence, key or _rules_key())


@lru_cache(maxsize=4096)
def _tells_revision(sentence: str, key: str) -> bool:
    words = _words(key)
    if not words:
        return False
    for w in normalize(sentence).text.split():
        if w in words or (w[:1] in ("و", "ف") and w[1:] in words):
            return True
    return False


@lru_cache(maxsize=8)
def _span_rules(directory: str) -> tuple[frozenset[str], frozenset[str], int, tuple[str, ...], int]:
    """rules/periods.yaml's revision joiners, normalised once: (`revision_to_words`,
    `revision_from_words`, `revision_span_reach_words`, `revision_before_words`,
    `revision_before_reach_words`)."""
    from crosscheck.ruleset.period_rules import period_rules

    r = period_rules(directory)

    def phrase(p):
        return " ".join(normalize_word(w) for w in p.split())

    return (frozenset(map(phrase, r.revision_to_words)), frozenset(map(phrase, r.revision_from_words)),
            r.revision_span_reach_words, tuple(map(phrase, r.revision_before_words)), r.revision_before_reach_words)


def _told_before(between: str, key: str) -> bool:
    """Do the words between a revision's lower figure and a higher one after it tell the higher
    as announced before (rules/periods.yaml `revision_before_words`: "إلى 112 قتيلا، بعدما أعلن
    الدفاع المدني صباحا انتشال 117 جثة"), at most `revision_before_reach_words` words, no
    sentence end between?"""
    *_, phrases, reach = _span_rules(key)
    if not phrases or len(between) > reach * _WORD_CHARS:
        return False
    words = between.split()
    if not words or len(words) > reach or any(ch in ".:!?؟" for ch in between):
        return False
    text = " " + " ".join(_word_form(w.strip("،؛,")) for w in words) + " "
    return any(f" {p} " in text or f" و{p} " in text for p in phrases)


def revised_in_sentence(sentence: str, hi_at: int, hi_end: int, lo_at: int, lo_end: int,
                        key: Optional[str] = None) -> bool:
    """Does `sentence` (one that tells a revision: `tells_revision`) revise the higher figure at
    [hi_at, hi_end) down to the lower one at [lo_at, lo_end), the two joined by a word of
    rules/periods.yaml `revision_to_words` ("من 64 إلى 60": the higher first) or
    `revision_from_words` ("إلى 60 بدلا من 64": the lower first), at most
    `revision_span_reach_words` words between them?  Reads only the words between the figures."""
    key = key or _rules_key()
    return _joined(sentence, hi_at, hi_end, lo_at, lo_end, key) and tells_revision(sentence, key)


def _joined(sentence: str, hi_at: int, hi_end: int, lo_at: int, lo_end: int, key: str) -> bool:
    """The words between the two figures join them as a revision (`revised_in_sentence` without
    asking whether the sentence tells one)."""
    to_words, from_words, reach, _, _ = _span_rules(key)
    if lo_end <= hi_at and _told_before(sentence[lo_end:hi_at], key):
        return True
    if hi_end <= lo_at:
        between, joiners = sentence[hi_end:lo_at], to_words
    elif lo_end <= hi_at:
        between, joiners = sentence[lo_end:hi_at], from_words
    else:
        return False
    if len(between) > reach * _WORD_CHARS:
        return False
    words = between.split()
    if not words or len(words) > reach + 1 or any(ch in _CLAUSE_END for ch in between):
        return False
    forms = [_word_form(w) for w in words]
    # the first figure's counted noun may stand before the joiner ("من 64 قتيلا إلى 60",
    # "إلى 253 قتيلا بدلا من 359")
    return " ".join(forms) in joiners or (len(forms) >= 2 and " ".join(forms[1:]) in joiners)


def _revised_from(claims: Sequence[Claim], idx: Sequence[int], key: str,
                  cdates: Sequence[Optional[date]] = ()) -> set[int]:
    """Indexes (among `idx`, one article's current figures of a cluster) of the higher figure of
    a revision both of whose figures one sentence gives (`revised_in_sentence`), in the claim's
    own sentence or another place its article states it (a headline's claim stated again in
    the body).  Not a higher figure dated before the lower one ("بعد أن أعلنت أمس مقتل 378"):
    that is already a dated point of the running total, what was said that day.  Figures are
    paired only within their sentence (a sentence holds a few)."""
    from crosscheck.reconcile.dating import figure_offset, find_whole

    by_sentence: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # sentence -> (claim, start, end)
    for i in idx:
        c = claims[i]
        lead = (c.number_start - c.start) if c.number_start is not None and c.number_start >= c.start else 0
        width = (c.number_end - c.number_start) if c.number_start is not None and c.number_end is not None else len(c.surface)
        width = max(1, width)
        seen = set()
        if c.sentence:
            at = figure_offset(c)
            by_sentence[c.sentence].append((i, at, at + width))
            seen.add(c.sentence)
        for m in c.mentions:
            if m.sentence and m.sentence not in seen:
                j = find_whole(m.sentence, m.surface)
                if j >= 0:
                    seen.add(m.sentence)
                    by_sentence[m.sentence].append((i, j + lead, j + lead + width))
    out: set[int] = set()
    for sentence, members in by_sentence.items():
        if len(members) < 2 or not tells_revision(sentence, key):
            continue
        for i, hi_at, hi_end in members:
            vi = numeric_value(claims[i])
            if vi is None or i in out:
                continue
            for j, lo_at, lo_end in members:
                vj = numeric_value(claims[j])
                if cdates and cdates[i] is not None and cdates[j] is not None and cdates[i] < cdates[j]:
                    continue
                # the sentence tells a revision (asked once above): only the words between are read
                if i != j and vj is not None and vi > vj and _joined(sentence, hi_at, hi_end, lo_at, lo_end, key):
                    out.add(i)
                    break
    return out


@lru_cache(maxsize=8)
def _fall_rules(directory: str) -> tuple[frozenset[str], frozenset[str], int]:
    from crosscheck.ruleset.period_rules import period_rules

    r = period_rules(directory)
    return (frozenset(normalize_word(w) for w in r.fall_words),
            frozenset(normalize_word(w) for w in r.fall_stop_words), r.fall_reach_words)


_CLAUSE_END = frozenset("،؛,.:!?")


_WORD_CHARS = 48  # characters read per word looked back over (longer words are not news prose)


def words_before(sentence: str, at: int, reach: int) -> list[str]:
    """The last `reach` words of `sentence` before character `at`, read from at most
    reach * _WORD_CHARS characters before it (bounded work per figure, however long the
    sentence and however many figures it holds; a word cut by the window's start is dropped)."""
    if reach <= 0 or at <= 0:
        return []
    lo = max(0, at - reach * _WORD_CHARS)
    back = sentence[lo:at].split()
    if lo > 0 and back and not sentence[lo - 1].isspace() and not sentence[lo].isspace():
        back = back[1:]  # (the window began inside a word)
    return back[-reach:]


def tells_fall(sentence: str, at: int, key: Optional[str] = None) -> bool:
    """Is the figure at character `at` of `sentence` told as lower than before or as a
    correction ("تراجع عدد النازحين إلى 352 ألفا", "تصحيح حصيلة القتلى إلى 38": rules/periods.yaml
    `fall_words`, at most `fall_reach_words` words before it in its clause, no rise word
    between)?  `key`: the rules directory's `_rules_key()`, when the caller asked it once for
    many figures."""
    words, stops, reach = _fall_rules(key or _rules_key())
    if not words or not sentence or at <= 0:
        return False
    for w in reversed(words_before(sentence, at, reach)):
        if w[-1:] in _CLAUSE_END:
            return False
        n = _word_form(w)
        bare = n[1:] if n[:1] in ("و", "ف") else n
        if n in stops or bare in stops:
            return False
        if n in words or bare in words:
            return True
    return False


@lru_cache(maxsize=8)
def _reason_pattern(directory: str):
    from crosscheck.util import regex_cache

    from crosscheck.ruleset.period_rules import period_rules

    pats = period_rules(directory).fall_reason_patterns
    return regex_cache.compile("|".join(f"(?:{p})" for p in pats)) if pats else None


def tells_fall_reason(sentence: str, key: Optional[str] = None) -> bool:
    """Does the sentence give the reason a count went down (rules/periods.yaml
    `fall_reason_patterns`: a body or a name counted twice)?  Cached per sentence and rules
    directory (the directory resolved once per process, not per sentence)."""
    return bool(sentence) and _tells_fall_reason(sentence, key or _rules_key())


@lru_cache(maxsize=8)
def _reason_gate(directory: str):
    """The words every match of `_reason_pattern` holds one of (crosscheck.text.literals), or
    None when the patterns give no such set: a sentence without them is not scanned (a check
    reads every new sentence of a running total's members once: 7,000 at 10k articles, nearly
    none of them a fall's reason)."""
    from crosscheck.text.literals import LiteralGate

    pat = _reason_pattern(directory)
    return LiteralGate.of(pat.pattern) if pat is not None else None


@lru_cache(maxsize=4096)
def _tells_fall_reason(sentence: str, key: str) -> bool:
    pat = _reason_pattern(key)
    if pat is None:
        return False
    text = normalize_sentence(sentence).text
    gate = _reason_gate(key)
    if gate is not None and not gate.open(text):
        return False  # (the gate says no only where the pattern has no match)
    return pat.search(text) is not None


def _states_fall_word(c: Claim, key: Optional[str] = None) -> bool:
    """`_states_fall` by a fall word only (no reason)."""
    from crosscheck.reconcile.dating import figure_offset, find_whole

    key = key or _rules_key()
    if c.sentence and tells_fall(c.sentence, figure_offset(c), key):
        return True
    for m in c.mentions:
        if m.sentence and m.sentence != c.sentence:
            i = find_whole(m.sentence, m.surface)
            if i > 0 and tells_fall(m.sentence, i, key):
                return True
    return False


def _states_fall(c: Claim, key: Optional[str] = None) -> bool:
    """Does the claim's sentence, or another place its article states the figure, tell it as a
    fall (`tells_fall`) or give the reason its count went down (`tells_fall_reason`)?"""
    from crosscheck.reconcile.dating import figure_offset, find_whole

    key = key or _rules_key()
    if c.sentence and (tells_fall(c.sentence, figure_offset(c), key) or tells_fall_reason(c.sentence, key)):
        return True
    for m in c.mentions:
        if m.sentence and m.sentence != c.sentence:
            i = find_whole(m.sentence, m.surface)
            if (i > 0 and tells_fall(m.sentence, i, key)) or tells_fall_reason(m.sentence, key):
                return True
    return False


@dataclass(frozen=True)
class Revisions:
    """What `_revisions` finds in a cluster, read once by a running total's judgement
    (`revised_away`, `revising_figures` and `revision_days` each read all of it)."""

    revised: set[int]  # revised_away's first set
    stale: set[int]  # revised_away's second set
    revising: dict[int, int]  # revising_figures
    days: list[date]  # revision_days


def revisions(claims: Sequence[Claim], cdates: Sequence[Optional[date]]) -> Revisions:
    """`revised_away`, `revising_figures` and `revision_days` from one pass over the claims."""
    before, after, by, tops = _revisions(claims, cdates)
    return Revisions(before, after, by, _days_of(tops, cdates))


def _days_of(tops, cdates) -> list[date]:
    return sorted({cdates[i] for i in tops if cdates[i] is not None})


def revised_away(claims: Sequence[Claim], cdates: Sequence[Optional[date]]) -> tuple[set[int], set[int]]:
    """(revised, stale): indexes of the claims (of other articles) that give a figure an article
    revised downward, dated on or before that article's current figures (revised) or after
    them (stale: the old figure repeated once the revision was out)."""
    before, after, _by, _tops = _revisions(claims, cdates)
    return before, after


def revision_days(claims: Sequence[Claim], cdates: Sequence[Optional[date]]) -> list[date]:
    """The days of the figures an article gives as a downward revision of a figure it names
    ("خفضت السلطات الحصيلة إلى 97 بعد أن كانت 115", dated Friday): the running total starts
    again from that figure that day, so figures given from then on are judged against each
    other, not against the higher ones of before.  Sorted, distinct."""
    return _days_of(_revisions(claims, cdates)[3], cdates)


def revising_figures(claims: Sequence[Claim], cdates: Sequence[Optional[date]]) -> dict[int, int]:
    """For each stale claim (`revised_away`'s second set): the index of the revised figure it
    should have given - the largest current figure of the (latest) article that revised its
    figure down ("530 after the toll was revised down to 436")."""
    return _revisions(claims, cdates)[2]


def _revisions(claims: Sequence[Claim], cdates: Sequence[Optional[date]]):
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_doc[c.doc].append(i)
    revised: dict[float, date] = {}  # earlier figure -> latest day an article revised it down
    revisers: dict[float, set[str]] = defaultdict(set)
    revising: dict[float, tuple[date, int]] = {}  # earlier figure -> (day, the revised figure's index)
    revised_to: set[float] = set()  # the figures an article lowered a named earlier figure to
    tops: set[int] = set()  # ... their indexes
    key = _rules_key()  # once for the cluster, not per figure
    for doc, idx in by_doc.items():
        current = [i for i in idx if claims[i].period != EARLIER_PERIOD and numeric_value(claims[i]) is not None]
        if not current:
            continue
        # "خفضت الحصيلة من 64 إلى 60": the higher figure is the one revised, read as an earlier one
        named = _revised_from(claims, current, key, cdates) if len(current) > 1 else set()
        if named:
            current = [i for i in current if i not in named]
        top_i = max(current, key=lambda i: (numeric_value(claims[i]), -i))
        top = numeric_value(claims[top_i])
        days = [cdates[i] for i in current if cdates[i] is not None]
        if not days:
            continue
        for i in idx:
            v = numeric_value(claims[i])
            if ((i in named or claims[i].period == EARLIER_PERIOD) and v is not None and v > top
                    and tells_revision(claims[i].sentence or "", key)):
                revised[v] = max(revised.get(v, max(days)), max(days))
                revisers[v].add(doc)
                revised_to.add(top)
                tops.add(top_i)
                if v not in revising or (max(days), -top_i) > (revising[v][0], -revising[v][1]):
                    revising[v] = (max(days), top_i)
    before: set[int] = set()
    after: set[int] = set()
    by: dict[int, int] = {}
    _stated_falls(claims, cdates, by_doc, revisers, before, revised_to, tops)
    if not revised:
        return before, after, by, tops
    for i, c in enumerate(claims):
        v = numeric_value(c)
        if c.period != EARLIER_PERIOD and v in revised and c.doc not in revisers[v] and cdates[i] is not None:
            if cdates[i] <= revised[v]:
                before.add(i)
            elif not _states_rise(c):
                # (a figure its article tells as a rise after the revision - "ارتفاع الحصيلة إلى
                # 288 بعد وفاة مصابين" - is the count growing again, not the old figure repeated)
                after.add(i)
                by[i] = revising[v][1]
    return before, after, by, tops


def _states_rise(c: Claim) -> bool:
    """Does the claim's sentence, or another place its article states the figure (a headline),
    tell it as a rise (rules/periods.yaml `rise_words`)?"""
    from crosscheck.reconcile.running import tells_running

    sentences = [c.sentence] + [m.sentence for m in c.mentions]
    return any(s and tells_running(s, "rise_words") for s in sentences)


def dated_earlier(
    claims: Sequence[Claim], cdates: Sequence[Optional[date]], doc_days: dict[str, Optional[str]],
) -> set[int]:
    """Indexes of the earlier figures (period `superseded`) whose own day the article names
    ("وكانت الوزارة قد أعلنت الخميس أن عدد الجرحى بلغ 44", "بعد أن كانت 680 يوم الثلاثاء"):
    a day before the article's and before every current figure the article gives in the
    cluster.  Such a figure is what was reported that day - a dated point of the running
    total like any other - unless its sentence tells a downward revision (then the article
    itself explains the fall).  An earlier figure at the article's own day (no day named for
    it) stays at an unknown moment before the article, unless it names a part of that day
    before the article's current figures ("وكان الوزير قد أعلن صباح اليوم أن 339",
    `_earlier_part_of_own_day`): then it is that part's report.  An undated article's earlier figure
    dated all the same ("بعد أن كانت 46 يوم الثلاثاء", read at the cluster's Tuesday) is that
    day's point too."""
    current: dict[str, date] = {}
    for c, d in zip(claims, cdates):
        if c.period != EARLIER_PERIOD and d is not None:
            current[c.doc] = min(d, current.get(c.doc, d))
    out: set[int] = set()
    first_parts = None  # (doc, day) -> the earliest part of the day its current figures name
    for i, (c, d) in enumerate(zip(claims, cdates)):
        if c.period != EARLIER_PERIOD or d is None:
            continue
        own = doc_days.get(c.doc)
        own = date.fromisoformat(own[:10]) if own is not None else None
        if d == own:
            # an earlier figure of its dated article's own day, at a part of the day named
            if first_parts is None:
                first_parts = _first_parts(claims, cdates)
            if not _earlier_part_of_own_day(claims[i], first_parts.get((c.doc, d))):
                continue
        elif c.as_of_from not in ("relative", "text") or (own is not None and d > own):
            continue
        # an undated article's earlier figure dated all the same (a weekday it names that the
        # cluster reports, dating.weekday_days; a full date) is that day's report: before the
        # article, whose own day is unknown (its current figures, when dated, are after it)
        elif c.doc in current and d >= current[c.doc]:
            if d != current[c.doc]:
                continue
            if first_parts is None:
                first_parts = _first_parts(claims, cdates)
            if not _earlier_part_of_day(claims[i], first_parts.get((c.doc, d))):
                continue
        if tells_revision(c.sentence or ""):
            continue
        out.add(i)
    return out


@lru_cache(maxsize=8)
def _first_rules(directory: str) -> tuple[tuple[str, ...], int]:
    from crosscheck.ruleset.period_rules import period_rules

    r = period_rules(directory)
    return tuple(" ".join(normalize_word(w) for w in p.split()) for p in r.first_figure_words), r.first_figure_reach_words


def tells_first(sentence: str, at: int, key: Optional[str] = None) -> bool:
    """Is the figure at character `at` of `sentence` told as the story's first one (rules/periods.yaml
    `first_figure_words`, at most `first_figure_reach_words` words before it, in its clause)?
    Each word's matching form is kept (`_word_form`: a running total's figures are read in
    every judgement of it); `key` as in `tells_fall`."""
    phrases, reach = _first_rules(key or _rules_key())
    if not phrases or not sentence or at <= 0 or not reach:
        return False
    back: list[str] = []
    for w in reversed(words_before(sentence, at, reach)):
        if w[-1:] in _CLAUSE_END:
            break
        back.append(_word_form(w))
    text = " " + " ".join(reversed(back)) + " "
    return any(f" {p} " in text or f" و{p} " in text for p in phrases)


def first_told(claims: Sequence[Claim], cdates: Sequence[Optional[date]]) -> dict[int, date]:
    """Indexes of the figures an article tells as the story's first one ("بعد أن أعلنت الوزارة
    في البداية 23 قتيلا", `tells_first`) beside another figure of its own in the cluster, each
    with the cluster's first day (the earliest day of a current figure, before the figure's own
    date): what was reported then, a dated point of that day set against that day's figures.
    One pass over the claims."""
    from crosscheck.reconcile.dating import figure_offset

    days = [d for c, d in zip(claims, cdates) if d is not None and c.period != EARLIER_PERIOD]
    if not days:
        return {}
    first = min(days)
    key = _rules_key()  # once for the cluster, not per figure
    told = [i for i, c in enumerate(claims)
            if c.sentence and (cdates[i] is None or cdates[i] > first) and tells_first(c.sentence, figure_offset(c), key)]
    if not told:
        return {}
    marked = set(told)
    values: dict[str, set] = defaultdict(set)
    for i, c in enumerate(claims):
        if i not in marked:
            values[c.doc].add(numeric_value(c))
    return {i: first for i in told if values[claims[i].doc] - {numeric_value(claims[i]), None}}


def _part_slot(c: Claim) -> Optional[int]:
    from crosscheck.reconcile.dating import date_rules, figure_offset
    from crosscheck.reconcile.within_day import part_slot
    from crosscheck.text.dates import part_of_day

    rules = date_rules()
    return part_slot(c, rules, part_of_day, figure_offset) if rules.parts_of_day else None


_NO_PART = -1


def _first_parts(claims: Sequence[Claim], cdates: Sequence[Optional[date]]) -> dict[tuple[str, date], int]:
    """(doc, day) -> the earliest part of the day (a `within_day` slot) the article's current
    figures of that day name; `_NO_PART` when one of them names none.  One pass."""
    out: dict[tuple[str, date], int] = {}
    for c, d in zip(claims, cdates):
        if c.period == EARLIER_PERIOD or d is None:
            continue
        slot = _part_slot(c)
        key = (c.doc, d)
        slot = _NO_PART if slot is None else slot
        out[key] = slot if key not in out else (_NO_PART if _NO_PART in (slot, out[key]) else min(slot, out[key]))
    return out


def _earlier_part_of_day(c: Claim, first: Optional[int]) -> bool:
    """Does earlier figure `c` name a part of its day before `first`, the part every current
    figure its article gives that day names ("استقرت عند 41 مساء الأحد، بعد أن كانت 39 صباح
    اليوم نفسه": Sunday morning, before Sunday evening)?  Then it is what was reported then."""
    if first is None or first == _NO_PART:
        return False
    mine = _part_slot(c)
    return mine is not None and mine < first


def _earlier_part_of_own_day(c: Claim, first: Optional[int]) -> bool:
    """Does earlier figure `c`, given for its dated article's own day, name a part of that day
    before the article's current figures of the day ("ارتفع العدد إلى 52، وكان الوزير قد أعلن
    صباح اليوم 47")?  Before the part they name (`_earlier_part_of_day`), or, when one of them
    names none (it stands somewhere before the evening, within_day), a part before the
    evening: then it is what was reported at that part of the day, a point of the day set
    against the day's other figures of that part."""
    from crosscheck.reconcile.within_day import LATEST_LOOSE

    if first is not None and first != _NO_PART:
        return _earlier_part_of_day(c, first)
    mine = _part_slot(c)
    return mine is not None and mine < LATEST_LOOSE


def _stated_falls(claims, cdates, by_doc, revisers, before: set[int], revised_to=frozenset(), tops=None) -> None:
    """A figure its article tells as a fall or a correction without naming the earlier figure
    ("تراجع عدد النازحين إلى 352 ألفا", `tells_fall`): the higher figures other articles gave on
    or before its day are what was said then (added to `before`).  Not when another article
    tells the same revision with the figure it replaced ("خفضت الحصيلة إلى 275 بعد أن كانت
    288", `revised_to`): then only that figure was said before it (`_revisions`), and another
    higher figure of the day ("278") disputes the revision.  A figure told lower only by the
    reason its count went down (`tells_fall_reason`: bodies counted twice, people gone home) is
    instead a restart of the count on its day (added to `tops`, read by `revision_days`): the
    figures before it stay dated and are judged among themselves.  One pass over the claims and
    a sort of the falls."""
    falls: list[tuple[date, float, str]] = []
    key = _rules_key()  # once for the cluster, not per figure
    for doc, idx in by_doc.items():
        if any(doc in r for r in revisers.values()):
            continue  # the article names the figure it revised: _revisions judged it
        for i in idx:
            v = numeric_value(claims[i])
            if (claims[i].period != EARLIER_PERIOD and v is not None and cdates[i] is not None
                    and v not in revised_to and _states_fall(claims[i], key)):
                if tops is not None and not _states_fall_word(claims[i], key):
                    tops.add(i)  # a fall for a stated reason: the count starts again that day
                    continue
                falls.append((cdates[i], v, doc))
    if not falls:
        return
    falls.sort(key=lambda f: f[0])
    # lowest fall on or after each day (suffix minimum), with its article
    low: list[tuple[float, str]] = [(0.0, "")] * len(falls)
    best = (float("inf"), "")
    for k in range(len(falls) - 1, -1, -1):
        if falls[k][1] < best[0]:
            best = (falls[k][1], falls[k][2])
        low[k] = best
    days = [f[0] for f in falls]
    for i, c in enumerate(claims):
        v = numeric_value(c)
        if c.period == EARLIER_PERIOD or v is None or cdates[i] is None:
            continue
        k = bisect_left(days, cdates[i])
        if k < len(falls) and v > low[k][0] and c.doc != low[k][1]:
            before.add(i)
