"""The injured still in care and figures added to a toll of another kind (issue 8, item 4:
parts and wholes).

"لا يزال نحو 40 مصابا على أسرّة المستشفيات" counts those of the injured still treated: a part of
all the injured (group `hospitalized`, rules/scope.yaml `in_care_*`), never a rival total, and a
count that falls as they leave hospital (rules/reconcile.yaml `volatile_groups`).  And "بلغ عدد
القتلى 310، إضافة إلى 950 جريحا" adds the injured to the dead: a total of their own, not a part.
"""

from __future__ import annotations

import hashlib

from test_reconciler_factory import claim

from crosscheck.extract.extractor import extract_text
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile


def injured(text):
    return {c.value: c.group for c in extract_text(text) if c.kind == "injured"}


def test_still_in_hospital_is_a_part_of_the_injured():
    assert injured("أصيب 90 شخصا في الانفجار، فيما لا يزال نحو 40 مصابا على أسرة المستشفيات")[40] == "hospitalized"
    assert injured("غادر معظم الجرحى، ولم يبق سوى 12 جريحا ما زالوا يتلقون العلاج")[12] == "hospitalized"
    # a still-word without care ("the toll of the injured is still 300") is the toll itself
    assert injured("ولا يزال عدد الجرحى 300 بحسب آخر حصيلة")[300] == "all"
    # care without a still-word ("taken to hospital") is the toll itself
    assert injured("وأصيب 25 شخصا نقلوا إلى المستشفى")[25] == "all"


def test_a_figure_added_after_a_toll_of_another_kind_is_its_own_total():
    got = injured("بلغ عدد القتلى في البلاد 310 قتلى، إضافة إلى 950 جريحا نقل كثيرون منهم إلى المستشفيات")
    assert got[950] == "all"
    # after a figure of its own kind it is a part: the others besides those named
    got = injured("أصيب 3 من رجال الإنقاذ بجروح خطيرة، إضافة إلى 7 جرحى")
    assert str(got.get(7)).startswith("subset")


def docs(*pairs):
    return [Document(id=i, text=" ".join(hashlib.sha1(f"{i}{k}".encode()).hexdigest()[:8] for k in range(30)),
                     date=d) for i, d in pairs]


def test_those_still_in_hospital_may_fall_from_day_to_day():
    claims = [claim("a", "injured", 120, group="hospitalized"), claim("b", "injured", 18, group="hospitalized")]
    rep = build_report(docs(("a", "2024-06-28"), ("b", "2024-07-04")),
                       reconcile(claims, docs(("a", "2024-06-28"), ("b", "2024-07-04"))))
    held = [c for c in rep.clusters if c.key.get("group") == "hospitalized"]
    assert held and all(c.status != "conflict" for c in held)
    assert not [i for i in rep.inconsistencies if any(x.value in (120, 18) for x in i.claims)]
    # the same figures as all the injured would be a falling running total
    claims = [claim("a", "injured", 120), claim("b", "injured", 18)]
    rep = build_report(docs(("a", "2024-06-28"), ("b", "2024-07-04")),
                       reconcile(claims, docs(("a", "2024-06-28"), ("b", "2024-07-04"))))
    assert [i for i in rep.inconsistencies if i.type == "falling_total"] or \
        any(c.status == "conflict" for c in rep.clusters)
