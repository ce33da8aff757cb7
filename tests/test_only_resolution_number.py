"""A vote told without a resolution number takes the article's only number (issue 11): the pools
of numbers a vote may take are made once per document (`vote_events._OnlyNumber`), not once per
vote — a paragraph of votes each naming a number of its own made a set of every number for each
vote, quadratic in the paragraph.  Work is counted (numbers read), never timed.  Sentences are
our own."""

from __future__ import annotations

import random

import crosscheck.extract.vote_events as ve
from crosscheck.extract.extractor import extract
from crosscheck.extract.vote_events import parse_event
from crosscheck.models import Document


def _pool_as_before(numbers: set[str], past_numbers: set[str], dated_by: dict[str, set[str]],
                    past: str | None, when: str | None) -> str | None:
    """The per-vote pool as assign_vote_events made it before (the reference)."""
    pool = numbers if (past or when) else numbers - past_numbers
    if past:
        pool = {n for n in pool if not dated_by.get(n, set()) - {past}}
    return next(iter(pool)) if len(pool) == 1 else None


def test_the_number_is_the_one_the_per_vote_pool_gave():
    rnd = random.Random(11)
    times = ["2019", "2020", "2021", "month"]
    tried = found = 0
    for _ in range(3000):
        universe = [str(1000 + i) for i in range(rnd.randint(0, 5))]
        numbers = {n for n in universe if rnd.random() < 0.7}
        past_numbers = {n for n in universe if rnd.random() < 0.4}
        dated_by = {n: set(rnd.sample(times, rnd.randint(1, 2))) for n in universe if rnd.random() < 0.4}
        only = ve._OnlyNumber(numbers, past_numbers, dated_by)
        for past in (None, *times, "2018"):
            for when in (None, "", "2024-05"):
                want = _pool_as_before(numbers, past_numbers, dated_by, past, when)
                assert only.of(past, when) == want, (numbers, past_numbers, dated_by, past, when)
                tried += 1
                found += want is not None
    assert found > 1000 and tried - found > 1000  # both answers are tried


class _Counted:
    """An iterable of numbers that counts the numbers read from it."""

    def __init__(self, numbers: list[str]) -> None:
        self.numbers, self.read = numbers, 0

    def __iter__(self):
        for n in self.numbers:
            self.read += 1
            yield n


def test_the_numbers_are_read_once_whatever_the_votes():
    numbers = _Counted([str(1000 + i) for i in range(2000)])
    only = ve._OnlyNumber(numbers, {"1000"}, {"1001": {"2019"}, "1002": {"2019", "month"}})
    for k in range(2000):  # one question a vote: no number read again
        assert only.of(("2019", None)[k % 2], ("", "2024")[k % 3 == 0]) is None
    assert numbers.read == 2000  # per vote, as before: 2000 x 2000


def _paragraph(k: int) -> str:
    """k votes in one line, each naming a resolution number of its own."""
    return " ".join(f"وصوت مجلس الأمن على مشروع القرار {2000 + i} بأغلبية {9 + i % 4} أصوات مقابل {2 + i % 3} أصوات."
                    for i in range(k))


def test_one_pool_per_document(monkeypatch):
    made = [0]

    class CountedOnly(ve._OnlyNumber):
        def __init__(self, *a) -> None:
            made[0] += 1
            super().__init__(*a)

    monkeypatch.setattr(ve, "_OnlyNumber", CountedOnly)
    claims = extract(Document(id="v", text=_paragraph(150), date="2024-05-14"))
    assert made[0] == 1
    fors = sorted((c for c in claims if c.kind == "votes_for"), key=lambda c: c.start)
    assert len(fors) == 150
    assert [parse_event(c.event).get("res") for c in fors] == [str(2000 + i) for i in range(150)]


def test_an_unnumbered_vote_takes_the_only_number():
    text = ("أعلن مجلس الأمن القرار 2720 بشأن غزة. وقد صوت المجلس بأغلبية 13 صوتا مقابل لا شيء "
            "وامتناع عضوين عن التصويت.")
    claims = extract(Document(id="v", text=text, date="2024-05-14"))
    fors = [c for c in claims if c.kind == "votes_for"]
    assert fors and parse_event(fors[0].event).get("res") == "2720"
