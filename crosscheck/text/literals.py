"""Words a pattern cannot match without: a cheap test before a regex scan.

Most rule patterns (periods, basis, events, vote cues) hold literal words that every match
contains ("منذ", "حصيله", "تقريب").  `required_literals` reads a pattern with the standard
library's parser and returns sets of strings such that every match of the pattern contains at
least one string of each set; `LiteralGate` answers "can the pattern match in text[lo:hi]?" with
`str.find`, which is many times faster than trying the pattern at every position.  A pattern the
analysis cannot read (`regex`-only syntax, case-insensitive flags) gets no gate: it is always
scanned.  The gate is exact in the only way that matters: it says "no" only where the pattern
has no match (a "yes" still runs the scan)."""

from __future__ import annotations

import re
import re._constants as c
import re._parser as parser
import warnings
from typing import Optional, Sequence

# a set of alternatives, any one of which a match contains
Factor = frozenset

_MAX_ALTERNATIVES = 64  # a factor with more strings than this costs more finds than it saves
_MAX_FACTORS = 3  # the strongest few factors of a pattern are enough


def required_literals(pattern: str) -> Optional[tuple[frozenset[str], ...]]:
    """Sets of strings each of which (some string of it) every match of `pattern` holds, best
    first; None if the pattern cannot be read or has no such set."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            tree = parser.parse(_stdlib_classes(pattern))
    except Exception:  # noqa: BLE001 - regex-only syntax: no gate
        return None
    if tree.state.flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
        return None
    try:
        factors = _factors(tree)
    except _Unreadable:
        return None
    factors = [f for f in factors if f and "" not in f and len(f) <= _MAX_ALTERNATIVES]
    if not factors:
        return None
    factors.sort(key=lambda f: (-min(map(len, f)), len(f)))
    return tuple(factors[:_MAX_FACTORS])


class _Unreadable(Exception):
    pass


# `regex`'s Unicode property classes (\p{L}, \P{M}, \pL), and an escaped backslash read first
# so that "\\p{L}" (a backslash, then text) is left as it is.
_PROPERTY = re.compile(r"(\\\\)|\\[pP](?:\{[^}]*\}|[A-Za-z])")


def _stdlib_class(m: "re.Match[str]") -> str:
    return m.group(1) or r"\w"


def _stdlib_classes(pattern: str) -> str:
    r"""`pattern` with each Unicode property class of `regex` written as the standard library's
    `\w`, so that the standard library's parser reads it.  Only literal strings give factors
    and a class never does (its items are no LITERAL list), so the factors are those of the
    pattern as written: "(?![\p{L}\p{M}])" after a word still leaves the word required."""
    return _PROPERTY.sub(_stdlib_class, pattern) if "\\p" in pattern or "\\P" in pattern else pattern


_BRACE = ord("{")


def _factors(items) -> list[frozenset[str]]:
    """Every factor of a sequence of items that a match must hold: its literal runs and the
    factors of its mandatory parts."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            out.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is c.LITERAL:
            if av == _BRACE:
                # the standard library reads "{e<=1}" as literal text; to `regex` it makes the
                # item before it fuzzy (approximate matches): no string is then required
                raise _Unreadable
            run.append(chr(av))
            continue
        close()
        if op in (c.SUBPATTERN, c.ATOMIC_GROUP) or (op in _REPEATS and av[0] >= 1):
            out.extend(_factors(_body(op, av)))  # a part every match holds
            continue
        sub = _alternatives(op, av)
        if sub is not None:
            out.append(sub)
    close()
    return out


_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)


def _body(op, av):
    if op is c.SUBPATTERN:
        add_flags = av[1]
        if add_flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
            raise _Unreadable
        return av[-1]
    if op is c.ATOMIC_GROUP:
        return av
    return av[2]


def _alternatives(op, av) -> Optional[frozenset[str]]:
    """One factor for an item as a whole: the strings one of which it always matches (a
    branch: one best factor of each branch; a small literal class: its characters)."""
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            best = _best(_factors(branch))
            if best is None:
                return None
            union |= best
        return frozenset(union)
    if op is c.IN:
        chars = []
        for kind, value in av:
            if kind is not c.LITERAL:
                return None  # a range, a category, a negation: no short list
            chars.append(chr(value))
        return frozenset(chars)
    return None


def _best(factors: Sequence[frozenset[str]]) -> Optional[frozenset[str]]:
    usable = [f for f in factors if f and "" not in f]
    if not usable:
        return None
    return max(usable, key=lambda f: (min(map(len, f)), -len(f)))


