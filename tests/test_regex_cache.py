"""`regex` patterns rebuilt from their kept data (crosscheck.util.regex_cache) are the patterns
`regex.compile` gives: the same data (what regex pickles a pattern as) and the same matches; the
next process reads them back without compiling; patterns built from the rules have the same
text in every process (so their kept data is found again); a damaged, foreign or unwritable
cache, named lists and locale patterns are compiled as usual."""

from __future__ import annotations

import copyreg
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from crosscheck.util import regex_cache

ROOT = Path(__file__).resolve().parents[1]


def _data(p) -> tuple:
    return tuple(copyreg.dispatch_table[regex.Pattern](p)[1])


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(regex_cache, "_memo", {})
    return tmp_path / "c"


def _files(cache) -> list:
    return sorted(cache.rglob("*.rx"))


# our own patterns, of the kinds the rules build: lookarounds, properties, named groups,
# a reversed search, a backreference, an alternation of words with flexible spaces
PATTERNS = [
    (r"(?<![\p{L}\d])(\d{1,2})\s+(?:من\s+)?(?:شهر\s+)?(يناير|فبراير|مارس)(?![\p{L}\d])", 0),
    (r"(?r)([\p{L}]+)\s*(?:في|من)?\s*$", 0),
    (r"(?<!\d)(\d{1,2})(?P<sep>[/.-])(\d{1,2})(?P=sep)(\d{4})(?!\d)", 0),
    (r"(?<!\w)[وف]?(?P<p>قتلى\s+مدنيين|جرحى|مفقودين)(?!\w)", 0),
    (r"(?m)^[\s\-–•*#]*(?:عاجل|تحديث\s+مباشر)", 0),
    (r"(?:hello|world)\s+(?:again|there)", regex.IGNORECASE),
    (r"(?:أسبوع|يوم)(?:ا|ين|ان)?\s+(?:من|على)\s+\p{N}+", regex.V1),
]
TEXTS = ["قتل 12 شخصا يوم 14 من شهر مارس 2024 في 19-4-2024 و 14/05/2024",
         "عاجل\n  • تحديث مباشر: قتلى مدنيين وجرحى في المدينة", "Hello   THERE world again",
         "مضى أسبوعان على 15 ويوم من 3"]


def _same_matches(a, b) -> None:
    for t in TEXTS:
        assert [(m.span(), m.groups()) for m in a.finditer(t)] == [(m.span(), m.groups()) for m in b.finditer(t)]
    assert a.groupindex == b.groupindex and a.flags == b.flags and a.pattern == b.pattern


def test_kept_patterns_are_the_compiled_ones_and_are_read_back(cache, monkeypatch):
    for src, flags in PATTERNS:
        assert len(src) >= regex_cache.MIN_LENGTH
        assert regex_cache.compile(src, flags) is regex_cache.compile(src, flags)  # one per process
    assert len(_files(cache)) == len(PATTERNS)
    monkeypatch.setattr(regex_cache, "_memo", {})
    compiled = []
    real = regex.compile

    def counting(source, *a, **k):
        compiled.append(source)
        return real(source, *a, **k)

    monkeypatch.setattr(regex, "compile", counting)
    again = [regex_cache.compile(src, flags) for src, flags in PATTERNS]
    assert [s for s in compiled if len(s) >= regex_cache.MIN_LENGTH] == []  # read back, none compiled
    monkeypatch.undo()
    for (src, flags), p in zip(PATTERNS, again):
        fresh = regex.compile(src, flags, cache_pattern=False)
        assert _data(p) == _data(fresh)
        _same_matches(p, fresh)


def test_short_named_list_and_compiled_arguments_go_to_regex(cache):
    assert regex_cache.compile(r"\d+").pattern == r"\d+"
    named = regex_cache.compile(r"(?:\L<words>)\s+\d+ and some more text", words=["قتل", "جرح"])
    assert named.search("جرح 5 and some more text")
    p = regex.compile(r"(?:abc|def)\s+(?:ghi|jkl)\s+end of it")
    assert regex_cache.compile(p) is p
    assert _files(cache) == []


