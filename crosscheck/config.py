"""Project settings for every command: `crosscheck.toml` or `[tool.crosscheck]` in pyproject.toml.

    [tool.crosscheck]            # in pyproject.toml; crosscheck.toml takes the same keys at top level
    rules = "rules"              # rules directory (relative to the config file)
    store = "crosscheck.db"      # default claim store
    baseline = "crosscheck-baseline.json"
    tolerance = 0.05             # report a conflict only when its severity (relative gap) exceeds this
    window_days = 3              # claims this many days apart count as simultaneous
    fail_on = "hard"             # hard | soft | never (conflict, warning: deprecated)
    format = "text"              # text | github | sarif | json | md

The file is found by walking up from the working directory: the first directory holding a
`crosscheck.toml`, or a `pyproject.toml` with a `[tool.crosscheck]` table, wins.  Flags given on
the command line override the file.  Unknown keys and bad values are errors naming the file.
A `crosscheck.toml` may also hold the settings under `[tool.crosscheck]` (a table copied from a
pyproject.toml), but not both forms at once.  `rules` and `store` are read by every command
(`report`, `clusters` and `show` use the store when no articles are named); `baseline`,
`tolerance`, `window_days`, `fail_on` and `format` are for `check` and `baseline`.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from crosscheck.errors import InputError

FailOn = Literal["hard", "soft", "never", "conflict", "warning"]
FORMATS = ("text", "github", "sarif", "json", "md")
# hard: fail on hard conflicts (soft ones are warnings); soft: fail on every conflict;
# never: report only.  The old values still work: "conflict" (every conflict fails) reads as
# "soft", "warning" as "soft" plus ambiguous matches.
FAIL_ON = ("hard", "soft", "never")
DEPRECATED_FAIL_ON = {"conflict": "soft", "warning": "soft (and ambiguous matches as warnings)"}


def fail_on_note(value: Optional[str]) -> Optional[str]:
    """The deprecation note for an old --fail-on value, else None."""
    if value in DEPRECATED_FAIL_ON:
        return (f"note: --fail-on {value} is deprecated; it now means --fail-on "
                f"{DEPRECATED_FAIL_ON[value]}. Use hard (the default), soft or never.")
    return None


class Settings(BaseModel):
    """Resolved settings.  Paths are absolute or relative to the working directory."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: Optional[str] = None
    store: Optional[str] = None
    baseline: Optional[str] = None
    tolerance: float = Field(0.0, ge=0, description="minimum severity of a reported conflict")
    window_days: Optional[float] = Field(None, ge=0)
    fail_on: FailOn = "hard"
    format: Literal["text", "github", "sarif", "json", "md"] = "text"
    source: Optional[str] = None  # the file the settings came from, for messages

    def override(self, **flags: Any) -> "Settings":
        """A copy with every flag that was given (not None) replacing the file's value."""
        given = {k: v for k, v in flags.items() if v is not None}
        if not given:
            return self
        data = self.model_dump()
        data.update(given)
        try:
            return Settings.model_validate(data)
        except ValidationError as exc:
            raise InputError(_first_problem(exc, "command line")) from None


_PATH_KEYS = ("rules", "store", "baseline")


def find_config(start: str | os.PathLike[str] | None = None) -> Optional[tuple[Path, dict[str, Any]]]:
    """(file, raw table) of the nearest configuration above `start`, or None."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        toml = folder / "crosscheck.toml"
        if toml.is_file():
            return toml, _table_of(toml, _read_toml(toml))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            table = data.get("tool", {}).get("crosscheck") if isinstance(data.get("tool"), dict) else None
            if table is not None:
                if not isinstance(table, dict):
                    raise InputError(f"{pyproject}: [tool.crosscheck] must be a table of settings")
                return pyproject, table
    return None


def load_settings(config: str | os.PathLike[str] | None = None, start: str | os.PathLike[str] | None = None) -> Settings:
    """Settings from `config` (a crosscheck.toml or pyproject.toml), else the nearest file,
    else the defaults."""
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise InputError(f"{path}: configuration file not found")
        data = _table_of(path, _read_toml(path))
        found: Optional[tuple[Path, dict[str, Any]]] = (path, data)
    else:
        found = find_config(start)
    if found is None:
        return Settings()
    path, table = found
    return settings_from_table(table, path)


def _table_of(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    """The settings table of a configuration file: `[tool.crosscheck]` of a pyproject.toml;
    the top level of a crosscheck.toml (or its `[tool.crosscheck]`, when that is all it holds)."""
    tool = data.get("tool")
    table = tool.get("crosscheck") if isinstance(tool, dict) else None
    if path.name == "pyproject.toml":
        if table is None:
            return {}
    elif table is None:
        return data
    elif set(data) != {"tool"} or set(tool) != {"crosscheck"}:
        raise InputError(f"{path}: give the settings either at the top level or under [tool.crosscheck], not both")
    if not isinstance(table, dict):
        raise InputError(f"{path}: [tool.crosscheck] must be a table of settings")
    return table


def settings_from_table(table: dict[str, Any], path: Path) -> Settings:
    """Validate one configuration table; relative paths are taken from the file's folder."""
    data = {k.replace("-", "_"): v for k, v in table.items()}
    if "source" in data:
        raise InputError(f"{path}: unknown setting 'source'")
    for key in _PATH_KEYS:
        value = data.get(key)
        if isinstance(value, str) and value and not Path(value).is_absolute():
            data[key] = os.path.relpath(path.parent.resolve() / value)
    data["source"] = str(path)
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise InputError(_first_problem(exc, str(path))) from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise InputError(f"{path}: cannot read configuration ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc}); fix the syntax") from None


def _first_problem(exc: ValidationError, where: str) -> str:
    err = exc.errors()[0]
    key = ".".join(str(x) for x in err["loc"]) or "(top level)"
    if err["type"] == "extra_forbidden":
        known = ", ".join(k for k in Settings.model_fields if k != "source")
        return f"{where}: unknown setting '{key}'; known settings: {known}"
    return f"{where}: setting '{key}': {err['msg']} (got {err.get('input')!r})"
