"""Word tokens of normalised text, with the clitic-stripped forms used for lexicon look-ups.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك) and the article (ال) to the word, so
"وبالأطفال" must match the lexicon entry "اطفال".  Each token carries the set of its possible
bare forms; lexicon entries are compared against that set (see crosscheck.text.lexicon).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from sys import intern

import regex

from crosscheck.util import regex_cache

# A word is a run of letters or digits (digits with their separators stay one token so that
# "30,000" is not three words); everything else (spaces, punctuation) separates words.
_WORD = regex_cache.compile(r"\d+(?:[.,٫٬]\d+)*|[\p{L}\p{M}]+")

# Clause punctuation: a window around a number never crosses these.  Brackets are not breaks:
# "حق النقض (الفيتو) ضد مشروع قرار" is one clause.
CLAUSE_BREAK = regex_cache.compile(r"[.!?؟؛;:,،\n«»\"“”]")

# One pass for both: findall yields (gap, word) pairs, the gap being everything before the word
# that is no letter, mark or digit.  Every letter, mark or digit starts a _WORD match, so the
# words are exactly _WORD's matches and the gaps are the text between them.
_GAP_AND_WORD = regex_cache.compile(r"([^\p{L}\p{M}\d]*)(" + _WORD.pattern + ")")
# The same words where no digit is followed by two separators: a digit, then digits and
# separators, ending at a digit.  Without "1..2" (one word here, "1" and "2" above) the two
# read the same words; this one keeps no state per group ("1.1.1.…": `regex` held ~80 bytes
# per group of _WORD's repeated group while matching, 81 MB for one word of 1 MB).
_WORD_FLAT = regex_cache.compile(r"\d[\d.,٫٬]*(?<=\d)|[\p{L}\p{M}]+")
_GAP_AND_WORD_FLAT = regex_cache.compile(r"([^\p{L}\p{M}\d]*)(" + _WORD_FLAT.pattern + ")")
_TWO_SEPARATORS = regex_cache.compile(r"\d[.,٫٬]{2}")


def _word_re(text: str, pos: int, stop: int, flat: regex.Pattern, plain: regex.Pattern) -> regex.Pattern:
    """`flat` when it reads text[pos:stop] as `plain` does (no digit followed by two separators)."""
    return plain if _TWO_SEPARATORS.search(text, pos, stop) else flat
_BREAK_CHARS = frozenset(".!?؟؛;:,،\n«»\"“”")  # the characters of CLAUSE_BREAK

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")


@lru_cache(maxsize=1)
def _prefixes() -> tuple[str, ...]:
    out = set()
    for c in _CONJ:
        for p in _PREP:
            for a in ("", "ال"):
                if p == "ل" and a == "ال":
                    out.add(c + "لل")  # ل + ال is written لل
                else:
                    out.add(c + p + a)
    out.discard("")
    return tuple(sorted(out, key=len, reverse=True))


@lru_cache(maxsize=1)
def _prefix_firsts() -> frozenset[str]:
    """The letters a clitic prefix starts with: a word starting with another has no prefix."""
    return frozenset(p[0] for p in _prefixes())


_FORMS: dict[str, frozenset[str]] = {}  # bare_forms of the words seen so far
_FORMS_MAX = 65536  # words remembered before the memo starts over


def bare_forms(word: str) -> frozenset[str]:
    """The word itself plus every reading with a clitic prefix removed (stem of >= 2 letters)."""
    forms = _FORMS.get(word)
    if forms is None:
        if len(_FORMS) >= _FORMS_MAX:
            _FORMS.clear()
        forms = _FORMS[word] = _bare_forms(word)
    return forms


def _bare_forms(word: str) -> frozenset[str]:
    if word[:1] not in _prefix_firsts():
        return frozenset((word,))  # no clitic prefix starts the word (a digit run, most words)
    forms = {word}
    for p in _prefixes():
        if word.startswith(p) and len(word) - len(p) >= 2:
            forms.add(word[len(p):])
    return frozenset(forms)


@dataclass(slots=True)
class Token:
    nstart: int  # offsets into the normalised text
    nend: int
    text: str
    forms: frozenset[str]
    brk_before: bool  # clause punctuation between the previous token and this one

    def is_digit(self) -> bool:
        return self.text[0].isdigit()


def word_forms_between(text: str, start: int = 0, end: int | None = None) -> set[str]:
    """The union of the forms of every token of text[start:end] (what tokenize's tokens would
    give), without making the tokens: each distinct word is read once."""
    forms: set[str] = set()
    for w in words_between(text, start, end):
        forms |= bare_forms(w)
    return forms


def words_between(text: str, start: int = 0, end: int | None = None) -> set[str]:
    """The distinct words of text[start:end] (the texts of tokenize's tokens), without making
    the tokens."""
    end = len(text) if end is None else end
    words: set[str] = set()
    pos = start
    while pos < end:
        # about _CHUNK characters at a time, cut at a space (no word holds one), so a text of
        # a million words never lists them all at once
        stop = text.find(" ", pos + _CHUNK, end) if pos + _CHUNK < end else -1
        stop = end if stop < 0 else stop
        words.update(_word_re(text, pos, stop, _WORD_FLAT, _WORD).findall(text, pos, stop))
        pos = stop
    return words


def spellings(forms: frozenset[str]) -> frozenset[str]:
    """Every word one of whose bare_forms is in `forms`: the forms themselves and each with a
    clitic prefix (a form of two letters or more: bare_forms keeps no shorter stem).  A text
    whose words miss these holds no token with one of the forms (one set test per question
    instead of the forms of every word of the text)."""
    found = _SPELLINGS.get(forms)
    if found is None:
        if len(_SPELLINGS) >= 4096:
            _SPELLINGS.clear()
        found = _SPELLINGS[forms] = frozenset(forms).union(
            p + f for p in _prefixes() for f in forms if len(f) >= 2
        )
    return found


_SPELLINGS: dict[frozenset[str], frozenset[str]] = {}


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end] (offsets stay absolute)."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    append = tokens.append
    memo = _FORMS
    pos = start
    for pairs in _chunks(text, start, end):
        for gap, w in pairs:
            s = pos + len(gap)
            pos = s + len(w)
            brk = gap != " " and len(tokens) > 0 and not _BREAK_CHARS.isdisjoint(gap)
            append(Token(s, pos, intern(w), memo.get(w) or bare_forms(w), brk))  # one string per word
    if _ANY_QUOTE.search(text, start, end) is not None:
        _join_quoted_names(text, tokens)
    return tokens


# A short name in quotes inside a phrase ('عملية "درع الشمال" التي استمرت 52 يوما') is part of
# its phrase, not a clause of its own: an opening quote after a space, at most
# _QUOTED_NAME_MAX words, a closing quote before a space, no figure inside (a figure in quotes,
# "بلغ “39 مدنيا", or a name holding one, "العبارة "النجمة 95"", keeps its breaks).
_ANY_QUOTE = regex_cache.compile(r'["«»“”]')
_OPENING = regex_cache.compile(r' +["«“]')
_CLOSING = regex_cache.compile(r'["»”] +')
_CLOSING_ANY = regex_cache.compile(r'["»”]')
_QUOTED_NAME_MAX = 4
# ... and a quoted figure phrase may run longer: a hedge of up to four words, the figure, its noun
# and a nisba ('قتلوا "أكثر من 20 جنديا سعوديا"', 'قتلوا "ما لا يقل عن 100 جندي"')
_QUOTED_FIGURE_MAX = 8
_QUOTED_HEDGE_MAX = 4  # words before the figure inside the quotes


def _join_quoted_names(text: str, tokens: list[Token]) -> None:
    """Clear the clause breaks of the quotes around each short quoted name inside a phrase
    (one pass over the tokens)."""
    n = len(tokens)
    i = 1
    while i < n:
        t = tokens[i]
        if not (t.brk_before and _OPENING.fullmatch(text, tokens[i - 1].nend, t.nstart)):
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= _QUOTED_FIGURE_MAX and not tokens[j].brk_before:
            j += 1
        if (
            j < n and j - i <= _QUOTED_NAME_MAX and _CLOSING.fullmatch(text, tokens[j - 1].nend, tokens[j].nstart)
            and not any(tokens[k].text[0].isdigit() for k in range(i, j))
        ):
            t.brk_before = False
            tokens[j].brk_before = False
        elif _quoted_figure(text, tokens, i, j):
            # a figure phrase in quotes, the speaker's own words ('خسر العدو "قرابة 200 مقاتل"،',
            # 'أن "زهاء 40" مدنيا قتلوا'): the quotes do not cut it from its verb or its noun
            t.brk_before = False
            if j < n and _CLOSING.fullmatch(text, tokens[j - 1].nend, tokens[j].nstart):
                tokens[j].brk_before = False
        i = j


def _quoted_figure(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Do tokens[i:j] (quoted after a space, at most _QUOTED_FIGURE_MAX words) make a figure
    phrase: a digit first, or after at most four words none of which is definite (a hedge, "نحو",
    "أكثر من", "ما لا يقل عن"; a name holding a figure, "النجمة 95", keeps its breaks), the quote closed right
    after the phrase (before a space or a clause mark)?"""
    n = len(tokens)
    if j - i > _QUOTED_FIGURE_MAX or j <= i:
        return False
    if j < n and not _CLOSING_ANY.match(text, tokens[j - 1].nend, tokens[j].nstart):
        return False
    if j >= n and not _CLOSING_ANY.match(text, tokens[j - 1].nend):
        return False
    for k in range(i, min(j, i + _QUOTED_HEDGE_MAX + 1)):
        if tokens[k].text[0].isdigit():
            # past _QUOTED_NAME_MAX words only the figure's noun and one word describing it may
            # follow it ('"أكثر من 20 جنديا سعوديا"'), not a clause ('"قتل 40 مدنيا في القصف الليلة"'), and
            # the figure a word of its own, not glued to letters as in a code ('"إيه إتش1 إن1"')
            if j - i <= _QUOTED_NAME_MAX:
                return True
            return j - k <= 3 and (k == i or tokens[k].nstart > tokens[k - 1].nend)
        if tokens[k].text.startswith("ال"):
            return False
    return False


_CHUNK = 1 << 16  # characters read by one findall


def _chunks(text: str, start: int, end: int):
    """_GAP_AND_WORD.findall(text, start, end), a list of (gap, word) pairs at a time, each of
    about _CHUNK characters (one findall over a text of a million words would first build a
    million pairs).  A chunk but the last drops its last pair, which the chunk's end may have
    cut ("30,0|00"); the next chunk starts where the pair before it ended, so the pairs are
    exactly those of the one findall."""
    pos = start
    while pos < end:
        stop = min(end, pos + _CHUNK)
        while True:
            pairs = _word_re(text, pos, stop, _GAP_AND_WORD_FLAT, _GAP_AND_WORD).findall(text, pos, stop)
            if stop >= end or len(pairs) >= 2:
                break
            stop = min(end, pos + 2 * (stop - pos))  # a chunk of one word: read further
        if stop < end:
            pairs.pop()
        yield pairs
        if stop >= end:
            return
        pos += sum(len(g) + len(w) for g, w in pairs)
