"""Settings from `crosscheck.toml` / `[tool.crosscheck]`, overridden by flags."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crosscheck.config import Settings, load_settings
from crosscheck.errors import InputError
from store_support import private_rules  # noqa: F401  (autouse fixture)
from store_support import run, article



def test_defaults_without_a_file(tmp_path):
    s = load_settings(start=tmp_path)
    assert s == Settings()
    assert (s.fail_on, s.format, s.tolerance, s.store) == ("hard", "text", 0.0, None)


def test_pyproject_table_is_found_from_a_subdirectory(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.crosscheck]\nstore = "data/c.db"\nfail-on = "warning"\n'
        'tolerance = 0.1\nwindow_days = 7\nrules = "myrules"\n', encoding="utf-8")
    sub = tmp_path / "articles" / "2024"
    sub.mkdir(parents=True)
    s = load_settings(start=sub)
    assert s.fail_on == "warning" and s.tolerance == 0.1 and s.window_days == 7
    # Paths are relative to the file that names them, not to where the command runs.
    assert Path(s.store).resolve() == (tmp_path / "data" / "c.db").resolve()
    assert Path(s.rules).resolve() == (tmp_path / "myrules").resolve()
    assert s.source == str(tmp_path / "pyproject.toml")


def test_crosscheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.crosscheck]\nfail_on = "warning"\n', encoding="utf-8")
    (tmp_path / "crosscheck.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    assert load_settings(start=tmp_path).fail_on == "never"


def test_pyproject_without_the_table_is_skipped(tmp_path):
    (tmp_path / "crosscheck.toml").write_text('format = "md"\n', encoding="utf-8")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_settings(start=inner).format == "md"


def test_flags_override_the_file(tmp_path):
    (tmp_path / "crosscheck.toml").write_text('fail_on = "never"\ntolerance = 0.2\n', encoding="utf-8")
    s = load_settings(start=tmp_path).override(fail_on="conflict", tolerance=None)
    assert s.fail_on == "conflict" and s.tolerance == 0.2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('fail_on = "sometimes"\n', "setting 'fail_on'"),
        ("tolerance = -1\n", "setting 'tolerance'"),
        ('colour = "red"\n', "unknown setting 'colour'; known settings: rules, store"),
        ("fail_on = \n", "not valid TOML"),
    ],
)
def test_bad_settings_name_the_file_and_the_key(tmp_path, content, message):
    path = tmp_path / "crosscheck.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_settings(start=tmp_path)
    assert str(err.value).startswith(f"{path}: ")
    assert message in str(err.value)


def test_check_uses_the_configured_fail_on_and_store_unless_flags_say_otherwise(tmp_path, monkeypatch):
    db = tmp_path / "record.db"
    assert run("ingest", article("001"), "--store", db).exit_code == 0
    (tmp_path / "crosscheck.toml").write_text(f'store = "{db.name}"\nfail_on = "never"\nformat = "json"\n',
                                              encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    new = tmp_path / "002.txt"
    shutil.copy(article("002"), new)  # hostages held: about 200 vs more than 100 in 001
    r = run("check", new.name)
    assert r.exit_code == 0, r.output  # the store comes from the file; fail_on never
    data = json.loads(r.stdout)
    assert data["record_documents"] == 1 and data["findings"]
    assert run("check", new.name, "--fail-on", "conflict").exit_code == 1
    r = run("check", new.name, "--config", tmp_path / "missing.toml")
    assert r.exit_code == 2 and "configuration file not found" in r.stderr


def test_configured_tolerance_drops_small_conflicts(tmp_path, monkeypatch):
    r = run("check", article("002"), "--against", article("001"), "--format", "json")
    data = json.loads(r.stdout)
    sev = max(f["severity"] for f in data["findings"])
    assert sev is not None and sev > 0
    (tmp_path / "crosscheck.toml").write_text(f"tolerance = {sev}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run("check", article("002"), "--against", article("001"), "--format", "json")
    kept = json.loads(r.stdout)["findings"]
    assert all(f["severity"] is None or f["severity"] > sev for f in kept)
    assert len(kept) < len(data["findings"])
