"""The stored clusters of lengths told in two units, by scope (rules/reconcile.yaml `unit_pairs`,
crosscheck.reconcile.unit_pairs), so that a check reads the lengths a new one is compared with.

A `unit_mismatch` compares a cluster in days with the clusters in months of the same scope
(event, place, group, period), and is not looked for where a cluster of that scope tells the
event as extended ("<event>:extension").  Neither is linked to a new length by a hierarchy key
or a vote, so the judged state keeps every cluster of a paired kind under its scope (the
extension's under its event's: `unit_pairs.pair_scope`), indexed; a check reads the stored
clusters of the scopes of the re-judged ones (`linked`), never every length of the record.
The table is added to an older state on its next check (crosscheck.store.judged.ensure_state).
"""

from __future__ import annotations

import json
from typing import Iterable

from crosscheck.models import Cluster
from crosscheck.reconcile.unit_pairs import pair_kinds, pair_scope

from crosscheck.store.state_reads import clusters_of_kinds, select_in

__all__ = ["TABLE", "add", "linked", "pair_kinds"]

TABLE = "judged_unit_scopes"
_DDL = """
CREATE TABLE IF NOT EXISTS judged_unit_scopes (seq INTEGER NOT NULL, scope TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS judged_unit_scopes_scope ON judged_unit_scopes(scope)
"""


def _text(scope: tuple) -> str:
    return json.dumps(scope, ensure_ascii=False, separators=(",", ":"))


def add(conn, cfg) -> None:
    """(Re)build the scope index of the stored clusters of the paired kinds (their JSON's key,
    one cluster at a time)."""
    for statement in _DDL.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"DELETE FROM {TABLE}")
    rows = []
    for seq, data in clusters_of_kinds(conn, pair_kinds(cfg)):
        if data.get("claims"):
            rows.append((seq, _text(pair_scope(data.get("key") or {}))))
    conn.executemany(f"INSERT INTO {TABLE} VALUES (?, ?)", rows)


def linked(conn, judged: Iterable[Cluster], cfg) -> set[int]:
    """The stored clusters (seqs) of the scopes of the re-judged clusters of the paired kinds:
    every cluster `unit_pair_inconsistencies` can compare one of them with or set it aside by."""
    kinds = pair_kinds(cfg)
    scopes = sorted({_text(pair_scope(cl.key)) for cl in judged if cl.kind in kinds and cl.claims})
    return select_in(conn, f"SELECT seq FROM {TABLE} WHERE scope IN ({{marks}})", scopes)
