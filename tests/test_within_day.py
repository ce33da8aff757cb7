"""Parts of the day order a running total's reports of one day (crosscheck.reconcile.within_day)."""

from __future__ import annotations

from datetime import date

from test_reconciler_factory import claim

from crosscheck.models import Mention
from crosscheck.reconcile.intervals import claim_span
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.reconcile.within_day import Moment, moments

DAY = "2024-03-06"


def told(doc, value, sentence, as_of=DAY):
    return claim(doc, "killed", value, sentence=sentence, as_of=as_of, as_of_from="metadata")


def test_morning_then_evening_of_one_day_is_growth():
    [c] = reconcile([told("a", 41, "قال المتحدث صباح الأربعاء إن عدد القتلى بلغ 41"),
                     told("b", 57, "أعلنت الوزارة مساء الأربعاء أن الحصيلة ارتفعت إلى 57")])
    assert c.status == "consistent" and not c.outlier_links
    assert [p.date for p in c.trajectory] == [DAY]  # one point per day, its end


def test_evening_figure_below_a_morning_one_of_the_same_day_falls():
    [c] = reconcile([told("a", 57, "قال المتحدث صباح الأربعاء إن عدد القتلى بلغ 57"),
                     told("b", 41, "أعلنت الوزارة مساء الأربعاء أن الحصيلة بلغت 41"),
                     told("c", 60, "وبلغت الحصيلة 60 يوم الخميس", as_of="2024-03-07"),
                     told("d", 58, "وبلغت الحصيلة 58 ظهر الأربعاء")])
    assert c.status == "conflict" or c.outlier_links
    out = {x.doc for x in c.claims if x.outlier}
    assert out == {"b"}


def test_two_figures_of_the_same_part_of_the_day_must_agree():
    [c] = reconcile([told("a", 32, "أعلن الوزير مساء الخميس أن المستشفيات استقبلت 32 قتيلا"),
                     told("b", 38, "قال ضابط مساء اليوم إن الحصيلة ارتفعت إلى 38"),
                     told("c", 16, "قتل 16 شخصا صباح اليوم")])
    assert c.status == "conflict" or any(link.direction == "same_day" for link in c.outlier_links)


def test_a_figure_of_unknown_hour_fits_between_the_parts_it_can():
    claims = [told("a", 16, "قتل 16 شخصا صباح اليوم"),
              told("b", 28, "ارتفعت الحصيلة إلى 28 قتيلا"),
              told("c", 32, "أعلن الوزير مساء الخميس أن الحصيلة 32")]
    [c] = reconcile(claims)
    assert c.status == "consistent" and not c.outlier_links
    spans = [claim_span(x, True) for x in claims]
    got = moments(claims, spans, [date(2024, 3, 6)] * 3)
    assert all(isinstance(m, Moment) for m in got)
    assert got[0] < got[1] < got[2]
    assert got[2].isoformat() == "2024-03-06 evening"


def test_days_without_a_part_of_the_day_are_one_moment_as_before():
    claims = [told("a", 16, "قتل 16 شخصا"), told("b", 28, "ارتفعت الحصيلة إلى 28 قتيلا")]
    spans = [claim_span(x, True) for x in claims]
    assert moments(claims, spans, [date(2024, 3, 6)] * 2) == [date(2024, 3, 6)] * 2
    [c] = reconcile(claims)
    assert c.status == "conflict" or c.outlier_links  # same day, two figures: as before


def test_a_headline_figure_takes_the_part_of_the_day_its_body_gives():
    head = "الحصيلة ترتفع إلى 38 قتيلا"
    body = "قال ضابط مساء اليوم إن الحصيلة ارتفعت إلى 38 قتيلا"
    c38 = told("b", 38, head)
    c38 = c38.model_copy(update={"mentions": [
        Mention(start=c38.start, end=c38.end, surface="38", sentence=head),
        Mention(start=c38.start + 100, end=c38.end + 100, surface="38", sentence=body)]})
    [c] = reconcile([told("a", 32, "أعلن الوزير مساء الخميس أن المستشفيات استقبلت 32 قتيلا"), c38])
    assert c.status == "conflict" or any(link.direction == "same_day" for link in c.outlier_links)


