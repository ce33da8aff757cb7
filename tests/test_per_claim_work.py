"""Per-claim constant work cut in session 23 (issue 11: time per MB of dense inputs), COUNTED,
never timed; each shortcut checked against its plain definition (same answers, same claims)."""

from __future__ import annotations

import random

from crosscheck.extract import extractor
from crosscheck.extract.extractor import extract_text
from crosscheck.text import lexicon as lx
from crosscheck.text import tokens as tk
from crosscheck.text.lexicon import PhraseSet, SentenceIndex
from crosscheck.text.normalize import normalize
from crosscheck.text.tokens import tokenize
from counting_support import count_calls
from fuzz_inputs import random_text
from window_samples import by_switch, phrase_texts, rewritten_windows

_VERBS = ("وسقط", "وأصيب", "وقتل", "وفقد", "ونزح", "وأفرج عن")
_KINDS = ("قتيلا", "جريحا", "مفقودا", "نازحا", "أسيرا", "شخصا", "طفلا", "امرأة")
_HEDGES = ("", "نحو ", "أكثر من ", "قرابة ", "ما لا يقل عن ")
_PLACES = ("غزة", "خان يونس", "رفح", "حلب")


def _dense(n: int) -> str:
    """One sentence of n figures (verbs, hedges, kinds, places), no full stop."""
    return "قالت مصادر " + " ".join(
        f"{_VERBS[i % 6]} {_HEDGES[i % 5]}{(i * 37) % 5000 + 2} {_KINDS[i % 8]} في {_PLACES[i % 4]}"
        + ("،" if i % 3 == 0 else "") for i in range(n)
    )


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [random_text(rng) for _ in range(n)]


def _own_texts() -> list[str]:
    """Constructions the shortcuts below pass by (written for these tests)."""
    return [
        "استقبل المستشفى 48 جريحا، بينهم طفلان، من أصل 140 جريحا",
        "أصيب 12 شخصا من أصل 30 راكبا كانوا في الحافلة",
        "قتل 5 أشخاص وأصيب 20 آخرون من إجمالي 70 مصابا في المدينة",
        "فقدان 70 لاجئا وغرق 11 نازحا قبالة الساحل، وقتل 5 ونزح 3000 نازح",
        "ارتفعت حصيلة القتلى في القطاع إلى 38 ألفا، وعدد الجرحى إلى 400 شخص على الأقل",
        "قتلت، بحسب المرصد، أكثر من 500 ألف شخص، و33 شخصا على الأقل، بينهم 5 أطفال، قتلوا",
        "مقتل جنديين وإصابة شخصين في رفح، وأفرج عن 24 محتجزا و3 رهائن",
    ]


def _claims(text: str):
    return [c.model_dump() for c in extract_text(text)]


def _with_and_without(module, flag: str, text: str, monkeypatch):
    fast = _claims(text)
    monkeypatch.setattr(module, flag, False)
    plain = _claims(text)
    monkeypatch.setattr(module, flag, True)
    return fast, plain


# --------------------------------------------------------------------------- bare forms


def _plain_bare_forms(word: str) -> frozenset[str]:
    """tokens._bare_forms as first written: every prefix tried."""
    forms = {word}
    for p in tk._prefixes():
        if word.startswith(p) and len(word) - len(p) >= 2:
            forms.add(word[len(p):])
    return frozenset(forms)


def test_a_word_no_prefix_starts_has_itself_as_its_only_form():
    """_bare_forms answers a word whose first letter starts no clitic prefix (a digit run, most
    words) without trying the prefixes: the same forms as trying them, for the words of random
    texts, of the fuzz pieces and of every letter (and digit) at the start of a word."""
    words = set()
    for text in _texts(200, 2301) + [_dense(50)] + _own_texts():
        words |= {t.text for t in tokenize(normalize(text).text)}
    letters = [chr(c) for c in range(0x621, 0x64B)] + list("0123456789٠١٢٣")
    words |= {a + b + "ين" for a in letters for b in ("", "ال", "لل", "و")}
    skipped = 0
    for w in sorted(words):
        assert tk._bare_forms(w) == _plain_bare_forms(w), w
        skipped += w[:1] not in tk._prefix_firsts()
    assert skipped > 200 and len(words) - skipped > 100, (skipped, len(words))


