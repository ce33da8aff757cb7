"""Dates: every example in rules/dates.yaml, and as_of on claims through the reconciler."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from crosscheck.models import Claim, Document
from crosscheck.reconcile.dating import date_claims, date_rules, document_dates
from crosscheck.text.dates import claim_date, header_date

RULES = date_rules()
EX = RULES.examples


@pytest.mark.parametrize("ex", EX["header"], ids=lambda e: e["text"][:30])
def test_header_examples(ex):
    assert header_date(ex["text"], RULES) == dt.date.fromisoformat(ex["date"])


@pytest.mark.parametrize("text", EX["no_header"])
def test_no_header_examples(text):
    assert header_date(text, RULES) is None


@pytest.mark.parametrize("ex", EX["as_of"], ids=lambda e: e["text"][:30])
def test_as_of_examples(ex):
    doc_date = dt.date.fromisoformat(ex["doc_date"]) if ex["doc_date"] else None
    figure = [m.start() for m in re.finditer(r"\d+", ex["text"])][-1]
    when, how = claim_date(ex["text"], figure, doc_date, RULES)
    assert (when.isoformat() if when else None) == ex["as_of"]
    assert {"document": "metadata"}.get(how, how) == ex["from"]


def _claim(doc: str, sentence: str, value: int) -> Claim:
    s = str(value)
    i = sentence.index(s)
    return Claim(doc=doc, kind="killed", value=value, start=i, end=i + len(s), surface=s, sentence=sentence)


def test_document_date_from_dateline_and_claims_dated_by_relative_words():
    docs = [
        Document(id="a", text="الخميس 9 مايو 2024\nقتل 12 شخصا أمس في القصف"),
        Document(id="b", text="قتل 15 شخصا", date="2024-05-12"),
        Document(id="c", text="قتل 7 أشخاص"),
    ]
    dd = document_dates(docs)
    assert dd.dates == {"a": dt.date(2024, 5, 9), "b": dt.date(2024, 5, 12), "c": None}
    assert dd.source == {"a": "text", "b": "metadata", "c": None}
    claims = [_claim("a", "قتل 12 شخصا أمس في القصف", 12), _claim("b", "قتل 15 شخصا", 15),
              _claim("c", "قتل 7 أشخاص", 7)]
    out = date_claims(claims, dd)
    assert [(c.as_of, c.as_of_from) for c in out] == [
        ("2024-05-08", "relative"), ("2024-05-12", "metadata"), (None, "none")]


def test_a_copy_is_dated_by_its_first_publication():
    dd = document_dates([Document(id="x", text="t", date="2024-05-01"),
                         Document(id="y", text="t", date="2024-05-20")])
    out = date_claims([_claim("y", "قتل 15 شخصا", 15)], dd,
                      first_published={"y": dt.date(2024, 5, 1)})
    assert out[0].as_of == "2024-05-01"


def test_claims_with_as_of_keep_it():
    c = _claim("a", "قتل 15 شخصا", 15).model_copy(update={"as_of": "2020-01-01", "as_of_from": "text"})
    assert date_claims([c], document_dates([]))[0].as_of == "2020-01-01"
