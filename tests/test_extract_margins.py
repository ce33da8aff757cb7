"""A margin or a difference is no count of anything (rules/scope.yaml `margins_before`): "بفارق
صوت واحد" (its noun before "واحد"), "بفارق ثلاثة أصوات", "بزيادة 7 وفيات".  The figures it is the gap
of stay claims.  Own sentences, written for these tests."""

from __future__ import annotations

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Document


def values(text: str, title: str | None = None) -> list[tuple[str, object]]:
    return [(c.kind, c.value) for c in extract(Document(id="x", text=text, title=title)) if c.kind != "other"]


@pytest.mark.parametrize("text", [
    "وأقر مجلس الوزراء صفقة تبادل الأسرى بفارق صوت واحد بعد جلسة طويلة",
    "ومر قرار الإفراج عن السجناء بفارق ضئيل بلغ صوتين فقط",
    "وسجلت الوزارة بزيادة 113 إصابة لم تكن محتسبة في التقرير",
    "وتقول المنظمة إن أعداد النازحين عادت إلى الارتفاع بزيادة قدرها 12 ألف نازح",
])
def test_a_margin_is_no_claim(text):
    assert values(text) == []


def test_a_headline_margin_is_no_claim_and_the_body_figures_stay():
    got = values("ووافقت الحكومة على إطلاق سراح 400 أسير في الصفقة.",
                 title="الحكومة توافق على صفقة تبادل الأسرى بفارق صوت واحد")
    assert got == [("prisoners_released", 400)]


def test_the_figures_beside_their_difference_stay():
    assert values("وارتفع عدد ضحايا الكوليرا إلى 94 قتيلا، بزيادة 7 وفيات عن الأسبوع الماضي") == [("killed", 94)]
    assert values("وصادق البرلمان على الاتفاق بأغلبية 61 صوتا مقابل 59، أي بفارق صوتين") == [
        ("votes_for", 61), ("votes_against", 59)]
