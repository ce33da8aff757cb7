"""A run of digit groups read as pieces ("قتل 1.1.1.…1. شخصا", issue 11; session 43), COUNTED:
past its first characters a word of the run is read by its distinct groups, not group by group
(crosscheck.numbers.parser._kept_pieces), and a figure in a long token no longer normalises the
whole token again to ask whether it is the word "one" (extractor._waw_joined).  Same pieces and
same claims as the definitions."""

from __future__ import annotations

import random

import pytest

import crosscheck.extract.extractor as ex
from crosscheck.extract.extractor import extract_text
from crosscheck.numbers import parser
from crosscheck.text import normalize as nz
from counting_support import count_calls

_SEPS = [".", ".", ".", ",", "٫", "٬", "/", ":", "،"]


def _runs(seed: int, count: int) -> list[str]:
    """Digit runs of 1 to 900 groups: few distinct values or many, leading zeros ("01" is 1),
    groups inside longer ones ("1" and "21"), every separator (word ends among them), a trailing
    separator, a digit of another script."""
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        n = rnd.choice([1, 3, 12, 40, 200, 900])
        pool = [rnd.randrange(10 ** rnd.randint(1, 4)) for _ in range(rnd.choice([1, 2, 5, 80]))]
        groups = [str(rnd.choice(pool)).zfill(rnd.choice([1, 1, 1, 2])) for _ in range(n)]
        run = groups[0]
        for g in groups[1:]:
            run += rnd.choice(_SEPS) + g
        if rnd.random() < 0.2:
            run += rnd.choice(_SEPS)
        if rnd.random() < 0.1:
            run = "٣" + run
        out.append(run)
    return out


def test_kept_pieces_are_the_definitions():
    """The same pieces, in the same order, as the group-by-group definition, on 3,000 runs."""
    for run in _runs(43, 3000):
        assert list(parser._kept_pieces(run, None)) == list(parser._plain_kept_pieces(run)), run


def test_a_word_of_few_values_is_read_without_a_step_per_group(monkeypatch):
    """"1.1.1.…" of 100,000 groups: _plain_word is never asked, and the pieces are its first
    groups, the first of the value past them and the last one."""
    run = ".".join(["1"] * 100_000)
    plain = count_calls(monkeypatch, parser, "_plain_word")
    pieces = list(parser._kept_pieces(run, None))
    assert plain[0] == 0
    assert pieces == list(parser._plain_kept_pieces(run))
    assert len(pieces) == parser._DEEP // 2 + 2  # (every 2 characters a group before _DEEP)
    # many distinct values: group by group, as defined
    many = ".".join(str(k) for k in range(5_000))
    assert list(parser._kept_pieces(many, None)) == list(parser._plain_kept_pieces(many))
    assert plain[0] == 1


def test_same_claims_with_the_fast_pieces_off(monkeypatch):
    texts = ["قتل " + ".".join(str(k % m) for k in range(n)) + " شخصا" for n, m in ((300, 1), (300, 3), (90, 90))]
    texts += ["أصيب 1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.2 شخصا، وقتل 3"]
    fast = [[c.model_dump_json() for c in extract_text(t)] for t in texts]
    monkeypatch.setattr(parser, "_FAST_PIECES", False)
    assert [[c.model_dump_json() for c in extract_text(t)] for t in texts] == fast


@pytest.mark.parametrize("groups", [2_000, 8_000])
def test_a_long_token_is_not_normalised_again_for_each_figure(monkeypatch, groups):
    """The figures of "قتل 1.1.1.…1. شخصا" each ask whether their token is "one" after its
    noun: none normalises the whole token (the count stays the same whatever its length), and
    "ومواطن واحد" still reads "one" after its noun."""
    extract_text("قتل 3 أشخاص في غزة.")
    calls = count_calls(monkeypatch, nz, "normalized_text", weigh=lambda text: len(text))
    extract_text("قتل " + "1." * groups + " شخصا")
    assert calls[0] < 2_000
    assert any(c.value == 1 for c in extract_text("قتل 5 جنود ومواطن واحد في الهجوم"))


def test_one_after_its_noun_is_still_read(monkeypatch):
    """_waw_joined: a short token is still normalised and compared with the words for "one"."""
    monkeypatch.setattr(ex, "_ONE_WORD_CHARS", 10_000)
    wide = [c.model_dump_json() for c in extract_text("قتلت رهينة واحدة وأصيب جندي واحد، ومواطن واحد")]
    monkeypatch.setattr(ex, "_ONE_WORD_CHARS", 32)
    assert [c.model_dump_json() for c in extract_text("قتلت رهينة واحدة وأصيب جندي واحد، ومواطن واحد")] == wide
