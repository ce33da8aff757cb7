"""Parsed YAML kept in the cache directory (crosscheck.util.yaml_cache): the data read back is
the parser's, a warm cache never runs the parser (counted), an edited text is parsed again, and
a damaged, off or unwritable cache, or data marshal cannot write, falls back to parsing."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from crosscheck.errors import RuleError
from crosscheck.ruleset import loader
from crosscheck.util import yaml_cache, yaml_data


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c"


@pytest.fixture
def parses(monkeypatch):
    """Counts the YAML parser's runs."""
    calls = []
    real = yaml_data._parse

    def counted(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(yaml_data, "_parse", counted)
    return calls


def _text(n: int = 40) -> str:
    rows = "\n".join(f"  - {{word: كلمة{i}, count: {i}, ok: {str(i % 2 == 0).lower()}, x: {i / 4}}}" for i in range(n))
    return f"what: test\nanchor: &a [1, 2]\nagain: *a\nnothing: null\nitems:\n{rows}\n"


def _files(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.data"))


def test_read_back_without_parsing(cache, parses):
    text = _text()
    assert len(text) >= yaml_cache.MIN_LENGTH
    first = yaml_data.parse_yaml(text)
    assert first == yaml.safe_load(text) and len(parses) == 1 and len(_files(cache)) == 1
    again = yaml_data.parse_yaml(text)
    assert len(parses) == 1  # the kept data, not the parser
    assert again == first and again is not first
    # the same types, not only equal values (True is not 1, 0.25 not a string)
    flat = [(type(k), type(v)) for row in again["items"] for k, v in row.items()]
    assert flat == [(type(k), type(v)) for row in first["items"] for k, v in row.items()]


def test_an_edited_text_is_parsed_again(cache, parses):
    text = _text()
    yaml_data.parse_yaml(text)
    edited = text.replace("كلمة7,", "كلمة77,")
    assert yaml_data.parse_yaml(edited) == yaml.safe_load(edited)
    assert len(parses) == 2 and len(_files(cache)) == 2


def test_damaged_or_misplaced_files_are_parsed(cache, parses):
    text = _text()
    yaml_data.parse_yaml(text)
    (kept,) = _files(cache)
    kept.write_bytes(b"\x00not marshal")
    assert yaml_data.parse_yaml(text) == yaml.safe_load(text) and len(parses) == 2
    # another text's data under this text's name: its stored digest is not the name's
    other = _text(41)
    yaml_data.parse_yaml(other)
    (other_file,) = [f for f in _files(cache) if f != kept]
    kept.write_bytes(other_file.read_bytes())
    assert yaml_data.parse_yaml(text) == yaml.safe_load(text)


def test_off_unwritable_and_unmarshallable(tmp_path, monkeypatch, parses):
    text = _text()
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", "off")
    assert yaml_data.parse_yaml(text) == yaml.safe_load(text)
    assert yaml_data.parse_yaml(text) == yaml.safe_load(text) and len(parses) == 2
    blocked = tmp_path / "file"
    blocked.write_text("x")
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", str(blocked / "below"))
    assert yaml_data.parse_yaml(text) == yaml.safe_load(text)
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", str(tmp_path / "c"))
    dated = text + "day: 2024-03-01\n"  # a date: marshal cannot write it
    for _ in range(2):
        got = yaml_data.parse_yaml(dated)
        assert got["day"] == datetime.date(2024, 3, 1) and got == yaml.safe_load(dated)
    assert not _files(tmp_path / "c")


def test_a_syntax_error_is_still_the_rule_error(cache, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(_text() + "broken: [1, 2\n", encoding="utf-8")
    with pytest.raises(RuleError, match="bad.yaml: line .* is not valid YAML"):
        loader.read_yaml(bad)
    assert not _files(cache)


def test_the_rules_load_on_a_warm_cache_without_the_parser(cache, parses, monkeypatch):
    loader._load.cache_clear()
    try:
        cold = loader.load_rules()
        assert parses, "the rule files were parsed"
        assert len(_files(cache)) >= len(list(Path(cold.directory).rglob("kinds/*.yaml")))
        parses.clear()
        loader._load.cache_clear()
        warm = loader.load_rules()
        assert parses == []  # every rule file's data read back
        assert warm == cold and warm.version == cold.version
    finally:
        loader._load.cache_clear()
