"""Vote positions: which member voted for, against, abstained or vetoed (kind vote_position).

Only sentences that mention voting words are tokenised.  A position needs a member state as
its actor (named inside the trigger, "استخدمت روسيا والصين حق النقض", or just before it,
"الولايات المتحدة امتنعت عن التصويت") and a known vote (resolution number or draft sponsor
in the sentence, "سابقة" for earlier drafts, or the document's only resolution); a position
we cannot tie to a vote is not checkable and is not emitted.
"""

from __future__ import annotations


import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence


from crosscheck.util.memo import per_object
from crosscheck.text.lexicon import Phrase, PhraseSet, longest_of
from crosscheck.models import Claim
from crosscheck.ruleset.loader import PositionRule, RuleSet
from crosscheck.text.tokens import Token, bare_forms

if TYPE_CHECKING:  # pragma: no cover
    from crosscheck.extract.context import DocContext

# Cheap prefilter on the normalised text: sentences without these words hold no position.
# (A trie for stdlib re: no word is a prefix of another, so it finds what the alternation does.)
_VOTE_TRIGGER = re.compile(longest_of("تصويت|النقض|الفيتو|لصالح|ضد|نقضت|يستخدمان|تستخدمان".split("|")))

_EARLIER = PhraseSet.of(["سابقه", "سابقا", "السابقه", "الماضيه", "سابق"])


@per_object
def _compiled(rule: PositionRule) -> tuple[PhraseSet, PhraseSet]:
    triggers = PhraseSet(Phrase.parse(p, v) for v, ps in rule.positions.items() for p in ps)
    return triggers, PhraseSet.of(rule.negators)


@per_object
def _first_words(triggers: PhraseSet) -> "re.Pattern[str] | None":
    """A trigger's first word (or its prefix, for "صوت*") is a substring of any sentence the
    trigger matches in (a token's forms are its text and suffixes of it): one search of the
    sentence rules out tokenising it.  None when some trigger opens with a gap."""
    firsts = [p.words[0] for p in triggers.phrases]
    if not firsts or any(w.gap for w in firsts):
        return None
    return re.compile(longest_of(sorted({w.text for w in firsts}, key=len, reverse=True)))


# ل + ال is written لل: "للصين" is ل + "الصين" (after و/ف too)
_LAM_AL = re.compile(r"^[وف]?لل(?=\w\w)")


@lru_cache(maxsize=8192)
def _forms(word: str) -> frozenset[str]:
    """A word's readings without clitics (tokens.bare_forms), and "للصين"'s "الصين" besides.
    (Kept per word or pair of words: members_in asks it for every pair of a trigger's
    neighbourhood, each time a position or a veto count reads it.)"""
    forms = bare_forms(word)
    m = _LAM_AL.match(word)
    return forms | {"ال" + word[m.end():]} if m else forms


@per_object
def _member_gates(gaz) -> tuple[frozenset[str], frozenset[str]]:
    """(the second words of the members' two-word names, the members' one-word names) of a
    gazetteer's lookup: every reading _forms gives of a pair of words ends in the second word as
    written (clitics come off the first only), so a pair whose second word is no member name's
    names no member; a word none of whose forms is a one-word name names none by its forms."""
    seconds, singles = set(), set()
    for key, hit in gaz.lookup.items():
        if hit and hit[0].member:
            words = key.split(" ")
            if len(words) == 2:
                seconds.add(words[1])
            elif len(words) == 1:
                singles.add(key)
    return frozenset(seconds), frozenset(singles)


# members_in passes over pairs and words that name no member by _member_gates (tests turn it
# off to compare)
_MEMBER_GATES = True


@per_object
def _member_search(gaz) -> "re.Pattern[str] | None":
    """A search that finds something in every sentence (normalised text) in which members_in
    can name a member, None when the gazetteer has no member (none can be named).  members_in
    finds a member by a pair of tokens whose second word, as written, is a second word of
    _member_gates, or by a token one of whose readings is a one-word name: a token's readings
    are its text and suffixes of it (tokens.bare_forms), and "للصين"'s "الصين" holds "صين" as
    written, so the name itself, or without its "ال", stands in the sentence's text.  (Tests
    compare extract_positions with and without it: _MEMBER_SEARCH.)"""
    seconds, singles = _member_gates(gaz)
    keys = set(seconds) | {w[2:] if w.startswith("ال") and len(w) > 2 else w for w in singles}
    keys.discard("")
    if not keys:
        return None
    return re.compile(longest_of(sorted(keys, key=len, reverse=True)))


# extract_positions tokenises only the vote sentences in which a member is named (_member_search);
# tests turn it off to compare
_MEMBER_SEARCH = True


def members_in(ctx: "DocContext", toks: Sequence[Token], lo: int, hi: int) -> list[tuple[int, str]]:
    """(token index, member id) for every voting member named in toks[lo:hi] (with a clitic
    prefix: "لروسيا", "للصين", "وللولايات المتحدة")."""
    out = []
    k = lo
    seconds, singles = _member_gates(ctx.gaz) if _MEMBER_GATES else (None, None)
    while k < hi:
        found = None
        if k + 1 < hi and (seconds is None or toks[k + 1].text in seconds):
            for f in _forms(toks[k].text + " " + toks[k + 1].text):
                p = ctx.gaz.lookup.get(f)
                if p and p[0].member:
                    found = (k, p[0].id, 2)
                    break
        if found is None and (singles is None or toks[k].text.startswith(("لل", "ولل", "فلل"))
                              or not toks[k].forms.isdisjoint(singles)):
            for f in _forms(toks[k].text) if toks[k].text.startswith(("لل", "ولل", "فلل")) else toks[k].forms:
                p = ctx.gaz.lookup.get(f)
                if p and p[0].member:
                    found = (k, p[0].id, 1)
                    break
        if found:
            out.append((found[0], found[1]))
            k += found[2]
        else:
            k += 1
    return out


