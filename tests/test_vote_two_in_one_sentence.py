"""Two votes told in one sentence are two votes (issue 8, session 35).

crosscheck.extract.vote_events.segment starts another vote where a kind already given is given
again in a clause of its own ("، ومر تجديد العقوبات بتسعة أصوات") or after a year named between
("في يوليو 2018 ... بتسعة أصوات، وأن التجديد التالي في 2019 حصل على عشرة أصوات"); each vote
keeps its own year, and a past vote never takes the number another year's vote names.  A tally
with the emphasis "only" before its joiner ("بتسعة أصوات فقط وامتناع ستة") still heads it.
Sentences are our own."""

from __future__ import annotations

from crosscheck.extract.extractor import extract_text
from tally_events import tally_events


def test_a_vetoed_draft_and_an_adopted_renewal_in_one_sentence():
    text = ("وخلال أسابيع قليلة، سقط تمديد لجنة الخبراء في مجلس الأمن بفيتو صيني رغم تأييد 12 عضوا، "
            "ومر تجديد حظر السلاح بعشرة أصوات فقط وامتناع خمسة أعضاء.")
    ev = tally_events(text, "2024-06-03")
    vetoed, adopted = ev[("votes_for", 12)], ev[("votes_for", 10)]
    assert vetoed["n"] != adopted["n"]
    assert vetoed.get("veto") == "china"
    assert "veto" not in adopted  # the veto of the clause before is the other draft's
    assert ev[("abstentions", 5)]["n"] == adopted["n"]


def test_a_year_named_between_two_tallies_of_one_sentence():
    text = ("وفرض المجلس الحظر أول مرة في مارس 2016 بالقرار 2290 بأغلبية ثمانية أصوات وامتناع سبعة، "
            "وأن التمديد التالي في 2017 نال أحد عشر صوتا.")
    ev = tally_events(text, "2024-06-03")
    first, second = ev[("votes_for", 8)], ev[("votes_for", 11)]
    assert first["n"] != second["n"]
    assert first.get("past") == "2016" and first.get("res") == "2290"
    assert second.get("past") == "2017"
    assert "res" not in second  # 2290 is the 2016 text's number
    assert ev[("abstentions", 7)]["n"] == first["n"]


def test_one_tally_in_one_clause_stays_one_vote():
    ev = tally_events("واعتمد مجلس الأمن القرار بأغلبية 13 صوتا وامتناع عضوين عن التصويت.", "2024-06-03")
    assert ev[("votes_for", 13)]["n"] == ev[("abstentions", 2)]["n"]


def test_the_same_figure_said_again_in_a_later_clause_is_the_same_vote():
    text = ("وصوتت 141 دولة لصالح القرار مقابل 5 دول، وقال دبلوماسيون إن القرار نال بذلك 141 صوتا "
            "في الجمعية العامة.")
    ev = tally_events(text, "2022-03-03")
    assert ev[("votes_for", 141)]["n"] == ev[("votes_against", 5)]["n"]


def test_only_before_the_joiner_still_heads_the_tally():
    claims = extract_text("ومر تجديد البعثة في مجلس الأمن بثمانية أصوات فقط وامتناع سبعة أعضاء")
    assert sorted((c.kind, c.value) for c in claims if c.kind in ("votes_for", "abstentions")) == [
        ("abstentions", 7), ("votes_for", 8)]
    # "only" with no joiner after it heads no tally
    assert not [c for c in extract_text("وفاز المرشح بثمانية أصوات فقط في الجولة الأولى") if c.kind == "votes_for"]


def test_a_double_veto_in_the_accusative():
    claims = extract_text("وشهد مجلس الأمن في ربيع ذلك العام فيتو مزدوجا من بكين وموسكو على مشروع العقوبات")
    assert [c.value for c in claims if c.kind == "vetoes"] == [2]
    # "مزدوجا" said of something else far after a veto is no double veto
    claims = extract_text("وقال المندوب إن بلاده لن تقبل أي فيتو في المستقبل مهما كان مزدوجا")
    assert not [c for c in claims if c.kind == "vetoes"]


def test_a_number_told_with_a_past_month_is_no_number_of_the_days_vote_or_of_another_year():
    text = ("ومر تجديد حظر السلاح في مجلس الأمن أمس بعشرة أصوات وامتناع خمسة أعضاء. "
            "وكان التجديد في 2019 قد حصل على أحد عشر صوتا وامتناع أربعة. "
            "أما تجديدات البعثات فتحظى غالبا بالإجماع، كما حدث مع القرار 2715 بشأن البعثة في مارس الماضي.")
    ev = tally_events(text, "2024-06-03")
    assert "res" not in ev[("votes_for", 10)]  # 2715 is March's text, not yesterday's vote
    assert ev[("votes_for", 11)].get("past") == "2019"
    assert "res" not in ev[("votes_for", 11)]  # nor the 2019 vote's
