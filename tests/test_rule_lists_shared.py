"""A sentence's rule lists (extractor._applicable, _cue_kinds_of, _kinds_for) kept by its
document per signature (extractor._RULE_LISTS_BY_SIGNATURE): the lists are a function of the
signature, the claims are the same without it, and a paragraph of short vote sentences makes
its lists once, not once per sentence (work counted, never timed)."""

from __future__ import annotations

import random
from pathlib import Path

from crosscheck.extract import extractor
from crosscheck.extract.context import DocContext
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules

from counting_support import count_calls
from fuzz_inputs import random_text

_DEV = Path(__file__).parent / "devset"


def _vote_sentence(i: int, rng: random.Random | None = None) -> str:
    body = ("الجمعية العامة", "مجلس الأمن", "مجلس حقوق الإنسان")[i % 3]
    s = (f"وصوت {body} على مشروع القرار {1000 + i} بأغلبية {100 + i % 40} صوتا مقابل {i % 7 + 1} أصوات "
         f"وامتناع {i % 5 + 2} دول عن التصويت، بينما رفضت {i % 4 + 2} دول مشروعا آخر.")
    if rng is not None and rng.random() < 0.4:
        s += " " + random_text(rng, 8) + "."
    return s


def _paragraph(n: int, rng: random.Random | None = None) -> str:
    return " ".join(_vote_sentence(i, rng) for i in range(n))


def _claims(text: str, shared: bool) -> list[dict]:
    old = extractor._RULE_LISTS_BY_SIGNATURE
    extractor._RULE_LISTS_BY_SIGNATURE = shared
    try:
        return [c.model_dump() for c in extractor.extract_text(text)]
    finally:
        extractor._RULE_LISTS_BY_SIGNATURE = old


def test_claims_are_the_same_with_the_lists_shared():
    rng = random.Random(33)
    texts = [_paragraph(40), _paragraph(30, rng)]
    texts += [" ".join(random_text(rng, 12) + "." for _ in range(rng.randint(2, 12))) for _ in range(60)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(_DEV.glob("*.txt"))]
    moved = 0
    for text in texts:
        shared, plain = _claims(text, True), _claims(text, False)
        assert shared == plain, text[:200]
        moved += len(shared)
    assert moved > 300


def _num(value: float, digits: bool, form: str = "cardinal"):
    return extractor._Num(0, 1, value, value, value, form, digits, 0, 1)


def test_a_sentences_rule_list_is_a_function_of_its_signature():
    """_every_rule of every sentence (comp.kinds and the sentence's cue kinds, figures of several
    classes) is the same for all sentences of one signature (_rule_signature), sentences made of
    the rules' own words so that their tests vary."""
    rules = load_rules()
    comp = extractor.compile_rules(rules)
    rng = random.Random(7)
    # a few of the rules' words and cue words, so that sentences often show the same and often not
    words = rng.sample(sorted(extractor._rule_words(comp)), 10) + "قتل أصيب صوت امتنعت الفيتو بأغلبية".split()
    sentences = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) + f" {rng.randint(2, 900)} شخصا."
                 for _ in range(400)]
    text = " ".join(sentences)
    ctx = DocContext(Document(id="t", text=text), rules)
    figures = [_num(3, True), _num(1, False), _num(2.5, True, "decimal"), _num(17, True, "ordinal"), _num(1500, True)]
    by_signature: dict = {}
    pos = 0
    groups = 0
    while pos < len(ctx.text):
        lo, hi = ctx.sentence_at(pos)
        pos = hi + 1
        toks = ctx.tokens(lo, hi)
        if not toks:
            continue
        index = ctx.cue_index(comp.tagged_cues, toks)
        sig = extractor._rule_signature(ctx, comp, toks, index)
        cue_kinds = extractor._cue_kinds(comp, index)
        got = [
            [(ck.rule.id, j, c, e is not None, b is not None, r is not None)
             for ck, j, c, e, b, r in extractor._every_rule(ctx, comp, toks, index, kinds, n, n.form == "ordinal")]
            for kinds in (comp.kinds, cue_kinds) for n in figures
        ] + [[ck.rule.id for ck in cue_kinds]]
        seen = by_signature.setdefault(sig, got)
        if seen is not got:
            groups += 1
            assert seen == got, sig
    assert groups > 20 and len(by_signature) > 20  # several sentences share a signature, many differ


def test_a_paragraph_of_votes_makes_its_rule_lists_once(monkeypatch):
    """60 and 120 short vote sentences in one paragraph: _every_rule runs a bounded number of
    times (the same for both), not once per sentence and class of figure as without sharing."""
    calls = count_calls(monkeypatch, extractor, "_every_rule")
    counts = {}
    for shared in (True, False):
        for n in (60, 120):
            calls[0] = 0
            _claims(_paragraph(n), shared)
            counts[shared, n] = calls[0]
    assert counts[True, 60] == counts[True, 120] < 40, counts
    assert counts[False, 120] > counts[False, 60] >= 120, counts
