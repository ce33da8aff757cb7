"""Session 26 (issue 8): "إن مدنيا قتل وأصيب خمسة آخرون" is one dead and five wounded, not one
combined figure of casualties (the first verb has a person of its own for subject); the people
aboard a crashed aircraft are its dead only when the article names no survivors
(killed_aboard's context_veto, a veto that keeps nothing)."""

from crosscheck.extract.extractor import extract_text


def _claims(text):
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


def test_the_wounded_after_a_killed_verb_with_its_own_subject():
    # (the one man named after "إن" with his own verb is a toll of one: session 45, extractc)
    assert _claims("وقال متحدث إن رجلا قتل وأصيب خمسة آخرون في القصف") == [("killed", 1), ("injured", 5)]


def test_killed_and_wounded_joined_without_a_subject_stay_combined():
    assert _claims("أسفر القصف عن مقتل وإصابة 40 شخصا") == []


def test_aboard_a_crash_with_survivors_is_no_toll():
    assert _claims("تحطمت طائرة ركاب عند هبوطها وعلى متنها 96 شخصا، ونقل الناجون الثلاثة إلى المستشفى") == []


def test_aboard_a_crash_without_survivors_is_the_toll():
    assert ("killed", 88) in _claims("تحطمت الطائرة بعد الإقلاع، وكانت تقل 88 شخصا بينهم 12 أجنبيا")


def test_the_wounded_after_a_killed_verb_whose_subject_has_a_from_phrase():
    # session 45: a "من …" phrase between the person and the first verb keeps it the subject's
    # (the one person named after "أن"/"إن" is a toll of one: session 45, extractc)
    # (the four are the wounded; the one named person is at most a figure of one, never the four)
    found = _claims("وذكرت البعثة أن شرطيا فرنسيا من وحدة المراقبة قتل وأصيب أربعة آخرون")
    assert ("injured", 4) in found and all(v == 1 for k, v in found if k != "injured")
    assert _claims("وقال الجيش إن ضابطا من اللواء الخامس قتل وأصيب سبعة آخرون") == [("killed", 1), ("injured", 7)]


def test_a_from_phrase_after_no_person_leaves_the_figure_combined():
    assert _claims("وقال إن عددا من سكان الحي قتل وأصيب 12") == []
