"""Captives named again in the accusative after "إن" ("إن المخطوفين هم 9 مهندسين") are counted
through the pronoun like the nominative "المخطوفون هم" (rules/scope.yaml captive_anaphors), and a
subset said after them ("وإن بينهم ثلاث نساء") is a part of those captives."""

from crosscheck.extract.extractor import extract_text

TEXT = ("خطف مسلحون 11 عاملا قرب الحدود الشمالية. وقالت الشركة في بيان إن المخطوفين هم 9 مهندسين "
        "وسائقان، وإن بينهم ثلاث نساء.")


def test_accusative_anaphor_counts_captives():
    got = {c.value: c.kind for c in extract_text(TEXT)}
    assert got[11] == "hostages_held"
    assert got[9] == "hostages_held"
    assert got[3] == "hostages_held"