def nearest_member(ctx: "DocContext", toks: Sequence[Token], left: int, right: int) -> str | None:
    """The member named nearest to a claim in its sentence (who vetoed, for veto counts).

    The sentence's members are found once; the nearest is among the last one before `left`,
    the last one before `right` and the first one from `right` on."""
    found = ctx.info(toks).get("members", lambda: members_in(ctx, toks, 0, len(toks)))
    if not found:
        return None
    at = ctx.info(toks).get("member_at", lambda: [f[0] for f in found])
    ks = sorted({k for k in (bisect_left(at, left) - 1, bisect_left(at, right) - 1, bisect_left(at, right))
                 if 0 <= k < len(found)})
    return min((found[k] for k in ks), key=lambda f: (abs(f[0] - left) if f[0] < left else abs(f[0] - right)))[1]


def joint_casters(ctx: "DocContext", toks: Sequence[Token], lo: int, hi: int) -> bool:
    """Are two or more members named in toks[lo:hi] joined by "و" in one run ("روسيا والصين",
    "الولايات المتحدة وبريطانيا وفرنسا"), with no break between them?"""
    found = members_in(ctx, toks, lo, hi)
    for (k1, m1), (k2, m2) in zip(found, found[1:]):
        if m1 != m2 and k2 - k1 <= 2 and toks[k2].text.startswith("و") and not toks[k2].brk_before:
            return True
    return False


def extract_positions(ctx: "DocContext", rules: RuleSet) -> list[Claim]:
    from crosscheck.extract.context import inferred_resolution

    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    # a position needs a member as its actor, named in its sentence (members_in over the
    # sentence's tokens): a vote sentence that names none is not tokenised
    named = _member_search(ctx.gaz) if _MEMBER_SEARCH else None
    no_member = _MEMBER_SEARCH and named is None
    for rule in rules.positions:
        triggers, negators = _compiled(rule)
        first_words = _first_words(triggers)
        for m in _VOTE_TRIGGER.finditer(ctx.text):
            lo, hi = ctx.sentence_at(m.start())
            if (lo, hi) in seen or ctx.in_furniture(m.start()):
                continue
            seen.add((lo, hi))
            ctx.reading_at(lo)  # (in text order: the sentences behind are forgotten)
            if first_words is not None and not first_words.search(ctx.text, lo, hi):
                continue  # no trigger can start in this sentence
            if no_member or (named is not None and not named.search(ctx.text, lo, hi)):
                continue  # no member named in it: no position has an actor
            toks = ctx.tokens(lo, hi)
            i, n = 0, len(toks)
            keys, loose = triggers._first_keys, bool(triggers._first_loose)
            while i < n:
                if not loose and toks[i].forms.isdisjoint(keys):
                    i += 1  # no trigger starts with this word
                    continue
                hit = triggers.at(toks, i)
                if hit is None:
                    i += 1
                    continue
                phrase, end = hit
                claims.extend(_position_claims(ctx, rule, negators, toks, i, end, str(phrase.payload), inferred_resolution))
                i = end
    return claims


def _linked_event(ctx, toks, i: int, end: int) -> tuple[str | None, bool]:
    """A resolution or draft named in the trigger's own clause, within a few words of it."""
    from crosscheck.extract.scope import vote_events_in

    lo = i
    while lo > 0 and not toks[lo].brk_before and i - lo < 8:
        lo -= 1
    hi = end
    while hi < len(toks) and not toks[hi].brk_before and hi - end < 8:
        hi += 1
    for k, event in vote_events_in(ctx.scope, ctx.gaz, toks[lo:hi]):
        return event, False
    return None, False


def _position_claims(ctx, rule, negators, toks, i, end, value, inferred_resolution) -> list[Claim]:
    # denied: "تجنبت استخدام الفيتو", "لم تصوت لصالح"
    if negators.nearest(toks, i, i, 4, 0) is not None:
        return []
    if any(negators.at(toks, k) for k in range(i + 1, end)):
        return []
    actors = members_in(ctx, toks, i, end)
    if not actors:
        # "روسيا والصين تستخدمان حق النقض": every member named in the same clause just before
        k = i
        while k > max(0, i - rule.actor_before) and not toks[k].brk_before:
            k -= 1
        actors = members_in(ctx, toks, k, i)
        if not actors:
            before = members_in(ctx, toks, max(0, i - rule.actor_before), i)
            actors = before[-1:]
    if not actors:
        return []
    at = toks[i].nstart
    if _EARLIER.nearest(toks, end, end, 0, 6, cross_clause=False):
        event, inferred = "earlier_drafts", False
    else:
        event, inferred = _linked_event(ctx, toks, i, end)
        if event is None:
            # a draft or resolution elsewhere in the sentence may be another vote ("بعد استخدام
            # روسيا والصين حق النقض … سنستأنف العمل على مشروع القرار الفرنسي"); only the
            # article's single resolution number is a safe fallback
            event, inferred = inferred_resolution(ctx, at), True
    if event is None:
        return []
    start, stop, surface = ctx.original(toks[i].nstart, toks[end - 1].nend)
    s_lo, s_hi = ctx.sentence_at(at)
    sentence = ctx.sentence_text(s_lo, s_hi, at)[2]
    out = []
    for actor in dict.fromkeys(a for _, a in actors):
        out.append(
            Claim(
                doc=ctx.doc.id,
                kind="vote_position",
                value=value,
                qualifier="exact",
                actor=actor,
                event=event,
                start=start,
                end=stop,
                surface=surface,
                sentence=sentence,
                rule=rule.id,
                inferred=["event"] if inferred else [],
            )
        )
    return out
