"""Interval arithmetic for claims: satisfiability, widening and the consensus sweep.

A claim's qualifier gives an interval of values it allows ("أكثر من 100" -> (100, 150]).  Counts
are whole numbers, so an interval is first tightened to the integers it contains ((100, 150] ->
[101, 150]); that is what makes "more than 33000" and "about 30000 = [27000, 33000]" disjoint.

Intervals on a line that meet pairwise all share a point (Helly's theorem in one dimension),
so a set of claims is satisfiable exactly when its intersection is non-empty.  The consensus
is the stretch of values that satisfies the most independent sources: a sweep over the
interval ends that counts source groups, not claims.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Hashable, Iterable, Optional, Sequence

from crosscheck.models import Claim, Interval

_INF = math.inf
# crosscheck.reconcile.sums marks a figure that is a part of its article's total so
SUM_PART = "sum_part"


@dataclass(frozen=True, slots=True)
class Span:
    """An interval; None is an unbounded end, `*_open` excludes the end itself."""

    low: Optional[float] = None
    high: Optional[float] = None
    low_open: bool = False
    high_open: bool = False

    # ------------------------------------------------------------------ predicates
    def is_empty(self) -> bool:
        if self.low is None or self.high is None:
            return False
        if self.low < self.high:
            return False
        return self.low > self.high or self.low_open or self.high_open

    def contains(self, x: float) -> bool:
        if self.low is not None and (x < self.low or (self.low_open and x == self.low)):
            return False
        if self.high is not None and (x > self.high or (self.high_open and x == self.high)):
            return False
        return True

    def width(self) -> float:
        if self.low is None or self.high is None:
            return _INF
        return max(0.0, self.high - self.low)

    def midpoint(self) -> Optional[float]:
        if self.low is None and self.high is None:
            return None
        if self.low is None:
            return self.high
        if self.high is None:
            return self.low
        return (self.low + self.high) / 2

    # ------------------------------------------------------------------ operations
    def intersect(self, other: "Span") -> "Span":
        low, low_open = _max_low(self, other)
        high, high_open = _min_high(self, other)
        return Span(low, high, low_open, high_open)

    def integral(self) -> "Span":
        """The whole numbers inside, as a closed span; unchanged if it holds none."""
        low = self.low
        high = self.high
        if low is not None:
            r = round(low, 6)  # 30000 * 0.9 may come out as 27000.000000000004
            low = float(math.floor(r) + 1) if (self.low_open and r == math.floor(r)) else float(
                math.ceil(r)
            )
        if high is not None:
            r = round(high, 6)
            high = float(math.ceil(r) - 1) if (self.high_open and r == math.ceil(r)) else float(
                math.floor(r)
            )
        tightened = Span(low, high, False, False)
        return self if tightened.is_empty() else tightened

    def widen(self, amount: float) -> "Span":
        """Push both finite ends outwards by `amount` (>= 0); the ends become closed."""
        if amount <= 0:
            return self
        return Span(
            None if self.low is None else self.low - amount,
            None if self.high is None else self.high + amount,
            False,
            False,
        )

    def to_model(self) -> Interval:
        return Interval(low=self.low, high=self.high)

    def describe(self) -> str:
        lo = "-inf" if self.low is None else _fmt(self.low)
        hi = "inf" if self.high is None else _fmt(self.high)
        left = "(" if self.low_open or self.low is None else "["
        right = ")" if self.high_open or self.high is None else "]"
        return f"{left}{lo}, {hi}{right}"


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _max_low(a: Span, b: Span) -> tuple[Optional[float], bool]:
    if a.low is None:
        return b.low, b.low_open
    if b.low is None or a.low > b.low:
        return a.low, a.low_open
    if b.low > a.low:
        return b.low, b.low_open
    return a.low, a.low_open or b.low_open


def _min_high(a: Span, b: Span) -> tuple[Optional[float], bool]:
    if a.high is None:
        return b.high, b.high_open
    if b.high is None or a.high < b.high:
        return a.high, a.high_open
    if b.high < a.high:
        return b.high, b.high_open
    return a.high, a.high_open or b.high_open


def numeric_value(claim: Claim) -> Optional[float]:
    """The claim's stated figure as a number, or None (vote positions, bad values)."""
    v = claim.value
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def magnitude(claim: Claim) -> Optional[float]:
    """The size a tolerance is a fraction of: the stated figure, or for a vague quantity the low
    end of what it means ("عشرات" states 10 and means 20..99: 20)."""
    if claim.qualifier == "vague" and claim.low is not None:
        return abs(float(claim.low))
    v = numeric_value(claim)
    return None if v is None else abs(v)


def claim_span(claim: Claim, integral: bool = True) -> Span:
    """The interval a claim allows.  With no bounds at all an exact claim means its value."""
    low, high = claim.low, claim.high
    if low is None and high is None and claim.qualifier == "exact":
        v = numeric_value(claim)
        if v is not None:
            low = high = v
    span = Span(low, high, claim.low_open and low is not None, claim.high_open and high is not None)
    return span.integral() if integral else span


