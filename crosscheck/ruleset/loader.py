"""Load and validate the rule files under rules/.

Every file is YAML validated by a pydantic schema with `extra="forbid"`, so a misspelt key is an
error, not a silently ignored rule.  Errors name the file, the key path and quote the bad input.

Layout (see docs/rules.md):
  rules/kinds/<id>.yaml      one claim-kind rule per file; file name == rule id
  rules/hedges.yaml          qualifier lexicon and the tolerances that turn hedges into intervals
  rules/negation.yaml        words that deny a figure ("لم يسقط 500 قتيل")
  rules/furniture.yaml       page furniture (related-news sidebars) that is not article text
  rules/gazetteer.yaml       places, their aliases and parents; countries that vote
  rules/scope.yaml           person nouns, groups, periods, attribution cues, vote events
  rules/hierarchy.yaml       parts and wholes: group parents, disjoint groups, combined figures
  rules/nisba.yaml           names of origin used as nouns of people ("87 مغربيا", "500 إيزيدي")
  rules/numbers/             number words (used by crosscheck.numbers.parser)
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from crosscheck.errors import RuleError
from crosscheck.models import CLAIM_KINDS
from crosscheck.ruleset.resources import packaged_rules_dir, resolved, rules_dir
from crosscheck.text.lexicon import expand_phrase
from crosscheck.util.yaml_data import parse_yaml

DEFAULT_RULES_DIR = packaged_rules_dir()
# Rule files that only say how reports name things (crosscheck.report.labels): not part of
# the rule-set version, so a new label never makes a store stale.
PRESENTATION_FILES = ("labels.yaml",)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- examples


class Example(_Strict):
    """A sentence and what the rule must extract from it."""

    text: str
    value: Union[int, float, str, None] = None
    qualifier: Optional[str] = None
    low: Optional[float] = None
    high: Optional[float] = None
    group: Optional[str] = None
    location: Optional[str] = None
    period: Optional[str] = None
    event: Optional[str] = None
    actor: Optional[str] = None
    note: Optional[str] = None


class OutletExample(_Strict):
    text: str  # an article's head
    outlet: str  # the outlet its dateline names


class OutletExamples(_Strict):
    hit: list[OutletExample] = Field(min_length=1)  # the dateline names this outlet
    miss: list[str] = Field(min_length=1)  # heads naming no outlet (a quote, a place)


class PlacedExamples(_Strict):
    """Texts whose figure `value` must take `location` (hit: by the rule; miss: the rule must
    leave it at this other place)."""

    hit: list[Example] = Field(min_length=1)
    miss: list[Example] = Field(min_length=1)


class Examples(_Strict):
    hit: list[Example] = Field(min_length=1)  # must match (with these values)
    miss: list[str] = Field(min_length=1)  # must not produce a claim of this rule
    todo: list[Example] = Field(default_factory=list)  # known gaps: run, reported, never fail


# --------------------------------------------------------------------------- shared phrases


class PhraseExamples(_Strict):
    """Sentences in which a phrase of the set stands (hit) and in which none does (miss)."""

    hit: list[str] = Field(min_length=1)
    miss: list[str] = Field(min_length=1)


class NamedPhrases(_Strict):
    """One named phrase set of rules/phrases.yaml: what it says, its phrases (alternation
    groups allowed: crosscheck.text.lexicon.expand_phrase), and examples."""

    what: str
    phrases: list[str] = Field(min_length=1)
    examples: PhraseExamples

    @field_validator("phrases")
    @classmethod
    def _expanded(cls, v: list[str]) -> list[str]:
        out: list[str] = []
        for raw in v:
            if raw.startswith("@"):
                raise ValueError(f"{raw!r}: a named set cannot name another")
            out.extend(p for p in expand_phrase(raw) if p not in out)
        return out


class PhraseSets(_Strict):
    """rules/phrases.yaml: phrase sets several rules share, named once ("@demanded_release"
    in a kind rule's phrase list stands for all of that set's phrases)."""

    what: str
    why: str
    sets: dict[str, NamedPhrases] = Field(default_factory=dict)


# the kind-rule lists whose entries are phrases: they may hold alternation groups and `@name`
# references to rules/phrases.yaml, expanded when the rule is loaded
PHRASE_FIELDS = ("cues", "cross_clause_cues", "antecedent_cues", "exclude", "exclude_before", "exclude_before_first", "require_before",
                 "own_predicate")


def expand_phrases(raws: list[str], sets: dict[str, list[str]] | None) -> list[str]:
    """A phrase list as the matcher reads it: `@name` replaced by the named set's phrases,
    alternation groups expanded; the order written, each phrase once."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in raws:
        if raw.startswith("@"):
            if sets is None or raw[1:] not in sets:
                known = ", ".join(sorted(sets or ())) or "none"
                raise ValueError(f"unknown phrase set {raw!r} (rules/phrases.yaml sets: {known})")
            found = sets[raw[1:]]
        else:
            found = expand_phrase(raw)
        for p in found:
            if p not in seen:
                seen.add(p)
                out.append(p)
    return out


# --------------------------------------------------------------------------- kind rules


class ContextVeto(_Strict):
    """When the document speaks of something (an epidemic), only some nouns/cues keep a kind."""

    # one of these words or phrases ("في الأسر") in the document arms it
    words: list[str] = Field(min_length=1)
    # then only a counted noun or a cue among these types a figure (none: no figure at all, "the
    # people aboard" in an article about a crash that has survivors)
    keep: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)  # single words: in the figure's sentence, no veto
    # the kind only steps aside (another kind may still take the figure) instead of making the
    # figure untyped: released captives in an article about an abduction are hostages
    step_aside: bool = False
    # words joining the two sides of an exchange ("مقابل"): a figure right before or after one,
    # whose other side (in its clause, within `sides_reach` words) is counted with this rule's own
    # noun, is the captives' side even when an `unless` word disarms the sentence ("الإفراج عن 48
    # إيرانيا مقابل 2130 معتقلا" in an article about an abduction: the 48 are hostages); only
    # armed by a one-word entry of `words` (an abduction or hostages, not "في الأسر" alone)
    sides: list[str] = Field(default_factory=list)
    sides_reach: int = Field(7, ge=1, le=12)


class Formula(_Strict):
    """Words that state a count without a figure: "بالإجماع" (no vote against; every member of
    the Security Council for), "من دون أي صوت معارض", "مقابل لا شيء"."""

    phrases: list[str] = Field(min_length=1)
    value: int = Field(ge=0)
    # the formula counts only in a sentence holding one of these (the body whose size `value`
    # is: "مجلس الأمن"), or, with `article_needs`, in an article mentioning one of those
    needs: list[str] = Field(default_factory=list)
    article_needs: list[str] = Field(default_factory=list)
    # ... and in none mentioning one of these (another body voted: "الجمعية العامة"); a formula
    # with no `needs` nor `article_needs` reads these in its own sentence only ("منذ")
    unless: list[str] = Field(default_factory=list)
    # ... only beside a tally figure of the same sentence ("تأييد 12 عضوا من دون أي صوت معارض"):
    # "مرّ القرار دون معارضة" alone may be a passage by consensus, not a counted vote
    with_tally: bool = False
    # ... only in a sentence holding no tally figure: "بتأييد 15 عضوا، أي بإجماع أعضائه" is one
    # figure, said by the tally
    alone: bool = False
    # the claim's group, when not the rule's: no one hurt by one shell ("لم تسفر عن إصابات") is a
    # part of its own ("part:<name>"), never compared with a toll of the whole
    group: Optional[str] = None


class MemberList(_Strict):
    """A count said by naming the states instead of giving a figure: "وامتناع الصين والهند
    والإمارات" (3 abstentions), "مقابل اعتراض روسيا" (1 against), "صوتت روسيا ضده".  The states
    (countries of the gazetteer, joined by "و") must follow one of `before` right away and, when
    `after` is given, be followed right away by one of those."""

    before: list[str] = Field(min_length=1)
    after: list[str] = Field(default_factory=list)
    # as in Formula: only in a sentence holding a tally figure, and only for the body whose
    # members are all named (a Security Council vote, not the Assembly's "بينها" lists)
    with_tally: bool = True
    needs: list[str] = Field(default_factory=list)
    article_needs: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)  # in the sentence only (another body voted)
    # how many states the list must name: one state alone ("وامتنعت روسيا عن التصويت") is
    # that member's position (vote_position), which not every outlet's reader counts as a tally
    min_states: int = Field(2, ge=1)
    # how many words may stand between the states and an `after` phrase: a day or a place set
    # off after the subject ("استخدمت روسيا، مساء الاثنين، حق النقض", "استخدمت روسيا في مجلس
    # الأمن حق النقض"); the words of the gap hold no figure
    after_gap: int = Field(0, ge=0, le=6)
    # no count when one of these words, or a figure, follows the `after` phrase within
    # `unless_reach` words of its clause: the times a member acted, not this event's count
    # ("استخدمت روسيا حق النقض 12 مرة", "ضد ثلاثة قرارات")
    unless_after: list[str] = Field(default_factory=list)
    unless_reach: int = Field(3, ge=1, le=8)


