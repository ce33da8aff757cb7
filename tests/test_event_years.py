"""Past years in articles (crosscheck.extract.events, rules/events.yaml): a span of years
("بين عامي 1975 و1990") gives its last year, also at a sentence's end; an undated article whose
header names no year and whose every year is a recalled one (a span, a year whose event a
relative clause tells) is later than them, so their figures are past events."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules

LEAD = ("ارتفع عدد قتلى انهيار البرج السكني في بلدة الضفاف إلى 79 قتيلا بعد أن كان 64 مساء أمس، "
        "فيما لا يزال 61 شخصا في عداد المفقودين، بحسب ما أعلنته رئيسة البلدية صباح اليوم. ") * 4


def events(text, date=None):
    return {c.value: c.event for c in extract(Document(id="d", text=text, date=date), load_rules())}


def test_a_span_of_years_gives_its_last_year_at_a_sentence_end():
    ev = events("وقتل في الحرب نحو 150 ألف شخص بين عامي 1975 و1990.", date="2016-03-01")
    assert ev[150000] == "past:1990"


def test_an_undated_article_recalling_a_past_disaster_is_later_than_it():
    """Its body names no year but the disaster's, told by a relative clause: 1981 is past."""
    text = LEAD + "ويعد الانهيار الأسوأ منذ سقوط جسر المشاة في فندق المدينة عام 1981، الذي أودى بحياة 114 شخصا."
    ev = events(text)
    assert ev[114] == "past:1981"
    assert ev[79] is None  # today's toll stays today's


def test_an_undated_article_naming_a_span_only_is_later_than_it():
    text = LEAD + "ويخشى السكان تكرار الحرب التي قتل فيها 300 ألف شخص بين عامي 1993 و2005."
    assert events(text)[300000] == "past:2005"


def test_a_plain_year_in_the_body_is_still_the_article_s_year():
    """A year named otherwise ("خلال عام 2019") may be the article's own: the latest year named
    stays the article's, and a recalled earlier one is past beside it."""
    text = LEAD + ("وسجل الإقليم 45 وفاة خلال عام 2019 بحسب تقرير المنظمة. "
                   "وتذكّر الكارثة بفيضانات عام 2010 التي أودت بحياة 30 شخصا.")
    ev = events(text)
    assert ev[45] is None and ev[30] == "past:2010"
    only_plain = LEAD + "وسجل الإقليم 45 وفاة خلال عام 2019 بحسب تقرير المنظمة."
    assert events(only_plain)[45] is None


def test_held_since_two_years_is_a_running_count_not_a_past_event():
    ev = events("وتحتجز الجماعة ثلاثة أسرى آخرين منذ عامي 2014 و2015، اثنان منهم جنديان.",
                date="2024-01-10")
    assert all(e is None or not e.startswith("past:") for e in ev.values())
