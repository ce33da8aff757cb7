"""Every example of rules/nisba.yaml, run through its interpreter (crosscheck.extract.nisba):
plural `hit` words are nouns of people and `miss` words are not; a singular `hit` ("500 إيزيدي")
is a nisba after a hundred and a `miss` is not; a subset label `hit` gives that label and a `miss`
never gives the label named.  Then a few sentences through the extractor show the tables at work."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract_text
from crosscheck.extract.nisba import nisba_for
from crosscheck.ruleset.loader import load_rules
from crosscheck.text.normalize import normalize
from crosscheck.text.tokens import tokenize

RULES = load_rules().nisba
LEX = nisba_for(RULES)
PLACES = {"كينيا": None}  # a stand-in gazetteer look-up: only "كينيا" is a place here


def _toks(text: str):
    return tokenize(normalize(text).text)


def _cases(examples):
    return [(w, True) for w in examples.hit] + [(w, False) for w in examples.miss]


@pytest.mark.parametrize("word,hit", _cases(RULES.plural.examples), ids=str)
def test_plural_example(word, hit):
    toks = _toks(word)
    assert len(toks) == 1, f"{word!r}: one word expected"
    assert LEX.people(toks[0]) is hit, f"{word!r} should {'' if hit else 'not '}be a noun of people"


@pytest.mark.parametrize("pair,hit", _cases(RULES.singular.examples), ids=str)
def test_singular_example(pair, hit):
    toks = _toks(pair)
    assert len(toks) >= 2, f"{pair!r}: the figure, then the word"
    assert LEX.after_hundreds(toks, len(toks) - 1) is hit, f"{pair!r} should {'' if hit else 'not '}count people"


@pytest.mark.parametrize("word,label", sorted(RULES.subset_label.examples.hit.items()))
def test_subset_label_hit(word, label):
    assert LEX.subset_label(_toks(word)[0], PLACES, word) == normalize(label).text


@pytest.mark.parametrize("word,label", sorted(RULES.subset_label.examples.miss.items()))
def test_subset_label_miss(word, label):
    assert LEX.subset_label(_toks(word)[0], PLACES, word) != normalize(label).text


def test_every_section_has_hits_and_misses():
    for section in (RULES.plural, RULES.singular, RULES.subset_label):
        assert section.examples.hit and section.examples.miss


def test_tables_at_work_in_sentences():
    # a nisba names the subset of a toll, and keeps a first letter that looks like a clitic
    claims = extract_text("أفرج الخاطفون عن 40 رهينة بينهم 12 كينيا")
    assert any(c.value == 12 and c.group == "subset:كينيا" for c in claims), claims
    # a casualty part named by a nationality is those nationals (rules/scope.yaml nationals_parts)
    claims = extract_text("قتل 40 شخصا في الهجوم بينهم 12 كينيا")
    assert any(c.value == 12 and c.group == "nationals:kenya" for c in claims), claims
    # any counted noun keeps a first letter that looks like a preposition ("ب", "ل", "ف", "ك")
    claims = extract_text("أفرج عن 40 معتقلا بينهم 15 بحارا و6 فلاحين و3 كهنة")
    groups = {c.value: c.group for c in claims}
    assert groups.get(15) == "subset:بحارا" and groups.get(6) == "subset:فلاحين", claims
    assert groups.get(3) == "subset:كهنه", claims
    # a figure counted in a nationality is a count of people: "قتل 87 مغربيا"
    assert any(c.kind == "killed" and c.value == 87 for c in extract_text("قتل 87 مغربيا في الحادث"))
    # an adverb of the same shape counts nobody: "يقتل 5 يوميا" gives no group of "يوميا"
    assert not any(c.group and "يوميا" in c.group for c in extract_text("قتل 40 شخصا بينهم 5 يوميا"))
