"""A past vote on a draft that names no sponsors does not take today's draft's sponsors (issue 8).

"أسقطت الولايات المتحدة مشروع القرار الجزائري ... وكانت واشنطن قد أسقطت في تشرين الأول 2003
مشروع قرار يدين بناء الجدار": the bare draft of 2003 would otherwise take the sponsors of the last
draft named with its sponsors (today's Algerian text), and a recalled vote of another draft would
carry today's draft's name - kept apart from, or joined to, the wrong vote in other articles.
Sentences are our own (crosscheck.extract.vote_events.describe)."""

from __future__ import annotations

from tally_events import tally_events

TEXT = (
    "أسقطت الولايات المتحدة في مجلس الأمن مشروع القرار الجزائري رغم تأييد 11 عضوا وامتناع ثلاث دول عن التصويت. "
    "وكانت واشنطن قد أسقطت في تشرين الأول 2003 مشروع قرار يدين بناء الجدار، وحصل يومها على 10 أصوات "
    "مقابل صوت واحد وامتناع أربع دول."
)


def test_a_past_bare_draft_keeps_no_sponsor_of_todays_draft():
    ev = tally_events(TEXT, "2004-03-26")
    today, past = ev[("votes_for", 11)], ev[("votes_for", 10)]
    assert today.get("by") == "algeria"
    assert past.get("past") == "2003"
    assert not past.get("by")


def test_todays_bare_draft_still_takes_the_sponsors_named_before():
    text = ("قدمت فرنسا مشروع قرار إلى مجلس الأمن بشأن الهدنة. وحصل المشروع على تأييد 12 عضوا مقابل "
            "اعتراض عضوين وامتناع عضو واحد.")
    ev = tally_events(text, "2024-03-26")
    assert ev[("votes_for", 12)].get("by") == "france"
