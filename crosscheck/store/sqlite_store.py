"""The record: an embedded SQLite claim store (stdlib `sqlite3`, no server).

    result = ingest(["articles/"], "crosscheck.db")        # extract and store
    documents, claims = load_from_store("crosscheck.db")    # read everything back

Tables: `documents` (one row per article: metadata, text, content hash, the rule-set version
its claims were extracted with, and how many claims it has) and `claims` (each claim as JSON,
plus kind/offsets/surface columns for queries).  `meta` holds the schema version.

Guarantees:
* Re-ingesting a document whose content hash and rule-set version are unchanged does nothing.
* A new or changed document is written inside ONE transaction with its row and all its claims
  (COMMIT_EVERY documents share a transaction), in WAL mode (synchronous=NORMAL), so a killed
  process leaves every document either as it was before or fully replaced, never half-written.
* Ingest streams: inputs are checked in a first pass, then read one document at a time and
  extracted by a process pool (`jobs`), so memory does not grow with the corpus.
* Claims extracted with other rules are stale: reading such a store (or ingesting into it)
  is an error that names the store and offers `crosscheck ingest --rebuild`, which
  re-extracts every stored document from its stored text with the current rules.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence
from urllib.parse import quote

from crosscheck.errors import CrosscheckError, InputError
from crosscheck.models import Claim, Document

SCHEMA_VERSION = 2
DEFAULT_STORE = "crosscheck.db"

# progress(done, total) after each document is stored (or found unchanged).
Progress = Callable[[int, int], None]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    path TEXT, title TEXT, date TEXT, source TEXT, url TEXT,
    sha256 TEXT NOT NULL,
    text TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    claim_count INTEGER NOT NULL,
    fingerprint BLOB,          -- near-duplicate signature (crosscheck.reconcile.near_dups)
    comparable_length INTEGER, -- length of the normalised text the signature is of
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS claims (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    surface TEXT NOT NULL,
    data TEXT NOT NULL,
    block_key TEXT NOT NULL,   -- the exact-scope key grouping blocks on (grouping.block_tuple)
    unit_key TEXT NOT NULL,    -- the block key less open attributes: judged independently
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS claims_kind ON claims(kind);
CREATE INDEX IF NOT EXISTS claims_block ON claims(block_key);
CREATE INDEX IF NOT EXISTS claims_unit ON claims(unit_key, doc_id);
"""

_DOC_FIELDS = ("path", "title", "date", "source", "url")


@dataclass
class IngestResult:
    """What one ingest did: document ids added, replaced (changed) and left as they were."""

    store: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    claims_written: int = 0

    def summary(self) -> str:
        return (
            f"{self.store}: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged; {self.claims_written} claims written"
        )


class StaleStoreError(CrosscheckError):
    """The store's claims were extracted with another rule set."""


# --------------------------------------------------------------------------- connection


def connect(db: str | os.PathLike[str], *, create: bool = False) -> sqlite3.Connection:
    """Open the store (creating it when `create`); InputError for a missing or foreign file."""
    path = Path(db)
    if not create and not path.is_file():
        raise InputError(f"{path}: no claim store there; create one with 'crosscheck ingest ARTICLES --store {path}'")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; --store takes a database file name")
    if path.exists() and not path.is_file():  # a FIFO or a device would hang the reads below
        raise InputError(f"{path}: not a regular file; --store takes a database file name")
    if create and path.is_file() and not writable(path):
        raise InputError(f"{path}: the store is read-only here; ingest into a store you can write")
    if create and path.exists() and not _looks_like_sqlite(path):
        raise InputError(f"{path}: exists and is not a crosscheck store (not an SQLite file); choose another --store")
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        if not create and not writable(path):
            # a store this process cannot write (a shared archive, a read-only mount): read it
            # as it is; what would write (ingest, a judged state) fails with a clear error or
            # is done without (`check --store` then judges the units the article touches)
            conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=30,
                                   isolation_level=None, factory=ReadOnlyConnection)
            _init_schema(conn, path, create)
            return conn
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per document.
        conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL keeps the database consistent after a crash or power loss (a
        # power cut may drop the last commits, never half of one) and a killed process loses
        # nothing committed; FULL would add an fsync per document (about 9 ms each here).
        conn.execute("PRAGMA synchronous = NORMAL")
        _init_schema(conn, path, create)
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path}: not a usable crosscheck store ({exc}); choose another --store") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot open the store ({exc.strerror or exc})") from None
    return conn


