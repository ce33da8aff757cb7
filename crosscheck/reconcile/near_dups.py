"""Near-duplicate articles (wire copies) in linear time: MinHash signatures, LSH bands, rapidfuzz.

    fp = fingerprint(text)                       # per document, once (at ingest, in a worker)
    groups = group_near_duplicates(items, text_of, cfg)   # items: (doc id, fingerprint, length)
    joined = join_new(new_items, bucket, stored_group, text_of, cfg)  # new documents, a grouped record

Why this scheme.  Comparing every pair of articles is quadratic, and at 100k articles even the
per-document constant matters: normalising the text and hashing every shingle dominates.  So

1. each document gets a **MinHash signature** of its word 5-shingles (after the same
   normalisation as the comparison: diacritics, letter forms, digits), computed by *one
   permutation hashing* (Li, Owen & Zhang 2012): every shingle is hashed ONCE (`zlib.crc32`,
   stable across processes and runs, unlike `hash()`) and falls into one of `BINS` bins, each
   bin keeping its minimum; empty bins (short texts) borrow the next non-empty bin's value
   (rotation densification, Shrivastava & Li 2014), so two signatures agree in a bin with
   probability about the Jaccard similarity of the shingle sets.  The cost is one hash per
   shingle, about a tenth of a k-hash MinHash, and the 128-byte signature can be stored;
2. signatures are cut into `BANDS` bands of `ROWS` bins (**LSH**): two documents become
   candidates only when some band is identical, which happens with probability
   1 - (1 - J^ROWS)^BANDS (about 0.98 at J = 0.6, 0.05 at J = 0.2); buckets larger than
   `max_bucket` (boilerplate shared by many articles) are skipped, so the work is linear;
3. candidates whose estimated Jaccard (share of equal bins) is too low or whose lengths differ
   too much are dropped, and the rest are **confirmed with `rapidfuzz.fuzz.ratio`** on the
   normalised texts with the configured threshold, as before: the decision stays rapidfuzz's.

A record grouped once (a store's judged state) is not grouped again for one new article:
`join_new` reads only the stored documents sharing a band with the new signatures (a store
indexes `band_keys`) and gives the groups the whole grouping would give, or says that the new
article changes a stored group (GroupsChange).

The library alternative, `datasketch` (MinHash + MinHashLSH), was measured here at about
11 ms per 4,000-character article for the signature alone (a Python-level SHA-1 per shingle,
then numpy over 64 permutations), several times this module's cost, and would add numpy and
scipy to the core install; the banding itself is twenty lines below.
"""

from __future__ import annotations

import zlib
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from rapidfuzz import fuzz

from crosscheck.reconcile.settings import NearDuplicateConfig
from crosscheck.text.normalize import normalize
from crosscheck.util import regex_cache

BINS = 32
BANDS = 8
ROWS = BINS // BANDS
EMPTY = 0xFFFFFFFF
# Candidates sharing fewer bins than this are not worth a rapidfuzz call: a ratio of 85 and
# more needs most 5-shingles in common.
MIN_SHARED_BINS = 8

# Words for shingling: runs of letters/digits (punctuation and layout differ between copies).
_WORD = regex_cache.compile(r"[\p{L}\p{N}]+")


def comparable_text(text: str) -> str:
    """Normalised words joined by single spaces: what two copies are compared on."""
    return " ".join(_WORD.findall(normalize(text).text))


def signature(words: list[str], shingle_words: int = 5) -> array:
    """The one-permutation MinHash signature (BINS unsigned 32-bit values) of the word shingles."""
    bins = [EMPTY] * BINS
    if words:
        k = shingle_words
        if len(words) <= k:
            shingles = {" ".join(words)}
        else:
            shingles = {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}
        crc = zlib.crc32
        for s in shingles:
            h = crc(s.encode("utf-8"))
            b = h % BINS
            if h < bins[b]:
                bins[b] = h
        _densify(bins)
    return array("I", bins)


def _densify(bins: list[int]) -> None:
    """Empty bins take the value of the next non-empty bin (circularly), offset by distance."""
    if all(v == EMPTY for v in bins):
        return
    n = len(bins)
    filled = list(bins)
    for j in range(n):
        if bins[j] != EMPTY:
            continue
        step = 1
        while bins[(j + step) % n] == EMPTY:
            step += 1
        filled[j] = (bins[(j + step) % n] + step * 0x9E3779B1) & 0xFFFFFFFF
    bins[:] = filled


