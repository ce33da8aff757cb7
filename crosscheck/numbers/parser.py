"""Find every number in an Arabic text: digits, number words, fractions, vague quantities.

    find_numbers(text) -> list[NumberMatch]    offsets into `text`
    scan(norm)         -> list[NumberMatch]    the same on an already normalised text

One pass of one compiled pattern (built from rules/numbers/ar.yaml by crosscheck.numbers.lexicon)
yields the candidate tokens: digit runs and words that are a number word after stripping a
clitic prefix.  A small grammar (crosscheck.numbers.grammar) joins consecutive candidates into
phrases ("ثلاثة وثلاثين ألف"), and crosscheck.numbers.context decides from the neighbouring
words whether a phrase is a date, a year, a time or a percentage rather than a count.

Spans exclude clitic prefixes and the article ("و300" -> "300", "بالثلاثة" -> "ثلاثة").
Matches are sorted and never overlap.  `value` is an int when whole; for a vague quantity
("عشرات الآلاف") `low`/`high` are its interval (bounds from the rule file) and `value` is the
number its words name when it is made of plural scales only ("عشرات" 10, "آلاف" 1000,
"عشرات الآلاف" 10,000; `vague.plural_value: scale` in the rule file), else `low` ("بضعة آلاف").
Date/time/phone values are the first number written (the day of "7 أكتوبر"); they are not counts.
A number beyond any float (a run of thousands of digits) is `overlong`, value 0: no count either.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Iterator, Optional

import heapq
import re

from crosscheck.models import NumberMatch
from crosscheck.util import regex_cache
from crosscheck.text.normalize import Normalized, normalize
from crosscheck.numbers.context import as_number, classify
from crosscheck.numbers.digits import pieces_of, read_digits
from crosscheck.numbers.grammar import ALONE, DIGITS, ZERO, Phrase, Tok, TokenWindow, _Parser, parse_at
from crosscheck.numbers.lexicon import FRACTION, PL, SCALE, TEEN_UNIT, TENS, UNIT, Lexicon, load_lexicon

__all__ = ["find_numbers", "iter_scan", "scan"]

# Only spaces (never a line break) between two tokens of one phrase.
_GAP_PLAIN = re.compile(r"[^\S\n]*")
# A conjunction between two tokens that the word pattern did not take as a prefix: detached
# "مائة و واحد", or attached to digits "ألفًا و435".
_GAP_WAW = re.compile(r"[^\S\n]*و[^\S\n]*")
# The next word carries the article: "خمس السكان" (a fifth of …), not "خمس سنوات" (five …).
_DEFINITE_NEXT = re.compile(r"[^\S\n]+(?:ال|لل)[^\W\d_]")
# Digit runs that are a date, time, … on their own never join other tokens; their token kind
# is this prefix + the form (kept apart from the lexicon's kinds, e.g. the word "fraction").
_ALONE = ALONE
# What may stand right before a minus sign that makes a number negative: space, bracket, quote.
_BEFORE_MINUS = " \t\n([«\"'"


def _word_tokens(text: str, lex: Lexicon) -> list[Tok]:
    return list(_iter_word_tokens(text, lex))


def _iter_word_tokens(text: str, lex: Lexicon) -> Iterator[Tok]:
    not_numbers = lex.not_numbers
    known = _form_info(lex)
    for m in lex.word_re.finditer(text):
        s = m.start()
        if s and text[s - 1].isalpha():
            continue  # the end of a longer word ("…الف" inside "الفلسطيني" never gets here)
        form = m.group()
        if form in not_numbers:
            continue
        info = known.get(form)
        if info is None:
            info = known[form] = _read_form(form, lex)
        plen, entry, conj, article, weekday = info
        if weekday and (_day_before(text, s) or not _ten_word_next(text, m.end(), lex)):
            continue  # "يوم الأحد", "يوم الأحد عشرة أشخاص"; but "الأعضاء الأحد عشر" is eleven
        # (positional: kind, start, end, pstart, entry, value, adj, conj, article)
        # (a word without a clitic prefix shares one int for start and pstart: a text of number
        # words holds every candidate token until it is read, 32 bytes less each)
        yield Tok(entry.kind, s + plen if plen else s, m.end(), s, entry, ZERO, False, conj, article)


# per lexicon: a word form -> what _word_tokens reads of it (the same for every occurrence)
_FORM_INFO: dict[int, tuple[Lexicon, dict[str, tuple]]] = {}


def _form_info(lex: Lexicon) -> dict[str, tuple]:
    got = _FORM_INFO.get(id(lex))
    if got is None or got[0] is not lex:
        got = _FORM_INFO[id(lex)] = (lex, {})
    return got[1]


def _read_form(form: str, lex: Lexicon) -> tuple[int, object, bool, bool, bool]:
    """(prefix length, entry, joined by a conjunction, with the article, a weekday with the
    article) of a word form the lexicon's word pattern matched."""
    prefix, stem = lex.forms[form]
    article = prefix.endswith(lex.article_prefixes)
    weekday = article and "ال" + stem in lex.weekdays
    return len(prefix), lex.words.get(stem), prefix in lex.conj_prefixes, article, weekday


