"""Shared phrase sets (rules/phrases.yaml) and the alternation groups of rule phrases
(crosscheck.text.lexicon.expand_phrase): written once, expanded when the rules load."""

from __future__ import annotations

import shutil

import pytest
import yaml

from crosscheck.errors import RuleError
from crosscheck.ruleset.loader import DEFAULT_RULES_DIR, KindRule, expand_phrases, load_rules
from crosscheck.text.lexicon import PhraseSet, expand_phrase
from crosscheck.text.normalize import normalize
from crosscheck.text.tokens import tokenize

RULES = load_rules()
SETS = RULES.phrases.sets if RULES.phrases else {}


def _holds(phrases: PhraseSet, text: str) -> bool:
    return phrases.occurs_in(tokenize(normalize(text).text))


CASES = [pytest.param(name, text, True, id=f"{name}-hit-{i}") for name, s in SETS.items()
         for i, text in enumerate(s.examples.hit)]
CASES += [pytest.param(name, text, False, id=f"{name}-miss-{i}") for name, s in SETS.items()
          for i, text in enumerate(s.examples.miss)]


@pytest.mark.parametrize("name,text,hit", CASES)
def test_named_set_examples(name, text, hit):
    assert _holds(PhraseSet.of(SETS[name].phrases), text) is hit, (name, text)


def test_expand_phrase_alternatives_and_optional_words():
    assert expand_phrase("قتل") == ["قتل"]
    assert expand_phrase("(طالب|يطالب) … (بالافراج عن|باطلاق) (بقيه|)") == [
        "طالب … بالافراج عن بقيه", "طالب … بالافراج عن", "طالب … باطلاق بقيه", "طالب … باطلاق",
        "يطالب … بالافراج عن بقيه", "يطالب … بالافراج عن", "يطالب … باطلاق بقيه", "يطالب … باطلاق"]
    assert expand_phrase("(a|a) b") == ["a b"]  # each phrase once


@pytest.mark.parametrize("bad", ["(طالب", "طالب|يطالب", "(طالب)", "( | )", "طالب)"])
def test_expand_phrase_refuses_malformed_groups(bad):
    with pytest.raises(ValueError):
        expand_phrase(bad)


def test_named_set_stands_for_its_phrases_in_each_rule():
    # the release-demanded exclusions live once (rules/phrases.yaml) and every release rule has them
    demanded = SETS["demanded_release"].phrases
    assert 50 < len(demanded) < 400 and "مطالبين … بالافراج عن بقيه" in demanded  # (220 with session 46's urged returns)
    by_id = {k.id: k for k in RULES.kinds}
    for rid in ("prisoners_released", "detainees_released", "hostages_released", "swap_prisoners"):
        have = set(by_id[rid].exclude_before)
        assert set(demanded) <= have, rid
        assert "استمرار احتجاز" in have or "التعرف على" in have  # the rule's own entries stay
    assert expand_phrases(["@demanded_release", "قتل"], {"demanded_release": demanded})[-1] == "قتل"


def test_unknown_set_or_bad_group_names_the_file(tmp_path):
    d = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, d)
    path = d / "kinds" / "swap_prisoners.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["exclude_before"] = ["@no_such_set"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match=r"swap_prisoners\.yaml: exclude_before: .*unknown phrase set '@no_such_set'"):
        load_rules(d)
    data["exclude_before"] = ["(طالب|يطالب باطلاق"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match=r"swap_prisoners\.yaml: exclude_before: .*unbalanced"):
        load_rules(d)


def test_phrases_file_is_strict(tmp_path):
    d = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, d)
    path = d / "phrases.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["sets"]["demanded_release"]["phrasez"] = ["x"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match=r"phrases\.yaml: sets\.demanded_release\.phrasez: Extra inputs"):
        load_rules(d)


def test_a_rule_validated_alone_expands_groups_but_knows_no_set():
    base = dict(id="t", kind="killed", what="w", why="y", examples={"hit": [{"text": "x"}], "miss": ["y"]})
    rule = KindRule.model_validate({**base, "cues": ["(قتل|مقتل) (نحو|)"]})
    assert rule.cues == ["قتل نحو", "قتل", "مقتل نحو", "مقتل"]
    with pytest.raises(ValueError, match="unknown phrase set"):
        KindRule.model_validate({**base, "exclude": ["@demanded_release"]})
