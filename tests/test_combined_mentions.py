"""A stated combination ("في البلدين") is read at every place its article states the figure:
an article that opens with its headline ("13 قتيلا جراء العاصفة") and tells the same figure
again in the body "إلى 13 قتيلا في البلدين" gives one claim whose first place is the headline;
the body's place, next to the phrase, makes it the two countries' combined toll, not one
country's (a part of it would else be compared with it as with its whole).
"""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.ruleset.loader import load_rules

TEXT = ("13 قتيلا جراء العاصفة المدارية\n"
        "ارتفعت حصيلة ضحايا العاصفة المدارية إلى 13 قتيلا في البلدين، بينهم تسعة في اليمن "
        "وأربعة في سلطنة عمان، بحسب السلطات.\n")


def _thirteen(text):
    d = Document(id="storm", text=text, date="2024-05-14")
    claims = extract(d, load_rules())
    clusters = reconcile(claims, [d])
    (c,) = [x for cl in clusters for x in cl.claims if x.kind == "killed" and x.value == 13]
    return c


def test_the_bodys_place_of_a_headline_figure_reads_its_combination():
    c = _thirteen(TEXT)
    assert len(c.mentions) >= 2  # the headline's place and the body's
    assert "+" in (c.location or "") or (c.location or "").startswith("combined")


def test_a_figure_stated_once_next_to_the_phrase_is_combined_as_before():
    c = _thirteen(TEXT.split("\n", 1)[1])
    assert "+" in (c.location or "") or (c.location or "").startswith("combined")
