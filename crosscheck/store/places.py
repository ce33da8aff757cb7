"""What a document's report positions depend on beyond its text: kept with the judged state
(`judged_places`, crosscheck.store.judged.build_state) and compared by a report that reads that
state (crosscheck.store.from_state), since a report's `file:line:col` are read from the files."""

from __future__ import annotations

import hashlib
import json

PLACES = """
CREATE TABLE IF NOT EXISTS judged_places (id TEXT PRIMARY KEY, place TEXT NOT NULL)
"""


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