def fingerprint(text: str, cfg: Optional[NearDuplicateConfig] = None) -> tuple[bytes, int]:
    """(signature bytes, length of the comparable text) of an article, for storing."""
    return fingerprint_comparable(comparable_text(text), cfg)


def fingerprint_comparable(t: str, cfg: Optional[NearDuplicateConfig] = None) -> tuple[bytes, int]:
    """`fingerprint` of a text already made comparable (`comparable_text`)."""
    k = cfg.shingle_words if cfg is not None else 5
    return signature(t.split(" ") if t else [], k).tobytes(), len(t)


def _bands(sig: bytes) -> list[bytes]:
    step = ROWS * 4
    return [bytes([i]) + sig[i * step : (i + 1) * step] for i in range(BANDS)]


def shared_bins(a: bytes, b: bytes) -> int:
    x, y = array("I", a), array("I", b)
    return sum(1 for u, v in zip(x, y) if u == v)


class UnionFind:
    def __init__(self, items: Iterable[str] = ()) -> None:
        self.parent = {x: x for x in items}

    def add(self, x: str) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller id becomes the root, so group ids do not depend on input order
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo


@dataclass
class NearDuplicates:
    """doc id -> group id (the smallest doc id among a document's copies), and the work done."""

    group_of: dict[str, str] = field(default_factory=dict)
    pair_checks: int = 0  # rapidfuzz comparisons made
    candidate_pairs: int = 0  # pairs sharing an LSH band


def group_near_duplicates(
    items: Iterable[tuple[str, bytes, int]],
    text_of: Callable[[str], str],
    cfg: NearDuplicateConfig,
) -> NearDuplicates:
    """Group documents given as (id, signature, comparable length).

    `text_of(id)` gives a document's comparable text; it is asked only for candidates, so a
    store need not load every text.  Identical signatures of equal length are confirmed like
    any other candidate (identical texts have a ratio of 100).
    """
    sigs: dict[str, bytes] = {}
    lengths: dict[str, int] = {}
    buckets: dict[bytes, list[str]] = defaultdict(list)
    for doc_id, sig, length in items:
        sigs[doc_id] = sig
        lengths[doc_id] = length
        if length == 0:
            continue
        for band in _bands(sig):
            buckets[band].append(doc_id)
    uf = UnionFind(sigs)
    result = NearDuplicates()
    seen: set[tuple[str, str]] = set()
    texts: dict[str, str] = {}

    def text(doc_id: str) -> str:
        if doc_id not in texts:
            texts[doc_id] = text_of(doc_id)
        return texts[doc_id]

    # Same signature and length: almost surely the same text, however many copies; each is
    # confirmed against the first (linear), before the band buckets (which skip big ones).
    same: dict[tuple[bytes, int], list[str]] = defaultdict(list)
    for doc_id in sorted(sigs):
        if lengths[doc_id]:
            same[(sigs[doc_id], lengths[doc_id])].append(doc_id)
    for ids in same.values():
        for other in ids[1:]:
            result.pair_checks += 1
            if fuzz.ratio(text(ids[0]), text(other), score_cutoff=cfg.threshold):
                uf.union(ids[0], other)

    for ids in buckets.values():
        if len(ids) < 2 or len(ids) > cfg.max_bucket:
            continue
        ids = sorted(ids)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                result.candidate_pairs += 1
                if uf.find(a) == uf.find(b):
                    continue
                la, lb = lengths[a], lengths[b]
                if min(la, lb) < cfg.min_length_ratio * max(la, lb):
                    continue
                if shared_bins(sigs[a], sigs[b]) < MIN_SHARED_BINS:
                    continue
                result.pair_checks += 1
                if fuzz.ratio(text(a), text(b), score_cutoff=cfg.threshold):
                    uf.union(a, b)
    result.group_of = {doc_id: uf.find(doc_id) for doc_id in sigs}
    return result


class GroupsChange(Exception):
    """New documents would change the near-duplicate groups of stored ones (`join_new` cannot
    answer without grouping everything again); the message says how."""


@dataclass
class JoinedGroups:
    """The groups of new documents joined to a grouped record (`join_new`), and the work done."""

    group_of: dict[str, str] = field(default_factory=dict)  # new doc id -> group id
    pair_checks: int = 0  # rapidfuzz comparisons made
    candidate_pairs: int = 0  # pairs with a new document sharing an LSH band
    stored_read: int = 0  # stored documents read from the band buckets


def band_keys(sig: bytes) -> list[bytes]:
    """The LSH band keys of a signature (what a store indexes to find a document's candidates)."""
    return _bands(sig)