class ReadOnlyConnection(sqlite3.Connection):
    """A store opened read-only (`connect` of a store this process cannot write)."""


def writable(path: Path) -> bool:
    """Whether this process may write the store: the file, and its directory (the journal)."""
    return os.access(path, os.W_OK) and os.access(path.parent if str(path.parent) else Path("."), os.W_OK)


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return head == b"" or head.startswith(b"SQLite format 3\x00")


def _init_schema(conn: sqlite3.Connection, path: Path, create: bool) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        if not create:
            raise InputError(f"{path}: empty database, not a crosscheck store; run 'crosscheck ingest' first")
        conn.execute("BEGIN IMMEDIATE")
        for statement in _statements(_SCHEMA):  # not executescript: it would COMMIT first
            conn.execute(statement)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        conn.execute("COMMIT")
        return
    if "meta" not in tables or "documents" not in tables or "claims" not in tables:
        raise InputError(f"{path}: an SQLite database that is not a crosscheck store; choose another --store")
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    if row is None or row[0] != str(SCHEMA_VERSION):
        found = row[0] if row else "none"
        raise InputError(
            f"{path}: store schema version {found}, this crosscheck reads version {SCHEMA_VERSION}; "
            "delete the file and ingest the articles again"
        )


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# --------------------------------------------------------------------------- writing


def ingest(
    paths: Sequence[str],
    db: str | os.PathLike[str] = DEFAULT_STORE,
    *,
    rebuild: bool = False,
    rules_dir: str | os.PathLike[str] | None = None,
    progress: Optional[Progress] = None,
    jobs: Optional[int] = 1,
    engine: str = "local",
    scheduler: Optional[str] = None,
) -> IngestResult:
    """Extract the articles under `paths` and store them in `db` (created when missing).

    Every input is read and checked before the store is touched, so a bad input changes
    nothing; then the inputs are read again one document at a time and extracted by `jobs`
    worker processes (None or 0: every core), so memory does not grow with the corpus.
    With `rebuild`, every document already stored is first re-extracted with the current
    rules; without it, a store holding claims from other rules is an error.
    """
    from crosscheck.engine.local import resolve_jobs
    from crosscheck.text.documents import DocumentSource
    from crosscheck.ruleset.loader import load_rules

    rules = load_rules(rules_dir)
    n_jobs = resolve_jobs(jobs)
    if engine not in ("local", "dask"):
        raise InputError(f"--engine: unknown engine {engine!r}; use local or dask")
    source = DocumentSource(list(paths)) if paths else None
    total = source.count() if source is not None else 0
    result = IngestResult(store=str(db))
    session = _nothing()
    if engine == "dask":
        from crosscheck.engine.dask import dask_client

        session = dask_client(scheduler)
    with closing(connect(db, create=True)) as conn, session as client:
        if rebuild:
            _rebuild(conn, rules, rules_dir, n_jobs, result, client)
        else:
            require_current(conn, db, rules.version)
        if source is None:
            return result
        stored = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, sha256, rules_version FROM documents")}
        done = 0

        def changed() -> Iterator[Document]:
            nonlocal done
            for doc in source:
                if stored.get(doc.id) == (_sha(doc), rules.version):
                    result.unchanged.append(doc.id)
                    done += 1
                    if progress is not None:
                        progress(done, total)
                else:
                    yield doc

        writer = _Writer(conn, rules.version)
        for doc, rows in _extracted(changed(), rules_dir, n_jobs, client):
            (result.updated if doc.id in stored else result.added).append(doc.id)
            result.claims_written += len(rows)
            writer.put(doc, rows)
            done += 1
            if progress is not None:
                progress(done, total)
        writer.flush()
    return result


def _sha(doc: Document) -> str:
    if doc.sha256:
        return doc.sha256
    import hashlib

    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


Row = tuple  # (seq, kind, start, end, surface, data JSON, block key, unit key)


@dataclass
class Extracted:
    """What a worker sends back for one document: plain values, cheap to pickle."""

    rows: list[Row]
    fingerprint: bytes
    comparable_length: int
    # the document's claims prepared for reconciliation (crosscheck.store.prepared), or None
    prepared: Optional[tuple] = None

    def __len__(self) -> int:
        return len(self.rows)


