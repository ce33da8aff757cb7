"""Cases of a harm that is not death counted after the dead ("525 وفاة و5011 حالة تسمم"): the
list's second item names by its own noun what the toll's rule never counts (killed's not_nouns),
so it does not take the deaths' kind; a second item of deaths still does."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules


def _kinds(text):
    claims = extract(Document(id="d", text=text, date="2024-05-14"), load_rules())
    return {c.value: c.kind for c in claims}


@pytest.mark.parametrize("text,cases", [
    ("وأحصت الوزارة منذ بداية الموجة 61 وفاة و930 حالة تسمم بالكحول المغشوش.", 930),
    ("وسجلت المحافظة 14 وفاة و2200 حالة إصابة بالكوليرا منذ مطلع الشهر.", 2200),
])
def test_cases_after_deaths_are_not_deaths(text, cases):
    k = _kinds(text)
    assert k.get(61, k.get(14)) == "killed"
    assert k.get(cases) != "killed"


def test_a_second_item_of_deaths_keeps_the_kind():
    k = _kinds("وسجلت المحافظة 14 وفاة في المدينة و20 حالة وفاة في الريف.")
    assert k[14] == "killed" and k[20] == "killed"
