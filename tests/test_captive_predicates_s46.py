"""Session 46 (extractb): what befell captives told after the words naming them (a relative
clause, a nationality, an aside), and the definite dead identified."""

from extract_support import kinds_values as _kinds


ABDUCTION = "وخطف مسلحون عشرات التلاميذ من مدرستهم في الشهر الماضي. "
SIEGE = "واحتجز المسلحون عشرات الرهائن في المصنع. "


def test_return_after_the_captives_relative_clause_is_a_release():
    kinds = _kinds(ABDUCTION + "وقال المحافظ إن 23 تلميذا ممن خطفوا من القرية على أيدي المسلحين أعيدوا مساء أمس إلى ذويهم")
    assert ("hostages_released", 23) in kinds and ("hostages_held", 23) not in kinds
    kinds = _kinds(ABDUCTION + "وأعلن الجيش أن 48 من التلاميذ الذين خطفوا خلال الهجوم على المدرسة عادوا إلى أسرهم")
    assert ("hostages_released", 48) in kinds


def test_still_held_after_the_relative_clause_stays_held():
    kinds = _kinds(ABDUCTION + "وأضاف أن 31 تلميذا ممن خطفوا من المدرسة ما زالوا في قبضة الخاطفين")
    assert ("hostages_held", 31) in kinds and ("hostages_released", 31) not in kinds


def test_return_of_people_not_typed_held_is_no_release():
    # no abduction's verb typed the figure: people going home are not freed captives
    assert ("hostages_released", 300) not in _kinds("وقال المسؤول إن 300 شخص من سكان القرية عادوا إلى منازلهم")


def test_hostages_killed_past_their_nationality_or_an_aside():
    assert ("killed", 16) in _kinds(SIEGE + "وقال مصدر أمني إن 16 رهينة آخرين بينهم مهندسون أجانب قتلوا في الاقتحام")
    assert ("killed", 9) in _kinds(SIEGE + "وأكدت الشركة أن 9 رهائن من العمال الغربيين لقوا حتفهم")


def test_captors_verb_after_the_hostages_is_no_toll_of_them():
    kinds = _kinds(SIEGE + "واحتجز المسلحون 40 رهينة داخل المبنى وقتلوا ثلاثة منهم")
    assert ("killed", 40) not in kinds and ("hostages_held", 40) in kinds
    # people who are not captives: the verb after them may be theirs as killers
    assert ("killed", 5) not in _kinds("وقال الجيش إن 5 مسلحين من عناصر الجماعة المتشددة في المنطقة قتلوا جنديين")


def test_identified_definite_dead_are_the_toll():
    assert ("killed", 36) in _kinds("وأنهت السلطات التعرف على هويات القتلى الـ36 في التدافع")
    assert ("killed", 36) in _kinds("وانتهت الشرطة من التعرف على ضحايا التدافع الـ36")


def test_identified_bodies_counted_first_are_no_toll():
    assert ("killed", 14) not in _kinds("وتمكنت الفرق من التعرف على هويات 14 ضحية حتى الآن")
