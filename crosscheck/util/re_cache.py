"""Large regular expressions compiled once per machine, not once per process.

    pattern = re_cache.compile(source)       # == re.compile(source), its compiled code kept

The standard library compiles a pattern in Python (parse, then code generation) and keeps the
result only in the process.  The extraction's large alternations (the gazetteer's place names,
48,000 characters, and the number words, 20,000) take about 0.1 CPU-s to compile in every
process that extracts - a `check` of one article, each ingest
worker - while the engine's compiled code for them is a list of integers that loads in a
millisecond.  This module keeps that code in a cache directory and gives back the pattern the
engine builds from it: `re.Pattern` compares equal only when the source, flags and code are the
same, and `tests/test_re_cache.py` checks that it is `==` to `re.compile(source)`.

The code format is CPython's own (`_sre.compile`, `re._parser`, `re._compiler`), so the
cache is kept per interpreter version and `_sre.MAGIC`; anything unexpected (no such internals,
a file that does not load, a directory that cannot be written) falls back to `re.compile`.

Where: `$CROSSCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/crosscheck`, else `~/.cache/crosscheck`;
`CROSSCHECK_CACHE_DIR=off` (or an empty value) keeps nothing.  Files are written atomically
(a temporary file renamed), one per pattern, named by the pattern's digest; the newest
`KEEP` are kept.  A pattern whose text differs between processes (built from a set in hash
order) would never be found again: give this module only patterns built in a fixed order.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Optional

MIN_LENGTH = 4_000  # shorter patterns compile in well under a millisecond: not cached
KEEP = 32  # files kept in the directory (the newest): patterns change with the rules
_FORMAT = 1


def _tag() -> Optional[str]:
    try:
        import _sre

        return f"re-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_FORMAT}"
    except Exception:  # pragma: no cover - another interpreter
        return None


def cache_dir() -> Optional[Path]:
    """The directory of this interpreter's cached codes, or None when caching is off."""
    tag = _tag()
    if tag is None:
        return None
    root = cache_root()
    return None if root is None else root / tag


def cache_root() -> Optional[Path]:
    """crosscheck's cache directory (`$CROSSCHECK_CACHE_DIR`, XDG, ~/.cache), None when off."""
    explicit = os.environ.get("CROSSCHECK_CACHE_DIR")
    if explicit is not None:
        if explicit.strip() in ("", "off", "0", "none"):
            return None
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "crosscheck" if xdg else Path.home() / ".cache" / "crosscheck"


def compile(source: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's name
    """`re.compile(source, flags)`, from the cached code when there is one."""
    if len(source) < MIN_LENGTH or not isinstance(source, str):
        return re.compile(source, flags)
    try:
        where = cache_dir()
    except Exception:
        where = None
    if where is None:
        return re.compile(source, flags)
    key = hashlib.sha256(f"{flags}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()
    path = where / f"{key}.bin"
    got = _load(path, source)
    if got is not None:
        return got
    try:
        entry = _code(source, flags)
    except Exception:
        return re.compile(source, flags)
    pattern = _build(source, entry)
    if pattern is None or pattern != re.compile(source, flags):
        return re.compile(source, flags)
    _save(path, source, entry)
    return pattern


def _code(source: str, flags: int) -> tuple:
    """What `re._compiler.compile` hands `_sre.compile` besides the source."""
    from re import _compiler, _parser

    p = _parser.parse(source, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    # (opcodes are int subclasses, which marshal does not write: plain ints, the same values)
    return (int(flags | p.state.flags), [int(x) for x in code], int(p.state.groups - 1),
            {str(k): int(v) for k, v in groupindex.items()}, tuple(indexgroup))


def _build(source: str, entry: tuple) -> Optional[re.Pattern]:
    try:
        import _sre

        flags, code, groups, groupindex, indexgroup = entry
        return _sre.compile(source, flags, code, groups, groupindex, indexgroup)
    except Exception:
        return None


def _load(path: Path, source: str) -> Optional[re.Pattern]:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        stored_source, entry = marshal.loads(data)
    except Exception:
        return None
    if stored_source != source:  # a digest collision or a damaged file: compile as usual
        return None
    return _build(source, entry)


def _save(path: Path, source: str, entry: tuple) -> None:
    write_kept(path, marshal.dumps((source, entry)), KEEP)


def write_kept(path: Path, blob: bytes, keep: Optional[int]) -> None:
    """Write `blob` to `path` atomically (a temporary file renamed), then keep the `keep` newest
    files of its directory with its suffix (None: no pruning); a cache that cannot be written
    keeps nothing."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
            if keep is not None:
                _prune(path.parent, path.suffix, keep)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except Exception:
        pass  # a cache that cannot be written: nothing kept, nothing lost


def _prune(where: Path, suffix: str, keep: int) -> None:
    """Keep the `keep` newest files of `suffix` (older rules' entries go)."""
    files = sorted(where.glob("*" + suffix), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        try:
            old.unlink()
        except OSError:
            pass
