"""Figures an article tells as a stage of a rising total (crosscheck.reconcile.reconciler).

"ارتفعت حصيلة القتلى إلى 36", "في حصيلة جديدة", "حتى الآن", "وكانت حصيلة سابقة قد أشارت إلى
70", "في وقت سابق": the article itself says its figure is one stage of a count still moving (or
an earlier stage it recalls).  Undated figures of such a story, from different outlets, are
successive stages - growth, not a contradiction; and an article that gives an earlier stage
beside its latest figure tells a growth, it does not disagree with itself.  Words and phrases
come from rules/periods.yaml `rise_words` and `earlier_stage_words` (ordinary spelling; a word matches whole, with و/ف
or ب/ل in front).  Cost: one pass over a sentence's words, once per distinct sentence.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Optional, Sequence

from crosscheck.models import Claim
from crosscheck.reconcile.intervals import Span, numeric_value

from crosscheck.text.normalize import normalize_sentence, normalize_word


@lru_cache(maxsize=8)
def _phrases(directory: str, which: str) -> tuple[frozenset[str], dict[str, list[tuple[str, ...]]]]:
    """(single words, first word -> the rest of each longer phrase)."""
    from crosscheck.ruleset.period_rules import period_rules

    single: set[str] = set()
    longer: dict[str, list[tuple[str, ...]]] = {}
    for p in getattr(period_rules(directory), which):
        words = tuple(normalize_word(w) for w in p.split())
        if len(words) == 1:
            single.add(words[0])
        elif words:
            longer.setdefault(words[0], []).append(words[1:])
    return frozenset(single), longer


def _forms(w: str) -> tuple[str, ...]:
    if len(w) > 3 and w[0] in "وفبل":
        return (w, w[1:])
    return (w,)


def _rules_key() -> str:
    """The rules directory in force, absolute (`resources.resolved`: resolved once per process
    when absolute; a `Path.resolve` for every new sentence was most of a short sentence's cost)."""
    from crosscheck.ruleset.resources import resolved, rules_dir

    return resolved(rules_dir())


@lru_cache(maxsize=4096)
def _tells(sentence: str, which: str, key: str) -> bool:
    """tells_running for the rules directory `key` (part of the cache key: another rules
    directory in the same process reads the sentence again)."""
    single, longer = _phrases(key, which)
    words = normalize_sentence(sentence).text.split()
    for k, w in enumerate(words):
        for f in _forms(w):
            if f in single:
                return True
            for rest in longer.get(f, ()):
                if tuple(words[k + 1:k + 1 + len(rest)]) == rest:
                    return True
    return False


def tells_running(sentence: str, which: Optional[str] = None) -> bool:
    """Does the sentence tell its figure as a stage of a rising total: a rise, a new or so-far
    toll (`rise_words`) or an earlier stage (`earlier_stage_words`)?  `which` asks for one."""
    if not sentence:
        return False
    key = _rules_key()
    if which is not None:
        return _tells(sentence, which, key)
    return _tells(sentence, "rise_words", key) or _tells(sentence, "earlier_stage_words", key)


def tells_growth(told: Sequence[tuple[Span, Claim]]) -> bool:
    """One article's differing figures of one quantity are stages of a growth it tells when
    its highest figure is told as a rise ("ارتفعت الحصيلة إلى 147": the lower ones came
    before it, `rise_words`) or every figure below it is told as an earlier stage ("وكانت
    حصيلة سابقة قد أشارت إلى 70", `earlier_stage_words`).  Two figures side by side with
    neither ("41 according to one group, 150 according to another") stay a disagreement."""
    if len(told) < 2:
        return False

    def low(s: Span) -> float:
        return -math.inf if s.low is None else s.low

    top_span, top = max(told, key=lambda t: low(t[0]))
    if tells_running(top.sentence or "", "rise_words"):
        return True
    lower = [c for s, c in told if low(s) < low(top_span)]
    # figures level with the highest ("1" beside "more than 1") are no earlier stage of it
    return bool(lower) and all(tells_running(c.sentence or "", "earlier_stage_words") for c in lower)


def stage_groups(claims: Sequence[Claim], cdates: Sequence, groups: Sequence[str]) -> list[str]:
    """The sources a running total's fit sits undated figures at (crosscheck.reconcile.trajectory:
    an undated source's figures share one unknown moment).  An undated article's figures share
    its moment, except those of a sentence that tells a succession of the count's figures
    ("وذكّرت بأن الحصيلة كانت 212 مساء الأحد قبل أن ترتفع إلى 240": two figures of the cluster
    and a rise or earlier-stage word): a recap of earlier moments, each at a moment of its own,
    not two figures the article gives at once.  One pass over the claims; each distinct sentence
    is read once (`tells_running` is cached)."""
    values: dict[tuple, set] = {}
    for c, d in zip(claims, cdates):
        if d is None and not c.as_of and c.sentence:
            values.setdefault((c.doc, c.sentence), set()).add(numeric_value(c))
    return [f"{g}#stage{i}" if d is None and not c.as_of and c.sentence
            and len(values.get((c.doc, c.sentence), ())) > 1 and tells_running(c.sentence) else g
            for i, (g, d, c) in enumerate(zip(groups, cdates, claims))]
