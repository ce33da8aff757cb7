"""Scoring against gold: the library must give score.py's figures on the same input."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.errors import InputError
from crosscheck.evaluate import evaluate, load_gold, scored_predictions
from crosscheck.models import Claim

SCORE_PY = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"
needs_score = pytest.mark.skipif(not SCORE_PY.is_file(), reason="../shared/eval/score.py not present")


def claim(doc, kind, value, qualifier="exact", surface="س", **kw) -> Claim:
    return Claim(doc=doc, kind=kind, value=value, qualifier=qualifier, start=0, end=len(surface),
                 surface=surface, **kw)


GOLD = [
    {"doc": "d1", "kind": "killed", "value": 33000, "qualifier": "more_than"},
    {"doc": "d1", "kind": "killed", "value": 33000, "qualifier": "more_than"},  # twice in gold
    {"doc": "d1", "kind": "injured", "value": 100000, "qualifier": "approx"},
    {"doc": "d1", "kind": "displaced", "value": 10, "qualifier": "at_least"},  # a range's low end
    {"doc": "d1", "kind": "displaced", "value": 20, "qualifier": "less_than"},  # and high end
    {"doc": "d2", "kind": "votes_for", "value": 14, "qualifier": "exact"},
    {"doc": "d2", "kind": "vetoes", "value": 3, "qualifier": "exact"},
    {"doc": "d2", "kind": "duration_days", "value": 42.0, "qualifier": "approx"},
]

PRED = [
    claim("d1", "killed", 33000.0, "more_than", "أكثر من 33 ألف"),  # float == int
    claim("d1", "injured", 100000, "exact", "مئة ألف جريح"),  # matched, qualifier differs
    claim("d1", "injured", 5, surface="خمسة جرحى"),  # spurious
    claim("d1", "displaced", 15, "range", "بين 10 و20 ألفا", low=10, high=20),  # two bounds
    claim("d1", "other", 7, surface="7 أكتوبر"),  # unscored kind
    claim("d1", "vote_position", "for", actor="US"),  # unscored kind, string value
    claim("d2", "votes_for", 14),
    claim("d2", "votes_for", 14),  # duplicate: one is spurious
    claim("d2", "duration_days", 42, "approx"),
    claim("d9", "killed", 1),  # a document the gold does not cover: ignored
]


def test_hand_computed_figures():
    r = evaluate(PRED, GOLD)
    # matched: killed 33000 (1 of 2), injured 100000, displaced 10 and 20, votes_for 14,
    # duration 42 -> 6.  spurious: injured 5, votes_for 14 (second) -> 2.
    # missed: killed 33000 (second), vetoes 3 -> 2.
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (6, 2, 2)
    assert r.precision == pytest.approx(6 / 8)
    assert r.recall == pytest.approx(6 / 8)
    assert (r.per_kind["displaced"].tp, r.per_kind["displaced"].fp) == (2, 0)
    assert (r.per_kind["votes_for"].tp, r.per_kind["votes_for"].fp) == (1, 1)
    assert "other" not in r.per_kind and "vote_position" not in r.per_kind
    assert {(m.doc, m.kind, m.value, m.count) for m in r.misses} == {
        ("d1", "killed", 33000, 1), ("d2", "vetoes", 3, 1)}
    spurious = {(s.doc, s.kind, s.value): s.surfaces for s in r.spurious}
    assert spurious == {("d1", "injured", 5): ["خمسة جرحى"], ("d2", "votes_for", 14): ["س"]}
    # qualifier: killed ok, injured no, displaced 10/20 ok (at_least/less_than), votes_for x2 ok,
    # duration ok -> 6 of 7
    assert (r.qualifier_agree, r.qualifier_total) == (6, 7)


def test_range_counts_as_two_bounds():
    pred = scored_predictions([claim("d", "killed", 15, "range", low=10, high=20)])
    assert [(p["value"], p["qualifier"]) for p in pred] == [(10, "at_least"), (20, "less_than")]


def test_accepts_plain_dicts():
    r = evaluate([{"doc": "d2", "kind": "vetoes", "value": "3", "qualifier": "exact"}], GOLD)
    assert r.per_kind["vetoes"].tp == 1


def _score_py_output(claims: list[Claim], gold: list[dict], tmp: Path) -> str:
    c, g = tmp / "claims.jsonl", tmp / "gold.jsonl"
    c.write_text("".join(x.model_dump_json() + "\n" for x in claims), encoding="utf-8")
    g.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in gold), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCORE_PY), "extract", str(c), str(g)],
                          capture_output=True, text=True, check=True)
    return done.stdout


@needs_score
def test_agrees_with_score_py_subprocess(tmp_path):
    out = _score_py_output(PRED, GOLD, tmp_path)
    r = evaluate(PRED, GOLD)
    m = re.search(r"extract precision=([\d.]+) recall=([\d.]+) f1=([\d.]+) tp=(\d+) fp=(\d+) fn=(\d+)", out)
    assert m, out
    assert float(m[1]) == pytest.approx(round(r.precision, 3))
    assert float(m[2]) == pytest.approx(round(r.recall, 3))
    assert float(m[3]) == pytest.approx(round(r.f1, 3))
    assert (int(m[4]), int(m[5]), int(m[6])) == (r.overall.tp, r.overall.fp, r.overall.fn)
    per_kind = {k: (int(t), int(f), int(n)) for k, t, f, n in
                re.findall(r"^\s+(\w+)\s+tp=\s*(\d+) fp=\s*(\d+) fn=\s*(\d+)$", out, re.M)}
    assert per_kind == {k: (s.tp, s.fp, s.fn) for k, s in r.per_kind.items()}
    q = re.search(r"qualifier agreement (\d+)/(\d+)", out)
    assert (int(q[1]), int(q[2])) == (r.qualifier_agree, r.qualifier_total)
    missed = set(re.findall(r"missed: (\S+) (\S+) (\S+)", out))
    assert missed == {(x.doc, x.kind, str(x.value)) for x in r.misses}
    spurious = set(re.findall(r"spurious: (\S+) (\S+) (\S+)", out))
    assert spurious == {(x.doc, x.kind, str(x.value)) for x in r.spurious}


def _load_score_module():
    spec = importlib.util.spec_from_file_location("shared_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_kind = st.sampled_from(["killed", "injured", "votes_for", "other"])
_doc = st.sampled_from(["a", "b", "c"])
_value = st.sampled_from([1, 2, 3, 2.0, 2.5, 1000])
_qual = st.sampled_from(["exact", "approx", "more_than"])


@st.composite
def _pred(draw):
    if draw(st.booleans()) and draw(st.booleans()):
        low = draw(_value)
        return claim(draw(_doc), draw(_kind), low, "range", low=low, high=low + draw(_value))
    return claim(draw(_doc), draw(_kind), draw(_value), draw(_qual))


_gold = st.fixed_dictionaries({"doc": st.sampled_from(["a", "b"]), "kind": _kind, "value": _value,
                               "qualifier": _qual})


@needs_score
@settings(max_examples=60, deadline=None)
@given(pred=st.lists(_pred(), max_size=12), gold=st.lists(_gold, min_size=1, max_size=10))
def test_agrees_with_score_py_on_random_input(tmp_path_factory, pred, gold):
    score = _load_score_module()
    tmp = tmp_path_factory.mktemp("score")
    c, g = tmp / "c.jsonl", tmp / "g.jsonl"
    c.write_text("".join(x.model_dump_json() + "\n" for x in pred), encoding="utf-8")
    g.write_text("".join(json.dumps(x) + "\n" for x in gold), encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()) as out:
        p, r, f1 = score.score_extract(str(c), str(g))
    mine = evaluate(pred, gold)
    assert (mine.precision, mine.recall, mine.f1) == pytest.approx((p, r, f1))
    q = re.search(r"qualifier agreement (\d+)/(\d+)", out.getvalue())
    assert (int(q[1]), int(q[2])) == (mine.qualifier_agree, mine.qualifier_total)


# --------------------------------------------------------------------------- gold file


def test_load_gold_ok(tmp_path):
    f = tmp_path / "g.jsonl"
    f.write_text('{"doc": "a", "kind": "killed", "value": 1}\n\n', encoding="utf-8")
    assert load_gold(f) == [{"doc": "a", "kind": "killed", "value": 1}]


@pytest.mark.parametrize("content, needle", [
    ('{"doc": "a", "kind": "killed"}\n', ":1: a gold claim needs"),
    ('{"doc": "a", "kind": "killed", "value": 1}\n{oops\n', ":2: bad JSON"),
    ("\n", "no claims"),
])
def test_load_gold_errors(tmp_path, content, needle):
    f = tmp_path / "g.jsonl"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(needle)):
        load_gold(f)


def test_load_gold_missing(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_gold(tmp_path / "none.jsonl")
