"""Formulas and member lists of a vote sentence are read as the claim loop leaves the sentence,
while its tokens are the loop's (issue 11: a vote sentence was tokenised by the vote positions,
the claim loop and again after the loop for its formulas and member lists).  The claims are the
ones read after the loop, in the same order; tokenisations counted, never timed.  Sentences are
our own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from counting_support import count_calls
from crosscheck.extract import context, extractor
from crosscheck.extract.extractor import extract
from crosscheck.models import Document

ROOT = Path(__file__).resolve().parents[1]


def _vote_text(n: int, sep: str = " ") -> str:
    return sep.join(
        f"وصوت مجلس الأمن على القرار {3000 + i} بأغلبية {10 + i % 5} صوتا مقابل صوت واحد وامتناع الصين "
        f"والهند عن التصويت. واعتمد مجلس الأمن القرار {4000 + i} بالإجماع. وقتل {i + 3} أشخاص في غزة. "
        f"ومر القرار {5000 + i} دون معارضة بتأييد {12 + i % 3} عضوا." for i in range(n)
    )


def _texts() -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_pathological as bp

    texts = [_vote_text(120), _vote_text(4, "\n"), _vote_text(2)]  # (120 votes: past the merger's queue bound)
    texts += bp.make("dense_votes", 40_000) + bp.make("single_line", 40_000)
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "devset").rglob("*.txt"))][:80]
    return texts


def test_read_in_the_loop_gives_the_claims_read_after_it(monkeypatch):
    formulas = members = 0
    for text in _texts():
        monkeypatch.setattr(extractor, "_VOTE_SENTENCES_IN_LOOP", True)
        inside = [c.model_dump_json() for c in extract(Document(id="v", text=text))]
        monkeypatch.setattr(extractor, "_VOTE_SENTENCES_IN_LOOP", False)
        after = [c.model_dump_json() for c in extract(Document(id="v", text=text))]
        assert inside == after
        formulas += sum('"surface":"بالإجماع"' in c or '"surface":"دون معارضة"' in c for c in after)
        members += sum('"surface":"وامتناع الصين والهند"' in c for c in after)
    assert formulas >= 2 * 120 and members >= 120  # (the comparison covers both readers)


@pytest.mark.parametrize("votes", [40, 160])
def test_a_vote_sentence_is_not_tokenised_again_for_its_formulas_and_member_lists(monkeypatch, votes):
    # counted: tokenisations of a whole extraction of one paragraph of votes, read in the loop
    # and after it; the sentences the formulas and member lists read hold a figure, so the
    # loop has them tokenised already
    made = count_calls(monkeypatch, context, "tokenize")
    text = _vote_text(votes)
    counts = {}
    for inside in (True, False):
        monkeypatch.setattr(extractor, "_VOTE_SENTENCES_IN_LOOP", inside)
        made[0] = 0
        extract(Document(id="v", text=text))
        counts[inside] = made[0]
    sentences = 4 * votes  # (each holds a figure; one of each vote's names a vote position's trigger)
    # after the loop the formulas and member lists tokenise again most sentences they read
    # (all but the few still cached); in the loop none
    assert counts[False] - counts[True] >= 2 * votes
    # in the loop: every sentence once, and a position's sentence once more where the loop no
    # longer had it (the positions' pass reads the whole text first)
    assert counts[True] <= sentences + votes


def test_a_vote_sentence_is_asked_each_phrase_list_once(monkeypatch):
    # counted: the formulas and member lists of a sentence ask whether it names a body once per
    # rule; with the memo once per sentence and list; the claims are those of asking every time
    from collections import Counter

    from crosscheck.extract import formulas, member_counts

    asked: Counter = Counter()
    plain = formulas._in_sentence

    def counting(toks, phrases, forms=None):
        asked[(toks[0].nstart, len(toks), tuple(phrases))] += 1
        return plain(toks, phrases, forms)

    monkeypatch.setattr(formulas, "_in_sentence", counting)
    text = _vote_text(30)
    claims = {}
    for once in (True, False):
        monkeypatch.setattr(formulas, "_HOLDS_ONCE", once)
        asked.clear()
        claims[once] = [c.model_dump_json() for c in extract(Document(id="v", text=text))]
        if once:
            assert max(asked.values()) == 1 and len(asked) >= 2 * 30
        else:
            assert max(asked.values()) >= 3 and sum(asked.values()) >= 2 * len(asked)
    assert claims[True] == claims[False]
    assert member_counts._holds is formulas._holds
