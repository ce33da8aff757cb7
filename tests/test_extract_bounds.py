"""Bounds on what extraction holds and reads per claim (issue 11, issue 10 item 6), COUNTED, never
timed, and each bounded shortcut checked against its unbounded definition (same claims)."""

from __future__ import annotations

import pytest

from crosscheck.extract import extractor
from crosscheck.extract.extractor import extract_text
from counting_support import CountingPattern, count_calls

_KINDS = ["قتيلا", "جريحا", "مفقودا", "نازحا", "شخصا", "طفلا"]
_PLACES = ["غزة", "رفح", "حلب", "درنة"]
_HEDGES = ["", "نحو ", "أكثر من ", "ما لا يقل عن "]


def _dense(n: int, distinct: int) -> str:
    """One sentence of n figures (lists, hedges, subsets, places) drawn from `distinct` values."""
    parts = []
    for i in range(n):
        v = (i * 37) % distinct + 2
        parts.append(
            f"وقتل {_HEDGES[i % 4]}{v} {_KINDS[i % 6]} في {_PLACES[i % 4]}"
            + ("، بينهم 3 أطفال" if i % 7 == 0 else "")
            + ("،" if i % 3 == 0 else "")
        )
    return " ".join(parts)


def _dump(claims):
    return [c.model_dump() for c in claims]


def _held(text: str) -> tuple[int, list]:
    """(the most claims extraction held at once, claims) of one text."""
    seen = []
    real = extractor.DocContext

    class Recording(real):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            seen.append(self)

    extractor.DocContext = Recording
    try:
        claims = extract_text(text)
    finally:
        extractor.DocContext = real
    return seen[0].claims_held, claims


@pytest.mark.parametrize("pending", [1, 7])
def test_merging_as_claims_are_made_gives_the_claims_of_merging_at_the_end(monkeypatch, pending):
    text = _dense(300, 40) + ". صوت 13 عضوا لصالح القرار رقم 2728 وامتنعت الولايات المتحدة عن التصويت."
    monkeypatch.setattr(extractor, "_PENDING_MAX", 10**9)  # every claim held, merged at the end
    whole = _dump(extract_text(text))
    monkeypatch.setattr(extractor, "_PENDING_MAX", pending)
    assert _dump(extract_text(text)) == whole
    assert len(whole) > 40 and any(len(c["mentions"]) > 3 for c in whole)


def test_claims_held_are_bounded_by_the_distinct_figures():
    held_small, small = _held(_dense(700, 30))
    held_big, big = _held(_dense(2100, 30))
    # three times the figures, the same distinct figures: the held claims do not grow with the text
    assert len(big) < 2 * len(small) + 20
    assert held_big <= len(big) + extractor._PENDING_MAX + 1
    assert held_big < 700  # (it held every figure's claim: ~2,100)
    assert held_small <= len(small) + extractor._PENDING_MAX + 1


def test_the_last_placed_claims_of_a_sentence_suffice(monkeypatch):
    text = (
        _dense(300, 25) + " " + " و".join(f"{i + 2} {_KINDS[i % 6]}" for i in range(200))
        + " " + " ".join(f"وارتفع عدد القتلى في {_PLACES[i % 4]} و{i + 3} قرى إلى {i + 40} شخصا" for i in range(300))
    )
    monkeypatch.setattr(extractor, "_PLACED_MAX", 10**9)
    whole = _dump(extract_text(text))
    monkeypatch.setattr(extractor, "_PLACED_MAX", 0)  # the least the rules' windows need
    assert extractor._placed_max(extractor._default_rules()) < 1000
    assert _dump(extract_text(text)) == whole


def test_claims_held_count_sees_unmerged_claims(monkeypatch):
    # the count the bound above reads: with every claim held to the end it is every figure's
    monkeypatch.setattr(extractor, "_PENDING_MAX", 10**9)
    held, claims = _held(_dense(700, 30))
    assert held > 600 > len(claims)


def _one_line_news(n: int) -> str:
    """n short sentences on one line, figures, votes and places in each."""
    return " ".join(
        f"قتل {i % 40 + 3} أشخاص في {_PLACES[i % 4]} أمس. صوت {i % 13 + 2} عضوا لصالح القرار رقم {2700 + i % 9}. "
        f"وقال المسؤول إن {i % 7 + 2} أطفال بين الجرحى." for i in range(n)
    )


def test_sentences_behind_the_figure_are_forgotten_with_the_same_claims(monkeypatch):
    text = _one_line_news(150)
    monkeypatch.setattr(extractor.DocContext, "keep_sentences", 10**9)
    whole = _dump(extract_text(text))
    monkeypatch.setattr(extractor.DocContext, "keep_sentences", 4)
    seen = []
    real = extractor.DocContext

    class Recording(real):
        def tokens(self, lo, hi):
            toks = super().tokens(lo, hi)
            seen.append(len(self._tokens))
            return toks

    monkeypatch.setattr(extractor, "DocContext", Recording)
    assert _dump(extract_text(text)) == whole
    assert len(whole) > 100
    # 450 sentences tokenised; at most about twice the kept number are held at once
    assert max(seen) <= 2 * 4 + 2, max(seen)


