"""Captives as outlets write them (session 33, issue 8): travellers and farmers are people a
group takes; the word hostages right after a counted noun makes it a count held whatever the verb
of taking; the captors' verb in the subjunctive ("قبل أن يفرجوا عن 10 منهم") or with a word of
time before its "عن" frees a part of those taken; and in a swap told in an article about an
abduction, the side opposite the prisoners is the captives freed, even when the sentence says
"صفقة" or "تبادل"."""

from crosscheck.extract.extractor import extract_text


def _claims(text):
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


def test_travellers_are_people_held():
    # (before: "مسافر" was no person noun: the 450 stayed untyped)
    claims = extract_text("وقالت الشرطة إن الخاطفين احتجزوا نحو 450 مسافرا في محطة الحافلات")
    held = [c for c in claims if c.kind == "hostages_held"]
    assert [(c.value, c.group) for c in held] == [(450, "passengers")]


def test_as_hostages_right_after_the_noun_whatever_the_verb():
    # (before: أخذ/اقتاد are no cues, and "كرهائن" after the noun typed nothing)
    assert _claims("وأخذ المسلحون 18 عاملا كرهائن في المنجم") == [("hostages_held", 18)]
    assert _claims("واقتاد الخاطفون 40 مزارعا كرهائن إلى الغابة") == [("hostages_held", 40)]


def test_captives_counted_again_keep_their_release():
    # "الرهائن" before the figure names the captives just freed, counted again through the
    # pronoun: a release, not a count held (no cue of holding in the bare word)
    text = "وأعلن الجيش تحرير 49 رهينة كان التنظيم يحتجزهم منذ أشهر. والرهائن هم 46 تركيا و3 عراقيين"
    assert ("hostages_held", 46) not in _claims(text) and ("hostages_released", 46) in _claims(text)


def test_hostages_after_the_noun_yield_to_a_release_verb():
    assert _claims("وأطلق المسلحون سراح 14 مسافرا كرهائن في المحطة") == [("hostages_released", 14)]


def test_a_part_freed_in_the_subjunctive():
    # (before: "يفرجوا" was no cue, and the 10 took the kind of the 30 held)
    text = "وخطف المسلحون 30 عاملا من المحجر قبل أن يفرجوا عن 10 منهم"
    assert _claims(text) == [("hostages_held", 30), ("hostages_released", 10)]


def test_a_part_freed_with_a_word_of_time_before_its_an():
    text = "وخطف المسلحون 30 عاملا من المحجر، ثم أفرجوا لاحقا عن 10 منهم"
    assert _claims(text) == [("hostages_held", 30), ("hostages_released", 10)]


def test_the_release_verb_after_before_heads_its_own_figure():
    # "قبل" opens what happened next: its verb types the figure after it, not the one before
    text = "وخطف المسلحون 25 عاملا قبل أن يفرجوا عن 7 رهائن"
    assert _claims(text) == [("hostages_held", 25), ("hostages_released", 7)]


ABDUCTION = "وكانت الكتيبة قد خطفت الزوار قبل خمسة أشهر. "


def test_the_captives_side_of_a_swap_in_an_abduction():
    # (before: "صفقة" in the sentence made both sides prisoners)
    text = ABDUCTION + "بدء صفقة الإفراج عن 48 زائرا مقابل 2130 معتقلا"
    claims = _claims(text)
    assert ("hostages_released", 48) in claims and ("prisoners_released", 2130) in claims
    assert ("prisoners_released", 48) not in claims


def test_the_captives_side_after_the_joiner():
    text = ABDUCTION + "وفي صفقة التبادل أفرجت السلطات عن 153 سجينة مقابل 16 امرأة"
    claims = _claims(text)
    assert ("prisoners_released", 153) in claims and ("hostages_released", 16) in claims


def test_a_swap_between_states_keeps_both_sides_prisoners():
    # "في الأسر" alone (prisoners of war) does not arm the sides: no abduction, no hostages
    text = "وفي عملية تبادل بين البلدين، أفرج الجيش عن 40 جنديا مقابل 40 أسيرا من الطرف الآخر قضوا أشهرا في الأسر"
    assert [k for k, _v in _claims(text)] == ["prisoners_released", "prisoners_released"]


def test_a_side_beyond_the_clause_is_not_read():
    # the prisoners stand past a comma: the 48 is no side opposite them
    text = ABDUCTION + "وفي صفقة التبادل أفرجت الكتيبة عن 48 زائرا، مقابل وعود بالإفراج عن معتقلين"
    claims = _claims(text)
    assert ("prisoners_released", 48) in claims


def test_the_whole_after_min_asl_of_captives_freed_is_those_held():
    # (before: "من أصل 72" was read as a body size and dropped)
    claims = _claims("وحررت القوات 71 رهينة من أصل 72 كان المسلحون يحتجزونهم في المبنى")
    assert claims == [("hostages_released", 71), ("hostages_held", 72)]
    claims = _claims("وأفرج الخاطفون عن 17 سائحا أوروبيا من أصل 32 سائحا خطفوا في الصحراء")
    assert claims == [("hostages_released", 17), ("hostages_held", 32)]


def test_min_asl_stays_a_body_size_elsewhere():
    assert _claims("ونال المشروع 11 صوتا من أصل 15") == [("votes_for", 11)]
    # ... and after a release of prisoners (a deal's whole would be grouped with its own batch)
    assert _claims("وأفرجت السلطات عن 26 أسيرا من أصل 104 شملهم الاتفاق") == [("prisoners_released", 26)]
    # ... and past a comma: the whole is not the captives' pool
    assert ("hostages_held", 40) not in _claims("وأفرج الخاطفون عن 12 رهينة، من أصل 40 مقعدا في الحافلة")
