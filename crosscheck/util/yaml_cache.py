"""Parsed YAML data files kept per machine, not parsed again in every process.

    data = yaml_cache.parsed(text, parse)      # == parse(text), read back when kept

Every command parses the rule files (rules/*.yaml, the number words, the reconcile settings:
about 0.14 CPU-s with libyaml, the largest part of loading the rules) although they change only
with the rules.  This module keeps what the parser made, written with `marshal` (plain data
only: dicts, lists, strings, numbers, booleans, None, sets, bytes; no code is run to read it
back), in a file named by the SHA-256 of the text, and gives that data back on the next call
with the same text.  Validation (the pydantic models) still runs on it every time, so a rule
file is judged exactly as before; only the YAML parser is skipped.

Never trusted across versions: the key is the text's own digest (an edited file is another
key), and the directory is per interpreter, PyYAML version, loader and `_FORMAT`.  A file whose
stored digest is not its name's, that does not load, or data `marshal` cannot write (dates,
which the YAML safe loader makes from unquoted ISO days) is parsed as usual.

Where: the directory of `re_cache` (`$CROSSCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/crosscheck`,
else `~/.cache/crosscheck`; `off` keeps nothing), sub-directory `yaml-…`.  Files are written
atomically (a temporary file renamed); the newest `KEEP` are kept.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import Callable, Optional

from crosscheck.util import re_cache

MIN_LENGTH = 200  # shorter texts parse in well under a millisecond: not kept
KEEP = 256  # files kept (the newest): the rule set is ~70 files; tests and older rules add more
_FORMAT = 1


def cache_dir(loader_name: str) -> Optional[Path]:
    """The directory of this interpreter's and loader's parsed files, or None when off."""
    root = re_cache.cache_root()
    if root is None:
        return None
    try:
        import yaml

        version = yaml.__version__
    except Exception:  # pragma: no cover - PyYAML is a dependency
        return None
    return root / f"yaml-{sys.implementation.cache_tag}-{version}-{loader_name}-{_FORMAT}"


def parsed(text: str, parse: Callable[[str], object], loader_name: str) -> object:
    """`parse(text)`, from the kept data when this text was parsed before (by `loader_name`)."""
    if not isinstance(text, str) or len(text) < MIN_LENGTH:
        return parse(text)
    try:
        where = cache_dir(loader_name)
    except Exception:
        where = None
    if where is None:
        return parse(text)
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    path = where / f"{key}.data"
    found, data = _load(path, key)
    if found:
        return data
    data = parse(text)  # a YAML error propagates as before; nothing is kept
    _save(path, key, data)
    return data


def _load(path: Path, key: str) -> tuple[bool, object]:
    try:
        raw = path.read_bytes()
    except OSError:
        return False, None
    try:
        stored_key, data = marshal.loads(raw)
    except Exception:
        return False, None
    if stored_key != key:  # a damaged or misplaced file: parse as usual
        return False, None
    return True, data


def _save(path: Path, key: str, data: object) -> None:
    try:
        blob = marshal.dumps((key, data))
    except ValueError:
        return  # data marshal does not write (dates): parsed every time, as before
    re_cache.write_kept(path, blob, KEEP)
