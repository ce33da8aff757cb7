"""Why a cluster conflicts, and how badly: cause classification and severity.

Causes, tried in the order `cause_order` of rules/reconcile.yaml (first match wins):
  reporting_lag    the outliers come from other dates than the consensus;
  hedge_rounding   widening the hedged intervals (and round exact figures) a little makes
                   every compared claim agree;
  likely_typo      an outlier and a consensus figure differ by a digit pattern: adjacent digits
                   swapped (32417/32471), an extra or dropped zero (3000/30000), one digit off;
  different_scope  an outlier comes from the same article as a consensus figure, its scope was
                   inferred or guessed, the consensus rests only on such claims, or the
                   outliers' place/group was only fuzzy-matched to the consensus;
  disagreement     none of the above.
Severity is the relative gap between each outlier and the consensus range: from the centre of the
outlier's own interval to the nearest consensus value, |a - b| / max(|a|, |b|), the largest over
outliers (0..1); a factual (vote position) contradiction is 1.
"""

from __future__ import annotations

from functools import lru_cache

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Optional

from crosscheck.reconcile.intervals import Span, agree, magnitude, numeric_value
from crosscheck.models import Claim
from crosscheck.reconcile.settings import ReconcileConfig


@dataclass
class Judged:
    """A conflict as the reconciler decided it: what the cause tests look at."""

    claims: list[Claim]
    spans: list[Optional[Span]]  # as compared (None = not compared at the reference date)
    dates: list[Optional[date]]
    outliers: list[int]
    supporters: list[int]
    uncertain: list[bool] = field(default_factory=list)  # scope inferred / guessed
    variants: list[dict[str, Optional[str]]] = field(default_factory=list)  # fuzzy attr forms
    categorical: bool = False
    stated: list[Optional[Span]] = field(default_factory=list)  # each claim's own interval
    consensus: Optional[Span] = None


# ---------------------------------------------------------------------- digit patterns


def _significant(s: str) -> int:
    return len(s.rstrip("0"))


def digit_typo(a: int, b: int, cfg: ReconcileConfig) -> Optional[str]:
    """How `a` and `b` look like one figure mistyped, or None."""
    if a == b or max(abs(a), abs(b)) < cfg.typo_min_value:
        return None
    sa, sb = str(abs(a)), str(abs(b))
    if len(sa) == len(sb):
        diff = [i for i in range(len(sa)) if sa[i] != sb[i]]
        if (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and sa[diff[0]] == sb[diff[1]]
            and sa[diff[1]] == sb[diff[0]]
            and min(_significant(sa), _significant(sb)) >= 2
        ):
            return "adjacent digits swapped"
        if len(diff) == 1 and min(_significant(sa), _significant(sb)) >= cfg.typo_min_significant_digits:
            return "one digit off"
        return None
    longer, shorter = (sa, sb) if len(sa) > len(sb) else (sb, sa)
    if len(longer) == len(shorter) + 1:
        for i, ch in enumerate(longer):
            if ch == "0" and longer[:i] + longer[i + 1 :] == shorter:
                return "a zero dropped or added"
    return None


def typo_variants(a: int, cfg: ReconcileConfig) -> set[int]:
    """Every figure `digit_typo` pairs with `a` (adjacent digits swapped, one digit off, a zero
    dropped or added): O(digits) candidates, so a figure is matched against a set of others
    by look-ups rather than by comparing every pair."""
    sa = str(abs(a))
    cands: set[str] = set()
    for i in range(len(sa) - 1):
        cands.add(sa[:i] + sa[i + 1] + sa[i] + sa[i + 2:])
    for i in range(len(sa)):
        for ch in "0123456789":
            cands.add(sa[:i] + ch + sa[i + 1:])
        if sa[i] == "0":
            cands.add(sa[:i] + sa[i + 1:])
    for i in range(len(sa) + 1):
        cands.add(sa[:i] + "0" + sa[i:])
    out = set()
    for c in cands:
        if c and c[0] != "0":
            b = int(c) if a >= 0 else -int(c)
            if digit_typo(a, b, cfg) is not None:
                out.add(b)
    return out


def _as_int(claim: Claim) -> Optional[int]:
    v = numeric_value(claim)
    if v is None or not float(v).is_integer():
        return None
    return int(v)


# ---------------------------------------------------------------------- the tests


def _widen_fraction(claim: Claim, cfg: ReconcileConfig) -> float:
    if claim.qualifier in cfg.hedged_qualifiers:
        return cfg.hedge_widen
    v = _as_int(claim)
    if v is not None and v != 0:
        s = str(abs(v))
        if len(s) - len(s.rstrip("0")) >= cfg.round_min_trailing_zeros:
            return cfg.rounding_widen
    return 0.0


def _hedge_rounding(j: Judged, cfg: ReconcileConfig) -> Optional[str]:
    if j.categorical:
        return None
    widened = []
    for c, s in zip(j.claims, j.spans):
        if s is None:
            continue
        v = magnitude(c)
        mid = s.midpoint()
        scale = v if v is not None else abs(mid or 0.0)
        widened.append(s.widen(_widen_fraction(c, cfg) * scale))
    if widened and agree(widened):
        return (f"widening hedges by {cfg.hedge_widen:.0%} and round figures by "
                f"{cfg.rounding_widen:.0%} makes them agree")
    return None


