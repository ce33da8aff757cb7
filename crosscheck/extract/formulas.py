"""Counts stated without a figure: "اعتمد مجلس الأمن القرار بالإجماع" (no vote against, all 15
members for), "من دون أي صوت معارض", "بأغلبية 13 صوتا مقابل لا شيء" (none against).

The phrases are rule data (`formulas` in a kind rule, rules/kinds/*.yaml); a formula makes a
claim of its rule's kind with the formula's value, in a sentence that names a vote (the rule's
`sentence_needs`) and, when the formula says so, a body (its `needs` / `article_needs` /
`unless`).  Only sentences holding a formula's first word are tokenised.
"""

from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_left
from typing import TYPE_CHECKING, Iterator

from crosscheck.models import Claim
from crosscheck.ruleset.loader import Formula, KindRule, RuleSet
from crosscheck.text.lexicon import FormPositions, Phrase, PhraseSet, form_positions, longest_of
from crosscheck.text.normalize import normalize_word
from crosscheck.util.memo import per_object
from crosscheck.util.plain import plain_of

from crosscheck.extract.context import vote_event

if TYPE_CHECKING:  # pragma: no cover
    from crosscheck.extract.context import DocContext


def _norm(words: list[str]) -> frozenset[str]:
    return frozenset(" ".join(normalize_word(w) for w in p.split()) for p in words)


class _Compiled:
    def __init__(self, rules: RuleSet) -> None:
        self.items: list[tuple[KindRule, Formula, PhraseSet, frozenset[str]]] = []
        firsts: set[str] = set()
        for r in rules.kinds:
            for f in r.formulas:
                ps = PhraseSet(Phrase.parse(p) for p in f.phrases)
                # (the rule and the formula as plain attributes: crosscheck.util.plain)
                self.items.append((plain_of(r), plain_of(f), ps, _norm(r.sentence_needs)))
                firsts.update(p.words[0].text for p in ps.phrases if not p.words[0].gap)
        # the formulas a sentence can start, from its forms (formulas_in asks only those)
        self.starts = PhraseSet.start_index([it[2] for it in self.items])
        # a sentence holding none of the formulas' first words holds no formula
        # (whole words, clitics allowed: "لم" must not match inside "المسؤول")
        self.prefilter = (
            re.compile(r"(?<!\w)(?:[وفبلك]|ال)*(?:" + longest_of(sorted(firsts, key=len, reverse=True)) + r")(?!\w)")
            if firsts else None
        )


@per_object
def _compiled(rules: RuleSet) -> _Compiled:
    return _Compiled(rules)


def _in_sentence(toks, phrases: list[str], forms: frozenset[str] | None = None) -> bool:
    """Does the sentence (its tokens) hold one of these phrases?  (`forms`: forms_of(toks),
    when the caller has it: a sentence holding none of the phrases' first words answers at once.)"""
    return _phrase_set(tuple(phrases)).occurs_in(toks, forms)


# formulas and member lists ask each sentence whether it holds a phrase list once (tests turn
# it off to compare with asking every time)
_HOLDS_ONCE = True
# formulas and member lists of a sentence: only those whose phrases can start in it are asked
# (PhraseSet.start_index; tests turn it off to ask every one)
_BY_FIRST_WORD = True


def _holds(ctx: "DocContext", toks, phrases: list[str], forms: frozenset[str] | None = None) -> bool:
    """_in_sentence(toks, phrases, forms), answered once per sentence and phrase list: the
    formulas and member lists of a vote sentence ask the same few lists (the body a formula
    needs, the bodies it must not name) once per rule, ~5 times each."""
    if not _HOLDS_ONCE:
        return _in_sentence(toks, phrases, forms)
    memo = ctx.info(toks)._memo
    key = ("holds", tuple(phrases))
    found = memo.get(key)
    if found is None:
        found = memo[key] = _in_sentence(toks, phrases, forms)
    return found


def sentence_forms(ctx: "DocContext", toks) -> FormPositions:
    """form_positions(toks) of a vote sentence, made once: its formulas and its member lists
    (members_in) each read it."""
    memo = ctx.info(toks)._memo
    found = memo.get("form_positions")
    if found is None:
        found = memo["form_positions"] = form_positions(toks)
    return found


_SETS: dict[tuple[str, ...], PhraseSet] = {}


def _phrase_set(phrases: tuple[str, ...]) -> PhraseSet:
    found = _SETS.get(phrases)
    if found is None:
        found = _SETS[phrases] = PhraseSet.of(list(phrases))
    return found


def _in_article(ctx: "DocContext", phrases: list[str]) -> bool:
    """Does the article's normalised text hold one of these phrases (as written, clitics aside)?
    Each phrase is looked for once per document (asked per sentence, the whole text was read
    again for every sentence holding a formula: quadratic in a long article)."""
    found = ctx.__dict__.setdefault("_formula_in_article", {})
    for p in phrases:
        hit = found.get(p)
        if hit is None:
            hit = found[p] = _article_holds(ctx.text, p)
        if hit:
            return True
    return False


