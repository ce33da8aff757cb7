"""A majority told after a rejection is the votes against: "رُفض التعديل الأول بأغلبية 114 صوتا
مقابل 3" (114 against, 3 for), "تم رفض الاقتراح بأغلبية 71 صوتا مقابل 65".

A kind rule's `reversed_after` (rules/kinds/votes_for.yaml) names the rejection verbs, the
majority words and the tally joiners.  Each test reads at most `reach` words before the figure
(a claim's own window, no rescans of its sentence)."""

from __future__ import annotations

from typing import Any, Sequence

from crosscheck.text.normalize import normalize_word
from crosscheck.text.tokens import Token
from crosscheck.util.memo import per_object

# `comp` is the extractor's Compiled rules and `ck` one of its CompiledKind (typed Any: this
# module is imported by crosscheck.extract.extractor)


@per_object
def _spec(comp: Any):
    """(owner, target, verbs, majority, joiners, blockers, reach), or None without such a rule."""
    for ck in comp.kinds:
        r = ck.rule.reversed_after
        if r is not None and r.to in comp.by_id:
            words = lambda ws: frozenset(normalize_word(w) for w in ws)  # noqa: E731
            return (ck, comp.by_id[r.to], words(r.verbs), words(r.majority), words(r.joiners), words(r.blockers), r.reach,
                    (words(r.against), words(r.texts), r.after_reach, words(r.voting_verbs), r.verb_reach,
                     words(r.referents), r.opening_words, r.opening_span))
    return None


def reversed_side(comp: Any, ck: Any, toks: Sequence[Token], left: int) -> Any:
    """The rule of the figure starting at toks[left] once a rejection before its majority is
    read: the majority's figure goes to the other side, and the figure joined after it back."""
    spec = _spec(comp)
    if spec is None or left <= 0 or toks[left].brk_before:
        return ck
    owner, target, verbs, majority, joiners, blockers, reach, after = spec
    prev = toks[left - 1]
    if ck is owner and not prev.forms.isdisjoint(majority):
        if _rejected(toks, left - 1, verbs, blockers, reach) or _opening_rejection(toks, left - 1, verbs, blockers, after):
            return target
        # "بأغلبية 19 صوتا مقابل 17 ضد مشروع القرار": the joiner a figure and its noun on
        for j in range(left + 1, min(len(toks), left + 6)):
            if toks[j].brk_before:
                break
            if not toks[j].forms.isdisjoint(joiners):
                return target if _voted(toks, left - 1, blockers, after) and _against_text(toks, j + 2, after) else ck
        return ck
    if ck is target and not prev.forms.isdisjoint(joiners):
        # "بأغلبية 114 صوتا مقابل 3": the majority word a figure and its noun before the joiner
        for k in range(left - 2, max(-1, left - 7), -1):
            if toks[k + 1].brk_before:
                break
            if not toks[k].forms.isdisjoint(majority):
                return owner if k + 1 < left - 1 and (_rejected(toks, k, verbs, blockers, reach)
                                                      or _opening_rejection(toks, k, verbs, blockers, after)
                                                      or (_voted(toks, k, blockers, after)
                                                          and _against_text(toks, left + 1, after))) else ck
    return ck


def _voted(toks: Sequence[Token], m: int, blockers: frozenset[str], after: tuple) -> bool:
    """Is a voting verb at most `verb_reach` words before the majority word toks[m], in its
    clause, with no blocker between ("وصوتت الدول الأعضاء في المجلس بأغلبية")?"""
    verbs, reach = after[3], after[4]
    for k in range(m - 1, max(-1, m - 1 - reach), -1):
        if toks[k + 1].brk_before:
            return False
        if not toks[k].forms.isdisjoint(blockers):
            return False
        if not toks[k].forms.isdisjoint(verbs):
            return True
    return False


def _against_text(toks: Sequence[Token], start: int, after: tuple) -> bool:
    """Is `against` right before a word of `texts` at most `reach` words from toks[start] on,
    in the clause ("17 ضد مشروع القرار", "17 صوتا ضد النص")?"""
    against, texts, reach = after[0], after[1], after[2]
    if not against:
        return False
    for k in range(start, min(len(toks) - 1, start + reach)):
        if toks[k].brk_before:
            return False
        if not toks[k].forms.isdisjoint(against):
            return not toks[k + 1].brk_before and not toks[k + 1].forms.isdisjoint(texts)
    return False


def _rejected(toks: Sequence[Token], m: int, verbs: frozenset[str], blockers: frozenset[str], reach: int) -> bool:
    """Is there a rejection verb at most `reach` words before toks[m], in its clause, with no
    blocker in those words?  The majority may open an aside of its own after the verb's clause
    ("رفض المجلس في جنيف، بأغلبية 19 صوتا مقابل 17، مشروع القرار"): a break right before it
    does not end the search."""
    found = False
    for k in range(m - 1, max(-1, m - 1 - reach), -1):
        if toks[k + 1].brk_before and k + 1 != m:
            break
        if not toks[k].forms.isdisjoint(blockers):
            return False
        if not toks[k].forms.isdisjoint(verbs):
            found = True
    return found


def _opening_rejection(toks: Sequence[Token], m: int, verbs: frozenset[str], blockers: frozenset[str],
                       after: tuple) -> bool:
    """Does the sentence open with a rejection verb that governs the majority word toks[m]?  The
    verb within the sentence's first `opening_words` words, toks[m] at most `opening_span` words
    after it, no blocker between, and no clause break between unless the majority follows a
    referent ("، وذلك بأغلبية": the act the sentence told, past its asides).  Only a list that starts its
    sentence (not a claim's window) is read: at most `opening_span` words."""
    referents, opening, span = after[5], after[6], after[7]
    if not referents or getattr(toks, "offset", 0) != 0 or m > span + opening:
        return False
    verb = next((k for k in range(min(opening, m)) if not toks[k].forms.isdisjoint(verbs)), None)
    if verb is None or m - verb > span:
        return False
    referred = m > 0 and not toks[m - 1].forms.isdisjoint(referents)
    for k in range(verb + 1, m):
        if not toks[k].forms.isdisjoint(blockers):
            return False
        if toks[k].brk_before and not referred:
            return False
    return True
