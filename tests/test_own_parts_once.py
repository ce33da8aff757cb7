"""A cluster whose own parts are set aside (reconciler._own_parts: "43" beside its article's
toll of 158 that day) is judged again without them; what is left holds no own part (each
article and day keeps its largest figure), so they are not looked for again: a running total of
thousands of claims is not read twice for them.  Unless a part set aside was its article's
largest low end (an inverted span): then they are looked for again, as before."""

from __future__ import annotations

import random

import pytest
from test_reconciler_factory import claim, story_draws

from crosscheck.reconcile import reconciler
from crosscheck.reconcile.reconciler import reconcile


def _story(seed: int, n: int = 80) -> list:
    rnd = random.Random(seed)
    out = []
    for doc, day, v in story_draws(rnd, n, n // 4, "2024-05", 12, [150, 158, 163, 170, 190]):
        out.append(claim(doc, "killed", v + rnd.randrange(0, 3), as_of=day, as_of_from="metadata"))
        if rnd.random() < 0.3:  # a part its article gives beside its toll
            out.append(claim(doc, "killed", rnd.choice([12, 31, 43]), as_of=day, as_of_from="metadata"))
    return out


def _count(monkeypatch) -> list:
    calls = []
    real = reconciler._own_parts

    def counted(members, sources, cfg):
        calls.append(len(members))
        return real(members, sources, cfg)

    monkeypatch.setattr(reconciler, "_own_parts", counted)
    return calls


def test_a_cluster_is_read_for_its_own_parts_once(monkeypatch):
    calls = _count(monkeypatch)
    clusters = reconcile(_story(1))
    assert len(clusters) == 1 and "not compared: figures far below" in " ".join(clusters[0].notes)
    assert len(calls) == 1


@pytest.mark.parametrize("seed", range(10))
def test_the_clusters_are_those_of_looking_again(monkeypatch, seed):
    claims = _story(seed)
    got = [c.model_dump() for c in reconcile(claims)]
    monkeypatch.setattr(reconciler, "LOOK_AGAIN", True)
    assert [c.model_dump() for c in reconcile(claims)] == got


def test_an_inverted_part_is_looked_for_again(monkeypatch):
    # reconcile repairs an empty interval before judging (its stated figure is used), so a part
    # with low above high reaches _judge only from elsewhere (a store's members): the guard
    # itself, and the path it sends the judgement down
    from crosscheck.reconcile.grouping import Member
    from crosscheck.reconcile.settings import ReconcileConfig

    cfg = ReconcileConfig()
    fine = claim("d0", "killed", 43, as_of="2024-05-03", as_of_from="metadata")
    inverted = fine.model_copy(update={"low": 500.0, "high": 40.0})
    assert reconciler._none_largest([Member(0, fine)], cfg)
    assert not reconciler._none_largest([Member(0, fine), Member(1, inverted)], cfg)
    monkeypatch.setattr(reconciler, "_none_largest", lambda parts, cfg: False)
    calls = _count(monkeypatch)
    claims = _story(1)
    got = [c.model_dump() for c in reconcile(claims)]
    assert len(calls) == 2  # what is left looked at again
    monkeypatch.setattr(reconciler, "LOOK_AGAIN", True)
    assert [c.model_dump() for c in reconcile(claims)] == got
