"""The judged state kept compact (state format 5): each sentence once, each text compressed.

A claim's JSON carries its sentence twice (the claim's and its first mention's), and the judged
state keeps every claim three times (as a grouping member, in its cluster's JSON, and for one
member per scope signature): six copies of each sentence, about two thirds of the state's bytes
(a 10k store grew from 490 MB to 1.5 GB with its first check).  The state keeps each distinct
sentence once, in `judged_sentences`, and every `"sentence"` value of the JSON it stores as a
reference to it: the string ``"\\x01" + id`` (`Writer.encode`).  Every sentence of a stored text
is a reference, so a value starting with ``\\x01`` is one (`Reader.fill` puts the sentence back
into the parsed claim and its mentions; the texts are parsed with the references, which are
shorter).

What is left of a stored text is mostly the same field names and values in every claim; each
text (a member, a signature's member, a cluster's JSON) is stored deflated with a preset
dictionary (`DICTIONARY`: a claim, a cluster's claim and a member's header line as the models
write them, so a few hundred bytes of a text refer to it), and inflated when read (`unpack`, a
few microseconds a member).  Byte spans into a cluster's JSON (`judged_claim_days`) are spans of
the inflated text.  The dictionary is part of the state's version (`VERSION`): a state written
with another is judged again.

    w = Writer(conn); data = pack(w.encode(claim_json))   # building the state
    r = reader(conn); claim = parse(unpack(data)); r.fill(claim)   # checking against it
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import zlib

MARK = "\x01"
TABLE = """
CREATE TABLE IF NOT EXISTS judged_sentences (id INTEGER PRIMARY KEY, hash INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS judged_sentences_hash ON judged_sentences(hash)
"""
# a "sentence" key and its string value; inside a JSON string a quote is escaped, so the key
# matches only as a key.  The string is matched as runs of plain characters between escapes
# (the same strings as `"(?:[^"\\]|\\.)*"`, `_VALUE_PLAIN`, without one trial of the group per
# character: `encode` read every claim's sentence a character at a time, ~4 % of a judging
# report's build of the state at 1k)
_VALUE = re.compile(r'"sentence":("[^"\\]*(?:\\.[^"\\]*)*")')
_VALUE_PLAIN = re.compile(r'"sentence":("(?:[^"\\]|\\.)*")')  # the definition (tests)
BLOCK = 4  # sentence ids read together (`Reader.text`; at 10k: 15,879 sentences in 6,000 queries)
_CACHE = 200_000  # sentences remembered by a writer (bounded: the state is built streamed)


def _dictionary() -> bytes:
    from crosscheck.models import Claim, ClusterClaim, Mention, ReportMention

    where = dict(start=0, end=0, surface="", sentence=MARK + "0")
    claim = Claim(doc="", kind="killed", value=0, low=0.0, high=0.0, qualifier="approx", group="all",
                  period="cumulative", as_of="2024-01-01", as_of_from="metadata", basis="count",
                  rule="killed", number_start=0, number_end=0, mentions=[Mention(**where)], **where)
    listed = ClusterClaim(**{**claim.model_dump(), "mentions": [ReportMention(**where, position="")]},
                          date="2024-01-01", source_group="", position="")
    # zlib prefers what lies at the dictionary's end: the member (the most texts) last
    return (listed.model_dump_json() + "\n[0, [], [], null]\n" + claim.model_dump_json()).encode("utf-8")


DICTIONARY = _dictionary()
VERSION = "%08x.raw" % zlib.crc32(DICTIONARY)  # raw deflate (no zlib header and checksum)


def pack(text: str) -> bytes:
    """A stored text deflated with the dictionary."""
    z = zlib.compressobj(6, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, DICTIONARY)
    return z.compress(text.encode("utf-8")) + z.flush()


def unpack(data: bytes) -> bytes:
    """`pack`'s text, as UTF-8 bytes (what the JSON parsers take)."""
    z = zlib.decompressobj(-15, zdict=DICTIONARY)
    return z.decompress(data) + z.flush()


def create(conn: sqlite3.Connection) -> None:
    for statement in TABLE.split(";"):
        if statement.strip():
            conn.execute(statement)


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "big", signed=True)


