"""Figures typed by the right predicate (session 46, extract2).

- A verb joined by "و" after the predicate of the figure before it opens its own item, also when
  that predicate is a phrase ("75 شخصا في عداد المفقودين ونزح 280 ألفا": the 280 thousand are
  displaced, not missing); a verb whose root opens with "و" ("وصل") is no such verb.
- A verb after a list of people types every item, also an item with its partitive and its noun's
  genitive ("61 مدنيا و6 من عناصر الأمن قتلوا": both killed).
- The crowd at a funeral is no toll ("وشارك عشرات الآلاف في تشييع الضحايا").
- Refugees going home are returnees, not displaced, also with a nisba or a partitive between
  ("نحو 30 ألف لاجئ سوري عادوا", "بدأ آلاف اللاجئين العودة", "100 ألف من الفارين العودة").
(Own examples, not taken from any set.)"""

import pytest

from extract_support import kinds_values


@pytest.mark.parametrize("text,want,not_want", [
    ("ولا يزال 75 شخصا في عداد المفقودين ونزح أكثر من 280 ألفا", ("displaced", 280000), ("missing", 280000)),
    ("وما زال 12 صيادا في عداد المفقودين وأصيب 40 آخرون", ("injured", 40), ("missing", 40)),
    ("بينهم 560 ألفا عبروا الحدود، فيما وصل أكثر من 150 ألفا إلى الجزيرة", ("displaced", 150000), None),
])
def test_joined_verb_opens_its_item(text, want, not_want):
    kv = kinds_values(text)
    assert want in kv
    assert not_want is None or not_want not in kv


@pytest.mark.parametrize("text,values", [
    ("وقال الجيش إن 45 مدنيا و7 من عناصر الشرطة قتلوا في التفجير", {45, 7}),
    ("وأفادت الشرطة بأن 14 شخصا و3 من رجال الإطفاء لقوا حتفهم", {14, 3}),
])
def test_list_verb_past_partitive_and_genitive(text, values):
    assert {v for k, v in kinds_values(text) if k == "killed"} == values


@pytest.mark.parametrize("text", [
    "وشارك عشرات الآلاف في تشييع ضحايا التفجير أمس",
    "ودفن الضحايا في مقبرة البلدة في جنازة حضرها الآلاف",
])
def test_mourners_are_no_toll(text):
    assert not any(k == "killed" for k, _v in kinds_values(text))


def test_the_dead_the_mourners_buried_count():
    assert ("killed", 12) in kinds_values("وشارك الآلاف في تشييع 12 شهيدا سقطوا في القصف")


@pytest.mark.parametrize("text", [
    "وقالت المفوضية إن نحو 40 ألف لاجئ سوداني عادوا من تشاد منذ الصيف",
    "وبدأ آلاف اللاجئين العودة إلى ديارهم مع انتهاء القتال",
    "وشرع نحو 50 ألفا من الفارين في العودة إلى المدينة",
])
def test_returnees_are_not_displaced(text):
    assert not any(k == "displaced" for k, _v in kinds_values(text))


def test_displaced_with_a_nisba_kept():
    assert ("displaced", 40000) in kinds_values("ونزح نحو 40 ألف لاجئ سوداني إلى تشاد منذ الصيف")
