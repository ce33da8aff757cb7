"""grouping.pre_join_clusters works a member's block and canonical key out once per distinct
signature (kind, identity value, raw scope attributes): the same clusters, in the same order,
with the same members, as working them out member by member (the reference below), on the
claims of generated news with their place and group names respelled and shuffled."""

from __future__ import annotations

import random
from collections import defaultdict

import corpus_support  # noqa: F401  (puts benchmarks/ on the path: gen_articles)
from crosscheck.config import Settings
from crosscheck.ci.check import _extract, reconcile_config
from crosscheck.reconcile import grouping as G
from crosscheck.models import Document


def _reference(members, cfg):
    """The blocks and keys of pre_join_clusters as computed member by member (before the
    joins of story starts and open scopes)."""
    places = G.PlaceNames(cfg)
    matcher = G.FuzzyMatcher(cfg.fuzzy_threshold, G.GroupingStats())
    attrs = list(cfg.scope_attributes)
    fuzzy = [a for a in attrs if a in cfg.fuzzy_attributes]

    def canon_of(attr, raw):
        if raw is None:
            return None
        return places.canonical(raw) if attr == "location" else G.exact_form(raw)

    blocks = defaultdict(list)
    for m in members:
        if m.claim.kind not in cfg.unclustered_kinds:
            blocks[G.block_tuple(m.claim, cfg)].append(m)
    clusters = {}
    for block, bmembers in blocks.items():
        reps = {}
        for a in fuzzy:
            values = sorted({cv for m in bmembers if (cv := canon_of(a, G._present(getattr(m.claim, a)))) is not None})
            reps[a] = matcher.components(values) if len(values) > 1 else {v: v for v in values}
        for m in bmembers:
            canon = []
            for a in attrs:
                raw = G.scope_value(m.claim, a)
                if a in fuzzy:
                    cv = canon_of(a, raw)
                    canon.append(None if cv is None else reps[a][cv])
                else:
                    canon.append(G.exact_form(raw))
            clusters.setdefault(block[:2] + tuple(canon), []).append(m)
    return clusters


def test_pre_join_keys_per_signature_are_those_per_member(monkeypatch):
    from gen_articles import generate

    cfg = reconcile_config(Settings())
    docs = [Document(id=f"g{i}", text=d["text"], date=d["date"]) for i, d in enumerate(generate(12, seed=515))]
    claims = _extract(docs, Settings())
    rnd = random.Random(9)
    respell = {"location": ["غزة", " غزة ", "قطاع غزة", "غزه", "رفح", "خان يونس", None],
               "group": ["all", "children", " children", "women", None],
               "period": ["superseded", "cumulative", "event", None]}
    members = []
    for n, c in enumerate(claims * 3):
        upd = {a: rnd.choice(v) for a, v in respell.items() if rnd.random() < 0.3}
        members.append(G.Member(n, c.model_copy(update=upd) if upd else c))
    rnd.shuffle(members)
    # the joins after the blocks are not what is compared here
    monkeypatch.setattr(G, "join_story_starts", lambda clusters, attrs, stats: clusters)
    monkeypatch.setattr(G, "_attach_open_scopes", lambda clusters, attrs, cfg, stats: clusters)
    got, singles = G.pre_join_clusters(members, cfg)
    want = _reference(members, cfg)
    assert len(want) > 20 and any(len(ms) > 3 for ms in want.values())
    assert list(got) == list(want)
    assert {k: [id(m) for m in ms] for k, ms in got.items()} == {k: [id(m) for m in ms] for k, ms in want.items()}
    assert all(m.pre == k for k, ms in got.items() for m in ms)
    assert len(singles) == sum(1 for m in members if m.claim.kind in cfg.unclustered_kinds)
