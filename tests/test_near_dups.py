"""MinHash signatures and LSH bands for wire copies (crosscheck.reconcile.near_dups)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from crosscheck.models import Document
from crosscheck.reconcile.near_dups import BINS, fingerprint, shared_bins, signature
from crosscheck.reconcile.settings import default_config
from crosscheck.reconcile.sources import source_groups

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_articles import generate  # noqa: E402


def _jaccard(a: list[str], b: list[str], k: int = 5) -> float:
    sa = {" ".join(a[i : i + k]) for i in range(len(a) - k + 1)}
    sb = {" ".join(b[i : i + k]) for i in range(len(b) - k + 1)}
    return len(sa & sb) / len(sa | sb)


def test_shared_bins_estimate_the_jaccard_similarity():
    rnd = random.Random(5)
    errors = []
    for _ in range(40):
        words = [f"w{rnd.randrange(10**6)}" for _ in range(300)]
        cut = rnd.randrange(50, 250)
        other = words[:cut] + [f"x{rnd.randrange(10**6)}" for _ in range(300 - cut)]
        est = shared_bins(signature(words).tobytes(), signature(other).tobytes()) / BINS
        errors.append(abs(est - _jaccard(words, other)))
    assert sum(errors) / len(errors) < 0.12  # the estimator's spread with 32 bins is ~0.09


def test_signatures_are_stable_and_fixed_size():
    text = "أعلنت وزارة الصحة ارتفاع الحصيلة إلى ثلاثين ألفا في قطاع غزة اليوم"
    a, la = fingerprint(text)
    assert (a, la) == fingerprint(text) and len(a) == 4 * BINS and la > 0
    assert fingerprint(" ، ")[1] == 0  # no words at all


def test_generated_wire_copies_are_found_with_linear_work():
    docs = [Document(id=g["id"], text=g["text"]) for g in generate(400, seed=11)]
    groups = source_groups(docs, default_config())
    members = [m for m in groups.members().values() if len(m) > 1]
    copies = sum(len(m) - 1 for m in members)
    # about 5 % of generated articles are edited wire copies of a recent one
    assert 8 <= copies <= 40
    assert groups.pair_checks <= 2 * len(docs)
    # every pair put together is a real copy: same figures in mostly the same words
    by_id = {d.id: d.text for d in docs}
    for m in members:
        base = by_id[m[0]].split("\n\n")
        for other in m[1:]:
            assert len(set(base) & set(by_id[other].split("\n\n"))) >= len(base) - 1
