"""A dense text's claims are light (issue 11: a paragraph of votes held ~2.3 kB per claim and
peaked at 342 MB at 4 MB).  Two records are shared or made small, both counted here, never
timed:

- an empty list field (`inferred`, `warnings`, `place_path`, `group_path`, `combines`) is the
  one `claim_copy.EMPTY` of every claim, which refuses to be written and copies, pickles and
  dumps as a plain `[]`;
- the vote stage's repeat index lists its kept occurrences by the hash of their projections,
  not by frozensets of pairs held per occurrence.

Sentences are our own."""

from __future__ import annotations

import copy
import pickle

import pytest

from crosscheck.extract import vote_events as ve
from crosscheck.extract.claim_copy import EMPTY, SHARED_EMPTY_FIELDS, set_fields, updated
from crosscheck.extract.extractor import extract, extract_text
from crosscheck.models import Claim, Document
from crosscheck.store.claim_rows import row_values

_TEXT = ("قتل 12 شخصا وأصيب 30 آخرون في قصف على مدينة حلب، بينهم 5 أطفال. "
         "وقالت مصادر محلية إن 4 أشخاص ما زالوا مفقودين.")


def _votes(n: int) -> str:
    return " ".join(f"وصوت مجلس الأمن على مشروع القرار {4000 + i} بأغلبية {50 + i % 90} صوتا مقابل "
                    f"{i % 9 + 1} أصوات وامتناع {i % 13 + 2} دول عن التصويت." for i in range(n))


def test_every_empty_list_field_of_an_extraction_is_the_one_shared_empty():
    claims = extract(Document(id="v", text=_votes(40) + " " + _TEXT))
    assert len(claims) > 100
    empties = {id(getattr(c, f)) for c in claims for f in SHARED_EMPTY_FIELDS if not getattr(c, f)}
    assert empties == {id(EMPTY)}
    # the merger's mentions stay each claim's own list
    assert len({id(c.mentions) for c in claims}) == len(claims)


@pytest.mark.parametrize("write", [
    lambda v: v.append("location"), lambda v: v.extend(["x"]), lambda v: v.insert(0, "x"),
    lambda v: v.__iadd__(["x"]), lambda v: v.__setitem__(slice(0, 0), ["x"]), lambda v: v.sort(),
])
def test_the_shared_empty_refuses_to_be_written(write):
    claim = extract_text("قتل 7 أشخاص في غزة.")[0]
    with pytest.raises(TypeError):
        write(claim.place_path)
    assert EMPTY == [] and len(EMPTY) == 0


def test_the_shared_empty_copies_and_dumps_as_a_plain_empty_list():
    claim = extract_text("قتل 7 أشخاص في غزة.")[0]
    assert claim.inferred is EMPTY
    plain = Claim.model_validate(claim.model_dump())
    assert claim.model_dump() == plain.model_dump() and claim.model_dump_json() == plain.model_dump_json()
    for other in (pickle.loads(pickle.dumps(claim)), copy.deepcopy(claim), claim.model_copy(deep=True)):
        assert type(other.inferred) is list and other.inferred is not EMPTY and other == claim
        other.inferred.append("location")  # a copy is the copier's own to write
    assert claim.inferred == [] and type(copy.copy(EMPTY)) is list
    # a stored row holds it as the tuple a list becomes
    assert row_values(claim, ("inferred", "kind")) == ((), claim.kind)


def test_copies_with_an_empty_list_given_share_it_too():
    claim = extract_text("قتل 7 أشخاص في غزة.")[0]
    assert updated(claim, {"inferred": []}).inferred is EMPTY
    assert updated(claim, {"place_path": ["gaza"]}).place_path == ["gaza"]
    assert set_fields(claim, {"group_path": []}).group_path is EMPTY


def test_the_repeat_index_holds_no_projection():
    held: list = []
    real = ve._RepeatIndex.candidates

    def spying(self, vals, res):
        held.append(self)
        return real(self, vals, res)

    ve._RepeatIndex.candidates = spying
    try:
        extract(Document(id="v", text=_votes(60)))
    finally:
        ve._RepeatIndex.candidates = real
    index = held[-1]
    keys = [k for tables in index.by_kinds.values() for table in tables for k in table]
    assert len(keys) >= 60  # (the paragraph's occurrences are listed)
    assert all(type(k) is int for k in keys)


