"""Fast paths of the extractor's hot loops give the same answers as the plain definitions they
replace (the golden test pins the whole output; these pin each shortcut on random input)."""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right

from crosscheck.extract.extractor import compile_rules
from crosscheck.ruleset.loader import load_rules
from crosscheck.text.lexicon import PhraseSet, SentenceIndex
from crosscheck.text.normalize import normalize
from crosscheck.text.tokens import tokenize, word_forms_between

from fuzz_inputs import random_text
from window_samples import by_switch, claims_both_ways, phrase_texts, rewritten_windows

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
        for _ in range(25):  # (25 a text: each new rule file dilutes the payloads drawn, and the hits; 20 until session 38)
            lo = rng.randrange(len(toks))
            hi = min(len(toks), lo + rng.randint(0, 3))
            args = (lo, hi, rng.randint(0, 25), rng.randint(0, 8), rng.random() < 0.5, rng.choice(payloads))
            want = scanned.nearest(*args)
            assert scanned._all is None
            assert indexed.nearest(*args) == want
            checked += 1
            hits += want is not None
    assert checked > 2000 and hits > 50


def test_an_index_whose_matches_are_all_known_answers_by_bisection_as_position_by_position():
    """Once has() has read every match of a sentence, SentenceIndex answers starting_at,
    between and ending_at by bisection in the matches' starts and keeps no per-position lists
    (they were a second copy of the index): the same answers, in the same order, as an index
    that reads the positions one by one."""
    comp = compile_rules(load_rules())
    cues = comp.tagged_cues
    payloads = sorted({str(p.payload) for p in cues.phrases})
    pieces = [p.source for p in cues.phrases] + list(_WORDS)
    rng = random.Random(31)
    texts = _texts(100, 32) + [" ".join(rng.choice(pieces) for _ in range(rng.randint(3, 200))) for _ in range(100)]
    checked = hits = 0
    for text in texts:
        toks = tokenize(text)
        if not toks:
            continue
        scanned = SentenceIndex(cues, toks)
        indexed = SentenceIndex(cues, toks)
        for _ in range(5):  # positions read before the full scan are answered the same after it
            indexed.starting_at(rng.randrange(len(toks)))
        indexed.has(payloads[0])
        assert indexed._all is not None and indexed._at == {}  # no per-position lists kept
        for _ in range(20):
            a = rng.randrange(-3, len(toks) + 3)
            b = a + rng.randint(-2, 12)
            assert indexed.starting_at(a) == scanned.starting_at(a)
            assert indexed.between(a, b) == scanned.between(a, b)
            assert indexed.ending_at(b) == scanned.ending_at(b)
            assert scanned._all is None
            checked += 1
            hits += bool(scanned.between(a, b))
    assert checked > 3000 and hits > 1000


def test_the_word_before_a_place_is_read_backwards_as_the_forward_search_reads_it():
    """Gazetteer._previous_word searches backwards from the place ((?r)); the forward search of
    the same pattern is its definition: the same word on texts of words, spaces of every kind,
    newlines, marks, digits and punctuation, at every position and window."""
    import regex

    from crosscheck.extract.scope import Gazetteer

    forward = regex.compile(r"([\p{L}]+)\s*$")
    pieces = ["في", "غزة", "وب", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\u0085", "\x1c", "،", "2", "١٢",
              "\u064e", "\u0640", "\u200f", "a", "x y", ".", "«"]
    rng = random.Random(41)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        pos = rng.randint(0, len(text))
        m = forward.search(text, max(0, pos - 30), pos)
        want = m.group(1) if m else ""
        assert Gazetteer._previous_word(text, pos) == want, (text, pos)
        found += bool(want)
    for text in _texts(200, 42):
        for pos in range(0, len(text), 3):
            m = forward.search(text, max(0, pos - 30), pos)
            assert Gazetteer._previous_word(text, pos) == (m.group(1) if m else ""), (text, pos)
    assert found > 5000


def _plain_shadowed(index, cue, rule_id):
    """extractor._shadowed as first written (generator expressions, the rule id split per match),
    a longer cue of a rule of the same kind passed over (session 21)."""
    p, start = cue[0], cue[1]
    matches = index.starting_at(start)
    end = max((e for _s, e, q in matches if q is p), default=start + 1)
    own = rule_id.split(":")[0]
    kind = {r.id: r.kind for r in load_rules().kinds}
    quiet = {r.id for r in load_rules().kinds if not r.shadows}  # (session 36: `shadows: false`)
    # (session 41: a count of people's cue never hides a length's, the rules with units)
    measures = {r.id for r in load_rules().kinds if r.units}

    def other(payload):
        rid = str(payload).split(":")[0]
        if own in measures and rid not in measures:
            return False
        return rid != own and rid not in quiet and (kind.get(rid) is None or kind.get(rid) != kind.get(own))

    if any(e > end and other(q.payload) for _s, e, q in matches):
        return True
    return any(
        s < start and e >= end and other(q.payload)
        for s, e, q in index.between(max(0, start - 3), start)
    )


def test_a_cue_inside_a_longer_cue_of_another_rule_is_shadowed_as_first_written():
    from crosscheck.extract.extractor import _shadowed

    comp = compile_rules(load_rules())
    cues = comp.tagged_cues
    pieces = [p.source for p in cues.phrases] + list(_WORDS)
    rng = random.Random(51)
    checked = shadowed = 0
    for _ in range(300):
        toks = tokenize(normalize(" ".join(rng.choice(pieces) for _ in range(rng.randint(2, 40)))).text)
        index = SentenceIndex(cues, toks)
        for s, _e, p in index.matches:
            for rule_id in {str(p.payload), str(p.payload) + ":cross", rng.choice(["killed", "missing", "displaced"])}:
                cue = (p, s, 0)
                want = _plain_shadowed(index, cue, rule_id)
                assert _shadowed(index, cue, rule_id) == want
                checked += 1
                shadowed += want
    assert checked > 2000 and shadowed > 50


_EVENT_WORDS = ("قتل أصيب شخصا قتيلا في عام 2004 2010 1999 2023 2030 إلى حتى الى منذ مطلع اليوم "
                "حزيران التي أودت بحياة نحو 600 800 مشروع القرار الجمعية العامة المرحلة الأولى ، و").split(" ")


def _plain_event_near(ctx, kind, s_lo, s_hi, c_lo, c_hi, current):
    """events.event_near as first written: every hit of the sentence tried for every claim, a
    blocking-word search from each past year to the claim."""
    from crosscheck.extract.basis import clause_window, sentence_hits
    from crosscheck.extract.events import document_year, finder_for

    finder = finder_for(ctx.rules.directory)
    hits = sentence_hits(ctx, "_event_hits", finder, s_lo, s_hi)
    if not hits:
        return current
    clause_lo, sent_lo, limit = clause_window(ctx, s_lo, s_hi, c_lo, c_hi, finder.after_words)
    text = ctx.text
    year = document_year(ctx, finder)
    if year is not None:
        from crosscheck.extract.events import _fronted

        before = after = None  # (distance, year, start of the year)
        for s, e, what in hits:
            if not isinstance(what, int) or what >= year:
                continue
            if e <= c_lo and not finder.blocked.search(text, e, c_lo):
                if before is None or c_lo - e < before[0]:
                    before = (c_lo - e, what, s, e)
            elif c_hi <= s < limit and not finder.blocked.search(text, c_hi, s):
                if after is None or s - c_hi < after[0]:
                    after = (s - c_hi, what, s, e)
        best = before
        if after is not None and (before is None or after[0] < before[0]
                                  or (before[3] <= clause_lo and not _fronted(text, sent_lo, before[2]))):
            best = after
        if best is not None:
            return f"past:{best[1]}"
    found = None
    for s, e, what in hits:
        if isinstance(what, int):
            continue
        order, rule, ev = what
        if rule.kinds and kind not in rule.kinds:
            continue
        if rule.when_no_event and current is not None:
            continue
        if rule.scope != "sentence" and not ((sent_lo <= s and e <= c_lo) or (c_hi <= s < limit)):
            continue
        if found is None or order < found[0]:
            found = (order, ev)
    if found is None:
        return current
    if found[1] == "draft" and current and current.startswith("draft:"):
        return current
    return found[1]


def _claim_spans(ctx, rng: random.Random, tries: int):
    """Up to `tries` random claim spans of one to three tokens inside one sentence of ctx's text:
    (sentence start, sentence end, claim start, claim end) in normalised offsets."""
    toks = tokenize(ctx.text)
    for _ in range(tries):
        if not toks:
            return
        a = rng.randrange(len(toks))
        b = min(len(toks) - 1, a + rng.randint(0, 2))
        c_lo, c_hi = toks[a].nstart, toks[b].nend
        s_lo, s_hi = ctx.sentence_at(c_lo)
        if c_hi <= s_hi:
            yield s_lo, s_hi, c_lo, c_hi


def test_event_near_bounded_search_equals_every_hit_tried():
    from crosscheck.extract.context import DocContext
    from crosscheck.extract.events import event_near
    from crosscheck.models import Document

    rules = load_rules()
    rng = random.Random(6)
    checked = past = 0
    for n in range(250):
        words = [rng.choice(_EVENT_WORDS) for _ in range(rng.randint(5, 80))]
        # joined by a space, or glued ("إلى2004": the blocking word touching the year)
        text = "".join(w + rng.choice(("", " ", " ", " ", " ، ")) for w in words)
        doc = Document(id=f"e{n}", text=text, date="2024-05-01" if n % 3 else None)
        ctx = DocContext(doc, rules)
        for s_lo, s_hi, c_lo, c_hi in _claim_spans(ctx, rng, 12):
            kind = rng.choice(("killed", "votes_for", "injured"))
            current = rng.choice((None, None, "draft:x", "sc"))
            want = _plain_event_near(ctx, kind, s_lo, s_hi, c_lo, c_hi, current)
            assert event_near(ctx, kind, s_lo, s_hi, c_lo, c_hi, current) == want, (text, c_lo, c_hi)
            checked += 1
            past += str(want).startswith("past:")
    assert checked > 2000 and past > 100