class ReversedMajority(_Strict):
    """A majority told after a rejection counts those who rejected: "رُفض التعديل بأغلبية 114
    صوتا مقابل 3" (114 against, 3 for).  The figure right after a `majority` word goes to the
    rule `to` when a rejection verb (`verbs`) stands at most `reach` words before that word, in
    its clause, with none of `blockers` there (an adoption verb, "رغم", a relative clause: "قرار
    يرفض …" is what the text says, not how it fared); the figure right after a `joiners` word
    that follows such a majority's figure goes to the rule holding this spec."""

    verbs: list[str] = Field(min_length=1)
    majority: list[str] = Field(min_length=1)
    joiners: list[str] = Field(default_factory=list)
    blockers: list[str] = Field(default_factory=list)
    reach: int = Field(6, ge=1, le=12)
    to: str
    # ... and a majority whose side the voting verb's complement names after the tally: "صوتت
    # الدول بأغلبية 19 صوتا مقابل 17 ضد مشروع القرار" (19 against, 17 for).  `against` right
    # before a word of `texts` (the text voted on, not a pronoun: "مقابل 5 أصوات ضده" is the 5's
    # side), at most `after_reach` words past the figure joined to the majority's, with one of
    # `voting_verbs` at most `verb_reach` words before the majority word, in its clause, and no
    # blocker between (an adoption verb says the majority was for: "أقر المجلس النص بأغلبية 21
    # صوتا مقابل 16 ضد مشروع القرار").
    against: list[str] = Field(default_factory=list)
    texts: list[str] = Field(default_factory=list)
    voting_verbs: list[str] = Field(default_factory=list)
    after_reach: int = Field(3, ge=1, le=6)
    verb_reach: int = Field(10, ge=1, le=12)
    # ... and a majority the sentence's opening rejection verb governs however long its object:
    # "رفضت اللجنة الثالثة، المعنية بـ…، تعديلا قدمته المجموعة … يرمي إلى …، وذلك بأغلبية 84 صوتا
    # مقابل 77" (84 against).  The verb within the sentence's first `opening_words` words, the
    # majority at most `opening_span` words after it, no blocker between, and either no clause
    # break between or the majority right after one of `referents` ("وذلك": the act the
    # sentence told).
    referents: list[str] = Field(default_factory=list)
    opening_words: int = Field(3, ge=1, le=5)
    opening_span: int = Field(40, ge=1, le=60)


class KindRule(_Strict):
    """One claim kind: how a number becomes a claim of this kind."""

    id: str
    kind: str
    what: str  # What it does
    why: str  # Why it exists
    priority: int = 0  # breaks ties between rules matching the same number
    nouns: list[str] = Field(default_factory=list)  # counted nouns right after the number
    units: dict[str, float] = Field(default_factory=dict)  # counted noun -> multiplier (weeks -> 7)
    # false: a unit worth less than one counts only whole values ("72 ساعة" is 3 days; "80 ساعة"
    # is no figure of this kind: it stays "other")
    fractional_units: bool = True
    # a unit of time alone after a marker of elapsed time ("بعد أسبوع من الهجوم", scope one_unit_*)
    # counts one unit for this rule only: the elapsed-time rules take it, a length of a truce or
    # a captivity does not ("بعد يوم من احتجازهم" is no day-long captivity)
    one_units: bool = False
    # "أحد"/"إحدى" before a definite plural (scope one_of_words: "قتلت أحد الرهائن") counts one
    # for this rule only: a captive's fate is told so, an injured man's death ("وفاة أحد المصابين")
    # is part of a toll already given
    counts_one_of: bool = False
    cues: list[str] = Field(default_factory=list)  # event words near the number
    cue_before: int = 4  # how many words before the number a cue may stand
    cue_after: int = 4  # how many words after the counted noun a cue may stand
    cue_scope: Literal["clause", "sentence"] = "clause"
    # false: this rule's cues never shadow a shorter cue of another kind inside them (a rule whose
    # phrases are built around other rules' cue words, "بعد الإفراج عنهن", for one more reading)
    shadows: bool = True
    # Cues that may stand before the figure in an earlier clause of its sentence.
    cross_clause_cues: list[str] = Field(default_factory=list)
    # When the word right before the claim is one of these, the cue may stand across commas up
    # to 12 words back: "أفرجت حماس، الجمعة، عن 24 محتجزا".
    cue_bridge: list[str] = Field(default_factory=list)
    # Cues that, in the clause before a count named by its pronoun ("…، وعددهم 26 شخصا"), tell
    # what befell the pronoun's antecedent: "أفرج الخاطفون عن العمال المخطوفين منذ عام، وعددهم
    # 14" counts those freed.  Finite verbs of a thing done, not a noun of a thing sought
    # ("المفاوضات جارية لإطلاق سراح المخطوفين، وعددهم 30": they are still held).
    antecedent_cues: list[str] = Field(default_factory=list)
    require_cue: bool = False  # a noun alone is not enough
    # Cues that are a noun of an act whose object follows it (a return: "إعادة", "عودة",
    # "استعادة"): such a cue types a figure only as that object - the word right after the cue
    # is the figure (or its hedge) or one of the rule's counted nouns.  One followed by an object
    # of its own names something else returned ("لإعادة إمدادات المياه إلى ملايين السكان",
    # "كلفة إعادة إعمار الجسور بعشرات المليارات", "49 قتيلا وانتقادات لبطء إعادة الكهرباء").
    object_cues: list[str] = Field(default_factory=list)
    # ... words of quantity or order that may stand between such a cue and its figure ("بعودة
    # آخر 408 أسرى", "إعادة جميع الـ50")
    object_fillers: list[str] = Field(default_factory=list)
    accept_person_nouns: bool = True  # "30 ألف شخص" + a cue
    accept_bare: bool = True  # a number with no counted noun + a cue ("مقتل 200 في …")
    any_noun: bool = False  # whatever follows the number, a cue decides ("القرار رقم 2728 نص…")
    exclude: list[str] = Field(default_factory=list)  # words right after the noun that veto the rule
    exclude_before: list[str] = Field(default_factory=list)  # words right before the figure that veto it
    # the exclude_before phrases also refuse the cue they end with (or one word after it): a
    # release demanded refuses every figure its cue reaches, not only the one right after it
    # ("يطالب الخاطفون بإطلاق سراح 766 معتقلا، إضافة إلى 17 معتقلا")
    cue_exclude_before: bool = False
    # Words right before the figure that veto it only when the figure comes before its people:
    # a definite noun with its figure after ("التعرف على هويات القتلى الـ36") names the whole
    # group, all of them, where "التعرف على هويات 30 ضحية" counts a step of the identification.
    exclude_before_first: list[str] = Field(default_factory=list)
    # counted nouns (right after the figure, or after its "من") naming people this kind never
    # counts: soldiers or fighters who fled ("فر 40 جنديا", "عشرات من عناصره فروا") are no
    # displaced population, whatever the verb; the figure is left to the other rules
    not_nouns: list[str] = Field(default_factory=list)
    # words one of which must end right before the figure ("على مدى ثلاثة أيام"): the rule applies
    # only there (a rule that reaches far for its cue, trusting the figure's own marker)
    require_before: list[str] = Field(default_factory=list)
    # Words right before an ordinal that make it this rule's running count: "للمرة الثامنة",
    # "الفيتو الـ17", "هو السابع" (a cue is still needed).  Ordinals are otherwise never counts.
    ordinal_after: list[str] = Field(default_factory=list)
    # the period of such a running count when its sentence names none ("المرة السابعة عشرة")
    ordinal_period: Optional[str] = None
    # the rule reads such ordinals only: a cardinal never takes it ("في اليوم الثاني من الهدنة" is
    # its; "بعد نحو عام من الهدنة" is a length, whatever cue the two share)
    ordinal_only: bool = False
    digits_only: bool = False  # the number must be written in digits (resolution numbers)
    # the figure takes no hedge: a number that names ("القرار 2728") never comes with "أكثر من"
    # ("شارك في تقديم مشروع القرار أكثر من 30 دولة" counts co-sponsors)
    no_hedge: bool = False
    # a vague quantity ("عشرات الآلاف") is no figure of this rule: "بلغ عدد المفرج عنهم عشرات
    # الآلاف" after prisons are thrown open counts no release
    no_vague: bool = False
    # hedges that take the figure from this rule: "بعد أقل من أسبوعين على" is a bound, not an
    # elapsed time some sets count (the hedge's words, starting right before the figure's number)
    exclude_hedge: list[str] = Field(default_factory=list)
    min_value: float = 0
    integer_only: bool = True
    group: Optional[str] = None  # default group when the noun names none
    period: Optional[str] = None  # default period
    event_from: Literal["none", "vote", "cues"] = "none"
    events: dict[str, list[str]] = Field(default_factory=dict)  # event name -> cues (event_from: cues)
    # events that belong to a vote: the draft or resolution named in the figure's sentence is
    # added to the event ("mandate:draft:russia"), so two drafts' lengths are never compared
    vote_scoped_events: list[str] = Field(default_factory=list)
    # the figure's own length names what it measures: a window of time ("خلال الأيام الخمسة
    # الماضية") is the window of the figures beside it, so its event is this name and its value
    # ("window:5"): windows of different lengths are different windows, never a conflict
    value_event: Optional[str] = None
    # a word right after the figure (its counted noun and hedge) that adds a part to the event
    # (event_from: cues): "تمديد الهدنة شهرين إضافيين" is the truce's extension
    # ("truce:extension"), not its whole length.  suffix -> words
    event_after: dict[str, list[str]] = Field(default_factory=dict)
    # words right before an event cue named after the figure that make it the time a comparison
    # counts from ("الأطول منذ اندلاع الحرب"), not the event the figure measures (event_from: cues)
    event_anchor_before: list[str] = Field(default_factory=list)
    actor: bool = False  # find the member state the claim is about (vetoes)
    # Kinds whose words, joined to this rule's by "و"/"أو" right at the figure, make it one
    # combined total (kind other): "عشرات القتلى والجرحى", "مصرع وإصابة 20", "1000 قتيل أو مفقود".
    combined_with: list[str] = Field(default_factory=list)
    # A word after the counted noun, before the next figure of the sentence and at most
    # `side_reach` words on (past asides and commas), that gives the figure to another rule:
    # "وصوت تسعة أعضاء من أصل 15 ضد المشروع", "صوتت 12 دولة، بينها …، ضد الوثيقة".
    side_after: dict[str, str] = Field(default_factory=dict)
    # Words of a tally that join two figures ("بتأييد 141 دولة ضد رفض 5", "بـ120 صوتا ضد 9"):
    # right after a figure and followed at once by another figure (or by one of this rule's
    # cues and a figure), such a word types the figure after it, never the one before - as a
    # cue after the figure or as a side word (`side_after`).
    heads_next: list[str] = Field(default_factory=list)
    # Tally joiners right after the counted noun (past a comma at most) that type the figure
    # before them as this rule's, with no cue: "بعشرة أصوات وامتناع خمسة" (the joiner heads the
    # tally's next figure, so this one heads the tally).  Read at the figure, not indexed as cues.
    tally_joiners: list[str] = Field(default_factory=list)
    # Words that may stand between the counted noun and its tally joiner: the emphasis "only"
    # ("بتسعة أصوات فقط وامتناع ستة").
    tally_joiner_skip: list[str] = Field(default_factory=list)
    # The rule applies only in a sentence holding one of these words: a tally needs a vote
    # ("قرار", "صوت", "دولة"…), so "مناطق المعارضة" in a war report names no votes against.
    sentence_needs: list[str] = Field(default_factory=list)
    # Rules whose cue before the figure wins over this rule's counted noun: the noun names who
    # the people are ("لاجئ"), the cue what happened to them ("فقدان 70 لاجئا": missing).
    yield_to: list[str] = Field(default_factory=list)
    # Rules whose cue right after this rule's counted noun (at most `yield_after_reach` words
    # on: an adjective, a hedge) wins over it: the clause's verb says what happened to the
    # people the noun names ("322 رهينة قتلوا": killed, not held).
    yield_after: list[str] = Field(default_factory=list)
    yield_after_reach: int = Field(1, ge=0, le=4)
    # The figure's own predicate: one of these phrases after the figure and the people it counts
    # (at most `own_predicate_reach` words after its noun, in its clause, with no other figure,
    # clause opener or cue of another kind between) makes the figure this rule's, whatever cue
    # came before it ("بلغ عدد القتلى 2214، إضافة إلى نحو 350 جنديا ما زالوا مفقودين": missing)
    # and however long the words naming the people ("نحو 3 آلاف شخص من سكان المدينة ومدافعيها
    # ما زالوا في عداد المفقودين").  Not over a counted noun of another rule ("350 قتيلا").
    own_predicate: list[str] = Field(default_factory=list)
    own_predicate_reach: int = Field(8, ge=1, le=12)
    # words between the figure and such a phrase that end the search: a clause of its own (a
    # singular verb with its subject after it, "ولا يزال البحث جاريا عن آخرين مصيرهم مجهول"; a
    # relative clause of a thing, "في القرية التي …")
    own_predicate_stops: list[str] = Field(default_factory=list)
    # The own predicate types only a figure whose counted noun is of a rule that yields to this
    # one after it (yield_after): "14 رهينة آخرين بينهم عمال أجانب قتلوا" (the hostages' noun
    # names who they are, the verb past their aside what befell them); a figure of people with
    # no such noun keeps what its cues say ("5 مسلحين قتلوا جنديين": who killed, not who died)
    own_predicate_yielders_only: bool = False
    # ... and over a figure these rules typed (rule ids), its people's relative clause passed on
    # the way ("19 طفلا ممن خطفوا من المدرسة أعيدوا إلى ذويهم": the abduction's verb typed them
    # held, the predicate after the clause tells they came back)
    own_predicate_over: list[str] = Field(default_factory=list)
    # The rule applies only in an article mentioning one of these words: "محتجز" are hostages
    # where the article speaks of hostages or Israel; in a swap between states (Yemen, Iran and
    # the US, Russia and Ukraine) the detainees freed are prisoners.  An entry of several words
    # is a phrase the article must hold as written ("الطائرة المنكوبة").
    article_needs: list[str] = Field(default_factory=list)
    side_reach: int = 12
    # a majority after a rejection is the other side's (crosscheck.extract.reversed_majority)
    reversed_after: Optional[ReversedMajority] = None
    # Counted nouns of occasions ("مرات"): a figure of them after a cue whose casters are two or
    # more members joined by "و" ("استخدمت روسيا والصين الفيتو ثلاث مرات") counts the times they
    # acted together, not this kind's count (vote_positions.joint_casters)
    joint_occasions: list[str] = Field(default_factory=list)
    # "إصابة" in an article about cholera is an infection, not a wound: see ContextVeto
    context_veto: Optional[ContextVeto] = None
    formulas: list[Formula] = Field(default_factory=list)  # counts stated without a figure
    member_lists: list[MemberList] = Field(default_factory=list)  # counts stated by naming states
    examples: Examples

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, v: str) -> str:
        if v not in CLAIM_KINDS:
            raise ValueError(f"unknown kind {v!r}; known kinds: {', '.join(CLAIM_KINDS)}")
        return v

    @field_validator(*PHRASE_FIELDS)
    @classmethod
    def _expanded(cls, v: list[str], info: ValidationInfo) -> list[str]:
        # named sets come in the validation context (load_rules reads rules/phrases.yaml first)
        sets = (info.context or {}).get("phrase_sets")
        return expand_phrases(v, sets)


