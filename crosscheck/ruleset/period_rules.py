"""Schemas and loading of rules/periods.yaml, rules/basis.yaml and rules/events.yaml.

Read by crosscheck.extract.periods, .basis and .events (and the reconciler, for
`since_total_min_days`).  Each file is validated with extra="forbid"; a bad file is a RuleError
naming it.  Loaded once per rules directory.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from crosscheck.ruleset.loader import _validate, read_yaml
from crosscheck.ruleset.resources import rules_dir


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClaimExample(_Strict):
    """A sentence (optionally with front matter) and what its claim of `value` must (hit) or
    must not (miss) carry."""

    text: str
    value: float
    period: Optional[str] = None
    basis: Optional[str] = None
    event: Optional[str] = None
    incident: Optional[str] = None
    note: str = ""


class Examples(_Strict):
    hit: list[ClaimExample] = Field(min_length=1)
    miss: list[ClaimExample] = Field(min_length=1)


class PeriodRule(_Strict):
    id: str
    what: str = ""
    period: str
    # where the cue may stand: before the figure, after it, or either (the nearest wins)
    side: str = Field("either", pattern="^(before|after|either)$")
    # a cue that settles the period even when a looser cue of rules/scope.yaml ("أمس", "خلال
    # 24 ساعة" further on) says otherwise: the running-total construction "ارتفع عدد ... إلى N"
    overrides_scope: bool = False
    # an after-cue that may stand in the next clause ("سجل 4 وفيات، ما رفع العدد إلى 31")
    next_clause: bool = False
    # the kinds of figure the cue is for (every kind when empty): "اليوم الأول للهدنة" makes a
    # toll that day's count, but a truce's length told beside it stays the truce's
    kinds: list[str] = []
    patterns: list[str] = Field(min_length=1)
    examples: Examples


class SentenceExamples(_Strict):
    hit: list[str] = Field(min_length=1)  # sentences the rule must find
    miss: list[str] = Field(min_length=1)  # sentences it must not


class PeriodRules(_Strict):
    what: str
    why: str
    number_words: dict[str, int]
    # days of the month in words ("الثامن", "الحادي والعشرين"): {dayword}, group dw
    day_ordinals: dict[str, int] = {}
    after_words: int = Field(10, ge=0)
    since_total_min_days: int = Field(30, ge=0)
    undated_growth_ratio: float = Field(2.0, ge=1.0)
    # kinds whose figure "of the event" (period `event`) is the story's running total, unless
    # its incident is one of `event_total_except` (crosscheck.reconcile.grouping.event_totals)
    event_total_kinds: list[str] = []
    # a superlative or "first" right before a "since" cue ("أعنف يوم منذ بدء المعارك", "أول عملية
    # تبادل منذ توقيع الاتفاق"): the cue measures the record, not a figure's period - it is no
    # cue at all when one of these words stands at most `record_since_reach` words before "منذ"
    # with no figure between (crosscheck.extract.periods)
    record_since_words: list[str] = []
    record_since_reach: int = Field(3, ge=0)
    event_total_except: list[str] = []
    # verbs of an official downward revision ("خفضت الوزارة الحصيلة إلى 84 بعد أن كانت 103"):
    # the earlier figure the sentence gives was revised, not contradicted
    # (crosscheck.reconcile.revisions)
    revision_words: list[str] = []
    revision_examples: Optional[SentenceExamples] = None
    # both figures of a revision in one sentence of `revision_words`, with no earlier-value cue
    # ("خفضت السلطات الحصيلة من 64 إلى 60", "إلى 60 بدلا من 64"): the higher figure is the one
    # revised when the words between the two (at most `revision_span_reach_words`) are one of
    # `revision_to_words` (higher figure first) or `revision_from_words` (lower first)
    # (crosscheck.reconcile.revisions.revised_in_sentence)
    revision_to_words: list[str] = []
    revision_from_words: list[str] = []
    revision_span_reach_words: int = Field(3, ge=0)
    revision_span_examples: Optional[SentenceExamples] = None
    # ... or the higher figure after the lower one, told as announced before it ("إلى 112 قتيلا،
    # بعدما أعلن الدفاع المدني صباحا انتشال 117 جثة"): one of these phrases among the at most
    # `revision_before_reach_words` words between them
    revision_before_words: list[str] = []
    revision_before_reach_words: int = Field(10, ge=0)
    # words telling that a figure fell or was corrected, with no earlier figure named ("تراجع عدد
    # النازحين إلى 352 ألفا", "تصحيح حصيلة القتلى إلى 38"), at most `fall_reach_words` words
    # before the figure in its clause: higher figures other articles gave before are what was
    # said then (crosscheck.reconcile.revisions.stated_falls)
    fall_words: list[str] = []
    fall_reach_words: int = Field(8, ge=0)
    fall_stop_words: list[str] = []
    fall_examples: Optional[SentenceExamples] = None
    # the reason a count went down, anywhere in the figure's sentence (one body counted twice):
    # the figure is told as a correction, like `fall_words` (regex over the normalised sentence)
    fall_reason_patterns: list[str] = []
    fall_reason_examples: Optional[SentenceExamples] = None
    # phrases telling a figure as the story's first one ("في البداية"), at most
    # `first_figure_reach_words` words before it in its clause (crosscheck.reconcile.revisions.first_told)
    first_figure_words: list[str] = []
    first_figure_reach_words: int = Field(5, ge=0)
    first_figure_examples: Optional[SentenceExamples] = None
    # words telling a figure as a stage of a rising total ("ارتفعت الحصيلة إلى", "حصيلة جديدة",
    # "حتى الآن", "في وقت سابق") (crosscheck.reconcile.running)
    rise_words: list[str] = []
    earlier_stage_words: list[str] = []
    # words of a rival count set against the official one ("شككوا في الرقم الرسمي", "العدد
    # الحقيقي"): a figure of the same moment as its article's timed figure, not a later stage
    # (crosscheck.reconcile.within_day)
    rival_count_words: list[str] = []
    rival_count_examples: Optional[SentenceExamples] = None
    running_examples: Optional[SentenceExamples] = None
    rules: list[PeriodRule]


class BasisRules(_Strict):
    what: str
    why: str
    after_words: int = Field(6, ge=0)
    projection: list[str]
    estimate: list[str]
    estimate_after: list[str] = []
    examples: Examples


class EventRule(_Strict):
    id: str
    event: str
    kinds: list[str] = []
    # where a cue counts: before the figure in its sentence or after it in its clause
    # (clause_before), only before it in its sentence (before: "صفقة تبادل 48 مقابل 2130", not
    # "أفرج عن 300 في إطار الصفقة"), or anywhere in the sentence (sentence)
    scope: str = Field(pattern="^(clause_before|before|sentence|after)$")
    # (scope after: only a cue after the figure, starting at most this many characters on in its
    # sentence, across a comma, with no digit between - another figure's cue - and no blocking
    # word: "أفرج عن 39 أسيرا، ضمن الدفعة الأولى من الصفقة")
    after_chars: int = Field(0, ge=0, le=200)
    when_no_event: bool = False
    # periods (regex, matched at the period's start) of a figure the rule does not name: a
    # running total since a date ("ليبلغ عدد المفرج عنهم منذ أغسطس 78") spans the phases
    not_in_periods: list[str] = []
    # words (regex over the normalised text) that cut a cue before the figure off from it: a
    # deal's terms ("تنص الصفقة على الإفراج عن 100") and then what was done ("وأفرج حتى الآن عن
    # 60"): a figure after one of these (between the cue and it) is not the rule's
    blocked_by: list[str] = []
    # words (regex over the normalised text) the figure stands right after that make it part of
    # a name, not a count of the rule's event: the deal of a phase named by its figures ("في
    # المرحلة الثالثة من صفقة \"500 مقابل 500\""); looked at in the 40 characters before it
    not_right_after: list[str] = []
    patterns: list[str] = Field(min_length=1)
    examples: Examples


class IncidentRules(_Strict):
    categories: dict[str, list[str]] = Field(min_length=1)
    kinds: list[str] = Field(min_length=1)
    lead_chars: int = Field(400, ge=0)
    # the fewest times the whole document must name an incident for it to be the document's
    # when neither its title and lead nor its tolls' sentences name one (a single passing
    # mention - a past war recalled, a fire beside a heat wave - is no story's incident)
    doc_min_mentions: int = Field(1, ge=1)
    one_off: list[str] = []
    one_off_periods: list[str] = []
    # ... unless a word right after the figure tells it new or more ("تسع وفيات جديدة خلال 24
    # ساعة"): an increment of the running total, not the total
    one_off_new_words: list[str] = []
    examples: Examples


class EventRules(_Strict):
    what: str
    why: str
    after_words: int = Field(8, ge=0)
    vote_kinds: list[str]
    past_year: str
    past_not_before: list[str]
    # ... unless the text right after the year tells that year's event ("الأسوأ منذ عام 1998،
    # حين أودت الفيضانات بحياة ألف شخص"): the figures that follow are the past event's
    past_when_after: list[str] = []
    # ... and the year of an undated article whose body names only recalled years (a span, a year
    # whose event a relative clause tells): the text after the year (crosscheck.extract.events)
    past_recalled_after: list[str] = []
    # ... and the start of a year before the year ("مطلع عام 2020"): a point in a running count,
    # unless `past_recalled_after` follows the year (that year's event is told)
    past_part_before: Optional[str] = None
    # ... and a one-off event named after "منذ" with its year and then told by a relative clause
    # ("منذ صفقة تشرين الثاني 1983، التي أفرج فيها عن 4500"): the year is that event's for the
    # figures after it (the text before the year, PAST_HEAD_CHARS of it)
    past_since_named: Optional[str] = None
    past_blocked_by: str
    # A bare four-digit figure that is a quantity, never a year (no year word or month before it):
    # a hedge right before it ("أكثر من 1900"), a counted noun or "آخرين" right after it ("1900
    # آخرين", "2010 قتيلا").  Patterns over the normalised text: `past_count_before` ends at the
    # figure (searched in the PAST_HEAD_CHARS before it), `past_count_after` starts right after it.
    past_year_before: Optional[str] = None
    past_count_before: Optional[str] = None
    past_count_after: Optional[str] = None
    # "last year" ("العام الماضي", "موسم العام الماضي"): read like a past year, the year before
    # the document's own (tally kinds excepted: crosscheck.extract.vote_events dates those)
    past_last_year: Optional[str] = None
    header_chars: int = Field(400, ge=0)
    rules: list[EventRule]
    ordinals: dict[str, int]
    past_examples: Examples
    incidents: Optional[IncidentRules] = None


_SPELLING = str.maketrans({"ى": "ي", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا"})


def spelled(pattern: str) -> str:
    """A pattern as the normalised text spells it (ى→ي, ة→ه, one alef): rule authors may write
    ordinary spelling."""
    return pattern.translate(_SPELLING)


def _one(directory: str, name: str, model: type[BaseModel]) -> BaseModel:
    path = Path(directory) / name
    return _validate(model, read_yaml(path), path)


@lru_cache(maxsize=8)
def period_rules(directory: Optional[str] = None) -> PeriodRules:
    return _one(str(rules_dir(directory).resolve()), "periods.yaml", PeriodRules)  # type: ignore[return-value]


@lru_cache(maxsize=8)
def basis_rules(directory: Optional[str] = None) -> BasisRules:
    return _one(str(rules_dir(directory).resolve()), "basis.yaml", BasisRules)  # type: ignore[return-value]


@lru_cache(maxsize=8)
def event_rules(directory: Optional[str] = None) -> EventRules:
    return _one(str(rules_dir(directory).resolve()), "events.yaml", EventRules)  # type: ignore[return-value]
