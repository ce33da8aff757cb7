"""The small grammar that joins consecutive number tokens into one number phrase.

Input: the candidate tokens of a text in order (`Tok`: a lexicon word or a digit run, with
whether it touches the previous token and whether it is joined to it by و).  `parse_at(toks, i)`
reads the longest number phrase starting at token i and returns a `Phrase` with its interval
(exact numbers have low == high) and what kind of number it is, or None.

Arabic number phrases (MSA):
  group  = hundreds [و units]  |  units        (below a thousand)
  hundreds = ثلاثمئة | مئة | مئتان | unit مئة ("ثلاث مئة") | digit مئة ("٣ مئة")
  units  = unit | unit عشر (teen) | unit و tens ("ثلاثة وثلاثين") | tens [و unit] | digits
  term   = group [scale] | scale alone ("ألف", "ألفان", "آلاف")
  number = term (و term)* [و fraction | و نيف]     each later term smaller than the scale
                                                   before it ("مليون وثلاثمائة ألف")
Joining with و only happens when the new part is smaller than the place of what precedes it
(or it is the tens after a unit), so "بين 100 و300" stays two numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Optional, Union

from crosscheck.numbers.lexicon import (
    DUAL,
    FRACTION,
    HUNDREDS,
    NEGATIVE,
    NIF,
    ORDINAL,
    PL,
    POINT,
    SCALE,
    SG,
    SG_OR_DUAL,
    TEEN_UNIT,
    TENS,
    UNIT,
    VAGUE,
    Entry,
)

DIGITS = "digits"
# Digit runs that are a date, a time, … by themselves: token kind ALONE + form.
ALONE = "alone:"
ALONE_FRACTION = ALONE + "fraction"
ONE = 1
ZERO = 0
# Values are ints while whole (fast) and Fractions once a fraction or decimal enters.
Num = Union[int, Fraction]


@dataclass(slots=True)
class Tok:
    """One candidate token.  Offsets are in the normalised text."""

    kind: str  # a lexicon kind, DIGITS, or a digit-run form (date, time, …) that never joins
    start: int  # the word itself, without its clitic prefix
    end: int
    pstart: int  # where the prefix starts (== start without one)
    entry: Optional[Entry] = None
    value: Num = ZERO  # DIGITS: the number
    adj: bool = False  # only spaces (or a detached "و") separate it from the previous token
    conj: bool = False  # joined to the previous token by و (attached or detached)
    article: bool = False  # carries the article ال
    raw: str = ""  # DIGITS: the digit run as written (normalised)


@dataclass(slots=True)
class Phrase:
    j: int  # index of the first token after the phrase
    low: Num
    high: Num
    kind: str  # "number" | "fraction" | "vague" | "ordinal"
    start: int
    end: int


@dataclass(slots=True)
class _Val:
    """A partial value: interval plus the smallest place filled so far."""

    lo: Num
    hi: Num
    place: Num  # a later part joined with و must be below this
    k: int  # next token index
    vague: bool = False
    frac_only: bool = False  # a bare fraction so far ("ثلاثة أرباع")
    digit: bool = False  # one digit run ("1500 مليون" may multiply a scale)


def _is(t: Optional[Tok], kind: str) -> bool:
    return t is not None and t.kind == kind


def _is_count_part(t: Optional[Tok]) -> bool:
    """A word or digit run that can add to a number after "و" ("ومئتين", "و500")."""
    return t is not None and t.kind in (DIGITS, UNIT, TEEN_UNIT, TENS, HUNDREDS) or (
        t is not None and t.kind == SCALE and t.entry is not None and t.entry.value < 1000)


class TokenWindow:
    """The candidate tokens of a text, made as they are read: `get(k)` is token k (None past
    the last), made from the iterator when first asked for; `release(i)` says no token before
    i will be asked for again, and they are dropped.  What is held is the tokens between the
    first one not released and the furthest one read ahead: a window around the phrase being
    parsed, never the document's tokens (a text of number words is one token every 4 bytes)."""

    __slots__ = ("_buf", "_base", "_it", "held_max")

    # released tokens are dropped once this many have gathered (and at least half the buffer):
    # one list copy per batch, linear in all
    _DROP_AT = 256

    def __init__(self, it: Iterable[Tok]) -> None:
        self._buf: list[Tok] = []
        self._base = 0  # the index of _buf[0]
        self._it = iter(it)
        self.held_max = 0  # the most tokens held at once (counted by the tests)

    def get(self, k: int) -> Optional[Tok]:
        j = k - self._base
        buf = self._buf
        if j < len(buf):
            return buf[j]
        it = self._it
        while j >= len(buf):
            t = next(it, None)
            if t is None:
                return None
            buf.append(t)
        if len(buf) > self.held_max:
            self.held_max = len(buf)
        return buf[j]

    def release(self, i: int) -> None:
        d = i - self._base
        if d >= self._DROP_AT and 2 * d >= len(self._buf):
            del self._buf[:d]
            self._base = i


