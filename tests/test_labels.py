"""rules/labels.yaml: every vocabulary entry has an Arabic and an English label, every note
pattern translates its examples, and the file is validated like every rule file."""

from __future__ import annotations

import shutil
import typing

import pytest
import yaml

from crosscheck.errors import RuleError
from crosscheck.models import CLAIM_KINDS, Cause, Status
from crosscheck.report.labels import LANGS, load_label_rules, load_labels
from crosscheck.ruleset.loader import DEFAULT_RULES_DIR, load_rules

ARABIC = range(0x0600, 0x0700)


def _has_arabic(text: str) -> bool:
    return any(ord(ch) in ARABIC for ch in text)


@pytest.fixture(scope="module")
def labels():
    return load_labels()


def test_every_kind_status_and_cause_has_both_labels(labels):
    for lang in LANGS:
        for kind in CLAIM_KINDS:
            assert labels.kind(kind, lang) != kind or lang == "en" and kind == "other"
        for status in typing.get_args(Status):
            assert labels.status(status, lang) != status
        for cause in typing.get_args(Cause):
            assert labels.cause(cause, lang) != cause
    assert _has_arabic(labels.kind("killed", "ar")) and not _has_arabic(labels.kind("killed", "en"))


def test_every_group_and_period_of_the_scope_rules_has_labels(labels):
    scope = load_rules().scope
    for group in scope.groups:
        assert _has_arabic(labels.scope_value("group", group, "ar")), group
        assert not _has_arabic(labels.scope_value("group", group, "en")), group
    for period in scope.periods:
        assert _has_arabic(labels.scope_value("period", period, "ar")), period
    # the reconciler's contract periods too (issue 8)
    for period in ("cumulative", "last_24h", "last_48h", "last_72h", "last_week", "event", "superseded", "projection"):
        assert _has_arabic(labels.scope_value("period", period, "ar")), period
    assert labels.scope_value("period", "since:2023-10-07", "ar") == "منذ 2023-10-07"
    assert labels.scope_value("group", "subset:جندي", "en") == "of whom: جندي"


def test_every_incident_of_the_event_rules_has_labels(labels):
    from crosscheck.ruleset.period_rules import event_rules

    incidents = event_rules().incidents
    assert incidents is not None and incidents.categories
    assert _has_arabic(labels.key("incident", "ar"))
    for name in incidents.categories:
        assert _has_arabic(labels.scope_value("incident", name, "ar")), name
        assert not _has_arabic(labels.scope_value("incident", name, "en")), name
    assert labels.scope_value("incident", "flood_storm", "en") == "flood or storm"


def test_every_place_gets_an_arabic_and_an_english_name(labels):
    for place in load_rules().gazetteer.places:
        ar, en = labels.place(place.id, "ar"), labels.place(place.id, "en")
        assert _has_arabic(ar) and not _has_arabic(en), place.id
    assert labels.place("gaza", "ar") == "غزة"  # the label file's spelling, not the normalised 'غزه'
    assert labels.place("khan_younis", "en") == "Khan Younis"
    assert labels.scope_value("event", "draft:united_states", "ar") == "مشروع قرار الولايات المتحدة"
    assert labels.place("atlantis", "ar") == "atlantis"  # unknown: shown as it is


def test_note_patterns_translate_their_examples(labels):
    rules = load_label_rules()
    for pattern in rules.notes:
        for example in pattern.examples:
            assert labels.note(example.text, "ar") == example.ar, pattern.match
            if example.en is not None:
                assert labels.note(example.text, "en") == example.en
    assert labels.note("something new the reconciler says", "ar") == "something new the reconciler says"


def test_verbatim_parts_of_a_note_are_marked_for_isolation(labels):
    parts = labels.note_parts("consensus [30400, 33000] backed by 3 independent sources (3 claims)", "ar")
    assert ("[30400, 33000]", True) in parts and ("3", True) in parts
    assert any(_has_arabic(text) and not verbatim for text, verbatim in parts)


def _copy_rules(tmp_path):
    d = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, d)
    return d


def test_misspelt_key_is_an_error_naming_the_file(tmp_path):
    d = _copy_rules(tmp_path)
    p = d / "labels.yaml"
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    data["kinds"]["killed"]["arr"] = "x"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match=r"labels\.yaml: kinds\.killed\.arr: Extra inputs"):
        load_label_rules(d)


def test_missing_kind_and_unknown_place_are_errors(tmp_path):
    d = _copy_rules(tmp_path)
    p = d / "labels.yaml"
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    del data["kinds"]["vetoes"]
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match="no label for vetoes"):
        load_label_rules(d)
    data["kinds"]["vetoes"] = {"ar": "ف", "en": "v"}
    data["places"]["nowhere"] = {"ar": "لا مكان"}
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match="nowhere not in gazetteer"):
        load_labels(d)


def test_a_template_naming_no_group_is_an_error(tmp_path):
    d = _copy_rules(tmp_path)
    p = d / "labels.yaml"
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    data["notes"][0]["ar"] = "{nosuch}"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match="no group of that name"):
        load_label_rules(d)


def test_labels_are_not_part_of_the_rules_version(tmp_path):
    d = _copy_rules(tmp_path)
    before = load_rules(d).version
    p = d / "labels.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("القتلى", "الضحايا"), encoding="utf-8")
    from crosscheck.ruleset import loader

    loader._load.cache_clear()
    assert load_rules(d).version == before
    (d / "hedges.yaml").write_text((d / "hedges.yaml").read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    loader._load.cache_clear()
    assert load_rules(d).version != before  # control: a rule file does count