def test_claims_the_fast_drop_skips_are_claims_of_no_one():
    """_cannot_be_a_claim answers None for a figure before any rule work: the claims of random
    texts are the same with it and without it, and it does fire."""
    from crosscheck.extract import extractor

    rng = random.Random(7)
    texts = _texts(100, 8) + [" ".join(rng.choice(("ألف", "مئة", "ثلاثة", "عشرات", "الف", "و", "2", "،"))
                                       for _ in range(rng.randint(2, 40))) for _ in range(60)]
    calls = {"dropped": 0}
    real = extractor._cannot_be_a_claim

    def counting(*args):
        out = real(*args)
        calls["dropped"] += out
        return out

    extractor._cannot_be_a_claim = counting
    try:
        for text in texts:
            fast, plain = claims_both_ways(extractor, "_FAST_DROP", text)
            assert fast == plain, text
    finally:
        extractor._cannot_be_a_claim = real
    assert calls["dropped"] > 150


def test_tokenize_in_chunks_equals_one_findall(monkeypatch):
    """tokenize reads a long text a chunk at a time; with tiny chunks (a cut inside nearly every
    word, digit group and gap) the tokens are those of one findall over the whole range."""
    from crosscheck.text import tokens as tk

    def plain(text, a, b):
        out, pos = [], a
        for gap, w in tk._GAP_AND_WORD.findall(text, a, b):
            s = pos + len(gap)
            pos = s + len(w)
            out.append((s, pos, w, tk.bare_forms(w), gap != " " and bool(out) and not tk._BREAK_CHARS.isdisjoint(gap)))
        return out

    texts = _texts(150, 9) + ["قتل 30,000 و1.5 مليون ، « شخص »  في غزة" * 3, "  ،، " + "ا" * 50 + " 1,234,567"]
    checked = 0
    for size in (1, 3, 7, 40):
        monkeypatch.setattr(tk, "_CHUNK", size)
        for text in texts:
            for a, b in ((0, len(text)), (len(text) // 4, len(text) - 2)):
                got = [(t.nstart, t.nend, t.text, t.forms, t.brk_before) for t in tk.tokenize(text, a, b)]
                assert got == plain(text, a, b), (size, text)
                checked += len(got)
    assert checked > 5000


def test_basis_near_by_bisection_equals_the_scan_of_every_cue():
    from crosscheck.extract.basis import basis_near, clause_window, finder_for, sentence_hits
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document

    def plain(ctx, s_lo, s_hi, c_lo, c_hi):
        finder = finder_for(ctx.rules.directory)
        hits = sentence_hits(ctx, "_basis_hits", finder, s_lo, s_hi)
        if not hits:
            return "count"
        clause_lo, _, limit = clause_window(ctx, s_lo, s_hi, c_lo, c_hi, finder.after_words)
        found = {b for s, e, b in hits if (clause_lo <= s < c_hi and b != "estimate_after")
                 or (c_hi <= s < limit and b == "estimate_after")}
        if "estimate_after" in found:
            found.add("estimate")
        if "projection" in found:
            return "projection"
        return "estimate" if "estimate" in found else "count"

    rules = load_rules()
    words = ("قتل 300 شخصا يقدر تقديرات قد يرتفع إلى يخشى أن يصل بحسب التقديرات نحو ، و في غزة "
             "أكثر من 10 آلاف وفق تقديرات أولية").split(" ")
    rng = random.Random(10)
    checked, kinds = 0, set()
    for n in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 70)))
        ctx = DocContext(Document(id=f"b{n}", text=text), rules)
        for s_lo, s_hi, c_lo, c_hi in _claim_spans(ctx, rng, 10):
            want = plain(ctx, s_lo, s_hi, c_lo, c_hi)
            assert basis_near(ctx, s_lo, s_hi, c_lo, c_hi) == want, (text, c_lo, c_hi)
            checked += 1
            kinds.add(want)
    assert checked > 1000 and kinds == {"count", "estimate", "projection"}


def test_period_near_stops_early_with_the_same_answer():
    """period_near stops reading back once no earlier cue can be nearer; same answers as the
    scan of every cue before the claim (random sentences full of period cues)."""
    from crosscheck.extract import periods
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document

    def plain(ctx, s_lo, s_hi, c_lo, c_hi, clause_only, hits=None):
        finder = periods.finder_for(ctx.rules.directory)
        hits = finder.hits(ctx.text, s_lo, s_hi) if hits is None else hits
        if not hits:
            return None
        starts = [h[0] for h in hits]
        toks = ctx.tokens(s_lo, s_hi)
        info = ctx.info(toks)
        tstarts = info.starts
        first = max(bisect_right(tstarts, c_lo) - 1, 0)
        last = max(bisect_left(tstarts, c_hi) - 1, first)
        clause_lo = toks[info.clause_start(first)].nstart if toks else s_lo
        limit_tok = min(info.clause_end(last + 1), last + 1 + finder.after_words)
        limit = toks[limit_tok - 1].nend if limit_tok - 1 > last else c_hi
        best = None
        for s, e, p in reversed(hits[: bisect_left(starts, c_lo)]):
            if e > c_lo or (clause_only and s < clause_lo):
                continue
            dist = max(first - bisect_right(tstarts, e - 1), 0)
            if best is None or dist < best[0]:
                best = (dist, p)
            if dist == 0:
                break
        for s, e, p in hits[bisect_left(starts, c_hi):]:
            if s >= limit:
                break
            dist = bisect_right(tstarts, s) - 1 - last
            if best is None or dist < best[0]:
                best = (dist, p)
            break
        return best[1] if best else None

    words = ("قتل 300 شخصا منذ بدء الحرب منذ وقف إطلاق النار منذ عيد الفطر خلال الـ24 ساعة الماضية "
             "يوميا منذ الاتفاق منذ السبت ، و في غزة منذ اندلاعها أمس").split(" ")
    rules = load_rules()
    rng = random.Random(11)
    checked, found = 0, set()
    for n in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 80)))
        ctx = DocContext(Document(id=f"p{n}", text=text), rules)
        for s_lo, s_hi, c_lo, c_hi in _claim_spans(ctx, rng, 10):
            clause_only = rng.random() < 0.3
            want = plain(ctx, s_lo, s_hi, c_lo, c_hi, clause_only)
            assert periods.period_near(ctx, s_lo, s_hi, c_lo, c_hi, clause_only) == want, (text, c_lo, c_hi)
            checked += 1
            found.add(want)
    assert checked > 1000 and len(found) >= 4
    # cues that overlap (one starts inside another and ends after it): made up, to reach the
    # early stop's bound on how far a cue starting earlier can end
    for n in range(150):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 60)))
        ctx = DocContext(Document(id=f"q{n}", text=text), rules)
        s_lo, s_hi = ctx.sentence_at(0)
        starts = sorted(rng.sample(range(s_lo, s_hi), min(s_hi - s_lo, rng.randint(1, 25))))
        hits = [(a, min(s_hi, a + rng.randint(1, 60)), f"p{a}") for a in starts]
        # period_cue keeps each cue with its rule's side, overrides_scope, next_clause and kinds
        sided = [(a, e, p, "either", False, False, frozenset()) for a, e, p in hits]
        ctx.__dict__["_period_hits"] = {(s_lo, s_hi): (sided, starts, max(e - a for a, e, _ in hits))}
        toks = [t for t in tokenize(ctx.text) if t.nend <= s_hi]
        for _ in range(10):
            a = rng.randrange(len(toks))
            c_lo, c_hi = toks[a].nstart, toks[a].nend
            clause_only = rng.random() < 0.3
            want = plain(ctx, s_lo, s_hi, c_lo, c_hi, clause_only, hits)
            assert periods.period_near(ctx, s_lo, s_hi, c_lo, c_hi, clause_only) == want
            checked += 1


def test_figures_and_dual_nouns_in_text_order_are_heapq_merge():
    """extractor._in_text_order is heapq.merge(figures, duals, key=nstart): the same items in
    the same order, a figure before a dual noun at the same offset, on random sorted streams."""
    import heapq
    import random

    from crosscheck.extract.extractor import _in_text_order, _Num

    rng = random.Random(5)
    for _ in range(500):
        figs = sorted(rng.randint(0, 30) for _ in range(rng.randint(0, 12)))
        duals = sorted(rng.randint(0, 30) for _ in range(rng.randint(0, 6)))
        a = [_Num(s, s + 1, k, k, k, "cardinal", True, s, s + 1) for k, s in enumerate(figs)]
        b = [_Num(s, s + 1, 2, 2, 2, "cardinal", False, s, s + 1, dual_of=f"d{k}") for k, s in enumerate(duals)]
        want = list(heapq.merge(a, b, key=lambda n: n.nstart))
        got = list(_in_text_order(iter(a), iter(b)))
        assert [id(n) for n in got] == [id(n) for n in want]


