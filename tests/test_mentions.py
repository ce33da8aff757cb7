"""One claim per figure: a figure a document repeats is one claim with every mention."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from crosscheck.cli import app
from crosscheck.extract.extractor import extract_text

TEXT = (
    "مقتل 27 شخصا في انهيار مبنى سكني\n"
    "أعلن الدفاع المدني مقتل 27 شخصا وإصابة 40 آخرين في انهيار مبنى سكني. "
    "وقال مسؤول إن بين القتلى 9 أطفال، مضيفا أن 27 شخصا قتلوا حتى الآن."
)


def _killed(claims):
    return [c for c in claims if c.kind == "killed"]


def test_a_repeated_figure_is_one_claim_with_every_mention():
    claims = extract_text(TEXT)
    total = [c for c in _killed(claims) if c.value == 27]
    assert len(total) == 1
    c = total[0]
    assert len(c.mentions) == 3
    first = c.mentions[0]
    assert (first.start, first.end, first.surface, first.sentence) == (c.start, c.end, c.surface, c.sentence)
    assert [m.start for m in c.mentions] == sorted(m.start for m in c.mentions)
    for m in c.mentions:
        assert TEXT[m.start:m.end] == m.surface and "27" in m.surface
        assert m.surface in m.sentence


def test_different_values_and_scopes_stay_separate_claims():
    claims = _killed(extract_text(TEXT))
    assert sorted((c.value, c.group) for c in claims) == [(9, "children"), (27, "all")]
    changed = extract_text("ارتفع عدد القتلى من 27 إلى 31 قتيلا. وكان عدد القتلى 27 قتيلا صباحا.")
    periods = sorted((c.value, c.period) for c in _killed(changed))
    assert (27, "superseded") in periods and (31, "cumulative") in periods


def test_a_single_figure_has_its_one_mention():
    (c,) = _killed(extract_text("قتل 12 شخصا في الهجوم."))
    assert [(m.start, m.end, m.surface) for m in c.mentions] == [(c.start, c.end, c.surface)]


def test_extract_prints_one_record_per_claim_with_its_mentions(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", "--kind", "killed", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert sorted(r["value"] for r in records) == [9, 27]
    (total,) = [r for r in records if r["value"] == 27]
    assert len(total["mentions"]) == 3
    assert all(set(m) == {"start", "end", "surface", "sentence", "field"} for m in total["mentions"])


def test_show_points_at_every_mention(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    listed = runner.invoke(app, ["clusters", "--kind", "killed", "--format", "json", str(path)])
    assert listed.exit_code == 0, listed.output
    ids = [c["id"] for c in json.loads(listed.stdout) if c["kind"] == "killed"]
    shown = "".join(runner.invoke(app, ["show", i, str(path)]).stdout for i in ids)
    (total,) = [c for c in extract_text(TEXT) if c.kind == "killed" and c.value == 27]
    assert shown.count("also stated") == len(total.mentions) - 1 == 2
    for m in total.mentions[1:]:
        assert f"[{m.start}:{m.end}]" in shown


def _figures(text, kind="killed"):
    return sorted((c.value, c.location, len(c.mentions)) for c in extract_text(text) if c.kind == kind)


def test_a_figure_named_by_a_place_and_by_the_area_around_it_is_one_claim():
    # the lead names the province, the body the country: one figure, two mentions
    text = (
        "قتل 17 شخصا في حلب جراء القصف. "
        "وقالت مصادر محلية إن 17 شخصا قتلوا في شمال سوريا."
    )
    assert _figures(text) == [(17, "aleppo", 2)]


def test_the_same_figure_in_two_sibling_places_stays_two_claims():
    text = "قتل 9 أشخاص في حلب. وفي حادث آخر قتل 9 أشخاص في إدلب."
    assert _figures(text) == [(9, "aleppo", 1), (9, "idlib", 1)]


def test_the_general_group_and_a_named_group_of_one_figure_merge():
    text = "أعلن الجيش مقتل 6 من جنوده. وقال المتحدث إن 6 قتلى سقطوا في الكمين."
    claims = [c for c in extract_text(text) if c.kind == "killed"]
    assert [(c.value, len(c.mentions)) for c in claims] == [(6, 2)]


def test_which_scopes_are_one_figure():
    from crosscheck.extract.mentions import same_figure

    (base,) = [c for c in extract_text("قتل 12 شخصا في الهجوم.") if c.kind == "killed"]
    base = base.model_copy(update={"location": "aleppo", "group": "all", "period": "cumulative"})

    def other(**kw):
        return base.model_copy(update=kw)

    nested = lambda a, b: {a, b} == {"aleppo", "syria"}  # noqa: E731
    assert same_figure(base, other(location="syria"), nested)
    assert same_figure(base, other(group="soldiers", period="event"), nested)
    assert not same_figure(base, other(location="idlib"), nested)
    assert not same_figure(base, other(location=None), nested)
    # one value stated for everyone and for a group, in a time window, as a superseded or a
    # projected toll, or for a phase of a deal: one figure said twice
    assert same_figure(base, other(group="subset:جنود"), nested)
    assert same_figure(base, other(group="women"), nested)
    assert same_figure(base, other(period="last_24h"), nested)
    assert same_figure(base, other(period="superseded"), nested)
    assert same_figure(base, other(event="phase:1"), nested)
    # ... but two named groups, two windows, two phases or an item of a list of parts are two
    women = other(group="women")
    assert not same_figure(women, other(group="children"), nested)
    assert not same_figure(base, other(group="part:حلب"), nested)
    assert not same_figure(other(period="last_24h"), other(period="last_week"), nested)
    assert not same_figure(other(event="phase:1"), other(event="phase:2"), nested)
    assert same_figure(other(group="subset"), other(group="subset:بحالة"), nested)
    assert not same_figure(base, other(value=13), nested)
    tally = other(kind="votes_for", location=None, group=None)
    assert not same_figure(tally, tally.model_copy(update={"period": "event"}), nested)
    # a count since a start, restated later with no period of its own: one figure; and the other
    # way round (session 21: a headline's verb-less toll over the lead that gives its start,
    # "28 شهيدا في غارات …" / "ارتفع عدد الشهداء منذ مساء الاثنين إلى 28"); not a window
    # restated as another window
    since = other(period="since:--01-01")
    assert same_figure(since, other(period="cumulative"), nested)
    assert same_figure(other(period="cumulative"), since, nested)
    assert not same_figure(since, other(period="last_24h"), nested)
    # a start named by its month and by a day of that month ("منذ ديسمبر" in the headline, "منذ
    # أواخر ديسمبر" in the lead) is one start; two different months are two
    assert same_figure(other(period="since:--12"), other(period="since:--12-25"), nested)
    assert same_figure(other(period="since:2013-04-02"), other(period="since:2013-04"), nested)
    assert not same_figure(other(period="since:--12"), other(period="since:--11-25"), nested)
    assert not same_figure(other(period="since:--1"), other(period="since:--12"), nested)


def test_a_count_since_a_start_restated_in_a_quote_is_one_claim():
    text = ("وقالت المنظمة إن البلاد سجلت منذ بداية العام 412 وفاة بالمرض. "
            "وقال الوزير إن \"412 وفاة رقم يدعونا إلى التحرك\".")
    killed = [c for c in extract_text(text) if c.kind == "killed"]
    assert len(killed) == 1 and len(killed[0].mentions) == 2, [(c.value, c.period) for c in killed]


def test_a_figure_restated_in_a_window_or_for_a_group_is_the_whole_toll():
    # a daily bulletin's figure that is also the toll, and a toll named once by its group
    text = ("سجلت الوزارة 14 وفاة خلال الساعات الـ24 الماضية. "
            "وقال المتحدث إن حصيلة الوفيات بلغت 14 وفاة في المدينة.")
    (c,) = _killed(extract_text(text))
    assert (c.value, c.period, len(c.mentions)) == (14, "cumulative", 2)
    text = "قتل 33 طفلا في قصف المدرسة. وأكد المستشفى أنه استقبل 33 قتيلا."
    (c,) = _killed(extract_text(text))
    assert (c.value, c.group, len(c.mentions)) == (33, "all", 2)
    # the parts of a toll listed by place stay parts
    text = "قتل 40 شخصا، منهم 3 في حمص و3 في حماة."
    assert sorted(c.value for c in _killed(extract_text(text))) == [3, 3, 40]


def test_a_tally_stated_twice_for_one_vote_is_one_claim():
    # the second statement names the text without its number: only the assigned vote joins them
    # (both name the same two abstainers: "وامتناع بريطانيا" alone now counts one abstention, which
    # would tell the two statements apart as two votes)
    text = ("اعتمد مجلس الأمن الدولي القرار 2790 بأغلبية 13 صوتا وامتناع بريطانيا وروسيا. وصوت لصالح القرار 13 "
            "عضوا من أعضاء المجلس الخمسة عشر، فيما امتنعت لندن وموسكو عن التصويت.")
    tallies = [c for c in extract_text(text) if c.kind == "votes_for"]
    assert [c.value for c in tallies] == [13]
    assert [m.surface for m in tallies[0].mentions] == ["13 صوتا", "13 عضوا"]


def test_two_votes_with_the_same_tally_stay_two_claims():
    text = ("واعتمد مجلس الأمن القرار 2790 بأغلبية 13 صوتا. "
            "وفي العام الماضي اعتمد المجلس القرار 2650 بأغلبية 13 صوتا أيضا.")
    tallies = [c for c in extract_text(text) if c.kind == "votes_for"]
    assert len(tallies) == 2 and len({c.event for c in tallies}) == 2


def test_two_figures_joined_by_and_are_two_counts_even_of_equal_value():
    # "خمسة ألمان وخمسة أطفال": a list of two counts, never one figure named twice
    for text in ("قتل خمسة ألمان وخمسة أطفال في الهجوم", "قتل 5 أشخاص و5 أطفال في الهجوم",
                 "قتل خمسة فرنسيين وخمسة أطفال في الهجوم"):
        got = sorted((c.value, c.group) for c in extract_text(text) if c.kind == "killed")
        assert got == [(5, "all"), (5, "children")], (text, got)
    # the same value stated again later in the text for a group is still one figure
    text = "قتل 29 شخصا في القصف. وكان جميع القتلى أطفالا، إذ قالت الوزارة إن القصف قتل 29 طفلا."
    assert [c.value for c in extract_text(text) if c.kind == "killed"] == [29]


def test_a_listed_next_count_is_read_from_the_characters_between_not_the_sentence():
    # the one or two characters between two equal figures decide (a bounded read of the
    # document's text): the sentence is never searched, so a list elsewhere in it counts for nothing
    from crosscheck.extract.mentions import _listed_next

    text = "قتل 5 أشخاص و5 أطفال في الهجوم"
    a, b = [c for c in extract_text(text) if c.kind == "killed"]
    gap = text[a.end:b.start]
    assert gap == " و" and _listed_next(a, b, text)
    other = text[: a.end] + "، " + text[b.start:]  # same offsets, a comma between them
    assert (a.surface + gap + b.surface) in b.sentence  # what a sentence search would find
    assert not _listed_next(a, b, other)
    assert not _listed_next(a, b, None)



def test_a_headline_figure_with_a_place_and_its_body_figure_without_one_are_one_claim():
    # the headline adds the place the body leaves to its context (issue 8, session 22): one
    # figure; in the body the same two stay two (test_which_scopes_are_one_figure)
    from crosscheck.extract.mentions import MentionMerger

    text = "نحو 7 آلاف نازح في البلدة بعد الفيضان\nوقالت السلطات إن العدد ارتفع إلى نحو 7 آلاف"
    (c,) = [c for c in extract_text("نحو 7 آلاف نازح بعد الفيضان") if c.kind == "displaced"]
    head = c.model_copy(update={"location": "aleppo", "start": 0, "end": 15, "mentions": []})
    body = c.model_copy(update={"location": None, "start": 60, "end": 70, "mentions": []})
    merger = MentionMerger(None, text)
    merger.add(head)
    merger.add(body)
    assert [(m.location, len(m.mentions)) for m in merger.out] == [("aleppo", 2)]
    body_only = MentionMerger(None, "x" * 300 + "\n" + text)
    body_only.add(head.model_copy(update={"start": 310, "end": 325, "mentions": []}))
    body_only.add(body.model_copy(update={"start": 360, "end": 370, "mentions": []}))
    assert len(body_only.out) == 2


# --- one sentence stating a value twice: two figures (crosscheck.extract.mentions._same_sentence)

@pytest.mark.parametrize("text, kind, value, figures", [
    # a list item opened by "و": a second figure
    ("وقالت النيابة إن الهجوم أسفر عن مقتل 12 شخصا في السوق و12 في المحطة المجاورة.", "killed", 12, 2),
    # the two sides of an exchange, each with its own noun: two figures
    ("وأفرجت السلطات عن 20 صيادا أجنبيا، فيما سلمت الدولة المجاورة 20 شخصا كانوا محتجزين لديها.",
     "prisoners_released", 20, 2),
    # a bare recap of a figure: a mention of it
    ("وأعادت الحكومة 30 جنديا، في حين سلم الطرف الآخر أسيرين، في صفقة وصفت بأنها \"30 مقابل 2\".",
     "prisoners_released", 2, 1),
])
def test_a_value_stated_twice_in_one_sentence(text, kind, value, figures):
    got = [c for c in extract_text(text) if c.kind == kind and c.value == value]
    assert len(got) == figures


def test_a_part_named_by_its_own_noun_is_not_merged_into_an_equal_whole():
    # a whole and a part said to be among it, with the same value: two claims
    text = "لقي 17 شخصا حتفهم في انهيار جسر بالمدينة. وكان بين القتلى 17 عاملا من الورشة."
    claims = sorted((c.value, c.group) for c in _killed(extract_text(text)))
    assert claims == [(17, "all"), (17, "subset:عاملا")]


def test_a_part_restated_with_its_own_noun_is_still_one_figure():
    # the headline gives the part's figure with the part's noun: a mention, not a second claim
    text = "احتجاز 19 صيادا في البحر\nأوقفت دورية بحرية قاربين على متنهما 21 شخصا، هم 19 صيادا وبحاران."
    held = [c for c in extract_text(text) if c.value == 19]
    assert len(held) == 1 and len(held[0].mentions) == 2


def test_a_headline_nationality_keeps_its_group_over_a_body_mention_without_one():
    text = (
        "مقتل 12 مصريا في انقلاب حافلة بليبيا\n"
        "أعلنت وزارة الخارجية المصرية اليوم أن 12 من مواطنيها قتلوا في انقلاب حافلة على الطريق الساحلي."
    )
    (twelve,) = [c for c in _killed(extract_text(text)) if c.value == 12]
    assert twelve.group == "nationals:egypt" and len(twelve.mentions) == 2


def test_a_days_count_and_the_same_figure_as_a_toll_are_one_claim_of_that_day():
    """A headline's toll and its lead's "في اليوم الأول من الهدنة" (period day:first) name one
    figure: one claim, the day's count, whichever comes first."""
    for text in ("40 قتيلا في سوريا رغم الهدنة\nقال المرصد إن 40 شخصا قتلوا في اليوم الأول من الهدنة في سوريا.",
                 "قال المرصد إن 40 شخصا قتلوا في اليوم الأول من الهدنة في سوريا. وأضاف أن 40 شخصا قتلوا بالرصاص."):
        forty = [c for c in _killed(extract_text(text)) if c.value == 40]
        assert len(forty) == 1 and forty[0].period == "day:first" and len(forty[0].mentions) == 2, forty