def test_normalising_a_long_text_a_piece_at_a_time_is_normalising_it_whole(monkeypatch):
    from crosscheck.text import normalize as nz

    text = (
        # (a tatweel inside a word is dropped; a lone one between spaces becomes a dash, in place)
        "قُتِلَ ١٢٣ شخصاً في غــزّة، وأُصيب إلى ٤٥٠\u200f آخرين ــ حتى مساء أمسِ. " + _one_line_news(3)
    ) * 40
    whole = nz.normalize(text)
    monkeypatch.setattr(nz, "_PIECE", 97)  # pieces cut anywhere, inside words and between marks
    cut = nz.normalize(text)
    assert cut.text == whole.text and cut._deleted_at == whole._deleted_at
    assert len(whole._deleted_at) >= 400
    assert whole.text.count(" -- ") == 40 and whole.text.count("في غزه،") == 40  # lone tatweels: dashes; inside a word: dropped
    assert [cut.span(s, s + 9) for s in range(0, len(cut.text) - 9, 31)] == [
        whole.span(s, s + 9) for s in range(0, len(whole.text) - 9, 31)
    ]


def test_word_forms_of_a_long_text_are_read_a_chunk_at_a_time(monkeypatch):
    from crosscheck.text import tokens

    text = _one_line_news(60) + " 30,000 و1.5 " + _dense(40, 9)
    whole = tokens.word_forms_between(text, 3, len(text) - 2)
    monkeypatch.setattr(tokens, "_CHUNK", 50)
    assert tokens.word_forms_between(text, 3, len(text) - 2) == whole
    assert len(whole) > 80 and "30,000" in whole


def test_numbers_are_read_as_the_claims_need_them(monkeypatch):
    """The figures come from the scan one at a time (a text of numbers never holds them all);
    reading ahead for "does a number start here" gives the claims of reading every number first."""
    most = [0]
    real = extractor._NumberFeed

    class Recording(real):
        __slots__ = ()

        def _read(self):
            ok = real._read(self)
            most[0] = max(most[0], len(self._ahead))
            return ok

    monkeypatch.setattr(extractor, "_NumberFeed", Recording)
    words = " ".join(["ألف"] * 5000)
    assert extract_text(words) == []
    assert most[0] <= 3, most[0]  # 5,000 numbers, at most a few read ahead of the figure

    text = _dense(200, 30) + " بين 1988 و1994 قتل ثلاثة آلاف وأربعمئة شخص و12 ألفا، ألف ألف جنديين"

    class Eager(real):
        __slots__ = ()

        def through(self, pos):
            real.through(self, 1 << 60)  # every number read before any is used (as before)

    lazy = _dump(extract_text(text))
    monkeypatch.setattr(extractor, "_NumberFeed", Eager)
    assert _dump(extract_text(text)) == lazy and len(lazy) > 50


def test_event_cues_of_a_sentence_are_read_once_not_per_claim(monkeypatch):
    from crosscheck.extract import events

    text = "، ".join(f"وأفرج في المرحلة {('الأولى', 'الثانية', 'الثالثة')[i % 3]} عن {i + 3} رهينة" for i in range(300))
    reads = [0]
    real = events._split_hits

    class Counting(list):
        def __iter__(self):
            reads[0] += 1
            return super().__iter__()

    def split(*a):
        years, rules = real(*a)
        return years, Counting(rules)

    monkeypatch.setattr(events, "_split_hits", split)
    claims = extract_text(text)
    assert len(claims) > 250 and all(str(c.event).startswith("phase:") for c in claims)
    assert reads[0] <= 3, reads[0]  # once per sentence (was once per claim: 300 reads of 300 cues)
    # the same events as the plain reading of every cue for every claim
    monkeypatch.setattr(events, "_split_hits", real)
    mixed = text + ". " + "، ".join(f"قتل {i + 3} في الدفعة الثانية وأفرج عن {i + 9} أسيرا في الجولة الرابعة" for i in range(40))
    fast = _dump(extract_text(mixed))
    monkeypatch.setattr(extractor, "event_near", _event_near_plain)
    assert _dump(extract_text(mixed)) == fast


