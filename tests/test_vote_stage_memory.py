"""The vote stage of a paragraph of votes holds the claims and its own records only (issue 11:
dense_votes peaked at 374 MB at 4 MB).  What the claim loop built is released before the stage
(the mention merger's keys and lists, the sentences' tokens and indexes), and the stage's records
for a tally stated once are light: no set of places per tally in `merge_tallies` and
`_fold_repeats` (made only for a figure found in several places), the repeat index sharing the
occurrences' value sets.  Each is checked against the way it replaces, on the same claims;
what is held at the stage is counted (objects alive), never timed.  Sentences are our own."""

from __future__ import annotations

import gc
import random

from crosscheck.extract import extractor, mentions, vote_events as ve
from crosscheck.extract.mentions import MentionMerger, _key, mention_of
from crosscheck.models import Document

_BODIES = ["الجمعية العامة", "مجلس الأمن", "مجلس حقوق الإنسان"]


def _paragraph(n: int, seed: int = 29) -> str:
    rng = random.Random(seed)
    parts = []
    for i in range(n):
        parts.append(f"وصوت {rng.choice(_BODIES)} على مشروع القرار {3000 + i} بأغلبية {rng.randint(20, 190)} صوتا "
                     f"مقابل {rng.randint(1, 30)} أصوات وامتناع {rng.randint(2, 40)} دولة عن التصويت.")
    return " ".join(parts)


_REPEATS = (
    # one tally said in the headline line and the body, and last year's vote with the same figure
    "الجمعية العامة تعتمد القرار بأغلبية 141 صوتا\nاعتمدت الجمعية العامة القرار بأغلبية 141 صوتا مقابل 7 "
    "أصوات وامتناع 12 دولة. وكانت قد اعتمدت قرارا مماثلا العام الماضي بأغلبية 141 صوتا مقابل 9 أصوات. "
    "وأعاد المندوب التذكير بأن القرار نال 141 صوتا مقابل 7 أصوات."
)


def test_the_claim_loops_records_are_released_before_the_vote_stage(monkeypatch):
    seen: dict = {}
    real = extractor.assign_vote_events

    def spying(ctx, claims):
        gc.collect()
        seen["mergers"] = sum(1 for o in gc.get_objects() if type(o) is MentionMerger)
        seen["sentences"] = len(ctx._tokens) + len(ctx._info) + len(ctx.sentence_claims)
        return real(ctx, claims)

    monkeypatch.setattr(extractor, "assign_vote_events", spying)
    out = extractor.extract(Document(id="v", text=_paragraph(120)))
    assert sum(1 for c in out if c.kind == "votes_for") >= 100  # (the stage had tallies to read)
    assert seen == {"mergers": 0, "sentences": 0}


def _merge_tallies_with_a_set_each(claims):
    """merge_tallies as it was: a set of places made for every tally kept."""
    first: dict = {}
    out = []
    for c in claims:
        if c.kind not in mentions._TALLIES:
            out.append(c)
            continue
        k = _key(c)
        kept = first.get(k)
        if kept is None:
            first[k] = (c, {(m.field, m.start) for m in c.mentions} or {(c.field, c.start)})
            out.append(c)
            continue
        claim, starts = kept
        for m in c.mentions or [mention_of(c)]:
            if (m.field, m.start) not in starts:
                starts.add((m.field, m.start))
                claim.mentions.append(m)
    return out


def test_merge_tallies_gives_what_a_set_per_tally_gave(monkeypatch):
    given: list = []
    real = extractor.merge_tallies

    def spying(claims):
        given.append([c.model_copy(deep=True) for c in claims])
        return real(claims)

    monkeypatch.setattr(extractor, "merge_tallies", spying)
    texts = [_REPEATS, _paragraph(40), _REPEATS.replace("\n", " ") + " " + _paragraph(5, seed=3)]
    folded = 0
    for text in texts:
        given.clear()
        extractor.extract(Document(id="v", text=text, title="الجمعية العامة تعتمد القرار بأغلبية 141 صوتا"))
        claims = given[0]
        new = [c.model_dump() for c in real([c.model_copy(deep=True) for c in claims])]
        old = [c.model_dump() for c in _merge_tallies_with_a_set_each([c.model_copy(deep=True) for c in claims])]
        assert new == old
        folded += len(claims) - len(new)
    assert folded > 0  # (tallies were folded into their first statement: the sets were used)
    # a tally without mentions folds into one that has none either, its place told once
    bare = [c.model_copy(update={"mentions": []}) for c in given[0] if c.kind == "votes_for"][:1] * 3
    twice = [c.model_copy(deep=True) for c in bare]
    assert [c.model_dump() for c in real(twice)] == [
        c.model_dump() for c in _merge_tallies_with_a_set_each([c.model_copy(deep=True) for c in bare])
    ]


def test_elsewhere_is_the_set_difference():
    rng = random.Random(5)
    for _ in range(2000):
        k = rng.randrange(6)
        gone = {g for g in range(6) if rng.random() < 0.3}
        where = {rng.randrange(6) for _ in range(rng.randint(1, 4))}
        w = next(iter(where)) if len(where) == 1 else set(where)
        assert ve._elsewhere(w, k, gone) == where - {k} - gone
