"""Firefighters and gunmen are their own parts of a toll (rules/scope.yaml groups,
rules/hierarchy.yaml group_parents / disjoint_groups): "بينهم 21 إطفائيا" and "21 من رجال
الإطفاء" are one group, and "20 مسلحا" beside "27 جنديا" is never a second reading of the toll."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.hierarchy import load_hierarchy
from crosscheck.reconcile.reconciler import build_report, reconcile


def _claims(text: str, date: str = "2021-03-02"):
    return extract(Document(id="x", text=text, date=date))


@pytest.mark.parametrize("text,value,group", [
    ("ارتفع عدد قتلى الحريق إلى 40 قتيلا، بينهم 9 إطفائيين", 9, "firefighters"),
    ("ارتفع عدد قتلى الحريق إلى 40 قتيلا، بينهم 9 من رجال الإطفاء", 9, "firefighters"),
    ("اندلعت اشتباكات قتل فيها 14 جنديا و11 مسلحا", 11, "militants"),
    ("اندلعت اشتباكات قتل فيها 14 جنديا و11 مسلحا", 14, "soldiers"),
])
def test_the_group_is_read(text, value, group):
    got = [c.group for c in _claims(text) if c.value == value]
    assert got == [group]


def test_the_groups_are_parts_of_all_and_disjoint_from_soldiers():
    h = load_hierarchy()
    assert h.group_path("firefighters") == ["firefighters", "all"]
    assert h.group_path("militants") == ["militants", "all"]
    assert h.disjoint_groups("militants", "soldiers")


def _report(*docs):
    claims = [c for d in docs for c in extract(d)]
    return build_report(list(docs), reconcile(claims, list(docs)))


def test_firefighters_told_two_ways_agree_and_are_not_the_toll():
    a = Document(id="a", date="2021-03-02", text="ارتفع عدد قتلى الحريق في المصنع إلى 40 قتيلا، بينهم 9 إطفائيين.")
    b = Document(id="b", date="2021-03-02", text="قالت السلطات إن 40 شخصا قتلوا في حريق المصنع، بينهم 9 من رجال الإطفاء.")
    rep = _report(a, b)
    nine = [c for c in rep.clusters if any(x.value == 9 for x in c.claims)]
    assert len(nine) == 1 and sorted(x.doc for x in nine[0].claims) == ["a", "b"]
    assert all(x.value == 9 for x in nine[0].claims)
    assert all(c.status != "conflict" for c in rep.clusters)


def test_gunmen_beside_soldiers_are_not_a_second_toll():
    a = Document(id="a", date="2021-03-02", text=(
        "اندلعت اليوم اشتباكات عنيفة في المدينة قتل فيها 14 جنديا و11 مسلحا، ليرتفع عدد القتلى إلى نحو 30."))
    rep = _report(a)
    assert all(c.status != "conflict" for c in rep.clusters), [(c.id, [x.value for x in c.claims]) for c in rep.clusters]
