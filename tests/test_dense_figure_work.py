"""Per-figure work on dense text (issue 11, session 26), COUNTED, never timed: phrase trials
ending at a figure's edge filtered by the word before, each shortcut checked against its plain
definition (same answers, same claims) and its work bounded and flat in the input's size."""

from __future__ import annotations

import random

from crosscheck.extract.extractor import extract_text
from crosscheck.text import lexicon as lx
from crosscheck.text.lexicon import Phrase, PhraseSet
from crosscheck.text.normalize import normalize
from crosscheck.text.tokens import tokenize
from counting_support import count_calls
from fuzz_inputs import random_text
from window_samples import phrase_texts

_VERBS = ("وسقط", "وأصيب", "وقتل", "وفقد", "ونزح", "وأفرج عن")
_KINDS = ("قتيلا", "جريحا", "مفقودا", "نازحا", "أسيرا", "شخصا", "طفلا", "امرأة")
_HEDGES = ("", "نحو ", "أكثر من ", "قرابة ", "ما لا يقل عن ", "ما يزيد عن ")
_PLACES = ("غزة", "خان يونس", "رفح", "حلب")


def _dense(n: int) -> str:
    """One sentence of n figures (verbs, hedges, kinds, places), no full stop."""
    return "قالت مصادر " + " ".join(
        f"{_VERBS[i % 6]} {_HEDGES[i % 6]}{(i * 37) % 5000 + 2} {_KINDS[i % 8]} في {_PLACES[i % 4]}"
        + ("،" if i % 3 == 0 else "") for i in range(n)
    )


def _own_texts() -> list[str]:
    """Hedges and cues ending at a figure, stacked, after a filler, at a sentence's start
    (written for these tests)."""
    return [
        "قتل ما لا يقل عن 40 شخصا، وأصيب ما يزيد عن 70 آخرين في القصف",
        "أفرج عن 24 محتجزا، بعد أن كانت الحكومة قد تحدثت عن 30 محتجزا",
        "نحو 12 قتيلا و أكثر من نحو 30 جريحا، وما يقارب عن مائة ألف نازح",
        "عن 5 أشخاص قالت المصادر إنهم قتلوا، ولم يزد عن 9 عدد المفقودين",
        "ارتفع عدد القتلى إلى 77 شخصا، وقد يصل إلى 100 وفق التقديرات",
    ]


def _plain_ending_at(ps: PhraseSet, toks, j: int, floor: int = 0):
    """PhraseSet.ending_at as first written: every candidate ending at token j-1 tried."""
    if j <= 0 or j > len(toks):
        return None
    for p in ps._candidates(ps._last, ps._last_loose, toks[j - 1]):
        start = p.match_ending_at(toks, j, floor)
        if start >= 0:
            return p, start
    return None


def test_ending_at_tries_only_phrases_whose_word_before_the_last_is_there(monkeypatch):
    """PhraseSet.ending_at keeps, of the phrases whose last word the token has, those whose
    word before the last (not a gap) the token before has: the same answer as trying every
    candidate, for every phrase set the rules compile, at every position of texts made of the
    phrases' own words (gaps filled), of random texts and of our own sentences."""
    sets, texts = phrase_texts(2601, 60, 30, 2, 0.5, 3, ["", "", "", "،"], min_phrases=4)
    rng = random.Random(2602)
    texts += [random_text(rng) for _ in range(40)] + _own_texts() + [_dense(40)]
    toks_of = [tokenize(normalize(t).text) for t in texts]
    filtered = asked = 0
    for ps in sets:
        ps._end_pair_cache.clear()
        for toks in toks_of:
            for j in range(len(toks) + 1):
                assert ps.ending_at(toks, j) == _plain_ending_at(ps, toks, j), (ps.phrases[:3], j)
                asked += 1
        filtered += sum(len(v) < len(ps._last_cache[k[0]]) for k, v in ps._end_pair_cache.items())
    assert filtered > 30 and asked > 20_000, (filtered, asked)  # (pairs that left phrases out)


def test_ending_at_keeps_gaps_and_one_word_phrases():
    """A phrase of one word, one ending in a gap, or one with a gap before its last word is
    never left out by the word before (the gap may swallow it); a fixed phrase is, unless the
    word before is its own."""
    ps = PhraseSet([Phrase.parse(s) for s in ("عن", "ما لا يقل عن", "ما يزيد عن", "تحدث … عن", "لا يقل عن")])
    toks = tokenize(normalize("أفرج عن").text)
    kept = {p.source for p in ps._end_pair_candidates(ps._candidates(ps._last, ps._last_loose, toks[1]), toks[1], toks[0])}
    assert kept == {"عن", "تحدث … عن"}
    toks = tokenize(normalize("قال إنه لا يقل عن").text)
    kept = {p.source for p in ps._end_pair_candidates(ps._candidates(ps._last, ps._last_loose, toks[-1]), toks[-1], toks[-2])}
    assert kept == {"عن", "تحدث … عن", "ما لا يقل عن", "لا يقل عن"}
    assert ps.ending_at(toks, len(toks))[0].source == "لا يقل عن"  # (the longest that matches: "ما" is not there)
    # at the first token there is no word before: only what can stand alone there
    one = tokenize(normalize("عن").text)
    kept = {p.source for p in ps._end_pair_candidates(ps._candidates(ps._last, ps._last_loose, one[0]), one[0], None)}
    assert kept == {"عن", "تحدث … عن"}