def test_a_claim_window_reads_its_sentence_period_cues_where_it_copies_them():
    """TokenInfo of a rewritten window (a dual noun read as "2 + noun", a noun read before its
    "one") takes the sentence's look-ups outside the rewritten tokens: the same phrase hits,
    period cues, change verbs, clause breaks and bounds, barriers and sources (attribution) as
    reading every position of the window (a TokenInfo without a base)."""
    from crosscheck.extract.context import TokenInfo
    from crosscheck.extract.extractor import _window
    from crosscheck.extract.scope import (
        _attribution_index, _period_hits, _window_attribution_index, barriers, scope_for,
    )
    from crosscheck.text.tokens import Token

    lex = scope_for(load_rules().scope)
    periods = lex.periods
    # whole period cues side by side (three-word cues cross the rewritten tokens) and other words
    pieces = [p.source for p in periods.phrases] + [p.source for p in lex.change_verbs.phrases] + list(_WORDS) + [
        "جنديين", "، وأن", "، فيما", "، بعد", "،"] + [
        p.source for ps in (lex.according_to, lex.attribution) for p in ps.phrases if not p.gapped]
    stop = compile_rules(load_rules()).all_cues
    rng = random.Random(11)
    tried = 0
    for text in _texts(100, 12) + [
        normalize(" ".join(rng.choice(pieces) for _ in range(rng.randint(3, 150)))).text for _ in range(300)
    ]:
        toks = tokenize(text, 0, len(text))
        if len(toks) < 3:
            continue
        base = TokenInfo(toks)
        for _ in range(6):
            i = rng.randrange(1, len(toks))
            w, a = _window(toks, i)
            t = w[i - a]
            if rng.random() < 0.5:  # a dual: one token becomes two
                w[i - a : i - a + 1] = [Token(t.nstart, t.nend, t.text, frozenset({"2"}), t.brk_before),
                                        Token(t.nstart, t.nend, "قتيل", frozenset({"قتيل"}), False)]
            else:  # a noun read first: two tokens rewritten in place
                p = w[i - 1 - a]
                w[i - 1 - a : i + 1 - a] = [Token(p.nstart, t.nend, t.text, frozenset({"1"}), p.brk_before),
                                            Token(p.nstart, t.nend, p.text, p.forms, False)]
            info, plain = TokenInfo(w, base), TokenInfo(w)
            for ps in (periods, lex.change_verbs):
                want = [(k, hit[0], hit[1]) for k in range(len(w)) if (hit := ps.at(w, k)) is not None]
                assert info.phrase_hits(ps) == want, (text, i)
            assert _period_hits(periods, w, info) == _period_hits(periods, w), (text, i)
            assert info.breaks == [k for k, t in enumerate(w) if t.brk_before]
            for k in range(-len(w), len(w) + 2):
                assert info.clause_start(k) == plain.clause_start(k), (text, i, k)
                assert info.clause_end(k) == plain.clause_end(k), (text, i, k)
            for after in (False, True):
                assert barriers(lex, w, after, info) == barriers(lex, w, after), (text, i)
            assert _window_attribution_index(lex, stop, info) == _attribution_index(lex, w, stop), (text, i)
            tried += 1
    assert tried > 1000


def test_where_calls_its_finder_only_at_words_that_can_start_a_find(monkeypatch):
    """TokenInfo.where passes over the tokens holding none of the words its finder needs (a
    source cue's or a phrase's first words): the same sources and phrase hits for sentences and
    rewritten windows as calling the finder everywhere, with far fewer finder calls."""
    from crosscheck.extract import context as cx
    from crosscheck.extract.scope import _window_attribution_index, scope_for

    lex = scope_for(load_rules().scope)
    stop = compile_rules(load_rules()).all_cues
    pieces = [p.source for ps in (lex.according_to, lex.attribution, lex.periods) for p in ps.phrases] + list(_WORDS)
    calls = [0]
    real = cx._where_between

    def counting(find, toks, lo, hi, keys=None):
        def counted(t, i):
            calls[0] += 1
            return find(t, i)
        return real(counted, toks, lo, hi, keys)

    monkeypatch.setattr(cx, "_where_between", counting)
    counts = by_switch(monkeypatch, cx, "_WHERE_KEYS", calls,
                       lambda info: (_window_attribution_index(lex, stop, info), info.phrase_hits(lex.periods)),
                       lambda: rewritten_windows(pieces, 82, 150, 120, first=1))
    assert counts[True][1] == counts[False][1]
    assert counts[True][0] * 2 < counts[False][0], (counts[True][0], counts[False][0])


def _dense_sentence(n: int) -> str:
    """One sentence of n figures of several kinds, hedges and places (no full stop)."""
    verbs, kinds = ("وسقط", "وأصيب", "وفقد", "ونزح", "وأفرج عن"), ("قتيلا", "جريحا", "مفقودا", "نازحا", "أسيرا", "طفلا")
    places = ("غزة", "حلب", "جنين", "رفح")
    return "قالت مصادر " + " ".join(
        f"{verbs[i % 5]} {('نحو ', '', 'أكثر من ')[i % 3]}{(i * 37) % 900 + 3} {kinds[i % 6]} في {places[i % 4]}"
        + ("،" if i % 4 == 0 else "") for i in range(n)
    )


def test_kind_prefilter_names_every_rule_that_could_apply():
    """_kinds_for (the rules _best_kind tries for a figure followed by a word) holds every rule
    whose counted noun is found after the figure (or after "من" there) or whose cue is in the
    sentence, in rule order; the claims are the same without it, and it passes rules over."""
    from crosscheck.extract import extractor
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document

    rules = load_rules()
    comp = compile_rules(rules)
    texts = _texts(80, 11) + [_dense_sentence(60)]
    tried = passed = 0
    for text in texts:
        ctx = DocContext(Document(id="t", text=text), rules)
        toks = tokenize(ctx.text)
        index = ctx.cue_index(comp.tagged_cues, toks)
        for i1 in range(1, len(toks)):
            t1 = toks[i1]
            t2 = toks[i1 + 1] if i1 + 1 < len(toks) and "من" in t1.forms else None
            got = extractor._kinds_for(ctx, comp, toks, index, t1, t2)
            assert got == [ck for ck in comp.kinds if ck in got], text  # in rule order
            for ck in comp.kinds:
                applies = (
                    ck.nouns.at(toks, i1) is not None or (t2 is not None and ck.nouns.at(toks, i1 + 1) is not None)
                    or bool(ck.cues and index.has(ck.rule.id))
                )
                assert not applies or ck in got, (text, i1, ck.rule.id)
            tried += len(got)
            passed += len(comp.kinds) - len(got)
        fast, plain = claims_both_ways(extractor, "_PREFILTER_KINDS", text)
        assert fast == plain, text
    assert passed > tried  # most rules are passed over


def test_kind_nouns_looked_up_per_figure_are_few(monkeypatch):
    """In a sentence of figures whose every kind has a cue in it, a figure looks up the counted
    nouns of the rules that can start at its next word, not of every rule, and of those only the
    rules a counted noun of which can start there (_noun_rules) (counted: PhraseSet.at calls on
    the kinds' noun sets, per figure)."""
    from crosscheck.extract import extractor

    comp = compile_rules(load_rules())
    noun_sets = {id(ck.nouns) for ck in comp.kinds}
    calls = [0]
    real = PhraseSet.at

    def counting(self, tokens, i, limit=None):
        if id(self) in noun_sets:
            calls[0] += 1
        return real(self, tokens, i, limit)

    monkeypatch.setattr(PhraseSet, "at", counting)
    n = 400
    claims = extractor.extract_text(_dense_sentence(n))
    assert len(claims) > n // 2
    per_figure = calls[0] / n
    monkeypatch.setattr(extractor, "_PREFILTER_KINDS", False)
    calls[0] = 0
    extractor.extract_text(_dense_sentence(n))
    assert per_figure < 3 < 10 < len(comp.kinds), per_figure  # 1.5 per figure; without the prefilter 16.7
    assert per_figure < calls[0] / n / 2, (per_figure, calls[0] / n)


