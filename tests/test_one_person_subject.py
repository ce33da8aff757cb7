"""The singular subject of "لقي … حتفه/مصرعه" (rules/scope.yaml one_person_subject_*): the lead of
an accident report counts one killed; the verb with another object, or a death from wounds told as
a toll's step, counts none."""

from __future__ import annotations

from crosscheck.extract.extractor import extract_text
from extract_support import killed_values as killed


def test_subject_of_a_death_is_one_killed():
    assert killed("لقي عامل مصرعه إثر سقوطه من سقالة في موقع البناء") == [1]
    assert killed("ولقيت سيدة حتفها حين جرفت السيول سيارتها") == [1]
    # the injured beside it keep their own figure
    got = extract_text("لقي سائق مصرعه وأصيب أربعة ركاب في انقلاب حافلة")
    assert sorted((c.kind, c.value) for c in got if c.kind in ("killed", "injured")) == [("injured", 4), ("killed", 1)]


def test_no_death_object_no_count():
    assert killed("ولقي شاب ترحيبا من زملائه بعد عودته") == []
    # "one" written out is read as a number already: still one claim, not two
    assert killed("لقي رجل واحد حتفه في الحادث") == [1]
    # a death from wounds is the step of a toll, not a count of its own
    assert killed("ولقي مواطن مصرعه متأثرا بجروحه") == []
