"""Word and phrase patterns from rule files, matched against token lists.

A phrase in a rule file is written in plain Arabic, words separated by spaces.  Each word is
normalised like the text (crosscheck.text.normalize), so spelling variants of alef/hamza/ة/ى and
tashkeel do not matter.  Two extras:
  * a word ending in `*` matches any word starting with it ("نازح*" matches نازحين, نازحون);
  * a word `…` (or `...`) matches a gap of up to three words ("امتنع … عن التصويت").
Rule files may write many phrases as one (expand_phrase, at load time): `(a|b c|)` stands for
each of its alternatives, words or none ("(طالب|يطالب) (بالافراج عن|باطلاق) (بقيه|)" is eight
phrases); the rule schema expands them and the named phrase sets of rules/phrases.yaml
(`@name`) before anything is compiled, so matching never sees the notation.
A phrase never matches across clause punctuation.  Clitic prefixes (و ف ب ل ك ال) on the text's
words are allowed through Token.forms.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from crosscheck.text.normalize import normalize_word
from crosscheck.text.tokens import Token

GAP_WORDS = ("…", "...")
_GROUP = re.compile(r"\(([^()]*)\)")  # one alternation group of expand_phrase


def expand_phrase(raw: str) -> list[str]:
    """The phrases one rule-file entry stands for: each `(a|b|…)` group replaced by each of
    its alternatives in turn (an empty one drops the group), in the order written, whitespace
    collapsed, duplicates once.  An entry without a group is itself.  ValueError on a stray
    parenthesis or bar, an empty group, or an entry one of whose expansions is empty."""
    if "(" not in raw and ")" not in raw and "|" not in raw:
        return [raw]
    out: list[str] = []
    todo = [raw]
    while todo:
        cur = todo.pop(0)
        m = _GROUP.search(cur)
        if m is None:
            if "(" in cur or ")" in cur or "|" in cur:
                raise ValueError(f"unbalanced alternation in {raw!r} (write (a|b|) groups, not nested)")
            words = " ".join(cur.split())
            if not words:
                raise ValueError(f"{raw!r} expands to an empty phrase")
            if words not in out:
                out.append(words)
            continue
        alts = m.group(1).split("|")
        if len(alts) < 2:
            raise ValueError(f"a group of one alternative in {raw!r}: write (a|b) or (a|) for an optional word")
        todo.extend(cur[:m.start()] + " " + a.strip() + " " + cur[m.end():] for a in alts)
    return out
GAP_MAX = 3
# PhraseSet.at and SentenceIndex try only the phrases whose second word the next token has
# (tests turn it off to compare)
_PAIRS = True
_PAIR_MIN = 3  # (fewer candidates are tried faster than a pair is looked up)
# a claim window's index answers between() from its sentence's matches where it copies them
# (tests turn it off to compare with reading every position)
_WINDOW_FROM_BASE = True
# a claim window's own matches near its rewritten tokens and its end are the sentence's where
# the phrases that can start at a token read no rewritten token and nothing past the window
# (tests turn it off to compare with matching every such position on the window)
_REGION_FROM_BASE = True
# ... and its ending_at() shifts only the sentence's matches that end there (tests turn it off)
_WINDOW_ENDS = True
# SentenceIndex.matches reads a token list in one loop with _find's work in line (tests turn it
# off to compare with asking _find at each word)
_FAST_SCAN = True
# SentenceIndex.matches tries a phrase with a gap only in a token list holding its plain words
# (tests turn it off to compare)
_GAPPED_BY_FORMS = True
# PhraseSet.ending_at tries only the phrases whose word before the last the token before has
# (tests turn it off to compare)
_END_PAIRS = True
# PhraseSet._pair_candidates keeps one entry per word for every digit-only next token (tests
# turn it off to compare with one entry per pair of words)
_DIGIT_PAIRS = True
_DIGITS_KEY = "<digits>"  # (the next token's place in a pair key when its forms are all digits)


def _digit_forms(forms: frozenset[str]) -> bool:
    """Does every form start with a digit (a digit run's token: its one form is its text)?"""
    return bool(forms) and all(f[:1].isdigit() for f in forms)


_CACHE_MAX = 50_000  # distinct words remembered per phrase set before the cache starts over


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    prefix: bool = False  # trailing * in the rule file
    gap: bool = False

    def matches(self, tok: Token) -> bool:
        if self.prefix:
            return any(f.startswith(self.text) for f in tok.forms)
        return self.text in tok.forms


def _word(raw: str) -> Word:
    if raw in GAP_WORDS:
        return Word("", gap=True)
    if raw.endswith("*"):
        return Word(normalize_word(raw[:-1]), prefix=True)
    return Word(normalize_word(raw))


@dataclass(frozen=True, slots=True)
class Phrase:
    source: str  # as written in the rule file (for messages)
    words: tuple[Word, ...]
    payload: object = None  # what the phrase means to its user (e.g. a qualifier name)
    gapped: bool = False  # derived: some word is a gap (set by __post_init__)
    single: bool = False  # derived: one plain word (a token holding that form matches it)
    # derived, of a phrase with a gap only (the others share the empty set: a set per phrase of
    # the rules' thousands was +1.4 MB of every process): its plain words (neither a gap nor a
    # prefix pattern); a token list holds the phrase only if its forms hold all of them
    plain: frozenset = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "gapped", any(w.gap for w in self.words))
        w = self.words
        object.__setattr__(self, "single", len(w) == 1 and not w[0].prefix and not w[0].gap)
        if self.gapped:
            object.__setattr__(self, "plain", frozenset(x.text for x in w if not x.gap and not x.prefix))

    @classmethod
    def parse(cls, raw: str, payload: object = None) -> "Phrase":
        words = tuple(_word(w) for w in raw.split())
        return cls(raw, words, payload)

    def __len__(self) -> int:
        return len(self.words)

    def match_at(self, tokens: Sequence[Token], i: int, limit: int | None = None) -> int:
        """If the phrase starts at token i, the index after its last token; else -1."""
        limit = len(tokens) if limit is None else limit
        words = self.words
        if self.gapped:
            return _match(words, 0, tokens, i, limit)
        return _match_fixed(words, tokens, i, limit)

    def match_ending_at(self, tokens: Sequence[Token], j: int, floor: int = 0) -> int:
        """If the phrase ends just before token j, the index of its first token; else -1."""
        words = self.words
        if not self.gapped:
            # without a gap the phrase covers exactly len(words) tokens: one start to try
            i = j - len(words)
            if i < floor or i < 0:
                return -1
            return i if _match_fixed(words, tokens, i, j) == j else -1
        # Phrases are short, so try every start that could end at j.
        span = len(self.words) + GAP_MAX * sum(w.gap for w in self.words)
        for i in range(j - 1, max(floor, j - span) - 1, -1):
            if _match(self.words, 0, tokens, i, j) == j:
                return i
        return -1


