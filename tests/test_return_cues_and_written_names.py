"""Session 44 round 2 (extract2): a noun of return ("إعادة", "عودة") types a captive figure only as
its object; people gone back to their homes are no captives freed; a prisoner word read off a
name by stripping a clitic ("فاسيرا" -> "اسيرا") does not disarm the hostage context of an
outlet that writes its hamzas."""

from extract_support import checked_claims as _claims
from extract_support import kinds_values as _kinds


def _released(text):
    return {c.value for c in _claims(text) if c.kind == "prisoners_released"}


# --- a return's noun with an object of its own --------------------------------------------------

def test_return_of_supplies_to_people_is_no_release():
    assert _released("وتعمل الفرق على إعادة إمدادات الغاز إلى ملايين المواطنين في الإقليم") == set()


def test_cost_of_rebuilding_is_no_release():
    assert _released("وتقدر الحكومة كلفة إعادة بناء الموانئ بعشرات الملايين") == set()


def test_return_noun_right_before_its_figure_still_releases():
    assert _released("وتمكنت الحكومة من إعادة أكثر من 300 أسير حرب منذ بدء التبادل") == {300}


def test_return_noun_with_a_word_of_order_before_the_figure():
    text = "وفي صفقة التبادل انتهى الملف بعودة آخر 215 أسيرا إلى بلادهم"
    assert 215 in _released(text)


def test_return_noun_with_the_captives_noun_as_its_object_is_not_vetoed():
    # the object is the captives themselves: the noun of return keeps its reading
    from crosscheck.extract import extractor as E
    from crosscheck.ruleset.loader import load_rules
    from crosscheck.text.normalize import normalize
    from crosscheck.text.tokens import tokenize

    ck = E.compile_rules(load_rules()).by_id["prisoners_released"]
    text = normalize("إعادة الأسرى الـ60 إلى بلادهم").text
    toks = tokenize(text)

    class _Cue:
        def __len__(self):
            return 1

    # the cue at 0, its object "الاسرى" one of the rule's counted nouns
    assert not E._object_of_its_own(ck, toks, (_Cue(), 0, 0), 3, 4)
    text = normalize("إعادة الكهرباء إلى 60 منزلا").text
    toks = tokenize(text)
    assert E._object_of_its_own(ck, toks, (_Cue(), 0, 0), 3, 4)


# --- people gone back to their homes ------------------------------------------------------------

SWAP = "وجرت صفقة التبادل بين الطرفين الأسبوع الماضي. "


def test_return_to_homes_is_no_release():
    text = SWAP + "وقالت السلطات إن 90 ألف شخص أجلوا، عاد نحو 35 ألفا منهم إلى منازلهم"
    assert 35000 not in _released(text)


def test_return_to_houses_with_the_verb_is_no_release():
    assert _released(SWAP + "وعاد 2000 شخص إلى بيوتهم في المدينة") == set()


def test_return_to_villages_after_return_noun_is_no_release():
    text = SWAP + "ولا يزال الآلاف نازحين بعد عودة عشرات الآلاف إلى قراهم المهدمة"
    assert _released(text) == set()


def test_return_home_from_captivity_to_their_country_still_releases():
    assert 150 in _released(SWAP + "وبموجب صفقة التبادل عاد 150 جنديا إلى بلادهم مساء الأحد")


# --- a prisoner word read off a name ------------------------------------------------------------

ABDUCTION = "وكانت الجماعة قد خطفت 139 تلميذة من المدرسة الداخلية. "


def test_name_that_looks_like_clitic_and_prisoner_word_keeps_hostage_context():
    text = ABDUCTION + "وقالت المديرة مارتا فاسيرا، التي أعادت 96 تلميذة في يوم الخطف، إنها لن تهدأ"
    kinds = _kinds(text)
    assert ("hostages_released", 96) in kinds
    assert ("prisoners_released", 96) not in kinds


def test_prisoner_word_with_clitic_and_hamza_still_disarms():
    kinds = _kinds(ABDUCTION + "وأعادت الحكومة 40 طالبا ضمن إفراج عام للأسرى")
    assert ("prisoners_released", 40) in kinds


def test_outlet_without_hamzas_reads_bare_alef_as_the_word():
    # an outlet that writes no hamza at all: a bare alef says nothing of the word
    text = "وكانت الجماعة قد خطفت 139 تلميذة من المدرسة. واعادت الحكومة 40 طالبا ضمن افراج عام للاسرى"
    assert ("prisoners_released", 40) in _kinds(text)