class PositionRule(_Strict):
    """Factual vote claims: which member voted for/against, abstained or vetoed."""

    id: str
    kind: Literal["vote_position"]
    what: str
    why: str
    positions: dict[str, list[str]]  # value ("for", "abstain", …) -> trigger phrases
    negators: list[str] = Field(default_factory=list)  # "تجنبت استخدام الفيتو" is not a veto
    actor_before: int = 8  # words before the trigger in which the voting member may stand
    examples: Examples


# --------------------------------------------------------------------------- other files


class Tolerance(_Strict):
    """Relative half-widths by the number of significant digits of the value."""

    sig1: float
    sig2: float
    sig3: float
    rest: float


class PredicateRules(_Strict):
    """A figure that is what its clause's subject amounts to: "ارتفعت حصيلة القتلى في … إلى
    359", "عدد قتلى الحريق في المستشفى 82 شخصا".  The subject (a kind's cue) may then stand
    farther back than the kind's cue window, across commas, when no other figure stands
    between it and the figure."""

    # words right before the figure or its hedge that make it the predicate ("إلى", "بلغ",
    # "ارتفعت لنحو", "تجاوزت")
    reach: list[str] = Field(default_factory=list)
    # words heading a toll named as the subject ("عدد", "حصيلة"): a cue right after one of them
    # is the subject even without a reach word ("حصيلة قتلى الحريق … 82 شخصا")
    heads: list[str] = Field(default_factory=list)
    window: int = Field(default=20, ge=1, le=40)  # how many words back the subject may stand
    # words opening the next clause: a cue after one heads a figure of its own ("قفز عدد القتلى
    # إلى 920 شخصا فيما أصيب 610": أصيب is not the 920's kind)
    openers: list[str] = Field(default_factory=list)
    examples: Optional[Examples] = None  # hit: a claim with that value; miss: no typed claim


class HedgeRules(_Strict):
    what: str
    why: str
    before: dict[str, list[str]]  # qualifier -> phrases written before the number
    after: dict[str, list[str]]  # qualifier -> phrases written after the counted noun
    fillers: list[str] = Field(default_factory=list)  # "ما يقارب عن 100": عن may follow the hedge
    round_trailing_zeros: int = 2  # an exact figure is "round" with at least this many zeros
    exact_round: Tolerance  # exact but round ("30 ألف")
    approx: Tolerance
    more_than: Tolerance  # how far above the figure "أكثر من" reaches
    predicate: PredicateRules = Field(default_factory=PredicateRules)
    examples: Examples


class NegationRules(_Strict):
    what: str
    why: str
    particles: list[str]  # within `particle_window` words before the claim
    particle_window: int = 3
    verbs: list[str]  # anywhere earlier in the same clause
    # Right before the figure, one of these makes the denial an exception, the figure the only
    # ones: "لم يعارضه سوى بلدين" (two against), "لم ينج إلا 3 ركاب"
    exceptives: list[str] = Field(default_factory=list)
    # After a denied figure, one of these says the article refutes it ("وليس 3000 كما راج"): the
    # same value the article reports elsewhere (the rumour) is no claim either
    refuted_after: list[str] = Field(default_factory=list)
    # Right after a particle, one of these denies that the figure sufficed, not the figure: "لم
    # يكف تأييد 11 عضوا" (11 voted for it), "12 صوتا لم تكف"
    sufficiency_verbs: list[str] = Field(default_factory=list)
    examples: Examples


class FurnitureRules(_Strict):
    what: str
    why: str
    headers: list[str]  # a line that starts with one of these opens a furniture block
    # regex (or list of regexes, one per form) for a bare timestamp line, e.g. "02 أبريل 2025
    # 03:24 م", "منذ 3 ساعات"
    timestamp: Union[str, list[str]]
    max_words: int = 16  # furniture lines are short; a long paragraph closes the block
    examples: Examples


class Place(_Strict):
    id: str
    names: list[str]
    adjectives: list[str] = Field(default_factory=list)  # "أمريكي" for the United States
    parent: Optional[str] = None
    type: Literal["city", "region", "country", "camp", "area"] = "city"
    member: bool = False  # a UN Security Council voting member (for vote claims)
    # a name that is also a common word when it stands bare ("عدن": the verb "they returned",
    # "بعض الطالبات عدن إلى منازلهن"): a place only with a clitic ("بعدن", "وعدن"), after a
    # locative ("في عدن") or in a longer name listed apart ("خليج عدن")
    bare_is_word: bool = False


