"""Captive and release constructions (issue 8, found in set Q; own examples)."""

from crosscheck.extract.extractor import extract_text


def _kv(text):
    return [(c.kind, c.value, c.group) for c in extract_text(text) if c.kind != "other"]


def test_a_length_of_time_before_binhum_is_no_total_of_people():
    # "بينهم" after "قبل 12 يوما": the people counted before the days are the total
    got = _kv("أعلنت الشرطة تحرير 54 رهينة خطفوا من قرية في الشمال قبل 12 يوما، بينهم 30 امرأة و24 رجلا.")
    assert ("hostages_released", 54, "all") in got
    assert [k for k, v, g in got if v in (30, 24)] == ["hostages_released", "hostages_released"]
    # ... and a length of time given as its own kind ("أكثر من أسبوعين") as well
    got = _kv("عاد 90 طالبا خطفوا من المدرسة إلى ذويهم بعد أكثر من أسبوعين في الأسر، بينهم 40 فتاة.")
    assert ("hostages_released", 90, "all") in got
    assert [k for k, v, g in got if v == 40] == ["hostages_released"]


def test_a_subset_of_days_is_still_of_the_days():
    # no people before the days: nothing to attach the subset to
    got = _kv("استمر الحصار 40 يوما، بينها 12 يوما من القصف المتواصل.")
    assert not [k for k, v, g in got if v == 12 and k.startswith("hostages")]


def test_return_verb_before_the_figure_types_a_release_not_the_abduction_after_it():
    got = _kv("عاد 43 طالبا ومعلما خطفوا من بلدة في شمال البلاد إلى ذويهم بعد أسبوعين في الأسر.")
    assert ("hostages_released", 43, "all") in got
    assert not [k for k, v, g in got if v == 43 and k == "hostages_held"]
    # the displaced going home ("الذين عادوا") are no captives freed
    got = _kv("وما زالت 7 رهائن في الأسر. وقالت الهيئة إن النازحين الذين عادوا إلى قراهم تجاوزوا 20 ألف شخص.")
    assert not [k for k, v, g in got if v == 20000 and k == "hostages_released"]


def test_captives_named_again_and_counted_through_a_pronoun_take_their_kind():
    got = _kv("أعلنت الحكومة تحرير 52 رهينة كانت الجماعة تحتجزهم. والرهائن هم 47 تركيا و5 عراقيين من موظفي القنصلية.")
    assert ("hostages_released", 47, "subset:تركيا") in got
    assert [k for k, v, g in got if v == 5] == ["hostages_released"]
    got = _kv("أفرجت الجماعة عن 52 رهينة. وكان المحررون، وهم 47 تركيا وخمسة عراقيين، قد خضعوا لفحوص طبية.")
    assert ("hostages_released", 47, "subset:تركيا") in got
    # captives still held: the held kind
    got = _kv("وما زال المسلحون يحتجزون 30 رهينة في المبنى. والرهائن هم 25 تركيا و5 عراقيين.")
    assert [k for k, v, g in got if v == 25] == ["hostages_held"]
    # no captives before: the pronoun counts nothing known
    got = _kv("وقال إن المحتجزين هم 25 تركيا من العاملين في الشركة.")
    assert not [k for k, v, g in got if v == 25]


def test_an_earlier_figure_of_a_part_of_a_day_is_recalled_not_a_clock_time():
    got = [(c.kind, c.value, c.period) for c in extract_text(
        "وأعلنت الوزارة أن حصيلة الضحايا ارتفعت إلى 31 قتيلا بعد أن كانت 26 مساء الخميس.")]
    assert ("killed", 26, "superseded") in got
    # a clock time stays no figure
    assert not [v for k, v, p in got if v == 8] and not [
        c for c in extract_text("قتل 3 أشخاص في القصف حتى 8 مساء") if c.value == 8]


def test_victims_as_the_counted_noun_are_the_dead():
    got = _kv("ارتفاع حصيلة الهجوم على السوق إلى 27 ضحية بينهم 9 أطفال")
    assert ("killed", 27, "all") in got
    # identifying victims is no toll
    assert not [v for k, v, g in _kv("وجرى التعرف على هوية 14 ضحية حتى الآن") if k == "killed"]


def test_a_part_that_got_away_is_no_part_of_those_held():
    got = _kv("خطف مسلحون 312 تلميذا من المدرسة، لكن 25 منهم تمكنوا من الفرار في الطريق.")
    assert ("hostages_held", 312, "all") in got
    assert not [v for k, v, g in got if v == 25]
    # a part of the displaced that fled is displaced
    got = _kv("وقالت المفوضية إن عدد النازحين بلغ 158 ألفا، منهم 128 ألفا داخل البلاد و30 ألفا فروا شمالا.")
    assert [k for k, v, g in got if v == 30000] == ["displaced"]
