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


# A bare case noun ("حالة" with no noun of death after it) counts cases, not deaths, when the
# deaths drawn from it follow ("توفي منها"), when a count of deaths precedes it in its clause, or
# when a case noun of its own frames it (rules/scope.yaml case_died_after, case_reach).
@pytest.mark.parametrize("text,deaths,cases", [
    ("وقالت المنظمة إن التفشي سجل في المحصلة 412 حالة توفي منها 260.", 260, 412),
    ("وأحصت الولاية حتى الآن 180 وفاة وأكثر من 2300 حالة منذ بدء الوباء.", 180, 2300),
    ("وقال المتحدث إن 47 شخصا توفوا، وإن العدد الإجمالي لحالات التسمم بلغ 3900 حالة.", 47, 3900),
    ("وكانت الحصيلة مطلع الشهر 61 وفاة و520 حالة مشتبها بها.", 61, 520),
])
def test_bare_cases_beside_deaths_are_not_deaths(text, deaths, cases):
    k = _kinds(text)
    assert k[deaths] == "killed"
    assert k.get(cases) != "killed"


@pytest.mark.parametrize("text,value", [
    ("وبلغ عدد الوفيات بالحمى في المدينة 75 حالة.", 75),
    ("وارتفع عدد حالات الوفاة في المحافظة إلى 91 حالة.", 91),
    ("توفي 12 شخصا بين 300 مصاب، وسجلت المستشفيات 9 حالات وفاة أخرى.", 9),
])
def test_deaths_counted_as_cases_stay_deaths(text, value):
    assert _kinds(text)[value] == "killed"
