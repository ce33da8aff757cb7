"""Dates: every example in rules/dates.yaml, and as_of on claims through the reconciler."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from crosscheck.models import Claim, Document
from crosscheck.reconcile.dating import date_claims, date_rules, document_dates
from crosscheck.text.dates import claim_date, header_date, part_of_day

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
    figure = (ex["text"].index(ex["value"]) if "value" in ex
              else [m.start() for m in re.finditer(r"\d+", ex["text"])][-1])
    when, how = claim_date(ex["text"], figure, doc_date, RULES)
    assert (when.isoformat() if when else None) == ex["as_of"]
    assert {"document": "metadata"}.get(how, how) == ex["from"]


@pytest.mark.parametrize("ex", EX["part_of_day"], ids=lambda e: e["text"][:30])
def test_part_of_day_examples(ex):
    assert part_of_day(ex["text"], ex["text"].index(ex["value"]), RULES) == ex["part"]


@pytest.mark.parametrize("ex", EX["no_part_of_day"], ids=lambda e: e["text"][:30])
def test_no_part_of_day_examples(ex):
    assert part_of_day(ex["text"], ex["text"].index(ex["value"]), RULES) is None


def test_part_of_day_nearest_the_figure():
    s = "أعلنت الوزارة صباح الخميس مقتل 12 شخصا، ثم أعلنت مساء الخميس أن العدد بلغ 19"
    assert part_of_day(s, s.index("12"), RULES) == 2
    assert part_of_day(s, s.index("19"), RULES) == 4


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


def test_a_headline_figure_is_dated_by_the_day_its_body_gives_it():
    """"61 قتيلا في الفيضانات" in the headline, "حتى مساء أمس" for the same 61 in the body."""
    from crosscheck.models import Mention

    head, body = "61 قتيلا في الفيضانات", "وبلغ عدد القتلى 61 حتى مساء أمس الجمعة"
    c = _claim("a", head, 61)
    c = c.model_copy(update={"mentions": [
        Mention(start=c.start, end=c.end, surface="61", sentence=head),
        Mention(start=200, end=202, surface="61", sentence=body)]})
    dd = document_dates([Document(id="a", text="t", date="2024-05-11")])
    out = date_claims([c], dd)
    assert (out[0].as_of, out[0].as_of_from) == ("2024-05-10", "relative")
    alone = date_claims([_claim("a", head, 61)], dd)
    assert (alone[0].as_of, alone[0].as_of_from) == ("2024-05-11", "metadata")


def test_a_day_given_for_another_figure_of_the_sentence_is_not_this_figures_day():
    """"Rose to 83 on Wednesday evening, from 61 on Tuesday morning": Tuesday stands nearer
    the 83 but the 61 stands between them; the 83 is Wednesday's.  With no other day to take,
    the nearest still counts."""
    s = "أعلنت وزارة الصحة مساء الأربعاء ارتفاع عدد الوفيات إلى 83، بعد أن كانت 61 صباح الثلاثاء"
    thursday = dt.date(2024, 5, 16)
    assert claim_date(s, s.index("83"), thursday, RULES) == (dt.date(2024, 5, 15), "relative")
    assert claim_date(s, s.index("61"), thursday, RULES) == (dt.date(2024, 5, 14), "relative")
    alone = "ارتفع عدد الوفيات إلى 83، و61 منهم صباح الثلاثاء"
    assert claim_date(alone, alone.index("83"), thursday, RULES) == (dt.date(2024, 5, 14), "relative")


def test_the_digits_of_a_date_are_no_figure_between_a_day_and_its_figure():
    """"Announced today that the toll since 3 March reached 64, up from 51 on Monday": the 3
    of the period's start does not stand between "today" and the 64."""
    s = "أعلنت الهيئة اليوم أن عدد الوفيات منذ 3 مارس بلغ 64، بعد أن كان 51 يوم الاثنين"
    thursday = dt.date(2024, 5, 16)
    assert claim_date(s, s.index("64"), thursday, RULES) == (thursday, "relative")
    assert claim_date(s, s.index("51"), thursday, RULES) == (dt.date(2024, 5, 13), "relative")


def test_a_day_in_a_later_clause_dates_the_earlier_figure_even_in_words():
    """"Rose today to 21, from six on Friday": the six is written in words, but Friday stands
    in the next clause, after the comma: today is the 21's day."""
    s = "أعلنت الوزارة اليوم أن عدد الوفيات ارتفع إلى 21، بعد أن كان ستا يوم الجمعة"
    thursday = dt.date(2024, 5, 16)
    assert claim_date(s, s.index("21"), thursday, RULES) == (thursday, "relative")
    alone = "بلغ عدد الوفيات 21، يوم الجمعة"
    assert claim_date(alone, alone.index("21"), thursday, RULES) == (dt.date(2024, 5, 10), "relative")


def test_a_figure_is_found_in_its_sentence_as_a_whole_number():
    """The "9" of "بينها 19 وفاة، بعد أن كانت الوفيات 9 في ..." is the second one, not the tail of
    the 19: it takes the day after it, the 19 the article's."""
    s = "بلغ عدد الإصابات 58، بينها 19 وفاة، بعد أن كانت الوفيات 9 في الثالث من مارس"
    dd = document_dates([Document(id="a", text="t", date="2024-03-10")])
    nine, nineteen = date_claims([_claim("a", s, 9), _claim("a", s, 19)], dd)
    assert (nine.as_of, nine.as_of_from) == ("2024-03-03", "text")
    assert (nineteen.as_of, nineteen.as_of_from) == ("2024-03-10", "metadata")


def test_in_a_list_of_earlier_stages_each_figure_takes_the_day_after_it():
    """"Rose to 90, from 71 on Sunday evening and 64 on Saturday": Sunday stands right after the
    71 and nearer the 64 than Saturday does, but it is the 71's day; Saturday, right after the
    64, is the 64's.  Alone, a day after another figure still dates a figure with no day."""
    s = "ارتفعت حصيلة الانهيار إلى 90 قتيلا، بعد أن كانت 71 قتيلا مساء الأحد و64 قتيلا يوم السبت"
    tuesday = dt.date(2024, 5, 14)
    assert claim_date(s, s.index("71"), tuesday, RULES) == (dt.date(2024, 5, 12), "relative")
    assert claim_date(s, s.index("64"), tuesday, RULES) == (dt.date(2024, 5, 11), "relative")
    digits = "وبلغت الحصيلة 300، بعد أن كانت 280 أمس الاثنين و250 يوم الأحد"
    assert claim_date(digits, digits.index("250"), tuesday, RULES) == (dt.date(2024, 5, 12), "relative")
    evening = "وارتفعت الحصيلة إلى 75 بعد أن كانت 73 قتيلا مساء أمس الاثنين و70 قتيلا مساء الأحد"
    assert claim_date(evening, evening.index("70"), tuesday, RULES) == (dt.date(2024, 5, 12), "relative")
    alone = "قتل 12 شخصا أمس في القصف، وأصيب 30 آخرون"
    assert claim_date(alone, alone.index("30"), tuesday, RULES) == (dt.date(2024, 5, 13), "relative")
