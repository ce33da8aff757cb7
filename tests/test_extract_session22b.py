"""Extraction fixes of session 22 (issue 8), in sentences written for these tests."""

from crosscheck.extract.extractor import extract_text


def _kv(text):
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


def test_a_nationality_describing_a_thing_before_one_counts_no_person():
    # the veto is the one thing; no person is counted by "روسي واحد"
    got = [(c.kind, c.value, c.surface) for c in extract_text("قتل 300 شخص، وسقط مشروع القرار بفيتو صيني واحد.")]
    assert ("vetoes", 1, "بفيتو صيني واحد") in got
    assert not [g for g in got if g[2] == "صيني واحد"]  # not even an untyped figure
    got = _kv("قتل ثلاثة مدنيين بصاروخ إيراني واحد أصاب المبنى.")
    assert got == [("killed", 3)]
    # a nationality after a person, or alone, still counts one
    assert ("killed", 1) in _kv("وقتل في الهجوم جندي روسي واحد.")
    assert ("injured", 1) in _kv("وأصيب ستة بريطانيين وكندي واحد.")
