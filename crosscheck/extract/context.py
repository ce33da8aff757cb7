"""Per-document state shared by the claim extractor and the vote-position reader.

`DocContext` normalises the text once and computes, lazily, what the rules ask of it: sentences,
paragraphs, tokens, the page furniture, the vote events; `vote_event` / `inferred_resolution`
find the vote a figure belongs to.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import Any, Callable, Sequence

from crosscheck.extract.furniture import furniture_for
from crosscheck.extract.nisba import nisba_for
from crosscheck.extract.scope import LocationIndex, document_location, gazetteer_for, scope_for, vote_events_in
from crosscheck.models import Document
from crosscheck.ruleset.loader import RuleSet
from crosscheck.text.bidi import BidiSpans
from crosscheck.text.lexicon import PhraseSet, SentenceIndex, forms_of, longest_of
from crosscheck.text.normalize import normalize
from crosscheck.text.tokens import Token, spellings, tokenize, words_between
from crosscheck.util import regex_cache
from crosscheck.util.plain import plain_of

# Sentence ends: ! ? ؟ and newlines always; a full stop unless it sits between two digits
# ("1.5 مليون" is one number, not two sentences).
_SENTENCE_END = regex_cache.compile(r"[!?؟\n]|(?<!\d)\.|\.(?!\d)")


# A claim's `sentence` is its whole sentence up to this many characters; a longer one (a text
# without sentence punctuation) is cut to this many characters around the claim, so that what
# each claim carries is bounded and the output stays linear in the input.
SENTENCE_MAX = 2000
# sentence_text finds a sentence's stripped bounds in the document instead of copying the
# sentence and stripping the copy (tests turn it off to compare)
_SENTENCE_BOUNDS = True


# TokenInfo.may_hold passes over phrase sets none of whose first words a sentence holds (tests
# turn it off to compare with looking every phrase up)
_GATES = True
# a claim window's may_hold asks its sentence's TokenInfo (kept per set of forms the window
# adds) instead of testing the phrase set against the window's own forms (tests turn it off)
_WINDOW_GATES_FROM_BASE = True
# TokenInfo.where calls its finder only at tokens holding a word it names (tests turn it off)
_WHERE_KEYS = True
# a claim window's where() finds the tokens holding its finder's key words from its sentence's
# positions of them where it copies the sentence (tests turn it off to compare with testing
# every token of the window's regions)
_WINDOW_KEYS_FROM_BASE = True
# a sentence's clause-start and clause-end arrays are built a clause at a time from its breaks
# (tests turn it off to compare with a loop over its tokens)
_CLAUSES_BY_BREAKS = True
# DocContext.info answers the token list it answered last without a look-up (tests turn it off)
_LAST_INFO = True
# a claim window's clause breaks are its sentence's, shifted, where it copies them (tests turn
# it off to compare with TokenInfo.where)
_WINDOW_BREAKS_FROM_BASE = True


class TokenInfo:
    """What the extractor asks of one token list (a sentence, or a claim's window of one),
    computed once per list: token starts, clause bounds, and indexes its owners add by key
    (`get`).  Every question about a claim is then answered from its neighbourhood."""

    __slots__ = ("toks", "_memo", "_starts", "_clause_start", "_clause_end", "base", "_new", "_may")

    def __init__(self, toks: Sequence[Token], base: "TokenInfo | None" = None) -> None:
        self.toks = toks
        self.base = base  # a claim's window: the indexes of the sentence it copies
        self._memo: dict[Any, Any] = {}
        self._starts: list[int] | None = None
        self._clause_start: list[int] | None = None
        self._clause_end: list[int] | None = None
        self._new: frozenset[str] | None = None  # a window's new_forms, once asked
        self._may: dict[Any, bool] = {}  # may_hold's answers, by phrase set (a sentence's)

    @property
    def starts(self) -> list[int]:
        """Normalised start offset of every token (for bisect)."""
        if self._starts is None:
            self._starts = [t.nstart for t in self.toks]
        return self._starts

    def clause_start(self, i: int) -> int:
        """Index of the first token of the clause holding token i (0 or a token after a break)."""
        if self.base is not None:
            # a claim's window: from its breaks, most of them its sentence's (no array per window)
            n = len(self.toks)
            if i >= n:
                i = n - 1
            elif i < 0:
                i += n  # as the array's index: -1 is the last token
                if i < 0:
                    raise IndexError(i - n)
            brk = self.breaks
            k = bisect_right(brk, i) - 1
            return brk[k] if k >= 0 else 0
        if self._clause_start is None:
            self._clause_start = _clause_starts(self.toks, self.breaks)
        cs = self._clause_start
        return cs[i] if i < len(cs) else (cs[-1] if cs else 0)

    def clause_end(self, i: int) -> int:
        """Index of the first token at or after i that opens a new clause (len(toks) if none)."""
        if self.base is not None:
            n = len(self.toks)
            if not 0 <= i <= n:
                return n
            brk = self.breaks
            k = bisect_left(brk, i)
            return brk[k] if k < len(brk) else n
        if self._clause_end is None:
            self._clause_end = _clause_ends(self.toks, self.breaks)
        ce = self._clause_end
        return ce[i] if 0 <= i < len(ce) else len(self.toks)

    @property
    def breaks(self) -> list[int]:
        """Indexes of the tokens after clause punctuation (brk_before), in order."""
        found = self._memo.get("breaks")
        if found is None:
            if self.base is None:
                found = [k for k, t in enumerate(self.toks) if t.brk_before]
            elif not _WINDOW_BREAKS_FROM_BASE:
                found = [k for k, _ in self.where("breaks", 1, _break_at, lambda info: [(k, True) for k in info.breaks])]
            else:
                # a claim's window: its sentence's breaks where it copies them (before the
                # rewritten tokens, and after them up to its end), shifted, and its own between
                # (what `where` gives for a find reading one token, without its pairs)
                toks = self.toks
                n, (c0, c1), base = len(toks), toks.changed, self.base.breaks  # type: ignore[attr-defined]
                c0, c1 = max(c0, 0), min(c1, n)
                off, end = toks.offset, toks.base_end  # type: ignore[attr-defined]
                shift = end - n
                found = [k - off for k in base[bisect_left(base, off) : bisect_left(base, off + c0)]]
                found += [k for k in range(c0, c1) if toks[k].brk_before]
                found += [k - shift for k in base[bisect_left(base, c1 + shift) : bisect_left(base, end)]]
            self._memo["breaks"] = found
        return found

    def phrase_hits(self, phrases: PhraseSet) -> list[tuple[int, Any, int]]:
        """(i, phrase, end) for every position i where phrases.at(toks, i) finds a phrase, in
        order (see `where`)."""
        found = self._memo.get(("hits", id(phrases)))
        if found is None:
            if self.base is None:
                toks, at = self.toks, phrases.at
                keys = None if phrases._first_loose else phrases._first_keys
                found = [
                    (i, hit[0], hit[1]) for i, t in enumerate(toks)
                    if (keys is None or not t.forms.isdisjoint(keys)) and (hit := at(toks, i)) is not None
                ]
            else:
                found = [
                    (i, hit[0], i + hit[1])
                    for i, hit in self.where(("at", id(phrases)), phrases.max_span, _phrase_finder(phrases), lambda info: [
                        (i, (p, e - i)) for i, p, e in info.phrase_hits(phrases)
                    ], None if phrases._first_loose else phrases._first_keys)
                ]
            self._memo[("hits", id(phrases))] = found
        return found

    def where(
        self, key: Any, span: int, find: Callable[[Sequence[Token], int], Any],
        scan: "Callable[[TokenInfo], list[tuple[int, Any]]] | None" = None, keys: frozenset[str] | None = None,
    ) -> list[tuple[int, Any]]:
        """(i, found) for every position i where find(toks, i) is not None, in order, found once
        per token list; `find` reads tokens i to i + span - 1 only (and what it finds at i is
        relative to i).  A claim's window takes its sentence's answers where it is a plain copy of
        it (the tokens a find at i reads lie before the rewritten tokens, or after them and inside
        the window) and calls `find` only around the rewritten tokens and at its end: a dual noun
        ("2 + noun") copies 200 tokens, and the sentence's positions are read once, not per dual.
        `scan(info)`, if given, finds the same list for a sentence's TokenInfo in one loop;
        `keys`, if given, the words one of which a token must have for `find` to find anything
        there (it is not called at the others)."""
        key = ("where", key)
        found = self._memo.get(key)
        if found is not None:
            return found
        toks, base = self.toks, self.base
        if base is None:
            found = scan(self) if scan is not None else _where_between(find, toks, 0, len(toks), keys)
        else:
            (c0, c1), n = toks.changed, len(toks)  # type: ignore[attr-defined]
            # looked up here: [a, c1) around the rewritten tokens, [b, n) where a find could read
            # past the window's end; the rest is the sentence's
            a, b = max(0, c0 - span + 1), max(c1, n - span + 1)
            all_base = base.where(key[1], span, find, scan, keys)
            starts = base.get(("where_starts", key[1]), lambda: [h[0] for h in all_base])
            off, shift = toks.offset, toks.base_end - n  # type: ignore[attr-defined]
            found = [(i - off, v) for i, v in all_base[bisect_left(starts, off) : bisect_left(starts, off + a)]]
            if keys is not None and _WHERE_KEYS and _WINDOW_KEYS_FROM_BASE:
                # the tokens holding a key word, where the window copies its sentence: the
                # sentence's (found once per sentence and key set), by bisection
                at = base.get(("key_at", keys), lambda: [k for k, t in enumerate(base.toks) if not t.forms.isdisjoint(keys)])
                c0 = max(c0, 0)
                found += _where_at(find, toks, [k - off for k in at[bisect_left(at, a + off) : bisect_left(at, c0 + off)]])
                found += _where_between(find, toks, c0, c1, keys)
                found += [(i - shift, v) for i, v in all_base[bisect_left(starts, c1 + shift) : bisect_left(starts, b + shift)]]
                found += _where_at(find, toks, [k - shift for k in at[bisect_left(at, b + shift) : bisect_left(at, n + shift)]])
            else:
                found += _where_between(find, toks, a, c1, keys)
                found += [(i - shift, v) for i, v in all_base[bisect_left(starts, c1 + shift) : bisect_left(starts, b + shift)]]
                found += _where_between(find, toks, b, n, keys)
        self._memo[key] = found
        return found

    def may_hold(self, phrases: PhraseSet) -> bool:
        """Can a phrase of `phrases` stand anywhere in the token list?  Not when no phrase has
        all its plain words among the tokens' forms (then `at`, `ending_at` and `nearest` find
        none anywhere in it): the union of the forms is made once per list, each phrase set
        asked once (PhraseSet.needs, a C loop).  A claim's window: its sentence's forms and
        those of its rewritten tokens."""
        base = self.base
        if base is not None and _WINDOW_GATES_FROM_BASE:
            # a claim's window: its sentence's answer for the forms its rewritten tokens add
            # (windows of one sentence add few distinct sets: a dual's "2" and singular), kept
            # by the sentence (a window asks each phrase set about once: a memo of its own
            # would only be filled)
            new = self._new
            if new is None:
                new = self._new = self.new_forms
            if not new:
                return base.may_hold(phrases)
            found = base._memo.get(("may_hold+", id(phrases), new))
            return base._may_hold_with(phrases, new) if found is None else found
        found = self._may.get(phrases)  # (keyed by the phrase set itself: asked ~15 times a figure)
        if found is None:
            needs = phrases.needs if _GATES else None
            found = self._may[phrases] = needs is None or any(map(self.forms.issuperset, needs))
        return found

    def _may_hold_with(self, phrases: PhraseSet, new: frozenset[str]) -> bool:
        """may_hold of a token list holding this one's forms and `new` (a sentence's, for its
        claim windows), kept per phrase set and set of new forms."""
        if not new:
            return self.may_hold(phrases)
        key = ("may_hold+", id(phrases), new)
        found = self._memo.get(key)
        if found is None:
            needs = phrases.needs if _GATES else None
            found = self._memo[key] = needs is None or any(map((self.forms | new).issuperset, needs))
        return found

    @property
    def new_forms(self) -> frozenset[str]:
        """Of a claim's window: the forms of its rewritten tokens its sentence's tokens lack
        (its `forms` are its sentence's and these)."""
        found = self._memo.get("new_forms")
        if found is None:
            c0, c1 = self.toks.changed  # type: ignore[attr-defined]
            found = self._memo["new_forms"] = forms_of(self.toks[max(c0, 0) : c1]).difference(self.base.forms)  # type: ignore[union-attr]
        return found

    @property
    def forms(self) -> frozenset[str]:
        """Every form of every token (a window: a superset, its sentence's and its own)."""
        found = self._memo.get("forms")
        if found is None:
            if self.base is None:
                found = forms_of(self.toks)
            else:
                c0, c1 = self.toks.changed  # type: ignore[attr-defined]
                found = self.base.forms | forms_of(self.toks[max(c0, 0) : c1])
            self._memo["forms"] = found
        return found

    def get(self, key: Any, build: Callable[[], Any]) -> Any:
        """The index stored under `key`, built by `build()` the first time."""
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = build()
        return found


def _where_between(
    find: Callable[[Sequence[Token], int], Any], toks: Sequence[Token], lo: int, hi: int,
    keys: frozenset[str] | None = None,
) -> list[tuple[int, Any]]:
    """(i, find(toks, i)) for i in [lo, hi) where it finds something (`keys`: see where)."""
    out = []
    if keys is not None and _WHERE_KEYS:
        for i in range(max(lo, 0), min(hi, len(toks))):
            if toks[i].forms.isdisjoint(keys):
                continue
            v = find(toks, i)
            if v is not None:
                out.append((i, v))
        return out
    for i in range(max(lo, 0), min(hi, len(toks))):
        v = find(toks, i)
        if v is not None:
            out.append((i, v))
    return out


def _clause_starts(toks: Sequence[Token], breaks: list[int]) -> list[int]:
    """For each token index, the index of the first token of its clause (0, or the last token
    at or before it after clause punctuation): built a clause at a time from the breaks."""
    if not _CLAUSES_BY_BREAKS:
        out, c = [], 0
        for k, t in enumerate(toks):
            if t.brk_before:
                c = k
            out.append(c)
        return out
    out, prev = [], 0
    for b in breaks:
        if b > prev:
            out += [prev] * (b - prev)
            prev = b
    out += [prev] * (len(toks) - prev)
    return out


def _clause_ends(toks: Sequence[Token], breaks: list[int]) -> list[int]:
    """For each token index (and len(toks)), the index of the first token at or after it that
    opens a clause (len(toks) if none): built a clause at a time from the breaks."""
    n = len(toks)
    if not _CLAUSES_BY_BREAKS:
        out, c = [n] * (n + 1), n
        for k in range(n - 1, -1, -1):
            if toks[k].brk_before:
                c = k
            out[k] = c
        return out
    out, prev = [], 0
    for b in breaks:
        out += [b] * (b - prev + 1)
        prev = b + 1
    out += [n] * (n - prev + 1)
    return out


def _where_at(find: Callable[[Sequence[Token], int], Any], toks: Sequence[Token], at: list[int]) -> list[tuple[int, Any]]:
    """(i, find(toks, i)) for each i of `at` (in order) where it finds something."""
    out = []
    for i in at:
        v = find(toks, i)
        if v is not None:
            out.append((i, v))
    return out


def _break_at(toks: Sequence[Token], i: int) -> bool | None:
    return True if toks[i].brk_before else None


_FINDERS: dict[int, tuple[PhraseSet, Callable[[Sequence[Token], int], Any]]] = {}


def _phrase_finder(phrases: PhraseSet) -> Callable[[Sequence[Token], int], Any]:
    """phrases.at, passing over a token none of whose forms starts a phrase (the same answer);
    its end index relative to i (where() shifts positions)."""
    got = _FINDERS.get(id(phrases))
    if got is not None and got[0] is phrases:
        return got[1]
    keys = None if phrases._first_loose else phrases._first_keys
    at = phrases.at

    def find(toks: Sequence[Token], i: int):
        if keys is not None and toks[i].forms.isdisjoint(keys):
            return None  # no phrase starts with this word
        hit = at(toks, i)
        return None if hit is None else (hit[0], hit[1] - i)

    _FINDERS[id(phrases)] = (phrases, find)
    return find


class TokenWindow(list):
    """A claim's own copy of part of its sentence's tokens (when it rewrites a token, e.g. a dual
    noun read as "2 + noun"): `offset` is the sentence index of its first token."""

    offset = 0
    base: Sequence[Token] = ()  # the sentence's tokens
    changed: tuple[int, int] = (0, 0)  # the window's indexes that may differ from the sentence's
    base_end = 0  # the sentence index after the window's last token (its tail is base[:base_end]'s)


class DocContext:
    """Per-document state, computed lazily so that documents without counts stay cheap."""

    def __init__(self, doc: Document, rules: RuleSet) -> None:
        self.doc = doc
        self.rules = rules
        self.norm = normalize(doc.text)
        self.text = self.norm.text
        self.gaz = gazetteer_for(rules.gazetteer)
        self.scope = scope_for(rules.scope)
        # rules.scope as plain attributes (crosscheck.util.plain: a claim reads ~10 of its fields)
        self.scope_rules = plain_of(rules.scope)
        self.nisba = nisba_for(rules.nisba)
        self._tokens: dict[tuple[int, int], list[Token]] = {}
        self._mentions: dict[tuple[int, int], list] = {}
        self._side_mentions: dict[tuple[int, int], SideMentions] = {}  # per sentence (side_mentions)
        self.sentence_claims: dict[int, Any] = {}  # sentence start -> the last claims placed in it
        # where the parts of a toll named by a nationality start ("بينهم 4 إيرانيين": extractor
        # _nationals_part): the mention merger folds them only into their own group's figure
        self.nationals_part_starts: set[int] = set()
        self.cached_sentences = 0  # sentences tokenised at the last forget_before
        self.last_toll_rule: str | None = None  # the rule of the last toll read (extractor._toll_anaphor)
        self.toll_rules: dict[str, str] = {}  # kind -> the rule of the last toll of that kind read
        # the kind and rule of the last claim about captives read (extractor._captive_anaphor)
        self.last_captive: tuple[str, str] | None = None
        # kind -> the rule of the last claim of that captive kind read, the latest kind last
        self.captive_rules: dict[str, str] = {}
        self.refuted: set[float] = set()  # values the article refutes ("وليس 3000 كما راج")
        self.claims_held = 0  # the most claims the extractor held at once, unmerged or merged (counted for tests)
        self._vote_events_of: dict[tuple[int, int], list[tuple[int, str]]] = {}  # per sentence
        self._mentions_any: dict[frozenset[str], bool] = {}  # mentions_any's answers
        self._events_near: dict[tuple[int, int], list[tuple[int, str]]] = {}  # per sentence/paragraph
        self._info: dict[int, TokenInfo] = {}  # id(token list of a sentence) -> its indexes
        # the extractor's rule lists by what a sentence shows of itself (extractor._applicable,
        # _cue_kinds, _kinds_for): one list for every sentence of the document with the same
        # signature (bounded: extractor._RULE_LISTS_MAX entries)
        self.rule_lists: dict[tuple, Any] = {}
        self._window_info: TokenInfo | None = None  # the one claim window in use
        # the sentence's token list info() answered last and its answer (a figure asks ~18
        # times, mostly of its sentence)
        self._last_toks: Sequence[Token] | None = None
        self._last_info: TokenInfo | None = None
        self._sentences: dict[tuple[int, int], tuple[int, int, str]] = {}
        self._last_sentence: tuple[int, int] = (0, 0)  # sentence_at's last answer (an empty span at first)
        # one string for each distinct sentence text the claims hold (a text that says the same
        # sentence again, a wire story pasted twice, holds it once: claims keep their sentence)
        self._sentence_texts: dict[str, str] = {}
        self._excerpts: dict[tuple[int, int, int], tuple[int, int, str]] = {}
        self.number_starts: Sequence[int] = []  # normalised start of every number read so far (sorted)
        self.number_feed: Any = None  # the extractor's number reader (reads ahead for number_starts)
        # long spans `original` cut lately: figures inside one long token ("1.1.1.1…", every
        # group a number) each span the whole token, and share its text instead of cutting it again
        self._long_spans: dict[tuple[int, int], tuple[int, int, str]] = {}

    # per-sentence caches (keys start with the sentence's (lo, hi)) that forget_before empties
    _SENTENCE_CACHES = ("_tokens", "_mentions", "_sentences", "_excerpts", "_events_near", "_side_mentions")
    _SENTENCE_CACHES_OUTSIDE = (
        "_period_hits", "_event_hits", "_basis_hits", "_basis_starts", "_event_split", "_event_patterns", "_event_blocked",
    )

    # sentences whose tokens and indexes are kept before those behind the reading point go
    keep_sentences = 64

    def reading_at(self, pos: int) -> None:
        """The reader (the claim loop, the vote positions) has reached normalised offset `pos`,
        reading in text order: once the cached sentences have doubled since the last time (and
        are more than keep_sentences), forget those ending by `pos` (amortised: linear)."""
        if len(self._tokens) > max(self.keep_sentences, 2 * self.cached_sentences):
            self.forget_before(pos)

    def forget_before(self, pos: int) -> None:
        """Drop what was worked out for the sentences ending by normalised offset `pos` (their
        tokens, indexes, place mentions, cue hits, excerpts): the claim loop reads the document
        in text order, so a one-line text of many sentences holds the sentences near the figure
        being read, not every sentence read so far.  Every cache is a function of the text, so a
        sentence asked for again is worked out again, the same."""
        for name in self._SENTENCE_CACHES + self._SENTENCE_CACHES_OUTSIDE:
            cache = self.__dict__.get(name)
            if cache:
                for key in [k for k in cache if _sentence_end(k) <= pos]:
                    del cache[key]
        for key in [k for k, info in self._info.items() if not info.toks or info.toks[-1].nend <= pos]:
            del self._info[key]
        self._last_toks = self._last_info = None
        for key in [k for k in self.sentence_claims if k < pos]:
            del self.sentence_claims[key]
        self.cached_sentences = len(self._tokens)

    @cached_property
    def writes_hamza(self) -> bool:
        """Does the article write the hamza on an alef ("أن", "إلى")?  An outlet that drops it
        writes every such word with a bare alef, so a bare alef says nothing of the word there."""
        return "أ" in self.doc.text or "إ" in self.doc.text

    @cached_property
    def furniture(self) -> list[tuple[int, int]]:
        blocks = furniture_for(self.rules.furniture).blocks(self.text)
        # a numeric dateline's day and month ("جاكرتا - 30 - 12 (كونا)") are no figures either
        date = self.gaz.dateline_date(self.text)
        if date is not None and not any(a <= date[0] < b for a, b in blocks):
            blocks = sorted(blocks + [date])
        return blocks

    def in_furniture(self, pos: int) -> bool:
        k = bisect_right(self._furniture_starts, pos) - 1
        return k >= 0 and pos < self.furniture[k][1]

    @cached_property
    def _furniture_starts(self) -> list[int]:
        return [a for a, _ in self.furniture]

    @cached_property
    def _breaks(self) -> "array[int]":
        # (8 bytes a sentence end: a list held an int object of 32 for each)
        return array("q", (m.start() for m in _SENTENCE_END.finditer(self.text)))

    def sentence_at(self, pos: int) -> tuple[int, int]:
        last = self._last_sentence
        if last[0] <= pos < last[1]:
            return last  # (every offset in [lo, hi) has the same sentence: asked ~3 times a figure)
        breaks = self._breaks
        k = bisect_right(breaks, pos)
        lo = breaks[k - 1] + 1 if k > 0 else 0
        hi = breaks[k] if k < len(breaks) else len(self.text)
        self._last_sentence = found = (lo, hi)
        return found

    def info(self, toks: Sequence[Token]) -> TokenInfo:
        """The indexes of a token list: kept per sentence for the whole document; a claim's
        window (TokenWindow) keeps its own only while it is the one in use."""
        if _LAST_INFO:
            if toks is self._last_toks:
                return self._last_info  # type: ignore[return-value]
            w = self._window_info  # (a window is never kept by id: the one in use, or a new one)
            if w is not None and w.toks is toks:
                return w
        found = self._info.get(id(toks))
        if found is None or found.toks is not toks:
            w = self._window_info
            if w is not None and w.toks is toks:
                return w
            if isinstance(toks, TokenWindow):
                info = TokenInfo(toks, self.info(toks.base))
                self._window_info = info
                return info
            found = self._info[id(toks)] = TokenInfo(toks)
        # the sentence asked last (a claim's window asks its sentence between its own asks)
        self._last_toks, self._last_info = toks, found
        return found

    def cue_index(self, cues: PhraseSet, toks: Sequence[Token]) -> SentenceIndex:
        """The kind cues (`cues`: the compiled rules' tagged cues) of one token list (a
        sentence), found lazily and once per position."""
        if isinstance(toks, TokenWindow):
            base = self.cue_index(cues, toks.base)
            return self.info(toks).get(("cues", id(cues)), lambda: SentenceIndex(cues, toks, base, toks.changed))
        return self.info(toks).get(("cues", id(cues)), lambda: SentenceIndex(cues, toks))

    @cached_property
    def _newlines(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        nl = self._newlines
        k = bisect_left(nl, pos)
        lo = nl[k - 1] + 1 if k > 0 else 0
        return lo, nl[k] if k < len(nl) else len(self.text)

    def tokens(self, lo: int, hi: int) -> list[Token]:
        key = (lo, hi)
        toks = self._tokens.get(key)
        if toks is None:
            toks = self._tokens[key] = tokenize(self.text, lo, hi)
        return toks

    def sentence_text(self, lo: int, hi: int, at: int = -1) -> tuple[int, int, str]:
        """(start, end, text) in the original of the sentence [lo, hi) (normalised offsets),
        stripped; one string per sentence, shared by its claims.  A sentence longer than
        SENTENCE_MAX characters is cut to about SENTENCE_MAX characters around `at`."""
        found = self._sentences.get((lo, hi))
        if found is None:
            if _SENTENCE_BOUNDS:
                # the stripped sentence's bounds found in the document (a long sentence's text
                # is never copied whole: only its excerpts are, below)
                s, e = self.norm.span(lo, hi)
                doc = self.doc.text
                while s < e and doc[s].isspace():
                    s += 1
                while e > s and doc[e - 1].isspace():
                    e -= 1
                text = None
                if e - s <= SENTENCE_MAX:
                    text = doc[s:e]
                    text = self._sentence_texts.setdefault(text, text)
                found = self._sentences[(lo, hi)] = (s, e, text)
            else:
                s, e, text = self.original(lo, hi)
                stripped = text.strip()
                s += len(text) - len(text.lstrip())
                found = self._sentences[(lo, hi)] = (s, s + len(stripped), stripped)
        s, e, text = found
        if e - s <= SENTENCE_MAX:
            return found
        # a long sentence: the excerpt of the block holding the claim, one block of a third
        # of SENTENCE_MAX either side; claims of the same block share the string
        third = SENTENCE_MAX // 3
        b = (self.norm.to_original(max(at, lo)) - s) // third
        key = (lo, hi, b)
        cut = self._excerpts.get(key)
        if cut is None:
            a = max(0, (b - 1) * third)
            if text is None:  # (cut from the document: the characters the slice of the text holds)
                i, j, _ = slice(a, (b + 2) * third).indices(e - s)
                piece = self.doc.text[s + i : s + max(i, j)]
            else:
                piece = text[a : (b + 2) * third]
            a += len(piece) - len(piece.lstrip())
            piece = piece.strip()
            cut = self._excerpts[key] = (s + a, s + a + len(piece), piece)
        return cut

    def events_near(self, lo: int, hi: int, at: int) -> str | None:
        """The vote event nearest offset `at` in text[lo:hi] (a sentence or a paragraph, whose
        events are read once), None when it has none."""
        events = self._events_near.get((lo, hi))
        if events is None:
            events = self._events_near[(lo, hi)] = self.vote_events_between(lo, hi)
        if not events:
            return None
        k = bisect_left(events, (at, ""))
        # every event at the nearest position(s) before and after: the smallest (distance, event)
        ps = {events[j][0] for j in (k - 1, k) if 0 <= j < len(events)}
        near = [(abs(p - at), e) for p in ps for e in self._events_at(events, p)]
        return min(near)[1]

    @staticmethod
    def _events_at(events: list[tuple[int, str]], p: int) -> list[str]:
        i = bisect_left(events, (p, ""))
        out = []
        while i < len(events) and events[i][0] == p:
            out.append(events[i][1])
            i += 1
        return out

    def mentions_in(self, lo: int, hi: int):
        """Place mentions of one sentence (cached), not counting the outlet's own name."""
        key = (lo, hi)
        found = self._mentions.get(key)
        if found is None:
            found = self.gaz.mentions(self.text, lo, hi)
            if self.outlet_spans:
                found = [m for m in found if not self._in_outlet_name(m.start)]
            for a, b in self.dateline_spans:  # the reporter's place, not the story's
                found = [m for m in found if not a <= m.start < b]
            if self.venue_spans:  # where a speaker spoke, not the story's place
                found = [m for m in found if (m.start, m.end) not in self.venue_spans]
            self._mentions[key] = found
        return found

    def side_mentions(self, lo: int, hi: int) -> "SideMentions":
        """A sentence's places named by adjective right after a side or authority word (the
        gazetteer's `side_heads`: "وزارة الدفاع الكمبودية", "الجانب التايلاندي"), with the
        offsets of its clause punctuation; worked out once per sentence, so that each figure
        of the sentence reads them by bisection."""
        key = (lo, hi)
        got = self._side_mentions.get(key)
        if got is None:
            heads = self.gaz.side_heads
            found = [m for m in self.mentions_in(lo, hi) if m.adjective and head_before(self.text, m.start) in heads]
            puncts = [m.start() for m in _CLAUSE_PUNCT.finditer(self.text, lo, hi)] if found else []
            got = self._side_mentions[key] = SideMentions(found, puncts)
        return got

    @cached_property
    def outlet_spans(self) -> list[tuple[int, int]]:
        """Where the article names its own outlet (the document's `source`, as in "بغداد -
        «القدس العربي»:"): a place inside an outlet's name ("القدس" of "القدس العربي") is no
        place of the story.  Normalised offsets, in order; one pass over the text."""
        names = [" ".join(normalize(self.doc.source or "").text.split())]
        names += self.gaz.dateline_outlets(self.text)  # "بانكوك - «القدس العربي»:" without metadata
        out: list[tuple[int, int]] = list(self.gaz.named_outlets(self.text))  # "ذكرت صحيفة «صوت العراق»"
        for name in dict.fromkeys(names):
            if len(name) < 3 or name in self.gaz.lookup:
                continue  # an outlet named just like a place: its mentions stay places
            i = self.text.find(name)
            while i >= 0:
                out.append((i, i + len(name)))
                i = self.text.find(name, i + len(name))
        return sorted(out)

    @cached_property
    def _dateline(self) -> tuple[tuple[int, int] | None, list[str]]:
        """The dateline's span (crosscheck.extract.scope.Gazetteer.dateline) and its places."""
        span = self.gaz.dateline(self.text)
        if span is None:
            return None, []
        return span, [m.place.id for m in self.gaz.mentions(self.text, *span) if not m.adjective]

    @cached_property
    def venue_spans(self) -> frozenset[tuple[int, int]]:
        """Where the article names a speaker's venue (`Gazetteer.venues`: "دبلوماسي غربي في
        رانغون"): no place of its figures, and no body mention keeping its dateline place.
        With them the places sources speak from (`Gazetteer.sources`: "مصادر طبية في مصراتة")
        that the article names nowhere else, in a country it names nowhere else either (by name or
        adjective), while it names another place: the source's seat, not
        the story's (a Sirte battle's toll "according to medical sources in Misrata").  One more
        pass of the place counts, only in an article with such a source."""
        venues = self.gaz.venues(self.text)
        sources = self.gaz.sources(self.text)
        if not sources:
            return frozenset(venues)
        span, _ = self._dateline
        cut = [*self.furniture, *self.outlet_spans, *([span] if span else []), *venues,
               *((m.start, m.end) for m in sources)]
        counts, adjectives = self.gaz.counts_and_adjectives(self._cut(cut))
        # the article's places, built once (not per source phrase)
        spread = adjectives | {p for p, n in counts.spread.items() if n}
        named = {p for p, n in counts.items() if n}
        for m in sources:
            pid = m.place.id
            if counts.get(pid, 0) or counts.spread.get(pid, 0):
                continue  # the article's own place ("مصادر طبية في غزة" in a Gaza story)
            if not spread.isdisjoint(self.gaz.parent_chain(pid)):
                continue  # the story's country ("ناشطون في دمشق" in a story of Syria's prisoners)
            if not named or named == {pid}:
                continue  # the story's only place
            venues.append((m.start, m.end))
        return frozenset(venues)

    @cached_property
    def _body_places(self) -> tuple[Any, set[str]]:
        """Place counts and adjectives of the text outside furniture, the outlet's own name,
        the dateline and speakers' venues (`Gazetteer.counts_and_adjectives`, one pass)."""
        span, _ = self._dateline
        return self.gaz.counts_and_adjectives(self._cut([*self.furniture, *self.outlet_spans,
                                                         *([span] if span else []), *self.venue_spans]))

    @cached_property
    def dateline_spans(self) -> list[tuple[int, int]]:
        """Where the dateline names the place the article was filed from when the article never
        names that place again ("رانغون - الثلاثاء 6 أيار/مايو" over a national toll, "صفاقس -"
        over a shipwreck off an island): the reporter's base, no place of the figures.  A
        dateline place the body names again ("جنين - … اقتحام مدينة جنين") is the story's and
        stays.  Normalised offsets; read once."""
        span, places = self._dateline
        if span is None or not places:
            return []
        counts = self._body_places[0]
        return [] if any(counts[p] for p in places) else [span]

    @cached_property
    def dateline_countries(self) -> set[str]:
        """The countries of the reporter's base named by the dateline (`dateline_spans`)."""
        if not self.dateline_spans:
            return set()
        out: set[str] = set()
        for p in self._dateline[1]:
            chain = self.gaz.parent_chain(p)
            out.add(chain[-1] if chain else p)
        return out

    @cached_property
    def named_countries(self) -> set[str]:
        """The countries the article names by adjective ("وزارة الصحة الإندونيسية") or by its
        dateline, each place taken to its country."""
        out: set[str] = set(self.dateline_countries)
        for p in self._body_places[1]:
            chain = self.gaz.parent_chain(p)
            out.add(chain[-1] if chain else p)
        return out

    def _cut(self, spans: list[tuple[int, int]]) -> str:
        """The normalised text without the given spans."""
        text = self.text
        parts, pos = [], 0
        for a, b in sorted(spans):
            if a > pos:
                parts.append(text[pos:a])
            pos = max(pos, b)
        parts.append(text[pos:])
        return "".join(parts)

    def _in_outlet_name(self, pos: int) -> bool:
        spans = self.outlet_spans
        k = bisect_right(spans, (pos, len(self.text) + 1)) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    @cached_property
    def bidi(self) -> BidiSpans:
        """Directional overrides and bidi controls of the original text (crosscheck.text.bidi)."""
        return BidiSpans(self.doc.text)

    def in_place_name(self, lo: int, hi: int, pos: int) -> bool:
        """Does normalised offset `pos` of the sentence [lo, hi) lie inside a gazetteer place name
        ("السبع" of "بئر السبع")?  The sentence's name spans are found once (cached)."""
        key = ("names", lo, hi)
        spans = self._mentions.get(key)
        if spans is None:
            spans = self._mentions[key] = sorted((m.start, m.end) for m in self.mentions_in(lo, hi) if not m.adjective)
        k = bisect_right(spans, (pos, len(self.text) + 1)) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    def locations_in(self, lo: int, hi: int) -> LocationIndex:
        """The usable place mentions of one sentence, indexed for pick_location (cached)."""
        key = ("loc", lo, hi)
        found = self._mentions.get(key)
        if found is None:
            found = self._mentions[key] = LocationIndex(self.gaz, self.mentions_in(lo, hi))
        return found

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of the article outside page furniture (one pass, cached), and of its
        title: a headline names what the story is about ("خطف", "رهائن") as its body does."""
        words: set[str] = set()
        pos = 0
        for a, b in [*self.furniture, (len(self.text), len(self.text))]:
            if a > pos:
                words |= words_between(self.text, pos, a)
            pos = max(pos, b)
        if self.doc.title:
            words |= words_between(normalize(self.doc.title).text)
        return frozenset(words)

    def mentions_any(self, words: frozenset[str]) -> bool:
        """Does the article (outside furniture) hold one of these normalised words (a token one
        of whose forms is one of them)?  Asked of the article's words as written, with each
        form's clitic spellings (the forms of every word of the article were made for this).
        Answered once per document and set of words: a rule's context veto asks it for every
        figure, and a text of figures has thousands of distinct words."""
        found = self._mentions_any.get(words)
        if found is None:
            found = self._mentions_any[words] = not spellings(words).isdisjoint(self.words)
        return found

    @cached_property
    def states_combination(self) -> bool:
        """Does the article sum figures of several places ("33 قتيلا في البلدين", rules/
        hierarchy.yaml `combinations`)?  Then its other figures are each one place's."""
        phrases = {" ".join(normalize(p).text.split()) for c in self.rules.hierarchy.combinations for p in c.phrases}
        return any(p in self.text for p in phrases if p)

    @cached_property
    def location(self) -> str | None:
        if self.dateline_spans:
            # filed from a place the article never names again: its country tells where the
            # article was filed from, as "السلطات البورمية" would - a region the article singles
            # out gives way to that country (document_location), a city does not
            counts, adjectives = self._body_places
            return document_location(self.gaz, counts, adjectives | self.dateline_countries)
        # sidebars name other stories' places; speakers' venues are none of the story's
        text = self._cut([*self.furniture, *self.outlet_spans, *self.venue_spans])
        # (an article that sums several countries' figures keeps no default on a tie: its figures
        # are each their side's, and the reporter's country is only one side)
        return document_location(self.gaz, *self.gaz.counts_and_adjectives(text),
                                 filed_from=frozenset() if self.states_combination else self.filed_from)

    @cached_property
    def filed_from(self) -> frozenset[str]:
        """The countries of the dateline's places ("باريس - «القدس العربي»:": France), named again
        in the body or not: they break a tie between unrelated places (document_location)."""
        out: set[str] = set()
        for p in self._dateline[1]:
            chain = self.gaz.parent_chain(p)
            out.add(chain[-1] if chain else p)
        return frozenset(out)

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
            # (a paragraph's vote events read every sentence of it with a vote word: their
            # tokens are not kept, only their events; a figure's sentence is tokenised anyway)
            toks = self._tokens.get(sentence)
            if toks is None:
                toks = tokenize(self.text, *sentence)
            found = self._vote_events_of[sentence] = [
                (toks[i].nstart, ev) for i, ev in vote_events_in(self.scope, self.gaz, toks)
                if not self.in_furniture(toks[i].nstart)
            ]
        return found

    def original(self, nstart: int, nend: int) -> tuple[int, int, str]:
        s, e = self.norm.span(nstart, nend)
        if e - s < _LONG_SPAN:
            return s, e, self.doc.text[s:e]
        found = self._long_spans.get((s, e))
        if found is None:
            if len(self._long_spans) >= 64:
                self._long_spans.clear()
            found = self._long_spans[(s, e)] = (s, e, _cut(self.doc.text, s, e))
        return found


_LONG_SPAN = 256  # characters: a span at least this long is cut once while it recurs


def _cut(text: str, s: int, e: int) -> str:
    """text[s:e] for a long span (a function of its own: tests count what is cut)."""
    return text[s:e]


def _sentence_end(key) -> int:
    """The end offset in a per-sentence cache key: (lo, hi), (lo, hi, block) or ("loc", lo, hi)."""
    return key[2] if key[0] == "loc" else key[1]


# A digit as the tokeniser sees one (crosscheck.text.tokens: a token that is a number starts with \d).
_DIGIT = regex_cache.compile(r"\d")

# Words that announce a vote or a resolution: only sentences with one are searched for events.
# (A trie for stdlib re: no word is a prefix of another, so it finds what the alternation does.)
_VOTE_WORDS = re.compile(longest_of("قرار|مشروع|اقتراح|مسوده|مقترح".split("|")))


def vote_event(ctx: DocContext, at: int) -> tuple[str | None, bool]:
    """Nearest resolution/draft in the sentence, else the paragraph, else the document's only one."""
    # The sentence and its paragraph first: most figures find their vote there, and only the
    # sentences with a vote word in that stretch need reading.
    for (lo, hi), inferred in ((ctx.sentence_at(at), False), (ctx.paragraph_at(at), True)):
        event = ctx.events_near(lo, hi, at)
        if event is not None:
            return event, inferred
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
        event = ctx.events_near(lo, hi, at)
        if event is not None:
            return event if inferred and event.startswith("resolution:") else None
    # vote_event's fallback: the only resolution, else the only event (then not a resolution)
    resolutions = ctx.resolutions
    return next(iter(resolutions)) if len(resolutions) == 1 else None


_CLAUSE_PUNCT = re.compile(r"[،,؛;:]")


class SideMentions:
    """One sentence's side mentions (ordered by offset) and its clause punctuation offsets."""

    __slots__ = ("found", "starts", "ends", "puncts")

    def __init__(self, found: list, puncts: list[int]) -> None:
        self.found = found
        self.starts = [m.start for m in found]
        self.ends = [m.end for m in found]
        self.puncts = puncts


def head_before(text: str, pos: int) -> str:
    """The word before the word that normalised offset `pos` stands in: a mention found after
    its clitics ("ال" of "التنزانيه", matched as the bare adjective "تنزانيه") starts inside its
    word, and the word before is the one before those clitics.  Reads at most _CLITICS_AT_MOST
    characters back: a mention further inside its word follows no clitics, and has no head."""
    stop = max(0, pos - _CLITICS_AT_MOST)
    while pos > stop and not text[pos - 1].isspace():
        pos -= 1
    if pos > 0 and not text[pos - 1].isspace():
        return ""
    return word_before(text, pos)


_CLITICS_AT_MOST = 6  # characters of clitics before a word ("وبال", "ولل") with room to spare


def word_before(text: str, pos: int) -> str:
    """The word right before normalised offset `pos` (its clitic و/ف kept off: "ووزارة")."""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:j]
