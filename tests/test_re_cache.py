"""Large patterns compiled from the cached engine code (crosscheck.util.re_cache) are the patterns
`re.compile` gives (Pattern equality compares source, flags and code); the cache is read, not
recompiled, on the next call; a damaged, foreign or unwritable cache falls back to compiling."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crosscheck.util import re_cache


def _big(n: int = 900, named: bool = True) -> str:
    words = "|".join(f"كلمة{i}" for i in range(n))
    return (r"(?<![^\W\d_])(?P<pre>[وف]?)(?P<name>" if named else r"(?:") + words + r")(?!\w)"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c"


def _files(cache) -> list:
    return sorted(cache.rglob("*.bin"))


def test_the_cached_pattern_is_the_compiled_one_and_is_read_back(cache, monkeypatch):
    src = _big()
    assert len(src) >= re_cache.MIN_LENGTH
    first = re_cache.compile(src)
    assert first == re.compile(src) and len(_files(cache)) == 1
    text = "قال فكلمة17 و كلمة170 كلمة1700"
    assert [m.span() for m in first.finditer(text)] == [m.span() for m in re.compile(src).finditer(text)]
    assert first.groupindex == re.compile(src).groupindex

    def no_compiling(*_a, **_k):
        raise AssertionError("compiled again")

    monkeypatch.setattr(re_cache, "_code", no_compiling)
    monkeypatch.setattr(re, "compile", no_compiling)
    again = re_cache.compile(src)  # from the file alone
    monkeypatch.undo()
    assert again == re.compile(src)
    assert again.groupindex == {"pre": 1, "name": 2}
    assert [m.group("name") for m in again.finditer(text)] == ["كلمة17", "كلمة170"]


def test_flags_and_unnamed_groups(cache):
    src = _big(named=False)
    for flags in (0, re.IGNORECASE, re.MULTILINE | re.DOTALL):
        assert re_cache.compile(src, flags) == re.compile(src, flags)
        assert re_cache.compile(src, flags) == re.compile(src, flags)  # read back
    assert len(_files(cache)) == 3


def test_small_patterns_are_not_cached(cache):
    assert re_cache.compile(r"\d+") == re.compile(r"\d+")
    assert _files(cache) == []


@pytest.mark.parametrize("damage", [b"", b"not marshal", None])
def test_a_damaged_or_foreign_file_falls_back_to_compiling(cache, damage):
    src = _big()
    re_cache.compile(src)
    (path,) = _files(cache)
    if damage is None:  # another pattern's valid entry under this name
        other = _big(950)
        re_cache.compile(other)
        path.write_bytes(next(p for p in _files(cache) if p != path).read_bytes())
    else:
        path.write_bytes(damage)
    assert re_cache.compile(src) == re.compile(src)


def test_off_or_unwritable_keeps_nothing_and_still_compiles(tmp_path, monkeypatch):
    src = _big()
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", "off")
    assert re_cache.cache_dir() is None
    assert re_cache.compile(src) == re.compile(src)
    blocked = tmp_path / "file"
    blocked.write_text("x")
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", str(blocked / "below"))  # under a file: no directory
    assert re_cache.compile(src) == re.compile(src)
    assert not (blocked / "below").exists()


def test_the_directory_keeps_the_newest_files(cache, monkeypatch):
    monkeypatch.setattr(re_cache, "KEEP", 3)
    for i in range(5):
        re_cache.compile(_big(900 + i))
    assert len(_files(cache)) == 3
    assert re_cache.compile(_big(904)) == re.compile(_big(904))


def test_the_extraction_patterns_are_the_compiled_ones(cache):
    """The gazetteer's and the number words' patterns (built in a fixed order: the same text in
    every process, so found again) equal `re.compile` of their text, built anew and read back."""
    from crosscheck.extract.scope import Gazetteer
    from crosscheck.numbers.lexicon import LEXICON_FILE, load_lexicon_file
    from crosscheck.ruleset.loader import load_rules
    from crosscheck.ruleset.resources import resolved, rules_dir

    rules = load_rules()
    for _round in range(2):  # compiled and kept, then read back
        lex = load_lexicon_file(Path(resolved(rules_dir(None))) / LEXICON_FILE)
        gaz = Gazetteer(rules.gazetteer)
        for pattern in (lex.word_re, gaz.pattern, gaz._count_pattern):
            assert len(pattern.pattern) >= re_cache.MIN_LENGTH
            assert pattern == re.compile(pattern.pattern)
    assert len(_files(cache)) == 3  # the same text in both rounds


def test_the_gazetteer_patterns_are_the_same_text_in_every_process(tmp_path):
    """Patterns cached by their text must be built in a fixed order: the gazetteer's count
    pattern sorted its locative words by length alone, in a set's (hash-seeded) order, so
    each process wrote a new file and none was read back.  Two hash seeds, one text."""
    import subprocess
    import sys

    code = ("import hashlib\n"
            "from crosscheck.extract.scope import Gazetteer\n"
            "from crosscheck.ruleset.loader import load_rules\n"
            "g = Gazetteer(load_rules().gazetteer)\n"
            "print(hashlib.sha256((g.pattern.pattern + '\\0' + g._count_pattern.pattern).encode()).hexdigest())\n")
    out = set()
    for seed in ("1", "2", "3"):
        env = dict(__import__("os").environ, PYTHONHASHSEED=seed, CROSSCHECK_CACHE_DIR="off")
        out.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                               check=True).stdout.strip())
    assert len(out) == 1
