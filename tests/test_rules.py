"""Every example in every rule file is a test (semgrep style).

- rules/kinds/<id>.yaml: each `hit` yields a claim of that kind with the given attributes;
  each `miss` yields no claim of that kind; `todo` examples are known gaps (xfail, non-strict).
  A rule of kind `other` (a figure it wins is no claim: escapees_part) reads as negation.yaml:
  hit -> no claim of a known kind has the value; miss -> at least one claim of a known kind.
- hedges.yaml: hit -> a claim with that qualifier/bounds; miss -> every claim is exact.
- negation.yaml, furniture.yaml: hit -> no claim of a known kind; miss -> at least one.
- gazetteer.yaml: hit -> a claim with that location; miss -> no claim has a location.
- scope.yaml: hit -> a claim with those attributes; miss -> no claim of a known kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crosscheck.errors import RuleError
from crosscheck.extract.extractor import extract_text
from crosscheck.extract.vote_events import legacy_event
from crosscheck.ruleset.loader import DEFAULT_RULES_DIR, Example, load_rules

RULES = load_rules()
FIELDS = ("value", "qualifier", "low", "high", "group", "location", "period", "event", "actor")


def _same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 1e-6
    return a == b


def _matches(claim, ex: Example) -> bool:
    return all(getattr(ex, f) is None or _same(_field(claim, f), getattr(ex, f)) for f in FIELDS)


def _field(claim, f: str):
    # a tally's event is its vote occurrence (crosscheck.extract.vote_events); examples name the
    # vote as "resolution:N" / "draft:<sponsor>"
    return legacy_event(claim.event) if f == "event" else getattr(claim, f)


def _describe(claims) -> str:
    return "; ".join(f"{c.kind}={c.value} {c.qualifier} [{c.low},{c.high}] loc={c.location} grp={c.group} "
                     f"per={c.period} ev={c.event} actor={c.actor} «{c.surface}»" for c in claims) or "no claims"


KIND_CASES = [
    pytest.param(rule, ex, id=f"{rule.id}-hit-{i}") for rule in RULES.kinds + RULES.positions
    for i, ex in enumerate(rule.examples.hit)
]
KIND_MISSES = [
    pytest.param(rule, text, id=f"{rule.id}-miss-{i}") for rule in RULES.kinds + RULES.positions
    for i, text in enumerate(rule.examples.miss)
]
KIND_TODO = [
    pytest.param(rule, ex, id=f"{rule.id}-todo-{i}") for rule in RULES.kinds + RULES.positions
    for i, ex in enumerate(rule.examples.todo)
]


@pytest.mark.parametrize("rule,ex", KIND_CASES)
def test_kind_hit(rule, ex):
    claims = extract_text(ex.text)
    if rule.kind == "other":
        known = [c for c in claims if c.kind != "other" and _same(c.value, ex.value)]
        assert not known, f"{rule.id}: {ex.text!r} gave {_describe(claims)}"
        return
    mine = [c for c in claims if c.kind == rule.kind]
    assert any(_matches(c, ex) for c in mine), f"{rule.id}: {ex.text!r} gave {_describe(claims)}"


@pytest.mark.parametrize("rule,text", KIND_MISSES)
def test_kind_miss(rule, text):
    claims = extract_text(text)
    if rule.kind == "other":
        assert [c for c in claims if c.kind != "other"], f"{rule.id}: {text!r} gave {_describe(claims)}"
        return
    assert not [c for c in claims if c.kind == rule.kind], f"{rule.id}: {text!r} gave {_describe(claims)}"


@pytest.mark.parametrize("rule,ex", KIND_TODO)
def test_kind_todo(rule, ex):
    claims = [c for c in extract_text(ex.text) if c.kind == rule.kind]
    if not any(_matches(c, ex) for c in claims):
        pytest.xfail(f"known gap: {ex.note or ex.text}")


@pytest.mark.parametrize("ex", RULES.hedges.examples.hit, ids=lambda e: e.text[:30])
def test_hedge_hit(ex):
    claims = extract_text(ex.text)
    assert any(_matches(c, ex) for c in claims), _describe(claims)


@pytest.mark.parametrize("text", RULES.hedges.examples.miss)
def test_hedge_miss(text):
    claims = extract_text(text)
    assert claims and all(c.qualifier == "exact" for c in claims), _describe(claims)


PREDICATE = RULES.hedges.predicate.examples


@pytest.mark.parametrize("ex", PREDICATE.hit if PREDICATE else [], ids=lambda e: e.text[:30])
def test_predicate_hit(ex):
    """hedges.yaml `predicate`: the clause's subject, far back, types the figure."""
    claims = [c for c in extract_text(ex.text) if c.kind != "other"]
    assert any(_matches(c, ex) for c in claims), _describe(claims)