def _match_fixed(words: tuple[Word, ...], tokens: Sequence[Token], i: int, limit: int) -> int:
    """_match for a phrase without gaps: word k must match token i+k, no break inside."""
    n = len(words)
    if i + n > limit or i + n > len(tokens):
        return -1
    for k in range(n):
        tok = tokens[i + k]
        if k and tok.brk_before:
            return -1
        word = words[k]
        if word.prefix:
            text = word.text
            for f in tok.forms:
                if f.startswith(text):
                    break
            else:
                return -1
        elif word.text not in tok.forms:
            return -1
    return i + n


def _match(words: tuple[Word, ...], w: int, tokens: Sequence[Token], i: int, limit: int) -> int:
    if w == len(words):
        return i
    word = words[w]
    if word.gap:
        for skip in range(GAP_MAX + 1):
            k = i + skip
            if k > limit:
                break
            # the gap may not swallow clause punctuation
            if skip and (k - 1 >= len(tokens) or tokens[k - 1].brk_before):
                break
            end = _match(words, w + 1, tokens, k, limit)
            if end >= 0:
                return end
        return -1
    if i >= limit or i >= len(tokens):
        return -1
    if w > 0 and tokens[i].brk_before:
        return -1
    if not word.matches(tokens[i]):
        return -1
    return _match(words, w + 1, tokens, i + 1, limit)


@dataclass(frozen=True, slots=True)
class StartTest:
    """Whether a phrase of some phrase sets could start at a token (see PhraseSet.any_starts_here)."""

    loose: bool
    keys: frozenset[str]

    def __call__(self, tok: Token) -> bool:
        return self.loose or not tok.forms.isdisjoint(self.keys)


def _by_length_then_text(p: Phrase) -> tuple[int, str]:
    return -len(p.words), p.source


def _goes_on(p: Phrase, nxt: Token | None) -> bool:
    """Can phrase p, started at a token, go on at `nxt` (PhraseSet._pair_candidates)?"""
    return len(p.words) == 1 or p.gapped or (nxt is not None and p.words[1].matches(nxt))


def _ends_after(p: Phrase, prev: Token | None) -> bool:
    """Can phrase p end at a token after `prev` (PhraseSet._end_pair_candidates)?"""
    w = p.words
    return len(w) == 1 or w[-1].gap or w[-2].gap or (prev is not None and w[-2].matches(prev))


class SetsByFirstWord:
    """PhraseSet.start_index: the phrase sets of a list by the first words of their phrases."""

    __slots__ = ("by_word", "words", "always", "size")

    def __init__(self, by_word: dict[str, tuple[int, ...]], words: frozenset[str], always: tuple[int, ...],
                 size: int) -> None:
        self.by_word, self.words, self.always, self.size = by_word, words, always, size

    def may_start(self, forms: frozenset[str]) -> Sequence[int]:
        """The indexes (ascending) of the sets whose `starts_in(tokens, forms)` can be non-empty
        for a token list whose forms are `forms`: a set some phrase of which starts with a loose
        word, or one of whose first words the forms hold.  The others' starts_in is () (no
        first word among the forms), so asking them is passed over."""
        common = self.words & forms
        if not common:
            return self.always
        if len(common) == 1 and not self.always:
            return self.by_word[next(iter(common))]
        got = set(self.always)
        for w in common:
            got.update(self.by_word[w])
        return sorted(got)