def _event_near_plain(ctx, kind, s_lo, s_hi, c_lo, c_hi, current, period=None):
    """events.event_near as first written: every rule cue of the sentence read for every claim."""
    from crosscheck.extract import events

    finder = events.finder_for(ctx.rules.directory)
    hits = events.sentence_hits(ctx, "_event_hits", finder, s_lo, s_hi)
    if not hits:
        return current
    clause_lo, sent_lo, limit = events.clause_window(ctx, s_lo, s_hi, c_lo, c_hi, finder.after_words)
    year = events.document_year(ctx, finder)
    years, rules = events._split_hits(ctx, s_lo, s_hi, hits, year)
    if years:
        best = events._past_year(finder, ctx.text, years, c_lo, c_hi, limit)
        if best is not None:
            return f"past:{best}"
    found = None
    text = ctx.text
    for s, e, what in rules:
        order, rule, ev = what
        if rule.kinds and kind not in rule.kinds:
            continue
        if rule.when_no_event and current is not None:
            continue
        if period and rule.id in finder.not_in_periods and finder.not_in_periods[rule.id].match(period):
            continue
        blockers = finder.blocked_by.get(rule.id)
        if rule.scope == "after":
            # (session 36) the first cue after the figure, within after_chars, no digit nor
            # blocking word between
            if not (c_hi <= s and s - c_hi <= rule.after_chars and not any(ch.isdigit() for ch in text[c_hi:s])
                    and not (blockers is not None and blockers.search(text, c_hi, s))):
                continue
            if any(s2 < s and c_hi <= s2 and w2[1] is rule for s2, _e2, w2 in rules):
                continue  # not the first after the figure
        elif rule.scope != "sentence" and blockers is not None:
            # (a rule with blocking words: the last cue before the figure with none between, or
            # the first after it in its window with none between)
            before = sent_lo <= s and e <= c_lo and not any(
                sent_lo <= s2 and e2 <= c_lo and s2 > s and w2[1] is rule for s2, e2, w2 in rules)
            after = c_hi <= s < limit and not any(
                c_hi <= s2 < s and w2[1] is rule for s2, _e2, w2 in rules)
            if before and blockers.search(text, e, c_lo):
                before = False
            if after and blockers.search(text, c_hi, s):
                after = False
            if not (before or after):
                continue
        elif rule.scope != "sentence" and not ((sent_lo <= s and e <= c_lo) or (c_hi <= s < limit)):
            continue
        if found is None or order < found[0]:
            found = (order, ev)
    if found is None:
        return current
    if found[1] == "draft" and current and current.startswith("draft:"):
        return current
    return found[1]


def test_rules_without_a_noun_that_cannot_win_are_passed_over(monkeypatch):
    text = _dense(150, 40) + ". " + " ".join(
        f"وغرق {i + 4} نازحا، وفقدان {i + 70} لاجئا، وقتل 5 ونزح {3000 + i} نازح، ونزح {i + 9} ألفا وأصيب {i + 2}."
        for i in range(30)
    )
    fast = _dump(extract_text(text))
    monkeypatch.setattr(extractor, "_SKIP_NOUNLESS", False)  # every rule tried, in order
    assert _dump(extract_text(text)) == fast
    assert {c["kind"] for c in fast} >= {"killed", "injured", "displaced", "missing"}


def test_day_word_before_a_weekday_is_looked_for_near_it_only():
    """"يوم الأحد" vs "الأعضاء الأحد عشر": the day word is read just before the weekday, not by a
    search of all the text before it (same answers as that search on random text)."""
    import random

    from crosscheck.numbers import parser

    rng = random.Random(11)
    bits = ["يوم", "اليوم", "ويوم", "فمساء", "ليله", "الأحد", "الاحد", "x", "ي", " ", "  ", "\n", "\t", "،", "5", "ظهر"]
    for _ in range(3000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(0, 12)))
        for s in range(len(text) + 1):
            assert parser._day_before(text, s) == (parser._DAY_BEFORE.search(text, 0, s) is not None), (text, s)

    reads = [0]

    class Counting:
        def search(self, text, pos=0, endpos=None):
            reads[0] += endpos - pos
            return parser.__dict__["_DAY_REAL"].search(text, pos, endpos)

    parser._DAY_REAL = parser._DAY_BEFORE
    parser._DAY_BEFORE = Counting()
    try:
        text = " ".join(f"قتل {i + 2} يوم الأحد في غزة والأعضاء الأحد عشر" for i in range(400))
        from crosscheck.numbers.parser import find_numbers

        assert any(m.value == 11 for m in find_numbers(text))
    finally:
        parser._DAY_BEFORE = parser._DAY_REAL
        del parser._DAY_REAL
    assert reads[0] < 40 * 800, reads[0]  # ~30 characters per weekday word (was the whole text before it)