def test_a_claim_window_asks_its_sentence_which_words_and_cues_it_holds():
    """Of a rewritten window (a dual noun read as "2 + noun", a noun read before its "one"),
    _sentence_holds (does a token hold one of these words?) and _cue_kinds_of (which rules have
    a cue in it?) read only the rewritten tokens and ask the sentence for the rest: the same
    answers as reading every token of the window."""
    from crosscheck.extract import extractor
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document

    rules = load_rules()
    comp = compile_rules(rules)
    word_sets = [ck.needs for ck in comp.kinds if ck.needs] + [ck.veto_unless for ck in comp.kinds if ck.veto_unless]
    word_sets += [frozenset({w}) for w in ("قتل", "غزه", "شخصا", "الفيتو", "جنديين", "قتيل", "2")]
    # the rewritten noun is sometimes a cue word of its own (a window may then hold a cue its
    # sentence does not)
    cue_words = sorted({p.words[0].text for p in comp.tagged_cues.phrases if p.single})
    rng = random.Random(13)
    tried = 0
    for text in _texts(120, 14) + [_dense_sentence(rng.randint(2, 40)) for _ in range(40)]:
        ctx = DocContext(Document(id="t", text=text), rules)
        lo, hi = ctx.sentence_at(len(ctx.text) // 2)
        toks = ctx.tokens(lo, hi)
        if len(toks) < 3:
            continue
        for _ in range(4):
            i = rng.randrange(1, len(toks))
            w, a = _rewritten_window(rng, toks, i, lambda: rng.choice(cue_words) if rng.random() < 0.5 else "قتيل")
            for k, words in enumerate(word_sets):
                assert extractor._sentence_holds(ctx, w, words, ("test", k)) == extractor._holds_any(w, words), (text, i, k)
            want = extractor._cue_kinds(comp, ctx.cue_index(comp.tagged_cues, w))
            assert extractor._cue_kinds_of(ctx, comp, w) == want, (text, i)
            tried += 1
    assert tried > 300


def test_a_claim_window_finds_its_cues_by_payload_where_it_copies_its_sentence():
    """SentenceIndex.nearest of a rewritten window (a dual noun read as "2 + noun", a noun read
    before its "one") whose sentence's matches are all known takes the sentence's matches of the
    payload where the window copies it (bisection) and reads only the positions around the
    rewritten tokens and near its end: the same answer as scanning every position of the
    window (an index without a base), before, across and after the rewritten tokens and up to
    a window cut short of its sentence's end."""
    payloads = sorted({str(p.payload) for p in compile_rules(load_rules()).tagged_cues.phrases})
    tried = hits = 0
    for rng, w, c, index, plain in _sentence_windows(21, 22, (60, 40, 160)):
        for _ in range(12):
            at = rng.choice((c, c + 1, c - 1, rng.randrange(len(w)), len(w) - 1 - rng.randrange(8)))
            q_lo = max(0, min(len(w), at))
            q_hi = min(len(w), q_lo + rng.randint(0, 3))
            args = (q_lo, q_hi, rng.randint(0, 25), rng.randint(0, 10), rng.random() < 0.5, rng.choice(payloads))
            want = plain.nearest(*args)
            assert index.nearest(*args) == want, (w, c, args)
            tried += 1
            hits += want is not None
    assert tried > 5000 and hits > 500



def _window_ranges_agree(seed: int, sizes: tuple[int, int, int], anywhere: bool) -> tuple[int, int]:
    """Matches between and ending at positions around each window's rewritten tokens (and, with
    `anywhere`, at any position): the window's index against its plain one.  (tried, hits), or
    (-1, -1) at the first difference."""
    tried = hits = 0
    for rng, w, c, index, plain in _sentence_windows(seed, seed + 1, sizes):
        for _ in range(12):
            near = (c, c + 1, c - 1, c - 12) + ((rng.randrange(len(w)),) if anywhere else ())
            at = rng.choice(near + (len(w) - 1 - rng.randrange(14),))
            q_lo = at - rng.randint(0, 14)
            q_hi = at + rng.randint(0, 14)
            want = plain.between(q_lo, q_hi)
            if index.between(q_lo, q_hi) != want or index.ending_at(q_hi) != plain.ending_at(q_hi):
                return -1, -1
            tried += 1
            hits += len(want)
    return tried, hits

def test_a_claim_window_reads_its_matches_between_positions_from_its_sentence(monkeypatch):
    """SentenceIndex.between (and ending_at, which reads it) of a rewritten window whose
    sentence's matches are all known takes the sentence's matches, shifted, where the window
    copies them and reads its own only around the rewritten tokens and near its end, once per
    window: the same matches in the same order as an index without a base, for every range
    (before, across and after the rewritten tokens, past the window's ends); a mutant that
    takes the sentence's matches one position too close to the rewritten tokens fails."""
    from crosscheck.text import lexicon

    def check(seed: int) -> tuple[int, int]:
        return _window_ranges_agree(seed, (30, 20, 100), anywhere=True)

    tried, hits = check(41)
    assert tried > 3000 and hits > 3000
    # the mutant: the region read around the rewritten tokens starts one position late
    real = lexicon.SentenceIndex._window_bounds

    def late(self):
        head, c1, tail, n = real(self)
        return min(head + 1, c1), c1, tail, n

    monkeypatch.setattr(lexicon.SentenceIndex, "_window_bounds", late)
    assert check(41) == (-1, -1)


def test_a_window_matches_on_its_own_tokens_only_where_a_phrase_can_reach_a_rewritten_one(monkeypatch):
    """A claim window's own matches around its rewritten tokens and near its end
    (SentenceIndex._region) are the sentence's, shifted, at every position whose candidate
    phrases (PhraseSet.reach: their longest span) read no rewritten token and nothing past the
    window; only the other positions are matched on the window.  The same matches in the same
    order as an index without a base for every range, with fewer positions matched on the
    windows than with the path off; a mutant whose reach is one token short fails."""
    from crosscheck.text import lexicon

    def check(seed: int) -> tuple[int, int]:
        return _window_ranges_agree(seed, (20, 20, 120), anywhere=False)

    found = [0]
    real_find = lexicon.SentenceIndex._find

    def counting(self, i):
        found[0] += self._base is not None
        return real_find(self, i)

    monkeypatch.setattr(lexicon.SentenceIndex, "_find", counting)
    tried, hits = check(51)
    assert tried > 2000 and hits > 2000
    on, found[0] = found[0], 0
    monkeypatch.setattr(lexicon, "_REGION_FROM_BASE", False)
    assert check(51) == (tried, hits)
    off = found[0]
    assert 0 < on < 0.7 * off, (on, off)
    monkeypatch.setattr(lexicon, "_REGION_FROM_BASE", True)
    # the mutant: a phrase's reach one token short of its span
    real_reach = lexicon.PhraseSet.reach
    monkeypatch.setattr(lexicon.PhraseSet, "reach", lambda self, tok: max(real_reach(self, tok) - 1, min(real_reach(self, tok), 1)))
    assert check(51) == (-1, -1)


def test_a_window_takes_its_clause_breaks_and_match_ends_from_its_sentence(monkeypatch):
    """A claim window's clause breaks (TokenInfo.breaks) are its sentence's, shifted, where it
    copies them, and its ending_at() shifts only the sentence's matches that end there: the
    same breaks as its tokens' own and the same matches as an index without a base, at every
    position of random rewritten windows; the claims of dual nouns among commas are the same
    with both paths off; a mutant that keeps the matches ending one token later fails."""
    from crosscheck.extract import context as cx
    from crosscheck.extract import extractor
    from crosscheck.text import lexicon

    def check(seed: int) -> tuple[int, int]:
        tried = hits = 0
        for _rng, w, _c, index, plain in _sentence_windows(seed, seed + 1, (20, 20, 80)):
            info = cx.TokenInfo(w, cx.TokenInfo(w.base))
            if info.breaks != [k for k, t in enumerate(w) if t.brk_before]:
                return -1, -1
            for k in range(-2, len(w) + 3):
                got = index.ending_at(k)
                if got != plain.ending_at(k):
                    return -1, -1
                tried += 1
                hits += len(got)
        return tried, hits

    tried, hits = check(61)
    assert tried > 5000 and hits > 1000, (tried, hits)
    text = "قال مسؤولون " + " ".join(
        f"ومقتل جنديين، وإصابة شخصين في {p} أو مدنيين" for p in ("غزة", "رفح", "جنين") * 12)
    fast = [c.model_dump() for c in extractor.extract_text(text)]
    monkeypatch.setattr(cx, "_WINDOW_BREAKS_FROM_BASE", False)
    monkeypatch.setattr(lexicon, "_WINDOW_ENDS", False)
    assert [c.model_dump() for c in extractor.extract_text(text)] == fast and fast
    monkeypatch.setattr(lexicon, "_WINDOW_ENDS", True)
    real_wm = lexicon.SentenceIndex._window_matches

    def mutant(self, payload, a, b, end=None):  # the ends tested one token off
        if end is None:
            return real_wm(self, payload, a, b)
        return [m for m in real_wm(self, payload, a, b) if m[1] == end + 1]

    monkeypatch.setattr(lexicon.SentenceIndex, "_window_matches", mutant)
    assert check(61) == (-1, -1)


def test_a_window_takes_its_rule_list_from_its_sentence(monkeypatch):
    """A claim window's list of applicable rules (_applicable) is kept by its sentence per class
    of figure, rules asked, forms the window adds and sentence words it holds: for random
    sentences of duals, cues, vote words and figures every window's list equals _every_rule's
    for that window, the claims are the same with the path off, and windows share lists."""
    from crosscheck.extract import extractor

    made, shared = [0], [0]
    real_every, real_app = extractor._every_rule, extractor._applicable

    def every(*a, **kw):
        made[0] += isinstance(a[2], extractor.TokenWindow)
        return real_every(*a, **kw)

    def checked(ctx, comp, toks, index, kinds, n, ordinal):
        got = real_app(ctx, comp, toks, index, kinds, n, ordinal)
        if isinstance(toks, extractor.TokenWindow):
            shared[0] += 1
            assert got == real_every(ctx, comp, toks, index, kinds, n, ordinal, cue=False)
        return got

    monkeypatch.setattr(extractor, "_every_rule", every)
    monkeypatch.setattr(extractor, "_applicable", checked)
    # (every window asks for its list: a neighbourhood seen before would otherwise be typed
    # from the sentence's kind memo, _KIND_MEMO, without asking; tests/test_kind_memo.py)
    monkeypatch.setattr(extractor, "_KIND_MEMO", False)
    rng = random.Random(71)
    words = list(_WORDS) + ["جنديين", "شخصين", "طفلين", "دولتين", "عضوين", "ومقتل", "وإصابة", "امتناع",
                            "بأغلبية", "صوتا", "مجلس", "الأمن", "القرار", "،", "12", "أصيب", "الكوليرا"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 90))) for _ in range(150)]
    for text in texts:
        fast = [c.model_dump() for c in extractor.extract_text(text)]
        monkeypatch.setattr(extractor, "_WINDOW_RULES_FROM_BASE", False)
        plain = [c.model_dump() for c in extractor.extract_text(text)]
        monkeypatch.setattr(extractor, "_WINDOW_RULES_FROM_BASE", True)
        assert fast == plain, text
    made[0] = shared[0] = 0
    extractor.extract_text("قال مسؤولون " + " ".join(f"ومقتل جنديين وإصابة شخصين في {p}" for p in ("غزة", "رفح") * 20))
    assert shared[0] >= 80 and made[0] * 10 < shared[0], (made, shared)


