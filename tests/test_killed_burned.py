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
