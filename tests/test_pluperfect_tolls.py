"""The pluperfect "كان … قد <verb>" (issue 8; rules/scope.yaml pluperfect_*): a figure right after
"كان" is the subject of the death verb after "قد", past a subject longer than a rule's cue reach."""

from __future__ import annotations

from crosscheck.extract.extractor import extract_text


def kinds(text):
    return sorted((c.kind, c.value) for c in extract_text(text) if c.kind != "duration")


def test_a_long_subject_before_qad_and_the_verb():
    assert ("killed", 2) in kinds("وكان جنديان هنديان من بعثة المراقبين الدولية قد قتلا في الاشتباكات")
    assert ("killed", 20) in kinds("وكان نحو 20 عاملا في المصنع القديم قد قتلوا في الحريق")


def test_only_the_verb_right_after_qad_in_the_same_clause():
    # another verb after "قد": the figure is no toll
    assert ("killed", 40) not in kinds("وكان 40 جنديا من الكتيبة الثالثة قد وصلوا إلى المدينة قبل أن يقتل القناص أحدهم")
    # no "كان" before the figure: the reach stays the rule's own
    assert ("killed", 7) not in kinds("ووصل 7 عمال من الشركة الأجنبية إلى الموقع وقد قتلوا لاحقا في الهجوم")


def test_within_the_rules_own_reach_its_reading_stands():
    # a subset's pronoun before "قد": the verb is the subset's, and the figure keeps the kind the
    # clause before gives it (the freed, of whom some had left)
    got = kinds("وبذلك يرتفع إلى 40 عدد السجناء الذين أفرجت عنهم السلطات، بعد أن كان 30 منهم قد غادروا البلاد")
    assert ("displaced", 30) not in got
