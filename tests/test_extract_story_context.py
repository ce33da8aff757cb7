"""Extraction constructions of session 19 (issue 8, real-news recall), each in sentences written
for this test: what the headline tells of a story's subject, and the people a subset marker
divides when a figure of things stands between it and them."""

from __future__ import annotations

from crosscheck.evaluate import SCORED_KINDS
from crosscheck.extract.extractor import extract, extract_text
from crosscheck.models import Document


def scored(claims) -> list[tuple[str, float]]:
    return sorted((c.kind, c.value) for c in claims if c.kind in SCORED_KINDS)


# a body that speaks of holding people without naming a kidnapping or hostages
_BODY = "وأفرجت العصابة عن 15 سائقا كانت تحتجزهم في الغابة"


def test_headline_names_the_story_a_body_leaves_unnamed():
    # the body alone does not say these drivers were captives: people freed by someone ...
    assert scored(extract(Document(id="a", text=_BODY))) == [("prisoners_released", 15)]
    # ... a headline naming the kidnapping makes them freed hostages
    doc = Document(id="a", text=_BODY, title="خطف سائقين على الطريق الدولي")
    assert scored(extract(doc)) == [("hostages_released", 15)]


def test_headline_words_make_no_claims_and_leave_offsets_in_the_body():
    doc = Document(id="a", text=_BODY, title="الإفراج عن 15 مخطوفا بعد 40 يوما")
    claims = extract(doc)
    assert [c.value for c in claims if c.kind in SCORED_KINDS] == [15, 40]
    # (issue 8: the headline's own figures are claims of field "title", offsets into the title;
    # its 15 is the body's figure, one claim; its "40 يوما" after "بعد" is an elapsed time, as the
    # real-news sets count a headline's "الإفراج عن … بعد 75 يوما": a claim of its own)
    assert [c.field for c in claims] == ["text", "title"]
    for c in claims:
        assert (doc.title if c.field == "title" else doc.text)[c.start:c.end] == c.surface
        for m in c.mentions:
            assert (doc.title if m.field == "title" else doc.text)[m.start:m.end] == m.surface


def test_people_subset_after_hours_belongs_to_the_toll():
    claims = extract_text("وقالت الوزارة إن 40 فلسطينيا قتلوا خلال الـ24 ساعة الماضية، منهم 25 في حي التفاح")
    assert scored(claims) == [("killed", 25), ("killed", 40)]
    part = next(c for c in claims if c.value == 25)
    whole = next(c for c in claims if c.value == 40)
    # (session 43: a part named by a place of several words, "في حي التفاح", is that place's
    # figure in the whole's group, as a part at a one-word place is - "منهم 25 في حلب" - no
    # "subset" of no place; the article's own part of its own total is no conflict)
    assert part.period == whole.period == "last_24h"
    assert part.location == "tuffah" and part.group == whole.group


def test_people_subset_after_hospitals_belongs_to_the_casualties():
    claims = extract_text("وقالت هيئة الإسعاف إنها نقلت 63 شخصا إلى خمسة مستشفيات، منهم 11 في حالة حرجة")
    assert scored(claims) == [("injured", 11), ("injured", 63)]


def test_subset_marker_of_things_does_not_reach_back_to_people():
    # "منها" divides the villages (things), never the dead before them
    claims = extract_text("وقتل 30 شخصا في 4 قرى، منها 2 في الشمال")
    assert scored(claims) == [("killed", 30)]


def test_earlier_toll_named_again_past_the_predicate():
    claims = extract_text("وقالت الشرطة إن 66 شخصا لقوا حتفهم في الحريق، بعد أن كانت الحصيلة 40 يوم الجمعة")
    assert scored(claims) == [("killed", 40), ("killed", 66)]
    earlier = next(c for c in claims if c.value == 40)
    assert earlier.period == "superseded"
    assert earlier.surface == "40"  # "يوم الجمعة" dates it: no "40 days"


def test_earlier_toll_past_a_figure_of_things():
    # the villages between are no toll: the toll named again is the dead's
    claims = extract_text("وقتل 20 شخصا في 3 قرى، بعد أن كانت الحصيلة 12")
    assert scored(claims) == [("killed", 12), ("killed", 20)]
    assert next(c for c in claims if c.value == 12).period == "superseded"
    # a marker that does not name the count again does not reach past the villages
    claims = extract_text("وقتل 20 شخصا في 3 قرى، بعد أن كان 12")
    assert ("killed", 12) not in scored(claims)


