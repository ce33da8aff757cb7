"""Dates: a document's date from its dateline, and the date a claim speaks of.

    rules = load_date_rules(path)                 # rules/dates.yaml (DateRules)
    header_date(text, rules) -> date | None       # dateline / header line near the top
    claim_date(sentence, at, doc_date, rules) -> (date | None, how)

Gregorian dates are parsed by `dateparser` (which reads Arabic month names) after month names
it lacks (Levantine, Maghrebi) are mapped to the ones it reads; Hijri dates are converted with
`hijridate` (Umm al-Qura).  Both libraries are imported on first use only, and every parse is
cached by its normalised string, so a corpus of thousands of articles with the same few
datelines parses each once.  Matching is done on normalised text (crosscheck.text.normalize):
one alef, ه for ة, Western digits.

`how` in claim_date is "relative" (أمس, يوم الخميس, مساء السبت: resolved against the document
date), "text" (an explicit day and month in the sentence, "حتى 9 نوفمبر"), "document" (the
sentence names no date: the document's own date) or "none" (no date at all).
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Literal, Optional
from bisect import bisect_left, bisect_right

import regex
from pydantic import BaseModel, ConfigDict, Field

from crosscheck.text.literals import LiteralGate
from crosscheck.text.normalize import normalize, normalize_sentence, normalize_word
from crosscheck.util import regex_cache
from crosscheck.util.memo import per_object


class DateRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    what: str
    why: str
    header_chars: int = Field(400, ge=20)
    # A date near the top is the article's only on a dateline-shaped line: at most
    # `dateline_max_words_before` words before it on its line (a place, an outlet, a weekday, a
    # label: "نيويورك - من مراسل الأهرام - الجمعة") and, after it, the line's end or one of
    # `dateline_separators` within `dateline_max_words_after` words (a time, the other
    # calendar, an outlet: "2018 (وات) - أفادت").  A date inside a sentence ("قتل 37 شخصا ...
    # ظهر الاثنين 28 أغسطس 1995 عندما سقطت") is an event's, not the article's.
    dateline_max_words_before: int = Field(6, ge=0)
    dateline_max_words_after: int = Field(3, ge=0)
    dateline_separators: str = "-–—|(:"
    # English month names (and their short forms) for a dateline in English on an Arabic page
    # ("تاريخ النشر: 23rd, March 2024 GMT", "Mar 5, 2019"), read by dateparser in English.
    latin_months: list[str] = []
    # A page with no dateline at its top may stamp its date at its foot after a label ("تاريخ النشر
    # 01.01.2015", "نُشر في 2016-04-18 10:40 | آخر تحديث ..."): a date right after one of these
    # labels (normalised) in the last `footer_chars` characters is the article's.  An unlabelled
    # date there (a list of related stories, "01 أبريل 2025 10:12 م") is not.
    footer_chars: int = Field(300, ge=0)
    footer_labels: list[str] = []
    month_aliases: dict[str, str] = {}
    months: list[str]
    hijri_months: dict[str, int]
    relative_days: dict[str, int]
    weekdays: dict[str, int]
    anchor_words: list[str]
    as_of_words: list[str]
    # A relative day inside a relative clause ("الانفجار الذي هز المرفأ مساء أمس") dates the
    # event, not the figure: these words, at most a few words before the day, make it so.
    event_clause_words: list[str] = []
    # ... at most this many words before the day, none of them a figure or "أن/إن" (which
    # opens a reported clause of its own: "التي تدير المستشفيات إن 40 قتلوا أمس")
    event_clause_max_words: int = Field(5, ge=1, le=15)
    # units after a decimal that make it a magnitude, not a figure ("7.8 درجات")
    event_clause_units: list[str] = []
    # ... but a clause about the report itself ("في المؤتمر الصحفي الذي عقده مساء الأحد") says
    # when the figure was given: these nouns right before the clause word make it so.
    report_nouns: list[str] = []
    # Nouns of an event a day may be named by ("اشتباكات السبت", "هجوم يوم الجمعة", "غارة أمس"):
    # a relative day right after one dates the event, not the figure.
    event_nouns: list[str] = []
    # A day the sentence looks forward to ("على أن تستكمل العملية الأحد", "يوم الجمعة المقبل") is
    # when something is due, not the day the figure was given: these words at most
    # `future_max_words` words before the day, or these right after it, make it so.
    future_words: list[str] = []
    future_max_words: int = Field(4, ge=1, le=10)
    future_after_words: list[str] = []
    # A day right before a relative clause telling the event's outcome ("تصادم قطارين يوم الجمعة،
    # الذي أسفر عن 18 قتيلا") dates the event, not the figure the clause gives: these phrases
    # (normalised) right after the day, a comma allowed between, make it so.
    event_outcome_after: list[str] = []
    # "Last year" ("العام الماضي"): a vote recalled in its sentence was held the year before.
    last_year_words: list[str] = []
    # ... unless it is only the term a figure of this year is compared with ("تراجع التأييد
    # مقارنة بالعام الماضي", "أقل بست دول من العام الماضي"): these words right before it (a
    # preposition "ب" / "مع" between) ...
    last_year_compare_words: list[str] = []
    # ... or one of these comparatives at most three words before its "من" make it so; a clause
    # telling last year's vote right after it ("مقارنة بالعام الماضي حين أيده 120") keeps it.
    last_year_comparatives: list[str] = []
    last_year_recall_after: list[str] = []
    # A numeric date ("12/12/1430 هـ") whose year lies in this range is Hijri: no dateline of
    # today's news is a Gregorian year that far back.
    hijri_years: tuple[int, int] = (1300, 1599)
    # Four digits after a day and month more than this many years past the document's are the
    # figure the sentence goes on with, not the date's year ("18 أغسطس 2189 قتيلا"); news names
    # years this far ahead ("رؤية 2050", a treaty "حتى عام 2075").
    years_ahead: int = Field(60, ge=1, le=200)
    # ... and so are four digits further back than this many years ("وكانت الحصيلة في الخامس من
    # مايو 1102 وفاة" in a 2017 article): no day and month of today's news is centuries old.
    years_back: int = Field(300, ge=50, le=2000)
    # Words for a part of the day ("صباح اليوم", "مساء الأربعاء") -> its rank in the day
    # (dawn < morning < midday < evening): when a figure stood within its day.
    parts_of_day: dict[str, int] = {}
    # Words that bring in an earlier figure after the one given ("إلى 201، بعد أن كانت الحصيلة
    # 157 خلال الليل"): a part of the day after such a word and a figure is that earlier
    # figure's moment, not the given one's.
    earlier_figure_words: list[str] = []
    # Words opening a clause that states something new of the report ("، فيما بلغ عدد الجرحى
    # 236"): a day in an earlier figure's clause before it is not its figure's.
    new_statement_words: list[str] = []
    # Words bringing the running total after an increment ("قضى 48 آخرون ليلة الأحد، ليصل العدد
    # إلى 253"): a day before them dates the increment, not the total after them.
    total_after_increment_words: list[str] = []
    # Days of the month in words ("في الخامس من أكتوبر"): read like a day in digits.
    day_ordinals: dict[str, int] = {}
    # A date after this word ("9 في الخامس من أكتوبر") is the figure's day only in the clause
    # of an earlier figure, right after that figure ("بعد أن كانت الوفيات 9 في ..."); elsewhere
    # it names an event ("قتلوا في هجوم 7 أكتوبر").
    earlier_as_of_words: list[str] = []
    # A past verb after one of these particles ("وكانت إسرائيل قد أفرجت في 24 حزيران عن 41"),
    # "في" and a date: the day the recalled act was done, the figure's day (a date after "في"
    # elsewhere names an event: "قتلوا في هجوم 7 أكتوبر").  Written normalised.
    recall_particles: list[str] = []
    # Words opening a clause that goes on telling the recalled act's tally after a comma ("قد صوت في
    # 3 فبراير على المشروع، بأغلبية 11 عضوا"): its figures keep the act's day, as a list going on
    # with "و" does.  Written normalised.
    act_tally_words: list[str] = []
    # A past copula or auxiliary ("كان", "كانت") opening the figure's clause a few words before
    # it, with no figure or comma between ("إن عدد الوفيات كان 271 في 24 أغسطس", "وكانت الوزارة
    # قد أحصت 30 قتيلا في 24 أغسطس"): "في" and a date right after the figure (and its noun) is
    # the day the recalled figure stood at, as after `earlier_figure_words`.  Written normalised.
    past_copula_words: list[str] = []
    past_copula_max_words: int = Field(4, ge=0, le=8)
    # A day a few words after one of these, with no figure or comma between, is where a period
    # starts ("منذ بدء العدوان مساء الاثنين إلى 119": the war began on Monday; the count is
    # of the article's day), not the day the figure stands at.
    period_start_words: list[str] = []
    period_start_max_words: int = Field(4, ge=1, le=8)
    # "اليوم نفسه" / "ذات اليوم": the day named before it in the sentence (words after and
    # before the relative day word)
    same_day_after: list[str] = []
    same_day_before: list[str] = []
    # A day counted from the day the sentence named before it ("مساء الأربعاء 99، وقبلها بيوم 84":
    # Tuesday; "في اليوم التالي": the day after): the phrase -> days back from that day (negative:
    # after it).  With no day named before it, a day of its own (the article's date stands in).
    day_shifts: dict[str, int] = {}
    # A weekday with one of these after it ("الخميس الماضي") is a day before the article's, never
    # the article's own: on a Thursday, last Thursday is a week back.
    past_after_words: list[str] = []
    # A weekday with one of these after it is the one that followed the story's event ("يوم السبت
    # الذي تلا الانفجار"), not the last one before the article (crosscheck.reconcile.dating
    # .after_event_days).  Normalised; the last word may run on ("التالي للانفجار").
    after_event_words: list[str] = []
    # verbs of a report: a relative clause with one before its day dates the figure, not the event
    report_verbs: list[str] = []
    # participles of a report ("مشيرة إلى أن", "مضيفا أن"): with "أن" after, a new statement,
    # like a report's verb (only there: they date no relative clause)
    report_participles: list[str] = []
    # A span of time back from the article ("بعد أن كان 35 قبل ثلاثة أسابيع", "وكانت المنظمة قد
    # أعلنت قبل أقل من أسبوعين"): "قبل", an optional hedge, a count (digits or `ago_counts`) and a
    # unit of `ago_units` (days per unit), or a unit alone (`ago_units` also holds the dual and the
    # bare singular: "قبل يومين", "قبل أسبوع").  Not when "من"/"على" follows (`ago_not_before`:
    # "قبل ثلاثة أيام من الانتخابات" counts back from another day, not from the article's).
    ago_words: list[str] = []
    ago_hedges: list[str] = []
    ago_counts: dict[str, int] = {}
    ago_units: dict[str, int] = {}
    ago_bare_units: dict[str, int] = {}
    ago_not_before: list[str] = []
    # A part of the month ("حتى مطلع الشهر الجاري", "أواخر الشهر الماضي"): the part's word ->
    # "start" (day 1), "middle" (day 15) or "end" (the month's last day); the month is the
    # article's, or the one before it after one of `last_month_words`.
    month_parts: dict[str, Literal["start", "middle", "end"]] = {}
    # The days such a part spans: the start up to the first day given, the middle up to the
    # second, the end after it (`month_part_window`: a figure recalled for "منتصف سبتمبر" names
    # a report of some day of it).
    month_part_days: tuple[int, int] = (10, 20)
    month_words: list[str] = []
    this_month_words: list[str] = []
    last_month_words: list[str] = []
    # Parts of the day that tell when an event struck more often than when a figure was given
    # ("في غرق مركب فجر اليوم"): such a part does not date a figure when its sentence names the
    # hour of a report too, after a report's verb ("وفق ما أعلنته السلطات عصر اليوم"): that hour
    # is the figure's.  Normalised, as in `parts_of_day`.
    event_hour_parts: list[str] = []
    examples: dict = {}


def load_date_rules(path: str | Path) -> DateRules:
    """rules/dates.yaml as DateRules (cached per path); the caller maps errors to RuleError."""
    return _load(str(path))


@lru_cache(maxsize=8)
def _load(path: str) -> DateRules:
    from crosscheck.util.yaml_data import parse_yaml

    with open(path, encoding="utf-8") as f:
        data = parse_yaml(f.read())
    return DateRules.model_validate(data)


# ---------------------------------------------------------------------- patterns

_DIGITS = regex_cache.compile(r"(?<!\d)\d+")
# a clause break between a figure and a day after it (not a thousands separator "1,200")
_CLAUSE_BREAK = regex_cache.compile(r"[،؛]|,(?!\d)")
# a figure, with at most one word (its noun) after it, at the end of a stretch of text
_FIGURE_END = regex_cache.compile(r"\d(?:\s+[^\s\d،؛,.]+)?\s*$")


def _alt(words) -> str:
    forms = sorted({normalize_word(w) for w in words}, key=regex_cache.longest_first)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in forms)


def _words_re(words, before: str, after: str):
    """`before`, then one of `words` (normalised, longest first), then `after`, compiled; None
    when the rule file lists no words (the check it serves is then off)."""
    return regex_cache.compile(before + "(?:" + _alt(words) + ")" + after) if words else None


class _Patterns:
    def __init__(self, rules: DateRules) -> None:
        self.alias = {normalize_word(k): normalize_word(v) for k, v in rules.month_aliases.items()}
        self.hijri = {normalize_word(k): v for k, v in rules.hijri_months.items()}
        self.years_ahead = rules.years_ahead
        self.years_back = rules.years_back
        self.relative = {normalize_word(k): v for k, v in rules.relative_days.items()}
        self.weekdays = {normalize_word(k): v for k, v in rules.weekdays.items()}
        months = _alt(list(rules.months) + list(rules.month_aliases))
        w = r"(?<![\p{L}\d])"
        e = r"(?![\p{L}\d])"
        # day, month name (optionally "/other name" or "(other name)"), optional year
        # ... also with slashes around the month's name ("٠٨ / شباط / ٢٠١٣", a header form)
        self.dmy = regex_cache.compile(
            w + r"(\d{1,2})(?:\s+|\s*/\s*)(?:من\s+)?(?:شهر\s+)?(" + months + r")"
            r"(?:\s*[/(-]\s*(?:" + months + r")\s*\)?)?" + e + r"(?:\s*[،,/]?\s*(?:عام\s+)?(\d{4}))?"
        )
        self.new_statement_re = _words_re(rules.new_statement_words, r"\s*[وف]?", r"(?![\p{L}])")
        # a stamp's day, month name and year between dashes ("نُشر في 25 - نوفمبر - 2017"): a header form
        self.dmy_dashed = regex_cache.compile(
            w + r"(\d{1,2})\s*-\s*(" + months + r")\s*-\s*(\d{4})(?!\d)")
        self.footer_label_re = _words_re(rules.footer_labels, r"(?<![\p{L}])", r"\s*:?\s*") if rules.footer_labels else None
        self.ordinals = {normalize_word(k): v for k, v in rules.day_ordinals.items()}
        self.dmy_words = regex_cache.compile(
            w + r"(" + _alt(rules.day_ordinals) + r")\s+(?:من\s+)?(?:شهر\s+)?(" + months + r")"
            r"(?:\s*[/(-]\s*(?:" + months + r")\s*\)?)?" + e + r"(?:\s*[،,]?\s*(?:عام\s+)?(\d{4}))?"
        ) if rules.day_ordinals else None
        self.earlier_as_of_re = _words_re(rules.earlier_as_of_words, r"(?<![\p{L}])", r"\s*$")
        # "قد أفرجت في", "قد أعادت السلطات في": the particle, the past verb (a word that is no
        # imperfect: "قد ترتفع في" looks ahead), at most one more word, then "في" before the date
        self.recall_on_re = regex_cache.compile(
            r"(?<![\p{L}])(?:" + _alt(rules.recall_particles) + r")\s+(?!ي)[^\s،,.؛:!?\d]+"
            r"(?:\s+[^\s،,.؛:!?\d]+)?\s+في\s+$"
        ) if rules.recall_particles else None
        # "كان 271", "وكانت الوزارة قد أحصت 30": the copula, at most a few words with no figure
        # or clause break, then the figure (searched back from the figure's first digit)
        self.past_copula_re = regex_cache.compile(
            r"(?<![\p{L}])[وف]?(?:" + _alt(rules.past_copula_words) + r")(?:\s+[^\s\d،؛,.:!?]+){0,"
            + str(rules.past_copula_max_words) + r"}\s+$"
        ) if rules.past_copula_words else None
        self.past_copula_reach = 14 * rules.past_copula_max_words + 12
        self.act_tally_re = _words_re(rules.act_tally_words, r"\s*", r"(?![\p{L}])")
        self.hijri_re = regex_cache.compile(
            w + r"(\d{1,2})\s+(?:من\s+)?(" + _alt(rules.hijri_months) + r")" + e + r"\s*[،,]?\s*(\d{4})"
        )
        # a month and its year ("مارس/آذار 2022", "تشرين الأول 2022", "يوليو من عام 2021")
        self.month_year = regex_cache.compile(
            w + r"(" + months + r")(?:\s*[/(-]\s*(?:" + months + r")\s*\)?)?" + e
            + r"\s*[،,]?\s*(?:من\s+)?(?:عام\s+)?(\d{4})(?!\d)"
        )
        self.month_number = {normalize_word(m): i + 1 for i, m in enumerate(rules.months)}
        self.month_re = regex_cache.compile(w + r"(" + months + r")" + e)
        self.iso = regex_cache.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
        # an English date: "23rd, March 2024", "5 Mar. 2019", "March 23, 2024"
        latin = "|".join(regex.escape(m) for m in sorted(rules.latin_months, key=len, reverse=True))
        ordinal = r"(\d{1,2})(?:st|nd|rd|th)?(?!\d)"
        self.latin_dmy = regex_cache.compile(
            r"(?i)(?<![\p{L}\d])" + ordinal + r"\s*,?\s*(" + latin + r")\.?(?![\p{L}])\s*,?\s*(\d{4})(?!\d)"
        ) if latin else None
        self.latin_mdy = regex_cache.compile(
            r"(?i)(?<![\p{L}\d])(" + latin + r")\.?\s+" + ordinal + r"\s*,?\s*(\d{4})(?!\d)"
        ) if latin else None
        # day, month, year with one separator ("14/05/2024", "19-4-2024", "14.05.2024")
        self.numeric = regex_cache.compile(r"(?<!\d)(\d{1,2})(?P<sep>[/.-])(\d{1,2})(?P=sep)(\d{4})(?!\d)")
        self.relative_re = regex_cache.compile(w + r"(?:[وف]?(?:ب)?)(" + _alt(rules.relative_days) + r")" + e)
        self.weekday_re = regex_cache.compile(
            w + r"(?:[وف]?(?:ب|ل)?)(?:يوم\s+(?:ال)?|ال)(" + _alt(_bare(rules.weekdays)) + r")" + e
        )
        self.event_hours = {normalize_word(k) for k in rules.event_hour_parts}
        self.anchor_re = regex_cache.compile(r"(?:" + _alt(rules.anchor_words) + r")\s*$")
        self.as_of_re = regex_cache.compile(r"(?<![\p{L}])[وف]?(?:" + _alt(rules.as_of_words) + r")\s*$")
        # a magnitude in the clause ("الزلزال الذي بلغت قوته 7.8 درجات وضرب …") is no figure of
        # its own: a decimal and its unit count as one word
        unit = (r"|\d+(?:[.,٫]\d+)?\s+(?:" + _alt(rules.event_clause_units) + r")(?!\S)") if rules.event_clause_units else ""
        self.event_clause_re = regex_cache.compile(
            r"(?<![\p{L}])(?:" + _alt(rules.event_clause_words) + r")(?:\s+(?:(?![اإأ]ن(?!\S))[^\s،,.؛:!?\d]+" + unit + r")){1,"
            + str(rules.event_clause_max_words) + r"}\s+$"
        ) if rules.event_clause_words else None
        self.parts = {normalize_word(k): v for k, v in rules.parts_of_day.items()}
        self.part_re = regex_cache.compile(
            w + r"(?:[وف]?(?:ب|ل)?)(?:ال)?(" + _alt(_bare(rules.parts_of_day)) + r")" + e
        ) if rules.parts_of_day else None
        # the words every match of part_re holds: a sentence holding none is not scanned
        self.part_gate = LiteralGate.of(self.part_re.pattern) if self.part_re is not None and _PART_GATE else None
        self.earlier_re = _words_re(rules.earlier_figure_words, r"(?<![\p{L}])[وف]?", r"(?![\p{L}])")
        self.total_re = _words_re(rules.total_after_increment_words, r"(?<![\p{L}])[وف]?", r"(?![\p{L}])")
        self.event_noun_re = _words_re(rules.event_nouns, r"(?<![\p{L}])[وفبل]?", r"\s+$")
        self.report_noun_re = regex_cache.compile(
            r"(?<![\p{L}])[وفبل]?(?:" + "|".join(sorted(
                (r"\s+".join("(?:ال)?" + regex.escape(w) for w in _bare(dict.fromkeys(n.split(), 0)))
                 for n in rules.report_nouns), key=len, reverse=True)) + r")\s+$"
        ) if rules.report_nouns else None
        # how far before a day its clause word may stand (characters searched)
        self.event_clause_reach = 14 * rules.event_clause_max_words + 10
        # a day looked forward to: a future cue a few words before it, or "المقبل" after it
        self.future_re = regex_cache.compile(
            r"(?<![\p{L}])[وف]?(?:" + _alt(rules.future_words) + r")(?:\s+[^\s،,.؛:!?]+){0,"
            + str(rules.future_max_words) + r"}\s+$"
        ) if rules.future_words else None
        self.future_reach = 14 * rules.future_max_words + 24
        self.period_start_re = regex_cache.compile(
            r"(?<![\p{L}])[وف]?(?:" + _alt(rules.period_start_words) + r")(?:\s+[^\s،,.؛:!?\d]+){0,"
            + str(rules.period_start_max_words) + r"}\s+$"
        ) if rules.period_start_words else None
        self.period_start_reach = 14 * rules.period_start_max_words + 16
        self.period_word_re = _words_re(rules.period_start_words, r"(?<![\p{L}])[وف]?", r"(?![\p{L}])")
        # ... right after the day, or after a second day joined to it ("الخميس والجمعة المقبلين")
        self.future_after_re = _words_re(
            rules.future_after_words,
            r"(?:\s+و(?:يوم\s+)?(?:ال)?(?:" + _alt(_bare(rules.weekdays)) + r"))?\s+", r"(?![\p{L}])")
        self.past_after_re = _words_re(rules.past_after_words, r"\s+", r"(?![\p{L}])")
        self.after_event_re = _words_re(rules.after_event_words, r"\s+", "") if rules.after_event_words else None
        self.outcome_after_re = _words_re(rules.event_outcome_after, r"\s*[،,]?\s*", r"(?![\p{L}])")

        self.same_after_re = _words_re(rules.same_day_after, r"\s+", r"(?![\p{L}])")
        self.shifts = {regex.sub(r"\s+", " ", normalize_word(k)): v for k, v in rules.day_shifts.items()}
        self.shift_re = regex_cache.compile(
            w + r"[وف]?(" + _alt(rules.day_shifts) + r")" + e) if rules.day_shifts else None
        self.same_before_re = _words_re(rules.same_day_before, r"(?<![\p{L}])(?:في\s+)?", r"\s+$")
        # a report's verb, then words none of which opens a reported clause ("أن", "إنها")
        self.report_verb_re = regex_cache.compile(
            r"(?<![\p{L}])[وف]?(?:" + _alt(rules.report_verbs) + r")(?![\p{L}])"
            r"(?:\s+(?![اإأ]ن\p{L}{0,3}(?!\S))[^\s،,.؛:!?\d]+)*\s+$"
        ) if rules.report_verbs else None
        # a report's verb opening a reported clause of its own ("التي أشارت إلى أن", "وأوضحت أن"):
        # a new statement, which a day named in an earlier figure's clause before it does not date
        self.reported_clause_re = regex_cache.compile(
            r"(?<![\p{L}])[وف]?(?:" + _alt(rules.report_verbs + rules.report_participles)
            + r")(?:\s+[^\s،,.؛:!?\d]+){0,3}?"
            r"\s+(?:الى\s+)?[اإأ]ن(?:ه|ها|هم)?(?![\p{L}])"
        ) if rules.report_verbs else None

        # "قبل (أقل من) ثلاثة أيام", "قبل أسبوعين": a span back from the article's date
        self.ago_counts = {normalize_word(k): v for k, v in rules.ago_counts.items()}
        # a small count in words (`ago_counts`, also with the accusative's alef: "خمسا"): a figure
        # an earlier clause may give instead of digits ("بعد أن كان خمسا مساء الأحد")
        self.count_word_re = regex_cache.compile(
            r"(?<![\p{L}])[وف]?(?:" + _alt(list(rules.ago_counts)) + r")ا?(?![\p{L}])") if rules.ago_counts else None
        self.ago_units = {normalize_word(k): v for k, v in rules.ago_units.items()}
        self.ago_bare = {normalize_word(k): v for k, v in rules.ago_bare_units.items()}
        hedge = (r"(?:(?:" + _alt(rules.ago_hedges) + r")\s+)?") if rules.ago_hedges else ""
        counts = (r"\d{1,3}|" + _alt(rules.ago_counts)) if rules.ago_counts else r"\d{1,3}"
        not_before = (r"(?!(?:\s+فقط)?\s+(?:" + _alt(rules.ago_not_before) + r")(?![\p{L}]))") if rules.ago_not_before else ""
        self.ago_re = regex_cache.compile(
            w + r"[وف]?(?:" + _alt(rules.ago_words) + r")\s+" + hedge
            + r"(?:(?P<n>" + counts + r")\s+(?P<u>" + _alt(rules.ago_units) + r")|(?P<b>" + _alt(rules.ago_bare_units) + r"))"
            + e + not_before
        ) if rules.ago_words and rules.ago_units and rules.ago_bare_units else None
        # "حتى مطلع الشهر الجاري", "أواخر الشهر الماضي": a part of this month or the last
        self.month_parts = {normalize_word(k): v for k, v in rules.month_parts.items()}
        self.last_month = {normalize_word(k) for k in rules.last_month_words}
        which = list(rules.this_month_words) + list(rules.last_month_words)
        # ... or of a month named ("منتصف آب/أغسطس", "أواخر مايو الماضي", "مطلع يونيو 2023"):
        # that month of the article's year, or of the year before when it would be after the
        # article's month (or is its month said to be past: "مطلع مايو الماضي" in May)
        which_re = r"(?:\s+(?P<w>" + _alt(which) + r"))?" if which else ""
        named = (r"|(?:شهر\s+)?(?P<m>" + months + r")(?:\s*[/(-]\s*(?:" + months + r")\s*\)?)?" + e
                 + (r"(?:\s+(?P<w2>" + _alt(which) + r"))?" if which else "")
                 + r"(?:\s*[،,]?\s*(?:عام\s+)?(?P<y>\d{4})(?!\d))?")
        self.month_part_re = regex_cache.compile(
            w + r"(?:[وف]?(?:ب|ل)?)(?P<p>" + _alt(rules.month_parts) + r")\s+(?:(?:" + _alt(rules.month_words) + r")"
            + which_re + e + named + r")"
            + (r"(?!\s+(?:" + _alt(rules.same_day_after) + r")(?![\p{L}]))" if rules.same_day_after else "")
        ) if rules.month_parts and rules.month_words else None

        # "وفي العام الماضي", "بالعام الماضي" (the preposition written onto the word); not the
        # term a figure is compared with ("مقارنة بالعام الماضي", "أقل بست دول من العام الماضي")
        # unless last year's vote is told right after it ("مقارنة بالعام الماضي، حين أيده 120")
        self.last_year_re = None
        if rules.last_year_words:
            year = r"(?:" + _alt(rules.last_year_words) + r")(?![\p{L}])"
            not_compared = ""
            if rules.last_year_compare_words:
                not_compared += r"(?<!(?:" + _alt(rules.last_year_compare_words) + r")\s+(?:مع\s+)?)"
            if rules.last_year_comparatives:
                not_compared += (r"(?<!(?<!\S)(?:" + _alt(rules.last_year_comparatives)
                                 + r")(?:\s+\S+){0,3}\s+من\s+)")
            recalled = ""
            if not_compared and rules.last_year_recall_after:
                recalled = (r"|(?<!\S)[وف]?(?:في\s+|ب|من\s+)?" + year + r"(?=\s*[،,]?\s*(?:"
                            + _alt(rules.last_year_recall_after) + r")(?![\p{L}]))")
            self.last_year_re = regex_cache.compile(
                r"(?:" + not_compared + r"(?<!\S)[وف]?(?:في\s+|ب)?" + year + recalled + r")")

    def in_event_clause(self, s: str, start: int, reports: bool = False) -> bool:
        """Does the day at `start` of `s` sit in a relative clause about the event ("الزلزال الذي
        ضرب المنطقة مساء الأحد")?  Not when the clause is about the report itself ("في المؤتمر
        الصحفي الذي عقده مساء الأحد", rules/dates.yaml `report_nouns`): that is when the figure
        was given."""
        if self.event_clause_re is None:
            return False
        m = self.event_clause_re.search(s, max(0, start - self.event_clause_reach), start)
        if m is None:
            return False
        if reports and self.report_verb_re is not None and self.report_verb_re.search(s, m.start(), start):
            return False  # "التي أعلنت السلطات أمس أنها أودت بحياة …": the report's day
        return self.report_noun_re is None or self.report_noun_re.search(s, max(0, m.start() - 40), m.start()) is None

    def same_day(self, s: str, start: int, end: int) -> bool:
        """Is the relative day at [start, end) "اليوم نفسه" / "ذات اليوم": the day named before?"""
        return ((self.same_after_re is not None and self.same_after_re.match(s, end) is not None)
                or (self.same_before_re is not None
                    and self.same_before_re.search(s, max(0, start - 12), start) is not None))

    def starts_period(self, s: str, start: int) -> bool:
        """Does the day at `start` of `s` close a phrase opened by a period's start word, a few
        words before it with no figure or comma between ("منذ بدء الهجوم يوم الاثنين")?"""
        return self.period_start_re is not None and self.period_start_re.search(
            s, max(0, start - self.period_start_reach), start) is not None

    def dates_outcome(self, s: str, end: int) -> bool:
        """Does a relative clause telling the event's outcome follow the day ending at `end`
        ("يوم الجمعة، الذي أسفر عن 18 قتيلا": the collision's day)?"""
        return self.outcome_after_re is not None and self.outcome_after_re.match(s, end) is not None

    def looks_forward(self, s: str, start: int, end: int) -> bool:
        """Is the day at [start, end) of `s` one the sentence looks forward to?"""
        if self.future_re is not None and self.future_re.search(s, max(0, start - self.future_reach), start):
            return True
        return self.future_after_re is not None and self.future_after_re.match(s, end) is not None


def _bare(weekdays: dict[str, int]) -> list[str]:
    out = []
    for k in weekdays:
        n = normalize_word(k)
        out.append(n[2:] if n.startswith("ال") else n)
    return out


@per_object
def _patterns(rules: DateRules) -> _Patterns:
    return _Patterns(rules)


# a sentence's part-of-day words are looked for only when it holds a word every match holds
# (_Patterns.part_gate; tests turn it off to compare)
_PART_GATE = True


# ---------------------------------------------------------------------- parsing


@lru_cache(maxsize=4096)
def _gregorian(day: int, month: str, year: int) -> Optional[dt.date]:
    import dateparser  # imported on first use: ~0.3 s, then ~2 ms a parse (cached here)

    parsed = dateparser.parse(
        f"{day} {month} {year}", languages=["ar"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


@lru_cache(maxsize=256)
def _latin(day: int, month: str, year: int) -> Optional[dt.date]:
    import dateparser

    parsed = dateparser.parse(
        f"{day} {month} {year}", languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


@lru_cache(maxsize=1024)
def _hijri(day: int, month: int, year: int) -> Optional[dt.date]:
    from hijridate import Hijri

    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _safe(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_name(p: _Patterns, raw: str) -> str:
    name = regex.sub(r"\s+", " ", raw)
    return p.alias.get(name, name)


def header_date(text: str, rules: DateRules) -> Optional[dt.date]:
    """The dateline's date: the first full date (with a year) in the top `header_chars`; a
    Gregorian date before a Hijri one when the dateline gives both ("الأربعاء 2 محرم 1443
    الموافق 11 أغسطس 2021"): the conversion of a Hijri date may be a day off the calendar the
    outlet keeps, the Gregorian date it states is not."""
    head = normalize(text[: rules.header_chars]).text
    p = _patterns(rules)
    found = _stamped_dates(head, rules, p)
    if not found and p.footer_label_re is not None and rules.footer_chars and len(text) > rules.header_chars:
        # no dateline at the top: a labelled stamp at the foot ("تاريخ النشر 01.01.2015")
        foot = normalize(text[-rules.footer_chars:]).text
        for lab in p.footer_label_re.finditer(foot):
            stamp = foot[lab.end():lab.end() + 40]
            for at, d in _stamped_dates(stamp, rules, p):
                at = at - len(stamp) if at >= len(stamp) else at  # (a Hijri date's place, pushed past)
                if len(stamp[:at].split()) <= 1:  # right after the label, a weekday at most between
                    return d
    if not found:
        return None
    found.sort(key=lambda x: x[0])
    return found[0][1]


def _stamped_dates(head: str, rules: DateRules, p: "_Patterns") -> list[tuple[int, dt.date]]:
    """The full dates (with a year) on dateline-shaped lines of `head` (normalised), each with where
    it starts (a Hijri date's place is pushed past every Gregorian one's)."""
    found: list[tuple[int, dt.date]] = []
    for m in p.iso.finditer(head):
        d = _safe(int(m[1]), int(m[2]), int(m[3]))
        if d and _dateline_shaped(head, m.start(), m.end(), rules):
            found.append((m.start(), d))
            break
    lo, hi = rules.hijri_years
    # the first numeric date of each calendar: "الأحد 28/11/1430 هـ - الموافق 15/11/2009 م" states
    # the Gregorian day after the Hijri one, and the stated day wins over a conversion
    seen_calendars: set[bool] = set()
    for m in p.numeric.finditer(head):
        day, month, year = int(m[1]), int(m[3]), int(m[4])  # day first, the Arab-world convention
        hijri = lo <= year <= hi
        if hijri in seen_calendars:
            continue
        d = _hijri(day, month, year) if hijri else _safe(year, month, day)
        if d and _dateline_shaped(head, m.start(), m.end(), rules):
            found.append((m.start() + (len(head) if hijri else 0), d))
            seen_calendars.add(hijri)
            if not hijri:
                break
    for m in p.dmy.finditer(head):
        if m[3]:
            d = _gregorian(int(m[1]), _month_name(p, m[2]), int(m[3]))
            if d and _dateline_shaped(head, m.start(), m.end(), rules):
                found.append((m.start(), d))
                break
    for pattern, day_at, month_at in ((p.latin_dmy, 1, 2), (p.latin_mdy, 2, 1)):
        for m in pattern.finditer(head) if pattern else ():
            d = _latin(int(m[day_at]), m[month_at], int(m[3]))
            if d and _dateline_shaped(head, m.start(), m.end(), rules):
                found.append((m.start(), d))
                break
    for m in p.dmy_dashed.finditer(head):
        d = _gregorian(int(m[1]), _month_name(p, m[2]), int(m[3]))
        if d and _dateline_shaped(head, m.start(), m.end(), rules):
            found.append((m.start(), d))
            break
    for m in p.hijri_re.finditer(head):
        d = _hijri(int(m[1]), p.hijri[regex.sub(r"\s+", " ", m[2])], int(m[3]))
        if d and _dateline_shaped(head, m.start(), m.end(), rules):
            found.append((m.start() + len(head), d))  # after every Gregorian date
            break
    return found


def _dateline_shaped(head: str, start: int, end: int, rules: DateRules) -> bool:
    """Whether the date at head[start:end] stands on a dateline-shaped line (see
    DateRules.dateline_max_words_before): few words before it on its line, and the line's end
    or a separator a few words after it."""
    line_start = head.rfind("\n", 0, start) + 1
    before = 0  # words since the line's start or its last separator; digits and marks ("ه") aside
    for token in head[line_start:start].split():
        if any(ch in rules.dateline_separators for ch in token[-1:] + token[:1]):
            before = 0
        elif sum(ch.isalpha() for ch in token) > 1:
            before += 1
    if before > rules.dateline_max_words_before:
        return False
    line_end = head.find("\n", end)
    tail = head[end:] if line_end < 0 else head[end:line_end]
    words = 0
    for token in tail.split():
        if any(ch in rules.dateline_separators for ch in token[:1]):
            return True
        if sum(ch.isalpha() for ch in token) > 1:  # a time, a year or a mark ("م") is no word
            words += 1
        if any(ch in rules.dateline_separators for ch in token[-1:]):
            return words <= rules.dateline_max_words_after
        if words > rules.dateline_max_words_after:
            return False
    return True  # the line (or the head) ends a few words after the date


def month_of_year(sentence: str, year: int, rules: DateRules) -> Optional[int]:
    """The month (1-12) a sentence names for `year` ("في مارس/آذار 2022": 3), or None when it
    names none or several."""
    p = _patterns(rules)
    found = {p.month_number.get(_month_name(p, m[1])) for m in p.month_year.finditer(normalize(sentence).text)
             if int(m[2]) == year}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def lone_month(sentence: str, year: int, rules: DateRules) -> Optional[int]:
    """The one month a sentence names by name, without a year, after naming `year` and no other
    ("أسقطت مشروعين عام 1986، أولهما في 31 يوليو": 7), or None."""
    p = _patterns(rules)
    text = normalize(sentence).text
    at = text.find(str(year))
    if at < 0 or p.month_year.search(text) is not None:
        return None
    if any(m.group() != str(year) for m in _A_YEAR.finditer(text)):
        return None
    found = {p.month_number.get(_month_name(p, m[1])) for m in p.month_re.finditer(text, at)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


_A_YEAR = regex_cache.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_AFTER_MONTH = regex_cache.compile(r"\s*(?:[/(-]\s*[^\s\d]+(?:\s+[^\s\d]+)?\s*\)?)?\s*[،,]?\s*(?:عام\s+)?(\d{4})(?!\d)")


def months_named(sentence: str, rules: DateRules, not_after: Optional[int] = None,
                 anchors: frozenset[str] = frozenset(), yearly: tuple[str, ...] = ()) -> frozenset[int]:
    """The months (1-12) a sentence names by name, with or without a year ("في شباط/فبراير").
    `not_after`: a month written with a later year than this ("حتى 30 يونيو/حزيران 2023" in a
    2019 article: a mandate's end, a deadline) is left out - no past event's month.
    `anchors`: normalised words that make a month within the three words after them the start or
    end of a period ("منذ أكتوبر", "حتى 5 نوفمبر"), left out too.
    `yearly`: normalised phrases that make a month right after them (its other spelling between)
    a date recurring each year ("11 يوليو/تموز من كل عام"), left out too."""
    p = _patterns(rules)
    text = normalize(sentence).text
    found = set()
    for m in p.month_re.finditer(text):
        if not_after is not None:
            y = _YEAR_AFTER_MONTH.match(text, m.end())
            if y is not None and int(y[1]) > not_after:
                continue
        if anchors and any(w in anchors for w in text[max(0, m.start() - 40):m.start()].split()[-3:]):
            continue
        if yearly and _recurs(text, m.end(), yearly):
            continue
        found.add(p.month_number.get(_month_name(p, m[1])))
    found.discard(None)
    return frozenset(found)


_OTHER_SPELLING = regex_cache.compile(r"\s*(?:[/(-]\s*[^\s\d]+\s*\)?)?\s*")


def _recurs(text: str, end: int, yearly: tuple[str, ...]) -> bool:
    """Does one of the `yearly` phrases follow a month ending at `end` (past its other
    spelling: "يوليو/تموز من كل عام")?"""
    at = _OTHER_SPELLING.match(text, end).end()
    return any(text.startswith(y, at) for y in yearly)


def names_last_year(sentence: str, rules: DateRules) -> bool:
    """Does a sentence say "last year" ("وفي العام الماضي")?"""
    p = _patterns(rules)
    return p.last_year_re is not None and p.last_year_re.search(normalize(sentence).text) is not None


def _weekday_before(ref: dt.date, weekday: int) -> dt.date:
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)


def claim_date(
    sentence: str, at: int, doc_date: Optional[dt.date], rules: DateRules
) -> tuple[Optional[dt.date], str]:
    """The date the figure at character `at` of `sentence` stands at, and how it was found.

    The cue nearest the figure wins.  A date after an anchor word ("منذ 3 يونيو") starts a
    period and is skipped.  A day and month without a year take the document's year (the
    previous one if that would put it after the document date).  The cues of a sentence are
    found once and cached, so the claims of one sentence cost one scan.
    """
    d, how, _cue = _claim_cue(sentence, at, doc_date, rules)
    return d, how


_AFTER_EVENT_PROBE = dt.date(2001, 7, 15)


def weekday_after_event(sentence: str, at: int, rules: DateRules) -> Optional[int]:
    """The weekday (0 = Monday) the figure at `at` is dated by when the sentence names it as the
    one that followed the story's event ("أعلنت يوم السبت الذي تلا الانفجار حصيلة بلغت 46",
    rules/dates.yaml `after_event_words`), else None.  The sentence's cached scan."""
    p = _patterns(rules)
    if p.after_event_re is None:
        return None
    _d, how, cue = _claim_cue(sentence, at, _AFTER_EVENT_PROBE, rules)
    if cue is None or how != "relative":
        return None
    norm = _cues(sentence, _AFTER_EVENT_PROBE, p)[0]
    m = p.weekday_re.match(norm.text, cue)
    if m is None or p.after_event_re.match(norm.text, m.end()) is None:
        return None
    return p.weekdays.get(m[1], p.weekdays.get("ال" + m[1]))


def month_part_window(sentence: str, at: int, doc_date: Optional[dt.date],
                      rules: DateRules) -> Optional[tuple[dt.date, dt.date]]:
    """When the figure at `at` is dated by a part of a month ("منتصف سبتمبر", "أواخر مايو
    الماضي", "مطلع الشهر"), the days that part spans: its first ten days, the 11th to the 20th,
    the 21st to the month's end (rules/dates.yaml `month_part_days`).  `claim_date` gives the
    part's first, 15th or last day; a later article recalling "the figure of mid-September"
    names a report of some day of it.  Only a part in the figure's own clause (no clause break
    between them: "إذ أعلن الجيش منتصف يناير مقتل 1815", "بلغت 286 في منتصف سبتمبر"); None for
    any other cue.  The sentence's cached scan."""
    if doc_date is None:
        return None
    d, how, cue = _claim_cue(sentence, at, doc_date, rules)
    p = _patterns(rules)
    if cue is None or d is None or how != "relative" or p.month_part_re is None:
        return None
    norm = _cues(sentence, doc_date, p)[0]  # (the sentence's cached normalisation, no second pass)
    m = p.month_part_re.match(norm.text, cue)
    if m is None:
        return None
    pos = _norm_pos(norm, at)
    if _CLAUSE_BREAK.search(norm.text, min(pos, m.start()), max(pos, m.end())) is not None:
        return None  # not in the figure's own clause: a day of the sentence, no report of its own
    part = p.month_parts[regex.sub(r"\s+", " ", m["p"])]
    last = calendar.monthrange(d.year, d.month)[1]
    lo, hi = {"start": (1, rules.month_part_days[0]),
              "middle": (rules.month_part_days[0] + 1, rules.month_part_days[1]),
              "end": (rules.month_part_days[1] + 1, last)}[part]
    return dt.date(d.year, d.month, lo), dt.date(d.year, d.month, min(hi, last))


def _claim_cue(sentence: str, at: int, doc_date: Optional[dt.date], rules: DateRules):
    """`claim_date`, with where the winning cue starts in the normalised sentence (None when no
    cue dates the figure)."""
    p = _patterns(rules)
    norm, cues, figures, acts, owner = _cues(sentence, doc_date, p)
    pos = _norm_pos(norm, at)
    earlier = _earlier_ends(norm.text, p)
    best: Optional[tuple[bool, int, dt.date, str]] = None
    for start, end, d, how in cues:
        if start <= pos < end:
            continue  # the figure is the cue's own count ("قبل 26 يوما"): it dates nothing of it
        if start > pos and _brings_in_earlier(pos, start, figures, earlier):
            continue  # "إلى 373، بعد أن كانت الوزارة أعلنت أمس 361": the earlier figure's day
        if start > pos and _new_statement_between(norm.text, pos, start, p):
            continue  # "بـ342، في حين كانت القائمة الأولى التي أعلنت في 4 مارس تضم 229": the 229's day
        if end <= pos and _in_earlier_clause(norm.text, start, end, pos, earlier, p):
            continue  # "إلى 105، بعد أن كانت 91 أمس، فيما بلغ عدد الجرحى 236": the 91's day
        if start in owner and not owner[start] <= pos < start:
            continue  # "عند 585، وكانت قد بلغت 489 في 30 مايو": the 489's day, not the 585's
        if start in acts and (pos < start or _leaves_act(norm.text, end, pos, p)):
            continue  # "قد أغرقت في 2 مايو الطراد، ما أدى إلى مقتل 323": the act's day, not its toll's
        if end <= pos and _increments_day(norm.text, start, end, pos, figures, p):
            continue  # "قضى 48 آخرون ليلة الأحد، ليصل العدد إلى 253": the 48's day, not the total's
        dist = start - pos if start >= pos else max(0, pos - end)
        # a cue with another figure between it and this one is that figure's day ("ارتفعت
        # مساء الأحد إلى 59، بعد أن كانت 39 مساء السبت"): it counts only when no cue is free
        # so is one after the figure in a later clause ("ارتفع إلى 13، بعد أن كان خمسا يوم
        # الجمعة": the earlier figure's day, whether written in digits or words)
        # ... and so is a cue right after another figure before this one ("بعد أن كانت 525 أمس
        # الخميس و480 يوم الثلاثاء": Thursday is the 525's day, Tuesday the 480's)
        rank = (_figure_between(figures, pos, start, end)
                or (start > pos and _CLAUSE_BREAK.search(norm.text, pos, start) is not None)
                or (end <= pos and _owned_by_figure_before(figures, start)), dist)
        if best is None or rank < best[:2]:
            best = (*rank, d, how, start)
    if best is not None:
        best = best[1:]
        d = best[1]
        if doc_date is not None and d > doc_date:
            return doc_date, "document", None  # a date after the article is a plan, not the figure's day
        return d, best[2], best[3]
    if doc_date is not None:
        return doc_date, "document", None
    return None, "none", None


# How far (characters) back from a span back in time its clause is searched for a period's start
# word ("منذ بدء هجوم القوات على مدينة الرقة قبل 79 يوما": the offensive began 79 days ago).
_SPAN_CLAUSE_REACH = 90


def _period_in_clause(s: str, start: int, p: "_Patterns") -> bool:
    """Does a period's start word (rules/dates.yaml `period_start_words`) stand earlier in the
    clause of the span back in time at `start` (no clause break between)?"""
    if p.period_word_re is None:
        return False
    lo = max(0, start - _SPAN_CLAUSE_REACH)
    brk = None
    for brk in _CLAUSE_BREAK.finditer(s, lo, start):
        pass
    return p.period_word_re.search(s, brk.end() if brk else lo, start) is not None


def _spans_back(s: str, doc_date: dt.date, p: "_Patterns"):
    """The spans back from the article's date in `s` (normalised) and the day each names:
    "قبل (أقل من) ثلاثة أيام" (the article's date less the days), "مطلع الشهر الجاري" (the
    month's first day), "منتصف الشهر" (its 15th), "أواخر الشهر الماضي" (the last month's last
    day).  (match, date) pairs."""
    out = []
    if p.ago_re is not None:
        for m in p.ago_re.finditer(s):
            if m["b"]:
                days = p.ago_bare[regex.sub(r"\s+", " ", m["b"])]
            else:
                n = m["n"]
                days = (int(n) if n.isdigit() else p.ago_counts[regex.sub(r"\s+", " ", n)]) * p.ago_units[m["u"]]
            if 0 < days <= 3660:
                out.append((m, doc_date - dt.timedelta(days=days)))
    if p.month_part_re is not None:
        for m in p.month_part_re.finditer(s):
            y, mo = doc_date.year, doc_date.month
            if m["m"]:
                named_mo = p.month_number.get(_month_name(p, m["m"]))
                if named_mo is None:
                    continue
                past = bool(m["w2"]) and regex.sub(r"\s+", " ", m["w2"]) in p.last_month
                if m["y"] and not _figure_not_year(int(m["y"]), doc_date, p.years_ahead, p.years_back):
                    y = int(m["y"])
                elif named_mo > mo or (named_mo == mo and past):
                    y -= 1
                mo = named_mo
                if not 1 <= y <= 9999:
                    continue
            elif m["w"] and regex.sub(r"\s+", " ", m["w"]) in p.last_month:
                y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
            part = p.month_parts[regex.sub(r"\s+", " ", m["p"])]
            day = 1 if part == "start" else 15 if part == "middle" else calendar.monthrange(y, mo)[1]
            out.append((m, dt.date(y, mo, day)))
    return out


def _skip_gap(s: str, at: int) -> int:
    """The first character at or after `at` that is no space or comma."""
    while at < len(s) and s[at] in " \t\u00a0،,":
        at += 1
    return at


def _figure_not_year(year: int, doc_date: Optional[dt.date], years_ahead: int, years_back: int = 300) -> bool:
    """Four digits after a day and month that lie further after the document's year than any
    date news looks ahead to (rules/dates.yaml `years_ahead`; after 2100 for an undated one: no
    clock is read)
    are the figure the sentence goes on with ("وكانت الحصيلة يوم الأربعاء 18 أغسطس 2189 قتيلا"),
    not the date's year: the date is of the document's year.  A mandate's or a plan's end ("حتى
    30 يونيو 2023" in 2019) keeps its year."""
    if doc_date is None:
        return year > 2100 or year < 2100 - years_back - 100
    return year > doc_date.year + years_ahead or year < doc_date.year - years_back




def _names_event(p: "_Patterns", s: str, at: int) -> bool:
    """Does an event noun stand right before the day starting at `at` ("هجوم الجمعة")?"""
    return p.event_noun_re is not None and p.event_noun_re.search(s, max(0, at - 24), at) is not None


# How far (normalised characters) before a day cue a figure may start and still own the cue: the
# figure, its counted noun and the words of its day ("73 قتيلا مساء أمس الثلاثاء").
_OWN_CUE_REACH = 24


def _owned_by_figure_before(figures: tuple[int, ...], start: int) -> bool:
    """Does a figure start right before the cue at `start` (within `_OWN_CUE_REACH`), making
    the cue that figure's day?"""
    i = bisect_left(figures, start) - 1
    return i >= 0 and figures[i] >= start - _OWN_CUE_REACH


# How far (normalised characters) before a day an increment written in words may stand: the count,
# its noun and the verb of its clause ("بعد ستة طلاب أفرجوا عنهم يوم الاثنين").
_INCREMENT_WORD_REACH = 60


def _increments_day(s: str, start: int, end: int, pos: int, figures: tuple[int, ...], p: "_Patterns") -> bool:
    """Is the day at [start, end) the day of an increment whose running total the figure at
    `pos` gives: a figure before the day, then the day, then (no figure between) a word bringing
    the total (rules/dates.yaml `total_after_increment_words`) before the figure?  The increment may
    be a small count in words (`ago_counts`: "أفرج عن ستة يوم الاثنين، ليرتفع العدد إلى 11").  ("أعلنت أمس
    ارتفاع الحصيلة إلى 35، لترتفع حصيلة المدنيين إلى 32": the day comes before both figures, the
    report's day.)"""
    if p.total_re is None:
        return False
    if bisect_left(figures, start) == 0 and (
            p.count_word_re is None
            or p.count_word_re.search(s, max(0, start - _INCREMENT_WORD_REACH), start) is None):
        return False  # no increment before the day, in digits or in words ("ستة طلاب أفرجوا عنهم يوم الاثنين")
    m = p.total_re.search(s, end, pos)
    return m is not None and not _figure_between(figures, m.start(), start, end)


def _figure_between(figures: tuple[int, ...], pos: int, start: int, end: int) -> bool:
    """Does a figure (the start of a run of digits, outside date cues) stand between the
    figure at `pos` and the cue at [start, end)?"""
    lo, hi = (end, pos) if end <= pos else (pos + 1, start)
    i = bisect_left(figures, lo)
    return i < len(figures) and figures[i] < hi


@lru_cache(maxsize=2048)
def _cues(sentence: str, doc_date: Optional[dt.date], p: _Patterns):
    norm = normalize(sentence)
    s = norm.text
    cues: list[tuple[int, int, dt.date, str]] = []
    earlier = None
    dated = [(m, int(m[1])) for m in p.dmy.finditer(s)]
    if p.dmy_words is not None:
        dated += [(m, p.ordinals[regex.sub(r"\s+", " ", m[1])]) for m in p.dmy_words.finditer(s)]
    # a weekday written right before a day and month ("يوم الجمعة 13 أكتوبر", "الأحد 19 جوان")
    # names that date: the date is the cue (the weekday's nearest-day reading is dropped)
    weekday_ends = {_skip_gap(s, w.end()): w.end() for w in p.weekday_re.finditer(s)}
    named_dates: set[int] = set()
    acts: set[int] = set()  # dates of a recalled act (`_recalled_on`): they date its own clause's figures
    # dates after a figure a past copula's clause holds (`_after_past_copula`) -> where the copula
    # starts: they date that clause's figure only, not figures before the copula or after the date
    owned: dict[int, int] = {}
    for m, day in dated:
        # a date is the figure's day only after "حتى", "بتاريخ", "يوم"...; elsewhere it names
        # an event ("هجوم 7 أكتوبر") or starts a period ("منذ 3 يونيو")
        by_weekday = m.start() in weekday_ends
        if by_weekday:
            named_dates.add(weekday_ends[m.start()])
        if not by_weekday and not p.as_of_re.search(s, max(0, m.start() - 20), m.start()) \
                and not _reported_on(s, m.start(), p):
            if earlier is None:
                earlier = _earlier_ends(s, p)
            if not _after_earlier_figure(s, m.start(), p, earlier):
                copula = _after_past_copula(s, m.start(), p)
                if copula >= 0:
                    owned[m.start()] = copula
                elif not _recalled_on(s, m.start(), p):
                    continue
                else:
                    acts.add(m.start())
        stated = m[3] if m[3] and not _figure_not_year(int(m[3]), doc_date, p.years_ahead, p.years_back) else None
        year = int(stated) if stated else (doc_date.year if doc_date else None)
        if year is None:
            continue
        d = _gregorian(day, _month_name(p, m[2]), year)
        if d and not stated and doc_date and d > doc_date:
            d = _gregorian(day, _month_name(p, m[2]), year - 1)
        if d:
            # four digits read as the figure, not the year, are no part of the cue: the cue dates them
            cues.append((m.start(), m.end() if stated or not m[3] else m.start(3), d, "text"))
    same: list[tuple[int, int]] = []
    # "وقبلها بيوم", "في اليوم التالي": a day counted from the day named before (resolved below)
    shifts = [(m.start(), m.end(), p.shifts[regex.sub(r"\s+", " ", m[1])])
              for m in p.shift_re.finditer(s)] if p.shift_re is not None and doc_date is not None else []
    if doc_date is not None:
        for m in p.relative_re.finditer(s):
            if any(a <= m.start() < b for a, b, _n in shifts):
                continue  # the "اليوم" of "في اليوم التالي"
            if p.in_event_clause(s, m.start(), reports=True):
                continue  # "الانفجار الذي هز المرفأ مساء أمس": the event's day
            if _names_event(p, s, m.start()):
                continue  # "غارة أمس": the event's day
            if p.looks_forward(s, m.start(), m.end()):
                continue  # "على أن تستكمل العملية اليوم": a day something is due
            if p.dates_outcome(s, m.end()):
                continue  # "يوم الجمعة، الذي أسفر عن 18 قتيلا": the event's day
            if p.starts_period(s, m.start()):
                continue  # "منذ بدء القصف أمس": when the period began
            if p.same_day(s, m.start(), m.end()):
                same.append((m.start(), m.end()))
                continue  # "صباح اليوم نفسه": resolved below, once every other day is known
            back = p.relative[regex.sub(r"\s+", " ", m[1])]
            cues.append((m.start(), m.end(), doc_date - dt.timedelta(days=back), "relative"))
        for m, d in _spans_back(s, doc_date, p):
            if p.in_event_clause(s, m.start(), reports=True):
                continue  # "الزلزال الذي ضرب الجزيرة قبل ثمانية أيام": the event's day
            if _names_event(p, s, m.start()):
                continue  # "هجوم مطلع الشهر": the event's day
            if (p.starts_period(s, m.start()) or p.anchor_re.search(s, max(0, m.start() - 20), m.start())
                    or _period_in_clause(s, m.start(), p)):
                continue  # "منذ ظهور الوباء قبل أسبوع", "منذ مطلع الشهر": when the period began
            if p.dates_outcome(s, m.end()):
                continue
            cues.append((m.start(), m.end(), d, "relative"))
        for m in p.weekday_re.finditer(s):
            if m.end() in named_dates:
                continue  # "يوم الجمعة 13 أكتوبر": the date that follows is the cue
            if p.anchor_re.search(s, max(0, m.start() - 20), m.start()):
                continue
            if p.in_event_clause(s, m.start(), reports=True):
                continue
            if _names_event(p, s, m.start()):
                continue  # "اشتباكات السبت": the clashes' day, not the figure's
            if p.looks_forward(s, m.start(), m.end()):
                continue  # "يُنتظر أن تستكمل الأحد", "الأحد المقبل": when it is due
            if p.dates_outcome(s, m.end()):
                continue  # "يوم الجمعة، الذي أسفر عن 18 قتيلا": the event's day
            if p.starts_period(s, m.start()):
                continue  # "منذ بدء العدوان مساء الاثنين": when the period began
            name = m[1]
            wd = p.weekdays.get(name, p.weekdays.get("ال" + name))
            if wd is not None:
                d = _weekday_before(doc_date, wd)
                if d == doc_date and p.past_after_re is not None and p.past_after_re.match(s, m.end()):
                    d -= dt.timedelta(days=7)  # "الخميس الماضي" in a Thursday's article: a week back
                cues.append((m.start(), m.end(), d, "relative"))
    if same:
        # "اليوم نفسه": the day of the nearest cue before it (none: it dates nothing)
        named = sorted((c[1], c[2], c[3]) for c in cues)
        for a, b in same:
            k = bisect_right(named, (a, dt.date.max, "~")) - 1
            if k >= 0:
                cues.append((a, b, named[k][1], named[k][2]))
    if shifts:
        # a day counted from the nearest day named before it; with none, a day of its own that
        # cannot be dated (the day after an event told elsewhere): the article's date stands in,
        # read as a relative day, so an undated article's figure keeps a day apart from its own
        named = sorted((c[1], c[2], c[3]) for c in cues)
        for a, b, back in shifts:
            k = bisect_right(named, (a, dt.date.max, "~")) - 1
            if k >= 0:
                cues.append((a, b, named[k][1] - dt.timedelta(days=back), named[k][2]))
            else:
                cues.append((a, b, doc_date, "relative"))
    # digits of a date (a cue's, or a period's start "منذ 17 مايو") are no figure
    spans = sorted([(c[0], c[1]) for c in cues]
                   + [m.span() for r in (p.dmy, p.hijri_re, p.month_year, p.iso, p.numeric) for m in r.finditer(s)])
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    figures = []
    for m in _DIGITS.finditer(s):
        j = bisect_right(merged, (m.start(), len(s))) - 1
        if j < 0 or merged[j][1] <= m.start():
            figures.append(m.start())
    # (the date -> copula map read-only, built once per cached sentence: its claims look it up)
    return norm, tuple(cues), tuple(figures), frozenset(acts), MappingProxyType(owned)


def part_of_day(sentence: str, at: int, rules: DateRules) -> Optional[int]:
    """The rank of the part of the day the figure at character `at` of `sentence` stood at
    ("أعلن الوزير مساء الأربعاء أن الحصيلة بلغت 40": evening), or None.

    The part-of-day word nearest the figure counts, unless it starts a period ("منذ صباح
    اليوم": since this morning) or sits in a relative clause about the event ("الانفجار الذي
    وقع فجر الأحد": when the event happened, not when the figure was given), or follows the
    figure past an earlier figure the sentence brings in (rules/dates.yaml
    `earlier_figure_words`: "إلى 201، بعد أن كانت 157 خلال الليل" - the night is the 157's).  Cached per
    sentence like claim_date's cues."""
    norm, cues, numbers, earlier, dropped = _part_cues(sentence, _patterns(rules))
    if not cues:
        return None
    pos = _norm_pos(norm, at)
    p = _patterns(rules)
    own = _own_day_clause(norm.text, pos, p)
    if own is not None and any(own[0] <= d < own[1] for d in dropped):
        own = None  # "في غرق مركب فجر اليوم، وفق ما أعلنته السلطات عصر اليوم": the clause's day is the event's
    best: Optional[tuple[int, int]] = None
    for start, end, rank in cues:
        if start >= pos and _earlier_figure_between(pos, start, numbers, earlier):
            continue  # the word tells the moment of an earlier figure given after this one
        if own is not None and not (own[0] <= start < own[1]):
            continue  # "... خلال الليل، في حين كانت حصيلة الخميس 71": the night is another clause's
        dist = start - pos if start >= pos else max(0, pos - end)
        if best is None or dist < best[0]:
            best = (dist, rank)
    return best[1] if best else None


def _reported_day_part(p: _Patterns, s: str, start: int, end: int) -> bool:
    """Does the part of the day at [start, end), in a relative clause, tell when the figure was
    announced with the day it names ("الحصيلة التي أعلنها المحافظ مساء الاثنين كانت 118": a
    report verb in the clause, a weekday or a relative day right after the part)?  Then it is
    the figure's moment, not the event's hour."""
    if p.in_event_clause(s, start, reports=True):
        return False
    k = end
    while k < len(s) and s[k] == " ":
        k += 1
    return any(r is not None and r.match(s, k) is not None for r in (p.weekday_re, p.relative_re))


_NUMBER_START = regex_cache.compile(r"(?<![\d.,٫٬])\d")


@lru_cache(maxsize=2048)
def _part_cues(sentence: str, p: _Patterns):
    """(normalised sentence, cues (start, end, rank), where its numbers start, where its words
    bringing in an earlier figure end, where the event's hours dropped (`_without_event_hours`)
    start)."""
    if p.part_re is None:
        return None, (), (), (), ()
    norm = normalize_sentence(sentence)
    s = norm.text
    if p.part_gate is not None and not p.part_gate.open(s):
        return norm, (), (), (), ()  # no part of the day can be named here (4 sentences in 5 of a store)
    cues: list[tuple[int, int, int]] = []
    for m in p.part_re.finditer(s):
        if p.anchor_re.search(s, max(0, m.start() - 20), m.start()):
            continue
        if p.in_event_clause(s, m.start()) and not _reported_day_part(p, s, m.start(), m.end()):
            continue
        name = regex.sub(r"\s+", " ", m[1])
        rank = p.parts.get(name, p.parts.get("ال" + name))
        if rank is not None:
            cues.append((m.start(), m.end(), rank))
    if not cues:  # most sentences: their numbers and earlier-figure words are never read
        return norm, (), (), (), ()
    dropped: tuple[int, ...] = ()
    if p.event_hours and len(cues) > 1:
        kept = _without_event_hours(s, cues, p)
        dropped = tuple(c[0] for c in cues if c not in kept)
        cues = kept
    numbers = tuple(m.start() for m in _NUMBER_START.finditer(s))
    earlier = tuple(m.end() for m in p.earlier_re.finditer(s)) if p.earlier_re is not None else ()
    return norm, tuple(cues), numbers, earlier, dropped


def _without_event_hours(s: str, cues: list, p: "_Patterns") -> list:
    """`cues` less the parts of the day that tell an event's hour (rules/dates.yaml
    `event_hour_parts`: "في غرق مركب فجر اليوم") when another part of the day comes right after
    a report's verb ("وفق ما أعلنته السلطات عصر اليوم"): the report's hour dates the figures,
    not the hour the event struck.  Only sentences with two or more parts of the day."""
    if p.report_verb_re is None:
        return cues
    reported = [p.report_verb_re.search(s, max(0, a - _REPORT_VERB_REACH), a) is not None for a, _b, _r in cues]
    if not any(reported):
        return cues
    return [c for c, rep in zip(cues, reported)
            if rep or _part_name(s, c[0], p) not in p.event_hours]


def _part_name(s: str, start: int, p: "_Patterns") -> str:
    """The part of the day's word of the cue at `start` ("فجر" of "وفجر اليوم")."""
    m = p.part_re.match(s, start)
    return regex.sub(r"\s+", " ", m[1]) if m else ""


def _own_day_clause(s: str, pos: int, p: "_Patterns") -> Optional[tuple[int, int]]:
    """The clause (between clause breaks) of the figure at `pos` of the normalised sentence `s`
    when it names a day of its own (a weekday, a relative day, a day and month: "في حين كانت
    حصيلة الخميس 71"), else None.  A part of the day named outside that clause is another
    statement's moment, not this figure's."""
    starts, ends = _clause_breaks(s)  # (found once per sentence: a figure bisects them)
    k = bisect_left(ends, pos + 1)  # breaks ending at or before pos: the last one opens the clause
    lo = ends[k - 1] if k else 0
    j = bisect_left(starts, pos)
    hi = starts[j] if j < len(starts) else len(s)
    if lo == 0 and hi == len(s):
        return None  # one clause: every cue is in it
    return _day_clause(s, lo, hi, p)


@lru_cache(maxsize=2048)
def _clause_breaks(s: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the clause breaks of the normalised sentence `s`, in order."""
    ms = list(_CLAUSE_BREAK.finditer(s))
    return tuple(m.start() for m in ms), tuple(m.end() for m in ms)


@lru_cache(maxsize=4096)
def _day_clause(s: str, lo: int, hi: int, p: "_Patterns") -> Optional[tuple[int, int]]:
    """(lo, hi) when the clause s[lo:hi] names a day of its own (see `_own_day_clause`), else
    None; read once per clause, whatever the number of its figures."""
    for r in (p.weekday_re, p.relative_re, p.dmy, p.dmy_words):
        if r is None:
            continue
        for m in r.finditer(s, lo, hi):
            # the event's day ("الزلزال الذي ضرب مساء الجمعة", "تفجير السبت"), a period's start
            # ("منذ الخميس") or a day due ("الأحد المقبل") is not the figure's own
            if not (p.in_event_clause(s, m.start(), reports=True) or _names_event(p, s, m.start())
                    or p.starts_period(s, m.start()) or p.looks_forward(s, m.start(), m.end())
                    or p.dates_outcome(s, m.end())
                    or p.anchor_re.search(s, max(0, m.start() - 20), m.start())):
                return lo, hi
    return None


def _day_attached(s: str, end: int, p: "_Patterns") -> bool:
    """Does a day other than the article's own follow the part of the day ending at `end`
    ("مساء الخميس", "مساء أمس", "صباح 5 مارس"; not "مساء اليوم")?"""
    for r in (p.weekday_re, p.dmy, p.dmy_words):
        m = r.search(s, end, min(len(s), end + 16)) if r is not None else None
        if m is not None and not s[end:m.start()].strip():
            return True
    m = p.relative_re.search(s, end, min(len(s), end + 16)) if p.relative_re is not None else None
    if m is not None and not s[end:m.start()].strip():
        back = p.relative.get(regex.sub(r"\s+", " ", m[1]))
        return bool(back)
    return False


def part_before(sentence: str, at: int, rules: DateRules) -> Optional[int]:
    """The rank of the part of the day of an earlier figure the sentence brings in after the
    figure at `at` ("ارتفع إلى 82، بعد أن كان 27 صباح اليوم": morning), when the figure names
    no part of its own: the figure stood later than that part.  None otherwise."""
    norm, cues, numbers, earlier, _dropped = _part_cues(sentence, _patterns(rules))
    if not cues or part_of_day(sentence, at, rules) is not None:
        return None
    pos = _norm_pos(norm, at)
    # the earlier figure is this one's only when the words bringing it in follow this figure
    # with no other figure between ("بلغ 44، وأن حصيلة القتلى ارتفعت إلى 21 بعد أن كانت 19
    # مساء الأربعاء": the evening is the 19's, the figure before the 21's - not the 44's)
    k = bisect_right(earlier, pos)
    if k == len(earlier) or bisect_right(numbers, pos) < bisect_left(numbers, earlier[k]):
        return None
    # ... and of this figure's day: an earlier figure of another day ("بعد أن كان 75 مساء الخميس")
    # stood before this one whatever the part of the day
    p = _patterns(rules)
    after = [(start, rank) for start, end, rank in cues
             if start >= pos and _earlier_figure_between(pos, start, numbers, earlier)
             and not _day_attached(norm.text, end, p)]
    return min(after)[1] if after else None


def _earlier_figure_between(pos: int, cue: int, numbers: tuple, earlier: tuple) -> bool:
    """Between the figure at `pos` and a part of the day at `cue` (normalised offsets), a word
    bringing in an earlier figure, and a number after that word - before the part of the day
    ("بعد أن كانت 157 خلال الليل") or after it ("بعد أن كانت السلطات قد أعلنت صباح اليوم مقتل
    30"): the part is the earlier figure's moment, as `_brings_in_earlier` reads a day."""
    k = bisect_right(earlier, pos)
    if k == len(earlier) or earlier[k] > cue:
        return False
    return bisect_left(numbers, earlier[k]) < len(numbers)


@lru_cache(maxsize=2048)
def _earlier_ends_of(s: str, p: "_Patterns") -> tuple[int, ...]:
    return tuple(m.end() for m in p.earlier_re.finditer(s)) if p.earlier_re is not None else ()


def _earlier_ends(s: str, p: "_Patterns") -> tuple[int, ...]:
    """Where the words bringing in an earlier figure (rules/dates.yaml `earlier_figure_words`)
    end in the normalised sentence `s`."""
    return _earlier_ends_of(s, p) if p.earlier_re is not None else ()


def _brings_in_earlier(pos: int, cue: int, figures: tuple, earlier: tuple) -> bool:
    """Between the figure at `pos` and a day at `cue`, a word bringing in an earlier figure,
    and a figure after that word (before or after the day: "بعد أن كانت أعلنت أمس 361"): the
    day is that earlier figure's."""
    k = bisect_right(earlier, pos)
    if k == len(earlier) or earlier[k] > cue:
        return False
    return bisect_left(figures, earlier[k]) < len(figures)


_IN_BEFORE = regex.compile(r"(?<![\p{L}])في\s+$")
# how far back from "في" a report's verb is looked for (characters): the verb, its subject and
# a few words ("وكان الجيش قد أعلن في", "القائمة الأولى التي أعلنت في")
_REPORT_VERB_REACH = 60


def _new_statement_between(s: str, pos: int, start: int, p: "_Patterns") -> bool:
    """Does the day at `start`, after the figure at `pos`, stand in a clause opened by a word of
    a new statement (rules/dates.yaml `new_statement_words`: "، في حين", "، فيما")?  Then it is
    that statement's day.  A day in a later clause of its own ("، فيما لا يزال 46 مفقودين، وفق
    ما أعلنته السلطات مساء السبت") may still be the whole sentence's."""
    if p.new_statement_re is None:
        return False
    last = None
    for last in _CLAUSE_BREAK.finditer(s, pos, start):
        pass
    return last is not None and p.new_statement_re.match(s, last.end()) is not None


def _reported_on(s: str, start: int, p: "_Patterns") -> bool:
    """Is the date at `start` the day a report was made: "في" right before it, and before that
    a report's verb with no reported clause ("أن"), figure or comma between ("أعلنت الوزارة في 3
    مارس مقتل 41", "القائمة الأولى التي نشرت في الرابع من مارس")?  Such a date is the figure's day,
    not an event's ("قتلوا في هجوم 7 أكتوبر" has no report's verb)."""
    if p.report_verb_re is None:
        return False
    m = _IN_BEFORE.search(s, max(0, start - 6), start)
    if m is None:
        return False
    return p.report_verb_re.search(s, max(0, m.start() - _REPORT_VERB_REACH), m.start()) is not None


def _leaves_act(s: str, end: int, pos: int, p: "_Patterns") -> bool:
    """Does a clause break between a recalled act's date (ending at `end`) and the figure at `pos`
    open a clause of its own ("، ما أدى إلى مقتل 323"), not one going on with the act's list with
    "و" ("قد أحصت في 7 يناير 468 قتيلا، ونزوح 263 ألفا") or with its tally (rules/dates.yaml
    `act_tally_words`: "قد تبنى في 3 فبراير القرار، بأغلبية 11 صوتا")?"""
    for m in _CLAUSE_BREAK.finditer(s, end, pos):
        if s[m.end():pos].lstrip().startswith("و"):
            continue
        if p.act_tally_re is not None and p.act_tally_re.match(s, m.end()) is not None:
            continue
        return True
    return False


def _recalled_on(s: str, start: int, p: "_Patterns") -> bool:
    """Is the date at `start` the day of an act the sentence recalls: "في" right before it and,
    before that, a past verb after a particle of the pluperfect (rules/dates.yaml
    `recall_particles`: "وكانت إسرائيل قد أفرجت في 24 حزيران عن 41 معتقلا")?  The figure the
    clause gives stood then."""
    return p.recall_on_re is not None and p.recall_on_re.search(s, max(0, start - 40), start) is not None


def _after_earlier_figure(s: str, start: int, p: "_Patterns", earlier: tuple) -> bool:
    """Does the date at `start` follow an `earlier_as_of_words` word right after a figure, in the
    clause of a word bringing in an earlier figure ("بعد أن كانت الوفيات 9 في الخامس من أكتوبر")?"""
    if p.earlier_as_of_re is None:
        return False
    m = p.earlier_as_of_re.search(s, max(0, start - 12), start)
    if m is None:
        return False
    k = bisect_right(earlier, m.start()) - 1
    if k < 0 or _CLAUSE_BREAK.search(s, earlier[k], start) is not None:
        return False
    # right after the figure, or after the figure and its noun ("كان 100 قتيل في الثامن من مايو")
    if _FIGURE_END.search(s, max(0, m.start() - 40), m.start()):
        return True
    # ... or before it, right after the words bringing it in ("وكانت الحصيلة في الخامس من مايو
    # 1102 وفاة", "بعد أن كانت الوفيات في 3 مارس 40"): no figure and at most two words between
    gap = s[earlier[k]:m.start()]
    return _DIGITS.search(gap) is None and len(gap.split()) <= 2


# the figure (digits, thousands separators) and at most one word (its noun) before "في"
_FIGURE_AND_NOUN = regex_cache.compile(r"(?<![\d\p{L}])\d[\d,.]*(?:\s+[^\s\d،؛,.]+)?\s*$")


def _after_past_copula(s: str, start: int, p: "_Patterns") -> int:
    """Does the date at `start` follow "في" right after a figure (and its noun) whose clause a
    past copula or auxiliary opens a few words before it (rules/dates.yaml `past_copula_words`:
    "إن عدد الوفيات كان 271 في 24 أغسطس", "وكانت قد بلغت 489 في 30 مايو")?  The figure is a
    recalled one and the date its day.  Without the copula a date after "في" names an event
    ("قتل 30 شخصا في 24 أغسطس" is read as the attack's day).  Where the copula starts, else -1:
    the date is that clause's figure's only."""
    if p.past_copula_re is None or p.earlier_as_of_re is None:
        return -1
    m = p.earlier_as_of_re.search(s, max(0, start - 12), start)
    if m is None:
        return -1
    f = _FIGURE_AND_NOUN.search(s, max(0, m.start() - 40), m.start())
    if f is None:
        return -1
    c = p.past_copula_re.search(s, max(0, f.start() - p.past_copula_reach), f.start())
    return c.start() if c is not None else -1


def _in_earlier_clause(s: str, start: int, end: int, pos: int, earlier: tuple, p: "_Patterns") -> bool:
    """Does the day at [start, end) sit in the clause of a word bringing in an earlier figure,
    after that figure ("بعد أن كانت 91 أمس"), a clause that ends before the figure at `pos`, whose own clause a word of a
    new statement opens (rules/dates.yaml `new_statement_words`: "، فيما بلغ عدد الجرحى
    236") or a report's verb and "أن" (`report_verbs`: "، التي أوضحت أن بين القتلى 20 طفلا")?  Then the day is the earlier figure's.  A clause with no such word may go on
    listing earlier figures ("بعد أن كانت الحصيلة أمس 40 قتيلا، و120 جريحا")."""
    if p.new_statement_re is None:
        return False
    k = bisect_right(earlier, start) - 1
    if k < 0 or _CLAUSE_BREAK.search(s, earlier[k], start) is not None:
        return False
    if _DIGITS.search(s, earlier[k], start) is None and (
            p.count_word_re is None or p.count_word_re.search(s, earlier[k], start) is None):
        return False  # "بعد أن كانت الوزارة أعلنت أمس مقتل 40، فيما أصيب 120": the report's day
    if p.reported_clause_re is not None and p.reported_clause_re.search(s, end, pos) is not None:
        return True  # "بعد أن كانت 37 صباح أمس، وفق ما أعلنته الوزارة التي أشارت إلى أن 1000 أصيبوا"
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(s, end, pos)]
    return bool(breaks) and p.new_statement_re.match(s, breaks[-1]) is not None


def _norm_pos(norm, at: int) -> int:
    """Normalised offset of original offset `at` (the first normalised char at or after it)."""
    lo, hi = 0, len(norm.text)
    while lo < hi:
        mid = (lo + hi) // 2
        if norm.span(mid, mid + 1)[0] < at:
            lo = mid + 1
        else:
            hi = mid
    return lo
