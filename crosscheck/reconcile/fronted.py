"""A place an article fronts as a side topic lends its place to none of the article's figures.

"وفي بلجيكا المجاورة، أعلنت السلطات مقتل ستة أشخاص" / "أما في بلجيكا فارتفعت الحصيلة إلى 27": a
sentence opened by "وفي <place>" or "أما في <place>" turns to another place than the article's;
its figure is that place's, and the article's figures at no place are not (they keep the place
the rest of the article gives, or none).  Rules: rules/hierarchy.yaml `fronted_place_openers`.
Cost: one gazetteer scan of the opening words (the first _HEAD_CHARS characters, normalised) of
each distinct sentence asked about.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from crosscheck.models import Claim
from crosscheck.text.normalize import normalize
from crosscheck.util import regex_cache


@lru_cache(maxsize=8)
def _opener_at(directory: str) -> Optional["regex.Pattern"]:
    from crosscheck.ruleset.loader import load_rules

    words = load_rules(directory).hierarchy.fronted_place_openers
    if not words:
        return None
    forms = sorted({normalize(w).text for w in words}, key=regex_cache.longest_first)
    return regex_cache.compile(r"\s*(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in forms) + r")\s+")


def _opener() -> Optional["regex.Pattern"]:
    from crosscheck.ruleset.resources import resolved, rules_dir

    # asked for every claim with a stated place (context filling): the directory is resolved
    # once per process when absolute (`Path.resolve` was most of this function's cost)
    return _opener_at(resolved(rules_dir()))


# characters of a sentence's start normalised to find its opener and place (the opener and the
# 40-character window after it with room for tashkeel that normalising drops)
_HEAD_CHARS = 300


@lru_cache(maxsize=4096)
def fronted_place(sentence: str) -> Optional[str]:
    """The place a sentence fronts ("وفي بلجيكا، …" -> "belgium"), or None."""
    op = _opener()
    if op is None or not sentence:
        return None
    # only the opening words are read: the opener, then a place within 40 characters of it
    text = normalize(sentence[:_HEAD_CHARS]).text
    m = op.match(text)
    if m is None:
        return None
    from crosscheck.reconcile.story_places import _gazetteer

    found = _gazetteer().mentions(text, m.end(), min(len(text), m.end() + 40))
    if not found or found[0].start != m.end() or found[0].adjective:
        return None
    return found[0].place.id


def fronted_aside(c: Claim) -> bool:
    """Is the claim's stated place the one its sentence fronts as a side topic?"""
    return bool(c.location) and "location" not in c.inferred and fronted_place(c.sentence or "") == c.location