def test_a_part_of_the_day_past_an_earlier_figure_is_not_the_new_figures():
    """"صباح اليوم ... إلى 88، بعد أن كانت 60 خلال الليل": the night is the 60's; the 88 stands
    in the morning, below the evening's 95 of another outlet - growth, no same-day mismatch."""
    [c] = reconcile([told("a", 88, "أعلن الوزير صباح اليوم ارتفاع عدد القتلى إلى 88 عاملا، "
                                   "بعد أن كانت الحصيلة 60 خلال الليل"),
                     told("b", 95, "ارتفع عدد القتلى إلى 95 عاملا مساء اليوم بحسب الوزير")])
    assert c.status == "consistent" and not c.outlier_links


def test_a_figure_told_after_an_earlier_ones_part_of_the_day_stands_later():
    """"إلى 82، بعد أن كان 27 صباح اليوم": the 82 names no part of its own, but stands after the
    morning; another outlet's 30 of unknown hour fits between the two - no same-day mismatch."""
    sentence = "ارتفع عدد ضحايا الحريق إلى 82 قتيلا، بعد أن كان 27 صباح اليوم"
    claims = [told("a", 82, sentence), told("a", 27, sentence), told("b", 30, "قتل 30 شخصا في الحريق")]
    [c] = reconcile(claims)
    assert c.status == "consistent" and not c.outlier_links
    spans = [claim_span(x) for x in claims]
    got = moments(claims, spans, [date(2024, 3, 6)] * 3)
    assert got[1] < got[2] < got[0]


def test_part_before_names_nothing_when_the_figure_has_its_own_part():
    from crosscheck.reconcile.dating import date_rules
    from crosscheck.text.dates import part_before

    s = "أعلن الوزير مساء اليوم ارتفاع العدد إلى 82 قتيلا، بعد أن كان 27 صباح اليوم"
    assert part_before(s, s.index("82"), date_rules()) is None
    t = "ارتفع العدد إلى 82 قتيلا، بعد أن كان 27 صباح اليوم"
    assert part_before(t, t.index("82"), date_rules()) == 2
    assert part_before(t, t.index("27"), date_rules()) is None


def test_part_before_is_the_part_of_this_figures_earlier_figure_only():
    # the evening is the 12's (the figure before the 15's), not the 30's told first
    from crosscheck.reconcile.dating import date_rules
    from crosscheck.text.dates import part_before

    s = "وكانت الوزارة قد أعلنت أن عدد المصابين بلغ 30، وأن عدد القتلى ارتفع إلى 15 بعد أن كان 12 مساء اليوم"
    assert part_before(s, s.index("30"), date_rules()) is None
    assert part_before(s, s.index("15"), date_rules()) == 4


def test_part_before_of_another_day_does_not_order_this_figures_day():
    # the 12 stood on another day's evening (yesterday, Thursday, a dated day): the 15 is later
    # than it whatever the hour, so that evening names no moment of the 15's own day
    from crosscheck.reconcile.dating import date_rules
    from crosscheck.text.dates import part_before

    for tail in ("مساء أمس", "مساء الخميس", "مساء يوم الخميس", "صباح 5 مارس", "ليل الأربعاء"):
        s = f"وأن عدد القتلى ارتفع إلى 15 بعد أن كان 12 {tail}"
        assert part_before(s, s.index("15"), date_rules()) is None, tail
    s = "ارتفع عدد القتلى إلى 15 قتيلا بعد أن كانوا 12 قتيلا صباح اليوم"
    assert part_before(s, s.index("15"), date_rules()) == 2


