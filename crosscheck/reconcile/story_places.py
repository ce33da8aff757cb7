"""The countries a claim's own sentence names (crosscheck.reconcile.grouping.join_moves).

A dated figure at no place may join the one placed cluster of its days; when its sentence
names a country ("قالت حكومة ملاوي إن نحو 174 ألفا نزحوا"), it speaks of that country's story,
not of a story of another country told on the same days.  Cost: one gazetteer scan of each
distinct sentence of the figures considered.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable


@lru_cache(maxsize=8)
def _gazetteer_at(directory: str):
    from crosscheck.extract.scope import gazetteer_for
    from crosscheck.ruleset.loader import load_rules

    return gazetteer_for(load_rules(directory).gazetteer)


def _gazetteer():
    from crosscheck.ruleset.resources import rules_dir

    return _gazetteer_at(str(rules_dir().resolve()))


def named_countries(sentences: Iterable[str]) -> set[str]:
    """The countries (gazetteer roots) the sentences name, by name or through a place in them
    (adjectives do not count: "السلطات الأمريكية" names who speaks, not where)."""
    from crosscheck.text.normalize import normalize

    gaz = _gazetteer()
    out: set[str] = set()
    for sentence in set(sentences):
        for m in gaz.mentions(normalize(sentence).text):
            if m.adjective:
                continue
            chain = gaz.parent_chain(m.place.id)
            out.add(chain[-1] if chain else m.place.id)
    return out
