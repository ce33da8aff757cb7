"""A vote sentence's formulas and member lists find where their phrases may start from one index
of the sentence's forms (`lexicon.form_positions`), not by testing every token for every set
(issue 11: a paragraph of votes tested each of its tokens ~30 times).  The positions are the
ones the plain test gives; counted, never timed.  Sentences are our own."""

from __future__ import annotations

import random

from crosscheck.extract import formulas
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
    monkeypatch.setattr(formulas, "form_positions", forms_of)  # (member lists read it through formulas.sentence_forms)
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
    monkeypatch.setattr(formulas, "form_positions", forms_of)  # (member lists read it through formulas.sentence_forms)
    extract(Document(id="v", text=text))
    assert with_index == 0 < tested[0]


def _vote_text(n: int) -> str:
    return " ".join(
        f"وصوت مجلس الأمن على القرار {3000 + i} بأغلبية {10 + i % 5} صوتا مقابل صوت واحد وامتناع الصين "
        f"والهند عن التصويت. واعتمد مجلس الأمن القرار {4000 + i} بالإجماع. وقتل {i + 3} أشخاص في غزة." for i in range(n)
    )


def test_formulas_and_member_lists_in_one_pass_give_the_claims_of_two(monkeypatch):
    from pathlib import Path

    from crosscheck.extract import extractor

    root = Path(__file__).resolve().parents[1]
    texts = [_vote_text(30), _vote_text(3).replace(". ", "\n")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests" / "devset").rglob("*.txt"))][:60]
    for text in texts:
        one = [c.model_dump_json() for c in extract(Document(id="v", text=text))]
        monkeypatch.setattr(extractor, "_ONE_PASS_VOTE_SENTENCES", False)
        two = [c.model_dump_json() for c in extract(Document(id="v", text=text))]
        monkeypatch.setattr(extractor, "_ONE_PASS_VOTE_SENTENCES", True)
        assert one == two


def test_a_vote_sentence_is_tokenised_once_for_its_formulas_and_member_lists(monkeypatch):
    # counted: tokenisations asked by the two readers of a paragraph of 40 votes
    from counting_support import count_calls
    from crosscheck.extract import context, extractor

    made = count_calls(monkeypatch, context, "tokenize")
    text = _vote_text(40)
    counts = {}
    for one_pass in (True, False):
        monkeypatch.setattr(extractor, "_ONE_PASS_VOTE_SENTENCES", one_pass)
        ctx = extractor.DocContext(Document(id="v", text=text), extractor._default_rules())
        made[0] = 0
        said, named = extractor._vote_sentence_claims(ctx, ctx.rules, [])
        counts[one_pass] = made[0]
        assert len(said) == 40  # (no tally given: the member lists need one, the formulas do not)
    sentences = text.count("مجلس الأمن")
    assert counts[True] <= sentences < counts[False]