# "يوم" right before a weekday: "قتل يوم الأحد عشرة أشخاص" is Sunday, then ten
_DAY_BEFORE = re.compile(r"(?:^|[^\w])[وف]?(?:يوم|اليوم|مساء|صباح|فجر|ليله|ظهر)[^\S\n]+$")
_NEXT_WORD = re.compile(r"[^\S\n]+(\w+)")


def _day_before(text: str, s: int) -> bool:
    """_DAY_BEFORE.search(text, 0, s), reading only the end of text[:s]: a match ends at s (or
    before a last newline) with a run of spaces after a word of at most 5 letters, a و/ف and one
    other character (or the text's start), so it starts at most 8 characters before that run
    (searched from 0 for every weekday word, the text before it was read again each time:
    quadratic in a long paragraph)."""
    k = s - 1 if s and text[s - 1] == "\n" else s
    while k > 0 and text[k - 1] != "\n" and text[k - 1].isspace():
        k -= 1
    return _DAY_BEFORE.search(text, max(0, k - 16), s) is not None


def _ten_word_next(text: str, end: int, lex: Lexicon) -> bool:
    """Is the word after `end` the second word of a teen (عشر, عشرة)?"""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    entry = lex.words.get(m.group(1))
    return entry is not None and entry.ten_word


def _digit_tokens(text: str, lex: Lexicon) -> list[Tok]:
    return list(_iter_digit_tokens(text, lex))


def _iter_digit_tokens(text: str, lex: Lexicon) -> Iterator[Tok]:
    covered = -1  # end of the last phone/ISO/spaced run: digit runs inside it are taken
    for m in lex.digit_re.finditer(text):
        s, e = m.span()
        if s < covered:
            continue
        raw = m.group()
        kind = DIGITS
        if s and text[s - 1] == "+" and (pm := lex.phone_re.match(text, s - 1)):
            yield (Tok(_ALONE + "phone", s - 1, pm.end(), s - 1, raw=pm.group()))
            covered = pm.end()
            continue
        if len(raw) <= 2 and (dm := lex.dmy_re.match(text, s)):
            yield (Tok(_ALONE + "date", s, dm.end(), s, value=int(raw), raw=dm.group()))
            covered = dm.end()
            continue
        if len(raw) == 4 and (im := lex.iso_re.match(text, s)):
            yield (Tok(_ALONE + "date", s, im.end(), s, value=int(raw), raw=im.group()))
            covered = im.end()
            continue
        if (
            lex.letter_decimal_re is not None
            and raw.isdigit()
            and (s == 0 or not text[s - 1].isalpha())
            and (lm := lex.letter_decimal_re.match(text, s))
        ):
            # "5ر1": the wires' decimal letter, fraction first -> read as "1٫5"
            a, b = lm.group(1), lm.group(2)
            raw = f"{b}٫{a}" if lex.letter_fraction_first else f"{a}٫{b}"
            e = covered = lm.end()
        elif e < len(text) and text[e] in " \t" and (sm := lex.spaced_re.match(text, s)):
            if sm.end() > e:
                # "1 414 021 100": read as if written with the Arabic thousands separator
                e, raw, covered = sm.end(), "٬".join(sm.group().split()), sm.end()
        if s and text[s - 1] in ".٫" and (s == 1 or not text[s - 2].isdigit()):
            s, raw = s - 1, text[s - 1] + raw  # ".77", "٫٧٧": a leading decimal point
        t = Tok(kind, s, e, s, raw=raw)
        # A minus at the start of a number: "-1200000", " -١٬٢٠٠"; not the dash of "2020-2021".
        if s and text[s - 1] in "-−" and (s == 1 or text[s - 2] in _BEFORE_MINUS):
            k = s - 2  # the last character before the minus that is not white space
            while k >= 0 and text[k].isspace():
                k -= 1
            if k < 0 or not text[k].isdigit():
                t.start = t.pstart = s - 1
                t.raw = "-" + raw
        yield t


