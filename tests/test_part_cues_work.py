"""text.dates._part_cues: a sentence naming no part of the day is not scanned for its numbers and
earlier-figure words (part_of_day and part_before never read them then); one naming a part is,
and the parts found are as before (counted through the numbers' pattern)."""

from __future__ import annotations

from crosscheck.reconcile.dating import date_rules
from crosscheck.text import dates


class _Counting:
    def __init__(self, pattern) -> None:
        self.pattern, self.scans = pattern, 0

    def finditer(self, *args, **kwargs):
        self.scans += 1
        return self.pattern.finditer(*args, **kwargs)


def test_numbers_are_scanned_only_in_sentences_naming_a_part_of_the_day(monkeypatch):
    rules = date_rules()
    counting = _Counting(dates._NUMBER_START)
    monkeypatch.setattr(dates, "_NUMBER_START", counting)
    dates._part_cues.cache_clear()
    plain = "وقالت الوزارة إن عدد القتلى بلغ 47 شخصا في القصف على المدينة"
    assert dates.part_of_day(plain, plain.find("47"), rules) is None
    assert dates.part_before(plain, plain.find("47"), rules) is None
    assert counting.scans == 0
    evening = "أعلن الوزير مساء الأربعاء أن الحصيلة بلغت 40 قتيلا"
    assert dates.part_of_day(evening, evening.find("40"), rules) is not None
    assert counting.scans == 1
    # a part of the day past an earlier figure is that figure's: read through the numbers
    later = "ارتفعت الحصيلة إلى 201، بعد أن كانت 157 خلال الليل"
    assert dates.part_of_day(later, later.find("201"), rules) is None
    assert dates.part_before(later, later.find("201"), rules) is not None
    assert dates.part_of_day(later, later.find("157"), rules) is not None
    assert counting.scans == 2
    dates._part_cues.cache_clear()
