"""A bare ordinal opening a sentence, set off by a comma before a sponsor adjective or a relative
clause, stands for one of the texts named before ("أسقط المجلس مشروعي قرار ... الأول، الأمريكي،
سقط بالفيتو ... والثاني، الروسي، نال ستة أصوات"): it is that text, with the ordinal and its own
sponsors, and never inherits the sponsors of the text told before it.  Sentences are our own
(rules/vote_events.yaml, second pattern of the `draft` cue; crosscheck.extract.vote_events)."""

from __future__ import annotations

from tally_events import tally_events

LEAD = "رفض مجلس الأمن الدولي خلال شهر مشروعي قرار متنافسين بشأن الهدنة. "


def test_apposition_adjectives_name_each_drafts_sponsor():
    ev = tally_events(LEAD + "الأول، الفرنسي، سقط بفيتو روسي رغم تأييد 12 عضوا له. "
                      "والثاني، الروسي، طرح بعد أسبوعين، ولم ينل سوى أربعة أصوات مقابل ثمانية معارضين.",
                      "2021-06-03")
    first = ev[("votes_for", 12)]
    second = ev[("votes_for", 4)]
    assert first.get("by") == "france" and first.get("ord") == "1", ev
    assert second.get("by") == "russia" and second.get("ord") == "2", ev
    assert second.get("subj") == "draft" and ev[("votes_against", 8)].get("by") == "russia", ev


def test_a_relative_clause_after_the_ordinal_names_the_sponsor():
    ev = tally_events(LEAD + "نال الأول تأييد 11 عضوا وقدمته فرنسا. "
                      "أما الثاني، الذي قدمته الصين، فلم يحصل إلا على خمسة أصوات.", "2021-06-03")
    assert ev[("votes_for", 5)].get("by") == "china", ev
    assert ev[("votes_for", 5)].get("ord") == "2", ev


def test_a_bare_ordinal_without_sponsors_does_not_inherit_the_first_drafts():
    ev = tally_events("صوت مجلس الأمن أمس على مشروع قرار فرنسي فأيده 11 عضوا. "
                      "والثاني، المعدل، لم ينل سوى خمسة أصوات.", "2021-06-03")
    assert ev[("votes_for", 11)].get("by") == "france", ev
    assert ev[("votes_for", 5)].get("by", "") != "france", ev


def test_ordinals_after_two_amendments_count_amendments():
    ev = tally_events("صوتت الجمعية العامة أمس على تعديلين قبل اعتماد القرار. "
                      "الأول، الروسي، رفض بعد أن أيدته 31 دولة. والثاني، الصيني، أيدته 40 دولة.",
                      "2021-06-03")
    assert ev[("votes_for", 31)].get("subj") == "amendment" and ev[("votes_for", 31)].get("by") == "russia", ev
    assert ev[("votes_for", 40)].get("subj") == "amendment" and ev[("votes_for", 40)].get("ord") == "2", ev


def test_a_month_ordinal_is_no_text():
    # miss: "كانون الثاني،" is a month, not a text
    ev = tally_events("صوت مجلس الأمن على مشروع قرار فرنسي في كانون الثاني، الماضي، فأيده 11 عضوا.", "2021-06-03")
    assert ev[("votes_for", 11)].get("ord", "") == "", ev
