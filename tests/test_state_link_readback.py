"""Keeping the judged state reads back only a batch's tallies to keep how they were linked
(crosscheck.store.judged `Keep.batch_end`, crosscheck.store.streamed `_read_back(..., wanted)`),
not every member of the batch; the state is the same as when every member is read back
(counted, not timed)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

import pytest

from crosscheck.ci.check import reconcile_config
from crosscheck.config import Settings
from crosscheck.store import judged, streamed, vote_links
from store_support import generated_corpus, ingest_named, private_rules  # noqa: F401


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("readback")
    return ingest_named(root, (("generated", [str(generated_corpus(root, 40))]),))["generated"]


def _state(db) -> list:
    tables = ("judged_members", "judged_sigs", "judged_clusters", "judged_docs", *vote_links.TABLES)
    with closing(sqlite3.connect(db)) as conn:
        meta = conn.execute("SELECT key, value FROM meta WHERE key = 'judged_links'").fetchall()
        return [meta] + [conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables]


def _build(db, monkeypatch, every: bool) -> list[int]:
    """Build the state of `db`; the members read back and those of the batches (per batch_end).
    With `every`, every member of the batch is read back (the wanted set ignored)."""
    real = streamed._read_back
    read: list[int] = []

    def counted(scratch, units, wanted=None):
        for item in real(scratch, units, None if every else wanted):
            read.append(item[0])
            yield item

    monkeypatch.setattr(streamed, "_read_back", counted)
    judged.build_state(db, reconcile_config(Settings()))
    monkeypatch.undo()
    return read


def test_only_the_tallies_are_read_back_and_the_state_is_the_same(store, tmp_path, monkeypatch):
    dbs = {}
    reads = {}
    for every in (True, False):
        dbs[every] = tmp_path / f"every{every}.db"
        shutil.copy(store, dbs[every])
        reads[every] = _build(dbs[every], monkeypatch, every)
    with closing(sqlite3.connect(dbs[False])) as conn:
        tallies = conn.execute("SELECT COUNT(*) FROM judged_members WHERE unit LIKE ?",
                               (judged.VOTE_UNIT_PREFIX + "%",)).fetchone()[0]
        members = conn.execute("SELECT COUNT(*) FROM judged_members").fetchone()[0]
    assert tallies > 0, "the generated corpus holds tallies"
    # every member read back was a tally, each once; reading all read every member of the batch
    assert len(reads[False]) == len(set(reads[False])) == tallies
    assert len(reads[True]) == members > tallies
    # the same state: members, signatures, clusters, documents and the kept links
    assert _state(dbs[False]) == _state(dbs[True])
    assert _state(dbs[False])[0] == [("judged_links", "yes")]


def test_read_back_with_wanted_keeps_the_batch_order(store, tmp_path):
    """`_read_back(scratch, units, wanted)` is the plain read back filtered by index, claims and
    mentions equal, across the 500-a-query parts."""
    from crosscheck.reconcile.settings import default_config

    db = tmp_path / "order.db"
    shutil.copy(store, db)
    seen = {}

    class Probe:
        def __call__(self, *a, **k):
            return None

        def batch_end(self, read, sources=None):
            everything = list(read())
            wanted = {i for n, (i, _c) in enumerate(everything) if n % 3 != 1}
            some = list(read(wanted))
            seen["plain"] = [(i, c.model_dump_json()) for i, c in everything if i in wanted]
            seen["wanted"] = [(i, c.model_dump_json()) for i, c in some]

    with streamed.reconcile_store(db, config=default_config(), keep=Probe(), batch_claims=10**9):
        pass
    assert len(seen["plain"]) > 500  # more than one part of 500
    assert seen["wanted"] == seen["plain"]