def test_dual_nouns_give_the_same_claims_with_window_matches_read_from_their_sentence():
    """The claims of sentences of dual nouns among cues, figures and commas (each dual a
    rewritten window) are the same whether a window's between() reads its sentence's matches
    or every position of its own."""
    from crosscheck.extract import extractor
    from crosscheck.text import lexicon

    rng = random.Random(43)
    words = list(_WORDS) + ["جنديين", "شخصين", "طفلين", "مدنيين", "ومقتل", "وإصابة", "مقتل", "أو", "،", "12", "أصيب"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 120))) for _ in range(120)]
    texts += [_dense_sentence(rng.randint(2, 20)) + " ومقتل جنديين وإصابة شخصين" for _ in range(10)]
    duals = 0
    for text in texts:
        fast, plain = claims_both_ways(lexicon, "_WINDOW_FROM_BASE", text)
        assert fast == plain, text
        duals += sum(c["value"] == 2 and c["surface"].endswith("ين") for c in fast)
    assert duals > 50


def test_or_and_head_word_positions_found_once_per_sentence_give_the_same_claims(monkeypatch):
    """_either_or ("قتل أو أصيب 2505") reads the sentence's "أو" positions by bisection, and
    _find_cue tries its subject-without-a-verb look-ups ("حصيلة قتلى الحريق 82 شخصا") only when
    a head word stands within their reach (_head_before): the claims of random texts dense in
    heads, cues, "أو" and figures are the same as reading the tokens around every figure, and
    both shortcuts do fire."""
    from crosscheck.extract import extractor

    words = list(_WORDS) + ["أو", "عدد", "حصيلة", "القتلى", "بلغ", "ارتفع", "إلى", "قتلى", "الحريق", "82", "أصيب", "،"]
    rng = random.Random(23)
    texts = _texts(60, 24) + [_dense_sentence(rng.randint(2, 30)) for _ in range(20)]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(3, 80))) for _ in range(160)]
    # two kinds joined by "أو" at a figure, among other words
    joins = ("قتل أو أصيب", "أصيب أو قتل", "لقوا حتفهم أو فقدوا", "نزح أو فقد")
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) + f" {rng.choice(joins)} "
              + f"{rng.randint(2, 900)} شخصا " + " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
              for _ in range(60)]
    real = extractor._head_before
    said = {True: 0, False: 0}

    def counting(*args):
        out = real(*args)
        said[out] += 1
        return out

    real_or = extractor._either_or
    joined = {"two kinds": 0}

    def counting_or(*args):
        out = real_or(*args)
        joined["two kinds"] += out
        return out

    monkeypatch.setattr(extractor, "_head_before", counting)
    monkeypatch.setattr(extractor, "_either_or", counting_or)
    for text in texts:
        fast, plain = claims_both_ways(extractor, "_SENTENCE_POSITIONS", text)
        assert fast == plain, text
    assert said[True] > 50 and said[False] > 200 and joined["two kinds"] > 10


