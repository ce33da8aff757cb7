"""The order of the extractor's claims is a defined function of the text (issue 11, session 34
round 2): document order by (start, end, kind), then figures in the claim loop's order, member
lists, formulas, vote positions.  It must not depend on when the claim loop's queue is flushed
to the merger (`_PENDING_MAX`): formulas ("بالإجماع") and member lists ("وامتناع الصين والهند")
made after the figures of their sentence once reached the merger behind later claims, which
moved the order, and the merger keeps the first of two vote claims of one key it is given (so
which claim was kept, its start and its mentions' order moved too).

Texts written here, in my own words; the claims compared in full (`model_dump`)."""

from __future__ import annotations

import random

import pytest

from crosscheck.extract import extractor
from crosscheck.extract.extractor import extract_text

_TOLLS = [
    "قتل {v} شخصا في غزة",
    "وأصيب {v} آخرون بجروح",
    "ونزح نحو {v} ألف شخص",
    "وفقد {v} صيادين في البحر",
    "وأفرج عن {v} معتقلا",
]
# vote sentences whose claims the claim loop does not make from a figure: formulas, member
# lists and positions, most of them BEFORE a figure of their own sentence
_VOTES = [
    "واعتمد مجلس الأمن القرار بالإجماع بعد أن قتل {v} مدنيا في الهجوم",
    "وامتنعت روسيا عن التصويت على القرار الذي صدر بعد مقتل {v} شخصا",
    "وعارضت الصين والهند المشروع الذي نال تأييد {v} عضوا",
    "وامتناع فرنسا وبريطانيا عن التصويت، فيما أيد القرار {v} دولة",
    "ولم يعترض أي عضو على النص الذي أيده {v} عضوا",
    "وصوتت الجمعية العامة بأغلبية {v} صوتا مقابل 7 أصوات وامتناع 12 دولة",
]


def _text(seed: int, sentences: int) -> str:
    """One paragraph of tolls and votes (several sentences of each kind repeat a vote claim of
    the same key: the merger keeps one of them)."""
    rng = random.Random(seed)
    out = []
    for _ in range(sentences):
        pool = _VOTES if rng.random() < 0.4 else _TOLLS
        clauses = [rng.choice(pool).format(v=rng.randint(2, 60)) for _ in range(rng.randint(1, 4))]
        out.append("، ".join(clauses) + ".")
    return " ".join(out)


def _dump(claims):
    return [c.model_dump() for c in claims]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_claims_and_their_order_do_not_depend_on_the_queue_length(monkeypatch, seed):
    text = _text(seed, 160)
    monkeypatch.setattr(extractor, "_PENDING_MAX", 10**9)  # never flushed: merged in one order at the end
    whole = _dump(extract_text(text))
    # the text must hold what moved: more claims than the queue holds, and claims the loop
    # does not make from a figure (no number_start), folded with others of their key
    assert len(whole) > 256
    unfigured = [c for c in whole if c["number_start"] is None]
    assert unfigured and any(len(c["mentions"]) > 1 for c in unfigured)
    for pending in (1, 5, 256):
        monkeypatch.setattr(extractor, "_PENDING_MAX", pending)
        assert _dump(extract_text(text)) == whole, f"_PENDING_MAX={pending}"


def test_the_merged_claims_come_in_document_order(monkeypatch):
    """What the vote stage is given (the merger's claims, before votes are assigned: that stage
    orders its own) is in document order, however often the queue was flushed."""
    given = []
    real = extractor.assign_vote_events

    def spy(ctx, claims):
        given.append([(c.start, c.end, c.kind) for c in claims])
        return real(ctx, claims)

    monkeypatch.setattr(extractor, "assign_vote_events", spy)
    text = _text(4, 120)
    for pending in (3, 10**9):
        monkeypatch.setattr(extractor, "_PENDING_MAX", pending)
        extract_text(text)
    assert len(given) == 2 and len(given[0]) > 100
    assert given[0] == sorted(given[0]) and given[0] == given[1]
