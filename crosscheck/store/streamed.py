"""Reconciliation from the claim store, unit by unit, with a bounded number of claims in memory.

    with reconcile_store("crosscheck.db") as record:      # a StreamedRecord
        record.stats.peak_claims_held                       # the memory bound, in claims
        for text in record.cluster_texts(): ...             # report order, one cluster at a time

`report --store` without articles runs on this instead of loading every claim:

1. **documents, in id order, a chunk at a time**: each chunk's claims are read, repaired,
   dated and filled from their own document's context (all that needs a whole document), then
   written with their unit key (grouping.unit_key) to a scratch SQLite database next to
   nothing else (a temporary directory), with their report document record;
2. **units, in key order, a batch at a time**: the members of whole units (at least
   `batch_claims` claims, or one unit when it is larger) are read back, grouped and judged —
   units never interact, so this is what grouping all claims at once gives — and each cluster
   is written to the scratch database as JSON with its sort key;
3. **equal ids** (two scopes whose ids collide) get their `-2`, `-3` suffixes exactly as the
   in-memory path gives them, once every cluster is known;
4. the writers then stream documents and clusters out of the scratch database in report order
   (`ORDER BY` on the sort key): `report.json` and `report.jsonl` are byte-identical to the
   in-memory path's, and the pages get what they need (every conflict, counts of the rest).

Memory holds one chunk of documents or one batch of units, the near-duplicate groups (one
entry per document, from the stored signatures) and each document's date; never the record.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from typing import Container, Iterator, Optional

from crosscheck.models import Claim, Cluster, Document, Inconsistency, ReportDocument
from crosscheck.store.member_text import member_from_json, member_json  # noqa: F401 (re-exported)
from crosscheck.util.gc_pause import collector_paused

DOC_CHUNK = 256  # documents read (with all their claims) at a time
BATCH_CLAIMS = 20_000  # claims grouped and judged at a time (a larger unit goes alone)
MOMENT_CLAIMS = 5_000  # part/whole claims held at a time for inconsistencies (a larger moment goes alone)
TOP = 5  # conflicts kept for the one-screen summary

_SCRATCH = """
CREATE TABLE docs (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE members (unit TEXT NOT NULL, idx INTEGER NOT NULL, row BLOB NOT NULL, text TEXT, sentence TEXT);
CREATE TABLE claims (idx INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE mentions (idx INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE clusters (id TEXT NOT NULL, dedupe TEXT NOT NULL, status_order INTEGER NOT NULL,
                       neg_severity REAL NOT NULL, no_severity INTEGER NOT NULL,
                       status TEXT NOT NULL, kind TEXT NOT NULL,
                       n_claims INTEGER NOT NULL, json TEXT NOT NULL, seq INTEGER NOT NULL,
                       combination INTEGER NOT NULL, outlier_links INTEGER NOT NULL);
CREATE TABLE hkeys (seq INTEGER NOT NULL, pos INTEGER NOT NULL, key TEXT NOT NULL);
CREATE TABLE places (id TEXT PRIMARY KEY, place TEXT NOT NULL)
"""


class _Notes(dict):
    """Repair notes by member index; missing means none."""

    def __missing__(self, key: int) -> None:
        return None


@dataclass
class StreamStats:
    documents: int = 0
    claims: int = 0
    units: int = 0
    batches: int = 0
    clusters: int = 0
    status: Counter = field(default_factory=Counter)
    left: dict[str, Counter] = field(default_factory=dict)  # kind -> Counter(status), non-conflicts
    peak_claims_held: int = 0  # the most claims (or members) in memory at one time
    # inconsistencies: the most part/whole claims held at one time, and the moment batches
    peak_moment_claims: int = 0
    moment_batches: int = 0
    # with `keep`: the most members of judged groups held for it at one time
    peak_kept_members: int = 0

    # pass 2: the most mentions in memory at one time (a judged group's: members are grouped
    # without them) and all those given back to judging
    peak_mentions_held: int = 0
    mentions_restored: int = 0
    # pass 2 groups a batch on compact rows (crosscheck.store.claim_rows): the most whole
    # claims in memory at one time (a judged group's), and attributes a row had to read from
    # its whole claim (none expected)
    peak_whole_claims: int = 0
    row_fallbacks: int = 0
    # pass 2: the most characters of judged clusters' JSON held before being written
    peak_rows_chars: int = 0
    # pass 1: documents read as ingest prepared them (crosscheck.store.prepared), not prepared again
    prepared_documents: int = 0
    # the judgement was kept as the store's judged state (crosscheck.store.from_state.write_reports)
    kept_state: bool = False
    generation: int = 0  # the record's generation in the snapshot judged (sqlite_store.generation)

    def held(self, n: int) -> None:
        self.peak_claims_held = max(self.peak_claims_held, n)

    def held_whole(self, n: int) -> None:
        self.peak_whole_claims = max(self.peak_whole_claims, n)

    def held_mentions(self, n: int) -> None:
        self.peak_mentions_held = max(self.peak_mentions_held, n)
        self.mentions_restored += n


class StreamedRecord:
    """The reconciled record in a scratch database (see the module docstring)."""

    def __init__(self, scratch_dir: str, conn: sqlite3.Connection, stats: StreamStats) -> None:
        self._dir = scratch_dir
        self._conn = conn
        self.stats = stats

    def inconsistency_texts(self) -> Iterator[str]:
        """report.inconsistencies (reconcile.inconsistencies), each one's compact JSON, in report
        order, read back from the scratch table `_inconsistencies` spooled them to."""
        for (text,) in self._conn.execute("SELECT json FROM incs ORDER BY soft, type, id, seq"):
            yield text

    def inconsistencies(self) -> Iterator[Inconsistency]:
        """Each one validated; the pages hold them all: one fields-set record per model class."""
        for text in self.inconsistency_texts():
            inc = Inconsistency.model_validate_json(text)
            _share_fields_set(inc)
            for c in inc.claims:
                _share_fields_set(c)
            yield inc

    def inconsistency_count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM incs").fetchone()[0]

    def top_conflicts(self, limit: int = TOP) -> list[Cluster]:
        """The most severe conflicts in cluster_view.top_conflicts' order (for the summary)."""
        return [Cluster.model_validate_json(r[0]) for r in self._conn.execute(
            "SELECT json FROM clusters WHERE status = 'conflict' ORDER BY no_severity, neg_severity, id LIMIT ?",
            (limit,))]

    # ----------------------------------------------------------------- reading

    def document_texts(self) -> Iterator[str]:
        """Each report document's compact JSON, in id order."""
        for (text,) in self._conn.execute("SELECT json FROM docs ORDER BY id"):
            yield text

    def document_records(self) -> Iterator[ReportDocument]:
        for text in self.document_texts():
            yield ReportDocument.model_validate_json(text)

    def cluster_texts(self, where: str = "", top: bool = False, params: tuple | list = ()) -> Iterator[str]:
        """Each cluster's compact JSON, in report order (`where`: an SQL condition), or with
        `top` in cluster_view.top_conflicts' order."""
        sql = "SELECT json FROM clusters" + (f" WHERE {where}" if where else "") + \
              (" ORDER BY no_severity, neg_severity, id" if top else " ORDER BY status_order, neg_severity, id")
        for (text,) in self._conn.execute(sql, params):
            yield text

    def clusters(self, where: str = "", top: bool = False) -> Iterator[Cluster]:
        for text in self.cluster_texts(where, top):
            yield Cluster.model_validate_json(text)

    def close(self) -> None:
        self._conn.close()
        shutil.rmtree(self._dir, ignore_errors=True)



def close_scratch(record, scratch: sqlite3.Connection, scratch_dir: str) -> None:
    """The record closed (it removes its scratch directory), or, when none was made, the scratch
    database closed and its directory removed."""
    if record is not None:
        record.close()
    else:
        scratch.close()
        shutil.rmtree(scratch_dir, ignore_errors=True)

def make_scratch_tables(scratch: sqlite3.Connection) -> None:
    """The scratch database's tables, unjournalled (it lives only for one report)."""
    scratch.execute("PRAGMA journal_mode = OFF")
    scratch.execute("PRAGMA synchronous = OFF")
    for statement in _SCRATCH.split(";"):
        if statement.strip():
            scratch.execute(statement)


@contextmanager
def reconcile_store(db: str | os.PathLike[str], *, rules_dir=None, config=None,
                    batch_claims: int = BATCH_CLAIMS, doc_chunk: int = DOC_CHUNK,
                    progress=None, keep=None) -> Iterator[StreamedRecord]:
    """Reconcile the stored record unit by unit (see the module docstring).

    `keep`, when given (crosscheck.store.judged keeps the judged record this way), is called
    as `keep(members, groups, seqs, sources)` for every run of judged groups of about
    `KEEP_MEMBERS` members, with those members as read back (member index -> `member_json`:
    before votes are linked and the members grouped), the groups, each group's cluster `seq`
    (the `seq` column of the scratch `clusters` table) and the record's near-duplicate groups;
    then, once a batch of units is judged, as `keep.batch_end(read, sources)`, where `read()`
    yields (member index, claim as read back) for every member of the batch in its order
    (`read(wanted)`: for the members whose index is in `wanted` only, in the same order).
    The groups kept are let go: a batch's largest memory is its members once, not its members,
    their texts and its judged groups all together (`StreamStats.peak_kept_members`)."""
    from crosscheck.reconcile.dating import date_rules
    from crosscheck.reconcile.settings import default_config
    from crosscheck.store.sqlite_store import _source_groups, generation

    cfg = config or default_config(rules_dir)
    scratch_dir = scratch_directory()
    scratch = sqlite3.connect(os.path.join(scratch_dir, "scratch.db"), isolation_level=None)
    record = None
    try:
        make_scratch_tables(scratch)
        stats = StreamStats()
        # the cyclic collector held off while the record is read and judged: a batch holds tens
        # of thousands of members, claims and clusters and makes next to no garbage cycles, yet
        # each full collection re-reads every live object (1k: 21.1 -> 16.9 CPU-s); reference
        # counting frees everything as before, the collector runs again afterwards
        with collector_paused():
            with current_snapshot(db, rules_dir) as (conn, _):
                stats.generation = generation(conn)
                sources = _source_groups(conn, [], cfg)
                doc_dates = _first_pass(conn, scratch, cfg, date_rules(rules_dir), stats, doc_chunk, progress,
                                        texts=keep is not None, rules_dir=rules_dir)
            scratch.execute("CREATE INDEX members_unit ON members(unit, idx)")
            scratch.execute("CREATE INDEX members_idx ON members(idx)")  # a row's sentence
            _second_pass(scratch, cfg, doc_dates, sources, stats, batch_claims, keep)
            _dedupe_ids(scratch)
            _order_indexes(scratch)
            _inconsistencies(scratch, cfg, stats)
        record = StreamedRecord(scratch_dir, scratch, stats)
        record.doc_dates, record.sources = doc_dates, sources
        record.generation = stats.generation
        yield record
    finally:
        close_scratch(record, scratch, scratch_dir)


@contextmanager
def current_snapshot(db: str, rules_dir=None) -> Iterator[tuple[sqlite3.Connection, str]]:
    """The store read in one consistent snapshot (BEGIN … COMMIT), once it is known current for
    these rules (`require_current`): (connection, rules version)."""
    from crosscheck.ruleset.loader import load_rules
    from crosscheck.store.sqlite_store import connect, require_current

    with closing(connect(db)) as conn:
        conn.execute("BEGIN")
        try:
            version = load_rules(rules_dir).version
            require_current(conn, db, version)
            yield conn, version
        finally:
            conn.execute("COMMIT")


SCRATCH_PREFIX = "crosscheck-reconcile-"


def scratch_directory() -> str:
    """A new scratch directory named for this process (`crosscheck-reconcile-<pid>-…` in the
    temporary directory).  Those left by a process that no longer runs - killed before it
    could remove its own (SIGKILL, out of memory) - are removed first; a directory whose
    process still runs (or whose name carries no process id) is left alone."""
    root = tempfile.gettempdir()
    try:
        entries = list(os.scandir(root))
    except OSError:
        entries = []
    for entry in entries:
        if not entry.name.startswith(SCRATCH_PREFIX):
            continue
        pid = entry.name[len(SCRATCH_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)) \
                and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
    return tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's, or cannot tell: keep it
    return True


def _first_pass(conn, scratch, cfg, drules, stats: StreamStats, chunk: int, progress,
                texts: bool = False, rules_dir=None) -> dict[str, Optional[str]]:
    """Documents in id order: report records, dates, and every claim filled and keyed (with
    `texts`, each member's `member_json` too, for `keep`)."""
    from crosscheck.reconcile.dating import document_dates
    from crosscheck.reconcile.grouping import fill_context, unit_key
    from crosscheck.reconcile.reconciler import prepare_claims
    from crosscheck.store.sqlite_store import _documents_by_id

    from crosscheck.reconcile.hierarchy import load_hierarchy
    from crosscheck.store.claim_rows import row_fields, row_values

    from crosscheck.reconcile.dating import DocDates
    from crosscheck.ruleset.loader import load_rules
    from crosscheck.store import prepared

    hier = load_hierarchy()
    fields = row_fields(cfg.scope_attributes)
    ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    total = len(ids)
    jsonl_lines: dict = {}  # path -> {digest of a record's text: its line}, shared by the chunks
    doc_dates: dict[str, Optional[str]] = {}
    wanted = prepared.version(cfg, load_rules(rules_dir).version)
    index = 0
    scratch.execute("BEGIN")
    for i in range(0, total, chunk):
        part = ids[i : i + chunk]
        docs = list(_documents_by_id(conn, part))
        # documents ingest prepared (crosscheck.store.prepared) are read as it kept them; the
        # others (kept by other code or rules, or before the table) are prepared here
        kept = prepared.read(conn, part, wanted)
        found = document_dates([d for d in docs if d.id not in kept])
        for doc_id, p in kept.items():
            found.dates[doc_id], found.source[doc_id] = p.date, p.date_from
        stats.prepared_documents += len(kept)
        rest = [doc_id for doc_id in part if doc_id not in kept]
        marks = ",".join("?" * len(rest))
        by_doc: dict[str, list[Claim]] = {}
        for doc_id, data in conn.execute(
                f"SELECT doc_id, data FROM claims WHERE doc_id IN ({marks}) ORDER BY doc_id, seq", rest):
            by_doc.setdefault(doc_id, []).append(Claim.model_validate_json(data))
        locator = _Locator(docs, jsonl_lines)  # one chunk's files, read once each
        rows, whole, spooled = [], [], []
        held = 0
        for d in docs:
            when = found.dates.get(d.id)
            doc_dates[d.id] = when.isoformat() if when else None
            record = _report_document(d, found)
            scratch.execute("INSERT INTO docs VALUES (?, ?)", (d.id, record.model_dump_json()))
            if d.id in kept:
                members = list(kept[d.id].members(index, texts))
            else:
                claims = by_doc.get(d.id, [])
                dated, notes = prepare_claims(claims, found, drules, [d], hier)
                members = [(m, notes[m.index - index], None, None) for m in fill_context(dated, cfg, index)]
            held += len(members)
            for m, note, unit, text in members:
                c = m.claim
                where = (locator.where(c.doc, c.start, c.end, c.field),
                         [locator.where(c.doc, x.start, x.end, x.field) for x in c.mentions])
                text = (text or member_json(m, note)) if texts else None
                if c.mentions:  # spooled apart: grouping never reads them, judging reads a group's
                    spooled.append((m.index, pickle.dumps(c.mentions, pickle.HIGHEST_PROTOCOL)))
                    c.__dict__["mentions"] = []
                # what grouping reads (a row), apart from the whole claim (read back to judge)
                row = (m.index, m.uncertain, m.notes, m.forms, m.pre, row_values(c, fields))
                rows.append((unit or unit_key(c, cfg), m.index, pickle.dumps(row, pickle.HIGHEST_PROTOCOL),
                             text, c.sentence))
                whole.append((m.index, pickle.dumps((c, note, where), pickle.HIGHEST_PROTOCOL)))
            index += len(members)
            stats.documents += 1
            stats.claims += len(members)
            del members
        stats.held(held)
        if texts:  # kept with the state: what its positions depend on (crosscheck.store.from_state)
            from crosscheck.store.report_tables import place

            scratch.executemany("INSERT INTO places VALUES (?, ?)", [(d.id, place(locator, d.id)) for d in docs])
        scratch.executemany("INSERT INTO members VALUES (?, ?, ?, ?, ?)", rows)
        scratch.executemany("INSERT INTO claims VALUES (?, ?)", whole)
        scratch.executemany("INSERT INTO mentions VALUES (?, ?)", spooled)
        if progress is not None:
            progress(min(i + chunk, total), total)
    scratch.execute("COMMIT")
    return doc_dates


def _locator_class():
    from crosscheck.text.textpos import Locator

    class _ChunkLocator(Locator):
        """report.positions' Locator for one chunk of documents, with JSONL line tables (digests
        of the records' texts) shared between chunks: each JSONL file read once per run."""

        def __init__(self, documents, jsonl_lines: dict) -> None:
            super().__init__(documents)
            self._shared = jsonl_lines

        def _jsonl_lines(self, path: str):
            if path not in self._shared:
                self._shared[path] = super()._jsonl_lines(path)
                self._jsonl = {}
            return self._shared[path]

    return _ChunkLocator


def _Locator(documents, jsonl_lines: dict):
    return _locator_class()(documents, jsonl_lines)


def _report_document(d: Document, found) -> ReportDocument:
    """reconciler.build_report's record of one document."""
    import hashlib

    return ReportDocument(
        id=d.id, path=d.path,
        date=d.date or (found.dates[d.id].isoformat() if found.dates.get(d.id) else None),
        date_from=found.source.get(d.id), source=d.source, url=d.url,
        sha256=d.sha256 or hashlib.sha256(d.text.encode("utf-8")).hexdigest(),
    )


def _unit_batches(scratch, batch_claims: int) -> Iterator[list[str]]:
    """Unit keys in order, cut into batches of at least `batch_claims` members (a larger unit alone)."""
    batch: list[str] = []
    size = 0
    for unit, n in scratch.execute("SELECT unit, COUNT(*) FROM members GROUP BY unit ORDER BY unit").fetchall():
        if batch and size + n > batch_claims:
            yield batch
            batch, size = [], 0
        batch.append(unit)
        size += n
    if batch:
        yield batch


def _second_pass(scratch, cfg, doc_dates, sources, stats: StreamStats, batch_claims: int, keep=None) -> None:
    """Group and judge whole units a batch at a time; write each cluster with its sort key."""
    from crosscheck.reconcile.grouping import Member, dedupe_order, group_members
    from crosscheck.reconcile.hierarchy import ADDITIVE_KINDS, is_combination, load_hierarchy
    from crosscheck.reconcile.reconciler import _STATUS_ORDER, judge_groups
    from crosscheck.reconcile.votes import link_votes

    from crosscheck.store.claim_rows import RowSource, make_row, row_class, row_fields

    hier = load_hierarchy()
    cls = row_class(row_fields(cfg.scope_attributes))

    reader = scratch.cursor()
    scratch.execute("BEGIN")
    for units in _unit_batches(scratch, batch_claims):
        # the batch is grouped on compact rows (crosscheck.store.claim_rows); each group's
        # claims are read back whole just before it is judged
        src = RowSource(scratch)
        members = []
        strings: dict = {}  # one copy of each short text (and tuple) the batch's members repeat
        unit_of: dict[int, str] = {}  # member index -> its unit (`keep` reads its text back)
        for unit in units:
            for (data,) in reader.execute("SELECT row FROM members WHERE unit = ? ORDER BY idx", (unit,)):
                index, uncertain, mnotes, forms, pre, values = pickle.loads(data)
                members.append(Member(index, make_row(cls, index, values, src, strings), uncertain, mnotes,
                                      forms, pre))
                if keep is not None:
                    unit_of[index] = unit
        stats.units += len(units)
        stats.batches += 1
        stats.held(len(members))
        # the vote each tally belongs to is settled across documents (all tallies are one unit)
        linked = link_votes([m.claim for m in members], sources=sources)
        for m, c in zip(members, linked):
            m.claim = c
        grouping = group_members(members, cfg, dedupe=False)
        groups = grouping.groups
        del members, linked, grouping  # the groups hold the members
        rows, keys = [], []
        rows_chars = 0  # the JSON text of the clusters in `rows`, not yet written
        pending: list = []  # (group, seq) judged, to be kept
        pending_members = 0
        # each group judged and written on its own (judging is per group): one cluster in
        # memory beside the batch's members, and each group's members let go once written (and
        # kept: `keep` is given them a run of groups at a time, their texts read back then)
        for n, g in enumerate(groups):
            order = json.dumps(dedupe_order(g), ensure_ascii=False)
            notes, positions = _restore_claims(scratch, g.members, strings)
            stats.held_whole(len(g.members))
            stats.held_mentions(_restore_mentions(scratch, g.members))
            (c,) = judge_groups([g], notes, doc_dates, sources, cfg, hier)
            for m, cc in zip(g.members, c.claims):  # report.positions, from pass 1
                cc.position, mention_positions = positions.pop(m.index)
                for mention, pos in zip(cc.mentions, mention_positions):
                    mention.position = pos
            stats.clusters += 1
            if c.kind in ADDITIVE_KINDS and c.claims:  # what reconcile.inconsistencies links
                keys += [(stats.clusters, i, k) for i, k in enumerate(c.hierarchy_keys)]
            stats.status[c.status] += 1
            if c.status != "conflict":
                stats.left.setdefault(c.kind, Counter())[c.status] += 1
            text = c.model_dump_json()
            rows.append((c.id, order, _STATUS_ORDER[c.status], -(c.severity or 0.0), c.severity is None,
                         c.status, c.kind, len(c.claims), text, stats.clusters,
                         is_combination(c.key.get("location") or ""), bool(c.outlier_links)))
            rows_chars += len(text)
            stats.peak_rows_chars = max(stats.peak_rows_chars, rows_chars)
            del text
            del c
            groups[n] = None
            if keep is not None:
                pending.append((g, stats.clusters))
                pending_members += len(g.members)
                stats.peak_kept_members = max(stats.peak_kept_members, pending_members)
                if pending_members >= KEEP_MEMBERS:
                    _keep_run(reader, keep, pending, unit_of, sources)
                    pending, pending_members = [], 0
            del g
            # written 256 clusters at a time, or sooner when their JSON passes ROWS_CHARS: the
            # largest clusters of a batch (thousands of claims each) are not held 256 at a time
            if len(rows) >= 256 or rows_chars >= ROWS_CHARS:
                scratch.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                rows, rows_chars = [], 0
        scratch.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        if keep is not None:
            if pending:
                _keep_run(reader, keep, pending, unit_of, sources)
            del pending
            keep.batch_end(lambda wanted=None: _read_back(scratch, units, wanted), sources)
        scratch.executemany("INSERT INTO hkeys VALUES (?, ?, ?)", keys)
        stats.row_fallbacks += src.fallbacks
        del groups, rows, unit_of, strings, src
    scratch.execute("COMMIT")
    scratch.execute("DROP TABLE members")
    scratch.execute("DROP TABLE claims")
    scratch.execute("DROP TABLE mentions")


ROWS_CHARS = 4_000_000  # judged clusters' JSON held before it is written to the scratch database
KEEP_MEMBERS = 4_096  # members of judged groups given to `keep` at a time (a larger group alone)


def _keep_run(reader, keep, pending: list, unit_of: dict[int, str], sources) -> None:
    """`keep` a run of judged groups, with their members' texts as pass 1 wrote them to the
    scratch database (`member_json` of the member and its note: before linking and grouping)."""
    before: dict[int, str] = {}
    wanted = [m.index for g, _seq in pending for m in g.members]
    for i in range(0, len(wanted), 500):  # read 500 at a time (by the index on idx), not one query each
        part = wanted[i : i + 500]
        for idx, unit, text in reader.execute(
                f"SELECT idx, unit, text FROM members WHERE idx IN ({','.join('?' * len(part))})", part):
            if unit == unit_of[idx]:
                before[idx] = text
    missing = [i for i in wanted if i not in before]
    if missing:
        raise AssertionError(f"members {missing[:5]} not found in the scratch database")
    keep(before, [g for g, _s in pending], [s for _g, s in pending], sources)


def _read_back(scratch, units: list[str], wanted: Optional[Container[int]] = None) -> Iterator[tuple[int, Claim]]:
    """(index, claim) of every member of `units` as read back (before linking), in batch order,
    with its mentions; with `wanted`, of the members whose index is in it only (the others'
    claims are not read: the judged state's keeping reads the batch's tallies, a fifth of a
    batch holding the vote unit at 1k)."""
    from crosscheck.reconcile.grouping import Member

    if wanted is not None:
        for unit in units:
            idxs = [idx for (idx,) in scratch.execute("SELECT idx FROM members WHERE unit = ? ORDER BY idx", (unit,))
                    if idx in wanted]
            for i in range(0, len(idxs), 500):  # in that order, 500 claims a query
                part = idxs[i : i + 500]
                data_of = dict(scratch.execute(
                    f"SELECT idx, data FROM claims WHERE idx IN ({','.join('?' * len(part))})", part))
                # as the join below: a member without its claim is not read
                got = [Member(idx, pickle.loads(data_of[idx])[0]) for idx in part if idx in data_of]
                if len({m.index for m in got}) == len(got):
                    _restore_mentions(scratch, got)  # 500 a query
                else:  # a member listed twice: each copy given its mentions
                    for m in got:
                        _restore_mentions(scratch, [m])
                for m in got:
                    yield m.index, m.claim
        return
    for unit in units:
        for idx, data in scratch.execute(
                "SELECT m.idx, c.data FROM members m JOIN claims c ON c.idx = m.idx WHERE m.unit = ? ORDER BY m.idx",
                (unit,)):
            m = Member(idx, pickle.loads(data)[0])
            _restore_mentions(scratch, [m])
            yield m.index, m.claim


def _restore_claims(scratch, members, strings: dict) -> tuple[_Notes, dict]:
    """Give these members (grouped on rows, crosscheck.store.claim_rows) their whole claims as
    pass 1 wrote them, with the updates linking and grouping made to their rows; their repair
    notes and report positions."""
    notes, positions = _Notes(), {}
    by_index = {m.index: m for m in members}
    wanted = sorted(by_index)
    for i in range(0, len(wanted), 500):
        part = wanted[i : i + 500]
        for idx, data in scratch.execute(
                f"SELECT idx, data FROM claims WHERE idx IN ({','.join('?' * len(part))})", part):
            m = by_index[idx]
            claim, note, where = pickle.loads(data)
            _share_fields_set(claim)
            _share_strings(claim, strings)
            updates = m.claim.updates
            if updates:
                claim = claim.model_copy(update=updates)
            m.claim = claim
            positions[idx] = _shared_where(where, strings)
            if note:
                notes[idx] = note
    return notes, positions


def _restore_mentions(scratch, members) -> int:
    """Give these members' claims back the mentions pass 1 spooled apart (each mention's
    sentence its claim's copy when equal); the number of mentions given back.

    A member is read for grouping without its mentions (about a tenth of its memory; the
    largest unit, held whole, is most of a batch): nothing in linking or grouping reads them,
    judging a group does (its cluster claims carry them)."""
    by_index = {m.index: m for m in members}
    wanted = sorted(by_index)
    n = 0
    for i in range(0, len(wanted), 500):
        part = wanted[i : i + 500]
        for idx, data in scratch.execute(
                f"SELECT idx, data FROM mentions WHERE idx IN ({','.join('?' * len(part))})", part):
            claim = by_index[idx].claim
            mentions = pickle.loads(data)
            sentence = claim.sentence
            for x in mentions:
                _share_fields_set(x)
                _share_keys(x)
                if x.sentence == sentence:
                    x.__dict__["sentence"] = sentence
            claim.__dict__["mentions"] = mentions
            n += len(mentions)
    return n


# pydantic's record of the fields set on a model (a set of ~25 names, about 2 KB) is made anew
# for every claim read back, and held for every member of a batch: the members share one (a
# union).  Nothing reads it but `exclude_unset`, which crosscheck never uses (as in extraction,
# crosscheck.extract.extractor._share_fields_set).
_FIELDS: dict[type, set] = {}


def _share_fields_set(model) -> None:
    for x in (model, *getattr(model, "mentions", ())):
        mine = x.__pydantic_fields_set__
        shared = _FIELDS.get(type(x))
        if shared is None or not mine <= shared:
            shared = _FIELDS[type(x)] = set(mine) | (shared or set())
        object.__setattr__(x, "__pydantic_fields_set__", shared)


# A claim read back holds its own copy of every text: its document id, kind, rule, scope
# words, date, and each mention's sentence (the first is the claim's).  A unit of thousands of
# members (at scale the largest unit is held whole) repeats the short ones: the members of a
# batch share one copy (about a sixth of a member's memory; values unchanged).
_DISTINCT = frozenset({"surface", "sentence"})  # (nearly) every claim's own


def _share_strings(claim, strings: dict[str, str]) -> None:
    d = {}
    for name, v in claim.__dict__.items():
        if type(v) is str:
            if name not in _DISTINCT:
                v = strings.setdefault(v, v)
        elif type(v) is list and v and type(v[0]) is str:
            v[:] = [strings.setdefault(x, x) for x in v]
        d[sys.intern(name)] = v
    object.__setattr__(claim, "__dict__", d)
    sentence = d.get("sentence")
    for x in d.get("mentions", ()):
        md = x.__dict__
        if md.get("sentence") == sentence:
            md["sentence"] = sentence


# Unpickling gives every object's attribute names (the keys of its __dict__) as new strings:
# a claim's 32 names, its member's and its mentions' cost about 2.5 KB a member, more than a
# third of a read-back member.  Python's own copy of each name (`sys.intern`) is shared.
def _share_keys(obj) -> None:
    object.__setattr__(obj, "__dict__", {sys.intern(k): v for k, v in obj.__dict__.items()})


def _shared_where(where: tuple, strings: dict[str, str]) -> tuple:
    """A member's report positions ('file:line:col' of the claim and of each mention) with the
    batch's copy of each: the claims of one JSONL record share its line."""
    pos, mentions = where
    return (strings.setdefault(pos, pos) if pos else pos,
            [strings.setdefault(x, x) if x else x for x in mentions])


def _inconsistencies(scratch, cfg, stats: Optional[StreamStats] = None) -> None:
    """reconcile.inconsistencies over the clusters a constraint can link (a part whose
    ancestor key is another cluster's own key, that whole, combinations, and running totals
    with figures left out of their growth: Cluster.outlier_links), read back in
    report order: the same list as over every cluster, without holding every cluster.

    Part/whole constraints compare claims of one moment (a day, or one article), so the
    additive clusters are held without their claims, and their claims are read back a batch
    of moments at a time (about MOMENT_CLAIMS; `StreamStats.peak_moment_claims`); the running
    totals' left-out figures are worked out one cluster at a time, and the vote-linked clusters
    (number typos, tallies above a body's size) together.

    What is found is spooled to the scratch table `incs` as it is found (`_spool`), not held
    until the report is written: StreamedRecord.inconsistencies reads it back in
    `in_order`'s order (hard first, by type and id, each id once)."""
    from crosscheck.models import ClusterClaim
    from crosscheck.reconcile.hierarchy import ADDITIVE_KINDS, load_hierarchy
    from crosscheck.reconcile.captives import CAPTIVE_KINDS
    from crosscheck.reconcile.inconsistencies import (VOTE_LINKED, _moment, captive_ledger,
                                                      cross_story_inconsistencies, outlier_link_inconsistencies,
                                                      part_whole_inconsistencies, unit_mismatches)
    from crosscheck.reconcile.unit_pairs import pair_kinds

    lengths_of = sorted(pair_kinds(cfg))

    stats = stats or StreamStats()
    scratch.execute("CREATE INDEX hkeys_key ON hkeys(key, pos)")
    linked = f"""
        SELECT a.seq FROM hkeys a JOIN hkeys b ON a.key = b.key WHERE a.pos = 0 AND b.pos > 0
        UNION SELECT b.seq FROM hkeys a JOIN hkeys b ON a.key = b.key WHERE a.pos = 0 AND b.pos > 0
        UNION SELECT DISTINCT seq FROM hkeys WHERE seq IN (SELECT seq FROM clusters WHERE combination)
        UNION SELECT seq FROM clusters WHERE outlier_links
        UNION SELECT seq FROM clusters WHERE kind IN ({",".join("?" * len(VOTE_LINKED))})
        UNION SELECT seq FROM clusters WHERE kind IN ({",".join("?" * len(CAPTIVE_KINDS))})
        UNION SELECT seq FROM clusters WHERE kind IN ({",".join("?" * len(lengths_of))})"""
    scratch.execute("CREATE TABLE moment_claims (moment TEXT NOT NULL, head INTEGER NOT NULL, pos INTEGER NOT NULL,"
                    " json TEXT NOT NULL)")
    _spool_table(scratch)
    heads, voting, captives, lengths = [], [], [], []
    strings: dict[str, str] = {}  # one copy of each document id and date among the vote-linked claims
    scratch.execute("BEGIN")
    for (text,) in _rows(scratch, linked, tuple(lengths_of)):
        cl = Cluster.model_validate_json(text)
        got = outlier_link_inconsistencies([cl])
        _spool(scratch, _placed(got, cl.claims))
        if cl.kind in CAPTIVE_KINDS:  # the few captive clusters, together (reconcile.captives)
            captives.append(cl)
        if cl.kind in lengths_of:  # the lengths in days and months, together (reconcile.unit_pairs)
            lengths.append(cl)
        if cl.kind in VOTE_LINKED:  # held together until all are read: only what is compared and cited
            voting.append(_VoteLinked(cl, strings))
        elif cl.kind in ADDITIVE_KINDS and cl.claims:
            placed = bool(cl.key.get("location"))
            scratch.executemany("INSERT INTO moment_claims VALUES (?, ?, ?, ?)",
                                [(json.dumps(_moment(c, placed), ensure_ascii=False), len(heads), i, c.model_dump_json())
                                 for i, c in enumerate(cl.claims)])
            heads.append(cl.model_copy(update={"claims": [], "trajectory": None, "outlier_links": []}))
    scratch.execute("COMMIT")
    _spool(scratch, _placed(cross_story_inconsistencies(voting, cfg), [c for cl in voting for c in cl.claims]))
    _spool(scratch, _placed(captive_ledger(captives, cfg), [c for cl in captives for c in cl.claims]))
    _spool(scratch, _placed(unit_mismatches(lengths, cfg), [c for cl in lengths for c in cl.claims]))
    del voting, strings, captives, lengths
    if heads:
        scratch.execute("CREATE INDEX moment_claims_moment ON moment_claims(moment)")
        hier = load_hierarchy()
        batch, size = [], 0
        moments = scratch.execute("SELECT moment, COUNT(*) FROM moment_claims GROUP BY moment ORDER BY moment").fetchall()
        for n, (moment, count) in enumerate(moments):
            batch.append(moment)
            size += count
            if size < MOMENT_CLAIMS and n + 1 < len(moments):
                continue
            rows: list[tuple] = []
            for i in range(0, len(batch), 500):
                part = batch[i : i + 500]
                rows += scratch.execute(f"SELECT head, pos, json FROM moment_claims WHERE moment IN "
                                        f"({','.join('?' * len(part))})", part).fetchall()
            rows.sort(key=lambda r: (r[0], r[1]))  # each cluster's claims in its own order
            held = []
            for h, _pos, text in rows:
                c = ClusterClaim.model_validate_json(text)
                _share_fields_set(c)
                heads[h].claims.append(c)
                held.append(c)
            del rows
            stats.peak_moment_claims = max(stats.peak_moment_claims, len(held))
            stats.moment_batches += 1
            _spool(scratch, _placed(part_whole_inconsistencies(heads, cfg, hier), held))
            for cl in heads:
                cl.claims = []
            del held
            batch, size = [], 0
    scratch.execute("DROP TABLE moment_claims")
    _spooled_in_order(scratch)


def _spool_table(scratch) -> None:
    scratch.execute("CREATE TABLE incs (seq INTEGER PRIMARY KEY, soft INTEGER NOT NULL, type TEXT NOT NULL,"
                    " id TEXT NOT NULL, json TEXT NOT NULL)")


def _spooled_in_order(scratch) -> None:
    """The spooled inconsistencies as reconcile.inconsistencies.in_order gives them: each id
    once (the first in (hard first, type, id) order, the order found among equals), indexed in
    that order (StreamedRecord.inconsistency_texts walks it; SQLite compares UTF-8 text bytewise,
    which is Python's code-point order)."""
    scratch.execute("DELETE FROM incs WHERE seq NOT IN (SELECT seq FROM (SELECT seq, ROW_NUMBER() OVER"
                    " (PARTITION BY id ORDER BY soft, type, seq) AS n FROM incs) WHERE n = 1)")
    scratch.execute("CREATE INDEX incs_order ON incs(soft, type, id, seq)")


def _spool(scratch, found: list) -> None:
    """Inconsistencies written to the scratch table `incs` in the order found, with the keys of
    reconcile.inconsistencies.in_order (its sort is stable: `seq` orders equal keys)."""
    scratch.executemany("INSERT INTO incs (soft, type, id, json) VALUES (?, ?, ?, ?)",
                        [(int(i.strength != "hard"), i.type, i.id, i.model_dump_json()) for i in found])


class _VoteClaim:
    """What the cross-story checks read of a vote-linked claim (number typos, tallies above a
    body's size: reconcile.inconsistencies `_number_typos`, `_tally_sums`, `_cite`) and where it
    is (`_placed`): about a tenth of a ClusterClaim's memory (no sentence, mentions, scope)."""

    __slots__ = ("doc", "kind", "value", "qualifier", "surface", "start", "end", "field", "low", "high",
                 "as_of", "outlier", "source_group", "position")

    def __init__(self, c, strings: dict[str, str]) -> None:
        for name in self.__slots__:
            v = getattr(c, name)
            setattr(self, name, strings.setdefault(v, v) if name in ("doc", "as_of", "source_group") and v else v)


class _VoteLinked:
    """A vote-linked cluster as the cross-story checks read it: id, kind, its vote event and
    its claims (`_VoteClaim`)."""

    __slots__ = ("id", "kind", "key", "claims")

    def __init__(self, cl: Cluster, strings: dict[str, str]) -> None:
        self.id, self.kind = cl.id, cl.kind
        self.key = {"event": cl.key.get("event")}
        self.claims = [_VoteClaim(c, strings) for c in cl.claims]


def _rows(scratch, linked: str, lengths: tuple = ()):
    """The linked clusters' JSON in report order, one at a time (the most severe conflicts come
    first, and they are the largest: at 10k, 64 rows in a row held 49 MB of JSON); `lengths`:
    the kinds of the unit pairs, the last parameters of `linked`."""
    from crosscheck.reconcile.captives import CAPTIVE_KINDS
    from crosscheck.reconcile.inconsistencies import VOTE_LINKED

    yield from scratch.execute(f"SELECT json FROM clusters WHERE seq IN ({linked}) "
                               "ORDER BY status_order, neg_severity, id",
                               (*VOTE_LINKED, *CAPTIVE_KINDS, *lengths))


def _placed(found: list, claims) -> list:
    """`found` with report.positions: a cited claim is where its cluster's claim is."""
    if found:
        where = {(c.doc, c.field, c.start, c.end): c.position for c in claims}
        for inc in found:
            for ic in inc.claims:
                ic.position = where.get((ic.doc, ic.field, ic.start, ic.end))
    return found


def _dedupe_ids(scratch) -> None:
    """Equal ids get `-2`, `-3`... in the order grouping.`_dedupe_ids` gives them.

    The clusters are indexed by id first: each equal id's rows were found by reading the whole
    table (every cluster, its JSON too), once per id shared: at 1k about 30 % of `report
    --store`, and growing as ids shared x clusters.  The index keeps a shared id's rows in
    rowid order, the order the table gave them (the sort below keeps it for equal keys); it
    stays for the lookups by id after (crosscheck.store.judged's `_base`), and no query in
    report order can use it (they order by severity first, then by the now distinct ids)."""
    scratch.execute("CREATE INDEX IF NOT EXISTS clusters_id ON clusters(id)")
    dup = [r[0] for r in scratch.execute("SELECT id FROM clusters GROUP BY id HAVING COUNT(*) > 1 ORDER BY id")]
    if not dup:
        return
    scratch.execute("BEGIN")
    for cid in dup:
        rows = scratch.execute("SELECT rowid, dedupe, json FROM clusters WHERE id = ?", (cid,)).fetchall()
        rows.sort(key=lambda r: [tuple(x) for x in json.loads(r[1])])
        for n, (rowid, _order, text) in enumerate(rows[1:], 2):
            cluster = Cluster.model_validate_json(text)
            new_id = f"{cid}-{n}"
            cluster = cluster.model_copy(update={"id": new_id})
            scratch.execute("UPDATE clusters SET id = ?, json = ? WHERE rowid = ?",
                            (new_id, cluster.model_dump_json(), rowid))
    scratch.execute("COMMIT")


def _order_indexes(scratch) -> None:
    """The clusters indexed in report order and, per status, in cluster_view.top_conflicts'
    order, so the queries that read their JSON in those orders walk an index.  Without them
    SQLite sorted the rows, JSON and all, in a temporary b-tree held in memory: at 10k, reading
    every cluster in report order (report.json) took the process from 30 to 218 MB.  The ids
    are distinct by now (`_dedupe_ids`), so each order is total: the same rows in the same
    order as the sort gave."""
    scratch.execute("CREATE INDEX clusters_order ON clusters(status_order, neg_severity, id)")
    scratch.execute("CREATE INDEX clusters_top ON clusters(status, no_severity, neg_severity, id)")


# --------------------------------------------------------------------------- writing


@dataclass
class StoreReport:
    written: list  # paths
    summary: str  # the one-screen summary `crosscheck report` prints
    stats: StreamStats
    # why the record was judged ("" when it was read from the judged state `check` keeps:
    # crosscheck.store.from_state.write_reports)
    judged_again: str = "judged by this call"


def write_store_reports(db: str | os.PathLike[str], out_dir, formats=("md", "html", "json"), *,
                        lang: str = "ar", rules_dir=None, progress=None,
                        batch_claims: int = BATCH_CLAIMS) -> StoreReport:
    """`report --store DB` without articles: reconcile from the store unit by unit and write
    the report files, the JSON and JSON Lines streamed out of the scratch database.  The
    bytes are those of `pipeline.write_reports(analyse_store(DB))` (tested).  The command
    reads the judged state instead when it is current (crosscheck.store.from_state.write_reports)."""
    from pathlib import Path

    from crosscheck.errors import CrosscheckError
    from crosscheck.pipeline import parse_formats

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise CrosscheckError(f"{out}: --out must be a directory, and this is a file")
    wanted = parse_formats(formats)
    with reconcile_store(db, rules_dir=rules_dir, progress=progress, batch_claims=batch_claims) as record:
        written, summary = write_record_reports(record, db, out, wanted, lang)
    return StoreReport(written, summary, record.stats)


def write_record_reports(record: StreamedRecord, db, out, wanted, lang: str) -> tuple[list, str]:
    """The report files of a reconciled record (`reconcile_store`) written into `out`, and the
    one-screen summary."""
    from crosscheck.models import Report
    from crosscheck.pipeline import FILENAMES, render_pages, write_pages
    from crosscheck.report import large
    from crosscheck.report.cluster_text import indented, json_item, trimmed
    from crosscheck.report.cluster_view import render_summary_counts
    from crosscheck.util.atomic import atomic_open

    st = record.stats
    pages: dict[str, str] = {}
    if any(f in ("md", "html") for f in wanted):
        if not large.is_large(st.clusters, st.claims):
            shown = Report(documents=list(record.document_records()), clusters=list(record.clusters()),
                           inconsistencies=list(record.inconsistencies()))
            view = None
        else:  # large archives: the pages lead with the conflicts, trimmed, and count the rest
            view = large.LargeView(st.documents, st.claims,
                                   {s: st.status.get(s, 0) for s in ("conflict", "consistent", "single")},
                                   st.left)
            kept = []
            for rank, text in enumerate(record.cluster_texts("status = 'conflict'", top=True)):
                c, size = trimmed(text, rank)
                view.sizes[c.id] = size
                # past the detailed ones a conflict is a line: its few claims slotted, no models
                kept.append(_shared(c) if rank < large.DETAILED else large.brief(c, rank))
            incs = list(record.inconsistencies())  # the pages list them all: held until rendered
            named = sorted({cid for inc in incs for cid in inc.clusters})
            for i in range(0, len(named), 256):  # the clusters inconsistencies name (any status)
                marks = ",".join("?" * len(named[i : i + 256]))
                for text in record.cluster_texts(f"status != 'conflict' AND id IN ({marks})",
                                                 params=named[i : i + 256]):
                    c, size = trimmed(text, 0)  # named, not rendered: what the page reads of its claims
                    kept.append(large.listed(view.list_counted_trimmed(c, size)))
            shown = Report(documents=large.shown_documents(record.document_records(), kept), clusters=kept,
                           inconsistencies=incs)
            del incs
        with closing(StoredTexts(db, {c.doc for cl in shown.clusters for c in cl.claims
                                      if view is None or c.sentence})) as texts:
            pages = render_pages(shown, view, [f for f in wanted if f in ("md", "html")], texts, lang)
        # the pages' clusters (on a large page, `kept` and the view's sizes) freed before the JSON
        # is written: at 10k they stayed held through report.json (110 MB traced at its start)
        del shown, texts, view
        kept = named = c = None
    written = []
    for fmt in wanted:
        path = out / FILENAMES[fmt]
        if fmt == "json":
            with atomic_open(path, "w") as fh:
                large.write_json_fields(fh, [
                    ("version", 2),
                    # each item's stored compact JSON indented without a model (cluster_text.indented)
                    ("documents", (indented(t) for t in record.document_texts())),
                    ("clusters", (json_item(t) for t in record.cluster_texts())),
                    ("inconsistencies", (indented(t) for t in record.inconsistency_texts())),
                ])
        elif fmt == "jsonl":
            with atomic_open(path, "w") as fh:
                large.write_jsonl_items(fh, 2, st.documents, st.clusters, record.inconsistency_count(), [
                    ("document", record.document_texts()),
                    ("cluster", record.cluster_texts()),
                    ("inconsistency", record.inconsistency_texts()),
                ])
        else:
            written += write_pages(out, FILENAMES[fmt], pages)
            continue
        written.append(path)
    summary = render_summary_counts(st.documents, st.claims, st.status, record.top_conflicts(),
                                    st.status.get("conflict", 0))
    return written, summary


def _shared(cluster: Cluster) -> Cluster:
    """A cluster the large pages show (all of them are held until the pages are rendered), its
    claims sharing one fields-set record (a trimmed claim is a `model_copy`, which copies it)."""
    for c in cluster.claims:
        _share_fields_set(c)
    return cluster


class StoredTexts(Mapping):
    """The article texts of these documents (the HTML marks each claim in its sentence), read
    from the store when asked (`get`), the last few kept: never all at once (the 10k generated
    corpus's pages name 6,481 articles, all held while rendering before)."""

    CACHED = 64

    def __init__(self, db, ids, conn=None) -> None:
        from crosscheck.store.sqlite_store import connect

        self._db = db
        self._ids = frozenset(ids)
        self._own = conn is None
        self._conn = connect(db) if conn is None else conn
        self._cache: dict[str, str] = {}
        self.reads = 0  # texts read from the store
        self.peak_held = 0  # the most texts held at one time

    def __getitem__(self, doc_id: str) -> str:
        if doc_id not in self._ids:
            raise KeyError(doc_id)
        text = self._cache.pop(doc_id, None)
        if text is None:
            row = self._conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                raise KeyError(doc_id)
            text = row[0]
            self.reads += 1
            if len(self._cache) >= self.CACHED:
                del self._cache[next(iter(self._cache))]
        self._cache[doc_id] = text  # the most recent last
        self.peak_held = max(self.peak_held, len(self._cache))
        return text

    def __iter__(self):
        return iter(sorted(self._ids))

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, doc_id) -> bool:
        return doc_id in self._ids

    def restricted(self, ids) -> "StoredTexts":
        """These texts of `ids` only (pipeline.render_pages: the articles a page quotes), on the
        same connection."""
        return StoredTexts(self._db, self._ids & set(ids), self._conn)

    def close(self) -> None:
        if self._own:
            self._conn.close()
