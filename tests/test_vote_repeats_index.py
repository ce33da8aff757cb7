"""A paragraph of many votes: each occurrence is tried only against the kept occurrences that
can take it as a repeat (issue 11: `_merge_repeats` read every earlier vote for every vote, so a
line of 18,000 tallies spent most of its time there).  The index gives the same merges as trying
every kept occurrence (random occurrence lists; real extraction with the index off and on), and
the work is counted, never timed.  Sentences are our own."""

from __future__ import annotations

import random

import pytest

import crosscheck.extract.vote_events as ve
from crosscheck.extract.extractor import extract
from crosscheck.models import Claim, Document

_BODIES = ("مجلس الأمن", "الجمعية العامة", "مجلس حقوق الإنسان")


def _paragraph(k: int, repeat_every: int = 0) -> str:
    """k votes in one line, each with its own resolution number and figures (some figures
    repeat, as real sessions' do); with `repeat_every`, every so many votes one is told again."""
    parts = []
    for i in range(k):
        j = i - repeat_every // 2 if repeat_every and i % repeat_every == repeat_every - 1 else i
        number = "" if j % 4 == 3 else f" {2000 + j}"  # (every fourth names no number)
        parts.append(
            f"واعتمد {_BODIES[j % 3]} القرار{number} بأغلبية {100 + j % 40} صوتا مقابل {j % 7 + 2} أصوات "
            f"وامتناع {j % 11 + 3} دول عن التصويت."
        )
    return " ".join(parts)


def _occurrences(rng: random.Random, n: int):
    kinds = ("votes_for", "votes_against", "votes_abstain")
    occs, descs = [], []
    for _ in range(n):
        occ = ve.Occurrence()
        for kind in rng.sample(kinds, rng.randint(1, 3)):
            for _ in range(rng.choice((1, 1, 1, 2))):
                value = rng.choice((2, 3, 5, 15))
                c = Claim(doc="d", kind=kind, value=value, qualifier="exact", surface=str(value),
                          start=0, end=1, sentence=str(value), rule="r")
                occ.claims.append((0, 1, c))
        d = {"body": rng.choice(("", "sc", "ga", "ga3", "hrc"))}
        for f, choices in (("subj", ("draft", "resolution", "amendment")), ("res", ("2720", "2712")),
                           ("by", ("us", "ru")), ("veto", ("us",)), ("past", ("1",)), ("ord", ("1", "2"))):
            if rng.random() < 0.4:
                d[f] = rng.choice(choices)
        occs.append(occ)
        descs.append(d)
    return occs, descs


def _merged(occs, descs, indexed: bool, monkeypatch):
    monkeypatch.setattr(ve, "_MERGE_INDEX", indexed)
    out_occs, out_descs = ve._merge_repeats(occs, descs)
    return [[id(c) for _, _, c in o.claims] for o in out_occs], out_descs


def test_index_merges_as_trying_every_kept_occurrence(monkeypatch):
    rng = random.Random(11)
    merges = 0
    for _ in range(400):
        occs, descs = _occurrences(rng, rng.randint(1, 14))
        copy = ([ve.Occurrence(list(o.claims)) for o in occs], [dict(d) for d in descs])
        plain = _merged(*copy, False, monkeypatch)
        indexed = _merged(occs, [dict(d) for d in descs], True, monkeypatch)
        assert indexed == plain
        merges += len(occs) - len(plain[0])
    assert merges > 200  # the lists do repeat votes: the test reads merges, not only misses


def test_claims_the_same_with_the_index_off(monkeypatch):
    text = _paragraph(60, repeat_every=5)
    on = [c.model_dump() for c in extract(Document(id="v", text=text, date="2024-05-14"))]
    monkeypatch.setattr(ve, "_MERGE_INDEX", False)
    off = [c.model_dump() for c in extract(Document(id="v", text=text, date="2024-05-14"))]
    assert on == off
    assert len({c["event"] for c in on if c["kind"] == "votes_for"}) < 60  # repeats were merged


@pytest.mark.parametrize("indexed", [True, False])
def test_kept_occurrences_tried_grow_linearly(monkeypatch, indexed):
    monkeypatch.setattr(ve, "_MERGE_INDEX", indexed)
    tried = {}
    real = ve._merge_repeats
    for k in (60, 240):
        work = [0]
        monkeypatch.setattr(ve, "_merge_repeats", lambda o, d, _w=work: real(o, d, _w))
        extract(Document(id="v", text=_paragraph(k, repeat_every=5), date="2024-05-14"))
        tried[k] = work[0]
    if indexed:
        # 4x the votes: about 4x the pairs tried (a vote meets only the kept ones its figures
        # and number fit: the one it repeats); every kept vote for every vote was 16x
        assert 0 < tried[240] < 5 * tried[60], tried
        assert tried[240] >= 240 // 5  # (each repeat is tried against the vote it repeats)
    else:
        assert tried[240] > 12 * tried[60], tried  # (the count sees the quadratic loop)
