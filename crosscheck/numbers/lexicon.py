"""The Arabic number lexicon: rules/numbers/ar.yaml, validated, normalised and indexed.

The YAML is data (words, intervals, cue words); this module turns it into the look-up tables
and the few compiled patterns the number parser needs, once (`load_lexicon()` is cached).
Every word is normalised like the text (crosscheck.text.normalize), so the file can use ordinary
spelling.  A malformed file raises RuleError naming the file and the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from crosscheck.errors import RuleError
from crosscheck.text.normalize import normalize_word
from crosscheck.util import re_cache

LEXICON_FILE = Path("numbers") / "ar.yaml"  # inside the rules directory

# Entry kinds.
UNIT = "unit"  # 0..10
TEEN_UNIT = "teen_unit"  # أحد / اثنا: only before عشر
TENS = "tens"
HUNDREDS = "hundreds"  # fused 300..900
SCALE = "scale"  # 10, 100, 1000, 10**6 … with a grammatical number
FRACTION = "fraction"
VAGUE = "vague"  # بضع, عدة
NIF = "nif"
ORDINAL = "ordinal"
POINT = "point"  # فاصلة
NEGATIVE = "negative"  # سالب

# Grammatical number of a scale word.
SG, SG_OR_DUAL, DUAL, PL = "singular", "singular_or_dual", "dual", "plural"


# --------------------------------------------------------------------------- file schema


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Example(_Strict):
    text: str
    value: Union[int, float, None] = None
    low: Optional[float] = None
    high: Optional[float] = None
    form: Optional[str] = None
    surface: Optional[str] = None


class _Split(_Strict):
    text: str
    values: list[Union[int, float]]


class _Examples(_Strict):
    match: list[_Example] = Field(default_factory=list)
    no_count: list[str] = Field(default_factory=list)
    split: list[_Split] = Field(default_factory=list)


class _Clitics(_Strict):
    prefixes: list[str]
    conj: list[str]
    article: list[str]
    examples: _Examples = Field(default_factory=_Examples)


class _Scale(_Strict):
    value: int
    singular: list[str] = Field(default_factory=list)
    singular_or_dual: list[str] = Field(default_factory=list)
    dual: list[str] = Field(default_factory=list)
    plural: list[str] = Field(default_factory=list)
    plural_alone: Optional[tuple[int, int]] = None


class _Fraction(_Strict):
    value: str
    words: list[str] = Field(default_factory=list)
    plural: list[str] = Field(default_factory=list)


class _Multiplier(_Strict):
    words: list[str]
    low: int
    high: int
    alone: bool = True


class _Vague(_Strict):
    multipliers: list[_Multiplier]
    nif: list[str]
    # The `value` of a plural scale standing for a vague quantity ("آلاف", "عشرات الآلاف"):
    # "scale" = the number its words name (1000, 10,000), "low" = the low end of its interval.
    plural_value: Literal["scale", "low"] = "scale"
    examples: _Examples = Field(default_factory=_Examples)


class _Ordinals(_Strict):
    units: dict[int, list[str]]
    teen_units: dict[int, list[str]]
    article_tens_are_ordinal: bool = True
    # ... except right after one of these definite plural nouns, whose number they tell as an
    # adjective ("القتلى العشرين", "البحارة العشرين": the twenty dead, not the twentieth)
    tens_cardinal_after: list[str] = Field(default_factory=list)
    examples: _Examples = Field(default_factory=_Examples)


class _Phone(_Strict):
    min_digits: int = Field(ge=5)
    leading_zero_digits: int = Field(ge=5)


class _DecimalLetter(_Strict):
    letter: str = Field(min_length=1, max_length=1)
    # the digits written before the letter are the fraction ("5ر1" = 1.5), as the agency
    # wires set them; False reads them as the whole part ("1ر5" = 1.5)
    fraction_first: bool = True
    examples: _Examples = Field(default_factory=_Examples)


class _File(_Strict):
    version: int
    clitics: _Clitics
    units: dict[int, list[str]]
    teen_units: dict[int, list[str]]
    ten_words: list[str]
    tens: dict[int, list[str]]
    hundreds: dict[int, list[str]]
    scales: list[_Scale]
    cardinal_examples: _Examples = Field(default_factory=_Examples)
    fractions: list[_Fraction]
    fraction_examples: _Examples = Field(default_factory=_Examples)
    fraction_before_definite: dict[str, list[str]] = Field(default_factory=dict)
    decimal_point: list[str]
    # A letter written between two digit runs as a decimal mark: news agencies (KUNA and the
    # papers that take its wire) write "5ر1 مليون" for 1.5 million, the fraction first.
    decimal_letter: Optional[_DecimalLetter] = None
    negative: list[str]
    vague: _Vague
    ordinals: _Ordinals
    not_numbers: list[str]
    weekdays: list[str]
    weekday_examples: _Examples = Field(default_factory=_Examples)
    months: list[list[str]]
    month_lead: list[str]
    relative_months: list[str]
    month_trail: list[str]
    year_range: tuple[int, int]
    hijri_year_range: tuple[int, int]
    year_before: list[str]
    # A year named relative to now before a four-digit year in apposition ("منذ مطلع العام
    # الجاري 2024، بينها 19 وفاة"): a year only when a clause ends right after it (a comma, a
    # full stop, a bracket, the end): "سجلت العام الماضي 2100 إصابة" is a count.
    year_relative_before: list[str] = Field(default_factory=list)
    year_after: list[str]
    hijri_year_after: list[str]
    dates_examples: _Examples = Field(default_factory=_Examples)
    time_before: list[str]
    time_after: list[str]
    # ... unless the word heads a day after it: "19 مساء الأربعاء" is a figure of Wednesday
    # evening (a count), "8 مساء" a clock time
    time_after_unless_before: list[str] = Field(default_factory=list)
    # ... or unless one of these ends right before the number: a figure's earlier value
    # ("بعد أن كان 12 صباحا" is 12 in the morning; a clock time there is "كانت الساعة 12")
    time_after_unless_after: list[str] = Field(default_factory=list)
    times_examples: _Examples = Field(default_factory=_Examples)
    percent_after: list[str]
    percent_examples: _Examples = Field(default_factory=_Examples)
    phone: _Phone
    phone_examples: _Examples = Field(default_factory=_Examples)


# --------------------------------------------------------------------------- the tables


@dataclass(frozen=True, slots=True)
class Entry:
    """What one bare (clitic-free, normalised) word means."""

    kind: str
    value: Union[int, Fraction] = 0
    number: str = ""  # scales: SG / SG_OR_DUAL / DUAL / PL
    low: int = 0  # vague multipliers, plural scales used alone
    high: int = 0
    alone: bool = True  # may stand as a number by itself
    ten_word: bool = False  # may be the second word of 11..19 (عشر, عشرة)
    plural: bool = False  # fractions that need a unit before them (أرباع)
    teen_only: bool = False  # ordinal units only before عشر (حادي)


@dataclass(slots=True)
class Lexicon:
    path: str
    words: dict[str, Entry]
    prefixes: list[str]
    conj_prefixes: frozenset[str]
    article_prefixes: tuple[str, ...]
    not_numbers: frozenset[str]
    weekdays: frozenset[str]  # normalised, with the article
    fraction_before_definite: dict[str, Entry]  # unit word -> the fraction it is before ال…
    article_tens_are_ordinal: bool
    tens_cardinal_after: frozenset[str]  # normalised: see _Ordinals.tens_cardinal_after
    year_range: tuple[int, int]
    hijri_year_range: tuple[int, int]
    phone_min_digits: int
    phone_leading_zero_digits: int
    vague_plural_value: str = "scale"  # see _Vague.plural_value
    # Compiled patterns (built from the word lists above).
    forms: dict[str, tuple[str, str]] = field(repr=False, default_factory=dict)
    word_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    digit_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    phone_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    iso_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    dmy_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    spaced_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    # digits, the decimal letter, digits ("5ر1"): None when the rule file names no letter
    letter_decimal_re: Optional[re.Pattern] = field(repr=False, default=None)
    letter_fraction_first: bool = True
    month_after_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    month_before_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    year_before_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    year_relative_before_re: Optional[re.Pattern] = field(repr=False, default=None)
    year_after_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    hijri_after_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    time_before_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    time_after_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    time_after_unless_re: Optional[re.Pattern] = field(repr=False, default=None)
    percent_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    examples: dict[str, _Examples] = field(default_factory=dict, repr=False)


def _norm_all(words: list[str]) -> list[str]:
    return [normalize_word(w) for w in words]


def _phrase_alternation(phrases: list[str]) -> str:
    """Regex alternation of normalised phrases, longest first, any run of spaces between words."""
    forms = sorted({normalize_word(p) for p in phrases}, key=len, reverse=True)
    return "|".join(r"[^\S\n]+".join(re.escape(w) for w in f.split()) for f in forms)


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.words: dict[str, Entry] = {}

    def add(self, word: str, entry: Entry, where: str) -> None:
        key = normalize_word(word)
        if not key or " " in key:
            raise RuleError(f"{self.path}: {where}: '{word}' must be one word")
        old = self.words.get(key)
        if old is not None and old != entry:
            # The one deliberate double role: عشر/عشرة are the unit 10 and the second word of
            # a teen; that is a flag on the unit entry, set by the caller.
            raise RuleError(
                f"{self.path}: {where}: '{word}' is already listed as {old.kind} "
                f"(normalised '{key}'); a word can have one meaning in this file"
            )
        self.words[key] = entry


def _definite_fractions(f: _File, b: "_Builder", path: str) -> dict[str, Entry]:
    out = {}
    for val, ws in f.fraction_before_definite.items():
        for w in ws:
            key = normalize_word(w)
            if b.words.get(key) is None or b.words[key].kind != UNIT:
                raise RuleError(
                    f"{path}: fraction_before_definite: '{w}' must be a word listed under units"
                )
            out[key] = Entry(FRACTION, _fraction(val, path))
    return out


def _fraction(text: str, path: str) -> Fraction:
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise RuleError(f"{path}: fractions: value '{text}' is not a fraction like 1/4") from None


def build_lexicon(data: dict, path: str = "<rules>") -> Lexicon:
    """Validate the parsed YAML `data` and build the tables.  Raises RuleError."""
    try:
        f = _File.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise RuleError(f"{path}: {loc}: {err['msg']}") from None

    b = _Builder(path)
    ten_words = set(_norm_all(f.ten_words))
    for v, ws in f.units.items():
        for w in ws:
            b.add(w, Entry(UNIT, v, ten_word=normalize_word(w) in ten_words), f"units.{v}")
    for w in f.ten_words:
        if normalize_word(w) not in b.words:
            raise RuleError(f"{path}: ten_words: '{w}' must also be listed under units (as 10)")
    for v, ws in f.teen_units.items():
        for w in ws:
            b.add(w, Entry(TEEN_UNIT, v, alone=False), f"teen_units.{v}")
    for v, ws in f.tens.items():
        for w in ws:
            b.add(w, Entry(TENS, v), f"tens.{v}")
    for v, ws in f.hundreds.items():
        for w in ws:
            b.add(w, Entry(HUNDREDS, v), f"hundreds.{v}")
    for s in f.scales:
        for number in (SG, SG_OR_DUAL, DUAL, PL):
            for w in getattr(s, number):
                lo, hi = s.plural_alone or (0, 0)
                alone = number != PL or s.plural_alone is not None
                b.add(w, Entry(SCALE, s.value, number, lo, hi, alone=alone), f"scales.{s.value}")
    for fr in f.fractions:
        val = _fraction(fr.value, path)
        for w in fr.words:
            b.add(w, Entry(FRACTION, val), "fractions")
        for w in fr.plural:
            b.add(w, Entry(FRACTION, val, plural=True, alone=False), "fractions")
    for w in f.decimal_point:
        b.add(w, Entry(POINT, alone=False), "decimal_point")
    for w in f.negative:
        b.add(w, Entry(NEGATIVE, alone=False), "negative")
    for m in f.vague.multipliers:
        if not 0 < m.low <= m.high:
            raise RuleError(f"{path}: vague.multipliers: low/high of {m.words} must be 0 < low <= high")
        for w in m.words:
            b.add(w, Entry(VAGUE, low=m.low, high=m.high, alone=m.alone), "vague.multipliers")
    for w in f.vague.nif:
        b.add(w, Entry(NIF, alone=False), "vague.nif")
    for v, ws in f.ordinals.units.items():
        for w in ws:
            b.add(w, Entry(ORDINAL, v), f"ordinals.units.{v}")
    for v, ws in f.ordinals.teen_units.items():
        for w in ws:
            b.add(w, Entry(ORDINAL, v, teen_only=True), f"ordinals.teen_units.{v}")

    prefixes = sorted(set(_norm_all(f.clitics.prefixes)), key=len, reverse=True)
    lex = Lexicon(
        path=path,
        words=b.words,
        prefixes=prefixes,
        conj_prefixes=frozenset(p for p in prefixes if p[:1] in set(_norm_all(f.clitics.conj))),
        article_prefixes=tuple(_norm_all(f.clitics.article)),
        not_numbers=frozenset(_norm_all(f.not_numbers)),
        weekdays=frozenset(_norm_all(f.weekdays)),
        fraction_before_definite=_definite_fractions(f, b, path),
        article_tens_are_ordinal=f.ordinals.article_tens_are_ordinal,
        tens_cardinal_after=frozenset(_norm_all(f.ordinals.tens_cardinal_after)),
        year_range=f.year_range,
        hijri_year_range=f.hijri_year_range,
        phone_min_digits=f.phone.min_digits,
        phone_leading_zero_digits=f.phone.leading_zero_digits,
        vague_plural_value=f.vague.plural_value,
    )
    _compile(lex, f)
    lex.examples = {
        "clitics": f.clitics.examples,
        "cardinals": f.cardinal_examples,
        "fractions": f.fraction_examples,
        "vague": f.vague.examples,
        "ordinals": f.ordinals.examples,
        "weekdays": f.weekday_examples,
        "dates": f.dates_examples,
        "times": f.times_examples,
        "percent": f.percent_examples,
        "phone": f.phone_examples,
    }
    if f.decimal_letter is not None:
        lex.examples["decimal_letter"] = f.decimal_letter.examples
    return lex


def _trie_pattern(words: dict[str, object]) -> str:
    """A regex matching exactly `words`, as a character trie: "ال(?:ف(?:ا|ين)?|…)"."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if ends else body

    return build(root)