@pytest.mark.parametrize("text", PREDICATE.miss if PREDICATE else [])
def test_predicate_miss(text):
    claims = [c for c in extract_text(text) if c.kind != "other"]
    assert not claims, _describe(claims)


def test_predicate_carries_examples():
    assert PREDICATE is not None and PREDICATE.hit and PREDICATE.miss


@pytest.mark.parametrize("name", ["negation", "furniture"])
def test_suppressing_rules(name):
    ex = getattr(RULES, name).examples
    for hit in ex.hit:
        claims = [c for c in extract_text(hit.text) if c.kind != "other"]
        assert not claims, f"{name} hit {hit.text!r} still gave {_describe(claims)}"
    for text in ex.miss:
        claims = [c for c in extract_text(text) if c.kind != "other"]
        assert claims, f"{name} miss {text!r} gave no claim"


@pytest.mark.parametrize("ex", RULES.gazetteer.examples.hit + RULES.scope.examples.hit, ids=lambda e: e.text[:30])
def test_scope_hit(ex):
    claims = extract_text(ex.text)
    assert any(_matches(c, ex) for c in claims), _describe(claims)


def test_gazetteer_miss():
    for text in RULES.gazetteer.examples.miss:
        claims = extract_text(text)
        assert claims and all(c.location is None for c in claims), _describe(claims)


def test_scope_miss():
    for text in RULES.scope.examples.miss:
        claims = extract_text(text)
        assert not [c for c in claims if c.kind != "other"], _describe(claims)


# --------------------------------------------------------------------------- the loader


def test_every_kind_rule_is_documented_and_named_by_file():
    for rule in RULES.kinds + RULES.positions:
        path = DEFAULT_RULES_DIR / "kinds" / f"{rule.id}.yaml"
        assert path.is_file()
        assert rule.what.strip() and rule.why.strip()


def _copy_rules(tmp_path: Path) -> Path:
    import shutil

    dst = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, dst)
    return dst


def test_unknown_key_is_an_error_quoting_the_input(tmp_path):
    d = _copy_rules(tmp_path)
    p = d / "kinds" / "killed.yaml"
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    data["nounz"] = ["قتيل"]
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rules(d)
    msg = str(err.value)
    assert "killed.yaml" in msg and "nounz" in msg and "قتيل" in msg


def test_rule_without_miss_examples_is_rejected(tmp_path):
    d = _copy_rules(tmp_path)
    p = d / "kinds" / "injured.yaml"
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    data["examples"]["miss"] = []
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match=r"injured\.yaml: examples\.miss"):
        load_rules(d)


def test_id_must_match_file_name(tmp_path):
    d = _copy_rules(tmp_path)
    (d / "kinds" / "killed.yaml").rename(d / "kinds" / "dead.yaml")
    with pytest.raises(RuleError, match="must equal the file name"):
        load_rules(d)


def test_unknown_kind_and_bad_yaml(tmp_path):
    d = _copy_rules(tmp_path)
    p = d / "kinds" / "killed.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("kind: killed", "kind: slain"), encoding="utf-8")
    with pytest.raises(RuleError, match="unknown kind 'slain'"):
        load_rules(d)
    p.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(RuleError, match="not valid YAML"):
        load_rules(d)


def test_rule_version_changes_with_content(tmp_path):
    d = _copy_rules(tmp_path)
    v1 = load_rules(d).version
    p = d / "hedges.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    from crosscheck.ruleset import loader as rule_loader

    rule_loader._load.cache_clear()
    assert load_rules(d).version != v1
