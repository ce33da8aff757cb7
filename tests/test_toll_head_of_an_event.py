"""Session 45 (issue 8): "حصيلة" in construct with the event it is the toll of reaches its
figure as "الحصيلة" does: after a toll of the article ("وحصيلة الحرب تتجاوز المئة", scope
toll_anaphors), and as the subject of a verb of exceeding when the event is named by a cue that
only dates a span ("حصيلة موجة البرد تتجاوز 40": a toll of the dead; "حصيلة الإصابات" still
names its own kind)."""

from crosscheck.extract.extractor import extract_text


def _claims(text):
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


def test_a_construct_toll_named_again_after_a_toll():
    claims = _claims("أعلن الجيش مقتل 12 جنديا وحصيلة الاشتباكات قد ترتفع إلى 30")
    assert ("killed", 30) in claims


def test_the_toll_of_a_weather_event_exceeding_its_figure():
    assert ("killed", 40) in _claims("حصيلة موجة البرد في البلاد تتجاوز 40")


def test_a_toll_head_before_a_kind_noun_keeps_that_kind():
    assert _claims("حصيلة الإصابات في البلاد تتجاوز 40") == [("injured", 40)]