def test_formula_article_phrases_are_looked_for_once_per_document(monkeypatch):
    """A formula's `article_needs` / `unless` phrases ("مجلس الأمن") are a question about the whole
    article: asked for every sentence holding a formula, the article was read again each time
    (quadratic in a long single-line article).  The article is now read once per phrase."""
    from crosscheck.extract import formulas

    reads = [0]
    real = formulas._article_holds

    def counting(text, phrase):
        reads[0] += len(text)
        return real(text, phrase)

    n = 120
    text = " ".join(
        f"وصوت المجلس بالإجماع على القرار {i + 3} في جلسته، وقتل {i + 5} أشخاص في حلب." for i in range(n)
    ) + " واجتمع مجلس الأمن أمس."

    def plain(ctx, phrases):  # the unbounded definition: the whole text searched at every ask
        import re

        from crosscheck.text.normalize import normalize_word

        return any(
            re.search(r"(?<!\w)(?:[وفبل]|ال)*" + re.escape(" ".join(normalize_word(w) for w in p.split())) + r"(?!\w)", ctx.text)
            for p in phrases
        )

    with monkeypatch.context() as m:
        m.setattr(formulas, "_in_article", plain)
        whole = _dump(extract_text(text))
    monkeypatch.setattr(formulas, "_article_holds", counting)
    claims = extract_text(text)
    assert _dump(claims) == whole
    phrases = {p for r in extractor._default_rules().kinds for f in r.formulas for p in (*f.article_needs, *f.unless)}
    assert reads[0] <= len(text) * len(phrases), (reads[0], len(text), len(phrases))
    # unanimity in the Security Council counts 15 for (found in each sentence: a tally of one vote
    # stated again is a mention of its claim, see mentions.merge_tallies)
    assert sum(len(c.mentions) for c in claims if c.kind == "votes_for" and c.value == 15) > n // 2


def test_blocking_word_between_a_past_year_and_its_claim_is_looked_up_per_sentence():
    """_past_year asks "is there an 'إلى'/'حتى' between the year and the claim?": with years
    rare in a long sentence every claim searched back to the last year (~40 figures of text per
    claim in bench_pathological's dense sentence).  The sentence's blocking words are now found
    once (every start where an attempt succeeds) and a claim searches only the last few
    characters before it (the pattern's reach): the same answers as the search, on random
    text, and the characters searched are counted."""
    import random

    import regex

    from crosscheck.extract import events

    finder = events.finder_for(extractor._default_rules().directory)
    assert finder.blocked_reach is not None and finder.blocked_reach <= 8
    rng = random.Random(3)
    bits = ["الى", "حتى", "إلى", " ", "  ", "\n", "x", "الىx", "2004", "،", "حتىالى", "قتل", "5"]
    for _ in range(400):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(0, 14)))
        s_lo, s_hi = 0, len(text)
        blocked = (s_hi, [m.start() for m in finder.blocked.finditer(text, s_lo, s_hi, overlapped=True)])
        for a in range(len(text) + 1):
            for c in range(a, len(text) + 1):
                want = finder.blocked.search(text, a, c) is not None
                assert events._is_blocked(finder, text, a, c, blocked) == want, (text, a, c)
    # a pattern of unknown reach (regex-only syntax): the plain search
    assert events.attempt_reach(r"(?<!\p{L})الى") is None
    assert events.attempt_reach(r"الى\s+") is None
    assert events.attempt_reach(r"(?<!\S)(?:الى|حتى)(?!\S)") == 4

    # counted: characters the blocking search reads, one sentence with a past year every 40 figures
    text = " ".join(
        f"وقتل {i * 7 % 900 + 2} شخصا في غزة" + (f" في عام {2020 - i % 30}" if i % 40 == 0 else "") for i in range(600)
    )

    counting = CountingPattern(finder.blocked)
    finder.blocked = counting
    try:
        fast = _dump(extract_text(text))
    finally:
        finder.blocked = counting.pat
    assert any(str(c["event"]).startswith("past:") for c in fast)
    assert counting.read <= 2 * len(text), counting.read  # was ~20 per character
    real = events._is_blocked
    try:
        events._is_blocked = lambda f, t, a, c, b: real(f, t, a, c, None)  # the plain search
        assert _dump(extract_text(text)) == fast
    finally:
        events._is_blocked = real
    assert isinstance(finder.blocked, regex.Pattern)


def _vetoed_plain(ctx, ck, toks, noun, cue, person=None, span=None):
    """extractor._vetoed as first written: the sentence read for the unless words for every figure
    (the sides of an exchange as extractor._vetoed reads them)."""
    if not (ck.veto_words and ctx.mentions_any(ck.veto_words)) and not (
        ck.veto_phrases and extractor._in_article(ctx, ck.veto_phrases)
    ):
        return False
    if ck.veto_unless and any(not t.forms.isdisjoint(ck.veto_unless) for t in toks):
        if not (
            span is not None and ck.veto_sides and ck.veto_words and ctx.mentions_any(ck.veto_words)
            and extractor._other_side_own(ck, toks, span[0], span[1])
        ):
            return False
    if noun is not None:
        return extractor._norm_phrase(noun[0].source) not in ck.veto_keep
    if person is not None and not person.isdisjoint(ck.veto_keep):
        return False
    return cue is None or extractor._norm_phrase(cue[0].source) not in ck.veto_keep


