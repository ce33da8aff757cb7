"""Where the rule data lives: the one resolver every rule loader goes through.

Order: an explicit directory (a function argument), then the `--rules` flag of the command line
(`use_rules_dir`), then `$CROSSCHECK_RULES`, then `rules` in `crosscheck.toml` /
`[tool.crosscheck]`, then the rules packaged with crosscheck.  The repository's top-level
`rules/` is the source of truth; the build maps it into the wheel as the package
`crosscheck.rules_data` (see pyproject.toml), so an installed crosscheck reads it through
`importlib.resources` and a checkout reads the same files in place.
"""

from __future__ import annotations

import importlib.resources
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

from crosscheck.errors import RuleError

PACKAGE = "crosscheck.rules_data"
_CHECKOUT = Path(__file__).resolve().parents[2] / "rules"
_active: Optional[Path] = None


@lru_cache(maxsize=1)
def packaged_rules_dir() -> Path:
    """The built-in rules: the packaged data, or rules/ beside the package in a source tree."""
    try:
        files = importlib.resources.files(PACKAGE)
    except ModuleNotFoundError:
        files = None
    if files is not None:
        # A wheel install gives a real directory; an editable install a (multiplexed) path.
        for cand in getattr(files, "_paths", None) or [files]:
            p = Path(str(cand))
            if (p / "kinds").is_dir():
                return p
    if (_CHECKOUT / "kinds").is_dir():
        return _CHECKOUT
    raise RuleError(f"{PACKAGE}: the built-in rules are missing from this installation (reinstall crosscheck, or set --rules DIR)")


def use_rules_dir(path: Optional[str | os.PathLike[str]]) -> None:
    """Make `path` the rules directory of this process (the CLI's --rules); None unsets it."""
    global _active
    _active = Path(path) if path else None


def _configured() -> Optional[Path]:
    return _configured_in(os.getcwd())


@lru_cache(maxsize=8)
def _configured_in(cwd: str) -> Optional[Path]:
    """`rules` of the config file found from `cwd` (made absolute), or None."""
    from crosscheck.config import find_config, load_settings

    if find_config(cwd) is None:
        return None
    rules = load_settings(start=cwd).rules
    return Path(cwd, rules) if rules else None


def resolved(directory: Path) -> str:
    """`directory` made absolute with symlinks resolved, as a string; an absolute path is
    resolved once per process (every document asks for the rules of its directory)."""
    path = str(directory)
    if not os.path.isabs(path):
        return str(Path(path).resolve())  # depends on the working directory: never cached
    return _resolved_abs(path)


@lru_cache(maxsize=64)
def _resolved_abs(path: str) -> str:
    return str(Path(path).resolve())


def rules_dir(explicit: Optional[str | os.PathLike[str]] = None) -> Path:
    """The rules directory in force (see the module docstring); not checked for existence."""
    if explicit:
        return Path(explicit)
    if _active is not None:
        return _active
    env = os.environ.get("CROSSCHECK_RULES")
    if env:
        return Path(env)
    return _configured() or packaged_rules_dir()
