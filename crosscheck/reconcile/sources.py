"""Independent sources: near-duplicate articles (wire copies) collapse into one source group.

Agreement between two copies of one wire story is not corroboration, so the consensus counts
source groups rather than claims.  Finding copies must not compare every pair of a large
corpus: crosscheck.reconcile.near_dups gives each document a MinHash signature, only documents
sharing an LSH band become candidates, and rapidfuzz confirms them on their normalised text.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from crosscheck.models import Document
from crosscheck.reconcile.near_dups import comparable_text
from crosscheck.reconcile.settings import NearDuplicateConfig, ReconcileConfig, config_or_default

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


def source_groups(
    documents: Iterable[Document], config: Optional[ReconcileConfig] = None
) -> SourceGroups:
    """Group near-duplicate documents; every document gets a group id.

    The work is crosscheck.reconcile.near_dups (MinHash signatures, LSH bands, rapidfuzz).
    """
    from crosscheck.reconcile.near_dups import fingerprint_comparable, group_near_duplicates

    cfg = config_or_default(config).near_duplicate
    texts: dict[str, str] = {}
    items = []
    for doc in documents:
        texts[doc.id] = comparable_text(doc.text)
        sig, length = fingerprint_comparable(texts[doc.id], cfg)
        items.append((doc.id, sig, length))
    found = group_near_duplicates(items, texts.__getitem__, cfg)
    return SourceGroups(group_of=found.group_of, pair_checks=found.pair_checks,
                        candidate_pairs=found.candidate_pairs)
