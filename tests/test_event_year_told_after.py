"""A past event named with its year and then told by a relative clause (issue 8, session 39).

crosscheck.extract.events: a year after "منذ" and a named event with its month ("منذ تفجيرات
السابع من يوليو 2005 في لندن، التي قتل فيها 52 شخصا"), or named as a part of itself with no
"منذ" before ("اشتباكات مطلع عام 1981، التي قتل فيها 16 جنديا",
rules/events.yaml `past_part_of_year_named`), is that past event's for the figures after it,
also with the event's place between the year and the relative clause (`past_recalled_after`).
A running period's start ("منذ مطلع 2016، الذي ...") stays a start.  Sentences are our own."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules


def events(text, date="2017-05-24"):
    return {c.value: c.event for c in extract(Document(id="d", text=text, date=date), load_rules())}


def test_a_named_attack_with_its_month_and_place_then_its_toll():
    ev = events("وقتل 22 شخصا في الهجوم، الأعنف في البلاد منذ تفجيرات آذار 2004 في العاصمة، التي قتل فيها 191 شخصا.")
    assert ev[191] == "past:2004"
    assert ev[22] is None


def test_the_start_of_a_year_then_its_event_told():
    ev = events("ويعيد القتال إلى الأذهان مواجهات أواخر عام 1995، التي قتل فيها 30 جنديا من الجانبين.")
    assert ev[30] == "past:1995"


def test_the_start_of_a_year_after_since_stays_a_start():
    ev = events("وارتفع عدد القتلى منذ مطلع عام 2016، الذي شهد بدء الحملة، إلى 300 قتيل.")
    assert ev[300] is None


def test_a_figure_before_the_year_is_not_the_past_event_s():
    ev = events("وأفرج عن 200 أسير منذ صفقة أواخر 2015، التي شملت 50 أسيرا فقط.")
    assert ev[200] is None
