"""extract_positions tokenises only the vote sentences that name a voting member
(vote_positions._member_search): a position needs a member as its actor, found by members_in
in the sentence's tokens.  The search must find something in every sentence members_in names a
member in (checked on random sentences of member names with clitics), the positions must be
those found without it (random vote sentences, the development articles), and a paragraph of
votes naming no member is not tokenised by the positions pass at all (counted)."""

from __future__ import annotations

import random
from pathlib import Path

from counting_support import count_calls

from crosscheck.extract import context as context_mod
from crosscheck.extract import extractor, vote_positions
from crosscheck.extract.context import DocContext
from crosscheck.models import Document
from crosscheck.ruleset.loader import load_rules

ROOT = Path(__file__).resolve().parents[1]

_CLITICS = ("", "و", "ف", "ل", "لل", "ولل", "فلل", "ب", "وب", "وال", "بال")
_FILLERS = ("صوت لصالح القرار ضد وامتنعت عن التصويت مقابل مجلس الأمن دولة واستخدمت حق النقض الفيتو "
            "مشروع بأغلبية أصوات وعارضت رفضت الجمعية العامة").split()


def _written(clitic: str, name: str) -> str:
    """A name with a clitic as Arabic writes it: ل + ال is لل ("للصين", "وللولايات المتحدة")."""
    if clitic.endswith("لل") and name.startswith("ال"):
        return clitic + name[2:]
    return clitic + name


def _member_names(rules) -> list[str]:
    ctx = DocContext(Document(id="w", text="قتل 3 أشخاص."), rules)
    return sorted(k for k, hit in ctx.gaz.lookup.items() if hit and hit[0].member)


def _sentences(rules, count: int, seed: int) -> list[str]:
    names = _member_names(rules)
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = []
        for _ in range(rng.randint(1, 16)):
            r = rng.random()
            if r < 0.25:
                words.append(_written(rng.choice(_CLITICS), rng.choice(names)))
            elif r < 0.32:
                # a name cut at either end, or glued to the word after it
                name = rng.choice(names)
                words.append(rng.choice((name[1:], name[:-1], name + rng.choice(_FILLERS))))
            elif r < 0.4:
                words.append(str(rng.randint(1, 200)))
            else:
                words.append(rng.choice(_FILLERS))
        if rng.random() < 0.5:
            words.append(rng.choice(("بشأن القرار 2720", "على مشروع القرار", "مشروعا سابقا")))
        out.append(" ".join(words) + rng.choice((".", "، ", "؛ ")))
    return out


def test_the_search_finds_every_sentence_naming_a_member():
    rules = load_rules()
    found = 0
    for text in _sentences(rules, 400, 11):
        ctx = DocContext(Document(id="t", text=text), rules)
        search = vote_positions._member_search(ctx.gaz)
        assert search is not None
        lo, hi = ctx.sentence_at(0)
        toks = ctx.tokens(lo, hi)
        named = vote_positions.members_in(ctx, toks, 0, len(toks))
        if named:
            found += 1
            assert search.search(ctx.text, lo, hi) is not None, text
    assert found > 100


def test_the_search_finds_each_member_name_alone_with_each_clitic():
    rules = load_rules()
    names = _member_names(rules)
    found = 0
    for name in names:
        for clitic in _CLITICS:
            text = f"وصوت {_written(clitic, name)} لصالح القرار."
            ctx = DocContext(Document(id="t", text=text), rules)
            lo, hi = ctx.sentence_at(0)
            toks = ctx.tokens(lo, hi)
            if vote_positions.members_in(ctx, toks, 0, len(toks)):
                found += 1
                assert vote_positions._member_search(ctx.gaz).search(ctx.text, lo, hi) is not None, text
    assert found > len(names) * 3


def _positions(text: str, rules, search: bool) -> list[str]:
    old = vote_positions._MEMBER_SEARCH
    vote_positions._MEMBER_SEARCH = search
    try:
        ctx = DocContext(Document(id="t", text=text), rules)
        return [c.model_dump_json() for c in vote_positions.extract_positions(ctx, rules)]
    finally:
        vote_positions._MEMBER_SEARCH = old


def test_positions_are_the_same_with_the_search():
    rules = load_rules()
    made = 0
    # (600 sentences: the draw depends on the gazetteer's member names - five members gained
    # their adjectives in session 38 and 300 sentences then held only 15 positions)
    texts = _sentences(rules, 600, 12)
    # paragraphs of several sentences too (a sentence naming no member beside one that does)
    texts += [" ".join(texts[k : k + 5]) + " بشأن القرار 2720." for k in range(0, 600, 5)]
    for text in texts:
        with_search = _positions(text, rules, True)
        assert with_search == _positions(text, rules, False), text
        made += len(with_search)
    assert made > 25  # (positions found: the comparison is not vacuous)


_DEV_FOLDERS = ("devset", "devset2", "multisource", "reconcile_blind", "reconcile_blind_w", "reconcile_blind_ad",
                "reconcile_blind_aj", "reconcile_blind_ak", "reconcile_blind_al", "reconcile_blind_am")


def test_positions_of_the_development_articles_are_the_same():
    rules = load_rules()
    made = articles = 0
    for folder in _DEV_FOLDERS:
        for path in sorted((ROOT / "tests" / folder).rglob("*.txt")):
            text = path.read_text(encoding="utf-8")
            with_search = _positions(text, rules, True)
            assert with_search == _positions(text, rules, False), path
            made += len(with_search)
            articles += 1
    assert articles > 300 and made >= 5, (articles, made)


def test_a_vote_paragraph_naming_no_member_is_not_tokenised_by_the_positions(monkeypatch):
    rules = load_rules()
    calls = count_calls(monkeypatch, context_mod, "tokenize")

    def tokenised(votes: int, search: bool) -> int:
        text = " ".join(f"وصوت مجلس الأمن على مشروع القرار {1000 + i} بأغلبية {100 + i} صوتا مقابل {i % 5 + 1} "
                        f"أصوات وامتناع {i % 9 + 2} دول عن التصويت." for i in range(votes))
        monkeypatch.setattr(vote_positions, "_MEMBER_SEARCH", search)
        ctx = DocContext(Document(id="t", text=text), rules)
        calls[0] = 0
        assert vote_positions.extract_positions(ctx, rules) == []
        return calls[0]

    assert tokenised(40, True) == 0
    assert tokenised(40, False) == 40  # (the first code: every vote sentence)
    # and the whole extraction of such a paragraph tokenises each sentence once (the claim
    # loop's own), where the positions pass before the loop read them all a first time
    monkeypatch.setattr(vote_positions, "_MEMBER_SEARCH", True)
    text = " ".join(f"وصوت مجلس الأمن على مشروع القرار {1000 + i} بأغلبية {100 + i} صوتا مقابل {i % 5 + 1} "
                    f"أصوات وامتناع {i % 9 + 2} دول عن التصويت." for i in range(100))
    calls[0] = 0
    extractor.extract(Document(id="t", text=text))
    assert calls[0] == 100
    monkeypatch.setattr(vote_positions, "_MEMBER_SEARCH", False)
    calls[0] = 0
    extractor.extract(Document(id="t", text=text))
    assert calls[0] > 100  # (the first code: sentences read by the positions, then by the loop)