def test_locale_patterns_are_not_kept(cache):
    src = r"(?L)(?:abc|def)\s+(?:ghi|jkl)\s+\w+ end of it"
    assert regex_cache.compile(src).pattern == src
    assert _files(cache) == []


def test_a_damaged_or_foreign_file_is_compiled_as_usual(cache, monkeypatch):
    src, flags = PATTERNS[0]
    regex_cache.compile(src, flags)
    (path,) = _files(cache)
    path.write_bytes(b"not marshal data")
    monkeypatch.setattr(regex_cache, "_memo", {})
    _same_matches(regex_cache.compile(src, flags), regex.compile(src, flags))
    # a file holding another pattern's data under this one's name
    other = PATTERNS[1][0]
    import marshal

    path.write_bytes(marshal.dumps((src, flags, _data(regex.compile(other)))))
    monkeypatch.setattr(regex_cache, "_memo", {})
    got = regex_cache.compile(src, flags)
    assert got.pattern == src
    _same_matches(got, regex.compile(src, flags))


def test_off_and_unwritable_caches_compile(tmp_path, monkeypatch):
    monkeypatch.setattr(regex_cache, "_memo", {})
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", "off")
    src, flags = PATTERNS[0]
    _same_matches(regex_cache.compile(src, flags), regex.compile(src, flags))
    blocked = tmp_path / "file"
    blocked.write_text("x")
    monkeypatch.setattr(regex_cache, "_memo", {})
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", str(blocked / "below"))
    _same_matches(regex_cache.compile(src, flags), regex.compile(src, flags))


def test_longest_first_orders_by_length_then_text():
    words = {"غزة", "رفح", "خان يونس", "جنين", "نابلس", "دير البلح"}
    got = sorted(words, key=regex_cache.longest_first)
    assert [len(w) for w in got] == sorted((len(w) for w in words), reverse=True)
    assert got == sorted(sorted(words), key=len, reverse=True)


_SCRIPT = """
import copyreg, hashlib, sys
import regex
import regex._main as M
from crosscheck.util import regex_cache
seen = []
real = regex_cache._cached
def spy(source, flags):
    seen.append((source, flags))
    return real(source, flags)
regex_cache._cached = spy
compiled = []
orig = M._compile
def counting(pattern, flags, ignore_unused, kwargs, cache_it):
    if isinstance(pattern, str) and len(pattern) >= regex_cache.MIN_LENGTH:
        compiled.append(pattern)
    return orig(pattern, flags, ignore_unused, kwargs, cache_it)
M._compile = counting
from crosscheck.models import Document
from crosscheck.extract.extractor import extract
import crosscheck.reconcile.reconciler, crosscheck.store.judged, crosscheck.reconcile.captives
text = "قتل 12 شخصا وأصيب 30 آخرون في غزة يوم 14 مارس 2024، بحسب وزارة الصحة."
extract(Document(id="a", text=text))
digest = hashlib.sha256(repr(sorted(seen)).encode()).hexdigest()
print(digest, len(seen), len([c for c in compiled if c != "x"]))
"""


def _run(env_extra: dict) -> tuple[str, int, int]:
    env = {**os.environ, **env_extra, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, cwd=ROOT,
                         check=True).stdout.split()
    return out[0], int(out[1]), int(out[2])


def test_the_rules_patterns_are_the_same_text_in_every_process_and_read_back(tmp_path):
    """Patterns built from word sets (hash-ordered in each process) are ordered by
    `longest_first`, so another process with another hash seed asks for the same texts and
    compiles none of them: every one is read back."""
    cache = str(tmp_path / "c")
    d1, n1, c1 = _run({"CROSSCHECK_CACHE_DIR": cache, "PYTHONHASHSEED": "1"})
    assert n1 > 50 and c1 >= n1 - 5  # a cold cache compiles (nearly) all of them
    d2, n2, c2 = _run({"CROSSCHECK_CACHE_DIR": cache, "PYTHONHASHSEED": "2"})
    assert (d2, n2) == (d1, n1)
    assert c2 == 0
