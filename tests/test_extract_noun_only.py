"""Rules that take only a figure with their counted noun (issue 11, session 38).

A kind rule with `accept_person_nouns`, `accept_bare` and `any_noun` all off never types a figure
whose counted noun it does not find (ordinals aside: they are typed by `ordinal_after` rules
only); unless some rule yields to its cue (`yield_to`, `yield_after`), looking for its cue is
wasted work.  `Compiled.noun_only` names those rules and `_best_kind` passes them over for such a
figure: "وارتفع عدد القتلى في غزة و5 قرى إلى 40 شخصا" no longer looks for killed_names' cue
("عدد القتلى") for the 40 people (long_clause: +7 % counted work when killed_names came).
"""

from __future__ import annotations

import random

from crosscheck.extract import extractor
from crosscheck.extract.extractor import compile_rules
from crosscheck.ruleset.loader import load_rules

from window_samples import claims_both_ways

_PEOPLE = ("شخصا", "قتيلا", "طفلا", "مدنيا", "اسما", "جريحا", "")
_OPENERS = ("وارتفع عدد القتلى في غزة إلى", "ونشرت قائمة الضحايا وفيها", "وبلغ عدد المفقودين", "وتضم قائمة المفقودين",
            "وأفرج عن", "وأسرت القوات", "واستمرت الهدنة", "وقتل")


def _rule_texts() -> list[str]:
    """Every kind rule's own example sentences (hit and miss) of the rules noun_only names."""
    rules = load_rules()
    comp = compile_rules(rules)
    out = []
    for r in rules.kinds:
        if r.id not in comp.noun_only or r.examples is None:
            continue
        out += [e.text for e in r.examples.hit] + list(r.examples.miss)
    return out


def _mixed(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "، ".join(f"{rng.choice(_OPENERS)} {rng.choice(('', 'نحو ', 'أكثر من '))}{rng.randint(2, 900)} "
                  f"{rng.choice(_PEOPLE)}".rstrip() for _ in range(rng.randint(1, 6)))
        for _ in range(n)
    ]


def test_noun_only_names_the_rules_that_need_their_noun_and_no_rule_yields_to():
    rules = load_rules()
    comp = compile_rules(rules)
    yielded = {x for r in rules.kinds for x in (*r.yield_to, *r.yield_after)}
    assert comp.noun_only  # (killed_names, missing_names, the lengths of time …)
    assert {"killed_names", "missing_names"} <= comp.noun_only
    for r in rules.kinds:
        needs_noun = not (r.accept_person_nouns or r.accept_bare or r.any_noun)
        assert (r.id in comp.noun_only) == (needs_noun and r.id not in yielded), r.id


def test_claims_are_the_same_with_every_rule_tried():
    texts = _rule_texts() + _mixed(120, 3)
    assert len(texts) > 150
    for text in texts:
        fast, plain = claims_both_ways(extractor, "_PASS_NOUN_ONLY", text)
        assert fast == plain, text


def test_a_person_figure_does_not_look_for_the_cue_of_a_rule_of_names(monkeypatch):
    """Counted: the figures of a clause of rising tolls ask _find_cue for killed_names (its cue
    "عدد القتلى" stands in the clause) only with the rule tried."""
    asked = {"killed_names": 0}
    real = extractor._find_cue

    def counting(ctx, comp, ck, *args, **kw):
        if ck.rule.id in asked:
            asked[ck.rule.id] += 1
        return real(ctx, comp, ck, *args, **kw)

    monkeypatch.setattr(extractor, "_find_cue", counting)
    text = " ".join(f"وارتفع عدد القتلى في غزة و{i % 50 + 3} قرى إلى {i * 37 % 5000 + 40} شخصا" for i in range(40))
    fast = [c.model_dump() for c in extractor.extract_text(text)]
    assert len(fast) >= 40 and asked["killed_names"] == 0, asked
    monkeypatch.setattr(extractor, "_PASS_NOUN_ONLY", False)
    plain = [c.model_dump() for c in extractor.extract_text(text)]
    assert plain == fast
    assert asked["killed_names"] >= 40, asked  # one look-up per figure without the pass
