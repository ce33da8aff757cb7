"""`report --store` from the judged state that `check` keeps in the store, when it is current.

The judged state (crosscheck.store.judged) holds every cluster of the last full judgement of
the record as the streamed report wrote it (final id, JSON with report positions, hierarchy
keys).  When that judgement is of the record as it is now, the report need not judge it again:
the state's clusters are copied into the scratch database `reconcile_store` fills (the same
table, the same sort columns, the same `seq`), with the inconsistencies the judgement found
(`judged_incs`; a state kept before it has them looked for among its clusters, as
streamed._inconsistencies does), and the same writers read it (streamed.write_record_reports):
the same bytes, with the judging skipped.

**Current** means, all inside one read transaction of the store:

1. the stored documents were extracted with the current rules (else the report raises as it
   always did: sqlite_store.require_current);
2. the state's tables are there and `judged.is_current` holds: its generation is the record's
   (no document written since it was judged: every ingest bumps it) and its version is this
   one (state format, the compact dictionary, the rules version, the reconciler settings and the
   package code's digest);
3. the articles' files place the claims as they did when the state was judged: a report's
   positions (`file:line:col`) are read from the files, so the state keeps, per document, what
   the positions depend on (`place`: the JSONL line, or the front matter's digest and the
   headline's offset; `judged_places`, written by `build_state`), and each document's is worked
   out again here and compared.  A state kept before `judged_places` existed is not current.

Anything else (no state, another generation or version, a file moved or edited): None, and
the caller judges the record again as before (`reconcile_store`), without keeping the state -
a report stays a reader of the store (a read-only store, a store another process is writing);
`check` is what keeps the state.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from collections import Counter
from contextlib import contextmanager
from typing import Iterator, Optional

from crosscheck.report.cluster_text import _CLAIM_OPEN, claims_region
from crosscheck.store import compact
from crosscheck.store.report_tables import place
from crosscheck.store.streamed import (BATCH_CLAIMS, DOC_CHUNK, ROWS_CHARS, StoreReport, StreamedRecord, StreamStats,
                                       _Locator, _inconsistencies, _order_indexes, _spool_table, _report_document,
                                       close_scratch, current_snapshot, make_scratch_tables, scratch_directory, write_record_reports,
                                       write_store_reports)
from crosscheck.util.gc_pause import collector_paused

SENTENCES_HELD = 50_000  # sentences of the state kept between clusters (read again when dropped)
ROWS_HELD = 256  # clusters written to the scratch database at a time
_REF = re.compile(r'"sentence":"\\u0001(\d+)"')


KEEP_WAIT_MS = 2_000  # a store another process is writing: waited for this long, then judged without keeping


def write_reports(db: str | os.PathLike[str], out_dir, formats=("md", "html", "json"), *,
                  lang: str = "ar", rules_dir=None, progress=None, batch_claims: int = BATCH_CLAIMS,
                  judged: bool = True, keep: bool = True) -> StoreReport:
    """`report --store DB` without articles: from the judged state when it is current (not
    with `judged=False`), else the record judged again (the report's `judged_again` says why)
    and, with `keep`, the judgement kept as the store's judged state in the same pass
    (`judged.build_state`: one transaction, so the next report or check reads it; a read-only
    store, or one another process is writing, is judged without keeping, as before:
    `streamed.write_store_reports`).  The same bytes every way (tested)."""
    from pathlib import Path

    from crosscheck.errors import CrosscheckError
    from crosscheck.pipeline import parse_formats

    why = ["not asked"]
    if judged:
        out = Path(out_dir)
        if out.exists() and not out.is_dir():
            raise CrosscheckError(f"{out}: --out must be a directory, and this is a file")
        wanted = parse_formats(formats)
        why = []
        with record_from_state(db, rules_dir=rules_dir, progress=progress, why=why) as record:
            if record is not None:
                written, summary = write_record_reports(record, db, out, wanted, lang)
                return StoreReport(written, summary, record.stats, "")
    done = None
    if judged and keep:
        done = _judge_and_keep(db, out_dir, formats, lang, rules_dir, progress, batch_claims)
    if done is None:
        done = write_store_reports(db, out_dir, formats, lang=lang, rules_dir=rules_dir, progress=progress,
                                   batch_claims=batch_claims)
    done.judged_again = why[0]
    return done


def _judge_and_keep(db, out_dir, formats, lang: str, rules_dir, progress, batch_claims: int) -> Optional[StoreReport]:
    """The record judged, its state kept in the store and the report written from the same
    judgement (crosscheck.store.judged.build_state); None when the store cannot be written now."""
    from pathlib import Path

    from crosscheck.pipeline import parse_formats
    from crosscheck.reconcile.settings import default_config
    from crosscheck.store import judged

    out, wanted = Path(out_dir), parse_formats(formats)
    made: list[StoreReport] = []

    def use(record: StreamedRecord) -> None:
        written, summary = write_record_reports(record, db, out, wanted, lang)
        made.append(StoreReport(written, summary, record.stats))

    try:
        stats = judged.build_state(db, default_config(rules_dir), rules_dir, use=use, busy_ms=KEEP_WAIT_MS,
                                   progress=progress, batch_claims=batch_claims)
    except judged.CannotKeep:
        return None
    if stats.kept_state:
        judged.reclaim(db)  # an older state's pages given back, as after a check's build
    return made[0]


class Stale(Exception):
    """The state is not the judgement of the record as it is now; the message says why."""


def stale_reason(conn: sqlite3.Connection, cfg, rules_version: str) -> str:
    """Why the state cannot be read for a report ("" when it can, but for the files: `_docs`)."""
    from crosscheck.store.judged import _TABLES, is_current

    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not set(_TABLES) <= tables:
        return "no judged state"
    if "judged_places" not in tables:
        return "the judged state does not record the articles' files"
    if not is_current(conn, cfg, rules_version):
        return "the judged state is of another generation or version"
    return ""


@contextmanager
def record_from_state(db: str | os.PathLike[str], *, rules_dir=None, config=None, progress=None,
                      doc_chunk: int = DOC_CHUNK, why: Optional[list] = None) -> Iterator[Optional[StreamedRecord]]:
    """The record as `streamed.reconcile_store` gives it, read from a current judged state;
    None when the state is not current (the reason appended to `why`)."""
    from crosscheck.reconcile.settings import default_config

    cfg = config or default_config(rules_dir)
    scratch_dir = scratch_directory()
    scratch = sqlite3.connect(os.path.join(scratch_dir, "scratch.db"), isolation_level=None)
    record = None
    try:
        try:
            record = _fill(db, scratch, scratch_dir, cfg, rules_dir, doc_chunk, progress)
        except Stale as e:
            if why is not None:
                why.append(str(e))
        yield record
    finally:
        close_scratch(record, scratch, scratch_dir)


def _fill(db, scratch, scratch_dir: str, cfg, rules_dir, doc_chunk: int, progress) -> StreamedRecord:
    """The scratch database filled from the state (`Stale` when it is not current)."""
    make_scratch_tables(scratch)
    stats = StreamStats()
    with collector_paused():
        with current_snapshot(db, rules_dir) as (conn, version):
            reason = stale_reason(conn, cfg, version)
            if reason:
                raise Stale(reason)
            _docs(conn, scratch, stats, doc_chunk, progress)
            _clusters(conn, scratch, stats)
            kept_incs = _incs(conn, scratch)
        scratch.execute("CREATE INDEX clusters_id ON clusters(id)")
        _order_indexes(scratch)
        if not kept_incs:  # a state kept before judged_incs: looked for among its clusters
            _inconsistencies(scratch, cfg, stats)
    return StreamedRecord(scratch_dir, scratch, stats)


def _docs(conn, scratch, stats: StreamStats, chunk: int, progress) -> None:
    """Each document's report record, in id order, a chunk at a time (as the first pass reads
    them: its dates are the chunk's), and its place checked against the state's."""
    from crosscheck.reconcile.dating import document_dates
    from crosscheck.store.sqlite_store import _documents_by_id

    ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    jsonl_lines: dict = {}
    scratch.execute("BEGIN")
    for i in range(0, len(ids), chunk):
        part = ids[i : i + chunk]
        docs = list(_documents_by_id(conn, part))
        found = document_dates(docs)
        locator = _Locator(docs, jsonl_lines)
        marks = ",".join("?" * len(part))
        kept = dict(conn.execute(f"SELECT id, place FROM judged_places WHERE id IN ({marks})", part))
        for d in docs:
            if kept.get(d.id) != place(locator, d.id):
                raise Stale(f"{d.id}: its file moved or changed since the record was judged")
            scratch.execute("INSERT INTO docs VALUES (?, ?)", (d.id, _report_document(d, found).model_dump_json()))
        stats.documents += len(docs)
        if progress is not None:
            progress(min(i + chunk, len(ids)), len(ids))
    scratch.execute("COMMIT")
    stats.claims = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]


class _Sentences:
    """The state's sentences by id (the decimal digits of its reference), each kept as the JSON
    a cluster's text puts back (`"sentence":` and the JSON string: encoded once, however many
    claims and mentions quote it), read as the clusters need them (500 a query), at most
    SENTENCES_HELD kept (a cluster's were written together, so the next clusters' are near)."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.texts: dict[str, str] = {}

    def need(self, ids: set[str]) -> None:
        missing = sorted(ids.difference(self.texts), key=int)
        if not missing:
            return
        if len(self.texts) + len(missing) > SENTENCES_HELD:
            self.texts.clear()
            missing = sorted(ids, key=int)
        for i in range(0, len(missing), 500):
            part = [int(n) for n in missing[i : i + 500]]
            rows = self.conn.execute(
                f"SELECT id, text FROM judged_sentences WHERE id IN ({','.join('?' * len(part))})", part).fetchall()
            self.texts.update(zip((str(n) for n, _ in rows), _encoded([text for _, text in rows])))
        if not ids <= self.texts.keys():
            gone = sorted(ids.difference(self.texts), key=int)
            raise ValueError(f"judged state: sentence {gone[0]} is missing")


