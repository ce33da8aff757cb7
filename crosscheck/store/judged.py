"""The judged record kept in the store, so that `check` costs what the new article touches.

    state = judged_state(conn, db, cfg, rules_dir)        # built when missing or out of date
    found = check_against_state("crosscheck.db", new_docs, new_claims, cfg)  # or None: fall back

Why.  On a newsroom archive every article speaks of the same few quantities (one toll, one
vote), so "load the units the new article touches" (crosscheck.store.sqlite_store.load_units)
loads most of the record and re-judges every cluster in it.  Instead the store keeps what the
last full judgement of the record found (tables `judged_*`, written by one streamed pass,
crosscheck.store.streamed, whenever the record changed since: `meta.generation`):

* every claim as a grouping member (prepared, dated, filled from its document's context:
  all that needs its whole document), with the cluster it was judged in, its cluster key
  before joins across place granularity (`pre`) and whether such a join moved it (`moved`:
  a figure given for a finer place joins the cluster of a coarser place that holds the same
  figure from another article, grouping._join_corroborated); its figure, day and article,
  indexed;
* one member per **scope signature** and pre-join key of each unit (block key and the raw
  scope attributes: members with the same signature are grouped alike before joins);
* every cluster (its final id, its id before `-2` suffixes, its key, its JSON, its hierarchy keys);
* every document's date and near-duplicate group, and the LSH bands of the documents'
  signatures (a new article's copies are looked for in its bands' buckets only,
  crosscheck.reconcile.near_dups.join_new).

`check` then groups the new article's members, before joins, with ONE member per signature of
their unit (not every claim of it), which says which pre-join cluster each new claim falls in;
decides the joins across place granularity again for the new claims and for the stored
(cluster, article) units the new figures and days can change, from the stored members those
decisions read (the members giving those figures, the members of those clusters on those days:
`_joins`; a figure at no place joining its story by its days reads the placed clusters' days
within `story_window_days` of its own, and a stored one is decided again only when a new
(day, placed cluster) pair falls within that window of its days: `_story_affected`; every unit of
an article decided again is, for its figures of other groups follow a moved one); re-makes each
cluster a new claim ends in (and those a re-decided stored join leaves or enters) from its stored
members, the new ones and the other signatures (the cluster's scope shown, its notes and its
ambiguity come out exactly as in a full grouping; a cluster at no place with every run of days
split off it, split again: `_runs`), and re-judges only those clusters with the reconciler's own
`judge_groups`.  Inconsistencies are looked for among the
re-judged clusters and the stored clusters their hierarchy keys link (and, for a length in
days or months, the stored lengths of its scope in either unit: crosscheck.store.unit_scopes;
for a captive figure, the stored captive clusters of its story, whole: crosscheck.store.captive_stories).  Whenever the shortcut
cannot show that the result is the full judgement's, it returns None and the caller judges the
touched units as before: the new article is already in the record, copies change a stored
document's source group, the grouping of a unit before joins changes (a new spelling joins two
clusters, a new scope takes an open claim away, an open scope kept from its one match by its days
now joins it or the reverse), a stored cluster would change its id, a combined figure
("في البلدين") is involved.  An open scope kept from its one match by its days (grouping's
`_other_story`, which reads the days of every member of both) is decided again with every stored
member of the two clusters when a new member is in either (`_unit`'s `grouped`); a decision
between stored clusters only is the stored one, checked like every stored member's key.

Tallies: which vote a tally belongs to is settled across all tallies (crosscheck.reconcile.votes),
so the state also keeps how the record's tallies were linked (crosscheck.store.vote_links):
the new tallies are linked against that (and stored votes renamed or renumbered by them get
their new events), then the vote unit is placed like any other (its signatures and members
kept with their linked events).  The stored clusters read of renamed votes (for
inconsistencies, and the ids the re-judged ones are ordered among) carry their new names and
ids (crosscheck.store.renaming).  When the kept links cannot say, every stored tally is linked
again and the unit re-grouped whole (its members only, read from the state).  A state kept
before the links existed gets them on its next check (`add_links`).  Work is counted in
`CheckStats`.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence
from urllib.parse import quote

from crosscheck.models import PLACE_FROM_ARTICLE, Claim, Cluster, Document
from crosscheck.reconcile.grouping import finish_groups, key_text, mark_moved
from crosscheck.reconcile.weak_places import family_of, mark_weak
from crosscheck.reconcile.sources import SourceGroups
from crosscheck.store import captive_stories, compact, unit_scopes
from crosscheck.store.renaming import Renaming
from crosscheck.util.gc_pause import collector_paused

_STATE = """
CREATE TABLE IF NOT EXISTS judged_members (seq INTEGER NOT NULL, unit TEXT NOT NULL, doc_id TEXT NOT NULL,
                                           data TEXT NOT NULL, linked TEXT, fig REAL, day TEXT,
                                           pre TEXT, moved INTEGER NOT NULL DEFAULT 0, joined TEXT, family TEXT,
                                           lent INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS judged_members_seq ON judged_members(seq);
CREATE INDEX IF NOT EXISTS judged_members_unit ON judged_members(unit);
CREATE INDEX IF NOT EXISTS judged_members_fig ON judged_members(unit, fig);
CREATE INDEX IF NOT EXISTS judged_members_day ON judged_members(unit, day);
CREATE INDEX IF NOT EXISTS judged_members_doc ON judged_members(unit, doc_id);
CREATE INDEX IF NOT EXISTS judged_members_linked ON judged_members(linked, seq);
CREATE INDEX IF NOT EXISTS judged_members_family ON judged_members(unit, family, joined, pre, lent, seq);
CREATE TABLE IF NOT EXISTS judged_sigs (unit TEXT NOT NULL, sig TEXT NOT NULL, pre TEXT NOT NULL,
                                        data TEXT NOT NULL, PRIMARY KEY (unit, sig, pre));
CREATE TABLE IF NOT EXISTS judged_clusters (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, base TEXT NOT NULL,
                                            dedupe TEXT NOT NULL, kind TEXT NOT NULL,
                                            combination INTEGER NOT NULL, json TEXT NOT NULL, ckey TEXT);
CREATE INDEX IF NOT EXISTS judged_clusters_base ON judged_clusters(base);
CREATE INDEX IF NOT EXISTS judged_clusters_ckey ON judged_clusters(ckey);
CREATE INDEX IF NOT EXISTS judged_clusters_combination ON judged_clusters(combination, kind);
CREATE INDEX IF NOT EXISTS judged_clusters_id ON judged_clusters(id);
CREATE TABLE IF NOT EXISTS judged_hkeys (seq INTEGER NOT NULL, pos INTEGER NOT NULL, key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS judged_hkeys_key ON judged_hkeys(key, pos);
CREATE TABLE IF NOT EXISTS judged_docs (id TEXT PRIMARY KEY, date TEXT, grp TEXT NOT NULL)
"""
# the stored documents' LSH bands (crosscheck.reconcile.near_dups.band_keys): a new article's
# near-duplicate candidates are found through them (added to an older state on its next check)
_BANDS = """
CREATE TABLE IF NOT EXISTS judged_bands (band BLOB NOT NULL, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS judged_bands_band ON judged_bands(band)
"""
# every claim of the clusters compared across stories (inconsistencies.VOTE_LINKED: resolution
# numbers, tallies) with its cluster's vote, its article, its whole number and its value as
# the number-typo check reads it (str): a check reads the tallies of the new tallies' votes (their
# sum) and the resolution numbers that a new one can be a slip of, with their articles' tallies
# (number typos: the values only, as rows, not their clusters)
_VOTE_CLAIMS = """
CREATE TABLE IF NOT EXISTS judged_vote_claims (seq INTEGER NOT NULL, kind TEXT NOT NULL, event TEXT,
                                               doc TEXT NOT NULL, number INTEGER, value TEXT);
CREATE INDEX IF NOT EXISTS judged_vote_claims_event ON judged_vote_claims(event);
CREATE INDEX IF NOT EXISTS judged_vote_claims_doc ON judged_vote_claims(doc);
CREATE INDEX IF NOT EXISTS judged_vote_claims_number ON judged_vote_claims(number)
"""
# the claims of the clusters a part/whole constraint can link (hierarchy.ADDITIVE_KINDS), by
# day: inconsistencies compare claims of one moment (one day, or one article), so of a stored
# cluster linked to the re-judged ones a check reads only the claims of the new claims' days,
# found by their UTF-8 byte span in the cluster's JSON, and the cluster without its claims
# (`head`); a cluster whose JSON is not its claims' JSON joined is not listed (read whole)
_CLAIM_DAYS = """
CREATE TABLE IF NOT EXISTS judged_heads (seq INTEGER PRIMARY KEY, head TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS judged_claim_days (seq INTEGER NOT NULL, day TEXT, start INTEGER NOT NULL,
                                              stop INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS judged_claim_days_seq ON judged_claim_days(seq, day)
"""
# the vote unit's signatures by their event (and whether they carry a place or group name):
# tens of thousands of votes share the unit's one block and are told apart by their event only,
# so a check reads the signatures of the new tallies' events and the named ones through this
# index (`_vote_signature_rows`), not every signature of the unit (added to an older state on its
# next check)
_SIG_EVENTS = """
CREATE TABLE IF NOT EXISTS judged_sig_events (unit TEXT NOT NULL, event TEXT, named INTEGER NOT NULL,
                                              sig TEXT NOT NULL, pre TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS judged_sig_events_event ON judged_sig_events(unit, event);
CREATE INDEX IF NOT EXISTS judged_sig_events_named ON judged_sig_events(unit, named)
"""
# what the state keeps changed with this number: an older state is judged again
# 2: members' figure and day (fig, day), read to place figures joining across places; one
# member per signature and cluster (a signature's members may end in several clusters: a
# figure that joined a coarser place's cluster leaves its signature's other members behind)
# 3: each member's cluster key before joins across place granularity (pre) and whether it
# moved (moved); one member per signature and PRE-join key (a signature has one); each
# cluster's key (ckey): a check re-decides those joins for the members the new ones touch
# 4: vote occurrences ranked undated last (their `spec` text has one more flag)
# (the vote signatures' event index, judged_sig_events, is added to a state of format 4 on its
# next check: no rebuild)
# 5: each distinct sentence kept once (judged_sentences), every "sentence" value of the stored
# JSON a reference to it, each stored text deflated with a dictionary (crosscheck.store.compact:
# its dictionary's checksum is part of the state's version); an older state is judged again on its
# next check (a read-only store is checked without it)
# 6: each member's cluster key after the joins across place granularity by figures (joined: NULL
# when its pre-join key) and, when weak places join (reconcile.weak_place_join), its family (the
# key without its place, crosscheck.reconcile.weak_places): a check decides those joins again
# for every family a new figure falls in, from all of its stored members
STATE_FORMAT = "6"
_TABLES = ("judged_members", "judged_sigs", "judged_clusters", "judged_hkeys", "judged_docs", "judged_sentences")
VOTE_UNIT_PREFIX = '["vote",'


@dataclass
class CheckStats:
    """The work of one check against the judged state (counted, for tests and benchmarks)."""

    built: bool = False  # the state was (re)built by this check
    signatures: int = 0  # one member per scope signature, read to place the new claims
    signature_rows: int = 0  # the vote unit's (signature, pre-join key) rows read to choose those kept
    members_read: int = 0  # stored members read (clusters re-judged, the vote unit)
    unplaced_read: int = 0  # of those, members of re-made clusters at no place (every run of days of the scope)
    unplaced_runs: int = 0  # stored clusters at no place re-made (a scope's runs of days, `_runs`)
    clusters_judged: int = 0
    clusters_linked: int = 0  # stored clusters read for inconsistencies
    captive_clusters: int = 0  # of those, the captive clusters of the new captive figures' stories
    captive_claims: int = 0  # claims of those captive clusters (read whole: every date of the story)
    tally_rows: int = 0  # stored tallies read as values (the vote signatures of number typos' articles)
    fallback: str = ""  # why the shortcut was not taken ("" when it was)
    link_fallback: str = ""  # why the new tallies were linked with every stored one ("" when not)
    renamed: int = 0  # stored votes whose event the new tallies change (renamed, renumbered)
    renamed_clusters: int = 0  # stored clusters of those votes (read: their key, to give their new id)
    corroborating: int = 0  # stored members of the new figures and days (joins across places)
    join_units: int = 0  # stored (cluster, article) units whose join across places was re-decided
    join_changed: int = 0  # stored members that the new ones send to another cluster
    weak_families: int = 0  # families (scope without place) whose weak places' joins were decided again
    weak_read: int = 0  # stored members of those families read (`_weak_joins`)
    near_dup_read: int = 0  # stored documents read to find the new articles' near-duplicates
    # open scopes kept apart from their one match by their days, decided again with every stored
    # member of both clusters (a new member in either): the rounds that read, and the members read
    gated_pairs: int = 0
    gated_read: int = 0
    linked_claims: int = 0  # claims of the stored clusters read for inconsistencies (`_read_linked`)
    story_days: int = 0  # new (day, placed cluster) pairs that figures at no place may join by their days
    story_units: int = 0  # stored units at no place whose join by days was decided again for them
    story_entries: int = 0  # stored (day, cluster) pairs read for the stories of units at no place
    group_queries: int = 0  # stored documents whose source group was looked up on its own (StoredSources)
    sentences_read: int = 0  # distinct stored sentences read back into the members and claims read


@dataclass
class Found:
    """What the check needs: the clusters of the new claims (re-judged) and the stored clusters
    linked to them, and the work done."""

    clusters: list[Cluster]
    stats: CheckStats = field(default_factory=CheckStats)
    # tallies of stored articles whose tally clusters are not among `clusters` (doc -> kind ->
    # (vote event, value)): inconsistencies.find_inconsistencies(tallies=...)
    tallies: dict = field(default_factory=dict)


class Fallback(Exception):
    """The shortcut cannot show its result is the full judgement's; the message says why."""


def _version(cfg, rules_version: str) -> str:
    """What the state was judged with: its format, the compact dictionary, the rules, the
    reconciler settings and a digest of the package's code (crosscheck.store.prepared.code_digest):
    a state judged by other code (another reconciler, another rule loader) is not read."""
    from crosscheck.store.prepared import code_digest

    return (STATE_FORMAT + "." + compact.VERSION + ":" + rules_version + ":" + code_digest() + ":"
            + cfg.model_dump_json())


def signature(c: Claim, cfg, block: Optional[tuple] = None) -> str:
    """What grouping reads of a member: its block key and its raw scope attributes (`block`:
    its `grouping.block_tuple` when the caller has it)."""
    from crosscheck.reconcile.grouping import block_tuple, scope_value

    if block is None:
        block = block_tuple(c, cfg)
    return json.dumps([list(block), [scope_value(c, a) for a in cfg.scope_attributes]],
                      ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------- building


def is_current(conn: sqlite3.Connection, cfg, rules_version: str) -> bool:
    from crosscheck.store.sqlite_store import generation

    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('judged_generation', 'judged_version')"))
    return (meta.get("judged_generation") == str(generation(conn))
            and meta.get("judged_version") == _version(cfg, rules_version))


class CannotKeep(Exception):
    """The store cannot take a judged state now (read-only, or another process writing it)."""


def build_state(db: str | os.PathLike[str], cfg, rules_dir=None, *, use=None, busy_ms: Optional[int] = None,
                progress=None, batch_claims: Optional[int] = None):
    """Judge the whole record (crosscheck.store.streamed) and keep what it found in the store,
    replacing any earlier state, in one transaction; the judgement's `StreamStats`
    (`stats.kept_state`: whether the state was kept).

    The record is judged from one read snapshot of the store, and the state is written to a
    staging database beside the scratch one, without holding the store's write lock: an `ingest`
    may write the store meanwhile.  Only then is the state copied into the store, in one short
    write transaction (`_install`), and only if the record is still the one judged (its
    generation unchanged since the snapshot); else nothing is kept (the next report or check
    judges the record as it is then).

    `use(record)`, when given, is called with the judged record (`streamed.StreamedRecord`)
    once the state is staged and before it is installed (`report --store` writes its files
    from it: the report that judges the record keeps it; a report that fails keeps nothing).
    A store opened read-only raises `CannotKeep` with `busy_ms` (sqlite3.OperationalError
    without), before anything is judged; with `busy_ms`, a store another process is writing
    when the state is ready is waited for that long, then the state is not kept (the judgement
    and `use` stand), the store untouched."""
    from crosscheck.ruleset.loader import load_rules
    from crosscheck.store.sqlite_store import ReadOnlyConnection, connect
    from crosscheck.store.streamed import BATCH_CLAIMS, scratch_directory

    version = _version(cfg, load_rules(rules_dir).version)
    with closing(connect(db)) as probe:
        if isinstance(probe, ReadOnlyConnection):
            if busy_ms is not None:
                raise CannotKeep(f"{db}: the store is read-only here")
            raise sqlite3.OperationalError(f"{db}: attempt to write a readonly database")
    staging_dir = scratch_directory()
    staging = os.path.join(staging_dir, "state.db")
    try:
        with closing(sqlite3.connect(f"file:{quote(staging)}", uri=True, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode = OFF")  # lives until installed
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")  # the judged_* keys
            conn.execute("BEGIN")
            stats = _stage(conn, db, cfg, rules_dir, use, progress, batch_claims or BATCH_CLAIMS)
            conn.execute("COMMIT")
            # the documents' bands read from the store attached read-only (`documents` is found
            # there, every table written is the staging one's), in one read of a generation
            for statement in _BANDS.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("ATTACH DATABASE ? AS store", (f"file:{quote(str(Path(db).resolve()))}?mode=ro",))
            try:
                conn.execute("BEGIN")
                read_at = conn.execute("SELECT value FROM store.meta WHERE key = 'generation'").fetchone()
                _add_bands(conn)
                conn.execute("COMMIT")
            finally:
                conn.execute("DETACH DATABASE store")
        if int(read_at[0] if read_at else 0) == stats.generation:  # else an ingest came between: not kept
            stats.kept_state = _install(db, staging, stats.generation, version, busy_ms)
    finally:
        shutil.rmtree(staging_dir, ignore_errors=True)
    return stats


def _stage(conn, db, cfg, rules_dir, use, progress, batch_claims: int):
    """The judged state written to the staging database `conn` (its `main`); the judgement's
    `StreamStats`, with the generation of the snapshot judged (`stats.generation`)."""
    from crosscheck.reconcile.grouping import block_tuple, unit_tuple
    from crosscheck.store import vote_links
    from crosscheck.store import report_tables
    from crosscheck.store.streamed import reconcile_store

    for statement in _STATE.split(";"):
        if statement.strip():
            conn.execute(statement)
    compact.create(conn)
    encode, pack = compact.Writer(conn).encode, compact.pack
    vote_links.create(conn)
    # how the tallies were linked is kept unless the traced linking disagrees (_keep_links)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('judged_links', 'yes')")

    ckeys: dict[int, Optional[str]] = {}  # seq -> the cluster's key
    attrs = list(cfg.scope_attributes)
    weak_li = 2 + attrs.index("location") if cfg.weak_place_join and "location" in attrs else None

    votes: dict[int, str] = {}  # a batch's tallies: member index -> the event linking gave

    class Keep:
        """What the judgement found, kept a run of judged groups at a time (streamed)."""

        def __call__(self, before: dict[int, str], groups, seqs, sources=None) -> None:
            rows, sigs = [], {}
            for g, seq in zip(groups, seqs):
                ckeys[seq] = ckey = None if g.ckey is None else key_text(g.ckey)
                for m in g.members:
                    # the member as read back is `before`'s text; its claim is m.claim but
                    # for a tally's event (link_votes changes only "vote:" events, to "vote:"
                    # events), so nothing is parsed again here
                    text = encode(before[m.index])
                    c = m.claim
                    block = block_tuple(c, cfg)  # once, for its unit key and its signature
                    unit = key_text(unit_tuple(c, cfg, block))
                    joined = family = None
                    lent = int(PLACE_FROM_ARTICLE in c.inferred)
                    if m.pre is None:  # a claim of a kind never compared: its own group
                        pre, moved = key_text(("single", g.id)), 0
                    else:
                        pre = key_text(m.pre)
                        moved = int(pre != ckey)
                        if m.joined is not None and m.joined != m.pre:
                            joined = key_text(m.joined)
                        if m.joined is not None and g.ckey is not None and m.joined != g.ckey:
                            moved = int(m.joined != m.pre)  # a weak place's join is no join by figure
                        if weak_li is not None and m.joined is not None:
                            fam = family_of(m.joined, weak_li)
                            family = None if fam is None else key_text(fam)
                    if unit.startswith(VOTE_UNIT_PREFIX):  # kept with the event linking gave it
                        votes[m.index] = c.event
                        sig = (unit, signature(c, cfg, block), pre)
                        if sig not in sigs:  # the stored header (notes before grouping), the linked claim
                            sigs[sig] = text.partition("\n")[0] + "\n" + encode(c.model_dump_json())
                        rows.append((seq, unit, c.doc, pack(text), c.event, *_fig_day(c), pre, moved,
                                     joined, family, lent))
                    else:
                        rows.append((seq, unit, c.doc, pack(text), None, *_fig_day(c), pre, moved,
                                     joined, family, lent))
                        sigs.setdefault((unit, signature(c, cfg, block), pre), text)
            conn.executemany("INSERT INTO judged_members VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            conn.executemany("INSERT OR IGNORE INTO judged_sigs VALUES (?, ?, ?, ?)",
                             [(u, s, pre, pack(text)) for (u, s, pre), text in sigs.items()])

        def batch_end(self, read, sources=None) -> None:
            if votes:
                # the claims as link_votes read them: before linking, in the batch's order (only
                # the tallies read back: the batch's other members are not parsed again)
                order, claims = [], []
                for i, claim in read(votes):
                    if i in votes:
                        order.append(i)
                        claims.append(claim)
                _keep_links(conn, claims, [votes[i] for i in order], sources)
                votes.clear()

    keep = Keep()

    with reconcile_store(db, config=cfg, rules_dir=rules_dir, keep=keep, progress=progress,
                         batch_claims=batch_claims) as record:
        scratch = record._conn
        conn.executemany(
            "INSERT INTO judged_clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            ((seq, cid, _base(cid, dedupe, scratch), dedupe, kind, combo, pack(_encode_cluster(encode, text)),
              ckeys.get(seq))
             for seq, cid, dedupe, kind, combo, text
             in scratch.execute("SELECT seq, id, dedupe, kind, combination, json FROM clusters")))
        conn.executemany("INSERT INTO judged_hkeys VALUES (?, ?, ?)",
                         scratch.execute("SELECT seq, pos, key FROM hkeys"))
        _add_vote_claims(conn)
        _add_claim_days(conn)
        _add_sig_events(conn, cfg)
        # what a report read from the state needs (crosscheck.store.from_state)
        conn.execute(report_tables.PLACES)
        conn.executemany("INSERT INTO judged_places VALUES (?, ?)",
                         scratch.execute("SELECT id, place FROM places"))
        conn.execute(report_tables.INCS)
        conn.executemany("INSERT INTO judged_incs VALUES (?, ?, ?, ?, ?)",
                         ((seq, soft, kind, iid, pack(text)) for seq, soft, kind, iid, text
                          in scratch.execute("SELECT seq, soft, type, id, json FROM incs")))
        unit_scopes.add(conn, cfg)
        captive_stories.add(conn, cfg)
        conn.executemany("INSERT INTO judged_docs VALUES (?, ?, ?)",
                         ((d, when, record.sources.group(d)) for d, when in record.doc_dates.items()))
        stats = record.stats
        stats.generation = record.generation
        if use is not None:
            use(record)
    return stats


def _install(db, staging: str, gen: int, version: str, busy_ms: Optional[int]) -> bool:
    """Replace the store's judged state by the staged one, in one write transaction, when the
    record is still of generation `gen` (the one judged); whether it was installed.  Every
    staged table is dropped and made anew in the store (with its indexes, made after its rows),
    with the staged `judged_*` meta keys, the generation and the version."""
    from crosscheck.store import report_tables
    from crosscheck.store.sqlite_store import connect, generation

    with closing(connect(db)) as conn:
        if busy_ms is not None:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
        conn.execute("ATTACH DATABASE ? AS staged", (staging,))
        try:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:
                if busy_ms is None:
                    raise
                return False
            try:
                if generation(conn) != gen:  # an ingest wrote the record while it was judged
                    conn.execute("ROLLBACK")
                    return False
                tables = conn.execute("SELECT name, sql FROM staged.sqlite_master WHERE type = 'table' "
                                      "AND name != 'meta' ORDER BY rowid").fetchall()
                indexes = conn.execute("SELECT sql FROM staged.sqlite_master WHERE type = 'index' "
                                       "AND sql IS NOT NULL ORDER BY rowid").fetchall()
                for name in sorted({n for n, _ in tables} | set(_TABLES) | set(report_tables.TABLES)):
                    conn.execute(f"DROP TABLE IF EXISTS main.{name}")
                for name, sql in tables:
                    conn.execute(sql.replace("CREATE TABLE ", "CREATE TABLE main.", 1))
                    conn.execute(f"INSERT INTO main.{name} SELECT * FROM staged.{name}")
                for (sql,) in indexes:
                    conn.execute(sql.replace("CREATE INDEX ", "CREATE INDEX main.", 1))
                conn.execute("INSERT OR REPLACE INTO main.meta(key, value) SELECT key, value FROM staged.meta")
                conn.execute("INSERT OR REPLACE INTO main.meta(key, value) VALUES ('judged_generation', ?)",
                             (str(gen),))
                conn.execute("INSERT OR REPLACE INTO main.meta(key, value) VALUES ('judged_version', ?)", (version,))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            return True
        finally:
            conn.execute("DETACH DATABASE staged")


def _encode_cluster(encode, text: str) -> str:
    """A cluster's JSON with its claims' sentences as references (crosscheck.store.compact);
    as it is when a "sentence" key comes before its claims (a scope attribute of that name)."""
    at = text.find('"claims":[')
    if at < 0 or 0 <= text.find('"sentence":', 0, at):
        return text
    return text[:at] + encode(text[at:])


def _fig_day(c: Claim) -> tuple[Optional[float], Optional[str]]:
    """What `_join_corroborated` matches a member on: its figure and its day."""
    from crosscheck.reconcile.grouping import _figure

    return _figure(c), c.as_of


def _keep_links(conn, claims, linked_events, sources) -> None:
    """Keep how the record's tallies were linked (crosscheck.store.vote_links), when the
    traced linking gives the events the judgement used (else `check` links them all)."""
    from crosscheck.store import vote_links

    events, rows = vote_links.link_traced(claims, sources)  # the rules link_votes reads
    if [e or c.event for e, c in zip(events, claims)] != list(linked_events):
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('judged_links', 'no')")
        return
    vote_links.store(conn, rows)


def _base(cid: str, dedupe: str, scratch) -> str:
    """The id before `-N` suffixes: the id itself unless another cluster shares its base."""
    head, sep, tail = cid.rpartition("-")
    if sep and tail.isdigit() and scratch.execute(
            "SELECT 1 FROM clusters WHERE id = ? LIMIT 1", (head,)).fetchone():
        return head
    return cid


def ensure_state(db: str | os.PathLike[str], cfg, rules_dir=None) -> bool:
    """Build the state when it is missing or out of date; True when it was built and kept (an
    ingest that wrote the record while it was judged leaves it unkept: not current).  A store
    that cannot be written (read-only) raises sqlite3.OperationalError."""
    from crosscheck.ruleset.loader import load_rules
    from crosscheck.store.sqlite_store import ReadOnlyConnection, connect

    with closing(connect(db)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if set(_TABLES) <= tables and is_current(conn, cfg, load_rules(rules_dir).version):
            # what an older state lacks is added; a store that cannot be written (read-only) is
            # checked without it (the vote unit linked again, every signature grouped)
            try:
                if _links_state(conn) is None:
                    add_links(conn, cfg)
                indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
                noted = conn.execute("SELECT 1 FROM meta WHERE key = 'judged_fingerprints'").fetchone()
                for table, add in (("judged_bands", _add_bands), ("judged_vote_claims", _add_vote_claims),
                                   ("judged_clusters_combination", _add_linked_index),
                                   ("judged_clusters_id", _add_id_index),
                                   ("judged_fingerprints", _note_fingerprints),
                                   ("judged_claim_days", _add_claim_days),
                                   ("judged_sig_events", lambda c: _add_sig_events(c, cfg)),
                                   (unit_scopes.TABLE, lambda c: unit_scopes.add(c, cfg)),
                                   (captive_stories.TABLE, lambda c: captive_stories.add(c, cfg)),
                                   (captive_stories.FREED_TABLE, lambda c: captive_stories.add(c, cfg))):
                    if table in tables or table in indexes or (table == "judged_fingerprints" and noted):
                        if table != "judged_vote_claims" or _has_column(conn, table, "value"):
                            continue
                    conn.execute("BEGIN IMMEDIATE")  # a state kept before that index
                    try:
                        add(conn)
                    except BaseException:
                        conn.execute("ROLLBACK")
                        raise
                    conn.execute("COMMIT")
            except sqlite3.OperationalError:
                if not isinstance(conn, ReadOnlyConnection):
                    raise
            return False
    if not build_state(db, cfg, rules_dir).kept_state:  # an ingest wrote the record meanwhile
        return False
    reclaim(db)
    return True


RECLAIM_SHARE = 0.25  # free pages past this share of the store after a build: the store is vacuumed


def reclaim(db: str | os.PathLike[str]) -> bool:
    """Give back the pages a state judged again left free (a state of format 4 was three times
    the size of format 5's: its pages stay in the file, free, until a VACUUM), when they are
    over RECLAIM_SHARE of the store; True when it was vacuumed.  A store in use (locked) is
    left as it is: VACUUM is all or nothing."""
    from crosscheck.store.sqlite_store import connect

    with closing(connect(db)) as conn:
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        if not pages or free <= RECLAIM_SHARE * pages:
            return False
        try:
            conn.execute("VACUUM")
        except sqlite3.OperationalError:
            return False
    return True


def _add_linked_index(conn) -> None:
    """Indexes a state kept before them lacks: tallies by the event linking gave them (a check
    finds the stored clusters of the votes a new tally renames through it) and clusters of
    combined figures by kind (without it, whether there are any scans every cluster's JSON)."""
    conn.execute("CREATE INDEX IF NOT EXISTS judged_members_linked ON judged_members(linked, seq)")
    conn.execute("CREATE INDEX IF NOT EXISTS judged_clusters_combination ON judged_clusters(combination, kind)")


def _add_id_index(conn) -> None:
    """The clusters by their final id (a state kept before it lacks it): the ids a check gives
    again are looked up by id as well as by base (`_final_ids`), which scanned every cluster."""
    conn.execute("CREATE INDEX IF NOT EXISTS judged_clusters_id ON judged_clusters(id)")


def _all_fingerprinted(conn) -> bool:
    """Whether every stored document has its near-duplicate signature (else the band index
    misses some), as `_add_bands` found it for this state; a state kept before it says is
    read (the signature column lies past each document's text: a scan reads the record)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'judged_fingerprints'").fetchone()
    if row is not None:
        return row[0] == "all"
    return conn.execute("SELECT 1 FROM documents WHERE fingerprint IS NULL LIMIT 1").fetchone() is None


def _note_fingerprints(conn) -> None:
    missing = conn.execute("SELECT 1 FROM documents WHERE fingerprint IS NULL LIMIT 1").fetchone()
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('judged_fingerprints', ?)",
                 ("some missing" if missing else "all",))


def _add_bands(conn) -> None:
    """(Re)build the band index of the stored documents' near-duplicate signatures."""
    from crosscheck.reconcile.near_dups import band_keys

    for statement in _BANDS.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("DELETE FROM judged_bands")
    rows = conn.execute("SELECT id, fingerprint FROM documents WHERE comparable_length > 0 AND fingerprint IS NOT NULL")
    conn.executemany("INSERT INTO judged_bands VALUES (?, ?)",
                     ((band, doc_id) for doc_id, fp in rows for band in band_keys(fp)))
    _note_fingerprints(conn)


def _add_vote_claims(conn) -> None:
    """(Re)build the index of the vote-linked clusters' claims (`_VOTE_CLAIMS`)."""
    from crosscheck.reconcile.inconsistencies import VOTE_LINKED, _whole

    conn.execute("DROP TABLE IF EXISTS judged_vote_claims")  # an older one lacks a column
    for statement in _VOTE_CLAIMS.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("DELETE FROM judged_vote_claims")
    rows = []
    for seq, kind, text in conn.execute(f"SELECT seq, kind, json FROM judged_clusters WHERE kind IN "
                                        f"({','.join('?' * len(VOTE_LINKED))})", VOTE_LINKED):
        text = compact.unpack(text)
        cl = json.loads(text)
        event = (cl.get("key") or {}).get("event")
        for c in Cluster.model_validate_json(text).claims:  # value as ClusterClaim reads it
            rows.append((seq, kind, event, c.doc, _whole(c.value), str(c.value)))
    conn.executemany("INSERT INTO judged_vote_claims VALUES (?, ?, ?, ?, ?, ?)", rows)


def _add_claim_days(conn) -> None:
    """(Re)build the day index of the claims of the clusters a part/whole constraint can link
    (`_CLAIM_DAYS`): each claim's day and byte span in its cluster's JSON, checked against the
    claim's own JSON, and the cluster without its claims."""
    from crosscheck.reconcile.hierarchy import ADDITIVE_KINDS

    for statement in _CLAIM_DAYS.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("DELETE FROM judged_heads")
    conn.execute("DELETE FROM judged_claim_days")
    kinds = sorted(ADDITIVE_KINDS)
    heads, rows = [], []
    seqs = [r[0] for r in conn.execute(f"SELECT seq FROM judged_clusters WHERE kind IN ({','.join('?' * len(kinds))})",
                                       kinds)]
    for seq in seqs:  # one cluster's JSON at a time
        (text,) = conn.execute("SELECT json FROM judged_clusters WHERE seq = ?", (seq,)).fetchone()
        spans = _claim_spans(compact.unpack(text).decode("utf-8"))
        if spans is None:
            continue
        head, days = spans
        heads.append((seq, head))
        rows.extend((seq, day, start, stop) for day, start, stop in days)
        if len(rows) > 20_000:
            conn.executemany("INSERT INTO judged_heads VALUES (?, ?)", heads)
            conn.executemany("INSERT INTO judged_claim_days VALUES (?, ?, ?, ?)", rows)
            heads, rows = [], []
    conn.executemany("INSERT INTO judged_heads VALUES (?, ?)", heads)
    conn.executemany("INSERT INTO judged_claim_days VALUES (?, ?, ?, ?)", rows)


_CLAIMS_AT = b'"claims":['


def _claim_spans(text: str) -> Optional[tuple[str, list[tuple[Optional[str], int, int]]]]:
    """A cluster's JSON without its claims, and each claim's day and byte span in the JSON;
    None unless the claims array is exactly its claims' own JSON joined by commas."""
    cl = Cluster.model_validate_json(text)
    data = text.encode("utf-8")
    at = data.find(_CLAIMS_AT)  # strings escape their quotes: only the field itself matches
    if at < 0:
        return None
    pos, out = at + len(_CLAIMS_AT), []
    for n, c in enumerate(cl.claims):
        own = c.model_dump_json().encode("utf-8")
        if data[pos:pos + len(own)] != own or data[pos + len(own):pos + len(own) + 1] != (
                b"," if n + 1 < len(cl.claims) else b"]"):
            return None
        out.append((c.as_of, pos, pos + len(own)))
        pos += len(own) + 1
    if not out:
        return None
    head = cl.model_copy(update={"claims": [], "trajectory": None, "outlier_links": []}).model_dump_json()
    return head, out


def _add_sig_events(conn, cfg) -> None:
    """(Re)build the event index of the vote unit's signatures (`_SIG_EVENTS`): each kept
    signature's event and whether it carries a fuzzy name (place, group), as its text says."""
    for statement in _SIG_EVENTS.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("DELETE FROM judged_sig_events")
    attrs = list(cfg.scope_attributes)
    if "event" not in attrs:
        return
    ev = attrs.index("event")
    fuzzy = [i for i, a in enumerate(attrs) if a in cfg.fuzzy_attributes]
    rows = []
    for unit, sig, pre in conn.execute("SELECT unit, sig, pre FROM judged_sigs WHERE substr(unit, 1, ?) = ?",
                                       (len(VOTE_UNIT_PREFIX), VOTE_UNIT_PREFIX)):
        _block, values = json.loads(sig)
        rows.append((unit, values[ev], int(any(values[i] is not None for i in fuzzy)), sig, pre))
    conn.executemany("INSERT INTO judged_sig_events VALUES (?, ?, ?, ?, ?)", rows)


def _vote_signature_rows(conn, unit: str, new: list, cfg, remap: dict, stats: CheckStats):
    """The vote unit's (sig, pre) rows, in the order of the signatures' key, that
    `_kept_signatures` can keep for the new tallies: through the event index (`_SIG_EVENTS`),
    those of the stored events the new tallies' events are (after `remap`) and those carrying a
    place or group name; in a state without the index (read-only, not yet added), every row.
    The rows passed over are those `_kept_signatures` passes over (another event, no name)."""
    from crosscheck.reconcile.grouping import scope_value

    if _has_table(conn, "judged_sig_events"):
        events = {scope_value(m.claim, "event") for m in new}
        wanted = {e for e in events if e not in remap} | {o for o, n in remap.items() if n in events}
        named = sorted(e for e in wanted if e is not None)
        where = [f"event IN ({','.join('?' * len(named))})"] if named else []
        if None in wanted:
            where.append("event IS NULL")
        where.append("named = 1")
        rows = conn.execute(f"SELECT sig, pre FROM judged_sig_events WHERE unit = ? AND ({' OR '.join(where)}) "
                            f"ORDER BY sig, pre", (unit, *named))
    else:
        rows = conn.execute("SELECT sig, pre FROM judged_sigs WHERE unit = ? ORDER BY sig, pre", (unit,))
    for row in rows:
        stats.signature_rows += 1
        yield row


def _has_column(conn, table: str, column: str) -> bool:
    return any(r[1] == column for r in conn.execute(f"PRAGMA table_info({table})"))


def _has_table(conn, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name = ?", (name,)).fetchone() is not None


def _has_bands(conn) -> bool:
    return _has_table(conn, "judged_bands")


def _links_state(conn) -> Optional[str]:
    row = conn.execute("SELECT value FROM meta WHERE key = 'judged_links'").fetchone()
    return row[0] if row else None


def add_links(conn, cfg) -> None:
    """Add the vote links (crosscheck.store.vote_links) to a judged state kept without them:
    the stored tallies linked once more, as the judgement linked them, in one transaction."""
    from crosscheck.reconcile.grouping import Member
    from crosscheck.store import compact, vote_links
    from crosscheck.store.sqlite_store import _source_groups
    from crosscheck.store.member_text import member_from_json, member_json

    conn.execute("BEGIN IMMEDIATE")
    try:
        if "linked" not in {r[1] for r in conn.execute("PRAGMA table_info(judged_members)")}:
            conn.execute("ALTER TABLE judged_members ADD COLUMN linked TEXT")
        vote_links.create(conn)
        compact.create(conn)
        fill, encode = compact.reader(conn).fill, compact.Writer(conn).encode
        rows = []
        for rowid, pre, unit, text in conn.execute(
                "SELECT rowid, pre, unit, data FROM judged_members WHERE unit LIKE ?", (VOTE_UNIT_PREFIX + "%",)):
            m, note = member_from_json(compact.unpack(text))
            fill(m.claim)
            rows.append((m.index, rowid, pre, unit, m, note))
        rows.sort(key=lambda r: r[0])  # the order the judgement read them in
        sources = _source_groups(conn, [], cfg)
        events, link_rows = vote_links.link_traced([r[4].claim for r in rows], sources)
        conn.execute("DELETE FROM judged_sigs WHERE unit LIKE ?", (VOTE_UNIT_PREFIX + "%",))
        sigs = {}
        for (_i, rowid, pre, unit, m, note), event in zip(rows, events):
            event = event or m.claim.event
            conn.execute("UPDATE judged_members SET linked = ? WHERE rowid = ?", (event, rowid))
            linked = Member(m.index, m.claim.model_copy(update={"event": event}), m.uncertain, m.notes)
            sigs.setdefault((unit, signature(linked.claim, cfg), pre), compact.pack(encode(member_json(linked, note))))
        conn.executemany("INSERT OR IGNORE INTO judged_sigs VALUES (?, ?, ?, ?)",
                         [(u, s, pre, text) for (u, s, pre), text in sigs.items()])
        _add_sig_events(conn, cfg)  # the vote signatures' events, as linking now gives them
        vote_links.store(conn, link_rows)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('judged_links', 'yes')")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        compact.forget(conn)
    conn.execute("COMMIT")


# --------------------------------------------------------------------------- checking


def check_against_state(db: str | os.PathLike[str], new_docs: Sequence[Document], new_claims: Sequence[Claim],
                        cfg, rules_dir=None, *, build: bool = True,
                        whole_linked: bool = False) -> tuple[Optional[Found], CheckStats]:
    """The clusters the new documents' claims fall in, judged as a full judgement of the record
    plus the new documents would judge them, with the stored clusters linked to them by
    hierarchy keys; (None, stats) when the shortcut does not apply (`stats.fallback` says why).

    Of a stored cluster linked by a part/whole constraint only the claims of the new claims'
    days are read (the inconsistencies citing a new claim are those of its moment; a cluster
    without such claims keeps one, so that it still counts as a part or a rival scope), unless
    `whole_linked` (a baseline's findings about the record need them whole)."""
    from crosscheck.store.sqlite_store import connect

    stats = CheckStats()
    try:
        if build:
            stats.built = ensure_state(db, cfg, rules_dir)
    except sqlite3.OperationalError as exc:  # read-only store, locked by an ingest
        stats.fallback = f"judged state not built: {exc}"
        return None, stats
    with closing(connect(db)) as conn:
        conn.execute("BEGIN")
        try:
            from crosscheck.ruleset.loader import load_rules

            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not set(_TABLES) <= tables or not is_current(conn, cfg, load_rules(rules_dir).version):
                stats.fallback = "no current judged state"
                return None, stats
            try:
                # the cyclic collector held off: the check makes hundreds of thousands of objects
                # (members, claims, clusters) and no garbage cycles worth a collection, yet each
                # full collection re-reads every live one (at 10k: 1,068 collections, ~40 % of its
                # CPU); reference counting frees everything as before
                with collector_paused():
                    clusters, tallies = _check(conn, new_docs, new_claims, cfg, stats, rules_dir, whole_linked)
            except Fallback as why:
                stats.fallback = str(why)
                return None, stats
        finally:
            stats.sentences_read = compact.reader(conn).reads
            compact.forget(conn)
            conn.execute("COMMIT")
    return Found(clusters, stats, tallies), stats


def _check(conn, new_docs, new_claims, cfg, stats: CheckStats, rules_dir=None,
           whole_linked: bool = False) -> tuple[list[Cluster], dict]:
    from crosscheck.reconcile.dating import date_rules, document_dates
    from crosscheck.reconcile.grouping import fill_context, unit_key
    from crosscheck.reconcile.hierarchy import load_hierarchy
    from crosscheck.reconcile.reconciler import judge_groups, prepare_claims, sort_key
    from crosscheck.store.streamed import _Notes

    ids = [d.id for d in new_docs]
    marks = ",".join("?" * len(ids))
    if conn.execute(f"SELECT 1 FROM documents WHERE id IN ({marks}) LIMIT 1", ids).fetchone():
        raise Fallback("a new article is already in the record")
    hier = load_hierarchy()
    drules = date_rules(rules_dir)  # as the judgement of the record read them
    # the new members, as the streamed judgement prepares each document
    found = document_dates(new_docs, drules)
    notes = _Notes()
    new_members = []
    index = 1 << 40  # after every stored member's index
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in new_claims:
        by_doc[c.doc].append(c)
    doc_dates: dict[str, Optional[str]] = {}
    for d in new_docs:
        when = found.dates.get(d.id)
        doc_dates[d.id] = when.isoformat() if when else None
        claims = by_doc.get(d.id, [])
        dated, repair = prepare_claims(claims, found, drules, [d], hier)
        for m in fill_context(dated, cfg, index):
            note = repair[m.index - index]
            if note:
                notes[m.index] = note
            new_members.append(m)
        index += len(claims)
    # near-duplicate groups with the new documents: a stored document's group must not change
    sources = _sources(conn, new_docs, cfg, stats)
    units: dict[str, list] = defaultdict(list)
    for m in new_members:
        units[unit_key(m.claim, cfg)].append(m)
    groups = []  # (group, stored seq or None)
    gone: set[int] = set()  # stored clusters every member of which the new ones send elsewhere
    remap: dict[str, str] = {}  # stored events the new tallies rename (one vote unit)
    for unit in sorted(units):
        if unit.startswith(VOTE_UNIT_PREFIX):
            linked = _link_new(conn, units[unit], sources, stats)
            if linked is None:  # every stored tally linked again with the new ones
                got, remap = _vote_unit(conn, unit, units[unit], sources, cfg, stats, notes)
                groups += got
            else:
                remap = linked[1]
                groups += _unit(conn, unit, linked[0], cfg, stats, notes, remap, gone)
        else:
            groups += _unit(conn, unit, units[unit], cfg, stats, notes, gone=gone)
    # the dates of the documents whose members are judged
    # (and their source groups, which judging asks for every member: read with the dates)
    docs_needed = sorted({m.claim.doc for g, _s in groups for m in g.members} - set(ids))
    stored = sources if isinstance(sources, StoredSources) else None
    for i in range(0, len(docs_needed), 500):
        part = docs_needed[i : i + 500]
        for doc_id, when, grp in conn.execute(
                f"SELECT id, date, grp FROM judged_docs WHERE id IN ({','.join('?' * len(part))})", part):
            doc_dates[doc_id] = when
            if stored is not None:
                stored.group_of.setdefault(doc_id, grp)
    judged = judge_groups([g for g, _s in groups], notes, doc_dates, sources, cfg, hier)
    stats.clusters_judged = len(judged)
    stats.renamed = len(remap)
    renaming = Renaming(conn, remap, cfg)
    touched = {s for _g, s in groups if s is not None} | gone
    wanted, tally_docs = _linked(conn, judged, touched, cfg, renaming, whole_linked)
    stories = _captive_linked(conn, judged, touched, cfg, whole_linked)
    stats.captive_clusters = len(stories)
    wanted |= stories
    ids = _final_ids(conn, groups, judged, gone, renaming, wanted, stats)
    new_ids = {d.id for d in new_docs}
    days = None if whole_linked else {c.as_of for cl in judged for c in cl.claims if c.doc in new_ids}
    clusters = judged + _read_linked(conn, wanted, ids, renaming, hier, stats, days, whole=stories)
    # in report order, as the full judgement lists them: which clusters an inconsistency reads
    # first (the parts of a sum, a number's first claim) follows that order
    clusters.sort(key=sort_key)
    stats.group_queries = getattr(sources, "queries", 0)
    return clusters, _tallies(conn, tally_docs, stats, renaming)


def _tallies(conn, docs: set[str], stats: CheckStats, renaming: Optional[Renaming] = None) -> dict:
    """The stored tallies of `docs` (doc -> kind -> (vote event, value) as the number-typo check
    reads them), under the names the new tallies give stored votes (`renaming`)."""
    from crosscheck.reconcile.inconsistencies import TALLY_KINDS

    remap = renaming.remap if renaming is not None else {}
    out: dict = defaultdict(lambda: defaultdict(set))
    docs_ = sorted(docs)
    for i in range(0, len(docs_), 500):
        part = docs_[i : i + 500]
        for doc, kind, event, value in conn.execute(
                f"SELECT doc, kind, event, value FROM judged_vote_claims WHERE kind IN ({','.join('?' * len(TALLY_KINDS))}) "
                f"AND doc IN ({','.join('?' * len(part))})", [*TALLY_KINDS, *part]):
            event = event or ""
            out[doc][kind].add((remap.get(event, event), value))
            stats.tally_rows += 1
    return {doc: dict(by_kind) for doc, by_kind in out.items()}


class StoredSources(SourceGroups):
    """Source groups of the judged record (judged_docs, read as asked) and of new documents."""

    def __init__(self, conn, new_groups: dict[str, str]) -> None:
        super().__init__(group_of=dict(new_groups))
        self._conn = conn
        self.queries = 0  # documents looked up one at a time

    def group(self, doc_id: str) -> str:
        got = self.group_of.get(doc_id)
        if got is None:
            self.queries += 1
            row = self._conn.execute("SELECT grp FROM judged_docs WHERE id = ?", (doc_id,)).fetchone()
            got = self.group_of[doc_id] = row[0] if row else doc_id
        return got


def _sources(conn, new_docs, cfg, stats: CheckStats) -> SourceGroups:
    """The near-duplicate groups of the record and the new documents, as a grouping of all of
    them gives them, when the new documents leave every stored document's group as it was
    (else Fallback): from the band index of the stored signatures (near_dups.join_new), or,
    in a state without it, by grouping every stored signature again."""
    from crosscheck.reconcile.near_dups import GroupsChange, comparable_text, fingerprint_comparable, join_new
    from crosscheck.store.sqlite_store import _source_groups

    ids = [d.id for d in new_docs]
    if not _has_bands(conn) or not _all_fingerprinted(conn):
        sources = _source_groups(conn, new_docs, cfg)
        stats.near_dup_read = len(sources.group_of) - len(ids)
        new_groups = {sources.group(d) for d in ids}
        joined = sorted({d for d, g in sources.group_of.items() if g in new_groups} | new_groups)
        for i in range(0, len(joined), 500):
            part = joined[i : i + 500]
            for doc_id, stored_grp in conn.execute(
                    f"SELECT id, grp FROM judged_docs WHERE id IN ({','.join('?' * len(part))})", part):
                if sources.group(doc_id) != stored_grp:
                    raise Fallback(f"the new article changes the source group of {doc_id}")
        return sources
    nd = cfg.near_duplicate
    texts = {d.id: comparable_text(d.text) for d in new_docs}

    def bucket(band: bytes) -> list:
        return conn.execute("SELECT b.doc_id, d.fingerprint, d.comparable_length FROM judged_bands b "
                            "JOIN documents d ON d.id = b.doc_id WHERE b.band = ?", (band,)).fetchall()

    def stored_group(doc_id: str) -> str:
        row = conn.execute("SELECT grp FROM judged_docs WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else doc_id

    def text_of(doc_id: str) -> str:
        if doc_id in texts:
            return texts[doc_id]
        return comparable_text(conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0])

    try:
        found = join_new([(d, *fingerprint_comparable(t, nd)) for d, t in texts.items()],
                         bucket, stored_group, text_of, nd)
    except GroupsChange as why:
        raise Fallback(f"the new article changes the source groups: {why}")
    stats.near_dup_read = found.stored_read
    out = StoredSources(conn, found.group_of)
    out.pair_checks, out.candidate_pairs = found.pair_checks, found.candidate_pairs
    return out


def _link_new(conn, new: list, sources, stats: CheckStats) -> Optional[tuple[list, dict]]:
    """The new tallies with the events linking them with the record's gives them
    (crosscheck.store.vote_links) and the stored events that linking renames, or None when the
    stored links cannot say."""
    from crosscheck.reconcile.grouping import Member
    from crosscheck.store import vote_links

    if _links_state(conn) != "yes":
        stats.link_fallback = "no vote links kept"
        return None
    try:
        events, remap = vote_links.link_new(conn, [m.claim for m in new], sources)
    except vote_links.LinkFallback as why:
        stats.link_fallback = str(why)
        return None
    # a new vote may take the name a stored vote had before renumbering: the stored clusters read
    # are renamed (crosscheck.store.renaming), else a tally sum would mix two votes
    return [Member(m.index, m.claim.model_copy(update={"event": e}) if e else m.claim, list(m.uncertain), list(m.notes))
            for m, e in zip(new, events)], remap


def _rename(members: list, remap: dict) -> list:
    """Stored tallies with the events a new tally's linking gives them (`_link_new`)."""
    for m in members:
        if m.claim.event in remap:
            m.claim = m.claim.model_copy(update={"event": remap[m.claim.event]})
    return members


def _members(conn, where: str, params, stats: CheckStats, notes) -> list:
    from crosscheck.store.member_text import member_from_json

    out = []
    fill = compact.reader(conn).fill
    for text, linked in conn.execute(f"SELECT CAST(data AS BLOB), linked FROM judged_members WHERE {where}", params):
        m, note = member_from_json(compact.unpack(text))
        fill(m.claim)
        if linked:  # a tally: the event linking gave it
            m.claim = m.claim.model_copy(update={"event": linked})
        if note:
            notes[m.index] = note
        out.append(m)
    stats.members_read += len(out)
    return out


def _unit(conn, unit: str, new: list, cfg, stats: CheckStats, notes, remap: Optional[dict] = None,
          gone: Optional[set] = None) -> list:
    """The groups of a unit's new members (see the module docstring), in three steps:

    1. placed among one member per stored signature and pre-join key (grouping before joins
       across place granularity depends on a member's signature only): every stored member must
       keep its pre-join key, which gives each new member its own;
    2. the joins across place granularity re-decided (grouping.join_moves) for the new members
       and for the stored (cluster, article) units the new figures and days can change; a stored
       unit that would move otherwise than it did is a Fallback;
    3. each cluster a new member ends in re-made from its stored members and the new ones (at
       no place, with the runs of days split off it: split again, each run under its stored
       cluster, a run no longer there `gone`).

    `remap`: stored events renamed (tallies, `_link_new`); `gone` gets the stored clusters
    every member of which now ends elsewhere."""
    from crosscheck.reconcile.grouping import GroupingStats, pre_join_clusters, split_stories
    from crosscheck.store.member_text import member_from_json

    def grouped(members: list, new_ones: list, pre_of: dict, extra: Optional[list] = None) -> tuple[dict, list]:
        """pre_join_clusters, the decisions one member per signature cannot take made with
        every stored member they read, else Fallback.

        An open scope kept apart from its one match by its days (grouping._attach_open_scopes:
        `_other_story` reads the days of every member of both clusters) is decided again, when
        a new member is in either cluster, with every stored member of the two: those whose
        stored pre-join key is one of the keys their members here have (`pre_of`: id(member) ->
        stored key text; every signature has its member here, so those keys hold every stored
        member of the two), read and added (`pre_of` gets their keys, `extra` the members: the
        caller checks that each keeps its stored key, as every stored member it gave).  A
        decision between clusters without a new member is the stored one (the caller checks
        every stored member's key); one the few members attach, the whole record attaches too
        (their days lie within those of every member).  Counted: `stats.gated_pairs`,
        `stats.gated_read`."""
        new_ids = {id(m) for m in new_ones}
        present = {m.index for m in members}
        members = list(members)
        read: set = set()  # stored keys whose every member is here
        for _round in range(4):
            gstats = GroupingStats()
            found = pre_join_clusters(members, cfg, gstats)
            if gstats.lone_region_keys & {m.pre for m in new_ones}:
                # a country's figure kept from its one region by days or articles: the few members
                # kept per signature do not hold every day and article of those clusters
                raise Fallback(f"a country figure of unit {unit} is kept apart from its one region")
            if gstats.story_starts:
                # whether a figure "since <day>" is its running total reads the days and figures of
                # every member (grouping.join_story_starts); one member per signature joins at least
                # whenever all of them would, so the whole unit is judged
                raise Fallback(f"a figure of unit {unit} since a day may be its running total")
            wanted: set = set()
            for _key, _dest, kms, dms in gstats.gated:
                both = (*kms, *dms)
                if any(id(m) in new_ids for m in both):
                    wanted |= {pre_of[id(m)] for m in both if id(m) in pre_of} - read
            if not wanted:
                return found
            stats.gated_pairs += 1
            unread = sorted(wanted - set(gated_cache))
            fresh = []
            for i in range(0, len(unread), 500):
                part = unread[i : i + 500]
                for k in part:
                    gated_cache[k] = []
                for text, linked, pre in conn.execute(
                        f"SELECT CAST(data AS BLOB), linked, pre FROM judged_members WHERE unit = ? AND pre IN "
                        f"({','.join('?' * len(part))})", [unit, *part]):
                    m = _member(conn, text, linked, notes, remap, fill=False)
                    gated_cache[pre].append(m)
                    fresh.append(m)
            compact.reader(conn).fill_all([m.claim for m in fresh])
            stats.gated_read += len(fresh)  # each stored member read once in a unit
            got = []
            for k in sorted(wanted):
                ms = [m for m in gated_cache[k] if m.index not in present]
                for m, c in zip(ms, _copies(ms)):  # (grouping marks the members it is given)
                    present.add(m.index)
                    pre_of[id(c)] = k
                    got.append(c)
            if extra is not None:
                extra += got
            read |= wanted
            members += sorted(got, key=lambda m: m.index)
        raise Fallback(f"an open scope of unit {unit} is kept apart from its match by its days")

    attrs = list(cfg.scope_attributes)
    gated_cache: dict[str, list] = {}  # stored pre-join key -> its stored members, as `grouped` read them

    remap = remap or {}
    pristine = []  # (stored pre-join key, member) per signature
    if unit.startswith(VOTE_UNIT_PREFIX):
        # tens of thousands of votes share the unit: their signatures (sig, pre) are read from
        # the primary key's index alone, and the data of the few kept (same order: the index's)
        kept = _vote_signatures(_vote_signature_rows(conn, unit, new, cfg, remap, stats), new, cfg, remap)
        rows = [(sig, pre, conn.execute("SELECT data FROM judged_sigs WHERE unit = ? AND sig = ? AND pre = ?",
                                        (unit, sig, pre)).fetchone()[0]) for sig, pre in kept]
    else:
        rows = conn.execute("SELECT sig, pre, data FROM judged_sigs WHERE unit = ?", (unit,))
    fill = compact.reader(conn).fill
    for _sig, pre, text in rows:
        m, _note = member_from_json(compact.unpack(text))
        fill(m.claim)
        pristine.append((pre, _rename([m], remap)[0]))
    stats.signatures += len(pristine)
    reps = _copies([m for _p, m in pristine])
    stored_pre = {id(m): pre for m, (pre, _m) in zip(reps, pristine)}
    mine = _copies(new)
    clusters, singles = grouped(reps + mine, mine, stored_pre)  # (stored_pre gets the stored members read)
    keys = _Keys(cfg, remap)
    new_pre: dict[int, tuple] = {}  # new member's index -> its pre-join key
    for key, ms in clusters.items():
        pres = {stored_pre[id(m)] for m in ms if id(m) in stored_pre}
        if len(pres) > 1:
            raise Fallback(f"a new claim changes the grouping of unit {unit}")
        for pre in pres:
            if keys.of(pre) != key:  # a new spelling renames a stored cluster
                raise Fallback(f"a new claim changes the grouping of unit {unit}")
        for m in ms:
            if id(m) not in stored_pre:
                new_pre[m.index] = key
    out = [(g, None) for g in singles if any(id(m) not in stored_pre for m in g.members)]
    placed = [m for m in mine if m.index in new_pre]
    joined, changed = _joins(conn, unit, placed, new_pre, keys, cfg, stats, notes, remap)
    # a weak place's join (crosscheck.reconcile.weak_places), after those: each new member's
    # final key, and the stored members now ending elsewhere (ckey, member, joined key, final key)
    final, changed = _weak_joins(conn, unit, placed, joined, changed, keys, cfg, stats, notes, remap)
    targets: dict[tuple, list] = defaultdict(list)  # final key -> the new members ending there
    for m in new:
        if m.index in final:
            targets[final[m.index]].append(m)
    li = 2 + attrs.index("location") if "location" in attrs else None
    # the key each member ends in after the joins by figures (`mark_moved`), before a weak
    # place's (`mark_weak`)
    joined_of: dict[int, tuple] = {m.index: joined[m.index] for m in placed}
    # stored members whose join the new ones change: their old cluster and their new one re-made
    arriving: dict[tuple, list] = defaultdict(list)
    leaving: set[int] = set()
    remade: set[tuple] = set()
    for ckey, s, via, dest in changed:
        arriving[dest].append(s)
        leaving.add(s.index)
        joined_of[s.index] = via
        remade.add(_unsplit(keys.of(ckey), attrs))
    for dest in sorted(set(targets) | set(arriving) | remade, key=key_text):
        runs = _runs(conn, dest, keys, attrs, cfg)  # stored seq -> its key (a story's runs of days)
        unplaced = li is not None and dest[li] is None
        if unplaced:
            stats.unplaced_runs += len(runs)
        own = []
        pre_of: dict[int, str] = {}  # id(stored member) -> its stored pre-join key (`grouped`)
        for seq in runs:
            for text, linked, pre, was in conn.execute(
                    "SELECT CAST(data AS BLOB), linked, pre, joined FROM judged_members WHERE seq = ?", (seq,)):
                m = _member(conn, text, linked, notes, remap, fill=False)
                if m.index not in leaving:
                    own.append((keys.of(pre), m))
                    pre_of[id(m)] = pre
                    joined_of[m.index] = keys.of(pre if was is None else was)
                    stats.members_read += 1
                    stats.unplaced_read += unplaced
        compact.reader(conn).fill_all([m.claim for _k, m in own])
        for s_, c in zip(arriving[dest], _copies(arriving[dest])):
            own.append((s_.pre, c))
            text_ = keys.text(s_.pre)
            if text_ is not None:
                pre_of[id(c)] = text_
        own.sort(key=lambda e: e[1].index)
        joining = _copies(targets[dest])
        if not own and not joining:  # every member left: the cluster is gone
            (gone if gone is not None else set()).update(runs)
            continue
        have = {m.index for _k, m in own}
        kept = [(p, m) for p, m in pristine if m.index not in have]
        others = _copies([m for _p, m in kept])
        pre_of.update((id(c), p) for c, (p, _m) in zip(others, kept))
        extra: list = []  # stored members read to decide an open scope's days: each keeps its key
        regrouped, _singles = grouped([m for _k, m in own] + joining + others, joining, pre_of, extra)
        expect = {id(m): k for k, m in own} | {id(m): new_pre[m.index] for m in joining}
        if extra:
            held = {id(m): key for key, ms in regrouped.items() for m in ms}
            if any(held.get(id(m)) != keys.of(pre_of[id(m)]) for m in extra):
                raise Fallback(f"a new claim changes the grouping of unit {unit}")
        members = []
        for key, ms in regrouped.items():
            for m in ms:
                if id(m) in expect:
                    if expect[id(m)] != key:
                        raise Fallback(f"a new claim changes the grouping of unit {unit}")
                    via = joined_of.get(m.index, dest)
                    if key != via:
                        mark_moved(m, key, via, list(cfg.scope_attributes))
                    if via != dest:
                        mark_weak(m, via, dest, li)
                    members.append(m)
        if len(members) != len(expect):
            raise Fallback(f"a new claim changes the grouping of unit {unit}")
        # runs of days far apart are split (grouping.split_stories): every run of the scope is
        # re-made from all of its members, each under the stored cluster of its key
        seq_of = {key: seq for seq, key in runs.items()}
        # (known gap: an undated article's story is read from the words of its whole unit,
        # grouping.unit_words, which the members kept here are not; the shortcut does not move
        # it - falling back for every unit with an undated and a dated article at no place would
        # lose the shortcut on most stores: issue 8, session 27 report)
        split = split_stories({dest: members}, attrs, cfg)
        for key, ms in split.items():
            (group,) = finish_groups({key: ms}, cfg)
            out.append((group, seq_of.get(key)))
        if gone is not None:
            gone.update(seq for key, seq in seq_of.items() if key not in split)
    return out


def _unsplit(key: tuple, attrs: list) -> tuple:
    """A cluster key without the first day `split_stories` gives a run it splits off."""
    return key[:2 + len(attrs)]


def _runs(conn, dest: tuple, keys: "_Keys", attrs: list, cfg) -> dict[int, tuple]:
    """The stored clusters of a final cluster key (before `split_stories`): its own and, at
    no place, the runs of days split off it (their keys are `dest` and a first day)."""
    text = keys.text(dest)
    if text is None:
        return {}
    rows = conn.execute("SELECT seq, ckey FROM judged_clusters WHERE ckey = ?", (text,)).fetchall()
    if cfg.story_gap_days is not None and "location" in attrs and dest[2 + attrs.index("location")] is None:
        prefix = text[:-1] + ',"'  # a run's key text: the key's, a first day appended
        rows += conn.execute("SELECT seq, ckey FROM judged_clusters WHERE ckey > ? AND ckey < ?",
                             (prefix, prefix + "~")).fetchall()
    return {seq: keys.of(ckey) for seq, ckey in rows}


class _Keys:
    """Cluster keys as stored (text) and as the check's grouping makes them: the same but for
    the events of stored votes a new tally renames (`_link_new`'s remap)."""

    def __init__(self, cfg, remap: dict) -> None:
        from crosscheck.reconcile.grouping import exact_form

        attrs = list(cfg.scope_attributes)
        self._ei = 2 + attrs.index("event") if "event" in attrs else None
        self._fwd = {exact_form(o): exact_form(n) for o, n in remap.items()} if self._ei is not None else {}
        self._back: dict = {}
        self._seen: dict[str, tuple] = {}  # stored key text -> key
        for o, n in self._fwd.items():
            if self._back.setdefault(n, o) != o:
                raise Fallback("a new tally gives two stored votes one name")

    def of(self, text: str) -> tuple:
        """A stored key as the check's grouping makes it."""
        key = self._seen.get(text)
        if key is None:
            key = tuple(json.loads(text))
            if self._fwd and key[self._ei] in self._fwd:
                key = key[:self._ei] + (self._fwd[key[self._ei]],) + key[self._ei + 1:]
            self._seen[text] = key
        return key

    def text(self, key: tuple) -> Optional[str]:
        """The stored text of a key of the check's grouping (None: no stored key can be it)."""
        if self._fwd:
            v = key[self._ei]
            if v in self._back:
                key = key[:self._ei] + (self._back[v],) + key[self._ei + 1:]
            elif v in self._fwd:  # a stored vote's old name, which it no longer has
                return None
        return key_text(key)


def _joins(conn, unit: str, mine: list, new_pre: dict, keys: _Keys, cfg, stats: CheckStats,
           notes, remap: dict) -> tuple[dict[int, tuple], list]:
    """Each new member's final cluster key, the joins across place granularity
    (grouping.join_moves) decided as a grouping of the whole unit decides them, from the stored
    members those decisions read (counted: `corroborating`, `join_units`):

    * a new (cluster, article) unit reads the stored members giving its figures (where they
      may go, and which cluster corroborates them) and the stored members of its pre-join
      cluster on its days (whether another article disputes that cluster then);
    * a stored unit can decide otherwise when a new member gives one of its figures on a
      matching day in its own cluster (its home corroborated: only if it moved) or at a place
      it may join (a new target), or when a new member speaks in its home cluster on its day
      (a dispute: only if it moved), or, at no place, when a new (day, placed cluster) pair of
      its story falls within `story_window_days` of its days (`_story_affected`) or a new
      member gives a figure it recalls on its day (that day now counts for its story).  Those units
      and the other units of their articles (whose figures of other groups follow a moved one)
      are read whole, with what their decisions read, and decided again;
    * a unit at no place decided reads the placed clusters' days within `story_window_days`
      of its own (`_story_days`), and every unit reads which cluster keys the unit has (an
      article's figure of another group follows its moved figure only to an existing cluster).

    Returns the new members' final keys and the stored members that now end elsewhere
    (the stored key of the cluster they leave, the member, the key of the one they join)."""
    from crosscheck.reconcile.grouping import (EARLIER_PERIOD, _figure, corroborating_days, is_coarser, join_moves,
                                               place_parents, recalls_final)

    attrs = list(cfg.scope_attributes)
    final = {m.index: new_pre[m.index] for m in mine}
    minimum = cfg.corroborate_min_value
    if minimum is None or "location" not in attrs or not mine:
        return final, []
    li = 2 + attrs.index("location")
    parents = place_parents()
    story = cfg.story_window_days is not None
    loaded: dict[int, tuple] = {}  # rowid -> (seq, moved, member)

    def load(column: str, values, where: str = "", params=()) -> list[int]:
        got = []
        values = sorted(values)
        made = []
        for i in range(0, len(values), 500):
            part = values[i : i + 500]
            for rowid, seq, pre, moved, joined, text, linked in conn.execute(
                    f"SELECT rowid, seq, pre, moved, joined, CAST(data AS BLOB), linked FROM judged_members WHERE unit = ? "
                    f"AND {column} IN ({','.join('?' * len(part))}){where}", [unit, *part, *params]):
                got.append(rowid)
                if rowid not in loaded:
                    m = _member(conn, text, linked, notes, remap, fill=False)
                    m.pre = keys.of(pre)
                    m.joined = m.pre if joined is None else keys.of(joined)
                    loaded[rowid] = (seq, moved, m)
                    made.append(m.claim)
        compact.reader(conn).fill_all(made)
        return got

    def rest(key: tuple) -> tuple:
        return key[:li] + key[li + 1:]

    def same_day(a, b, key: tuple) -> bool:
        return corroborating_days(a, b, key, attrs, cfg)

    # what the new members' decisions read, and the stored members the new ones can affect
    figs: dict[float, list] = defaultdict(list)
    for m in mine:
        if (v := _figure(m.claim)) is not None and v >= minimum:
            figs[v].append(m)
    days = {m.claim.as_of for m in mine if m.claim.as_of is not None}
    homes = {t for m in mine if (t := keys.text(new_pre[m.index])) is not None}
    affected: set[tuple] = set()  # (stored pre-join key, doc)
    for rowid in load("fig", figs):
        _seq, moved, s = loaded[rowid]
        inferred = "location" in s.claim.inferred
        for n in figs[_figure(s.claim)]:
            k = new_pre[n.index]
            if rest(k) != rest(s.pre) or not (same_day(n.claim.as_of, s.claim.as_of, k)
                                               or recalls_final(s.claim.as_of, n.claim.as_of, k, attrs, cfg)):
                continue  # (a stored figure given after the new one may recall its final figure)
            if (k == s.pre and moved) or is_coarser(s.pre[li], inferred, k[li], parents):
                affected.add((s.pre, s.claim.doc))
            elif story and s.pre[li] is None and s.claim.period == EARLIER_PERIOD:
                # a recalled figure at no place now borne out on its day: its day joins
                # those its article's story is looked up by (grouping._story_days_of)
                affected.add((s.pre, s.claim.doc))
    for rowid in (load("day", days, f" AND pre IN ({','.join('?' * len(homes))})", sorted(homes)) if homes else ()):
        _seq, moved, s = loaded[rowid]
        if moved:
            affected.add((s.pre, s.claim.doc))
    if story:  # figures at no place whose story the new placed figures' days can change
        affected |= _story_affected(conn, unit, mine, new_pre, keys, li, cfg, stats)
    # the affected units whole, with what their decisions read
    if affected:
        docs = {d for _k, d in affected}
        load("doc_id", docs)
        if "group" in attrs:
            # an article's figures of other groups follow its moved figure (grouping._siblings_follow):
            # every unit of an affected article is decided again
            affected |= {(s.pre, s.claim.doc) for _q, _mv, s in loaded.values() if s.claim.doc in docs}
        units = [e for e in loaded.values() if (e[2].pre, e[2].claim.doc) in affected]
        load("fig", {v for _q, _mv, s in units if (v := _figure(s.claim)) is not None and v >= minimum})
        their_days = {s.claim.as_of for _q, _mv, s in units if s.claim.as_of is not None}
        their_homes = {keys.text(k) for k, _d in affected}
        if their_homes:
            load("day", their_days, f" AND pre IN ({','.join('?' * len(their_homes))})", sorted(their_homes))
    stats.members_read += len(loaded)
    stats.corroborating += len(loaded)
    stats.join_units += len(affected)
    clusters: dict[tuple, list] = defaultdict(list)
    for _q, _mv, s in loaded.values():
        clusters[s.pre].append(s)
    for m in mine:
        clusters[new_pre[m.index]].append(m)
    # decided for the new members' units and the affected stored ones: the other members
    # loaded are what those decisions read
    deciding = affected | {(new_pre[m.index], m.claim.doc) for m in mine}
    stories = _story_days(conn, unit, clusters, deciding, li, keys, cfg, stats) if story else None
    # the unit's every cluster key: an article's figures of other groups follow its moved
    # figure to the cluster of their group at its destination when there is one
    every = _EveryKey(conn, unit, keys, new_pre.values())
    moves = {id(m): dest for _key, m, dest in join_moves(dict(clusters), attrs, cfg, deciding, stories, every)}
    for m in mine:
        final[m.index] = moves.get(id(m), new_pre[m.index])
    # the stored units decided again: those that end elsewhere now (than the cluster the joins
    # by figures sent them to: a weak place's join is decided after them, `_weak_joins`)
    ckeys = dict(_in_pairs(conn, "SELECT seq, ckey FROM judged_clusters WHERE seq IN ({marks})",
                           {q for q, _mv, s in loaded.values() if (s.pre, s.claim.doc) in affected}))
    changed = []
    for seq, _moved, s in loaded.values():
        if (s.pre, s.claim.doc) not in affected:
            continue
        dest = moves.get(id(s), s.pre)
        if dest != s.joined:
            changed.append((ckeys[seq], s, dest))
    stats.join_changed += len(changed)
    return final, changed


def _weak_joins(conn, unit: str, mine: list, joined: dict, changed: list, keys: _Keys, cfg, stats: CheckStats,
                notes, remap: dict) -> tuple[dict[int, tuple], list]:
    """A weak place's join (crosscheck.reconcile.weak_places) decided again, as a grouping of
    the whole unit decides it, for every family (scope without place) a new member falls in or a
    stored member re-decided by `_joins` moves in (counted: `weak_families`, `weak_read`):

    * which keys the family has and which hold a stated place is read from the family index
      (no member), and where each weak key would join (`weak_places.destinations`) worked out
      with the new members and without them;
    * a weak key whose destination is the stored one and which no new member falls in, nor
      its destination, is decided as stored (its days, articles and words, and the
      destination's, are those the full judgement read); the others read the members of both
      clusters (`weak_places.kept_apart`);
    * a family a stored member re-decided by `_joins` leaves or enters is read whole.

    `joined`: each new member's key after the joins by figures; `changed`: the stored members
    `_joins` sends elsewhere (ckey, member, key).  Returns the new members' final keys and the
    stored members that now end elsewhere than their stored cluster (its stored key, the member,
    its key after the joins by figures, the key of the cluster it ends in)."""
    from crosscheck.reconcile.grouping import weak_place_helpers
    from crosscheck.reconcile.weak_places import fitting_figures, destinations, figure_id, follow, kept_apart, stated

    attrs = list(cfg.scope_attributes)
    if not cfg.weak_place_join or "location" not in attrs:
        return dict(joined), [(ck, s, d, d) for ck, s, d in changed]
    li = 2 + attrs.index("location")
    places = weak_place_helpers()
    moved_to = {s.index: d for _ck, s, d in changed}
    whole = {f for k in [*moved_to.values(), *(s.joined for _c, s, _d in changed)]
             if (f := family_of(k, li)) is not None}  # read whole
    fams = whole | {f for k in joined.values() if (f := family_of(k, li)) is not None}
    new_at: dict[tuple, list] = defaultdict(list)
    for m in mine:
        if m.index in joined:
            new_at[joined[m.index]].append(m)
    target: dict[tuple, tuple] = {}
    out = []
    seen: set[int] = set()
    seq_of: dict[int, int] = {}  # stored member read -> its cluster's seq
    art_new: dict[int, tuple] = {}  # new member joining by its article -> its final key
    for fam in sorted(fams, key=repr):
        stats.weak_families += 1
        text = keys.text(fam[:li] + ("x",) + fam[li:])  # the family as stored (a renamed vote's event)
        back = () if text is None else tuple(json.loads(text))
        ftext = key_text(back[:li] + back[li + 1:]) if back else None
        # the family's stored keys (after the joins by figures), which hold a stated place, and
        # one stored cluster of each (where its members ended)
        stored_keys: dict[tuple, int] = {}
        strong_stored: set[tuple] = set()
        for was, pre, lent, seq in (conn.execute(
                "SELECT joined, pre, MIN(lent), MIN(seq) FROM judged_members WHERE unit = ? AND family = ? "
                "GROUP BY joined, pre", (unit, ftext)) if ftext else ()):
            k = keys.of(pre if was is None else was)
            stored_keys.setdefault(k, seq)
            if was is None and not lent:
                strong_stored.add(k)
        where = dict(_in_pairs(conn, "SELECT seq, ckey FROM judged_clusters WHERE seq IN ({marks})",
                               set(stored_keys.values())))
        ended = {k: _unsplit(keys.of(where[q]), attrs) for k, q in stored_keys.items()}

        def read(where: set) -> dict[tuple, list]:
            got: dict[tuple, list] = defaultdict(list)
            if not ftext:
                return got
            texts = sorted({t for k in where if (t := keys.text(k)) is not None})
            made = []
            for seq, pre, was, data, linked in conn.execute(
                    "SELECT seq, pre, joined, CAST(data AS BLOB), linked FROM judged_members WHERE unit = ? AND family = ? "
                    f"AND COALESCE(joined, pre) IN ({','.join('?' * len(texts))})", (unit, ftext, *texts)):
                m = _member(conn, data, linked, notes, remap, fill=False)
                m.pre = keys.of(pre)
                m.joined = m.pre if was is None else keys.of(was)
                seq_of[m.index] = seq
                got[moved_to.get(m.index, m.joined)].append(m)
                made.append(m.claim)
            compact.reader(conn).fill_all(made)
            stats.weak_read += len(made)
            stats.members_read += len(made)
            return got

        if fam in whole:
            clusters = read(set(stored_keys))
            for k, ms in new_at.items():
                if family_of(k, li) == fam:
                    clusters[k].extend(ms)
            keys_now = [k for k, ms in clusters.items() if ms]
            strong_now = {k for k in keys_now if stated(k, clusters[k])}
            touched = set(keys_now)
        else:
            clusters = {}
            new_keys = {k for k in new_at if family_of(k, li) == fam}
            keys_now = sorted(set(stored_keys) | new_keys, key=repr)
            strong_now = strong_stored | {k for k in new_keys if stated(k, new_at[k])}
            touched = new_keys
        before = destinations(list(stored_keys), strong_stored, li, cfg, places)
        after = destinations(keys_now, strong_now, li, cfg, places)
        ask = {w: d for w, d in after.items() if before.get(w) != d or w in touched or d in touched}
        if ask and fam not in whole:
            clusters = read({k for w, d in ask.items() for k in (w, d)})
            for k in {k for w, d in ask.items() for k in (w, d)}:
                clusters.setdefault(k, []).extend(new_at.get(k, ()))
        for w, d in after.items():
            if w in ask:
                if not kept_apart(clusters[w], clusters[d], cfg, places):
                    target[w] = d
            elif ended[w] != w:  # decided as stored: it joined
                target[w] = d
        final_of = follow({w: d for w, d in target.items() if family_of(w, li) == fam})
        # the weak keys asked again that join by their articles (`fitting_figures`): their
        # stored members are read and each decided apart (a stored key's members may end in two
        # clusters)
        arts = {w: (d, docs) for w, d in after.items() if w in ask and w not in target
                and (docs := fitting_figures(clusters[w], clusters[d], cfg, places))}

        def end_of(m, k: tuple) -> tuple:
            if k in arts and figure_id(m) in arts[k][1]:
                return final_of.get(arts[k][0], arts[k][0])
            return final_of.get(k, k)

        for k, ms in new_at.items():
            if k in arts:
                art_new.update({m.index: end_of(m, k) for m in ms})
        # the stored keys whose cluster changes: their members (read) end elsewhere
        moving = {k for k in stored_keys if keys.text(final_of.get(k, k)) != keys.text(ended[k])}
        if cfg.weak_place_join_by_figure and cfg.weak_place_join_fits:
            moving |= {w for w in ask if w in stored_keys}
        if fam in whole:
            for ck, s, d in changed:
                if family_of(d, li) == fam:
                    out.append((ck, s, d, end_of(s, d)))
                    seen.add(s.index)
            moving = set(stored_keys)
        if moving:
            have = clusters if fam in whole else read(moving)
            ckeys = dict(_in_pairs(conn, "SELECT seq, ckey FROM judged_clusters WHERE seq IN ({marks})",
                                   {seq_of[m.index] for k in moving for m in have.get(k, ()) if m.index in seq_of}))
            for k in moving:
                for m in have.get(k, ()):
                    if m.index not in seq_of or m.index in seen:  # (a new member: no stored cluster)
                        continue
                    dest = end_of(m, m.joined)
                    ck = ckeys[seq_of[m.index]]
                    if keys.text(dest) != key_text(_unsplit(tuple(json.loads(ck)), attrs)):
                        out.append((ck, m, m.joined, dest))
    for ck, s, d in changed:  # (outside every family: no place, a combined place)
        if s.index not in seen and family_of(d, li) is None:
            out.append((ck, s, d, d))
    final_all = follow(target)
    final = {i: art_new.get(i, final_all.get(k, k)) for i, k in joined.items()}
    stats.join_changed += len(out) - len(changed)
    return final, out


class _EveryKey:
    """A unit's every cluster key before joins (its stored signatures' and the new members'),
    as `join_moves(every_key=...)` asks it: whether a key is one.  It is asked only when a
    figure moves and its article has figures of other groups (`grouping._siblings_follow`), so
    the keys are read on the first question (the vote unit holds tens of thousands)."""

    def __init__(self, conn, unit: str, keys: "_Keys", new_keys) -> None:
        self._conn, self._unit, self._keys = conn, unit, keys
        self._new = set(new_keys)
        self._every: Optional[set] = None

    def __contains__(self, key) -> bool:
        if self._every is None:
            self._every = {self._keys.of(pre) for (pre,) in self._conn.execute(
                "SELECT DISTINCT pre FROM judged_sigs WHERE unit = ?", (self._unit,))} | self._new
        return key in self._every


def _story_affected(conn, unit: str, mine: list, new_pre: dict, keys: _Keys, li: int, cfg,
                    stats: CheckStats) -> set[tuple]:
    """The stored (pre-join key, article) units at no place whose join by their days
    (grouping.join_moves' `nearest_story`) the new members can change: a figure at no place
    looks up the days of the placed clusters of its story within `story_window_days` of its
    own days, so only a new (day, placed cluster) pair changes what it reads; the stored units
    at no place of that story with a figure within `story_window_days` of that day."""
    from datetime import timedelta

    from crosscheck.reconcile.grouping import _day, _is_combined, joins_by_story

    attrs = list(cfg.scope_attributes)
    span = timedelta(days=cfg.story_window_days)
    fresh = {(_day(m.claim.as_of), new_pre[m.index]) for m in mine if m.claim.as_of is not None
             and new_pre[m.index][li] is not None and not _is_combined(new_pre[m.index][li])}
    out: set[tuple] = set()
    for d, k in sorted(fresh, key=repr):
        text = keys.text(k)
        if text is not None and any(_day(day) == d for (day,) in conn.execute(
                "SELECT day FROM judged_members WHERE unit = ? AND day BETWEEN ? AND ? AND pre = ?",
                (unit, d.isoformat(), d.isoformat() + "~", text))):
            continue  # the cluster holds figures of that day already: its story reads the same
        stats.story_days += 1
        for pre, doc, day in conn.execute("SELECT pre, doc_id, day FROM judged_members WHERE unit = ? AND day "
                                          "BETWEEN ? AND ?", (unit, (d - span).isoformat(), (d + span).isoformat() + "~")):
            if pre is None:
                continue
            p = keys.of(pre)
            if p[li] is None and abs(_day(day) - d) <= span and joins_by_story(p, k, attrs):
                out.add((p, doc))
    stats.story_units += len(out)
    return out


def _story_days(conn, unit: str, clusters: dict, deciding: set, li: int, keys: _Keys, cfg,
                stats: CheckStats) -> dict:
    """The placed clusters' days (grouping.story_days) within `story_window_days` of the days
    of the deciding units at no place: every stored (day, pre-join key) pair of those windows
    and the new members' (`clusters` holds them), all that their stories read."""
    from datetime import timedelta

    from crosscheck.reconcile.grouping import _day, story_days

    span = timedelta(days=cfg.story_window_days)
    entries = {(_day(m.claim.as_of), k) for k, ms in clusters.items() for m in ms if m.claim.as_of is not None}
    days = sorted({_day(m.claim.as_of) for k, ms in clusters.items() if k[li] is None
                   for m in ms if m.claim.as_of is not None and (k, m.claim.doc) in deciding})
    windows: list[list] = []
    for d in days:
        if windows and d - span <= windows[-1][1]:
            windows[-1][1] = d + span
        else:
            windows.append([d - span, d + span])
    for lo, hi in windows:
        for day, pre in conn.execute("SELECT DISTINCT day, pre FROM judged_members WHERE unit = ? AND day BETWEEN ? AND ?",
                                     (unit, lo.isoformat(), hi.isoformat() + "~")):
            if pre is not None:
                entries.add((_day(day), keys.of(pre)))
                stats.story_entries += 1
    return story_days(entries, list(cfg.scope_attributes))


def _in_pairs(conn, sql: str, values) -> list:
    """The rows of `sql` (one `IN (?...)`) over `values`, 500 at a time."""
    values, out = sorted(values), []
    for i in range(0, len(values), 500):
        part = values[i : i + 500]
        out.extend(conn.execute(sql.format(marks=",".join("?" * len(part))), part))
    return out


def _member(conn, text: str | bytes, linked: Optional[str], notes, remap: dict, fill: bool = True):
    """A stored member, its sentences put back (else by the caller, `compact.Reader.fill_all`
    over a batch: `fill=False`), with its linked event (a tally)."""
    from crosscheck.extract.claim_copy import updated
    from crosscheck.store.member_text import member_from_json

    m, note = member_from_json(compact.unpack(text))
    if fill:
        compact.reader(conn).fill(m.claim)
    if linked:  # a tally: the event linking gave it (model_copy's values)
        m.claim = updated(m.claim, {"event": remap.get(linked, linked)})
    if note:
        notes[m.index] = note
    return m


def _vote_signatures(rows, new: list, cfg, remap: dict) -> list:
    """The vote unit's kept signatures (rows of (sig, pre), in order) that can matter to the new
    tallies (thousands of votes share one block, "vote", and are told apart by their event
    only): those of the new tallies' votes in their blocks, and one of every other place and
    group name of those blocks, so that fuzzy names are matched among the same names as in the
    whole unit.  A new name that would join two names the record keeps apart is a Fallback (it
    would regroup other votes).  Most rows are passed over unparsed (`_kept_signatures`)."""
    from crosscheck.reconcile.grouping import FuzzyMatcher, GroupingStats, PlaceNames, block_tuple, exact_form, scope_value

    attrs = list(cfg.scope_attributes)
    ev = attrs.index("event")
    fuzzy = [(i, a) for i, a in enumerate(attrs) if a in cfg.fuzzy_attributes]
    blocks = {tuple(block_tuple(m.claim, cfg)) for m in new}
    events = {scope_value(m.claim, "event") for m in new}
    out, stored_values = _kept_signatures(rows, blocks, events, remap, ev, [i for i, _a in fuzzy])
    places = PlaceNames(cfg)
    matcher = FuzzyMatcher(cfg.fuzzy_threshold, GroupingStats())

    def canon(a: str, raw: str) -> str:
        return places.canonical(raw) if a == "location" else exact_form(raw)

    for (block, i), raws in stored_values.items():
        a = attrs[i]
        added = {canon(a, v) for m in new if tuple(block_tuple(m.claim, cfg)) == block
                 and (v := scope_value(m.claim, a)) is not None}
        before = {canon(a, v) for v in raws}
        if added <= before:
            continue
        old, both = matcher.components(sorted(before)), matcher.components(sorted(before | added))
        if len({old[v] for v in before}) != len({both[v] for v in before}):
            raise Fallback(f"a new {a} name joins two the vote unit keeps apart")
    return out


def _kept_signatures(rows, blocks: set, events: set, remap: dict, ev: int, fuzzy: list[int],
                     quick: bool = True) -> tuple[list, dict]:
    """`_vote_signatures`' choice: of `rows` ((sig, pre), in order) the signatures in `blocks`
    whose event is one of `events` after `remap`, or that carry a first fuzzy name (values at
    `fuzzy`) of their block; and every fuzzy name of those blocks ((block, i) -> names).

    With `quick` a row is passed over unparsed when its text says it cannot be kept: another
    block's prefix, or (the fuzzy attributes leading the values) every name null and none of the
    kept events' JSON in its text.  The same choice as parsing every row (tested)."""
    # the stored events kept: those the new events are (after the renaming)
    wanted = {e for e in events if e not in remap} | {o for o, n in remap.items() if n in events}
    quick = quick and sorted(fuzzy) == list(range(len(fuzzy))) and None not in wanted
    nulls = "[" + "null," * len(fuzzy)
    texts = tuple(json.dumps(e, ensure_ascii=False) for e in wanted)
    prefixes = tuple("[" + json.dumps(list(b), ensure_ascii=False, separators=(",", ":")) + "," for b in blocks)
    out, carried = [], set()
    stored_values: dict[tuple, set] = defaultdict(set)
    for sig, pre in rows:
        if quick:
            if not sig.startswith(prefixes):
                continue  # another block
            if any(sig.startswith(p + nulls) for p in prefixes) and not any(t in sig for t in texts):
                continue  # no name, not one of the new tallies' votes
        block, values = json.loads(sig)
        block = tuple(block)
        if block not in blocks:
            continue
        keep = remap.get(values[ev], values[ev]) in events
        for i in fuzzy:
            if values[i] is not None:
                stored_values[(block, i)].add(values[i])
                if (block, i, values[i]) not in carried:
                    carried.add((block, i, values[i]))
                    keep = True
        if keep:
            out.append((sig, pre))
    return out, stored_values


def _copies(members: list) -> list:
    """Fresh copies of members (grouping appends notes and attributes to the members it gets)."""
    from crosscheck.reconcile.grouping import Member

    return [Member(m.index, m.claim, list(m.uncertain), list(m.notes)) for m in members]


def _vote_unit(conn, unit: str, new: list, sources, cfg, stats: CheckStats, notes) -> tuple[list, dict]:
    """Tallies: every stored tally re-linked with the new ones, the unit re-grouped whole; and
    the stored events this renames (old -> new)."""
    from crosscheck.reconcile.grouping import group_members
    from crosscheck.reconcile.votes import link_votes

    rows = conn.execute("SELECT seq, data, linked FROM judged_members WHERE unit = ?", (unit,)).fetchall()
    from crosscheck.store.member_text import member_from_json

    members, seq_of, was = [], {}, {}
    fill = compact.reader(conn).fill
    for seq, text, event in rows:
        m, note = member_from_json(compact.unpack(text))
        fill(m.claim)
        if note:
            notes[m.index] = note
        members.append(m)
        seq_of[m.index] = seq
        was[m.index] = event or m.claim.event
    members.sort(key=lambda m: m.index)  # the order the full judgement reads them in
    stats.members_read += len(members)
    everything = members + list(new)
    linked = link_votes([m.claim for m in everything], sources=sources)
    remap: dict[str, str] = {}  # stored event -> its event now
    for m, c in zip(everything, linked):
        m.claim = c
        if m.index in was and was[m.index] != c.event:
            if remap.setdefault(was[m.index], c.event) != c.event:
                raise Fallback("a new tally splits a stored vote")
    new_index = {m.index for m in new}
    out = []
    counts: dict[int, int] = defaultdict(int)
    for seq in seq_of.values():
        counts[seq] += 1
    for g in group_members(everything, cfg, dedupe=False).groups:
        seqs = {seq_of[m.index] for m in g.members if m.index in seq_of}
        if len(seqs) > 1:
            raise Fallback("a new tally changes the grouping of the votes")
        seq = next(iter(seqs)) if seqs else None
        if seq is not None and sum(1 for m in g.members if m.index in seq_of) != counts[seq]:
            raise Fallback("a new tally changes the grouping of the votes")
        if any(m.index in new_index for m in g.members):
            out.append((g, seq))
        elif seq is None:
            raise Fallback("a new tally changes the grouping of the votes")
    return out, remap


def _final_ids(conn, groups, judged: list[Cluster], gone: set, renaming: Renaming, wanted: set[int],
               stats: CheckStats) -> dict[int, str]:
    """Each re-judged cluster gets the id the full judgement gives it: equal ids get their
    `-2`, `-3` suffixes in grouping's order (`dedupe_order`) among the clusters of that id in
    the record and the new article, the stored ones under the names of the votes the new
    tallies rename (`renaming`: their ids change, and with them the clusters of the ids they
    leave and join).  Returns the final ids of the stored clusters of `wanted` (read for
    inconsistencies) whose id the renaming changes.  When a stored cluster of no renamed vote
    would change its id, the full judgement decides (Fallback)."""
    from crosscheck.reconcile.grouping import dedupe_order

    from crosscheck.store.renaming import Unnamed

    try:
        moved = renaming.moved()  # stored seq -> (stored base, base once renamed)
    except Unnamed as why:
        raise Fallback(str(why))
    stats.renamed_clusters = len(moved)
    rejudged = {seq for _g, seq in groups if seq is not None}
    new_by_base: dict[str, list] = defaultdict(list)
    for (g, seq), cl in zip(groups, judged):
        new_by_base[cl.id].append((dedupe_order(g), seq, cl))
    arriving: dict[str, list[int]] = defaultdict(list)  # base -> renamed stored clusters taking it
    for seq, (_old, new) in moved.items():
        if seq not in rejudged and seq not in gone:
            arriving[new].append(seq)
    stored = {seq: (cid, base) for seq, cid, base in _in_pairs(
        conn, "SELECT seq, id, base FROM judged_clusters WHERE seq IN ({marks})", set(wanted) | rejudged | gone)}
    for seq in rejudged - set(moved):  # a cluster re-made under its stored key keeps its base
        cl = next(cl for (_g, q), cl in zip(groups, judged) if q == seq)
        if stored[seq][1] != cl.id and _base_of(stored[seq][0], cl.id) is None:
            raise Fallback(f"cluster {stored[seq][0]} changes its id")
    # the ids whose clusters change: new and re-judged ones, and those renamed clusters leave or join
    changed = set(new_by_base) | set(arriving) | {old for old, _new in moved.values()} | {
        stored[seq][1] for seq in gone}
    # the ids of a family a stored cluster leaves are given again (its other clusters' suffixes
    # must stay as stored: else Fallback below)
    families = set(new_by_base) | {stored[seq][1] for seq in gone}
    for seq in wanted:
        base = moved[seq][1] if seq in moved else stored[seq][1]
        if base in changed:
            families.add(base)
    rows = {r[0]: r for r in _in_pairs(conn, "SELECT seq, id, base, dedupe FROM judged_clusters WHERE base IN ({marks})",
                                       families)}
    rows.update((r[0], r) for r in _in_pairs(conn, "SELECT seq, id, base, dedupe FROM judged_clusters "
                                             "WHERE id IN ({marks})", families))
    orders = dict(_in_pairs(conn, "SELECT seq, dedupe FROM judged_clusters WHERE seq IN ({marks})",
                            {seq for b in families for seq in arriving.get(b, ())}))
    out: dict[int, str] = {}
    for base in sorted(families):
        entries = []
        for seq, cid, b, order in rows.values():
            if (b == base or cid == base) and seq not in moved and seq not in rejudged and seq not in gone:
                entries.append(([tuple(x) for x in json.loads(order)], seq, cid, None))
        entries += [([tuple(x) for x in json.loads(orders[seq])], seq, None, None) for seq in arriving.get(base, ())]
        entries += [(order, seq, None, cl) for order, seq, cl in new_by_base.get(base, ())]
        entries.sort(key=lambda e: e[0])
        for n, (_order, seq, stored_id, cl) in enumerate(entries, 1):
            cid = base if n == 1 else f"{base}-{n}"
            if cl is not None:
                cl.id = cid
            elif seq in moved:
                out[seq] = cid
            elif stored_id != cid:
                raise Fallback(f"a new cluster changes the id of {stored_id}")
    return {seq: cid for seq, cid in out.items() if seq in wanted}


def _base_of(cid: str, base: str) -> Optional[str]:
    return base if cid == base or (cid.startswith(base + "-") and cid[len(base) + 1:].isdigit()) else None


def _in(conn, sql: str, values, params=()) -> set:
    """The first column of `sql` (one `IN (?...)`) over `values`, 500 at a time."""
    values, out = sorted(values), set()
    for i in range(0, len(values), 500):
        part = values[i : i + 500]
        out.update(r[0] for r in conn.execute(sql.format(marks=",".join("?" * len(part))), [*params, *part]))
    return out


def _vote_linked(conn, judged: list[Cluster], cfg, renaming: Renaming,
                 whole: bool = False) -> tuple[set[int], set[str]]:
    """The stored vote-linked clusters the new claims' inconsistencies read (`_linked`):

    * tallies above a body's size are worked out per vote: the tally clusters of the votes of
      the re-judged tallies;
    * a number typo cites the first claim of each resolution number in a bucket of stories (its
      article's copies, the articles reporting the same tally), and each pair of numbers once:
      the resolution numbers of every stored claim giving a re-judged number or a number one
      digit slip away from it (all claims of those numbers, in the clusters' order), and the
      tallies of those claims' articles (the stories they are bucketed by): returned as those
      articles, whose tallies are read as values (`_tallies`: only the values of an article's
      own tallies make its vote signature), unless `whole` (their tally clusters read whole).

    Returns the clusters and the articles whose tallies are wanted."""
    from crosscheck.reconcile.causes import digit_typo
    from crosscheck.reconcile.inconsistencies import TALLY_KINDS, VOTE_LINKED, _whole

    tally = ",".join("?" * len(TALLY_KINDS))
    events = {e for cl in judged if cl.kind in TALLY_KINDS and (e := cl.key.get("event") or "").startswith("vote:")}
    events = renaming.stored_events(events)  # as the stored tallies of those votes are indexed
    wanted = _in(conn, f"SELECT DISTINCT seq FROM judged_vote_claims WHERE kind IN ({tally}) AND event IN ({{marks}})",
                 events, TALLY_KINDS)
    identity = [k for k in VOTE_LINKED if k in cfg.identity_kinds]
    numbers = {n for cl in judged if cl.kind in identity for c in cl.claims if (n := _whole(c.value)) is not None}
    if not identity or not numbers:
        return wanted, set()
    kinds = ",".join("?" * len(identity))
    stored = [r[0] for r in conn.execute(
        f"SELECT DISTINCT number FROM judged_vote_claims WHERE kind IN ({kinds}) AND number IS NOT NULL", identity)]
    near = numbers | {m for m in stored if any(m != n and digit_typo(n, m, cfg) for n in numbers)}
    wanted |= _in(conn, f"SELECT DISTINCT seq FROM judged_vote_claims WHERE kind IN ({kinds}) AND number IN ({{marks}})",
                  near, identity)
    docs = _in(conn, f"SELECT DISTINCT doc FROM judged_vote_claims WHERE kind IN ({kinds}) AND number IN ({{marks}})",
               near, identity)
    docs |= {c.doc for cl in judged for c in cl.claims if cl.kind in identity}
    if not whole and _has_column(conn, "judged_vote_claims", "value"):
        return wanted, docs
    wanted |= _in(conn, f"SELECT DISTINCT seq FROM judged_vote_claims WHERE kind IN ({tally}) AND doc IN ({{marks}})",
                  docs, TALLY_KINDS)
    return wanted, set()


def _linked(conn, judged: list[Cluster], touched: set[int], cfg, renaming: Renaming,
            whole: bool = False) -> tuple[set[int], set[str]]:
    """The stored clusters (seqs) a constraint links to the re-judged ones, for
    reconcile.inconsistencies: a part/whole constraint (their wholes, their parts, their wholes'
    other parts); the sum of one vote's tallies (the tally clusters of the re-judged tallies'
    votes); number typos (the resolution numbers a re-judged one can be a slip of, and their
    articles' tallies: `_vote_linked`, which gives those articles instead of their tally
    clusters unless `whole`); one length in days and in months (the stored clusters of the
    paired kinds with the re-judged lengths' scopes: crosscheck.store.unit_scopes).  The findings
    of the new claims are those of every cluster.
    Returns the clusters (seqs) and the articles whose tallies are wanted."""
    from crosscheck.reconcile.hierarchy import ADDITIVE_KINDS, is_combination

    wanted: set[int] = set()
    docs: set[str] = set()
    combined = {k for (k,) in conn.execute("SELECT DISTINCT kind FROM judged_clusters WHERE combination = 1")}
    for cl in judged:
        if cl.kind not in ADDITIVE_KINDS or not cl.claims or not cl.hierarchy_keys:
            continue
        if is_combination(cl.key.get("location") or "") or cl.kind in combined:
            raise Fallback(f"combined figures of {cl.kind} are judged with the whole record")
        own, ancestors = cl.hierarchy_keys[0], cl.hierarchy_keys[1:]
        wanted.update(r[0] for r in conn.execute(
            "SELECT seq FROM judged_hkeys WHERE key = ? AND pos > 0", (own,)))  # its parts
        for k in ancestors:
            wanted.update(r[0] for r in conn.execute("SELECT seq FROM judged_hkeys WHERE key = ?", (k,)))
    from crosscheck.reconcile.inconsistencies import VOTE_LINKED

    if any(cl.kind in VOTE_LINKED for cl in judged):  # number typos, tallies above a body's size
        if not _has_table(conn, "judged_vote_claims"):
            wanted.update(r[0] for r in conn.execute(
                f"SELECT seq FROM judged_clusters WHERE kind IN ({','.join('?' * len(VOTE_LINKED))})", VOTE_LINKED))
        else:
            got, docs = _vote_linked(conn, judged, cfg, renaming, whole)
            wanted |= got
    # a length in days and in months of one scope (unit_pairs): the stored lengths of the
    # re-judged ones' scopes, in either unit, and the extensions of their events
    kinds = unit_scopes.pair_kinds(cfg)
    if any(cl.kind in kinds and cl.claims for cl in judged):
        if not _has_table(conn, unit_scopes.TABLE):  # a read-only state kept before the index
            raise Fallback("the lengths' scope index is missing")
        wanted |= unit_scopes.linked(conn, judged, cfg)
    return wanted - touched, docs


def _captive_linked(conn, judged: list[Cluster], touched: set[int], cfg, whole: bool = False) -> set[int]:
    """The stored clusters of the re-judged captive clusters' stories (crosscheck.store.captive_stories);
    none for a story without a freed figure the ledger uses, unless `whole` (a baseline's
    findings about the record: the stories read as before)."""
    if not any(captive_stories.in_story(cl.kind, cl.key, cfg) and cl.claims for cl in judged):
        return set()
    if not _has_table(conn, captive_stories.TABLE):  # a read-only state kept before the index
        raise Fallback("the captive stories' index is missing")
    return captive_stories.linked(conn, judged, touched, cfg, whole=whole)


def _read_linked(conn, wanted: set[int], ids: dict[int, str], renaming: Renaming, hier,
                 stats: CheckStats, days: Optional[set] = None, whole: frozenset | set = frozenset()
                 ) -> list[Cluster]:
    """The stored clusters `wanted`, as the full judgement gives them: under the names of the
    votes the new tallies rename, with the ids that gives them (`ids`).  With `days` (the new
    claims' days), a cluster of the day index (`_CLAIM_DAYS`) holds only its claims of those
    days, or its first claim when it has none then (undated claims are of their own article's
    moment, never a new one's): every inconsistency that cites a new claim is of its moment,
    and is found among these claims as among all.  The clusters `whole` (captive stories, whose
    figures of every date are read together) are read with all their claims."""
    from crosscheck.store.streamed import _share_fields_set

    heads: dict[int, str] = {}
    if days is not None and _has_table(conn, "judged_heads"):
        heads = dict(_in_pairs(conn, "SELECT seq, head FROM judged_heads WHERE seq IN ({marks})", wanted))
    dated = sorted(d for d in days or () if d is not None)
    out = []
    fill = compact.reader(conn).fill
    for seq in sorted(wanted):
        if seq in heads and seq not in whole:
            cl = _at_days(conn, seq, heads[seq], dated)
        else:
            (text,) = conn.execute("SELECT json FROM judged_clusters WHERE seq = ?", (seq,)).fetchone()
            cl = Cluster.model_validate_json(compact.unpack(text))
        for c in cl.claims:
            fill(c)
        stats.linked_claims += len(cl.claims)
        if seq in whole:
            stats.captive_claims += len(cl.claims)
        cl = renaming.cluster(cl, hier)
        cl.id = ids.get(seq, cl.id)
        for c in cl.claims:  # held together: one fields-set record for all
            _share_fields_set(c)
        for c in cl.claims:  # positions are the report's (streamed pass 1), not the check's
            c.position = None
            for mention in c.mentions:
                mention.position = None
        out.append(cl)
    stats.clusters_linked = len(out)
    return out


def _at_days(conn, seq: int, head: str, days: list[str]) -> Cluster:
    """Stored cluster `seq` with only its claims of `days` (its first claim when none), read
    by their byte spans in its JSON (`_add_claim_days`)."""
    spans = []
    for i in range(0, len(days), 500):
        part = days[i : i + 500]
        spans += conn.execute(f"SELECT start, stop FROM judged_claim_days WHERE seq = ? AND day IN "
                              f"({','.join('?' * len(part))})", [seq, *part]).fetchall()
    if not spans:
        spans = conn.execute("SELECT start, stop FROM judged_claim_days WHERE seq = ? ORDER BY start LIMIT 1",
                             (seq,)).fetchall()
    spans.sort()
    (packed,) = conn.execute("SELECT json FROM judged_clusters WHERE seq = ?", (seq,)).fetchone()
    text = compact.unpack(packed)
    parts = [text[start:stop] for start, stop in spans]
    claims = b",".join(parts).decode("utf-8")
    return Cluster.model_validate_json(head.replace('"claims":[]', '"claims":[' + claims + "]", 1))
