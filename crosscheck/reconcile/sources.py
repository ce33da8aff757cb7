"""Independent sources: near-duplicate articles (wire copies) collapse into one source group.

Agreement between two copies of one wire story is not corroboration, so the consensus counts
source groups rather than claims.  Finding copies must not compare every pair of a large
corpus: each document keeps a bottom-k sketch of its word-shingle hashes, only documents that
share a sketch hash become candidates (oversized buckets - boilerplate - are ignored), and only
candidates of similar length are compared with rapidfuzz on their normalised text.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

import regex
from rapidfuzz import fuzz

from crosscheck.models import Document
from crosscheck.text.normalize import normalize
from crosscheck.reconcile.settings import NearDuplicateConfig, ReconcileConfig, config_or_default

# Words for shingling: runs of letters/digits (punctuation and layout differ between copies).
_WORD = regex.compile(r"[\p{L}\p{N}]+")


@dataclass
class SourceGroups:
    """doc id -> source group id (the smallest doc id among a document's copies)."""

    group_of: dict[str, str] = field(default_factory=dict)
    pair_checks: int = 0  # rapidfuzz comparisons made (for the scale test)
    candidate_pairs: int = 0

    def group(self, doc_id: str) -> str:
        return self.group_of.get(doc_id, doc_id)

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for doc, grp in sorted(self.group_of.items()):
            out[grp].append(doc)
        return dict(out)


def comparable_text(text: str) -> str:
    """Normalised words joined by single spaces: what two copies are compared on."""
    return " ".join(_WORD.findall(normalize(text).text))


def _hash(s: str) -> int:
    # A stable hash (Python's hash() changes between runs) so sketches are reproducible.
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


def sketch(words: list[str], cfg: NearDuplicateConfig) -> list[int]:
    """The `sketch_size` smallest hashes of the document's word shingles."""
    k = cfg.shingle_words
    if not words:
        return []
    if len(words) <= k:
        shingles = {" ".join(words)}
    else:
        shingles = {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}
    return heapq.nsmallest(cfg.sketch_size, {_hash(s) for s in shingles})


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

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


def source_groups(
    documents: Iterable[Document], config: Optional[ReconcileConfig] = None
) -> SourceGroups:
    """Group near-duplicate documents; every document gets a group id."""
    cfg = config_or_default(config).near_duplicate
    texts: dict[str, str] = {}
    for doc in documents:
        texts[doc.id] = comparable_text(doc.text)
    uf = _UnionFind(texts)
    result = SourceGroups()

    # identical normalised texts are copies without any fuzzy comparison
    by_exact: dict[int, list[str]] = defaultdict(list)
    for doc_id, t in texts.items():
        if t:
            by_exact[_hash(t)].append(doc_id)
    for ids in by_exact.values():
        for other in ids[1:]:
            uf.union(ids[0], other)

    buckets: dict[int, list[str]] = defaultdict(list)
    for doc_id in sorted(texts):
        t = texts[doc_id]
        for h in sketch(t.split(" ") if t else [], cfg):
            buckets[h].append(doc_id)
    seen: set[tuple[str, str]] = set()
    for ids in buckets.values():
        if len(ids) < 2 or len(ids) > cfg.max_bucket:
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                pair = (a, b) if a < b else (b, a)
                if pair in seen:
                    continue
                seen.add(pair)
                result.candidate_pairs += 1
                if uf.find(a) == uf.find(b):
                    continue
                ta, tb = texts[a], texts[b]
                if min(len(ta), len(tb)) < cfg.min_length_ratio * max(len(ta), len(tb)):
                    continue
                result.pair_checks += 1
                if fuzz.ratio(ta, tb, score_cutoff=cfg.threshold):
                    uf.union(a, b)
    result.group_of = {doc_id: uf.find(doc_id) for doc_id in texts}
    return result
