"""Counts named by a pronoun ("…، وعددهم 14 شخصا") take the kind of what befell their
antecedent in the clause before (issue 8); sentences written for these tests."""

from crosscheck.extract.extractor import extract_text


def _kv(text):
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


def test_captives_freed_counted_by_their_pronoun():
    got = _kv("وأطلق المسلحون سراح الموظفين المخطوفين منذ الشهر الماضي، وعددهم 14 شخصا، بينهم 3 أجانب")
    assert ("hostages_released", 14) in got and ("hostages_released", 3) in got


def test_the_verb_before_a_bridge_word_across_commas():
    got = _kv("وأفرجت الجماعة، مساء أمس، عن عمال الإغاثة المخطوفين في الجبال منذ أشهر، وعددهم 11 شخصا")
    assert got == [("hostages_released", 11)]


def test_the_rest_of_the_captives_whose_release_is_sought_are_held():
    got = _kv("وقال الوسيط إن المفاوضات جارية لإطلاق سراح بقية المخطوفين، وعددهم 30 شخصا")
    assert got == [("hostages_held", 30)]


def test_seized_counted_by_their_pronoun():
    assert _kv("وخطف مسلحون العمال من مواقع البناء في المدينة، وعددهم 12 شخصا") == [("hostages_held", 12)]


def test_a_verb_of_firing_frees_no_one():
    assert _kv("وأطلق المسلحون النار على الموظفين المخطوفين منذ الشهر الماضي، وعددهم 14 شخصا") == []


def test_an_abducted_group_named_by_its_adjective():
    assert _kv("وتحدثت مصادر عن الإفراج عن 30 عاملا مخطوفا في الصحراء") == [("hostages_released", 30)]


def test_a_short_quoted_name_is_part_of_its_phrase():
    from crosscheck.text.tokens import tokenize

    toks = tokenize('بعد انتهاء عملية "درع الشمال" التي استمرت 52 يوما، وقال: "انتهت" أمس')
    assert [t.brk_before for t in toks[:9]] == [False] * 9
    # a quote after a colon opens a clause; a name holding a figure keeps its quotes
    assert toks[10].brk_before
    toks = tokenize('غرقت العبارة "النجمة 95" التي')
    assert toks[2].brk_before and toks[4].brk_before


def test_a_quoted_figure_phrase_stays_with_its_verb_and_noun():
    from crosscheck.text.tokens import tokenize

    # the figure phrase in quotes, a comma after it: only the opening quote stops cutting
    toks = tokenize('وقال إن العدو خسر "قرابة 200 مقاتل"، بحسب تقديره')
    assert [t.brk_before for t in toks[:8]] == [False] * 7 + [True]
    # the hedge and figure quoted, the noun after the closing quote
    toks = tokenize('وأكد أن “زهاء 40” مدنيا قتلوا')
    assert not any(t.brk_before for t in toks)
    # a definite word before the figure is a name; a quotation longer than the phrase keeps its breaks
    assert tokenize('غرقت العبارة "السفينة الكبرى 95" التي')[2].brk_before
    assert tokenize('وقال "قتل 40 مدنيا في القصف الليلة" أمس')[1].brk_before
    got = {(c.kind, c.value) for c in extract_text('وقال المتحدث إن العدو خسر "قرابة 200 مقاتل"، بحسب تقديره.')}
    assert ("killed", 200) in got
    # a longer figure phrase, a two-word hedge and a nisba after the noun, stays with its verb
    got = {(c.kind, c.value) for c in extract_text('وقال المتحدث إن مقاتليه قتلوا "أكثر من 20 جنديا سعوديا" في الهجوم.')}
    assert ("killed", 20) in got
    # ... and so does one with a four-word hedge before the figure
    got = {(c.kind, c.value) for c in extract_text('وقال القائد إن رجاله قتلوا "ما لا يقل عن 60 عنصرا" في الكمين.')}
    assert ("killed", 60) in got
    # ... but a quoted code with a digit glued to its letters keeps its breaks
    assert tokenize('بفيروس "إيه إتش1 إن1" إلى 56 حالة')[1].brk_before


def test_a_named_operation_lasting_so_long():
    got = [(c.kind, c.value, c.event) for c in extract_text('وعاد السكان بعد انتهاء عملية "درع الشمال" التي استمرت 52 يوما')]
    assert got == [("duration_days", 52, "war")]
    assert _kv("وخضع المصاب لعملية جراحية استمرت 9 ساعات") == []


def test_an_earlier_value_after_a_subset_aside_is_the_totals():
    got = [(c.kind, c.value, c.group) for c in extract_text(
        "وارتفع عدد قتلى الحريق إلى 48 قتيلا، بينهم 11 من رجال الإطفاء، بعد أن كان 35 صباح اليوم")]
    assert ("killed", 35, "all") in got and ("killed", 48, "all") in got


def test_an_earlier_value_after_a_since_aside():
    for text in ("وارتفع عدد قتلى الجيش في المعارك إلى 48 منذ 3 نيسان، بعد أن كان 35 قبل أسبوع",
                 "وارتفع عدد قتلى الجيش في المعارك إلى 48 منذ بدء الهجوم، بعد أن كان 35 قبل أسبوع"):
        assert ("killed", 35) in _kv(text)
    # a figure of another kind between: not the earlier value of the toll
    assert ("killed", 35) not in _kv("وارتفع عدد قتلى الجيش إلى 48، في حين أصيب 20 آخرون، بعد أن كان 35 قبل أسبوع")


def test_the_holding_named_by_its_noun():
    assert _kv("وخطف مسلحون عمالا. ويأتي ذلك بعد يوم من احتجاز الجماعة 20 سائق شاحنة في محطة وقود") == [("hostages_held", 20)]
    assert _kv("وخطف مسلحون عمالا. وأمرت المحكمة باحتجاز 20 متظاهرا") == []


def test_attackers_holding_people_are_hostage_takers():
    got = _kv("وهاجم مسلحون قاعة الحفلات حيث احتجز المهاجمون قرابة مئة شخص قبل اقتحام القاعة")
    assert got == [("hostages_held", 100)]
