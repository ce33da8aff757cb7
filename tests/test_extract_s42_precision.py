"""Session 42 round 3 (extract, issue 8 precision): spurious claims at their cause.  Each test
fails on the code before it."""

from crosscheck.extract.extractor import extract_text


def _durations(text: str) -> list[float]:
    return sorted(c.value for c in extract_text(text) if c.kind == "duration_days")


def test_a_figures_own_unit_before_extra_is_no_second_length_of_one():
    # "60 يوما إضافية": the unit is the figure's counted noun, not "one day more"
    assert _durations("قررت الدول الضامنة تمديد مهمة بعثة المراقبين 60 يوما إضافية") == [60]
    assert _durations("ومدد الطرفان وقف إطلاق النار ستين يوما إضافية بعد انتهاء المهلة") == [60]
    assert _durations("وفرضت السلطات إغلاقا لمدة 21 يوما كاملة في المدينة") == [21]


def test_a_unit_alone_before_extra_is_still_one():
    assert _durations("وصمدت الهدنة على الحدود بعد تمديدها يوما إضافيا") == [1]
    assert _durations("ومددت الحكومة الإغلاق أسبوعا كاملا") == [7]


def test_a_unit_after_a_postposed_two_is_its_own_length():
    # "سائقين اثنين": the two follows its noun; the week after it is a length of its own
    assert 7 in _durations("واختطف المسلحون سائقين اثنين أسبوعا كاملا على الطريق")


def _killed(text: str) -> list[float]:
    return sorted(c.value for c in extract_text(text) if c.kind == "killed")


def test_homes_counted_beside_the_dead_are_no_one():
    # a part-list's next item that is a thing, not a person
    assert _killed("وقتل 30 شخصا بينهم 10 في القرية، و12 منزلا دمرت بالكامل") == [10, 30]
    assert _killed("وأسفرت الفيضانات عن مقتل 40 شخصا منهم 15 في الشمال و20 منزلا جرفتها المياه") == [15, 40]
    # the people in places still count, and a breakdown by area keeps its items
    assert _killed("قتل 40 مدنيا في 3 مدن") == [40]
    assert _killed("وتوزعت الوفيات على العاصمة (212) والمدن الساحلية (76)") == [76, 212]