def test_an_exact_figures_ends_and_a_leading_number_are_one_object():
    claims = extract(Document(id="v", text=_votes(40) + " " + _TEXT))
    exact = [c for c in claims if c.low is not None and c.low == c.high]
    assert len(exact) > 100
    assert all(c.high is c.low for c in exact)
    leading = [c for c in claims if c.number_start == c.start]
    assert len(leading) > 100
    assert all(c.number_start is c.start for c in leading)
    # a range keeps its two ends ("بين 10 و20")
    ranged = [c for c in extract_text("قتل ما بين 1000 و2000 شخص في الزلزال.") if c.low != c.high]
    assert ranged and all(c.low == 1000 and c.high == 2000 for c in ranged)


def test_a_new_vote_figure_is_compared_with_no_earlier_one(monkeypatch):
    """A vote kind's same figure is one of its merge key (mentions.same_figure), which the
    merger's key look-up finds: a paragraph of votes, whose values repeat, asks same_figure
    nothing (it asked up to 16 earlier claims of each shape per figure)."""
    from crosscheck.extract import mentions

    asked = [0]
    real = mentions.same_figure

    def counting(*args, **kwargs):
        asked[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(mentions, "same_figure", counting)
    claims = extract(Document(id="v", text=_votes(90)))
    assert sum(1 for c in claims if c.kind == "votes_against") >= 80
    assert asked[0] == 0
    # a non-vote figure told again with a related place is still compared (and folded)
    told = extract(Document(id="t", text="قتل 12 شخصا في حلب.\nوقالت المصادر إن 12 شخصا قتلوا في سوريا."))
    assert asked[0] > 0 and len([c for c in told if c.kind == "killed"]) == 1


def _claims_with(monkeypatch, validate: bool, text: str):
    from crosscheck.extract import mentions

    monkeypatch.setattr(mentions, "_VALIDATE_MENTIONS", validate)
    return extract(Document(id="m", text=text))


def test_a_claims_own_mention_is_the_validated_one(monkeypatch):
    # the same mentions, fields, dumps and copies as a Mention validated from the claim's fields
    text = _votes(12) + " " + _TEXT + " " + _TEXT  # (the second _TEXT folds into the first)
    plain = _claims_with(monkeypatch, True, text)
    light = _claims_with(monkeypatch, False, text)
    assert [c.model_dump() for c in light] == [c.model_dump() for c in plain]
    assert [c.model_dump_json() for c in light] == [c.model_dump_json() for c in plain]
    assert any(len(c.mentions) > 1 for c in light)
    for c, p in zip(light, plain):
        for m, q in zip(c.mentions, p.mentions):
            assert m == q and m.model_fields_set == q.model_fields_set
            assert pickle.loads(pickle.dumps(m)) == q and copy.deepcopy(m) == q and m.model_copy() == q
    m = light[0].mentions[0]
    m.end = m.end + 1  # written as any model's field
    assert m.model_dump()["end"] == plain[0].mentions[0].end + 1


def test_a_claims_own_mention_holds_less_than_a_validated_one():
    # counted in bytes (tracemalloc), never timed: the mention keeps its fields in the instance's
    # shared-key values, not a dict of its own (thousands of them: the interpreter's free lists
    # hide the first few dozen dicts from tracemalloc)
    import tracemalloc

    from crosscheck.extract import mentions

    claims = extract(Document(id="m", text=_votes(30)))

    def held(validate: bool) -> int:
        mentions._VALIDATE_MENTIONS = validate
        try:
            tracemalloc.start()
            made = [mentions.mention_of(c) for _ in range(25) for c in claims]
            size = tracemalloc.get_traced_memory()[0]
            tracemalloc.stop()
        finally:
            mentions._VALIDATE_MENTIONS = False
        assert len(made) == 25 * len(claims) > 2000
        return size

    assert held(False) < 0.7 * held(True)
