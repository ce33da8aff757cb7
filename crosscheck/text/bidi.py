"""Bidirectional-text spoofing: digits a reader sees in another order than the tool reads them.

Under a directional override (U+202D LEFT-TO-RIGHT OVERRIDE, U+202E RIGHT-TO-LEFT OVERRIDE) the
characters are shown in the forced direction: "‮03‬" is read as 3 but displayed as "30",
"‮0021‬" as 21 but displayed as "1200".  A bidi control inside a number (a RIGHT-TO-LEFT MARK
between two digit runs, an embedding, an isolate) can likewise show its parts swapped.  Such a
figure gets a warning; the claim keeps the value in logical order (what the bytes say).

`BidiSpans(text)` finds, in one pass, the stretches under an override (per paragraph, following
the embedding/isolate stack of the Unicode Bidirectional Algorithm), and the position of every
bidi control; `warnings(start, end)` says what applies to a span of the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
MARKS = "\u200e\u200f\u061c"  # LRM, RLM, ALM
CONTROLS = LRE + RLE + PDF + LRO + RLO + LRI + RLI + FSI + PDI + MARKS

_ANY = re.compile(f"[{CONTROLS}]")
_STACK = re.compile(f"[{LRE}{RLE}{PDF}{LRO}{RLO}{LRI}{RLI}{FSI}{PDI}\n\u2029]")

OVERRIDE = "bidi_override"  # digits displayed in a forced direction
CONTROL_INSIDE = "bidi_control_in_number"  # a bidi control between the number's characters


class BidiSpans:
    def __init__(self, text: str) -> None:
        self.overrides: list[tuple[int, int]] = []
        self.controls: list[int] = []
        if _ANY.search(text) is None:  # the common case: nothing to do
            return
        self.controls = [m.start() for m in _ANY.finditer(text)]
        stack: list[str] = []
        start = -1  # where the current override stretch began
        for m in _STACK.finditer(text):
            ch, pos = m.group(), m.start()
            if ch in "\n\u2029":
                stack.clear()
            elif ch in (LRE, RLE, LRO, RLO, LRI, RLI, FSI):
                if len(stack) < 125:  # the algorithm's depth limit
                    stack.append(ch)
            elif ch == PDF:
                if stack and stack[-1] not in (LRI, RLI, FSI):
                    stack.pop()
            elif ch == PDI:
                while stack and stack[-1] not in (LRI, RLI, FSI):
                    stack.pop()
                if stack:
                    stack.pop()
            active = bool(stack) and stack[-1] in (LRO, RLO)
            if active and start < 0:
                start = pos + 1
            elif not active and start >= 0:
                self.overrides.append((start, pos))
                start = -1
        if start >= 0:
            self.overrides.append((start, len(text)))
        self._starts = [s for s, _ in self.overrides]

    def warnings(self, start: int, end: int) -> list[str]:
        """What a reader of text[start:end] (a number) is warned of: [] in the common case."""
        out: list[str] = []
        if self.overrides:
            k = bisect_right(self._starts, end - 1) - 1
            if k >= 0 and self.overrides[k][1] > start:
                out.append(OVERRIDE)
        if self.controls:
            k = bisect_left(self.controls, start)
            if k < len(self.controls) and self.controls[k] < end:
                out.append(CONTROL_INSIDE)
        return out
