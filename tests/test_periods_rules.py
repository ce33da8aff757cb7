"""Every example of rules/periods.yaml, basis.yaml and events.yaml, run through the extractor:
a hit's claim of `value` carries the named period / basis / event / incident, a miss's does not."""

from __future__ import annotations

import pytest
import yaml

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules
from crosscheck.ruleset.period_rules import basis_rules, event_rules, period_rules


def _extract(text: str):
    date = None
    if text.startswith("---\n"):
        _, front, text = text.split("---\n", 2)
        date = str(yaml.safe_load(front)["date"])
    return extract(Document(id="example", text=text, date=date), load_rules())


def _examples():
    out = []
    for r in period_rules().rules:
        out += [(f"periods:{r.id}", "period", ex, hit) for hit in (True, False)
                for ex in (r.examples.hit if hit else r.examples.miss)]
    b = basis_rules()
    out += [("basis", "basis", ex, hit) for hit in (True, False)
            for ex in (b.examples.hit if hit else b.examples.miss)]
    e = event_rules()
    for r in e.rules:
        out += [(f"events:{r.id}", "event", ex, hit) for hit in (True, False)
                for ex in (r.examples.hit if hit else r.examples.miss)]
    out += [("events:past", "event", ex, hit) for hit in (True, False)
            for ex in (e.past_examples.hit if hit else e.past_examples.miss)]
    if e.incidents is not None:
        out += [("events:incidents", "incident", ex, hit) for hit in (True, False)
                for ex in (e.incidents.examples.hit if hit else e.incidents.examples.miss)]
    return out


@pytest.mark.parametrize("where,attr,ex,hit", _examples(),
                         ids=lambda v: v if isinstance(v, str) else None)
def test_rule_example(where, attr, ex, hit):
    claims = [c for c in _extract(ex.text) if float(c.value) == ex.value]
    assert claims, f"{where}: no claim of value {ex.value:g} in {ex.text!r}"
    want = getattr(ex, attr)
    got = [getattr(c, attr) for c in claims]
    if hit:
        assert want in got, f"{where}: {ex.text!r}: {attr} {got}, expected {want}"
    else:
        assert want not in got, f"{where}: {ex.text!r}: {attr} {got} must not be {want}"
