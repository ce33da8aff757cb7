"""Session 45 (issue 8, extract): casualty and displacement constructions.

- the dual of "others" ("وأصيب اثنان آخران") is no counted noun: the figure is bare and its verb types it;
- a killed verb whose subject is a person noun with its adjective of origin ("إن جنديا صينيا قتل
  وأصيب خمسة آخرون") is no combined figure of casualties;
- a search right before the figure names the missing (rules/kinds/missing_searched.yaml), a
  manhunt does not;
- a part told as an aside ("29 شخصا بينهم 5 نساء لا يزالون في عداد المفقودين") does not stop the
  whole's own predicate;
- displaced's own predicate of flight reaches past the long names of the people.
"""

from crosscheck.extract.extractor import extract_text


def _claims(text):
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


def test_the_dual_of_others_is_no_counted_noun():
    assert ("injured", 2) in _claims("وقالت الوزارة إن رجلين قتلا وأصيب اثنان آخران في الانفجار")


def test_a_killed_verb_whose_subject_has_an_adjective_of_origin():
    assert ("injured", 4) in _claims("وأعلنت البعثة أن شرطيا نيباليا قتل وأصيب أربعة آخرون في الهجوم")


def test_killed_and_wounded_joined_without_a_subject_stay_combined():
    assert ("injured", 40) not in _claims("أسفر القصف عن مقتل وإصابة 40 شخصا")


def test_the_people_searched_for_are_missing():
    assert ("missing", 7) in _claims("وانتشلت الفرق 30 جثة فيما يتواصل البحث عن سبعة صيادين")


def test_a_manhunt_is_no_search_for_the_missing():
    assert _claims("وتواصل الشرطة البحث عن ثلاثة مشتبه بهم فروا من موقع الحادث") == []


def test_a_part_as_an_aside_keeps_the_wholes_own_predicate():
    claims = _claims("وقال الدفاع المدني إن 31 شخصا بينهم 6 أطفال ما زالوا في عداد المفقودين")
    assert ("missing", 31) in claims and ("missing", 6) in claims


def test_a_part_of_another_kind_still_stops_the_search():
    assert ("missing", 40) not in _claims("وقال إن 40 شخصا بينهم 6 قتلى ما زالوا في عداد المفقودين")


def test_displaced_by_their_own_verb_far_after_the_figure():
    assert ("displaced", 1800) in _claims(
        "وقالت الوكالة إن نحو 1800 شخص من سكان القرى الواقعة على طول الحدود الشمالية نزحوا خلال الليل")


def test_a_part_of_the_victims_named_without_a_figure_is_killed():
    claims = [(c.kind, c.value, c.group) for c in extract_text(
        "وأقيمت جنازة رسمية لضحايا انهيار الجسر، الذين كان بينهم ثمانية فرنسيين") if c.kind != "other"]
    assert ("killed", 8, "nationals:france") in claims


def test_the_families_of_the_victims_are_no_part_of_them():
    assert _claims("والتقى الوزير أسر الضحايا، وبينهم 5 أطفال") == []