# --------------------------------------------------------------------------- pair candidates


def test_a_digit_next_token_shares_one_pair_entry_per_word(monkeypatch):
    """PhraseSet._pair_candidates keeps, for a word followed by a digit run, one entry for
    every such run (no phrase's second word matches a digit form): a sentence of a thousand
    distinct numbers after the same cue words adds a handful of pair entries, not one per
    number (counted); the same matches and claims as one entry per pair of words."""
    from crosscheck.ruleset.loader import load_rules

    extract_text("قتل 3 أشخاص في غزة.")  # the rules' phrase sets compiled
    comp = extractor.compile_rules(load_rules())
    cues = comp.tagged_cues
    assert cues._digit_free
    text = _dense(1000)
    toks = tokenize(normalize(text).text)
    cues._pair_cache.clear()
    fast = SentenceIndex(cues, toks).matches
    entries = len(cues._pair_cache)
    monkeypatch.setattr(lx, "_DIGIT_PAIRS", False)
    cues._pair_cache.clear()
    plain = SentenceIndex(cues, toks).matches
    per_pair = len(cues._pair_cache)
    assert fast == plain
    assert entries < 30 and per_pair > 200, (entries, per_pair)
    monkeypatch.setattr(lx, "_DIGIT_PAIRS", True)
    for t in [_dense(80)] + _texts(60, 2302) + _own_texts():
        fast, plain = _with_and_without(lx, "_DIGIT_PAIRS", t, monkeypatch)
        assert fast == plain, t


def test_a_phrase_set_with_a_digit_word_is_not_digit_free():
    """A phrase set one of whose words starts with a digit (or a loose word that is all
    prefix) may match a digit run: its pairs stay keyed by the next token's own forms."""
    assert PhraseSet.of(["قتل", "قتل نحو"])._digit_free
    assert not PhraseSet.of(["قتل", "القرار 2728"])._digit_free
    assert PhraseSet.of(["امتنع … عن"])._digit_free  # (a gap matches no word itself)
    ps = PhraseSet.of(["القرار 2728", "القرار رقم", "القرار الاممي", "القرار الاخير"])
    assert not ps._digit_free
    # (the same word before two digit runs: the second's phrase is found after the first's miss)
    toks = tokenize(normalize("القرار 2729 ثم القرار 2728 والقرار رقم 5").text)
    assert [ps.at(toks, i) is not None for i in range(len(toks))] == [False, False, False, True, False, True, False, False]


# --------------------------------------------------------------------------- a rule's cue, asked once


def test_whether_a_rule_has_a_cue_is_asked_once_per_figure_and_rule(monkeypatch):
    """_best_kind takes whether a rule has a cue in the sentence from _applicable (or asks once)
    and _find_cue takes its answer: fewer SentenceIndex.has calls (counted), the same claims."""
    calls = count_calls(monkeypatch, SentenceIndex, "has")
    text = _dense(300)
    extract_text(text)
    once = calls[0]
    monkeypatch.setattr(extractor, "_HAS_CUE_ONCE", False)
    calls[0] = 0
    extract_text(text)
    assert once < calls[0] * 0.8, (once, calls[0])
    monkeypatch.setattr(extractor, "_HAS_CUE_ONCE", True)
    for t in [_dense(80)] + _texts(80, 2303) + _own_texts():
        fast, plain = _with_and_without(extractor, "_HAS_CUE_ONCE", t, monkeypatch)
        assert fast == plain, t


# --------------------------------------------------------------------------- totals of


