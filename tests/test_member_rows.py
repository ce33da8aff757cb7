"""store.streamed.member_from_json: a member's stored text read as text or as the UTF-8 bytes
SQLite gives a column cast to a BLOB, with or without the header's lists and note, gives the
member `member_json` wrote (the header of a plain member read without a JSON parse)."""

from __future__ import annotations

import pytest

from crosscheck.models import Claim
from crosscheck.reconcile.grouping import Member
from crosscheck.store.streamed import member_from_json, member_json

CLAIM = Claim(doc="d-1", kind="killed", value=12, low=12.0, high=12.0, start=4, end=9, surface="12 قتيلا",
              sentence="قتل 12 شخصا في الهجوم", rule="killed")


@pytest.mark.parametrize("index, uncertain, notes, note", [
    (0, [], [], None),
    (5019, [], [], None),
    (7, ["location"], [], None),
    (8, [], ["a note, [], [], null]"], None),
    (9, [], [], "its stated figure is used instead"),
    (10, ["group"], ["x"], "n"),
])
def test_a_member_reads_back_as_written(index, uncertain, notes, note):
    text = member_json(Member(index, CLAIM, list(uncertain), list(notes)), note)
    for raw in (text, text.encode("utf-8")):
        m, got = member_from_json(raw)
        assert (m.index, m.uncertain, m.notes, got) == (index, uncertain, notes, note)
        assert m.claim == CLAIM and m.claim.model_dump_json() == CLAIM.model_dump_json()
        assert m.forms == {} and m.pre is None
        m.uncertain.append("changed")  # each member its own lists
        assert member_from_json(raw)[0].uncertain == uncertain
