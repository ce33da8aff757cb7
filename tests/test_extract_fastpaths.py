"""Fast paths of the extractor's hot loops give the same answers as the plain definitions they
replace (the golden test pins the whole output; these pin each shortcut on random input)."""

from __future__ import annotations

import random

from crosscheck.extract.extractor import compile_rules
from crosscheck.ruleset.loader import load_rules
from crosscheck.text.lexicon import PhraseSet, SentenceIndex
from crosscheck.text.normalize import normalize
from crosscheck.text.tokens import tokenize, word_forms_between

from fuzz_inputs import random_text

_WORDS = ("قتل نحو أكثر من ما لا يقل عن لم ينف وأصيب الفيتو امتنعت القرار رقم شخصا طفلا، "
          "بينهم منهم في غزة. وفقا لوزارة الصحة أعلن الجيش عن مقتل جنديين و300 ألف").split(" ")


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        if rng.random() < 0.5:
            out.append(random_text(rng))
        else:
            out.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 60))))
    return [normalize(t).text for t in out]


def test_word_forms_between_is_the_union_of_token_forms():
    for text in _texts(300, 1):
        for a, b in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
            want: set[str] = set()
            for t in tokenize(text, a, b):
                want |= t.forms
            assert word_forms_between(text, a, b) == want, text


def _plain_nearest(ps: PhraseSet, toks, lo, hi, before, after, cross):
    """PhraseSet.nearest as first written: a look-up at every position of the window."""
    best = None
    for d in range(after):
        i = hi + d
        if i >= len(toks) or (not cross and toks[i].brk_before):
            break
        hit = ps.at(toks, i)
        if hit:
            best = (hit[0], i, d)
            break
    for d in range(before):
        j = lo - d
        if j <= 0 or (not cross and toks[j].brk_before):
            break
        hit = ps.ending_at(toks, j)
        if hit:
            if best is None or d < best[2]:
                best = (hit[0], hit[1], d)
            break
    return best


def test_phrase_set_nearest_skips_only_positions_without_a_phrase():
    rules = load_rules()
    comp = compile_rules(rules)
    sets = [comp.negation_particles, comp.negation_verbs, comp.all_cues, comp.range_open]
    sets += [k.events for k in comp.kinds if k.events]
    rng = random.Random(2)
    checked = 0
    for text in _texts(200, 3):
        toks = tokenize(text)
        if not toks:
            continue
        for _ in range(10):
            ps = rng.choice(sets)
            lo = rng.randrange(len(toks))
            hi = min(len(toks), lo + rng.randint(0, 2))
            before, after, cross = rng.randint(0, 12), rng.randint(0, 12), rng.random() < 0.5
            assert ps.nearest(toks, lo, hi, before, after, cross) == _plain_nearest(
                ps, toks, lo, hi, before, after, cross)
            checked += 1
    assert checked > 1000


def test_sentence_index_nearest_by_payload_equals_the_window_scan():
    comp = compile_rules(load_rules())
    payloads = sorted({p.payload for p in comp.tagged_cues.phrases})
    rng = random.Random(4)
    checked = hits = 0
    for text in _texts(200, 5):
        toks = tokenize(text)
        if not toks:
            continue
        scanned = SentenceIndex(comp.tagged_cues, toks)  # never reads every match: window scans
        indexed = SentenceIndex(comp.tagged_cues, toks)
        indexed.has(payloads[0])  # reads every match: nearest() then answers by payload lists
        assert indexed._all is not None and scanned._all is None
        for _ in range(10):
            lo = rng.randrange(len(toks))
            hi = min(len(toks), lo + rng.randint(0, 3))
            args = (lo, hi, rng.randint(0, 25), rng.randint(0, 8), rng.random() < 0.5, rng.choice(payloads))
            want = scanned.nearest(*args)
            assert scanned._all is None
            assert indexed.nearest(*args) == want
            checked += 1
            hits += want is not None
    assert checked > 1000 and hits > 50