def test_same_claims_with_and_without_end_pairs(monkeypatch):
    """The claims of dense sentences, random texts and our own sentences are the same with the
    filter off."""
    rng = random.Random(2603)
    for text in [_dense(60)] + [random_text(rng) for _ in range(40)] + _own_texts():
        on = [c.model_dump() for c in extract_text(text)]
        monkeypatch.setattr(lx, "_END_PAIRS", False)
        off = [c.model_dump() for c in extract_text(text)]
        monkeypatch.setattr(lx, "_END_PAIRS", True)
        assert on == off, text


def test_phrase_trials_ending_at_a_figure_are_bounded_and_flat(monkeypatch):
    """Phrase.match_ending_at calls per figure of a dense sentence (hedges and cues ending at
    the figure's edge): bounded, the same at 4x the text, and fewer than half of those made
    with the filter off (it was ~3.7 a figure there: every hedge ending in "عن" tried after
    every verb)."""
    extract_text("قتل 3 أشخاص في غزة.")
    counter = count_calls(monkeypatch, Phrase, "match_ending_at")

    def per_figure(n: int) -> float:
        counter[0] = 0
        extract_text(_dense(n))
        return counter[0] / n

    small, large = per_figure(150), per_figure(600)
    monkeypatch.setattr(lx, "_END_PAIRS", False)
    plain = per_figure(150)
    monkeypatch.setattr(lx, "_END_PAIRS", True)
    assert large <= small * 1.1 + 0.1, (small, large)
    assert small < 2.5 and small < plain / 2, (small, plain)


# --------------------------------------------------------------------------- gapped phrases in a scan


def _clause(n: int) -> str:
    """One clause of n rising tolls, no comma, no full stop (words that start gapped cues:
    "عدد … المختطفين", "الى … مستشفيات", whose last words it never holds)."""
    places = ("غزة", "خان يونس", "رفح", "حلب")
    return " ".join(f"وارتفع عدد القتلى في {places[i % 4]} و{i % 50 + 3} قرى إلى {(i * 37) % 5000 + 40} شخصا"
                    for i in range(n))


def test_a_scan_tries_a_gapped_phrase_only_where_the_tokens_hold_its_words(monkeypatch):
    """SentenceIndex.matches passes over a phrase with a gap when a plain word of it stands
    nowhere in the token list: the same matches as trying it, for every phrase set the rules
    compile, on texts of the phrases' own words (gaps filled), random texts, our own sentences
    and long clauses."""
    from crosscheck.text.lexicon import SentenceIndex

    sets, texts = phrase_texts(2604, 50, 30, 2, 0.5, 3, ["", "", "", "،"], min_phrases=4)
    rng = random.Random(2605)
    texts += [random_text(rng) for _ in range(40)] + _own_texts() + [_dense(30), _clause(30)]
    toks_of = [tokenize(normalize(t).text) for t in texts]
    gapped = 0
    for ps in sets:
        gapped += any(p.gapped for p in ps.phrases)
        for toks in toks_of:
            fast = SentenceIndex(ps, toks).matches
            monkeypatch.setattr(lx, "_GAPPED_BY_FORMS", False)
            assert SentenceIndex(ps, toks).matches == fast
            monkeypatch.setattr(lx, "_GAPPED_BY_FORMS", True)
    assert gapped >= 3, gapped
    for text in [_clause(40), _dense(40)] + _own_texts():
        on = [c.model_dump() for c in extract_text(text)]
        monkeypatch.setattr(lx, "_GAPPED_BY_FORMS", False)
        assert [c.model_dump() for c in extract_text(text)] == on, text
        monkeypatch.setattr(lx, "_GAPPED_BY_FORMS", True)


def test_gapped_trials_of_a_long_clause_are_bounded_and_flat(monkeypatch):
    """Gapped phrase trials (lexicon._match at a phrase's first word) per figure of one long
    clause: flat at 4x the text and a tenth of those made without the filter (every "عدد" and
    "الى" tried "عدد … المختطفين" and "الى … مستشفيات" with every gap length)."""
    extract_text("قتل 3 أشخاص في غزة.")
    counter = count_calls(monkeypatch, lx, "_match", lambda words, w, *a: 1 if w == 0 else 0)

    def per_figure(n: int) -> float:
        counter[0] = 0
        extract_text(_clause(n))
        return counter[0] / (2 * n)

    small, large = per_figure(100), per_figure(400)
    monkeypatch.setattr(lx, "_GAPPED_BY_FORMS", False)
    plain = per_figure(100)
    monkeypatch.setattr(lx, "_GAPPED_BY_FORMS", True)
    assert large <= small * 1.1 + 0.05, (small, large)
    assert small <= plain / 10, (small, plain)


def test_only_gapped_phrases_hold_their_own_set_of_plain_words():
    """Phrase.plain (what the scan's gapped filter reads) is a set of its own for a phrase with
    a gap only; every other phrase shares one empty set (a set for each of the rules' thousands
    of phrases was +1.1 MB of every process's peak, counted here as distinct objects)."""
    import gc

    extract_text("قتل 3 أشخاص في غزة.")
    phrases = [o for o in gc.get_objects() if isinstance(o, Phrase)]
    plain = [p for p in phrases if not p.gapped]
    gapped = [p for p in phrases if p.gapped]
    assert len(plain) > 1000 and gapped, (len(plain), len(gapped))
    assert len({id(p.plain) for p in plain}) == 1 and not plain[0].plain
    assert all(p.plain == {w.text for w in p.words if not w.gap and not w.prefix} for p in gapped)
