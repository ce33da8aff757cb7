"""A figure whose place the article singles out ("في إقليم إيراوادي وحده بلغ 10 آلاف"): the word
"وحده"/"وحدها" (rules/hierarchy.yaml `alone`) within `ALONE_WORDS` words of the figure in its
sentence, with no other number between.  Shared by crosscheck.reconcile.hierarchy (a part set
against the story's whole) and crosscheck.reconcile.grouping (a country beside its one region
stays the whole when the region is singled out).  Bounded work: the words around the figure."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from crosscheck.text.normalize import normalize_word
from crosscheck.util import regex_cache

# How near a figure "وحده" singles it out.
ALONE_WORDS = 5


def alone_pattern(words) -> Optional[regex.Pattern]:
    """The pattern of the rule's words (normalised), or None when there are none."""
    alone_words = sorted({normalize_word(w) for w in words}, key=regex_cache.longest_first)
    return regex_cache.compile(r"(?<!\w)(?:" + "|".join(regex.escape(w) for w in alone_words) + r")(?!\w)") \
        if alone_words else None


@lru_cache(maxsize=8)
def _pattern_at(directory: str) -> Optional[regex.Pattern]:
    from crosscheck.ruleset.loader import load_rules

    return alone_pattern(load_rules(directory).hierarchy.alone)


def rules_alone_pattern() -> Optional[regex.Pattern]:
    """The pattern of the rules directory in force (cached)."""
    from crosscheck.ruleset.resources import rules_dir

    return _pattern_at(str(rules_dir().resolve()))


def alone_near(c, alone: Optional[regex.Pattern]) -> bool:
    """Does a word of `alone` stand within `ALONE_WORDS` words of the claim's figure in its
    sentence, with no other number between ("إقليم إيراوادي وحده بلغ 24 ألفا")?"""
    if alone is None or not c.sentence or not c.surface:
        return False
    from crosscheck.reconcile.dating import find_whole

    i = find_whole(c.sentence, c.surface)
    if i < 0:
        return False
    before = c.sentence[max(0, i - 30 * ALONE_WORDS):i].split()[-ALONE_WORDS:]
    after = c.sentence[i + len(c.surface):i + len(c.surface) + 30 * ALONE_WORDS].split()[:ALONE_WORDS]
    for words in (list(reversed(before)), after):
        for w in words:
            if any(ch.isdigit() for ch in w):
                break
            if alone.fullmatch(normalize_word(w).strip("،,.:؛")):
                return True
    return False