class _Parser:
    __slots__ = ("get",)

    def __init__(self, toks: TokenWindow) -> None:
        self.get = toks.get

    # -- token access: `at(k)` is token k if it touches token k-1 (for k > first)
    def at(self, k: int, first: int) -> Optional[Tok]:
        t = self.get(k)
        if t is None or (k > first and not t.adj):
            return None
        return t

    def nxt(self, k: int, *, conj: bool) -> Optional[Tok]:
        """Token k if it continues the phrase with (conj=True) or without (False) a و."""
        t = self.get(k)
        if t is None or not t.adj or t.conj != conj:
            return None
        if not conj and t.pstart != t.start and not (t.article and t.start - t.pstart == 2):
            # a word with a clitic other than و or the article alone starts a new phrase:
            # "خمسة بالمئة" is five per cent, not 500 ("نصف المليون" still joins)
            return None
        return t

    def _frac_after(self, k: int) -> bool:
        """Token k is followed by a plural fraction ("ثلاثة أخماس")."""
        f = self.nxt(k + 1, conj=False)
        return f is not None and f.kind == FRACTION and f.entry.plural

    @staticmethod
    def _value(t: Tok) -> Num:
        return t.value if t.kind == DIGITS else t.entry.value

    # ------------------------------------------------------------------ groups below 1000
    def multiplier(self, k: int, first: int) -> Optional[tuple[Num, Num, bool]]:
        """A unit-like word that can multiply a scale: (lo, hi, vague)."""
        t = self.at(k, first)
        if t is None:
            return None
        if t.kind == UNIT and t.entry.value >= 1:
            return t.entry.value, t.entry.value, False
        if t.kind == VAGUE:
            return t.entry.low, t.entry.high, True
        if t.kind == DIGITS:
            return t.value, t.value, False
        return None

    def hundreds(self, k: int, first: int) -> Optional[_Val]:
        t = self.at(k, first)
        if t is None:
            return None
        if t.kind == HUNDREDS:
            v = t.entry.value
            return _Val(v, v, 100, k + 1)
        if t.kind == SCALE and t.entry.value in (10, 100):
            s = t.entry.value
            if t.entry.number == SG:
                return _Val(s, s, s, k + 1)
            if t.entry.number in (DUAL, SG_OR_DUAL):
                return _Val(2 * s, 2 * s, s, k + 1)
            if t.entry.number == PL and t.entry.alone:
                lo, hi = t.entry.low, t.entry.high
                return _Val(lo, hi, s, k + 1, vague=True)
            return None
        m = self.multiplier(k, first)
        if m is None:
            return None
        s_tok = self.nxt(k + 1, conj=False)
        if not _is(s_tok, SCALE) or s_tok.entry.value not in (10, 100):
            return None
        if s_tok.entry.number not in (SG, PL):
            return None
        lo, hi, vague = m
        if hi >= 10 and not (t.kind == UNIT and hi == 10 and s_tok.entry.number == PL):
            return None  # "ثلاث مئة", "٣ مئة", "بضع مئات", "عشر مئات"?: only units multiply
        if t.kind == DIGITS and hi.denominator != 1:
            return None
        s = s_tok.entry.value
        return _Val(lo * s, hi * s, s, k + 2, vague=vague)

    def units(self, k: int, first: int, below: Num) -> Optional[_Val]:
        """Units/teens/tens (or a digit run) below `below`, starting at token k."""
        t = self.at(k, first)
        if t is None:
            return None
        if k > first and (t.kind in (UNIT, DIGITS) and self._value(t) == 0):
            return None  # "… و صفر" / "… و٠": zero never adds to a number
        if t.kind in (UNIT, DIGITS) and self._frac_after(k):
            return None  # "ثلاثة أرباع" is a fraction, read by fraction()
        if t.kind in (UNIT, TEEN_UNIT, VAGUE):
            e = t.entry
            lo, hi = (e.low, e.high) if t.kind == VAGUE else (e.value,) * 2
            vague = t.kind == VAGUE
            ten = self.nxt(k + 1, conj=False)
            if ten is not None and ten.kind == UNIT and ten.entry.ten_word and 1 <= hi <= 9:
                # teen: "ثلاثة عشر", "إحدى عشرة", "بضعة عشر"
                if hi + 10 >= below:
                    return None
                return _Val(lo + 10, hi + 10, ONE, k + 2, vague=vague)
            tens = self.nxt(k + 1, conj=True)
            if t.kind == TEEN_UNIT and not _is(tens, TENS):
                return None  # "أحد"/"إحدى" alone: "anyone"/"one of"; "إحدى وعشرين" is 21
            if t.kind == VAGUE and not e.alone and self.scale_after(k + 1) is None:
                return None  # "عدة" is a number only before a scale: "عدة آلاف"
            if tens is not None and tens.kind == TENS and 1 <= hi <= 9:
                # units before tens: "ثلاثة وثلاثين", "بضع وعشرون"
                v = tens.entry.value
                if v + hi >= below:
                    return None
                return _Val(lo + v, hi + v, ONE, k + 2, vague=vague)
            if hi >= below:
                return None
            return _Val(lo, hi, ONE if hi < 10 else 10, k + 1, vague=vague)
        if t.kind == TENS:
            v = t.entry.value
            if v >= below:
                return None
            u = self.nxt(k + 1, conj=True)
            if u is not None and u.kind == UNIT and 1 <= u.entry.value <= 9 and not self._frac_after(k + 1):
                # "عشرين وخمسة" (tens first): unusual but unambiguous
                w = v + u.entry.value
                return _Val(w, w, ONE, k + 2)
            return _Val(v, v, 10, k + 1)
        if t.kind == DIGITS:
            v = t.value
            if v >= below or v < 0 and k > first:
                return None
            return _Val(v, v, _place(v), k + 1, digit=True)
        if t.kind == NIF:
            tens = self.nxt(k + 1, conj=True)
            if tens is not None and tens.kind == TENS and tens.entry.value + 9 < below:
                v = tens.entry.value  # "نيف وعشرون" = 21..29
                return _Val(v + 1, v + 9, ONE, k + 2, vague=True)
        return None

    def group(self, k: int, first: int, below: Num = 1000) -> Optional[_Val]:
        h = self.hundreds(k, first)
        if h is not None:
            if h.hi >= below:
                return None
            if h.vague:
                return h
            u_tok = self.nxt(h.k, conj=True)
            if u_tok is not None:
                u = self.units(h.k, first, below=h.place)
                if u is not None:
                    return _Val(h.lo + u.lo, h.hi + u.hi, u.place, u.k, vague=u.vague)
            return h
        g = self.units(k, first, below=(10**18) if k == first else below)
        if g is None:
            return None
        # a decimal point in words: "واحد فاصلة خمسة", "1 فاصلة 1"
        p = self.nxt(g.k, conj=False)
        if _is(p, POINT) and not g.vague and g.lo.denominator == 1:
            d = self.units(g.k + 1, first, below=(10**18))
            if d is not None and not d.vague and d.lo.denominator == 1 and d.lo >= 0:
                digits = str(int(d.lo))
                v = g.lo + Fraction(int(digits), 10 ** len(digits))
                return _Val(v, v, Fraction(1, 10 ** len(digits)), d.k)
        return g

    # ------------------------------------------------------------------ fractions
    def fraction(self, k: int, first: int) -> Optional[_Val]:
        """"نصف" / "ثلث" / "ثلاثة أرباع" (a unit times a plural fraction)."""
        t = self.at(k, first)
        if t is None:
            return None
        if t.kind == FRACTION and not t.entry.plural:
            v = t.entry.value
            return _Val(v, v, v, k + 1, frac_only=True)
        if t.kind in (UNIT, DIGITS) and (t.kind == DIGITS or t.entry.value >= 1):
            f = self.nxt(k + 1, conj=False)
            if _is(f, FRACTION) and f.entry.plural:
                u = t.value if t.kind == DIGITS else t.entry.value
                v = u * f.entry.value
                return _Val(v, v, f.entry.value, k + 2, frac_only=True)
        return None

    # ------------------------------------------------------------------ terms and numbers
    def scale_after(self, k: int) -> Optional[Tok]:
        """A scale word of 1000 or more directly after a multiplier (no و)."""
        s = self.nxt(k, conj=False)
        if _is(s, SCALE) and s.entry.value >= 1000 and s.entry.number in (SG, SG_OR_DUAL, PL):
            return s
        return None

    def term(self, k: int, first: int, below: Optional[Num]) -> Optional[_Val]:
        """A group times an optional scale, or a scale alone; below `below` if given."""
        t = self.at(k, first)
        if t is None:
            return None
        lim = below if below is not None else (10**30)
        if t.kind == SCALE and t.entry.value >= 1000:
            s = t.entry.value
            if s >= lim:
                return None
            if t.entry.number == SG:
                return _Val(s, s, s, k + 1)
            if t.entry.number == SG_OR_DUAL and _is_count_part(self.nxt(k + 1, conj=True)):
                # "ألفًا ومئتين": the accusative singular; a dual construct ("ألفا شخص") is
                # followed by its noun, never by "و" and another part of the number
                return _Val(s, s, s, k + 1)
            if t.entry.number in (DUAL, SG_OR_DUAL):
                return _Val(2 * s, 2 * s, s, k + 1)
            if t.entry.alone:  # "آلاف": some thousands
                lo, hi = t.entry.low, t.entry.high
                return self._then_scale(_Val(lo, hi, s, k + 1, vague=True), lim)
            return None
        frac = self.fraction(k, first)
        if frac is not None:
            s_tok = self.scale_after(frac.k)
            if s_tok is not None and s_tok.entry.value < lim:
                s = s_tok.entry.value
                return _Val(frac.lo * s, frac.hi * s, s, frac.k + 1)
            return frac if below is None else None
        g = self.group(k, first, below=(10**18) if below is None else min(lim, 1000))
        if g is None:
            return None
        # "ثلاثة ونصف مليون": a group and a half, then the scale
        half = self.nxt(g.k, conj=True)
        if _is(half, FRACTION) and not half.entry.plural:
            s_tok = self.scale_after(g.k + 1)
            if s_tok is not None and s_tok.entry.value < lim:
                s = s_tok.entry.value
                f = half.entry.value
                return _Val((g.lo + f) * s, (g.hi + f) * s, s, g.k + 2, vague=g.vague)
        return self._then_scale(g, lim)

    def _then_scale(self, g: _Val, lim: Num) -> Optional[_Val]:
        """`g` times the scale word after it, if any (below `lim`)."""
        s_tok = self.scale_after(g.k)
        if s_tok is not None and s_tok.entry.value >= lim:
            return None  # "ثلاثة آلاف وأربعة آلاف": the group belongs to its own scale
        if s_tok is not None and (g.hi < 1000 or g.digit):
            s = s_tok.entry.value
            v = _Val(g.lo * s, g.hi * s, s, g.k + 1, vague=g.vague)
            return v if v.hi < lim else None
        return g if g.hi < lim else None

    def number(self, i: int) -> Optional[Phrase]:
        first = i
        t = self.get(i)
        sign = 1
        if t.kind == NEGATIVE:
            nt = self.nxt(i + 1, conj=False)
            if nt is None or nt.kind not in (UNIT, TENS, HUNDREDS, DIGITS, SCALE):
                return None
            sign, i = -1, i + 1
        v = self.term(i, first, None)
        if v is None:
            return None
        lo, hi, vague, k = v.lo, v.hi, v.vague, v.k
        if v.frac_only:
            return self._phrase(first, k, lo * sign, hi * sign, "fraction")
        fr = self.nxt(k, conj=False)
        if (
            v.digit
            and k == i + 1
            and fr is not None
            and fr.kind == ALONE_FRACTION
            and lo.denominator == 1
            and 0 < fr.value < 1
        ):
            # "2 1/4": a whole number and a digit fraction
            w = abs(lo) + fr.value
            w = -w if lo < 0 or sign < 0 else w
            return self._phrase(first, k + 1, w, w, "number")
        place = v.place
        while True:
            c = self.nxt(k, conj=True)
            if c is None:
                break
            if c.kind == NIF:
                if place > 1:
                    lo, hi, vague, k = lo + 1, hi + place - 1, True, k + 1
                break
            if c.kind in (FRACTION, UNIT, DIGITS) and place >= 1:
                f = self.fraction(k, first)
                if f is not None:
                    # "مليون ونصف" = 1.5 million; "واحد ونصف" = 1.5; "عشرون وثلاثة أخماس"
                    mult = place if place >= 1000 else ONE
                    lo, hi, k = lo + f.lo * mult, hi + f.hi * mult, f.k
                    again = self.scale_after(k) if mult >= 1000 else None
                    if again is not None and again.entry.value == mult:
                        k += 1  # "مليون ونصف مليون", "مليونين ونصف المليون": the scale said twice
                    break
            nxt = self.term(k, first, below=place if place >= 1000 else None) if place >= 1000 else None
            if nxt is None:
                break
            lo, hi, k, place = lo + nxt.lo, hi + nxt.hi, nxt.k, nxt.place
            vague = vague or nxt.vague
        if sign < 0:
            lo, hi = -hi, -lo
        return self._phrase(first, k, lo, hi, "vague" if vague or lo != hi else "number")

    def _phrase(self, first: int, k: int, lo: Num, hi: Num, kind: str) -> Phrase:
        return Phrase(k, lo, hi, kind, self.get(first).start, self.get(k - 1).end)

    # ------------------------------------------------------------------ ordinals
    def ordinal(self, i: int) -> Optional[Phrase]:
        t = self.get(i)
        v = t.entry.value
        ten = self.nxt(i + 1, conj=False)
        if ten is not None and ten.kind == UNIT and ten.entry.ten_word and v <= 9:
            return self._phrase(i, i + 2, v + 10, v + 10, "ordinal")
        tens = self.nxt(i + 1, conj=True)
        if tens is not None and tens.kind == TENS and v <= 9:
            w = v + tens.entry.value
            return self._phrase(i, i + 2, w, w, "ordinal")
        return self._phrase(i, i + 1, v, v, "ordinal")


