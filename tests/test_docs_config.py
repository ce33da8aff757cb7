"""The configuration examples of docs/ci.md are read as documented: the `crosscheck.toml` form
(keys at the top level) and the `[tool.crosscheck]` table of `pyproject.toml` give the settings
their lines say, and every key the docs show is a key crosscheck knows."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from crosscheck.config import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
PATH_KEYS = ("rules", "store", "baseline")


def _toml_blocks() -> dict[str, str]:
    """File name in the block's first comment ('crosscheck.toml', 'pyproject.toml') -> block."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = {}
    for body in re.findall(r"```toml\n(.*?)```", text, re.S):
        first = body.splitlines()[0]
        m = re.fullmatch(r"#\s*(\S+\.toml)\s*", first)
        if m:
            blocks[m.group(1)] = body
    return blocks


def _check(directory: Path, expected: dict) -> None:
    settings = load_settings(start=directory)
    assert settings.source is not None
    for key, value in expected.items():
        got = getattr(settings, key)
        if key in PATH_KEYS:  # relative to the file, as the docs say
            assert (Path.cwd() / got).resolve() == (directory / value).resolve(), (key, got)
        else:
            assert got == value, (key, got)


def test_both_documented_forms_are_there_and_read_as_written(tmp_path):
    blocks = _toml_blocks()
    assert set(blocks) == {"crosscheck.toml", "pyproject.toml"}
    top = tomllib.loads(blocks["crosscheck.toml"])
    assert "tool" not in top and set(top) <= set(Settings.model_fields) - {"source"}
    assert {"store", "baseline", "fail_on", "rules"} <= set(top)
    table = tomllib.loads(blocks["pyproject.toml"])["tool"]["crosscheck"]
    assert table and set(table) <= set(Settings.model_fields) - {"source"}
    for name, expected in (("crosscheck.toml", top), ("pyproject.toml", table)):
        d = tmp_path / name.replace(".", "-")
        d.mkdir()
        (d / name).write_text(blocks[name], encoding="utf-8")
        _check(d, expected)


def test_the_top_level_keys_also_work_as_a_tool_table(tmp_path):
    """The same keys under [tool.crosscheck] in a pyproject.toml give the same settings."""
    body = _toml_blocks()["crosscheck.toml"]
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "crosscheck.toml").write_text(body, encoding="utf-8")
    (b / "pyproject.toml").write_text("[tool.crosscheck]\n" + body, encoding="utf-8")
    sa, sb = load_settings(start=a).model_dump(), load_settings(start=b).model_dump()
    for s, d in ((sa, a), (sb, b)):
        s.pop("source")
        for k in PATH_KEYS:
            if s[k]:
                s[k] = (Path.cwd() / s[k]).resolve().relative_to(d.resolve())
    assert sa == sb
