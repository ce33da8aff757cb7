"""Page furniture: related-news sidebars and similar blocks that are not article text.

A furniture block opens at a line starting with a header from rules/furniture.yaml and runs
over the following short lines (headlines, timestamps); the first long paragraph closes it.
Bare timestamp lines are furniture wherever they stand.
"""

from __future__ import annotations



import regex

from crosscheck.util import regex_cache
from crosscheck.util.memo import per_object
from crosscheck.text.normalize import normalize_word
from crosscheck.ruleset.loader import FurnitureRules


class Furniture:
    def __init__(self, rules: FurnitureRules) -> None:
        self.rules = rules
        heads = sorted({normalize_word(h) for h in rules.headers}, key=regex_cache.longest_first)
        # A header is the start of a line (after optional spaces/bullets), spaces flexible.
        self.header = regex_cache.compile(
            r"(?m)^[\s\-–•*#]*(?:" + "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in heads) + ")"
        )
        forms = [rules.timestamp] if isinstance(rules.timestamp, str) else rules.timestamp
        # A pattern that opens with ^ and has no alternation can only match at a line start:
        # trying it there alone finds what finditer finds, without scanning every character.
        self.timestamps = [
            (regex_cache.compile(f, regex.MULTILINE), f.startswith("^") and "|" not in f) for f in forms
        ]

    def blocks(self, text: str) -> list[tuple[int, int]]:
        """Sorted, non-overlapping [start, end) ranges of the normalised text that are furniture."""
        out: list[tuple[int, int]] = []
        pos = 0
        for m in _at_line_starts(self.header, text):
            if m.start() < pos:
                continue
            start = m.start()
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            # extend over short lines
            while end < len(text):
                nxt = text.find("\n", end + 1)
                nxt = len(text) if nxt < 0 else nxt
                line = text[end + 1 : nxt]
                if line.strip() and len(line.split()) > self.rules.max_words:
                    break
                end = nxt
            out.append((start, end))
            pos = end
        # bare timestamp lines anywhere
        found = []
        for pattern, at_lines in self.timestamps:
            stamps = _at_line_starts(pattern, text) if at_lines else pattern.finditer(text)
            found.extend(m.span() for m in stamps)
        # one pass over both sorted lists: a stamp inside a block or an earlier stamp is dropped
        kept, j, reach = [], 0, -1
        for a, b in sorted(found):
            while j < len(out) and out[j][1] <= a:
                j += 1
            if a < reach or (j < len(out) and out[j][0] <= a):
                continue
            kept.append((a, b))
            reach = b
        out.extend(kept)
        out.sort()
        return out


def _at_line_starts(pattern: regex.Pattern, text: str):
    """pattern.finditer(text) for a pattern anchored with ^ (multi-line): only line starts are tried."""
    pos, n = 0, len(text)
    while pos <= n:
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            pos = m.end()
            if pos == 0 or text[pos - 1] == "\n":
                continue  # the match ended at a line start: the next one may begin there
        k = text.find("\n", pos)
        if k < 0:
            return
        pos = k + 1


def _inside(blocks: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in blocks)


@per_object
def furniture_for(rules: FurnitureRules) -> Furniture:
    return Furniture(rules)
