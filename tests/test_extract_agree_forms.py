"""Forms behind failing agreements (issue 8, session 39), in sentences written for these tests."""

from crosscheck.extract.extractor import extract_text


def _kv(text):
    return [(c.kind, c.value, c.qualifier) for c in extract_text(text) if c.kind != "other"]


def test_a_building_by_its_number_opens_no_range_and_counts_nothing():
    got = _kv("ارتفع عدد القتلى في المدرسة رقم 1 إلى 322، بينهم 155 طفلا")
    assert ("killed", 322, "exact") in got
    assert not [v for _k, v, _q in got if v == 1]
    got = _kv("وارتفع عدد المصابين في العنبر رقم 4 إلى 37 مصابا")
    assert got == [("injured", 37, "exact")]
    # a range opened by "من" or "بين" stays one
    assert ("killed", 20, "range") in _kv("وقتل من 20 إلى 30 شخصا في المبنى")
    # the resolution's number after "رقم" is still one
    assert ("resolution_number", 2728, "exact") in _kv("وتبنى المجلس القرار رقم 2728 بأغلبية 14 صوتا")


def test_a_disaster_that_reaps_people_counts_its_dead():
    assert ("killed", 1100, "more_than") in _kv("الحر يحصد أكثر من 1100 شخص في الهند")
    assert ("killed", 40, "approx") in _kv("وحصدت الكوليرا نحو 40 شخصا في المخيمات")
    assert not [k for k, _v, _q in _kv("وحصد الحزب الحاكم 40 مقعدا في البرلمان") if k == "killed"]


def test_wounded_who_died_told_subject_first_are_deaths():
    got = _kv("وقال مدير المستشفى إن 18 جريحا فارقوا الحياة بعد نقلهم إليه")
    assert ("killed", 18, "exact") in got and not [k for k, _v, _q in got if k == "injured"]
    assert ("injured", 18, "exact") in _kv("وقال مدير المستشفى إن 18 جريحا نقلوا إليه")


def test_the_verb_of_dying_split_around_its_subject_is_no_margin():
    assert ("killed", 5, "exact") in _kv("وفارق 5 أشخاص الحياة في أعقاب الفيضانات")
    assert ("killed", 18, "exact") in _kv("قتل 45 شخصا في البلدة، في حين فارق 18 جريحا الحياة في المستشفى")
    assert ("killed", 3, "exact") in _kv("وفارق ثلاثة من الجرحى الحياة في المستشفى")
    # a margin stays a margin: no count of its own, and no kind for the figure near it
    assert _kv("وفاز المرشح بفارق 200 صوت عن منافسه") == []
    assert not [k for k, _v, _q in _kv("وأجلي 300 شخص بفارق ساعات عن وصول الإعصار") if k == "killed"]
    assert not [v for _k, v, _q in _kv("وارتفع عدد القتلى إلى 50 بفارق 8 قتلى عن حصيلة الصباح") if v == 8]