def test_a_context_veto_reads_the_sentence_once_not_per_figure(monkeypatch):
    # an article about an epidemic arms the injured rule's veto; each figure then asks whether its
    # sentence names a fire or an attack ("unless"): that is the sentence's, found once
    text = (
        "تفشي الكوليرا في المخيمات. "
        + "، ".join(f"وأصيب {i + 5} شخصا في {_PLACES[i % 4]}" for i in range(300))
        + ". وفي الحريق أصيب 41 شخصا بجروح، وأصيب 23 جريحا في الانفجار."
    )
    reads = [0]
    real_tokens = extractor.DocContext.tokens

    class Counting(list):
        def __iter__(self):
            reads[0] += 1
            return super().__iter__()

    made: dict = {}

    def tokens(self, lo, hi):
        key = (id(self), lo, hi)
        if key not in made:
            made[key] = Counting(real_tokens(self, lo, hi))
        return made[key]

    monkeypatch.setattr(extractor.DocContext, "tokens", tokens)
    fast = _dump(extract_text(text))
    # a handful of whole-sentence passes per sentence, not one per figure (was more than 300)
    assert reads[0] < 60, reads[0]
    monkeypatch.setattr(extractor.DocContext, "tokens", real_tokens)
    assert _dump(extract_text(text)) == fast
    monkeypatch.setattr(extractor, "_vetoed", _vetoed_plain)
    assert _dump(extract_text(text)) == fast
    # the veto holds in the long sentence and is lifted in the one that names a fire
    assert not any(c["kind"] == "injured" and c["value"] < 400 and c["value"] not in (41, 23) for c in fast)
    assert {c["value"] for c in fast if c["kind"] == "injured"} >= {41, 23}


def _anaphora_text(n: int) -> str:
    """One clause (no comma) of n rising tolls, each with a figure between its subject and its
    own figure ("عدد القتلى في غزة و5 قرى إلى 40"), so each asks whether the subject is named
    again by a pronoun in its clause."""
    return " ".join(f"وارتفع عدد القتلى في {_PLACES[i % 4]} و{i % 50 + 3} قرى إلى {i % 900 + 40} شخصا" for i in range(n))


def test_a_pronoun_for_the_subject_is_looked_for_by_bisection_not_by_reading_the_clause(monkeypatch):
    reads = [0]
    real_tokens = extractor.DocContext.tokens

    class Counting(list):
        def __getitem__(self, i):
            reads[0] += 1
            return super().__getitem__(i)

    made: dict = {}

    def tokens(self, lo, hi):  # (one list per sentence, as the real method keeps)
        key = (id(self), lo, hi)
        if key not in made:
            made[key] = Counting(real_tokens(self, lo, hi))
        return made[key]

    monkeypatch.setattr(extractor.DocContext, "tokens", tokens)
    counts = []
    for n in (200, 400):
        reads[0] = 0
        made.clear()
        extract_text(_anaphora_text(n))
        counts.append(reads[0])
    # twice the figures, about twice the token reads (reading back to the clause's start for
    # every figure made it about four times)
    assert counts[1] < 2.6 * counts[0], counts


def test_a_pronoun_for_the_subject_is_found_as_by_reading_back(monkeypatch):
    text = (
        _anaphora_text(60) + ". عدد القتلى 20 والجرحى بلغ 45، أما عددهم في المدينة فوصل إلى 201818. "
        + "وارتفع عدد القتلى في حلب و4 قرى إلى 77 شخصا، وحصيلتهم في القرى 12 و5 قرى بلغت حصيلتها إلى 90."
    )
    fast = _dump(extract_text(text))
    monkeypatch.setattr(extractor, "_anaphora", lambda ctx, pred, toks, left: extractor._anaphora_plain(pred, toks, left))
    assert _dump(extract_text(text)) == fast
    assert len(fast) > 60


def test_figures_inside_one_long_token_cut_its_text_once(monkeypatch):
    # "1.1.1.…": every group a figure, each claim spanning the whole token; cutting the token's
    # text again for every figure was quadratic in the token's length
    from crosscheck.extract import context

    cut = count_calls(monkeypatch, context, "_cut", weigh=lambda text, s, e: e - s)
    text = "قتل " + "1." * 4000 + " شخصا"
    claims = extract_text(text)
    assert len(claims) == 1 and claims[0].kind == "killed" and len(claims[0].surface) > 7000
    assert cut[0] < 3 * len(text), cut[0]  # (was about 4,000 cuts of 8,000 characters)