def claim_rows(doc: Document, rules_dir: str | os.PathLike[str] | None = None) -> Extracted:
    """Extract one document and compute what the store indexes (run in a worker process)."""
    from crosscheck.extract.extractor import extract
    from crosscheck.reconcile.grouping import claim_keys
    from crosscheck.reconcile.near_dups import fingerprint
    from crosscheck.reconcile.settings import default_config
    from crosscheck.ruleset.loader import load_rules
    from crosscheck.store import prepared

    rules = load_rules(rules_dir)
    claims = extract(doc, rules)
    cfg = default_config(rules_dir)
    keys = claim_keys(claims, cfg)
    rows = [(i, c.kind, c.start, c.end, c.surface, c.model_dump_json(), b, u)
            for i, (c, (b, u)) in enumerate(zip(claims, keys))]
    fp, length = fingerprint(doc.text, cfg.near_duplicate)
    # prepared from the claims as a report reads them back (their stored JSON), not as made
    kept = prepared.prepare(doc, [Claim.model_validate_json(r[5]) for r in rows], cfg, rules_dir, rules.version)
    return Extracted(rows, fp, length, kept)


def _extracted(documents, rules_dir, jobs: int, client=None) -> Iterator[tuple[Document, Extracted]]:
    from functools import partial

    rd = None if rules_dir is None else os.fspath(rules_dir)
    if client is not None:  # Dask: the rules are shipped to the workers
        from crosscheck.engine.dask import map_documents_dask

        return map_documents_dask(claim_rows, documents, client=client, rules_dir=rd)
    from crosscheck.engine.local import map_documents

    return map_documents(partial(claim_rows, rules_dir=rd), documents, jobs=jobs)


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


# Documents written per transaction.  A killed process loses at most the open transaction:
# each of its documents is then as it was before, never half-replaced.
COMMIT_EVERY = 64


class _Writer:
    """Writes extracted documents, COMMIT_EVERY to a transaction."""

    def __init__(self, conn: sqlite3.Connection, rules_version: str) -> None:
        from crosscheck.store import prepared

        self.conn = conn
        self.version = rules_version
        self.pending: list[tuple[Document, Extracted]] = []
        conn.execute(prepared.TABLE)  # a store made before the table gets it here

    def put(self, doc: Document, rows: Extracted) -> None:
        self.pending.append((doc, rows))
        if len(self.pending) >= COMMIT_EVERY:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        with _transaction(self.conn):
            for doc, rows in self.pending:
                _write_document(self.conn, doc, rows, self.version)
            bump_generation(self.conn)
        self.pending.clear()


def bump_generation(conn: sqlite3.Connection) -> None:
    """Count a change of the record (inside the caller's transaction): what was judged from
    an earlier generation (crosscheck.store.judged) is out of date."""
    conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', '0')")
    conn.execute("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'")


def generation(conn: sqlite3.Connection) -> int:
    """How many times the record has changed (`bump_generation`)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0


def _write_document(conn: sqlite3.Connection, doc: Document, ex: Extracted, rules_version: str) -> None:
    """Replace whatever the store held for `doc.id` (inside the caller's transaction)."""
    conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,))  # cascades to its claims
    conn.execute(
        "INSERT INTO documents(id, path, title, date, source, url, sha256, text, rules_version, claim_count,"
        " fingerprint, comparable_length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.id, doc.path, doc.title, doc.date, doc.source, doc.url, _sha(doc), doc.text,
         rules_version, len(ex.rows), ex.fingerprint, ex.comparable_length),
    )
    conn.executemany(
        'INSERT INTO claims(doc_id, seq, kind, start, "end", surface, data, block_key, unit_key)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc.id, *r) for r in ex.rows],
    )
    from crosscheck.store import prepared

    prepared.write(conn, doc.id, ex.prepared)


def _rebuild(conn: sqlite3.Connection, rules, rules_dir, jobs: int, result: IngestResult, client=None) -> None:
    ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    writer = _Writer(conn, rules.version)
    for doc, rows in _extracted(_documents_by_id(conn, ids), rules_dir, jobs, client):
        result.claims_written += len(rows)
        result.updated.append(doc.id)
        writer.put(doc, rows)
    writer.flush()


# --------------------------------------------------------------------------- reading