class PhraseSet:
    """Many phrases; finds the nearest one before or after a token position.

    Phrases are indexed by their first and by their last word, so a look-up costs a few dict
    probes per token form instead of a trial of every phrase.
    """

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.phrases = sorted(phrases, key=len, reverse=True)  # longest first
        self._first: dict[str, list[Phrase]] = {}
        self._last: dict[str, list[Phrase]] = {}
        self._first_loose: list[Phrase] = []  # first word is a prefix pattern or a gap
        self._last_loose: list[Phrase] = []
        for p in self.phrases:
            first, last = p.words[0], p.words[-1]
            if first.prefix or first.gap:
                self._first_loose.append(p)
            else:
                self._first.setdefault(first.text, []).append(p)
            if last.prefix or last.gap:
                self._last_loose.append(p)
            else:
                self._last.setdefault(last.text, []).append(p)

        self._first_keys = frozenset(self._first)
        self._last_keys = frozenset(self._last)
        # Candidate lists per token form set (Token.forms of one word is one shared frozenset,
        # so a text's vocabulary fills these quickly and look-ups become one dict probe).
        self._first_cache: dict[frozenset[str], list[Phrase]] = {}
        self._last_cache: dict[frozenset[str], list[Phrase]] = {}
        # ... and per pair of form sets (a word, the next): those whose second word can be the
        # next word (the others cannot match there)
        self._pair_cache: dict[tuple[frozenset[str], frozenset[str] | None], list[Phrase]] = {}
        self._end_pair_cache: dict[tuple[frozenset[str], object], list[Phrase]] = {}  # see _end_pair_candidates
        self._reach_cache: dict[frozenset[str], int] = {}  # token forms -> reach

    def __bool__(self) -> bool:
        return bool(self.phrases)

    @property
    def max_span(self) -> int:
        """The most tokens one match can cover (a gap counts GAP_MAX words)."""
        span = self.__dict__.get("_max_span")
        if span is None:
            span = max((len(p.words) + GAP_MAX * sum(w.gap for w in p.words) for p in self.phrases), default=1)
            self.__dict__["_max_span"] = span
        return span

    def reach(self, tok: Token) -> int:
        """The most tokens a match starting at `tok` can read (Phrase.match_at reads tokens i to
        i + reach - 1 only): the longest span of the candidate phrases for its word, 0 if none."""
        found = self._reach_cache.get(tok.forms)
        if found is None:
            if len(self._reach_cache) > _CACHE_MAX:
                self._reach_cache.clear()
            found = self._reach_cache[tok.forms] = max(
                (len(p.words) + GAP_MAX * sum(w.gap for w in p.words)
                 for p in self._candidates(self._first, self._first_loose, tok)),
                default=0,
            )
        return found

    @property
    def needs(self) -> list[frozenset[str]] | None:
        """The plain words of each phrase (a token list holds a phrase only if its forms hold
        all of one phrase's), or None when some phrase has none (a prefix pattern or gaps
        only: no set of words tells)."""
        if "_needs" not in self.__dict__:
            needs = [frozenset(w.text for w in p.words if not w.prefix and not w.gap) for p in self.phrases]
            self.__dict__["_needs"] = None if any(not n for n in needs) else sorted(set(needs), key=len)
        return self.__dict__["_needs"]

    @classmethod
    def of(cls, raws: Iterable[str], payload: object = None) -> "PhraseSet":
        return cls(Phrase.parse(r, payload) for r in raws)

    @staticmethod
    def any_starts_here(sets: Sequence["PhraseSet"]) -> "StartTest":
        """One cheap test for several phrase sets: could a phrase of any of them start here?"""
        return StartTest(any(s._first_loose for s in sets), frozenset().union(*(s._first_keys for s in sets)))

    @staticmethod
    def start_index(sets: Sequence["PhraseSet"]) -> "SetsByFirstWord":
        """For a list of phrase sets asked one after the other of the same token lists (a vote
        sentence's formulas and member lists): which of them can start anywhere in a list,
        from the list's forms (SetsByFirstWord.may_start)."""
        by: dict[str, list[int]] = {}
        always: list[int] = []
        for k, s in enumerate(sets):
            if s._first_loose:
                always.append(k)
            else:
                for w in s._first_keys:
                    by.setdefault(w, []).append(k)
        return SetsByFirstWord({w: tuple(ks) for w, ks in by.items()}, frozenset(by), tuple(always), len(sets))

    def starts_in(self, tokens: Sequence[Token], forms: frozenset[str] | None = None) -> Iterable[int]:
        """The positions of `tokens` where a phrase could start (a superset of those where
        `at` finds one, in order): every position when some phrase's first word is loose, else
        those of a token holding a first word.  `forms`, the union of the tokens' forms
        (forms_of), lets a list holding no first word answer at once."""
        if self._first_loose:
            return range(len(tokens))
        keys = self._first_keys
        if forms is not None:
            if keys.isdisjoint(forms):
                return ()
            if type(forms) is FormPositions:
                # the positions of the first words the list holds, read from its index
                where = forms.where
                common = keys & forms
                if len(common) == 1:
                    return list(where[next(iter(common))])
                return sorted({i for k in common for i in where[k]})
        return [i for i, t in enumerate(tokens) if not t.forms.isdisjoint(keys)]

    def hits(self, tokens: Sequence[Token], forms: frozenset[str] | None = None) -> Iterator[tuple[int, tuple[Phrase, int]]]:
        """(i, at(tokens, i)) for every position i where `at` finds a phrase, in order; only
        the positions where one could start are tried (starts_in)."""
        at = self.at
        for i in self.starts_in(tokens, forms):
            hit = at(tokens, i)
            if hit is not None:
                yield i, hit

    def occurs_in(self, tokens: Sequence[Token], forms: frozenset[str] | None = None) -> bool:
        """Does a phrase start at some position of `tokens` (any(at(tokens, i)))?"""
        return next(self.hits(tokens, forms), None) is not None

    def starts_here(self, tok: Token) -> bool:
        """Cheap test: could any phrase start at this token?"""
        return bool(self._first_loose) or not tok.forms.isdisjoint(self._first_keys)

    def _candidates(self, index: dict[str, list[Phrase]], loose: list[Phrase], tok: Token) -> list[Phrase]:
        cache = self._first_cache if index is self._first else self._last_cache
        found = cache.get(tok.forms)
        if found is None:
            if len(cache) > _CACHE_MAX:
                cache.clear()
            found = cache[tok.forms] = self._find_candidates(index, loose, tok)
        return found

    def _pair_candidates(self, found: list[Phrase], tok: Token, nxt: Token | None) -> list[Phrase]:
        """Of `found` (the candidates starting at `tok`), those that can go on at `nxt` (the next
        token, None at the end): one word, a gap second or after the first, or a second word
        that `nxt` has.  A necessary condition of match_at: the same matches, fewer trials."""
        return self._beside(self._pair_cache, _goes_on, found, tok, nxt)

    def _end_pair_candidates(self, found: list[Phrase], tok: Token, prev: Token | None) -> list[Phrase]:
        """Of `found` (the candidates ending at `tok`), those that can end there after `prev`
        (the token before, None at the start): one word, a gap last or before the last, or a
        word before the last that `prev` has.  A necessary condition of match_ending_at (the
        last two words, neither a gap, stand on the last two tokens): the same answers, fewer
        trials ("ما لا يقل عن" is not tried after "أفرج")."""
        return self._beside(self._end_pair_cache, _ends_after, found, tok, prev)

    def _beside(self, cache: dict, keep, found: list[Phrase], tok: Token, other: Token | None) -> list[Phrase]:
        """`found` filtered by `keep(phrase, other)` for the neighbouring token `other`, cached
        per pair of form sets.  A figure beside ("قتل 1234", "1234 عن"): no word of a phrase
        matches a digit form, so every such token keeps the same candidates (one entry, not one
        per number)."""
        key = (tok.forms, None if other is None else other.forms)
        pair = cache.get(key)
        if pair is None and other is not None and _DIGIT_PAIRS and self._digit_free and _digit_forms(other.forms):
            key = (tok.forms, _DIGITS_KEY)
            pair = cache.get(key)
        if pair is None:
            if len(cache) > _CACHE_MAX:
                cache.clear()
            pair = cache[key] = [p for p in found if keep(p, other)]
        return pair

    @property
    def _digit_free(self) -> bool:
        """Does no word of a phrase (but a gap) match a token whose forms all start with a
        digit (Word.matches: no word's text is empty or starts with a digit)?"""
        found = self.__dict__.get("_digit_free_")
        if found is None:
            found = self.__dict__["_digit_free_"] = all(
                w.text and not w.text[0].isdigit() for p in self.phrases for w in p.words if not w.gap
            )
        return found

    def _find_candidates(self, index: dict[str, list[Phrase]], loose: list[Phrase], tok: Token) -> list[Phrase]:
        keys = self._first_keys if index is self._first else self._last_keys
        if not loose and tok.forms.isdisjoint(keys):
            return []
        found = [p for f in tok.forms for p in index.get(f, ())]
        if loose:
            # a loose phrase whose edge word is a prefix pattern ("قتل*") needs this token to
            # start with it; only gaps stay candidates whatever the token
            edge = 0 if index is self._first else -1
            found.extend(p for p in loose if p.words[edge].gap or p.words[edge].matches(tok))
        if len(found) > 1:
            # longest first; then by the phrase as written: candidates come from a token's forms
            # (a set, iterated in hash order), and two phrases of one length matching one token
            # (a cue written "نازحون" and another "النازحون") must be tried in the same order in
            # every process
            found.sort(key=_by_length_then_text)
        return found

    def at(self, tokens: Sequence[Token], i: int, limit: int | None = None) -> tuple[Phrase, int] | None:
        """Longest phrase starting at token i: (phrase, end index)."""
        if i >= len(tokens):
            return None
        tok = tokens[i]
        found = self._first_cache.get(tok.forms)
        if found is None:
            found = self._candidates(self._first, self._first_loose, tok)
        if len(found) > _PAIR_MIN and _PAIRS:
            found = self._pair_candidates(found, tok, tokens[i + 1] if i + 1 < len(tokens) else None)
        for p in found:
            if p.single and (limit is None or i < limit):
                return p, i + 1  # indexed by its word, which this token has
            end = p.match_at(tokens, i, limit)
            if end >= 0:
                return p, end
        return None

    def ending_at(self, tokens: Sequence[Token], j: int, floor: int = 0) -> tuple[Phrase, int] | None:
        """Longest phrase ending just before token j: (phrase, start index)."""
        if j <= 0 or j > len(tokens):
            return None
        tok = tokens[j - 1]
        found = self._last_cache.get(tok.forms)
        if found is None:
            found = self._candidates(self._last, self._last_loose, tok)
        if len(found) > _PAIR_MIN and _END_PAIRS:
            found = self._end_pair_candidates(found, tok, tokens[j - 2] if j >= 2 else None)
        for p in found:
            start = p.match_ending_at(tokens, j, floor)
            if start >= 0:
                return p, start
        return None

    def nearest(
        self, tokens: Sequence[Token], lo: int, hi: int, before: int, after: int, cross_clause: bool = False
    ) -> tuple[Phrase, int, int] | None:
        """Nearest phrase within `before` tokens before index lo or `after` tokens from index hi.

        Returns (phrase, start, distance); distance counts tokens between the phrase and the
        [lo, hi) span.  Unless cross_clause, the search stops at clause punctuation.
        """
        best: tuple[Phrase, int, int] | None = None
        # a token none of whose forms starts (ends) a phrase is passed over without a look-up
        first_keys = None if self._first_loose else self._first_keys
        last_keys = None if self._last_loose else self._last_keys
        # after the span
        for d in range(0, after):
            i = hi + d
            if i >= len(tokens) or (not cross_clause and tokens[i].brk_before):
                break
            if first_keys is not None and tokens[i].forms.isdisjoint(first_keys):
                continue
            hit = self.at(tokens, i)
            if hit:
                best = (hit[0], i, d)
                break
        # before the span
        for d in range(0, before):
            j = lo - d  # phrase must end before token j
            if j <= 0 or (not cross_clause and tokens[j].brk_before):
                break
            if last_keys is not None and (j > len(tokens) or tokens[j - 1].forms.isdisjoint(last_keys)):
                continue
            hit = self.ending_at(tokens, j)
            if hit:
                if best is None or d < best[2]:
                    best = (hit[0], hit[1], d)
                break
        return best


