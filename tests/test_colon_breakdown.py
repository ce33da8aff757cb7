"""A total followed by a colon and its breakdown: the parts take the total's kind."""

from crosscheck.extract.extractor import extract_text


def _kv(text):
    return sorted((c.kind, c.value) for c in extract_text(text))


def test_parts_after_colon_take_the_totals_kind():
    text = ("وقالت المفوضية إن عدد الفارين تجاوز 90 ألفا: نحو 50 ألفا في كينيا، و30 ألفا في "
            "إثيوبيا، وأكثر من 10 آلاف في الصومال.")
    kv = _kv(text)
    for v in (90000, 50000, 30000, 10000):
        assert ("displaced", v) in kv, kv
    assert ("other", 50000) not in kv


def test_bare_parts_after_colon_of_a_toll():
    kv = _kv("وارتفع عدد القتلى إلى 45: 28 في البلدة و17 في القرى المجاورة.")
    assert ("killed", 28) in kv and ("killed", 17) in kv, kv


def test_a_year_after_a_colon_is_no_part():
    kv = _kv("480 وفاة: 2019 العام الأسوأ للمرض في البلاد")
    assert ("killed", 2019) not in kv, kv
