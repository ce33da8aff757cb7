"""Kind constructions of session 21 (issue 8), own sentences: a cue after a clause opener heads
its own hedged figure; a pronoun's antecedent in its own clause; lengths of lockdowns, sieges,
offensives, battles and operations; hours that make no whole day; a bare figure "lost" is
missing; a longer cue of the same kind does not hide a shorter one."""

from crosscheck.extract.extractor import extract_text


def _kinds(text):
    return {(c.kind, c.value) for c in extract_text(text)}


def test_cue_after_an_opener_heads_its_own_hedged_figure():
    text = "وارتفع عدد القتلى المدنيين منذ بدء القصف إلى 140، بينهم 31 طفلا، فيما نزح أكثر من 90 ألف شخص"
    got = _kinds(text)
    assert ("killed", 140) in got and ("killed", 31) in got
    assert ("displaced", 90000) in got and ("displaced", 140) not in got


def test_pronoun_antecedent_in_its_own_clause():
    text = "وتحطمت الطائرة أثناء مهمة إجلاء، ما أسفر عن مقتل جميع الركاب وعددهم 14، بينهم 3 من الطاقم"
    got = _kinds(text)
    assert ("killed", 14) in got and ("displaced", 14) not in got
    assert ("killed", 3) in got
    # the antecedent ending the clause before still counts
    assert ("killed", 125) in _kinds("وشيعت المدينة قتلى التدافع، الذين بلغ عددهم 125")


def test_lengths_of_lockdowns_sieges_offensives_and_operations():
    assert ("duration_days", 10) in _kinds("وفرضت الحكومة إغلاقا لمدة 10 أيام على المدينتين")
    assert ("duration_days", 14) in _kinds("ومددت السلطات الإغلاق المفروض على الإقليم أسبوعين إضافيين")
    assert ("duration_days", 12) in _kinds("وقتل 40 مدنيا خلال الهجوم الذي استمر 12 يوما على البلدة")
    assert ("duration_days", 95) in _kinds("وانتهت معارك المدينة القديمة، التي استمرت 95 يوما، بسيطرة الجيش")
    assert ("duration_days", 6) in _kinds("وأعلن الجيش انتهاء الإجلاء في عملية استمرت ستة أيام متواصلة")
    # an attack named with a time since something else, and incidents counted as operations
    assert not any(k == "duration_days" for k, _v in _kinds("وقتل 30 شخصا في أعنف هجوم تشهده المدينة منذ ثلاث سنوات"))
    assert ("other", 310) in _kinds("وسجلت المنظمة 310 عملية اختطاف خلال الأشهر الستة")


def test_hours_of_a_lasting_verb_count_as_days_only_when_whole():
    assert ("duration_days", 3) in _kinds("وكان الحصار قد استمر 72 ساعة قبل اقتحام المبنى")
    got = _kinds("وكان الحصار قد استمر 30 ساعة قبل اقتحام المبنى")
    assert not any(k == "duration_days" for k, _v in got)
    # a truce's hours named with it keep their fraction (duration_days)
    assert ("duration_days", 1.5) in _kinds("وأعلن الجيش هدنة لمدة 36 ساعة لإجلاء الجرحى")


def test_a_bare_figure_lost_is_missing():
    got = _kinds("قتل 12 شخصا على الأقل وفُقد 30 آخرون في السيول")
    assert ("missing", 30) in got and ("killed", 30) not in got
    assert ("killed", 35) in _kinds("وخسرت البلدة 35 من أبنائها في القصف")


def test_a_longer_cue_of_the_same_kind_does_not_hide_a_shorter_one():
    # "من الهجوم" (time since an attack) holds "الهجوم" (an attack's length): both durations
    text = "وجاءت بعد عشرة أسابيع من الهجوم على السوق، الذي قتل فيه 17 شخصا على مدى ثلاثة أيام."
    got = _kinds(text)
    assert ("duration_days", 3) in got and ("duration_days", 70) in got


def test_a_headline_figure_and_its_lead_with_a_start_are_one_claim():
    text = "مقتل 17 شخصا في سيول على الإقليم\n\nقُتل 17 شخصا على الأقل جراء سيول تضرب الإقليم منذ الأحد، بحسب الدفاع المدني."
    got = [c for c in extract_text(text) if c.kind == "killed" and c.value == 17]
    assert len(got) == 1 and len(got[0].mentions) == 2


def test_people_in_shelters_and_temporary_housing_are_displaced():
    assert ("displaced", 12000) in _kinds("وقالت الوكالة إن أكثر من 12 ألف شخص يقيمون حاليا في ملاجئ مؤقتة")
    assert ("displaced", 3000) in _kinds("وأضافت أن نحو 3 آلاف شخص لا يزالون في الملاجئ بعد انحسار المياه")
    assert ("displaced", 4120) in _kinds("وبلغ عدد من جرى إيواؤهم منذ بدء العاصفة 4 آلاف و120 شخصا")
    assert ("displaced", 40) not in _kinds("وقالت البلدية إن 40 عاملا يقيمون في مساكن العمال قرب المصنع")


def test_a_cue_after_and_opening_the_next_item_is_not_the_figure_s():
    # the figure has its own cue right before it; "ووفاة طفل" is the next item
    got = _kinds("إيواء 1860 شخصا ووفاة طفل في العاصفة")
    assert ("displaced", 1860) in got and ("killed", 1860) not in got
    assert ("injured", 20) in _kinds("قتل 5 أشخاص وإصابة 20 في الانفجار")


def test_a_cue_an_earlier_figure_stands_between_yields_to_the_figure_s_own():
    got = _kinds("ارتفاع عدد القتلى إلى 64 وعشرات الآلاف بلا مأوى")
    assert ("killed", 64) in got and ("displaced", 10000) in got and ("killed", 10000) not in got
    # a list sharing its verb keeps it
    got = _kinds("قتل 5 أطفال و3 نساء في القصف")
    assert ("killed", 5) in got and ("killed", 3) in got


def test_the_predicate_of_the_figure_before_is_not_the_next_item_s():
    got = _kinds("وقالت السلطات إن 210 أشخاص قتلوا و45 لا يزالون مفقودين")
    assert ("killed", 210) in got and ("missing", 45) in got and ("killed", 45) not in got


def test_a_dual_item_after_a_noun_with_its_definite_complement_joins_the_list():
    got = extract_text("وقال الوزير إن القتلى هم 60 عاملا وأربعة من رجال الإطفاء وجنديان")
    duals = [c for c in got if c.value == 2]
    assert duals and duals[0].kind == "killed" and duals[0].group == "soldiers"


def test_the_victims_of_a_disaster_as_the_subject_are_its_dead():
    assert ("killed", 380) in _kinds("ضحايا زلزال الجزيرة يقتربون من 380")
    assert ("killed", 64) in _kinds("وأعلنت الشرطة أن الحصيلة النهائية لضحايا حريق المصنع بلغت 64 شخصا")
    assert ("injured", 30) in _kinds("وأصيب 30 من ضحايا الحريق بحروق")


def test_a_flight_s_number_is_no_count():
    got = _kinds("وتجمعت أسر ضحايا رحلة الخطوط الجوية 715 في موقع سقوط الطائرة التي أودت بحياة 88 شخصا")
    assert ("killed", 715) not in got and ("killed", 88) in got
    assert ("killed", 150) in _kinds("وكانت الرحلة تقل 150 راكبا لقوا حتفهم جميعا")
