"""The claim extractor: numbers in a document -> typed, hedged, scoped, located claims.

One pass finds the numbers (crosscheck.numbers.parser); only the sentences that hold a count
are tokenised, and each count is classified by the kind rules in rules/kinds/ (counted noun,
cue words nearby), qualified by a hedge (rules/hedges.yaml), checked for negation
(rules/negation.yaml) and given its scope (crosscheck.extract.scope).  Vote positions (who abstained or
vetoed) are found in the few sentences that talk about voting (crosscheck.extract.vote_positions).
"""

from __future__ import annotations

from array import array
from collections import deque
from itertools import islice
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from heapq import heappop, heappush, merge as heapq_merge
from typing import Any, Iterator, Sequence

import regex

from crosscheck.extract import vote_positions as positions
from crosscheck.extract.formulas import _in_article, formula_claims, formula_sentences, formulas_in
from crosscheck.extract.member_counts import member_count_claims, member_sentences, members_in
from crosscheck.extract.mentions import VOTE_KINDS, MentionMerger, merge_key, merge_tallies
from crosscheck.util import regex_cache
from crosscheck.util.gc_pause import collector_paused
from crosscheck.util.memo import per_object
from crosscheck.util.plain import plain_of
from crosscheck.extract.hedges import interval, lexicon_for
from crosscheck.text.lexicon import Phrase, PhraseSet
from crosscheck.errors import reading
from crosscheck.models import PLACE_FROM_ARTICLE, PLACE_FROM_SIDE, Claim, Document, NumberMatch
from crosscheck.text.normalize import normalize_word
from crosscheck.numbers.lexicon import load_lexicon
from crosscheck.numbers.parser import iter_scan
from crosscheck.ruleset.loader import KindRule, RuleSet, load_rules
from crosscheck.extract.basis import basis_near
from crosscheck.extract.claim_copy import EMPTY, SHARED_EMPTY_FIELDS
from crosscheck.extract.context import DocContext, TokenWindow, head_before, vote_event
from crosscheck.extract.vote_events import assign_vote_events
from crosscheck.extract.reversed_majority import reversed_side
from crosscheck.extract.events import event_near
from crosscheck.extract.periods import event_clause_for, period_cue
from crosscheck.extract.incidents import assign_incidents
from crosscheck.extract.titles import fold_title
from crosscheck.extract.place_items import PLACE_WORDS, place_first_span, unknown_place_part
from crosscheck.extract.scope import (
    attribution_of,
    group_of,
    subject_group,
    last_barrier,
    period_of,
)
from crosscheck.text.tokens import Token, bare_forms

# What may stand between the two ends of a range, after normalisation: "100 و300",
# "100 إلى 300", "100 حتى 300", "100-300".
# Never across a line break: a range is written within one sentence.
_RANGE_JOIN = regex_cache.compile(r"[^\S\n]*(?:و|الي|حتي|-|–|—)[^\S\n]*")
# "ارتفع من 20 إلى 35 ثم إلى 60", "إلى 35، ثم ارتفع إلى 60": a step of a changing figure - the
# one before "ثم … إلى" was a stage, superseded by the next (its kind is the chain's: _chain_noun)
_STEP_NEXT = regex_cache.compile(
    r"[^\S\n]*[،,]?[^\S\n]*ثم[^\S\n]+(?:(?P<verb>\S+)[^\S\n]+(?:[^\s،,.]+[^\S\n]+){0,3}?)?الي[^\S\n]*")
_COUNT_FORMS = ("cardinal", "vague", "decimal")
# Each figure asks whether the gap before the next one joins them (_RANGE_JOIN, _STEP_NEXT), a
# call of the `regex` module each (~1-2 us, as much as the rest of a dropped figure's tests in a
# text of number words).  Neither pattern looks around, so matching in place is matching the
# gap alone: a short gap is answered once per distinct gap ("" " " " و" "، ثم"), a long one
# (rarely two figures' gap: a sentence between them) by the pattern as before.
_GAP_MEMO_LEN = 24
_GAP_MEMO_MAX = 4096  # distinct short gaps kept per pattern (then forgotten and asked again)
_range_gaps: dict[str, bool] = {}
_step_gaps: dict[str, bool] = {}


def _gap_matches(pattern, memo: dict[str, bool], text: str, lo: int, hi: int) -> bool:
    """pattern.fullmatch(text, lo, hi) is not None, for a pattern without look-around."""
    if not 0 <= lo <= hi <= lo + _GAP_MEMO_LEN:
        return pattern.fullmatch(text, lo, hi) is not None
    gap = text[lo:hi]
    found = memo.get(gap)
    if found is None:
        if len(memo) >= _GAP_MEMO_MAX:
            memo.clear()
        found = memo[gap] = pattern.fullmatch(gap) is not None
    return found
_PEOPLE_KINDS_WITHOUT_LOCATION = ("votes_for", "votes_against", "abstentions", "resolution_number", "vetoes")


@dataclass(slots=True)
class _Num:
    """A number, or a range of two, in normalised offsets."""

    nstart: int
    nend: int
    value: float
    low: float
    high: float
    form: str
    digits: bool
    num_nstart: int
    num_nend: int
    is_range: bool = False
    dual_of: str = ""  # a dual noun ("جنديين"): the count is 2 and the counted noun is this singular
    one_of: bool = False  # "أحد الرهائن" (one of the hostages): a count of one, its noun after it
    one_person: bool = False  # "وفاة مواطن": a singular person noun after a noun of death, one
    verb_reach: int = 0  # "إن مدنيا في القرية قتل": words from the noun to the verb it is the subject of
    one_length: bool = False  # "لمدة أسبوع", "أسبوعا كاملا": a unit of time alone, one unit of a length
    superseded: bool = False  # the old figure of a change ("ارتفع من 3166 إلى 3283")
    range_word_at: int = -1  # normalised offset of "بين"/"من" opening a range


# A compiled kind holds its rule as a plain copy (crosscheck.util.plain: the same field values,
# read without pydantic's attribute hook; ~100 reads a dense figure).  False: the model itself
# (read when a rule set is compiled: compile_rules keeps its answer per rule set).
_PLAIN_RULES = True


@dataclass(slots=True)
class CompiledKind:
    rule: KindRule
    nouns: PhraseSet
    cues: PhraseSet
    exclude: PhraseSet
    events: PhraseSet
    bridge: frozenset[str] = frozenset()
    exclude_before: PhraseSet | None = None
    veto_words: frozenset[str] = frozenset()  # context_veto.words of one word, normalised
    veto_keep: frozenset[str] = frozenset()  # context_veto.keep, normalised phrases
    veto_unless: frozenset[str] = frozenset()  # context_veto.unless, normalised
    # context_veto.unless entries written with a hamza on an alef ("أسير", "الأسرى"): normalised
    # word -> index of that alef in it (a clitic reading of a word counts only when so written)
    veto_unless_hamza: dict = None
    sides: dict[str, str] = None  # side_after, normalised word -> rule id
    needs: frozenset[str] = frozenset()  # sentence_needs, normalised
    article_needs: frozenset[str] = frozenset()  # article_needs of one word, normalised
    require_before: PhraseSet | None = None  # require_before: the figure's own marker
    article_phrases: tuple[str, ...] = ()  # article_needs of several words ("الطائرة المنكوبة")
    veto_phrases: tuple[str, ...] = ()  # context_veto.words of several words ("في الأسر")
    heads_next: frozenset[str] = frozenset()  # heads_next, normalised: tally joiners ("ضد")
    exclude_hedge: PhraseSet | None = None  # exclude_hedge: hedges that veto the rule
    event_after: PhraseSet | None = None  # event_after: word after the figure -> event suffix
    not_nouns: PhraseSet | None = None  # not_nouns: people this kind never counts (fled soldiers)
    veto_sides: frozenset[str] = frozenset()  # context_veto.sides, normalised ("مقابل")
    own_nouns: frozenset[str] = frozenset()  # the rule's counted nouns of one word, normalised
    tally_joiners: frozenset[str] = frozenset()  # tally_joiners, normalised ("مقابل", "امتناع")
    tally_skip: frozenset[str] = frozenset()  # tally_joiner_skip, normalised ("فقط")
    event_anchor: PhraseSet | None = None  # event_anchor_before: "منذ بدء" before a cue after the figure
    object_cues: frozenset[str] = frozenset()  # object_cues, normalised: a return's noun ("اعاده")
    object_nouns: frozenset[str] = frozenset()  # the rule's counted nouns of one word, for object_cues
    object_fillers: frozenset[str] = frozenset()  # object_fillers, normalised ("اخر")
    # exclude_before_first: words that veto a figure told before its people only (not a definite
    # noun with its figure after, "هويات القتلى الـ36")
    exclude_before_first: PhraseSet | None = None


@dataclass(slots=True)
class Compiled:
    rules: RuleSet
    kinds: list[CompiledKind]
    all_cues: PhraseSet
    negation_particles: PhraseSet
    exceptives: frozenset[str]
    refuted_after: PhraseSet
    negation_verbs: PhraseSet
    range_open: PhraseSet
    by_id: dict[str, CompiledKind]
    other: CompiledKind
    tagged_cues: PhraseSet  # every rule's cues, payload = rule id (one scan per sentence)
    # a token whose forms miss noun_keys starts no kind's counted noun (unless noun_loose)
    noun_keys: frozenset[str] = frozenset()
    noun_loose: bool = False
    ordinal_before: "regex.Pattern | None" = None  # text ending in a rule's ordinal_after phrase
    combinable: frozenset[str] = frozenset()  # rule ids some rule's combined_with names
    noun_rules: dict = field(default_factory=dict)  # word form set -> _noun_rules (a cache)
    noun_rules_last: dict = field(default_factory=dict)  # the same for nouns ending at the word
    combining: tuple[int, ...] = ()  # indexes of the kinds with nouns that combine (_kinds_at)
    position: dict = field(default_factory=dict)  # rule id -> its index in kinds
    joiners: frozenset[str] = frozenset()  # every rule's heads_next, normalised (tally joiners)
    combiners: frozenset[str] = frozenset()  # rule ids with a combined_with list
    # _may_combine's answers: [starting (combinable), ending (combiners)], word form set -> bool
    combine_gate: tuple = field(default_factory=lambda: ({}, {}))
    sufficiency_verbs: frozenset[str] = frozenset()  # rules/negation.yaml: "لم يكف تأييد 11 عضوا"
    # (rule id, kind) of the kinds that have cues, in order: what _cue_kinds filters, made once
    # (it asked every kind's `cues` for its truth and its rule for its id, for every sentence)
    cued: tuple = ()
    # ids of the rules a figure without its counted noun never takes (neither a person noun, nor a
    # bare figure, nor any noun accepted: rules/kinds `accept_person_nouns`, `accept_bare`,
    # `any_noun` all off) and whose cue no rule yields to (`yield_to`, `yield_after`): _best_kind
    # passes them over for such a figure without looking for their cue
    noun_only: frozenset = frozenset()
    # every rule's own_predicate phrases, payload = rule id (one scan per sentence; _own_predicate)
    own_predicates: PhraseSet | None = None
    own_kinds: frozenset[str] = frozenset()  # the kinds of the rules with an own_predicate
    own_rule_ids: tuple[str, ...] = ()  # the ids of those rules
    own_stops: frozenset[str] = frozenset()  # their own_predicate_stops, normalised
    own_reach: int = 0  # the farthest own_predicate_reach of those rules (_own_predicate's bound)
    own_over: frozenset[str] = frozenset()  # every rule's own_predicate_over (rule ids)


def _hamza_entries(words) -> dict | None:
    """normalised word -> index of the first alef written with a hamza in it ("الأسرى" -> 2),
    for the entries that have one; None when none has."""
    out = {}
    for w in words:
        w = w.strip()
        at = next((k for k, c in enumerate(w) if c in _HAMZA_ALEFS), None)
        if at is not None and " " not in w and len(normalize_word(w)) == len(w):
            out[normalize_word(w)] = at
    return out or None


@per_object
def compile_rules(rules: RuleSet) -> Compiled:
    kinds = []
    for r in sorted(rules.kinds, key=lambda r: -r.priority):
        nouns = [Phrase.parse(n, 1.0) for n in r.nouns] + [Phrase.parse(u, m) for u, m in r.units.items()]
        events = [Phrase.parse(c, e) for e, cues in r.events.items() for c in cues]
        kinds.append(
            CompiledKind(
                plain_of(r) if _PLAIN_RULES else r, PhraseSet(nouns), PhraseSet.of(r.cues), PhraseSet.of(r.exclude), PhraseSet(events),
                frozenset(normalize_word(w) for w in r.cue_bridge),
                PhraseSet.of(r.exclude_before) if r.exclude_before else None,
                frozenset(normalize_word(w) for w in r.context_veto.words if " " not in w.strip()) if r.context_veto else frozenset(),
                frozenset(_norm_phrase(w) for w in r.context_veto.keep) if r.context_veto else frozenset(),
                frozenset(normalize_word(w) for w in r.context_veto.unless) if r.context_veto else frozenset(),
                _hamza_entries(r.context_veto.unless) if r.context_veto else None,
                {normalize_word(w): t for w, t in r.side_after.items()},
                frozenset(normalize_word(w) for w in r.sentence_needs),
                frozenset(normalize_word(w) for w in r.article_needs if " " not in w.strip()),
                PhraseSet.of(r.require_before) if r.require_before else None,
                tuple(w for w in r.article_needs if " " in w.strip()),
                tuple(w for w in r.context_veto.words if " " in w.strip()) if r.context_veto else (),
                frozenset(normalize_word(w) for w in r.heads_next),
                PhraseSet.of(r.exclude_hedge) if r.exclude_hedge else None,
                PhraseSet([Phrase.parse(w, suffix) for suffix, ws in r.event_after.items() for w in ws])
                if r.event_after else None,
                PhraseSet.of(r.not_nouns) if r.not_nouns else None,
                frozenset(normalize_word(w) for w in r.context_veto.sides) if r.context_veto else frozenset(),
                frozenset(normalize_word(w) for w in r.nouns if " " not in w.strip())
                if r.context_veto and r.context_veto.sides else frozenset(),
                frozenset(normalize_word(w) for w in r.tally_joiners),
                frozenset(normalize_word(w) for w in r.tally_joiner_skip),
                PhraseSet.of(r.event_anchor_before) if r.event_anchor_before else None,
                frozenset(normalize_word(w) for w in r.object_cues),
                frozenset(normalize_word(w) for w in r.nouns if " " not in w.strip())
                if r.object_cues else frozenset(),
                frozenset(normalize_word(w) for w in r.object_fillers),
                PhraseSet.of(r.exclude_before_first) if r.exclude_before_first else None,
            )
        )
    all_cues = PhraseSet(p for k in kinds for p in k.cues.phrases)
    _KIND_OF_RULE.update((r.id, r.kind) for r in rules.kinds)
    _NO_SHADOW.update(r.id for r in rules.kinds if not r.shadows)
    _MEASURES.update(r.id for r in rules.kinds if r.units)
    return Compiled(
        rules,
        kinds,
        all_cues,
        PhraseSet.of(rules.negation.particles),
        frozenset(normalize_word(w) for w in rules.negation.exceptives),
        PhraseSet.of(rules.negation.refuted_after),
        PhraseSet.of(rules.negation.verbs),
        PhraseSet.of(["بين", "من", "ما بين"]),
        {k.rule.id: k for k in kinds},
        CompiledKind(plain_of(_OTHER) if _PLAIN_RULES else _OTHER, PhraseSet([]), PhraseSet([]), PhraseSet([]), PhraseSet([])),
        PhraseSet(
            [Phrase.parse(c, r.id) for r in rules.kinds for c in r.cues]
            + [Phrase.parse(c, r.id) for r in rules.kinds for c in _subject_cues(rules, r)]
            + [Phrase.parse(c, r.id + ":cross") for r in rules.kinds for c in r.cross_clause_cues]
            + [Phrase.parse(c, r.id + ":antecedent") for r in rules.kinds for c in r.antecedent_cues]
        ),
        frozenset().union(*(k.nouns._first_keys for k in kinds)),
        any(k.nouns._first_loose for k in kinds),
        _ordinal_before([p for r in rules.kinds for p in r.ordinal_after]),
        frozenset(k for r in rules.kinds for k in r.combined_with),
        position={k.rule.id: j for j, k in enumerate(kinds)},
        joiners=frozenset().union(*(k.heads_next for k in kinds)),
        combiners=frozenset(r.id for r in rules.kinds if r.combined_with),
        sufficiency_verbs=frozenset(normalize_word(w) for w in rules.negation.sufficiency_verbs),
        cued=tuple((k.rule.id, k) for k in kinds if k.cues),
        noun_only=frozenset(
            r.id for r in rules.kinds
            if not (r.accept_person_nouns or r.accept_bare or r.any_noun)
        ) - frozenset(x for r in rules.kinds for x in (*r.yield_to, *r.yield_after)),
        combining=tuple(
            j for j, k in enumerate(kinds)
            if (k.rule.combined_with or k.rule.id in {c for r in rules.kinds for c in r.combined_with}) and k.nouns
        ),
        own_predicates=PhraseSet([Phrase.parse(c, r.id) for r in rules.kinds for c in r.own_predicate])
        if any(r.own_predicate for r in rules.kinds) else None,
        own_kinds=frozenset(r.kind for r in rules.kinds if r.own_predicate),
        own_rule_ids=tuple(r.id for r in rules.kinds if r.own_predicate),
        own_stops=frozenset(normalize_word(w) for r in rules.kinds for w in r.own_predicate_stops),
        own_reach=max((r.own_predicate_reach for r in rules.kinds if r.own_predicate), default=0),
        own_over=frozenset(x for r in rules.kinds for x in r.own_predicate_over),
    )


def _subject_cues(rules: RuleSet, r: KindRule) -> list[str]:
    """A toll named by a head word and one of the kind's counted nouns is a cue of the kind:
    "حصيلة الغرقى", "عدد النازحين", "أعداد اللاجئين" (rules/hedges.yaml predicate.heads) — for
    the kinds that count people (a group) by their noun alone: not tallies ("عدد الدول
    الأعضاء" is a body size), nor kinds whose noun needs an event ("عدد المعتقلين" frees no one)."""
    if r.group is None or r.sentence_needs or r.require_cue or not r.nouns:
        return []
    return [f"{h} {n}" for h in rules.hedges.predicate.heads for n in r.nouns if " " not in n]


def _ordinal_before(phrases: list[str]) -> "regex.Pattern | None":
    """A pattern for normalised text that ends in one of these phrases as whole words (clitics
    و ل allowed), then the article of the ordinal: "وللمره ال" (before "ثامنه"), "الفيتو ال"."""
    if not phrases:
        return None
    alts = "|".join(sorted({regex.escape(_norm_phrase(p)) for p in phrases}, key=regex_cache.longest_first))
    # (a definite relative adjective may stand between the phrase and the ordinal: "الفيتو الروسي
    # التاسع"; not an indefinite one, as in a veto imagined: "من دون فيتو أمريكي ثالث")
    return regex_cache.compile(
        r"(?:^|[^\w])(?:و?ل?)(?:" + alts + r")(?:[^\S\n]+ال\w{3,}ي)?[^\S\n]+(?:ال)?[^\S\n]*$"
    )


@lru_cache(maxsize=4096)  # (asked for every vetoed figure's noun and cue: the rules' phrases)
def _norm_phrase(phrase: str) -> str:
    return " ".join(normalize_word(w) for w in phrase.split())


def _vetoed(ctx: DocContext, ck: CompiledKind, toks: Sequence[Token], noun, cue, person=None,
            span: tuple[int, int] | None = None) -> bool:
    """The rule's context veto is armed by the article (and not disarmed by the sentence), and
    neither the counted noun, the person noun after the figure (`person`, its forms: "39
    فلسطينيا" are prisoners even in an article about hostages) nor the cue is one it keeps.
    (`span`: the figure's first token and the token after its counted noun, for the sides of an
    exchange: `_other_side_own`.)"""
    if not (ck.veto_words and ctx.mentions_any(ck.veto_words)) and not (
        ck.veto_phrases and _in_article(ctx, ck.veto_phrases)
    ):
        return False
    # (whether the sentence names one of the unless words is the sentence's, found once: read
    # for every figure, a long sentence of figures was read again for each)
    if ck.veto_unless and _sentence_holds(ctx, toks, ck.veto_unless, ("veto_unless", ck.rule.id)) and (
        not ck.veto_unless_hamza or not ctx.writes_hamza or _unless_as_written(ctx, ck, toks)
    ):
        if not (
            span is not None and ck.veto_sides and ck.veto_words and ctx.mentions_any(ck.veto_words)
            and _other_side_own(ck, toks, span[0], span[1])
        ):
            return False
    if noun is not None:
        return _norm_phrase(noun[0].source) not in ck.veto_keep
    if person is not None and not person.isdisjoint(ck.veto_keep):
        return False
    return cue is None or _norm_phrase(cue[0].source) not in ck.veto_keep




_HAMZA_ALEFS = frozenset("أإآ")


def _unless_as_written(ctx: DocContext, ck: CompiledKind, toks: Sequence[Token]) -> bool:
    """Does a word of the sentence read as one of the context veto's `unless` words as written?
    A word is itself, or a clitic reading of one whose entry carries a hamza on its alef ("أسيرا")
    that the text writes there too: "فاسيرا" (a name, "Vasira") is no "ف" + "أسيرا" in an
    outlet that writes its hamzas.  Read once per sentence, only when a reading holds the word."""
    info = ctx.info(toks)
    key = ("veto_unless_written", ck.rule.id)
    found = info._memo.get(key)
    if found is not None:
        return found
    found = False
    hamza, text, orig = ck.veto_unless_hamza, ctx.text, ctx.doc.text
    for t in toks:
        hit = t.forms & ck.veto_unless
        if not hit:
            continue
        if t.text in hit:
            found = True
            break
        for f in hit:
            at = hamza.get(f)
            pos = t.nend - len(f) + at if at is not None else -1
            if at is None or not (t.nstart <= pos < t.nend and text[pos] == "ا") \
                    or orig[ctx.norm.to_original(pos)] in _HAMZA_ALEFS:
                found = True
                break
        if found:
            break
    info._memo[key] = found
    return found


def _captive_whole(ctx: DocContext, comp: Compiled, toks: Sequence[Token], s_lo: int, left: int) -> CompiledKind | None:
    """The rule of the whole after `totals_of` ("من أصل") when the claim placed right before the
    marker (at most scope `captive_whole_gap` words between) counts captives (scope `captive_wholes`): "حررت 71
    رهينة من أصل 72 كانوا محتجزين", "يرتفع عدد المفرج عنهم إلى خمسة من أصل 17 خطفوا" - the
    whole is those taken, held; without it "من أصل 72" is read as a body size."""
    wholes = ctx.scope_rules.captive_wholes
    if not wholes or left < 2 or toks[left].brk_before:
        return None
    placed = ctx.sentence_claims.get(s_lo)
    if not placed:
        return None
    rid = wholes.get(placed[-1].claim.kind)
    if rid is None or not ctx.info(toks).may_hold(ctx.scope.totals_of):
        return None
    hit = ctx.scope.totals_of.ending_at(toks, left)
    if hit is None or any(toks[k].brk_before for k in range(hit[1], left)):
        return None
    right = placed[-1].right - getattr(toks, "offset", 0)
    if not 0 <= hit[1] - right <= ctx.scope_rules.captive_whole_gap or any(toks[k].brk_before for k in range(right, hit[1] + 1)):
        return None
    return comp.by_id.get(rid)


def _whole_noun_end(ctx: DocContext, ck: CompiledKind, toks: Sequence[Token], i1: int) -> int:
    """Index after a captive whole's noun: its rule's counted noun or a person noun right after
    the figure ("من أصل 32 سائحا"), else the figure alone ("من أصل 104 تعهدت …")."""
    if i1 >= len(toks) or toks[i1].brk_before:
        return i1
    hit = ck.nouns.at(toks, i1) if ck.nouns else None
    return hit[1] if hit else _person_end(ctx, toks, i1)


def _other_side_own(ck: CompiledKind, toks: Sequence[Token], left: int, right: int) -> bool:
    """Is the figure toks[left:right] one side of an exchange (a `context_veto.sides` word right
    after it, or before it or its definite noun) whose other side, in its clause and within `sides_reach` words,
    is counted with one of the rule's own nouns ("48 إيرانيا مقابل 2130 معتقلا", "153 سجينة
    مقابل 16 امرأة")?  Reads at most `sides_reach` tokens."""
    reach = ck.rule.context_veto.sides_reach
    n = len(toks)
    if right < n and toks[right].forms == _ARTICLE_REST and not toks[right].brk_before:
        right += 1  # the article left of a definite figure ("الإيرانيين الـ48 مقابل …")
    if right < n and not toks[right].brk_before and not toks[right].forms.isdisjoint(ck.veto_sides):
        for k in range(right + 1, min(right + 1 + reach, n)):
            if toks[k].brk_before:
                break
            if not toks[k].forms.isdisjoint(ck.own_nouns):
                return True
    # the joiner right before the figure, or before the definite noun it follows ("مقابل
    # الإيرانيين الـ48", "مقابل الزوار الإيرانيين الـ48": at most _SIDE_NOUN_WORDS words between)
    for j in range(left - 1, max(left - 2 - _SIDE_NOUN_WORDS, -1), -1):
        if toks[j + 1].brk_before:
            break
        if toks[j].forms.isdisjoint(ck.veto_sides):
            continue
        for k in range(j - 1, max(j - 1 - reach, -1), -1):
            if toks[k + 1].brk_before:
                break
            if not toks[k].forms.isdisjoint(ck.own_nouns):
                return True
        break
    return False


_SIDE_NOUN_WORDS = 2  # words of a definite noun between an exchange's joiner and its figure
_ARTICLE_REST = frozenset({"ال"})  # the article of "الـ48", a token of its own after the figure's noun


def _default_rules() -> RuleSet:
    """The rules of the rules directory in force (load_rules caches them per directory)."""
    return load_rules()


def extract(document: Document, rules: RuleSet | None = None) -> list[Claim]:
    """Every claim in one document, in text order."""
    where = f"{document.path} (document {document.id})" if document.path else f"document {document.id}"
    with reading(where), collector_paused():  # extraction makes no reference cycles
        claims = _extract(document, rules)
        if document.title and document.title.strip():
            head = Document(id=document.id, text=document.title, date=document.date, source=document.source)
            claims = fold_title(claims, _extract(head, rules), document.text)
        return claims


def _extract(document: Document, rules: RuleSet | None = None) -> list[Claim]:
    rules = rules or _default_rules()
    ctx = DocContext(document, rules)
    comp = compile_rules(rules)
    nums = _numbers(ctx, comp)  # one at a time: a text of numbers never holds them all
    gaz = ctx.gaz
    nested = lambda a, b: gaz.is_within(a, b) or gaz.is_within(b, a)  # noqa: E731
    # Repeated figures are merged into mentions as the claims are made, in the order
    # merge_mentions gives them (start, end, kind; positions after figures on a tie): a claim
    # waits in `pending` until no later figure can make a claim that sorts before it, so what
    # is held is the distinct figures of the document plus a short queue, not every repetition.
    # Vote kinds wait in `vpending`, also until the claim loop has left every vote sentence
    # before them (its formulas and member lists are made then): each queue reaches the merger
    # in its own order whatever _PENDING_MAX is, and the merger folds a vote kind only into a
    # vote kind (and any other only into another), so what it keeps does not depend on when
    # the queues are emptied.
    merger = MentionMerger(nested, document.text, ctx.nationals_part_starts)
    pending: list[tuple[int, int, str, int, Claim]] = []
    vpending: list[tuple[int, int, str, int, Claim]] = []

    def enqueue(c: Claim, rank: int) -> None:
        d = c.__dict__  # (the claim's fields, read without the model's attribute hook: mentions._shape)
        kind = d["kind"]
        heappush(vpending if kind in VOTE_KINDS else pending, (d["start"], d["end"], kind, rank, c))

    for k, c in enumerate(positions.extract_positions(ctx, rules)):
        enqueue(c, _POSITION_SEQ + k)
    if len(ctx._tokens) > ctx.keep_sentences:
        ctx.forget_before(len(ctx.text) + 1)  # the vote sentences positions read: read again as needed
    seq = 0
    waiting: dict[tuple, Claim] = {}  # the figure claims in `pending`, by span, kind and merge key
    reach = _reach_back(ctx, comp)
    tally_starts: list[int] = []  # where the vote tallies stand (for formulas said beside one)
    # formulas and member lists read each vote sentence once the claim loop has left it (its
    # tallies all known), while its tokens are still the loop's: not tokenised again after it
    votes = _VoteSentenceReader(ctx, rules) if _VOTE_SENTENCES_IN_LOOP else None
    at_sentence = -1
    queued_said = queued_named = 0  # the reader's claims queued so far
    for n in nums:
        if votes is not None:
            s_lo = ctx.sentence_at(n.nstart)[0]
            if s_lo != at_sentence:
                at_sentence = s_lo
                votes.read_through(s_lo)
                # queued as soon as they are made: a flush below never passes a vote sentence
                # not read yet, so every claim reaches the merger in the queue's order
                for k in range(queued_said, len(votes.said)):
                    c = votes.said[k]
                    enqueue(c, _FORMULA_SEQ + k)
                for k in range(queued_named, len(votes.named)):
                    c = votes.named[k]
                    enqueue(c, _MEMBERS_SEQ + k)
                queued_said, queued_named = len(votes.said), len(votes.named)
        c = _claim(ctx, comp, n)
        if c is None:
            continue
        d = c.__dict__  # (as in enqueue)
        if d["kind"] in _TALLY_KINDS:
            tally_starts.append(d["start"])
            if votes is not None:
                votes.tallies.append(d["start"])
        key = (d["start"], d["end"], d["kind"], merge_key(c))
        if key not in waiting or not _DROP_REPEATS:
            waiting[key] = c
            enqueue(c, seq)
            seq += 1
        # else: a figure claim that sorts right after one waiting with the same span, kind and
        # merge key is a mention the merger already has (same start): it would add nothing
        # ("قتل 1.1.1.…1. شخصا": every figure of the token spans it all, none can leave the queue)
        ctx.reading_at(ctx.sentence_at(n.nstart)[0])
        if len(pending) + len(vpending) > _PENDING_MAX:
            lo = _claim_floor(ctx, n, reach)
            for queue, floor in (
                (pending, ctx.norm.to_original(lo)),
                # (a vote sentence not read yet: its formulas and member lists are not made yet)
                (vpending, ctx.norm.to_original(lo if votes is None or votes.unread_from is None
                                                else min(lo, votes.unread_from))),
            ):
                while queue and queue[0][0] < floor:
                    _, _, _, rank, c = heappop(queue)
                    waiting.pop((c.start, c.end, c.kind, merge_key(c)), None)
                    merger.add(c, rank)
            ctx.claims_held = max(ctx.claims_held, len(pending) + len(vpending) + len(merger.out))
    ctx.claims_held = max(ctx.claims_held, len(pending) + len(vpending) + len(merger.out))
    # counts said without a figure ("بالإجماع"), and by naming the states ("وامتناع الصين
    # والهند"): few, read from the vote sentences once
    if votes is not None:
        votes.read_through(len(ctx.text) + 1)
        said, named = votes.said[queued_said:], votes.named[queued_named:]
    else:
        said, named = _vote_sentence_claims(ctx, rules, tally_starts)
    for k, c in enumerate(said, queued_said):
        enqueue(c, _FORMULA_SEQ + k)
    for k, c in enumerate(named, queued_named):
        enqueue(c, _MEMBERS_SEQ + k)
    for queue in (pending, vpending):
        while queue:
            _, _, _, rank, c = heappop(queue)
            merger.add(c, rank)
    # the claims in document order (start, end, kind, then figures in the loop's order, member
    # lists, formulas, positions): the queue's flushes above hand claims queued after the loop
    # (formulas, member lists) to the merger after later ones, at points that move with
    # _PENDING_MAX, so the order they arrived in is not the output's
    out = merger.ordered()
    # the merger's keys and lists, the figures' queue and the sentences' caches are done with:
    # released before the vote stage, where a paragraph of votes peaks
    del merger, waiting, pending, vpending
    ctx.forget_before(len(ctx.text) + 1)
    if ctx.refuted:
        # the rumour an article reports and then refutes is not its claim ("تحدثت تقارير عن مقتل
        # أكثر من 3000 … وليس 3000 كما راج"): every figure of that value goes
        out = [c for c in out if c.kind == "other" or float(c.value) not in ctx.refuted]
    return assign_incidents(ctx, merge_tallies(assign_vote_events(ctx, out)))


# formulas and member lists read a sentence one after the other (tests turn it off to compare
# with formula_claims and member_count_claims, each a pass of its own)
_ONE_PASS_VOTE_SENTENCES = True
# ... and inside the claim loop, as it leaves each sentence (tests turn it off to compare with
# _vote_sentence_claims after the loop)
_VOTE_SENTENCES_IN_LOOP = True


class _VoteSentenceReader:
    """_vote_sentence_claims read along the claim loop: `read_through(pos)` reads the formulas
    and member lists of every sentence ending by normalised offset `pos` not read yet, once the
    loop has made every figure before `pos` (a sentence's tallies are then all in `tallies`).
    The claim loop has just tokenised such a sentence (if it holds a figure), so it is not
    tokenised again after the loop, as _vote_sentence_claims must once the caches are released.

    Formulas and member lists ask only whether a tally starts within their sentence (or their
    own words), so `tallies` need only hold the tallies of the sentences not read yet: the
    starts made since the last read, all in sentences ending by then.  The claims are the
    ones _vote_sentence_claims gives, in its order; `_extract` queues them after the loop as
    before (the order the claims reach the merger is unchanged)."""

    __slots__ = ("ctx", "rules", "said", "named", "tallies", "_next", "_stream")

    def __init__(self, ctx: DocContext, rules: RuleSet) -> None:
        self.ctx, self.rules = ctx, rules
        self.said: list[Claim] = []
        self.named: list[Claim] = []
        self.tallies: list[int] = []  # original starts of the tallies made since the last read
        # (each stream is in text order, each sentence once: merged, a sentence read by both
        # comes twice in a row)
        self._stream = heapq_merge(
            ((lo, hi, 0) for lo, hi in formula_sentences(ctx, rules)),
            ((lo, hi, 1) for lo, hi in member_sentences(ctx, rules)),
        )
        self._next = next(self._stream, None)

    def read_through(self, pos: int) -> None:
        nxt = self._next
        if nxt is None or nxt[1] > pos:
            self.tallies.clear()  # (every tally made so far stands in a sentence ended by pos)
            return
        tallies = sorted(self.tallies)
        ctx, rules = self.ctx, self.rules
        while nxt is not None and nxt[1] <= pos:
            s_lo, s_hi, which = nxt
            if which == 0:
                self.said += formulas_in(ctx, rules, s_lo, s_hi, tallies)
            else:
                self.named += members_in(ctx, rules, s_lo, s_hi, tallies)
            nxt = next(self._stream, None)
        self._next = nxt
        self.tallies.clear()

    @property
    def unread_from(self) -> int | None:
        """Where (normalised offset) the first sentence not read yet starts: no formula or
        member list made later starts before it.  None: every sentence is read."""
        return None if self._next is None else self._next[0]


def _vote_sentence_claims(ctx: DocContext, rules: RuleSet, tally_starts: list[int]) -> tuple[list[Claim], list[Claim]]:
    """(formula_claims, member_count_claims) of the document, in one pass over the sentences
    either may stand in: a sentence both read is tokenised once for both, not once per pass
    (after the claim loop the sentences' caches are released, and each pass forgot what it
    read behind it)."""
    if not _ONE_PASS_VOTE_SENTENCES:
        return formula_claims(ctx, rules, tally_starts), member_count_claims(ctx, rules, tally_starts)
    tallies = sorted(tally_starts)
    said: list[Claim] = []
    named: list[Claim] = []
    # (each stream is in text order, each sentence once: merged, a sentence read by both comes
    # twice in a row, and nothing behind it is asked again)
    for s_lo, s_hi, which in heapq_merge(
        ((lo, hi, 0) for lo, hi in formula_sentences(ctx, rules)),
        ((lo, hi, 1) for lo, hi in member_sentences(ctx, rules)),
    ):
        if which == 0:
            said += formulas_in(ctx, rules, s_lo, s_hi, tallies)
        else:
            named += members_in(ctx, rules, s_lo, s_hi, tallies)
    return said, named


# a digit run read as pieces gives its repeated numbers once (tests turn it on to compare)
_SCAN_REPEATS = False
# _extract drops a figure claim that repeats one waiting in its queue (tests turn it off to compare)
_DROP_REPEATS = True
# _extract's queue of claims waiting to be merged: the watermark is worked out once it holds
# this many (an ordinary article never does)
_PENDING_MAX = 256
_POSITION_SEQ = 1 << 62  # vote positions sort after figures on a tie, as in one stable sort
_FORMULA_SEQ = 1 << 61  # formula claims ("بالإجماع") after figures on a tie
_MEMBERS_SEQ = 1 << 60  # member-list counts ("وامتناع الصين والهند") after figures on a tie
_TALLY_KINDS = frozenset({"votes_for", "votes_against", "abstentions"})


def _reach_back(ctx: DocContext, comp: Compiled) -> int:
    """How many tokens before its number's token a claim can start: a noun read first ("دولة
    واحدة"), a range's opening word, or a hedge with a filler and two stacked hedges before it
    (see _claim and HedgeLexicon.find_before), plus a sign or point before the digits."""
    h = lexicon_for(ctx.rules.hedges)
    return 2 + max(comp.range_open.max_span, h.fillers.max_span + 3 * h.before.max_span) + 2


def _claim_floor(ctx: DocContext, n: _Num, reach: int) -> int:
    """A normalised offset no claim of n or of any later figure (numbers come in text order)
    starts before: `reach` tokens before n's token in its sentence, or the sentence start."""
    s_lo, s_hi = ctx.sentence_at(n.nstart)
    toks = ctx.tokens(s_lo, s_hi)
    k = bisect_left(ctx.info(toks).starts, n.nstart) - 1 - reach
    return toks[k].nstart if k > 0 else s_lo


def extract_text(text: str, doc_id: str = "text", rules: RuleSet | None = None) -> list[Claim]:
    """Convenience for tests and notebooks: claims of a bare string."""
    return extract(Document(id=doc_id, text=text), rules)


# --------------------------------------------------------------------------- numbers and ranges


class _NumberFeed:
    """The document's numbers, read from the scan one at a time as the claims need them: `next`
    gives them in text order, `through(pos)` reads ahead until every number starting before
    `pos` is known, and `starts` holds the normalised start of every number read so far (8 bytes
    each: a text of numbers holds hundreds of thousands).  Only the numbers read ahead of the
    figure being made are held, never the document's."""

    __slots__ = ("_it", "starts", "_ahead", "_done")

    def __init__(self, it: Iterator[NumberMatch]) -> None:
        self._it = it
        self.starts = array("q")
        self._ahead: deque[NumberMatch] = deque()
        self._done = False

    def _read(self) -> bool:
        m = next(self._it, None)
        if m is None:
            self._done = True
            return False
        self.starts.append(m.nstart)
        self._ahead.append(m)
        return True

    def next(self) -> NumberMatch | None:
        if not self._ahead and not self._read():
            return None
        return self._ahead.popleft()

    def through(self, pos: int) -> None:
        starts = self.starts
        while not self._done and (not starts or starts[-1] < pos):
            self._read()


def _numbers(ctx: DocContext, comp: Compiled) -> Iterator[_Num]:
    """The figures of the document (counts, ranges, dual nouns) in text order, one at a time."""
    feed = _NumberFeed(iter_scan(ctx.norm, load_lexicon(ctx.rules.directory), repeats=_SCAN_REPEATS))
    ctx.number_feed, ctx.number_starts = feed, feed.starts  # (_starts_number reads ahead)
    ordinal = comp.ordinal_before

    def counts() -> Iterator[tuple[NumberMatch, str]]:
        text = ctx.norm.text
        furniture = ctx.furniture  # (a text without page furniture asks nothing per number)
        while True:
            m = feed.next()
            if m is None:
                return
            if furniture and ctx.in_furniture(m.nstart):
                continue
            form, counted = m.form, False
            if ordinal is not None and (form == "ordinal" or (m.nstart >= 2 and text.startswith("ال", m.nstart - 2))
                                        or (m.nstart >= 3 and text.startswith("ال ", m.nstart - 3))):
                # a running count written as an ordinal ("للمرة الثامنة", "الفيتو الـ17")
                if m.value >= 2 and ordinal.search(ctx.norm.text, max(0, m.nstart - 40), m.nstart):
                    form, counted = "ordinal", True
            if form in _COUNT_FORMS or counted:
                yield m, form

    def figures() -> Iterator[_Num]:
        it = counts()
        cur = next(it, None)
        while cur is not None:
            m, form = cur
            following = next(it, None)
            n = _Num(m.nstart, m.nend, m.value, m.low, m.high, form, _is_digits(m.text), m.nstart, m.nend)
            if following is not None and _years(ctx, m, following[0]):
                # "بين 1988 و1994", "من 2011 إلى 2020": a span of years, neither end a count
                cur = next(it, None)
                continue
            if following is not None:
                rng = _range(ctx, comp, m, following[0])
                if rng is _CHANGE or (rng is None and _step_next(ctx, m, following[0])):
                    n.superseded = True
                elif rng is not None:
                    yield rng
                    cur = next(it, None)
                    continue
            yield n
            cur = following

    # in text order, a number before a dual noun at the same offset (as one stable sort of both)
    duals = _duals(ctx) if ctx.scope.one_unit_pattern is None else _in_text_order(_duals(ctx), _one_units(ctx))
    if ctx.scope.one_of_pattern is not None:
        duals = _in_text_order(duals, _one_ofs(ctx))
    if ctx.scope.one_person_pattern is not None:
        duals = _in_text_order(duals, _one_persons(ctx))
    if ctx.scope.one_length_pattern is not None:
        duals = _in_text_order(duals, _one_lengths(ctx))
    if ctx.gaz.nationality and ctx.scope.rules.list_end_nationals:
        duals = _in_text_order(duals, _list_end_nationals(ctx))
    return _unit_of_figure_dropped(ctx, _in_text_order(figures(), duals))


def _unit_of_figure_dropped(ctx: DocContext, nums: Iterator[_Num]) -> Iterator[_Num]:
    """Drop a unit of time read alone as one unit ("يوما إضافيا", "أسبوعا كاملا") when it is the
    counted noun of the figure right before it ("تمديد المهمة 60 يوما إضافية", "ستين يوما كاملة"):
    the figure's own unit, no second length of one.  Not after one or two: those follow their noun
    ("سائقين اثنين أسبوعا كاملا": the drivers' two, then a week).  (In text order: the last
    figure's end is kept, one comparison per number.)"""
    last_end = -1
    for n in nums:
        if n.one_length and last_end >= 0 and _spaces_between(ctx.text, last_end, n.nstart):
            continue
        if not n.dual_of:
            last_end = (n.num_nend if n.num_nend > n.nstart else n.nend) if n.low >= 3 else -1
        yield n


def _step_next(ctx: DocContext, a, b) -> bool:
    """Is figure a a stage a later figure b replaces: "من 20 إلى 35 ثم إلى 60", "35، ثم ارتفع
    مساء إلى 60" (after "ثم", if not "إلى" at once, a change verb of rules/scope.yaml and at most
    three words)?"""
    if not _gap_matches(_STEP_NEXT, _step_gaps, ctx.text, a.nend, b.nstart):
        return False
    m = _STEP_NEXT.fullmatch(ctx.text, a.nend, b.nstart)
    if m is None:
        return False
    verb = m.group("verb")
    return verb is None or normalize_word(verb).lstrip("وفل") in _change_words(ctx.scope_rules)


@per_object
def _change_words(scope) -> frozenset[str]:
    """The change verbs as single words, with the mood prefixes ("ليرتفع", "لترتفع") stripped."""
    out = set()
    for v in scope.change_verbs:
        w = normalize_word(v)
        out.add(w)
        if w.startswith("ا"):
            out.add("ي" + w[1:])  # ارتفع -> يرتفع (after ل: ليرتفع)
            out.add("ت" + w[1:])
    return frozenset(out)


def _in_text_order(figs: Iterator[_Num], duals: Iterator[_Num]) -> Iterator[_Num]:
    """heapq.merge(figs, duals, key=lambda n: n.nstart) for two sorted streams, a figure first on a tie,
    each stream read at the same moments (one comparison per figure instead of a heap step and
    two key calls: a text of number words has 250,000 figures per MB)."""
    f, d = next(figs, None), next(duals, None)
    while f is not None:
        if d is not None and d.nstart < f.nstart:
            yield d
            d = next(duals, None)
        else:
            yield f
            f = next(figs, None)
    while d is not None:
        yield d
        d = next(duals, None)


def _duals(ctx: DocContext) -> Iterator[_Num]:
    """Dual nouns as counts of two, e.g. "مقتل جنديين" (the word is both number and noun)."""
    prev_end = -1  # where the dual word before this one ends (every match, skipped or not)
    for m in ctx.scope.dual_pattern.finditer(ctx.text):
        after_dual, prev_end = _spaces_between(ctx.text, prev_end, m.start()), m.end()
        if ctx.in_furniture(m.start()):
            continue
        s, e = m.span(1)
        not_after = ctx.scope.dual_not_after
        if not_after is not None and ctx.text.endswith("ال", m.start(), s) and not_after.search(
            ctx.text, max(0, m.start() - 12), m.start()
        ):
            continue  # "قتيلا في البلدين": the two places, not a count
        if s == m.start() and after_dual:
            # "جنديان تركيان", "راكبان أميركيان": a dual right after a dual word, with no clitic
            # of its own ("و" joins another two: "شخصين وجنديين"), is an adjective agreeing with it
            continue
        yield _Num(s, e, 2, 2, 2, "cardinal", False, s, e, dual_of=ctx.scope.duals[m.group(1)])


def _spaces_between(text: str, start: int, end: int) -> bool:
    """Only spaces or tabs (at least one, a few at most) between offsets `start` and `end`
    (`start` < 0: none)."""
    return 0 <= start < end <= start + 8 and not text[start:end].strip(" \t")


def _one_units(ctx: DocContext) -> Iterator[_Num]:
    """A unit of time alone after a marker of elapsed time ("بعد أسبوع من الهجوم", "بعد الحادث
    بيوم"; rules/scope.yaml one_unit_*) as a count of one, read like a dual noun."""
    groups = range(1, ctx.scope.one_unit_pattern.groups + 1)
    for m in ctx.scope.one_unit_pattern.finditer(ctx.text):
        g = next(i for i in groups if m.start(i) >= 0)  # (one group of one way matched)
        s, e = m.span(g)
        if ctx.in_furniture(s):
            continue
        yield _Num(s, e, 1, 1, 1, "cardinal", False, s, e, dual_of=m.group(g))


def _one_lengths(ctx: DocContext) -> Iterator[_Num]:
    """A unit of time alone after a marker of length or a hedge ("حدادا لمدة أسبوع", "صمدت نحو
    أسبوع"), before "whole" ("أسبوعا كاملا") or before what fills it ("يوم حداد"; rules/scope.yaml
    one_unit_length*, one_unit_of) as one unit, a length for the rules with units only."""
    groups = range(1, ctx.scope.one_length_pattern.groups + 1)
    for m in ctx.scope.one_length_pattern.finditer(ctx.text):
        g = next(i for i in groups if m.start(i) >= 0)  # (one group of one way matched)
        s, e = m.span(g)
        if ctx.in_furniture(s):
            continue
        yield _Num(s, e, 1, 1, 1, "cardinal", False, s, e, dual_of=m.group(g), one_length=True)


def _one_ofs(ctx: DocContext) -> Iterator[_Num]:
    """"أحد"/"إحدى" right before a definite plural ("قتلت أحد الرهائن", "إحدى الطالبات"; rules/
    scope.yaml one_of_words) as a count of one, its counted noun the word after it."""
    for m in ctx.scope.one_of_pattern.finditer(ctx.text):
        s, e = m.span(1)
        if ctx.in_furniture(s):
            continue
        yield _Num(s, e, 1, 1, 1, "cardinal", False, s, e, one_of=True)


def _one_persons(ctx: DocContext) -> Iterator[_Num]:
    """A singular person noun with no numeral right after a noun of death ("وفاة مواطن", "مقتل
    طفل"; rules/scope.yaml one_person_*) as a count of one, read like a dual noun ("1 مواطن")."""
    for m in ctx.scope.one_person_pattern.finditer(ctx.text):
        # (group 2: the subject of "لقي … مصرعه"; group 3: of a reported clause, "إن مدنيا قتل")
        g = next(i for i in (1, 2, 3) if i <= m.re.groups and m.group(i) is not None)
        s, e = m.span(g)
        if ctx.in_furniture(s):
            continue
        # (the reported clause's verb may stand a few words on: its distance in words, for the cue)
        reach = len(ctx.text[e:m.start(4)].split()) + 1 if g == 3 else 0
        yield _Num(s, e, 1, 1, 1, "cardinal", False, s, e, dual_of=m.group(g), one_person=True, verb_reach=reach)


_LIST_END_CANDIDATE = regex_cache.compile(r"(?<![^\W\d_])و([^\W\d_]{3,}?يا?)(?![^\W\d_])")
_WORD_BEFORE = regex_cache.compile(r"(\S+)\s+(\S+)\s+$")


def _list_end_nationals(ctx: DocContext) -> Iterator[_Num]:
    """A singular nationality joined by "و" as the last item of a list of people counted by
    nationality ("تسعة ألمان وأربعة سويسريين وهولندي", "تسعة ألمان وهولنديا"; scope
    list_end_nationals): one more person, read like a dual noun ("1 هولندي") and typed as the
    item before it (_sibling). Also a second such item after the first ("… وهولندي وسويدي")."""
    text = ctx.text
    nationality = ctx.gaz.nationality
    numbers = ctx.scope.list_end_numbers
    stops = ctx.scope.list_end_stops
    last_end = -1
    for m in _LIST_END_CANDIDATE.finditer(text):
        word = m.group(1)
        if word not in nationality or word.endswith(("ين", "ون")):
            continue
        named = ctx.gaz.lookup.get(word)
        if named is not None and not named[1]:
            continue  # "وألمانيا", "ورومانيا": the country's name, not a person of it
        s, e = m.span(1)
        if ctx.in_furniture(s):
            continue
        nxt = text[e:e + 12].split()
        word_after = nxt[0].rstrip("،,.:؛;") if nxt and text[e:e + 1].isspace() else ""
        if word_after in stops or word_after.startswith("ال"):
            continue  # "وهولندي واحد" (a number already), "وعراقي آخر", "وهولندي الجنسية"
        before = _WORD_BEFORE.search(text, max(0, s - 1 - 60), s - 1)
        if before is None:
            continue
        if not (last_end >= 0 and before.end(2) == last_end):  # ("… وهولندي وسويدي": one such item before)
            w0 = before.group(1)
            w0 = w0[1:] if w0.startswith("و") and not w0.isdigit() else w0
            if not (w0.isdigit() or w0 in numbers):
                continue  # the item before must be a count: "<figure> <people>"
        last_end = e
        yield _Num(s, e, 1, 1, 1, "cardinal", False, s, e, dual_of=word, one_person=True)


def _years(ctx: DocContext, a, b) -> bool:
    """Are two numbers joined like a range ("1988 و1994", "2011-2020") two years?"""
    if not (_year_like(a) and _year_like(b) and 0 < b.value - a.value <= 60):
        return False
    return _gap_matches(_RANGE_JOIN, _range_gaps, ctx.text, a.nend, b.nstart)


def _side_after(ctx: DocContext, comp: Compiled, ck: CompiledKind, toks: Sequence[Token], k: int) -> CompiledKind:
    """The rule a later word gives the figure to ("… من أصل 15 ضد المشروع"), or ck."""
    sides = ck.sides
    index = ctx.cue_index(comp.tagged_cues, toks)
    contrast = ctx.scope.contrast_openers
    for i in range(k, min(len(toks), k + ck.rule.side_reach)):
        t = toks[i]
        if contrast.phrases and contrast.at(toks, i) is not None:
            break  # "…، لكن روسيا والصين صوتتا ضده": the side of a contrasted clause of its own
        for f in t.forms:
            target = sides.get(f)
            if target is not None and target in comp.by_id:
                if _heads_next(ctx, comp.joiners, toks, i, index):
                    return ck  # "بتأييد 141 دولة ضد رفض 5 دول": the word types the figure after it
                return comp.by_id[target]
        if (t.is_digit() or _starts_number(ctx, t)) and not (i > 0 and "اصل" in toks[i - 1].forms):
            break  # the next figure's words are its own ("من أصل 15" is a body size)
        if index.starting_at(i):
            break  # a cue of its own ("لصالح", "وصوتت ضده"): the side is named there
    return ck


def _joint_occasions(ctx: DocContext, rule: KindRule, toks: Sequence[Token], left: int, i1: int, noun_end: int) -> bool:
    """Is the figure's counted noun one of the rule's joint_occasions, with two or more members
    joined by "و" in its clause, at most cue_before words before it?"""
    words = frozenset(normalize_word(w) for w in rule.joint_occasions)
    if all(toks[k].forms.isdisjoint(words) for k in range(i1, noun_end)):
        return False
    lo = left
    while lo > 0 and left - lo < rule.cue_before and not toks[lo].brk_before:
        lo -= 1
    return positions.joint_casters(ctx, toks, lo, left)


def _placed_between(ctx: DocContext, s_lo: int, s_hi: int):
    """A test for scope.pick_location: does a claim placed earlier in the sentence (not of kind
    other) start in [lo, hi) (normalised offsets)?  It reads the placed claims from the latest
    back to lo only: a place near the figure is asked about the few claims after it."""
    placed = ctx.sentence_claims.get(s_lo)
    if not placed:
        return None
    toks = ctx.tokens(s_lo, s_hi)

    def between(lo: int, hi: int) -> bool:
        for p in reversed(placed):
            if p.left >= len(toks):
                continue
            at = toks[p.left].nstart
            if at < lo:
                return False
            if at < hi and p.claim.kind != "other":
                return True
        return False
    return between


def _heads_next(ctx: DocContext, joiners: frozenset[str], toks: Sequence[Token], k: int, index) -> bool:
    """Is toks[k] a tally joiner (a rule's heads_next) followed at once by another figure, or by
    a cue and a figure ("ضد 9", "ضد رفض 5 دول")?  It then types that figure, not one before it:
    it is neither a cue, a side word nor an exclusion of the figure before."""
    if not joiners or k >= len(toks) or toks[k].forms.isdisjoint(joiners):
        return False
    j = k + 1
    if j < len(toks) and not toks[j].brk_before and not (toks[j].is_digit() or _starts_number(ctx, toks[j])) \
            and index.starting_at(j):
        j += 1  # "ضد رفض 5": the figure's own cue between
    return _number_near(ctx, toks, j, 1, 1)


def _member_named(ctx: DocContext, toks: Sequence[Token], k: int) -> bool:
    """Does toks[k] (in the clause) name a state: "وامتناع روسيا والصين" after a tally's figure
    is an item of its own, not a cue of the figure before it."""
    if k >= len(toks) or toks[k].brk_before:
        return False
    t = toks[k]
    return any(m.start <= t.nstart + 2 and m.place.type == "country" and not m.adjective
               for m in ctx.gaz.mentions(ctx.text, t.nstart, t.nend))


def _year_like(m) -> bool:
    if not 1900 <= m.value <= 2100:  # (the cheap test first: the same answer)
        return False
    digits = [ch for ch in m.text if ch.isdigit()]
    return len(digits) == 4 and len(m.text.strip()) == 4 and float(m.value).is_integer()


@lru_cache(maxsize=4096)  # the same surfaces recur ("ألف", "2")
def _is_digits(s: str) -> bool:
    return any(ch.isdigit() for ch in s)


# _range's answer for "ارتفع من A إلى B": not a range, and A is the superseded figure.
_CHANGE = _Num(0, 0, 0, 0, 0, "cardinal", False, 0, 0)


def _range(ctx: DocContext, comp: Compiled, a, b) -> _Num | None:
    """"بين 100 و300", "من 100 إلى 300", "100 إلى 300 قتيل" as one range claim."""
    # (the pattern has no look-around: matching in place is matching the slice)
    if not _gap_matches(_RANGE_JOIN, _range_gaps, ctx.text, a.nend, b.nstart):
        return None
    # "خفضت الوزارة العدد من 176 إلى 101": a fall is no range, but may be a change (below)
    falling = b.value <= a.value
    joiner = ctx.text[a.nend : b.nstart].strip()
    lo, hi = ctx.sentence_at(a.nstart)
    if b.nstart >= hi:
        return None  # the second figure is in the next sentence
    toks = ctx.tokens(lo, hi)
    k = bisect_left(ctx.info(toks).starts, a.nstart)
    if k > 0 and toks[k - 1].nend > a.nstart:
        k -= 1  # the number begins inside a token (a clitic: "وواحد")
    if k >= len(toks):
        return None
    if k > 0 and not toks[k].brk_before and ctx.scope.identifier_nouns.ending_at(toks, k) is not None:
        return None  # "المدرسة رقم 1 إلى 322": the first figure is a thing's number (scope identifier_nouns)
    opener = comp.range_open.ending_at(toks, k) if k > 0 and not toks[k].brk_before else None
    if falling:
        if (b.value < a.value and opener is not None and joiner in ("الي", "حتي") and opener[0].source == "من"
                and ctx.scope.change_verbs.nearest(toks, opener[1], opener[1], 6, 0) is not None):
            return _CHANGE  # "تراجع عدد النازحين من 9 آلاف إلى 6 آلاف": 9,000 is the figure before
        return None
    if joiner == "و" and (opener is None or opener[0].source == "من"):
        return None  # "100 و300" alone are two figures; only "بين 100 و300" is a range
    if joiner in ("-", "–", "—") and not (a.text.isdigit() and b.text.isdigit()):
        return None
    if opener is not None and joiner in ("الي", "حتي") and opener[0].source == "من":
        # "ارتفع عدد الوفيات من 3166 إلى 3283": a change between two figures, not a range
        if ctx.scope.change_verbs.nearest(toks, opener[1], opener[1], 6, 0) is not None:
            return _CHANGE
    if opener is None and not _is_digits(a.text) and _definite_attribute(toks, k, a.nstart):
        return None  # "عدد القتلى في الدول الثلاث إلى 3823": "الثلاث" describes the countries
    start_word = toks[opener[1]].nstart if opener else -1
    low = _shared_scale(a.value, b.value, any(ch.isalpha() for ch in b.text))
    return _Num(
        a.nstart, b.nend, low, low, b.high, "cardinal", _is_digits(a.text), a.nstart, b.nend,
        is_range=True, range_word_at=start_word,
    )


def _not_noun_of(ck: CompiledKind | None, toks: Sequence[Token], i1: int) -> bool:
    """Is the word after the figure one of the rule's not_nouns (people or cases it never counts),
    also after "من" ("و180 من الأشلاء", as the rule's own candidates read it)?"""
    if ck is None or ck.not_nouns is None or i1 >= len(toks) or toks[i1].brk_before:
        return False
    if ck.not_nouns.at(toks, i1) is not None:
        return True
    return ("من" in toks[i1].forms and i1 + 1 < len(toks) and not toks[i1 + 1].brk_before
            and ck.not_nouns.at(toks, i1 + 1) is not None)


def _excluded_before(ck: CompiledKind | None, toks: Sequence[Token], left: int) -> bool:
    """Does one of the rule's exclude_before (or exclude_before_first) words end right before
    the claim?"""
    return (
        ck is not None and left > 0 and not toks[left].brk_before and any(
            ex is not None and ex.ending_at(toks, left) is not None for ex in (ck.exclude_before, ck.exclude_before_first)
        )
    )


def _definite_whole(toks: Sequence[Token], i0: int, i1: int) -> bool:
    """The figure at toks[i0] was read from a definite noun written before it ("القتلى الـ36",
    "ضحايا الحادث الخمسة": _claim moves the noun after the figure, the tokens sharing the
    words' offsets), so it names a whole group already known, not a part being counted."""
    return (
        i1 < len(toks) and toks[i1].nstart == toks[i0].nstart and toks[i1].nend == toks[i0].nend
        and (toks[i0].is_digit() or toks[i0].text.lstrip("وفبكل").startswith("ال"))
    )


def _definite_head(ctx: DocContext, comp: Compiled, toks: Sequence[Token], k: int) -> int:
    """The index of the definite counted noun a definite number word at toks[k] follows, with at
    most one definite adjective between ("الأسرى اللبنانيون الخمسة", "المسلحون السبعة"), or -1.
    The noun must count people or days (a person noun, or a noun of a kind that is not a vote):
    "الدول الثلاث" and "البلدان الأربعة" name places a figure is about."""
    def definite(t: Token) -> bool:
        return t.text.lstrip("وفبك").startswith(("ال", "لل")) and not t.is_digit() and not _starts_number(ctx, t)

    # "الدول الست الباقية", "الأعضاء الستة الآخرون", "الدول الـ6 الباقية": the rest of a body
    # told by its number (a word of remainder, scope not_counts_unless_after, right after the
    # figure) counts members, a vote's side: the vote kinds' nouns count too
    rest = any(
        j < len(toks) and not toks[j].brk_before and not toks[j].forms.isdisjoint(ctx.scope.not_before_unless)
        for j in (k + 1, k + 2)
    )

    def counted(h: int) -> bool:
        return ctx.scope.person.at(toks, h) is not None or ctx.nisba.people(toks[h]) or any(
            ck.nouns.at(toks, h) for ck in comp.kinds
            if ck.nouns and (rest or ck.rule.kind not in _PEOPLE_KINDS_WITHOUT_LOCATION)
        )

    if k < 1 or toks[k].brk_before:
        return -1
    if definite(toks[k - 1]):
        if k >= 2 and not toks[k - 1].brk_before and definite(toks[k - 2]) and counted(k - 2):
            return k - 2  # the noun, then its adjective ("اللبنانيون", "المحررون")
        if counted(k - 1):
            return k - 1
    elif toks[k].text == "ال" and _possessed(toks[k - 1]) is not None:
        # "مقتل ركابها الـ224", "أسراه الـ40": a noun made definite by its pronoun
        t = toks[k - 1]
        one = [Token(t.nstart, t.nend, t.text, _possessed(t), t.brk_before)]
        if ctx.scope.person.at(one, 0) is not None or ctx.nisba.people(one[0]) or any(
            ck.nouns.at(one, 0) for ck in comp.kinds
            if ck.nouns and ck.rule.kind not in _PEOPLE_KINDS_WITHOUT_LOCATION
        ):
            return k - 1
    return _construct_head(ctx, toks, k)


_POSSESSIVES = ("هما", "هم", "هن", "ها", "ه")


def _possessed(t: Token) -> frozenset[str] | None:
    """The forms of a noun with a possessive pronoun, the pronoun cut off ("ركابها" -> ركاب), or
    None when t does not end in one (stem of at least 3 letters)."""
    w = t.text
    for suf in _POSSESSIVES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            if stem.endswith("ا"):
                # a final ى (ي in the normalised text) is written ا before the pronoun: "قتلاها" -> قتلى
                return t.forms | bare_forms(stem) | bare_forms(stem[:-1] + "ي")
            return t.forms | bare_forms(stem)
    return None


def _construct_head(ctx: DocContext, toks: Sequence[Token], k: int) -> int:
    """The index of a construct head (scope.yaml construct_heads) whose genitive, one or two
    words, ends right before the definite number word at toks[k]: "ضحايا الحريق الخمسة
    والعشرين", "ضحايا جزر القمر السبعة", "ضحايا حريق المدينة الثلاثة"; or -1.  The genitive
    is definite (ال) or ends in a name of the gazetteer ("ضحايا حريق كراتشي الخمسة")."""
    heads = ctx.scope.construct_heads
    if not heads.phrases:
        return -1
    last = toks[k - 1]
    if not (last.text.lstrip("وفبك").startswith(("ال", "لل")) or ctx.gaz.lookup.get(last.text)):
        return -1
    if not last.forms.isdisjoint(ctx.scope.construct_event_plurals) or (
        k >= 2 and not last.brk_before and not toks[k - 2].forms.isdisjoint(ctx.scope.construct_event_plurals)
    ):
        return -1  # "ضحايا التفجيرات الثلاثة", "قتلى الكوارث الجوية الثلاث": the number is the events'
    for h in (k - 2, k - 3):
        if h < 0 or any(toks[j].brk_before for j in range(h + 1, k)):
            return -1
        t = toks[h + 1]
        if t.text in ctx.scope.function_words or _starts_number(ctx, t) or t.is_digit():
            return -1  # "القتلى في الدول الثلاث": a preposition ends the genitive
        hit = heads.at(toks, h)
        if hit is not None and hit[1] == h + 1:
            # the head is in the construct state: no article ("قتلى الهجوم", not "القتلى")
            return -1 if toks[h].text.lstrip("وفبك").startswith(("ال", "لل")) else h
    return -1


def _event_days(toks: Sequence[Token], i1: int, noun, r) -> bool:
    """Is the figure a length told in the definite as its event's own days, the unit written
    before the figure with the event's definite name between ("خلال أيام الحداد الخمسة", "في
    أسابيع الهدنة الثلاثة", read "5 أيام الحداد")?  The days are the event's, not a deadline
    or a window, whatever preposition stands before them (a rule's exclude_before)."""
    return (
        noun is not None and bool(r.units) and 0 < i1 < len(toks) - 1
        # the unit and its genitive written before the figure: read with its span (_claim)
        and toks[i1 - 1].nstart == toks[i1].nstart == toks[i1 + 1].nstart
        and not toks[i1 + 1].brk_before and toks[i1 + 1].text.startswith("ال")
    )


def _two_after_dual(ctx: DocContext, toks: Sequence[Token], k: int, n: "_Num") -> bool:
    """Is the number word at toks[k] "اثنين" (2, a word) right after a dual noun ("رهينتين
    اثنين", "جنديان اثنان"), which already counts the two?"""
    return (
        n.value == 2 and not n.digits and not n.is_range and not n.dual_of and n.form == "cardinal"
        and 0 < k < len(toks) and not toks[k].brk_before and not toks[k - 1].forms.isdisjoint(ctx.scope.duals)
    )


def _pair_head(ctx: DocContext, comp: Compiled, toks: Sequence[Token], k: int) -> int:
    """The index of the plural noun of people that the word "اثنين" at toks[k] follows, with at
    most one relative adjective between ("عسكريين أذربيجانيين اثنين", "أسرى اثنين"), or -1."""
    if k < 1 or toks[k].brk_before or toks[k - 1].is_digit():
        return -1
    j = k - 1
    if j >= 1 and ctx.nisba.people(toks[j]) and not toks[j].brk_before and _is_counted_noun(ctx, comp, toks, j - 1):
        h = j - 1
    elif _is_counted_noun(ctx, comp, toks, j):
        h = j
    else:
        return -1
    if h >= 1 and not toks[h].brk_before and (toks[h - 1].is_digit() or _starts_number(ctx, toks[h - 1])):
        return -1  # "عشرة أشخاص اثنان منهم": the noun has its own figure; the two are a part
    return h


def _definite_attribute(toks: Sequence[Token], k: int, nstart: int) -> bool:
    """Is the number word at toks[k] (starting at nstart) definite and right after a definite
    noun ("الدول الثلاث", "البلدان الأربعة")?  It then describes the noun; it counts nothing of
    its own.  ("ألفي" is no "ال" + number: the number starts with the token.)"""
    return (
        0 < k < len(toks) and not toks[k].brk_before and toks[k].text.startswith("ال")
        and nstart == toks[k].nstart + 2 and toks[k - 1].text.startswith(("ال", "وال", "بال", "لل"))
    )


def _definite_after_name(ctx: DocContext, toks: Sequence[Token], k: int, nstart: int) -> bool:
    """Is the number word at toks[k] definite and right after a place's name, the end of a
    genitive ("ضحايا حريق كراتشي الخمسة")?  _construct_head then looks for its head."""
    return (
        0 < k < len(toks) and not toks[k].brk_before and toks[k].text.startswith("ال")
        and nstart == toks[k].nstart + 2 and ctx.gaz.lookup.get(toks[k - 1].text) is not None
    )


def _shared_scale(a: float, b: float, scale_word: bool = False) -> float:
    """"بين 18 و20 ألف" = [18000, 20000]: the scale word written once on the higher end also
    multiplies the lower end when the lower end, so scaled, stays below it.  With a scale word
    written (`scale_word`) the higher end may be a decimal of it: "بين 1.5 و2.5 مليون" =
    [1.5 million, 2.5 million]."""

    def multiple(scale: int) -> bool:
        return b % scale == 0 or (scale_word and abs(b * 100 / scale - round(b * 100 / scale)) < 1e-6)

    scale = 1000
    while b >= scale * 1000 and multiple(scale * 1000):
        scale *= 1000
    if b >= scale and multiple(scale) and a < 1000 and a * scale <= b and a < b / scale + 1e-9:
        return a * scale
    return a


# --------------------------------------------------------------------------- one claim


def _nationals_named(ctx: DocContext, toks, left: int, right: int) -> str | None:
    """The country whose nationals a figure counts, named by a side after its counted noun or
    by "من مواطنيها" with the country before the figure (rules/scope.yaml nationals_*), in the
    figure's clause and within `nationals_reach` words; None otherwise.  Reads those words only."""
    sr, gaz = ctx.scope_rules, ctx.gaz
    reach, n = sr.nationals_reach, len(toks)
    if right + 1 < n and sr.own_nationals_words and "من" in toks[right].forms and not toks[right].brk_before \
            and not toks[right + 1].brk_before and not toks[right + 1].forms.isdisjoint(ctx.scope.own_nationals_words):
        for k in range(left - 1, max(-1, left - 1 - reach), -1):
            if (country := gaz.country_in(toks[k], False)) is not None:
                return country
            if toks[k].brk_before:
                break
        return None
    sides = ctx.scope.nationals_side_words
    for k in range(right, min(n - 1, right + reach)):
        if toks[k].brk_before:
            break  # another clause
        if not toks[k].forms.isdisjoint(sides) and not toks[k + 1].brk_before:
            return gaz.country_in(toks[k + 1], True)
    return None


def _claim(ctx: DocContext, comp: Compiled, n: _Num) -> Claim | None:
    s_lo, s_hi = ctx.sentence_at(n.nstart)
    toks = ctx.tokens(s_lo, s_hi)
    starts = ctx.info(toks).starts
    i0 = bisect_left(starts, n.nstart)
    if i0 > 0 and toks[i0 - 1].nend > n.nstart:
        i0 -= 1  # the number begins inside a token (a clitic: "و300" -> "و" is its own token)
    i1 = bisect_left(starts, n.nend)
    if i0 >= len(toks):
        return None
    if _FAST_DROP and _cannot_be_a_claim(ctx, comp, toks, s_lo, i1, n):
        return None
    if not n.digits and not n.dual_of and ctx.in_place_name(s_lo, s_hi, n.nstart):
        return None  # "بئر السبع" (Beersheba): a number word inside a place's name counts nothing
    noun_first = False
    state_at = -1  # a definite figure read noun first: the word after its noun (_state_after)
    if (
        n.value == 1 and not n.digits and not n.is_range and 0 < i0 < len(toks) and not toks[i0].brk_before
        and toks[i0].text.lstrip("وفبك").startswith("ال") and toks[i0 - 1].text.lstrip("وفبك").startswith(("ال", "لل"))
    ):
        return None  # "أجزاء من الجثة الواحدة", "أفراد الأسرة الواحدة": "the single one", no count
    if (
        n.value == 1 and not n.digits and not n.is_range and not n.one_of and not (n.one_person and toks[i0].text.startswith("و")) and 0 < i0 < len(toks)
        and not n.one_length  # ("رئيس الوزراء يوم حداد": the unit is its own noun, none before it)
        and not toks[i0].brk_before and _is_counted_noun(ctx, comp, toks, i0 - 1)
    ):
        # "امتنعت دولة واحدة", "صوت عضو واحد ضده": the noun comes first; read it as "1 دولة",
        # both tokens spanning the two words so the surface stays in text order
        noun_tok, one_tok = toks[i0 - 1], toks[i0]
        toks, w = _window(toks, i0)
        toks[i0 - 1 - w : i0 + 1 - w] = [
            Token(noun_tok.nstart, one_tok.nend, one_tok.text, frozenset({"1"}), noun_tok.brk_before),
            Token(noun_tok.nstart, one_tok.nend, noun_tok.text, noun_tok.forms, False),
        ]
        i0, i1, noun_first = i0 - 1 - w, i0 - w, True
    elif (
        n.value == 1 and not n.digits and not n.is_range and not n.one_of and not (n.one_person and toks[i0].text.startswith("و")) and 1 < i0 < len(toks)
        and not toks[i0].brk_before and not toks[i0 - 1].brk_before
        and not toks[i0 - 1].forms.isdisjoint(ctx.scope.one_after_adjectives)
        and _is_counted_noun(ctx, comp, toks, i0 - 2)
    ):
        # "مقابل صوت معارض واحد": the noun and its adjective first; read it as "1 صوت", the
        # adjective dropped, both tokens spanning the three words
        noun_tok, one_tok = toks[i0 - 2], toks[i0]
        toks, w = _window(toks, i0)
        toks[i0 - 2 - w : i0 + 1 - w] = [
            Token(noun_tok.nstart, one_tok.nend, one_tok.text, frozenset({"1"}), noun_tok.brk_before),
            Token(noun_tok.nstart, one_tok.nend, noun_tok.text, noun_tok.forms, False),
        ]
        toks.changed = (i0 - 2 - w, i0 - w)
        i0, i1, noun_first = i0 - 2 - w, i0 - 1 - w, True
    elif _two_after_dual(ctx, toks, i0, n):
        return None  # "رهينتين اثنين": the dual counted them; the word only stresses it
    elif not n.is_range and n.form == "cardinal" and not n.dual_of and (
        (not n.digits and n.value == 2 and _pair_head(ctx, comp, toks, i0) >= 0)
        # (a cardinal word: the parser reads "العشرين" alone, "الخامس والعشرين" as ordinals)
        or (not n.digits and 3 <= n.value <= 99 and (
            _definite_attribute(toks, i0, n.nstart) or _definite_after_name(ctx, toks, i0, n.nstart)
        ))
        # "الأسرى الفلسطينيين الـ400", "الفتيات الـ82": digits made definite ("ال" a token of
        # its own) after their noun
        or (n.digits and n.value >= 3 and 1 < i0 < len(toks) and toks[i0 - 1].text == "ال"
            and not toks[i0].brk_before and toks[i0 - 1].nend == toks[i0].nstart)
    ):
        h = (_pair_head(ctx, comp, toks, i0) if n.value == 2 and not n.digits
             else _definite_head(ctx, comp, toks, i0 - 1 if n.digits else i0))
        if (h >= 0 and n.digits and any(ck.rule.units and ck.nouns.at(toks, h) for ck in comp.kinds)
                and toks[h].forms.isdisjoint(ctx.scope.plural_units)):
            # "اليوم الـ30", "الأسبوع الـ12": digits after a unit of time are its ordinal (not
            # after a plural: "الساعات الـ48 الأخيرة" counts 48 hours)
            h = -1
        if h >= 0:
            # "الأسرى اللبنانيون الخمسة", "القتلى الثلاثة": a definite number word after its
            # (definite) counted noun; read it as "5 الأسرى اللبنانيون", every token spanning the
            # words so the surface stays in text order
            toks, w = _window(toks, i0)
            h, i0 = h - w, i0 - w
            toks.changed = (h, i0 + 2)
            num_tok, lo_, hi_ = toks[i0], toks[h].nstart, toks[i0].nend
            moved = [Token(lo_, hi_, t.text, t.forms, False) for t in toks[h:i0]]
            if not moved[0].text.lstrip("وفبك").startswith(("ال", "لل")):
                stem = _possessed(moved[0])  # "ركابها الـ224": counted as ركاب
                if stem is not None:
                    moved[0] = Token(lo_, hi_, moved[0].text, stem, False)
            hit = ctx.scope.construct_heads.at(toks, h)
            reads = ctx.scope.construct_reads.get(normalize_word(hit[0].source)) if hit is not None else None
            if reads is not None and reads not in moved[0].forms:
                # "ضحايا الحريق الخمسة والعشرين": the head read as the noun it stands for (قتلى)
                moved[0] = Token(lo_, hi_, moved[0].text, moved[0].forms | bare_forms(reads), False)
            toks[h : i0 + 1] = [Token(lo_, hi_, num_tok.text, num_tok.forms, toks[h].brk_before)] + moved
            i0, i1, noun_first = h, h + 1, True
            state_at = h + 1 + len(moved)  # the word after the noun and its figure
    split = -1
    if n.dual_of:
        if (
            0 < i0 < len(toks) and toks[i0].text.startswith("و") and not toks[i0].brk_before and not n.one_person
            and (toks[i0 - 1].is_digit() or _starts_number(ctx, toks[i0 - 1]))
        ):
            return None  # "مئة وحالتين" (102 cases): the dual is the units of the number before
        # read "جنديين" as "2 جندي": a number token and its singular noun, same offsets
        t = toks[i0]
        if not isinstance(toks, TokenWindow):
            toks, w = _window(toks, i0)
            i0 -= w
        toks[i0 : i0 + 1] = [
            # keeps its written text: "وجنديان" still reads as joined by و to the list before it
            Token(t.nstart, t.nend, t.text, frozenset({"2" if n.value == 2 else "1"}), t.brk_before),
            Token(t.nstart, t.nend, n.dual_of, bare_forms(n.dual_of), False),
        ]
        i1 = i0 + 1
        split = i0  # the window holds one token more than the sentence after this one

    # qualifier and the left edge of the claim
    hedges = lexicon_for(ctx.rules.hedges)
    # the figure's answers that depend on its tokens only (the hedges around it), kept while the
    # claim is made: _best_kind's rules and this function ask them again (toks is final here)
    fig: dict | None = {} if _FIGURE_MEMO else None
    if n.is_range:
        qualifier = "range"
        left = bisect_left(starts, n.range_word_at) if n.range_word_at >= 0 else i0
    elif n.form == "vague":
        qualifier, left = "vague", i0
        if (
            i1 < len(toks) and not toks[i1].brk_before and ctx.scope.vague_parts_after.at(toks, i1) is not None
            and not (i0 > 0 and (i0 == 1 or toks[i0 - 1].brk_before)
                     and ctx.cue_index(comp.tagged_cues, toks).starting_at(i0 - 1))
        ):
            # "… 90 جريحا، عشرات منهم في حالة خطرة": a vague part of a figure given; but a clause
            # led by a verb of its own ("، لجأ عشرات الآلاف منهم إلى الجوار") counts
            return None
        if i1 < len(toks) and not toks[i1].brk_before and ctx.scope.vague_not_counts.at(toks, i1) is not None:
            return None  # "انتشل الغواصون عشرات الجثث": bodies found, no toll
    else:
        hb = _hedge_before(ctx, toks, i0, fig)
        qualifier, left = (hb[0], hb[1]) if hb else ("exact", i0)
        if (
            hb is None and n.form == "ordinal" and n.digits and i0 >= 2 and toks[i0 - 1].text == "ال"
            and not toks[i0].brk_before
        ):
            left = i0 - 1  # "يومها الـ143", "يومه الـ 100": the article of a digit ordinal is the figure's
        if hb is None:
            # "تجاوز عدد القتلى 1000", "يتجاوز عدد القتلى الألف": the verb before the subject
            qualifier = _verb_first_hedge(ctx, hedges, toks, i0) or qualifier

    if _negated(comp, ctx, toks, left):
        if i1 < len(toks) and comp.refuted_after.at(toks, i1) is not None:
            ctx.refuted.add(n.value)  # "الحصيلة هي 2946 وليس 3000 كما راج": a rumour refuted
            return None
        if _corrected(ctx, toks, s_lo, left) is None:
            return None
        # "بلغت الحصيلة 227 قتيلا، وليس 306 كما أعلن في وقت سابق": the value first announced,
        # corrected by the claim right before it, is a claim of that quantity, not a denial
    whole = None if noun_first or n.form == "ordinal" else _captive_whole(ctx, comp, toks, s_lo, left)
    if (
        whole is None and not noun_first and n.form != "ordinal" and _not_a_count(ctx, comp, toks, left, i1, n)
    ):
        return None
    if (left > 0 and not toks[left].brk_before and _after_margin(ctx, toks, left) and not _margin_verb(ctx, toks, i1)
            and not _margin_of_dead(ctx, toks, left, i1)):
        return None  # "بفارق صوت واحد", "بزيادة 113 إصابة": a gap between figures counts nothing

    match = (whole, _whole_noun_end(ctx, whole, toks, i1), 1.0, 0) if whole is not None else \
        _best_kind_of(ctx, comp, toks, left, i0, i1, n, fig)
    if not noun_first and whole is None and (match is None or match[3] != _VETOED) and ctx.scope.reach_subject_verbs:
        # "وفيات حمى الضنك تتخطى 750": the subject of the verb the figure completes names its kind
        # (the figure bare, of a person noun, or before "و" and a word that is no counted noun: the
        # next clause, "تتخطى 750 وساو باولو تعلن الطوارئ")
        head = _head(ctx, comp, toks, i1)
        if head in ("bare", "person") or (
            head == "other" and toks[i1].text[0] == "و" and not _is_counted_noun(ctx, comp, toks, i1)
        ):
            subject = _reach_subject(ctx, comp, toks, left, i0)
            if subject is not None and (match is None or match[0].rule.kind != subject.rule.kind):
                match = (subject, _person_end(ctx, toks, i1) if head == "person" else i1, 1.0, 0)
    if state_at > 0 and whole is None and (match is None or match[3] != _VETOED) and ctx.scope.state_after_kinds:
        # "العمال الـ38 الذين ظلوا في عداد المفقودين", "الرهائن الـ53 المحتجزين": the state named
        # after a definite noun and its figure is the figure's kind
        state = _state_after(ctx, comp, toks, i1, state_at)
        if state is not None and (match is None or match[0].rule.kind != state.rule.kind) and (
            match is None or match[0].rule.kind not in ctx.scope.state_after_releases
            # "أفرج عن الرهائن الـ50 الذين كانوا محتجزين": a release told as done is of those once
            # held; "لتحرير الرهائن الـ53 المحتجزين", "دعت إلى إطلاق سراح …": asked or tried, they are held
            or any(not toks[k].forms.isdisjoint(ctx.scope.state_after_undone) for k in range(max(0, i0 - ctx.scope.state_after_undone_words), i0))
        ):
            match = (state, match[1] if match is not None else i1, 1.0, 0)
    own_said = False  # the figure's own predicate after it typed it (_own_predicate)
    if not noun_first and whole is None and comp.own_predicates is not None and (match is None or match[3] != _VETOED):
        # "إضافة إلى نحو 350 جنديا ما زالوا مفقودين", "نحو 3 آلاف شخص من سكان المدينة
        # ومدافعيها ما زالوا في عداد المفقودين": the figure's own predicate names its kind
        own = _own_predicate(ctx, comp, toks, i1, match)
        if own is not None:
            own_said = True
            if match is None or match[0].rule.kind != own[0].rule.kind:
                match = (own[0], own[1], 1.0, 0)
    if match is not None and match[0].rule.kind != "other" and not noun_first and _case_total(
        ctx, toks, left, i1, match[0].rule.kind
    ):
        match = (comp.other, match[1], 1.0, _VETOED)  # "57 وفاة من بين 684 حالة": the cases, not a toll
    if (
        match is not None and noun_first and n.value == 1 and not match[0].rule.units
        and any(ck.rule.units and ck.nouns.at(toks, i1) for ck in comp.kinds)
    ):
        return None  # "23 وفاة خلال يوم واحد": one unit of time counts no people
    if match is not None and match[0].rule.kind != "other" and (
        _either_or(ctx, comp, toks, left, i1) or _combined(ctx, comp, toks, left, i1)
    ):
        match = (comp.other, match[1], 1.0, 0)  # "قتل أو أصيب 2505": two kinds in one figure
    if match is not None and match[2] < 1.0 and (
        (not match[0].rule.fractional_units and not float(n.value * match[2]).is_integer())
        or n.value * match[2] < 1
    ):
        # "80 ساعة": no whole number of days; "ثلاث ساعات", "16 ساعة": less than one unit of
        # the kind (a day) is no length in days at all
        match = (comp.other, match[1], 1.0, 0)
    if (
        not noun_first and _untyped(match)
        and i1 < len(toks) and not toks[i1].brk_before
        and (ctx.scope.person.at(toks, i1) is not None or ctx.nisba.people(toks[i1]))
    ):  # people counted right after the figure, no kind yet: a verb after the list, or victims before
        listed = _list_verb(ctx, comp, toks, i1)
        if listed is not None:
            match = (listed, _person_end(ctx, toks, i1), 1.0, 0)  # "206 مسلحين و58 جنديا … قتلوا"
        if _untyped(match):
            victims = _victims_before_part(ctx, comp, toks, left)
            if victims is not None:
                match = (victims, _person_end(ctx, toks, i1), 1.0, 0)  # "على ضحايا الهجوم، الذين كان بينهم عشرة إيطاليين"
    if match is None and not noun_first and n.digits and i1 < len(toks) and not toks[i1].brk_before:
        chained = _chain_noun(ctx, comp, toks, i1)
        if chained is not None:
            match = (chained, i1, 1.0, 0)  # "من 155 إلى 184 ثم إلى 235 شهيدا": a step of the toll
    parent = None if own_said else _subset_parent(ctx, toks, s_lo, left, i1)
    if parent is not None and _not_noun_of(comp.by_id.get(parent.claim.rule), toks, i1):
        parent = None  # "قتل 231 شخصا، إضافة إلى 212 من الأشلاء": what the total's rule never counts is no part of it
    if (
        parent is not None and match is not None and match[0].rule.kind not in ("other", parent.claim.kind)
        and not (left > 0 and _may(ctx, toks, ctx.scope.subset_markers) and ctx.scope.subset_markers.ending_at(toks, left))
        and not (i1 < len(toks) and not toks[i1].brk_before and _may(ctx, toks, ctx.scope.subset_after)
                 and ctx.scope.subset_after.at(toks, i1))
        and _cue_after(ctx, comp, toks, match[0].rule.id, i1 - 1)
    ):
        parent = None  # "51 قتلوا بينهم 40 طفلا، و79 جرحوا": the list ends where a predicate of its own begins
    sibling = _sibling(ctx, toks, s_lo, left, i1) if parent is None else None
    earlier = changed = False
    generic = _generic_noun_end(ctx, toks, i1)  # "بعد أن كانت 12 حالة أمس": a noun of no kind
    if sibling is None and parent is None and (
        i1 >= len(toks) or toks[i1].brk_before or toks[i1].text in ctx.scope.function_words
        or (_may(ctx, toks, ctx.scope.earlier_value_when) and ctx.scope.earlier_value_when.at(toks, i1) is not None)
        or _day_after(ctx, toks, i1)  # "بعد أن كانت 19 مساء الأربعاء"
        or generic is not None
    ):
        # "… إلى 264 قتيلا، بعد أن كانت 110": the earlier value of the claim before (a bare
        # figure: "بعد أن كانت 3 مستشفيات" counts something else)
        sibling = _earlier_value_of(ctx, toks, s_lo, left, i0)
        if sibling is None:
            sibling = _earlier_value_joined(ctx, toks, s_lo, left)
        if sibling is not None and match is not None and match[0].rule.kind != "other":
            sibling = None  # a figure with a kind of its own keeps it
        earlier = sibling is not None
        if earlier:
            n.superseded = True
        else:
            # "نزلت قائمة المفقودين من 249 اسما إلى 25": the new value of the figure changed
            sibling = _change_target(ctx, toks, s_lo, left)
            changed = sibling is not None
    if sibling is not None and _excluded_before(comp.by_id.get(sibling.claim.rule), toks, left):
        sibling = None  # "تشريد 400 ألف شخص، في حين تضرر مليون شخص": the list's rule refuses it
    if (sibling is not None and i1 < len(toks) and not toks[i1].brk_before
            and _excluded_after(comp.by_id.get(sibling.claim.rule), toks, i1, ctx)):
        sibling = None  # "الإفراج عن 59 أسيرا ونحو 55 ما زالوا محتجزين": the item's own predicate is one the list's rule refuses
    if (sibling is not None and i1 < len(toks) and not toks[i1].brk_before
            and _not_noun_of(comp.by_id.get(sibling.claim.rule), toks, i1)):
        sibling = None  # "525 وفاة و5011 حالة تسمم": the item's own noun names what the list's rule never counts
    part_of_list = False
    if (
        sibling is not None and match is not None and sibling.claim.kind == "resolution_number" and n.digits
        and match[0].rule.kind != "resolution_number" and _joined_to(ctx, toks, s_lo, left) is sibling
        and (i1 >= len(toks) or toks[i1].brk_before or toks[i1].text in ctx.scope.function_words)
    ):
        match = None  # "القرارات 2371 و2375": a number joined to a resolution's is one too, not a tally
    if sibling is not None and (match is None or (match[0].rule.kind == "other" and match[3] != _VETOED)):
        part_of_list = (
            not earlier and not changed and _joined_to(ctx, toks, s_lo, left) is None
            # "227 قتيلا، وليس 306": the value the claim corrects is the same quantity, not a part
            and _corrected(ctx, toks, s_lo, left) is None
            # "… وأكثر من 40 ألفا إلى الكاميرون، أي ما يزيد على 157 ألفا": the items' total, no item
            and _restated_total(ctx, toks, s_lo, left, i1) is None
            # "بلغت 618 منتصف أبريل، ثم 793 في التاسع من مايو": the same quantity's next value,
            # unless a place tells the next item ("قتل 9 بالقنبلة، ثم 69 في الجزيرة")
            # (a day is no place: "في التاسع من مايو")
            and (_then_next(ctx, toks, s_lo, left, i1) is None
                 or (_place_after(ctx, toks, i1) and not _starts_number(ctx, toks[i1 + 1])))
            # "300 قتيل يوم 3 أيار و450 يوم 5 أيار": the same quantity a day on, no part
            and _dated_next(ctx, toks, s_lo, left, i1) is None
        )
        # a list of the same noun ("… بـ1643 حالة وفاة، … تارودانت بـ980 حالة") or a figure
        # joined to the one before ("نحو 1480 قتيلا و2100"): the same kind
        match = (comp.by_id[sibling.claim.rule], (generic or i1) if earlier else _noun_end(ctx, comp, toks, i1), 1.0, 0)
    # "لا يزال 94 محتجزا، يعتقد أن 34 منهم لقوا حتفهم": a subset with a predicate of its own
    subset_of_other_kind = (
        parent is not None and match is not None and match[0].rule.kind != "other"
        and i1 < len(toks) and _may(ctx, toks, ctx.scope.subset_after) and ctx.scope.subset_after.at(toks, i1) is not None
        and (_cue_after(ctx, comp, toks, match[0].rule.id, i1) or _cue_right_before(ctx, comp, toks, match[0].rule.id, left))
    )
    if parent is not None and _escaped(ctx, toks, i1):
        return None  # "لكن 25 منهم تمكنوا من الفرار": those who got away are no part of the total
    if parent is not None and not subset_of_other_kind and _excluded_before(comp.by_id.get(parent.claim.rule), toks, left):
        # "تم التعرف على هويات 30 منهم", "غادر 500 منهم المستشفيات": the total's rule refuses the
        # words right before its part (its exclude_before), as it would refuse the figure alone
        return None
    if (
        parent is not None and not subset_of_other_kind
        and (match is None or match[3] != _VETOED) and (match is None or match[0].rule.kind != parent.claim.kind)
    ):
        own = _subset_own_verb(ctx, comp, toks, left, i1, parent.claim.kind)
        if own is not None:
            # "خطف مسلحون 90 طالبة، ثم أفرجوا عن 45 منهن": the part's own verb types it, before
            # its total's kind does
            subset_of_other_kind = True
            if match is None or match[0].rule.kind != own.rule.kind:
                match = (own, i1, 1.0, 0)
    if parent is not None and not subset_of_other_kind and (
        match is None or match[3] < 300
        # "أودى بحياة 22 شخصا، هم 20 رهينة": a noun that only says who they were (scope
        # status_part_of), or one that yields to its total's kind (rules yield_to), is a part
        # of a total of the kinds it may be a part of
        or parent.claim.kind in ctx.scope.status_part_of.get(match[0].rule.kind, ())
        or parent.claim.kind in match[0].rule.yield_to
    ):
        # "قتل 100 شخص، بينهم 35 طفلا": the subset has its total's kind, not a kind of its own
        match = (comp.by_id[parent.claim.rule], _noun_end(ctx, comp, toks, i1), 1.0, 0)
    if match is None and ctx.last_toll_rule is not None:
        # "وتحذر السلطات من أن الحصيلة قد ترتفع إلى 250": the toll named again without its kind
        # is the article's toll of the kind the word names, else the one it counted last
        again = _toll_anaphor(ctx, comp, toks, left, i1)
        if again is not None:
            match = (comp.by_id[again], i1, 1.0, 0)
    anaphoric = False  # counted through a pronoun after captives named again: a part of them
    if (match is None or (match[0].rule.kind == "other" and match[3] != _VETOED)) and ctx.last_captive is not None:
        # "والرهائن هم 46 تركيا": captives named again, counted through a pronoun
        again = _captive_anaphor(ctx, toks, left)
        if again is not None:
            match = (comp.by_id[again], _noun_end(ctx, comp, toks, i1), 1.0, 0)
            anaphoric = True
    if match is None:
        return None
    ck, noun_end, mult, _score = match
    if ck.rule.side_after:
        ck = _side_after(ctx, comp, ck, toks, noun_end if noun_end is not None else i1)
    ck = reversed_side(comp, ck, toks, left)  # "رُفض التعديل بأغلبية 114 صوتا مقابل 3"
    rule = ck.rule
    if rule.joint_occasions and noun_end is not None and _joint_occasions(ctx, rule, toks, left, i1, noun_end):
        return None  # "استخدمت روسيا والصين الفيتو ثلاث مرات": the times they acted together
    if n.dual_of and n.value == 1 and not rule.one_units and not n.one_person and not (n.one_length and rule.units):
        return None  # a unit of time alone ("بعد أسبوع") counts only for an elapsed-time rule
    if n.one_of and (not rule.counts_one_of or noun_end is None):
        return None  # "قال أحد المسؤولين": one of some people, no count of a kind
    right = noun_end if noun_end is not None else i1
    if qualifier not in ("range", "vague"):
        ha = _hedge_after(ctx, toks, right, fig)
        if ha is None and right == i1 and _subset_hedge_end(ctx, toks, right) is not None:
            ha = hedges.find_after(toks, right + 1)  # "34 منهم على الأقل"
        if ha is not None:
            if qualifier == "exact":
                qualifier = ha[0]
            right = ha[1]
    if qualifier == "exact" and left == i0:
        # "أكثر من 6000 طفل و4000 امرأة": a hedge before the first of two joined figures
        # covers the second too
        joined = _joined_to(ctx, toks, s_lo, left)
        if joined is not None and joined.claim.qualifier in _CARRIED_HEDGES:
            qualifier = joined.claim.qualifier

    value = n.value * mult
    if (mult != 1.0 or (rule.units and noun_end is not None)) and right < len(toks) \
            and toks[right].text == "ونصف" and not toks[right].brk_before:
        value = (n.value + 0.5) * mult  # "خمسة أشهر ونصف", "عام ونصف" (a unit of 1: a month)
        right += 1
    if qualifier == "range":
        lo_b, hi_b, lo_open, hi_open = n.low * mult, n.high * mult, False, False
    else:
        b = interval(value, qualifier, ctx.rules.hedges, (n.low * mult, n.high * mult) if qualifier == "vague" else None)
        lo_b, hi_b, lo_open, hi_open = b.low, b.high, b.low_open, b.high_open

    # the claim covers its number, a leading sign or decimal point included (".5", "-7")
    first, num_at = toks[left], n.num_nstart
    if first.forms == _ONE_FIRST and left + 1 < len(toks) and toks[left + 1].nstart == first.nstart:
        first, num_at = toks[left + 1], -1  # a noun read before its "one" ("ودولة واحدة"): its letters
        if not _is_counted_noun(ctx, comp, [Token(first.nstart, first.nend, first.text[1:], frozenset({first.text[1:]}), False)], 0):
            num_at = first.nstart  # the noun is the word with its "و" ("وزير واحد", not "زير"): no clitic
    c_start = min(toks[left].nstart, n.num_nstart) + _conjunction_len(first, num_at)
    c_end = max(toks[max(right, i1) - 1].nend if right > i0 else n.nend, n.num_nend)
    start, end, surface = ctx.original(c_start, c_end)
    num_s, num_e, _ = ctx.original(n.num_nstart, n.num_nend)
    sentence = ctx.sentence_text(s_lo, s_hi, n.nstart)[2]

    inferred: list[str] = []
    group = period = location = event = actor = attribution = cue_period = None
    lent = None  # the place the article lends the figure (its default place), when it does
    among = False  # a part of a whole named by "بين القتلى" (its list's next items are parts too)
    nationals_part = False  # a part of a toll named by a nationality (_nationals_part)
    if parent is not None and rule.id == parent.claim.rule:
        pc = parent.claim
        group = group_of(ctx.scope, toks, i1)
        if group is None or group == pc.group:  # "13 جنديا، بينهم … وجنديان": not the total's group
            group = _subset_group(ctx, toks, i1)
        period, location, event, actor = pc.period, pc.location, pc.event, pc.actor
        place = _subset_place(ctx, toks, right, origin=rule.kind == "displaced", span=(s_lo, s_hi))
        if place is not None:
            # "نزح 43 ألفا في شمال شرق ليبيا، منهم أكثر من 30 ألفا من درنة": a subset by place is
            # that place's figure, of the total's group
            location, group = place, pc.group
        before = group
        group = _nationals_part(ctx, toks, i1, right, rule.kind, group, location)
        nationals_part = group != before
        inferred = [a for a in pc.inferred if a != PLACE_FROM_ARTICLE]
        lent = pc.location if PLACE_FROM_ARTICLE in pc.inferred else None
        attribution = pc.attribution
    elif rule.kind != "other":
        named = group_of(ctx.scope, toks, i1)
        if named is None and rule.group is not None and not part_of_list:
            named = subject_group(ctx.scope, toks, left)  # "عدد قتلى رجال الإطفاء بلغ 92"
            if named is None and (sibling is None or earlier):
                # (a bare earlier value, "بعد أن كانت 110", too: its sibling is the claim before)
                named = _earlier_account_group(ctx, toks, s_lo, left, rule.kind)
        group = named or (_part_group(ctx, toks, left) if part_of_list else rule.group)
        if named is None and (group == rule.group or part_of_list):
            # a breakdown by the section each item is taken from ("187 تلميذا من القسم الثانوي
            # و125 من القسم الابتدائي"): every item, the first too, is a part named by its section
            section = _section_of(ctx, toks, i1 if part_of_list else right, following=not part_of_list)
            if section is not None:
                group = section
        # "خطف سبعة مهندسين، وأفرج عن خمسة منهم": those freed of the captives held are the release
        # itself (rules/scope.yaml `released_of_held`), not a part of another release
        whole_release = subset_of_other_kind and parent is not None and parent.claim.kind in \
            ctx.scope_rules.released_of_held.get(rule.kind, ())
        if (subset_of_other_kind and not whole_release) or (
            group == rule.group and not part_of_list and sibling is None and left > 0
            and not toks[left].brk_before and _may(ctx, toks, ctx.scope.additive)
            and ctx.scope.additive.ending_at(toks, left) is not None
            and not _after_other_kind(ctx, s_lo, rule.kind)
        ):
            # (or "عن فلان، إضافة إلى 4 مقاتلين": the others besides someone named, a part)
            group = "subset"
        elif group == rule.group and not part_of_list and _of_a_total_after(ctx, comp, toks, rule.kind, right):
            group = "subset"  # "استقبل 48 جريحا، بينهم طفلان، من أصل 140 جريحا": part of the total
        elif group == rule.group and not part_of_list and _partitive_of_whole_after(ctx, toks, rule.kind, i1, right):
            group = "subset"  # "أصيبت 18 من شاحنات القافلة البالغ عددها 31": part of the stated whole
        elif group == rule.group and (anaphoric or (
                sibling is not None and not earlier
                and ((sibling.claim.group or "").startswith("subset:") or sibling.among)
                and sibling.claim.rule == rule.id)):
            # "والرهائن هم 46 تركيا و3 عراقيين": the Turks among them, and the next item of the list
            group = _subset_group(ctx, toks, i1)
        cue_period = period_of(ctx.scope, toks, left, right, ctx.info(toks),
                               event_clause_for(ctx.rules.directory),
                               day_cues=rule.kind not in ctx.scope_rules.day_dated_kinds)
        period = cue_period or rule.period
        if n.form == "ordinal" and cue_period is None and rule.ordinal_period:
            period = rule.ordinal_period  # "للمرة السابعة عشرة": the count so far
        if n.superseded:
            period = "superseded"  # the old figure of a change: never compared with the new total
        if rule.kind not in _PEOPLE_KINDS_WITHOUT_LOCATION and rule.group is not None:
            clause_end = _clause_end(ctx, toks, right)
            places = ctx.locations_in(s_lo, s_hi)
            location, ambiguous = None, False
            figures = _placed_between(ctx, s_lo, s_hi)  # (a place right after one is its own)
            wall = last_barrier(ctx.scope, toks, left, ctx.info(toks), after=True)
            if wall > 0:
                # "… أجليت إلى مدينة خاركيف، مشيرة إلى أن 3.7 مليون شخص نازحون داخل أوكرانيا":
                # a place of the figure's own reported clause wins over one before it
                location, ambiguous = places.pick(toks[wall].nstart, clause_end, n.nstart, c_end, figures)
            if location is None:
                location, ambiguous = places.pick(s_lo, clause_end, n.nstart, c_end, figures)
            if location is None:
                # "لقي 40 شخصا، بينهم أطفال، حتفهم في ولاية آسام": the figure's clause goes on
                # past an aside naming a part, and names the place there
                past = _clause_past_aside(ctx, toks, right)
                if past is not None:
                    location, ambiguous = places.pick(past[0], past[1], n.nstart, c_end, figures)
            if location is None and ctx.location is None and ctx.states_combination:
                # an article that sums two countries' figures or more: the one its clause names by
                # adjective ("وفي الجانب التايلاندي، ارتفع عدد القتلى إلى 20", "أعلنت وزارة الدفاع
                # الكمبودية حصيلة بلغت 13 قتيلا")
                location = _adjective_country(ctx, s_lo, s_hi, clause_end, n.nstart, c_end)
                if location is not None:
                    inferred += ["location", PLACE_FROM_SIDE]
            elif (location is None and ctx.location is not None and ctx.gaz.default_side_heads
                  and rule.kind in ctx.rules.gazetteer.default_side_kinds):
                # the article's default place is in another country than the side or authority
                # its clause names ("نيروبي - قالت السلطات التنزانية إن 155 شخصا قتلوا")
                location = _adjective_country(ctx, s_lo, s_hi, clause_end, n.nstart, c_end,
                                              heads=ctx.gaz.default_side_heads, besides=ctx.location)
                if location is not None:
                    inferred += ["location", PLACE_FROM_SIDE]
            if location is None:
                location = lent = ctx.location
                if location is not None:
                    inferred.append("location")
            elif ambiguous:
                inferred.append("location")
            if _names_the_country(ctx, toks, left, right):
                # "عدد القتلى في البلاد": the country's figure, not a region's; at no place, the
                # one country the article names ("وزارة الصحة الإندونيسية", its dateline)
                if location is not None:
                    chain = ctx.gaz.parent_chain(location)
                    location = chain[-1] if chain else location
                    if lent is not None:
                        lent = location
                elif len(ctx.named_countries) == 1:
                    location = lent = next(iter(ctx.named_countries))
                    inferred.append("location")
            if (
                part_of_list and location is not None and _place_after(ctx, toks, i1)
                and (sibling.claim.location not in (None, location)
                     or (left > 0 and toks[left - 1].text in ctx.scope.place_contrast_joiners))
            ):
                # a breakdown by named places ("72 قتيلا في الهند و25 في الصين"): the place
                # tells the items apart, the group is the list's
                group = sibling.claim.group
            item = _place_first_item(ctx, toks, s_lo, left) if part_of_list else None
            b_item = _b_item(ctx, toks, s_lo, left) if part_of_list and item is None else None
            if b_item is not None and b_item[0] is sibling and sibling.claim.location is None:
                group = b_item[1]  # "ومحافظة باء بنحو 14 ألفا": a part named by its own place
            elif item is not None and item[0] is sibling:
                # "…، وبلد باء 70 ألفا": the item's own place, before its figure
                location = item[1]
                if sibling.claim.location not in (None, location) and not _named_part(sibling.claim.group):
                    group = sibling.claim.group  # (an item of a list named by its words keeps its own name)
            elif _in_brackets(ctx, toks, left, i1):
                # "بين الصين القارية (349) وهونغ كونغ (299)": the place right before the bracket
                own = _place_before(ctx, places, toks, left)
                if own is not None:
                    location = own
                    if part_of_list and sibling.claim.location not in (None, location) and not _named_part(sibling.claim.group):
                        group = sibling.claim.group  # the places tell the items apart
            if named is None and not earlier and (group == rule.group or (group or "").startswith("part")):
                # ... by places the gazetteer does not know ("بين 12 في بلدة ألف و5 في بلدة
                # باء"): each item is a part named by its own place, not the whole toll
                own = _unknown_place_item(ctx, toks, s_lo, left, right, rule.kind, places)
                if own is not None:
                    group = own
        sr = ctx.scope_rules
        if (sr.nationals_group and rule.kind in sr.nationals_kinds and group == rule.group
                and i1 < len(toks) and right > i1 and not toks[i1].is_digit()):
            # "بين القتلى 43 سوريا" in Beirut: Syrians there, part of the foreigners, not the toll
            country = ctx.gaz.nationals_of(toks[i1], location, sr.nationality_homes)
            if country is not None:
                group = f"{sr.nationals_group}:{country}"
        else:
            before = group
            group = _nationals_part(ctx, toks, i1, right, rule.kind, group, location)
            nationals_part = nationals_part or group != before
        if (sr.nationals_group and rule.kind in sr.nationals_kinds and group == rule.group
                and location is not None and (sr.nationals_side_words or sr.own_nationals_words)):
            # "41 شخصا قتلوا على الجانب الطاجيكي", "أعلنت طاجيكستان مقتل 35 شخصا من مواطنيها"
            country = _nationals_named(ctx, toks, left, right)
            if country is not None and ctx.gaz.abroad(country, location, sr.nationality_homes):
                group = f"{sr.nationals_group}:{country}"
        if (sr.in_care_group and rule.kind in sr.in_care_kinds and group == rule.group
                and _in_care(ctx, toks, left, right)):
            group = sr.in_care_group  # "لا يزال 120 مصابا في المستشفيات": a part of the injured
        if (sr.shelter_group and rule.kind in sr.shelter_kinds and group == rule.group
                and _in_shelter(ctx, toks, right)):
            group = sr.shelter_group  # "يقيم نحو 8 آلاف في الملاجئ": a part of the displaced
        if not part_of_list and sibling is None and _may(ctx, toks, ctx.scope.among_wholes) and (
            _among_whole_before(ctx, toks, left) or _among_whole_after(ctx, toks, right)
        ) or (not part_of_list and sibling is None and rule.kind == "killed" and _victims_before_part(ctx, comp, toks, left)):
            # "ومن بين القتلى 16 عاملا", "30 سائحا بين القتلى الـ38": a part of the dead named by
            # its own noun (a nationality or a named group above keeps its name)
            among = True
            if group == rule.group:
                # (a nationality names its nationals, as "بينهم 12 فرنسيا" does: `_nationals_part`)
                group = _nationals_part(ctx, toks, i1, right, rule.kind, _subset_group(ctx, toks, i1), location)
        event, ev_inferred = _event(ctx, ck, toks, left, right, n.nstart)
        if ev_inferred:
            inferred.append("event")
        if rule.actor:
            actor = positions.nearest_member(ctx, toks, left, right)
        att = attribution_of(ctx.scope, toks, left, right, comp.all_cues, ctx.info(toks))
        if att is not None:
            a_s, a_e, _ = ctx.original(toks[att[0]].nstart, toks[att[1] - 1].nend)
            attribution = ctx.doc.text[a_s:a_e]

    # periods, basis and events of rules/periods.yaml, basis.yaml, events.yaml
    basis = "count"
    if rule.kind != "other":
        found, overrides = period_cue(ctx, s_lo, s_hi, c_start, c_end, clause_only=parent is not None, kind=rule.kind)
        if period != "superseded" and found and (overrides or not (found == "cumulative" and parent is None and cue_period)):
            period = found
        basis = basis_near(ctx, s_lo, s_hi, c_start, c_end)
        if basis == "projection":
            period = "projection"
        event = event_near(ctx, rule.kind, s_lo, s_hi, c_start, c_end, event, period)
    if getattr(rule, "value_event", None) and not _past_length(rule, event):
        event = f"{rule.value_event}:{_num(value)}"  # "window:3": a 3-day window is no 5-day one

    if lent is not None and location == lent and "location" in inferred:
        inferred.append(PLACE_FROM_ARTICLE)  # a default only (crosscheck.reconcile.weak_places)
    claim = _new_claim(
        doc=ctx.doc.id,
        kind=rule.kind,
        value=_num(value),
        low=_round(lo_b),
        high=_round(hi_b),
        low_open=lo_open,
        high_open=hi_open,
        qualifier=qualifier,
        group=group,
        location=location,
        period=period,
        event=event,
        basis=basis,
        attribution=attribution,
        actor=actor,
        start=start,
        end=end,
        surface=surface,
        sentence=sentence,
        rule=rule.id,
        number_start=num_s,
        number_end=num_e,
        inferred=inferred,
        warnings=ctx.bidi.warnings(num_s, num_e),
    )
    if nationals_part and (group or "").startswith(ctx.scope_rules.nationals_group + ":"):
        ctx.nationals_part_starts.add(start)
    noun = toks[i1].forms if i1 < len(toks) and right > i1 and not toks[i1].is_digit() else frozenset()
    off = getattr(toks, "offset", 0)
    # "29 جثة، فضلا عن 48 جريحا بينهم 30 طفلا": a figure of its own kind after an additive marker
    # is no part of the figure before it, so the subsets that follow it are its own
    own_parent = parent if parent is not None and parent.claim.rule == rule.id else None
    placed = ctx.sentence_claims.get(s_lo)
    if placed is None:
        placed = ctx.sentence_claims[s_lo] = deque(maxlen=_placed_max(ctx.rules))
    reach = placed[-1].reach if placed else -1
    if rule.kind != "other" and left + off > reach:
        reach = left + off
    # placed claims keep sentence indexes: a dual split in two tokens ("وشرطيان" read as "2 شرطي")
    # ends one token earlier in its sentence than in its window ("وشرطيان ومدني واحد"); only a
    # true dual's (value 2): a singular item read so ("وهولندي" as "1 هولندي") keeps its end, so
    # a second singular item after it ("وهولندي وسويدي") is no same-key copy of it (the two
    # would be one claim's mentions; tests/test_list_end_nationals.py)
    placed_right = right - 1 if split >= 0 and right > split + 1 and n.value == 2 else right
    placed.append(_Placed(claim, left + off, placed_right + off, own_parent, noun, reach, among))
    if rule.kind in ctx.scope.toll_anaphor_kinds and period not in ("superseded", "projection"):
        ctx.last_toll_rule = ctx.toll_rules[rule.kind] = rule.id
    if rule.kind in ctx.scope.captive_kinds:
        ctx.last_captive = (rule.kind, rule.id)
        ctx.captive_rules.pop(rule.kind, None)
        ctx.captive_rules[rule.kind] = rule.id
    return claim


def _state_after(ctx: DocContext, comp: Compiled, toks: Sequence[Token], noun: int, at: int) -> CompiledKind | None:
    """The rule of the state named right after a definite figure read noun first (its noun at
    toks[noun], the word after them at toks[at]; rules/scope.yaml state_after_*): "العمال الـ38
    الذين ظلوا في عداد المفقودين" (a cue of a state kind in the relative clause), "الرهائن الـ53
    المحتجزين" (the participle's own cue right after the figure).  (A release the state overrides
    only when asked for or attempted: _claim, scope state_after_undone.)"""
    sc = ctx.scope
    if at >= len(toks) or toks[at].brk_before:
        return None
    if not (_is_counted_noun(ctx, comp, toks, noun) or ctx.nisba.people(toks[noun])):
        return None  # the definite noun counts people ("العمال", "الرهائن"), not things
    # (a rule never reads the people its not_nouns name: "الأعضاء الستة الباقون" are no hostages)
    rules = [comp.by_id[k] for k in sc.state_after_kinds
             if k in comp.by_id and not (comp.by_id[k].not_nouns is not None and comp.by_id[k].not_nouns.at(toks, noun))]
    t = toks[at]
    if not t.forms.isdisjoint(sc.state_after_relatives):
        end = at + 1
        while end < len(toks) and end - at <= sc.state_after_window and not toks[end].brk_before:
            end += 1
        for k in range(at + 1, end):
            if toks[k].is_digit():
                return None
            for ck in rules:
                if ck.exclude.at(toks, k):
                    return None
            for ck in rules:
                hit = ck.cues.at(toks, k)
                if hit is not None and hit[1] <= end:
                    return ck
        return None
    if t.text.lstrip("وفبل").startswith("ال"):
        for ck in rules:
            hit = ck.cues.at(toks, at)
            if hit is not None and hit[1] == at + 1:
                return ck  # a participle of one word ("المحتجزين", "المفقودين")
    return None


def _untyped(match) -> bool:
    """No kind for the figure yet: no match, or `other` not vetoed (a later reading may type it)."""
    return match is None or (match[0].rule.kind == "other" and match[3] != _VETOED)


def _own_predicate(ctx: DocContext, comp: Compiled, toks: Sequence[Token], i1: int, match) -> tuple | None:
    """(compiled rule, end of the counted people) of the rule whose own_predicate follows the
    figure ending at toks[i1] in its clause, or None.  Read from the end of the figure's people
    (the match's noun, else a person noun, else the figure) at most the rule's
    own_predicate_reach words on; a clause break, another figure, a clause opener or a cue of
    another kind ends the search (their predicate is another figure's or another clause's).  A
    counted noun of another kind right after the figure keeps its own kind ("350 قتيلا")."""
    index = ctx.cue_index(comp.own_predicates, toks)
    if not any(index.has(kind_id) for kind_id in comp.own_rule_ids):
        return None  # (no such phrase in the sentence: one scan of it, once)
    end = match[1] if match is not None and match[1] is not None else _person_end(ctx, toks, i1)
    if end is None or end < i1:
        end = i1
    cues = ctx.cue_index(comp.tagged_cues, toks)
    openers = _predicate_for(ctx.rules.hedges).openers
    k = end
    passed = False  # a cue of the figure's own kind passed (its people's relative clause)
    while k < len(toks):
        if toks[k].brk_before:
            return None
        for _s, _e, p in index.starting_at(k):
            ck = comp.by_id.get(p.payload)
            if ck is not None and k - end <= ck.rule.own_predicate_reach:
                over = match is not None and match[0].rule.id in ck.rule.own_predicate_over
                yields = match is not None and (ck.rule.id in match[0].rule.yield_after or over)
                if ck.rule.own_predicate_yielders_only and (not yields or _verb_of_captors(ctx, toks, k, _e)):
                    continue  # (only over a counted noun that yields to it: "5 مسلحين قتلوا جنديين")
                if passed and not over:
                    return None  # the cue passed is the figure's predicate
                if match is not None and match[0].rule.kind not in ("other", ck.rule.kind) and not yields and (
                    match[0].nouns.at(toks, i1) is not None
                    or (i1 + 1 < len(toks) and "من" in toks[i1].forms and match[0].nouns.at(toks, i1 + 1) is not None)
                ):
                    return None  # another kind's counted noun keeps its kind ("350 قتيلا")
                return ck, end
        if k - end >= comp.own_reach:
            return None
        t = toks[k]
        skip = _subset_of_people_end(ctx, toks, k)
        if skip is not None:
            k = skip  # "29 شخصا بينهم 5 نساء لا يزالون في عداد المفقودين": the part is an aside
            continue
        if t.is_digit() or _starts_number(ctx, t) or not t.forms.isdisjoint(openers) or not t.forms.isdisjoint(comp.own_stops):
            return None
        at_k = [p.payload for _s, _e, p in cues.starting_at(k)]
        if match is not None and match[0].rule.id in comp.own_over and match[0].rule.id in at_k:
            passed = True  # "ممن خطفوا": the clause that typed the figure; a predicate may follow
        if passed:
            at_k = ()  # (the clause's own words: "خطفوا خلال هجوم المسلحين على الإقليم")
        for payload in at_k:
            kind = _KIND_OF_RULE.get(payload)
            if kind is not None and kind not in comp.own_kinds:
                return None  # "40 شخصا قتلوا وآخرون ما زالوا مفقودين": the cue is the figure's predicate
        k += 1
    return None



def _verb_of_captors(ctx: DocContext, toks: Sequence[Token], k: int, e: int) -> bool:
    """The verb at toks[k:e] opens a clause of its own rather than telling what befell the
    people before it: joined by "و" ("احتجزوا 40 رهينة في المبنى وقتلوا ثلاثة منهم"), or with a
    count of its own after it (a figure, a part: "قتلوا اثنين", "قتل منهم 3")."""
    if toks[k].text.startswith("و"):
        return True
    return e < len(toks) and not toks[e].brk_before and (
        toks[e].is_digit() or _starts_number(ctx, toks[e]) or ctx.scope.subset_after.at(toks, e) is not None
    )


def _subset_of_people_end(ctx: DocContext, toks: Sequence[Token], k: int) -> int | None:
    """Index after a part of people told as an aside at toks[k] ("بينهم 5 نساء", "منهم ثلاثة
    أطفال": a subset marker, a figure, a person noun), or None.  The predicate after it is still
    the whole's; a part with no person noun (a counted noun of a kind: "بينهم 5 قتلى") is none."""
    if toks[k].brk_before or toks[k].forms.isdisjoint(ctx.scope.people_markers):
        return None
    j = n0 = k + 1
    while j < len(toks) and not toks[j].brk_before and j - n0 < 3 and (toks[j].is_digit() or _starts_number(ctx, toks[j])):
        j += 1
    if j == n0 or j >= len(toks) or toks[j].brk_before:
        return None
    end = _person_end(ctx, toks, j)
    return end if end > j else None


def _reach_subject_kind(ctx: DocContext, comp: Compiled, toks: Sequence[Token], j: int) -> str | None:
    """The kind toks[j] names as a subject (scope reach_subject_nouns, a possessive form of one
    included), or a toll head's (reach_subject_tolls) when the word after it is no counted noun
    or cue of a kind ("حصيلة الإعصار"; "حصيلة الإصابات" is the kind rules' to read); else None."""
    sc = ctx.scope
    t = toks[j]
    forms = _possessed(t) or t.forms
    for f in forms:
        k = sc.reach_subject_nouns.get(f)
        if k is not None:
            return k
    for f in t.forms:
        k = sc.reach_subject_tolls.get(f)
        if k is not None:
            nxt = j + 1
            if nxt < len(toks) and not toks[nxt].brk_before and (
                _is_counted_noun(ctx, comp, toks, nxt) or _toll_kind_cue_at(ctx, comp, toks, nxt)
            ):
                return None
            return k
    return None


def _toll_kind_cue_at(ctx: DocContext, comp: Compiled, toks: Sequence[Token], k: int) -> bool:
    """Does a cue of a rule that counts people (no length rule: "موجة الحر" only names the event
    a span is of) start at toks[k]?"""
    if not comp.all_cues.at(toks, k):
        return False
    index = ctx.cue_index(comp.tagged_cues, toks)
    return any(
        (ck := comp.by_id.get(str(p.payload))) is None or not ck.rule.units for _s, _e, p in index.starting_at(k)
    )


def _reach_subject(ctx: DocContext, comp: Compiled, toks: Sequence[Token], left: int, i0: int) -> CompiledKind | None:
    """The kind rule of the subject of the verb of exceeding or reaching a figure at toks[i0]
    completes (rules/scope.yaml reach_subject_*): the verb in the figure's hedge or right before
    it ("إلى" or a threshold word between), its subject a noun of a kind heading its noun phrase,
    before the verb ("وفيات حمى الضنك تتخطى 750") or right after it ("تجاوزت حصيلة المدينة 100",
    "يتجاوز عدد النازحين 5000"); None over a relative clause, two kinds, a clause break or a figure."""
    sc = ctx.scope
    verbs, between = sc.reach_subject_verbs, sc.reach_subject_between
    v = -1
    after = False  # the subject between the verb and the figure
    for k in range(i0 - 1, max(-1, i0 - 3 - sc.reach_subject_window), -1):
        if toks[k + 1].brk_before:
            return None
        if not toks[k].forms.isdisjoint(verbs):
            v = k
            break
        if k < left and toks[k].forms.isdisjoint(between):
            after = True
    if v < 0:
        return None
    heads = _predicate_for(ctx.rules.hedges).heads
    kinds: set[str] = set()
    found = -1
    # before the verb: the subject, its modifiers after it, a modal between
    j = v - 1
    while not after and j >= 0 and v - j <= sc.reach_subject_window and not toks[j + 1].brk_before:
        t = toks[j]
        if t.is_digit() or not t.forms.isdisjoint(sc.reach_subject_relatives):
            return None
        k = _reach_subject_kind(ctx, comp, toks, j)
        if k is not None:
            kinds.add(k)
            initial = (
                j == 0 or t.brk_before or (t.text[0] in _CONJ_LETTERS and t.text[1:] in t.forms)
                or not toks[j - 1].forms.isdisjoint(heads) or not toks[j - 1].forms.isdisjoint(sc.statement_openers)
            )
            if initial and found < 0:
                found = j
        j -= 1
    if after and v + 1 < i0:
        # after the verb: "تجاوزت حصيلة المدينة 100", "تجاوز عدد النازحين في المخيمات 5000"
        span = range(v + 1, i0)
        if any(toks[x].is_digit() or toks[x].brk_before or not toks[x].forms.isdisjoint(sc.reach_subject_relatives)
               for x in span):
            return None
        j = v + 1
        if not toks[j].forms.isdisjoint(heads) and j + 1 < i0 and _reach_subject_kind(ctx, comp, toks, j + 1):
            j += 1
        k = _reach_subject_kind(ctx, comp, toks, j)
        if k is not None:
            kinds.add(k)
            found = j
        for x in span:
            if x != found:
                other = _reach_subject_kind(ctx, comp, toks, x)
                if other is not None:
                    kinds.add(other)
    if found < 0 or len(kinds) != 1:
        return None
    return comp.by_id.get(kinds.pop())


def _toll_anaphor(ctx: DocContext, comp: Compiled, toks: Sequence[Token], left: int, i1: int) -> str | None:
    """The rule of the toll a bare figure at toks[left:i1] is the predicate of, when that toll is
    named without its kind ("الحصيلة قد ترتفع إلى 250", scope `toll_anaphors`): a reach verb right
    before it, the anaphor at most the predicate window before that, in its clause, with no figure
    between.  The anaphor's own kind ("الحصيلة": the dead) when the article gave one, else the last."""
    words = ctx.scope.toll_anaphors
    if not words or _head(ctx, comp, toks, i1) != "bare":
        return None
    said = _toll_restated(ctx, toks, left)
    if said is not None:
        # a figure restated as what the toll was ("الرقم الذي أعلن أمس، وهو 34") is the dead's
        # when the word names no kind and the article gave a toll of the dead: the toll a
        # correction is about, not the injured named last ("31 قتيلا و270 جريحا")
        own = words[said] or ctx.scope.toll_restated_default
        return ctx.toll_rules.get(own, ctx.last_toll_rule) if own else ctx.last_toll_rule
    pred = _predicate_for(ctx.rules.hedges)
    if not _reached(ctx, pred, toks, left) and all(t.forms.isdisjoint(pred.reach) for t in toks[left:i1]):
        return None  # (the reach verb may be in the hedge: "قد يرتفع إلى 100 ألف")
    k = left - 1
    while k >= 0 and left - k <= pred.window:
        if toks[k].text in words:
            if _claim_between(ctx, toks, k, left):
                return None
            own = words[toks[k].text]
            return ctx.toll_rules.get(own, ctx.last_toll_rule) if own else ctx.last_toll_rule
        if toks[k].brk_before or toks[k].is_digit():
            return None
        k -= 1
    return None


def _toll_restated(ctx: DocContext, toks: Sequence[Token], left: int) -> str | None:
    """The toll anaphor a bare figure at toks[left] states the value of without a reach verb
    (scope toll_anaphor_copulas / toll_anaphor_pronouns): "وكانت الحصيلة 12 يوم الخميس" (copula,
    anaphor, figure), "الرقم الذي أعلنته الدائرة أمس، وهو 92" (anaphor, an aside of at most
    toll_anaphor_reach words with no figure, a comma, the pronoun, figure)."""
    sc, words = ctx.scope, ctx.scope.toll_anaphors
    if left >= 2 and not toks[left].brk_before and toks[left - 1].text in words and not toks[left - 1].brk_before \
            and toks[left - 2].text in sc.toll_anaphor_copulas:
        return toks[left - 1].text
    if left >= 1 and not toks[left].brk_before and toks[left - 1].text in sc.toll_anaphor_pronouns and toks[left - 1].brk_before:
        k = left - 2
        while k >= 0 and left - 1 - k <= sc.toll_anaphor_reach and not toks[k].is_digit():
            if toks[k].text in words:
                return toks[k].text
            if toks[k].brk_before:
                return None  # the aside is one clause
            k -= 1
    return None


def _escaped(ctx: DocContext, toks: Sequence[Token], i1: int) -> bool:
    """Does the figure's own verb, right after it or after its "منهم", say they got away (scope
    `subset_escapes`)?"""
    k = i1
    if k < len(toks) and not toks[k].brk_before and ctx.scope.subset_after.at(toks, k) is not None:
        k += 1
    return k < len(toks) and not toks[k].brk_before and ctx.scope.subset_escapes.at(toks, k) is not None


def _subset_own_verb(
    ctx: DocContext, comp: Compiled, toks: Sequence[Token], left: int, i1: int, total_kind: str
) -> CompiledKind | None:
    """The rule a part of a total is typed by through its own clause (scope `subset_verbs`): the
    words right before the figure ("أفرجوا عن 45 منهن") and/or right after it ("30 منهن عدن"),
    in its clause; a rule of another kind than its total's, that holds in the article."""
    before_ok = left > 0 and not toks[left].brk_before
    after_ok = i1 < len(toks) and not toks[i1].brk_before
    for rid, before, after in ctx.scope.subset_verbs:
        if before is not None and not (before_ok and before.ending_at(toks, left) is not None):
            continue
        if after is not None and not (after_ok and after.at(toks, i1) is not None):
            continue
        ck = comp.by_id.get(rid)
        if ck is None or ck.rule.kind == total_kind:
            continue
        if (ck.article_needs or ck.article_phrases) and not (
            ctx.mentions_any(ck.article_needs) or (ck.article_phrases and _in_article(ctx, ck.article_phrases))
        ):
            continue
        return ck
    return None


def _captive_anaphor(ctx: DocContext, toks: Sequence[Token], left: int) -> str | None:
    """The rule of the article's last claim about captives when the figure at `left` follows a
    pronoun (scope `captive_copulas`) right after a word naming captives again (`captive_anaphors`,
    a comma between allowed): "والرهائن هم 46 تركيا", "وكان المحررون، وهم 46 تركيا"."""
    if left < 2 or toks[left].brk_before or toks[left - 1].forms.isdisjoint(ctx.scope.captive_copulas):
        return None
    last = ctx.last_captive
    for k in (left - 2, left - 3):  # the word, or its two words ("المفرج عنهم")
        if k < 0:
            break
        kinds = ctx.scope.captive_anaphors.get(" ".join(t.text for t in toks[k:left - 1]))
        if kinds is not None:
            held = ctx.scope.captive_held_rule
            if held is not None and _still_held_after(ctx, toks, left):
                # "وأشارت المصادر إلى أن الرهائن، وهم تسعة ألمان وأربعة سويسريين، يعانون من
                # الإرهاق بعد أربعة أشهر في الأسر": the sentence tells them held, whatever
                # release the article told last
                kid, hkind = held
                if hkind in kinds:
                    return kid
            if last is not None and last[0] in kinds:
                return last[1]
            # "المفرج عنهم، وبينهم 6 نساء" after "لا يزال 49 في قبضة الخاطفين": the freed named
            # again are the article's latest freed, not its latest captives still held
            named = [r for kind, r in ctx.captive_rules.items() if kind in kinds]
            return named[-1] if named else None
    return None


_HELD_REACH = 40  # words after a captive anaphor's figure read for its captivity


def _still_held_after(ctx: DocContext, toks: Sequence[Token], left: int) -> bool:
    """Does the sentence after the figure at `left` (at most _HELD_REACH words) tell captivity
    (scope `captive_held_after`: "في الأسر", "لا يزالون") and no release (`captive_freed_after`)?
    Read once per figure right after a captive anaphor's pronoun: bounded work."""
    held_words, freed_words = ctx.scope.captive_held_after, ctx.scope.captive_freed_after
    if not held_words:
        return False
    held = False
    end = min(len(toks), left + _HELD_REACH)
    for k in range(left, end):
        one = toks[k].text
        two = one + " " + toks[k + 1].text if k + 1 < end else None
        if one in freed_words or (two is not None and two in freed_words):
            return False
        if one in held_words or (two is not None and two in held_words):
            held = True
    return held


# _claim asks _cannot_be_a_claim first (tests/test_extract_fastpaths.py turns it off to compare)
_FAST_DROP = True


def _cannot_be_a_claim(ctx: DocContext, comp: Compiled, toks: Sequence[Token], s_lo: int, i1: int, n: _Num) -> bool:
    """A figure that no path of _claim can turn into a claim, told in O(1) before any rule work:
    no claim before it in its sentence (so no total it is a subset of, no list it continues),
    no counted noun can start after it, no kind rule has a cue in the sentence, and what
    follows it is no noun ("ألف ألف ألف …": every figure is followed by another number).
    _claim would then find no kind in _best_kind (its rules are those with a noun after the
    figure or a cue in the sentence) and read the figure as "other" only before a noun.
    Dual nouns and a non-digit "one" (read noun-first) rewrite their tokens: never dropped here."""
    if n.dual_of or (n.value == 1 and not n.digits and not n.is_range) or ctx.sentence_claims.get(s_lo):
        return False
    ordinal = n.form == "ordinal"
    if not ordinal and i1 < len(toks) and not toks[i1].brk_before:
        t1 = toks[i1]
        keys = comp.noun_keys
        if comp.noun_loose or not t1.forms.isdisjoint(keys):
            return False
        if "من" in t1.forms and i1 + 1 < len(toks) and not toks[i1 + 1].forms.isdisjoint(keys):
            return False
    info = ctx.info(toks)
    kinds = info._memo.get(("cue_kinds", id(comp)))  # (info.get without making its builder)
    if kinds is None:
        kinds = _cue_kinds_of(ctx, comp, toks)
    if kinds:
        return False
    if ctx.last_toll_rule is not None and ctx.scope.toll_anaphors and info.get(
        ("toll_anaphor",), lambda: any(t.text in ctx.scope.toll_anaphors for t in toks)
    ):
        return False  # "الحصيلة قد ترتفع إلى 250": a toll named again (_toll_anaphor)
    if ctx.scope.reach_subject_tolls and info.get(
        ("reach_subject_toll",), lambda: any(
            not t.forms.isdisjoint(ctx.scope.reach_subject_tolls) or not t.forms.isdisjoint(ctx.scope.reach_subject_nouns)
            for t in toks
        )
    ):
        # "تجاوزت حصيلة الإعصار 100", "تجاوز عدد وفياتها 2200": a toll or a noun of a kind the
        # subject of the figure's verb (_reach_subject)
        return False
    return ordinal or n.form == "vague" or _head(ctx, comp, toks, i1) == "bare"


# Every claim above is made with the same keyword arguments, so pydantic's record of the fields
# set (a set of ~25 names, 2.2 KB) is the same for all: claims share one (a 4 MB text of figures
# has ~70,000 claims).  Nothing reads it but `exclude_unset`, which crosscheck never uses.
_FIELDS_SET: set[str] | None = None


# The extractor's own claims are made from values it has already typed (_claim_types checks
# them in the tests), so they are not validated again field by field: pydantic's __init__ was
# ~10 us of a figure's ~180 (a dense sentence has ~18,000 figures per MB).  Tests turn this off to
# compare with the validated model.
_VALIDATE_CLAIMS = False
_CLAIM_FIELDS = tuple(Claim.model_fields)
# every field in the model's order: its default, None for a required one (always given) and for
# a list field (filled in by _new_claim)
_CLAIM_TEMPLATE: dict[str, Any] = {
    k: None if f.is_required() or f.default_factory is not None else f.default for k, f in Claim.model_fields.items()
}
_CLAIM_LISTS = tuple(k for k, f in Claim.model_fields.items() if f.default_factory is list)
# the list fields an empty claim_copy.EMPTY stands for (one shared, unwritable empty list; not
# `mentions`, which the merger gives every claim as its own list)
_SHARED_EMPTY = frozenset(SHARED_EMPTY_FIELDS)


def _new_claim(**fields: Any) -> Claim:
    """Claim(**fields) with the extractor's typed values: every field given or defaulted (a list
    field but `mentions` not given or given empty the shared claim_copy.EMPTY), no field unknown; fields set
    shared (_share_fields_set)."""
    if _VALIDATE_CLAIMS:
        claim = Claim(**fields)
        _share_fields_set(claim)
        return claim
    values = _CLAIM_TEMPLATE.copy()  # (update keeps the template's order)
    values.update(fields)
    if len(values) != len(_CLAIM_FIELDS):
        raise TypeError(f"unknown claim fields: {sorted(set(values) - set(_CLAIM_FIELDS))}")
    for k in _CLAIM_LISTS:
        if k not in fields:
            values[k] = [] if k == "mentions" else EMPTY
        elif k in _SHARED_EMPTY and type(fields[k]) is list and not fields[k]:
            values[k] = EMPTY
    # an exact figure's two ends, and a number starting its claim, one object for both fields
    # (an equal immutable value; not a zero, whose sign a float keeps)
    low, high = values["low"], values["high"]
    if high is not low and type(high) is float and type(low) is float and high == low and high != 0:
        values["high"] = low
    start, ns = values["start"], values["number_start"]
    if ns is not start and type(ns) is int and type(start) is int and ns == start:
        values["number_start"] = start
    claim = Claim.__new__(Claim)
    object.__setattr__(claim, "__dict__", values)
    object.__setattr__(claim, "__pydantic_extra__", None)
    object.__setattr__(claim, "__pydantic_private__", None)
    global _FIELDS_SET
    if _FIELDS_SET is None or not _FIELDS_SET.issuperset(fields):
        _FIELDS_SET = set(fields) | (_FIELDS_SET or set())
    object.__setattr__(claim, "__pydantic_fields_set__", _FIELDS_SET)
    return claim


def _share_fields_set(claim: Claim) -> None:
    global _FIELDS_SET
    mine = claim.__pydantic_fields_set__
    if _FIELDS_SET is None or not mine <= _FIELDS_SET:
        _FIELDS_SET = set(mine) | (_FIELDS_SET or set())
    object.__setattr__(claim, "__pydantic_fields_set__", _FIELDS_SET)


# A claim that rewrites a token works on its own copy of this many tokens either side of its
# figure (not of the whole sentence: a sentence of many such figures stays linear).
_WINDOW = 100


def _window(toks: Sequence[Token], i: int) -> tuple[TokenWindow, int]:
    """A claim's own copy of toks around index i, and the sentence index of its first token."""
    a = max(0, i - _WINDOW)
    w = TokenWindow(toks[a : i + _WINDOW])
    w.offset, w.base, w.changed, w.base_end = a, toks, (i - 1 - a, i + 2 - a), min(len(toks), i + _WINDOW)
    return w, a


# The claims of a sentence kept for the figures after them (ctx.sentence_claims): a subset's
# total, a list's previous item or a sibling within a few words (_sibling stops at the first
# placed claim ending more than 4 tokens before the figure), a figure between a toll's subject
# and its predicate (_claim_between: within the cue window before the figure).  Figures come in
# text order, about one per token at most, so the last few hundred hold every claim those
# windows can reach: a sentence of 70,000 figures keeps 256, and each look at them is bounded.
_PLACED_MAX = 256


def _placed_max(rules: RuleSet) -> int:
    """_PLACED_MAX, or more if the rules' cue windows reach farther back."""
    return max(_PLACED_MAX, 4 * (_cue_reach(rules) + 8))


@per_object
def _cue_reach(rules: RuleSet) -> int:
    return max([k.cue_before for k in rules.kinds] + [rules.hedges.predicate.window])


_VETOED = -1  # _best_kind's score for a figure a context veto made "other"


@dataclass(slots=True)
class _Placed:
    """A claim with its token span in its sentence (for subsets that follow it)."""

    claim: Claim
    left: int
    right: int
    parent: "_Placed | None"
    noun: frozenset[str] = frozenset()  # forms of the counted noun (for lists of the same noun)
    # the largest `left` of a claim with a kind placed so far in the sentence, this one included
    # (-1: none): no claim placed before this one starts later (_claim_between stops at it)
    reach: int = -1
    among: bool = False  # a part of a whole named by "بين القتلى" (before or after it)


def _subset_parent(
    ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, i1: int = -1
) -> _Placed | None:
    """The total a subset belongs to: "…، بينهم 35 طفلا و20 امرأة", "نحو مليون منهم"."""
    placed = ctx.sentence_claims.get(s_lo)
    if not placed:
        return None
    last = placed[-1]
    off = getattr(toks, "offset", 0)  # placed claims keep sentence indexes
    if last.right > left + off:
        return None
    info = ctx.info(toks)
    marker = ctx.scope.subset_markers.ending_at(toks, left) if info.may_hold(ctx.scope.subset_markers) else None
    if marker is None and 0 <= i1 < len(toks) and not toks[i1].brk_before and info.may_hold(ctx.scope.subset_after):
        marker = ctx.scope.subset_after.at(toks, i1)
    if marker is None and 0 <= i1 and _place_after(ctx, toks, i1) and info.may_hold(ctx.scope.breakdown_openers):
        # "موزعين بين 7 قرب المحطة و5 في …": the first item of a breakdown by place (the
        # next items join it as the next items of a subset list do)
        marker = ctx.scope.breakdown_openers.ending_at(toks, left)
    if marker is None and last.parent is None:
        marker = _subset_marker_before_name(ctx, toks, left, last.right - off)
    if marker is None and last.parent is None and _colon_after(ctx, toks, last.right - off, left):
        marker = (left, left)  # "تجاوز عدد اللاجئين 170 ألفا: نحو 84 ألفا في تنزانيا، و66 ألفا في …"
    if marker is not None:
        found = last.parent or last
        if found is last and len(placed) >= 2 and _people_marker(ctx, toks, left) and _time_span(ctx, last):
            # "تحرير 137 رهينة خطفوا قبل 17 يوما، بينهم 76 فتاة": a length of time between a
            # count of people and "بينهم" is no total of people; the people counted just
            # before it are (looked up among the _SPAN_BACK claims before it only)
            for k in range(2, min(len(placed), _SPAN_BACK + 1) + 1):
                prev = placed[-k]
                if prev.claim.kind not in _NOT_PEOPLE and not _time_span(ctx, prev):
                    return prev.parent or prev
            return None
        if found is last and last.parent is None and len(placed) >= 2 and _pool_of_previous(toks, placed, off):
            # "ونجا 71 من الرهائن الـ72، بينهم 23 يابانيا": the pool a part was taken from
            # is no total of the people named after it; the part is
            return placed[-2].parent or placed[-2]
        if found is last and last.claim.kind == "other" and len(placed) >= 2:
            # "26 أجنبيا من 14 دولة، بينهم 5 إيرانيين": a figure told of the total right after
            # its noun ("من 14 دولة") is no total of its own; the subset is the toll's
            prev = placed[-2]
            k = last.left - off - 1
            if (
                prev.claim.kind != "other" and prev.right == last.left - 1 and 0 <= k < len(toks)
                and not toks[k].brk_before and toks[k].text == "من"
            ):
                return prev.parent or prev
            if _people_marker(ctx, toks, left) and _thing_counted(ctx, last):
                # "87 قتيلا خلال الـ24 ساعة الماضية، منهم 62 في الحي": "منهم" (people) is no part
                # of the hours (or the hospitals) between; the people counted before them are
                # its total.  Only the claim just before that figure, a few words before it.
                if prev.claim.kind != "other" and prev.right <= last.left <= prev.right + _THINGS_GAP:
                    return prev.parent or prev
        if _time_span(ctx, found):
            return None  # "بعد 17 يوما قضوها في الأسر، … أن ثلاثة منهم": no part of the days
        return None if found.claim.kind == "other" else found  # "38 صاروخا … 30 منها"
    # the list goes on: "بينهم 6150 طفلا و4000 امرأة" / "سبعة أطفال وثلاث نساء" /
    # "13 إسرائيليا من النساء والأطفال، و10 تايلانديين"
    if last.parent is not None and left + off - last.right <= 5:
        joined = _waw_joined(toks, left) or (left > 0 and toks[left - 1].text == "و")
        if joined:
            return last.parent
    if (last.parent is not None and _place_after(ctx, toks, i1)
            and _joined_to(ctx, toks, s_lo, left, comma=True) is last):
        # a breakdown by place whose item before names a long place: "بينهم 36 في محافظة خوزستان
        # جنوب غربي البلاد و7 في محافظة فارس" (the place stepped over up to the "و" of "و7")
        return last.parent
    return _part_after_comma(ctx, toks, placed, left, i1, off)


def _bare_or_people(ctx: DocContext, toks: Sequence[Token], i1: int) -> bool:
    """Is the figure ending before toks[i1] bare (its clause ends, a function word or a place
    follows) or followed by a noun of people?"""
    if i1 < 0:
        return False
    if i1 >= len(toks) or toks[i1].brk_before or toks[i1].text in ctx.scope.function_words or _place_after(ctx, toks, i1):
        return True
    return ctx.scope.person.at(toks, i1) is not None or bool(ctx.nisba.people(toks[i1]))


_PART_COMMA_GAP = 24  # tokens at most between a placed part and the "، و" of the list's next item
_PART_COMMA_BACK = 3  # figures of no kind (a depth, a span) stepped back over to that part


def _part_after_comma(
    ctx: DocContext, toks: Sequence[Token], placed: list[_Placed], left: int, i1: int, off: int
) -> _Placed | None:
    """The total a list's next item belongs to when it opens a clause with "، و" after a part
    told with its place or predicate: "بينهم 103 في مدينة ألماتي، التي شهدت أعنف المواجهات،
    وثلاثة أطفال", "منهم 44 على عمق 300 متر، و5 على عمق 350 مترا", "بينهم 471 قضوا في انهيار
    أرضي، و600 في مناطق متفرقة".  The part is the sentence's last claim with a kind (figures of
    no kind or lengths of time between are stepped over, _PART_COMMA_BACK at most), at most
    _PART_COMMA_GAP tokens before.  The item is bare, told with its place or predicate, or names
    people (_bare_or_people: not "، و12 منزلا دمرت").  Reads at most that many placed claims."""
    if left <= 0:
        return None
    if toks[left].brk_before:
        opens = _waw_joined(toks, left) and _comma_only(ctx, toks, left)  # "، وثلاثة أطفال"
    else:
        opens = toks[left - 1].text == "و" and toks[left - 1].brk_before and _comma_only(ctx, toks, left - 1)  # "، و600"
    if not opens or not _bare_or_people(ctx, toks, i1):
        return None
    for k in range(1, min(len(placed), _PART_COMMA_BACK + 1) + 1):
        p = placed[-k]
        if p.right > left + off or left + off - p.right > _PART_COMMA_GAP:
            return None
        if p.claim.kind == "other" or p.claim.kind in _LENGTH_KINDS:
            continue
        if p.parent is None or p.parent.claim.kind != p.claim.kind:
            return None
        return p.parent
    return None


_COLON_ONLY = regex_cache.compile(r"\s*:\s*")


def _colon_after(ctx: DocContext, toks: Sequence[Token], right: int, left: int) -> bool:
    """Does a colon alone stand between the claim before (ending at token `right`) and the
    figure at `left` ("170 ألفا: نحو 84 ألفا في تنزانيا"): the total, then its breakdown?"""
    return (
        0 < left == right < len(toks) and toks[left].brk_before
        and bool(_COLON_ONLY.fullmatch(ctx.text, toks[left - 1].nend, toks[left].nstart))
        and not _year_token(toks[left].text)  # "1705 وفيات: 2023 العام الأكثر فتكا": a year opens a headline's second half
    )


def _year_token(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def _pool_of_previous(toks: Sequence[Token], placed: list[_Placed], off: int) -> bool:
    """Is the last placed figure the pool the one before it was taken from, written after it
    with "من" ("71 من الرهائن الـ72": the noun read before the definite figure)?"""
    prev, last = placed[-2], placed[-1]
    k = last.left - off - 1
    return (prev.claim.kind != "other" and last.claim.kind != "other" and 0 <= k < len(toks)
            and toks[k].text == "من" and not toks[k + 1].brk_before and prev.right - off >= k)


_ONE_WORDS = frozenset({"واحد", "واحده", "واحدا"})  # "one" after its noun, which starts with و
# A token longer than this is no "one": tokens are words of the normalised text (no marks to
# drop, no spaces), so their normal form is as long as they are.  Not normalised again: the
# token of "قتل 1.1.1.…1. شخصا" is the whole text, and each of its figures asked it.
_ONE_WORD_CHARS = 32


def _waw_joined(toks: Sequence[Token], k: int) -> bool:
    """Does the figure at k carry "و"?  A "one" read after its noun ("ومواطن واحد", "قتلت رهينة
    واحدة") is the noun's: the figure's token holds the text of "واحدة", the noun's the "و"."""
    t = toks[k]
    if len(t.text) <= _ONE_WORD_CHARS and normalize_word(t.text) in _ONE_WORDS:
        if not (k + 1 < len(toks) and toks[k + 1].nstart == t.nstart):
            # the "one" after its noun as written: joined when the noun carries the "و" ("ستة
            # بريطانيين وكندي واحد"), not when it does not ("بمنطقة واحدة قرب الحدود")
            return k > 0 and not t.brk_before and toks[k - 1].text.startswith("و") and len(toks[k - 1].text) > 2
        t = toks[k + 1]
    return t.text.startswith("و")
_THINGS_GAP = 4  # the most words between a toll and the figure of things after it ("سقطوا خلال الـ")
_SPAN_BACK = 2  # claims looked back past a length of time for the people a subset belongs to
_LENGTH_KINDS = frozenset({"duration_days", "duration_months"})
_NOT_PEOPLE = frozenset({"other", "resolution_number", "aid_trucks"}) | _LENGTH_KINDS


def _time_span(ctx: DocContext, placed: _Placed) -> bool:
    """Is a placed figure a length of time ("17 يوما", "أكثر من أسبوعين")?"""
    return placed.claim.kind in _LENGTH_KINDS or (
        placed.claim.kind == "other" and not placed.noun.isdisjoint(_time_units(ctx.rules)))


@per_object
def _time_units(rules: RuleSet) -> frozenset[str]:
    """The counted nouns of time of the rules with units (days, weeks, months)."""
    return frozenset(normalize_word(w) for r in rules.kinds for w in r.units)


def _people_marker(ctx: DocContext, toks: Sequence[Token], left: int) -> bool:
    """Is the token before the figure a subset marker of people ("منهم", "بينهن"; not "منها",
    which counts things or places)?"""
    return left > 0 and not toks[left - 1].forms.isdisjoint(ctx.scope.people_markers)


def _thing_counted(ctx: DocContext, placed: _Placed) -> bool:
    """Does a placed figure count things (hours, hospitals, villages), not people: it has a
    counted noun that is no noun of people?"""
    return bool(placed.noun) and placed.noun.isdisjoint(ctx.scope.person_words) and not any(
        ctx.nisba.plural_form(f) for f in placed.noun)


_NAME_REACH = 4  # the longest name read between a subset marker and the figure after it


def _subset_marker_before_name(ctx: DocContext, toks: Sequence[Token], left: int, floor: int):
    """A subset marker before a person's name the figure is joined to: "حرر الجيش 15 رهينة
    بينهم الصحفية فلانة الفلانية وثلاثة جنود" (the three soldiers are among the 15).  The words
    between hold no figure and no punctuation; the figure carries "و"."""
    if left <= floor + 1 or toks[left].brk_before or not (toks[left].text.startswith("و") and len(toks[left].text) > 1):
        return None
    for k in range(left - 1, max(floor, left - 1 - _NAME_REACH), -1):
        if toks[k + 1].brk_before or toks[k].is_digit():
            return None
        if k < left - 1:  # at least one word of a name
            found = ctx.scope.subset_markers.ending_at(toks, k + 1)
            if found is not None and found[1] >= floor:
                return found
    return None


_CARRIED_HEDGES = ("approx", "more_than", "at_least", "less_than", "at_most")


def _cue_after(ctx: DocContext, comp: Compiled, toks: Sequence[Token], rule_id: str, i1: int) -> bool:
    """Does a cue of this rule follow the figure closely ("34 منهم لقوا حتفهم")?"""
    index = ctx.cue_index(comp.tagged_cues, toks)
    return any(p.payload == rule_id for _s, _e, p in index.between(i1 + 1, i1 + 6))


def _cue_right_before(ctx: DocContext, comp: Compiled, toks: Sequence[Token], rule_id: str, left: int) -> bool:
    """Does a cue of this rule end right before the figure, in its clause ("توفيت خمس منهن")?"""
    if left == 0 or toks[left].brk_before:
        return False
    index = ctx.cue_index(comp.tagged_cues, toks)
    return any(p.payload == rule_id for _s, _e, p in index.ending_at(left))


def _joined_to(
    ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, comma: bool = False, source: bool = False
) -> _Placed | None:
    """The claim just before this one when only "و" joins them ("1480 قتيلا و2100 جريح"); with
    `comma`, also "، و" after a place the claim before ends with ("… في حلب، و22 في إدلب"); with
    `source`, "و" after the section the claim before is taken from ("187 تلميذا من القسم الثانوي
    و125 من القسم الابتدائي": `_source_after`)."""
    placed = ctx.sentence_claims.get(s_lo)
    if not placed:
        return None
    last = placed[-1]
    right = last.right - getattr(toks, "offset", 0)  # placed claims keep sentence indexes
    if source:
        # step over "من" and the few words of the section, up to the "و" of "و125"
        if not _source_after(ctx, toks, right):
            return None
        stop = min(left, right + 2 + _SOURCE_WORDS)
        right += 2
        while right < stop and not toks[right].brk_before and toks[right].text != "و" and not toks[right].is_digit():
            right += 1
        comma = True
    elif comma:
        # the claim before ends in a place ("في حلب"), maybe after its verb of one or two words
        # ("93 من الضحايا سقطوا في مدينة فان، و45 في …", "28 شخصا لقوا حتفهم في الإقليم، و30
        # في …"): step over it
        k = right
        for _ in range(_VERB_WORDS):
            if k + 1 < left and not toks[k].brk_before and not toks[k].is_digit() and not _place_after(ctx, toks, k):
                k += 1
        if k < len(toks) and not toks[k].brk_before and _place_after(ctx, toks, k):
            right = k + 2
            while (right < left and not toks[right].brk_before and toks[right].text != "و"
                   and toks[right].text not in ctx.scope.place_contrast_joiners):
                right += 1  # a place of several words ("في قصر شيرين"), up to the "و" of "و25"
    if (not comma and 0 <= right < left - 1 and not toks[right].brk_before
            and ctx.gaz.nationality_of(toks[right]) is not None):
        right += 1  # "12 جنديا أذربيجانيا و18 من قوات الإقليم": the noun's adjective of origin, then "و"
    if left == right and _waw_joined(toks, left) and (comma or not toks[left].brk_before):
        return last  # (not the "one" after a noun: "بمنطقة واحدة قرب الحدود" holds no "و")
    if (
        left == right + 1 and right >= 0 and toks[left].text.startswith("و") and not toks[left].brk_before
        and not toks[right].brk_before and toks[right].text.startswith("ال") and len(toks[right].text) > 3
        and toks[right].text not in ctx.scope.function_words and not toks[right].is_digit()
    ):
        return last  # "وثلاثة من رجال الشرطة وجنديان": the noun's definite complement, then the next item
    if left == right + 1 and right >= 0 and toks[right].text == "و" and (comma or not toks[right].brk_before):
        return last
    if comma and left == right + 1 and right >= 0 and toks[right].text in ctx.scope.place_contrast_joiners:
        return last  # "254 قتيلا في البلد ألف، مقابل 144 في البلد باء": the next place's item, contrasted
    if (
        left == right + 2 and right >= 0 and toks[right + 1].text == "و" and not toks[right].brk_before
        and not toks[right + 1].brk_before and _people_joined(ctx, toks, right)
    ):
        return last  # "165 جنديا وشرطيا و47 مدنيا": a second noun shares the figure before
    # a rising toll: "ارتفعت الحصيلة إلى 120 ثم إلى 127 وإلى 129"
    if right >= 0 and not toks[left].brk_before and (
        (left == right + 1 and toks[right].text == "والي")
        or (left == right + 2 and toks[right].text in ("ثم", "و") and toks[right + 1].text == "الي")
    ) and not toks[right].brk_before and (
        left + 1 >= len(toks) or toks[left + 1].brk_before or toks[left + 1].text in ctx.scope.function_words
    ):
        return last  # (a figure with a noun of its own is its own: "ثم إلى 3 مستشفيات")
    if right >= 0 and left > right and not toks[left].brk_before and _may(ctx, toks, ctx.scope.later_value):
        # its later value: "بنحو 2100 قتيل قبل أن تخفض لاحقا إلى نحو 350" (scope later_value_markers,
        # right after the claim, a comma allowed; the later figure bare)
        m = ctx.scope.later_value.ending_at(toks, left)
        if m is not None and m[1] == right and _bare_after_figure(ctx, toks, left):
            return last
    return None


def _bare_after_figure(ctx: DocContext, toks: Sequence[Token], left: int) -> bool:
    """Does the figure whose claim starts at toks[left] (its hedge first, at most two words)
    end its clause or stand before a function word (no noun of its own)?"""
    for k in range(left, min(len(toks), left + 3)):
        if toks[k].is_digit() or _starts_number(ctx, toks[k]):
            k += 1
            return k >= len(toks) or toks[k].brk_before or toks[k].text in ctx.scope.function_words
    return False


def _earlier_account_group(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, kind: str) -> str | None:
    """The group of the claim an earlier account follows: "وثقت مقتل 133 مدنيا، بعد أن تحدث
    مسؤولون عن ألفي قتيل" (scope `earlier_account_markers` opening the figure's clause after a
    comma, at most `subject_window` words before it, no figure between; the claim before it in
    the sentence of the same kind, naming a group).  Bounded window."""
    placed = ctx.sentence_claims.get(s_lo)
    if not placed or not _may(ctx, toks, ctx.scope.earlier_account):
        return None
    last = placed[-1]
    if last.claim.kind != kind or last.parent is not None or last.claim.group not in ctx.scope_rules.groups:
        return None
    k = last.right - getattr(toks, "offset", 0)
    j = left - 1
    floor = max(k, left - ctx.scope_rules.subject_window)
    while j >= floor:
        if toks[j].is_digit():
            return None
        if toks[j].brk_before:
            return last.claim.group if ctx.scope.earlier_account.at(toks, j, left) is not None else None
        j -= 1
    return None


def _generic_noun_end(ctx: DocContext, toks: Sequence[Token], i1: int) -> int | None:
    """The index after a generic noun right after the figure (scope `earlier_value_nouns`:
    "حالة", "شخصا") that ends its clause or comes before a time ("12 حالة أمس"); else None."""
    nouns = ctx.scope.earlier_value_nouns
    if not nouns or i1 >= len(toks) or toks[i1].brk_before or toks[i1].forms.isdisjoint(nouns):
        return None
    k = i1 + 1
    if k >= len(toks) or toks[k].brk_before or toks[k].text in ctx.scope.function_words:
        return k
    if _may(ctx, toks, ctx.scope.earlier_value_when) and ctx.scope.earlier_value_when.at(toks, k) is not None:
        return k
    return k if _day_after(ctx, toks, k) else None


_SUBSET_TAIL = 4  # words of a subset's noun after its claim's span ("11 من رجال الإطفاء")


def _earlier_value_of(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, i0: int) -> _Placed | None:
    """The claim a figure gives the earlier value of: "ارتفعت الحصيلة إلى 264 قتيلا، بعد أن كانت
    110" (scope `earlier_value_markers`, standing right after that claim, a comma allowed).  A
    marker may end with the figure's own hedge ("بعد أن تجاوز 65 ألفا": `left` is at "تجاوز",
    the marker ends before the number at i0)."""
    placed = ctx.sentence_claims.get(s_lo)
    if not placed or left == 0 or toks[left].brk_before:
        return None
    m = ctx.scope.earlier_value.ending_at(toks, left)
    if m is None and left < i0 and not any(toks[j].brk_before for j in range(left + 1, i0 + 1)):
        m = ctx.scope.earlier_value.ending_at(toks, i0)
        if m is not None and m[1] >= left:
            m = None  # the marker must reach before the hedge, not lie inside it
    if m is None:
        # a time between the marker and the figure ("بعد أن كانت أعلنت مساء السبت 288"): at most
        # two phrases of `earlier_value_when`, in the clause (bounded)
        j = left
        for _ in range(2):
            w = ctx.scope.earlier_value_when.ending_at(toks, j)
            if w is None or w[1] == 0 or any(toks[x].brk_before for x in range(w[1], j + 1)):
                break
            j = w[1]
            m = ctx.scope.earlier_value.ending_at(toks, j)
            if m is not None:
                break
    gapped = False
    if m is None:
        m = _earlier_opener_before(ctx, toks, left)
        gapped = m is not None
    if m is None:
        return None
    last = placed[-1]
    off = getattr(toks, "offset", 0)
    scan_from = None  # where the toll marker's look-back starts to refuse a figure between
    if (
        last.claim.kind == "other" and len(placed) >= 2 and _thing_counted(ctx, last)
        and placed[-2].claim.kind != "other" and placed[-2].parent is None
        and ctx.scope.earlier_toll.ending_at(toks, left) is not None
    ):
        # "نحو 250 ألف شخص يقيمون في 800 مخيم، بعد أن كان العدد 190 ألفا": the camps between
        # are no toll; the marker naming the count again is the people's
        scan_from = last.right - off
        last = placed[-2]
    k = last.right - off
    if (
        scan_from is None and last.claim.kind == "other" and len(placed) >= 2 and _thing_counted(ctx, last)
        and placed[-2].claim.kind != "other" and placed[-2].parent is None
        and last.left - placed[-2].right == 1
        and not toks[placed[-2].right - off].forms.isdisjoint(ctx.scope.toll_origin_words)
        and not any(toks[j].brk_before for j in range(placed[-2].right - off, last.left - off + 1))
    ):
        # "إلى 1200 قتيل من سبع دول، بعد أن كانت 950": the things right after the toll's noun,
        # after "من" (scope `toll_origin_words`), are where its people came from, part of its
        # phrase; the marker gives the toll's earlier value ("في 3 قرى" is no origin)
        last = placed[-2]
    if last.parent is not None and last.parent.parent is None and last.parent.claim.kind != "other":
        # "إلى 48 قتيلا، بينهم 12 طفلا، بعد أن كان 35", "بينهم 11 من رجال الإطفاء، …": a subset
        # between commas (its noun's last words, no figure, before the closing one) is an aside
        # of the toll before it, whose earlier value the marker gives
        e = k
        while e < len(toks) and e - k < _SUBSET_TAIL and not toks[e].brk_before and not toks[e].is_digit():
            e += 1
        if e < len(toks) and toks[e].brk_before and any(
            toks[j].brk_before for j in range(last.parent.right - off, last.left - off + 1)
        ):
            last, k = last.parent, e
    if last.claim.kind == "other" or last.parent is not None:
        return None
    for _ in range(3):  # "… إلى 359 قتيلا الأربعاء، بعد أن كانت 321", "… قتيلا صباح السبت، …"
        when = ctx.scope.earlier_value_when.at(toks, k) if k < m[1] else None
        if when is None:
            break
        k = when[1]
    sc = ctx.scope
    if (
        k < m[1] and not toks[k].brk_before and not toks[k].forms.isdisjoint(sc.earlier_value_places)
        and m[1] - k <= sc.rules.earlier_value_place_reach and toks[m[1]].brk_before
        and not any(toks[j].brk_before or toks[j].is_digit() for j in range(k + 1, m[1]))
    ):
        # "قرابة 550 ألف نازح من المحافظة، بعد أن كانوا 425 ألفا": the toll's own place, no
        # figure in it, closes its phrase before the marker (scope `earlier_value_places`)
        k = m[1]
    if k < m[1] and m[1] - k <= ctx.scope.earlier_value_reach and toks[m[1]].brk_before:
        # asides of time or source, each closed by a comma ("… حتى مساء الأحد، بحسب الشرطة،
        # بعد أن كان 112"), no figure in them
        j = k
        # (a figure read as no claim, a date's day, may stand in them: "منذ 20 أيار")
        lefts = {p.left - off for p in islice(reversed(placed), 8)}
        while j < m[1] and not (toks[j].is_digit() and j in lefts):
            if (j == k or toks[j].brk_before) and ctx.scope.earlier_value_asides.at(toks, j) is None:
                break
            j += 1
        if j == m[1]:
            k = j
    if k < m[1] and m[1] - k <= ctx.scope.rules.earlier_toll_reach:
        # "إن 66 شخصا لقوا حتفهم في الحريق، بعد أن كانت الحصيلة 40": a marker naming the toll
        # again reaches past the claim's own predicate, which holds no figure (bounded)
        toll = ctx.scope.earlier_toll.ending_at(toks, left)
        start = k if scan_from is None else max(k, scan_from)
        if toll is not None and toll[1] <= m[1] and not any(toks[j].is_digit() for j in range(start, toll[1])):
            k = m[1]
        elif gapped and toks[m[1]].brk_before and not any(toks[j].is_digit() for j in range(start, m[1])):
            # "إن مصير 159 شخصا لا يزال مجهولا، بعد أن كان عدد من لم يعرف مصيرهم 99": an opener
            # said at length restates the count itself; it reaches past the claim's predicate
            # up to the comma that closes it, as a marker naming the toll does
            k = m[1]
    return last if k == m[1] else None


def _earlier_opener_before(ctx: DocContext, toks: Sequence[Token], left: int) -> tuple | None:
    """An opener of an earlier value said at length (scope `earlier_value_openers`) ending at
    most `earlier_value_gap` words before the figure at `left`, the words between holding no
    figure and no clause break: "بعد أن كانت قد قدرتها في يونيو بنحو 80", "بعد أن كان
    المسؤولون قد قدروه مساء الخميس بنحو تسعة آلاف".  (phrase, start) like `ending_at`, or
    None.  Reads at most `earlier_value_gap` + a phrase's words."""
    sc = ctx.scope
    gap = sc.rules.earlier_value_gap
    if not gap or not _may(ctx, toks, sc.earlier_value_openers):
        return None
    for j in range(left - 1, max(0, left - gap - 1), -1):  # j: the first word between
        if toks[j].is_digit() or toks[j + 1].brk_before:
            return None  # a figure, or a clause opening, between the opener and the figure
        hit = sc.earlier_value_openers.ending_at(toks, j)
        if hit is not None:
            return hit
    return None


def _change_target(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int) -> _Placed | None:
    """The claim whose new value a bare figure gives in a change written "من <N noun> إلى <M>"
    ("نزلت قائمة المفقودين من 249 اسما إلى 25", "ارتفع عدد النازحين من 40 ألف شخص إلى 52
    ألفا"): the sentence's last claim opens with "من" right before it, and only "إلى" stands
    between its end and the figure.  Reads two tokens."""
    placed = ctx.sentence_claims.get(s_lo)
    if not placed or left < 2:
        return None
    last = placed[-1]
    off = getattr(toks, "offset", 0)
    right, first = last.right - off, last.left - off
    if last.parent is not None or last.claim.kind == "other" or left != right + 1 or first < 1:
        return None
    if toks[right].brk_before or toks[left].brk_before or "الي" not in toks[right].forms:
        return None
    before = toks[first - 1]
    return last if not toks[first].brk_before and before.text == "من" else None


def _earlier_value_joined(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int) -> _Placed | None:
    """A further earlier value joined by "و" to the one before, each with its time: "بعد أن كانت
    2065 قتيلا مساء الاثنين و2719 يوم الثلاثاء" (the 2719 is the toll's value on Tuesday).  The
    claim before is an earlier value (period superseded); between it and the figure only one or
    two phrases of `earlier_value_when`, in the clause."""
    placed = ctx.sentence_claims.get(s_lo)
    if not placed or left == 0 or toks[left].brk_before:
        return None
    end = left - 1 if toks[left - 1].text == "و" else left  # ("و" a token of its own before digits)
    if end == left and not _waw_joined(toks, left):
        return None
    last = placed[-1]
    if last.claim.period != "superseded" or last.parent is not None or last.claim.kind == "other":
        return None
    k = last.right - getattr(toks, "offset", 0)
    for _ in range(2):
        when = ctx.scope.earlier_value_when.at(toks, k) if k < end else None
        if when is None or any(toks[x].brk_before for x in range(k, min(when[1] + 1, len(toks)))):
            break
        k = when[1]
    return last if k == end and k > last.right - getattr(toks, "offset", 0) else None


def _place_after(ctx: DocContext, toks: Sequence[Token], i: int) -> bool:
    """Does "في"/"إلى" and a word follow index i within the clause ("22 في إسلام آباد")?"""
    return (
        i + 1 < len(toks) and not toks[i].brk_before and not toks[i + 1].brk_before
        and not toks[i].forms.isdisjoint(_IN_PLACE) and not toks[i + 1].is_digit()
    )


_IN_PLACE = frozenset({"في", "الي", "قرب", "داخل"})
_VERB_WORDS = 2  # the words of a list item's verb before its place ("لقوا حتفهم في …")
_SOURCE_WORDS = 3  # the words of a section a list item is taken from ("من القسم الابتدائي")


def _section_of(ctx: DocContext, toks: Sequence[Token], i: int, following: bool) -> str | None:
    """"part:<section>" when "من" and a section of at most _SOURCE_WORDS words follow index i
    ("من القسم الابتدائي": named by its last word) and, with `following`, the next list item
    taken from a section of its own comes right after ("و125 من …"); else None."""
    if not _source_after(ctx, toks, i):
        return None
    k, stop = i + 1, min(len(toks), i + 1 + _SOURCE_WORDS)
    while k < stop and not toks[k].brk_before and toks[k].text != "و" and not toks[k].is_digit() and toks[k].text != "من":
        k += 1
    if k == i + 1:
        return None
    if following:
        # the next item: "و" then digits then "من" (the "و" a token of its own or a clitic)
        j = k + 1 if k < len(toks) and toks[k].text == "و" else k
        if not (j < len(toks) and toks[j].is_digit() and (j == k or not toks[j].brk_before)
                and _source_after(ctx, toks, j + 1)):
            return None
    return "part:" + min(toks[k - 1].forms, key=len)


def _source_after(ctx: DocContext, toks: Sequence[Token], i: int) -> bool:
    """Do "من" and a word (no figure) follow index i within the clause ("125 من القسم
    الابتدائي"): the part of a whole a list item is taken from?"""
    return (
        i + 1 < len(toks) and not toks[i].brk_before and not toks[i + 1].brk_before
        and toks[i].text == "من" and not toks[i + 1].is_digit()
    )


def _item_before(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int) -> tuple[_Placed, int] | None:
    """(the sentence's last placed claim, its right token index in toks) when it stands before
    toks[left], is no part of another claim and has a kind: the item a later breakdown item
    continues."""
    placed = ctx.sentence_claims.get(s_lo)
    if not placed or left == 0:
        return None
    last = placed[-1]
    right = last.right - getattr(toks, "offset", 0)  # placed claims keep sentence indexes
    if not 0 <= right < left or last.parent is not None or last.claim.kind == "other":
        return None
    return last, right


def _place_first_item(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int) -> tuple[_Placed, str] | None:
    """(the claim before, the item's place) when the figure at toks[left] is a later item of a
    breakdown named by its place only, before the figure ("لجأ 84 ألفا إلى بلد ألف، وبلد باء
    70 ألفا"; place_items.place_first_span): the gazetteer must know the place, so that the
    item is told apart by its location.  Reads only the tokens between the two claims."""
    before = _item_before(ctx, toks, s_lo, left)
    if before is None:
        return None
    last, right = before
    span = place_first_span(toks, right, left, ctx.scope.function_words, lambda t: _starts_number(ctx, t))
    if span is None:
        return None
    places = ctx.locations_in(*ctx.sentence_at(toks[left].nstart))
    lo = toks[span[0]].nstart
    k = bisect_left(places.named_starts, toks[left].nstart) - 1
    if k < 0 or places.named_starts[k] < lo:
        return None
    own = places.named[k].place.id
    if own == last.claim.location:
        return None  # the same place twice: no breakdown
    return last, own


def _b_item(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int) -> tuple[_Placed, str] | None:
    """(the claim before, "part:<place>") when the figure at toks[left] is a later item of a
    breakdown whose items are each a place then "ب" and the figure, joined by "و" with no comma
    ("توزع القتلى بين محافظة ألف بنحو 21 ألفا ومحافظة باء بنحو 14 ألفا", "ثم بلدة ألف بـ80
    وبلدة باء بـ48"): the claim before was written so too (its figure after "ب"), and only the
    "و"-word of the place and at most PLACE_WORDS - 1 words more stand between the two figures.
    Named by the place's last word, known to the gazetteer or not.  Reads only those tokens."""
    before = _item_before(ctx, toks, s_lo, left)
    if before is None:
        return None
    last, right = before
    if not 2 <= left - right <= PLACE_WORDS or not toks[left].text.startswith("ب") or toks[left].brk_before:
        return None
    first = toks[right]
    if first.brk_before or not first.text.startswith("و") or len(first.text) <= 2 or first.text in ctx.scope.function_words:
        return None
    for t in toks[right + 1 : left]:
        if t.brk_before or t.is_digit() or _starts_number(ctx, t) or t.text in ctx.scope.function_words:
            return None
    start = last.claim.start
    if not (last.claim.surface.startswith("ب") or ctx.text[max(0, start - 2) : start].rstrip("ـ").endswith("ب")):
        return None  # the item before was no "ب" item: "قتل 20 شخصا وشرطة المدينة بنحو …"
    return last, "part:" + min(toks[left - 1].forms, key=len)


def _excluded_after(ck: "CompiledKind | None", toks: Sequence[Token], i1: int, ctx: "DocContext | None" = None) -> bool:
    """Do the words right after a bare figure hold one of its list's rule's `exclude` phrases (or,
    for a kind of people freed, the words of still being held)?"""
    if ck is None:
        return False
    if ck.exclude and ck.exclude.at(toks, i1) is not None:
        return True
    return ctx is not None and ck.rule.kind in ctx.scope.still_held_kinds and _still_held(ctx, toks, i1)


def _still_held(ctx: DocContext, toks: Sequence[Token], k: int) -> bool:
    """Do the words at toks[k] (right after a figure or its noun, in its clause) say the people
    are still held (scope still_held_after)?"""
    lex = ctx.scope.still_held_after
    return bool(lex) and k < len(toks) and not toks[k].brk_before and lex.at(toks, k) is not None


def _sibling(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, i1: int) -> _Placed | None:
    """An earlier claim of the sentence this figure continues: joined by و, or same noun."""
    joined = _joined_to(ctx, toks, s_lo, left)
    if joined is None and (i1 >= len(toks) or toks[i1].brk_before or toks[i1].text in ctx.scope.function_words):
        # a breakdown whose later item is named by its place before a bare figure ("لجأ 84
        # ألفا إلى بلد ألف، وبلد باء 70 ألفا"), also as "ب" items with no comma ("ومحافظة باء
        # بنحو 14 ألفا")
        item = _place_first_item(ctx, toks, s_lo, left) or _b_item(ctx, toks, s_lo, left)
        joined = item[0] if item is not None else None
    if joined is None and (_place_after(ctx, toks, i1) or (
        i1 < len(toks) and not toks[i1].brk_before and not toks[i1].forms.isdisjoint(_OTHERS)
        and _place_after(ctx, toks, i1 + 1)
    )):
        # a breakdown by place: "10 أشخاص في المدينة، و22 في القرى المجاورة، و3 في الريف", also
        # with "others" between the figure and its place ("41 في المسجد الأول، وسبعة آخرون في …")
        joined = _joined_to(ctx, toks, s_lo, left, comma=True)
    if joined is None and _source_after(ctx, toks, i1):
        # a breakdown by section: "187 تلميذا من القسم الثانوي و125 من القسم الابتدائي"
        joined = _joined_to(ctx, toks, s_lo, left, source=True)
    if joined is None and _people_after(ctx, toks, i1):
        # a later item of a list of people opening its clause with "، و": "وبين القتلى 24
        # شخصا من سكان القرية، وأربعة جنود", "مقتل 29 مسلحا من الفصائل، وما لا يقل عن 20 من
        # عناصر الجيش"
        joined = _comma_item(ctx, toks, s_lo, left)
    if joined is None:
        # the quantity's next value or next item after "ثم": "بلغت 618 منتصف أبريل، ثم 793 في
        # التاسع من مايو", "قتل 9 أشخاص بالقنبلة، ثم 69 في الجزيرة"
        joined = _then_next(ctx, toks, s_lo, left, i1)
    if joined is None:
        # the same quantity's next value, each told with its own day: "بلغت الحصيلة 300 قتيل يوم
        # 3 أيار و450 يوم 5 أيار"
        joined = _dated_next(ctx, toks, s_lo, left, i1)
    if joined is None:
        # a figure contrasted with the one before, bare: "315 وفاة خلال الأسبوع الماضي، مقابل 240
        # في الأسبوع الذي سبقه" (the same quantity in another period)
        joined = _contrasted(ctx, toks, s_lo, left, i1)
    if joined is None:
        # a total restating the items before it after "، أي": "ونحو 100 ألف إلى النيجر وأكثر من
        # 40 ألفا إلى الكاميرون، أي ما يزيد على 157 ألفا في الدول الثلاث"
        joined = _restated_total(ctx, toks, s_lo, left, i1)
    if joined is not None and joined.parent is None:
        return joined if joined.claim.kind != "other" else None
    ranked = _ranked_item(ctx, toks, s_lo, left, i1)
    if ranked is not None:
        return ranked
    bracketed = _bracketed_item(ctx, toks, s_lo, left, i1)
    if bracketed is not None:
        return bracketed
    if i1 >= len(toks) or toks[i1].brk_before or toks[i1].is_digit():
        return None
    forms = toks[i1].forms
    at = left + getattr(toks, "offset", 0)  # placed claims keep sentence indexes
    for placed in reversed(ctx.sentence_claims.get(s_lo, ())):
        if at - placed.right > 4:
            break  # list items stand close together: "، وتارودانت بـ980 حالة"
        if placed.parent is None and placed.noun and not forms.isdisjoint(placed.noun):
            return placed if placed.claim.kind != "other" else None
    return None


def _people_after(ctx: DocContext, toks: Sequence[Token], i1: int) -> bool:
    """Does a noun of people follow the figure ending before toks[i1] (a person noun, also after
    "من", or a name of origin)?"""
    if i1 >= len(toks) or toks[i1].brk_before:
        return False
    if ctx.scope.person.at(toks, i1) is not None or ctx.nisba.people(toks[i1]):
        return True
    return "من" in toks[i1].forms and i1 + 1 < len(toks) and ctx.scope.person.at(toks, i1 + 1) is not None


_ITEM_COMMA_GAP = 12  # tokens at most between the item before (its end) and the "، و" of the next


def _comma_item(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int) -> _Placed | None:
    """The item of a list of people a figure continues after "، و" (its people named, the
    caller's test): the sentence's last claim, a count of people of a kind (no tally, length or
    figure of no kind), ending at most _ITEM_COMMA_GAP words before the comma with no figure
    between; its words between name the people or their place ("من سكان القرية")."""
    if left <= 0:
        return None
    if toks[left].brk_before:
        opens = _waw_joined(toks, left) and _comma_only(ctx, toks, left)  # "، وأربعة جنود"
    else:
        opens = toks[left - 1].text == "و" and toks[left - 1].brk_before and _comma_only(ctx, toks, left - 1)
    if not opens:
        return None
    placed = ctx.sentence_claims.get(s_lo)
    if not placed:
        return None
    last = placed[-1]
    off = getattr(toks, "offset", 0)  # placed claims keep sentence indexes
    if last.right > left + off or left + off - last.right > _ITEM_COMMA_GAP:
        return None
    if last.claim.kind in _NOT_PEOPLE or last.claim.kind in VOTE_KINDS:
        return None
    return last


_THEN_GAP = 16  # tokens at most between a claim and the "ثم" of the figure that continues it


def _then_next(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, i1: int) -> _Placed | None:
    """The claim a bare figure after "ثم" (or "ثم إلى") continues: the same quantity's next
    value told with its own day ("بلغت الوفيات 618 منتصف أبريل، ثم 793 في التاسع من مايو",
    "ارتفع العدد إلى 40 صباحا، ثم إلى 52 مساء") or its next item told with its place ("قتل 9
    أشخاص بالقنبلة، ثم 69 في الجزيرة").  The figure ends its clause or stands before a function
    word or a day; the claim is the sentence's last, a count of people (no tally, no length), at
    most _THEN_GAP words before "ثم", with no figure between.  Reads those words only."""
    k = left - 1
    if k >= 1 and toks[k].text in ("الى", "إلى") and not toks[k].brk_before:
        k -= 1  # "ثم إلى 52"
    if k < 1 or toks[k].text != "ثم" or (k + 1 <= left and toks[left].brk_before) or _year_token(toks[left].text):
        return None  # ("، ثم 2020 كان عاما أسوأ": a year)
    if not (i1 >= len(toks) or toks[i1].brk_before or toks[i1].text in ctx.scope.function_words
            or _day_after(ctx, toks, i1)):
        return None  # a noun of its own ("ثم 3 مستشفيات") types the figure
    return _last_before(ctx, toks, s_lo, k, _THEN_GAP, touching=True)


def _dated_next(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, i1: int) -> _Placed | None:
    """The claim a bare figure joined by "و" continues when each names its own day right after
    it: "بلغت الحصيلة نحو 400 قتيل يوم 3 أيار و650 يوم 5 أيار" (650 is the toll two days on),
    "300 يوم الاثنين و450 يوم الأربعاء".  The figure carries the "و" (or stands right after it),
    a day follows it at once, and the sentence's last claim (a count of people) is followed at
    once by a day that ends right before the "و" (_DATED_GAP words at most, no clause break).
    Reads those words only."""
    if left < 1 or i1 >= len(toks) or toks[i1].brk_before or toks[left].brk_before:
        return None
    waw = left if _waw_joined(toks, left) else left - 1 if toks[left - 1].text == "و" and not toks[left - 1].brk_before else -1
    if waw < 0 or not _day_after(ctx, toks, i1):
        return None
    placed = ctx.sentence_claims.get(s_lo)
    if not placed:
        return None
    last = placed[-1]
    right = last.right - getattr(toks, "offset", 0)
    if (last.parent is not None or last.claim.kind in _NOT_PEOPLE or last.claim.kind in _NOT_CONTRASTED
            or not 0 <= right < waw or waw - right > _DATED_GAP or not _day_after(ctx, toks, right)):
        return None
    if any(toks[j].brk_before for j in range(right, waw + 1)):
        return None
    return last


_DATED_GAP = 4  # words of the day between a claim and the "و" of the next day's figure ("يوم 20 آب")


def _contrasted(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, i1: int) -> _Placed | None:
    """The claim a bare figure right after "مقابل" (scope `place_contrast_joiners`) is contrasted
    with: "تسجيل 315 وفاة خلال الأسبوع الماضي، مقابل 240 في الأسبوع الذي سبقه", "نزح 40 ألفا هذا
    الشهر مقابل 25 ألفا في الشهر الماضي".  The figure ends its clause or stands before a function
    word; the claim is the sentence's last, a count of people (no tally, no length), at most
    _CONTRAST_GAP words before "مقابل" with no figure between.  Reads those words only."""
    if left < 1 or toks[left].brk_before or (
        toks[left - 1].text not in ctx.scope.place_contrast_joiners and toks[left - 1].text not in ctx.scope.correction_joiners
    ):
        return None
    if i1 < len(toks) and not toks[i1].brk_before and toks[i1].text not in ctx.scope.function_words:
        return None  # a noun of its own ("مقابل 3 أصوات") types the figure
    return _last_before(ctx, toks, s_lo, left - 1, _CONTRAST_GAP,
                        touching=toks[left - 1].text in ctx.scope.correction_joiners)


def _restated_total(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, i1: int) -> _Placed | None:
    """The claim a figure right after "، أي" (scope `restatement_openers`, its hedge between them)
    restates as a total of the people counted before it: "أكثر من 40 ألفا إلى الكاميرون، أي ما
    يزيد على 157 ألفا في الدول الثلاث", "230 ألف نازح داخل البلاد، أي نحو 380 ألف شخص في
    المجموع", "ثلاث عاملات في الدير، أي 16 امرأة".  The figure is bare or counts people (a person
    noun, a nationality, the claim's own noun); no rate, share or sum of money follows it (scope
    `restated_total_not_after`: "قتل 1200 شخص، أي نحو 40 يوميا").  The claim is the sentence's
    last, a count of people, at most _CONTRAST_GAP words before "أي" with no figure between
    (_last_before).  Reads those words only."""
    sc = ctx.scope
    if not sc.restatement_openers or left < 1 or toks[left].brk_before:
        return None
    a = left - 1  # (the claim's left edge: its hedge, "أي ما يزيد على 157 ألفا", is inside it)
    if a <= 0 or not toks[a].brk_before or toks[a].forms.isdisjoint(sc.restatement_openers):
        return None
    k = i1
    if k < len(toks) and not toks[k].brk_before and toks[k].text not in sc.function_words:
        t = toks[k]
        if not (sc.person.at(toks, k) or ctx.nisba.people(t) or not t.forms.isdisjoint(sc.restatement_nouns)):
            last = ctx.sentence_claims.get(s_lo)
            if not last or t.forms.isdisjoint(last[-1].noun):
                return None  # a noun of its own ("أي 17 مليون دولار") counts something else
        k += 1
    if k < len(toks) and not toks[k].brk_before and not toks[k].forms.isdisjoint(sc.restated_total_not_after):
        return None  # "أي نحو 40 يوميا", "أي 12 في المئة": a rate or a share, no total
    return _last_before(ctx, toks, s_lo, a, _CONTRAST_GAP, touching=True)


def _corrected(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int) -> _Placed | None:
    """The claim a figure right after "وليس"/"لا" (scope `correction_joiners`) corrects: "بلغت
    الحصيلة 227 قتيلا، وليس 306 كما أعلن", "117 شهيدا وليس 147 شهيدا", "12 مختطفا وليس 14" (the
    figure is the value first announced).  The same claim as _contrasted's: the sentence's last,
    a count of people, at most _CONTRAST_GAP words before the joiner, no figure between."""
    if left < 1 or toks[left].brk_before or toks[left - 1].text not in ctx.scope.correction_joiners:
        return None
    return _last_before(ctx, toks, s_lo, left - 1, _CONTRAST_GAP, touching=True)


def _last_before(
    ctx: DocContext, toks: Sequence[Token], s_lo: int, at: int, gap: int, touching: bool = False
) -> _Placed | None:
    """The sentence's last claim, a count of people with no parent, ending at most `gap` words
    before the joiner at toks[at] ("مقابل", "وليس", "ثم") with no figure between (_contrasted,
    _corrected, _then_next); `touching`: the claim may end right at the joiner ("117 شهيدا
    وليس 147").  Reads those words only."""
    placed = ctx.sentence_claims.get(s_lo)
    if not placed:
        return None
    last = placed[-1]
    right = last.right - getattr(toks, "offset", 0)
    if (last.parent is not None or last.claim.kind in _NOT_PEOPLE or last.claim.kind in _NOT_CONTRASTED
            or not 0 <= right < at + (1 if touching else 0) or at - right > gap):
        return None
    if any(toks[j].is_digit() or _starts_number(ctx, toks[j]) for j in range(right, at)):
        return None
    return last


_CONTRAST_GAP = 6  # words between a claim and the "مقابل" of the figure contrasted with it
_NOT_CONTRASTED = frozenset({"votes_for", "votes_against", "abstentions", "vetoes", "vote_position"})


def _ranked_item(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, i1: int) -> _Placed | None:
    """A bare figure of a ranking list, "<name> بـN", whose earlier item had the same form with
    its noun: "تتصدر مصر القائمة بـ658 وفاة، تليها إندونيسيا بـ165 وفاة، ثم الأردن بـ99، وتونس
    بـ49" (99 and 49 are deaths too).  The figure ends its clause; its "ب" is a word of its own or
    the clitic of its hedge ("بنحو 221 ألفا", "بأكثر من نصف مليون"); the item opens right after a
    comma (with "ثم" or "و" allowed), or with "و" right after the earlier item ("ثم الإكوادور بنحو
    221 ألفا والأرجنتين بنحو 130 ألفا"), and its name is one word; the earlier item is the last
    claim of the sentence, at most _RANK_GAP tokens before, written the same way (with its noun,
    or an item read so), unless the item opens with a word of ranking (scope `rank_followers`:
    "تليها بيرو بأكثر من نصف مليون" after "كولومبيا التي يقيم فيها أكثر من مليون لاجئ")."""
    if i1 < len(toks) and not toks[i1].brk_before and not (
        toks[i1].text.startswith("و") and _rank_item_from(ctx, toks, i1)
    ) and not (toks[i1].text == "ثم" and _rank_item_from(ctx, toks, i1 + 1)):
        return None  # the figure ends its clause, or the next item follows it ("… ألفا والمكسيك بنحو …", "… بـ298 ثم جيغاوا بـ217")
    end = _rank_name(toks, left)
    if end is None or toks[end].is_digit() or toks[end].text in ctx.scope.function_words:
        return None
    placed = ctx.sentence_claims.get(s_lo)
    if not placed:
        return None
    last = placed[-1]
    off = getattr(toks, "offset", 0)
    p_left, p_right = last.left - off, last.right - off
    if last.parent is not None or last.claim.kind == "other" or (left - p_left) > _RANK_GAP:
        return None
    for name in _rank_starts(ctx, toks, end):
        # the name's first word: the word before "ب", or up to _RANK_WORDS words of a name in
        # more than one ("تلتها مدينة بادانغ بـ313، ثم منطقة أغام بـ80")
        followed = name > 0 and toks[name - 1].brk_before and not toks[name - 1].forms.isdisjoint(ctx.scope.rank_followers)
        opener = (
            toks[name].brk_before or followed
            or (name > 0 and toks[name - 1].text == "ثم" and (toks[name - 1].brk_before or p_right == name - 1))
            or (toks[name].text.startswith("و") and p_right == name)
        )
        if opener:
            if not followed and _rank_name(toks, p_left) is None:
                return None
            return last
    return None


_RANK_WORDS = 3  # words of a ranked item's name at most ("منطقة بادانغ باريامان")


def _rank_starts(ctx: DocContext, toks: Sequence[Token], end: int) -> Iterator[int]:
    """The possible first words of a ranked item's name whose last word is toks[end]: itself,
    then up to _RANK_WORDS - 1 words before it in its clause, none a figure, a function word or
    "ثم".  Reads at most _RANK_WORDS tokens."""
    yield end
    k = end
    for _ in range(_RANK_WORDS - 1):
        if k == 0 or toks[k].brk_before:
            return
        k -= 1
        t = toks[k]
        if t.is_digit() or t.text in ctx.scope.function_words or t.text == "ثم":
            return
        yield k


def _rank_item_from(ctx: DocContext, toks: Sequence[Token], j: int) -> bool:
    """Does a ranked item "<name> بـN" (a name of at most _RANK_WORDS words) start at toks[j]?"""
    for k in range(1, _RANK_WORDS + 1):
        end = _rank_name(toks, j + k)
        if end is None or end < j:
            continue
        if not any(toks[x].brk_before or toks[x].is_digit() for x in range(j + 1, end + 1)):
            return True
    return False


def _rank_name(toks: Sequence[Token], left: int) -> int | None:
    """The index of the one-word name before a figure written "<name> بـN" or "<name> بنحو N"
    (its "ب" a word of its own, or the clitic of the hedge or number word at toks[left]); else None."""
    if not 1 <= left < len(toks):
        return None
    if left >= 2 and toks[left - 1].text in _RANK_CLITIC and not toks[left - 1].brk_before:
        return left - 2
    t = toks[left]
    if (left >= 1 and not t.brk_before and t.text.startswith("ب") and not t.is_digit()
            and any(f == t.text[1:] for f in t.forms)):
        return left - 1
    return None


_RANK_CLITIC = frozenset({"ب", "بـ"})
_RANK_GAP = 8


def _in_brackets(ctx: DocContext, toks: Sequence[Token], left: int, i1: int) -> bool:
    """Is the figure toks[left:i1] alone in brackets ("(349)"): an opening bracket right before
    it, a closing one (scope `figure_closers`) right after?"""
    if left < 1 or i1 - left != 1 or not toks[left].is_digit():
        return False
    before = ctx.text[toks[left - 1].nend:toks[left].nstart]
    after = ctx.text[toks[left].nend:toks[i1].nstart if i1 < len(toks) else toks[left].nend + 2]
    return before.rstrip().endswith(("(", "[")) and not ctx.scope.figure_closers.isdisjoint(after)


def _bracketed_item(ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, i1: int) -> _Placed | None:
    """A figure in brackets after its place, the next item of a breakdown whose earlier item was
    written the same way: "توزعت الوفيات بين الصين القارية (349) وهونغ كونغ (299) وكندا (43)"
    (299 and 43 are deaths too).  The item's name opens with "و" at most _BRACKET_NAME words
    before the figure, no break or figure between; the earlier item is the sentence's last claim,
    a figure alone in brackets right before that name.  Bounded look."""
    if not ctx.scope.figure_closers or not _in_brackets(ctx, toks, left, i1):
        return None
    placed = ctx.sentence_claims.get(s_lo)
    if not placed:
        return None
    last = placed[-1]
    if last.parent is not None or last.claim.kind == "other":
        return None
    off = getattr(toks, "offset", 0)
    p_left, p_right = last.left - off, last.right - off
    if not 0 < left - p_right <= _BRACKET_NAME or not toks[p_right].text.startswith("و"):
        return None
    if any(toks[k].brk_before or toks[k].is_digit() for k in range(p_right, left)):
        return None
    return last if _in_brackets(ctx, toks, p_left, p_right) else None


_BRACKET_NAME = 3  # the words of a place before its bracketed figure ("وهونغ كونغ (299)")


def _place_before(ctx: DocContext, places, toks: Sequence[Token], left: int) -> str | None:
    """The place whose mention starts in the _BRACKET_NAME words right before the figure at
    toks[left] (its item's name), the nearest; or None.  A country counts without a locative
    word before it: in a breakdown its name is the item's label."""
    lo = toks[max(0, left - _BRACKET_NAME)].nstart
    k = bisect_left(places.named_starts, toks[left].nstart) - 1
    if k >= 0 and places.named_starts[k] >= lo:
        return places.named[k].place.id
    return None


def _noun_end(ctx: DocContext, comp: Compiled, toks: Sequence[Token], i1: int) -> int:
    """Index after the counted noun of a figure, if it has one."""
    head = _head(ctx, comp, toks, i1)
    if head == "bare":
        return i1
    end = _person_end(ctx, toks, i1)
    return end if end > i1 else i1 + 1


def _either_or(ctx: DocContext, comp: Compiled, toks: Sequence[Token], left: int, i1: int) -> bool:
    """Two kinds' cues joined by "أو" next to the figure: "قتل أو أصيب 2505", "حتفهم أو فقدوا"."""
    lo, hi = max(0, left - 6), min(len(toks), i1 + 6)
    if isinstance(toks, TokenWindow) or not _SENTENCE_POSITIONS:
        ors: Sequence[int] = [k for k in range(lo, hi) if toks[k].text == "او"]
    else:
        # the sentence's "او" positions, found once (most sentences have none)
        at = ctx.info(toks).get("or_positions", lambda: [k for k, t in enumerate(toks) if t.text == "او"])
        ors = at[bisect_left(at, lo) : bisect_left(at, hi)]
    if not ors:
        return False
    index = ctx.cue_index(comp.tagged_cues, toks)
    for k in ors:
        before = {p.payload for s, e, p in index.ending_at(k)}
        after = {p.payload for s, e, p in index.starting_at(k + 1)}
        if before and after and before != after and not (before & after):
            return True
    return False


def _kinds_at(ctx: DocContext, comp: Compiled, toks: Sequence[Token], k: int, ending: bool) -> set[str]:
    """Rule ids with a cue or counted noun starting at token k (ending just before k)."""
    index = ctx.cue_index(comp.tagged_cues, toks)
    found = {str(p.payload) for _s, _e, p in (index.ending_at(k) if ending else index.starting_at(k))}
    # the rules that combine, and of those only the ones whose counted noun can end (start) at
    # the word there (_noun_rules): the others find no noun
    if ending:
        if not 0 < k <= len(toks):
            return found
        could = _noun_rules(comp, toks[k - 1], True)
    else:
        if k >= len(toks):
            return found
        could = _noun_rules(comp, toks[k])
    for j in comp.combining:
        if j in could:
            ck = comp.kinds[j]
            if ck.nouns.ending_at(toks, k) if ending else ck.nouns.at(toks, k):
                found.add(ck.rule.id)
    return found


def _combined(ctx: DocContext, comp: Compiled, toks: Sequence[Token], left: int, i1: int) -> bool:
    """Words of two kinds that combine joined by "و"/"أو" right at the figure: "مصرع وإصابة
    العشرات", "عشرات القتلى والجرحى", "العشرات من القتلى والجرحى", "1000 قتيل أو مفقود" are one
    total of casualties, not a toll.  "10 قتلى وإصابة 20" joins two figures: not combined."""
    n = len(toks)
    if _may(ctx, toks, ctx.scope.combined_after):
        # "43 جنديا صينيا سقطوا بين قتيل وجريح": the figure's people fell dead or wounded (its
        # clause, at most _COMBINED_AFTER words after the figure)
        for j in range(i1, min(n, i1 + _COMBINED_AFTER)):
            if j > i1 and toks[j].brk_before:
                break
            if ctx.scope.combined_after.at(toks, j) is not None:
                return True
    if not comp.combinable:
        return False
    # ... and the subject of the figure's clause, up to a few words before it, with no figure
    # between: "حصيلة القتلى والمفقودين معا بلغت 640", "عدد القتلى والجرحى في الهجوم ارتفع إلى 50"
    subject = []
    for j in range(left - 2, max(0, left - _SUBJECT_REACH) - 1, -1):
        if toks[j + 1].brk_before or toks[j].is_digit() or _starts_number(ctx, toks[j]):
            break
        subject.append(j)
    for j in (left - 1, i1, i1 + 1, i1 + 2, *subject):
        if j <= 0 or j >= n or toks[j].brk_before:
            continue
        text = toks[j].text
        if text in ("او", "و"):
            first_end, second = j, j + 1
            if second >= n or toks[second].brk_before:
                continue
        elif text.startswith("و") and len(text) > 2:
            first_end, second = j, j  # "والجرحى": the joiner is a clitic of the second word
        else:
            continue
        if _COMBINE_GATE and not (_may_combine(comp, toks[first_end - 1], True)
                                  and _may_combine(comp, toks[second], False)):
            continue  # no rule that combines can end (start) at the word: before (after) holds none
        before = _kinds_at(ctx, comp, toks, first_end, True)
        if not before:
            continue
        after = _kinds_at(ctx, comp, toks, second, False)
        if not any(b in comp.by_id[a].rule.combined_with for a in before if a in comp.by_id for b in after):
            continue
        if j < left:
            # "لقوا حتفهم وأصيب 30", "29 قتيلا وأصيب 51": the first word ends a figure before
            if _number_near(ctx, toks, j, -1, 6):
                continue
            # "إن مدنيا قتل وأصيب خمسة آخرون": the first verb has a person of its own for subject
            k = first_end - 2
            if k >= 0 and not toks[k + 1].brk_before and _person_subject_ends(ctx, toks, k):
                continue
        elif _number_near(ctx, toks, second + 1, 1):
            continue  # the second word heads a figure of its own: "10 قتلى وإصابة أكثر من 20"
        return True
    return False


def _person_subject_ends(ctx: DocContext, toks: Sequence[Token], k: int) -> bool:
    """Does a person's noun phrase end at toks[k]: the noun, its adjective of origin after it
    ("جنديا صينيا"), and a "من …" phrase of at most _FROM_PHRASE words after them, in the
    clause, with no figure ("جنديا صينيا من قوات حفظ السلام")?"""
    def person(j: int) -> bool:
        return not toks[j].forms.isdisjoint(ctx.scope.person_words) or (
            j >= 1 and not toks[j].brk_before and _person_of_origin(ctx, toks, j))
    if person(k):
        return True
    for m in range(k, max(0, k - _FROM_PHRASE) - 1, -1):
        if toks[m].is_digit() or _starts_number(ctx, toks[m]):
            return False
        if toks[m].text == "من":
            return m >= 1 and not toks[m].brk_before and person(m - 1)
        if toks[m].brk_before:
            return False
    return False


_FROM_PHRASE = 5  # how many words a "من …" phrase after a person noun may have (_person_subject_ends)


def _person_of_origin(ctx: DocContext, toks: Sequence[Token], k: int) -> bool:
    """Is toks[k] an adjective of origin ("صينيا", "الفرنسي") after a person noun at k - 1?"""
    return (ctx.gaz.nationality_of(toks[k]) is not None or ctx.gaz.country_in(toks[k], True) is not None) \
        and not toks[k - 1].forms.isdisjoint(ctx.scope.person_words)


_SUBJECT_REACH = 6  # how far before a figure _combined looks for its clause's subject
_COMBINED_AFTER = 6  # how far after a figure _combined looks for "بين قتيل وجريح"

# _combined asks _kinds_at only at words where a rule that combines can end (start): tests turn
# this off to compare with asking at every joiner
_COMBINE_GATE = True


def _may_combine(comp: Compiled, tok: Token, ending: bool) -> bool:
    """Can a cue or counted noun of a rule that combines (with `ending`: a rule with a
    combined_with list, ending at `tok`; else a rule some combined_with names, starting at it)
    stand at `tok`?  A superset of _kinds_at's rule ids that _combined can use (the phrases
    indexed by that edge word, PhraseSet._candidates, and _noun_rules), one dict probe per word
    form set."""
    cache = comp.combine_gate[ending]
    found = cache.get(tok.forms)
    if found is None:
        if len(cache) > _NOUN_RULES_MAX:
            cache.clear()
        wanted = comp.combiners if ending else comp.combinable
        cues = comp.tagged_cues
        cands = (cues._candidates(cues._last, cues._last_loose, tok) if ending
                 else cues._candidates(cues._first, cues._first_loose, tok))
        found = cache[tok.forms] = any(str(p.payload) in wanted for p in cands) or any(
            comp.kinds[j].rule.id in wanted for j in _noun_rules(comp, tok, ending) if j in comp.combining
        )
    return found


def _joins_next(toks: Sequence[Token], a: int, k: int, openers: frozenset[str] = frozenset()) -> bool:
    """Does a new item open with "و" (or a clause opener: "فيما", "بينما") between token a
    and token k, k included ("والجرحى", "وأصيب", "ووصل عدد المصابين", "فيما أصيب")?"""
    for i in range(max(a, 0), min(k + 1, len(toks))):
        t = toks[i].text
        if t == "و" or (t.startswith("و") and len(t) > 2) or t in openers:
            return True
    return False


def _number_near(ctx: DocContext, toks: Sequence[Token], k: int, step: int, reach: int = 4) -> bool:
    """Is there a number within `reach` tokens from k (step -1: before k; 1: from k on), in the
    clause?"""
    i = k - 1 if step < 0 else k
    for _ in range(reach):
        if not 0 <= i < len(toks) or toks[i if step > 0 else i + 1].brk_before:
            return False
        if toks[i].is_digit() or _starts_number(ctx, toks[i]) or not toks[i].forms.isdisjoint(ctx.scope.duals):
            return True  # a dual noun is a figure too ("مقابل اعتراض عضوين")
        i += step
    return False


def _joined_verb(word: str) -> bool:
    """Is the word a verb with its clitic "و" ("ونزح", "وأصيب"), not a verb whose own root opens
    with "و" ("وصل": arrived)?"""
    return word.startswith("و") and len(word) >= 4 and not word.startswith(("وصل", "وقع", "وجد", "وفد"))


def _past_nisba(ctx: DocContext, toks: Sequence[Token], k: int) -> int:
    """The token after the nisba at toks[k] that describes the counted noun before it ("30 ألف
    لاجئ سوري عادوا": its predicate stands past it), or k when toks[k] is none."""
    if k + 1 < len(toks) and not toks[k + 1].brk_before and (
            ctx.nisba.people(toks[k]) or any(ctx.nisba.singular_shape(f) for f in toks[k].forms)):
        return k + 1
    return k


def _predicate_of_earlier(ctx: DocContext, toks: Sequence[Token], k: int, left: int) -> bool:
    """Does the cue at token k stand right after the claim placed last in the sentence (its
    predicate: "546 شخصا قتلوا"), with the figure at `left` opening the next item with "و"?"""
    if left <= k or not (toks[left].text.startswith("و") or toks[left - 1].text == "و"
                         or (left - 1 > k and _joined_verb(toks[left - 1].text))):
        return False
    placed = ctx.sentence_claims.get(ctx.sentence_at(toks[left].nstart)[0])
    if not placed:
        return False
    last = placed[-1]
    right = last.right - getattr(toks, "offset", 0)
    # (the cue may end a phrase that starts at the claim's end: "75 شخصا في عداد المفقودين")
    return last.claim.kind != "other" and right <= k <= right + 2 and not any(
        toks[j].brk_before or toks[j].is_digit() for j in range(right, k + 1))


def _other_cue_right_before(index, rule_id: str, toks: Sequence[Token], left: int) -> bool:
    """Does a cue of another rule end right before the figure, in its clause ("إيواء 2734 شخصا
    ووفاة طفل": the figure has its verb; the cue after "و" opens the next item)?"""
    if left == 0 or toks[left].brk_before:
        return False
    own = _RULE_OF.get(rule_id) or _rule_of(rule_id)
    return any(_other_kind(_RULE_OF.get(p.payload) or _rule_of(p.payload), own) for _s, _e, p in index.ending_at(left))


def _event_cue_right_before(index, toks: Sequence[Token], left: int) -> bool:
    """Does a cue of a kind that is no vote (a death, an injury, a release …) end right before
    the figure, in its clause ("أقرت الوزارة بمقتل 50 من عسكرييها": مقتل)?"""
    if left == 0 or toks[left].brk_before:
        return False
    for _s, _e, p in index.ending_at(left):
        kind = _KIND_OF_RULE.get(_RULE_OF.get(p.payload) or _rule_of(p.payload))
        if kind is not None and kind not in VOTE_KINDS and kind != "other":
            return True
    return False


def _hedged_number_at(ctx: DocContext, toks: Sequence[Token], k: int) -> bool:
    """Does a hedge open at token k with a number right after it, in the clause ("فيما نزح أكثر
    من 250 ألف شخص": the cue's own figure stands past its hedge)?"""
    if k >= len(toks) or toks[k].brk_before:
        return False
    hit = lexicon_for(ctx.rules.hedges).before.at(toks, k)
    return hit is not None and _number_near(ctx, toks, hit[1], 1, 1)


_SPACE_RUN = regex_cache.compile(r"\s*")


def _adjective_country(ctx: DocContext, s_lo: int, s_hi: int, clause_end: int, at: int, end: int,
                       heads: frozenset[str] | None = None, besides: Optional[str] = None) -> Optional[str]:
    """The country a figure's sentence names by adjective for it: the first one after the
    figure in its own clause ("أكثر من 80 ألفا نزحوا في الجانب الكمبودي"), else the nearest one
    before it ("أعلنت وزارة الدفاع الكمبودية حصيلة بلغت 13 قتيلا"); None when there is none.
    The sentence's side mentions and punctuation are read once per sentence (bisection here)."""
    if not ctx.gaz.side_heads:
        return None
    side = ctx.side_mentions(s_lo, s_hi)
    if not side.found:
        return None
    k = bisect_left(side.starts, end)
    pick = side.found[k] if k < len(side.found) and side.starts[k] < clause_end else None
    if pick is None:
        # ... in the figure's own clause, or a fronted side that ends the clause before it ("وفي
        # الجانب التايلاندي، ارتفع عدد القتلى إلى 20"): only the last mention ending by the
        # figure can be either
        p = bisect_left(side.puncts, at) - 1
        start = max(s_lo, side.puncts[p] + 1) if p >= 0 else s_lo
        k = bisect_right(side.ends, at) - 1
        if k >= 0:
            m = side.found[k]
            # (the gap to the clause's punctuation is white space: read up to its first letter)
            if start <= m.start or _SPACE_RUN.match(ctx.text, m.end).end() >= start - 1:
                pick = m
    if pick is None:
        return None
    chain = ctx.gaz.parent_chain(pick.place.id)
    country = chain[-1] if chain else pick.place.id
    if heads is not None:
        head = head_before(ctx.text, pick.start)
        if head not in heads:
            return None  # (an army, a foreign ministry: speaks of fronts and nationals abroad)
        if pick.start >= end and head in ctx.scope.nationals_side_words:
            return None  # "41 قتلوا على الجانب الطاجيكي": that side's nationals (_nationals_named)
    if besides is not None:
        # only over a default in another country: a default inside the side's country stays
        home = ctx.gaz.parent_chain(besides)
        if (home[-1] if home else besides) == country or "+" in besides:
            return None
    return country


def _names_the_country(ctx: DocContext, toks: Sequence[Token], left: int, right: int) -> bool:
    """Does the figure's clause name the whole country ("عدد القتلى في البلاد", rules/scope.yaml
    `country_words`) within `country_reach` words of the figure?  Bounded window."""
    lex, reach = ctx.scope, ctx.scope_rules.country_reach
    if not ctx.scope_rules.country_words:
        return False
    info = ctx.info(toks)
    lo = max(info.clause_start(min(left, len(toks) - 1)), left - reach)
    hi = min(info.clause_end(max(right - 1, 0)), right + reach, len(toks))
    words = lex.country_words
    if not info.may_hold(words):
        return False
    if not _SENTENCE_POSITIONS:
        return any(words.at(toks, k, hi) is not None for k in range(lo, hi))
    # the sentence's matches (found once, the longest at each start), by bisection: a start
    # with none has none within `hi` either; one whose longest ends past `hi` is asked again
    hits = info.phrase_hits(words)
    starts = info.get(("hit_starts", id(words)), lambda: [h[0] for h in hits])
    for k in range(bisect_left(starts, lo), bisect_left(starts, hi)):
        if hits[k][2] <= hi or words.at(toks, hits[k][0], hi) is not None:
            return True
    return False


def _may(ctx: DocContext, toks: Sequence[Token], phrases: PhraseSet) -> bool:
    """Can a phrase of `phrases` stand anywhere in toks (TokenInfo.may_hold)?"""
    return ctx.info(toks).may_hold(phrases)


def _in_care(ctx: DocContext, toks: Sequence[Token], left: int, right: int) -> bool:
    """Is the figure said to be still in care (rules/scope.yaml `in_care_*`)?  A still-word
    within `in_care_reach` words before the figure or after its noun, and a word of care after
    the figure, in its clause.  Bounded windows."""
    lex, reach = ctx.scope, ctx.scope_rules.in_care_reach
    info = ctx.info(toks)
    if not (info.may_hold(lex.in_care_still) and info.may_hold(lex.in_care_words)):
        return False  # (the sentence holds no still-word or no word of care)
    still = False
    for k in range(left - 1, max(-1, left - 1 - reach), -1):
        if lex.in_care_still.at(toks, k, left) is not None:
            still = True
            break
        if toks[k].brk_before:
            break
    care = False
    for k in range(right, min(len(toks), right + reach)):
        if toks[k].brk_before:
            break
        if not still and lex.in_care_still.at(toks, k) is not None:
            still = True
        if lex.in_care_words.at(toks, k) is not None:
            care = True
    return still and care


def _in_shelter(ctx: DocContext, toks: Sequence[Token], right: int) -> bool:
    """Is a place of shelter (rules/scope.yaml `shelter_words`) named within `shelter_reach`
    words after the figure's noun, in its clause?  A bounded window."""
    words = ctx.scope.shelter_words
    if not ctx.info(toks).may_hold(words):
        return False
    for k in range(right, min(len(toks), right + ctx.scope_rules.shelter_reach)):
        if toks[k].brk_before:
            break
        if words.at(toks, k) is not None:
            return True
    return False


def _after_other_kind(ctx: DocContext, s_lo: int, kind: str) -> bool:
    """Is the last figure read in the sentence of another kind?  "بلغ عدد القتلى 19136، إضافة
    إلى 42397 جريحا": the injured are added to the dead, a total of their own, not a part of
    a figure of their kind ("قتل القائد فلان، إضافة إلى 4 مقاتلين": the others besides him)."""
    placed = ctx.sentence_claims.get(s_lo)
    return bool(placed) and placed[-1].claim.kind not in (kind, "other")


def _among_whole_before(ctx: DocContext, toks: Sequence[Token], left: int) -> bool:
    """The whole named right before a count ("ومن بين القتلى 16 عاملا"), up to
    `among_modifiers_reach` definite words of the whole between them ("بين الرهائن المحررين 24
    يابانيا", "من بين القتلى المدنيين 12 طفلا", "بين الرهائن المفرج عنهم 5 فرنسيين";
    rules/scope.yaml `among_wholes`, `among_modifiers_reach`, `among_modifier_tails`).  Bounded."""
    sr = ctx.scope_rules
    k = left
    for step in range(sr.among_modifiers_reach + 1):
        if k <= 0 or toks[k].brk_before:
            return False
        if ctx.scope.among_wholes.ending_at(toks, k) is not None:
            return True
        if step == sr.among_modifiers_reach:
            return False
        k -= 1
        if not toks[k].forms.isdisjoint(sr.among_modifier_tails) and k > 0 and not toks[k].brk_before:
            k -= 1  # "المفرج عنهم": a participle and its pronoun tail, one modifier
        word = toks[k].text
        if not (word.startswith("ال") and len(word) > 3 and not any(ch.isdigit() for ch in word)):
            return False
    return False


def _among_whole_after(ctx: DocContext, toks: Sequence[Token], right: int) -> bool:
    """The whole named right after a counted part, a pronoun or a copula optional between them
    ("30 سائحا بين القتلى الـ38", "9 مسعفين هم بين القتلى", "32 كينيا كانوا بين ضحايا الطائرة";
    rules/scope.yaml `among_wholes`, `among_copulas`)."""
    k = right
    if k < len(toks) and not toks[k].brk_before and not toks[k].forms.isdisjoint(ctx.scope.rules.among_copulas):
        k += 1
    return k < len(toks) and not toks[k].brk_before and ctx.scope.among_wholes.at(toks, k) is not None


def _nationals_part(ctx: DocContext, toks: Sequence[Token], i1: int, right: int, kind: str,
                    group: Optional[str], location: Optional[str]) -> Optional[str]:
    """"بينهم 31 بريطانيا": a part of a toll named by a nationality is that country's nationals
    (rules/scope.yaml `nationals_parts`), as "30 بريطانيا بين القتلى" is - with no place known
    too (a part is never the toll); at the nationals' home it stays a part named by its noun.
    Reads the counted noun only."""
    sr = ctx.scope_rules
    if not (sr.nationals_group and sr.nationals_parts and kind in sr.nationals_kinds
            and (group or "").startswith("subset:") and i1 < right <= len(toks)):
        return group
    country = ctx.gaz.nationality_of(toks[i1])
    if country is None or not (location is None or ctx.gaz.abroad(country, location, sr.nationality_homes)):
        return group
    return f"{sr.nationals_group}:{country}"


def _subset_group(ctx: DocContext, toks: Sequence[Token], i1: int) -> str:
    """A subset named by a noun that is no known group ("13 تايلانديا"): its own group.  A
    function word is no noun: "منها 13 في المحافظة" names no group ("subset")."""
    if i1 < len(toks) and not toks[i1].brk_before and "من" in toks[i1].forms:
        i1 += 1  # "تسعة من جنوب أفريقيا"
    if (i1 < len(toks) and not toks[i1].brk_before and not toks[i1].is_digit()
            and toks[i1].text not in ctx.scope.function_words):
        if ctx.scope.subset_after.at(toks, i1) is None:  # "نحو مليون منهم": no noun
            tok = toks[i1]
            written = "".join(ctx.doc.text[ctx.norm.to_original(k)] for k in range(tok.nstart, tok.nend))
            return "subset:" + ctx.nisba.subset_label(tok, ctx.gaz.lookup, written)
    return "subset"


def _subset_place(ctx: DocContext, toks: Sequence[Token], i: int, origin: bool,
                  span: tuple[int, int] | None = None) -> str | None:
    """A gazetteer place named right after a subset figure: "في حلب"; "من درنة" only when the
    origin is the place counted (displaced), not a nationality ("جنديان من ملاوي").  A name of
    several words ("في بوركينا فاسو", "في شمال كيفو", "في ولاية راينلاند بفالتس") is read from
    the sentence's place mentions (`span`, its normalised bounds): one starting at the word
    right after the preposition."""
    preps = {"من", "في"} if origin else {"في"}
    if i + 1 < len(toks) and not toks[i].brk_before and not toks[i + 1].brk_before:
        if not toks[i].forms.isdisjoint(preps):
            for f in toks[i + 1].forms:
                hit = ctx.gaz.lookup.get(f)
                if hit is not None and not hit[1]:
                    return hit[0].id
            if span is not None:
                # (the sentence's named places, sorted by start: one bisection per figure)
                at = toks[i + 1].nstart
                places = ctx.locations_in(*span)
                k = bisect_left(places.named_starts, at)
                while k < len(places.named) and places.named_starts[k] == at:
                    m = places.named[k]
                    if m.end > toks[i + 1].nend:
                        return m.place.id
                    k += 1
    return None


def _of_a_total_after(ctx: DocContext, comp: Compiled, toks: Sequence[Token], kind: str, right: int) -> bool:
    """A figure that a total of its own kind follows, introduced by "من أصل"/"من إجمالي"
    (rules/scope.yaml `totals_of`, for `totals_of_kinds`) in the same sentence: "استقبل المستشفى
    48 جريحا، بينهم طفلان، من أصل 140 جريحا" makes 48 a part of the 140.  The marker stands
    within `totals_of_reach` words after the figure and before a clause of its own ("، وأن …");
    the total's figure and noun within as many words after the marker.  Bounded windows."""
    sr = ctx.scope_rules
    if kind not in sr.totals_of_kinds or right >= len(toks):
        return False
    totals_of = ctx.scope.totals_of
    if _TOTALS_GATE and not ctx.info(toks).may_hold(totals_of):
        return False  # no marker can stand in the sentence: the walk below finds none
    reach = sr.totals_of_reach
    stop = min(len(toks), right + reach)
    walls = ctx.scope.period_barriers
    keys = None if totals_of._first_loose else totals_of._first_keys  # (a word no marker starts with: no look-up)
    for k in range(right, stop):
        if toks[k].brk_before and toks[k].text in walls:
            return False
        if keys is not None and toks[k].forms.isdisjoint(keys):
            continue
        hit = totals_of.at(toks, k)
        if hit is None:
            continue
        after = hit[1] if isinstance(hit, tuple) else k + 1
        for j in range(after + 1, min(len(toks), after + reach)):
            if toks[j].brk_before and toks[j].text in walls:
                return False
            if not (toks[j - 1].is_digit() or _starts_number(ctx, toks[j - 1])):
                continue
            if any(ck.rule.kind == kind and _names_its_kind(ctx, ck, toks, j) for ck in comp.kinds):
                return True
        return False
    return False


def _partitive_of_whole_after(ctx: DocContext, toks: Sequence[Token], kind: str, i1: int, right: int) -> bool:
    """A partitive figure ("N من …": "من" right after the figure) whose whole the same clause
    states after it (rules/scope.yaml `partitive_wholes`: "18 من شاحنات القافلة البالغ عددها 31",
    "1150 من المشمولين بالعفو الذي شمل 1548"), for `partitive_whole_kinds`: the figure is a part
    of that whole, not a rival value of the same quantity.  The marker stands within
    `totals_of_reach` words after the figure, before a clause of its own; a number follows it
    within two words.  Bounded windows."""
    sr = ctx.scope_rules
    wholes = ctx.scope.partitive_wholes
    if (kind not in sr.partitive_whole_kinds or i1 >= len(toks) or toks[i1].brk_before
            or toks[i1].text != "من" or not _may(ctx, toks, wholes)):
        return False
    walls = ctx.scope.period_barriers
    stop = min(len(toks), right + sr.totals_of_reach)
    for k in range(right, stop):
        if toks[k].brk_before and (toks[k].text in walls or k > right):
            return False  # a clause of its own: the whole is no longer this figure's
        hit = wholes.at(toks, k)
        if hit is None:
            continue
        after = hit[1] if isinstance(hit, tuple) else k + 1
        return any(toks[j].is_digit() or _starts_number(ctx, toks[j]) for j in range(after, min(len(toks), after + 2)))
    return False


def _names_its_kind(ctx: DocContext, ck: CompiledKind, toks: Sequence[Token], i: int) -> bool:
    """Does a counted noun of the rule start at toks[i] and name the rule's kind by itself
    ("جريحا", "قتيلا", "أسيرا", "رهينة")?  A rule that counts only after its own cue
    (`require_cue`: "أحرقوا ثلاثة رهائن", "كانت تقل 150 راكبا") may list plain nouns of people
    (scope `person_nouns`: "شخصا", "راكبا", "جنديا"), which name no kind alone: the whole
    after "من أصل" in "مقتل 152 من أصل 153 شخصا" is the people the toll is part of, whatever
    rules list "شخصا"."""
    hit = ck.nouns.at(toks, i) if ck.nouns else None
    if hit is None:
        return False
    if not ck.rule.require_cue:
        return True
    person = ctx.scope.person.at(toks, i)
    if person is None or person[1] < hit[1]:
        return True
    # ... unless the rule's own cue follows the noun in its clause, within the rule's
    # `cue_after` words: "من أصل 488 سجينا فروا عبر النفق", "من أصل 1500 سجين تعهدت بالإفراج عنهم"
    return ck.cues.nearest(toks, hit[1], hit[1], 0, ck.rule.cue_after) is not None


# _of_a_total_after returns at once in a sentence that cannot hold its marker (tests turn it
# off to compare with walking the words after the figure)
_TOTALS_GATE = True


def _unknown_place_item(
    ctx: DocContext, toks: Sequence[Token], s_lo: int, left: int, right: int, kind: str, places
) -> str | None:
    """The part an item of a breakdown by unknown places names (place_items.unknown_place_part):
    the first item right after an opener (scope `place_breakdown_openers`: "بين 12 في …"), and
    each next item joined across the place of an item so read ("و5 في …")."""
    before = _joined_to(ctx, toks, s_lo, left, comma=True) if left > 0 else None
    if before is not None and before.claim.kind == kind and (before.claim.group or "").startswith("part:"):
        listed = True  # the next item of a breakdown already read as one
    elif left > 0 and not toks[left].brk_before and ctx.scope.place_breakdown.ending_at(toks, left) is not None:
        listed = False  # its first item ("بين 12 في …"), when another item follows its place
    elif before is not None and before.claim.kind == kind and toks[left - 1].text in ctx.scope.place_contrast_joiners:
        listed = True  # the item contrasted with the figure before ("40 في البلدة مقابل 12 في …")
    else:
        return None
    return unknown_place_part(
        toks, right, places.starts, listed, ctx.scope.function_words, lambda t: _starts_number(ctx, t),
    )


def _named_part(group: str | None) -> bool:
    """Is the group an item of a list named by its own word ("part:<word>")? The next item,
    joined by "و" ("…، والبرازيل بـ168 ألفا"), is named by its own word, not the one before."""
    return (group or "").startswith("part:")


# the clitics a list item's name sheds: a conjunction and the article ("والإكوادور" is
# "اكوادور"); a letter that may open the name itself ("بيرو", "كندا", "لبنان") stays
_ITEM_NAME_PREFIXES = ("وال", "فال", "ال", "و", "ف")


def _item_name(word: str) -> str:
    """The name of a list item from the word before its figure, without its conjunction and article."""
    for p in _ITEM_NAME_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p):]
    return word


def _part_group(ctx: DocContext, toks: Sequence[Token], left: int) -> str:
    """One item of a breakdown ("… وتارودانت بـ980 حالة"): named by the word before it, so that
    items of one list are never compared with each other or with the total."""
    k = left - 1
    while k >= 0 and (toks[k].text in ctx.scope.function_words or len(toks[k].text) == 1):
        if toks[k + 1].brk_before:
            break
        k -= 1
    if k >= 0 and not toks[k].is_digit():
        return "part:" + _item_name(toks[k].text)
    return "part"


def _after_margin(ctx: DocContext, toks: Sequence[Token], left: int) -> bool:
    """Does a margin or a difference word end right before the figure (its hedge, or its noun
    when the noun comes first: "بفارق صوت واحد")?"""
    lex = ctx.scope
    return ctx.info(toks).may_hold(lex.margins) and lex.margins.ending_at(toks, left) is not None


def _margin_of_dead(ctx: DocContext, toks: Sequence[Token], left: int, i1: int) -> bool:
    """Is the figure after a margin word a rise in a toll by so many dead: a word of increase
    (scope margins_counted_words) opens the margin and a noun of the dead follows the figure
    (margins_counted_nouns: "بزيادة نحو 1700 قتيل", "زيادة قدرها 4824 وفاة")?  (Its period is
    rules/periods.yaml's `increase`.)  A gap between two tolls ("بفارق 8 قتلى عن حصيلة الصباح")
    stays a margin."""
    sc = ctx.scope
    if i1 >= len(toks) or toks[i1].brk_before or toks[i1].forms.isdisjoint(sc.margins_counted_nouns):
        return False
    found = sc.margins.ending_at(toks, left)
    return found is not None and not toks[found[1]].forms.isdisjoint(sc.margins_counted_words)


def _margin_verb(ctx: DocContext, toks: Sequence[Token], i1: int) -> bool:
    """Is the margin word before the figure a verb whose object follows its counted noun (scope
    margins_unless_after: "فارق 5 أشخاص الحياة", "فارق ثلاثة من الجرحى الحياة")?"""
    words = ctx.scope.margins_unless_after
    for k in range(i1 + 1, min(i1 + 3, len(toks))):
        if toks[k].brk_before:
            return False
        if not toks[k].forms.isdisjoint(words):
            return True
    return False


def _case_total(ctx: DocContext, toks: Sequence[Token], left: int, i1: int, kind: str) -> bool:
    """Is the figure the count of cases a toll is drawn from: a case noun after it (scope
    `case_nouns`, no noun of death right after: "حالة وفاة") and `case_totals_before` ending right
    before it ("من بين 684 حالة")?"""
    lex = ctx.scope
    if left <= 0 or toks[left].brk_before or i1 >= len(toks) or toks[i1].brk_before:
        return False
    hit = lex.case_nouns.at(toks, i1)
    if hit is None:
        return False
    after = hit[1]
    unless = ctx.scope_rules.case_nouns_unless
    if after < len(toks) and not toks[after].brk_before and not toks[after].forms.isdisjoint(unless):
        return False
    if lex.case_totals.ending_at(toks, left) is not None:
        return True
    if kind not in ctx.scope_rules.case_death_kinds:
        return False  # ("بلغ عدد حالات الفقد 95 حالة": the cases of the missing are their count)
    if after < len(toks) and not toks[after].brk_before and lex.case_died_after.at(toks, after) is not None:
        return True  # "374 حالة توفي منها 329": the cases, of which some died
    # a count of deaths, or a case noun of its own, before the figure in its clause (bounded)
    for k in range(left - 1, max(-1, left - 1 - ctx.scope_rules.case_reach), -1):
        if not toks[k].forms.isdisjoint(unless):
            # "99 وفاة و461 حالة": the deaths were counted; these are the cases (not "عدد
            # الوفيات 30 حالة", "حالات الوفاة": the noun of death counts this figure)
            return k > 0 and toks[k - 1].is_digit() and not toks[k].brk_before
        if lex.case_nouns.at(toks, k) is not None and not (
            k + 1 < len(toks) and not toks[k + 1].forms.isdisjoint(unless)
        ):
            return True  # "لحالات التسمم بلغ 5011 حالة" (not "حالات الوفاة")
        if toks[k].brk_before:
            break
    return False


_CODE_BACK = 12  # characters read back from a figure for a code it continues ("N-236-")


def _in_code(text: str, start: int) -> bool:
    """Does the figure continue a code of Latin letters and digits joined by hyphens ("N-236-1",
    "A-7")?  The figure follows a hyphen glued to a run of Latin letters and digits holding a
    letter.  At most `_CODE_BACK` characters are read."""
    if start < 2 or text[start - 1] != "-":
        return False
    k, low = start - 1, max(0, start - 1 - _CODE_BACK)
    letter = False
    while k > low and (text[k - 1].isascii() and (text[k - 1].isalnum() or text[k - 1] == "-")):
        k -= 1
        letter = letter or text[k].isalpha()
    return letter


def _not_a_count(ctx: DocContext, comp: Compiled, toks: Sequence[Token], left: int, i1: int, n: _Num) -> bool:
    """Rates, totals-of and a lone "one": "مقابل كل 30 أسيرا", "من أصل 15", "مرة واحدة"."""
    if n.value == 1 and not n.digits and not n.is_range and not n.dual_of and not n.one_of:
        # واحد/واحدة after a noun is an adjective ("وزير واحد"); right after "مقابل" it fills a
        # tally's slot ("بأغلبية 13 قاضيا مقابل واحد"); joined by "و" with its place after it, it
        # is the last item of a breakdown by places ("هم 56 في المكسيك وأربعة في الولايات المتحدة
        # وواحد في كندا"), which _sibling gives its kind
        if toks[left].text.startswith("و") and _place_after(ctx, toks, i1):
            return False
        return not (left > 0 and not toks[left].brk_before and toks[left - 1].text in ctx.scope.one_counts_after)
    if n.digits and not n.is_range and _in_code(ctx.text, n.nstart):
        return True  # "الطريق N-236-1", "الرحلة MS-804": a part of a code of letters and digits
    if n.digits and ctx.text[max(0, n.nstart - 2) : n.nstart] == "ال":
        # "الـ55" after a noun is an ordinal ("عملية التبادل الـ55"); "الـ24 ساعة" stays a count
        if i1 >= len(toks) or toks[i1].brk_before or toks[i1].text in ctx.scope.function_words:
            return True
    if not n.digits and not n.is_range and n.form == "cardinal" and _definite_attribute(toks, left, n.nstart):
        # "في الدول الثلاث 2500": a number word agreeing with a definite noun describes it; not
        # after a toll's head ("يتجاوز عدد القتلى الألف": the thousand is what the toll passes)
        # (a scale word after a toll's counted noun: "حصيلة التفجيرات الثمانية" counts bombings)
        return not (
            n.value >= 100 and left >= 2 and not toks[left - 1].brk_before
            and not toks[left - 2].forms.isdisjoint(_predicate_for(ctx.rules.hedges).heads)
            and (comp.all_cues.at(toks, left - 1) or any(
                ck.nouns.at(toks, left - 1) for ck in comp.kinds if ck.nouns and not ck.rule.units
            ))
        )
    lex, info = ctx.scope, ctx.info(toks)
    if left > 0 and not toks[left].brk_before and info.may_hold(lex.not_before) and lex.not_before.ending_at(toks, left) \
            and not (lex.counts_before and info.may_hold(lex.counts_before) and lex.counts_before.ending_at(toks, left)):
        # "الأعضاء الـ15" is the body's size, "الأعضاء الـ11 الآخرون" a count of some of them
        # (but "الدفعة الأولى المكونة من 582 سجينا" a batch's: counts_before)
        return not (i1 < len(toks) and not toks[i1].brk_before and not toks[i1].forms.isdisjoint(lex.not_before_unless))
    if left > 0 and not toks[left].brk_before and info.may_hold(lex.totals_of) and lex.totals_of.ending_at(toks, left):
        # "من أصل 15" is a body size, "من أصل 48 جريحا" the total of a casualty count
        return not (i1 < len(toks) and not toks[i1].brk_before and any(
            _names_its_kind(ctx, ck, toks, i1) for ck in comp.kinds
            if not ck.rule.units and ck.rule.kind not in _PEOPLE_KINDS_WITHOUT_LOCATION
        ))
    if n.digits and left > 0 and info.may_hold(lex.identifier_nouns) and _identifier(ctx, comp, toks, left, i1):
        return True  # "ضحايا رحلة الخطوط الإثيوبية 302": the flight's number
    w = ctx.scope.requirement_window
    if left > 0 and info.may_hold(lex.requirement) and lex.requirement.nearest(toks, left, left, w, 0) is not None \
            and not (i1 < len(toks) and not toks[i1].brk_before and lex.requirement_unless.at(toks, i1) is not None):
        return True  # "يتطلب صدور القرار موافقة 9 دول": a threshold ("… مرور 42 يوما": a countdown)
    return (
        i1 < len(toks) and not toks[i1].brk_before and info.may_hold(lex.not_after)
        and lex.not_after.at(toks, i1) is not None
        and not (info.may_hold(lex.counts_after) and lex.counts_after.at(toks, i1) is not None)
    )


def _identifier(ctx: DocContext, comp: Compiled, toks: Sequence[Token], left: int, i1: int) -> bool:
    """Does a noun naming a thing by its number (scope `identifier_nouns`) stand at most
    `identifier_reach` words before the figure, in its clause, with no counted noun of a kind
    after the figure?"""
    if i1 < len(toks) and not toks[i1].brk_before and any(ck.nouns.at(toks, i1) for ck in comp.kinds if ck.nouns):
        return False  # "رحلة أقلت 150 راكبا": a count
    reach = ctx.scope_rules.identifier_reach
    k = left - 1
    while k >= 0 and left - k <= reach + 1:
        if ctx.scope.identifier_nouns.at(toks, k, left) is not None:
            return True
        if toks[k].brk_before or toks[k].is_digit():
            return False
        k -= 1
    return False


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(float(v), 6)


def _round(v: float | None) -> float | None:
    return None if v is None else round(float(v), 6)


def _negated(comp: Compiled, ctx: DocContext, toks: Sequence[Token], left: int) -> bool:
    """A denial particle just before the claim, or a denial verb earlier in its clause."""
    window = ctx.rules.negation.particle_window
    if left > 0 and not toks[left].brk_before and not toks[left - 1].forms.isdisjoint(comp.exceptives):
        return False  # "لم يعارضه سوى بلدين": only two, not none
    info = ctx.info(toks)
    hit = comp.negation_particles.nearest(toks, left, left, window, 0) if info.may_hold(comp.negation_particles) else None
    if hit is not None:
        after = hit[1] + len(hit[0].words)  # the word right after the particle
        # "لم يكف تأييد 11 عضوا": the figure held, it did not suffice
        return after >= left or toks[after].forms.isdisjoint(comp.sufficiency_verbs)
    # a denial verb starting anywhere in [clause start, left): from an index of the verbs'
    # positions, made once per sentence
    c = info.clause_start(left) if left < len(toks) else left
    if c >= left or not info.may_hold(comp.negation_verbs):
        return False
    at = info.get("negation_verbs", lambda: [k for k, _p, _e in info.phrase_hits(comp.negation_verbs)])
    k = bisect_left(at, c)
    return k < len(at) and at[k] < left


_OTHER = KindRule.model_construct(
    id="other", kind="other", what="", why="", priority=-1, group=None, period=None,
    event_from="none", actor=False, events={}, units={}, nouns=[], cues=[], exclude=[],
)


def _day_after(ctx: DocContext, toks: Sequence[Token], i1: int) -> bool:
    """Does a day (or a part of one) named right after the figure start at toks[i1] ("58 يوم
    السبت", "19 مساء الأربعاء")?"""
    return (not toks[i1].forms.isdisjoint(ctx.scope.day_after_first) and ctx.scope.day_after.at(toks, i1) is not None) \
        or _dated_day_after(ctx, toks, i1)


def _dated_day_after(ctx: DocContext, toks: Sequence[Token], i1: int) -> bool:
    """Does "يوم" start a date of a day and its month at toks[i1] ("وكانت الحصيلة 12514 يوم 23
    آب", "و30 يوم 4 مايو"): the day's number (1-31) then a month name (scope `dated_day_*`)?"""
    sc = ctx.scope
    if i1 + 2 >= len(toks) or toks[i1].forms.isdisjoint(sc.dated_day_words):
        return False
    day, month = toks[i1 + 1], toks[i1 + 2]
    return (not day.brk_before and not month.brk_before and day.text.isdigit() and len(day.text) <= 2
            and 1 <= int(day.text) <= 31 and not month.forms.isdisjoint(sc.dated_day_months))


def _head(ctx: DocContext, comp: Compiled, toks: Sequence[Token], i1: int) -> str:
    """What follows the number: a person noun, nothing (bare), or some other noun."""
    if i1 >= len(toks) or toks[i1].brk_before:
        return "bare"
    t = toks[i1]
    if ctx.scope.person.at(toks, i1):
        return "person"
    if "من" in t.forms and i1 + 1 < len(toks) and ctx.scope.person.at(toks, i1 + 1):
        return "person"
    if ctx.nisba.people(t) or ctx.nisba.after_hundreds(toks, i1):
        return "person"  # "670 قرويا", "87 مغربيا", "5 إيرانيين": people named by origin
    if _starts_number(ctx, t):
        # another number ("ألف ألف", "ثلاثة ثلاثة") is no counted noun; asked before the other
        # "bare" tests below (each answers "bare" too, so the answer is the same), which a text
        # of number words would otherwise ask for every figure
        return "bare"
    if t.text in ctx.scope.counted_areas:  # (the word itself: "وولاية الجنوب" is the next item)
        return "other"  # "في 11 ولاية": the areas counted, though "ولاية" is a mandate's cue too
    if t.text in ctx.scope.function_words or t.is_digit() or comp.all_cues.at(toks, i1):
        return "bare"
    if i1 > 0 and ctx.scope.figure_closers and not ctx.scope.figure_closers.isdisjoint(
        ctx.text[toks[i1 - 1].nend:t.nstart]
    ):
        return "bare"  # "الصين القارية (349) وهونغ كونغ (299)": a closing bracket ends the figure
    if _day_after(ctx, toks, i1):
        return "bare"  # "كانت الحصيلة 58 يوم السبت": the day of the figure, no counted noun
    if _means_phrase(ctx, t):
        return "bare"  # "وجرح 79 بهجوم", "أصيب 15 بالرصاص": how they were hit, not who
    if t.text[0] in _CONJ_LETTERS and not t.forms.isdisjoint(ctx.scope.function_words):
        return "bare"  # "900 وأن المرض …", "110 فيما …": a conjunction opens the next clause
    if t.text[0] == "و" and len(t.text) > 3 and t.text[1:].startswith(ctx.scope.next_item_after_waw):
        return "bare"  # "ترتفع إلى 72 وتحذير من …": "و" opens the next item, no counted noun
    if (
        t.text[0] == "و" and len(t.text) > 3 and ctx.scope.next_subject_verbs and i1 + 1 < len(toks)
        and not toks[i1 + 1].brk_before and len(toks[i1 + 1].text) >= 4
        and toks[i1 + 1].text.startswith(ctx.scope.next_subject_verbs)
        and not _is_counted_noun(ctx, comp, toks, i1)
    ):
        return "bare"  # "ضحايا الفيضانات يتجاوزون 300 ورامافوزا يتفقد …": the next clause's subject
    if t.text[0] == "و":
        hedge = lexicon_for(ctx.rules.hedges).before.at(toks, i1)
        if hedge is not None and _number_near(ctx, toks, hedge[1], 1, 1):
            return "bare"  # "701 وقرابة 13 ألف إصابة": a hedged next item of a list, not a noun
    return "other"


_CONJ_LETTERS = frozenset("وف")


def _means_phrase(ctx: DocContext, t: Token) -> bool:
    """Is t a noun with the preposition "ب" saying how people were hit ("بهجوم", "بالرصاص")?
    (rules/scope.yaml `means_nouns`; a definite noun after "ب" always is.)"""
    w = t.text
    if len(w) < 4 or w[0] != "ب":
        return False
    stem = w[1:]
    return (stem.startswith("ال") and len(stem) > 3) or stem in ctx.scope.means_nouns


def _vague_construct(ctx: DocContext, toks: Sequence[Token], i1: int) -> bool:
    """Is the word after a vague quantity a definite noun it governs ("مئات الأسر": hundreds of
    families)?  Such a word is what is counted, even when it is also some rule's cue ("الأسر"
    is captivity too); a count of people would be a person or counted noun (matched before)."""
    if i1 >= len(toks) or i1 == 0 or toks[i1 - 1].text.lstrip("وفبك").startswith(("ال", "لل")):
        return False  # "عبر الآلاف الحدود": a definite quantity governs nothing
    t = toks[i1]
    return (
        t.text.startswith("ال") and not t.brk_before and t.text not in ctx.scope.function_words
        and not t.is_digit() and not _starts_number(ctx, t)
    )


def _starts_number(ctx: DocContext, t: Token) -> bool:
    """Does a number (of any form) begin inside token t (after its clitics)?"""
    end = t.nstart + len(t.text)
    feed = ctx.number_feed
    if feed is not None and not feed._done and (not feed.starts or feed.starts[-1] < end):
        feed.through(end)  # every number starting inside t is read (its own test, not repeated)
    starts = ctx.number_starts
    k = bisect_left(starts, t.nstart)
    return k < len(starts) and starts[k] < end  # a noun-first token spans two words


def _clause_end(ctx: DocContext, toks: Sequence[Token], i: int) -> int:
    """Normalised offset where the clause holding token i-1 ends."""
    k = ctx.info(toks).clause_end(max(i, 1))
    return toks[k - 1].nend if k <= len(toks) else toks[-1].nend


def _clause_past_aside(ctx: DocContext, toks: Sequence[Token], right: int) -> tuple[int, int] | None:
    """The rest of a figure's clause after an aside right behind it (rules/scope.yaml `asides`,
    up to `aside_reach` words between commas: "تمكن 476 سجينا، معظمهم من عناصر الحركة، من
    الفرار من سجن في مدينة قندهار", "قتل 15 مدنيا، بينهم 11 طفلا، في قصف على حي"), as
    normalised offsets [start, end); None when no aside follows the figure (after its hedge),
    the aside runs on to the sentence's end or past the reach, or what follows it opens a new
    clause with "و"/"ف" ("، وأصيب 30 في حلب": another figure's clause).  One pass over the
    aside's words and the clause after it, through the sentence's cached clause breaks.
    `aside_reach: 0` turns it off: see rules/scope.yaml."""
    after = _hedge_after(ctx, toks, right, None)
    if after is not None:
        right = after[1]  # "33 شخصا على الأقل، بينهم …"
    if right >= len(toks) or not toks[right].brk_before or not ctx.scope.asides.at(toks, right):
        return None
    info = ctx.info(toks)
    k = info.clause_end(right + 1)  # the token opening the clause after the aside
    if k >= len(toks) or k - right > ctx.scope_rules.aside_reach:
        return None
    first = toks[k]
    if first.text[:1] in "وف" and (first.text[1:] in first.forms or first.text[1:2].isdigit() or len(first.text) == 1):
        return None  # ("، و154 معتقلا نقلوا من معسكر في جنوب لبنان": the next item's clause)
    end = info.clause_end(k + 1)
    return first.nstart, (toks[end - 1].nend if end <= len(toks) else toks[-1].nend)


def _is_counted_noun(ctx: DocContext, comp: Compiled, toks: Sequence[Token], i: int) -> bool:
    """Is toks[i] a person noun or a kind's counted noun (not just any word)?"""
    nisba = i < len(toks) and any(ctx.nisba.singular_shape(f) for f in toks[i].forms)
    if nisba and _describes_thing_before(ctx, comp, toks, i):
        return False  # a nationality describing the thing named before it: "بفيتو روسي واحد"
    if ctx.scope.person.at(toks, i):
        return True
    if i >= len(toks):
        return False
    if nisba:
        return True  # (a nationality before "واحد" counts a person: "وفلبيني واحد")
    could = _noun_rules(comp, toks[i])  # (the rules whose noun can start at the word)
    return any(comp.kinds[j].nouns.at(toks, i) for j in sorted(could))


_ONE_FIRST = frozenset({"1"})  # the forms of a "one" read before its noun (_claim_at)


def _conjunction_len(tok: Token, num_nstart: int) -> int:
    """1 when the claim's first token carries the conjunction "و" (or "ف" before a number
    word) as a clitic: "وأربعة مدنيين", "وأكثر من 40", "ودولة واحدة".  The claim's span, like a
    number's ("و4 مدنيين" -> "4 مدنيين"), leaves the conjunction out."""
    text = tok.text
    if len(text) < 3 or text[1:] not in tok.forms or num_nstart == tok.nstart:
        return 0  # ("واحد وعشرون": the number's own letter)
    if tok.nstart < num_nstart <= tok.nend:
        # the number is read inside this token: only the letters before it are its clitics
        return 1 if num_nstart == tok.nstart + 1 and text[0] in "وف" else 0
    return 1 if text[0] == "و" else 0  # a hedge or a noun said before the number


def _describes_thing_before(ctx: DocContext, comp: Compiled, toks: Sequence[Token], i: int) -> bool:
    """Is the nisba toks[i] an adjective of the word before it, a thing and not a person: a
    means of harm (scope.yaml means_nouns) or a noun or cue of a kind that counts no people
    (accept_person_nouns: false, e.g. a veto)?"""
    if i < 1 or toks[i].brk_before or ctx.scope.person.at(toks, i - 1):
        return False
    if toks[i - 1].text in ctx.scope.one_counts_after:
        return False  # "مقابل جندي واحد": the joiner of two sides is no thing the nisba describes
    if toks[i - 1].forms & ctx.scope.means_nouns:
        return True
    for ck in comp.kinds:
        if ck.rule.accept_person_nouns:
            continue
        for phrases in (ck.nouns, ck.cues):
            hit = phrases.at(toks, i - 1)
            if hit and hit[1] == i:
                return True
    return False


def _person_end(ctx: DocContext, toks: Sequence[Token], i1: int, fig: dict | None = None) -> int:
    """Index after the person noun that follows a number ("شخص", "من المدنيين")."""
    hit = ctx.scope.person.at(toks, i1)
    if hit:
        return hit[1]
    if i1 < len(toks) and "من" in toks[i1].forms:
        hit = ctx.scope.person.at(toks, i1 + 1)
        if hit:
            return hit[1]
    if i1 < len(toks) and not toks[i1].brk_before and (ctx.nisba.people(toks[i1]) or ctx.nisba.after_hundreds(toks, i1)):
        return i1 + 1
    h = _hedge_after(ctx, toks, i1, fig)
    if h is not None and h[1] + 1 < len(toks) and not toks[h[1]].brk_before and "من" in toks[h[1]].forms:
        # "10 على الأقل من عناصر الأمن قتلوا": the hedge right after the figure, then its people
        hit = ctx.scope.person.at(toks, h[1] + 1)
        if hit:
            return hit[1]
    return i1


@dataclass(slots=True)
class _Predicate:
    """rules/hedges.yaml `predicate`, normalised: a figure that is its clause's subject's total."""

    reach: frozenset[str]
    heads: frozenset[str]
    window: int
    anaphora: frozenset[str]  # the heads with a pronoun: "عددهم", "حصيلتها"
    pronouns: frozenset[str]  # ... only those with a pronoun (not "العدد")
    openers: frozenset[str]  # words opening the next clause ("فيما أصيب 610": a figure of its own)


@per_object
def _predicate_for(hedges) -> _Predicate:
    p = hedges.predicate
    heads = frozenset(normalize_word(w) for w in p.heads)
    stems = {h[:-1] + "ت" if h.endswith("ه") else h for h in heads}  # حصيله -> حصيلت
    # "عددهم", "حصيلتها", and the head with the article alone ("وتوقعت ارتفاع العدد إلى …")
    pronouns = frozenset(s + suffix for s in stems for suffix in ("هم", "ها", "هن", "ه"))
    anaphora = pronouns | {"ال" + h for h in heads}
    openers = frozenset(normalize_word(w) for w in p.openers)
    return _Predicate(frozenset(normalize_word(w) for w in p.reach), heads, p.window, anaphora, pronouns, openers)


# What may stand between a reach word and the figure besides spaces: an opening quote ("بلغ
# “39 مدنيا"), which the tokeniser counts as clause punctuation.
_QUOTES_ONLY = regex_cache.compile(r"[\s«»\"“”'‘’]*")


def _reached(ctx: DocContext, pred: _Predicate, toks: Sequence[Token], left: int) -> bool:
    """Is the figure starting at token `left` (its hedge included) the predicate of a reach
    word: the word before it ("إلى 359", "بلغ “39"), or the hedge itself a reach verb
    ("تجاوزت 2200")?"""
    if left >= len(toks):
        return False
    if not toks[left].forms.isdisjoint(pred.reach):
        return True  # "وفيات الكوليرا، تجاوزت 2200 حالة": the hedge is the verb
    if left == 0:
        return False
    if toks[left].brk_before and not _QUOTES_ONLY.fullmatch(ctx.text, toks[left - 1].nend, toks[left].nstart):
        return False
    return not toks[left - 1].forms.isdisjoint(pred.reach)


def _headed(pred: _Predicate, toks: Sequence[Token], k: int) -> bool:
    """Is the cue starting at token k a toll named by a head word ("حصيلة قتلى", "عدد
    الوفيات"): the head is its first word or the word before it."""
    if not toks[k].forms.isdisjoint(pred.heads):
        return True
    return k > 0 and not toks[k].brk_before and not toks[k - 1].forms.isdisjoint(pred.heads)


def _verb_first_hedge(ctx: DocContext, hedges, toks: Sequence[Token], i0: int) -> str | None:
    """The hedge of a reach verb that heads the figure's subject, the verb first ("تجاوز عدد
    القتلى في المدينة 1000", "يتجاوز عدد القتلى الألف", "لم يتجاوز عدد الجرحى 20"): a head word
    (hedges.yaml predicate heads) at most _VERB_SUBJECT words before the figure, no break or
    figure between, right after a reach verb that is also a hedge.  None otherwise."""
    pred = _predicate_for(ctx.rules.hedges)
    for k in range(i0 - 1, max(0, i0 - 1 - _VERB_SUBJECT), -1):
        if toks[k + 1].brk_before or toks[k].is_digit():
            return None
        if not toks[k].forms.isdisjoint(pred.heads):
            if k < 1 or toks[k].brk_before or toks[k - 1].forms.isdisjoint(pred.reach):
                return None
            hb = hedges.find_before(toks, k)
            return hb[0] if hb is not None else None
    return None


_VERB_SUBJECT = 5  # the words from a subject's head to its figure ("عدد القتلى في مدينة حلب 50")


def _verb_first(pred: _Predicate, toks: Sequence[Token], k: int) -> bool:
    """Is the cue starting at token k a toll headed by a head word, right after a reach verb
    ("بلغ إجمالي القتلى", "وارتفع عدد النازحين")?"""
    h = k if not toks[k].forms.isdisjoint(pred.heads) else k - 1
    if h < 1 or toks[h].forms.isdisjoint(pred.heads) or toks[h].brk_before or (h < k and toks[k].brk_before):
        return False
    return not toks[h - 1].forms.isdisjoint(pred.reach)


def _claim_between(ctx: DocContext, toks: Sequence[Token], a: int, b: int) -> bool:
    """Does a figure already read in this sentence (a claim of any kind) stand in toks[a:b]?
    ("عدد القتلى في الهجوم على 3 قرى بلغ …": "3 قرى" stands between the subject and the
    figure).  Dates and years are no claims, so they never stand in the way; nor does a length
    of time, the subject's window ("منذ بدء الهجوم قبل 50 يوما إلى 281")."""
    if b <= a or b > len(toks):
        return False
    placed = ctx.sentence_claims.get(ctx.sentence_at(toks[b - 1].nstart)[0])
    if not placed:
        return False
    off = getattr(toks, "offset", 0)  # placed claims keep sentence indexes
    lo, hi = a + off, b + off
    if not _PLACED_REACH:
        return _claim_between_plain(placed, lo, hi)
    # read back from the latest claim; once no claim with a kind placed up to p starts at lo or
    # later (p.reach), none before it can stand in [lo, hi): a look costs the claims placed
    # since the cue, not the sentence's last few hundred
    for p in reversed(placed):
        if p.reach < lo:
            return False
        if lo <= p.left < hi and p.claim.kind != "other" and p.claim.kind not in _LENGTH_KINDS:
            return True
    return False


def _claim_between_plain(placed, lo: int, hi: int) -> bool:
    """_claim_between's definition over every placed claim (for tests)."""
    # a measure in an aside ("الذي بلغت قوته 7.9 درجات") is no figure of a kind
    # ... nor a length of time ("عدد القتلى منذ بدء الهجوم قبل 50 يوما إلى 281": the window)
    return any(lo <= p.left < hi and p.claim.kind != "other" and p.claim.kind not in _LENGTH_KINDS for p in placed)


# _claim_between stops reading back at the placed claims' reach (tests turn it off to compare)
_PLACED_REACH = True


def _other_subject(pred: _Predicate, index, rule_id: str, toks: Sequence[Token], a: int, b: int) -> bool:
    """Does a head word in toks[a:b] name a toll that is no cue of this rule ("عدد المعتقلين")?"""
    for k in range(max(a, 0), min(b, len(toks))):
        if toks[k].forms.isdisjoint(pred.heads) or not toks[k].forms.isdisjoint(pred.anaphora):
            continue  # no head, or "العدد" alone: the same subject named again
        if not any(p.payload == rule_id for _s, _e, p in (*index.starting_at(k), *index.starting_at(k + 1))):
            return True
    return False


def _anaphora(ctx: DocContext, pred: _Predicate, toks: Sequence[Token], left: int) -> bool:
    """Does the figure's clause name the subject again with a pronoun ("عددهم", "حصيلتها"),
    before the figure?  The pronouns of a sentence are found once; a figure looks for one
    between its clause's start and itself by bisection (reading back to the clause's start for
    every figure was quadratic in a long clause of figures)."""
    if left <= 0:
        return False
    info = ctx.info(toks)
    at = info.get(("anaphora", id(pred)), lambda: _anaphora_positions(pred, toks))
    k = bisect_left(at, info.clause_start(left - 1))
    return k < len(at) and at[k] < left


def _anaphora_positions(pred: _Predicate, toks: Sequence[Token]) -> list[int]:
    """Indexes of the tokens naming the subject with a pronoun, in order."""
    words = pred.anaphora
    return [k for k, t in enumerate(toks) if not t.forms.isdisjoint(words)]


def _anaphora_plain(pred: _Predicate, toks: Sequence[Token], left: int) -> bool:
    """_anaphora's definition: read back from the figure to its clause's start (for tests)."""
    k = left - 1
    while k >= 0:
        if not toks[k].forms.isdisjoint(pred.anaphora):
            return True
        if toks[k].brk_before:
            return False
        k -= 1
    return False



_ANTECEDENT = 4  # how far back from its clause's start a pronoun's antecedent may end ("قتلى تدافع ملعب المدينة، الذين")
_COMMA_ONLY = regex_cache.compile(r"\s*[،,]\s*")


def _comma_only(ctx: DocContext, toks: Sequence[Token], k: int) -> bool:
    """Is token k's clause break a comma alone ("…، وعددهم 26": the pronoun opens its clause)?"""
    return k > 0 and bool(_COMMA_ONLY.fullmatch(ctx.text, toks[k - 1].nend, toks[k].nstart))


_GOVERNOR_REACH = 12  # how far back a bridge word's verb may stand across commas ("أفرج خاطفون، الجمعة، عن …")


def _antecedent_governor(ctx: DocContext, ck: "CompiledKind", index, toks: Sequence[Token], cs: int):
    """The cue governing a pronoun's antecedent in the clause before the pronoun's own ("أطلق
    المسلحون سراح العمال المخطوفين منذ الشهر الماضي، وعددهم 14 شخصا"): the rule's cue in that
    clause, within the rule's reach of its end; or, when that clause opens with a bridge word
    ("أفرجت الجماعة، أمس، عن العمال المحتجزين منذ عام، وعددهم 9"), the cue before the bridge,
    as for a figure right after it.  None when no cue of the rule governs it (or another kind's
    cue stands nearer the antecedent in that clause)."""
    r = ck.rule
    if not r.antecedent_cues:
        return None
    pcs = ctx.info(toks).clause_start(cs - 1)
    if pcs >= cs:
        return None
    tag = r.id + ":antecedent"
    window = max(r.cue_before, 1) + 2  # (+2: the antecedent's own words past the verb's reach)
    mine = index.nearest(cs, cs, min(window, cs - pcs + 1), 0, True, tag)
    if mine is None or mine[1] < pcs:
        mine = None
        if ck.bridge and not toks[pcs].forms.isdisjoint(ck.bridge):
            mine = index.nearest(pcs, pcs, _GOVERNOR_REACH, 0, True, tag)
    if mine is None:
        return None
    # another kind's cue between the verb and the pronoun names the antecedent
    first = index.nearest(cs, cs, cs - mine[1] + 1, 0, True)
    if first is not None and first[1] > mine[1] and _rule_of(first[0].payload) != r.id:
        return None
    return mine[0], mine[1], cs - mine[1]


def _tally_joiner(ctx: DocContext, ck: CompiledKind, toks: Sequence[Token], k: int):
    """A rule's tally joiner right after the counted noun ending at toks[k] (past a comma at
    most): "بعشرة أصوات وامتناع خمسة", "13 صوتا، مقابل صوتين".  The joiner heads the tally's
    next figure, so it is no cue of another rule's kind for this one: it is read here, never
    indexed with the cues (a cue of the votes for right before the figure after it would take
    that figure from the votes against and the abstentions).  As a cue: (words, start, distance)."""
    if k >= len(toks) or (toks[k].brk_before and not _comma_only(ctx, toks, k)):
        return None
    if ck.tally_skip and not toks[k].forms.isdisjoint(ck.tally_skip):
        k += 1  # "بتسعة أصوات فقط وامتناع ستة": the emphasis before the joiner
        if k >= len(toks) or (toks[k].brk_before and not _comma_only(ctx, toks, k)):
            return None
    if toks[k].forms.isdisjoint(ck.tally_joiners):
        return None
    return ((toks[k].text,), k, 0.5)


def _find_cue(ctx: DocContext, comp: Compiled, ck: CompiledKind, toks: list[Token], left: int, right: int,
              index=None, pred: "_Predicate | None" = None, fig: dict | None = None, has: bool = False):
    """_find_any_cue, less a cue that tells only a count restating households (scope
    `restatement_cues`: "نزحت" of "أم لأربعة أطفال نزحت" counts no children)."""
    cue = _find_any_cue(ctx, comp, ck, toks, left, right, index, pred, fig, has)
    only = ctx.scope.restatement_cues.get(ck.rule.id)
    if cue is not None and only and 0 <= cue[1] < len(toks) and not toks[cue[1]].forms.isdisjoint(only):
        if index is None:
            index = ctx.cue_index(comp.tagged_cues, toks)
        if _restated_cue(ctx, index, ck.rule, toks, left, right, fig) is None:
            return None
    if cue is not None and ck.object_cues and _object_of_its_own(ck, toks, cue, left, right):
        return None
    spent = ctx.scope.spent_cues.get(ck.rule.id)
    if (cue is not None and spent and 0 <= cue[1] < len(toks) and not toks[cue[1]].forms.isdisjoint(spent)
            and _spent_time(ctx, toks, max(right, cue[1] + 1))):
        return None
    return cue


def _object_of_its_own(ck: CompiledKind, toks: Sequence[Token], cue, left: int, right: int) -> bool:
    """Is the cue one of the rule's `object_cues` (the noun of a return, "إعادة") followed by an
    object of its own: a word, in its clause, that is neither the figure toks[left:right] (its
    hedge) nor one of the rule's counted nouns ("إعادة الكهرباء", "إعادة إعمار")?  Reads one token."""
    k = cue[1]
    if not 0 <= k < len(toks) or toks[k].forms.isdisjoint(ck.object_cues):
        return False
    nxt = k + max(len(cue[0]), 1)
    if nxt + 1 == left and nxt < len(toks) and not toks[nxt].forms.isdisjoint(ck.object_fillers):
        nxt += 1  # "بعودة آخر 408 أسرى": a word of order before the figure
    if nxt >= len(toks) or toks[nxt].brk_before or left <= nxt < right:
        return False
    return toks[nxt].forms.isdisjoint(ck.object_nouns)


def _spent_time(ctx: DocContext, toks: Sequence[Token], k: int) -> bool:
    """Does a length of time stand at toks[k] (scope `spent_*`): hedges and a number (digits or
    number words), then a unit of time, in the clause, maybe after a place of the stay ("في الأسر
    300 يوم")?  A unit that also dates ("يوم", "عام") needs its number; one in brackets right
    after a person is an age ("طفل (12 عاما)"), no stay.  ("قضى البحارة 210 أيام": spent, no toll.)"""
    return _spent_at(ctx, toks, k) or (k + 1 < len(toks) and not toks[k].brk_before and _spent_at(ctx, toks, k + 1))


def _spent_at(ctx: DocContext, toks: Sequence[Token], k: int) -> bool:
    """_spent_time right at toks[k] (the caller also tries past one word: the figure's noun after
    it, "الرهائن الستة" read as "الستة الرهائن")."""
    sc = ctx.scope
    n = len(toks)
    if k < n and not toks[k].brk_before and not toks[k].forms.isdisjoint(sc.spent_places):
        j = k + 1
        while j < n and j <= k + sc.spent_place_words and not toks[j].brk_before and not toks[j].is_digit() \
                and toks[j].forms.isdisjoint(sc.spent_fillers) and toks[j].forms.isdisjoint(sc.spent_numbers):
            j += 1
        return _spent_length(ctx, toks, j)
    return _spent_length(ctx, toks, k)


def _spent_length(ctx: DocContext, toks: Sequence[Token], k: int) -> bool:
    sc = ctx.scope
    n = len(toks)
    number = False
    j = k
    while j < n and j < k + 4 and not toks[j].brk_before:
        t = toks[j]
        if j > 0 and ctx.text[toks[j - 1].nend:t.nstart].rstrip().endswith(("(", "[")):
            return False  # an age in brackets
        if number and not t.forms.isdisjoint(sc.spent_counted_units):
            return True
        if not t.forms.isdisjoint(sc.spent_units):
            return True
        counted = t.is_digit() or not t.forms.isdisjoint(sc.spent_numbers)
        if counted or not t.forms.isdisjoint(sc.spent_fillers):
            number = number or counted
            j += 1
            continue
        return False
    return False


def _find_any_cue(ctx: DocContext, comp: Compiled, ck: CompiledKind, toks: list[Token], left: int, right: int,
                  index=None, pred: "_Predicate | None" = None, fig: dict | None = None, has: bool = False):
    """Nearest cue of a rule around the claim toks[left:right]: (phrase, start, distance).
    (`index`, `pred`: the caller's cue index of toks and predicate words, if it has them;
    `fig`: a dict kept for one figure (its `left`), where the answers that do not depend on the
    rule are kept while _best_kind asks for the cue of each of its rules; `has`: the caller
    found that `index` has a cue of the rule.)"""
    if fig is None:
        fig = {}
    r = ck.rule
    if index is None:
        index = ctx.cue_index(comp.tagged_cues, toks)
    if not has and not index.has(r.id):
        return None  # every way of finding a cue below asks the index for this rule's cues
    before = r.cue_before
    cross = r.cue_scope == "sentence"
    cue = None
    if pred is None:
        pred = _predicate_for(ctx.rules.hedges)
    people = not r.any_noun  # a resolution number is never a clause's total
    if (
        people and left >= 2 and not toks[left - 1].forms.isdisjoint(pred.pronouns)
        and (not toks[left - 1].brk_before or _comma_only(ctx, toks, left - 1))
    ):
        # "قتلى التدافع، الذين بلغ عددهم 125", "الرهائن المحتجزين، والبالغ عددهم 101": the
        # pronoun's antecedent is the noun phrase that ends the clause before its own; a cue at
        # that end (at most _ANTECEDENT tokens back) names what the figure counts, not a verb
        # governing the noun ("إطلاق سراح الرهائن …")
        cs = ctx.info(toks).clause_start(left - 1)
        if cs < left - 1:
            # "ما أدى إلى مقتل جميع من كانوا على متنها وعددهم 20": a cue in the pronoun's own
            # clause before it names the antecedent there, not the clause before
            own = index.nearest(left - 1, left - 1, left - 1 - cs, 0, False)
            if own is not None and own[1] >= cs:
                mine = index.nearest(left - 1, left - 1, left - 1 - cs, 0, False, r.id)
                return mine if mine is not None and mine[1] >= cs and not _shadowed(index, mine, r.id) else None
        if cs > 0:
            mine = index.nearest(cs, cs, _ANTECEDENT, 0, True, r.id)
            if mine is not None:
                first = index.nearest(cs, cs, _ANTECEDENT, 0, True)
                if first is None or mine[1] >= first[1]:
                    return mine  # (another kind's cue nearer the antecedent's end names it)
            elif index.nearest(cs, cs, _ANTECEDENT, 0, True) is None:
                found = _antecedent_governor(ctx, ck, index, toks, cs)
                if found is not None:
                    return found
    if people:
        reached = fig.get("reached")
        if reached is None:
            reached = fig["reached"] = _reached(ctx, pred, toks, left)
    if people and reached:
        # "ارتفعت حصيلة القتلى في القطاع منذ بدء الحرب إلى 38 ألفا", "عدد قتلى الزلزال الذي
        # ضرب شمال سوريا … ارتفع إلى أكثر من 3100": the total named at the clause's start, also
        # past an aside between commas ("عدد قتلى الهجوم، الذي وقع أمس، بلغ 324 شخصا")
        cue = index.nearest(left, right, max(before, pred.window), 0, True, r.id)
        if cue is not None and (
            (cue[2] >= before and _claim_between(ctx, toks, cue[1], left) and not _anaphora(ctx, pred, toks, left))
            or _other_subject(pred, index, r.id, toks, cue[1] + 1, left)
        ):
            # "عدد القتلى 20 والجرحى بلغ 45": the subject had its figure (but "أما عددهم في
            # بيروت فوصل إلى 201818" names it again); "عدد القتلى لم يتغير، فيما ارتفع عدد
            # المعتقلين إلى 300": a nearer toll is the subject
            cue = None
    if cue is None:
        cue = index.nearest(left, right, before, r.cue_after, cross, r.id)
        if cue is not None and cue[1] < left and _complement_between(ctx, toks, cue[1] + 1, left):
            # "قالت إن 6 أشخاص لقوا حتفهم وإن نحو 300 آخرين نقلوا إلى المستشفيات": a cue before
            # "وإن" belongs to the statement before it
            cue = index.nearest(left, right, 0, r.cue_after, cross, r.id)
        if cue is not None and cue[1] > right and _may(ctx, toks, ctx.scope.subset_markers) and any(
            ctx.scope.subset_markers.at(toks, k) is not None and ctx.scope.member_of_after.at(toks, k) is None
            # (not the figure's own partitive pronoun with its verb right after it: "وإن 11
            # منهم أصيبوا بجروح" counts those of them the verb names)
            and not (k == right and k + 1 == cue[1] and ctx.scope.subset_after.at(toks, k) is not None
                     and not (ck.exclude is not None and ck.exclude.at(toks, k + 1) is not None))
            for k in range(right, cue[1])
        ):
            # "نحو ألف شخص بينهم 108 جرحى": a cue past a subset marker is the subset's
            cue = index.nearest(left, right, before, 0, cross, r.id)
        if cue is not None and cue[1] > right and _next_figure_noun(ctx, toks, right, cue[1]):
            # "إلى 43 ومئات المفقودين", "إلى 43 وعشرات الجرحى": the noun of the figure joined
            # after this one is that figure's, not a cue of this one
            cue = index.nearest(left, right, before, 0, cross, r.id)
    if cue is None and r.cue_after:
        # "34 منهم على الأقل قد لقوا حتفهم": the cue after a subset's hedge
        k = fig.get(("subset_hedge_end", right), -1)
        if k == -1:
            k = fig[("subset_hedge_end", right)] = _subset_hedge_end(ctx, toks, right)
        if k is not None:
            cue = index.nearest(k, k, 0, r.cue_after, cross, r.id)
    if cue is None and r.cue_after and _may(ctx, toks, ctx.scope.member_of_after):
        # "15 بريطانيا على الأقل هم بين القتلى": past the figure's hedge, its people are among
        # those the cue names
        k = fig.get(("find_after", right), -1)
        if k == -1:
            k = fig[("find_after", right)] = lexicon_for(ctx.rules.hedges).find_after(toks, right)
        if k is not None and ctx.scope.member_of_after.at(toks, k[1]) is not None:
            cue = index.nearest(k[1], k[1], 0, r.cue_after, cross, r.id)
    if cue is None and people and pred.heads and left > 0 and _head_before_of(ctx, pred, toks, left, index, fig):
        # "حصيلة قتلى الحريق في مستشفى العاصمة 82 شخصا": a toll named as the subject (a head word,
        # then the cue) with no verb; the figure is the first after it, in the same clause ("عدد
        # الضحايا أعلى بكثير، وقد يصل إلى 500": the subject had its predicate before the comma)
        cue = index.nearest(left, right, pred.window, 0, False, r.id)
        if cue is not None and not (_headed(pred, toks, cue[1]) and not _claim_between(ctx, toks, cue[1], left)):
            cue = None
        if cue is None:
            # "بلغ إجمالي القتلى خلال التدافع في الملعب، 174 شخصا": the reach verb before the
            # subject carries it across the comma to its figure
            cue = index.nearest(left, right, pred.window, 0, True, r.id)
            if cue is not None and not (
                _verb_first(pred, toks, cue[1]) and not _claim_between(ctx, toks, cue[1], left)
                and not _other_subject(pred, index, r.id, toks, cue[1] + 1, left)
            ):
                cue = None
    if cue is None and r.cue_after:
        cue = _pluperfect_cue(ctx, index, r.id, toks, left, right, r.cue_after, fig)
    if cue is None and fig.get("verb_reach", 0) > r.cue_after > 0:
        # "قال إن مدنيا من سكان القرية قتل": the singular's verb, past the words that describe it
        cue = index.nearest(right, right, 0, fig["verb_reach"], cross, r.id)
    if cue is not None and _shadowed(index, cue, r.id):
        cue = None
    if cue is None and r.cross_clause_cues:
        # "المرحلة الأولى من الاتفاق، التي تمتد 42 يوما": these cues may stand in an earlier
        # clause of the sentence
        cue = index.nearest(left, right, before, 0, True, r.id + ":cross")
    if cue is not None:
        return cue
    if ck.bridge and left > 0 and not toks[left - 1].forms.isdisjoint(ck.bridge):
        # "أفرجت حماس، الجمعة، عن 24 محتجزا": the verb governs عن across the commas
        cue = index.nearest(left - 1, left - 1, 12, 0, True, r.id)
        if cue is not None and not _tally_joined(comp, toks, left - 1):
            # (not past a tally's joiner: "وقف إطلاق النار، بأغلبية 59 صوتا مقابل 5" holds no
            # release; the joiner types the figure after it, votes_against's heads_next)
            return cue[0], cue[1], cue[2] + 1
    cue = _cue_across_aside(ctx, index, r.id, toks, left)
    if cue is not None:
        return cue
    after_hedge = _hedge_after(ctx, toks, right, fig)
    if after_hedge is not None:
        right = after_hedge[1]  # "33 شخصا على الأقل، بينهم …"
    if right < len(toks) and toks[right].brk_before and ctx.scope.asides.at(toks, right):
        # "33 شخصا على الأقل، بينهم 5 أطفال، قتلوا": look past the aside
        k = right + 1
        while k < len(toks) and not toks[k].brk_before:
            k += 1
        if k < len(toks):
            # the predicate opens the clause after the aside ("، قتلوا"): a cue further on
            # belongs to another clause ("، وهي أرقام لا تشمل …")
            cue = index.nearest(k, k, 0, min(r.cue_after, 2), True, r.id)
            if cue is not None:
                return cue[0], cue[1], cue[2] + 1
    return _restated_cue(ctx, index, r, toks, left, right, fig)


def _hedge_before(ctx: DocContext, toks: Sequence[Token], i: int, fig: dict | None):
    """The hedge written just before toks[i] (HedgeLexicon.find_before), kept in the figure's
    dict `fig` (None: asked each time): _claim asks it at the figure, _pluperfect_opened and
    _restated_cue at the figure's left edge, the same token when it has no hedge."""
    return _hedge_kept(ctx, "find_before", toks, i, fig)


def _hedge_after(ctx: DocContext, toks: Sequence[Token], j: int, fig: dict | None):
    """The hedge written right after toks[j-1] (HedgeLexicon.find_after), kept in `fig` like
    _hedge_before: _person_end, _find_any_cue and _claim ask it after the figure or its noun."""
    return _hedge_kept(ctx, "find_after", toks, j, fig)


def _hedge_kept(ctx: DocContext, look: str, toks: Sequence[Token], k: int, fig: dict | None):
    """HedgeLexicon.<look>(toks, k), asked once per figure and position when `fig` keeps it."""
    if fig is not None:
        found = fig.get((look, k), -1)
        if found != -1:
            return found  # (before the lexicon is looked up: most asks are answered here)
    find = getattr(lexicon_for(ctx.rules.hedges), look)
    if fig is None:
        return find(toks, k)
    found = fig[(look, k)] = find(toks, k)
    return found


def _restated_cue(ctx: DocContext, index, r, toks: Sequence[Token], left: int, right: int,
                  fig: dict | None = None):
    """The cue of a count of people restating a count of households after "أي" (scope
    `restatement_*`): "إن 5200 أسرة، أي نحو 26 ألف شخص، فرت" (the predicate opening the clause
    after it) or "إن 3000 أسرة نزحت، أي قرابة 20 ألف شخص" (the households' cue before "أي")."""
    sc = ctx.scope
    if not sc.restatement_openers or not left < right <= len(toks) or toks[right - 1].forms.isdisjoint(sc.restatement_nouns):
        return None
    a = left - 1
    if a >= 0 and toks[a].forms.isdisjoint(sc.restatement_openers):
        hedge = _hedge_before(ctx, toks, left, fig)
        a = hedge[1] - 1 if hedge is not None else -1
    if a <= 0 or not toks[a].brk_before or toks[a].forms.isdisjoint(sc.restatement_openers):
        return None
    cs = ctx.info(toks).clause_start(a - 1)
    if all(toks[j].forms.isdisjoint(sc.restated_nouns) for j in range(cs, a)):
        return None  # (the clause before names no households)
    if right < len(toks) and toks[right].brk_before:
        cue = index.nearest(right, right, 0, min(r.cue_after, 2), True, r.id)
        if cue is not None:
            return cue[0], cue[1], cue[2] + 1
    cue = index.nearest(a, a, r.cue_before, 0, True, r.id)
    if cue is not None and cue[1] >= cs - r.cue_before:
        return cue[0], cue[1], cue[2] + 1
    return None


def _pluperfect_opened(ctx: DocContext, toks: Sequence[Token], left: int, fig: dict | None = None) -> bool:
    """Does a form of "كان" (scope pluperfect_openers) stand right before the figure at
    toks[left], or before its hedge ("وكان نحو 20 جنديا"), in its clause?"""
    sc = ctx.scope
    if not sc.pluperfect_openers or left <= 0 or toks[left].brk_before:
        return False
    k = left - 1
    if toks[k].forms.isdisjoint(sc.pluperfect_openers):
        hedge = _hedge_before(ctx, toks, left, fig)  # "وكان نحو 20 جنديا قد قتلوا"
        if hedge is None:
            return False
        k = hedge[1] - 1
        if k < 0 or toks[hedge[1]].brk_before or toks[k].forms.isdisjoint(sc.pluperfect_openers):
            return False
    return True


def _pluperfect_cue(ctx: DocContext, index, rule_id: str, toks: Sequence[Token], left: int, right: int, reach: int,
                    fig: dict | None = None):
    """The cue right after "قد" when the figure at toks[left:right] follows a form of "كان" ("وكان
    جنديان من القوة الدولية قد قتلا"; rules/scope.yaml pluperfect_*), or None.  At most
    pluperfect_reach words are read, and none past the clause's end.  Only past the rule's own
    reach (`reach`, its cue_after): within it the rule's own reading stands ("بعد أن كان 26 منهم
    قد غادروا": the verb after a subset's pronoun is the subset's, decided there).  (`fig`: the
    figure's answers kept while _best_kind asks each rule, see _find_cue.)"""
    sc = ctx.scope
    if fig is None:
        opened = _pluperfect_opened(ctx, toks, left)
    else:
        opened = fig.get("pluperfect")  # (it does not depend on the rule: asked once a figure)
        if opened is None:
            opened = fig["pluperfect"] = _pluperfect_opened(ctx, toks, left, fig)
    if not opened:
        return None
    for j in range(right, min(len(toks) - 1, right + sc.pluperfect_reach)):
        if toks[j].brk_before:
            return None
        if not toks[j].forms.isdisjoint(sc.pluperfect_particles):
            if toks[j + 1].brk_before or j + 1 - right < reach:
                return None
            cue = index.nearest(j + 1, j + 1, 0, 1, False, rule_id)
            return cue if cue is not None and cue[1] == j + 1 else None
    return None


def _next_figure_noun(ctx: DocContext, toks: Sequence[Token], right: int, cue_at: int) -> bool:
    """Is the cue at `cue_at` the counted noun of a figure joined by "و" right after the claim
    ending at `right` (the figure's token, maybe its scale word, then the cue)?"""
    if not (right < cue_at <= right + 2 and right < len(toks)):
        return False
    t = toks[right]
    if t.brk_before or not t.text.startswith("و") or t.text == "و" or not _starts_number(ctx, t):
        return False
    return cue_at == right + 1 or (not toks[right + 1].brk_before and _starts_number(ctx, toks[right + 1]))


def _complement_between(ctx: DocContext, toks: Sequence[Token], a: int, b: int) -> bool:
    """Does a word opening another reported statement ("وإن", scope `complement_openers`) stand
    in toks[a:b]?"""
    words = ctx.scope.complement_openers
    return bool(words) and any(toks[k].text in words for k in range(max(a, 0), min(b, len(toks))))


# _either_or and _find_cue read the sentence's "او" and head-word positions, found once per
# sentence (tests turn this off to compare with reading the tokens around every figure)
_SENTENCE_POSITIONS = True


def _head_before_of(ctx: DocContext, pred: _Predicate, toks: Sequence[Token], left: int, index, fig: dict) -> bool:
    """_head_before, kept in `fig` (a figure's answers, see _find_cue)."""
    found = fig.get("head_before")
    if found is None:
        found = fig["head_before"] = _head_before(ctx, pred, toks, left, index)
    return found


def _head_before(ctx: DocContext, pred: _Predicate, toks: Sequence[Token], left: int, index) -> bool:
    """Can a head word ("عدد", "حصيلة") stand where _find_cue's subject-without-a-verb look-ups
    need one: at a cue starting within pred.window words (and a cue's length) before the figure,
    or the word before that cue (_headed, _verb_first)?  Found by bisection in the sentence's
    head-word positions (found once); a claim's window reads those words."""
    if not _SENTENCE_POSITIONS:
        return True
    lo = left - pred.window - index._span - 1
    if isinstance(toks, TokenWindow):
        heads = pred.heads
        return any(not toks[k].forms.isdisjoint(heads) for k in range(max(lo, 0), left))
    info = ctx.info(toks)
    at = info.get(("heads", id(pred)), lambda: [k for k, t in enumerate(toks) if not t.forms.isdisjoint(pred.heads)])
    k = bisect_left(at, lo)
    return k < len(at) and at[k] < left


_ASIDE_CUE_REACH = 3  # the words from a cue to its aside: a verb and its object ("وعارض مشروع القرار، …")


def _cue_across_aside(ctx: DocContext, index, rule_id: str, toks: Sequence[Token], left: int):
    """A cue ending right before an aside that ends right before the claim: "قتلت، بحسب
    المرصد، أكثر من 500 ألف شخص" (the aside names a source or what the figure includes)."""
    asides, times = ctx.scope.cue_asides, ctx.scope.cue_time_asides
    if left <= 1 or not toks[left].brk_before or not (asides.phrases or times.phrases):
        return None
    a = ctx.info(toks).clause_start(left - 1)
    if a <= 0 or left - a > ctx.scope.cue_aside_max:
        return None
    if not (asides.phrases and asides.at(toks, a)):
        # "أيد القرار، الخميس، 189 بلدا": an aside that is only a day
        day = times.at(toks, a) if times.phrases else None
        if day is None or day[1] != left:
            return None
    cue = index.nearest(a, a, _ASIDE_CUE_REACH, 0, True, rule_id)
    if cue is None or any(toks[k].brk_before for k in range(cue[1] + 1, a)) or _shadowed(index, cue, rule_id):
        return None
    return cue[0], cue[1], cue[2] + 1


def _subset_hedge_end(ctx: DocContext, toks: Sequence[Token], i: int) -> int | None:
    """The index after "منهم على الأقل" when a subset marker and a hedge follow a figure at i."""
    if i + 1 < len(toks) and not toks[i].brk_before and _may(ctx, toks, ctx.scope.subset_after) and ctx.scope.subset_after.at(toks, i):
        h = lexicon_for(ctx.rules.hedges).find_after(toks, i + 1)
        if h is not None and not toks[i + 1].brk_before:
            return h[1]
    return None


def _tally_joined(comp: Compiled, toks: Sequence[Token], k: int) -> bool:
    """Is toks[k] a tally joiner (a rule's heads_next: "مقابل", "ضد") right after a figure's vote
    noun ("59 صوتا مقابل")?  It then joins two sides of a vote, no verb's object across commas."""
    if k < 2 or toks[k].forms.isdisjoint(comp.joiners) or toks[k].brk_before:
        return False
    for kind in ("votes_for", "votes_against", "abstentions"):
        ck = comp.by_id.get(kind)
        if ck is not None and ck.nouns and ck.nouns.at(toks, k - 1) is not None:
            return True
    return False


def _cue_in_excluded(ck, toks: Sequence[Token], cue) -> bool:
    """Does one of the rule's exclude_before phrases end where its cue ends, or one word on (the
    cue "الإفراج" of "بالإفراج عن", "إطلاق" of "إطلاق سراح")?  The words that refuse a figure
    right after them ("يطالب الخاطفون بإطلاق سراح") refuse every figure the cue inside them
    reaches."""
    ex = ck.exclude_before
    if ex is None:
        return False
    end = cue[1] + max(len(cue[0]), 1)
    return any(0 < e < len(toks) and ex.ending_at(toks, e) is not None for e in (end, end + 1))


def _shadowed(index, cue, rule_id: str) -> bool:
    """Is this cue part of a longer cue of another rule starting at the same word?  "فقدوا
    منازلهم" (lost their homes: displaced) holds "فقدوا" (lost: missing); the longer phrase is
    the more specific reading, as a longer counted noun is."""
    p, start = cue[0], cue[1]
    matches = index.starting_at(start)
    end = start + 1  # (every match ends after its start)
    for _s, e, q in matches:
        if q is p and e > end:
            end = e
    rule_of = _RULE_OF.get
    own = rule_of(rule_id) or _rule_of(rule_id)
    # a count of people's cue never hides a measure's ("قضى الرهائن 300 يوم في قبضة الخاطفين":
    # the hostages' "في قبضة الخاطفين" holds the captivity's "قبضة"): a figure with the measure's
    # unit after it ("يوم") is no count of people, so the longer cue is no reading of it
    measure = own in _MEASURES
    for _s, e, q in matches:
        if e > end and _other_kind(other := rule_of(q.payload) or _rule_of(q.payload), own) and not (
            measure and other not in _MEASURES
        ):
            return True
    # ... or a longer cue of another rule that starts before it and covers it: "دفنوا تحت
    # الأنقاض" (buried: killed) holds "تحت الأنقاض" (under the rubble: missing); a longer cue
    # of a rule of the same kind says the same ("من الهجوم" of the time since an attack holds
    # "الهجوم" of an attack's length: both durations)
    for s, e, q in index.between(max(0, start - 3), start):
        if s < start and e >= end and _other_kind(other := rule_of(q.payload) or _rule_of(q.payload), own) and not (
            measure and other not in _MEASURES
        ):
            return True
    return False


def _past_length(rule, event: str | None) -> bool:
    """Is the figure the length of a past event named by its year ("خطف الطائرة عام 1988 الذي
    دام 16 يوما": `past:1988`)?  A length rule's own-value event ("length:16") gives way to it,
    so two outlets' lengths of one recalled event meet (and differ); a window ("window:10")
    keeps its own value: two windows of one past year are two."""
    return rule.value_event == "length" and event is not None and event.startswith("past:")


def _other_kind(rule: str, own: str) -> bool:
    """Is `rule` another rule than `own`, of another kind (when both kinds are known)?  (A rule
    whose cues shadow none, `shadows: false`, never counts.)"""
    if rule == own or rule in _NO_SHADOW:
        return False
    a, b = _KIND_OF_RULE.get(rule), _KIND_OF_RULE.get(own)
    return a is None or a != b


_RULE_OF: dict[object, str] = {}  # a cue's payload ("rule" or "rule:cross") -> its rule id
_KIND_OF_RULE: dict[str, str] = {}  # rule id -> its claim kind (filled by compile_rules)
_NO_SHADOW: set[str] = set()  # rule ids whose cues shadow no other rule's (filled by compile_rules)
_MEASURES: set[str] = set()  # rule ids with units (lengths of time): no count's cue shadows theirs


def _people_joined(ctx: DocContext, toks: Sequence[Token], k: int) -> bool:
    """Is toks[k] a noun of people joined by "و" to the counted noun before it ("جنديا
    وشرطيا": soldiers and policemen, one figure)?"""
    t = toks[k]
    if len(t.text) < 3 or t.text[0] != "و" or t.is_digit() or _starts_number(ctx, t):
        return False
    return ctx.scope.person.at(toks, k) is not None or ctx.nisba.people(t)


# How far a list of figures may run before the verb they share: items ("و58 جنديا") and the
# words of their nouns, in tokens.
_LIST_REACH = 16


_VICTIMS_BACK = 8  # how far before "بينهم" _victims_before_part looks for the victims
_VICTIM_NOUNS = frozenset({"الضحايا", "ضحايا", "القتلى", "قتلى"})
_PART_COPULAS = frozenset({"كان", "كانت", "الذين", "اللواتي", "اللاتي"})
# nouns whose possession of the victims names other people ("أسر الضحايا", "ذوي القتلى")
_VICTIMS_OWNERS = frozenset({"اسر", "عائلات", "عوائل", "ذوي", "ذوو", "اهالي", "اقارب", "اسره", "عائله", "جثث", "جثامين", "هويات", "اسماء"})


def _victims_before_part(ctx: DocContext, comp: Compiled, toks: Sequence[Token], left: int) -> CompiledKind | None:
    """killed's rule for people counted right after "بينهم"/"بينهن" (past "الذين كان") whose
    antecedent is the victims named without a figure a few words back ("على ضحايا الهجوم، الذين
    كان بينهم عشرة إيطاليين", "جميع الضحايا من النساء، وبينهن ستة أطفال"); None otherwise, and
    when a figure stands between (a part of that figure is _subset_parent's)."""
    k = left - 1
    if k < 1 or toks[k].forms.isdisjoint(ctx.scope.people_markers) or toks[k].forms.isdisjoint({"بينهم", "بينهن"}):
        return None
    j = k - 1
    while j >= 0 and k - j <= 2 and not toks[j].forms.isdisjoint(_PART_COPULAS):
        j -= 1
    stop = max(-1, k - _VICTIMS_BACK - 1)
    while j > stop:
        t = toks[j]
        if t.is_digit() or _starts_number(ctx, t):
            return None
        if not t.forms.isdisjoint(_VICTIM_NOUNS):
            if j > 0 and not toks[j - 1].forms.isdisjoint(_VICTIMS_OWNERS):
                return None  # "أسر الضحايا، بينهم 5 أطفال": the families, not the dead
            return comp.by_id.get("killed")
        j -= 1
    return None


def _list_verb(ctx: DocContext, comp: Compiled, toks: Sequence[Token], i1: int) -> CompiledKind | None:
    """The rule whose cue stands right after a list of figures of people that this figure opens
    or continues: "إن 206 مسلحين و58 جنديا وشرطيا و26 مدنيا قتلوا" (every item was killed).
    The items are joined by "و", their nouns are nouns of people, and nothing else stands before
    the verb; the verb's rule must count people without needing its article or sentence to say
    more (no article_needs or sentence_needs).  At most _LIST_REACH tokens are read."""
    index = ctx.cue_index(comp.tagged_cues, toks)
    k, items, end = i1, 0, min(len(toks), i1 + _LIST_REACH)
    nouns = 0  # words of the current item's noun
    person_before = False  # was the word before a noun of people (its genitive may follow)?
    while k < end:
        t = toks[k]
        if t.brk_before:
            return None
        if items and nouns:
            for _s, _e, q in index.starting_at(k):
                ck = comp.by_id.get(_RULE_OF.get(q.payload) or _rule_of(q.payload))
                if ck is None or str(q.payload).endswith((":cross", ":antecedent")):
                    continue
                r = ck.rule
                if r.accept_person_nouns and not r.article_needs and not r.sentence_needs and not r.units:
                    return ck
            # (not a cue: a word of the noun, or the end)
        if t.text == "و" and k + 1 < end and not toks[k + 1].brk_before and (
            toks[k + 1].is_digit() or _starts_number(ctx, toks[k + 1])
        ):
            items, nouns, k = items + 1, 0, k + 2
            continue
        if t.is_digit() or _starts_number(ctx, t):
            if t.text[0] == "و" and not t.is_digit():
                items, nouns, k = items + 1, 0, k + 1  # "وخمسة جنود"
                continue
            return None  # a figure not joined by "و": another list
        if ctx.scope.person.at(toks, k) is None and not ctx.nisba.people(t):
            if items and nouns == 0 and t.text == "من":
                k += 1  # the partitive after an item's figure: "و6 من عناصر الأمن"
                continue
            if nouns and person_before and t.text.startswith("ال") and t.text not in ctx.scope.function_words:
                person_before, nouns, k = False, nouns + 1, k + 1  # its noun's genitive: "عناصر الأمن"
                continue
            return None  # a word that is no noun of people: the list ended without a verb
        person_before, nouns, k = True, nouns + 1, k + 1
    return None


# The steps of a rising (or falling) toll a figure may be followed by before the counted noun:
# "من 155 إلى 184 ثم إلى 235 شهيدا".
_CHAIN_STEPS = 4


def _chain_noun(ctx: DocContext, comp: Compiled, toks: Sequence[Token], i1: int) -> CompiledKind | None:
    """The rule of the counted noun that ends a chain of steps this bare figure opens: "ارتفعت
    الحصيلة من 155 إلى 184 ثم إلى 235 شهيدا" (155 and 184 were tolls of the dead too).  A step
    is "إلى", "ثم إلى" or "وإلى" and a figure in digits (with a scale word: "إلى 12 ألفا"); at
    most _CHAIN_STEPS are read.  Of the rules whose noun follows the last figure, the one of
    highest priority (a unit of time names a length, never a step of a toll)."""
    k, steps, n = i1, 0, len(toks)
    while steps < _CHAIN_STEPS and k < n and not toks[k].brk_before:
        t = toks[k].text
        if t in ("الي", "والي"):
            k += 1
        elif t == "ثم" and k + 1 < n and toks[k + 1].text == "الي" and not toks[k + 1].brk_before:
            k += 2
        else:
            break
        if k >= n or toks[k].brk_before or not toks[k].is_digit():
            return None
        k += 1
        if k < n and not toks[k].brk_before and not toks[k].is_digit() and _starts_number(ctx, toks[k]):
            k += 1  # "12 ألفا"
        steps += 1
    if steps == 0 or k >= n or toks[k].brk_before:
        return None
    best = None
    for j in sorted(_noun_rules(comp, toks[k])):
        ck = comp.kinds[j]
        if ck.rule.units or ck.rule.require_cue or not ck.nouns.at(toks, k):
            continue
        if best is None or ck.rule.priority > best.rule.priority:
            best = ck
    return best


def _rule_of(payload: object) -> str:
    found = _RULE_OF[payload] = str(payload).split(":")[0]
    return found


# A claim's window (a dual noun read as "2 + noun") is a copy of its sentence's tokens around
# the figure: _best_kind's answer for it is a function of the window's words (text, forms,
# breaks), the figure's place and reading in it, the claims placed before it in the window
# (_claim_between, _predicate_of_earlier) and what its sentence and article hold.  A sentence's
# windows with the same neighbourhood get the answer once (kept by the sentence, at most
# _KIND_MEMO_MAX neighbourhoods); tests turn it off, or on with every answer checked.
_KIND_MEMO = True
_KIND_MEMO_CHECK = False
_KIND_MEMO_MAX = 512


def _best_kind_of(ctx: DocContext, comp: Compiled, toks, left: int, i0: int, i1: int, n: _Num,
                  fig: dict | None = None):
    """_best_kind, given once per neighbourhood of a sentence's claim windows (see _KIND_MEMO)."""
    if not _KIND_MEMO or not isinstance(toks, TokenWindow):
        return _best_kind(ctx, comp, toks, left, i0, i1, n, fig)
    key = _window_key(ctx, comp, toks, left, i0, i1, n)
    memo = ctx.info(toks.base)._memo
    kept = memo.get(("kind_memo", id(comp)))
    if kept is None:
        kept = memo[("kind_memo", id(comp))] = {}
    found = kept.get(key)
    if found is None:
        found = _best_kind(ctx, comp, toks, left, i0, i1, n, fig)
        if len(kept) < _KIND_MEMO_MAX:
            kept[key] = (found,)
        return found
    if _KIND_MEMO_CHECK:
        fresh = _best_kind(ctx, comp, toks, left, i0, i1, n)
        assert fresh == found[0], (key, fresh, found[0])
    return found[0]


def _window_key(ctx: DocContext, comp: Compiled, toks: TokenWindow, left: int, i0: int, i1: int, n: _Num) -> tuple:
    """What _best_kind reads of a claim's window, relative to it: its words (each its text,
    forms and break, numbered in the order the sentence first gave them), where it was rewritten
    and whether it starts or ends its sentence, the figure's place and reading, and the claims
    placed in it (their places and kinds, the last one's end)."""
    memo = ctx.info(toks.base)._memo
    ids = memo.get("word_ids")
    if ids is None:
        ids = memo["word_ids"] = {}
    base_words = memo.get("base_words")
    if base_words is None:
        # (the sentence's words numbered once; a window copies them outside its rewritten tokens)
        base_words = memo["base_words"] = _word_numbers(ids, toks.base)
    n_toks, off = len(toks), toks.offset
    c0, c1 = max(toks.changed[0], 0), min(toks.changed[1], n_toks)
    shift = toks.base_end - n_toks
    words = base_words[off : off + c0] + _word_numbers(ids, toks[c0:c1]) + base_words[c1 + shift : toks.base_end]
    if _KIND_MEMO_CHECK:
        assert words == _word_numbers(ids, toks), "a window differs from its sentence outside its rewritten tokens"
    placed = ctx.sentence_claims.get(ctx.sentence_at(toks[0].nstart)[0]) if toks else None
    near: list[tuple] = []
    if placed:
        near.append((placed[-1].right - off, placed[-1].claim.kind))
        for p in reversed(placed):
            if p.reach < off:
                break
            near.append((p.left - off, p.reach - off, p.claim.kind))
    return (
        words.tobytes(), toks.changed, off == 0, toks.base_end == len(toks.base), left, i0, i1,
        n.value, n.low, n.high, n.form, n.digits, n.is_range, n.dual_of, n.one_of, n.one_person,
        n.verb_reach, n.one_length, n.superseded, tuple(near),
    )


def _word_numbers(ids: dict, toks: Sequence[Token]) -> array:
    """Each token's number in `ids` (its text, forms and break; a new one numbered on the way)."""
    out = array("q")
    for t in toks:
        w = (t.text, t.forms, t.brk_before)
        k = ids.get(w)
        if k is None:
            k = ids[w] = len(ids)
        out.append(k)
    return out


def _best_kind(ctx: DocContext, comp: Compiled, toks, left: int, i0: int, i1: int, n: _Num,
               fig: dict | None = None):
    """(compiled rule, index after the counted noun or None, unit multiplier) of the best rule.
    (`fig`: the caller's dict of the figure's answers, _claim's, if it has one.)"""
    head = None
    person_end = None  # index after a person noun following the number, once looked up
    best = None
    vetoed = False  # a context veto took this figure from a kind: it is "other", not a sibling's kind
    veto_score = -1  # the best score a vetoed kind would have had
    before_cue: dict[str, tuple[float, CompiledKind, float]] = {}  # rule -> (score, rule, distance) of a cue before it
    after_cue: dict[str, tuple[float, CompiledKind, int, int]] = {}  # rule -> (score, rule, start, end) of a cue after it
    if fig is None:
        fig = {} if _FIGURE_MEMO else None  # _find_cue's answers that do not depend on the rule
    if n.verb_reach:
        fig = {} if fig is None else fig
        fig["verb_reach"] = n.verb_reach  # the reported clause's verb: a cue that far after the noun
    index = ctx.cue_index(comp.tagged_cues, toks)
    pred = _predicate_for(ctx.rules.hedges)
    # Can any kind's counted noun start right after the number (or after "من" there)?  One
    # test for every rule: a figure with no noun is typed by the rules with a cue in its
    # sentence only.
    ordinal = n.form == "ordinal"
    t1 = toks[i1] if i1 < len(toks) and not toks[i1].brk_before else None
    keys, loose = comp.noun_keys, comp.noun_loose
    maybe_noun = not ordinal and t1 is not None and (
        loose or not t1.forms.isdisjoint(keys)
        or ("من" in t1.forms and i1 + 1 < len(toks) and not toks[i1 + 1].forms.isdisjoint(keys))
    )
    # without a noun, only the rules with a cue in the sentence (the same for all its figures);
    # with one, also the rules whose counted noun can start at the word (see _kinds_for)
    if maybe_noun and _PREFILTER_KINDS:
        kinds = _kinds_for(ctx, comp, toks, index, t1, toks[i1 + 1] if i1 + 1 < len(toks) and "من" in t1.forms else None)
    elif maybe_noun:
        kinds = comp.kinds
    else:
        kinds = _cue_kinds_of(ctx, comp, toks, index)
    cands: list[tuple[CompiledKind, object]] = []  # the rules that may apply, in order, with their noun
    noun_only = comp.noun_only if _PASS_NOUN_ONLY else frozenset()
    # a unit of time alone ("بعد أسبوع من …") is typed by the rules that read one (one_units) only:
    # a rule without them must not win it and then drop it ("وجاء الاتفاق بعد أسبوع من …")
    one_unit = bool(n.dual_of) and n.value == 1 and not n.one_person
    nouned: list[int] = []  # indexes in cands of those with a counted noun ...
    nounless: list[int] = []  # ... and of the others
    if maybe_noun:
        # the rules whose counted noun can start at the word after the figure (after "من"):
        # nouns.at of any other rule finds none there (see _noun_rules), so it is not asked
        after_of = "من" in t1.forms and i1 + 1 < len(toks)
        if _PREFILTER_KINDS:
            noun_here = _noun_rules(comp, t1)
            noun_after_of = _noun_rules(comp, toks[i1 + 1]) if after_of else frozenset()
        else:
            noun_here = noun_after_of = range(len(comp.kinds))  # (tests: every rule's nouns asked)
    # the rules of `kinds` whose tests do not depend on where the figure stands (its form,
    # digits and value; the article; the sentence), found once per sentence and class of figure
    for ck, j, has_cue, exclude, exclude_before, require_before in _applicable(
        ctx, comp, toks, index, kinds, n, ordinal
    ) if _STATIC_KINDS else _every_rule(ctx, comp, toks, index, kinds, n, ordinal):
        r = ck.rule
        if one_unit and not r.one_units and not (n.one_length and r.units):
            continue  # a unit of time alone counts only for an elapsed-time rule (see _classify's caller)
        if maybe_noun:
            noun = ck.nouns.at(toks, i1) if j in noun_here else None
            if noun is None and after_of:
                noun = ck.nouns.at(toks, i1 + 1) if j in noun_after_of else None  # "ثلاثة من الرهائن"
            elif noun is not None and t1.nstart != toks[i1 - 1].nstart and _conj_noun(t1, noun[0]):
                # (a noun read before its "one", "وقتيل واحد", shares the figure's offsets)
                noun = None  # "147 وإصابة العشرات": the word opens the next item
            elif noun is not None and r.units and t1.text.startswith("ال") and t1.nstart != toks[i1 - 1].nstart:
                noun = None  # "إلى 93 اليوم" (today): a unit of time after its figure is never definite
            elif noun is not None and r.units and _day_after(ctx, toks, i1):
                noun = None  # "58 يوم السبت": a date after the figure, not 58 days
        else:
            noun = None
        if noun is None:
            if not ordinal and r.id in noun_only:
                continue  # the rule takes only a figure with its counted noun (and none yields to its cue)
            if has_cue is None:
                has_cue = bool(ck.cues and index.has(r.id))
            if not has_cue:
                continue  # neither a counted noun nor a cue in the sentence: the rule cannot apply
        # (exclude, exclude_before: None where the token list cannot hold them, see _every_rule)
        # (only in the figure's clause: "سراح 60 رهينة، وما زالت 20 منهن في الأسر" tells of the 20)
        if noun is not None and exclude is not None and noun[1] < len(toks) and not toks[noun[1]].brk_before \
                and (exclude.at(toks, noun[1]) or exclude.at(toks, _past_nisba(ctx, toks, noun[1]))) \
                and not _heads_next(ctx, comp.joiners, toks, noun[1], index):
            continue  # ("بتأييد 141 دولة ضد رفض 5": ضد joins the tally's next figure)
        if noun is None and exclude is not None and t1 is not None and i1 + 1 < len(toks) and not t1.brk_before \
                and not t1.forms.isdisjoint(_OTHERS) and not toks[i1 + 1].brk_before and exclude.at(toks, i1 + 1):
            continue  # "حرر 17 رهينة و15 آخرون ما زالوا محتجزين": the others' own clause tells of them
        if noun is None and exclude is not None and t1 is not None and not t1.brk_before and exclude.at(toks, i1):
            continue  # "الإفراج عن 59 أسيرا ونحو 55 ما زالوا محتجزين": a bare figure's own predicate vetoes
        if r.kind in ctx.scope.still_held_kinds and _still_held(ctx, toks, noun[1] if noun else i1):
            continue  # "ومئات ما زالوا خلف القضبان": still held, whatever release the sentence tells
        if (exclude_before is not None and left > 0 and not toks[left].brk_before
                and exclude_before.ending_at(toks, left) and not _event_days(toks, i1, noun, r)):
            continue  # "خلال خمسة أيام" is a deadline, not a length
        if (ck.exclude_before_first is not None and left > 0 and not toks[left].brk_before
                and ck.exclude_before_first.ending_at(toks, left) and not _definite_whole(toks, i0, i1)):
            continue  # "التعرف على هويات 30 ضحية": a step of the identification, not the toll
        if require_before is not None and not (
            left > 0 and not toks[left].brk_before and require_before.ending_at(toks, left)
        ):
            continue  # "استمرت 34 يوما", "على مدى ثلاثة أيام": only a figure with its marker
        if ck.not_nouns is not None and t1 is not None and (
            ck.not_nouns.at(toks, i1) is not None
            or ("من" in t1.forms and i1 + 1 < len(toks) and not toks[i1 + 1].brk_before
                and ck.not_nouns.at(toks, i1 + 1) is not None)
        ):
            continue  # "فر 40 جنديا", "عشرات من عناصره فروا": people this kind never counts
        if r.no_hedge and left != i0:
            continue  # "مشروع القرار أكثر من 30 دولة": a hedged figure names nothing
        if r.no_vague and n.form == "vague":
            continue  # "بلغ عدد المفرج عنهم عشرات الآلاف": prisons thrown open, no count of a release
        if ck.exclude_hedge is not None and left != i0 and ck.exclude_hedge.at(toks, left):
            continue  # "بعد أقل من أسبوعين على": a bound, not this rule's length
        (nounless if noun is None else nouned).append(len(cands))
        cands.append((ck, noun, has_cue))
    # The rules with a counted noun first, then the others.  A rule without a noun scores at
    # most 200 + its priority: once the best so far scores more it can be neither the best nor a
    # veto that outscores it, and its cue (the costly part) matters only to a rule that yields
    # to it (yield_to), so it is passed over.  The best is the same as trying every rule in
    # order: the highest score, the earlier rule on a tie.
    order = nouned + nounless if nounless else nouned
    yielded: frozenset[str] | None = None  # rules whose cue a possible best yields to
    for k in order:
        ck, noun, has_cue = cands[k]
        r = ck.rule
        if noun is None and best is not None and _SKIP_NOUNLESS and 200 + r.priority < best[0]:
            if yielded is None:
                floor = best[0] - 200
                # (and a verb after the counted noun a best yields to: "ثلاثة من الفارين قتلوا")
                yielded = frozenset(best[1].rule.yield_to).union(
                    best[1].rule.yield_after,
                    *[cands[j][0].rule.yield_to for j in nounless if cands[j][0].rule.priority >= floor]
                )
            if r.id not in yielded:
                continue
        noun_end = noun[1] if noun else None
        if noun is None and person_end is None:
            person_end = _person_end(ctx, toks, i1, fig)
        # a rule none of whose cues is in the sentence finds none (_find_cue asks the index);
        # (whether it has one: from _applicable's list or the loop above, once per rule)
        if has_cue is None or not _HAS_CUE_ONCE:
            has_cue = ck.cues and index.has(r.id)
        cue = _find_cue(ctx, comp, ck, toks, left, noun_end or person_end or i1, index, pred, fig,
                        _HAS_CUE_ONCE) if has_cue else None
        if cue is not None and cue[1] >= i1:
            if (_joins_next(toks, noun_end or person_end or i1, cue[1], pred.openers)
                    and (_number_near(ctx, toks, cue[1] + max(len(cue[0]), 1), 1, 2)
                         or _hedged_number_at(ctx, toks, cue[1] + max(len(cue[0]), 1))
                         or _member_named(ctx, toks, cue[1] + max(len(cue[0]), 1))
                         or _other_cue_right_before(index, r.id, toks, left))) \
                    or _heads_next(ctx, comp.joiners, toks, cue[1], index):
                # the cue heads a figure of its own: "ارتفع عدد القتلى إلى 11 شخصا والجرحى إلى
                # 4000", "بلغ 39 مدنيا وأصيب 51 آخرون"; a cue before the figure may still type
                # it ("حظي بـ10 أصوات مقابل صوت واحد")
                cue = index.nearest(left, left, r.cue_before, 0, r.cue_scope == "sentence", r.id)
                if cue is not None and (cue[1] >= i1 or _shadowed(index, cue, r.id)):
                    cue = None
            else:
                # a cue after the number counts a little less than one before it ("بأغلبية 13
                # صوتا وامتناع دولتين": بأغلبية, not امتناع, types the 13)
                cue = (cue[0], cue[1], cue[2] + 0.5)
        if (cue is not None and 0 < cue[2] and cue[1] < left and r.kind in VOTE_KINDS
                and _event_cue_right_before(index, toks, left)):
            # "أقرت الوزارة بمقتل 50 من عسكرييها", "أيدت الحكومة إطلاق سراح 12 أسيرا": a cue of
            # a count of people (a death, a release …) right before the figure names what it
            # counts; a vote cue farther back names no tally of it
            cue = None
        if cue is None and ck.tally_joiners and noun is not None:
            cue = _tally_joiner(ctx, ck, toks, noun[1])
        if cue is not None and cue[1] < left and (cue[2] > 0 or toks[left].text.startswith("و")) and (
            _claim_between(ctx, toks, cue[1] + 1, left) or _predicate_of_earlier(ctx, toks, cue[1], left)
        ):
            # "عدد القتلى إلى 91 وعشرات الآلاف بلا مأوى": a cue an earlier figure stands between
            # counts a little less than one of the figure's own after it; so does the predicate
            # of the figure before ("546 شخصا قتلوا و128 لا يزالون مفقودين"), also when the
            # figure's "و" is its clitic ("مقابل 18 أيدته وسبع امتنعت": أيدته is the 18's)
            cue = (cue[0], cue[1], cue[2] + 1)
            if toks[left - 1].text.startswith("و") and _other_cue_right_before(index, r.id, toks, left):
                # ... and none when a cue of another kind joined by "و" right before the figure
                # opens its own item ("تحرير 126 رهينة ومقتل 3 مهاجمين": تحرير types the 126,
                # مقتل the 3); not a joiner of sides ("105 رهائن مقابل 240 أسيرا")
                cue = None
        if cue is not None and r.cue_exclude_before and cue[1] < left and _cue_in_excluded(ck, toks, cue):
            # "يطالب الخاطفون بإطلاق سراح 766 معتقلا، إضافة إلى 17 معتقلا": the cue is a demanded
            # (refused, hoped-for) release's, so no figure it reaches is one
            cue = None
        if cue is not None and cue[1] < i1:
            before_cue[r.id] = (200 + r.priority - cue[2], ck, cue[2])
        elif cue is not None:
            after_cue[r.id] = (200 + r.priority - cue[2], ck, cue[1], cue[1] + max(len(cue[0]), 1))
        if noun is not None:
            if r.require_cue and cue is None:
                continue
            # a longer counted noun is more specific ("أسير إسرائيلي" over "أسير")
            score = 300 + r.priority + 5 * (len(noun[0]) - 1) + (50 - cue[2] if cue else 0)
        else:
            if cue is None:
                continue
            if head is None:
                head = _head(ctx, comp, toks, i1)
                if head == "bare" and n.form == "vague" and _vague_construct(ctx, toks, i1):
                    head = "other"
            if ordinal:
                score = 100 + r.priority - cue[2]
            elif head == "person" and r.accept_person_nouns:
                if ck.exclude and person_end < len(toks) and not toks[person_end].brk_before and ck.exclude.at(toks, person_end):
                    continue  # "64 شخصا أُخرجوا أحياء من تحت الأنقاض": after a person noun too
                score = 200 + r.priority - cue[2]
                noun_end = person_end
            elif head == "bare" and r.accept_bare:
                score = 100 + r.priority - cue[2]
            elif r.any_noun:
                score = 100 + r.priority - cue[2]
            else:
                continue
        if (ck.veto_words or ck.veto_phrases) and _vetoed(
            ctx, ck, toks, noun, cue, toks[i1].forms if noun is None and head == "person" else None,
            (left, noun_end if noun_end is not None else (person_end if person_end is not None else i1)),
        ):
            if r.context_veto.step_aside:
                continue  # "أعادت الجماعة 104 تلميذات" in an abduction: hostages, not prisoners
            if noun is not None:
                # "870 إصابة" in an article about an epidemic: its counted noun names infections,
                # so no other kind may read it as a bare figure
                return comp.other, noun[1], 1.0, _VETOED
            vetoed = True
            veto_score = max(veto_score, score)
            continue
        if best is None or score > best[0] or (score == best[0] and k < best[4]):
            best = (score, ck, noun_end, float(noun[0].payload) if noun else 1.0, k)
    if best is not None and best[0] >= 300 and best[1].rule.yield_to:
        # "فقدان 70 لاجئا", "غرق 11 نازحا": the counted noun names who they are, the word
        # before the figure what happened to them
        own = before_cue.get(best[1].rule.id)
        for rid in best[1].rule.yield_to:
            other = before_cue.get(rid)
            if other is not None and (own is None or other[2] < own[2]):  # "قتل 5 ونزح 3000 نازح": its own
                return other[1], best[2], 1.0, other[0]
    if best is not None and best[0] >= 300 and best[1].rule.yield_after and best[2] is not None:
        # "322 رهينة قتلوا في المدرسة": the verb right after the counted noun says what
        # happened to the people it names
        for rid in best[1].rule.yield_after:
            other = after_cue.get(rid)
            if (
                other is not None and 0 <= other[2] - best[2] <= best[1].rule.yield_after_reach
                and not (other[3] < len(toks) and not toks[other[3]].brk_before and (
                    ctx.scope.subset_after.at(toks, other[3]) is not None or toks[other[3]].is_digit()
                    or _starts_number(ctx, toks[other[3]])
                ))
            ):
                # (not when the verb counts a part of its own: "40 رهينة قتل منهم 3")
                return other[1], best[2], 1.0, other[0]
    if best is not None and veto_score > best[0]:
        # "الوفيات 1934، والإصابات بلغت 24811 حالة" in an epidemic: the nearer cue names the
        # infections a context veto takes away; a farther death cue does not make them deaths
        return comp.other, _noun_end(ctx, comp, toks, i1), 1.0, _VETOED
    if best is not None:
        return best[1], best[2], best[3], best[0]
    if ordinal:
        return None
    if vetoed:
        return comp.other, _noun_end(ctx, comp, toks, i1), 1.0, _VETOED
    if head is None:
        head = _head(ctx, comp, toks, i1)
    if head in ("other", "person") and n.form != "vague":
        return comp.other, i1 + 1, 1.0, 0
    return None


def _every_rule(ctx: DocContext, comp: Compiled, toks, index, kinds, n: _Num, ordinal: bool, cue=True):
    """(rule, its index in comp.kinds, has a cue in the sentence) of every rule of `kinds`
    whose tests that do not depend on where the figure stands pass: its form, digits and value,
    the article, the sentence (the definition _applicable keeps per class of figure); without
    `cue`, None for has a cue (_best_kind asks the index when it needs to)."""
    position = comp.position
    may = ctx.info(toks).may_hold
    out = []
    for ck in kinds:
        r = ck.rule
        if ordinal and not r.ordinal_after:
            continue  # a running count written as an ordinal is only for rules that say so
        if r.ordinal_only and not ordinal:
            continue  # a rule of ordinals only ("اليوم الثاني من الهدنة") takes no cardinal
        if r.digits_only and not n.digits:
            continue
        if n.value < r.min_value or (r.integer_only and not float(n.value).is_integer()):
            continue
        if (ck.article_needs or ck.article_phrases) and not (
            ctx.mentions_any(ck.article_needs) or (ck.article_phrases and _in_article(ctx, ck.article_phrases))
        ):
            continue  # detainees of a swap between states are no hostages
        if ck.needs and not _sentence_holds(ctx, toks, ck.needs, ("needs", r.id)):
            continue  # "مناطق المعارضة" in a sentence that names no vote
        # a rule's phrase sets the token list cannot hold (TokenInfo.may_hold) are not asked per
        # figure: None; and a rule that requires a marker the list cannot hold never applies
        if ck.require_before and not may(ck.require_before):
            continue
        out.append((
            ck, position[r.id], bool(ck.cues and index.has(r.id)) if cue else None,
            ck.exclude if ck.exclude and may(ck.exclude) else None,
            ck.exclude_before if ck.exclude_before and may(ck.exclude_before) else None,
            ck.require_before if ck.require_before else None,
        ))
    return out


def _applicable(ctx: DocContext, comp: Compiled, toks, index, kinds, n: _Num, ordinal: bool):
    """_every_rule, found once per token list (a sentence, a claim's window), rule list and
    class of figure: whether it is an ordinal, in digits, an integer, and which rules' min_value
    it reaches.  Those and the article and sentence are all _static_ok reads, so every figure
    of a class gets the same list; a dense sentence has a handful of classes.  (A claim's window
    serves one figure: its list is not kept.)"""
    value = n.value
    integer = float(value).is_integer()
    if isinstance(toks, TokenWindow):
        if not _WINDOW_RULES_FROM_BASE:
            return _every_rule(ctx, comp, toks, index, kinds, n, ordinal, cue=False)  # (one figure per window)
        # A claim's window serves one figure, but its list is a function of what its sentence
        # keeps for it: the class of figure, the rules asked, the forms the window adds (its
        # may_hold is its sentence's for those) and, for the rules needing words in the
        # sentence, whether the window holds them.  Kept by the sentence under those.
        info = ctx.info(toks)
        holds = tuple(
            _sentence_holds(ctx, toks, ck.needs, ("needs", ck.rule.id)) for ck in kinds if ck.needs
        )
        new = info._new if info._new is not None else info.new_forms
        key = ("applicable_w", tuple(map(id, kinds)), ordinal, n.digits, integer,
               bisect_right(_min_values(comp), value), new, holds)
        memo = info.base._memo  # type: ignore[union-attr]
        found = memo.get(key)
        if found is None:
            found = memo[key] = _every_rule(ctx, comp, toks, index, kinds, n, ordinal, cue=False)
        return found
    key = ("applicable", id(kinds), ordinal, n.digits, integer, bisect_right(_min_values(comp), value))
    memo = ctx.info(toks)._memo
    found = memo.get(key)
    if found is None or found[0] is not kinds:
        if _RULE_LISTS_BY_SIGNATURE:
            # a sentence's list is its document's for every sentence of the same signature (the
            # rule lists of a paragraph of short sentences were made again for each of them)
            shared = (key, _rule_signature(ctx, comp, toks, index))
            found = ctx.rule_lists.get(shared)
            if found is None or found[0] is not kinds:
                found = (kinds, _every_rule(ctx, comp, toks, index, kinds, n, ordinal))
                _keep_rule_list(ctx, shared, found)
            memo[key] = found
        else:
            found = memo[key] = (kinds, _every_rule(ctx, comp, toks, index, kinds, n, ordinal))
    return found[1]


# A sentence's rule lists (_applicable's, _cue_kinds_of's, _kinds_for's) are functions of what
# _every_rule, _cue_kinds and _kinds_for read of it: which words of the rules' word sets its
# tokens hold (sentence_needs; the plain words of require_before, exclude and exclude_before,
# TokenInfo.may_hold's gate) and the payloads of its cue matches (SentenceIndex.has), besides
# the class of figure and the article.  The document keeps one list per such signature, so the
# sentences of a paragraph that show the same get the same list object (and the lists made
# from it are found by identity); at most _RULE_LISTS_MAX lists a document.  Tests turn it off
# to compare.
_RULE_LISTS_BY_SIGNATURE = True
_RULE_LISTS_MAX = 1024


def _keep_rule_list(ctx: DocContext, key: tuple, found) -> None:
    lists = ctx.rule_lists
    if len(lists) < _RULE_LISTS_MAX:
        lists[key] = found


@per_object
def _rule_words(comp: Compiled) -> frozenset[str]:
    """Every word whose presence in a sentence one of _every_rule's sentence tests reads: the
    rules' sentence_needs and the plain words of their require_before, exclude and
    exclude_before phrases (PhraseSet.needs; a set without needs is never gated)."""
    words: set[str] = set()
    for ck in comp.kinds:
        words |= ck.needs
        for phrases in (ck.require_before, ck.exclude, ck.exclude_before):
            needs = phrases.needs if phrases else None
            if needs:
                words.update(*needs)
    return frozenset(words)


def _rule_signature(ctx: DocContext, comp: Compiled, toks, index) -> tuple:
    """What a sentence (not a claim's window) shows _every_rule and _cue_kinds of itself: its
    forms among _rule_words and its cue matches' payloads (found once per sentence)."""
    info = ctx.info(toks)
    key = ("rule_signature", id(comp))
    found = info._memo.get(key)
    if found is None:
        found = info._memo[key] = (info.forms & _rule_words(comp), frozenset(index.own_payloads()))
    return found


@per_object
def _min_values(comp: Compiled) -> list[float]:
    """The rules' distinct min_value, in order: a value's class is how many of them it reaches."""
    return sorted({ck.rule.min_value for ck in comp.kinds})


# a claim window's rule list (_applicable) is kept by its sentence per class of figure, rules
# asked, forms the window adds and the words it holds (tests turn it off to compare)
_WINDOW_RULES_FROM_BASE = True
# _best_kind keeps _find_cue's answers that do not depend on the rule for the figure's rules, and
# _claim the figure's hedges before and after it for them and itself (tests turn it off to
# compare with asking them for every rule and every caller)
_FIGURE_MEMO = True
# _best_kind takes the rules that can apply to a class of figure from _applicable, once per
# sentence (tests turn it off to compare with testing every rule for every figure)
_STATIC_KINDS = True
# _best_kind passes over rules without a noun that cannot win (tests turn it off to compare)
_SKIP_NOUNLESS = True
# _best_kind passes over, for a figure without its counted noun, the rules that need it
# (Compiled.noun_only; tests turn it off to compare)
_PASS_NOUN_ONLY = True
# _best_kind tries only the rules _kinds_for names (tests turn it off to compare)
_PREFILTER_KINDS = True
# _best_kind asks the index whether a rule has a cue once per figure and rule, and _find_cue
# takes its answer (tests turn it off to compare with asking at each step)
_HAS_CUE_ONCE = True


# "the others" after a bare figure ("و15 آخرون"): a rule's exclude words right after them
# tell of that figure as they would after its noun
_OTHERS = frozenset({"اخرون", "اخرين", "اخريات", "الاخرون", "الاخرين", "اخران", "اخريان"})


def _conj_noun(t: Token, noun: Phrase) -> bool:
    """Is the counted noun matched only once "و" is taken off the word ("وإصابة", "والقتلى")?
    Such a word is joined to what follows, not counted by the figure before it; a noun that
    itself starts with و ("وفيات", "وزراء") is written so."""
    return t.text.startswith("و") and not t.text.startswith(_first_word(noun.source))


@lru_cache(maxsize=4096)
def _first_word(source: str) -> str:
    return normalize_word(source.split()[0])


def _holds_any(toks: Sequence[Token], words: frozenset[str]) -> bool:
    return any(not t.forms.isdisjoint(words) for t in toks)


def _sentence_holds(ctx: DocContext, toks: Sequence[Token], words: frozenset[str], key) -> bool:
    """_holds_any(toks, words), found once per token list (`key` names the words).  A claim's
    window (TokenWindow) reads only its rewritten tokens and asks its sentence for the rest: the
    positions of the sentence's tokens holding one of the words, found once per sentence, and
    a bisection for each copied part (a dual noun copies 200 tokens, and every dual asked)."""
    info = ctx.info(toks)
    found = info._memo.get(key)
    if found is None:
        if isinstance(toks, TokenWindow):
            found = _window_holds(ctx, toks, words, key)
        else:
            found = _holds_any(toks, words)
        info._memo[key] = found
    return found


def _window_holds(ctx: DocContext, toks: TokenWindow, words: frozenset[str], key) -> bool:
    n = len(toks)
    c0, c1 = max(toks.changed[0], 0), min(toks.changed[1], n)
    if _holds_any(toks[c0:c1], words):
        return True
    base = toks.base
    at = ctx.info(base).get(("holds_at", key), lambda: [k for k, t in enumerate(base) if not t.forms.isdisjoint(words)])
    # window [0, c0) is the sentence's [offset, offset + c0); window [c1, n) its [c1 + shift, base_end)
    off, shift = toks.offset, toks.base_end - n
    for a, b in ((off, off + c0), (c1 + shift, toks.base_end)):
        k = bisect_left(at, a)
        if k < len(at) and at[k] < b:
            return True
    return False


def _cue_kinds(comp: Compiled, index) -> list[CompiledKind]:
    """The kind rules, in order, that have a cue in the token list of `index`.  (A sentence's
    index has a rule's cue when the rule's id is among the payloads of its matches: one set,
    read once, not `has` asked for every rule.)"""
    if index._base is None:
        own = index.own_payloads()
        return [ck for rid, ck in comp.cued if rid in own]
    return [ck for rid, ck in comp.cued if index.has(rid)]


def _cue_kinds_of(ctx: DocContext, comp: Compiled, toks, index=None) -> list[CompiledKind]:
    """_cue_kinds of a token list (its cue index `index`), found once per list.  A claim's
    window (TokenWindow) has a rule's cue when its sentence has one or a match around its
    rewritten tokens names the rule (SentenceIndex.has of a window): its sentence's rules, and
    those of the matches around the rewritten tokens."""
    info = ctx.info(toks)
    key = ("cue_kinds", id(comp))
    found = info._memo.get(key)
    if found is None:
        if index is None:
            index = ctx.cue_index(comp.tagged_cues, toks)
        if isinstance(toks, TokenWindow):
            base_kinds = _cue_kinds_of(ctx, comp, toks.base)
            base_info = ctx.info(toks.base)
            in_base = base_info._memo.get(("cue_kind_id_set", id(comp)))
            if in_base is None:
                in_base = base_info._memo[("cue_kind_id_set", id(comp))] = frozenset(ck.rule.id for ck in base_kinds)
            own = index.own_payloads()
            if own.issubset(in_base):
                found = base_kinds  # the rewritten tokens name no rule the sentence does not
            else:
                found = [ck for rid, ck in comp.cued if rid in in_base or rid in own]
        elif _RULE_LISTS_BY_SIGNATURE:
            own = frozenset(index.own_payloads())  # (all _cue_kinds reads of the sentence)
            shared = ("cue_kinds", id(comp), own)
            found = ctx.rule_lists.get(shared)
            if found is None:
                found = _cue_kinds(comp, index)
                _keep_rule_list(ctx, shared, found)
        else:
            found = _cue_kinds(comp, index)
        info._memo[key] = found
    return found


def _noun_rules(comp: Compiled, tok: Token, last: bool = False) -> frozenset[int]:
    """Indexes (in comp.kinds) of the rules one of whose counted nouns can start at `tok` (with
    `last`, end at it): its PhraseSet has a candidate phrase for the word (a superset of the
    rules whose `nouns.at` / `nouns.ending_at` finds one there), one dict probe per word form set."""
    cache = comp.noun_rules_last if last else comp.noun_rules
    found = cache.get(tok.forms)
    if found is None:
        if len(cache) > _NOUN_RULES_MAX:
            cache.clear()
        found = cache[tok.forms] = frozenset(
            j for j, ck in enumerate(comp.kinds)
            if (ck.nouns._candidates(ck.nouns._last, ck.nouns._last_loose, tok) if last
                else ck.nouns._candidates(ck.nouns._first, ck.nouns._first_loose, tok))
        )
    return found


_NOUN_RULES_MAX = 50_000  # distinct word form sets remembered before the cache starts over


def _kinds_for(ctx: DocContext, comp: Compiled, toks, index, t1: Token, t2: Token | None) -> list[CompiledKind]:
    """The kind rules, in order, that _best_kind can apply to a figure followed by `t1` (and
    `t2` after "من"): those with a counted noun that can start at t1 (or t2), and those with a
    cue in the sentence.  Every other rule finds neither and is passed over by _best_kind's
    loop, so the answer is the same as trying all of comp.kinds."""
    nouns = _noun_rules(comp, t1)
    if t2 is not None:
        nouns = nouns | _noun_rules(comp, t2)
    info = ctx.info(toks)
    cues = info._memo.get(("cue_kind_ids", id(comp)))
    if cues is None:
        cues = info._memo[("cue_kind_ids", id(comp))] = frozenset(
            comp.position[ck.rule.id] for ck in _cue_kinds_of(ctx, comp, toks, index)
        )
    key = ("kinds_for", id(comp), nouns)
    found = info._memo.get(key)
    if found is None:
        if _RULE_LISTS_BY_SIGNATURE:
            shared = ("kinds_for", id(comp), nouns, cues)  # (the same list for every sentence giving these)
            found = ctx.rule_lists.get(shared)
            if found is None:
                found = [comp.kinds[j] for j in sorted(nouns | cues)]
                _keep_rule_list(ctx, shared, found)
            info._memo[key] = found
        else:
            found = info._memo[key] = [comp.kinds[j] for j in sorted(nouns | cues)]
    return found


def _event(ctx: DocContext, ck: CompiledKind, toks, left: int, right: int, at: int) -> tuple[str | None, bool]:
    """The vote or war/truce a claim belongs to, and whether it came from outside the sentence."""
    r = ck.rule
    if r.event_from == "cues":
        # the event named in the figure's own clause first ("أعلن الحداد ثلاثة أيام، وحالة الطوارئ
        # عشرة أيام": the three days are the mourning's), else the nearest across clauses
        # (across clauses, a rule whose cue only stands before its figure - a length with its
        # lasting verb, "دخلت الهدنة حيز التنفيذ، على أن تستمر خمسة أيام، ... بعد 47 يوما من
        # الغارات" - looks for its event only before it: the verb's subject named earlier)
        # (an event named after the figure as the time a comparison counts from - "أطول فترة
        # هدوء منذ اندلاع الحرب", event_anchor_before - is not what the figure measures: the
        # one named before it is; and across clauses the event named before the figure, the
        # subject a pronoun takes up - "هدنا ... قبل أن تنهار بعد أربعة أيام من بدئها، لتعود
        # المعارك" - wins over one named in a later clause)
        # (right after the figure, "35 يوما منذ بدء الحرب" counts the war itself: no comparison)
        def compared(h) -> bool:
            if h is None or h[1] < right or ck.event_anchor is None:
                return False
            anchor = ck.event_anchor.ending_at(toks, h[1])
            return anchor is not None and anchor[1] > right
        hit = ck.events.nearest(toks, left, right, 30, 30)
        if compared(hit):
            hit = ck.events.nearest(toks, left, right, 30, 0)
        if hit is None:
            hit = ck.events.nearest(toks, left, right, 30, 0, cross_clause=True)
        if hit is None and r.cue_after:
            hit = ck.events.nearest(toks, left, right, 30, 30, cross_clause=True)
            if compared(hit):
                hit = None
        if hit is None:
            return None, False
        name = str(hit[0].payload)
        if name in r.vote_scoped_events:
            # "مشروع روسي يقترح التمديد لمدة ستة أشهر": the length the Russian draft proposes
            lo, hi = ctx.sentence_at(at)
            vote = ctx.events_near(lo, hi, at)
            if vote is not None:
                name = f"{name}:{vote}"
        if ck.event_after is not None and right < len(toks) and not toks[right].brk_before:
            after = ck.event_after.at(toks, right)
            if after is not None:
                name = f"{name}:{after[0].payload}"  # "تمديد الهدنة شهرين إضافيين": truce:extension
        return name, False
    if r.event_from != "vote":
        return None, False
    return vote_event(ctx, at)
