"""Counts said by naming the states: "بأغلبية 11 صوتا مقابل صوت واحد، وامتناع الصين والهند
والإمارات" (3 abstentions), "حصل على تأييد 12 عضوا مقابل اعتراض روسيا" (1 against),
"فيما صوتت روسيا ضده" (1 against), "لم يحصل إلا على صوتي روسيا والصين" (2 for).

The phrases are rule data (`member_lists` in a kind rule, rules/kinds/*.yaml): a list of
countries of the gazetteer, joined by "و", right after one of the rule's `before` phrases (and
right before one of its `after` phrases when it has some) is a claim of the rule's kind whose
value is how many countries the list names.  Only sentences holding a `before` phrase's first
word are tokenised; each list is read once, token by token.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Iterator, Sequence

from crosscheck.extract.context import vote_event
from crosscheck.extract import formulas
from crosscheck.extract.formulas import _holds, _in_article, _norm, sentence_forms
from crosscheck.models import Claim
from crosscheck.ruleset.loader import KindRule, MemberList, RuleSet
from crosscheck.text.lexicon import Phrase, PhraseSet, longest_of
from crosscheck.text.tokens import Token
from crosscheck.util.memo import per_object
from crosscheck.util.plain import plain_of

if TYPE_CHECKING:  # pragma: no cover
    from crosscheck.extract.context import DocContext

_NAME_WORDS = 3  # the longest country name read ("الامارات العربيه المتحده")


class _Compiled:
    def __init__(self, rules: RuleSet) -> None:
        self.items: list[tuple[KindRule, MemberList, PhraseSet, PhraseSet, frozenset[str]]] = []
        firsts: set[str] = set()
        for r in rules.kinds:
            for m in r.member_lists:
                before = PhraseSet(Phrase.parse(p) for p in m.before)
                # (the rule and the list as plain attributes: crosscheck.util.plain)
                self.items.append((plain_of(r), plain_of(m), before, PhraseSet.of(m.after), _norm(r.sentence_needs)))
                firsts.update(p.words[0].text for p in before.phrases if not p.words[0].gap)
        # the member lists a sentence can start, from its forms (members_in asks only those)
        self.starts = PhraseSet.start_index([it[2] for it in self.items])
        self.prefilter = (
            re.compile(r"(?<!\w)(?:[وفبلك]|ال)*(?:" + longest_of(sorted(firsts, key=len, reverse=True)) + r")(?!\w)")
            if firsts else None
        )


@per_object
def _compiled(rules: RuleSet) -> _Compiled:
    return _Compiled(rules)


def _country_at(ctx: "DocContext", toks: Sequence[Token], k: int, joined: bool) -> tuple[str, int] | None:
    """(place id, end token) of a country's name starting at token k; with `joined`, the name
    carries the conjunction "و" ("والهند")."""
    first = toks[k].text
    if joined:
        if not first.startswith("و") or len(first) < 3:
            return None
        first = first[1:]
    for n in range(min(_NAME_WORDS, len(toks) - k), 0, -1):
        if any(toks[j].brk_before for j in range(k + 1, k + n)):
            continue
        hit = ctx.gaz.lookup.get(" ".join([first, *(t.text for t in toks[k + 1:k + n])]))
        if hit and not hit[1] and hit[0].type == "country":
            return hit[0].id, k + n
    return None


def named_countries(ctx: "DocContext", toks: Sequence[Token], k: int) -> tuple[list[str], int]:
    """The countries named from token k on, joined by "و", and the token after the last."""
    found: list[str] = []
    while k < len(toks) and (not found or not toks[k].brk_before):
        hit = _country_at(ctx, toks, k, joined=bool(found))
        if hit is None:
            break
        found.append(hit[0])
        k = hit[1]
    return found, k


def _closing(toks: Sequence[Token], after: PhraseSet, end: int, gap: int) -> tuple | None:
    """The `after` phrase right at toks[end] (in its clause), or past at most `gap` words that
    hold no figure (a day or a place set off after the states)."""
    if end < len(toks) and not toks[end].brk_before:
        hit = after.at(toks, end)
        if hit is not None:
            return hit
    for k in range(end, min(len(toks), end + gap)):
        if toks[k].is_digit():
            return None
        hit = after.at(toks, k + 1) if k + 1 < len(toks) else None
        if hit is not None:
            return hit
    return None


@per_object
def _unless_words(ml: MemberList) -> frozenset[str]:
    return frozenset(_norm(ml.unless_after))


def _count_follows(toks: Sequence[Token], end: int, ml: MemberList) -> bool:
    """Does a figure or one of the list's `unless_after` words follow toks[end] within
    `unless_reach` words of its clause?"""
    if not ml.unless_after:
        return False
    words = _unless_words(ml)
    for k in range(end, min(len(toks), end + ml.unless_reach)):
        if toks[k].brk_before:
            break
        if toks[k].is_digit() or not toks[k].forms.isdisjoint(words):
            return True
    return False


def member_count_claims(ctx: "DocContext", rules: RuleSet, tally_starts: list[int] = ()) -> list[Claim]:
    """The member-list claims of a document; `tally_starts` as for formula_claims."""
    tallies = sorted(tally_starts)
    out: list[Claim] = []
    for s_lo, s_hi in member_sentences(ctx, rules):
        out += members_in(ctx, rules, s_lo, s_hi, tallies)
    return out


def member_sentences(ctx: "DocContext", rules: RuleSet) -> Iterator[tuple[int, int]]:
    """The sentences (normalised bounds) that may hold a member list, in text order, each once:
    those holding one of the lists' words outside the page's furniture."""
    comp = _compiled(rules)
    if comp.prefilter is None:
        return
    seen: set[tuple[int, int]] = set()
    for m in comp.prefilter.finditer(ctx.text):
        s_lo, s_hi = ctx.sentence_at(m.start())
        if (s_lo, s_hi) in seen or ctx.in_furniture(m.start()):
            continue
        seen.add((s_lo, s_hi))
        yield s_lo, s_hi


def members_in(ctx: "DocContext", rules: RuleSet, s_lo: int, s_hi: int, tallies: list[int]) -> list[Claim]:
    """The member-list claims of one sentence given by member_sentences; `tallies` as for
    formulas_in."""
    comp = _compiled(rules)
    out: list[Claim] = []
    ctx.reading_at(s_lo)
    toks = ctx.tokens(s_lo, s_hi)
    o_lo, o_hi = ctx.norm.span(s_lo, s_hi)
    j = bisect_left(tallies, o_lo)
    tally = j < len(tallies) and tallies[j] < o_hi
    taken: set[int] = set()  # a list counts once, for the first rule that reads it
    forms = sentence_forms(ctx, toks)  # (a phrase or a word whose first word is not here: none)
    items = comp.items
    # (only the lists one of whose first words the sentence holds: the others start nowhere)
    for rule, ml, before, after, needs in (
        map(items.__getitem__, comp.starts.may_start(forms)) if formulas._BY_FIRST_WORD else items
    ):
        if ml.with_tally and not tally:
            continue
        if needs and needs.isdisjoint(forms):
            continue
        starts = before.starts_in(toks, forms)
        if not starts:
            continue  # none of its phrases can start here: no claim (and nothing else asked)
        if ml.needs and not _holds(ctx, toks, ml.needs, forms) and not (
            ml.article_needs and _in_article(ctx, ml.article_needs)
        ):
            continue
        if ml.unless and _holds(ctx, toks, ml.unless, forms):
            continue  # (the article may speak of another body: the sentence says which voted)
        for k in starts:
            hit = before.at(toks, k)
            if hit is None or hit[1] in taken:
                continue
            states, end = named_countries(ctx, toks, hit[1])
            if len(states) < ml.min_states:
                continue
            if ml.after:
                closing = _closing(toks, after, end, ml.after_gap)
                if closing is None:
                    continue
                end = closing[1]
                if _count_follows(toks, end, ml):
                    continue  # "استخدمت روسيا حق النقض 12 مرة": its times, not one veto
            taken.add(hit[1])
            value = len(dict.fromkeys(states))
            start, stop, surface = ctx.original(toks[k].nstart, toks[end - 1].nend)
            sentence = ctx.sentence_text(s_lo, s_hi, toks[k].nstart)[2]
            event, inferred = vote_event(ctx, toks[k].nstart) if rule.event_from == "vote" else (None, False)
            out.append(
                Claim(
                    doc=ctx.doc.id, kind=rule.kind, value=value, low=float(value), high=float(value),
                    qualifier="exact", group=rule.group, period=rule.period, event=event,
                    # one member named is the actor of a count that has one ("استخدمت روسيا حق النقض")
                    actor=states[0] if rule.actor and value == 1 else None,
                    start=start, end=stop, surface=surface, sentence=sentence, rule=rule.id,
                    inferred=["event"] if inferred else [],
                )
            )
    return out
