"""`regex`-module character classes written out for the standard library's `re`.

The `regex` module spells "letter or mark" `[\\p{L}\\p{M}]`; the standard library has no such
class, and its `\\d`, `\\s` follow Python's own (older) Unicode tables, which differ from
`regex`'s (U+001C–U+001F are `\\s` in `re` only; about a hundred recent digits are `\\d` in
`regex` only).  Yet `re` runs some of our hottest patterns (the gazetteer's trie, the
tokeniser) several times faster.  `stdlib_class` reads which code points a `regex` class
matches, once per process (every code point tried in one pass, about 0.1 s), and writes them as
ranges in an `re` class: a pattern using it matches exactly what the `regex` pattern matched.
"""

from __future__ import annotations

import array
import re
import sys
from functools import lru_cache

from crosscheck.util import regex_cache


@lru_cache(maxsize=1)
def _every_code_point() -> tuple[str, str]:
    """Every code point below the surrogates, and every one above them, in order."""
    codec = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
    return (
        array.array("I", range(0xD800)).tobytes().decode(codec),
        array.array("I", range(0xE000, 0x110000)).tobytes().decode(codec),
    )


@lru_cache(maxsize=None)
def stdlib_class(regex_class: str) -> str:
    """The body (without brackets) of an `re` character class that matches exactly the code
    points the `regex` pattern `regex_class` (one character, e.g. `[\\p{L}\\p{M}]`, `\\s`)
    matches."""
    out = []
    run = regex_cache.compile(f"(?:{regex_class})+")
    for part in _every_code_point():
        for m in run.finditer(part):
            a, b = part[m.start()], part[m.end() - 1]
            out.append(_escaped(a) if a == b else f"{_escaped(a)}-{_escaped(b)}")
    return "".join(out)


def _escaped(ch: str) -> str:
    """One code point as written inside an `re` class (a code escape: no character is special)."""
    n = ord(ch)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def letter_or_mark() -> str:
    """`[\\p{L}\\p{M}]` of `regex`, as an `re` class body."""
    return stdlib_class(r"[\p{L}\p{M}]")


def space() -> str:
    """`\\s` of `regex`, as an `re` class body."""
    return stdlib_class(r"\s")


def digit() -> str:
    """`\\d` of `regex`, as an `re` class body."""
    return stdlib_class(r"\d")


# sre tests a class holding code points above the BMP as a bitmap of its BMP part followed by a
# list of its astral ranges, read one by one: a character outside the class (a space, a digit)
# reads the whole list, ~330 ranges for "letter or mark".  The look-arounds below ask the
# bitmap first and the astral list only for an astral character (one range test tells).
_ASTRAL = "\\U00010000-\\U0010ffff"


def _split(body: str) -> tuple[str, str]:
    """An `stdlib_class` body as (its BMP part, its astral part), each a class body."""
    bmp, astral = [], []
    for m in re.finditer(r"(\\[xuU][0-9a-f]+)(?:-(\\[xuU][0-9a-f]+))?", body):
        if m.group(1).startswith("\\U"):
            astral.append(m.group(0))
        elif m.group(2) is not None and m.group(2).startswith("\\U"):
            # a range across the BMP's end: its two parts
            bmp.append(f"{m.group(1)}-\\uffff")
            astral.append(f"\\U00010000-{m.group(2)}")
        else:
            bmp.append(m.group(0))
    return "".join(bmp), "".join(astral)


@lru_cache(maxsize=None)
def not_after(regex_class: str) -> str:
    """An `re` look-behind: the character before is not in the `regex` class (or there is
    none); the same as `(?<![stdlib_class])`, its astral ranges read for astral characters only."""
    bmp, astral = _split(stdlib_class(regex_class))
    if not astral:
        return f"(?<![{bmp}])"
    return f"(?:(?<![{bmp}{_ASTRAL}])|(?<=[{_ASTRAL}])(?<![{astral}]))"


@lru_cache(maxsize=None)
def not_before(regex_class: str) -> str:
    """An `re` look-ahead: the character after is not in the `regex` class (or there is none);
    the same as `(?![stdlib_class])`, its astral ranges read for astral characters only."""
    bmp, astral = _split(stdlib_class(regex_class))
    if not astral:
        return f"(?![{bmp}])"
    return f"(?:(?![{bmp}{_ASTRAL}])|(?=[{_ASTRAL}])(?![{astral}]))"
