"""A vote sentence's formulas and member lists find where their phrases may start from one index
of the sentence's forms (`lexicon.form_positions`), not by testing every token for every set
(issue 11: a paragraph of votes tested each of its tokens ~30 times).  The positions are the
ones the plain test gives; counted, never timed.  Sentences are our own."""

from __future__ import annotations

import random

from crosscheck.extract import formulas, member_counts
from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.text import lexicon
from crosscheck.text.lexicon import FormPositions, PhraseSet, form_positions, forms_of
from crosscheck.text.tokens import tokenize

_WORDS = ["صوت", "وصوت", "مجلس", "الأمن", "بأغلبية", "مقابل", "وامتناع", "عن", "التصويت", "دول", "بالإجماع",
          "الصين", "وروسيا", "والهند", "امتنعت", "ضد", "القرار", "12", "و3", "أصوات", "عضوا", "لصالح"]
_PHRASES = ["وامتناع …", "صوت لصالح", "بالإجماع", "امتنعت كل من", "ضد القرار", "مجلس الأمن", "عن التصويت",
            "بأغلبية", "الصين", "دول", "لصالح"]


def test_starts_read_from_the_index_are_those_of_testing_every_token():
    rng = random.Random(11)
    for _ in range(300):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 40)))
        toks = tokenize(text, 0, len(text))
        index = form_positions(toks)
        assert index == forms_of(toks) and isinstance(index, FormPositions)
        for _ in range(4):
            ps = PhraseSet.of(rng.sample(_PHRASES, rng.randint(1, 5)))
            assert list(ps.starts_in(toks, index)) == list(ps.starts_in(toks, forms_of(toks))) \
                == list(ps.starts_in(toks))
            assert ps.occurs_in(toks, index) == ps.occurs_in(toks)


class _NoScan(list):
    """A token list that refuses to be read token by token (the index must answer)."""

    def __iter__(self):
        raise AssertionError("every token tested")


def test_a_set_asked_with_the_index_tests_no_token():
    text = "وصوت مجلس الأمن بأغلبية 12 صوتا مقابل 3 أصوات وامتناع الصين وروسيا عن التصويت"
    toks = tokenize(text, 0, len(text))
    index = form_positions(toks)
    ps = PhraseSet.of(["وامتناع …", "عن التصويت", "مجلس الأمن"])
    assert list(ps.starts_in(_NoScan(toks), index)) == list(ps.starts_in(toks)) != []


def test_vote_sentences_give_the_same_claims_with_and_without_the_index(monkeypatch):
    text = " ".join(
        f"وصوت مجلس الأمن على القرار {3000 + i} بأغلبية {10 + i % 5} صوتا مقابل صوت واحد وامتناع الصين "
        f"والهند عن التصويت. واعتمد مجلس الأمن القرار {4000 + i} بالإجماع." for i in range(25)
    )
    with_index = [c.model_dump_json() for c in extract(Document(id="v", text=text))]
    monkeypatch.setattr(formulas, "form_positions", forms_of)
    monkeypatch.setattr(member_counts, "form_positions", forms_of)
    plain = [c.model_dump_json() for c in extract(Document(id="v", text=text))]
    assert with_index == plain
    # a member list ("وامتناع الصين والهند": 2) and a formula ("بالإجماع": 15) every time
    assert sum('"surface":"وامتناع الصين والهند"' in c for c in plain) == 25
    assert sum('"surface":"بالإجماع"' in c for c in plain) == 25


def test_the_index_reads_the_tokens_once_however_many_sets_ask(monkeypatch):
    # counted: tokens tested by starts_in's plain scan, for every formula and member list of a
    # paragraph of votes (the base tested each token of a vote sentence once per set)
    tested = [0]
    plain_starts = PhraseSet.starts_in

    def counting(self, tokens, forms=None):
        if type(forms) is not FormPositions and not self._first_loose and (forms is None or not self._first_keys.isdisjoint(forms)):
            tested[0] += len(tokens)
        return plain_starts(self, tokens, forms)

    monkeypatch.setattr(lexicon.PhraseSet, "starts_in", counting)
    text = " ".join(f"وصوت مجلس الأمن بأغلبية {10 + i % 5} أعضاء وامتناع الصين والهند عن التصويت." for i in range(20))
    extract(Document(id="v", text=text))
    with_index = tested[0]
    tested[0] = 0
    monkeypatch.setattr(formulas, "form_positions", forms_of)
    monkeypatch.setattr(member_counts, "form_positions", forms_of)
    extract(Document(id="v", text=text))
    assert with_index == 0 < tested[0]
