"""A cluster's claims built without re-validation (crosscheck.reconcile.cluster_claims) are the
validated ones: same fields, order, types, values, JSON and fields set, fresh lists and mentions;
claims validation would convert take the validated path."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Claim, ClusterClaim, Mention, ReportMention
from crosscheck.reconcile import cluster_claims
from crosscheck.reconcile.cluster_claims import cluster_claim
from crosscheck.ruleset.loader import load_rules
from crosscheck.text.documents import load_documents

ROOT = Path(__file__).resolve().parents[1]


def _validated(c, outlier, date, source_group) -> ClusterClaim:
    return ClusterClaim(**c.model_dump(), outlier=outlier, date=date, source_group=source_group)


def _shape(x):
    """A model's values with their exact types, nested (what equality of values would hide)."""
    if isinstance(x, (Claim, Mention)):
        return (type(x).__name__, [(k, _shape(v)) for k, v in x.__dict__.items()],
                sorted(x.__pydantic_fields_set__), x.__pydantic_extra__, x.__pydantic_private__)
    if isinstance(x, list):
        return ("list", [_shape(v) for v in x])
    return (type(x).__name__, x)


def _same(c, outlier=False, date="2024-05-01", source_group="g-1") -> ClusterClaim:
    fast = cluster_claim(c, outlier, date, source_group)
    want = _validated(c, outlier, date, source_group)
    assert _shape(fast) == _shape(want)
    assert fast.model_dump_json() == want.model_dump_json()
    assert fast == want
    # fresh containers: a report sets positions on the mentions, nothing is shared with `c`
    for name in ("inferred", "warnings", "place_path", "group_path", "combines", "mentions"):
        assert getattr(fast, name) is not getattr(c, name)
    for mine, theirs in zip(fast.mentions, c.mentions):
        assert mine is not theirs
    fast.mentions and setattr(fast.mentions[0], "position", "f:1:1")
    assert all(getattr(m, "position", None) is None for m in c.mentions)
    return fast


def _extracted() -> list[Claim]:
    rules = load_rules()
    paths = sorted((ROOT / "fixtures").glob("*.txt")) + sorted((ROOT / "tests" / "devset").glob("*.txt"))
    out = []
    for doc in load_documents([str(p) for p in paths]):
        out += extract(doc, rules)
    return out


def test_extracted_claims_take_the_fast_path_and_equal_the_validated(monkeypatch):
    plain = cluster_claims._plain
    taken = []
    monkeypatch.setattr(cluster_claims, "_plain", lambda c: taken.append(plain(c)) or taken[-1])
    claims = _extracted()
    assert len(claims) > 100 and any(len(c.mentions) > 1 for c in claims)
    for i, c in enumerate(claims):
        # a claim as the reconciler has it: dated, with paths
        c = c.model_copy(update={"as_of": "2024-05-0%d" % (1 + i % 9), "as_of_from": "metadata",
                                 "place_path": ["gaza", "palestine"][: i % 3], "basis": "count"})
        _same(c, outlier=bool(i % 2), date=None if i % 5 == 0 else "2024-05-01",
              source_group=None if i % 7 == 0 else f"g-{i}")
    # every one built without validation
    assert len(taken) == len(claims) and all(taken)


_ODD = [  # values a model_copy(update=...) can leave that validation converts or refuses
    {"low": 3},  # an int where a float is declared: validation gives 3.0
    {"high": 7, "low": 2},
    {"value": True},  # a bool in the union: kept a bool? validation says
    {"value": 5.0},
    {"value": "خمسة"},
    {"start": True},
    {"inferred": ("location",)},  # a tuple for a list
    {"warnings": ["bidi_override", 3]},
]


@pytest.mark.parametrize("update", _ODD)
def test_values_validation_would_convert_take_the_validated_path(update):
    base = Claim(doc="d", kind="killed", value=12, low=12.0, high=12.0, start=0, end=5, surface="12 قتيلا",
                 sentence="قتل 12 شخصا", mentions=[Mention(start=0, end=5, surface="12 قتيلا")])
    odd = base.model_copy(update=update)
    try:
        want = _validated(odd, False, None, None)
    except Exception:
        with pytest.raises(Exception):
            cluster_claim(odd, False, None, None)
        return
    got = cluster_claim(odd, False, None, None)
    assert _shape(got) == _shape(want)
    assert got.model_dump_json() == want.model_dump_json()


def test_a_cluster_claim_or_report_mention_given_takes_the_validated_path():
    c = Claim(doc="d", kind="killed", value=12, start=0, end=5, surface="12 قتيلا",
              mentions=[Mention(start=0, end=5, surface="12 قتيلا")])
    cc = _validated(c, True, "2024-01-01", "g")  # its dump holds `outlier`: refused alike
    with pytest.raises(TypeError):
        _validated(cc, False, None, None)
    with pytest.raises(TypeError):
        cluster_claim(cc, False, None, None)
    with_report = c.model_copy(update={"mentions": [ReportMention(start=0, end=5, surface="x", position="f:1:1")]})
    assert _shape(cluster_claim(with_report, False, None, None)) == _shape(_validated(with_report, False, None, None))


def test_random_claims_equal_the_validated():
    rnd = random.Random(18)
    kinds = ["killed", "injured", "votes_for", "vote_position"]
    for i in range(500):
        lo = rnd.choice([None, float(rnd.randint(0, 999)), rnd.random() * 100])
        hi = rnd.choice([None, lo, (lo or 0) + rnd.randint(1, 50)])
        value = rnd.choice([rnd.randint(0, 10 ** 6), rnd.random() * 1000, "in_favour"])
        c = Claim(doc=f"d{i}", kind=rnd.choice(kinds), value=value, low=lo, high=float(hi) if hi is not None else None,
                  low_open=rnd.random() < 0.3, high_open=rnd.random() < 0.3,
                  qualifier=rnd.choice(["exact", "approx", "more_than"]),
                  group=rnd.choice([None, "children"]), location=rnd.choice([None, "غزة"]),
                  start=i, end=i + 3, surface="٣٠٠", sentence=rnd.choice(["", "نص"]),
                  number_start=rnd.choice([None, i]), number_end=rnd.choice([None, i + 3]),
                  inferred=rnd.sample(["location", "period", "group"], rnd.randint(0, 2)),
                  mentions=[Mention(start=i + k, end=i + k + 1, surface="x", sentence=rnd.choice(["", "y"]))
                            for k in range(rnd.randint(0, 3))],
                  as_of=rnd.choice([None, "2024-02-02"]),
                  as_of_from=rnd.choice([None, "metadata", "text", "relative", "none"]),
                  basis=rnd.choice([None, "count", "estimate", "projection"]),
                  combines=rnd.choice([[], ["iran", "iraq"]]))
        _same(c, outlier=rnd.random() < 0.5, date=rnd.choice([None, "2024-03-03"]),
              source_group=rnd.choice([None, f"g{i}"]))


def test_a_claim_whose_fields_are_out_of_order_takes_the_validated_path():
    c = Claim(doc="d", kind="killed", value=12, start=0, end=5, surface="12 قتيلا")
    odd = Claim.__new__(Claim)
    values = dict(reversed(list(c.__dict__.items())))  # as model_construct with another order could leave
    object.__setattr__(odd, "__dict__", values)
    object.__setattr__(odd, "__pydantic_extra__", None)
    object.__setattr__(odd, "__pydantic_private__", None)
    object.__setattr__(odd, "__pydantic_fields_set__", set(values))
    assert not cluster_claims._plain(odd)
    assert _shape(cluster_claim(odd, False, None, None)) == _shape(_validated(odd, False, None, None))
