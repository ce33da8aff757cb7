"""Shared by the vote tests: the vote event of every tally figure extracted from one text."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.extract.vote_events import parse_event
from crosscheck.models import Document

TALLY = {"votes_for", "votes_against", "abstentions"}


def tally_events(text: str, day: str) -> dict:
    """{(kind, value): parsed event} of the tallies `extract` reads in `text` dated `day`."""
    doc = Document(id="a", text=text, date=day)
    return {(c.kind, c.value): parse_event(c.event) for c in extract(doc) if c.kind in TALLY}
