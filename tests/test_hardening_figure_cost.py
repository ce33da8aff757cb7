"""What one figure costs on dense text against ordinary news (issue 11, issue 10 item 6; session
43), COUNTED, never timed: Python bytecodes executed inside `_claim` (the figure path: its kind,
its attributes, its claim), per call.

Session 43's census (benchmarks/README.md, "Session 43 (harden)") found that a figure of the
dense benchmark cases costs less than half of a news figure (12-14k bytecodes against ~31k):
their excess per MB over news is their density (25-30x the figures per MB), not work a dense
figure does that a news figure does not.  These tests keep it so: a figure in a sentence, a
clause or a paragraph of votes holding hundreds of figures costs at most 0.65 of a news figure (measured: 0.48-0.58)
(a scan of the figure's neighbours that grows with how many claims stand near it would pass
that), and the same whatever the number of figures (flat per figure).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import crosscheck.extract.extractor as ex
from crosscheck.models import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

_VERBS = ("وسقط", "وأصيب", "وقتل", "وفقد", "ونزح", "وأفرج عن")
_KINDS = ("قتيلا", "جريحا", "مفقودا", "نازحا", "أسيرا", "شخصا", "طفلا", "امرأة")
_HEDGES = ("", "نحو ", "أكثر من ", "قرابة ", "ما لا يقل عن ")
_PLACES = ("غزة", "خان يونس", "رفح", "حلب", "درنة", "الخرطوم", "دير البلح", "جنين")
_BODIES = ("الجمعية العامة", "مجلس الأمن", "مجلس حقوق الإنسان")


def _sentence(n: int) -> list[str]:
    """One sentence of n figures (verbs, hedges, kinds, places), no full stop."""
    return ["قالت مصادر " + " ".join(
        f"{_VERBS[i % 6]} {_HEDGES[i % 5]}{(i * 37) % 5000 + 2} {_KINDS[i % 8]} في {_PLACES[i % 8]}"
        + ("،" if i % 3 == 0 else "") for i in range(n)
    )]


def _clause(n: int) -> list[str]:
    """One clause of n rising tolls, each with a figure between its subject and its own."""
    return [" ".join(f"وارتفع عدد القتلى في {_PLACES[i % 8]} و{i % 50 + 3} قرى إلى {(i * 37) % 5000 + 40} شخصا"
                     for i in range(n // 2))]


def _votes(n: int) -> list[str]:
    """One paragraph of n/5 votes of five figures each (no newline)."""
    return [" ".join(
        f"وصوت {_BODIES[i % 3]} على مشروع القرار {1000 + i} بأغلبية {100 + i % 90} صوتا مقابل {i % 20 + 1} "
        f"أصوات وامتناع {i % 30 + 2} دول عن التصويت، بينما رفضت {i % 7 + 2} دول مشروعا آخر."
        for i in range(n // 5)
    )]


def _news() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]


def figure_cost(texts: list[str]) -> tuple[float, int]:
    """(bytecodes executed inside _claim per call, calls) for extracting `texts` (each a
    document); the rules are loaded and the per-word caches warmed on the same texts first."""
    for k, t in enumerate(texts):
        ex.extract(Document(id=f"w{k}", text=t))
    code = ex._claim.__code__
    ops, calls, depth = [0], [0], [0]

    def local(frame, event, arg):
        if event == "opcode" and depth[0]:
            ops[0] += 1
        return local

    def start(frame, event, arg):
        frame.f_trace_opcodes = True
        return local

    def profile(frame, event, arg):
        if frame.f_code is code:
            if event == "call":
                depth[0] += 1
                calls[0] += 1
            elif event == "return":
                depth[0] -= 1

    sys.setprofile(profile)
    sys.settrace(start)
    try:
        for k, t in enumerate(texts):
            ex.extract(Document(id=f"d{k}", text=t))
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return ops[0] / max(calls[0], 1), calls[0]


@pytest.fixture(scope="module")
def news_figure() -> float:
    cost, calls = figure_cost(_news())
    assert calls >= 15  # (the fixtures hold figures enough to be a reference)
    return cost


@pytest.mark.parametrize("make", [_sentence, _clause, _votes], ids=["sentence", "clause", "votes"])
def test_a_dense_figure_costs_less_than_a_news_figure(make, news_figure):
    cost, calls = figure_cost(make(150))
    assert calls >= 140
    assert cost <= 0.65 * news_figure, (cost, news_figure)


@pytest.mark.parametrize("make", [_sentence, _clause, _votes], ids=["sentence", "clause", "votes"])
def test_a_dense_figure_costs_the_same_whatever_the_figures_around_it(make):
    small, _ = figure_cost(make(100))
    large, _ = figure_cost(make(300))
    assert large <= 1.05 * small, (small, large)
