"""An open scope kept apart from its one match by its days, decided by `check` as the whole record.

Grouping attaches a figure at no place to the one placed cluster it can match unless its days lie
more than `attach_gap_days` from every day of that cluster (grouping._attach_open_scopes,
`_other_story`: the days of every member of both).  The check groups one stored member per
signature, which holds only some of those days; it used to fall back (judge the whole record)
whenever such a decision came up.  Now, when a new member is in either cluster, it reads every
stored member of the two and decides again (judged._unit's `grouped`): the findings stay those of
the whole record, and the members read are those two clusters', counted."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from store_support import both_ways, private_rules  # noqa: F401  (autouse: a private copy of rules/)
from crosscheck.store.sqlite_store import store_stats
from test_store_judged import _article, _finding  # the store tests' article writer and finding key

_AT = "لقي {n} شخصا حتفهم في تحطم الطائرة في كراتشي."
_NO_PLACE = "ارتفع عدد قتلى تحطم الطائرة إلى {n} قتيلا."


def _record(d: Path, unplaced_day: str) -> list[Path]:
    """Karachi's toll told on two days (one signature: one member of it is what the check groups
    by), a figure at no place on `unplaced_day`, and unrelated figures of other places."""
    out = [
        _article(d, "a-karachi", "وكالة", _AT.format(n=40), "2024-01-05"),
        _article(d, "b-karachi", "إذاعة", _AT.format(n=52), "2024-03-01"),
        _article(d, "c-unplaced", "قناة", _NO_PLACE.format(n=55), unplaced_day),
    ]
    out += [_article(d, f"z-other-{i}", f"موقع {i}", f"قتل {10 + i} أشخاص في انفجار في مدينة حلب.",
                     f"2024-02-{10 + i:02d}") for i in range(6)]
    return out


# (the stored figure at no place's day, the new article, whether the check must hold)
CASES = {
    # the stored 55 joined Karachi (within 30 days of its 1 March figure); the new one at no place
    # on 22 March joins too, though Karachi's member kept per signature (5 January) is far from it
    "joins by a stored day the kept member lacks": ("2024-03-20", (_NO_PLACE, 58, "2024-03-22"), True),
    # the stored 55 of June is another story; the new one of June stays with it, apart from Karachi
    "stays apart with the stored figure": ("2024-06-01", (_NO_PLACE, 58, "2024-06-03"), True),
    # a new figure at no place far from Karachi takes the stored 55 away from it: the grouping of
    # stored members changes (the shortcut falls back, the findings are still the whole record's)
    "takes a stored figure away": ("2024-03-20", (_NO_PLACE, 58, "2024-06-03"), False),
    # a new Karachi figure of May brings the stored June figure within its days
    "a new placed day brings it in": ("2024-06-01", (_AT, 60, "2024-05-20"), False),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_open_scope_kept_apart_by_its_days_gives_the_whole_record_findings(tmp_path, case):
    unplaced_day, (shape, n, day), holds = CASES[case]
    stored = _record(tmp_path, unplaced_day)
    new = _article(tmp_path, "n-new", "صحيفة", shape.format(n=n), day)
    fast, whole, stats = both_ways(tmp_path, stored, new)
    assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings]
    if not holds:
        assert stats.fallback, stats
        return
    assert not stats.fallback, stats
    # the decision read the two clusters' stored members, once, and nothing else of the unit
    db = tmp_path / "s.db"
    with closing(sqlite3.connect(db)) as conn:
        (karachi,) = conn.execute("SELECT COUNT(*) FROM judged_members m WHERE m.pre IN (SELECT pre FROM "
                                  "judged_members WHERE doc_id IN ('a-karachi', 'c-unplaced'))").fetchone()
    assert stats.gated_pairs >= 1, stats
    assert 1 <= stats.gated_read < karachi + 1, stats
    assert stats.gated_read < store_stats(db)["claims"], stats
    together = any({"a-karachi", "b-karachi", "n-new"} <= {c.doc for c in f.cluster.claims} for f in fast.findings)
    assert together == (case == "joins by a stored day the kept member lacks"), [_finding(f) for f in fast.findings]


_PLACES = ["باكستان", "كراتشي", "لاهور"]


def _generated(d: Path, seed: int, n: int) -> list[Path]:
    """`n` articles of one story (a crash's toll) drawn from a seed: at the country, at one of its
    cities or at no place, on days spread over a year (so that figures at no place are often
    more than `attach_gap_days` from every day of the one cluster they could join)."""
    import random

    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        where = rng.choice(_PLACES + [None, None])
        body = _NO_PLACE.format(n=rng.randint(20, 90)) if where is None else \
            _AT.replace("كراتشي", where).format(n=rng.randint(20, 90))
        out.append(_article(d, f"g{seed}-{i:02d}", f"مصدر {rng.randint(1, 5)}", body, day))
    return out


@pytest.mark.parametrize("seed", [3, 7])
def test_checks_on_a_generated_record_give_the_whole_record_findings_reading_only_their_clusters(tmp_path, seed):
    """Articles drawn at random (one story at a country, its cities and no place, days over a
    year) checked one at a time against a record drawn the same way: the findings are the whole
    record's every time; no check falls back for an open scope's days; and what a check reads to
    decide them is bounded by the clusters it re-decides (counted), not the record."""
    from crosscheck.ci.check import _extract, reconcile_config, run_check
    from crosscheck.config import Settings
    from crosscheck.store import judged
    from crosscheck.store.sqlite_store import ingest
    from crosscheck.text.documents import load_documents

    rec, new_dir = tmp_path / "rec", tmp_path / "new"
    rec.mkdir()
    new_dir.mkdir()
    stored = _generated(rec, seed, 24)
    db = tmp_path / "s.db"
    ingest([str(p) for p in stored], db)
    cfg = reconcile_config(Settings())
    judged.ensure_state(db, cfg)
    total = store_stats(db)["claims"]
    settings = Settings(fail_on="warning")
    decided = 0
    for new in _generated(new_dir, seed + 1000, 6):
        docs = load_documents([str(new)])
        _found, stats = judged.check_against_state(db, docs, _extract(docs, Settings()), cfg, build=False)
        fast = run_check([str(new)], store=str(db), settings=settings)
        whole = run_check([str(new)], against=[str(p) for p in stored], settings=settings)
        assert [_finding(f) for f in fast.findings] == [_finding(f) for f in whole.findings], new.name
        assert "open scope" not in stats.fallback, stats
        decided += stats.gated_pairs
        # the members read for those decisions are stored members of the clusters re-decided,
        # each read once (never more than the record holds) by the judging, and once more at
        # most by the pass deciding a weak place's joins again (`weak_read`, counted in
        # members_read too; weak_place_join is on since session 44)
        assert stats.gated_read <= total and stats.weak_read <= total, stats
        assert stats.members_read - stats.weak_read <= total, stats
    assert decided >= 1  # the draw gives at least one decision with a new member (else the test says nothing)
