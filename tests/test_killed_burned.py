"""People burned to death (issue 8; rules/kinds/killed_burned.yaml): "إحراق"/"أحرق" right before a
count of people, a dual noun included, is a toll of the dead; things burned count no one."""

from __future__ import annotations

from crosscheck.extract.extractor import extract_text


def killed(text):
    return sorted(c.value for c in extract_text(text) if c.kind == "killed")


def test_a_dual_after_the_verbal_noun_counts_two_dead():
    assert killed("وعرض الشريط إحراق جنديين أسيرين في قفص حديدي") == [2]
    assert killed("وقال شهود إن المسلحين أحرقوا خمسة رهائن قبل فرارهم") == [5]


def test_things_burned_and_distant_people_count_no_one():
    assert killed("وأحرقت العصابات 12 منزلا في البلدة") == []
    assert killed("وأدانت المنظمة إحراق خيام 300 نازح قرب الحدود") == []


def claims(text):
    return sorted((c.kind, c.value, c.group) for c in extract_text(text) if c.kind != "other")


def test_a_plain_person_noun_after_min_asl_stays_the_whole_whatever_rules_list_it():
    # killed_burned lists "شخصا" among its people (behind its own cue): that made "من أصل 153 شخصا"
    # a second toll of 153 and the 152 a part of it; a plain person noun names no kind by itself
    assert claims("وأكدت السلطات نجاة طفلة واحدة، ما يعني مقتل 61 من أصل 62 شخصا كانوا على متن العبارة") == [
        ("killed", 61, "all")
    ]
    assert claims("وأسفر الحريق عن مقتل 12 من أصل 40 رجلا كانوا داخل المصنع") == [("killed", 12, "all")]


def test_a_whole_with_its_rules_cue_after_the_noun_is_still_counted():
    # the rule's own cue after the whole's noun makes it a count of the rule's kind
    got = claims("وأعادت الشرطة اعتقال 30 من أصل 95 سجينا فروا من السجن المركزي")
    assert ("prisoners_released", 95, "all") in got
