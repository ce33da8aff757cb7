"""The formulas and member lists of a vote sentence are asked only where one of their phrases'
first words stands (`PhraseSet.start_index` / `SetsByFirstWord.may_start`); the others' `starts_in`
is empty, so passing them over gives the same claims (session 36, harden)."""

from __future__ import annotations

import random

from crosscheck.extract import formulas, member_counts
from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules
from crosscheck.text import lexicon
from crosscheck.text.lexicon import PhraseSet, form_positions, forms_of
from crosscheck.text.tokens import tokenize


def _sets():
    rules = load_rules()
    return [it[2] for it in formulas._compiled(rules).items], [it[2] for it in member_counts._compiled(rules).items]


def _words(sets) -> list[str]:
    out = []
    for s in sets:
        for p in s.phrases:
            out += [w.text for w in p.words if not w.gap]
    return sorted(set(out))


def test_may_start_is_the_sets_that_can_start():
    rnd = random.Random(3601)
    for sets in _sets():
        index = PhraseSet.start_index(sets)
        words = _words(sets) + ["مجلس", "الأمن", "و", "15", "دول", "قتل", "في"]
        picked = 0
        for _ in range(300):
            text = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 12)))
            toks = tokenize(text, 0, len(text))
            for forms in (form_positions(toks), forms_of(toks)):
                want = [k for k, s in enumerate(sets) if list(s.starts_in(toks, forms))]
                got = list(index.may_start(forms))
                assert got == sorted(got)
                assert set(want) <= set(got)
                # a set passed over starts nowhere; one asked has a first word (or a loose one) here
                for k in got:
                    assert sets[k]._first_loose or not sets[k]._first_keys.isdisjoint(forms)
                picked += len(got)
        assert 0 < picked < 300 * 2 * len(sets)  # it passes sets over, and keeps some


def _votes(n: int) -> str:
    return " ".join(
        f"وصوت مجلس الأمن على مشروع القرار {1000 + i} بأغلبية {100 + i % 90} صوتا مقابل {i % 20 + 1} أصوات "
        f"وامتناع الصين والهند عن التصويت، بينما رفضت {i % 7 + 2} دول مشروعا آخر. واعتمد مجلس الأمن "
        f"القرار {4000 + i} بالإجماع. ومر القرار دون معارضة." for i in range(n)
    )


def test_the_same_claims_with_every_set_asked(monkeypatch):
    text = _votes(30)
    by_first = [c.model_dump_json() for c in extract(Document(id="v", text=text))]
    monkeypatch.setattr(formulas, "_BY_FIRST_WORD", False)
    every = [c.model_dump_json() for c in extract(Document(id="v", text=text))]
    assert by_first == every
    assert sum('"surface":"بالإجماع"' in c for c in every) == 30
    assert sum('"surface":"وامتناع الصين والهند"' in c for c in every) == 30


def test_fewer_sets_asked_per_vote_sentence(monkeypatch):
    # counted: starts_in calls of the formulas' and member lists' phrase sets for a paragraph of votes
    asked = [0]
    plain = PhraseSet.starts_in
    ours = {id(s) for sets in _sets() for s in sets}

    def counting(self, tokens, forms=None):
        if id(self) in ours:
            asked[0] += 1
        return plain(self, tokens, forms)

    monkeypatch.setattr(lexicon.PhraseSet, "starts_in", counting)
    text = _votes(20)
    extract(Document(id="v", text=text))
    by_first = asked[0]
    asked[0] = 0
    monkeypatch.setattr(formulas, "_BY_FIRST_WORD", False)
    extract(Document(id="v", text=text))
    assert 0 < by_first * 3 < asked[0]