def test_a_figure_repeating_a_waiting_claim_is_not_held(monkeypatch):
    """Figures inside one long token ("قتل 1.1.1.…1. شخصا") each make a claim spanning the whole
    token, so none can leave the merge queue before the token ends: a claim of the same span,
    kind and merge key as one waiting is a mention the merger already has, and is dropped.
    The claims are the same as holding them all; what is held no longer grows with the token."""
    texts = [
        "قتل " + "1." * 1500 + " شخصا",
        "قتل " + "1.2." * 400 + " شخصا و" + "5.5." * 300 + " جريحا في غزة",
        "أصيب " + "3.0." * 200 + " شخصا، بينهم " + "2." * 100 + " أطفال. " + _dense(60, 7),
        _dense(200, 9) + " وقتل 1.1.1.1.1.1.1 شخصا وقتل 1.1.1.1.1.1.1 شخصا",
    ]
    held = {}
    # (every figure of the token read: the scan's own dropping of repeated pieces is tested below)
    monkeypatch.setattr(extractor, "_SCAN_REPEATS", True)
    for drop in (True, False):
        monkeypatch.setattr(extractor, "_DROP_REPEATS", drop)
        held[drop] = [_held(t) for t in texts]
    for (h_on, on), (_h_off, off) in zip(held[True], held[False]):
        assert _dump(on) == _dump(off)
    assert held[False][0][0] > 1000  # every figure of the token waited (1,500)
    assert held[True][0][0] <= 2
    assert held[True][1][0] < 10 and held[False][1][0] > 500


def _group_runs(seed: int, n: int) -> list[str]:
    """Texts of digit runs read as pieces ("7.45.7.7…", "2019/2020/…", mixed separators, years,
    zeros) among kind words, hedges, cues of years, hours and ordinals, lists and ranges."""
    import random

    rng = random.Random(seed)
    seps = [".", ",", "/", ":", "٫", "٬", "،"]
    words = ["قتل", "أصيب", "شخصا", "جريحا", "قتيلا", "في", "رفح", "نحو", "أكثر من", "عام", "الساعة",
             "بينهم", "أطفال", "و", "،", ".", "ألف", "مليون", "من", "إلى", "بين", "صوت", "لصالح",
             "القرار", "يوما", "منذ", "الـ", "حتى", "-", "%", "(", ")", "2021", "م", "ضد", "للمرة"]

    def run() -> str:
        values = [rng.choice([0, 1, 3, 8, 12, 31, 250, 1998, 2019, 2020, 2400, 60]) for _ in range(rng.randint(2, 6))]
        sep = rng.choice(seps) if rng.random() < 0.7 else None
        return (sep or "").join(
            str(rng.choice(values)) + ("" if sep else rng.choice(seps)) for _ in range(rng.randint(3, 90))
        ).rstrip("".join(seps))

    return [" ".join(run() if rng.random() < 0.3 else rng.choice(words) for _ in range(rng.randint(1, 24)))
            for _ in range(n)]


def test_a_run_of_groups_names_each_number_once(monkeypatch):
    """"قتل 1.1.1.…1. شخصا": each group of a run read as pieces was a figure of its own, every
    claim spanning the whole word (500,000 figures per MB, each through the claim path, and the
    scan's list of them: 258 MB at 1 MB).  A group deep in its word that repeats an earlier
    group's value is the same figure again and is not read; the claims are those of reading
    every group, and the figures that reach a claim no longer grow with the word."""
    made = [0]
    real = extractor._claim

    def counting(ctx, comp, n):
        made[0] += 1
        return real(ctx, comp, n)

    monkeypatch.setattr(extractor, "_claim", counting)
    for make in (lambda k: "قتل " + "1." * k + " شخصا", lambda k: "أصيب " + "3.0." * k + "3 أشخاص",
                 lambda k: "قتل 17 شخصا و" + "2,5," * k + "9 جرحى في رفح"):
        counts = []
        for k in (2000, 4000):
            made[0] = 0
            claims = extract_text(make(k))
            counts.append(made[0])
        assert counts[0] == counts[1] < 80, counts  # (the groups of its first characters, then one each)
        monkeypatch.setattr(extractor, "_SCAN_REPEATS", True)
        made[0] = 0
        assert _dump(extract_text(make(4000))) == _dump(claims)
        assert made[0] >= 4000  # (every group read)
        monkeypatch.setattr(extractor, "_SCAN_REPEATS", False)
    checked = dropped = 0
    for text in _group_runs(11, 160):
        made[0] = 0
        fast = _dump(extract_text(text))
        fast_made = made[0]
        monkeypatch.setattr(extractor, "_SCAN_REPEATS", True)
        made[0] = 0
        assert _dump(extract_text(text)) == fast, text
        monkeypatch.setattr(extractor, "_SCAN_REPEATS", False)
        checked += len(fast)
        dropped += made[0] - fast_made
    assert checked > 500 and dropped > 1000, (checked, dropped)


