"""Each document's claims prepared for reconciliation, kept by `ingest` beside its claims.

    row = prepare(doc, claims, cfg, rules_dir)          # in the ingest worker: (version, date, from, data)
    found = read(conn, doc_ids, version(cfg, rules))    # report: doc id -> Prepared, current ones only

What the reconciler does to one document's claims before any grouping needs that document and
nothing else: its date (`dating.document_dates`), each claim repaired, dated, its periods
resolved, placed in the hierarchy (`reconciler.prepare_claims`) and filled from its article's
context (`grouping.fill_context`).  `report --store` and the first `check` did this for every
stored document on every judgement (pass 1 of crosscheck.store.streamed: 38 % of a judging
report).  `ingest` now does it once, in its workers, and keeps the result in the table
`prepared`: per document its date, where the date came from, and each member's unit key
(`grouping.unit_key`) and text as `member_text.member_json` writes it (a JSON header line and the
claim's JSON, the member's index counted from 0 in its document), deflated.  Pass 1 reads them instead of preparing again: the
same members, so the same report (tested on generated stores).

The kept rows are the reconciler's output, not a re-implementation of it: `version` names
what they were made with — this format, the rules, the reconciler settings and a digest of the
package's code — and a row of any other version is not read: its document is prepared again at
report time, as before (so a store ingested before this table, or by other code, is reported
exactly as it was, only without the saving).  A document whose preparation fails at ingest (a
malformed date in its metadata) keeps no row: the report meets the error as it always did.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

FORMAT = "prepared-2"

TABLE = """
CREATE TABLE IF NOT EXISTS prepared (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version TEXT NOT NULL,  -- `version`: the format, rules, settings and code it was made with
    date TEXT,              -- the document's date (dating.document_dates), ISO
    date_from TEXT,         -- where it came from: metadata | text | none
    data BLOB NOT NULL      -- per member its unit key and its text (member_text.member_json): 3 lines, deflated
)"""


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the package's Python sources: prepared rows made by other code are not read."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()[:16]


def version(cfg, rules_version: str) -> str:
    """What a prepared row must have been made with to be read."""
    settings = hashlib.sha256(cfg.model_dump_json().encode()).hexdigest()[:16]
    return f"{FORMAT}:{rules_version}:{settings}:{code_digest()}"


def prepare(doc, claims: Sequence, cfg, rules_dir=None, rules_version: str = "") -> Optional[tuple]:
    """(version, date, date from, data) of one document's claims (as read back from their
    JSON), exactly as streamed's pass 1 prepares them; None when preparing fails (the report
    then prepares the document itself and meets the same error there)."""
    from crosscheck.reconcile.dating import date_rules, document_dates
    from crosscheck.reconcile.grouping import fill_context, unit_key
    from crosscheck.reconcile.hierarchy import load_hierarchy
    from crosscheck.reconcile.reconciler import prepare_claims
    from crosscheck.ruleset.resources import resolved, rules_dir as in_force
    from crosscheck.store.member_text import member_json

    if rules_dir is not None and resolved(in_force(rules_dir)) != resolved(in_force(None)):
        # pass 1 places claims with the hierarchy of the rules in force (load_hierarchy()):
        # rules shipped elsewhere (a Dask worker's copy) keep no row rather than another's
        return None
    try:
        found = document_dates([doc])
        dated, notes = prepare_claims(list(claims), found, date_rules(rules_dir), [doc], load_hierarchy())
        members = fill_context(dated, cfg, 0)
        text = "\n".join(unit_key(m.claim, cfg) + "\n" + member_json(m, notes[m.index]) for m in members)
    except Exception:  # noqa: BLE001 - the report raises it where it always did
        return None
    when = found.dates.get(doc.id)
    return (version(cfg, rules_version), when.isoformat() if when else None, found.source.get(doc.id),
            zlib.compress(text.encode("utf-8"), 6))


@dataclass
class Prepared:
    """One document's kept preparation: its date, where from, and its members' texts."""

    date: Optional[date]
    date_from: Optional[str]
    data: bytes

    def members(self, first_index: int, texts: bool = False):
        """(Member, repair note, unit key, member text with its index in the record or None
        without `texts`) for each member, its index counted from `first_index`."""
        from crosscheck.store.member_text import member_from_json

        text = zlib.decompress(self.data).decode("utf-8")
        if not text:  # a document without claims
            return
        lines = text.split("\n")
        for i in range(0, len(lines), 3):
            unit, head, claim = lines[i], lines[i + 1], lines[i + 2]
            m, note = member_from_json(head + "\n" + claim)
            m.index += first_index
            yield m, note, unit, (json.dumps([m.index, m.uncertain, m.notes, note], ensure_ascii=False) + "\n"
                                  + claim if texts else None)


def has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'prepared'").fetchone() is not None


def read(conn: sqlite3.Connection, doc_ids: Sequence[str], wanted: str) -> dict[str, Prepared]:
    """The kept preparations of these documents made as `wanted` says (others are left out)."""
    if not doc_ids or not has_table(conn):
        return {}
    marks = ",".join("?" * len(doc_ids))
    out = {}
    for doc_id, when, source, data in conn.execute(
            f"SELECT doc_id, date, date_from, data FROM prepared WHERE version = ? AND doc_id IN ({marks})",
            (wanted, *doc_ids)):
        out[doc_id] = Prepared(date.fromisoformat(when) if when else None, source, data)
    return out


def write(conn: sqlite3.Connection, doc_id: str, row: Optional[tuple]) -> None:
    """Keep one document's preparation (inside the caller's transaction, after its row)."""
    if row is not None:
        conn.execute("INSERT OR REPLACE INTO prepared VALUES (?, ?, ?, ?, ?)", (doc_id, *row))
