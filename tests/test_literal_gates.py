"""Literal gates (crosscheck.text.literals) and `regex` classes for `re` (crosscheck.text.charclass):
each shortcut says "no match" only where the pattern it stands for has none."""

from __future__ import annotations

import random
import re
from pathlib import Path

import regex
import yaml

from crosscheck.extract import basis, events, incidents, periods, vote_events
from crosscheck.extract.scope import Gazetteer
from crosscheck.ruleset.loader import load_rules
from crosscheck.text import charclass
from crosscheck.text.lexicon import longest_of
from crosscheck.text.literals import GateSet, LiteralGate, required_literals
from crosscheck.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]


def test_required_literals_of_written_patterns():
    assert required_literals(r"منذ\s+(?:ال)?(?:حرب|قصف)") == (frozenset({"منذ"}), frozenset({"حرب", "قصف"}))
    # an optional part, a class of many characters, a look-around: nothing required there
    assert required_literals(r"(?:قتل)?\s+\w+(?=مدينه)") is None
    assert required_literals(r"[وف]?قتلى") == (frozenset({"قتلى"}),)
    assert required_literals(r"[وف]قتلى") == (frozenset({"قتلى"}), frozenset({"و", "ف"}))
    # every branch must give a string: one without leaves the alternation unknown
    assert required_literals(r"غاره|(?:\d+)") is None
    assert required_literals(r"(?:غاره|قصف){2,}") == (frozenset({"غاره", "قصف"}),)
    # `regex`'s Unicode property classes are classes like any other: they require no string,
    # and the words around them still are required (a word's end written "(?![\p{L}\p{M}])")
    assert required_literals(r"\p{L}+قتلى") == (frozenset({"قتلى"}),)
    assert required_literals(r"منذ\s+(?:بدء|مطلع)(?![\p{L}\p{M}])") == (frozenset({"منذ"}), frozenset({"بدء", "مطلع"}))
    assert required_literals(r"[^\P{L}]قتلى|\pLقصف") == (frozenset({"قتلى", "قصف"}),)
    assert required_literals(r"\\p{L}") is None  # a backslash, then text: a brace regex reads as fuzzy
    # other `regex`-only syntax, or case folding: no gate (always scanned)
    assert required_literals(r"\m قتلى") is None
    assert required_literals(r"(?i)killed") is None
    assert required_literals(r"(?i:killed) toll") is None
    # a brace the standard library reads as text is `regex`'s fuzzy matching: "قتلا" matches
    assert regex.search(r"(?:قتلى){e<=1}", "قتلا") is not None
    assert required_literals(r"(?:قتلى){e<=1}") is None
    assert required_literals(r"منذ (?:قتلى){e<=1}") is None