def _sentence_windows(seed: int, text_seed: int, counts: tuple[int, int, int]):
    """Rewritten claim windows (a dual noun's copy) of random sentences whose own cue matches are
    all known: (rng, window, position of the rewritten token, the window's index, an index of
    the same tokens without a base).  `counts`: news texts, dense sentences, random runs of cue
    phrases of every length (gapped ones too), side by side, so that matches cross the
    rewritten tokens and the window's cut ends."""
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document

    rules = load_rules()
    cues = compile_rules(rules).tagged_cues
    pieces = [p.source for p in cues.phrases] + list(_WORDS) + ["جنديين", "،", "، بينهم"]
    rng = random.Random(seed)
    n_news, n_dense, n_runs = counts
    texts = _texts(n_news, text_seed) + [_dense_sentence(rng.randint(2, 60)) for _ in range(n_dense)]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(3, 320))) for _ in range(n_runs)]
    for text in texts:
        ctx = DocContext(Document(id="t", text=text), rules)
        lo, hi = ctx.sentence_at(len(ctx.text) // 2)
        toks = ctx.tokens(lo, hi)
        if len(toks) < 3:
            continue
        ctx.cue_index(cues, toks).has("x")  # the sentence's matches all known
        for _ in range(4):
            i = rng.randrange(1, len(toks))
            w, a = _rewritten_window(rng, toks, i, lambda: rng.choice(pieces).split()[0])
            yield rng, w, i - a, ctx.cue_index(cues, w), SentenceIndex(cues, list(w))


def _rewritten_window(rng, toks, i, pick_noun):
    """The window of token i rewritten the way the extractor rewrites it, at random: a dual (one
    token becomes "2" + a noun from pick_noun) or a noun read before its "one" (two tokens
    rewritten in place).  Returns the window and its first token's index."""
    from crosscheck.extract import extractor
    from crosscheck.text.tokens import Token

    w, a = extractor._window(toks, i)
    t = w[i - a]
    if rng.random() < 0.5:  # a dual: one token becomes two
        noun = pick_noun()
        w[i - a : i - a + 1] = [Token(t.nstart, t.nend, t.text, frozenset({"2"}), t.brk_before),
                                Token(t.nstart, t.nend, noun, frozenset({noun}), False)]
    else:  # a noun read first: two tokens rewritten in place
        p = w[i - 1 - a]
        w[i - 1 - a : i + 1 - a] = [Token(p.nstart, t.nend, t.text, frozenset({"1"}), p.brk_before),
                                    Token(p.nstart, t.nend, p.text, p.forms, False)]
    return w, a


def test_phrases_tried_by_word_pairs_match_as_every_candidate_does(monkeypatch):
    """PhraseSet.at and SentenceIndex try, at a word with many candidate phrases, only those
    whose second word the next token has (lexicon._pair_candidates): the same matches as
    trying every candidate, for every phrase set the rules compile, on texts made of the
    phrases' own words (so that most candidates get past their first word)."""
    from crosscheck.extract.extractor import extract_text
    from crosscheck.text import lexicon as lx

    sets, texts = phrase_texts(31, 60, 30, 2, 0.5, 3, ["", "", "", "،"], min_phrases=4)
    toks_of = [tokenize(normalize(t).text) for t in texts]
    paired = tried = 0
    for ps in sets:
        ps._pair_cache.clear()
        got = []
        for toks in toks_of:
            got.append(([ps.at(toks, i) for i in range(len(toks))], SentenceIndex(ps, toks).matches))
        paired += sum(len(v) < len(ps._first_cache[k[0]]) for k, v in ps._pair_cache.items())
        monkeypatch.setattr(lx, "_PAIRS", False)
        for toks, (at, matches) in zip(toks_of, got):
            assert [ps.at(toks, i) for i in range(len(toks))] == at
            assert SentenceIndex(ps, toks).matches == matches
            tried += len(toks)
        monkeypatch.setattr(lx, "_PAIRS", True)
    assert paired > 50 and tried > 10_000, (paired, tried)  # (pairs that left phrases out)
    for text in texts[:20] + _texts(20, 32):
        on = [c.model_dump() for c in extract_text(text)]
        monkeypatch.setattr(lx, "_PAIRS", False)
        assert [c.model_dump() for c in extract_text(text)] == on, text
        monkeypatch.setattr(lx, "_PAIRS", True)


def test_place_names_of_letters_only_are_looked_up_as_written(monkeypatch):
    """Gazetteer.mentions looks a name of letters only up as written (no run of spaces to make
    single) and passes a name holding spaces of any kind through _SPACES: the same mentions as
    making every name single-spaced, on texts of the gazetteer's names joined by every kind of
    space, with clitics, locatives and glued letters."""
    from crosscheck.extract import scope
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document

    gz = DocContext(Document(id="x", text="في غزة"), load_rules()).gaz
    # (an area named by a country's adjective, "بولاية … الهندية", moves that mention: another step
    # than the lookup this test compares, which random names would trip - tested in
    # tests/test_place_area_and_filed_from.py)
    monkeypatch.setattr(gz, "_area_of_re", None)
    names = sorted(gz.lookup)
    rng = random.Random(47)
    spaces = [" ", "  ", "\u00a0", "\t", "\n", " \u2009"]
    found = spaced = 0
    for _ in range(600):
        parts = [rng.choice(["", "في ", "و", "ب", "ال", "وبال", "x"]) + rng.choice(names).replace(" ", rng.choice(spaces))
                 for _ in range(rng.randint(1, 12))]
        text = rng.choice(spaces).join(parts)
        want = []
        for m in gz.pattern.finditer(text):
            hit = gz.lookup.get(scope._SPACES.sub(" ", m.group("name")))
            if hit is not None:
                located = "ب" in (m.group("pre") or "") or gz._is_locative(gz._previous_word(text, m.start()))
                want.append((m.start("name"), m.end(), hit[0].id, hit[1], located))
                spaced += not m.group("name").isalpha()
        got = [(x.start, x.end, x.place.id, x.adjective, x.located) for x in gz.mentions(text)]
        assert got == want, text
        found += len(want)
    assert found > 2000 and spaced > 500


def test_the_rules_a_class_of_figure_can_take_are_listed_once_per_sentence(monkeypatch):
    """_best_kind's tests of a rule that do not depend on where the figure stands (ordinal,
    digits, min_value, integer; the article's and the sentence's words) are made once per
    sentence, rule list and class of figure (_applicable), not for every figure: counted, the
    rule lists built in a dense sentence do not grow with its figures; the claims are those of
    testing every rule for every figure (_STATIC_KINDS off), on dense sentences, decimals,
    ordinals, vote and hostage sentences and random texts, dual nouns (a claim's window) among
    them."""
    from crosscheck.extract import extractor

    built = [0]
    real = extractor._every_rule

    def counting(*a, **k):
        built[0] += 1
        return real(*a, **k)

    monkeypatch.setattr(extractor, "_every_rule", counting)
    counts = {}
    for n in (200, 800):
        built[0] = 0
        claims = extractor.extract_text(_dense_sentence(n))
        assert len(claims) > n // 2
        counts[n] = built[0]
    assert counts[800] == counts[200] < 40, counts  # a handful of classes, whatever the figures
    texts = [_dense_sentence(60)] + _texts(60, 23) + [
        "وقتل 3.5 ألف شخص وأصيب 12.5 ألفا في غزة، وللمرة الثامنة استخدمت روسيا الفيتو ونزح 40 ألفا",
        "صوت 13 عضوا لصالح القرار 2728 وامتنعت دولتان، وأفرجت حماس عن 24 محتجزا بينهم 10 تايلانديين",
        "ومقتل جنديين وإصابة شخصين في غزة و3 مدنيين في رفح، وفقد 2.5 شخص",
        # classes of one sentence: digits and words, integers and decimals, below a min_value
        "صوت المجلس على القرار 2728 ثم على القرار ثلاثة وعلى القرار 2.5",
        "صوت المجلس على القرار 0 ثم على القرار 2728 والقرار 2729",
        "وللمرة الثامنة استخدمت روسيا الفيتو وقتل ثلاثة في غزة",
    ]
    for text in texts:
        fast, plain = claims_both_ways(extractor, "_STATIC_KINDS", text)
        assert fast == plain, text


def test_an_article_mentions_a_word_as_its_tokens_forms_say(monkeypatch):
    """DocContext.mentions_any (a rule's article_needs, a context veto's words) asks the
    article's words as written against the words' clitic spellings (tokens.spellings), not the
    forms of every word of the article: the same answers as the union of the tokens' forms, and
    no word's forms made (counted)."""
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document
    from crosscheck.text import tokens

    rules = load_rules()
    rng = random.Random(5)
    texts = _texts(120, 31) + ["وقال المرصد إن الوباء انتشر، وبالأسرى والكوليرا لل فالمستشفى"]
    made = [0]
    real = tokens.bare_forms
    for text in texts:
        ctx = DocContext(Document(id="t", text=text), rules)
        toks = tokenize(ctx.text)
        forms = sorted(set().union(*(t.forms for t in toks))) if toks else []
        words = [t.text for t in toks]
        asks = [frozenset(rng.sample(forms, min(len(forms), k))) for k in (1, 1, 2)] if forms else []
        # forms with a clitic added or a letter cut (mostly absent), and one-letter words
        asks += [frozenset({"و" + w, w[1:], "ك" + w[1:]}) for w in rng.sample(words, min(len(words), 3))]
        asks += [frozenset({"و"}), frozenset({"ل", "ب"}), frozenset({"الكوليرا"}), frozenset({"اسري"})]
        monkeypatch.setattr(tokens, "bare_forms", lambda w: made.__setitem__(0, made[0] + 1) or real(w))
        for ws in asks:
            assert ctx.mentions_any(ws) == (not ws.isdisjoint(forms)), (text, ws)
        monkeypatch.setattr(tokens, "bare_forms", real)
    for p in tokens._prefixes():  # a word behind each clitic prefix, and a stem too short to cut
        ctx = DocContext(Document(id="t", text=f"قال {p}مستشفيات {p}بن"), rules)
        assert ctx.mentions_any(frozenset({"مستشفيات"})) and not ctx.mentions_any(frozenset({"ن"})), p
    assert made[0] == 0


def test_an_article_is_asked_once_per_set_of_words(monkeypatch):
    """mentions_any's answer is kept per document and set of words: a context veto armed by the
    article asks it for every figure of a dense sentence, and the article's spellings are
    compared once per set (counted: the same few comparisons for 100 figures as for 400), the
    claims those of asking each time."""
    from crosscheck.extract import context as cx
    from crosscheck.extract import extractor
    from crosscheck.text import tokens

    asked = [0]
    real = tokens.spellings

    def counting(words):
        asked[0] += 1
        return real(words)

    counts = {}
    for n in (100, 400):
        asked[0] = 0
        monkeypatch.setattr(cx, "spellings", counting)
        claims = extractor.extract_text("تفشي الكوليرا في المخيمات. " + _dense_sentence(n))
        monkeypatch.setattr(cx, "spellings", real)
        assert len(claims) > n // 2
        counts[n] = asked[0]
    assert counts[400] == counts[100] < 40, counts
    text = "تفشي الكوليرا في المخيمات. " + _dense_sentence(60)
    fast = [c.model_dump() for c in extractor.extract_text(text)]
    monkeypatch.setattr(cx.DocContext, "mentions_any", lambda self, ws: not real(ws).isdisjoint(self.words))
    assert fast == [c.model_dump() for c in extractor.extract_text(text)]


def test_a_figures_cue_questions_that_do_not_depend_on_the_rule_are_asked_once(monkeypatch):
    """_find_cue, asked for every rule _best_kind tries, answers some questions that depend on
    the figure only (does a head word stand before it, is it a reach word's predicate, a subset
    hedge or a hedge after its noun): kept for the figure (counted, at most once per figure),
    with the claims of asking them for every rule (_FIGURE_MEMO off)."""
    from crosscheck.extract import extractor

    calls = [0]
    real = extractor._head_before

    def counting(*a, **k):
        calls[0] += 1
        return real(*a, **k)

    monkeypatch.setattr(extractor, "_head_before", counting)
    n = 300
    claims = extractor.extract_text(_dense_sentence(n))
    assert len(claims) > n // 2
    once = calls[0]
    monkeypatch.setattr(extractor, "_FIGURE_MEMO", False)
    calls[0] = 0
    extractor.extract_text(_dense_sentence(n))
    assert once <= n < calls[0], (once, calls[0])  # (at most once per figure; per rule without)
    monkeypatch.setattr(extractor, "_FIGURE_MEMO", True)
    texts = [_dense_sentence(60)] + _texts(80, 41) + [
        "ارتفعت حصيلة القتلى في القطاع إلى 38 ألفا، وعدد الجرحى إلى 400 شخص على الأقل",
        "حصيلة قتلى الحريق في مستشفى العاصمة 82 شخصا، بينهم 34 منهم على الأقل قد لقوا حتفهم",
        "قتلت، بحسب المرصد، أكثر من 500 ألف شخص، و33 شخصا على الأقل، بينهم 5 أطفال، قتلوا",
    ]
    for text in texts:
        fast, plain = claims_both_ways(extractor, "_FIGURE_MEMO", text)
        assert fast == plain, text


def test_a_figures_kept_cue_answers_are_those_of_each_rule_and_end(monkeypatch):
    """_find_cue with one figure's dict shared by every rule and every end of the claim (the
    noun's end differs by rule) finds what it finds with none (each question asked again)."""
    from crosscheck.extract import extractor
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document

    rules = load_rules()
    comp = compile_rules(rules)
    texts = [_dense_sentence(40)] + _texts(40, 43) + [
        "قالت مصادر إن 34 منهم على الأقل قد لقوا حتفهم، و33 شخصا على الأقل، بينهم 5 أطفال، قتلوا",
        "حصيلة قتلى الحريق في مستشفى العاصمة 82 شخصا وعدد المصابين 40 جريحا على الأقل",
    ]
    asked = 0
    for text in texts:
        ctx = DocContext(Document(id="t", text=text), rules)
        toks = tokenize(ctx.text)
        index = ctx.cue_index(comp.tagged_cues, toks)
        for left in range(len(toks)):
            fig: dict = {}
            for right in (left + 1, left + 3, left + 2, left + 1):
                for ck in comp.kinds:
                    got = extractor._find_cue(ctx, comp, ck, toks, left, right, index, None, fig)
                    assert got == extractor._find_cue(ctx, comp, ck, toks, left, right, index, None), (text, left, right)
                    asked += 1
    assert asked > 10_000


def test_the_country_named_in_a_clause_is_found_among_the_sentences_matches(monkeypatch):
    """_names_the_country takes the sentence's country-word matches (found once) by bisection:
    the same answer as asking every position of the window for every figure (random texts of
    country words, dense sentences, dual-noun windows, every span), and far fewer look-ups."""
    from crosscheck.extract import extractor
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document

    rules = load_rules()
    words = list(rules.scope.country_words)
    pieces = words + list(_WORDS) + ["البلاد", "كلها", "جنديين", "،", "في"]
    rng = random.Random(1601)
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(2, 70))) for _ in range(150)]
    asked = 0
    for text in texts + [_dense_sentence(30)]:
        ctx = DocContext(Document(id="t", text=text), rules)
        toks = tokenize(ctx.text)
        for left in range(len(toks)):
            for right in (left + 1, left + 2, left + 4):
                fast = extractor._names_the_country(ctx, toks, left, min(right, len(toks)))
                monkeypatch.setattr(extractor, "_SENTENCE_POSITIONS", False)
                plain = extractor._names_the_country(ctx, toks, left, min(right, len(toks)))
                monkeypatch.setattr(extractor, "_SENTENCE_POSITIONS", True)
                assert fast == plain, (text, left, right)
                asked += plain
    assert asked > 500
    for text in texts[:40] + ["ومقتل جنديين في أنحاء البلاد وإصابة 30 شخصا في البلاد كلها، " * 5]:
        fast, plain = claims_both_ways(extractor, "_SENTENCE_POSITIONS", text)
        assert fast == plain, text
    # counted: a dense sentence's country-word look-ups (it names the country once) are one
    # per word that may start one ("في": one per figure), not one per word of every window
    dense = _dense_sentence(200) + " في البلاد"
    calls = [0]
    lex = DocContext(Document(id="t", text="x"), rules).scope.country_words  # (one per rules)
    real = lex.at

    def counting(*a, **k):
        calls[0] += 1
        return real(*a, **k)

    monkeypatch.setattr(lex, "at", counting)
    extractor.extract_text(dense)
    once = calls[0]
    monkeypatch.setattr(extractor, "_SENTENCE_POSITIONS", False)
    calls[0] = 0
    extractor.extract_text(dense)
    assert once <= 201 + 1 and calls[0] > 5 * 200, (once, calls[0])  # (the figures' "في" and the last)


