"""`regex` patterns compiled once per machine, not once per process.

    pattern = regex_cache.compile(source, flags)   # regex.compile(source, flags), kept

The `regex` module parses, optimises and generates code for a pattern in Python (about half a
millisecond for a rule's pattern) and keeps the result only in the process: a `check` of one
article compiles some 230 of them (the rules' cues, periods, dates, vote words ...), 0.10-0.14
CPU-s of a 1k check's ~1.3, and every ingest or extract worker pays it again.

What a pattern compiles to is what `regex` itself pickles it as (its `copyreg` reducer: the
constructor `_regex.compile` and the pattern's data - source, flags, code bytes, group
names, named lists, required string), which is how `regex` makes an unpickled pattern.  This
module keeps that data with `marshal` (plain data: no code is run to read it back), in a file
named by the digest of the source and flags, and on the next call hands it to the same
constructor (~20 us instead of ~500 us).  A pattern is kept only when rebuilding it from its data gives the
same data back (`tests/test_regex_cache.py` also compares matches).

Never trusted across versions: the directory is per interpreter, `regex` version, its default
version flag and `_FORMAT`; a file whose stored source or flags differ, that does not load,
or a pattern with named lists (keyword arguments) or a locale-dependent pattern (`LOCALE`) is
compiled as usual.  Where: `re_cache`'s directory (`$CROSSCHECK_CACHE_DIR`, XDG, ~/.cache;
`off` keeps nothing), sub-directory `regex-...`; files written atomically; the newest `KEEP`
kept (pruned once per process, at its first write).
"""

from __future__ import annotations

import copyreg
import hashlib
import marshal
import sys
from pathlib import Path
from typing import Optional

import regex

from crosscheck.util import re_cache

MIN_LENGTH = 24  # shorter patterns compile in ~0.1 ms, about a file's read: not kept
KEEP = 4096  # files kept (the newest): the rules make ~250 patterns; tests and older rules add more
_FORMAT = 1
_SUFFIX = ".rx"

_memo: dict[tuple[str, int], "regex.Pattern"] = {}  # this process's patterns, as regex's own cache
_MEMO_MAX = 4096
_pruned = False  # the directory is pruned at most once per process


def _reducer():
    """regex's pickling reducer of a Pattern: pattern -> (constructor, data)."""
    return copyreg.dispatch_table.get(regex.Pattern)


def cache_dir() -> Optional[Path]:
    """The directory of this interpreter's and `regex` version's patterns, or None when off."""
    root = re_cache.cache_root()
    if root is None:
        return None
    version = getattr(regex, "__version__", None)
    if version is None or _reducer() is None:
        return None
    default = int(getattr(regex, "DEFAULT_VERSION", 0))
    return root / f"regex-{sys.implementation.cache_tag}-{version}-{default}-{_FORMAT}"


def compile(source, flags: int = 0, **kwargs) -> "regex.Pattern":  # noqa: A001 - regex.compile's name
    """`regex.compile(source, flags, **kwargs)`, from the kept data when there is some."""
    if kwargs or not isinstance(source, str) or len(source) < MIN_LENGTH:
        return regex.compile(source, flags, **kwargs)
    flags = int(flags)
    mkey = (source, flags)
    got = _memo.get(mkey)
    if got is not None:
        return got
    got = _cached(source, flags)
    if got is None:
        got = regex.compile(source, flags)
    if len(_memo) >= _MEMO_MAX:
        _memo.clear()
    _memo[mkey] = got
    return got


def _cached(source: str, flags: int) -> Optional["regex.Pattern"]:
    """The pattern from its kept data, or compiled and kept; None when not to be kept."""
    try:
        where = cache_dir()
    except Exception:
        where = None
    if where is None:
        return None
    key = hashlib.sha256(f"{flags}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()
    path = where / f"{key}{_SUFFIX}"
    got = _load(path, source, flags)
    if got is not None:
        return got
    pattern = regex.compile(source, flags)
    data = _data(pattern)
    if data is not None and not (data[1] & regex.LOCALE) and data[0] == source:
        rebuilt = _build(data)
        if rebuilt is not None and _data(rebuilt) == data:
            _save(path, source, flags, data)
    return pattern


def _data(pattern) -> Optional[tuple]:
    """The data regex pickles `pattern` as (None when it is not the expected constructor's)."""
    try:
        reduce = _reducer()
        _fn, data = reduce(pattern)
        return tuple(data)
    except Exception:
        return None


_constructor = None  # what regex's reducer rebuilds a pattern with (_regex.compile)


def _build(data: tuple) -> Optional["regex.Pattern"]:
    global _constructor
    try:
        if _constructor is None:
            _constructor = _reducer()(regex.compile("x"))[0]
        return _constructor(*data)
    except Exception:
        return None


def _load(path: Path, source: str, flags: int) -> Optional["regex.Pattern"]:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        stored_source, stored_flags, data = marshal.loads(raw)
    except Exception:
        return None
    if stored_source != source or stored_flags != flags or type(data) is not tuple or data[:1] != (source,):
        return None  # a digest collision or a damaged file: compile as usual
    return _build(data)


def _save(path: Path, source: str, flags: int, data: tuple) -> None:
    global _pruned
    try:
        blob = marshal.dumps((source, flags, data))
    except ValueError:
        return  # data marshal does not write: compiled every time, as before
    re_cache.write_kept(path, blob, None if _pruned else KEEP)
    _pruned = True


def longest_first(word: str) -> tuple[int, str]:
    """Sort key for an alternation's words: longest first, then in code-point order.

    By length alone, words of one length follow the order of the set they came from, which
    Python's string hashing changes in every process: the pattern's text would differ between
    processes and its kept data would never be found again.  Two distinct literal words of one
    length cannot both match at one place, so the order among them does not change a match."""
    return (-len(word), word)
