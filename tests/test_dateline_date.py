"""A numeric dateline ("<city> - <day> - <month> (<agency>)"): its day and month are the
filing date, never figures (rules/gazetteer.yaml `dateline_date`, `dateline_date_examples`)."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract_text
from crosscheck.ruleset.loader import load_rules

RULES = load_rules()
EX = RULES.gazetteer.dateline_date_examples


def _values(text: str) -> list:
    return [c.value for c in extract_text(text)]


def test_examples_are_given():
    assert RULES.gazetteer.dateline_date and EX.hit and EX.miss


@pytest.mark.parametrize("ex", EX.hit, ids=lambda e: e.text[:24])
def test_dateline_digits_are_no_figures(ex):
    got = _values(ex.text)
    assert ex.value in got, got  # the article's figure stays
    # no figure is the dateline's day or month (each example's day/month differ from its figure)
    head = ex.text.split("(")[0]
    digits = {int(t) for t in head.replace("-", " ").replace("–", " ").split() if t.isdigit()}
    assert not digits & set(got), got


@pytest.mark.parametrize("text", EX.miss, ids=lambda t: t[:24])
def test_digits_after_a_dateline_that_are_no_date_stay(text):
    first = int(text.split(" - ")[1].split()[0])  # the number right after the dateline's dash
    assert first in _values(text), _values(text)


def test_span_offsets():
    text = "بغداد - 14 - 3 (كونا) -- قتل 9 أشخاص في انفجار"
    claims = extract_text(text)
    assert [c.value for c in claims] == [9]
    c = claims[0]
    assert text[c.start:c.end] == c.surface
