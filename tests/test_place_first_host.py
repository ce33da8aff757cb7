"""Issue 8: a later item of a breakdown by hosts, each host named before its figure, when the
first item's figure has a word of its own after its noun and no place ("وتستضيف بلد ألف 3.6
مليون لاجئ سوري، وبلد باء 1.5 مليون"): the later figure is that host's figure of the same kind
(crosscheck/extract/place_items.place_first_span).  Own example sentences."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract_text


def _claims(text: str) -> list[tuple[str, float, str | None]]:
    return [(c.kind, c.value, c.location) for c in extract_text(text)]


@pytest.mark.parametrize("sentence,value,location", [
    ("وتستضيف تركيا 3.2 مليون لاجئ سوري، ولبنان 1.1 مليون، بحسب المفوضية.", 1_100_000, "lebanon"),
    ("وتستضيف باكستان نحو مليون لاجئ أفغاني مسجل، وإيران نحو 780 ألفا.", 780_000, "iran"),
    ("لجأ 52 ألفا إلى تركيا، والأردن 41 ألفا.", 41_000, "jordan"),
], ids=str)
def test_later_host_item_takes_the_kind(sentence, value, location):
    got = _claims(sentence)
    assert ("displaced", value, location) in got, got


@pytest.mark.parametrize("sentence,value", [
    # no host named before the later figure: a figure of its own, no item of the breakdown
    ("وتستضيف تركيا 3.2 مليون لاجئ سوري، و12 مخيما على الحدود.", 12),
    # three words between the claim and the comma: no item of the breakdown
    ("وتستضيف تركيا 3.2 مليون لاجئ سوري منذ سنوات طويلة، ولبنان 15 بلدية.", 15),
], ids=str)
def test_not_an_item(sentence, value):
    got = _claims(sentence)
    assert not any(k == "displaced" and v == value for k, v, _ in got), got