def test_a_part_of_the_day_in_another_clause_is_not_a_figure_naming_its_own_day():
    # "خلال الليل" belongs to the 80's clause; the 71 names its own day (Thursday) in its clause
    from crosscheck.reconcile.dating import date_rules
    from crosscheck.text.dates import part_of_day

    r = date_rules()
    for s in ("ارتفع العدد إلى 80 بعد وفاة جرحى خلال الليل، في حين كانت حصيلة الخميس 71 قتيلا",
              "ارتفع العدد صباح اليوم إلى 80 قتيلا، بينما كان 71 أمس",
              "أعلنت الوزارة مساء اليوم أن العدد بلغ 80، مقابل 71 قتيلا في الرابع من مارس"):
        assert part_of_day(s, s.index("71"), r) is None, s
    # a clause naming no day of its own keeps the sentence's part of the day
    s = "أعلن الوزير مساء الأربعاء، أن الحصيلة بلغت 40"
    assert part_of_day(s, s.index("40"), r) == 4
    s = "بلغت الحصيلة 40 قتيلا، وفق ما أعلنته الوزارة مساء الخميس"
    assert part_of_day(s, s.index("40"), r) == 4
    # a day in the figure's clause that is the event's ("الذي ضرب ... مساء الجمعة") is not its own
    s = "أعلنت الإدارة، صباح الأحد، أن حصيلة الزلزال الذي ضرب الولاية مساء الجمعة ارتفعت إلى 38 قتيلا"
    assert part_of_day(s, s.index("38"), r) == 2
    s = "أعلن الرئيس الحداد بعد أن ارتفع عدد قتلى تفجير السبت إلى 231 قتيلا، وفق مصادر طبية مساء الأحد"
    assert part_of_day(s, s.index("231"), r) == 4


def test_a_rival_count_stands_at_the_moment_of_the_figure_it_disputes():
    # the article names the morning for the official figure; the witnesses' figure, with no part
    # of the day, is not a later growth but a rival count of that moment
    official = told("a", 120, "أعلنت الوزارة صباح اليوم ارتفاع عدد القتلى إلى 120")
    rival = told("a", 300, "لكن شهودا شككوا في الرقم الرسمي وقالوا إن 300 شخص على الأقل قتلوا")
    [c] = reconcile([official, rival, told("b", 125, "وبلغت الحصيلة 125 مساء اليوم")])
    assert c.status == "conflict" or c.outlier_links
    # without the words of a rival count, the same figure could stand later that day
    later = told("a", 300, "وقال مسؤول محلي إن 300 شخص على الأقل قتلوا")
    [c] = reconcile([official, later])
    assert c.status == "consistent" and not c.outlier_links


def test_a_days_figure_of_unknown_hour_is_not_above_that_days_evening_figure():
    # a later article: "by Sunday evening 149"; the day's own report, no hour named: 163 - it came
    # out before the evening, so the day's evening figure cannot be below it
    own = told("a", 163, "انتشال 163 جثة من حطام العبارة")
    recalled = claim("b", "killed", 149, sentence="وكان عدد الجثث المنتشلة قد بلغ 149 مساء الأحد",
                     as_of=DAY, as_of_from="text")
    [c] = reconcile([own, recalled])
    assert c.status == "conflict" or c.outlier_links
    # ... while a lower figure of unknown hour is that day's earlier stage
    [c] = reconcile([told("a", 120, "انتشال 120 جثة من حطام العبارة"), recalled])
    assert c.status == "consistent" and not c.outlier_links



def test_late_evening_with_the_article_follows_the_days_unparted_figure():
    # "في ساعة متأخرة من المساء" (the evening with its article) names the late evening, like
    # "من مساء الثلاثاء": the day's figure of unknown hour stood before it
    claims = [told("a", 19, "لقي 19 شخصا على الأقل حتفهم اليوم في انهيار المنجم"),
              told("b", 64, "ارتفعت حصيلة انهيار المنجم إلى 64 قتيلا، وفق ما أعلنه الحاكم في ساعة متأخرة من المساء")]
    [c] = reconcile(claims)
    assert c.status == "consistent" and not c.outlier_links
    got = moments(claims, [claim_span(x, True) for x in claims], [date(2024, 3, 6)] * 2)
    assert got[0] < got[1]