def _tokens(text: str, lex: Lexicon, repeats: bool = True) -> list[Tok]:
    """Candidate tokens in text order, each marked for how it joins the one before (all of
    them: iter_scan reads them one at a time from _iter_tokens)."""
    return list(_iter_tokens(text, lex, repeats))


def _iter_tokens(text: str, lex: Lexicon, repeats: bool = True) -> Iterator[Tok]:
    """_tokens(), made as they are read: each token is marked from the one before and the one
    after it only, so a text of number words never holds its tokens all at once."""
    toks = heapq.merge(_iter_word_tokens(text, lex), _iter_digit_tokens(text, lex), key=_START)
    return _read_digit_runs(_marked(toks, text, lex), lex, repeats)


_START = attrgetter("start")


def _marked(toks: Iterator[Tok], text: str, lex: Lexicon) -> Iterator[Tok]:
    """The tokens, each marked for how it joins the one before (adj, conj), in text order."""
    prev: Optional[Tok] = None
    t = next(toks, None)
    while t is not None:
        nxt = next(toks, None)
        if prev is not None:
            prev_end = prev.end
            if t.pstart == prev_end + 1 and text[prev_end] == " ":
                t.adj = True  # (one space: what _GAP_PLAIN matches, without a regex call)
            elif _GAP_PLAIN.fullmatch(text, prev_end, t.pstart):
                t.adj = True
            elif _GAP_WAW.fullmatch(text, prev_end, t.pstart):
                t.adj = t.conj = True
            elif _bracketed(text, prev) and _GAP_PLAIN.fullmatch(text, prev_end + 1, t.pstart):
                t.adj = True  # "(43) ألفًا": digits in brackets, then their scale word
            elif _bracketed(text, t) and _GAP_WAW.fullmatch(text, prev_end, t.pstart - 1):
                t.adj = t.conj = True  # "… ألفًا و(512)"
        if t.adj and not t.conj and t.start == t.pstart and text.startswith("و", t.start, t.end):
            _split_waw_teen(t, text, lex, nxt)
        if t.entry is not None and t.entry.kind == UNIT and not t.article and (not t.adj or t.conj):
            frac = lex.fraction_before_definite.get(text[t.start : t.end])
            if frac is not None and _DEFINITE_NEXT.match(text, t.end):
                t.kind, t.entry = FRACTION, frac  # "خمس السكان": a fifth of the population
        yield t
        prev, t = t, nxt


def _bracketed(text: str, t: Tok) -> bool:
    """Is a digit run written in brackets ("(57)"), as some outlets set each part of a figure
    split by its scale word: "(57) ألفًا و(618) قتيلًا" is 57,618."""
    return (
        t.kind == DIGITS and 0 < t.pstart and t.end < len(text)
        and text[t.pstart - 1] == "(" and text[t.end] == ")"
    )