def _steps_in(name: str, run) -> int:
    """Python steps (opcodes) executed inside frames of the function `name` while run() runs."""
    import corpus_support  # noqa: F401 (puts benchmarks/ on the path)
    from count_work import opcodes

    return opcodes(run, in_function=name)


def test_a_total_after_the_figure_is_not_walked_to_where_no_marker_can_stand(monkeypatch):
    """_of_a_total_after returns at once in a sentence that cannot hold a "من أصل" marker
    (TokenInfo.may_hold): its steps over a dense sentence's figures are a few per figure, not a
    walk of the words after each (counted against the gate off); where a marker can stand it
    still finds the total."""
    text = _dense(200)
    extract_text(text)  # (rules compiled outside the count)
    gated = _steps_in("_of_a_total_after", lambda: extract_text(text))
    monkeypatch.setattr(extractor, "_TOTALS_GATE", False)
    walked = _steps_in("_of_a_total_after", lambda: extract_text(text))
    monkeypatch.setattr(extractor, "_TOTALS_GATE", True)
    assert gated * 3 < walked and gated < 40 * 200, (gated, walked)
    claims = extract_text("استقبل المستشفى 48 جريحا، بينهم طفلان، من أصل 140 جريحا")
    assert any(c.value == 48 and c.group == "subset" for c in claims), [c.model_dump() for c in claims]


def test_the_totals_gate_keeps_the_claims(monkeypatch):
    for t in [_dense(80)] + _texts(80, 2304) + _own_texts():
        fast, plain = _with_and_without(extractor, "_TOTALS_GATE", t, monkeypatch)
        assert fast == plain, t


# --------------------------------------------------------------------------- a window's key words


def test_a_windows_key_words_are_its_sentences_where_it_copies_it(monkeypatch):
    """TokenInfo.where of a claim's window tests each of its tokens for the finder's key words
    only around its rewritten tokens; where it copies its sentence it takes the sentence's
    positions of those words (found once per sentence) by bisection: the same sources and
    phrase hits as testing every token of the window's regions, and far fewer tokens tested
    (counted: forms.isdisjoint per token through _where_between)."""
    from crosscheck.extract import context as cx
    from crosscheck.extract.scope import _window_attribution_index, scope_for
    from crosscheck.ruleset.loader import load_rules

    rules = load_rules()
    lex = scope_for(rules.scope)
    stop = extractor.compile_rules(rules).all_cues
    pieces = [p.source for ps in (lex.according_to, lex.attribution, lex.periods) for p in ps.phrases]
    pieces += ["قتل", "جنديين", "في", "غزة", "،", "وأصيب", "12", "شخصا", "بحسب", "مصادر", "و"]
    tested = [0]
    real = cx._where_between

    def counting(find, toks, lo, hi, keys=None):
        if isinstance(toks, cx.TokenWindow):  # (a sentence's own scan is the same either way)
            tested[0] += max(0, min(hi, len(toks)) - max(lo, 0))
        return real(find, toks, lo, hi, keys)

    monkeypatch.setattr(cx, "_where_between", counting)
    counts = by_switch(monkeypatch, cx, "_WINDOW_KEYS_FROM_BASE", tested,
                       lambda info: (_window_attribution_index(lex, stop, info), info.phrase_hits(lex.periods),
                                     info.phrase_hits(lex.according_to)),
                       lambda: rewritten_windows(pieces, 2305, 200, 300, noun_first=True))
    assert counts[True][1] == counts[False][1]
    assert sum(bool(x[0][0][0] or x[0][1][0]) for x in counts[True][1]) > 50  # (windows with sources)
    assert counts[True][0] * 5 < counts[False][0], (counts[True][0], counts[False][0])
    monkeypatch.setattr(cx, "_WINDOW_KEYS_FROM_BASE", True)
    text = "قال مسؤولون " + " ".join(f"ومقتل جنديين وإصابة {d} في غزة بحسب مصادر" for d in ("شخصين", "طفلين") * 30)
    fast, plain = _with_and_without(cx, "_WINDOW_KEYS_FROM_BASE", text, monkeypatch)
    assert fast == plain
    for t in _texts(60, 2306) + _own_texts():
        fast, plain = _with_and_without(cx, "_WINDOW_KEYS_FROM_BASE", t, monkeypatch)
        assert fast == plain, t


