"""An epidemic's countdown and length (issue 8): the days without a new case that end an outbreak
("بعد انقضاء 42 يوما دون تسجيل أي إصابة جديدة", "عدا تنازليا من 42 يوما"; rules/kinds/
duration_no_cases.yaml) and the outbreak's own length ("استمر التفشي 84 يوما", duration_span)."""

import pytest

from crosscheck.extract.extractor import extract_text


def _days(text: str) -> list[tuple[float, str | None]]:
    return [(c.value, c.event) for c in extract_text(text) if c.kind == "duration_days"]


@pytest.mark.parametrize("text,value,event", [
    ("وأعلنت المنظمة خلو البلاد من الفيروس بعد مرور 42 يوما من دون رصد أي حالات جديدة", 42, "countdown"),
    ("وقالت الوزارة إن البلاد دخلت عدا تنازليا من 42 يوما بعد خروج آخر المرضى", 42, "countdown"),
    ("وأعلن الوزير انتهاء الوباء بعد مرور 21 يوما متتالية على شفاء آخر مريض", 21, "countdown"),
    ("وقد دام التفشي 71 يوما منذ أول إصابة", 71, "outbreak"),
])
def test_outbreak_days(text, value, event):
    assert _days(text) == [(value, event)]


@pytest.mark.parametrize("text", [
    "وبعد 42 يوما من البحث، عثر الغواصون على السفينة",
    "وبقي الطريق مغلقا 10 أيام دون تسجيل أي حركة للشاحنات",
    "وتراجع التفشي في المدينة خلال 14 يوما",
])
def test_no_outbreak_days(text):
    # (a search's 42 days after "بعد" are an elapsed time, duration_after_any: no countdown either)
    assert [ev for _, ev in _days(text) if ev in ("countdown", "outbreak")] == []
