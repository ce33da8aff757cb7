"""rules/reconcile.yaml loads into ReconcileConfig; bad settings fail with the file named."""

from __future__ import annotations

import pytest

from crosscheck.errors import RuleError
from crosscheck.reconcile.settings import SETTINGS_FILE, ReconcileConfig, default_config, load_config
from crosscheck.ruleset.resources import packaged_rules_dir


def test_default_file_loads_and_sets_the_documented_values():
    cfg = default_config()
    assert cfg.window_days == 3
    assert "killed" in cfg.monotonic_kinds and "cumulative" in cfg.cumulative_periods
    assert cfg.near_duplicate.threshold == 85
    assert set(cfg.cause_order) == {"hedge_rounding", "likely_typo", "reporting_lag",
                                   "different_scope"}
    # the file, not the field defaults, provides the word lists
    assert cfg.location_aliases and cfg.location_generic_words
    assert ReconcileConfig().location_aliases == {}


def test_partial_file_falls_back_to_field_defaults(tmp_path):
    p = tmp_path / "r.yaml"
    p.write_text("window_days: 7\n", encoding="utf-8")
    cfg = load_config(p)
    assert cfg.window_days == 7 and cfg.monotonic_tolerance == ReconcileConfig().monotonic_tolerance


@pytest.mark.parametrize(
    "text, message",
    [
        ("window_days: [1, 2\n", r"r\.yaml: line \d+ is not valid YAML"),
        ("- 1\n- 2\n", r"r\.yaml: expected a mapping"),
        ("window_days: -1\n", r"r\.yaml: setting window_days: .*greater than or equal to 0"),
        ("widow_days: 3\n", r"r\.yaml: setting widow_days: Extra inputs are not permitted"),
        ("cause_order: [typo]\n", r"r\.yaml: .*unknown cause 'typo'"),
        ("fuzzy_attributes: [place]\n", r"r\.yaml: .*'place' is not one of scope_attributes"),
    ],
)
def test_bad_settings_raise_rule_error_naming_the_file(tmp_path, text, message):
    p = tmp_path / "r.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        load_config(p)


def test_missing_file_is_a_rule_error(tmp_path):
    with pytest.raises(RuleError, match="cannot read reconcile settings"):
        load_config(tmp_path / "nope.yaml")


def test_default_settings_come_from_the_rules_directory(tmp_path, monkeypatch):
    assert default_config() == load_config(packaged_rules_dir() / SETTINGS_FILE)
    # CROSSCHECK_RULES moves the settings with the rest of the rules
    own = tmp_path / "rules"
    own.mkdir()
    text = (packaged_rules_dir() / SETTINGS_FILE).read_text(encoding="utf-8")
    (own / SETTINGS_FILE).write_text(text.replace("window_days:", "window_days: 9 #", 1), encoding="utf-8")
    monkeypatch.setenv("CROSSCHECK_RULES", str(own))
    assert default_config().window_days == 9 != load_config(packaged_rules_dir() / SETTINGS_FILE).window_days