def _rule_phrase_sets(ctx, comp) -> list[PhraseSet]:
    """Every phrase set the extractor compiles from the rules (scope, kinds, hedges)."""
    from crosscheck.extract.hedges import lexicon_for

    out: dict[int, PhraseSet] = {}
    for obj in (ctx.scope, comp, lexicon_for(ctx.rules.hedges), *comp.kinds):
        for name in dir(obj):
            if name.startswith("__"):
                continue
            try:
                v = getattr(obj, name)
            except Exception:  # noqa: BLE001 - a property that needs more than the object
                continue
            if isinstance(v, PhraseSet):
                out[id(v)] = v
    return list(out.values())


def test_a_token_list_that_cannot_hold_a_phrase_set_has_none_of_its_phrases(monkeypatch):
    """TokenInfo.may_hold (no phrase has all its plain words among the tokens' forms) is False
    only where `at` and `ending_at` find no phrase of the set at any position: every phrase set
    of the rules, on random texts made of their own words, sentences and rewritten claim
    windows; the claims are the same with the gates off, and they do pass sets over."""
    from crosscheck.extract import context as cx
    from crosscheck.extract import extractor
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document

    rules = load_rules()
    comp = compile_rules(rules)
    ctx0 = DocContext(Document(id="t", text="x"), rules)
    sets = _rule_phrase_sets(ctx0, comp)
    assert len(sets) > 40
    words = sorted({w.text for s in sets for p in s.phrases for w in p.words if w.text and not w.gap})
    rng = random.Random(1602)
    texts = [" ".join(rng.choice(words + list(_WORDS)) for _ in range(rng.randint(1, 40))) for _ in range(120)]
    texts += _texts(60, 1603)
    passed = held = 0
    for text in texts:
        ctx = DocContext(Document(id="t", text=text), rules)
        lo, hi = ctx.sentence_at(0)
        toks = ctx.tokens(lo, hi)
        if not toks:
            continue
        lists = [toks]
        for _ in range(2):
            i = rng.randrange(1, len(toks)) if len(toks) > 1 else None
            if i is not None:
                lists.append(_rewritten_window(rng, toks, i, lambda: rng.choice(words))[0])
        for tl in lists:
            info = ctx.info(tl)
            for s in sets:
                if info.may_hold(s):
                    held += 1
                    continue
                passed += 1
                assert all(s.at(tl, i) is None for i in range(len(tl))), (text, s.phrases[:3])
                assert all(s.ending_at(tl, j) is None for j in range(1, len(tl) + 1)), (text, s.phrases[:3])
    assert passed > 5000 and held > 1000, (passed, held)
    for text in texts[:60] + [
        _dense_sentence(40), "ومقتل جنديين في غزة وإصابة 30 شخصا لا يزالون في المستشفيات، بينهم 5 أطفال",
        "نفى الجيش مقتل 200 شخص في الغارة، وقال مسؤولون إن 30 شخصا قتلوا منذ بدء الحرب وفقا لوزارة الصحة",
        "ومقتل جنديين أمس في غزة بحسب الجيش، وأصيب 12 آخرون خلال الساعات الماضية",
    ]:
        fast = [c.model_dump() for c in extractor.extract_text(text)]
        monkeypatch.setattr(cx, "_GATES", False)
        plain = [c.model_dump() for c in extractor.extract_text(text)]
        monkeypatch.setattr(cx, "_GATES", True)
        assert fast == plain, text
    # counted: a dense sentence holds no rule's exclude_before phrase; none is looked up
    calls = [0]
    real = PhraseSet.ending_at

    def counting(self, *a, **k):
        calls[0] += 1
        return real(self, *a, **k)

    monkeypatch.setattr(PhraseSet, "ending_at", counting)
    extractor.extract_text(_dense_sentence(200))
    gated = calls[0]
    monkeypatch.setattr(cx, "_GATES", False)
    calls[0] = 0
    extractor.extract_text(_dense_sentence(200))
    assert gated * 2 < calls[0], (gated, calls[0])


def _claim_values(c) -> list[tuple[str, str, object]]:
    """(field, type name, value) of every field of a claim, nested models dumped; the shared
    empty list of a list field (claim_copy.EMPTY, on purpose: tests/test_claim_record_memory.py)
    named a list, and only when it is empty."""
    from crosscheck.extract.claim_copy import EMPTY

    return [(k, "list" if v is EMPTY and not v else type(v).__name__, v.model_dump() if hasattr(v, "model_dump") else v)
            for k, v in c.__dict__.items()]


def test_claims_made_without_validation_equal_the_validated_model(monkeypatch):
    """_new_claim builds the extractor's claims from typed values without pydantic's
    validation: every field (its type too, int vs float) is what Claim(**fields) gives, on the
    fixtures, dense sentences, dual nouns and random texts; a validated copy of each equals
    it; an unknown field is refused."""
    from pathlib import Path

    import pytest

    from crosscheck.extract import extractor
    from crosscheck.models import Claim

    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures").glob("*.txt"))]
    texts += [_dense_sentence(60), "ومقتل جنديين وإصابة شخصين في غزة بحسب الجيش، وأصيب 1.5 ألف شخص ونحو 300 آخرين"]
    texts += _texts(200, 1701)
    made = 0
    for text in texts:
        fast = extractor.extract_text(text)
        monkeypatch.setattr(extractor, "_VALIDATE_CLAIMS", True)
        plain = extractor.extract_text(text)
        monkeypatch.setattr(extractor, "_VALIDATE_CLAIMS", False)
        assert [_claim_values(c) for c in fast] == [_claim_values(c) for c in plain], text
        for c in fast:
            assert _claim_values(Claim.model_validate(c.model_dump())) == _claim_values(c)
            assert c.model_dump_json() == Claim.model_validate_json(c.model_dump_json()).model_dump_json()
        made += len(fast)
    assert made > 300, made
    with pytest.raises(TypeError):
        extractor._new_claim(doc="d", kind="k", value=1, start=0, end=1, surface="x", colour="red")


def test_a_window_asks_its_sentence_whether_it_may_hold_a_phrase_set(monkeypatch):
    """A claim window's may_hold is its sentence's answer for the forms its rewritten tokens
    add (TokenInfo._may_hold_with, kept per set of added forms): the same answer as testing
    the window's own forms, for every phrase set of the rules on random sentences and
    rewritten windows; windows adding the same forms share one answer; the claims of dual
    nouns are the same with the path off."""
    from crosscheck.extract import context as cx
    from crosscheck.extract import extractor
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document

    rules = load_rules()
    comp = compile_rules(rules)
    sets = _rule_phrase_sets(DocContext(Document(id="t", text="x"), rules), comp)
    words = sorted({w.text for s in sets for p in s.phrases for w in p.words if w.text and not w.gap})
    rng = random.Random(1801)
    held = passed = 0
    for k in range(80):
        text = " ".join(rng.choice(words + list(_WORDS)) for _ in range(rng.randint(2, 40)))
        ctx = DocContext(Document(id="t", text=text), rules)
        lo, hi = ctx.sentence_at(0)
        toks = ctx.tokens(lo, hi)
        if len(toks) < 2:
            continue
        for _ in range(3):
            w, _a = _rewritten_window(rng, toks, rng.randrange(1, len(toks)), lambda: rng.choice(words))
            info = ctx.info(w)
            assert info.base is ctx.info(toks)
            for s in sets:
                got = info.may_hold(s)
                want = s.needs is None or any(map(info.forms.issuperset, s.needs))
                assert got == want, (text, s.phrases[:3])
                held += got
                passed += not got
    assert held > 1000 and passed > 1000, (held, passed)
    # windows adding the same forms: the phrase sets' needs are read once for all of them
    text = " ".join(f"ومقتل جنديين وإصابة {n} أشخاص في غزة" for n in range(3, 40))
    asked, read = [0], [0]
    real_ask, real = cx.TokenInfo.may_hold, cx.TokenInfo._may_hold_with

    def asking(self, phrases):
        asked[0] += self.base is not None
        return real_ask(self, phrases)

    def counting(self, phrases, new):
        if new:
            read[0] += ("may_hold+", id(phrases), new) not in self._memo
        return real(self, phrases, new)

    monkeypatch.setattr(cx.TokenInfo, "may_hold", asking)
    monkeypatch.setattr(cx.TokenInfo, "_may_hold_with", counting)
    assert len(extractor.extract_text(text)) >= 37
    assert 0 < read[0] and read[0] * 10 < asked[0], (read, asked)
    monkeypatch.setattr(cx.TokenInfo, "may_hold", real_ask)
    for t in (text, "قال مسؤولون " + " ".join(f"ومقتل جنديين وإصابة شخصين في {p}" for p in ("غزة", "رفح", "جنين") * 9),
              "وأصيب طفلان ومدنيان، ولم يقتل جنديان في الهجوم بحسب الجيش، فيما قتل 3 من الشرطة"):
        fast = [c.model_dump() for c in extractor.extract_text(t)]
        monkeypatch.setattr(cx, "_WINDOW_GATES_FROM_BASE", False)
        plain = [c.model_dump() for c in extractor.extract_text(t)]
        monkeypatch.setattr(cx, "_WINDOW_GATES_FROM_BASE", True)
        assert fast == plain and fast, t


