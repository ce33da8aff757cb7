"""A dateline naming a day and month but no year ("سيئول، 16 يونيو (يونهاب) --") takes the year
that puts it nearest to the other articles' dates (crosscheck.reconcile.dating); alone, it stays
undated.  Examples: rules/dates.yaml `yearless_dateline`, `no_yearless_dateline`."""

from __future__ import annotations

import datetime as dt

import pytest

from crosscheck.models import Document
from crosscheck.reconcile.dating import date_rules, document_dates
from crosscheck.text.dates import header_date, nearest_year, yearless_dateline

RULES = date_rules()
EX = RULES.examples


@pytest.mark.parametrize("ex", EX["yearless_dateline"], ids=lambda e: e["text"][:24])
def test_yearless_dateline_examples(ex):
    assert header_date(ex["text"], RULES) is None  # no year: no date of its own
    assert yearless_dateline(ex["text"], RULES) == (ex["day"], ex["month"])


@pytest.mark.parametrize("text", EX["no_yearless_dateline"], ids=lambda t: t[:24])
def test_a_day_in_a_sentence_is_no_dateline(text):
    assert yearless_dateline(text, RULES) is None


def test_nearest_year_across_new_year():
    others = [dt.date(2017, 1, 3), dt.date(2017, 1, 5)]
    assert nearest_year(29, 12, others) == dt.date(2016, 12, 29)
    assert nearest_year(4, 1, others) == dt.date(2017, 1, 4)
    assert nearest_year(4, 1, []) is None


def _doc(i: str, text: str, date: str | None = None) -> Document:
    return Document(id=i, text=text, date=date)


def test_a_corpus_dates_a_yearless_dateline():
    wire = _doc("w", "كراتشي، 21 أيلول (أ ب) - قالت الشرطة إن 11 شخصا قتلوا")
    docs = [_doc("a", "خبر", "2012-09-20"), _doc("b", "الثلاثاء 25 سبتمبر 2012\nخبر آخر"), wire]
    got = document_dates(docs, RULES)
    assert got.get("w") == dt.date(2012, 9, 21)
    assert got.source["w"] == "text"
    assert document_dates([wire], RULES).get("w") is None  # alone: undated
