"""A grouping member and its repair note as one text, and back: the form the scratch database,
the judged state and the prepared rows (crosscheck.store.prepared) keep members in.  A module of
its own so that the stores that write members and the streamed reconciliation that reads them
import it without importing each other."""

from __future__ import annotations

import json
from typing import Optional

from crosscheck.models import Claim


def member_json(m, note: Optional[str]) -> str:
    """A grouping member (its claim prepared and filled from its document) and its repair
    note as one text: a JSON header line, then the claim's JSON (`member_from_json`)."""
    return json.dumps([m.index, m.uncertain, m.notes, note], ensure_ascii=False) + "\n" + m.claim.model_dump_json()


_PLAIN_HEAD = (", [], [], null]", b", [], [], null]")  # a member with no uncertain attributes, notes or repair


def member_from_json(text: str | bytes):
    """(Member, repair note) from `member_json`'s text (or its UTF-8 bytes, as SQLite gives a
    column cast to a BLOB: parsed without a decoding to `str` and back)."""
    from crosscheck.reconcile.grouping import Member

    raw = type(text) is bytes
    head, _, claim = text.partition(b"\n" if raw else "\n")
    if head.endswith(_PLAIN_HEAD[raw]) and head[1:-15].isdigit():  # most members: the index alone
        return Member(int(head[1:-15]), Claim.model_validate_json(claim), [], []), None
    index, uncertain, notes, note = json.loads(head)
    return Member(index, Claim.model_validate_json(claim), uncertain, notes), note
