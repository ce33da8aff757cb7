"""Duals of nouns with a sound plural count two in the nominative only ("نفذ الهجوم مسلحان"):
their accusative/genitive ("مسلحين") is spelt like the plural and stays a noun of many;
a broken plural's noun counts two in both ("طالبتين", "ضابطين").  Own sentences."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document


def claims(text):
    return [(c.kind, c.value) for c in extract(Document(id="x", text=text)) if c.kind != "other"]


def test_a_nominative_dual_is_two():
    assert claims("ونفذ الهجوم مسلحان قتلتهما قوات الأمن قرب المتحف") == [("killed", 2)]
    assert claims("ولقي مواطنان حتفهما في القصف") == [("killed", 2)]


def test_a_broken_plurals_dual_is_two_in_the_accusative_too():
    assert claims("وخطف المسلحون طالبتين من المدرسة") == [("hostages_held", 2)]


def test_the_plural_spelling_is_no_count_and_the_movement_is_no_dual():
    assert claims("وقتلت قوات الأمن مسلحين في الهجوم") == []
    assert claims("وأعلنت حركة طالبان مسؤوليتها عن الهجوم") == []