def _encoded(texts: list[str]) -> list[str]:
    """`'"sentence":' + json.dumps(t, ensure_ascii=False)` of each text, in one call of the
    JSON encoder: the list is written with a line break between its items, and an encoded
    string never holds a raw line break (JSON escapes it), so the breaks split it back."""
    if not texts:
        return []
    return ['"sentence":' + t for t in json.dumps(texts, ensure_ascii=False, separators=("\n", ":"))[1:-1].split("\n")]


def _decoded(text: str, sentences: _Sentences) -> str:
    """A stored cluster's JSON with its sentences put back (compact.Writer.encode undone): the
    model's own JSON string of each (json.dumps without ASCII escapes writes a string as
    pydantic does).  The text split at its references: the pieces between them and, at the odd
    places, the references' ids."""
    parts = _REF.split(text)
    if len(parts) == 1:
        return text
    refs = parts[1::2]
    sentences.need(set(refs))
    texts = sentences.texts
    parts[1::2] = [texts[n] for n in refs]
    return "".join(parts)


def sort_fields(text: str) -> tuple[dict, int]:
    """(`json.loads(text)` without its claims, the number of claims) of a cluster's compact JSON
    (`Cluster.model_dump_json()`), the claims not parsed: the claims list found and its claims
    counted by their markers (report.cluster_text.claims_region; tests/test_report_from_state.py
    compares it with `json.loads` on every cluster of generated stores and on strings holding the
    markers)."""
    region = claims_region(text)
    if region is None:  # not the shape above: the whole text parsed
        head = json.loads(text)
        return head, len(head["claims"])
    start, end = region
    head = json.loads(text[: start + 1] + text[end - 1 :])
    return head, text.count(_CLAIM_OPEN, start, end)


