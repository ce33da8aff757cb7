"""What befell captives in one sentence of a rescue (session 26, issue 8): those who came out
alive are freed, the one killed is killed, the wounded are injured; the pool a part was taken
from ("71 من الرهائن الـ72") is not the total of the people named after it; a "one" read after
its noun ("رهينة واحدة") does not carry the "و" that joins the next item of a list."""

from crosscheck.extract.extractor import extract_text


def _claims(text):
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


RESCUE = ("وانتهت عملية الاقتحام بعد ساعة، ونجا 40 من الرهائن الـ41، بينهم 12 صحفيا، فيما قتلت رهينة "
          "واحدة وجنديان من القوة الخاصة")


def test_one_after_its_noun_is_not_joined_to_the_part_before():
    # (before: "رهينة واحدة" read as a further part of the 40 freed, through the "و" of "واحدة")
    assert ("killed", 1) in _claims(RESCUE)
    assert ("hostages_released", 1) not in _claims(RESCUE)


def test_the_part_of_a_pool_takes_the_people_named_after_it():
    claims = _claims(RESCUE)
    assert ("hostages_released", 40) in claims and ("hostages_released", 12) in claims
    assert ("hostages_held", 41) in claims


def test_one_after_its_noun_still_joins_a_list_by_its_noun():
    assert ("killed", 1) in _claims("وقتل 8 سياح بينهم 5 يابانيين وبريطاني واحد")


def test_captors_plural_verb_with_the_day_between():
    assert _claims("وكان الخاطفون قد أفرجوا ليل الخميس عن 17 رهينة آخرين") == [("hostages_released", 17)]


def test_wounded_captives_are_injured():
    assert _claims("وقالت مصادر طبية إن 14 رهينة أصيبوا بجروح طفيفة خلال الاقتحام") == [("injured", 14)]


def test_a_demanded_release_frees_no_one():
    assert _claims("وطالبت منظمة حقوقية الحكومة بالإفراج عن أكثر من 300 معتقل سياسي") == []
    assert _claims("وأفرجت الحكومة عن أكثر من 300 معتقل سياسي") == [("prisoners_released", 300)]