def _compile(lex: Lexicon, f: _File) -> None:
    sp = r"[^\S\n]"  # a space that is not a line break: number phrases never cross lines
    # Candidate words.  Every lexicon word, bare or behind one clitic prefix, is a key of
    # `forms` (the bare reading wins: "واحد" is the unit, not و + أحد; then the longest
    # prefix).  The scanning pattern is a character trie of those keys (the stdlib engine
    # scans a trie fast, far faster than an alternation of 3000 words or a named list), ended
    # by a non-word character; the scanner checks the character before a match itself.
    forms: dict[str, tuple[str, str]] = {w: ("", w) for w in lex.words}
    for p in lex.prefixes:  # longest prefixes first
        for w in lex.words:
            forms.setdefault(p + w, (p, w))
    lex.forms = forms
    lex.word_re = re_cache.compile("(?:" + _trie_pattern(forms) + r")(?!\w)")
    # Digit runs with the separators news puts inside numbers: . , ٫ ٬ / : between digits, the
    # Arabic comma ، only before exactly three digits (otherwise it separates a list).  (A
    # leading decimal point ".77" is taken by the scanner.)  crosscheck.numbers.digits decides
    # what they mean.  (Possessive: nothing follows the group, so the match is the same, and
    # the engine keeps no backtracking state per group: a run of 500,000 groups took 98 MB.)
    lex.digit_re = re.compile(r"\d+(?:[.,٫٬/:]\d+|،\d{3}(?!\d))*+")
    # "+" then digits with spaces/dashes ("+966 55 123 4567"): only ever a phone number.
    lex.phone_re = re.compile(r"\+\d[\d \t\-]{6,}\d")
    # "2025-04-02": year-month-day, the one place a dash sits inside a number.
    # ... and a year-month "2022-06" as crawled pages date themselves (never a count)
    lex.iso_re = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?!\d)|(?:19|20)\d\d-(?:0?[1-9]|1[0-2])(?![\d-])")
    # "٨-٧-٢٠٢٤": day-month-year with dashes, as news agencies date their datelines.
    lex.dmy_re = re.compile(r"\d{1,2}-\d{1,2}-\d{4}(?!\d)")
    # "1 414 021 100", "40 000": groups of exactly three digits after a first group of 1-3
    # (not starting with 0), the French/Maghreb thousands style, with an optional decimal
    # part; any other spacing separates numbers.
    lex.spaced_re = re.compile(r"[1-9]\d{0,2}(?:[ \t]\d{3}(?![\d/:]|[.,٫٬]\d{3}))+(?:[.,٫]\d+)?(?!\d)")
    if f.decimal_letter is not None:
        letter = re.escape(normalize_word(f.decimal_letter.letter))
        # whole digit runs on both sides, the letter touching both, no letter or digit after
        lex.letter_decimal_re = re.compile(r"(\d{1,3})" + letter + r"(\d{1,3})(?![\w])")
        lex.letter_fraction_first = f.decimal_letter.fraction_first
    months = _phrase_alternation([m for group in f.months for m in group])
    lead = _phrase_alternation(f.month_lead)
    trail = _phrase_alternation(f.month_trail)
    # After a day number: "من الشهر الجاري"; or optional "من"/"شهر", the month, an optional
    # "/other name", an optional trail word and a 4-digit year (all part of the date's span).
    relative = _phrase_alternation(f.relative_months)
    # The month's other name after it, with a slash or in brackets: "آب/أغسطس", "أكتوبر (تشرين
    # الأول)" (the Asharq style).
    alias = rf"(?:{sp}*/{sp}*(?:{months})(?![^\W\d_])|{sp}*\({sp}*(?:{months}){sp}*\))?"
    # (the year, group "year", is checked against year_range / hijri_year_range by the caller:
    # "يوم الأربعاء 18 آب/أغسطس 2189 قتيلا" is a date, then a count)
    lex.month_after_re = re.compile(
        rf"{sp}+من{sp}+(?:{relative})(?![^\W\d_])|"
        rf"{sp}*(?:(?:{lead}){sp}+)*(?:{months})(?![^\W\d_])"
        + alias +
        rf"(?P<year>{sp}*[,،]?{sp}*(?:(?:{trail}){sp}+)?(?P<digits>\d{{4}})(?!\d))?"
    )
    # Before a year: the month (and maybe "الماضي") right before the number.
    lex.month_before_re = re.compile(
        rf"(?<![^\W\d_])(?:{months})" + alias + rf"(?:{sp}+(?:{trail}))?{sp}*[,،]?{sp}*\Z"
    )
    # A year cue word ("عام", "منذ") right before the number, maybe with a clitic prefix.
    pre = "|".join(re.escape(p) for p in lex.prefixes)
    lex.year_before_re = re.compile(
        rf"(?<![^\W\d_])(?:{pre})?(?:{_phrase_alternation(f.year_before)}){sp}*\Z"
    )
    # "العام الجاري" right before the number (the clause end after it is checked by the caller).
    if f.year_relative_before:
        lex.year_relative_before_re = re.compile(
            rf"(?<![^\W\d_])(?:{pre})?(?:{_phrase_alternation(f.year_relative_before)}){sp}*\Z"
        )
    # A year mark right after the number ("1990م", "2023 ميلادي"); not the start of a word.
    lex.year_after_re = re.compile(rf"{sp}*(?:{_phrase_alternation(f.year_after)})(?![^\W\d_])")
    # The Hijri mark after a year ("1445 هـ"), for numbers in the Hijri year range.
    lex.hijri_after_re = re.compile(
        rf"{sp}*(?:{_phrase_alternation(f.hijri_year_after)})(?![^\W\d_])"
    )
    # "الساعة" right before a small number makes it a clock time ("الساعة 10").
    lex.time_before_re = re.compile(
        rf"(?<![^\W\d_])(?:{pre})?(?:{_phrase_alternation(f.time_before)}){sp}*\Z"
    )
    # A part of the day right after a small number ("10 صباحًا", "8 مساء").
    unless = (rf"(?!{sp}+(?:[وف])?(?:{_phrase_alternation(f.time_after_unless_before)})(?![^\W\d_]))"
              if f.time_after_unless_before else "")
    lex.time_after_re = re.compile(rf"{sp}*(?:{_phrase_alternation(f.time_after)})(?![^\W\d_]){unless}")
    lex.time_after_unless_re = (
        re.compile(rf"(?<![^\W\d_])(?:[وف])?(?:{_phrase_alternation(f.time_after_unless_after)}){sp}*\Z")
        if f.time_after_unless_after else None
    )
    # A percent mark after the number; the mark belongs to the span ("30 في المئة").
    lex.percent_re = re.compile(
        rf"{sp}*(?:{_phrase_alternation(f.percent_after)})(?![^\W\d_])"
    )


def load_lexicon_file(path: Union[str, Path]) -> Lexicon:
    """Read and build a lexicon file (not cached).  Raises RuleError."""
    from crosscheck.ruleset.loader import read_yaml

    p = Path(path)
    data = read_yaml(p, "the number lexicon")
    if not isinstance(data, dict):
        raise RuleError(f"{p}: the number lexicon must be a YAML mapping")
    return build_lexicon(data, str(p))


def load_lexicon(rules: Union[str, Path, None] = None) -> Lexicon:
    """The number lexicon (numbers/ar.yaml) of the rules directory in force, loaded once per
    directory."""
    from crosscheck.ruleset.resources import resolved, rules_dir

    return _lexicon_at(str(Path(resolved(rules_dir(rules))) / LEXICON_FILE))


@lru_cache(maxsize=8)
def _lexicon_at(path: str) -> Lexicon:
    return load_lexicon_file(path)