class GazetteerRules(_Strict):
    what: str
    why: str
    locatives: list[str]  # a country counts as a location only after one of these ("في", "داخل")
    # ... or after one of these two-word phrases: a relative pronoun and a verb of striking ("الزلزال
    # الذي ضرب الإكوادور", "العاصفة التي اجتاحت الفلبين"): the country struck is where the disaster
    # happened (Gazetteer._is_locative).  Examples: hit texts whose figure takes the struck country.
    struck_locatives: list[str] = Field(default_factory=list)
    struck_examples: Optional[Examples] = None
    # ... or right after a word or two-word phrase of hosting, arrival or recording ("تستضيف
    # كولومبيا", "لجأوا إلى أوزبكستان", "أحصت سلطات بنغلادش"), or right before a verb of hosting or
    # counting ("بولندا استقبلت", "الإكوادور تحصي"): the country where the figures are, for the
    # claims of that sentence only (not for the article's place).  Examples as struck_examples.
    host_locatives: list[str] = Field(default_factory=list)
    host_verbs_after: list[str] = Field(default_factory=list)
    # ... a particle that may stand between the country and that verb ("كانت أوغندا قد استقبلت")
    host_verb_particles: list[str] = Field(default_factory=list)
    # ... or an item of a ranking of hosts, its figure right after it ("تليها البرازيل بـ210 آلاف"):
    # a regex over the normalised text right after the country
    host_item_after: Optional[str] = None
    host_examples: Optional[Examples] = None
    # An area named by its country's adjective ("في إقليم التبت الصيني", "بمقاطعة سيتشوان الصينية"):
    # a locative, one of `area_heads`, one to `area_head_words` words and a country's adjective
    # place the figure in that country, even when the gazetteer does not know the area.
    # Examples: hit texts whose figure takes `location`; miss texts where it does not.
    area_heads: list[str] = Field(default_factory=list)
    area_head_words: int = Field(2, ge=1, le=4)
    area_not_of: list[str] = Field(default_factory=list)  # words between that make it a neighbour's (الحدود)
    area_examples: Optional[Examples] = None
    child_window: int = 12  # prefer a sub-area (Rafah) over its parent (Gaza) within this many words
    # ... but not over the claim's own place: one this many words after it ("400 شخص في باكستان")
    own_place_window: int = 2
    # A dateline ("رانغون - الثلاثاء 6 أيار/مايو 2008", "بغداد - ارتفع …"): a place at the start
    # of one of the text's first `dateline_lines` lines, followed within `dateline_reach`
    # characters by one of `dateline_separators`, is where the article was filed from, not a
    # place of its figures (crosscheck.extract.scope.Gazetteer.dateline).  [] turns it off.
    dateline_separators: list[str] = Field(default_factory=list)
    dateline_lines: int = Field(3, ge=0)
    dateline_reach: int = Field(40, ge=0)
    # A numeric date right after the dateline's separator ("جاكرتا - 30 - 12 (كونا)"): a regex
    # matched there; its digits are the filing date, never figures (Gazetteer.dateline_date).
    # "" turns it off.  Examples: hit texts whose dateline digits give no figure (`value` is the
    # article's own figure, which stays); miss texts whose digits after a dateline are figures.
    dateline_date: str = ""
    dateline_date_examples: Optional[Examples] = None
    # A country heading a line as its label ("قرغيزستان: ارتفاع قتلى الاشتباكات إلى 46"): a regex
    # matched right after a country's name standing alone at the start of a line; when it
    # matches, the country is located for that line's figures and the line is no dateline
    # (Gazetteer.label).  "" turns it off.  Examples: hit texts whose figure takes `location`;
    # miss texts where the line is a dateline or the label no place (a speaker, a date).
    headline_label: str = ""
    headline_label_examples: Optional[Examples] = None
    # An outlet named on the dateline line in quotes, with no `source:` metadata ("بانكوك -
    # «القدس العربي»:"): a regex matched on each of the first `dateline_lines` lines (normalised
    # text) whose group `name` is the outlet; every place inside that name, wherever the article
    # repeats it, is no place of the story ("القدس" of "القدس العربي").  "" turns it off.
    dateline_outlet: str = ""
    dateline_outlet_examples: Optional[OutletExamples] = None
    # Outlets named in the body: a name of `outlet_names` (outlets whose names hold a place word:
    # "القدس العربي", "روسيا اليوم"), or a name in guillemets or quotes right after one of
    # `outlet_heads` ("صحيفة «صوت العراق»", "موقع \"دمشق الآن\""): no place inside it is a
    # place of the story (DocContext.outlet_spans).  Examples: hit texts whose figure takes
    # `location` (None: the outlet's place is not taken).
    outlet_names: list[str] = Field(default_factory=list)
    outlet_headed_names: list[str] = Field(default_factory=list)  # outlets only after a head
    outlet_heads: list[str] = Field(default_factory=list)
    outlet_examples: Optional[Examples] = None
    # A speaker's venue ("دبلوماسي غربي في رانغون", "في مؤتمر صحفي عقده اليوم في كينشاسا"): a place
    # after a locative that stands within `venue_reach` words after one of `venue_words` is where
    # someone spoke, not a place of the figures (crosscheck.extract.scope.Gazetteer.venues).
    venue_words: list[str] = Field(default_factory=list)
    venue_reach: int = Field(3, ge=0)
    # ... unless one of these words stands right before the venue word (or before "على"/"في"
    # before it): a hospital burned or shelled ("حريق مستشفى ابن الخطيب في بغداد") is the
    # figures' own site, its place theirs.
    venue_site_words: list[str] = Field(default_factory=list)
    venue_site_examples: Optional[Examples] = None
    # A source's place ("مصادر طبية في مصراتة", "ناشطون في دمشق"): a place after a locative within
    # `venue_reach` words after one of these words is where the source speaks from; an article that
    # names that place nowhere else, and names another place, does not count it as its figures'
    # (crosscheck.extract.scope.Gazetteer.sources).
    source_words: list[str] = Field(default_factory=list)
    source_examples: Optional[Examples] = None
    # Talk about a story at a place ("تتواصل في تركيا التساؤلات عن الثمن", "جدل في تركيا"): a located
    # place right before one of these words is where people discuss or react, not where the
    # figures happened (a venue, as above).
    venue_words_after: list[str] = Field(default_factory=list)
    # Funerals and burials ("وشيعت إسطنبول وأنقرة وإزمير جنازات الضحايا", "دفنوا في مسقط رأسهم"):
    # a place within `burial_reach` words after one of `burial_words`, in a clause that gives no
    # figure, is where the dead were mourned or buried, not where they died (a venue).
    burial_words: list[str] = Field(default_factory=list)
    # In an article that sums several countries' figures (rules/hierarchy.yaml `combinations`), a
    # figure with no place of its own is the country its sentence names by an adjective right
    # after one of these words: a side or an authority ("وفي الجانب التايلاندي، ارتفع عدد القتلى
    # إلى 20", "أعلنت وزارة الدفاع الكمبودية حصيلة بلغت 13 قتيلا"), the first after the figure in
    # its clause, else the nearest before it.  An armed group's origin ("حركة الشباب الصومالية")
    # is no such side.  [] turns it off.
    side_heads: list[str] = Field(default_factory=list)
    side_examples: Optional[Examples] = None
    # ... and in any article whose default place (its dateline, the place it names most) is in
    # another country: a figure with no place of its own that a side or an authority of
    # `default_side_heads` (a subset of the heads above that speak for their own country's toll,
    # not an army or a foreign ministry speaking of fronts and nationals abroad) names by
    # adjective is that country's, not the default's ("نيروبي - قالت السلطات التنزانية إن 155
    # شخصا قتلوا").  A default inside that country (a city of it) stays.  [] turns it off.
    default_side_heads: list[str] = Field(default_factory=list)
    # ... for figures of these kinds only: tolls a side or an authority counts for its own country
    # (a release's authority is its actor: "أطلقت السلطات الإسرائيلية سراح 39 أسيرا" is no Israeli
    # figure)
    default_side_kinds: list[str] = Field(default_factory=list)
    default_side_examples: Optional["PlacedExamples"] = None
    burial_reach: int = Field(5, ge=0)
    burial_examples: Optional[Examples] = None
    # A clock time's zone ("آخر تحديث: 14:20 (مكة المكرمة)", "21:30 بتوقيت القدس"): a place right
    # after one of these patterns (regex over the normalised text) is no place of the figures.
    time_zone_before: list[str] = Field(default_factory=list)
    places: list[Place]
    examples: Examples

    @model_validator(mode="after")
    def _parents_exist(self) -> "GazetteerRules":
        ids = {p.id for p in self.places}
        for p in self.places:
            if p.parent and p.parent not in ids:
                raise ValueError(f"place {p.id!r} has unknown parent {p.parent!r}")
        return self