def join_new(
    new_items: Iterable[tuple[str, bytes, int]],
    bucket: Callable[[bytes], list[tuple[str, bytes, int]]],
    stored_group: Callable[[str], str],
    text_of: Callable[[str], str],
    cfg: NearDuplicateConfig,
) -> JoinedGroups:
    """The groups `group_near_duplicates` gives new documents when run over a record and them,
    from the record's own groups, without reading the record: only the band buckets of the new
    signatures (`bucket(band)`: the stored (id, signature, length) sharing that band, documents
    of length 0 left out) and the groups of the stored documents they link to.

    The groups are the connected parts of the confirmed pairs, so the pairs among stored
    documents are the record's own, except (1) a bucket the new documents push past
    `max_bucket`, whose stored pairs the full run no longer compares, and (2) a signature shared
    by several stored documents whose smallest id a new document undercuts (each copy is
    confirmed against the first); either raises GroupsChange, as do new documents linking two
    stored groups or taking a stored group's id (its smallest id).  New documents must not
    share ids with stored ones.
    """
    new: dict[str, tuple[bytes, int]] = {d: (s, n) for d, s, n in new_items}
    out = JoinedGroups()
    uf = UnionFind(new)
    texts: dict[str, str] = {}

    def text(doc_id: str) -> str:
        if doc_id not in texts:
            texts[doc_id] = text_of(doc_id)
        return texts[doc_id]

    def confirm(a: str, b: str) -> None:
        if uf.find(a) == uf.find(b):
            return
        out.pair_checks += 1
        if fuzz.ratio(text(a), text(b), score_cutoff=cfg.threshold):
            uf.union(a, b)

    by_band: dict[bytes, list[str]] = defaultdict(list)
    for doc_id, (sig, length) in sorted(new.items()):
        if length:
            for band in _bands(sig):
                by_band[band].append(doc_id)
    stored: dict[bytes, list[tuple[str, bytes, int]]] = {}
    info: dict[str, tuple[bytes, int]] = dict(new)
    for band in sorted(by_band):
        rows = stored[band] = [r for r in bucket(band) if r[0] not in new]
        out.stored_read += len(rows)
        for d, s, n in rows:
            info[d] = (s, n)
            uf.add(d)
    # (2) the same signature and length: every copy is confirmed against the smallest id
    same: dict[tuple[bytes, int], set[str]] = defaultdict(set)
    for band, rows in stored.items():
        for d, s, n in rows:
            if (s, n) in {new[x] for x in by_band[band]}:
                same[(s, n)].add(d)
    for doc_id, (sig, length) in new.items():
        if length:
            same[(sig, length)].add(doc_id)
    for key, ids in sorted(same.items()):
        ids_sorted = sorted(ids)
        olds = [d for d in ids_sorted if d not in new]
        first = ids_sorted[0]
        if first in new and len(olds) >= 2:
            raise GroupsChange(f"a new document comes first among the copies of {olds[0]}")
        for other in ids_sorted[1:]:
            if first in new or other in new:
                confirm(first, other)
    # (1) the band buckets
    seen: set[tuple[str, str]] = set()
    for band in sorted(by_band):
        rows, mine = stored[band], by_band[band]
        if len(rows) + len(mine) > cfg.max_bucket:
            if 2 <= len(rows) <= cfg.max_bucket:
                raise GroupsChange("new documents make a band bucket too large to compare")
            continue
        ids = sorted([d for d, _s, _n in rows] + mine)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if (a not in new and b not in new) or (a, b) in seen:
                    continue
                seen.add((a, b))
                out.candidate_pairs += 1
                (sa, la), (sb, lb) = info[a], info[b]
                if min(la, lb) < cfg.min_length_ratio * max(la, lb):
                    continue
                if shared_bins(sa, sb) < MIN_SHARED_BINS:
                    continue
                confirm(a, b)
    # each new document's part: new documents and at most one stored group, whose id it keeps
    parts: dict[str, list[str]] = defaultdict(list)
    for d in info:
        parts[uf.find(d)].append(d)
    for members in parts.values():
        fresh = sorted(d for d in members if d in new)
        if not fresh:
            continue
        groups = {stored_group(d) for d in members if d not in new}
        if len(groups) > 1:
            raise GroupsChange(f"a new document joins the source groups {' and '.join(sorted(groups))}")
        if groups:
            (grp,) = groups
            if fresh[0] < grp:
                raise GroupsChange(f"a new document takes the id of the source group {grp}")
        else:
            grp = fresh[0]
        for d in fresh:
            out.group_of[d] = grp
    return out