_NO_MATCHES: tuple = ()  # SentenceIndex.starting_at of a position without a match


class SentenceIndex:
    """The matches of one PhraseSet in one token list, found lazily and queried many times.

    A sentence with several figures asks the same questions of its cue words for every figure
    and every kind rule.  Matches are found per start position, once, when a query first needs
    that position, so a query costs its window (a few tokens either side of the figure) and
    not the sentence: a sentence of a million words with ten thousand figures stays linear.
    """

    def __init__(
        self, phrases: PhraseSet, tokens: Sequence[Token], base: "SentenceIndex | None" = None,
        changed: tuple[int, int] = (0, 0),
    ) -> None:
        """`base`: the index of the token list `tokens` is a rewritten window of, `changed` the
        window's indexes that differ from it (has() then asks the base and reads only those)."""
        self.tokens = tokens
        self.phrases = phrases
        self._base, self._changed = base, changed
        self._at: dict[int, list[tuple[int, int, Phrase]]] = {}
        self._all: list[tuple[int, int, Phrase]] | None = None
        # once every match is known: their starts, in order (the matches are then found by
        # bisection in _all, and the positions read one by one, `_at`, are dropped)
        self._starts: list[int] | None = None
        self._payloads: set[object] | None = None
        # payload -> (its matches in text order, their starts): once every match is known
        self._by_payload: dict[object, tuple[list[tuple[int, int, Phrase]], list[int]]] | None = None
        self._span = phrases.max_span
        # of a claim's window: (head, c1, tail, n), see _window_bounds, and the window's own
        # matches in [head, c1) and [tail, n), read once (see _region)
        # (with the offsets of its sentence's tokens and its sentence's index: _window_shape)
        self._bounds: tuple | None = None
        self._regions: dict[int, tuple[list[tuple[int, int, Phrase]], list[int], dict]] = {}

    def starting_at(self, i: int) -> list[tuple[int, int, Phrase]]:
        """Every (start, end, phrase) match that starts at token i."""
        starts = self._starts
        if starts is not None:  # every match is known: those starting at i, by bisection
            k = bisect_left(starts, i)
            if k == len(starts) or starts[k] != i:
                return _NO_MATCHES
            j = k + 1
            while j < len(starts) and starts[j] == i:
                j += 1
            return self._all[k:j]  # type: ignore[index]
        found = self._at.get(i)
        if found is None:
            found = self._at[i] = self._find(i)
        return found

    def _find(self, i: int) -> list[tuple[int, int, Phrase]]:
        tokens, phrases = self.tokens, self.phrases
        if not 0 <= i < len(tokens):
            return _NO_MATCHES
        tok = tokens[i]
        cands = phrases._first_cache.get(tok.forms)
        if cands is None:
            cands = phrases._candidates(phrases._first, phrases._first_loose, tok)
        if len(cands) > _PAIR_MIN and _PAIRS:
            cands = phrases._pair_candidates(cands, tok, tokens[i + 1] if i + 1 < len(tokens) else None)
        out = []
        for p in cands:
            if p.single:
                out.append((i, i + 1, p))  # indexed by its word, which this token has
                continue
            end = p.match_at(tokens, i)
            if end >= 0:
                out.append((i, end, p))
        return out or _NO_MATCHES

    def between(self, a: int, b: int) -> list[tuple[int, int, Phrase]]:
        """Every match starting at a token in [a, b), in text order."""
        starts = self._starts
        if starts is not None:  # every match is known: one slice of them
            return self._all[bisect_left(starts, a) : bisect_left(starts, b)] if a < b else []  # type: ignore[index]
        if self._base is not None and self._base._starts is not None and _WINDOW_FROM_BASE:
            return self._window_matches(None, a, b)  # a claim's window: mostly its sentence's
        out: list[tuple[int, int, Phrase]] = []
        for i in range(max(a, 0), min(b, len(self.tokens))):
            out.extend(self.starting_at(i))
        return out

    def ending_at(self, k: int) -> list[tuple[int, int, Phrase]]:
        """Every match whose end index is k."""
        if (self._base is not None and self._starts is None and self._base._starts is not None
                and _WINDOW_FROM_BASE and _WINDOW_ENDS):
            return self._window_matches(None, k - self._span, k, k)  # (only those ending at k shifted)
        return [m for m in self.between(k - self._span, k) if m[1] == k]

    @property
    def matches(self) -> list[tuple[int, int, Phrase]]:
        """Every match in the tokens, in text order (a full scan, done once)."""
        if self._all is None:
            # the positions read so far are reused; the others are read without being
            # remembered one by one (a sentence of a million words would hold a million entries)
            at, find, out = self._at, self._find, []
            # (a word none of whose forms starts a phrase has none: passed over without a look-up)
            keys = None if self.phrases._first_loose else self.phrases._first_keys
            # (nor a word whose candidate phrases are known to be none: with a loose first word,
            # "قتل*", the keys cannot tell)
            cands = self.phrases._first_cache
            if _FAST_SCAN:
                self._all = self._scan(keys)
            else:
                for i, tok in enumerate(self.tokens):
                    found = at.get(i)
                    if found is None:
                        if keys is not None and tok.forms.isdisjoint(keys):
                            continue
                        if cands.get(tok.forms, _NO_MATCHES) == []:
                            continue
                        found = find(i)
                    out.extend(found)
                self._all = out
            # the matches at a position are found by bisection in their starts from now on: the
            # positions read so far are no longer kept (one list per position with a match,
            # ~150 bytes each, was a second copy of the index)
            self._starts = [m[0] for m in self._all]
            self._at = {}
        return self._all

    def _scan(self, keys: frozenset[str] | None) -> list[tuple[int, int, Phrase]]:
        """The loop of `matches` with _find's work done in line (a sentence of many words asks
        it at each word that starts a phrase): the positions read before, then at every other
        word the candidates of its forms (and of the next word's, _pair_candidates), a
        one-word phrase matching at once, a longer one tried in place (Phrase.match_at)."""
        at, out = self._at, []
        tokens, phrases = self.tokens, self.phrases
        first_cache, n, pairs = phrases._first_cache, len(tokens), _PAIRS
        # a phrase with a gap (tried by recursion, every gap length) only where the token list
        # holds all its plain words: the union of its forms, made when the first one is met
        held: frozenset[str] | None = None if _GAPPED_BY_FORMS else frozenset()
        for i, tok in enumerate(tokens):
            if at:
                found = at.get(i)
                if found is not None:
                    out.extend(found)
                    continue
            forms = tok.forms
            if keys is not None and forms.isdisjoint(keys):
                continue
            cands = first_cache.get(forms)
            if cands is None:
                cands = phrases._candidates(phrases._first, phrases._first_loose, tok)
            if not cands:
                continue
            if pairs and len(cands) > _PAIR_MIN:
                cands = phrases._pair_candidates(cands, tok, tokens[i + 1] if i + 1 < n else None)
            for p in cands:
                if p.single:
                    out.append((i, i + 1, p))  # indexed by its word, which this token has
                    continue
                if p.gapped:
                    if held is None:
                        held = frozenset().union(*[t.forms for t in tokens])
                    if held and not p.plain <= held:
                        continue  # (a word of it stands nowhere in the tokens)
                    end = _match(p.words, 0, tokens, i, n)
                else:
                    end = _match_fixed(p.words, tokens, i, n)
                if end >= 0:
                    out.append((i, end, p))
        return out

    def own_payloads(self) -> set[object]:
        """Of a rewritten window's index (`base` given): the payloads of the matches around its
        rewritten tokens; has(p) is base.has(p) or p in these."""
        return self._own()

    def _own(self) -> set[object]:
        if self._payloads is None:
            if self._base is not None:
                # a superset (a prefilter may say yes too often, never too rarely): what the
                # sentence has, and what the rewritten tokens and their neighbours have
                a, b = self._changed
                self._payloads = {m[2].payload for m in self.between(a - self._span, b)}
            else:
                self._payloads = {m[2].payload for m in self.matches}
        return self._payloads

    def has(self, payload: object) -> bool:
        """Does any phrase with this payload occur in the tokens?  (A prefilter: one scan of the
        tokens, once.)"""
        own = self._payloads if self._payloads is not None else self._own()
        if self._base is not None and self._base.has(payload):
            return True
        return payload in own

    def _breaks(self, a: int, b: int) -> bool:
        """Is there clause punctuation before any token in tokens[a..b] (inclusive)?"""
        toks = self.tokens
        for k in range(max(a, 0), min(b, len(toks) - 1) + 1):
            if toks[k].brk_before:
                return True
        return False

    def nearest(
        self, lo: int, hi: int, before: int, after: int, cross_clause: bool = False, payload: object = None
    ) -> tuple[Phrase, int, int] | None:
        """Same answer as PhraseSet.nearest, restricted to phrases with this payload (if given).

        Only matches starting in [lo - before - max_span, lo) or [hi, hi + after) can qualify,
        so only those positions are read."""
        if payload is not None and self._all is not None:
            # every match is known (has() read them): only this payload's, by bisection
            return self._nearest_of(payload, lo, hi, before, after, cross_clause)
        if payload is not None and self._base is not None and self._base._all is not None:
            # a claim's window whose sentence's matches are all known: this payload's matches,
            # from the sentence where the window copies it (see _window_matches)
            return self._closest(
                self._window_matches(payload, hi, hi + after),
                self._window_matches(payload, lo - before - self._span, min(lo, hi)),
                lo, hi, before, after, cross_clause, None,
            )
        return self._closest(
            self.between(hi, hi + after), self.between(lo - before - self._span, min(lo, hi)),
            lo, hi, before, after, cross_clause, payload,
        )

    def _payload_matches(self, payload: object) -> tuple[list[tuple[int, int, Phrase]], list[int]] | None:
        """(the matches with this payload in text order, their starts), once every match is known."""
        if self._by_payload is None:
            groups: dict[object, list[tuple[int, int, Phrase]]] = {}
            for m in self._all or ():
                groups.setdefault(m[2].payload, []).append(m)
            self._by_payload = {k: (v, [m[0] for m in v]) for k, v in groups.items()}
        return self._by_payload.get(payload)

    def _window_bounds(self) -> tuple[int, int, int, int]:
        """Of a claim's window: (head, c1, tail, n).  A match starting at window token i reads
        tokens i to i + max_span - 1 only, so a match starting before `head` reads only tokens
        before the rewritten ones (the sentence's, at index i + offset), one starting in [c1,
        tail) only tokens after them and inside the window (the sentence's, at i + shift); the
        window's own matches are read in [head, c1) and [tail, n)."""
        return (self._bounds or self._window_shape())[:4]

    def _window_shape(self) -> tuple:
        """Of a claim's window: (head, c1, tail, n) (_window_bounds), the offsets of its
        sentence's tokens before and after its rewritten ones (window token i is sentence token
        i + off before them, i + shift after them), and its sentence's index; found once."""
        shape = self._bounds
        if shape is None:
            toks, span = self.tokens, self._span
            n = len(toks)
            c0, c1 = self._changed
            c1 = min(c1, n)
            shape = self._bounds = (
                max(0, min(c0 - span + 1, c1)), c1, max(c1, n - span + 1), n,
                toks.offset, toks.base_end - n, self._base,  # type: ignore[attr-defined]
            )
        return shape

    def _region(self, lo: int) -> tuple[list[tuple[int, int, Phrase]], list[int], dict]:
        """The window's own matches starting in [head, c1) (lo = head) or [tail, n) (lo = tail),
        read position by position once: (matches in text order, their starts, payload ->
        (its matches, their starts), filled as asked)."""
        found = self._regions.get(lo)
        if found is None:
            head, c1, tail, n = self._window_bounds()
            hi = c1 if lo == head else n
            ms: list[tuple[int, int, Phrase]] = []
            if _REGION_FROM_BASE:
                # A match starting at window token i reads tokens i to i + reach - 1 only (reach:
                # the longest span of the phrases that can start with the token's word,
                # PhraseSet.reach).  Where those are all copies of the sentence's (before the
                # rewritten ones, or inside the window after them), the matches at i are the
                # sentence's, shifted; only the positions whose phrases can read a rewritten
                # token or past the window's end are matched on the window.
                toks, base, reach = self.tokens, self._base, self.phrases.reach
                if lo == head:
                    edge, d = self._changed[0], toks.offset  # type: ignore[attr-defined]
                else:
                    edge, d = n, toks.base_end - n  # type: ignore[attr-defined]
                for i in range(lo, hi):
                    r = reach(toks[i])
                    if not r:
                        continue  # no phrase starts with this word
                    if i + r <= edge:
                        ms += [(s - d, e - d, p) for s, e, p in base.starting_at(i + d)]  # type: ignore[union-attr]
                    else:
                        ms += self.starting_at(i)
            else:
                for i in range(lo, hi):
                    ms += self.starting_at(i)
            found = self._regions[lo] = (ms, [m[0] for m in ms], {})
        return found

    def _window_matches(self, payload: object, a: int, b: int, end: int | None = None) -> list[tuple[int, int, Phrase]]:
        """Of a claim's window (`base` given, every match of the sentence known): the matches
        with this payload (any payload if None) starting at a token in [a, b), in text order,
        as between() and a filter would give them: where the tokens a match reads all copy the
        sentence (see _window_bounds) it is the sentence's, shifted, found by bisection in the
        sentence's matches (of this payload); the window's own matches around the rewritten
        tokens and near its end are read once per window (_region)."""
        # (window token i is sentence token i + off before the rewritten ones, i + shift after
        # them: found once per window with its bounds)
        head, c1, tail, n, off, shift, base = self._bounds or self._window_shape()
        if a < 0:
            a = 0
        if b > n:
            b = n
        if a >= b:
            return []
        if payload is None:
            ms, starts = base._all, base._starts  # type: ignore[union-attr]
        else:
            found = base._payload_matches(payload)  # type: ignore[union-attr]
            ms, starts = found if found is not None else ((), ())
        out: list[tuple[int, int, Phrase]] = []
        if end is not None:
            # only the matches ending at `end` (ending_at): the sentence's are tested before
            # they are shifted
            if a < head:
                e_at = end + off
                out += [(s - off, e - off, p) for s, e, p in
                        ms[bisect_left(starts, a + off) : bisect_left(starts, min(b, head) + off)] if e == e_at]
            if max(a, head) < min(b, c1):
                out += [m for m in self._own_matches(head, payload, a, b) if m[1] == end]
            if max(a, c1) < min(b, tail):
                e_at = end + shift
                out += [(s - shift, e - shift, p) for s, e, p in
                        ms[bisect_left(starts, max(a, c1) + shift) : bisect_left(starts, min(b, tail) + shift)]
                        if e == e_at]
            if max(a, tail) < b:
                out += [m for m in self._own_matches(tail, payload, a, b) if m[1] == end]
            return out
        # (the four parts: [a, head) and [c1, tail) the sentence's, [head, c1) and [tail, n) the
        # window's own; bounds compared in line, an empty slice not shifted)
        if a < head:
            got = ms[bisect_left(starts, a + off) : bisect_left(starts, (b if b < head else head) + off)]
            if got:
                out += [(s - off, e - off, p) for s, e, p in got]
        if (a if a > head else head) < (b if b < c1 else c1):
            out += self._own_matches(head, payload, a, b)
        lo = a if a > c1 else c1
        hi = b if b < tail else tail
        if lo < hi:
            got = ms[bisect_left(starts, lo + shift) : bisect_left(starts, hi + shift)]
            if got:
                out += [(s - shift, e - shift, p) for s, e, p in got]
        if (a if a > tail else tail) < b:
            out += self._own_matches(tail, payload, a, b)
        return out

    def _own_matches(self, lo: int, payload: object, a: int, b: int) -> list[tuple[int, int, Phrase]]:
        """The window's own matches of a region (_region) with this payload (any if None)
        starting in [a, b)."""
        ms, starts, by_payload = self._region(lo)
        if payload is not None:
            got = by_payload.get(payload)
            if got is None:
                sel = [m for m in ms if m[2].payload == payload]
                got = by_payload[payload] = (sel, [m[0] for m in sel])
            ms, starts = got
        if not ms:
            return []
        return ms[bisect_left(starts, a) : bisect_left(starts, b)]

    def _nearest_of(
        self, payload: object, lo: int, hi: int, before: int, after: int, cross_clause: bool
    ) -> tuple[Phrase, int, int] | None:
        """nearest() over the matches with this payload only (the same matches, in the same
        order, as the scan of the window keeps)."""
        found = self._payload_matches(payload)
        if found is None:
            return None
        ms, starts = found
        return self._closest(
            ms[bisect_left(starts, hi) : bisect_left(starts, hi + after)],
            ms[bisect_left(starts, lo - before - self._span) : bisect_left(starts, min(lo, hi))],
            lo, hi, before, after, cross_clause, None,
        )

    def _closest(
        self, after_ms, before_ms, lo: int, hi: int, before: int, after: int, cross_clause: bool,
        payload: object,
    ) -> tuple[Phrase, int, int] | None:
        """The closest match after [lo, hi) and the closest before it (matches given in start
        order; a longer phrase wins a tie), and of those two the nearer, the later one on a tie."""
        best_after: tuple[Phrase, int, int] | None = None
        best_before: tuple[Phrase, int, int] | None = None
        for start, _end, p in after_ms:
            if payload is not None and p.payload != payload:
                continue
            d = start - hi
            if d < after and (cross_clause or not self._breaks(hi, start)):
                if best_after is None or d < best_after[2] or (d == best_after[2] and len(p) > len(best_after[0])):
                    best_after = (p, start, d)
        for start, end, p in before_ms:
            if payload is not None and p.payload != payload:
                continue
            if end <= lo and end > 0:
                d = lo - end
                if d < before and (cross_clause or not self._breaks(end, lo)):
                    if best_before is None or d < best_before[2] or (
                        d == best_before[2] and len(p) > len(best_before[0])
                    ):
                        best_before = (p, start, d)
        if best_before is not None and (best_after is None or best_before[2] < best_after[2]):
            return best_before
        return best_after