def _after_lead(c: Claim, leads: Sequence[str]) -> bool:
    """Does a lead of `leads` (normalised words, ReconcileConfig.own_part_leads: "بعد وفاة") end
    right before the claim's figure in its sentence ("إلى أربع حالات، بعد وفاة ثلاثة عمال")?
    Reads at most 40 characters before the figure."""
    if not leads or not c.sentence:
        return False
    from crosscheck.text.normalize import normalize

    i = c.sentence.find(c.surface)
    if i <= 0:
        return False
    before = normalize(c.sentence[max(0, i - 40):i]).text.split()
    for lead in leads:
        tail = " ".join(before[-len(lead.split()):])
        if tail in (lead, "و" + lead, "ف" + lead):
            return True
    return False


def own_parts(claims: Sequence[Claim], ratio: float, continuous_kinds: Iterable[str],
              leads: Sequence[str] = ()) -> list[int]:
    """Positions of the claims an article gives beside a much larger one of its own for the
    same day: at most `ratio` (ReconcileConfig.own_part_ratio; 0 turns this off) of the largest
    low bound its article gives that day ("43" beside a toll of 158).  The reconciler judges a
    cluster without them and the inconsistency checks leave them out.  A figure its article gives
    as a part of one of its totals (crosscheck.reconcile.sums: "706 + 181 = 887") is likewise
    set aside below any larger figure of its article and day, and so is a figure told as what
    made a larger figure of its own sentence rise (right after a lead of `leads`: "ارتفع عدد
    الوفيات إلى أربع حالات، بعد وفاة ثلاثة عمال" - the three are the newly counted, a part of
    the four).  A vague plural ("آلاف الأشخاص") is no one's top: it gives an order of magnitude,
    not a count.  None when any claim has no number."""
    if ratio <= 0:
        return []
    continuous = set(continuous_kinds)
    spans = []
    top: dict[tuple, float] = {}
    top_sentence: dict[tuple, float] = {}  # (doc, day, sentence) -> its largest low bound
    for c in claims:
        if numeric_value(c) is None:
            return []
        sp = claim_span(c, c.kind not in continuous)
        spans.append(sp)
        # a vague plural ("آلاف") gives an order of magnitude, no count others are parts of
        if sp.low is not None and sp.low > top.get((c.doc, c.as_of), 0.0) and c.qualifier != "vague":
            top[(c.doc, c.as_of)] = sp.low
        if leads and sp.low is not None:
            # every sentence the article states the figure in (a headline's figure told again in
            # the body beside the rise's cause)
            for sentence in {c.sentence, *(m.sentence for m in c.mentions)}:
                if sp.low > top_sentence.get((c.doc, c.as_of, sentence), 0.0):
                    top_sentence[(c.doc, c.as_of, sentence)] = sp.low
    return [i for i, (c, sp) in enumerate(zip(claims, spans))
            if sp.high is not None and (t := top.get((c.doc, c.as_of)))
            and (sp.high <= ratio * t or (SUM_PART in c.inferred and sp.high < t)
                 or (leads and sp.high < top_sentence.get((c.doc, c.as_of, c.sentence), 0.0)
                     and _after_lead(c, leads)))]


def common(spans: Iterable[Span]) -> Span:
    """The intersection of all spans (Span() - everything - for none)."""
    out = Span()
    for s in spans:
        out = out.intersect(s)
    return out


def agree(spans: Iterable[Span]) -> bool:
    """True when one value satisfies every span."""
    return not common(spans).is_empty()


def gap(a: Span, b: Span) -> float:
    """Distance between two spans (0 when they meet or touch)."""
    if a.high is not None and b.low is not None and a.high < b.low:
        return b.low - a.high
    if b.high is not None and a.low is not None and b.high < a.low:
        return a.low - b.high
    return 0.0


# ---------------------------------------------------------------------- consensus sweep


@dataclass(frozen=True, slots=True)
class Consensus:
    """The best-supported stretch: its span, how many source groups and which items back it."""

    span: Span
    support: int
    members: tuple[int, ...]  # indices into the swept items, ascending
    tied: bool = False  # another stretch, backed by other items, has as many source groups


def _start_key(s: Span) -> tuple[float, int]:
    # (x, 0) = "at x", (x, 1) = "just after x": an open low end starts just after x.
    if s.low is None:
        return (-_INF, 0)
    return (s.low, 1 if s.low_open else 0)


def _stop_key(s: Span) -> tuple[float, int]:
    # The first key NOT covered: a closed high end stops just after x, an open one at x.
    if s.high is None:
        return (_INF, 0)
    return (s.high, 0 if s.high_open else 1)