def test_day_after_a_figure_is_no_unit_of_time():
    assert scored(extract_text("وكانت الجماعة تحتجزهم منذ 30 يوما")) == [("duration_days", 30)]
    claims = extract_text("وكانت الجماعة تحتجزهم حتى 30 يوم الخميس")
    assert ("duration_days", 30) not in scored(claims)


def test_gunmen_opening_fire_released_no_one():
    assert scored(extract_text("وأطلق أربعة مسلحين النار على رواد المقهى")) == []


def test_rescued_alive_are_not_the_dead_and_bodies_of_the_missing_are():
    assert scored(extract_text("وتمكنت الفرق من إنقاذ 7 صيادين أحياء بعد غرق المركب")) == []
    assert scored(extract_text("وانتشلت الفرق جثث 4 من الصيادين المفقودين")) == [("killed", 4)]


def test_stampede_wounds_in_an_article_naming_an_epidemic():
    text = "لقي 40 شخصا حتفهم وأصيب 70 آخرون إثر تدافع في أول احتفال منذ جائحة كورونا"
    assert scored(extract_text(text)) == [("injured", 70), ("killed", 40)]


def test_additive_marker_beside_a_release():
    claims = extract_text("وحررت القوات نحو 300 عامل محلي، إلى جانب 6 أجانب")
    assert scored(claims) == [("prisoners_released", 6), ("prisoners_released", 300)]


def test_votes_of_a_text_that_went_through_but_not_its_margin():
    assert scored(extract_text("ومر المشروع في اللجنة بـ88 صوتا مقابل 60")) == [("votes_against", 60), ("votes_for", 88)]
    text = "وأقرت الجمعية الاقتراح الذي مر بفارق أربعة أصوات فقط، إذ أيده 70 عضوا مقابل 66"
    assert scored(extract_text(text)) == [("votes_against", 66), ("votes_for", 70)]


def test_earlier_count_past_a_figure_of_camps():
    claims = extract_text("وقالت الهيئة إن نحو 70 ألف شخص يقيمون حاليا في أكثر من 300 مخيم، بعد أن كان العدد 45 ألفا قبل أسبوع")
    assert scored(claims) == [("displaced", 45000), ("displaced", 70000)]
    assert next(c for c in claims if c.value == 45000).period == "superseded"


def test_earlier_peak_of_a_falling_count():
    claims = extract_text("وتراجع عدد النازحين في المدارس إلى نحو 40 ألفا، بعد أن بلغ 65 ألفا في ذروة القتال")
    assert scored(claims) == [("displaced", 40000), ("displaced", 65000)]
    assert next(c for c in claims if c.value == 65000).period == "superseded"
    # a measure after "بعد أن بلغ" is no earlier count
    assert scored(extract_text("وقتل 5 أشخاص بعد أن بلغ منسوب المياه 3 أمتار")) == [("killed", 5)]


def test_earlier_figure_told_with_its_own_hedge():
    # "تجاوز"/"تخطى" is both the marker of the earlier figure and that figure's hedge
    claims = extract_text("وانخفض عدد المقيمين في مراكز الإيواء إلى 3100، بعد أن تخطى 7000 مطلع الأسبوع")
    assert scored(claims) == [("displaced", 3100), ("displaced", 7000)]
    earlier = next(c for c in claims if c.value == 7000)
    assert (earlier.period, earlier.qualifier) == ("superseded", "more_than")
    # with a noun of its own: the period rule reads the same marker
    claims = extract_text("وصعدت حصيلة قتلى العاصفة إلى 47 قتيلا، بعد أن تجاوزت 30 قتيلا صباح أمس")
    assert [(c.value, c.period) for c in claims] == [(47, "cumulative"), (30, "superseded")]
    # no newer figure before it: the count as it stands now
    claims = extract_text("والحصيلة مرشحة للارتفاع بعد أن تجاوزت 130 قتيلا")
    assert [c.value for c in claims if c.kind == "killed"] == [130]
    assert all(c.period != "superseded" for c in claims)


def test_people_held_by_armed_men_without_a_word_of_abduction():
    text = ("احتجز مسلحون ملثمون صباح اليوم 27 عاملا في مصنع للإسمنت شمالي البلاد. "
            "وقال مسؤول محلي إن المحتجزين نقلوا إلى جهة مجهولة.")
    assert scored(extract_text(text)) == [("hostages_held", 27)]
    # held by the police: an arrest, no hostages
    assert scored(extract_text("احتجزت الشرطة 40 متظاهرا أمام مبنى البرلمان")) == []