def _split_waw_teen(t: Tok, text: str, lex: Lexicon, nxt: Optional[Tok]) -> None:
    """"مئة وأحد عشر" normalises to "مئه واحد عشر": after a number, "واحد" before عشر/عشرة
    or before و + tens ("مئة وأحد وعشرون") is و + أحد joined to the number before it, not the
    word "one" standing alone."""
    word = text[t.start : t.end]
    if not word.startswith("و") or t.entry is None or nxt is None or nxt.entry is None:
        return
    split = lex.forms.get(word[1:])
    if split is None or split[0] or lex.words[split[1]].kind != TEEN_UNIT:
        return
    if nxt.entry.value == 10 and _GAP_PLAIN.fullmatch(text, t.end, nxt.pstart):
        t.start, t.entry, t.conj = t.start + 1, lex.words[split[1]], True  # the teen's unit
    elif nxt.kind == TENS and (
        (nxt.start > nxt.pstart and _GAP_PLAIN.fullmatch(text, t.end, nxt.pstart))  # "وعشرون"
        or _GAP_WAW.fullmatch(text, t.end, nxt.pstart)  # "و عشرون"
    ):
        t.start, t.conj = t.start + 1, True  # "وأحد وعشرون": و + one, then و + tens


def _read_digit_runs(toks: Iterator[Tok], lex: Lexicon, repeats: bool = True) -> Iterator[Tok]:
    """Give each digit run its value; the meaning of "." depends on a scale word after it.
    `repeats` False: a run read as pieces keeps only the pieces _kept_pieces keeps."""
    t = next(toks, None)
    while t is not None:
        nxt = next(toks, None)
        if t.kind != DIGITS:
            yield t
            t = nxt
            continue
        scale_follows = (
            nxt is not None
            and nxt.adj
            and not nxt.conj
            and nxt.kind == SCALE
            and nxt.entry.value >= 1000
        )
        neg = t.raw.startswith("-")
        r = read_digits(
            t.raw.lstrip("-"),
            scale_follows=scale_follows,
            phone_min=lex.phone_min_digits,
            phone_zero_min=lex.phone_leading_zero_digits,
        )
        if r.form == "pieces":
            base = t.start + (1 if neg else 0)
            run = t.raw.lstrip("-")
            for n, (ps, pe, v) in enumerate(pieces_of(run) if repeats else _kept_pieces(run, lex)):
                piece = Tok(DIGITS, base + ps, base + pe, base + ps, value=v, raw=str(v))
                if n == 0:
                    piece.adj, piece.conj = t.adj, t.conj
                yield piece
            t = nxt
            continue
        if r.form in ("cardinal", "decimal") or (neg and r.form == "phone"):
            t.kind = DIGITS  # "-123…" is a negative number, not a phone
        else:
            t.kind = _ALONE + r.form
        t.value = -r.value if neg else r.value
        yield t
        t = nxt


# A piece this far into its run (characters) has only digits and separators in the windows
# read before it (crosscheck.numbers.context reads 40 characters back for a year's or a clock's
# cue word, the extractor 40 for an ordinal's): nothing but its value tells its form.
_DEEP = 64
# Separators that end a word (crosscheck.text.tokens: "." "," "٫" "٬" stay inside one)
_WORD_ENDS = frozenset("/:،")


def _kept_pieces(run: str, lex: Lexicon) -> Iterator[tuple[int, int, int]]:
    """pieces_of(run) without the repeats that name no new number: a piece at least _DEEP
    characters into the run whose value an earlier piece of the same word had (the word: the
    groups joined by "." "," "٫" "٬").  Such a piece is a plain cardinal (no cue word, mark or
    range word stands next to a group inside a run) and its claim would span the same word
    with the same value: a mention of a figure already read.  The last piece is always kept (a
    word after the run may join it: "1.2.3 ألف").  "1.1.1.…" of 500,000 groups is then two
    numbers, not 500,000.

    Past _DEEP a word is read by its distinct groups (_kept_of_word), not group by group: a
    word of 500,000 groups and a few distinct values costs a few look-ups in Python, not one
    step per group.  (_FAST_PIECES off: group by group, as _plain_kept_pieces.)"""
    if not _FAST_PIECES:
        yield from _plain_kept_pieces(run)
        return
    it = _DIGITS.finditer(run)
    m = next(it, None)
    while m is not None and m.start() < _DEEP:
        yield m.start(), m.end(), int(m.group())  # (the last piece too, if it is the last)
        m = next(it, None)
    if m is None:
        return
    del it
    # the words past _DEEP: a piece right after a word end starts a new one (seen cleared)
    bounds = [m.start()] + [w.start() for w in _WORD_START.finditer(run, m.start() + 1)] + [len(run)]
    last = len(bounds) - 2
    for k in range(len(bounds) - 1):
        yield from _kept_of_word(run, bounds[k], bounds[k + 1], k == last)


