"""Figures beside a claim that are not claims of its kind (issue 8, extraction precision):
a part its total's rule refuses, the cases an outbreak's toll is out of, losses, people held.
Each case names the figures it must give, exactly."""
import pytest

from crosscheck.extract.extractor import extract_text


def _kinds(text: str) -> list[tuple[str, float]]:
    return sorted((c.kind, c.value) for c in extract_text(text) if c.kind != "other")


@pytest.mark.parametrize(
    "text,want",
    [
        # a part of the dead the total's rule refuses by the words before it (killed exclude_before)
        ("ارتفع عدد قتلى الحريق إلى 64 قتيلا، وتم التعرف على هويات 30 منهم فقط", [("killed", 64)]),
        ("بلغت حصيلة الانهيار 44 قتيلا، ثم جرى التعرف على 17 منها بفحوص الحمض النووي", [("killed", 44)]),
        # the injured who left hospital (injured exclude_before)
        ("وبلغ عدد المصابين 640 شخصا، غادر 500 منهم المستشفيات بعد العلاج", [("injured", 640)]),
        ("وأصيب 90 شخصا، خرج 70 منهم من المستشفى", [("injured", 90)]),
        # ... while a part with no such word is still a part of its total
        ("وأصيب 90 شخصا، بينهم 12 طفلا", [("injured", 12), ("injured", 90)]),
    ],
)
def test_part_refused_by_its_totals_rule(text, want):
    assert _kinds(text) == want


@pytest.mark.parametrize(
    "text,want",
    [
        ("ارتفعت الوفيات بالكوليرا إلى 31 وفاة من بين 950 حالة مشتبه بها", [("killed", 31)]),
        ("وأودى المرض بحياة 120 شخصا من بين 3400 حالة سجلت منذ مارس", [("killed", 120)]),
    ],
)
def test_cases_an_outbreak_toll_is_out_of(text, want):
    assert _kinds(text) == want


@pytest.mark.parametrize(
    "text,want",
    [
        # a vague quantity of losses after a toll is money, not the dead (scope vague_not_counts)
        ("بعد أسبوعين من العاصفة: 64 قتيلا ومليارات الخسائر", [("duration_days", 14), ("killed", 64)]),
        # people evacuated and brought home were never held (prisoners_released exclude)
        ("وأعلنت السلطات إعادة أكثر من 300 ألف شخص كانوا قد أجلوا قبل العاصفة إلى منازلهم",
         [("displaced", 300000)]),
    ],
)
def test_figures_of_another_thing_beside_a_kind(text, want):
    assert _kinds(text) == want


def test_wounded_and_sick_together_are_no_injured():
    # one figure of two groups (injured exclude); as a part of the freed it may stay theirs
    claims = extract_text("وبلغ عدد الأسرى الذين أفرج عنهم 3000 أسير، بينهم 150 من الجرحى والمرضى")
    assert not [c for c in claims if c.kind == "injured"]
    assert ("prisoners_released", 3000) in [(c.kind, c.value) for c in claims]


def test_people_held_are_not_the_dead():
    # "وتحتجز 14" right after a killing: held, not dead (killed exclude_before)
    assert _kinds("الجماعة تقتل رهينة وتحتجز 14 آخرين") == [("hostages_held", 14)]
