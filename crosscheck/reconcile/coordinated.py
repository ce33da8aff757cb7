"""A figure stated for two places joined by "و" ("نحو 200 قتيل في ألمانيا وبلجيكا", "قتل 40 شخصا
في كل من تشاد والنيجر"): a combined figure of those places, like one "في البلدين".

The words that bring in the places are rules/hierarchy.yaml `coordinated_place_openers`; the
places are read with the gazetteer, and each is taken at its top place (country).  Cost: one
gazetteer scan of the few words after each figure asked about (within its clause).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Optional

import regex

from crosscheck.text.normalize import normalize, normalized_text
from crosscheck.util import regex_cache

_CLAUSE_END = regex_cache.compile(r"[،,؛;.!?؟\n:]")
_AND = regex_cache.compile(r"\s+و")
# how far after the figure's words the places may stand (characters of the original text)
REACH = 60


@lru_cache(maxsize=8)
def opener_pattern(words: tuple[str, ...]) -> Optional["regex.Pattern"]:
    """The words bringing in the places, right after the figure ("في", "في كل من")."""
    forms = sorted({normalize(w).text.strip() for w in words if w.strip()}, key=regex_cache.longest_first)
    if not forms:
        return None
    return regex_cache.compile(r"\s*(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in forms) + r")\s+")


def coordinated_places(after: str, opener: Optional["regex.Pattern"], gaz, root: Callable[[str], str]) -> Optional[list[str]]:
    """The top places of the two or more places joined by "و" that `after` (the text right after
    a figure's words) opens with, or None.  "في ألمانيا وبلجيكا" -> ["belgium", "germany"]."""
    if opener is None or not after:
        return None
    cut = _CLAUSE_END.search(after)
    snippet = normalized_text(after[:cut.start()] if cut else after)
    m = opener.match(snippet)
    if m is None:
        return None
    found = gaz.mentions(snippet, m.end())
    if len(found) < 2 or found[0].start != m.end():
        return None
    chain = [found[0]]
    for x in found[1:]:
        if not _AND.fullmatch(snippet[chain[-1].end:x.start]):
            break
        chain.append(x)
    if len(chain) < 2 or any(x.adjective for x in chain):
        return None
    roots = sorted({root(x.place.id) for x in chain})
    return roots if len(roots) == len(chain) else None
