"""How a figure was arrived at, from rules/basis.yaml: "count" (a tally), "estimate"
("تقديرات", "يقدر") or "projection" ("قد يرتفع إلى", "يخشى أن يصل").

The cue patterns are matched ONCE per sentence (normalised text); a claim reads the cues of its
own clause before it and up to `after_words` words after it.  A projection cue wins over an
estimate cue.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from crosscheck.ruleset.period_rules import BasisRules, basis_rules, spelled
from crosscheck.text.literals import GateSet, document_gates
from crosscheck.util import regex_cache


class BasisFinder:
    def __init__(self, rules: BasisRules) -> None:
        self.after_words = rules.after_words
        self.patterns = [("projection", regex_cache.compile(spelled(p))) for p in rules.projection] + [
            ("estimate", regex_cache.compile(spelled(p))) for p in rules.estimate
        ] + [("estimate_after", regex_cache.compile(spelled(p))) for p in rules.estimate_after]
        self.gates = GateSet([pat.pattern for _b, pat in self.patterns])

    def hits(self, text: str, lo: int, hi: int, among: tuple[int, ...] | None = None) -> list[tuple[int, int, str]]:
        patterns = self.patterns
        out = [
            (m.start(), m.end(), patterns[k][0])
            for k in self.gates.open_indexes(text, lo, hi, among=among)
            for m in patterns[k][1].finditer(text, lo, hi)
        ]
        return sorted(out)


@lru_cache(maxsize=8)
def finder_for(directory: str) -> BasisFinder:
    return BasisFinder(basis_rules(directory))


def clause_window(ctx, s_lo: int, s_hi: int, c_lo: int, c_hi: int, after_words: int) -> tuple[int, int, int]:
    """(clause start, sentence start, limit after the claim) in normalised offsets: the claim's
    clause starts at the break before it; the limit is `after_words` words on, in its clause."""
    toks = ctx.tokens(s_lo, s_hi)
    if not toks:
        return s_lo, s_lo, c_hi
    info = ctx.info(toks)
    tstarts = info.starts
    first = max(bisect_right(tstarts, c_lo) - 1, 0)
    last = max(bisect_left(tstarts, c_hi) - 1, first)
    clause_lo = toks[info.clause_start(first)].nstart
    end_tok = min(info.clause_end(last + 1), last + 1 + after_words)
    limit = toks[end_tok - 1].nend if end_tok - 1 > last else c_hi
    return clause_lo, toks[0].nstart, limit


def sentence_hits(ctx, name: str, finder, s_lo: int, s_hi: int) -> list[tuple[int, int, str]]:
    cache = ctx.__dict__.setdefault(name, {})
    found = cache.get((s_lo, s_hi))
    if found is None:
        # (only the patterns the document can match: their gates read once per document)
        among = document_gates(ctx.__dict__.setdefault("_open_gates", {}), finder.gates, ctx.text, s_lo, s_hi)
        found = cache[(s_lo, s_hi)] = finder.hits(ctx.text, s_lo, s_hi, among)
    return found


def basis_near(ctx, s_lo: int, s_hi: int, c_lo: int, c_hi: int) -> str:
    finder = finder_for(ctx.rules.directory)
    hits = sentence_hits(ctx, "_basis_hits", finder, s_lo, s_hi)
    if not hits:
        return "count"
    clause_lo, _, limit = clause_window(ctx, s_lo, s_hi, c_lo, c_hi, finder.after_words)
    # the cues before the claim in its clause, and the estimate_after cues in its window after
    # it: looked up by bisection in the starts of each kind of cue (one list per sentence), so
    # a sentence of many cues and many figures stays linear
    at = _starts_by_basis(ctx, s_lo, s_hi, hits)
    if _any_in(at.get("projection"), clause_lo, c_hi):
        return "projection"
    if _any_in(at.get("estimate"), clause_lo, c_hi) or _any_in(at.get("estimate_after"), c_hi, limit):
        return "estimate"
    return "count"


def _starts_by_basis(ctx, s_lo: int, s_hi: int, hits) -> dict[str, list[int]]:
    cache = ctx.__dict__.setdefault("_basis_starts", {})
    found = cache.get((s_lo, s_hi))
    if found is None:
        found = cache[(s_lo, s_hi)] = {}
        for s, _e, b in hits:  # hits are sorted: each list is too
            found.setdefault(b, []).append(s)
    return found


def _any_in(starts: list[int] | None, lo: int, hi: int) -> bool:
    """Does a start fall in [lo, hi)?"""
    if not starts:
        return False
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi
