"""assign_vote_events writes each tally's event into the claim it is given instead of copying it
(issue 11: in a paragraph of votes every tally was held twice, original and copy, at the peak of
its extraction): the same claims as copying, and no claim record made by the stage for a tally
that is not split into pieces, counted (no timing)."""

from __future__ import annotations

import random

from crosscheck.extract import extractor, vote_events
from crosscheck.models import Document
from counting_support import count_calls

_BODIES = ["الجمعية العامة", "مجلس الأمن", "مجلس حقوق الإنسان"]


def _dense(n: int) -> str:
    rng = random.Random(28)
    parts = []
    for i in range(n):
        parts.append(f"وصوت {rng.choice(_BODIES)} على مشروع القرار {2000 + i} بأغلبية {rng.randint(20, 190)} صوتا "
                     f"مقابل {rng.randint(1, 30)} أصوات وامتناع {rng.randint(2, 40)} دولة عن التصويت.")
    return " ".join(parts)


def _texts() -> list[tuple[str, str | None]]:
    return [
        (_dense(150), None),
        # one tally said twice in the body (this year's and last year's vote): split into pieces
        ("اعتمدت الجمعية العامة القرار بأغلبية 141 صوتا مقابل 7 أصوات وامتناع 12 دولة. وكانت قد اعتمدت "
         "قرارا مماثلا العام الماضي بأغلبية 141 صوتا مقابل 9 أصوات.", "الجمعية العامة تعتمد القرار بأغلبية 141 صوتا"),
        ("فشل مجلس الأمن في تبني مشروع قرار إذ أيده 10 أعضاء مقابل اعتراض عضوين وامتناع 3 أعضاء. "
         "وفي جلسة لاحقة صوت 13 عضوا لصالح نص آخر.", None),
    ]


def _extract(text: str, title: str | None):
    return extractor.extract(Document(id="d", text=text, title=title))


def test_vote_events_in_place_are_the_copies_claims(monkeypatch):
    events = set()
    for text, title in _texts():
        fast = [(c.model_dump(), c.model_fields_set) for c in _extract(text, title)]
        monkeypatch.setattr(vote_events, "_IN_PLACE", False)
        plain = [(c.model_dump(), c.model_fields_set) for c in _extract(text, title)]
        monkeypatch.setattr(vote_events, "_IN_PLACE", True)
        assert fast == plain
        events |= {d["event"] for d, _ in fast if d["kind"] in ("votes_for", "votes_against", "abstentions")}
    assert len(events) > 100, len(events)  # the dense paragraph's votes are told apart


def test_vote_events_make_no_copy_of_a_tally(monkeypatch):
    """Counted: the claim records `updated` makes while votes are assigned (0 in place for tallies
    said once; one per tally when copied), and the claims returned are the ones given."""
    made = count_calls(monkeypatch, vote_events, "updated")
    given: list = []
    real_assign = vote_events.assign_vote_events

    def spying(ctx, claims):
        given[:] = claims
        return real_assign(ctx, claims)

    monkeypatch.setattr(extractor, "assign_vote_events", spying)
    text = _dense(150)
    out = _extract(text, None)
    tallies = sum(1 for c in out if c.kind in ("votes_for", "votes_against", "abstentions") and c.event)
    assert tallies >= 300
    assert made[0] == 0
    assert all(a is b for a, b in zip(out, given)) and len(out) == len(given)
    monkeypatch.setattr(vote_events, "_IN_PLACE", False)
    made[0] = 0
    _extract(text, None)
    assert made[0] >= tallies  # (the counter sees the copies: the test can fail)