def sweep(items: Sequence[tuple[Span, Hashable]], check_tie: bool = True) -> Optional[Consensus]:
    """Consensus of (span, source group) items: the stretch covered by the most groups.

    Ties go to the stretch that covers more of each group's claims (summed per group, so a
    story's copies weigh no more than one independent source, and a stretch where every claim
    agrees always wins), then whose claims are less often unbounded, then narrower on average
    (more precise sources), then to the lower values.  `tied` says whether
    another stretch is as well supported (skip that pass with check_tie=False).  Returns None
    when no item allows any value.
    """
    events: list[tuple[tuple[float, int], int, int]] = []
    for i, (span, _group) in enumerate(items):
        if span.is_empty():
            continue
        events.append((_start_key(span), 1, i))
        events.append((_stop_key(span), -1, i))
    if not events:
        return None
    events.sort(key=lambda e: e[0])
    group_size = Counter(g for span, g in items if not span.is_empty())
    # Per group: claims covering the stretch, how many are unbounded, finite widths.  Scores
    # average per group first, so a story's copies weigh what one source weighs.
    cnt: Counter = Counter()
    unb: Counter = Counter()
    fin: Counter = Counter()
    wsum: dict = {}
    support = 0
    covered = unb_share = width_total = 0.0  # sums over the covering groups
    with_width = 0  # covering groups with at least one finite claim
    best: Optional[tuple] = None
    best_key: Optional[tuple[float, int]] = None

    def contribution(g: Hashable) -> tuple[float, float, float, int]:
        c = cnt[g]
        if c <= 0:
            return 0.0, 0.0, 0.0, 0
        f = fin[g]
        return (c / group_size[g], unb[g] / c, (wsum.get(g, 0.0) / f) if f else 0.0,
                1 if f else 0)

    k = 0
    n = len(events)
    while k < n:
        key = events[k][0]
        while k < n and events[k][0] == key:
            _, delta, i = events[k]
            span, group = items[i]
            old = contribution(group)
            before = cnt[group]
            cnt[group] = before + delta
            if before == 0 and delta > 0:
                support += 1
            elif before == 1 and delta < 0:
                support -= 1
            w = span.width()
            if math.isinf(w):
                unb[group] += delta
            else:
                fin[group] += delta
                wsum[group] = wsum.get(group, 0.0) + delta * w
            new = contribution(group)
            covered += new[0] - old[0]
            unb_share += new[1] - old[1]
            width_total += new[2] - old[2]
            with_width += new[3] - old[3]
            k += 1
        if support <= 0:
            continue
        mean_width = width_total / with_width if with_width else 0.0
        score = (support, round(covered, 9), -round(unb_share / support, 9),
                 -round(mean_width, 6))
        if best is None or score > best:
            best, best_key = score, key
    assert best is not None and best_key is not None
    members = tuple(
        i
        for i, (span, _g) in enumerate(items)
        if not span.is_empty() and _start_key(span) <= best_key < _stop_key(span)
    )
    tied = check_tie and _has_rival(items, events, set(members), best[0])
    return Consensus(common(items[i][0] for i in members), best[0], members, tied)


def has_rival(items: Sequence[tuple[Span, Hashable]], result: Consensus) -> bool:
    """Is another stretch backed by as many source groups as `result`?  (No majority.)"""
    events = []
    for i, (span, _group) in enumerate(items):
        if not span.is_empty():
            events.append((_start_key(span), 1, i))
            events.append((_stop_key(span), -1, i))
    events.sort(key=lambda e: e[0])
    return _has_rival(items, events, set(result.members), result.support)


def _has_rival(items, events, members: set[int], support: int) -> bool:
    """Is there a stretch as well supported that some non-member covers?  (No majority.)"""
    per_group: Counter = Counter()
    current = foreign = 0
    k, n = 0, len(events)
    while k < n:
        key = events[k][0]
        while k < n and events[k][0] == key:
            _, delta, i = events[k]
            group = items[i][1]
            before = per_group[group]
            per_group[group] = before + delta
            if before == 0 and delta > 0:
                current += 1
            elif before == 1 and delta < 0:
                current -= 1
            if i not in members:
                foreign += delta
            k += 1
        if current == support and foreign > 0:
            return True
    return False


def categorical_consensus(
    items: Sequence[tuple[frozenset[str], Hashable]],
) -> Optional[tuple[str, int, tuple[int, ...]]]:
    """For set-valued claims (vote positions): the value most source groups allow.

    Returns (value, support, member indices); ties go to the value more claims allow, then
    alphabetically.  None when no item allows anything.
    """
    groups: dict[str, set] = {}
    counts: Counter = Counter()
    for values, group in items:
        for v in values:
            groups.setdefault(v, set()).add(group)
            counts[v] += 1
    if not groups:
        return None
    value = min(groups, key=lambda v: (-len(groups[v]), -counts[v], v))
    members = tuple(i for i, (values, _g) in enumerate(items) if value in values)
    return value, len(groups[value]), members