def test_a_long_digit_word_holds_no_state_per_group():
    """The digit run pattern (stdlib `re`) and the word pattern (`regex`) kept backtracking
    state for every group of their repeated group while matching: one word "1.1.1.…" of 1 MB
    took 98 MB and 81 MB.  Counted with tracemalloc (allocations, not time)."""
    import tracemalloc

    from crosscheck.numbers.lexicon import load_lexicon
    from crosscheck.numbers.parser import _tokens
    from crosscheck.text.tokens import tokenize, word_forms_between

    text = "قتل " + "1." * 100_000 + " شخصا"
    lex = load_lexicon()
    tracemalloc.start()
    try:
        for read in (lambda: tokenize(text), lambda: word_forms_between(text + " "),
                     lambda: lex.digit_re.findall(text), lambda: _tokens(text, lex, False)):
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
            read()
            assert tracemalloc.get_traced_memory()[1] - before < 4_000_000  # (was 8-20 MB here)
    finally:
        tracemalloc.stop()


def test_the_flat_word_pattern_reads_the_words_of_the_plain_one():
    """tokens._WORD_FLAT (no repeated group) reads the same words as _WORD wherever no digit is
    followed by two separators, and tokenize picks _WORD where one is."""
    import random

    from crosscheck.text import tokens as tk

    rng = random.Random(5)
    alphabet = ["1", "23", "٣", ".", ",", "٫", "٬", "،", "/", ":", " ", "ا", "قتل", "\n", "ً", "-"]
    flat_used = 0
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        want = [(m.start(), m.end()) for m in tk._WORD.finditer(text)]
        assert [(t.nstart, t.nend) for t in tk.tokenize(text)] == want, text
        if not tk._TWO_SEPARATORS.search(text):
            flat_used += 1
            assert [(m.start(), m.end()) for m in tk._WORD_FLAT.finditer(text)] == want, text
    assert flat_used > 500


def _rising_clause(n: int) -> str:
    """One clause of n rising tolls, each with a figure between its subject and its own."""
    return " ".join(
        f"وصعدت حصيلة القتلى في {_PLACES[i % 4]} و{i % 9 + 3} بلدات إلى {i * 7 + 40} شخصا" for i in range(n)
    )


def test_a_figure_between_the_subject_and_its_own_is_looked_for_among_the_nearest_claims(monkeypatch):
    import collections

    reads = [0]

    class CountingDeque(collections.deque):  # the placed claims of a sentence, counted as read
        def __reversed__(self):
            for p in super().__reversed__():
                reads[0] += 1
                yield p

        def __iter__(self):
            for p in super().__iter__():
                reads[0] += 1
                yield p

    monkeypatch.setattr(extractor, "deque", CountingDeque)
    per_figure = []
    for n in (100, 400):
        reads[0] = 0
        claims = extract_text(_rising_clause(n))
        assert len(claims) > n
        per_figure.append(reads[0] / n)
    # each look reads the claims placed since its cue (reading every one of the sentence's last
    # 256 made it ~38 per figure at 100 figures and ~325 at 400)
    assert max(per_figure) < 8, per_figure


def test_a_figure_between_the_subject_and_its_own_is_found_as_among_every_placed_claim(monkeypatch):
    text = (
        _rising_clause(120) + "، وبلغ عدد الجرحى في حلب 3 قرى و4 أحياء 75 شخصا، وقال الدفاع المدني إن 3 قتلى سقطوا"
        + " بينما ارتفع عدد المفقودين الذي بلغت قوته 7.9 درجات إلى 30 شخصا. " + _dense(80, 20) + ". "
        # the subject had its figure right after it ("عدد القتلى 20 والجرحى بلغ 45")
        + " ".join(f"وعدد القتلى {i + 6} والجرحى {'بلغ' if i % 2 else 'وصل إلى'} {i * 3 + 50}" for i in range(40))
    )
    fast = _dump(extract_text(text))
    answers = []
    real = extractor._claim_between

    def both(ctx, toks, a, b):  # every look answered by reading every placed claim too
        got = real(ctx, toks, a, b)
        placed = ctx.sentence_claims.get(ctx.sentence_at(toks[b - 1].nstart)[0]) if a < b <= len(toks) else None
        off = getattr(toks, "offset", 0)
        plain = bool(placed) and extractor._claim_between_plain(placed, a + off, b + off)
        answers.append((got, plain))
        return got

    monkeypatch.setattr(extractor, "_claim_between", both)
    assert _dump(extract_text(text)) == fast
    assert all(got == plain for got, plain in answers)
    assert sum(got for got, _ in answers) > 20 and sum(not got for got, _ in answers) > 20
    monkeypatch.setattr(extractor, "_claim_between", real)
    monkeypatch.setattr(extractor, "_PLACED_REACH", False)
    assert _dump(extract_text(text)) == fast
    assert len(fast) > 150


