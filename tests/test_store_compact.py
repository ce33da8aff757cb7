"""The judged state kept compact (crosscheck.store.compact, state format 5 and later): each sentence once,
each stored text deflated; what a check reads back is what was judged."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from corpus_support import generated_corpus
from store_support import check_out_of_date_state, private_rules  # noqa: F401  (autouse: a private copy of rules/)
from crosscheck.ci.check import reconcile_config
from crosscheck.config import Settings
from crosscheck.models import Claim, Mention
from crosscheck.store import compact, judged
from crosscheck.store.sqlite_store import ingest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))
SENTENCE = re.compile(rb'"sentence":("(?:[^"\\]|\\.)*")')


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    d = tmp_path_factory.mktemp("compact")
    corpus = generated_corpus(d, 10, seed=41, name="gen.jsonl")
    db = d / "s.db"
    ingest([str(corpus), *map(str, FIXTURES)], db)
    judged.ensure_state(db, reconcile_config(Settings()))
    return d, db


def _texts(conn):
    for table, column in (("judged_members", "data"), ("judged_sigs", "data"), ("judged_clusters", "json")):
        for (data,) in conn.execute(f"SELECT {column} FROM {table}"):
            yield table, data


def test_every_stored_sentence_is_a_reference_to_one_row(record):
    """No stored text holds a sentence: every "sentence" value is a reference to a row of
    judged_sentences, and each distinct sentence of the record has one row."""
    _d, db = record
    with closing(sqlite3.connect(db)) as conn:
        ids = dict(conn.execute("SELECT id, text FROM judged_sentences"))
        claims = [json.loads(d) for (d,) in conn.execute("SELECT data FROM claims")]
        refs = 0
        for _table, data in _texts(conn):
            assert isinstance(data, bytes)
            for m in SENTENCE.finditer(compact.unpack(data)):
                value = json.loads(m.group(1))
                assert value.startswith(compact.MARK) and int(value[1:]) in ids, value
                refs += 1
    distinct = {c["sentence"] for c in claims} | {x["sentence"] for c in claims for x in c["mentions"]}
    assert sorted(ids.values()) == sorted(distinct)
    assert refs > 4 * len(claims)  # a member, its mention, its cluster's claim and mention at least


def test_the_state_is_smaller_than_its_texts(record):
    """What the state stores of its members, signatures and clusters (with their sentences) is
    under a quarter of their JSON (counted in bytes)."""
    _d, db = record
    with closing(sqlite3.connect(db)) as conn:
        stored = sum(len(d) for _t, d in _texts(conn)) + conn.execute(
            "SELECT SUM(LENGTH(CAST(text AS BLOB))) FROM judged_sentences").fetchone()[0]
        sentences = dict(conn.execute("SELECT id, text FROM judged_sentences"))
        plain = 0
        for _t, data in _texts(conn):
            text = compact.unpack(data)
            plain += len(text) + sum(len(sentences[int(json.loads(m.group(1))[1:])].encode("utf-8"))
                                     for m in SENTENCE.finditer(text))
    assert stored * 4 < plain, (stored, plain)


def test_a_claim_read_back_is_the_claim_written(tmp_path):
    """Encoded, packed, unpacked, parsed and filled: the claim's JSON as it was, whatever its
    sentences hold (quotes, backslashes, a control character first, none) and whether its
    mentions share its sentence."""
    db = tmp_path / "t.db"
    odd = ['قال "المسؤول" إن \\ 30 قتيلا', "\x01" + "7 قتلى", "", "جملة أخرى: 5 جرحى"]
    claims = []
    for i, s in enumerate(odd):
        claims.append(Claim(doc=f"d{i}", kind="killed", value=30, start=0, end=2, surface="30", sentence=s,
                            mentions=[Mention(start=0, end=2, surface="30", sentence=s),
                                      Mention(start=5, end=7, surface="30", sentence=odd[(i + 1) % len(odd)])]))
    with closing(sqlite3.connect(db)) as conn:
        compact.create(conn)
        w = compact.Writer(conn)
        stored = [compact.pack(w.encode(c.model_dump_json())) for c in claims]
        assert w.rows == len(odd)  # each sentence once
        r = compact.Reader(conn)
        for c, data in zip(claims, stored):
            back = Claim.model_validate_json(compact.unpack(data))
            assert back.sentence.startswith(compact.MARK)
            r.fill(back)
            assert back.model_dump_json() == c.model_dump_json()
            assert back.mentions[0].sentence is back.sentence
        assert r.reads == len(odd)  # each read once, a block of ids a query
        assert r.queries == len({i // compact.BLOCK for i in range(1, len(odd) + 1)})
        again = compact.Writer(conn)  # a second writer finds the rows already there
        assert again.encode(claims[0].model_dump_json()) == w.encode(claims[0].model_dump_json())
        assert again.rows == 0


def test_a_batch_of_claims_reads_its_sentences_together(tmp_path):
    """`Reader.fill_all` gives each claim what `fill` gives it, reading the sentences not read
    yet in one query per 500 ids, and only those (counted: 1,200 claims of 1,100 sentences,
    some already read: only the others, in 2 queries; one `fill` a claim: 1,100 rows in 276)."""
    db = tmp_path / "t.db"
    sentences = [f"جملة رقم {i}: {i} قتلى" for i in range(1100)]
    claims = [Claim(doc=f"d{i}", kind="killed", value=i, start=0, end=2, surface="30",
                    sentence=sentences[i % 1100],
                    mentions=[Mention(start=0, end=2, surface="30", sentence=sentences[i % 1100]),
                              Mention(start=5, end=7, surface="30", sentence=sentences[(i * 7) % 1100])])
              for i in range(1200)]
    with closing(sqlite3.connect(db)) as conn:
        compact.create(conn)
        w = compact.Writer(conn)
        stored = [compact.pack(w.encode(c.model_dump_json())) for c in claims]

        def parsed():
            return [Claim.model_validate_json(compact.unpack(data)) for data in stored]

        one = compact.Reader(conn)
        singly = parsed()
        for c in singly:
            one.fill(c)
        assert (one.reads, one.queries) == (1100, len({i // compact.BLOCK for i in range(1, 1101)}))  # 276
        batch = compact.Reader(conn)
        first = parsed()[:100]  # sentences 0..99 read first, on their own
        for c in first:
            batch.fill(c)
        before = batch.reads, batch.queries
        unread = 1100 - len(batch.texts)  # (their blocks, and their second mentions' blocks, read)
        assert 0 < unread <= 1000
        together = parsed()
        batch.fill_all(together)
        assert (batch.reads - before[0], batch.queries - before[1]) == (unread, 2)
        assert [c.model_dump_json() for c in together] == [c.model_dump_json() for c in claims]
        assert [c.model_dump_json() for c in singly] == [c.model_dump_json() for c in claims]
        assert all(c.mentions[0].sentence is c.sentence for c in together)
        with pytest.raises(ValueError):  # a missing sentence is said, as by `fill`
            lost = Claim.model_validate_json(compact.unpack(stored[5]))
            lost.__dict__["sentence"] = compact.MARK + "99999"
            compact.Reader(conn).fill_all([lost])


def test_a_state_of_format_4_is_judged_again(record, tmp_path):
    """A state kept by the code before (format 4: sentences inline, texts plain) is out of date:
    the next check judges the record again and keeps the current format; a check that may not build
    checks without it."""
    _d, db = record
    copy = tmp_path / "s.db"
    copy.write_bytes(Path(db).read_bytes())
    with closing(sqlite3.connect(copy)) as conn:
        (version,) = conn.execute("SELECT value FROM meta WHERE key = 'judged_version'").fetchone()
        assert version.startswith(judged.STATE_FORMAT + "." + compact.VERSION + ":")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'judged_version'", ("4:" + version.partition(":")[2],))
        conn.execute("DROP TABLE judged_sentences")
        conn.commit()
    stats = check_out_of_date_state(copy, tmp_path, "new-one", FIXTURES[2])
    assert stats.sentences_read > 0
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'judged_version'").fetchone() == (version,)
        assert conn.execute("SELECT COUNT(*) FROM judged_sentences").fetchone()[0] > 0


def test_another_dictionary_makes_another_state_version(monkeypatch):
    cfg = reconcile_config(Settings())
    before = judged._version(cfg, "r")
    monkeypatch.setattr(compact, "VERSION", "00000000")
    assert judged._version(cfg, "r") != before


def test_a_state_judged_again_gives_back_the_pages_the_old_one_held(record, tmp_path):
    """The pages an older, larger state leaves free when it is judged again are given back
    (VACUUM) once they pass RECLAIM_SHARE of the store; a store with few free pages is left."""
    _d, db = record
    cfg = reconcile_config(Settings())
    copy = tmp_path / "s.db"
    copy.write_bytes(Path(db).read_bytes())
    assert judged.reclaim(copy) is False  # nothing to give back
    with closing(sqlite3.connect(copy)) as conn:
        # an old state's bulk: a large table of the state, and an out-of-date version
        conn.execute("CREATE TABLE judged_members_old AS SELECT * FROM claims")
        for _ in range(3):
            conn.execute("INSERT INTO judged_members_old SELECT * FROM judged_members_old")
        conn.execute("DROP TABLE judged_members_old")
        conn.execute("UPDATE meta SET value = '4:old' WHERE key = 'judged_version'")
        conn.commit()
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] > pages / 2
    assert judged.ensure_state(copy, cfg) is True
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert conn.execute("PRAGMA page_count").fetchone()[0] < pages / 2
