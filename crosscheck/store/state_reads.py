"""Reads of the judged state shared by its indexes (crosscheck.store.unit_scopes,
crosscheck.store.captive_stories): the stored clusters of some kinds one at a time, and an
`IN` query over many values in parts of 500 (SQLite's bound-parameter limit)."""

from __future__ import annotations

import json
from typing import Iterable, Iterator

from crosscheck.store import compact

__all__ = ["clusters_of_kinds", "select_in"]


def clusters_of_kinds(conn, kinds: Iterable[str]) -> Iterator[tuple[int, dict]]:
    """(seq, JSON) of every judged cluster of these kinds, decoded one at a time (memory: one
    cluster, not every cluster of the kinds)."""
    kinds = sorted(kinds)
    if not kinds:
        return
    seqs = [r[0] for r in conn.execute(
        f"SELECT seq FROM judged_clusters WHERE kind IN ({','.join('?' * len(kinds))})", kinds)]
    for seq in seqs:
        (packed,) = conn.execute("SELECT json FROM judged_clusters WHERE seq = ?", (seq,)).fetchone()
        yield seq, json.loads(compact.unpack(packed))


def select_in(conn, sql: str, values: Iterable) -> set:
    """The first column of `sql` (its `{marks}` the placeholders of an IN list) over `values`,
    asked 500 at a time."""
    got: set = set()
    part_of = sorted(values)
    for i in range(0, len(part_of), 500):
        part = part_of[i : i + 500]
        got.update(r[0] for r in conn.execute(sql.format(marks=",".join("?" * len(part))), part))
    return got