def forms_of(tokens: Sequence[Token]) -> frozenset[str]:
    """Every form of every token (for PhraseSet.starts_in: a list holding no first word of a
    set has no phrase of it)."""
    return frozenset().union(*[t.forms for t in tokens])


class FormPositions(frozenset):
    """forms_of(tokens) that also knows where each form stands (`where`: form -> the ascending
    positions of the tokens holding it), made by form_positions: PhraseSet.starts_in reads a
    set's start positions from it instead of testing every token, for a list asked by many sets
    (the formulas and member lists of a vote sentence)."""

    __slots__ = ("where",)


def form_positions(tokens: Sequence[Token]) -> FormPositions:
    """forms_of(tokens) with the positions of each form (one pass over the tokens)."""
    where: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        for f in t.forms:
            got = where.get(f)
            if got is None:
                where[f] = [i]
            else:
                got.append(i)
    out = FormPositions(where)
    out.where = where
    return out


def longest_of(words: Iterable[str], space: str = r"\ ") -> str:
    """A stdlib-re pattern for the longest of `words` that starts at a position.

    It is a trie (a shared prefix is read once, the next character picks the branch), so it
    matches exactly what the plain alternation of the words sorted longest first matches, in
    the same backtracking order, but tries a few branches per position instead of every word.
    `space` is the pattern written for a space inside a word (e.g. `\\s+`); the result also
    suits the `regex` module.
    """
    trie: dict = {}
    for w in words:
        if not w:
            raise ValueError("longest_of: empty word")
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[None] = {}  # a word ends here

    def emit(node: dict) -> str:
        alts = [(space if ch == " " else re.escape(ch)) + emit(child) for ch, child in node.items() if ch is not None]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")" if len(alts) > 1 or None in node else alts[0]
        return body + "?" if None in node else body  # greedy: the longer word first

    return emit(trie)
