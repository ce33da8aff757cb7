"""A figure's hedges asked once (session 39, harden): the hedge before the figure and the hedge
after it or its noun (HedgeLexicon.find_before / find_after) are functions of the figure's final
token list and a position, asked by _claim, _best_kind's rules (_pluperfect_opened,
_restated_cue, _person_end, _find_any_cue) and again by _claim; they are kept in the figure's
dict (`fig`, _FIGURE_MEMO).  Counted: each (token list, position) is asked at most once per
figure; the claims are those of asking every time (_FIGURE_MEMO off)."""

from __future__ import annotations

import random
from collections import Counter

from crosscheck.extract import extractor, hedges
from window_samples import claims_both_ways


def _long_clause(n: int) -> str:
    """One clause of rising tolls, a figure between each subject and its own (no comma)."""
    places = ("غزة", "حلب", "جنين", "رفح")
    return "وقالت الوزارة " + " ".join(
        f"وارتفع عدد القتلى في {places[i % 4]} و{i % 7 + 2} قرى إلى {40 + i} شخصا" for i in range(n)
    )


def _counting(monkeypatch, name: str) -> Counter:
    """(figure, token list, position) -> how many times HedgeLexicon.<name> was asked, the
    figure counted by _claim's calls."""
    seen: Counter = Counter()
    figure = [0]
    real, claim = getattr(hedges.HedgeLexicon, name), extractor._claim

    def count(self, tokens, i):
        seen[(figure[0], id(tokens), i)] += 1
        return real(self, tokens, i)

    def one_figure(*a, **k):
        figure[0] += 1
        return claim(*a, **k)

    monkeypatch.setattr(hedges.HedgeLexicon, name, count)
    monkeypatch.setattr(extractor, "_claim", one_figure)
    return seen


def test_the_hedge_before_a_figure_is_asked_once_per_position(monkeypatch):
    text = _long_clause(120)
    before = _counting(monkeypatch, "find_before")
    assert len(extractor.extract_text(text)) >= 120
    assert before and max(before.values()) == 1, before.most_common(3)
    monkeypatch.setattr(extractor, "_FIGURE_MEMO", False)
    before.clear()
    extractor.extract_text(text)
    assert max(before.values()) > 1  # (the figure's own position asked again without the memo)


def test_the_hedge_after_a_figure_is_asked_once_per_position(monkeypatch):
    after = _counting(monkeypatch, "find_after")
    text = _long_clause(80)
    extractor.extract_text(text)
    assert after and max(after.values()) == 1, after.most_common(3)
    monkeypatch.setattr(extractor, "_FIGURE_MEMO", False)
    after.clear()
    extractor.extract_text(text)
    assert max(after.values()) > 1


_PARTS = (
    "وكان", "نحو", "أكثر من", "على الأقل", "قرابة", "ما يقدر بنحو", "قد", "قتلوا", "أي", "أسرة", "شخص",
    "20", "5200", "26 ألف", "جنديا", "منهم", "،", "نزحت", "فرت", "أصيب", "10", "من عناصر الأمن",
    "قتل", "عدد القتلى", "إلى", "شخصا", "تجاوز", "1000", "في غزة", "بينهم", "أطفال", "و",
)


def test_the_same_claims_with_the_hedges_asked_every_time():
    rng = random.Random(39)
    texts = [
        _long_clause(30),
        "وكان نحو 20 جنديا قد قتلوا في الهجوم، وكان 15 آخرون قد أصيبوا",
        "إن 5200 أسرة، أي نحو 26 ألف شخص، فرت من المدينة",
        "إن 3000 أسرة نزحت، أي قرابة 20 ألف شخص",
        "قتل 10 على الأقل من عناصر الأمن في الهجوم",
        "قتل 33 شخصا على الأقل، بينهم 5 أطفال، في القصف",
        "وأصيب 34 منهم على الأقل بجروح",
        "تجاوز عدد القتلى 1000 شخص، وما يقدر بنحو 200 جريح",
    ] + [" ".join(rng.choice(_PARTS) for _ in range(rng.randint(4, 40))) for _ in range(150)]
    for text in texts:
        fast, plain = claims_both_ways(extractor, "_FIGURE_MEMO", text)
        assert fast == plain, text
