"""The accusative singular subject of a reported clause whose verb of killing comes a few words
on (rules/scope.yaml one_person_reported_*): one killed; a death from wounds, a verb past a
comma, or a subject that is no person noun of the list counts none.  Also the crew and diver
nouns of one_person_nouns ("مقتل طيار")."""

from __future__ import annotations

from crosscheck.extract.extractor import extract_text
from extract_support import killed_values as killed


def test_reported_singular_with_its_verb_is_one_killed():
    assert killed("وقال رئيس البلدية إن صيادا قتل عندما أصابت قذيفة قاربه") == [1]
    # words of who he was between the noun and the verb
    assert killed("وذكرت الوزارة أن عسكريا من وحدة الهندسة قتل أثناء تفكيك لغم") == [1]
    # the injured after it keep their own figure
    got = extract_text("وأفاد المستشفى بأن طفلة قتلت وأصيب ثلاثة من أشقائها")
    assert sorted((c.kind, c.value) for c in got if c.kind in ("killed", "injured")) == [("injured", 3), ("killed", 1)]


def test_reported_singular_without_its_verb_counts_none():
    # a death from wounds is a toll's step
    assert killed("وقالت الإدارة إن عاملا نقل إلى المستشفى قتل متأثرا بجروحه") == []
    # the verb past a comma is another clause's
    assert killed("وقال المتحدث إن مزارعا نجا من القصف، وقتل المسلحون في الاشتباك") == []
    # no person noun: the forces that killed
    assert killed("وقال الجيش إن قواته قتلت المهاجمين") == []


def test_pilot_and_diver_are_one_person():
    assert killed("وأكدت القيادة مقتل طيار في سقوط مروحية تدريب") == [1]
    assert killed("وأعلن خفر السواحل وفاة غواص قرب الحطام") == [1]