def _place(v: Num) -> Num:
    """The place of the last non-zero digit of a whole number: 120 -> 10, 300 -> 100."""
    if v.denominator != 1 or v == 0:
        return ONE
    n, p = abs(v.numerator), 1
    while n % 10 == 0:
        n //= 10
        p *= 10
    return p


# parse_at answers a lone singular scale word without the parser (tests turn it off to compare)
_FAST_SCALE = True


def parse_at(
    toks: "TokenWindow | list[Tok]", i: int, article_tens_are_ordinal: bool = True, parser: Optional["_Parser"] = None
) -> Optional[Phrase]:
    """The longest number phrase starting at token i, or None.  `toks`: a TokenWindow (or a
    list); `parser`: a parser of `toks` to reuse (it holds nothing but the window), e.g. one per
    scan instead of one per phrase."""
    if isinstance(toks, list):
        toks, parser = TokenWindow(toks), None
    t = toks.get(i)
    if t.kind == DIGITS:
        after = toks.get(i + 1)
        if after is None or not after.adj:
            return Phrase(i + 1, t.value, t.value, "number", t.start, t.end)  # the common case
    elif _FAST_SCALE and t.kind == SCALE:
        e = t.entry
        if e.number == SG and 1000 <= e.value < 10**30:
            after = toks.get(i + 1)
            if after is None or not after.adj or not after.conj:
                # a singular scale word no "و" continues ("ألف", "مليون" before a noun or another
                # number): number() reads it alone (term: the scale; no digit fraction, no "و"
                # part); "ألف ألف ألف …" is one such word per figure
                v = e.value
                return Phrase(i + 1, v, v, "number", t.start, t.end)
    p = parser if parser is not None else _Parser(toks)
    if t.kind == ORDINAL:
        return p.ordinal(i)
    ph = p.number(i)
    if (
        ph is not None
        and article_tens_are_ordinal
        and ph.j == i + 1
        and t.kind == TENS
        and t.article
    ):
        ph.kind = "ordinal"  # "الذكرى الخمسين", "القرن العشرين"
    return ph