def _rule_patterns() -> list[str]:
    rules = load_rules()
    d = rules.directory
    out = [p.pattern for p, _r in periods.finder_for(d).compiled]
    out += [p.pattern for _b, p in basis.finder_for(d).patterns]
    out += [p.pattern for p, _r in events.finder_for(d).compiled]
    out += [p.pattern for _c, p in vote_events.cues_for(d).patterns]
    inc = incidents.finder_for(d)
    out += [core.pattern for core in inc._cores] if inc is not None else []
    return out


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _texts() -> list[str]:
    """The bundled articles, the development set and every string of the rule files (their
    examples hold matches of the patterns), normalised."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "devset").glob("*.txt"))[:10]]
    strings = [s for path in sorted((ROOT / "rules").rglob("*.yaml"))
               for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))]
    texts += ["\n".join(strings[k:k + 40]) for k in range(0, len(strings), 40)]
    return [normalize(t).text for t in texts]


def test_every_match_of_a_rule_pattern_holds_its_required_literals():
    patterns = _rule_patterns()
    gated = [(p, required_literals(p)) for p in patterns]
    assert sum(f is not None for _p, f in gated) > 0.7 * len(gated)  # most rule patterns get a gate
    matches = 0
    for text in _texts():
        for pattern, factors in gated:
            if factors is None:
                continue
            for m in regex.finditer(pattern, text):
                for f in factors:
                    assert any(s in m.group() for s in f), (pattern, m.group(), f)
                matches += 1
    assert matches > 300


def test_gate_set_answers_as_each_gate_and_never_hides_a_match():
    patterns = _rule_patterns()
    gates = GateSet(patterns)
    plain = [LiteralGate.of(p) for p in patterns]
    compiled = [regex.compile(p) for p in patterns]
    rng = random.Random(5)
    spans = closed = 0
    for text in _texts():
        cuts = sorted({0, len(text), *(rng.randrange(len(text) + 1) for _ in range(4))})
        for lo, hi in [(0, len(text)), *zip(cuts, cuts[1:])]:
            got = gates.select(text, lo, hi)
            assert got == [g is None or g.open(text, lo, hi) for g in plain]
            for ok, pat in zip(got, compiled):
                if not ok:
                    closed += 1
                    assert pat.search(text, lo, hi) is None, (pat.pattern, text[lo:hi])
            spans += 1
    assert spans > 300 and closed > 1000


def test_stdlib_classes_match_what_the_regex_classes_match():
    for regex_class in (r"[\p{L}\p{M}]", r"\s", r"\d"):
        cls = re.compile(f"[{charclass.stdlib_class(regex_class)}]")
        for part in charclass._every_code_point():
            assert [m.start() for m in cls.finditer(part)] == [m.start() for m in regex.finditer(regex_class, part)]


def test_split_look_arounds_match_the_regex_class_on_every_code_point():
    # charclass.not_after / not_before read a class's astral ranges only for an astral
    # character: the same positions as the `regex` look-around they stand for (and so as the
    # one-class `re` look-around, test above), with every code point as the character before
    # (after) a position: a mark inserted at every position each finds gives the same text
    for regex_class in (r"[\p{L}\p{M}]", r"\d"):
        pairs = [
            (re.compile(charclass.not_after(regex_class)), regex.compile(f"(?<!{regex_class})")),
            (re.compile(charclass.not_before(regex_class)), regex.compile(f"(?!{regex_class})")),
        ]
        bmp_part, astral_part = charclass._every_code_point()
        # (astral: planes 1-3 and 14, where the astral letters, marks and digits are, and every
        # 61st code point of the rest: a position after an astral character reads the list)
        for part in (bmp_part, astral_part[: 0x40000 - 0x10000], astral_part[0xE0000 - 0x10000 : 0xE1000 - 0x10000],
                     astral_part[0x30000::61]):
            for fast, plain in pairs:
                got, n = fast.subn("\x00", part)
                assert (got, n) == plain.subn("\x00", part)
                assert 0 < n <= len(part) + 1
    bmp, astral = charclass._split(charclass.stdlib_class(r"[\p{L}\p{M}]"))
    assert astral and "\\U" not in bmp  # the letters have astral ranges: the split is exercised
    # a range across the BMP's end is cut in two
    assert charclass._split("\\x41\\ufff0-\\U00010005") == ("\\x41\\ufff0-\\uffff", "\\U00010000-\\U00010005")


def test_gazetteer_pattern_matches_as_the_regex_pattern_did():
    rules = load_rules()
    gaz = Gazetteer(rules.gazetteer)
    names = sorted(gaz.lookup, key=len, reverse=True)
    plain = regex.compile(
        r"(?<![\p{L}\p{M}])(?P<pre>(?:[وف])?(?:[بلك])?(?:ال)?)?(?P<name>" + longest_of(names, space=r"\s+")
        + r")(?![\p{L}\p{M}])"
    )
    # spaces `re` and `regex` read differently (\x1c–\x1f), marks and letters at the edges
    odd = ["\x1c", "\x1f", "\u00a0", "\u0651", "\u200f", "ـ", "x", "1"]
    rng = random.Random(11)
    texts = _texts()
    for k in range(300):
        words = [rng.choice(names) if rng.random() < 0.5 else rng.choice(odd) for _ in range(12)]
        texts.append("".join(w + rng.choice([" ", "", "\x1c", "و", "ب"]) for w in words))
    found = 0
    for text in texts:
        got = [(m.span(), m.group("pre"), m.group("name")) for m in gaz.pattern.finditer(text)]
        assert got == [(m.span(), m.group("pre"), m.group("name")) for m in plain.finditer(text)]
        found += len(got)
    assert found > 500