def _kept_of_word(run: str, a: int, b: int, last: bool) -> Iterator[tuple[int, int, int]]:
    """_plain_kept_pieces' pieces of run[a:b] (one word past _DEEP, starting with a piece, no
    value seen before it): the first piece of each value, and with `last` the run's last piece.
    Few distinct groups: each value's first piece found by `str.find` (a group inside a longer
    one passed over); many: group by group."""
    groups = _DIGITS.findall(run, a, b)
    distinct = dict.fromkeys(groups)
    if len(distinct) > _FEW_GROUPS:
        yield from _plain_word(run, a, b, last)
        return
    seen: set[int] = set()
    end = -1
    for g in distinct:
        v = int(g)
        if v in seen:
            continue  # ("01" after "1": the same value)
        seen.add(v)
        q = run.find(g, a, b)
        while not (q == a or not _DIGIT.match(run, q - 1)) or _DIGITS.match(run, q).end() != q + len(g):
            q = run.find(g, q + 1, b)  # (inside a longer group: "1" of "21")
        end = q + len(g)
        yield q, end, v
    if last:
        m = _LAST_DIGITS.search(run, a, b)
        if m.end() != end:  # (the last piece is no first of its value: kept all the same)
            yield m.start(), m.end(), int(m.group())


def _plain_word(run: str, a: int, b: int, last: bool) -> Iterator[tuple[int, int, int]]:
    """_kept_of_word group by group."""
    seen: set[int] = set()
    it = _DIGITS.finditer(run, a, b)
    cur = next(it, None)
    while cur is not None:
        nxt = next(it, None)
        v = int(cur.group())
        if (nxt is None and last) or v not in seen:
            seen.add(v)
            yield cur.start(), cur.end(), v
        cur = nxt


def _plain_kept_pieces(run: str) -> Iterator[tuple[int, int, int]]:
    """_kept_pieces group by group (its definition; tests compare the two)."""
    seen: set[int] = set()
    it = pieces_of(run)
    cur = next(it, None)
    while cur is not None:
        nxt = next(it, None)
        ps, pe, v = cur
        if ps and run[ps - 1] in _WORD_ENDS:
            seen.clear()  # a new word
        if ps < _DEEP or nxt is None:
            yield cur
        elif v not in seen:
            seen.add(v)
            yield cur
        cur = nxt


# _kept_pieces reads a word past _DEEP by its distinct groups (tests turn it off to compare)
_FAST_PIECES = True
_FEW_GROUPS = 64  # distinct groups of a word read value by value (more: group by group)
_DIGITS = regex_cache.compile(r"\d+")  # (digits.py's pieces: the same groups)
_DIGIT = regex_cache.compile(r"\d")
_LAST_DIGITS = regex_cache.compile(r"(?r)\d+")  # the last group (searched from the end)
_WORD_START = regex_cache.compile(r"(?<=[/:،])\d")  # a group right after a word end (_WORD_ENDS)


def scan(norm: Normalized, lex: Optional[Lexicon] = None) -> list[NumberMatch]:
    """Every number in the normalised text `norm` (see the module docstring); `lex` defaults
    to the lexicon of the rules directory in force."""
    return list(iter_scan(norm, lex))


