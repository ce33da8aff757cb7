"""Rule models read as plain attributes in extraction (session 46, perf): every pydantic model
class has `BaseModel.__getattr__`, so CPython reads its instances' attributes through the slow
hook (slot_tp_getattr_hook) and the interpreter cannot specialise the read; a dense figure read
~100 fields of its kind rules.  The compiled kind rules, formulas, member lists and the scope
rules are kept as `crosscheck.util.plain` copies: the same field values (the same objects),
read fast.  Counted, never timed: attribute reads that reach a rule model's hook while a dense
vote paragraph and a long clause are extracted."""

from __future__ import annotations

from collections import Counter

import pytest
from pydantic import BaseModel

from crosscheck.extract import extractor
from crosscheck.extract.extractor import compile_rules, extract_text
from crosscheck.models import Claim
from crosscheck.ruleset.loader import Formula, KindRule, MemberList, ScopeRules
from crosscheck.util.plain import Plain, plain, plain_of

_BODIES = ("الجمعية العامة", "مجلس الأمن", "مجلس حقوق الإنسان")


def _votes(n: int) -> str:
    return " ".join(
        f"وصوت {_BODIES[i % 3]} على مشروع القرار {1000 + i} بأغلبية {100 + i % 90} صوتا مقابل {i % 20 + 1} "
        f"أصوات وامتناع {i % 30 + 2} دول عن التصويت، بينما رفضت {i % 7 + 2} دول مشروعا آخر."
        for i in range(n)
    )


def _long_clause(n: int) -> str:
    places = ("غزة", "حلب", "جنين", "رفح")
    return "وقالت الوزارة " + " ".join(
        f"وارتفع عدد القتلى في {places[i % 4]} و{i % 7 + 2} قرى إلى {40 + i} شخصا" for i in range(n)
    )


def _rules():
    return extractor._default_rules()


def test_plain_copy_holds_the_same_values():
    rules = _rules()
    models = [rules.scope, *rules.kinds]
    models += [f for r in rules.kinds for f in r.formulas] + [m for r in rules.kinds for m in r.member_lists]
    assert len(models) > 50
    for m in models:
        p = plain_of(m)
        assert p is plain_of(m)  # one copy per model
        for name in type(m).model_fields:
            assert getattr(p, name) is getattr(m, name), (type(m).__name__, name)
        assert set(vars(p)) == set(type(m).model_fields)


def test_compiled_rules_hold_plain_copies():
    comp = compile_rules(_rules())
    assert all(type(ck.rule) is Plain for ck in comp.kinds)
    assert all(ck.rule is plain_of(m) for ck, m in zip(comp.kinds, sorted(_rules().kinds, key=lambda r: -r.priority)))


def test_plain_refuses_models_that_change():
    with pytest.raises(TypeError):
        plain(Claim(doc="d", kind="killed", value=1, low=1.0, high=1.0, qualifier="exact", start=0, end=1,
                    surface="1", sentence="1", rule="r"))


@pytest.mark.parametrize("text", [_votes(40), _long_clause(60)], ids=["dense_votes", "long_clause"])
def test_rule_models_not_read_through_their_hook(monkeypatch, text):
    """Extracting a dense text reads no field of a kind rule, formula or member list through the
    model, and the scope rules' at most twice a document, not per figure (before: ~110 reads a
    figure on dense_votes)."""
    extract_text(text)  # (warm: the compiled rules and their copies made)
    seen: Counter = Counter()
    real = object.__getattribute__

    def counted(self, name):
        seen[type(self).__name__] += 1
        return real(self, name)

    monkeypatch.setattr(BaseModel, "__getattribute__", counted, raising=False)
    claims = extract_text(text)
    monkeypatch.undo()
    assert len(claims) > 30
    for cls in (KindRule, Formula, MemberList):
        assert seen[cls.__name__] == 0, (cls.__name__, seen)
    assert seen[ScopeRules.__name__] <= 2, seen  # (ScopeLexicon's, once a document)
    assert seen["Claim"] > 0  # (the counting works: claims are still models)


def _shape_by_attributes(c):
    shape = c.qualifier if c.qualifier in ("range", "vague") else "point"
    return (c.kind, c.value, c.high if shape == "range" else None, shape, c.actor)


def test_merger_reads_claim_fields_as_the_model_gives_them():
    """The mention merger and the claim loop read a claim's fields from its __dict__ (without
    the model's hook): the same values as its attributes, for the claims of every fixture and
    of dense text (ranges, vague figures, actors, votes)."""
    from pathlib import Path

    from crosscheck.extract import mentions

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("*.txt"))]
    texts += [_votes(10), _long_clause(10), "قتل بين 10 و20 شخصا وأصيب عشرات آخرون، وفقد نحو 30"]
    n = 0
    for t in texts:
        for c in extract_text(t):
            n += 1
            assert mentions._shape(c) == _shape_by_attributes(c)
            assert mentions._key(c) == (_shape_by_attributes(c), c.event, c.group, c.location, c.period)
            m = mentions.mention_of(c)
            assert (m.start, m.end, m.surface, m.sentence, m.field) == (c.start, c.end, c.surface, c.sentence, c.field)
    assert n > 80


def test_same_claims_with_the_rule_models(monkeypatch):
    """The claims of the fixtures and of dense text are those made with the kind rules read
    from the models themselves (_PLAIN_RULES off: the hook back on every read)."""
    from pathlib import Path

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("*.txt"))]
    texts += [_votes(12), _long_clause(12)]
    fast = [[c.model_dump_json() for c in extract_text(t)] for t in texts]
    monkeypatch.setattr(extractor, "_PLAIN_RULES", False)
    models = extractor.compile_rules.__wrapped__(_rules())
    assert not any(type(ck.rule) is Plain for ck in models.kinds)
    calls: list[int] = []
    monkeypatch.setattr(extractor, "compile_rules", lambda rules: calls.append(1) or models)
    slow = [[c.model_dump_json() for c in extract_text(t)] for t in texts]
    assert len(calls) == len(texts)
    assert fast == slow
    assert sum(map(len, fast)) > 80