def test_the_token_list_asked_last_is_answered_without_a_look_up(monkeypatch):
    """DocContext.info answers the token list it answered last at once (a figure asks ~18
    times, mostly of one list): the same TokenInfo object the look-up gives (a sentence's is the
    one it keeps; a claim's window's the one in use), and the same claims with it off, in one
    long line of many sentences (forgotten behind the figure) and in sentences of dual nouns."""
    from crosscheck.extract import context as cx
    from crosscheck.extract import extractor
    from crosscheck.models import Document

    asked = [0]
    real_info = cx.DocContext.info

    def checking(self, toks):
        got = real_info(self, toks)
        asked[0] += 1
        if isinstance(toks, cx.TokenWindow):
            assert got is self._window_info and got.toks is toks and got.base is real_info(self, toks.base)
        else:
            assert self._info[id(toks)] is got and got.toks is toks
        return got

    places = ["غزة", "رفح", "حلب", "درنة"]
    texts = [
        " ".join(f"قتل {i % 40 + 3} أشخاص في {places[i % 4]} أمس. صوت {i % 13 + 2} عضوا لصالح القرار." for i in range(120)),
        " و".join(f"قتل جنديين وأصيب {i + 2} شخصا في {places[i % 4]}" for i in range(150)),
        " ".join(f"وارتفع عدد القتلى في حلب و{i % 50 + 3} قرى إلى {i + 40} شخصا" for i in range(80)),
        *_texts(40, 77),
    ]
    for text in texts:
        monkeypatch.setattr(cx, "_LAST_INFO", True)
        monkeypatch.setattr(cx.DocContext, "info", checking)
        fast = [c.model_dump() for c in extractor.extract(Document(id="d", text=text))]
        monkeypatch.setattr(cx.DocContext, "info", real_info)
        monkeypatch.setattr(cx, "_LAST_INFO", False)
        assert [c.model_dump() for c in extractor.extract(Document(id="d", text=text))] == fast
    assert asked[0] > 10_000
    # a sentence forgotten behind the figure is not held by the one answer kept
    ctx = cx.DocContext(Document(id="d", text=texts[0]), load_rules())
    lo, hi = ctx.sentence_at(0)
    first = ctx.info(ctx.tokens(lo, hi))
    assert ctx.info(ctx.tokens(lo, hi)) is first and ctx._last_info is first
    ctx.forget_before(hi + 1)
    assert ctx._last_toks is None and ctx._last_info is None and id(first.toks) not in ctx._info


def test_words_joined_to_a_figure_are_read_for_combining_kinds_only_where_one_can_stand(monkeypatch):
    """_combined ("مصرع وإصابة العشرات", "عدد القتلى والجرحى بلغ 50") asks _kinds_at only at a
    joiner where a rule that combines can end before it and one it combines with can start after
    it (_may_combine, per word form set): the claims of random texts dense in joined kind words,
    duals and figures are the same as asking at every joiner; the gate passes most joiners over
    and still lets the combined totals through."""
    from crosscheck.extract import extractor

    words = list(_WORDS) + ["مصرع", "وإصابة", "القتلى", "والجرحى", "والمفقودين", "قتيل", "أو", "مفقود",
                            "عدد", "بلغ", "العشرات", "من", "و", "جنديين", "ومقتل", "،", "50"]
    rng = random.Random(61)
    texts = _texts(40, 62) + [_dense_sentence(rng.randint(2, 30)) for _ in range(20)]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(3, 80))) for _ in range(200)]
    joined = ("مصرع وإصابة العشرات", "عدد القتلى والجرحى بلغ 50", "1000 قتيل أو مفقود", "العشرات من القتلى والجرحى")
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(0, 10))) + f" {rng.choice(joined)} "
              + " ".join(rng.choice(words) for _ in range(rng.randint(0, 10))) for _ in range(60)]
    real_at, real_combined = extractor._kinds_at, extractor._combined
    asked, combined = [0], [0]

    def counting_at(*args):
        asked[0] += 1
        return real_at(*args)

    def counting_combined(*args):
        out = real_combined(*args)
        combined[0] += out
        return out

    monkeypatch.setattr(extractor, "_kinds_at", counting_at)
    monkeypatch.setattr(extractor, "_combined", counting_combined)
    for text in texts:
        before = asked[0]
        fast = [c.model_dump() for c in extractor.extract_text(text)]
        gated = asked[0] - before
        extractor._COMBINE_GATE = False
        try:
            before = asked[0]
            plain = [c.model_dump() for c in extractor.extract_text(text)]
            ungated = asked[0] - before
        finally:
            extractor._COMBINE_GATE = True
        assert fast == plain, text
        assert gated <= ungated
        asked.append((gated, ungated))
    pairs = asked[1:]
    assert sum(g for g, _ in pairs) * 3 < sum(u for _, u in pairs)  # most joiners passed over
    assert combined[0] > 20  # ... and the combined totals still found


def _plain_rank(gaz, cands, at, end, figures=None):
    """scope._rank as first written: sorted by gap with a key function, every mention tried."""
    from crosscheck.extract.scope import _gap

    cands = sorted(cands, key=lambda m: _gap(m, at, end))
    reach = gaz.rules.own_place_window * 7
    best = next((m for m in cands if end <= m.start <= end + reach), None)
    if best is None:
        best = cands[0]
    window = gaz.rules.child_window * 7
    for m in cands:
        if m is not best and _gap(m, at, end) <= window and gaz.is_within(m.place.id, best.place.id) and not (
            figures is not None and m.start < at and figures(m.start - reach - 14, m.start)
        ):
            best = m
    return best


def test_a_claims_place_is_ranked_as_first_written():
    """scope._rank computes each mention's gap once and stops at the first past the window: the
    same place as the plain definition for random mentions of related and unrelated places at
    random distances (ties included), with and without other figures' places taken."""
    from crosscheck.extract.scope import Mention, _rank, gazetteer_for

    gaz = gazetteer_for(load_rules().gazetteer)
    places = list(gaz.by_id.values())
    children = [p for p in places if p.parent is not None]
    rng = random.Random(71)
    checked = differ = 0
    for _ in range(3000):
        pool = [rng.choice(children)] + [rng.choice(places) for _ in range(3)]
        pool += [gaz.by_id[p.parent] for p in pool if p.parent in gaz.by_id]
        at = rng.randint(50, 150)
        end = at + rng.randint(0, 20)
        cands = []
        window = gaz.rules.child_window * 7
        for _ in range(rng.randint(1, 7)):
            n = rng.randint(2, 9)
            s = rng.choice([rng.randint(0, 250), at - rng.randint(0, 30), end + rng.randint(0, 30),
                            at - n - window + rng.randint(-1, 1), end + window + rng.randint(-1, 1)])  # (at the window's edge)
            cands.append(Mention(s, s + n, rng.choice(pool), False, True))
        taken = rng.choice([None, lambda lo, hi: (lo + hi) % 3 == 0])
        got, want = _rank(gaz, cands, at, end, taken), _plain_rank(gaz, cands, at, end, taken)
        assert got is want
        checked += 1
        differ += want is not min(cands, key=lambda m: abs(m.start - at))
    assert checked == 3000 and differ > 100  # (the sub-area and own-place rules do fire)


def test_a_places_ancestors_are_found_once_and_answer_as_its_parent_chain():
    """Gazetteer.is_within keeps each place's ancestors: for every pair of places (and an unknown
    id) it answers as membership in parent_chain, asked twice (the kept answer the same)."""
    from crosscheck.extract.scope import gazetteer_for

    gaz = gazetteer_for(load_rules().gazetteer)
    ids = list(gaz.by_id) + ["no-such-place"]
    inside = 0
    for _round in range(2):
        for a in ids:
            for b in ids:
                assert gaz.is_within(a, b) == (b in gaz.parent_chain(a))
                inside += gaz.is_within(a, b)
    assert inside > 20


def test_an_articles_formula_phrases_are_matched_as_their_pattern_says():
    """formulas._article_holds keeps each phrase's normalised parts and pattern: the same answer
    as building them for the text (words in order, "…" at most two words, clitics before)."""
    from crosscheck.extract.formulas import _article_holds

    cases = [
        ("الطائرة … المنكوبة", "سقطت الطائرة الإثيوبية المنكوبة امس", True),
        ("الطائرة … المنكوبة", "الطائرة وهي من طراز قديم المنكوبة", False),
        ("في الأسر", "قضى سنوات وفي الأسر", True),
        ("في الأسر", "في الأسرة", False),
    ]
    for _round in range(2):
        for phrase, text, want in cases:
            assert _article_holds(normalize(text).text, phrase) is want, (phrase, text)
