"""Reading a run of digits with its separators: "72,063", "٣٫٥", "12.345", "02/04/2025", "03:24".

The scanner (crosscheck.numbers.lexicon's token pattern) hands over one run of ASCII digits (the
normaliser has already mapped ٠-٩ and ۰-۹) with the separators news text puts inside numbers:
`.` `,` `٫` (Arabic decimal) `٬` (Arabic thousands) `،` (Arabic comma, only before three
digits) `/` and `:`.  `read_digits` decides what the separators mean:

* `٫` is always the decimal point and `٬` always a thousands separator;
* a `.` followed by exactly three digits in every group ("12.345", "1.234.567") separates
  thousands unless a scale word follows ("1.500 مليون" is 1.5 million), otherwise it is a
  decimal point ("2.5", "01.10");
* a `,` followed by exactly three digits in every group separates thousands ("72,063"),
  otherwise a single `,` is a decimal comma ("٠,٠٨");
* with both `.` and `,`, the last one is the decimal point ("1,234.5", "1.234,5");
* `/`: three parts are a date, two parts a fraction ("٧٧/١٠٠"), two years a season;
* `:`: a clock time "03:24" / "03:24:10";
* a long unbroken run (or one starting with 0) is a phone number;
* a run holding a group of more digits than Python turns into an int
  (`sys.get_int_max_str_digits()`, 4,300 by default) is `overlong`: the number of nothing.

Anything else ("192.168.1.2") is read as separate numbers, one per group (`pieces_of`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterator

from crosscheck.util import regex_cache

# A clock time: hours, minutes, optional seconds (minutes/seconds always two digits).
_TIME = regex_cache.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
# Splits a run into its digit groups and the separators between them.
_GROUPS = regex_cache.compile(r"[.,٫٬،/:]")


@dataclass(frozen=True, slots=True)
class DigitReading:
    """What a digit run means.  `pieces` is set when it is several numbers, not one."""

    form: str  # cardinal | decimal | fraction | date | time | year | phone | pieces | overlong
    value: Fraction = 0
    dotted_thousands: bool = False  # a "." was read as a thousands separator


def _num(form_value: Fraction) -> str:
    return "cardinal" if form_value.denominator == 1 else "decimal"


_PIECES = DigitReading("pieces")


def _pieces(s: str) -> DigitReading:
    return _PIECES  # (its numbers: pieces_of(s), read one at a time)


def pieces_of(s: str) -> Iterator[tuple[int, int, int]]:
    """(offset, end offset, value) of each group of a run read as `pieces`, one at a time (a run
    of 500,000 groups is never held as a list)."""
    for m in _DIGITS.finditer(s):
        yield m.start(), m.end(), int(m.group())


def _is_thousands(groups: list[str]) -> bool:
    """First group 1-3 digits (no leading zero unless it is "0"), every later group 3 digits."""
    first = groups[0]
    if not 1 <= len(first) <= 3 or (first.startswith("0") and first != "0") or first == "0":
        return False
    return all(len(g) == 3 for g in groups[1:])


def _decimal(int_part: str, frac_part: str) -> Fraction:
    return int(int_part or "0") + Fraction(int(frac_part), 10 ** len(frac_part))


def _overlong(s: str) -> bool:
    """Does the run hold a group of digits too long to be read as an int?"""
    limit = sys.get_int_max_str_digits()
    # (the longest group, found in C: a run of 500,000 groups took a Python step for each)
    return 0 < limit < len(s) and max(map(len, _DIGITS.findall(s)), default=0) > limit


_DIGITS = regex_cache.compile(r"\d+")


def read_digits(
    s: str, *, scale_follows: bool = False, phone_min: int = 10, phone_zero_min: int = 7
) -> DigitReading:
    """Interpret the digit run `s` (see the module docstring)."""
    if _overlong(s):
        return DigitReading("overlong")  # (int() refuses it: "قتل 111…1 شخصا", 5,000 digits)
    if s.isdigit():
        if len(s) >= phone_min or (s.startswith("0") and len(s) >= phone_zero_min):
            return DigitReading("phone", int(s))
        return DigitReading("cardinal", int(s))
    if ":" in s:
        if _TIME.fullmatch(s):
            return DigitReading("time", int(s.split(":")[0]))
        return _pieces(s)
    if "/" in s:
        return _read_slash(s)
    seps = _GROUPS.findall(s)
    groups = _GROUPS.split(s)
    if groups[0] == "":  # ".77" / "٫٧٧"
        if len(groups) == 2 and seps[0] in ".٫":
            v = _decimal("", groups[1])
            return DigitReading(_num(v), v)
        return _pieces(s)
    sepset = set(seps)
    # Decide which separator is the decimal point (at most one, the last one).
    dec = None
    if "٫" in sepset:
        dec = "٫"
    elif seps[-1] in ".," and seps.count(seps[-1]) == 1 and len(sepset) > 1:
        dec = seps[-1]  # "1,234.5", "1.234,5", "12،220,13": the odd one out at the end
    elif sepset == {","}:
        if len(seps) == 1 and not _is_thousands(groups):
            dec = ","
    elif sepset == {"."}:
        if len(seps) == 1 and (scale_follows or not _is_thousands(groups)):
            dec = "."
        elif len(seps) == 2 and len(groups[2]) == 4 and not _is_thousands(groups):
            return DigitReading("date", int(groups[0]))  # 02.04.2025
    if dec is not None:
        if seps.count(dec) != 1 or seps[-1] != dec:
            return _pieces(s)
        int_groups = groups[:-1]
        if len(int_groups) > 1 and not _is_thousands(int_groups):
            return _pieces(s)
        v = _decimal("".join(int_groups), groups[-1])
        return DigitReading(_num(v), v)
    if _is_thousands(groups):
        v = int("".join(groups))
        return DigitReading("cardinal", v, dotted_thousands="." in sepset)
    return _pieces(s)


def _read_slash(s: str) -> DigitReading:
    parts = s.split("/")
    if not all(p.isdigit() for p in parts):
        return _pieces(s)
    if len(parts) == 3:
        return DigitReading("date", int(parts[0]))
    if len(parts) == 2:
        a, b = parts
        if len(a) == 4 and len(b) == 4:
            return DigitReading("year", int(a))  # 2023/2024: a season
        if int(b) == 0:
            return _pieces(s)
        return DigitReading("fraction", Fraction(int(a), int(b)))
    return _pieces(s)
