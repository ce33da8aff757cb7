"""Session 44 (extract2): captives still held in their captors' hands or possession, and
deadlines counted from a point in time ("within N days of the signing")."""

from extract_support import checked_claims as _claims
from extract_support import kinds_values as _kinds


ABDUCTION = "وخطف مسلحون عشرات التلاميذ من مدرستهم في الشهر الماضي. "


def test_still_held_singular_predicate_is_hostages_held():
    assert ("hostages_held", 64) in _kinds(ABDUCTION + "وما زالت 64 تلميذة محتجزة لدى الجماعة")


def test_still_held_in_captors_hands_or_possession():
    assert ("hostages_held", 19) in _kinds(ABDUCTION + "ولا يزال 19 تلميذا في أيدي الخاطفين")
    assert ("hostages_held", 33) in _kinds(ABDUCTION + "ولا تزال 33 تلميذة في حوزة المسلحين")
    assert ("hostages_held", 70) in _kinds(ABDUCTION + "ولا يزال نحو 70 منهم في حوزة الجماعة")


def test_possession_of_things_is_no_captive_count():
    kinds = _kinds(ABDUCTION + "ولا يزال 40 منزلا في حوزة المسلحين")
    assert ("hostages_held", 40) not in kinds


def test_possession_needs_an_abduction_in_the_article():
    # no abduction or hostages in the article: a state's prisoners or anything else, not hostages
    assert ("hostages_held", 19) not in _kinds("ولا يزال 19 جنديا في أيدي القوات الأخرى بعد الحرب")


def test_deadline_counted_from_a_point_in_time():
    claims = _claims("وينص الاتفاق على انسحاب القوات خلال 45 يوما من توقيع الاتفاق")
    got = [c for c in claims if c.kind == "duration_days"]
    assert [(c.value, c.event, c.rule) for c in got] == [(45, "window:45", "duration_within_from")]
    assert got[0].surface == "45 يوما"


def test_days_of_an_activity_after_min_stay_untyped():
    kinds = _kinds("وقال إن الهجوم وقع خلال أربعة أيام من الاحتجاجات")
    assert ("duration_days", 4) not in kinds


def test_span_from_a_point_needs_within_before_it():
    claims = _claims("وقال المسؤول إن 45 يوما من توقيع الاتفاق مرت دون تنفيذ")
    assert not [c for c in claims if c.rule == "duration_within_from"]