def test_extraction_makes_no_reference_cycles(monkeypatch):
    # extract() holds the cyclic collector off (crosscheck.util.gc_pause): safe as long as
    # extraction leaves no cyclic garbage, which this counts
    import gc
    import random
    from pathlib import Path

    from fuzz_inputs import random_text

    rng = random.Random(5)
    fixtures = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parents[1].joinpath("fixtures").glob("*.txt"))]
    texts = [_dense(200, 30), _rising_clause(60), _one_line_news(20), *fixtures[:6]]
    texts += [random_text(rng) for _ in range(400)]
    extract_text(texts[0])  # rules loaded and compiled (their caches are no garbage)
    gc.collect()
    gc.disable()
    try:
        claims = sum(len(extract_text(t)) for t in texts)
        assert not gc.isenabled()  # left off when it was off
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert claims > 300


def test_the_collector_is_back_after_a_document(monkeypatch):
    import gc

    assert gc.isenabled()
    extract_text(_dense(20, 5))
    assert gc.isenabled()

    during = []

    def fail(document, rules=None):
        during.append(gc.isenabled())
        raise ValueError("broken")

    monkeypatch.setattr(extractor, "_extract", fail)
    with pytest.raises(Exception):
        extract_text("قتل 3 أشخاص")
    assert during == [False]  # off while the document is read
    assert gc.isenabled()  # and back after an error too


def test_formula_and_member_list_phrases_are_tried_only_where_their_first_word_stands(monkeypatch):
    """formula_claims and member_count_claims asked every rule's phrases (and the words they
    need) at every token of a sentence holding one formula word: ~25 phrase sets times the
    sentence's length.  A set is now tried only at the tokens holding one of its first words
    (PhraseSet.starts_in; none at all when the sentence's forms hold none), with the same claims
    as trying every position."""
    from crosscheck.extract import formulas, member_counts
    from crosscheck.extract.context import DocContext
    from crosscheck.models import Document
    from crosscheck.text.lexicon import PhraseSet

    filler = " ".join(["وأضاف", "المندوب", "أن", "الوضع", "الإنساني", "صعب", "للغاية", "في", "المنطقة"] * 20)
    text = " ".join(
        f"واعتمد مجلس الأمن القرار {2700 + i} بأغلبية 13 صوتا مقابل لا شيء وامتناع الصين وروسيا "
        f"{filler}. واعتمد مجلس الأمن القرار {2800 + i} بالإجماع {filler}. وصوت 12 عضوا لصالح "
        f"القرار {2900 + i} ومر دون أي امتناع {filler}."
        for i in range(6)
    )
    rules = extractor._default_rules()
    # tally starts as the extractor finds them (the formulas said beside a tally need one)
    tallies = [
        c.start for c in extract_text(text)
        if c.kind in ("votes_for", "votes_against", "abstentions") and any(ch.isdigit() for ch in c.surface)
    ]
    assert tallies

    def run():
        ctx = DocContext(Document(id="d", text=text), rules)
        return _dump(formulas.formula_claims(ctx, rules, tallies) + member_counts.member_count_claims(ctx, rules, tallies))

    calls = [0]
    real_at = PhraseSet.at

    def counting(self, tokens, i, limit=None):
        calls[0] += 1
        return real_at(self, tokens, i, limit)

    with monkeypatch.context() as m:  # the definition: every position of every sentence tried
        m.setattr(PhraseSet, "starts_in", lambda self, tokens, forms=None: range(len(tokens)))
        m.setattr(PhraseSet, "at", counting)
        whole = run()
        every = calls[0]
    monkeypatch.setattr(PhraseSet, "at", counting)
    calls[0] = 0
    got = run()
    assert got == whole
    assert any(c["kind"] == "votes_for" and c["value"] == 15 for c in got)  # بالإجماع
    assert any(c["kind"] == "abstentions" and c["value"] == 2 for c in got)  # الصين وروسيا
    assert any(c["kind"] == "abstentions" and c["value"] == 0 for c in got)  # دون أي امتناع
    # a look-up per formula word standing in the text (a few per sentence), not per token
    n_sentences = 18
    # (144 here until session 27, 186 with the formulas of a named vote against, of the Council's
    # rule told beside a tally and of vetoes not turned to; 131,244 trying every position)
    assert calls[0] <= 12 * n_sentences, (calls[0], every)
    assert every > 20 * calls[0], (calls[0], every)