def _clusters(conn, scratch, stats: StreamStats) -> None:
    """The state's clusters into the scratch `clusters` table (with the sort columns
    `_second_pass` gives them) and their hierarchy keys into `hkeys`, one cluster at a time."""
    from crosscheck.reconcile.reconciler import _STATUS_ORDER

    sentences = _Sentences(conn)
    rows: list[tuple] = []
    rows_chars = 0  # the JSON text of the clusters in `rows`, not yet written
    status: Counter = Counter()
    scratch.execute("BEGIN")
    reader = conn.cursor()
    for seq, cid, dedupe, kind, combination, data in reader.execute(
            "SELECT seq, id, dedupe, kind, combination, json FROM judged_clusters ORDER BY seq"):
        stored = compact.unpack(data).decode("utf-8")
        head, n_claims = sort_fields(stored)  # the sort columns
        severity = head.get("severity")
        st = head["status"]
        status[st] += 1
        if st != "conflict":
            stats.left.setdefault(head["kind"], Counter())[st] += 1
        text = _decoded(stored, sentences)
        rows.append((cid, dedupe, _STATUS_ORDER[st], -(severity or 0.0), severity is None, st, head["kind"],
                     n_claims, text, seq, combination, bool(head.get("outlier_links"))))
        rows_chars += len(text)
        stats.peak_rows_chars = max(stats.peak_rows_chars, rows_chars)
        del head, stored, text
        stats.clusters += 1
        # as the judgement writes them: ROWS_HELD at a time, or sooner when their JSON passes
        # ROWS_CHARS (the largest clusters come first, megabytes each: at 10k the first 256 held
        # ~430 MB)
        if len(rows) >= ROWS_HELD or rows_chars >= ROWS_CHARS:
            scratch.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            rows, rows_chars = [], 0
    scratch.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    scratch.executemany("INSERT INTO hkeys VALUES (?, ?, ?)", conn.execute("SELECT seq, pos, key FROM judged_hkeys"))
    scratch.execute("COMMIT")
    stats.status = status
    scratch.execute("DROP TABLE members")
    scratch.execute("DROP TABLE claims")
    scratch.execute("DROP TABLE mentions")


def _incs(conn, scratch) -> bool:
    """The judgement's inconsistencies (`judged_incs`) into the scratch `incs` table, as
    `streamed._inconsistencies` leaves it; False when the state does not keep them."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'judged_incs'").fetchone():
        return False
    _spool_table(scratch)
    scratch.execute("BEGIN")
    scratch.executemany("INSERT INTO incs (seq, soft, type, id, json) VALUES (?, ?, ?, ?, ?)",
                        ((seq, soft, kind, iid, compact.unpack(data).decode("utf-8")) for seq, soft, kind, iid, data
                         in conn.execute("SELECT seq, soft, type, id, json FROM judged_incs")))
    scratch.execute("COMMIT")
    scratch.execute("CREATE INDEX incs_order ON incs(soft, type, id, seq)")  # as _spooled_in_order leaves it
    return True