def _article_holds(text: str, phrase: str) -> bool:
    """A phrase's words in order; "…" between two stands for at most two words ("الطائرة …
    المنكوبة": "الطائرة الإثيوبية المنكوبة")."""
    parts = _phrase_parts(phrase)
    if any(p not in text for p in parts):
        return False  # (every match holds the phrase's words as written)
    return _phrase_pattern(parts).search(text) is not None


@lru_cache(maxsize=1024)
def _phrase_parts(phrase: str) -> tuple[str, ...]:
    """_article_holds's normalised parts of a phrase, made once per phrase (they were made again
    for every document)."""
    return tuple(" ".join(normalize_word(w) for w in part.split()) for part in phrase.split("…"))


@lru_cache(maxsize=1024)
def _phrase_pattern(parts: tuple[str, ...]) -> "re.Pattern[str]":
    """The pattern of a phrase's parts, compiled once (and only for a text holding them all)."""
    gap = r"\s+(?:\S+\s+){0,2}"
    return re.compile(r"(?<!\w)(?:[وفبل]|ال)*" + gap.join(re.escape(p) for p in parts) + r"(?!\w)")


def formula_claims(ctx: "DocContext", rules: RuleSet, tally_starts: list[int] = ()) -> list[Claim]:
    """The formula claims of a document; `tally_starts`: the original start of every tally
    figure read (sorted or not), for the formulas said only beside one."""
    tallies = sorted(tally_starts)
    out: list[Claim] = []
    for s_lo, s_hi in formula_sentences(ctx, rules):
        out += formulas_in(ctx, rules, s_lo, s_hi, tallies)
    return out


def formula_sentences(ctx: "DocContext", rules: RuleSet) -> Iterator[tuple[int, int]]:
    """The sentences (normalised bounds) that may hold a formula, in text order, each once: those
    holding one of the formulas' first words outside the page's furniture."""
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


def formulas_in(ctx: "DocContext", rules: RuleSet, s_lo: int, s_hi: int, tallies: list[int]) -> list[Claim]:
    """The formula claims of one sentence given by formula_sentences; `tallies`: the sorted
    original starts of the tally figures (formula_claims)."""
    comp = _compiled(rules)
    out: list[Claim] = []
    ctx.reading_at(s_lo)  # read in text order: the sentences behind may be forgotten
    toks = ctx.tokens(s_lo, s_hi)
    forms = sentence_forms(ctx, toks)  # (a formula, or a word it needs, whose first word is not here: none)
    items = comp.items
    # (only the formulas one of whose first words the sentence holds: the others start nowhere)
    for rule, f, ps, needs in (map(items.__getitem__, comp.starts.may_start(forms)) if _BY_FIRST_WORD else items):
        starts = ps.starts_in(toks, forms)
        if not starts:
            continue  # none of its phrases can start here: no claim (and nothing else asked)
        if f.needs and not _holds(ctx, toks, f.needs, forms) and not (
            f.article_needs and _in_article(ctx, f.article_needs)
        ):
            continue  # "بالإجماع" is 15 for only where the Security Council voted
        if f.unless and (_holds(ctx, toks, f.unless, forms) or (
            # another body named elsewhere in the article matters only where the sentence
            # does not name the body itself ("واعتمد مجلس الأمن القرار بالإجماع")
            not (f.needs and _holds(ctx, toks, f.needs, forms))
            # (a formula that needs no body reads its `unless` in its sentence only: "no death
            # since a date" is said there, and "منذ" anywhere in an article is no such thing)
            and bool(f.needs or f.article_needs) and _in_article(ctx, f.unless)
        )):
            continue
        if f.with_tally or f.alone:
            o_lo, o_hi = ctx.norm.span(s_lo, s_hi)
            j = bisect_left(tallies, o_lo)
            beside = j < len(tallies) and tallies[j] < o_hi
            if f.with_tally and not beside:
                continue  # "مرّ القرار دون معارضة": no tally in the sentence
            if f.alone and beside:
                continue  # "بتأييد 15 عضوا، أي بإجماع أعضائه": the tally says it
        for k in starts:
            hit = ps.at(toks, k)
            if hit is None:
                continue
            if needs and all(t.forms.isdisjoint(needs) for t in (*toks[:k], *toks[hit[1]:])):
                break  # "أجمع المحللون بالإجماع على …" names no vote (besides the formula)
            start, end, surface = ctx.original(toks[k].nstart, toks[hit[1] - 1].nend)
            j = bisect_left(tallies, start)
            if j < len(tallies) and tallies[j] < end:
                break  # "وامتناع عضو واحد": the formula's words hold a figure, which says it
            sentence = ctx.sentence_text(s_lo, s_hi, toks[k].nstart)[2]
            event, inferred = vote_event(ctx, toks[k].nstart) if rule.event_from == "vote" else (None, False)
            out.append(
                Claim(
                    doc=ctx.doc.id, kind=rule.kind, value=f.value, low=float(f.value),
                    high=float(f.value), qualifier="exact", group=f.group or rule.group, period=rule.period,
                    event=event, start=start, end=end, surface=surface, sentence=sentence,
                    rule=rule.id, inferred=["event"] if inferred else [],
                )
            )
            break  # one formula of a kind per sentence
    return out