def stale_documents(conn: sqlite3.Connection, rules_version: str) -> list[tuple[str, str]]:
    """(doc id, rules version) of every stored document extracted with other rules."""
    return list(conn.execute(
        "SELECT id, rules_version FROM documents WHERE rules_version != ? ORDER BY id", (rules_version,)
    ))


def require_current(conn: sqlite3.Connection, db: str | os.PathLike[str], rules_version: str) -> None:
    """StaleStoreError (exit 2) when any stored claims come from another rule set."""
    stale = stale_documents(conn, rules_version)
    if stale:
        versions = sorted({v for _id, v in stale})
        raise StaleStoreError(
            f"{db}: {len(stale)} stored document(s) were extracted with other rules "
            f"(version {', '.join(versions)}; current rules are {rules_version}); "
            f"run 'crosscheck ingest --rebuild --store {db}' to re-extract them"
        )


def _documents_by_id(conn: sqlite3.Connection, ids: Sequence[str], chunk: int = 256) -> Iterator[Document]:
    """The stored documents with these ids, read `chunk` at a time."""
    for i in range(0, len(ids), chunk):
        part = ids[i : i + chunk]
        marks = ",".join("?" * len(part))
        rows = {r[0]: r for r in conn.execute(
            f"SELECT id, path, title, date, source, url, sha256, text FROM documents WHERE id IN ({marks})", part)}
        for doc_id in part:
            r = rows[doc_id]
            yield Document(id=r[0], path=r[1], title=r[2], date=r[3], source=r[4], url=r[5], sha256=r[6], text=r[7])


def _documents(conn: sqlite3.Connection) -> list[Document]:
    rows = conn.execute(
        "SELECT id, path, title, date, source, url, sha256, text FROM documents ORDER BY id"
    ).fetchall()
    return [
        Document(id=r[0], path=r[1], title=r[2], date=r[3], source=r[4], url=r[5], sha256=r[6], text=r[7])
        for r in rows
    ]


def load_from_store(
    db: str | os.PathLike[str], *, rules_dir: str | os.PathLike[str] | None = None, check_rules: bool = True
) -> tuple[list[Document], list[Claim]]:
    """Every stored document (sorted by id) and its claims (in extraction order).

    Raises InputError when `db` is not a store, StaleStoreError when its claims were
    extracted with rules other than the current ones (unless `check_rules` is False).
    """
    with closing(connect(db)) as conn:
        conn.execute("BEGIN")  # one consistent snapshot for both tables
        try:
            if check_rules:
                from crosscheck.ruleset.loader import load_rules

                require_current(conn, db, load_rules(rules_dir).version)
            documents = _documents(conn)
            claims = [
                Claim.model_validate_json(r[0])
                for r in conn.execute("SELECT data FROM claims ORDER BY doc_id, seq")
            ]
        finally:
            conn.execute("COMMIT")
    return documents, claims


def _source_groups(conn: sqlite3.Connection, extra: Sequence[Document], cfg):
    """Near-duplicate groups of every stored document (by its stored signature; a text is read
    only when its document is a candidate) and of `extra`, which replaces stored ids."""
    from crosscheck.reconcile.near_dups import comparable_text, fingerprint_comparable, group_near_duplicates
    from crosscheck.reconcile.sources import SourceGroups

    nd = cfg.near_duplicate
    extra_text = {d.id: comparable_text(d.text) for d in extra}

    def items():
        for doc_id, fp, length in conn.execute(
                "SELECT id, fingerprint, comparable_length FROM documents ORDER BY id"):
            if doc_id not in extra_text:
                yield doc_id, fp, length
        for doc_id, t in extra_text.items():
            yield (doc_id, *fingerprint_comparable(t, nd))

    def text_of(doc_id: str) -> str:
        if doc_id in extra_text:
            return extra_text[doc_id]
        row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return comparable_text(row[0])

    found = group_near_duplicates(items(), text_of, nd)
    return SourceGroups(group_of=found.group_of, pair_checks=found.pair_checks,
                        candidate_pairs=found.candidate_pairs)


