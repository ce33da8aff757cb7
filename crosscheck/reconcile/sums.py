"""Figures an article gives as the parts of another of its figures: "706 + 181 = 887".

    mark_sum_parts(claims) -> claims, each summand marked (`SUM_PART` in `inferred`)

An article that states a total and the figures it is made of ("the deal covers 887 prisoners:
the government frees 706, the group 181"; "41 in one mosque, 7 in the other and one in
hospital" beside "49 killed"; "920 militants, 165 soldiers and 47 civilians, more than 1,100")
does not disagree with itself when grouping puts a part beside the total, or two parts of one
total in one cluster: the parts are parts.  Such a figure is one of two or three figures of its
article (same kind, same day) whose sum the interval of a larger figure of that article holds
(an exact total: the sum itself; "أكثر من 1100": any sum above 1,100).  A figure stated twice
in one sentence ("35 مقابل 35", "35 from each side") counts twice: beside an exact figure of the
article twice as large, it is that total's two equal parts.

The reconciler then sets a marked figure aside in a cluster where its article gives a larger
figure for the same day (crosscheck.reconcile.intervals.own_parts): it is not compared there,
and never an outlier.  A part that is its article's largest figure in its cluster (the 242 of
one country beside the 381 of two, in the country's cluster) stays compared.

Only additive counts are read (not votes, numbers of resolutions or days); the parts must be
stated exactly, each smaller than the total.  Cost: per article, day and kind, pairs of its
figures (and triples when it gives at most `TRIPLES_MAX`), against a set of its totals' values:
an article of many figures of one kind (more than `PAIRS_MAX`) is not read.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from crosscheck.models import Claim
from crosscheck.reconcile.hierarchy import ADDITIVE_KINDS
from crosscheck.reconcile.intervals import SUM_PART, Span, claim_span, numeric_value
PAIRS_MAX = 40
TRIPLES_MAX = 14


def is_sum_part(c: Claim) -> bool:
    return SUM_PART in c.inferred


def mark_sum_parts(claims: Sequence[Claim]) -> list[Claim]:
    """`claims` with each figure that adds up, with one or two others of its article, to a
    larger figure of that article marked (see the module docstring); the others unchanged."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.kind in ADDITIVE_KINDS and c.basis != "projection" and numeric_value(c) is not None:
            buckets[(c.doc, c.kind, c.as_of)].append(i)
    marked: set[int] = set()
    for idx in buckets.values():
        if 3 <= len(idx) <= PAIRS_MAX:
            marked.update(_parts(claims, idx))
        if 2 <= len(idx) <= PAIRS_MAX:
            marked.update(_doubled_parts(claims, idx))
    if not marked:
        return list(claims)
    return [c.model_copy(update={"inferred": list(c.inferred) + [SUM_PART]})
            if i in marked and not is_sum_part(c) else c for i, c in enumerate(claims)]


def _stated_twice(c: Claim) -> bool:
    """Does the article state the figure twice in one sentence of its body ("35 مقابل 35",
    "أفرجت موسكو عن 35 ... فيما سلمت كييف 35")?"""
    seen: dict[str, set[int]] = defaultdict(set)
    for m in c.mentions:
        if m.field == "text" and m.sentence:
            seen[m.sentence].add(m.start)
    return any(len(starts) > 1 for starts in seen.values())


def _doubled_parts(claims: Sequence[Claim], idx: list[int]) -> set[int]:
    """A figure its article states twice in one sentence, beside an exact figure of the article
    twice as large: two equal parts of that total ("35 مقابل 35" and "70 in all")."""
    totals = {spans.low for i in idx
              if (spans := claim_span(claims[i])).low is not None and spans.low == spans.high}
    out: set[int] = set()
    for i in idx:
        c = claims[i]
        sp = claim_span(c)
        if (c.qualifier == "exact" and sp.low is not None and sp.low == sp.high and sp.low > 0
                and 2 * sp.low in totals and _stated_twice(c)):
            out.add(i)
    return out


def _parts(claims: Sequence[Claim], idx: list[int]) -> set[int]:
    spans = {i: claim_span(claims[i]) for i in idx}
    round_hits: set[int] = set()
    exact = sorted((spans[i].low, i) for i in idx
                   if spans[i].low is not None and spans[i].low == spans[i].high and spans[i].low > 0)
    # a round figure stated without a hedge ("300 أسير") reads as an interval (it may be rounded),
    # but as a part it adds its stated value - when the sum is an exact total of the article
    # ("243 + 300 = 543"), never merely inside a hedged or round one
    stated = {i for _v, i in exact}
    round_parts = sorted((float(numeric_value(claims[i])), i) for i in idx
                         if i not in stated and claims[i].qualifier == "exact"
                         and (numeric_value(claims[i]) or 0) > 0)
    if round_parts:
        exact_totals = {spans[i].low: i for i in idx
                        if spans[i].low is not None and spans[i].low == spans[i].high}
        pool = exact + round_parts
        for va, ia in round_parts:
            for vb, ib in pool:
                t = exact_totals.get(va + vb)
                if ib != ia and t is not None and t not in (ia, ib):
                    round_hits.update((ia, ib))
    totals = [(spans[i], i) for i in idx if spans[i].low is not None or spans[i].high is not None]
    out: set[int] = set(round_hits)

    lows_of = {i: v for v, i in exact}

    def held(total: tuple[Span, int], s: float, members: tuple[int, ...]) -> bool:
        """The total's interval holds the sum, and every part is below the total."""
        span, t = total
        floor = span.low if span.low is not None else s
        return t not in members and all(lows_of[m] < floor for m in members) and span.contains(s)

    for total in totals:
        span, t = total
        cap = span.high if span.high is not None else None
        for a in range(len(exact)):
            va, ia = exact[a]
            if ia == t or (cap is not None and va >= cap):
                continue
            # pairs: the second part at or above the first (each pair once)
            for b in range(a + 1, len(exact)):
                vb, ib = exact[b]
                if ib == t:
                    continue
                s = va + vb
                if cap is not None and s > cap:
                    break
                if held(total, s, (ia, ib)):
                    out.update((ia, ib))
            if len(exact) > TRIPLES_MAX:
                continue
            for b in range(a + 1, len(exact)):
                vb, ib = exact[b]
                if ib == t:
                    continue
                if cap is not None and va + vb > cap:
                    break
                for c in range(b + 1, len(exact)):
                    vc, ic = exact[c]
                    if ic == t:
                        continue
                    s = va + vb + vc
                    if cap is not None and s > cap:
                        break
                    if held(total, s, (ia, ib, ic)):
                        out.update((ia, ib, ic))
    return out
