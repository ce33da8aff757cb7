"""The benchmark generator's two modes (benchmarks/gen_articles.py): random figures (most
clusters conflict), and consistent stories with a few slips (what a newsroom archive holds)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter

import pytest
from corpus_support import generated_corpus

import gen_articles
from crosscheck import pipeline

DIGEST_30 = "a33ef91aa6f1bcc3"  # sha256 of 30 random-mode articles, seed 7, as written before the consistent mode


def test_consistent_stories_hold_together():
    told = gen_articles.Stories(7)
    days = [gen_articles.START + dt.timedelta(days=d) for d in (0, 1, 30, 400, 700)]
    for kind in gen_articles.RATE:
        for place in gen_articles.PLACES:
            totals = [told.total(kind, place, d) for d in days]
            assert totals == sorted(totals) and len(set(totals)) == len(totals)  # running totals grow
        for d in days:  # the Gaza Strip's figure is at least its cities' together
            assert told.total(kind, "غزة", d) > sum(told.total(kind, p, d) for p in gen_articles.GAZA_PARTS)
    votes = [told.vote(dt.date(2024, m, day)) for m in range(1, 13) for day in (10, 13, 16)]
    assert all(v and v["v"] + v["a"] + v["b"] <= 15 for v in votes)
    assert told.vote(dt.date(2024, 3, 12)) == told.vote(dt.date(2024, 3, 15)) != told.vote(dt.date(2024, 4, 12))
    assert told.vote(dt.date(2024, 3, 9)) is None and told.vote(dt.date(2024, 3, 17)) is None
    assert told.event("killed", "رفح", days[2], 10, 90) == gen_articles.Stories(7).event("killed", "رفح", days[2], 10, 90)


def test_the_random_mode_is_the_corpus_of_earlier_figures():
    """`--stories random` (the default) must not change: benchmarks/README.md's figures rest on it."""
    docs = list(gen_articles.generate(30, seed=7))
    assert docs == list(gen_articles.generate(30, seed=7, stories="random"))
    digest = hashlib.sha256("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode()).hexdigest()
    assert digest[:16] == DIGEST_30
    assert list(gen_articles.generate(30, seed=7, stories="consistent")) != docs
    with pytest.raises(ValueError):
        list(gen_articles.generate(1, stories="calm"))


def test_consistent_stories_conflict_far_less_than_random_figures(tmp_path):
    """Reconciled, consistent stories give far fewer conflicts and inconsistencies than random
    figures (what is left: a place's growing running total across days, one place's incidents
    grouped as one event, and the slips)."""
    found = {}
    for mode in ("random", "consistent"):
        path = generated_corpus(tmp_path, 150, seed=11, name=f"{mode}.jsonl", stories=mode)
        report = pipeline.analyse([str(path)]).report()
        found[mode] = (sum(c.status == "conflict" for c in report.clusters), len(report.inconsistencies))
    assert found["consistent"][0] < 0.7 * found["random"][0], found
    assert found["consistent"][1] < 0.1 * found["random"][1], found
