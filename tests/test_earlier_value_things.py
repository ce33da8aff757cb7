"""An earlier value after a toll whose noun is followed by the things it comes from ("1081 حاجا
من عشر دول، بعد أن كانت 922"): those things are part of the toll's phrase, not the claim the
marker gives the earlier value of."""

from crosscheck.extract.extractor import extract_text


def _claims(text):
    return [(c.kind, c.value, c.period) for c in extract_text(text)]


def test_the_tolls_origin_does_not_hide_its_earlier_value():
    # before: "عشر دول" stood last, so 922 had no toll to be the earlier value of (no claim)
    got = _claims("وارتفع عدد الضحايا إلى 1200 قتيل من سبع دول، بعد أن كانت 950 أمس الخميس.")
    assert ("killed", 950, "superseded") in got


def test_across_an_aside_of_source():
    got = _claims("وارتفع عدد الضحايا إلى 1200 قتيل من سبع دول، بحسب حصيلة أعدتها الوكالة، بعد أن كانت 950 أمس.")
    assert ("killed", 950, "superseded") in got


def test_things_of_their_own_clause_still_block():
    # the camps stand in a clause of their own: no toll right before the marker
    got = _claims("وقتل 40 شخصا. ودمرت السيول 300 منزل، بعد أن كانت 120 أمس.")
    assert ("killed", 120, "superseded") not in got


def test_a_long_aside_of_source():
    # a source aside of a dozen words (more than the former reach of 10) before the marker
    got = _claims(
        "وارتفعت حصيلة القتلى إلى 530 قتيلا، وفق إحصاء أجرته الوكالة السبت بناء على بيانات رسمية "
        "وشهادات أطباء من المستشفيات الثلاثة، بعد أن كان 410 أمس."
    )
    assert ("killed", 410, "superseded") in got
