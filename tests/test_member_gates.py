"""vote_positions.members_in passes over the word pairs and words that can name no voting
member (_member_gates): the same members found as reading every pair and word, on random
sentences of member names written with clitics, and far fewer readings of pairs (counted)."""

from __future__ import annotations

import random

from crosscheck.extract import vote_positions
from crosscheck.extract.context import DocContext
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules


def _member_names(rules) -> list[str]:
    ctx = DocContext(Document(id="w", text="قتل 3 أشخاص."), rules)
    return sorted(k for k, hit in ctx.gaz.lookup.items() if hit and hit[0].member)


def test_members_found_are_the_same_with_the_gates():
    rules = load_rules()
    names = _member_names(rules)
    assert any(" " in n for n in names) and any(" " not in n for n in names)
    fillers = "صوت لصالح القرار ضد وامتنعت عن التصويت مقابل مجلس الأمن الولايات المتحدة دولة".split()
    rng = random.Random(5)
    found = 0
    for _ in range(300):
        words = []
        for _ in range(rng.randint(1, 14)):
            if rng.random() < 0.45:
                words.append(rng.choice(("", "و", "ل", "لل", "ولل", "فلل", "ب", "وب")) + rng.choice(names))
            else:
                words.append(rng.choice(fillers))
        ctx = DocContext(Document(id="t", text=" ".join(words) + "."), rules)
        lo, hi = ctx.sentence_at(0)
        toks = ctx.tokens(lo, hi)
        for a, b in ((0, len(toks)), (1, max(1, len(toks) - 1))):
            gated = vote_positions.members_in(ctx, toks, a, b)
            vote_positions._MEMBER_GATES = False
            try:
                plain = vote_positions.members_in(ctx, toks, a, b)
            finally:
                vote_positions._MEMBER_GATES = True
            assert gated == plain, " ".join(words)
            found += len(plain)
    assert found > 300


def test_pairs_read_are_few(monkeypatch):
    rules = load_rules()
    text = " ".join(f"وصوت مجلس الأمن على مشروع القرار {1000 + i} بأغلبية {100 + i} صوتا مقابل {i % 5 + 1} أصوات "
                    f"وامتناع روسيا والصين عن التصويت، واستخدمت الولايات المتحدة الفيتو." for i in range(20))
    ctx = DocContext(Document(id="t", text=text), rules)
    lo, hi = ctx.sentence_at(0)
    toks = ctx.tokens(lo, hi)
    calls = [0]
    real = vote_positions._forms

    def counting(word):
        calls[0] += 1
        return real(word)

    monkeypatch.setattr(vote_positions, "_forms", counting)
    gated = vote_positions.members_in(ctx, toks, 0, len(toks))
    with_gates = calls[0]
    monkeypatch.setattr(vote_positions, "_MEMBER_GATES", False)
    calls[0] = 0
    assert vote_positions.members_in(ctx, toks, 0, len(toks)) == gated
    assert len(gated) >= 3
    assert with_gates * 4 < calls[0], (with_gates, calls[0])
