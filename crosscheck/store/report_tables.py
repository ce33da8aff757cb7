"""What the judged state keeps for a report read from it (crosscheck.store.from_state), written
by crosscheck.store.judged.build_state:

* `judged_places`: per document, what its report positions depend on beyond its text (`place`),
  compared by the report, since a report's `file:line:col` are read from the files;
* `judged_incs`: the record's inconsistencies as the judgement found them (the scratch `incs`
  table of crosscheck.store.streamed, each JSON deflated: crosscheck.store.compact.pack), so
  the report need not look for them again among the clusters.
"""

from __future__ import annotations

import hashlib
import json

PLACES = """
CREATE TABLE IF NOT EXISTS judged_places (id TEXT PRIMARY KEY, place TEXT NOT NULL)
"""
INCS = """
CREATE TABLE IF NOT EXISTS judged_incs (seq INTEGER PRIMARY KEY, soft INTEGER NOT NULL, type TEXT NOT NULL,
                                        id TEXT NOT NULL, json BLOB NOT NULL)
"""
TABLES = ("judged_places", "judged_incs")


def place(locator, doc_id: str) -> str:
    """A document's place (crosscheck.text.textpos.Locator.file): its file's JSONL line, or the
    part of its file before the body (digested; the positions count its lines) and the
    headline's offset in it; "" when it has no file (no positions).  Its text is fixed by the
    record's generation."""
    ft = locator.file(doc_id)
    if ft is None:
        return ""
    if ft.jsonl_line is not None:
        return json.dumps([ft.path, ft.jsonl_line], ensure_ascii=False)
    head = hashlib.blake2b(ft.text[: ft.body_offset].encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return json.dumps([ft.path, ft.body_offset, head, ft.title_offset], ensure_ascii=False)
