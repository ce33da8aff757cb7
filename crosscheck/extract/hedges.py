"""Hedges ("نحو", "أكثر من", "على الأقل" …) and the intervals they imply.

The lexicon and tolerances live in rules/hedges.yaml; this module only interprets them.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import Sequence

from crosscheck.util.memo import per_object
from crosscheck.text.lexicon import Phrase, PhraseSet
from crosscheck.ruleset.loader import HedgeRules, Tolerance
from crosscheck.text.tokens import Token


@dataclass(frozen=True, slots=True)
class Bounds:
    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False


class HedgeLexicon:
    def __init__(self, rules: HedgeRules) -> None:
        self.rules = rules
        self.before = PhraseSet(
            Phrase.parse(p, q) for q, phrases in rules.before.items() for p in phrases
        )
        self.after = PhraseSet(Phrase.parse(p, q) for q, phrases in rules.after.items() for p in phrases)
        self.fillers = PhraseSet.of(rules.fillers)

    def find_before(self, tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
        """Qualifier written just before token i, and the index where the hedge starts.

        A filler preposition may stand between ("ما يقارب عن مائة ألف"), and hedges stack
        ("ما يقدر بنحو 200"): the qualifier is the one nearest the number.
        """
        if i > 0 and tokens[i].brk_before:
            return None
        hit = self.before.ending_at(tokens, i)
        if hit is None and i > 0:
            filler = self.fillers.ending_at(tokens, i)
            if filler is not None and not tokens[filler[1]].brk_before:
                hit = self.before.ending_at(tokens, filler[1])
        if hit is None:
            return None
        qualifier, start = str(hit[0].payload), hit[1]
        # Stacked hedges widen the surface but keep the nearest qualifier.
        for _ in range(2):
            if start == 0 or tokens[start].brk_before:
                break
            outer = self.before.ending_at(tokens, start)
            if outer is None:
                break
            start = outer[1]
        return qualifier, start

    def find_after(self, tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
        """Qualifier written right after token j-1 (after the counted noun), and its end index."""
        if j >= len(tokens) or tokens[j].brk_before:
            return None
        hit = self.after.at(tokens, j)
        if hit is None:
            return None
        return str(hit[0].payload), hit[1]


@per_object
def lexicon_for(rules: HedgeRules) -> HedgeLexicon:
    return HedgeLexicon(rules)


def significant_digits(value: float) -> int:
    """Significant digits of a count: 30000 -> 1, 32000 -> 2, 32417 -> 5; decimals count all."""
    v = abs(value)
    if v != int(v):
        return 6
    s = str(int(v)).rstrip("0")
    return max(len(s), 1)


def trailing_zeros(value: float) -> int:
    v = abs(value)
    if v != int(v) or v == 0:
        return 0
    s = str(int(v))
    return len(s) - len(s.rstrip("0"))


def _pick(tol: Tolerance, value: float) -> float:
    n = significant_digits(value)
    return tol.sig1 if n == 1 else tol.sig2 if n == 2 else tol.sig3 if n == 3 else tol.rest


def interval(
    value: float, qualifier: str, rules: HedgeRules, vague: tuple[float, float] | None = None
) -> Bounds:
    """The interval a hedged figure stands for (see rules/hedges.yaml for the reasoning)."""
    if qualifier == "vague" and vague is not None:
        return Bounds(vague[0], vague[1])
    if qualifier == "exact":
        if trailing_zeros(value) >= rules.round_trailing_zeros:
            w = value * _pick(rules.exact_round, value)
            return Bounds(value - w, value + w)
        return Bounds(value, value)
    if qualifier == "approx":
        w = max(value * _pick(rules.approx, value), 1.0)
        return Bounds(value - w, value + w)
    span = _pick(rules.more_than, value)
    if qualifier == "more_than":
        return Bounds(value, value * (1 + span), low_open=True)
    if qualifier == "at_least":
        return Bounds(value, value * (1 + span))
    if qualifier == "less_than":
        return Bounds(value / (1 + span), value, high_open=True)
    if qualifier == "at_most":
        return Bounds(value / (1 + span), value)
    return Bounds(value, value)