def _likely_typo(j: Judged, cfg: ReconcileConfig) -> Optional[str]:
    """The first (outlier, supporter) pair, in order, whose figures look like one mistyped.
    Each distinct pair of figures is tried once: a repeated figure gives the answer its first
    occurrence gave (None, or it was returned), so outliers x supporters become distinct
    figures x distinct figures (a running total of thousands of claims repeats its figures)."""
    supporting: list[int] = []
    seen: set[int] = set()
    for s in j.supporters:
        b = _as_int(j.claims[s])
        if b is not None and b not in seen:
            seen.add(b)
            supporting.append(b)
    tried: set[int] = set()
    for o in j.outliers:
        a = _as_int(j.claims[o])
        if a is None or a in tried:
            continue
        tried.add(a)
        for b in supporting:
            how = digit_typo(a, b, cfg)
            if how:
                return f"{a} vs {b}: {how}"
    return None


def _reporting_lag(j: Judged, cfg: ReconcileConfig) -> Optional[str]:
    involved = j.outliers + j.supporters
    if not involved or any(j.dates[i] is None for i in involved):
        return None
    out_dates = {j.dates[i] for i in j.outliers}
    sup_dates = {j.dates[i] for i in j.supporters}
    if out_dates & sup_dates:
        return None
    fmt = lambda ds: ", ".join(sorted(d.isoformat() for d in ds if d))  # noqa: E731
    return f"outliers dated {fmt(out_dates)}, consensus dated {fmt(sup_dates)}"


def _different_scope(j: Judged, cfg: ReconcileConfig) -> Optional[str]:
    sup_docs = {j.claims[i].doc for i in j.supporters}
    for o in j.outliers:
        if j.claims[o].doc in sup_docs:
            # an article rarely contradicts itself: two figures in one text are two quantities
            return f"{j.claims[o].doc} itself gives both figures; they likely count different things"
    if j.uncertain:
        if any(j.uncertain[i] for i in j.outliers):
            return "an outlier's scope was inferred from context, not stated"
        if j.supporters and all(j.uncertain[i] for i in j.supporters):
            return "the consensus rests on claims whose scope was inferred"
    if j.variants:
        for attr in sorted({a for v in j.variants for a in v}):
            sup = {j.variants[i].get(attr) for i in j.supporters}
            odd = {j.variants[i].get(attr) for i in j.outliers} - sup
            odd.discard(None)
            if odd:
                return f"{attr} differs ({', '.join(sorted(odd))}); matched only fuzzily"
    return None


CAUSE_TESTS: dict[str, Callable[[Judged, ReconcileConfig], Optional[str]]] = {
    "hedge_rounding": _hedge_rounding,
    "likely_typo": _likely_typo,
    "reporting_lag": _reporting_lag,
    "different_scope": _different_scope,
}


def classify(j: Judged, cfg: ReconcileConfig) -> tuple[str, str]:
    """(cause, one-line explanation) for a conflict."""
    for name in cfg.cause_order:
        why = CAUSE_TESTS[name](j, cfg)
        if why:
            return name, why
    return "disagreement", "the sources give incompatible figures"


def severity(j: Judged) -> float:
    """Relative gap between the outliers and the consensus (0..1; 1 for vote positions).

    For each outlier: the distance from the centre of its own interval ("more than 33000" =
    (33000, 39600] centres on 36300) to the consensus range, over the larger magnitude of the two
    points; the worst outlier counts.
    """
    if j.categorical:
        return 1.0
    if j.consensus is None:
        return 0.0
    worst = 0.0
    for o in j.outliers:
        own = j.stated[o] if j.stated else j.spans[o]
        a = own.midpoint() if own is not None else None
        if a is None:
            a = numeric_value(j.claims[o])
        if a is None:
            continue
        b = _nearest(j.consensus, a)
        denom = max(abs(a), abs(b))
        worst = max(worst, abs(a - b) / denom if denom else 0.0)
    return round(worst, 4)


def _nearest(span: Span, x: float) -> float:
    if span.low is not None and x < span.low:
        return span.low
    if span.high is not None and x > span.high:
        return span.high
    return x


# ---------------------------------------------------------------------- strength


def stretched(claim: Claim, span: Optional[Span], cfg: ReconcileConfig) -> Optional[Span]:
    """The claim read as loosely as its words allow: "more than 100" is any figure above 100,
    "about 200" is 200 give or take `soft_approx_stretch`, a round figure may be rounded.

    A conflict that vanishes under this reading is soft (it needs a hedge stretched past its
    pragmatic tolerance); one that survives it is hard.
    """
    if span is None:
        return None
    q = claim.qualifier
    v = magnitude(claim)
    scale = v if v is not None else abs(span.midpoint() or 0.0)
    if q in ("more_than", "at_least"):
        return Span(span.low, None, span.low_open, False)
    if q in ("less_than", "at_most"):
        return Span(None, span.high, False, span.high_open)
    slack = cfg.counting_slack.get(claim.kind, 0.0)  # "33 days" counted without its first day
    if q in cfg.hedged_qualifiers:
        # "about six weeks": a hedged figure told in a coarser unit may be off by one unit
        slack = max(slack, unit_slack(claim.kind, claim.surface, cfg))
        return span.widen(max(max(cfg.soft_approx_stretch, cfg.hedge_widen) * scale, slack))
    return span.widen(max(_widen_fraction(claim, cfg) * scale, slack))


def unit_slack(kind: str, surface: str, cfg: ReconcileConfig) -> float:
    """The largest unit (`unit_slack`) whose word the surface of a claim of `kind` names, in
    the kind's own unit ("نحو ستة أسابيع": 7 days); 0 when it names none."""
    words = cfg.unit_slack.get(kind)
    if not words or not surface:
        return 0.0
    from crosscheck.text.normalize import normalize_word

    table = _unit_words(tuple(sorted(words.items())))
    return max((table.get(normalize_word(w), 0.0) for w in surface.split()), default=0.0)


@lru_cache(maxsize=32)
def _unit_words(items: tuple) -> dict[str, float]:
    from crosscheck.text.normalize import normalize_word

    return {normalize_word(w): float(v) for w, v in items}
