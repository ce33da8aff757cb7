"""Per-document state shared by the claim extractor and the vote-position reader.

`DocContext` normalises the text once and computes, lazily, what the rules ask of it: sentences,
paragraphs, tokens, the page furniture, the vote events; `vote_event` / `inferred_resolution`
find the vote a figure belongs to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

import regex

from crosscheck.extract.furniture import furniture_for
from crosscheck.extract.scope import document_location, gazetteer_for, scope_for, vote_events_in
from crosscheck.models import Document
from crosscheck.ruleset.loader import RuleSet
from crosscheck.text.lexicon import PhraseSet, SentenceIndex, longest_of
from crosscheck.text.normalize import normalize
from crosscheck.text.tokens import Token, tokenize

# Sentence ends: ! ? ؟ and newlines always; a full stop unless it sits between two digits
# ("1.5 مليون" is one number, not two sentences).
_SENTENCE_END = regex.compile(r"[!?؟\n]|(?<!\d)\.|\.(?!\d)")


class DocContext:
    """Per-document state, computed lazily so that documents without counts stay cheap."""

    def __init__(self, doc: Document, rules: RuleSet) -> None:
        self.doc = doc
        self.rules = rules
        self.norm = normalize(doc.text)
        self.text = self.norm.text
        self.gaz = gazetteer_for(rules.gazetteer)
        self.scope = scope_for(rules.scope)
        self._tokens: dict[tuple[int, int], list[Token]] = {}
        self._mentions: dict[tuple[int, int], list] = {}
        self.sentence_claims: dict[int, list] = {}  # sentence start -> claims placed so far
        self._cue_index: dict[int, tuple[list[Token], SentenceIndex]] = {}
        self._vote_events_of: dict[tuple[int, int], list[tuple[int, str]]] = {}  # per sentence

    @cached_property
    def furniture(self) -> list[tuple[int, int]]:
        return furniture_for(self.rules.furniture).blocks(self.text)

    def in_furniture(self, pos: int) -> bool:
        k = bisect_right(self._furniture_starts, pos) - 1
        return k >= 0 and pos < self.furniture[k][1]

    @cached_property
    def _furniture_starts(self) -> list[int]:
        return [a for a, _ in self.furniture]

    @cached_property
    def _breaks(self) -> list[int]:
        return [m.start() for m in _SENTENCE_END.finditer(self.text)]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        k = bisect_right(self._breaks, pos)
        lo = self._breaks[k - 1] + 1 if k > 0 else 0
        hi = self._breaks[k] if k < len(self._breaks) else len(self.text)
        return lo, hi

    def cue_index(self, cues: PhraseSet, toks: list[Token]) -> SentenceIndex:
        """All kind cues (`cues`: the compiled rules' tagged cues) of one token list (a
        sentence), found once."""
        hit = self._cue_index.get(id(toks))
        if hit is None or hit[0] is not toks:
            hit = self._cue_index[id(toks)] = (toks, SentenceIndex(cues, toks))
        return hit[1]

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        lo = self.text.rfind("\n", 0, pos) + 1
        hi = self.text.find("\n", pos)
        return lo, len(self.text) if hi < 0 else hi

    def tokens(self, lo: int, hi: int) -> list[Token]:
        key = (lo, hi)
        toks = self._tokens.get(key)
        if toks is None:
            toks = self._tokens[key] = tokenize(self.text, lo, hi)
        return toks

    def mentions_in(self, lo: int, hi: int):
        """Place mentions of one sentence (cached)."""
        key = (lo, hi)
        found = self._mentions.get(key)
        if found is None:
            found = self._mentions[key] = self.gaz.mentions(self.text, lo, hi)
        return found

    @cached_property
    def location(self) -> str | None:
        text = self.text
        if self.furniture:  # sidebars name other stories' places
            parts, pos = [], 0
            for a, b in self.furniture:
                parts.append(text[pos:a])
                pos = b
            parts.append(text[pos:])
            text = "".join(parts)
        return document_location(self.gaz, self.gaz.counts(text))

    @cached_property
    def vote_events(self) -> list[tuple[int, str]]:
        """(normalised offset, event) of every resolution number / draft sponsor in the text."""
        return self.vote_events_between(0, len(self.text))

    def vote_events_between(self, lo: int, hi: int) -> list[tuple[int, str]]:
        """vote_events in text[lo:hi], a run of whole sentences (only those are tokenised)."""
        out: list[tuple[int, str]] = []
        seen: set[tuple[int, int]] = set()
        for m in _VOTE_WORDS.finditer(self.text, lo, hi):
            sentence = self.sentence_at(m.start())
            if sentence in seen:
                continue  # a sentence's events do not depend on which vote word led here
            seen.add(sentence)
            out.extend(self._sentence_vote_events(sentence))
        return sorted(set(out))

    @cached_property
    def resolutions(self) -> set[str]:
        """The resolution events of vote_events, reading only sentences with a digit in them
        (a resolution event is a resolution phrase followed by a number written in digits)."""
        if "vote_events" in self.__dict__:
            return {e for _, e in self.vote_events if e.startswith("resolution:")}
        out: set[str] = set()
        seen: set[tuple[int, int]] = set()
        for m in _VOTE_WORDS.finditer(self.text):
            sentence = self.sentence_at(m.start())
            if sentence in seen:
                continue
            seen.add(sentence)
            if _DIGIT.search(self.text, *sentence):
                out.update(e for _, e in self._sentence_vote_events(sentence) if e.startswith("resolution:"))
        return out

    def _sentence_vote_events(self, sentence: tuple[int, int]) -> list[tuple[int, str]]:
        found = self._vote_events_of.get(sentence)
        if found is None:
            toks = self.tokens(*sentence)
            found = self._vote_events_of[sentence] = [
                (toks[i].nstart, ev) for i, ev in vote_events_in(self.scope, self.gaz, toks)
                if not self.in_furniture(toks[i].nstart)
            ]
        return found

    def original(self, nstart: int, nend: int) -> tuple[int, int, str]:
        s, e = self.norm.span(nstart, nend)
        return s, e, self.doc.text[s:e]


# A digit as the tokeniser sees one (crosscheck.text.tokens: a token that is a number starts with \d).
_DIGIT = regex.compile(r"\d")

# Words that announce a vote or a resolution: only sentences with one are searched for events.
# (A trie for stdlib re: no word is a prefix of another, so it finds what the alternation does.)
_VOTE_WORDS = re.compile(longest_of("قرار|مشروع|اقتراح|مسوده|مقترح".split("|")))


def vote_event(ctx: DocContext, at: int) -> tuple[str | None, bool]:
    """Nearest resolution/draft in the sentence, else the paragraph, else the document's only one."""
    # The sentence and its paragraph first: most figures find their vote there, and only the
    # sentences with a vote word in that stretch need reading.
    for (lo, hi), inferred in ((ctx.sentence_at(at), False), (ctx.paragraph_at(at), True)):
        near = [(abs(p - at), e) for p, e in ctx.vote_events_between(lo, hi)]
        if near:
            return min(near)[1], inferred
    events = ctx.vote_events
    if not events:
        return None, False
    resolutions = {e for _, e in events if e.startswith("resolution:")}
    if len(resolutions) == 1:
        return resolutions.pop(), True
    every = {e for _, e in events}
    if len(every) == 1:
        return every.pop(), True
    return None, False


def inferred_resolution(ctx: DocContext, at: int) -> str | None:
    """vote_event(ctx, at)'s answer when it is an inferred resolution, else None.

    (Vote positions accept only that: a draft or a resolution named in the same sentence may be
    another vote.)  The document fallback then needs only the article's resolutions, which
    come from the few vote sentences with digits in them.
    """
    for (lo, hi), inferred in ((ctx.sentence_at(at), False), (ctx.paragraph_at(at), True)):
        near = [(abs(p - at), e) for p, e in ctx.vote_events_between(lo, hi)]
        if near:
            event = min(near)[1]
            return event if inferred and event.startswith("resolution:") else None
    # vote_event's fallback: the only resolution, else the only event (then not a resolution)
    resolutions = ctx.resolutions
    return next(iter(resolutions)) if len(resolutions) == 1 else None

