"""A draft named again barely between two sides of its tally is the same vote (issue 8, session 39).

crosscheck.extract.vote_events.segment starts a new vote where a draft stands between two
figures; a draft named again by the definite article alone ("المشروع", "مشروع القرار"), with no
sponsors, rival word or pronoun of its own, within one sentence and before a side of the tally
not yet given, is the text the sentence spoke of: the vote goes on (its veto and sponsors stay
with all its figures).  A sponsored or rival draft, or a side given twice, still starts another.
Sentences are our own."""

from __future__ import annotations

from tally_events import tally_events


def test_bare_draft_after_the_abstention_keeps_the_vote():
    text = ("واستخدمت الصين اليوم الأربعاء حق النقض في مجلس الأمن ضد مشروع قرار فرنسي، "
            "في حين امتنعت الهند عن التصويت وأيد المشروع 12 عضوا.")
    ev = tally_events(text, "2024-05-08")
    assert ev[("votes_for", 12)]["n"] == ev[("abstentions", 1)]["n"]
    assert ev[("votes_for", 12)].get("veto") == "china"


def test_draft_of_the_resolution_between_for_and_against():
    text = ("وصوتت 9 دول لصالح مشروع قرار بريطاني في مجلس الأمن، فيما عارض مشروع القرار ثلاثة أعضاء "
            "وامتنع ثلاثة آخرون.")
    ev = tally_events(text, "2024-05-08")
    assert ev[("votes_for", 9)]["n"] == ev[("votes_against", 3)]["n"]


def test_for_the_draft_then_abstaining():
    text = ("ورغم تأييد 11 عضوا في مجلس الأمن للمشروع الأمريكي، أسقطته روسيا بالفيتو، "
            "بينما امتنع عضوان عن التصويت على المشروع.")
    ev = tally_events(text, "2024-05-08")
    assert ev[("votes_for", 11)]["n"] == ev[("abstentions", 2)]["n"]


def test_a_sponsored_draft_between_still_starts_another_vote():
    text = ("وأيد 10 أعضاء في مجلس الأمن المشروع الأمريكي، فيما عارض المشروع الروسي سبعة أعضاء.")
    ev = tally_events(text, "2024-05-08")
    assert ev[("votes_for", 10)]["n"] != ev[("votes_against", 7)]["n"]


def test_a_rival_draft_between_still_starts_another_vote():
    text = ("وأيد 10 أعضاء في مجلس الأمن مشروع القرار، بينما رفض المشروع المنافس ستة أعضاء.")
    ev = tally_events(text, "2024-05-08")
    assert ev[("votes_for", 10)]["n"] != ev[("votes_against", 6)]["n"]


def test_a_side_given_again_after_the_draft_is_another_vote():
    text = ("وأيد 12 عضوا في مجلس الأمن مشروع القرار الفرنسي، ثم أيد المشروع 13 عضوا في جولة ثانية.")
    ev = tally_events(text, "2024-05-08")
    assert ev[("votes_for", 12)]["n"] != ev[("votes_for", 13)]["n"]