class LiteralGate:
    """Can a pattern match inside text[lo:hi]?  No if some required set has none of its strings
    there (every match lies inside text[lo:hi] and holds one string of each set).  The plain
    definition; GateSet answers the same for many patterns at once."""

    __slots__ = ("factors",)

    def __init__(self, factors: tuple[frozenset[str], ...]) -> None:
        self.factors = factors

    @classmethod
    def of(cls, pattern: str) -> Optional["LiteralGate"]:
        factors = required_literals(pattern)
        return None if factors is None else cls(factors)

    def open(self, text: str, lo: int = 0, hi: Optional[int] = None) -> bool:
        # (`s in text[lo:hi]` is `text.find(s, lo, hi) >= 0` for the non-empty strings of a
        # factor; `any(map(...))` loops in C, as GateSet does: a generator of finds was ~25
        # Python steps for every sentence a check reads)
        has = (text if lo == 0 and (hi is None or hi >= len(text)) else text[lo:hi]).__contains__
        return all(any(map(has, f)) for f in self.factors)


class GateSet:
    """LiteralGate.open of a list of patterns (None: no gate, always scanned) for one span at
    a time, with the strings looked for by `in` in a loop that runs in C (`any(map(...))`)."""

    __slots__ = ("_gates",)

    def __init__(self, patterns: Sequence[str]) -> None:
        gates = [LiteralGate.of(p) for p in patterns]
        self._gates = tuple(None if g is None else tuple(tuple(sorted(f)) for f in g.factors) for g in gates)

    def open_in(self, text: str) -> tuple[int, ...]:
        """The indexes of the patterns that can match somewhere in `text` (a document): what
        `select(..., among=)` of its sentences is given, so that a sentence tests only those."""
        return tuple(k for k, ok in enumerate(self.select(text)) if ok)

    def open_indexes(self, text: str, lo: int = 0, hi: Optional[int] = None,
                     among: Optional[Sequence[int]] = None) -> list[int]:
        """The indexes, ascending, of the patterns that can match inside text[lo:hi]: those
        `select(text, lo, hi, among=among)` answers True for.  A caller loops over these only,
        not over every pattern to skip the closed ones (a sentence opens a few of a finder's
        dozens of patterns; `among` must be ascending, as `open_in` gives it)."""
        has = (text if lo == 0 and (hi is None or hi >= len(text)) else text[lo:hi]).__contains__
        gates = self._gates
        out: list[int] = []
        for k in (range(len(gates)) if among is None else among):
            gate = gates[k]
            if gate is not None:
                for alts in gate:
                    if not any(map(has, alts)):
                        break
                else:
                    out.append(k)
            else:
                out.append(k)
        return out

    def select(self, text: str, lo: int = 0, hi: Optional[int] = None,
               within: Optional[Sequence[bool]] = None, among: Optional[Sequence[int]] = None) -> list[bool]:
        """For each pattern: can it match inside text[lo:hi]?  (`within`: this set's answers
        for a text that holds text[lo:hi]: a pattern that cannot match there cannot match
        here, and its strings are not looked for; `among`: the same as indexes, `open_in` of
        a text holding text[lo:hi], and only those patterns are read.)"""
        if among is not None:
            out = [False] * len(self._gates)
            for k in self.open_indexes(text, lo, hi, among):
                out[k] = True
            return out
        has = (text if lo == 0 and (hi is None or hi >= len(text)) else text[lo:hi]).__contains__
        out = []
        gates = self._gates if within is None else [g if w else False for g, w in zip(self._gates, within)]
        for gate in gates:
            if gate is False:
                out.append(False)
                continue
            ok = True
            if gate is not None:
                for alts in gate:
                    if not any(map(has, alts)):
                        ok = False
                        break
            out.append(ok)
        return out


# a sentence's gates are read only for the patterns its document can match (GateSet.open_in,
# once per document); tests turn it off to compare with reading every gate in every sentence
_DOC_GATES = True


def document_gates(cache: dict, gates: GateSet, text: str, lo: int = 0, hi: Optional[int] = None) -> Optional[tuple[int, ...]]:
    """`gates.open_in(text)` of a document's text, kept in `cache` (a dict of the document's
    context) under the gate set, for a sentence text[lo:hi] to read only those gates; None when
    _DOC_GATES is off, or for a sentence longer than a quarter of the text (every gate read:
    the document's pass reads about what that sentence's own does, so a text of one long
    sentence would read its strings twice; the pass is made, once, when a short sentence asks)."""
    if not _DOC_GATES or ((len(text) if hi is None else hi) - lo) * 4 > len(text):
        return None
    found = cache.get(gates)
    if found is None:
        found = cache[gates] = gates.open_in(text)
    return found
