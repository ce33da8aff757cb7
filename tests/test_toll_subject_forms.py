"""Tolls written around their subject: the verb first ("تجاوز عدد القتلى 1000": the verb is the
hedge), a scale word after the subject ("يتجاوز عدد القتلى الألف"), a possessed casualty noun
whose final ى is written ا before the pronoun ("قتلاها الـ13")."""

from crosscheck.extract.extractor import extract_text


def _claims(text):
    return [(c.kind, c.value, c.qualifier) for c in extract_text(text)]


def test_a_scale_word_after_the_toll_subject_is_its_value():
    # before: "الألف" after "القتلى" read as an adjective describing them, no claim
    assert ("killed", 1000, "more_than") in _claims("ورجح المحافظ أن يتجاوز عدد القتلى الألف.")


def test_a_number_word_after_a_toll_of_things_still_describes_them():
    # "the toll of the eight bombings": eight counts bombings, not dead
    assert [c for c in _claims("ارتفعت حصيلة التفجيرات الثمانية إلى 290 قتيلا") if c[1] == 8] == []


def test_the_verb_before_the_subject_is_the_hedge():
    assert _claims("وتجاوز عدد القتلى في المدينة 1200 شخص.") == [("killed", 1200, "more_than")]
    assert _claims("ولم يتجاوز عدد الجرحى 20 شخصا.") == [("injured", 20, "at_most")]
    assert _claims("وبلغ عدد القتلى 50 شخصا.") == [("killed", 50, "exact")]


def test_a_verb_after_a_break_is_no_hedge_of_the_figure():
    # the comma ends the clause of the verb: the figure keeps no hedge of it
    assert ("killed", 70, "exact") in _claims("تجاوز المطر المعدل، وعدد القتلى 70 شخصا.")


def test_possessed_dead_with_the_definite_digits():
    # before: "قتلاها" (its dead) was no counted noun, "الـ13" an ordinal
    assert ("killed", 13, "exact") in _claims("وقالت الوزارة إن قتلاها الـ13 هم من المدنيين.")
    assert ("injured", 40, "exact") in _claims("وأضافت أن جرحاها الـ40 نقلوا إلى المستشفى.")


def test_the_next_clauses_subject_is_no_counted_noun():
    # before: "وسانشيز" was read as the counted noun of 250, a figure of no kind
    assert _claims("ضحايا الزلزال يتجاوزون 250 وسانشيز يزور المناطق المنكوبة") == [("killed", 250, "more_than")]


def test_a_counted_noun_before_a_verb_keeps_its_figure():
    # a kind's counted noun after the figure stays its noun, the verb after it notwithstanding
    assert ("killed", 30, "exact") in _claims("وسجلت الوزارة 30 وفاة تتوزع على ثلاث مدن")