def load_units(
    db: str | os.PathLike[str],
    units: set[str],
    new_documents: Sequence[Document] = (),
    *,
    rules_dir: str | os.PathLike[str] | None = None,
    config=None,
):
    """The part of the record that claims of these unit keys are judged with.

    Returns (documents, claims, source groups): every stored document that holds a claim of
    one of `units` (found through the unit_key index), with ALL its claims (context filling
    reads a claim's whole document), minus the ids of `new_documents`; and the near-duplicate
    groups of the whole record plus `new_documents` from the stored signatures.  The cost
    follows the size of those units, not of the archive.
    """
    from crosscheck.reconcile.settings import default_config

    cfg = config or default_config(rules_dir)
    new_ids = {d.id for d in new_documents}
    with closing(connect(db)) as conn:
        conn.execute("BEGIN")
        try:
            from crosscheck.ruleset.loader import load_rules

            require_current(conn, db, load_rules(rules_dir).version)
            conn.execute("CREATE TEMP TABLE wanted_units (key TEXT PRIMARY KEY)")
            conn.executemany("INSERT OR IGNORE INTO wanted_units VALUES (?)", [(u,) for u in units])
            ids = [r[0] for r in conn.execute(
                "SELECT DISTINCT c.doc_id FROM wanted_units w JOIN claims c ON c.unit_key = w.key "
                "ORDER BY c.doc_id") if r[0] not in new_ids]
            documents = list(_documents_by_id(conn, ids))
            claims: list[Claim] = []
            for i in range(0, len(ids), 256):
                part = ids[i : i + 256]
                marks = ",".join("?" * len(part))
                claims.extend(Claim.model_validate_json(r[0]) for r in conn.execute(
                    f"SELECT data FROM claims WHERE doc_id IN ({marks}) ORDER BY doc_id, seq", part))
            sources = _source_groups(conn, new_documents, cfg)
        finally:
            conn.execute("COMMIT")
    return documents, claims, sources


def record_size(db: str | os.PathLike[str], leave_out: set[str] = frozenset()) -> int:
    """How many stored documents there are, not counting the ids in `leave_out`."""
    with closing(connect(db)) as conn:
        n = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        if leave_out:
            marks = ",".join("?" * len(leave_out))
            n -= conn.execute(f"SELECT COUNT(*) FROM documents WHERE id IN ({marks})", list(leave_out)).fetchone()[0]
    return n


def store_stats(db: str | os.PathLike[str]) -> dict[str, object]:
    """Counts and versions, for messages and tests: documents, claims, rules versions."""
    with closing(connect(db)) as conn:
        docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        claims = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        versions = sorted(r[0] for r in conn.execute("SELECT DISTINCT rules_version FROM documents"))
    return {"documents": docs, "claims": claims, "rules_versions": versions}


def analyse_store(
    db: str | os.PathLike[str],
    paths: Sequence[str] = (),
    *,
    rules_dir: str | os.PathLike[str] | None = None,
    progress: Optional[Progress] = None,
    engine: str = "local",
    scheduler: Optional[str] = None,
):
    """A `pipeline.Analysis` of the stored record plus any articles under `paths`.

    An article given by path replaces the stored document with the same id.  Used by the
    `report`, `clusters` and `show` commands' `--store` option.
    """
    from crosscheck.pipeline import Analysis
    from crosscheck.reconcile.reconciler import reconcile
    from crosscheck.reconcile.settings import default_config

    documents, claims = load_from_store(db, rules_dir=rules_dir)
    extra: list[Document] = []
    if paths:
        from crosscheck.text.documents import load_documents
        from crosscheck.extract.extractor import extract
        from crosscheck.ruleset.loader import load_rules

        extra = load_documents(list(paths))
        rules = load_rules(rules_dir)
        replaced = {d.id for d in extra}
        documents = [d for d in documents if d.id not in replaced]
        claims = [c for c in claims if c.doc not in replaced]
        for done, doc in enumerate(extra, 1):
            documents.append(doc)
            claims.extend(extract(doc, rules))
            if progress is not None:
                progress(done, len(extra))
    cfg = default_config(rules_dir)
    if engine == "dask":
        from crosscheck.engine.dask import dask_client, reconcile_dask

        with dask_client(scheduler) as client:
            clusters = reconcile_dask(claims, documents, client=client, rules_dir=rules_dir)
        return Analysis(documents=documents, claims=claims, clusters=clusters)
    with closing(connect(db)) as conn:
        sources = _source_groups(conn, extra, cfg)
    return Analysis(documents=documents, claims=claims,
                    clusters=reconcile(claims, documents, cfg, sources=sources))
