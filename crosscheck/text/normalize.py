"""Offset-preserving normalisation of Arabic text.

`normalize(text)` returns a `Normalized` whose `.text` is the matching form of the input
(no tashkeel or tatweel, one alef, ى→ي, ة→ه, Western digits, no bidi controls, NBSP→space,
presentation forms decomposed) and which maps any span of that text back to the ORIGINAL:
`norm.span(s, e)` gives `(orig_start, orig_end)` so that `original[orig_start:orig_end]` is
the surface the match came from.

Most characters map one to one, so the text is built with `str.translate` chunk by chunk and
only the places where the length changes (deleted marks, expanded ligatures) are recorded as
anchors; mapping an offset back is a binary search over those anchors.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import pyarabic.araby as araby

from crosscheck.util import regex_cache

# One-to-one substitutions: letter variants that news text uses interchangeably.
_ONE_TO_ONE: dict[int, str] = {}
for _alef in (araby.ALEF_HAMZA_ABOVE, araby.ALEF_HAMZA_BELOW, araby.ALEF_MADDA, araby.ALEF_WASLA):
    _ONE_TO_ONE[ord(_alef)] = araby.ALEF
_ONE_TO_ONE[ord(araby.ALEF_MAKSURA)] = araby.YEH
_ONE_TO_ONE[ord(araby.TEH_MARBUTA)] = araby.HEH
_ONE_TO_ONE[0x06CC] = araby.YEH  # Persian yeh
_ONE_TO_ONE[0x06A9] = "\u0643"  # Persian keheh -> kaf
for _i in range(10):
    _ONE_TO_ONE[0x0660 + _i] = str(_i)  # Eastern Arabic digits
    _ONE_TO_ONE[0x06F0 + _i] = str(_i)  # Persian digits
for _space in (0x00A0, 0x202F, 0x2007, 0x2009, 0x200A, 0x3000):
    _ONE_TO_ONE[_space] = " "  # no-break and thin spaces are word breaks
_TABLE = str.maketrans(_ONE_TO_ONE)

# Characters that are dropped or expanded, i.e. change the length.  Everything else passes
# through translate() one to one.
_SPECIAL = regex_cache.compile(
    "["
    "\u0610-\u061a"  # Quranic annotation signs
    "\u061c"  # Arabic letter mark (bidi)
    "\u0640"  # tatweel
    "\u064b-\u065f"  # tashkeel, including combining hamza above/below
    "\u0670"  # superscript (dagger) alef
    "\u06d6-\u06ed"  # Quranic small marks
    "\u200b-\u200f"  # zero-width space/joiners, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2066-\u2069"  # bidi isolates
    "\ufeff"  # byte order mark
    "\ufb50-\ufdff"  # Arabic presentation forms A
    "\ufe70-\ufefc"  # Arabic presentation forms B
    "]"
)
# The fast path (no presentation forms in the text): one-to-one substitutions with a chain of
# str.replace and deletions with the stdlib `re` (both run in C, ~100+ M chars/s; `regex` and
# str.translate with a dict are 10x slower on this simple job).
_PAIRS = tuple((chr(k), v) for k, v in _ONE_TO_ONE.items())
# Same set as _SPECIAL minus the presentation forms: characters that are simply dropped.
_DELETE = re.compile(
    "[\u0610-\u061a\u061c\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
# Presentation forms expand to several letters: the general (slower) path handles them.
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_TRAILING_MARK = regex_cache.compile("[\u064b-\u065f\u0670]")
_TRAILING_MARKS = frozenset(map(chr, [*range(0x64B, 0x660), 0x670]))  # _TRAILING_MARK's characters
_DROP_IN_EXPANSION = regex_cache.compile("[\u064b-\u065f\u0670\u0640]")


def _expand(ch: str) -> str:
    """Replacement for one special character: '' for marks, the letters for a presentation form."""
    cp = ord(ch)
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFC:
        decomposed = unicodedata.normalize("NFKC", ch)
        return _DROP_IN_EXPANSION.sub("", decomposed).translate(_TABLE)
    return ""


@dataclass(slots=True)
class Normalized:
    """Normalised text plus the anchors that map its offsets to the original."""

    original: str
    text: str
    # Parallel sorted lists: normalised offset where a one-to-one run starts, and the
    # original offset it corresponds to.
    _norm_at: list[int] = field(default_factory=list)
    _orig_at: list[int] = field(default_factory=list)
    # Fast path: for the k-th deleted character, the normalised offset of what follows it
    # (deleted original offset - k; 8 bytes each, a list of ints was 40).  None when the
    # anchors above are used instead.
    _deleted_at: "array[int] | list[int] | None" = None

    def to_original(self, i: int) -> int:
        """Original offset of the normalised character at `i` (i == len(text) maps to the end)."""
        if i >= len(self.text):
            return len(self.original)
        if self._deleted_at is not None:
            return i + bisect_right(self._deleted_at, i)
        k = bisect_right(self._norm_at, i) - 1
        return self._orig_at[k] + (i - self._norm_at[k])

    def to_normalized(self, orig: int) -> int:
        """The least normalised offset i (0 <= i <= len(text)) whose original offset
        (`to_original(i)`) is at least `orig`, len(text) + 1 when there is none: what a bisection
        over `to_original` finds, with one bisection over the deleted characters (their original
        offsets, `_deleted_at[k] + k`, are increasing: orig less the deleted characters before
        it is the normalised offset of the first character kept from `orig` on)."""
        d = self._deleted_at
        if d is None:
            return bisect_left(range(len(self.text) + 1), orig, key=self.to_original)
        if orig <= 0:
            return 0
        if orig > len(self.original):
            return len(self.text) + 1
        return orig - bisect_left(range(len(d)), orig, key=lambda k: d[k] + k)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) covering the normalised span [start, end)."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        original = self.original
        o_end = self.to_original(end - 1) + 1
        # Keep the marks written on the last letter (e.g. the tanween of "ألفًا") in the span.
        while o_end < len(original) and original[o_end] in _TRAILING_MARKS:
            o_end += 1
        return self.to_original(start), o_end


# A tatweel standing alone between spaces is a dash, not a stretched letter: outlets write
# "باريس ـ «القدس العربي»:" for a dateline's separator, "3 ـ 4" for a range.  It becomes "-"
# (one character for one: no offset moves) instead of being dropped with the tatweels inside words.
_LONE_TATWEEL = re.compile("(?<!\\S)\u0640+(?!\\S)")


def _dash(m: "re.Match[str]") -> str:
    return "-" * len(m.group())


def normalize(text: str) -> Normalized:
    """Normalise `text` for matching while remembering where every character came from."""
    original = text
    if "\u0640" in text:
        text = _LONE_TATWEEL.sub(_dash, text)
    if _PRESENTATION.search(text):
        return _normalize_general(text, original)
    if len(text) <= _PIECE:
        out, deleted = _fast(text, 0)
        return Normalized(original, out, _deleted_at=_shifted(deleted))
    # a long text a piece at a time (every change is of one character, so pieces are
    # independent): one copy of the text is built, not one per substitution
    pieces, deleted = [], array("q")
    for a in range(0, len(text), _PIECE):
        out, gone = _fast(text[a : a + _PIECE], a)
        pieces.append(out)
        deleted.extend(gone)
    return Normalized(original, "".join(pieces), _deleted_at=_shifted(deleted))


def _shifted(deleted) -> "array[int]":
    """The k-th deleted offset minus k, for each k (an array: a long text deletes a character
    every few words, and a list held an int object for each)."""
    return array("q", [d - k for k, d in enumerate(deleted)]) if len(deleted) < 4096 else array(
        "q", (d - k for k, d in enumerate(deleted)))


_PIECE = 1 << 20  # characters normalised at a time


def _fast(text: str, offset: int) -> tuple[str, list[int]]:
    """The fast path on one piece: (normalised piece, offsets of its deleted characters + offset)."""
    out = text
    for a, b in _PAIRS:
        if a in out:
            out = out.replace(a, b)
    deleted = [m.start() + offset for m in _DELETE.finditer(text)]
    if deleted:
        out = _DELETE.sub("", out)  # substitutions never produce or remove deletable marks
    return out, deleted


def _normalize_general(text: str, original: str | None = None) -> Normalized:
    """Character-by-character path for texts with presentation forms (ligatures expand).
    `text` is the original, or (with `original`) its copy whose lone tatweels are dashes."""
    if original is None:
        original = text
        if "\u0640" in text:
            text = _LONE_TATWEEL.sub(_dash, text)
    pieces: list[str] = []
    norm_at: list[int] = [0]
    orig_at: list[int] = [0]
    n_pos = 0
    o_pos = 0
    for m in _SPECIAL.finditer(text):
        s = m.start()
        if s > o_pos:
            chunk = text[o_pos:s].translate(_TABLE)
            pieces.append(chunk)
            n_pos += len(chunk)
        rep = _expand(m.group())
        # Every character of an expansion points at the one original character.
        for ch in rep:
            pieces.append(ch)
            norm_at.append(n_pos)
            orig_at.append(s)
            n_pos += 1
        o_pos = s + 1
        norm_at.append(n_pos)
        orig_at.append(o_pos)
    if o_pos < len(text):
        pieces.append(text[o_pos:].translate(_TABLE))
    return Normalized(original, "".join(pieces), norm_at, orig_at)


_KEPT_CHARS = 2000  # sentences longer than this are normalised each time, not kept


@lru_cache(maxsize=4096)
def _kept(sentence: str) -> "Normalized":
    return normalize(sentence)


def normalize_sentence(sentence: str) -> Normalized:
    """`normalize(sentence)`, kept for a sentence of news length: the judgement of a running
    total reads each of its thousands of distinct sentences for a part of the day and for the
    reason a count fell (crosscheck.text.dates, crosscheck.reconcile.revisions), one
    normalisation for both.  The result is shared: not to be changed."""
    if len(sentence) > _KEPT_CHARS:
        return normalize(sentence)
    return _kept(sentence)


def normalize_word(word: str) -> str:
    """Matching form of a lexicon entry (no offsets needed), `normalized_text` stripped: kept
    like a snippet, for the reconciler asks the same few hundred words again for every claim
    (singled_out.alone_near reads the words beside each figure: 98 distinct of 4,911 per 100
    generated articles)."""
    return normalized_text(word).strip()


def normalized_text(text: str) -> str:
    """`normalize(text).text`, kept for a snippet of news length (`_KEPT_CHARS`): the
    reconciler's hierarchy and place tests read the few words after or before a figure, and
    the same snippet comes back for many claims (a sentence's figures, copies of an article:
    per 100 generated articles, 4,520 reads of 274 distinct snippets after a figure, 2,029 of
    177 before one).  A string, so nothing shared can be changed."""
    if len(text) > _KEPT_CHARS:
        return normalize(text).text
    return _text_kept(text)


@lru_cache(maxsize=16384)
def _text_kept(text: str) -> str:
    return normalize(text).text