class ScopeRules(_Strict):
    what: str
    why: str
    person_nouns: list[str]
    function_words: list[str]  # words after a number that are not its counted noun
    # Nouns that, carrying the preposition "ب" right after a number, say how or by what the people
    # counted were hit, not who they are ("وجرح 79 بهجوم", "قتل 40 بقصف"): the figure is bare and
    # its kind comes from its cue.  "ب" with a definite noun ("أصيب 15 بالرصاص") always does.
    means_nouns: list[str] = Field(default_factory=list)
    # How the word after "و" begins when "و" is the conjunction, not the word's first letter:
    # such a word right after a figure opens the next item, it is no counted noun.
    next_item_after_waw: list[str] = Field(default_factory=list)
    # Nouns of areas that, right after a figure, are what it counts even where some rule takes
    # the word as its cue ("في 11 ولاية": eleven states, "ولاية" being also a mandate): the
    # figure has a counted noun, it is no bare figure for the cue to type.
    counted_areas: list[str] = Field(default_factory=list)
    # Words right after a figure restating a total after "أي" (or after its person noun) that make
    # it a rate or a share, no total (extractor._restated_total): "أي نحو 40 يوميا".
    restated_total_not_after: list[str] = Field(default_factory=list)
    # Characters that, between a figure and the word after it, close the figure: that word is
    # no counted noun ("الصين القارية (349) وهونغ كونغ (299)": a breakdown by places).
    figure_closers: list[str] = Field(default_factory=list)
    # Words of ranking that open the next item of a list of places, each with its share after
    # "ب" ("تليها بيرو بأكثر من نصف مليون"): the share is of the kind of the item before.
    rank_followers: list[str] = Field(default_factory=list)
    # The word between a toll's noun and the things its people came from ("1200 قتيل من سبع دول"):
    # those things are part of the toll's phrase (an earlier value after them is the toll's).
    toll_origin_words: list[str] = Field(default_factory=list)
    # the toll's own place between it and an earlier value's marker ("550 ألف نازح من المحافظة،
    # بعد أن كانوا 425 ألفا"), no figure in it, at most earlier_value_place_reach words
    earlier_value_places: list[str] = Field(default_factory=list)
    earlier_value_place_reach: int = 4
    # a count of people restating one of households after "أي" ("5200 أسرة، أي نحو 26 ألف شخص،
    # فرت"): the opener, the people's nouns and the households' nouns in the clause before
    restatement_openers: list[str] = Field(default_factory=list)
    restatement_nouns: list[str] = Field(default_factory=list)
    restated_nouns: list[str] = Field(default_factory=list)
    # rule id -> its cues that tell only such a restated count ("نزحت" agrees with the households)
    restatement_cues: dict[str, list[str]] = Field(default_factory=dict)
    # rule id -> its cues that mean "spent" when a length of time follows the figure (or the cue
    # after it): "قضى البحارة الأربعة 210 أيام في البحر" counts no dead (extractor._spent_time)
    spent_cues: dict[str, list[str]] = Field(default_factory=dict)
    # the lengths: units alone ("سنوات", "أياما") and units that need a number before them
    # ("يوم", "عام": alone they date, "يوم الجمعة"); the words that may stand before the number
    # (hedges, number words) and the words that open a place of the stay before it ("في الأسر")
    spent_units: list[str] = Field(default_factory=list)
    spent_counted_units: list[str] = Field(default_factory=list)
    spent_fillers: list[str] = Field(default_factory=list)
    spent_numbers: list[str] = Field(default_factory=list)
    spent_places: list[str] = Field(default_factory=list)
    spent_place_words: int = Field(2, ge=0, le=4)
    # How a present-tense verb begins: "و" + a word that is no counted noun, then such a verb,
    # right after a figure is the next clause's subject and its verb, not the figure's noun.
    next_subject_verbs: list[str] = Field(default_factory=list)
    # A figure right after a verb of exceeding or reaching takes the kind its subject names
    # (rules/scope.yaml reach_subject_*): the verbs, the subject nouns by kind, the toll heads
    # that name the dead alone ("حصيلة الإعصار"), the words a relative clause opens with, the
    # words that may stand between verb and figure, and how many words back the subject may begin.
    reach_subject_verbs: list[str] = Field(default_factory=list)
    reach_subject_nouns: dict[str, list[str]] = Field(default_factory=dict)
    reach_subject_tolls: dict[str, str] = Field(default_factory=dict)
    reach_subject_relatives: list[str] = Field(default_factory=list)
    reach_subject_between: list[str] = Field(default_factory=list)
    reach_subject_window: int = 5
    # A definite counted noun, its figure, then a relative clause or a definite participle that
    # names their state (rules/scope.yaml state_after_*): the kinds such a state may give, the
    # relative pronouns, and how many words of the relative clause are read.
    state_after_kinds: list[str] = Field(default_factory=list)
    state_after_relatives: list[str] = Field(default_factory=list)
    state_after_window: int = 6
    # the release kinds a state overrides only when the release is asked for or attempted
    # (state_after_undone: its words before the noun)
    state_after_releases: list[str] = Field(default_factory=list)
    state_after_undone: list[str] = Field(default_factory=list)
    state_after_undone_words: int = Field(5, ge=1, le=12)  # how many words before the noun are read for them
    groups: dict[str, list[str]]  # group -> nouns
    # casualty nouns a group's adjective may follow ("94 قتيلا مدنيا": civilians)
    group_after_nouns: list[str] = Field(default_factory=list)
    periods: dict[str, list[str]]  # period -> cues in the claim's sentence
    according_to: list[str]  # "وفقا ل", "بحسب" … anywhere in the sentence, then the source
    attribution: list[str]  # "قال", "أعلنت" … before the claim or in its clause, then the source
    attribution_stop: list[str]  # words that end an attribution ("إن", "أن")
    duals: dict[str, str]  # dual noun -> its singular: the word is a count of 2
    # ... except a definite dual right after one of these: "قتيلا في البلدين" names the two
    # places a figure covers, "بين الدولتين" what lies between them; neither counts anything
    duals_not_after: list[str] = Field(default_factory=list)
    # a unit of time alone after a marker of elapsed time ("بعد أسبوع من الهجوم"), or with "ب" after
    # "بعد"/"قبل" and one word ("بعد الحادث بيوم"): a count of one of that unit
    # "أحد"/"إحدى" right before a definite plural ("قتلت أحد الرهائن"): one of them, a count of one
    one_of_words: list[str] = Field(default_factory=list)
    one_unit_nouns: list[str] = Field(default_factory=list)
    one_unit_after: list[str] = Field(default_factory=list)
    # the units one_unit_after reads (default: all of one_unit_nouns): "منذ أسبوع" is a week, while
    # "منذ يوم عرفة" names a day
    one_unit_after_nouns: list[str] = Field(default_factory=list)
    one_unit_after_event: list[str] = Field(default_factory=list)
    # a unit alone after a marker of elapsed time only when a word naming its starting point
    # follows ("بعد أسبوع من الهجوم", "بعد أسبوع على الكارثة"; not "سيعود بعد أسبوع"): the
    # markers, and the words that must come right after the unit (one_unit_after_nouns' units)
    one_unit_after_since: list[str] = Field(default_factory=list)
    one_unit_since_next: list[str] = Field(default_factory=list)
    # a unit of time alone after a marker of length or a hedge ("حدادا لمدة أسبوع", "صمدت نحو
    # أسبوع") or before "whole" ("أسبوعا كاملا"): one unit, a length for the rules with units
    one_unit_lengths: list[str] = Field(default_factory=list)
    one_unit_length_nouns: list[str] = Field(default_factory=list)
    one_unit_whole: list[str] = Field(default_factory=list)
    # ... or right before a noun of what fills that one unit ("يوم حداد وطني": a day of mourning)
    one_unit_of: list[str] = Field(default_factory=list)
    # an adjective between a counted noun and its "one" ("مقابل صوت معارض واحد"): read as "1 صوت"
    one_after_adjectives: list[str] = Field(default_factory=list)
    # a singular person noun, no numeral, right after a noun of death ("وفاة مواطن"): one
    one_person_after: list[str] = Field(default_factory=list)
    one_person_nouns: list[str] = Field(default_factory=list)
    one_person_not_before: list[str] = Field(default_factory=list)
    list_end_nationals: bool = False
    list_end_numbers: list[str] = Field(default_factory=list)
    list_end_stops: list[str] = Field(default_factory=list)
    # ... or the subject of a verb whose object says the death ("لقي شخص مصرعه"): one of
    # `one_person_subject_of` before the noun and one of `one_person_subject_ends` right after it
    one_person_subject_of: list[str] = Field(default_factory=list)
    one_person_subject_ends: list[str] = Field(default_factory=list)
    # ... or the accusative subject of a reported clause whose verb of killing comes a few words
    # later ("قال إن مدنيا قتل"): a marker of `one_person_reported_after`, a noun of
    # `one_person_reported_nouns`, at most `one_person_reported_gap` words with no punctuation,
    # then one of `one_person_reported_verbs` (not before a not_before word: a death from wounds)
    one_person_reported_after: list[str] = Field(default_factory=list)
    one_person_reported_nouns: list[str] = Field(default_factory=list)
    one_person_reported_verbs: list[str] = Field(default_factory=list)
    one_person_reported_gap: int = 0
    subset_markers: list[str]  # "بينهم 35 طفلا": a subset of the claim before it, same kind
    breakdown_openers: list[str] = []  # "موزعين بين 7 قرب المحطة و5 في …": parts of the figure before, by place
    # the subset markers that count people ("منهم", not "منها"): their total is the people counted
    # before a figure of things between ("87 قتيلا خلال الـ24 ساعة، منهم 62 …")
    people_subset_markers: list[str] = []
    # a pronoun and "among" right after a figure ("50 طفلا هم بين القتلى"): the figure is a part of
    # those named next, typed by the cue there; the pronoun opens no subset
    member_of_after: list[str] = []
    # kinds whose counted noun only says who the people were (a hostage), mapped to the kinds of
    # a total they may be a part of: "أودى بحياة 22 شخصا، هم 20 رهينة وشرطيان" - the hostages
    # are 20 of the dead, a part of the total's kind, not hostages held
    status_part_of: dict[str, list[str]] = {}
    # a day named right after a figure ("58 يوم السبت"): a date, no counted noun or unit of time
    day_after_figure: list[str] = []
    # ... or a day of a month: "يوم" (`dated_day_words`), the day's number, a month
    # (`dated_day_months`): "12514 يوم 23 آب" is a toll on 23 August, not 12514 days
    dated_day_words: list[str] = []
    dated_day_months: list[str] = []
    # Words adding a figure to someone named before it ("أفرجت عن الصحفي فلان، إضافة إلى 3
    # ناشطين"): with no figure before it in its sentence, the figure counts the others only, a
    # part of the whole (group "subset"), never the whole itself.
    additive_markers: list[str] = Field(default_factory=list)
    # "(من) بين القتلى" right before a count: a part of that whole ("subset:<noun>")
    among_wholes: list[str] = Field(default_factory=list)
    among_copulas: list[str] = Field(default_factory=lambda: ["هم", "هن"])
    # Definite words (adjectives of the whole) that may stand between "(من) بين <whole>" and the
    # count after it ("بين الرهائن المحررين 24 يابانيا"), at most `among_modifiers_reach`, and the
    # pronoun tails that may close such a modifier ("بين المفرج عنهم")
    among_modifiers_reach: int = 0
    among_modifier_tails: list[str] = Field(default_factory=list)
    # Words right before the first item of a breakdown by places written after each figure
    # ("توزعت الوفيات بين 12 في بلدة ألف و5 في بلدة باء"): with a place the gazetteer does not
    # know, each item is a part named by its own place (crosscheck.extract.place_items).
    place_breakdown_openers: list[str] = Field(default_factory=list)
    combined_after: list[str] = Field(default_factory=list)  # "43 جنديا سقطوا بين قتيل وجريح": a combined total
    # Words between a toll and its later value, ending right before the later figure ("قدرت
    # حصيلته بنحو 900 قتيل قبل أن تخفض لاحقا إلى 300"): the figure takes the toll's kind.
    later_value_markers: list[str] = Field(default_factory=list)
    # Words right between a claim and a bare figure that make the figure the claim's earlier
    # value ("ارتفعت الحصيلة إلى 264 قتيلا، بعد أن كانت 110"): same kind, period superseded.
    earlier_value_markers: list[str] = Field(default_factory=list)
    # ... followed by nothing, or by when it was given ("بعد أن كانت 321 أمس", "… 480 الثلاثاء")
    earlier_value_when: list[str] = Field(default_factory=list)
    # Generic nouns an earlier value may carry and still be the toll's ("بعد أن كانت الحصيلة 12
    # حالة أمس", "بعد أن كانت 40 شخصا"): a noun that names no kind of its own.
    earlier_value_nouns: list[str] = Field(default_factory=list)
    # ... or, past those, by at most this many words of an aside closed by a comma and holding
    # no figure ("إلى 170 قتيلا حتى مساء الأحد، بحسب الشرطة، بعد أن كان 112 صباحا")
    earlier_value_reach: int = Field(0, ge=0)
    # The pluperfect openers of an earlier value said at length ("بعد أن كانت قد قدرتها في يونيو
    # بنحو 80", "بعد أن كان المسؤولون قد قدروه مساء الخميس بنحو تسعة آلاف", "بعد أن كان قد أعلن
    # سابقا أنهم 63"): up to earlier_value_gap words of no figure, in the clause, between the
    # opener and a bare figure; the figure is then the earlier value of the claim before, whose
    # own predicate (no figure in it, at most earlier_toll_reach words) it reaches past.
    earlier_value_openers: list[str] = Field(default_factory=list)
    earlier_value_gap: int = Field(0, ge=0, le=10)
    earlier_toll_markers: list[str] = []  # "بعد أن كانت الحصيلة": reaches past the claim's predicate
    earlier_toll_reach: int = Field(0, ge=0)
    # ... each aside opening with one of these (a time, a source)
    earlier_value_asides: list[str] = Field(default_factory=list)
    # Words opening a contrasted clause ("بتأييد 12 عضوا، لكن روسيا والصين صوتتا ضده"): a side word
    # past one of them (a kind rule's `side_after`) is that clause's, never the figure's before.
    contrast_openers: list[str] = Field(default_factory=list)
    # Words opening another reported statement of the sentence ("قالت إن 6 لقوا حتفهم وإن 300
    # آخرين نقلوا إلى المستشفيات"): a cue before one of them does not type a figure after it.
    complement_openers: list[str] = Field(default_factory=list)
    # A toll named again without its kind ("الحصيلة قد ترتفع إلى 250", "الرقم قد يرتفع إلى 100
    # ألف"): a bare figure reached from one of these words takes the kind of the last toll the
    # article gave, if that was one of toll_anaphor_kinds.
    # word -> the kind it names when the article gave a toll of that kind (null: the last toll)
    toll_anaphors: dict[str, Optional[str]] = Field(default_factory=dict)
    toll_anaphor_kinds: list[str] = Field(default_factory=list)
    # ... also with no reach verb: after a copula right before the anaphor ("وكانت الحصيلة 12 يوم
    # الخميس": what the toll was), or after a pronoun restating it, an aside between ("الرقم الذي
    # أعلنته الدائرة أمس، وهو 92، …": toll_anaphor_reach words back at most)
    toll_anaphor_copulas: list[str] = Field(default_factory=list)
    toll_anaphor_pronouns: list[str] = Field(default_factory=list)
    toll_anaphor_reach: int = 10
    toll_restated_default: Optional[str] = None  # the kind of a restated figure whose anaphor names none
    # Captives named again and counted by a pronoun ("والرهائن هم 46 تركيا و3 عراقيين", "وكان
    # المحررون، وهم 46 تركيا …"): the word -> the kinds it may name; the figure after one of
    # `captive_copulas` right after it takes the kind of the article's last claim of those kinds.
    captive_anaphors: dict[str, list[str]] = Field(default_factory=dict)
    # A part of a total whose own verb says it got away ("لكن 25 منهم تمكنوا من الفرار"): no
    # part of the total's kind (those held, the dead); the words right after the figure (past
    # "منهم") that say so
    subset_escapes: list[str] = Field(default_factory=list)
    # A part of a total typed by its own clause's verb before its total's kind: rule id -> patterns
    # of the words around the figure "#" ("افرج … عن #", "# منهن عدن")
    subset_verbs: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("subset_verbs")
    @classmethod
    def _one_figure_each(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for rid, pats in v.items():
            for p in pats:
                if p.split().count("#") != 1 or p.strip() == "#":
                    raise ValueError(f"subset_verbs.{rid}: {p!r} needs one '#' (the figure) and words around it")
        return v
    captive_copulas: list[str] = Field(default_factory=list)
    # ... unless the rest of the sentence tells them held: words of captivity after the figure
    # (`captive_held_after`, one or two words) and none of release (`captive_freed_after`) make
    # the figure the held rule's, `captive_held_rule` [rule id, its kind], when the word may name
    # that kind ("الرهائن، وهم تسعة ألمان …، يعانون … في الأسر")
    captive_held_after: list[str] = Field(default_factory=list)
    captive_freed_after: list[str] = Field(default_factory=list)
    captive_held_rule: Optional[list[str]] = Field(None, min_length=2, max_length=2)
    asides: list[str]  # "33 شخصا، بينهم 5 أطفال، قتلوا": a cue may follow such an aside
    # ... and the figure's place too ("لقي 40 شخصا، بينهم أطفال، حتفهم في ولاية آسام"), the
    # aside being at most this many words (extractor._clause_past_aside)
    aside_reach: int = 0  # 0: off
    # An aside between commas opening with one of these (a source, an inclusion) may stand
    # between a cue and its figure: "قتلت، بحسب المرصد، أكثر من 500 ألف شخص", "تجاوز عدد
    # الوفيات، بما في ذلك ضحايا الجوع، 300 ألف".  The cue must end right before the aside.
    cue_asides: list[str] = Field(default_factory=list)
    cue_aside_max: int = 12  # longest such aside, in words
    # An aside between commas that is only a day ("أيد القرار، الخميس، 189 بلدا", "قتل، يوم
    # الأحد، 12 شخصا"): the whole aside is one of these phrases, between a cue and its figure.
    cue_time_asides: list[str] = Field(default_factory=list)
    change_verbs: list[str]  # "ارتفع من 3166 إلى 3283": two figures, not a range
    not_counts_before: list[str]  # "مقابل كل 30 أسيرا", "من أصل 15": rates and totals, not claims
    # a lone "one" right after one of these is a count ("بأغلبية 13 صوتا مقابل واحد")
    one_counts_after: list[str] = Field(default_factory=list)
    # "وكان 16 جنديا من القوة الدولية قد قتلوا": a figure after "كان" whose verb comes after
    # "قد", past a longer subject than a rule's cue_after (pluperfect_reach words at most)
    pluperfect_openers: list[str] = Field(default_factory=list)
    pluperfect_particles: list[str] = Field(default_factory=list)
    pluperfect_reach: int = 8
    # a bare figure and its place right after one of these words, after a figure of a place
    # ("254 قتيلا في البلد ألف، مقابل 144 في البلد باء"), is the next item of a breakdown by place
    place_contrast_joiners: list[str] = Field(default_factory=list)
    correction_joiners: list[str] = Field(default_factory=list)
    # ... unless one of these follows the figure ("الأعضاء الـ11 الآخرون": the other 11, a count)
    not_counts_unless_after: list[str] = Field(default_factory=list)
    # Longer phrases ending right before the figure that make it a count whatever shorter
    # not_counts_before phrase ends there too: a batch of a release described by its size
    # ("الدفعة الأولى المكونة من 582 سجينا") is no body's membership ("المجلس المكون من 15 عضوا")
    counts_before: list[str] = Field(default_factory=list)
    # Words right after a figure (or its counted noun) saying the people are still held ("ونحو
    # 55 ما زالوا محتجزين", "ومئات ما زالوا خلف القضبان"): no rule of `still_held_kinds` types it
    still_held_after: list[str] = Field(default_factory=list)
    still_held_kinds: list[str] = Field(default_factory=list)
    not_counts_after: list[str]  # "تسعة من كل عشرة"
    # ... unless one of these follows the figure instead ("307 من كل جانب": so many from each side
    # of an exchange, a count)
    counts_after: list[str] = Field(default_factory=list)
    # A margin or a difference ("بفارق صوت واحد", "بفارق ثلاثة أصوات", "بزيادة 113 إصابة"): the
    # gap between two figures is no count of anything, whichever way the figure is written (its
    # noun before "واحد" too).
    margins_before: list[str] = Field(default_factory=list)
    # ... unless one of these words follows the figure's counted noun (at once or one word on):
    # "فارق 5 أشخاص الحياة" is the verb of dying split around its subject, no margin
    margins_unless_after: list[str] = Field(default_factory=list)
    # ... nor when the figure's counted noun right after it names the dead: a rise in a toll by so
    # many dead ("أي بزيادة نحو 1700 قتيل خلال يوم", "بزيادة قدرها 4824 وفاة") counts those dead
    margins_counted_nouns: list[str] = Field(default_factory=list)
    margins_counted_words: list[str] = Field(default_factory=list)
    # Nouns that name a thing by its number ("رحلة الخطوط الإثيوبية 302", "الرحلة 370"): a figure
    # in digits at most `identifier_reach` words after one, in its clause, with no counted noun
    # of a kind after it, is that number, not a count.
    identifier_nouns: list[str] = Field(default_factory=list)
    identifier_reach: int = Field(3, ge=0, le=6)
    # Like not_counts_before, unless a counted noun of a kind counting people follows the figure:
    # "من أصل 15" is a body size, "39 ما زالوا في المستشفى من أصل 48 جريحا" a count of the injured
    totals_of: list[str] = Field(default_factory=list)
    # A figure of these kinds followed, within `totals_of_reach` words, by `totals_of` and a total
    # of its own kind ("48 جريحا … من أصل 140 جريحا") is a part of that total (group "subset").
    totals_of_kinds: list[str] = Field(default_factory=list)
    totals_of_reach: int = Field(10, ge=1, le=20)
    # A partitive figure of these kinds ("18 من شاحنات القافلة") whose whole the same clause states
    # after it with one of `partitive_wholes` and a number ("البالغ عددها 31", "الذي شمل 1548") is a
    # part of that whole (group "subset"; extractor._partitive_of_whole_after).
    partitive_wholes: list[str] = Field(default_factory=list)
    partitive_whole_kinds: list[str] = Field(default_factory=list)
    # A figure right after one of `case_totals_before` whose counted noun is one of `case_nouns`
    # ("توفي 57 شخصا من بين 684 حالة مؤكدة"): the cases a toll is drawn from, never a toll itself
    # (untyped), unless a noun of death follows the case noun ("من بين 60 حالة وفاة").
    case_totals_before: list[str] = Field(default_factory=list)
    case_nouns: list[str] = Field(default_factory=list)
    case_nouns_unless: list[str] = Field(default_factory=list)
    # ... and so is a figure of a bare case noun (none of `case_nouns_unless` after it) that
    # `case_died_after` follows ("سجلت 374 حالة توفي منها 329"), that a count of deaths precedes
    # in its clause within `case_reach` words ("99 وفاة و461 حالة", "215 وفاة وأكثر من 1800
    # حالة": a second count of the same noun would repeat the death's), or that a case noun of
    # its own precedes ("العدد الكلي لحالات التسمم بلغ 5011 حالة"; not "حالات الوفاة")
    case_died_after: list[str] = Field(default_factory=list)
    case_reach: int = Field(5, ge=0, le=8)
    case_death_kinds: list[str] = Field(default_factory=list)  # the kinds those last three tests apply to
    # Words right after a vague quantity that make it a part of a figure already given ("بلغ
    # عدد الجرحى 90، عشرات منهم في حالة خطرة"): no count of its own.
    vague_parts_after: list[str] = Field(default_factory=list)
    # a vague quantity of these nouns is no count: "عشرات الجثث" are bodies found, not a toll
    vague_not_counts: list[str] = Field(default_factory=list)
    # Counted nouns that a definite number word may follow across their genitive: "ضحايا
    # الحريق الخمسة والعشرين" (25 victims of the fire), "ركاب الحافلة الثلاثة"; each maps to
    # the counted noun it is read as (the victims of an event are its dead: ضحايا -> قتلى).
    construct_heads: dict[str, str] = Field(default_factory=dict)
    # plural units of time: digits made definite after one are a count of them ("الساعات الـ48
    # الأخيرة"), not the ordinal digits after a singular unit are ("اليوم الـ30")
    plural_units: list[str] = Field(default_factory=list)
    # ... but a genitive that is a plural of events takes the number itself: "ضحايا التفجيرات
    # الثلاثة" are the victims of the three bombings, not three victims
    construct_event_plurals: list[str] = Field(default_factory=list)
    # A requirement earlier in the clause makes a figure a threshold, not a count: "يحتاج أي
    # مشروع قرار إلى تأييد 9 أعضاء".
    requirement_before: list[str] = Field(default_factory=list)
    requirement_window: int = 8
    # ... unless one of these follows the figure: a length of time required ("يتطلب إعلان انتهاء
    # التفشي مرور 42 يوما دون إصابات") is a countdown, not a threshold
    requirement_unless_after: list[str] = Field(default_factory=list)
    # Words that open a new reported clause after a comma ("، وأن عدد المصابين بلغ 3554",
    # "، فيما بلغ"): a period cue before them does not reach a figure after them.
    period_barriers: list[str] = Field(default_factory=list)
    # Further clause openings that stop only a cue AFTER a figure ("، مشيرة إلى أن …"): a cue
    # before them still reaches a figure restating it ("منذ 25 آب … إلى 589 ألفا، موضحة أن
    # عدد الفارين بلغ 589 ألف لاجئ").
    period_barriers_after: list[str] = Field(default_factory=list)
    # Cues of `periods` that name a day rather than a window ("أمس"): they count only before
    # the figure ("قتل أمس 30"); after it they date another clause's event or statement.
    period_before_only: list[str] = Field(default_factory=list)
    # kinds whose figure a day cue of `period_before_only` dates instead of windowing ("أفرج
    # المتمردون أمس عن 139 جنديا" is the release of that day, told elsewhere as "السبت")
    day_dated_kinds: list[str] = Field(default_factory=list)
    # a release counted as a part of the captives held ("خطف سبعة، وأفرج عن خمسة منهم"): release
    # kind -> the held kinds whose part it is the release itself (its rule's group, no subset)
    released_of_held: dict[str, list[str]] = Field(default_factory=dict)
    # the whole after `totals_of` right after a count of captives ("حررت 71 رهينة من أصل 72",
    # "خمسة من أصل 17 خطفوا"): the part's kind -> the rule id of the whole (those taken, held)
    captive_wholes: dict[str, str] = Field(default_factory=dict)
    # ... with at most this many words between the count and "من أصل" (an adjective, its state)
    captive_whole_gap: int = Field(2, ge=0, le=8)
    # A toll named before a figure in its clause ("وكانت الحصيلة قد بلغت 1491 قتيلا مساء أمس"):
    # the figure is the running total, and a day cue of `period_before_only` after it dates
    # that total, not a day's count.  Normalised words, with clitics and the article.
    total_subject_nouns: list[str] = Field(default_factory=list)
    # Words opening the reported clause of a statement ("أعلن الوزير، مساء أمس، أن …"): a day
    # cue of `period_before_only` before one dates the statement, not the figures after it.
    statement_openers: list[str] = Field(default_factory=list)
    # A figure counted in a nationality ("43 سوريا", "97 إسرائيليا": the counted noun is a
    # country's adjective, from the gazetteer) at a place of another country counts that
    # country's nationals there: group "<nationals_group>:<country>" (a part of the foreigners,
    # rules/hierarchy.yaml).  At home - a place within the country, or one of its
    # `nationality_homes` - it is the toll itself and keeps its rule's group.  "" turns it off.
    nationals_group: str = ""
    nationals_kinds: list[str] = Field(default_factory=list)  # the casualty kinds it applies to
    # a part of a toll named by a nationality ("بينهم 31 بريطانيا") is that country's nationals
    # also when the figure has no place (a part is never the toll); at home it stays "subset:<noun>"
    nationals_parts: bool = False
    nationality_homes: dict[str, list[str]] = Field(default_factory=dict)
    # The nationals named otherwise than by the counted noun, for the same group: a country's
    # side after the figure ("41 شخصا قتلوا على الجانب الطاجيكي": a word of `nationals_side_words`
    # then the country's adjective, within `nationals_reach` words after the counted noun, in its
    # clause), or a country's own nationals ("أعلنت طاجيكستان مقتل 35 شخصا من مواطنيها": "من" and
    # a word of `own_nationals_words` right after the counted noun, the country named before
    # the figure within `nationals_reach` words, in its clause).  The place stays the event's.
    nationals_side_words: list[str] = Field(default_factory=list)
    own_nationals_words: list[str] = Field(default_factory=list)
    nationals_reach: int = Field(8, ge=0)
    # A figure of `in_care_kinds` said to be STILL in care ("لا يزال 120 مصابا على أسرّة
    # المستشفيات", "لم يبق سوى 36 جريحا ما زالوا تحت الرعاية"): a word of `in_care_still` within
    # `in_care_reach` words before it or after its noun, and a word of `in_care_words` within as
    # many after it, in its clause.  Those still treated are a part of all the injured (group
    # `in_care_group`, rules/hierarchy.yaml), never a rival total.  "" turns it off.
    in_care_group: str = ""
    in_care_kinds: list[str] = Field(default_factory=list)
    in_care_still: list[str] = Field(default_factory=list)
    in_care_words: list[str] = Field(default_factory=list)
    in_care_reach: int = Field(5, ge=1, le=12)
    # A figure of `shelter_kinds` followed, in its clause and within `shelter_reach` words, by a
    # place of shelter ("فيما يقيم نحو 8 آلاف في الملاجئ", "ما زالوا في مراكز الإيواء"): the
    # people staying in shelters now, a part of the displaced (group `shelter_group`,
    # rules/hierarchy.yaml) that empties as they go home, never a rival total.  "" turns it off.
    shelter_group: str = ""
    shelter_kinds: list[str] = Field(default_factory=list)
    shelter_words: list[str] = Field(default_factory=list)
    shelter_reach: int = Field(4, ge=1, le=12)
    # Words naming the whole country in a figure's clause ("ارتفع عدد القتلى في البلاد إلى 800",
    # "في أنحاء البلاد"): the figure is the country's, the top place above the place it was
    # given (a region the article is about, its dateline's city), within country_reach words.
    country_words: list[str] = Field(default_factory=list)
    country_reach: int = Field(12, ge=1, le=30)
    # A group named in a figure's subject before it ("ارتفع عدد قتلى رجال الإطفاء إلى 92", "بلغ
    # عدد الأطفال الذين قتلوا 310"): a word of `subject_count_words` at most `subject_window`
    # words before the figure, in its clause, then the group noun, or one noun of the kind and
    # the group noun (after a `subject_links` phrase: "عدد القتلى في صفوف المدنيين").
    subject_count_words: list[str] = Field(default_factory=list)
    subject_links: list[str] = Field(default_factory=list)
    subject_window: int = Field(10, ge=2, le=16)
    # An earlier account of the same count after a comma ("وثقت مقتل 133 مدنيا، بعد أن تحدث
    # مسؤولون عن ألفي قتيل"): a figure naming no group, at most `subject_window` words after one
    # of these markers opening its clause, right after a claim of its kind naming a group, is
    # of that group.
    earlier_account_markers: list[str] = Field(default_factory=list)
    draft: list[str]  # "مشروع قرار" — followed by a sponsor adjective
    sponsor: list[str]  # "الذي قدمته", "دعمته" — followed by the sponsor's name
    resolution: list[str]  # "القرار رقم" — followed by the resolution number
    examples: Examples


class Combination(_Strict):
    """Phrases that make a figure the sum of `count` places ("في البلدين": 2; null: unknown)."""

    count: Optional[int] = Field(None, ge=2)
    phrases: list[str] = Field(min_length=1)
    # places below a country ("المدينتين معا": two cities): the figure sums parts the article's
    # countries do not name, so it is never taken for those countries' combination
    within_country: bool = False


class SentenceExamples(_Strict):
    """Sentences whose figure a rule must (`hit`) or must not (`miss`) apply to."""

    hit: list[str] = Field(min_length=1)
    miss: list[str] = Field(min_length=1)


class HierarchyRules(_Strict):
    what: str
    why: str
    group_parents: dict[str, str]  # group -> the larger group it is part of
    subset_parent: str = "all"  # the group a "subset:<noun>" figure is part of
    subset_prefixes: list[str] = ["subset"]
    # a group "<prefix>:<x>" -> the group it is part of ("nationals:syria" -> foreigners)
    prefix_parents: dict[str, str] = Field(default_factory=dict)
    disjoint_groups: list[list[str]] = Field(default_factory=list)  # never overlap
    combinations: list[Combination] = Field(default_factory=list)
    combination_window: int = Field(60, ge=1)  # characters around the figure, in its clause
    alone: list[str] = Field(default_factory=list)  # "وحده": the place named is a part
    # "66 من المصابين": a figure counted out of the toll's own people is a part of the toll
    partitive_nouns: list[str] = Field(default_factory=list)
    partitive_examples: Optional[SentenceExamples] = None
    # "توفي ستة منهم": a figure followed by a partitive pronoun ending its clause is a part
    partitive_pronouns: list[str] = Field(default_factory=list)
    partitive_pronoun_examples: Optional[SentenceExamples] = None
    # "آخر 404 أسرى": a figure right after one of these is the last batch of a larger count, a part
    last_part_words: list[str] = Field(default_factory=list)
    last_part_examples: Optional[SentenceExamples] = None
    # "تليها كانو بـ364": a list item named by the word before it, when that word names the
    # item's own place (the gazetteer), is that place's figure (crosscheck.reconcile.hierarchy
    # Hierarchy.own_place_part); hit: a sentence with such an item, miss: items that stay parts
    own_place_item_examples: Optional[SentenceExamples] = None
    # "أفرج عن 35، بينهم 24 بحارا": a part stated right after its whole; two parts of one
    # stated whole are one moment's figures (examples: the text before the part's figure)
    stated_whole_markers: list[str] = Field(default_factory=list)
    # "في نوفمبر 2018، بينهم": four digits right after one of these (or a month name) are a year
    stated_whole_year_nouns: list[str] = Field(default_factory=list)
    stated_whole_examples: Optional[SentenceExamples] = None
    # "وفي بلجيكا، …", "أما في بلجيكا ف…": a sentence opened by one of these and a place turns to
    # a side topic; its place is lent to none of the article's figures at no place
    fronted_place_openers: list[str] = Field(default_factory=list)
    fronted_place_examples: Optional[SentenceExamples] = None
    # "نحو 200 قتيل في ألمانيا وبلجيكا": these words right after a figure, then two places
    # joined by "و", make it a combined figure of those places
    coordinated_place_openers: list[str] = Field(default_factory=list)
    coordinated_place_examples: Optional[SentenceExamples] = None
    examples: Examples

    @model_validator(mode="after")
    def _no_cycles(self) -> "HierarchyRules":
        for g in self.group_parents:
            seen = {g}
            p = self.group_parents.get(g)
            while p is not None:
                if p in seen:
                    raise ValueError(f"group {g!r}: its parents form a cycle through {p!r}")
                seen.add(p)
                p = self.group_parents.get(p)
        return self


class WordExamples(_Strict):
    """Single words (or, for a word read after another, both words) a word table must accept
    (`hit`) and must not (`miss`)."""

    hit: list[str] = Field(min_length=1)
    miss: list[str] = Field(min_length=1)


class LabelExamples(_Strict):
    hit: dict[str, str] = Field(min_length=1)  # word -> the label it must give
    miss: dict[str, str] = Field(min_length=1)  # word -> a label it must not give


class NisbaPlural(_Strict):
    """A plural or accusative nisba after a figure: clitics, a stem, an ending ("مغربيا")."""

    clitics: list[str] = Field(min_length=1)
    min_stem: int = Field(2, ge=1)
    endings: list[str] = Field(min_length=1)
    not_people: list[str] = Field(default_factory=list)  # adverbs and plurals of that shape
    examples: WordExamples


class NisbaSingular(_Strict):
    """A singular nisba right after a hundred or a thousand ("500 إيزيدي", "400 ألف كردي")."""

    ending: str
    min_length: int = Field(4, ge=2)
    not_prefixes: list[str] = Field(default_factory=list)  # a definite word is an adjective
    after_digits: str  # a figure in digits ending so ("00") is a hundred or more
    after_words: list[str] = Field(min_length=1)  # number words the singular follows
    not_people: list[str] = Field(default_factory=list)  # nouns of things with that ending
    examples: WordExamples  # "<word before> <word>"


class NisbaSubsetLabel(_Strict):
    """How a counted noun naming a subset keeps its first letter ("35 كينيا" -> كينيا)."""

    safe_prefixes: list[str] = Field(min_length=1)
    # an "ال" whose alef is written so belongs to the stem ("ألمان"): the article's has no hamza
    stem_alefs: list[str] = Field(default_factory=list)
    # nouns of a state a preposition before them opens ("5 بحالة حرجة"): the clitic goes
    state_nouns: list[str] = Field(default_factory=list)
    examples: LabelExamples


class NisbaRules(_Strict):
    what: str
    why: str
    plural: NisbaPlural
    singular: NisbaSingular
    subset_label: NisbaSubsetLabel


class RuleSet(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)
    directory: str
    version: str  # hash of every rule file: claims stored with other rules are stale
    kinds: list[KindRule]
    positions: list[PositionRule]
    hedges: HedgeRules
    negation: NegationRules
    furniture: FurnitureRules
    gazetteer: GazetteerRules
    scope: ScopeRules
    hierarchy: HierarchyRules
    nisba: NisbaRules
    phrases: Optional[PhraseSets] = None  # rules/phrases.yaml (its sets are expanded in the kinds)


# --------------------------------------------------------------------------- loading


def read_yaml(path: Path, what: str = "rule file") -> object:
    """Parse one YAML data file; a RuleError names the file, the line and the problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read {what} ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        return parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise RuleError(f"{path}:{where} is not valid YAML ({problem}); fix the syntax") from None


def _validate(model: type[BaseModel], data: object, path: Path, context: dict | None = None) -> BaseModel:
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(x) for x in err["loc"]) or "(top level)"
        bad = err.get("input")
        shown = repr(bad)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        more = f" (and {len(exc.errors()) - 1} more problems)" if len(exc.errors()) > 1 else ""
        raise RuleError(f"{path}: {loc}: {err['msg']}; got {shown}{more}") from None


def load_rules(directory: str | Path | None = None) -> RuleSet:
    """Load and validate every rule file (cached per directory)."""
    return _load(resolved(rules_dir(directory)))


@lru_cache(maxsize=8)
def _load(directory: str) -> RuleSet:
    root = Path(directory)
    if not root.is_dir():
        raise RuleError(f"{root}: rules directory not found (set --rules or CROSSCHECK_RULES)")
    digest = hashlib.sha256()
    for f in sorted(root.rglob("*.yaml")):
        if f.parent == root and f.name in PRESENTATION_FILES:
            continue  # how reports name things never makes stored claims stale
        digest.update(str(f.relative_to(root)).encode())
        digest.update(f.read_bytes())
    kinds: list[KindRule] = []
    positions: list[PositionRule] = []
    # the phrase sets rules share (a rules directory without the file names none)
    shared = root / "phrases.yaml"
    phrase_sets = _validate(PhraseSets, read_yaml(shared), shared) if shared.is_file() else None
    context = {"phrase_sets": {k: v.phrases for k, v in phrase_sets.sets.items()} if phrase_sets else {}}
    kind_dir = root / "kinds"
    for path in sorted(kind_dir.glob("*.yaml")):
        data = read_yaml(path)
        model = PositionRule if isinstance(data, dict) and data.get("kind") == "vote_position" else KindRule
        rule = _validate(model, data, path, context)
        if rule.id != path.stem:
            raise RuleError(f"{path}: id: rule id {rule.id!r} must equal the file name {path.stem!r}")
        (positions if model is PositionRule else kinds).append(rule)
    if not kinds:
        raise RuleError(f"{kind_dir}: no kind rules found (expected rules/kinds/<id>.yaml)")

    def one(name: str, model: type[BaseModel]) -> BaseModel:
        path = root / name
        return _validate(model, read_yaml(path), path)

    return RuleSet(
        directory=str(root),
        version=digest.hexdigest()[:16],
        kinds=kinds,
        positions=positions,
        hedges=one("hedges.yaml", HedgeRules),
        negation=one("negation.yaml", NegationRules),
        furniture=one("furniture.yaml", FurnitureRules),
        gazetteer=one("gazetteer.yaml", GazetteerRules),
        scope=one("scope.yaml", ScopeRules),
        hierarchy=one("hierarchy.yaml", HierarchyRules),
        nisba=one("nisba.yaml", NisbaRules),
        phrases=phrase_sets,
    )