class Writer:
    """Gives each distinct sentence one row (looked up by its hash, compared by its text)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.ids: dict[str, int] = {}
        self.refs: dict[str, str] = {}  # a sentence as written in JSON -> its reference (no parse again)
        self.rows = 0  # sentences written (counted, for tests)

    def id_of(self, text: str) -> int:
        got = self.ids.get(text)
        if got is not None:
            return got
        h = _hash(text)
        for i, stored in self.conn.execute("SELECT id, text FROM judged_sentences WHERE hash = ?", (h,)):
            if stored == text:
                got = i
                break
        else:
            got = self.conn.execute("INSERT INTO judged_sentences(hash, text) VALUES (?, ?)", (h, text)).lastrowid
            self.rows += 1
        if len(self.ids) >= _CACHE:
            self.ids.clear()
        self.ids[text] = got
        return got

    def _ref(self, match: re.Match) -> str:
        raw = match.group(1)
        got = self.refs.get(raw)
        if got is None:  # a sentence's id never changes once written: its reference is kept
            got = '"sentence":"\\u0001%d"' % self.id_of(json.loads(raw))
            if len(self.refs) >= _CACHE:
                self.refs.clear()
            self.refs[raw] = got
        return got

    def encode(self, text: str) -> str:
        """`text` (JSON, or a member's header line and JSON) with every sentence a reference."""
        return _VALUE.sub(self._ref, text)


class Reader:
    """Puts the sentences back into claims parsed from the stored texts (each read once)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.texts: dict[str, str] = {}
        self.reads = 0  # sentence rows read (counted, for tests)
        self.queries = 0

    def text(self, ref: str) -> str:
        got = self.texts.get(ref)
        if got is None:
            # the sentences of one cluster's members were written together (ids in a run): the
            # block of BLOCK ids around a missing one is read with it, one query for several
            first = int(ref[1:]) // BLOCK * BLOCK
            for i, text in self.conn.execute("SELECT id, text FROM judged_sentences WHERE id >= ? AND id < ?",
                                             (first, first + BLOCK)):
                self.texts.setdefault(MARK + str(i), text)
                self.reads += 1
            self.queries += 1
            got = self.texts.get(ref)
            if got is None:
                raise ValueError(f"judged state: sentence {ref[1:]} is missing")
        return got

    def fill_all(self, claims) -> None:
        """`fill` each claim, the sentences not read yet looked up together first (`read`): the
        members of the clusters a check re-makes come in batches of thousands, whose sentences
        one `IN` query per 500 ids reads (at 10k: ~6,000 queries of a block each, before)."""
        texts = self.texts
        missing = set()
        for c in claims:
            ref = c.sentence
            if ref[:1] == MARK and ref not in texts:
                missing.add(ref)
            for x in c.mentions:
                t = x.sentence
                if t is not ref and t[:1] == MARK and t not in texts:
                    missing.add(t)
        if missing:
            self.read(sorted(int(t[1:]) for t in missing))
        fill = self.fill
        for c in claims:
            fill(c)

    def read(self, ids: list[int]) -> None:
        """The sentences of `ids` (sorted), 500 a query, kept for `text`."""
        texts = self.texts
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            for n, text in self.conn.execute(
                    f"SELECT id, text FROM judged_sentences WHERE id IN ({','.join('?' * len(part))})", part):
                texts.setdefault(MARK + str(n), text)
                self.reads += 1
            self.queries += 1

    def fill(self, claim) -> None:
        texts = self.texts
        ref = claim.sentence
        s = None
        if ref[:1] == MARK:
            s = claim.__dict__["sentence"] = texts.get(ref) or self.text(ref)
        for x in claim.mentions:
            t = x.sentence
            if t == ref and s is not None:  # (most mentions: the claim's own sentence)
                x.__dict__["sentence"] = s
            elif t[:1] == MARK:
                x.__dict__["sentence"] = texts.get(t) or self.text(t)


_READERS: dict[int, tuple] = {}


def reader(conn: sqlite3.Connection) -> Reader:
    """The connection's reader (its sentences read once for all of a check's look-ups)."""
    got = _READERS.get(id(conn))
    if got is None or got[0] is not conn:
        got = _READERS[id(conn)] = (conn, Reader(conn))
    return got[1]


def forget(conn: sqlite3.Connection) -> None:
    _READERS.pop(id(conn), None)
