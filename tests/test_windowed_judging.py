"""Windowed and volatile clusters judged window by window: the same clusters as projecting every
claim at every reported date, at the cost of the claims each date's window holds (counted)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from test_reconciler_factory import claim, doc

from crosscheck.reconcile import reconciler
from crosscheck.reconcile.intervals import Span
from crosscheck.reconcile.reconciler import _project, compared_at, reconcile, undated_fitting
from crosscheck.reconcile.settings import default_config

DAY0 = date(2025, 1, 1)


def plain_compared(refs, cdates, skip, mode, cfg):
    """The definition: every claim projected at every reference date."""
    span = Span(1.0, 2.0)
    return [[i for i, (d, e) in enumerate(zip(cdates, skip)) if not e and _project(span, d, ref, mode, cfg) is not None]
            for ref in refs]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 40)), max_size=40),
       st.lists(st.booleans(), min_size=40, max_size=40),
       st.sampled_from(["windowed", "volatile"]),
       st.sampled_from([0.0, 0.5, 1.0, 2.5, 3.0, 7.0, 30.0, -1.0]),
       st.sampled_from([0.0, 1.0, 2.9]))
def test_compared_at_keeps_what_projection_keeps(days, skip, mode, window, volatile):
    cfg = default_config().model_copy(update={"window_days": window, "volatile_window_days": volatile})
    cdates = [None if d is None else DAY0 + timedelta(days=d) for d in days]
    skip = skip[:len(cdates)]
    refs = sorted({d for d in cdates if d is not None}) + [DAY0 - timedelta(days=5), DAY0 + timedelta(days=60)]
    assert compared_at(refs, cdates, skip, mode, cfg) == plain_compared(refs, cdates, skip, mode, cfg)


def test_compared_at_leaves_other_modes_and_moments_to_projection():
    cfg = default_config()
    assert compared_at([DAY0], [DAY0], [False], "monotonic", cfg) is None
    assert compared_at([DAY0], [DAY0], [False], "timeless", cfg) is None
    assert compared_at([None], [DAY0], [False], "windowed", cfg) is None
    from datetime import datetime
    assert compared_at([DAY0], [datetime(2025, 1, 1, 12)], [False], "windowed", cfg) is None


def _random_cluster(rng: random.Random, n_docs: int, kind: str):
    """Articles of one windowed (or volatile) scope over many days: figures that drift, hedges,
    undated articles, copies of one text, recalled earlier figures."""
    claims, docs = [], []
    base = rng.choice([40, 1000, 250_000])
    for k in range(n_docs):
        d = f"a{k:03d}"
        dated = rng.random() > 0.15
        when = DAY0 + timedelta(days=rng.randrange(0, rng.choice([5, 30, 200]))) if dated else None
        text = "نص مكرر عن الحدث نفسه تماما" * 3 if rng.random() < 0.1 else None
        docs.append(doc(d, text, when.isoformat() if when else None))
        for _ in range(rng.choice([1, 1, 2])):
            v = max(1, int(base * rng.choice([1, 1, 1.05, 0.5, 2, 1.3])))
            q = rng.choice(["exact", "exact", "approx", "more_than", "at_least", "less_than"])
            scope = {"period": "superseded"} if rng.random() < 0.05 else {}
            claims.append(claim(d, kind, v, q, **scope))
    return claims, docs


def _dump(clusters):
    return [c.model_dump_json() for c in clusters]


def test_windowed_clusters_are_judged_as_projection_judges_them(monkeypatch):
    rng = random.Random(20261204)
    cfg = default_config()
    cases = 0
    for trial in range(120):
        kind = rng.choice(["displaced_abroad", "displaced_abroad", "missing"])
        claims, docs = _random_cluster(rng, rng.randrange(2, 40), kind)
        window = rng.choice([cfg.window_days, 0.0, 1.0, 7.0])
        c = cfg.model_copy(update={"window_days": window})
        fast = _dump(reconcile(claims, docs, c))
        with monkeypatch.context() as m:
            m.setattr(reconciler, "compared_at", lambda *a, **k: None)
            plain = _dump(reconcile(claims, docs, c))
        assert fast == plain, trial
        cases += any('"status":"conflict"' in x for x in fast)
    assert cases > 30  # conflicts judged, not only agreement


def test_undated_fitting_reads_the_windows():
    rng = random.Random(7)
    cfg = default_config()
    for _ in range(300):
        n = rng.randrange(1, 25)
        spans = []
        for _i in range(n):
            lo = rng.choice([None, 10.0, 20.0, 30.0])
            hi = None if rng.random() < 0.2 else (lo or 0.0) + rng.choice([0.0, 5.0, 15.0])
            spans.append(Span(lo, hi))
        cdates = [None if rng.random() < 0.3 else DAY0 + timedelta(days=rng.randrange(10)) for _ in range(n)]
        skip = [rng.random() < 0.1 for _ in range(n)]
        dated = sorted({d for d in cdates if d is not None})
        got = undated_fitting(spans, cdates, skip, dated, "windowed", cfg)
        reconciler_compared_at = reconciler.compared_at
        try:
            reconciler.compared_at = lambda *a, **k: None
            want = undated_fitting(spans, cdates, skip, dated, "windowed", cfg)
        finally:
            reconciler.compared_at = reconciler_compared_at
        assert got == want


def test_a_cluster_told_on_many_days_compares_each_days_window(monkeypatch):
    """300 articles, one a day: each date compares the claims of its window (7 days at most),
    not all 300 (the plain projection's 90,000)."""
    sizes: list[int] = []
    real = reconciler.sweep

    def counting(compared, *a, **k):
        sizes.append(len(compared))
        return real(compared, *a, **k)

    monkeypatch.setattr(reconciler, "sweep", counting)
    claims = [claim(f"d{k:03d}", "displaced_abroad", 1000 + (k % 7) * 300) for k in range(300)]
    docs = [doc(f"d{k:03d}", date=(DAY0 + timedelta(days=k)).isoformat()) for k in range(300)]
    (cluster,) = reconcile(claims, docs, default_config())
    assert cluster.status == "conflict"
    assert len(sizes) == 300
    assert max(sizes) <= 7 and sum(sizes) <= 7 * 300