# --------------------------------------------------------------------------- a sentence's cue scan


def test_a_sentences_scan_finds_every_match_with_fewer_calls(monkeypatch):
    """SentenceIndex.matches reads a token list in one loop with _find's work in line: the same
    matches as asking _find at each word, for every phrase set the rules compile, on texts of
    their own words (one-word, many-word and gapped phrases, positions read before the scan),
    and fewer Python calls (counted: _find and Phrase.match_at not called at all)."""
    sets, texts = phrase_texts(2307, 80, 40, 1, 0.4, 4, ["", "", "", "،", " 12"])
    texts += _texts(40, 2308) + [_dense(60)]
    toks_of = [tokenize(normalize(t).text) for t in texts]
    calls = {"find": 0, "match_at": 0}
    real_find, real_match_at = SentenceIndex._find, lx.Phrase.match_at

    def find(self, i):
        calls["find"] += 1
        return real_find(self, i)

    def match_at(self, *a, **k):
        calls["match_at"] += 1
        return real_match_at(self, *a, **k)

    monkeypatch.setattr(SentenceIndex, "_find", find)
    monkeypatch.setattr(lx.Phrase, "match_at", match_at)
    found = 0
    for ps in sets:
        for toks in toks_of:
            fast_ix, plain_ix = SentenceIndex(ps, toks), SentenceIndex(ps, toks)
            for ix in (fast_ix, plain_ix):  # (a few positions read before the scan)
                for i in range(0, len(toks), 7):
                    ix.starting_at(i)
            before = dict(calls)
            fast = fast_ix.matches
            assert calls == before  # (the scan itself calls neither)
            monkeypatch.setattr(lx, "_FAST_SCAN", False)
            plain = plain_ix.matches
            monkeypatch.setattr(lx, "_FAST_SCAN", True)
            assert fast == plain, (ps.phrases[:3], [t.text for t in toks])
            # (and what is asked of the index once every match is known)
            assert [fast_ix.starting_at(i) for i in range(len(toks) + 1)] == [
                plain_ix.starting_at(i) for i in range(len(toks) + 1)]
            found += len(fast)
    assert found > 5000 and calls["find"] > 1000, (found, calls)
    for t in texts[:30] + _own_texts():
        fast, plain = _with_and_without(lx, "_FAST_SCAN", t, monkeypatch)
        assert fast == plain, t


# --------------------------------------------------------------------------- a window's matches


