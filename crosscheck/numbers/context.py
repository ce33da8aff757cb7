"""What a number phrase is, given the words around it: percent, date, year, clock time.

The grammar (crosscheck.numbers.grammar) says what value a phrase has; this module looks right
before and right after it, with the small anchored patterns compiled from rules/numbers/ar.yaml,
and decides the final `form`.  Marks that belong to the number (the month of a date, the
"في المئة" of a percentage) extend the span.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Optional

import re

from crosscheck.numbers.grammar import DIGITS, Phrase, Tok
from crosscheck.numbers.lexicon import FRACTION, Lexicon

# How far back we look for a cue word ("عام", a month name): the longest cue plus spaces.
_WINDOW = 40
# A clause ends right after a number: punctuation, a bracket, a line end or the text's end.
_CLAUSE_END = re.compile(r"[ \t\u00a0]*(?:[.,،؛;:)\]»\n\r]|\Z)")
# A second day of the month after the first ("يومي 5 و6 ديسمبر", "بين 12 و14 مارس"): the first
# number is a date when the month follows the second.
# (the text is normalized: "إلى" reads "الي", "حتى" reads "حتي"; "ليل 15 إلى 16 سبتمبر")
_DAY_PAIR = re.compile(r"\s*(?:و|-|–|الي|حتي)\s*\d{1,2}(?!\d)")
# Between two years of one list or range: "عامي 2023 و2024", "2020-2021", "2023/2024".
_YEAR_JOIN = re.compile(r"[^\S\n]*(?:و|-|–|/|الي|حتي|و[^\S\n]+)[^\S\n]*")
# A year right after a two-part slash date: "11/10 2025" is the 11th of October.
_YEAR_AFTER_SLASH = re.compile(r"[^\S\n]+\d{4}(?!\d)")


def _base_form(ph: Phrase) -> str:
    if ph.kind == "number":
        return "cardinal" if ph.low.denominator == 1 else "decimal"
    return ph.kind


_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def classify(
    ph: Phrase,
    text: str,
    lex: Lexicon,
    first: Tok,
    single: bool,
    prev: Optional[tuple[str, int]],
) -> tuple[str, int]:
    """(form, end) of phrase `ph`; `end` may reach past the phrase over a percent/date mark.

    `first` is the phrase's first token, `single` whether it is its only one; `prev` is
    (form, end) of the previous match.
    """
    form = _base_form(ph)
    end = ph.end
    if form in ("date", "time", "phone", "year"):
        return form, end
    if first.kind == DIGITS and ph.start > 0 and text[ph.start - 1] in _LATIN:
        return "code", end  # "MH17", "F16", "A320": digits written onto a Latin name are its code
    if form == "fraction" and first.kind != FRACTION:  # digits "11/10"
        if _YEAR_AFTER_SLASH.match(text, end):
            return "date", _YEAR_AFTER_SLASH.match(text, end).end()
        return form, end
    if form in ("cardinal", "decimal", "vague", "fraction"):
        m = lex.percent_re.match(text, end)
        if m:
            return "percent", m.end()
    exact_int = ph.low == ph.high and ph.low.denominator == 1
    if exact_int and 1 <= ph.low <= 31 and form in ("cardinal", "ordinal"):
        m = lex.month_after_re.match(text, end)
        if m:
            if m.group("digits") is not None and not _a_year(lex, int(m.group("digits"))):
                return "date", m.start("year")  # "18 آب/أغسطس 2189 قتيلا": no year, a count
            return "date", m.end()
        pair = _DAY_PAIR.match(text, end)
        if pair is not None and lex.month_after_re.match(text, pair.end()):
            return "date", end  # "يومي 5 و6 كانون الأول": the first of two days of one month
    if form != "cardinal" or not exact_int:
        return form, end
    single_run = first.kind == DIGITS and single and first.raw.isdigit()
    if not single_run:
        return form, end  # (a year or a clock time is one run of digits)
    v = int(ph.low)
    window = text[max(0, ph.start - _WINDOW) : ph.start]
    if single_run and len(first.raw) == 4:
        y0, y1 = lex.year_range
        if y0 <= v <= y1 and (
            lex.month_before_re.search(window)
            or lex.year_before_re.search(window)
            or lex.year_after_re.match(text, end)
            or (text[ph.start - 1 : ph.start] == "(" and text[end : end + 1] == ")")  # "(2016)"
            or (
                lex.year_relative_before_re is not None
                and _CLAUSE_END.match(text, end) is not None
                and lex.year_relative_before_re.search(window) is not None
            )
            or (
                prev is not None
                and prev[0] == "year"
                and _YEAR_JOIN.fullmatch(text, prev[1], ph.start) is not None
                and _after_year(text, prev[1], v)
            )
        ):
            return "year", end
        h0, h1 = lex.hijri_year_range
        if h0 <= v <= h1 and lex.hijri_after_re.match(text, end):
            return "year", end
    if single_run and 0 <= v <= 24:
        if lex.time_before_re.search(window) or (
            lex.time_after_re.match(text, end)
            and not (lex.time_after_unless_re is not None and lex.time_after_unless_re.search(window))
        ):
            return "time", end
    return form, end


def as_number(x: Fraction) -> int | float:
    """int when whole, else float."""
    return int(x) if x.denominator == 1 else float(x)


def _after_year(text: str, prev_end: int, v: int) -> bool:
    """Is `v` later than the year that ends at `prev_end` ("2011-2020", "عامي 2023 و2024": a span or
    list of years runs forward; "منذ أكتوبر 2016 إلى 1790 شخصا" is a count)?  Only its four
    characters are read."""
    prev = text[max(0, prev_end - 4) : prev_end]
    return not (len(prev) == 4 and prev.isdigit() and int(prev) >= v)


def _a_year(lex, v: int) -> bool:
    """Is a four-digit number after a day and month a year (Gregorian or Hijri)?"""
    return lex.year_range[0] <= v <= lex.year_range[1] or lex.hijri_year_range[0] <= v <= lex.hijri_year_range[1]
