"""Captives named again and counted as a part of them through "بينهم" (rules/scope.yaml
captive_copulas), typed by the latest claim of a kind the word names (not the latest captive
claim of another kind): "المفرج عنهم، وبينهم 6 نساء، نقلوا إلى المستشفى"."""

from crosscheck.extract.extractor import extract_text


def _claims(text):
    return [(c.kind, c.value, c.group) for c in extract_text(text) if c.kind != "other"]


def test_a_part_of_the_freed_through_baynahum():
    text = ("أفرج الخاطفون عن 11 من الرهائن السبت، ولا يزال 49 رهينة في قبضة الخاطفين. وقال الوسيط إن المفرج عنهم، "
            "وبينهم 6 نساء، نقلوا إلى المستشفى")
    assert ("hostages_released", 6, "women") in _claims(text)


def test_the_freed_named_again_are_not_the_captives_still_held():
    text = ("أفرج الخاطفون عن 11 من الرهائن السبت، ولا يزال 49 رهينة في قبضة الخاطفين. وقال الوسيط إن المفرج عنهم، "
            "وبينهم 6 نساء، نقلوا إلى المستشفى")
    assert not [c for c in _claims(text) if c[1] == 6 and c[0] != "hostages_released"]


def test_no_captives_before_no_claim():
    assert _claims("وقال الوسيط إن المفرج عنهم، وبينهم 6 نساء، نقلوا إلى المستشفى") == []
