"""A clause opened after a comma by a barrier of two words ("، في حين …", "، وفي حين …";
rules/scope.yaml period_barriers) reports a figure of its own: a period cue of the clause before
("منذ مساء الخميس") does not reach it (issue 8).  Sentences written for these tests."""

from crosscheck.extract.extractor import extract_text


def _periods(text):
    return {c.value: c.period for c in extract_text(text) if c.kind != "other"}


def test_a_since_cue_stops_at_fi_hin():
    got = _periods("وقالت مصادر في المستشفى إن 120 شخصا قتلوا منذ مساء الخميس، في حين تمسكت الوزارة "
                   "بعدد أعلنته صباح الأحد هو 95 قتيلا")
    assert got[120] == "since:thursday"
    assert got[95] != "since:thursday"


def test_the_conjoined_form_is_a_wall_too():
    got = _periods("وأحصى الناشطون 64 قتيلا منذ فجر السبت، وفي حين أكدت الشرطة سقوط 41 قتيلا")
    assert got[64] == "since:saturday"
    assert got[41] != "since:saturday"


def test_fi_hin_not_after_a_comma_is_no_wall():
    # "في حين" inside a clause (no comma before it) opens nothing new: the cue still reaches
    got = _periods("قتل 33 شخصا منذ صباح الاثنين في حين أصيب 12 شخصا")
    assert got[12] == "since:monday"


def test_the_words_of_the_phrase_must_follow_in_order():
    # "وفي" after a comma followed by another word is no wall
    got = _periods("قتل 33 شخصا منذ صباح الاثنين، وفي المدينة أصيب 12 شخصا")
    assert got[12] == "since:monday"
    got = _periods("قتل 33 شخصا منذ صباح الاثنين، في حين أصيب 12 شخصا")
    assert got[12] != "since:monday"