def iter_scan(norm: Normalized, lex: Optional[Lexicon] = None, repeats: bool = True) -> Iterator[NumberMatch]:
    """scan(), one match at a time (a caller that keeps less than every match holds less).
    `repeats` False: a digit run read as separate numbers ("1.2.1.2") gives each number once
    after its first characters (see _kept_pieces), the extractor's view: the same claims."""
    lex = lex or load_lexicon()
    text, original = norm.text, norm.original
    toks = TokenWindow(_iter_tokens(text, lex, repeats))  # made as the parser reads them
    parser = _Parser(toks)
    ordinal_tens = lex.article_tens_are_ordinal
    scale_value = lex.vague_plural_value == "scale"
    after_plural = lex.tens_cardinal_after if ordinal_tens else frozenset()
    prev: Optional[tuple[str, int]] = None
    i = 0
    get = toks.get
    t = get(i)
    while t is not None:
        if t.kind.startswith(_ALONE):
            kind = t.kind[len(_ALONE) :]
            ph: Optional[Phrase] = Phrase(i + 1, t.value, t.value, kind, t.start, t.end)
        else:
            ph = parse_at(toks, i, ordinal_tens, parser)
            if ph is not None and ph.kind == "ordinal" and t.kind == TENS and after_plural \
                    and _word_before(text, t.pstart) in after_plural:
                ph = parse_at(toks, i, False, parser)  # "القتلى العشرين": the twenty dead
        if ph is None:
            i += 1
            toks.release(i)  # read: a text of numbers frees them as it goes
            t = get(i)
            continue
        form, nend = classify(ph, text, lex, t, ph.j == i + 1, prev)
        start, end = norm.span(ph.start, nend)
        lo, hi = ph.low, ph.high
        value = lo
        if ph.kind == "vague" and scale_value:
            value = _named_scale(toks, i, ph.j) or value
        if (lo.numerator.bit_length() >= _BIG_BITS or hi.numerator.bit_length() >= _BIG_BITS) and not (
            _fits_float(lo) and _fits_float(hi) and _fits_float(value)
        ):
            # beyond any float ("قتل 1,000,…,000 شخصا", 110 groups): the number of nothing
            form, lo, hi, value = "overlong", 0, 0, 0
        if lo == hi:
            low = high = as_number(lo)
            num = low if value is lo else as_number(value)
        else:
            num = as_number(value)
            low, high = (as_number(lo), as_number(hi)) if lo < hi else (as_number(hi), as_number(lo))
        yield NumberMatch(start, end, num, low, high, form, original[start:end], ph.start, nend)
        prev = (form, nend)
        j = ph.j
        while (tj := get(j)) is not None and tj.pstart < nend:
            j += 1
        # the parser never looks back past the phrase's first token: free what it has read
        toks.release(j)
        i, t = j, tj  # (token j, asked for once)


# A number whose numerator has fewer bits than this is below the largest float whatever its
# denominator; only a larger one is converted to find out.
_BIG_BITS = 1000


def _fits_float(x) -> bool:
    """Can x be a float (float(x) does not overflow)?"""
    try:
        float(x)
    except OverflowError:
        return False
    return True


def _word_before(text: str, at: int) -> str:
    """The word right before position `at` (one space or more between), without its "و"/"ف";
    "" when none.  Reads back over that word only."""
    j = at
    while j > 0 and text[j - 1] == " ":
        j -= 1
    k = j
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    w = text[k:j]
    return w[1:] if len(w) > 3 and w[0] in "وف" and w[1:3] == "ال" else w


def _named_scale(toks: TokenWindow, i: int, j: int) -> Optional[int]:
    """The number plural scales name ("عشرات الآلاف" = 10 x 1000), or None when the phrase
    toks[i:j] holds anything else ("بضعة آلاف", "مئة ونيف")."""
    named = 1
    for k in range(i, j):
        t = toks.get(k)
        if t.kind != SCALE or t.entry.number != PL:
            return None
        named *= t.entry.value
    return named


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in `text`, offsets into `text` (see the module docstring)."""
    return scan(normalize(text))