def test_a_windows_matches_are_those_of_reading_the_window():
    """SentenceIndex._window_matches (a claim window's matches in [a, b), with or without a
    payload, its bounds compared in line) gives what reading the window's own tokens gives, for
    windows of random sentences (a dual's two tokens or a noun read first), every range."""
    from crosscheck.extract.extractor import _window
    from crosscheck.ruleset.loader import load_rules
    from crosscheck.text.tokens import Token

    extract_text("قتل 3 أشخاص في غزة.")
    cues = extractor.compile_rules(load_rules()).tagged_cues
    words = sorted({w for p in cues.phrases for w in p.source.split()} - set(lx.GAP_WORDS))
    rng = random.Random(2309)
    checked = 0
    for _ in range(120):
        text = normalize(" ".join(rng.choice(words + ["،", "12", "جنديين", "في", "غزة"])
                                  for _ in range(rng.randint(5, 260)))).text
        toks = tokenize(text)
        if len(toks) < 3:
            continue
        base = SentenceIndex(cues, toks)
        base.matches  # (every match of the sentence known, as has() leaves it)
        i = rng.randrange(1, len(toks))
        w, a0 = _window(toks, i)
        t = w[i - a0]
        if rng.random() < 0.5:
            w[i - a0 : i - a0 + 1] = [Token(t.nstart, t.nend, t.text, frozenset({"2"}), t.brk_before),
                                      Token(t.nstart, t.nend, "قتيل", frozenset({"قتيل"}), False)]
        else:
            p = w[i - 1 - a0]
            w[i - 1 - a0 : i + 1 - a0] = [Token(p.nstart, t.nend, t.text, frozenset({"1"}), p.brk_before),
                                          Token(p.nstart, t.nend, p.text, p.forms, False)]
        ix = SentenceIndex(cues, w, base, w.changed)
        own = SentenceIndex(cues, w).matches
        payloads = [None] + sorted({str(m[2].payload) for m in own})[:4]
        for _ in range(15):
            a, b = sorted(rng.randint(-5, len(w) + 5) for _ in range(2))
            for pl in payloads:
                want = [m for m in own if a <= m[0] < b and (pl is None or m[2].payload == pl)]
                assert ix._window_matches(pl, a, b) == want, (a, b, pl)
                checked += 1
    assert checked > 3000


# --------------------------------------------------------------------------- clause bounds


def test_clause_bounds_built_from_the_breaks_are_those_of_the_token_loop(monkeypatch):
    """TokenInfo's clause-start and clause-end arrays, built a clause at a time from the
    sentence's breaks, are those of the loop over its tokens (every token list of random
    texts, breaks first and last, none, every one), and the loop's Python steps are not taken
    (counted: Token.brk_before read per token only by the breaks' list)."""
    from crosscheck.extract import context as cx
    from crosscheck.extract.context import TokenInfo
    from crosscheck.text.tokens import Token

    rng = random.Random(2310)
    lists = [tokenize(normalize(t).text) for t in _texts(150, 2311) + [_dense(40), "", "قتل", "، قتل"]]
    for _ in range(100):
        n = rng.randint(0, 30)
        lists.append([Token(k, k + 1, "x", frozenset({"x"}), rng.random() < rng.choice((0.0, 0.3, 1.0)))
                      for k in range(n)])
    for toks in lists:
        fast = TokenInfo(toks)
        got = ([fast.clause_start(i) for i in range(len(toks))], [fast.clause_end(i) for i in range(len(toks) + 1)])
        assert len(fast._clause_end) == len(toks) + 1
        monkeypatch.setattr(cx, "_CLAUSES_BY_BREAKS", False)
        plain = TokenInfo(toks)
        want = ([plain.clause_start(i) for i in range(len(toks))], [plain.clause_end(i) for i in range(len(toks) + 1)])
        monkeypatch.setattr(cx, "_CLAUSES_BY_BREAKS", True)
        assert got == want, [t.brk_before for t in toks]
        assert fast._clause_start == plain._clause_start and fast._clause_end == plain._clause_end
    # the arrays of a sentence of 3,000 clauses: the loop's per-token steps are not taken
    toks = tokenize(normalize(_dense(9000)).text)
    steps = [0]

    def tracer(frame, event, arg):
        if frame.f_code.co_name in ("_clause_starts", "_clause_ends"):
            frame.f_trace_opcodes = True

            def local(frame, event, arg):
                if event == "opcode":
                    steps[0] += 1
                return local
            return local
        return None

    import sys

    counted = {}
    for on in (True, False):
        monkeypatch.setattr(cx, "_CLAUSES_BY_BREAKS", on)
        info = TokenInfo(toks)
        info.breaks  # (the breaks' list: one comprehension either way)
        steps[0] = 0
        sys.settrace(tracer)
        try:
            info.clause_start(0), info.clause_end(0)
        finally:
            sys.settrace(None)
        counted[on] = steps[0]
    assert counted[True] * 5 < counted[False] and counted[False] > 10 * len(toks), (counted, len(toks))
